"""The case reader (bộ đọc việc thi hành án): :class:`CaseReader`, :func:`read_cases`,
:func:`read_records`.

Every row read is accounted for: it is either part of an accepted case or listed in
:attr:`CaseReader.rejected` with its file, line, field, reason and stable code.
"""

from __future__ import annotations

from collections.abc import Container, Hashable, Iterable, Iterator, Sequence
from typing import Any, Final, Literal, Self

from thads.errors import InvalidRecordError
from thads.read._decode import CaseFields, Decoder, Locale, check_options
from thads.read._headings import (
    CASE_COLUMNS,
    CASE_OPTIONAL,
    EVENT_COLUMNS,
    EVENT_OPTIONAL,
    ColumnMap,
)
from thads.read._join import Joiner
from thads.read._rows import (
    CaseColumns,
    FileCount,
    OnBadEvent,
    PathLike,
    RejectedRow,
    Rows,
    build_case,
    check_on_bad_event,
)
from thads.read._shard import ByteRange, byte_ranges, looks_sorted
from thads.read._sources import Record, file_rows, is_frame, record_rows
from thads.records import (
    Case,
    CompiledCase,
    CreditorKind,
    EnforcementMode,
    JudgmentKind,
    Timeline,
)


class CaseReader(Joiner):
    """Reads cases with their events from two sources; iterate it to read.

    Sources are files (:func:`read_cases`), Python mappings (:func:`read_records`) or
    tables (:func:`thads.read_frame`, :func:`thads.read_excel`). Each iteration reads
    the sources again (a one-shot iterator of records can be read once). Every row is
    accounted for: read = accepted + rejected, per file; blank rows are counted apart
    (:attr:`FileCount.blank`). Each rejected row carries the stable code of the rule it
    broke (:attr:`RejectedRow.code`, listed in docs/errors.md).

    ``on_bad_event="hold_case"`` (default): a case with a rejected event is held out
    whole (its case row and its other events are rejected, each naming the event that
    caused it), so that no report counts a history known to be incomplete;
    ``"drop_event"`` keeps the case without the bad event.

    Events are indexed compactly in memory until their case comes. With
    ``sorted_input=True`` both files must be sorted by case_id (as :func:`write_cases`
    writes them): they are then read as a streaming merge and memory stays flat however
    large the input; a row out of order is an error, never a silent miscount.
    ``strict=True`` raises :class:`RowError` at the first bad row instead of collecting
    it in :attr:`rejected`. ``locale`` and ``zero_fraction``: see :func:`read_cases`.
    """

    def __init__(
        self,
        cases_path: PathLike,
        events_path: PathLike | None = None,
        *,
        strict: bool = False,
        sorted_input: bool = False,
        encoding: str | None = None,
        columns: ColumnMap = None,
        on_bad_event: OnBadEvent = "hold_case",
        locale: Locale = "iso",
        zero_fraction: bool = False,
    ) -> None:
        check_on_bad_event(on_bad_event)
        check_options(locale, zero_fraction)
        self._values = (locale, zero_fraction)
        self.cases_path = cases_path
        self.events_path = events_path
        self.strict = strict
        self.sorted_input = sorted_input
        self.on_bad_event = on_bad_event
        self.rejected: list[RejectedRow] = []
        self.counts: dict[str, FileCount] = {}
        self._held: dict[str, str] = {}
        self.held_offices: dict[str, int] = {}
        self._case_rows: Rows = file_rows(
            cases_path, CASE_COLUMNS, CASE_OPTIONAL, encoding, columns
        )
        self._event_rows: Rows | None = (
            None
            if events_path is None
            else file_rows(events_path, EVENT_COLUMNS, EVENT_OPTIONAL, encoding, columns)
        )
        self._shard: tuple[int, int] | None = None
        self._file_options: tuple[str | None, ColumnMap] | None = (encoding, columns)
        self._plans: dict[int, list[ByteRange] | None] = {}
        self._sorted_look: bool | None = None  # as_sorted's guess, made once

    def shard(self, index: int, count: int, *, by_range: bool | None = None) -> Self:
        """A reader of the same sources that keeps only part ``index`` of ``count``.

        Files sorted by case_id (``sorted_input=True``) that can be cut between lines
        without reading them (UTF-8 CSV, case_id first, no quotes) are cut into byte
        ranges, planned once for all the parts: each part reads only its own lines.
        Otherwise cases are split by a stable hash of their case_id. Either way each case
        and its events fall in one part and the parts' counts and rejections add up to
        the whole. A byte-range part raises ``file.not_sorted`` for a row outside its
        case ids, which may also happen where the whole reading has none (a row rejected
        before a cut): :func:`thads.report` then reads in one pass.

        ``by_range=True`` also cuts the files of a reader without ``sorted_input`` when
        the ids of lines sampled across each file are in order (files written sorted,
        not promised so); each part is read as the whole would be, and raises
        ``file.not_sorted`` for a row outside its ids: then take the
        parts by hash (``by_range=False``), as :func:`thads.report` does with ``jobs=N``.
        ``None``: byte ranges for a ``sorted_input`` reader only.
        """
        ranged = self.sorted_input if by_range is None else by_range
        copy = super().shard(index, count)
        ranges = self._byte_ranges(count) if ranged else None
        if ranges is not None:
            part = ranges[index]
            encoding = None if self._file_options is None else self._file_options[0]
            copy._shard, copy._bounds = None, (part.low, part.high)
            copy._case_rows = file_rows(
                self.cases_path, CASE_COLUMNS, CASE_OPTIONAL, encoding, span=part.cases
            )
            copy._event_rows = file_rows(
                self.events_path,  # type: ignore[arg-type]
                EVENT_COLUMNS,
                EVENT_OPTIONAL,
                encoding,
                span=part.events,
            )
        elif self._file_options is not None and count > 1:
            # by hash, each source keeps its own rows; a plain CSV file (one row a line,
            # case_id first) parses only the lines of the part
            encoding, columns = self._file_options
            mine = (index, count)
            copy._shard = None
            copy._case_rows = file_rows(
                self.cases_path, CASE_COLUMNS, CASE_OPTIONAL, encoding, columns, part=mine
            )
            if self.events_path is not None:
                copy._event_rows = file_rows(
                    self.events_path, EVENT_COLUMNS, EVENT_OPTIONAL, encoding, columns, part=mine
                )
        return copy

    def as_sorted(self) -> Self | None:
        """This reader's files read as sorted by case_id (the streaming merge: less
        memory and time) when they look sorted, else None.

        They look sorted when both are UTF-8 CSV files with case_id first and the case
        ids of 64 lines spread over each are in order. That is a guess: the merge checks
        the order of every row and raises ``file.not_sorted`` where it fails, and the
        caller then reads the files as they are (as :func:`thads.report` does). Where it
        does not fail, the merge gives what this reader gives (the same cases, rejected
        rows and counts). None also for a strict reader (the first error could differ),
        a reader with ``sorted_input``, other columns or no events file. The reader
        given reads from the start and has its own counts and rejected rows.
        """
        options = self._file_options
        if (
            self.sorted_input
            or self.strict
            or options is None
            or options[1] is not None
            or self.events_path is None
        ):
            return None
        if self._sorted_look is None:
            self._sorted_look = looks_sorted(self.cases_path, self.events_path, options[0])
        if not self._sorted_look:
            return None
        view = self._fresh()
        view.sorted_input = view._exact_order = True
        return view

    def not_sorted(self) -> None:
        """Note that the files, which looked sorted, are not: :meth:`as_sorted` gives
        None from now on (and the readers made from this one after it)."""
        self._sorted_look = False

    def _byte_ranges(self, count: int) -> list[ByteRange] | None:
        """The byte ranges of ``count`` parts, planned once per reader (None: by hash).

        Without ``sorted_input``, only for files whose sampled lines are in order."""
        options = self._file_options
        if options is None or options[1] is not None or self.events_path is None:
            return None
        if count not in self._plans:
            self._plans[count] = byte_ranges(
                self.cases_path, self.events_path, count, options[0], sample=not self.sorted_input
            )
        return self._plans[count]

    @classmethod
    def from_records(
        cls,
        cases: Iterable[Record],
        events: Iterable[Record] | None = None,
        *,
        strict: bool = False,
        names: tuple[str, str] = ("cases", "events"),
        on_bad_event: OnBadEvent = "hold_case",
        columns: ColumnMap = None,
        locale: Locale = "iso",
        zero_fraction: bool = False,
    ) -> CaseReader:
        """A reader over mappings with the interchange fields (e.g. rows from a database).

        Rejected rows are named by ``names`` and the record's position (from 1).
        """
        case_rows = record_rows(cases, (*CASE_COLUMNS, *CASE_OPTIONAL), columns)
        event_rows = (
            None
            if events is None
            else record_rows(events, (*EVENT_COLUMNS, *EVENT_OPTIONAL), columns)
        )
        return cls.from_rows(
            case_rows,
            event_rows,
            names=names,
            strict=strict,
            on_bad_event=on_bad_event,
            locale=locale,
            zero_fraction=zero_fraction,
        )

    @classmethod
    def from_rows(
        cls,
        cases: Rows,
        events: Rows | None,
        *,
        names: tuple[str, str],
        strict: bool = False,
        on_bad_event: OnBadEvent = "hold_case",
        locale: Locale = "iso",
        zero_fraction: bool = False,
    ) -> CaseReader:
        """A reader over row sources already in field order (frames, workbooks)."""
        check_on_bad_event(on_bad_event)
        check_options(locale, zero_fraction)
        reader = cls.__new__(cls)
        reader.cases_path = names[0]
        reader.events_path = names[1] if events is not None else None
        reader.strict = strict
        reader.sorted_input = False
        reader.on_bad_event = on_bad_event
        reader.rejected, reader.counts, reader._held = [], {}, {}
        reader.held_offices = {}
        reader._case_rows, reader._event_rows = cases, events
        reader._shard = None
        reader._file_options = None
        reader._plans = {}
        reader._values = (locale, zero_fraction)
        return reader

    def case_columns(self, fields: Sequence[str]) -> CaseColumns | None:
        """For the counting engine: the cases as columns, grouped by ``fields``; None
        for a reader that reads row by row (this one: the pyarrow engine's reader reads
        by columns)."""
        return None

    def __iter__(self) -> Iterator[Case]:
        for fields, timeline in self._items():
            yield _case(fields, timeline)

    def compiled(self, offices: Container[str] | None = None) -> Iterator[CompiledCase]:
        """The cases as the engine reads them (no :class:`Case` objects are built).

        ``offices``: the offices a case may belong to (an office tree); a case of any
        other office is a rejected row, and so are its events (code
        ``office.not_in_tree``, at their own lines), and :attr:`held_offices` counts them
        by office."""
        name = _INTERCHANGE_NAME  # an enum's .value is a slow descriptor: looked up once
        for fields, timeline in self._items(offices=offices):
            yield CompiledCase(
                fields[0], fields[1], fields[2], name[fields[3]], name[fields[4]],
                name[fields[10]], timeline,
            )  # fmt: skip

    def timelines(
        self, fields: Sequence[str], single: Hashable = None
    ) -> Iterator[tuple[Hashable, Timeline]]:
        """For the counting engine: (group, timeline) of each case, as :meth:`compiled`
        gives them but without building a :class:`CompiledCase`. The group is the value of
        the field ``fields`` names (``"office"``, ``"executor"``, ``"mode"``,
        ``"judgment_kind"``, ``"creditor"``: the interchange name of a mode, judgment kind
        or creditor kind), a tuple of the values of several, ``single`` for none."""
        at = self._field_positions(fields)
        if len(at) == 1 and fields[0] in _PLAIN_FIELDS:
            return self._items(at[0])  # the group straight from the join
        return self._grouped(at, single)

    def _field_positions(self, fields: Sequence[str]) -> list[int]:
        """Where each of ``fields`` is in a case row's checked fields (an unknown name is
        refused, naming the known ones)."""
        for name in fields:
            if name not in _FIELD_AT:
                raise InvalidRecordError(
                    "CaseReader.timelines",
                    "fields",
                    f"unknown field {name!r}; use any of {', '.join(_FIELD_AT)}",
                    code="value.unknown",
                )
        return [_FIELD_AT[name] for name in fields]

    def _grouped(self, at: list[int], single: Hashable) -> Iterator[tuple[Hashable, Timeline]]:
        items = self._items()
        name = _INTERCHANGE_NAME
        if not at:
            for _, timeline in items:
                yield single, timeline
        elif len(at) == 1:
            k = at[0]
            for values, timeline in items:
                yield name[values[k]], timeline
        else:
            for values, timeline in items:
                yield tuple(name.get(values[k], values[k]) for k in at), timeline

    def _items(
        self, pick: int = -1, offices: Container[str] | None = None
    ) -> Iterator[tuple[Any, Timeline]]:
        """Each accepted case as (fields, timeline), or (``fields[pick]``, timeline)."""
        if self.sorted_input and self._event_rows is not None:
            return self._merged(pick, offices)
        return self._indexed(pick, offices)

    def _begin(self) -> tuple[Decoder, str, str]:
        self.rejected = []
        self._held = {}
        self.held_offices = {}
        cases_name = str(self.cases_path)
        events_name = str(self.events_path) if self.events_path is not None else ""
        self.counts = {cases_name: FileCount()}
        if self._event_rows is not None:
            self.counts[events_name] = FileCount()
        return Decoder(*self._values), cases_name, events_name

    def summary(self) -> str:
        """One line per file: read, accepted, rejected (and blank rows, if any)."""
        return "\n".join(
            f"{name}: {c.read} read, {c.accepted} accepted, {c.rejected} rejected"
            + (f", {c.blank} blank" if c.blank else "")
            for name, c in self.counts.items()
        )


