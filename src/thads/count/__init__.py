"""TODO docstring."""

from __future__ import annotations

from thads.count._engine import (
    GroupKey,
    KeyFunction,
    Placement,
    Sweep,
    TallyPair,
    compiled,
    place_case,
    placement,
    statistical_year_months,
    sweep,
    tally_periods,
)
from thads.count._ranking import (
    RATE_KEYS,
    Ranked,
    Ranking,
    rank_report,
)
from thads.count._report import (
    GROUPINGS,
    Collector,
    GroupBy,
    Node,
    Report,
    ReportRow,
    group_key,
    report,
    reports,
    rollup,
)
from thads.count._report_json import (
    FORMAT,
    SCHEMA_VERSION,
    parents,
    row_identity,
    to_dict,
    to_json,
)

__all__ = [
    "FORMAT",
    "GROUPINGS",
    "RATE_KEYS",
    "SCHEMA_VERSION",
    "Collector",
    "GroupBy",
    "GroupKey",
    "KeyFunction",
    "Node",
    "Placement",
    "Ranked",
    "Ranking",
    "Report",
    "ReportRow",
    "Sweep",
    "TallyPair",
    "compiled",
    "group_key",
    "parents",
    "place_case",
    "placement",
    "rank_report",
    "report",
    "reports",
    "rollup",
    "row_identity",
    "statistical_year_months",
    "sweep",
    "tally_periods",
    "to_dict",
    "to_json",
]
