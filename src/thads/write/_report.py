"""A report (báo cáo) as tables: the readable table, the CSV of a form, the summary text.

Every figure is read from the report rows (:class:`~thads.count.ReportRow`): the rows
of the form under the row's regime (``ReportRow.figures``), its rate, quota points and
same-period change. The regime owns which rows count and the headings and numbers of
its forms (:mod:`thads.rules`). The column order follows the reconstructed skeleton of
forms 01 (cases) and 02 (money) of TT 05/2024 (docs/sources/statistics.md §6.5). That
skeleton is inferred: the official form appendix was not readable, so official column
numbers are not claimed.
"""

from __future__ import annotations

from thads.count import Report, ReportRow
from thads.errors import InvalidRecordError
from thads.fmt import format_count, format_money, format_percent, format_points
from thads.records import level_name
from thads.rules import FORM_ROWS, Unit
from thads.values import TY, Points
from thads.write._csv import write_csv
from thads.write._guard import clean_text
from thads.write._table import Column, Kind, Table
from thads.write._text import render_text


def form_number(report: Report, unit: Unit) -> str | None:
    """The number of the form for ``unit`` under the report's regime (TT 05/2024: 01/02,
    04/05 when split by executor); None where the regime's list of forms is not known."""
    return report.total.regime.form(unit, by_executor=report.by == "executor").number


def regime_note(report: Report) -> str | None:
    """The title of the regime counted with, when it only stands in for rules not known.

    TT 05/2026/TT-BTP (from 01/07/2026) is counted with the last known rules of TT
    05/2024 only when the caller allowed it; every output says so (docs/regimes.md).
    """
    regime = report.total.regime
    return None if regime.stands_in_for is None else regime.title


def rejected_note(report: Report) -> str | None:
    """ "N of M rows rejected" when the report's input had rejected rows, else None.

    A report counted from fewer rows than were read must not look complete: the table,
    the summary and the Excel forms print this line above the figures.
    """
    rejected = report.rejected_rows
    if not rejected:
        return None
    read = report.read_rows
    if read is None:
        return (
            f"{rejected} rows rejected ({format_count(rejected)} dòng dữ liệu bị loại; "
            "số liệu chỉ tính các dòng hợp lệ)"
        )
    return (
        f"{rejected} of {read} rows rejected ({format_count(rejected)}/{format_count(read)} "
        "dòng dữ liệu bị loại; số liệu chỉ tính các dòng hợp lệ)"
    )


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
    "regime",
)
"""Columns of :func:`to_csv` (machine names; the form rows under the report's regime)."""


def form_table(report: Report, unit: Unit = "cases") -> Table:
    """One form as a :class:`~thads.write.Table`: a row per office/executor, a column per
    row of the form, then the rate, the quota and its points, the same-period points,
    the progress and the planner's figure (the columns of :data:`CSV_HEADINGS`)."""
    regime = report.total.regime
    figure: Kind = "count" if unit == "cases" else "money"
    columns = [
        Column("form", "Biểu"),
        Column("code", "Mã"),
        Column("name", "Đơn vị"),
        Column("level", "Cấp"),
        *(Column(row, regime.heading(row), figure) for row in FORM_ROWS),
        Column("rate_percent", "Tỷ lệ thi hành xong (%)", "rate"),
        Column("quota_percent", "Chỉ tiêu (%)", "percent"),
        Column("quota_points", "So với chỉ tiêu (điểm)", "points"),
        Column("same_period_points", "So với cùng kỳ (điểm)", "points"),
        Column("progress_points", "Tiến độ so với chỉ tiêu (điểm)", "points"),
        Column("needed", "Cần giải quyết thêm để đạt chỉ tiêu", figure),
        Column("regime", "Chế độ báo cáo"),
    ]
    form = form_number(report, unit) or ""
    rows = []
    for row in report.rows:
        figures = row.figures(unit)
        rows.append(
            (
                form,
                row.code,
                row.name,
                level_name(row.level) or "",
                *(figures[name] for name in FORM_ROWS),
                row.rate(unit),
                row.quota_target(unit),
                row.quota_points(unit),
                row.rate_change(unit),
                row.progress(unit, report.period.months),
                row.needed(unit),
                row.regime.code,
            )
        )
    return Table(columns, rows, depths=[row.depth for row in report.rows])


