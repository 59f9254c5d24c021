"""Metrics and monthly flows as data frames (bảng dữ liệu) for pandas and polars.

One line per row of the table (metrics) or per row, month and unit (flows). Counts and
money are whole numbers (đồng); a ratio comes as two columns: ``<name>`` a float for
plotting and filtering, and ``<name>_exact`` the exact fraction as text (``"3/2"``),
so no exactness is lost. pandas and polars are optional extras (``thads[pandas]``,
``thads[polars]``), imported only when a frame is asked for.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Final

from thads.errors import InvalidRecordError, MissingExtraError
from thads.metrics._compute import FlowsTable, MetricsTable
from thads.metrics._indicators import AGE_BANDS, CLOSINGS
from thads.records import level_name
from thads.values import Rate

FRAME_COLUMNS: Final = (
    "start", "end", "drawn_on", "code", "name", "level", "depth", "parent",
    "carried_over", "incoming", "disposed", *(f"disposed_{c}" for c in CLOSINGS),
    "resolved", "pending", "backlog_change", "clearance_rate_percent",
    "clearance_rate_exact", "disposition_time_days", "disposition_time_days_exact",
    *(f"age_{band}" for band in AGE_BANDS), "p50", "p75", "p90", "money_accepted",
    "money_completed", "money_terminated", "money_reduced", "money_resolved",
    "collection_rate_percent", "collection_rate_exact", "executors",
    "caseload_per_executor", "caseload_per_executor_exact",
)  # fmt: skip
"""Columns of a metrics frame, in order (rates as percents: 150.0 for 3/2)."""

FLOW_FRAME_COLUMNS: Final = (
    "year", "month", "drawn_on", "code", "name", "level", "depth", "parent", "unit",
    "new", "completed", "terminated", "reduced", "resolved", "entrusted", "withdrawn",
)  # fmt: skip
"""Columns of a monthly flows frame, in order (``month`` is its first day)."""

_TEXT: Final = frozenset({"start", "end", "drawn_on", "code", "name", "level", "parent"})
_FLOAT_SUFFIXES: Final = ("_percent", "_days", "caseload_per_executor")


def _exact(value: Fraction | None) -> str | None:
    if value is None:
        return None
    return str(value.numerator) if value.denominator == 1 else str(value)


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _percent(rate: Rate | None) -> tuple[float | None, str | None]:
    if rate is None:
        return None, None
    return float(rate.exact_percent), f"{rate.numerator}/{rate.denominator}"


def metrics_records(table: MetricsTable) -> list[dict[str, object]]:
    """The metrics table as plain dicts, one per row (total first), :data:`FRAME_COLUMNS`."""
    out: list[dict[str, object]] = []
    drawn = None if table.drawn_on is None else table.drawn_on.isoformat()
    for row in table.rows:
        m = row.value
        clearance, clearance_exact = _percent(m.clearance_rate)
        collection, collection_exact = _percent(m.collection_rate)
        values: list[object] = [
            table.range.start.isoformat(), table.range.end.isoformat(), drawn, row.code,
            row.name, level_name(row.level), row.depth, row.parent, m.carried_over,
            m.incoming, m.disposed, *m.disposed_by, m.resolved, m.pending, m.backlog_change,
            clearance, clearance_exact, _float(m.disposition_time),
            _exact(m.disposition_time), *m.age_bands, m.p50, m.p75, m.p90,
            m.money_accepted, m.money_completed, m.money_terminated, m.money_reduced,
            m.money_resolved, collection, collection_exact, m.executor_count,
            _float(m.caseload_per_executor), _exact(m.caseload_per_executor),
        ]  # fmt: skip
        out.append(dict(zip(FRAME_COLUMNS, values, strict=True)))
    return out


def flows_records(table: FlowsTable) -> list[dict[str, object]]:
    """The monthly flows as plain dicts, one per row, month and unit (cases, then money)."""
    out: list[dict[str, object]] = []
    drawn = None if table.drawn_on is None else table.drawn_on.isoformat()
    for row in table.rows:
        flows = row.value
        for first, cases, money in zip(flows.months(), flows.cases, flows.money, strict=True):
            for unit, flow in (("cases", cases), ("money", money)):
                values: list[object] = [
                    table.year, first.isoformat(), drawn, row.code, row.name,
                    level_name(row.level), row.depth, row.parent, unit, flow.new,
                    flow.completed, flow.terminated, flow.reduced, flow.resolved,
                    flow.entrusted, flow.withdrawn,
                ]  # fmt: skip
                out.append(dict(zip(FLOW_FRAME_COLUMNS, values, strict=True)))
    return out


def _records(table: MetricsTable | FlowsTable) -> tuple[list[dict[str, object]], tuple[str, ...]]:
    if isinstance(table, MetricsTable):
        return metrics_records(table), FRAME_COLUMNS
    if isinstance(table, FlowsTable):
        return flows_records(table), FLOW_FRAME_COLUMNS
    raise InvalidRecordError(
        "metrics frame", "table", f"give a MetricsTable or a FlowsTable, not {type(table).__name__}"
    )


def to_pandas(table: MetricsTable | FlowsTable) -> Any:
    """The table as a ``pandas.DataFrame`` (needs ``thads[pandas]``): whole numbers as
    int64 (nullable Int64 where a value can be missing), ratios as float64 beside their
    exact text."""
    rows, columns = _records(table)
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas", "a pandas data frame of metrics") from None
    frame = pandas.DataFrame.from_records(rows, columns=list(columns))
    for name in columns:
        kind = _kind(name)
        if kind == "int":
            frame[name] = frame[name].astype("Int64")
        elif kind == "float":
            frame[name] = frame[name].astype("float64")
    return frame


def to_polars(table: MetricsTable | FlowsTable) -> Any:
    """The table as a ``polars.DataFrame`` (needs ``thads[polars]``): whole numbers as
    Int64, ratios as Float64 beside their exact text."""
    rows, columns = _records(table)
    try:
        import polars
    except ImportError:
        raise MissingExtraError("polars", "polars", "a polars data frame of metrics") from None
    types = {"int": polars.Int64, "float": polars.Float64, "text": polars.Utf8}
    schema = {name: types[_kind(name)] for name in columns}
    return polars.DataFrame({name: [row[name] for row in rows] for name in columns}, schema=schema)


def _kind(name: str) -> str:
    if name in _TEXT or name.endswith("_exact") or name in ("month", "unit"):
        return "text"
    if name.endswith(_FLOAT_SUFFIXES):
        return "float"
    return "int"
