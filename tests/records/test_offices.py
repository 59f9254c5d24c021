"""The dated office tree: succession, the built-in 63 → 34 provinces, reports drawn on a
tree, quotas by successor, rankings, the office file's new columns.

Expected figures are worked by hand in the comments, or taken from the reference
(organisation-2025.md: Resolution 202/2025/QH15).
"""

from __future__ import annotations

import warnings
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import M, case, ev
from strategies import case_sets
from thads import InvalidRecordError, Quota, StatisticalPeriod, read_offices, report
from thads.count import TallyPair
from thads.records import (
    NATIONAL_CODE,
    Office,
    OfficeLevel,
    OfficeTree,
    ancestor_chain,
    not_in_force,
    province_tree,
    provinces,
    redraw,
)

OLD_END = date(2025, 6, 30)
NEW_START = date(2025, 7, 1)
D, A, P, X = OfficeLevel.DISTRICT, OfficeLevel.AREA, OfficeLevel.PROVINCE, OfficeLevel.EXECUTOR

# A province P whose Chi cục A and B become Phòng khu vực Y on 1/7/2025; executor A-1
# has no dates (a person) and stays, under whatever succeeds A.
SMALL = OfficeTree.of(
    [
        Office("P", "Tỉnh P", P),
        Office("A", "Chi cục A", D, "P", end=OLD_END, successor="Y"),
        Office("B", "Chi cục B", D, "P", end=OLD_END, successor="Y"),
        Office("Y", "Phòng THADS khu vực Y", A, "P", start=NEW_START),
        Office("A-1", "CHV A1", X, "A"),
    ]
)


# --- the tree -------------------------------------------------------------------------


def test_existing_behaviour_of_an_undated_tree() -> None:
    tree = OfficeTree.of(
        [Office("P", "Tỉnh P", P), Office("A", "Chi cục A", D, "P"), Office("A-1", "CHV", X, "A")]
    )
    assert "A" in tree and "Z" not in tree
    assert tree.get("A") == Office("A", "Chi cục A", D, "P")
    assert tree.ancestors("A-1") == ["A", "P"]
    assert tree.at_level("A-1", P) == "P"
    assert not tree.dated
    # an undated office is in force on any day and is its own successor
    assert tree.successor("A", on=date(2030, 1, 1)) == "A"


def test_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        SMALL.offices["Z"] = Office("Z", "Z", P)  # type: ignore[index]


def test_one_chain_of_ancestors_dated_or_not() -> None:
    # recorded: A-1 → A → P; on 1/7/2025 A is succeeded by Y, so A-1 → Y → P
    assert SMALL.ancestors("A-1") == ["A", "P"]
    assert SMALL.ancestors("A-1", on=OLD_END) == ["A", "P"]
    assert SMALL.ancestors("A-1", on=NEW_START) == ["Y", "P"]
    assert SMALL.ancestors("P") == []
    # the same walk over any parent links (a report's implied links, for instance)
    links = {"e": "o", "o": "VN"}
    assert ancestor_chain("e", links.get) == ["o", "VN"]


def test_a_loop_of_parents_is_an_error_not_a_hang() -> None:
    links = {"a": "b", "b": "c", "c": "a"}
    with pytest.raises(InvalidRecordError, match="loop: b → c → a"):
        ancestor_chain("a", links.get)


def test_duplicate_code_is_an_error() -> None:
    with pytest.raises(InvalidRecordError, match=r"office P.*more than once"):
        OfficeTree.of([Office("P", "a", P), Office("P", "b", P)])


def test_tree_on_a_day_and_successors() -> None:
    before, after = SMALL.on(OLD_END), SMALL.on(NEW_START)
    assert sorted(o.code for o in before) == ["A", "A-1", "B", "P"]
    assert sorted(o.code for o in after) == ["A-1", "P", "Y"]
    # the executor moves under the successor of its Chi cục
    assert after.get("A-1") is not None and after.get("A-1").parent == "Y"  # type: ignore[union-attr]
    assert before.get("A-1").parent == "A"  # type: ignore[union-attr]
    assert SMALL.successor("A", on=OLD_END) == "A"
    assert SMALL.successor("A", on=NEW_START) == "Y"
    assert SMALL.successor("B", on=date(2026, 9, 30)) == "Y"


