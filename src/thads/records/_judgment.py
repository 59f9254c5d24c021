"""Judgments (bản án, quyết định) whose enforcement is a case."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

import attrs

from thads import validate
from thads.errors import InvalidRecordError

E = TypeVar("E", bound=StrEnum)


class JudgmentKind(StrEnum):
    """Kind of judgment (loại bản án, quyết định), as in the TT 10/2017 breakdowns."""

    CIVIL = "civil"
    """Dân sự."""
    CRIMINAL = "criminal"
    """Hình sự (fines, court fees, confiscation, restitution in criminal cases)."""
    ADMINISTRATIVE = "administrative"
    """Hành chính."""
    MARRIAGE_FAMILY = "marriage_family"
    """Hôn nhân và gia đình."""
    BUSINESS_COMMERCIAL = "business_commercial"
    """Kinh doanh, thương mại."""
    LABOUR = "labour"
    """Lao động."""
    BANKRUPTCY = "bankruptcy"
    """Phá sản."""
    ARBITRATION = "arbitration"
    """Phán quyết trọng tài."""
    OTHER = "other"
    """Khác."""
    STATE_COMPENSATION = "state_compensation"
    """Bồi thường nhà nước: a judgment that the State compensates (Law 10/2017/QH14),
    listed apart at period end under TT 05/2024 Art. 8 (thads.worklists)."""


def enum_value(kind: type[E], value: object, record: str, field: str) -> E:
    """Convert ``value`` to the enum ``kind`` or raise InvalidRecordError listing choices.

    Kept for compatibility: the check is :func:`thads.validate.choice`.
    """
    return validate.choice(kind, value, record, field)


def _kind(value: JudgmentKind | str) -> JudgmentKind:
    return validate.choice(JudgmentKind, value, "Judgment", "kind")


def _ref(value: str) -> str:
    if not isinstance(value, str):
        raise InvalidRecordError("Judgment", "ref", f"must be text, not {value!r}")
    return value


def _effective_on(value: date | None) -> date | None:
    return validate.optional_day(value, "Judgment", "effective_on")


@attrs.frozen
class Judgment:
    """A judgment or decision to enforce (bản án, quyết định được thi hành).

    ``ref`` is its number, ``effective_on`` the date it took legal effect (ngày có hiệu
    lực pháp luật), from which the limitation period runs.
    """

    ref: str = attrs.field(converter=_ref)
    kind: JudgmentKind = attrs.field(converter=_kind)
    effective_on: date | None = attrs.field(default=None, converter=_effective_on)


__all__ = ["Judgment", "JudgmentKind", "enum_value"]
