"""A misspelt unit is refused everywhere, never read as the other unit.

Before: ``row.rate("case")`` returned the money rate (anything but "cases" meant money).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import thads
from thads.errors import InvalidRecordError
from thads.write import to_csv

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture(scope="module")
def tutorial() -> thads.Report:
    cases = thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")
    return thads.report(cases, thads.StatisticalPeriod(2023))


@pytest.mark.parametrize("unit", ["case", "viec", "tien", "Money", None, ""])
def test_every_figure_by_unit_refuses_a_misspelt_unit(tutorial: thads.Report, unit: str) -> None:
    row = tutorial.total
    for figure in (row.rate, row.enforceable, row.resolved, row.figures, row.previous_rate):
        with pytest.raises(InvalidRecordError, match="expected one of: cases, money") as info:
            figure(unit)  # type: ignore[arg-type]
        assert info.value.code == "value.unknown"
    with pytest.raises(InvalidRecordError, match="unknown unit"):
        row.regime.rate(row.current.cases, unit)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match="unknown unit"):
        to_csv(tutorial, unit)  # type: ignore[arg-type]


def test_the_right_units_still_give_their_own_figures(tutorial: thads.Report) -> None:
    # the tutorial's hand count (docs/tutorial.md), all its cases in province P
    assert tutorial.total.rate("cases").percent == Decimal("50.00")  # type: ignore[union-attr]
    assert tutorial.total.rate("money").percent == Decimal("44.21")  # type: ignore[union-attr]
