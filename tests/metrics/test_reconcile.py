"""thads.metrics.reconcile: carried forward of year − 1 against carried over of year.

Year under test: 2024, so the previous year is 2023 = 1/10/2022–30/9/2023. Amounts in
triệu đồng (M). Expected figures worked out by hand in the comments.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import M, case, ev
from strategies import case_sets
from thads import Case, StatisticalPeriod, report
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.metrics import (
    RECONCILIATION_COLUMNS,
    Moved,
    reconcile,
    reconciliation_csv,
    reconciliation_json,
    reconciliation_table,
    reconciliation_text,
)
from thads.records import province_tree
from thads.samples import merger_2026
from thads.write import to_json

CLOSING_KINDS = frozenset({"completed", "terminated", "entrusted", "withdrawn",
                           "separate_register"})  # fmt: skip

BOOK = [
    case("r1", date(2022, 5, 1), 10 * M),  # open throughout: in both figures
    case("r2", date(2022, 11, 1), 20 * M,
         (ev(date(2022, 12, 1), "unenforceable"), ev(date(2023, 6, 1), "separate_register"))),
    case("r3", date(2023, 1, 1), 30 * M, (ev(date(2023, 3, 1), "collected", 10 * M),)),
    case("r4", date(2022, 12, 1), 30 * M, (ev(date(2023, 4, 1), "completed"),)),
    case("r5", date(2023, 2, 1), 5 * M, (ev(date(2023, 9, 30), "separate_register"),),
         office="B", executor="B-1"),
]  # fmt: skip


def test_from_the_cases_by_hand() -> None:
    result = reconcile(BOOK, 2024)
    a = result.row("A")
    # carried forward 2023: r1 10 + r2 20 (stays "chưa có điều kiện" that year) + r3 30 − 10
    assert a.carried_forward == (3, 50 * M)
    # carried over 2024: r1 10 + r3 20 (r2 left the books, r4 completed)
    assert a.carried_over == (2, 30 * M)
    assert a.difference == (1, 20 * M)
    assert a.separate_register == (Moved("r2", 20 * M),)
    assert a.explained and a.other == () and a.unexplained == (0, 0)
    b = result.row("B")  # r5 moved on the last day of 2023
    assert (b.carried_forward, b.carried_over) == ((1, 5 * M), (0, 0))
    assert b.separate_register == (Moved("r5", 5 * M),)
    total = result.rows[0]
    assert total.code == "VN" and total.carried_forward == (4, 55 * M)
    assert total.carried_over == (2, 30 * M)
    assert {m.case_id for m in total.separate_register} == {"r2", "r5"}
    assert result.unexplained == ()
    assert {row.code for row in result.differing} == {"VN", "A", "B"}


def test_the_reports_rows_hold_the_same_hand_figures() -> None:
    # the report of 2023 carries forward, by hand: A r1 10 + r2 20 + r3 (30 − 10) = (3,
    # 50 M), B r5 (1, 5 M) (moved on 30/9/2023, still "chưa có điều kiện" that year);
    # the report of 2024 carries over A r1 10 + r3 20 = (2, 30 M) and nothing in B
    hand_forward = {"A": (3, 50 * M), "B": (1, 5 * M)}
    hand_over = {"A": (2, 30 * M), "B": (0, 0)}
    y23 = report(BOOK, StatisticalPeriod(2023))
    y24 = report(BOOK, StatisticalPeriod(2024))
    result = reconcile(BOOK, 2024)
    for office in ("A", "B"):
        row = result.row(office)
        assert row.carried_forward == hand_forward[office]
        assert row.carried_over == hand_over[office]
        before = y23.row(office).current
        assert (before.cases.carried_forward, before.money.carried_forward) == hand_forward[office]
    after = y24.row("A").current
    assert (after.cases.carried_over, after.money.carried_over) == hand_over["A"]


def test_against_a_saved_report(tmp_path: Path) -> None:
    saved = to_json(report(BOOK, StatisticalPeriod(2023)))
    result = reconcile(BOOK, 2024, previous=saved)
    assert result.saved and result.unexplained == ()
    assert result.row("A").carried_forward == (3, 50 * M)
    # the saved report was made from other data: one more open case of 7 M in A, so A
    # carried forward 1 case and 7 M more
    other = [*BOOK, case("x1", date(2023, 2, 1), 7 * M)]
    path = tmp_path / "2023.json"
    path.write_text(to_json(report(other, StatisticalPeriod(2023))), encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2
    changed = reconcile(BOOK, 2024, previous=path)
    a = changed.row("A")
    assert a.difference == (2, 27 * M)  # (4 − 2, 57 − 30)
    assert a.unexplained == (1, 7 * M)  # less r2's move (1, 20)
    assert not a.explained
    assert {r.code for r in changed.unexplained} == {"VN", "A"}
    assert changed.row("B").explained


def test_a_saved_report_of_the_wrong_year_is_rejected() -> None:
    saved = to_json(report(BOOK, StatisticalPeriod(2023, 9)))
    with pytest.raises(InvalidRecordError, match="12 months of statistical year 2023"):
        reconcile(BOOK, 2024, previous=saved)
    with pytest.raises(InvalidRecordError, match="thads-report"):
        reconcile(BOOK, 2024, previous={"format": "other"})


@settings(max_examples=60, deadline=None)
@given(case_sets(max_size=20, years=(2021, 2024)), st.integers(2022, 2024))
def test_from_the_cases_every_difference_is_a_move(cases: list[Case], year: int) -> None:
    result = reconcile(cases, year)
    assert result.unexplained == ()
    # each case placed by the engine in both figures: only moves to the separate
    # register differ, no other case
    assert all(row.other == () for row in result.rows)
    # the case counts against the records, by the rule (docs/metrics.md): a case is
    # carried forward from year − 1 when accepted by its last day and not closed by
    # then, or moved to the separate register within it; carried over into year when
    # accepted before and not closed by then
    s, e = StatisticalPeriod(year - 1).start, StatisticalPeriod(year - 1).end
    forward: dict[str, int] = {}
    over: dict[str, int] = {}
    for c in cases:
        if c.accepted_on > e:
            continue
        closing = [x for x in c.events if x.kind.value in CLOSING_KINDS]
        day = closing[-1].on if closing else None
        moved = bool(closing) and closing[-1].kind.value == "separate_register"
        if day is None or day > e:
            forward[c.office] = forward.get(c.office, 0) + 1
            over[c.office] = over.get(c.office, 0) + 1
        elif moved and s <= day:
            forward[c.office] = forward.get(c.office, 0) + 1
    for row in result.rows[1:]:
        assert row.carried_forward[0] == forward.get(row.code, 0), row.code
        assert row.carried_over[0] == over.get(row.code, 0), row.code
        assert len(row.separate_register) == row.difference[0]
    assert sum(forward.values()) == result.rows[0].carried_forward[0]


def test_against_a_saved_report_of_version_1() -> None:
    # a report saved by earlier thads (rows with "cases"/"money" tallies), written here by
    # hand: A carried forward 4 cases and 57 M, B 1 case and 5 M
    saved = {
        "format": "thads-report",
        "version": 1,
        "period": {"year": 2023, "months": 12},
        "by": "office",
        "rows": [
            {"code": "VN", "cases": {"carried_forward": 5}, "money": {"carried_forward": 62 * M}},
            {"code": "A", "cases": {"carried_forward": 4}, "money": {"carried_forward": 57 * M}},
            {"code": "B", "cases": {"carried_forward": 1}, "money": {"carried_forward": 5 * M}},
        ],
    }
    result = reconcile(BOOK, 2024, previous=saved)
    a = result.row("A")
    # carried over 2024 from the cases: r1 10 + r3 20 = (2, 30 M); the move r2 (1, 20 M)
    assert a.carried_forward == (4, 57 * M) and a.carried_over == (2, 30 * M)
    assert a.unexplained == (1, 7 * M)  # (4 - 2 - 1, 57 - 30 - 20)
    assert result.row("B").explained  # 1 case, 5 M: r5's move


def test_a_returned_request_names_its_case() -> None:
    book = [case("rr", date(2022, 11, 1), 5 * M, (ev(date(2023, 3, 1), "request_returned"),))]
    with pytest.raises(RuleNotAvailableError, match="case rr: a request returned"):
        reconcile(book, 2024)


# --- across the 2025 redraw of the provinces ---------------------------------------------

KON_TUM, QUANG_NGAI, HA_NOI = "cuc-kon-tum", "cuc-quang-ngai", "cuc-ha-noi"
NEW_QUANG_NGAI, NEW_HA_NOI = "thads-quang-ngai", "thads-ha-noi"
MERGED_BOOK = [
    # Kon Tum and Quảng Ngãi merge into the new Quảng Ngãi on 1/7/2025 (Resolution
    # 202/2025/QH15); Hà Nội is unchanged, its office renamed
    case("k1", date(2024, 3, 1), 10 * M, office=KON_TUM, executor="K-1"),  # open
    case("k2", date(2024, 5, 1), 20 * M, (ev(date(2024, 6, 1), "collected", 5 * M),),
         office=QUANG_NGAI, executor="Q-1"),  # open, 15 M owed
    case("h1", date(2024, 2, 1), 40 * M,
         (ev(date(2024, 3, 1), "unenforceable"), ev(date(2024, 8, 1), "separate_register")),
         office=HA_NOI, executor="H-1"),  # moved in 2024: in its carried forward only
]  # fmt: skip


def _saved_2024(cases: list[Case]) -> str:
    """The 2024 report as a user saved it then: drawn on 30/9/2024, on the old tree."""
    saved = report(cases, StatisticalPeriod(2024), offices=province_tree())
    assert saved.drawn_on == date(2024, 9, 30)
    assert {row.code for row in saved.rows} == {"VN", KON_TUM, QUANG_NGAI, HA_NOI}
    return to_json(saved)


def test_a_saved_report_on_the_old_tree_maps_to_the_successors() -> None:
    result = reconcile(
        MERGED_BOOK, 2025, offices=province_tree(), previous=_saved_2024(MERGED_BOOK)
    )
    assert result.saved and result.drawn_on == date(2025, 9, 30)
    assert [row.code for row in result.rows] == ["VN", NEW_HA_NOI, NEW_QUANG_NGAI]
    qn = result.row(NEW_QUANG_NGAI)
    # saved: Kon Tum (1, 10 M) + Quảng Ngãi (1, 20 − 5 M) carried forward; the same two
    # cases carried over into 2025
    assert qn.carried_forward == (2, 25 * M) and qn.carried_over == (2, 25 * M)
    assert qn.difference == (0, 0) and qn.explained
    hn = result.row(NEW_HA_NOI)
    assert hn.carried_forward == (1, 40 * M) and hn.carried_over == (0, 0)
    assert hn.separate_register == (Moved("h1", 40 * M),) and hn.explained
    total = result.rows[0]
    assert total.carried_forward == (3, 65 * M) and total.carried_over == (2, 25 * M)
    assert result.unexplained == ()
    assert {row.code for row in result.differing} == {"VN", NEW_HA_NOI}


def test_only_real_differences_remain_across_the_redraw() -> None:
    # the saved report was made with one more open case of 7 M in Kon Tum
    other = [*MERGED_BOOK, case("k3", date(2024, 4, 1), 7 * M, office=KON_TUM, executor="K-1")]
    result = reconcile(MERGED_BOOK, 2025, offices=province_tree(), previous=_saved_2024(other))
    qn = result.row(NEW_QUANG_NGAI)
    assert qn.carried_forward == (3, 32 * M)  # 1 + 1 + 1 cases, 10 + 15 + 7 M
    assert qn.unexplained == (1, 7 * M) and not qn.explained
    assert {row.code for row in result.unexplained} == {"VN", NEW_QUANG_NGAI}
    assert result.row(NEW_HA_NOI).explained


def test_the_merger_sample_balances_row_by_row() -> None:
    # the synthetic merger (8 Chi cục of 4 provinces → 4 Phòng khu vực of 2 provinces on
    # 1/7/2025): 2025 against the 2024 report saved on the old tree, from the same cases
    sample = merger_2026()
    saved = report(sample.cases, StatisticalPeriod(2024), offices=sample.offices)
    old_codes = {row.code for row in saved.rows}
    assert {"ST", "ST01", "SY02"} <= old_codes
    result = reconcile(sample.cases, 2025, offices=sample.offices, previous=to_json(saved))
    codes = [row.code for row in result.rows]
    assert codes == ["VN", "SK2", "SK2-KV1", "SN", "SN-KV1", "SN-KV2", "SN-KV3"]
    assert result.unexplained == ()
    # the national figure is the saved report's own total, moved to no other row
    total = saved.rows[0].current
    assert result.rows[0].carried_forward == (
        total.cases.carried_forward,
        total.money.carried_forward,
    )
    # SN stands for ST, SX and SY: their saved rows added up
    sn = [saved.row(code).current for code in ("ST", "SX", "SY")]
    assert result.row("SN").carried_forward == (
        sum(p.cases.carried_forward for p in sn),
        sum(p.money.carried_forward for p in sn),
    )


# --- outputs -----------------------------------------------------------------------------


def test_reconciliation_table_text_and_csv() -> None:
    other = [*MERGED_BOOK, case("k3", date(2024, 4, 1), 7 * M, office=KON_TUM, executor="K-1")]
    result = reconcile(MERGED_BOOK, 2025, offices=province_tree(), previous=_saved_2024(other))
    name = result.row(NEW_QUANG_NGAI).name
    table = reconciliation_table(result).splitlines()
    assert table[0] == (
        "Đối chiếu số chuyển kỳ sau năm 2024 (báo cáo đã lưu) với số năm trước chuyển sang "
        "năm 2025, cây đơn vị ngày 30/09/2025"
    )
    assert table[1].split("  ")[0] == "Đơn vị" and set(table[2]) == {"-"}
    line = next(text for text in table if text.strip().startswith(name))
    # forward 3, over 2, difference 1, no move, 1 unexplained; money in triệu đồng (the
    # shared text writer prints counts without a plus sign: "1", and "-1" when negative)
    assert line.split()[-8:] == ["3", "2", "1", "0", "1", "32,000", "25,000", "7,000"]
    text = reconciliation_text(result).splitlines()
    assert text[0] == (
        "Đối chiếu năm 2025: 3 trong 3 dòng có chênh lệch giữa số chuyển kỳ sau năm 2024 "
        "và số năm trước chuyển sang năm 2025; 2 dòng chưa giải thích được."
    )
    assert f"  Chưa giải thích — {name} ({NEW_QUANG_NGAI}): +1 việc, +7,000 triệu đồng." in text
    rows = list(csv.reader(io.StringIO(reconciliation_csv(result))))
    assert rows[0] == list(RECONCILIATION_COLUMNS)
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code[NEW_HA_NOI][4:] == [
        "1",
        str(40 * M),
        "0",
        "0",
        "1",
        str(40 * M),
        "1",
        str(40 * M),
        "0",
        "0",
        "yes",
    ]
    assert by_code[NEW_QUANG_NGAI][4:] == [
        "3",
        str(32 * M),
        "2",
        str(25 * M),
        "1",
        str(7 * M),
        "0",
        "0",
        "1",
        str(7 * M),
        "no",
    ]
    data = json.loads(reconciliation_json(result))
    assert data["format"] == "thads-reconciliation" and data["drawn_on"] == "2025-09-30"
    assert data["rows"][0]["unexplained"] == {"cases": 1, "money": 7 * M}


def _v1(rows: list[tuple[str, int | None, int, int]]) -> dict[str, object]:
    """A layout-1 report of 2023 by office: (code, depth or None, cases, money)."""
    out = []
    for code, depth, cases, money in rows:
        row: dict[str, object] = {
            "code": code,
            "cases": {"carried_forward": cases},
            "money": {"carried_forward": money},
        }
        if depth is not None:
            row["depth"] = depth
        out.append(row)
    return {"format": "thads-report", "version": 1, "period": {"year": 2023, "months": 12},
            "by": "office", "rows": out}  # fmt: skip


def test_a_nested_saved_report_counts_each_office_once() -> None:
    # province P over A and B, nested by depth: P's figure is its children's, so A and B
    # keep their own (4, 57 M) and (1, 5 M) and the total (5, 62 M) is not counted twice
    nested = _v1([("VN", 0, 5, 62 * M), ("P", 1, 5, 62 * M), ("A", 2, 4, 57 * M),
                  ("B", 2, 1, 5 * M)])  # fmt: skip
    result = reconcile(BOOK, 2024, previous=nested)
    assert [row.code for row in result.rows] == ["VN", "A", "B"]
    assert result.rows[0].carried_forward == (5, 62 * M)
    assert result.row("A").carried_forward == (4, 57 * M)
    assert result.row("A").unexplained == (1, 7 * M)  # (4 − 2 − 1, 57 − 30 − 20)
    # the same rows without depths are read as the total's children: P + A + B = 10
    # cases against a total of 5, refused rather than counted twice
    flat = _v1([("VN", None, 5, 62 * M), ("P", None, 5, 62 * M), ("A", None, 4, 57 * M),
                ("B", None, 1, 5 * M)])  # fmt: skip
    with pytest.raises(InvalidRecordError, match="not the sum of the rows below it"):
        reconcile(BOOK, 2024, previous=flat)


def test_a_saved_total_alone_stays_on_the_total_row() -> None:
    result = reconcile(BOOK, 2024, previous=_v1([("VN", None, 5, 62 * M)]))
    total = result.rows[0]
    # carried over 2024 from the cases: A (2, 30 M); r2 and r5 moved (2, 25 M)
    assert total.carried_forward == (5, 62 * M) and total.carried_over == (2, 30 * M)
    assert total.unexplained == (1, 7 * M)  # (5 − 2 − 2, 62 − 30 − 25)
    assert result.row("A").carried_forward == (0, 0)  # no office row was saved
