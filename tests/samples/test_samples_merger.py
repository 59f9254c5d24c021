"""The synthetic merger sample (thads.samples.merger_2026) and ``thads demo --merger``."""

from __future__ import annotations

import io
from datetime import date
from fractions import Fraction

from thads import StatisticalPeriod, report
from thads.cli import main
from thads.count import TallyPair
from thads.samples import NEW_PROVINCE, merger_2026

SAMPLE = merger_2026()
PREDECESSORS = ("ST", "SX", "SY")


def test_sample_says_it_is_synthetic_and_is_deterministic() -> None:
    assert "invented" in SAMPLE.description and "Synthetic" in SAMPLE.description
    assert merger_2026().cases == SAMPLE.cases


def test_tree_of_the_sample() -> None:
    tree = SAMPLE.offices
    old = [o.code for o in tree.on(date(2025, 6, 30)) if o.level.name == "PROVINCE"]
    new = [o.code for o in tree.on(date(2025, 7, 1)) if o.level.name == "PROVINCE"]
    assert sorted(old) == ["SK", "ST", "SX", "SY"]
    assert sorted(new) == ["SK2", "SN"]
    for code in PREDECESSORS:
        assert tree.successor(code, on=date(2025, 7, 1)) == NEW_PROVINCE
    # SY02 is abolished without a Phòng khu vực: its cases count under the new province
    assert tree.successor("SY02", on=date(2025, 7, 1)) == NEW_PROVINCE
    assert tree.successor("ST01", on=date(2025, 7, 1)) == "SN-KV1"


def test_cases_after_the_change_are_recorded_under_the_new_offices() -> None:
    tree = SAMPLE.offices
    for case in SAMPLE.cases:
        office = tree.get(case.office)
        assert office is not None
        assert office.in_force(case.accepted_on), case.case_id


def test_like_for_like_across_the_merger() -> None:
    # 9 months of 2026 against 9 months of 2025 (1/10/2024–30/6/2025, before the change)
    r25 = report(SAMPLE.cases, StatisticalPeriod(2025, 9), offices=SAMPLE.offices).check()
    r26 = report(SAMPLE.cases, StatisticalPeriod(2026, 9), offices=SAMPLE.offices).check()
    summed = TallyPair()
    for code in PREDECESSORS:
        summed = summed + r25.row(code).current
    row = r26.row(NEW_PROVINCE)
    assert row.previous == summed
    assert row.previous_rate("cases") is not None
    assert row.previous_rate("cases").exact == Fraction(
        summed.cases.resolved, summed.cases.enforceable
    )
    # 12 months: 2026's same period is the 2025 report drawn on 30/9/2025 (new tree)
    y25 = report(SAMPLE.cases, StatisticalPeriod(2025), offices=SAMPLE.offices)
    y26 = report(SAMPLE.cases, StatisticalPeriod(2026), offices=SAMPLE.offices)
    assert y26.row(NEW_PROVINCE).previous == y25.row(NEW_PROVINCE).current
    # the national total does not depend on the tree
    plain = report(SAMPLE.cases, StatisticalPeriod(2026), by="national")
    assert y26.total.current == plain.total.current


def test_demo_merger_shows_the_comparison() -> None:
    out = io.StringIO()
    assert main(["demo", "--merger"], out=out) == 0
    text = out.getvalue()
    assert "Synthetic merger" in text
    assert "30/09/2026" in text
    assert "THADS tỉnh mẫu mới (tổng hợp)" in text
    assert "/2 về tỷ lệ thi hành xong về việc" in text
    assert "Cục THADS" not in text  # old provinces are redrawn as their successor
