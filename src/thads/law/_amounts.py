"""Money in the legal rules (tiền): whole đồng, bounded, rounded half-up once.

Amounts are ``int`` đồng (a float, bool or text is refused by :func:`thads.validate.money`)
and at most :data:`MAX_DONG`, far above any real debt, so an absurd amount is refused
with a clear error; results are exact fractions rounded half-up to whole đồng.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from thads import validate
from thads.errors import InvalidRecordError

MAX_DONG: Final = 10**18
"""The largest amount the legal rules take: 10^18 đồng (a trillion triệu)."""


def dong(value: object, record: str, field: str, *, negative: bool = False) -> int:
    """``value`` as whole đồng within ±:data:`MAX_DONG`."""
    amount = validate.money(value, record, field, negative=negative)
    if abs(amount) > MAX_DONG:
        raise InvalidRecordError(
            record, field, f"{amount} đồng is beyond {MAX_DONG:,} đồng, more than any debt"
        )
    return amount


def half_up(value: Fraction) -> int:
    """``value`` rounded half away from zero to whole đồng."""
    whole = int(abs(value) + Fraction(1, 2))
    return whole if value >= 0 else -whole


__all__ = ["MAX_DONG", "dong", "half_up"]
