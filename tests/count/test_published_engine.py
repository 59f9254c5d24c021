"""The published examples of statistics-rules.md §9 run through the engine.

Each example becomes a case history whose counts equal, by construction, the rows the
report gives as inputs: N identical cases per row (accepted before 1 October when
carried over, in the period when new; one event that classifies or closes each), and
money amounts that sum to the published money. The engine (:func:`thads.count.tally_periods`)
counts that history under the regime in force for the period, and the rows and rates it
gives are compared with the figures the report prints. Rows a report does not publish
(entrusted vs withdrawn, in progress, the intake of a row) are filled in a documented
way and never asserted.

The histories are large (up to 936.046 cases); each row is one or two case objects
repeated, so a run takes a few seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import repeat

import attrs
import pytest

from helpers import case, ev
from thads import Case, Event, Quota, Rate, StatisticalPeriod, regime_by_code, regime_for, share
from thads.count import TallyPair, tally_periods
from thads.fmt import parse_money
from thads.rules import Regime

# How each row of a report is made: the events one case of that row has in the period.
OUTCOMES = (
    "completed",  # thi hành xong: the whole amount collected, then completed
    "in_progress",  # đang thi hành: classified enforceable
    "agreed_postponement",  # hoãn under Art. 48(1)(c): with conditions from TT 06/2019
    "postponed",  # hoãn on another ground (Art. 48(1)(a))
    "suspended",  # tạm đình chỉ (Art. 49(1))
    "without_conditions",  # chưa có điều kiện
    "entrusted",  # ủy thác
    "withdrawn",  # thu hồi, hủy quyết định; rút lên
)


@attrs.frozen
class Row:
    """``count`` cases of one outcome, holding ``money`` đồng in all, carried over or new."""

    outcome: str = attrs.field(validator=attrs.validators.in_(OUTCOMES))
    count: int = attrs.field(validator=attrs.validators.ge(1))
    money: int = 0
    carried: bool = False


def _events(outcome: str, on: date, amount: int) -> tuple[Event, ...]:
    if outcome == "completed":
        paid = (ev(on, "collected", amount),) if amount else ()
        return (*paid, ev(on, "completed"))
    single = {
        "in_progress": ev(on, "enforceable"),
        "agreed_postponement": ev(on, "postponed", ground="48.1.c"),
        "postponed": ev(on, "postponed", ground="48.1.a"),
        "suspended": ev(on, "suspended", ground="49.1"),
        "without_conditions": ev(on, "unenforceable"),
        "entrusted": ev(on, "entrusted"),
        "withdrawn": ev(on, "withdrawn"),
    }
    return (single[outcome],)


def history(period: StatisticalPeriod, rows: list[Row]) -> list[tuple[Case, int]]:
    """Case objects and how many times each is repeated.

    The money of a row is split as evenly as đồng allow: ``money % count`` cases hold one
    đồng more than the others.
    """
    carried_on = period.start - timedelta(days=200)
    new_on = period.start + timedelta(days=10)
    event_on = period.start + timedelta(days=40)
    out: list[tuple[Case, int]] = []
    for i, row in enumerate(rows):
        share_, extra = divmod(row.money, row.count)
        for j, (n, amount) in enumerate(((extra, share_ + 1), (row.count - extra, share_))):
            if n:
                accepted = carried_on if row.carried else new_on
                events = _events(row.outcome, event_on, amount)
                out.append((case(f"r{i}-{j}", accepted, amount, events), n))
    # the history holds what the rows say (a check on this helper, not on thads)
    assert sum(n for _, n in out) == sum(r.count for r in rows)
    assert sum(c.amount * n for c, n in out) == sum(r.money for r in rows)
    return out


def count(period: StatisticalPeriod, rows: list[Row], regime: Regime | None = None) -> TallyPair:
    """The engine's case and money tallies of the whole history, in one group."""
    book = history(period, rows)
    every: Iterator[Case] = (c for c, n in book for c in repeat(c, n))
    out = tally_periods(every, [period], key=lambda c: "all", regime=regime)
    return out[period]["all"]


