"""Exemption and reduction (miễn, giảm nghĩa vụ thi hành án) at their thresholds."""

from __future__ import annotations

from datetime import date

import pytest

from thads import RuleNotAvailableError
from thads.law import (
    exemption,
)


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
