"""The compiled timeline of a case (diễn biến của việc thi hành án): built once, read by all.

A case's events are checked and compiled once into a compact, immutable
:class:`Timeline`: the opening state (day accepted, amount owed), then one step per
event as plain integers (day, month, event code, amount) and the legal ground.
This module is the one place where the meaning of a sequence of events is decided:
what may follow what, what is owed after each step, which status a case is in. The
reader's checks (:class:`TimelineBuilder`), the counting engine and :mod:`thads.law`
all read timelines.

Days are proleptic ordinals (``date.toordinal()``); months are serials
``year * 12 + month − 1``, so that every statistical period, which starts and ends on
month boundaries, is a range of month serials.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from enum import StrEnum
from functools import partial
from typing import Final, NamedTuple

import attrs

from thads.errors import InvalidRecordError


class EventKind(StrEnum):
    """Kinds of case events of the interchange format."""

    ENFORCEABLE = "enforceable"
    """Classified as có điều kiện thi hành."""
    UNENFORCEABLE = "unenforceable"
    """Decision on lack of conditions (chưa có điều kiện thi hành, Law Art. 44a)."""
    POSTPONED = "postponed"
    """Hoãn thi hành án (Law 26/2008 Art. 48; Law 106/2025 Art. 46 from 01/07/2026); the
    ``ground`` says which point, read under the law of the day: ``48.1.c``, ``46.1.c``."""
    SUSPENDED = "suspended"
    """Tạm đình chỉ thi hành án (Law 26/2008 Art. 49; Law 106/2025 Art. 47)."""
    RESUMED = "resumed"
    """Enforcement resumed after postponement or suspension (tiếp tục thi hành)."""
    COLLECTED = "collected"
    """Money or assets converted to money collected (thu được); carries an amount."""
    REDUCED = "reduced"
    """Obligation reduced (giảm nghĩa vụ thi hành án); carries an amount."""
    COMPLETED = "completed"
    """Thi hành xong (closes the case)."""
    TERMINATED = "terminated"
    """Đình chỉ thi hành án, Law 26/2008 Art. 50, Law 106/2025 Art. 48 (closes the case)."""
    ENTRUSTED = "entrusted"
    """Ủy thác to another office (closes the case here)."""
    WITHDRAWN = "withdrawn"
    """Decision withdrawn or cancelled (thu hồi, hủy), or pulled up (rút lên); closes it."""
    SEPARATE_REGISTER = "separate_register"
    """Moved to the separate register (chuyển sổ theo dõi riêng); leaves the books."""
    REQUEST_RETURNED = "request_returned"
    """Request returned to the creditor (trả lại yêu cầu, Decree 152/2026 Art. 22(2)); ends it.

    How the statistics count a return within a period is not known: the engine refuses
    such a period (RuleNotAvailableError); a return before the period takes the case off
    the books."""


# Event codes, in the order of EventKind.
ENFORCEABLE: Final = 0
UNENFORCEABLE: Final = 1
POSTPONED: Final = 2
SUSPENDED: Final = 3
RESUMED: Final = 4
COLLECTED: Final = 5
REDUCED: Final = 6
COMPLETED: Final = 7
TERMINATED: Final = 8
ENTRUSTED: Final = 9
WITHDRAWN: Final = 10
SEPARATE_REGISTER: Final = 11
REQUEST_RETURNED: Final = 12

KINDS: Final[tuple[EventKind, ...]] = tuple(EventKind)
"""Event kinds by code."""
CODE: Final[dict[EventKind, int]] = {kind: i for i, kind in enumerate(KINDS)}
"""Code of each event kind."""
CODE_BY_NAME: Final[dict[str, int]] = {str(kind): i for i, kind in enumerate(KINDS)}
"""Code of each event kind by its interchange name (``"collected"`` → 5)."""
CLOSING_CODES: Final = frozenset(
    {COMPLETED, TERMINATED, ENTRUSTED, WITHDRAWN, SEPARATE_REGISTER, REQUEST_RETURNED}
)
"""Codes after which nothing may follow."""
MONEY_CODES: Final = frozenset({COLLECTED, REDUCED})
"""Codes that carry an amount."""
STATUS: Final[dict[int, str]] = {
    ENFORCEABLE: "enforceable",
    RESUMED: "enforceable",
    UNENFORCEABLE: "without_conditions",
    POSTPONED: "postponed",
    SUSPENDED: "suspended",
}
"""The status each classifying event gives the case (có điều kiện, chưa có điều kiện,
hoãn, tạm đình chỉ); a case with no classification yet is "enforceable". Whether a
postponement or suspension counts with conditions is the regime's choice."""
CLASSIFYING_CODES: Final = frozenset(STATUS)
"""Codes that set the case's status."""


def month_serial(day: date) -> int:
    """The month serial of ``day``: ``year * 12 + month − 1``."""
    return day.year * 12 + day.month - 1


