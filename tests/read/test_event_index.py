"""The event index keeps each waiting event packed in one integer beside its line, amount
and link (EventIndex): the extremes of every packed part come back as written."""

from __future__ import annotations

from pathlib import Path

from thads.read import read_cases

CASES = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
    "b,P01,E1,active,civil,,,9999-12-01,999999999999999999,state\n"
    "a,P01,E1,active,civil,,,0001-01-01,100,state\n"
    "c,P01,E1,active,civil,,,2024-03-01,100,state\n"
)
EVENTS = (
    "case_id,date,kind,amount,ground\n"
    "c,2024-03-05,postponed,,48.1.c\n"
    "b,9999-12-31,collected,999999999999999999,\n"
    "a,0001-01-02,collected,10,\n"
    "b,9999-12-31,completed,,\n"
)


def test_the_extremes_come_back_as_written(tmp_path: Path) -> None:
    """By hand: 31/12/9999 is day ordinal 3.652.059 (date.max), month serial
    9999 × 12 + 11 = 119.999; 02/01/0001 is day 2, month 12; 05/03/2024 is day
    738.950, month 24.290; the largest amount a row may carry (18 digits) and a ground
    come back; the events wait in the index (the cases come in another order)."""
    (tmp_path / "c.csv").write_text(CASES)
    (tmp_path / "e.csv").write_text(EVENTS)
    reader = read_cases(tmp_path / "c.csv", tmp_path / "e.csv")
    steps = {case.case_id: [tuple(s) for s in case.timeline.steps] for case in reader}
    assert reader.rejected == []
    big = 999_999_999_999_999_999  # collected: code 5, completed: 7
    assert steps["b"] == [(3_652_059, 119_999, 5, big, None), (3_652_059, 119_999, 7, 0, None)]
    assert steps["a"] == [(2, 12, 5, 10, None)]
    assert steps["c"] == [(738_950, 24_290, 2, 0, "48.1.c")]  # postponed: code 2
