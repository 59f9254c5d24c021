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

from collections.abc import Mapping, Sequence
from enum import IntEnum
from types import MappingProxyType

import attrs

from thads import validate
from thads.errors import InvalidRecordError
from thads.values import split


class PaymentTier(IntEnum):
    """The tiers of Art. 47(1) (hàng ưu tiên)."""

    ALIMONY_WAGES_INJURY = 1
    """Cấp dưỡng; tiền lương, tiền công; bồi thường tính mạng, sức khỏe, tổn thất tinh thần."""
    COURT_FEES = 2
    """Án phí, lệ phí Tòa án."""
    OTHER = 3
    """Các khoản khác theo bản án, quyết định."""


def _claim_id(value: str) -> str:
    return validate.text(value, "Claim", "claim_id")


def _tier(value: PaymentTier | int) -> PaymentTier:
    return validate.choice(PaymentTier, value, "Claim", "tier")


def _principal(value: int) -> int:
    return validate.money(value, "Claim", "principal")


def _interest(value: int) -> int:
    return validate.money(value, "Claim", "interest")


@attrs.frozen
class Claim:
    """One creditor's claim (khoản được thi hành): principal and late interest owed, in đồng.

    ``tier`` is a :class:`PaymentTier` (or its number 1..3); amounts are int đồng ≥ 0.
    """

    claim_id: str = attrs.field(converter=_claim_id)
    tier: PaymentTier = attrs.field(converter=_tier)
    principal: int = attrs.field(converter=_principal)
    interest: int = attrs.field(default=0, converter=_interest)


def _paid(value: Mapping[str, tuple[int, int]]) -> Mapping[str, tuple[int, int]]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Allocation:
    """How a collected amount was paid out: costs, per claim (principal, interest), surplus.

    ``paid`` is a read-only mapping from claim id to (principal paid, interest paid).
    """

    costs: int
    reserve: int
    paid: Mapping[str, tuple[int, int]] = attrs.field(converter=_paid)
    surplus: int

    def __reduce__(
        self,
    ) -> tuple[type[Allocation], tuple[int, int, dict[str, tuple[int, int]], int]]:
        # a read-only mapping does not pickle: rebuild from a plain copy
        return (Allocation, (self.costs, self.reserve, dict(self.paid), self.surplus))


def allocate(
    amount: int, claims: Sequence[Claim], *, costs: int = 0, housing_reserve: int = 0
) -> Allocation:
    """Pay ``amount`` collected over ``claims`` in the statutory order.

    Amounts are int đồng ≥ 0 (a float is a :class:`~thads.errors.MoneyTypeError`).
    """
    record = "payment order"
    amount = validate.money(amount, record, "amount")
    costs = validate.money(costs, record, "costs")
    housing_reserve = validate.money(housing_reserve, record, "housing_reserve")
    for claim in claims:
        if not isinstance(claim, Claim):
            raise InvalidRecordError(record, "claims", f"not a Claim: {claim!r}")
    ids = [c.claim_id for c in claims]
    if len(set(ids)) != len(ids):
        raise InvalidRecordError(record, "claim_id", "claim ids must be unique")
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
            due = sum(owed)
            shares = owed if left >= due else split(left, owed)
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
