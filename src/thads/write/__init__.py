"""Writers (xuất kết quả): one :class:`Table` of typed rows, one writer per format.

A :class:`Table` holds :class:`Column` headings (machine name, Vietnamese heading, kind)
and rows of typed cells (text, counts, money in đồng, :class:`~thads.values.Rate`,
percents, :class:`~thads.values.Points`, days, or None). The writers print any table:

- text: :func:`render_text` (aligned, Vietnamese number format, no terminal control);
- CSV: :func:`write_csv` (machine values, formula guard :func:`safe_text`);
- JSON: :func:`write_json`, :func:`table_records`;
- Excel: :func:`write_table_xlsx`, :func:`fill_sheet` (typed cells, bordered, printable);
- data frames: :func:`table_frame`, :func:`frame_records` (numeric columns).

A report has its own layouts on top of them: :func:`to_table` and :func:`summary`
(text), :func:`to_csv` (a form as CSV), :func:`write_xlsx` (the printed forms),
:func:`to_pandas` / :func:`to_polars` / :func:`frame` (data frames), the charts
:func:`office_rates` and :func:`monthly_path`. The report's JSON layout belongs to
:mod:`thads.count` (:func:`to_dict`, :func:`to_json`, re-exported here).
"""

from __future__ import annotations

from thads.count import to_dict, to_json
from thads.write._chart import HEIGHT, WIDTH, chart_text, monthly_path, office_rates
from thads.write._csv import csv_cell, json_cell, table_records, write_csv, write_json
from thads.write._forms import MONEY_UNITS, MoneyUnit, sheet_table, write_xlsx
from thads.write._frames import (
    LONG_COLUMNS,
    ROWS,
    UNITS,
    frame,
    frame_columns,
    frame_records,
    long_records,
    long_table,
    records,
    table_frame,
    to_pandas,
    to_polars,
    wide_table,
)
from thads.write._guard import clean_text, csv_value, safe_text, starts_formula, xlsx_text
from thads.write._report import (
    CSV_HEADINGS,
    form_number,
    form_table,
    regime_note,
    rejected_note,
    report_table,
    summary,
    to_csv,
    to_table,
)
from thads.write._table import KINDS, Cell, Column, Kind, Table
from thads.write._text import render_text, text_cell
from thads.write._xlsx import fill_sheet, write_table_xlsx

__all__ = [
    "CSV_HEADINGS",
    "HEIGHT",
    "KINDS",
    "LONG_COLUMNS",
    "MONEY_UNITS",
    "ROWS",
    "UNITS",
    "WIDTH",
    "Cell",
    "Column",
    "Kind",
    "MoneyUnit",
    "Table",
    "chart_text",
    "clean_text",
    "csv_cell",
    "csv_value",
    "fill_sheet",
    "form_number",
    "form_table",
    "frame",
    "frame_columns",
    "frame_records",
    "json_cell",
    "long_records",
    "long_table",
    "monthly_path",
    "office_rates",
    "records",
    "regime_note",
    "rejected_note",
    "render_text",
    "report_table",
    "safe_text",
    "sheet_table",
    "starts_formula",
    "summary",
    "table_frame",
    "table_records",
    "text_cell",
    "to_csv",
    "to_dict",
    "to_json",
    "to_pandas",
    "to_polars",
    "to_table",
    "wide_table",
    "write_csv",
    "write_json",
    "write_table_xlsx",
    "write_xlsx",
    "xlsx_text",
]
