"""Published figures (statistics-rules.md §9, worked examples A–L) reproduced from inputs.

Each expected value is the figure printed in the cited report; the inputs are the
figures that report gives. Where a split is not published (e.g. entrusted vs withdrawn)
the test says which row holds the total.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from thads import Change, Quota, Rate, Tally, change, resolution_rate, share
from thads.fmt import parse_money


def test_example_a_national_9_months_2017() -> None:
    """A — thads.moj.gov.vn ChiDaoDieuHanh ItemID=3689 (1/10/2016–30/6/2017)."""
    enforceable, resolved = 579_413, 369_372
    t = Tally(
        carried_over=290_524,
        new=446_223,
        entrusted=736_747 - 728_227,  # entrusted + withdrawn together; the split is not published
        completed=resolved,
        in_progress=enforceable - resolved,
        without_conditions=148_814,
    ).check()
    assert t.accepted == 736_747
    assert t.to_enforce == 728_227
    assert t.enforceable == enforceable
    assert t.resolution_rate() == Rate(369_372, 579_413)
    assert resolution_rate(resolved=t.resolved, enforceable=t.enforceable).percent == Decimal(
        "63.75"
    )
    assert share(t.enforceable, t.to_enforce).percent == Decimal("79.56")
    enforceable_share = t.enforceable_share()
    assert enforceable_share is not None and enforceable_share.percent == Decimal("79.56")
    assert share(t.without_conditions, t.to_enforce).percent == Decimal("20.44")
    assert t.carried_forward == 358_855
    assert t.enforceable_carried_forward == 210_041
    assert change(t.enforceable_carried_forward, 144_857).percent == Decimal("45.00")


def test_example_b_national_7_months_2017() -> None:
    """B — thads.moj.gov.vn ChiDaoDieuHanh ItemID=3683."""
    t = Tally(
        carried_over=290_524,
        new=341_063,
        entrusted=631_587 - 625_425,
        completed=267_165,
        in_progress=482_175 - 267_165,
        without_conditions=143_250,
    ).check()
    assert t.accepted == 631_587
    assert t.to_enforce == 625_425
    rate = t.resolution_rate()
    assert rate is not None
    assert rate.percent == Decimal("55.41")
    assert share(482_175, 625_425).percent == Decimal("77.10")
    assert share(143_250, 625_425).percent == Decimal("22.90")
    assert t.carried_forward == 358_260
    assert t.enforceable_carried_forward == 215_010
    # The report's +48,43% is against the same base as example A (144.857).
    assert change(215_010, 144_857).percent == Decimal("48.43")


def test_example_c_national_2020_and_its_money_mismatch() -> None:
    """C — vietnamnet 701522 / 693076: 81,41% by cases, 1,41 points over an 80% quota."""
    rate = resolution_rate(resolved=576_933, enforceable=708_674)
    assert rate.percent == Decimal("81.41")
    attained = Quota(2020, "80", "38").attainment(cases=rate)
    assert attained.cases is not None
    assert attained.cases.value == Decimal("1.41")
    # Money: the published 40,09% does not follow from the published amounts (§3.2).
    money = resolution_rate(resolved=53_750_695, enforceable=132_905_418)  # million đồng
    assert money.percent == Decimal("40.44")
    assert money.percent != Decimal("40.09")


def test_example_d_national_2022() -> None:
    """D — vneconomy 2022-11, danchuphapluat: 82,50%; 75,88% with conditions; 1,41% stayed."""
    assert resolution_rate(resolved=539_290, enforceable=653_719).percent == Decimal("82.50")
    assert share(653_719, 861_529).percent == Decimal("75.88")
    assert share(12_135, 861_529).percent == Decimal("1.41")


def test_example_e_national_9_months_2023() -> None:
    """E — 24h.com.vn 2023-07: 66,53% by cases, 32,45% by money (billion đồng)."""
    assert resolution_rate(resolved=382_058, enforceable=574_289).percent == Decimal("66.53")
    assert resolution_rate(resolved=70_278, enforceable=216_558).percent == Decimal("32.45")


def test_example_f_national_2023_identities() -> None:
    """F — thads ThongTinChung 1355: accepted 936.046, to enforce 923.541."""
    t = Tally(carried_over=299_096, new=636_950, entrusted=12_004, withdrawn=501)
    assert t.accepted == 936_046
    assert t.to_enforce == 923_541


def test_example_g_dong_thap_9_months_2025() -> None:
    """G — demothads.moj.gov.vn/dongthap: the third bucket (2.122 cases) as ``stayed``."""
    accepted, new = 53_640, 29_865
    enforceable, resolved = 34_110, 21_468
    t = Tally(
        carried_over=accepted - new,
        new=new,
        entrusted=368,
        withdrawn=6,
        completed=resolved,
        in_progress=enforceable - resolved,
        stayed=53_266 - 34_110 - 17_034,
        without_conditions=17_034,
    ).check()
    assert t.to_enforce == 53_266
    assert t.stayed == 2_122
    assert share(t.enforceable, t.to_enforce).percent == Decimal("64.04")
    assert share(t.without_conditions, t.to_enforce).percent == Decimal("31.98")
    rate = t.resolution_rate()
    assert rate is not None
    assert rate.percent == Decimal("62.94")  # not in the excerpt; computed in the reference


def test_example_h_province_6_months_2019_progress() -> None:
    """H — plo.vn 841262: 48,49%; "vượt tiến độ 11,99%" against 73% × 6/12; −3,27%."""
    t = Tally(
        new=79_177,  # only the total accepted is published
        entrusted=580,
        withdrawn=4,  # rút lên
        completed=26_515,
        in_progress=54_681 - 26_515,
        without_conditions=23_912,
    ).check()
    assert t.to_enforce == 78_593 == 54_681 + 23_912
    rate = t.resolution_rate()
    assert rate is not None
    assert rate.percent == Decimal("48.49")
    assert Quota(2019, "73", "32").progress(rate, 6).value == Decimal("11.99")
    assert change(79_177, 79_177 + 2_676).percent == Decimal("-3.27")


def test_example_i_nam_dinh_2017() -> None:
    """I — baonamdinh.vn 201801: 90,7% (+17,7) and 62,91% (+30,91) over 73% / 32%."""
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
    assert money.accepted == parse_money("1.088.473.419 nghìn đồng") == 1_088_473_419_000


def test_example_k_pleiku_9_months_2024() -> None:
    """K — baogialai.com.vn 297106: 4.292 cases; 83,57% is +0,32 over the 83,25% quota."""
    assert Tally(carried_over=1_845, new=2_447).accepted == 4_292
    rate = Rate(8_357, 10_000)  # the published rate; its numerator/denominator are not given
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
        (539_290, 653_719, "82.50"),  # national 2022
        (576_933, 708_674, "81.41"),  # national 2020
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
    assert attained.cases.value == Decimal("0.10")
    assert attained.money.value == Decimal("5.44")


def test_points_between_rounded_rates_2024() -> None:
    """§3.3/§7.3: 2024 83,86% vs 83,24% (2023) = +0,62; vs quota 83,25 = +0,61."""
    now, before = Rate(8_386, 10_000), Rate(8_324, 10_000)
    assert (now - before).value == Decimal("0.62")
    assert Quota(2024, "83.25", "46.45").attainment(cases=now).cases == (now - Rate(8_325, 10_000))


def test_change_percent_by_hand() -> None:
    c = Change(current=10_400, previous=8_100)
    assert c.delta == 2_300
    assert c.percent == Decimal("28.40")  # 2300 / 8100 = 28,395...% rounds up
