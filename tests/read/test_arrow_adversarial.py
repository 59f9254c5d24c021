"""Adversarial inputs for the pyarrow engine (review of the mapped files, dictionaries,
chunks, the in-order join, grounds by law, plain_ascii, amounts and the blocked sweep):
each read by both engines, whose outcomes (cases, rejected rows, counts, reports) must be
equal. The first three tests hold the disagreements the review found (all on JSON
Lines), fixed since."""

from __future__ import annotations

import datetime
import random
import warnings
from pathlib import Path
from typing import Any

import pytest

from engines import same
from thads import StatisticalPeriod, read_cases, reports

pytest.importorskip("pyarrow")

HEAD = "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,accepted_on,amount,creditor\n"  # noqa: E501
EHEAD = "case_id,date,kind,amount,ground\n"
OK_CASE = "{id},P01,E1,active,civil,,,2024-02-01,100,state"
PERIODS = [
    StatisticalPeriod(2024, 6),
    StatisticalPeriod(2024, 12),
    StatisticalPeriod(2026, 12),
    StatisticalPeriod(2027, 3),
]


def _reports(cases: Path, events: Path, engine: str, by: Any = "office") -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = read_cases(cases, events, engine=engine)  # type: ignore[arg-type]
            return reports(reader, PERIODS, by=by, allow_last_known=True)
        except Exception as error:  # the same error from both, or a difference
            return (type(error).__name__, str(error))


def _same_reports(cases: Path, events: Path, by: Any = "office") -> Any:
    row = _reports(cases, events, "python", by)
    assert _reports(cases, events, "pyarrow", by) == row
    return row


def _write(folder: Path, cases: str | bytes, events: str | bytes, suffix: str = "csv") -> Any:
    c, e = folder / f"cases.{suffix}", folder / f"events.{suffix}"
    c.write_bytes(cases.encode("utf-8") if isinstance(cases, str) else cases)
    e.write_bytes(events.encode("utf-8") if isinstance(events, str) else events)
    return c, e


def _planned(cases: Path, events: Path | None) -> bool:
    """True if the pyarrow engine reads the files by columns (not row by row)."""
    return read_cases(cases, events, engine="pyarrow")._plan() is not None  # type: ignore[attr-defined]


def _cases(*ids: str) -> str:
    return HEAD + "".join(OK_CASE.format(id=i) + "\n" for i in ids)


# ---------------------------------------------------------------------------------------
# disagreements the review found, fixed


def _json_case(case_id: str) -> str:
    return (
        f'{{"case_id": {case_id}, "office": "P01", "executor": "E1", "mode": "active",'
        ' "judgment_kind": "civil", "accepted_on": "2024-02-01", "amount": 100,'
        ' "creditor": "state"}'
    )


JSON_EVENT = '{"case_id": "a1", "date": "2024-03-01", "kind": "collected", "amount": 40}\n'


@pytest.mark.parametrize(
    ("cases", "events"),
    [
        (_json_case("null") + "\n", '{"case_id": null, "date": "2024-03-01"}\n'),
        ('{"office": "P01"}\n', '{"date": "2024-03-01", "kind": "postponed"}\n'),  # no key
    ],
)
def test_json_all_case_ids_null_in_both_files(tmp_path: Path, cases: str, events: str) -> None:
    """Every case id and every event id null (or absent): the hash of the ids gives no
    code at all, and both rows are rejected (this crashed with an IndexError)."""
    c, e = _write(tmp_path, cases, events, "jsonl")
    _, rejected, counts = same(c, e)
    assert counts["cases.jsonl"] == (1, 0, 1, 0) and len(rejected) == 2


@pytest.mark.parametrize("blank", ["\n", "   \n"])
def test_json_two_objects_on_one_line(tmp_path: Path, blank: str) -> None:
    """Arrow reads two objects on one line as two rows and skips a blank line: together
    they kept the row count equal to the line count, and both objects were accepted. A
    JSON Lines file with a blank line is now the row reader's whole."""
    cases = _json_case('"a1"') + " " + _json_case('"a2"') + "\n" + blank
    c, e = _write(tmp_path, cases, JSON_EVENT, "jsonl")
    got, _, counts = same(c, e)
    assert got == [] and counts["cases.jsonl"][1] == 0  # the row reader's outcome


