"""The files of the pyarrow engine read by Arrow exactly as the row reader splits them,
or not at all (then the row reader reads them whole)."""

from __future__ import annotations

import codecs
import contextlib
import csv
import os
import re
from pathlib import Path
from typing import Any, Final

from thads.read._arrays import arrow_ints

_BLANK_FIRST: Final = re.compile(rb"[ \t\r]*(?:\n|\Z)")
_BLANK_LINE: Final = re.compile(rb"\n[ \t\r]*(?:\n|\Z)")
"""A line of nothing or JSON's white space only (the first line, any other line)."""
BLOCK: Final = 1 << 24
"""Bytes Arrow parses at a time: enough blocks to keep the cores evenly busy (the columns
stay in these chunks; nothing puts them together)."""
WORDS: Final = frozenset(
    (
        "office", "executor", "mode", "judgment_kind", "judgment_effective", "accepted_on",
        "creditor", "due_on", "date", "kind", "ground",
    )
)  # fmt: skip
"""Fields of few distinct values: Arrow reads them as dictionaries (each chunk its own),
which the checks read value by value instead of hashing the column again."""


class Table:
    """The columns of one file (None for an absent optional field) and each row's line."""

    def __init__(self, columns: dict[str, Any], rows: int, *, csv_file: bool) -> None:
        self.columns = columns
        self.csv = csv_file  # a CSV row of empty fields is a blank row; a JSON object is not
        self.rows = rows

    @property
    def first_line(self) -> int:
        """The line of the first row: 2 in a CSV file (after the header), 1 in JSON Lines."""
        return 2 if self.csv else 1

    def raw_rows(self, indices: Any, fields: tuple[str, ...]) -> list[tuple[int, Any]]:
        """(line, raw values in field order, or None for a blank row) of some rows."""
        if len(indices) == 0:
            return []
        values = [
            [None] * len(indices)
            if self.columns[f] is None
            else self.columns[f].take(arrow_ints(indices)).to_pylist()
            for f in fields
        ]
        out: list[tuple[int, Any]] = []
        for k, index in enumerate(indices.tolist()):
            row = [column[k] for column in values]
            first = row[0]
            csv_blank = self.csv and first == ""
            if csv_blank and not any(isinstance(v, str) and v.strip() for v in row):
                out.append((index + self.first_line, None))  # as the csv row source does
            else:
                out.append((index + self.first_line, row))
        return out


def load_file(
    pa: Any,
    path: object,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    encoding: str | None,
) -> Table | None:
    """The file read by Arrow exactly as the row reader would split it, or None."""
    if not isinstance(path, (str, Path)) and not hasattr(path, "__fspath__"):
        return None
    if encoding is not None:
        try:
            if codecs.lookup(encoding).name not in ("utf-8", "utf-8-sig"):
                return None
        except LookupError:
            return None
    data = mapped(path)
    if data is None:
        return None
    try:
        return _table(pa, Path(path).suffix.lower(), data, required, optional)
    finally:  # Arrow copied what it read: the mapping goes now, not when collected (a
        with contextlib.suppress(BufferError):  # mapped file cannot be replaced or
            data.close()  # deleted on Windows); still exported: closed when collected


def _table(
    pa: Any, suffix: str, data: Any, required: tuple[str, ...], optional: tuple[str, ...]
) -> Table | None:
    start = 0  # the text starts after a byte-order mark
    if data[:3] == codecs.BOM_UTF8:
        start = 3
    elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    if len(data) == start or data.find(b"\x00", start) >= 0:
        return None
    if data.find(b"\r", start) >= 0 and count_in(data, b"\r", start) != count_in(
        data, b"\r\n", start
    ):
        return None
    try:
        if suffix in (".jsonl", ".ndjson", ".json"):
            # Arrow skips a blank line and reads two objects on one line as two rows:
            # with no blank line, one row a line is as many rows as lines
            end = len(data) - (1 if data[-1:] == b"\n" else 0)
            if _BLANK_FIRST.match(data, start) or _BLANK_LINE.search(data, start, end):
                return None
            lines = count_in(data, b"\n", start) + (0 if data[-1:] == b"\n" else 1)
            return _json_table(pa, data, start, lines, (*required, *optional))
        return _csv_table(pa, data, start, required, optional)
    except (pa.ArrowException, UnicodeDecodeError, csv.Error):
        return None


def mapped(path: object) -> Any:
    """The bytes of a file, mapped from the page cache (not copied; None if unreadable).

    Copying two large files into fresh memory costs more than reading them: the mapping
    is made whole at once (MAP_POPULATE) where the system has it. As with any mapped
    reading, a file cut shorter by another program while it is being read can stop the
    process (SIGBUS): do not write the files while thads reads them."""
    import mmap

    try:
        with open(os.fspath(path), "rb") as file:  # type: ignore[call-overload]
            if os.fstat(file.fileno()).st_size == 0:
                return None
            if hasattr(mmap, "MAP_SHARED"):
                flags = mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0)
                mapped = mmap.mmap(file.fileno(), 0, flags=flags, prot=mmap.PROT_READ)
            else:  # pragma: no cover - Windows
                mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    return mapped


