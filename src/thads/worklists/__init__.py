"""Work lists (danh sách công việc): who must act, on which case, by when.

Built on the same case records and timelines as the reports (docs/worklists.md):

- period-end lists of TT 05/2024/TT-BTP Art. 8: cases moved to the separate register
  (chuyển sổ theo dõi riêng), being enforced (đang thi hành), state-compensation (bồi
  thường nhà nước), credit-institution (tổ chức tín dụng) and, at 12 months, carried
  into the next year (chuyển năm sau) — :func:`period_list`;
- large and long-running cases (án lớn, án kéo dài) — :func:`large_cases`,
  :func:`long_running_cases`;
- an executor's deadlines due or overdue (thời hạn đến hạn, quá hạn) — :func:`work_list`;
- the day each report is due (hạn gửi báo cáo) — :func:`report_due`,
  :func:`reporting_calendar`;
- exemption and reduction review — :func:`thads.law.exemption_candidates`.

Each list takes ``office=`` (and the office tree ``offices=``, for the offices below it).
:func:`list_table` makes any list a :class:`thads.write.Table`; :func:`to_table`,
:func:`to_csv` and :func:`write_xlsx` print it with Vietnamese headings and outcomes,
:func:`to_json` and :func:`to_records` with field names and codes.
"""

from __future__ import annotations

from thads.worklists._calendar import (
    LEVELS,
    REPORT_DUE,
    ReportDue,
    report_due,
    reporting_calendar,
)
from thads.worklists._common import of_office
from thads.worklists._open import (
    LARGE_AMOUNT,
    LONG_RUNNING_MONTHS,
    OpenCaseRow,
    large_cases,
    long_running_cases,
    open_cases,
)
from thads.worklists._output import (
    LANGUAGES,
    NOTHING_LISTED,
    Language,
    Listed,
    list_table,
    to_csv,
    to_json,
    to_records,
    to_table,
    write_xlsx,
)
from thads.worklists._period import (
    ListKind,
    PeriodListRow,
    carried_into_next_year,
    period_list,
)
from thads.worklists._vietnamese import HEADINGS_VI, VALUES_VI
from thads.worklists._work import (
    WORK_WINDOW_DAYS,
    WorkItem,
    by_executor,
    work_list,
)

__all__ = [
    "HEADINGS_VI",
    "LANGUAGES",
    "LARGE_AMOUNT",
    "LEVELS",
    "LONG_RUNNING_MONTHS",
    "NOTHING_LISTED",
    "REPORT_DUE",
    "VALUES_VI",
    "WORK_WINDOW_DAYS",
    "Language",
    "ListKind",
    "Listed",
    "OpenCaseRow",
    "PeriodListRow",
    "ReportDue",
    "WorkItem",
    "by_executor",
    "carried_into_next_year",
    "large_cases",
    "list_table",
    "long_running_cases",
    "of_office",
    "open_cases",
    "period_list",
    "report_due",
    "reporting_calendar",
    "to_csv",
    "to_json",
    "to_records",
    "to_table",
    "work_list",
    "write_xlsx",
]
