"""Strategies for cases (việc thi hành án) with consistent histories."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from fractions import Fraction

import attrs

from thads.errors import InvalidRecordError
from thads.records import (
    CLOSING,
    MONEY_EVENTS,
    Case,
    CreditorKind,
    Debt,
    EnforcementMode,
    Event,
    EventKind,
    Judgment,
    JudgmentKind,
)
from thads.testing._hypothesis import st
from thads.testing._values import (
    DEFAULT_MAX_AMOUNT,
    DEFAULT_MONEY_SHARE,
    DEFAULT_YEARS,
    REF_ALPHABET,
    Offices,
    Place,
    Years,
    amounts,
    check_share,
    ground_of,
    in_force,
    mix,
    placements,
    span,
)

# --- cases ------------------------------------------------------------------------------


@attrs.frozen
class CaseConfig:
    first: date
    last: date
    places: tuple[Place, ...]
    money_share: Fraction
    mix: tuple[EventKind, ...]
    max_events: int
    max_amount: int


def config_of(
    years: Years,
    offices: Offices,
    money_share: Fraction | int,
    event_mix: Mapping[str, int] | None,
    max_events: int,
    max_amount: int,
) -> CaseConfig:
    first, last = span(years)
    places = tuple(
        p
        for p in placements(offices)
        if (p[2] is None or p[2] <= last) and (p[3] is None or first <= p[3])
    )
    if not places:
        raise InvalidRecordError(
            "thads.testing",
            "offices",
            f"no executor of the tree is in force from {first} to {last}",
        )
    return CaseConfig(
        first,
        last,
        places,
        check_share(money_share),
        mix(event_mix),
        max_events,
        max_amount,
    )


def draw_case(
    draw: st.DrawFn, config: CaseConfig, case_id: str, *, open_only: bool = False
) -> Case:
    """One case: events after acceptance, in date order, within what is owed.

    ``open_only`` leaves out closing events, so the case stays open.
    """
    span = (config.last - config.first).days
    accepted = config.first + timedelta(days=draw(st.integers(0, span)))
    open_now = [p for p in config.places if in_force(p, accepted)]
    if open_now:
        office, executor, _, _ = draw(st.sampled_from(open_now))
    else:  # a dated tree with no office open that day: a day its office is open
        office, executor, start, end = draw(st.sampled_from(config.places))
        low = max(config.first, start or config.first)
        high = min(config.last, end or config.last)
        accepted = low + timedelta(days=draw(st.integers(0, (high - low).days)))
    share = config.money_share
    is_money = draw(st.integers(0, share.denominator - 1)) < share.numerator
    amount = draw(amounts(config.max_amount, min_value=1)) if is_money else 0
    outstanding = amount
    mix = tuple(k for k in config.mix if not (open_only and k in CLOSING))
    day = accepted
    history: list[Event] = []
    for _ in range(draw(st.integers(0, config.max_events)) if mix else 0):
        day = day + timedelta(days=draw(st.integers(0, 200)))
        if day > config.last:
            break
        kind = draw(st.sampled_from(mix))
        if kind in MONEY_EVENTS:
            if outstanding == 0:
                continue
            value = draw(st.integers(1, outstanding))
            history.append(Event(day, kind, value))
            outstanding -= value
            continue
        history.append(Event(day, kind, 0, draw(ground_of(kind, day))))
        if kind in CLOSING:
            break
    effective = draw(st.none() | st.dates(accepted - timedelta(days=5 * 365), accepted))
    due_on = draw(st.none() | st.dates(accepted - timedelta(days=365), accepted))
    return Case(
        case_id=case_id,
        office=office,
        executor=executor,
        mode=draw(st.sampled_from(list(EnforcementMode))),
        judgment=Judgment(
            draw(st.text(alphabet=REF_ALPHABET, max_size=12)),
            draw(st.sampled_from(list(JudgmentKind))),
            effective,
        ),
        accepted_on=accepted,
        debts=(Debt(amount, draw(st.sampled_from(list(CreditorKind))), due_on),),
        events=tuple(history),
    )


def cases(
    *,
    case_id: str | None = None,
    years: Years = DEFAULT_YEARS,
    offices: Offices = None,
    money_share: Fraction | int = DEFAULT_MONEY_SHARE,
    event_mix: Mapping[str, int] | None = None,
    max_events: int = 6,
    max_amount: int = DEFAULT_MAX_AMOUNT,
) -> st.SearchStrategy[Case]:
    """Cases (việc thi hành án) with consistent histories.

    Accepted within ``years``; events dated on or after acceptance, in date order, not
    after the last day of ``years``; nothing after a closing event; collections and
    reductions never above what is still owed; postponements and suspensions carry
    grounds (or none). ``money_share``: chance that a case carries money (else its
    amount is 0). ``event_mix``: relative weights of event kinds (kinds left out are
    never drawn). ``offices``: an office tree (cases go to an executor and the office
    above it; in a dated tree, both in force on the day the case is accepted) or office
    codes.
    """
    config = config_of(years, offices, money_share, event_mix, max_events, max_amount)

    @st.composite
    def one(draw: st.DrawFn) -> Case:
        return draw_case(draw, config, case_id or f"c{draw(st.integers(0, 10**9))}")

    return one()


def case_sets(
    *,
    min_size: int = 0,
    max_size: int = 25,
    years: Years = DEFAULT_YEARS,
    offices: Offices = None,
    money_share: Fraction | int = DEFAULT_MONEY_SHARE,
    event_mix: Mapping[str, int] | None = None,
    max_events: int = 6,
) -> st.SearchStrategy[list[Case]]:
    """Lists of cases with distinct ids ``c0``, ``c1``, ... (see :func:`cases`)."""
    config = config_of(years, offices, money_share, event_mix, max_events, DEFAULT_MAX_AMOUNT)
    return case_lists(config, min_size, max_size)


def case_lists(config: CaseConfig, min_size: int, max_size: int) -> st.SearchStrategy[list[Case]]:
    @st.composite
    def many(draw: st.DrawFn) -> list[Case]:
        size = draw(st.integers(min_size, max_size))
        return [draw_case(draw, config, f"c{i}") for i in range(size)]

    return many()
