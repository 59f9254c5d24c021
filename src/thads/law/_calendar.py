"""Time computation (cách tính thời hạn) under the Civil Code, and working days.

Civil Code 91/2015/QH13: periods run on the solar calendar (Art. 145); the first day is
not counted (Art. 147); a day period ends at the end of its last day, a month period on
the matching day of the last month or that month's last day, a year period on the
matching day and month (Art. 148(1)-(4)); a period whose last day is a weekly rest day or
a public holiday ends at the end of the next working day (Art. 148(5)).

Working days (ngày làm việc) are Monday–Friday less public holidays (Labour Code
45/2019/QH14 Art. 112, incl. the lunar Tết and Hùng Kings days) plus the make-up working
Saturdays announced each year; that definition is inferred (legal-rules.md §1.2). The
calendar comes from the ``holidays`` package (extra ``thads[holidays]``) or from the
caller, who may add the days off the Prime Minister announces each year.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol, runtime_checkable

import attrs
from dateutil.relativedelta import relativedelta

from thads.errors import InvalidRecordError, MissingExtraError


@runtime_checkable
class WorkingCalendar(Protocol):
    """Anything that tells whether a day is a working day."""

    def is_working_day(self, day: date) -> bool:
        """True if state offices work on ``day``."""
        ...


@attrs.frozen
class Calendar:
    """A calendar given by the caller: days off, make-up working days, the weekend.

    ``holidays``: public holidays and other days off (ngày nghỉ lễ, nghỉ bù);
    ``workdays``: make-up working days on a weekend (ngày làm bù).
    """

    holidays: frozenset[date] = attrs.field(default=frozenset(), converter=frozenset)
    workdays: frozenset[date] = attrs.field(default=frozenset(), converter=frozenset)
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=frozenset)

    def is_working_day(self, day: date) -> bool:
        """True if ``day`` is neither a holiday nor a weekend day (unless made a workday)."""
        if day in self.holidays:
            return False
        return day.weekday() not in self.weekend or day in self.workdays


class VietnamCalendar:
    """Vietnamese public holidays and swaps from the ``holidays`` package, per year.

    ``extra_days_off`` and ``extra_workdays`` override the package for days announced
    each year that it may not know yet.
    """

    def __init__(
        self, extra_days_off: Iterable[date] = (), extra_workdays: Iterable[date] = ()
    ) -> None:
        try:
            import holidays
        except ImportError:
            raise MissingExtraError(
                "holidays",
                "holidays",
                "Vietnamese working days (or pass calendar=thads.law.Calendar(...))",
            ) from None
        self._source = holidays.country_holidays("VN")
        self.extra_days_off = frozenset(extra_days_off)
        self.extra_workdays = frozenset(extra_workdays)

    def is_working_day(self, day: date) -> bool:
        """True if state offices work on ``day``."""
        if day in self.extra_days_off:
            return False
        if day in self.extra_workdays:
            return True
        return bool(self._source.is_working_day(day))


def resolve_calendar(calendar: WorkingCalendar | None) -> WorkingCalendar:
    """The caller's calendar, else the ``holidays`` package, else a clear error."""
    return calendar if calendar is not None else VietnamCalendar()


def next_working_day(day: date, calendar: WorkingCalendar) -> date:
    """``day`` itself if it is a working day, else the next one (Civil Code Art. 148(5))."""
    for _ in range(60):
        if calendar.is_working_day(day):
            return day
        day += timedelta(days=1)
    raise InvalidRecordError("calendar", "holidays", f"no working day in 60 days from {day}")


def period_end(
    start: date,
    *,
    days: int = 0,
    months: int = 0,
    years: int = 0,
    calendar: WorkingCalendar | None = None,
    roll: bool = True,
) -> date:
    """Last day of a period of calendar days, months or years that starts on ``start``.

    The start day is not counted (Art. 147); month and year periods end on the matching
    day (or the month's last day, Art. 148); with ``roll`` a last day that is not a
    working day moves to the next working day (Art. 148(5)).
    """
    if min(days, months, years) < 0:
        raise InvalidRecordError("period", "length", "a period cannot be negative")
    end = start + relativedelta(years=years, months=months) + timedelta(days=days)
    return next_working_day(end, resolve_calendar(calendar)) if roll else end


def add_working_days(start: date, count: int, calendar: WorkingCalendar | None = None) -> date:
    """The ``count``-th working day after ``start`` (the start day is not counted)."""
    if count < 0:
        raise InvalidRecordError("period", "length", "a period cannot be negative")
    cal = resolve_calendar(calendar)
    day = start
    left = count
    while left:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            left -= 1
    return day


__all__ = [
    "Calendar",
    "VietnamCalendar",
    "WorkingCalendar",
    "add_working_days",
    "next_working_day",
    "period_end",
    "resolve_calendar",
]
