"""TODO docstring."""

from __future__ import annotations

from thads.read._io import (
    CASE_COLUMNS,
    CASE_OPTIONAL,
    EVENT_COLUMNS,
    EVENT_OPTIONAL,
    ON_BAD_EVENT,
    CaseReader,
    FileCount,
    InputEncodingError,
    RejectedRow,
    RowError,
    UnreadableRow,
    parse_event_row,
    read_cases,
    read_offices,
    read_quotas,
    read_records,
    write_cases,
)
from thads.read._tabular import (
    cell,
    read_excel,
    read_frame,
)

__all__ = [
    "CASE_COLUMNS",
    "CASE_OPTIONAL",
    "EVENT_COLUMNS",
    "EVENT_OPTIONAL",
    "ON_BAD_EVENT",
    "CaseReader",
    "FileCount",
    "InputEncodingError",
    "RejectedRow",
    "RowError",
    "UnreadableRow",
    "cell",
    "parse_event_row",
    "read_cases",
    "read_excel",
    "read_frame",
    "read_offices",
    "read_quotas",
    "read_records",
    "write_cases",
]
