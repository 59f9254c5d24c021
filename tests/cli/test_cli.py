"""The thads command."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from thads.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_demo_prints_the_published_rates() -> None:
    code, out, _ = _run("demo")
    assert code == 0
    assert "82,90%" in out and "51,24%" in out
    assert "16.109" in out and "10.289" in out
    assert "vượt 0,10% về việc, vượt 5,44% về tiền" in out


def test_demo_json() -> None:
    code, out, _ = _run("demo", "--format", "json")
    assert code == 0
    data = json.loads(out)
    province = next(r for r in data["rows"] if r["code"] == "ST")
    assert province["rates"]["cases"]["percent"] == "82.90"
    assert province["rates"]["money"]["attainment"] == "5.44"


CASES = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
    "c1,A,A-1,on_request,civil,1,,2022-11-01,100,private\n"
    "c2,A,A-2,active,criminal,2,,2022-11-01,50,state\n"
)
EVENTS = "case_id,date,kind,amount\nc1,2023-01-01,collected,100\nc1,2023-01-01,completed,\n"


def _inputs(tmp_path: Path, cases: str = CASES) -> list[str]:
    (tmp_path / "c.csv").write_text(cases)
    (tmp_path / "e.csv").write_text(EVENTS)
    return ["--cases", str(tmp_path / "c.csv"), "--events", str(tmp_path / "e.csv")]


def test_report_from_files(tmp_path: Path) -> None:
    args = _inputs(tmp_path)
    code, out, err = _run("report", *args, "--year", "2023", "--by", "executor", "--format", "csv")
    assert code == 0, err
    header, *rows = [line.split(",") for line in out.splitlines()]
    total = dict(zip(header, rows[0], strict=True))
    # c1 completed, c2 in progress by default: 1 of 2 enforceable cases resolved
    # year 2023 ends on 30/09/2023, under TT 06/2019, whose list of forms is unknown:
    # no form number is printed (04 is TT 05/2024's)
    assert (total["form"], total["code"]) == ("", "VN")
    assert (total["accepted"], total["enforceable"], total["resolved"]) == ("2", "2", "1")
    assert total["rate_percent"] == "50.00"
    assert [r[1] for r in rows] == ["VN", "A", "A-1", "A-2"]
    assert "2 read, 2 accepted, 0 rejected" in err


def test_report_with_bad_rows_exits_3_and_says_why(tmp_path: Path) -> None:
    args = _inputs(tmp_path, CASES + "c3,A,A-1,sometimes,civil,3,,2022-11-01,1,private\n")
    code, _, err = _run("report", *args, "--year", "2023", "--rejected", str(tmp_path / "r.csv"))
    assert code == 3
    assert "c.csv:4: case c3: field 'mode'" in err
    assert "sometimes" in (tmp_path / "r.csv").read_text()


def test_report_errors_exit_1(tmp_path: Path) -> None:
    code, _, err = _run("report", "--cases", str(tmp_path / "missing.csv"), "--year", "2023")
    assert code == 1 and "thads: error:" in err
    (tmp_path / "c.csv").write_text(CASES + "c3,A,A-1,sometimes,civil,3,,2022-11-01,1,private\n")
    code, _, err = _run("report", "--cases", str(tmp_path / "c.csv"), "--year", "2023", "--strict")
    assert code == 1 and "'mode'" in err
    code, _, err = _run(
        "report", "--cases", str(tmp_path / "c.csv"), "--year", "2023", "--months", "13"
    )
    assert code == 2 and "months" in err  # a usage error (issue 9), checked before reading


def test_xlsx_output(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "demo.xlsx"
    code, _, err = _run("demo", "--format", "xlsx", "--output", str(target))
    assert code == 0, err
    book = openpyxl.load_workbook(target)
    # the demo year 2023 is under TT 06/2019, whose form numbers are unknown
    assert book.sheetnames == ["Biểu việc", "Biểu tiền"]
    sheet = book["Biểu việc"]
    header = [cell.value for cell in sheet[6]]
    province = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "ST")
    # Sóc Trăng 2023 (statistics-rules.md §9): 16.109 cases accepted
    assert province[header.index("Tổng số thụ lý")] == 16_109
    rate_cell = sheet.cell(
        row=[r[1].value for r in sheet.iter_rows()].index("ST") + 1,
        column=header.index("Tỷ lệ thi hành xong (%)") + 1,
    )
    assert rate_cell.number_format == "0.00"
    assert Decimal(str(rate_cell.value)) == Decimal("82.9")  # Excel stores a number


def test_xlsx_without_openpyxl_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    code, _, err = _run("demo", "--format", "xlsx", "--output", "x.xlsx")
    assert code == 2  # a usage error, before anything is counted (review)
    assert "pip install 'thads[excel]'" in err


def test_xlsx_needs_an_output_file() -> None:
    code, _, err = _run("demo", "--format", "xlsx")
    assert code == 2  # a usage error (issue 9)
    assert "--output" in err
