"""Court and enforcement indicators beside the official forms (chỉ số ngoài biểu mẫu).

The indicators courts use worldwide (NCSC CourTools, CEPEJ; docs/sources/metrics.md §A),
computed from the same case histories (timelines), the same groups and the same office
rollup as :mod:`thads.report`, in the same pass over the cases: a
:class:`MetricsCollector` watches the (group, timeline) entries on their way to
:func:`thads.engine.sweep` and adds each case to every date range asked for. The
monthly flows come from the sweep's own monthly changes. Definitions, with worked
examples, are in docs/metrics.md.

The Vietnamese resolution rate (tỷ lệ thi hành xong = resolved / enforceable) is *not*
a clearance rate; the clearance rate here is CEPEJ's and CourTools' disposed / incoming.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Final

import attrs

from thads.count import (
    GroupKey,
    Node,
    Report,
    Sweep,
    TallyPair,
    compiled,
    group_key,
    place_case,
    rollup,
    sweep,
)
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.fmt import format_count, format_decimal
from thads.read import CaseReader
from thads.records import (
    COMPLETED,
    ENTRUSTED,
    SEPARATE_REGISTER,
    TERMINATED,
    WITHDRAWN,
    Case,
    CompiledCase,
    OfficeLevel,
    OfficeTree,
    Timeline,
    level_name,
)
from thads.rules import REGIMES, Regime
from thads.values import Quota, Rate, StatisticalPeriod, Tally, round_half_up
from thads.write import safe_text

# --- date ranges ------------------------------------------------------------------------


def _check_day(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidRecordError("DateRange", attribute.name, f"must be a date, not {value!r}")


@attrs.frozen(order=True)
class DateRange:
    """Any period [start, end], both days included (khoảng thời gian, e.g. a đợt cao điểm).

    Metrics are counted for any range: a statistical year (1/10–30/9), a calendar year
    (1/1–31/12, as courts and CEPEJ count), a month, a campaign.
    """

    start: date = attrs.field(validator=_check_day)
    end: date = attrs.field(validator=_check_day)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidRecordError(
                "DateRange", "end", f"{self.end} is before the start {self.start}"
            )

    @property
    def days(self) -> int:
        """Length in days, both ends included (E − S + 1)."""
        return (self.end - self.start).days + 1

    @classmethod
    def of(cls, period: StatisticalPeriod) -> DateRange:
        """The days of a statistical period (kỳ thống kê)."""
        return cls(period.start, period.end)

    @property
    def label(self) -> str:
        """``01/10/2022–30/09/2023``."""
        return f"{self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    def __str__(self) -> str:
        return self.label


def calendar_year(year: int) -> DateRange:
    """The calendar year ``year``: 1 January to 31 December (năm dương lịch)."""
    return DateRange(date(year, 1, 1), date(year, 12, 31))


RangeLike = DateRange | StatisticalPeriod


def as_range(value: RangeLike) -> DateRange:
    """A :class:`DateRange` from a range or a statistical period."""
    if isinstance(value, StatisticalPeriod):
        return DateRange.of(value)
    if isinstance(value, DateRange):
        return value
    raise InvalidRecordError(
        "metrics", "range", f"give a DateRange or a StatisticalPeriod, not {value!r}"
    )


# --- the metrics of one group in one range ----------------------------------------------

AGE_BANDS: Final = ("0-180", "181-365", "366-730", "731-1825", "1826+")
"""Bands of the age of pending cases, in days (inclusive bounds)."""
_BAND_TOPS: Final = (180, 365, 730, 1825)
CLOSINGS: Final = ("completed", "terminated", "entrusted", "withdrawn", "separate_register")
"""Closing events that dispose of a case, in the order of :attr:`Metrics.disposed_by`."""
_CLOSING_INDEX: Final = {
    COMPLETED: 0,
    TERMINATED: 1,
    ENTRUSTED: 2,
    WITHDRAWN: 3,
    SEPARATE_REGISTER: 4,
}
_PERCENTILES: Final = (50, 75, 90)


def _nearest_rank(histogram: Sequence[tuple[int, int]], count: int, p: int) -> int | None:
    if count == 0:
        return None
    rank = math.ceil(p * count / 100)  # the ⌈p·n/100⌉-th smallest, 1-based
    seen = 0
    for days, times in histogram:
        seen += times
        if seen >= rank:
            return days
    raise AssertionError("histogram shorter than its count")  # pragma: no cover


@attrs.frozen
class Metrics:
    """Court indicators of one group in one date range [S, E] (chỉ số CourTools / CEPEJ).

    Counts add: a parent's metrics are the sum of its children's (:meth:`__add__`),
    the ratios are recomputed from the sums, durations are pooled, and executors are
    the union of the children's.
    """

    days: int
    """E − S + 1."""
    carried_over: int = 0
    """Pending at S − 1 day: accepted before S, not closed before S (năm trước chuyển sang)."""
    incoming: int = 0
    """Accepted in [S, E] (thụ lý mới)."""
    disposed_by: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
    """Cases closed in [S, E] by each of :data:`CLOSINGS`."""
    resolved: int = 0
    """Cases resolved in [S, E] as the statistics count them (giải quyết xong): completed,
    terminated, or entrusted after money was collected or reduced in the range."""
    pending: int = 0
    """Accepted on or before E and not closed on or before E."""
    age_bands: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
    """Pending cases by age E − accepted_on, in :data:`AGE_BANDS`."""
    durations: tuple[tuple[int, int], ...] = ()
    """Days from acceptance to the closing event of the disposed cases, as sorted
    (days, number of cases) pairs."""
    executors: frozenset[object] = frozenset()
    """Executors (chấp hành viên) with at least one pending case at E."""
    money_accepted: int = 0
    """Money on the books (đồng): owed at S by carried-over cases + debts of new cases."""
    money_completed: int = 0
    """Money completed in [S, E]: collected in the range + what remained when a case was
    completed (the money tally's completed row)."""
    money_terminated: int = 0
    """What remained when a case was terminated (đình chỉ) in [S, E]."""
    money_reduced: int = 0
    """Money reduced (giảm) in [S, E]."""

    @property
    def disposed(self) -> int:
        """Cases closed in [S, E]: completed, terminated, entrusted, withdrawn, moved to
        the separate register (outgoing / resolved in CEPEJ's sense)."""
        return sum(self.disposed_by)

    @property
    def clearance_rate(self) -> Rate | None:
        """Clearance rate (CEPEJ CR, CourTools 2) = disposed / incoming; None if none came in.

        Not the Vietnamese resolution rate (tỷ lệ thi hành xong)."""
        return None if self.incoming == 0 else Rate(self.disposed, self.incoming)

    @property
    def backlog_change(self) -> int:
        """Pending at E − pending at S − 1 day (biến động tồn)."""
        return self.pending - self.carried_over

    @property
    def disposition_time(self) -> Fraction | None:
        """(E − S + 1) × pending / disposed, in days (CEPEJ DT); None if nothing disposed."""
        disposed = self.disposed
        return None if disposed == 0 else Fraction(self.days * self.pending, disposed)

    def time_to_disposition(self, p: int) -> int | None:
        """The p-th percentile (nearest rank) of the days to disposition; None if none."""
        if isinstance(p, bool) or not isinstance(p, int) or not 0 < p <= 100:
            raise InvalidRecordError("Metrics", "percentile", f"must be 1..100, got {p!r}")
        return _nearest_rank(self.durations, self.disposed, p)

    @property
    def p50(self) -> int | None:
        """Median days to disposition (nearest rank)."""
        return self.time_to_disposition(50)

    @property
    def p75(self) -> int | None:
        """75th percentile of days to disposition (nearest rank)."""
        return self.time_to_disposition(75)

    @property
    def p90(self) -> int | None:
        """90th percentile of days to disposition (nearest rank)."""
        return self.time_to_disposition(90)

    @property
    def money_resolved(self) -> int:
        """Money resolved in [S, E] by the default rows: completed + terminated + reduced."""
        return self.money_completed + self.money_terminated + self.money_reduced

    @property
    def collection_rate(self) -> Rate | None:
        """Collection rate (CourTools 7) = money completed / money accepted; None if no money."""
        return None if self.money_accepted == 0 else Rate(self.money_completed, self.money_accepted)

    @property
    def executor_count(self) -> int:
        """Executors with at least one pending case."""
        return len(self.executors)

    @property
    def caseload_per_executor(self) -> Fraction | None:
        """Pending / executors with a pending case (số việc bình quân một chấp hành viên)."""
        count = len(self.executors)
        return None if count == 0 else Fraction(self.pending, count)

    def __add__(self, other: object) -> Metrics:
        if not isinstance(other, Metrics):
            return NotImplemented
        if other.days != self.days:
            raise InvalidRecordError(
                "Metrics", "days", f"cannot add ranges of {self.days} and {other.days} days"
            )
        pooled: dict[int, int] = dict(self.durations)
        for days, times in other.durations:
            pooled[days] = pooled.get(days, 0) + times
        return Metrics(
            days=self.days,
            carried_over=self.carried_over + other.carried_over,
            incoming=self.incoming + other.incoming,
            disposed_by=_add5(self.disposed_by, other.disposed_by),
            resolved=self.resolved + other.resolved,
            pending=self.pending + other.pending,
            age_bands=_add5(self.age_bands, other.age_bands),
            durations=tuple(sorted(pooled.items())),
            executors=self.executors | other.executors,
            money_accepted=self.money_accepted + other.money_accepted,
            money_completed=self.money_completed + other.money_completed,
            money_terminated=self.money_terminated + other.money_terminated,
            money_reduced=self.money_reduced + other.money_reduced,
        )

    def check(self) -> Metrics:
        """Check the stock identity and the age bands (InvalidRecordError if broken)."""
        if self.pending != self.carried_over + self.incoming - self.disposed:
            raise InvalidRecordError(
                "Metrics", "pending", "pending at E != carried over + incoming − disposed"
            )
        if sum(self.age_bands) != self.pending:
            raise InvalidRecordError("Metrics", "age_bands", "bands do not sum to pending")
        return self


def _add5(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, int, int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4])