def test_chain_of_successors_is_followed() -> None:
    tree = OfficeTree.of(
        [
            Office("P", "P", P),
            Office("A", "A", D, "P", end=date(2020, 12, 31), successor="B"),
            Office("B", "B", D, "P", start=date(2021, 1, 1), end=OLD_END, successor="C"),
            Office("C", "C", D, "P", start=NEW_START),
        ]
    )
    assert tree.successor("A", on=date(2021, 6, 1)) == "B"
    assert tree.successor("A", on=NEW_START) == "C"


def test_office_not_yet_in_force_has_no_stand_in() -> None:
    with pytest.raises(InvalidRecordError, match=r"office Y.*starts on 2025-07-01"):
        SMALL.successor("Y", on=date(2024, 9, 30))


def test_ended_office_without_successor_parent_or_error() -> None:
    offices = [
        Office("P", "P", P),
        Office("A", "A", D, "P", end=OLD_END),  # abolished, successor not given
    ]
    assert OfficeTree.of(offices).successor("A", on=NEW_START) == "P"  # documented default
    strict = OfficeTree.of(offices, without_successor="error")
    with pytest.raises(InvalidRecordError, match=r"office A.*without a successor"):
        strict.successor("A", on=NEW_START)


def test_successor_must_be_in_force_the_day_after() -> None:
    with pytest.raises(InvalidRecordError, match=r"office A.*not in force on 2025-07-01"):
        OfficeTree.of(
            [
                Office("A", "A", P, end=OLD_END, successor="B"),
                Office("B", "B", P, start=date(2025, 8, 1)),
            ]
        )


def test_successor_needs_an_end() -> None:
    with pytest.raises(InvalidRecordError, match=r"office A.*'end'"):
        Office("A", "A", P, successor="B")


def test_levels_military_and_private() -> None:
    assert OfficeLevel.parse("area") is OfficeLevel.DISTRICT
    tree = OfficeTree.of(
        [
            Office("P", "P", P),
            Office("V1", "Văn phòng THADS 1", OfficeLevel.PRIVATE, "P"),
            Office("V1-1", "Thừa hành viên", X, "V1"),
            Office("QK1", "Phòng THA quân khu 1", OfficeLevel.MILITARY),
        ]
    )
    assert tree.at_level("V1-1", P) == "P"
    with pytest.raises(InvalidRecordError, match="use one of"):
        OfficeLevel.parse("county")
    with pytest.raises(InvalidRecordError, match="not above"):
        OfficeTree.of([Office("V", "V", OfficeLevel.PRIVATE), Office("P", "P", P, "V")])


# --- the built-in provinces -------------------------------------------------------------


def test_built_in_tree_63_then_34() -> None:
    # organisation-2025.md: 63 Cục THADS until 30/06/2025; 34 from 01/07/2025
    assert len(provinces(on=date(2025, 6, 30))) == 63
    assert len(provinces(on=date(2025, 7, 1))) == 34
    assert len(provinces(on=date(2020, 1, 1))) == 63
    assert len(provinces(on=date(2026, 11, 28))) == 34
    assert all(o.level is OfficeLevel.PROVINCE for o in provinces(on=date(2025, 7, 1)))


def test_every_old_province_has_exactly_one_successor() -> None:
    tree = province_tree()
    new_codes = {o.code for o in provinces(on=NEW_START)}
    old = provinces(on=OLD_END)
    predecessors: dict[str, int] = {}
    for office in old:
        assert office.successor in new_codes  # one successor (a single code), a new province
        assert office.end == OLD_END
        assert tree.successor(office.code, on=NEW_START) == office.successor
        predecessors[office.successor] = predecessors.get(office.successor, 0) + 1
    # reference: 11 unchanged (1 predecessor), 17 of two, 6 of three: 11 + 34 + 18 = 63
    assert sorted(predecessors.values()).count(1) == 11
    assert sorted(predecessors.values()).count(2) == 17
    assert sorted(predecessors.values()).count(3) == 6
    assert len(predecessors) == 34


