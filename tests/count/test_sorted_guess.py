"""Files that look sorted by case_id are counted through the streaming merge without
``sorted_input`` (CaseReader.as_sorted), and through the event index after all when
the merge finds them out of order: the report, the rejected rows and the counts are
always what the event index gives."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thads
from sorted_files import (
    CASE_HEAD,
    EVENT_HEAD,
    case_line,
    collected_line,
    write_collected,
    write_files,
    write_sorted,
)
from thads.errors import InvalidRecordError
from thads.read import CaseReader, read_cases
from thads.testing import Dataset, datasets, invalid_datasets

PERIOD = thads.StatisticalPeriod(2025, 6)


def _counted(reader: CaseReader, **options: Any) -> tuple[Any, ...]:
    """The report of ``reader`` with what the reader says of its rows after it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # RejectedRowsWarning: the counts say it
        rep = thads.report(reader, PERIOD, **options)
    counts = {
        Path(k).name: (v.read, v.accepted, v.rejected, v.blank) for k, v in reader.counts.items()
    }
    return rep.rows, rep.read_rows, rep.rejected_rows, reader.rejected, counts


def _by_index(reader: CaseReader, **options: Any) -> tuple[Any, ...]:
    """The same count with the guess turned off: the event index."""
    with mock.patch.object(CaseReader, "as_sorted", return_value=None):
        return _counted(reader, **options)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(datasets(max_size=12), invalid_datasets()),
    st.sampled_from(["hold_case", "drop_event"]),
)
def test_a_report_through_the_merge_is_the_report_through_the_index(
    data: Dataset, policy: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases, events = write_sorted(data, folder)
        merged = read_cases(cases, events, on_bad_event=policy)  # type: ignore[arg-type]
        indexed = read_cases(cases, events, on_bad_event=policy)  # type: ignore[arg-type]
        assert _counted(merged) == _by_index(indexed)


def test_files_written_sorted_are_read_by_the_merge() -> None:
    """By hand: 30 cases, a collection of 10 on each: the guess holds, the merge reads
    them, and the report counts 30 cases and 300 đồng collected."""
    ids = [f"c{i:02d}" for i in range(1, 31)]
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_collected(folder, ids, ids)
        reader = read_cases(c, e)
        view = reader.as_sorted()
        assert view is not None and view.sorted_input and not reader.sorted_input
        rep = thads.report(reader, PERIOD, by="national")
        assert reader.counts[str(c)].accepted == 30 and reader.counts[str(e)].accepted == 30
    total = rep.rows[0].current
    assert total is not None and total.cases.accepted == 30 and total.money.completed == 300


def test_files_that_only_look_sorted_are_counted_through_the_index() -> None:
    """c1500's event among the first ones, where no sampled line looks: the merge
    refuses c0006 after it (line 8 by hand: the header, five events, c1500's), and the
    report counts through the index what the index alone counts: 2000 cases, 20000 đồng
    collected, nothing rejected."""
    ids = [f"c{i:04d}" for i in range(1, 2001)]
    moved = [*ids[:5], "c1500", *ids[5:1499], *ids[1500:]]
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_collected(folder, ids, moved)
        reader = read_cases(c, e)
        view = reader.as_sorted()
        assert view is not None
        with pytest.raises(InvalidRecordError) as refused:
            list(view)
        assert refused.value.code == "file.not_sorted"
        assert refused.value.record.endswith("events.csv:8")
        got = _counted(reader, by="national")
        assert got == _by_index(read_cases(c, e), by="national")
        assert got[1:3] == (4000, 0)  # 2000 case rows and 2000 events read, none rejected
        assert reader.counts[str(e)].read == 2000 and reader.rejected == []
    total = got[0][0].current
    assert total is not None and total.cases.accepted == 2000 and total.money.completed == 20000


def test_what_does_not_look_sorted_is_not_guessed(tmp_path: Path) -> None:
    ids = [f"c{i:02d}" for i in range(1, 31)]
    c, e = write_collected(str(tmp_path), ids, ids)
    assert read_cases(c, e, strict=True).as_sorted() is None  # the first error could differ
    assert read_cases(c, e, sorted_input=True).as_sorted() is None  # already
    assert read_cases(c).as_sorted() is None  # no events file
    backwards = tmp_path / "backwards.csv"
    backwards.write_text(EVENT_HEAD + "".join(map(collected_line, ids[::-1])))
    assert read_cases(c, backwards).as_sorted() is None  # sampled lines out of order


def _quoted_reference(folder: Path, reference: str) -> tuple[Path, Path]:
    """30 cases c01..c30 with a collection each, c05's reference written quoted."""
    ids = [f"c{i:02d}" for i in range(1, 31)]
    _, events = write_collected(str(folder), ids, ids)
    quoted = folder / "quoted.csv"
    rows = "".join(case_line(i) for i in ids)
    quoted.write_text(
        CASE_HEAD
        + rows.replace("c05,P01,E1,active,civil,,", f'c05,P01,E1,active,civil,"{reference}",')
    )
    return quoted, events


def test_quoted_fields_are_guessed_and_read_by_the_merge(tmp_path: Path) -> None:
    """A quoted reference with a comma (c05): the guess does not scan the whole file, so
    the merge reads it to the end (the reader is still guessed sorted after the report:
    a merge that gave way would have turned the guess off) and gives the index's report.
    By hand: 30 cases, 300 đồng collected, 60 rows read, none rejected."""
    quoted, e = _quoted_reference(tmp_path, "BA 12, HN")
    reader = read_cases(quoted, e)
    got = _counted(reader, by="national")
    assert reader.as_sorted() is not None  # the merge did not give way
    assert got == _by_index(read_cases(quoted, e), by="national")
    total = got[0][0].current
    assert total is not None and total.money.completed == 300
    assert got[1:3] == (60, 0)


def test_a_quoted_line_break_is_counted_as_the_index_counts(tmp_path: Path) -> None:
    """A quoted reference with a line break (c05, lines 6–7): guessed sorted all the same,
    but line 7 (its id 'HN"' sorts before c05) makes the merge give way, and the report
    counts through the index. By hand: fields are single-line, so lines 6 and 7 are each
    a rejected row and c05's event has no case row: 29 cases and 290 đồng collected; 61
    rows read (31 lines of cases, 30 events), 3 rejected."""
    quoted, e = _quoted_reference(tmp_path, "BA 12,\nHN")
    reader = read_cases(quoted, e)
    assert reader.as_sorted() is not None  # only a guess: the merge checks every row
    got = _counted(reader, by="national")
    assert reader.as_sorted() is None  # the merge gave way: not guessed again
    assert got == _by_index(read_cases(quoted, e), by="national")
    total = got[0][0].current
    assert total is not None and total.money.completed == 290
    assert got[1:3] == (61, 3)
    assert [(Path(r.file).name, r.line, r.field) for r in got[3]] == [
        ("quoted.csv", 6, "*"),
        ("quoted.csv", 7, "*"),
        ("events.csv", 6, "case_id"),
    ]


def test_a_rejected_case_row_out_of_order_is_refused_by_the_merge() -> None:
    """Review case: c0050's case row is bad (month 13) and placed after c0150's (line
    151 by hand: the header, then 149 rows). The
    index rejects c0050's event as "its case row was rejected" (case.rejected); the
    merge, which had already taken that event as having no case, refuses the order, and
    the report gives the index's rows."""
    ids = [f"c{i:04d}" for i in range(1, 201)]
    rows = [case_line(i) for i in ids if i != "c0050"]
    rows.insert(149, case_line("c0050").replace("2024-11-04", "2024-13-45"))
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(
            folder, CASE_HEAD + "".join(rows), EVENT_HEAD + "".join(map(collected_line, ids))
        )
        view = read_cases(c, e).as_sorted()
        assert view is not None
        with pytest.raises(InvalidRecordError) as refused:
            list(view)
        assert refused.value.code == "file.not_sorted"
        got = _counted(read_cases(c, e))
        assert got == _by_index(read_cases(c, e))
    codes = sorted((Path(r.file).name, r.line, r.code) for r in got[3])
    assert [(name, line) for name, line, _ in codes] == [("cases.csv", 151), ("events.csv", 51)]
    assert codes[0][2].startswith("date.") and codes[1][2] == "case.rejected"


def test_progress_never_goes_back_when_the_merge_gives_way() -> None:
    """25.000 cases, one event of c00005 near the end: the merge counts 20.000 cases
    before it finds it; the index then counts them again, and progress is told only
    what is new: 10.000, 20.000, 25.000 (as the index alone tells it)."""
    ids = [f"c{i:05d}" for i in range(1, 25001)]
    moved = [*ids[:24000], "c00005", *ids[24000:]]
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_collected(folder, ids, moved)
        reader = read_cases(c, e)
        assert reader.as_sorted() is not None
        told: list[int] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            thads.report(reader, PERIOD, progress=told.append)
        assert reader.as_sorted() is None  # found out: the next report goes to the index
    assert told == [10_000, 20_000, 25_000]


def test_parts_word_a_ground_s_forms_as_one_reading_does() -> None:
    """Review case: unknown grounds on c0010 and c0190, one in each half. One reading
    lists the accepted forms with the first only; so do two parts added up, also in the
    held case rows that quote the reasons."""
    ids = [f"c{i:04d}" for i in range(1, 201)]
    events = "".join(
        collected_line(i) + (f"{i},2025-01-10,suspended,,zzz\n" if i in ("c0010", "c0190") else "")
        for i in ids
    )
    with tempfile.TemporaryDirectory() as folder:
        c, e = write_files(
            folder, CASE_HEAD + "".join(case_line(i) for i in ids), EVENT_HEAD + events
        )
        assert read_cases(c, e).shard(0, 2, by_range=True)._bounds is not None
        two = _counted(read_cases(c, e), jobs=2)
        one = _by_index(read_cases(c, e))
    assert two == one
    listed = [r for r in one[3] if r.field == "ground"]
    assert len(listed) == 2
    assert "as listed with the first ground" not in listed[0].reason
    assert "as listed with the first ground" in listed[1].reason
    held = [r for r in one[3] if r.code == "case.held" and "c0190" in r.record]
    assert held and "as listed with the first ground" in held[0].reason
