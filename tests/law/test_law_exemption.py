"""Exemption and reduction (miễn, giảm nghĩa vụ thi hành án) at their thresholds.

Law 26/2008 Art. 61 with TTLT 12/2015 until 30/06/2026; Law 106/2025 Art. 42–45 from
01/07/2026 (docs/law/exemption.md), by the day of review.
"""

from __future__ import annotations

from datetime import date

import pytest

from thads import RuleNotAvailableError
from thads.law import LawVersion, exemption


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


def test_art_44_law_106_2025_bands() -> None:
    first = date(2016, 7, 1)  # 10 years on 01/07/2026
    five, ten = date(2026, 7, 1), date(2026, 7, 1)
    new = LawVersion.LAW_2025
    # ≥ 5 years and remainder < 5.000.000 → exemption, nothing paid needed (the old
    # 2.000.000 tier and "partly paid" split are gone): 4.999.999 owed, 0 paid.
    r = exemption(4_999_999, 0, date(2021, 7, 1), five)
    assert (r.outcome, r.max_amount, r.law) == ("exemption", 4_999_999, new)
    # ≥ 10 years and 5.000.000 to 10.000.000 → exemption: 7.000.000.
    r = exemption(7_000_000, 0, first, ten)
    assert (r.outcome, r.max_amount) == ("exemption", 7_000_000)
    # the same at 5 years only → reduction ≤ 1/4 (5.000.000 to 100.000.000): 1.750.000.
    r = exemption(7_000_000, 0, date(2021, 7, 1), five)
    assert (r.outcome, r.max_amount) == ("reduction", 1_750_000)
    # 100.000.000 at 5 years → 1/4 = 25.000.000; 100.000.001 needs 10 years and 1/5.
    assert exemption(100_000_000, 0, date(2021, 7, 1), five).max_amount == 25_000_000
    assert not exemption(100_000_001, 0, date(2021, 7, 1), five).eligible
    r = exemption(400_000_000, 0, first, ten)
    assert (r.outcome, r.max_amount) == ("reduction", 50_000_000)  # 1/5 = 80 capped at 50
    # a day short of 5 years: not yet.
    assert not exemption(1_000_000, 0, date(2021, 7, 2), five).eligible
    # partly paid with special hardship or merit → the rest is exempted (any item).
    r = exemption(10_000_000, 1_000_000, date(2025, 1, 1), five, special_hardship=True)
    assert (r.outcome, r.max_amount) == ("exemption", 9_000_000)


def test_open_points_of_law_106_2025_raise_unless_last_known() -> None:
    first = date(2016, 7, 1)
    # exactly 10.000.000 after 10 years: inside the exemption band or not is unknown.
    with pytest.raises(RuleNotAvailableError, match=r"10\.000\.000"):
        exemption(10_000_000, 0, first, date(2026, 7, 1))
    r = exemption(10_000_000, 0, first, date(2026, 7, 1), allow_last_known=True)
    assert (r.outcome, r.max_amount, r.known) == ("reduction", 2_500_000, False)
    # "partly paid" with less than 1/50 paid: the TTLT 12/2015 test may not survive.
    with pytest.raises(RuleNotAvailableError, match="partly paid"):
        exemption(10_000_000, 100_000, date(2025, 1, 1), date(2026, 7, 1), special_hardship=True)
