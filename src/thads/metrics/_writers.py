"""Writers of the metrics, flows, reconciliation and outlook: each output is a
:class:`thads.write.Table` (:mod:`thads.metrics._tables`) printed by the shared writer
of its format (text, CSV); the JSON documents keep their own layouts (format name and
version), like the report's."""

from __future__ import annotations

import json
from typing import Final

from thads.fmt import format_count, format_money
from thads.metrics._compute import FlowsTable, MetricsTable
from thads.metrics._indicators import AGE_BANDS, CLOSINGS, Metrics
from thads.metrics._outlook import Outlook, Projection
from thads.metrics._reconcile import Moved, Reconciliation
from thads.metrics._tables import (
    CSV_COLUMNS,
    PROJECTION_MARK,
    flows_csv_table,
    metrics_table,
    metrics_text_table,
    outlook_csv_table,
    outlook_text_table,
    projected_cells,
    projected_names,
    reconciliation_csv_table,
    reconciliation_text_table,
)
from thads.records import level_name
from thads.values import Rate
from thads.write import json_cell, render_text, write_csv

# --- metrics and flows -------------------------------------------------------------------

_UNCUT: Final = 1 << 16
"""A first-column width no name reaches: the metrics table cuts no name."""


def _rate_dict(rate: Rate | None) -> dict[str, str] | None:
    """A rate in the JSON documents: ``{"percent", "exact"}``, as in the report's JSON."""
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
        "disposition_time_days": json_cell(m.disposition_time),
        "pending_age": dict(zip(AGE_BANDS, m.age_bands, strict=True)),
        "time_to_disposition": {"p50": m.p50, "p75": m.p75, "p90": m.p90},
        "money_accepted": m.money_accepted,
        "money_completed": m.money_completed,
        "money_resolved": m.money_resolved,
        "collection_rate": _rate_dict(m.collection_rate),
        "executors": m.executor_count,
        "caseload_per_executor": json_cell(m.caseload_per_executor),
    }


def to_dict(table: MetricsTable) -> dict[str, object]:
    """The metrics table as plain data."""
    return {
        "format": "thads-metrics",
        "version": 1,
        "range": {"start": json_cell(table.range.start), "end": json_cell(table.range.end)},
        "by": table.by,
        "drawn_on": json_cell(table.drawn_on),
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


def to_csv(table: MetricsTable) -> str:
    """The metrics table as CSV text, one line per row (:data:`CSV_COLUMNS`)."""
    return write_csv(metrics_table(table, CSV_COLUMNS))


def to_table(table: MetricsTable) -> str:
    """The metrics table as aligned text (Vietnamese headings, CEPEJ abbreviations).

    Names are never cut and no rule is drawn under the headings, as before the shared
    text writer printed it."""
    return render_text(metrics_text_table(table), first_width=_UNCUT, rule=False)


def flows_to_csv(table: FlowsTable) -> str:
    """Monthly flows as CSV: one line per row, month and unit."""
    return write_csv(flows_csv_table(table))


# --- reconciliation ---------------------------------------------------------------------


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
        "drawn_on": json_cell(result.drawn_on),
        "rows": [
            {
                "code": row.code,
                "name": row.name,
                "level": level_name(row.level),
                "depth": row.depth,
                "carried_forward": _two(row.carried_forward),
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
    return write_csv(reconciliation_csv_table(result))


def reconciliation_table(result: Reconciliation) -> str:
    """The reconciliation as aligned text, one line per row like the report's table:
    carried forward of year − 1 and carried over of year (cases, money in triệu đồng),
    the difference, the moves to the separate register and what is unexplained."""
    return render_text(reconciliation_text_table(result))


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


def _projection_dict(p: Projection) -> dict[str, object]:
    data = {
        name: json_cell(cell)
        for name, cell in zip(projected_names(), projected_cells(p), strict=True)
    }
    data["reaches_quota"] = p.reaches_quota  # true / false / null in JSON
    return data


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
        "drawn_on": json_cell(result.drawn_on),
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
    return write_csv(outlook_csv_table(result))


def outlook_table(result: Outlook) -> str:
    """The outlook as aligned text under a title that says it is a projection: the rates
    so far (counted), the projected year-end rates, the quota and the planner's needed."""
    return render_text(outlook_text_table(result))
