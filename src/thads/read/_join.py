"""Joining events to their cases (ghép sự kiện với việc): the indexed and the sorted join,
and the hold policy (a case with a rejected event is held out whole)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

from thads.errors import InvalidRecordError
from thads.read._decode import CaseFields, Decoder, case_fields, checked, event_fields, raw_case_id
from thads.read._rows import OnBadEvent, RawRow, RejectedRow, RowError, Rows
from thads.read._shard import Sharded
from thads.records import Timeline, TimelineBuilder, month_serial


class EventIndex:
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
        self.size = 0  # events indexed
        self.grounds: list[str | None] = [None]
        self.ground_index: dict[str | None, int] = {None: 0}

    def ground(self, ground: str | None) -> int:
        """The number of a ground in this index (given one the first time it comes)."""
        g = self.ground_index.get(ground)
        if g is None:
            g = self.ground_index[ground] = len(self.grounds)
            self.grounds.append(ground)
        return g

    def add(
        self, line: int, case_id: str, day: int, code: int, amount: int, ground: str | None
    ) -> None:
        """Index one event (the reader's common row does the same inline)."""
        g = self.ground(ground)
        self.line.append(line)
        self.packed.append((day << 24) | (g << 4) | code)
        self.amount.append(amount)
        self.previous.append(self.last.get(case_id, -1))
        self.last[case_id] = self.size
        self.size += 1

    def pop(self, case_id: str, months: dict[int, int]) -> list[IndexedEvent]:
        """The events of ``case_id`` in file order, as (line, day, month, code, amount, ground)."""
        j = self.last.pop(case_id, -1)
        out: list[IndexedEvent] = []
        put = out.append
        lines, packed, amounts, previous = self.line, self.packed, self.amount, self.previous
        grounds = self.grounds
        while j >= 0:
            key = packed[j]
            day = key >> 24
            put((lines[j], day, months[day], key & 15, amounts[j], grounds[(key >> 4) & 0xFFFFF]))
            j = previous[j]
        out.reverse()
        return out


CaseItem = tuple[CaseFields, Timeline]
IndexedEvent = tuple[int, int, int, int, int, "str | None"]
"""An event waiting for its case: (line, day, month, code, amount, ground)."""
PendingEvent = tuple[str, IndexedEvent]


class Joiner(Sharded):
    """The join part of :class:`thads.read.CaseReader`: events to cases, rejections, holds."""

    strict: bool
    sorted_input: bool
    on_bad_event: OnBadEvent
    _case_rows: Rows
    _event_rows: Rows | None
    _bounds: tuple[str, str | None] | None = None
    """The case ids a byte-range part owns (jobs=N on sorted files), else None."""

    def _reject(self, file: str, line: int, error: InvalidRecordError) -> None:
        row = RejectedRow(file, line, error.record, error.field, error.reason, error.code)
        if self.strict:
            raise RowError(row)
        self.rejected.append(row)
        self.counts[file].rejected += 1

    def _reject_event(
        self, file: str, line: int, error: InvalidRecordError, case_id: str | None
    ) -> None:
        """Reject an event row; under hold_case its case is held out too."""
        self._reject(file, line, error)
        if case_id and self.on_bad_event == "hold_case" and case_id not in self._held:
            self._held[case_id] = f"{file}:{line} ({error.field}: {error.reason})"

    def _hold(
        self, cases_name: str, line: int, case_id: str, events_name: str, lines: Iterable[int]
    ) -> None:
        """Reject a held case's row and its other (good) events, naming the cause."""
        cause = self._held[case_id]
        self._reject(
            cases_name,
            line,
            InvalidRecordError(
                f"case {case_id}",
                "events",
                f"held out: its event at {cause} was rejected, so its history is incomplete "
                "(on_bad_event='drop_event' keeps it without that event)",
                code="case.held",
            ),
        )
        for event_line in lines:
            self._reject(
                events_name,
                event_line,
                InvalidRecordError(
                    f"event of case {case_id}",
                    "case_id",
                    f"held out with its case: its event at {cause} was rejected",
                    code="event.held",
                ),
            )

    def _case_items(
        self, decode: Decoder, cases_name: str
    ) -> Iterator[tuple[int, CaseFields | None, str | None]]:
        """(line, fields, case_id) of each case row; fields None when it was rejected."""
        count = self.counts[cases_name]
        for line, values in self._rows_of(self._case_rows):
            if values is None:
                count.blank += 1
                continue
            count.read += 1
            try:
                fields = checked(values, case_fields, decode)
            except InvalidRecordError as error:
                self._reject(cases_name, line, error)
                yield line, None, raw_case_id(values)
                continue
            yield line, fields, fields[0]

    def _reject_duplicate(self, cases_name: str, line: int, case_id: str) -> None:
        self._reject(
            cases_name,
            line,
            InvalidRecordError(
                f"case {case_id}", "case_id", "duplicate case_id", code="case.duplicate"
            ),
        )

    def _reject_orphan(self, events_name: str, line: int, case_id: str, refused: bool) -> None:
        """Reject an event whose case row never came, or was rejected."""
        reason = "its case row was rejected" if refused else "no case with this case_id"
        code = "case.rejected" if refused else "case.unknown"
        self._reject(
            events_name,
            line,
            InvalidRecordError(f"event of case {case_id}", "case_id", reason, code=code),
        )

    def _bad_event_row(
        self, decode: Decoder, events_name: str, line: int, values: RawRow
    ) -> PendingEvent | None:
        """An event row off the fast path: checked field by field, or rejected (None)."""
        count = self.counts[events_name]
        if values is None:
            count.blank += 1
            return None
        count.read += 1
        try:
            case_id, day, month, code, amount, ground = checked(values, event_fields, decode)
        except InvalidRecordError as error:
            self._reject_event(events_name, line, error, raw_case_id(values))
            return None
        return case_id, (line, day, month, code, amount, ground)

    def _indexed(self, decode: Decoder, cases_name: str, events_name: str) -> Iterator[CaseItem]:
        index = EventIndex()
        months: dict[int, int] = {}
        if self._event_rows is not None:
            count = self.counts[events_name]
            dates, codes, gknown = decode.dates, decode.events, decode.grounds
            add = index.add  # the index's own add, inline below for the common row
            put_line, put_packed = index.line.append, index.packed.append
            put_amount, put_previous = index.amount.append, index.previous.append
            last, ground_index = index.last, index.ground_index
            last_of = last.get
            read = 0
            for line, values in self._rows_of(self._event_rows):
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
                        and case_id.isascii()
                        and (
                            value == ""
                            or (
                                type(value) is str
                                and value.isdigit()
                                and value.isascii()
                                and len(value) <= 18  # longer: checked against MAX_AMOUNT
                            )
                        )
                        and (
                            not ground
                            or (type(ground) is str and (code, ground, known[1]) in gknown)
                        )
                    ):
                        g = 0  # EventIndex.add, inline
                        if ground:
                            g = ground_index.get(gknown[(code, ground, known[1])], -1)  # type: ignore[index]
                            if g < 0:
                                g = index.ground(gknown[(code, ground, known[1])])  # type: ignore[index]
                        put_line(line)
                        put_packed((known[1] << 24) | (g << 4) | code)
                        put_amount(int(value) if value else 0)
                        put_previous(last_of(case_id, -1))
                        last[case_id] = index.size
                        index.size += 1
                        read += 1
                        months[known[1]] = known[2]
                        continue
                item = self._bad_event_row(decode, events_name, line, values)
                if item is not None:
                    case_id, (line, day, month, code, amount, ground) = item
                    months[day] = month
                    add(line, case_id, day, code, amount, ground)
            count.read += read
        seen: set[str] = set()
        refused: set[str] = set()
        held = self._held
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
            items = index.pop(case_id, months)
            if held and case_id in held:
                self._hold(cases_name, line, case_id, events_name, (e[0] for e in items))
                continue
            timeline = self._timeline(fields, items, cases_name, line, events_name)
            if timeline is None:
                continue
            self.counts[cases_name].accepted += 1
            yield fields, timeline
        for case_id in list(index.last):  # events whose case never came
            for line, *_ in index.pop(case_id, months):
                self._reject_orphan(events_name, line, case_id, case_id in refused)

    def _merged(self, decode: Decoder, cases_name: str, events_name: str) -> Iterator[CaseItem]:
        assert self._event_rows is not None
        events = iter(self._rows_of(self._event_rows))
        ahead: list[PendingEvent] = []  # at most one event read ahead
        last_event_id = ""
        low, high = self._bounds or ("", None)

        def in_order(line: int, case_id: str) -> None:
            nonlocal last_event_id
            if case_id < last_event_id:
                raise _not_sorted(events_name, line, case_id, last_event_id)
            if case_id < low or (high is not None and case_id >= high):
                raise _outside(events_name, line, case_id, low, high)
            last_event_id = case_id

        def pull() -> PendingEvent | None:
            """The next good event row (bad ones are rejected on the way)."""
            if ahead:
                return ahead.pop()
            for line, values in events:
                item = self._bad_event_row(decode, events_name, line, values)
                if item is None:
                    # a rejected row holds its case: it must come in order too, or the
                    # case may have been counted already without it
                    raw = raw_case_id(values) if self.on_bad_event == "hold_case" else None
                    if raw:
                        in_order(line, raw)
                    continue
                in_order(line, item[0])
                return item
            return None

        def take(case_id: str) -> list[IndexedEvent]:
            """The events of ``case_id``; events of ids before it have no case."""
            out: list[IndexedEvent] = []
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
        held = self._held
        for line, fields, case_id in self._case_items(decode, cases_name):
            if high is not None and case_id and case_id >= high:
                raise _outside(cases_name, line, case_id, low, high)
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
            items = take(case_id)
            if held and case_id in held:
                self._hold(cases_name, line, case_id, events_name, (e[0] for e in items))
                continue
            timeline = self._timeline(fields, items, cases_name, line, events_name)
            if timeline is None:
                continue
            self.counts[cases_name].accepted += 1
            yield fields, timeline
        while (item := pull()) is not None:  # events after the last case have no case
            self._reject_orphan(events_name, item[1][0], item[0], False)

    def _timeline(
        self,
        fields: CaseFields,
        items: list[IndexedEvent],
        cases_name: str,
        case_line: int,
        events_name: str,
    ) -> Timeline | None:
        """Keep the events that can follow each other; reject the others with reasons.

        None when the case is held out (on_bad_event="hold_case")."""
        accepted, amount = fields[8], fields[9]
        if not items:
            return Timeline(accepted, month_serial(fields[7]), amount)
        steps = TimelineBuilder.fast_steps(accepted, amount, items)  # None if out of order
        if steps is None and any(items[k][1] > items[k + 1][1] for k in range(len(items) - 1)):
            items.sort(key=lambda item: item[1])  # stable: same-day events keep file order
            steps = TimelineBuilder.fast_steps(accepted, amount, items)
        if steps is not None:
            self.counts[events_name].accepted += len(steps)
            return Timeline(accepted, month_serial(fields[7]), amount, steps)
        case_id = fields[0]
        builder = TimelineBuilder(f"case {case_id}", accepted, month_serial(fields[7]), amount)
        good: list[int] = []
        for line, day, month, code, value, ground in items:
            try:
                builder.add(day, month, code, value, ground)
            except InvalidRecordError as error:
                self._reject_event(events_name, line, error, case_id)
                continue
            good.append(line)
        if case_id in self._held:
            self._hold(cases_name, case_line, case_id, events_name, good)
            return None
        self.counts[events_name].accepted += len(good)
        return builder.build()


def _outside(file: str, line: int, case_id: str, low: str, high: str | None) -> InvalidRecordError:
    """A row of a byte-range part (jobs=N on sorted files) whose case id another part owns."""
    owned = f"from {low!r}" + ("" if high is None else f" up to {high!r} (not included)")
    return InvalidRecordError(
        f"{file}:{line}",
        "case_id",
        f"{case_id!r} is not among this part's case ids ({owned}): the file is not sorted "
        "by case_id; read it without sorted_input",
        code="file.not_sorted",
    )


def _not_sorted(file: str, line: int, case_id: str, before: str) -> InvalidRecordError:
    return InvalidRecordError(
        f"{file}:{line}",
        "case_id",
        f"{case_id!r} comes after {before!r}: the file is not sorted by case_id; "
        "read it without sorted_input",
        code="file.not_sorted",
    )
