"""thads.metrics on a hand-built history; every expected figure worked out by hand.

Range under test unless said otherwise: statistical year 2024 = 1/10/2023–30/9/2024,
366 days (it holds 29/2/2024). Amounts in triệu đồng (M).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import M, case, ev
from strategies import case_sets
from thads import Case, Quota, StatisticalPeriod, Tally, report
from thads.count import TallyPair
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.metrics import (
    DateRange,
    Flow,
    Metrics,
    calendar_year,
    campaign,
    compute,
    flows_to_csv,
    metrics,
    monthly_flows,
    needed,
    plan,
    to_csv,
    to_json,
    to_table,
)
from thads.rules import regime_by_code

Y24 = StatisticalPeriod(2024)
S, E = date(2023, 10, 1), date(2024, 9, 30)

BOOK = [
    # carried over, 30 collected before S (70 owed at S), completed ON E
    case("c1", date(2023, 3, 1), 100 * M,
         (ev(date(2023, 6, 1), "collected", 30 * M), ev(E, "completed"))),
    # accepted ON E: incoming and pending, age 0
    case("c2", E, 50 * M, executor="A-2"),
    # carried over, moved to the separate register in the range
    case("c3", date(2022, 1, 10), 40 * M,
         (ev(date(2022, 2, 1), "unenforceable"), ev(date(2024, 3, 15), "separate_register"))),
    # new, 5 collected, then entrusted: disposed (entrusted); resolved as completed (§1.3)
    case("c4", date(2023, 11, 1), 20 * M,
         (ev(date(2024, 1, 10), "collected", 5 * M), ev(date(2024, 2, 1), "entrusted"))),
    # carried over, still pending at E, 2 collected in the range
    case("c5", date(2021, 5, 1), 10 * M, (ev(date(2024, 5, 1), "collected", 2 * M),)),
    # closed before S: not counted at all
    case("c6", date(2020, 1, 1), 10 * M, (ev(date(2023, 5, 1), "completed"),)),
    # accepted after E: not counted in the statistical year (counted in calendar 2024)
    case("c7", date(2024, 10, 5), 10 * M),
    # office B: new, terminated in the range
    case("c8", date(2023, 12, 1), 30 * M, (ev(date(2024, 6, 1), "terminated"),),
         office="B", executor="B-1"),
    # office B: new, no money, pending
    case("c9", date(2024, 1, 1), 0, office="B", executor="B-1"),
]  # fmt: skip


def test_every_metric_of_office_a_by_hand() -> None:
    m = metrics(BOOK, Y24).row("A").value
    assert m.days == 366  # 1/10/2023..30/9/2024: 365 + 1 for 29/2/2024
    assert m.carried_over == 3  # c1, c3, c5 (c6 closed before S)
    assert m.incoming == 2  # c2 (on E), c4
    # disposed: c1 completed on E, c3 separate register, c4 entrusted
    assert m.disposed_by == (1, 0, 1, 0, 1)
    assert m.disposed == 3
    assert m.resolved == 2  # c1 completed; c4 entrusted after a collection counts completed
    assert m.pending == 2  # c2, c5
    assert m.pending == m.carried_over + m.incoming - m.disposed  # 3 + 2 − 3
    assert m.backlog_change == -1  # 2 − 3
    assert m.clearance_rate is not None and m.clearance_rate.exact == Fraction(3, 2)
    assert m.disposition_time == Fraction(244)  # 366 × 2 / 3
    # ages at E: c2 0 days; c5 1/5/2021 → 30/9/2024 = 365 + 365 + 366 + 152 = 1248
    assert m.age_bands == (1, 0, 0, 1, 0)
    # durations: c4 1/11/2023 → 1/2/2024 = 30 + 31 + 31 = 92;
    # c1 1/3/2023 → 30/9/2024 = 366 + 184 + 29 = 579; c3 10/1/2022 → 15/3/2024 = 730 + 65 = 795
    assert m.durations == ((92, 1), (579, 1), (795, 1))
    assert (m.p50, m.p75, m.p90) == (579, 795, 795)  # ranks ⌈1.5⌉=2, ⌈2.25⌉=3, ⌈2.7⌉=3
    # money accepted: owed at S 70 (c1) + 40 (c3) + 10 (c5); new 50 (c2) + 20 (c4) = 190
    assert m.money_accepted == 190 * M
    # money completed: c1's remainder 70 + c4 collected 5 + c5 collected 2 = 77
    assert m.money_completed == 77 * M
    assert m.collection_rate is not None and m.collection_rate.exact == Fraction(77, 190)
    assert m.money_resolved == 77 * M
    assert m.executor_count == 2  # A-1 (c5), A-2 (c2)
    assert m.caseload_per_executor == Fraction(1)  # 2 pending / 2 executors


def test_office_b_and_the_total_by_hand() -> None:
    table = metrics(BOOK, Y24)
    b = table.row("B").value
    assert (b.carried_over, b.incoming, b.disposed, b.pending) == (0, 2, 1, 1)
    assert b.clearance_rate is not None and b.clearance_rate.exact == Fraction(1, 2)
    assert b.disposition_time == Fraction(366)  # 366 × 1 / 1
    assert b.age_bands == (0, 1, 0, 0, 0)  # c9: 1/1/2024 → 30/9/2024 = 273 days
    assert (b.p50, b.p75, b.p90) == (183, 183, 183)  # c8: 1/12/2023 → 1/6/2024 = 183
    assert (b.money_accepted, b.money_completed, b.money_terminated) == (30 * M, 0, 30 * M)
    assert b.collection_rate is not None and b.collection_rate.exact == 0
    total = table.total.value
    assert (total.carried_over, total.incoming, total.disposed, total.pending) == (3, 4, 4, 3)
    assert total.disposition_time == Fraction(549, 2)  # 366 × 3 / 4 = 274.5
    # pooled 92, 183, 579, 795: ranks ⌈2⌉=2, ⌈3⌉=3, ⌈3.6⌉=4 (never an average of children)
    assert (total.p50, total.p75, total.p90) == (183, 579, 795)
    assert total.collection_rate is not None
    assert total.collection_rate.exact == Fraction(77, 220)  # (77 + 0) / (190 + 30)
    assert total.caseload_per_executor == Fraction(1)  # 3 pending / {A-1, A-2, B-1}


def test_calendar_year_by_hand() -> None:
    m = metrics(BOOK, calendar_year(2024)).row("A").value
    assert m.days == 366
    assert m.carried_over == 4  # c1, c3, c4, c5 open on 31/12/2023
    assert m.incoming == 2  # c2 (30/9), c7 (5/10)
    assert m.disposed == 3  # c1, c3, c4
    assert m.pending == 3  # c2, c5, c7: 4 + 2 − 3
    assert m.age_bands == (2, 0, 0, 1, 0)  # c2 92 days, c7 87 days, c5 1340 days
    assert m.caseload_per_executor == Fraction(3, 2)  # A-1 (c5, c7), A-2 (c2)


def test_metrics_and_the_report_give_the_hand_figures() -> None:
    # the report's rows of statistical year 2024, worked out by hand from BOOK:
    # A: carried over c1, c3, c5 = 3; new c2, c4 = 2; resolved c1 (completed) + c4
    #    (entrusted after collecting, counted completed) = 2; money accepted 70 + 40 + 10
    #    + 50 + 20 = 190, completed 70 + 5 + 2 = 77
    # B: carried over 0; new c8, c9 = 2; resolved c8 (terminated) = 1; money accepted 30
    #    + 0 = 30, completed 0, terminated 30 (c8's remainder)
    hand = {"A": (3, 2, 2, 190 * M, 77 * M, 0), "B": (0, 2, 1, 30 * M, 0, 30 * M)}
    table = metrics(BOOK, Y24)
    counted = report(BOOK, Y24)
    for office, figures in hand.items():
        m = table.row(office).value
        got = (m.carried_over, m.incoming, m.resolved, m.money_accepted, m.money_completed,
               m.money_terminated)  # fmt: skip
        assert got == figures, office
        pair = counted.row(office).current
        assert (
            pair.cases.carried_over, pair.cases.new, pair.cases.resolved, pair.money.accepted,
            pair.money.completed, pair.money.terminated,
        ) == figures, office  # fmt: skip


def test_campaign_from_one_day_to_another() -> None:
    # 1/1/2024..1/6/2024: c4 entrusted after collecting 5 (resolved), c8 terminated (30)
    # on 1/6 (last day included); c5's 2 collected on 1/5
    table = campaign(BOOK, date(2024, 1, 1), date(2024, 6, 1))
    a, b = table.row("A").value, table.row("B").value
    assert (a.resolved, a.money_resolved) == (1, 7 * M)  # c4; 5 + 2
    assert (b.resolved, b.money_resolved) == (1, 30 * M)  # c8's remainder
    assert table.total.value.money_resolved == 37 * M


def test_monthly_flows_by_hand() -> None:
    flows = monthly_flows(BOOK, 2024).row("A").value
    months = flows.months()
    assert months[0] == date(2023, 10, 1) and months[11] == date(2024, 9, 1)
    assert flows.cases[1] == Flow(new=1)  # November: c4 accepted
    assert flows.money[1] == Flow(new=20 * M)
    assert flows.money[3] == Flow(completed=5 * M)  # January: c4 collected 5
    assert flows.cases[4] == Flow(completed=1)  # February: c4 entrusted after collecting
    assert flows.money[4] == Flow(entrusted=15 * M)  # its remainder 20 − 5
    assert flows.cases[5] == Flow()  # March: c3 to the separate register is not a flow row
    assert flows.money[7] == Flow(completed=2 * M)  # May: c5 collected 2
    assert flows.cases[11] == Flow(new=1, completed=1)  # September: c2 in, c1 completed
    assert flows.money[11] == Flow(new=50 * M, completed=70 * M)


def test_empty_group_and_undefined_ratios() -> None:
    m = Metrics(days=31)
    assert m.clearance_rate is None and m.disposition_time is None
    assert m.collection_rate is None and m.caseload_per_executor is None
    assert m.p50 is None


def test_bad_ranges_are_rejected() -> None:
    with pytest.raises(InvalidRecordError, match="before the start"):
        DateRange(date(2024, 2, 1), date(2024, 1, 1))
    with pytest.raises(InvalidRecordError, match="percentile"):
        Metrics(days=1).time_to_disposition(0)


def test_request_returned_in_the_range_is_refused() -> None:
    returned = case("r", date(2026, 7, 2), 0, (ev(date(2026, 8, 1), "request_returned"),))
    with pytest.raises(RuleNotAvailableError, match="case r: a request returned"):
        metrics([returned], calendar_year(2026))
    # before the range it is simply off the books
    assert metrics([returned], calendar_year(2027)).total.value.carried_over == 0


def test_writers() -> None:
    table = metrics(BOOK, Y24)
    assert '"disposition_time_days": "244"' in to_json(table)  # 244/1 written whole
    assert "không phải tỷ lệ thi hành xong" in to_table(table)


def test_metrics_table_lines_by_hand() -> None:
    # the text table of the worked example: title, headings, then the total and A, B
    # indented; counts grouped, CR and Thu in percent (3/2 → 150,00), DT and Việc/CHV to
    # one place (366 × 3 / 4 = 274,5), the change of the backlog signed only when < 0
    lines = to_table(metrics(BOOK, Y24)).splitlines()
    assert len(lines) == 5 and lines[1].split()[:3] == ["Đơn", "vị", "Tồn"]
    assert lines[2].split() == ["Toàn", "bộ", "3", "4", "4", "3", "0", "100,00", "274,5",
                                "1", "183", "795", "35,00", "1,0"]  # fmt: skip
    assert lines[3].startswith("  A ") and lines[3].split()[1:7] == [
        "3", "2", "3", "2", "-1", "150,00"
    ]  # fmt: skip
    # a name is printed whole (never cut) and without terminal control characters
    long = "Phòng Thi hành án dân sự khu vực 12 - Thành phố Hồ Chí Minh (mẫu)"
    odd = [case("x", date(2022, 11, 1), 5 * M, office=long),
           case("y", date(2022, 11, 1), 5 * M, office="\x1b[31mQ\x1b[0m")]  # fmt: skip
    text = to_table(metrics(odd, StatisticalPeriod(2023)))
    assert f"  {long}  " in text and "\x1b" not in text and "\n  Q  " in text


def test_metrics_csv_cell_by_cell() -> None:
    # every cell from the hand figures of the two tests above; rates are percents rounded
    # half-up (A: 3/2 = 150 %, 77/190 = 40,526.. → 40.53; B: 1/2, 0/30; total: 4/4,
    # 77/220 = 35 %), DT exact (total 366 × 3 / 4 = 549/2)
    rows = list(csv.reader(io.StringIO(to_csv(metrics(BOOK, Y24)))))
    assert rows[0] == [
        "code", "name", "carried_over", "incoming", "disposed", "pending", "backlog_change",
        "clearance_rate", "disposition_time_days", "age_0-180", "age_181-365",
        "age_366-730", "age_731-1825", "age_1826+", "p50", "p75", "p90", "money_accepted",
        "money_completed", "collection_rate", "executors", "caseload_per_executor",
    ]  # fmt: skip
    assert rows[1:] == [
        ["VN", "Toàn bộ", "3", "4", "4", "3", "0", "100.00", "549/2", "1", "1", "0", "1",
         "0", "183", "579", "795", "220000000", "77000000", "35.00", "3", "1"],
        ["A", "A", "3", "2", "3", "2", "-1", "150.00", "244", "1", "0", "0", "1", "0",
         "579", "795", "795", "190000000", "77000000", "40.53", "2", "1"],
        ["B", "B", "0", "2", "1", "1", "1", "50.00", "366", "0", "1", "0", "0", "0", "183",
         "183", "183", "30000000", "0", "0.00", "1", "1"],
    ]  # fmt: skip


def _flow_lines(code: str, name: str, cases: dict[str, tuple[int, ...]],
                money: dict[str, tuple[int, ...]]) -> list[list[str]]:  # fmt: skip
    """The 24 lines of one row: every month of 2024 (October 2023 first) zero unless
    given as (new, completed, terminated, reduced, resolved, entrusted, withdrawn)."""
    months = [f"{2023 + (m >= 3)}-{(9 + m) % 12 + 1:02d}" for m in range(12)]
    zero = (0, 0, 0, 0, 0, 0, 0)
    out = []
    for month in months:
        for unit, figures in (("cases", cases), ("money", money)):
            out.append([code, name, month, unit, *map(str, figures.get(month, zero))])
    return out


def test_flows_csv_cell_by_cell() -> None:
    # from BOOK's events, month by month (columns new, completed, terminated, reduced,
    # resolved = completed + terminated + reduced, entrusted, withdrawn):
    # A: Nov c4 in (20); Jan c4 collects 5; Feb c4 entrusted after collecting: 1 case
    #    completed, its remainder 15 entrusted; May c5 collects 2; Sep c2 in (50), c1
    #    completed with its remainder 70. March: c3 to the separate register, no flow row.
    a_cases = {"2023-11": (1, 0, 0, 0, 0, 0, 0), "2024-02": (0, 1, 0, 0, 1, 0, 0),
               "2024-09": (1, 1, 0, 0, 1, 0, 0)}  # fmt: skip
    a_money = {"2023-11": (20 * M, 0, 0, 0, 0, 0, 0), "2024-01": (0, 5 * M, 0, 0, 5 * M, 0, 0),
               "2024-02": (0, 0, 0, 0, 0, 15 * M, 0), "2024-05": (0, 2 * M, 0, 0, 2 * M, 0, 0),
               "2024-09": (50 * M, 70 * M, 0, 0, 70 * M, 0, 0)}  # fmt: skip
    # B: Dec c8 in (30); Jan c9 in (no money); Jun c8 terminated with its 30
    b_cases = {"2023-12": (1, 0, 0, 0, 0, 0, 0), "2024-01": (1, 0, 0, 0, 0, 0, 0),
               "2024-06": (0, 0, 1, 0, 1, 0, 0)}  # fmt: skip
    b_money = {"2023-12": (30 * M, 0, 0, 0, 0, 0, 0), "2024-06": (0, 0, 30 * M, 0, 30 * M, 0, 0)}
    # the total: A and B month by month (no month has both)
    vn_cases = {**a_cases, **b_cases, "2024-01": (1, 0, 0, 0, 0, 0, 0)}
    vn_money = {**a_money, **b_money, "2024-01": (0, 5 * M, 0, 0, 5 * M, 0, 0)}
    rows = list(csv.reader(io.StringIO(flows_to_csv(monthly_flows(BOOK, 2024)))))
    assert rows[0] == ["code", "name", "month", "unit", "new", "completed", "terminated",
                       "reduced", "resolved", "entrusted", "withdrawn"]  # fmt: skip
    assert rows[1:] == [
        *_flow_lines("VN", "Toàn bộ", vn_cases, vn_money),
        *_flow_lines("A", "A", a_cases, a_money),
        *_flow_lines("B", "B", b_cases, b_money),
    ]


# --- the quota planner ---------------------------------------------------------------


def test_needed_by_hand() -> None:
    # quota 82.80 % of 1000 enforceable: ⌈828⌉ = 828; 800 resolved → 28 more
    assert needed(Decimal("82.80"), 1000, 800) == 28
    # ⌈0.828 × 1001⌉ = ⌈828.828⌉ = 829
    assert needed(Decimal("82.80"), 1001, 800) == 29
    assert needed(Decimal("82.80"), 1000, 900) == 0  # already over: at least 0
    with pytest.raises(InvalidRecordError, match="target"):
        needed(82.8, 1000, 800)  # type: ignore[arg-type]


def test_plan_uses_the_regime_terms() -> None:
    cases = Tally(new=10, completed=4, in_progress=6)  # enforceable 10, resolved 4
    money = Tally(new=100, completed=30, reduced=10, in_progress=60)  # enforceable 100
    regime = regime_by_code("tt05_2024")
    quota = Quota(year=2025, cases=Decimal("80"), money=Decimal("50"))
    got = plan(quota, TallyPair(cases, money), regime)
    assert got.cases == 4  # ⌈0.8 × 10⌉ − 4
    assert got.money == 10  # resolved 30 + 10 = 40; ⌈0.5 × 100⌉ − 40
    # a regime that leaves reductions out of the money rate: 30 of 90 enforceable
    narrow = regime.with_options(money_resolved_rows=frozenset({"completed", "terminated"}))
    assert plan(quota, TallyPair(cases, money), narrow).money == 15  # ⌈45⌉ − 30


# --- properties ------------------------------------------------------------------------

YEARS = (2021, 2024)


@st.composite
def ranges(draw: st.DrawFn) -> DateRange:
    start = draw(st.dates(date(2021, 1, 1), date(2024, 12, 31)))
    length = draw(st.integers(0, 800))
    return DateRange(start, start + timedelta(days=length))


# An oracle written from the definitions (docs/metrics.md), reading the records only: a
# case's closing day is the day of its closing event (completed, terminated, entrusted,
# withdrawn, separate register), which is always its last event.
CLOSING_KINDS = frozenset({"completed", "terminated", "entrusted", "withdrawn",
                           "separate_register"})  # fmt: skip


def _closing_day(c: Case) -> date | None:
    days = [e.on for e in c.events if str(e.kind.value) in CLOSING_KINDS]
    return max(days) if days else None


def _band(age: int) -> int:
    # 0-180, 181-365, 366-730, 731-1825, 1826+ (inclusive tops)
    for band, top in enumerate((180, 365, 730, 1825)):
        if age <= top:
            return band
    return 4


def _oracle(cases: list[Case], span: DateRange, office: str) -> tuple[object, ...]:
    s, e = span.start, span.end
    carried = incoming = disposed = pending = 0
    bands = [0, 0, 0, 0, 0]
    for c in cases:
        if c.office != office or c.accepted_on > e:
            continue
        closed = _closing_day(c)
        if c.accepted_on < s:
            if closed is not None and closed < s:
                continue  # off the books before the range
            carried += 1
        else:
            incoming += 1
        if closed is not None and closed <= e:
            disposed += 1
        else:
            pending += 1
            bands[_band((e - c.accepted_on).days)] += 1
    return carried, incoming, disposed, pending, tuple(bands)


@settings(max_examples=60, deadline=None)
@given(case_sets(max_size=20, years=YEARS), ranges())
def test_stocks_flows_and_ages_against_the_records(cases: list[Case], span: DateRange) -> None:
    table = metrics(cases, span)
    for office in sorted({c.office for c in cases}):
        expected = _oracle(cases, span, office)
        try:
            m = table.row(office).value
        except KeyError:  # no case of the office on the books in the range
            assert expected == (0, 0, 0, 0, (0, 0, 0, 0, 0))
            continue
        assert (m.carried_over, m.incoming, m.disposed, m.pending, m.age_bands) == expected


@pytest.mark.parametrize(
    ("age", "band"),
    [(0, 0), (180, 0), (181, 1), (365, 1), (366, 2), (730, 2), (731, 3), (1825, 3),
     (1826, 4)],
)  # fmt: skip
def test_a_pending_case_aged_exactly_on_a_band_edge(age: int, band: int) -> None:
    # the bands' tops are inclusive: aged 180 days at E is "0-180", 181 is "181-365"
    accepted = E - timedelta(days=age)
    m = metrics([case("edge", accepted, 10 * M)], Y24).row("A").value
    expected = [0, 0, 0, 0, 0]
    expected[band] = 1
    assert m.pending == 1 and m.age_bands == tuple(expected)


def _counts(m: Metrics) -> tuple[int, ...]:
    return (
        m.carried_over, m.incoming, *m.disposed_by, m.resolved, m.pending, *m.age_bands,
        m.money_accepted, m.money_completed, m.money_terminated, m.money_reduced,
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(case_sets(max_size=20, years=YEARS), ranges())
def test_parent_counts_are_sums_of_children(cases: list, span: DateRange) -> None:  # type: ignore[type-arg]
    for by in ("office", "executor"):
        rows = metrics(cases, span, by=by).rows
        for i, row in enumerate(rows):
            kids = []
            for later in rows[i + 1 :]:
                if later.depth <= row.depth:
                    break
                if later.depth == row.depth + 1:
                    kids.append(later.value)
            if not kids:
                continue
            sums = [sum(values) for values in zip(*(_counts(k) for k in kids), strict=True)]
            assert list(_counts(row.value)) == sums
            pooled = sorted(d for k in kids for d, n in k.durations for _ in range(n))
            assert [d for d, n in row.value.durations for _ in range(n)] == pooled


@settings(max_examples=60, deadline=None)
@given(case_sets(max_size=20, years=YEARS), st.integers(2022, 2024))
def test_monthly_intake_against_the_records(cases: list[Case], year: int) -> None:
    # each month's new cases and money are the cases accepted in that month and their
    # debts, read from the records; the months run October to September
    flows = monthly_flows(cases, year)
    first = date(year - 1, 10, 1)
    for office in sorted({c.office for c in cases}):
        expected_cases, expected_money = [0] * 12, [0] * 12
        for c in cases:
            if c.office != office:
                continue
            month = (c.accepted_on.year - first.year) * 12 + c.accepted_on.month - 10
            if 0 <= month < 12:
                expected_cases[month] += 1
                expected_money[month] += sum(d.amount for d in c.debts)
        try:
            row = flows.row(office).value
        except KeyError:
            assert expected_cases == [0] * 12
            continue
        assert [f.new for f in row.cases] == expected_cases
        assert [f.new for f in row.money] == expected_money


def test_cli_report_metrics(tmp_path: Path) -> None:
    from thads.cli import main

    examples = Path(__file__).parents[2] / "docs" / "examples"
    args = ["report", "--cases", str(examples / "cases.csv"), "--events",
            str(examples / "events.csv"), "--year", "2023", "--metrics"]  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    assert main(args, out=out, err=err) == 0
    text = out.getvalue()
    assert "Tỷ lệ việc" in text and "CR %" in text  # the report, then the metrics
    out = io.StringIO()
    assert main([*args, "--format", "json"], out=out, err=err) == 0
    data = json.loads(out.getvalue())
    assert data["format"] == "thads-report"  # the report, with its metrics inside
    metrics_data = data["metrics"]
    assert metrics_data["format"] == "thads-metrics"
    assert metrics_data["range"]["start"] == "2022-10-01"
    total = metrics_data["rows"][0]
    assert total["pending"] == total["carried_over"] + total["incoming"] - total["disposed"]
    # the metrics' incoming is the report's "new" row of the same cases
    assert total["incoming"] == data["rows"][0]["current"]["cases"]["new"]
    out = io.StringIO()
    assert main([*args, "--format", "csv"], out=out, err=err) == 0
    lines = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert lines[0]["code"] == "VN" and lines[0]["metrics_incoming"] == lines[0]["new"]
    # xlsx is not a metrics format: a usage error before any input is read
    target = tmp_path / "m.xlsx"
    assert main([*args, "--format", "xlsx", "--output", str(target)], out=out, err=err) == 2
    assert not target.exists()


def test_metrics_in_the_reports_own_pass_equal_compute_also_with_jobs() -> None:
    # the collector fed by report() (one pass, and sharded over 2 processes) gives the
    # same table as compute(), which makes its own pass
    from thads import report
    from thads.metrics import MetricsCollector, collected

    period = Y24
    expected = compute(BOOK, [period]).metrics[DateRange.of(period)]
    assert expected.total.value.incoming > 0 and expected.total.value.disposed > 0
    for jobs in (1, 2):
        collector = MetricsCollector([period])
        report(BOOK, period, metrics=collector, jobs=jobs)
        assert collected(collector, period) == expected, jobs
