"""thads: Vietnam civil judgment enforcement statistics (thống kê thi hành án dân sự).

Exact, repeatable THADS figures from case records: cases and money accepted, carried
over, with or without conditions to enforce, resolved; resolution rates; quota
attainment; comparison with the same period last year.
"""

from __future__ import annotations

from thads import fmt
from thads.case import Case, CreditorKind, Debt, EnforcementMode, Event, EventKind
from thads.engine import Placement, TallyPair, placement, tally_periods
from thads.errors import (
    FormatParseError,
    GroundNotAvailableError,
    InconsistentTallyError,
    InvalidGroundError,
    InvalidRecordError,
    MissingExtraError,
    MoneyTypeError,
    PeriodError,
    RuleNotAvailableError,
    ThadsError,
    UndefinedRateError,
)
from thads.grounds import AGREED_POSTPONEMENT, KNOWN_GROUNDS, Ground, GroundKind, parse_ground
from thads.io import (
    CaseReader,
    RejectedRow,
    read_cases,
    read_offices,
    read_quotas,
    read_records,
    write_cases,
)
from thads.judgment import Judgment, JudgmentKind
from thads.offices import Office, OfficeLevel, OfficeTree
from thads.periods import StatisticalPeriod
from thads.quota import Attainment, Quota
from thads.rates import Change, Points, Rate, change, resolution_rate, share
from thads.report import Report, ReportRow, report, reports
from thads.rules import Regime, regime_by_code, regime_for
from thads.tabular import read_excel, read_frame
from thads.tally import Tally
from thads.timeline import Timeline

__version__ = "0.1.0"

__all__ = [
    "AGREED_POSTPONEMENT",
    "KNOWN_GROUNDS",
    "Attainment",
    "Case",
    "CaseReader",
    "Change",
    "CreditorKind",
    "Debt",
    "EnforcementMode",
    "Event",
    "EventKind",
    "FormatParseError",
    "Ground",
    "GroundKind",
    "GroundNotAvailableError",
    "InconsistentTallyError",
    "InvalidGroundError",
    "InvalidRecordError",
    "Judgment",
    "JudgmentKind",
    "MissingExtraError",
    "MoneyTypeError",
    "Office",
    "OfficeLevel",
    "OfficeTree",
    "PeriodError",
    "Placement",
    "Points",
    "Quota",
    "Rate",
    "Regime",
    "RejectedRow",
    "Report",
    "ReportRow",
    "RuleNotAvailableError",
    "StatisticalPeriod",
    "Tally",
    "TallyPair",
    "ThadsError",
    "Timeline",
    "UndefinedRateError",
    "__version__",
    "change",
    "fmt",
    "parse_ground",
    "placement",
    "read_cases",
    "read_excel",
    "read_frame",
    "read_offices",
    "read_quotas",
    "read_records",
    "regime_by_code",
    "regime_for",
    "report",
    "reports",
    "resolution_rate",
    "share",
    "tally_periods",
    "write_cases",
]
