"""The comparison of issue 24 in one command: thads's engines beside scripts in other tools.

On files made by ``national.py``, each run in a fresh process (time and peak memory of
that process alone), all counting the 24 cumulative periods of two statistical years by
office (the 12 months of ``--year``, each with its same period of the year before):

- thads, row engine (``engine="python"``), jobs=1 and jobs=2, on the files as they are
  and with ``sorted_input=True`` (jobs=2 then gives each worker its own byte range);
- thads, columnar engine (``engine="pyarrow"``), jobs=1;
- a plain pure-Python script: the csv module, rows coded into tuples of ints;
- a pandas script, a polars script, a DuckDB script (DuckDB if installed);
- two floors that only read: polars reading both files, the csv module walking them.

The scripts check nothing (no rule of the reader: no unknown values, no event order, no
hold policy); they count the same tallies with one vectorised core (numpy) after reading
the files their own way, and the pure-Python script counts in pure Python. All tallies
(cases and money, every office and period) must be identical; times, peaks and ratios
are printed, never asserted.

    python benchmarks/compare.py --cases 200000 [--dir /tmp/national] [--skip NAME ...]
    python benchmarks/compare.py --cases 1000000 --repeat 3   # medians of 3, run in turn
    python benchmarks/compare.py --cases 2000000 --sorted   # the streaming reader's memory
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ROWS = (
    "carried_over", "new", "entrusted", "withdrawn", "completed", "terminated", "reduced",
    "in_progress", "postponed", "stayed", "without_conditions",
)  # fmt: skip
KINDS = (
    "enforceable", "unenforceable", "postponed", "suspended", "resumed", "collected",
    "reduced", "completed", "terminated", "entrusted", "withdrawn", "separate_register",
)  # fmt: skip
CODE = {k: i for i, k in enumerate(KINDS)}
CLOSING = frozenset(CODE[k] for k in ("completed", "terminated", "entrusted", "withdrawn",
                                      "separate_register"))  # fmt: skip
POSTPONED_C = "48.1.c"


def periods(year: int) -> list[tuple[str, int, int]]:
    """(label, first day ordinal, last day ordinal) of the 24 cumulative periods."""
    out = []
    for y in (year - 1, year):
        start = date(y - 1, 10, 1)
        for months in range(1, 13):
            m = 10 + months  # the month after the period's last, counted from January y-1
            after = date(y - 1 + (m - 1) // 12, (m - 1) % 12 + 1, 1)
            out.append((f"{y}-{months}", start.toordinal(), after.toordinal() - 1))
    return out


# --- thads ---------------------------------------------------------------------------


def thads_run(
    cases: str, events: str, year: int, jobs: int, engine: str, sorted_input: bool = False
) -> dict[str, list[int]]:
    import thads

    try:
        reader = thads.read_cases(cases, events, engine=engine, sorted_input=sorted_input)  # type: ignore[call-arg]
    except TypeError:  # before read_cases took engine=
        if engine == "python":
            reader = thads.read_cases(cases, events, sorted_input=sorted_input)
        else:
            from thads.read._arrow import arrow_reader

            reader = arrow_reader(cases, events)
    wanted = [thads.StatisticalPeriod(year, m) for m in range(1, 13)]
    out = thads.reports(reader, wanted, by="office", jobs=jobs)
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


# --- the shared vectorised core of the scripts ------------------------------------------


def tally(
    office: Any, names: list[str], acc: Any, amount0: Any,
    ci: Any, day: Any, code: Any, amt: Any, g48c: Any, year: int,
) -> dict[str, list[int]]:  # fmt: skip
    """The 24 periods' tallies by office from coded columns (numpy arrays).

    Cases: office (index into names), acc (day ordinal), amount0. Events: ci (case
    index), day, code (KINDS), amt, g48c (ground is 48.1.c).
    """
    import numpy as np

    n = len(acc)
    order = np.lexsort((np.arange(len(day)), day, ci))  # by case, then date, then file order
    ci, day, code, amt, g48c = ci[order], day[order], code[order], amt[order], g48c[order]
    closing = np.isin(code, sorted(CLOSING))
    close_day = np.full(n, np.iinfo(np.int64).max)
    close_code = np.full(n, -1)
    close_day[ci[closing]] = day[closing]
    close_code[ci[closing]] = code[closing]
    collected, reduced = code == CODE["collected"], code == CODE["reduced"]
    classifying = code <= CODE["resumed"]
    cl_ci, cl_day, cl_code, cl_g = (
        ci[classifying],
        day[classifying],
        code[classifying],
        g48c[classifying],
    )
    idx = {r: i for i, r in enumerate(ROWS)}
    result: dict[str, list[int]] = {}
    groups, width = len(names), len(ROWS)
    for label, s, e in periods(year):
        books = (acc <= e) & ~(close_day < s)
        sel = (collected | reduced) & (day < s)
        paid_before = np.zeros(n, dtype=np.int64)
        np.add.at(paid_before, ci[sel], amt[sel])
        inside = (day >= s) & (day <= e)
        coll_in = np.zeros(n, dtype=np.int64)
        np.add.at(coll_in, ci[collected & inside], amt[collected & inside])
        red_in = np.zeros(n, dtype=np.int64)
        np.add.at(red_in, ci[reduced & inside], amt[reduced & inside])
        moved = (coll_in + red_in) > 0
        out_s = amount0 - paid_before
        rem = out_s - coll_in - red_in
        closed_in = (close_day >= s) & (close_day <= e)
        upto = cl_day <= e
        last_code = np.full(n, -1)
        last_g = np.zeros(n, dtype=bool)
        last_code[cl_ci[upto]] = cl_code[upto]  # later assignments win: sorted by date
        last_g[cl_ci[upto]] = cl_g[upto]
        status = np.full(n, idx["in_progress"])
        status[last_code == CODE["unenforceable"]] = idx["without_conditions"]
        status[last_code == CODE["suspended"]] = idx["stayed"]
        post = last_code == CODE["postponed"]
        status[post & last_g] = idx["postponed"]
        status[post & ~last_g] = idx["stayed"]
        row, money_row = status.copy(), status.copy()
        closings = (
            ("completed", "completed"), ("terminated", "terminated"),
            ("withdrawn", "withdrawn"), ("separate_register", "without_conditions"),
        )  # fmt: skip
        for k, r in closings:
            sel = closed_in & (close_code == CODE[k])
            row[sel], money_row[sel] = idx[r], idx[r]
        ent = closed_in & (close_code == CODE["entrusted"])
        row[ent & moved], row[ent & ~moved] = idx["completed"], idx["entrusted"]
        money_row[ent] = idx["entrusted"]
        intake = np.where(acc < s, idx["carried_over"], idx["new"])
        case_t = np.zeros((groups, width), dtype=np.int64)
        money_t = np.zeros((groups, width), dtype=np.int64)
        o = office[books]
        np.add.at(case_t, (o, intake[books]), 1)
        np.add.at(case_t, (o, row[books]), 1)
        np.add.at(money_t, (o, intake[books]), out_s[books])
        np.add.at(money_t, (o, np.full(len(o), idx["completed"])), coll_in[books])
        np.add.at(money_t, (o, np.full(len(o), idx["reduced"])), red_in[books])
        np.add.at(money_t, (o, money_row[books]), rem[books])
        for gi, name in enumerate(names):
            if case_t[gi].sum():
                result[f"{label}|{name}"] = [*map(int, case_t[gi]), *map(int, money_t[gi])]
    return result


# --- the scripts -----------------------------------------------------------------------


def pandas_run(cases: str, events: str, year: int) -> dict[str, list[int]]:
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

    def ordinals(column: Any) -> Any:
        days = pd.to_datetime(column, format="%Y-%m-%d").values - epoch
        return days.astype("timedelta64[D]").astype(np.int64) + 1

    ci = pd.Categorical(edf["case_id"], categories=cdf["case_id"]).codes.astype(np.int64)
    kinds = pd.Categorical(edf["kind"], categories=list(KINDS)).codes.astype(np.int64)
    return tally(
        cdf["office"].cat.codes.values.astype(np.int64), list(cdf["office"].cat.categories),
        ordinals(cdf["accepted_on"]), cdf["amount"].values, ci, ordinals(edf["date"]), kinds,
        edf["amount"].fillna(0).astype(np.int64).values,
        (edf["ground"].astype(str) == POSTPONED_C).values, year,
    )  # fmt: skip


def polars_run(cases: str, events: str, year: int) -> dict[str, list[int]]:
    import numpy as np
    import polars as pl

    cdf = pl.read_csv(cases, columns=["case_id", "office", "accepted_on", "amount"],
                      schema_overrides={"case_id": pl.Utf8, "amount": pl.Int64})  # fmt: skip
    edf = pl.read_csv(events, schema_overrides={"case_id": pl.Utf8, "amount": pl.Int64,
                                                "ground": pl.Utf8})  # fmt: skip
    epoch = 719163  # date(1970, 1, 1).toordinal()
    cdf = cdf.with_row_index("ci").with_columns(
        pl.col("office").cast(pl.Categorical),
        (pl.col("accepted_on").str.to_date("%Y-%m-%d").cast(pl.Int64) + epoch).alias("acc"),
    )
    names = sorted(cdf["office"].unique().to_list())
    office = cdf["office"].cast(pl.Utf8).replace_strict(names, list(range(len(names))))
    edf = edf.join(cdf.select("case_id", "ci"), on="case_id", how="left", maintain_order="left")
    kind = edf["kind"].replace_strict(list(KINDS), list(range(len(KINDS))))
    return tally(
        office.to_numpy().astype(np.int64), names, cdf["acc"].to_numpy(),
        cdf["amount"].to_numpy(), edf["ci"].to_numpy().astype(np.int64),
        (edf["date"].str.to_date("%Y-%m-%d").cast(pl.Int64) + epoch).to_numpy(),
        kind.to_numpy().astype(np.int64), edf["amount"].fill_null(0).to_numpy(),
        (edf["ground"] == POSTPONED_C).fill_null(False).to_numpy(), year,
    )  # fmt: skip


def duckdb_run(cases: str, events: str, year: int) -> dict[str, list[int]]:
    import duckdb
    import numpy as np

    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    kinds = ", ".join(f"('{k}', {i})" for i, k in enumerate(KINDS))
    c = con.execute(
        f"""
        with c as (select row_number() over () - 1 as ci, case_id, office, accepted_on, amount
                   from read_csv('{cases}', header=true, all_varchar=true)),
             o as (select office, row_number() over (order by office) - 1 as oi
                   from (select distinct office from c))
        select c.ci, o.oi, o.office,
               datediff('day', date '0001-01-01', cast(c.accepted_on as date)) + 1 as acc,
               cast(c.amount as bigint) as amount
        from c join o using (office) order by c.ci
        """
    ).fetchnumpy()
    e = con.execute(
        f"""
        with c as (select row_number() over () - 1 as ci, case_id
                   from read_csv('{cases}', header=true, all_varchar=true)),
             e as (select row_number() over () as n, *
                   from read_csv('{events}', header=true, all_varchar=true)),
             k(kind, code) as (values {kinds})
        select c.ci, datediff('day', date '0001-01-01', cast(e.date as date)) + 1 as day,
               k.code, coalesce(cast(nullif(e.amount, '') as bigint), 0) as amt,
               coalesce(e.ground = '{POSTPONED_C}', false) as g
        from e join c using (case_id) join k using (kind) order by e.n
        """
    ).fetchnumpy()
    names = {}
    for oi, office in zip(c["oi"].tolist(), c["office"].tolist(), strict=True):
        names[oi] = office
    return tally(
        c["oi"].astype(np.int64), [names[i] for i in range(len(names))],
        c["acc"].astype(np.int64), c["amount"].astype(np.int64), e["ci"].astype(np.int64),
        e["day"].astype(np.int64), e["code"].astype(np.int64), e["amt"].astype(np.int64),
        e["g"].astype(bool), year,
    )  # fmt: skip


def pure_python_run(cases: str, events: str, year: int) -> dict[str, list[int]]:
    """The csv module, rows coded into tuples of ints, counted in pure Python.

    Written as a careful hand would write it: each case's events sorted once, then one
    walk of them per statistical year, emitting the 12 cumulative periods as the walk
    passes each month's end (as thads's sweep does), not one walk per period."""
    ordinal: dict[str, int] = {}

    def day_of(text: str) -> int:
        found = ordinal.get(text)
        if found is None:
            found = ordinal[text] = date.fromisoformat(text).toordinal()
        return found

    index: dict[str, int] = {}
    offices: dict[str, int] = {}
    case_rows: list[tuple[int, int, int]] = []
    with open(cases, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for r in rows:
            index[r[0]] = len(case_rows)
            case_rows.append((offices.setdefault(r[1], len(offices)), day_of(r[7]), int(r[8])))
    history: list[list[tuple[int, int, int, bool]]] = [[] for _ in case_rows]
    with open(events, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        for r in rows:
            history[index[r[0]]].append(
                (day_of(r[1]), CODE[r[2]], int(r[3]) if r[3] else 0, r[4] == POSTPONED_C)
            )
    spans = periods(year)
    idx = {r: i for i, r in enumerate(ROWS)}
    width = len(ROWS)
    in_progress, completed, reduced = idx["in_progress"], idx["completed"], idx["reduced"]
    # the row a classifying event leaves a case in: (code, ground is 48.1.c) -> row
    status_of = {
        (0, False): in_progress, (0, True): in_progress,
        (1, False): idx["without_conditions"], (1, True): idx["without_conditions"],
        (2, False): idx["stayed"], (2, True): idx["postponed"],
        (3, False): idx["stayed"], (3, True): idx["stayed"],
        (4, False): in_progress, (4, True): in_progress,
    }  # fmt: skip
    closing_row = {
        CODE[k]: idx["without_conditions" if k == "separate_register" else k]
        for k in ("completed", "terminated", "withdrawn", "separate_register", "entrusted")
    }
    entrusted = CODE["entrusted"]
    years = [(spans[k][1], [e for _, _, e in spans[k : k + 12]]) for k in (0, 12)]
    delta = [[0] * (2 * width * len(offices)) for _ in spans]  # the change each month
    for (office, acc, owed), steps in zip(case_rows, history, strict=True):
        steps.sort(key=lambda step: step[0])
        base = office * 2 * width
        n = len(steps)
        for first, (s, ends) in zip((0, 12), years, strict=True):
            if acc > ends[-1]:
                continue
            i = paid = 0
            status = in_progress
            while i < n and steps[i][0] < s:  # the history before the year
                _, code, amount, g = steps[i]
                if code in CLOSING:
                    break
                if code == 5 or code == 6:
                    paid += amount
                elif code <= 4:
                    status = status_of[code, g]
                i += 1
            if i < n and steps[i][0] < s:
                continue  # closed before the year: off the books
            out_s = owed - paid
            coll = red = 0
            closed = -1
            intake = idx["carried_over"] if acc < s else idx["new"]
            last: tuple[int, int, int, int, int] | None = None  # the case's share so far
            for p, e in enumerate(ends, first):
                moved = last is None
                while i < n and steps[i][0] <= e:  # the year up to this month's end
                    _, code, amount, g = steps[i]
                    if code == 5:
                        coll += amount
                    elif code == 6:
                        red += amount
                    elif code in CLOSING:
                        closed = code
                    elif code <= 4:
                        status = status_of[code, g]
                    i += 1
                    moved = True
                if not moved or acc > e:
                    continue  # the same share as last month: nothing changes
                row = money_row = status
                if closed >= 0:
                    money_row = closing_row[closed]
                    row = completed if closed == entrusted and coll + red else money_row
                share = (row, money_row, coll, red, out_s - coll - red)
                if share == last:
                    continue
                t = delta[p]
                m = base + width
                if last is None:
                    t[base + intake] += 1
                    t[m + intake] += out_s
                else:  # take last month's share back out of this month's change
                    t[base + last[0]] -= 1
                    t[m + completed] -= last[2]
                    t[m + reduced] -= last[3]
                    t[m + last[1]] -= last[4]
                t[base + row] += 1
                t[m + completed] += coll
                t[m + reduced] += red
                t[m + money_row] += share[4]
                last = share
    tallies = []
    for p, t in enumerate(delta):  # each month's tally: the year's changes up to it
        tallies.append(t if p % 12 == 0 else [a + b for a, b in zip(tallies[-1], t, strict=True)])
    names = {i: name for name, i in offices.items()}
    result: dict[str, list[int]] = {}
    for (label, _, _), t in zip(spans, tallies, strict=True):
        for o in range(len(offices)):
            part = t[o * 2 * width : (o + 1) * 2 * width]
            if sum(part[:width]):
                result[f"{label}|{names[o]}"] = part
    return result


def polars_floor(cases: str, events: str, year: int) -> dict[str, list[int]]:
    import polars as pl

    pl.read_csv(cases)
    pl.read_csv(events)
    return {}


def csv_floor(cases: str, events: str, year: int) -> dict[str, list[int]]:
    for path in (cases, events):
        with open(path, encoding="utf-8", newline="") as handle:
            for _ in csv.reader(handle):
                pass
    return {}


# --- the harness -----------------------------------------------------------------------


def measure(call: str, module: str = "compare") -> tuple[float, float, dict[str, list[int]]]:
    """Run ``call`` (an expression on ``module``, a script of this folder) in a fresh
    process: (seconds, peak MiB, result).

    The peak is the process's own high-water mark (VmHWM: ``ru_maxrss`` would also count
    the memory of this process when it forked the new one), or its workers' if higher."""
    code = (
        "import json, sys, time, resource; from pathlib import Path; "
        f"sys.path.insert(0, {str(HERE)!r}); "
        f"import {module} as b; t = time.perf_counter(); r = b.{call}; "
        "d = time.perf_counter() - t; "
        "h = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
        "s = int(h[0].split()[1]) if h else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
        "p = max(s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024; "
        "print(json.dumps([d, p, r]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{call} failed:\n{done.stderr[-3000:]}")
    last = [line for line in done.stdout.splitlines() if line.startswith("[")][-1]
    seconds, peak, result = json.loads(last)
    return seconds, peak, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--dir", type=Path, help="where the data set is (made if missing)")
    parser.add_argument("--skip", nargs="*", default=[], help="names of runs to leave out")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each, in turn; the median is kept"
    )
    parser.add_argument(
        "--sorted", action="store_true", help="only the streaming row engine (sorted_input)"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import national

    folder = args.dir or Path(tempfile.mkdtemp()) / f"national-{args.cases}"
    cases, events = folder / "cases.csv", folder / "events.csv"
    if not cases.exists():
        t = time.perf_counter()
        national.generate(args.cases, folder)
        print(f"generated {args.cases:,} cases in {time.perf_counter() - t:.1f} s")
    with open(events, encoding="utf-8") as handle:
        lines = sum(1 for _ in handle) - 1
    print(f"data: {args.cases:,} cases, {lines:,} events ({folder})", flush=True)
    c, e, y = str(cases), str(events), args.year
    runs = {
        "thads row engine, jobs=1": f"thads_run({c!r}, {e!r}, {y}, 1, 'python')",
        "thads row engine, jobs=2": f"thads_run({c!r}, {e!r}, {y}, 2, 'python')",
        "thads row engine, sorted, jobs=1": f"thads_run({c!r}, {e!r}, {y}, 1, 'python', True)",
        "thads row engine, sorted, jobs=2": f"thads_run({c!r}, {e!r}, {y}, 2, 'python', True)",
        "thads pyarrow engine, jobs=1": f"thads_run({c!r}, {e!r}, {y}, 1, 'pyarrow')",
        "thads pyarrow engine, jobs=2": f"thads_run({c!r}, {e!r}, {y}, 2, 'pyarrow')",
        "pure-Python script (csv module)": f"pure_python_run({c!r}, {e!r}, {y})",
        "pandas script": f"pandas_run({c!r}, {e!r}, {y})",
        "polars script": f"polars_run({c!r}, {e!r}, {y})",
        "DuckDB script": f"duckdb_run({c!r}, {e!r}, {y})",
        "floor: polars reads both files": f"polars_floor({c!r}, {e!r}, {y})",
        "floor: csv module walks both files": f"csv_floor({c!r}, {e!r}, {y})",
    }
    if args.sorted:  # the memory of the streaming merge, which should not grow with size
        name, call = (
            "thads row engine, --sorted",
            f"thads_run({c!r}, {e!r}, {y}, 1, 'python', True)",
        )
        seconds, peak, _ = measure(call)
        print(f"{name:38s} {seconds:7.2f} s   peak {peak:7.0f} MiB")
        return
    measured: dict[str, tuple[float, float, dict[str, list[int]]]] = {}
    chosen = {n: c for n, c in runs.items() if not any(s.lower() in n.lower() for s in args.skip)}
    rounds: dict[str, list[tuple[float, float, dict[str, list[int]]]]] = {n: [] for n in chosen}
    order = list(chosen.items())
    for turn in range(args.repeat):  # in turn, so that a busy spell hits every run alike
        # each round starts one run later, so that no run always follows the same one
        # (a run after a heavy one may find memory still being handed back)
        shift = turn % len(order) if order else 0
        for name, call in order[shift:] + order[:shift]:
            if name in rounds and turn and not rounds[name]:
                continue  # skipped the first time
            try:
                rounds[name].append(measure(call))
            except RuntimeError as error:
                if "No module named" in str(error):
                    print(f"{name:38s} skipped: {str(error).splitlines()[-1]}")
                    continue
                raise
            seconds, peak, _ = rounds[name][-1]
            print(f"{name:38s} {seconds:7.2f} s   peak {peak:7.0f} MiB", flush=True)
    if args.repeat > 1:
        print(f"medians of {args.repeat}:")
    for name, done in rounds.items():
        if not done:
            continue
        done.sort(key=lambda m: m[0])
        seconds, _, result = done[len(done) // 2]
        measured[name] = (seconds, max(m[1] for m in done), result)
        for other in done:
            assert other[2] == result, f"{name}: tallies differ between runs"
        if args.repeat > 1:
            print(f"{name:38s} {seconds:7.2f} s   peak {measured[name][1]:7.0f} MiB")
    counted = {name: m[2] for name, m in measured.items() if not name.startswith("floor")}
    first = next(iter(counted))
    reference = counted[first]
    for name, result in counted.items():
        assert result == reference, f"{name}: tallies differ from {first}"
    print(f"identical tallies in every run: {len(reference):,} (office, period) pairs")
    t = {name: value[0] for name, value in measured.items()}
    pairs = [
        ("thads pyarrow engine, jobs=1", "polars script"),
        ("thads pyarrow engine, jobs=1", "pandas script"),
        ("thads row engine, jobs=1", "pure-Python script (csv module)"),
        ("thads row engine, jobs=2", "thads row engine, jobs=1"),
        ("thads row engine, sorted, jobs=2", "thads row engine, sorted, jobs=1"),
        ("thads pyarrow engine, jobs=2", "thads pyarrow engine, jobs=1"),
        ("thads pyarrow engine, jobs=1", "thads row engine, jobs=1"),
        ("thads row engine, jobs=1", "polars script"),
        ("thads pyarrow engine, jobs=1", "DuckDB script"),
    ]
    for a, b in pairs:
        if a in t and b in t:
            print(f"ratio {a} / {b}: {t[a] / t[b]:.2f}")


if __name__ == "__main__":
    main()
