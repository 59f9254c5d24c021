"""Order of payment (thứ tự thanh toán) and the pro-rata split, by hand (legal-rules.md)."""

from __future__ import annotations

from helpers import M
from thads.law import (
    Claim,
    PaymentTier,
    allocate,
)

CLAIMS = [
    Claim("alimony", PaymentTier.ALIMONY_WAGES_INJURY, 20 * M),
    Claim("court-fee", PaymentTier.COURT_FEES, 3 * M),
    Claim("bank", PaymentTier.OTHER, 60 * M, interest=10 * M),
    Claim("neighbour", PaymentTier.OTHER, 40 * M),
]


def test_payment_order_by_tier_then_pro_rata() -> None:
    # 100 triệu: costs 5, alimony 20, court fee 3, then 72 over 100 of tier-3 principal:
    # bank 43,2, neighbour 28,8; no interest yet.
    a = allocate(100 * M, CLAIMS, costs=5 * M)
    assert a.costs == 5 * M
    assert a.paid == {
        "alimony": (20 * M, 0),
        "court-fee": (3 * M, 0),
        "bank": (43_200_000, 0),
        "neighbour": (28_800_000, 0),
    }
    assert a.surplus == 0


def test_payment_order_interest_after_principal_and_surplus() -> None:
    a = allocate(200 * M, CLAIMS, costs=5 * M)
    assert a.paid["bank"] == (60 * M, 10 * M)
    assert a.surplus == 200 * M - 5 * M - 20 * M - 3 * M - 100 * M - 10 * M


def test_pro_rata_rounding_keeps_every_dong() -> None:
    claims = [Claim(k, PaymentTier.OTHER, 1) for k in "abc"]
    a = allocate(2, claims)
    assert [a.paid[k][0] for k in "abc"] == [1, 1, 0]
    claims = [Claim(k, PaymentTier.OTHER, 10) for k in "abc"]
    a = allocate(10, claims)
    assert [a.paid[k][0] for k in "abc"] == [4, 3, 3]
