"""Hypothesis strategies: valid tallies and valid case histories."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from thads import Case, Debt, Event, EventKind, Judgment, JudgmentKind, Tally
from thads.case import CLOSING

counts = st.integers(min_value=0, max_value=10**6)
money = st.integers(min_value=0, max_value=10**15)


@st.composite
def tallies(draw: st.DrawFn, values: st.SearchStrategy[int] = counts) -> Tally:
    """A tally whose rows satisfy the identities (built from its classified rows)."""
    completed, terminated, reduced = draw(values), draw(values), draw(values)
    in_progress, postponed, stayed, without = draw(values), draw(values), draw(values), draw(values)
    entrusted, withdrawn = draw(values), draw(values)
    accepted = (
        completed
        + terminated
        + reduced
        + in_progress
        + postponed
        + stayed
        + without
        + entrusted
        + withdrawn
    )
    carried_over = draw(st.integers(min_value=0, max_value=accepted))
    return Tally(
        carried_over=carried_over,
        new=accepted - carried_over,
        entrusted=entrusted,
        withdrawn=withdrawn,
        completed=completed,
        terminated=terminated,
        reduced=reduced,
        in_progress=in_progress,
        postponed=postponed,
        stayed=stayed,
        without_conditions=without,
    )


FIRST_DAY = date(2020, 10, 1)
LAST_DAY = date(2024, 9, 30)
_CLASSIFY = ["enforceable", "unenforceable", "postponed", "suspended", "resumed"]
_CLOSE = [k.value for k in CLOSING]
_GROUNDS = [None, "48.1.a", "48.1.c", "48.1.d", "Điều 48(1)(c)"]


@st.composite
def case_histories(draw: st.DrawFn, case_id: str | None = None) -> Case:
    """A valid case: events after acceptance, in date order, within what is owed."""
    span = (LAST_DAY - FIRST_DAY).days
    accepted = FIRST_DAY + timedelta(days=draw(st.integers(0, span)))
    amount = draw(st.integers(min_value=0, max_value=5_000)) * 1_000_000
    outstanding = amount
    day = accepted
    events: list[Event] = []
    for _ in range(draw(st.integers(0, 6))):
        day = day + timedelta(days=draw(st.integers(0, 200)))
        choice = draw(st.sampled_from(["classify", "money", "close"]))
        if choice == "classify":
            kind = draw(st.sampled_from(_CLASSIFY))
            ground = draw(st.sampled_from(_GROUNDS)) if kind == "postponed" else None
            events.append(Event(day, EventKind(kind), 0, ground))
        elif choice == "money" and outstanding > 0:
            value = draw(st.integers(1, outstanding))
            kind = draw(st.sampled_from(["collected", "reduced"]))
            events.append(Event(day, EventKind(kind), value))
            outstanding -= value
        elif choice == "close":
            events.append(Event(day, EventKind(draw(st.sampled_from(_CLOSE)))))
            break
    office = draw(st.sampled_from(["A", "B", "C"]))
    return Case(
        case_id=case_id or f"c{draw(st.integers(0, 10**9))}",
        office=office,
        executor=f"{office}-{draw(st.integers(1, 3))}",
        mode=draw(st.sampled_from(["active", "on_request"])),
        judgment=Judgment(
            draw(st.text(alphabet="0123456789/ABCĐSTHN-", max_size=12)),
            draw(st.sampled_from(list(JudgmentKind))),
            draw(st.none() | st.dates(date(2015, 1, 1), date(2024, 9, 30))),
        ),
        accepted_on=accepted,
        debts=(Debt(amount, draw(st.sampled_from(["state", "private", "credit_institution"]))),),
        events=tuple(events),
    )


@st.composite
def case_sets(draw: st.DrawFn, max_size: int = 25) -> list[Case]:
    """Several cases with distinct ids."""
    size = draw(st.integers(0, max_size))
    return [draw(case_histories(case_id=f"c{i}")) for i in range(size)]
