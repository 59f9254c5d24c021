"""The report's writers at the edges (issues 21 and 22): each test failed before its fix.

Reports are counted from hand-written cases; expected figures are worked by hand.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import attrs
import pytest

from helpers import M, case, ev
from thads import Quota, Report, StatisticalPeriod, report
from thads.records import Office, OfficeLevel
from thads.write import rejected_note, summary, to_csv, to_table, write_xlsx

YEAR_2025 = StatisticalPeriod(2025, 12)  # 01/10/2024-30/09/2025


def _named(name: str, amount: int = 10 * M) -> Report:
    offices = [
        Office("01", name, OfficeLevel.PROVINCE, None),
        Office("0101", "Phòng THADS khu vực 1", OfficeLevel.AREA, "01"),
    ]
    cases = [
        case("a", date(2024, 11, 1), amount, (ev(date(2025, 1, 2), "completed"),), office="0101"),
        case("b", date(2024, 11, 1), 7 * M, office="0101"),
    ]
    return report(cases, YEAR_2025, offices=offices, quotas=Quota(2025, "80", "50"))


def test_xlsx_money_above_2_53_is_written_as_an_integer(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    big = 2**53 + 1  # 9.007.199.254.740.993 đồng; as a float it becomes ...992
    rep = _named("Cục THADS", amount=big)
    target = tmp_path / "big.xlsx"
    write_xlsx(rep, target)
    money = openpyxl.load_workbook(target)["Biểu 02"]
    # row 8 is the total; column C "Tổng số thụ lý" = big + 7 tr accepted
    assert money["C8"].value == big + 7 * M and isinstance(money["C8"].value, int)
    # in nghìn đồng the amount is written with all its digits: 9007199261740.993
    write_xlsx(rep, target, money_unit="nghìn đồng")
    with zipfile.ZipFile(target) as book:
        sheet = book.read("xl/worksheets/sheet2.xml").decode()
    assert re.search(r'<c r="C8"[^>]*><v>9007199261740\.993</v>', sheet)


def test_table_and_summary_strip_terminal_control() -> None:
    rep = _named("\x1b[31mCục\x1b[0m THADS\x1b]0;pwned\x07 Hà Nội\u202e")
    table = to_table(rep)
    assert "\x1b" not in table and "\x07" not in table and "\u202e" not in table
    assert table.splitlines()[3].startswith("  Cục THADS Hà Nội")
    text = summary(rep.row("01"), rep)
    assert text.startswith("Cục THADS Hà Nội — năm 2025")


def test_csv_guard_catches_fullwidth_equals() -> None:
    rep = _named('＝HYPERLINK("http://x")')
    names = [line["name"] for line in csv.DictReader(io.StringIO(to_csv(rep)))]
    assert names[1] == '\'＝HYPERLINK("http://x")'


def test_forms_have_borders_and_page_numbers(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "forms.xlsx"
    write_xlsx(_named("Cục THADS"), target)
    for sheet in openpyxl.load_workbook(target).worksheets:
        # headings (row 6), column numbers (7) and the 3 rows (8-10) form a bordered grid
        last = sheet.max_column
        for row in range(6, 11):
            for column in (1, last):
                side = sheet.cell(row=row, column=column).border
                assert (side.left.style, side.right.style) == ("thin", "thin"), (row, column)
                assert (side.top.style, side.bottom.style) == ("thin", "thin"), (row, column)
        assert sheet.cell(row=12, column=1).border.top.style is None  # signature block
        assert sheet.oddFooter.center.text == "Trang &P/&N"


def _with_rejections(inner: Report, read: int | None, rejected: int) -> Report:
    """A report whose reader rejected rows (Report.read_rows / rejected_rows)."""
    return attrs.evolve(inner, read_rows=read, rejected_rows=rejected)


def test_rejected_rows_are_said_in_table_summary_and_forms(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    plain = _named("Cục THADS")
    assert rejected_note(plain) is None
    assert to_table(plain).splitlines()[0].startswith("Đơn vị")
    rep = _with_rejections(plain, 300, 122)
    first = "122 of 300 rows rejected (122/300 dòng dữ liệu bị loại"
    assert to_table(rep).splitlines()[0].startswith(first)
    assert summary(plain.total, rep).splitlines()[0].startswith(first)
    target = tmp_path / "r.xlsx"
    write_xlsx(rep, target)
    for sheet in openpyxl.load_workbook(target).worksheets:
        assert sheet["A5"].value.startswith(first)
        assert sheet["A6"].value == "Đơn vị"  # the layout does not move
    unknown_total = _with_rejections(plain, None, 5)
    assert to_table(unknown_total).splitlines()[0].startswith("5 rows rejected")
