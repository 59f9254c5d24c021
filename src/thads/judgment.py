"""Judgments (bản án, quyết định) whose enforcement is a case."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

import attrs

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
    """Convert ``value`` to the enum ``kind`` or raise InvalidRecordError listing choices."""
    if isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip())
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise InvalidRecordError(
            record, field, f"unknown value {value!r}; expected one of: {choices}"
        ) from None


def _kind(value: object) -> JudgmentKind:
    return enum_value(JudgmentKind, value, "Judgment", "kind")


@attrs.frozen
class Judgment:
    """A judgment or decision to enforce (bản án, quyết định được thi hành).

    ``ref`` is its number, ``effective_on`` the date it took legal effect (ngày có hiệu
    lực pháp luật), from which the limitation period runs.
    """

    ref: str
    kind: JudgmentKind = attrs.field(converter=_kind)
    effective_on: date | None = None


__all__ = ["Judgment", "JudgmentKind", "enum_value"]
