"""The command line as office staff use it (issue 21): workbooks, a province's lists in
Vietnamese, a smaller report that says so, an office missing from the offices file.

Expected figures come from docs/examples (cases T1..T6, offices P > A, B; statistical
year 2023 = 01/10/2022-30/09/2023), worked out by hand in each test.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
CASES, EVENTS = EXAMPLES / "cases.csv", EXAMPLES / "events.csv"
OFFICES = EXAMPLES / "offices.csv"
FILES = ["--cases", str(CASES), "--events", str(EVENTS)]


def _thads(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    return subprocess.run(
        [sys.executable, "-m", "thads", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def _workbook(path: Path, *, events: bool = True) -> Path:
    """The example cases (and events) as sheets "Việc" and "Sự kiện" of a workbook."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Việc"
    with open(CASES, encoding="utf-8", newline="") as handle:
        for line in csv.reader(handle):
            sheet.append(line)
    if events:
        more = book.create_sheet("Sự kiện")
        with open(EVENTS, encoding="utf-8", newline="") as handle:
            for line in csv.reader(handle):
                more.append(line)
    book.save(path)
    return path


# --- .xlsx on the command line ----------------------------------------------------------


def test_report_reads_a_workbook_as_the_csv_files(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    result = _thads(
        "report", "--cases", str(book), "--events-sheet", "Sự kiện", "--year", "2023",
        "--format", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "read_excel" not in result.stderr
    total = next(csv.DictReader(io.StringIO(result.stdout)))
    # by hand: 6 cases to enforce; T1 and T2 completed → 2 resolved; rate 2/4 enforceable
    assert (total["to_enforce"], total["completed"], total["rate_percent"]) == ("6", "2", "50.00")
    assert "Sự kiện]: 11 read, 11 accepted, 0 rejected" in result.stderr
    same = _thads("report", *FILES, "--year", "2023", "--format", "csv")
    assert result.stdout == same.stdout


def test_list_reads_a_workbook(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    result = _thads(
        "list", "carried-over", "--cases", str(book), "--events", str(book),
        "--events-sheet", "Sự kiện", "--as-of", "2023-09-30", "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # unfinished on 30/09/2023: T3 (900M − 300M collected), T4, T6, T5; most money first
    rows = json.loads(result.stdout)
    assert [(r["case_id"], r["outstanding"]) for r in rows] == [
        ("T3", 600_000_000),
        ("T4", 60_000_000),
        ("T6", 50_000_000),
        ("T5", 5_000_000),
    ]


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--events", "{events_csv}"], "same workbook"),
        (["--events", "{book}"], "--events-sheet NAME"),
        (["--encoding", "cp1258"], "--encoding is for CSV"),
    ],
)
def test_workbook_usage_errors(tmp_path: Path, extra: list[str], words: str) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"")  # never opened: the command line is refused first
    args = [a.format(book=book, events_csv=EVENTS) for a in extra]
    result = _thads("report", "--cases", str(book), "--year", "2023", *args)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


# --- a province's lists -----------------------------------------------------------------


def test_list_office_of_a_province_takes_the_offices_below_it() -> None:
    base = ["list", "being-enforced", *FILES, "--as-of", "2023-09-30", "--office", "P"]
    alone = _thads(*base)
    assert alone.returncode == 0
    assert alone.stdout.strip() == "(không có việc nào)"  # P itself has no case...
    assert "--offices" in alone.stderr  # ...and the note says how to take its offices
    result = _thads(*base, "--offices", str(OFFICES), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # being enforced at 30/09/2023 (row in_progress): T3 of A, 900M − 300M collected
    assert [(r["Mã việc"], r["Cơ quan THADS"]) for r in rows] == [("T3", "A")]
    assert rows[0]["Số tiền còn phải thi hành (đồng)"] == "600000000"
    assert rows[0]["Dòng báo cáo"] == "đang thi hành"
    assert rows[0]["Tình trạng"] == "có điều kiện thi hành"
    assert rows[0]["Loại bản án"] == "kinh doanh, thương mại"


def test_list_table_is_written_in_vietnamese() -> None:
    result = _thads("list", "carried-over", *FILES, "--as-of", "2023-09-30", "--office", "B")
    assert result.returncode == 0, result.stderr
    head, rule, *body = result.stdout.splitlines()
    assert head.split("  ")[0] == "Mã việc" and "Tình trạng" in head
    assert set(rule) == {"-"}
    assert "case_id" not in result.stdout and "enforceable" not in result.stdout
    # B's unfinished cases: T4 (chưa có điều kiện), T6 and T5 (hoãn); most money first
    assert [line.split()[0] for line in body] == ["T4", "T6", "T5"]
    assert "chưa có điều kiện thi hành" in body[0] and "60.000.000" in body[0]
    assert "hoãn thi hành án" in body[1] and "hoãn thi hành án" in body[2]


# --- a smaller report says so on stdout -------------------------------------------------


def _offices_without_b(tmp_path: Path) -> Path:
    path = tmp_path / "offices.csv"
    kept = [
        line
        for line in OFFICES.read_text(encoding="utf-8").splitlines()
        if not line.startswith("B")
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def test_an_office_missing_from_the_offices_file_is_a_rejected_row(tmp_path: Path) -> None:
    offices = _offices_without_b(tmp_path)
    result = _thads("report", *FILES, "--year", "2023", "--offices", str(offices))
    assert "Traceback" not in result.stderr
    assert result.returncode == 3, result.stderr
    assert "Warning" not in result.stderr  # a thads message, not a Python warning line
    assert "'B'" in result.stderr and "offices file" in result.stderr
    # B's cases T4, T5, T6 are held out with their one event each: 6 of the 17 rows
    # read (6 cases + 11 events), each at its line (T4's event is line 10)
    assert "6 of 17 rows rejected" in result.stdout
    assert "events.csv:10: event of case T4" in result.stderr
    strict = _thads("report", *FILES, "--year", "2023", "--offices", str(offices), "--strict")
    assert strict.returncode == 1 and "'B'" in strict.stderr


def test_rejected_rows_are_counted_in_the_json_on_stdout(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    # pandas wrote one amount as "5000000.0": refused, so 1 of the 17 rows is rejected
    cases.write_text(
        CASES.read_text(encoding="utf-8").replace(",5000000,", ",5000000.0,"), encoding="utf-8"
    )
    args = ["report", "--cases", str(cases), "--events", str(EVENTS), "--year", "2023"]
    result = _thads(*args, "--format", "json")
    assert result.returncode == 3, result.stderr
    data = json.loads(result.stdout)
    # T5's row and its one event (held with the case) are the rows not counted
    assert (data["read_rows"], data["rejected_rows"]) == (17, 2)
    table = _thads(*args)
    assert "2 of 17 rows rejected" in table.stdout


# --- messages in the command line's words ---------------------------------------------


def _main(*args: str) -> tuple[int, str, str]:
    from thads.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_messages_name_the_flags_not_python_keywords(tmp_path: Path) -> None:
    # an unknown heading: the hint is --column, not columns={...}
    cases = tmp_path / "cases.csv"
    cases.write_text(
        CASES.read_text(encoding="utf-8").replace("creditor", "Ghi chú", 1), encoding="utf-8"
    )
    code, _, err = _main("report", "--cases", str(cases), "--year", "2023")
    assert code == 1 and "--column" in err and "columns=" not in err
    # a rejected event holds its case out: the hint is --on-bad-event, not on_bad_event=
    events = tmp_path / "events.csv"
    events.write_text(
        EVENTS.read_text(encoding="utf-8") + "T6,2023-13-01,collected,1000,\n", encoding="utf-8"
    )
    code, _, err = _main("report", "--cases", str(CASES), "--events", str(events), "--year", "2023")
    assert code == 3
    assert "--on-bad-event drop_event" in err and "on_bad_event" not in err
    # a Windows-1258 file read as UTF-8: the hint is --encoding, not encoding=...
    cp1258 = tmp_path / "cp1258.csv"
    cp1258.write_bytes(CASES.read_text(encoding="utf-8").encode("cp1258"))
    code, _, err = _main("report", "--cases", str(cp1258), "--year", "2023")
    assert code == 1 and "--encoding" in err and "encoding=" not in err


def test_columns_without_a_heading_are_ignored_with_column_equals(tmp_path: Path) -> None:
    # a column under a blank heading is refused (it may hold a field); "--column =" ignores
    # such columns, as the message says
    cases = tmp_path / "cases.csv"
    lines = CASES.read_text(encoding="utf-8").splitlines()
    cases.write_text("\n".join(line + "," for line in lines) + "\n", encoding="utf-8")
    args = ["report", "--cases", str(cases), "--events", str(EVENTS), "--year", "2023"]
    code, _, err = _main(*args)
    assert code == 1 and "--column =" in err, err
    code, out, err = _main(*args, "--column", "=", "--format", "csv")
    assert code == 0, err
    assert next(csv.DictReader(io.StringIO(out)))["completed"] == "2"  # T1 and T2
    code, _, err = _main(*args, "--column", "=amount")
    assert code == 2 and "--column takes HEADING=FIELD" in err


def test_a_list_with_rejected_rows_says_so_on_stdout(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        CASES.read_text(encoding="utf-8").replace(",5000000,", ",5000000.0,"), encoding="utf-8"
    )
    args = ["list", "carried-over", "--cases", str(cases), "--events", str(EVENTS)]
    code, out, err = _main(*args, "--as-of", "2023-09-30")
    assert code == 3, err
    # T5 refused (and its one event held with it): 2 of the 17 rows; T3, T4, T6 listed
    lines = out.splitlines()
    assert lines[0].startswith("2 of 17 rows rejected")
    assert [line.split()[0] for line in lines[3:]] == ["T3", "T4", "T6"]
