"""Large and long-running cases (án lớn, án kéo dài): the unfinished cases on a day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from thads.records import Case, OfficeTree
from thads.worklists._common import case_columns, non_negative, office_filter, state_at

LARGE_AMOUNT: Final = 1_000_000_000
"""Default threshold of a large case (án lớn): 1.000.000.000 đồng (1 tỷ) outstanding.

No legal or published definition was found (docs/worklists.md): this is a round working
figure that picks out the cases that dominate the money rate; pass ``min_amount``."""
LONG_RUNNING_MONTHS: Final = 12
"""Default age of a long-running case (án kéo dài): more than 12 months on the books.

No legal definition was found; a case accepted more than 12 months ago has crossed at
least one 1 October, i.e. it was carried over into a new statistical year at least once
(the ``carried_over`` row); pass ``min_months``."""


@attrs.frozen
class OpenCaseRow:
    """An unfinished case on ``as_of``: its age (days and whole months) and money owed."""

    case_id: str
    office: str
    executor: str
    judgment_kind: str
    judgment_ref: str
    accepted_on: date
    amount: int
    outstanding: int
    status: str
    age_days: int
    age_months: int


def open_cases(
    cases: Iterable[Case],
    as_of: date,
    *,
    office: str | None = None,
    offices: OfficeTree | None = None,
) -> list[OpenCaseRow]:
    """Cases accepted on or before ``as_of`` and not closed by then (any order).

    ``office``: only the cases of this office or executor code, and with the office tree
    ``offices`` those of every office below it."""
    keep_office = office_filter(office, offices, as_of)
    day = as_of.toordinal()
    out: list[OpenCaseRow] = []
    for case in cases:
        if case.timeline.accepted > day or not keep_office(case):
            continue
        status, owed, closed_on = state_at(case, day)
        if closed_on is not None:
            continue
        age = relativedelta(as_of, case.accepted_on)
        out.append(
            OpenCaseRow(
                **case_columns(case),
                outstanding=owed,
                status=status,
                age_days=day - case.timeline.accepted,
                age_months=age.years * 12 + age.months,
            )
        )
    return out


def large_cases(
    cases: Iterable[Case],
    as_of: date,
    *,
    min_amount: int = LARGE_AMOUNT,
    office: str | None = None,
    offices: OfficeTree | None = None,
) -> list[OpenCaseRow]:
    """Unfinished cases owing at least ``min_amount`` đồng on ``as_of``, largest first."""
    floor = non_negative(min_amount, "min_amount")
    rows = [
        r
        for r in open_cases(cases, as_of, office=office, offices=offices)
        if r.outstanding >= floor
    ]
    rows.sort(key=lambda r: (-r.outstanding, r.accepted_on, r.case_id))
    return rows


def long_running_cases(
    cases: Iterable[Case],
    as_of: date,
    *,
    min_months: int = LONG_RUNNING_MONTHS,
    office: str | None = None,
    offices: OfficeTree | None = None,
) -> list[OpenCaseRow]:
    """Unfinished cases on the books more than ``min_months`` months on ``as_of``, oldest first.

    "More than N months": accepted before the day N months before ``as_of``.
    """
    months = non_negative(min_months, "min_months")
    limit = as_of - relativedelta(months=months)
    rows = [
        r for r in open_cases(cases, as_of, office=office, offices=offices) if r.accepted_on < limit
    ]
    rows.sort(key=lambda r: (r.accepted_on, -r.outstanding, r.case_id))
    return rows


__all__ = [
    "LARGE_AMOUNT",
    "LONG_RUNNING_MONTHS",
    "OpenCaseRow",
    "large_cases",
    "long_running_cases",
    "open_cases",
]
