"""Statistical periods: 1 October to the end of the n-th month (TT 05/2024 Art. 5, 7)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thads import StatisticalPeriod
from thads.errors import PeriodError


def test_year_2023() -> None:
    p = StatisticalPeriod(2023, months=12)
    assert p.start == date(2022, 10, 1)
    assert p.end == date(2023, 9, 30)
    assert p.same_period_last_year() == StatisticalPeriod(2022, months=12)


@pytest.mark.parametrize(
    ("months", "end"),
    [
        (1, date(2022, 10, 31)),
        (3, date(2022, 12, 31)),
        (5, date(2023, 2, 28)),
        (6, date(2023, 3, 31)),  # Tuyên Quang "6 tháng (1/10/2022–31/3/2023)"
        (9, date(2023, 6, 30)),
        (10, date(2023, 7, 31)),
        (12, date(2023, 9, 30)),
    ],
)
def test_end_of_each_cumulative_period(months: int, end: date) -> None:
    assert StatisticalPeriod(2023, months).end == end


def test_leap_february() -> None:
    assert StatisticalPeriod(2024, 5).end == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("label", "year", "months"),
    [
        ("9 tháng 2025", 2025, 9),
        ("6 tháng đầu năm 2023", 2023, 6),
        ("năm 2023", 2023, 12),
        ("Năm 2022", 2022, 12),
        ("12 tháng năm 2023", 2023, 12),
        ("9T/2025", 2025, 9),
    ],
)
def test_parse_labels(label: str, year: int, months: int) -> None:
    assert StatisticalPeriod.parse(label) == StatisticalPeriod(year, months)


@pytest.mark.parametrize("label", ["quý 3 2023", "13 tháng 2023", "2023", ""])
def test_bad_labels(label: str) -> None:
    with pytest.raises(PeriodError):
        StatisticalPeriod.parse(label)


@pytest.mark.parametrize("months", [0, 13, -1, True])
def test_months_outside_1_to_12(months: int) -> None:
    with pytest.raises(PeriodError, match="months"):
        StatisticalPeriod(2023, months)


def test_containing() -> None:
    assert StatisticalPeriod.containing(date(2022, 10, 1)) == StatisticalPeriod(2023, 1)
    assert StatisticalPeriod.containing(date(2023, 9, 30)) == StatisticalPeriod(2023, 12)
    assert StatisticalPeriod.containing(date(2025, 6, 15)) == StatisticalPeriod(2025, 9)


def test_months_of_year_and_labels() -> None:
    months = list(StatisticalPeriod(2023).months_of_year())
    assert [p.months for p in months] == list(range(1, 13))
    assert months[8].label == "9 tháng năm 2023"
    assert months[11].label == "năm 2023"


@given(st.dates(date(1950, 1, 1), date(2100, 12, 31)))
def test_containing_holds_the_day_and_ends_that_month(day: date) -> None:
    p = StatisticalPeriod.containing(day)
    assert day in p
    assert (p.end.year, p.end.month) == (day.year, day.month)
    assert p.start.month == 10 and p.start.day == 1
