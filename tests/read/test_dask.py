"""thads on Dask's local cluster (issue 24): partitions by case_id, counted by workers,
combined once at the end, give the report of one pass over all the files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import thads

pytest.importorskip("dask.distributed")

from dask.distributed import Client, LocalCluster

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


@pytest.mark.filterwarnings("ignore::thads.errors.RejectedRowsWarning")
def test_partitions_counted_on_dask_combine_to_the_whole(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import dask_example
        import national
    finally:
        sys.path.remove(str(BENCHMARKS))
    cases, events = national.generate(300, tmp_path / "all")
    with open(events, "a", encoding="utf-8") as handle:
        handle.write("C00000007,2020-01-01,completed,,\n")  # before acceptance: held out
    pairs = dask_example.partition_files(cases, events, 3, tmp_path / "parts")
    per_part = [len(c.read_text(encoding="utf-8").splitlines()) - 1 for c, _ in pairs]
    assert sum(per_part) == 300 and all(per_part)  # disjoint, and all the cases
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        combined = dask_example.dask_report(client, pairs, 2025)
    whole = thads.report(thads.read_cases(cases, events), thads.StatisticalPeriod(2025))
    assert [(r.code, r.current, r.previous) for r in combined.rows] == [
        (r.code, r.current, r.previous) for r in whole.rows
    ]
    national_row = combined.rows[0]
    assert sum(national_row.current.cases.as_tuple()) > 0
    # the held case: its row, the bad event and its other events, counted once in all
    assert combined.rejected_rows == whole.rejected_rows >= 2
