"""Sharding (chia phần) of a reading for ``jobs=N``: each case and its events in one shard."""

from __future__ import annotations

import mmap
import os
import zlib
from collections.abc import Iterable
from contextlib import ExitStack
from itertools import pairwise
from typing import Final, NamedTuple, Self

from thads.read._decode import listed_once, raw_case_id
from thads.read._encodings import encoding_of
from thads.read._rows import FileCount, PathLike, RawRow, RejectedRow, Rows, Span, is_jsonl
from thads.records import clean


def shard_of(case_id: str, shards: int) -> int:
    return zlib.crc32(case_id.encode("utf-8")) % shards


def in_part(values: RawRow, part: tuple[int, int]) -> bool:
    """True if a row read belongs to part ``index`` of ``count`` (by its case id, cleaned;
    a row without one goes to part 0)."""
    index, count = part
    case_id = raw_case_id(values)
    return (index == 0) if case_id is None else shard_of(case_id, count) == index


def line_owner(key: bytes, count: int) -> int:
    """The part of a line whose raw case id (the bytes before its first comma) is ``key``:
    the part :func:`in_part` gives the row once read."""
    if key and key.isascii() and key[0] > 32 and key[-1] > 32:  # cleaning keeps it as is
        return zlib.crc32(key) % count
    try:
        case_id = clean(key.decode("utf-8"))
    except UnicodeDecodeError:
        return 0  # part 0 reads the line, and fails to decode it as one pass would
    return shard_of(case_id, count) if case_id else 0


def plain_file(path: PathLike) -> bool:
    """A CSV file every line of which is one row (see :func:`byte_ranges`)."""
    with open(path, "rb") as handle:
        return _plain(handle.fileno())


class Sharded:
    """The shard part of :class:`thads.read.CaseReader`: which rows a reader keeps."""

    cases_path: PathLike
    events_path: PathLike | None
    rejected: list[RejectedRow]
    counts: dict[str, FileCount]
    _held: dict[str, str]
    held_offices: dict[str, int]
    """Cases rejected in the last reading because the office tree did not know their
    office, by office (see :meth:`thads.read.CaseReader.compiled`)."""
    _shard: tuple[int, int] | None

    def shard(self, index: int, count: int) -> Self:
        """A reader of the same sources that keeps only shard ``index`` of ``count``.

        Cases are split by a stable hash of their case_id, so each case and its events
        fall in one shard; the shards' counts and rejections add up to the whole.
        """
        copy = self._fresh()
        copy._shard = (index, count)
        return copy

    def _fresh(self) -> Self:
        """A reader of the same sources and options, with nothing read yet (its own
        counts, rejected rows and held cases)."""
        copy = type(self).__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.rejected, copy.counts, copy._held, copy.held_offices = [], {}, {}, {}
        return copy

    def _mine(self, values: RawRow) -> bool:
        """True if the row belongs to this reader's shard (unreadable ids go to shard 0)."""
        return True if self._shard is None else in_part(values, self._shard)

    def _rows_of(self, rows: Rows) -> Iterable[tuple[int, RawRow]]:
        """The rows of this reader's shard (all of them when it is not sharded)."""
        if self._shard is None:
            return rows()
        return (item for item in rows() if self._mine(item[1]))

    def absorb(self, other: Sharded) -> None:
        """Add another shard's counts, rejections and held offices to this reader's."""
        for name, theirs in other.counts.items():
            mine = self.counts.setdefault(name, FileCount())
            mine.read += theirs.read
            mine.accepted += theirs.accepted
            mine.rejected += theirs.rejected
            mine.blank += theirs.blank
        for office, count in other.held_offices.items():
            self.held_offices[office] = self.held_offices.get(office, 0) + count
        order = {str(self.cases_path): 0, str(self.events_path): 1}
        self.rejected = listed_once(
            sorted([*self.rejected, *other.rejected], key=lambda r: (order.get(r.file, 2), r.line))
        )


# --- byte ranges of sorted files (jobs=N with sorted_input=True) ----------------------


class ByteRange(NamedTuple):
    """One worker's part of two files sorted by case_id: its case lines, its event
    lines, and the case ids it owns (from ``low``, up to but not including ``high``)."""

    cases: Span
    events: Span
    low: str
    high: str | None


_WINDOW: Final = 1 << 22  # bytes counted at a time


