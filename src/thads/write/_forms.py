"""The result forms (biểu mẫu) of a report as an Excel workbook, laid out for printing.

One sheet per form (TT 05/2024: 01 cases and 02 money, 04 and 05 by executor): the
title block, the reporting office, the period and the unit, Vietnamese headings with
column numbers, the total first and the offices in tree order, a signature block; the
grid bordered and the page number in the footer, as a printed form has.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from thads.count import Report
from thads.errors import InvalidRecordError
from thads.rules import FORM_ROWS, UNITS, Unit
from thads.write._guard import clean_text, xlsx_text
from thads.write._report import rejected_note
from thads.write._table import Column, Kind, Table
from thads.write._xlsx import (
    COUNT_FORMAT,
    PERCENT_FORMAT,
    POINTS_FORMAT,
    border_box,
    print_setup,
    put_cell,
    put_number,
    workbook,
)

MoneyUnit = Literal["đồng", "nghìn đồng", "triệu đồng"]
MONEY_UNITS: dict[str, int] = {"đồng": 1, "nghìn đồng": 1_000, "triệu đồng": 1_000_000}
"""Money units of the Excel forms (đơn vị tính) and their size in đồng."""

_PLACES = {1: 0, 1_000: 3, 1_000_000: 6}
_MONEY_FORMATS = {1: "#,##0", 1_000: "#,##0.000", 1_000_000: "#,##0.000000"}
_FIRST_BODY_ROW = 8  # title block (4 rows), a note row, headings, column numbers
_UNIT_WORD = {"cases": "việc", "money": "tiền"}


def sheet_table(report: Report, unit: Unit) -> Table:
    """The body of one form sheet as a :class:`~thads.write.Table`: name, code, the rows
    of the form under the report's regime, then the rates, quota, points and planner."""
    regime = report.total.regime
    figure: Kind = "count" if unit == "cases" else "money"
    columns = [
        Column("name", "Đơn vị"),
        Column("code", "Mã"),
        *(Column(row, regime.heading(row), figure) for row in FORM_ROWS),
        Column("rate", "Tỷ lệ thi hành xong (%)", "rate"),
        Column("quota", "Chỉ tiêu (%)", "percent"),
        Column("quota_points", "So với chỉ tiêu (điểm)", "points"),
        Column("previous_rate", "Tỷ lệ cùng kỳ (%)", "rate"),
        Column("change", "So với cùng kỳ (điểm)", "points"),
        Column("progress", "Tiến độ so với chỉ tiêu (điểm)", "points"),
        Column("needed", "Cần giải quyết thêm để đạt chỉ tiêu", figure),
    ]
    rows = [
        (
            row.name,
            row.code,
            *(row.figures(unit)[name] for name in FORM_ROWS),
            row.rate(unit),
            row.quota_target(unit),
            row.quota_points(unit),
            row.previous_rate(unit),
            row.rate_change(unit),
            row.progress(unit, report.period.months),
            row.needed(unit),
        )
        for row in report.rows
    ]
    return Table(columns, rows, depths=[row.depth for row in report.rows])


def write_xlsx(
    report: Report,
    path: str | Path,
    *,
    money_unit: MoneyUnit = "đồng",
    units: Iterable[Unit] = UNITS,
) -> None:
    """Write the result forms of ``report`` as an Excel workbook, a sheet per form (thads[excel]).

    Forms 01 and 02 (04 and 05 by executor) under TT 05/2024; a regime whose list of
    forms is unknown gets unnumbered forms. Each sheet has the title, the reporting
    office (đơn vị báo cáo), the period, the unit (đơn vị tính), Vietnamese headings with
    column numbers of thads's own (A, B, 1, 2, ...: the official numbers are not known),
    the total first and then the offices in tree order, indented; rates and points with
    two places; a signature block (người lập biểu, thủ trưởng đơn vị). The headings and
    rows are bordered; it prints on A4 landscape, one page wide, with the headings
    repeated and the page number in the footer (Trang 1/2). When the report's input had
    rejected rows, the line under the title block says "N of M rows rejected".

    Cells are typed: codes and names are text (leading zeros kept, never a formula),
    counts and money are numbers. Money is the exact amount in ``money_unit`` (đồng,
    nghìn đồng or triệu đồng; never rounded, written with all its digits even above
    2**53). Number formats are stored in Excel's notation (``#,##0``, ``0.00``); Excel
    shows them as ``#.##0`` and ``0,00`` under Vietnamese regional settings.
    """
    book = workbook()
    if money_unit not in MONEY_UNITS:
        raise InvalidRecordError(
            "write_xlsx",
            "money_unit",
            f"unknown unit {money_unit!r}; use one of {', '.join(MONEY_UNITS)}",
            code="value.unknown",
        )
    wanted = tuple(units)
    for unit in wanted:
        if unit not in UNITS:
            raise InvalidRecordError(
                "write_xlsx",
                "units",
                f"unknown unit {unit!r}; use cases and/or money",
                code="value.unknown",
            )
    default = book.active
    for unit in wanted:
        _form_sheet(book.create_sheet(), report, unit, MONEY_UNITS[money_unit], money_unit)
    if default is not None and len(book.worksheets) > 1:
        book.remove(default)
    book.save(path)


