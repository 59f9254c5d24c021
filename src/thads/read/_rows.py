"""Rows of input files and what becomes of them (dòng dữ liệu): rejected rows, counts."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final, Literal, NamedTuple

import attrs

from thads.errors import InvalidRecordError, ThadsError
from thads.records import Case, Debt, Judgment, Timeline

PathLike = str | os.PathLike[str]


@attrs.frozen
class RejectedRow:
    """A row that was not accepted, with where it was and why."""

    file: str
    line: int
    record: str
    field: str
    reason: str
    code: str
    """Stable code of the rule broken (:data:`thads.errors.ERROR_CODES`), e.g. ``date.not_iso``."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.record}: field {self.field!r}: {self.reason}"


@attrs.define
class FileCount:
    """Rows read, accepted and rejected in one file; read == accepted + rejected."""

    read: int = 0
    accepted: int = 0
    rejected: int = 0
    blank: int = 0
    """Blank rows (no value in any field): skipped, counted apart from ``read``."""


class RowError(InvalidRecordError):
    """A bad row of an input file (raised in strict mode); names file and line."""

    def __init__(self, row: RejectedRow) -> None:
        self.row = row
        ThadsError.__init__(self, str(row))
        self.record, self.field, self.reason = row.record, row.field, row.reason
        self.code = row.code


def is_jsonl(path: PathLike) -> bool:
    return Path(path).suffix.lower() in (".jsonl", ".ndjson", ".json")


class UnreadableRow:
    """A row that could not even be split into fields (wrong field count, not JSON, an
    unclosed quote...): yielded by a row source instead of the fields, and rejected."""

    __slots__ = ("case_id", "code", "field", "reason")

    def __init__(
        self,
        reason: str,
        case_id: str | None = None,
        field: str = "*",
        *,
        code: str = "row.unreadable",
    ) -> None:
        self.reason = reason
        self.case_id = case_id
        self.field = field
        self.code = code


RawRow = list[object] | UnreadableRow | None
Rows = Callable[[], Iterable[tuple[int, RawRow]]]
"""A source of numbered rows, each a list of raw values in the order of the fields
asked for (None where absent), an :class:`UnreadableRow`, or None for a blank row; each
call starts reading again."""


OnBadEvent = Literal["hold_case", "drop_event"]
ON_BAD_EVENT: Final = ("hold_case", "drop_event")
"""What a rejected event does to its case: hold the whole case out (default) or drop it."""


def check_on_bad_event(value: object) -> None:
    if value not in ON_BAD_EVENT:
        raise InvalidRecordError(
            "CaseReader",
            "on_bad_event",
            f"unknown value {value!r}; expected one of: {', '.join(ON_BAD_EVENT)}",
            code="value.unknown",
        )


def build_case(head: tuple[Any, ...], debt: tuple[int, Any, Any], timeline: Timeline) -> Case:
    """The one way a reader makes a :class:`Case` from checked fields (row or column
    engine): ``head`` is (case_id, office, executor, mode, kind, ref, effective,
    accepted_on), ``debt`` (amount, creditor, due)."""
    case_id, office, executor, mode, kind, ref, effective, accepted_on = head
    return Case.from_timeline(
        case_id=case_id,
        office=office,
        executor=executor,
        mode=mode,
        judgment=Judgment(ref=ref, kind=kind, effective_on=effective),
        debts=(Debt(*debt),),
        accepted_on=accepted_on,
        timeline=timeline,
    )


class Span(NamedTuple):
    """A run of whole lines of a file: bytes ``start`` to ``end``, the first numbered
    ``line`` (the header is line 1)."""

    start: int
    end: int
    line: int


@attrs.frozen
class CaseColumns:
    """Cases read by columns, for the counting engine (no case objects are built).

    ``group`` gives each case's group as an index into ``labels``; ``accepted_month``
    (month serials) and ``owed`` are per case; the events of case ``i`` are rows
    ``offsets[i]`` to ``offsets[i + 1]`` of ``day`` (ordinals), ``month``, ``code``,
    ``value`` and ``ground`` (an index into ``grounds``), in the order a timeline keeps
    them. ``dirty`` are the cases the row reader read (as the engine reads them). The
    arrays are numpy arrays.
    """

    group: Any
    labels: list[Any]
    accepted_month: Any
    owed: Any
    offsets: Any
    day: Any
    month: Any
    code: Any
    value: Any
    ground: Any
    grounds: list[str | None]
    dirty: list[Any]
