"""The synthetic province reproduces the published Sóc Trăng 2023 result.

Expected figures are the published ones (project brief / issue 3): 16.109 cases accepted;
10.289 resolved of 12.411 with conditions, 82,90%; about 2.491 tỷ đồng accepted and over
640 tỷ resolved, 51,24% by money; +0,10 and +5,44 points over a 82,80 / 45,80 quota; new
cases up more than 28% and the case rate up 1,25 points on 2022.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from thads import Report, StatisticalPeriod, report
from thads.fmt import format_money
from thads.samples import province_2023


@pytest.fixture(scope="module")
def result() -> Report:
    sample = province_2023()
    return report(
        sample.cases,
        StatisticalPeriod(2023),
        by="office",
        offices=sample.offices,
        quotas=sample.quotas,
    ).check()


def test_published_case_figures(result: Report) -> None:
    row = result.row("ST")
    assert row.current.cases.accepted == 16_109
    assert row.current.cases.resolved == 10_289
    assert row.current.cases.enforceable == 12_411
    assert row.rate("cases") is not None and row.rate("cases").percent == Decimal("82.90")


def test_published_money_figures(result: Report) -> None:
    row = result.row("ST")
    money = row.current.money
    assert format_money(money.accepted) == "2.491 tỷ đồng"
    assert row.regime.resolved(money, "money") > 640 * 10**9
    assert row.rate("money") is not None and row.rate("money").percent == Decimal("51.24")


def test_published_quota_and_same_period(result: Report) -> None:
    row = result.row("ST")
    assert row.attainment is not None
    assert row.attainment.cases is not None and row.attainment.cases.value == Decimal("0.10")
    assert row.attainment.money is not None and row.attainment.money.value == Decimal("5.44")
    growth = row.change("new").percent
    assert growth is not None and growth > Decimal("28")
    assert row.rate_change("cases") is not None and row.rate_change("cases").value == Decimal(
        "1.25"
    )


def test_sample_is_deterministic() -> None:
    a, b = province_2023(), province_2023()
    assert a.cases[:50] == b.cases[:50]
    assert len(a.cases) == len(b.cases)