class _UnsplittableError(Exception):
    """A line near a cut whose case id cannot be compared as the reader compares ids."""


def byte_ranges(
    cases: PathLike, events: PathLike, count: int, encoding: str | None, sample: bool = False
) -> list[ByteRange] | None:
    """The ``count`` parts of two sorted CSV files, cut between cases; one plan for all
    the parts of a reading (each worker computes the same one).

    Only for files a cut cannot misread: UTF-8, ``case_id`` the first heading of both,
    no quote, NUL or lone carriage return anywhere (so every line is one row and its case
    id is the text before its first comma), and a clean case id on every line a cut or a
    search looks at. Otherwise None, and the caller shards by hash, reading every line.
    On sorted files the parts are exact; a part refuses a row outside its ids
    (``low``..``high``) as out of order, and the whole reading is then to be read in one
    pass to say where (as :func:`thads.report` does). ``sample``: also None unless the
    ids of :data:`_SAMPLES` lines spread over each file are in order (files not known to
    be sorted, which are cut only if they look it).
    """
    if count < 2:
        return None
    with ExitStack() as stack:
        opened = _mapped(stack, (cases, events), encoding)
        if opened is None:
            return None
        maps, fds = opened
        try:
            if sample and not all(_sampled_in_order(data) for data in maps):
                return None  # told by 64 lines, before the files are scanned whole
            if not all(_plain(fd) for fd in fds):
                return None
            return _parts(maps[0], maps[1], count, fds)
        except _UnsplittableError:
            return None


def looks_sorted(cases: PathLike, events: PathLike, encoding: str | None) -> bool:
    """True if both files are UTF-8 CSV files with case_id first and the case ids of
    :data:`_SAMPLES` lines spread over each are in order: a guess, which a reading
    that needs the order checks row by row. The files are not scanned whole (a
    quoted line break may make a sampled line a row's middle: then the guess is only
    worse, the reading no less checked)."""
    with ExitStack() as stack:
        opened = _mapped(stack, (cases, events), encoding)
        if opened is None:
            return False
        try:
            return all(_sampled_in_order(data) for data in opened[0])
        except _UnsplittableError:
            return False


def _mapped(
    stack: ExitStack, paths: tuple[PathLike, ...], encoding: str | None
) -> tuple[list[mmap.mmap], list[int]] | None:
    """The files mapped read-only (closed with ``stack``) if every one is a non-empty
    UTF-8 CSV file, else None (whether every line is one row: :func:`_plain`)."""
    maps, fds = [], []
    for path in paths:
        if is_jsonl(path) or encoding_of(path, encoding) not in ("utf-8-sig", "utf-8"):
            return None
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115 (the caller's stack)
        if os.fstat(handle.fileno()).st_size == 0:
            return None
        maps.append(stack.enter_context(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)))
        fds.append(handle.fileno())
    return maps, fds


_SAMPLES: Final = 64


def _sampled_in_order(data: mmap.mmap) -> bool:
    """True if the case ids of :data:`_SAMPLES` lines spread evenly over the file's body
    are in order (blank ids and ids with a quote skipped)."""
    body = _body(data)
    if body is None:
        return False
    last = ""
    for k in range(_SAMPLES):
        at = body + (len(data) - body) * k // _SAMPLES
        if at > body and data[at - 1 : at] != b"\n":
            at = _line_end(data, at)
        if at >= len(data):
            break
        found = _id_at(data, at)
        if found and '"' not in found:  # with a quote: perhaps not a row's start
            if found < last:
                return False
            last = found
    return True


