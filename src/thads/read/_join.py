"""Joining events to their cases (ghép sự kiện với việc): the indexed and the sorted join,
and the hold policy (a case with a rejected event is held out whole)."""

from __future__ import annotations

from array import array
from collections.abc import Container, Iterable, Iterator
from datetime import date
from typing import Any, Final

from thads.errors import InvalidRecordError
from thads.read._decode import (
    HELD_AT,
    CaseFields,
    Decoder,
    case_fields,
    checked,
    event_fields,
    quick_case_fields,
    raw_case_id,
)
from thads.read._rows import OnBadEvent, RawRow, RejectedRow, RowError, Rows
from thads.read._shard import Sharded
from thads.records import Timeline, TimelineBuilder, month_serial


class EventIndex:
    """The events of an unsorted file, held compactly until their case comes.

    Each event is four machine integers side by side in one array (line; day, month,
    code and ground packed; amount; link to the case's previous event): 32 bytes an
    event, read back from one place in memory when its case comes.
    """

    def __init__(self) -> None:
        self.data = array("q")
        self.last: dict[str, int] = {}
        self.grounds: list[str | None] = [None]
        self.ground_index: dict[str | None, int] = {None: 0}

    def ground(self, ground: str | None) -> int:
        """The number of a ground in this index (given one the first time it comes)."""
        g = self.ground_index.get(ground)
        if g is None:
            g = self.ground_index[ground] = len(self.grounds)
            self.grounds.append(ground)
        return g

    def pop(self, case_id: str) -> list[IndexedEvent]:
        """The events of ``case_id`` in file order, as (line, day, month, code, amount, ground)."""
        j = self.last.pop(case_id, -1)
        out: list[IndexedEvent] = []
        put = out.append
        data, grounds = self.data, self.grounds
        while j >= 0:
            at = j << 2
            key = data[at + 1]
            put((
                data[at], (key >> 24) & _DAY_MASK, key >> 46, key & 15, data[at + 2],
                grounds[(key >> 4) & 0xFFFFF],
            ))  # fmt: skip
            j = data[at + 3]
        out.reverse()
        return out


_DAY_MASK: Final = (1 << 22) - 1
"""A day ordinal's bits in a packed event: ``month << 46 | day << 24 | ground << 4 |
code``, a day ordinal in 22 bits (date.max is 3.652.059), a month serial in 17 (9999 ×
12 + 11 = 119.999), a ground's number in the index in 20, an event code in 4."""


IndexedEvent = tuple[int, int, int, int, int, "str | None"]
"""An event waiting for its case: (line, day, month, code, amount, ground)."""
PendingEvent = tuple[str, IndexedEvent]
EventRun = tuple[str, "list[IndexedEvent] | None", int]
"""A run of good events of one case (case_id, events, first line), or a rejected row
(its raw case id or "" if it has none, None, line)."""


class _Months(dict[int, int]):
    """The month serial of each day ordinal, computed once per day."""

    def __missing__(self, day: int) -> int:
        month = self[day] = month_serial(date.fromordinal(day))
        return month


