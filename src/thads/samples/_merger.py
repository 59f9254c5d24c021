"""A synthetic merger of provinces on 01/07/2025 (sáp nhập tỉnh), statistical years
2024 to 2026.

The synthetic province ``ST`` (the one of :func:`~thads.samples.province_2023`) and two
other invented provinces, ``SX`` and ``SY``, merge into ``SN`` on 01/07/2025, as 63
provinces became 34 (docs/sources/organisation.md); a fourth, ``SK``, is only renamed (``SK2``).
Their Chi cục end on 30/06/2025: most are succeeded by a Phòng THADS khu vực given
explicitly, one (``SY02``) is abolished without one, so its cases count under the new
province (the tree's documented default). Cases accepted before the change are recorded
under the Chi cục, later ones under the Phòng khu vực.

Every case, office and figure is invented; nothing is calibrated to published results.
A report of 2026 drawn on this tree compares ``SN`` with the sum of its three
predecessors' rows of 2025, rates recomputed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from thads.count import Report
from thads.fmt import format_percent
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
from thads.samples._province import Sample
from thads.values import NGHIN, TRIEU, Quota

SEED = 20250701
CHANGE = date(2025, 7, 1)
LAST_OLD = date(2025, 6, 30)
FIRST_ACCEPTED = date(2023, 10, 1)
LAST_ACCEPTED = date(2026, 9, 30)

NEW_PROVINCE = "SN"
"""Code of the province formed by the merger."""

# old province: (name, new province, its Chi cục with their successor or None, completion)
_OLD: dict[str, tuple[str, str, dict[str, str | None], float]] = {
    "ST": ("Cục THADS tỉnh mẫu (tổng hợp)", "SN", {"ST01": "SN-KV1", "ST02": "SN-KV1"}, 0.9),
    "SX": ("Cục THADS tỉnh mẫu X (tổng hợp)", "SN", {"SX01": "SN-KV2", "SX02": "SN-KV2"}, 0.82),
    "SY": ("Cục THADS tỉnh mẫu Y (tổng hợp)", "SN", {"SY01": "SN-KV3", "SY02": None}, 0.93),
    "SK": ("Cục THADS tỉnh mẫu K (tổng hợp)", "SK2", {"SK01": "SK2-KV1", "SK02": "SK2-KV1"}, 0.88),
}
_NEW = {
    "SN": ("THADS tỉnh mẫu mới (tổng hợp)", ("SN-KV1", "SN-KV2", "SN-KV3")),
    "SK2": ("THADS tỉnh mẫu K (tổng hợp, đổi tên)", ("SK2-KV1",)),
}
_CASES_PER_OFFICE = 400


def merger_offices() -> OfficeTree:
    """The dated tree of the sample: 4 old provinces, 8 Chi cục → 2 provinces, 4 areas."""
    nodes: list[Office] = []
    for new, (name, areas) in _NEW.items():
        nodes.append(Office(new, name, OfficeLevel.PROVINCE, start=CHANGE))
        for k, area in enumerate(areas, start=1):
            nodes.append(
                Office(area, f"Phòng THADS khu vực {k} ({new})", OfficeLevel.AREA, new, CHANGE)
            )
    for old, (name, new, districts, _) in _OLD.items():
        nodes.append(Office(old, name, OfficeLevel.PROVINCE, end=LAST_OLD, successor=new))
        for code, successor in districts.items():
            nodes.append(
                Office(
                    code,
                    f"Chi cục THADS {code} (tổng hợp)",
                    OfficeLevel.DISTRICT,
                    old,
                    end=LAST_OLD,
                    successor=successor,
                )
            )
    return OfficeTree.of(nodes)


def _day(rng: random.Random, low: date, high: date) -> date:
    return low + timedelta(days=rng.randint(0, max(0, (high - low).days)))


def _case(rng: random.Random, index: int, district: str, completion: float) -> Case:
    old = district[:2]
    _, new, districts, _ = _OLD[old]
    accepted = _day(rng, FIRST_ACCEPTED, LAST_ACCEPTED)
    office = district
    if accepted >= CHANGE:  # recorded under the office of the day it was accepted
        successor = districts[district]
        office = successor if successor is not None else rng.choice(_NEW[new][1])
    amount = rng.randint(1, 400) * 500 * NGHIN + rng.choice([0, 0, 1]) * 300 * TRIEU
    events: list[Event] = []
    classified = accepted + timedelta(days=rng.randint(5, 60))
    if rng.random() < 0.2:
        events.append(Event(classified, EventKind.UNENFORCEABLE))
    else:
        events.append(Event(classified, EventKind.ENFORCEABLE))
        # about ``completion`` of enforceable cases end within a year
        if rng.random() < completion:
            closed = classified + timedelta(days=int(rng.triangular(1, 300, 20)))
            part = amount // 2 // NGHIN * NGHIN
            if part:
                middle = classified + timedelta(days=(closed - classified).days // 2)
                events.append(Event(middle, EventKind.COLLECTED, part))
            events.append(Event(closed, EventKind.COLLECTED, amount - part))
            events.append(Event(closed, EventKind.COMPLETED))
        elif rng.random() < 0.5:
            paid = amount // 4 // NGHIN * NGHIN
            if paid:
                when = classified + timedelta(days=rng.randint(10, 300))
                events.append(Event(when, EventKind.COLLECTED, paid))
    kind = rng.choice([JudgmentKind.CIVIL, JudgmentKind.CIVIL, JudgmentKind.CRIMINAL])
    active = kind is JudgmentKind.CRIMINAL
    return Case(
        case_id=f"M-{index + 1:05d}",
        office=office,
        executor=f"{office}-CHV{rng.randint(1, 3)}",
        mode=EnforcementMode.ACTIVE if active else EnforcementMode.ON_REQUEST,
        judgment=Judgment(f"{index % 997 + 1}/{accepted.year}/M", kind, None),
        accepted_on=accepted,
        debts=(Debt(amount, CreditorKind.STATE if active else CreditorKind.PRIVATE),),
        events=tuple(e for e in events if e.on <= date(2026, 9, 30)),
    )


def merger_2026() -> Sample:
    """The synthetic merger: about 3.200 invented cases over statistical years 2024–2026."""
    rng = random.Random(SEED)
    cases: list[Case] = []
    for _name, _new, districts, completion in _OLD.values():
        for district in districts:
            for _ in range(_CASES_PER_OFFICE):
                cases.append(_case(rng, len(cases), district, completion))
    cases.sort(key=lambda c: (c.accepted_on, c.case_id))
    return Sample(
        name="merger_2026",
        description="Synthetic merger: tỉnh mẫu ST, X and Y become SN on 01/07/2025 "
        "(K is renamed); statistical years 2025 and 2026; every record is invented.",
        cases=tuple(cases),
        offices=merger_offices(),
        quotas=(
            Quota(2026, "60.00", "50.00", office="SN"),
            Quota(2026, "60.00", "50.00", office="SK2"),
        ),
        year=2026,
    )


def comparison_note(report: Report) -> str:
    """Lines saying how the report compares across the merger (for ``thads demo --merger``)."""
    drawn = "—" if report.drawn_on is None else f"{report.drawn_on:%d/%m/%Y}"
    lines = [
        f"Cây đơn vị ngày {drawn}: cùng kỳ năm trước được tính lại trên cùng cây "
        "(SN = tổng ST, SX, SY; tỷ lệ tính lại từ tổng, không lấy trung bình).",
        "Chi cục SY02 không có Phòng khu vực kế thừa: việc của nó tính thẳng vào SN.",
    ]
    try:
        row = report.row(NEW_PROVINCE)
    except KeyError:
        return "\n".join(lines)
    if row.previous is not None and row.previous_rate("cases") is not None:
        prev = row.previous.cases
        lines.append(
            f"Cùng kỳ của {row.name}: {prev.resolved}/{prev.enforceable} việc có điều kiện "
            f"giải quyết xong = {format_percent(row.previous_rate('cases'))}."
        )
    ranking = report.rank(by="case_rate", level=OfficeLevel.PROVINCE)
    lines += [ranking.sentence(e.code) for e in ranking.entries]
    return "\n".join(lines)


__all__ = [
    "NEW_PROVINCE",
    "comparison_note",
    "merger_2026",
    "merger_offices",
]
