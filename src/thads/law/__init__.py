"""Case-level legal rules of civil judgment enforcement (quy định pháp luật về THADS).

One module per topic, each citing its legal basis and versioned by the law in force:
Law 26/2008/QH12 as amended until 30/06/2026, Law 106/2025/QH15 with Decree
152/2026/NĐ-CP from 01/07/2026, chosen per step (:mod:`thads.law.versions`). Where the
new law's value is unknown, :func:`deadlines` and :func:`case_fee` answer in part (the
unknown item flagged, ``strict=True`` to raise); the single-value functions raise
:class:`~thads.errors.RuleNotAvailableError` unless ``allow_last_known=True``.
"""

from __future__ import annotations

from thads.law._calendar import (
    Calendar,
    VietnamCalendar,
    WorkingCalendar,
    add_working_days,
    next_working_day,
    period_end,
    resolve_calendar,
)
from thads.law._deadlines import (
    UNKNOWN_UNDER_NEW_LAW,
    UNKNOWN_UNDER_OLD_LAW,
    Deadline,
    DelegatedScope,
    deadlines,
    instalment_limitations,
    limitation_end,
    stay_intervals,
)
from thads.law._exemption import (
    ExemptionCandidate,
    ExemptionResult,
    exemption,
    exemption_candidates,
)
from thads.law._fees import CaseFee, FeeReduction, ReceiptFee, base_salary, case_fee, enforcement_fee
from thads.law._interest import (
    InterestResult,
    case_interest,
    interest_free_intervals,
    late_interest,
)
from thads.law._grounds import (
    ACCEPTED_FORMS,
    AGREED_POSTPONEMENT,
    Ground,
    GroundKind,
    KNOWN_GROUNDS,
    LAWS,
    LAW_2008,
    LAW_2025,
    PROTEST_POSTPONEMENT,
    PROTEST_SUSPENSION,
    ground_code,
    parse_ground,
)
from thads.law._payment_order import Allocation, Claim, PaymentTier, allocate
from thads.law._versions import NEW_LAW_FROM, LawVersion, Transition, law_for, step_law

__all__ = [
    "ACCEPTED_FORMS",
    "AGREED_POSTPONEMENT",
    "KNOWN_GROUNDS",
    "LAWS",
    "LAW_2008",
    "LAW_2025",
    "NEW_LAW_FROM",
    "PROTEST_POSTPONEMENT",
    "PROTEST_SUSPENSION",
    "UNKNOWN_UNDER_NEW_LAW",
    "UNKNOWN_UNDER_OLD_LAW",
    "Allocation",
    "Calendar",
    "CaseFee",
    "Claim",
    "Deadline",
    "DelegatedScope",
    "ExemptionCandidate",
    "ExemptionResult",
    "FeeReduction",
    "Ground",
    "GroundKind",
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
    "ground_code",
    "instalment_limitations",
    "interest_free_intervals",
    "late_interest",
    "law_for",
    "limitation_end",
    "next_working_day",
    "parse_ground",
    "period_end",
    "resolve_calendar",
    "stay_intervals",
    "step_law",
]
