"""The common event row is checked inline from the decoder's caches (Joiner._event_runs);
a value of another type, or a text the caches hold as bad, must give what reading the
row field by field gives (the first event of a reading, whose texts are not cached yet)."""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

import pytest

from thads.read import read_records
from thads.records import EventKind

CASE = {"office": "P01", "executor": "E1", "mode": "active", "judgment_kind": "civil",
        "accepted_on": "2024-11-04", "amount": "500", "creditor": "state"}  # fmt: skip
PRIMER = {"case_id": "c0", "date": "2024-12-02", "kind": "collected", "amount": "10",
          "ground": ""}  # fmt: skip
"""An event with the texts the odd ones resemble: read first, it fills the caches."""


def _outcome(events: list[dict[str, Any]]) -> tuple[Any, ...]:
    """What the reader makes of case c1's events: its steps, and its rejected rows."""
    reader = read_records(
        [{**CASE, "case_id": "c0"}, {**CASE, "case_id": "c1"}], events, on_bad_event="drop_event"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases = {case.case_id: case for case in reader}
    steps = cases["c1"].timeline.steps if "c1" in cases else None
    return steps, [(r.field, r.reason, r.code) for r in reader.rejected if "c1" in r.record]


ODD: list[tuple[str, object]] = [
    ("amount", 10),  # an int: allowed for records
    ("amount", "010"),
    ("amount", "1" * 19),
    ("amount", 10.0),
    ("amount", None),
    ("date", date(2024, 12, 2)),
    ("date", "2024-02-30"),
    ("date", None),
    ("kind", EventKind.COLLECTED),
    ("kind", "Collected"),
    ("kind", None),
    ("ground", 0),
    ("ground", None),
    ("case_id", "c1 "),
]


@pytest.mark.parametrize(("field", "value"), ODD)
def test_an_odd_value_is_read_as_field_by_field(field: str, value: object) -> None:
    odd = {**PRIMER, "case_id": "c1", field: value}
    alone = _outcome([odd])  # the first event read: field by field
    bad_date = {**PRIMER, "case_id": "c0", "date": "2024-02-30"}  # caches a bad date too
    after = _outcome([PRIMER, bad_date, odd])  # the caches know the texts: inline
    assert after == alone