# --- gathering: one pass over the cases -------------------------------------------------


class _Acc:
    """Mutable counts of one (range, group) while the cases pass."""

    __slots__ = ("counts", "durations", "executors")

    def __init__(self) -> None:
        # carried_over, incoming, 5 closings, resolved, pending, 5 bands,
        # money accepted, completed, terminated, reduced
        self.counts = [0] * 18
        self.durations: dict[int, int] = {}
        self.executors: set[object] = set()

    def merge(self, other: _Acc) -> None:
        for i, value in enumerate(other.counts):
            self.counts[i] += value
        for days, times in other.durations.items():
            self.durations[days] = self.durations.get(days, 0) + times
        self.executors |= other.executors

    def freeze(self, days: int) -> Metrics:
        c = self.counts
        return Metrics(
            days=days,
            carried_over=c[0],
            incoming=c[1],
            disposed_by=(c[2], c[3], c[4], c[5], c[6]),
            resolved=c[7],
            pending=c[8],
            age_bands=(c[9], c[10], c[11], c[12], c[13]),
            durations=tuple(sorted(self.durations.items())),
            executors=frozenset(self.executors),
            money_accepted=c[14],
            money_completed=c[15],
            money_terminated=c[16],
            money_reduced=c[17],
        )


def _request_returned(case_id: str) -> RuleNotAvailableError:
    return RuleNotAvailableError(
        f"case {case_id}: a request returned to the creditor (Decree 152/2026 Art. 22(2)) "
        "falls in a range being measured, and whether it is a disposition is not known to "
        "thads (the statistics give no row); measure ranges before or after it"
    )


