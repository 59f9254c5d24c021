"""Vietnamese formatting (định dạng số) of counts, percents, points and money.

Vietnamese writes a dot between thousands and a comma before decimals: 16.109 cases,
82,90%, 2.491 tỷ đồng. The parsers read such published text back to exact values.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Final

from thads.errors import FormatParseError
from thads.values import NGHIN, TRIEU, TY, Points, Rate, round_half_up

UNITS: Final[dict[str, int]] = {"tỷ": TY, "triệu": TRIEU, "nghìn": NGHIN, "ngàn": NGHIN}
"""Money units in published text and their value in đồng."""


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return ".".join(reversed(out))


def format_decimal(value: Decimal | int, places: int | None = None) -> str:
    """Format a number the Vietnamese way: ``Decimal("1234.5")`` → ``"1.234,5"``."""
    number = Decimal(value)
    if places is not None:
        number = round_half_up(Fraction(number), places)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, frac = text.partition(".")
    return sign + _group(whole) + ("," + frac if frac else "")


def format_count(value: int) -> str:
    """A count of cases: ``16109`` → ``"16.109"``."""
    return format_decimal(value)


def format_percent(value: Rate | Decimal | None) -> str:
    """A rate or percent with two places: ``"82,90%"``; ``None`` gives ``"—"``."""
    if value is None:
        return "—"
    percent = value.percent if isinstance(value, Rate) else Decimal(value)
    return format_decimal(percent, 2) + "%"


def format_points(value: Points | Decimal | None) -> str:
    """Percentage points with a sign: ``"+0,10"``, ``"-3,00"``; ``None`` gives ``"—"``."""
    if value is None:
        return "—"
    number = value.value if isinstance(value, Points) else Decimal(value)
    sign = "+" if number > 0 else ""
    return sign + format_decimal(number, 2)


def format_money(dong: int, unit: str = "tỷ", places: int = 0) -> str:
    """Money in a published unit: ``format_money(2_491_000_000_000)`` → ``"2.491 tỷ đồng"``.

    ``unit`` is one of tỷ, triệu, nghìn or đồng; the value is rounded half-up to
    ``places`` decimals.
    """
    if unit == "đồng":
        return format_decimal(dong) + " đồng"
    try:
        size = UNITS[unit]
    except KeyError:
        raise FormatParseError(
            f"unknown money unit {unit!r}; use one of tỷ, triệu, nghìn, đồng"
        ) from None
    return format_decimal(round_half_up(Fraction(dong, size), places)) + f" {unit} đồng"


_NUMBER = r"[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[+-]?\d+(?:,\d+)?"


def parse_decimal(text: str) -> Decimal:
    """Parse a Vietnamese-formatted number: ``"16.109"`` → 16109, ``"82,90"`` → 82.90."""
    cleaned = text.strip()
    if not re.fullmatch(_NUMBER, cleaned):
        raise FormatParseError(f"{text!r} is not a Vietnamese-formatted number")
    try:
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the regex already checked the shape
        raise FormatParseError(f"{text!r} is not a number") from None


def parse_count(text: str) -> int:
    """Parse a count: ``"16.109"`` → ``16109``; a fraction is an error."""
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise FormatParseError(f"{text!r} is not a whole count")
    return int(value)


def parse_percent(text: str) -> Decimal:
    """Parse a percent: ``"82,90%"`` → ``Decimal("82.90")``."""
    return parse_decimal(text.strip().removesuffix("%").strip())


_MONEY_PART = re.compile(rf"\s*({_NUMBER})\s*(tỷ|triệu|nghìn|ngàn|đồng)?")


def parse_money(text: str) -> int:
    """Parse published money into đồng.

    ``"2.491 tỷ đồng"`` → 2_491_000_000_000; ``"470 tỷ 581 triệu 046 nghìn đồng"`` →
    470_581_046_000; ``"1.088.473.419 nghìn đồng"``; ``"640,5 tỷ"``. The result must be a
    whole number of đồng.
    """
    rest = text.strip().lower()
    rest = rest.removesuffix("đồng").removesuffix("vnđ").removesuffix("vnd").strip()
    if not rest:
        raise FormatParseError(f"{text!r} holds no amount")
    total = Decimal(0)
    last_size: int | None = None
    pos = 0
    while pos < len(rest):
        match = _MONEY_PART.match(rest, pos)
        if match is None or match.end() == pos:
            raise FormatParseError(f"cannot read money in {text!r} at {rest[pos:]!r}")
        number = parse_decimal(match.group(1))
        unit = match.group(2)
        size = 1 if unit in (None, "đồng") else UNITS[unit]
        if last_size is not None and size >= last_size:
            raise FormatParseError(f"units out of order in {text!r}")
        last_size = size
        total += number * size
        pos = match.end()
    if total != total.to_integral_value():
        raise FormatParseError(f"{text!r} is not a whole number of đồng")
    return int(total)


__all__ = [
    "UNITS",
    "format_count",
    "format_decimal",
    "format_money",
    "format_percent",
    "format_points",
    "parse_count",
    "parse_decimal",
    "parse_money",
    "parse_percent",
]
