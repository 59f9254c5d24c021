"""Late-payment interest (lãi chậm thi hành án), docs/law/interest.md.

Civil Code 2015 Art. 357, 468: an agreed rate at most 20 %/year; without a clear rate
10 %/year. Decree 152/2026 Art. 29 (before it TTLT 11/2016 Art. 6(1)): from the date set
in the judgment, else the request date, to the day the money is collected; on the
principal still owed only; a collection pays principal first, then interest.

Interest-free windows (thời gian không tính lãi), keyed by law: Law 26/2008 Art.
48(1)(c), 48(2), 49(1); Law 106/2025 Art. 46(1)(c) (agreement or the creditor's request),
46(2) (protest postponement), 47(2) (suspension by a protest or competition authority).

The day-count convention is not fixed by law, so it is a required argument:
``"actual/365"`` (a year of 365 days, Civil Code Art. 146(1)) or ``"actual/360"``.
Interest is exact and rounded half-up to whole đồng once, at the end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError
from thads.law._amounts import dong, half_up
from thads.law._calendar import Interval, check_day, union
from thads.law._deadlines import ENDS_CASE, request_date
from thads.law._grounds import (
    AGREED_POSTPONEMENTS,
    PROTEST_POSTPONEMENTS,
    PROTEST_SUSPENSIONS,
    ground_code,
)
from thads.law._versions import FIRST_DAY, LawVersion, law_for
from thads.records import POSTPONED, SUSPENDED, Case, EventKind, Step

DayCount = Literal["actual/365", "actual/360"]
DEFAULT_RATE: Final = Decimal("10")
"""Percent per year when the judgment states no agreed rate (Civil Code Art. 468(2))."""
CAP_RATE: Final = Decimal("20")
"""Cap on an agreed rate, percent per year (Civil Code Art. 468(1))."""


@attrs.frozen
class InterestResult:
    """Interest accrued (đồng) and what remains owed after the payments."""

    interest: int
    rate: Decimal
    principal_outstanding: int
    interest_paid: int

    @property
    def interest_outstanding(self) -> int:
        """Interest accrued and not yet paid."""
        return self.interest - self.interest_paid


def annual_rate(rate: Decimal | None, *, agreed: bool) -> Decimal:
    """The rate to apply, percent per year: the judgment's (agreed ones capped at 20)."""
    if rate is None:
        return DEFAULT_RATE
    if isinstance(rate, float) or not isinstance(rate, Decimal):
        raise InvalidRecordError("late interest", "rate", f"give a Decimal percent, not {rate!r}")
    if not rate.is_finite():
        raise InvalidRecordError("late interest", "rate", f"must be a number, got {rate}")
    if rate < 0 or rate > 1000:
        raise InvalidRecordError(
            "late interest", "rate", f"must be a percent from 0 to 1000, got {rate}"
        )
    return min(rate, CAP_RATE) if agreed else rate


def _accruing_days(low: date, high: date, excluded: Sequence[Interval]) -> int:
    """Days in [low, high) outside ``excluded`` (a union: no day twice)."""
    lo, hi = low.toordinal(), high.toordinal()
    days = hi - lo
    for a, b in excluded:
        start, stop = max(a.toordinal(), lo), min(b.toordinal() + 1, hi)
        if start < stop:
            days -= stop - start
    return max(days, 0)


