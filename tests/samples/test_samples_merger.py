"""The synthetic merger sample (thads.samples.merger_2026) and ``thads demo --merger``."""

from __future__ import annotations

import io
from datetime import date
from fractions import Fraction

from thads import StatisticalPeriod, regime_by_code, report
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


# The offices of SN and of its predecessors, written out from the sample's description:
# the Chi cục of ST, SX and SY until 30/06/2025, SN's Phòng khu vực from 01/07/2025.
BEFORE = frozenset({"ST01", "ST02", "SX01", "SX02", "SY01", "SY02"})
AFTER = frozenset({"SN-KV1", "SN-KV2", "SN-KV3"})
KINDS = {"enforceable", "unenforceable", "collected", "completed"}


def _count(offices: frozenset[str] | None, start: date, end: date) -> dict[str, int]:
    """The case rows of the sample in [start, end], counted here from the rules.

    counting-rules.md: on the books when accepted on or before ``end`` and not completed
    before ``start``; carried over if accepted before ``start``, else new; completed in
    the period is resolved (and with conditions); otherwise the last classification on
    or before ``end`` decides: unenforceable is without conditions, enforceable (or none
    yet, the documented default) is in progress, with conditions.
    """
    out = dict.fromkeys(("carried_over", "new", "enforceable", "resolved", "without"), 0)
    out["money_new"] = 0
    for c in SAMPLE.cases:
        if offices is not None and c.office not in offices:
            continue
        done = [e.on for e in c.events if e.kind.value == "completed"]
        if c.accepted_on > end or (done and done[0] < start):
            continue
        if c.accepted_on < start:
            out["carried_over"] += 1
        else:
            out["new"] += 1
            out["money_new"] += sum(d.amount for d in c.debts)
        if done and done[0] <= end:
            out["resolved"] += 1
            out["enforceable"] += 1
            continue
        kinds = [e.kind.value for e in c.events if e.on <= end]
        kinds = [k for k in kinds if k in ("enforceable", "unenforceable")]
        if kinds and kinds[-1] == "unenforceable":
            out["without"] += 1
        else:
            out["enforceable"] += 1
    return out


def _rows(pair: TallyPair) -> dict[str, int]:
    t = pair.cases
    return {
        "carried_over": t.carried_over,
        "new": t.new,
        "enforceable": t.enforceable,
        "resolved": t.resolved,
        "without": t.without_conditions,
        "money_new": pair.money.new,
    }


def test_the_sample_uses_only_the_events_the_count_below_knows() -> None:
    kinds = {e.kind.value for c in SAMPLE.cases for e in c.events}
    assert kinds == KINDS
    offices = {c.office for c in SAMPLE.cases}
    assert offices >= BEFORE | AFTER
    assert {c.office for c in SAMPLE.cases if c.accepted_on < date(2025, 7, 1)} >= BEFORE
    assert not {c.office for c in SAMPLE.cases if c.accepted_on < date(2025, 7, 1)} & AFTER


def test_like_for_like_across_the_merger() -> None:
    # 9 months of 2026 (1/10/2025-30/6/2026) against 9 months of 2025 (1/10/2024-
    # 30/6/2025, before the change): SN's same period is what its predecessors' Chi cục
    # counted then, the rate recomputed from the sum.
    r26 = report(SAMPLE.cases, StatisticalPeriod(2026, 9), offices=SAMPLE.offices).check()
    row = r26.row(NEW_PROVINCE)
    before = _count(BEFORE, date(2024, 10, 1), date(2025, 6, 30))
    assert row.previous is not None
    assert _rows(row.previous) == before
    assert before["resolved"] > 0 and before["without"] > 0  # the count is not empty
    assert row.previous_rate("cases") is not None
    assert row.previous_rate("cases").exact == Fraction(before["resolved"], before["enforceable"])
    # this year: the cases of the Chi cục carried over and the new ones of the areas
    now = _count(BEFORE | AFTER, date(2025, 10, 1), date(2026, 6, 30))
    assert _rows(row.current) == now
    # 12 months: 2026's same period is 1/10/2024-30/9/2025, its last 3 months under SN.
    # The sample holds only the events counted alike by every regime: counted by
    # TT 05/2024 (the statistics regime from 01/07/2026 has no known rules).
    tt05 = regime_by_code("tt05_2024")
    y26 = report(SAMPLE.cases, StatisticalPeriod(2026), offices=SAMPLE.offices, regime=tt05)
    year_before = _count(BEFORE | AFTER, date(2024, 10, 1), date(2025, 9, 30))
    assert y26.row(NEW_PROVINCE).previous is not None
    assert _rows(y26.row(NEW_PROVINCE).previous) == year_before
    # the national total does not depend on the tree: every case of the sample
    everything = _count(None, date(2025, 10, 1), date(2026, 9, 30))
    assert _rows(y26.total.current) == everything
    plain = report(SAMPLE.cases, StatisticalPeriod(2026), by="national", regime=tt05)
    assert _rows(plain.total.current) == everything


def test_demo_merger_shows_the_comparison() -> None:
    out = io.StringIO()
    assert main(["demo", "--merger"], out=out) == 0
    text = out.getvalue()
    assert "Synthetic merger" in text
    assert "30/09/2026" in text
    assert "THADS tỉnh mẫu mới (tổng hợp)" in text
    assert "/2 về tỷ lệ thi hành xong về việc" in text
    assert "Cục THADS" not in text  # old provinces are redrawn as their successor
