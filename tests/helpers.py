"""Small builders for hand-written case histories in tests."""

from __future__ import annotations

from datetime import date

from thads import Case, Debt, Event, EventKind, Judgment, JudgmentKind

M = 1_000_000  # one triệu đồng


def ev(on: date, kind: str, amount: int = 0, ground: str | None = None) -> Event:
    return Event(on, EventKind(kind), amount, ground)


def case(
    case_id: str,
    accepted: date,
    amount: int = 100 * M,
    events: tuple[Event, ...] = (),
    *,
    office: str = "A",
    executor: str = "A-1",
    mode: str = "on_request",
    creditor: str = "private",
    kind: str = "civil",
) -> Case:
    return Case(
        case_id=case_id,
        office=office,
        executor=executor,
        mode=mode,
        judgment=Judgment(f"{case_id}/J", JudgmentKind(kind), None),
        accepted_on=accepted,
        debts=(Debt(amount, creditor),),
        events=events,
    )
