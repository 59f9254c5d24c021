"""Cases from Excel workbooks (tệp Excel, .xlsx): :func:`read_excel`.

The workbook is checked before openpyxl reads it: a zip archive, expanding to at most
:data:`MAX_WORKBOOK_BYTES`, with no XML document type (entity declarations are refused,
never expanded). Every row and column present is read, whatever size the sheet says it
has; a formula cell saved without its value is rejected naming the formula.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from thads.errors import InvalidRecordError, ThadsError
from thads.read._decode import Locale
from thads.read._headings import (
    CASE_COLUMNS,
    CASE_OPTIONAL,
    EVENT_COLUMNS,
    EVENT_OPTIONAL,
    ColumnMap,
)
from thads.read._reader import CaseReader
from thads.read._rows import OnBadEvent, RawRow, Rows
from thads.read._tabular import Formula, need, table_rows

MAX_WORKBOOK_BYTES: Final = 200 * 2**20
"""The most a workbook may expand to (200 MB of XML): a larger one is refused."""
_DOCTYPES: Final = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"))


def _unreadable(path: str | os.PathLike[str], why: str, code: str) -> InvalidRecordError:
    return InvalidRecordError(str(path), "path", why, code=code)


def _check_package(path: str | os.PathLike[str]) -> None:
    """Refuse what is not a plain xlsx package before openpyxl parses anything."""
    if not zipfile.is_zipfile(path):
        raise _unreadable(
            path,
            "is not an xlsx workbook: an .xlsx file is a zip archive and this one is not "
            "(an .xls, CSV or HTML file renamed .xlsx?); save it as .xlsx, or as CSV and "
            "read it with thads.read_cases",
            "file.unreadable",
        )
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            size = sum(member.file_size for member in members)
            if size > MAX_WORKBOOK_BYTES:
                raise _unreadable(
                    path,
                    f"expands to {size:,} bytes, more than the {MAX_WORKBOOK_BYTES:,} a "
                    "workbook may expand to (a zip bomb, or a workbook to save as CSV and "
                    "read with thads.read_cases)",
                    "file.too_large",
                )
            for member in members:
                if not member.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                with package.open(member) as part:
                    head = part.read(1 << 16)
                if any(mark in head for mark in _DOCTYPES):
                    raise _unreadable(
                        path,
                        f"part {member.filename} declares an XML document type (entities), "
                        "which no spreadsheet program writes: refused unread (an entity "
                        "bomb or an external entity)",
                        "file.unreadable",
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise _unreadable(path, f"is a damaged zip archive ({error})", "file.unreadable") from None


def _load(openpyxl: Any, path: str | os.PathLike[str], *, data_only: bool) -> Any:
    """The workbook opened read-only; a broken one is a clear thads error."""
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except ThadsError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken package
        raise _unreadable(
            path,
            f"cannot be read as an xlsx workbook ({type(error).__name__}: {error})",
            "file.unreadable",
        ) from None


def _sheet_name(openpyxl: Any, path: str | os.PathLike[str], sheet: str | None) -> str:
    """The sheet to read: ``sheet``, or the first visible sheet (hidden ones are not read
    unless named)."""
    book = _load(openpyxl, path, data_only=True)
    try:
        names = list(book.sheetnames)
        if sheet is not None:
            if sheet not in names:
                raise InvalidRecordError(
                    str(path), "sheet", f"no sheet {sheet!r}; sheets: {names}", code="sheet.unknown"
                )
            return sheet
        visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
        if not visible:
            raise InvalidRecordError(
                str(path),
                "sheet",
                f"every sheet is hidden ({names}): name the sheet to read",
                code="sheet.unknown",
            )
        return str(visible[0])
    finally:
        book.close()


def _sheet_source(
    openpyxl: Any,
    path: str | os.PathLike[str],
    sheet: str,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    columns: ColumnMap,
) -> tuple[str, Rows]:
    label = f"{path}[{sheet}]"

    def rows() -> Iterator[tuple[int, RawRow]]:
        values = _load(openpyxl, path, data_only=True)
        formulas = _load(openpyxl, path, data_only=False)
        try:
            sheets = values[sheet], formulas[sheet]
            for ws in sheets:
                ws.reset_dimensions()  # the stored size may be wrong: read what is there
            cells = zip(*(ws.iter_rows(values_only=True) for ws in sheets), strict=False)
            first = next(cells, None)
            if first is None or not any(v is not None for v in first[0]):
                raise InvalidRecordError(
                    label,
                    "*",
                    f"the sheet is empty: it needs a header row ({', '.join(required)})",
                    code="file.empty",
                )
            numbered = (
                (k, _merged(k, shown, written)) for k, (shown, written) in enumerate(cells, 2)
            )
            yield from table_rows(label, list(first[0]), numbered, required, optional, columns)
        finally:
            values.close()
            formulas.close()

    return label, rows


def _merged(row: int, shown: tuple[object, ...], written: tuple[object, ...]) -> list[object]:
    """A row's values, a formula saved without its value marked as :class:`Formula`."""
    out = list(shown)
    for j, value in enumerate(out):
        if value is None and j < len(written):
            text = written[j]
            if isinstance(text, str) and text.startswith("="):
                out[j] = Formula(text, f"{_column_letter(j + 1)}{row}")
    return out


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_excel(
    path: str | os.PathLike[str],
    *,
    cases_sheet: str | None = None,
    events_sheet: str | None = None,
    columns: ColumnMap = None,
    strict: bool = False,
    on_bad_event: OnBadEvent = "hold_case",
    locale: Locale = "iso",
    zero_fraction: bool = False,
) -> CaseReader:
    """Read cases and events from an .xlsx workbook (extra ``excel``).

    ``cases_sheet`` (default: the first visible sheet; a hidden sheet is read only when
    named) holds the cases, ``events_sheet`` the events (none if not given). Rows are
    named ``path[sheet]`` and their row number, so every rejection says which sheet was
    read. Every row and column present is read (not the size the sheet records); an
    empty sheet is an error, a formula without a saved value rejects its row.
    ``columns``, ``locale`` and ``zero_fraction`` as in :func:`thads.read.read_cases`.
    """
    if Path(path).suffix.lower() not in (".xlsx", ".xlsm"):
        raise InvalidRecordError(
            str(path),
            "path",
            "read_excel reads .xlsx workbooks; for CSV use thads.read_cases",
            code="file.type",
        )
    if not Path(path).exists():
        raise FileNotFoundError(f"no such workbook: {path}")
    openpyxl = need("openpyxl", "excel", "reading an Excel workbook")
    _check_package(path)
    case_sheet = _sheet_name(openpyxl, path, cases_sheet)
    case_name, case_rows = _sheet_source(
        openpyxl, path, case_sheet, CASE_COLUMNS, CASE_OPTIONAL, columns
    )
    event_name, event_rows = "", None
    if events_sheet is not None:
        event_sheet = _sheet_name(openpyxl, path, events_sheet)
        if event_sheet == case_sheet:
            raise InvalidRecordError(
                str(path), "events_sheet", "cases and events need two sheets", code="sheet.same"
            )
        event_name, event_rows = _sheet_source(
            openpyxl, path, event_sheet, EVENT_COLUMNS, EVENT_OPTIONAL, columns
        )
    return CaseReader.from_rows(
        case_rows,
        event_rows,
        names=(case_name, event_name),
        strict=strict,
        on_bad_event=on_bad_event,
        locale=locale,
        zero_fraction=zero_fraction,
    )
