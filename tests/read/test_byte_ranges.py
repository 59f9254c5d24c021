"""jobs=N on sorted files (issue 24): each part reads only its own byte range of both
files, and the parts add up to one pass: the same cases, the same rejected rows (file,
line, field, reason, code), the same counts, the same report."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thads
from thads.errors import InvalidRecordError
from thads.read import CaseReader, read_cases
from thads.read._headings import CASE_COLUMNS, CASE_OPTIONAL, EVENT_COLUMNS, EVENT_OPTIONAL
from thads.testing import Dataset, datasets, invalid_datasets

COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PERIOD = thads.StatisticalPeriod(2025, 6)


def _write_sorted(data: Dataset, folder: str) -> tuple[Path, Path]:
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


def _one_pass(reader: CaseReader) -> tuple[Any, ...]:
    cases = list(reader)
    counts = {k: (v.read, v.accepted, v.rejected, v.blank) for k, v in reader.counts.items()}
    return cases, reader.rejected, counts


def _parts(reader: CaseReader, count: int) -> tuple[Any, ...]:
    """The parts read one after the other, added up as the report adds them."""
    parts = [reader.shard(index, count) for index in range(count)]
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
        cases, events = _write_sorted(data, folder)
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
        cases, events = _write_sorted(data, folder)
        one = thads.report(read_cases(cases, events, sorted_input=True), PERIOD)
        two = thads.report(read_cases(cases, events, sorted_input=True), PERIOD, jobs=2)
    assert two.rows == one.rows
    assert (two.read_rows, two.rejected_rows) == (one.read_rows, one.rejected_rows)


CASE_HEAD = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
)
EVENT_HEAD = "case_id,date,kind,amount,ground\n"


def _case(case_id: str, amount: int = 100) -> str:
    return f"{case_id},P01,E1,active,civil,,,2024-11-04,{amount},state\n"


def _files(folder: str, cases: str, events: str) -> tuple[Path, Path]:
    c, e = Path(folder, "cases.csv"), Path(folder, "events.csv")
    c.write_bytes(cases.encode("utf-8"))
    e.write_bytes(events.encode("utf-8"))
    return c, e


def test_a_case_given_many_times_is_never_cut_in_two() -> None:
    """c05 on 40 lines covers the middle of the file: one part takes them all, and
    rejects the 39 repeats as one pass does (not two parts each accepting one)."""
    ids = ["c01", "c02", "c03", "c04"] + ["c05"] * 40 + ["c06", "c07"]
    cases = CASE_HEAD + "".join(_case(i) for i in ids)
    events = EVENT_HEAD + "".join(f"{i},2024-12-02,collected,10,\n" for i in sorted(set(ids)))
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases, events)
        reader = read_cases(c, e, sorted_input=True)
        assert _cut_by_bytes(reader, 2)
        expected = _one_pass(reader)
        assert len(expected[0]) == 7 and len(expected[1]) == 39  # by hand: 46 rows, 7 ids
        assert _parts(reader, 2) == expected
        assert _parts(reader, 3) == expected


def test_blank_lines_and_windows_line_ends_keep_their_line_numbers() -> None:
    """CRLF line ends and blank lines: the parts count lines as one pass does, so a bad
    row in the second part is named by its line in the file (line 9 by hand)."""
    rows = [_case("c01"), _case("c02"), "\n", _case("c03"), _case("c04"), "\n", "\n"]
    rows += [_case("c05", amount=-5), _case("c06")]
    cases = (CASE_HEAD + "".join(rows)).replace("\n", "\r\n")
    events = (EVENT_HEAD + "c01,2024-12-02,collected,10,\nc06,2024-12-02,completed,,\n").replace(
        "\n", "\r\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases, events)
        reader = read_cases(c, e, sorted_input=True)
        assert _cut_by_bytes(reader, 2)
        expected = _one_pass(reader)
        assert [(r.line, r.field) for r in expected[1]] == [(9, "amount")]
        assert _parts(reader, 2) == expected


def test_quotes_fall_back_to_hash_parts() -> None:
    """A quoted field may hide a line break: such files are not cut by bytes, and the
    hash parts give one pass's result."""
    cases = CASE_HEAD + "".join(_case(f"c{i:02d}") for i in range(1, 9))
    cases = cases.replace("c03,P01,E1", 'c03,P01,"E1, tổ 2"')
    events = EVENT_HEAD + "c02,2024-12-02,collected,10,\n"
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases, events)
        reader = read_cases(c, e, sorted_input=True)
        assert not _cut_by_bytes(reader, 2)
        (got, *rest), (expected, *rest_expected) = _parts(reader, 2), _one_pass(reader)
        assert sorted(got, key=lambda c: c.case_id) == expected  # hash parts: another order
        assert rest == rest_expected


def test_events_out_of_order_across_a_cut_raise_what_one_pass_raises() -> None:
    """An event of c08 among those of c02: each part's own lines may look sorted, but
    the part holding it sees an id it does not own; the report then reads in one pass
    and raises one pass's error, with its line (4 by hand)."""
    cases = CASE_HEAD + "".join(_case(f"c{i:02d}") for i in range(1, 11))
    events = EVENT_HEAD + "".join(
        f"c{i:02d},2024-12-02,collected,10,\n" for i in (1, 2, 8, 3, 4, 5, 6, 7, 9, 10)
    )
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases, events)
        with pytest.raises(InvalidRecordError) as one:
            thads.report(read_cases(c, e, sorted_input=True), PERIOD)
        with pytest.raises(InvalidRecordError) as two:
            thads.report(read_cases(c, e, sorted_input=True), PERIOD, jobs=2)
    assert one.value.record.endswith("events.csv:5")
    assert str(two.value) == str(one.value)


def test_a_lone_carriage_return_falls_back_to_hash_parts() -> None:
    """The csv module ends a row at a lone carriage return: a file with one is not cut
    by bytes (its lines would be counted otherwise)."""
    cases = CASE_HEAD + "".join(_case(f"c{i:02d}") for i in range(1, 9))
    events = EVENT_HEAD + "c02,2024-12-02,collected,10,\rc03,2024-12-02,collected,10,\n"
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases, events)
        reader = read_cases(c, e, sorted_input=True)
        assert not _cut_by_bytes(reader, 2)
        (got, *rest), (expected, *rest_expected) = _parts(reader, 2), _one_pass(reader)
        assert sorted(got, key=lambda c: c.case_id) == expected
        assert rest == rest_expected


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
    cases = CASE_HEAD + "".join(_case(f"c{i:02d}") for i in range(1, 13))
    events = EVENT_HEAD + "".join(f"c{i:02d},2024-12-02,collected,10,\n" for i in (3, 1, 12, 7))
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases, events)
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
