"""Readers and writers of the interchange format, version 1 (CSV and JSON Lines).

``cases.csv``: case_id, office, executor, mode, judgment_kind, judgment_ref,
judgment_effective, accepted_on, amount, creditor (and optionally due_on).
``events.csv``: case_id, date, kind, amount, and optionally ground.
The same records as JSON Lines (``.jsonl`` / ``.ndjson``), one object per line.

Every row read is accounted for: it is either part of an accepted case or listed in
:attr:`CaseReader.rejected` with its file, line, field and reason.
"""

from __future__ import annotations

import csv
import json
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import IO, Final

import attrs

from thads.case import Case, CaseState, CreditorKind, Debt, EnforcementMode, Event, EventKind
from thads.errors import InvalidRecordError, ThadsError
from thads.judgment import Judgment, JudgmentKind, enum_value
from thads.offices import OFFICE_COLUMNS, OFFICE_OPTIONAL, OfficeTree, read_office_rows
from thads.quota import Quota

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

PathLike = str | os.PathLike[str]


@attrs.frozen
class RejectedRow:
    """A row that was not accepted, with where it was and why."""

    file: str
    line: int
    record: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.record}: field {self.field!r}: {self.reason}"


@attrs.define
class FileCount:
    """Rows read, accepted and rejected in one file; read == accepted + rejected."""

    read: int = 0
    accepted: int = 0
    rejected: int = 0


class RowError(InvalidRecordError):
    """A bad row of an input file (raised in strict mode); names file and line."""

    def __init__(self, row: RejectedRow) -> None:
        self.row = row
        ThadsError.__init__(self, str(row))
        self.record, self.field, self.reason = row.record, row.field, row.reason


def _is_jsonl(path: PathLike) -> bool:
    return Path(path).suffix.lower() in (".jsonl", ".ndjson", ".json")


def _rows(
    path: PathLike, required: tuple[str, ...], optional: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, object]]]:
    """Yield (line number, row) from a CSV or JSON Lines file."""
    name = str(path)
    known = set(required) | set(optional)
    if _is_jsonl(path):
        with open(path, encoding="utf-8") as handle:
            warned: set[str] = set()
            for number, text in enumerate(handle, start=1):
                if not text.strip():
                    continue
                try:
                    obj = json.loads(text)
                except json.JSONDecodeError as error:
                    yield number, {"__error__": f"not valid JSON: {error.msg}"}
                    continue
                if not isinstance(obj, dict):
                    yield number, {"__error__": "a line must hold a JSON object"}
                    continue
                extra = set(obj) - known - warned
                if extra:
                    warned |= extra
                    warnings.warn(f"{name}: ignoring unknown fields {sorted(extra)}", stacklevel=3)
                yield number, obj
        return
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return
        header = [h.strip() for h in header]
        missing = [c for c in required if c not in header]
        if missing:
            raise InvalidRecordError(name, ", ".join(missing), "required column missing")
        unknown = [h for h in header if h not in known]
        if unknown:
            warnings.warn(f"{name}: ignoring unknown columns {unknown}", stacklevel=3)
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                yield (
                    reader.line_num,
                    {"__error__": f"has {len(values)} fields, the header has {len(header)}"},
                )
                continue
            yield reader.line_num, dict(zip(header, values, strict=True))


def _text(row: dict[str, object], field: str, record: str, *, required: bool = True) -> str:
    value = row.get(field)
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise InvalidRecordError(record, field, "is missing")
    return text


def _parse_date(
    row: dict[str, object], field: str, record: str, *, required: bool = True
) -> date | None:
    value = row.get(field)
    if isinstance(value, datetime):
        raise InvalidRecordError(record, field, f"give a date, not the datetime {value}")
    if isinstance(value, date):
        return value
    text = _text(row, field, record, required=required)
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidRecordError(
            record, field, f"{text!r} is not an ISO date (YYYY-MM-DD)"
        ) from None


