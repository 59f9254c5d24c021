"""Which law on civil judgment enforcement applies (luật áp dụng): the one registry.

Each :class:`LawVersion` carries its first and last day, like the statistics regimes of
:mod:`thads.rules`; every rule table of :mod:`thads.law` (deadlines, fees, interest,
exemption, payment order, grounds) is keyed by it and read through :func:`known_rule`.
Where a law's value is not known to thads the table holds :class:`Unknown`, naming the
gap (docs/law/gaps.md); nothing is filled in by guess.

Per step (docs/law/index.md): a step taken before 01/07/2026 follows the old law; a step
triggered on or after that day follows the new law; a step triggered before and not
taken by then follows the old law if its old deadline had already passed, otherwise the
new law, counted as :class:`Transition` says (Decree 152/2026 Art. 115(1); Law 106/2025
Art. 116).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Final, TypeVar

import attrs

from thads.errors import RuleNotAvailableError

T = TypeVar("T")


@attrs.frozen
class _Span:
    first_day: date
    last_day: date | None
    title: str
    decree: str


class LawVersion(StrEnum):
    """A law on civil judgment enforcement (Luật Thi hành án dân sự) and its dates."""

    LAW_2008 = "26/2008/QH12"
    """Law 26/2008/QH12 as amended, with Decree 62/2015/NĐ-CP as amended."""
    LAW_2025 = "106/2025/QH15"
    """Law 106/2025/QH15, with Decree 152/2026/NĐ-CP."""

    @property
    def first_day(self) -> date:
        """The first day the law is in force."""
        return _SPANS[self].first_day

    @property
    def last_day(self) -> date | None:
        """The last day the law is in force (None: still in force)."""
        return _SPANS[self].last_day

    @property
    def full_name(self) -> str:
        """The law's name, e.g. ``"Luật THADS 106/2025/QH15"``."""
        return _SPANS[self].title

    @property
    def decree(self) -> str:
        """The decree that details it (nghị định hướng dẫn)."""
        return _SPANS[self].decree

    def applies_on(self, day: date) -> bool:
        """True if the law is in force on ``day``."""
        last = self.last_day
        return self.first_day <= day and (last is None or day <= last)


_SPANS: Final[Mapping[LawVersion, _Span]] = {
    LawVersion.LAW_2008: _Span(
        date(2009, 7, 1),
        date(2026, 6, 30),
        "Luật THADS 26/2008/QH12 (sửa đổi, bổ sung 2014, 2018, 2020, 2022)",
        "Nghị định 62/2015/NĐ-CP (sửa đổi, bổ sung)",
    ),
    LawVersion.LAW_2025: _Span(
        date(2026, 7, 1),
        None,
        "Luật THADS 106/2025/QH15",
        "Nghị định 152/2026/NĐ-CP",
    ),
}

VERSIONS: Final[tuple[LawVersion, ...]] = (LawVersion.LAW_2008, LawVersion.LAW_2025)
"""Every law thads knows, oldest first."""
NEW_LAW_FROM: Final = LawVersion.LAW_2025.first_day
"""First day of Law 106/2025/QH15 and Decree 152/2026/NĐ-CP: 01/07/2026."""
FIRST_DAY: Final = VERSIONS[0].first_day
"""Before 01/07/2009 (the Ordinance of 2004) no rule is known to thads."""


def law_for(day: date) -> LawVersion:
    """The law in force on ``day``; RuleNotAvailableError before 01/07/2009."""
    for version in reversed(VERSIONS):
        if version.applies_on(day):
            return version
    raise RuleNotAvailableError(
        f"{day}: before Law 26/2008/QH12 (in force 01/07/2009) the Ordinance on civil "
        "judgment enforcement of 2004 applied; its rules are not known to thads"
    )


def earlier(version: LawVersion) -> LawVersion | None:
    """The law in force before ``version`` (None for the first)."""
    i = VERSIONS.index(version)
    return VERSIONS[i - 1] if i else None


@attrs.frozen
class Unknown:
    """A value a law has but thads does not know (never guessed); ``gap`` names it.

    Every gap is listed in docs/law/gaps.md.
    """

    gap: str


def known_rule(
    table: Mapping[LawVersion, T | Unknown],
    law: LawVersion,
    what: str,
    *,
    allow_last_known: bool,
    on: date | None = None,
) -> tuple[T, LawVersion]:
    """The value of ``table`` under ``law`` and the law it comes from.

    Unknown under ``law``: RuleNotAvailableError, unless ``allow_last_known``, which
    takes the value of the latest earlier law that has one (the caller marks the result
    as not known). The same reading for every rule table of :mod:`thads.law`.
    """
    value = table.get(law)
    if value is not None and not isinstance(value, Unknown):
        return value, law
    gap = value.gap if isinstance(value, Unknown) else f"{what}: not in the table"
    when = f" (applying to {on})" if on is not None else ""
    if not allow_last_known:
        raise RuleNotAvailableError(
            f"{what}: its value under {law.full_name}{when} is not known to thads ({gap}; "
            "docs/law/gaps.md); pass allow_last_known=True to apply the last known rule"
        )
    version = earlier(law)
    while version is not None:
        older = table.get(version)
        if older is not None and not isinstance(older, Unknown):
            return older, version
        version = earlier(version)
    raise RuleNotAvailableError(f"{what}: no law known to thads gives a value ({gap})")


class Transition(StrEnum):
    """How a period still running on 01/07/2026 is counted under the new law.

    Decree 152/2026 Art. 115(1) keeps steps taken before 01/07/2026 and puts later steps
    under the new decree; it does not say from when a new period runs when its trigger
    came before that day (an explicit choice, docs/law/index.md).
    """

    FROM_TRIGGER = "from_trigger"
    """Default: the new law's period, counted from the original trigger."""
    FROM_NEW_LAW = "from_new_law"
    """The new law's period, counted as if triggered on 01/07/2026."""
    OLD_LAW = "old_law"
    """A period begun under the old law runs to its end under the old law."""


def step_law(
    trigger: date,
    done_on: date | None,
    old_due: date | None,
    transition: Transition = Transition.FROM_TRIGGER,
) -> tuple[LawVersion, date]:
    """The law that governs one step, and the day its period is counted from.

    ``trigger``: the day that starts the period; ``done_on``: when the step was taken
    (None if not recorded); ``old_due``: the old law's deadline (None if unknown).
    """
    law = law_for(trigger)
    if law is not LawVersion.LAW_2008:
        return law, trigger
    if done_on is not None and done_on < NEW_LAW_FROM:
        return law, trigger  # taken before: stays valid (Art. 115(1))
    if old_due is not None and old_due < NEW_LAW_FROM:
        return law, trigger  # the period ran out under the old law
    if transition is Transition.OLD_LAW:
        return law, trigger
    if transition is Transition.FROM_NEW_LAW:
        return LawVersion.LAW_2025, NEW_LAW_FROM
    return LawVersion.LAW_2025, trigger


__all__ = [
    "FIRST_DAY",
    "NEW_LAW_FROM",
    "VERSIONS",
    "LawVersion",
    "Transition",
    "Unknown",
    "earlier",
    "known_rule",
    "law_for",
    "step_law",
]
