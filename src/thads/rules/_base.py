"""What a statistics regime (chế độ báo cáo thống kê) decides, and how it is chosen."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final, Literal

import attrs

from thads.errors import InvalidGroundError, InvalidRecordError
from thads.law import (
    AGREED_POSTPONEMENTS,
    VERSIONS,
    Ground,
    GroundKind,
    LawVersion,
    ground_code,
    law_for,
    parse_ground,
)
from thads.records import EventKind
from thads.values import Rate, Tally

MONEY_RESOLVED_ROWS: Final = frozenset({"completed", "terminated", "reduced"})
"""Rows that make up resolved money by default (docs/sources/statistics.md §3.2, inferred)."""

StayRow = Literal["postponed", "stayed"]
Unit = Literal["cases", "money"]
"""The unit of a tally: cases (việc) or money (tiền, đồng)."""

UNITS: Final[tuple[Unit, ...]] = ("cases", "money")


def check_unit(unit: object, record: str = "report") -> Unit:
    """``unit`` if it is ``"cases"`` (việc) or ``"money"`` (tiền), else an error listing both.

    Every figure by unit goes through here: a misspelt unit ("case", "tien") is refused,
    never read as the other one.
    """
    if unit == "cases" or unit == "money":
        return unit
    raise InvalidRecordError(
        record,
        "unit",
        f"unknown unit {unit!r}; expected one of: cases, money",
        code="value.unknown",
    )


FORM_ROWS: Final[tuple[str, ...]] = (
    "accepted",
    "carried_over",
    "new",
    "entrusted",
    "withdrawn",
    "to_enforce",
    "enforceable",
    "completed",
    "terminated",
    "reduced",
    "in_progress",
    "postponed",
    "stayed",
    "without_conditions",
    "resolved",
    "carried_forward",
    "enforceable_carried_forward",
)
"""Rows of the result forms in the order of the reconstructed skeleton (§6.5, inferred)."""

_HEADINGS: Final[dict[str, str]] = {
    "accepted": "Tổng số thụ lý",
    "carried_over": "Năm trước chuyển sang",
    "new": "Thụ lý mới",
    "entrusted": "Ủy thác",
    "withdrawn": "Thu hồi, hủy quyết định",
    "to_enforce": "Tổng số phải thi hành",
    "enforceable": "Có điều kiện thi hành",
    "completed": "Thi hành xong",
    "terminated": "Đình chỉ",
    "reduced": "Giảm",
    "in_progress": "Đang thi hành",
    "without_conditions": "Chưa có điều kiện thi hành",
    "resolved": "Giải quyết xong",
    "carried_forward": "Chuyển kỳ sau",
    "enforceable_carried_forward": "Có điều kiện chuyển kỳ sau",
}


DueRule = tuple[Literal["working_days", "before_day"], int]
"""When a report is due: ``("working_days", n)`` within n working days after the period
end; ``("before_day", n)`` before day n of the next month."""


@attrs.frozen
class Form:
    """One result form (biểu mẫu thống kê) of a regime.

    ``number`` is the form's place in the regime's list of forms, or None where the
    regime's list is not known (then no number is printed, rather than one invented).
    """

    unit: Unit
    by_executor: bool
    number: str | None
    title: str


_OLD: Final = LawVersion.LAW_2008
_SEPARATOR: Final = "@"
_FIRST: Final = VERSIONS[0]


def ground_law(day: date) -> LawVersion:
    """The law a ground decided on ``day`` is read under: the law in force that day.

    Law 106/2025/QH15 from 01/07/2026, Law 26/2008/QH12 before; a day before Law 26/2008
    (01/07/2009) is read under it too, as thads always has (the 2004 Ordinance's grounds
    are not modelled; thads.law computes nothing from them).
    """
    if day < _FIRST.first_day:
        return _FIRST
    return law_for(day)


GROUND_KINDS: Final[Mapping[EventKind, GroundKind]] = {
    EventKind.POSTPONED: GroundKind.POSTPONEMENT,
    EventKind.SUSPENDED: GroundKind.SUSPENSION,
    EventKind.TERMINATED: GroundKind.TERMINATION,
}
"""The events whose ground is one of postponement, suspension or termination (hoãn, tạm
đình chỉ, đình chỉ): the kinds whose ground :class:`~thads.records.Event` reads."""
_READ: dict[tuple[str, LawVersion, GroundKind | None], str] = {}


def read_ground(text: str, on: date, kind: EventKind | None, record: str = "Event") -> str:
    """The code of the legal ground (căn cứ) ``text`` written on an event of ``kind``
    decided on ``on``, read under the law in force that day (:func:`ground_law`).

    A postponement, suspension or termination needs a ground of its kind; any other kind
    (or None) any ground of postponement, suspension or termination. The one place
    that reads an event's ground: the readers, :class:`~thads.records.Event` and the
    regimes agree. Raises :class:`~thads.errors.InvalidGroundError` (``ground.invalid``)
    naming ``record`` and listing that law's grounds.
    """
    law = ground_law(on)
    ground_kind = None if kind is None else GROUND_KINDS.get(kind)
    key = (text, law, ground_kind)
    code = _READ.get(key)
    if code is None:
        code = parse_ground(text, law=law, kind=ground_kind, record=record).code
        if len(_READ) < 65536:
            _READ[key] = code
    return code


def ground_key(ground: str | Ground, law: LawVersion | str | None = None) -> str:
    """The key of a legal ground (căn cứ) in :attr:`Regime.enforceable_grounds`.

    A ground of Law 26/2008/QH12 is its code (``"48.1.c"``, as before Law 106/2025); a
    ground of another law is its code and the law's number: ``"46.1.c@106/2025/QH15"``.
    ``ground`` is a :class:`~thads.law.Ground` (its law is known), a key, or text read
    under ``law`` (default Law 26/2008/QH12). Raises
    :class:`~thads.errors.InvalidGroundError` for a ground the law does not have.
    """
    if isinstance(ground, Ground):
        return _key(ground.code, ground.law)
    if not isinstance(ground, str):
        raise InvalidGroundError(
            "regime", "enforceable_grounds", f"must be text or a Ground; got {ground!r}"
        )
    text, at, number = ground.rpartition(_SEPARATOR)
    if at:
        version = _version(number)
        if law is not None and LawVersion(law) is not version:
            raise InvalidGroundError(
                "regime", "enforceable_grounds", f"{ground!r} names Law {version}, not {law}"
            )
        return _key(text, version)
    return _key(ground, _OLD if law is None else LawVersion(law))


def _version(number: str) -> LawVersion:
    for version in VERSIONS:
        if version.value == number.strip():
            return version
    accepted = ", ".join(v.value for v in VERSIONS)
    raise InvalidGroundError(
        "regime", "enforceable_grounds", f"unknown law {number!r}; known: {accepted}"
    )


@functools.lru_cache(maxsize=4096)
def _key(text: str, law: LawVersion) -> str:
    code = parse_ground(text, law=law, record="regime ground").code
    return code if law is _OLD else f"{code}{_SEPARATOR}{law.value}"


def _key_ground(key: str) -> Ground:
    text, at, number = key.rpartition(_SEPARATOR)
    if at:
        return parse_ground(text, law=_version(number))
    return parse_ground(key, law=_OLD)


def _short_citations(keys: Iterable[str]) -> list[str]:
    """``"48.1.c"`` → ``"điểm c khoản 1 Điều 48"``, Law 26/2008's grounds first; each with
    its law's number when the grounds are of more than one law."""
    grounds: list[Ground] = []
    unknown: list[str] = []
    for key in keys:
        try:
            grounds.append(_key_ground(key))
        except InvalidGroundError:  # not a ground thads knows: printed as its key
            unknown.append(key)
    order = {version: i for i, version in enumerate(VERSIONS)}
    grounds.sort(key=lambda g: (order[g.law], g.article, g.clause, g.point or ""))
    mixed = len({g.law for g in grounds}) > 1
    labels = []
    for ground in grounds:
        point = f"điểm {ground.point} " if ground.point is not None else ""
        law = f" Luật số {ground.law.value}" if mixed or ground.law is not _OLD else ""
        labels.append(f"{point}khoản {ground.clause} Điều {ground.article}{law}")
    return labels + sorted(unknown)


