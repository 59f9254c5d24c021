"""The report rows (các chỉ tiêu của biểu thống kê) as a :class:`Tally`.

One tally counts cases (việc), another money (tiền, int đồng); both have the same rows.
Tallies add exactly (a commutative monoid with :meth:`Tally.zero`), so a parent office's
tally is the sum of its children's. Two cumulative periods of one year subtract
(``later - earlier``) into the :class:`Flows` between them.
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import ClassVar, Final

import attrs

from thads import validate
from thads.errors import InconsistentTallyError
from thads.values._periods import StatisticalPeriod
from thads.values._rates import Rate, share


def _row(instance: Tally, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 0:  # fast path: a plain int >= 0 passes
        validate.quantity(value, "Tally", attribute.name)


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

    3 carried over and 7 new, 1 entrusted out: 9 to enforce; 4 completed, 1 terminated and
    2 in progress make 7 with conditions, of which 5 resolved; 2 without conditions:

    >>> t = Tally(carried_over=3, new=7, entrusted=1, completed=4, terminated=1,
    ...           in_progress=2, without_conditions=2)
    >>> t.accepted, t.to_enforce, t.enforceable, t.resolved, t.carried_forward
    (10, 9, 7, 5, 4)
    >>> (t + t).resolved
    10
    >>> t.check() is t
    True
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
    def _from_valid(cls, rows: Sequence[int]) -> Tally:
        """A tally from rows known to be non-negative ints (sums of tallies), unchecked
        but for their number."""
        if len(rows) != len(_PUT):
            raise ValueError(f"a tally has {len(_PUT)} primitive rows, got {len(rows)}")
        tally = object.__new__(cls)
        deque(map(operator.call, _PUT, repeat(tally), rows), 0)  # each slot set, in C
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

    def __sub__(self, other: object) -> Flows:
        """``later - earlier``: the flows between two cumulative periods of one year.

        See :meth:`flows_since`; the result is a :class:`Flows`, not a Tally (as a date
        minus a date is a timedelta).
        """
        if not isinstance(other, Tally):
            return NotImplemented
        return self.flows_since(other)

    def flows_since(
        self,
        earlier: Tally,
        *,
        periods: tuple[StatisticalPeriod, StatisticalPeriod] | None = None,
    ) -> Flows:
        """The flow rows (:attr:`Flows.ROWS`) of this tally less those of ``earlier``.

        Both tallies are cumulative periods of one statistical year for the same group,
        this one ending later (lũy kế: 9 months − 6 months = the flows of months 7..9).
        Stock rows (in_progress, postponed, stayed, without_conditions) are positions at
        a period's end, not counts of events: they have no difference here (read them
        from the later tally). Refused with InconsistentTallyError: ``carried_over``
        differs (it is the same for every month of one year, so the tallies are of two
        years or two groups), or a flow row of ``earlier`` exceeds this one's (earlier
        minus later, or unrelated tallies). With ``periods=(earlier_period,
        this_period)`` the years and months are checked too.
        """
        if periods is not None:
            before, after = periods
            if before.year != after.year:
                raise InconsistentTallyError(
                    "flows within one statistical year",
                    f"{before.label} and {after.label} are periods of two years",
                )
            if before.months > after.months:
                raise InconsistentTallyError(
                    "later minus earlier",
                    f"{before.label} ends after {after.label}: subtract the earlier period",
                )
        if self.carried_over != earlier.carried_over:
            raise InconsistentTallyError(
                "carried_over is the same for every month of one year",
                f"carried_over {self.carried_over} here, {earlier.carried_over} in the "
                "earlier tally: not two cumulative periods of one year for one group",
            )
        rows = []
        for name in Flows.ROWS:
            late, early = getattr(self, name), getattr(earlier, name)
            if late < early:
                raise InconsistentTallyError(
                    "cumulative flow rows never decrease within a year",
                    f"{name} is {late} here but {early} in the tally subtracted: "
                    "subtract the earlier period from the later one",
                )
            rows.append(late - early)
        return Flows(*rows)

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
_PUT: Final = tuple(getattr(Tally, name).__set__ for name in Tally.PRIMITIVE)
"""Each primitive row's slot setter (a frozen tally is built once, not changed after)."""


def _flow(instance: Flows, attribute: attrs.Attribute[int], value: int) -> None:
    validate.quantity(value, "Flows", attribute.name)


_STOCKS = frozenset({"carried_over", "in_progress", "postponed", "stayed", "without_conditions"})


@attrs.frozen
class Flows:
    """The flow rows between two cumulative periods of one year (số phát sinh trong kỳ).

    ``later - earlier`` of two :class:`Tally` objects: cases (or đồng) newly accepted
    (thụ lý mới), entrusted, withdrawn, completed, terminated and reduced in the months
    between the two period ends. Carried-over and stock rows have no flow: asking for one
    raises AttributeError saying so.
    """

    ROWS: ClassVar[tuple[str, ...]] = (
        "new",
        "entrusted",
        "withdrawn",
        "completed",
        "terminated",
        "reduced",
    )

    new: int = attrs.field(default=0, validator=_flow)
    entrusted: int = attrs.field(default=0, validator=_flow)
    withdrawn: int = attrs.field(default=0, validator=_flow)
    completed: int = attrs.field(default=0, validator=_flow)
    terminated: int = attrs.field(default=0, validator=_flow)
    reduced: int = attrs.field(default=0, validator=_flow)

    @property
    def resolved(self) -> int:
        """Giải quyết xong in the interval = completed + terminated + reduced."""
        return self.completed + self.terminated + self.reduced

    def as_dict(self) -> dict[str, int]:
        """The flow rows by name, then ``resolved``."""
        out = {name: getattr(self, name) for name in self.ROWS}
        out["resolved"] = self.resolved
        return out

    def __getattr__(self, name: str) -> int:
        if name in _STOCKS or name in Tally.DERIVED:
            raise AttributeError(
                f"Flows has no {name!r}: it is a stock (a position at the end of a period) "
                "or derived from stocks, not counted between two periods; read it from "
                "the later Tally",
                name=name,
                obj=self,
            )
        raise AttributeError(f"'Flows' object has no attribute {name!r}", name=name, obj=self)


__all__ = ["Flows", "Tally"]
