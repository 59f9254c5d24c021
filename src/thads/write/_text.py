"""The text writer: a :class:`~thads.write.Table` as an aligned table for a terminal.

Numbers in the Vietnamese format (``16.109``, ``82,90%``, ``+0,10``), right-aligned;
text left-aligned and cleaned of terminal control (:func:`~thads.write.clean_text`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from thads.fmt import format_count, format_decimal, format_money, format_percent, format_points
from thads.values import Points, Rate, round_half_up
from thads.write._guard import clean_text
from thads.write._table import Cell, Column, Table


def text_cell(value: Cell, column: Column, *, none: str = "—") -> str:
    """One cell as the text table prints it (Vietnamese number format)."""
    if value is None:
        return none
    kind = column.kind
    if kind == "text":
        return clean_text(str(value))
    if kind == "count" and isinstance(value, int):
        return format_count(value)
    if kind == "money" and isinstance(value, int):
        if column.unit == "đồng":
            return format_count(value)
        return format_money(value, column.unit).rsplit(" ", 2)[0]
    if isinstance(value, Rate):
        return format_percent(value)
    if isinstance(value, Points):
        return format_points(value)
    if kind == "percent" and isinstance(value, Decimal):
        return format_percent(value)
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Fraction):
        return format_decimal(round_half_up(value, 2))
    if isinstance(value, int | Decimal):
        return format_decimal(value)
    return clean_text(str(value))  # pragma: no cover - the table checked every cell


def render_text(table: Table, *, first_width: int = 48, none: str = "—", rule: bool = True) -> str:
    """The table as aligned text: title and notes, headings, a rule, one line per row.

    The first column is left-aligned, indented two spaces per depth and cut at
    ``first_width`` characters; text columns are left-aligned, numbers right-aligned;
    ``none`` is printed where a cell has no figure. Control characters and ANSI escapes
    in any text are removed, so a name cannot move the cursor or recolour the terminal.
    """
    heads = [clean_text(column.title) for column in table.columns]
    body = []
    for index, row in enumerate(table.rows):
        cells = [text_cell(v, c, none=none) for v, c in zip(row, table.columns, strict=True)]
        if cells:
            cells[0] = "  " * table.depth(index) + cells[0]
        body.append(cells)
    widths = [max(len(line[i]) for line in [heads, *body]) for i in range(len(heads))]
    if widths:
        widths[0] = min(widths[0], first_width)
    left = [i == 0 or c.kind in ("text", "date") for i, c in enumerate(table.columns)]

    def line(cells: list[str]) -> str:
        parts = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            cell = cell[:width] if i == 0 else cell
            parts.append(cell.ljust(width) if left[i] else cell.rjust(width))
        return "  ".join(parts).rstrip()

    lines = [clean_text(text) for text in (table.title, *table.notes) if text]
    lines.append(line(heads))
    if rule:
        lines.append("-" * (sum(widths) + 2 * max(len(widths) - 1, 0)))
    lines.extend(line(cells) for cells in body)
    return "\n".join(lines)


__all__ = ["render_text", "text_cell"]
