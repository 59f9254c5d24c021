"""Late-payment interest (lãi chậm thi hành án).

Legal basis (legal-rules.md §3): Civil Code 2015 Art. 357 and 468 — the agreed rate may
not exceed 20 %/year; without a clear rate, 50 % of that cap = 10 %/year (courts apply
10 %/year when nothing was agreed). Decree 152/2026 Art. 29 and, before it, TTLT
11/2016 Art. 6(1): interest runs from the date set in the judgment, else from the date
of the enforcement request, to the date the money is collected; only on the principal
still owed (no interest on interest); a collection pays principal first, then interest,
unless the judgment or the parties say otherwise. Old law Art. 48(1)(c), 48(2), 49(1):
no interest during a postponement agreed by the parties, a postponement requested by a
protest authority, or a suspension for a cassation or reopening protest.

The day-count convention is not fixed by law, so it is a required argument:
``"actual/365"`` (a year of 365 days, Civil Code Art. 146(1)) or ``"actual/360"``
(monthly accrual with months of 30 days). Interest is kept exact and rounded half-up to
whole đồng once, at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

import attrs

from thads.law import _grounds as grounds
from thads.records import Case, EventKind
from thads.errors import InvalidRecordError
from thads.law._grounds import ground_code
from thads.law._deadlines import ENDS_CASE
from thads.law._versions import NEW_LAW_FROM, require_known
from thads.values import to_dong
from thads.values import round_half_up
from thads.records import POSTPONED, SUSPENDED, Step

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
    if rate < 0:
        raise InvalidRecordError("late interest", "rate", f"must not be negative, got {rate}")
    return min(rate, CAP_RATE) if agreed else rate


def _accruing_days(low: date, high: date, excluded: Sequence[tuple[date, date]]) -> int:
    """Days in [low, high) that are not excluded."""
    days = (high - low).days
    for a, b in excluded:
        start, stop = max(a, low), min(b + timedelta(days=1), high)
        if start < stop:
            days -= (stop - start).days
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
    excluded: Sequence[tuple[date, date]] = (),
    allow_last_known: bool = False,
) -> InterestResult:
    """Late interest on ``principal`` from ``start`` to ``end`` (exclusive).

    ``payments`` are (date, amount) collections; each pays principal first, then
    interest. ``excluded`` are inclusive intervals without interest (agreed or
    protest postponement, cassation suspension). Such intervals after 01/07/2026 are not
    known under the new law and raise unless ``allow_last_known``.
    """
    principal = to_dong(principal, what="late interest: principal")
    if principal < 0:
        raise InvalidRecordError("late interest", "principal", "must not be negative")
    if end < start:
        raise InvalidRecordError("late interest", "end", f"{end} is before the start {start}")
    if day_count not in ("actual/365", "actual/360"):
        raise InvalidRecordError(
            "late interest", "day_count", f"use 'actual/365' or 'actual/360', not {day_count!r}"
        )
    for _, b in excluded:
        if b >= NEW_LAW_FROM:
            require_known("interest-free periods", b, allow_last_known=allow_last_known)
    percent = annual_rate(rate, agreed=agreed)
    year_days = 365 if day_count == "actual/365" else 360
    daily = Fraction(percent) / 100 / year_days
    owed = principal
    accrued = Fraction(0)
    paid_interest = Fraction(0)
    cursor = start
    for on, amount in sorted(payments):
        amount = to_dong(amount, what="late interest: payment")
        if amount <= 0 or on < start:
            raise InvalidRecordError(
                "late interest", "payments", f"payment {amount} on {on} is not after the start"
            )
        upto = min(on, end)
        if upto > cursor:
            accrued += owed * daily * _accruing_days(cursor, upto, excluded)
            cursor = upto
        to_principal = min(amount, owed)
        owed -= to_principal
        to_interest = Fraction(amount - to_principal)
        if to_interest > accrued - paid_interest:
            raise InvalidRecordError(
                "late interest",
                "payments",
                f"payment on {on} is more than principal and interest owed",
            )
        paid_interest += to_interest
    if end > cursor:
        accrued += owed * daily * _accruing_days(cursor, end, excluded)
    interest = int(round_half_up(accrued, 0))
    return InterestResult(
        interest=interest,
        rate=percent,
        principal_outstanding=owed,
        interest_paid=min(interest, int(round_half_up(paid_interest, 0))),
    )


INTEREST_FREE_POSTPONEMENTS: Final = frozenset(
    {grounds.AGREED_POSTPONEMENT.code, grounds.PROTEST_POSTPONEMENT.code}
)
"""Postponements without late interest: agreed by the parties (Art. 48(1)(c)), requested
by a protest authority (Art. 48(2))."""
INTEREST_FREE_SUSPENSIONS: Final = frozenset({grounds.PROTEST_SUSPENSION.code})
"""Suspension for a cassation or reopening protest (Art. 49(1))."""


def interest_free_intervals(case: Case, until: date) -> list[tuple[date, date]]:
    """Inclusive intervals of ``case`` without late interest, read from its events.

    A postponement with ground ``48.1.c`` or ``48.2``, or a suspension with ground
    ``49.1``, runs until the day before the next classification, decision or the event
    that ends the case (or ``until``).
    """

    def free(step: Step) -> bool:
        ground = ground_code(step.ground)
        return (step.code == POSTPONED and ground in INTEREST_FREE_POSTPONEMENTS) or (
            step.code == SUSPENDED and ground in INTEREST_FREE_SUSPENSIONS
        )

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
    allow_last_known: bool = False,
) -> InterestResult:
    """Late interest on ``case``'s debts up to ``until`` (exclusive), from its events.

    Start: ``start`` (the date set in the judgment) or else ``request_received_on``
    (Decree 152/2026 Art. 29(2)); one of them is required. Collections and reductions
    lower the principal on their dates (money before the start lowers it at the start);
    interest stops at the event that ends the case; interest-free intervals come from
    :func:`interest_free_intervals`.
    """
    begin = start or request_received_on
    if begin is None:
        raise InvalidRecordError(
            f"case {case.case_id}",
            "start",
            "late interest runs from the date set in the judgment, else from the request "
            "date (Decree 152/2026 Art. 29(2)): give start=... or request_received_on=...",
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
        raise InvalidRecordError(
            f"case {case.case_id}", "until", f"{until} is before the start {begin}"
        )
    return late_interest(
        principal,
        begin,
        end,
        day_count=day_count,
        rate=rate,
        agreed=agreed,
        payments=payments,
        excluded=interest_free_intervals(case, end),
        allow_last_known=allow_last_known,
    )


__all__ = [
    "CAP_RATE",
    "DEFAULT_RATE",
    "INTEREST_FREE_POSTPONEMENTS",
    "INTEREST_FREE_SUSPENSIONS",
    "DayCount",
    "InterestResult",
    "annual_rate",
    "case_interest",
    "interest_free_intervals",
    "late_interest",
]
