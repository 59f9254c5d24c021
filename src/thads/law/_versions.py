"""Which law on civil judgment enforcement applies (luật áp dụng), by date.

- Law 26/2008/QH12 as amended (64/2014, 23/2018, 67/2020, 03/2022) with Decree
  62/2015/NĐ-CP as amended: until 30/06/2026.
- Law 106/2025/QH15 with Decree 152/2026/NĐ-CP: from 01/07/2026. Steps lawfully taken
  before that day stay valid; later steps of the same case follow the new rules
  (Decree 152/2026 Art. 115(1)).

thads decides per step (:func:`step_law`): a step taken before 01/07/2026 follows the
old law; a step whose trigger is on or after that day follows the new law; a step
triggered before and not taken before 01/07/2026 follows the old law if its old
deadline had already passed by then, and otherwise the new law, counted as
:class:`Transition` says. Where the new law's value is unknown (legal-rules.md marks it
[U]) the deadline is reported unknown (or, in the single-value functions, raises
:class:`~thads.errors.RuleNotAvailableError` unless ``allow_last_known=True``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Final

from thads.errors import RuleNotAvailableError

NEW_LAW_FROM: Final = date(2026, 7, 1)
"""First day of Law 106/2025/QH15 and Decree 152/2026/NĐ-CP."""


class LawVersion(StrEnum):
    """The law on civil judgment enforcement in force (Luật Thi hành án dân sự)."""

    LAW_2008 = "26/2008/QH12"
    """Law 26/2008/QH12 as amended, with Decree 62/2015/NĐ-CP as amended."""
    LAW_2025 = "106/2025/QH15"
    """Law 106/2025/QH15, with Decree 152/2026/NĐ-CP."""


def law_for(day: date) -> LawVersion:
    """The law in force on ``day``."""
    return LawVersion.LAW_2025 if day >= NEW_LAW_FROM else LawVersion.LAW_2008


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
    if trigger >= NEW_LAW_FROM:
        return LawVersion.LAW_2025, trigger
    if done_on is not None and done_on < NEW_LAW_FROM:
        return LawVersion.LAW_2008, trigger  # taken before: stays valid (Art. 115(1))
    if old_due is not None and old_due < NEW_LAW_FROM:
        return LawVersion.LAW_2008, trigger  # the period ran out under the old law
    if transition is Transition.OLD_LAW:
        return LawVersion.LAW_2008, trigger
    if transition is Transition.FROM_NEW_LAW:
        return LawVersion.LAW_2025, NEW_LAW_FROM
    return LawVersion.LAW_2025, trigger


def require_known(rule: str, day: date, *, allow_last_known: bool) -> LawVersion:
    """The law for ``day``; raise if it is the new law and ``rule`` is unknown under it.

    Returns the version whose value is used: the old law when the caller opted in.
    """
    version = law_for(day)
    if version is LawVersion.LAW_2025 and not allow_last_known:
        raise RuleNotAvailableError(
            f"{rule}: its value under Law 106/2025/QH15 (in force from 01/07/2026, applying "
            f"to {day}) is not known to thads; pass allow_last_known=True to apply the last "
            "known rule of Law 26/2008/QH12 as amended"
        )
    return LawVersion.LAW_2008 if version is LawVersion.LAW_2025 else version


__all__ = ["NEW_LAW_FROM", "LawVersion", "Transition", "law_for", "require_known", "step_law"]
