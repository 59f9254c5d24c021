"""Cases from data frames (bảng dữ liệu): pandas, polars; the table rows workbooks share.

:func:`read_frame` reads pandas or polars data frames (and :func:`thads.read.read_excel`
the sheets of a workbook) with the same headings (English or Vietnamese, ``columns=``), values,
checks and accounting as :func:`thads.read_cases`. Cells are converted first: NaN,
NaT and None are blank; Timestamps, ``datetime64`` and datetimes at midnight are dates
(with a time of day they are rejected); whole-number floats up to 2**53 are integers (a
fractional amount, or a float above 2**53, where floats skip whole numbers, is rejected
as not an integer number of đồng).

The libraries are optional extras, imported when called: ``thads[pandas]``,
``thads[polars]``, ``thads[excel]``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from importlib import import_module
from typing import Any

from thads.errors import InvalidRecordError, MissingExtraError
from thads.read._decode import Locale
from thads.read._headings import (
    CASE_COLUMNS,
    CASE_OPTIONAL,
    EVENT_COLUMNS,
    EVENT_OPTIONAL,
    ColumnMap,
    locate_columns,
)
from thads.read._reader import CaseReader
from thads.read._rows import OnBadEvent, RawRow, Rows, UnreadableRow
from thads.records import clean


def cell(value: object) -> object:
    """A cell as the reader takes it: blank → None, a midnight timestamp → date,
    a whole float up to 2**53 → int. Anything else is left for the reader's checks."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) <= 2**53:
            return int(value)
        return value  # rejected by the reader: not exactly a whole number of đồng
    if isinstance(value, str | int | date) and not isinstance(value, datetime):
        return value
    module = type(value).__module__.split(".")[0]
    if module in ("pandas", "numpy") or isinstance(value, datetime):
        return _library_cell(value)
    return value


def _library_cell(value: Any) -> object:
    """NaT/NaN/NA, numpy numbers and datetimes (pandas Timestamp is a datetime)."""
    try:
        import pandas as pd

        if value is pd.NaT or value is pd.NA:
            return None
    except ImportError:  # pragma: no cover - numpy without pandas
        pass
    if hasattr(value, "dtype") and str(getattr(value, "dtype", "")).startswith("datetime64"):
        if str(value) == "NaT":
            return None
        value = value.astype("datetime64[us]").item()  # a datetime (or date)
    elif hasattr(value, "item") and not isinstance(value, datetime):
        return cell(value.item())  # numpy int, float, bool
    if isinstance(value, datetime):
        if value.time() != time(0) or value.tzinfo is not None:
            return value  # the reader rejects a datetime, naming it
        return date(value.year, value.month, value.day)
    return value


class Formula:
    """A formula cell saved without its computed value (read with the formula's text)."""

    __slots__ = ("cell", "text")

    def __init__(self, text: str, cell: str) -> None:
        self.text, self.cell = text, cell


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def table_rows(
    name: str,
    header: list[object],
    rows: Iterable[tuple[int, Iterable[object]]],
    required: tuple[str, ...],
    optional: tuple[str, ...],
    columns: ColumnMap,
) -> Iterator[tuple[int, RawRow]]:
    """Rows of a table (frame or sheet) in field order; trailing header cells left blank
    (a sheet's formatted but empty columns) are not columns, and a value under them
    rejects its row."""
    header = list(header)
    while header and (
        header[-1] is None or (isinstance(header[-1], str) and not header[-1].strip())
    ):
        header.pop()
    where = locate_columns(name, header, required, optional, columns)
    width = len(header)
    key = where[0]
    for line, raw in rows:
        values = [cell(v) for v in raw]
        if all(_blank(v) for v in values):
            yield line, None
            continue
        case_id = values[key] if key < len(values) else None
        case_id = clean(case_id) or None if isinstance(case_id, str) else None
        beyond = [
            j + 1
            for j in range(width, len(values))
            if values[j] is not None and str(values[j]).strip()
        ]
        if beyond:
            yield (
                line,
                UnreadableRow(
                    f"has a value in column {beyond[0]}, which has no heading (the headed "
                    f"columns are 1 to {width}): a value without a heading is not ignored",
                    case_id,
                    code="heading.blank",
                ),
            )
            continue
        values += [None] * (width - len(values))
        fields = [values[j] if j >= 0 else None for j in where]
        formula = next((k for k, v in enumerate(fields) if isinstance(v, Formula)), None)
        if formula is not None:
            found = fields[formula]
            assert isinstance(found, Formula)
            yield (
                line,
                UnreadableRow(
                    f"cell {found.cell} holds the formula {found.text!r} saved without its "
                    "value (the workbook was written by a program that does not compute "
                    "formulas): open and save it in a spreadsheet program, or write the value",
                    case_id,
                    (*required, *optional)[formula],
                    code="formula.no_value",
                ),
            )
            continue
        yield line, fields


def need(module: str, extra: str, purpose: str) -> Any:
    try:
        return import_module(module)
    except ImportError:
        raise MissingExtraError(module, extra, purpose) from None


def _frame_source(
    frame: object, name: str, required: tuple[str, ...], optional: tuple[str, ...],
    columns: ColumnMap,
) -> Rows:  # fmt: skip
    module = type(frame).__module__.split(".")[0]
    if module == "pandas":
        need("pandas", "pandas", "reading a pandas data frame")
        header: list[object] = [str(c) for c in frame.columns]  # type: ignore[attr-defined]

        def pandas_rows() -> Iterator[tuple[int, RawRow]]:
            tuples = frame.itertuples(index=False, name=None)  # type: ignore[attr-defined]
            numbered = ((k, row) for k, row in enumerate(tuples, start=1))
            return table_rows(name, header, numbered, required, optional, columns)

        return pandas_rows
    if module == "polars":
        need("polars", "polars", "reading a polars data frame")
        names: list[object] = [str(c) for c in frame.columns]  # type: ignore[attr-defined]

        def polars_rows() -> Iterator[tuple[int, RawRow]]:
            tuples = frame.iter_rows()  # type: ignore[attr-defined]
            numbered = ((k, row) for k, row in enumerate(tuples, start=1))
            return table_rows(name, names, numbered, required, optional, columns)

        return polars_rows
    raise InvalidRecordError(
        name,
        "frame",
        f"expected a pandas or polars DataFrame, got {type(frame).__name__}; for mappings "
        "use thads.read_records, for files thads.read_cases",
        code="file.type",
    )


def read_frame(
    cases: object,
    events: object | None = None,
    *,
    columns: ColumnMap = None,
    strict: bool = False,
    on_bad_event: OnBadEvent = "hold_case",
    locale: Locale = "iso",
    zero_fraction: bool = False,
) -> CaseReader:
    """Read cases (and events) from pandas or polars data frames (extras ``pandas``,
    ``polars``). Rows are named ``cases`` / ``events`` and their position from 1.
    ``locale`` and ``zero_fraction`` as in :func:`thads.read.read_cases`."""
    case_rows = _frame_source(cases, "cases", CASE_COLUMNS, CASE_OPTIONAL, columns)
    event_rows = (
        None
        if events is None
        else _frame_source(events, "events", EVENT_COLUMNS, EVENT_OPTIONAL, columns)
    )
    return CaseReader.from_rows(
        case_rows,
        event_rows,
        names=("cases", "events"),
        strict=strict,
        on_bad_event=on_bad_event,
        locale=locale,
        zero_fraction=zero_fraction,
    )


__all__ = ["cell", "read_frame", "table_rows"]
