"""Export: every figure printed is the one its printed rate is computed from.

Expected values are worked by hand from the counting rules (docs/counting-rules.md).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from helpers import M, case, ev
from thads import Quota, Report, StatisticalPeriod, report
from thads.records import Office, OfficeLevel
from thads.rules import regime_by_code
from thads.write import (
    form_number,
    safe_text,
    summary,
    to_csv,
    to_dict,
    to_json,
    to_table,
    write_xlsx,
)

YEAR_2025 = StatisticalPeriod(2025, 12)  # 01/10/2024-30/09/2025, under TT 05/2024


def _two_cases() -> list:  # type: ignore[type-arg]
    # c1: 100 tr accepted 01/11/2024; 30 tr collected, then terminated: by the rules
    #     completed 30 tr, terminated 70 tr (the remainder at termination).
    # c2: 100 tr accepted 01/11/2024, no event: in progress, 100 tr.
    return [
        case(
            "c1",
            date(2024, 11, 1),
            100 * M,
            (ev(date(2025, 1, 10), "collected", 30 * M), ev(date(2025, 2, 1), "terminated")),
        ),
        case("c2", date(2024, 11, 1), 100 * M),
    ]


def _report_completed_only() -> Report:
    regime = regime_by_code("tt05_2024").with_options(money_resolved_rows=frozenset({"completed"}))
    return report(_two_cases(), YEAR_2025, regime=regime, quotas=Quota(2025, "80", "20"))


def test_money_figures_follow_the_regime_option_everywhere() -> None:
    # Money under the option "completed only": terminated (70 tr) leaves numerator and
    # denominator. enforceable = 30 + 70 + 100 - 70 = 130 tr; resolved = 30 tr;
    # rate = 30/130 = 23,0769..% -> 23,08%. Before the fix the table printed 200 and 30.
    rep = _report_completed_only()
    total = rep.total
    assert total.enforceable("money") == 130 * M
    assert total.resolved("money") == 30 * M
    rate = total.rate("money")
    assert rate is not None and (rate.numerator, rate.denominator) == (30 * M, 130 * M)
    assert str(rate.percent) == "23.08"
    # cases are not affected: 2 enforceable, 1 resolved (c1 terminated)
    assert (total.enforceable("cases"), total.resolved("cases")) == (2, 1)

    cells = to_table(rep).splitlines()[2].split()  # the total row, money in triệu
    # ... money có ĐK, xong, rate, ± quota, ± same period, then the planner's columns
    assert cells[-7:-4] == ["130", "30", "23,08%"]
    # quota 80% of 2 enforceable cases: ceil(1,6) - 1 = 1 more case; money needs none
    assert cells[-2:] == ["1", "0"]
    assert "200" not in cells

    text = summary(total, rep)
    assert "có điều kiện 130,00 triệu đồng" in text
    assert "giải quyết xong 30,00 triệu đồng, đạt 23,08%" in text
    assert "cần giải quyết thêm 1 việc và 0,00 triệu đồng" in text

    line = next(csv.DictReader(io.StringIO(to_csv(rep, "money"))))
    assert (line["enforceable"], line["resolved"], line["rate_percent"]) == (
        str(130 * M),
        str(30 * M),
        "23.08",
    )
    # quota 20%: 23,08 - 20,00 = +3,08 points; after 12 months progress is the same
    assert line["quota_points"] == "3.08" and line["progress_points"] == "3.08"
    assert line["needed"] == "0"  # 20% of 130 tr = 26 tr <= 30 tr resolved

    money = to_dict(rep)["rows"][0]["rates"]["money"]  # type: ignore[index]
    assert (money["enforceable"], money["resolved"], money["percent"]) == (
        130 * M,
        30 * M,
        "23.08",
    )
    # quota 20% of 130 tr = 26 tr <= 30 tr resolved: nothing more needed
    assert money["needed"] == 0


def test_xlsx_prints_the_same_money_figures(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    rep = _report_completed_only()
    target = tmp_path / "r.xlsx"
    write_xlsx(rep, target)
    sheet = openpyxl.load_workbook(target)["Biểu 02"]
    headings = [cell.value for cell in sheet[6]]
    total = [cell.value for cell in sheet[8]]
    assert total[headings.index("Có điều kiện thi hành")] == 130 * M
    assert total[headings.index("Giải quyết xong")] == 30 * M
    assert Decimal(str(total[headings.index("Tỷ lệ thi hành xong (%)")])) == Decimal("23.08")


def _tree() -> list[Office]:
    return [
        Office("01", '=HYPERLINK("http://x")', OfficeLevel.PROVINCE, None),
        Office("0101", "Phòng THADS khu vực 1", OfficeLevel.AREA, "01"),
    ]


def _tree_report() -> Report:
    cases = [
        case("a", date(2024, 11, 1), 5 * M, (ev(date(2025, 1, 2), "completed"),), office="0101"),
        case("b", date(2024, 11, 1), 7 * M, office="0101"),
    ]
    return report(cases, YEAR_2025, offices=_tree(), quotas=Quota(2025, "82.80", "51"))


def test_xlsx_form_layout(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    rep = _tree_report()
    target = tmp_path / "forms.xlsx"
    write_xlsx(rep, target, money_unit="nghìn đồng")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Biểu 01", "Biểu 02"]  # TT 05/2024 forms 1 and 2
    sheet = book["Biểu 01"]
    assert sheet["A1"].value == "Biểu số 01"
    assert sheet["A2"].value == "KẾT QUẢ THI HÀNH ÁN DÂN SỰ TÍNH BẰNG VIỆC"
    assert "từ 01/10/2024 đến 30/09/2025" in sheet["A3"].value
    # the reporting office is the one province under the total
    assert sheet["A4"].value == 'Đơn vị báo cáo: =HYPERLINK("http://x")'
    assert sheet["A4"].data_type == "s"
    headings = [cell.value for cell in sheet[6]]
    assert headings[:4] == ["Đơn vị", "Mã", "Tổng số thụ lý", "Năm trước chuyển sang"]
    assert "Hoãn (điểm c khoản 1 Điều 48)" in headings
    assert [cell.value for cell in sheet[7]][:4] == ["(A)", "(B)", "(1)", "(2)"]
    codes = [sheet.cell(row=r, column=2).value for r in range(8, 11)]
    assert codes == ["VN", "01", "0101"]  # total first, then the tree; "01" keeps its zero
    assert sheet.cell(row=9, column=2).data_type == "s"
    assert sheet.cell(row=10, column=1).alignment.indent == 2
    accepted = sheet.cell(row=10, column=3)
    assert accepted.value == 2 and accepted.number_format == "#,##0"
    rate = sheet.cell(row=10, column=headings.index("Tỷ lệ thi hành xong (%)") + 1)
    # 1 completed of 2 enforceable = 50,00%
    assert Decimal(str(rate.value)) == Decimal("50.00") and rate.number_format == "0.00"
    # quota 82,80%: ceil(0,828 x 2) - 1 = 1 more case for office 0101
    needed = sheet.cell(row=10, column=headings.index("Cần giải quyết thêm để đạt chỉ tiêu") + 1)
    assert needed.value == 1
    # print setup: A4 landscape, one page wide, heading rows repeated
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4 in the OOXML paper codes
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$6:$7"
    assert sheet.freeze_panes == "C8"
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "NGƯỜI LẬP BIỂU" in values and "THỦ TRƯỞNG ĐƠN VỊ" in values
    # no cell is a formula, not even the office named "=HYPERLINK(...)"
    for each in book.worksheets:
        for row in each.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    assert sheet.cell(row=9, column=1).value == '=HYPERLINK("http://x")'
    # money in nghìn đồng, exact: 12.000.000 đồng accepted = 12.000 nghìn đồng
    money = book["Biểu 02"]
    assert "nghìn đồng" in money.cell(row=4, column=len(headings) - 3).value
    assert Decimal(str(money.cell(row=8, column=3).value)) == Decimal(12_000)


def test_csv_escapes_formula_text() -> None:
    rep = _tree_report()
    names = [line["name"] for line in csv.DictReader(io.StringIO(to_csv(rep)))]
    assert names[1] == '\'=HYPERLINK("http://x")'
    assert [safe_text(t) for t in ("+1", "-1", "@a", "\tx", "\rx", "ok", "−2")] == [
        "'+1",
        "'-1",
        "'@a",
        "'\tx",
        "'\rx",
        "ok",
        "'−2",
    ]


def test_form_numbers_belong_to_the_regime() -> None:
    rep = _tree_report()
    assert (form_number(rep, "cases"), form_number(rep, "money")) == ("01", "02")
    older = report(_two_cases(), YEAR_2025, regime=regime_by_code("tt06_2019"))
    # TT 06/2019's list of forms is unknown (statistics-rules.md §6.2): no number
    assert form_number(older, "cases") is None
    assert next(csv.DictReader(io.StringIO(to_csv(older))))["form"] == ""


def test_postponed_heading_follows_the_regime() -> None:
    # TT 01/2013 counts every postponement and suspension with conditions (§2)
    assert regime_by_code("tt01_2013").heading("postponed") == "Hoãn, tạm đình chỉ"
    assert regime_by_code("tt05_2024").heading("postponed") == "Hoãn (điểm c khoản 1 Điều 48)"
    with pytest.raises(Exception, match="unknown row"):
        regime_by_code("tt05_2024").heading("nonsense")


def test_json_carries_depth_and_regime_figures() -> None:
    data = json.loads(to_json(_tree_report()))
    assert [(r["code"], r["depth"]) for r in data["rows"]] == [("VN", 0), ("01", 1), ("0101", 2)]
    row = data["rows"][2]
    assert (row["parent"], data["rows"][1]["parent"]) == ("01", "VN")
    cases = row["rates"]["cases"]
    assert (cases["enforceable"], cases["resolved"], cases["percent"]) == (2, 1, "50.00")
    # 50,00 - 82,80 = -32,80 points
    assert cases["attainment"] == "-32.80"
    # quota 82,80% of 2 enforceable: ceil(1,656) = 2, 1 resolved -> 1 more case needed
    assert cases["needed"] == 1
    # money: 12 tr enforceable, 5 tr resolved; quota 51%: ceil(6.120.000) - 5.000.000
    assert row["rates"]["money"]["needed"] == 1_120_000


def test_xlsx_rejects_an_unknown_money_unit(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    with pytest.raises(Exception, match="money_unit"):
        write_xlsx(_tree_report(), tmp_path / "x.xlsx", money_unit="tỷ")  # type: ignore[arg-type]


def test_xlsx_codes_stay_text_by_executor(tmp_path: Path) -> None:
    # before: office "01" became 1, executor "0101" became 101, form "04" became 4 and a
    # code "²" crashed, because the xlsx re-parsed its own CSV text
    openpyxl = pytest.importorskip("openpyxl")
    cases = [
        case("a", date(2024, 11, 1), 5 * M, office="01", executor="0101"),
        case("b", date(2024, 11, 1), 5 * M, office="01", executor="²"),
    ]
    rep = report(cases, YEAR_2025, by="executor")
    target = tmp_path / "e.xlsx"
    write_xlsx(rep, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Biểu 04", "Biểu 05"]  # TT 05/2024, split by executor
    sheet = book["Biểu 04"]
    assert sheet["A1"].value == "Biểu số 04"
    codes = [sheet.cell(row=r, column=2) for r in range(8, 8 + len(rep.rows))]
    assert [c.value for c in codes] == ["VN", "01", "0101", "²"]
    assert all(c.data_type == "s" for c in codes)
