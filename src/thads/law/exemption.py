"""Exemption and reduction of debts owed to the state budget (miễn, giảm nghĩa vụ THA).

Legal basis (legal-rules.md §7.5): Law 26/2008/QH12 Art. 61 as amended; TTLT
12/2015/TTLT-BTP-BTC-TANDTC-VKSNDTC Art. 2, 4. Scope: fines, recovery of illicit gains,
court fees, confiscation and other state-budget items, with their late interest; the
debtor must be without means (a "no conditions" decision under Art. 44a(1)(a)). Time
runs from the first enforcement decision (Art. 61(5)); at most one exemption or
reduction per year per judgment.

- nothing paid (less than 1/50): ≥ 5 years and item < 2.000.000, or ≥ 10 years and
  2.000.000 ≤ item < 5.000.000 → full exemption (Art. 61(1));
- partly paid (≥ 1/50): ≥ 5 years and remainder < 5.000.000, or ≥ 10 years and
  5.000.000 ≤ remainder < 10.000.000 → exemption of the remainder (Art. 61(2));
- partly paid: ≥ 5 years and 10.000.000 ≤ remainder ≤ 100.000.000 → reduction of at most
  1/4; ≥ 10 years and remainder > 100.000.000 → at most 1/5 and 50.000.000 (Art. 61(3));
- a court fee or fine partly paid, with special hardship or great merit → exemption of
  the remainder (Art. 61(4)).

Under Law 106/2025 the amounts and periods are unknown: ``as_of`` from 01/07/2026 raises
unless ``allow_last_known``. The largest reduction is rounded down to whole đồng (a
reduction may not exceed its limit).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import attrs

from thads.errors import InvalidRecordError
from thads.law.calendar import period_end
from thads.law.versions import require_known
from thads.money import to_dong

Outcome = Literal["exemption", "reduction"]


@attrs.frozen
class ExemptionResult:
    """Whether the item qualifies, for what, up to how much, under which rule."""

    eligible: bool
    outcome: Outcome | None
    max_amount: int
    rule: str
    reason: str


def _years_since(first: date, as_of: date, years: int) -> bool:
    return as_of >= period_end(first, years=years, roll=False)


def exemption(
    item: int,
    paid: int,
    first_decision_on: date,
    as_of: date,
    *,
    special_hardship: bool = False,
    court_fee_or_fine: bool = False,
    last_decision_on: date | None = None,
    allow_last_known: bool = False,
) -> ExemptionResult:
    """Eligibility for exemption or reduction of one state-budget item as of ``as_of``.

    ``item`` is the amount owed under the judgment, ``paid`` what has been paid. The
    debtor is assumed to have no means (the required "no conditions" decision).
    """
    item = to_dong(item, what="exemption: item")
    paid = to_dong(paid, what="exemption: paid")
    if item <= 0 or paid < 0 or paid > item:
        raise InvalidRecordError("exemption", "paid", f"need 0 <= paid ({paid}) <= item ({item})")
    require_known("exemption thresholds (Art. 61)", as_of, allow_last_known=allow_last_known)
    if last_decision_on is not None and as_of < period_end(last_decision_on, years=1, roll=False):
        return ExemptionResult(False, None, 0, "Art. 61(5)", "one decision per year per judgment")
    remainder = item - paid
    partly_paid = paid * 50 >= item
    five = _years_since(first_decision_on, as_of, 5)
    ten = _years_since(first_decision_on, as_of, 10)
    if court_fee_or_fine and partly_paid and special_hardship and remainder > 0:
        return ExemptionResult(True, "exemption", remainder, "Art. 61(4)", "special hardship")
    if not partly_paid:
        if five and item < 2_000_000:
            return ExemptionResult(True, "exemption", item, "Art. 61(1)", "5 years, < 2.000.000")
        if ten and 2_000_000 <= item < 5_000_000:
            return ExemptionResult(True, "exemption", item, "Art. 61(1)", "10 years, < 5.000.000")
        return ExemptionResult(False, None, 0, "Art. 61(1)", "not paid: amount or time short")
    if five and remainder < 5_000_000:
        return ExemptionResult(True, "exemption", remainder, "Art. 61(2)", "5 years, < 5.000.000")
    if ten and 5_000_000 <= remainder < 10_000_000:
        return ExemptionResult(True, "exemption", remainder, "Art. 61(2)", "10 years, < 10.000.000")
    if five and 10_000_000 <= remainder <= 100_000_000:
        return ExemptionResult(True, "reduction", remainder // 4, "Art. 61(3)", "5 years, ≤ 1/4")
    if ten and remainder > 100_000_000:
        return ExemptionResult(
            True, "reduction", min(remainder // 5, 50_000_000), "Art. 61(3)", "10 years, ≤ 1/5"
        )
    return ExemptionResult(False, None, 0, "Art. 61(2)-(3)", "partly paid: amount or time short")


__all__ = ["ExemptionResult", "Outcome", "exemption"]
