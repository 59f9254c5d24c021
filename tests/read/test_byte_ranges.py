"""jobs=N on sorted files (issue 24): each part reads only its own byte range of both
files, and the parts add up to one pass: the same cases, the same rejected rows (file,
line, field, reason, code), the same counts, the same report."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thads
from sorted_files import (
    CASE_HEAD,
    EVENT_HEAD,
    case_line,
    collected_line,
    write_files,
    write_sorted,
)
from thads.errors import InvalidRecordError
from thads.read import CaseReader, read_cases
from thads.testing import Dataset, datasets, invalid_datasets

COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PERIOD = thads.StatisticalPeriod(2025, 6)


def _one_pass(reader: CaseReader) -> tuple[Any, ...]:
    cases = list(reader)
    counts = {k: (v.read, v.accepted, v.rejected, v.blank) for k, v in reader.counts.items()}
    return cases, reader.rejected, counts


def _parts(reader: CaseReader, count: int, by_range: bool | None = None) -> tuple[Any, ...]:
    """The parts read one after the other, added up as the report adds them."""
    parts = [reader.shard(index, count, by_range=by_range) for index in range(count)]
    cases = [case for part in parts for case in part]
    whole = reader.shard(0, 1)
    whole.counts, whole.rejected = {}, []
    for part in parts:
        whole.absorb(part)
    counts = {k: (v.read, v.accepted, v.rejected, v.blank) for k, v in whole.counts.items()}
    return cases, whole.rejected, counts


def _cut_by_bytes(reader: CaseReader, count: int) -> bool:
    return all(reader.shard(i, count)._bounds is not None for i in range(count))


def _or_error(read: Any) -> Any:
    """What ``read()`` gives, or the out-of-order error it raises (as text)."""
    try:
        return read()
    except InvalidRecordError as error:
        if error.code != "file.not_sorted":
            raise
        return str(error)


@COMMON
@given(
    st.one_of(datasets(max_size=12), invalid_datasets()),
    st.integers(2, 4),
    st.sampled_from(["hold_case", "drop_event"]),
)
def test_the_parts_add_up_to_one_pass(data: Dataset, count: int, policy: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases, events = write_sorted(data, folder)
        reader = read_cases(cases, events, sorted_input=True, on_bad_event=policy)  # type: ignore[arg-type]
        expected = _or_error(lambda: _one_pass(reader))
        if isinstance(expected, str):  # rows whose cleaned ids sort otherwise than raw
            assert _or_error(lambda: thads.report(reader, PERIOD, jobs=2)) == expected
            return
        cut = _cut_by_bytes(reader, count)
        if data.rule is None and b'"' not in cases.read_bytes() + events.read_bytes():
            assert cut  # valid and unquoted: the parts are byte ranges
        got = _or_error(lambda: _parts(reader, count))
        if isinstance(got, str):
            assert not cut  # hash parts of a sorted reader may see another order
            return
        if not cut:  # hash parts: the cases come part by part
            got = (
                sorted(got[0], key=lambda c: [e.case_id for e in expected[0]].index(c.case_id)),
                *got[1:],
            )
        assert got == expected


@COMMON
@given(datasets(min_size=3, max_size=12))
def test_report_with_two_jobs_is_the_report_of_one_pass(data: Dataset) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases, events = write_sorted(data, folder)
        one = thads.report(read_cases(cases, events, sorted_input=True), PERIOD)
        two = thads.report(read_cases(cases, events, sorted_input=True), PERIOD, jobs=2)
    assert two.rows == one.rows
    assert (two.read_rows, two.rejected_rows) == (one.read_rows, one.rejected_rows)


def test_a_case_given_many_times_is_never_cut_in_two() -> None:
    """c05 on 40 lines covers the middle of the file: one part takes them all, and
    rejects the 39 repeats as one pass does (not two parts each accepting one)."""
    ids = ["c01", "c02", "c03", "c04"] + ["c05"] * 40 + ["c06", "c07"]
    cases = CASE_HEAD + "".join(case_line(i) for i in ids)
    events = EVENT_HEAD + "".join(f"{i},2024-12-02,collected,10,\n" for i in sorted(set(ids)))
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        reader = read_cases(c, e, sorted_input=True)
        assert _cut_by_bytes(reader, 2)
        expected = _one_pass(reader)
        assert len(expected[0]) == 7 and len(expected[1]) == 39  # by hand: 46 rows, 7 ids
        assert _parts(reader, 2) == expected
        assert _parts(reader, 3) == expected


def test_blank_lines_and_windows_line_ends_keep_their_line_numbers() -> None:
    """CRLF line ends and blank lines: the parts count lines as one pass does, so a bad
    row in the second part is named by its line in the file (line 9 by hand)."""
    rows = [
        case_line("c01"),
        case_line("c02"),
        "\n",
        case_line("c03"),
        case_line("c04"),
        "\n",
        "\n",
    ]
    rows += [case_line("c05", amount=-5), case_line("c06")]
    cases = (CASE_HEAD + "".join(rows)).replace("\n", "\r\n")
    events = (EVENT_HEAD + "c01,2024-12-02,collected,10,\nc06,2024-12-02,completed,,\n").replace(
        "\n", "\r\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        reader = read_cases(c, e, sorted_input=True)
        assert _cut_by_bytes(reader, 2)
        expected = _one_pass(reader)
        assert [(r.line, r.field) for r in expected[1]] == [(9, "amount")]
        assert _parts(reader, 2) == expected


def _hash_parts_are_one_pass(reader: Any) -> None:
    """The files are not cut by bytes, and the hash parts add up to one pass (their
    cases in another order)."""
    assert not _cut_by_bytes(reader, 2)
    (got, *rest), (expected, *rest_expected) = _parts(reader, 2), _one_pass(reader)
    assert sorted(got, key=lambda c: c.case_id) == expected
    assert rest == rest_expected


def test_quotes_fall_back_to_hash_parts() -> None:
    """A quoted field may hide a line break: such files are not cut by bytes, and the
    hash parts give one pass's result."""
    cases = CASE_HEAD + "".join(case_line(f"c{i:02d}") for i in range(1, 9))
    cases = cases.replace("c03,P01,E1", 'c03,P01,"E1, tổ 2"')
    events = EVENT_HEAD + "c02,2024-12-02,collected,10,\n"
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        _hash_parts_are_one_pass(read_cases(c, e, sorted_input=True))


