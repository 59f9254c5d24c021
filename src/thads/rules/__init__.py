"""Statistics regimes (chế độ báo cáo thống kê THADS), one module each, chosen by date.

A report is counted under the regime in force on the last day of its period.
"""

from __future__ import annotations

from datetime import date

from thads.errors import RuleNotAvailableError
from thads.records import Event, EventKind
from thads.rules import _tt01_2013 as tt01_2013
from thads.rules import _tt05_2024 as tt05_2024
from thads.rules import _tt05_2026 as tt05_2026
from thads.rules import _tt06_2019 as tt06_2019
from thads.rules._base import (
    FORM_ROWS,
    GROUND_KINDS,
    MONEY_RESOLVED_ROWS,
    UNITS,
    DueRule,
    Form,
    Regime,
    Unit,
    check_unit,
    ground_key,
    ground_law,
    read_ground,
)
from thads.values import StatisticalPeriod


def _event_ground(text: str, on: date, kind: EventKind) -> str:
    """An event's ground as Event keeps it: a postponement's, suspension's or termination's
    read under the law of its day; another kind's (e.g. Art. 44a) as written, for
    thads.law to read."""
    return read_ground(text, on, kind) if kind in GROUND_KINDS else text


Event.read_grounds_with(_event_ground)  # records sits below thads.law: grounds are read here

REGIMES: tuple[Regime, ...] = (
    tt01_2013.REGIME,
    tt06_2019.REGIME,
    tt05_2024.REGIME,
    tt05_2026.REGIME,
)
"""All regimes thads knows, oldest first (TT 05/2026: content unknown, see its module)."""


def regime_for(when: date | StatisticalPeriod, *, allow_last_known: bool = False) -> Regime:
    """The regime in force on a date, or on the last day of a period (the newest wins).

    From 01/07/2026 that is TT 05/2026/TT-BTP, whose content is unknown:
    RuleNotAvailableError unless ``allow_last_known`` (counted as TT 05/2024, marked).
    """
    day = when.end if isinstance(when, StatisticalPeriod) else when
    for regime in reversed(REGIMES):
        if regime.applies_on(day):
            if regime.stands_in_for is not None and not allow_last_known:
                raise RuleNotAvailableError(f"{day}: {tt05_2026.UNKNOWN_MESSAGE}")
            return regime
    raise RuleNotAvailableError(
        f"no statistics regime is modelled for {day}: the rules before TT 01/2013/TT-BTP "
        "(QĐ 02/2006/QĐ-BTP) are not known to thads"
    )


def regime_by_code(code: str) -> Regime:
    """The regime with this code (tt01_2013, tt06_2019, tt05_2024, tt05_2026)."""
    for regime in REGIMES:
        if regime.code == code:
            return regime
    known = ", ".join(r.code for r in REGIMES)
    raise RuleNotAvailableError(f"unknown regime {code!r}; known: {known}")


__all__ = [
    "FORM_ROWS",
    "MONEY_RESOLVED_ROWS",
    "REGIMES",
    "UNITS",
    "DueRule",
    "Form",
    "Regime",
    "Unit",
    "check_unit",
    "ground_key",
    "ground_law",
    "read_ground",
    "regime_by_code",
    "regime_for",
]
