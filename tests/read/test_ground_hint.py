"""A ground written in words close to a known one names the likely code (issue 21).

The row is still rejected (a free text is never read as a ground), but the message says
which ground the words most likely mean, under the law of the event's day.
"""

from __future__ import annotations

from pathlib import Path

import thads

CASES = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
    "K1,A,A-1,on_request,civil,1/2023/DS-ST,2023-01-02,2023-01-10,100,private\n"
    "K2,A,A-1,on_request,civil,2/2026/DS-ST,2026-07-02,2026-07-10,100,private\n"
)
EVENTS = (
    "case_id,date,kind,amount,ground\n"
    "K1,2023-02-01,postponed,,thỏa thuận hoãn\n"
    "K2,2026-08-03,postponed,,thỏa thuận hoãn\n"
)


def test_the_rejection_names_the_likely_ground_of_the_days_law(tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text(CASES, encoding="utf-8")
    (tmp_path / "events.csv").write_text(EVENTS, encoding="utf-8")
    reader = thads.read_cases(tmp_path / "cases.csv", tmp_path / "events.csv")
    assert list(reader) == []  # both cases held: their ground cannot be read
    reasons = {row.record: row.reason for row in reader.rejected if row.field == "ground"}
    # Law 26/2008 Art. 48(1)(c) in 2023; Law 106/2025 Art. 46(1)(c) from 01/07/2026
    assert "likely 48.1.c" in next(r for k, r in reasons.items() if "K1" in k)
    assert "likely 46.1.c" in next(r for k, r in reasons.items() if "K2" in k)
    assert {row.code for row in reader.rejected if row.field == "ground"} == {"ground.invalid"}
