"""Money (tiền): int đồng, the unit constants, and what is refused (thads.money)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thads import Debt, Event, InvalidRecordError
from thads.errors import MoneyTypeError
from thads.fmt import parse_money
from thads.values import NGHIN, TRIEU, TY, to_dong


def test_units_are_powers_of_a_thousand() -> None:
    # nghìn = 10^3, triệu = 10^6, tỷ = 10^9 đồng
    assert (NGHIN, TRIEU, TY) == (1_000, 1_000_000, 1_000_000_000)
    assert TY == 1_000 * TRIEU == 1_000_000 * NGHIN


def test_published_amounts_in_dong() -> None:
    # Quảng Ngãi 2020 (statistics-rules.md §9 J): 500.283.352 + 588.190.067 nghìn đồng
    carried = 500_283_352 * NGHIN
    new = 588_190_067 * NGHIN
    assert carried + new == parse_money("1.088.473.419 nghìn đồng") == 1_088_473_419_000
    # national 2020 (§9 C): 53.750,695 tỷ = 53.750.695 triệu
    assert parse_money("53.750,695 tỷ") == 53_750_695 * TRIEU == 53_750_695_000_000
    # a mixed amount: 470 tỷ 581 triệu 046 nghìn
    assert parse_money("470 tỷ 581 triệu 046 nghìn đồng") == 470 * TY + 581 * TRIEU + 46 * NGHIN


def test_to_dong_keeps_ints_and_whole_decimals() -> None:
    assert to_dong(0) == 0
    assert to_dong(123_456_789_012) == 123_456_789_012
    assert to_dong(Decimal("2491000000000")) == 2_491 * TY
    assert to_dong(Decimal("5.000")) == 5  # a whole number written with places
    assert type(to_dong(Decimal("7"))) is int


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (1.5, "float"),
        (100.0, "float"),  # a whole float is still a float
        (True, "bool"),
        (Decimal("0.5"), "not a whole number"),
        ("1000", "str"),
        (None, "NoneType"),
    ],
)
def test_to_dong_refuses_everything_else(value: object, reason: str) -> None:
    with pytest.raises(MoneyTypeError, match=reason) as error:
        to_dong(value, what="Debt.amount")
    assert "Debt.amount" in str(error.value)  # the message names the field
    assert isinstance(error.value, TypeError)  # and it is a TypeError as well


def test_money_on_the_types_is_refused_with_record_and_field() -> None:
    # Whatever the error class, the message must name the record and the field.
    with pytest.raises((MoneyTypeError, InvalidRecordError), match=r"Debt.*amount") as debt:
        Debt(1.5)  # type: ignore[arg-type]
    assert "float" in str(debt.value)
    with pytest.raises((MoneyTypeError, InvalidRecordError), match=r"Event.*amount"):
        Event(date(2024, 1, 1), "collected", 2.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match=r"Debt.*amount.*negative"):
        Debt(-1)


@given(st.integers(min_value=0, max_value=10**15))
def test_an_amount_reads_the_same_in_every_written_form(value: int) -> None:
    # The same amount written four ways, each formed here by Python's own formatting:
    # Vietnamese grouping with dots (1.234.567 đồng), in nghìn đồng (×1000), as a
    # Decimal with three zero places, and negated (a refund: the caller decides).
    grouped = f"{value:,}".replace(",", ".")
    assert parse_money(f"{grouped} đồng") == value
    assert parse_money(f"{grouped} nghìn đồng") == value * NGHIN
    whole = to_dong(Decimal(f"{value}.000"))
    assert whole == value and type(whole) is int
    assert to_dong(-value) == -value and type(to_dong(value)) is int


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_no_float_is_ever_money(value: float) -> None:
    with pytest.raises(MoneyTypeError):
        to_dong(value)
