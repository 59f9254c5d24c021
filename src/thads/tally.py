"""The report rows (các chỉ tiêu của biểu thống kê) as a :class:`Tally`.

One tally counts cases (việc), another money (tiền, int đồng); both have the same rows.
Tallies add exactly (a commutative monoid with :meth:`Tally.zero`), so a parent office's
tally is the sum of its children's.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import ClassVar

import attrs

from thads.errors import InconsistentTallyError, InvalidRecordError
from thads.rates import Rate, share


def _row(instance: Tally, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidRecordError(
            "Tally", attribute.name, f"must be an int (cases or đồng), not {value!r}"
        )
    if value < 0:
        raise InvalidRecordError("Tally", attribute.name, f"must be >= 0, got {value}")


def _field() -> int:
    return attrs.field(default=0, validator=_row)


@attrs.frozen
class Tally:
    """Primitive rows of the result forms (biểu mẫu kết quả thi hành án).

    Primitive rows: ``carried_over`` (năm trước chuyển sang), ``new`` (thụ lý mới),
    ``entrusted`` (ủy thác), ``withdrawn`` (thu hồi, hủy quyết định; rút lên),
    ``completed`` (thi hành xong), ``terminated`` (đình chỉ), ``reduced`` (giảm; money
    only), ``in_progress`` (đang thi hành), ``postponed`` (hoãn counted with conditions),
    ``stayed`` (hoãn / tạm đình chỉ outside "with conditions"), ``without_conditions``
    (chưa có điều kiện thi hành).
    """

    PRIMITIVE: ClassVar[tuple[str, ...]] = (
        "carried_over",
        "new",
        "entrusted",
        "withdrawn",
        "completed",
        "terminated",
        "reduced",
        "in_progress",
        "postponed",
        "stayed",
        "without_conditions",
    )
    DERIVED: ClassVar[tuple[str, ...]] = (
        "accepted",
        "to_enforce",
        "enforceable",
        "resolved",
        "carried_forward",
        "enforceable_carried_forward",
    )

    carried_over: int = _field()
    new: int = _field()
    entrusted: int = _field()
    withdrawn: int = _field()
    completed: int = _field()
    terminated: int = _field()
    reduced: int = _field()
    in_progress: int = _field()
    postponed: int = _field()
    stayed: int = _field()
    without_conditions: int = _field()

    @classmethod
    def zero(cls) -> Tally:
        """The empty tally, neutral for ``+``."""
        return cls()

    @classmethod
    def total(cls, tallies: Iterable[Tally]) -> Tally:
        """Sum of many tallies (zero for none)."""
        rows = [0] * len(cls.PRIMITIVE)
        for tally in tallies:
            for i, value in enumerate(tally.as_tuple()):
                rows[i] += value
        return cls(*rows)

    @classmethod
    def _from_valid(cls, rows: Iterable[int]) -> Tally:
        """A tally from rows known to be non-negative ints (sums of tallies), unchecked."""
        tally = object.__new__(cls)
        for name, value in zip(cls.PRIMITIVE, rows, strict=True):
            object.__setattr__(tally, name, value)
        return tally

    def as_tuple(self) -> tuple[int, ...]:
        """The primitive rows in :attr:`PRIMITIVE` order."""
        return _ROWS_OF(self)

    def as_dict(self, *, derived: bool = True) -> dict[str, int]:
        """Rows by name, primitive then (optionally) derived."""
        out = dict(zip(self.PRIMITIVE, self.as_tuple(), strict=True))
        if derived:
            out.update({name: getattr(self, name) for name in self.DERIVED})
        return out

    def __add__(self, other: object) -> Tally:
        if not isinstance(other, Tally):
            return NotImplemented
        return Tally._from_valid(
            [a + b for a, b in zip(_ROWS_OF(self), _ROWS_OF(other), strict=True)]
        )

    def __radd__(self, other: object) -> Tally:
        if other == 0:  # lets sum() start from 0
            return self
        return self.__add__(other)

    @property
    def accepted(self) -> int:
        """Tổng số thụ lý = carried_over + new."""
        return self.carried_over + self.new

    @property
    def to_enforce(self) -> int:
        """Tổng số phải thi hành = accepted − entrusted − withdrawn."""
        return self.accepted - self.entrusted - self.withdrawn

    @property
    def enforceable(self) -> int:
        """Có điều kiện thi hành = completed + terminated + reduced + in_progress + postponed."""
        return self.completed + self.terminated + self.reduced + self.in_progress + self.postponed

    @property
    def resolved(self) -> int:
        """Giải quyết xong = completed + terminated + reduced."""
        return self.completed + self.terminated + self.reduced

    @property
    def carried_forward(self) -> int:
        """Chuyển kỳ sau = to_enforce − resolved."""
        return self.to_enforce - self.resolved

    @property
    def enforceable_carried_forward(self) -> int:
        """Có điều kiện chuyển kỳ sau = enforceable − resolved."""
        return self.enforceable - self.resolved

    def check(self) -> Tally:
        """Check the report identities; return ``self`` or raise InconsistentTallyError.

        to_enforce = accepted − entrusted − withdrawn must not be negative, and
        to_enforce = enforceable + stayed + without_conditions.
        """
        if self.to_enforce < 0:
            raise InconsistentTallyError(
                "to_enforce = accepted - entrusted - withdrawn >= 0",
                f"accepted {self.accepted} < entrusted {self.entrusted} "
                f"+ withdrawn {self.withdrawn}",
            )
        classified = self.enforceable + self.stayed + self.without_conditions
        if self.to_enforce != classified:
            raise InconsistentTallyError(
                "to_enforce = enforceable + stayed + without_conditions",
                f"to_enforce is {self.to_enforce} but enforceable {self.enforceable} + "
                f"stayed {self.stayed} + without_conditions {self.without_conditions} "
                f"= {classified}",
            )
        return self

    def resolution_rate(self) -> Rate | None:
        """resolved / enforceable (tỷ lệ thi hành xong), None when nothing is enforceable."""
        if self.enforceable == 0:
            return None
        return Rate(self.resolved, self.enforceable)

    def enforceable_share(self) -> Rate | None:
        """enforceable / to_enforce (tỷ lệ có điều kiện), None when nothing is to enforce."""
        if self.to_enforce <= 0:
            return None
        return share(self.enforceable, self.to_enforce)


_ROWS_OF = operator.attrgetter(*Tally.PRIMITIVE)

__all__ = ["Tally"]
