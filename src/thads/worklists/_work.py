"""An executor's work list (việc phải làm): deadlines due or overdue (thời hạn đến hạn,
quá hạn), from :func:`thads.law.deadlines`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError
from thads.law import (
    Transition,
    WorkingCalendar,
    deadlines,
    resolve_calendar,
)
from thads.records import Case, OfficeTree
from thads.worklists._common import office_filter

WORK_WINDOW_DAYS: Final = 30
"""Default window of :func:`work_list`: deadlines due within 30 days from ``as_of``."""

WorkState = Literal["overdue", "due", "unknown"]


@attrs.frozen
class WorkItem:
    """One deadline on an executor's work list (việc phải làm, thời hạn).

    ``state``: ``overdue`` (due before ``as_of``, the step not shown done), ``due`` (due
    in the window, not done yet), ``unknown`` (the deadline's value is not known under
    the law of its step; ``gap`` says what is missing).
    """

    case_id: str
    office: str
    executor: str
    name: str
    title: str
    start: date
    due: date | None
    basis: str
    law: str
    state: WorkState
    known: bool
    gap: str | None


_STATE_ORDER: Final = {"overdue": 0, "due": 1, "unknown": 2}


def work_list(
    cases: Iterable[Case],
    as_of: date,
    until: date | None = None,
    *,
    office: str | None = None,
    offices: OfficeTree | None = None,
    calendar: WorkingCalendar | None = None,
    transition: Transition | str = Transition.FROM_TRIGGER,
    allow_last_known: bool = False,
) -> list[WorkItem]:
    """Every deadline of every case (:func:`thads.law.deadlines`) overdue or due by ``until``.

    ``until`` defaults to ``as_of`` + :data:`WORK_WINDOW_DAYS`. Listed: deadlines not
    done that are overdue on ``as_of`` or due in [as_of, until]; a step the records
    cannot show done (``trackable`` False, e.g. paying out) only while due in the window;
    deadlines whose value is unknown, as ``unknown``, when their trigger is on or before
    ``until``. Sorted overdue (oldest first), then due (soonest first), then unknown;
    :func:`by_executor` groups the list by office and executor in that order.
    """
    end = until if until is not None else as_of + timedelta(days=WORK_WINDOW_DAYS)
    if end < as_of:
        raise InvalidRecordError("work_list", "until", f"{end} is before as_of {as_of}")
    cal = resolve_calendar(calendar)
    keep_office = office_filter(office, offices, as_of)
    out: list[WorkItem] = []
    for case in cases:
        if not keep_office(case) or case.accepted_on > as_of:
            continue
        for item in deadlines(
            case,
            as_of,
            calendar=cal,
            transition=transition,
            allow_last_known=allow_last_known,
        ):
            if item.done_on is not None and item.done_on <= as_of:
                continue
            state: WorkState
            if item.due is None:
                if item.start > end:
                    continue
                state = "unknown"
            elif as_of <= item.due <= end:
                state = "due"
            elif item.due < as_of and item.overdue is True:
                state = "overdue"
            else:
                continue
            out.append(
                WorkItem(
                    case_id=case.case_id,
                    office=case.office,
                    executor=case.executor,
                    name=item.name,
                    title=item.title,
                    start=item.start,
                    due=item.due,
                    basis=item.basis,
                    law=str(item.law),
                    state=state,
                    known=item.known,
                    gap=item.gap,
                )
            )
    out.sort(key=lambda w: (_STATE_ORDER[w.state], w.due or date.max, w.case_id, w.name))
    return out


def by_executor(items: Sequence[WorkItem]) -> dict[tuple[str, str], list[WorkItem]]:
    """The work list grouped by (office, executor), each group in the list's order."""
    groups: dict[tuple[str, str], list[WorkItem]] = {}
    for item in items:
        groups.setdefault((item.office, item.executor), []).append(item)
    return dict(sorted(groups.items()))


__all__ = ["WORK_WINDOW_DAYS", "WorkItem", "WorkState", "by_executor", "work_list"]
