"""Case-level legal rules, with hand-worked examples (legal-rules.md)."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import M
from thads import MissingExtraError, RuleNotAvailableError
from thads.law import (
    Calendar,
    Claim,
    FeeReduction,
    PaymentTier,
    add_working_days,
    allocate,
    enforcement_fee,
    exemption,
    late_interest,
    period_end,
)

TET_2026 = Calendar(holidays={date(2026, 2, 16) + timedelta(days=i) for i in range(5)})
"""Tết Bính Ngọ: 16–20/02/2026, Monday to Friday (legal-rules.md §8.2)."""
NO_HOLIDAYS = Calendar()


# --- time computation -------------------------------------------------------------------


def test_ten_day_period_ending_in_tet_moves_to_the_next_working_day() -> None:
    # Notice on Friday 06/02/2026; day 1 is 07/02; day 10 is Monday 16/02 = Tết eve.
    # 16–20/02 are Tết, 21–22/02 a weekend: the period ends on Monday 23/02/2026.
    assert period_end(date(2026, 2, 6), days=10, calendar=TET_2026) == date(2026, 2, 23)
    assert period_end(date(2026, 2, 6), days=10, calendar=NO_HOLIDAYS) == date(2026, 2, 16)


def test_working_days_skip_tet_and_weekends() -> None:
    # From Thursday 12/02/2026: Fri 13 (1), Tết 16–20, Mon 23 (2), 24 (3), 25 (4), 26 (5).
    assert add_working_days(date(2026, 2, 12), 5, TET_2026) == date(2026, 2, 26)


def test_make_up_saturday_is_a_working_day() -> None:
    cal = Calendar(holidays={date(2026, 8, 31)}, workdays={date(2026, 8, 22)})
    # Thursday 20/08/2026: Fri 21 (1), Sat 22 worked in exchange for 31/08 (2).
    assert add_working_days(date(2026, 8, 20), 2, cal) == date(2026, 8, 22)


def test_month_and_year_periods_end_on_the_matching_day() -> None:
    assert period_end(date(2024, 8, 31), months=6, roll=False) == date(2025, 2, 28)
    assert period_end(date(2024, 2, 29), years=1, roll=False) == date(2025, 2, 28)


def test_the_holidays_package_knows_tet() -> None:
    pytest.importorskip("holidays")
    from thads.law import VietnamCalendar

    assert period_end(date(2026, 2, 6), days=10, calendar=VietnamCalendar()) == date(2026, 2, 23)
    extra = VietnamCalendar(extra_days_off={date(2026, 2, 23)})
    assert period_end(date(2026, 2, 6), days=10, calendar=extra) == date(2026, 2, 24)


def test_without_a_calendar_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "holidays", None)
    with pytest.raises(MissingExtraError, match=r"thads\[holidays\]"):
        add_working_days(date(2026, 2, 12), 5)


# --- late interest ----------------------------------------------------------------------


def test_interest_with_two_partial_payments() -> None:
    # 100 triệu from 01/01/2025 to 31/12/2025 at 10 %/year (no rate agreed), actual/365.
    # 90 days on 100 triệu, 183 days on 60 triệu (40 paid 01/04), 91 days on 30 triệu
    # (30 paid 01/10): (100×90 + 60×183 + 30×91) triệu × 10 % / 365 = 6.221.917,8 → 6.221.918.
    r = late_interest(
        100 * M,
        date(2025, 1, 1),
        date(2025, 12, 31),
        day_count="actual/365",
        payments=[(date(2025, 4, 1), 40 * M), (date(2025, 10, 1), 30 * M)],
    )
    assert r.interest == 6_221_918
    assert r.rate == Decimal("10")
    assert r.principal_outstanding == 30 * M
    assert r.interest_paid == 0


def test_interest_cap_exclusions_and_convention() -> None:
    # agreed 25 % is capped at 20 %: 10 triệu × 20 % × 73 / 365 = 400.000
    r = late_interest(
        10 * M,
        date(2025, 1, 1),
        date(2025, 3, 15),
        day_count="actual/365",
        rate=Decimal("25"),
        agreed=True,
    )
    assert r.rate == Decimal("20") and r.interest == 400_000
    # a stated (not agreed) rate is the judgment's: 12 % over 30 days actual/360 = 100.000
    r = late_interest(
        10 * M, date(2025, 1, 1), date(2025, 1, 31), day_count="actual/360", rate=Decimal("12")
    )
    assert r.interest == 100_000
    # 31 days of agreed postponement in May do not accrue: 10 triệu × 10 % × (365−31)/365
    r = late_interest(
        10 * M,
        date(2025, 1, 1),
        date(2026, 1, 1),
        day_count="actual/365",
        excluded=[(date(2025, 5, 1), date(2025, 5, 31))],
    )
    assert r.interest == 915_068  # 10.000.000 × 0,1 × 334 / 365 = 915.068,49...
    with pytest.raises(ValueError, match="day_count"):
        late_interest(1, date(2025, 1, 1), date(2025, 2, 1), day_count="30/360")  # type: ignore[arg-type]


def test_payment_beyond_principal_pays_interest() -> None:
    # 10 triệu, 10 %, 73 days → 200.000 accrued; paying 10.100.000 leaves 100.000 interest
    r = late_interest(
        10 * M,
        date(2025, 1, 1),
        date(2025, 3, 15),
        day_count="actual/365",
        payments=[(date(2025, 3, 15), 10_100_000)],
    )
    assert (r.interest, r.interest_paid, r.interest_outstanding) == (200_000, 100_000, 100_000)
    assert r.principal_outstanding == 0


@given(
    st.integers(0, 10**12),
    st.dates(date(2015, 1, 1), date(2026, 6, 30)),
    st.integers(0, 3000),
    st.lists(st.tuples(st.integers(0, 3000), st.integers(1, 10**11)), max_size=4),
)
def test_interest_is_never_negative(principal: int, start: date, days: int, pays: list) -> None:  # type: ignore[type-arg]
    end = start + timedelta(days=days)
    payments, left = [], principal
    for offset, amount in pays:
        if left <= 0:
            break
        part = min(amount, left)
        payments.append((start + timedelta(days=min(offset, days)), part))
        left -= part
    r = late_interest(principal, start, end, day_count="actual/365", payments=payments)
    assert r.interest >= 0
    assert 0 <= r.principal_outstanding <= principal


# --- enforcement fee --------------------------------------------------------------------

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


# --- exemption --------------------------------------------------------------------------


def test_exemption_exactly_at_thresholds() -> None:
    first = date(2015, 6, 1)
    # partly paid (200.000 ≥ 1/50 of 5.200.000): remainder exactly 5.000.000
    at_five = exemption(5_200_000, 200_000, first, date(2020, 6, 1))
    assert not at_five.eligible  # Art. 61(2) needs a remainder under 5.000.000 at 5 years
    at_ten = exemption(5_200_000, 200_000, first, date(2025, 6, 1))
    assert (at_ten.eligible, at_ten.outcome, at_ten.max_amount) == (True, "exemption", 5_000_000)
    assert not exemption(5_200_000, 200_000, first, date(2025, 5, 31)).eligible
    # nothing paid, item 1.999.999: exactly 5 years → full exemption; a day earlier → not
    assert exemption(1_999_999, 0, first, date(2020, 6, 1)).eligible
    assert not exemption(1_999_999, 0, first, date(2020, 5, 31)).eligible
    # exactly 1/50 paid counts as partly paid
    assert exemption(5_000_000, 100_000, first, date(2020, 6, 1)).outcome == "exemption"


def test_reductions_and_limits() -> None:
    first = date(2014, 1, 1)
    r = exemption(110_000_000, 10_000_000, first, date(2019, 1, 1))  # remainder 100 triệu
    assert (r.outcome, r.max_amount) == ("reduction", 25_000_000)
    assert not exemption(110_000_001, 10_000_000, first, date(2019, 1, 1)).eligible
    r = exemption(110_000_001, 10_000_000, first, date(2024, 1, 1))  # 10 years: ≤ 1/5
    assert r.max_amount == 20_000_000
    r = exemption(410_000_000, 10_000_000, first, date(2024, 1, 1))
    assert r.max_amount == 50_000_000  # 1/5 of 400 triệu capped at 50 triệu
    once = exemption(
        110_000_000, 10_000_000, first, date(2019, 1, 1), last_decision_on=date(2018, 6, 1)
    )
    assert not once.eligible


def test_exemption_under_the_new_law_is_not_invented() -> None:
    with pytest.raises(RuleNotAvailableError):
        exemption(1_000_000, 0, date(2018, 1, 1), date(2026, 7, 1))
    assert exemption(
        1_000_000, 0, date(2018, 1, 1), date(2026, 7, 1), allow_last_known=True
    ).eligible


# --- payment order ----------------------------------------------------------------------


CLAIMS = [
    Claim("alimony", PaymentTier.ALIMONY_WAGES_INJURY, 20 * M),
    Claim("court-fee", PaymentTier.COURT_FEES, 3 * M),
    Claim("bank", PaymentTier.OTHER, 60 * M, interest=10 * M),
    Claim("neighbour", PaymentTier.OTHER, 40 * M),
]


def test_payment_order_by_tier_then_pro_rata() -> None:
    # 100 triệu: costs 5, alimony 20, court fee 3, then 72 over 100 of tier-3 principal:
    # bank 43,2, neighbour 28,8; no interest yet.
    a = allocate(100 * M, CLAIMS, costs=5 * M)
    assert a.costs == 5 * M
    assert a.paid == {
        "alimony": (20 * M, 0),
        "court-fee": (3 * M, 0),
        "bank": (43_200_000, 0),
        "neighbour": (28_800_000, 0),
    }
    assert a.surplus == 0


def test_payment_order_interest_after_principal_and_surplus() -> None:
    a = allocate(200 * M, CLAIMS, costs=5 * M)
    assert a.paid["bank"] == (60 * M, 10 * M)
    assert a.surplus == 200 * M - 5 * M - 20 * M - 3 * M - 100 * M - 10 * M


def test_pro_rata_rounding_keeps_every_dong() -> None:
    claims = [Claim(k, PaymentTier.OTHER, 1) for k in "abc"]
    a = allocate(2, claims)
    assert [a.paid[k][0] for k in "abc"] == [1, 1, 0]
    claims = [Claim(k, PaymentTier.OTHER, 10) for k in "abc"]
    a = allocate(10, claims)
    assert [a.paid[k][0] for k in "abc"] == [4, 3, 3]
