"""Date ranges of the metrics (khoảng thời gian): any [start, end], a statistical
period or a calendar year."""

from __future__ import annotations

from datetime import date

import attrs

from thads.errors import InvalidRecordError
from thads.values import StatisticalPeriod

# --- date ranges ------------------------------------------------------------------------


def _check_day(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidRecordError("DateRange", attribute.name, f"must be a date, not {value!r}")


@attrs.frozen(order=True)
class DateRange:
    """Any period [start, end], both days included (khoảng thời gian, e.g. a đợt cao điểm).

    Metrics are counted for any range: a statistical year (1/10–30/9), a calendar year
    (1/1–31/12, as courts and CEPEJ count), a month, a campaign.
    """

    start: date = attrs.field(validator=_check_day)
    end: date = attrs.field(validator=_check_day)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidRecordError(
                "DateRange", "end", f"{self.end} is before the start {self.start}"
            )

    @property
    def days(self) -> int:
        """Length in days, both ends included (E − S + 1)."""
        return (self.end - self.start).days + 1

    @classmethod
    def of(cls, period: StatisticalPeriod) -> DateRange:
        """The days of a statistical period (kỳ thống kê)."""
        return cls(period.start, period.end)

    @property
    def label(self) -> str:
        """``01/10/2022–30/09/2023``."""
        return f"{self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    def __str__(self) -> str:
        return self.label


def calendar_year(year: int) -> DateRange:
    """The calendar year ``year``: 1 January to 31 December (năm dương lịch)."""
    return DateRange(date(year, 1, 1), date(year, 12, 31))


RangeLike = DateRange | StatisticalPeriod


def as_range(value: RangeLike) -> DateRange:
    """A :class:`DateRange` from a range or a statistical period."""
    if isinstance(value, StatisticalPeriod):
        return DateRange.of(value)
    if isinstance(value, DateRange):
        return value
    raise InvalidRecordError(
        "metrics", "range", f"give a DateRange or a StatisticalPeriod, not {value!r}"
    )
