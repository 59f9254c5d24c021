"""A synthetic province whose records reproduce the published Sóc Trăng 2023 figures.

Published 2023 result (statistical year 1/10/2022–30/9/2023) of Sóc Trăng province, the
calibration target: 16.109 cases accepted; 10.289 of 12.411 cases with conditions
resolved, 82,90% (quota 82,80%: +0,10 points); about 2.491 tỷ đồng accepted, over 640 tỷ
resolved, 51,24% by money (quota 45,80%: +5,44 points); new cases up more than 28% and
the case rate up 1,25 points on 2022.

The generator below does not store those results: it plans how many invented cases end
the years 2022 and 2023 in each row and how much money each group holds, then writes
each case's history as dated events. The engine then counts the histories. Every case,
office, executor and judgment is made up; amounts are multiples of 1.000 đồng.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from fractions import Fraction

import attrs

from thads.law import AGREED_POSTPONEMENT
from thads.records import (
    Case,
    CreditorKind,
    Debt,
    EnforcementMode,
    Event,
    EventKind,
    Judgment,
    JudgmentKind,
    Office,
    OfficeLevel,
    OfficeTree,
)
from thads.values import NGHIN, TRIEU, TY, Quota, split

PROVINCE = "ST"
"""Code of the synthetic province."""
SEED = 20231001

# How many cases end statistical year 2022 in each row (the plan of the synthetic data).
_FATES_2022 = {
    "completed": 7_900,
    "terminated": 265,
    "in_progress": 1_760,
    "postponed": 75,
    "entrusted": 100,
    "withdrawn": 10,
    "stayed": 60,
    "without_conditions": 3_814,
    "separate_register": 4_416,  # moved in 2022: counted without conditions, then off the books
}
_CARRIED_INTO_2022 = 10_300
_NEW_2023 = 10_400

# How 2023 ends, in cases, and the money on the books of each group (đồng).
_FATES_2023 = {
    "completed": 9_950,
    "terminated": 339,
    "in_progress": 2_050,
    "postponed": 72,
    "entrusted": 120,
    "withdrawn": 15,
    "stayed": 90,
    "without_conditions": 3_473,
}
_MOVED_2023 = 500  # of the without_conditions cases, moved to the separate register in 2023
_BOOK_2023 = {
    "completed": 520 * TY,
    "terminated": 60 * TY,
    "in_progress": 665_624 * TRIEU,
    "postponed": 14_376 * TRIEU,
    "entrusted": 40 * TY,
    "withdrawn": 5 * TY,
    "stayed": 30 * TY,
    "without_conditions": 1_156 * TY,
}
_TERMINATED_COLLECTED_2023 = 15 * TY
_IN_PROGRESS_COLLECTED_2023 = 55 * TY
_IN_PROGRESS_REDUCED_2023 = 10_624 * TRIEU

_OFFICES = (
    ("ST00", "Văn phòng THADS tỉnh (thi hành trực tiếp)", 3),
    ("ST01", "Chi cục THADS thành phố A", 4),
    ("ST02", "Chi cục THADS huyện B", 3),
    ("ST03", "Chi cục THADS huyện C", 3),
    ("ST04", "Chi cục THADS thị xã D", 3),
    ("ST05", "Chi cục THADS huyện E", 3),
    ("ST06", "Chi cục THADS huyện G", 3),
    ("ST07", "Chi cục THADS huyện H", 3),
    ("ST08", "Chi cục THADS thị xã K", 3),
    ("ST09", "Chi cục THADS huyện L", 3),
    ("ST10", "Chi cục THADS huyện M", 3),
    ("ST11", "Chi cục THADS huyện N", 2),
)
_OFFICE_WEIGHTS = (14, 16, 8, 7, 8, 8, 7, 7, 8, 6, 6, 5)
_KINDS = (
    (JudgmentKind.CIVIL, 44),
    (JudgmentKind.CRIMINAL, 34),
    (JudgmentKind.MARRIAGE_FAMILY, 9),
    (JudgmentKind.BUSINESS_COMMERCIAL, 8),
    (JudgmentKind.LABOUR, 2),
    (JudgmentKind.ADMINISTRATIVE, 1),
    (JudgmentKind.OTHER, 2),
)
_STAY_GROUNDS = ("48.1.a", "48.1.b", "48.1.d", "48.1.đ")

S22, E22 = date(2021, 10, 1), date(2022, 9, 30)
S23, E23 = date(2022, 10, 1), date(2023, 9, 30)


@attrs.frozen
class Sample:
    """A synthetic data set: case records, the office tree and the quotas."""

    name: str
    description: str
    cases: tuple[Case, ...]
    offices: OfficeTree
    quotas: tuple[Quota, ...]
    year: int


@attrs.define
class _Draft:
    """A case being written: its identity, amount and dated events."""

    index: int
    accepted_on: date
    office: str
    executor: str
    kind: JudgmentKind
    mode: EnforcementMode
    creditor: CreditorKind
    events: list[Event] = attrs.Factory(list)
    amount: int = 0
    state: str = "in_progress"  # classification at the end of the last year written

    def last_day(self) -> date:
        return self.events[-1].on if self.events else self.accepted_on


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` đồng (a multiple of 1.000) over the weights, exactly, ≥ 1.000 each."""
    units = total // NGHIN
    count = len(weights)
    if count == 0:
        return []
    if units < count or total % NGHIN:
        raise ValueError("total too small to split")  # pragma: no cover - plan constants
    shares = split(units - count, [Fraction(w) for w in weights])  # floats: exact binary
    return [(s + 1) * NGHIN for s in shares]


