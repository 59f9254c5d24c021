"""Working days and period ends (legal-rules.md §8: the calendar of time limits)."""

from __future__ import annotations

import sys
from datetime import date, timedelta

import pytest

from thads.errors import MissingExtraError
from thads.law import (
    Calendar,
    add_working_days,
    period_end,
)

TET_2026 = Calendar(holidays={date(2026, 2, 16) + timedelta(days=i) for i in range(5)})
"""Tết Bính Ngọ: 16–20/02/2026, Monday to Friday (legal-rules.md §8.2)."""
NO_HOLIDAYS = Calendar()


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
