"""Writers of the metrics, flows and reconciliation tables: plain data, JSON, CSV and
aligned text."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from typing import Final

from thads.fmt import format_count, format_decimal, format_money
from thads.metrics._compute import FlowsTable, MetricsTable
from thads.metrics._indicators import AGE_BANDS, CLOSINGS, Metrics
from thads.metrics._outlook import Outlook, Projection
from thads.metrics._reconcile import Moved, Reconciliation
from thads.records import (
    level_name,
)
from thads.values import Rate, round_half_up
from thads.write import safe_text

# --- writers ---------------------------------------------------------------------------


def _fraction(value: Fraction | None) -> str | None:
    """An exact fraction as text: ``"365/2"``, or ``"730"`` when it is whole."""
    if value is None:
        return None
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def _decimal(value: Fraction | None, places: int = 1) -> str:
    if value is None:
        return "—"
    return format_decimal(round_half_up(value, places))


def _rate_dict(rate: Rate | None) -> dict[str, str] | None:
    if rate is None:
        return None
    return {"percent": str(rate.percent), "exact": f"{rate.numerator}/{rate.denominator}"}


def metrics_dict(m: Metrics) -> dict[str, object]:
    """One row's metrics as plain data (ints, strings; exact ratios as "a/b")."""
    return {
        "carried_over": m.carried_over,
        "incoming": m.incoming,
        "disposed": m.disposed,
        "disposed_by": dict(zip(CLOSINGS, m.disposed_by, strict=True)),
        "resolved": m.resolved,
        "pending": m.pending,
        "backlog_change": m.backlog_change,
        "clearance_rate": _rate_dict(m.clearance_rate),
        "disposition_time_days": _fraction(m.disposition_time),
        "pending_age": dict(zip(AGE_BANDS, m.age_bands, strict=True)),
        "time_to_disposition": {"p50": m.p50, "p75": m.p75, "p90": m.p90},
        "money_accepted": m.money_accepted,
        "money_completed": m.money_completed,
        "money_resolved": m.money_resolved,
        "collection_rate": _rate_dict(m.collection_rate),
        "executors": m.executor_count,
        "caseload_per_executor": _fraction(m.caseload_per_executor),
    }


def to_dict(table: MetricsTable) -> dict[str, object]:
    """The metrics table as plain data."""
    return {
        "format": "thads-metrics",
        "version": 1,
        "range": {"start": table.range.start.isoformat(), "end": table.range.end.isoformat()},
        "by": table.by,
        "drawn_on": None if table.drawn_on is None else table.drawn_on.isoformat(),
        "rows": [
            {
                "code": row.code,
                "name": row.name,
                "level": level_name(row.level),
                **metrics_dict(row.value),
            }
            for row in table.rows
        ],
    }


def to_json(table: MetricsTable) -> str:
    """The metrics table as JSON text."""
    return json.dumps(to_dict(table), ensure_ascii=False, indent=2)


CSV_COLUMNS: Final = (
    "code", "name", "carried_over", "incoming", "disposed", "pending", "backlog_change",
    "clearance_rate", "disposition_time_days", *(f"age_{band}" for band in AGE_BANDS),
    "p50", "p75", "p90", "money_accepted", "money_completed", "collection_rate",
    "executors", "caseload_per_executor",
)  # fmt: skip
"""Columns of :func:`to_csv`; rates are percents rounded half-up, ratios exact a/b."""


