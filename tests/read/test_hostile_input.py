"""Hostile and careless input, round three (issue 22): no silent pick, no hang, no traceback.

Each test failed before the change it names.
"""

from __future__ import annotations

import builtins
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from thads.errors import InvalidRecordError
from thads.read import read_cases, read_excel, read_frame, read_records

HEAD = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor"
)
CASE = "K{n},A,A-1,active,civil,,,2024-01-10,1000,private"
EHEAD = "case_id,date,kind,amount,ground"
HEADINGS = HEAD.split(",")
ROW = {
    "case_id": "K1",
    "office": "A",
    "executor": "A-1",
    "mode": "active",
    "judgment_kind": "civil",
    "judgment_ref": "",
    "judgment_effective": "",
    "accepted_on": "2024-01-10",
    "amount": "1000",
    "creditor": "private",
}


def _csv(folder: Path, cases: list[str], events: list[str] | None = None) -> tuple[Path, Path]:
    cp, ep = folder / "cases.csv", folder / "events.csv"
    cp.write_text("\n".join([HEAD, *cases]) + "\n", encoding="utf-8")
    ep.write_text("\n".join([EHEAD, *(events or [])]) + "\n", encoding="utf-8")
    return cp, ep


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- a column under a blank heading ------------------------------------------------------


def test_a_csv_column_under_a_blank_heading_is_refused_like_an_unknown_one(
    tmp_path: Path,
) -> None:
    cp, ep = tmp_path / "cases.csv", tmp_path / "events.csv"
    cp.write_text(HEAD + "\n" + CASE.format(n=1) + "\n", encoding="utf-8")
    # the ground sits under a blank heading: read without it, a postponement would count
    ep.write_text("case_id,date,kind,amount,\nK1,2024-02-01,postponed,,48.1.c\n", "utf-8")
    with pytest.raises(InvalidRecordError) as raised:
        list(read_cases(cp, ep))
    assert raised.value.code == "heading.blank" and "column 5" in raised.value.reason
    assert "columns={'': None}" in raised.value.reason
    # asked for, the column is ignored
    (case,) = list(read_cases(cp, ep, columns={"": None}))
    assert [e.ground for e in case.events] == [None]


def _book(path: Path, sheets: dict[str, list[Any]], hidden: tuple[str, ...] = ()) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


CASE_CELLS = ["K1", "A", "A-1", "active", "civil", None, None, "2024-01-10", 1000, "private"]


def test_a_sheet_column_under_a_blank_heading_is_refused(tmp_path: Path) -> None:
    events = [
        ["case_id", "date", "kind", None, "amount"],
        ["K1", "2024-02-01", "postponed", "x", None],
    ]
    path = _book(tmp_path / "b.xlsx", {"cases": [HEADINGS, CASE_CELLS], "events": events})
    with pytest.raises(InvalidRecordError) as raised:
        list(read_excel(path, events_sheet="events"))
    assert raised.value.code == "heading.blank"


def test_a_value_right_of_the_headed_columns_rejects_its_row(tmp_path: Path) -> None:
    events = [
        ["case_id", "date", "kind", "amount"],
        ["K1", "2024-02-01", "postponed", None, "48.1.c"],
    ]
    path = _book(tmp_path / "b.xlsx", {"cases": [HEADINGS, CASE_CELLS], "events": events})
    reader = read_excel(path, events_sheet="events")
    assert list(reader) == []  # held out with its bad event
    codes = sorted((r.file, r.code) for r in reader.rejected)
    assert codes == [(f"{path}[cases]", "case.held"), (f"{path}[events]", "heading.blank")]


# --- read_excel: stored dimension, empty sheet, hidden sheet -----------------------------


