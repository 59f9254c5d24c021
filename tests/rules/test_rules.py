"""Regimes: chosen by date; which stays count as enforceable; the money numerator."""

from __future__ import annotations

from datetime import date

import pytest

from thads import RuleNotAvailableError, StatisticalPeriod, Tally, regime_by_code, regime_for
from thads.law import ground_code as normalize_ground


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2017, 6, 30), "tt01_2013"),
        (date(2020, 1, 4), "tt01_2013"),
        (date(2020, 1, 5), "tt06_2019"),
        (date(2024, 7, 25), "tt06_2019"),
        (date(2024, 7, 26), "tt05_2024"),
        (date(2026, 6, 30), "tt05_2024"),
    ],
)
def test_regime_by_date(day: date, code: str) -> None:
    assert regime_for(day).code == code


def test_from_july_2026_the_new_circular_is_known_only_by_name() -> None:
    # TT 05/2026/TT-BTP applies from 01/07/2026; its forms were not read (docs/regimes.md)
    with pytest.raises(RuleNotAvailableError, match="05/2026"):
        regime_for(date(2026, 7, 1))
    regime = regime_for(date(2026, 9, 30), allow_last_known=True)
    assert regime.code == "tt05_2026"
    assert "05/2024" in regime.title  # every output names the rules it counted with


def test_regime_of_a_period_is_the_one_on_its_last_day() -> None:
    assert regime_for(StatisticalPeriod(2020, 3)).code == "tt01_2013"  # ends 31/12/2019
    assert regime_for(StatisticalPeriod(2020, 4)).code == "tt06_2019"  # ends 31/01/2020


def test_before_2013_is_not_invented() -> None:
    with pytest.raises(RuleNotAvailableError, match="02/2006"):
        regime_for(date(2010, 1, 1))
    with pytest.raises(RuleNotAvailableError):
        regime_by_code("tt99_2030")


@pytest.mark.parametrize(
    ("ground", "normal"),
    [("48.1.c", "48.1.c"), ("Điều 48(1)(c)", "48.1.c"), ("48(1)(đ)", "48.1.đ"), (None, None)],
)
def test_normalize_ground(ground: str | None, normal: str | None) -> None:
    assert normalize_ground(ground) == normal


def test_stays() -> None:
    old, new = regime_by_code("tt01_2013"), regime_by_code("tt06_2019")
    assert old.stay_row(suspended=True, ground=None) == "postponed"
    assert new.stay_row(suspended=False, ground="48(1)(c)") == "postponed"
    assert new.stay_row(suspended=False, ground="48.1.a") == "stayed"
    assert new.stay_row(suspended=True, ground="48.1.c") == "stayed"


def test_money_numerator_option() -> None:
    money = Tally(new=100, completed=30, terminated=10, reduced=5, in_progress=55)
    default = regime_by_code("tt05_2024")
    rate = default.rate(money, "money")
    assert rate is not None
    assert (rate.numerator, rate.denominator) == (45, 100)
    cash_only = default.with_options(money_resolved_rows=frozenset({"completed"}))
    rate = cash_only.rate(money, "money")
    assert rate is not None
    assert (rate.numerator, rate.denominator) == (30, 85)
    with pytest.raises(ValueError, match="completed"):
        default.with_options(money_resolved_rows=frozenset({"terminated"}))
