"""Published figures (statistics-rules.md §9, worked examples A–L) reproduced from inputs.

Each expected value is a figure printed in the cited report (or, where said, a hand
calculation written beside it). Rows are built only from the figures the report gives
as inputs; a row the report does not publish is never filled from the figure that is
then asserted, and only what the source gives is asserted. The same examples are run
through the engine from case histories in ``test_published_engine.py``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from thads import Change, Quota, Rate, Tally, resolution_rate, share
from thads.errors import InconsistentTallyError
from thads.fmt import parse_money
from thads.values import change


def classified(to_enforce: int, enforceable: int, resolved: int, without: int) -> Tally:
    """The classification side of a report: P split into E (X + the rest) and NE.

    The intake of P (carried over / new, entrusted, withdrawn) is left out (all in
    ``new``): these tallies are used only for rows computed from P, E, NE and X. The
    "rest" of E (đang thi hành, hoãn 48.1.c...) is not published; it is E − X.
    """
    return Tally(
        new=to_enforce,
        completed=resolved,
        in_progress=enforceable - resolved,
        without_conditions=without,
    )


def test_example_a_national_9_months_2017() -> None:
    """A — thads.moj.gov.vn ChiDaoDieuHanh ItemID=3689 (1/10/2016–30/6/2017).

    Inputs: C_old 290.524; N 446.223; P 728.227; E 579.413; NE 148.814; X 369.372.
    Published: T 736.747; 63,75%; E share 79,56%; K 358.855; KE 210.041 (+45,00%
    against 144.857).
    """
    assert Tally(carried_over=290_524, new=446_223).accepted == 736_747
    # TT 01/2013: P = E + NE exactly (check() raises if 579.413 + 148.814 != 728.227)
    t = classified(728_227, 579_413, 369_372, 148_814).check()
    rate = t.resolution_rate()
    assert rate is not None and rate.exact == Fraction(369_372, 579_413)
    assert rate.percent == Decimal("63.75")
    enforceable_share = t.enforceable_share()
    assert enforceable_share is not None and enforceable_share.percent == Decimal("79.56")
    assert share(148_814, 728_227).percent == Decimal("20.44")
    assert t.carried_forward == 358_855  # K = P − X
    assert change(210_041, 144_857).percent == Decimal("45.00")


def test_example_b_national_7_months_2017() -> None:
    """B — thads.moj.gov.vn ChiDaoDieuHanh ItemID=3683.

    Inputs: C_old 290.524; N 341.063; P 625.425; E 482.175; NE 143.250; X 267.165.
    Published: T 631.587; 55,41%; 77,10% / 22,90%; K 358.260; KE 215.010 (+48,43%).
    """
    assert Tally(carried_over=290_524, new=341_063).accepted == 631_587
    t = classified(625_425, 482_175, 267_165, 143_250).check()
    rate = t.resolution_rate()
    assert rate is not None and rate.percent == Decimal("55.41")
    enforceable_share = t.enforceable_share()
    assert enforceable_share is not None and enforceable_share.percent == Decimal("77.10")
    assert share(143_250, 625_425).percent == Decimal("22.90")
    assert t.carried_forward == 358_260
    # The report's +48,43% is against the same base as example A (144.857).
    assert change(215_010, 144_857).percent == Decimal("48.43")


def test_example_c_national_2020_and_its_money_mismatch() -> None:
    """C — vietnamnet 701522 / 693076: 81,41% by cases, 1,41 points over the quota.

    The 80% quota is itself derived in the reference from "cao hơn 1,41%" (§7.2), so the
    attainment check only shows that points are taken from the rounded rate.
    """
    rate = resolution_rate(resolved=576_933, enforceable=708_674)
    assert rate.percent == Decimal("81.41")
    attained = Quota(2020, "80", "38").attainment(cases=rate)
    assert attained.cases is not None
    assert attained.cases.value == Decimal("1.41")
    # Money: the published 40,09% does not follow from the published amounts (§3.2):
    # 53.750,695 / 132.905,418 tỷ = 40,443...% → 40,44.
    money = resolution_rate(
        resolved=parse_money("53.750,695 tỷ"), enforceable=parse_money("132.905,418 tỷ")
    )
    assert money.percent == Decimal("40.44")
    assert money.percent != Decimal("40.09")


def test_example_d_national_2022() -> None:
    """D — vneconomy 2022-11, danchuphapluat: 82,50%; 75,88% with conditions; 1,41% stayed.

    NE is not published, so no tally is built: P − E = 207.810 holds NE and the stays.
    """
    assert resolution_rate(resolved=539_290, enforceable=653_719).percent == Decimal("82.50")
    assert share(653_719, 861_529).percent == Decimal("75.88")
    assert share(12_135, 861_529).percent == Decimal("1.41")


def test_example_e_national_9_months_2023() -> None:
    """E — 24h.com.vn 2023-07: 66,53% by cases, 32,45% by money (tỷ đồng)."""
    assert resolution_rate(resolved=382_058, enforceable=574_289).percent == Decimal("66.53")
    money = resolution_rate(
        resolved=parse_money("70.278 tỷ"), enforceable=parse_money("216.558 tỷ")
    )
    assert money.percent == Decimal("32.45")


def test_example_f_national_2023_identities() -> None:
    """F — thads ThongTinChung 1355: accepted 936.046, to enforce 923.541.

    The 83,24% of that report comes without its E and X here, so it is not asserted.
    """
    t = Tally(carried_over=299_096, new=636_950, entrusted=12_004, withdrawn=501)
    assert t.accepted == 936_046
    assert t.to_enforce == 923_541


def test_example_g_dong_thap_9_months_2025() -> None:
    """G — demothads.moj.gov.vn/dongthap: T 53.640, N 29.865, U 368, R 6 → P 53.266.

    E 34.110 (64,04%), NE 17.034 (31,98%). The third bucket is not published.
    """
    # C_old is not printed; it is T − N (an input, not the figure asserted below).
    intake = Tally(carried_over=53_640 - 29_865, new=29_865, entrusted=368, withdrawn=6)
    assert intake.to_enforce == 53_266
    assert share(34_110, intake.to_enforce).percent == Decimal("64.04")
    assert share(17_034, intake.to_enforce).percent == Decimal("31.98")
    # From 2020 on, E + NE = P does not hold (§2.3): a tally with only E and NE fails.
    with pytest.raises(InconsistentTallyError, match="to_enforce = enforceable"):
        classified(53_266, 34_110, 21_468, 17_034).check()
    # Not published in the excerpt; by hand 21.468 / 34.110 = 62,937...% → 62,94.
    assert resolution_rate(resolved=21_468, enforceable=34_110).percent == Decimal("62.94")


def test_example_h_province_6_months_2019_progress() -> None:
    """H — plo.vn 841262: T 79.177 (−2.676), U 580, rút lên 4, E 54.681, NE 23.912,
    X 26.515. Published: 48,49%; "vượt tiến độ 11,99%" (73% × 6/12); −3,27%."""
    t = Tally(
        new=79_177,  # only the total accepted is published
        entrusted=580,
        withdrawn=4,  # rút lên
        completed=26_515,
        in_progress=54_681 - 26_515,
        without_conditions=23_912,
    ).check()  # TT 01/2013: T − U − R = E + NE (79.177 − 584 = 78.593 = 54.681 + 23.912)
    rate = t.resolution_rate()
    assert rate is not None
    assert rate.percent == Decimal("48.49")
    # 73% for 2019 is implied by the pro-rata figure (§7.2); 48,49 − 36,50 = 11,99
    assert Quota(2019, "73", "32").progress(rate, 6).value == Decimal("11.99")
    # the same period last year had 79.177 + 2.676 = 81.853 accepted
    assert change(79_177, 81_853).percent == Decimal("-3.27")


def test_example_i_nam_dinh_2017() -> None:
    """I — baonamdinh.vn 201801: 90,7% (+17,7) and 62,91% (+30,91).

    The 73% / 32% quota is derived in the reference from those gaps (§7.2).
    """
    cases = resolution_rate(resolved=4_918, enforceable=5_422)
    money = resolution_rate(
        resolved=parse_money("102.990.477 nghìn đồng"),
        enforceable=parse_money("163.702.787 nghìn đồng"),
    )
    assert cases.percent == Decimal("90.70")
    assert money.percent == Decimal("62.91")
    attained = Quota(2017, "73", "32").attainment(cases=cases, money=money)
    assert attained.cases is not None and attained.money is not None
    assert attained.cases.value == Decimal("17.70")
    assert attained.money.value == Decimal("30.91")


def test_example_j_quang_ngai_2020_sums() -> None:
    """J — thads.moj.gov.vn/quangngai ItemID=70: 8.169 cases; 1.088.473.419 nghìn đồng."""
    cases = Tally(carried_over=2_548, new=5_621)
    money = Tally(
        carried_over=parse_money("500.283.352 nghìn đồng"),
        new=parse_money("588.190.067 nghìn đồng"),
    )
    assert cases.accepted == 8_169
    assert money.accepted == 1_088_473_419_000  # 1.088.473.419 nghìn đồng


def test_example_k_pleiku_9_months_2024() -> None:
    """K — baogialai.com.vn 297106: 4.292 cases; 83,57% is +0,32 over the 83,25% quota."""
    assert Tally(carried_over=1_845, new=2_447).accepted == 4_292
    rate = Rate(8_357, 10_000)  # the published 83,57%; its E is not given
    attained = Quota(2024, "83.25", "46.45").attainment(cases=rate)
    assert attained.cases is not None
    assert attained.cases.value == Decimal("0.32")


def test_example_l_quang_nam_2021() -> None:
    """L — thads.moj.gov.vn/quangnam itemid=78: 84,42%."""
    assert resolution_rate(resolved=6_627, enforceable=7_850).percent == Decimal("84.42")


@pytest.mark.parametrize(
    ("resolved", "enforceable", "published"),
    [
        (1_190, 1_432, "83.10"),  # Bảo Lộc 2021 (§3.1)
        (267_165, 482_175, "55.41"),  # national 7m/2017 (§3.1)
        (26_515, 54_681, "48.49"),  # plo 2019 (§3.1)
    ],
)
def test_more_verified_rates(resolved: int, enforceable: int, published: str) -> None:
    assert resolution_rate(resolved=resolved, enforceable=enforceable).percent == Decimal(published)


def test_soc_trang_2023() -> None:
    """Sóc Trăng 2023 (project brief): 10.289 / 12.411 = 82,90%; quota 82,80 / 45,80."""
    cases = resolution_rate(resolved=10_289, enforceable=12_411)
    assert cases.percent == Decimal("82.90")
    money = Rate(5_124, 10_000)  # the published 51,24%
    attained = Quota(2023, Decimal("82.80"), Decimal("45.80")).attainment(cases=cases, money=money)
    assert attained.cases is not None and attained.money is not None
    assert attained.cases.value == Decimal("0.10")  # 82,90 − 82,80
    assert attained.money.value == Decimal("5.44")  # 51,24 − 45,80


def test_points_between_rounded_rates_2024() -> None:
    """§3.3 / §7.3: 2024 83,86% / 51,46% (preliminary) against 2023's 83,24% and the
    quota 83,25% / 46,45%: +0,62 year on year; +0,61 and +5,01 over the quota."""
    now, before = Rate(8_386, 10_000), Rate(8_324, 10_000)
    money = Rate(5_146, 10_000)
    assert now.points_over(before).value == Decimal("0.62")
    attained = Quota(2024, "83.25", "46.45").attainment(cases=now, money=money)
    assert attained.cases is not None and attained.money is not None
    assert attained.cases.value == Decimal("0.61")
    assert attained.money.value == Decimal("5.01")


def test_points_are_taken_between_rounded_rates() -> None:
    # §3.4: gaps are taken between the rounded rates. 1/3 = 33,333...% → 33,33 and
    # 1/6 = 16,666...% → 16,67: rounded 33,33 − 16,67 = 16,66, where the exact gap
    # 16,666...% would round to 16,67.
    assert Rate(1, 3).points_over(Rate(1, 6)).value == Decimal("16.66")


def test_change_percent_by_hand() -> None:
    c = Change(current=10_400, previous=8_100)
    assert c.delta == 2_300
    assert c.percent == Decimal("28.40")  # 2300 / 8100 = 28,395...% rounds up
