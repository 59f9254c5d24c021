"""What every work list shares (dùng chung): a case's columns, its state on a day, and
which cases are an office's (with the offices below it, by the office tree)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from thads.errors import InvalidRecordError
from thads.records import Case, OfficeTree


def case_columns(case: Case) -> dict[str, Any]:
    """The columns every list gives of a case: id, office, executor, judgment, accepted."""
    return {
        "case_id": case.case_id,
        "office": case.office,
        "executor": case.executor,
        "judgment_kind": str(case.judgment.kind),
        "judgment_ref": case.judgment.ref,
        "accepted_on": case.accepted_on,
        "amount": case.amount,
    }


def state_at(case: Case, day: int) -> tuple[str, int, date | None]:
    """(status, outstanding, closed_on) of ``case`` at the end of day ordinal ``day``."""
    status, owed, closing = case.timeline.state_on(day)
    return status, owed, None if closing is None else date.fromordinal(closing.day)


def office_filter(
    office: str | None, offices: OfficeTree | None = None, on: date | None = None
) -> Callable[[Case], bool]:
    """Keep a case of ``office`` (its office or executor code) or, with the office tree
    ``offices``, of any office under it (a province's area offices and their executors),
    by the recorded parents and by those in force on ``on``."""
    if office is None:
        return lambda case: True
    if offices is None:
        return lambda case: office in (case.office, case.executor)
    tree = offices
    below: dict[str, bool] = {}

    def under(code: str) -> bool:
        if code not in below:
            chain = set(tree.ancestors(code))
            if on is not None:
                # no office in force that day may stand for it: then the recorded chain
                with contextlib.suppress(InvalidRecordError):
                    chain.update(tree.ancestors(code, on=on))
            below[code] = office in chain
        return below[code]

    return lambda case: office in (case.office, case.executor) or under(case.office)


def of_office(
    cases: Iterable[Case],
    office: str,
    *,
    offices: OfficeTree | None = None,
    on: date | None = None,
) -> list[Case]:
    """The cases of ``office`` (cơ quan THADS): its own, its executors', and with the office
    tree ``offices`` those of every office below it (as recorded, or in force on ``on``)."""
    keep = office_filter(office, offices, on)
    return [case for case in cases if keep(case)]


def non_negative(value: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidRecordError("worklists", field, f"must be a whole number >= 0, got {value!r}")
    return value


__all__ = ["case_columns", "non_negative", "of_office", "office_filter", "state_at"]
