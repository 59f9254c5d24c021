"""thads: Vietnam civil judgment enforcement statistics (thống kê thi hành án dân sự).

Exact, repeatable THADS figures from case records: cases and money accepted, carried
over, with or without conditions to enforce, resolved; resolution rates; quota
attainment; comparison with the same period last year.

The pipeline is read → count → analyse → write, one public package each:
:mod:`thads.read`, :mod:`thads.count`, :mod:`thads.metrics` and :mod:`thads.worklists`,
:mod:`thads.write`; below them :mod:`thads.values`, :mod:`thads.records`,
:mod:`thads.law` and :mod:`thads.rules`; beside them :mod:`thads.testing`,
:mod:`thads.samples` and :mod:`thads.cli`. This module re-exports the few names most
programs need; the packages load on first use.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any, Final

from thads import _compat
from thads.count import Report, ReportRow, report, reports
from thads.errors import InvalidRecordError, RuleNotAvailableError, ThadsError
from thads.read import (
    CaseReader,
    RejectedRow,
    read_cases,
    read_excel,
    read_frame,
    read_offices,
    read_quotas,
    read_records,
    write_cases,
)
from thads.records import (
    Case,
    CreditorKind,
    Debt,
    EnforcementMode,
    Event,
    EventKind,
    Judgment,
    JudgmentKind,
    Office,
    OfficeLevel,
    OfficeTree,
)
from thads.rules import Regime, regime_by_code, regime_for
from thads.values import (
    Change,
    Points,
    Quota,
    Rate,
    StatisticalPeriod,
    Tally,
    resolution_rate,
    share,
)

if TYPE_CHECKING:
    from thads import law as law
    from thads import metrics as metrics
    from thads import samples as samples
    from thads import testing as testing
    from thads import worklists as worklists
    from thads import write as write

__version__ = "0.1.0"

_compat.install()

_PACKAGES: Final = frozenset(
    {"law", "metrics", "samples", "testing", "worklists", "write", "cli", "fmt", "validate"}
)
"""Public packages loaded on first attribute access (PEP 562)."""

_MOVED: Final[dict[str, str]] = {
    "AGREED_POSTPONEMENT": "thads.law",
    "KNOWN_GROUNDS": "thads.law",
    "Ground": "thads.law",
    "GroundKind": "thads.law",
    "parse_ground": "thads.law",
    "Attainment": "thads.values",
    "change": "thads.values",
    "Placement": "thads.count",
    "TallyPair": "thads.count",
    "placement": "thads.count",
    "tally_periods": "thads.count",
    "Timeline": "thads.records",
    "DateRange": "thads.metrics",
    "calendar_year": "thads.metrics",
    "reconcile": "thads.metrics",
    "frame": "thads.write",
    "FormatParseError": "thads.errors",
    "GroundNotAvailableError": "thads.errors",
    "InconsistentTallyError": "thads.errors",
    "InvalidGroundError": "thads.errors",
    "MissingExtraError": "thads.errors",
    "MoneyTypeError": "thads.errors",
    "PeriodError": "thads.errors",
    "UndefinedRateError": "thads.errors",
}
"""Names of the 0.1.0 top level that now live only in their package (one release)."""

_OLD_MODULES: Final = frozenset({"export", "frames", "chart", "report_json"})


def __getattr__(name: str) -> Any:
    if name in _PACKAGES:
        module = importlib.import_module(f"thads.{name}")
        globals()[name] = module
        return module
    if name in _MOVED:
        warnings.warn(
            f"thads.{name} is deprecated and will be removed after 0.2; use {_MOVED[name]}.{name}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(_MOVED[name]), name)
    if name in _OLD_MODULES:
        return importlib.import_module(f"thads.{name}")
    raise AttributeError(f"module 'thads' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _PACKAGES)


__all__ = [
    "Case",
    "CaseReader",
    "Change",
    "CreditorKind",
    "Debt",
    "EnforcementMode",
    "Event",
    "EventKind",
    "InvalidRecordError",
    "Judgment",
    "JudgmentKind",
    "Office",
    "OfficeLevel",
    "OfficeTree",
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
    "ThadsError",
    "__version__",
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
    "write_cases",
]
