"""``thads explain`` run as a user runs it: the list of cases and a total equal to the
report's figure (issue 25)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
THADS = [sys.executable, "-m", "thads"]
INPUT = [
    "--cases",
    str(EXAMPLES / "cases.csv"),
    "--events",
    str(EXAMPLES / "events.csv"),
    "--offices",
    str(EXAMPLES / "offices.csv"),
    "--year",
    "2023",
]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*THADS, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def report_json() -> dict[str, Any]:
    done = _run("report", *INPUT, "--format", "json")
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def _figure(data: dict[str, Any], code: str, row: str, unit: str) -> int:
    for line in data["rows"]:
        if line["code"] == code:
            if row in ("enforceable", "resolved"):
                return int(line["rates"][unit][row])
            return int(line["current"][unit][row])
    raise KeyError(code)


def test_the_table_lists_the_cases_and_totals_the_figure(report_json: dict[str, Any]) -> None:
    done = _run("explain", *INPUT, "--office", "P", "--row", "enforceable")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Có điều kiện thi hành" in lines[0] and "(P)" in lines[0]
    total = lines[-1].split()
    figure = _figure(report_json, "P", "enforceable", "cases")
    assert total[0] == "Tổng" and total[-1] == str(figure)
    listed = [line.split()[0] for line in lines[3:-2]]
    assert len(listed) == figure and len(set(listed)) == figure


@pytest.mark.parametrize("row", ["accepted", "completed", "carried_forward", "resolved"])
def test_csv_money_totals_equal_the_report(report_json: dict[str, Any], row: str) -> None:
    done = _run(
        "explain", *INPUT, "--office", "A", "--row", row, "--unit", "money", "--format", "csv"
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0][-1] == "Số tiền (đồng)"
    amounts = [int(r[-1]) for r in rows[1:-1]]
    assert int(rows[-1][-1]) == sum(amounts) == _figure(report_json, "A", row, "money")


def test_xlsx_is_written(tmp_path: Path, report_json: dict[str, Any]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "explain.xlsx"
    done = _run(
        "explain", *INPUT, "--office", "P", "--row", "new", "--format", "xlsx", "--output", str(out)
    )
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(out).active
    values = [row for row in sheet.iter_rows(min_row=3, values_only=True) if any(row)]
    assert values[-1][-1] == _figure(report_json, "P", "new", "cases") == len(values) - 2


def test_usage_and_input_errors() -> None:
    assert (
        _run("explain", *INPUT, "--office", "P", "--row", "new", "--months", "13").returncode == 2
    )
    done = _run("explain", *INPUT, "--office", "nowhere", "--row", "new")
    assert done.returncode == 1 and "no row 'nowhere'" in done.stderr
    assert "Traceback" not in done.stderr