@pytest.mark.parametrize(
    "odd",
    [
        '{"case_id": ""}',
        '{"case_id": "", "office": " ", "judgment_ref": null}',
        '{"case_id": "", "amount": 100}',
    ],
)
def test_json_empty_case_id_is_not_a_blank_line(tmp_path: Path, odd: str) -> None:
    """An object with an empty case_id is a row without its id (rejected), not a blank
    line: only a CSV row of empty fields is blank."""
    c, e = _write(tmp_path, _json_case('"a1"') + "\n" + odd + "\n", JSON_EVENT, "jsonl")
    _, rejected, counts = same(c, e)
    assert counts["cases.jsonl"] == (2, 1, 1, 0)
    assert [(r.line, r.code) for r in rejected] == [(2, "text.empty")]


# ---------------------------------------------------------------------------------------
# inputs on which the engines agree (each asserts something about the outcome too)


@pytest.mark.parametrize(
    ("cases", "events", "accepted"),
    [
        (  # a byte-order mark and a blank line after the header
            "\ufeff" + HEAD + "\n" + OK_CASE.format(id="c1") + "\n",
            EHEAD + "c1,2024-03-01,collected,40,\n",
            1,
        ),
        (  # a blank-looking row (commas only) next to a real blank line
            HEAD + ",,,,,,,,,\n\n" + OK_CASE.format(id="c1") + "\n",
            EHEAD + "c1,2024-03-01,collected,40,\n",
            1,
        ),
        (  # commas-only rows and no blank line: Arrow reads it, the rows count as blank
            HEAD + ",,,,,,,,,\n" + OK_CASE.format(id="c1") + "\n,,,,,,,,,\n",
            EHEAD + ",,,,\nc1,2024-03-01,collected,40,\n,,,,",
            1,
        ),
        (  # CR LF with a blank line at the very end (and one inside the events)
            (HEAD + OK_CASE.format(id="c1") + "\n\n").replace("\n", "\r\n"),
            (EHEAD + "c1,2024-03-01,collected,40,\n\n").replace("\n", "\r\n"),
            1,
        ),
        (  # a row with an empty id but a value: not blank, rejected by both
            HEAD + ",P01,,,,,,,,\n" + OK_CASE.format(id="c1") + "\n",
            EHEAD + "c1,2024-03-01,collected,40,\n",
            1,
        ),
        (  # null-like texts in dictionary fields: texts, never null
            HEAD + "c1,NA,null,active,civil,,,2024-02-01,100,state\n"
            "c2,NULL,N/A,active,civil,,,2024-02-01,100,state\n"
            "c3,,E1,active,civil,,NA,2024-02-01,100,state\n" + OK_CASE.format(id="c4") + "\n",
            EHEAD + "c1,2024-03-01,postponed,,null\nc2,2024-03-01,collected,NA,\n"
            "c1,2024-03-02,resumed,,\n",
            1,
        ),
        (  # quoted values in dictionary columns (and a quoted comma)
            HEAD
            + 'c1,"P01","E,1","active",civil,,,"2024-02-01",100,"state"\n'
            + 'c2,"P01",E1,active,"civil",,"",2024-02-01,"100",state\n',
            EHEAD + 'c1,"2024-03-01","collected","40",""\nc2,2024-03-01,postponed,,"48.1.c"\n',
            2,
        ),
        (  # no line break at the end of either file
            HEAD + OK_CASE.format(id="c1"),
            EHEAD + "c1,2024-03-01,collected,40,",
            1,
        ),
        (  # a stray NUL byte: the file goes to the row reader
            HEAD + OK_CASE.format(id="c1") + "\n" + OK_CASE.format(id="c\x002") + "\n",
            EHEAD + "c1,2024-03-01,collected,40,\n",
            2,  # "c\x002" is an id like any other
        ),
    ],
)
def test_file_framing(tmp_path: Path, cases: str, events: str, accepted: int) -> None:
    c, e = _write(tmp_path, cases, events)
    got, _, _ = same(c, e)
    assert len(got) == accepted


