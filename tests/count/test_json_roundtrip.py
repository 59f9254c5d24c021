"""Report → JSON → Report (thads-report v2): equality, the schema, and clear errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import thads
from helpers import M, case, ev
from thads.count import SCHEMA_VERSION, Report, to_dict
from thads.errors import InvalidRecordError
from thads.read import read_offices, read_quotas
from thads.samples import province_2023

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "docs" / "examples"
SCHEMA = ROOT / "docs" / "schema" / "report-v2.schema.json"


@pytest.fixture(scope="module")
def province() -> thads.Report:
    sample = province_2023()
    return thads.report(
        sample.cases,
        thads.StatisticalPeriod(2023, 6),
        by="office",
        offices=sample.offices,
        quotas=sample.quotas,
    )


@pytest.fixture(scope="module")
def tutorial() -> thads.Report:
    cases = thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")
    return thads.report(
        cases,
        thads.StatisticalPeriod(2023),
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    )


def test_round_trip_with_quota_same_period_and_rollup(province: thads.Report) -> None:
    # The report must exercise what is asked of the format: a quota on rows, the same
    # period last year, and a rollup over more than one level below the total.
    assert any(row.quota is not None for row in province.rows)
    assert all(row.previous is not None for row in province.rows)
    assert max(row.depth for row in province.rows) >= 2
    text = province.to_json()
    back = Report.from_json(text)
    assert back == province
    assert back.drawn_on == date(2023, 3, 31)  # end of the 6-month period: tree day
    assert Report.from_dict(json.loads(text)) == province


def test_round_trip_by_executor_and_tutorial(tutorial: thads.Report) -> None:
    cases = thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")
    by_executor = thads.report(cases, thads.StatisticalPeriod(2023), by="executor")
    assert Report.from_json(by_executor.to_json()) == by_executor
    assert Report.from_json(tutorial.to_json()) == tutorial


def test_round_trip_keeps_regime_options() -> None:
    cases = thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")
    regime = thads.regime_by_code("tt05_2024").with_options(
        money_resolved_rows=frozenset({"completed"})
    )
    rep = thads.report(cases, thads.StatisticalPeriod(2023), regime=regime)
    back = Report.from_json(rep.to_json())
    assert back == rep
    assert back.total.regime.money_resolved_rows == frozenset({"completed"})


def test_parent_depth_regime_quota_progress(tutorial: thads.Report) -> None:
    data: Any = to_dict(tutorial)
    assert data["format"] == "thads-report" and data["version"] == SCHEMA_VERSION == 2
    assert data["drawn_on"] == "2023-09-30"
    rows = {row["code"]: row for row in data["rows"]}
    assert rows["A"]["parent"] == "P" and rows["A"]["depth"] == 2
    assert rows["P"]["parent"] == data["rows"][0]["code"] and rows["P"]["depth"] == 1
    assert data["rows"][0]["parent"] is None
    assert rows["P"]["regime"] in data["regimes"]
    p = rows["P"]
    # Tutorial (docs/tutorial.md): P resolved 2 of 4 cases with conditions -> 50.00%;
    # quota 82.80 -> attainment 50.00 - 82.80 = -32.80; 12 months so progress is the same.
    assert p["rates"]["cases"]["exact"] == "2/4"
    assert p["rates"]["cases"]["percent"] == "50.00"
    assert p["rates"]["cases"]["attainment"] == "-32.80"
    assert p["rates"]["cases"]["progress"] == "-32.80"
    # Money: 515 of 1,165 million -> 44.2060...% -> 44.21; 44.21 - 45.80 = -1.59.
    assert p["rates"]["money"]["percent"] == "44.21"
    assert p["rates"]["money"]["attainment"] == "-1.59"
    assert p["quota"]["cases"] == "82.80"


def test_progress_is_pro_rata() -> None:
    # 3 months of 2023 (1/10/2022-31/12/2022): 4 new cases of 100 triệu, c0 completed
    # 1/12/2022. Cases 1/4 = 25,00 %, money 100/400 = 25,00 %.
    # Quota 82,82 / 41,41: pro rata 82,82 × 3 / 12 = 20,705 → 20,71 (half-up: a tie) and
    # 41,41 × 3 / 12 = 10,3525 → 10,35 (statistics-rules.md §7.3).
    done = (ev(date(2022, 12, 1), "completed"),)
    cases = [case(f"c{k}", date(2022, 10, 5), 100 * M, done if k == 0 else ()) for k in range(4)]
    rep = thads.report(
        cases, thads.StatisticalPeriod(2023, 3), quotas=thads.Quota(2023, "82.82", "41.41")
    )
    data: Any = to_dict(rep)
    rates = {row["code"]: row["rates"] for row in data["rows"]}["A"]
    assert rates["cases"]["percent"] == "25.00"
    assert rates["cases"]["attainment"] == "-57.82"  # 25,00 − 82,82
    assert rates["cases"]["progress"] == "4.29"  # 25,00 − 20,71 (half-even: 4.30)
    assert rates["money"]["percent"] == "25.00"
    assert rates["money"]["progress"] == "14.65"  # 25,00 − 10,35
    assert Report.from_json(rep.to_json()) == rep


def test_output_matches_the_schema(province: thads.Report, tutorial: thads.Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["version"]["const"] == SCHEMA_VERSION
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    for rep in (province, tutorial):
        jsonschema.validate(to_dict(rep), schema, format_checker=checker)


def test_errors_name_the_row_and_field(tutorial: thads.Report) -> None:
    data: Any = to_dict(tutorial)
    data["rows"][2]["current"]["cases"]["resolved"] += 1
    with pytest.raises(InvalidRecordError, match=r"rows\[2\] \(A\)\.current\.cases.*resolved"):
        Report.from_dict(data)
    data = to_dict(tutorial)
    del data["rows"][1]["current"]["money"]["new"]
    with pytest.raises(InvalidRecordError, match=r"rows\[1\] \(P\)\.current\.money: field 'new'"):
        Report.from_dict(data)
    data = to_dict(tutorial)
    data["rows"][2]["parent"] = "B"
    with pytest.raises(InvalidRecordError, match="parent"):
        Report.from_dict(data)
    data = to_dict(tutorial)
    data["version"] = 1
    with pytest.raises(InvalidRecordError, match="version 1 cannot be read"):
        Report.from_dict(data)
    data = to_dict(tutorial)
    data["rows"][1]["level"] = "county"
    with pytest.raises(InvalidRecordError, match="unknown level 'county'; accepted: "):
        Report.from_dict(data)
    with pytest.raises(InvalidRecordError, match="not JSON"):
        Report.from_json("{")


def test_a_document_whose_parent_holds_less_than_its_children_is_refused() -> None:
    import copy
    import json as _json

    from thads import StatisticalPeriod, report
    from thads.count import Report, to_dict
    from thads.errors import InvalidRecordError
    from thads.samples import province_2023

    sample = province_2023()
    data = to_dict(report(sample.cases, StatisticalPeriod(2023, 6), offices=sample.offices))
    broken = copy.deepcopy(data)
    total = broken["rows"][0]["current"]["cases"]  # type: ignore[index]
    # one case fewer in the total's new row (derived rows kept consistent)
    for name in ("new", "accepted", "to_enforce", "carried_forward", "in_progress"):
        total[name] -= 1
    total["enforceable"] -= 1
    total["enforceable_carried_forward"] -= 1
    with pytest.raises(InvalidRecordError, match="less than the sum of the rows below"):
        Report.from_dict(broken)
    deep = copy.deepcopy(data)
    deep["rows"][1]["depth"] = 7  # type: ignore[index]
    with pytest.raises(InvalidRecordError, match="depth"):
        Report.from_dict(_json.loads(_json.dumps(deep)))


def test_previous_given_for_some_rows_only_is_refused() -> None:
    from thads import StatisticalPeriod, report
    from thads.count import Report, to_dict
    from thads.errors import InvalidRecordError
    from thads.samples import province_2023

    sample = province_2023()
    data = to_dict(report(sample.cases, StatisticalPeriod(2023, 6), offices=sample.offices))
    data["rows"][1]["previous"] = None  # type: ignore[index]
    with pytest.raises(InvalidRecordError, match="all rows or none"):
        Report.from_dict(data)
