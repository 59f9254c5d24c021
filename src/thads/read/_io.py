"""Readers and writers of the interchange format, version 1 (CSV and JSON Lines).

``cases.csv``: case_id, office, executor, mode, judgment_kind, judgment_ref,
judgment_effective, accepted_on, amount, creditor (and optionally due_on).
``events.csv``: case_id, date, kind, amount, and optionally ground.
The same records as JSON Lines (``.jsonl`` / ``.ndjson``), one object per line.

Every row read is accounted for: it is either part of an accepted case or listed in
:attr:`CaseReader.rejected` with its file, line, field and reason.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import IO, Final, Literal, TypeVar

import attrs

from thads import validate
from thads.errors import InvalidRecordError, ThadsError
from thads.law import GroundKind, parse_ground
from thads.records import (
    CLOSING_CODES,
    CODE,
    CODE_BY_NAME,
    CREDITOR_ALIASES,
    CREDITORS,
    EVENT_KIND_ALIASES,
    EVENT_KINDS,
    HEADINGS,
    JUDGMENT_KIND_ALIASES,
    JUDGMENT_KINDS,
    KINDS,
    MODE_ALIASES,
    MODES,
    MONEY_CODES,
    OFFICE_COLUMNS,
    OFFICE_OPTIONAL,
    Case,
    CompiledCase,
    CreditorKind,
    Debt,
    EnforcementMode,
    Event,
    EventKind,
    Judgment,
    JudgmentKind,
    LabelTable,
    OfficeTree,
    Step,
    Timeline,
    TimelineBuilder,
    accepted_text,
    clean,
    fold,
    month_serial,
    read_office_rows,
)
from thads.values import Quota

CASE_COLUMNS: Final = (
    "case_id",
    "office",
    "executor",
    "mode",
    "judgment_kind",
    "judgment_ref",
    "judgment_effective",
    "accepted_on",
    "amount",
    "creditor",
)
"""Required columns of cases.csv (interchange format v1)."""
CASE_OPTIONAL: Final = ("due_on",)
"""Optional columns of cases.csv."""
EVENT_COLUMNS: Final = ("case_id", "date", "kind", "amount")
"""Columns of events.csv; ``amount`` may be blank for events without money."""
EVENT_OPTIONAL: Final = ("ground",)
"""Optional columns of events.csv."""
_READER_FIELDS: Final = frozenset((*CASE_COLUMNS, *CASE_OPTIONAL, *EVENT_COLUMNS, *EVENT_OPTIONAL))

PathLike = str | os.PathLike[str]


@attrs.frozen
class RejectedRow:
    """A row that was not accepted, with where it was and why."""

    file: str
    line: int
    record: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.record}: field {self.field!r}: {self.reason}"


@attrs.define
class FileCount:
    """Rows read, accepted and rejected in one file; read == accepted + rejected."""

    read: int = 0
    accepted: int = 0
    rejected: int = 0
    blank: int = 0
    """Blank rows (no value in any field): skipped, counted apart from ``read``."""


class RowError(InvalidRecordError):
    """A bad row of an input file (raised in strict mode); names file and line."""

    def __init__(self, row: RejectedRow) -> None:
        self.row = row
        ThadsError.__init__(self, str(row))
        self.record, self.field, self.reason = row.record, row.field, row.reason


def _is_jsonl(path: PathLike) -> bool:
    return Path(path).suffix.lower() in (".jsonl", ".ndjson", ".json")


class UnreadableRow:
    """A row that could not even be split into fields (wrong field count, not JSON, an
    unclosed quote...): yielded by a row source instead of the fields, and rejected."""

    __slots__ = ("case_id", "field", "reason")

    def __init__(self, reason: str, case_id: str | None = None, field: str = "*") -> None:
        self.reason = reason
        self.case_id = case_id
        self.field = field


RawRow = list[object] | UnreadableRow | None
Rows = Callable[[], Iterable[tuple[int, RawRow]]]
"""A source of numbered rows, each a list of raw values in the order of the fields
asked for (None where absent), an :class:`UnreadableRow`, or None for a blank row; each
call starts reading again."""

ColumnMap = Mapping[str, str | None] | None
"""Headings mapped to fields (``{"Số tiền": "amount"}``); a heading mapped to None is ignored."""
"""``columns=``: a heading of the file → the interchange field it holds."""

OnBadEvent = Literal["hold_case", "drop_event"]
ON_BAD_EVENT: Final = ("hold_case", "drop_event")
"""What a rejected event does to its case: hold the whole case out (default) or drop it."""


def _check_on_bad_event(value: object) -> None:
    if value not in ON_BAD_EVENT:
        raise InvalidRecordError(
            "CaseReader",
            "on_bad_event",
            f"unknown value {value!r}; expected one of: {', '.join(ON_BAD_EVENT)}",
        )


class InputEncodingError(InvalidRecordError):
    """A file that cannot be decoded in its encoding; names the file, line and option."""


def _encoding_of(path: PathLike, encoding: str | None) -> str:
    """The encoding to read ``path`` in: a byte-order mark wins, then ``encoding``, UTF-8."""
    with open(path, "rb") as raw:
        head = raw.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if encoding is None:
        return "utf-8-sig"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InvalidRecordError(
            str(path), "encoding", f"unknown encoding {encoding!r} (e.g. utf-8, utf-16, cp1258)"
        ) from None
    return encoding


def _undecodable(path: PathLike, encoding: str, error: UnicodeDecodeError) -> InputEncodingError:
    """The error for a file that does not decode, at the line of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    with open(path, "rb") as raw:
        while chunk := raw.read(1 << 16):
            try:
                line += decoder.decode(chunk).count("\n")
            except UnicodeDecodeError as bad:
                good = chunk[: max(bad.start - len(decoder.getstate()[0]), 0)]
                line += codecs.decode(good, encoding, "replace").count("\n")
                break
    name = "UTF-8" if encoding.startswith("utf-8") else encoding
    return InputEncodingError(
        f"{path}:{line}",
        "*",
        f"cannot be decoded as {name} ({error.reason}); give the file's encoding with "
        "encoding=... (thads report --encoding ...), e.g. 'cp1258' for Windows-1258 as Excel "
        "saves Vietnamese text, or save it as UTF-8",
    )


