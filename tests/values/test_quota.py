"""Quotas: attainment in points and pro-rata progress (statistics-rules.md §7.3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from thads import InvalidRecordError, Quota, Rate


def test_attainment_over_and_under() -> None:
    q = Quota(2020, "81", "38")  # Quảng Ngãi 2020: 78% is 3 points short, 41% is 3 over
    a = q.attainment(cases=Rate(78, 100), money=Rate(41, 100))
    assert a.cases is not None and a.money is not None
    assert a.cases.value == Decimal("-3.00")
    assert not a.cases.is_over
    assert a.money.value == Decimal("3.00")


def test_progress_pro_rata() -> None:
    q = Quota(2019, "73", "32")
    # 48.49 − 73 × 6 / 12 = 11.99 (plo.vn 841262)
    assert q.progress(Rate(4849, 10000), 6).value == Decimal("11.99")
    assert q.progress(Rate(1, 2), 12, by="money").value == Decimal("18.00")


def test_quota_targets_are_checked() -> None:
    with pytest.raises(InvalidRecordError, match="float"):
        Quota(2023, 82.8, "45.8")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match=r"outside 0\.\.100"):
        Quota(2023, "182", "45.8")
    assert Quota(2023, "82,80", "45,80%").cases == Decimal("82.80")
    with pytest.raises(InvalidRecordError, match="months"):
        Quota(2023, "82", "45").progress(Rate(1, 2), 13)


def test_progress_rounds_the_pro_rata_target_half_up_on_a_tie() -> None:
    # 82,82 % × 3 / 12 = 248,46 / 12 = 20,705 exactly: a tie at the third place.
    # Half-up (statistics-rules.md §3.4) gives 20,71; half-even would give 20,70.
    q = Quota(2023, "82.82", "41.41")
    # 1/2 = 50,00 %: 50,00 − 20,71 = +29,29 (half-even: +29,30)
    assert q.progress(Rate(1, 2), 3).value == Decimal("29.29")
    # money: 41,41 × 3 / 12 = 10,3525 → 10,35 (no tie); 1/4 = 25,00: 25,00 − 10,35 = +14,65
    assert q.progress(Rate(1, 4), 3, by="money").value == Decimal("14.65")
    # 9 months: 82,82 × 9 / 12 = 62,115 (another tie) → 62,12; 50,00 − 62,12 = −12,12
    assert q.progress(Rate(1, 2), 9).value == Decimal("-12.12")