_INTERCHANGE_NAME: dict[object, str] = {
    member: member.value
    for kind in (EnforcementMode, JudgmentKind, CreditorKind)
    for member in kind
}
"""The interchange name of each mode, judgment kind and creditor kind."""
_FIELD_AT: Final[dict[str, int]] = {
    "case_id": 0, "office": 1, "executor": 2, "mode": 3, "judgment_kind": 4, "creditor": 10,
}  # fmt: skip
"""Where :meth:`CaseReader.timelines` finds a field in the checked fields of a case row."""
_PLAIN_FIELDS: Final = frozenset({"case_id", "office", "executor"})
"""Fields given as read (the others are enumerations, given by their interchange name)."""


def _case(fields: CaseFields, timeline: Timeline) -> Case:
    """A :class:`Case` from checked fields and its compiled timeline (checked once)."""
    case_id, office, executor, mode, kind, ref, effective, accepted_on, _, amount, creditor, due = (
        fields
    )
    return build_case(
        (case_id, office, executor, mode, kind, ref, effective, accepted_on),
        (amount, creditor, due),
        timeline,
    )


def read_cases(
    cases_path: PathLike,
    events_path: PathLike | None = None,
    *,
    strict: bool = False,
    sorted_input: bool = False,
    encoding: str | None = None,
    columns: ColumnMap = None,
    on_bad_event: OnBadEvent = "hold_case",
    locale: Locale = "iso",
    zero_fraction: bool = False,
    engine: Literal["python", "pyarrow"] = "python",
) -> CaseReader:
    """Read cases (and their events) from CSV or JSON Lines files: see :class:`CaseReader`.

    ``encoding``: the files' encoding when they have no byte-order mark (UTF-8 and
    UTF-16 marks are detected; default UTF-8), e.g. ``"cp1258"``. ``columns``: other
    headings → interchange fields, e.g. ``{"Số QĐ": "case_id"}``. ``locale="vi"``: also
    read dates written dd/mm/yyyy and amounts with dots between thousands
    (``1.200.000``), as spreadsheets under Vietnamese settings write them;
    ``zero_fraction=True``: also read amounts with a zero fraction (``147540494.0``).
    Neither is ever guessed: without them such values are rejected, naming the option.
    A workbook or a data frame is read with :func:`thads.read_excel` or
    :func:`thads.read_frame`. ``engine="pyarrow"`` (extra ``thads[arrow]``): the files
    are read and checked by columns, with the same cases, rejected rows and counts
    (docs/performance.md).
    """
    if engine == "pyarrow":
        from thads.read._arrow import arrow_reader

        return arrow_reader(
            cases_path,
            events_path,
            strict=strict,
            sorted_input=sorted_input,
            encoding=encoding,
            columns=columns,
            on_bad_event=on_bad_event,
            locale=locale,
            zero_fraction=zero_fraction,
        )
    if engine != "python":
        raise InvalidRecordError(
            "read_cases",
            "engine",
            f"unknown engine {engine!r}; expected one of: python, pyarrow",
            code="value.unknown",
        )
    return CaseReader(
        cases_path,
        events_path,
        strict=strict,
        sorted_input=sorted_input,
        encoding=encoding,
        columns=columns,
        on_bad_event=on_bad_event,
        locale=locale,
        zero_fraction=zero_fraction,
    )