def _parse_amount(row: dict[str, object], field: str, record: str, *, required: bool) -> int:
    value = row.get(field)
    if isinstance(value, (bool, float)):
        raise InvalidRecordError(record, field, f"{value!r} is not an integer number of đồng")
    if isinstance(value, int):
        amount = value
    else:
        text = "" if value is None else str(value).strip()
        if not text:
            if required:
                raise InvalidRecordError(record, field, "is missing")
            return 0
        if not text.isdigit() and not (text[0] in "+-" and text[1:].isdigit()):
            raise InvalidRecordError(record, field, f"{text!r} is not an integer number of đồng")
        amount = int(text)
    if amount < 0:
        raise InvalidRecordError(record, field, f"must not be negative, got {amount}")
    return amount


def _case_fields(row: dict[str, object]) -> dict[str, object]:
    """Checked fields of one cases.csv row (everything a Case needs but its events)."""
    if "__error__" in row:
        raise InvalidRecordError("row", "*", str(row["__error__"]))
    case_id = _text(row, "case_id", "case")
    record = f"case {case_id}"
    office = _text(row, "office", record)  # checked in column order
    executor = _text(row, "executor", record)
    mode = enum_value(EnforcementMode, _text(row, "mode", record), record, "mode")
    kind = enum_value(JudgmentKind, _text(row, "judgment_kind", record), record, "judgment_kind")
    judgment = Judgment(
        ref=_text(row, "judgment_ref", record, required=False),
        kind=kind,
        effective_on=_parse_date(row, "judgment_effective", record, required=False),
    )
    accepted_on = _parse_date(row, "accepted_on", record)
    amount = _parse_amount(row, "amount", record, required=True)
    creditor = enum_value(CreditorKind, _text(row, "creditor", record), record, "creditor")
    due_on = _parse_date(row, "due_on", record, required=False)
    return {
        "case_id": case_id,
        "office": office,
        "executor": executor,
        "mode": mode,
        "judgment": judgment,
        "accepted_on": accepted_on,
        "debts": (Debt(amount, creditor, due_on),),
    }


def parse_event_row(row: dict[str, object]) -> tuple[str, Event]:
    """Read one row of events.csv as (case_id, Event); InvalidRecordError if bad."""
    if "__error__" in row:
        raise InvalidRecordError("row", "*", str(row["__error__"]))
    case_id = _text(row, "case_id", "event")
    record = f"event of case {case_id}"
    on = _parse_date(row, "date", record)
    assert on is not None
    kind = enum_value(EventKind, _text(row, "kind", record), record, "kind")
    amount = _parse_amount(row, "amount", record, required=False)
    ground = _text(row, "ground", record, required=False) or None
    return case_id, Event(on, kind, amount, ground)


Rows = Callable[[], Iterable[tuple[int, dict[str, object]]]]
"""A source of numbered rows: each call starts reading again."""


def _file_rows(path: PathLike, required: tuple[str, ...], optional: tuple[str, ...]) -> Rows:
    return lambda: _rows(path, required, optional)


def _record_rows(records: Iterable[Mapping[str, object]]) -> Rows:
    def numbered() -> Iterator[tuple[int, dict[str, object]]]:
        for number, record in enumerate(records, start=1):
            if isinstance(record, Mapping):
                yield number, dict(record)
            else:
                yield (
                    number,
                    {"__error__": f"a record must be a mapping, not {type(record).__name__}"},
                )

    return numbered


