"""Where users meet the reader (issue 21): database rows, Vietnamese-locale spreadsheets,
amounts written by data frames, a missing column named in Vietnamese.

Written from the user's side; each test failed before the change.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from thads.errors import InvalidRecordError
from thads.read import read_cases, read_records

FIELDS = (
    "case_id", "office", "executor", "mode", "judgment_kind", "judgment_ref",
    "judgment_effective", "accepted_on", "amount", "creditor",
)  # fmt: skip
ROW = dict(
    zip(
        FIELDS,
        ("K1", "A", "A-1", "active", "civil", "", "", "2024-01-10", "1000", "private"),
        strict=True,
    )
)


def test_rows_from_a_sqlite_database_are_read() -> None:
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    db.execute(f"create table cases ({', '.join(FIELDS)})")
    db.execute("create table events (case_id, date, kind, amount, ground)")
    for n in (1, 2):
        db.execute(
            f"insert into cases values ({', '.join('?' * len(FIELDS))})",
            [f"K{n}", "A", "A-1", "active", "civil", None, None, "2024-01-10", 1000 * n, "private"],
        )
    db.execute("insert into events values ('K2', '2024-02-01', 'collected', 500, null)")
    reader = read_records(db.execute("select * from cases"), db.execute("select * from events"))
    cases = list(reader)
    assert reader.rejected == []
    assert [(c.case_id, c.amount) for c in cases] == [("K1", 1000), ("K2", 2000)]
    assert [e.amount for e in cases[1].events] == [500]


def test_records_take_columns_like_the_file_readers() -> None:
    row = {k: v for k, v in ROW.items() if k != "amount"} | {"so_tien": "700"}
    (case,) = list(read_records([row], columns={"so_tien": "amount"}))
    assert case.amount == 700
    reader = read_records([{**row, "amount": "5"}], columns={"so_tien": "amount"})
    assert list(reader) == []
    assert [(r.field, r.code) for r in reader.rejected] == [("amount", "heading.duplicate")]


def test_a_wrong_record_type_is_one_type_error_naming_it() -> None:
    rows = [tuple(ROW.values()), tuple(ROW.values())]
    with pytest.raises(TypeError, match="record 1 is a tuple") as raised:
        list(read_records(rows))  # type: ignore[arg-type]
    assert isinstance(raised.value, InvalidRecordError)
    assert raised.value.code == "record.not_mapping"


def test_vietnamese_dates_and_amounts_need_the_option_and_the_hint_names_it() -> None:
    row = {**ROW, "accepted_on": "10/01/2024", "amount": "1.200.000"}
    plain = read_records([row])
    assert list(plain) == []
    (rejected,) = plain.rejected
    assert rejected.code == "date.not_iso" and "locale='vi'" in rejected.reason
    plain = read_records([{**row, "accepted_on": "2024-01-10"}])
    assert list(plain) == [] and "locale='vi'" in plain.rejected[0].reason
    (case,) = list(read_records([row], locale="vi"))
    assert (case.accepted_on.isoformat(), case.amount) == ("2024-01-10", 1_200_000)


def test_a_zero_fraction_amount_needs_its_option() -> None:
    row = {**ROW, "amount": "147540494.0"}
    plain = read_records([row])
    assert list(plain) == [] and "zero_fraction=True" in plain.rejected[0].reason
    (case,) = list(read_records([row], zero_fraction=True))
    assert case.amount == 147_540_494
    still = read_records([{**row, "amount": "147540494.5"}], zero_fraction=True)
    assert list(still) == [] and still.rejected[0].code == "amount.not_integer"


def test_an_amount_both_options_read_differently_is_not_guessed() -> None:
    # "1.000" is 1000 with dots between thousands, 1 with a zero fraction
    reader = read_records([{**ROW, "amount": "1.000"}], locale="vi", zero_fraction=True)
    assert list(reader) == []
    assert "not guessed" in reader.rejected[0].reason
    (case,) = list(read_records([{**ROW, "amount": "1.000"}], locale="vi"))
    assert case.amount == 1000


def test_an_unknown_locale_is_refused() -> None:
    with pytest.raises(InvalidRecordError, match="expected one of: iso, vi"):
        read_records([ROW], locale="en")  # type: ignore[arg-type]


def test_the_options_reach_csv_files(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(",".join(FIELDS) + "\nK1,A,A-1,active,civil,,,10/01/2024,1.200.000,private\n")
    (case,) = list(read_cases(path, locale="vi"))
    assert case.amount == 1_200_000


def test_a_missing_column_names_its_vietnamese_heading(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    kept = [f for f in FIELDS if f != "accepted_on"]
    path.write_text(",".join(kept) + "\n")
    with pytest.raises(InvalidRecordError) as raised:
        list(read_cases(path))
    assert raised.value.code == "heading.missing"
    assert 'accepted_on: "Ngày thụ lý"' in raised.value.reason


def test_the_accepted_forms_of_a_ground_are_listed_once_per_file(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        ",".join(FIELDS)
        + "\n"
        + "".join(f"K{n},A,A-1,active,civil,,,2024-01-10,1000,private\n" for n in range(1, 4))
    )
    events = tmp_path / "events.csv"
    events.write_text(
        "case_id,date,kind,amount,ground\n"
        + "".join(f"K{n},2024-02-01,postponed,,thỏa thuận hoãn số {n}\n" for n in range(1, 4))
    )
    reader = read_cases(cases, events, on_bad_event="drop_event")
    assert len(list(reader)) == 3
    reasons = [r.reason for r in reader.rejected]
    assert [r.code for r in reader.rejected] == ["ground.invalid"] * 3
    # the list of accepted forms, once; each row names the likely ground of its words
    assert sum("'Điều 48 khoản 1 điểm c'" in reason for reason in reasons) == 1
    assert all("likely 48.1.c" in reason for reason in reasons)
    assert all("as listed with the first ground rejected" in r for r in reasons[1:])