@pytest.mark.parametrize("block", [128, 256])
def test_many_chunks_with_dictionaries_quotes_and_grounds(tmp_path: Path, block: int) -> None:
    """Many chunks (per-chunk dictionaries merged), quoted fields, grounds on both sides
    of 01/07/2026, duplicates and orphans: the same outcome and the same reports."""
    import thads.read._arrow_files as files

    offices = ["P01", "P02", '"P03"', "P01 ", "Đơn vị"]
    rows, events = [], []
    for k in range(60):
        office = offices[k % len(offices)]
        rows.append(f"c{k:03d},{office},E{k % 3},active,civil,,,2024-02-01,{100 + k},state")
        events.append(f"c{k:03d},2024-03-01,collected,{k % 7 + 1},")
        day = ["2026-06-30", "2026-07-01"][k % 2]
        ground = ["48.1.c", "46.1.c", "48.1.a", ""][k % 4]
        events.append(f"c{k:03d},{day},postponed,,{ground}")
    rows.append(OK_CASE.format(id="c007"))  # a duplicate
    events.append("c999,2024-03-01,collected,5,")  # an orphan
    c, e = _write(tmp_path, HEAD + "\n".join(rows) + "\n", EHEAD + "\n".join(events) + "\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files, "BLOCK", block)
        plan = read_cases(c, e, engine="pyarrow")._plan()  # type: ignore[attr-defined]
        assert plan is not None and plan.columns[0].num_chunks > 1
        got, rejected, _ = same(c, e)
        assert len(got) == 60 and rejected  # c007's second row: a duplicate
        _same_reports(c, e)
        _same_reports(c, e, by="executor")


@pytest.mark.parametrize(
    ("case_ids", "event_ids"),
    [
        (["a", "b", "c"], ["a", "b", "b", "c"]),  # the in-order join, taken
        (["a", "b", "c"], ["a", "b", " b", "c"]),  # " b" sorts first, cleans to b
        (["a", "b", "c"], ["a", "b", "b ", "c"]),  # "b " after b, cleans to b
        (["a", "b", "c"], ["a", "b\u200b", "c"]),  # an invisible character
        (["a", " b", "c"], ["a", "b", "c"]),  # the case's id needs cleaning
        (["a", "b", "c"], ["a", "a", "c", "b"]),  # b's run after c
        (["a", "b", "b", "c"], ["a", "b", "c"]),  # a duplicate within increasing ids
        (["B", "a", "b"], ["B", "a", "b"]),  # upper case sorts first as bytes
        (["c\u00e9", "z"], ["ce\u0301", "z"]),  # NFC case id, NFD event id
        (["ce\u0301", "z"], ["c\u00e9", "z"]),  # NFD case id, NFC event id
        (["c\u00e9", "ce\u0301"], ["c\u00e9", "ce\u0301"]),  # both forms as cases
        (["\uffff", "\U00010000"], ["\uffff", "\U00010000"]),  # orders: bytes, code points
        (["a", "b"], ["\uff41", "b"]),  # fullwidth a: not a (NFC, not NFKC)
        (["", "a", "b"], ["", "a", "b"]),  # an empty id in both files
        (["a", "b", "c"], ["a", "b", "c", "c"]),  # the last run longer
        (["a", "b"], ["a", "b", "c"]),  # an orphan at the end, in order
    ],
)
def test_ids_near_the_in_order_join(
    tmp_path: Path, case_ids: list[str], event_ids: list[str]
) -> None:
    events = EHEAD + "".join(
        f"{i},2024-03-{k % 9 + 1:02d},collected,10,\n" for k, i in enumerate(event_ids)
    )
    c, e = _write(tmp_path, _cases(*case_ids), events)
    assert _planned(c, e)
    got, rejected, counts = same(c, e)
    assert counts["cases.csv"][0] == len(case_ids)
    assert len(got) + len({(r.file, r.line) for r in rejected if "cases" in r.file}) <= len(
        case_ids
    )
    _same_reports(c, e)


@pytest.mark.parametrize(
    "events",
    [
        [
            "c1,2024-03-05,collected,10,",
            "c1,2024-03-01,collected,10,",
            "c2,2024-03-01,collected,5,",
        ],
        ["c1,2024-03-01,collected,10,", "c2,2024-03-01,collected,5,", "c2,2024-02-20,reduced,5,"],
        ["c1,2024-03-01,completed,,", "c1,2024-03-01,collected,10,", "c2,2024-03-01,collected,5,"],
        ["c1,2024-03-01,collected,10,", "c1,2024-03-01,completed,,", "c2,2024-03-01,completed,,"],
        ["c1,2024-01-31,collected,10,", "c2,2024-03-01,collected,5,"],  # before acceptance
        ["c1,2024-02-01,collected,10,", "c2,2024-03-01,collected,5,"],  # on acceptance
        ["c1,2024-03-01,collected,60,", "c1,2024-03-02,collected,40,", "c2,2024-03-01,reduced,5,"],
        ["c1,2024-03-01,collected,60,", "c1,2024-03-02,collected,41,", "c2,2024-03-01,reduced,5,"],
    ],
)
def test_events_nearly_in_order(tmp_path: Path, events: list[str]) -> None:
    c, e = _write(tmp_path, _cases("c1", "c2"), EHEAD + "\n".join(events) + "\n")
    assert _planned(c, e)
    got, _, _ = same(c, e)
    for case in got:
        days = [ev.on for ev in case.events]
        assert days == sorted(days)
    _same_reports(c, e)


@pytest.mark.parametrize(
    ("case_amount", "event_amount"),
    [
        ("100", "007"),
        ("0100", "10"),
        ("000000000000000000000100", "10"),
        ("999999999999999", "999999999999999"),  # 15 digits: the fast path
        ("1000000000000000", "10"),  # 16 digits: the row reader
        ("9223372036854775807", "10"),
        ("9223372036854775808", "10"),
        ("100", "+5"),
        ("+100", "5"),
        ("100", "-0"),
        ("-0", "5"),
        ("0", ""),
        ("100", " 5"),
        ("100", "5 "),
        ("100", "0x5"),
        ("100", "5.0"),
        ("100", "1e1"),
        ("100", "\u0665"),  # an Arabic-Indic five
        ("100", "0"),
    ],
)
def test_amounts(tmp_path: Path, case_amount: str, event_amount: str) -> None:
    cases = HEAD + f"c1,P01,E1,active,civil,,,2024-02-01,{case_amount},state\n"
    cases += OK_CASE.format(id="c2") + "\n"
    events = EHEAD + f"c1,2024-03-01,collected,{event_amount},\nc1,2024-03-02,enforceable,,\n"
    events += f"c2,2024-03-01,enforceable,{event_amount},\nc2,2024-03-02,collected,5,\n"
    c, e = _write(tmp_path, cases, events)
    _, _, counts = same(c, e)
    assert counts["events.csv"][0] == 4
    _same_reports(c, e)


@pytest.mark.parametrize("day", ["2026-06-30", "2026-07-01"])
@pytest.mark.parametrize("ground", ["48.1.c", "46.1.c", "48.1.a", "46.1.a", " 48.1.c", "48.1.C"])
def test_grounds_on_either_side_of_the_new_law(tmp_path: Path, day: str, ground: str) -> None:
    cases = _cases("c1", "c2", "c3")
    events = (
        EHEAD + f"c1,{day},postponed,,{ground}\n"
        "c2,2026-06-30,postponed,,48.1.c\nc2,2026-07-01,postponed,,46.1.c\n"
        f"c3,{day},suspended,,{ground}\nc3,2026-08-01,resumed,,\n"
    )
    c, e = _write(tmp_path, cases, events)
    got, _, _ = same(c, e)
    assert "c2" in [case.case_id for case in got]
    _same_reports(c, e)


def test_json_nulls_in_every_field_but_some_ids(tmp_path: Path) -> None:
    nulls = (
        '{"case_id": null, "office": null, "executor": null, "mode": null,'
        ' "judgment_kind": null, "judgment_ref": null, "judgment_effective": null,'
        ' "accepted_on": null, "amount": null, "creditor": null, "due_on": null}\n'
    )
    cases = nulls + _json_case('"a1"') + "\n" + _json_case('"a2"').replace("100", "null") + "\n"
    events = (
        '{"case_id": null, "date": null, "kind": null, "amount": null, "ground": null}\n'
        + JSON_EVENT
        + '{"case_id": "a1", "date": "2024-03-02", "kind": "enforceable", "amount": null,'
        ' "ground": null}\n'
    )
    c, e = _write(tmp_path, cases, events, "jsonl")
    assert _planned(c, e)
    got, _, counts = same(c, e)
    assert [case.case_id for case in got] == ["a1"]
    assert counts["cases.jsonl"] == (3, 1, 2, 0)
    _same_reports(c, e)


@pytest.mark.parametrize("block", [1, 2, 3])
def test_reports_in_blocks_of_a_few_events(tmp_path: Path, block: int) -> None:
    """sweep_columns in blocks of 1-3 events (cases with none, with many, postponements
    by ground and law, entrusted after a payment, closings) counts what the row reader's
    cases count."""
    import thads.count._engine as engine

    ids = [f"c{k:02d}" for k in range(12)]
    cases = _cases(*ids).replace("P01,E1", "P02,E2", 5)
    ev = [
        "c00,2024-03-01,collected,10,", "c00,2024-11-02,postponed,,48.1.c",
        "c00,2026-07-02,resumed,,", "c00,2026-10-05,entrusted,,",
        "c02,2023-12-01,collected,10,", "c02,2024-10-01,completed,,",
        "c03,2024-06-30,postponed,,48.1.a", "c03,2026-07-01,postponed,,46.1.a",
        "c04,2024-03-01,suspended,,", "c04,2025-01-01,resumed,,",
        "c04,2025-02-01,collected,100,",
        "c05,2024-10-01,entrusted,,",
        "c06,2026-06-30,postponed,,48.1.c", "c06,2026-07-01,collected,50,",
        "c06,2026-10-01,entrusted,,",
        "c07,2024-03-01,unenforceable,,", "c07,2026-11-01,reduced,30,",
        "c08,2024-04-01,terminated,,48.2.a",
        "c09,2025-09-30,collected,1,", "c09,2025-10-01,collected,1,",
        "c11,2024-02-01,postponed,,48.1.c", "c11,2024-02-01,resumed,,",
    ]  # fmt: skip
    c, e = _write(tmp_path, cases, EHEAD + "\n".join(ev) + "\n")
    baseline = _same_reports(c, e)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "_BLOCK_EVENTS", block)
        assert _same_reports(c, e) == baseline
        assert _same_reports(c, e, by=("office", "executor")) == _reports(
            c, e, "python", ("office", "executor")
        )
    assert not isinstance(baseline, tuple)  # reports were counted, not an error


