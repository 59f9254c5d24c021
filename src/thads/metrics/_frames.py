"""Metrics and monthly flows as data frames (bảng dữ liệu) for pandas and polars.

One line per row of the table (metrics) or per row, month and unit (flows), made by the
shared frame writer of :mod:`thads.write` (:func:`~thads.write.table_frame`). Counts
and money are whole numbers (đồng; int64, or nullable Int64 where a value is missing);
a ratio comes as two columns: ``<name>`` a float for plotting and filtering, and
``<name>_exact`` the exact fraction as text (``"3/2"``), so no exactness is lost. Days
(``start``, ``end``, ``drawn_on``, ``month``) are ISO text. pandas and polars are
optional extras (``thads[pandas]``, ``thads[polars]``), imported only when a frame is
asked for.
"""

from __future__ import annotations

from typing import Any

from thads.errors import InvalidRecordError
from thads.metrics._compute import FlowsTable, MetricsTable
from thads.metrics._tables import FRAME_COLUMNS, flows_frame_table, metrics_table
from thads.write import Table, frame_records, table_frame


def metrics_records(table: MetricsTable) -> list[dict[str, object]]:
    """The metrics table as plain dicts, one per row (total first), :data:`FRAME_COLUMNS`;
    exact: the ratio columns hold :class:`~fractions.Fraction` (the frames' floats)."""
    return frame_records(metrics_table(table, FRAME_COLUMNS))


def flows_records(table: FlowsTable) -> list[dict[str, object]]:
    """The monthly flows as plain dicts, one per row, month and unit (cases, then money)."""
    return frame_records(flows_frame_table(table))


def _table(table: MetricsTable | FlowsTable) -> Table:
    if isinstance(table, MetricsTable):
        return metrics_table(table, FRAME_COLUMNS)
    if isinstance(table, FlowsTable):
        return flows_frame_table(table)
    raise InvalidRecordError(
        "metrics frame", "table", f"give a MetricsTable or a FlowsTable, not {type(table).__name__}"
    )


def to_pandas(table: MetricsTable | FlowsTable) -> Any:
    """The table as a ``pandas.DataFrame`` (needs ``thads[pandas]``): whole numbers as
    int64 (nullable Int64 where a value is missing), ratios as float64 beside their
    exact text."""
    return table_frame(_table(table), backend="pandas")


def to_polars(table: MetricsTable | FlowsTable) -> Any:
    """The table as a ``polars.DataFrame`` (needs ``thads[polars]``): whole numbers as
    Int64, ratios as Float64 beside their exact text."""
    return table_frame(_table(table), backend="polars")
