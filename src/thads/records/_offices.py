"""Offices (cơ quan thi hành án dân sự) and executors (Chấp hành viên) as a dated tree.

Levels follow docs/sources/statistics.md §5.1: national (toàn quốc / Cục Quản lý THADS) →
province (Cục THADS tỉnh; THADS tỉnh from 1/7/2025) → district or area (Chi cục THADS
huyện; Phòng THADS khu vực from 1/7/2025) → executor. Military-region enforcement
offices and private enforcement offices (văn phòng thi hành án dân sự, Decree 151/2026
Art. 21) are levels of their own.

Each office may carry the first and last day it is in force and the office that
succeeds it when it is merged, renamed or abolished (kế thừa). :meth:`OfficeTree.on` is
the tree in force on a day, :meth:`OfficeTree.successor` follows the chain of
successors, and :func:`provinces` gives the built-in 63 → 34 provinces
(docs/sources/organisation.md, Resolution 202/2025/QH15).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, timedelta
from enum import IntEnum
from types import MappingProxyType
from typing import Literal, Protocol, TypeVar

import attrs

from thads import validate
from thads.errors import InvalidRecordError
from thads.records._labels import LEVEL_ALIASES, LEVELS, accepted_text
from thads.records._offices_data import (
    CHANGE_DAY,
    LAST_OLD_DAY,
    MERGED,
    UNCHANGED,
    new_code,
    old_code,
    succession,
)


class OfficeLevel(IntEnum):
    """Level of a node in the office tree (cấp); see :attr:`rank` for the order."""

    NATIONAL = 0
    """Toàn quốc (Tổng cục THADS; Cục Quản lý THADS from 1/7/2025)."""
    PROVINCE = 1
    """Cấp tỉnh (Cục THADS tỉnh; THADS tỉnh, thành phố from 1/7/2025)."""
    DISTRICT = 2
    """Cấp huyện / khu vực (Chi cục THADS huyện; Phòng THADS khu vực from 1/7/2025)."""
    AREA = 2
    """Phòng THADS khu vực: the same level as DISTRICT (an alias)."""
    EXECUTOR = 3
    """Chấp hành viên (or Thừa hành viên of a private office)."""
    MILITARY = 4
    """Phòng Thi hành án cấp quân khu (military-region enforcement office)."""
    PRIVATE = 5
    """Văn phòng thi hành án dân sự (private enforcement office, Decree 151/2026 Art. 21)."""

    @property
    def rank(self) -> int:
        """Depth in the tree: a parent has a smaller rank than its children.

        National 0; province and military region 1; district/area and private office 2;
        executor 3.
        """
        return _RANKS[self]

    @classmethod
    def parse(cls, text: str) -> OfficeLevel:
        """Read a level name such as ``"province"``, ``"area"`` or ``"tỉnh"`` (cấp)."""
        name = LEVELS.match(text)
        if name is not None:
            return _LEVEL_NAMES[name]
        raise InvalidRecordError(
            "Office",
            "level",
            f"unknown level {text!r}; use one of {accepted_text(LEVEL_ALIASES)}",
        )


def level_name(level: OfficeLevel | None) -> str | None:
    """The interchange name of a level (``"province"``), read back by :meth:`OfficeLevel.parse`."""
    return None if level is None else level.name.lower()


_RANKS: dict[OfficeLevel, int] = {
    OfficeLevel.NATIONAL: 0,
    OfficeLevel.PROVINCE: 1,
    OfficeLevel.MILITARY: 1,
    OfficeLevel.DISTRICT: 2,
    OfficeLevel.PRIVATE: 2,
    OfficeLevel.EXECUTOR: 3,
}
_LEVEL_NAMES: dict[str, OfficeLevel] = {
    "national": OfficeLevel.NATIONAL,
    "province": OfficeLevel.PROVINCE,
    "district": OfficeLevel.DISTRICT,
    "area": OfficeLevel.DISTRICT,
    "executor": OfficeLevel.EXECUTOR,
    "military": OfficeLevel.MILITARY,
    "private": OfficeLevel.PRIVATE,
}


def _optional_day(value: date | None) -> date | None:
    return validate.optional_day(value, "Office", "start/end")


def _code(value: str) -> str:
    return validate.text(value, "Office", "code")


def _name(value: str) -> str:
    return validate.text(value, "Office", "name")


def _level(value: OfficeLevel | str) -> OfficeLevel:
    if isinstance(value, OfficeLevel):
        return value
    if isinstance(value, str):
        return OfficeLevel.parse(value)
    raise InvalidRecordError(
        "Office", "level", f"unknown level {value!r}; use one of {', '.join(_LEVEL_NAMES)}"
    )


def _parent(value: str | None) -> str | None:
    return validate.optional_text(value, "Office", "parent")


def _successor(value: str | None) -> str | None:
    return validate.optional_text(value, "Office", "successor")


@attrs.frozen
class Office:
    """A node of the tree (đơn vị): an office or an executor, with its parent's code.

    ``start`` and ``end`` are the first and last day in force (None: open); ``successor``
    is the code of the office that takes over its cases after ``end`` (merged, renamed
    or abolished into it).
    """

    code: str = attrs.field(converter=_code)
    name: str = attrs.field(converter=_name)
    level: OfficeLevel = attrs.field(converter=_level)
    parent: str | None = attrs.field(default=None, converter=_parent)
    start: date | None = attrs.field(default=None, converter=_optional_day)
    end: date | None = attrs.field(default=None, converter=_optional_day)
    successor: str | None = attrs.field(default=None, converter=_successor)

    def __attrs_post_init__(self) -> None:
        record = f"office {self.code}"
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidRecordError(record, "end", f"{self.end} is before start {self.start}")
        if self.successor is not None:
            if self.successor == self.code:
                raise InvalidRecordError(record, "successor", "an office cannot succeed itself")
            if self.end is None:
                raise InvalidRecordError(
                    record, "end", f"a successor ({self.successor}) needs the last day in force"
                )

    def in_force(self, day: date) -> bool:
        """Whether the office exists on ``day`` (start ≤ day ≤ end)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @classmethod
    def from_row(cls, row: Mapping[str, object], record: str) -> Office:
        """An office from a row of the office file (code, name, level, parent, start,
        end, successor); errors name ``record`` and the field."""

        def text(field: str) -> str:
            value = row.get(field)
            return "" if value is None else str(value).strip()

        code = text("code")
        if not code:
            raise InvalidRecordError(record, "code", "is missing")
        if not text("level"):
            raise InvalidRecordError(record, "level", "is missing")
        try:
            level = OfficeLevel.parse(text("level"))
        except InvalidRecordError as error:
            raise InvalidRecordError(record, "level", error.reason) from None
        try:
            return cls(
                code=code,
                name=text("name") or code,
                level=level,
                parent=text("parent") or None,
                start=_row_day(row, "start", record),
                end=_row_day(row, "end", record),
                successor=text("successor") or None,
            )
        except InvalidRecordError as error:
            raise InvalidRecordError(record, error.field, error.reason) from None


