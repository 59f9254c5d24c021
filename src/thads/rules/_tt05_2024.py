"""Thông tư 05/2024/TT-BTP (10/6/2024), in force from 26/07/2024; replaces TT 06/2019.

Counting choices (docs/sources/statistics.md §1.3, §6.1):

- The body articles were read; the form explanations were not. thads keeps the TT 06/2019
  choices: only a postponement under Law Art. 48(1)(c) counts with conditions; other
  postponements and suspensions are ``stayed``. That continuity is inferred.
- Resolved money includes completed, terminated and reduced amounts — inferred (§3.2).
- Forms (Art. 2, docs/sources/statistics.md §6.1): results by cases (1), by money (2), and the
  same split by office and executor (4, 5). Those places in the list are sourced; the
  codes printed on the official forms (e.g. "01/TK-THADS") and their column numbers are
  not known, so thads prints the place ("01") and no column numbers of its own.
- A successor circular from 01/07/2026 is reported by one unverified source; until its
  content is known thads applies this regime to later periods and says so in the docs.
- Report deadlines (Art. 10, docs/sources/statistics.md §4.2): 1, 2, 4 and 6 working days after
  the period end for executor, district, province and national (military 2).
"""

from __future__ import annotations

from datetime import date

from thads.law import AGREED_POSTPONEMENT
from thads.rules._base import Form, Regime

REGIME = Regime(
    code="tt05_2024",
    title="Thông tư 05/2024/TT-BTP",
    citation="TT 05/2024/TT-BTP (10/6/2024, in force 26/7/2024), Art. 2, 5, 7, 8",
    effective_from=date(2024, 7, 26),
    effective_to=None,
    enforceable_grounds=frozenset({AGREED_POSTPONEMENT.code}),
    forms=(
        Form("cases", False, "01", "Kết quả thi hành án dân sự tính bằng việc"),
        Form("money", False, "02", "Kết quả thi hành án dân sự tính bằng tiền"),
        Form(
            "cases",
            True,
            "04",
            "Kết quả thi hành án dân sự tính bằng việc chia theo cơ quan thi hành án dân sự "
            "và Chấp hành viên",
        ),
        Form(
            "money",
            True,
            "05",
            "Kết quả thi hành án dân sự tính bằng tiền chia theo cơ quan thi hành án dân sự "
            "và Chấp hành viên",
        ),
    ),
    report_due=(
        ("executor", ("working_days", 1)),
        ("district", ("working_days", 2)),
        ("province", ("working_days", 4)),
        ("national", ("working_days", 6)),
        ("military", ("working_days", 2)),
    ),
    report_due_citation="TT 05/2024/TT-BTP Điều 10",
)
