"""The columnar reader (engine="pyarrow", issue 24) gives what the row reader gives: the
same cases, the same rejected rows (file, line, field, reason, code), the same counts,
on generated valid and invalid data sets and on the files' odd cases."""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engines import same
from thads.cli import main
from thads.errors import InvalidRecordError, MissingExtraError
from thads.read import CaseReader, RowError, read_cases
from thads.testing import Dataset, datasets, invalid_datasets

pytest.importorskip("pyarrow")

COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pyarrow(cases: Path, events: Path | None, **options: Any) -> CaseReader:
    return read_cases(cases, events, engine="pyarrow", **options)


@COMMON
@given(datasets(max_size=12), st.sampled_from(["csv", "jsonl"]))
def test_valid_data_sets_read_thesame(data: Dataset, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases, events = data.write(folder, suffix=suffix)
        got, rejected, counts = same(cases, events)
        assert got == list(data.cases)  # the data set's own expectation, not the engine's
        assert rejected == []
        assert counts[cases.name][:3] == (len(data.case_rows), len(data.case_rows), 0)
        if suffix == "csv":  # written as write_cases writes: read by columns, not row by row
            assert _pyarrow(cases, events)._plan() is not None  # type: ignore[attr-defined]


@COMMON
@given(invalid_datasets(), st.sampled_from(["csv", "jsonl"]))
def test_invalid_data_sets_reject_the_same_rows(data: Dataset, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases, events = data.write(folder, suffix=suffix)
        for policy in ("hold_case", "drop_event"):
            _, _, counts = same(cases, events, on_bad_event=policy)
            for name, (read, accepted, refused, _blank) in counts.items():
                assert read == accepted + refused, name
        _, rejected, counts = same(cases, events)
        header = suffix == "csv"
        for expected in data.rejections:
            assert any(expected.matches(row, header=header) for row in rejected), expected


def _files(folder: str, cases: str, events: str) -> tuple[Path, Path]:
    c, e = Path(folder) / "cases.csv", Path(folder) / "events.csv"
    c.write_bytes(cases.encode("utf-8"))
    e.write_bytes(events.encode("utf-8"))
    return c, e


HEAD = "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,accepted_on,amount,creditor\n"  # noqa: E501
EHEAD = "case_id,date,kind,amount,ground\n"


def test_odd_rows_go_back_through_the_row_reader() -> None:
    """Quotes, Vietnamese labels, spaces, a duplicate, an orphan, a bad ground, an event
    out of order and one before acceptance: rejected (or read) as the row reader does."""
    cases = (
        HEAD + 'c1,P01,"E1, tổ 2",active,civil,"1/2024, BA",2024-01-02,2024-02-01,100,state\n'
        "c2,P01,E1,Chủ động,Dân sự,,,2024-02-01,100,Nhà nước\n"
        " c3 ,P01,E1,active,civil,,,2024-02-01,100,state\n"
        "c4,P01,E1,active,civil,,,2024-02-01,100,state\n"
        "c4,P01,E1,active,civil,,,2024-02-01,100,state\n"
        "c5,P01,E1,active,civil,,,01/02/2024,100,state\n"
        "c6,P01,E1,active,civil,,,2024-02-01,100,state\n"
        "c7,P01,E1,active,civil,,,2024-02-01,100,state\n"
    )
    events = (
        EHEAD + "c1,2024-03-01,collected,40,\n"
        "c2,2024-03-01,thu được,40,\n"
        "c3,2024-03-01,postponed,,48.1.c\n"
        "c4,2024-03-01,completed,,\n"
        "c5,2024-03-01,completed,,\n"
        "c6,2024-03-01,postponed,,48.9.z\n"
        "c6,2024-03-05,collected,10,\n"
        "c7,2024-01-01,collected,10,\n"
        "c9,2024-03-01,completed,,\n"
        "c1,2024-02-15,collected,70,\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases, events)
        for policy in ("hold_case", "drop_event"):
            got, rejected, counts = same(c, e, on_bad_event=policy)
        got, rejected, counts = same(c, e)
        # c1: 70 + 40 > 100, held; c4 twice: the second is a duplicate; c5: a dd/mm/yyyy
        # date; c6: no such ground, held; c7: an event before acceptance, held
        assert [case.case_id for case in got] == ["c2", "c3", "c4"]
        assert got[0].executor == "E1" and got[1].case_id == "c3"
        where = {(Path(r.file).name, r.line) for r in rejected}
        assert ("cases.csv", 6) in where and ("events.csv", 10) in where  # duplicate, orphan
        assert counts["cases.csv"] == (8, 3, 5, 0)


@pytest.mark.parametrize(
    ("cases_text", "events_text"),
    [
        (HEAD + "c1,P,E,active,civil,,,2024-02-01,5,state\n\n", EHEAD),  # a blank line
        (  # blank lines between rows, one of them CR LF, in both files
            HEAD + "c1,P,E,active,civil,,,2024-02-01,5,state\r\n\r\n"
            "c2,P,E,active,civil,,,2024-02-01,5,state\r\n",
            EHEAD + "c1,2024-03-01,collected,5,\n\nc2,2024-03-01,collected,5,\n",
        ),
        ("\ufeff" + HEAD + "c1,P,E,active,civil,,,2024-02-01,5,state\r\n", EHEAD),  # BOM, CRLF
        (HEAD + 'c1,P,E,active,civil,"a\nb",,2024-02-01,5,state\n', EHEAD),  # a line break
        (HEAD + "c1,P,E,active,civil,,,2024-02-01,5\n", EHEAD),  # a short row
        (HEAD.replace("office", "Đơn vị"), EHEAD),  # a Vietnamese heading
        (HEAD + ",,,,,,,,,\nc1,P,E,active,civil,,,2024-02-01,5,state\n", EHEAD),  # blank row
        (HEAD + 'c1,P,E,active,civil,"x"y,,2024-02-01,5,state\n', EHEAD),  # a stray quote
        (HEAD + "c1,P,E,active,civil,,,2024-02-01,0x10,state\n", EHEAD),  # hexadecimal
        (  # a ground is read under the law in force on its day (48.1.c, then 46.1.c)
            HEAD + "".join(f"c{k},P,E,active,civil,,,2026-01-05,9,state\n" for k in range(4)),
            EHEAD
            + "c0,2026-05-01,postponed,,48.1.c\nc1,2026-08-01,postponed,,48.1.c\n"
            + "c2,2026-05-01,postponed,,46.1.c\nc3,2026-08-01,postponed,,46.1.c\n",
        ),
        (HEAD + "c1,P,E,active,civil,,,2024-02-01,-0,state\n", EHEAD),  # a signed zero
        (  # amounts Arrow cannot cast among blank ones and digits
            HEAD + "c1,P,E,active,civil,,,2024-02-01,5000,state\n"
            "c2,P,E,active,civil,,,2024-02-01,1.000,state\n",
            EHEAD + "c1,2024-03-01,collected,1.000,\nc1,2024-03-02,enforceable,,\n"
            "c1,2024-03-03,collected,12,\nc2,2024-03-01,enforceable,,\n",
        ),
        (  # a byte-order mark, a quoted comma, no line break at the end
            "\ufeff" + HEAD + 'c1,P,E,active,civil,"1/2024, BA",,2024-02-01,5,state',
            EHEAD + 'c1,2024-03-01,collected,"5",',
        ),
        (  # texts Arrow would take for null by default: read as the texts they are
            HEAD + "c1,NA,N/A,active,civil,NULL,,2024-02-01,5,state\n",
            EHEAD + "c1,2024-03-01,postponed,,NULL\nc1,2024-03-02,enforceable,,null\n",
        ),
        (
            HEAD + "c1,P,E,active,civil,,,2024-02-01,99,state\n",
            EHEAD + "c1,2024-03-01,collected,0x9,\nc1,2024-03-01,collected,+9,\n",
        ),
    ],
)
def test_odd_files_read_thesame(cases_text: str, events_text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(folder, cases_text, events_text)
        same(c, e)


def test_sorted_input_strict_and_no_events() -> None:
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(
            folder,
            HEAD
            + "c1,P,E,active,civil,,,2024-02-01,5,state\n"
            + "c2,P,E,active,civil,,,2024-02-01,x,state\n",
            EHEAD + "c1,2024-03-01,collected,5,\n",
        )
        same(c, e, sorted_input=True)
        same(c, None)
        with pytest.raises(RowError) as row_error:
            list(read_cases(c, e, strict=True))
        with pytest.raises(RowError) as arrow_error:
            list(_pyarrow(c, e, strict=True))
        assert arrow_error.value.row == row_error.value.row


@settings(max_examples=10, deadline=None)
@given(datasets(min_size=3, max_size=12))
def test_shards_add_up_to_the_whole(data: Dataset) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases, events = data.write(folder)
        whole = _pyarrow(cases, events)
        ids = sorted(c.case_id for c in whole.compiled())
        parts = [whole.shard(i, 3) for i in range(3)]
        seen = sorted(c.case_id for part in parts for c in part.compiled())
        assert seen == ids
        total = sum(p.counts[str(events)].accepted for p in parts)
        assert total == len(data.event_rows)


def test_without_pyarrow_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"thads\[arrow\]"):
        read_cases("cases.csv", "events.csv", engine="pyarrow")


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(InvalidRecordError, match="python, pyarrow") as error:
        read_cases("cases.csv", "events.csv", engine="polars")  # type: ignore[arg-type]
    assert error.value.code == "value.unknown"


def test_thads_report_engine_pyarrow_prints_the_same_report(tmp_path: Path) -> None:
    data = Path(__file__).parents[2] / "docs" / "examples"
    outputs = []
    for engine in ("python", "pyarrow"):
        out, err = io.StringIO(), io.StringIO()
        args = ["report", "--cases", str(data / "cases.csv"), "--events",
                str(data / "events.csv"), "--year", "2024", "--engine", engine]  # fmt: skip
        assert main(args, out=out, err=err) == 0, err.getvalue()
        outputs.append((out.getvalue(), err.getvalue()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].strip()  # a report was printed


def test_value_options_read_thesame() -> None:
    """locale="vi" and zero_fraction: the row reader's own reading of values, kept."""
    with tempfile.TemporaryDirectory() as folder:
        c, e = _files(
            folder,
            HEAD
            + "c1,P,E,active,civil,,,01/02/2024,1.200,state\n"
            + "c2,P,E,active,civil,,,2024-02-01,7.0,state\n",
            EHEAD + "c1,05/03/2024,collected,200,\n",
        )
        for options in ({"locale": "vi"}, {"zero_fraction": True}, {}):
            got, _, _ = same(c, e, **options)
            assert len(got) == len(options)  # the option reads its value, or nothing


def test_a_json_reference_given_on_some_cases_only() -> None:
    """JSON Lines where one case gives a judgment reference and the others leave it out:
    the column holds nulls, read as no reference (the row reader's empty text), not as a
    crash (found by the engine's differential check through files)."""
    cases = (
        '{"case_id": "a1", "office": "P01", "executor": "E1", "mode": "active",'
        ' "judgment_kind": "civil", "accepted_on": "2024-02-01", "amount": 100,'
        ' "creditor": "state"}\n'
        '{"case_id": "a2", "office": "P01", "executor": "E1", "mode": "active",'
        ' "judgment_kind": "civil", "judgment_ref": " 12/2024/DS-ST ",'
        ' "accepted_on": "2024-02-01", "amount": 100, "creditor": "state"}\n'
    )
    events = '{"case_id": "a1", "date": "2024-03-01", "kind": "collected", "amount": 40}\n'
    with tempfile.TemporaryDirectory() as folder:
        c, e = Path(folder) / "cases.jsonl", Path(folder) / "events.jsonl"
        c.write_text(cases, encoding="utf-8")
        e.write_text(events, encoding="utf-8")
        got, rejected, _ = same(c, e)
    assert [case.judgment.ref for case in got] == ["", "12/2024/DS-ST"]
    assert rejected == []


def test_json_null_and_duplicate_case_ids_join_as_the_row_reader_joins() -> None:
    """The two files' case ids are hashed together: a null id (in either file) joins no
    case, an event of a duplicated id goes with its first row, and an id found only among
    the events is an orphan, as the row reader has it."""
    case = (
        '{{"case_id": {id}, "office": "P01", "executor": "E1", "mode": "active",'
        ' "judgment_kind": "civil", "accepted_on": "2024-02-01", "amount": 100,'
        ' "creditor": "state"}}\n'
    )
    cases = "".join(case.format(id=i) for i in ('"a1"', "null", '"a2"', '"a2"', '"a3"'))
    events = (
        '{"case_id": null, "date": "2024-03-01", "kind": "collected", "amount": 40}\n'
        '{"case_id": "a1", "date": "2024-03-01", "kind": "collected", "amount": 40}\n'
        '{"case_id": "a2", "date": "2024-03-01", "kind": "collected", "amount": 40}\n'
        '{"case_id": "z9", "date": "2024-03-01", "kind": "collected", "amount": 40}\n'
        '{"case_id": "a3", "date": "2024-03-02", "kind": "collected", "amount": 30}\n'
    )
    with tempfile.TemporaryDirectory() as folder:
        c, e = Path(folder) / "cases.jsonl", Path(folder) / "events.jsonl"
        c.write_text(cases, encoding="utf-8")
        e.write_text(events, encoding="utf-8")
        got, rejected, counts = same(c, e)
    # a1 and a3 with their collections; a2's first row (its event with it, 40 of 100
    # paid), its duplicate rejected; the null-id case, the null-id event and z9 rejected
    paid = [(x.case_id, [ev.amount for ev in x.events]) for x in got]
    assert paid == [("a1", [40]), ("a2", [40]), ("a3", [30])]
    assert counts["cases.jsonl"] == (5, 3, 2, 0)
    assert counts["events.jsonl"] == (5, 3, 2, 0)
    assert {(Path(r.file).name, r.line) for r in rejected} == {
        ("cases.jsonl", 2),
        ("cases.jsonl", 4),
        ("events.jsonl", 1),
        ("events.jsonl", 4),
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invalid_datasets())
def test_columns_read_in_many_chunks_read_thesame(data: Dataset) -> None:
    """Arrow parses in blocks and the columns stay in chunks (never put together): with
    blocks of a few rows, each column comes in many chunks and the outcome is unchanged."""
    import thads.read._arrow_files as files

    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        cases, events = data.write(folder, suffix="csv")
        patch.setattr(files, "BLOCK", 256)
        plan = _pyarrow(cases, events)._plan()  # type: ignore[attr-defined]
        if plan is not None and len(plan.columns[0]) > 4:
            assert plan.columns[0].num_chunks > 1  # the ids: read in several blocks
        same(cases, events)


def _case_rows(*ids: str) -> str:
    return HEAD + "".join(f"{i},P01,E1,active,civil,,,2024-02-01,100,state\n" for i in ids)


def _event_rows(*ids: str) -> str:
    return EHEAD + "".join(f"{i},2024-03-0{k % 9 + 1},collected,10,\n" for k, i in enumerate(ids))


@pytest.mark.parametrize(
    ("cases_text", "events_text", "in_order"),
    [
        (_case_rows("a", "b", "c"), _event_rows("a", "a", "b", "c", "c"), True),
        (_case_rows("a", "b", "c"), _event_rows("a", "a", "c", "c"), False),  # b: none
        (_case_rows("a", "b", "c"), _event_rows("a", "b", "bb", "c"), False),  # an orphan
        (_case_rows("a", "b", "b", "c"), _event_rows("a", "b", "c"), False),  # a duplicate
        (_case_rows("a", "b", "c", "a"), _event_rows("a", "b", "c"), False),  # one later
        (_case_rows("a", "b", "c"), _event_rows("a", "b", "a", "c"), False),  # split
        (_case_rows("b", "a", "c"), _event_rows("b", "a", "c"), False),  # not increasing
    ],
)
def test_files_in_case_order_join_without_a_hash(
    cases_text: str, events_text: str, in_order: bool
) -> None:
    """Files in case order (ids increasing, each case's events together, every case with
    some) are matched by comparing neighbours; every other arrangement (a case without
    events, an orphan, a duplicate, a split run, ids out of order) by the hash, and all
    read as the row reader reads them."""
    import thads.read._arrow as arrow

    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        c, e = _files(folder, cases_text, events_text)
        hashed: list[int] = []
        real = arrow.joined_codes

        def counted(*args: Any) -> Any:
            hashed.append(1)
            return real(*args)

        patch.setattr(arrow, "joined_codes", counted)
        same(c, e)
        assert (not hashed) == in_order


@pytest.mark.parametrize("text", [b"", b"\r\n" * 7, b"a\r\nb\r\r\n\n\rc\r\n", b"\r" * 5 + b"\n"])
def test_line_breaks_are_counted_across_slices(tmp_path: Path, text: bytes) -> None:
    """The mapped file is counted in slices; a CR LF cut by a slice's end still counts
    once (slices of 2 and 3 bytes here, against bytes.count)."""
    import thads.read._arrow_files as files

    file = tmp_path / "f.csv"
    file.write_bytes(b"x" + text)
    data = files.mapped(file)
    for size in (2, 3):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(files, "SLICE", size)
            for needle in (b"\r\n", b"\r", b"\n"):
                assert files.count_in(data, needle) == (b"x" + text).count(needle)
                assert files.count_in(data, needle, 1, len(data) - 1) == (
                    (b"x" + text)[1:-1].count(needle)
                )


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="Linux's list of mappings")
def test_the_files_are_unmapped_once_read(tmp_path: Path) -> None:
    """The files are mapped to be read and unmapped as soon as Arrow has copied them (a
    mapped file could not be replaced or deleted on Windows)."""
    c, e = _files(str(tmp_path), _case_rows("a", "b"), _event_rows("a", "b"))
    reader = _pyarrow(c, e)
    assert reader._plan() is not None  # type: ignore[attr-defined]
    maps = Path("/proc/self/maps").read_text()
    assert str(c) not in maps and str(e) not in maps
