"""The sweep (every period in one walk of each timeline) against the per-period replay.

The replay (:func:`thads.engine.place_case`, one case in one period, straight from the
counting rules) is the executable specification; the sweep must give the same tallies
for any history and any set of periods, under the regime of each period.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import M, case, ev
from strategies import case_sets
from thads import (
    Case,
    InvalidRecordError,
    StatisticalPeriod,
    Tally,
    read_cases,
    regime_for,
    reports,
    write_cases,
)
from thads.count import TallyPair, place_case, tally_periods
from thads.samples import province_2023

# Statistical years the generated histories touch (2020-10-01 .. 2024-09-30), and beyond.
YEARS = st.integers(2020, 2025)
PERIODS = st.lists(st.builds(StatisticalPeriod, YEARS, st.integers(1, 12)), min_size=1, max_size=8)


def _replay(
    cases: list[Case],
    periods: list[StatisticalPeriod],
    key: Callable[[Case], str] = lambda c: c.office,
) -> dict:  # type: ignore[type-arg]
    """Sum the replay of every case in every period, one period at a time."""
    out: dict[StatisticalPeriod, dict[str, TallyPair]] = {}
    for period in periods:
        regime = regime_for(period)
        groups: dict[str, tuple[list[int], list[int]]] = {}
        for c in cases:
            placed = place_case(c, period.start, period.end, regime)
            if placed is None:
                continue
            intake, row, money = placed
            counts, amounts = groups.setdefault(key(c), ([0] * 11, [0] * 11))
            counts[intake] += 1
            counts[row] += 1
            for i, value in enumerate(money):
                amounts[i] += value
        out[period] = {g: TallyPair(Tally(*c), Tally(*m)) for g, (c, m) in groups.items()}
    return out


@settings(max_examples=60, deadline=None)
@given(case_sets(max_size=12), PERIODS)
def test_sweep_equals_the_per_period_replay(cases: list[Case], periods: list) -> None:  # type: ignore[type-arg]
    wanted = list(dict.fromkeys(periods))
    swept = tally_periods(cases, wanted, key=lambda c: c.office)
    assert swept == _replay(cases, wanted)


def test_periods_in_two_regimes_in_one_year() -> None:
    # Statistical year 2024: the 9-month period ends 30/06/2024 under TT 06/2019, the
    # 12-month one ends 30/09/2024 under TT 05/2024 (in force from 26/07/2024). A case
    # suspended in November 2023 is "stayed" under both; one postponed on 48.1.c is
    # "postponed" (with conditions) under both; a case postponed on 48.1.a is stayed.
    nine, twelve = StatisticalPeriod(2024, 9), StatisticalPeriod(2024, 12)
    assert regime_for(nine).code == "tt06_2019" and regime_for(twelve).code == "tt05_2024"
    cases = [
        case("s", date(2023, 10, 5), M, (ev(date(2023, 11, 1), "suspended"),)),
        case("c", date(2023, 10, 5), M, (ev(date(2023, 11, 1), "postponed", ground="48.1.c"),)),
        case("a", date(2023, 10, 5), M, (ev(date(2023, 11, 1), "postponed", ground="48.1.a"),)),
    ]
    out = tally_periods(cases, [nine, twelve], key=lambda c: "all")
    for period in (nine, twelve):
        t = out[period]["all"].cases
        assert (t.new, t.postponed, t.stayed) == (3, 1, 2)
    assert out == _replay(cases, [nine, twelve], key=lambda c: "all")


def test_tally_pairs_sum_from_zero() -> None:
    a = TallyPair(Tally(new=2, in_progress=2), Tally(new=5, in_progress=5))
    b = TallyPair(Tally(carried_over=1, completed=1), Tally(carried_over=3, completed=3))
    total = sum([a, b], TallyPair.zero())
    assert total == sum([a, b]) == a + b
    assert total.cases.accepted == 3 and total.money.accepted == 8


def test_jobs_two_equals_jobs_one_in_memory_and_from_files(tmp_path: Path) -> None:
    sample = province_2023()
    months = [StatisticalPeriod(2023, m) for m in (3, 12)]
    one = reports(sample.cases, months, by="office", offices=sample.offices, jobs=1)
    two = reports(sample.cases, months, by="office", offices=sample.offices, jobs=2)
    assert one == two
    cp, ep = tmp_path / "cases.csv", tmp_path / "events.csv"
    write_cases(sample.cases[:3000], cp, ep)
    with ep.open("a", encoding="utf-8") as handle:  # two bad rows: both must be reported
        handle.write("nobody,2023-01-01,completed,,\n")
        handle.write(f"{sample.cases[0].case_id},2023-13-01,completed,,\n")
    for sorted_input in (False, True):
        readers = [
            read_cases(cp, ep, sorted_input=sorted_input, on_bad_event="drop_event")
            for _ in range(2)
        ]
        by_one = reports(readers[0], months, by="executor", jobs=1)
        by_two = reports(readers[1], months, by="executor", jobs=2)
        assert by_one == by_two
        assert readers[0].rejected == readers[1].rejected and len(readers[0].rejected) == 2
        assert {n: (c.read, c.accepted, c.rejected) for n, c in readers[0].counts.items()} == {
            n: (c.read, c.accepted, c.rejected) for n, c in readers[1].counts.items()
        }


def test_jobs_must_be_a_positive_whole_number() -> None:
    with pytest.raises(InvalidRecordError, match="jobs"):
        reports([], [StatisticalPeriod(2023)], jobs=0)


def test_sorted_input_is_read_as_a_streaming_merge(tmp_path: Path) -> None:
    sample = province_2023()
    cases = sample.cases[:2000]
    cp, ep = tmp_path / "cases.csv", tmp_path / "events.csv"
    write_cases(list(reversed(cases)), cp, ep)  # written sorted by case_id whatever the order
    ids = [line.split(",", 1)[0] for line in cp.read_text(encoding="utf-8").splitlines()[1:]]
    assert ids == sorted(ids)
    merged = read_cases(cp, ep, sorted_input=True)
    indexed = read_cases(cp, ep)
    assert sorted(merged, key=lambda c: c.case_id) == sorted(cases, key=lambda c: c.case_id)
    assert list(indexed) == list(read_cases(cp, ep, sorted_input=True))


def test_sorted_input_that_is_not_sorted_is_an_error(tmp_path: Path) -> None:
    header = (
        "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
        "accepted_on,amount,creditor\n"
    )
    row = "{},A,A-1,active,civil,1,2022-09-01,2022-11-01,100,private\n"
    cp, ep = tmp_path / "cases.csv", tmp_path / "events.csv"
    cp.write_text(header + row.format("b") + row.format("a"), encoding="utf-8")
    ep.write_text("case_id,date,kind,amount,ground\n", encoding="utf-8")
    with pytest.raises(InvalidRecordError, match=r"cases.csv:3.*not sorted by case_id"):
        list(read_cases(cp, ep, sorted_input=True))
    cp.write_text(header + row.format("a") + row.format("b"), encoding="utf-8")
    ep.write_text(
        "case_id,date,kind,amount,ground\nb,2023-01-01,enforceable,,\na,2023-01-01,completed,,\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidRecordError, match=r"events.csv:3.*not sorted by case_id"):
        list(read_cases(cp, ep, sorted_input=True))


def test_sorted_merge_accounts_for_orphans_and_rejected_cases(tmp_path: Path) -> None:
    header = (
        "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
        "accepted_on,amount,creditor\n"
    )
    cp, ep = tmp_path / "cases.csv", tmp_path / "events.csv"
    cp.write_text(
        header
        + "b,A,A-1,active,civil,1,2022-09-01,2022-11-01,100,private\n"
        + "c,A,A-1,active,civil,1,2022-09-01,not-a-date,100,private\n"
        + "e,A,A-1,active,civil,1,2022-09-01,2022-11-01,100,private\n",
        encoding="utf-8",
    )
    ep.write_text(
        "case_id,date,kind,amount,ground\n"
        "a,2023-01-01,completed,,\n"  # line 2: no case a
        "b,2023-01-01,collected,100,\n"  # line 3: good
        "c,2023-01-01,completed,,\n"  # line 4: its case row was rejected
        "d,2023-01-01,completed,,\n"  # line 5: no case d
        "e,2023-01-01,completed,,\n"  # line 6: good
        "f,2023-01-01,completed,,\n",  # line 7: no case f
        encoding="utf-8",
    )
    reader = read_cases(cp, ep, sorted_input=True)
    assert [c.case_id for c in reader] == ["b", "e"]
    assert [(Path(r.file).name, r.line) for r in reader.rejected] == [
        ("cases.csv", 3),
        ("events.csv", 2),
        ("events.csv", 4),
        ("events.csv", 5),
        ("events.csv", 7),
    ]
    for count in reader.counts.values():
        assert count.read == count.accepted + count.rejected


def test_command_line_jobs_and_sorted_give_the_same_report(tmp_path: Path) -> None:
    from io import StringIO

    from thads.cli import main

    sample = province_2023()
    cp, ep = tmp_path / "cases.csv", tmp_path / "events.csv"
    write_cases(sample.cases[:1500], cp, ep)
    outputs = []
    for extra in ([], ["--jobs", "2"], ["--sorted"]):
        out, err = StringIO(), StringIO()
        args = ["report", "--cases", str(cp), "--events", str(ep), "--year", "2023"]
        assert main([*args, "--format", "csv", "--quiet", *extra], out=out, err=err) == 0
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count("\n") > 2
