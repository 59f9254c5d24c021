"""Period-end lists, large and long-running cases, the work list (thads.worklists).

The small history below is worked by hand; each expectation says why.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings

from thads import Case, Debt, Event, Judgment, StatisticalPeriod
from thads.count import tally_periods
from thads.errors import InvalidRecordError, PeriodError
from thads.law import Calendar
from thads.testing import case_sets
from thads.worklists import (
    ListKind,
    by_executor,
    carried_into_next_year,
    large_cases,
    long_running_cases,
    period_list,
    to_csv,
    to_json,
    to_records,
    to_table,
    work_list,
    write_xlsx,
)

Y2025 = StatisticalPeriod(2025, 12)  # 01/10/2024 - 30/09/2025
Q1_2025 = StatisticalPeriod(2025, 3)  # 01/10/2024 - 31/12/2024
M1_2026 = StatisticalPeriod(2026, 1)  # 01/10/2025 - 31/10/2025


def _case(
    case_id: str,
    accepted: date,
    amount: int,
    events: list[Event],
    *,
    creditor: str = "private",
    kind: str = "civil",
    executor: str = "E1",
    office: str = "KV1",
) -> Case:
    return Case(
        case_id,
        office,
        executor,
        "on_request",
        Judgment(f"{case_id}/BA", kind),
        accepted,
        Debt(amount, creditor),
        events,
    )


def history() -> list[Case]:
    return [
        # a: no conditions in 2023, moved to the separate register on 15/11/2024 (Q1 2025)
        _case(
            "a",
            date(2023, 5, 10),
            50_000_000,
            [
                Event(date(2023, 8, 1), "unenforceable"),
                Event(date(2024, 11, 15), "separate_register"),
            ],
        ),
        # b: credit institution, 2 tỷ, 500 triệu collected: owes 1.5 tỷ on 30/09/2025
        _case(
            "b",
            date(2024, 11, 1),
            2_000_000_000,
            [
                Event(date(2024, 11, 20), "enforceable"),
                Event(date(2025, 2, 1), "collected", 500_000_000),
            ],
            creditor="credit_institution",
            executor="E2",
        ),
        # c: state compensation, paid in full and completed on 05/05/2025
        _case(
            "c",
            date(2024, 3, 1),
            300_000_000,
            [
                Event(date(2025, 5, 5), "collected", 300_000_000),
                Event(date(2025, 5, 5), "completed"),
            ],
            kind="state_compensation",
        ),
        # d: credit institution, entrusted to another office on 01/03/2025
        _case(
            "d",
            date(2025, 1, 10),
            80_000_000,
            [Event(date(2025, 3, 1), "entrusted")],
            creditor="credit_institution",
        ),
        # e: postponed by agreement (48.1.c): row "postponed" under TT 05/2024, not in_progress
        _case(
            "e",
            date(2024, 12, 1),
            10_000_000,
            [Event(date(2025, 6, 1), "postponed", ground="48.1.c")],
            executor="E2",
        ),
        # f: never classified (in_progress); moved to the register on 02/10/2025 (next year)
        _case(
            "f",
            date(2025, 9, 1),
            20_000_000,
            [Event(date(2025, 10, 2), "separate_register")],
        ),
    ]


def ids(rows: list[object]) -> list[str]:
    return [r.case_id for r in rows]  # type: ignore[attr-defined]


# --- period-end lists -------------------------------------------------------------------


def test_separate_register_holds_exactly_the_moves_of_the_period() -> None:
    cases = history()
    # a moved 15/11/2024: in Q1 2025 and in the year 2025; f moved 02/10/2025: month 1 of 2026
    assert ids(period_list(cases, "separate_register", Q1_2025)) == ["a"]
    assert ids(period_list(cases, "separate_register", Y2025)) == ["a"]
    assert ids(period_list(cases, "separate_register", M1_2026)) == ["f"]
    assert period_list(cases, "separate_register", StatisticalPeriod(2024, 12)) == []
    (row,) = period_list(cases, ListKind.SEPARATE_REGISTER, Y2025)
    assert row.closed_on == date(2024, 11, 15)
    assert row.outstanding == 50_000_000  # nothing collected before the move
    assert row.row == "without_conditions"  # a move in the period stays in that row


def test_a_move_on_1_october_is_on_the_list_of_the_period_it_opens() -> None:
    # TT 05/2024 Art. 8: the list of the moves to the separate register of a period. The
    # statistical year 2026 opens on 01/10/2025: a move that day is the period's first day
    # (in its cumulative lists: 1 month, 6 months), not the last day of the year 2025
    g = _case(
        "g",
        date(2025, 3, 1),
        30_000_000,
        [Event(date(2025, 4, 1), "unenforceable"), Event(date(2025, 10, 1), "separate_register")],
    )
    cases = [*history(), g]
    # g (30M) and f (20M, moved 02/10/2025): most money first
    assert ids(period_list(cases, "separate_register", M1_2026)) == ["g", "f"]
    assert ids(period_list(cases, "separate_register", StatisticalPeriod(2026, 6))) == ["g", "f"]
    assert ids(period_list(cases, "separate_register", Y2025)) == ["a"]
    (row,) = [r for r in period_list(cases, "separate_register", M1_2026) if r.case_id == "g"]
    assert (row.closed_on, row.outstanding) == (date(2025, 10, 1), 30_000_000)
    # on 30/09/2025 g was still open: carried into the year 2026, with b, e and f
    assert sorted(ids(carried_into_next_year(cases, Y2025))) == ["b", "e", "f", "g"]


def test_being_enforced_is_the_in_progress_row() -> None:
    rows = period_list(history(), "being_enforced", Y2025)
    # b (enforceable) and f (no classification yet); e is postponed on 48.1.c
    assert ids(rows) == ["b", "f"]  # most money first: 1.500.000.000 then 20.000.000
    assert [r.outstanding for r in rows] == [2_000_000_000 - 500_000_000, 20_000_000]
    assert rows[0].status == "enforceable"
    assert rows[0].executor == "E2"
    assert rows[0].accepted_on == date(2024, 11, 1)


def test_credit_institution_and_state_compensation_lists() -> None:
    cases = history()
    # d was entrusted: not to enforce here; b is
    assert ids(period_list(cases, "credit_institution", Y2025)) == ["b"]
    (c,) = period_list(cases, "state_compensation", Y2025)
    assert (c.case_id, c.status, c.row, c.outstanding) == ("c", "completed", "completed", 0)
    assert period_list(cases, "state_compensation", Y2025, scope="unfinished") == []
    with pytest.raises(InvalidRecordError, match="unknown scope"):
        period_list(cases, "state_compensation", Y2025, scope="all")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match="being_enforced"):
        period_list(cases, "everything", Y2025)


def test_carried_into_next_year_matches_next_years_carried_over_row() -> None:
    cases = history()
    rows = carried_into_next_year(cases, Y2025)
    # unfinished on 30/09/2025: b, e, f (a moved, c completed, d entrusted)
    assert sorted(ids(rows)) == ["b", "e", "f"]
    nxt = tally_periods(cases, [M1_2026], key=lambda case: "all")[M1_2026]["all"]
    assert nxt.cases.carried_over == 3
    # 1.500.000.000 + 10.000.000 + 20.000.000
    assert nxt.money.carried_over == 1_530_000_000 == sum(r.outstanding for r in rows)
    this = tally_periods(cases, [Y2025], key=lambda case: "all")[Y2025]["all"]
    # carried_forward = carried into next year + moved to the register: 3 + 1
    assert this.cases.carried_forward == 4
    with pytest.raises(PeriodError, match="12 months"):
        period_list(cases, "carried_over", Q1_2025)


def test_office_filter() -> None:
    cases = [*history(), _case("z", date(2025, 1, 1), 5, [], office="KV2")]
    assert "z" not in ids(carried_into_next_year(cases, Y2025, office="KV1"))
    assert ids(carried_into_next_year(cases, Y2025, office="KV2")) == ["z"]
    assert sorted(ids(carried_into_next_year(cases, Y2025, office="E2"))) == ["b", "e"]


# --- large and long-running -------------------------------------------------------------


def test_large_cases() -> None:
    cases = history()
    # default 1.000.000.000: only b (1.500.000.000 owed on 30/09/2025)
    assert ids(large_cases(cases, date(2025, 9, 30))) == ["b"]
    assert ids(large_cases(cases, date(2025, 9, 30), min_amount=15_000_000)) == ["b", "f"]
    with pytest.raises(InvalidRecordError, match="min_amount"):
        large_cases(cases, date(2025, 9, 30), min_amount=-1)


def test_long_running_cases() -> None:
    rows = long_running_cases(history(), date(2025, 12, 15))
    # accepted before 15/12/2024 and open: b (01/11/2024), e (01/12/2024); f moved 02/10/2025
    assert ids(rows) == ["b", "e"]
    # b: 01/11/2024 -> 01/11/2025 is 365 days, then 30 (Nov) + 14 (Dec) = 409 days, 13 months
    assert (rows[0].age_days, rows[0].age_months) == (409, 13)
    assert long_running_cases(history(), date(2025, 12, 15), min_months=13) == rows[:1]


# --- work list ---------------------------------------------------------------------------

TET_2026 = [date(2026, 2, d) for d in range(16, 21)]  # Tết Bính Ngọ, Mon 16 - Fri 20/02/2026
CAL = Calendar(holidays=[date(2026, 1, 1), *TET_2026])


def work_cases() -> list[Case]:
    return [
        # g: money collected 06/02/2026; pay out within 10 days (old Art. 47(5)):
        # 16/02 is Tết, Tết runs to Fri 20/02, 21-22 weekend -> Mon 23/02/2026
        _case(
            "g",
            date(2026, 1, 5),
            3_000_000,
            [Event(date(2026, 2, 6), "collected", 100_000)],
            creditor="state",
        ),
        # h: "no conditions" 20/06/2025: re-verify every 6 months (old Art. 44(2)):
        # 20/12/2025 is a Saturday -> Mon 22/12/2025, overdue on 10/02/2026
        _case(
            "h",
            date(2025, 6, 2),
            3_000_000,
            [Event(date(2025, 6, 20), "unenforceable")],
            executor="E2",
        ),
    ]


def test_work_list_deadline_in_tet() -> None:
    items = work_list(work_cases(), date(2026, 2, 10), date(2026, 2, 28), calendar=CAL)
    assert [(w.case_id, w.name, w.state, w.due) for w in items] == [
        ("h", "re_verification", "overdue", date(2025, 12, 22)),
        ("g", "pay_out", "due", date(2026, 2, 23)),
    ]
    groups = by_executor(items)
    assert list(groups) == [("KV1", "E1"), ("KV1", "E2")]
    assert [w.case_id for w in groups[("KV1", "E1")]] == ["g"]


def test_work_list_deadline_in_tet_with_holidays_package() -> None:
    pytest.importorskip("holidays")
    items = work_list(work_cases()[:1], date(2026, 2, 10), date(2026, 2, 28))
    assert [(w.name, w.due) for w in items] == [("pay_out", date(2026, 2, 23))]


def test_work_list_under_law_106_2025() -> None:
    # accepted Monday 03/08/2026, under Law 106/2025: the parties are notified and the
    # procuracy sent each decision within 3 working days (Art. 35(1)-(2)): Tuesday 4,
    # Wednesday 5, Thursday 06/08/2026 (no holiday then)
    case = _case("k", date(2026, 8, 3), 3_000_000, [])
    items = work_list([case], date(2026, 8, 4), calendar=CAL)
    assert {(w.name, w.state, w.due, w.known) for w in items} == {
        ("notify_parties", "due", date(2026, 8, 6), True),
        ("send_to_procuracy", "due", date(2026, 8, 6), True),
    }
    assert all("106/2025" in w.law for w in items)
    # a window that ends before the 6th leaves them out
    assert work_list([case], date(2026, 8, 4), date(2026, 8, 5), calendar=CAL) == []
    with pytest.raises(InvalidRecordError, match="until"):
        work_list([case], date(2026, 8, 10), date(2026, 8, 1), calendar=CAL)


# --- output -----------------------------------------------------------------------------


def test_output_formats(tmp_path: object) -> None:
    rows = period_list(history(), "being_enforced", Y2025)
    records = to_records(rows)
    assert records[0]["case_id"] == "b" and records[0]["accepted_on"] == "2024-11-01"
    assert records[0]["outstanding"] == 1_500_000_000
    # every value of both lines, as the hand-worked history gives them: b (2 tỷ, 500 triệu
    # collected, enforceable) and f (20 triệu, never classified), both being enforced
    assert to_csv(rows, language="en").splitlines() == [
        "case_id,office,executor,judgment_kind,judgment_ref,accepted_on,amount,outstanding,"
        "row,status,closed_on",
        "b,KV1,E2,civil,b/BA,2024-11-01,2000000000,1500000000,in_progress,enforceable,",
        "f,KV1,E1,civil,f/BA,2025-09-01,20000000,20000000,in_progress,enforceable,",
    ]
    # the default: Vietnamese headings and outcomes, the same figures
    assert to_csv(rows).splitlines() == [
        "Mã việc,Cơ quan THADS,Chấp hành viên,Loại bản án,Số bản án,Ngày thụ lý,"
        "Số tiền phải thi hành (đồng),Số tiền còn phải thi hành (đồng),Dòng báo cáo,"
        "Tình trạng,Ngày kết thúc",
        "b,KV1,E2,dân sự,b/BA,2024-11-01,2000000000,1500000000,đang thi hành,"
        "có điều kiện thi hành,",
        "f,KV1,E1,dân sự,f/BA,2025-09-01,20000000,20000000,đang thi hành,có điều kiện thi hành,",
    ]
    assert '"case_id": "f"' in to_json(rows)
    table = to_table(rows).splitlines()
    # headings, a rule, then b and f; money with thousands dots, days dd/mm/yyyy
    assert table[0].startswith("Mã việc") and table[2].startswith("b ")
    assert "1.500.000.000" in table[2] and "01/11/2024" in table[2]
    assert "20.000.000" in table[3] and table[3].startswith("f ")
    assert to_table([]) == "(không có việc nào)"
    assert to_table([], language="en") == "(no cases)"
    with pytest.raises(InvalidRecordError, match="language"):
        to_csv(rows, language="fr")  # type: ignore[arg-type]
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "list.xlsx"  # type: ignore[operator]
    write_xlsx(rows, path)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]][:2] == ["Mã việc", "Cơ quan THADS"]
    assert sheet["A2"].value == "b" and sheet["I2"].value == "đang thi hành"
    assert sheet.cell(2, 8).value == 1_500_000_000  # outstanding, a number


def test_a_province_takes_the_offices_below_it() -> None:
    from thads.records import Office, OfficeTree
    from thads.worklists import of_office

    tree = OfficeTree(
        [
            Office("P", "Tỉnh P", "province"),
            Office("KV1", "Khu vực 1", "area", parent="P"),
            Office("KV2", "Khu vực 2", "area", parent="Q"),
            Office("Q", "Tỉnh Q", "province"),
        ]
    )
    cases = [*history(), _case("z", date(2025, 1, 1), 5, [], office="KV2")]
    # every history case is of KV1, under P; z is of KV2, under Q
    assert sorted(ids(carried_into_next_year(cases, Y2025, office="P", offices=tree))) == [
        "b",
        "e",
        "f",
    ]
    assert carried_into_next_year(cases, Y2025, office="P") == []  # no tree: P's own only
    assert ids(of_office(cases, "Q", offices=tree)) == ["z"]
    assert ids(large_cases(cases, date(2025, 9, 30), office="P", offices=tree)) == ["b"]


# --- property: each list agrees with its report rows ------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_sets(years=(2024, 2025), max_size=20))
def test_lists_agree_with_report_rows(cases: list[Case]) -> None:
    periods = [StatisticalPeriod(2025, m) for m in (3, 6, 10, 12)]
    nxt = StatisticalPeriod(2026, 1)
    tallies = tally_periods(cases, [*periods, nxt], key=lambda c: c.office)
    offices = sorted({c.office for c in cases})
    for period in periods:
        for office in offices:
            pair = tallies[period].get(office)
            if pair is None:
                continue
            enforced = period_list(cases, "being_enforced", period, office=office)
            assert len(enforced) == pair.cases.in_progress
            assert sum(r.outstanding for r in enforced) == pair.money.in_progress
            moved = period_list(cases, "separate_register", period, office=office)
            open_rows = [
                c
                for c in cases
                if c.office == office
                and c.accepted_on <= period.end
                and not any(e.on <= period.end and e.kind in _CLOSE for e in c.events)
            ]
            assert len(open_rows) + len(moved) == pair.cases.carried_forward
            if period.months == 12:
                carried = carried_into_next_year(cases, period, office=office)
                assert len(carried) == len(open_rows)
                nxt_pair = tallies[nxt].get(office)
                assert len(carried) == (nxt_pair.cases.carried_over if nxt_pair else 0)
                assert sum(r.outstanding for r in carried) == (
                    nxt_pair.money.carried_over if nxt_pair else 0
                )
                assert sum(r.outstanding for r in carried + moved) == pair.money.carried_forward


_CLOSE = frozenset(
    {"completed", "terminated", "entrusted", "withdrawn", "separate_register", "request_returned"}
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_sets(years=(2024, 2025), max_size=20))
def test_creditor_and_kind_lists_agree_with_split_rows(cases: list[Case]) -> None:
    period = StatisticalPeriod(2025, 12)
    tallies = tally_periods(cases, [period], key=lambda c: (str(c.creditor), str(c.judgment.kind)))[
        period
    ]
    credit = [p for (creditor, _), p in tallies.items() if creditor == "credit_institution"]
    state = [p for (_, kind), p in tallies.items() if kind == "state_compensation"]
    for kind, pairs in (("credit_institution", credit), ("state_compensation", state)):
        rows = period_list(cases, kind, period)
        assert len(rows) == sum(p.cases.to_enforce for p in pairs)
        assert sum(r.outstanding for r in rows) == sum(p.money.carried_forward for p in pairs)


def test_cli_list(tmp_path: object) -> None:
    import io

    from thads.cli import main
    from thads.read import write_cases

    cases_path = tmp_path / "cases.csv"  # type: ignore[operator]
    events_path = tmp_path / "events.csv"  # type: ignore[operator]
    write_cases(history(), cases_path, events_path)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "list",
            "being-enforced",
            "--cases",
            str(cases_path),
            "--events",
            str(events_path),
            "--as-of",
            "2025-10-15",
            "--year",
            "2025",
            "--format",
            "csv",
        ],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["b", "f"]
    # the last period ended before 15/10/2025 is the year 2025: carried over b, e, f
    out = io.StringIO()
    main(
        [
            "list",
            "carried-over",
            "--cases",
            str(cases_path),
            "--events",
            str(events_path),
            "--as-of",
            "2025-10-15",
            "--format",
            "json",
        ],
        out=out,
        err=err,
    )
    assert sorted(r["case_id"] for r in __import__("json").loads(out.getvalue())) == ["b", "e", "f"]


def test_period_list_takes_the_command_line_spelling_of_each_kind() -> None:
    cases = history()
    # each kind spelt with hyphens (as `thads list` writes it) is the same list
    for kind in ListKind:
        hyphenated = kind.value.replace("_", "-")
        assert ids(period_list(cases, hyphenated, Y2025)) == ids(period_list(cases, kind, Y2025))
    # by hand above: a moved to the register on 15/11/2024, within the year 2025
    assert ids(period_list(cases, "separate-register", Y2025)) == ["a"]
    with pytest.raises(InvalidRecordError, match="carried_over") as raised:
        period_list(cases, "carried-overs", Y2025)
    assert "separate_register" in str(raised.value)  # the accepted kinds are listed
