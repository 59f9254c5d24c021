"""Reports that never hang, never lose rows silently, never trust a tampered document
(issues 21 and 22)."""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import thads
from helpers import M, case, ev
from thads import Office, OfficeLevel, Quota, StatisticalPeriod, report
from thads.count import MAX_JOBS, SCHEMA_ID, Report, report_schema, to_dict
from thads.errors import (
    InvalidRecordError,
    MoneyTypeError,
    RejectedRowsWarning,
    ThadsError,
    ThadsWarning,
)
from thads.read import RejectedRow, RowError, read_cases

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
Y23 = StatisticalPeriod(2023)
TREE = [
    Office("P", "Tỉnh P", OfficeLevel.PROVINCE),
    Office("A", "Chi cục A", OfficeLevel.DISTRICT, "P"),
]
THADS = [sys.executable, "-c", "import sys; from thads.cli import main; sys.exit(main())"]
CASES_HEAD = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
)


def _files(tmp_path: Path, rows: list[str], events: str = "") -> tuple[Path, Path]:
    cases = tmp_path / "cases.csv"
    cases.write_text(CASES_HEAD + "".join(rows), encoding="utf-8")
    ev_path = tmp_path / "events.csv"
    ev_path.write_text("case_id,date,kind,amount,ground\n" + events, encoding="utf-8")
    return cases, ev_path


def _row(case_id: str, office: str = "A", amount: str = "1000000") -> str:
    return (
        f"{case_id},{office},{office}-1,active,civil,1/2022,2022-10-01,2022-11-01,{amount},state\n"
    )


# --- errors cross process boundaries ---------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        InvalidRecordError("case x", "amount", "why", code="amount.negative"),
        MoneyTypeError("a float"),
        RowError(RejectedRow("cases.csv", 3, "case x", "amount", "why", "amount.negative")),
    ],
)
def test_thads_errors_pickle_intact(error: ThadsError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error)
    assert back.__dict__ == error.__dict__


def test_jobs_outside_the_bound_are_refused() -> None:
    with pytest.raises(InvalidRecordError, match=f"from 1 to {MAX_JOBS}") as caught:
        report([], Y23, jobs=MAX_JOBS + 1)
    assert caught.value.code == "report.jobs"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="jobs=N forks")
def test_a_strict_bad_row_under_two_jobs_raises_the_row_error(tmp_path: Path) -> None:
    cases, events = _files(tmp_path, [_row("a1"), _row("a2", amount="-5"), _row("a3")])
    with pytest.raises(RowError, match=r"cases\.csv:3"):
        report(read_cases(cases, events, strict=True), Y23, jobs=2)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="jobs=N forks")
