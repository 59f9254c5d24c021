"""Gathering the metrics in one pass over the cases (:class:`MetricsCollector`), each
case placed by the engine (:func:`thads.count.place_case`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Final

from thads.count import (
    GroupKey,
    TallyPair,
    compiled,
    place_case,
)
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.metrics._indicators import BAND_TOPS, CLOSING_INDEX, Metrics
from thads.metrics._ranges import DateRange, RangeLike, as_range
from thads.read import CaseReader
from thads.records import (
    Case,
    CompiledCase,
    Timeline,
)
from thads.rules import REGIMES
from thads.values import Tally

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


def placed_pair(timeline: Timeline, case_id: str, start: date, end: date) -> TallyPair | None:
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
            pair = placed_pair(timeline, case_id, start, end)
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
                c[2 + CLOSING_INDEX[closing.code]] += 1
                days = closing.day - accepted
                acc.durations[days] = acc.durations.get(days, 0) + 1
            else:
                c[8] += 1
                age = final - accepted
                band = 0
                while band < 4 and age > BAND_TOPS[band]:
                    band += 1
                c[9 + band] += 1
                acc.executors.add(executor)

    def merge(self, other: MetricsCollector) -> None:
        """Add another shard's collector (same ranges) into this one (in place)."""
        if other.ranges != self.ranges:
            raise InvalidRecordError("metrics", "ranges", "collectors of different ranges")
        for mine, theirs in zip(self.tables, other.tables, strict=True):
            for group, acc in theirs.items():
                if group in mine:
                    mine[group].merge(acc)
                else:
                    mine[group] = acc

    def leaves(self, date_range: RangeLike) -> dict[GroupKey, Metrics]:
        """The metrics of each group in ``date_range`` (one of the collector's ranges)."""
        wanted = as_range(date_range)
        if wanted not in self.ranges:
            raise InvalidRecordError("metrics", "range", f"{wanted} was not collected")
        table = self.tables[self.ranges.index(wanted)]
        return {group: acc.freeze(wanted.days) for group, acc in table.items()}


Source = Iterable[Case] | CaseReader


def compiled_stream(cases: Source) -> Iterable[CompiledCase]:
    return cases.compiled() if isinstance(cases, CaseReader) else (compiled(c) for c in cases)
