"""Rates (tỷ lệ), percentage points (điểm phần trăm) and changes (tăng, giảm).

A :class:`Rate` is an exact ratio of two integers; its :attr:`Rate.percent` is rounded
half-up to two places only for display and for published comparisons
(statistics-rules.md §3.4: every verified figure matches half-up rounding of the exact
ratio; percentage-point gaps are taken between the rounded rates).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from thads.errors import InvalidRecordError, UndefinedRateError

_HUNDRED = Fraction(100)


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Round an exact fraction half away from zero to ``places`` decimals.

    This is ``Decimal.quantize(..., ROUND_HALF_UP)`` done on the exact value, so no
    binary rounding error can move a tie.
    """
    scale = 10**places
    scaled = abs(value) * scale
    whole = int(scaled)  # floor, scaled is non-negative
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    sign = -1 if value < 0 else 1
    return (Decimal(sign * whole) / Decimal(scale)).quantize(Decimal(1).scaleb(-places))


def _check_count(instance: Rate, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRecordError("Rate", attribute.name, f"must be an int, not {value!r}")
    if value < 0:
        raise InvalidRecordError("Rate", attribute.name, f"must be >= 0, got {value}")


def _two_places(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):
        raise InvalidRecordError("Points", "value", f"give a Decimal, not the float {value!r}")
    return Decimal(value).quantize(Decimal("0.01"))


@attrs.frozen
class Points:
    """A difference in percentage points (điểm phần trăm), e.g. ``+0,10``.

    Published gaps are taken between rates already rounded to two places, so ``value``
    is a :class:`~decimal.Decimal` with two places.
    """

    value: Decimal = attrs.field(converter=_two_places)

    def __str__(self) -> str:
        sign = "+" if self.value > 0 else ""
        return f"{sign}{self.value}"

    def __neg__(self) -> Points:
        return Points(-self.value)

    @property
    def is_over(self) -> bool:
        """True when the gap is positive (vượt), False when zero or negative."""
        return self.value > 0


@attrs.frozen(order=False)
class Rate:
    """A ratio ``numerator / denominator`` (tỷ lệ), kept exact.

    ``exact`` is the exact fraction (0..1 for a share), ``percent`` the value × 100
    rounded half-up to 2 places.
    """

    numerator: int = attrs.field(validator=_check_count)
    denominator: int = attrs.field(validator=_check_count)

    def __attrs_post_init__(self) -> None:
        if self.denominator == 0:
            raise UndefinedRateError(
                f"rate {self.numerator}/0 is undefined: the denominator is zero"
            )

    @property
    def exact(self) -> Fraction:
        """The exact ratio as a :class:`~fractions.Fraction`."""
        return Fraction(self.numerator, self.denominator)

    @property
    def exact_percent(self) -> Fraction:
        """The exact ratio × 100."""
        return self.exact * _HUNDRED

    @property
    def percent(self) -> Decimal:
        """The percent rounded half-up to 2 places, as published (82,90 → 82.90)."""
        return round_half_up(self.exact_percent, 2)

    def points_over(self, other: Rate | Decimal) -> Points:
        """Percentage points of this rate over ``other`` (a rate or a target percent).

        Computed from the rounded percents, as published: 83.86 − 83.25 = +0.61.
        """
        base = other.percent if isinstance(other, Rate) else Decimal(other)
        return Points(self.percent - base)

    def __sub__(self, other: Rate) -> Points:
        return self.points_over(other)

    def __str__(self) -> str:
        return f"{self.percent}%"


def resolution_rate(*, resolved: int, enforceable: int) -> Rate:
    """Resolution rate (tỷ lệ thi hành xong) = resolved / enforceable (có điều kiện).

    Raises :class:`~thads.errors.InvalidRecordError` if ``resolved > enforceable``:
    a case cannot be resolved with conditions without being counted with conditions.
    """
    rate = Rate(resolved, enforceable)
    if resolved > enforceable:
        raise InvalidRecordError(
            "resolution rate",
            "resolved",
            f"resolved ({resolved}) exceeds enforceable ({enforceable})",
        )
    return rate


def share(part: int, whole: int) -> Rate:
    """Share of a whole (chiếm ...%), e.g. enforceable / to_enforce."""
    if part > whole:
        raise InvalidRecordError("share", "part", f"part ({part}) exceeds whole ({whole})")
    return Rate(part, whole)


@attrs.frozen
class Change:
    """Change of a count or an amount against the same period last year (so với cùng kỳ).

    ``delta`` = current − previous; ``percent`` = delta / previous × 100 rounded half-up,
    or ``None`` when the previous value is zero.
    """

    current: int
    previous: int

    @property
    def delta(self) -> int:
        """Absolute change (tăng +, giảm −)."""
        return self.current - self.previous

    @property
    def exact(self) -> Fraction | None:
        """Exact relative change as a fraction (not × 100), None if previous is 0."""
        if self.previous == 0:
            return None
        return Fraction(self.delta, self.previous)

    @property
    def percent(self) -> Decimal | None:
        """Relative change in percent, rounded half-up to 2 places."""
        exact = self.exact
        return None if exact is None else round_half_up(exact * _HUNDRED, 2)


def change(current: int, previous: int) -> Change:
    """Change of a count or amount: see :class:`Change`."""
    return Change(current, previous)


__all__ = ["Change", "Points", "Rate", "change", "resolution_rate", "round_half_up", "share"]
