"""Every figure explained by its cases (issue 25): contributions add up to the figure."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

import thads
from helpers import M, case, ev
from thads import Office, OfficeLevel, StatisticalPeriod, report
from thads.count import EventNote, difference, explain
from thads.errors import InvalidRecordError, ThadsError
from thads.rules import FORM_ROWS
from thads.samples import Sample, province_2023
from thads.testing import case_sets

TREE = [
    Office("P", "Tỉnh P", OfficeLevel.PROVINCE),
    Office("A", "Chi cục A", OfficeLevel.DISTRICT, "P"),
    Office("B", "Chi cục B", OfficeLevel.DISTRICT, "P"),
    Office("A-1", "CHV A1", OfficeLevel.EXECUTOR, "A"),
    Office("B-1", "CHV B1", OfficeLevel.EXECUTOR, "B"),
]


@pytest.fixture(scope="module")
def sample() -> Sample:
    return province_2023()


@pytest.fixture(scope="module")
def province(sample: Sample) -> thads.Report:
    return report(
        sample.cases,
        StatisticalPeriod(sample.year, 12),
        offices=sample.offices,
        quotas=sample.quotas,
        keep_cases=True,
    )


@pytest.mark.parametrize("unit", ["cases", "money"])
@pytest.mark.parametrize("which", ["current", "previous"])
def test_every_row_of_the_province_total_adds_up(
    province: thads.Report, unit: str, which: str
) -> None:
    total = province.total
    pair = total.current if which == "current" else total.previous
    assert pair is not None
    tally = pair.cases if unit == "cases" else pair.money
    for name in FORM_ROWS:
        explained = province.explain(total.code, name, unit=unit, which=which)  # type: ignore[arg-type]
        # the printed figure of the row, as the report's own regime gives it
        if which == "current":
            assert explained.figure == total.figures(unit)[name]  # type: ignore[arg-type]
        if name in thads.Tally.PRIMITIVE:
            assert explained.figure == getattr(tally, name)
        assert explained.total == explained.figure
        assert len({item.case_id for item in explained.items}) == len(explained.items)
        if unit == "cases":
            assert all(item.amount == 1 for item in explained.items)


def test_every_office_row_adds_up_and_the_published_figures_are_listed(
    province: thads.Report,
) -> None:
    for line in province.rows:
        for unit in ("cases", "money"):
            for name in ("enforceable", "resolved", "in_progress", "carried_forward"):
                explained = province.explain(line.code, name, unit=unit)
                assert explained.total == line.figures(unit)[name]
    # the published Sóc Trăng 2023 figures: 10.289 of 12.411 cases with conditions
    enforceable = province.explain(province.total.code, "enforceable")
    resolved = province.explain(province.total.code, "resolved")
    assert len(enforceable.items) == 12411 and len(resolved.items) == 10289
    assert {i.case_id for i in resolved.items} <= {i.case_id for i in enforceable.items}
    # a case of an office row belongs to that office (or an office below it)
    office = next(row for row in province.rows if row.depth == 2)
    assert all(
        item.office == office.code or item.executor == office.code
        for item in province.explain(office.code, "accepted").items
    )


def test_a_report_without_its_cases_says_how_to_explain(province: thads.Report) -> None:
    bare = report(_history(), StatisticalPeriod(2023))
    with pytest.raises(ThadsError, match="keep_cases=True"):
        bare.explain(bare.total.code, "new")
    with pytest.raises(InvalidRecordError, match="unknown row 'news'"):
        province.explain(province.total.code, "news")
    with pytest.raises(InvalidRecordError, match="no row 'nowhere'"):
        province.explain("nowhere", "new")


def test_explain_from_the_cases_equals_the_kept_cases_and_refuses_other_cases(
    sample: Sample, province: thads.Report
) -> None:
    plain = report(sample.cases, province.period, offices=sample.offices)
    kept = province
    code = kept.rows[1].code
    ours = explain(sample.cases, plain, code, "resolved", unit="money", offices=sample.offices)
    assert ours == kept.explain(code, "resolved", unit="money")
    with pytest.raises(ThadsError, match="but the report says"):
        explain(sample.cases[:500], plain, code, "resolved", offices=sample.offices)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_sets(max_size=15, offices=["A", "B"]))
def test_explained_contributions_add_up_on_generated_cases(cases: list[thads.Case]) -> None:
    for by in ("office", "executor", "national"):
        rep = report(cases, StatisticalPeriod(2023, 7), by=by, keep_cases=True)
        for line in rep.rows:
            for unit in ("cases", "money"):
                figures = line.figures(unit)
                for name in FORM_ROWS:
                    explained = rep.explain(line.code, name, unit=unit)
                    assert explained.total == figures[name]


def test_a_province_after_the_2025_redraw_is_explained_on_its_successor() -> None:
    from thads.samples import merger_2026

    sample = merger_2026()
    rep = report(
        sample.cases,
        StatisticalPeriod(sample.year, 12),
        by="province",
        offices=sample.offices,
        keep_cases=True,
        regime=thads.regime_for(StatisticalPeriod(sample.year, 12), allow_last_known=True),
    )
    province = next(row for row in rep.rows if row.depth == 1)
    for which in ("current", "previous"):
        explained = rep.explain(province.code, "accepted", which=which)
        assert explained.total == explained.figure > 0
    offices = {item.office for item in rep.explain(province.code, "accepted").items}
    assert len(offices) > 1  # the merged offices' cases, all under the successor


# --- a hand-worked history: a case completed between two months ------------------------


def _history() -> list[thads.Case]:
    return [
        # K: accepted 1/11/2022 (month 2 of 2023), 10 triệu, 4 triệu collected on 10/12,
        # completed on 15/12/2022 (month 3)
        case(
            "K",
            date(2022, 11, 1),
            10 * M,
            (ev(date(2022, 12, 10), "collected", 4 * M), ev(date(2022, 12, 15), "completed")),
            office="A",
            executor="A-1",
        ),
        # L: in progress all along
        case("L", date(2022, 10, 20), 5 * M, office="A", executor="A-1"),
        # N: accepted in month 3, in office B
        case("N", date(2022, 12, 5), 2 * M, office="B", executor="B-1"),
    ]


def test_a_case_completed_between_two_months_appears_in_the_difference() -> None:
    two = report(_history(), StatisticalPeriod(2023, 2), offices=TREE, keep_cases=True)
    three = report(_history(), StatisticalPeriod(2023, 3), offices=TREE, keep_cases=True)
    # by hand: end of November K and L are in progress in A; end of December L only
    before = two.explain("A", "in_progress")
    after = three.explain("A", "in_progress")
    assert [i.case_id for i in before.items] == ["K", "L"] and before.figure == 2
    assert [i.case_id for i in after.items] == ["L"] and after.figure == 1
    change = difference(before, after)
    assert [m.case_id for m in change.left] == ["K"] and change.entered == ()
    moved = change.left[0]
    assert (moved.before, moved.after) == (1, 0)
    assert (moved.row_before, moved.row_after) == ("in_progress", "completed")
    assert moved.events == (
        EventNote(date(2022, 12, 10), "collected", 4 * M, None),
        EventNote(date(2022, 12, 15), "completed", 0, None),
    )
    # the completed row of A: K enters with its event
    done = difference(two.explain("A", "completed"), three.explain("A", "completed"))
    assert [m.case_id for m in done.entered] == ["K"]
    assert done.entered[0].events[-1].kind == "completed"
    # money: 10 triệu completed (4 collected + 6 handed over when completed)
    money = difference(
        two.explain("A", "completed", unit="money"), three.explain("A", "completed", unit="money")
    )
    assert [(m.case_id, m.change) for m in money.moved] == [("K", 10 * M)]
    # the province: N enters accepted in December, named by its acceptance
    new = difference(two.explain("P", "new"), three.explain("P", "new"))
    assert [(m.case_id, m.events[0].kind) for m in new.entered] == [("N", "accepted")]
    assert three.explain("P", "new").figure - two.explain("P", "new").figure == sum(
        m.change for m in new.moved
    )


def test_this_year_against_last_year_and_wrong_pairs() -> None:
    rep = report(_history(), StatisticalPeriod(2024, 3), offices=TREE, keep_cases=True)
    # 2024 (to 31/12/2023): K is closed (off the books), L and N carried over
    last, this = rep.explain("P", "accepted", which="previous"), rep.explain("P", "accepted")
    assert [i.case_id for i in last.items] == ["K", "L", "N"]
    assert [(i.case_id, i.carried_over) for i in this.items] == [("L", True), ("N", True)]
    change = difference(last, this)
    assert [(m.case_id, m.row_after) for m in change.left] == [("K", None)]
    with pytest.raises(InvalidRecordError, match="must end after"):
        difference(this, last)
    with pytest.raises(InvalidRecordError, match="differ in row"):
        difference(last, rep.explain("P", "new"))


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="jobs=N forks")
def test_cases_kept_by_two_worker_processes_explain_alike() -> None:
    one = report(_history(), StatisticalPeriod(2023, 3), offices=TREE, keep_cases=True)
    two = report(_history(), StatisticalPeriod(2023, 3), offices=TREE, keep_cases=True, jobs=2)
    assert two == one
    for name in ("accepted", "completed", "in_progress"):
        assert two.explain("P", name, unit="money") == one.explain("P", name, unit="money")
