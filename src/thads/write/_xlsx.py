"""The Excel writer of a :class:`~thads.write.Table` (thads[excel]): typed cells, printable.

Text cells are text (never a formula, leading zeros kept); counts and money are whole
numbers written with all their digits (also above 2**53, where a float would lose the
last đồng); rates and targets are percents with two places, points signed; days are
dates. Each sheet is bordered like a printed form and prints on A4 landscape, one page
wide, the heading row repeated and the page number in the footer (Trang 1/3).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

from thads.errors import MissingExtraError
from thads.values import Points, Rate, round_half_up
from thads.write._guard import clean_text, xlsx_text
from thads.write._table import Cell, Column, Kind, Table

COUNT_FORMAT: Final = "#,##0"
PERCENT_FORMAT: Final = "0.00"
POINTS_FORMAT: Final = "+0.00;-0.00;0.00"
DATE_FORMAT: Final = "DD/MM/YYYY"
FOOTER: Final = "Trang &P/&N"
"""The page footer of every sheet: page number and page count (Excel's &P and &N)."""
_FLOAT_EXACT: Final = 2**53


def workbook() -> Any:
    """A new openpyxl workbook; MissingExtraError naming thads[excel] without openpyxl."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("openpyxl", "excel", "Excel output") from None
    return Workbook()


def put_number(cell: Any, value: int | Decimal, number_format: str) -> None:
    """Put an exact number in a cell with ``number_format``.

    openpyxl writes every number through a float (``%.16g``), which changes an int
    above 2**53 (9.007.199.254.740.993 đồng becomes ...992) and rounds long decimals.
    Such a number is written with its own digits instead, still as a number cell.
    """
    cell.value = value
    cell.number_format = number_format
    if isinstance(value, Decimal) or abs(value) >= _FLOAT_EXACT:
        digits = format(value, "f") if isinstance(value, Decimal) else str(value)
        cell._value = digits  # openpyxl writes a str as it is
        cell.data_type = "n"


def put_cell(cell: Any, value: Cell, kind: Kind) -> None:
    """Put one typed cell of a table in an openpyxl cell, with its number format."""
    if value is None:
        cell.value = None
    elif isinstance(value, str):
        xlsx_text(cell, value)
    elif isinstance(value, Rate):
        put_number(cell, value.percent, PERCENT_FORMAT)
    elif isinstance(value, Points):
        put_number(cell, value.value, POINTS_FORMAT)
    elif isinstance(value, Fraction):
        put_number(cell, round_half_up(value, 2), "#,##0.00")
    elif isinstance(value, Decimal):
        put_number(cell, value, PERCENT_FORMAT if kind == "percent" else "General")
    elif isinstance(value, int):
        put_number(cell, value, COUNT_FORMAT)
    else:
        cell.value = value
        cell.number_format = DATE_FORMAT


def border_box(sheet: Any, top: int, left: int, bottom: int, right: int) -> None:
    """Thin borders around every cell of the block, as a printed form's grid."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            sheet.cell(row=row, column=column).border = grid


def print_setup(sheet: Any, title_rows: str | None) -> None:
    """A4 landscape, one page wide, ``title_rows`` repeated, page numbers in the footer."""
    if title_rows:
        sheet.print_title_rows = title_rows
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = FOOTER
    sheet.evenFooter.center.text = FOOTER


def _width(column: Column, table: Table) -> int:
    index = table.columns.index(column)
    longest = max(
        [len(column.title) // 2 + 2, *(len(str(row[index] or "")) + 2 for row in table.rows)]
    )
    return max(8, min(longest, 45))


def fill_sheet(sheet: Any, table: Table, *, title: str | None = None) -> None:
    """Lay ``table`` out on an openpyxl sheet: title, notes, headings, typed rows."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    if title is not None:
        sheet.title = clean_text(title)[:31] or "Bảng"
    row = 1
    for line in (table.title, *table.notes):
        if line:
            xlsx_text(sheet.cell(row=row, column=1), clean_text(line))
            sheet.cell(row=row, column=1).font = Font(bold=row == 1 and line == table.title)
            row += 1
    if row > 1:
        row += 1
    heading_row = row
    wrap = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=heading_row, column=number)
        xlsx_text(cell, clean_text(column.title))
        cell.font = Font(bold=True)
        cell.alignment = wrap
    for offset, values in enumerate(table.rows, start=1):
        for number, (column, value) in enumerate(zip(table.columns, values, strict=True), 1):
            cell = sheet.cell(row=heading_row + offset, column=number)
            put_cell(cell, value, column.kind)
            if number == 1 and table.depth(offset - 1):
                cell.alignment = Alignment(indent=table.depth(offset - 1))
    width = len(table.columns)
    if width:
        border_box(sheet, heading_row, 1, heading_row + len(table.rows), width)
        for number, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = _width(column, table)
        sheet.freeze_panes = sheet.cell(row=heading_row + 1, column=1)
    print_setup(sheet, f"{heading_row}:{heading_row}")


def write_table_xlsx(table: Table, path: str | Path, *, sheet: str = "Bảng") -> None:
    """Write ``table`` to an Excel workbook of one sheet named ``sheet`` (thads[excel])."""
    book = workbook()
    fill_sheet(book.active, table, title=sheet)
    book.save(str(path))


__all__ = [
    "COUNT_FORMAT",
    "DATE_FORMAT",
    "FOOTER",
    "PERCENT_FORMAT",
    "POINTS_FORMAT",
    "border_box",
    "fill_sheet",
    "print_setup",
    "put_cell",
    "put_number",
    "workbook",
    "write_table_xlsx",
]