def off_the_books(period: StatisticalPeriod, n: int) -> list[tuple[Case, int]]:
    """Cases moved to the separate register before the period (not carried over)."""
    start = period.start
    events = (
        ev(start - timedelta(days=730), "unenforceable"),
        ev(start - timedelta(days=100), "separate_register"),
    )
    return [(case("register", start - timedelta(days=1100), 0, events), n)]


def percent(rate: Rate | None) -> Decimal:
    """The rounded percent of a rate that must exist."""
    assert rate is not None
    return rate.percent


# --- TT 01/2013 (periods ending up to 04/01/2020) -------------------------------------


def test_regimes_of_the_example_periods() -> None:
    # statistics-rules.md §0: TT 01/2013 to 4/1/2020, TT 06/2019 from 5/1/2020,
    # TT 05/2024 from 26/7/2024 (a report is counted under the regime of its last day).
    expected = {
        StatisticalPeriod(2017, 9): "tt01_2013",  # A
        StatisticalPeriod(2017, 7): "tt01_2013",  # B
        StatisticalPeriod(2019, 6): "tt01_2013",  # H
        StatisticalPeriod(2017): "tt01_2013",  # I
        StatisticalPeriod(2020): "tt06_2019",  # C, J
        StatisticalPeriod(2021): "tt06_2019",  # L
        StatisticalPeriod(2022): "tt06_2019",  # D
        StatisticalPeriod(2023, 9): "tt06_2019",  # E
        StatisticalPeriod(2023): "tt06_2019",  # F
        StatisticalPeriod(2024, 9): "tt06_2019",  # K (ends 30/6/2024)
        StatisticalPeriod(2025, 9): "tt05_2024",  # G
    }
    assert {p: regime_for(p).code for p in expected} == expected


def test_example_a_national_9_months_2017() -> None:
    """A — ChiDaoDieuHanh ItemID=3689: C_old 290.524, N 446.223, P 728.227, E 579.413,
    NE 148.814, X 369.372 → T 736.747; 63,75%; 79,56%; K 358.855; KE 210.041."""
    period = StatisticalPeriod(2017, 9)
    # T − P = 8.520 entrusted or withdrawn (split not published: all entrusted here);
    # E − X = 210.041 in progress. Carried over: the 290.524 first cases below.
    rows = [
        Row("completed", 290_524, carried=True),
        Row("completed", 369_372 - 290_524),
        Row("in_progress", 579_413 - 369_372),
        Row("without_conditions", 148_814),
        Row("entrusted", 736_747 - 728_227),
    ]
    t = count(period, rows).cases
    t.check()
    assert (t.carried_over, t.new) == (290_524, 446_223)
    assert t.accepted == 736_747
    assert (t.to_enforce, t.enforceable, t.without_conditions) == (728_227, 579_413, 148_814)
    assert t.resolved == 369_372
    assert percent(t.resolution_rate()) == Decimal("63.75")
    assert percent(t.enforceable_share()) == Decimal("79.56")
    assert share(t.without_conditions, t.to_enforce).percent == Decimal("20.44")
    assert t.carried_forward == 358_855
    assert t.enforceable_carried_forward == 210_041


def test_example_b_national_7_months_2017() -> None:
    """B — ItemID=3683: C_old 290.524, N 341.063, P 625.425, E 482.175, NE 143.250,
    X 267.165 → T 631.587; 55,41%; 77,10% / 22,90%; K 358.260; KE 215.010."""
    period = StatisticalPeriod(2017, 7)
    rows = [
        Row("without_conditions", 143_250, carried=True),
        Row("in_progress", 290_524 - 143_250, carried=True),
        Row("in_progress", 482_175 - 267_165 - (290_524 - 143_250)),
        Row("completed", 267_165),
        Row("withdrawn", 631_587 - 625_425),  # U + R (split not published)
    ]
    t = count(period, rows).cases
    t.check()
    assert t.accepted == 631_587
    assert (t.to_enforce, t.enforceable, t.resolved) == (625_425, 482_175, 267_165)
    assert percent(t.resolution_rate()) == Decimal("55.41")
    assert percent(t.enforceable_share()) == Decimal("77.10")
    assert share(t.without_conditions, t.to_enforce).percent == Decimal("22.90")
    assert t.carried_forward == 358_260
    assert t.enforceable_carried_forward == 215_010