# Resolution 202/2025/QH15 (organisation-2025.md), written out here by hand: each of the
# 63 old provinces (until 30/06/2025) and the province it is part of from 01/07/2025.
SUCCESSOR_2025 = {
    # the 11 unchanged provinces
    "Hà Nội": "Hà Nội",
    "Huế": "Huế",
    "Lai Châu": "Lai Châu",
    "Điện Biên": "Điện Biên",
    "Sơn La": "Sơn La",
    "Lạng Sơn": "Lạng Sơn",
    "Quảng Ninh": "Quảng Ninh",
    "Thanh Hóa": "Thanh Hóa",
    "Nghệ An": "Nghệ An",
    "Hà Tĩnh": "Hà Tĩnh",
    "Cao Bằng": "Cao Bằng",
    # the 23 merged units
    "Tuyên Quang": "Tuyên Quang",
    "Hà Giang": "Tuyên Quang",
    "Lào Cai": "Lào Cai",
    "Yên Bái": "Lào Cai",
    "Thái Nguyên": "Thái Nguyên",
    "Bắc Kạn": "Thái Nguyên",
    "Phú Thọ": "Phú Thọ",
    "Vĩnh Phúc": "Phú Thọ",
    "Hòa Bình": "Phú Thọ",
    "Bắc Ninh": "Bắc Ninh",
    "Bắc Giang": "Bắc Ninh",
    "Hưng Yên": "Hưng Yên",
    "Thái Bình": "Hưng Yên",
    "Hải Phòng": "Hải Phòng",
    "Hải Dương": "Hải Phòng",
    "Ninh Bình": "Ninh Bình",
    "Hà Nam": "Ninh Bình",
    "Nam Định": "Ninh Bình",
    "Quảng Trị": "Quảng Trị",
    "Quảng Bình": "Quảng Trị",
    "Đà Nẵng": "Đà Nẵng",
    "Quảng Nam": "Đà Nẵng",
    "Quảng Ngãi": "Quảng Ngãi",
    "Kon Tum": "Quảng Ngãi",
    "Gia Lai": "Gia Lai",
    "Bình Định": "Gia Lai",
    "Khánh Hòa": "Khánh Hòa",
    "Ninh Thuận": "Khánh Hòa",
    "Lâm Đồng": "Lâm Đồng",
    "Đắk Nông": "Lâm Đồng",
    "Bình Thuận": "Lâm Đồng",
    "Đắk Lắk": "Đắk Lắk",
    "Phú Yên": "Đắk Lắk",
    "Hồ Chí Minh": "Hồ Chí Minh",
    "Bình Dương": "Hồ Chí Minh",
    "Bà Rịa – Vũng Tàu": "Hồ Chí Minh",
    "Đồng Nai": "Đồng Nai",
    "Bình Phước": "Đồng Nai",
    "Tây Ninh": "Tây Ninh",
    "Long An": "Tây Ninh",
    "Cần Thơ": "Cần Thơ",
    "Sóc Trăng": "Cần Thơ",
    "Hậu Giang": "Cần Thơ",
    "Vĩnh Long": "Vĩnh Long",
    "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long",
    "Đồng Tháp": "Đồng Tháp",
    "Tiền Giang": "Đồng Tháp",
    "Cà Mau": "Cà Mau",
    "Bạc Liêu": "Cà Mau",
    "An Giang": "An Giang",
    "Kiên Giang": "An Giang",
}


