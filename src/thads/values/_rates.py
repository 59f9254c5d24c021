"""Rates (tỷ lệ), percentage points (điểm phần trăm) and changes (tăng, giảm).

A :class:`Rate` is an exact ratio of two integers; its :attr:`Rate.percent` is rounded
half-up to two places only for display and for published comparisons
(docs/sources/statistics.md §3.4: every verified figure matches half-up rounding of the exact
ratio; percentage-point gaps are taken between the rounded rates).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import attrs

from thads import validate
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
    if type(value) is not int or value < 0:
        validate.quantity(value, "Rate", attribute.name)


def _two_places(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):
        raise InvalidRecordError("Points", "value", f"give a Decimal, not the float {value!r}")
    return Decimal(value).quantize(Decimal("0.01"))


@attrs.frozen(order=True)
class Points:
    """A difference in percentage points (điểm phần trăm), e.g. ``+0,10``.

    Published gaps are taken between rates already rounded to two places, so ``value``
    is a :class:`~decimal.Decimal` with two places. Points add and subtract (``+``,
    ``-``, unary ``-``, ``abs``) and compare by value.

    A province 0,10 points over its quota of 82,80 % and 5,44 over 45,80 % by money:

    >>> Rate(10289, 12411).points_over(Decimal("82.80"))
    Points(value=Decimal('0.10'))
    >>> Points(Decimal("0.10")) + Points(Decimal("5.44"))
    Points(value=Decimal('5.54'))
    >>> -Points(Decimal("0.10"))
    Points(value=Decimal('-0.10'))
    """

    value: Decimal = attrs.field(converter=_two_places)

    def __str__(self) -> str:
        sign = "+" if self.value > 0 else ""
        return f"{sign}{self.value}"

    def __neg__(self) -> Points:
        return Points(-self.value)

    def __pos__(self) -> Points:
        return self

    def __abs__(self) -> Points:
        return Points(abs(self.value))

    def __add__(self, other: object) -> Points:
        if not isinstance(other, Points):
            return NotImplemented
        return Points(self.value + other.value)

    def __sub__(self, other: object) -> Points:
        if not isinstance(other, Points):
            return NotImplemented
        return Points(self.value - other.value)

    @property
    def is_over(self) -> bool:
        """True when the gap is positive (vượt), False when zero or negative."""
        return self.value > 0


_FORMAT = re.compile(r"(?P<head>.*?)(?:\.(?P<places>\d+))?(?P<type>[fF%])")


@attrs.frozen(eq=False, order=False)
class Rate:
    """A ratio ``numerator / denominator`` (tỷ lệ), kept exact.

    ``exact`` is the exact fraction (0..1 for a share), ``percent`` the value × 100
    rounded half-up to 2 places. Rates are values: equal when their exact values are
    equal (``Rate(1, 2) == Rate(2, 4)``), ordered by exact value (two rates that print
    the same percent still sort by their exact values), hashable; ``float(rate)`` is the
    share (0.5), and ``format(rate, ".1%")`` / ``format(rate, ".3f")`` format the exact
    share rounded half-up.

    10.289 cases resolved of 12.411 with conditions (a published result):

    >>> r = Rate(10289, 12411)
    >>> r.percent
    Decimal('82.90')
    >>> r.exact
    Fraction(10289, 12411)
    >>> Rate(1, 2) == Rate(2, 4)
    True

    A tie at the third decimal rounds up (0,125 % → 0,13 %, not 0,12 %):

    >>> Rate(1, 800).percent
    Decimal('0.13')
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

    # value semantics: compare numerator × other denominator (denominators are > 0)
    def _cross(self, other: object) -> tuple[int, int] | None:
        if not isinstance(other, Rate):
            return None
        return self.numerator * other.denominator, other.numerator * self.denominator

    def __eq__(self, other: object) -> bool:
        pair = self._cross(other)
        return NotImplemented if pair is None else pair[0] == pair[1]

    def __ne__(self, other: object) -> bool:
        pair = self._cross(other)
        return NotImplemented if pair is None else pair[0] != pair[1]

    def __lt__(self, other: object) -> bool:
        pair = self._cross(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._cross(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._cross(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._cross(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]

    def __hash__(self) -> int:
        return hash(self.exact)

    def __float__(self) -> float:
        return self.numerator / self.denominator  # int / int is correctly rounded

    def __format__(self, spec: str) -> str:
        """Format the exact share: ``""`` as :meth:`__str__`; types ``f``, ``F`` and
        ``%`` (× 100) with the usual fill, align, sign, width and grouping, rounded
        half-up from the exact value (6 places when none is given, as for float)."""
        if not spec:
            return str(self)
        match = _FORMAT.fullmatch(spec)
        if match is None:
            raise ValueError(
                f"format {spec!r} is not supported for Rate; use a spec ending in "
                "'f', 'F' or '%' (e.g. '.1%', '.3f') or no spec"
            )
        places = int(match["places"]) if match["places"] is not None else 6
        extra = 2 if match["type"] == "%" else 0  # '%' shows the share × 100
        # rounded exactly here, so Decimal's own formatting has nothing left to round
        return format(round_half_up(self.exact, places + extra), spec)


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


def _check_term(instance: Change, attribute: attrs.Attribute[int], value: int) -> None:
    validate.quantity(value, "Change", attribute.name)


@attrs.frozen
class Change:
    """Change of a count or an amount against the same period last year (so với cùng kỳ).

    ``delta`` = current − previous; ``percent`` = delta / previous × 100 rounded half-up,
    or ``None`` when the previous value is zero.

    736.747 cases against 697.667 in the same period: +39.080, or +5,60 %:

    >>> c = Change(736747, 697667)
    >>> c.delta, c.percent
    (39080, Decimal('5.60'))
    >>> Change(5, 0).percent is None
    True
    """

    current: int = attrs.field(validator=_check_term)
    previous: int = attrs.field(validator=_check_term)

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
