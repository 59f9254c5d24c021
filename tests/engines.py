"""Both reading engines on the same files: their outcomes, asserted equal (the row
reader, engine="python", is the specification; engine="pyarrow" must give the same)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thads.read import read_cases


def outcome(reader: Any, compiled: bool = False) -> tuple[Any, ...]:
    """(cases, rejected rows, counts by file name) of a reader."""
    if compiled:
        cases: list[Any] = [
            (c.case_id, c.office, c.executor, c.mode, c.judgment_kind, c.creditor, c.timeline)
            for c in reader.compiled()
        ]
    else:
        cases = list(reader)
    counts = {
        Path(k).name: (v.read, v.accepted, v.rejected, v.blank) for k, v in reader.counts.items()
    }
    return cases, list(reader.rejected), counts


def same(cases: Path, events: Path | None, **options: Any) -> tuple[Any, ...]:
    """Both engines' outcome, as cases and as the engine's compiled cases, asserted
    equal; the row reader's."""
    row = outcome(read_cases(cases, events, **options))
    assert outcome(read_cases(cases, events, engine="pyarrow", **options)) == row
    assert outcome(read_cases(cases, events, engine="pyarrow", **options), compiled=True) == (
        outcome(read_cases(cases, events, **options), compiled=True)
    )
    return row
