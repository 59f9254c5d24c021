"""Reading cases (đọc dữ liệu): the interchange format (CSV, JSON Lines), Python records,
data frames and workbooks, office and quota files; every row read is accounted for
(read = accepted + rejected). See docs/interchange-format.md."""

from __future__ import annotations

from thads.read._decode import parse_event_row
from thads.read._encodings import InputEncodingError
from thads.read._excel import read_excel
from thads.read._files import read_offices, read_quotas
from thads.read._headings import CASE_COLUMNS, CASE_OPTIONAL, EVENT_COLUMNS, EVENT_OPTIONAL
from thads.read._reader import CaseReader, read_cases, read_records
from thads.read._rows import (
    ON_BAD_EVENT,
    FileCount,
    RejectedRow,
    RowError,
    UnreadableRow,
)
from thads.read._rows import (
    CaseColumns as CaseColumns,
)
from thads.read._tabular import cell, read_frame
from thads.read._write import write_cases

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
