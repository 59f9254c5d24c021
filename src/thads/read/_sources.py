"""Row sources (nguồn dòng): CSV files, JSON Lines files and Python mappings."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress, repeat
from pathlib import Path
from typing import IO, Any, Final, Protocol

from thads.errors import InvalidRecordError
from thads.read._encodings import check_encoding, encoding_of, undecodable
from thads.read._headings import ColumnMap, locate_columns
from thads.read._rows import PathLike, RawRow, Rows, Span, UnreadableRow, is_jsonl
from thads.read._shard import in_part, line_owner, plain_file
from thads.records import clean

_SPANS: Final = (
    "a quote opened on this line is not closed on it (fields are single-line); "
    "the field ran on to line {end}"
)


class _Lines:
    """The lines of a file by number, for rows the csv module could not split alone.

    Asked in increasing order (as the reader meets broken rows), it reads the file once
    whatever the number of broken rows; it opens it again only to go back.
    """

    def __init__(self, path: PathLike, encoding: str) -> None:
        self.path, self.encoding = path, encoding
        self.handle: IO[str] | None = None
        self.number = 0

    def between(self, first: int, last: int) -> Iterator[tuple[int, str]]:
        """(number, text) of lines ``first``..``last``."""
        if self.handle is None or first <= self.number:
            self.close()
            self.handle = open(self.path, encoding=self.encoding, newline="")  # noqa: SIM115
            self.number = 0
        for text in self.handle:
            self.number += 1
            if self.number >= first:
                yield self.number, text
            if self.number >= last:
                return

    def field(self, number: int, at: int) -> str | None:
        """Field ``at`` of line ``number`` as far as it can be read (split at commas), or
        None."""
        for _, text in self.between(number, number):
            parts = text.split(",", at + 1)
            return clean(parts[at].strip().strip('"')) or None if at < len(parts) else None
        return None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def _csv_rows(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None = None,
    columns: ColumnMap = None,
    cli: bool = True,
    span: Span | None = None,
    part: tuple[int, int] | None = None,
) -> Iterator[tuple[int, RawRow]]:
    """The rows of a CSV file (of its byte range ``span``; of part ``part``, by case id)."""
    found: list[_OwnLines] = []
    rows = _csv_all(path, required, optional, encoding, columns, cli, span, part, found)
    return rows if part is None else _part_rows(rows, part, found)


def _part_rows(
    rows: Iterator[tuple[int, RawRow]], part: tuple[int, int], found: list[_OwnLines]
) -> Iterator[tuple[int, RawRow]]:
    for item in rows:  # only the lines of the part were parsed, or parse all and keep its rows
        if found:  # known once the first row comes: the rest need no filter
            yield item
            yield from rows
            return
        if in_part(item[1], part):
            yield item


def _csv_all(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None,
    columns: ColumnMap,
    cli: bool,
    span: Span | None,
    part: tuple[int, int] | None,
    found: list[_OwnLines],
) -> Iterator[tuple[int, RawRow]]:
    name = str(path)
    chosen = encoding_of(path, encoding)
    lines = _Lines(path, chosen)
    own: _OwnLines | None = None
    window: IO[str] | None = None
    try:
        with open(path, encoding=chosen, newline="") as handle:
            reader = csv.reader(handle)
            offset = 0  # line numbers: the reader's own, plus the lines before its range
            try:
                header = next(reader, None)
            except csv.Error as error:
                raise InvalidRecordError(
                    f"{name}:1", "*", f"header cannot be read: {error}", code="row.unreadable"
                ) from None
            if header is None:
                raise InvalidRecordError(
                    name,
                    "*",
                    f"the file is empty: a CSV file needs a header line ({', '.join(required)})",
                    code="file.empty",
                )
            where = locate_columns(name, list(header), required, optional, columns, cli=cli)
            width = len(header)
            canonical = where == list(range(width))
            if span is not None:  # a worker's own lines only (jobs=N, thads.read._shard)
                window = _range_text(path, span, chosen)
                reader = csv.reader(window)
                offset = span.line - 1
            if part is not None and where[0] == 0 and chosen in _UTF8 and plain_file(path):
                own = _OwnLines(path, part)  # only the lines of the part are parsed
                found.append(own)
                reader = csv.reader(own)
            last = reader.line_num + offset
            while True:
                try:
                    for values in reader:
                        line = reader.line_num + offset if own is None else own.number
                        if own is not None:  # one row a line: the lines between are others'
                            last = line - 1
                        if line != last + 1 or len(values) != width or not values[0]:
                            yield from _odd_row(lines, last, line, values, width, where)
                        elif canonical:  # the canonical layout: the row is the list of fields
                            yield line, values  # type: ignore[misc]
                        else:
                            yield line, [values[j] if j >= 0 else None for j in where]
                        last = line
                    break
                except csv.Error as error:
                    line = reader.line_num + offset if own is None else own.number
                    if own is not None:
                        last = line - 1
                    # the row's case_id from its first line, so that a bad event still
                    # holds its case (on_bad_event="hold_case")
                    case_id = lines.field(last + 1, where[0]) if where[0] >= 0 else None
                    yield line, UnreadableRow(f"cannot be read as CSV: {error}", case_id)
                    last = line
    except UnicodeDecodeError as error:
        raise undecodable(path, chosen, error) from None
    finally:
        lines.close()
        if own is not None:
            own.handle.close()
        if window is not None:
            window.close()


_UTF8: Final = ("utf-8", "utf-8-sig")


class _OwnLines:
    """The lines of a plain CSV file (one row a line) whose case id falls in ``part``, as
    text, without parsing the others; ``number`` is the number of the last one given.

    The file is taken in blocks of whole lines. When every case id of a block (the bytes
    before a line's first comma) is plain ASCII with no byte below 33, which cleaning
    keeps as it is, the ids are hashed as they stand; a block with any other id is taken
    line by line, as :func:`thads.read._shard.line_owner` reads an id."""

    def __init__(self, path: PathLike, part: tuple[int, int]) -> None:
        self.handle = open(path, "rb")  # noqa: SIM115 (closed when the lines run out)
        self.handle.readline()  # the header, read by the caller
        self.number = 1
        self.index, self.count = part

    def __iter__(self) -> Iterator[str]:
        index, count, read, crc32 = self.index, self.count, self.handle.read, zlib.crc32
        number = 1
        rest = b""
        while block := read(_OWN_BLOCK):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if not cut:
                continue
            lines = block[: cut - 1].split(b"\n")
            keys = [line.partition(b",")[0] for line in lines]
            ids = b"\n".join(keys)
            if (
                keys[0]
                and keys[-1]
                and ids.isascii()
                and b"\n\n" not in ids
                and _LOW_BYTE.search(ids) is None
            ):
                mine = [crc32(key) % count == index for key in keys]
            else:
                mine = [_owner(line, count) == index for line in lines]
            ends = map(bytes.__add__, compress(lines, mine), repeat(b"\n"))
            for self.number, text in zip(
                compress(range(number + 1, number + 1 + len(lines)), mine),
                map(bytes.decode, ends),
                strict=True,
            ):
                yield text
            number += len(lines)
        if rest and _owner(rest, count) == index:  # a last line without a line end
            self.number = number + 1
            yield rest.decode("utf-8")
        self.handle.close()


_OWN_BLOCK: Final = 1 << 20
"""Bytes read at a time by :class:`_OwnLines`."""
_LOW_BYTE: Final = re.compile(rb"[\x00-\x09\x0b-\x20]")
"""A byte below 33 other than a line end: an id with one is taken line by line."""


def _owner(line: bytes, count: int) -> int:
    """The part of a line (without its line end) by its case id: the bytes before its
    first comma, or the whole line without a carriage return if it has none."""
    comma = line.find(b",")
    return line_owner(line[:comma] if comma >= 0 else line.rstrip(b"\r\n"), count)


def _range_text(path: PathLike, span: Span, encoding: str) -> IO[str]:
    """The text of bytes ``span.start`` to ``span.end`` of ``path`` (whole lines)."""
    raw = open(path, "rb")  # noqa: SIM115 (closed with the text around it)
    raw.seek(span.start)
    window = io.BufferedReader(_Window(raw, span.end - span.start), 1 << 16)
    text_encoding = "utf-8" if encoding == "utf-8-sig" else encoding  # no mark mid-file
    return io.TextIOWrapper(window, encoding=text_encoding, newline="")


class _Window(io.RawIOBase):
    """At most ``size`` bytes of an open file, from where it stands."""

    def __init__(self, raw: IO[bytes], size: int) -> None:
        self.raw, self.left = raw, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            return 0
        view = memoryview(buffer)[: self.left]
        got = self.raw.readinto(view)  # type: ignore[attr-defined]
        self.left -= got
        return int(got)

    def close(self) -> None:
        self.raw.close()
        super().close()


def _odd_row(
    lines: _Lines,
    last: int,
    line: int,
    values: list[str],
    width: int,
    where: list[int],
) -> Iterator[tuple[int, RawRow]]:
    """A row that spans lines, has the wrong field count, no first field, or is blank."""
    key = where[0]
    if line != last + 1:
        start = last + 1
        yield (
            start,
            UnreadableRow(_SPANS.format(end=line), _field(values, key), code="quote.unclosed"),
        )
        yield from _reparse(lines, start + 1, line, width, where)
        return
    if not any(v.strip() for v in values):
        yield line, None
    elif len(values) != width:
        yield (
            line,
            UnreadableRow(
                f"has {len(values)} fields, the header has {width}",
                _field(values, key),
                code="row.width",
            ),
        )
    else:
        yield line, [values[j] if j >= 0 else None for j in where]


def _field(values: list[str], at: int) -> str | None:
    """The cleaned field ``at`` of a broken row (its case_id), if there is one."""
    return clean(values[at]) or None if 0 <= at < len(values) else None


def _reparse(
    lines: _Lines, first: int, last: int, width: int, where: list[int]
) -> Iterator[tuple[int, RawRow]]:
    """Lines ``first``..``last`` of a CSV file read one by one (after a run-on quote)."""
    for number, text in list(lines.between(first, last)):
        try:
            rows = list(csv.reader([text]))
        except csv.Error as error:
            yield number, UnreadableRow(f"cannot be read as CSV: {error}")
            continue
        values = rows[0] if rows else []
        if any("\n" in v or "\r" in v for v in values):
            yield (
                number,
                UnreadableRow(
                    _SPANS.format(end=number), _field(values, where[0]), code="quote.unclosed"
                ),
            )
        else:
            yield from _odd_row(lines, number - 1, number, values, width, where)


class _DuplicateKeyError(ValueError):
    """A JSON object with a key given twice."""


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object, refusing a key given twice (json keeps the last one silently)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = sorted({k for k, _ in pairs if k in seen or seen.add(k)})  # type: ignore[func-returns-value]
        raise _DuplicateKeyError(", ".join(repr(k) for k in twice))
    return obj


def _json_int(digits: str) -> int | str:
    """A JSON integer; one too long for Python to convert stays text (the reader then
    rejects it as an amount too large, naming its row)."""
    return int(digits) if len(digits) <= 40 else digits


def _json_id(raw: object) -> str | None:
    """The case_id of a broken JSON object, text or a whole number, for the hold policy."""
    if isinstance(raw, str):
        return clean(raw) or None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return None


def _jsonl_rows(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None = None,
    columns: ColumnMap = None,
) -> Iterator[tuple[int, RawRow]]:
    fields = (*required, *optional)
    rename = {str(k): v for k, v in (columns or {}).items() if v is not None}
    skip = {str(k) for k, v in (columns or {}).items() if v is None}
    known = set(fields) | set(rename) | skip
    id_keys = ["case_id", *(k for k, v in rename.items() if v == "case_id")]
    chosen = encoding_of(path, encoding)
    decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_int=_json_int)
    loads = json.loads
    started = False
    try:
        with open(path, encoding=chosen) as handle:
            for number, text in enumerate(handle, start=1):
                if not text.strip():
                    yield number, None
                    continue
                if not started and text.lstrip().startswith("["):
                    raise InvalidRecordError(
                        f"{path}:{number}",
                        "*",
                        "the file is a JSON array, not JSON Lines: JSON Lines holds one JSON "
                        "object per line (no enclosing [ ]); write one object per line, "
                        "e.g. with jq -c '.[]'",
                        code="json.not_object",
                    )
                started = True
                try:
                    try:
                        obj = loads(text)  # the C parser; checked below, or parsed again
                    except json.JSONDecodeError:
                        raise
                    except ValueError:  # e.g. an integer of thousands of digits
                        obj = decoder.decode(text)
                    if type(obj) is dict and text.count(":") != len(obj):
                        # each key of the text has its colon: as many colons as keys kept
                        # means no key was given twice; else parse again, exactly
                        obj = decoder.decode(text)
                except _DuplicateKeyError as twice:
                    yield (
                        number,
                        UnreadableRow(
                            f"a key is given twice ({twice}): which value holds is not guessed",
                            _json_id(_loose_id(text, id_keys)),
                            code="heading.duplicate",
                        ),
                    )
                    continue
                except json.JSONDecodeError as error:
                    yield (
                        number,
                        UnreadableRow(
                            f"not valid JSON: {error.msg}",
                            _id_in_text(text, id_keys),
                            code="json.invalid",
                        ),
                    )
                    continue
                except RecursionError:
                    yield (
                        number,
                        UnreadableRow("not valid JSON: nested too deeply", code="json.invalid"),
                    )
                    continue
                except ValueError as error:
                    yield number, UnreadableRow(f"not valid JSON: {error}", code="json.invalid")
                    continue
                if not isinstance(obj, dict):
                    yield (
                        number,
                        UnreadableRow("a line must hold a JSON object", code="json.not_object"),
                    )
                    continue
                extra = obj.keys() - known
                if extra:
                    raw_id = _first_of(obj, id_keys)
                    yield (
                        number,
                        UnreadableRow(
                            f"unknown fields {sorted(extra)}: a field thads does not recognise is "
                            f"not ignored; expected {', '.join(fields)}; map it with "
                            "columns={NAME: FIELD} or ignore it with columns={NAME: None}",
                            _json_id(raw_id),
                            sorted(extra)[0],
                            code="heading.unknown",
                        ),
                    )
                    continue
                if rename:
                    renamed = {rename.get(k, k): v for k, v in obj.items()}
                    if len(renamed) != len(obj):
                        yield number, _both(obj, rename, _json_id(_first_of(obj, id_keys)))
                        continue
                    obj = renamed
                yield number, [obj.get(f) for f in fields]
    except UnicodeDecodeError as error:
        raise undecodable(path, chosen, error) from None


def _id_in_text(text: str, keys: list[str]) -> str | None:
    """The case_id of a line that is not valid JSON, if a key of it can be seen (so that a
    broken event still holds its case)."""
    for key in keys:
        pattern = '"' + re.escape(key) + r'"\s*:\s*(?:"([^"\\]*)"|(-?[0-9]+)\b)'
        found = re.search(pattern, text)
        if found:
            return clean(found.group(1) or found.group(2) or "") or None
    return None


def _first_of(obj: dict[str, object], keys: list[str]) -> object:
    """The value of the first of ``keys`` in ``obj`` (the case_id under its names)."""
    return next((obj[k] for k in keys if k in obj), None)


def _loose_id(text: str, keys: list[str]) -> object:
    """The case_id of a line whose object has a key given twice (the first one given)."""
    try:
        pairs = json.loads(text, object_pairs_hook=lambda p: p)
    except (ValueError, RecursionError):
        return None
    if isinstance(pairs, list):
        for key, value in pairs:
            if key in keys:
                return value
    return None


def _both(obj: dict[str, object], rename: Mapping[str, str], case_id: str | None) -> RawRow:
    """The rejection of an object giving a field both under its name and an alias."""
    target: dict[str, list[str]] = {}
    for key in obj:
        target.setdefault(str(rename.get(key) or key), []).append(key)
    field, keys = next((f, k) for f, k in target.items() if len(k) > 1)
    return UnreadableRow(
        f"keys {keys} both give {field!r}: which value holds is not guessed",
        case_id,
        field,
        code="heading.duplicate",
    )


_TABLE_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".ods", ".parquet", ".feather", ".arrow")


def file_rows(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None = None,
    columns: ColumnMap = None,
    cli: bool = True,
    span: Span | None = None,
    part: tuple[int, int] | None = None,
) -> Rows:
    if isinstance(path, (str, os.PathLike)) and Path(path).suffix.lower() in _TABLE_SUFFIXES:
        suffix = Path(path).suffix.lower()
        hint = (
            "thads.read_excel(path, cases_sheet=..., events_sheet=...)"
            if suffix in (".xlsx", ".xlsm")
            else "a data frame library to load it, then thads.read_frame(cases, events)"
        )
        raise InvalidRecordError(
            str(path),
            "path",
            f"read_cases reads CSV and JSON Lines files, not {suffix} files; use {hint}",
            code="file.type",
        )
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidRecordError(
            "read_cases",
            "path",
            f"needs a file path, not {type(path).__name__}; for rows in Python use "
            "thads.read_records(cases, events), for a data frame thads.read_frame(cases, events)",
            code="file.type",
        )
    if encoding is not None:
        check_encoding(encoding, str(path))
    if is_jsonl(path):
        if part is not None:
            return lambda: (
                item
                for item in _jsonl_rows(path, required, optional, encoding, columns)
                if in_part(item[1], part)
            )
        return lambda: _jsonl_rows(path, required, optional, encoding, columns)
    return lambda: _csv_rows(path, required, optional, encoding, columns, cli, span, part)


def mapped_rows(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None = None,
    columns: ColumnMap = None,
) -> Iterator[tuple[str, dict[str, object]]]:
    """(record, row by field) of a small file (offices, quotas); a broken row is an error."""
    fields = (*required, *optional)
    for line, values in file_rows(path, required, optional, encoding, columns, cli=False)():
        record = f"{path}:{line}"
        if values is None:
            continue
        if isinstance(values, UnreadableRow):
            raise InvalidRecordError(record, values.field, values.reason, code=values.code)
        yield record, dict(zip(fields, values, strict=True))


def is_frame(value: object) -> bool:
    module = type(value).__module__.split(".")[0]
    return module in ("pandas", "polars", "pyarrow") and hasattr(value, "columns")


class Record(Protocol):
    """A record as :func:`thads.read.read_records` takes it: a mapping, or any row with
    ``keys()`` and item access by key (``sqlite3.Row``, a database driver's row...)."""

    def keys(self) -> Iterable[str]: ...

    def __getitem__(self, key: str, /) -> object: ...


class RecordTypeError(InvalidRecordError, TypeError):
    """Records of a type :func:`thads.read.read_records` cannot read (not mapping-like)."""


def record_rows(
    records: Iterable[Record], fields: tuple[str, ...], columns: ColumnMap = None
) -> Rows:
    if is_frame(records):
        raise InvalidRecordError(
            "read_records",
            "records",
            f"got a {type(records).__name__} data frame: read it with "
            "thads.read_frame(cases, events) (extras 'pandas' or 'polars')",
            code="file.type",
        )
    aliases: dict[str, list[str]] = {}
    for given, target in (columns or {}).items():
        if target in fields:
            aliases.setdefault(target, []).append(str(given))
    keys = [(f, [*aliases.get(f, ()), f]) for f in fields]

    def numbered() -> Iterator[tuple[int, RawRow]]:
        for number, record in enumerate(records, start=1):
            if not aliases and isinstance(record, dict):
                yield number, [record.get(f) for f in fields]
                continue
            if isinstance(record, str | bytes) or not (
                hasattr(record, "keys") and hasattr(record, "__getitem__")
            ):
                raise RecordTypeError(
                    "read_records",
                    "records",
                    f"record {number} is a {type(record).__name__}, not a mapping: records are "
                    "mappings or rows with keys() and item access by name (dict, sqlite3.Row); "
                    "for a data frame use thads.read_frame",
                    code="record.not_mapping",
                )
            yield number, _record_values(record, keys)

    return numbered


def _record_values(record: Record, keys: list[tuple[str, list[str]]]) -> RawRow:
    """The fields of a mapping-like record; a field given under two keys rejects it."""
    present = set(record.keys())
    values: list[object] = []
    for field, names in keys:
        found = [name for name in names if name in present]
        if len(found) > 1:
            return UnreadableRow(
                f"keys {found} both give {field!r}: which value holds is not guessed",
                None,
                field,
                code="heading.duplicate",
            )
        values.append(record[found[0]] if found else None)
    return values
