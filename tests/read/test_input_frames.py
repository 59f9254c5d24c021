"""Data frames and workbooks (issue 9), with hand-written rows."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from thads import read_excel, read_frame
from thads.errors import InvalidRecordError, MissingExtraError
from thads.read import cell

pd = pytest.importorskip("pandas")  # a dev dependency; the skip is only a fallback

CASE = {
    "case_id": "c1", "office": "A", "executor": "A-1", "mode": "Chủ động",
    "judgment_kind": "Dân sự", "judgment_ref": None, "judgment_effective": None,
    "accepted_on": None, "amount": None, "creditor": "Nhà nước",
}  # fmt: skip


def test_cells_are_converted_as_documented() -> None:
    assert cell(float("nan")) is None and cell(pd.NaT) is None and cell(None) is None
    assert cell(pd.Timestamp("2023-01-05")) == date(2023, 1, 5)
    assert cell(100000000.0) == 100000000 and type(cell(100000000.0)) is int
    assert cell(1.5) == 1.5  # left for the reader to reject
    stamp = pd.Timestamp("2023-01-05 10:30")
    assert isinstance(cell(stamp), datetime)  # a time of day is not a date: rejected later


def test_pandas_frame_blank_dates_and_amounts() -> None:
    cases = pd.DataFrame(
        [
            # line 1: NaT effective date, a Timestamp accepted_on, a whole float amount
            {**CASE, "accepted_on": pd.Timestamp("2022-11-01"), "amount": 100000000.0},
            # line 2: a fractional amount
            {**CASE, "case_id": "c2", "accepted_on": pd.Timestamp("2022-11-01"), "amount": 1.5},
            # line 3: an accepted_on with a time of day
            {**CASE, "case_id": "c3", "accepted_on": pd.Timestamp("2022-11-01 09:00"),
             "amount": 5.0},
        ]
    )  # fmt: skip
    cases["judgment_effective"] = pd.to_datetime(cases["judgment_effective"])
    events = pd.DataFrame(
        [{"Mã việc": "c1", "Ngày": pd.Timestamp("2023-01-05"), "Loại sự kiện": "thu",
          "Số tiền": 100000000.0, "Căn cứ": float("nan")}]
    )  # fmt: skip
    reader = read_frame(cases, events)
    (case,) = list(reader)
    assert case.amount == 100_000_000 and case.judgment.effective_on is None
    assert case.accepted_on == date(2022, 11, 1) and case.events[0].amount == 100_000_000
    rows = {r.line: r for r in reader.rejected}
    # the same check as Debt(1.5): thads.validate.money
    assert (rows[2].field, rows[2].code) == ("amount", "amount.not_integer")
    assert rows[3].field == "accepted_on" and "not the datetime" in rows[3].reason
    assert reader.counts["cases"].read == 3 and reader.counts["events"].accepted == 1


def test_polars_frame() -> None:
    pl = pytest.importorskip("polars")
    cases = pl.DataFrame(
        [{**CASE, "accepted_on": date(2022, 11, 1), "amount": 7}],
        schema_overrides={"judgment_ref": pl.String, "judgment_effective": pl.Date},
    )
    (case,) = list(read_frame(cases, strict=True))
    assert case.amount == 7 and str(case.mode) == "active"


def test_read_frame_refuses_other_objects() -> None:
    with pytest.raises(InvalidRecordError, match="pandas or polars DataFrame"):
        read_frame([CASE])


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # importing it now fails
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"")
    with pytest.raises(MissingExtraError, match=r"thads\[excel\]"):
        read_excel(path)


def test_workbook_rows_are_named_by_sheet_and_row(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cases"
    sheet.append(["Mã việc", "Cơ quan", "Chấp hành viên", "Hình thức", "Loại bản án", "Số bản án",
                  "Ngày hiệu lực", "Ngày thụ lý", "Số tiền", "Người được thi hành án"])  # fmt: skip
    sheet.append(["c1", "01", "0101", "Theo đơn", "Dân sự", None, None,
                  datetime(2022, 11, 1), 100000000, "Cá nhân"])  # fmt: skip
    sheet.append(["c2", "01", "0101", "Theo đơn", "Dân sự", None, None,
                  datetime(2022, 11, 1), "²", "Cá nhân"])  # fmt: skip
    path = tmp_path / "book.xlsx"
    book.save(path)
    reader = read_excel(path, cases_sheet="Cases")
    (case,) = list(reader)
    assert (case.office, case.executor, case.amount) == ("01", "0101", 100_000_000)
    (bad,) = reader.rejected
    assert (bad.file, bad.line, bad.field) == (f"{path}[Cases]", 3, "amount")
    with pytest.raises(InvalidRecordError, match="no sheet 'Nope'"):
        list(read_excel(path, cases_sheet="Nope"))