def test_example_h_province_6_months_2019() -> None:
    """H — plo.vn 841262: T 79.177, U 580, rút lên 4, E 54.681, NE 23.912, X 26.515 →
    48,49%; vượt tiến độ 11,99% (73% × 6/12)."""
    period = StatisticalPeriod(2019, 6)
    rows = [
        Row("entrusted", 580),
        Row("withdrawn", 4),
        Row("completed", 26_515),
        Row("in_progress", 54_681 - 26_515),
        Row("without_conditions", 23_912),
    ]
    t = count(period, rows).cases
    t.check()  # TT 01/2013: P = E + NE
    assert t.accepted == 79_177
    assert t.to_enforce == 78_593 == t.enforceable + t.without_conditions
    rate = t.resolution_rate()
    assert rate is not None and rate.percent == Decimal("48.49")
    assert Quota(2019, "73", "32").progress(rate, 6).value == Decimal("11.99")


def test_example_i_nam_dinh_2017_cases_and_money() -> None:
    """I — baonamdinh.vn 201801: E 5.422, X 4.918 (90,7%, +17,7); money E 163.702.787,
    X 102.990.477 nghìn đồng (62,91%, +30,91) against 73% / 32%."""
    period = StatisticalPeriod(2017)
    money_x = parse_money("102.990.477 nghìn đồng")
    money_e = parse_money("163.702.787 nghìn đồng")
    rows = [
        Row("completed", 4_918, money_x),
        Row("in_progress", 5_422 - 4_918, money_e - money_x),
    ]
    pair = count(period, rows)
    regime = regime_for(period)
    assert (pair.cases.enforceable, pair.cases.resolved) == (5_422, 4_918)
    assert regime.enforceable(pair.money, "money") == money_e
    assert regime.resolved(pair.money, "money") == money_x
    cases, money = pair.cases.resolution_rate(), regime.rate(pair.money, "money")
    assert cases is not None and money is not None
    assert (cases.percent, money.percent) == (Decimal("90.70"), Decimal("62.91"))
    attained = Quota(2017, "73", "32").attainment(cases=cases, money=money)
    assert attained.cases is not None and attained.money is not None
    assert (attained.cases.value, attained.money.value) == (Decimal("17.70"), Decimal("30.91"))


# --- TT 06/2019 (05/01/2020 – 25/07/2024) ---------------------------------------------


def test_example_c_national_2020_and_its_money_mismatch() -> None:
    """C — vietnamnet 701522 / 693076: E 708.674, X 576.933 → 81,41% (+1,41 over 80%);
    money E 132.905,418 tỷ, X 53.750,695 tỷ, published 40,09% — the figures give 40,44%."""
    period = StatisticalPeriod(2020)
    money_x, money_e = parse_money("53.750,695 tỷ"), parse_money("132.905,418 tỷ")
    rows = [
        Row("completed", 576_933, money_x),
        Row("in_progress", 708_674 - 576_933, money_e - money_x),
    ]
    pair = count(period, rows)
    rate = pair.cases.resolution_rate()
    assert rate is not None and rate.percent == Decimal("81.41")
    attained = Quota(2020, "80", "38").attainment(cases=rate)  # quota derived (§7.2)
    assert attained.cases is not None and attained.cases.value == Decimal("1.41")
    money = regime_for(period).rate(pair.money, "money")
    assert money is not None
    assert money.exact == Fraction(money_x, money_e)
    assert money.percent == Decimal("40.44")  # 53.750,695 / 132.905,418 = 40,443...%
    assert money.percent != Decimal("40.09")  # the published figure is not reproduced


