"""Report output: a readable Vietnamese table, JSON, CSV in the layout of the forms, Excel.

Every figure is read from the report rows (:class:`~thads.report.ReportRow`): the rows
of the form under the row's regime (:meth:`~thads.report.ReportRow.figures`), its rate,
quota points and same-period change. The regime owns which rows count and the headings
and numbers of its forms (:mod:`thads.rules`). The column order follows the
reconstructed skeleton of forms 01 (cases) and 02 (money) of TT 05/2024
(docs/sources/statistics.md §6.5). That skeleton is inferred: the official form appendix was not
readable, so official column numbers are not claimed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from thads.count import Report, ReportRow, to_dict, to_json
from thads.errors import InvalidRecordError, MissingExtraError
from thads.fmt import format_count, format_money, format_percent, format_points
from thads.records import level_name
from thads.rules import FORM_ROWS, UNITS, Unit, regime_by_code
from thads.values import TY, Points, Rate

FORM_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (row, regime_by_code("tt05_2024").heading(row)) for row in FORM_ROWS
)
"""Deprecated: the form rows with their TT 05/2024 headings.

Use :data:`thads.rules.FORM_ROWS` and ``Regime.heading(row)``: headings belong to each
regime (the postponed row's heading depends on its counting choices).
"""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\u2212")


def safe_text(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula.

    A text beginning with ``= + - @``, a minus sign, a tab or a carriage return gets a
    leading apostrophe, the usual guard against formula injection in CSV files.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_value(value: object) -> object:
    """A value for a CSV cell: text through :func:`safe_text`, None blank, others as is."""
    if value is None:
        return ""
    return safe_text(value) if isinstance(value, str) else value


def xlsx_text(cell: Any, text: str) -> None:
    """Put ``text`` in an openpyxl cell as text: never a formula, leading zeros kept."""
    cell.value = text
    cell.data_type = "s"
    cell.number_format = "@"
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True


def _rate(rate: Rate | None) -> str:
    return "" if rate is None else str(rate.percent)


def _points(points: Points | None) -> str:
    return "" if points is None else str(points.value)


def form_number(report: Report, unit: Unit) -> str | None:
    """The number of the form for ``unit`` under the report's regime (TT 05/2024: 01/02,
    04/05 when split by executor); None where the regime's list of forms is not known."""
    return report.total.regime.form(unit, by_executor=report.by == "executor").number


CSV_HEADINGS: tuple[str, ...] = (
    "form",
    "code",
    "name",
    "level",
    *FORM_ROWS,
    "rate_percent",
    "quota_percent",
    "quota_points",
    "same_period_points",
    "progress_points",
    "needed",
)
"""Columns of :func:`to_csv` (machine names; the form rows under the report's regime)."""


