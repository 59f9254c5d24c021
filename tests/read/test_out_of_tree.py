"""Cases of offices the office tree does not know are rejected by the reader, each with
its events, at their own lines (CaseReader.compiled(offices=)): every reading gives the
same cases, rejected rows, counts and held offices, and what it keeps is what reading
without the tree keeps, less those cases."""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sorted_files import write_sorted
from thads.read import CaseReader, read_cases
from thads.testing import Dataset, datasets, invalid_datasets


def _read(reader: CaseReader, offices: set[str] | None) -> tuple[Any, ...]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases = [(c.case_id, c.office, c.timeline) for c in reader.compiled(offices=offices)]
    counts = {
        Path(k).name: (v.read, v.accepted, v.rejected, v.blank) for k, v in reader.counts.items()
    }
    rejected = [(Path(r.file).name, r.line, r.field, r.code) for r in reader.rejected]
    return cases, rejected, counts, dict(reader.held_offices)


def _readings(cases: Path, events: Path, policy: str) -> Iterator[CaseReader]:
    yield read_cases(cases, events, on_bad_event=policy)  # type: ignore[arg-type]
    yield read_cases(cases, events, on_bad_event=policy, sorted_input=True)  # type: ignore[arg-type]
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return
    yield read_cases(cases, events, on_bad_event=policy, engine="pyarrow")  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(datasets(max_size=10), invalid_datasets()),
    st.sampled_from(["hold_case", "drop_event"]),
    st.data(),
)
def test_every_reading_rejects_the_same_rows(data: Dataset, policy: str, draw: Any) -> None:
    offices = sorted({str(row.get("office") or "") for row in data.case_rows})
    known = set(draw.draw(st.lists(st.sampled_from(offices), unique=True))) if offices else set()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "as_given").mkdir()
        given = data.write(Path(folder) / "as_given")  # in the data set's order
        cases, events = write_sorted(data, folder)
        got = [_read(reader, known) for reader in _readings(cases, events, policy)]
        if got[1][0] and got[1] != got[0] and "file.not_sorted" in str(got[1]):
            got.pop(1)  # ids that sort otherwise once cleaned: the merge refuses them
        assert all(other == got[0] for other in got[1:])
        # the files in the data set's order: the event index and the pyarrow engine agree
        as_given = [_read(r, known) for r in _readings(*given, policy) if not r.sorted_input]
        assert all(other == as_given[0] for other in as_given[1:])
        whole_cases, whole_rejected, whole_counts, none = _read(
            read_cases(cases, events, on_bad_event=policy),  # type: ignore[arg-type]
            None,
        )
    cases_kept, rejected, counts, held = got[0]
    assert none == {}
    assert cases_kept == [c for c in whole_cases if c[1] in known]
    out = [c for c in whole_cases if c[1] not in known]
    assert sum(held.values()) == len(out)
    assert {c[1] for c in out} == set(held)
    # each case held out: its row and each of its (accepted) events, no longer accepted
    events_out = sum(len(c[2].steps) for c in out)
    assert len(rejected) == len(whole_rejected) + len(out) + events_out
    names = sorted(whole_counts)
    for name in names:
        read, accepted, refused, blank = counts[name]
        assert read == whole_counts[name][0] and blank == whole_counts[name][3]
        assert accepted + refused == whole_counts[name][1] + whole_counts[name][2]
    assert counts[names[0]][1] == whole_counts[names[0]][1] - len(out)


def test_a_held_case_stays_held_for_its_event_not_its_office(tmp_path: Path) -> None:
    """By hand: c1 (office C, not in the tree) has a bad event (line 2, amount "x") and a
    good one (line 3). Under hold_case the case is held for its bad event first (case.held,
    event.held), as without a tree; under drop_event the bad event is rejected for its
    amount and the case, with its good event, for its office."""
    (tmp_path / "c.csv").write_text(
        "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
        "accepted_on,amount,creditor\nc1,C,C1,active,civil,,,2024-11-04,100,state\n"
    )
    (tmp_path / "e.csv").write_text(
        "case_id,date,kind,amount,ground\nc1,2024-12-01,collected,x,\nc1,2024-12-02,collected,10,\n"
    )
    held = read_cases(tmp_path / "c.csv", tmp_path / "e.csv")
    assert list(held.compiled(offices={"A"})) == []
    assert [(r.line, r.code) for r in held.rejected] == [
        (2, "case.held"),
        (2, "amount.not_integer"),
        (3, "event.held"),
    ]
    assert held.held_offices == {}
    dropped = read_cases(tmp_path / "c.csv", tmp_path / "e.csv", on_bad_event="drop_event")
    assert list(dropped.compiled(offices={"A"})) == []
    assert [(r.line, r.code) for r in dropped.rejected] == [
        (2, "office.not_in_tree"),
        (2, "amount.not_integer"),
        (3, "office.not_in_tree"),
    ]
    assert dropped.held_offices == {"C": 1}


@pytest.mark.parametrize("known", [set(), {"A"}])
def test_no_tree_no_rejection(tmp_path: Path, known: set[str]) -> None:
    """offices=None keeps every office; an empty tree holds out every case."""
    (tmp_path / "c.csv").write_text(
        "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
        "accepted_on,amount,creditor\na1,A,A1,active,civil,,,2024-11-04,100,state\n"
    )
    reader = read_cases(tmp_path / "c.csv")
    assert [c.case_id for c in reader.compiled()] == ["a1"]
    kept = [c.case_id for c in reader.compiled(offices=known)]
    assert kept == (["a1"] if known else [])
    assert reader.held_offices == ({} if known else {"A": 1})
