"""Enforcement fee (phí thi hành án dân sự), Thông tư 216/2016/TT-BTC.

Legal basis (legal-rules.md §4): the creditor pays on the money or asset value actually
received (Art. 2, 4): nothing up to 2 × the base salary (lương cơ sở) (Art. 6(4)); 3 % up
to 5 tỷ; then 150 triệu + 2 % of the part over 5 tỷ; 190 triệu + 1 % over 7 tỷ; 220 triệu
+ 0,5 % over 10 tỷ; 245 triệu + 0,01 % over 15 tỷ. Several receipts pay, in total, the fee
on the total received (Art. 5(2)-(3)). One third when the parties settle after the
enforcement decision and before coercion (Art. 4(4)); nothing for money paid within the
voluntary period (Art. 6(8)) or for the items of Art. 6; exemption and reductions of
Art. 7 (poor household up to 80 %, assets correctly identified 30 %, or 20 % when force
had to be mobilised).

The fee is kept exact and rounded half-up to whole đồng. TT 216/2016 has no known
replacement under Law 106/2025: a receipt from 01/07/2026 raises unless
``allow_last_known``. Base salary: 2.340.000 đồng (Nghị định 73/2024) until 30/06/2026,
2.530.000 đồng from 01/07/2026 (Nghị định 161/2026). Earlier values are recalled, not
read; use them with ``allow_recalled=True``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Final, Literal

import attrs

from thads.records import Case, EventKind
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.law._calendar import WorkingCalendar
from thads.law._deadlines import ENDS_CASE, Deadline, deadlines
from thads.law._versions import NEW_LAW_FROM, Transition, require_known
from thads.values import TRIEU, TY, to_dong
from thads.values import round_half_up

BASE_SALARY: Final = ((date(2024, 7, 1), 2_340_000), (date(2026, 7, 1), 2_530_000))
"""(from, đồng per month): Nghị định 73/2024/NĐ-CP; Nghị định 161/2026/NĐ-CP."""
RECALLED_BASE_SALARY: Final = (
    (date(2016, 5, 1), 1_210_000),
    (date(2017, 7, 1), 1_300_000),
    (date(2018, 7, 1), 1_390_000),
    (date(2019, 7, 1), 1_490_000),
    (date(2023, 7, 1), 1_800_000),
)
"""Earlier base salaries, recalled (legal-rules.md §4.2 [I]); opt in with allow_recalled."""

_TIERS: Final = (  # (lower bound, fixed fee, marginal rate) above the bound
    (15 * TY, 245 * TRIEU, Fraction(1, 10_000)),
    (10 * TY, 220 * TRIEU, Fraction(5, 1_000)),
    (7 * TY, 190 * TRIEU, Fraction(1, 100)),
    (5 * TY, 150 * TRIEU, Fraction(2, 100)),
)


class FeeReduction(Enum):
    """Grounds to reduce the fee (giảm phí, TT 216/2016 Art. 7(2)) and their maximum."""

    POOR_HOUSEHOLD = Decimal("80")
    """Hộ nghèo: up to 80 %."""
    ASSETS_IDENTIFIED = Decimal("30")
    """The creditor identified the debtor's assets, realised without force: 30 %."""
    ASSETS_IDENTIFIED_WITH_FORCE = Decimal("20")
    """The same, but force had to be mobilised: 20 %."""


def base_salary(on: date, *, allow_recalled: bool = False) -> int:
    """The base salary (lương cơ sở) in force on ``on``, in đồng per month."""
    table = (*RECALLED_BASE_SALARY, *BASE_SALARY) if allow_recalled else BASE_SALARY
    value = None
    for since, amount in table:
        if on >= since:
            value = amount
    if value is None:
        raise RuleNotAvailableError(
            f"base salary on {on}: not read in a source; pass allow_recalled=True to use the "
            "recalled values from 01/05/2016"
        )
    return value


def schedule(amount: int) -> Fraction:
    """The TT 216/2016 schedule on ``amount`` đồng, before the free threshold."""
    for bound, fixed, rate in _TIERS:
        if amount > bound:
            return fixed + rate * (amount - bound)
    return Fraction(3, 100) * amount