def _shrink_dimension(path: Path, ref: str) -> None:
    """Rewrite every sheet's stored size (<dimension ref=...>) to ``ref``."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = re.sub(
                rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data
            )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_read_excel_reads_every_row_and_column_whatever_the_stored_size(tmp_path: Path) -> None:
    rows = [HEADINGS, *([f"K{n}", *CASE_CELLS[1:]] for n in range(1, 6))]
    path = _book(tmp_path / "b.xlsx", {"cases": rows})
    _shrink_dimension(path, "A1:C2")  # says 2 rows of 3 columns
    reader = read_excel(path)
    assert [c.case_id for c in reader] == ["K1", "K2", "K3", "K4", "K5"]
    assert reader.rejected == []


def test_an_empty_events_sheet_is_an_error_like_an_empty_events_file(tmp_path: Path) -> None:
    path = _book(tmp_path / "b.xlsx", {"cases": [HEADINGS, CASE_CELLS], "events": []})
    with pytest.raises(InvalidRecordError) as raised:
        list(read_excel(path, events_sheet="events"))
    assert raised.value.code == "file.empty" and "events" in raised.value.record


def test_a_hidden_first_sheet_is_not_read_by_default(tmp_path: Path) -> None:
    old = [HEADINGS, ["OLD", *CASE_CELLS[1:]]]
    path = _book(tmp_path / "b.xlsx", {"draft": old, "cases": [HEADINGS, CASE_CELLS]}, ("draft",))
    reader = read_excel(path)
    assert [c.case_id for c in reader] == ["K1"]
    assert reader.cases_path == f"{path}[cases]"  # the sheet read is named
    assert [c.case_id for c in read_excel(path, cases_sheet="draft")] == ["OLD"]


def test_a_formula_without_a_saved_value_names_the_formula(tmp_path: Path) -> None:
    cells = [*CASE_CELLS[:8], "=500*2", "private"]
    path = _book(tmp_path / "b.xlsx", {"cases": [HEADINGS, cells]})  # openpyxl saves no value
    reader = read_excel(path)
    assert list(reader) == []
    (row,) = reader.rejected
    assert (row.field, row.code) == ("amount", "formula.no_value")
    assert "'=500*2'" in row.reason and "I2" in row.reason


# --- workbooks that are not what they say ------------------------------------------------


def test_a_workbook_that_is_not_a_zip_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "b.xlsx"
    path.write_text(HEAD + "\n", encoding="utf-8")  # a CSV file saved as .xlsx
    with pytest.raises(InvalidRecordError) as raised:
        read_excel(path)
    assert raised.value.code == "file.unreadable" and "zip" in raised.value.reason


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_an_entity_in_a_workbook_is_refused_unread(tmp_path: Path, doctype: str) -> None:
    path = _book(tmp_path / "b.xlsx", {"cases": [HEADINGS, CASE_CELLS]})
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = "xl/workbook.xml"
    declaration, _, rest = parts[name].rpartition(b"?>")
    parts[name] = declaration + (b"?>" if declaration else b"") + doctype.encode() + rest
    with zipfile.ZipFile(path, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data)
    with pytest.raises(InvalidRecordError) as raised:
        read_excel(path)
    assert raised.value.code == "file.unreadable" and "document type" in raised.value.reason


def test_a_workbook_expanding_beyond_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from thads.read import _excel

    path = _book(tmp_path / "b.xlsx", {"cases": [HEADINGS, CASE_CELLS]})
    with zipfile.ZipFile(path) as package:
        size = sum(info.file_size for info in package.infolist())
    monkeypatch.setattr(_excel, "MAX_WORKBOOK_BYTES", size - 1)  # 200 MB in use
    with pytest.raises(InvalidRecordError) as raised:
        read_excel(path)
    assert raised.value.code == "file.too_large"
    monkeypatch.setattr(_excel, "MAX_WORKBOOK_BYTES", size)
    assert len(list(read_excel(path))) == 1


# --- JSON Lines: a key twice, a field and its alias, a pretty-printed array --------------


def test_a_json_key_given_twice_is_an_error_as_in_csv(tmp_path: Path) -> None:
    case = json.dumps(ROW)
    twice = case[:-1] + ', "amount": "5"}'
    cp = _jsonl(tmp_path / "cases.jsonl", [twice, case.replace("K1", "K2")])
    reader = read_cases(cp)
    assert [c.case_id for c in reader] == ["K2"]
    (row,) = reader.rejected
    assert (row.line, row.code) == (1, "heading.duplicate") and "'amount'" in row.reason


def test_a_json_field_and_its_alias_both_given_is_an_error(tmp_path: Path) -> None:
    cp = _jsonl(tmp_path / "cases.jsonl", [json.dumps({**ROW, "so_tien": "5"})])
    reader = read_cases(cp, columns={"so_tien": "amount"})
    assert list(reader) == []
    (row,) = reader.rejected
    assert (row.field, row.code) == ("amount", "heading.duplicate")


def test_a_pretty_printed_json_array_says_it_is_an_array_once(tmp_path: Path) -> None:
    cp = tmp_path / "cases.json"
    cp.write_text(json.dumps([ROW, ROW], indent=2), encoding="utf-8")
    with pytest.raises(InvalidRecordError) as raised:
        list(read_cases(cp))
    assert raised.value.code == "json.not_object" and "JSON array" in raised.value.reason


# --- the hold policy holds for unreadable rows too ---------------------------------------


def test_an_event_row_over_the_field_size_limit_holds_its_case(tmp_path: Path) -> None:
    huge = "x" * 200_000  # over csv's field size limit (131.072)
    cp, ep = _csv(
        tmp_path,
        [CASE.format(n=1), CASE.format(n=2)],
        ["K1,2024-02-01,enforceable,,", f"K1,2024-02-02,postponed,,{huge}"],
    )
    reader = read_cases(cp, ep)
    assert [c.case_id for c in reader] == ["K2"]  # K1 held out, not counted without it
    held = [r for r in reader.rejected if r.code == "case.held"]
    assert [r.record for r in held] == ["case K1"]


def test_a_json_event_with_a_numeric_case_id_holds_its_case(tmp_path: Path) -> None:
    cp = _jsonl(tmp_path / "cases.jsonl", [json.dumps({**ROW, "case_id": "5"})])
    event = {"case_id": 5, "date": "2024-02-01", "kind": "postponed", "note": "x"}
    ep = _jsonl(tmp_path / "events.jsonl", [json.dumps(event)])
    reader = read_cases(cp, ep)
    assert list(reader) == []
    assert sorted(r.code for r in reader.rejected) == ["case.held", "heading.unknown"]


# --- amounts and dates -------------------------------------------------------------------


def test_read_frame_refuses_a_float_amount_above_2_53() -> None:
    pd = pytest.importorskip("pandas")
    big = float(2**53 + 2)  # a whole float, but floats there skip every other đồng
    frame = pd.DataFrame([{**ROW, "amount": big}, {**ROW, "case_id": "K2", "amount": 1000.0}])
    reader = read_frame(frame)
    assert [c.amount for c in reader] == [1000]
    (row,) = reader.rejected
    assert (row.field, row.code) == ("amount", "amount.not_integer") and "2**53" in row.reason


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_a_5000_digit_amount_is_a_rejected_row_not_a_traceback(tmp_path: Path, suffix: str) -> None:
    digits = "7" * 5000
    if suffix == "csv":
        cp, _ = _csv(
            tmp_path, [CASE.format(n=1).replace(",1000,", f",{digits},"), CASE.format(n=2)]
        )
    else:
        bad = json.dumps({**ROW, "amount": 0}).replace('"amount": 0', f'"amount": {digits}')
        cp = _jsonl(tmp_path / "cases.jsonl", [bad, json.dumps({**ROW, "case_id": "K2"})])
    reader = read_cases(cp)
    assert [c.case_id for c in reader] == ["K2"]
    (row,) = reader.rejected
    assert (row.record, row.field, row.code) == ("case K1", "amount", "amount.too_large")


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("accepted_on", "2024-W05-1", "date.not_iso"),  # an ISO week date
        ("accepted_on", "2024-032", "date.not_iso"),  # an ISO ordinal date
        ("amount", "+5", "amount.not_integer"),
    ],
)
def test_only_yyyy_mm_dd_and_digits_are_read(field: str, value: str, code: str) -> None:
    reader = read_records([{**ROW, field: value}])
    assert list(reader) == []
    (row,) = reader.rejected
    assert (row.field, row.code) == (field, code)


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["rot13", "hex", "undefined", "zlib", "no-such-thing"])
def test_an_encoding_that_is_not_a_text_encoding_is_a_clear_error(
    tmp_path: Path, encoding: str
) -> None:
    cp, ep = _csv(tmp_path, [CASE.format(n=1)])
    with pytest.raises(InvalidRecordError) as raised:
        read_cases(cp, ep, encoding=encoding)
    assert raised.value.code == "encoding.unknown" and "utf-8" in raised.value.reason


# --- unclosed quotes: one pass over the file ---------------------------------------------


def test_unclosed_quotes_do_not_reread_the_file_for_each_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = []
    for n in range(1, 61):
        lines.append(CASE.format(n=n))
        if n % 3 == 0:
            lines.append(f'X{n},"A,A-1,active,civil,,,2024-01-10,1000,private')  # stray quote
    cp, _ = _csv(tmp_path, lines)
    opened: list[str] = []
    real: Callable[..., Any] = builtins.open

    def counting(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(cp):
            opened.append(str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting)
    reader = read_cases(cp)
    cases = list(reader)
    monkeypatch.undo()
    assert reader.counts[str(cp)].read == reader.counts[str(cp)].accepted + len(reader.rejected)
    assert {r.code for r in reader.rejected} <= {"quote.unclosed", "row.width"}
    assert len(cases) >= 40 and len(reader.rejected) >= 10  # 20 stray quotes
    assert len(opened) <= 4  # before: once more for every stray quote


# --- quota files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "field", "code"),
    [
        ("2024,NaN,50", "cases", "quota.target"),
        ("2024,50,-inf", "money", "quota.target"),
        ("9" * 5000 + ",50,50", "year", "quota.year"),
    ],
)
def test_a_quota_that_is_not_a_number_is_a_clear_error(
    tmp_path: Path, row: str, field: str, code: str
) -> None:
    from thads.read import read_quotas

    path = tmp_path / "quota.csv"
    path.write_text("year,cases,money\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InvalidRecordError) as raised:
        read_quotas(path)
    assert (raised.value.field, raised.value.code) == (field, code)


# --- a fuzz over mutated files -----------------------------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_mutated_files_raise_only_thads_errors_and_account_for_every_row(suffix: str) -> None:
    import tempfile

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from thads.errors import ThadsError
    from thads.testing import datasets

    @settings(max_examples=40, deadline=None)
    @given(
        data=datasets(max_size=5),
        edits=st.lists(
            st.tuples(st.integers(0, 10**6), st.sampled_from(["set", "insert", "delete"]),
                      st.sampled_from(list(b'",\n\r;{}[]:0123456789-+.e ' + "đ".encode()))),
            min_size=1, max_size=6,
        ),
        which=st.sampled_from(["cases", "events"]),
        policy=st.sampled_from(["hold_case", "drop_event"]),
    )  # fmt: skip
    def run(data: Any, edits: list[tuple[int, str, int]], which: str, policy: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            cp, ep = data.write(folder, suffix=suffix)
            target = cp if which == "cases" else ep
            raw = bytearray(target.read_bytes())
            for at, how, byte in edits:
                k = at % (len(raw) + 1)
                if how == "insert" or k == len(raw):
                    raw[k:k] = bytes([byte])
                elif how == "set":
                    raw[k] = byte
                else:
                    del raw[k]
            target.write_bytes(bytes(raw))
            try:
                reader = read_cases(cp, ep, on_bad_event=policy)  # type: ignore[arg-type]
                list(reader)
            except ThadsError:
                return
            for count in reader.counts.values():
                assert count.read == count.accepted + count.rejected

    run()


def test_a_json_event_line_that_is_not_json_still_holds_its_case(tmp_path: Path) -> None:
    cp = _jsonl(tmp_path / "cases.jsonl", [json.dumps(ROW), json.dumps({**ROW, "case_id": "K2"})])
    ep = _jsonl(tmp_path / "events.jsonl", ['{"case_id": "K1", "date": "2024-02-01", "kind": '])
    reader = read_cases(cp, ep)
    assert [c.case_id for c in reader] == ["K2"]
    assert sorted(r.code for r in reader.rejected) == ["case.held", "json.invalid"]