def to_csv(report: Report, unit: Unit = "cases") -> str:
    """CSV of one form: one line per office/executor, one column per row of the form.

    Text that a spreadsheet would take for a formula is written as text (:func:`safe_text`).
    """
    return write_csv(form_table(report, unit))


_TABLE_COLUMNS: tuple[Column, ...] = (
    Column("name", "Đơn vị"),
    Column("accepted", "Thụ lý", "count"),
    Column("to_enforce", "Phải THA", "count"),
    Column("enforceable", "Có ĐK", "count"),
    Column("resolved", "Xong", "count"),
    Column("case_rate", "Tỷ lệ việc", "rate"),
    Column("case_quota_points", "± CT việc", "points"),
    Column("case_change_points", "± CK việc", "points"),
    Column("money_enforceable", "Tiền có ĐK (tr.đ)", "money", "triệu"),
    Column("money_resolved", "Tiền xong (tr.đ)", "money", "triệu"),
    Column("money_rate", "Tỷ lệ tiền", "rate"),
    Column("money_quota_points", "± CT tiền", "points"),
    Column("money_change_points", "± CK tiền", "points"),
    Column("needed_cases", "Cần thêm việc", "count"),
    Column("needed_money", "Cần thêm tiền (tr.đ)", "money", "triệu"),
)


def report_table(report: Report) -> Table:
    """The readable table of :func:`to_table` as a :class:`~thads.write.Table` (money in
    exact đồng, shown in triệu by the text writer), with the rejected-rows note."""
    rows = [
        (
            row.name,
            row.current.cases.accepted,
            row.current.cases.to_enforce,
            row.enforceable("cases"),
            row.resolved("cases"),
            row.rate("cases"),
            row.quota_points("cases"),
            row.rate_change("cases"),
            row.enforceable("money"),
            row.resolved("money"),
            row.rate("money"),
            row.quota_points("money"),
            row.rate_change("money"),
            row.needed("cases"),
            row.needed("money"),
        )
        for row in report.rows
    ]
    notes = tuple(n for n in (rejected_note(report), regime_note(report)) if n is not None)
    return Table(
        _TABLE_COLUMNS,
        rows,
        notes=notes,
        depths=[row.depth for row in report.rows],
    )


def to_table(report: Report) -> str:
    """A readable fixed-width table in Vietnamese number format, total first.

    Columns: accepted, to enforce, with conditions (Có ĐK), resolved, the case rate, its
    points over the quota (± CT) and over the same period last year (± CK), then the
    same for money in triệu đồng, then what the quota still needs. When the report's
    input had rejected rows, a first line says "N of M rows rejected". Names are printed
    without control characters (:func:`clean_text`).
    """
    if not isinstance(report, Report):
        raise InvalidRecordError(
            "to_table",
            "report",
            f"give a thads.Report, not {type(report).__name__}; a work list has its own "
            "writer (thads.worklists.to_table)",
        )
    return render_text(report_table(report))


def summary(row: ReportRow, report: Report) -> str:
    """A paragraph in the words of published reports, for one row.

    When the report's input had rejected rows, the first line says "N of M rows rejected".
    """
    cases, money = row.current.cases, row.current.money
    note = rejected_note(report)
    lines = [] if note is None else [note]
    lines += [
        f"{clean_text(row.name)} — {report.period.label} "
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


__all__ = [
    "CSV_HEADINGS",
    "form_number",
    "form_table",
    "regime_note",
    "rejected_note",
    "report_table",
    "summary",
    "to_csv",
    "to_table",
]