# ---------------------------------------------------------------------------------------
# a small seeded differential search (the same generator ran ~20.000 seeds in review)

_IDS = ["c1", "c2", "c10", "a", "B", " c1", "c1 ", "c\u00e91", "ce\u03011", "c1\u200b", "",
        "c 1", '"c,1"', "0", "c1\t"]  # fmt: skip
_NOISE = {
    1: ["P01", "P01 ", "NA", "null", "", '"P01"', "Đơn vị", '"P,1"'],
    2: ["E1", "E1 ", "", "NULL"],
    3: ["active", "on_request", " active", "ACTIVE", "Chủ động", ""],
    4: ["civil", "criminal", "Dân sự", ""],
    5: ["", "1/2024", " x ", '"a, b"', "r\u00e9f"],
    6: ["", "2024-2-1", "2024-02-30", "2026-07-01"],
    7: ["2024-02-01", "", " 2024-02-01", "01/02/2024", "2026-06-30"],
    8: ["100", "0", "007", "+5", "-0", " 5", "0x10", "1000000000000000", "", "5.0"],
    9: ["state", "private", "Nhà nước", ""],
}
_GOOD = ["", "P01", "E1", "active", "civil", "", "", "2024-02-01", "100", "state"]
_KINDS = ["collected", "postponed", "suspended", "resumed", "enforceable", "unenforceable",
          "reduced"]  # fmt: skip