def test_example_d_national_2022_stays_outside_with_conditions() -> None:
    """D — vneconomy 2022-11, danchuphapluat: P 861.529, E 653.719, hoãn/TĐC 12.135,
    X 539.290 → 82,50%; E 75,88%; hoãn/TĐC 1,41%."""
    period = StatisticalPeriod(2022)
    stays = 12_135
    rows = [
        Row("completed", 539_290),
        # E − X = 114.429: 1.000 postponed by agreement (48.1.c, with conditions), the rest
        # in progress (the split is not published)
        Row("agreed_postponement", 1_000),
        Row("in_progress", 653_719 - 539_290 - 1_000),
        Row("postponed", stays // 2),
        Row("suspended", stays - stays // 2),
        Row("without_conditions", 861_529 - 653_719 - stays),  # NE: not published
    ]
    t = count(period, rows).cases
    t.check()
    assert (t.to_enforce, t.enforceable, t.resolved) == (861_529, 653_719, 539_290)
    assert percent(t.resolution_rate()) == Decimal("82.50")
    assert percent(t.enforceable_share()) == Decimal("75.88")
    assert t.stayed == stays
    assert share(t.stayed, t.to_enforce).percent == Decimal("1.41")
    # Under TT 01/2013 every stay would count with conditions: E = 653.719 + 12.135 =
    # 665.854 and 539.290 / 665.854 = 80,99...%, so the published 82,50% needs TT 06/2019.
    old = count(period, rows, regime_by_code("tt01_2013")).cases
    assert old.enforceable == 665_854
    rate = old.resolution_rate()
    assert rate is not None and rate.exact == Fraction(539_290, 665_854)
    assert rate.percent == Decimal("80.99")


def test_example_e_national_9_months_2023() -> None:
    """E — 24h.com.vn 2023-07: E 574.289, X 382.058 → 66,53%; money E 216.558 tỷ,
    X 70.278 tỷ → 32,45%."""
    period = StatisticalPeriod(2023, 9)
    money_x, money_e = parse_money("70.278 tỷ"), parse_money("216.558 tỷ")
    rows = [
        Row("completed", 382_058, money_x),
        Row("in_progress", 574_289 - 382_058, money_e - money_x),
    ]
    pair = count(period, rows)
    assert percent(pair.cases.resolution_rate()) == Decimal("66.53")
    assert percent(regime_for(period).rate(pair.money, "money")) == Decimal("32.45")


def test_example_f_national_2023_identities() -> None:
    """F — thads ThongTinChung 1355: C_old 299.096, N 636.950, U 12.004, R 501 →
    T 936.046, P 923.541 (the classification is not given: all in progress here)."""
    period = StatisticalPeriod(2023)
    rows = [
        Row("in_progress", 299_096, carried=True),
        Row("entrusted", 12_004),
        Row("withdrawn", 501),
        Row("in_progress", 636_950 - 12_004 - 501),
    ]
    t = count(period, rows).cases
    assert (t.carried_over, t.new, t.entrusted, t.withdrawn) == (299_096, 636_950, 12_004, 501)
    assert t.accepted == 936_046
    assert t.to_enforce == 923_541


def test_example_j_quang_ngai_2020_sums() -> None:
    """J — thads.moj.gov.vn/quangngai ItemID=70: C_old 2.548 (500.283.352 nghìn đồng),
    N 5.621 (588.190.067 nghìn đồng), X 5.024 → T 8.169; 1.088.473.419 nghìn đồng."""
    period = StatisticalPeriod(2020)
    new_money = parse_money("588.190.067 nghìn đồng")
    done_money = new_money * 5_024 // 5_621  # split of N's money not published
    rows = [
        Row("in_progress", 2_548, parse_money("500.283.352 nghìn đồng"), carried=True),
        Row("completed", 5_024, done_money),
        Row("in_progress", 5_621 - 5_024, new_money - done_money),
    ]
    pair = count(period, rows)
    assert pair.cases.accepted == 8_169
    assert pair.money.accepted == 1_088_473_419_000


def test_example_k_pleiku_9_months_2024() -> None:
    """K — baogialai.com.vn 297106: C_old 1.845, N 2.447, X 2.095 → total 4.292 (the
    83,57% comes without its E, so it is not rebuilt)."""
    period = StatisticalPeriod(2024, 9)
    rows = [
        Row("completed", 1_845, carried=True),
        Row("completed", 2_095 - 1_845),
        Row("in_progress", 2_447 - (2_095 - 1_845)),
    ]
    t = count(period, rows).cases
    assert (t.carried_over, t.new, t.resolved) == (1_845, 2_447, 2_095)
    assert t.accepted == 4_292


def test_example_l_quang_nam_2021() -> None:
    """L — thads.moj.gov.vn/quangnam itemid=78: E 7.850, X 6.627 → 84,42%."""
    period = StatisticalPeriod(2021)
    rows = [Row("completed", 6_627), Row("in_progress", 7_850 - 6_627)]
    assert percent(count(period, rows).cases.resolution_rate()) == Decimal("84.42")


# --- TT 05/2024 (from 26/07/2024) ------------------------------------------------------


G_ROWS = [
    # T 53.640 of which N 29.865, so 23.775 carried over (17.034 without conditions, the
    # other 6.741 in progress: that split is not published); U 368; R 6; E 34.110 of which
    # X 21.468; NE 17.034; the rest of P (53.266 − 34.110 − 17.034 = 2.122) is the
    # unexplained third bucket, held here as stays (hoãn on another ground than 48.1.c,
    # tạm đình chỉ).
    Row("without_conditions", 17_034, carried=True),
    Row("in_progress", 53_640 - 29_865 - 17_034, carried=True),
    Row("completed", 21_468),
    Row("in_progress", 34_110 - 21_468 - (53_640 - 29_865 - 17_034)),
    Row("postponed", 1_061),
    Row("suspended", 53_266 - 34_110 - 17_034 - 1_061),
    Row("entrusted", 368),
    Row("withdrawn", 6),
]


def test_example_g_dong_thap_9_months_2025() -> None:
    """G — demothads.moj.gov.vn/dongthap: T 53.640, N 29.865, U 368, R 6, E 34.110,
    NE 17.034 (excluding 12.458 on the separate register), X 21.468 → P 53.266;
    E 64,04%; NE 31,98%."""
    period = StatisticalPeriod(2025, 9)
    book = history(period, G_ROWS) + off_the_books(period, 12_458)
    every = (c for c, n in book for c in repeat(c, n))
    t = tally_periods(every, [period], key=lambda c: "all")[period]["all"].cases
    t.check()
    # the 12.458 cases moved to the separate register before the period are not counted
    assert (t.accepted, t.new) == (53_640, 29_865)
    assert t.to_enforce == 53_266
    assert (t.enforceable, t.without_conditions, t.resolved) == (34_110, 17_034, 21_468)
    assert percent(t.enforceable_share()) == Decimal("64.04")
    assert share(t.without_conditions, t.to_enforce).percent == Decimal("31.98")
    # not in the excerpt; by hand 21.468 / 34.110 = 62,937...% → 62,94
    assert percent(t.resolution_rate()) == Decimal("62.94")


@pytest.mark.parametrize(("code", "enforceable"), [("tt06_2019", 34_110), ("tt01_2013", 36_232)])
def test_example_g_under_each_regime(code: str, enforceable: int) -> None:
    """TT 05/2024 keeps the TT 06/2019 choice (the published E 34.110 under both); under
    TT 01/2013 the 2.122 stays would join E: 34.110 + 2.122 = 36.232."""
    t = count(StatisticalPeriod(2025, 9), G_ROWS, regime_by_code(code)).cases
    assert t.to_enforce == 53_266
    assert t.enforceable == enforceable