def to_csv(table: MetricsTable) -> str:
    """The metrics table as CSV text, one line per row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in table.rows:
        m = row.value
        writer.writerow(
            [
                safe_text(row.code), safe_text(row.name),
                m.carried_over, m.incoming, m.disposed, m.pending,
                m.backlog_change,
                "" if m.clearance_rate is None else m.clearance_rate.percent,
                _fraction(m.disposition_time) or "", *m.age_bands,
                *("" if p is None else p for p in (m.p50, m.p75, m.p90)),
                m.money_accepted, m.money_completed,
                "" if m.collection_rate is None else m.collection_rate.percent,
                m.executor_count, _fraction(m.caseload_per_executor) or "",
            ]
        )  # fmt: skip
    return out.getvalue()


_HEAD: Final = (
    "Đơn vị", "Tồn đầu", "Nhận", "Xử lý", "Tồn cuối", "± tồn", "CR %", "DT ngày",
    "Tồn >2 năm", "p50", "p90", "Thu %", "Việc/CHV",
)  # fmt: skip


def to_table(table: MetricsTable) -> str:
    """The metrics table as aligned text (Vietnamese headings, CEPEJ abbreviations)."""
    lines = [[*_HEAD]]
    for row in table.rows:
        m = row.value
        cr, col = m.clearance_rate, m.collection_rate
        lines.append(
            [
                "  " * row.depth + row.name,
                format_count(m.carried_over), format_count(m.incoming),
                format_count(m.disposed), format_count(m.pending),
                f"{m.backlog_change:+d}",
                "—" if cr is None else format_decimal(cr.percent),
                _decimal(m.disposition_time),
                format_count(m.age_bands[3] + m.age_bands[4]),
                "—" if m.p50 is None else str(m.p50), "—" if m.p90 is None else str(m.p90),
                "—" if col is None else format_decimal(col.percent),
                _decimal(m.caseload_per_executor),
            ]
        )  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(_HEAD))]
    text = [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(line)
        )
        for line in lines
    ]
    title = (
        f"Chỉ số CourTools / CEPEJ, {table.range.label} "
        "(CR = xử lý / nhận, không phải tỷ lệ thi hành xong; DT = số ngày × tồn cuối / xử lý)"
    )
    return "\n".join([title, *text])


def flows_to_csv(table: FlowsTable) -> str:
    """Monthly flows as CSV: one line per row, month and unit."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name", "month", "unit", "new", "completed", "terminated",
                     "reduced", "resolved", "entrusted", "withdrawn"])  # fmt: skip
    for row in table.rows:
        flows = row.value
        for first, cases, money in zip(flows.months(), flows.cases, flows.money, strict=True):
            for unit, flow in (("cases", cases), ("money", money)):
                writer.writerow(
                    [safe_text(row.code), safe_text(row.name), f"{first:%Y-%m}", unit,
                     flow.new, flow.completed,
                     flow.terminated, flow.reduced, flow.resolved, flow.entrusted,
                     flow.withdrawn]
                )  # fmt: skip
    return out.getvalue()


# --- reconciliation ---------------------------------------------------------------------

RECONCILIATION_COLUMNS: Final = (
    "code", "name", "level", "depth", "carried_forward_cases", "carried_forward_money",
    "carried_over_cases", "carried_over_money", "difference_cases", "difference_money",
    "separate_register_cases", "separate_register_money", "unexplained_cases",
    "unexplained_money", "explained",
)  # fmt: skip
"""Columns of :func:`reconciliation_csv` (money in đồng)."""


def _two(pair: tuple[int, int]) -> dict[str, int]:
    return {"cases": pair[0], "money": pair[1]}


def reconciliation_dict(result: Reconciliation) -> dict[str, object]:
    """The reconciliation as plain data: per row both figures, the difference, the
    cases moved to the separate register and other named cases (id, money), and what
    is left unexplained."""

    def moved(items: tuple[Moved, ...]) -> list[dict[str, object]]:
        return [{"case_id": m.case_id, "money": m.money} for m in items]

    return {
        "format": "thads-reconciliation",
        "version": 1,
        "year": result.year,
        "saved": result.saved,
        "drawn_on": None if result.drawn_on is None else result.drawn_on.isoformat(),
        "rows": [
            {
                "code": row.code,
                "name": row.name,
                "level": level_name(row.level),
                "depth": row.depth,
                "carried_forward": {
                    "cases": row.carried_forward[0],
                    "money": row.carried_forward[1],
                },
                "carried_over": _two(row.carried_over),
                "difference": _two(row.difference),
                "separate_register": moved(row.separate_register),
                "other": moved(row.other),
                "unexplained": _two(row.unexplained),
                "explained": row.explained,
            }
            for row in result.rows
        ],
    }


def reconciliation_json(result: Reconciliation) -> str:
    """The reconciliation as JSON text (:func:`reconciliation_dict`)."""
    return json.dumps(reconciliation_dict(result), ensure_ascii=False, indent=2)


