"""Enforcement fee (phí thi hành án dân sự), Thông tư 216/2016/TT-BTC; docs/law/fees.md.

Schedule on the money or asset value actually received (Art. 4(1)): 3 % of the whole up
to 5 tỷ; 150 triệu + 2 % over 5 tỷ; 190 triệu + 1 % over 7 tỷ; 220 triệu + 0,5 % over
10 tỷ; 245 triệu + 0,01 % over 15 tỷ. Free threshold, 2 × the base salary (lương cơ sở):
nothing is due if the amount requested is at most that (Art. 6(4)); otherwise the fee
is on the cumulative amount received, nothing until it passes the line, then the
schedule on the whole cumulative amount, charged receipt by receipt (Art. 4(1)(a),
5(2)-(3) and its worked example). One third when settled before coercion (Art. 4(4));
nothing within the voluntary period (Art. 6(8)) or for the items of Art. 6; Art. 7
exemption and reductions. Payer: the creditor (Art. 2); under Law 106/2025 Art. 53(1)
the party who requested enforcement.

The schedule is keyed by law: TT 216/2016 under Law 26/2008; under Law 106/2025 no
successor is known, so TT 216/2016 is the last known schedule (``allow_last_known``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.law._amounts import dong, half_up
from thads.law._calendar import WorkingCalendar, check_day
from thads.law._deadlines import ENDS_CASE, Deadline, deadlines, request_date
from thads.law._versions import LawVersion, Transition, Unknown, known_rule, law_for
from thads.records import Case, EventKind
from thads.values import TRIEU, TY

BASE_SALARY: Final = ((date(2024, 7, 1), 2_340_000), (date(2026, 7, 1), 2_530_000))
"""(from, đồng per month): Nghị định 73/2024/NĐ-CP; Nghị định 161/2026/NĐ-CP."""
RECALLED_BASE_SALARY: Final = (
    (date(2016, 5, 1), 1_210_000),
    (date(2017, 7, 1), 1_300_000),
    (date(2018, 7, 1), 1_390_000),
    (date(2019, 7, 1), 1_490_000),
    (date(2023, 7, 1), 1_800_000),
)
"""Earlier base salaries, recalled, not read (docs/law/fees.md); opt in with allow_recalled."""

Tiers = tuple[tuple[int, int, Fraction], ...]
"""(lower bound, fixed fee, marginal rate above the bound), highest first; 3 % below."""
TT216_TIERS: Final[Tiers] = (
    (15 * TY, 245 * TRIEU, Fraction(1, 10_000)),
    (10 * TY, 220 * TRIEU, Fraction(5, 1_000)),
    (7 * TY, 190 * TRIEU, Fraction(1, 100)),
    (5 * TY, 150 * TRIEU, Fraction(2, 100)),
)
"""TT 216/2016/TT-BTC Art. 4(1)."""
SCHEDULES: Final[Mapping[LawVersion, Tiers | Unknown]] = MappingProxyType(
    {
        LawVersion.LAW_2008: TT216_TIERS,
        LawVersion.LAW_2025: Unknown(
            "fee schedule under Law 106/2025 Art. 53(1): no successor to TT 216/2016 found"
        ),
    }
)
"""The fee schedule under each law (docs/law/gaps.md)."""


class Payer(StrEnum):
    """Who pays the fee (người nộp phí)."""

    CREDITOR = "creditor"
    """Người được thi hành án (TT 216/2016 Art. 2, Law 26/2008)."""
    REQUESTING_PARTY = "requesting_party"
    """Người yêu cầu thi hành án (Law 106/2025 Art. 53(1))."""


PAYERS: Final[Mapping[LawVersion, Payer]] = MappingProxyType(
    {LawVersion.LAW_2008: Payer.CREDITOR, LawVersion.LAW_2025: Payer.REQUESTING_PARTY}
)
"""Who pays under each law."""


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
    on = check_day(on, "base salary", "on")
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


def schedule(amount: int, tiers: Tiers = TT216_TIERS) -> Fraction:
    """The schedule on ``amount`` đồng received, before the free threshold (Art. 4(1))."""
    for bound, fixed, rate in tiers:
        if amount > bound:
            return fixed + rate * (amount - bound)
    return Fraction(3, 100) * amount


def fee_on_total(total: int, threshold: int, tiers: Tiers = TT216_TIERS) -> int:
    """The fee on a cumulative amount received: nothing up to ``threshold``, then the
    schedule on the whole amount (Art. 4(1)(a), 5(2)-(3)), rounded half-up to đồng."""
    return 0 if total <= threshold else half_up(schedule(total, tiers))


BaseSalaryOn = Literal["receipt", "request"]
"""Which day's base salary sets the threshold: not stated (docs/law/gaps.md)."""


