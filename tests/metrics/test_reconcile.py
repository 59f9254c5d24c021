"""thads.metrics.reconcile: carried forward of year − 1 against carried over of year.

Year under test: 2024, so the previous year is 2023 = 1/10/2022–30/9/2023. Amounts in
triệu đồng (M). Expected figures worked out by hand in the comments.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import M, case, ev
from strategies import case_sets
from thads import StatisticalPeriod, report
from thads.count import tally_periods
from thads.errors import InvalidRecordError
from thads.metrics import Moved, reconcile
from thads.write import to_json

BOOK = [
    case("r1", date(2022, 5, 1), 10 * M),  # open throughout: in both figures
    case("r2", date(2022, 11, 1), 20 * M,
         (ev(date(2022, 12, 1), "unenforceable"), ev(date(2023, 6, 1), "separate_register"))),
    case("r3", date(2023, 1, 1), 30 * M, (ev(date(2023, 3, 1), "collected", 10 * M),)),
    case("r4", date(2022, 12, 1), 30 * M, (ev(date(2023, 4, 1), "completed"),)),
    case("r5", date(2023, 2, 1), 5 * M, (ev(date(2023, 9, 30), "separate_register"),),
         office="B", executor="B-1"),
]  # fmt: skip


def test_from_the_cases_by_hand() -> None:
    result = reconcile(BOOK, 2024)
    a = result.row("A")
    # carried forward 2023: r1 10 + r2 20 (stays "chưa có điều kiện" that year) + r3 30 − 10
    assert a.carried_forward == (3, 50 * M)
    # carried over 2024: r1 10 + r3 20 (r2 left the books, r4 completed)
    assert a.carried_over == (2, 30 * M)
    assert a.difference == (1, 20 * M)
    assert a.separate_register == (Moved("r2", 20 * M),)
    assert a.explained and a.other == () and a.unexplained == (0, 0)
    b = result.row("B")  # r5 moved on the last day of 2023
    assert (b.carried_forward, b.carried_over) == ((1, 5 * M), (0, 0))
    assert b.separate_register == (Moved("r5", 5 * M),)
    total = result.rows[0]
    assert total.code == "VN" and total.carried_forward == (4, 55 * M)
    assert total.carried_over == (2, 30 * M)
    assert {m.case_id for m in total.separate_register} == {"r2", "r5"}
    assert result.unexplained == ()
    assert {row.code for row in result.differing} == {"VN", "A", "B"}


def test_against_the_engine_tallies() -> None:
    y23, y24 = StatisticalPeriod(2023), StatisticalPeriod(2024)
    before = tally_periods(BOOK, [y23], key=lambda c: c.office)[y23]
    after = tally_periods(BOOK, [y24], key=lambda c: c.office)[y24]
    result = reconcile(BOOK, 2024)
    for office in ("A", "B"):
        row = result.row(office)
        assert row.carried_forward == (
            before[office].cases.carried_forward,
            before[office].money.carried_forward,
        )
        got_over = after.get(office)
        over = (0, 0) if got_over is None else (
            got_over.cases.carried_over, got_over.money.carried_over
        )  # fmt: skip
        assert row.carried_over == over


def test_against_a_saved_report(tmp_path: Path) -> None:
    saved = to_json(report(BOOK, StatisticalPeriod(2023)))
    result = reconcile(BOOK, 2024, previous=saved)
    assert result.saved and result.unexplained == ()
    assert result.row("A").carried_forward == (3, 50 * M)
    # the saved report was made from other data: one more open case of 7 M in A, so A
    # carried forward 1 case and 7 M more
    other = [*BOOK, case("x1", date(2023, 2, 1), 7 * M)]
    path = tmp_path / "2023.json"
    path.write_text(to_json(report(other, StatisticalPeriod(2023))), encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2
    changed = reconcile(BOOK, 2024, previous=path)
    a = changed.row("A")
    assert a.difference == (2, 27 * M)  # (4 − 2, 57 − 30)
    assert a.unexplained == (1, 7 * M)  # less r2's move (1, 20)
    assert not a.explained
    assert {r.code for r in changed.unexplained} == {"VN", "A"}
    assert changed.row("B").explained


def test_a_saved_report_of_the_wrong_year_is_rejected() -> None:
    saved = to_json(report(BOOK, StatisticalPeriod(2023, 9)))
    with pytest.raises(InvalidRecordError, match="12 months of statistical year 2023"):
        reconcile(BOOK, 2024, previous=saved)
    with pytest.raises(InvalidRecordError, match="thads-report"):
        reconcile(BOOK, 2024, previous={"format": "other"})


@settings(max_examples=60, deadline=None)
@given(case_sets(max_size=20, years=(2021, 2024)), st.integers(2022, 2024))
def test_from_the_cases_every_difference_is_a_move(cases: list, year: int) -> None:  # type: ignore[type-arg]
    result = reconcile(cases, year)
    assert result.unexplained == ()
    # each case placed by the engine in both figures: only moves to the separate
    # register differ, no other case
    assert all(row.other == () for row in result.rows)
    previous = StatisticalPeriod(year - 1)
    before = tally_periods(cases, [previous], key=lambda c: c.office)[previous]
    codes = {row.code for row in result.rows}
    for office, pair in before.items():
        figures = (pair.cases.carried_forward, pair.money.carried_forward)
        if office not in codes:  # every case of the office closed in year − 1
            assert figures == (0, 0)
            continue
        assert result.row(str(office)).carried_forward == figures


def test_against_a_saved_report_of_version_1() -> None:
    # a report saved by earlier thads (rows with "cases"/"money" tallies), written here by
    # hand: A carried forward 4 cases and 57 M, B 1 case and 5 M
    saved = {
        "format": "thads-report",
        "version": 1,
        "period": {"year": 2023, "months": 12},
        "by": "office",
        "rows": [
            {"code": "VN", "cases": {"carried_forward": 5}, "money": {"carried_forward": 62 * M}},
            {"code": "A", "cases": {"carried_forward": 4}, "money": {"carried_forward": 57 * M}},
            {"code": "B", "cases": {"carried_forward": 1}, "money": {"carried_forward": 5 * M}},
        ],
    }
    result = reconcile(BOOK, 2024, previous=saved)
    a = result.row("A")
    # carried over 2024 from the cases: r1 10 + r3 20 = (2, 30 M); the move r2 (1, 20 M)
    assert a.carried_forward == (4, 57 * M) and a.carried_over == (2, 30 * M)
    assert a.unexplained == (1, 7 * M)  # (4 - 2 - 1, 57 - 30 - 20)
    assert result.row("B").explained  # 1 case, 5 M: r5's move


def test_a_returned_request_names_its_case() -> None:
    book = [case("rr", date(2022, 11, 1), 5 * M, (ev(date(2023, 3, 1), "request_returned"),))]
    with pytest.raises(Exception, match="rr"):
        reconcile(book, 2024)
