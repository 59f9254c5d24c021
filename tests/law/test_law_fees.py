"""Enforcement fee (phí thi hành án), hand-worked against the tiers (legal-rules.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import M
from thads import RuleNotAvailableError
from thads.law import (
    FeeReduction,
    enforcement_fee,
)

ON = date(2025, 3, 1)  # base salary 2.340.000: free up to 4.680.000


def received_fee(amount: int, on: date, **options: object) -> int:
    """The fee with the free line keyed on the cumulative amount received (the option)."""
    return enforcement_fee(amount, on, threshold_on="received", **options)  # type: ignore[arg-type]


def test_fee_at_the_free_threshold() -> None:
    assert received_fee(4_680_000, ON) == 0
    assert received_fee(4_680_001, ON) == 140_400  # 3 % × 4.680.001 = 140.400,03


def test_fee_across_two_tiers_and_two_receipts() -> None:
    # 6 tỷ at once: 150 triệu + 2 % × 1 tỷ = 170 triệu
    assert received_fee(6_000_000_000, ON) == 170_000_000
    # 4 tỷ then 2 tỷ: 3 % × 4 tỷ = 120 triệu, then 170 − 120 = 50 triệu
    first = received_fee(4_000_000_000, ON)
    second = received_fee(2_000_000_000, ON, received_before=4_000_000_000)
    assert (first, second) == (120_000_000, 50_000_000)
    # receipts under the line are charged once the total passes it: 3 % × 5 triệu
    assert received_fee(3_000_000, ON) == 0
    assert received_fee(2_000_000, ON, received_before=3_000_000) == 150_000


def test_fee_top_tier() -> None:
    # 20 tỷ: 245 triệu + 0,01 % × 5 tỷ = 245.500.000
    assert received_fee(20_000_000_000, ON) == 245_500_000


def test_fee_reductions_and_exemptions() -> None:
    assert received_fee(4_000_000_000, ON, settled_before_coercion=True) == 40_000_000
    assert received_fee(4_000_000_000, ON, within_voluntary_period=True) == 0
    assert received_fee(4_000_000_000, ON, not_chargeable=True) == 0
    assert received_fee(4_000_000_000, ON, reduction=FeeReduction.POOR_HOUSEHOLD) == 24_000_000
    assert (
        received_fee(4_000_000_000, ON, reduction=FeeReduction.ASSETS_IDENTIFIED_WITH_FORCE)
        == 96_000_000
    )
    with pytest.raises(ValueError, match=r"0\.\.80"):
        received_fee(
            4_000_000_000,
            ON,
            reduction=FeeReduction.POOR_HOUSEHOLD,
            reduction_percent=Decimal("90"),
        )


def test_fee_after_july_2026_is_not_invented() -> None:
    with pytest.raises(RuleNotAvailableError):
        received_fee(10 * M, date(2026, 7, 1))
    # opting in: TT 216 with the new base salary 2.530.000 → free up to 5.060.000
    assert received_fee(5_060_000, date(2026, 7, 1), allow_last_known=True) == 0
    assert received_fee(5_060_000, date(2026, 6, 30)) == 151_800
    with pytest.raises(RuleNotAvailableError, match="allow_recalled"):
        received_fee(10 * M, date(2020, 1, 1))
    # recalled: 1.490.000 from 07/2019 → free up to 2.980.000
    assert received_fee(2_980_000, date(2020, 1, 1), allow_recalled=True) == 0


@given(st.integers(0, 30 * 10**9), st.integers(0, 30 * 10**9))
def test_fee_never_decreases_and_receipts_add_up(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert received_fee(low, ON) <= received_fee(high, ON)
    split = received_fee(low, ON) + received_fee(high - low, ON, received_before=low)
    assert split == received_fee(high, ON)
