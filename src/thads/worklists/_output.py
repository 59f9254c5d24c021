"""The writers of the work lists (in danh sách): one :class:`thads.write.Table` per list.

:func:`list_table` turns any list into a table of typed columns (money in đồng, days,
counts, text) headed in Vietnamese (``language="vi"``, default) or by field name
(``"en"``); the text, CSV and Excel writers of :mod:`thads.write` print it. JSON and
:func:`to_records` keep the field names and codes, for programs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError
from thads.law import ExemptionCandidate
from thads.values import StatisticalPeriod
from thads.worklists._calendar import ReportDue
from thads.worklists._open import OpenCaseRow
from thads.worklists._period import PeriodListRow
from thads.worklists._vietnamese import heading_vi, value_vi
from thads.worklists._work import WorkItem
from thads.write import Cell as TableCell
from thads.write import Column, Kind, Table, render_text, write_csv, write_table_xlsx

Listed = PeriodListRow | OpenCaseRow | WorkItem | ReportDue | ExemptionCandidate
"""Any row of a list: period-end, open case, deadline, report due day, exemption."""
Cell = str | int | bool | None
"""A value of :func:`to_records`."""

Language = Literal["vi", "en"]
"""The words of a list's headings and outcomes: ``vi`` (default) or ``en`` (field names)."""
LANGUAGES: Final = ("vi", "en")

NOTHING_LISTED: Final = {"vi": "(không có việc nào)", "en": "(no cases)"}
"""What :func:`to_table` prints for an empty list."""

MONEY_FIELDS: Final = frozenset({"amount", "outstanding", "item", "paid", "max_amount"})
"""Fields that hold money (đồng); other whole numbers are counts (days, months)."""


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StatisticalPeriod):
        return value.label
    if attrs.has(type(value)) and hasattr(value, "ref"):  # a Judgment
        kind = getattr(value, "kind", "")
        return f"{value.ref} ({kind})" if value.ref else str(kind)
    return str(value)


def to_records(rows: Sequence[Listed]) -> list[dict[str, Cell]]:
    """Each row as a flat mapping (dates as ISO text, money as int đồng)."""
    return [{f.name: _cell(getattr(r, f.name)) for f in attrs.fields(type(r))} for r in rows]


def _language(value: object) -> Language:
    if value not in LANGUAGES:
        raise InvalidRecordError(
            "worklists", "language", f"unknown language {value!r}; use one of: {LANGUAGES}"
        )
    return value


def _kind(name: str, values: list[object]) -> Kind:
    """The kind of a column from its field name and values (the first one given)."""
    given = next((v for v in values if v is not None), None)
    if isinstance(given, date):
        return "date"
    if isinstance(given, int) and not isinstance(given, bool):
        return "money" if name in MONEY_FIELDS else "count"
    return "text"


def _typed(value: object, kind: Kind, name: str, language: Language) -> TableCell:
    if value is None:
        return None
    if kind == "date":
        assert isinstance(value, date)
        return value
    if kind in ("money", "count"):
        assert isinstance(value, int)
        return value
    text = _cell(value)
    return str(value_vi(name, text) if language == "vi" else text)


def list_table(
    rows: Sequence[Listed],
    *,
    language: Language = "vi",
    title: str = "",
    notes: Sequence[str] = (),
) -> Table:
    """The list as a :class:`thads.write.Table` (bảng danh sách): one column per field.

    ``language="vi"`` (default): Vietnamese headings and outcomes (docs/worklists.md);
    ``"en"``: the field names and codes. Money columns are đồng, days are dates.
    ``title`` and ``notes`` (e.g. how many input rows were rejected) head the table.
    """
    chosen = _language(language)
    if not rows:
        return Table([], [], title=title, notes=tuple(notes))
    fields = [f.name for f in attrs.fields(type(rows[0]))]
    kinds = [_kind(name, [getattr(r, name) for r in rows]) for name in fields]
    columns = [
        Column(name, heading_vi(name) if chosen == "vi" else name, kind)
        for name, kind in zip(fields, kinds, strict=True)
    ]
    body = [
        [
            _typed(getattr(row, name), kind, name, chosen)
            for name, kind in zip(fields, kinds, strict=True)
        ]
        for row in rows
    ]
    return Table(columns, body, title=title, notes=tuple(notes))


def to_csv(rows: Sequence[Listed], *, language: Language = "vi") -> str:
    """The list as CSV text (a heading line, then one line per row; nothing when empty).

    ``language="vi"`` (default): Vietnamese headings and outcomes; ``"en"``: the field
    names and codes of :func:`to_records`. Money in whole đồng, days as YYYY-MM-DD.
    """
    table = list_table(rows, language=language)
    if not rows:
        return ""
    return write_csv(table, headings="titles")


def to_json(rows: Sequence[Listed]) -> str:
    """The list as a JSON array of objects (field names and codes)."""
    return json.dumps(to_records(rows), ensure_ascii=False, indent=1)


def to_table(
    rows: Sequence[Listed], *, language: Language = "vi", notes: Sequence[str] = ()
) -> str:
    """The list as a plain-text table (money with Vietnamese thousands dots, days
    dd/mm/yyyy), ``notes`` above it; ``language`` as in :func:`to_csv`."""
    chosen = _language(language)
    if not rows:
        return "\n".join([*notes, NOTHING_LISTED[chosen]])
    return render_text(list_table(rows, language=chosen, notes=notes), first_width=40)


def write_xlsx(
    rows: Sequence[Listed],
    path: str | Path,
    *,
    title: str = "danh sách",
    language: Language = "vi",
    notes: Sequence[str] = (),
) -> None:
    """Write the list to an Excel file (extra ``thads[excel]``): typed dates and money,
    bordered and printable, ``notes`` above it; ``language`` as in :func:`to_csv`."""
    write_table_xlsx(list_table(rows, language=language, notes=notes), path, sheet=title)


__all__ = [
    "LANGUAGES",
    "MONEY_FIELDS",
    "NOTHING_LISTED",
    "Cell",
    "Language",
    "Listed",
    "list_table",
    "to_csv",
    "to_json",
    "to_records",
    "to_table",
    "write_xlsx",
]