def _parts(
    cases: mmap.mmap, events: mmap.mmap, count: int, fds: list[int]
) -> list[ByteRange] | None:
    case_body, event_body = _body(cases), _body(events)
    if case_body is None or event_body is None:
        return None
    cuts, ids = [case_body], [""]
    for k in range(1, count):
        cut = max(_cut(cases, case_body, case_body + (len(cases) - case_body) * k // count),
                  cuts[-1])  # fmt: skip
        cuts.append(cut)
        ids.append(_id_at(cases, cut) if cut < len(cases) else "")
    cuts.append(len(cases))
    event_cuts = [event_body]
    for k in range(1, count):
        event_cuts.append(_first_at_least(events, event_body, ids[k]) if ids[k] else len(events))
    event_cuts.append(len(events))
    if any(a > b for a, b in pairwise(event_cuts)):
        return None  # not sorted: one pass says where
    out = []
    for k in range(count):
        high = ids[k + 1] if k + 1 < count and ids[k + 1] else None
        out.append(
            ByteRange(
                Span(cuts[k], cuts[k + 1], _line_of(fds[0], cuts[k])),
                Span(event_cuts[k], event_cuts[k + 1], _line_of(fds[1], event_cuts[k])),
                ids[k],
                high,
            )
        )
    return out


def _plain(fd: int) -> bool:
    """No quote, NUL or lone carriage return: every line of the file is one CSV row.

    Read in windows (not through the map, whose pages would count as the process's
    memory)."""
    returns = pairs = 0
    at, tail = 0, b""
    while chunk := os.pread(fd, _WINDOW, at):
        if b'"' in chunk or b"\x00" in chunk:
            return False
        pairs += tail + chunk[:1] == b"\r\n"
        if b"\r" in chunk:  # the two-byte search only where it can find something
            returns += chunk.count(b"\r")
            pairs += chunk.count(b"\r\n")
        at, tail = at + len(chunk), chunk[-1:]
    return returns == pairs


def _body(data: mmap.mmap) -> int | None:
    """Where the line after the header starts, if the header's first name is case_id."""
    end = _line_end(data, 0)
    first = bytes(data[:end]).split(b",", 1)[0].strip()
    first = first.removeprefix(b"\xef\xbb\xbf")
    return end if first == b"case_id" else None


def _line_end(data: mmap.mmap, at: int) -> int:
    """Where the line after the one holding byte ``at`` starts (or the file's end)."""
    end = data.find(b"\n", at)
    return len(data) if end < 0 else end + 1


def _id_at(data: mmap.mmap, at: int) -> str:
    """The case id of the line starting at ``at`` ("" for a blank line)."""
    line = data[at : _line_end(data, at)]
    raw = line.split(b",", 1)[0].rstrip(b"\r\n")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _UnsplittableError from None
    if text and clean(text) != text:
        raise _UnsplittableError
    return text


def _cut(data: mmap.mmap, body: int, at: int) -> int:
    """The start of the first line at or after byte ``at`` whose case id differs from
    the last id before it (a case's rows never straddle a cut)."""
    if data[at - 1 : at] != b"\n":
        at = _line_end(data, at)
    before = _id_before(data, body, at)
    while at < len(data):
        found = _id_at(data, at)
        if found and found != before:
            if found < before:
                raise _UnsplittableError  # not sorted: one pass says where
            return at
        before = found or before
        at = _line_end(data, at)
    return at


def _id_before(data: mmap.mmap, body: int, at: int) -> str:
    """The last case id on a line before byte ``at`` (from ``body``), or ""."""
    while at > body:
        start = max(data.rfind(b"\n", body, at - 1) + 1, body)
        found = _id_at(data, start)
        if found:
            return found
        at = start
    return ""


def _next_id(data: mmap.mmap, at: int, stop: int) -> tuple[int, str | None]:
    """(start, case id) of the first line with an id from ``at`` before ``stop``."""
    while at < stop:
        found = _id_at(data, at)
        if found:
            return at, found
        at = _line_end(data, at)
    return stop, None


def _first_at_least(data: mmap.mmap, body: int, key: str) -> int:
    """The start of the first line (from ``body``) whose case id is at least ``key``,
    by bisection over byte offsets (exact on a sorted file)."""
    lo, hi = body, len(data)  # ids on lines before lo: below key; the line at hi: at least
    while lo < hi:
        mid = (lo + hi) // 2
        start, found = _next_id(
            data, mid if data[mid - 1 : mid] == b"\n" else _line_end(data, mid), hi
        )
        if found is None:  # no id from mid on: walk from lo
            while lo < hi:
                start, found = _next_id(data, lo, hi)
                if found is None or found >= key:
                    return lo
                lo = _line_end(data, start)
            return lo
        if found < key:
            lo = _line_end(data, start)
        else:
            hi = start
    return lo


def _line_of(fd: int, at: int) -> int:
    """The number of the line starting at byte ``at`` (the first line is 1), counted in
    windows read from the file."""
    lines = start = 0
    while start < at and (chunk := os.pread(fd, min(_WINDOW, at - start), start)):
        lines += chunk.count(b"\n")
        start += len(chunk)
    return lines + 1