def _day(rng: random.Random, low: date, high: date) -> date:
    if high <= low:
        return low
    return low + timedelta(days=rng.randint(0, (high - low).days))


def _early_day(rng: random.Random, low: date, high: date) -> date:
    """A day in [low, high], more often early than late (cases close sooner than later)."""
    if high <= low:
        return low
    return low + timedelta(days=int(rng.triangular(0, (high - low).days, 0)))


def _days(rng: random.Random, low: date, high: date, count: int) -> list[date]:
    return sorted(_day(rng, low, high) for _ in range(count))


def _identity(rng: random.Random, index: int, accepted_on: date) -> _Draft:
    office_at = rng.choices(range(len(_OFFICES)), weights=_OFFICE_WEIGHTS)[0]
    code, _, executors = _OFFICES[office_at]
    kind = rng.choices([k for k, _ in _KINDS], weights=[w for _, w in _KINDS])[0]
    active = kind is JudgmentKind.CRIMINAL or (kind is JudgmentKind.CIVIL and rng.random() < 0.15)
    if active:
        creditor = CreditorKind.STATE
    elif kind is JudgmentKind.BUSINESS_COMMERCIAL and rng.random() < 0.6:
        creditor = CreditorKind.CREDIT_INSTITUTION
    else:
        creditor = CreditorKind.PRIVATE
    return _Draft(
        index=index,
        accepted_on=accepted_on,
        office=code,
        executor=f"{code}-CHV{rng.randint(1, executors)}",
        kind=kind,
        mode=EnforcementMode.ACTIVE if active else EnforcementMode.ON_REQUEST,
        creditor=creditor,
    )


def _classify(draft: _Draft, target: str, on: date, rng: random.Random) -> None:
    """Add the classification event that puts the case in ``target`` (if not already)."""
    if target == draft.state:
        return
    if target == "in_progress":
        kind = (
            EventKind.RESUMED if draft.state in ("postponed", "stayed") else EventKind.ENFORCEABLE
        )
        draft.events.append(Event(on, kind))
    elif target == "postponed":
        draft.events.append(Event(on, EventKind.POSTPONED, ground=AGREED_POSTPONEMENT.code))
    elif target == "stayed":
        if rng.random() < 0.3:
            draft.events.append(Event(on, EventKind.SUSPENDED, ground="49.1"))
        else:
            draft.events.append(Event(on, EventKind.POSTPONED, ground=rng.choice(_STAY_GROUNDS)))
    elif target == "without_conditions":
        draft.events.append(Event(on, EventKind.UNENFORCEABLE))
    draft.state = target


def _collect(draft: _Draft, amount: int, low: date, high: date, rng: random.Random) -> None:
    if amount <= 0:
        return
    parts = 1 if amount < 2 * NGHIN or rng.random() < 0.5 else 2
    first = amount // 2 // NGHIN * NGHIN if parts == 2 else amount
    for on, value in zip(_days(rng, low, high, parts), (first, amount - first), strict=False):
        if value:
            draft.events.append(Event(on, EventKind.COLLECTED, value))