_PLACING_REGIME: Final = REGIMES[-1].with_options(all_stays_enforceable=True)
"""The regime the metrics and the reconciliation place cases with: the figures they read
(intake, resolved, carried forward, money by row) are the same under every regime, and
counting every stay one way spares reading grounds that no figure here depends on."""


def _placed(timeline: Timeline, case_id: str, start: date, end: date) -> TallyPair | None:
    """One case's tallies in [start, end] as the engine places it (:func:`place_case`),
    None if it is not on the books then. The rows' meaning is Tally's own."""
    try:
        placed = place_case(timeline, start, end, _PLACING_REGIME)
    except RuleNotAvailableError:  # a request returned: how it counts is unknown
        raise _request_returned(case_id) from None
    if placed is None:
        return None
    intake, row, money = placed
    cases = [0] * len(Tally.PRIMITIVE)
    cases[intake] = 1
    cases[row] += 1
    return TallyPair(Tally._from_valid(cases), Tally._from_valid(money))


class MetricsCollector:
    """Gathers :class:`Metrics` for several date ranges while the cases pass by once.

    Put :meth:`entries` between the case stream and :func:`thads.engine.sweep`::

        collector = MetricsCollector([calendar_year(2024)])
        swept = sweep(collector.entries(stream, key), years)

    Collectors of disjoint shards add exactly (:meth:`merge`).
    """

    def __init__(self, ranges: Iterable[RangeLike]) -> None:
        self.ranges: tuple[DateRange, ...] = tuple(dict.fromkeys(as_range(r) for r in ranges))
        if not self.ranges:
            raise InvalidRecordError("metrics", "ranges", "give at least one date range")
        self._dates = [(r.start, r.end) for r in self.ranges]
        self.tables: list[dict[GroupKey, _Acc]] = [{} for _ in self.ranges]

    def entries(
        self, stream: Iterable[CompiledCase], key: Callable[[CompiledCase], GroupKey]
    ) -> Iterator[tuple[GroupKey, Timeline]]:
        """The (group, timeline) entries of ``stream`` for the sweep, each case added here
        as it passes."""
        for case in stream:
            group = key(case)
            self.add(group, (case.office, case.executor), case.timeline, case.case_id)
            yield group, case.timeline

    def add(self, group: GroupKey, executor: object, timeline: Timeline, case_id: str) -> None:
        """Add one case (its timeline) to every range.

        Intake, resolved and money by row are the engine's placement of the case in the
        range (:func:`engine.place_case`); the closing step gives dispositions, their
        durations and what is pending.
        """
        accepted = timeline.accepted
        closing = timeline.closed
        for (start, end), table in zip(self._dates, self.tables, strict=True):
            final = end.toordinal()
            pair = _placed(timeline, case_id, start, end)
            if pair is None:
                continue  # accepted after the range, or off the books before it
            acc = table.get(group)
            if acc is None:
                acc = table[group] = _Acc()
            c = acc.counts
            cases, money = pair.cases, pair.money
            c[0] += cases.carried_over
            c[1] += cases.new
            c[7] += cases.resolved
            c[14] += money.accepted
            c[15] += money.completed
            c[16] += money.terminated
            c[17] += money.reduced
            if closing is not None and closing.day <= final:
                c[2 + _CLOSING_INDEX[closing.code]] += 1
                days = closing.day - accepted
                acc.durations[days] = acc.durations.get(days, 0) + 1
            else:
                c[8] += 1
                age = final - accepted
                band = 0
                while band < 4 and age > _BAND_TOPS[band]:
                    band += 1
                c[9 + band] += 1
                acc.executors.add(executor)

    def merge(self, other: MetricsCollector) -> MetricsCollector:
        """Add another shard's collector (same ranges) into this one."""
        if other.ranges != self.ranges:
            raise InvalidRecordError("metrics", "ranges", "collectors of different ranges")
        for mine, theirs in zip(self.tables, other.tables, strict=True):
            for group, acc in theirs.items():
                if group in mine:
                    mine[group].merge(acc)
                else:
                    mine[group] = acc
        return self

    def leaves(self, date_range: RangeLike) -> dict[GroupKey, Metrics]:
        """The metrics of each group in ``date_range`` (one of the collector's ranges)."""
        wanted = as_range(date_range)
        if wanted not in self.ranges:
            raise InvalidRecordError("metrics", "range", f"{wanted} was not collected")
        table = self.tables[self.ranges.index(wanted)]
        return {group: acc.freeze(wanted.days) for group, acc in table.items()}


