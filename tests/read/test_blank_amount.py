"""A blank case amount (số tiền phải thi hành) is rejected, never read as 0 đồng.

interchange-format.md: ``amount`` of cases.csv is required ("integer đồng ≥ 0"); a
required value that is blank is rejected with the reason ``is missing``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from thads import read_cases

HEADER = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
)


@pytest.mark.parametrize("blank", ["", "   ", '""', '"  "'])
def test_a_blank_case_amount_is_rejected_not_zero(tmp_path: Path, blank: str) -> None:
    cases = tmp_path / "cases.csv"
    events = tmp_path / "events.csv"
    cases.write_text(
        HEADER
        + "c1,A,A-1,active,civil,,,2022-11-01,100,state\n"  # line 2: 100 đồng
        + f"c2,A,A-1,active,civil,,,2022-11-01,{blank},state\n"  # line 3: blank amount
        + "c3,A,A-1,active,civil,,,2022-11-01,0,state\n",  # line 4: a written 0 is 0
        encoding="utf-8",
    )
    events.write_text("case_id,date,kind,amount\n", encoding="utf-8")
    reader = read_cases(cases, events)
    got = {c.case_id: [d.amount for d in c.debts] for c in reader}
    assert got == {"c1": [100], "c3": [0]}  # c2 is not a case of 0 đồng
    (row,) = reader.rejected
    assert (Path(row.file).name, row.line, row.field) == ("cases.csv", 3, "amount")
    assert "is missing" in row.reason
    count = reader.counts[str(cases)]
    assert (count.read, count.accepted, count.rejected) == (3, 2, 1)
