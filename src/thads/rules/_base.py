"""What a statistics regime (chế độ báo cáo thống kê) decides, and how it is chosen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final, Literal

import attrs

from thads.errors import InvalidGroundError, InvalidRecordError
from thads.law import Ground, ground_code, parse_ground
from thads.values import Rate, Tally

MONEY_RESOLVED_ROWS: Final = frozenset({"completed", "terminated", "reduced"})
"""Rows that make up resolved money by default (docs/sources/statistics.md §3.2, inferred)."""

StayRow = Literal["postponed", "stayed"]
Unit = Literal["cases", "money"]
"""The unit of a tally: cases (việc) or money (tiền, đồng)."""

UNITS: Final[tuple[Unit, ...]] = ("cases", "money")

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


def _short_citation(code: str) -> str:
    """``"48.1.c"`` → ``"điểm c khoản 1 Điều 48"`` (the law's name left out)."""
    try:
        ground = parse_ground(code)
    except InvalidGroundError:  # a ground of another law: printed as its code
        return code
    point = f"điểm {ground.point} " if ground.point is not None else ""
    return f"{point}khoản {ground.clause} Điều {ground.article}"


@attrs.frozen
class Regime:
    """One statistics regime: its legal basis and the counting choices it makes.

    ``enforceable_grounds``: codes (``"48.1.c"``) of the postponement grounds (hoãn,
    :mod:`thads.grounds`) counted with conditions (có điều kiện).
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

    def stay_row(self, *, suspended: bool, ground: str | None) -> StayRow:
        """Row of a case postponed (hoãn) or suspended (tạm đình chỉ) at period end.

        A postponement ground that cannot be read raises
        :class:`~thads.errors.InvalidGroundError`: it is never counted as another ground.
        """
        if self.all_stays_enforceable:
            return "postponed"
        if not suspended and ground_code(ground) in self.enforceable_grounds:
            return "postponed"
        return "stayed"

    def resolved(self, tally: Tally, unit: Unit) -> int:
        """Resolved (giải quyết xong) under this regime: the numerator of the rate.

        Cases: completed + terminated + reduced. Money: the rows of
        ``money_resolved_rows``. The one owner of this choice: reports, tables and files
        print this figure.
        """
        if unit == "cases":
            return tally.resolved
        return sum(int(getattr(tally, row)) for row in self.money_resolved_rows)

    def enforceable(self, tally: Tally, unit: Unit) -> int:
        """With conditions (có điều kiện thi hành) under this regime: the denominator.

        Money rows left out of the numerator by ``money_resolved_rows`` are left out of
        the denominator too.
        """
        if unit == "cases":
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
            labels = [_short_citation(code) for code in sorted(self.enforceable_grounds)]
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
        what = "tính bằng việc" if unit == "cases" else "tính bằng tiền"
        split = " chia theo Chấp hành viên" if by_executor else ""
        return Form(unit, by_executor, None, f"Kết quả thi hành án dân sự {what}{split}")

    def with_options(
        self,
        *,
        money_resolved_rows: frozenset[str] | None = None,
        enforceable_grounds: Iterable[str | Ground] | None = None,
        all_stays_enforceable: bool | None = None,
    ) -> Regime:
        """A copy with some inferred choices changed (documented options)."""
        changes: dict[str, object] = {}
        if money_resolved_rows is not None:
            changes["money_resolved_rows"] = frozenset(money_resolved_rows)
        if enforceable_grounds is not None:
            changes["enforceable_grounds"] = frozenset(
                code for code in map(ground_code, enforceable_grounds) if code
            )
        if all_stays_enforceable is not None:
            changes["all_stays_enforceable"] = all_stays_enforceable
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


__all__ = [
    "FORM_ROWS",
    "MONEY_RESOLVED_ROWS",
    "UNITS",
    "DueRule",
    "Form",
    "Regime",
    "StayRow",
    "Unit",
]
