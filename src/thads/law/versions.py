"""Which law on civil judgment enforcement applies (luật áp dụng), by date.

- Law 26/2008/QH12 as amended (64/2014, 23/2018, 67/2020, 03/2022) with Decree
  62/2015/NĐ-CP as amended: until 30/06/2026.
- Law 106/2025/QH15 with Decree 152/2026/NĐ-CP: from 01/07/2026. Steps lawfully taken
  before that day stay valid; later steps of the same case follow the new rules
  (Decree 152/2026 Art. 115(1)).

thads decides by the date of the step that starts a deadline (its trigger). Where the
new law's value is unknown (legal-rules.md marks it [U]) a rule raises
:class:`~thads.errors.RuleNotAvailableError` unless the caller passes
``allow_last_known=True`` to apply the last known rule of the old law.
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


__all__ = ["NEW_LAW_FROM", "LawVersion", "law_for", "require_known"]
