"""Input as users have it (issue 9): each item with a hand-written file.

Every expected value here is read off the hand-written input: the line numbers are
counted in the text (the header is line 1), the amounts are the digits written.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

import pytest

from thads import InvalidRecordError, read_cases, read_records
from thads.errors import InvalidGroundError
from thads.law import parse_ground
from thads.read import InputEncodingError, RowError
from thads.records import clean

HEADER = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
)
EVENTS_HEADER = "case_id,date,kind,amount,ground\n"


def _files(
    tmp: Path, cases: str, events: str, *, encoding: str = "utf-8", suffix: str = "csv"
) -> tuple[Path, Path]:
    cp, ep = tmp / f"cases.{suffix}", tmp / f"events.{suffix}"
    cp.write_bytes(cases.encode(encoding))
    ep.write_bytes(events.encode(encoding))
    return cp, ep


def _counts_add_up(reader: object) -> None:
    for name, count in reader.counts.items():  # type: ignore[attr-defined]
        assert count.read == count.accepted + count.rejected, name


# --- legal grounds: an unreadable ground is a rejected row, read ones become codes -----


def test_grounds_written_the_vietnamese_way_are_read_into_one_code(tmp_path: Path) -> None:
    cases = HEADER + "".join(
        f"c{k},A,A-1,active,civil,,,2022-11-01,100,state\n" for k in range(1, 6)
    )
    events = EVENTS_HEADER + (
        'c1,2023-01-05,postponed,,"điểm c khoản 1 Điều 48"\n'
        "c2,2023-01-05,postponed,,Điều 48 khoản 1 điểm c\n"
        "c3,2023-01-05,postponed,,48(1)(c)\n"
        "c4,2023-01-05,postponed,,DIEM C KHOAN 1 DIEU 48 LUAT THADS\n"
        "c5,2023-01-05,suspended,,khoản 1 điều 49\n"
    )
    reader = read_cases(*_files(tmp_path, cases, events), strict=True)
    grounds = {c.case_id: c.events[0].ground for c in reader}
    assert grounds == {"c1": "48.1.c", "c2": "48.1.c", "c3": "48.1.c", "c4": "48.1.c", "c5": "49.1"}


def test_an_unreadable_ground_is_a_rejected_row_listing_the_accepted_forms(
    tmp_path: Path,
) -> None:
    cases = HEADER + "c1,A,A-1,active,civil,,,2022-11-01,100,state\n"
    events = EVENTS_HEADER + (
        "c1,2023-01-05,postponed,,điểm z khoản 9\n"  # line 2: cannot be read
        "c1,2023-01-06,postponed,,49.1\n"  # line 3: a suspension ground on a postponement
    )
    reader = read_cases(*_files(tmp_path, cases, events), on_bad_event="drop_event")
    assert next(iter(reader)).events == ()
    rows = {r.line: r for r in reader.rejected}
    assert rows[2].field == "ground"
    assert "accepted forms" in rows[2].reason and "48.1.c" in rows[2].reason
    assert rows[3].field == "ground" and "not of hoãn" in rows[3].reason
    with pytest.raises(RowError, match=r"events.csv:2: .*field 'ground'"):
        list(read_cases(*_files(tmp_path, cases, events), strict=True))
    with pytest.raises(InvalidGroundError):  # the same check, on its own
        parse_ground("điểm z khoản 9")


# --- headings -------------------------------------------------------------------------


def test_a_duplicate_column_is_an_error_not_the_last_one_wins(tmp_path: Path) -> None:
    cases = (
        "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
        "accepted_on,amount,creditor,amount\n"
        "c1,A,A-1,active,civil,,,2022-11-01,100000000,state,5\n"
    )
    cp, _ = _files(tmp_path, cases, EVENTS_HEADER)
    with pytest.raises(InvalidRecordError, match=r"duplicate column.*column 9.*column 11"):
        list(read_cases(cp))


def test_vietnamese_headings_and_a_columns_mapping(tmp_path: Path) -> None:
    cases = (
        "Mã việc,Cơ quan,Chấp hành viên,Hình thức,Loại bản án,Số bản án,Ngày hiệu lực,"
        "Ngày thụ lý,Số QĐ tiền,Người được thi hành án\n"
        "c1,A,A-1,Chủ động,Hình sự,1/2022/HS-ST,,2022-11-01,5000000,Ngân sách nhà nước\n"
        "c2,A,A-2,theo đơn,Kinh doanh  thương mại,,,2022-12-01,7000000,cá nhân\n"
    )
    events = (
        "Mã việc,Ngày,Loại sự kiện,Số QĐ tiền,Căn cứ\n"
        "c1,2023-01-05,Thu được,5000000,\n"
        "c1,2023-01-06,Thi hành xong,,\n"
        "c2,2023-01-05,Hoãn,,48.1.c\n"
    )
    cp, ep = _files(tmp_path, cases, events)
    reader = read_cases(cp, ep, columns={"Số QĐ tiền": "amount"}, strict=True)
    got = {c.case_id: c for c in reader}
    assert str(got["c1"].mode) == "active" and str(got["c2"].mode) == "on_request"
    assert str(got["c1"].judgment.kind) == "criminal"
    assert str(got["c2"].judgment.kind) == "business_commercial"
    assert str(got["c1"].debts[0].creditor) == "state"
    assert str(got["c2"].debts[0].creditor) == "private"
    assert got["c1"].amount == 5_000_000 and got["c2"].amount == 7_000_000
    assert [str(e.kind) for e in got["c1"].events] == ["collected", "completed"]
    assert got["c2"].events[0].ground == "48.1.c"


def test_unknown_headings_error_lists_found_and_expected(tmp_path: Path) -> None:
    cp, _ = _files(tmp_path, "Số,Đơn vị thi hành\nc1,A\n", EVENTS_HEADER)
    with pytest.raises(InvalidRecordError) as info:
        list(read_cases(cp))
    message = str(info.value)
    assert "headings found: ['Số', 'Đơn vị thi hành']" in message
    assert "expected case_id, office, executor" in message and "columns=" in message


def test_an_unknown_value_lists_every_accepted_form(tmp_path: Path) -> None:
    cases = HEADER + "c1,A,A-1,tự nguyện,civil,,,2022-11-01,100,state\n"
    reader = read_cases(*_files(tmp_path, cases, EVENTS_HEADER))
    assert list(reader) == []
    (row,) = reader.rejected
    assert row.field == "mode"
    assert "active (chủ động" in row.reason and "on_request (theo đơn" in row.reason


# --- quotes, blank rows, field sizes -----------------------------------------------------


def test_an_unclosed_quote_is_reported_where_it_opened(tmp_path: Path) -> None:
    cases = HEADER + (
        "c1,A,A-1,active,civil,,,2022-11-01,100,state\n"
        "c2,A,A-1,active,civil,,,2022-11-01,100,state\n"
    )
    events = EVENTS_HEADER + (
        'c1,2023-01-05,postponed,,"48.1.c\n'  # line 2: the quote is never closed
        "c2,2023-01-06,enforceable,,\n"  # line 3
        "c2,2023-02-01,completed,,\n"  # line 4: without the fix, swallowed by line 2
    )
    reader = read_cases(*_files(tmp_path, cases, events), on_bad_event="drop_event")
    cases_read = {c.case_id: c for c in reader}
    # c2 is completed: its two events on lines 3 and 4 are read, not swallowed
    assert [str(e.kind) for e in cases_read["c2"].events] == ["enforceable", "completed"]
    (bad,) = reader.rejected
    assert bad.line == 2 and "quote opened on this line is not closed" in bad.reason
    _counts_add_up(reader)
    with pytest.raises(RowError, match=r"events.csv:2:"):
        list(read_cases(*_files(tmp_path, cases, events), strict=True))


def test_blank_rows_are_counted(tmp_path: Path) -> None:
    cases = HEADER + "c1,A,A-1,active,civil,,,2022-11-01,100,state\n,,,,,,,,,\n\n"
    reader = read_cases(*_files(tmp_path, cases, EVENTS_HEADER))
    assert len(list(reader)) == 1
    count = reader.counts[str(tmp_path / "cases.csv")]
    # one data row, two blank lines (",,,,,,,,," and the empty one)
    assert (count.read, count.accepted, count.rejected, count.blank) == (1, 1, 0, 2)
    assert "2 blank" in reader.summary()


def test_a_field_over_the_csv_limit_is_a_rejected_row(tmp_path: Path) -> None:
    huge = "x" * (csv.field_size_limit() + 1)
    cases = HEADER + (
        f"c1,A,A-1,active,civil,{huge},,2022-11-01,100,state\n"
        "c2,A,A-1,active,civil,,,2022-11-01,100,state\n"
    )
    reader = read_cases(*_files(tmp_path, cases, EVENTS_HEADER))
    assert [c.case_id for c in reader] == ["c2"]
    (bad,) = reader.rejected
    assert bad.line == 2 and "field larger than field limit" in bad.reason


# --- amounts ---------------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["²", "١٢٣", "１２", "1.000.000", "1e6", "0x10"])
def test_only_ascii_digits_are_amounts(tmp_path: Path, amount: str) -> None:
    cases = HEADER + f"c1,A,A-1,active,civil,,,2022-11-01,{amount},state\n"
    reader = read_cases(*_files(tmp_path, cases, EVENTS_HEADER))
    assert list(reader) == []
    (row,) = reader.rejected
    assert row.field == "amount" and "not an integer number of đồng" in row.reason


# --- one case, one history: hold_case ------------------------------------------------


def test_a_bad_event_holds_its_case_out_by_default(tmp_path: Path) -> None:
    cases = HEADER + (
        "c1,A,A-1,active,civil,,,2022-11-01,100,state\n"  # line 2
        "c2,A,A-1,active,civil,,,2022-11-01,100,state\n"  # line 3
    )
    events = EVENTS_HEADER + (
        "c1,2023-01-05,collected,100,\n"  # line 2: good
        "c1,2023-13-40,completed,,\n"  # line 3: bad date: the history is incomplete
        "c1,2023-02-01,enforceable,,\n"  # line 4: good (but follows nothing closed)
        "c2,2023-01-05,enforceable,,\n"  # line 5: the other case, untouched
    )
    cp, ep = _files(tmp_path, cases, events)
    held = read_cases(cp, ep)
    assert [c.case_id for c in held] == ["c2"]
    rows = {(Path(r.file).name, r.line): r for r in held.rejected}
    assert set(rows) == {("cases.csv", 2), ("events.csv", 2), ("events.csv", 3), ("events.csv", 4)}
    assert rows[("events.csv", 3)].field == "date"
    for key in (("cases.csv", 2), ("events.csv", 2), ("events.csv", 4)):
        assert f"{ep}:3" in rows[key].reason  # each names the event that caused it
    _counts_add_up(held)
    # the same with sorted input (the streaming merge)
    merged = read_cases(cp, ep, sorted_input=True)
    assert [c.case_id for c in merged] == ["c2"]
    assert {(Path(r.file).name, r.line) for r in merged.rejected} == set(rows)
    # drop_event keeps today's behaviour: c1 counted without the bad event
    dropped = read_cases(cp, ep, on_bad_event="drop_event")
    assert [c.case_id for c in dropped] == ["c1", "c2"]
    assert [(Path(r.file).name, r.line) for r in dropped.rejected] == [("events.csv", 3)]


def test_an_event_refused_by_the_timeline_holds_its_case(tmp_path: Path) -> None:
    cases = HEADER + "c1,A,A-1,active,civil,,,2022-11-01,100,state\n"
    events = EVENTS_HEADER + (
        "c1,2023-01-05,collected,150,\n"  # line 2: more than the 100 owed
        "c1,2023-02-01,completed,,\n"  # line 3
    )
    reader = read_cases(*_files(tmp_path, cases, events))
    assert list(reader) == []
    reasons = {(Path(r.file).name, r.line): r.reason for r in reader.rejected}
    assert "more than owed" in reasons[("events.csv", 2)]
    assert "held out" in reasons[("cases.csv", 2)] and "held out" in reasons[("events.csv", 3)]
    _counts_add_up(reader)


def test_on_bad_event_must_be_a_known_choice(tmp_path: Path) -> None:
    with pytest.raises(InvalidRecordError, match="hold_case, drop_event"):
        read_cases(*_files(tmp_path, HEADER, EVENTS_HEADER), on_bad_event="ignore")  # type: ignore[arg-type]


# --- normalisation of codes and names -------------------------------------------------


def test_nfc_nfd_and_zero_width_give_one_office(tmp_path: Path) -> None:
    nfc = "Phòng THADS khu vực 1"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    zero_width = "Phòng THADS\u200b khu vực 1\ufeff"
    cases = HEADER + (
        f"c1,{nfc},x,active,civil,,,2022-11-01,100,state\n"
        f"c2,{nfd},x,active,civil,,,2022-11-01,100,state\n"
        f"c3,{zero_width},x,active,civil,,,2022-11-01,100,state\n"
        f"c4, {nfc} ,x,active,civil,,,2022-11-01,100,state\n"
    )
    reader = read_cases(*_files(tmp_path, cases, EVENTS_HEADER), strict=True)
    assert {c.office for c in reader} == {nfc}
    assert clean("\u200bA\u00ad-1 ") == "A-1"


def test_case_ids_are_normalised_in_both_files(tmp_path: Path) -> None:
    nfd_id = unicodedata.normalize("NFD", "Hà-1")
    cases = HEADER + "Hà-1,A,x,active,civil,,,2022-11-01,100,state\n"
    events = EVENTS_HEADER + f"{nfd_id},2023-01-05,collected,100,\n"
    (case,) = read_cases(*_files(tmp_path, cases, events), strict=True)
    assert case.case_id == "Hà-1" and case.events[0].amount == 100


# --- JSON Lines ------------------------------------------------------------------------


def test_jsonl_non_scalar_ids_are_rejected_and_a_bom_accepted(tmp_path: Path) -> None:
    good = {
        "case_id": "c1",
        "office": "A",
        "executor": "A-1",
        "mode": "active",
        "judgment_kind": "civil",
        "accepted_on": "2022-11-01",
        "amount": 100,
        "creditor": "state",
    }
    lines = [
        good,
        {**good, "case_id": "c2", "office": {"code": "A"}},  # line 2: an object
        {**good, "case_id": "c3", "executor": ["A-1"]},  # line 3: a list
        {**good, "case_id": True},  # line 4: a boolean
    ]
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    cp = tmp_path / "cases.jsonl"
    cp.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # with a UTF-8 BOM
    reader = read_cases(cp)
    assert [c.case_id for c in reader] == ["c1"]
    assert [(r.line, r.field) for r in reader.rejected] == [
        (2, "office"),
        (3, "executor"),
        (4, "case_id"),
    ]
    assert all("must be text" in r.reason for r in reader.rejected)


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_byte_order_marks_are_detected(tmp_path: Path, encoding: str) -> None:
    cases = HEADER + "c1,Hà Nội,A-1,Chủ động,Dân sự,,,2022-11-01,100,state\n"
    data = cases.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # these codecs write no BOM: add it
        data = ("\ufeff" + cases).encode(encoding)
    cp = tmp_path / "cases.csv"
    cp.write_bytes(data)
    (case,) = read_cases(cp, strict=True)
    assert case.office == "Hà Nội" and str(case.mode) == "active"


def test_windows_1258_needs_the_encoding_option(tmp_path: Path) -> None:
    # Windows-1258 writes the tone marks as combining characters: "Cần" is C, â, grave, n
    office = "C\u00e2\u0300n Th\u01a1"
    text = (
        HEADER
        + "c1,A,A-1,active,civil,,,2022-11-01,100,state\n"
        + (f"c2,{office},A-1,active,civil,,,2022-11-01,100,state\n")
    )
    cp = tmp_path / "cases.csv"
    cp.write_bytes(text.encode("cp1258"))
    with pytest.raises(InputEncodingError) as info:
        list(read_cases(cp))
    message = str(info.value)
    assert f"{cp}:3" in message  # the header is line 1, "Cần Thơ" is on line 3
    assert "--encoding" in message and "encoding=" in message
    offices = {c.office for c in read_cases(cp, encoding="cp1258", strict=True)}
    assert offices == {"A", unicodedata.normalize("NFC", "Cần Thơ")}


# --- what to call instead ------------------------------------------------------------


def test_read_cases_on_a_workbook_says_what_to_call(tmp_path: Path) -> None:
    with pytest.raises(InvalidRecordError, match=r"read_excel"):
        read_cases(tmp_path / "x.xlsx")


def test_read_records_on_a_data_frame_says_what_to_call() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([{"case_id": "c1"}])
    with pytest.raises(InvalidRecordError, match=r"read_frame"):
        read_records(frame)
    with pytest.raises(InvalidRecordError, match=r"read_frame"):
        read_records([], frame)


# --- the documentation lists every alias and every reason ----------------------------


def test_docs_list_every_alias_and_every_reason() -> None:
    from thads.records import (
        CREDITOR_ALIASES,
        EVENT_KIND_ALIASES,
        HEADING_ALIASES,
        JUDGMENT_KIND_ALIASES,
        MODE_ALIASES,
    )

    text = (Path(__file__).parents[2] / "docs" / "interchange-format.md").read_text("utf-8")
    tables = (
        HEADING_ALIASES, MODE_ALIASES, JUDGMENT_KIND_ALIASES,
        CREDITOR_ALIASES, EVENT_KIND_ALIASES,
    )  # fmt: skip
    for table in tables:
        for name, aliases in table.items():
            assert f"`{name}`" in text, name
            for alias in aliases:
                assert f"`{alias}`" in text, alias
    reasons = ["is missing", "unknown value", "is not an ISO date (YYYY-MM-DD)",
               "is not an integer number of đồng", "must not be negative", "duplicate case_id",
               "is dated before acceptance", "follows the closing event", "needs an amount > 0",
               "is more than owed", "carries no amount", "no case with this case_id",
               "its case row was rejected", "must be text", "held out", "cannot be read as CSV",
               "a quote opened on this line is not closed on it", "cannot read"]  # fmt: skip
    for reason in reasons:
        assert reason in text, reason


def test_a_word_with_other_diacritics_is_not_read_as_an_alias(tmp_path: Path) -> None:
    # "Hoàn" (to return) folds to "hoan" like "Hoãn" (to postpone): before, it was read
    # as a postponement. Written with diacritics, a label must carry the alias's own.
    from thads.records._labels import EVENT_KINDS, MODES

    assert EVENT_KINDS.match("Hoãn") == EVENT_KINDS.match("HOÃN") == "postponed"
    assert EVENT_KINDS.match("hoan") == "postponed"  # no diacritics at all: folded
    assert EVENT_KINDS.match("Hoàn") is None and EVENT_KINDS.match("Thụ") is None
    assert MODES.match("chu dong") == MODES.match("Chủ  Động") == "active"


def test_ignoring_a_column_that_is_a_field_of_the_file_is_an_error(tmp_path: Path) -> None:
    # "Lý do" is the events file's ground column: asking to ignore it (for the cases file)
    # must not silently drop the grounds of the events file
    from thads import read_cases
    from thads.errors import InvalidRecordError

    cases = tmp_path / "cases.csv"
    events = tmp_path / "events.csv"
    cases.write_text(
        "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
        "accepted_on,amount,creditor,Lý do\n"
        "c1,A,A-1,active,civil,1,,2022-11-01,100,private,x\n",
        encoding="utf-8",
    )
    events.write_text("case_id,date,kind,amount,Lý do\nc1,2023-01-05,postponed,,48.1.c\n")
    with pytest.raises(InvalidRecordError, match="it is the 'ground' column of this file"):
        list(read_cases(cases, events, columns={"Lý do": None}))


def test_tone_marks_in_either_place_are_one_spelling() -> None:
    from thads.records._labels import EVENT_KINDS

    # "uỷ" (older placement) and "ủy" (newer) are one spelling; "Hoàn" is still not "Hoãn"
    assert EVENT_KINDS.match("Uỷ thác") == EVENT_KINDS.match("ủy thác") == "entrusted"
    assert EVENT_KINDS.match("Huỷ") == "withdrawn"
    assert EVENT_KINDS.match("Hoàn") is None


def test_a_jsonl_event_with_an_unknown_field_holds_its_case(tmp_path: Path) -> None:
    import json

    from thads import read_cases

    cases = tmp_path / "cases.jsonl"
    events = tmp_path / "events.jsonl"
    cases.write_text(
        json.dumps(
            {
                "case_id": "c1",
                "office": "A",
                "executor": "A-1",
                "mode": "active",
                "judgment_kind": "civil",
                "judgment_ref": "1",
                "accepted_on": "2022-11-01",
                "amount": "100",
                "creditor": "private",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    events.write_text(
        json.dumps(
            {
                "case_id": "c1",
                "date": "2023-01-05",
                "kind": "collected",
                "amount": "50",
                "note": "x",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    reader = read_cases(cases, events)
    assert list(reader) == []  # held out: its history is known to be incomplete
    assert any(r.reason.startswith("held out") for r in reader.rejected)


def test_the_iso_hint_is_given_only_for_a_real_day() -> None:
    from thads.read._decode import not_iso as _not_iso

    assert "e.g. 2022-08-20" in _not_iso("20/08/2022")
    assert "e.g." not in _not_iso("12/31/2022")  # month 31: no day to suggest
