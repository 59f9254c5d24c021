"""CaseReader.timelines: each case's group and timeline for the engine, without a
compiled case; the groups are read here from the cases themselves (Case objects)."""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sorted_files import write_sorted
from thads.errors import InvalidRecordError
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
        (Path(folder) / "sorted").mkdir()
        sorted_cases, sorted_events = write_sorted(data, str(Path(folder) / "sorted"))
        for reader in (  # the event index, and the merge of the same rows sorted
            read_cases(cases, events),
            read_cases(sorted_cases, sorted_events, sorted_input=True),
        ):
            try:
                expected = [(GROUPS[fields](case), case.timeline) for case in reader]
            except InvalidRecordError as error:  # ids that sort otherwise once cleaned
                if error.code != "file.not_sorted":
                    raise
                continue
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


@pytest.mark.parametrize("engine", ["python", "pyarrow"])
def test_an_unknown_field_is_refused_naming_the_known_ones(engine: str) -> None:
    if engine == "pyarrow":
        pytest.importorskip("pyarrow")
    examples = Path(__file__).parents[2] / "docs" / "examples"
    reader = read_cases(examples / "cases.csv", examples / "events.csv", engine=engine)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match=r"unknown field 'province'.*office") as error:
        reader.timelines(("office", "province"))
    assert error.value.code == "value.unknown"