# --- monthly flows from the sweep --------------------------------------------------------


@attrs.frozen
class Flow:
    """What flowed within one span (a month, or a sum of months), in cases or in đồng.

    ``new`` (thụ lý mới), ``completed`` (thi hành xong), ``terminated`` (đình chỉ),
    ``reduced`` (giảm, money only), ``entrusted`` (ủy thác), ``withdrawn`` (thu hồi).
    """

    new: int = 0
    completed: int = 0
    terminated: int = 0
    reduced: int = 0
    entrusted: int = 0
    withdrawn: int = 0

    @property
    def resolved(self) -> int:
        """Giải quyết xong: completed + terminated + reduced."""
        return self.completed + self.terminated + self.reduced

    def __add__(self, other: object) -> Flow:
        if not isinstance(other, Flow):
            return NotImplemented
        return Flow(
            *(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True))
        )


@attrs.frozen
class MonthFlows:
    """The flows of each month of a statistical year (October first), cases and money."""

    year: int
    cases: tuple[Flow, ...]
    money: tuple[Flow, ...]

    def months(self) -> list[date]:
        """The first day of each of the 12 months."""
        start = StatisticalPeriod(self.year, 1).start
        return [date(start.year + (start.month + m - 1) // 12, (start.month + m - 1) % 12 + 1, 1)
                for m in range(12)]  # fmt: skip

    def total(self, months: int = 12) -> tuple[Flow, Flow]:
        """Cases and money flowed in the first ``months`` months (the cumulative period)."""
        return sum(self.cases[:months], Flow()), sum(self.money[:months], Flow())

    def __add__(self, other: object) -> MonthFlows:
        if not isinstance(other, MonthFlows):
            return NotImplemented
        return MonthFlows(
            self.year,
            tuple(a + b for a, b in zip(self.cases, other.cases, strict=True)),
            tuple(a + b for a, b in zip(self.money, other.money, strict=True)),
        )


def _flow(columns: list[int]) -> Flow:
    # sweep columns: carried_over, new, entrusted, withdrawn, completed, terminated, reduced
    return Flow(
        new=columns[1],
        completed=columns[4],
        terminated=columns[5],
        reduced=columns[6],
        entrusted=columns[2],
        withdrawn=columns[3],
    )


def month_flows(swept: Sweep, year: int) -> dict[GroupKey, MonthFlows]:
    """The monthly flows of each group in statistical year ``year``, from a sweep."""
    return {
        group: MonthFlows(
            year, tuple(_flow(c) for c, _ in months), tuple(_flow(m) for _, m in months)
        )
        for group, months in swept.month_changes(year).items()
    }


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


Source = Iterable[Case] | CaseReader


def _stream(cases: Source) -> Iterable[CompiledCase]:
    return cases.compiled() if isinstance(cases, CaseReader) else (compiled(c) for c in cases)


def compute(
    cases: Source,
    ranges: Iterable[RangeLike],
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
    years: Iterable[int] = (),
) -> Analytics:
    """Metrics for each of ``ranges`` and the monthly flows of each statistical year in
    ``years``, grouped ``by`` (as :func:`thads.report`) in one pass over ``cases``.

    Rows are rolled up the office tree drawn on each range's last day (flows: on the
    year's last day). Ranges may be statistical periods, calendar years or any dates.
    """
    wanted = [as_range(r) for r in ranges]
    tree = (
        offices if isinstance(offices, OfficeTree) or offices is None else OfficeTree.of(offices)  # type: ignore[arg-type]
    )
    key = group_key(by, tree)
    collector = MetricsCollector(wanted)
    year_list = sorted(set(years))
    swept = sweep(collector.entries(_stream(cases), key), year_list)
    tables = {r: collected(collector, r, by=by, offices=tree) for r in collector.ranges}
    empty_months = tuple(Flow() for _ in range(12))
    flows = {
        year: FlowsTable(
            year,
            by,
            rollup(
                month_flows(swept, year),
                by,
                tree=tree,
                day=None if tree is None else StatisticalPeriod(year).end,
                empty=MonthFlows(year, empty_months, empty_months),
            ),
        )
        for year in year_list
    }
    return Analytics(tables, flows, swept)


def collected(
    collector: MetricsCollector,
    date_range: RangeLike,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
) -> MetricsTable:
    """The metrics table of one range of a collector fed by :func:`compute` or by
    :func:`thads.report` (``metrics=collector``: the report's own pass over the cases).

    ``by`` and ``offices`` must be those the collector was fed with.
    """
    wanted = as_range(date_range)
    tree = (
        offices if isinstance(offices, OfficeTree) or offices is None else OfficeTree.of(offices)  # type: ignore[arg-type]
    )
    day = None if tree is None else wanted.end
    return MetricsTable(
        wanted,
        by,
        rollup(collector.leaves(wanted), by, tree=tree, day=day, empty=Metrics(wanted.days)),
    )


def metrics(
    cases: Source,
    date_range: RangeLike,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
) -> MetricsTable:
    """The metrics table of one range (see :func:`compute`)."""
    return compute(cases, [date_range], by=by, offices=offices).metrics[as_range(date_range)]


def campaign(
    cases: Source,
    start: date,
    end: date,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
) -> MetricsTable:
    """The figures of a campaign (đợt cao điểm) from ``start`` to ``end``, by office.

    Each row's :attr:`Metrics.resolved` (cases resolved within the range) and
    :attr:`Metrics.money_resolved` (money completed, terminated or reduced within it)
    are the campaign's results; the other metrics of the range come with them.
    """
    return metrics(cases, DateRange(start, end), by=by, offices=offices)


def monthly_flows(
    cases: Source,
    year: int,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
) -> FlowsTable:
    """The flows of each month of statistical year ``year`` (see :func:`compute`)."""
    period = StatisticalPeriod(year)
    return compute(cases, [period], by=by, offices=offices, years=[year]).flows[year]


# --- the quota planner -----------------------------------------------------------------


@attrs.frozen
class Needed:
    """Cases and money (đồng) still to resolve to reach the quota by the year's end."""

    cases: int
    money: int


def plan(quota: Quota, pair: TallyPair, regime: Regime) -> Needed:
    """:func:`needed` for a row's tallies under its regime (the resolution rates' terms)."""
    return Needed(
        cases=quota.needed(
            "cases", regime.enforceable(pair.cases, "cases"), regime.resolved(pair.cases, "cases")
        ),
        money=quota.needed(
            "money", regime.enforceable(pair.money, "money"), regime.resolved(pair.money, "money")
        ),
    )


# --- reconciliation across years ----------------------------------------------------------


@attrs.frozen
class Moved:
    """A case that explains part of a difference, with its money (đồng)."""

    case_id: str
    money: int


@attrs.frozen
class _Figures:
    """Addable figures of one office for the reconciliation."""

    forward: tuple[int, int] = (0, 0)
    over: tuple[int, int] = (0, 0)
    moved: tuple[Moved, ...] = ()
    other: tuple[Moved, ...] = ()

    def __add__(self, other: _Figures) -> _Figures:
        return _Figures(
            (self.forward[0] + other.forward[0], self.forward[1] + other.forward[1]),
            (self.over[0] + other.over[0], self.over[1] + other.over[1]),
            self.moved + other.moved,
            self.other + other.other,
        )


@attrs.frozen
class OfficeReconciliation:
    """One office: the previous year's carried forward against this year's carried over.

    ``carried_forward`` (chuyển kỳ sau, year − 1) − ``carried_over`` (năm trước chuyển
    sang, year) should be the cases moved to the separate register (chuyển sổ theo dõi
    riêng) in year − 1, listed in ``separate_register``; any other case in one figure
    and not the other is named in ``other``; ``unexplained`` is the (cases, money) that
    neither accounts for (a saved report made from other data than the cases given).
    """

    code: str
    name: str
    level: OfficeLevel | None
    depth: int
    carried_forward: tuple[int, int]
    """(cases, money) carried forward at the end of the previous year."""
    carried_over: tuple[int, int]
    """(cases, money) carried over into the year."""
    separate_register: tuple[Moved, ...] = ()
    other: tuple[Moved, ...] = ()

    @property
    def difference(self) -> tuple[int, int]:
        """Carried forward − carried over, (cases, money)."""
        return (
            self.carried_forward[0] - self.carried_over[0],
            self.carried_forward[1] - self.carried_over[1],
        )

    @property
    def unexplained(self) -> tuple[int, int]:
        """The difference less the moves to the separate register and the named cases."""
        named = (*self.separate_register, *self.other)
        return (
            self.difference[0] - len(named),
            self.difference[1] - sum(m.money for m in named),
        )

    @property
    def explained(self) -> bool:
        """True when the moves to the separate register account for all the difference."""
        return not self.other and self.unexplained == (0, 0)


@attrs.frozen
class Reconciliation:
    """Carried-over figures of ``year`` against the carried-forward ones of ``year − 1``.

    ``rows`` follow the report's rollup, the first being the total; ``saved`` is True
    when the carried-forward figures come from a saved report.
    """

    year: int
    rows: tuple[OfficeReconciliation, ...]
    saved: bool = False

    @property
    def differing(self) -> tuple[OfficeReconciliation, ...]:
        """The rows whose two figures differ."""
        return tuple(o for o in self.rows if o.difference != (0, 0))

    @property
    def unexplained(self) -> tuple[OfficeReconciliation, ...]:
        """The rows whose difference is not only moves to the separate register."""
        return tuple(o for o in self.rows if not o.explained)

    def row(self, code: str) -> OfficeReconciliation:
        """The row with this code; KeyError if absent."""
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)


