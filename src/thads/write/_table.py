"""One table (bảng) of headings and typed rows, which every writer of thads prints.

A :class:`Table` is columns (:class:`Column`: a machine name, a Vietnamese heading and
the kind of its cells) and rows of typed cells. The writers only choose how each kind
is shown: the text table in the Vietnamese format (``16.109``, ``82,90%``), CSV and
JSON in machine form (``16109``, ``"82.90"``), Excel as typed cells, data frames as
numeric columns. A cell is ``None`` where there is no figure (``—`` in text, blank in
CSV and Excel, null in JSON and frames).

Kinds and their cells:

- ``text``: ``str`` (names, codes; guarded against formulas and terminal control);
- ``count``: ``int``, a number of cases (số việc) or any whole count, sign allowed;
- ``money``: ``int`` đồng (tiền); the column's ``unit`` is the unit of the text table;
- ``rate``: :class:`~thads.values.Rate` (tỷ lệ), exact;
- ``percent``: ``Decimal`` percent, e.g. a quota target (chỉ tiêu) ``82.80``;
- ``points``: :class:`~thads.values.Points` (điểm phần trăm);
- ``date``: ``datetime.date`` (a day, never a datetime);
- ``number``: an exact ``int``, ``Decimal`` or ``Fraction`` (days, ratios).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, TypeAlias

import attrs

from thads.errors import InvalidRecordError
from thads.values import Points, Rate

Kind: TypeAlias = Literal["text", "count", "money", "rate", "percent", "points", "date", "number"]
KINDS: Final[tuple[Kind, ...]] = (
    "text",
    "count",
    "money",
    "rate",
    "percent",
    "points",
    "date",
    "number",
)
"""The kinds of cells a :class:`Column` may hold."""

MoneyShown: TypeAlias = Literal["đồng", "nghìn", "triệu", "tỷ"]
Cell: TypeAlias = str | int | Rate | Points | Decimal | Fraction | date | None
"""A cell of a :class:`Table`: its type follows the column's kind; None is no figure."""


def _check_kind(_instance: object, _attribute: object, value: object) -> None:
    if value not in KINDS:
        raise InvalidRecordError(
            "Column", "kind", f"unknown kind {value!r}; use one of {', '.join(KINDS)}",
            code="value.unknown",
        )  # fmt: skip


def _check_unit(_instance: object, _attribute: object, value: object) -> None:
    if value not in ("đồng", "nghìn", "triệu", "tỷ"):
        raise InvalidRecordError(
            "Column", "unit", f"unknown unit {value!r}; use đồng, nghìn, triệu or tỷ",
            code="value.unknown",
        )  # fmt: skip


@attrs.frozen
class Column:
    """A column (cột) of a :class:`Table`.

    ``name`` is the machine name (the CSV heading, the JSON key, the frame column);
    ``heading`` the Vietnamese heading of the text table and the Excel sheet (the name
    when empty); ``kind`` the kind of its cells; ``unit`` the unit money is shown in by
    the text table (whole units; CSV, JSON, Excel and frames keep exact đồng).
    """

    name: str
    heading: str = ""
    kind: Kind = attrs.field(default="text", validator=_check_kind)
    unit: MoneyShown = attrs.field(default="đồng", validator=_check_unit)

    @property
    def title(self) -> str:
        """The heading shown to people: ``heading``, else ``name``."""
        return self.heading or self.name


def _fits(kind: Kind, value: object) -> tuple[bool, str]:
    """Whether ``value`` may be a cell of ``kind``, and the error code when not."""
    whole = isinstance(value, int) and not isinstance(value, bool)
    if kind == "text":
        return isinstance(value, str), "text.not_text"
    if kind == "count":
        return whole, "count.not_integer"
    if kind == "money":
        return whole, "amount.not_integer"
    if kind == "rate":
        return isinstance(value, Rate), "record.invalid"
    if kind == "percent":
        return isinstance(value, Decimal), "record.invalid"
    if kind == "points":
        return isinstance(value, Points), "record.invalid"
    if kind == "date":
        return isinstance(value, date) and not isinstance(value, datetime), "date.not_date"
    return whole or isinstance(value, Decimal | Fraction), "record.invalid"


_EXPECTED: Final[dict[str, str]] = {
    "text": "a str",
    "count": "an int",
    "money": "an int number of đồng",
    "rate": "a thads Rate",
    "percent": "a Decimal percent",
    "points": "thads Points",
    "date": "a datetime.date (not a datetime)",
    "number": "an int, Decimal or Fraction",
}


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(value)


def _rows(value: Iterable[Sequence[Cell]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple(tuple(row) for row in value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _depths(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


@attrs.frozen
class Table:
    """A table (bảng) of typed rows under :class:`Column` headings, for any writer.

    ``title`` is printed above the text table and as the sheet's first line; ``notes``
    are lines printed above the text table and the sheet (for example "122 of 300 rows
    rejected"); ``depths`` (one per row, or empty) indents the first cell of each row by
    its depth in a tree of offices. Every cell is checked against its column's kind
    when the table is made, so a writer never meets a cell it cannot print.

    >>> from decimal import Decimal
    >>> table = Table(
    ...     [Column("code", "Mã"), Column("cases", "Số việc", "count")],
    ...     [("01", 16109), ("02", None)],
    ... )
    >>> table.column("cases").kind, table.rows[0]
    ('count', ('01', 16109))
    """

    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Cell, ...], ...] = attrs.field(converter=_rows)
    title: str = ""
    notes: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    depths: tuple[int, ...] = attrs.field(default=(), converter=_depths)

    def __attrs_post_init__(self) -> None:
        names: set[str] = set()
        for index, column in enumerate(self.columns):
            if not isinstance(column, Column):
                raise InvalidRecordError(
                    "Table", f"columns[{index}]", f"expected a Column, got {type(column).__name__}"
                )
            if column.name in names:
                raise InvalidRecordError("Table", "columns", f"column {column.name!r} twice")
            names.add(column.name)
        width = len(self.columns)
        for number, row in enumerate(self.rows):
            if len(row) != width:
                raise InvalidRecordError(
                    "Table", f"rows[{number}]", f"has {len(row)} cells for {width} columns"
                )
            for column, value in zip(self.columns, row, strict=True):
                if value is None:
                    continue
                fits, code = _fits(column.kind, value)
                if not fits:
                    raise InvalidRecordError(
                        "Table",
                        f"rows[{number}].{column.name}",
                        f"a {column.kind} cell must be {_EXPECTED[column.kind]}, "
                        f"got {type(value).__name__} {value!r:.60}",
                        code=code,
                    )
        if self.depths and len(self.depths) != len(self.rows):
            raise InvalidRecordError(
                "Table", "depths", f"{len(self.depths)} depths for {len(self.rows)} rows"
            )
        for depth in self.depths:
            if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
                raise InvalidRecordError("Table", "depths", f"must be ints >= 0, got {depth!r}")

    def column(self, name: str) -> Column:
        """The column named ``name``; KeyError when there is none."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def depth(self, index: int) -> int:
        """The depth of row ``index`` (0 when the table has no depths)."""
        return self.depths[index] if self.depths else 0


__all__ = ["KINDS", "Cell", "Column", "Kind", "MoneyShown", "Table"]
