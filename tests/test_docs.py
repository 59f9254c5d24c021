"""The tutorial's figures (docs/tutorial.md), counted by hand there, from its files."""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import thads
from thads.cli import main
from thads.io import read_offices, read_quotas

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"


def test_tutorial_figures() -> None:
    cases = thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")
    report = thads.report(
        cases,
        thads.StatisticalPeriod(2023),
        by="office",
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    ).check()
    p = report.row("P")
    assert p.current.cases == thads.Tally(
        carried_over=1,
        new=5,
        completed=2,
        in_progress=1,
        postponed=1,
        stayed=1,
        without_conditions=1,
    )
    m = 1_000_000
    assert p.current.money.carried_over == 200 * m
    assert p.current.money.new == 1_030 * m
    assert p.current.money.resolved == 515 * m
    assert p.current.money.enforceable == 1_165 * m
    assert p.case_rate is not None and p.case_rate.percent == Decimal("50.00")
    assert p.money_rate is not None and p.money_rate.percent == Decimal("44.21")
    a = report.row("A")
    assert a.case_rate is not None and a.case_rate.percent == Decimal("66.67")
    assert p.attainment is not None and p.attainment.money is not None
    assert p.attainment.money.value == Decimal("-1.59")
    assert all(c.rejected == 0 for c in cases.counts.values())


def test_tutorial_bad_row(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "events.csv", tmp_path / "events.csv")
    text = (EXAMPLES / "cases.csv").read_text(encoding="utf-8")
    (tmp_path / "cases.csv").write_text(
        text + "T7,A,A-1,sometimes,civil,,,2023-01-01,1,private\n", encoding="utf-8"
    )
    err = io.StringIO()
    code = main(
        [
            "report",
            "--cases",
            str(tmp_path / "cases.csv"),
            "--events",
            str(tmp_path / "events.csv"),
            "--year",
            "2023",
        ],
        out=io.StringIO(),
        err=err,
    )
    assert code == 3
    assert "cases.csv: 7 read, 6 accepted, 1 rejected" in err.getvalue()
    assert "cases.csv:8: case T7: field 'mode': unknown value 'sometimes'" in err.getvalue()


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copy(EXAMPLES / "cases.csv", tmp_path / "cases.csv")
    shutil.copy(EXAMPLES / "events.csv", tmp_path / "events.csv")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    rate = namespace["r"]
    assert isinstance(rate, thads.Rate)
    assert rate.percent == Decimal("82.90")
    report = namespace["report"]
    assert isinstance(report, thads.Report)
    assert report.total.current.cases.accepted == 6