def test_events_out_of_order_across_a_cut_raise_what_one_pass_raises() -> None:
    """An event of c08 among those of c02: each part's own lines may look sorted, but
    the part holding it sees an id it does not own; the report then reads in one pass
    and raises one pass's error, with its line (4 by hand)."""
    cases = CASE_HEAD + "".join(case_line(f"c{i:02d}") for i in range(1, 11))
    events = EVENT_HEAD + "".join(
        f"c{i:02d},2024-12-02,collected,10,\n" for i in (1, 2, 8, 3, 4, 5, 6, 7, 9, 10)
    )
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        with pytest.raises(InvalidRecordError) as one:
            thads.report(read_cases(c, e, sorted_input=True), PERIOD)
        with pytest.raises(InvalidRecordError) as two:
            thads.report(read_cases(c, e, sorted_input=True), PERIOD, jobs=2)
    assert one.value.record.endswith("events.csv:5")
    assert str(two.value) == str(one.value)


def test_a_lone_carriage_return_falls_back_to_hash_parts() -> None:
    """The csv module ends a row at a lone carriage return: a file with one is not cut
    by bytes (its lines would be counted otherwise)."""
    cases = CASE_HEAD + "".join(case_line(f"c{i:02d}") for i in range(1, 9))
    events = EVENT_HEAD + "c02,2024-12-02,collected,10,\rc03,2024-12-02,collected,10,\n"
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        _hash_parts_are_one_pass(read_cases(c, e, sorted_input=True))


# --- hash parts (files not sorted): only the part's lines are parsed, same result -------