def read_records(
    cases: Iterable[Record],
    events: Iterable[Record] | None = None,
    *,
    strict: bool = False,
    on_bad_event: OnBadEvent = "hold_case",
    columns: ColumnMap = None,
    locale: Locale = "iso",
    zero_fraction: bool = False,
) -> CaseReader:
    """Read cases from Python records with the fields of the interchange format.

    A record is a mapping or any row with ``keys()`` and item access by key (e.g.
    ``sqlite3.Row``); ``columns`` maps other keys to fields, as for :func:`read_cases`
    (``{"so_tien": "amount"}``). Same checks and accounting as :func:`read_cases`;
    values may be strings or, for dates and amounts, ``datetime.date`` and ``int``. A
    record of another type (a tuple, a string) is a ``TypeError`` (also an
    ``InvalidRecordError``, code ``record.not_mapping``) naming it, raised once when
    reading; a data frame is refused: read it with :func:`thads.read_frame`.
    ``locale`` and ``zero_fraction`` as in :func:`read_cases`.
    """
    if events is not None and is_frame(events):
        record_rows(events, EVENT_COLUMNS)  # raises, naming read_frame
    return CaseReader.from_records(
        cases,
        events,
        strict=strict,
        on_bad_event=on_bad_event,
        columns=columns,
        locale=locale,
        zero_fraction=zero_fraction,
    )
