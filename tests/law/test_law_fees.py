"""Enforcement fee (phí thi hành án), TT 216/2016/TT-BTC, worked by hand (docs/law/fees.md).

Art. 6(4): nothing if the amount requested is at most 2 × the base salary; otherwise
Art. 4(1)(a), 5(2)-(3): the fee on the cumulative amount received, nothing until it
passes 2 × base salary, then the schedule on the whole cumulative amount, receipt by
receipt. Law 106/2025 Art. 53(1): the requesting party pays.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import M, case, ev
from thads import RuleNotAvailableError
from thads.errors import InvalidRecordError, ThadsError
from thads.law import FeeReduction, Payer, case_fee, enforcement_fee

ON = date(2025, 3, 1)  # base salary 2.340.000 (Nghị định 73/2024): free up to 4.680.000
TY = 1_000_000_000


def test_the_circulars_own_example_art_5() -> None:
    # TT 216/2016 Art. 5(3) example: 5.000.000 owed, base salary 1.210.000 (so the line
    # is 2.420.000), received 1, 1, 1 and 2 triệu. 1st: 1.000.000 ≤ line → 0; 2nd:
    # 2.000.000 ≤ line → 0; 3rd: 3.000.000 > line → 3 % × 3.000.000 = 90.000; 4th:
    # 3 % × 5.000.000 − 90.000 = 60.000; total 150.000 = 3 % of 5.000.000 at once.
    day = date(2016, 6, 1)
    fees, before = [], 0
    for amount in (1 * M, 1 * M, 1 * M, 2 * M):
        fees.append(
            enforcement_fee(
                amount, day, requested=5 * M, received_before=before, allow_recalled=True
            )
        )
        before += amount
    assert fees == [0, 0, 90_000, 60_000]
    assert sum(fees) == enforcement_fee(5 * M, day, requested=5 * M, allow_recalled=True)


def test_nothing_until_the_cumulative_amount_passes_the_line() -> None:
    # 10.000.000 requested (> 4.680.000), 4.000.000 received: under the line → 0.
    assert enforcement_fee(4 * M, ON, requested=10 * M) == 0
    # The next 1.000.000 makes 5.000.000 > 4.680.000: 3 % × 5.000.000 = 150.000.
    assert enforcement_fee(1 * M, ON, requested=10 * M, received_before=4 * M) == 150_000
    # Exactly on the line: 4.680.000 → 0; one đồng more: 3 % × 4.680.001 = 140.400,03.
    assert enforcement_fee(4_680_000, ON, requested=10 * M) == 0
    assert enforcement_fee(4_680_001, ON, requested=10 * M) == 140_400


def test_art_6_4_a_small_request_pays_nothing() -> None:
    # Requested 4.680.000 = 2 × 2.340.000: free whatever is received.
    assert enforcement_fee(4_680_000, ON, requested=4_680_000) == 0


def test_tier_edges_5_7_10_15_ty() -> None:
    # Art. 4(1): 3 % × 5 tỷ = 150 triệu; 150 + 2 % × 2 tỷ = 190 triệu at 7 tỷ;
    # 190 + 1 % × 3 tỷ = 220 triệu at 10 tỷ; 220 + 0,5 % × 5 tỷ = 245 triệu at 15 tỷ.
    edges = {5 * TY: 150 * M, 7 * TY: 190 * M, 10 * TY: 220 * M, 15 * TY: 245 * M}
    for amount, fee in edges.items():
        assert enforcement_fee(amount, ON, requested=amount) == fee
    # One đồng over each edge adds the next tier's rate on that đồng (rounded: 0).
    assert enforcement_fee(5 * TY + 100, ON, requested=6 * TY) == 150 * M + 2
    # A 12 tỷ receipt: 220 triệu + 0,5 % × 2 tỷ = 230 triệu (not 3 % capped, nor 320).
    assert enforcement_fee(12 * TY, ON, requested=12 * TY) == 230 * M
    # 20 tỷ: 245 triệu + 0,01 % × 5 tỷ = 245.500.000.
    assert enforcement_fee(20 * TY, ON, requested=20 * TY) == 245_500_000
    # 4 tỷ then 2 tỷ: 120 triệu, then 150 + 2 % × 1 tỷ − 120 = 50 triệu.
    assert enforcement_fee(4 * TY, ON, requested=6 * TY) == 120 * M
    assert enforcement_fee(2 * TY, ON, requested=6 * TY, received_before=4 * TY) == 50 * M


def test_reductions_and_exemptions_art_4_6_7() -> None:
    four = {"requested": 4 * TY}
    assert enforcement_fee(4 * TY, ON, settled_before_coercion=True, **four) == 40 * M
    assert enforcement_fee(4 * TY, ON, within_voluntary_period=True, **four) == 0
    assert enforcement_fee(4 * TY, ON, not_chargeable=True, **four) == 0
    assert enforcement_fee(4 * TY, ON, reduction=FeeReduction.POOR_HOUSEHOLD, **four) == 24 * M
    assert (
        enforcement_fee(4 * TY, ON, reduction=FeeReduction.ASSETS_IDENTIFIED_WITH_FORCE, **four)
        == 96 * M
    )
    with pytest.raises(ValueError, match=r"0\.\.80"):
        enforcement_fee(
            4 * TY,
            ON,
            reduction=FeeReduction.POOR_HOUSEHOLD,
            reduction_percent=Decimal("90"),
            **four,
        )
    with pytest.raises(InvalidRecordError, match="reduction_percent"):
        enforcement_fee(
            4 * TY,
            ON,
            reduction=FeeReduction.POOR_HOUSEHOLD,
            reduction_percent=Decimal("NaN"),
            **four,
        )


def test_under_law_106_2025_the_schedule_is_the_last_known_one() -> None:
    # No successor to TT 216/2016 found: a receipt from 01/07/2026 raises unless the
    # caller accepts the last known schedule; base salary 2.530.000 → line 5.060.000.
    with pytest.raises(RuleNotAvailableError, match="allow_last_known"):
        enforcement_fee(10 * M, date(2026, 7, 1), requested=10 * M)
    assert (
        enforcement_fee(5_060_000, date(2026, 7, 1), requested=10 * M, allow_last_known=True) == 0
    )
    assert enforcement_fee(5_060_000, date(2026, 6, 30), requested=10 * M) == 151_800
    with pytest.raises(RuleNotAvailableError, match="allow_recalled"):
        enforcement_fee(10 * M, date(2020, 1, 1), requested=10 * M)
    # recalled: 1.490.000 from 07/2019 → free up to 2.980.000
    assert enforcement_fee(2_980_000, date(2020, 1, 1), requested=10 * M, allow_recalled=True) == 0


def test_which_days_base_salary_is_an_explicit_option() -> None:
    # Requested 20/06/2026 (base salary 2.340.000, line 4.680.000), 5.000.000 received
    # 01/06/2026 — both before 01/07; with the receipt's or the request's day the same.
    # Across the change: received 03/08/2026 with the last known schedule, requested
    # 20/06/2026: on the receipt's day the line is 5.060.000 → 0; on the request's day
    # 4.680.000 → 3 % × 5.000.000 = 150.000.
    args = {"requested": 10 * M, "requested_on": date(2026, 6, 20), "allow_last_known": True}
    assert enforcement_fee(5 * M, date(2026, 8, 3), **args) == 0  # type: ignore[arg-type]
    assert enforcement_fee(5 * M, date(2026, 8, 3), base_salary_on="request", **args) == 150_000  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match="requested_on"):
        enforcement_fee(5 * M, ON, requested=10 * M, base_salary_on="request")


def test_case_fee_under_each_law_names_the_payer() -> None:
    # 100 triệu owed; 10 triệu received 01/06/2026 (TT 216: 3 % × 10 triệu = 300.000,
    # the creditor pays, Art. 2) and 10 triệu on 05/08/2026 (Law 106/2025 Art. 53(1): the
    # requesting party pays; schedule only last known).
    c = case(
        "F2",
        date(2026, 5, 4),
        100 * M,
        (ev(date(2026, 6, 1), "collected", 10 * M), ev(date(2026, 8, 5), "collected", 10 * M)),
    )
    got = case_fee(c, on=date(2026, 11, 28))
    assert [(r.fee, r.known, r.payer) for r in got.receipts] == [
        (300_000, True, Payer.CREDITOR),
        (None, False, Payer.REQUESTING_PARTY),
    ]
    assert got.total is None
    with pytest.raises(RuleNotAvailableError):
        case_fee(c, on=date(2026, 11, 28), strict=True)
    # last known: 3 % × 20 triệu − 300.000 = 300.000, marked not known
    last = case_fee(c, on=date(2026, 11, 28), allow_last_known=True)
    assert (last.receipts[1].fee, last.receipts[1].known) == (300_000, False)


def test_bad_amounts_give_the_librarys_errors() -> None:
    with pytest.raises(ThadsError, match="int number of đồng"):
        enforcement_fee(1.5, ON, requested=10 * M)  # type: ignore[arg-type]
    with pytest.raises(ThadsError, match="beyond"):
        enforcement_fee(10**30, ON, requested=10**30)
    with pytest.raises(ThadsError, match="datetime"):
        enforcement_fee(10 * M, datetime(2025, 3, 1, 10, 0), requested=10 * M)  # type: ignore[arg-type]


@given(st.integers(0, 30 * TY), st.integers(0, 30 * TY), st.integers(0, 40 * TY))
def test_fee_never_decreases_and_receipts_add_up(a: int, b: int, requested: int) -> None:
    low, high = sorted((a, b))
    whole = enforcement_fee(high, ON, requested=requested)
    assert enforcement_fee(low, ON, requested=requested) <= whole
    split = enforcement_fee(low, ON, requested=requested) + enforcement_fee(
        high - low, ON, requested=requested, received_before=low
    )
    assert split == whole
    if requested <= 4_680_000 or high <= 4_680_000:
        assert whole == 0
