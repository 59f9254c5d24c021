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


OLD_GROUNDS = ["48.1.a", "48.1.b", "48.1.c", "48.1.d", "48.1.đ", "48.1.e", "48.1.g", "48.1.h",
               "48.2"]  # fmt: skip
"""Law 26/2008 Art. 48: the postponement grounds (docs/grounds.md)."""
NEW_GROUNDS = ["46.1.a", "46.1.b", "46.1.c", "46.1.d", "46.1.đ", "46.1.e", "46.1.g", "46.1.h",
               "46.1.i", "46.1.k", "46.1.l", "46.2"]  # fmt: skip
"""Law 106/2025 Art. 46, in force from 01/07/2026."""


def test_more_grounds_than_four_bits_hold_come_back(tmp_path: Path) -> None:
    """21 cases, each postponed once on its own ground (9 under the old law in 2024, 12
    under the new one in 2026): the index numbers the grounds 1 to 21, past what 4 bits
    hold, and each comes back as written; the cases come in the reverse order of their
    events, so every event waits in the index."""
    grounds = [(g, "2024-02-01", "2024-01-02") for g in OLD_GROUNDS]
    grounds += [(g, "2026-08-03", "2026-07-02") for g in NEW_GROUNDS]
    case_rows = [
        f"g{k:02d},P01,E1,active,civil,,,{accepted},100,state\n"
        for k, (_, _, accepted) in enumerate(grounds)
    ]
    event_rows = [f"g{k:02d},{day},postponed,,{g}\n" for k, (g, day, _) in enumerate(grounds)]
    (tmp_path / "c.csv").write_text(CASES.splitlines(keepends=True)[0] + "".join(case_rows[::-1]))
    (tmp_path / "e.csv").write_text(EVENTS.splitlines(keepends=True)[0] + "".join(event_rows))
    reader = read_cases(tmp_path / "c.csv", tmp_path / "e.csv")
    got = {case.case_id: case.timeline.steps[0].ground for case in reader}
    assert reader.rejected == []
    assert got == {f"g{k:02d}": g for k, (g, _, _) in enumerate(grounds)}
