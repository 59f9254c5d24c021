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
import sys
import tempfile
import time
from pathlib import Path


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
    """The independent pandas implementation (``compare.pandas_run``: pandas reads and
    joins, one vectorised numpy core counts)."""
    import compare

    return compare.pandas_run(str(cases), str(events), year)


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
    with open(events, encoding="utf-8") as handle:
        lines = sum(1 for _ in handle) - 1
    print(f"data: {args.cases:,} cases, {lines:,} events ({folder})")
    c, e, y, s = str(cases), str(events), args.year, args.sorted
    files = f"Path({c!r}), Path({e!r}), {y}"
    runs = {
        "thads 24 periods, jobs=1": f"_thads({files}, 'all', 1, {s})",
        "thads 1 period (+ same period), jobs=1": f"_thads({files}, 'one', 1, {s})",
        "thads 24 periods, jobs=2": f"_thads({files}, 'all', 2, {s})",
    }
    if not args.skip_pandas:
        runs["pandas 24 periods"] = f"_pandas(Path({c!r}), Path({e!r}), {y})"
    import compare  # one way to run and measure a task, shared with compare.py

    measured = {}
    for name, task in runs.items():
        seconds, peak, result = compare.measure(task, module="bench_national")
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
        t2 = measured["thads 24 periods, jobs=2"][0]
        print(f"ratio thads jobs=2 / pandas: {t2 / pandas[0]:.2f}")


if __name__ == "__main__":
    main()
