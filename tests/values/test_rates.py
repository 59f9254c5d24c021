"""Rates, points, changes: exact fractions, half-up rounding, clear errors."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thads import InvalidRecordError, Points, Rate, resolution_rate
from thads.errors import UndefinedRateError
from thads.values import change, round_half_up


def test_exact_and_rounded() -> None:
    r = resolution_rate(resolved=10_289, enforceable=12_411)
    assert r.exact == Fraction(10_289, 12_411)
    assert r.percent == Decimal("82.90")
    assert str(r) == "82.90%"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(82_905, 1_000), "82.91"),  # a tie goes up
        (Fraction(82_904_999, 1_000_000), "82.90"),
        (Fraction(-3_265, 1_000), "-3.27"),  # half away from zero for a fall
        (Fraction(1, 3), "0.33"),
        (Fraction(0), "0.00"),
    ],
)
def test_round_half_up(value: Fraction, expected: str) -> None:
    assert round_half_up(value) == Decimal(expected)


def test_half_up_differs_from_bankers_rounding() -> None:
    # 1/8 = 12.5% exactly; to 0 places half-up gives 13 where banker's rounding gives 12.
    assert round_half_up(Fraction(25, 2), 0) == Decimal("13")
    assert Rate(1, 8).percent == Decimal("12.50")


def test_resolved_above_enforceable_is_an_error() -> None:
    with pytest.raises(InvalidRecordError, match="exceeds enforceable"):
        resolution_rate(resolved=11, enforceable=10)


def test_zero_denominator() -> None:
    with pytest.raises(UndefinedRateError):
        Rate(0, 0)


def test_negative_and_float_counts() -> None:
    with pytest.raises(InvalidRecordError, match="numerator"):
        Rate(-1, 5)
    with pytest.raises(InvalidRecordError, match="must be an int"):
        Rate(1.0, 5)  # type: ignore[arg-type]


def test_points_reject_floats_and_print_sign() -> None:
    assert str(Points(Decimal("0.1"))) == "+0.10"
    assert str(Points(Decimal("-3"))) == "-3.00"
    with pytest.raises(InvalidRecordError):
        Points(0.1)  # type: ignore[arg-type]


def test_change_with_zero_base() -> None:
    c = change(5, 0)
    assert c.delta == 5
    assert c.percent is None


@given(st.integers(0, 10**12), st.integers(1, 10**12))
def test_rate_is_between_0_and_100(a: int, b: int) -> None:
    resolved, enforceable = min(a, b), max(a, b)
    percent = resolution_rate(resolved=resolved, enforceable=enforceable).percent
    assert Decimal(0) <= percent <= Decimal(100)


@given(st.fractions(min_value=-1000, max_value=1000))
def test_rounding_is_within_half_a_unit(value: Fraction) -> None:
    rounded = Fraction(round_half_up(value))
    assert abs(rounded - value) <= Fraction(1, 200)