def _pair_of(pair: TallyPair, row: str) -> tuple[int, int]:
    return getattr(pair.cases, row), getattr(pair.money, row)


def _figures(
    timeline: Timeline, case_id: str, previous: StatisticalPeriod, current: StatisticalPeriod
) -> _Figures | None:
    """The case's place in the carried forward of ``previous`` and the carried over of
    ``current``, both read from the engine's own placement (:func:`engine.place_case`);
    None if in neither.

    The rows read here are the same under every regime (a stay is in carried forward
    whichever row it takes).
    """
    before = _placed(timeline, case_id, previous.start, previous.end)
    after = _placed(timeline, case_id, current.start, current.start)
    forward = (0, 0) if before is None else _pair_of(before, "carried_forward")
    over = (0, 0) if after is None else _pair_of(after, "carried_over")
    if forward == over:
        return None if forward == (0, 0) else _Figures(forward, over)
    closing = timeline.closed
    moved_then = (
        closing is not None
        and closing.code == SEPARATE_REGISTER
        and previous.start.toordinal() <= closing.day <= previous.end.toordinal()
    )
    gap = Moved(case_id, forward[1] - over[1])
    if moved_then and over == (0, 0):  # stays "chưa có điều kiện" that year, then leaves
        return _Figures(forward, over, (gap,))
    return _Figures(forward, over, (), (gap,))


