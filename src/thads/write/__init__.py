"""TODO docstring."""

from __future__ import annotations

from thads.write._chart import (
    HEIGHT,
    WIDTH,
    monthly_path,
    office_rates,
)
from thads.write._export import (
    CSV_HEADINGS,
    FORM_COLUMNS,
    MONEY_UNITS,
    MoneyUnit,
    csv_value,
    form_number,
    safe_text,
    summary,
    to_csv,
    to_dict,
    to_json,
    to_table,
    write_xlsx,
    xlsx_text,
)
from thads.write._frames import (
    LONG_COLUMNS,
    ROWS,
    UNITS,
    frame,
    long_records,
    records,
    to_pandas,
    to_polars,
)

__all__ = [
    "CSV_HEADINGS",
    "FORM_COLUMNS",
    "HEIGHT",
    "LONG_COLUMNS",
    "MONEY_UNITS",
    "ROWS",
    "UNITS",
    "WIDTH",
    "MoneyUnit",
    "csv_value",
    "form_number",
    "frame",
    "long_records",
    "monthly_path",
    "office_rates",
    "records",
    "safe_text",
    "summary",
    "to_csv",
    "to_dict",
    "to_json",
    "to_pandas",
    "to_polars",
    "to_table",
    "write_xlsx",
    "xlsx_text",
]
