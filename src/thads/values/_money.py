"""Money (tiền): an integer number of Vietnamese đồng.

Money is never a float (:func:`thads.validate.money` is the check); :func:`split`
shares an amount pro rata in whole đồng. Published figures are written in tỷ (10^9),
triệu (10^6) and nghìn (10^3) đồng; :func:`thads.fmt.parse_money` turns such text into
đồng.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Final

from thads import validate
from thads.errors import InvalidRecordError

NGHIN: Final = 1_000
"""One nghìn đồng (thousand)."""
TRIEU: Final = 1_000_000
"""One triệu đồng (million)."""
TY: Final = 1_000_000_000
"""One tỷ đồng (billion)."""


def to_dong(value: object, *, what: str = "amount") -> int:
    """Return ``value`` as an int number of đồng, or raise :class:`MoneyTypeError`.

    Accepts ``int`` and integral ``Decimal``; rejects ``float``, ``bool``, fractional
    amounts and anything else. ``what`` names the record and the field, written
    ``"record: field"`` (e.g. ``"payment order: costs"``). Negative amounts pass: the
    caller decides (see :func:`thads.validate.money`).

    >>> from decimal import Decimal
    >>> to_dong(Decimal("1200000"))
    1200000
    >>> to_dong(1.5)
    Traceback (most recent call last):
    ...
    thads.errors.MoneyTypeError: money: field 'amount': money must be an int ... float 1.5
    """
    record, sep, field = what.rpartition(": ")
    if not sep:
        record, field = "money", what
    return validate.money(value, record, field, negative=True)


def split(amount: int, weights: Sequence[int | Fraction]) -> list[int]:
    """Split ``amount`` đồng over ``weights`` pro rata, in whole đồng (chia theo tỷ lệ).

    Largest-remainder method: each part is the floor of its exact share; the đồng left
    by rounding go one each to the largest remainders (ties: the order given). The parts
    always add up to ``amount``. Weights are non-negative ints or Fractions, not all
    zero unless ``amount`` is zero.

    10 đồng over three equal weights: 3 each and the đồng left goes to the first:

    >>> split(10, [1, 1, 1])
    [4, 3, 3]
    """
    amount = validate.money(amount, "split", "amount")
    for weight in weights:
        if isinstance(weight, bool) or not isinstance(weight, (int, Fraction)) or weight < 0:
            raise InvalidRecordError(
                "split", "weights", f"a weight must be an int or Fraction >= 0, not {weight!r}"
            )
    total = sum(weights, Fraction(0))
    if total == 0:
        if amount == 0:
            return [0] * len(weights)
        raise InvalidRecordError("split", "weights", f"cannot split {amount} over zero weights")
    exact = [Fraction(weight) * amount / total for weight in weights]
    shares = [int(x) for x in exact]  # floor: every share is >= 0
    left = amount - sum(shares)
    order = sorted(range(len(exact)), key=lambda i: (shares[i] - exact[i], i))
    for i in order[:left]:
        shares[i] += 1
    return shares


__all__ = ["NGHIN", "TRIEU", "TY", "split", "to_dong"]
