"""A golden report: the built-in province sample's 2023 report, saved as JSON.

tests/golden/province-2023.json is the report of :func:`thads.samples.province_2023`,
checked here by hand, from the file alone, against the published Sóc Trăng 2023 result
it is calibrated to (16.109 cases accepted; 10.289 resolved of 12.411 with conditions,
82,90 %, 0,10 points over a quota of 82,80 %; 51,24 % by money, 5,44 points over 45,80 %;
about 2.491 tỷ đồng accepted). Then the code's report of today must equal it, so any
change of a figure, of a row or of the layout shows up here and is a decision.
Regenerate with ``python tests/test_golden.py`` after such a decision.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "province-2023.json"
PRIMITIVE = (
    "carried_over",
    "new",
    "entrusted",
    "withdrawn",
    "completed",
    "terminated",
    "reduced",
    "in_progress",
    "postponed",
    "stayed",
    "without_conditions",
)


def _percent(numerator: int, denominator: int) -> str:
    """Half-up to two places, written here from the rule (not with thads)."""
    value = Decimal(numerator * 100) / Decimal(denominator)
    exact = Fraction(numerator * 100, denominator)
    # Decimal division is exact enough at 28 digits for these sizes; check it is not a tie
    assert abs(Fraction(value) - exact) < Fraction(1, 10**20)
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def golden() -> dict[str, object]:
    data: dict[str, object] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def _row(golden: dict[str, object], code: str) -> dict[str, object]:
    rows = golden["rows"]
    assert isinstance(rows, list)
    (row,) = [r for r in rows if r["code"] == code]
    assert isinstance(row, dict)
    return row


def test_the_golden_file_has_the_published_case_figures(golden: dict[str, object]) -> None:
    row = _row(golden, "ST")
    cases = row["current"]["cases"]  # type: ignore[index]
    assert cases["accepted"] == 16_109
    assert cases["enforceable"] == 12_411
    assert cases["resolved"] == 10_289
    rates = row["rates"]["cases"]  # type: ignore[index]
    assert rates["percent"] == _percent(10_289, 12_411) == "82.90"
    assert rates["quota"] == "82.80"
    assert rates["attainment"] == "0.10"  # 82,90 − 82,80


def test_the_golden_file_has_the_published_money_figures(golden: dict[str, object]) -> None:
    row = _row(golden, "ST")
    money = row["current"]["money"]  # type: ignore[index]
    assert money["accepted"] == 2_491 * 10**9  # 2.491 tỷ đồng, as published
    rates = row["rates"]["money"]  # type: ignore[index]
    assert rates["percent"] == _percent(money["resolved"], money["enforceable"]) == "51.24"
    assert rates["quota"] == "45.80"
    assert rates["attainment"] == "5.44"  # 51,24 − 45,80


def test_the_golden_file_adds_up(golden: dict[str, object]) -> None:
    rows = golden["rows"]
    assert isinstance(rows, list)
    for row in rows:
        for which in ("current", "previous"):
            pair = row.get(which)
            if pair is None:
                continue
            for unit in ("cases", "money"):
                t = pair[unit]
                accepted = t["carried_over"] + t["new"]
                to_enforce = accepted - t["entrusted"] - t["withdrawn"]
                resolved = t["completed"] + t["terminated"] + t["reduced"]
                enforceable = resolved + t["in_progress"] + t["postponed"]
                assert t["accepted"] == accepted, row["code"]
                assert t["to_enforce"] == to_enforce, row["code"]
                assert to_enforce == enforceable + t["stayed"] + t["without_conditions"]
                assert t["carried_forward"] == to_enforce - t["resolved"], row["code"]
    total = _row(golden, "VN")
    children = [r for r in rows if r.get("parent") == "VN"]
    for name in PRIMITIVE:
        expected = sum(r["current"]["cases"][name] for r in children)
        assert total["current"]["cases"][name] == expected  # type: ignore[index]


def test_todays_report_is_the_golden_one(golden: dict[str, object]) -> None:
    assert _current() == golden


def _current() -> dict[str, object]:
    import thads
    from thads.samples import province_2023

    sample = province_2023()
    result = thads.report(
        sample.cases, thads.StatisticalPeriod(2023), offices=sample.offices, quotas=sample.quotas
    )
    data: dict[str, object] = json.loads(result.to_json())
    return data


if __name__ == "__main__":  # regenerate after a deliberate change
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps(_current(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
