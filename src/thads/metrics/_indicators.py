"""The indicators of one group in one date range (chỉ số CourTools / CEPEJ).

Definitions with worked examples: docs/metrics.md.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

from thads.errors import InvalidRecordError
from thads.records import (
    COMPLETED,
    ENTRUSTED,
    SEPARATE_REGISTER,
    TERMINATED,
    WITHDRAWN,
)
from thads.values import Rate

# --- the metrics of one group in one range ----------------------------------------------

AGE_BANDS: Final = ("0-180", "181-365", "366-730", "731-1825", "1826+")
"""Bands of the age of pending cases, in days (inclusive bounds)."""
BAND_TOPS: Final = (180, 365, 730, 1825)
CLOSINGS: Final = ("completed", "terminated", "entrusted", "withdrawn", "separate_register")
"""Closing events that dispose of a case, in the order of :attr:`Metrics.disposed_by`."""
CLOSING_INDEX: Final = {
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