@COMMON
@given(
    st.one_of(datasets(max_size=12), invalid_datasets()),
    st.integers(2, 4),
    st.sampled_from(["hold_case", "drop_event"]),
    st.sampled_from(["csv", "jsonl"]),
)
def test_hash_parts_add_up_to_one_pass(data: Dataset, count: int, policy: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases, events = data.write(folder, suffix=fmt)
        reader = read_cases(cases, events, on_bad_event=policy)  # type: ignore[arg-type]
        expected = _one_pass(reader)
        got = _parts(reader, count)
    order = [c.case_id for c in expected[0]]
    assert sorted(got[0], key=lambda c: order.index(c.case_id)) == expected[0]
    assert got[1:] == expected[1:]


def test_hash_parts_parse_only_their_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain file: each part's rows are its own case ids (by hand: 12 cases in 3 parts,
    every case once), with their lines as in the whole file, and only the part's lines
    are parsed (the own-lines scan is what the parts read through)."""
    import thads.read._sources as sources

    made: list[object] = []

    class Counted(sources._OwnLines):
        def __init__(self, *args: Any) -> None:
            made.append(self)
            super().__init__(*args)

    monkeypatch.setattr(sources, "_OwnLines", Counted)
    cases = CASE_HEAD + "".join(case_line(f"c{i:02d}") for i in range(1, 13))
    events = EVENT_HEAD + "".join(f"c{i:02d},2024-12-02,collected,10,\n" for i in (3, 1, 12, 7))
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        reader = read_cases(c, e)
        seen: dict[str, int] = {}
        for index in range(3):
            part = reader.shard(index, 3)
            lines = [line for line, _ in part._case_rows()]
            for case in part:
                seen[case.case_id] = index
            assert lines == sorted(lines)
        assert sorted(seen) == [f"c{i:02d}" for i in range(1, 13)]
        assert len(set(seen.values())) > 1  # the cases are spread over the parts
        assert made  # the lines were scanned, not parsed whole
        assert _parts(reader, 3)[1:] == _one_pass(reader)[1:]


# --- the review's inputs: where the parts once did not add up to one pass -------------
# (each test failed on the code as first reviewed)


def _report(c: Path, e: Path, jobs: int) -> Any:
    """The report's totals and rows, or the error it raises (code, text)."""
    try:
        rep = thads.report(read_cases(c, e, sorted_input=True), PERIOD, jobs=jobs)
    except InvalidRecordError as error:
        return error.code, str(error)
    return rep.read_rows, rep.rejected_rows, rep.rows


@pytest.mark.filterwarnings("ignore::Warning")
def test_an_untidy_event_id_seen_by_one_parts_bisection_mixes_byte_and_hash_parts() -> None:
    """``byte_range`` is decided per part: ``_first_at_least`` only bisects the events
    for the part's own ``low``/``high``, so an event id that is not clean ("c09 ", a
    trailing space; the reader cleans it to "c09" and one pass reads it fine) raises
    ``_UnsplittableError`` in parts 0 and 1 only. Those parts fall back to hash parts
    (every line, crc32) while part 2 keeps its byte range: the cases of part 2's range
    that hash to parts 0/1 are read twice. One pass: 30 cases, 60 rows read; jobs=3: 32
    cases, 64 rows read."""
    ids = [f"c{i:02d}" for i in range(1, 31)]
    cases = CASE_HEAD + "".join(case_line(i) for i in ids)
    events = EVENT_HEAD + "".join(collected_line(i + (" " if i == "c09" else "")) for i in ids)
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True)
        one, three = _report(c, e, 1), _report(c, e, 3)
        assert one[:2] == (60, 0)
        assert three[:2] == one[:2]
        assert three == one
        kinds = [reader.shard(i, 3)._bounds is not None for i in range(3)]
        assert len(set(kinds)) == 1, f"parts of one reading cut in two ways: {kinds}"


