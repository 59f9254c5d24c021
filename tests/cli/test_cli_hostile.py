"""Careless and hostile command lines (issue 22): a usage error (exit 2) or a clear thads
error (exit 1), never a traceback nor a hang. Each runs the real command as a process
(``python -m thads``), as a user would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
FILES = ["--cases", str(EXAMPLES / "cases.csv"), "--events", str(EXAMPLES / "events.csv")]


def _thads(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``python -m thads ARGS`` with the same import path as the tests."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    return subprocess.run(
        [sys.executable, "-m", "thads", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def _clear(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        # a year StatisticalPeriod refuses: a usage error, not exit 1 after reading
        (["report", *FILES, "--year", "1900"], "--year must be a statistical year from 1901"),
        # a year no regime is modelled for, and no --regime given
        (["report", *FILES, "--year", "2000"], "no statistics regime is modelled"),
        # --jobs has an upper bound (100000 processes hung the machine)
        (["report", *FILES, "--year", "2023", "--jobs", "100000"], "--jobs must be from 1 to 64"),
        (["report", *FILES, "--year", "2023", "--jobs", "0"], "--jobs must be from 1 to 64"),
        # codecs Python knows but that are not text encodings, or that fail on any byte
        (["report", *FILES, "--year", "2023", "--encoding", "rot13"], "'rot13' is not a text"),
        (["report", *FILES, "--year", "2023", "--encoding", "hex"], "'hex' is not a text"),
        (["report", *FILES, "--year", "2023", "--encoding", "undefined"], "'undefined' is not"),
        (["list", "large", *FILES, "--as-of", "0001-01-01"], "--as-of must be a day from"),
        (["list", "large", *FILES, "--as-of", "9999-12-31"], "--as-of must be a day from"),
        (["list", "calendar", "--as-of", "9999-12-31"], "--as-of must be a day from"),
        (
            ["list", "deadlines", *FILES, "--as-of", "2023-09-30", "--until", "9999-12-31"],
            "--until must be a day from",
        ),
        (
            ["list", "long-running", *FILES, "--as-of", "2023-09-30", "--min-months", "1000000"],
            "--min-months must be at most 1200",
        ),
    ],
)
def test_usage_errors_exit_2_without_a_traceback(args: list[str], words: str) -> None:
    result = _thads(*args)
    _clear(result)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("thads: usage error: ") and words in result.stderr
    assert result.stdout == ""


def test_an_unknown_encoding_names_the_accepted_ones() -> None:
    result = _thads("report", *FILES, "--year", "2023", "--encoding", "rot13")
    assert result.returncode == 2
    assert "accepted: utf-8, utf-8-sig, utf-16, utf-32, cp1258, latin-1" in result.stderr


@pytest.mark.parametrize(
    ("quota", "words"),
    [
        ("year,cases,money\n2023,NaN,50\n", "column 'cases'"),
        ("year,cases,money\n" + "9" * 5000 + ",80,50\n", "field 'year'"),
    ],
    ids=["nan", "5000-digit-year"],
)
def test_a_quota_file_with_an_unreadable_number_is_a_clear_error(
    tmp_path: Path, quota: str, words: str
) -> None:
    path = tmp_path / "quota.csv"
    path.write_text(quota, encoding="utf-8")
    result = _thads("report", *FILES, "--year", "2023", "--quota", str(path))
    _clear(result)
    assert result.returncode == 1
    assert result.stderr.startswith("thads: error: ") and words in result.stderr
    assert str(path) in result.stderr


def test_a_dollar_sign_in_an_office_name_draws_the_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    offices = tmp_path / "offices.csv"
    text = (EXAMPLES / "offices.csv").read_text(encoding="utf-8")
    # "$...$" is matplotlib's mathtext: an unescaped pair fails or draws another text
    offices.write_text(text.replace("THADS tỉnh P", "THADS $tỉnh$ P $5"), encoding="utf-8")
    chart = tmp_path / "rates.png"
    result = _thads(
        "report", *FILES, "--year", "2023", "--offices", str(offices),
        "--quota", str(EXAMPLES / "quota.csv"), "--chart", str(chart),
    )  # fmt: skip
    _clear(result)
    assert result.returncode == 0, result.stderr
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "$tỉnh$" in result.stdout  # the name itself is printed as written


def test_jobs_2_strict_on_a_bad_row_exits_1_within_seconds(tmp_path: Path) -> None:
    # a worker that raises used to hang the pool for ever; the error must come back
    cases = tmp_path / "cases.csv"
    text = (EXAMPLES / "cases.csv").read_text(encoding="utf-8")
    cases.write_text(text + "T9,A,A-1,on_request,civil,1/2023/DS-ST,2023-01-01,"
                     "2023-02-01,-5,private\n", encoding="utf-8")  # fmt: skip
    args = ["report", "--cases", str(cases), "--year", "2023", "--jobs", "2", "--strict"]
    try:
        result = _thads(*args, "--events", str(EXAMPLES / "events.csv"), timeout=60)
    except subprocess.TimeoutExpired:  # pragma: no cover - the hang of issue 22
        pytest.fail("thads report --jobs 2 --strict did not end within 60 s")
    _clear(result)
    assert result.returncode == 1, result.stderr
    assert "T9" in result.stderr and "amount" in result.stderr
