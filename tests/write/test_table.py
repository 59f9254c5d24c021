"""thads.write.Table and its writers: typed cells, each format's shape, written by hand.

Every expected string below is written out by hand from the format's rules (Vietnamese
number format for text, machine values for CSV/JSON, typed cells for Excel).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thads.errors import InvalidRecordError
from thads.values import Points, Rate
from thads.write import (
    Column,
    Table,
    frame_columns,
    frame_records,
    render_text,
    safe_text,
    table_frame,
    table_records,
    write_csv,
    write_json,
    write_table_xlsx,
)

COLUMNS = (
    Column("code", "Mã"),
    Column("name", "Đơn vị"),
    Column("cases", "Số việc", "count"),
    Column("money", "Tiền (tr.đ)", "money", "triệu"),
    Column("rate", "Tỷ lệ", "rate"),
    Column("quota", "Chỉ tiêu", "percent"),
    Column("gap", "± CT", "points"),
    Column("on", "Ngày", "date"),
)


def _table() -> Table:
    return Table(
        COLUMNS,
        [
            ("01", "Cục THADS", 16109, 2_491_000_000, Rate(2, 3), Decimal("82.80"),
             Points(Decimal("-16.13")), date(2025, 9, 30)),
            ("0101", "Phòng 1", 7, 500_000, None, None, None, None),
        ],
        title="Bảng thử",
        notes=["2 of 5 rows rejected"],
        depths=[0, 1],
    )  # fmt: skip


def test_cells_are_checked_against_their_kind() -> None:
    bad = [
        (Column("n", kind="count"), "12", "count.not_integer"),
        (Column("n", kind="count"), True, "count.not_integer"),
        (Column("m", kind="money"), 1.5, "amount.not_integer"),
        (Column("t"), 5, "text.not_text"),
        (Column("d", kind="date"), datetime(2025, 1, 1, 9), "date.not_date"),
        (Column("r", kind="rate"), Decimal("50"), "record.invalid"),
        (Column("p", kind="points"), Decimal("1.00"), "record.invalid"),
    ]
    for column, value, code in bad:
        with pytest.raises(InvalidRecordError) as caught:
            Table([column], [(value,)])  # type: ignore[list-item]
        assert caught.value.code == code, (column, value)
        assert caught.value.field == f"rows[0].{column.name}"
    with pytest.raises(InvalidRecordError, match="has 1 cells for 2 columns"):
        Table([Column("a"), Column("b")], [("x",)])
    with pytest.raises(InvalidRecordError, match="column 'a' twice"):
        Table([Column("a"), Column("a")], [])
    with pytest.raises(InvalidRecordError, match="unknown kind 'float'"):
        Column("a", kind="float")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match="1 depths for 2 rows"):
        Table([Column("a")], [("x",), ("y",)], depths=[0])


def test_text_writer() -> None:
    # 16109 -> 16.109; 2.491.000.000 đồng = 2.491 triệu; 2/3 = 66,666..% -> 66,67%;
    # quota 82,80%; -16,13 points; the second row is indented by its depth, "—" for none
    expected = "\n".join(
        [
            "Bảng thử",
            "2 of 5 rows rejected",
            "Mã      Đơn vị     Số việc  Tiền (tr.đ)   Tỷ lệ  Chỉ tiêu    ± CT  Ngày",
            "-" * 77,
            "01      Cục THADS   16.109        2.491  66,67%    82,80%  -16,13  30/09/2025",
            "  0101  Phòng 1          7            1       —         —       —  —",
        ]
    )
    assert render_text(_table()) == expected


def test_text_writer_strips_terminal_control() -> None:
    table = Table(
        [Column("name", "Đơn\x1b[2J vị")],
        [("\x1b[31mCục\x1b[0m THADS\x07\u202e",), ("a\tb\nc",), ("\x1b]0;title\x07Phòng",)],
    )
    assert render_text(table).splitlines() == ["Đơn vị", "-" * 9, "Cục THADS", "a b c", "Phòng"]


def test_csv_writer() -> None:
    lines = list(csv.reader(io.StringIO(write_csv(_table()))))
    assert lines[0] == ["code", "name", "cases", "money", "rate", "quota", "gap", "on"]
    # money exact in đồng, the rate as its published percent, points with two places
    assert lines[1] == [
        "01", "Cục THADS", "16109", "2491000000", "66.67", "82.80", "-16.13", "2025-09-30",
    ]  # fmt: skip
    assert lines[2] == ["0101", "Phòng 1", "7", "500000", "", "", "", ""]
    titles = next(csv.reader(io.StringIO(write_csv(_table(), headings="titles"))))
    assert titles[:3] == ["Mã", "Đơn vị", "Số việc"]


def test_csv_writer_guards_formulas_and_lookalikes() -> None:
    names = ["=1+1", "＝1+1", "﹦1", "＋1", "－1", "＠SUM(A1)", " =1", "\u3000＝1", "⁼1", "‐1"]
    table = Table([Column("name")], [(n,) for n in names])
    written = [line[0] for line in csv.reader(io.StringIO(write_csv(table)))][1:]
    assert written == ["'" + n for n in names]
    plain = Table([Column("name")], [("Cục THADS",), ("1-2",), ("a=b",)])
    assert [line[0] for line in csv.reader(io.StringIO(write_csv(plain)))][1:] == [
        "Cục THADS",
        "1-2",
        "a=b",
    ]


def test_json_writer() -> None:
    data = json.loads(write_json(_table()))
    assert data[0] == {
        "code": "01",
        "name": "Cục THADS",
        "cases": 16109,
        "money": 2_491_000_000,
        "rate": {"numerator": 2, "denominator": 3, "percent": "66.67"},
        "quota": "82.80",
        "gap": "-16.13",
        "on": "2025-09-30",
    }
    assert data[1]["rate"] is None and data[1]["money"] == 500_000
    number = Table([Column("x", kind="number")], [(Fraction(7, 3),), (Fraction(4, 2),)])
    assert table_records(number) == [{"x": "7/3"}, {"x": "2"}]


def test_xlsx_writer(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "t.xlsx"
    big = 2**53 + 1  # 9.007.199.254.740.993 đồng: a float would write ...992
    table = Table(
        [Column("code", "Mã"), Column("money", "Tiền", "money"), Column("rate", "Tỷ lệ", "rate"),
         Column("on", "Ngày", "date")],
        [("007", big, Rate(1, 8), date(2025, 9, 30)), ("=A1", None, None, None)],
        title="Bảng thử",
        notes=["1 of 3 rows rejected"],
    )  # fmt: skip
    write_table_xlsx(table, target, sheet="Danh sách")
    sheet = openpyxl.load_workbook(target)["Danh sách"]
    assert [sheet["A1"].value, sheet["A2"].value] == ["Bảng thử", "1 of 3 rows rejected"]
    assert [c.value for c in sheet[4]] == ["Mã", "Tiền", "Tỷ lệ", "Ngày"]
    code, money, rate, day = sheet[5]
    assert code.value == "007" and code.data_type == "s"
    assert money.value == big and isinstance(money.value, int)
    assert Decimal(str(rate.value)) == Decimal("12.50") and rate.number_format == "0.00"
    assert day.value.date() == date(2025, 9, 30)
    assert sheet["A6"].value == "=A1" and sheet["A6"].data_type == "s"  # text, not a formula
    assert sheet["B5"].border.left.style == "thin" and sheet["D6"].border.bottom.style == "thin"
    assert "&P" in sheet.oddFooter.center.text and sheet.print_title_rows == "$4:$4"


def test_frames_of_a_table() -> None:
    assert frame_columns(_table()) == [
        "code", "name", "cases", "money", "rate_percent", "rate_numerator",
        "rate_denominator", "quota", "gap", "on",
    ]  # fmt: skip
    first = frame_records(_table())[0]
    assert (first["rate_percent"], first["rate_numerator"], first["rate_denominator"]) == (
        Decimal("66.67"),
        2,
        3,
    )
    assert first["gap"] == Decimal("-16.13")
    pandas = pytest.importorskip("pandas")
    df = table_frame(_table())
    assert str(df["cases"].dtype) == "int64" and str(df["rate_percent"].dtype) == "float64"
    assert str(df["gap"].dtype) == "float64" and str(df["money"].dtype) == "int64"
    assert str(df["rate_numerator"].dtype) == "Int64"  # the second row has no rate
    assert df["gap"][0] == -16.13 and pandas.isna(df["gap"][1])
    assert str(df["on"].dtype) == "datetime64[s]" and df["on"][0] == pandas.Timestamp(2025, 9, 30)
    far = Table([Column("d", kind="date")], [(date(9999, 12, 31),), (date(1, 1, 1),)])
    assert list(table_frame(far)["d"].dt.year) == [9999, 1]
    # beyond int64, money stays exact (Python ints) rather than overflowing
    huge = Table([Column("m", kind="money")], [(2**70,)])
    assert table_frame(huge)["m"][0] == 2**70
    polars = pytest.importorskip("polars")
    pf = table_frame(_table(), backend="polars")
    assert pf.schema["quota"] == polars.Float64 and pf.schema["cases"] == polars.Int64
    assert pf.schema["on"] == polars.Date
    with pytest.raises(InvalidRecordError, match="unknown backend 'arrow'"):
        table_frame(_table(), backend="arrow")  # type: ignore[arg-type]


@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
@settings(max_examples=200, deadline=None)
def test_no_control_character_reaches_the_terminal(names: list[str]) -> None:
    table = Table([Column("name", "Tên\x1b[0m"), Column("n", "Số", "count")],
                  [(name, i) for i, name in enumerate(names)])  # fmt: skip
    for char in render_text(table):
        assert char == "\n" or unicodedata.category(char) != "Cc", repr(char)
        assert char not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@given(st.text(max_size=20))
@settings(max_examples=300, deadline=None)
def test_the_guard_only_ever_adds_one_apostrophe(text: str) -> None:
    guarded = safe_text(text)
    assert guarded in (text, "'" + text)
    # after the guard, no cell starts (past spaces) with a formula sign or a lookalike
    stripped = guarded.lstrip(" \u00a0\u3000")
    if stripped:
        assert unicodedata.normalize("NFKC", stripped[0])[:1] not in ("=", "+", "-", "@")