def test_every_old_province_goes_to_the_province_the_resolution_names() -> None:
    assert len(SUCCESSOR_2025) == 63 and len(set(SUCCESSOR_2025.values())) == 34
    tree = province_tree()
    old = {o.name.removeprefix("Cục THADS "): o for o in provinces(on=OLD_END)}
    new = {o.code: o.name.removeprefix("THADS ") for o in provinces(on=NEW_START)}
    assert sorted(old) == sorted(SUCCESSOR_2025)
    assert sorted(new.values()) == sorted(set(SUCCESSOR_2025.values()))
    for name, office in old.items():
        assert office.name == f"Cục THADS {name}"  # the old office, by its full name
        got = new[tree.successor(office.code, on=NEW_START)]
        assert got == SUCCESSOR_2025[name], name
        assert new[tree.successor(office.code, on=date(2026, 9, 30))] == SUCCESSOR_2025[name]
    # redraw sums each old province into the new one: give old province k the figure
    # 2**k, so that every new province's sum names exactly its own predecessors
    weight = {name: 2**k for k, name in enumerate(SUCCESSOR_2025)}
    figures = {old[name].code: w for name, w in weight.items()}
    expected: dict[str, int] = {}
    for name, w in weight.items():
        expected[SUCCESSOR_2025[name]] = expected.get(SUCCESSOR_2025[name], 0) + w
    drawn = redraw(figures, tree, NEW_START)
    assert {new[code]: value for code, value in drawn.items()} == expected
    # Kon Tum and Bình Định are the example of the issue: each to its own successor
    assert expected["Quảng Ngãi"] == weight["Quảng Ngãi"] + weight["Kon Tum"]
    assert expected["Gia Lai"] == weight["Gia Lai"] + weight["Bình Định"]


def test_soc_trang_is_part_of_can_tho() -> None:
    tree = province_tree()
    assert tree.successor("cuc-soc-trang", on=date(2026, 9, 30)) == "thads-can-tho"
    assert tree.successor("cuc-ba-ria-vung-tau", on=NEW_START) == "thads-ho-chi-minh"
    assert tree.successor("cuc-ha-noi", on=NEW_START) == "thads-ha-noi"  # renamed only
    assert tree.successor("cuc-soc-trang", on=OLD_END) == "cuc-soc-trang"


# --- reports drawn on a tree ----------------------------------------------------------


def test_case_from_chi_cuc_counted_once_under_successor_in_each_period() -> None:
    # accepted at Chi cục A on 1/3/2024, enforceable, completed 15/8/2025 (after 1/7/2025)
    c = case(
        "c1",
        date(2024, 3, 1),
        10 * M,
        (ev(date(2024, 3, 10), "enforceable"), ev(date(2025, 8, 15), "completed")),
        office="A",
        executor="A-1",
    )
    # year 2025 (1/10/2024–30/9/2025), drawn on 30/9/2025: under Y, carried over, completed
    r = report([c], StatisticalPeriod(2025), offices=SMALL).check()
    assert r.drawn_on == date(2025, 9, 30)
    assert [row.code for row in r.rows] == ["VN", "P", "Y"]
    y = r.row("Y")
    assert (y.current.cases.carried_over, y.current.cases.completed) == (1, 0 + 1)
    assert r.total.current.cases.accepted == 1  # once
    # the same period last year (2024) on the same tree: new at A, so new under Y, running
    assert y.previous is not None
    assert (y.previous.cases.new, y.previous.cases.in_progress) == (1, 1)
    assert r.total.previous is not None and r.total.previous.cases.accepted == 1
    # 9 months of 2025 (to 30/6/2025): drawn on the old tree, still under A, in progress
    r9 = report([c], StatisticalPeriod(2025, 9), offices=SMALL)
    assert [row.code for row in r9.rows] == ["VN", "P", "A"]
    assert r9.row("A").current.cases.in_progress == 1
    assert r9.total.current.cases.accepted == 1
    # by executor: A-1 is under Y after the change
    re = report([c], StatisticalPeriod(2025), by="executor", offices=SMALL)
    assert [row.code for row in re.rows] == ["VN", "P", "Y", "A-1"]


def _done(i: str, office: str, done: bool) -> object:
    events = (ev(date(2024, 12, 1), "enforceable"),)
    if done:
        events += (ev(date(2025, 3, 1), "completed"),)
    return case(i, date(2024, 11, 1), 10 * M, events, office=office, executor=f"{office}-1")


