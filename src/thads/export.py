"""Report output: a readable Vietnamese table, JSON, CSV in the layout of the forms, Excel.

The CSV column order follows the reconstructed skeleton of forms 01 (cases) and 02
(money) of TT 05/2024 (statistics-rules.md §6.5). That skeleton is inferred: the official
form appendix was not readable, so column numbers are not claimed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Literal

from thads.errors import MissingExtraError
from thads.fmt import format_count, format_money, format_percent, format_points
from thads.money import TY
from thads.rates import Points, Rate
from thads.report import Report, ReportRow
from thads.tally import Tally

Unit = Literal["cases", "money"]

FORM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("accepted", "Tổng số thụ lý"),
    ("carried_over", "Năm trước chuyển sang"),
    ("new", "Thụ lý mới"),
    ("entrusted", "Ủy thác"),
    ("withdrawn", "Thu hồi, hủy quyết định"),
    ("to_enforce", "Tổng số phải thi hành"),
    ("enforceable", "Có điều kiện thi hành"),
    ("completed", "Thi hành xong"),
    ("terminated", "Đình chỉ"),
    ("reduced", "Giảm"),
    ("in_progress", "Đang thi hành"),
    ("postponed", "Hoãn (Điều 48.1.c)"),
    ("stayed", "Hoãn, tạm đình chỉ khác"),
    ("without_conditions", "Chưa có điều kiện thi hành"),
    ("resolved", "Giải quyết xong"),
    ("carried_forward", "Chuyển kỳ sau"),
    ("enforceable_carried_forward", "Có điều kiện chuyển kỳ sau"),
)
"""Form rows as columns: (thads row name, Vietnamese heading)."""


def _rate(rate: Rate | None) -> str:
    return "" if rate is None else str(rate.percent)


def _points(points: Points | None) -> str:
    return "" if points is None else str(points.value)


def form_number(report: Report, unit: Unit) -> str:
    """TT 05/2024 form number: 01/02 for cases/money, 04/05 when split by executor."""
    by_executor = report.by == "executor"
    if unit == "cases":
        return "04" if by_executor else "01"
    return "05" if by_executor else "02"


def to_csv(report: Report, unit: Unit = "cases") -> str:
    """CSV of one form: one line per office/executor, one column per row of the form."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "form",
            "code",
            "name",
            "level",
            *(name for name, _ in FORM_COLUMNS),
            "rate_percent",
            "quota_percent",
            "quota_points",
            "same_period_points",
        ]
    )
    form = form_number(report, unit)
    for row in report.rows:
        tally: Tally = getattr(row.current, unit)
        rate = row.case_rate if unit == "cases" else row.money_rate
        target = (
            None if row.quota is None else (row.quota.cases if unit == "cases" else row.quota.money)
        )
        attained = row.attainment
        over = None if attained is None else (attained.cases if unit == "cases" else attained.money)
        same = row.case_rate_change if unit == "cases" else row.money_rate_change
        writer.writerow(
            [
                form,
                row.code,
                row.name,
                "" if row.level is None else row.level.name.lower(),
                *(getattr(tally, name) for name, _ in FORM_COLUMNS),
                _rate(rate),
                "" if target is None else str(target),
                _points(over),
                _points(same),
            ]
        )
    return out.getvalue()


def _row_dict(row: ReportRow) -> dict[str, object]:
    def rates(unit: Unit) -> dict[str, object]:
        rate = row.case_rate if unit == "cases" else row.money_rate
        before = row.previous_case_rate if unit == "cases" else row.previous_money_rate
        attained = row.attainment
        over = None if attained is None else (attained.cases if unit == "cases" else attained.money)
        return {
            "rate": None if rate is None else str(rate.percent),
            "rate_exact": None if rate is None else f"{rate.numerator}/{rate.denominator}",
            "previous_rate": None if before is None else str(before.percent),
            "points_vs_previous": None
            if rate is None or before is None
            else str((rate - before).value),
            "quota_points": None if over is None else str(over.value),
        }

    return {
        "code": row.code,
        "name": row.name,
        "level": None if row.level is None else row.level.name.lower(),
        "cases": row.current.cases.as_dict(),
        "money": row.current.money.as_dict(),
        "previous": None
        if row.previous is None
        else {"cases": row.previous.cases.as_dict(), "money": row.previous.money.as_dict()},
        "case_rate": rates("cases"),
        "money_rate": rates("money"),
        "quota": None
        if row.quota is None
        else {"year": row.quota.year, "cases": str(row.quota.cases), "money": str(row.quota.money)},
        "new_change_percent": _maybe(new.percent if (new := row.change("new")) else None),
    }