def reconciliation_csv(result: Reconciliation) -> str:
    """The reconciliation as CSV text, one line per row (:data:`RECONCILIATION_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RECONCILIATION_COLUMNS)
    for row in result.rows:
        moves = row.separate_register
        writer.writerow(
            [
                safe_text(row.code), safe_text(row.name), level_name(row.level) or "", row.depth,
                *row.carried_forward, *row.carried_over, *row.difference,
                len(moves), sum(m.money for m in moves), *row.unexplained,
                "yes" if row.explained else "no",
            ]
        )  # fmt: skip
    return out.getvalue()


_RECONCILIATION_HEAD: Final = (
    "Đơn vị", "Chuyển kỳ sau (việc)", "Năm trước chuyển sang (việc)", "Chênh lệch",
    "Sổ riêng", "Chưa giải thích", "Tiền chuyển kỳ sau (tr.đ)",
    "Tiền năm trước chuyển sang (tr.đ)", "Tiền chưa giải thích (tr.đ)",
)  # fmt: skip


def _millions(dong: int) -> str:
    return format_decimal(round_half_up(Fraction(dong, 1_000_000), 3))


def reconciliation_table(result: Reconciliation) -> str:
    """The reconciliation as aligned text, one line per row like the report's table:
    carried forward of year − 1 and carried over of year (cases, money in triệu đồng),
    the difference, the moves to the separate register and what is unexplained."""
    lines = [[*_RECONCILIATION_HEAD]]
    for row in result.rows:
        lines.append(
            [
                "  " * row.depth + row.name,
                format_count(row.carried_forward[0]), format_count(row.carried_over[0]),
                f"{row.difference[0]:+d}", format_count(len(row.separate_register)),
                f"{row.unexplained[0]:+d}", _millions(row.carried_forward[1]),
                _millions(row.carried_over[1]), _millions(row.unexplained[1]),
            ]
        )  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    widths[0] = min(widths[0], 48)

    def line(cells: list[str]) -> str:
        first = cells[0][: widths[0]].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    source = "báo cáo đã lưu" if result.saved else "cùng dữ liệu việc"
    drawn = "" if result.drawn_on is None else f", cây đơn vị ngày {result.drawn_on:%d/%m/%Y}"
    title = (
        f"Đối chiếu số chuyển kỳ sau năm {result.year - 1} ({source}) với số năm trước "
        f"chuyển sang năm {result.year}{drawn}"
    )
    head = line(lines[0])
    return "\n".join([title, head, "-" * len(head), *(line(cells) for cells in lines[1:])])


def reconciliation_text(result: Reconciliation) -> str:
    """The reconciliation in sentences: how many rows differ, which are explained by
    moves to the separate register, and each row left unexplained with its residual."""
    rows = result.rows
    total = rows[0] if rows else None
    lines = [
        f"Đối chiếu năm {result.year}: {format_count(len(result.differing))} trong "
        f"{format_count(len(rows))} dòng có chênh lệch giữa số chuyển kỳ sau năm "
        f"{result.year - 1} và số năm trước chuyển sang năm {result.year}; "
        f"{format_count(len(result.unexplained))} dòng chưa giải thích được."
    ]
    if total is not None:
        lines.append(
            f"  {total.name}: chuyển kỳ sau {format_count(total.carried_forward[0])} việc, "
            f"{format_money(total.carried_forward[1], 'triệu', 3)}; năm trước chuyển sang "
            f"{format_count(total.carried_over[0])} việc, "
            f"{format_money(total.carried_over[1], 'triệu', 3)}; chuyển sổ theo dõi riêng "
            f"{format_count(len(total.separate_register))} việc."
        )
    for row in result.unexplained:
        cases, money = row.unexplained
        named = ", ".join(m.case_id for m in row.other)
        lines.append(
            f"  Chưa giải thích — {row.name} ({row.code}): {cases:+d} việc, "
            f"{'+' if money >= 0 else '−'}{format_money(abs(money), 'triệu', 3)}"
            + (f"; việc: {named}" if named else "")
            + "."
        )
    return "\n".join(lines)


# --- the year-end outlook (a projection) ------------------------------------------------

PROJECTION_MARK: Final = "DỰ BÁO (projection)"
"""The mark every output of an :class:`Outlook` carries: projected, not counted."""

OUTLOOK_COLUMNS: Final = (
    "kind", "year", "months_counted", "method", "code", "name", "unit",
    "counted_resolved", "counted_enforceable", "projected_resolved",
    "projected_enforceable", "projected_percent", "projected_percent_exact", "quota",
    "projected_points", "reaches_quota", "needed", "needed_per_month",
)  # fmt: skip
"""Columns of :func:`outlook_csv`; ``kind`` is :data:`PROJECTION_MARK` on every line."""

_METHOD_TEXT: Final = {
    "average": "mỗi tháng còn lại như bình quân các tháng đã qua",
    "last_year": "các tháng còn lại như cùng các tháng năm trước",
}


def _projection_dict(p: Projection) -> dict[str, object]:
    return {
        "counted_resolved": p.counted_resolved,
        "counted_enforceable": p.counted_enforceable,
        "projected_resolved": _fraction(p.resolved),
        "projected_enforceable": _fraction(p.enforceable),
        "projected_percent": None if p.percent is None else str(p.percent),
        "projected_percent_exact": _fraction(p.exact_percent),
        "quota": None if p.quota is None else str(p.quota),
        "projected_points": None if p.points is None else str(p.points),
        "reaches_quota": p.reaches_quota,
        "needed": p.needed,
        "needed_per_month": _fraction(p.needed_per_month),
    }


def outlook_dict(result: Outlook) -> dict[str, object]:
    """The outlook as plain data, marked ``"projection": true`` (exact figures as "a/b")."""
    return {
        "format": "thads-outlook",
        "version": 1,
        "projection": True,
        "kind": PROJECTION_MARK,
        "year": result.year,
        "months_counted": result.months,
        "method": result.method,
        "by": result.by,
        "drawn_on": None if result.drawn_on is None else result.drawn_on.isoformat(),
        "rows": [
            {
                "code": row.code,
                "name": row.name,
                "level": level_name(row.level),
                "depth": row.depth,
                "cases": _projection_dict(row.cases),
                "money": _projection_dict(row.money),
            }
            for row in result.rows
        ],
    }


def outlook_json(result: Outlook) -> str:
    """The outlook as JSON text (:func:`outlook_dict`)."""
    return json.dumps(outlook_dict(result), ensure_ascii=False, indent=2)


def outlook_csv(result: Outlook) -> str:
    """The outlook as CSV, one line per row and unit, each marked as a projection."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(OUTLOOK_COLUMNS)
    for row in result.rows:
        for p in (row.cases, row.money):
            data = _projection_dict(p)
            writer.writerow(
                [
                    PROJECTION_MARK, result.year, result.months, result.method,
                    safe_text(row.code), safe_text(row.name), p.unit,
                    *("" if data[k] is None else data[k] for k in OUTLOOK_COLUMNS[7:15]),
                    "" if p.reaches_quota is None else ("yes" if p.reaches_quota else "no"),
                    "" if p.needed is None else p.needed, _fraction(p.needed_per_month) or "",
                ]
            )  # fmt: skip
    return out.getvalue()


