"""Order of payment of collected money (thứ tự thanh toán tiền thi hành án).

docs/law/payment-order.md. First the enforcement costs (chi phí thi hành án) and, when
the debtor's only home was sold, the sum kept to rent housing; under Law 106/2025 also
the fees, registration fee and income taxes tied to the transfer of the asset. Then the
tiers, keyed by law (:data:`ORDER`):

- Law 26/2008 Art. 47(1): (1) alimony, wages, compensation for life, health and mental
  suffering; (2) court fees; (3) everything else;
- Law 106/2025 Art. 54(1): (a) the same as (1); (b) court fees; (c) fines and recovery
  to the State; (d) social, unemployment and health insurance; (đ) everything else.

Creditors of one tier share pro rata; within a claim, principal before late interest
(Decree 152/2026 Art. 29). What is left goes back to the debtor. Pro rata shares are
whole đồng; the đồng left by rounding go to the largest remainders (ties: the order
given), so the parts always add up. Not modelled: secured creditors paid from the
pledged asset first, bankruptcy, the cut-off by the coercion decision's date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from enum import IntEnum
from types import MappingProxyType
from typing import Final

import attrs

from thads import validate
from thads.errors import InvalidRecordError
from thads.law._amounts import dong
from thads.law._calendar import check_day
from thads.law._versions import LawVersion, law_for
from thads.values import split


class PaymentTier(IntEnum):
    """The kinds of sums of Law 106/2025 Art. 54(1) (hàng ưu tiên), in its order."""

    ALIMONY_WAGES_INJURY = 1
    """(a) Cấp dưỡng; tiền lương, tiền công; bồi thường tính mạng, sức khỏe, tinh thần."""
    COURT_FEES = 2
    """(b) Án phí, lệ phí Tòa án."""
    FINES_STATE_RECOVERY = 3
    """(c) Tiền phạt, truy thu, tịch thu nộp ngân sách nhà nước (a tier from 2026)."""
    INSURANCE = 4
    """(d) Bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế (a tier from 2026)."""
    OTHER = 5
    """(đ) Các khoản khác theo bản án, quyết định."""


_T = PaymentTier
ORDER: Final[Mapping[LawVersion, tuple[frozenset[PaymentTier], ...]]] = MappingProxyType(
    {
        LawVersion.LAW_2008: (
            frozenset({_T.ALIMONY_WAGES_INJURY}),
            frozenset({_T.COURT_FEES}),
            frozenset({_T.FINES_STATE_RECOVERY, _T.INSURANCE, _T.OTHER}),
        ),
        LawVersion.LAW_2025: tuple(frozenset({tier}) for tier in PaymentTier),
    }
)
"""The ranks of each law, first paid first; kinds in one rank share pro rata."""


def _claim_id(value: str) -> str:
    return validate.text(value, "Claim", "claim_id")


def _tier(value: PaymentTier | int) -> PaymentTier:
    return validate.choice(PaymentTier, value, "Claim", "tier")


def _principal(value: int) -> int:
    return dong(value, "Claim", "principal")


def _interest(value: int) -> int:
    return dong(value, "Claim", "interest")


@attrs.frozen
class Claim:
    """One creditor's claim (khoản được thi hành): principal and late interest owed, in đồng.

    ``tier`` is a :class:`PaymentTier` (or its number 1..5); amounts are int đồng ≥ 0.
    """

    claim_id: str = attrs.field(converter=_claim_id)
    tier: PaymentTier = attrs.field(converter=_tier)
    principal: int = attrs.field(converter=_principal)
    interest: int = attrs.field(default=0, converter=_interest)


def _paid(value: Mapping[str, tuple[int, int]]) -> Mapping[str, tuple[int, int]]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Allocation:
    """How a collected amount was paid out: deductions, per claim (principal, interest),
    surplus. ``paid`` is a read-only mapping from claim id to (principal, interest)."""

    costs: int
    reserve: int
    paid: Mapping[str, tuple[int, int]] = attrs.field(converter=_paid)
    surplus: int
    transfer_taxes: int = 0
    law: LawVersion | None = None
    """The law whose order was applied (None: both laws give the same payment)."""

    def __reduce__(
        self,
    ) -> tuple[
        type[Allocation],
        tuple[int, int, dict[str, tuple[int, int]], int, int, LawVersion | None],
    ]:
        # a read-only mapping does not pickle: rebuild from a plain copy
        return (
            Allocation,
            (
                self.costs,
                self.reserve,
                dict(self.paid),
                self.surplus,
                self.transfer_taxes,
                self.law,
            ),
        )


def _pay(
    left: int, claims: Sequence[Claim], order: tuple[frozenset[PaymentTier], ...]
) -> tuple[dict[str, tuple[int, int]], int]:
    paid = {c.claim_id: [0, 0] for c in claims}
    for rank in order:
        members = [c for c in claims if c.tier in rank]
        for part in (0, 1):  # principal, then interest
            owed = [c.principal if part == 0 else c.interest for c in members]
            due = sum(owed)
            shares = owed if left >= due else split(left, owed)
            for claim, share in zip(members, shares, strict=True):
                paid[claim.claim_id][part] += share
            left -= sum(shares)
    return {k: (v[0], v[1]) for k, v in paid.items()}, left


def allocate(
    amount: int,
    claims: Sequence[Claim],
    *,
    costs: int = 0,
    housing_reserve: int = 0,
    transfer_taxes: int = 0,
    law: LawVersion | str | None = None,
    on: date | None = None,
) -> Allocation:
    """Pay ``amount`` collected over ``claims`` in the order of the law in force.

    The law is ``law``, else the one in force ``on`` (the day of payment). Neither given:
    the answer is the same under both laws unless a claim is a fine, State recovery or
    insurance (tiers of their own from 2026) or ``transfer_taxes`` is given; then the
    law must be given (InvalidRecordError), it is never guessed. ``transfer_taxes``:
    fees and taxes of the transfer deducted first, Law 106/2025 Art. 54(1) only.
    """
    record = "payment order"
    amount = dong(amount, record, "amount")
    costs = dong(costs, record, "costs")
    housing_reserve = dong(housing_reserve, record, "housing_reserve")
    transfer_taxes = dong(transfer_taxes, record, "transfer_taxes")
    for claim in claims:
        if not isinstance(claim, Claim):
            raise InvalidRecordError(record, "claims", f"not a Claim: {claim!r}")
    ids = [c.claim_id for c in claims]
    if len(set(ids)) != len(ids):
        raise InvalidRecordError(record, "claim_id", "claim ids must be unique")
    version: LawVersion | None = None
    if law is not None:
        version = validate.choice(LawVersion, law, record, "law")
    elif on is not None:
        version = law_for(check_day(on, record, "on"))
    new_tiers = {PaymentTier.FINES_STATE_RECOVERY, PaymentTier.INSURANCE}
    if version is None and (transfer_taxes or any(c.tier in new_tiers for c in claims)):
        raise InvalidRecordError(
            record,
            "law",
            "fines, State recovery and insurance rank apart from 01/07/2026 (Law 106/2025 "
            "Art. 54(1)) but not before (Law 26/2008 Art. 47(1)): give law= or on=",
        )
    if version is LawVersion.LAW_2008 and transfer_taxes:
        raise InvalidRecordError(
            record, "transfer_taxes", "deducted first only under Law 106/2025 Art. 54(1)"
        )
    left = amount
    paid_costs = min(left, costs)
    left -= paid_costs
    reserve = min(left, housing_reserve)
    left -= reserve
    taxes = min(left, transfer_taxes)
    left -= taxes
    paid, left = _pay(left, claims, ORDER[version or LawVersion.LAW_2025])
    return Allocation(
        costs=paid_costs,
        reserve=reserve,
        paid=paid,
        surplus=left,
        transfer_taxes=taxes,
        law=version,
    )


__all__ = ["ORDER", "Allocation", "Claim", "PaymentTier", "allocate"]
