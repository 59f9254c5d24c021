"""Metrics and flows tables rolled up along the report's groups: :func:`compute` and its
one-table shortcuts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from thads import validate
from thads.count import (
    Node,
    Sweep,
    group_key,
    rollup,
    sweep,
)
from thads.metrics._collector import MetricsCollector, Source, compiled_stream
from thads.metrics._flows import Flow, MonthFlows, month_flows
from thads.metrics._indicators import Metrics
from thads.metrics._ranges import DateRange, RangeLike, as_range
from thads.records import OfficeTree
from thads.values import StatisticalPeriod

# --- rollup along the report's groups -----------------------------------------------------


Row = Node
"""One line of a metrics or flows table (:class:`thads.report.Node`): code, name, level,
depth, parent and the summed value."""


@attrs.frozen
class MetricsTable:
    """The metrics of one date range, per row of the report's groups and rollup."""

    range: DateRange
    by: str
    rows: tuple[Row[Metrics], ...]
    drawn_on: date | None = None
    """The day of the office tree the rows are drawn on (None: no tree given)."""

    @property
    def total(self) -> Row[Metrics]:
        """The row of the whole."""
        return self.rows[0]

    def row(self, code: str) -> Row[Metrics]:
        """The row with this code; KeyError if absent."""
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)


@attrs.frozen
class FlowsTable:
    """The monthly flows of one statistical year, per row."""

    year: int
    by: str
    rows: tuple[Row[MonthFlows], ...]
    drawn_on: date | None = None
    """The day of the office tree the rows are drawn on (None: no tree given)."""

    @property
    def total(self) -> Row[MonthFlows]:
        """The row of the whole."""
        return self.rows[0]

    def row(self, code: str) -> Row[MonthFlows]:
        """The row with this code; KeyError if absent."""
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)


@attrs.frozen
class Analytics:
    """What :func:`compute` returns: metrics per range, flows per year, and the sweep
    itself (whose tallies are the report's: ``sweep.tallies({period: regime})``)."""

    metrics: Mapping[DateRange, MetricsTable]
    flows: Mapping[int, FlowsTable]
    sweep: Sweep

    def __getitem__(self, key: RangeLike) -> MetricsTable:
        return self.metrics[as_range(key)]


def _tree(offices: OfficeTree | Iterable[object] | None) -> OfficeTree | None:
    if isinstance(offices, OfficeTree) or offices is None:
        return offices
    return OfficeTree.of(offices)  # type: ignore[arg-type]


def _drawn_on(value: date | None) -> date | None:
    return None if value is None else validate.day(value, "metrics", "drawn_on")


def compute(
    cases: Source,
    ranges: Iterable[RangeLike],
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
    years: Iterable[int] = (),
    drawn_on: date | None = None,
) -> Analytics:
    """Metrics for each of ``ranges`` and the monthly flows of each statistical year in
    ``years``, grouped ``by`` (as :func:`thads.report`) in one pass over ``cases``.

    Rows are rolled up the office tree drawn on ``drawn_on`` when given, else on each
    range's last day (flows: on the year's last day). Like the report's same period last
    year, two years drawn on one day (e.g. 2024 and 2025 on 30/9/2025, after the 2025
    redraw) have the same rows and compare row by row. Ranges may be statistical
    periods, calendar years or any dates.
    """
    wanted = [as_range(r) for r in ranges]
    tree = _tree(offices)
    day = _drawn_on(drawn_on)
    key = group_key(by, tree)
    collector = MetricsCollector(wanted)
    year_list = sorted(set(years))
    swept = sweep(collector.entries(compiled_stream(cases), key), year_list)
    tables = {
        r: collected(collector, r, by=by, offices=tree, drawn_on=day) for r in collector.ranges
    }
    empty_months = tuple(Flow() for _ in range(12))
    flows: dict[int, FlowsTable] = {}
    for year in year_list:
        on = None if tree is None else day or StatisticalPeriod(year).end
        rows = rollup(
            month_flows(swept, year),
            by,
            tree=tree,
            day=on,
            empty=MonthFlows(year, empty_months, empty_months),
        )
        flows[year] = FlowsTable(year, by, rows, on)
    return Analytics(tables, flows, swept)


def collected(
    collector: MetricsCollector,
    date_range: RangeLike,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
    drawn_on: date | None = None,
) -> MetricsTable:
    """The metrics table of one range of a collector fed by :func:`compute` or by
    :func:`thads.report` (``metrics=collector``: the report's own pass over the cases).

    ``by`` and ``offices`` must be those the collector was fed with; rows are drawn on
    the tree of ``drawn_on``, else of the range's last day.
    """
    wanted = as_range(date_range)
    tree = _tree(offices)
    day = None if tree is None else _drawn_on(drawn_on) or wanted.end
    rows = rollup(collector.leaves(wanted), by, tree=tree, day=day, empty=Metrics(wanted.days))
    return MetricsTable(wanted, by, rows, day)


def metrics(
    cases: Source,
    date_range: RangeLike,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
    drawn_on: date | None = None,
) -> MetricsTable:
    """The metrics table of one range (see :func:`compute`)."""
    analytics = compute(cases, [date_range], by=by, offices=offices, drawn_on=drawn_on)
    return analytics.metrics[as_range(date_range)]


def campaign(
    cases: Source,
    start: date,
    end: date,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
    drawn_on: date | None = None,
) -> MetricsTable:
    """The figures of a campaign (đợt cao điểm) from ``start`` to ``end``, by office.

    Each row's :attr:`Metrics.resolved` (cases resolved within the range) and
    :attr:`Metrics.money_resolved` (money completed, terminated or reduced within it)
    are the campaign's results; the other metrics of the range come with them.
    """
    return metrics(cases, DateRange(start, end), by=by, offices=offices, drawn_on=drawn_on)


def monthly_flows(
    cases: Source,
    year: int,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
    drawn_on: date | None = None,
) -> FlowsTable:
    """The flows of each month of statistical year ``year`` (see :func:`compute`)."""
    period = StatisticalPeriod(year)
    analytics = compute(cases, [period], by=by, offices=offices, years=[year], drawn_on=drawn_on)
    return analytics.flows[year]