def _write_year(
    draft: _Draft,
    fate: str,
    book: int,
    start: date,
    end: date,
    rng: random.Random,
    *,
    collected: int = 0,
    reduced: int = 0,
    moved: bool = False,
) -> None:
    """Write the events of one statistical year that end the case in row ``fate``."""

    def low() -> date:
        return max(start, draft.last_day())

    if fate in ("completed", "terminated", "in_progress"):
        _classify(draft, "in_progress", _day(rng, low(), min(end, low() + timedelta(days=20))), rng)
    if fate == "completed":
        closed = _early_day(rng, low(), end)  # closings spread over the year, not at its end
        _collect(draft, book, low(), closed, rng)
        draft.events.append(Event(closed, EventKind.COMPLETED))
    elif fate == "terminated":
        closed = _early_day(rng, low(), end)
        _collect(draft, collected, low(), closed, rng)
        draft.events.append(Event(closed, EventKind.TERMINATED, ground="50.1.c"))
    elif fate == "in_progress":
        _collect(draft, collected, low(), end, rng)
        if reduced:
            draft.events.append(Event(_day(rng, low(), end), EventKind.REDUCED, reduced))
    elif fate in ("postponed", "stayed", "without_conditions"):
        _classify(draft, fate, _day(rng, low(), end), rng)
        if moved:
            draft.events.append(Event(_day(rng, low(), end), EventKind.SEPARATE_REGISTER))
    elif fate == "entrusted":
        draft.events.append(Event(_day(rng, low(), end), EventKind.ENTRUSTED))
    elif fate == "withdrawn":
        draft.events.append(Event(_day(rng, low(), end), EventKind.WITHDRAWN))


def _weights(rng: random.Random, count: int) -> list[float]:
    return [rng.lognormvariate(0, 1.1) for _ in range(count)]


def _plan(fates: dict[str, int], rng: random.Random) -> list[str]:
    out = [fate for fate, count in fates.items() for _ in range(count)]
    rng.shuffle(out)
    return out


