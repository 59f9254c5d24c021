"""The command line as a new user meets it (review): the readers' options (--locale,
--zero-fraction), explain --allow-last-known, messages in the command line's words,
files named by their option, usage errors before reading, a workbook's events sheet.

Each test runs ``python -m thads`` as a subprocess: the exit code is part of what it checks.
Expected figures come from docs/examples (cases T1..T6; statistical year 2023).
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
CASES, EVENTS = EXAMPLES / "cases.csv", EXAMPLES / "events.csv"
FILES = ["--cases", str(CASES), "--events", str(EVENTS)]


def _thads(
    *args: str, without: tuple[str, ...] = (), cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m thads ARGS``; ``without``: packages made unimportable (a module of that
    name raising ImportError is put first on the path)."""
    path = [p for p in sys.path if p]
    if without and cwd is not None:
        blocker = cwd / "blocked"
        blocker.mkdir(exist_ok=True)
        for name in without:
            (blocker / f"{name}.py").write_text(f"raise ImportError('no {name} here')\n")
        path.insert(0, str(blocker))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(path))
    return subprocess.run(
        [sys.executable, "-m", "thads", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
        cwd=cwd,
    )


def _vietnamese_files(tmp_path: Path) -> list[str]:
    """The example files with dates dd/mm/yyyy and amounts 1.200.000 / 1200.0."""
    out = []
    for source, name in ((CASES, "cases.csv"), (EVENTS, "events.csv")):
        with open(source, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        for row in rows[1:]:
            for j, cell in enumerate(row):
                if len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
                    row[j] = f"{cell[8:]}/{cell[5:7]}/{cell[:4]}"
        target = tmp_path / name
        with open(target, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        out += [f"--{name.split('.')[0]}", str(target)]
    return out


# --- 1. --locale vi and --zero-fraction -------------------------------------------------


def test_locale_vi_reads_dd_mm_yyyy_dates_in_report_list_and_explain(tmp_path: Path) -> None:
    files = _vietnamese_files(tmp_path)
    plain = _thads("report", *files, "--year", "2023", "--format", "csv")
    assert plain.returncode == 3  # every row has a dd/mm/yyyy date: rejected
    assert "--locale vi" in plain.stderr and "locale='vi'" not in plain.stderr
    vi = _thads("report", *files, "--year", "2023", "--format", "csv", "--locale", "vi")
    assert vi.returncode == 0, vi.stderr
    iso = _thads("report", *FILES, "--year", "2023", "--format", "csv")
    assert vi.stdout == iso.stdout  # the same dates, the same report
    listed = _thads(
        "list", "being-enforced", *files, "--as-of", "2023-09-30", "--locale", "vi",
        "--format", "json",
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    explained = _thads(
        "explain", *files, "--year", "2023", "--office", "A", "--row", "completed",
        "--locale", "vi",
    )  # fmt: skip
    assert explained.returncode == 0, explained.stderr
    # by hand: T1 (01/2023 completed) and T2 are A's two completed cases
    assert "Tổng cộng (2 việc)" in explained.stdout


def test_zero_fraction_reads_amounts_written_as_whole_floats(tmp_path: Path) -> None:
    with open(CASES, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index("amount")
    for row in rows[1:]:
        row[at] += ".0"
    cases = tmp_path / "cases.csv"
    with open(cases, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    files = ["--cases", str(cases), "--events", str(EVENTS)]
    plain = _thads("report", *files, "--year", "2023", "--format", "csv")
    assert plain.returncode == 3
    assert "--zero-fraction" in plain.stderr and "zero_fraction=True" not in plain.stderr
    read = _thads("report", *files, "--year", "2023", "--format", "csv", "--zero-fraction")
    assert read.returncode == 0, read.stderr
    total = next(csv.DictReader(io.StringIO(read.stdout)))
    assert total["to_enforce"] == "6"  # the 6 example cases, none rejected


# --- 2. explain --allow-last-known -------------------------------------------------------


def test_explain_takes_allow_last_known() -> None:
    refused = _thads("explain", *FILES, "--year", "2026", "--office", "A", "--row", "accepted")
    assert refused.returncode == 1
    assert "--allow-last-known" in refused.stderr
    counted = _thads(
        "explain", *FILES, "--year", "2026", "--office", "A", "--row", "accepted",
        "--allow-last-known",
    )  # fmt: skip
    assert counted.returncode == 0, counted.stderr
    assert "Tổng cộng" in counted.stdout


# --- 3. messages in the command line's words ---------------------------------------------


def test_events_out_of_order_name_the_sorted_option(tmp_path: Path) -> None:
    with open(EVENTS, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    events = tmp_path / "events.csv"
    with open(events, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *reversed(rows[1:])])  # T6 before T5...
    result = _thads(
        "report", "--cases", str(CASES), "--events", str(events), "--year", "2023",
        "--sorted", "--strict",
    )  # fmt: skip
    assert result.returncode == 1
    assert "not sorted by case_id" in result.stderr
    assert "without --sorted" in result.stderr and "sorted_input" not in result.stderr


def test_missing_holidays_says_to_install_the_extra(tmp_path: Path) -> None:
    # TT 05/2024's due days count working days: the holidays calendar is needed
    result = _thads(
        "list", "calendar", "--as-of", "2024-12-31", without=("holidays",), cwd=tmp_path
    )
    assert result.returncode == 1
    assert "thads[holidays]" in result.stderr
    assert "calendar=" not in result.stderr and "thads.law" not in result.stderr
    deadlines = _thads(
        "list", "deadlines", "--cases", "nope.csv", "--as-of", "2023-09-30",
        without=("holidays",), cwd=tmp_path,
    )  # fmt: skip
    assert deadlines.returncode == 2  # before reading (nope.csv is not even looked for)
    assert "thads[holidays]" in deadlines.stderr and "calendar=" not in deadlines.stderr


@pytest.mark.parametrize(
    ("row", "column", "other", "bad"),
    [("2023,abc,80", "cases", "money", "abc"), ("2023,80,101", "money", "cases", "101")],
)
def test_a_bad_quota_cell_names_its_column(
    tmp_path: Path, row: str, column: str, other: str, bad: str
) -> None:
    quota = tmp_path / "quota.csv"
    quota.write_text(f"year,cases,money\n{row}\n", encoding="utf-8")
    result = _thads("report", *FILES, "--year", "2023", "--quota", str(quota))
    assert result.returncode == 1
    assert "'target'" not in result.stderr
    assert f"--quota {quota}:2: column '{column}'" in result.stderr
    assert f"'{other}'" not in result.stderr
    assert bad in result.stderr


# --- 4. a missing file is named with its option -----------------------------------------


@pytest.mark.parametrize("option", ["--quota", "--offices", "--cases", "--events"])
def test_a_missing_file_names_its_option(option: str, tmp_path: Path) -> None:
    given = {"--cases": str(CASES), "--events": str(EVENTS), option: "nope.csv"}
    args = [part for pair in given.items() for part in pair]
    result = _thads("report", *args, "--year", "2023", cwd=tmp_path)
    assert result.returncode == 1
    assert f"thads: error: {option} nope.csv" in result.stderr
    assert "Errno" not in result.stderr


# --- 5. usage errors before reading -------------------------------------------------------


def test_column_mapped_to_no_field_is_a_usage_error(tmp_path: Path) -> None:
    # nope.csv does not exist: a usage error comes before any file is looked for
    result = _thads(
        "report", "--cases", "nope.csv", "--year", "2023", "--column", "x=nonfield",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--column" in result.stderr and "'nonfield'" in result.stderr
    assert "case_id" in result.stderr and "kind" in result.stderr  # the fields accepted
    assert "events.csv" not in result.stderr


def test_missing_excel_extra_is_a_usage_error_before_reading(tmp_path: Path) -> None:
    result = _thads(
        "report", "--cases", "nope.csv", "--year", "2023", "--format", "xlsx",
        "--output", "out.xlsx", without=("openpyxl",), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert "thads[excel]" in result.stderr and "--format xlsx" in result.stderr
    listed = _thads(
        "list", "large", "--cases", "nope.csv", "--as-of", "2023-09-30", "--format", "xlsx",
        "--output", "out.xlsx", without=("openpyxl",), cwd=tmp_path,
    )  # fmt: skip
    assert listed.returncode == 2 and "thads[excel]" in listed.stderr


def test_missing_chart_extra_is_a_usage_error_before_reading(tmp_path: Path) -> None:
    result = _thads(
        "report", "--cases", "nope.csv", "--year", "2023", "--chart", "rates.png",
        without=("matplotlib",), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2
    assert "thads[chart]" in result.stderr and "--chart" in result.stderr
    assert not (tmp_path / "rates.png").exists()


# --- 6. a workbook's events sheet is never ignored silently ------------------------------


def _workbook(path: Path, events_sheet: str | None, headings: list[str] | None = None) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Việc"
    with open(CASES, encoding="utf-8", newline="") as handle:
        for line in csv.reader(handle):
            sheet.append(line)
    if events_sheet is not None:
        more = book.create_sheet(events_sheet)
        with open(EVENTS, encoding="utf-8", newline="") as handle:
            lines = list(csv.reader(handle))
        more.append(headings or lines[0])
        for line in lines[1:]:
            more.append(line)
    book.create_sheet("Ghi chú").append(["ghi chú", "người lập"])  # not an events sheet
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "headings"),
    [
        ("events", None),
        ("Sự kiện", ["Mã việc", "Ngày", "Loại sự kiện", "Số tiền", "Căn cứ"]),
    ],
)
def test_an_unnamed_events_sheet_is_a_usage_error(
    name: str, headings: list[str] | None, tmp_path: Path
) -> None:
    book = _workbook(tmp_path / "book.xlsx", name, headings)
    result = _thads("report", "--cases", str(book), "--year", "2023", "--format", "csv")
    assert result.returncode == 2, result.stderr
    assert f"--events-sheet {name!r}" in result.stderr and "--no-events" in result.stderr
    assert result.stdout == ""
    listed = _thads("list", "large", "--cases", str(book), "--as-of", "2023-09-30")
    assert listed.returncode == 2 and f"{name!r}" in listed.stderr
    named = _thads(
        "report", "--cases", str(book), "--events-sheet", name, "--year", "2023",
        "--format", "csv",
    )  # fmt: skip
    assert named.returncode == 0, named.stderr
    # by hand: T1 and T2 completed in the year
    assert next(csv.DictReader(io.StringIO(named.stdout)))["completed"] == "2"
    without = _thads(
        "report", "--cases", str(book), "--no-events", "--year", "2023", "--format", "csv"
    )
    assert without.returncode == 0, without.stderr
    assert next(csv.DictReader(io.StringIO(without.stdout)))["completed"] == "0"


def test_a_workbook_without_an_events_sheet_is_read_without_events(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx", None)
    result = _thads("report", "--cases", str(book), "--year", "2023", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "no --events" in result.stderr  # the note stays
    both = _thads(
        "report", "--cases", str(book), "--no-events", "--events-sheet", "x", "--year", "2023"
    )
    assert both.returncode == 2
