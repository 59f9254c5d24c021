"""Money (tiền): an integer number of Vietnamese đồng.

Money is never a float. Published figures are written in tỷ (10^9), triệu (10^6) and
nghìn (10^3) đồng; :func:`thads.fmt.parse_money` turns such text into đồng.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from thads.errors import MoneyTypeError

NGHIN: Final = 1_000
"""One nghìn đồng (thousand)."""
TRIEU: Final = 1_000_000
"""One triệu đồng (million)."""
TY: Final = 1_000_000_000
"""One tỷ đồng (billion)."""


def to_dong(value: object, *, what: str = "amount") -> int:
    """Return ``value`` as an int number of đồng, or raise :class:`MoneyTypeError`.

    Accepts ``int`` and integral ``Decimal``; rejects ``float``, ``bool``, fractional
    amounts and anything else, naming ``what`` in the message.
    """
    if isinstance(value, bool):
        raise MoneyTypeError(f"{what}: money must be an int number of đồng, not a bool")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise MoneyTypeError(
            f"{what}: money must be an int number of đồng, not the float {value!r}"
        )
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise MoneyTypeError(f"{what}: {value} is not a whole number of đồng")
        return int(value)
    raise MoneyTypeError(f"{what}: money must be an int number of đồng, not {type(value).__name__}")


__all__ = ["NGHIN", "TRIEU", "TY", "to_dong"]
