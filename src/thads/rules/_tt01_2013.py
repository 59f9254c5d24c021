"""Thông tư 01/2013/TT-BTP (03/01/2013), amended by Thông tư 08/2015/TT-BTP.

Consolidated as VBHN 2319/VBHN-BTP (01/7/2015); in force until 04/01/2020.

Counting choices (docs/sources/statistics.md §2, §6.3):

- Published national figures under this regime satisfy phải thi hành = có điều kiện +
  chưa có điều kiện exactly (verified on 7m/2017, 9m/2017 and a 6m/2019 report), so there
  is no third bucket: every postponement (hoãn) and suspension (tạm đình chỉ) is counted
  with conditions. That placement is inferred from the identity, not read in the form
  text; it is the option ``all_stays_enforceable=True``.
- Resolved money includes completed (thực thu), terminated (đình chỉ) and reduced
  (giảm) amounts — inferred (§3.2); change it with ``Regime.with_options``.
- The date this circular took effect is not in the reference; its signing date is used
  as the start of its span.
- Its forms are known only in part (§6.3): forms are printed without a number.
- Report deadlines (docs/sources/statistics.md §4.2): executor before day 2, district before
  day 4, province before day 7 of the next month; the national one is not known.
"""

from __future__ import annotations

from datetime import date

from thads.rules._base import Regime

REGIME = Regime(
    code="tt01_2013",
    title="Thông tư 01/2013/TT-BTP, sửa đổi bởi Thông tư 08/2015/TT-BTP",
    citation="TT 01/2013/TT-BTP (03/01/2013); TT 08/2015/TT-BTP (26/6/2015); VBHN 2319/VBHN-BTP",
    effective_from=date(2013, 1, 3),
    effective_to=date(2020, 1, 4),
    all_stays_enforceable=True,
    report_due=(
        ("executor", ("before_day", 2)),
        ("district", ("before_day", 4)),
        ("province", ("before_day", 7)),
        ("national", None),
        ("military", None),
    ),
    report_due_citation="TT 01/2013/TT-BTP (sửa đổi bởi TT 08/2015/TT-BTP) Điều 10(2)",
)
