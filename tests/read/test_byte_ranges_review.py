"""Review of the byte-range parts (jobs=N on sorted files): inputs where the parts did not
add up to one pass (each test failed on the code as first reviewed)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

import thads
from thads.errors import InvalidRecordError
from thads.read import read_cases

PERIOD = thads.StatisticalPeriod(2025, 6)
CASE_HEAD = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
)
EVENT_HEAD = "case_id,date,kind,amount,ground\n"

pytestmark = pytest.mark.filterwarnings("ignore::Warning")


def _case(case_id: str, amount: int = 100) -> str:
    return f"{case_id},P01,E1,active,civil,,,2024-11-04,{amount},state\n"


def _event(case_id: str) -> str:
    return f"{case_id},2024-12-02,collected,10,\n"


def _files(folder: str, cases: bytes, events: bytes) -> tuple[Path, Path]:
    c, e = Path(folder, "cases.csv"), Path(folder, "events.csv")
    c.write_bytes(cases)
    e.write_bytes(events)
    return c, e


def _one_pass(reader: Any) -> tuple[Any, ...]:
    cases = list(reader)
    counts = {k: (v.read, v.accepted, v.rejected, v.blank) for k, v in reader.counts.items()}
    return cases, reader.rejected, counts


def _parts(reader: Any, count: int) -> tuple[Any, ...]:
    parts = [reader.shard(index, count) for index in range(count)]
    cases = [case for part in parts for case in part]
    whole = reader.shard(0, 1)
    whole.counts, whole.rejected = {}, []
    for part in parts:
        whole.absorb(part)
    counts = {k: (v.read, v.accepted, v.rejected, v.blank) for k, v in whole.counts.items()}
    return cases, whole.rejected, counts


def _report(c: Path, e: Path, jobs: int) -> Any:
    """The report's totals and rows, or the error it raises (code, text)."""
    try:
        rep = thads.report(read_cases(c, e, sorted_input=True), PERIOD, jobs=jobs)
    except InvalidRecordError as error:
        return error.code, str(error)
    return rep.read_rows, rep.rejected_rows, rep.rows


def test_an_untidy_event_id_seen_by_one_parts_bisection_mixes_byte_and_hash_parts() -> None:
    """``byte_range`` is decided per part: ``_first_at_least`` only bisects the events
    for the part's own ``low``/``high``, so an event id that is not clean ("c09 ", a
    trailing space; the reader cleans it to "c09" and one pass reads it fine) raises
    ``_UnsplittableError`` in parts 0 and 1 only. Those parts fall back to hash parts
    (every line, crc32) while part 2 keeps its byte range: the cases of part 2's range
    that hash to parts 0/1 are read twice. One pass: 30 cases, 60 rows read; jobs=3: 32
    cases, 64 rows read."""
    ids = [f"c{i:02d}" for i in range(1, 31)]
    cases = CASE_HEAD + "".join(_case(i) for i in ids)
    events = EVENT_HEAD + "".join(_event(i + (" " if i == "c09" else "")) for i in ids)
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True)
        one, three = _report(c, e, 1), _report(c, e, 3)
        assert one[:2] == (60, 0)
        assert three[:2] == one[:2]
        assert three == one
        kinds = [reader.shard(i, 3)._bounds is not None for i in range(3)]
        assert len(set(kinds)) == 1, f"parts of one reading cut in two ways: {kinds}"


def test_a_rejected_row_before_a_cut_hides_unsorted_cases() -> None:
    """Cases c01, c02, c09, then a short (rejected) row c03, then c04..c06. One pass:
    'c04 comes after c09' (file.not_sorted). ``_cut`` only compares the id at the cut
    (c04) with the line just before it (the rejected c03), not with the largest id
    before, and the workers do not check case ids against their ``low``: both parts
    look sorted, so ``report(jobs=2)`` returns a report instead of one pass's error."""
    cases = (
        CASE_HEAD
        + "".join(_case(i) for i in ("c01", "c02", "c09"))
        + "c03,P01,E1\n"
        + "".join(_case(i) for i in ("c04", "c05", "c06"))
    )
    events = EVENT_HEAD + _event("c01")
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True)
        assert reader.shard(1, 2)._bounds == ("c04", None)  # cut by bytes, at c04
        one = _report(c, e, 1)
        assert one[0] == "file.not_sorted"
        assert _report(c, e, 2) == one


