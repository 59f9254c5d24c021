"""Thông tư 06/2019/TT-BTP, in force 05/01/2020 to 25/07/2024.

Counting choices (docs/sources/statistics.md §1.3, §2, §6.2):

- Only a postponement agreed by the parties (Law on THADS Art. 48(1)(c)) is counted with
  conditions (có điều kiện) — stated in a source (hanoimoi.vn 471437).
- Every other postponement and every suspension sits outside with conditions and outside
  without conditions (the third bucket: the 2022 national report lists "hoãn, tạm đình
  chỉ" apart). Where exactly the form puts it is unknown; thads reports it as ``stayed``.
- Resolved money includes completed, terminated and reduced amounts — inferred (§3.2).
- Its list of forms is not known (§6.2): forms are printed without a number.
- Report deadlines (docs/sources/statistics.md §4.2): 1, 2 and 4 working days after the period
  end for executor, district and province (military 2); the national one is not known.
"""

from __future__ import annotations

from datetime import date

from thads.law import AGREED_POSTPONEMENT
from thads.rules._base import Regime

REGIME = Regime(
    code="tt06_2019",
    title="Thông tư 06/2019/TT-BTP",
    citation="TT 06/2019/TT-BTP (signed 21/11/2019, in force 05/01/2020)",
    effective_from=date(2020, 1, 5),
    effective_to=date(2024, 7, 25),
    enforceable_grounds=frozenset({AGREED_POSTPONEMENT.code}),
    report_due=(
        ("executor", ("working_days", 1)),
        ("district", ("working_days", 2)),
        ("province", ("working_days", 4)),
        ("national", None),
        ("military", ("working_days", 2)),
    ),
    report_due_citation="TT 06/2019/TT-BTP Điều 9(2)",
)
