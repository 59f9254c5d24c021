"""Rankings of offices (xếp hạng): the offices of one level by an exact value.

Published reports after mid-2025 say a province ranks "x/34" (docs/sources/statistics.md §5.1).
Offices are ranked by the exact value, best (largest) first; ties share the rank and the
next rank skips (1, 2, 2, 4). An office whose value cannot be computed (no case with
conditions: no rate) is listed without a rank, but still counts in the "/N".
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from thads.errors import InvalidRecordError
from thads.records import OfficeLevel
from thads.values import Tally

if TYPE_CHECKING:  # pragma: no cover
    from thads.count._report import Report, ReportRow

RATE_KEYS = (
    "case_rate",
    "money_rate",
    "previous_case_rate",
    "previous_money_rate",
    "attainment",
)
"""Ranking keys besides the row names of a tally."""


@attrs.frozen
class Ranked:
    """One office in a ranking: its rank (None when unranked) out of ``of`` offices."""

    rank: int | None
    of: int
    code: str
    name: str
    value: Fraction | None

    @property
    def label(self) -> str:
        """``"3/34"``, or ``"–/34"`` for an office without a value."""
        return f"{'–' if self.rank is None else self.rank}/{self.of}"


@attrs.frozen
class Ranking:
    """A ranking (bảng xếp hạng) of the offices of one level of a report."""

    by: str
    level: OfficeLevel
    unit: str
    entries: tuple[Ranked, ...]

    def of(self, code: str) -> Ranked:
        """The entry of an office; KeyError if it is not ranked here."""
        for entry in self.entries:
            if entry.code == code:
                return entry
        raise KeyError(code)

    def label(self, code: str) -> str:
        """``"x/N"`` for an office."""
        return self.of(code).label

    def sentence(self, code: str) -> str:
        """The rank in the words of published reports: ``xếp thứ 3/34 ...``."""
        entry = self.of(code)
        what = _TITLES.get(self.by, f"{self.by} ({self.unit})")
        return f"{entry.name} xếp thứ {entry.label} về {what}."

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON: values as exact fractions "p/q" and rounded decimals."""
        return {
            "by": self.by,
            "level": self.level.name.lower(),
            "unit": self.unit,
            "entries": [
                {
                    "rank": e.rank,
                    "of": e.of,
                    "label": e.label,
                    "code": e.code,
                    "name": e.name,
                    "value": None if e.value is None else str(e.value),
                }
                for e in self.entries
            ],
        }

    def to_table(self) -> str:
        """A small table: rank, office, value (two places)."""
        lines = [f"Xếp hạng theo {_TITLES.get(self.by, self.by)}"]
        width = max((len(e.name) for e in self.entries), default=0)
        for e in self.entries:
            value = "" if e.value is None else _two_places(e.value)
            lines.append(f"{e.label:>7}  {e.name.ljust(width)}  {value:>10}")
        return "\n".join(lines)


_TITLES = {
    "case_rate": "tỷ lệ thi hành xong về việc",
    "money_rate": "tỷ lệ thi hành xong về tiền",
    "previous_case_rate": "tỷ lệ thi hành xong về việc cùng kỳ năm trước",
    "previous_money_rate": "tỷ lệ thi hành xong về tiền cùng kỳ năm trước",
    "attainment": "mức vượt chỉ tiêu",
}


def _two_places(value: Fraction) -> str:
    from thads.fmt import format_decimal
    from thads.values import round_half_up

    return format_decimal(round_half_up(value, 2))


def _value(row: ReportRow, by: str, unit: str) -> Fraction | None:
    if by == "case_rate":
        rate = row.rate("cases")
        return None if rate is None else rate.exact_percent
    if by == "money_rate":
        rate = row.rate("money")
        return None if rate is None else rate.exact_percent
    if by in ("previous_case_rate", "previous_money_rate"):
        rate = row.previous_rate("cases" if by == "previous_case_rate" else "money")
        return None if rate is None else rate.exact_percent
    if by == "attainment":
        if row.quota is None:
            return None
        rate = row.rate("cases") if unit == "cases" else row.rate("money")
        target = row.quota.cases if unit == "cases" else row.quota.money
        return None if rate is None else rate.exact_percent - Fraction(target)
    tally: Tally = getattr(row.current, unit)
    return Fraction(getattr(tally, by))


def rank_report(
    report: Report,
    *,
    by: str = "case_rate",
    level: OfficeLevel = OfficeLevel.PROVINCE,
    unit: str = "cases",
) -> Ranking:
    """Rank the report's rows of ``level`` by ``by``: ``case_rate``, ``money_rate``,
    ``previous_case_rate``, ``previous_money_rate`` (the same period last year),
    ``attainment`` (exact rate − target, of ``unit``), or a tally row name (of ``unit``).

    Competition ranking on exact values: equal values share a rank (1, 2, 2, 4).
    """
    if unit not in ("cases", "money"):
        raise InvalidRecordError("rank", "unit", f"{unit!r}; use 'cases' or 'money'")
    rows_names = (*Tally.PRIMITIVE, *Tally.DERIVED)
    if by not in RATE_KEYS and by not in rows_names:
        accepted = ", ".join([*RATE_KEYS, *rows_names])
        raise InvalidRecordError("rank", "by", f"unknown key {by!r}; use one of {accepted}")
    if not isinstance(level, OfficeLevel):
        raise InvalidRecordError("rank", "level", f"{level!r} is not an OfficeLevel")
    rows = [row for row in report.rows if row.level == level]
    values = [(row, _value(row, by, unit)) for row in rows]
    valued = sorted((v for v in values if v[1] is not None), key=lambda v: (-_key(v[1]), v[0].code))
    total = len(rows)
    entries: list[Ranked] = []
    for position, (row, value) in enumerate(valued, start=1):
        rank = entries[-1].rank if entries and entries[-1].value == value else position
        entries.append(Ranked(rank, total, row.code, row.name, value))
    for row, value in values:
        if value is None:
            entries.append(Ranked(None, total, row.code, row.name, None))
    return Ranking(by=by, level=level, unit=unit, entries=tuple(entries))


def _key(value: Fraction | None) -> Fraction:
    assert value is not None
    return value


__all__ = ["RATE_KEYS", "Ranked", "Ranking", "rank_report"]
