"""Annual quotas (chỉ tiêu) and their attainment (vượt / thiếu chỉ tiêu).

A quota sets target resolution rates by cases and by money "on the total with
conditions" for one statistical year (docs/sources/statistics.md §7). Attainment is the gap in
percentage points between the rounded rate and the target (§7.3, verified: 83.86 − 83.25
= +0.61); progress (tiến độ) compares an n-month rate with the target × n / 12 (§7.3,
one verified example: 48.49 − 73 × 6/12 = +11.99).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import attrs

from thads import validate
from thads.errors import InvalidRecordError
from thads.values._rates import Points, Rate, round_half_up


def _percent(value: Decimal | int | str, field: str = "target") -> Decimal:
    if isinstance(value, float):
        raise InvalidRecordError(
            "Quota", field, f"give the target as a Decimal or str, not the float {value!r}"
        )
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise InvalidRecordError("Quota", field, f"not a percent: {value!r}")
    try:
        number = Decimal(str(value).replace(",", ".").removesuffix("%").strip())
    except ArithmeticError:
        raise InvalidRecordError("Quota", field, f"not a percent: {value!r}") from None
    if not Decimal(0) <= number <= Decimal(100):
        raise InvalidRecordError("Quota", field, f"{number} is outside 0..100")
    return number


def _cases_percent(value: Decimal | int | str) -> Decimal:
    return _percent(value, "cases")


def _money_percent(value: Decimal | int | str) -> Decimal:
    return _percent(value, "money")


def _year(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRecordError("Quota", "year", f"must be an int year, not {value!r}")
    return value


def _office(value: str | None) -> str | None:
    return validate.optional_text(value, "Quota", "office")


@attrs.frozen
class Attainment:
    """Points over (+, vượt) or under (−, thiếu) the quota, by cases and by money."""

    cases: Points | None
    money: Points | None


@attrs.frozen
class Quota:
    """The quota (chỉ tiêu) of one statistical year, for one office or for all (office=None).

    ``cases`` and ``money`` are target percents, e.g. ``Decimal("82.80")``.

    >>> q = Quota(year=2023, cases=Decimal("82.80"), money=Decimal("45.80"))
    >>> q.attainment(cases=Rate(10289, 12411)).cases
    Points(value=Decimal('0.10'))

    Progress (tiến độ) after 6 months against 73 %: 48,49 − 73 × 6 / 12 = 11,99 points (a
    published example), and what is still needed: ⌈82,80 % × 12.411⌉ = 10.277 − 10.000:

    >>> Quota(year=2019, cases=Decimal("73"), money=Decimal("32")).progress(Rate(4849, 10000), 6)
    Points(value=Decimal('11.99'))
    >>> q.needed("cases", enforceable=12411, resolved=10000)
    277
    """

    year: int = attrs.field(converter=_year)
    cases: Decimal = attrs.field(converter=_cases_percent)
    money: Decimal = attrs.field(converter=_money_percent)
    office: str | None = attrs.field(default=None, converter=_office)

    def attainment(self, *, cases: Rate | None = None, money: Rate | None = None) -> Attainment:
        """Points of the rates over the targets (negative: under the quota)."""
        return Attainment(
            cases=None if cases is None else cases.points_over(self.cases),
            money=None if money is None else money.points_over(self.money),
        )

    def progress(
        self, rate: Rate, months: int, *, by: Literal["cases", "money"] = "cases"
    ) -> Points:
        """Tiến độ: rate − target × months / 12, in points (rounded half-up)."""
        if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 12:
            raise InvalidRecordError("Quota.progress", "months", f"must be 1..12, got {months!r}")
        unit = validate.literal(by, ("cases", "money"), "Quota.progress", "by")
        target = self.cases if unit == "cases" else self.money
        pro_rata = round_half_up(Fraction(target) * months / 12, 2)
        return Points(rate.percent - pro_rata)

    def target(self, unit: Literal["cases", "money"]) -> Decimal:
        """The target percent for cases (về việc) or money (về tiền)."""
        return (
            self.cases
            if validate.literal(unit, ("cases", "money"), "Quota", "unit") == ("cases")
            else self.money
        )

    def needed(self, unit: Literal["cases", "money"], enforceable: int, resolved: int) -> int:
        """Cases or đồng still to resolve to reach the quota (cần giải quyết thêm).

        ``max(0, ⌈target × enforceable⌉ − resolved)``: how many more must be resolved by
        the end of the statistical year if the enforceable figure stays as it is.
        """
        return needed(self.target(unit), enforceable, resolved)


def needed(target: Decimal | Fraction | int, enforceable: int, resolved: int) -> int:
    """``max(0, ⌈target% × enforceable⌉ − resolved)``: cases or đồng still to resolve.

    ``target`` is a percent (``Decimal("82.80")``); ``enforceable`` and ``resolved`` are
    the figures of the rate (có điều kiện, giải quyết xong) under the regime.
    """
    if isinstance(target, (float, bool)) or not isinstance(target, (Decimal, Fraction, int)):
        raise InvalidRecordError("needed", "target", f"give a Decimal percent, not {target!r}")
    for name, value in (("enforceable", enforceable), ("resolved", resolved)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidRecordError("needed", name, f"must be an int >= 0, got {value!r}")
    share = Fraction(target) / 100
    if not 0 <= share <= 1:
        raise InvalidRecordError("needed", "target", f"{target} is outside 0..100")
    return max(0, math.ceil(share * enforceable) - resolved)


__all__ = ["Attainment", "Quota", "needed"]
