"""A report of a period under TT 05/2026 says in every output which rules counted it.

TT 05/2026/TT-BTP applies from 01/07/2026 but its content is unknown (docs/regimes.md):
a report of such a period needs allow_last_known=True, and is then counted with TT
05/2024's rules; the table, the summary, the CSV, the JSON and the xlsx say so.
"""

from __future__ import annotations

import csv
import io

import pytest

import thads
from thads.errors import RuleNotAvailableError
from thads.samples import merger_2026, province_2023
from thads.write import summary, to_csv, to_table


def test_a_period_under_tt05_2026_needs_the_callers_word() -> None:
    sample = merger_2026()
    with pytest.raises(RuleNotAvailableError, match="05/2026"):
        thads.report(sample.cases, thads.StatisticalPeriod(2026), offices=sample.offices)


def test_every_output_names_the_rules_it_was_counted_with() -> None:
    sample = merger_2026()
    report = thads.report(
        sample.cases, thads.StatisticalPeriod(2026), offices=sample.offices, allow_last_known=True
    )
    table = to_table(report)
    assert "Thông tư 05/2026/TT-BTP" in table and "TT 05/2024/TT-BTP" in table
    assert "Thông tư 05/2026/TT-BTP" in summary(report.total, report)
    lines = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert lines and {line["regime"] for line in lines} == {"tt05_2026"}
    assert '"tt05_2026"' in report.to_json()


def test_a_known_regime_adds_no_note() -> None:
    sample = province_2023()
    report = thads.report(sample.cases, thads.StatisticalPeriod(2023), offices=sample.offices)
    assert "Thông tư" not in to_table(report).splitlines()[0]
    lines = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert {line["regime"] for line in lines} == {"tt06_2019"}
