"""Vietnamese formatting and parsing of published numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thads import Rate
from thads.errors import FormatParseError
from thads.fmt import (
    format_count,
    format_money,
    format_percent,
    format_points,
    parse_count,
    parse_money,
    parse_percent,
)
from thads.values import Points


def test_formats() -> None:
    assert format_count(16_109) == "16.109"
    assert format_count(936_046) == "936.046"
    assert format_percent(Rate(10_289, 12_411)) == "82,90%"
    assert format_points(Points(Decimal("0.1"))) == "+0,10"
    assert format_points(Decimal("-3")) == "-3,00"
    assert format_money(2_491_000_000_000) == "2.491 tỷ đồng"
    assert format_money(645_624_000_000, places=2) == "645,62 tỷ đồng"
    assert format_money(1_500, "đồng") == "1.500 đồng"


@pytest.mark.parametrize(
    ("text", "dong"),
    [
        ("2.491 tỷ đồng", 2_491_000_000_000),
        ("470 tỷ 581 triệu 046 nghìn đồng", 470_581_046_000),
        ("1.088.473.419 nghìn đồng", 1_088_473_419_000),
        ("640,5 tỷ", 640_500_000_000),
        ("500 đồng", 500),
        ("12 triệu 500 nghìn", 12_500_000),
    ],
)
def test_parse_money(text: str, dong: int) -> None:
    assert parse_money(text) == dong


@pytest.mark.parametrize("text", ["", "tỷ", "1 triệu 2 tỷ", "abc", "1,5 đồng", "2.49 tỷ"])
def test_parse_money_errors(text: str) -> None:
    with pytest.raises(FormatParseError):
        parse_money(text)


def test_parse_percent_and_count() -> None:
    assert parse_percent("82,90%") == Decimal("82.90")
    assert parse_count("16.109") == 16_109
    with pytest.raises(FormatParseError):
        parse_count("16,5")


@given(st.integers(0, 10**15))
def test_count_round_trip(n: int) -> None:
    assert parse_count(format_count(n)) == n


@given(st.integers(0, 10**6).map(lambda n: n * 1_000_000_000))
def test_money_round_trip_whole_ty(dong: int) -> None:
    assert parse_money(format_money(dong)) == dong
