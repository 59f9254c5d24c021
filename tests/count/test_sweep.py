"""The sweep (every period in one walk of each timeline) and the per-period replay.

Both :func:`thads.count.tally_periods` (the sweep) and :func:`thads.count.place_case`
(one case in one period, the executable specification) are held to histories worked by
hand month by month from docs/counting-rules.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from helpers import M, case, ev
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


# Five histories worked by hand month by month through the statistical year 2023
# (month 1 = October 2022 ... month 12 = September 2023; TT 06/2019) and into 2024.
# Rows and money follow docs/counting-rules.md; "reclass" is its worked example
# (without conditions in months 2-4 and 10-12, in progress in months 1 and 5-9).
HISTORIES = [
    case(
        "reclass",
        date(2022, 10, 10),
        60 * M,
        (
            ev(date(2022, 11, 15), "unenforceable"),
            ev(date(2023, 2, 10), "enforceable"),
            ev(date(2023, 7, 1), "unenforceable"),
        ),
    ),
    case(  # new in November; 30 collected in January; completed 1/3/2023 (month 6)
        "done-march",
        date(2022, 11, 1),
        100 * M,
        (ev(date(2023, 1, 10), "collected", 30 * M), ev(date(2023, 3, 1), "completed")),
    ),
    case(  # carried over with 100 − 40 = 60 on the books; postponed 48.1.c in April
        "carried",  # (month 7, with conditions under TT 06/2019), resumed in June
        date(2022, 3, 1),
        100 * M,
        (
            ev(date(2022, 6, 1), "collected", 40 * M),
            ev(date(2023, 4, 15), "postponed", ground="48.1.c"),
            ev(date(2023, 6, 1), "resumed"),
        ),
    ),
    case(  # 20 collected in December (month 3), entrusted in February (month 5): completed
        "entrusted-part",
        date(2022, 10, 3),
        50 * M,
        (ev(date(2022, 12, 5), "collected", 20 * M), ev(date(2023, 2, 1), "entrusted")),
    ),
    case(  # accepted on the first day, suspended on the last day of month 1: stayed
        "suspended",
        date(2022, 10, 1),
        10 * M,
        (ev(date(2022, 10, 31), "suspended", ground="49.1"),),
    ),
]


def _hand(case_id: str, year: int, m: int) -> TallyPair | None:
    """The expected rows of one history in the m-month period of ``year``, by hand."""
    if year == 2023:
        if case_id == "reclass":
            row = "without_conditions" if m in (2, 3, 4, 10, 11, 12) else "in_progress"
            return TallyPair(Tally(new=1, **{row: 1}), Tally(new=60 * M, **{row: 60 * M}))
        if case_id == "done-march":
            if m == 1:
                return None  # accepted 1/11/2022, after 31/10/2022
            if m <= 3:
                return TallyPair(
                    Tally(new=1, in_progress=1), Tally(new=100 * M, in_progress=100 * M)
                )
            if m <= 5:  # the January collection is completed money; the rest in progress
                money = Tally(new=100 * M, completed=30 * M, in_progress=70 * M)
                return TallyPair(Tally(new=1, in_progress=1), money)
            return TallyPair(Tally(new=1, completed=1), Tally(new=100 * M, completed=100 * M))
        if case_id == "carried":
            row = "postponed" if m in (7, 8) else "in_progress"
            return TallyPair(
                Tally(carried_over=1, **{row: 1}), Tally(carried_over=60 * M, **{row: 60 * M})
            )
        if case_id == "entrusted-part":
            if m <= 2:
                return TallyPair(Tally(new=1, in_progress=1), Tally(new=50 * M, in_progress=50 * M))
            if m <= 4:
                money = Tally(new=50 * M, completed=20 * M, in_progress=30 * M)
                return TallyPair(Tally(new=1, in_progress=1), money)
            money = Tally(new=50 * M, completed=20 * M, entrusted=30 * M)
            return TallyPair(Tally(new=1, completed=1), money)
        if case_id == "suspended":
            return TallyPair(Tally(new=1, stayed=1), Tally(new=10 * M, stayed=10 * M))
    # 2024 (S = 1/10/2023): done-march and entrusted-part are closed; the others carry
    # over with what is left on the books, in the row they stood in at 30/9/2023
    left = {"reclass": (60 * M, "without_conditions"), "carried": (60 * M, "in_progress")}
    left["suspended"] = (10 * M, "stayed")
    if case_id not in left:
        return None
    amount, row = left[case_id]
    return TallyPair(Tally(carried_over=1, **{row: 1}), Tally(carried_over=amount, **{row: amount}))


HAND_PERIODS = [
    *(StatisticalPeriod(2023, m) for m in range(1, 13)),
    StatisticalPeriod(2024, 1),  # TT 06/2019
    StatisticalPeriod(2024, 12),  # TT 05/2024
]


def _expected() -> dict[StatisticalPeriod, dict[str, TallyPair]]:
    out: dict[StatisticalPeriod, dict[str, TallyPair]] = {}
    for p in HAND_PERIODS:
        rows = {c.case_id: _hand(c.case_id, p.year, p.months) for c in HISTORIES}
        out[p] = {k: v for k, v in rows.items() if v is not None}
    return out


def test_sweep_gives_the_hand_worked_rows_of_every_month() -> None:
    swept = tally_periods(HISTORIES, HAND_PERIODS, key=lambda c: c.case_id)
    expected = _expected()
    for p in HAND_PERIODS:
        assert swept[p] == expected[p], (p.year, p.months)


def test_replay_gives_the_hand_worked_rows_of_every_month() -> None:
    # place_case, the one-case-one-period specification, against the same hand table
    replayed = _replay(HISTORIES, HAND_PERIODS, key=lambda c: c.case_id)
    expected = _expected()
    for p in HAND_PERIODS:
        assert replayed[p] == expected[p], (p.year, p.months)


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
