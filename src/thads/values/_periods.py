"""Statistical periods (kỳ thống kê).

The statistical year (năm thống kê) runs from 1 October to 30 September and is named
after the calendar year in which it ends. Reports are cumulative (lũy kế): the n-month
period runs from 1 October to the last day of the n-th month (TT 06/2019 Art. 4(2);
TT 05/2024 Art. 5(1), Art. 7).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs
from dateutil.relativedelta import relativedelta

from thads import validate
from thads.errors import PeriodError

YEAR_START_MONTH = 10
"""The statistical year starts on 1 October."""


def _check_year(instance: StatisticalPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PeriodError(f"StatisticalPeriod: year must be an int, not {value!r}")
    if not 1901 <= value <= 9998:
        raise PeriodError(f"StatisticalPeriod: year {value} is out of range")


def _check_months(instance: StatisticalPeriod, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise PeriodError(
            f"StatisticalPeriod: months must be a whole number from 1 to 12, got {value!r}"
        )


@attrs.frozen(order=True)
class StatisticalPeriod:
    """A cumulative reporting period (kỳ báo cáo lũy kế) of a statistical year.

    ``StatisticalPeriod(2023, months=12)`` is the year 2023 (năm 2023):
    1 October 2022 to 30 September 2023. ``months=9`` ends on 30 June 2023.

    >>> p = StatisticalPeriod(2023, months=9)
    >>> p.start, p.end
    (datetime.date(2022, 10, 1), datetime.date(2023, 6, 30))
    >>> p.label
    '9 tháng năm 2023'
    >>> p.same_period_last_year()
    StatisticalPeriod(year=2022, months=9)
    """

    year: int = attrs.field(validator=_check_year)
    months: int = attrs.field(default=12, validator=_check_months)

    @property
    def start(self) -> date:
        """First day: 1 October of ``year − 1``."""
        return date(self.year - 1, YEAR_START_MONTH, 1)

    @property
    def end(self) -> date:
        """Last day of the ``months``-th month (inclusive)."""
        return self.start + relativedelta(months=self.months) - timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        checked = validate.day(day, "StatisticalPeriod", "day")  # a datetime is refused
        return self.start <= checked <= self.end

    def same_period_last_year(self) -> StatisticalPeriod:
        """The same cumulative period one year earlier (cùng kỳ năm trước)."""
        return StatisticalPeriod(self.year - 1, self.months)

    def months_of_year(self) -> tuple[StatisticalPeriod, ...]:
        """The 12 cumulative periods of this statistical year, months 1 to 12 (a tuple)."""
        return tuple(StatisticalPeriod(self.year, months) for months in range(1, 13))

    @classmethod
    def containing(cls, day: date) -> StatisticalPeriod:
        """The cumulative period of the year that holds ``day``, ending with its month."""
        day = validate.day(day, "StatisticalPeriod", "day")
        year = day.year + 1 if day.month >= YEAR_START_MONTH else day.year
        months = (day.month - YEAR_START_MONTH) % 12 + 1
        return cls(year, months)

    @classmethod
    def parse(cls, label: str) -> StatisticalPeriod:
        """Parse a Vietnamese label: "9 tháng 2025", "6 tháng đầu năm 2023", "năm 2023".

        Also accepts "12 tháng năm 2023" and "9T/2025". The year is the statistical year.
        """
        text = " ".join(label.strip().lower().split())
        match = _LABEL.fullmatch(text)
        if match is None:
            raise PeriodError(
                f"cannot read {label!r} as a period; use e.g. '9 tháng 2025' or 'năm 2023'"
            )
        months = int(match.group("months")) if match.group("months") else 12
        return cls(int(match.group("year")), months)

    @property
    def label(self) -> str:
        """Vietnamese label: "năm 2023" for 12 months, else "9 tháng năm 2023"."""
        if self.months == 12:
            return f"năm {self.year}"
        return f"{self.months} tháng năm {self.year}"

    def __str__(self) -> str:
        return self.label


_LABEL = re.compile(
    r"(?:(?P<months>\d{1,2})\s*(?:tháng|t)\s*(?:đầu\s+)?(?:năm\s+)?[/ ]?\s*|năm\s+)"
    r"(?P<year>\d{4})"
)

__all__ = ["StatisticalPeriod"]