def _row_day(row: Mapping[str, object], field: str, record: str) -> date | None:
    value = row.get(field)
    if isinstance(value, date):
        return validate.day(value, record, field)
    text = "" if value is None else str(value).strip()
    return validate.iso_day(text, record, field) if text else None


OFFICE_COLUMNS = ("code", "name", "level")
"""Required columns of the office file."""
OFFICE_OPTIONAL = ("parent", "start", "end", "successor")
"""Optional columns of the office file."""


def _index(offices: Iterable[Office] | Mapping[str, Office]) -> Mapping[str, Office]:
    items = offices.values() if isinstance(offices, Mapping) else offices
    out: dict[str, Office] = {}
    for office in items:
        if office.code in out:
            raise InvalidRecordError(f"office {office.code}", "code", "listed more than once")
        out[office.code] = office
    return MappingProxyType(out)


NATIONAL_CODE = "VN"
"""Code of the national root (toàn quốc)."""

WithoutSuccessor = Literal["parent", "error"]
"""What an ended office with no successor stands for afterwards (see OfficeTree)."""


@attrs.frozen
class OfficeTree:
    """The office tree (cây đơn vị), possibly dated; read-only once built.

    Every parent and successor must exist, a parent must sit on a higher level, the
    successors must not form a cycle, and a successor must be in force on the day after
    its predecessor ends. ``without_successor`` says what an office that ended without a
    successor stands for afterwards: ``"parent"`` (default, a documented choice: its
    cases count under whatever succeeds its parent, e.g. an abolished Chi cục whose
    Phòng khu vực is not given counts under the new province) or ``"error"``.
    """

    offices: Mapping[str, Office] = attrs.field(converter=_index)
    without_successor: WithoutSuccessor = attrs.field(default="parent")

    @without_successor.validator
    def _check_without(self, _attribute: object, value: object) -> None:
        if value not in ("parent", "error"):
            raise InvalidRecordError(
                "OfficeTree", "without_successor", f"{value!r}; use 'parent' or 'error'"
            )

    def __attrs_post_init__(self) -> None:
        for office in self.offices.values():
            record = f"office {office.code}"
            if office.parent is not None:
                parent = self.offices.get(office.parent)
                if parent is None:
                    raise InvalidRecordError(record, "parent", f"unknown parent {office.parent!r}")
                if parent.level.rank >= office.level.rank:
                    raise InvalidRecordError(
                        record,
                        "parent",
                        f"parent {parent.code} ({parent.level.name.lower()}) is not above "
                        f"{office.level.name.lower()}",
                    )
            if office.successor is not None and office.successor not in self.offices:
                raise InvalidRecordError(
                    record, "successor", f"successor {office.successor!r} is not in the tree"
                )
        for office in self.offices.values():
            self._check_cycle(office)
        for office in self.offices.values():
            self._check_successor_dates(office)

    def _check_cycle(self, office: Office) -> None:
        seen = [office.code]
        node = office
        while node.successor is not None:
            if node.successor in seen:
                cycle = " → ".join([*seen[seen.index(node.successor) :], node.successor])
                raise InvalidRecordError(
                    f"office {office.code}", "successor", f"successors form a cycle: {cycle}"
                )
            seen.append(node.successor)
            node = self.offices[node.successor]

    def _check_successor_dates(self, office: Office) -> None:
        if office.successor is None:
            return
        nxt = self.offices[office.successor]
        assert office.end is not None  # Office checks that a successor has an end
        after = office.end + timedelta(days=1)
        if not nxt.in_force(after):
            raise InvalidRecordError(
                f"office {office.code}",
                "successor",
                f"successor {nxt.code} is not in force on {after}, the day after "
                f"{office.code} ends",
            )

    @classmethod
    def of(
        cls, offices: Iterable[Office], *, without_successor: WithoutSuccessor = "parent"
    ) -> OfficeTree:
        """Build a tree from offices."""
        return cls(list(offices), without_successor)

    def __reduce__(self) -> tuple[type[OfficeTree], tuple[list[Office], WithoutSuccessor]]:
        # a read-only mapping does not pickle: rebuild (and recheck) from the offices
        return (OfficeTree, (list(self.offices.values()), self.without_successor))

    def __contains__(self, code: object) -> bool:
        return code in self.offices

    def __iter__(self) -> Iterator[Office]:
        return iter(self.offices.values())

    def __len__(self) -> int:
        return len(self.offices)

    @property
    def dated(self) -> bool:
        """Whether any office has a start, an end or a successor."""
        return any(
            o.start is not None or o.end is not None or o.successor is not None
            for o in self.offices.values()
        )

    def get(self, code: str) -> Office | None:
        """The office with this code, or None."""
        return self.offices.get(code)

    def ancestors(self, code: str, *, on: date | None = None) -> list[str]:
        """Codes of the parents of ``code``, nearest first (not including ``code``).

        With ``on``, each parent is the office in force that day that succeeds the
        recorded one (see :meth:`parent`). The walk is :func:`ancestor_chain`.
        """
        return ancestor_chain(code, lambda node: self.parent(node, on=on))

    def at_level(self, code: str, level: OfficeLevel) -> str | None:
        """The code of ``code`` itself or its ancestor at ``level``, or None."""
        for candidate in [code, *self.ancestors(code)]:
            office = self.offices.get(candidate)
            if office is not None and office.level == level:
                return candidate
        return None

    def with_offices(self, offices: Iterable[Office]) -> OfficeTree:
        """This tree with more offices (e.g. a user's areas under the built-in provinces)."""
        return OfficeTree([*self.offices.values(), *offices], self.without_successor)

    def successor(self, code: str, *, on: date) -> str:
        """The office in force on ``on`` that succeeds ``code`` (``code`` if in force).

        Follows successors; an office that ended without one stands for its parent's
        successor, or is an error, as ``without_successor`` says. An office that starts
        after ``on`` has no office in force that day: an error.
        """
        office = self.offices.get(code)
        if office is None:
            raise InvalidRecordError(f"office {code}", "code", "not in the office tree")
        seen: list[str] = []
        while not office.in_force(on):
            seen.append(office.code)
            if office.start is not None and on < office.start:
                raise InvalidRecordError(
                    f"office {office.code}",
                    "start",
                    f"starts on {office.start}, after {on}: no office in force on {on} "
                    f"stands for {code}",
                )
            nxt = office.successor
            if nxt is None:
                if self.without_successor == "error" or office.parent is None:
                    raise InvalidRecordError(
                        f"office {office.code}",
                        "successor",
                        f"ended on {office.end} without a successor; no office in force on "
                        f"{on} stands for {code}",
                    )
                nxt = office.parent
            if nxt in seen:
                raise InvalidRecordError(
                    f"office {code}", "successor", f"no office in force on {on}: loop via {nxt}"
                )
            office = self.offices[nxt]
        return office.code

    def parent(self, code: str, *, on: date | None = None) -> str | None:
        """The parent of ``code``; with ``on``, the office in force that day that
        succeeds the recorded parent (e.g. an executor's Chi cục → its Phòng khu vực)."""
        office = self.offices.get(code)
        if office is None or office.parent is None:
            return None
        if on is None:
            return office.parent
        return self.successor(office.parent, on=on)

    def on(self, day: date) -> OfficeTree:
        """The tree in force on ``day``: the offices in force, each under the office in
        force that day that succeeds its recorded parent (successor links dropped)."""
        kept = [
            attrs.evolve(office, parent=self.parent(office.code, on=day), successor=None)
            for office in self.offices.values()
            if office.in_force(day)
        ]
        return OfficeTree(kept, self.without_successor)