class CaseReader:
    """Streams cases with their events from two sources; iterate it to read.

    Sources are files (:func:`read_cases`) or Python mappings (:func:`read_records`).
    Each iteration reads the sources again (a one-shot iterator of records can be read
    once). The events are indexed in memory by case; the cases are streamed, so memory
    holds events, not cases. ``strict=True`` raises :class:`RowError` at the first bad
    row instead of collecting it in :attr:`rejected`.
    """

    def __init__(
        self,
        cases_path: PathLike,
        events_path: PathLike | None = None,
        *,
        strict: bool = False,
    ) -> None:
        self.cases_path = cases_path
        self.events_path = events_path
        self.strict = strict
        self.rejected: list[RejectedRow] = []
        self.counts: dict[str, FileCount] = {}
        self._case_rows: Rows = _file_rows(cases_path, CASE_COLUMNS, CASE_OPTIONAL)
        self._event_rows: Rows | None = (
            None if events_path is None else _file_rows(events_path, EVENT_COLUMNS, EVENT_OPTIONAL)
        )

    @classmethod
    def from_records(
        cls,
        cases: Iterable[Mapping[str, object]],
        events: Iterable[Mapping[str, object]] | None = None,
        *,
        strict: bool = False,
        names: tuple[str, str] = ("cases", "events"),
    ) -> CaseReader:
        """A reader over mappings with the interchange fields (e.g. rows from a database).

        Rejected rows are named by ``names`` and the record's position (from 1).
        """
        reader = cls(names[0], names[1] if events is not None else None, strict=strict)
        reader._case_rows = _record_rows(cases)
        reader._event_rows = None if events is None else _record_rows(events)
        return reader

    def _reject(self, file: str, line: int, error: InvalidRecordError) -> None:
        row = RejectedRow(file, line, error.record, error.field, error.reason)
        if self.strict:
            raise RowError(row)
        self.rejected.append(row)
        self.counts[file].rejected += 1

    def __iter__(self) -> Iterator[Case]:
        self.rejected = []
        cases_name = str(self.cases_path)
        events_name = str(self.events_path) if self.events_path is not None else ""
        self.counts = {cases_name: FileCount()}
        pending: dict[str, list[tuple[int, Event]]] = {}
        if self._event_rows is not None:
            self.counts[events_name] = FileCount()
            for line, row in self._event_rows():
                self.counts[events_name].read += 1
                try:
                    case_id, event = parse_event_row(row)
                except InvalidRecordError as error:
                    self._reject(events_name, line, error)
                    continue
                pending.setdefault(case_id, []).append((line, event))
        seen: set[str] = set()
        refused: set[str] = set()
        for line, row in self._case_rows():
            self.counts[cases_name].read += 1
            try:
                fields = _case_fields(row)
            except InvalidRecordError as error:
                self._reject(cases_name, line, error)
                case_id = str(row.get("case_id") or "").strip()
                if case_id and case_id not in seen:
                    refused.add(case_id)
                continue
            case_id = str(fields["case_id"])
            if case_id in seen or case_id in refused:
                self._reject(
                    cases_name,
                    line,
                    InvalidRecordError(f"case {case_id}", "case_id", "duplicate case_id"),
                )
                continue
            seen.add(case_id)
            debts: tuple[Debt, ...] = fields["debts"]  # type: ignore[assignment]
            state = CaseState(f"case {case_id}", fields["accepted_on"], debts[0].amount)  # type: ignore[arg-type]
            events = self._attach(state, pending.pop(case_id, []), events_name)
            self.counts[cases_name].accepted += 1
            yield Case(**fields, events=events)  # type: ignore[arg-type]
        for case_id, items in pending.items():  # events whose case never came
            reason = (
                "its case row was rejected" if case_id in refused else "no case with this case_id"
            )
            for line, _event in items:
                self._reject(
                    events_name,
                    line,
                    InvalidRecordError(f"event of case {case_id}", "case_id", reason),
                )

    def _attach(
        self, state: CaseState, items: list[tuple[int, Event]], events_name: str
    ) -> tuple[Event, ...]:
        """Keep the events that can follow each other; reject the others with reasons."""
        items.sort(key=lambda item: item[1].on)  # stable: same-day events keep file order
        kept: list[Event] = []
        for line, event in items:
            try:
                state.apply(event)
            except InvalidRecordError as error:
                self._reject(events_name, line, error)
                continue
            kept.append(event)
            self.counts[events_name].accepted += 1
        return tuple(kept)

    def summary(self) -> str:
        """One line per file: read, accepted, rejected."""
        return "\n".join(
            f"{name}: {c.read} read, {c.accepted} accepted, {c.rejected} rejected"
            for name, c in self.counts.items()
        )


def read_cases(
    cases_path: PathLike, events_path: PathLike | None = None, *, strict: bool = False
) -> CaseReader:
    """Read cases (and their events) from CSV or JSON Lines files: see :class:`CaseReader`."""
    return CaseReader(cases_path, events_path, strict=strict)


def read_records(
    cases: Iterable[Mapping[str, object]],
    events: Iterable[Mapping[str, object]] | None = None,
    *,
    strict: bool = False,
) -> CaseReader:
    """Read cases from Python mappings with the fields of the interchange format.

    Same checks and accounting as :func:`read_cases`; values may be strings or, for
    dates and amounts, ``datetime.date`` and ``int``.
    """
    return CaseReader.from_records(cases, events, strict=strict)


