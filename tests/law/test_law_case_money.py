"""Fee and late interest read from a case's history, against hand computation."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import M, case, ev
from thads.law import Calendar, case_fee, case_interest, enforcement_fee, interest_free_intervals

NO_HOLIDAYS = Calendar()
ON = date(2025, 3, 1)  # base salary 2.340.000: threshold 2 × = 4.680.000


def history() -> object:
    # 100 triệu owed to a private creditor, on request (request 01/01/2025).
    return case(
        "F1",
        date(2025, 1, 10),
        100 * M,
        (
            ev(date(2025, 2, 15), "collected", 5 * M),
            ev(date(2025, 4, 1), "collected", 40 * M),
            ev(date(2025, 5, 1), "postponed", ground="48.1.c"),
            ev(date(2025, 6, 1), "resumed"),
            ev(date(2025, 10, 1), "collected", 30 * M),
        ),
    )


def test_case_fee_from_the_history() -> None:
    c = history()
    got = case_fee(c, on=date(2025, 12, 31), notified_on=date(2025, 2, 10), calendar=NO_HOLIDAYS)  # type: ignore[arg-type]
    # Voluntary period: notice 10/02/2025 + 10 days = Thursday 20/02/2025 (Art. 45(1)).
    # 5 triệu paid 15/02, within it: no fee (TT 216 Art. 6(8)), out of the base.
    # 40 triệu on 01/04: requested 100 triệu > 4.680.000, so 3 % × 40 triệu = 1.200.000.
    # 30 triệu on 01/10: 3 % × 70 triệu − 1.200.000 = 2.100.000 − 1.200.000 = 900.000.
    assert [(r.on, r.fee) for r in got.receipts] == [
        (date(2025, 2, 15), 0),
        (date(2025, 4, 1), 1_200_000),
        (date(2025, 10, 1), 900_000),
    ]
    assert got.total == 2_100_000 and got.known
    # the same figures receipt by receipt
    assert enforcement_fee(40 * M, ON, requested=100 * M) == 1_200_000
    # Without a notice date, the 5 triệu pays too: 3 % × 5 triệu = 150.000, and the
    # total is 3 % × 75 triệu = 2.250.000.
    assert case_fee(c, on=date(2025, 12, 31)).total == 2_250_000  # type: ignore[arg-type]


def test_fee_threshold_on_request_then_cumulative_receipts() -> None:
    # TT 216/2016 Art. 6(4), 4(1)(a), 5(2)-(3): 3 triệu received of 10 triệu requested is
    # under 4.680.000 → 0 (issue 20: the former default gave 90.000).
    assert enforcement_fee(3 * M, ON, requested=10 * M) == 0
    # 4.680.000 requested is free whatever is received
    assert enforcement_fee(4_680_000, ON, requested=4_680_000) == 0
    with pytest.raises(TypeError):
        enforcement_fee(3 * M, ON)  # type: ignore[call-arg]
    # case_fee: 10 triệu owed, received 1, 3, then 2 triệu (cumulative 1, 4, 6 triệu):
    # 0, 0, then 3 % × 6 triệu = 180.000.
    c = case(
        "F4",
        date(2025, 1, 6),
        10 * M,
        (
            ev(date(2025, 2, 3), "collected", 1 * M),
            ev(date(2025, 3, 3), "collected", 3 * M),
            ev(date(2025, 4, 1), "collected", 2 * M),
        ),
    )
    assert [r.fee for r in case_fee(c, on=date(2025, 12, 31)).receipts] == [0, 0, 180_000]


def test_case_interest_from_the_history() -> None:
    c = history()
    # Interest-free: the agreed postponement 01/05–31/05/2025 (Art. 48(1)(c)).
    assert interest_free_intervals(c, date(2025, 12, 31)) == [(date(2025, 5, 1), date(2025, 5, 31))]  # type: ignore[arg-type]
    got = case_interest(
        c,  # type: ignore[arg-type]
        until=date(2025, 12, 31),
        day_count="actual/365",
        request_received_on=date(2025, 1, 1),
    )
    # 10 %/year, actual/365, from the request 01/01/2025 to 31/12/2025:
    # 01/01→15/02: 45 days on 100 triệu; 15/02→01/04: 45 days on 95 triệu;
    # 01/04→01/10: 183 days less 31 (May) = 152 days on 55 triệu;
    # 01/10→31/12: 91 days on 25 triệu.
    # (100×45 + 95×45 + 55×152 + 25×91) triệu·days = 19.410 triệu·days;
    # 19.410.000.000 × 0,1 / 365 = 5.317.808,2 → 5.317.808.
    assert got.interest == 5_317_808
    assert got.principal_outstanding == 25 * M
    # Without a request date, the one default of thads.law: the day accepted, 10/01/2025
    # (thads.law.request_date), as in deadlines() and case_fee(). From 10/01: 36 days
    # on 100 triệu instead of 45: (100×36 + 95×45 + 55×152 + 25×91) = 18.510 triệu·days
    # × 0,1 / 365 = 5.071.232,9 → 5.071.233.
    default = case_interest(c, until=date(2025, 12, 31), day_count="actual/365")  # type: ignore[arg-type]
    assert default.interest == 5_071_233


def test_case_interest_stops_when_the_case_ends() -> None:
    c = case(
        "F3",
        date(2025, 1, 2),
        10 * M,
        (ev(date(2025, 3, 15), "terminated"),),
    )
    # 10 triệu × 10 % × 73 days (01/01 → 15/03/2025) / 365 = 200.000
    got = case_interest(c, until=date(2025, 12, 31), day_count="actual/365", start=date(2025, 1, 1))
    assert got.interest == 200_000


@given(st.integers(0, 30 * 10**9), st.integers(0, 30 * 10**9), st.integers(0, 10**8))
def test_fee_keyed_on_request_adds_up_over_receipts(a: int, b: int, requested: int) -> None:
    low, high = sorted((a, b))
    whole = enforcement_fee(high, ON, requested=requested)
    split = enforcement_fee(low, ON, requested=requested) + enforcement_fee(
        high - low, ON, received_before=low, requested=requested
    )
    assert split == whole
    if requested <= 4_680_000:
        assert whole == 0