@pytest.mark.filterwarnings("ignore::Warning")
def test_a_rejected_row_before_a_cut_hides_unsorted_cases() -> None:
    """Cases c01, c02, c09, then a short (rejected) row c03, then c04..c06. One pass:
    'c04 comes after c09' (file.not_sorted). ``_cut`` only compares the id at the cut
    (c04) with the line just before it (the rejected c03), not with the largest id
    before, and the workers do not check case ids against their ``low``: both parts
    look sorted, so ``report(jobs=2)`` returns a report instead of one pass's error."""
    cases = (
        CASE_HEAD
        + "".join(case_line(i) for i in ("c01", "c02", "c09"))
        + "c03,P01,E1\n"
        + "".join(case_line(i) for i in ("c04", "c05", "c06"))
    )
    events = EVENT_HEAD + collected_line("c01")
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True)
        assert reader.shard(1, 2)._bounds == ("c04", None)  # cut by bytes, at c04
        one = _report(c, e, 1)
        assert one[0] == "file.not_sorted"
        assert _report(c, e, 2) == one


@pytest.mark.filterwarnings("ignore::Warning")
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
        + case_line("c01")
        + case_line("c50", amount=5)
        + "c30,P01,E1\n"
        + case_line("c50")
        + case_line("c60")
    )
    events = EVENT_HEAD + collected_line("c50")
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True)
        assert reader.shard(1, 2)._bounds == ("c50", None)  # cut by bytes, at line 5
        expected = _one_pass(reader)
        assert [x.case_id for x in expected[0]] == ["c01", "c60"]
        # part 0 sees c50 at its limit: it refuses to guess (CaseReader.shard says so)
        with pytest.raises(InvalidRecordError) as raised:
            _parts(reader, 2)
        assert raised.value.code == "file.not_sorted"
        assert _report(c, e, 2) == _report(c, e, 1)  # the report reads it in one pass


@pytest.mark.filterwarnings("ignore::Warning")
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
    rows = [case_line(i).encode() for i in ids]
    rows[k + 3] = rows[k + 3].replace(b"E1", b"E\xff")
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, CASE_HEAD.encode() + b"".join(rows), EVENT_HEAD.encode())
        reader = read_cases(c, e, sorted_input=True)
        assert reader.shard(0, 2)._bounds is not None
        one = _report(c, e, 1)
        assert one[0] == "file.not_sorted"
        assert _report(c, e, 2) == one


@pytest.mark.filterwarnings("ignore::Warning")
def test_strict_meets_an_event_without_case_id_where_one_pass_meets_it() -> None:
    """strict=True, cases c07, c20, c26 (c26 a short row), events c07, a row with no
    case_id (line 3), c26. One pass meets the id-less event while taking c07's events
    and raises 'events.csv:3 ... case_id is missing' (text.empty); hash parts give the
    same (an unreadable id goes to part 0). ``_first_at_least`` gives lines without an
    id to the part after them (here part 1, owning c26), so part 0 never sees the row
    and part 1 first fails on its short case row: report(jobs=2) raises
    'cases.csv:4 ... has 3 fields' (row.width) instead."""
    cases = CASE_HEAD + case_line("c07") + case_line("c20") + "c26,P01,E1\n"
    events = (
        EVENT_HEAD + collected_line("c07") + ",2024-12-02,collected,10,\n" + collected_line("c26")
    )

    def first_error(c: Path, e: Path, jobs: int) -> tuple[str, str] | None:
        try:
            thads.report(read_cases(c, e, sorted_input=True, strict=True), PERIOD, jobs=jobs)
        except InvalidRecordError as error:
            return error.code, str(error)
        return None

    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases.encode(), events.encode())
        reader = read_cases(c, e, sorted_input=True, strict=True)
        assert reader.shard(1, 2)._bounds == ("c26", None)  # cut by bytes
        one = first_error(c, e, 1)
        assert one is not None and one[0] == "text.empty"
        assert first_error(c, e, 2) == one