def _merger_cases() -> list:  # type: ignore[type-arg]
    # 9 months of 2025 (1/10/2024–30/6/2025), before the merger into Cần Thơ:
    # Cần Thơ 3 of 4 resolved (75%), Sóc Trăng 1 of 2 (50%), Hậu Giang 10 of 10 (100%)
    plan = {"cuc-can-tho": (3, 4), "cuc-soc-trang": (1, 2), "cuc-hau-giang": (10, 10)}
    out = []
    for office, (done, total) in plan.items():
        out += [_done(f"{office}-{k}", office, k < done) for k in range(total)]
    # one new case in 2026 at the new province
    out.append(case("n1", date(2026, 1, 5), 10 * M, office="thads-can-tho"))
    return out


def test_merged_province_same_period_is_the_sum_of_its_predecessors() -> None:
    tree = province_tree()
    cases = _merger_cases()
    r25 = report(cases, StatisticalPeriod(2025, 9), offices=tree).check()
    assert r25.drawn_on == OLD_END
    r26 = report(cases, StatisticalPeriod(2026, 9), offices=tree).check()
    assert r26.drawn_on == date(2026, 6, 30)
    row = r26.row("thads-can-tho")
    olds = ["cuc-can-tho", "cuc-soc-trang", "cuc-hau-giang"]
    summed = TallyPair()
    for code in olds:
        summed = summed + r25.row(code).current
    assert row.previous == summed
    # recomputed: (3 + 1 + 10) / (4 + 2 + 10) = 14 / 16 = 87.50 %
    assert row.previous_rate("cases") is not None
    assert row.previous_rate("cases").exact == Fraction(14, 16)
    assert row.previous_rate("cases").percent == Decimal("87.50")
    # not the mean of the three rates: (75 + 50 + 100) / 3 = 75.00 %
    rates = [r25.row(code).rate("cases") for code in olds]
    mean = sum(r.exact_percent for r in rates if r is not None) / 3
    assert mean == 75 and row.previous_rate("cases").exact_percent != mean
    # the old codes do not appear in the 2026 report
    assert not any(r.code.startswith("cuc-") for r in r26.rows)


def test_report_before_the_change_is_unchanged_on_the_old_tree() -> None:
    cases = _merger_cases()[:-1]
    dated = report(cases, StatisticalPeriod(2025, 9), offices=province_tree())
    plain = report(
        cases,
        StatisticalPeriod(2025, 9),
        offices=[Office(o.code, o.name, o.level) for o in provinces(on=OLD_END)],
    )
    assert [(r.code, r.current) for r in dated.rows] == [(r.code, r.current) for r in plain.rows]


def test_quota_follows_the_new_province_not_its_predecessor() -> None:
    tree = province_tree()
    cases = _merger_cases()
    quotas = [
        Quota(2026, "80", "40", office="thads-can-tho"),
        Quota(2026, "99", "99", office="cuc-soc-trang"),  # a predecessor's: not reused
    ]
    with pytest.warns(UserWarning, match="cuc-soc-trang not applied"):
        r = report(cases, StatisticalPeriod(2026, 9), offices=tree, quotas=quotas)
    assert r.row("thads-can-tho").quota == quotas[0]
    # and with only the predecessor's quota, the new province has none
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = report(cases, StatisticalPeriod(2026, 9), offices=tree, quotas=quotas[1:])
    assert r.row("thads-can-tho").quota is None


def test_redraw_sums_merged_offices() -> None:
    figures = {"A": 2, "B": 3, "P": 1, "elsewhere": 7}
    assert redraw(figures, SMALL, NEW_START) == {"Y": 5, "P": 1, "elsewhere": 7}
    assert redraw(figures, SMALL, OLD_END) == figures


def test_not_in_force_names_each_ended_or_future_office_once() -> None:
    # SMALL: Chi cục A and B end 30/06/2025; Phòng Y starts 01/07/2025; P and A-1 are
    # undated. Unknown codes and None are not in the tree: not listed.
    codes = ["A", "Y", None, "P", "A", "unknown", "B", "A-1"]
    assert not_in_force(codes, SMALL, NEW_START) == ["A", "B"]
    assert not_in_force(codes, SMALL, OLD_END) == ["Y"]
    assert not_in_force(["P", "A-1"], SMALL, date(1990, 1, 1)) == []


# --- rankings -------------------------------------------------------------------------


