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
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Final, TypeVar

import attrs

from thads.case import Case, CreditorKind, Debt, EnforcementMode, Event, EventKind
from thads.errors import InvalidRecordError, ThadsError
from thads.judgment import Judgment, JudgmentKind, enum_value
from thads.offices import OFFICE_COLUMNS, OFFICE_OPTIONAL, OfficeTree, read_office_rows
from thads.quota import Quota
from thads.timeline import (
    CLOSING_CODES,
    CODE,
    CODE_BY_NAME,
    KINDS,
    MONEY_CODES,
    CompiledCase,
    Step,
    Timeline,
    TimelineBuilder,
    month_serial,
)

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


class _Bad:
    """A row that could not even be split into fields (wrong field count, not JSON...)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


RawRow = list[object] | _Bad
Rows = Callable[[], Iterable[tuple[int, RawRow]]]
"""A source of numbered rows, each a list of raw values in the order of the fields
asked for (None where absent), or a :class:`_Bad`; each call starts reading again."""


def _csv_rows(
    path: PathLike, required: tuple[str, ...], optional: tuple[str, ...]
) -> Iterator[tuple[int, RawRow]]:
    name = str(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return
        header = [h.strip() for h in header]
        missing = [c for c in required if c not in header]
        if missing:
            raise InvalidRecordError(name, ", ".join(missing), "required column missing")
        known = set(required) | set(optional)
        unknown = [h for h in header if h not in known]
        if unknown:
            warnings.warn(f"{name}: ignoring unknown columns {unknown}", stacklevel=4)
        width = len(header)
        where = [header.index(c) if c in header else -1 for c in (*required, *optional)]
        if all(j >= 0 for j in where) and where == list(range(len(where))) and width == len(where):
            for values in reader:  # the canonical layout: the row is the list of fields
                if len(values) != width or not values[0]:
                    if not any(v.strip() for v in values):
                        continue
                    if len(values) != width:
                        yield (
                            reader.line_num,
                            _Bad(f"has {len(values)} fields, the header has {width}"),
                        )
                        continue
                yield reader.line_num, values  # type: ignore[misc]
            return
        for values in reader:
            if len(values) != width or not values[where[0]]:
                if not any(v.strip() for v in values):
                    continue
                if len(values) != width:
                    yield reader.line_num, _Bad(f"has {len(values)} fields, the header has {width}")
                    continue
            yield reader.line_num, [values[j] if j >= 0 else None for j in where]


def _jsonl_rows(
    path: PathLike, required: tuple[str, ...], optional: tuple[str, ...]
) -> Iterator[tuple[int, RawRow]]:
    name = str(path)
    fields = (*required, *optional)
    known = set(fields)
    warned: set[str] = set()
    with open(path, encoding="utf-8-sig") as handle:
        for number, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as error:
                yield number, _Bad(f"not valid JSON: {error.msg}")
                continue
            if not isinstance(obj, dict):
                yield number, _Bad("a line must hold a JSON object")
                continue
            extra = set(obj) - known - warned
            if extra:
                warned |= extra
                warnings.warn(f"{name}: ignoring unknown fields {sorted(extra)}", stacklevel=4)
            yield number, [obj.get(f) for f in fields]


def _file_rows(path: PathLike, required: tuple[str, ...], optional: tuple[str, ...]) -> Rows:
    if _is_jsonl(path):
        return lambda: _jsonl_rows(path, required, optional)
    return lambda: _csv_rows(path, required, optional)


def _mapped_rows(
    path: PathLike, required: tuple[str, ...], optional: tuple[str, ...]
) -> Iterator[tuple[str, dict[str, object]]]:
    """(record, row by field) of a small file (offices, quotas); a broken row is an error."""
    fields = (*required, *optional)
    for line, values in _file_rows(path, required, optional)():
        record = f"{path}:{line}"
        if isinstance(values, _Bad):
            raise InvalidRecordError(record, "*", values.reason)
        yield record, dict(zip(fields, values, strict=True))


def _record_rows(records: Iterable[Mapping[str, object]], fields: tuple[str, ...]) -> Rows:
    def numbered() -> Iterator[tuple[int, RawRow]]:
        for number, record in enumerate(records, start=1):
            if isinstance(record, Mapping):
                yield number, [record.get(f) for f in fields]
            else:
                yield number, _Bad(f"a record must be a mapping, not {type(record).__name__}")

    return numbered


_MISSING: Final = "is missing"


def _text(value: object, record: str, field: str, required: bool = True) -> str:
    """The trimmed text of a field; InvalidRecordError if required and blank."""
    text = "" if value is None else (value if isinstance(value, str) else str(value)).strip()
    if required and not text:
        raise InvalidRecordError(record, field, _MISSING)
    return text


def _checked(values: RawRow, parse: Callable[[_Decoder, list[object]], _T], decode: _Decoder) -> _T:
    """The fields of one row, or InvalidRecordError (also for a row that could not be split)."""
    if isinstance(values, _Bad):
        raise InvalidRecordError("row", "*", values.reason)
    return parse(decode, values)


class _Decoder:
    """Field decoders with caches: each distinct text is parsed once per reading."""

    def __init__(self) -> None:
        self.dates: dict[str, tuple[date, int, int] | None] = {}
        self.modes = {m.value: m for m in EnforcementMode}
        self.kinds = {k.value: k for k in JudgmentKind}
        self.creditors = {c.value: c for c in CreditorKind}
        self.events = dict(CODE_BY_NAME)

    text = staticmethod(_text)

    def day(
        self, value: object, record: str, field: str, required: bool = True
    ) -> tuple[date, int, int] | None:
        """(date, ordinal, month serial) of an ISO date, None if blank and optional."""
        if isinstance(value, str):
            if value in self.dates:
                hit = self.dates[value]
                if hit is None:
                    raise InvalidRecordError(
                        record, field, f"{value.strip()!r} is not an ISO date (YYYY-MM-DD)"
                    )
                return hit
            text = value.strip()
            if not text:
                if required:
                    raise InvalidRecordError(record, field, _MISSING)
                return None
            try:
                if len(text) != 10:
                    raise ValueError
                parsed = date.fromisoformat(text)
            except ValueError:
                self.dates[value] = None
                raise InvalidRecordError(
                    record, field, f"{text!r} is not an ISO date (YYYY-MM-DD)"
                ) from None
            found = self.dates[value] = (parsed, parsed.toordinal(), month_serial(parsed))
            return found
        if isinstance(value, datetime):
            raise InvalidRecordError(record, field, f"give a date, not the datetime {value}")
        if isinstance(value, date):
            return value, value.toordinal(), month_serial(value)
        if value is None:
            if required:
                raise InvalidRecordError(record, field, _MISSING)
            return None
        return self.day(str(value), record, field, required)

    def amount(self, value: object, record: str, field: str, required: bool) -> int:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                if required:
                    raise InvalidRecordError(record, field, _MISSING)
                return 0
            if text.isdigit() and text.isascii():
                return int(text)
            if text[0] in "+-" and text[1:].isdigit() and text.isascii():
                amount = int(text)
                if amount < 0:
                    raise InvalidRecordError(record, field, f"must not be negative, got {amount}")
                return amount
            raise InvalidRecordError(record, field, f"{text!r} is not an integer number of đồng")
        if isinstance(value, (bool, float)):
            raise InvalidRecordError(record, field, f"{value!r} is not an integer number of đồng")
        if isinstance(value, int):
            if value < 0:
                raise InvalidRecordError(record, field, f"must not be negative, got {value}")
            return value
        if value is None:
            if required:
                raise InvalidRecordError(record, field, _MISSING)
            return 0
        return self.amount(str(value), record, field, required)

    def choice(
        self, table: dict[str, E], kind: type[E], value: object, record: str, field: str
    ) -> E:
        text = self.text(value, record, field)
        member = table.get(text)
        if member is None:
            return enum_value(kind, text, record, field)  # raises, listing the choices
        return member


E = TypeVar("E", bound=StrEnum)
_T = TypeVar("_T")

_CaseFields = tuple[
    str, str, str, EnforcementMode, JudgmentKind, str, "date | None", date, int, int,
    CreditorKind, "date | None",
]  # fmt: skip


def _case_fields(decode: _Decoder, values: list[object]) -> _CaseFields:
    """Checked fields of one cases.csv row, in column order (the first bad one raises)."""
    case_id = decode.text(values[0], "case", "case_id")
    record = f"case {case_id}"
    office = decode.text(values[1], record, "office")
    executor = decode.text(values[2], record, "executor")
    mode = decode.choice(decode.modes, EnforcementMode, values[3], record, "mode")
    kind = decode.choice(decode.kinds, JudgmentKind, values[4], record, "judgment_kind")
    ref = decode.text(values[5], record, "judgment_ref", required=False)
    effective = decode.day(values[6], record, "judgment_effective", required=False)
    accepted = decode.day(values[7], record, "accepted_on")
    assert accepted is not None
    amount = decode.amount(values[8], record, "amount", required=True)
    creditor = decode.choice(decode.creditors, CreditorKind, values[9], record, "creditor")
    due = decode.day(values[10], record, "due_on", required=False)
    return (
        case_id,
        office,
        executor,
        mode,
        kind,
        ref,
        None if effective is None else effective[0],
        accepted[0],
        accepted[1],
        amount,
        creditor,
        None if due is None else due[0],
    )


_EventFields = tuple[str, int, int, int, int, "str | None"]


def _event_fields(decode: _Decoder, values: list[object]) -> _EventFields:
    """(case_id, day, month, code, amount, ground) of one events.csv row, or raise."""
    case_id = decode.text(values[0], "event", "case_id")
    record = f"event of case {case_id}"
    day = decode.day(values[1], record, "date")
    assert day is not None
    name = values[2]
    code = decode.events.get(name) if isinstance(name, str) else None
    if code is None:
        code = CODE[enum_value(EventKind, decode.text(name, record, "kind"), record, "kind")]
    amount = values[3]
    value = 0 if amount == "" or amount is None else decode.amount(amount, record, "amount", False)
    ground = values[4]
    if ground is not None and not isinstance(ground, str):
        ground = str(ground)
    ground = ground.strip() or None if ground else None
    return case_id, day[1], day[2], code, value, ground


def parse_event_row(row: Mapping[str, object]) -> tuple[str, Event]:
    """Read one row of events.csv (a mapping) as (case_id, Event); InvalidRecordError if bad."""
    values = [row.get(f) for f in (*EVENT_COLUMNS, *EVENT_OPTIONAL)]
    case_id, day, _month, code, amount, ground = _event_fields(_Decoder(), values)
    return case_id, Event(date.fromordinal(day), KINDS[code], amount, ground)


def _shard_of(case_id: str, shards: int) -> int:
    return zlib.crc32(case_id.encode("utf-8")) % shards


class _EventIndex:
    """The events of an unsorted file, held compactly until their case comes.

    Each event is four machine integers in shared arrays (line, day and code and
    ground packed, amount, link to the case's previous event): about 28 bytes an event.
    """

    def __init__(self) -> None:
        self.line = array("q")
        self.packed = array("q")
        self.amount = array("q")
        self.previous = array("q")
        self.last: dict[str, int] = {}
        self.grounds: list[str | None] = [None]
        self.ground_index: dict[str | None, int] = {None: 0}

    def add(
        self, line: int, case_id: str, day: int, code: int, amount: int, ground: str | None
    ) -> None:
        g = self.ground_index.get(ground)
        if g is None:
            g = self.ground_index[ground] = len(self.grounds)
            self.grounds.append(ground)
        self.line.append(line)
        self.packed.append((day << 24) | (g << 4) | code)
        self.amount.append(amount)
        self.previous.append(self.last.get(case_id, -1))
        self.last[case_id] = len(self.line) - 1

    def pop(self, case_id: str, months: dict[int, int]) -> list[_IndexedEvent]:
        """The events of ``case_id`` in file order, as (line, day, month, code, amount, ground)."""
        j = self.last.pop(case_id, -1)
        out = []
        packed, grounds = self.packed, self.grounds
        while j >= 0:
            key = packed[j]
            day = key >> 24
            out.append(
                (
                    self.line[j],
                    day,
                    months[day],
                    key & 15,
                    self.amount[j],
                    grounds[(key >> 4) & 0xFFFFF],
                )
            )
            j = self.previous[j]
        out.reverse()
        return out


_CaseItem = tuple[_CaseFields, Timeline]
_IndexedEvent = tuple[int, int, int, int, int, "str | None"]
"""An event waiting for its case: (line, day, month, code, amount, ground)."""
_PendingEvent = tuple[str, _IndexedEvent]


class CaseReader:
    """Reads cases with their events from two sources; iterate it to read.

    Sources are files (:func:`read_cases`) or Python mappings (:func:`read_records`).
    Each iteration reads the sources again (a one-shot iterator of records can be read
    once). Every row is accounted for: read = accepted + rejected, per file.

    Events are indexed compactly in memory until their case comes. With
    ``sorted_input=True`` both files must be sorted by case_id (as :func:`write_cases`
    writes them): they are then read as a streaming merge and memory stays flat however
    large the input; a row out of order is an error, never a silent miscount.
    ``strict=True`` raises :class:`RowError` at the first bad row instead of collecting
    it in :attr:`rejected`.
    """

    def __init__(
        self,
        cases_path: PathLike,
        events_path: PathLike | None = None,
        *,
        strict: bool = False,
        sorted_input: bool = False,
    ) -> None:
        self.cases_path = cases_path
        self.events_path = events_path
        self.strict = strict
        self.sorted_input = sorted_input
        self.rejected: list[RejectedRow] = []
        self.counts: dict[str, FileCount] = {}
        self._case_rows: Rows = _file_rows(cases_path, CASE_COLUMNS, CASE_OPTIONAL)
        self._event_rows: Rows | None = (
            None if events_path is None else _file_rows(events_path, EVENT_COLUMNS, EVENT_OPTIONAL)
        )
        self._shard: tuple[int, int] | None = None

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
        reader._case_rows = _record_rows(cases, (*CASE_COLUMNS, *CASE_OPTIONAL))
        reader._event_rows = (
            None if events is None else _record_rows(events, (*EVENT_COLUMNS, *EVENT_OPTIONAL))
        )
        return reader

    def shard(self, index: int, count: int) -> CaseReader:
        """A reader of the same sources that keeps only shard ``index`` of ``count``.

        Cases are split by a stable hash of their case_id, so each case and its events
        fall in one shard; the shards' counts and rejections add up to the whole.
        """
        copy = CaseReader.__new__(CaseReader)
        copy.__dict__.update(self.__dict__)
        copy.rejected, copy.counts = [], {}
        copy._shard = (index, count)
        return copy

    def _reject(self, file: str, line: int, error: InvalidRecordError) -> None:
        row = RejectedRow(file, line, error.record, error.field, error.reason)
        if self.strict:
            raise RowError(row)
        self.rejected.append(row)
        self.counts[file].rejected += 1

    def __iter__(self) -> Iterator[Case]:
        for fields, timeline in self._items():
            yield _case(fields, timeline)

    def compiled(self) -> Iterator[CompiledCase]:
        """The cases as the engine reads them (no :class:`Case` objects are built)."""
        for fields, timeline in self._items():
            yield CompiledCase(
                fields[0], fields[1], fields[2], fields[3].value, fields[4].value,
                fields[10].value, timeline,
            )  # fmt: skip

    def _items(self) -> Iterator[_CaseItem]:
        self.rejected = []
        cases_name = str(self.cases_path)
        events_name = str(self.events_path) if self.events_path is not None else ""
        self.counts = {cases_name: FileCount()}
        if self._event_rows is not None:
            self.counts[events_name] = FileCount()
        decode = _Decoder()
        if self.sorted_input and self._event_rows is not None:
            yield from self._merged(decode, cases_name, events_name)
        else:
            yield from self._indexed(decode, cases_name, events_name)
        order = {cases_name: 0, events_name: 1}
        self.rejected.sort(key=lambda r: (order.get(r.file, 2), r.line))

    def _mine(self, values: RawRow) -> bool:
        """True if the row belongs to this reader's shard (unreadable ids go to shard 0)."""
        if self._shard is None:
            return True
        index, count = self._shard
        case_id = _raw_case_id(values)
        return (index == 0) if case_id is None else _shard_of(case_id, count) == index

    def _rows_of(self, rows: Rows) -> Iterable[tuple[int, RawRow]]:
        """The rows of this reader's shard (all of them when it is not sharded)."""
        if self._shard is None:
            return rows()
        return (item for item in rows() if self._mine(item[1]))

    def _case_items(
        self, decode: _Decoder, cases_name: str
    ) -> Iterator[tuple[int, _CaseFields | None, str | None]]:
        """(line, fields, case_id) of each case row; fields None when it was rejected."""
        count = self.counts[cases_name]
        for line, values in self._rows_of(self._case_rows):
            count.read += 1
            try:
                fields = _checked(values, _case_fields, decode)
            except InvalidRecordError as error:
                self._reject(cases_name, line, error)
                yield line, None, _raw_case_id(values)
                continue
            yield line, fields, fields[0]

    def _reject_duplicate(self, cases_name: str, line: int, case_id: str) -> None:
        self._reject(
            cases_name, line, InvalidRecordError(f"case {case_id}", "case_id", "duplicate case_id")
        )

    def _reject_orphan(self, events_name: str, line: int, case_id: str, refused: bool) -> None:
        """Reject an event whose case row never came, or was rejected."""
        reason = "its case row was rejected" if refused else "no case with this case_id"
        self._reject(
            events_name, line, InvalidRecordError(f"event of case {case_id}", "case_id", reason)
        )

    def _indexed(self, decode: _Decoder, cases_name: str, events_name: str) -> Iterator[_CaseItem]:
        index = _EventIndex()
        months: dict[int, int] = {}
        if self._event_rows is not None:
            count = self.counts[events_name]
            dates, codes = decode.dates, decode.events
            add = index.add
            read = 0
            for line, values in self._rows_of(self._event_rows):
                read += 1
                if type(values) is list:  # the common case, checked inline
                    case_id, text, name, value, ground = values
                    known = dates.get(text) if type(text) is str else None
                    code = codes.get(name) if type(name) is str else None
                    if (
                        known is not None
                        and code is not None
                        and type(case_id) is str
                        and case_id
                        and case_id[0] > " "
                        and case_id[-1] > " "
                        and (
                            value == ""
                            or (type(value) is str and value.isdigit() and value.isascii())
                        )
                        and (type(ground) is str or ground is None)
                    ):
                        add(
                            line,
                            case_id,
                            known[1],
                            code,
                            int(value) if value else 0,
                            (ground.strip() or None) if ground else None,
                        )
                        months[known[1]] = known[2]
                        continue
                try:  # the general case, with the checks that name the field
                    case_id, day, month, code, amount, ground = _checked(
                        values, _event_fields, decode
                    )
                except InvalidRecordError as error:
                    count.read += read
                    read = 0
                    self._reject(events_name, line, error)
                    continue
                months[day] = month
                add(line, case_id, day, code, amount, ground)
            count.read += read
        seen: set[str] = set()
        refused: set[str] = set()
        for line, fields, case_id in self._case_items(decode, cases_name):
            if fields is None:
                if case_id and case_id not in seen:
                    refused.add(case_id)
                continue
            assert case_id is not None
            if case_id in seen or case_id in refused:
                self._reject_duplicate(cases_name, line, case_id)
                continue
            seen.add(case_id)
            timeline = self._timeline(fields, index.pop(case_id, months), events_name)
            self.counts[cases_name].accepted += 1
            yield fields, timeline
        for case_id in list(index.last):  # events whose case never came
            for line, *_ in index.pop(case_id, months):
                self._reject_orphan(events_name, line, case_id, case_id in refused)

    def _merged(self, decode: _Decoder, cases_name: str, events_name: str) -> Iterator[_CaseItem]:
        assert self._event_rows is not None
        events = iter(self._rows_of(self._event_rows))
        event_count = self.counts[events_name]
        ahead: list[_PendingEvent] = []  # at most one event read ahead
        last_event_id = ""

        def pull() -> _PendingEvent | None:
            """The next good event row (bad ones are rejected on the way)."""
            nonlocal last_event_id
            if ahead:
                return ahead.pop()
            for line, values in events:
                event_count.read += 1
                try:
                    case_id, day, month, code, amount, ground = _checked(
                        values, _event_fields, decode
                    )
                except InvalidRecordError as error:
                    self._reject(events_name, line, error)
                    continue
                if case_id < last_event_id:
                    raise _not_sorted(events_name, line, case_id, last_event_id)
                last_event_id = case_id
                return case_id, (line, day, month, code, amount, ground)
            return None

        def take(case_id: str) -> list[_IndexedEvent]:
            """The events of ``case_id``; events of ids before it have no case."""
            out: list[_IndexedEvent] = []
            while (item := pull()) is not None:
                event_id, event = item
                if event_id > case_id:
                    ahead.append(item)
                    break
                if event_id == case_id:
                    out.append(event)
                else:
                    self._reject_orphan(events_name, event[0], event_id, False)
            return out

        last_case_id = ""
        for line, fields, case_id in self._case_items(decode, cases_name):
            if fields is None:
                if case_id and case_id > last_case_id:
                    last_case_id = case_id
                    for event in take(case_id):
                        self._reject_orphan(events_name, event[0], case_id, True)
                continue
            assert case_id is not None
            if case_id == last_case_id:
                self._reject_duplicate(cases_name, line, case_id)
                continue
            if case_id < last_case_id:
                raise _not_sorted(cases_name, line, case_id, last_case_id)
            last_case_id = case_id
            timeline = self._timeline(fields, take(case_id), events_name)
            self.counts[cases_name].accepted += 1
            yield fields, timeline
        while (item := pull()) is not None:  # events after the last case have no case
            self._reject_orphan(events_name, item[1][0], item[0], False)

    def _timeline(
        self,
        fields: _CaseFields,
        items: list[_IndexedEvent],
        events_name: str,
    ) -> Timeline:
        """Keep the events that can follow each other; reject the others with reasons."""
        accepted, amount = fields[8], fields[9]
        if not items:
            return Timeline(accepted, month_serial(fields[7]), amount)
        if any(items[k][1] > items[k + 1][1] for k in range(len(items) - 1)):
            items.sort(key=lambda item: item[1])  # stable: same-day events keep file order
        steps = _fast_steps(accepted, amount, items)
        if steps is not None:
            self.counts[events_name].accepted += len(steps)
            return Timeline(accepted, month_serial(fields[7]), amount, steps)
        builder = TimelineBuilder(f"case {fields[0]}", accepted, month_serial(fields[7]), amount)
        good = 0
        for line, day, month, code, value, ground in items:
            try:
                builder.add(day, month, code, value, ground)
            except InvalidRecordError as error:
                self._reject(events_name, line, error)
                continue
            good += 1
        self.counts[events_name].accepted += good
        return builder.build()

    def summary(self) -> str:
        """One line per file: read, accepted, rejected."""
        return "\n".join(
            f"{name}: {c.read} read, {c.accepted} accepted, {c.rejected} rejected"
            for name, c in self.counts.items()
        )

    def absorb(self, other: CaseReader) -> None:
        """Add another shard's counts and rejections to this reader's."""
        for name, theirs in other.counts.items():
            mine = self.counts.setdefault(name, FileCount())
            mine.read += theirs.read
            mine.accepted += theirs.accepted
            mine.rejected += theirs.rejected
        order = {str(self.cases_path): 0, str(self.events_path): 1}
        self.rejected = sorted(
            [*self.rejected, *other.rejected], key=lambda r: (order.get(r.file, 2), r.line)
        )


_new_step = Step._make


def _fast_steps(accepted: int, owed: int, items: list[_IndexedEvent]) -> tuple[Step, ...] | None:
    """The steps if every event can follow the one before (None: check one by one)."""
    steps = []
    last = accepted
    closed = False
    for _line, day, month, code, value, ground in items:
        if day < last or closed:
            return None
        if code in MONEY_CODES:
            if value <= 0 or value > owed:
                return None
            owed -= value
        elif value:
            return None
        elif code in CLOSING_CODES:
            closed = True
        last = day
        steps.append(_new_step((day, month, code, value, ground)))
    return tuple(steps)


def _not_sorted(file: str, line: int, case_id: str, before: str) -> InvalidRecordError:
    return InvalidRecordError(
        f"{file}:{line}",
        "case_id",
        f"{case_id!r} comes after {before!r}: the file is not sorted by case_id; "
        "read it without sorted_input",
    )


def _raw_case_id(values: RawRow) -> str | None:
    if isinstance(values, _Bad):
        return None
    raw = values[0]
    if isinstance(raw, str):
        return raw.strip() or None
    return None if raw is None else str(raw).strip() or None


def _case(fields: _CaseFields, timeline: Timeline) -> Case:
    """A :class:`Case` from checked fields and its compiled timeline (checked once)."""
    case_id, office, executor, mode, kind, ref, effective, accepted_on, _, amount, creditor, due = (
        fields
    )
    return Case.from_timeline(
        case_id=case_id,
        office=office,
        executor=executor,
        mode=mode,
        judgment=Judgment(ref=ref, kind=kind, effective_on=effective),
        debts=(Debt(amount, creditor, due),),
        accepted_on=accepted_on,
        timeline=timeline,
    )


def read_cases(
    cases_path: PathLike,
    events_path: PathLike | None = None,
    *,
    strict: bool = False,
    sorted_input: bool = False,
) -> CaseReader:
    """Read cases (and their events) from CSV or JSON Lines files: see :class:`CaseReader`."""
    return CaseReader(cases_path, events_path, strict=strict, sorted_input=sorted_input)


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
    """Write cases and their events in interchange format v1; returns the number of cases.

    Both files are written sorted by case_id (events in date order within a case), so
    that they can be read back as a streaming merge (``read_cases(..., sorted_input=True)``).
    """
    cases = sorted(cases, key=lambda case: case.case_id)
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
    return read_office_rows(list(_mapped_rows(path, OFFICE_COLUMNS, OFFICE_OPTIONAL)), base=base)


def read_quotas(path: PathLike) -> list[Quota]:
    """Read quotas from CSV/JSONL with columns year, cases, money and optional office."""
    quotas = []
    for record, row in _mapped_rows(path, ("year", "cases", "money"), ("office",)):
        year_text = _text(row["year"], record, "year")
        if not year_text.isdigit():
            raise InvalidRecordError(record, "year", f"{year_text!r} is not a year")
        try:
            quotas.append(
                Quota(
                    year=int(year_text),
                    cases=_text(row["cases"], record, "cases"),
                    money=_text(row["money"], record, "money"),
                    office=_text(row["office"], record, "office", required=False) or None,
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
