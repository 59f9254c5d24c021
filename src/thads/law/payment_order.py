"""Order of payment of collected money (thứ tự thanh toán tiền thi hành án).

Legal basis (legal-rules.md §6): Law 26/2008/QH12 Art. 47. First the enforcement costs
(chi phí thi hành án) and, when the debtor's only home was sold, the sum kept for the
debtor to rent housing (Art. 115(5)); then in order (1) alimony, wages and labour pay,
compensation for life, health and mental suffering; (2) court fees; (3) all other sums.
Creditors of one tier share pro rata to what they are owed; within a claim the principal
is paid before late interest (Decree 152/2026 Art. 29). What is left goes back to the
debtor. No change is known under Law 106/2025 Art. 54; its list is unread.

Not modelled: secured creditors paid from the pledged asset first, bankruptcy, and the
cut-off by the date of the coercion decision (pass only the claims that share).
Pro rata shares are whole đồng; the đồng left by rounding go to the largest remainders
(ties: the order given), so the parts always add up to the amount.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from fractions import Fraction

import attrs

from thads.errors import InvalidRecordError
from thads.money import to_dong


class PaymentTier(IntEnum):
    """The tiers of Art. 47(1) (hàng ưu tiên)."""

    ALIMONY_WAGES_INJURY = 1
    """Cấp dưỡng; tiền lương, tiền công; bồi thường tính mạng, sức khỏe, tổn thất tinh thần."""
    COURT_FEES = 2
    """Án phí, lệ phí Tòa án."""
    OTHER = 3
    """Các khoản khác theo bản án, quyết định."""


@attrs.frozen
class Claim:
    """One creditor's claim: principal and late interest owed, in đồng."""

    claim_id: str
    tier: PaymentTier
    principal: int
    interest: int = 0


@attrs.frozen
class Allocation:
    """How a collected amount was paid out: costs, per claim (principal, interest), surplus."""

    costs: int
    reserve: int
    paid: dict[str, tuple[int, int]]
    surplus: int


def _pro_rata(amount: int, weights: Sequence[int]) -> list[int]:
    total = sum(weights)
    if amount >= total:
        return list(weights)
    exact = [Fraction(amount * w, total) for w in weights]
    shares = [int(x) for x in exact]
    left = amount - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def allocate(
    amount: int, claims: Sequence[Claim], *, costs: int = 0, housing_reserve: int = 0
) -> Allocation:
    """Pay ``amount`` collected over ``claims`` in the statutory order."""
    amount = to_dong(amount, what="payment order: amount")
    if amount < 0 or costs < 0 or housing_reserve < 0:
        raise InvalidRecordError("payment order", "amount", "amounts must not be negative")
    ids = [c.claim_id for c in claims]
    if len(set(ids)) != len(ids):
        raise InvalidRecordError("payment order", "claim_id", "claim ids must be unique")
    left = amount
    paid_costs = min(left, costs)
    left -= paid_costs
    reserve = min(left, housing_reserve)
    left -= reserve
    paid = {c.claim_id: [0, 0] for c in claims}
    for tier in sorted(PaymentTier):
        members = [c for c in claims if c.tier is tier]
        for part in (0, 1):  # principal, then interest
            owed = [c.principal if part == 0 else c.interest for c in members]
            shares = _pro_rata(min(left, sum(owed)), owed)
            for claim, share in zip(members, shares, strict=True):
                paid[claim.claim_id][part] += share
            left -= sum(shares)
    return Allocation(
        costs=paid_costs,
        reserve=reserve,
        paid={k: (v[0], v[1]) for k, v in paid.items()},
        surplus=left,
    )


__all__ = ["Allocation", "Claim", "PaymentTier", "allocate"]
