"""Reporting calendar (thads.worklists.report_due): statistics-rules.md §4.2."""

from __future__ import annotations

from datetime import date

import pytest

from thads import StatisticalPeriod
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.law import Calendar
from thads.records import OfficeLevel
from thads.worklists import report_due, reporting_calendar

Q_DEC_2025 = StatisticalPeriod(2026, 3)  # 01/10/2025 - 31/12/2025 (a Wednesday)
NEW_YEAR_2026 = Calendar(holidays=[date(2026, 1, 1)])  # Thursday 01/01/2026 off


def test_quarter_ending_31_12_2025_after_new_year() -> None:
    # TT 05/2024 Art. 10, counted after 31/12/2025; Thu 01/01 off, Sat 03 - Sun 04 weekend:
    # working days after the end: Fri 02, Mon 05, Tue 06, Wed 07, Thu 08, Fri 09
    due = {
        lvl: report_due(Q_DEC_2025, lvl, calendar=NEW_YEAR_2026)
        for lvl in ("executor", "area", "province", "national")
    }
    assert due["executor"].due == date(2026, 1, 2)  # 1st working day
    assert due["area"].due == date(2026, 1, 5)  # 2nd
    assert due["province"].due == date(2026, 1, 7)  # 4th
    assert due["national"].due == date(2026, 1, 9)  # 6th
    assert {d.regime for d in due.values()} == {"tt05_2024"}
    assert due["area"].inferred and not due["province"].inferred
    assert "Điều 10" in due["executor"].basis


def test_quarter_ending_31_12_2025_with_holidays_package() -> None:
    pytest.importorskip("holidays")
    assert report_due(Q_DEC_2025, "executor").due == date(2026, 1, 2)
    assert report_due(Q_DEC_2025, OfficeLevel.PROVINCE).due == date(2026, 1, 7)


def test_period_ending_in_tet_2025() -> None:
    # 4 months of 2025 end Fri 31/01/2025, in Tết Ất Tỵ (27/01 - 01/02/2025, holidays 0.109
    # and the Prime Minister's notice): Sat 01/02 Tết, Sun 02/02 -> 1st working day Mon 03/02;
    # 6th: 03, 04, 05, 06, 07, 10/02
    tet = Calendar(holidays=[date(2025, 1, d) for d in range(27, 32)] + [date(2025, 2, 1)])
    period = StatisticalPeriod(2025, 4)
    assert report_due(period, "executor", calendar=tet).due == date(2025, 2, 3)
    assert report_due(period, "national", calendar=tet).due == date(2025, 2, 10)


def test_tt06_2019() -> None:
    # 3 months of 2021 end Thu 31/12/2020; Fri 01/01/2021 off -> Mon 04/01/2021
    period = StatisticalPeriod(2021, 3)
    cal = Calendar(holidays=[date(2021, 1, 1)])
    first = report_due(period, "executor", calendar=cal)
    assert (first.due, first.regime) == (date(2021, 1, 4), "tt06_2019")
    assert report_due(period, "military", calendar=cal).due == date(2021, 1, 5)
    with pytest.raises(RuleNotAvailableError, match="national"):
        report_due(period, "national", calendar=cal)


def test_tt01_2013_names_days_of_the_month() -> None:
    # year 2015 ends 30/09/2015: before the 2nd, 4th, 7th of October
    period = StatisticalPeriod(2015, 12)
    cal = Calendar()
    assert report_due(period, "executor", calendar=cal).due == date(2015, 10, 1)
    assert report_due(period, "district", calendar=cal).due == date(2015, 10, 3)
    assert report_due(period, "province", calendar=cal).due == date(2015, 10, 6)
    with pytest.raises(RuleNotAvailableError):
        report_due(period, "national", calendar=cal)


def test_options_and_errors() -> None:
    with pytest.raises(RuleNotAvailableError, match="area_as_district"):
        report_due(Q_DEC_2025, "area", calendar=NEW_YEAR_2026, area_as_district=False)
    with pytest.raises(InvalidRecordError, match="executor"):
        report_due(Q_DEC_2025, "ward", calendar=NEW_YEAR_2026)


def test_calendar_soonest_first() -> None:
    rows = reporting_calendar(
        [StatisticalPeriod(2026, 3), StatisticalPeriod(2026, 2)], calendar=NEW_YEAR_2026
    )
    # 2 months end Sun 30/11/2025: executor due Mon 01/12/2025 comes first
    assert (rows[0].period, rows[0].level, rows[0].due) == (
        StatisticalPeriod(2026, 2),
        "executor",
        date(2025, 12, 1),
    )
    assert [r.due for r in rows] == sorted(r.due for r in rows)
    assert len(rows) == 8
