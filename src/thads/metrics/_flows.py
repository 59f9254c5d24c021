"""Monthly flows of a statistical year (dòng việc theo tháng), from the sweep's own
monthly changes."""

from __future__ import annotations

from datetime import date

import attrs

from thads.count import (
    GroupKey,
    Sweep,
)
from thads.values import StatisticalPeriod

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
