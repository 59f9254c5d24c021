"""Partial reports combine into the report of all cases (issue 21); ranking by last year."""

from __future__ import annotations

import zlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings

import thads
from helpers import M, case, ev
from thads import Office, OfficeLevel, Quota, StatisticalPeriod, report
from thads.count import combine
from thads.errors import InvalidRecordError
from thads.testing import case_sets

Y23 = StatisticalPeriod(2023)
TREE = [
    Office("P", "Tỉnh P", OfficeLevel.PROVINCE),
    Office("A", "Chi cục A", OfficeLevel.DISTRICT, "P"),
    Office("B", "Chi cục B", OfficeLevel.DISTRICT, "P"),
]
QUOTA = Quota(2023, "80", "40", "P")


def _cases() -> dict[str, thads.Case]:
    done = "completed"
    return {
        # a1: carried over since 11/2021, in progress at 30/9/2022, completed 1/12/2022
        "a1": case("a1", date(2021, 11, 1), 10 * M, (ev(date(2022, 12, 1), done),), office="A"),
        # a2: new in 2023, completed 10/1/2023
        "a2": case("a2", date(2022, 11, 1), 10 * M, (ev(date(2023, 1, 10), done),), office="A"),
        # a3: new in 2023, in progress
        "a3": case("a3", date(2022, 11, 1), 10 * M, office="A"),
        # b1: accepted 12/2021, completed 1/3/2022: in 2022 only
        "b1": case(
            "b1",
            date(2021, 12, 1),
            10 * M,
            (ev(date(2022, 3, 1), done),),
            office="B",
            executor="B-1",
        ),
        # b2: new in 2023, in progress
        "b2": case("b2", date(2022, 10, 15), 10 * M, office="B", executor="B-1"),
    }


def test_two_partitions_combine_into_the_report_of_all_cases() -> None:
    cases = _cases()
    one = [cases[c] for c in ("a1", "a3", "b2")]
    two = [cases[c] for c in ("a2", "b1")]
    parts = [report(part, Y23, offices=TREE, quotas=QUOTA) for part in (one, two)]
    combined = combine(parts)
    whole = report(list(cases.values()), Y23, offices=TREE, quotas=QUOTA)
    assert combined == whole
    assert [row.code for row in combined.rows] == ["VN", "P", "A", "B"]
    # by hand, 2023: A 2 of 3 resolved, B 0 of 1, P 2 of 4; 2022: A 0 of 1, B 1 of 1
    rate = {row.code: row.rate("cases") for row in combined.rows}
    assert rate["A"] is not None and rate["A"].exact == thads.Rate(2, 3).exact
    assert rate["B"] is not None and rate["B"].exact == 0
    assert rate["P"] is not None and rate["P"].percent == Decimal("50.00")
    before = {row.code: row.previous_rate("cases") for row in combined.rows}
    assert before["A"] is not None and before["A"].exact == 0
    assert before["B"] is not None and before["B"].percent == Decimal("100.00")
    assert combined.row("P").tally("cases").accepted == 4
    assert combined.row("A").quota == QUOTA  # the province's quota, inherited
    assert combined.row("P").quota_points("cases") is not None
    assert combined.row("P").quota_points("cases").value == Decimal("-30.00")  # type: ignore[union-attr]


def test_executor_codes_shared_by_two_offices_are_named_as_the_whole_report_names_them() -> None:
    one = [case("x", date(2022, 11, 1), office="A", executor="E1")]
    two = [case("y", date(2022, 11, 1), office="B", executor="E1")]
    parts = [report(part, Y23, by="executor") for part in (one, two)]
    assert [row.code for row in parts[0].rows] == ["VN", "A", "E1"]
    combined = combine(parts)
    whole = report(one + two, Y23, by="executor")
    assert [row.code for row in combined.rows] == ["VN", "A", "A/E1", "B", "B/E1"]
    assert combined == whole


def test_parts_of_different_periods_or_groupings_do_not_combine() -> None:
    cases = list(_cases().values())
    with pytest.raises(InvalidRecordError, match="differ in period"):
        combine([report(cases, Y23), report(cases, StatisticalPeriod(2023, 6))])
    with pytest.raises(InvalidRecordError, match="differ in by"):
        combine([report(cases, Y23), report(cases, Y23, by="executor")])
    with pytest.raises(InvalidRecordError, match="no report"):
        combine([])


@settings(max_examples=30, deadline=None)
@given(case_sets(max_size=20, offices=["A", "B", "C"]))
def test_any_split_by_case_id_combines_exactly(cases: list[thads.Case]) -> None:
    halves: list[list[thads.Case]] = [[], [], []]
    for item in cases:
        halves[zlib.crc32(item.case_id.encode()) % 3].append(item)
    for by in ("office", "executor", "mode"):
        whole = report(cases, Y23, by=by)
        assert combine(report(h, Y23, by=by) for h in halves) == whole


def test_ranking_by_last_years_rate() -> None:
    rep = report(list(_cases().values()), Y23, offices=TREE)
    ranking = rep.rank("previous_case_rate", level=OfficeLevel.DISTRICT)
    # last year B resolved 1 of 1 (100 %), A 0 of 1 (0 %)
    assert [(e.code, e.rank) for e in ranking.entries] == [("B", 1), ("A", 2)]
    money = rep.rank("previous_money_rate", level=OfficeLevel.DISTRICT)
    assert money.of("B").value == 100 and money.of("A").value == 0


def test_a_report_given_twice_is_refused() -> None:
    """The same report object twice would count its cases twice: refused, naming both
    places. A copy of it is another object, combined as a part of its own (by hand: a1
    and a3 of office A counted twice, with a2, 5 where the whole has 3), which is why
    parts must be split by case_id before counting."""
    cases = _cases()
    one = report([cases[c] for c in ("a1", "a3", "b2")], Y23, offices=TREE)
    two = report([cases[c] for c in ("a2", "b1")], Y23, offices=TREE)
    with pytest.raises(InvalidRecordError, match="part 3 is part 1 given again"):
        combine([one, two, one])
    copy = thads.Report.from_json(one.to_json())
    assert copy == one and copy is not one
    assert combine([one, two, copy]).row("A").tally("cases").accepted == 5
