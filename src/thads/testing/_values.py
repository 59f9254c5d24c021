"""Strategies for small domain values (giá trị): money, periods, judgments, debts, events,
quotas, tallies, office trees; and the defaults the other strategies share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

from thads.errors import InvalidRecordError
from thads.law import KNOWN_GROUNDS, GroundKind, LawVersion
from thads.records import (
    CLOSING,
    MONEY_EVENTS,
    CreditorKind,
    Debt,
    Event,
    EventKind,
    Judgment,
    JudgmentKind,
    Office,
    OfficeLevel,
    OfficeTree,
)
from thads.rules import ground_law
from thads.testing._hypothesis import st
from thads.values import TY, Quota, StatisticalPeriod, Tally

# --- defaults ---------------------------------------------------------------------------

DEFAULT_YEARS: Final = (2021, 2024)
"""Statistical years covered by default: 1/10/2020 to 30/9/2024."""
DEFAULT_OFFICES: Final = ("A", "B", "C")
"""Office codes used when no office tree is given; executors are ``A-1`` .. ``A-3``."""
DEFAULT_MAX_AMOUNT: Final = 5 * TY
"""Largest money amount of a generated case by default (5 tỷ đồng)."""
DEFAULT_MONEY_SHARE: Final = Fraction(9, 10)
"""Share of generated cases that carry money (the others are obligations to act)."""
DEFAULT_EVENT_MIX: Final[Mapping[str, int]] = {
    "enforceable": 3,
    "unenforceable": 2,
    "postponed": 2,
    "suspended": 1,
    "resumed": 1,
    "collected": 3,
    "reduced": 1,
    "completed": 1,
    "terminated": 1,
    "entrusted": 1,
    "withdrawn": 1,
    "separate_register": 1,
}
"""Relative weights of the event kinds drawn for a case history."""

POSTPONEMENT_GROUNDS: Final = (
    None,
    "48.1.a",
    "48.1.b",
    "48.1.c",
    "48.1.d",
    "48.1.đ",
    "48.1.e",
    "48.1.g",
    "48.1.h",
    "48.2",
    "Điều 48(1)(c)",
)
"""Grounds of hoãn (Law on THADS 2008 Art. 48(1)(a)-(h), 48(2)) put on ``postponed``."""
_NEW: Final = LawVersion.LAW_2025
SUSPENSION_GROUNDS: Final = (None, "49.1", "49.2")
"""Grounds of tạm đình chỉ (Law on THADS 2008 Art. 49(1), (2)) put on ``suspended``."""
NEW_LAW_POSTPONEMENT_GROUNDS: Final = (
    None,
    *(g.code for g in KNOWN_GROUNDS if g.law is _NEW and g.kind is GroundKind.POSTPONEMENT),
    "điểm c khoản 1 Điều 46",
)
"""Grounds of hoãn under Law 106/2025/QH15 (Art. 46(1)(a)-(l), 46(2)): on ``postponed``
events from 01/07/2026."""
NEW_LAW_SUSPENSION_GROUNDS: Final = (
    None,
    *(g.code for g in KNOWN_GROUNDS if g.law is _NEW and g.kind is GroundKind.SUSPENSION),
)
"""Grounds of tạm đình chỉ under Law 106/2025/QH15 (Art. 47(1), (2)), from 01/07/2026."""

CLOSING_KINDS: Final = tuple(sorted(CLOSING))
MONEY_KINDS: Final = tuple(sorted(MONEY_EVENTS))
PLAIN_KINDS: Final = tuple(k for k in EventKind if k not in MONEY_EVENTS)
REF_ALPHABET: Final = "0123456789/ABCĐDSTHNKLQ-"

Years = int | tuple[int, int]
"""One statistical year, or the first and last of several."""
Offices = OfficeTree | Sequence[str] | None
"""An office tree, or office codes (executors ``CODE-1`` .. ``CODE-3``), or the defaults."""


def span(years: Years) -> tuple[date, date]:
    first, last = (years, years) if isinstance(years, int) else years
    if first > last:
        raise InvalidRecordError("thads.testing", "years", f"first {first} is after last {last}")
    return StatisticalPeriod(first).start, StatisticalPeriod(last).end


def mix(event_mix: Mapping[str, int] | None) -> tuple[EventKind, ...]:
    """Event kinds repeated by weight, in EventKind order (so deterministic)."""
    weights = DEFAULT_EVENT_MIX if event_mix is None else event_mix
    accepted = ", ".join(k.value for k in EventKind)
    kinds: list[EventKind] = []
    for name in sorted(weights):
        try:
            kind = EventKind(name)
        except ValueError:
            raise InvalidRecordError(
                "thads.testing", "event_mix", f"unknown event kind {name!r}; expected: {accepted}"
            ) from None
        weight = weights[name]
        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 0:
            raise InvalidRecordError(
                "thads.testing", "event_mix", f"weight of {name} must be an int >= 0"
            )
    for kind in EventKind:
        kinds.extend([kind] * weights.get(kind.value, 0))
    return tuple(kinds)


Place = tuple[str, str, date | None, date | None]
"""(office, executor, first day, last day) a case may be accepted in: the days both are
in force (None: open)."""


def placements(offices: Offices) -> tuple[Place, ...]:
    """The places a case may have, sorted; from a dated tree, each with its days."""
    if offices is None:
        offices = DEFAULT_OFFICES
    if isinstance(offices, OfficeTree):
        pairs: list[Place] = []
        for o in offices:
            parent = offices.get(o.parent) if o.parent is not None else None
            if o.level is not OfficeLevel.EXECUTOR or o.parent is None:
                continue
            both = (o, parent) if parent is not None else (o,)
            starts = [x.start for x in both if x.start is not None]
            ends = [x.end for x in both if x.end is not None]
            first, last = max(starts, default=None), min(ends, default=None)
            if first is None or last is None or first <= last:
                pairs.append((o.parent, o.code, first, last))
        if not pairs:
            raise InvalidRecordError(
                "thads.testing", "offices", "the office tree has no executor under an office"
            )
        return tuple(sorted(pairs, key=lambda p: (p[0], p[1])))
    codes = sorted(offices)
    if not codes:
        raise InvalidRecordError("thads.testing", "offices", "give at least one office code")
    return tuple((code, f"{code}-{n}", None, None) for code in codes for n in (1, 2, 3))


def in_force(place: Place, day: date) -> bool:
    """Whether a case may be accepted in ``place`` on ``day``."""
    return (place[2] is None or place[2] <= day) and (place[3] is None or day <= place[3])


def check_share(share: Fraction | int) -> Fraction:
    if not isinstance(share, Fraction | int) or isinstance(share, bool) or not 0 <= share <= 1:
        raise InvalidRecordError(
            "thads.testing", "money_share", f"must be a Fraction from 0 to 1, got {share!r}"
        )
    return Fraction(share)


# --- small values -----------------------------------------------------------------------


def amounts(max_value: int = DEFAULT_MAX_AMOUNT, *, min_value: int = 0) -> st.SearchStrategy[int]:
    """Money (tiền) as an int number of đồng, from ``min_value`` to ``max_value``."""
    return st.integers(min_value=min_value, max_value=max_value)


def periods(
    years: Years = DEFAULT_YEARS, *, months: int | None = None
) -> st.SearchStrategy[StatisticalPeriod]:
    """Statistical periods (kỳ thống kê) of the given years; any of 1..12 months if None."""
    first, last = (years, years) if isinstance(years, int) else years
    month_values = st.just(months) if months is not None else st.integers(1, 12)
    return st.builds(StatisticalPeriod, st.integers(first, last), month_values)


def judgments(
    kinds: Sequence[JudgmentKind | str] | None = None,
    *,
    effective: tuple[date, date] = (date(2015, 1, 1), date(2024, 9, 30)),
    undated: bool = True,
) -> st.SearchStrategy[Judgment]:
    """Judgments (bản án, quyết định): a ref, a kind, and an effective date in ``effective``."""
    kind_list = list(JudgmentKind) if kinds is None else [JudgmentKind(k) for k in kinds]
    dates: st.SearchStrategy[date | None] = st.dates(*effective)
    if undated:
        dates = st.none() | dates
    return st.builds(
        Judgment, st.text(alphabet=REF_ALPHABET, max_size=12), st.sampled_from(kind_list), dates
    )


def debts(
    max_amount: int = DEFAULT_MAX_AMOUNT,
    *,
    creditors: Sequence[CreditorKind | str] | None = None,
) -> st.SearchStrategy[Debt]:
    """Debts (khoản phải thi hành) of 0..``max_amount`` đồng, with or without a due date."""
    kinds = list(CreditorKind) if creditors is None else [CreditorKind(c) for c in creditors]
    due = st.none() | st.dates(date(2015, 1, 1), date(2026, 12, 31))
    return st.builds(Debt, amounts(max_amount), st.sampled_from(kinds), due)


def events(
    kinds: Sequence[EventKind | str] | None = None,
    *,
    on: tuple[date, date] = (date(2020, 10, 1), date(2024, 9, 30)),
    max_amount: int = DEFAULT_MAX_AMOUNT,
) -> st.SearchStrategy[Event]:
    """Single well-formed events (sự kiện): an amount only on collected/reduced, a ground
    only on postponed/suspended. For whole histories use :func:`cases`."""
    kind_list = list(EventKind) if kinds is None else [EventKind(k) for k in kinds]

    @st.composite
    def one(draw: st.DrawFn) -> Event:
        kind = draw(st.sampled_from(kind_list))
        day = draw(st.dates(*on))
        amount = draw(amounts(max_amount, min_value=1)) if kind in MONEY_EVENTS else 0
        return Event(day, kind, amount, draw(ground_of(kind, day)))

    return one()


def ground_of(kind: EventKind, on: date) -> st.SearchStrategy[str | None]:
    """Grounds valid for an event of ``kind`` decided ``on``: under the law in force that
    day (Law 106/2025/QH15 from 01/07/2026, Law 26/2008/QH12 before)."""
    new = ground_law(on) is _NEW
    if kind is EventKind.POSTPONED:
        return st.sampled_from(NEW_LAW_POSTPONEMENT_GROUNDS if new else POSTPONEMENT_GROUNDS)
    if kind is EventKind.SUSPENDED:
        return st.sampled_from(NEW_LAW_SUSPENSION_GROUNDS if new else SUSPENSION_GROUNDS)
    return st.none()


def quotas(
    years: Years = DEFAULT_YEARS, *, offices: Sequence[str | None] | None = None
) -> st.SearchStrategy[Quota]:
    """Quotas (chỉ tiêu): targets 0.00..100.00 percent; office None is the general quota."""
    first, last = (years, years) if isinstance(years, int) else years
    percent = st.integers(0, 10_000).map(lambda n: Decimal(n).scaleb(-2))
    office_list: list[str | None] = [None] if offices is None else list(offices)
    return st.builds(
        Quota,
        st.integers(first, last),
        percent,
        percent,
        st.sampled_from(sorted(office_list, key=lambda o: "" if o is None else o)),
    )


COUNTS: Final = st.integers(min_value=0, max_value=10**6)
"""Default row values of :func:`tallies` (numbers of cases)."""


def tallies(
    values: st.SearchStrategy[int] = COUNTS, *, unit: Literal["cases", "money"] = "money"
) -> st.SearchStrategy[Tally]:
    """Tallies (bảng số liệu) that satisfy the report identities, built from their
    classified rows. ``unit="cases"`` keeps ``reduced`` at 0 (giảm is a money row)."""

    @st.composite
    def one(draw: st.DrawFn) -> Tally:
        # accepted = to_enforce + entrusted + withdrawn, and
        # to_enforce = enforceable + stayed + without_conditions
        rows = {
            name: draw(values) if unit == "money" or name != "reduced" else 0
            for name in _DRAWN_ROWS
        }
        accepted = sum(rows.values())
        carried_over = draw(st.integers(min_value=0, max_value=accepted))
        return Tally(carried_over=carried_over, new=accepted - carried_over, **rows)

    return one()


_BOOKS: Final = ("carried_over", "new", "entrusted", "withdrawn")
_DRAWN_ROWS: Final = (*(r for r in Tally.PRIMITIVE if r not in _BOOKS), "entrusted", "withdrawn")
"""Rows :func:`tallies` draws, in this order (the rows of to_enforce, then those taken
out of accepted); ``carried_over`` and ``new`` follow from their sum."""


# --- office trees -----------------------------------------------------------------------


def office_trees(
    *, max_provinces: int = 3, max_areas: int = 3, max_executors: int = 3
) -> st.SearchStrategy[OfficeTree]:
    """Office trees (cơ quan THADS) as organised from 1/7/2025: THADS tỉnh → Phòng THADS
    khu vực → Chấp hành viên; some executors sit directly under the province.

    Codes: province ``P1``, area ``P1-K1``, executor ``P1-K1-CHV1`` or ``P1-CHV1``.
    """

    @st.composite
    def one(draw: st.DrawFn) -> OfficeTree:
        offices: list[Office] = []
        for p in range(1, draw(st.integers(1, max_provinces)) + 1):
            province = f"P{p}"
            offices.append(Office(province, f"THADS tỉnh {province}", OfficeLevel.PROVINCE))
            for e in range(1, draw(st.integers(0, max_executors)) + 1):
                code = f"{province}-CHV{e}"
                offices.append(
                    Office(code, f"Chấp hành viên {code}", OfficeLevel.EXECUTOR, province)
                )
            for a in range(1, draw(st.integers(1, max_areas)) + 1):
                area = f"{province}-K{a}"
                offices.append(
                    Office(
                        area,
                        f"Phòng THADS khu vực {a} ({province})",
                        OfficeLevel.DISTRICT,
                        province,
                    )
                )
                for e in range(1, draw(st.integers(1, max_executors)) + 1):
                    code = f"{area}-CHV{e}"
                    offices.append(
                        Office(code, f"Chấp hành viên {code}", OfficeLevel.EXECUTOR, area)
                    )
        return OfficeTree.of(offices)

    return one()
