"""Counting (đếm): from case timelines to reports, rankings and explained figures.

:func:`report` sweeps the cases once into a :class:`Report`; :func:`combine` adds the
reports of disjoint parts of the cases; :meth:`Report.explain` (or :func:`explain`) lists
the cases behind a figure and :func:`difference` the cases that moved it.
"""

from __future__ import annotations

from thads.count._combine import combine
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
from thads.count._explain import (
    EXPLAINED_ROWS,
    Contribution,
    Difference,
    EventNote,
    Explanation,
    Moved,
    Which,
    difference,
)
from thads.count._ranking import (
    RATE_KEYS,
    Ranked,
    Ranking,
    rank_report,
)
from thads.count._report import (
    GROUPINGS,
    MAX_JOBS,
    Collector,
    GroupBy,
    KeptCases,
    Node,
    Report,
    ReportRow,
    explain,
    group_key,
    report,
    reports,
    rollup,
)
from thads.count._report_json import (
    FORMAT,
    SCHEMA_ID,
    SCHEMA_VERSION,
    parents,
    report_schema,
    row_identity,
    to_dict,
    to_json,
)

__all__ = [
    "EXPLAINED_ROWS",
    "FORMAT",
    "GROUPINGS",
    "MAX_JOBS",
    "RATE_KEYS",
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "Collector",
    "Contribution",
    "Difference",
    "EventNote",
    "Explanation",
    "GroupBy",
    "GroupKey",
    "KeptCases",
    "KeyFunction",
    "Moved",
    "Node",
    "Placement",
    "Ranked",
    "Ranking",
    "Report",
    "ReportRow",
    "Sweep",
    "TallyPair",
    "Which",
    "combine",
    "compiled",
    "difference",
    "explain",
    "group_key",
    "parents",
    "place_case",
    "placement",
    "rank_report",
    "report",
    "report_schema",
    "reports",
    "rollup",
    "row_identity",
    "statistical_year_months",
    "sweep",
    "tally_periods",
    "to_dict",
    "to_json",
]