_OUTLOOK_HEAD: Final = (
    "Đơn vị", "Tỷ lệ việc đến nay", "Dự báo việc", "Chỉ tiêu việc", "Cần thêm (việc)",
    "Tỷ lệ tiền đến nay", "Dự báo tiền", "Chỉ tiêu tiền", "Cần thêm (tr.đ)",
)  # fmt: skip


def _so_far(p: Projection) -> str:
    if p.counted_enforceable == 0:
        return "—"
    return format_decimal(
        round_half_up(Fraction(100 * p.counted_resolved, p.counted_enforceable), 2)
    )


def outlook_table(result: Outlook) -> str:
    """The outlook as aligned text under a title that says it is a projection: the rates
    so far (counted), the projected year-end rates, the quota and the planner's needed."""
    lines = [[*_OUTLOOK_HEAD]]
    for row in result.rows:
        cells = ["  " * row.depth + row.name]
        for p in (row.cases, row.money):
            needed = "—" if p.needed is None else (
                format_count(p.needed) if p.unit == "cases" else _millions(p.needed)
            )  # fmt: skip
            cells += [
                _so_far(p),
                "—" if p.percent is None else format_decimal(p.percent),
                "—" if p.quota is None else format_decimal(p.quota),
                needed,
            ]
        lines.append(cells)
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    widths[0] = min(widths[0], 48)

    def line(cells: list[str]) -> str:
        first = cells[0][: widths[0]].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    title = (
        f"{PROJECTION_MARK} — tỷ lệ cuối năm {result.year} nếu "
        f"{_METHOD_TEXT[result.method]} ({result.months} tháng đã qua, "
        f"{12 - result.months} tháng còn lại); không phải số liệu thống kê"
    )
    head = line(lines[0])
    return "\n".join([title, head, "-" * len(head), *(line(cells) for cells in lines[1:])])