def ancestor_chain(code: str, parent_of: Callable[[str], str | None]) -> list[str]:
    """The chain of ancestors of ``code`` (cấp trên), nearest first, ``code`` excluded.

    ``parent_of`` gives a node's parent or None at the root (e.g. ``tree.parent`` or a
    report's own parent links). The one walk up the office tree: a chain that comes
    back to a node it passed is an error naming the loop.
    """
    out: list[str] = []
    seen = {code}
    node = parent_of(code)
    while node is not None:
        if node in seen:
            loop = " → ".join([*out, node])
            raise InvalidRecordError(f"office {code}", "parent", f"parents form a loop: {loop}")
        seen.add(node)
        out.append(node)
        node = parent_of(node)
    return out


class _SupportsAdd(Protocol):
    def __add__(self: _A, other: _A, /) -> _A: ...


_A = TypeVar("_A", bound=_SupportsAdd)


def redraw(tallies: Mapping[str, _A], tree: OfficeTree, on: date) -> dict[str, _A]:
    """Re-key figures by the office in force on ``on`` that succeeds each recorded office.

    Figures of offices merged into one are summed (they add exactly); codes that are not
    in the tree are kept as they are. A case recorded under a Chi cục in 2024 is thus
    counted once, under its successor, in a report drawn on a day after 1/7/2025.
    """
    out: dict[str, _A] = {}
    for code, value in tallies.items():
        target = tree.successor(code, on=on) if code in tree else code
        out[target] = out[target] + value if target in out else value
    return out