def _ranked_cases() -> list:  # type: ignore[type-arg]
    # cases resolved / with conditions in 2023: P1 9/10 (90%), P2 4/5 (80%),
    # P3 8/10 (80%), P4 1/2 (50%), P5 none with conditions (no rate)
    plan = {"P1": (9, 10), "P2": (4, 5), "P3": (8, 10), "P4": (1, 2)}
    out = []
    for office, (done, total) in plan.items():
        for k in range(total):
            events = (ev(date(2023, 1, 1), "completed"),) if k < done else ()
            out.append(case(f"{office}-{k}", date(2022, 11, 1), M, events, office=office))
    out.append(
        case("P5-0", date(2022, 11, 1), M, (ev(date(2023, 1, 1), "unenforceable"),), office="P5")
    )
    return out


RANK_TREE = [Office(f"P{i}", f"Tỉnh {i}", P) for i in range(1, 6)]


def test_ranking_ties_share_a_rank() -> None:
    r = report(_ranked_cases(), StatisticalPeriod(2023), offices=RANK_TREE)
    ranking = r.rank(by="case_rate", level=P)
    assert [(e.code, e.rank) for e in ranking.entries] == [
        ("P1", 1),
        ("P2", 2),  # 80 % = 4/5
        ("P3", 2),  # 80 % = 8/10: the same exact value, the same rank
        ("P4", 4),  # the next rank skips
        ("P5", None),  # no case with conditions: no rate, not ranked
    ]
    assert ranking.label("P3") == "2/5"
    assert ranking.label("P5") == "–/5"
    assert ranking.of("P1").value == 90
    assert "xếp thứ 2/5" in ranking.sentence("P2")
    assert "2/5" in ranking.to_table()
    assert ranking.to_dict()["entries"][0] == {  # type: ignore[index]
        "rank": 1,
        "of": 5,
        "label": "1/5",
        "code": "P1",
        "name": "Tỉnh 1",
        "value": "90",
    }


def test_ranking_by_a_row_and_by_attainment() -> None:
    quotas = [Quota(2023, "85", "0", office=f"P{i}") for i in range(1, 6)]
    r = report(_ranked_cases(), StatisticalPeriod(2023), offices=RANK_TREE, quotas=quotas)
    # completed: P1 9, P3 8, P2 4, P4 1, P5 0
    assert [e.code for e in r.rank(by="completed").entries] == ["P1", "P3", "P2", "P4", "P5"]
    # attainment by cases: 90 − 85 = +5; 80 − 85 = −5 (twice); 50 − 85 = −35
    att = r.rank(by="attainment")
    assert [(e.code, e.rank, e.value) for e in att.entries[:4]] == [
        ("P1", 1, 5),
        ("P2", 2, -5),
        ("P3", 2, -5),
        ("P4", 4, -35),
    ]
    with pytest.raises(InvalidRecordError, match="unknown key 'speed'"):
        r.rank(by="speed")


# --- the office file ------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "offices.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_office_file_with_dates_and_successor(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "code,name,level,parent,start,end,successor\n"
        "A,Chi cục A,district,thads-can-tho,,2025-06-30,Y\n"
        "Y,Phòng khu vực Y,area,thads-can-tho,2025-07-01,,\n",
    )
    tree = read_offices(path, base=province_tree())
    assert tree.successor("A", on=NEW_START) == "Y"
    assert tree.get("A") == Office("A", "Chi cục A", D, "thads-can-tho", end=OLD_END, successor="Y")


def test_office_file_successor_that_does_not_exist(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "code,name,level,parent,start,end,successor\n"
        "P,Tỉnh P,province,,,,\n"
        "A,Chi cục A,district,P,,2025-06-30,Z\n",
    )
    with pytest.raises(InvalidRecordError, match=r"offices.csv:3 \(office A\).*'Z'"):
        read_offices(path)


def test_office_file_cycle_of_successors(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "code,name,level,parent,start,end,successor\n"
        "A,A,province,,,2025-06-30,B\n"
        "B,B,province,,,2025-06-30,A\n",
    )
    with pytest.raises(InvalidRecordError, match=r"office A\).*cycle: A → B → A"):
        read_offices(path)


