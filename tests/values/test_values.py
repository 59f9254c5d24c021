"""Value semantics of rates, points, periods and tallies (like dateutil's values), and the
one largest-remainder split of money.

Expected values are worked by hand in the comments.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from helpers import M, case, ev
from thads import InvalidRecordError, Points, Rate, StatisticalPeriod
from thads.count import tally_periods
from thads.errors import InconsistentTallyError
from thads.values import Flows, Tally, split

# --- Rate -------------------------------------------------------------------------------


def test_equal_rates_are_equal_values() -> None:
    assert Rate(1, 2) == Rate(2, 4)  # 1/2 = 2/4
    assert hash(Rate(1, 2)) == hash(Rate(2, 4))
    assert len({Rate(1, 2), Rate(2, 4), Rate(3, 6)}) == 1
    assert Rate(1, 2) != Rate(1, 3)
    assert Rate(1, 2) != Fraction(1, 2)  # a rate is not a bare number
    # the published counts are kept as given, not reduced
    assert Rate(2, 4).numerator == 2 and Rate(2, 4).denominator == 4


def test_rates_sort_by_exact_value_and_ties_are_exact() -> None:
    # 8290/10000 = 0.829 and 82904/100000 = 0.82904 both print 82.90 %, yet differ:
    # 8290 × 100000 = 829 000 000 < 82904 × 10000 = 829 040 000.
    low, high = Rate(8290, 10000), Rate(82904, 100000)
    assert low.percent == high.percent == Decimal("82.90")
    assert low < high and high > low and low <= high and not high <= low
    # 1/2 = 0.5 < 3/4 = 0.75 < 0.829 < 0.82904
    assert sorted([high, Rate(3, 4), low, Rate(1, 2)]) == [Rate(1, 2), Rate(3, 4), low, high]
    # a tie is an exact tie: 10/40 and 1/4 are both exactly 0.25
    assert Rate(10, 40) <= Rate(1, 4) and Rate(10, 40) >= Rate(1, 4)
    assert max(Rate(1, 3), Rate(1, 2)) == Rate(1, 2)
    with pytest.raises(TypeError):
        _ = Rate(1, 2) < Fraction(1, 2)  # type: ignore[operator]


def test_float_and_format_of_a_rate() -> None:
    assert float(Rate(1, 4)) == 0.25
    assert float(Rate(1, 3)) == 1 / 3
    # 1/8 = 0.125: half-up from the exact value gives 0.13 (a float would print 0.12)
    assert format(Rate(1, 8), ".2f") == "0.13"
    assert format(Rate(1, 8), ".1%") == "12.5%"
    # the published 10 289 / 12 411 = 0.829023... → 82,90 % (statistics-rules §3.4)
    rate = Rate(10289, 12411)
    assert format(rate, ".2%") == "82.90%"
    assert format(rate, ".1f") == "0.8"
    assert f"{rate:>8.1%}" == "   82.9%"
    assert f"{rate}" == str(rate) == "82.90%"
    assert format(Rate(1, 3), "f") == "0.333333"  # 6 places by default, as for float
    with pytest.raises(ValueError, match="not supported for Rate"):
        format(rate, "d")


# --- Points -----------------------------------------------------------------------------


def test_points_add_subtract_and_compare() -> None:
    over, under = Points(Decimal("0.61")), Points(Decimal("-1.59"))
    assert over + under == Points(Decimal("-0.98"))  # 0,61 − 1,59 = −0,98
    assert over - under == Points(Decimal("2.20"))  # 0,61 + 1,59 = 2,20
    assert -under == Points(Decimal("1.59")) and abs(under) == Points(Decimal("1.59"))
    assert under < over and over >= over and sorted([over, under]) == [under, over]
    with pytest.raises(TypeError):
        _ = over + Decimal("1")  # type: ignore[operator]


# --- periods ----------------------------------------------------------------------------


def test_months_of_year_is_a_tuple() -> None:
    months = StatisticalPeriod(2023, 6).months_of_year()
    assert isinstance(months, tuple)
    assert len(months) == 12
    assert months[0] == StatisticalPeriod(2023, 1)
    assert months[-1].end == date(2023, 9, 30)
    assert months == StatisticalPeriod(2023).months_of_year()  # a value: asked twice, equal


# --- Tally subtraction: flows between two cumulative periods of one year ----------------

# Year 2023, one group. Checked by hand against the identity
# to_enforce = enforceable + stayed + without_conditions:
# 6 months: accepted 10 + 5 = 15, to_enforce 15 − 1 = 14, enforceable 3 + 1 + 6 = 10,
#           10 + 2 + 2 = 14.
# 9 months: accepted 10 + 8 = 18, to_enforce 18 − 1 − 1 = 16, enforceable 6 + 1 + 4 = 11,
#           11 + 3 + 2 = 16.
SIX = Tally(
    carried_over=10, new=5, entrusted=1, completed=3, terminated=1, in_progress=6,
    stayed=2, without_conditions=2,
).check()  # fmt: skip
NINE = Tally(
    carried_over=10, new=8, entrusted=1, withdrawn=1, completed=6, terminated=1,
    in_progress=4, stayed=3, without_conditions=2,
).check()  # fmt: skip


def test_later_minus_earlier_gives_the_flows_between() -> None:
    flows = NINE - SIX
    assert isinstance(flows, Flows)
    # months 7..9: new 8 − 5, entrusted 1 − 1, withdrawn 1 − 0, completed 6 − 3,
    # terminated 1 − 1, reduced 0
    assert flows == Flows(new=3, entrusted=0, withdrawn=1, completed=3, terminated=0)
    assert flows.resolved == 3
    nothing = NINE - NINE
    assert nothing == Flows()
    six, nine = StatisticalPeriod(2023, 6), StatisticalPeriod(2023, 9)
    assert NINE.flows_since(SIX, periods=(six, nine)) == flows


def test_stock_rows_have_no_flow() -> None:
    flows = NINE - SIX
    for stock in ("in_progress", "stayed", "carried_over", "enforceable", "to_enforce"):
        with pytest.raises(AttributeError, match="stock"):
            getattr(flows, stock)


def test_subtraction_refused_where_it_has_no_meaning() -> None:
    with pytest.raises(InconsistentTallyError, match="subtract the earlier period"):
        _ = SIX - NINE  # earlier minus later: new would be 5 − 8
    other_year = Tally(carried_over=12, new=8, completed=6, in_progress=14)
    with pytest.raises(InconsistentTallyError, match="carried_over"):
        _ = other_year - SIX
    with pytest.raises(InconsistentTallyError, match="two years"):
        NINE.flows_since(SIX, periods=(StatisticalPeriod(2022, 6), StatisticalPeriod(2023, 9)))
    with pytest.raises(InconsistentTallyError, match="ends after"):
        NINE.flows_since(SIX, periods=(StatisticalPeriod(2023, 9), StatisticalPeriod(2023, 6)))
    with pytest.raises(TypeError):
        _ = NINE - 1  # type: ignore[operator]


def test_flows_of_the_engine_are_the_events_between_the_two_period_ends() -> None:
    y6, y9 = StatisticalPeriod(2023, 6), StatisticalPeriod(2023, 9)
    cases = [
        # carried over, completed in month 8 (May 2023): a flow of months 7..9
        case("old", date(2022, 3, 1), 100 * M, (ev(date(2023, 5, 20), "completed"),)),
        # new in month 2, collected 30 in month 4 and 20 in month 7, still in progress
        case(
            "new",
            date(2022, 11, 1),
            100 * M,
            (ev(date(2023, 1, 5), "collected", 30 * M), ev(date(2023, 4, 5), "collected", 20 * M)),
        ),
        # new in month 9 (June 2023)
        case("late", date(2023, 6, 2), 40 * M),
    ]
    got = tally_periods(cases, [y6, y9], key=lambda c: "all")
    six, nine = got[y6]["all"], got[y9]["all"]
    cases_flow = nine.cases - six.cases
    assert cases_flow == Flows(new=1, completed=1)  # "late" accepted; "old" completed
    money_flow = nine.money - six.money
    # new money: 40 ("late"); completed money: 20 collected + 100 handed over ("old")
    assert money_flow == Flows(new=40 * M, completed=120 * M)


# --- the largest-remainder split: one owner ---------------------------------------------


def test_split_by_largest_remainder() -> None:
    # 10 over 1:1:1 → 3,33 each: floors 3, 3, 3, one đồng left → the first (ties: order)
    assert split(10, [1, 1, 1]) == [4, 3, 3]
    # 100 over 1:2 → 33,33 and 66,67: floors 33, 66; the larger remainder (0,67) gets 1
    assert split(100, [1, 2]) == [33, 67]
    # Fraction weights: 7 over ½:¼:¼ → 3,5; 1,75; 1,75: floors 3, 1, 1; 2 left → the
    # remainders 0,75, 0,75 beat 0,5
    assert split(7, [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]) == [3, 2, 2]
    assert split(0, [0, 0]) == [0, 0]
    with pytest.raises(InvalidRecordError, match="zero weights"):
        split(5, [0, 0])
    with pytest.raises(InvalidRecordError, match="weight"):
        split(5, [1.5, 1])  # type: ignore[list-item]
