"""thads.testing: generated data passes the reader, bad rows fail with their codes,
histories satisfy the report identities, generation is deterministic, docs example runs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thads
from thads import (
    Case,
    EventKind,
    InvalidRecordError,
    OfficeLevel,
    OfficeTree,
    RejectedRow,
    StatisticalPeriod,
    read_cases,
    read_records,
    report,
)
from thads.count import tally_periods
from thads.records import CLOSING, MONEY_EVENTS
from thads.testing import (
    POSTPONEMENT_GROUNDS,
    RULES,
    SUSPENSION_GROUNDS,
    Dataset,
    Rejection,
    case_sets,
    cases,
    datasets,
    events,
    invalid_datasets,
    office_trees,
    periods,
    quotas,
    tallies,
)

ROOT = Path(__file__).parents[2]
SRC = ROOT / "src"


def _all_read(data: Dataset, reader: thads.CaseReader) -> list[Case]:
    got = list(reader)
    for count in reader.counts.values():
        assert count.read == count.accepted + count.rejected
    return got


# --- every generated data set passes the reader ------------------------------------------


@settings(max_examples=40)
@given(datasets(max_size=12))
def test_every_dataset_passes_the_reader_with_no_rejected_row(data: Dataset) -> None:
    reader = read_records(data.case_rows, data.event_rows)
    assert _all_read(data, reader) == list(data.cases)
    assert reader.rejected == []
    assert reader.counts["cases"].accepted == len(data.case_rows)
    assert reader.counts["events"].accepted == len(data.event_rows)
    with tempfile.TemporaryDirectory() as folder:
        for suffix in ("csv", "jsonl"):
            cases_path, events_path = data.write(folder, suffix=suffix)
            from_files = read_cases(cases_path, events_path, strict=True)
            assert list(from_files) == list(data.cases)


@settings(max_examples=15)
@given(st.data())
def test_datasets_with_an_office_tree_pass_the_reader_and_report(data: st.DataObject) -> None:
    tree = data.draw(office_trees())
    generated = data.draw(datasets(max_size=10, offices=tree, years=(2025, 2026)))
    reader = read_records(generated.case_rows, generated.event_rows)
    got = list(reader)
    assert reader.rejected == []
    for case in got:
        executor = tree.get(case.executor)
        assert executor is not None and executor.level is OfficeLevel.EXECUTOR
        assert executor.parent == case.office
    # eight months, to 31/5/2026: periods ending from 1/7/2026 fall under TT 05/2026,
    # whose counting rules thads does not know (an error, docs/regimes.md)
    year = StatisticalPeriod(2026, 8)
    by_province = report(got, year, by="province", offices=tree).check()
    # on the books: accepted by the period's end and not closed before its start
    on_books = [
        c
        for c in got
        if c.accepted_on <= year.end
        and not any(e.kind in CLOSING and e.on < year.start for e in c.events)
    ]
    assert by_province.total.current.cases.accepted == len(on_books)


# --- every generated invalid row is rejected with its paired code ------------------------


def _assert_rejected(
    rejected: Sequence[RejectedRow], expected: Sequence[Rejection], *, header: bool
) -> None:
    assert len(rejected) == len(expected), (rejected, expected)
    for want in expected:
        assert sum(want.matches(row, header=header) for row in rejected) == 1, (want, rejected)


@pytest.mark.parametrize("rule", RULES)
@settings(max_examples=8)
@given(data=st.data())
def test_every_invalid_row_is_rejected_with_its_code(rule: str, data: st.DataObject) -> None:
    bad = data.draw(invalid_datasets([rule]))
    assert bad.rule == rule and bad.rejections
    reader = read_records(bad.case_rows, bad.event_rows)
    assert _all_read(bad, reader) == list(bad.cases)
    _assert_rejected(reader.rejected, bad.rejections, header=False)
    with tempfile.TemporaryDirectory() as folder:
        cases_path, events_path = bad.write(folder, suffix="csv")
        from_csv = read_cases(cases_path, events_path)
        assert list(from_csv) == list(bad.cases)
        _assert_rejected(from_csv.rejected, bad.rejections, header=True)


def test_a_rejection_names_file_line_field_and_code() -> None:
    # A hand-made row: 'sometimes' is no mode, so row 1 of "cases" fails on field 'mode'.
    row = {
        "case_id": "T1",
        "office": "A",
        "executor": "A-1",
        "mode": "sometimes",
        "judgment_kind": "civil",
        "accepted_on": "2023-01-01",
        "amount": "1",
        "creditor": "private",
    }
    reader = read_records([row])
    assert list(reader) == []
    want = Rejection("cases", 0, "mode", "value.unknown")
    assert want.matches(reader.rejected[0])
    assert not Rejection("cases", 1, "mode", "value.unknown").matches(reader.rejected[0])
    assert not Rejection("events", 0, "mode", "value.unknown").matches(reader.rejected[0])
    assert not want.matches(reader.rejected[0], header=True)  # a CSV line would be 2
    assert not Rejection("cases", 0, "mode", "text.empty").matches(reader.rejected[0])
    assert reader.rejected[0].code == "value.unknown"


def test_every_paired_code_is_a_documented_error_code() -> None:
    from thads.errors import ERROR_CODES
    from thads.testing import CODES

    assert set(CODES.values()) <= set(ERROR_CODES)
    assert {"case.held", "event.held", "date.blank", "amount.blank"} <= set(ERROR_CODES)


def test_unknown_rule_names_the_accepted_ones() -> None:
    with pytest.raises(InvalidRecordError, match="event:after_closing"):
        invalid_datasets(["event:too_late"])


# --- generated histories satisfy the report identities for every period -----------------


@settings(max_examples=30)
@given(case_sets(max_size=15))
def test_histories_satisfy_the_identities_in_every_period(generated: list[Case]) -> None:
    every = [StatisticalPeriod(y, m) for y in range(2021, 2026) for m in range(1, 13)]
    out = tally_periods(generated, every, key=lambda c: c.office)
    for period in every:
        for pair in out[period].values():
            pair.check()
        on_books = sum(pair.cases.accepted for pair in out[period].values())
        # a case is on the books at most once in a period
        assert on_books <= len(generated)
        money = sum(pair.money.accepted for pair in out[period].values())
        assert money <= sum(c.amount for c in generated)


# --- the narrowing parameters keep their promises ----------------------------------------


@given(cases(years=2023))
def test_one_year_keeps_acceptance_and_events_in_it(case: Case) -> None:
    year = StatisticalPeriod(2023)
    assert case.accepted_on in year
    assert all(event.on in year for event in case.events)


@given(cases())
def test_histories_are_consistent(case: Case) -> None:
    owed = case.amount
    previous = case.accepted_on
    for i, event in enumerate(case.events):
        assert event.on >= previous
        previous = event.on
        if event.kind in CLOSING:
            assert i == len(case.events) - 1  # nothing after a closing event
        if event.kind in MONEY_EVENTS:
            assert 0 < event.amount <= owed
            owed -= event.amount
        else:
            assert event.amount == 0
        if event.kind is EventKind.POSTPONED:
            assert event.ground in POSTPONEMENT_GROUNDS
        elif event.kind is EventKind.SUSPENDED:
            assert event.ground in SUSPENSION_GROUNDS
        else:
            assert event.ground is None
    effective = case.judgment.effective_on
    assert effective is None or effective <= case.accepted_on


@given(cases(event_mix={"collected": 2, "completed": 1}))
def test_event_mix_limits_the_kinds(case: Case) -> None:
    assert {e.kind for e in case.events} <= {EventKind.COLLECTED, EventKind.COMPLETED}


@given(case_sets(max_size=5, money_share=Fraction(0)), case_sets(max_size=5, money_share=1))
def test_money_share_zero_and_one(without: list[Case], with_money: list[Case]) -> None:
    assert all(c.amount == 0 for c in without)
    assert not any(e.kind in MONEY_EVENTS for c in without for e in c.events)
    assert all(c.amount > 0 for c in with_money)


def test_bad_parameters_are_refused_listing_accepted_forms() -> None:
    with pytest.raises(InvalidRecordError, match="separate_register"):
        cases(event_mix={"paid": 1})
    with pytest.raises(InvalidRecordError, match="money_share"):
        cases(money_share=Fraction(3, 2))
    with pytest.raises(InvalidRecordError, match="years"):
        cases(years=(2024, 2021))


@given(tallies(), tallies(unit="cases"))
def test_tallies_satisfy_the_identities(money: thads.Tally, count: thads.Tally) -> None:
    money.check()
    count.check()
    assert count.reduced == 0  # giảm is a money row


@given(quotas(years=(2023, 2024), offices=["P1", None]), periods(years=(2021, 2024)))
def test_quotas_and_periods_stay_in_range(quota: thads.Quota, period: StatisticalPeriod) -> None:
    assert quota.year in (2023, 2024) and quota.office in ("P1", None)
    assert Decimal(0) <= quota.cases <= Decimal(100)
    assert quota.cases == quota.cases.quantize(Decimal("0.01"))
    assert 2021 <= period.year <= 2024


@given(office_trees())
def test_office_trees_hang_from_provinces(tree: OfficeTree) -> None:
    for office in tree:
        if office.level is OfficeLevel.PROVINCE:
            assert office.parent is None
        else:
            assert tree.at_level(office.code, OfficeLevel.PROVINCE) is not None
    assert any(o.level is OfficeLevel.EXECUTOR for o in tree)


@given(events())
def test_single_events_are_well_formed(event: thads.Event) -> None:
    assert (event.amount > 0) == (event.kind in MONEY_EVENTS)


# --- determinism, the optional extra, the docs example -----------------------------------

_GENERATE = """
from hypothesis import given, seed, settings
from thads.testing import datasets, invalid_datasets, office_trees
out = []
@seed(20261128)
@settings(max_examples=15, database=None)
@given(datasets(max_size=6), invalid_datasets(), office_trees())
def run(a, b, c):
    out.append(repr((a, b, sorted(c.offices))))