def test_the_command_with_two_jobs_and_strict_ends_with_exit_1(tmp_path: Path) -> None:
    cases, events = _files(tmp_path, [_row("a1"), _row("a2", amount="-5"), _row("a3")])
    command = [*THADS, "report", "--cases", str(cases)]
    command += ["--events", str(events), "--year", "2023", "--jobs", "2", "--strict"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert "thads: error:" in done.stderr and "Traceback" not in done.stderr


# --- rejected rows travel with the report ----------------------------------------------


def test_rejected_rows_are_counted_warned_and_kept_in_json(tmp_path: Path) -> None:
    cases, events = _files(tmp_path, [_row("a1"), _row("a2", amount="1.5"), _row("a3")])
    with pytest.warns(RejectedRowsWarning, match="1 of 3 input rows rejected"):
        rep = report(read_cases(cases, events), Y23)
    assert (rep.read_rows, rep.rejected_rows) == (3, 1)
    data: Any = to_dict(rep)
    assert data["$schema"] == SCHEMA_ID and (data["read_rows"], data["rejected_rows"]) == (3, 1)
    back = Report.from_json(rep.to_json())
    assert (back.read_rows, back.rejected_rows) == (3, 1) and back == rep
    plain = report([case("x", date(2022, 11, 1))], Y23)
    assert (plain.read_rows, plain.rejected_rows) == (None, 0)


def test_an_office_not_in_the_tree_is_a_rejected_row(tmp_path: Path) -> None:
    """c1 (office C, line 3 of cases.csv) has two events (lines 2 and 4 of events.csv):
    the case row and both events are rejected at their lines, none counted as accepted;
    read 2 + 3 = 5 rows, 3 rejected; a1 (office A) and its event are counted."""
    cases, events = _files(
        tmp_path,
        [_row("a1"), _row("c1", office="C")],
        "c1,2022-11-20,collected,1000,\na1,2022-12-01,completed,,\nc1,2022-12-01,completed,,\n",
    )
    reader = read_cases(cases, events)
    with pytest.warns(RejectedRowsWarning, match="offices not in the office tree: C;"):
        rep = report(reader, Y23, offices=TREE)
    assert rep.total.tally("cases").accepted == 1  # c1 is not counted
    assert (rep.read_rows, rep.rejected_rows) == (5, 3)
    assert [(Path(r.file).name, r.line, r.record, r.field, r.code) for r in reader.rejected] == [
        ("cases.csv", 3, "case c1", "office", "office.not_in_tree"),
        ("events.csv", 2, "event of case c1", "case_id", "office.not_in_tree"),
        ("events.csv", 4, "event of case c1", "case_id", "office.not_in_tree"),
    ]
    counts = {Path(k).name: (v.read, v.accepted, v.rejected) for k, v in reader.counts.items()}
    assert counts == {"cases.csv": (2, 1, 1), "events.csv": (3, 1, 2)}
    with pytest.raises(RowError, match="not in the office tree"):
        report(read_cases(cases, events, strict=True), Y23, offices=TREE)
    # Python cases: held out and counted too
    with pytest.warns(RejectedRowsWarning, match="1 input rows rejected"):
        mine = report([case("x", date(2022, 11, 1), office="C")], Y23, offices=TREE)
    assert mine.rejected_rows == 1 and mine.total.tally("cases").accepted == 0


@pytest.mark.parametrize(
    "how", ["sorted_input", "jobs=2", "pyarrow"], ids=["merge", "jobs", "pyarrow"]
)
def test_every_reading_rejects_an_out_of_tree_case_at_its_lines(tmp_path: Path, how: str) -> None:
    """The same rows as one reading through the event index (the test above), read by
    the streaming merge, by two workers and by the pyarrow engine."""
    if how == "pyarrow":
        pytest.importorskip("pyarrow")
    if how == "jobs=2" and not hasattr(os, "fork"):
        pytest.skip("jobs=N forks")
    cases, events = _files(
        tmp_path,
        [_row("a1"), _row("c1", office="C")],
        "a1,2022-12-01,completed,,\nc1,2022-11-20,collected,1000,\nc1,2022-12-01,completed,,\n",
    )
    reader = read_cases(
        cases,
        events,
        sorted_input=how == "sorted_input",
        engine="pyarrow" if how == "pyarrow" else "python",
    )
    with pytest.warns(RejectedRowsWarning, match="offices not in the office tree: C;"):
        rep = report(reader, Y23, offices=TREE, jobs=2 if how == "jobs=2" else 1)
    assert rep.total.tally("cases").accepted == 1
    assert (rep.read_rows, rep.rejected_rows) == (5, 3)
    assert [(Path(r.file).name, r.line, r.code) for r in reader.rejected] == [
        ("cases.csv", 3, "office.not_in_tree"),
        ("events.csv", 3, "office.not_in_tree"),
        ("events.csv", 4, "office.not_in_tree"),
    ]
    assert reader.held_offices == {"C": 1}


def test_the_command_exits_3_for_an_office_not_in_the_tree_and_1_under_strict(
    tmp_path: Path,
) -> None:
    cases, events = _files(tmp_path, [_row("a1"), _row("c1", office="C")])
    offices = tmp_path / "offices.csv"
    offices.write_text("code,name,level,parent\nP,P,province,\nA,A,district,P\n", encoding="utf-8")
    base = [*THADS, "report", "--cases", str(cases)]
    base += ["--events", str(events), "--year", "2023", "--offices", str(offices)]
    done = subprocess.run(base, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 3, done.stderr
    assert "case c1" in done.stderr and "Warning:" not in done.stderr
    strict = subprocess.run(
        [*base, "--strict"], capture_output=True, text=True, timeout=120, check=False
    )
    assert strict.returncode == 1 and "not in the office tree" in strict.stderr


def test_a_quota_of_an_office_without_a_row_is_warned_about() -> None:
    cases = [case("x", date(2022, 11, 1), office="A")]
    with pytest.warns(ThadsWarning, match="quota 2023 of office Z not applied"):
        report(cases, Y23, quotas=[Quota(2023, "80", "40", "Z")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report(cases, Y23, quotas=[Quota(2023, "80", "40", "A")])  # applied: no warning


# --- the schema ships in the package ---------------------------------------------------


def test_the_packaged_schema_describes_the_json() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = report_schema()
    assert schema["$id"] == SCHEMA_ID
    rep = report(read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv"), Y23)
    jsonschema.validate(to_dict(rep), schema)


# --- tampered documents are refused ----------------------------------------------------


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    cases = [
        case("a", date(2022, 11, 1), 10 * M, (ev(date(2023, 1, 1), "completed"),), office="A"),
        case("b", date(2022, 11, 1), 10 * M, office="A"),
    ]
    return to_dict(report(cases, Y23, offices=TREE))


def _refused(data: dict[str, Any], match: str) -> InvalidRecordError:
    with pytest.raises(InvalidRecordError, match=match) as caught:
        Report.from_dict(data)
    return caught.value


def test_rates_that_do_not_match_the_counts_are_refused(document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    data["rows"][2]["rates"]["cases"]["percent"] = "90.00"  # the counts give 50.00
    assert _refused(data, "rates.cases.percent").code == "report.tampered"


def test_a_total_above_the_sum_of_its_rows_is_refused(document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    for name in ("new", "accepted", "to_enforce", "carried_forward"):
        data["rows"][0]["current"]["cases"][name] += 1
    data["rows"][0]["current"]["cases"]["stayed"] += 1
    data["rows"][0]["rates"] = None
    assert _refused(data, "total row holds more").code == "report.tampered"


def test_duplicate_row_codes_are_refused(document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    twin = copy.deepcopy(data["rows"][2])
    data["rows"].append(twin)
    assert _refused(data, "two rows have this code").code == "report.tampered"


def test_a_known_regime_code_with_other_options_is_refused(document: dict[str, Any]) -> None:
    data = copy.deepcopy(document)
    key = data["rows"][0]["regime"]
    data["regimes"][key]["money_resolved_rows"] = ["completed"]
    assert _refused(data, "not its own").code == "report.tampered"
    # written by thads, such a regime goes under its own key and reads back
    regime = thads.regime_by_code("tt05_2024").with_options(
        money_resolved_rows=frozenset({"completed"})
    )
    rep = report([case("x", date(2022, 11, 1))], Y23, regime=regime)
    assert to_dict(rep)["rows"][0]["regime"] == "tt05_2024+1"  # type: ignore[index]
    assert Report.from_json(rep.to_json()) == rep


def test_deep_nesting_and_bad_quotas_are_thads_errors(document: dict[str, Any]) -> None:
    with pytest.raises(InvalidRecordError, match="nested too deeply"):
        Report.from_json("[" * 100_000 + "]" * 100_000)
    data = copy.deepcopy(document)
    data["rows"][0]["quota"] = {"year": 2023, "office": None, "cases": "abc", "money": "40"}
    _refused(data, "not a percent")
    with pytest.raises(InvalidRecordError, match="not JSON"):
        Report.from_json(b"\xff\xfe{")
    assert json.loads(Report.from_dict(document).to_json())["rows"] == document["rows"]


class _UnpicklableError(Exception):
    """An error that cannot cross to another process (it holds a lambda)."""

    def __init__(self) -> None:
        super().__init__("boom")
        self.hook = lambda: None


class _FailingCollector:
    """A collector whose pass over the cases fails in the worker."""

    def __init__(self, ranges: object) -> None:
        self.ranges = ranges

    def entries(self, stream: object, key: object) -> Any:
        raise _UnpicklableError()

    def merge(self, other: object) -> None:
        return None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="jobs=N forks")
def test_a_worker_error_that_cannot_cross_processes_becomes_a_thads_error() -> None:
    cases = [case(f"c{i}", date(2022, 11, 1)) for i in range(4)]
    # before: the pool could not unpickle the error and waited for ever. The error is
    # named when it crosses; on a loaded machine the forked worker has been seen to die
    # first (then the pool says so): either way a ThadsError, never a hang.
    with pytest.raises(
        ThadsError, match=r"worker process (failed: _UnpicklableError: boom|of the report died)"
    ):
        report(cases, Y23, jobs=2, metrics=_FailingCollector(None))
