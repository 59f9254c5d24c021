"""The CSV and JSON writers of a :class:`~thads.write.Table`: machine values, exact.

CSV: one heading line (the machine names, or the Vietnamese headings), one line per
row; counts and money as whole numbers, rates and targets as percents with two places
(``82.90``), points with two places (``-32.80``), days as ``YYYY-MM-DD``, no figure as
an empty cell; text through :func:`~thads.write.safe_text`, so a spreadsheet never runs
it as a formula. JSON: an array of objects keyed by the machine names, rates written
exact (numerator, denominator) beside their rounded percent.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from thads.values import Points, Rate
from thads.write._guard import safe_text
from thads.write._table import Cell, Table


def _exact(value: int | Decimal | Fraction) -> str:
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else str(value)
    return str(value)


def csv_cell(value: Cell) -> str:
    """One cell as CSV text (machine form; text guarded against formulas)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, Rate):
        return str(value.percent)
    if isinstance(value, Points):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return _exact(value)


def write_csv(table: Table, *, headings: Literal["names", "titles"] = "names") -> str:
    """The table as CSV text: a heading line, then one line per row (see the module).

    ``headings="titles"`` writes the Vietnamese headings instead of the machine names.
    Title and notes are not written: a CSV file holds the columns only.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [c.name if headings == "names" else c.title for c in table.columns]
    writer.writerow([safe_text(name) for name in names])
    for row in table.rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def json_cell(value: Cell) -> object:
    """One cell as JSON data: ints stay ints, a rate is ``{numerator, denominator,
    percent}``, points, percents and exact numbers are text (``"-32.80"``, ``"7/3"``)."""
    if value is None or isinstance(value, str | int):
        return value
    if isinstance(value, Rate):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "percent": str(value.percent),
        }
    if isinstance(value, Points):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return _exact(value)


def table_records(table: Table) -> list[dict[str, object]]:
    """The rows as JSON-ready dicts keyed by column name (see :func:`json_cell`)."""
    names = [column.name for column in table.columns]
    return [
        {name: json_cell(value) for name, value in zip(names, row, strict=True)}
        for row in table.rows
    ]


def write_json(table: Table, *, indent: int | None = 1) -> str:
    """The table as a JSON array of objects, one per row (see :func:`table_records`)."""
    return json.dumps(table_records(table), ensure_ascii=False, indent=indent)


__all__ = ["csv_cell", "json_cell", "table_records", "write_csv", "write_json"]
