"""Metrics and flows of two years on one office tree (drawn_on), and their data frames.

A dated tree: provinces P1 and P2 end on 30/6/2025 and merge into N from 1/7/2025.
Amounts in triệu đồng (M); every figure worked out by hand in the comments.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from fractions import Fraction

import pytest
from test_metrics import BOOK, Y24

from helpers import M, case, ev
from thads import Office, OfficeLevel, OfficeTree, StatisticalPeriod
from thads.errors import InvalidRecordError, MissingExtraError
from thads.metrics import (
    FLOW_FRAME_COLUMNS,
    FRAME_COLUMNS,
    DateRange,
    Flow,
    calendar_year,
    compute,
    flows_records,
    metrics,
    metrics_records,
    monthly_flows,
    to_json,
    to_pandas,
    to_polars,
)

END_OLD, FIRST_NEW = date(2025, 6, 30), date(2025, 7, 1)
TREE = OfficeTree.of(
    [
        Office("N", "Tỉnh mới", OfficeLevel.PROVINCE, start=FIRST_NEW),
        Office("P1", "Tỉnh cũ 1", OfficeLevel.PROVINCE, end=END_OLD, successor="N"),
        Office("P2", "Tỉnh cũ 2", OfficeLevel.PROVINCE, end=END_OLD, successor="N"),
    ]
)
CASES = [
    # P1: new in 2024 (November), completed 1/3/2024
    case("x1", date(2023, 11, 1), 10 * M, (ev(date(2024, 3, 1), "completed"),), office="P1"),
    # P2: new in 2024 (December), still open
    case("x2", date(2023, 12, 1), 20 * M, office="P2", executor="P2-1"),
    # N: new in 2025 (August), after the merger
    case("x3", date(2025, 8, 1), 30 * M, office="N", executor="N-1"),
]
Y25 = StatisticalPeriod(2025)
LAST_DAY_2025 = Y25.end  # 30/9/2025, on the new tree


def test_each_year_on_its_own_tree_by_default() -> None:
    table = metrics(CASES, StatisticalPeriod(2024), offices=TREE)
    assert table.drawn_on == date(2024, 9, 30)
    assert [row.code for row in table.rows] == ["VN", "P1", "P2"]
    p1, p2 = table.row("P1").value, table.row("P2").value
    assert (p1.incoming, p1.disposed, p1.pending) == (1, 1, 0)  # x1
    assert (p2.incoming, p2.disposed, p2.pending) == (1, 0, 1)  # x2


def test_two_years_drawn_on_one_day_have_the_same_rows() -> None:
    analytics = compute(
        CASES, [StatisticalPeriod(2024), Y25], offices=TREE, years=[2024], drawn_on=LAST_DAY_2025
    )
    y24, y25 = analytics[StatisticalPeriod(2024)], analytics[Y25]
    assert y24.drawn_on == y25.drawn_on == LAST_DAY_2025
    assert json.loads(to_json(y24))["drawn_on"] == "2025-09-30"
    assert [row.code for row in y24.rows] == [row.code for row in y25.rows] == ["VN", "N"]
    n24 = y24.row("N").value
    # 2024 under N: x1 and x2 came in (P1 + P2), x1 disposed, x2 pending
    assert (n24.carried_over, n24.incoming, n24.disposed, n24.pending) == (0, 2, 1, 1)
    assert n24.money_accepted == 30 * M and n24.money_completed == 10 * M
    n25 = y25.row("N").value
    # 2025: x2 carried over, x3 new, both pending
    assert (n25.carried_over, n25.incoming, n25.disposed, n25.pending) == (1, 1, 0, 2)
    # the flows of 2024 drawn on the same day: November x1 (10), December x2 (20),
    # March x1 completed with its 10
    flows = analytics.flows[2024]
    assert flows.drawn_on == LAST_DAY_2025 and [r.code for r in flows.rows] == ["VN", "N"]
    n = flows.row("N").value
    assert (n.cases[1], n.money[1]) == (Flow(new=1), Flow(new=10 * M))
    assert (n.cases[2], n.money[2]) == (Flow(new=1), Flow(new=20 * M))
    assert (n.cases[5], n.money[5]) == (Flow(completed=1), Flow(completed=10 * M))
    assert monthly_flows(CASES, 2024, offices=TREE).drawn_on == date(2024, 9, 30)


def test_a_day_before_an_office_exists_is_refused() -> None:
    # x3's office N starts on 1/7/2025: no office in force on 30/9/2024 stands for it
    with pytest.raises(InvalidRecordError, match="starts on 2025-07-01"):
        metrics(CASES, calendar_year(2025), offices=TREE, drawn_on=date(2024, 9, 30))
    with pytest.raises(InvalidRecordError, match="drawn_on"):
        metrics(CASES, Y25, offices=TREE, drawn_on="2025-09-30")  # type: ignore[arg-type]


# --- data frames ------------------------------------------------------------------------


def test_pandas_frame_of_metrics() -> None:
    frame = to_pandas(metrics(BOOK, Y24))
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert list(frame["code"]) == ["VN", "A", "B"]
    a = frame[frame["code"] == "A"].iloc[0]
    # office A of the worked example (test_metrics): CR 3/2, DT 366 × 2 / 3 = 244,
    # collection 77/190, 2 pending over 2 executors
    assert (a["carried_over"], a["incoming"], a["disposed"], a["pending"]) == (3, 2, 3, 2)
    assert a["clearance_rate_percent"] == 150.0 and a["clearance_rate_exact"] == "3/2"
    assert a["disposition_time_days"] == 244.0 and a["disposition_time_days_exact"] == "244"
    assert a["collection_rate_exact"] == "77000000/190000000"  # the rate's own terms
    assert a["collection_rate_percent"] == float(Fraction(7700, 190))
    assert (a["p50"], a["p75"], a["p90"]) == (579, 795, 795)
    assert a["money_accepted"] == 190 * M and a["caseload_per_executor"] == 1.0
    assert str(frame["carried_over"].dtype) == "int64"  # no figure missing
    assert str(frame["clearance_rate_percent"].dtype) == "float64"
    total = frame.iloc[0]
    assert total["disposition_time_days_exact"] == "549/2"  # 366 × 3 / 4
    assert total["disposition_time_days"] == 274.5
    # 1/1–31/3/2024: A disposed c4 (entrusted 1/2, 92 days) and c3 (separate register
    # 15/3, 795 days), B nothing: B's p50 is missing, so the column is nullable Int64
    early = to_pandas(metrics(BOOK, DateRange(date(2024, 1, 1), date(2024, 3, 31))))
    assert str(early["p50"].dtype) == "Int64"
    assert early["p50"].isna().tolist() == [False, False, True]
    assert int(early["p50"].iloc[1]) == 92  # A: 92, 795 → nearest rank 1 of 2


def test_metrics_records_are_exact() -> None:
    # the same lines as the frame, with the ratios exact: A collected 77 of 190 (M),
    # 7700/190 % = 770/19 %; DT 366 × 2 / 3 = 244 days
    a = metrics_records(metrics(BOOK, Y24))[1]
    assert list(a) == list(FRAME_COLUMNS) and a["code"] == "A"
    assert a["collection_rate_percent"] == Fraction(770, 19)
    assert a["collection_rate_exact"] == "77000000/190000000"
    assert a["disposition_time_days"] == Fraction(244) and a["carried_over"] == 3
    flows = flows_records(monthly_flows(BOOK, 2024))
    assert list(flows[0]) == list(FLOW_FRAME_COLUMNS)
    # the first line: the total, October 2023, cases; nothing flowed in October
    assert (flows[0]["code"], flows[0]["month"], flows[0]["unit"]) == ("VN", "2023-10-01", "cases")
    assert flows[0]["new"] == 0 and flows[2]["unit"] == "cases"


def test_polars_frames_of_metrics_and_flows() -> None:
    import polars

    frame = to_polars(metrics(BOOK, Y24))
    assert frame.columns == list(FRAME_COLUMNS)
    assert frame.schema["incoming"] == polars.Int64
    assert frame.schema["clearance_rate_percent"] == polars.Float64
    b = frame.filter(polars.col("code") == "B").row(0, named=True)
    # office B: c8 and c9 came in, c8 terminated; CR 1/2; 0 of 30 M collected
    assert (b["incoming"], b["disposed"], b["clearance_rate_exact"]) == (2, 1, "1/2")
    assert (b["collection_rate_percent"], b["money_terminated"]) == (0.0, 30 * M)
    flows = to_polars(monthly_flows(BOOK, 2024))
    assert flows.columns == list(FLOW_FRAME_COLUMNS)
    assert flows.height == 3 * 12 * 2  # VN, A, B × 12 months × cases, money
    september = flows.filter(
        (polars.col("code") == "A") & (polars.col("month") == "2024-09-01")
    ).rows(named=True)
    # September in A: c2 in (50), c1 completed with its remainder 70
    assert [(r["unit"], r["new"], r["completed"]) for r in september] == [
        ("cases", 1, 1),
        ("money", 50 * M, 70 * M),
    ]


def test_a_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    table = metrics(BOOK, Y24)
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails
    with pytest.raises(MissingExtraError, match=r"thads\[pandas\]"):
        to_pandas(table)
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(MissingExtraError, match=r"thads\[polars\]"):
        to_polars(table)
    with pytest.raises(InvalidRecordError, match="MetricsTable or a FlowsTable"):
        to_polars([1, 2])  # type: ignore[arg-type]