def _case_row(case: Case) -> dict[str, str]:
    if len(case.debts) != 1:
        raise InvalidRecordError(
            f"case {case.case_id}",
            "debts",
            f"interchange format v1 holds exactly one debt per case, this case has "
            f"{len(case.debts)}",
        )
    debt = case.debts[0]
    return {
        "case_id": case.case_id,
        "office": case.office,
        "executor": case.executor,
        "mode": str(case.mode),
        "judgment_kind": str(case.judgment.kind),
        "judgment_ref": case.judgment.ref,
        "judgment_effective": case.judgment.effective_on.isoformat()
        if case.judgment.effective_on
        else "",
        "accepted_on": case.accepted_on.isoformat(),
        "amount": str(debt.amount),
        "creditor": str(debt.creditor),
        "due_on": debt.due_on.isoformat() if debt.due_on else "",
    }


def _event_row(case_id: str, event: Event) -> dict[str, str]:
    return {
        "case_id": case_id,
        "date": event.on.isoformat(),
        "kind": str(event.kind),
        "amount": str(event.amount) if event.amount else "",
        "ground": event.ground or "",
    }


def _writer(
    path: PathLike, columns: tuple[str, ...]
) -> tuple[IO[str], Callable[[dict[str, str]], None]]:
    handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by caller
    if _is_jsonl(path):

        def write_json(row: dict[str, str]) -> None:
            obj: dict[str, object] = {k: v for k, v in row.items() if v != ""}
            if "amount" in obj:
                obj["amount"] = int(row["amount"])
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")

        return handle, write_json
    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    return handle, writer.writerow


def write_cases(cases: Iterable[Case], cases_path: PathLike, events_path: PathLike) -> int:
    """Write cases and their events in interchange format v1; returns the number of cases."""
    case_handle, write_case = _writer(cases_path, CASE_COLUMNS + CASE_OPTIONAL)
    try:
        event_handle, write_event = _writer(events_path, EVENT_COLUMNS + EVENT_OPTIONAL)
        try:
            count = 0
            for case in cases:
                write_case(_case_row(case))
                for event in case.events:
                    write_event(_event_row(case.case_id, event))
                count += 1
        finally:
            event_handle.close()
    finally:
        case_handle.close()
    return count


def read_offices(path: PathLike, *, base: OfficeTree | None = None) -> OfficeTree:
    """Read the office tree from CSV/JSONL: code, name, level[, parent, start, end,
    successor]; ``base`` (e.g. thads.offices.province_tree()) supplies offices it refers to."""
    rows = []
    for line, row in _rows(path, OFFICE_COLUMNS, OFFICE_OPTIONAL):
        record = f"{path}:{line}"
        if "__error__" in row:
            raise InvalidRecordError(record, "*", str(row["__error__"]))
        rows.append((record, row))
    return read_office_rows(rows, base=base)


def read_quotas(path: PathLike) -> list[Quota]:
    """Read quotas from CSV/JSONL with columns year, cases, money and optional office."""
    quotas = []
    for line, row in _rows(path, ("year", "cases", "money"), ("office",)):
        record = f"{path}:{line}"
        if "__error__" in row:
            raise InvalidRecordError(record, "*", str(row["__error__"]))
        year_text = _text(row, "year", record)
        if not year_text.isdigit():
            raise InvalidRecordError(record, "year", f"{year_text!r} is not a year")
        try:
            quotas.append(
                Quota(
                    year=int(year_text),
                    cases=_text(row, "cases", record),
                    money=_text(row, "money", record),
                    office=_text(row, "office", record, required=False) or None,
                )
            )
        except InvalidRecordError as error:
            raise InvalidRecordError(record, error.field, error.reason) from None
    return quotas


__all__ = [
    "CASE_COLUMNS",
    "CASE_OPTIONAL",
    "EVENT_COLUMNS",
    "EVENT_OPTIONAL",
    "CaseReader",
    "FileCount",
    "RejectedRow",
    "RowError",
    "parse_event_row",
    "read_cases",
    "read_offices",
    "read_quotas",
    "read_records",
    "write_cases",
]
