"""Interest-free windows and the payment order under each law, and careless or hostile
input to thads.law (issue 22): every case gives a ThadsError, never a hang or a Python
internal traceback. Values by hand from docs/law/interest.md and payment-order.md.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from helpers import M, case, ev
from thads.errors import InvalidRecordError, ThadsError
from thads.law import (
    Calendar,
    Claim,
    LawVersion,
    PaymentTier,
    add_working_days,
    allocate,
    case_interest,
    deadlines,
    interest_free_intervals,
    late_interest,
    limitation_end,
    period_end,
)

NO_HOLIDAYS = Calendar()


# --- interest-free windows, Law 106/2025 Art. 46(1)(c), 46(2), 47(2) ---------------------


def test_new_law_interest_free_windows() -> None:
    # 100 triệu, on request, accepted Monday 03/08/2026, request the same day (default).
    # Postponed at the creditor's request 01/09 (46.1.c), resumed 01/10; suspended on a
    # protest 02/11 (47.2), resumed 16/11; postponed for an ill debtor 01/12 (46.1.a).
    c = case(
        "W",
        date(2026, 8, 3),
        100 * M,
        (
            ev(date(2026, 9, 1), "postponed", ground="46.1.c"),
            ev(date(2026, 10, 1), "resumed"),
            ev(date(2026, 11, 2), "suspended", ground="47.2"),
            ev(date(2026, 11, 16), "resumed"),
            ev(date(2026, 12, 1), "postponed", ground="46.1.a"),
        ),
    )
    assert interest_free_intervals(c, date(2026, 12, 31)) == [
        (date(2026, 9, 1), date(2026, 9, 30)),
        (date(2026, 11, 2), date(2026, 11, 15)),
    ]
    # From 03/08 to 31/12/2026 (exclusive): 150 days less 30 (September) and 14 = 106
    # days; 100 triệu × 10 % × 106 / 365 = 2.904.109,6 → 2.904.110.
    got = case_interest(c, until=date(2026, 12, 31), day_count="actual/365")
    assert got.interest == 2_904_110


def test_overlapping_interest_free_intervals_count_once() -> None:
    # 10 triệu, 01/01–31/12/2025 (364 days), excluded 01–31/03 and 15/03–14/04 overlap:
    # union 01/03–14/04 = 45 days (not 31 + 31 = 62); 319 days × 10 triệu × 10 % / 365
    # = 873.972,6 → 873.973.
    got = late_interest(
        10 * M,
        date(2025, 1, 1),
        date(2025, 12, 31),
        day_count="actual/365",
        excluded=[(date(2025, 3, 1), date(2025, 3, 31)), (date(2025, 3, 15), date(2025, 4, 14))],
    )
    assert got.interest == 873_973


# --- payment order, Law 106/2025 Art. 54(1) ----------------------------------------------


def test_new_tiers_of_art_54_1() -> None:
    # 100 triệu collected; costs 5; transfer taxes 3 (deducted first, Art. 54(1)); then
    # alimony 20, court fee 10, fine 30, social insurance 20, a private debt 40.
    # Law 106/2025: 92 left → 20, 10, 30, 20, then 12 of 40 to the private debt.
    claims = [
        Claim("alimony", PaymentTier.ALIMONY_WAGES_INJURY, 20 * M),
        Claim("court", PaymentTier.COURT_FEES, 10 * M),
        Claim("fine", PaymentTier.FINES_STATE_RECOVERY, 30 * M),
        Claim("insurance", PaymentTier.INSURANCE, 20 * M),
        Claim("private", PaymentTier.OTHER, 40 * M),
    ]
    new = allocate(100 * M, claims, costs=5 * M, transfer_taxes=3 * M, on=date(2026, 8, 3))
    assert (new.costs, new.transfer_taxes, new.law) == (5 * M, 3 * M, LawVersion.LAW_2025)
    assert {k: v[0] for k, v in new.paid.items()} == {
        "alimony": 20 * M,
        "court": 10 * M,
        "fine": 30 * M,
        "insurance": 20 * M,
        "private": 12 * M,
    }
    # Law 2008 Art. 47(1): the fine, insurance and the private debt are one tier "other":
    # 95 − 20 − 10 = 65 shared pro rata to 30 : 20 : 40 → 21,666..., 14,444..., 28,888...
    # triệu: 21.666.667, 14.444.444, 28.888.889 (largest remainders get the đồng).
    old = allocate(100 * M, claims, costs=5 * M, law="26/2008/QH12")
    assert {k: v[0] for k, v in old.paid.items()} == {
        "alimony": 20 * M,
        "court": 10 * M,
        "fine": 21_666_667,
        "insurance": 14_444_444,
        "private": 28_888_889,
    }
    # Neither law nor day given: refused where the laws differ, never guessed ...
    with pytest.raises(InvalidRecordError, match="law= or on="):
        allocate(100 * M, claims)
    # ... and answered where they agree.
    same = allocate(30 * M, [claims[0], claims[1], claims[4]])
    assert same.law is None and same.surplus == 0
    with pytest.raises(InvalidRecordError, match="transfer_taxes"):
        allocate(100 * M, claims, transfer_taxes=1, on=date(2025, 1, 1))


# --- hostile and careless input (issue 22) -----------------------------------------------


def test_datetimes_and_reversed_intervals_are_refused() -> None:
    with pytest.raises(InvalidRecordError, match="datetime"):
        period_end(datetime(2025, 3, 1, 23, 30), days=10, calendar=NO_HOLIDAYS)  # type: ignore[arg-type]
    aware = datetime(2025, 3, 1, tzinfo=timezone(timedelta(hours=7)))
    with pytest.raises(InvalidRecordError, match="datetime"):
        add_working_days(aware, 2, NO_HOLIDAYS)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match="reversed"):
        late_interest(
            M,
            date(2025, 1, 1),
            date(2025, 6, 1),
            day_count="actual/365",
            excluded=[(date(2025, 3, 31), date(2025, 3, 1))],
        )
    with pytest.raises(InvalidRecordError, match="reversed"):
        limitation_end(date(2020, 1, 1), excluded=[(date(2021, 2, 1), date(2021, 1, 1))])
    c = case("H", date(2025, 1, 6))
    with pytest.raises(InvalidRecordError, match="reversed"):
        deadlines(
            c,
            date(2025, 6, 1),
            calendar=NO_HOLIDAYS,
            force_majeure=[(date(2025, 3, 2), date(2025, 3, 1))],
        )
    with pytest.raises(InvalidRecordError, match="datetime"):
        deadlines(c, datetime(2025, 6, 1, 8, 0), calendar=NO_HOLIDAYS)  # type: ignore[arg-type]


def test_the_end_of_the_calendar_and_bad_counts() -> None:
    with pytest.raises(InvalidRecordError, match="9999"):
        period_end(date(9999, 12, 31), days=1, calendar=NO_HOLIDAYS)
    with pytest.raises(InvalidRecordError, match="9999"):
        period_end(date(9999, 6, 1), years=1, calendar=NO_HOLIDAYS)
    with pytest.raises(InvalidRecordError, match="9999"):
        add_working_days(date(9999, 12, 31), 1, NO_HOLIDAYS)
    with pytest.raises(InvalidRecordError, match="9999"):
        limitation_end(date(9996, 1, 1), calendar=NO_HOLIDAYS)
    with pytest.raises(InvalidRecordError, match="whole number"):
        add_working_days(date(2025, 1, 1), 2.5, NO_HOLIDAYS)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match="whole number"):
        period_end(date(2025, 1, 1), days=True, calendar=NO_HOLIDAYS)


def test_a_calendar_without_working_days_is_refused_quickly() -> None:
    never = Calendar(weekend=frozenset(range(7)))
    began = time.perf_counter()
    with pytest.raises(InvalidRecordError, match="no working day"):
        add_working_days(date(2025, 1, 1), 5, never)
    with pytest.raises(InvalidRecordError, match="no working day"):
        period_end(date(2025, 1, 1), days=10, calendar=never)
    assert time.perf_counter() - began < 1


def test_absurd_money_and_rates_give_the_librarys_errors() -> None:
    with pytest.raises(ThadsError, match="beyond"):
        late_interest(10**30, date(2025, 1, 1), date(2025, 2, 1), day_count="actual/365")
    with pytest.raises(ThadsError, match="number"):
        late_interest(
            M, date(2025, 1, 1), date(2025, 2, 1), day_count="actual/365", rate=Decimal("NaN")
        )
    with pytest.raises(ThadsError, match="number"):
        late_interest(
            M, date(2025, 1, 1), date(2025, 2, 1), day_count="actual/365", rate=Decimal("Inf")
        )
    with pytest.raises(ThadsError, match="beyond"):
        allocate(10**30, [])
    with pytest.raises(ThadsError):
        Claim("x", PaymentTier.OTHER, 10**30)