def not_in_force(codes: Iterable[str | None], tree: OfficeTree, on: date) -> list[str]:
    """The codes among ``codes`` that are in the tree but not in force on ``on``."""
    out: list[str] = []
    for code in codes:
        office = None if code is None else tree.get(code)
        if office is not None and not office.in_force(on) and office.code not in out:
            out.append(office.code)
    return out


def read_office_rows(
    rows: Iterable[tuple[str, Mapping[str, object]]],
    *,
    base: OfficeTree | None = None,
    without_successor: WithoutSuccessor = "parent",
) -> OfficeTree:
    """The tree of the office file's rows, given as ``(record, row)`` pairs.

    ``base`` (e.g. :func:`province_tree`) supplies offices the rows refer to; an error in
    the tree names the office and the file line that gave it.
    """
    offices: list[Office] = []
    where: dict[str, str] = {}
    for record, row in rows:
        office = Office.from_row(row, record)
        where.setdefault(office.code, record)
        offices.append(office)
    everything = [*(base.offices.values() if base is not None else ()), *offices]
    try:
        return OfficeTree.of(everything, without_successor=without_successor)
    except InvalidRecordError as error:
        code = error.record.removeprefix("office ")
        if code in where:
            raise InvalidRecordError(
                f"{where[code]} (office {code})", error.field, error.reason
            ) from None
        raise


