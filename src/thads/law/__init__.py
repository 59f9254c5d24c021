"""Case-level legal rules of civil judgment enforcement (quy định pháp luật về THADS).

Deadlines, the limitation period, late interest, the enforcement fee, exemption and
reduction, the order of payment and the legal grounds, each keyed by the law in force
(:class:`LawVersion`: Law 26/2008/QH12 until 30/06/2026, Law 106/2025/QH15 with Decree
152/2026/NĐ-CP from 01/07/2026) and read the same way. Values and their articles:
docs/law/index.md; what is still unknown: docs/law/gaps.md. Where a value is unknown,
:func:`deadlines` and :func:`case_fee` answer in part (the item flagged, ``strict=True``
to raise); the single-value functions raise
:class:`~thads.errors.RuleNotAvailableError` unless ``allow_last_known=True``.
"""

from __future__ import annotations

from thads.law._amounts import MAX_DONG
from thads.law._calendar import (
    Calendar,
    VietnamCalendar,
    WorkingCalendar,
    add_working_days,
    next_working_day,
    period_end,
    resolve_calendar,
)
from thads.law._deadline_table import UNKNOWN_UNDER_NEW_LAW, UNKNOWN_UNDER_OLD_LAW, DelegatedScope
from thads.law._deadlines import (
    BEFORE_LAW_2008_GAP,
    CARRY_OVER_GAP,
    Deadline,
    deadlines,
    instalment_limitations,
    limitation_end,
    request_date,
    stay_intervals,
)
from thads.law._exemption import (
    ExemptionCandidate,
    ExemptionResult,
    exemption,
    exemption_candidates,
)
from thads.law._fees import (
    CaseFee,
    FeeReduction,
    Payer,
    ReceiptFee,
    base_salary,
    case_fee,
    enforcement_fee,
)
from thads.law._grounds import (
    ACCEPTED_FORMS,
    AGREED_POSTPONEMENT,
    AGREED_POSTPONEMENTS,
    KNOWN_GROUNDS,
    PROTEST_POSTPONEMENT,
    PROTEST_POSTPONEMENTS,
    PROTEST_SUSPENSION,
    PROTEST_SUSPENSIONS,
    REFUSAL_GROUNDS,
    Ground,
    GroundKind,
    ground_code,
    parse_ground,
)
from thads.law._interest import (
    INTEREST_FREE,
    InterestResult,
    case_interest,
    interest_free_intervals,
    late_interest,
)
from thads.law._payment_order import ORDER, Allocation, Claim, PaymentTier, allocate
from thads.law._versions import (
    NEW_LAW_FROM,
    VERSIONS,
    LawVersion,
    Transition,
    Unknown,
    law_for,
    step_law,
)

__all__ = [
    "ACCEPTED_FORMS",
    "AGREED_POSTPONEMENT",
    "AGREED_POSTPONEMENTS",
    "BEFORE_LAW_2008_GAP",
    "CARRY_OVER_GAP",
    "INTEREST_FREE",
    "KNOWN_GROUNDS",
    "MAX_DONG",
    "NEW_LAW_FROM",
    "ORDER",
    "PROTEST_POSTPONEMENT",
    "PROTEST_POSTPONEMENTS",
    "PROTEST_SUSPENSION",
    "PROTEST_SUSPENSIONS",
    "REFUSAL_GROUNDS",
    "UNKNOWN_UNDER_NEW_LAW",
    "UNKNOWN_UNDER_OLD_LAW",
    "VERSIONS",
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
    "Payer",
    "PaymentTier",
    "ReceiptFee",
    "Transition",
    "Unknown",
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
    "request_date",
    "resolve_calendar",
    "stay_intervals",
    "step_law",
]
