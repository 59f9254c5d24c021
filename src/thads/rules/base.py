"""What a statistics regime (chế độ báo cáo thống kê) decides, and how it is chosen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final, Literal

import attrs

from thads import grounds
from thads.errors import InvalidRecordError
from thads.rates import Rate
from thads.tally import Tally

MONEY_RESOLVED_ROWS: Final = frozenset({"completed", "terminated", "reduced"})
"""Rows that make up resolved money by default (statistics-rules.md §3.2, inferred)."""

StayRow = Literal["postponed", "stayed"]

AGREED_POSTPONEMENT: Final = grounds.AGREED_POSTPONEMENT.code
"""Code ``"48.1.c"`` of :data:`thads.grounds.AGREED_POSTPONEMENT` (kept for compatibility)."""


normalize_ground = grounds.ground_code
"""Kept for compatibility: :func:`thads.grounds.ground_code`."""


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
        if not suspended and normalize_ground(ground) in self.enforceable_grounds:
            return "postponed"
        return "stayed"

    def money_resolved(self, money: Tally) -> int:
        """Resolved money under this regime (numerator of the money rate)."""
        return sum(int(getattr(money, row)) for row in self.money_resolved_rows)

    def money_enforceable(self, money: Tally) -> int:
        """Enforceable money (denominator): rows not in the numerator are left out."""
        excluded = MONEY_RESOLVED_ROWS - self.money_resolved_rows
        return money.enforceable - sum(int(getattr(money, row)) for row in excluded)

    def money_rate(self, money: Tally) -> Rate | None:
        """Resolution rate by money (tỷ lệ thi hành xong về tiền), None if nothing enforceable."""
        denominator = self.money_enforceable(money)
        if denominator == 0:
            return None
        return Rate(self.money_resolved(money), denominator)

    def case_rate(self, cases: Tally) -> Rate | None:
        """Resolution rate by cases (tỷ lệ thi hành xong về việc) = resolved / enforceable."""
        return cases.resolution_rate()

    def with_options(
        self,
        *,
        money_resolved_rows: frozenset[str] | None = None,
        enforceable_grounds: Iterable[str | grounds.Ground] | None = None,
        all_stays_enforceable: bool | None = None,
    ) -> Regime:
        """A copy with some inferred choices changed (documented options)."""
        changes: dict[str, object] = {}
        if money_resolved_rows is not None:
            changes["money_resolved_rows"] = frozenset(money_resolved_rows)
        if enforceable_grounds is not None:
            changes["enforceable_grounds"] = frozenset(
                code for code in map(normalize_ground, enforceable_grounds) if code
            )
        if all_stays_enforceable is not None:
            changes["all_stays_enforceable"] = all_stays_enforceable
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


__all__ = ["AGREED_POSTPONEMENT", "MONEY_RESOLVED_ROWS", "Regime", "StayRow", "normalize_ground"]