def _province_offices() -> list[Office]:
    old_end = LAST_OLD_DAY
    new_start = CHANGE_DAY
    out: list[Office] = []
    for old, new in succession():
        out.append(
            Office(
                old_code(old),
                f"Cục THADS {old}",
                OfficeLevel.PROVINCE,
                end=old_end,
                successor=new_code(new),
            )
        )
    for new in [*UNCHANGED, *(name for name, _ in MERGED)]:
        out.append(Office(new_code(new), f"THADS {new}", OfficeLevel.PROVINCE, start=new_start))
    return out


_PROVINCE_TREE: OfficeTree | None = None


def province_tree() -> OfficeTree:
    """The built-in dated tree of provincial offices: 63 until 30/06/2025, 34 from
    01/07/2025, each old one succeeded by its new province (Resolution 202/2025/QH15).

    Codes are thads's own: ``cuc-soc-trang`` (old), ``thads-can-tho`` (new).
    """
    global _PROVINCE_TREE
    if _PROVINCE_TREE is None:
        _PROVINCE_TREE = OfficeTree.of(_province_offices())
    return _PROVINCE_TREE


def provinces(on: date) -> tuple[Office, ...]:
    """The provincial offices (cấp tỉnh) of the built-in tree in force on ``on``."""
    return tuple(o for o in province_tree() if o.in_force(on))


__all__ = [
    "NATIONAL_CODE",
    "OFFICE_COLUMNS",
    "OFFICE_OPTIONAL",
    "Office",
    "OfficeLevel",
    "OfficeTree",
    "WithoutSuccessor",
    "ancestor_chain",
    "level_name",
    "not_in_force",
    "province_tree",
    "provinces",
    "read_office_rows",
    "redraw",
]
