"""The columnar sweep (issue 24): counting whole columns gives what the case-by-case
sweep gives, which the replay of the rules in test_engine.py holds to the rules.

The clear version (``sweep``, case by case) is the specification; ``sweep_columns`` is
the fast one, held to it on generated histories, through the pyarrow engine's files, and
on the cases it must leave to the clear version."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thads
from helpers import M, case, ev
from strategies import case_sets
from thads import StatisticalPeriod, regime_by_code, regime_for
from thads.count import sweep
from thads.count._engine import sweep_columns
from thads.errors import RuleNotAvailableError
from thads.read import CaseColumns, read_cases, write_cases
from thads.testing import Dataset, datasets, invalid_datasets

np = pytest.importorskip("numpy")

COMMON = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REGIMES = [None, "tt01_2013", "tt06_2019", "tt05_2024"]


def _columns(cases: list[Any]) -> CaseColumns:
    """The cases as columns, grouped by office, written out here from their timelines."""
    labels = sorted({c.office for c in cases})
    grounds: list[str | None] = [None]
    steps = [step for c in cases for step in c.timeline.steps]
    for step in steps:
        if step[4] not in grounds:
            grounds.append(step[4])
    sizes = [len(c.timeline.steps) for c in cases]
    return CaseColumns(
        group=np.array([labels.index(c.office) for c in cases], dtype=np.int64),
        labels=labels,
        accepted_month=np.array([c.timeline.accepted_month for c in cases], dtype=np.int64),
        owed=np.array([c.timeline.amount for c in cases], dtype=np.int64),
        offsets=np.concatenate(([0], np.cumsum(sizes, dtype=np.int64))).astype(np.int64),
        day=np.array([s[0] for s in steps], dtype=np.int64),
        month=np.array([s[1] for s in steps], dtype=np.int64),
        code=np.array([s[2] for s in steps], dtype=np.int64),
        value=np.array([s[3] for s in steps], dtype=np.int64),
        ground=np.array([grounds.index(s[4]) for s in steps], dtype=np.int64),
        grounds=grounds,
        dirty=[],
    )


BLOCKS = [None, 1, 3, 7]
"""Events per block of sweep_columns: as shipped, or blocks of a few events (one case,
or a few, per block: each case is whole in one block)."""


def _in_blocks(block: int | None, columns: CaseColumns, years: list[int]) -> Any:
    import thads.count._engine as engine

    with pytest.MonkeyPatch.context() as patch:
        if block is not None:
            patch.setattr(engine, "_BLOCK_EVENTS", block)
        return sweep_columns(columns, years)


def _periods(wanted: list[tuple[int, int]], forced: str | None) -> dict[Any, Any]:
    chosen = {}
    for y, m in wanted:
        p = StatisticalPeriod(y, m)
        chosen[p] = regime_by_code(forced) if forced else regime_for(p)
    return chosen


@COMMON
@given(
    case_sets(max_size=30),
    st.lists(st.tuples(st.integers(2021, 2025), st.integers(1, 12)), min_size=1, max_size=6),
    st.sampled_from(REGIMES),
    st.sampled_from(BLOCKS),
)
def test_columns_count_what_the_sweep_counts(cases, wanted, forced, block) -> None:  # type: ignore[no-untyped-def]
    chosen = _periods(wanted, forced)
    years = [p.year for p in chosen]
    expected = sweep(((c.office, c.timeline) for c in cases), years).tallies(chosen)
    got = _in_blocks(block, _columns(cases), years)
    assert got is not None
    assert got.tallies(chosen) == expected
    assert set(got.cases) == set(sweep(((c.office, c.timeline) for c in cases), years).cases)


MONEY_HEAVY = {"collected": 4, "reduced": 2, "entrusted": 3, "postponed": 2, "suspended": 1,
               "unenforceable": 1, "enforceable": 1, "resumed": 1, "completed": 1}  # fmt: skip


@COMMON
@given(
    case_sets(max_size=20, event_mix=MONEY_HEAVY, max_events=8),
    st.lists(st.tuples(st.integers(2021, 2025), st.integers(1, 12)), min_size=1, max_size=4),
    st.sampled_from(BLOCKS),
)
def test_money_and_entrusting_in_columns(cases, wanted, block) -> None:  # type: ignore[no-untyped-def]
    """Collections, reductions, then entrusting (completed when money moved in the year)."""
    chosen = _periods(wanted, None)
    years = [p.year for p in chosen]
    expected = sweep(((c.office, c.timeline) for c in cases), years).tallies(chosen)
    got = _in_blocks(block, _columns(cases), years)
    assert got is not None and got.tallies(chosen) == expected


def test_a_hand_worked_year_in_columns() -> None:
    """Year 2023 (1/10/2022-30/9/2023) under TT 06/2019, by hand: case a carried over
    (accepted 3/2022, 100 owed, 40 collected in 6/2022), 10 collected 2/2023, entrusted
    3/2023: completed (money moved in the year); money: carried 60, completed 10,
    entrusted 50. Case b new 11/2022, 80 owed, postponed on 48.1.c 12/2022: postponed
    (with conditions), money 80 postponed. Case c accepted 11/2023: not on the books."""
    cases = [
        case("a", date(2022, 3, 1), 100 * M, (ev(date(2022, 6, 1), "collected", 40 * M),
             ev(date(2023, 2, 1), "collected", 10 * M), ev(date(2023, 3, 1), "entrusted"))),
        case("b", date(2022, 11, 1), 80 * M, (ev(date(2022, 12, 5), "postponed", 0, "48.1.c"),)),
        case("c", date(2023, 11, 1), 5 * M, ()),
    ]  # fmt: skip
    period = StatisticalPeriod(2023)
    swept = sweep_columns(_columns(cases), [2023])
    assert swept is not None
    pair = swept.tallies({period: regime_by_code("tt06_2019")})[period][cases[0].office]
    assert (pair.cases.carried_over, pair.cases.new, pair.cases.completed) == (1, 1, 1)
    assert (pair.cases.entrusted, pair.cases.postponed) == (0, 1)
    assert (pair.money.carried_over, pair.money.new) == (60 * M, 80 * M)
    assert (pair.money.completed, pair.money.entrusted, pair.money.postponed) == (
        10 * M, 50 * M, 80 * M,
    )  # fmt: skip


def test_a_returned_request_in_a_counted_year_is_the_same_error() -> None:
    cases = [case("r", date(2026, 7, 2), 10 * M, (ev(date(2026, 8, 3), "request_returned"),))]
    with pytest.raises(RuleNotAvailableError) as clear:
        sweep(((c.office, c.timeline) for c in cases), [2026])
    with pytest.raises(RuleNotAvailableError) as fast:
        sweep_columns(_columns(cases), [2026])
    assert str(fast.value) == str(clear.value)
    before = sweep_columns(_columns(cases), [2025])  # the year before: no error
    assert before is not None and before.cases == {}


def test_amounts_too_large_for_64_bits_are_left_to_the_clear_version() -> None:
    big = 10**17  # 80 such amounts pass 2**62 together
    cases = [case(f"k{i:02d}", date(2022, 11, 1), big, ()) for i in range(80)]
    assert sweep_columns(_columns(cases), [2023]) is None


# --- through the files: the pyarrow engine's report is the row engine's ---------------


BYS = ["office", "executor", "national", "mode", "judgment_kind", "creditor"]


def _report_rows(reader: Any, by: str, jobs: int = 1) -> Any:
    period = StatisticalPeriod(2025, 9)
    out = thads.report(reader, period, by=by, jobs=jobs)  # type: ignore[arg-type]
    return [(r.code, r.current, r.previous) for r in out.rows], out.read_rows, out.rejected_rows


@pytest.mark.filterwarnings("ignore::thads.errors.RejectedRowsWarning")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(datasets(max_size=12), invalid_datasets()), st.sampled_from(BYS))
def test_the_pyarrow_report_is_the_row_report(data: Dataset, by: str) -> None:
    pytest.importorskip("pyarrow")
    with tempfile.TemporaryDirectory() as folder:
        cases, events = data.write(folder)
        rows = _report_rows(read_cases(cases, events), by)
        assert _report_rows(read_cases(cases, events, engine="pyarrow"), by) == rows
        if by == "office":
            assert _report_rows(read_cases(cases, events, engine="pyarrow"), by, jobs=2) == rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_sets(min_size=1, max_size=25, years=(2023, 2026)))
def test_the_pyarrow_columns_count_what_the_cases_count(cases) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pyarrow")
    chosen = _periods([(2025, 12), (2026, 3)], None)
    years = [p.year for p in chosen]
    with tempfile.TemporaryDirectory() as folder:
        c, e = Path(folder, "cases.csv"), Path(folder, "events.csv")
        write_cases(cases, c, e)
        columns = read_cases(c, e, engine="pyarrow").case_columns(("office",))
    assert columns is not None and columns.dirty == []
    swept = sweep_columns(columns, years)
    assert swept is not None
    expected = sweep(((x.office, x.timeline) for x in cases), years)
    assert swept.tallies(chosen) == expected.tallies(chosen)
