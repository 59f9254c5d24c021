"""Case-level legal rules of civil judgment enforcement (quy định pháp luật về THADS).

One module per topic, each citing its legal basis and versioned by the law in force:
Law 26/2008/QH12 as amended until 30/06/2026, Law 106/2025/QH15 with Decree
152/2026/NĐ-CP from 01/07/2026, chosen per step (:mod:`thads.law.versions`). Where the
new law's value is unknown, :func:`deadlines` and :func:`case_fee` answer in part (the
unknown item flagged, ``strict=True`` to raise); the single-value functions raise
:class:`~thads.errors.RuleNotAvailableError` unless ``allow_last_known=True``.
"""

from __future__ import annotations

from thads.law.calendar import (
    Calendar,
    VietnamCalendar,
    WorkingCalendar,
    add_working_days,
    next_working_day,
    period_end,
)
from thads.law.deadlines import (
    UNKNOWN_UNDER_NEW_LAW,
    Deadline,
    DelegatedScope,
    deadlines,
    instalment_limitations,
    limitation_end,
    stay_intervals,
)
from thads.law.exemption import (
    ExemptionCandidate,
    ExemptionResult,
    exemption,
    exemption_candidates,
)
from thads.law.fees import CaseFee, FeeReduction, ReceiptFee, base_salary, case_fee, enforcement_fee
from thads.law.interest import (
    InterestResult,
    case_interest,
    interest_free_intervals,
    late_interest,
)
from thads.law.payment_order import Allocation, Claim, PaymentTier, allocate
from thads.law.versions import NEW_LAW_FROM, LawVersion, Transition, law_for, step_law

__all__ = [
    "NEW_LAW_FROM",
    "UNKNOWN_UNDER_NEW_LAW",
    "Allocation",
    "Calendar",
    "CaseFee",
    "Claim",
    "Deadline",
    "DelegatedScope",
    "ExemptionCandidate",
    "ExemptionResult",
    "FeeReduction",
    "InterestResult",
    "LawVersion",
    "PaymentTier",
    "ReceiptFee",
    "Transition",
    "VietnamCalendar",
    "WorkingCalendar",
    "add_working_days",
    "allocate",
    "base_salary",
    "case_fee",
    "case_interest",
    "deadlines",
    "enforcement_fee",
    "exemption",
    "exemption_candidates",
    "instalment_limitations",
    "interest_free_intervals",
    "late_interest",
    "law_for",
    "limitation_end",
    "next_working_day",
    "period_end",
    "stay_intervals",
    "step_law",
]