run()
import hashlib
print(hashlib.sha256("\\n".join(out).encode()).hexdigest(), len(out))
"""


def _python(code: str, hash_seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_generation_is_the_same_under_a_fixed_seed_whatever_the_hash_seed() -> None:
    first, second = _python(_GENERATE, "1"), _python(_GENERATE, "2")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stdout.split()[1] == "15"


def test_import_thads_never_needs_hypothesis_and_the_error_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"  # as if it were not installed
        "import thads\n"
        "try:\n"
        "    import thads.testing\n"
        "except thads.errors.MissingExtraError as e:\n"
        "    print(e)\n"
    )
    result = _python(code, "0")
    assert result.returncode == 0, result.stderr
    assert "thads[testing]" in result.stdout and "hypothesis" in result.stdout


def test_docs_example_runs() -> None:
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in text.split("```python\n")[1:]]
    assert blocks
    namespace: dict[str, object] = {"__name__": "docs_testing"}
    exec(compile("\n".join(blocks), "docs/testing.md", "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    assert len(tests) >= 2
    for test in tests:
        test()


@settings(max_examples=25)
@given(st.data())
def test_cases_in_a_dated_tree_are_placed_in_offices_in_force(data: st.DataObject) -> None:
    from thads.records import Office, OfficeTree

    # by hand: office OLD closes on 30/6/2025 and NEW opens on 1/7/2025
    tree = OfficeTree.of(
        [
            Office("P", "THADS tỉnh P", OfficeLevel.PROVINCE),
            Office("OLD", "Chi cục cũ", OfficeLevel.DISTRICT, "P", end=date(2025, 6, 30),
                   successor="NEW"),
            Office("OLD-1", "CHV", OfficeLevel.EXECUTOR, "OLD", end=date(2025, 6, 30)),
            Office("NEW", "Phòng khu vực", OfficeLevel.DISTRICT, "P", start=date(2025, 7, 1)),
            Office("NEW-1", "CHV", OfficeLevel.EXECUTOR, "NEW", start=date(2025, 7, 1)),
        ]
    )  # fmt: skip
    case = data.draw(cases(years=(2025, 2026), offices=tree))
    if case.accepted_on <= date(2025, 6, 30):
        assert (case.office, case.executor) == ("OLD", "OLD-1")
    else:
        assert (case.office, case.executor) == ("NEW", "NEW-1")
