"""The readers read each event's ground under the law in force on its day (issue 20).

From 01/07/2026 (Law 106/2025/QH15) a postponement's grounds are Art. 46: "46.1.c" is
read, "48.1.c" (a termination article of the new law, without points) is rejected with
code ground.invalid and the new law's grounds listed, and its case is held whole
(``on_bad_event="hold_case"``). On 30/06/2026 "48.1.c" is still the agreed postponement
of Law 26/2008. CSV, JSON Lines, Python records and data frames follow the same path;
a property holds the readers and Python construction (:class:`thads.Event`) together.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thads import Event, StatisticalPeriod, read_cases, read_frame, read_records, report
from thads.errors import InvalidRecordError
from thads.law import KNOWN_GROUNDS
from thads.read import CaseReader, parse_event_row

CASE_FIELDS = (
    "case_id", "office", "executor", "mode", "judgment_kind", "judgment_ref",
    "judgment_effective", "accepted_on", "amount", "creditor",
)  # fmt: skip
EVENT_FIELDS = ("case_id", "date", "kind", "amount", "ground")

CASES = [
    dict(zip(CASE_FIELDS, (k, "A", "A-1", "on_request", "civil", "", "", "2026-03-01",
                           "100000000", "private"), strict=True))
    for k in ("K1", "K2", "K3")
]  # fmt: skip
EVENTS = [
    {"case_id": k, "date": "2026-03-10", "kind": "enforceable", "amount": "", "ground": ""}
    for k in ("K1", "K2", "K3")
] + [
    # K1: Law 106/2025 Art. 46(1)(c), written out in Vietnamese
    {"case_id": "K1", "date": "2026-07-15", "kind": "postponed", "amount": "",
     "ground": "điểm c khoản 1 Điều 46"},
    # K2: the old law's code on a new-law day: Art. 48 of 2025 is termination
    {"case_id": "K2", "date": "2026-07-15", "kind": "postponed", "amount": "",
     "ground": "48.1.c"},
    # K3: the old law's agreed postponement on its last day
    {"case_id": "K3", "date": "2026-06-30", "kind": "postponed", "amount": "",
     "ground": "48.1.c"},
]  # fmt: skip


def _csv(tmp: Path) -> CaseReader:
    cases, events = tmp / "cases.csv", tmp / "events.csv"
    cases.write_text(
        ",".join(CASE_FIELDS) + "\n" + "".join(",".join(r.values()) + "\n" for r in CASES)
    )
    events.write_text(
        ",".join(EVENT_FIELDS) + "\n" + "".join(",".join(r.values()) + "\n" for r in EVENTS)
    )
    return read_cases(cases, events)


def _jsonl(tmp: Path) -> CaseReader:
    cases, events = tmp / "cases.jsonl", tmp / "events.jsonl"
    cases.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CASES))
    events.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in EVENTS))
    return read_cases(cases, events)


def _records(tmp: Path) -> CaseReader:
    return read_records(CASES, EVENTS)


def _frames(tmp: Path) -> CaseReader:
    pandas = pytest.importorskip("pandas")
    return read_frame(pandas.DataFrame(CASES), pandas.DataFrame(EVENTS))


@pytest.mark.parametrize("read", [_csv, _jsonl, _records, _frames])
def test_each_ground_is_read_under_the_law_of_its_day(
    read: Callable[[Path], CaseReader], tmp_path: Path
) -> None:
    reader = read(tmp_path)
    cases = {c.case_id: c for c in reader}
    assert sorted(cases) == ["K1", "K3"]  # K2 held whole
    assert cases["K1"].events[-1].ground == "46.1.c"
    assert cases["K3"].events[-1].ground == "48.1.c"
    bad = [r for r in reader.rejected if r.field == "ground"]
    assert len(bad) == 1
    assert bad[0].code == "ground.invalid"
    assert "Law 106/2025/QH15" in bad[0].reason
    assert "46.1.c" in bad[0].reason and "46.2" in bad[0].reason  # the new law's list
    # the case row and K2's other event are held, naming the event: nothing dropped
    assert {r.record.split()[-1] for r in reader.rejected} >= {"K2"}
    assert len(reader.rejected) == 3  # the ground's row, K2's case row, K2's other event
    # counted: K1 (46.1.c) and K3 (48.1.c) both with conditions under TT 05/2026
    total = report(list(cases.values()), StatisticalPeriod(2026, 10), allow_last_known=True)
    assert (total.total.current.cases.postponed, total.total.current.cases.stayed) == (2, 0)


def test_a_rejection_of_each_law_lists_that_laws_grounds(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    cases = tmp_path / "cases.csv"
    cases.write_text(
        ",".join(CASE_FIELDS)
        + "\n"
        + "".join(f"K{n},A,A-1,active,civil,,,2026-03-01,1000,private\n" for n in range(1, 5))
    )
    events.write_text(
        ",".join(EVENT_FIELDS)
        + "\nK1,2026-06-01,postponed,,46.1.c\n"  # old law: no Art. 46 ground
        + "K2,2026-06-02,postponed,,46.1.a\n"
        + "K3,2026-07-02,postponed,,48.1.a\n"  # new law: no point in Art. 48
        + "K4,2026-07-03,postponed,,48.1.b\n"
    )
    reader = read_cases(cases, events, on_bad_event="drop_event")
    assert len(list(reader)) == 4
    reasons = [r.reason for r in reader.rejected]
    assert [r.code for r in reader.rejected] == ["ground.invalid"] * 4
    # each law's grounds listed with its first rejection, referred to after
    assert "known grounds of Law 26/2008/QH12: 48.1.a" in reasons[0]
    assert "known grounds of Law 106/2025/QH15: 46.1.a" in reasons[2]
    assert "accepted forms:" in reasons[0] and "accepted forms:" in reasons[2]
    assert "as listed with the first ground rejected" in reasons[1]
    assert "as listed with the first ground rejected" in reasons[3]


NEW_LAW_DAY = date(2026, 7, 1)
_TEXTS = [
    *sorted({g.code for g in KNOWN_GROUNDS}),
    "điểm c khoản 1 Điều 46",
    "Điều 48 khoản 1 điểm c",
    "khoản 2 Điều 47",
    "48(2)",
    "Luật số 106/2025/QH15 Điều 46(1)(a)",
    "50.1.z",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_TEXTS),
    st.sampled_from(["postponed", "suspended", "terminated"]),
    st.integers(-400, 400).map(lambda n: NEW_LAW_DAY + timedelta(days=n)),
)
def test_reader_and_python_construction_agree(text: str, kind: str, on: date) -> None:
    row = {"case_id": "K", "date": on.isoformat(), "kind": kind, "amount": "", "ground": text}
    assert _outcome(lambda: parse_event_row(row)[1]) == _outcome(lambda: Event(on, kind, 0, text))


def _outcome(make: Callable[[], Event]) -> tuple[str, str | None]:
    """("ok", the ground kept) or (the error's code, None)."""
    try:
        return "ok", make().ground
    except InvalidRecordError as error:
        return error.code, None