def locate_columns(
    name: str,
    header: list[object],
    required: tuple[str, ...],
    optional: tuple[str, ...],
    columns: ColumnMap,
    *,
    cli: bool = True,
) -> list[int]:
    """Where each field (required, then optional) is in ``header``; -1 if absent.

    ``cli``: the file can be read with ``thads report --column`` (cases and events).

    Headings are matched after :func:`thads.labels.fold` against the field names, the
    Vietnamese headings of :data:`thads.labels.HEADING_ALIASES` and ``columns``.
    """
    fields = (*required, *optional)
    user: dict[str, str] = {}
    ignored: set[str] = set()
    for given, target in (columns or {}).items():
        if target is None:
            ignored.add(fold(str(given)))
            continue
        if target not in fields:
            if target in _READER_FIELDS:
                continue  # a field of the other file (cases or events)
            raise InvalidRecordError(
                name,
                "columns",
                f"{given!r} is mapped to {target!r}, which is not a field of this file; "
                f"fields: {', '.join(fields)}",
            )
        user[fold(str(given))] = target
    own = {fold(f): f for f in fields}
    at: dict[str, int] = {}
    unknown: list[str] = []
    for j, heading in enumerate(header):
        text = "" if heading is None else str(heading)
        key = fold(text)
        if not key:
            continue
        field = user.get(key) or own.get(key) or HEADINGS.match(text)
        if key in ignored:
            if field is not None and field in fields:
                raise InvalidRecordError(
                    name,
                    "columns",
                    f"{text!r} is asked to be ignored, but it is the {field!r} column of "
                    f"this file: only a column thads does not recognise can be ignored "
                    f"(map it to another field with columns={{{text!r}: FIELD}} instead)",
                )
            continue
        if field is None or field not in fields:
            unknown.append(text)
            continue
        if field in at:
            raise InvalidRecordError(
                name,
                field,
                f"duplicate column: headings {header[at[field]]!r} (column {at[field] + 1}) "
                f"and {text!r} (column {j + 1}) both give {field!r}",
            )
        at[field] = j
    missing = [c for c in required if c not in at]
    expected = f"expected {', '.join(required)}" + (
        f" (optional: {', '.join(optional)})" if optional else ""
    )
    expected += ", or their Vietnamese headings (docs/interchange-format.md)"
    found = [str(h) for h in header]
    option = " (thads report --column HEADING=FIELD)" if cli else ""
    if missing:
        raise InvalidRecordError(
            name,
            ", ".join(missing),
            f"required column missing; headings found: {found}; {expected}; map other "
            f"headings with columns={{HEADING: FIELD}}{option}{_semicolon_hint(found)}",
        )
    if unknown:
        ignore = " (thads report --column HEADING=)" if cli else ""
        raise InvalidRecordError(
            name,
            "columns",
            f"unknown headings {unknown}: a column thads does not recognise is not ignored "
            f"(it may hold a field under another name); headings found: {found}; "
            f"{expected}; map a heading to a field with columns={{HEADING: FIELD}}{option}, "
            f"or ignore it with columns={{HEADING: None}}{ignore}",
        )
    return [at.get(c, -1) for c in fields]


def _semicolon_hint(found: list[str]) -> str:
    """A hint for a header line that is one heading holding semicolons."""
    if len(found) == 1 and ";" in found[0]:
        return (
            "; the header looks separated by ';' (as Excel saves CSV under Vietnamese "
            "regional settings): save the file with commas"
        )
    return ""


_SPANS: Final = (
    "a quote opened on this line is not closed on it (fields are single-line); "
    "the field ran on to line {end}"
)


def _csv_rows(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None = None,
    columns: ColumnMap = None,
    cli: bool = True,
) -> Iterator[tuple[int, RawRow]]:
    name = str(path)
    chosen = _encoding_of(path, encoding)
    try:
        with open(path, encoding=chosen, newline="") as handle:
            reader = csv.reader(handle)
            try:
                header = next(reader, None)
            except csv.Error as error:
                raise InvalidRecordError(
                    f"{name}:1", "*", f"header cannot be read: {error}"
                ) from None
            if header is None:
                raise InvalidRecordError(
                    name,
                    "*",
                    f"the file is empty: a CSV file needs a header line ({', '.join(required)})",
                )
            where = locate_columns(name, list(header), required, optional, columns, cli=cli)
            width = len(header)
            canonical = where == list(range(width))
            last = reader.line_num
            while True:
                try:
                    for values in reader:
                        line = reader.line_num
                        if line != last + 1 or len(values) != width or not values[0]:
                            yield from _odd_row(path, chosen, last, line, values, width, where)
                        elif canonical:  # the canonical layout: the row is the list of fields
                            yield line, values  # type: ignore[misc]
                        else:
                            yield line, [values[j] if j >= 0 else None for j in where]
                        last = line
                    break
                except csv.Error as error:
                    line = reader.line_num
                    yield line, UnreadableRow(f"cannot be read as CSV: {error}")
                    last = line
    except UnicodeDecodeError as error:
        raise _undecodable(path, chosen, error) from None


def _odd_row(
    path: PathLike,
    encoding: str,
    last: int,
    line: int,
    values: list[str],
    width: int,
    where: list[int],
) -> Iterator[tuple[int, RawRow]]:
    """A row that spans lines, has the wrong field count, no first field, or is blank."""
    if line != last + 1:
        start = last + 1
        yield start, UnreadableRow(_SPANS.format(end=line), _first(values))
        yield from _reparse(path, encoding, start + 1, line, width, where)
        return
    if not any(v.strip() for v in values):
        yield line, None
    elif len(values) != width:
        yield (
            line,
            UnreadableRow(f"has {len(values)} fields, the header has {width}", _first(values)),
        )
    else:
        yield line, [values[j] if j >= 0 else None for j in where]


def _first(values: list[str]) -> str | None:
    return clean(values[0]) or None if values else None


