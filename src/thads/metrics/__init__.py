"""Court and enforcement indicators beside the official forms (chỉ số ngoài biểu mẫu).

The indicators courts use worldwide (NCSC CourTools, CEPEJ; docs/sources/metrics.md §A),
computed from the same case histories (timelines), the same groups and the same office
rollup as :func:`thads.count.report`, in the same pass over the cases: a
:class:`MetricsCollector` watches the (group, timeline) entries on their way to
:func:`thads.count.sweep` and adds each case to every date range asked for. The monthly
flows come from the sweep's own monthly changes; the reconciliation sets one year's
carried forward beside the next year's carried over; the planner and the year-end
outlook (a projection, dự báo) look at the quota. Definitions, with worked examples, are
in docs/metrics.md.

The Vietnamese resolution rate (tỷ lệ thi hành xong = resolved / enforceable) is *not*
a clearance rate; the clearance rate here is CEPEJ's and CourTools' disposed / incoming.
"""

from __future__ import annotations

from thads.metrics._collector import MetricsCollector, Source
from thads.metrics._compute import (
    Analytics,
    FlowsTable,
    MetricsTable,
    Row,
    campaign,
    collected,
    compute,
    metrics,
    monthly_flows,
)
from thads.metrics._flows import Flow, MonthFlows, month_flows
from thads.metrics._frames import flows_records, metrics_records, to_pandas, to_polars
from thads.metrics._indicators import AGE_BANDS, CLOSINGS, Metrics
from thads.metrics._outlook import (
    METHODS,
    Outlook,
    OutlookMethod,
    OutlookRow,
    Projection,
    outlook,
    year_end_outlook,
)
from thads.metrics._planner import Needed, plan
from thads.metrics._ranges import DateRange, RangeLike, as_range, calendar_year
from thads.metrics._reconcile import Moved, OfficeReconciliation, Reconciliation, reconcile
from thads.metrics._tables import (
    CSV_COLUMNS,
    FLOW_FRAME_COLUMNS,
    FRAME_COLUMNS,
    OUTLOOK_COLUMNS,
    PROJECTION_MARK,
    RECONCILIATION_COLUMNS,
)
from thads.metrics._writers import (
    flows_to_csv,
    metrics_dict,
    outlook_csv,
    outlook_dict,
    outlook_json,
    outlook_table,
    reconciliation_csv,
    reconciliation_dict,
    reconciliation_json,
    reconciliation_table,
    reconciliation_text,
    to_csv,
    to_dict,
    to_json,
    to_table,
)
from thads.values import needed

__all__ = [
    "AGE_BANDS",
    "CLOSINGS",
    "CSV_COLUMNS",
    "FLOW_FRAME_COLUMNS",
    "FRAME_COLUMNS",
    "METHODS",
    "OUTLOOK_COLUMNS",
    "PROJECTION_MARK",
    "RECONCILIATION_COLUMNS",
    "Analytics",
    "DateRange",
    "Flow",
    "FlowsTable",
    "Metrics",
    "MetricsCollector",
    "MetricsTable",
    "MonthFlows",
    "Moved",
    "Needed",
    "OfficeReconciliation",
    "Outlook",
    "OutlookMethod",
    "OutlookRow",
    "Projection",
    "RangeLike",
    "Reconciliation",
    "Row",
    "Source",
    "as_range",
    "calendar_year",
    "campaign",
    "collected",
    "compute",
    "flows_records",
    "flows_to_csv",
    "metrics",
    "metrics_dict",
    "metrics_records",
    "month_flows",
    "monthly_flows",
    "needed",
    "outlook",
    "outlook_csv",
    "outlook_dict",
    "outlook_json",
    "outlook_table",
    "plan",
    "reconcile",
    "reconciliation_csv",
    "reconciliation_dict",
    "reconciliation_json",
    "reconciliation_table",
    "reconciliation_text",
    "to_csv",
    "to_dict",
    "to_json",
    "to_pandas",
    "to_polars",
    "to_table",
    "year_end_outlook",
]
