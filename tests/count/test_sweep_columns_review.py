"""Review of the columnar path (sweep_columns, ArrowCaseReader.case_columns): inputs where
the fast path did not give what the clear, case-by-case path gives (each test failed on
the code as first reviewed: one office written two ways was two groups, one lost)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

import thads
from thads import StatisticalPeriod
from thads.read import read_cases

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

HEADER = (
    "case_id,office,executor,mode,judgment_ref,judgment_kind,judgment_effective,"
    "accepted_on,amount,creditor,due_on\n"
)


def _rows(folder: Path, cases: str, by: str, engine: str | None, jobs: int = 1) -> Any:
    c, e = folder / "cases.csv", folder / "events.csv"
    c.write_text(HEADER + cases, encoding="utf-8")
    e.write_text("case_id,date,kind,amount,ground\n", encoding="utf-8")
    reader = read_cases(c, e, **({"engine": engine} if engine else {}))
    out = thads.report(reader, StatisticalPeriod(2025, 9), by=by, jobs=jobs)  # type: ignore[arg-type]
    return [(r.code, r.current, r.previous) for r in out.rows], out.read_rows, out.rejected_rows


@pytest.mark.parametrize("by", ["office", "executor"])
def test_two_spellings_of_one_office_are_one_group(tmp_path: Path, by: str) -> None:
    """Input: two cases accepted 11/2024, office "A" (c1, 100 owed) and "A " with a
    trailing space (c2, 200 owed); the reader cleans both to office "A".
    Clear (row engine, case by case): group A has 2 new cases, 300 đồng; VN has 2.
    Fast (engine="pyarrow", sweep_columns): the two raw spellings are two group indices
    with the same label "A", and sweep_columns *overwrites* result.cases[("A", year)]
    with the second one: A has 1 case (200 đồng), and VN 1 case although 2 rows were
    read and none rejected (a silent miscount). Cause: _Plan.as_columns makes labels
    per distinct raw text, not per decoded value (src/thads/read/_arrow.py as_columns),
    and sweep_columns assigns rather than adds per label."""
    cases = (
        "c1,A,A-1,on_request,r1,civil,,2024-11-01,100,private,\n"
        "c2,A ,A-1,on_request,r2,civil,,2024-11-02,200,private,\n"
    )
    clear = _rows(tmp_path, cases, by, None)
    assert _rows(tmp_path, cases, by, "pyarrow") == clear


def test_nfc_and_nfd_office_names_are_one_group(tmp_path: Path) -> None:
    """Input: two cases accepted 11/2024 of office "Hà Nội", one written in NFC, one in
    NFD (both clean to the NFC name). Clear: group "Hà Nội" has 2 cases, VN 2. Fast
    (pyarrow, jobs=1 and jobs=2): "Hà Nội" 1 case, VN 1 case (one case lost)."""
    nfc = "Hà Nội"
    nfd = unicodedata.normalize("NFD", nfc)
    cases = (
        f"c1,{nfc},X-1,on_request,r1,civil,,2024-11-01,100,private,\n"
        f"c2,{nfd},X-1,on_request,r2,civil,,2024-11-02,200,private,\n"
    )
    clear = _rows(tmp_path, cases, "office", None)
    assert _rows(tmp_path, cases, "office", "pyarrow") == clear
    assert _rows(tmp_path, cases, "office", "pyarrow", jobs=2) == clear


def test_two_spellings_of_one_executor_are_one_group(tmp_path: Path) -> None:
    """Input: two cases of office B accepted 11/2024, executor "X-1" and "X-1 " (both
    clean to "X-1"), grouped by executor. Clear: B/X-1 has 2 cases, B 2, VN 2. Fast
    (pyarrow): the pairs (B, X-1) appear twice among the labels and the second
    overwrites the first: B/X-1 1 case, B 1, VN 1."""
    cases = (
        "c1,B,X-1,on_request,r1,civil,,2024-11-01,100,private,\n"
        'c2,B,"X-1 ",on_request,r2,civil,,2024-11-02,200,private,\n'
    )
    clear = _rows(tmp_path, cases, "executor", None)
    assert _rows(tmp_path, cases, "executor", "pyarrow") == clear