def _reparse(
    path: PathLike, encoding: str, first: int, last: int, width: int, where: list[int]
) -> Iterator[tuple[int, RawRow]]:
    """Lines ``first``..``last`` of a CSV file read one by one (after a run-on quote)."""
    with open(path, encoding=encoding, newline="") as handle:
        for number, text in enumerate(handle, start=1):
            if number > last:
                break
            if number < first:
                continue
            try:
                rows = list(csv.reader([text]))
            except csv.Error as error:
                yield number, UnreadableRow(f"cannot be read as CSV: {error}")
                continue
            values = rows[0] if rows else []
            if any("\n" in v or "\r" in v for v in values):
                yield number, UnreadableRow(_SPANS.format(end=number), _first(values))
            else:
                yield from _odd_row(path, encoding, number - 1, number, values, width, where)


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
    chosen = _encoding_of(path, encoding)
    try:
        with open(path, encoding=chosen) as handle:
            for number, text in enumerate(handle, start=1):
                if not text.strip():
                    yield number, None
                    continue
                try:
                    obj = json.loads(text)
                except json.JSONDecodeError as error:
                    yield number, UnreadableRow(f"not valid JSON: {error.msg}")
                    continue
                except RecursionError:
                    yield number, UnreadableRow("not valid JSON: nested too deeply")
                    continue
                if not isinstance(obj, dict):
                    yield number, UnreadableRow("a line must hold a JSON object")
                    continue
                extra = obj.keys() - known
                if extra:
                    raw_id = obj.get("case_id")
                    for given, target in rename.items():
                        if target == "case_id" and given in obj:
                            raw_id = obj[given]
                    yield (
                        number,
                        UnreadableRow(
                            f"unknown fields {sorted(extra)}: a field thads does not recognise is "
                            f"not ignored; expected {', '.join(fields)}; map it with "
                            "columns={NAME: FIELD} or ignore it with columns={NAME: None}",
                            (clean(raw_id) or None) if isinstance(raw_id, str) else None,
                            sorted(extra)[0],
                        ),
                    )
                    continue
                if rename:
                    obj = {rename.get(k, k): v for k, v in obj.items()}
                yield number, [obj.get(f) for f in fields]
    except UnicodeDecodeError as error:
        raise _undecodable(path, chosen, error) from None


_TABLE_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".ods", ".parquet", ".feather", ".arrow")


def _file_rows(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None = None,
    columns: ColumnMap = None,
    cli: bool = True,
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
        )
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidRecordError(
            "read_cases",
            "path",
            f"needs a file path, not {type(path).__name__}; for rows in Python use "
            "thads.read_records(cases, events), for a data frame thads.read_frame(cases, events)",
        )
    if _is_jsonl(path):
        return lambda: _jsonl_rows(path, required, optional, encoding, columns)
    return lambda: _csv_rows(path, required, optional, encoding, columns, cli)


def _mapped_rows(
    path: PathLike,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None = None,
    columns: ColumnMap = None,
) -> Iterator[tuple[str, dict[str, object]]]:
    """(record, row by field) of a small file (offices, quotas); a broken row is an error."""
    fields = (*required, *optional)
    for line, values in _file_rows(path, required, optional, encoding, columns, cli=False)():
        record = f"{path}:{line}"
        if values is None:
            continue
        if isinstance(values, UnreadableRow):
            raise InvalidRecordError(record, values.field, values.reason)
        yield record, dict(zip(fields, values, strict=True))


def _is_frame(value: object) -> bool:
    module = type(value).__module__.split(".")[0]
    return module in ("pandas", "polars", "pyarrow") and hasattr(value, "columns")


def _record_rows(records: Iterable[Mapping[str, object]], fields: tuple[str, ...]) -> Rows:
    if _is_frame(records):
        raise InvalidRecordError(
            "read_records",
            "records",
            f"got a {type(records).__name__} data frame: read it with "
            "thads.read_frame(cases, events) (extras 'pandas' or 'polars')",
        )

    def numbered() -> Iterator[tuple[int, RawRow]]:
        for number, record in enumerate(records, start=1):
            if isinstance(record, Mapping):
                yield number, [record.get(f) for f in fields]
            else:
                yield (
                    number,
                    UnreadableRow(f"a record must be a mapping, not {type(record).__name__}"),
                )

    return numbered


_MISSING: Final = "is missing"
MAX_AMOUNT: Final = 2**63 - 1
"""The largest amount the reader takes (9.223.372.036.854.775.807 đồng), a 64-bit integer."""


_LARGEST: Final = f"{MAX_AMOUNT:,}".replace(",", ".")


def _bounded(amount: int, record: str, field: str) -> int:
    if amount > MAX_AMOUNT:
        raise InvalidRecordError(
            record, field, f"is more than the largest amount thads reads ({_LARGEST} đồng)"
        )
    return amount