def test_office_file_bad_date(tmp_path: Path) -> None:
    path = _write(tmp_path, "code,name,level,end\nA,A,province,30/06/2025\n")
    with pytest.raises(InvalidRecordError, match=r"offices.csv:2.*'end'.*ISO date"):
        read_offices(path)


def test_office_file_without_new_columns_still_reads(tmp_path: Path) -> None:
    path = _write(tmp_path, "code,name,level,parent\nP,P,province,\nA,A,district,P\n")
    tree = read_offices(path)
    assert tree.ancestors("A") == ["P"] and not tree.dated


# --- property -------------------------------------------------------------------------


@given(case_sets(), st.lists(st.sampled_from(["N0", "N1", "N2"]), min_size=3, max_size=3))
def test_national_total_same_on_old_and_new_tree(cases: list, targets: list[str]) -> None:  # type: ignore[type-arg]
    # offices A, B, C (the strategies' codes) merge into N0..N2 as drawn, on 1/1/2023
    end = date(2022, 12, 31)
    new = sorted(set(targets))
    old_tree = [Office(code, code, P) for code in "ABC"]
    merged = OfficeTree.of(
        [
            Office(code, code, P, end=end, successor=t)
            for code, t in zip("ABC", targets, strict=True)
        ]
        + [Office(code, code, P, start=date(2023, 1, 1)) for code in new]
    )
    period = StatisticalPeriod(2024)
    before = report(cases, period, offices=old_tree)
    after = report(cases, period, offices=merged)
    assert after.total.current == before.total.current
    assert after.total.previous == before.total.previous
    # and each new office holds the sum of its predecessors
    for code in new:
        if any(r.code == code for r in after.rows):
            expected = TallyPair()
            for old, t in zip("ABC", targets, strict=True):
                if t == code and any(r.code == old for r in before.rows):
                    expected = expected + before.row(old).current
            assert after.row(code).current == expected
    assert after.total.code == NATIONAL_CODE


def test_docs_offices_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    text = (Path(__file__).parents[2] / "docs" / "offices.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```python\n")[1:]]
    assert len(blocks) == 4
    namespace: dict[str, object] = {}
    exec("\n".join(blocks), namespace)  # the snippets build on each other
    assert "xếp thứ" in capsys.readouterr().out


def test_levels_read_in_vietnamese() -> None:
    from thads.records import OfficeLevel

    assert OfficeLevel.parse("tỉnh") is OfficeLevel.PROVINCE
    assert OfficeLevel.parse("Khu vực") is OfficeLevel.DISTRICT  # an area office's level
    assert OfficeLevel.parse("chấp hành viên") is OfficeLevel.EXECUTOR
    with pytest.raises(InvalidRecordError, match="tỉnh"):
        OfficeLevel.parse("tinhx")  # rejected, listing the accepted forms


def test_offices_and_quota_files_with_vietnamese_headings(tmp_path: Path) -> None:
    from thads.read import read_quotas

    offices = tmp_path / "dv.csv"
    offices.write_text("Mã,Tên,Cấp,Cấp trên\nT,Tỉnh T,tỉnh,\nA,Khu vực A,khu vực,T\n", "utf-8")
    tree = read_offices(offices)
    assert tree.parent("A") == "T" and tree.offices["T"].level is OfficeLevel.PROVINCE
    quota = tmp_path / "ct.csv"
    quota.write_text("Năm,Chỉ tiêu việc,Chỉ tiêu tiền,Đơn vị\n2023,82.80,45.80,T\n", "utf-8")
    assert read_quotas(quota) == [Quota(2023, "82.80", "45.80", "T")]
    # an unknown heading is refused, and not told of a --column the offices file lacks
    offices.write_text("Mã,Tên,Cấp,Ghi chú\nT,Tỉnh T,tỉnh,x\n", "utf-8")
    with pytest.raises(InvalidRecordError, match="unknown headings") as info:
        read_offices(offices)
    assert "--column" not in str(info.value)
    assert list(read_offices(offices, columns={"Ghi chú": None}).offices) == ["T"]
