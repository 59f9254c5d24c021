"""Writing the interchange format (ghi tệp trao đổi): :func:`write_cases`."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import IO

from thads.errors import InvalidRecordError
from thads.read._headings import CASE_COLUMNS, CASE_OPTIONAL, EVENT_COLUMNS, EVENT_OPTIONAL
from thads.read._rows import PathLike, is_jsonl
from thads.records import Case, Event


def _case_row(case: Case) -> dict[str, str]:
    if len(case.debts) != 1:
        raise InvalidRecordError(
            f"case {case.case_id}",
            "debts",
            f"interchange format v1 holds exactly one debt per case, this case has "
            f"{len(case.debts)}",
        )
    debt = case.debts[0]
    return {
        "case_id": case.case_id,
        "office": case.office,
        "executor": case.executor,
        "mode": str(case.mode),
        "judgment_kind": str(case.judgment.kind),
        "judgment_ref": case.judgment.ref,
        "judgment_effective": case.judgment.effective_on.isoformat()
        if case.judgment.effective_on
        else "",
        "accepted_on": case.accepted_on.isoformat(),
        "amount": str(debt.amount),
        "creditor": str(debt.creditor),
        "due_on": debt.due_on.isoformat() if debt.due_on else "",
    }


def _event_row(case_id: str, event: Event) -> dict[str, str]:
    return {
        "case_id": case_id,
        "date": event.on.isoformat(),
        "kind": str(event.kind),
        "amount": str(event.amount) if event.amount else "",
        "ground": event.ground or "",
    }


def _writer(
    path: PathLike, columns: tuple[str, ...]
) -> tuple[IO[str], Callable[[dict[str, str]], None]]:
    handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by caller
    if is_jsonl(path):

        def write_json(row: dict[str, str]) -> None:
            obj: dict[str, object] = {k: v for k, v in row.items() if v != ""}
            if "amount" in obj:
                obj["amount"] = int(row["amount"])
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")

        return handle, write_json
    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    return handle, writer.writerow


def write_cases(cases: Iterable[Case], cases_path: PathLike, events_path: PathLike) -> int:
    """Write cases and their events in interchange format v1; returns the number of cases.

    Both files are written sorted by case_id (events in date order within a case), so
    that they can be read back as a streaming merge (``read_cases(..., sorted_input=True)``).
    """
    cases = sorted(cases, key=lambda case: case.case_id)
    case_handle, write_case = _writer(cases_path, CASE_COLUMNS + CASE_OPTIONAL)
    try:
        event_handle, write_event = _writer(events_path, EVENT_COLUMNS + EVENT_OPTIONAL)
        try:
            count = 0
            for case in cases:
                write_case(_case_row(case))
                for event in case.events:
                    write_event(_event_row(case.case_id, event))
                count += 1
        finally:
            event_handle.close()
    finally:
        case_handle.close()
    return count