class Joiner(Sharded):
    """The join part of :class:`thads.read.CaseReader`: events to cases, rejections, holds."""

    strict: bool
    sorted_input: bool
    on_bad_event: OnBadEvent
    _case_rows: Rows
    _event_rows: Rows | None
    _bounds: tuple[str, str | None] | None = None
    """The case ids a byte-range part owns (jobs=N on sorted files), else None."""
    _exact_order: bool = False
    """The merge refuses a rejected case row whose id comes before the last one (a
    reading of files that only look sorted, which must give what the index gives);
    with ``sorted_input`` such a row is let pass."""

    def _begin(self) -> tuple[Decoder, str, str]:
        """Start a reading: fresh counts, rejected rows and holds; (decoder, cases file
        name, events file name)."""
        raise NotImplementedError

    def _finish(self, cases_name: str, events_name: str) -> None:
        """End a reading: the rejected rows in file and line order."""
        order = {cases_name: 0, events_name: 1}
        self.rejected.sort(key=lambda r: (order.get(r.file, 2), r.line))

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
                f"held out: {HELD_AT}{cause} was rejected, so its history is incomplete "
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
                    f"held out with its case: {HELD_AT}{cause} was rejected",
                    code="event.held",
                ),
            )

    def _out_of_tree(
        self,
        cases_name: str,
        line: int,
        fields: CaseFields,
        events_name: str,
        lines: list[int],
    ) -> None:
        """Reject the row of a case whose office the office tree does not know (it could
        not be placed under a province) and the events it kept (their ``lines``), each at
        its own line; its events rejected for a reason of their own stay so."""
        case_id, office = fields[0], fields[1]
        self.held_offices[office] = self.held_offices.get(office, 0) + 1
        reason = f"office {office!r} is not in the office tree (offices file)"
        self._reject(
            cases_name,
            line,
            InvalidRecordError(
                f"case {case_id}",
                "office",
                f"{reason}: {_with_events(len(lines))} not counted; add the office to the "
                "offices file",
                code="office.not_in_tree",
            ),
        )
        for line_of_event in lines:
            self._reject(
                events_name,
                line_of_event,
                InvalidRecordError(
                    f"event of case {case_id}",
                    "case_id",
                    f"held out with its case: {reason}",
                    code="office.not_in_tree",
                ),
            )

    def _case_items(
        self, decode: Decoder, cases_name: str
    ) -> Iterator[tuple[int, CaseFields | None, str | None]]:
        """(line, fields, case_id) of each case row; fields None when it was rejected
        (or blank: then case_id is None too)."""
        count = self.counts[cases_name]
        quick = quick_case_fields
        for line, values in self._rows_of(self._case_rows):
            fields = quick(decode, values) if type(values) is list else None
            if fields is None:
                yield line, *self._case_row(decode, cases_name, line, values)
                continue
            count.read += 1
            yield line, fields, fields[0]

    def _case_row(
        self, decode: Decoder, cases_name: str, line: int, values: RawRow
    ) -> tuple[CaseFields | None, str | None]:
        """A case row off the quick path: (fields, case_id); (None, its raw case id) if
        rejected, (None, None) if blank."""
        count = self.counts[cases_name]
        if values is None:
            count.blank += 1
            return None, None
        count.read += 1
        try:
            fields = checked(values, case_fields, decode)
        except InvalidRecordError as error:
            self._reject(cases_name, line, error)
            return None, raw_case_id(values)
        return fields, fields[0]

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

    def _event_runs(self, decode: Decoder, events_name: str) -> Iterator[EventRun]:
        """The event rows in file order, as runs: (case_id, events, line of the first)
        for consecutive good rows of one case id, (raw case id or "", None, line) for
        a row rejected (already rejected here, its case held under hold_case).

        The common row is checked inline from the decoder's caches; a case id is checked
        once a run; any other row is read field by field (:func:`event_fields`)."""
        assert self._event_rows is not None
        count = self.counts[events_name]
        dates: dict[Any, Any] = decode.dates  # any value: a KeyError or TypeError steps aside
        codes: dict[Any, int] = decode.events
        gknown: dict[Any, str | None] = decode.grounds
        run_id: str | None = None  # no run yet (None equals no case id)
        run: list[IndexedEvent] = []
        put = run.append
        first = quick = 0
        try:  # the rows read count also when the reading stops early
            for line, values in self._rows_of(self._event_rows):
                if type(values) is list:  # the common row, checked inline
                    case_id, text, name, value, ground = values
                    if (
                        type(case_id) is str
                        and type(text) is str
                        and type(name) is str
                        and type(value) is str
                        and (
                            not value
                            or (
                                value.isdigit()
                                and value.isascii()
                                and len(value) <= 18  # longer: checked against MAX_AMOUNT
                            )
                        )
                    ):
                        try:  # a text not read yet, a bad date (None), a ground of another type
                            known = dates[text]
                            day = known[1]
                            code = codes[name]
                            g = (
                                None
                                if ground is None or ground == ""
                                else gknown[code, ground, day]
                            )
                            event = (line, day, known[2], code, int(value) if value else 0, g)
                        except (KeyError, TypeError):
                            pass
                        else:
                            if case_id == run_id:  # the id of the run: already checked
                                put(event)
                                quick += 1
                                continue
                            if (
                                case_id
                                and case_id[0] > " "
                                and case_id[-1] > " "
                                and case_id.isascii()
                            ):
                                if run:
                                    yield run_id, run, first  # type: ignore[misc]
                                run_id, run, first = case_id, [event], line
                                put = run.append
                                quick += 1
                                continue
                if values is None:
                    count.blank += 1
                    continue
                item = self._bad_event_row(decode, events_name, line, values)
                if item is not None and item[0] == run_id:
                    put(item[1])
                    continue
                if run:
                    yield run_id, run, first  # type: ignore[misc]
                if item is None:  # rejected
                    run_id, run = None, []
                    put = run.append
                    yield raw_case_id(values) or "", None, line
                    continue
                run_id, run, first = item[0], [item[1]], line
                put = run.append
            if run:
                yield run_id, run, first  # type: ignore[misc]
        finally:
            count.read += quick

    def _inside(self, bounds: tuple[str, str | None], file: str, line: int, case_id: str) -> None:
        """Refuse a row of a byte-range part whose case id another part owns."""
        low, high = bounds
        if case_id < low or (high is not None and case_id >= high):
            raise _outside(file, line, case_id, low, high)

    def _indexed(
        self, pick: int = -1, offices: Container[str] | None = None
    ) -> Iterator[tuple[Any, Timeline]]:
        """Every event indexed first, then each case as its row comes (any order): its
        (fields, timeline), or (``fields[pick]``, timeline); a case of an office not in
        ``offices`` (when given) is rejected with its events (:meth:`_out_of_tree`).

        In a byte-range part (``_bounds``) every row with a case id must be one of the
        part's: then each case and all its rows are in one part, as by hash."""
        decode, cases_name, events_name = self._begin()
        index = EventIndex()
        bounds = self._bounds
        if self._event_rows is not None:
            put = index.data.extend
            last, ground_index, ground_of = index.last, index.ground_index, index.ground
            last_of = last.get
            size = 0
            hold = self.on_bad_event == "hold_case"
            for run_id, run, first in self._event_runs(decode, events_name):
                if bounds is not None and (run is not None or (hold and run_id)):
                    self._inside(bounds, events_name, first, run_id)
                if run is None:
                    continue
                j = last_of(run_id, -1)  # EventIndex.add, inline for a run
                for line, day, month, code, amount, ground in run:
                    g = 0
                    if ground is not None:
                        g = ground_index.get(ground, -1)
                        if g < 0:
                            g = ground_of(ground)
                    # packed as _DAY_MASK says
                    put((line, (month << 46) | (day << 24) | (g << 4) | code, amount, j))
                    j = size
                    size += 1
                last[run_id] = j
        seen: set[str] = set()
        refused: set[str] = set()
        held = self._held
        for line, fields, case_id in self._case_items(decode, cases_name):
            if bounds is not None and case_id:
                self._inside(bounds, cases_name, line, case_id)
            if fields is None:
                if case_id and case_id not in seen:
                    refused.add(case_id)
                continue
            assert case_id is not None
            if case_id in seen or case_id in refused:
                self._reject_duplicate(cases_name, line, case_id)
                continue
            seen.add(case_id)
            items = index.pop(case_id)
            if held and case_id in held:
                self._hold(cases_name, line, case_id, events_name, (e[0] for e in items))
                continue
            timeline = self._timeline(fields, items, cases_name, line, events_name, offices)
            if timeline is None:
                continue
            self.counts[cases_name].accepted += 1
            yield fields if pick < 0 else fields[pick], timeline
        for case_id in list(index.last):  # events whose case never came
            for line, *_ in index.pop(case_id):
                self._reject_orphan(events_name, line, case_id, case_id in refused)
        self._finish(cases_name, events_name)

    def _merged(
        self, pick: int = -1, offices: Container[str] | None = None
    ) -> Iterator[tuple[Any, Timeline]]:
        """Both files read in step (sorted by case_id): each case as its row comes, with
        the run of events of its id; (fields, timeline), or (``fields[pick]``, timeline);
        ``offices`` as for :meth:`_indexed`.

        The common case row (:func:`quick_case_fields`) and the common run (the next run
        read ahead is the case's own) take the straight path; any other goes through
        :meth:`_case_row` and ``take``."""
        decode, cases_name, events_name = self._begin()
        runs = self._event_runs(decode, events_name)
        last_event_id = ""
        bounds = self._bounds or ("", None)
        low, high = bounds
        hold = self.on_bad_event == "hold_case"
        unread: tuple[str, list[IndexedEvent]] = ("", [])  # no run read ahead yet
        ahead: tuple[str, list[IndexedEvent]] | None = unread  # the next run, None at the end

        def pull() -> tuple[str, list[IndexedEvent]] | None:
            """The next run of good events (bad rows are rejected on the way); each
            run's case id must come in order, as must a rejected row's under hold_case,
            or the case may have been counted already without it."""
            nonlocal last_event_id
            for case_id, run, line in runs:
                if run is None and not (hold and case_id):
                    continue
                if case_id < last_event_id:
                    raise _not_sorted(events_name, line, case_id, last_event_id)
                if case_id < low or (high is not None and case_id >= high):
                    self._inside(bounds, events_name, line, case_id)  # raises
                last_event_id = case_id
                if run is not None:
                    return case_id, run
            return None

        def take(case_id: str, out: list[IndexedEvent]) -> list[IndexedEvent]:
            """The events of ``case_id`` (after ``out``); events of ids before it have
            no case."""
            nonlocal ahead
            if ahead is unread:
                ahead = pull()
            while ahead is not None:
                event_id, run = ahead
                if event_id > case_id:
                    break
                if event_id == case_id:
                    out = run if not out else out + run
                else:
                    for event in run:
                        self._reject_orphan(events_name, event[0], event_id, False)
                ahead = pull()
            return out

        last_case_id = ""
        held = self._held
        count, event_count = self.counts[cases_name], self.counts[events_name]
        quick, fast_steps, months = quick_case_fields, TimelineBuilder.fast_steps, _Months()
        for line, values in self._rows_of(self._case_rows):
            fields = quick(decode, values) if type(values) is list else None
            if fields is None:
                fields, case_id = self._case_row(decode, cases_name, line, values)
            else:
                count.read += 1
                case_id = fields[0]
            if case_id and (case_id < low or (high is not None and case_id >= high)):
                self._inside(bounds, cases_name, line, case_id)  # raises
            if fields is None:  # rejected, or blank (no case id)
                if self._exact_order and case_id and case_id < last_case_id:
                    # its events may have been taken as having no case: the index would
                    # call them events of a rejected case row
                    raise _not_sorted(cases_name, line, case_id, last_case_id)
                if case_id and case_id > last_case_id:
                    last_case_id = case_id
                    for event in take(case_id, []):
                        self._reject_orphan(events_name, event[0], case_id, True)
                continue
            assert case_id is not None
            if case_id <= last_case_id:
                if case_id == last_case_id:
                    self._reject_duplicate(cases_name, line, case_id)
                    continue
                raise _not_sorted(cases_name, line, case_id, last_case_id)
            last_case_id = case_id
            if ahead is unread:
                ahead = pull()
            items: list[IndexedEvent] = []
            if ahead is not None and ahead[0] <= case_id:
                if ahead[0] == case_id:  # the common case: the run ahead is its events
                    items = ahead[1]
                    ahead = pull()
                if ahead is not None and ahead[0] <= case_id:
                    items = take(case_id, items)
            if held and case_id in held:
                self._hold(cases_name, line, case_id, events_name, (e[0] for e in items))
                continue
            day, amount = fields[8], fields[9]
            steps = fast_steps(day, amount, items) if items else ()
            if steps is None or (offices is not None and fields[1] not in offices):
                # out of order or not valid (the events one by one), or out of the tree
                timeline = self._timeline(fields, items, cases_name, line, events_name, offices)
                if timeline is None:
                    continue
            else:  # what _timeline gives for events the fast check takes
                event_count.accepted += len(steps)
                timeline = Timeline(day, months[day], amount, steps)
            count.accepted += 1
            yield fields if pick < 0 else fields[pick], timeline
        if ahead is unread:
            ahead = pull()
        while ahead is not None:  # events after the last case have no case
            for event in ahead[1]:
                self._reject_orphan(events_name, event[0], ahead[0], False)
            ahead = pull()
        self._finish(cases_name, events_name)

    def _timeline(
        self,
        fields: CaseFields,
        items: list[IndexedEvent],
        cases_name: str,
        case_line: int,
        events_name: str,
        offices: Container[str] | None = None,
    ) -> Timeline | None:
        """Keep the events that can follow each other; reject the others with reasons.

        None when the case is held out (on_bad_event="hold_case"), or rejected with the
        events it kept because its office is not in ``offices`` (:meth:`_out_of_tree`)."""
        accepted, amount = fields[8], fields[9]
        accepted_month = month_serial(fields[7])
        outside = offices is not None and fields[1] not in offices
        if not items:
            if outside:
                self._out_of_tree(cases_name, case_line, fields, events_name, [])
                return None
            return Timeline(accepted, accepted_month, amount)
        steps = TimelineBuilder.fast_steps(accepted, amount, items)  # None if out of order
        if steps is None and any(items[k][1] > items[k + 1][1] for k in range(len(items) - 1)):
            items.sort(key=lambda item: item[1])  # stable: same-day events keep file order
            steps = TimelineBuilder.fast_steps(accepted, amount, items)
        if steps is not None:
            if outside:
                self._out_of_tree(cases_name, case_line, fields, events_name, [e[0] for e in items])
                return None
            self.counts[events_name].accepted += len(steps)
            return Timeline(accepted, accepted_month, amount, steps)
        case_id = fields[0]
        builder = TimelineBuilder(f"case {case_id}", accepted, accepted_month, amount)
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
        if outside:
            self._out_of_tree(cases_name, case_line, fields, events_name, good)
            return None
        self.counts[events_name].accepted += len(good)
        return builder.build()


def _with_events(count: int) -> str:
    """The case and its events, in words."""
    if count == 0:
        return "the case (no event) is"
    return "the case and its event are" if count == 1 else f"the case and its {count} events are"


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
