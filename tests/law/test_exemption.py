"""thads.law.exemption_candidates: the exemption and reduction review, under each law
(Law 2008 Art. 61; Law 106/2025 Art. 42–45; docs/law/exemption.md)."""

from __future__ import annotations

from datetime import date

import pytest

from thads import Case, Debt, Event, Judgment
from thads.errors import InvalidRecordError
from thads.law import exemption_candidates

DAY = date(2026, 3, 15)


def _case(
    case_id: str, accepted: date, amount: int, events: list[Event], *, creditor: str = "state"
) -> Case:
    return Case(
        case_id,
        "KV1",
        "E1",
        "active",
        Judgment(f"{case_id}/HS", "criminal"),
        accepted,
        Debt(amount, creditor),
        events,
    )


def history() -> list[Case]:
    no_means = Event(date(2021, 6, 1), "unenforceable", ground="44a.1.a")
    return [
        # x: nothing paid, 1.500.000 < 2.000.000, first decision 15/03/2021:
        # 5 years reached on 15/03/2026 exactly -> full exemption (Art. 61(1))
        _case("x", date(2021, 3, 15), 1_500_000, [no_means]),
        # y: 5.200.000, 200.000 paid (200.000 x 50 = 10.000.000 >= 5.200.000: partly paid),
        # remainder 5.000.000 needs 10 years (01/06/2025) -> exemption (Art. 61(2));
        # the "no conditions" decision has no ground: Art. 44a(1)(a) assumed
        _case(
            "y",
            date(2015, 6, 1),
            5_200_000,
            [
                Event(date(2015, 7, 1), "collected", 200_000),
                Event(date(2016, 1, 4), "unenforceable"),
            ],
        ),
        # z: 40.000.000, 1.000.000 paid (x 50 = 50.000.000 >= 40.000.000), remainder
        # 39.000.000, 5 years on 10/01/2024 -> reduction of at most 39.000.000 / 4 = 9.750.000
        _case(
            "z",
            date(2019, 1, 10),
            40_000_000,
            [
                Event(date(2019, 3, 1), "collected", 1_000_000),
                Event(date(2019, 5, 2), "unenforceable", ground="Điều 44a khoản 1 điểm a"),
            ],
        ),
        # w: address unknown (44a(1)(c)): not without means -> not listed
        _case(
            "w",
            date(2015, 1, 5),
            1_000_000,
            [Event(date(2015, 2, 2), "unenforceable", ground="44a(1)(c)")],
        ),
        # v: has conditions -> not listed
        _case("v", date(2015, 1, 5), 1_000_000, [Event(date(2015, 2, 2), "enforceable")]),
        # u: owed to a private person -> not listed
        _case(
            "u",
            date(2015, 1, 5),
            1_000_000,
            [Event(date(2015, 2, 2), "unenforceable")],
            creditor="private",
        ),
        # t: closed (terminated) -> not listed
        _case("t", date(2015, 1, 5), 1_000_000, [Event(date(2015, 2, 2), "terminated")]),
    ]


def test_candidates_on_the_day() -> None:
    found = exemption_candidates(history(), DAY)
    # all eligible on the day: largest amount first
    assert [(c.case_id, c.outcome, c.max_amount, c.rule) for c in found] == [
        ("z", "reduction", 9_750_000, "Art. 61(3)"),
        ("y", "exemption", 5_000_000, "Art. 61(2)"),
        ("x", "exemption", 1_500_000, "Art. 61(1)"),
    ]
    assert all(c.eligible_now and c.eligible_from == DAY for c in found)
    by_id = {c.case_id: c for c in found}
    assert by_id["y"].assumed_no_means and not by_id["x"].assumed_no_means
    assert (by_id["z"].item, by_id["z"].paid, by_id["z"].outstanding) == (
        40_000_000,
        1_000_000,
        39_000_000,
    )


def test_eligible_exactly_on_the_day_not_the_day_before() -> None:
    day_before = date(2026, 3, 14)
    assert "x" not in [c.case_id for c in exemption_candidates(history(), day_before)]
    ahead = {c.case_id: c for c in exemption_candidates(history(), day_before, horizon=1)}
    assert ahead["x"].eligible_from == DAY and not ahead["x"].eligible_now
    # a horizon of 0 days does not reach 15/03
    assert "x" not in [c.case_id for c in exemption_candidates(history(), day_before, horizon=0)]