def _fee_on_total(total: int, threshold: int) -> Fraction:
    return Fraction(0) if total <= threshold else schedule(total)


ThresholdOn = Literal["requested", "received"]
"""What the free threshold of 2 × base salary is compared with (TT 216/2016 Art. 6(4))."""


def enforcement_fee(
    amount: int,
    on: date,
    *,
    received_before: int = 0,
    requested: int | None = None,
    threshold_on: ThresholdOn = "requested",
    settled_before_coercion: bool = False,
    within_voluntary_period: bool = False,
    not_chargeable: bool = False,
    exempt: bool = False,
    reduction: FeeReduction | None = None,
    reduction_percent: Decimal | None = None,
    allow_last_known: bool = False,
    allow_recalled: bool = False,
) -> int:
    """The fee in đồng on ``amount`` received on ``on`` (after ``received_before``).

    Free threshold (2 × base salary on ``on``): by default keyed on ``requested``, the
    amount requested (legal-rules.md §4.1): at or under it nothing is due, above it every
    receipt pays; ``threshold_on="received"`` keys it on the cumulative amount received
    instead (receipts under the line pay once the total passes it, Art. 5(2)-(3)).

    ``not_chargeable``: an item of Art. 6 (alimony, wages, compensation for life or
    health...). ``exempt``: an exemption of Art. 7(1). ``reduction`` with an optional
    ``reduction_percent`` (at most the ground's maximum; default the maximum).
    """
    amount = to_dong(amount, what="enforcement fee: amount")
    received_before = to_dong(received_before, what="enforcement fee: received_before")
    if amount < 0 or received_before < 0:
        raise InvalidRecordError("enforcement fee", "amount", "must not be negative")
    require_known(
        "enforcement fee (TT 216/2016 replacement)", on, allow_last_known=allow_last_known
    )
    if not_chargeable or exempt or within_voluntary_period or amount == 0:
        return 0
    if threshold_on not in ("requested", "received"):
        raise InvalidRecordError(
            "enforcement fee",
            "threshold_on",
            f"use 'requested' or 'received', not {threshold_on!r}",
        )
    threshold = 2 * base_salary(on, allow_recalled=allow_recalled)
    if threshold_on == "requested":
        if requested is None:
            raise InvalidRecordError(
                "enforcement fee",
                "requested",
                "the free threshold is keyed on the amount requested (TT 216/2016 Art. "
                "6(4)): give requested=..., or threshold_on='received'",
            )
        requested = to_dong(requested, what="enforcement fee: requested")
        if requested <= threshold:
            return 0
        threshold = -1  # above the line: every receipt pays on the schedule
    # round each cumulative fee, so the fees of several receipts add up to the fee on the total
    fee = Fraction(
        int(round_half_up(_fee_on_total(received_before + amount, threshold), 0))
        - int(round_half_up(_fee_on_total(received_before, threshold), 0))
    )
    if settled_before_coercion:
        fee /= 3
    if reduction is not None:
        percent = reduction.value if reduction_percent is None else reduction_percent
        if isinstance(percent, float) or not Decimal(0) <= percent <= reduction.value:
            raise InvalidRecordError(
                "enforcement fee",
                "reduction_percent",
                f"{reduction.name.lower()} allows 0..{reduction.value} %, got {percent!r}",
            )
        fee *= 1 - Fraction(percent) / 100
    return int(round_half_up(fee, 0))


@attrs.frozen
class ReceiptFee:
    """The fee on one receipt of a case (phí trên một lần thực nhận).

    ``fee`` is None when it cannot be known (``reason`` says why); ``known`` is False
    also when it was worked out with the last known rule (``allow_last_known``).
    """

    on: date
    amount: int
    fee: int | None
    known: bool = True
    reason: str = ""