@COMMON
@given(
    st.one_of(datasets(max_size=12), invalid_datasets()),
    st.sampled_from(["hold_case", "drop_event"]),
    st.booleans(),
)
def test_the_streaming_merge_reads_sorted_files_as_the_index_does(
    data: Dataset, policy: str, strict: bool
) -> None:
    """The merge of sorted files (sorted_input=True) and the event index give the same
    cases, rejected rows and counts, or raise the same first error in strict mode (or
    the merge finds the files unsorted, as rows whose cleaned ids sort otherwise can be)."""
    with tempfile.TemporaryDirectory() as folder:
        cases, events = write_sorted(data, folder)

        def read(**options: Any) -> Any:
            reader = read_cases(cases, events, on_bad_event=policy, strict=strict, **options)  # type: ignore[arg-type]
            try:
                return _one_pass(reader)
            except InvalidRecordError as error:
                return error.code, str(error)

        merged = read(sorted_input=True)
        if isinstance(merged, tuple) and merged[0] == "file.not_sorted":
            return
        assert merged == read()


# --- files that only look sorted: a reader without sorted_input, jobs=N ----------------


@COMMON
@given(
    st.one_of(datasets(max_size=12), invalid_datasets()),
    st.integers(2, 4),
    st.sampled_from(["hold_case", "drop_event"]),
)
def test_byte_ranges_of_an_unpromised_reader_add_up_to_one_pass(
    data: Dataset, count: int, policy: str
) -> None:
    """Files written sorted, read without sorted_input: when they can be cut, the parts
    (each read with the event index) give one pass's cases, rejected rows and counts, or
    a part refuses a row outside its ids (file.not_sorted), never another result."""
    with tempfile.TemporaryDirectory() as folder:
        cases, events = write_sorted(data, folder)
        reader = read_cases(cases, events, on_bad_event=policy)  # type: ignore[arg-type]
        expected = _one_pass(reader)
        if reader.shard(0, count, by_range=True)._bounds is None:
            return  # not cut (quotes, unclean ids, too few lines): by hash
        got = _or_error(lambda: _parts(reader, count, by_range=True))  # raises any other error
        if not isinstance(got, str):
            assert got == expected


def test_a_report_with_two_jobs_cuts_files_written_sorted_by_bytes() -> None:
    """By hand: 40 cases c01..c40, one collection of 10 each, no sorted_input: the
    parts are byte ranges, and the report is one pass's (40 cases, 400 collected)."""
    cases = CASE_HEAD + "".join(case_line(f"c{i:02d}") for i in range(1, 41))
    events = EVENT_HEAD + "".join(f"c{i:02d},2024-12-02,collected,10,\n" for i in range(1, 41))
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        reader = read_cases(c, e)
        assert not _cut_by_bytes(reader, 2)  # shard() keeps hash parts for this reader
        assert reader.shard(0, 2, by_range=True)._bounds is not None
        one = thads.report(read_cases(c, e), PERIOD, by="national")
        two = thads.report(reader, PERIOD, jobs=2, by="national")
    assert two.rows == one.rows
    total = one.rows[0].current
    assert total is not None and total.cases.accepted == 40
    assert total.money.completed == 400


def test_files_that_only_look_sorted_are_counted_by_hash_parts() -> None:
    """c1500's event sits among the first ones, where no sampled line looks: the files
    are cut, but the first part does not own c1500; the report then takes the parts by
    hash and counts what one pass counts (no error: the reader promised no order)."""
    ids = [f"c{i:04d}" for i in range(1, 2001)]
    shuffled = [*ids[:5], "c1500", *ids[5:1499], *ids[1500:]]
    cases = CASE_HEAD + "".join(case_line(i) for i in ids)
    events = EVENT_HEAD + "".join(f"{i},2024-12-02,collected,10,\n" for i in shuffled)
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(folder, cases, events)
        reader = read_cases(c, e)
        assert reader.shard(0, 2, by_range=True)._bounds is not None
        with pytest.raises(InvalidRecordError) as refused:
            _parts(reader, 2, by_range=True)
        assert refused.value.code == "file.not_sorted"
        assert refused.value.record.endswith("events.csv:7")  # by hand: header, 5 rows
        one = thads.report(read_cases(c, e), PERIOD, by="national")
        two = thads.report(reader, PERIOD, jobs=2, by="national")
    assert two.rows == one.rows
    assert two.rejected_rows == one.rejected_rows == 0
    total = two.rows[0].current
    assert total is not None and total.money.completed == 2000 * 10