def reconcile(
    cases: Source,
    year: int,
    *,
    offices: OfficeTree | Iterable[object] | None = None,
    previous: Mapping[str, object] | str | Path | None = None,
) -> Reconciliation:
    """Per office, the carried-over figures of ``year`` against the carried-forward ones
    of ``year − 1`` (đối chiếu số chuyển kỳ sau với số năm trước chuyển sang).

    From the cases alone, the difference is the cases moved to the separate register in
    ``year − 1``: they stay in "chưa có điều kiện" that year and leave the books after
    it (docs/sources/statistics.md §2.7). With ``previous`` (a saved JSON report of the 12
    months of ``year − 1`` by office, as ``thads report --format json`` writes it: a
    path, its text or its parsed data) the carried-forward figures are the saved ones,
    and what the moves do not explain shows in ``unexplained``. Rows follow the report's
    rollup, drawn on the last day of ``year`` when an office tree is given.
    """
    tree = (
        offices if isinstance(offices, OfficeTree) or offices is None else OfficeTree.of(offices)  # type: ignore[arg-type]
    )
    previous_period, current_period = StatisticalPeriod(year - 1), StatisticalPeriod(year)
    leaves: dict[GroupKey, _Figures] = {}
    for case in _stream(cases):
        found = _figures(case.timeline, case.case_id, previous_period, current_period)
        if found is not None:
            leaves[case.office] = leaves[case.office] + found if case.office in leaves else found
    day = None if tree is None else StatisticalPeriod(year).end
    rolled = rollup(leaves, "office", tree=tree, day=day, empty=_Figures())
    saved = None if previous is None else _saved_carried_forward(previous, year - 1)
    rows: list[OfficeReconciliation] = []
    for row in rolled:
        figures = row.value
        if saved is None:
            forward, other = figures.forward, figures.other
        else:
            forward, other = saved.get(row.code, (0, 0)), ()
        rows.append(
            OfficeReconciliation(
                row.code,
                row.name,
                row.level,
                row.depth,
                forward,
                figures.over,
                tuple(sorted(figures.moved, key=lambda m: m.case_id)),
                other,
            )
        )
    if saved is not None:
        known = {r.code for r in rows}
        for code in sorted(set(saved) - known):  # offices with no case any more
            rows.append(OfficeReconciliation(code, code, None, 1, saved[code], (0, 0), (), ()))
    return Reconciliation(year, tuple(rows), saved is not None)


