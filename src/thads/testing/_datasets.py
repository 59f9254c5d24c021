"""Data sets in the interchange format (bộ dữ liệu): rows of cases.csv and events.csv,
the cases the reader must build from them, and the rows it must reject."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Literal

import attrs

from thads.errors import InvalidRecordError
from thads.read import CASE_COLUMNS, CASE_OPTIONAL, EVENT_COLUMNS, EVENT_OPTIONAL, RejectedRow
from thads.records import Case, Event
from thads.rules import read_ground
from thads.testing._cases import case_lists, config_of
from thads.testing._hypothesis import st
from thads.testing._values import (
    DEFAULT_MAX_AMOUNT,
    DEFAULT_MONEY_SHARE,
    DEFAULT_YEARS,
    Offices,
    Years,
)

# --- data sets in the interchange format ------------------------------------------------

Row = dict[str, str]
"""One row of cases.csv or events.csv, every value a string as in a CSV file."""


def case_row(case: Case) -> Row:
    """The cases.csv row of a case with one debt (interchange format v1)."""
    (debt,) = case.debts
    effective = case.judgment.effective_on
    return {
        "case_id": case.case_id,
        "office": case.office,
        "executor": case.executor,
        "mode": case.mode.value,
        "judgment_kind": case.judgment.kind.value,
        "judgment_ref": case.judgment.ref,
        "judgment_effective": effective.isoformat() if effective else "",
        "accepted_on": case.accepted_on.isoformat(),
        "amount": str(debt.amount),
        "creditor": debt.creditor.value,
        "due_on": debt.due_on.isoformat() if debt.due_on else "",
    }


def event_row(case_id: str, event: Event) -> Row:
    """The events.csv row of one event; amount blank when the event carries none."""
    return {
        "case_id": case_id,
        "date": event.on.isoformat(),
        "kind": event.kind.value,
        "amount": str(event.amount) if event.amount else "",
        "ground": event.ground or "",
    }


@attrs.frozen
class Rejection:
    """A row the reader must reject: which file, its position, the field and the stable
    code of the rule broken (:data:`thads.errors.ERROR_CODES`, as in
    :class:`thads.read.RejectedRow`); never a piece of the message text."""

    file: Literal["cases", "events"]
    index: int
    """Position of the row in :attr:`Dataset.case_rows` or ``event_rows``, from 0."""
    field: str
    code: str
    """The code the reader's rejection carries, e.g. ``date.not_iso``."""

    def matches(self, row: RejectedRow, *, header: bool = False) -> bool:
        """True if ``row`` is this rejection; ``header``: the file had a header line
        (CSV), so lines are shifted by one. Files must be named cases.* and events.*."""
        line = self.index + (2 if header else 1)
        return (
            Path(row.file).stem == self.file
            and row.line == line
            and row.field == self.field
            and row.code == self.code
        )


@attrs.frozen
class Dataset:
    """Rows of cases.csv and events.csv, the cases the reader must build from them (in
    case-row order), and the rows it must reject (none for :func:`datasets`)."""

    case_rows: tuple[Row, ...]
    event_rows: tuple[Row, ...]
    cases: tuple[Case, ...]
    rejections: tuple[Rejection, ...] = ()
    rule: str | None = None
    """For :func:`invalid_datasets`: the name of the reader's rule that is broken."""

    def write(self, directory: str | Path, *, suffix: str = "csv") -> tuple[Path, Path]:
        """Write ``cases.<suffix>`` and ``events.<suffix>`` (csv or jsonl) in ``directory``."""
        if suffix not in ("csv", "jsonl", "ndjson"):
            raise InvalidRecordError("Dataset.write", "suffix", f"use csv or jsonl, not {suffix!r}")
        folder = Path(directory)
        paths = folder / f"cases.{suffix}", folder / f"events.{suffix}"
        tables = (
            (self.case_rows, CASE_COLUMNS + CASE_OPTIONAL),
            (self.event_rows, EVENT_COLUMNS + EVENT_OPTIONAL),
        )
        for path, (rows, columns) in zip(paths, tables, strict=True):
            with open(path, "w", encoding="utf-8", newline="") as handle:
                if suffix == "csv":
                    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
                    writer.writeheader()
                    writer.writerows(rows)
                else:
                    for row in rows:
                        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return paths


def as_read(case: Case) -> Case:
    """``case`` as the reader gives it back: each legal ground as its code (``"48.1.c"``),
    read under the law in force on its event's day (an :class:`Event` already keeps it so)."""
    if not any(e.ground for e in case.events):
        return case
    events = tuple(
        attrs.evolve(e, ground=None if e.ground is None else read_ground(e.ground, e.on, e.kind))
        for e in case.events
    )
    return attrs.evolve(case, events=events)


def interleave(draw: st.DrawFn, per_case: Sequence[Sequence[Row]]) -> list[Row]:
    """All event rows, cases mixed in a drawn order, each case's rows in their order."""
    owners = [i for i, rows in enumerate(per_case) for _ in rows]
    order = draw(st.permutations(owners))
    cursor = [0] * len(per_case)
    out: list[Row] = []
    for owner in order:
        out.append(per_case[owner][cursor[owner]])
        cursor[owner] += 1
    return out


def datasets(
    *,
    min_size: int = 0,
    max_size: int = 25,
    years: Years = DEFAULT_YEARS,
    offices: Offices = None,
    money_share: Fraction | int = DEFAULT_MONEY_SHARE,
    event_mix: Mapping[str, int] | None = None,
    max_events: int = 6,
) -> st.SearchStrategy[Dataset]:
    """Valid data sets in the interchange format: every row is accepted by the reader.

    Event rows of different cases are interleaved; each case's rows stay in date order
    (same-day events in their order). Parameters as in :func:`cases`.
    """
    config = config_of(years, offices, money_share, event_mix, max_events, DEFAULT_MAX_AMOUNT)
    many = case_lists(config, min_size, max_size)

    @st.composite
    def one(draw: st.DrawFn) -> Dataset:
        drawn = draw(many)
        per_case = [[event_row(c.case_id, e) for e in c.events] for c in drawn]
        return Dataset(
            tuple(case_row(c) for c in drawn),
            tuple(interleave(draw, per_case)),
            tuple(as_read(c) for c in drawn),
        )

    return one()