_CLOSING = ["completed", "terminated", "entrusted", "withdrawn", "separate_register"]
_ODD_EVENT = {
    1: ["2024-13-01", "", "2024-01-15", "2026-06-30", "2026-07-01"],
    2: ["thu được", "", "COLLECTED", "completed"],
    3: ["", "0", "007", "+5", "-0", " 5", "x"],
    4: ["", "48.1.c", "46.1.c", " 48.1.c", "NULL", "48.9.z"],
}


def _generated(rng: random.Random) -> tuple[str, str]:
    noise = rng.choice([0.0, 0.05, 0.2])
    ordered = rng.random() < 0.5
    if ordered:
        ids = sorted(rng.sample([f"c{k}" for k in range(10)], rng.randint(0, 6)))
    else:
        ids = [rng.choice([*_IDS, "c3", "c4"]) for _ in range(rng.randint(0, 6))]
    rows = []
    for case_id in ids:
        fields = [case_id, *_GOOD[1:]]
        for k, pool in _NOISE.items():
            if rng.random() < noise:
                fields[k] = rng.choice(pool)
        rows.append(",".join(fields))
    event_ids = [i for i in ids for _ in range(rng.randint(1, 3))] if ordered else [
        rng.choice([*ids, *_IDS]) if ids else rng.choice(_IDS) for _ in range(rng.randint(0, 8))
    ]  # fmt: skip
    erows = []
    for case_id in event_ids:
        kind = rng.choice(_KINDS)
        offset = rng.choice([0, 30, 200, 400, 880, 881, 1000]) + rng.randint(0, 3)
        day = (datetime.date(2024, 2, 1) + datetime.timedelta(days=offset)).isoformat()
        amount = rng.choice(["10", "40"]) if kind in ("collected", "reduced") else ""
        ground = rng.choice(["48.1.c", "46.1.c", "48.1.a", ""]) if kind == "postponed" else ""
        fields = [case_id, day, kind, amount, ground]
        for k, pool in _ODD_EVENT.items():
            if rng.random() < noise:
                fields[k] = rng.choice(pool)
        erows.append(",".join(fields))
    if erows and rng.random() < 0.3:
        k = rng.randrange(len(erows))
        parts = erows[k].split(",")
        parts[2:4] = [rng.choice(_CLOSING), ""]
        erows[k] = ",".join(parts)

    def text(head: str, lines: list[str]) -> str:
        lines = [head.rstrip("\n"), *lines]
        if rng.random() < noise:
            lines.insert(rng.randint(1, len(lines)), "")
        if rng.random() < noise:
            lines.insert(rng.randint(1, len(lines)), "," * head.count(","))
        newline = "\r\n" if rng.random() < 0.2 else "\n"
        out = newline.join(lines) + (newline if rng.random() < 0.8 else "")
        return ("\ufeff" + out) if rng.random() < 0.15 else out

    return text(HEAD, rows), text(EHEAD, erows)


@pytest.mark.parametrize("start", range(0, 120, 40))
def test_generated_files_read_and_count_thesame(tmp_path: Path, start: int) -> None:
    import thads.count._engine as engine
    import thads.read._arrow_files as files

    planned = 0
    for seed in range(start, start + 40):
        rng = random.Random(seed)
        cases, events = _generated(rng)
        c, e = _write(tmp_path, cases, events)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(files, "BLOCK", rng.choice([files.BLOCK, 64, 128]))
            patch.setattr(engine, "_BLOCK_EVENTS", rng.choice([engine._BLOCK_EVENTS, 1, 2]))
            planned += _planned(c, e)
            same(c, e)
            if seed % 4 == 0:
                _same_reports(c, e)
    assert planned >= 10  # the columnar path was taken, not only the row reader
