"""Small CSV files for the tests of sorted reading (byte ranges, the streaming merge):
a data set written sorted by case_id, and hand-written rows."""

from __future__ import annotations

import csv
from pathlib import Path

from thads.read._headings import CASE_COLUMNS, CASE_OPTIONAL, EVENT_COLUMNS, EVENT_OPTIONAL
from thads.testing import Dataset

CASE_HEAD = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
)
EVENT_HEAD = "case_id,date,kind,amount,ground\n"


def write_sorted(data: Dataset, folder: str) -> tuple[Path, Path]:
    """The data set's rows sorted by case_id (stable), as sorted files are written."""
    paths = Path(folder, "cases.csv"), Path(folder, "events.csv")
    tables = (
        (data.case_rows, CASE_COLUMNS + CASE_OPTIONAL),
        (data.event_rows, EVENT_COLUMNS + EVENT_OPTIONAL),
    )
    for path, (rows, columns) in zip(paths, tables, strict=True):
        ordered = sorted(rows, key=lambda row: str(row.get("case_id") or ""))
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
            writer.writeheader()
            writer.writerows(ordered)
    return paths


def case_line(case_id: str, amount: int = 100) -> str:
    """A valid case row accepted on 04/11/2024, owing ``amount`` đồng."""
    return f"{case_id},P01,E1,active,civil,,,2024-11-04,{amount},state\n"


def collected_line(case_id: str) -> str:
    """An event row: 10 đồng collected on 02/12/2024."""
    return f"{case_id},2024-12-02,collected,10,\n"


def write_files(folder: str, cases: str | bytes, events: str | bytes) -> tuple[Path, Path]:
    """cases.csv and events.csv in ``folder``, as given (text is written as UTF-8)."""
    c, e = Path(folder, "cases.csv"), Path(folder, "events.csv")
    c.write_bytes(cases.encode("utf-8") if isinstance(cases, str) else cases)
    e.write_bytes(events.encode("utf-8") if isinstance(events, str) else events)
    return c, e


def write_collected(folder: str, case_ids: list[str], event_ids: list[str]) -> tuple[Path, Path]:
    """A case row for each of ``case_ids`` and a collection for each of ``event_ids``."""
    return write_files(
        folder,
        CASE_HEAD + "".join(map(case_line, case_ids)),
        EVENT_HEAD + "".join(map(collected_line, event_ids)),
    )
