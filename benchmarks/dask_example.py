"""thads on an existing distributed engine: Dask (extra ``thads[dask]``).

The pattern (docs/performance.md): the cases and their events are partitioned by
case_id, so that every case is in one partition with all its events; each worker reads
its partition with :func:`thads.read_cases` and counts it into a partial
:class:`thads.Report`; the partial reports are added once, at the end, with
:func:`thads.count.combine` (tallies add exactly, read and rejected rows too). thads
schedules nothing itself: the engine does.

Here the partitions are files written by :func:`partition_files` (a stand-in for the
engine's own repartitioning by case_id, e.g. ``DataFrame.shuffle("case_id")`` in Dask or
``repartition("case_id")`` in Spark, then one file pair per partition).

    python benchmarks/dask_example.py CASES.csv EVENTS.csv --parts 4 --year 2025
"""

from __future__ import annotations

import argparse
import csv
import zlib
from pathlib import Path
from typing import Any

import thads
from thads.count import combine


def partition_files(cases: Path, events: Path, parts: int, folder: Path) -> list[tuple[Path, Path]]:
    """Split two interchange files into ``parts`` file pairs by a stable hash of case_id."""
    folder.mkdir(parents=True, exist_ok=True)
    pairs = [(folder / f"cases-{i}.csv", folder / f"events-{i}.csv") for i in range(parts)]
    for source, side in ((cases, 0), (events, 1)):
        with open(source, encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            header = next(rows)
            outs = [open(pair[side], "w", encoding="utf-8", newline="") for pair in pairs]  # noqa: SIM115
            try:
                writers = [csv.writer(out, lineterminator="\n") for out in outs]
                for writer in writers:
                    writer.writerow(header)
                for row in rows:
                    key = row[0].strip() if row else ""
                    writers[zlib.crc32(key.encode("utf-8")) % parts].writerow(row)
            finally:
                for out in outs:
                    out.close()
    return pairs


def part_report(cases: str, events: str, year: int, months: int) -> thads.Report:
    """One partition's partial report (runs on a worker)."""
    reader = thads.read_cases(cases, events)
    return thads.report(reader, thads.StatisticalPeriod(year, months), by="office")


def dask_report(
    client: Any, pairs: list[tuple[Path, Path]], year: int, months: int = 12
) -> thads.Report:
    """The report of all partitions: one task per partition, one combine at the end."""
    futures = client.map(
        part_report,
        [str(c) for c, _ in pairs],
        [str(e) for _, e in pairs],
        year=year,
        months=months,
    )
    return combine(client.gather(futures))


def main() -> None:
    from dask.distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", type=Path)
    parser.add_argument("events", type=Path)
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--folder", type=Path, default=Path("partitions"))
    args = parser.parse_args()
    pairs = partition_files(args.cases, args.events, args.parts, args.folder)
    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        print(dask_report(client, pairs, args.year))


if __name__ == "__main__":
    main()
