"""Reports: groups, rollup up the office tree, quotas, same period last year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from helpers import M, case, ev
from strategies import case_sets
from thads import (
    InvalidRecordError,
    Office,
    OfficeLevel,
    Quota,
    RuleNotAvailableError,
    StatisticalPeriod,
    report,
    reports,
)
from thads.read import read_quotas

Y23 = StatisticalPeriod(2023)
TREE = [
    Office("P", "Tỉnh P", OfficeLevel.PROVINCE),
    Office("A", "Chi cục A", OfficeLevel.DISTRICT, "P"),
    Office("B", "Chi cục B", OfficeLevel.DISTRICT, "P"),
    Office("A-1", "CHV A1", OfficeLevel.EXECUTOR, "A"),
    Office("A-2", "CHV A2", OfficeLevel.EXECUTOR, "A"),
    Office("B-1", "CHV B1", OfficeLevel.EXECUTOR, "B"),
]


def _cases() -> list:  # type: ignore[type-arg]
    done = (ev(date(2023, 1, 1), "completed"),)
    return [
        # office A: 9 of 10 enforceable resolved (90%)
        *[
            case(f"a{i}", date(2022, 11, 1), 10 * M, done, office="A", executor="A-1")
            for i in range(9)
        ],
        case("a9", date(2022, 11, 1), 10 * M, office="A", executor="A-2"),
        # office B: 1 of 2 resolved (50%); one carried over from 2022
        case("b0", date(2022, 1, 1), 10 * M, done, office="B", executor="B-1"),
        case("b1", date(2022, 11, 1), 10 * M, office="B", executor="B-1"),
    ]


def test_rollup_sums_children_and_recomputes_rates() -> None:
    r = report(_cases(), Y23, by="office", offices=TREE).check()
    assert [row.code for row in r.rows] == ["VN", "P", "A", "B"]
    a, b, p = r.row("A"), r.row("B"), r.row("P")
    assert p.current == a.current + b.current
    assert a.rate("cases") is not None and a.rate("cases").percent == Decimal("90.00")
    assert b.rate("cases") is not None and b.rate("cases").percent == Decimal("50.00")
    assert p.rate("cases") is not None and p.rate("cases").percent == Decimal(
        "83.33"
    )  # 10 / 12, not 70
    assert r.total.current == p.current


def test_by_executor_without_a_tree_uses_the_case_offices() -> None:
    r = report(_cases(), Y23, by="executor")
    assert [row.code for row in r.rows] == ["VN", "A", "A-1", "A-2", "B", "B-1"]
    assert r.row("A").current.cases.accepted == 10
    assert r.row("A-1").level is OfficeLevel.EXECUTOR


def test_by_province_needs_the_tree() -> None:
    with pytest.raises(InvalidRecordError, match="office tree"):
        report(_cases(), Y23, by="province")
    r = report(_cases(), Y23, by="province", offices=TREE)
    assert [row.code for row in r.rows] == ["VN", "P"]
    with pytest.raises(InvalidRecordError, match="unknown grouping"):
        report(_cases(), Y23, by="street")


def test_split_by_mode_gives_the_indicator_breakdown() -> None:
    cases = [*_cases(), case("x", date(2022, 11, 1), 5 * M, mode="active", creditor="state")]
    r = report(cases, Y23, by="mode")
    assert [row.code for row in r.rows] == ["VN", "active", "on_request"]
    assert r.row("active").current.cases.accepted == 1
    assert r.total.current.cases.accepted == 13


def test_quota_of_the_office_else_the_parent_else_general() -> None:
    quotas = [Quota(2023, "85", "40", office="P"), Quota(2023, "80", "30"), Quota(2022, "1", "1")]
    r = report(_cases(), Y23, by="office", offices=TREE, quotas=quotas)
    assert r.row("A").quota == quotas[0]  # from its province
    assert r.total.quota == quotas[1]  # the general quota
    att = r.row("B").attainment
    assert att is not None and att.cases is not None
    assert att.cases.value == Decimal("-35.00")


def test_same_period_last_year() -> None:
    cases = [
        case("old", date(2021, 11, 1), 10 * M, (ev(date(2022, 1, 1), "completed"),)),
        case("old2", date(2021, 11, 1), 10 * M),
        *_cases(),
    ]
    row = report(cases, Y23, by="national").total
    # 2022: new = old, old2, b0 = 3; only "old" resolved (b0 completes in 2023): 1/3
    assert row.previous.cases.new == 3
    assert row.previous_rate("cases") is not None
    assert row.previous_rate("cases").percent == Decimal("33.33")
    # 2023: new = a0..a9, b1 = 11 (+8); carried over old2, b0.
    # Resolved a0..a8 and b0 = 10 of 13 enforceable = 76,92%; +43,59 points.
    assert row.change("new").delta == 11 - 3
    assert row.current.cases.carried_over == 2
    assert row.rate("cases") is not None and row.rate("cases").percent == Decimal("76.92")
    assert row.rate_change("cases") is not None
    assert row.rate_change("cases").value == Decimal("43.59")


# Closing events (counting-rules.md "On the books"), written out here from the rules.
CLOSING_KINDS = ("completed", "terminated", "entrusted", "withdrawn", "separate_register")
TAKE_OFF = ("collected", "reduced")  # money paid or reduced before S leaves the books


@given(case_sets())
def test_every_office_row_counts_the_cases_on_its_books(cases) -> None:  # type: ignore[no-untyped-def]
    # counting-rules.md, "On the books": a case is on the books in [S, E] when accepted
    # on or before E and no closing event happened before S; carried over if accepted
    # before S, else new. Money: the amount for a new case; for a carried-over one the
    # amount less what was collected or reduced before S. Worked here case by case.
    start, end = Y23.start, Y23.end
    expected: dict[str, list[int]] = {}
    for c in cases:
        if c.accepted_on > end:
            continue
        if any(e.kind.value in CLOSING_KINDS and e.on < start for e in c.events):
            continue
        owed = sum(d.amount for d in c.debts)
        slot = expected.setdefault(c.office, [0, 0, 0, 0])
        if c.accepted_on < start:
            paid = sum(e.amount for e in c.events if e.kind.value in TAKE_OFF and e.on < start)
            slot[0] += 1
            slot[2] += owed - paid
        else:
            slot[1] += 1
            slot[3] += owed
    by_office = report(cases, Y23, by="office")
    got = {
        row.code: [
            row.current.cases.carried_over,
            row.current.cases.new,
            row.current.money.carried_over,
            row.current.money.new,
        ]
        for row in by_office.rows
        if row.code != by_office.total.code
    }
    assert {code: v for code, v in got.items() if v[:2] != [0, 0]} == expected
    total = by_office.total.current
    want = [sum(v[k] for v in expected.values()) for k in range(4)]
    assert [
        total.cases.carried_over,
        total.cases.new,
        total.money.carried_over,
        total.money.new,
    ] == want
    national = report(cases, Y23, by="national").total.current
    assert [national.cases.carried_over, national.cases.new] == want[:2]


def test_twelve_months_in_one_pass() -> None:
    periods = list(Y23.months_of_year())
    assert [p.months for p in periods] == list(range(1, 13))
    seen: list[int] = []

    def counting(cases: list) -> object:  # type: ignore[type-arg]
        for c in cases:
            seen.append(1)
            yield c

    together = reports(counting(_cases()), periods, by="office", offices=TREE)
    assert len(seen) == len(_cases())  # each record read once for 24 periods
    # Worked by hand from _cases(): month 1 is October 2022. a0..a9 and b1 are accepted
    # 1/11/2022 (new from month 2); b0 (accepted 1/1/2022) is carried over into B;
    # a0..a8 and b0 complete on 1/1/2023 (resolved from month 4, January).
    # (carried_over, new, enforceable, resolved) of A, B, and P = VN = A + B:
    for p in periods:
        m = p.months
        new_a, new_b = (0, 0) if m == 1 else (10, 1)
        done_a, done_b = (9, 1) if m >= 4 else (0, 0)
        a = (0, new_a, new_a, done_a)
        b = (1, new_b, 1 + new_b, done_b)
        both = (1, new_a + new_b, new_a + 1 + new_b, done_a + done_b)
        rows = {row.code: row.current.cases for row in together[p].rows}
        got = {code: (t.carried_over, t.new, t.enforceable, t.resolved) for code, t in rows.items()}
        # in October nothing of A is on the books yet: A has no row that month
        want = {"A": a, "B": b, "P": both, "VN": both} if m > 1 else {"B": b, "P": b, "VN": b}
        assert got == want, m
    # rates of month 12: A 9/10 = 90,00 %, B 1/2 = 50,00 %, P 10/12 = 83,33 %
    last = together[periods[-1]]
    assert [last.row(c).rate("cases").percent for c in ("A", "B", "P")] == [  # type: ignore[union-attr]
        Decimal("90.00"),
        Decimal("50.00"),
        Decimal("83.33"),
    ]
    assert last.row("P").rate("cases") is not None
    # month 3: 0 of 12 resolved is 0,00 %, not "no rate"
    assert together[periods[2]].row("P").rate("cases").percent == Decimal("0.00")  # type: ignore[union-attr]


def test_no_invented_comparison_before_the_first_known_regime() -> None:
    old = [case("o", date(2013, 2, 1), 10 * M)]
    row = report(old, StatisticalPeriod(2013), by="national").total
    assert row.previous is None  # 2012 was counted under QĐ 02/2006: not modelled
    assert row.change("new") is None
    assert row.rate_change("cases") is None
    assert row.current.cases.new == 1
    with pytest.raises(RuleNotAvailableError):
        report(old, StatisticalPeriod(2012), by="national")


def test_executor_code_that_is_also_an_office_code_is_an_error() -> None:
    cases = [
        case("x1", date(2022, 11, 1), office="A", executor="B"),
        case("x2", date(2022, 11, 1), office="B", executor="B-1"),
    ]
    with pytest.raises(InvalidRecordError, match="also an office code"):
        report(cases, Y23, by="executor")


def test_an_office_cannot_take_the_total_rows_code() -> None:
    # before: an office coded "VN" was added into the total row and disappeared
    cases = [case("x", date(2022, 11, 1), office="VN"), case("y", date(2022, 11, 1))]
    with pytest.raises(InvalidRecordError, match="total row"):
        report(cases, Y23)


def test_an_executor_is_identified_within_its_office() -> None:
    # the same executor code "1" in offices A and B: before, B's case was rolled up
    # under A's executor and office B had no row. Now each keeps its own row.
    done = (ev(date(2023, 1, 1), "completed"),)
    cases = [
        case("a", date(2022, 11, 1), office="A", executor="1", events=done),
        case("b", date(2022, 11, 1), office="B", executor="1"),
        case("c", date(2022, 11, 1), office="B", executor="2"),
    ]
    rep = report(cases, Y23, by="executor")
    rows = {row.code: row for row in rep.rows}
    assert set(rows) == {"VN", "A", "B", "A/1", "B/1", "2"}
    # A/1: 1 completed of 1; B/1: 0 of 1; office B: 0 of 2 enforceable; total 1 of 3
    assert (rows["A/1"].resolved("cases"), rows["A/1"].enforceable("cases")) == (1, 1)
    assert (rows["B/1"].resolved("cases"), rows["B/1"].enforceable("cases")) == (0, 1)
    assert rows["B"].enforceable("cases") == 2 and rows["A"].enforceable("cases") == 1
    assert rows["VN"].tally("cases").accepted == 3
    order = [row.code for row in rep.rows]
    assert order.index("A/1") == order.index("A") + 1
    assert order.index("B/1") > order.index("B")


def test_an_office_missing_from_the_tree_is_a_rejected_case() -> None:
    # office "C" is in no tree: its case is held out as a rejected row (issue 21), never
    # counted as a top-level row of its own, and the report says so
    cases = [case("x", date(2022, 11, 1), office="A"), case("y", date(2022, 11, 1), office="C")]
    with pytest.warns(UserWarning, match="offices not in the office tree: C;"):
        rep = report(cases, Y23, offices=TREE)
    assert rep.total.tally("cases").accepted == 1 and rep.row("P").tally("cases").accepted == 1
    assert rep.rejected_rows == 1


def test_two_quotas_for_one_office_and_year_are_an_error(tmp_path: Path) -> None:
    # before: the last quota silently won
    cases = [case("x", date(2022, 11, 1), office="A")]
    quotas = [Quota(2023, "80", "40", "A"), Quota(2023, "90", "50", "A")]
    with pytest.raises(InvalidRecordError, match="two different quotas of year 2023 for A"):
        report(cases, Y23, quotas=quotas)
    path = tmp_path / "quota.csv"
    path.write_text("year,cases,money,office\n2023,80,40,A\n2023,90,50,A\n", encoding="utf-8")
    with pytest.raises(InvalidRecordError, match=r"quota.csv:3.*first is at .*quota.csv:2"):
        read_quotas(path)


def test_a_tree_warning_points_at_the_callers_line() -> None:
    cases = [case("y", date(2022, 11, 1), office="C")]
    with pytest.warns(UserWarning, match="not in the office tree") as caught:
        report(cases, Y23, offices=TREE)
    assert caught[0].filename == __file__  # not a line inside thads
