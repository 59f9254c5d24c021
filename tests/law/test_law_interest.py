"""Late-payment interest (lãi chậm thi hành án), hand-worked (legal-rules.md)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import M
from thads.law import (
    late_interest,
)


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
