"""thads: Vietnam civil judgment enforcement statistics (thống kê thi hành án dân sự).

Exact, repeatable THADS figures from case records: cases and money accepted, carried
over, with or without conditions to enforce, resolved; resolution rates; quota
attainment; comparison with the same period last year.

The submodules ``thads.export``, ``thads.law``, ``thads.samples``, ``thads.frames``,
``thads.chart``, ``thads.report_json``, ``thads.testing``, ``thads.metrics`` and
``thads.worklists`` are loaded on first use: ``import thads`` is enough, and nothing is
imported before it is needed. :func:`frame` (the long data frame), :func:`reconcile`,
:func:`calendar_year` and :class:`DateRange` (from :mod:`thads.metrics`) are loaded the
same way.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from thads import chart as chart
    from thads import export as export
    from thads import frames as frames
    from thads import law as law
    from thads import metrics as metrics
    from thads import report_json as report_json
    from thads import samples as samples
    from thads import testing as testing
    from thads import worklists as worklists
    from thads.frames import frame as frame
    from thads.metrics import DateRange as DateRange
    from thads.metrics import calendar_year as calendar_year
    from thads.metrics import reconcile as reconcile

__version__ = "0.1.0"

_LAZY_MODULES: frozenset[str] = frozenset(
    {
        "chart",
        "export",
        "frames",
        "law",
        "metrics",
        "report_json",
        "samples",
        "testing",
        "worklists",
    }
)
"""Submodules loaded on first attribute access (module ``__getattr__``, PEP 562)."""
_LAZY_FUNCTIONS: dict[str, tuple[str, str]] = {
    "frame": ("thads.frames", "frame"),
    "reconcile": ("thads.metrics", "reconcile"),
    "calendar_year": ("thads.metrics", "calendar_year"),
    "DateRange": ("thads.metrics", "DateRange"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        module = importlib.import_module(f"thads.{name}")
        globals()[name] = module
        return module
    if name in _LAZY_FUNCTIONS:
        module_name, attribute = _LAZY_FUNCTIONS[name]
        value = getattr(importlib.import_module(module_name), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'thads' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY_MODULES | set(_LAZY_FUNCTIONS))


__all__ = [
    "AGREED_POSTPONEMENT",
    "KNOWN_GROUNDS",
    "Attainment",
    "Case",
    "CaseReader",
    "Change",
    "CreditorKind",
    "DateRange",
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
    "calendar_year",
    "change",
    "fmt",
    "frame",
    "metrics",
    "parse_ground",
    "placement",
    "read_cases",
    "read_excel",
    "read_frame",
    "read_offices",
    "read_quotas",
    "read_records",
    "reconcile",
    "regime_by_code",
    "regime_for",
    "report",
    "reports",
    "resolution_rate",
    "share",
    "tally_periods",
    "worklists",
    "write_cases",
]
