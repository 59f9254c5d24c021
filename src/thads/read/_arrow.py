"""The columnar reader (bộ đọc theo cột, ``engine="pyarrow"``, extra ``thads[arrow]``).

The two files are read by Arrow's CSV or JSON reader into columns and checked column by
column: case ids, dates, amounts, enumerations, labels, grounds, then the order of each
case's events (dated on or after acceptance, nothing after a closing event, money never
more than owed). A case whose rows all pass is compiled straight from the columns.

Every other row goes back to the row reader, whole case by whole case: every row of a
case id that has a row failing a column check (or a duplicate, an orphan event, an event
order the fast check does not take), and every row without a readable case id, is handed
with its own file and line to :meth:`thads.read.CaseReader.from_rows`. The row reader's
accounting is per case id (duplicates, holds, orphans), so the rejections, their file,
line, field, reason and code, the hold policy and the counts are the row reader's own.

A file the columnar path cannot read exactly as the ``csv`` / ``json`` modules do (another
encoding, headings other than the field names, ``columns=``, blank lines, a line break
inside a field, a stray carriage return, a NUL byte, a quoted line Arrow splits otherwise,
a JSON value of another type) is read by the row reader whole; so is ``sorted_input=True``
(a streaming merge, flat in memory, which a columnar read of whole files is not), and a
reading with value options other than the defaults (``locale="vi"``, ``zero_fraction``).
``strict=True`` raises the row reader's first error, before any case is yielded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from functools import partial
from operator import attrgetter
from typing import Any, Final

from thads.errors import InvalidRecordError, MissingExtraError
from thads.read import (
    CASE_COLUMNS,
    CASE_OPTIONAL,
    EVENT_COLUMNS,
    EVENT_OPTIONAL,
    CaseReader,
    FileCount,
    parse_event_row,
)
from thads.read._arrays import (
    arrow_ints,
    bools,
    dictionary_codes,
    encoded,
    ints,
    is_string,
    is_text,
    joined_codes,
    plain_ascii,
    small_pages,
    strings,
)
from thads.read._arrow_files import Table, load_file, reading_pool
from thads.read._decode import Decoder
from thads.read._rows import CaseColumns, build_case
from thads.read._shard import shard_of
from thads.records import (
    CLOSING_CODES,
    CODE,
    CODE_BY_NAME,
    MONEY_CODES,
    Case,
    CompiledCase,
    CreditorKind,
    EnforcementMode,
    JudgmentKind,
    Step,
    Timeline,
    clean,
    month_serial,
)
from thads.rules import ground_law

CASE_FIELDS: Final = (*CASE_COLUMNS, *CASE_OPTIONAL)
EVENT_FIELDS: Final = (*EVENT_COLUMNS, *EVENT_OPTIONAL)
_DIGITS: Final = r"^[0-9]{1,15}$"
"""Amounts the fast check takes (up to 15 digits, so that sums cannot overflow)."""
_NOT_DIGITS: Final = r"^(.*[^0-9].*|.{16,})?$"
_ISO: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAX_EVENTS: Final = 4000
"""More events than this in one case: checked by the row reader (no overflow of sums)."""
_CHUNK: Final = 20_000
_NO_CASE: Final = -1
_BAD: Final = object()
"""What a decoder gives for a text the fast path does not take."""
_DAYS: Final = 1 << 22
"""Above every day ordinal thads reads (year 9999 is 3.652.059)."""


def _arrow() -> Any:
    """pyarrow and its CSV, JSON and compute modules; MissingExtraError without them."""
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.csv
        import pyarrow.json
    except ImportError:
        raise MissingExtraError("pyarrow", "arrow", 'read_cases(..., engine="pyarrow")') from None
    return pyarrow


def arrow_reader(
    cases_path: str | os.PathLike[str],
    events_path: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    sorted_input: bool = False,
    encoding: str | None = None,
    columns: Mapping[str, str | None] | None = None,
    on_bad_event: str = "hold_case",
    **options: Any,
) -> CaseReader:
    """A :class:`thads.read.CaseReader` that reads with Arrow (``engine="pyarrow"``).

    Same arguments (``options``: the row reader's value options, e.g. ``locale``),
    results and accounting as :func:`thads.read_cases`; pyarrow is needed
    (``pip install 'thads[arrow]'``).
    """
    _arrow()
    return ArrowCaseReader(
        cases_path,
        events_path,
        strict=strict,
        sorted_input=sorted_input,
        encoding=encoding,
        columns=columns,
        on_bad_event=on_bad_event,
        **options,
    )


class ArrowCaseReader(CaseReader):
    """A case reader whose files are read and checked by columns (see the module)."""

    def __init__(
        self,
        cases_path: str | os.PathLike[str],
        events_path: str | os.PathLike[str] | None = None,
        *,
        strict: bool = False,
        sorted_input: bool = False,
        encoding: str | None = None,
        columns: Mapping[str, str | None] | None = None,
        on_bad_event: Any = "hold_case",
        **options: Any,
    ) -> None:
        super().__init__(
            cases_path,
            events_path,
            strict=strict,
            sorted_input=sorted_input,
            encoding=encoding,
            columns=columns,
            on_bad_event=on_bad_event,
            **options,
        )
        self._options = options
        self._columnar = columns is None and not sorted_input and _default(options)
        self._encoding = encoding
        self._part: tuple[int, int] | None = None

    def shard(self, index: int, count: int, *, by_range: bool | None = None) -> ArrowCaseReader:
        """A reader of the same files keeping shard ``index`` of ``count`` (by case_id;
        ``by_range`` is not used: the columns are read whole, then taken by hash)."""
        copy = super().shard(index, count)
        copy._part = (index, count)
        return copy

    def as_sorted(self) -> ArrowCaseReader | None:
        """None: the columns are read whole, in any order (see CaseReader.as_sorted)."""
        return None

    def __iter__(self) -> Iterator[Case]:
        plan = self._plan()
        if plan is None:
            yield from super().__iter__()
            return
        yield from plan.run(self, _case_of, iter(plan.dirty))

    def compiled(self, offices: Container[str] | None = None) -> Iterator[CompiledCase]:
        """The cases as the engine reads them (no :class:`Case` objects are built);
        ``offices`` as for :meth:`CaseReader.compiled` (a case of another office is read
        by the row reader, which rejects it with its events at their lines)."""
        plan = self._plan(offices)
        if plan is None:
            yield from super().compiled(offices)
            return
        yield from plan.run(self, _compiled_of, plan.dirty.compiled(offices))

    def timelines(
        self, fields: Sequence[str], single: Hashable = None
    ) -> Iterator[tuple[Hashable, Timeline]]:
        """As :meth:`CaseReader.timelines`, from the compiled cases."""
        self._field_positions(fields)  # an unknown name is refused, as there
        return self._pairs(attrgetter(*fields) if fields else None, single)

    def _pairs(
        self, get: Callable[[CompiledCase], Hashable] | None, single: Hashable
    ) -> Iterator[tuple[Hashable, Timeline]]:
        for case in self.compiled():
            yield (single if get is None else get(case)), case.timeline

    def case_columns(self, fields: Sequence[str]) -> CaseColumns | None:
        """For the counting engine: the cases compiled from the columns, as columns,
        grouped by ``fields`` (the others as compiled cases); None when the files are
        read row by row. Counts and rejected rows are set as iterating sets them."""
        plan = self._plan()
        if plan is None:
            return None
        columns = plan.as_columns(self, fields)
        del plan  # the files' columns: freed, and their memory handed back for counting
        pa = _arrow()
        for pool in {id(p): p for p in (pa.default_memory_pool(), reading_pool(pa))}.values():
            pool.release_unused()
        return columns

    def _plan(self, offices: Container[str] | None = None) -> _Plan | None:
        if not self._columnar:
            return None
        pa = _arrow()
        cases = load_file(pa, self.cases_path, CASE_COLUMNS, CASE_OPTIONAL, self._encoding)
        if cases is None:
            return None
        events = None
        if self.events_path is not None:
            events = load_file(pa, self.events_path, EVENT_COLUMNS, EVENT_OPTIONAL, self._encoding)
            if events is None:
                return None
        import numpy as np

        try:
            with small_pages(np):
                return _Plan(pa, self, cases, events, offices)
        except pa.ArrowException:  # e.g. a column too large for one array: row by row
            return None


def _default(options: Mapping[str, object]) -> bool:
    """True if the row reader's value options are its defaults (ISO dates, plain digits):
    any other reading of values (``locale="vi"``, ``zero_fraction``...) is left whole to
    the row reader."""
    return all(_DEFAULTS.get(name, _BAD) == value for name, value in options.items())


_DEFAULTS: Final[dict[str, object]] = {"locale": "iso", "zero_fraction": False}


class _Plan:
    """Which case ids are compiled from the columns; the row reader over all the others."""

    def __init__(
        self,
        pa: Any,
        reader: ArrowCaseReader,
        cases: Table,
        events: Table | None,
        offices: Container[str] | None = None,
    ) -> None:
        import numpy as np

        self.np = np
        self.cases_name = str(reader.cases_path)
        self.events_name = str(reader.events_path) if reader.events_path is not None else ""
        self.part = reader._part
        self.case_lines = cases.first_line
        self.grounds: list[str | None] = [None]
        m, col = cases.rows, cases.columns
        ids = col["case_id"]
        case_ok = _simple_ids(pa, np, ids, m)
        self.decoded: dict[str, tuple[Any, list[Any]]] = {}
        for field, decode, null_ok in (
            ("office", _name, False),
            ("executor", _name, False),
            ("mode", partial(_member, EnforcementMode), False),
            ("judgment_kind", partial(_member, JudgmentKind), False),
            ("creditor", partial(_member, CreditorKind), False),
            ("judgment_effective", partial(_day, False), True),
            ("accepted_on", partial(_day, True), False),
            ("due_on", partial(_day, False), True),
        ):
            good, index, values = _by_value(pa, np, col[field], decode, m, null_ok)
            case_ok &= good
            self.decoded[field] = (index, values)
        if offices is not None:  # another office: the row reader rejects it at its lines
            index, values = self.decoded["office"]
            case_ok &= np.array([v is not None and v in offices for v in values])[index]
        good, amounts = _amounts(pa, np, col["amount"], m, required=True)
        case_ok &= good
        ref = col["judgment_ref"]
        if ref is None:
            ref_simple = np.ones(m, dtype=bool)
        elif is_string(pa, ref):
            ref_simple = plain_ascii(np, ref, empty_ok=True)
        else:
            ref_simple = np.zeros(m, dtype=bool)
            case_ok[:] = False
        dirty_keys = {_key(ids, k) for k in np.flatnonzero(~case_ok).tolist()}
        n = events.rows if events is not None else 0
        eids = events.columns["case_id"] if events is not None else None
        # 32 bits hold a row, a day, a month, a code; amounts take 64
        if m and n and is_string(pa, ids) and is_string(pa, eids):
            unique, event_case, starts = _join(pa, np, ids, eids)
            case_ok &= unique  # a duplicate case_id: the row reader says which
        else:
            starts = None
            event_case = np.full(n, _NO_CASE, dtype=np.int32)
            if m and is_string(pa, ids):
                found, counts = dictionary_codes(np, ids)
                case_ok &= counts[found] == 1
        index, values = self.decoded["accepted_on"]
        ordinals = np.array([v.toordinal() if v else 0 for v in values], dtype=np.int32)
        serials = np.array([month_serial(v) if v else 0 for v in values], dtype=np.int32)
        acc_day, acc_month = ordinals[index], serials[index]
        day = np.zeros(n, dtype=np.int32)
        month = np.zeros(n, dtype=np.int32)
        code = np.zeros(n, dtype=np.int32)
        value = np.zeros(n, dtype=np.int64)
        ground = np.zeros(n, dtype=np.int32)
        if events is not None and n:
            ecol = events.columns
            event_ok = np.ones(n, dtype=bool)  # its id: checked by matching a clean case's
            good, index, values = _by_value(pa, np, ecol["date"], partial(_day, True), n, False)
            event_ok &= good
            ordinals = np.array([v.toordinal() if v else 0 for v in values], np.int32)
            serials = np.array([month_serial(v) if v else 0 for v in values], np.int32)
            day, month = ordinals[index], serials[index]
            good, index, values = _by_value(pa, np, ecol["kind"], _event_code, n, False)
            event_ok &= good
            table = np.array([v if v is not None else 0 for v in values], dtype=np.int32)
            code = table[index]
            good, value = _amounts(pa, np, ecol["amount"], n, required=False)
            event_ok &= good
            good, ground = self._grounds(pa, np, ecol["ground"], code, day, n)
            event_ok &= good
            event_ok &= event_case >= 0  # an event without its case: the row reader rejects it
            dirty_keys.update(_key(eids, k) for k in np.flatnonzero(~event_ok).tolist())
            case_ok[event_case[(~event_ok) & (event_case >= 0)]] = False
        if dirty_keys and m and is_string(pa, ids):
            listed = strings(pa, np, sorted(k for k in dirty_keys if k is not None))
            case_ok &= ~bools(np, pa.compute.is_in(ids, value_set=listed))
        # the order of each case's events, for the cases still clean
        owner_all = np.maximum(event_case, 0)
        live = (event_case >= 0) & case_ok[owner_all] if m else np.zeros(n, dtype=bool)
        every = bool(live.all())  # no event left out: no copies (the clean files' case)
        rows = np.arange(n) if every else np.flatnonzero(live)
        owner = event_case if every else event_case[rows]
        # by case, then day, then file order: one stable sort of one key (a day ordinal
        # is below _DAYS), faster than lexsort; none for files already in that order
        key = owner.astype(np.int64) * _DAYS + (day if every else day[rows])
        if len(key) and not (key[1:] >= key[:-1]).all():
            order = np.argsort(key, kind="stable")
            rows, owner, every = rows[order], owner[order], False
        del key
        s_day, s_code, s_value = (
            (day, code, value) if every else (day[rows], code[rows], value[rows])
        )
        money, closing = np.zeros(16, dtype=bool), np.zeros(16, dtype=bool)  # by code
        money[sorted(MONEY_CODES)] = closing[sorted(CLOSING_CODES)] = True
        money, closing = money[s_code], closing[s_code]
        last = np.ones(len(rows), dtype=bool)
        if len(rows):
            last[:-1] = owner[1:] != owner[:-1]
        bad = (s_day < acc_day[owner]) | (money & (s_value <= 0)) | (~money & (s_value != 0))
        bad |= closing & ~last
        per_case = np.bincount(owner, minlength=m)
        case_ok &= per_case <= _MAX_EVENTS
        paid = np.zeros(m, dtype=np.int64)
        np.add.at(paid, owner, np.where(money, s_value, 0))
        case_ok[owner[bad]] = False
        case_ok &= paid <= amounts
        keep = case_ok[owner]
        self.offsets = np.zeros(m + 1, dtype=np.int64)
        if every and keep.all():
            self.steps = (day, month, code, value, ground)
            if starts is not None:  # in case order, every case with events: as joined
                self.offsets[:-1], self.offsets[-1] = starts, n
        else:
            rows, owner = rows[keep], owner[keep]
            self.steps = (day[rows], month[rows], code[rows], value[rows], ground[rows])
            starts = None
        if starts is None:
            np.cumsum(np.bincount(owner, minlength=m), out=self.offsets[1:])
        self.clean_cases = np.flatnonzero(case_ok)
        self.columns = (ids, amounts, acc_day, acc_month, ref, ref_simple)
        # everything else goes to the row reader, with its own lines, in file order
        case_rows = cases.raw_rows(np.flatnonzero(~case_ok), CASE_FIELDS)
        self.first_line: dict[str, int] = {}  # the line of the first row of each dirty id
        for line, raw in case_rows:
            key = None if raw is None else _raw_key(raw[0])
            if key is not None:
                self.first_line.setdefault(key, line)
        event_rows = None
        if events is not None:
            taken = live & case_ok[owner_all] if m else live
            event_rows = events.raw_rows(np.flatnonzero(~taken), EVENT_FIELDS)
        dirty = CaseReader.from_rows(
            partial(iter, case_rows),
            None if event_rows is None else partial(iter, event_rows),
            names=(self.cases_name, self.events_name),
            strict=reader.strict,
            on_bad_event=reader.on_bad_event,
            **reader._options,
        )
        self.dirty = dirty if self.part is None else dirty.shard(*self.part)

    def _grounds(
        self, pa: Any, np: Any, column: Any, code: Any, day: Any, n: int
    ) -> tuple[Any, Any]:
        """(fast-checked, index into self.grounds) of each event's ground.

        A ground is read under the law in force on its event's day (rules.ground_law), so
        each distinct (kind, ground, law) is read once, by the row reader's own decoding,
        on a day of that law."""
        if column is None:
            return np.ones(n, dtype=bool), np.zeros(n, dtype=np.int32)
        if not is_text(pa, column):
            return np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int32)
        distinct, codes = encoded(np, column, -1)
        texts = distinct.to_pylist()
        width = len(texts) + 1
        blank = np.array([t == "" for t in texts] + [True], dtype=bool)  # [-1]: a null
        given = np.flatnonzero(~blank[codes])  # only the events that give a ground are read
        index = codes[given].astype(np.int64)
        days, at = np.unique(day[given], return_inverse=True)
        laws: dict[object, int] = {}  # law -> its number here (0: a date not read)
        law_day = [0]  # a day of each law
        law_of = np.zeros(len(days), dtype=np.int64)
        for k, on in enumerate(days.tolist()):
            if on > 0:
                law = ground_law(date.fromordinal(on))
                if law not in laws:
                    laws[law] = len(law_day)
                    law_day.append(on)
                law_of[k] = laws[law]
        keys = (code[given].astype(np.int64) * width + index) * len(law_day) + law_of[at]
        unique, inverse = np.unique(keys, return_inverse=True)
        resolved = np.zeros(len(unique), dtype=np.int32)
        fine = np.ones(len(unique), dtype=bool)
        known: dict[str | None, int] = {None: 0}
        decode = Decoder()  # the row reader's own reading of a ground, under its law
        for u, key in enumerate(unique.tolist()):
            pair, law_number = divmod(key, len(law_day))
            kind, text = divmod(pair, width)
            try:
                if law_number == 0:
                    raise InvalidRecordError("event", "date", "not read")
                ground = decode.ground(kind, texts[text], "event", law_day[law_number])
            except InvalidRecordError:
                fine[u] = False
                continue
            g = known.get(ground)
            if g is None:
                g = known[ground] = len(self.grounds)
                self.grounds.append(ground)
            resolved[u] = g
        checked, where = np.ones(n, dtype=bool), np.zeros(n, dtype=np.int32)
        checked[given], where[given] = fine[inverse], resolved[inverse]
        return checked, where

    def run(
        self,
        reader: ArrowCaseReader,
        make: Callable[[tuple[Any, ...], Timeline], Any],
        dirty: Iterable[Any],
    ) -> Iterator[Any]:
        """The accepted cases in the order of the cases file; sets counts and rejected."""
        ahead = sorted(
            ((self.first_line[c.case_id], n, c) for n, c in enumerate(dirty)),
            key=lambda item: (item[0], item[1]),
        )  # the row reader's part first: its rejections and counts are then complete
        self._accounts(reader)
        waiting = 0
        taken = [0, 0]
        for rows, items in self._clean(make, taken):
            if waiting == len(ahead):
                yield from items
                continue
            for row, item in zip(rows, items, strict=True):
                line = row + self.case_lines
                while waiting < len(ahead) and ahead[waiting][0] < line:
                    yield ahead[waiting][2]
                    waiting += 1
                yield item
        for _, _, case in ahead[waiting:]:
            yield case
        self._accounts(reader, taken)

    def _accounts(self, reader: ArrowCaseReader, taken: list[int] | None = None) -> None:
        """The reader's counts and rejected rows: the row reader's part (read first,
        ``taken`` None), then the rows compiled from the columns (cases, events)."""
        if taken is None:
            reader.rejected = list(self.dirty.rejected)
            reader.held_offices = dict(self.dirty.held_offices)
            reader.counts = {self.cases_name: FileCount()}
            if reader.events_path is not None:
                reader.counts[self.events_name] = FileCount()
            for name, theirs in self.dirty.counts.items():
                mine = reader.counts.setdefault(name, FileCount())
                mine.read += theirs.read
                mine.accepted += theirs.accepted
                mine.rejected += theirs.rejected
                mine.blank += theirs.blank
            return
        cases = reader.counts[self.cases_name]
        cases.read += taken[0]
        cases.accepted += taken[0]
        if reader.events_path is not None:
            events = reader.counts[self.events_name]
            events.read += taken[1]
            events.accepted += taken[1]

    def as_columns(self, reader: ArrowCaseReader, fields: Sequence[str]) -> CaseColumns:
        """The clean cases of this part as columns (see :meth:`ArrowCaseReader.case_columns`)."""
        np = self.np
        dirty = list(self.dirty.compiled())  # the row reader's part first, as run() does
        self._accounts(reader)
        ids, amounts, _, acc_month, _, _ = self.columns
        chosen = self.clean_cases
        if self.part is not None:
            index, count = self.part
            mine = [shard_of(case_id, count) == index
                    for case_id in ids.take(arrow_ints(chosen)).to_pylist()]  # fmt: skip
            chosen = chosen[np.array(mine, dtype=bool)]
        whole = len(chosen) == len(self.offsets) - 1  # every case: no copies
        kept = None if whole else _event_rows_of(np, self.offsets, chosen)
        offsets = self.offsets if whole else np.zeros(len(chosen) + 1, dtype=np.int64)
        if not whole:
            np.cumsum(self.offsets[chosen + 1] - self.offsets[chosen], out=offsets[1:])
        group = np.zeros(len(chosen), dtype=np.int64)
        labels: list[Any] = [()]
        for name in fields:  # the groups: each distinct value (pair of values) once
            index, values = self.decoded[name]
            # texts that read as one value ("A" and "A ", NFC and NFD) are one group
            texts = [v if v is None or type(v) is str else str(v.value) for v in values]
            known: dict[object, int] = {}
            value_of = np.array([known.setdefault(t, len(known)) for t in texts], np.int64)
            width = len(known)
            names = list(known)
            combined = group * width + value_of[index[chosen]]
            distinct, group = _distinct(np, combined, len(labels) * width)
            labels = [(*labels[k // width], names[k % width]) for k in distinct.tolist()]
        steps = self.steps if kept is None else tuple(a[kept] for a in self.steps)
        self._accounts(reader, [len(chosen), len(steps[0])])
        day, month, code, value, ground = steps
        return CaseColumns(
            group=group,
            labels=[label[0] if len(label) == 1 else label for label in labels],
            accepted_month=acc_month[chosen],
            owed=amounts[chosen],
            offsets=offsets,
            day=day,
            month=month,
            code=code,
            value=value,
            ground=ground,
            grounds=self.grounds,
            dirty=dirty,
        )

    def _clean(
        self, make: Callable[..., Any], taken: list[int]
    ) -> Iterator[tuple[list[int], list[Any]]]:
        """(rows, cases) of the cases compiled from the columns (of this shard), by chunks."""
        as_text = make is _compiled_of  # the engine's cases carry the interchange names
        ids, amounts, acc_day, acc_month, ref, ref_simple = self.columns
        decoded = {
            name: (index, [None if v is None else str(v.value) for v in values])
            if as_text and name in ("mode", "judgment_kind", "creditor")
            else (index, values)
            for name, (index, values) in self.decoded.items()
        }
        np = self.np
        new_step = partial(tuple.__new__, Step)
        grounds = self.grounds
        offsets = self.offsets
        for start in range(0, len(self.clean_cases), _CHUNK):
            chosen = self.clean_cases[start : start + _CHUNK]
            case_ids = ids.take(arrow_ints(chosen)).to_pylist()
            if self.part is not None:
                index, count = self.part
                mine = [shard_of(case_id, count) == index for case_id in case_ids]
                chosen = chosen[mine]
                case_ids = [case_id for case_id, kept in zip(case_ids, mine, strict=True) if kept]
                if not len(chosen):
                    continue
            first, stop = int(offsets[chosen[0]]), int(offsets[chosen[-1] + 1])
            kept_events = _event_rows_of(self.np, offsets, chosen) - first
            days, months, codes, values, where = (
                a[first:stop][kept_events].tolist() for a in self.steps
            )
            steps = list(
                map(
                    new_step,
                    zip(days, months, codes, values, [grounds[g] for g in where], strict=True),
                )
            )
            ends = np.cumsum(offsets[chosen + 1] - offsets[chosen])
            starts = np.concatenate(([0], ends[:-1]))
            histories = list(
                map(tuple, map(steps.__getitem__, map(slice, starts.tolist(), ends.tolist())))
            )
            owed = amounts[chosen].tolist()
            timelines = list(
                map(Timeline, acc_day[chosen].tolist(), acc_month[chosen].tolist(), owed, histories)
            )
            field = {
                name: list(map(values.__getitem__, index[chosen].tolist()))
                for name, (index, values) in decoded.items()
                if not as_text or name in _ENGINE_FIELDS
            }
            taken[0] += len(chosen)
            taken[1] += len(steps)
            if as_text:
                out = list(
                    map(
                        CompiledCase, case_ids, field["office"], field["executor"],
                        field["mode"], field["judgment_kind"], field["creditor"], timelines,
                    )
                )  # fmt: skip
            else:
                refs = (
                    [""] * len(chosen)
                    if ref is None
                    else _refs(
                        ref.take(arrow_ints(chosen)).to_pylist(), ref_simple[chosen].tolist()
                    )
                )
                out = [
                    make(fields, timeline)
                    for fields, timeline in zip(
                        zip(
                            case_ids, field["office"], field["executor"], field["mode"],
                            field["judgment_kind"], refs, field["judgment_effective"],
                            field["accepted_on"], owed, field["creditor"], field["due_on"],
                            strict=True,
                        ),
                        timelines,
                        strict=True,
                    )
                ]  # fmt: skip
            yield chosen.tolist(), out


def _distinct(np: Any, codes: Any, bound: int) -> tuple[Any, Any]:
    """(the distinct codes in order, each code's index among them), as np.unique gives
    them; counted in a table when the codes (0 <= code < bound) are few."""
    if bound > 4 * len(codes) + 1024:
        distinct, inverse = np.unique(codes, return_inverse=True)
        return distinct, inverse.astype(np.int64)
    present = np.bincount(codes, minlength=bound) > 0
    return np.flatnonzero(present), (np.cumsum(present) - 1)[codes]


def _event_rows_of(np: Any, offsets: Any, chosen: Any) -> Any:
    """Positions (in the compiled steps) of the events of the chosen cases, in order."""
    starts, ends = offsets[chosen], offsets[chosen + 1]
    sizes = ends - starts
    total = int(sizes.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - np.concatenate(([0], np.cumsum(sizes)[:-1])), sizes)
    return np.arange(total, dtype=np.int64) + shift


_ENGINE_FIELDS: Final = frozenset(("office", "executor", "mode", "judgment_kind", "creditor"))


def _join(pa: Any, np: Any, ids: Any, eids: Any) -> tuple[Any, Any, Any]:
    """(each case row's id is on no other case row, each event's case row or _NO_CASE,
    where each case's events start if the files are in case order, else None).

    Files in case order (case ids increasing, each case's events together, in the same
    order, every case with some) are matched by comparing neighbours; any others by one
    hash of both files' ids, an event going with the first case row of its id."""
    pc = pa.compute
    m, n = len(ids), len(eids)
    ordered = ids.null_count == 0 and eids.null_count == 0 and m > 1 and n > 1
    if ordered and _all(pc.less(ids[:-1], ids[1:])):
        # where the event ids change; if there are as many runs as cases and each run's
        # id is its case's, the events are in case order (the ids increase)
        starts = np.flatnonzero(bools(np, pc.not_equal(eids[1:], eids[:-1]))) + 1
        starts = np.concatenate(([0], starts))
        if len(starts) == m and _all(pc.equal(eids.take(arrow_ints(starts)), ids)):
            sizes = np.diff(np.append(starts, n))
            owner = np.repeat(np.arange(m, dtype=np.int32), sizes)
            return np.ones(m, dtype=bool), owner, starts
    found, event_code = joined_codes(pa, np, ids, eids)  # -1: a null id
    codes = int(max(found.max(), event_code.max())) + 1  # 0 when every id is null
    counts = np.bincount(found[found >= 0], minlength=codes + 1)  # [-1]: a null id's
    first = np.full(codes + 1, _NO_CASE, dtype=np.int32)  # first[-1]: a null id's
    first[found[::-1]] = np.arange(m - 1, -1, -1, dtype=np.int32)
    first[-1] = _NO_CASE
    return (found >= 0) & (counts[found] == 1), first[event_code], None


def _all(flags: Any) -> bool:
    """True if every value is true (and there is one); null counts as false."""
    import pyarrow.compute as pc

    return bool(pc.all(flags, skip_nulls=False, min_count=1).as_py())


def _simple_ids(pa: Any, np: Any, column: Any, n: int) -> Any:
    """Rows whose case id the row reader keeps as written (and the fast path takes)."""
    if not is_string(pa, column):
        return np.zeros(n, dtype=bool)
    return plain_ascii(np, column, empty_ok=False)


def _by_value(
    pa: Any, np: Any, column: Any, decode: Callable[[str], object], n: int, null_ok: bool
) -> tuple[Any, Any, list[Any]]:
    """(fast-checked, index, values) of each row: ``values[index]`` is the row's decoded
    value (index -1, the last value, None: a null or absent value); each distinct text
    is decoded once."""
    if column is None:
        return np.full(n, null_ok, dtype=bool), np.full(n, -1, dtype=np.int32), [None]
    if not is_text(pa, column):
        return np.zeros(n, dtype=bool), np.full(n, -1, dtype=np.int32), [None]
    distinct, index = encoded(np, column, -1)
    outcomes = [decode(text) for text in distinct.to_pylist()]
    ok = np.array([o is not _BAD for o in outcomes] + [null_ok], dtype=bool)
    return ok[index], index, [None if o is _BAD else o for o in outcomes] + [None]


def _name(text: str) -> object:
    value = clean(text)
    return value if value else _BAD


def _member(kind: Any, text: str) -> object:
    try:
        return kind(text)
    except ValueError:
        return _BAD  # an alias or a Vietnamese label: the row reader reads it


def _day(required: bool, text: str) -> object:
    if text == "":
        return _BAD if required else None
    if not _ISO.fullmatch(text):
        return _BAD
    try:
        return date.fromisoformat(text)
    except ValueError:
        return _BAD


def _event_code(text: str) -> object:
    found = CODE_BY_NAME.get(text)
    if found is not None:
        return found
    try:
        _, event = parse_event_row({"case_id": "x", "date": "2000-01-01", "kind": text})
    except InvalidRecordError:
        return _BAD
    return CODE[event.kind]


def _amounts(pa: Any, np: Any, column: Any, n: int, *, required: bool) -> tuple[Any, Any]:
    """(fast-checked, amount) of each row: digits only, or blank (0) where not required."""
    if column is None:
        return np.full(n, not required, dtype=bool), np.zeros(n, dtype=np.int64)
    if column.type == pa.int64():
        values = ints(np, column, 0)
        ok = (values >= 1) & (values < 10**15)
        if not required:
            ok |= bools(np, column.is_null())
        return ok, np.where(ok, values, 0)
    if not is_string(pa, column):
        return np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int64)
    pc = pa.compute
    if not required:  # blank: no amount, fine; the others are read as required amounts
        given = pc.cast(pc.binary_length(column), pa.bool_())
        at = np.flatnonzero(bools(np, given))
        ok, value = np.ones(n, dtype=bool), np.zeros(n, dtype=np.int64)
        if len(at):
            ok[at], value[at] = _amounts(pa, np, column.filter(given), len(at), required=True)
        return ok, value
    try:  # the common case, in one pass: every text an integer
        values = ints(np, pc.cast(column, pa.int64()), 0)
    except pa.ArrowException:
        pass
    else:
        # Arrow takes ASCII digits with an optional sign, as the row reader does, and
        # also hexadecimal (0x10), which the row reader refuses: only plain digits are
        # taken here (a sign, a negative amount: the row reader's to read or reject)
        ok = (values >= 0) & (values < 10**15)
        ok &= bools(np, pc.ascii_is_decimal(column))
        return ok, np.where(ok, values, 0)
    digits = bools(np, pc.match_substring_regex(column, _DIGITS))
    text = pc.replace_substring_regex(column, _NOT_DIGITS, "0")  # the others are not used
    return digits, ints(np, pc.cast(text, pa.int64()), 0)


def _key(column: Any, index: int) -> str | None:
    """The case id the row reader files a row under (its raw id, cleaned)."""
    return _raw_key(column[index].as_py())


def _raw_key(raw: object) -> str | None:
    if isinstance(raw, str):
        return clean(raw) or None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return None


def _refs(raw: list[str | None], simple: list[bool]) -> list[str]:
    """The judgment references, cleaned as the row reader cleans them (null: none given)."""
    return [
        "" if text is None else text if fast else clean(text)
        for text, fast in zip(raw, simple, strict=True)
    ]


def _compiled_of(fields: tuple[Any, ...], timeline: Timeline) -> CompiledCase:
    return CompiledCase(
        fields[0], fields[1], fields[2], fields[3], fields[4], fields[9], timeline,
    )  # fmt: skip


def _case_of(fields: tuple[Any, ...], timeline: Timeline) -> Case:
    return build_case(fields[:8], fields[8:11], timeline)