def _build(rng: random.Random) -> list[_Draft]:
    drafts: list[_Draft] = []
    # Year 2022: cases carried in (accepted before 1/10/2021) and new ones.
    fates_2022 = _plan(_FATES_2022, rng)
    moved_total = _FATES_2022["separate_register"]
    # moved cases must be carried over (a year after an earlier "no conditions" decision)
    moved_first = sorted(range(len(fates_2022)), key=lambda i: fates_2022[i] != "separate_register")
    carried_slots = set(moved_first[: max(_CARRIED_INTO_2022, moved_total)][:_CARRIED_INTO_2022])
    fate_2022: dict[int, str] = {}
    for i, fate in enumerate(fates_2022):
        carried = i in carried_slots
        if carried:
            accepted = _day(rng, date(2019, 10, 1), date(2021, 9, 30))
            if fate == "separate_register":
                accepted = _day(rng, date(2019, 10, 1), date(2020, 9, 30))
        else:
            accepted = _day(rng, S22, E22)
        draft = _identity(rng, i, accepted)
        if carried and fate == "separate_register":
            _classify(
                draft,
                "without_conditions",
                _day(rng, accepted + timedelta(days=30), date(2021, 6, 30)),
                rng,
            )
        elif carried and rng.random() < 0.4:
            _classify(draft, "without_conditions", _day(rng, accepted, date(2021, 9, 30)), rng)
        drafts.append(draft)
        fate_2022[i] = fate
    # Money of cases closed in 2022 is free; the cases still open carry the 2023 plan.
    open_after_2022 = [
        d
        for d in drafts
        if fate_2022[d.index] in ("in_progress", "postponed", "stayed", "without_conditions")
    ]
    new_2023 = []
    for j in range(_NEW_2023):
        draft = _identity(rng, len(drafts) + j, _day(rng, S23, E23))
        new_2023.append(draft)
    book_2023 = open_after_2022 + new_2023
    # 2023 fates: moved cases come from those without conditions at the end of 2022.
    fates_2023 = _plan(_FATES_2023, rng)
    fate_2023: dict[int, str] = {d.index: f for d, f in zip(book_2023, fates_2023, strict=True)}
    candidates = [d.index for d in open_after_2022 if fate_2022[d.index] == "without_conditions"]
    no_conditions = [i for i, f in fate_2023.items() if f == "without_conditions"]
    moved_2023: set[int] = set()
    # swap fates so that the moved ones are carried "without conditions" cases
    for target, source in zip(candidates[:_MOVED_2023], no_conditions, strict=False):
        fate_2023[target], fate_2023[source] = fate_2023[source], fate_2023[target]
        moved_2023.add(target)
    # Money on the books at 1/10/2022 by 2023 group, split over the cases of the group.
    groups: dict[str, list[_Draft]] = {f: [] for f in _FATES_2023}
    for draft in book_2023:
        groups[fate_2023[draft.index]].append(draft)
    book: dict[int, int] = {}
    for fate, members in groups.items():
        for draft, share in zip(
            members, _split(_BOOK_2023[fate], _weights(rng, len(members))), strict=True
        ):
            book[draft.index] = share
    # Write 2022 histories.
    collected_2022: dict[int, int] = {}
    for draft in drafts:
        fate = fate_2022[draft.index]
        if draft.index in book:  # still open at the end of 2022
            extra = book[draft.index] // 10 // NGHIN * NGHIN if fate == "in_progress" else 0
            draft.amount = book[draft.index] + extra
            collected_2022[draft.index] = extra
            _write_year(draft, fate, draft.amount, S22, E22, rng, collected=extra)
        else:
            draft.amount = max(NGHIN, int(rng.lognormvariate(0, 1.1) * 14 * TRIEU) // NGHIN * NGHIN)
            part = draft.amount // 3 // NGHIN * NGHIN if fate == "terminated" else 0
            if fate == "separate_register":
                _write_year(draft, "without_conditions", 0, S22, E22, rng, moved=True)
            else:
                _write_year(draft, fate, draft.amount, S22, E22, rng, collected=part)
    for draft in new_2023:
        draft.amount = book[draft.index]
    # Write 2023 histories, with the collections and reductions of each group.
    _write_2023(groups, book, moved_2023, rng)
    return drafts + new_2023


def _write_2023(
    groups: dict[str, list[_Draft]], book: dict[int, int], moved: set[int], rng: random.Random
) -> None:
    terminated = groups["terminated"]
    term_collected = _split(_TERMINATED_COLLECTED_2023, [book[d.index] for d in terminated])
    for draft, part in zip(terminated, term_collected, strict=True):
        _write_year(draft, "terminated", book[draft.index], S23, E23, rng, collected=part)
    running = groups["in_progress"]
    collected = _split(_IN_PROGRESS_COLLECTED_2023, [book[d.index] for d in running])
    reducible = [d for d in running if d.creditor is CreditorKind.STATE]
    reductions = dict(
        zip(
            (d.index for d in reducible),
            _split(_IN_PROGRESS_REDUCED_2023, [book[d.index] for d in reducible]),
            strict=True,
        )
    )
    for draft, part in zip(running, collected, strict=True):
        _write_year(
            draft,
            "in_progress",
            book[draft.index],
            S23,
            E23,
            rng,
            collected=part,
            reduced=reductions.get(draft.index, 0),
        )
    for fate in (
        "completed",
        "postponed",
        "stayed",
        "without_conditions",
        "entrusted",
        "withdrawn",
    ):
        for draft in groups[fate]:
            _write_year(draft, fate, book[draft.index], S23, E23, rng, moved=draft.index in moved)


def _to_case(draft: _Draft) -> Case:
    effective = draft.accepted_on - timedelta(days=15 + draft.index % 45)
    suffix = {
        JudgmentKind.CRIMINAL: "HS-ST",
        JudgmentKind.MARRIAGE_FAMILY: "HNGĐ-ST",
        JudgmentKind.BUSINESS_COMMERCIAL: "KDTM-ST",
        JudgmentKind.LABOUR: "LĐ-ST",
        JudgmentKind.ADMINISTRATIVE: "HC-ST",
    }.get(draft.kind, "DS-ST")
    return Case(
        case_id=f"ST-{draft.index + 1:06d}",
        office=draft.office,
        executor=draft.executor,
        mode=draft.mode,
        judgment=Judgment(
            f"{draft.index % 997 + 1}/{effective.year}/{suffix}", draft.kind, effective
        ),
        accepted_on=draft.accepted_on,
        debts=(Debt(draft.amount, draft.creditor),),
        events=tuple(draft.events),
    )


def _offices() -> OfficeTree:
    nodes = [Office(PROVINCE, "THADS tỉnh mẫu (tổng hợp)", OfficeLevel.PROVINCE)]
    for code, name, executors in _OFFICES:
        nodes.append(Office(code, name, OfficeLevel.DISTRICT, PROVINCE))
        for k in range(1, executors + 1):
            nodes.append(
                Office(f"{code}-CHV{k}", f"Chấp hành viên {k} ({code})", OfficeLevel.EXECUTOR, code)
            )
    return OfficeTree.of(nodes)


def province_2023() -> Sample:
    """The synthetic province: about 26.000 cases over statistical years 2022 and 2023.

    Counted by the engine for 2023 it gives the published Sóc Trăng 2023 result (see the
    module docstring); the same records give the 2022 comparison figures.
    """
    rng = random.Random(SEED)
    drafts = _build(rng)
    cases = tuple(_to_case(d) for d in sorted(drafts, key=lambda d: (d.accepted_on, d.index)))
    return Sample(
        name="province_2023",
        description="Synthetic province calibrated to the published Sóc Trăng 2023 THADS "
        "result; every record is invented.",
        cases=cases,
        offices=_offices(),
        quotas=(Quota(2023, "82.80", "45.80", office=PROVINCE),),
        year=2023,
    )


__all__ = ["province_2023"]