class Step(NamedTuple):
    """One compiled event: day ordinal, month serial, event code, amount (đồng), ground (its
    code under the law in force on ``day``: the law is known from the day, thads.rules)."""

    day: int
    month: int
    code: int
    amount: int
    ground: str | None


@attrs.frozen
class Timeline:
    """The compiled history of one case (diễn biến): opening state, then its steps.

    Built by :class:`TimelineBuilder` (or :meth:`Timeline.compile`), which checks that
    the steps can follow each other; a Timeline is valid by construction.
    """

    accepted: int
    """Day accepted (thụ lý), as an ordinal."""
    accepted_month: int
    """Month serial of the day accepted."""
    amount: int
    """Money owed when accepted (đồng)."""
    steps: tuple[Step, ...] = ()
    """The events in date order (same-day events in the order given)."""

    @property
    def accepted_on(self) -> date:
        """The day accepted, as a date."""
        return date.fromordinal(self.accepted)

    @property
    def closed(self) -> Step | None:
        """The closing step (thi hành xong, đình chỉ, ủy thác, thu hồi, sổ riêng), if any."""
        if self.steps and self.steps[-1].code in CLOSING_CODES:
            return self.steps[-1]
        return None

    def outstanding(self, until: int | None = None) -> int:
        """Money still owed after the steps on or before day ordinal ``until`` (all if None)."""
        owed = self.amount
        for step in self.steps:
            if until is not None and step.day > until:
                break
            if step.code in MONEY_CODES:
                owed -= step.amount
        return owed

    def state_on(self, day: int) -> tuple[str, int, Step | None]:
        """(status, money owed, closing step) at the end of day ordinal ``day``.

        ``status`` is the :data:`STATUS` of the last classifying step ("enforceable"
        before any), or the closing event's kind once the case is closed.
        """
        owed = self.amount
        status = "enforceable"
        for step in self.steps:
            if step.day > day:
                break
            if step.code in MONEY_CODES:
                owed -= step.amount
            elif step.code in CLOSING_CODES:
                return str(KINDS[step.code]), owed, step
            else:
                status = STATUS[step.code]
        return status, owed, None

    def intervals(self, until: date, keep: Callable[[Step], bool]) -> list[tuple[date, date]]:
        """Runs of the case's status for which ``keep(step)`` holds, as inclusive dates.

        A status runs from its classifying step to the day before the next one, or to the
        day before the closing step, or to ``until``; ``keep`` is asked of each classifying
        step (hoãn, tạm đình chỉ, ...) and consecutive kept statuses run on.
        """
        days = self._intervals(until.toordinal(), keep)
        return [(date.fromordinal(first), date.fromordinal(last)) for first, last in days]

    def _intervals(self, until: int, keep: Callable[[Step], bool]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        opened: int | None = None
        for step in self.steps:
            if step.day > until:
                break
            closing = step.code in CLOSING_CODES
            if not closing and step.code not in CLASSIFYING_CODES:
                continue
            kept = not closing and keep(step)
            if opened is not None and not kept:
                out.append((opened, max(opened, step.day - 1)))
                opened = None
            elif kept and opened is None:
                opened = step.day
            if closing:
                return out
        if opened is not None:
            out.append((opened, until))
        return out

    def events(self) -> Iterator[tuple[date, EventKind, int, str | None]]:
        """The steps as (date, kind, amount, ground)."""
        for step in self.steps:
            yield date.fromordinal(step.day), KINDS[step.code], step.amount, step.ground

    @classmethod
    def compile(
        cls,
        record: str,
        accepted_on: date,
        amount: int,
        events: tuple[tuple[date, EventKind, int, str | None], ...],
    ) -> Timeline:
        """Check ``events`` (already in date order) and compile them; InvalidRecordError if bad."""
        builder = TimelineBuilder(
            record, accepted_on.toordinal(), month_serial(accepted_on), amount
        )
        for on, kind, value, ground in events:
            builder.add(on.toordinal(), month_serial(on), CODE[kind], value, ground)
        return builder.build()


_new_step = partial(tuple.__new__, Step)
"""A Step from a tuple of its fields (Step._make without the length check's cost)."""


class TimelineBuilder:
    """Checks steps one by one, in date order, and builds the :class:`Timeline`.

    :meth:`add` raises :class:`InvalidRecordError` (naming the record, the field and the
    reason) if a step cannot follow the steps added so far, and leaves the builder as it
    was, so that a reader can reject that event and go on.
    """

    __slots__ = (
        "accepted",
        "accepted_month",
        "amount",
        "closed_by",
        "last_day",
        "owed",
        "record",
        "steps",
    )

    def __init__(self, record: str, accepted: int, accepted_month: int, amount: int) -> None:
        self.record = record
        self.accepted = accepted
        self.accepted_month = accepted_month
        self.amount = amount
        self.owed = amount
        self.last_day = accepted
        self.closed_by: Step | None = None
        self.steps: list[Step] = []

    def add(self, day: int, month: int, code: int, amount: int, ground: str | None) -> None:
        """Check one step and append it."""
        if day < self.accepted:
            raise InvalidRecordError(
                self.record,
                "date",
                f"{KINDS[code]} on {date.fromordinal(day)} is dated before acceptance on "
                f"{date.fromordinal(self.accepted)}",
                code="event.before_acceptance",
            )
        if day < self.last_day:
            raise InvalidRecordError(
                self.record,
                "date",
                f"{date.fromordinal(day)} is earlier than the previous event",
                code="event.order",
            )
        if self.closed_by is not None:
            raise InvalidRecordError(
                self.record,
                "kind",
                f"{KINDS[code]} on {date.fromordinal(day)} follows the closing event "
                f"{KINDS[self.closed_by.code]} on {date.fromordinal(self.closed_by.day)}",
                code="event.after_closing",
            )
        if code in MONEY_CODES:
            if amount <= 0:
                raise InvalidRecordError(
                    self.record,
                    "amount",
                    f"{KINDS[code]} needs an amount > 0",
                    code="amount.not_positive",
                )
            if amount > self.owed:
                raise InvalidRecordError(
                    self.record,
                    "amount",
                    f"{KINDS[code]} {amount} is more than owed ({self.owed} outstanding)",
                    code="amount.above_owed",
                )
            self.owed -= amount
        elif amount:
            raise InvalidRecordError(
                self.record,
                "amount",
                f"{KINDS[code]} carries no amount, got {amount}",
                code="amount.not_allowed",
            )
        step = Step(day, month, code, amount, ground)
        if code in CLOSING_CODES:
            self.closed_by = step
        self.last_day = day
        self.steps.append(step)

    def build(self) -> Timeline:
        """The timeline of the steps added."""
        return Timeline(self.accepted, self.accepted_month, self.amount, tuple(self.steps))

    @staticmethod
    def fast_steps(
        accepted: int, amount: int, events: Sequence[tuple[object, int, int, int, int, str | None]]
    ) -> tuple[Step, ...] | None:
        """The steps of ``events`` if every one can follow the one before, else None.

        The reader's fast path: the same rules as :meth:`add` (nothing before acceptance
        or before the previous event, nothing after a closing event, an amount > 0 and
        not above what is owed on collected/reduced only), without building messages.
        ``events`` are (tag, day, month, code, amount, ground) in date order; the tag
        (the reader's line number) is ignored. None: add them one by one to learn which
        fails and why (tests/records/test_timeline_paths.py holds the two paths equal).
        """
        steps: list[Step] = []
        put, new_step, money, closing = steps.append, _new_step, MONEY_CODES, CLOSING_CODES
        last = accepted
        owed = amount
        closed = False
        for _tag, day, month, code, value, ground in events:
            if day < last or closed:
                return None
            if code in money:
                if value <= 0 or value > owed:
                    return None
                owed -= value
            elif value:
                return None
            elif code in closing:
                closed = True
            last = day
            put(new_step((day, month, code, value, ground)))
        return tuple(steps)


class CompiledCase:
    """What the counting engine needs of a case: its grouping fields and its timeline.

    ``mode``, ``judgment_kind`` and ``creditor`` are the interchange names
    (``"active"``, ``"civil"``, ``"private"``...).
    """

    __slots__ = ("case_id", "creditor", "executor", "judgment_kind", "mode", "office", "timeline")

    def __init__(
        self,
        case_id: str,
        office: str,
        executor: str,
        mode: str,
        judgment_kind: str,
        creditor: str,
        timeline: Timeline,
    ) -> None:
        self.case_id = case_id
        self.office = office
        self.executor = executor
        self.mode = mode
        self.judgment_kind = judgment_kind
        self.creditor = creditor
        self.timeline = timeline

    def __repr__(self) -> str:
        return f"CompiledCase({self.case_id!r}, office={self.office!r})"


__all__ = [
    "CLASSIFYING_CODES",
    "CLOSING_CODES",
    "CODE",
    "CODE_BY_NAME",
    "COLLECTED",
    "COMPLETED",
    "ENFORCEABLE",
    "ENTRUSTED",
    "KINDS",
    "MONEY_CODES",
    "POSTPONED",
    "REDUCED",
    "REQUEST_RETURNED",
    "RESUMED",
    "SEPARATE_REGISTER",
    "STATUS",
    "SUSPENDED",
    "TERMINATED",
    "UNENFORCEABLE",
    "WITHDRAWN",
    "CompiledCase",
    "EventKind",
    "Step",
    "Timeline",
    "TimelineBuilder",
    "month_serial",
]