def _saved_carried_forward(
    previous: Mapping[str, object] | str | Path, year: int
) -> dict[str, tuple[int, int]]:
    """Carried forward (cases, money) of every row of a saved JSON report of ``year``."""
    where = "saved report"
    data: object
    if isinstance(previous, Mapping):
        data = previous
    else:
        text = str(previous)
        if isinstance(previous, Path) or not text.lstrip().startswith("{"):
            text = Path(previous).read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InvalidRecordError(where, "json", str(error)) from None
    if not isinstance(data, Mapping) or data.get("format") != "thads-report":
        raise InvalidRecordError(where, "format", "not a thads JSON report (thads-report)")
    if data.get("version") == 2:
        saved = Report.from_dict(data)
        if saved.period != StatisticalPeriod(year, 12):
            raise InvalidRecordError(
                where, "period", f"must be the 12 months of statistical year {year}"
            )
        if saved.by != "office":
            raise InvalidRecordError(where, "by", f"must be grouped by office, got {saved.by!r}")
        return {
            row.code: (row.current.cases.carried_forward, row.current.money.carried_forward)
            for row in saved.rows
        }
    period = data.get("period")  # version 1: rows with "cases" and "money"
    if not isinstance(period, Mapping) or period.get("year") != year or period.get("months") != 12:
        raise InvalidRecordError(
            where, "period", f"must be the 12 months of statistical year {year}, got {period!r}"
        )
    if data.get("by") != "office":
        raise InvalidRecordError(where, "by", f"must be grouped by office, got {data.get('by')!r}")
    rows = data.get("rows")
    if not isinstance(rows, list):
        raise InvalidRecordError(where, "rows", "missing or not a list")
    out: dict[str, tuple[int, int]] = {}
    for i, row in enumerate(rows, 1):
        try:
            code = str(row["code"])
            cases_value = row["cases"]["carried_forward"]
            money_value = row["money"]["carried_forward"]
        except (KeyError, TypeError):
            raise InvalidRecordError(
                f"{where} row {i}", "carried_forward", "missing cases or money carried_forward"
            ) from None
        for field, value in (("cases", cases_value), ("money", money_value)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidRecordError(
                    f"{where} row {code}", f"{field}.carried_forward", f"not an int: {value!r}"
                )
        out[code] = (cases_value, money_value)
    return out


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