def test_a_case_given_again_after_a_rejected_smaller_row_is_accepted_twice() -> None:
    """Cases c01, c50 (amount 5), a short row c30 (rejected), c50 again, c60; an event
    c50 collected 10. One pass (no error: a rejected row's smaller id is let pass):
    the first c50 takes the event, is over-collected and held (case.held,
    amount.above_owed), the second c50 is a duplicate; accepted c01, c60. The cut falls
    at the second c50 (the line before it is c30): part 0 accepts the first c50 without
    its event, part 1 accepts the second c50 with it; accepted c01, c50, c50, c60 and
    the duplicate and hold are lost."""
    cases = (
        CASE_HEAD
        + _case("c01")
        + _case("c50", amount=5)
        + "c30,P01,E1\n"
        + _case("c50")
        + _case("c60")
    )
    events = EVENT_HEAD + _event("c50")
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True)
        assert reader.shard(1, 2)._bounds == ("c50", None)  # cut by bytes, at line 5
        expected = _one_pass(reader)
        assert [x.case_id for x in expected[0]] == ["c01", "c60"]
        # part 0 sees c50 at its limit: it refuses to guess (CaseReader.shard says so)
        with pytest.raises(InvalidRecordError) as raised:
            _parts(reader, 2)
        assert raised.value.code == "file.not_sorted"
        assert _report(c, e, 2) == _report(c, e, 1)  # the report reads it in one pass


def test_unsorted_cases_near_an_undecodable_byte_give_another_error_than_one_pass() -> None:
    """Cases c0000..c0399 with c0162/c0163 swapped (unsorted at line 165) and a byte
    0xFF three rows later (line 167). One pass meets the unsorted row first and raises
    file.not_sorted; part 0 reads its range through ``_range_text``, whose 8 KiB decode
    chunks start at the end of the header, not at byte 0, so its chunk holding line 165
    also holds the bad byte: it raises encoding.undecodable, which ``report`` does not
    re-read in one pass (only file.not_sorted is), so jobs=2 raises another error."""
    ids = [f"c{i:04d}" for i in range(400)]
    k = 162
    ids[k], ids[k + 1] = ids[k + 1], ids[k]
    rows = [_case(i).encode() for i in ids]
    rows[k + 3] = rows[k + 3].replace(b"E1", b"E\xff")
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, CASE_HEAD.encode() + b"".join(rows), EVENT_HEAD.encode())
        reader = read_cases(c, e, sorted_input=True)
        assert reader.shard(0, 2)._bounds is not None
        one = _report(c, e, 1)
        assert one[0] == "file.not_sorted"
        assert _report(c, e, 2) == one


def test_strict_meets_an_event_without_case_id_where_one_pass_meets_it() -> None:
    """strict=True, cases c07, c20, c26 (c26 a short row), events c07, a row with no
    case_id (line 3), c26. One pass meets the id-less event while taking c07's events
    and raises 'events.csv:3 ... case_id is missing' (text.empty); hash parts give the
    same (an unreadable id goes to part 0). ``_first_at_least`` gives lines without an
    id to the part after them (here part 1, owning c26), so part 0 never sees the row
    and part 1 first fails on its short case row: report(jobs=2) raises
    'cases.csv:4 ... has 3 fields' (row.width) instead."""
    cases = CASE_HEAD + _case("c07") + _case("c20") + "c26,P01,E1\n"
    events = EVENT_HEAD + _event("c07") + ",2024-12-02,collected,10,\n" + _event("c26")

    def first_error(c: Path, e: Path, jobs: int) -> tuple[str, str] | None:
        try:
            thads.report(read_cases(c, e, sorted_input=True, strict=True), PERIOD, jobs=jobs)
        except InvalidRecordError as error:
            return error.code, str(error)
        return None

    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True, strict=True)
        assert reader.shard(1, 2)._bounds == ("c26", None)  # cut by bytes
        one = first_error(c, e, 1)
        assert one is not None and one[0] == "text.empty"
        assert first_error(c, e, 2) == one