def _scaled(dong: int, scale: int) -> Decimal:
    """``dong`` / ``scale`` exactly (scale a power of ten): the digits, shifted."""
    sign, digits, exponent = Decimal(dong).as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent - _PLACES[scale]))


def _form_sheet(sheet: Any, report: Report, unit: Unit, scale: int, unit_name: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    regime = report.total.regime
    form = regime.form(unit, by_executor=report.by == "executor")
    sheet.title = f"Biểu {form.number}" if form.number else f"Biểu {_UNIT_WORD[unit]}"
    table = sheet_table(report, unit)
    width = len(table.columns)
    last = get_column_letter(width)
    bold = Font(bold=True)
    period = report.period

    def text(row: int, column: int, value: str, **style: Any) -> Any:
        cell = sheet.cell(row=row, column=column)
        xlsx_text(cell, value)
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    number = f"Biểu số {form.number}" if form.number else "Biểu (số hiệu không rõ)"
    text(1, 1, number, font=bold)
    text(1, width - 3, regime.title)
    text(2, 1, form.title.upper(), font=Font(bold=True, size=13))
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"].alignment = Alignment(horizontal="center")
    text(
        3,
        1,
        f"Kỳ báo cáo: {period.label} (từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y})",
    )
    sheet.merge_cells(f"A3:{last}3")
    sheet["A3"].alignment = Alignment(horizontal="center")
    text(4, 1, f"Đơn vị báo cáo: {_reporting_office(report)}")
    text(4, width - 3, "Đơn vị tính: " + ("việc" if unit == "cases" else unit_name))
    note = rejected_note(report)
    if note is not None:
        text(5, 1, note, font=Font(bold=True, color="C00000"))
    heading_row, number_row = _FIRST_BODY_ROW - 2, _FIRST_BODY_ROW - 1
    wrap = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for column, heading in enumerate(table.columns, start=1):
        text(heading_row, column, heading.title, font=bold, alignment=wrap)
        label = "A" if column == 1 else "B" if column == 2 else str(column - 2)
        text(number_row, column, f"({label})", alignment=Alignment(horizontal="center"))
    sheet.row_dimensions[heading_row].height = 60

    money_format = _MONEY_FORMATS[scale]
    for offset, values in enumerate(table.rows):
        r = _FIRST_BODY_ROW + offset
        for column, (spec, value) in enumerate(zip(table.columns, values, strict=True), 1):
            cell = sheet.cell(row=r, column=column)
            if spec.kind == "money" and isinstance(value, int) and scale != 1:
                put_number(cell, _scaled(value, scale), money_format)
            else:
                put_cell(cell, value, spec.kind)
                if value is None and spec.kind in ("count", "money"):
                    cell.number_format = COUNT_FORMAT
                elif value is None:
                    cell.number_format = POINTS_FORMAT if spec.kind == "points" else PERCENT_FORMAT
            if offset == 0:
                cell.font = bold
        sheet.cell(row=r, column=1).alignment = Alignment(indent=table.depth(offset))
    end = _FIRST_BODY_ROW + len(table.rows)
    border_box(sheet, heading_row, 1, end - 1, width)

    text(end + 1, width - 4, "......, ngày ... tháng ... năm ......")
    text(end + 2, 1, "NGƯỜI LẬP BIỂU", font=bold)
    text(end + 2, width - 4, "THỦ TRƯỞNG ĐƠN VỊ", font=bold)
    text(end + 3, 1, "(Ký, ghi rõ họ tên)")
    text(end + 3, width - 4, "(Ký tên, đóng dấu)")

    name_width = max([len("  " * r.depth + clean_text(r.name)) for r in report.rows] + [12])
    sheet.column_dimensions["A"].width = min(name_width + 2, 45)
    sheet.column_dimensions["B"].width = max(8, max(len(r.code) for r in report.rows) + 2)
    for column in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 13 if unit == "cases" else 17
    sheet.freeze_panes = sheet.cell(row=_FIRST_BODY_ROW, column=3)
    print_setup(sheet, f"{heading_row}:{number_row}")


def _reporting_office(report: Report) -> str:
    """The office that reports: the one top office under the total, else the total."""
    top = [row for row in report.rows if row.depth == 1]
    if len(top) == 1 and top[0].level is not None and report.by in ("office", "executor"):
        return top[0].name
    return report.total.name


__all__ = ["MONEY_UNITS", "MoneyUnit", "sheet_table", "write_xlsx"]