def _maybe(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def to_dict(report: Report) -> dict[str, object]:
    """The report as plain data (ints, strings; percents as decimal strings)."""
    return {
        "format": "thads-report",
        "version": 1,
        "period": {
            "year": report.period.year,
            "months": report.period.months,
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
            "label": report.period.label,
        },
        "regime": report.total.regime.code,
        "by": report.by,
        "rows": [_row_dict(row) for row in report.rows],
    }


def to_json(report: Report) -> str:
    """The report as JSON text."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2)


_TABLE: tuple[tuple[str, Callable[[ReportRow], str]], ...] = (
    ("Thụ lý", lambda r: format_count(r.current.cases.accepted)),
    ("Phải THA", lambda r: format_count(r.current.cases.to_enforce)),
    ("Có ĐK", lambda r: format_count(r.current.cases.enforceable)),
    ("Xong", lambda r: format_count(r.current.cases.resolved)),
    ("Tỷ lệ việc", lambda r: format_percent(r.case_rate)),
    ("± CT việc", lambda r: format_points(r.attainment.cases if r.attainment else None)),
    ("± CK việc", lambda r: format_points(r.case_rate_change)),
    ("Tiền có ĐK (tr.đ)", lambda r: format_money(r.current.money.enforceable, "triệu").split()[0]),
    (
        "Tiền xong (tr.đ)",
        lambda r: format_money(r.regime.money_resolved(r.current.money), "triệu").split()[0],
    ),
    ("Tỷ lệ tiền", lambda r: format_percent(r.money_rate)),
    ("± CT tiền", lambda r: format_points(r.attainment.money if r.attainment else None)),
    ("± CK tiền", lambda r: format_points(r.money_rate_change)),
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
        f"{format_count(cases.enforceable)} việc; giải quyết xong "
        f"{format_count(cases.resolved)} việc, đạt {format_percent(row.case_rate)}.",
        f"  Về tiền: thụ lý {_money(money.accepted)}; có điều kiện "
        f"{_money(money.enforceable)}; giải quyết xong "
        f"{_money(row.regime.money_resolved(money))}, đạt "
        f"{format_percent(row.money_rate)}.",
    ]
    if row.attainment is not None and row.quota is not None:
        lines.append(
            f"  So với chỉ tiêu {format_percent(row.quota.cases)} về việc và "
            f"{format_percent(row.quota.money)} về tiền: "
            f"{_gap(row.attainment.cases)} về việc, {_gap(row.attainment.money)} về tiền."
        )
    new = row.change("new")
    if new is not None and new.percent is not None and row.case_rate_change is not None:
        direction = "tăng" if new.delta >= 0 else "giảm"
        lines.append(
            f"  So với cùng kỳ: thụ lý mới {direction} {format_count(abs(new.delta))} việc "
            f"({format_percent(abs(new.percent))}); tỷ lệ về việc "
            f"{format_points(row.case_rate_change)} điểm, về tiền "
            f"{format_points(row.money_rate_change)} điểm."
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


def write_xlsx(report: Report, path: str | Path) -> None:
    """Write forms 01 and 02 (or 04 and 05) as two sheets of an Excel file (thads[excel])."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("openpyxl", "excel", "Excel output") from None
    book = Workbook()
    first = True
    for unit in ("cases", "money"):
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = f"Biểu {form_number(report, unit)}"
        for record in csv.reader(io.StringIO(to_csv(report, unit))):
            sheet.append([_cell(v) for v in record])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, Decimal):
                    cell.number_format = "0.00"  # percents and points, two places
    book.save(path)


def _cell(value: str) -> object:
    if value.isdigit():
        return int(value)
    if re.fullmatch(r"-?\d+\.\d+", value):
        return Decimal(value)
    return value


__all__ = [
    "FORM_COLUMNS",
    "form_number",
    "summary",
    "to_csv",
    "to_dict",
    "to_json",
    "to_table",
    "write_xlsx",
]