def late_interest(
    principal: int,
    start: date,
    end: date,
    *,
    day_count: DayCount,
    rate: Decimal | None = None,
    agreed: bool = False,
    payments: Sequence[tuple[date, int]] = (),
    excluded: Sequence[Interval] = (),
) -> InterestResult:
    """Late interest on ``principal`` from ``start`` to ``end`` (exclusive).

    ``payments`` are (date, amount) collections; each pays principal first, then
    interest. ``excluded`` are inclusive interest-free intervals (docs/law/interest.md);
    overlapping ones count once.
    """
    record = "late interest"
    principal = dong(principal, record, "principal")
    start = check_day(start, record, "start")
    end = check_day(end, record, "end")
    if end < start:
        raise InvalidRecordError(record, "end", f"{end} is before the start {start}")
    if day_count not in ("actual/365", "actual/360"):
        raise InvalidRecordError(
            record, "day_count", f"use 'actual/365' or 'actual/360', not {day_count!r}"
        )
    free = union(excluded, record, "excluded")
    percent = annual_rate(rate, agreed=agreed)
    year_days = 365 if day_count == "actual/365" else 360
    daily = Fraction(percent) / 100 / year_days
    owed = principal
    accrued = Fraction(0)
    paid_interest = Fraction(0)
    cursor = start
    checked = [
        (check_day(on, record, "payments"), dong(amount, record, "payments"))
        for on, amount in payments
    ]
    for on, amount in sorted(checked):
        if amount <= 0 or on < start:
            raise InvalidRecordError(
                record, "payments", f"payment {amount} on {on} is not after the start"
            )
        upto = min(on, end)
        if upto > cursor:
            accrued += owed * daily * _accruing_days(cursor, upto, free)
            cursor = upto
        to_principal = min(amount, owed)
        owed -= to_principal
        to_interest = Fraction(amount - to_principal)
        if to_interest > accrued - paid_interest:
            raise InvalidRecordError(
                record, "payments", f"payment on {on} is more than principal and interest owed"
            )
        paid_interest += to_interest
    if end > cursor:
        accrued += owed * daily * _accruing_days(cursor, end, free)
    interest = half_up(accrued)
    return InterestResult(
        interest=interest,
        rate=percent,
        principal_outstanding=owed,
        interest_paid=min(interest, half_up(paid_interest)),
    )


INTEREST_FREE: Final[Mapping[LawVersion, Mapping[int, frozenset[str]]]] = MappingProxyType(
    {
        law: MappingProxyType(
            {
                POSTPONED: frozenset(
                    {AGREED_POSTPONEMENTS[law].code, PROTEST_POSTPONEMENTS[law].code}
                ),
                SUSPENDED: frozenset({PROTEST_SUSPENSIONS[law].code}),
            }
        )
        for law in (LawVersion.LAW_2008, LawVersion.LAW_2025)
    }
)
"""Grounds without late interest, by law and stay (postponed, suspended): 2008 Art.
48(1)(c), 48(2), 49(1); 2025 Art. 46(1)(c), 46(2), 47(2)."""


def interest_free_intervals(case: Case, until: date) -> list[Interval]:
    """Inclusive intervals of ``case`` without late interest, read from its events.

    A stay whose ground is in :data:`INTEREST_FREE` under the law in force on the day of
    its decision runs until the day before the next classification, decision or the event
    that ends the case (or ``until``).
    """
    until = check_day(until, f"case {case.case_id}", "until")

    def free(step: Step) -> bool:
        on = date.fromordinal(step.day)
        if on < FIRST_DAY or step.code not in (POSTPONED, SUSPENDED):
            return False
        law = law_for(on)
        return ground_code(step.ground, law=law) in INTEREST_FREE[law][step.code]

    return case.timeline.intervals(until, free)


def case_interest(
    case: Case,
    *,
    until: date,
    day_count: DayCount,
    start: date | None = None,
    request_received_on: date | None = None,
    rate: Decimal | None = None,
    agreed: bool = False,
) -> InterestResult:
    """Late interest on ``case``'s debts up to ``until`` (exclusive), from its events.

    Start: ``start`` (the date set in the judgment), else the request date
    (:func:`~thads.law.request_date`: ``request_received_on``, else the day accepted),
    as Decree 152/2026 Art. 29(2) says. Collections and reductions lower the principal on
    their dates (money before the start lowers it at the start); interest stops at the
    event that ends the case; interest-free windows: :func:`interest_free_intervals`.
    """
    record = f"case {case.case_id}"
    until = check_day(until, record, "until")
    begin = (
        check_day(start, record, "start")
        if start is not None
        else request_date(case, request_received_on)
    )
    end = until
    principal = case.amount
    payments: list[tuple[date, int]] = []
    for event in case.events:
        if event.on >= end:
            break
        if event.kind in ENDS_CASE:
            end = max(begin, event.on)
            break
        if event.kind in (EventKind.COLLECTED, EventKind.REDUCED):
            if event.on <= begin:
                principal -= event.amount
            else:
                payments.append((event.on, event.amount))
    if end < begin:
        raise InvalidRecordError(record, "until", f"{until} is before the start {begin}")
    return late_interest(
        max(principal, 0),
        begin,
        end,
        day_count=day_count,
        rate=rate,
        agreed=agreed,
        payments=payments,
        excluded=interest_free_intervals(case, end),
    )


__all__ = [
    "CAP_RATE",
    "DEFAULT_RATE",
    "INTEREST_FREE",
    "DayCount",
    "InterestResult",
    "annual_rate",
    "case_interest",
    "interest_free_intervals",
    "late_interest",
]