@functools.lru_cache(maxsize=65536)
def _step_key(ground: str | None, law: LawVersion) -> str | None:
    if ground is None or not ground.strip():
        return None
    code = ground_code(ground, law=law)
    return None if code is None else _key(code, law)


@attrs.frozen
class Regime:
    """One statistics regime: its legal basis and the counting choices it makes.

    ``enforceable_grounds``: keys (:func:`ground_key`: ``"48.1.c"`` under Law 26/2008,
    ``"46.1.c@106/2025/QH15"`` under Law 106/2025) of the postponement grounds (hoãn,
    :mod:`thads.law`) counted with conditions (có điều kiện); a postponement's ground is
    read under the law in force on the day it was decided.
    ``all_stays_enforceable``: every postponement and suspension is counted with
    conditions (the old regime). ``money_resolved_rows``: the money rows
    that form the numerator of the money rate.
    """

    code: str
    title: str
    citation: str
    effective_from: date
    effective_to: date | None
    enforceable_grounds: frozenset[str] = frozenset()
    all_stays_enforceable: bool = False
    money_resolved_rows: frozenset[str] = attrs.field(default=MONEY_RESOLVED_ROWS)
    forms: tuple[Form, ...] = ()
    report_due: tuple[tuple[str, DueRule | None], ...] = ()
    """When each level's report is due (hạn gửi báo cáo), by level name; None: not known."""
    report_due_citation: str = ""
    stands_in_for: str | None = None
    """The code of the last known regime whose rules count a period of this one, when this
    regime's own content is not known (TT 05/2026 → ``"tt05_2024"``); None otherwise.
    Such a regime counts only with the caller's leave (``allow_last_known``), and every
    output names it."""

    @money_resolved_rows.validator
    def _check_rows(
        self, attribute: attrs.Attribute[frozenset[str]], value: frozenset[str]
    ) -> None:
        unknown = set(value) - MONEY_RESOLVED_ROWS
        if unknown or "completed" not in value:
            raise InvalidRecordError(
                f"regime {self.code}",
                "money_resolved_rows",
                "must include 'completed' and only completed, terminated, reduced; "
                f"got {sorted(value)}",
            )

    def applies_on(self, day: date) -> bool:
        """True if this regime was in force on ``day``."""
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def stay_row(
        self,
        *,
        suspended: bool,
        ground: str | None,
        on: date | None = None,
        law: LawVersion | None = None,
    ) -> StayRow:
        """Row of a case postponed (hoãn) or suspended (tạm đình chỉ) at period end.

        The ground is read under ``law``, else the law in force ``on`` (the day of the
        decision), else Law 26/2008/QH12. A postponement ground that cannot be read, or
        that this law does not have, raises :class:`~thads.errors.InvalidGroundError`: it
        is never counted as another ground.
        """
        if self.all_stays_enforceable:
            return "postponed"
        if suspended:
            return "stayed"
        version = law if law is not None else _OLD if on is None else ground_law(on)
        if _step_key(ground, version) in self.enforceable_grounds:
            return "postponed"
        return "stayed"

    def resolved(self, tally: Tally, unit: Unit) -> int:
        """Resolved (giải quyết xong) under this regime: the numerator of the rate.

        Cases: completed + terminated + reduced. Money: the rows of
        ``money_resolved_rows``. The one owner of this choice: reports, tables and files
        print this figure.
        """
        if check_unit(unit, "Regime.resolved") == "cases":
            return tally.resolved
        return sum(int(getattr(tally, row)) for row in self.money_resolved_rows)

    def enforceable(self, tally: Tally, unit: Unit) -> int:
        """With conditions (có điều kiện thi hành) under this regime: the denominator.

        Money rows left out of the numerator by ``money_resolved_rows`` are left out of
        the denominator too.
        """
        if check_unit(unit, "Regime.enforceable") == "cases":
            return tally.enforceable
        excluded = MONEY_RESOLVED_ROWS - self.money_resolved_rows
        return tally.enforceable - sum(int(getattr(tally, row)) for row in excluded)

    def rate(self, tally: Tally, unit: Unit) -> Rate | None:
        """Resolution rate (tỷ lệ thi hành xong) = resolved / enforceable; None if 0."""
        denominator = self.enforceable(tally, unit)
        if denominator == 0:
            return None
        return Rate(self.resolved(tally, unit), denominator)

    def form_rows(self, tally: Tally, unit: Unit) -> dict[str, int]:
        """The figures of :data:`FORM_ROWS` as this regime prints them.

        ``enforceable`` and ``resolved`` are the regime's (:meth:`enforceable`,
        :meth:`resolved`), so a printed rate is always resolved / enforceable of the
        printed row; the other rows are the tally's.
        """
        rows = {name: int(getattr(tally, name)) for name in FORM_ROWS}
        rows["enforceable"] = self.enforceable(tally, unit)
        rows["resolved"] = self.resolved(tally, unit)
        return rows

    def heading(self, row: str) -> str:
        """The Vietnamese heading of a form row under this regime's counting choices."""
        if row == "postponed":
            if self.all_stays_enforceable:
                return "Hoãn, tạm đình chỉ"
            labels = _short_citations(self.enforceable_grounds)
            return "Hoãn (" + "; ".join(labels) + ")" if labels else "Hoãn có điều kiện"
        if row == "stayed":
            if self.all_stays_enforceable:
                return "Hoãn, tạm đình chỉ khác"
            return "Hoãn, tạm đình chỉ khác (không tính có điều kiện)"
        try:
            return _HEADINGS[row]
        except KeyError:
            raise InvalidRecordError(
                f"regime {self.code}", "row", f"unknown row {row!r}; rows: {', '.join(FORM_ROWS)}"
            ) from None

    def due_rule(self, level: str) -> DueRule | None:
        """The deadline rule of ``level``'s report under this regime, None if not known."""
        return dict(self.report_due).get(level)

    def form(self, unit: Unit, *, by_executor: bool = False) -> Form:
        """The result form for ``unit`` (split by executor or not) of this regime.

        A regime whose list of forms is not known gives a form without a number.
        """
        for form in self.forms:
            if form.unit == unit and form.by_executor == by_executor:
                return form
        what = "tính bằng việc" if check_unit(unit, "Regime.form") == "cases" else "tính bằng tiền"
        split = " chia theo Chấp hành viên" if by_executor else ""
        return Form(unit, by_executor, None, f"Kết quả thi hành án dân sự {what}{split}")

    def with_options(
        self,
        *,
        money_resolved_rows: frozenset[str] | None = None,
        enforceable_grounds: Iterable[str | Ground] | None = None,
        all_stays_enforceable: bool | None = None,
        new_law_agreed_postponement: bool | None = None,
    ) -> Regime:
        """A copy with some inferred choices changed (documented options, docs/regimes.md).

        ``enforceable_grounds``: grounds (a :class:`~thads.law.Ground`, a key of
        :func:`ground_key`, or text read under Law 26/2008/QH12) counted with conditions.
        ``new_law_agreed_postponement``: count a postponement by agreement or at the
        creditor's written request under Law 106/2025 (Art. 46(1)(c)) like the agreed
        postponement of Law 26/2008 (Art. 48(1)(c)), or not (inferred; applied after
        ``enforceable_grounds``).
        """
        changes: dict[str, object] = {}
        if money_resolved_rows is not None:
            changes["money_resolved_rows"] = frozenset(money_resolved_rows)
        grounds = self.enforceable_grounds
        if enforceable_grounds is not None:
            grounds = frozenset(
                ground_key(g) for g in enforceable_grounds if isinstance(g, Ground) or g.strip()
            )
        if new_law_agreed_postponement is not None:
            successor = ground_key(AGREED_POSTPONEMENTS[LawVersion.LAW_2025])
            grounds = (
                (grounds | {successor}) if new_law_agreed_postponement else grounds - {successor}
            )
        if grounds != self.enforceable_grounds:
            changes["enforceable_grounds"] = frozenset(grounds)
        if all_stays_enforceable is not None:
            changes["all_stays_enforceable"] = all_stays_enforceable
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


__all__ = [
    "FORM_ROWS",
    "GROUND_KINDS",
    "MONEY_RESOLVED_ROWS",
    "UNITS",
    "DueRule",
    "Form",
    "Regime",
    "StayRow",
    "Unit",
    "check_unit",
    "ground_key",
    "ground_law",
    "read_ground",
]
