"""Data frames out: wide per report row, long for BI tools; checked against hand counts.

The tutorial files (docs/examples, counted by hand in docs/tutorial.md): office A has
T1 (carried over, completed: 50 + 150 million collected), T2 (new, completed, 15 million),
T3 (new, enforceable, 300 of 900 million collected); office B has T4 (no conditions),
T5 (postponed 48.1.a: stayed), T6 (postponed 48.1.c: counted with conditions).
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

import thads
from thads import write as frames
from thads.errors import MissingExtraError
from thads.read import read_offices, read_quotas

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
M = 1_000_000


@pytest.fixture(scope="module")
def tutorial() -> thads.Report:
    cases = thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")
    return thads.report(
        cases,
        thads.StatisticalPeriod(2023),
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    )


def _check_office_a(row: dict[str, object]) -> None:
    assert row["parent"] == "P" and row["depth"] == 2
    assert row["cases_carried_over"] == 1  # T1
    assert row["cases_new"] == 2  # T2, T3
    assert row["cases_accepted"] == 3
    assert row["cases_completed"] == 2  # T1, T2
    assert row["cases_in_progress"] == 1  # T3
    assert row["cases_enforceable"] == 3
    assert (row["case_rate_numerator"], row["case_rate_denominator"]) == (2, 3)
    assert float(row["case_rate_percent"]) == 66.67  # type: ignore[arg-type]  # 200/3 = 66.666...
    # money resolved: 200 (T1) + 15 (T2) + 300 (T3 collected) = 515 million;
    # enforceable: 200 + 15 + 900 = 1,115 million; 515/1115 = 46.188...% -> 46.19
    assert row["money_resolved"] == 515 * M
    assert row["money_enforceable"] == 1_115 * M
    assert (row["money_rate_numerator"], row["money_rate_denominator"]) == (515 * M, 1_115 * M)
    assert float(row["money_rate_percent"]) == 46.19  # type: ignore[arg-type]
    assert float(row["quota_cases"]) == 82.80  # type: ignore[arg-type]


def test_records_hand_counted(tutorial: thads.Report) -> None:
    rows = {r["code"]: r for r in frames.records(tutorial)}
    _check_office_a(rows["A"])
    b = rows["B"]
    # B: T4 without conditions, T5 stayed, T6 postponed (with conditions), nothing resolved
    assert (b["cases_without_conditions"], b["cases_stayed"], b["cases_postponed"]) == (1, 1, 1)
    assert b["cases_enforceable"] == 1
    assert (b["case_rate_numerator"], b["case_rate_denominator"]) == (0, 1)
    # P is the sum of A and B: 6 accepted, 2 of 4 with conditions resolved
    p = rows["P"]
    assert p["cases_accepted"] == 6
    assert (p["case_rate_numerator"], p["case_rate_denominator"]) == (2, 4)
    # records are exact: the published percent as a Decimal, not text
    assert p["case_rate_percent"] == Decimal("50.00")


def test_quota_planner_and_same_period_columns(tutorial: thads.Report) -> None:
    rows = {r["code"]: r for r in frames.records(tutorial)}
    p = rows["P"]
    # P: 2 of 4 cases resolved = 50,00%; quota 82,80%: 50,00 - 82,80 = -32,80 points;
    # needed ceil(0,828 x 4) - 2 = ceil(3,312) - 2 = 2 more cases
    assert (p["quota_points_cases"], p["needed_cases"]) == (Decimal("-32.80"), 2)
    # money: 515 of 1.165 million (A 1.115 + B's postponed 50): quota 45,80%:
    # ceil(0,458 x 1.165.000.000) - 515.000.000 = 533.570.000 - 515.000.000 = 18.570.000
    assert p["needed_money"] == 18_570_000
    # a 12-month period: progress equals the points over the quota
    assert p["progress_points_cases"] == p["quota_points_cases"]
    assert rows["VN"]["needed_cases"] is None  # no quota for the total


def test_to_pandas_hand_counted(tutorial: thads.Report) -> None:
    pytest.importorskip("pandas")
    df = thads.write.to_pandas(tutorial)
    assert list(df["code"]) == [tutorial.total.code, "P", "A", "B"]  # tree order
    row = df.set_index("code").loc["A"].to_dict()
    row["code"] = "A"
    _check_office_a(row)
    assert str(df["cases_accepted"].dtype) == "int64"
    assert str(df["money_resolved"].dtype) == "int64"  # whole đồng, not floats
    # rates, quota targets and points are numeric columns (issue 21), exact terms int
    for name in ("case_rate_percent", "money_rate_percent", "quota_cases", "quota_money",
                 "quota_points_cases", "progress_points_money", "rate_change_points_cases",
                 "previous_rate_cases_percent"):  # fmt: skip
        assert str(df[name].dtype) == "float64", name
    for name in ("case_rate_numerator", "case_rate_denominator", "money_rate_denominator"):
        assert str(df[name].dtype) == "int64", name
    # the total has no quota: an empty cell in a nullable integer column, not an object
    assert str(df["needed_cases"].dtype) == "Int64"
    assert df.set_index("code").loc["P", "quota_points_cases"] == -32.80
    # one column per row of both tallies: 17 rows (11 primitive + 6 derived) x 2
    assert sum(c.startswith(("cases_", "money_")) and "rate" not in c for c in df.columns) == 34


def test_to_polars_hand_counted(tutorial: thads.Report) -> None:
    polars = pytest.importorskip("polars")
    df = thads.write.to_polars(tutorial)
    a = df.filter(polars.col("code") == "A").to_dicts()[0]
    _check_office_a(a)
    assert df.schema["money_resolved"] == polars.Int64
    for name in ("case_rate_percent", "quota_cases", "quota_points_money"):
        assert df.schema[name] == polars.Float64, name
    assert df.schema["money_rate_numerator"] == polars.Int64
    assert df.schema["name"] == polars.Utf8


def test_long_frame(tutorial: thads.Report) -> None:
    pytest.importorskip("pandas")
    previous = thads.report(
        thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv"),
        thads.StatisticalPeriod(2023, 6),
        offices=read_offices(EXAMPLES / "offices.csv"),
    )
    df = thads.write.frame([previous, tutorial])
    assert list(df.columns) == ["period", "office", "level", "parent", "unit", "row", "value"]
    # 2 reports x 4 rows x 2 units x 17 rows
    assert len(df) == 2 * 4 * 2 * 17
    pick = df[(df.period == "năm 2023") & (df.office == "A") & (df.unit == "money")]
    assert pick.set_index("row").loc["resolved", "value"] == 515 * M
    assert set(pick.parent) == {"P"}
    # at six months (to 31/03/2023) A had resolved T2 (15 million, Dec 2022) and T1
    # (200 million, completed 14/02/2023); T3 collected only in May: 215 million
    half = df[(df.period == "6 tháng năm 2023") & (df.office == "A") & (df.unit == "money")]
    assert half.set_index("row").loc["resolved", "value"] == 215 * M
    polars = pytest.importorskip("polars")
    lf = frames.frame({tutorial.period: tutorial}, backend="polars")
    assert lf.height == 4 * 2 * 17 and lf.schema["value"] == polars.Int64


def test_missing_extra_is_named(tutorial: thads.Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(MissingExtraError, match=r"thads\[pandas\]"):
        thads.write.to_pandas(tutorial)
    with pytest.raises(MissingExtraError, match=r"thads\[polars\]"):
        thads.write.to_polars(tutorial)


def test_bad_input_rejected(tutorial: thads.Report) -> None:
    with pytest.raises(ValueError, match="expected a thads Report"):
        frames.long_records([tutorial, "x"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="unknown backend 'arrow'; use pandas, polars"):
        frames.frame(tutorial, backend="arrow")  # type: ignore[arg-type]