def test_one_decision_a_year_and_earlier_reduction() -> None:
    # z reduced by 9.000.000 on 01/11/2025: item 31.000.000, remainder 30.000.000;
    # next decision not before 01/11/2026 (Art. 61(5)), then at most 30.000.000 / 4
    z = history()[2]
    reduced = _case(
        "z", z.accepted_on, z.amount, [*z.events, Event(date(2025, 11, 1), "reduced", 9_000_000)]
    )
    assert exemption_candidates([reduced], DAY) == []
    # 01/11/2026 is under Law 106/2025 Art. 44: ≥ 5 years, remainder 30.000.000 between
    # 5.000.000 and 100.000.000 → at most 1/4 = 7.500.000.
    (later,) = exemption_candidates([reduced], DAY, horizon=240)
    assert (later.eligible_from, later.max_amount, later.item, later.rule) == (
        date(2026, 11, 1),
        7_500_000,
        31_000_000,
        "Art. 44",
    )


def test_review_under_law_106_2025() -> None:
    # On 28/11/2026 (Law 106/2025 Art. 44, payment no longer matters): z, remainder
    # 39.000.000 after 5 years → reduction ≤ 1/4 = 9.750.000; y, remainder 5.000.000
    # after 10 years → exemption (5.000.000 to 10.000.000); x, 1.500.000 < 5.000.000
    # after 5 years → exemption.
    found = exemption_candidates(history(), date(2026, 11, 28))
    assert [(c.case_id, c.outcome, c.max_amount, c.rule) for c in found] == [
        ("z", "reduction", 9_750_000, "Art. 44"),
        ("y", "exemption", 5_000_000, "Art. 44"),
        ("x", "exemption", 1_500_000, "Art. 44"),
    ]
    # A "no conditions" ground of the new law is Art. 38(1), point a.
    new = _case(
        "n",
        date(2020, 1, 6),
        2_000_000,
        [Event(date(2026, 8, 3), "unenforceable", ground="38.1.a")],
    )
    assert [c.case_id for c in exemption_candidates([new], date(2026, 11, 28))] == ["n"]
    old_ground = _case(
        "o",
        date(2020, 1, 6),
        2_000_000,
        [Event(date(2026, 8, 3), "unenforceable", ground="44a.1.a")],
    )
    with pytest.raises(InvalidRecordError, match=r"38\.1\.a"):
        exemption_candidates([old_ground], date(2026, 11, 28))


def test_special_hardship_needs_both_facts() -> None:
    # Art. 61(4): a fine partly paid, special hardship -> remainder exempted at any time
    case = _case(
        "s",
        date(2024, 1, 2),
        10_000_000,
        [Event(date(2024, 2, 1), "collected", 1_000_000), Event(date(2024, 3, 1), "unenforceable")],
    )
    assert exemption_candidates([case], DAY, special_hardship={"s"}) == []
    (found,) = exemption_candidates([case], DAY, special_hardship={"s"}, court_fee_or_fine={"s"})
    assert (found.rule, found.max_amount) == ("Art. 61(4)", 9_000_000)


def test_bad_input() -> None:
    bad = _case(
        "b",
        date(2015, 1, 5),
        1_000_000,
        [Event(date(2015, 2, 2), "unenforceable", ground="khoản 9")],
    )
    with pytest.raises(InvalidRecordError, match=r"case b.*ground.*44a\.1\.a"):
        exemption_candidates([bad], DAY)
    mixed = Case(
        "m",
        "KV1",
        "E1",
        "active",
        Judgment("m", "criminal"),
        date(2015, 1, 5),
        (Debt(1, "state"), Debt(1, "private")),
    )
    with pytest.raises(InvalidRecordError, match="case m"):
        exemption_candidates([mixed], DAY)
    with pytest.raises(InvalidRecordError, match="horizon"):
        exemption_candidates([], DAY, horizon=-1)