@attrs.frozen
class CaseFee:
    """The enforcement fee of a case, receipt by receipt (phí thi hành án của một việc)."""

    case_id: str
    receipts: tuple[ReceiptFee, ...]

    @property
    def total(self) -> int | None:
        """Sum of the fees; None if any receipt's fee is unknown."""
        fees = [r.fee for r in self.receipts]
        return None if any(f is None for f in fees) else sum(f for f in fees if f is not None)

    @property
    def known(self) -> bool:
        """True when every receipt's fee is known under the law in force."""
        return all(r.known for r in self.receipts)


def case_fee(
    case: Case,
    *,
    on: date,
    notified_on: date | None = None,
    calendar: WorkingCalendar | None = None,
    requested: int | None = None,
    threshold_on: ThresholdOn = "requested",
    settled_before_coercion: bool = False,
    not_chargeable: bool = False,
    exempt: bool = False,
    reduction: FeeReduction | None = None,
    reduction_percent: Decimal | None = None,
    transition: Transition | str = Transition.FROM_TRIGGER,
    strict: bool = False,
    allow_last_known: bool = False,
    allow_recalled: bool = False,
) -> CaseFee:
    """The fee on every receipt (``collected`` event) of ``case`` up to ``on``.

    ``requested`` defaults to the case's amount. With ``notified_on`` (valid notice of
    the enforcement decision), receipts up to the end of the voluntary period pay
    nothing (Art. 6(8)) and are left out of the cumulative base; the period comes from
    :func:`thads.law.deadlines` (unknown under the new law, so such receipts' fee is
    unknown). A receipt from 01/07/2026 has no known fee schedule: its fee is None
    (``strict`` raises; ``allow_last_known`` applies TT 216/2016, marked not known).
    """
    requested = case.amount if requested is None else requested
    voluntary: Deadline | None = None
    if notified_on is not None:
        voluntary = next(
            d
            for d in deadlines(
                case,
                max(on, notified_on),
                calendar=calendar,
                notified_on=notified_on,
                transition=transition,
                strict=strict,
                allow_last_known=allow_last_known,
            )
            if d.name == "voluntary"
        )
    out: list[ReceiptFee] = []
    before = 0
    for event in case.events:
        if event.on > on or event.kind in ENDS_CASE:
            break
        if event.kind is not EventKind.COLLECTED:
            continue
        if voluntary is not None and voluntary.due is None:
            out.append(
                ReceiptFee(
                    event.on,
                    event.amount,
                    None,
                    False,
                    f"voluntary period unknown: {voluntary.gap}",
                )
            )
            before += event.amount
            continue
        if voluntary is not None and voluntary.due is not None and event.on <= voluntary.due:
            out.append(
                ReceiptFee(
                    event.on,
                    event.amount,
                    0,
                    voluntary.known,
                    "paid within the voluntary period (TT 216/2016 Art. 6(8))",
                )
            )
            continue
        args = {
            "received_before": before,
            "requested": requested,
            "threshold_on": threshold_on,
            "settled_before_coercion": settled_before_coercion,
            "not_chargeable": not_chargeable,
            "exempt": exempt,
            "reduction": reduction,
            "reduction_percent": reduction_percent,
            "allow_recalled": allow_recalled,
        }
        try:
            fee = enforcement_fee(event.amount, event.on, **args)  # type: ignore[arg-type]
            out.append(ReceiptFee(event.on, event.amount, fee))
        except RuleNotAvailableError as error:
            if strict or event.on < NEW_LAW_FROM:
                raise
            if allow_last_known:
                fee = enforcement_fee(
                    event.amount,
                    event.on,
                    allow_last_known=True,
                    **args,  # type: ignore[arg-type]
                )
                out.append(
                    ReceiptFee(event.on, event.amount, fee, False, f"last known rule: {error}")
                )
            else:
                out.append(ReceiptFee(event.on, event.amount, None, False, str(error)))
        before += event.amount
    return CaseFee(case.case_id, tuple(out))


__all__ = [
    "BASE_SALARY",
    "RECALLED_BASE_SALARY",
    "CaseFee",
    "FeeReduction",
    "ReceiptFee",
    "ThresholdOn",
    "base_salary",
    "case_fee",
    "enforcement_fee",
    "schedule",
]