SLICE: Final = 1 << 24


def count_in(data: Any, needle: bytes, start: int = 0, end: int | None = None) -> int:
    """``needle`` in ``data[start:end]`` (a mapped file), counted slice by slice."""
    end = len(data) if end is None else end
    total = 0
    for at in range(start, end, SLICE):
        stop = min(at + SLICE, end)
        total += bytes(data[at : min(stop + len(needle) - 1, end)]).count(needle)
    return total


def reading_pool(pa: Any) -> Any:
    """The memory pool the files are read into: Arrow's jemalloc pool in place of its
    mimalloc pool, where this build of pyarrow has jemalloc; any pool the user chose
    (ARROW_DEFAULT_MEMORY_POOL, or ``pyarrow.set_memory_pool`` with another backend)
    is kept. Reading both files into jemalloc's pool took about a third less time than
    into mimalloc's on the project's Linux machine, which spent the difference in the
    kernel (docs/performance.md)."""
    default = pa.default_memory_pool()
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL") or default.backend_name != "mimalloc":
        return default  # the user's choice, or a build whose default is not mimalloc
    try:
        return pa.jemalloc_memory_pool()
    except (NotImplementedError, pa.ArrowException):  # a build without jemalloc
        return default


def _csv_table(
    pa: Any,
    data: Any,
    start: int,
    required: tuple[str, ...],
    optional: tuple[str, ...],
) -> Table | None:
    end = data.find(b"\n", start)
    header = (data[start:] if end < 0 else data[start:end]).removesuffix(b"\r")
    if b'"' in header:
        return None
    names = header.decode("utf-8").split(",")
    fields = (*required, *optional)
    if len(set(names)) != len(names) or not set(names) <= set(fields):
        return None
    if not set(required) <= set(names):
        return None
    words = pa.dictionary(pa.int32(), pa.string())
    table = pa.csv.read_csv(
        pa.py_buffer(data).slice(start),
        memory_pool=reading_pool(pa),
        read_options=pa.csv.ReadOptions(block_size=BLOCK),
        # every line is a row (no line break in a value, none skipped): Arrow's rows are
        # the file's lines after the header, in order, as the row reader numbers them
        parse_options=pa.csv.ParseOptions(newlines_in_values=False, ignore_empty_lines=False),
        convert_options=pa.csv.ConvertOptions(
            column_types={n: words if n in WORDS else pa.string() for n in names},
            null_values=[],
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    columns = {f: (table.column(f) if f in names else None) for f in fields}  # in chunks
    # a row without a case id may be a blank line, which the row reader counts: searched
    # for only then (a search of a large file for two bytes is slow)
    ids = columns[required[0]]
    no_id = table.num_rows and pa.compute.min(pa.compute.binary_length(ids)).as_py() == 0
    if no_id and (data.find(b"\n\n", start) >= 0 or data.find(b"\n\r\n", start) >= 0):
        return None
    if data.find(b'"', start) >= 0 and not _quotes_agree(data, names, columns):
        return None
    return Table(columns, table.num_rows, csv_file=True)


def _quotes_agree(data: Any, names: list[str], columns: dict[str, Any]) -> bool:
    """True if every line with a quote splits as the csv module splits it."""
    at = data.find(b'"')
    line, counted = 1, 0
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        stop = data.find(b"\n", at)
        stop = len(data) if stop < 0 else stop
        line += count_in(data, b"\n", counted, start)
        counted = start
        text = data[start:stop].decode("utf-8").removesuffix("\r")
        try:
            parsed = list(csv.reader([text]))
        except csv.Error:
            return False
        row = line - 2
        if len(parsed) != 1 or row < 0:
            return False
        if parsed[0] != [columns[n][row].as_py() for n in names]:
            return False
        at = data.find(b'"', stop)
    return True


def _json_table(
    pa: Any, data: Any, start: int, lines: int, fields: tuple[str, ...]
) -> Table | None:
    schema = pa.schema([(f, pa.string()) for f in fields if f != "amount"])
    table = pa.json.read_json(
        pa.py_buffer(data).slice(start),
        memory_pool=reading_pool(pa),
        parse_options=pa.json.ParseOptions(
            explicit_schema=schema, unexpected_field_behavior="infer", newlines_in_values=False
        ),
    )
    if table.num_rows != lines or not set(table.column_names) <= set(fields):
        return None
    columns: dict[str, Any] = {}
    for f in fields:
        if f not in table.column_names:
            columns[f] = None
            continue
        column = table.column(f).combine_chunks()
        if column.type == pa.null():
            column = None
        elif column.type not in (pa.string(), pa.int64()):
            return None
        columns[f] = column
    return Table(columns, table.num_rows, csv_file=False)
