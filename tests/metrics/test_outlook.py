"""The year-end outlook (dự báo cuối năm) worked by hand on a small history.

Statistical year 2025 = 1/10/2024–30/9/2025; the report counts its first 3 months
(October to December 2024), so r = 9 months are left. One office A, quota 60 % of cases
and 50 % of money. Amounts in triệu đồng (M).

| case | accepted | amount | history |
|---|---|---|---|
| o0 | 1/2/2024 | 10 | enforceable; completed 1/3/2024 (last year only) |
| o1 | 1/8/2024 | 100 | enforceable; completed 15/10/2024 (October) |
| o2 | 1/9/2024 | 60 | enforceable; open |
| o3 | 10/10/2024 | 30 | enforceable; completed 20/11/2024 (November) |
| o4 | 5/11/2024 | 40 | without conditions 10/11/2024 |
| o5 | 1/12/2024 | 50 | enforceable; 20 collected 20/12/2024 |

Counted, 3 months: cases carried over o1, o2; new o3, o4, o5; to enforce T = 5; with
conditions E = completed 2 (o1, o3) + in progress 2 (o2, o5) = 4; resolved R = 2.
Money: T = 160 + 120 = 280; completed 100 + 30 + 20 = 150 = R; in progress 60 + 30;
E = 150 + 90 = 240 (o4's 40 has no conditions).
Months so far (cases): Oct new 1 done 1, Nov new 1 done 1, Dec new 1 → resolved 2, new 3.
Money: Oct new 30 done 100, Nov new 40 done 30, Dec new 50 done 20 → resolved 150, new 120.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from helpers import M, case, ev
from thads import Quota, StatisticalPeriod, report
from thads.errors import InvalidRecordError
from thads.metrics import (
    OUTLOOK_COLUMNS,
    PROJECTION_MARK,
    Outlook,
    monthly_flows,
    outlook,
    outlook_csv,
    outlook_dict,
    outlook_json,
    outlook_table,
    year_end_outlook,
)

HISTORY = [
    case("o0", date(2024, 2, 1), 10 * M,
         (ev(date(2024, 2, 5), "enforceable"), ev(date(2024, 3, 1), "completed"))),
    case("o1", date(2024, 8, 1), 100 * M,
         (ev(date(2024, 8, 5), "enforceable"), ev(date(2024, 10, 15), "completed"))),
    case("o2", date(2024, 9, 1), 60 * M, (ev(date(2024, 9, 5), "enforceable"),)),
    case("o3", date(2024, 10, 10), 30 * M,
         (ev(date(2024, 10, 15), "enforceable"), ev(date(2024, 11, 20), "completed"))),
    case("o4", date(2024, 11, 5), 40 * M, (ev(date(2024, 11, 10), "unenforceable"),)),
    case("o5", date(2024, 12, 1), 50 * M,
         (ev(date(2024, 12, 5), "enforceable"), ev(date(2024, 12, 20), "collected", 20 * M))),
]  # fmt: skip
QUOTA = Quota(2025, Decimal("60.00"), Decimal("50.00"))
PERIOD = StatisticalPeriod(2025, 3)


def test_the_counted_figures_the_outlook_starts_from() -> None:
    row = report(HISTORY, PERIOD, quotas=QUOTA).row("A")
    assert (row.enforceable("cases"), row.resolved("cases")) == (4, 2)
    assert row.tally("cases").to_enforce == 5
    assert (row.enforceable("money"), row.resolved("money")) == (240 * M, 150 * M)
    assert row.tally("money").to_enforce == 280 * M


def test_at_the_average_pace_so_far_by_hand() -> None:
    got = year_end_outlook(HISTORY, PERIOD, quotas=QUOTA)
    assert isinstance(got, Outlook) and got.projection
    assert (got.year, got.months, got.method) == (2025, 3, "average")
    cases = got.row("A").cases
    # ΔR = 9 × 2 / 3 = 6; ΔN = 9 × 3 / 3 = 9 new cases, with conditions in the share
    # E / T = 4 / 5 so far: ΔE = 9 × 4 / 5 = 36/5; year-end E = 4 + 36/5 = 56/5,
    # R = min(2 + 6, 56/5) = 8; rate 8 / (56/5) = 5/7 = 71,428..% → 71,43 %
    assert cases.enforceable == Fraction(56, 5) and cases.resolved == 8
    assert cases.exact_percent == Fraction(500, 7) and cases.percent == Decimal("71.43")
    assert cases.quota == Decimal("60.00") and cases.reaches_quota is True
    assert cases.points == Decimal("11.43")
    # the planner: ⌈0,6 × 4⌉ − 2 = 1 more case, 1/9 a month over the 9 months left
    assert cases.needed == 1 and cases.needed_per_month == Fraction(1, 9)
    money = got.row("A").money
    # ΔR = 9 × 150 / 3 = 450 M; ΔN = 9 × 120 / 3 = 360 M; ΔE = 360 × 240 / 280 = 2160/7 M;
    # year-end E = 240 + 2160/7 = 3840/7 M; R = min(150 + 450, 3840/7 ≈ 548,6) = 3840/7:
    # no more than has conditions can be resolved, so the projected rate is 100 %
    assert money.enforceable == Fraction(3840 * M, 7) and money.resolved == Fraction(3840 * M, 7)
    assert money.percent == Decimal("100.00") and money.reaches_quota is True
    assert money.needed == 0  # ⌈0,5 × 240⌉ − 150 < 0: already over the quota


def test_at_last_years_pace_by_hand() -> None:
    got = year_end_outlook(HISTORY, PERIOD, quotas=QUOTA, method="last_year")
    cases = got.row("A").cases
    # months 4..12 of 2024 (January–September 2024): new o0 (Feb), o1 (Aug), o2 (Sep) = 3,
    # resolved o0 (Mar) = 1. ΔE = 3 × 4 / 5 = 12/5; E = 4 + 12/5 = 32/5; R = 2 + 1 = 3;
    # rate 3 / (32/5) = 15/32 = 46,875 % → 46,88 % (half-up), under the quota by 13,12
    assert cases.enforceable == Fraction(32, 5) and cases.resolved == 3
    assert cases.percent == Decimal("46.88") and cases.points == Decimal("-13.12")
    assert cases.reaches_quota is False
    money = got.row("A").money
    # new 10 + 100 + 60 = 170 M, resolved o0's 10 M; ΔE = 170 × 6/7 = 1020/7 M;
    # E = 240 + 1020/7 = 2700/7 M; R = 160 M; rate 160 × 7 / 2700 = 56/135 = 41,48.. %
    assert money.enforceable == Fraction(2700 * M, 7) and money.resolved == 160 * M
    assert money.exact_percent == Fraction(5600, 135) and money.percent == Decimal("41.48")
    assert money.reaches_quota is False


def test_outlook_from_a_report_and_flows_checks_they_match() -> None:
    counted = report(HISTORY, PERIOD, quotas=QUOTA)
    flows = monthly_flows(HISTORY, 2025)
    assert outlook(counted, flows).row("A").cases.resolved == 8
    with pytest.raises(InvalidRecordError, match="needs the flows of the year before"):
        outlook(counted, flows, method="last_year")
    with pytest.raises(InvalidRecordError, match="2025 is needed"):
        outlook(counted, monthly_flows(HISTORY, 2024))
    with pytest.raises(InvalidRecordError, match="method"):
        outlook(counted, flows, method="trend")  # type: ignore[arg-type]
    whole = report(HISTORY, StatisticalPeriod(2025), quotas=QUOTA)
    with pytest.raises(InvalidRecordError, match="nothing is left to project"):
        outlook(whole, flows)


def test_every_output_is_marked_as_a_projection() -> None:
    got = year_end_outlook(HISTORY, PERIOD, quotas=QUOTA)
    table = outlook_table(got).splitlines()
    assert table[0].startswith(PROJECTION_MARK) and "không phải số liệu thống kê" in table[0]
    line = next(text for text in table if text.startswith("  A"))
    # so far 2/4 = 50,00 and 150/240 = 62,50; projected 71,43 and 100,00; quota 60 and
    # 50; needed 1 case and 0 triệu đồng
    assert line.split()[1:] == [
        "50,00", "71,43", "60,00", "1", "62,50", "100,00", "50,00", "0,000"
    ]  # fmt: skip
    data = outlook_dict(got)
    assert data["projection"] is True and data["kind"] == PROJECTION_MARK
    assert data["format"] == "thads-outlook"
    assert json.loads(outlook_json(got))["rows"][1]["cases"]["projected_percent"] == "71.43"
    rows = list(csv.reader(io.StringIO(outlook_csv(got))))
    assert rows[0] == list(OUTLOOK_COLUMNS)
    assert all(row[0] == PROJECTION_MARK for row in rows[1:]) and len(rows) == 1 + 2 * 2
    by_unit = {row[6]: row for row in rows if row[4] == "A"}
    assert by_unit["cases"][7:] == [
        "2", "4", "8", "56/5", "71.43", "500/7", "60.00", "11.43", "yes", "1", "1/9"
    ]  # fmt: skip
