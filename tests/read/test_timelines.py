"""CaseReader.timelines: each case's group and timeline for the engine, without a
compiled case; the groups are read here from the cases themselves (Case objects)."""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thads.read import read_cases
from thads.records import Case
from thads.testing import Dataset, datasets, invalid_datasets

GROUPS: dict[tuple[str, ...], Callable[[Case], Any]] = {
    ("office",): lambda case: case.office,
    ("office", "executor"): lambda case: (case.office, case.executor),
    ("mode",): lambda case: case.mode.value,
    ("judgment_kind",): lambda case: case.judgment.kind.value,
    ("creditor",): lambda case: case.creditor.value,
    ("case_id", "mode"): lambda case: (case.case_id, case.mode.value),
    (): lambda case: "ALL",
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(datasets(max_size=8), invalid_datasets()), st.sampled_from(sorted(GROUPS)))
def test_timelines_are_the_cases_groups_and_timelines(
    data: Dataset, fields: tuple[str, ...]
) -> None:
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases, events = data.write(folder)
        reader = read_cases(cases, events)
        expected = [(GROUPS[fields](case), case.timeline) for case in reader]
        counts, rejected = reader.counts, reader.rejected
        got = list(reader.timelines(fields, "ALL"))
        assert got == expected
        assert reader.counts == counts and reader.rejected == rejected


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(datasets(max_size=6), invalid_datasets()))
def test_the_pyarrow_reader_gives_the_same_pairs(data: Dataset) -> None:
    pytest.importorskip("pyarrow")
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases, events = data.write(folder)
        rows = read_cases(cases, events)
        columns = read_cases(cases, events, engine="pyarrow")
        for fields in GROUPS:
            assert list(columns.timelines(fields, "ALL")) == list(rows.timelines(fields, "ALL"))
