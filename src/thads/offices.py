"""Offices (cơ quan thi hành án dân sự) and executors (Chấp hành viên) as a tree.

Levels follow statistics-rules.md §5.1: national (toàn quốc / Cục Quản lý THADS) →
province (Cục THADS tỉnh; THADS tỉnh from 1/7/2025) → district or area (Chi cục THADS
huyện; Phòng THADS khu vực from 1/7/2025) → executor.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import IntEnum

import attrs

from thads.errors import InvalidRecordError


class OfficeLevel(IntEnum):
    """Level of a node in the office tree (cấp); a parent has a smaller level."""

    NATIONAL = 0
    """Toàn quốc."""
    PROVINCE = 1
    """Cấp tỉnh."""
    DISTRICT = 2
    """Cấp huyện / khu vực (district office, or area section from 1/7/2025)."""
    EXECUTOR = 3
    """Chấp hành viên."""

    @classmethod
    def parse(cls, text: str) -> OfficeLevel:
        """Read a level name such as ``"province"`` or ``"area"``."""
        name = text.strip().lower()
        if name == "area":
            return cls.DISTRICT
        try:
            return cls[name.upper()]
        except KeyError:
            raise InvalidRecordError(
                "Office",
                "level",
                f"unknown level {text!r}; use national, province, district (or area), executor",
            ) from None


@attrs.frozen
class Office:
    """A node of the tree: an office or an executor, with its parent's code."""

    code: str
    name: str
    level: OfficeLevel
    parent: str | None = None


def _index(offices: Iterable[Office]) -> dict[str, Office]:
    return {office.code: office for office in offices}


NATIONAL_CODE = "VN"
"""Code of the national root (toàn quốc)."""


@attrs.frozen
class OfficeTree:
    """The office tree; every parent must exist and sit on a higher level."""

    offices: dict[str, Office] = attrs.field(converter=_index)

    def __attrs_post_init__(self) -> None:
        for office in self.offices.values():
            if office.parent is None:
                continue
            parent = self.offices.get(office.parent)
            if parent is None:
                raise InvalidRecordError(
                    f"office {office.code}", "parent", f"unknown parent {office.parent!r}"
                )
            if parent.level >= office.level:
                raise InvalidRecordError(
                    f"office {office.code}",
                    "parent",
                    f"parent {parent.code} ({parent.level.name.lower()}) is not above "
                    f"{office.level.name.lower()}",
                )

    @classmethod
    def of(cls, offices: Iterable[Office]) -> OfficeTree:
        """Build a tree from offices."""
        return cls(list(offices))

    def __contains__(self, code: object) -> bool:
        return code in self.offices

    def __iter__(self) -> Iterator[Office]:
        return iter(self.offices.values())

    def get(self, code: str) -> Office | None:
        """The office with this code, or None."""
        return self.offices.get(code)

    def ancestors(self, code: str) -> list[str]:
        """Codes of the parents of ``code``, nearest first (not including ``code``)."""
        out: list[str] = []
        office = self.offices.get(code)
        while office is not None and office.parent is not None:
            out.append(office.parent)
            office = self.offices.get(office.parent)
        return out

    def at_level(self, code: str, level: OfficeLevel) -> str | None:
        """The code of ``code`` itself or its ancestor at ``level``, or None."""
        for candidate in [code, *self.ancestors(code)]:
            office = self.offices.get(candidate)
            if office is not None and office.level == level:
                return candidate
        return None


__all__ = ["NATIONAL_CODE", "Office", "OfficeLevel", "OfficeTree"]
