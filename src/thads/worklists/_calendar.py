"""The day each report is due (hạn gửi báo cáo thống kê): TT 01/2013 Art. 10(2), TT 06/2019
Art. 9(2), TT 05/2024 Art. 10 (docs/sources/statistics.md §4.2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.law import (
    WorkingCalendar,
    add_working_days,
    resolve_calendar,
)
from thads.rules import REGIMES, DueRule, Regime, regime_for
from thads.values import StatisticalPeriod

Level = Literal["executor", "district", "area", "province", "national", "military"]
LEVELS: Final[tuple[str, ...]] = ("executor", "area", "province", "national")
"""The levels of the civil enforcement system since 1/7/2025, lowest first."""
_ALL_LEVELS: Final = ("executor", "district", "area", "province", "national", "military")

REPORT_DUE: Final[Mapping[str, Mapping[str, DueRule | None]]] = MappingProxyType(
    {regime.code: MappingProxyType(dict(regime.report_due)) for regime in REGIMES}
)
"""When each level's report is due, per regime: a read-only view of each regime's own
``report_due`` (``thads.rules``, docs/sources/statistics.md §4.2), kept for compatibility.

``("working_days", n)``: within n working days after the period end; ``("before_day",
n)``: before day n of the next month (due on day n − 1); None: not known to thads."""


@attrs.frozen
class ReportDue:
    """The day a level's report of a period is due (hạn gửi báo cáo thống kê)."""

    period: StatisticalPeriod
    level: str
    due: date | None
    """None when the regime's deadline for this level is not known (see ``basis``)."""
    regime: str
    basis: str
    inferred: bool
    """True when the level's row was read by analogy (an area office as a district)."""
    known: bool = True
    """False when the deadline is not known: listed as such, never invented."""


def _level(value: object) -> str:
    text = str(getattr(value, "name", value)).strip().lower()
    if text not in _ALL_LEVELS:
        raise InvalidRecordError(
            "report_due", "level", f"unknown level {value!r}; expected one of: {_ALL_LEVELS}"
        )
    return text


def report_due(
    period: StatisticalPeriod,
    level: str,
    *,
    calendar: WorkingCalendar | None = None,
    regime: Regime | None = None,
    area_as_district: bool = True,
) -> ReportDue:
    """The day the ``level`` report of ``period`` is due under the regime in force.

    The regime is that of the period (its last day). Working days are Vietnamese working
    days (``calendar``, else the ``holidays`` package, extra ``thads[holidays]``). An
    area office (Phòng THADS khu vực, from 1/7/2025) takes the district office's row: how
    the forms were mapped to the new levels is not known (docs/sources/statistics.md §5.1), so
    that reading is an option, ``area_as_district=False`` refuses it. A "before day n"
    date (TT 01/2013) is not moved off a day off: the text names a date, not a period.
    """
    name = _level(level)
    rules = regime or regime_for(period)
    if not rules.report_due:
        raise RuleNotAvailableError(f"report deadlines of regime {rules.code} are not known")
    inferred = name == "area"
    if inferred and not area_as_district:
        raise RuleNotAvailableError(
            "report deadline of an area office (Phòng THADS khu vực): how TT 05/2024 "
            "maps to the 2025 levels is not known; pass area_as_district=True to use the "
            "district office's deadline"
        )
    rule = rules.due_rule("district" if inferred else name)
    if rule is None:
        raise RuleNotAvailableError(
            f"the {name} report deadline under {rules.title} is not known to thads "
            "(docs/sources/statistics.md §4.2)"
        )
    how, count = rule
    end = period.end
    if how == "working_days":
        due = add_working_days(end, count, resolve_calendar(calendar))
        text = f"{count} ngày làm việc sau ngày kết thúc kỳ"
    else:
        due = end + timedelta(days=count - 1)
        text = f"trước ngày {count:02d} của tháng tiếp theo"
    return ReportDue(
        period, name, due, rules.code, f"{rules.report_due_citation}: {text}", inferred
    )


def reporting_calendar(
    periods: Iterable[StatisticalPeriod],
    levels: Sequence[str] = LEVELS,
    *,
    calendar: WorkingCalendar | None = None,
    area_as_district: bool = True,
    allow_last_known: bool = False,
) -> list[ReportDue]:
    """The due days of every period and level, soonest first.

    A level whose deadline the regime's known text does not give is listed with no day
    (``known=False``, the gap in ``basis``), after the known ones. A period ending from
    01/07/2026 (TT 05/2026, content unknown) is refused unless ``allow_last_known``
    (TT 05/2024's deadlines, the regime marked).
    """
    cal = resolve_calendar(calendar)
    out: list[ReportDue] = []
    for period in periods:
        rules = regime_for(period, allow_last_known=allow_last_known)
        for level in levels:
            try:
                out.append(
                    report_due(
                        period,
                        level,
                        calendar=cal,
                        regime=rules,
                        area_as_district=area_as_district,
                    )
                )
            except RuleNotAvailableError as gap:
                code = rules.code
                out.append(ReportDue(period, _level(level), None, code, str(gap), False, False))
    out.sort(key=lambda r: (r.due is None, r.due or date.max, _ALL_LEVELS.index(r.level), r.period))
    return out


__all__ = ["LEVELS", "REPORT_DUE", "Level", "ReportDue", "report_due", "reporting_calendar"]
