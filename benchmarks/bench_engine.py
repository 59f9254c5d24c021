"""Benchmark the engine: one period, 24 periods in one pass, CSV read + report.

Compares with a vectorised pandas implementation of the case counting rules (cases
only), when pandas is installed, and checks both give the same case tally.

    python benchmarks/bench_engine.py [--copies N]

The data set is the synthetic province (28.800 cases) repeated N times with new ids.
Timings are wall-clock medians of --repeat runs on this machine; they are printed, not
asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import thads
from thads.case import CLOSING, EventKind
from thads.samples import province_2023


def _time(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _cases(copies: int) -> list[thads.Case]:
    base = province_2023().cases
    return [
        attrs.evolve(c, case_id=f"{c.case_id}-{k}") if k else c
        for k in range(copies)
        for c in base
    ]


def pandas_case_tally(cases: list[thads.Case], period: thads.StatisticalPeriod) -> dict[str, int]:
    """The case rows of design.md, vectorised with pandas (TT 06/2019 stays)."""
    import pandas as pd

    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    cdf = pd.DataFrame(
        {"case_id": [c.case_id for c in cases], "accepted": [c.accepted_on for c in cases]}
    )
    cdf["accepted"] = pd.to_datetime(cdf["accepted"])
    rows = [
        (c.case_id, e.on, i, str(e.kind), e.ground or "")
        for c in cases
        for i, e in enumerate(c.events)
    ]
    edf = pd.DataFrame(rows, columns=["case_id", "on", "seq", "kind", "ground"])
    edf["on"] = pd.to_datetime(edf["on"])
    closing = edf["kind"].isin([str(k) for k in CLOSING])
    closed_before = set(edf.loc[closing & (edf["on"] < start), "case_id"])
    books = cdf[(cdf["accepted"] <= end) & ~cdf["case_id"].isin(closed_before)].set_index("case_id")
    window = edf[(edf["on"] >= start) & (edf["on"] <= end)]
    first_close = (
        window[window["kind"].isin([str(k) for k in CLOSING])]
        .sort_values(["case_id", "on", "seq"])
        .groupby("case_id")
        .first()
    )
    moved_cases = set(
        window[window["kind"].isin(["collected", "reduced"])]
        .merge(first_close[["on", "seq"]], left_on="case_id", right_index=True, how="left",
               suffixes=("", "_close"))
        .query("on_close.isna() or on < on_close or (on == on_close and seq < seq_close)")
        ["case_id"]
    )
    classify = ["enforceable", "unenforceable", "postponed", "suspended", "resumed"]
    last_class = (
        edf[edf["kind"].isin(classify) & (edf["on"] <= end)]
        .sort_values(["case_id", "on", "seq"])
        .groupby("case_id")
        .last()
    )
    out = {"carried_over": int((books["accepted"] < start).sum())}
    out["new"] = len(books) - out["carried_over"]
    close = first_close["kind"].reindex(books.index)
    last = last_class["kind"].reindex(books.index).fillna("enforceable")
    ground = last_class["ground"].reindex(books.index).fillna("")
    row = pd.Series("in_progress", index=books.index)
    row[last == "unenforceable"] = "without_conditions"
    row[last == "suspended"] = "stayed"
    post = last == "postponed"
    row[post & (ground == "48.1.c")] = "postponed"
    row[post & (ground != "48.1.c")] = "stayed"
    for kind in ("completed", "terminated", "withdrawn", "entrusted"):
        row[close == kind] = kind
    row[close == "separate_register"] = "without_conditions"
    row[(close == "entrusted") & books.index.isin(list(moved_cases))] = "completed"
    counts = row.value_counts()
    for name in ("entrusted", "withdrawn", "completed", "terminated", "in_progress",
                 "postponed", "stayed", "without_conditions"):
        out[name] = int(counts.get(name, 0))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cases = _cases(args.copies)
    year = thads.StatisticalPeriod(2023)
    print(f"cases: {len(cases):,}")
    one = _time(lambda: thads.report(cases, year, by="national"), args.repeat)
    print(f"report, 1 period (+ same period last year): {one:.2f} s "
          f"({len(cases) / one:,.0f} cases/s)")
    months = list(year.months_of_year())
    many = _time(lambda: thads.reports(cases, months, by="office"), args.repeat)
    print(f"reports, 12 months + 12 months last year, one pass: {many:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        cp, ep = Path(tmp) / "cases.csv", Path(tmp) / "events.csv"
        thads.write_cases(cases, cp, ep)
        read = _time(
            lambda: thads.report(thads.read_cases(cp, ep), year, by="office"), args.repeat
        )
        print(f"read CSV + report: {read:.2f} s ({cp.stat().st_size + ep.stat().st_size:,} bytes)")
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas not installed: comparison skipped (pip install pandas)")
        return
    ours = thads.tally_periods(cases, [year], key=lambda c: "all")[year]["all"].cases
    theirs = pandas_case_tally(cases, year)
    mine = {k: v for k, v in ours.as_dict(derived=False).items() if k != "reduced"}
    assert mine == theirs, (mine, theirs)
    engine = _time(lambda: thads.tally_periods(cases, [year], key=lambda c: "all"), args.repeat)
    vector = _time(lambda: pandas_case_tally(cases, year), args.repeat)
    print(f"case tally, 1 period: thads engine {engine:.2f} s; pandas {vector:.2f} s "
          "(same tally)")


if __name__ == "__main__":
    main()
