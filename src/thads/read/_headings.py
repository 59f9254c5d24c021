"""Headings and columns (tiêu đề cột): the interchange fields and their Vietnamese headings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from thads.errors import InvalidRecordError
from thads.records import HEADING_ALIASES, HEADINGS, fold

CASE_COLUMNS: Final = (
    "case_id",
    "office",
    "executor",
    "mode",
    "judgment_kind",
    "judgment_ref",
    "judgment_effective",
    "accepted_on",
    "amount",
    "creditor",
)
"""Required columns of cases.csv (interchange format v1)."""
CASE_OPTIONAL: Final = ("due_on",)
"""Optional columns of cases.csv."""
EVENT_COLUMNS: Final = ("case_id", "date", "kind", "amount")
"""Columns of events.csv; ``amount`` may be blank for events without money."""
EVENT_OPTIONAL: Final = ("ground",)
"""Optional columns of events.csv."""
READER_FIELDS: Final = frozenset((*CASE_COLUMNS, *CASE_OPTIONAL, *EVENT_COLUMNS, *EVENT_OPTIONAL))


ColumnMap = Mapping[str, str | None] | None
"""Headings mapped to fields (``{"Số tiền": "amount"}``); a heading mapped to None is ignored."""
"""``columns=``: a heading of the file → the interchange field it holds."""


def locate_columns(
    name: str,
    header: list[object],
    required: tuple[str, ...],
    optional: tuple[str, ...],
    columns: ColumnMap,
    *,
    cli: bool = True,
) -> list[int]:
    """Where each field (required, then optional) is in ``header``; -1 if absent.

    ``cli``: the file can be read with ``thads report --column`` (cases and events).

    Headings are matched after :func:`thads.labels.fold` against the field names, the
    Vietnamese headings of :data:`thads.labels.HEADING_ALIASES` and ``columns``.
    """
    fields = (*required, *optional)
    user: dict[str, str] = {}
    ignored: set[str] = set()
    for given, target in (columns or {}).items():
        if target is None:
            ignored.add(fold(str(given)))
            continue
        if target not in fields:
            if target in READER_FIELDS:
                continue  # a field of the other file (cases or events)
            raise InvalidRecordError(
                name,
                "columns",
                f"{given!r} is mapped to {target!r}, which is not a field of this file; "
                f"fields: {', '.join(fields)}",
                code="heading.not_a_field",
            )
        user[fold(str(given))] = target
    own = {fold(f): f for f in fields}
    at: dict[str, int] = {}
    unknown: list[str] = []
    blank: list[int] = []
    for j, heading in enumerate(header):
        text = "" if heading is None else str(heading)
        key = fold(text)
        if not key:
            if "" not in ignored:
                blank.append(j + 1)
            continue
        field = user.get(key) or own.get(key) or HEADINGS.match(text)
        if key in ignored:
            if field is not None and field in fields:
                raise InvalidRecordError(
                    name,
                    "columns",
                    f"{text!r} is asked to be ignored, but it is the {field!r} column of "
                    f"this file: only a column thads does not recognise can be ignored "
                    f"(map it to another field with columns={{{text!r}: FIELD}} instead)",
                    code="heading.not_ignorable",
                )
            continue
        if field is None or field not in fields:
            unknown.append(text)
            continue
        if field in at:
            raise InvalidRecordError(
                name,
                field,
                f"duplicate column: headings {header[at[field]]!r} (column {at[field] + 1}) "
                f"and {text!r} (column {j + 1}) both give {field!r}",
                code="heading.duplicate",
            )
        at[field] = j
    missing = [c for c in required if c not in at]
    expected = f"expected {', '.join(required)}" + (
        f" (optional: {', '.join(optional)})" if optional else ""
    )
    expected += ", or their Vietnamese headings (docs/interchange-format.md)"
    found = [str(h) for h in header]
    option = " (thads report --column HEADING=FIELD)" if cli else ""
    if missing:
        raise InvalidRecordError(
            name,
            ", ".join(missing),
            f"required column missing ({_in_vietnamese(missing)}); headings found: {found}; "
            f"{expected}; map other "
            f"headings with columns={{HEADING: FIELD}}{option}{_semicolon_hint(found)}",
            code="heading.missing",
        )
    if blank:
        ignore = " (thads report --column =)" if cli else ""
        raise InvalidRecordError(
            name,
            "columns",
            f"column{'s' if len(blank) > 1 else ''} {', '.join(map(str, blank))} "
            "without a heading: a column thads cannot name is not ignored (it may hold a "
            f"field); headings found: {found}; give it a heading, or ignore columns without "
            f"a heading with columns={{'': None}}{ignore}",
            code="heading.blank",
        )
    if unknown:
        ignore = " (thads report --column HEADING=)" if cli else ""
        raise InvalidRecordError(
            name,
            "columns",
            f"unknown headings {unknown}: a column thads does not recognise is not ignored "
            f"(it may hold a field under another name); headings found: {found}; "
            f"{expected}; map a heading to a field with columns={{HEADING: FIELD}}{option}, "
            f"or ignore it with columns={{HEADING: None}}{ignore}",
            code="heading.unknown",
        )
    return [at.get(c, -1) for c in fields]


def _in_vietnamese(fields: list[str]) -> str:
    """Each field with its Vietnamese heading(s), e.g. ``accepted_on: "Ngày thụ lý"``."""
    parts = []
    for field in fields:
        names = HEADING_ALIASES.get(field, ())
        shown = " or ".join(f'"{n[0].upper()}{n[1:]}"' for n in names[:2])
        parts.append(f"{field}: {shown}" if shown else field)
    return "; ".join(parts)


def _semicolon_hint(found: list[str]) -> str:
    """A hint for a header line that is one heading holding semicolons."""
    if len(found) == 1 and ";" in found[0]:
        return (
            "; the header looks separated by ';' (as Excel saves CSV under Vietnamese "
            "regional settings): save the file with commas"
        )
    return ""
