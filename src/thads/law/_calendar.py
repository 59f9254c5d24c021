"""Time computation (cách tính thời hạn) under the Civil Code, and working days.

Civil Code 91/2015/QH13: periods run on the solar calendar (Art. 145); the first day is
not counted (Art. 147); a day period ends at the end of its last day, a month period on
the matching day of the last month or that month's last day, a year period on the
matching day and month (Art. 148(1)-(4)); a period whose last day is a weekly rest day or
a public holiday ends at the end of the next working day (Art. 148(5)).

Working days (ngày làm việc) are Monday–Friday less public holidays (Labour Code
45/2019/QH14 Art. 112, incl. the lunar Tết and Hùng Kings days) plus the make-up working
Saturdays announced each year; that definition is inferred (docs/law/time.md). The
calendar comes from the ``holidays`` package (extra ``thads[holidays]``) or from the
caller, who may add the days off the Prime Minister announces each year.

Inputs are checked here once for every rule of :mod:`thads.law`: a day is a
``datetime.date`` (a datetime is refused, it would lose or shift a day), an interval is
(first, last) with first ≤ last, overlapping intervals count once (their union), a count
is a whole number, and a period that would run past 31/12/9999 or a calendar without a
working day gives an :class:`~thads.errors.InvalidRecordError`, never a hang.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final, Protocol, runtime_checkable

import attrs
from dateutil.relativedelta import relativedelta

from thads import validate
from thads.errors import InvalidRecordError, MissingExtraError

Interval = tuple[date, date]
"""An inclusive interval of days (first, last)."""

MAX_DAYS_OFF: Final = 366
"""A calendar with no working day in this many days in a row is refused (not a hang)."""


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


def check_day(value: object, record: str, field: str) -> date:
    """``value`` as a day: a ``datetime.date``, never a datetime (with or without zone)."""
    return validate.day(value, record, field)


def check_count(value: object, record: str, field: str) -> int:
    """``value`` as a whole number ≥ 0 of days (not a bool, float or fraction)."""
    if type(value) is not int:
        raise InvalidRecordError(record, field, f"must be a whole number of days, not {value!r}")
    if value < 0:
        raise InvalidRecordError(record, field, "a period cannot be negative")
    return value


def union(intervals: Iterable[object], record: str, field: str) -> list[Interval]:
    """The union of inclusive intervals, sorted: overlapping days count once.

    Each interval is (first, last) of ``datetime.date`` with first ≤ last; a reversed
    interval or a datetime is refused.
    """
    checked: list[Interval] = []
    for item in intervals:
        if not isinstance(item, tuple) or len(item) != 2:
            raise InvalidRecordError(record, field, f"an interval is (first, last), not {item!r}")
        low = check_day(item[0], record, field)
        high = check_day(item[1], record, field)
        if high < low:
            raise InvalidRecordError(
                record,
                field,
                f"interval ({low}, {high}) is reversed: its last day is before its first",
            )
        checked.append((low, high))
    merged: list[Interval] = []
    for low, high in sorted(checked):
        if merged and low.toordinal() <= merged[-1][1].toordinal() + 1:
            if high > merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return merged


def _next_day(day: date) -> date:
    if day == date.max:
        raise InvalidRecordError(
            "period", "end", "runs past 31/12/9999, the last day thads can count"
        )
    return day + timedelta(days=1)


def next_working_day(day: date, calendar: WorkingCalendar) -> date:
    """``day`` itself if it is a working day, else the next one (Civil Code Art. 148(5))."""
    start = day
    for _ in range(MAX_DAYS_OFF):
        if calendar.is_working_day(day):
            return day
        day = _next_day(day)
    raise InvalidRecordError(
        "calendar", "working days", f"no working day in {MAX_DAYS_OFF} days from {start}"
    )


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
    start = check_day(start, "period", "start")
    for value, name in ((days, "days"), (months, "months"), (years, "years")):
        check_count(value, "period", name)
    try:
        end = start + relativedelta(years=years, months=months) + timedelta(days=days)
    except (OverflowError, ValueError):
        raise InvalidRecordError(
            "period", "end", f"{start} plus the period runs past 31/12/9999"
        ) from None
    return next_working_day(end, resolve_calendar(calendar)) if roll else end


def add_working_days(start: date, count: int, calendar: WorkingCalendar | None = None) -> date:
    """The ``count``-th working day after ``start`` (the start day is not counted)."""
    day = check_day(start, "period", "start")
    left = check_count(count, "period", "working days")
    cal = resolve_calendar(calendar)
    off = 0
    while left:
        day = _next_day(day)
        if cal.is_working_day(day):
            left -= 1
            off = 0
        else:
            off += 1
            if off >= MAX_DAYS_OFF:
                raise InvalidRecordError(
                    "calendar",
                    "working days",
                    f"no working day in {MAX_DAYS_OFF} days from {start}",
                )
    return day


__all__ = [
    "MAX_DAYS_OFF",
    "Calendar",
    "Interval",
    "VietnamCalendar",
    "WorkingCalendar",
    "add_working_days",
    "check_count",
    "check_day",
    "next_working_day",
    "period_end",
    "resolve_calendar",
    "union",
]
