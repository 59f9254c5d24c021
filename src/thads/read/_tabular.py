"""Cases from data frames and workbooks (bảng dữ liệu, tệp Excel): pandas, polars, xlsx.

:func:`read_frame` reads pandas or polars data frames, :func:`read_excel` the sheets of
a workbook, with the same headings (English or Vietnamese, ``columns=``), values,
checks and accounting as :func:`thads.read_cases`. Cells are converted first: NaN,
NaT and None are blank; Timestamps, ``datetime64`` and datetimes at midnight are dates
(with a time of day they are rejected); whole-number floats are integers (a fractional
amount is then rejected as not an integer number of đồng).

The libraries are optional extras, imported when called: ``thads[pandas]``,
``thads[polars]``, ``thads[excel]``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from importlib import import_module
from pathlib import Path
from typing import Any

from thads.errors import InvalidRecordError, MissingExtraError
from thads.read._io import (
    CASE_COLUMNS,
    CASE_OPTIONAL,
    EVENT_COLUMNS,
    EVENT_OPTIONAL,
    CaseReader,
    ColumnMap,
    OnBadEvent,
    RawRow,
    Rows,
    UnreadableRow,
    locate_columns,
)


def cell(value: object) -> object:
    """A cell as the reader takes it: blank → None, a midnight timestamp → date,
    a whole float → int. Anything else is left for the reader's checks."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
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


def _table_rows(
    name: str,
    header: list[object],
    rows: Iterable[tuple[int, Iterable[object]]],
    required: tuple[str, ...],
    optional: tuple[str, ...],
    columns: ColumnMap,
) -> Iterator[tuple[int, RawRow]]:
    where = locate_columns(name, header, required, optional, columns)
    width = len(header)
    for line, raw in rows:
        values = [cell(v) for v in raw]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            yield line, None
            continue
        if len(values) > width and any(v is not None for v in values[width:]):
            yield line, UnreadableRow(f"has values beyond the {width} headed columns")
            continue
        values += [None] * (width - len(values))
        yield line, [values[j] if j >= 0 else None for j in where]


def _need(module: str, extra: str, purpose: str) -> Any:
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
        _need("pandas", "pandas", "reading a pandas data frame")
        header: list[object] = [str(c) for c in frame.columns]  # type: ignore[attr-defined]

        def pandas_rows() -> Iterator[tuple[int, RawRow]]:
            tuples = frame.itertuples(index=False, name=None)  # type: ignore[attr-defined]
            numbered = ((k, row) for k, row in enumerate(tuples, start=1))
            return _table_rows(name, header, numbered, required, optional, columns)

        return pandas_rows
    if module == "polars":
        _need("polars", "polars", "reading a polars data frame")
        names: list[object] = [str(c) for c in frame.columns]  # type: ignore[attr-defined]

        def polars_rows() -> Iterator[tuple[int, RawRow]]:
            tuples = frame.iter_rows()  # type: ignore[attr-defined]
            numbered = ((k, row) for k, row in enumerate(tuples, start=1))
            return _table_rows(name, names, numbered, required, optional, columns)

        return polars_rows
    raise InvalidRecordError(
        name,
        "frame",
        f"expected a pandas or polars DataFrame, got {type(frame).__name__}; for mappings "
        "use thads.read_records, for files thads.read_cases",
    )


def read_frame(
    cases: object,
    events: object | None = None,
    *,
    columns: ColumnMap = None,
    strict: bool = False,
    on_bad_event: OnBadEvent = "hold_case",
) -> CaseReader:
    """Read cases (and events) from pandas or polars data frames (extras ``pandas``,
    ``polars``). Rows are named ``cases`` / ``events`` and their position from 1."""
    case_rows = _frame_source(cases, "cases", CASE_COLUMNS, CASE_OPTIONAL, columns)
    event_rows = (
        None
        if events is None
        else _frame_source(events, "events", EVENT_COLUMNS, EVENT_OPTIONAL, columns)
    )
    return CaseReader.from_rows(
        case_rows, event_rows, names=("cases", "events"), strict=strict, on_bad_event=on_bad_event
    )


def _sheet_source(
    path: str | os.PathLike[str],
    sheet: str | None,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    columns: ColumnMap,
) -> tuple[str, Rows]:
    openpyxl = _need("openpyxl", "excel", "reading an Excel workbook")
    label = f"{path}[{sheet}]" if sheet else str(path)

    def rows() -> Iterator[tuple[int, RawRow]]:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            if sheet is None:
                ws = book.worksheets[0]
            elif sheet in book.sheetnames:
                ws = book[sheet]
            else:
                raise InvalidRecordError(
                    str(path), "sheet", f"no sheet {sheet!r}; sheets: {book.sheetnames}"
                )
            it = ws.iter_rows(values_only=True)
            header = next(it, None)
            if header is None:
                return
            numbered = ((k, row) for k, row in enumerate(it, start=2))
            yield from _table_rows(label, list(header), numbered, required, optional, columns)
        finally:
            book.close()

    return label, rows


def read_excel(
    path: str | os.PathLike[str],
    *,
    cases_sheet: str | None = None,
    events_sheet: str | None = None,
    columns: ColumnMap = None,
    strict: bool = False,
    on_bad_event: OnBadEvent = "hold_case",
) -> CaseReader:
    """Read cases and events from an .xlsx workbook (extra ``excel``).

    ``cases_sheet`` (default: the first sheet) holds the cases, ``events_sheet`` the
    events (none if not given). Rows are named by the sheet and their row number.
    """
    if Path(path).suffix.lower() not in (".xlsx", ".xlsm"):
        raise InvalidRecordError(
            str(path), "path", "read_excel reads .xlsx workbooks; for CSV use thads.read_cases"
        )
    if not Path(path).exists():
        raise FileNotFoundError(f"no such workbook: {path}")
    case_name, case_rows = _sheet_source(path, cases_sheet, CASE_COLUMNS, CASE_OPTIONAL, columns)
    event_name, event_rows = (
        _sheet_source(path, events_sheet, EVENT_COLUMNS, EVENT_OPTIONAL, columns)
        if events_sheet is not None
        else ("", None)
    )
    if event_rows is not None and event_name == case_name:
        raise InvalidRecordError(str(path), "events_sheet", "cases and events need two sheets")
    return CaseReader.from_rows(
        case_rows,
        event_rows,
        names=(case_name, event_name),
        strict=strict,
        on_bad_event=on_bad_event,
    )


__all__ = ["cell", "read_excel", "read_frame"]