_DAY_MONTH_YEAR: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _not_iso(text: str) -> str:
    """Why ``text`` is not a date; a Vietnamese dd/mm/yyyy date gets its ISO spelling."""
    reason = f"{_short(text)} is not an ISO date (YYYY-MM-DD)"
    found = _DAY_MONTH_YEAR.fullmatch(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        try:
            date(year, month, day)
        except ValueError:
            return reason  # not a day/month/year date either: no spelling to suggest
        reason += f"; write dd/mm/yyyy as yyyy-mm-dd, e.g. {year:04d}-{month:02d}-{day:02d}"
    return reason


def _text(value: object, record: str, field: str, required: bool = True) -> str:
    """The cleaned text of a field (NFC, trimmed, no invisible characters); required: not
    blank. Text, or a whole number (not a bool); anything else is rejected."""
    if type(value) is str:
        text = value.strip() if value.isascii() else clean(value)
    elif isinstance(value, str):
        text = clean(value)
    elif value is None:
        text = ""
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    else:
        raise InvalidRecordError(
            record, field, f"must be text, not {type(value).__name__} {_short(value)}"
        )
    if required and not text:
        raise InvalidRecordError(record, field, _MISSING)
    return text


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _checked(values: RawRow, parse: Callable[[_Decoder, list[object]], _T], decode: _Decoder) -> _T:
    """The fields of one row, or InvalidRecordError (also for a row that could not be split)."""
    if isinstance(values, UnreadableRow):
        raise InvalidRecordError("row", values.field, values.reason)
    assert values is not None
    return parse(decode, values)


_GROUND_KIND: Final = {
    CODE[EventKind.POSTPONED]: GroundKind.POSTPONEMENT,
    CODE[EventKind.SUSPENDED]: GroundKind.SUSPENSION,
    CODE[EventKind.TERMINATED]: GroundKind.TERMINATION,
}


class _Decoder:
    """Field decoders with caches: each distinct text is parsed once per reading."""

    def __init__(self) -> None:
        self.dates: dict[str, tuple[date, int, int] | None] = {}
        self.modes: dict[str, EnforcementMode] = {m.value: m for m in EnforcementMode}
        self.kinds: dict[str, JudgmentKind] = {k.value: k for k in JudgmentKind}
        self.creditors: dict[str, CreditorKind] = {c.value: c for c in CreditorKind}
        self.events = dict(CODE_BY_NAME)
        self.names: dict[str, str] = {}
        self.grounds: dict[tuple[int, str], str | None] = {}

    text = staticmethod(_text)

    def name(self, value: object, record: str, field: str) -> str:
        """A code or name (office, executor), normalised once per distinct text."""
        if type(value) is str:
            hit = self.names.get(value)
            if hit is not None:
                return hit
            text = self.names[value] = _text(value, record, field)
            return text
        return _text(value, record, field)

    def day(
        self, value: object, record: str, field: str, required: bool = True
    ) -> tuple[date, int, int] | None:
        """(date, ordinal, month serial) of an ISO date, None if blank and optional."""
        if isinstance(value, str):
            if value in self.dates:
                hit = self.dates[value]
                if hit is None:
                    raise InvalidRecordError(record, field, _not_iso(value.strip()))
                return hit
            text = clean(value)
            if not text:
                if required:
                    raise InvalidRecordError(record, field, _MISSING)
                return None
            try:
                if len(text) != 10 or not text.isascii():
                    raise ValueError
                parsed = date.fromisoformat(text)
            except ValueError:
                self.dates[value] = None
                raise InvalidRecordError(record, field, _not_iso(text)) from None
            found = self.dates[value] = (parsed, parsed.toordinal(), month_serial(parsed))
            return found
        if value is None:
            if required:
                raise InvalidRecordError(record, field, _MISSING)
            return None
        day = validate.day(value, record, field)  # the types' check: no datetime
        return day, day.toordinal(), month_serial(day)

    def amount(self, value: object, record: str, field: str, required: bool) -> int:
        """An amount of money: only ASCII digits (an optional sign), or an int."""
        if isinstance(value, str):
            text = value.strip()
            if not text:
                if required:
                    raise InvalidRecordError(record, field, _MISSING)
                return 0
            if text.isascii() and text.isdigit():
                return _bounded(int(text), record, field)
            if text.isascii() and text[0] in "+-" and text[1:].isdigit():
                amount = int(text)
                if amount < 0:
                    raise InvalidRecordError(record, field, f"must not be negative, got {amount}")
                return _bounded(amount, record, field)
            raise InvalidRecordError(
                record,
                field,
                f"{_short(text)} is not an integer number of đồng (only the digits 0-9, "
                "no separators or decimals)",
            )
        if value is None:
            if required:
                raise InvalidRecordError(record, field, _MISSING)
            return 0
        return _bounded(validate.money(value, record, field), record, field)  # types' check

    def choice(
        self,
        table: dict[str, E],
        kind: type[E],
        aliases: Mapping[str, tuple[str, ...]],
        value: object,
        record: str,
        field: str,
    ) -> E:
        """A member of ``kind`` by its name or a Vietnamese alias (remembered per text)."""
        if type(value) is str:
            member = table.get(value)
            if member is not None:
                return member
        text = self.text(value, record, field)
        canonical = _ALIAS_TABLES[id(aliases)].match(text)
        if canonical is None:
            raise InvalidRecordError(
                record,
                field,
                f"unknown value {_short(text)}; expected one of: {accepted_text(aliases)}",
            )
        member = kind(canonical)
        if type(value) is str:
            table[value] = member
        return member

    def event_code(self, value: object, record: str) -> int:
        if type(value) is str:
            code = self.events.get(value)
            if code is not None:
                return code
        member = self.choice({}, EventKind, EVENT_KIND_ALIASES, value, record, "kind")
        code = CODE[member]
        if type(value) is str:
            self.events[value] = code
        return code

    def ground(self, code: int, value: object, record: str) -> str | None:
        """The code (``"48.1.c"``) of a legal ground written in any accepted form, or None."""
        if value is None or value == "":
            return None
        if type(value) is not str:
            raise InvalidRecordError(
                record, "ground", f"must be text, not {type(value).__name__} {_short(value)}"
            )
        key = (code, value)
        if key in self.grounds:
            return self.grounds[key]
        text = clean(value)
        if not text:
            found = None
        else:
            found = parse_ground(text, kind=_GROUND_KIND.get(code), record=record).code
        self.grounds[key] = found
        return found


_ALIAS_TABLES: Final[dict[int, LabelTable]] = {
    id(MODE_ALIASES): MODES,
    id(JUDGMENT_KIND_ALIASES): JUDGMENT_KINDS,
    id(CREDITOR_ALIASES): CREDITORS,
    id(EVENT_KIND_ALIASES): EVENT_KINDS,
}

E = TypeVar("E", bound=StrEnum)
_T = TypeVar("_T")

_CaseFields = tuple[
    str, str, str, EnforcementMode, JudgmentKind, str, "date | None", date, int, int,
    CreditorKind, "date | None",
]  # fmt: skip


def _case_fields(decode: _Decoder, values: list[object]) -> _CaseFields:
    """Checked fields of one cases.csv row, in column order (the first bad one raises)."""
    case_id = decode.text(values[0], "case", "case_id")
    record = f"case {case_id}"
    office = decode.name(values[1], record, "office")
    executor = decode.name(values[2], record, "executor")
    mode = decode.choice(decode.modes, EnforcementMode, MODE_ALIASES, values[3], record, "mode")
    kind = decode.choice(
        decode.kinds, JudgmentKind, JUDGMENT_KIND_ALIASES, values[4], record,
        "judgment_kind",
    )  # fmt: skip
    ref = decode.text(values[5], record, "judgment_ref", required=False)
    effective = decode.day(values[6], record, "judgment_effective", required=False)
    accepted = decode.day(values[7], record, "accepted_on")
    assert accepted is not None
    amount = decode.amount(values[8], record, "amount", required=True)
    creditor = decode.choice(
        decode.creditors, CreditorKind, CREDITOR_ALIASES, values[9], record, "creditor"
    )
    due = decode.day(values[10], record, "due_on", required=False)
    return (
        case_id,
        office,
        executor,
        mode,
        kind,
        ref,
        None if effective is None else effective[0],
        accepted[0],
        accepted[1],
        amount,
        creditor,
        None if due is None else due[0],
    )


_EventFields = tuple[str, int, int, int, int, "str | None"]


def _event_fields(decode: _Decoder, values: list[object]) -> _EventFields:
    """(case_id, day, month, code, amount, ground) of one events.csv row, or raise."""
    case_id = decode.text(values[0], "event", "case_id")
    record = f"event of case {case_id}"
    day = decode.day(values[1], record, "date")
    assert day is not None
    code = decode.event_code(values[2], record)
    amount = values[3]
    value = 0 if amount == "" or amount is None else decode.amount(amount, record, "amount", False)
    ground = decode.ground(code, values[4], record)
    return case_id, day[1], day[2], code, value, ground


def parse_event_row(row: Mapping[str, object]) -> tuple[str, Event]:
    """Read one row of events.csv (a mapping) as (case_id, Event); InvalidRecordError if bad."""
    values = [row.get(f) for f in (*EVENT_COLUMNS, *EVENT_OPTIONAL)]
    case_id, day, _month, code, amount, ground = _event_fields(_Decoder(), values)
    return case_id, Event(date.fromordinal(day), KINDS[code], amount, ground)


def _shard_of(case_id: str, shards: int) -> int:
    return zlib.crc32(case_id.encode("utf-8")) % shards


class _EventIndex:
    """The events of an unsorted file, held compactly until their case comes.

    Each event is four machine integers in shared arrays (line, day and code and
    ground packed, amount, link to the case's previous event): about 28 bytes an event.
    """

    def __init__(self) -> None:
        self.line = array("q")
        self.packed = array("q")
        self.amount = array("q")
        self.previous = array("q")
        self.last: dict[str, int] = {}
        self.grounds: list[str | None] = [None]
        self.ground_index: dict[str | None, int] = {None: 0}

    def add(
        self, line: int, case_id: str, day: int, code: int, amount: int, ground: str | None
    ) -> None:
        g = self.ground_index.get(ground)
        if g is None:
            g = self.ground_index[ground] = len(self.grounds)
            self.grounds.append(ground)
        self.line.append(line)
        self.packed.append((day << 24) | (g << 4) | code)
        self.amount.append(amount)
        self.previous.append(self.last.get(case_id, -1))
        self.last[case_id] = len(self.line) - 1

    def pop(self, case_id: str, months: dict[int, int]) -> list[_IndexedEvent]:
        """The events of ``case_id`` in file order, as (line, day, month, code, amount, ground)."""
        j = self.last.pop(case_id, -1)
        out = []
        packed, grounds = self.packed, self.grounds
        while j >= 0:
            key = packed[j]
            day = key >> 24
            out.append(
                (
                    self.line[j],
                    day,
                    months[day],
                    key & 15,
                    self.amount[j],
                    grounds[(key >> 4) & 0xFFFFF],
                )
            )
            j = self.previous[j]
        out.reverse()
        return out


_CaseItem = tuple[_CaseFields, Timeline]
_IndexedEvent = tuple[int, int, int, int, int, "str | None"]
"""An event waiting for its case: (line, day, month, code, amount, ground)."""
_PendingEvent = tuple[str, _IndexedEvent]


class CaseReader:
    """Reads cases with their events from two sources; iterate it to read.

    Sources are files (:func:`read_cases`), Python mappings (:func:`read_records`) or
    tables (:func:`thads.read_frame`, :func:`thads.read_excel`). Each iteration reads
    the sources again (a one-shot iterator of records can be read once). Every row is
    accounted for: read = accepted + rejected, per file; blank rows are counted apart
    (:attr:`FileCount.blank`).

    ``on_bad_event="hold_case"`` (default): a case with a rejected event is held out
    whole (its case row and its other events are rejected, each naming the event that
    caused it), so that no report counts a history known to be incomplete;
    ``"drop_event"`` keeps the case without the bad event.

    Events are indexed compactly in memory until their case comes. With
    ``sorted_input=True`` both files must be sorted by case_id (as :func:`write_cases`
    writes them): they are then read as a streaming merge and memory stays flat however
    large the input; a row out of order is an error, never a silent miscount.
    ``strict=True`` raises :class:`RowError` at the first bad row instead of collecting
    it in :attr:`rejected`.
    """

    def __init__(
        self,
        cases_path: PathLike,
        events_path: PathLike | None = None,
        *,
        strict: bool = False,
        sorted_input: bool = False,
        encoding: str | None = None,
        columns: ColumnMap = None,
        on_bad_event: OnBadEvent = "hold_case",
    ) -> None:
        _check_on_bad_event(on_bad_event)
        self.cases_path = cases_path
        self.events_path = events_path
        self.strict = strict
        self.sorted_input = sorted_input
        self.on_bad_event = on_bad_event
        self.rejected: list[RejectedRow] = []
        self.counts: dict[str, FileCount] = {}
        self._held: dict[str, str] = {}
        self._case_rows: Rows = _file_rows(
            cases_path, CASE_COLUMNS, CASE_OPTIONAL, encoding, columns
        )
        self._event_rows: Rows | None = (
            None
            if events_path is None
            else _file_rows(events_path, EVENT_COLUMNS, EVENT_OPTIONAL, encoding, columns)
        )
        self._shard: tuple[int, int] | None = None

    @classmethod
    def from_records(
        cls,
        cases: Iterable[Mapping[str, object]],
        events: Iterable[Mapping[str, object]] | None = None,
        *,
        strict: bool = False,
        names: tuple[str, str] = ("cases", "events"),
        on_bad_event: OnBadEvent = "hold_case",
    ) -> CaseReader:
        """A reader over mappings with the interchange fields (e.g. rows from a database).

        Rejected rows are named by ``names`` and the record's position (from 1).
        """
        case_rows = _record_rows(cases, (*CASE_COLUMNS, *CASE_OPTIONAL))
        event_rows = (
            None if events is None else _record_rows(events, (*EVENT_COLUMNS, *EVENT_OPTIONAL))
        )
        return cls.from_rows(
            case_rows, event_rows, names=names, strict=strict, on_bad_event=on_bad_event
        )

    @classmethod
    def from_rows(
        cls,
        cases: Rows,
        events: Rows | None,
        *,
        names: tuple[str, str],
        strict: bool = False,
        on_bad_event: OnBadEvent = "hold_case",
    ) -> CaseReader:
        """A reader over row sources already in field order (used by :mod:`thads.tabular`)."""
        _check_on_bad_event(on_bad_event)
        reader = cls.__new__(cls)
        reader.cases_path = names[0]
        reader.events_path = names[1] if events is not None else None
        reader.strict = strict
        reader.sorted_input = False
        reader.on_bad_event = on_bad_event
        reader.rejected, reader.counts, reader._held = [], {}, {}
        reader._case_rows, reader._event_rows = cases, events
        reader._shard = None
        return reader

    def shard(self, index: int, count: int) -> CaseReader:
        """A reader of the same sources that keeps only shard ``index`` of ``count``.

        Cases are split by a stable hash of their case_id, so each case and its events
        fall in one shard; the shards' counts and rejections add up to the whole.
        """
        copy = CaseReader.__new__(CaseReader)
        copy.__dict__.update(self.__dict__)
        copy.rejected, copy.counts, copy._held = [], {}, {}
        copy._shard = (index, count)
        return copy

    def _reject(self, file: str, line: int, error: InvalidRecordError) -> None:
        row = RejectedRow(file, line, error.record, error.field, error.reason)
        if self.strict:
            raise RowError(row)
        self.rejected.append(row)
        self.counts[file].rejected += 1

    def _reject_event(
        self, file: str, line: int, error: InvalidRecordError, case_id: str | None
    ) -> None:
        """Reject an event row; under hold_case its case is held out too."""
        self._reject(file, line, error)
        if case_id and self.on_bad_event == "hold_case" and case_id not in self._held:
            self._held[case_id] = f"{file}:{line} ({error.field}: {error.reason})"

    def _hold(
        self, cases_name: str, line: int, case_id: str, events_name: str, lines: Iterable[int]
    ) -> None:
        """Reject a held case's row and its other (good) events, naming the cause."""
        cause = self._held[case_id]
        self._reject(
            cases_name,
            line,
            InvalidRecordError(
                f"case {case_id}",
                "events",
                f"held out: its event at {cause} was rejected, so its history is incomplete "
                "(on_bad_event='drop_event' keeps it without that event)",
            ),
        )
        for event_line in lines:
            self._reject(
                events_name,
                event_line,
                InvalidRecordError(
                    f"event of case {case_id}",
                    "case_id",
                    f"held out with its case: its event at {cause} was rejected",
                ),
            )

    def __iter__(self) -> Iterator[Case]:
        for fields, timeline in self._items():
            yield _case(fields, timeline)

    def compiled(self) -> Iterator[CompiledCase]:
        """The cases as the engine reads them (no :class:`Case` objects are built)."""
        for fields, timeline in self._items():
            yield CompiledCase(
                fields[0], fields[1], fields[2], fields[3].value, fields[4].value,
                fields[10].value, timeline,
            )  # fmt: skip

    def _items(self) -> Iterator[_CaseItem]:
        self.rejected = []
        self._held = {}
        cases_name = str(self.cases_path)
        events_name = str(self.events_path) if self.events_path is not None else ""
        self.counts = {cases_name: FileCount()}
        if self._event_rows is not None:
            self.counts[events_name] = FileCount()
        decode = _Decoder()
        if self.sorted_input and self._event_rows is not None:
            yield from self._merged(decode, cases_name, events_name)
        else:
            yield from self._indexed(decode, cases_name, events_name)
        order = {cases_name: 0, events_name: 1}
        self.rejected.sort(key=lambda r: (order.get(r.file, 2), r.line))

    def _mine(self, values: RawRow) -> bool:
        """True if the row belongs to this reader's shard (unreadable ids go to shard 0)."""
        if self._shard is None:
            return True
        index, count = self._shard
        case_id = _raw_case_id(values)
        return (index == 0) if case_id is None else _shard_of(case_id, count) == index

    def _rows_of(self, rows: Rows) -> Iterable[tuple[int, RawRow]]:
        """The rows of this reader's shard (all of them when it is not sharded)."""
        if self._shard is None:
            return rows()
        return (item for item in rows() if self._mine(item[1]))

    def _case_items(
        self, decode: _Decoder, cases_name: str
    ) -> Iterator[tuple[int, _CaseFields | None, str | None]]:
        """(line, fields, case_id) of each case row; fields None when it was rejected."""
        count = self.counts[cases_name]
        for line, values in self._rows_of(self._case_rows):
            if values is None:
                count.blank += 1
                continue
            count.read += 1
            try:
                fields = _checked(values, _case_fields, decode)
            except InvalidRecordError as error:
                self._reject(cases_name, line, error)
                yield line, None, _raw_case_id(values)
                continue
            yield line, fields, fields[0]

    def _reject_duplicate(self, cases_name: str, line: int, case_id: str) -> None:
        self._reject(
            cases_name, line, InvalidRecordError(f"case {case_id}", "case_id", "duplicate case_id")
        )

    def _reject_orphan(self, events_name: str, line: int, case_id: str, refused: bool) -> None:
        """Reject an event whose case row never came, or was rejected."""
        reason = "its case row was rejected" if refused else "no case with this case_id"
        self._reject(
            events_name, line, InvalidRecordError(f"event of case {case_id}", "case_id", reason)
        )

    def _bad_event_row(
        self, decode: _Decoder, events_name: str, line: int, values: RawRow
    ) -> _PendingEvent | None:
        """An event row off the fast path: checked field by field, or rejected (None)."""
        count = self.counts[events_name]
        if values is None:
            count.blank += 1
            return None
        count.read += 1
        try:
            case_id, day, month, code, amount, ground = _checked(values, _event_fields, decode)
        except InvalidRecordError as error:
            self._reject_event(events_name, line, error, _raw_case_id(values))
            return None
        return case_id, (line, day, month, code, amount, ground)

    def _indexed(self, decode: _Decoder, cases_name: str, events_name: str) -> Iterator[_CaseItem]:
        index = _EventIndex()
        months: dict[int, int] = {}
        if self._event_rows is not None:
            count = self.counts[events_name]
            dates, codes, gknown = decode.dates, decode.events, decode.grounds
            add = index.add
            read = 0
            for line, values in self._rows_of(self._event_rows):
                if type(values) is list:  # the common case, checked inline
                    case_id, text, name, value, ground = values
                    known = dates.get(text) if type(text) is str else None
                    code = codes.get(name) if type(name) is str else None
                    if (
                        known is not None
                        and code is not None
                        and type(case_id) is str
                        and case_id
                        and case_id[0] > " "
                        and case_id[-1] > " "
                        and case_id.isascii()
                        and (
                            value == ""
                            or (
                                type(value) is str
                                and value.isdigit()
                                and value.isascii()
                                and len(value) <= 18  # longer: checked against MAX_AMOUNT
                            )
                        )
                        and (not ground or (type(ground) is str and (code, ground) in gknown))
                    ):
                        read += 1
                        add(
                            line,
                            case_id,
                            known[1],
                            code,
                            int(value) if value else 0,
                            gknown[(code, ground)] if ground else None,  # type: ignore[index]
                        )
                        months[known[1]] = known[2]
                        continue
                item = self._bad_event_row(decode, events_name, line, values)
                if item is not None:
                    case_id, (line, day, month, code, amount, ground) = item
                    months[day] = month
                    add(line, case_id, day, code, amount, ground)
            count.read += read
        seen: set[str] = set()
        refused: set[str] = set()
        held = self._held
        for line, fields, case_id in self._case_items(decode, cases_name):
            if fields is None:
                if case_id and case_id not in seen:
                    refused.add(case_id)
                continue
            assert case_id is not None
            if case_id in seen or case_id in refused:
                self._reject_duplicate(cases_name, line, case_id)
                continue
            seen.add(case_id)
            items = index.pop(case_id, months)
            if held and case_id in held:
                self._hold(cases_name, line, case_id, events_name, (e[0] for e in items))
                continue
            timeline = self._timeline(fields, items, cases_name, line, events_name)
            if timeline is None:
                continue
            self.counts[cases_name].accepted += 1
            yield fields, timeline
        for case_id in list(index.last):  # events whose case never came
            for line, *_ in index.pop(case_id, months):
                self._reject_orphan(events_name, line, case_id, case_id in refused)

    def _merged(self, decode: _Decoder, cases_name: str, events_name: str) -> Iterator[_CaseItem]:
        assert self._event_rows is not None
        events = iter(self._rows_of(self._event_rows))
        ahead: list[_PendingEvent] = []  # at most one event read ahead
        last_event_id = ""

        def pull() -> _PendingEvent | None:
            """The next good event row (bad ones are rejected on the way)."""
            nonlocal last_event_id
            if ahead:
                return ahead.pop()
            for line, values in events:
                item = self._bad_event_row(decode, events_name, line, values)
                if item is None:
                    # a rejected row holds its case: it must come in order too, or the
                    # case may have been counted already without it
                    raw = _raw_case_id(values) if self.on_bad_event == "hold_case" else None
                    if raw:
                        if raw < last_event_id:
                            raise _not_sorted(events_name, line, raw, last_event_id)
                        last_event_id = raw
                    continue
                case_id = item[0]
                if case_id < last_event_id:
                    raise _not_sorted(events_name, line, case_id, last_event_id)
                last_event_id = case_id
                return item
            return None

        def take(case_id: str) -> list[_IndexedEvent]:
            """The events of ``case_id``; events of ids before it have no case."""
            out: list[_IndexedEvent] = []
            while (item := pull()) is not None:
                event_id, event = item
                if event_id > case_id:
                    ahead.append(item)
                    break
                if event_id == case_id:
                    out.append(event)
                else:
                    self._reject_orphan(events_name, event[0], event_id, False)
            return out

        last_case_id = ""
        held = self._held
        for line, fields, case_id in self._case_items(decode, cases_name):
            if fields is None:
                if case_id and case_id > last_case_id:
                    last_case_id = case_id
                    for event in take(case_id):
                        self._reject_orphan(events_name, event[0], case_id, True)
                continue
            assert case_id is not None
            if case_id == last_case_id:
                self._reject_duplicate(cases_name, line, case_id)
                continue
            if case_id < last_case_id:
                raise _not_sorted(cases_name, line, case_id, last_case_id)
            last_case_id = case_id
            items = take(case_id)
            if held and case_id in held:
                self._hold(cases_name, line, case_id, events_name, (e[0] for e in items))
                continue
            timeline = self._timeline(fields, items, cases_name, line, events_name)
            if timeline is None:
                continue
            self.counts[cases_name].accepted += 1
            yield fields, timeline
        while (item := pull()) is not None:  # events after the last case have no case
            self._reject_orphan(events_name, item[1][0], item[0], False)

    def _timeline(
        self,
        fields: _CaseFields,
        items: list[_IndexedEvent],
        cases_name: str,
        case_line: int,
        events_name: str,
    ) -> Timeline | None:
        """Keep the events that can follow each other; reject the others with reasons.

        None when the case is held out (on_bad_event="hold_case")."""
        accepted, amount = fields[8], fields[9]
        if not items:
            return Timeline(accepted, month_serial(fields[7]), amount)
        if any(items[k][1] > items[k + 1][1] for k in range(len(items) - 1)):
            items.sort(key=lambda item: item[1])  # stable: same-day events keep file order
        steps = _fast_steps(accepted, amount, items)
        if steps is not None:
            self.counts[events_name].accepted += len(steps)
            return Timeline(accepted, month_serial(fields[7]), amount, steps)
        case_id = fields[0]
        builder = TimelineBuilder(f"case {case_id}", accepted, month_serial(fields[7]), amount)
        good: list[int] = []
        for line, day, month, code, value, ground in items:
            try:
                builder.add(day, month, code, value, ground)
            except InvalidRecordError as error:
                self._reject_event(events_name, line, error, case_id)
                continue
            good.append(line)
        if case_id in self._held:
            self._hold(cases_name, case_line, case_id, events_name, good)
            return None
        self.counts[events_name].accepted += len(good)
        return builder.build()

    def summary(self) -> str:
        """One line per file: read, accepted, rejected (and blank rows, if any)."""
        return "\n".join(
            f"{name}: {c.read} read, {c.accepted} accepted, {c.rejected} rejected"
            + (f", {c.blank} blank" if c.blank else "")
            for name, c in self.counts.items()
        )

    def absorb(self, other: CaseReader) -> None:
        """Add another shard's counts and rejections to this reader's."""
        for name, theirs in other.counts.items():
            mine = self.counts.setdefault(name, FileCount())
            mine.read += theirs.read
            mine.accepted += theirs.accepted
            mine.rejected += theirs.rejected
            mine.blank += theirs.blank
        order = {str(self.cases_path): 0, str(self.events_path): 1}
        self.rejected = sorted(
            [*self.rejected, *other.rejected], key=lambda r: (order.get(r.file, 2), r.line)
        )


_new_step = Step._make


def _fast_steps(accepted: int, owed: int, items: list[_IndexedEvent]) -> tuple[Step, ...] | None:
    """The steps if every event can follow the one before (None: check one by one)."""
    steps = []
    last = accepted
    closed = False
    for _line, day, month, code, value, ground in items:
        if day < last or closed:
            return None
        if code in MONEY_CODES:
            if value <= 0 or value > owed:
                return None
            owed -= value
        elif value:
            return None
        elif code in CLOSING_CODES:
            closed = True
        last = day
        steps.append(_new_step((day, month, code, value, ground)))
    return tuple(steps)


def _not_sorted(file: str, line: int, case_id: str, before: str) -> InvalidRecordError:
    return InvalidRecordError(
        f"{file}:{line}",
        "case_id",
        f"{case_id!r} comes after {before!r}: the file is not sorted by case_id; "
        "read it without sorted_input",
    )


def _raw_case_id(values: RawRow) -> str | None:
    """The case id of a row that may be broken (None if it has none that can be read)."""
    if values is None:
        return None
    if isinstance(values, UnreadableRow):
        return values.case_id
    raw = values[0]
    if isinstance(raw, str):
        return clean(raw) or None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return None


def _case(fields: _CaseFields, timeline: Timeline) -> Case:
    """A :class:`Case` from checked fields and its compiled timeline (checked once)."""
    case_id, office, executor, mode, kind, ref, effective, accepted_on, _, amount, creditor, due = (
        fields
    )
    return Case.from_timeline(
        case_id=case_id,
        office=office,
        executor=executor,
        mode=mode,
        judgment=Judgment(ref=ref, kind=kind, effective_on=effective),
        debts=(Debt(amount, creditor, due),),
        accepted_on=accepted_on,
        timeline=timeline,
    )


def read_cases(
    cases_path: PathLike,
    events_path: PathLike | None = None,
    *,
    strict: bool = False,
    sorted_input: bool = False,
    encoding: str | None = None,
    columns: ColumnMap = None,
    on_bad_event: OnBadEvent = "hold_case",
) -> CaseReader:
    """Read cases (and their events) from CSV or JSON Lines files: see :class:`CaseReader`.

    ``encoding``: the files' encoding when they have no byte-order mark (UTF-8 and
    UTF-16 marks are detected; default UTF-8), e.g. ``"cp1258"``. ``columns``: other
    headings → interchange fields, e.g. ``{"Số QĐ": "case_id"}``. A workbook or a data
    frame is read with :func:`thads.read_excel` or :func:`thads.read_frame`.
    """
    return CaseReader(
        cases_path,
        events_path,
        strict=strict,
        sorted_input=sorted_input,
        encoding=encoding,
        columns=columns,
        on_bad_event=on_bad_event,
    )


def read_records(
    cases: Iterable[Mapping[str, object]],
    events: Iterable[Mapping[str, object]] | None = None,
    *,
    strict: bool = False,
    on_bad_event: OnBadEvent = "hold_case",
) -> CaseReader:
    """Read cases from Python mappings with the fields of the interchange format.

    Same checks and accounting as :func:`read_cases`; values may be strings or, for
    dates and amounts, ``datetime.date`` and ``int``. A data frame is refused: read it
    with :func:`thads.read_frame`.
    """
    if events is not None and _is_frame(events):
        _record_rows(events, EVENT_COLUMNS)  # raises, naming read_frame
    return CaseReader.from_records(cases, events, strict=strict, on_bad_event=on_bad_event)


def _case_row(case: Case) -> dict[str, str]:
    if len(case.debts) != 1:
        raise InvalidRecordError(
            f"case {case.case_id}",
            "debts",
            f"interchange format v1 holds exactly one debt per case, this case has "
            f"{len(case.debts)}",
        )
    debt = case.debts[0]
    return {
        "case_id": case.case_id,
        "office": case.office,
        "executor": case.executor,
        "mode": str(case.mode),
        "judgment_kind": str(case.judgment.kind),
        "judgment_ref": case.judgment.ref,
        "judgment_effective": case.judgment.effective_on.isoformat()
        if case.judgment.effective_on
        else "",
        "accepted_on": case.accepted_on.isoformat(),
        "amount": str(debt.amount),
        "creditor": str(debt.creditor),
        "due_on": debt.due_on.isoformat() if debt.due_on else "",
    }


def _event_row(case_id: str, event: Event) -> dict[str, str]:
    return {
        "case_id": case_id,
        "date": event.on.isoformat(),
        "kind": str(event.kind),
        "amount": str(event.amount) if event.amount else "",
        "ground": event.ground or "",
    }


def _writer(
    path: PathLike, columns: tuple[str, ...]
) -> tuple[IO[str], Callable[[dict[str, str]], None]]:
    handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by caller
    if _is_jsonl(path):

        def write_json(row: dict[str, str]) -> None:
            obj: dict[str, object] = {k: v for k, v in row.items() if v != ""}
            if "amount" in obj:
                obj["amount"] = int(row["amount"])
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")

        return handle, write_json
    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    return handle, writer.writerow


def write_cases(cases: Iterable[Case], cases_path: PathLike, events_path: PathLike) -> int:
    """Write cases and their events in interchange format v1; returns the number of cases.

    Both files are written sorted by case_id (events in date order within a case), so
    that they can be read back as a streaming merge (``read_cases(..., sorted_input=True)``).
    """
    cases = sorted(cases, key=lambda case: case.case_id)
    case_handle, write_case = _writer(cases_path, CASE_COLUMNS + CASE_OPTIONAL)
    try:
        event_handle, write_event = _writer(events_path, EVENT_COLUMNS + EVENT_OPTIONAL)
        try:
            count = 0
            for case in cases:
                write_case(_case_row(case))
                for event in case.events:
                    write_event(_event_row(case.case_id, event))
                count += 1
        finally:
            event_handle.close()
    finally:
        case_handle.close()
    return count


def read_offices(
    path: PathLike,
    *,
    base: OfficeTree | None = None,
    encoding: str | None = None,
    columns: ColumnMap = None,
) -> OfficeTree:
    """Read the office tree (cây đơn vị) from CSV/JSONL: code, name, level[, parent, start,
    end, successor] (or their Vietnamese headings); ``base`` (e.g.
    thads.offices.province_tree()) supplies offices it refers to; ``encoding`` and
    ``columns`` as in :func:`read_cases`."""
    rows = list(_mapped_rows(path, OFFICE_COLUMNS, OFFICE_OPTIONAL, encoding, columns))
    return read_office_rows(rows, base=base)


def read_quotas(
    path: PathLike, *, encoding: str | None = None, columns: ColumnMap = None
) -> list[Quota]:
    """Read quotas (chỉ tiêu) from CSV/JSONL with columns year, cases, money and optional
    office (or their Vietnamese headings); ``encoding`` and ``columns`` as in
    :func:`read_cases`."""
    quotas = []
    seen: dict[tuple[int, str | None], str] = {}
    for record, row in _mapped_rows(
        path, ("year", "cases", "money"), ("office",), encoding, columns
    ):
        year_text = _text(row["year"], record, "year")
        if not year_text.isdigit():
            raise InvalidRecordError(record, "year", f"{year_text!r} is not a year")
        try:
            quotas.append(
                Quota(
                    year=int(year_text),
                    cases=_text(row["cases"], record, "cases"),
                    money=_text(row["money"], record, "money"),
                    office=_text(row["office"], record, "office", required=False) or None,
                )
            )
        except InvalidRecordError as error:
            raise InvalidRecordError(record, error.field, error.reason) from None
        key = (quotas[-1].year, quotas[-1].office)
        if key in seen:
            raise InvalidRecordError(
                record,
                "office",
                f"a second quota of year {key[0]} for {key[1] or 'all offices'} "
                f"(the first is at {seen[key]}): one quota per year and office",
            )
        seen[key] = record
    return quotas


__all__ = [
    "CASE_COLUMNS",
    "CASE_OPTIONAL",
    "EVENT_COLUMNS",
    "EVENT_OPTIONAL",
    "ON_BAD_EVENT",
    "CaseReader",
    "FileCount",
    "InputEncodingError",
    "RejectedRow",
    "RowError",
    "UnreadableRow",
    "parse_event_row",
    "read_cases",
    "read_offices",
    "read_quotas",
    "read_records",
    "write_cases",
]
