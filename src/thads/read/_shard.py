"""Sharding (chia phần) of a reading for ``jobs=N``: each case and its events in one shard."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Self

from thads.read._decode import raw_case_id
from thads.read._rows import FileCount, PathLike, RawRow, RejectedRow, Rows


def shard_of(case_id: str, shards: int) -> int:
    return zlib.crc32(case_id.encode("utf-8")) % shards


class Sharded:
    """The shard part of :class:`thads.read.CaseReader`: which rows a reader keeps."""

    cases_path: PathLike
    events_path: PathLike | None
    rejected: list[RejectedRow]
    counts: dict[str, FileCount]
    _held: dict[str, str]
    _shard: tuple[int, int] | None

    def shard(self, index: int, count: int) -> Self:
        """A reader of the same sources that keeps only shard ``index`` of ``count``.

        Cases are split by a stable hash of their case_id, so each case and its events
        fall in one shard; the shards' counts and rejections add up to the whole.
        """
        copy = type(self).__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.rejected, copy.counts, copy._held = [], {}, {}
        copy._shard = (index, count)
        return copy

    def _mine(self, values: RawRow) -> bool:
        """True if the row belongs to this reader's shard (unreadable ids go to shard 0)."""
        if self._shard is None:
            return True
        index, count = self._shard
        case_id = raw_case_id(values)
        return (index == 0) if case_id is None else shard_of(case_id, count) == index

    def _rows_of(self, rows: Rows) -> Iterable[tuple[int, RawRow]]:
        """The rows of this reader's shard (all of them when it is not sharded)."""
        if self._shard is None:
            return rows()
        return (item for item in rows() if self._mine(item[1]))

    def absorb(self, other: Sharded) -> None:
        """Add another shard's counts and rejections to this reader's."""
        for name, theirs in other.counts.items():
            mine = self.counts.setdefault(name, FileCount())
            mine.read += theirs.read
            mine.accepted += theirs.accepted
            mine.rejected += theirs.rejected
            mine.blank += theirs.blank
        order = {str(self.cases_path): 0, str(self.events_path): 1}
        self.rejected = sorted(
            [*self.rejected, *other.rejected], key=lambda r: (order.get(r.file, 2), r.line)
        )
