"""Cases (việc thi hành án), their debts (khoản phải thi hành) and events.

One enforcement decision (quyết định thi hành án) is one case (docs/sources/statistics.md §1.1).
A case's history is a list of dated events; its statistical row in any period is worked
out from those events as of the period's end (see :mod:`thads.engine`), never from a
current status.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import Final

import attrs

from thads import validate
from thads.errors import InvalidRecordError
from thads.records._judgment import Judgment
from thads.records._timeline import CODE, EventKind, Timeline, TimelineBuilder, month_serial


class EnforcementMode(StrEnum):
    """How the case started: chủ động (ex officio, Law Art. 36(2)) or theo yêu cầu."""

    ACTIVE = "active"
    """Chủ động."""
    ON_REQUEST = "on_request"
    """Theo yêu cầu (theo đơn)."""


class CreditorKind(StrEnum):
    """Who the money is owed to (người được thi hành án)."""

    STATE = "state"
    """The State budget (ngân sách nhà nước): fines, court fees, confiscation..."""
    CREDIT_INSTITUTION = "credit_institution"
    """A credit institution (án tín dụng, ngân hàng), listed apart under TT 05/2024 Art. 8."""
    PRIVATE = "private"
    """A person or other organisation."""


CLOSING: Final = frozenset(
    {
        EventKind.COMPLETED,
        EventKind.TERMINATED,
        EventKind.ENTRUSTED,
        EventKind.WITHDRAWN,
        EventKind.SEPARATE_REGISTER,
        EventKind.REQUEST_RETURNED,
    }
)
"""Events after which nothing may follow."""
MONEY_EVENTS: Final = frozenset({EventKind.COLLECTED, EventKind.REDUCED})
"""Events that carry an amount."""


def _debt_amount(value: int) -> int:
    return validate.money(value, "Debt", "amount")


def _creditor(value: CreditorKind | str) -> CreditorKind:
    return validate.choice(CreditorKind, value, "Debt", "creditor")


def _due_on(value: date | None) -> date | None:
    return validate.optional_day(value, "Debt", "due_on")


def _event_on(value: date) -> date:
    return validate.day(value, "Event", "date")


def _event_kind(value: EventKind | str) -> EventKind:
    return validate.choice(EventKind, value, "Event", "kind")


def _event_amount(value: int) -> int:
    return validate.money(value, "Event", "amount")


GroundReader = Callable[[str, date, EventKind], str]
"""Reads the legal ground (căn cứ) written on an event on a day, of a kind, into its code,
under the law in force that day; raises InvalidRecordError (code ``ground.invalid``)."""

_GROUND_READER: list[GroundReader] = []
"""The installed reader (thads.rules installs thads.law's when thads is imported)."""


def _ground(value: str | None) -> str | None:
    return validate.optional_text(value, "Event", "ground")


def _mode(value: EnforcementMode | str) -> EnforcementMode:
    return validate.choice(EnforcementMode, value, "Case", "mode")


def _accepted_on(value: date) -> date:
    return validate.day(value, "Case", "accepted_on")


def _office(value: str) -> str:
    return validate.text(value, "Case", "office")


def _executor(value: str) -> str:
    return validate.text(value, "Case", "executor")


def _judgment(value: Judgment) -> Judgment:
    if not isinstance(value, Judgment):
        raise InvalidRecordError("Case", "judgment", f"must be a Judgment, not {value!r}")
    return value


@attrs.frozen
class Debt:
    """An obligation to pay money (khoản phải thi hành), in int đồng."""

    amount: int = attrs.field(converter=_debt_amount)
    creditor: CreditorKind = attrs.field(default=CreditorKind.PRIVATE, converter=_creditor)
    due_on: date | None = attrs.field(default=None, converter=_due_on)


@attrs.frozen
class Event:
    """One dated event in a case's history (sự kiện), e.g. a collection or a decision.

    ``ground``, the legal ground (căn cứ) of a postponement, suspension or termination,
    is read under the law in force on ``on`` (Law 106/2025/QH15 from 01/07/2026) and
    kept as its code (``"điểm c khoản 1 Điều 46"`` → ``"46.1.c"``); a ground that law
    does not have raises InvalidRecordError with code ``ground.invalid``, as the readers
    reject its row.
    """

    on: date = attrs.field(converter=_event_on)
    kind: EventKind = attrs.field(converter=_event_kind)
    amount: int = attrs.field(default=0, converter=_event_amount)
    ground: str | None = attrs.field(default=None, converter=_ground)

    def __attrs_post_init__(self) -> None:
        if self.ground is not None and _GROUND_READER:
            object.__setattr__(self, "ground", _GROUND_READER[0](self.ground, self.on, self.kind))

    @staticmethod
    def read_grounds_with(reader: GroundReader) -> None:
        """Install how events read their grounds (thads.rules installs thads.law's rules on
        import; records sits below thads.law and cannot import it)."""
        _GROUND_READER[:] = [reader]


def _trusted_event(on: date, kind: EventKind, amount: int, ground: str | None) -> Event:
    event = object.__new__(Event)
    object.__setattr__(event, "on", on)
    object.__setattr__(event, "kind", kind)
    object.__setattr__(event, "amount", amount)
    object.__setattr__(event, "ground", ground)
    return event


def _sorted_events(events: Iterable[Event]) -> tuple[Event, ...]:
    items = tuple(events)
    for event in items:
        if not isinstance(event, Event):
            raise InvalidRecordError("Case", "events", f"not an Event: {event!r}")
    return tuple(sorted(items, key=lambda event: event.on))  # stable: same day keeps order


def _debts(value: Iterable[Debt] | Debt | int) -> tuple[Debt, ...]:
    if isinstance(value, Debt):
        return (value,)
    if not isinstance(value, Iterable):  # an amount: an int, or money of the wrong type
        return (Debt(validate.money(value, "Case", "debts")),)
    debts = tuple(value)
    for debt in debts:
        if not isinstance(debt, Debt):
            raise InvalidRecordError("Case", "debts", f"not a Debt: {debt!r}")
    return debts


@attrs.frozen
class Case:
    """A case (việc thi hành án): one enforcement decision with its debts and events.

    ``office`` and ``executor`` are codes (cơ quan THADS, Chấp hành viên); ``mode`` is
    chủ động or theo yêu cầu; ``accepted_on`` the date it was accepted (thụ lý).
    Events are kept in date order (same-day events in the order given) and checked:
    none before acceptance, none after a closing event, no collection beyond what is owed.
    """

    case_id: str = attrs.field()
    office: str = attrs.field(converter=_office)
    executor: str = attrs.field(converter=_executor)
    mode: EnforcementMode = attrs.field(converter=_mode)
    judgment: Judgment = attrs.field(converter=_judgment)
    accepted_on: date = attrs.field(converter=_accepted_on)
    debts: tuple[Debt, ...] = attrs.field(default=(), converter=_debts)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_sorted_events)
    timeline: Timeline = attrs.field(init=False, eq=False, repr=False)
    """The compiled history (built and checked once, at construction)."""

    @case_id.validator
    def _check_id(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidRecordError("Case", "case_id", "must be a non-empty string")

    def __attrs_post_init__(self) -> None:
        builder = TimelineBuilder(
            f"case {self.case_id}",
            self.accepted_on.toordinal(),
            month_serial(self.accepted_on),
            self.amount,
        )
        for event in self.events:
            builder.add(
                event.on.toordinal(),
                month_serial(event.on),
                CODE[event.kind],
                event.amount,
                event.ground,
            )
        object.__setattr__(self, "timeline", builder.build())

    @classmethod
    def from_timeline(
        cls,
        *,
        case_id: str,
        office: str,
        executor: str,
        mode: EnforcementMode,
        judgment: Judgment,
        accepted_on: date,
        debts: tuple[Debt, ...],
        timeline: Timeline,
    ) -> Case:
        """A case from fields already checked and its compiled timeline (checked once).

        For readers that have validated every field: the timeline is not compiled again.
        """
        case = object.__new__(cls)
        events = tuple(
            _trusted_event(day, kind, amount, ground)
            for day, kind, amount, ground in timeline.events()
        )
        for name, value in (
            ("case_id", case_id),
            ("office", office),
            ("executor", executor),
            ("mode", mode),
            ("judgment", judgment),
            ("accepted_on", accepted_on),
            ("debts", debts),
            ("events", events),
            ("timeline", timeline),
        ):
            object.__setattr__(case, name, value)
        return case

    @property
    def amount(self) -> int:
        """Total money to enforce (đồng) = sum of the debts."""
        return sum(debt.amount for debt in self.debts)

    @property
    def creditor(self) -> CreditorKind:
        """Creditor kind of the case (of its first debt; private when it has none)."""
        return self.debts[0].creditor if self.debts else CreditorKind.PRIVATE


__all__ = [
    "CLOSING",
    "MONEY_EVENTS",
    "Case",
    "CreditorKind",
    "Debt",
    "EnforcementMode",
    "Event",
    "EventKind",
]