def to_csv(report: Report, unit: Unit = "cases") -> str:
    """CSV of one form: one line per office/executor, one column per row of the form.

    Text that a spreadsheet would take for a formula is written as text (:func:`safe_text`).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADINGS)
    form = form_number(report, unit) or ""
    for row in report.rows:
        figures = row.figures(unit)
        target = row.quota_target(unit)
        writer.writerow(
            [
                form,
                safe_text(row.code),
                safe_text(row.name),
                _level(row),
                *(figures[name] for name in FORM_ROWS),
                _rate(row.rate(unit)),
                "" if target is None else str(target),
                _points(row.quota_points(unit)),
                _points(row.rate_change(unit)),
                _points(row.progress(unit, report.period.months)),
                "" if (more := row.needed(unit)) is None else more,
            ]
        )
    return out.getvalue()


def _level(row: ReportRow) -> str:
    return level_name(row.level) or ""


def _millions(dong: int) -> str:
    return format_money(dong, "triệu").split()[0]


def _maybe_count(value: int | None) -> str:
    return "—" if value is None else format_count(value)


def _maybe_millions(value: int | None) -> str:
    return "—" if value is None else _millions(value)


_TABLE: tuple[tuple[str, Callable[[ReportRow], str]], ...] = (
    ("Thụ lý", lambda r: format_count(r.current.cases.accepted)),
    ("Phải THA", lambda r: format_count(r.current.cases.to_enforce)),
    ("Có ĐK", lambda r: format_count(r.enforceable("cases"))),
    ("Xong", lambda r: format_count(r.resolved("cases"))),
    ("Tỷ lệ việc", lambda r: format_percent(r.rate("cases"))),
    ("± CT việc", lambda r: format_points(r.quota_points("cases"))),
    ("± CK việc", lambda r: format_points(r.rate_change("cases"))),
    ("Tiền có ĐK (tr.đ)", lambda r: _millions(r.enforceable("money"))),
    ("Tiền xong (tr.đ)", lambda r: _millions(r.resolved("money"))),
    ("Tỷ lệ tiền", lambda r: format_percent(r.rate("money"))),
    ("± CT tiền", lambda r: format_points(r.quota_points("money"))),
    ("± CK tiền", lambda r: format_points(r.rate_change("money"))),
    ("Cần thêm việc", lambda r: _maybe_count(r.needed("cases"))),
    ("Cần thêm tiền (tr.đ)", lambda r: _maybe_millions(r.needed("money"))),
)


def summary(row: ReportRow, report: Report) -> str:
    """A paragraph in the words of published reports, for one row."""
    cases, money = row.current.cases, row.current.money
    lines = [
        f"{row.name} — {report.period.label} "
        f"({report.period.start:%d/%m/%Y}–{report.period.end:%d/%m/%Y}), "
        f"{row.regime.title}:",
        f"  Về việc: thụ lý {format_count(cases.accepted)} việc "
        f"(năm trước chuyển sang {format_count(cases.carried_over)}, thụ lý mới "
        f"{format_count(cases.new)}); có điều kiện thi hành "
        f"{format_count(row.enforceable('cases'))} việc; giải quyết xong "
        f"{format_count(row.resolved('cases'))} việc, đạt {format_percent(row.rate('cases'))}.",
        f"  Về tiền: thụ lý {_money(money.accepted)}; có điều kiện "
        f"{_money(row.enforceable('money'))}; giải quyết xong "
        f"{_money(row.resolved('money'))}, đạt "
        f"{format_percent(row.rate('money'))}.",
    ]
    if row.quota is not None:
        lines.append(
            f"  So với chỉ tiêu {format_percent(row.quota.cases)} về việc và "
            f"{format_percent(row.quota.money)} về tiền: "
            f"{_gap(row.quota_points('cases'))} về việc, "
            f"{_gap(row.quota_points('money'))} về tiền."
        )
        cases_more, money_more = row.needed("cases") or 0, row.needed("money") or 0
        if cases_more or money_more:
            lines.append(
                f"  Để đạt chỉ tiêu cả năm (nếu số có điều kiện giữ nguyên), cần giải quyết "
                f"thêm {format_count(cases_more)} việc và {_money(money_more)}."
            )
        else:
            lines.append("  Đã đạt chỉ tiêu cả năm về việc và về tiền.")
    new = row.change("new")
    if new is not None and new.percent is not None and row.rate_change("cases") is not None:
        direction = "tăng" if new.delta >= 0 else "giảm"
        lines.append(
            f"  So với cùng kỳ: thụ lý mới {direction} {format_count(abs(new.delta))} việc "
            f"({format_percent(abs(new.percent))}); tỷ lệ về việc "
            f"{format_points(row.rate_change('cases'))} điểm, về tiền "
            f"{format_points(row.rate_change('money'))} điểm."
        )
    return "\n".join(lines)


def _money(dong: int) -> str:
    """Money as reports print it: whole tỷ from 1.000 tỷ, else tỷ or triệu with 2 places."""
    if dong >= 1_000 * TY:
        return format_money(dong, "tỷ")
    if dong >= TY:
        return format_money(dong, "tỷ", places=2)
    return format_money(dong, "triệu", places=2)


def _gap(points: Points | None) -> str:
    if points is None:
        return "không tính được"
    if points.value >= 0:
        return f"vượt {format_points(points).lstrip('+')}%"
    return f"còn thiếu {format_points(-points).lstrip('+')}%"


def to_table(report: Report) -> str:
    """A readable fixed-width table in Vietnamese number format, total first.

    Columns: accepted, to enforce, with conditions (Có ĐK), resolved, the case rate, its
    points over the quota (± CT) and over the same period last year (± CK), then the
    same for money in triệu đồng.
    """
    heads = ["Đơn vị", *(title for title, _ in _TABLE)]
    body = [
        ["  " * row.depth + row.name, *(cell(row) for _, cell in _TABLE)] for row in report.rows
    ]
    widths = [max(len(line[i]) for line in [heads, *body]) for i in range(len(heads))]
    widths[0] = min(widths[0], 48)

    def line(cells: list[str]) -> str:
        first = cells[0][: widths[0]].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))])

    rule = "-" * len(line(heads))
    return "\n".join([line(heads), rule, *(line(b) for b in body)])


MoneyUnit = Literal["đồng", "nghìn đồng", "triệu đồng"]
MONEY_UNITS: dict[str, int] = {"đồng": 1, "nghìn đồng": 1_000, "triệu đồng": 1_000_000}
"""Money units of the Excel forms (đơn vị tính) and their size in đồng."""

_RATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("rate", "Tỷ lệ thi hành xong (%)"),
    ("quota", "Chỉ tiêu (%)"),
    ("quota_points", "So với chỉ tiêu (điểm)"),
    ("previous_rate", "Tỷ lệ cùng kỳ (%)"),
    ("change", "So với cùng kỳ (điểm)"),
    ("progress", "Tiến độ so với chỉ tiêu (điểm)"),
    ("needed", "Cần giải quyết thêm để đạt chỉ tiêu"),
)
_COUNT_FORMAT = "#,##0"
_MONEY_FORMATS = {1: "#,##0", 1_000: "#,##0.000", 1_000_000: "#,##0.000000"}
_PERCENT_FORMAT = "0.00"
_POINTS_FORMAT = "+0.00;-0.00;0.00"
_POINTS_COLUMNS = frozenset({"quota_points", "change", "progress"})
_FIRST_BODY_ROW = 8  # title block (5 rows), a blank row, headings, column numbers


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
    two places; a signature block (người lập biểu, thủ trưởng đơn vị). It prints on A4
    landscape, one page wide, with the headings repeated.

    Cells are typed: codes and names are text (leading zeros kept, never a formula),
    counts and money are numbers. Money is the exact amount in ``money_unit`` (đồng,
    nghìn đồng or triệu đồng; a Decimal, never rounded) shown with the unit's places.
    Number formats are stored in Excel's notation (``#,##0``, ``0.00``); Excel shows them
    as ``#.##0`` and ``0,00`` under Vietnamese regional settings.
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("openpyxl", "excel", "Excel output") from None
    if money_unit not in MONEY_UNITS:
        raise InvalidRecordError(
            "write_xlsx",
            "money_unit",
            f"unknown unit {money_unit!r}; use one of {', '.join(MONEY_UNITS)}",
        )
    wanted = tuple(units)
    for unit in wanted:
        if unit not in UNITS:
            raise InvalidRecordError(
                "write_xlsx", "units", f"unknown unit {unit!r}; use cases and/or money"
            )
    book = Workbook()
    default = book.active
    for unit in wanted:
        _form_sheet(book.create_sheet(), report, unit, MONEY_UNITS[money_unit], money_unit)
    if default is not None and len(book.worksheets) > 1:
        book.remove(default)
    book.save(path)


def _form_sheet(sheet: Any, report: Report, unit: Unit, scale: int, unit_name: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    regime = report.total.regime
    form = regime.form(unit, by_executor=report.by == "executor")
    sheet.title = f"Biểu {form.number}" if form.number else f"Biểu {_UNIT_WORD[unit]}"
    headings = [
        "Đơn vị",
        "Mã",
        *(regime.heading(row) for row in FORM_ROWS),
        *(title for _, title in _RATE_COLUMNS),
    ]
    width = len(headings)
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
    heading_row, number_row = _FIRST_BODY_ROW - 2, _FIRST_BODY_ROW - 1
    wrap = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for column, heading in enumerate(headings, start=1):
        text(heading_row, column, heading, font=bold, alignment=wrap)
        label = "A" if column == 1 else "B" if column == 2 else str(column - 2)
        text(number_row, column, f"({label})", alignment=Alignment(horizontal="center"))
    sheet.row_dimensions[heading_row].height = 60

    money_format = _MONEY_FORMATS[scale]
    for offset, row in enumerate(report.rows):
        r = _FIRST_BODY_ROW + offset
        text(r, 1, row.name, alignment=Alignment(indent=row.depth))
        text(r, 2, row.code)
        figures = row.figures(unit)
        for column, name in enumerate(FORM_ROWS, start=3):
            value = figures[name]
            cell = sheet.cell(row=r, column=column)
            if unit == "cases" or scale == 1:
                cell.value = value
                cell.number_format = _COUNT_FORMAT
            else:
                cell.value = Decimal(value) / Decimal(scale)
                cell.number_format = money_format
        more = row.needed(unit)
        rates = (
            _percent(row.rate(unit)),
            row.quota_target(unit),
            _points_value(row.quota_points(unit)),
            _percent(row.previous_rate(unit)),
            _points_value(row.rate_change(unit)),
            _points_value(row.progress(unit, period.months)),
        )
        first = 3 + len(FORM_ROWS)
        for column, (share, (name, _)) in enumerate(zip(rates, _RATE_COLUMNS, strict=False)):
            cell = sheet.cell(row=r, column=first + column)
            cell.value = share
            cell.number_format = _POINTS_FORMAT if name in _POINTS_COLUMNS else _PERCENT_FORMAT
        cell = sheet.cell(row=r, column=first + len(rates))
        if more is not None and unit == "money" and scale != 1:
            cell.value, cell.number_format = Decimal(more) / Decimal(scale), money_format
        else:
            cell.value, cell.number_format = more, _COUNT_FORMAT
        if offset == 0:
            for column in range(1, width + 1):
                sheet.cell(row=r, column=column).font = bold

    end = _FIRST_BODY_ROW + len(report.rows)
    text(end + 1, width - 4, "......, ngày ... tháng ... năm ......")
    text(end + 2, 1, "NGƯỜI LẬP BIỂU", font=bold)
    text(end + 2, width - 4, "THỦ TRƯỞNG ĐƠN VỊ", font=bold)
    text(end + 3, 1, "(Ký, ghi rõ họ tên)")
    text(end + 3, width - 4, "(Ký tên, đóng dấu)")

    name_width = max([len("  " * r.depth + r.name) for r in report.rows] + [12])
    sheet.column_dimensions["A"].width = min(name_width + 2, 45)
    sheet.column_dimensions["B"].width = max(8, max(len(r.code) for r in report.rows) + 2)
    for column in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 13 if unit == "cases" else 17
    sheet.freeze_panes = sheet.cell(row=_FIRST_BODY_ROW, column=3)
    sheet.print_title_rows = f"{heading_row}:{number_row}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


_UNIT_WORD = {"cases": "việc", "money": "tiền"}


def _reporting_office(report: Report) -> str:
    """The office that reports: the one top office under the total, else the total."""
    top = [row for row in report.rows if row.depth == 1]
    if len(top) == 1 and top[0].level is not None and report.by in ("office", "executor"):
        return top[0].name
    return report.total.name


def _percent(rate: Rate | None) -> Decimal | None:
    return None if rate is None else rate.percent


def _points_value(points: Points | None) -> Decimal | None:
    return None if points is None else points.value


__all__ = [
    "CSV_HEADINGS",
    "FORM_COLUMNS",
    "MONEY_UNITS",
    "MoneyUnit",
    "csv_value",
    "form_number",
    "safe_text",
    "summary",
    "to_csv",
    "to_dict",
    "to_json",
    "to_table",
    "write_xlsx",
    "xlsx_text",
]
