"""The event rules have one home: the reader's fast path and TimelineBuilder agree.

:meth:`TimelineBuilder.fast_steps` (the reader's fast path) and :meth:`TimelineBuilder.add`
(event by event, with reasons) must accept the same histories with the same steps, and
the reader must reject exactly the events the builder rejects, with the builder's field
and reason, on generated histories, valid and invalid.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from thads.errors import InvalidRecordError
from thads.read import read_records
from thads.records import (
    CLOSING_CODES,
    COLLECTED,
    COMPLETED,
    KINDS,
    MONEY_CODES,
    Step,
    TimelineBuilder,
    month_serial,
)

ACCEPTED = date(2024, 3, 1).toordinal()

Event = tuple[int, int, int, int, int, None]
"""(tag, day, month, code, amount, ground) as the reader hands events to the fast path."""


@st.composite
def histories(draw: st.DrawFn, *, negative: bool = True) -> tuple[int, list[Event]]:
    """An amount owed and events in date order: some valid, some breaking a rule (dated
    before acceptance, after a closing event, no amount, more than owed, an amount on an
    event that carries none)."""
    owed = draw(st.sampled_from([0, 1, 100, 10**6]))
    low = -30 if negative else 0
    offsets = sorted(draw(st.lists(st.integers(-3, 60), max_size=6)))
    events: list[Event] = []
    for tag, offset in enumerate(offsets):
        code = draw(st.integers(0, len(KINDS) - 1))
        if code in MONEY_CODES:
            amount = draw(st.sampled_from([0, 1, owed // 2, owed, owed + 1]))
        else:
            amount = draw(st.sampled_from([0, 0, 0, 5]))
        amount = max(amount, 0) if not negative else amount - draw(st.sampled_from([0, 0, 3]))
        day = ACCEPTED + offset
        month = month_serial(date.fromordinal(day))
        events.append((tag, day, month, code, max(amount, low), None))
    return owed, events


def _builder_path(
    owed: int, events: list[Event]
) -> tuple[tuple[Step, ...], list[tuple[int, str, str]]]:
    """Steps kept and (tag, field, reason) of each event rejected, one by one."""
    builder = TimelineBuilder("case k", ACCEPTED, month_serial(date.fromordinal(ACCEPTED)), owed)
    rejected = []
    for tag, day, month, code, amount, ground in events:
        try:
            builder.add(day, month, code, amount, ground)
        except InvalidRecordError as error:
            rejected.append((tag, error.field, error.reason))
    return builder.build().steps, rejected


@settings(max_examples=300, deadline=None)
@given(histories())
def test_fast_path_accepts_exactly_what_the_builder_accepts(
    history: tuple[int, list[Event]],
) -> None:
    owed, events = history
    steps, rejected = _builder_path(owed, events)
    fast = TimelineBuilder.fast_steps(ACCEPTED, owed, events)
    if rejected:
        assert fast is None
    else:
        assert fast == steps
        assert len(steps) == len(events)


@settings(max_examples=150, deadline=None)
@given(histories(negative=False))
def test_the_reader_rejects_what_the_builder_rejects(history: tuple[int, list[Event]]) -> None:
    owed, events = history
    steps, rejected = _builder_path(owed, events)
    case = {
        "case_id": "k",
        "office": "A",
        "executor": "A-1",
        "mode": "active",
        "judgment_kind": "civil",
        "judgment_ref": "",
        "judgment_effective": "",
        "accepted_on": date.fromordinal(ACCEPTED).isoformat(),
        "amount": str(owed),
        "creditor": "private",
    }
    rows = [
        {
            "case_id": "k",
            "date": date.fromordinal(day).isoformat(),
            "kind": KINDS[code].value,
            "amount": str(amount) if amount else "",
        }
        for _tag, day, _month, code, amount, _ground in events
    ]
    reader = read_records([case], rows, on_bad_event="drop_event")
    (read,) = list(reader.compiled())
    assert read.timeline.steps == steps
    got = [(r.line - 1, r.field, r.reason) for r in reader.rejected if r.file == "events"]
    assert got == rejected


def test_a_closing_event_ends_both_paths() -> None:
    # by hand: collected 40 of 100, completed, then a collection after it is refused
    day = ACCEPTED + 1
    month = month_serial(date.fromordinal(day))
    events: list[Event] = [
        (0, day, month, COLLECTED, 40, None),
        (1, day, month, COMPLETED, 0, None),
        (2, day + 1, month, COLLECTED, 10, None),
    ]
    assert COMPLETED in CLOSING_CODES
    assert TimelineBuilder.fast_steps(ACCEPTED, 100, events) is None
    steps, rejected = _builder_path(100, events)
    assert [s.code for s in steps] == [COLLECTED, COMPLETED]
    assert [(tag, field) for tag, field, _ in rejected] == [(2, "kind")]
    assert "follows the closing event" in rejected[0][2]
    assert TimelineBuilder.fast_steps(ACCEPTED, 100, events[:2]) == steps