def enforcement_fee(
    amount: int,
    on: date,
    *,
    requested: int,
    received_before: int = 0,
    requested_on: date | None = None,
    base_salary_on: BaseSalaryOn = "receipt",
    settled_before_coercion: bool = False,
    within_voluntary_period: bool = False,
    not_chargeable: bool = False,
    exempt: bool = False,
    reduction: FeeReduction | None = None,
    reduction_percent: Decimal | None = None,
    allow_last_known: bool = False,
    allow_recalled: bool = False,
) -> int:
    """The fee in đồng on ``amount`` received on ``on``, after ``received_before``.

    ``requested``: the amount requested (Art. 6(4): at most 2 × base salary, no fee).
    Otherwise the fee is F(received_before + amount) − F(received_before), F being
    :func:`fee_on_total`. ``base_salary_on``: the receipt's day (default) or the
    request's (``requested_on``); the circular does not say which. ``not_chargeable``:
    an item of Art. 6; ``exempt``: Art. 7(1); ``reduction`` with an optional
    ``reduction_percent`` (at most the ground's maximum; default the maximum). From
    01/07/2026 the schedule is the last known one: RuleNotAvailableError unless
    ``allow_last_known``.
    """
    record = "enforcement fee"
    amount = dong(amount, record, "amount")
    received_before = dong(received_before, record, "received_before")
    requested = dong(requested, record, "requested")
    on = check_day(on, record, "on")
    tiers, _ = known_rule(
        SCHEDULES, law_for(on), "enforcement fee", allow_last_known=allow_last_known, on=on
    )
    if base_salary_on not in ("receipt", "request"):
        raise InvalidRecordError(
            record, "base_salary_on", f"use 'receipt' or 'request', not {base_salary_on!r}"
        )
    salary_day = on
    if base_salary_on == "request":
        if requested_on is None:
            raise InvalidRecordError(
                record, "requested_on", "base_salary_on='request' needs requested_on"
            )
        salary_day = check_day(requested_on, record, "requested_on")
    if not_chargeable or exempt or within_voluntary_period or amount == 0:
        return 0
    threshold = 2 * base_salary(salary_day, allow_recalled=allow_recalled)
    if requested <= threshold:
        return 0
    fee = Fraction(
        fee_on_total(received_before + amount, threshold, tiers)
        - fee_on_total(received_before, threshold, tiers)
    )
    if settled_before_coercion:
        fee /= 3
    if reduction is not None:
        percent = reduction.value if reduction_percent is None else reduction_percent
        if (
            not isinstance(percent, Decimal)
            or not percent.is_finite()
            or not Decimal(0) <= percent <= reduction.value
        ):
            raise InvalidRecordError(
                record,
                "reduction_percent",
                f"{reduction.name.lower()} allows 0..{reduction.value} %, got {percent!r}",
            )
        fee *= 1 - Fraction(percent) / 100
    return half_up(fee)


@attrs.frozen
class ReceiptFee:
    """The fee on one receipt of a case (phí trên một lần thực nhận).

    ``fee`` is None when it cannot be known (``reason`` says why); ``known`` is False
    also when it was worked out with the last known rule (``allow_last_known``).
    ``payer``: who pays under the law of the receipt's day.
    """

    on: date
    amount: int
    fee: int | None
    known: bool = True
    reason: str = ""
    payer: Payer = Payer.CREDITOR


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
    request_received_on: date | None = None,
    calendar: WorkingCalendar | None = None,
    requested: int | None = None,
    base_salary_on: BaseSalaryOn = "receipt",
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

    ``requested`` defaults to the case's amount; the request date to
    :func:`~thads.law.request_date` (the day accepted), as in deadlines and interest.
    With ``notified_on`` (valid notice of the enforcement decision), receipts up to the
    end of the voluntary period pay nothing (Art. 6(8); Law 106/2025 Art. 53(1)) and are
    left out of the cumulative base. A receipt from 01/07/2026 has only the last known
    schedule: its fee is None (``strict`` raises; ``allow_last_known`` applies TT
    216/2016, marked not known).
    """
    record = f"case {case.case_id}"
    on = check_day(on, record, "on")
    requested = case.amount if requested is None else dong(requested, record, "requested")
    requested_on = request_date(case, request_received_on)
    voluntary: Deadline | None = None
    if notified_on is not None:
        notified_on = check_day(notified_on, record, "notified_on")
        voluntary = next(
            d
            for d in deadlines(
                case,
                max(on, notified_on),
                calendar=calendar,
                notified_on=notified_on,
                request_received_on=request_received_on,
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
        payer = PAYERS[law_for(event.on)]
        if voluntary is not None and voluntary.due is None:
            reason = f"voluntary period unknown: {voluntary.gap}"
            out.append(ReceiptFee(event.on, event.amount, None, False, reason, payer))
            before += event.amount
            continue
        if voluntary is not None and voluntary.due is not None and event.on <= voluntary.due:
            reason = "paid within the voluntary period (TT 216/2016 Art. 6(8))"
            out.append(ReceiptFee(event.on, event.amount, 0, voluntary.known, reason, payer))
            continue

        def fee(
            last_known: bool, amount: int = event.amount, day: date = event.on, prior: int = before
        ) -> int:
            return enforcement_fee(
                amount,
                day,
                requested=requested,
                received_before=prior,
                requested_on=requested_on,
                base_salary_on=base_salary_on,
                settled_before_coercion=settled_before_coercion,
                not_chargeable=not_chargeable,
                exempt=exempt,
                reduction=reduction,
                reduction_percent=reduction_percent,
                allow_last_known=last_known,
                allow_recalled=allow_recalled,
            )

        rule = SCHEDULES[law_for(event.on)]
        if not isinstance(rule, Unknown):
            out.append(ReceiptFee(event.on, event.amount, fee(False), payer=payer))
        elif strict:
            raise RuleNotAvailableError(
                f"{record}: fee on the receipt of {event.on}: {rule.gap} (docs/law/gaps.md)"
            )
        elif allow_last_known:
            reason = f"last known schedule, TT 216/2016 ({rule.gap})"
            out.append(ReceiptFee(event.on, event.amount, fee(True), False, reason, payer))
        else:
            out.append(ReceiptFee(event.on, event.amount, None, False, rule.gap, payer))
        before += event.amount
    return CaseFee(case.case_id, tuple(out))


__all__ = [
    "BASE_SALARY",
    "PAYERS",
    "RECALLED_BASE_SALARY",
    "SCHEDULES",
    "TT216_TIERS",
    "BaseSalaryOn",
    "CaseFee",
    "FeeReduction",
    "Payer",
    "ReceiptFee",
    "Tiers",
    "base_salary",
    "case_fee",
    "enforcement_fee",
    "fee_on_total",
    "schedule",
]
