"""National-scale benchmark: thads against an independent vectorised pandas implementation.

In one run, on files made by ``national.py``:

- thads, read + the 24 cumulative periods of two statistical years by office
  (``reports`` of the 12 months of a year, each with its same period last year), jobs=1;
- thads, read + one period (12 months, with its same period last year);
- thads, the 24 periods with jobs=2;
- pandas (optional dependency), read + the same 24 periods by office;

then asserts that the case and money tallies of every office and period are identical,
and prints times, ratios and peak memory (each measurement in a fresh process, so the
peaks do not mix). Nothing is asserted about time.

    python benchmarks/bench_national.py --cases 1000000 [--sorted] [--dir /tmp/national]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = (
    "carried_over", "new", "entrusted", "withdrawn", "completed", "terminated", "reduced",
    "in_progress", "postponed", "stayed", "without_conditions",
)  # fmt: skip


def _thads(
    cases: Path, events: Path, year: int, months: str, jobs: int, sorted_input: bool
) -> dict:
    import thads

    reader = thads.read_cases(cases, events, sorted_input=sorted_input)
    periods = (
        [thads.StatisticalPeriod(year, m) for m in range(1, 13)]
        if months == "all"
        else [thads.StatisticalPeriod(year, 12)]
    )
    out = thads.reports(reader, periods, by="office", jobs=jobs, allow_last_known=True)
    result: dict[str, list[int]] = {}
    for period, rep in out.items():
        for row in rep.rows:
            if row.level is not None or row.code == "VN":
                continue  # leaves only: offices as recorded
            for label, pair in ((f"{period.year}-{period.months}", row.current),
                                (f"{period.year - 1}-{period.months}", row.previous)):  # fmt: skip
                assert pair is not None
                result[f"{label}|{row.code}"] = [*pair.cases.as_tuple(), *pair.money.as_tuple()]
    assert sum(c.rejected for c in reader.counts.values()) == 0, reader.summary()
    return result


def _pandas(cases: Path, events: Path, year: int) -> dict:
    import numpy as np
    import pandas as pd

    cdf = pd.read_csv(
        cases, usecols=["case_id", "office", "accepted_on", "amount"],
        dtype={"case_id": str, "office": "category", "amount": np.int64},
    )  # fmt: skip
    edf = pd.read_csv(
        events, dtype={"case_id": str, "kind": "category", "ground": "category"},
        keep_default_na=False, na_values={"amount": [""]},
    )  # fmt: skip
    epoch = np.datetime64("0001-01-01")
    acc = (pd.to_datetime(cdf["accepted_on"], format="%Y-%m-%d").values - epoch).astype(
        "timedelta64[D]"
    ).astype(np.int64) + 1
    ci = pd.Categorical(edf["case_id"], categories=cdf["case_id"]).codes.astype(np.int64)
    day = (pd.to_datetime(edf["date"], format="%Y-%m-%d").values - epoch).astype(
        "timedelta64[D]"
    ).astype(np.int64) + 1
    kind = edf["kind"].astype(str).values
    amt = edf["amount"].fillna(0).astype(np.int64).values
    ground = edf["ground"].astype(str).values
    n = len(cdf)
    order = np.lexsort((np.arange(len(day)), day, ci))  # by case, then date, then file order
    ci, day, kind, amt, ground = ci[order], day[order], kind[order], amt[order], ground[order]
    closing = np.isin(
        kind, ["completed", "terminated", "entrusted", "withdrawn", "separate_register"]
    )
    close_day = np.full(n, np.iinfo(np.int64).max)
    close_kind = np.full(n, "", dtype=object)
    close_day[ci[closing]] = day[closing]
    close_kind[ci[closing]] = kind[closing]
    collected, reduced = kind == "collected", kind == "reduced"
    classifying = np.isin(
        kind, ["enforceable", "unenforceable", "postponed", "suspended", "resumed"]
    )
    cl_ci, cl_day, cl_kind, cl_ground = (
        ci[classifying],
        day[classifying],
        kind[classifying],
        ground[classifying],
    )
    amount0 = cdf["amount"].values
    office = cdf["office"].cat.codes.values
    names = list(cdf["office"].cat.categories)
    idx = {r: i for i, r in enumerate(ROWS)}
    result: dict[str, list[int]] = {}
    for y in (year - 1, year):
        for months in range(1, 13):
            start = pd.Timestamp(year=y - 1, month=10, day=1)
            end = start + pd.DateOffset(months=months) - pd.Timedelta(days=1)
            s, e = start.toordinal(), end.toordinal()
            books = (acc <= e) & ~(close_day < s)
            paid_before = np.zeros(n, dtype=np.int64)
            np.add.at(
                paid_before,
                ci[(collected | reduced) & (day < s)],
                amt[(collected | reduced) & (day < s)],
            )
            inside = (day >= s) & (day <= e)
            coll_in = np.zeros(n, dtype=np.int64)
            np.add.at(coll_in, ci[collected & inside], amt[collected & inside])
            red_in = np.zeros(n, dtype=np.int64)
            np.add.at(red_in, ci[reduced & inside], amt[reduced & inside])
            moved = (coll_in + red_in) > 0
            out_s = amount0 - paid_before
            rem = out_s - coll_in - red_in
            closed_in = (close_day >= s) & (close_day <= e)
            # last classification on or before e
            upto = cl_day <= e
            last_kind = np.full(n, "", dtype=object)
            last_ground = np.full(n, "", dtype=object)
            last_kind[cl_ci[upto]] = cl_kind[upto]  # later assignments win: sorted by date
            last_ground[cl_ci[upto]] = cl_ground[upto]
            status = np.full(n, idx["in_progress"])
            status[last_kind == "unenforceable"] = idx["without_conditions"]
            status[last_kind == "suspended"] = idx["stayed"]
            post = last_kind == "postponed"
            status[post & (last_ground == "48.1.c")] = idx["postponed"]
            status[post & (last_ground != "48.1.c")] = idx["stayed"]
            row = status.copy()
            money_row = status.copy()
            for k, (case_row, mrow) in {
                "completed": ("completed", "completed"), "terminated": ("terminated", "terminated"),
                "withdrawn": ("withdrawn", "withdrawn"),
                "separate_register": ("without_conditions", "without_conditions"),
            }.items():  # fmt: skip
                sel = closed_in & (close_kind == k)
                row[sel], money_row[sel] = idx[case_row], idx[mrow]
            ent = closed_in & (close_kind == "entrusted")
            row[ent & moved], row[ent & ~moved] = idx["completed"], idx["entrusted"]
            money_row[ent] = idx["entrusted"]
            intake = np.where(acc < s, idx["carried_over"], idx["new"])
            width = len(ROWS)
            groups = len(names)
            case_t = np.zeros((groups, width), dtype=np.int64)
            money_t = np.zeros((groups, width), dtype=np.int64)
            o = office[books]
            np.add.at(case_t, (o, intake[books]), 1)
            np.add.at(case_t, (o, row[books]), 1)
            np.add.at(money_t, (o, intake[books]), out_s[books])
            np.add.at(money_t, (o, np.full(len(o), idx["completed"])), coll_in[books])
            np.add.at(money_t, (o, np.full(len(o), idx["reduced"])), red_in[books])
            np.add.at(money_t, (o, money_row[books]), rem[books])
            for g, name in enumerate(names):
                if case_t[g].sum():
                    result[f"{y}-{months}|{name}"] = [*map(int, case_t[g]), *map(int, money_t[g])]
    return result


def _measure(
    task: str, args: argparse.Namespace, cases: Path, events: Path
) -> tuple[float, float, dict]:
    """Run one task in a fresh process: (seconds, peak MiB, tallies)."""
    code = (
        "import json, sys, time, resource; sys.path.insert(0, %r); import bench_national as b; "
        "from pathlib import Path; t = time.perf_counter(); r = b.%s; "
        "d = time.perf_counter() - t; "
        "print(json.dumps([d, max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024, r]))"
    ) % (str(Path(__file__).parent), task)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{task} failed:\n{done.stderr[-3000:]}")
    seconds, peak, result = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, peak, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--dir", type=Path, help="where the data set is (made if missing)")
    parser.add_argument("--sorted", action="store_true", help="read with sorted_input=True")
    parser.add_argument("--skip-pandas", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    import national

    folder = args.dir or Path(tempfile.mkdtemp()) / f"national-{args.cases}"
    cases, events = folder / "cases.csv", folder / "events.csv"
    if not cases.exists():
        t = time.perf_counter()
        national.generate(args.cases, folder)
        print(f"generated {args.cases:,} cases in {time.perf_counter() - t:.1f} s")
    lines = sum(1 for _ in open(events, encoding="utf-8")) - 1
    print(f"data: {args.cases:,} cases, {lines:,} events ({folder})")
    c, e, y, s = str(cases), str(events), args.year, args.sorted
    runs = {
        "thads 24 periods, jobs=1": f"_thads(Path({c!r}), Path({e!r}), {y}, 'all', 1, {s})",
        "thads 1 period (+ same period), jobs=1": f"_thads(Path({c!r}), Path({e!r}), {y}, 'one', 1, {s})",
        "thads 24 periods, jobs=2": f"_thads(Path({c!r}), Path({e!r}), {y}, 'all', 2, {s})",
    }
    if not args.skip_pandas:
        runs["pandas 24 periods"] = f"_pandas(Path({c!r}), Path({e!r}), {y})"
    measured = {}
    for name, task in runs.items():
        seconds, peak, result = _measure(task, args, cases, events)
        measured[name] = (seconds, peak, result)
        print(f"{name:42s} {seconds:7.2f} s   peak {peak:7.0f} MiB")
    full = measured["thads 24 periods, jobs=1"][2]
    assert measured["thads 24 periods, jobs=2"][2] == full, "jobs=2 differs from jobs=1"
    one = measured["thads 1 period (+ same period), jobs=1"]
    assert all(full[k] == v for k, v in one[2].items()), "one period differs from the 24-period run"
    t1 = measured["thads 24 periods, jobs=1"][0]
    print(f"ratio 24 periods / 1 period (thads): {t1 / one[0]:.2f}")
    if "pandas 24 periods" in measured:
        pandas = measured["pandas 24 periods"]
        assert pandas[2] == full, "pandas and thads tallies differ"
        print(f"identical tallies for {len(full):,} (office, period) pairs, cases and money")
        print(f"ratio thads jobs=1 / pandas: {t1 / pandas[0]:.2f}")
        print(
            f"ratio thads jobs=2 / pandas: {measured['thads 24 periods, jobs=2'][0] / pandas[0]:.2f}"
        )


if __name__ == "__main__":
    main()
