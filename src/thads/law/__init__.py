"""Case-level legal rules of civil judgment enforcement (quy định pháp luật về THADS).

One module per topic, each citing its legal basis and versioned by the law in force:
Law 26/2008/QH12 as amended until 30/06/2026, Law 106/2025/QH15 with Decree
152/2026/NĐ-CP from 01/07/2026 (:mod:`thads.law.versions`). Where the new law's value is
unknown, a rule raises :class:`~thads.errors.RuleNotAvailableError` unless the caller
passes ``allow_last_known=True``.
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
    Deadline,
    deadlines,
    instalment_limitations,
    limitation_end,
    stay_intervals,
)
from thads.law.exemption import ExemptionResult, exemption
from thads.law.fees import FeeReduction, base_salary, enforcement_fee
from thads.law.interest import InterestResult, late_interest
from thads.law.payment_order import Allocation, Claim, PaymentTier, allocate
from thads.law.versions import NEW_LAW_FROM, LawVersion, law_for

__all__ = [
    "NEW_LAW_FROM",
    "Allocation",
    "Calendar",
    "Claim",
    "Deadline",
    "ExemptionResult",
    "FeeReduction",
    "InterestResult",
    "LawVersion",
    "PaymentTier",
    "VietnamCalendar",
    "WorkingCalendar",
    "add_working_days",
    "allocate",
    "base_salary",
    "deadlines",
    "enforcement_fee",
    "exemption",
    "instalment_limitations",
    "late_interest",
    "law_for",
    "limitation_end",
    "next_working_day",
    "period_end",
    "stay_intervals",
]
