"""Each event's ground is read under the law in force on its day, and the regime decides
with that law known (issue 20).

Law 106/2025/QH15 governs steps taken from 01/07/2026 and numbers its grounds anew:
postponement Art. 46, suspension Art. 47, termination Art. 48 (docs/grounds.md,
../shared/reference/law-106-2025.md). So "48.1.c" is the agreed postponement of Law
26/2008 (Art. 48(1)(c)) on 30/06/2026, and not a postponement ground at all on
15/07/2026 (Art. 48 of the new law is termination, clauses 1-8 without points).

Every figure below is worked by hand: one case of 100 triệu accepted 01/03/2026, with
conditions from 10/03/2026, postponed once; its row at the period end is the
postponement's row; money follows the case row.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from tests.helpers import M, case, ev

from thads import StatisticalPeriod, report, testing
from thads.count import placement, sweep
from thads.errors import InvalidGroundError, InvalidRecordError
from thads.law import AGREED_POSTPONEMENTS, LawVersion
from thads.records import Event, EventKind
from thads.rules import ground_key, ground_law, read_ground, regime_by_code, regime_for

JULY_2026 = StatisticalPeriod(2026, 10)  # 01/10/2025 - 31/07/2026: TT 05/2026
JUNE_2026 = StatisticalPeriod(2026, 9)  # 01/10/2025 - 30/06/2026: TT 05/2024


def _postponed(on: date, ground: str, case_id: str = "K1") -> object:
    return case(
        case_id,
        date(2026, 3, 1),
        100 * M,
        (ev(date(2026, 3, 10), "enforceable"), ev(on, "postponed", ground=ground)),
    )


def test_new_law_agreed_postponement_counts_with_conditions_under_tt05_2026() -> None:
    # 15/07/2026, Law 106/2025 Art. 46(1)(c): postponed by the parties' agreement.
    k = _postponed(date(2026, 7, 15), "điểm c khoản 1 Điều 46")
    assert k.events[1].ground == "46.1.c"  # type: ignore[attr-defined]
    total = report([k], JULY_2026, allow_last_known=True).total.current
    assert (total.cases.postponed, total.cases.stayed) == (1, 0)
    assert (total.money.postponed, total.money.stayed) == (100 * M, 0)
    assert total.cases.enforceable == 1  # postponed with conditions is with conditions


def test_with_the_option_off_it_is_stayed() -> None:
    k = _postponed(date(2026, 7, 15), "46.1.c")
    off = regime_for(JULY_2026, allow_last_known=True).with_options(
        new_law_agreed_postponement=False
    )
    total = report([k], JULY_2026, regime=off).total.current
    assert (total.cases.postponed, total.cases.stayed) == (0, 1)
    assert (total.money.postponed, total.money.stayed) == (0, 100 * M)
    assert total.cases.enforceable == 0
    placed = placement(k, JULY_2026, off)  # type: ignore[arg-type]
    assert placed is not None and placed.row == "stayed"


def test_another_new_law_postponement_is_stayed() -> None:
    # 46.1.a (the debtor gravely ill) is not an agreed postponement.
    k = _postponed(date(2026, 7, 15), "46.1.a")
    total = report([k], JULY_2026, allow_last_known=True).total.current
    assert (total.cases.postponed, total.cases.stayed) == (0, 1)


def test_old_code_on_a_new_law_day_is_rejected_as_a_termination_ground() -> None:
    with pytest.raises(InvalidGroundError) as raised:
        Event(date(2026, 7, 15), "postponed", 0, "48.1.c")
    assert raised.value.code == "ground.invalid"
    assert "Law 106/2025/QH15" in raised.value.reason
    assert "46.1.c" in raised.value.reason  # the new law's grounds are listed
    # "48.2" exists under the new law, as a termination ground: not a postponement.
    with pytest.raises(InvalidGroundError, match="not of hoãn"):
        Event(date(2026, 7, 15), "postponed", 0, "48.2")
    assert Event(date(2026, 7, 15), "terminated", 0, "48.2").ground == "48.2"


def test_old_law_postponement_on_30_june_2026_counts_as_before() -> None:
    k = _postponed(date(2026, 6, 30), "48.1.c")
    june = report([k], JUNE_2026).total.current  # TT 05/2024
    assert (june.cases.postponed, june.cases.stayed) == (1, 0)
    july = report([k], JULY_2026, allow_last_known=True).total.current
    assert (july.cases.postponed, july.cases.stayed) == (1, 0)
    # the option concerns the new law's ground only: 48.1.c of 2008 is still counted
    off = regime_for(JULY_2026, allow_last_known=True).with_options(
        new_law_agreed_postponement=False
    )
    assert report([k], JULY_2026, regime=off).total.current.cases.postponed == 1
    # and 46.1.c on 30/06/2026 does not exist (Law 26/2008 Art. 46 has no grounds)
    with pytest.raises(InvalidGroundError, match="Law 26/2008/QH12"):
        Event(date(2026, 6, 30), "postponed", 0, "46.1.c")


def test_the_sweep_keeps_each_law_in_its_own_column() -> None:
    # One case on 48.1.c of 2008 (30/06), one on 46.1.c of 2025 (15/07): with the option
    # off only the first is with conditions; on, both.
    cases = [
        _postponed(date(2026, 6, 30), "48.1.c", "K1"),
        _postponed(date(2026, 7, 15), "46.1.c", "K2"),
    ]
    on = regime_for(JULY_2026, allow_last_known=True)
    off = on.with_options(new_law_agreed_postponement=False)
    swept = sweep([("all", k.timeline) for k in cases], [2026])  # type: ignore[attr-defined]
    assert sorted(swept.grounds) == [
        ("46.1.c", LawVersion.LAW_2025),
        ("48.1.c", LawVersion.LAW_2008),
    ]
    tallies = swept.tallies({JULY_2026: off})[JULY_2026]["all"]
    assert (tallies.cases.postponed, tallies.cases.stayed) == (1, 1)
    tallies = swept.tallies({JULY_2026: on})[JULY_2026]["all"]
    assert (tallies.cases.postponed, tallies.cases.stayed) == (2, 0)


def test_tt05_2024_does_not_know_the_new_law_ground() -> None:
    # A TT 05/2024 regime forced onto a July 2026 period: 46.1.c is not its 48.1.c.
    k = _postponed(date(2026, 7, 15), "46.1.c")
    total = report([k], JULY_2026, regime=regime_by_code("tt05_2024")).total.current
    assert (total.cases.postponed, total.cases.stayed) == (0, 1)


def test_stay_row_reads_the_ground_under_the_law_given() -> None:
    regime = regime_by_code("tt05_2026")
    assert regime.stay_row(suspended=False, ground="46.1.c", on=date(2026, 7, 15)) == ("postponed")
    assert regime.stay_row(suspended=False, ground="48.1.c", on=date(2026, 6, 30)) == ("postponed")
    assert regime.stay_row(suspended=True, ground=None, on=date(2026, 7, 15)) == "stayed"
    with pytest.raises(InvalidGroundError):
        regime.stay_row(suspended=False, ground="48.1.c", law=LawVersion.LAW_2025)
    # no day and no law: Law 26/2008, as before
    assert regime_by_code("tt05_2024").stay_row(suspended=False, ground="48(1)(c)") == ("postponed")


def test_the_regime_says_which_grounds_it_counts() -> None:
    regime = regime_by_code("tt05_2026")
    assert regime.enforceable_grounds == frozenset({"48.1.c", "46.1.c@106/2025/QH15"})
    assert regime.heading("postponed") == (
        "Hoãn (điểm c khoản 1 Điều 48 Luật số 26/2008/QH12; "
        "điểm c khoản 1 Điều 46 Luật số 106/2025/QH15)"
    )
    assert regime_by_code("tt05_2024").heading("postponed") == "Hoãn (điểm c khoản 1 Điều 48)"
    assert ground_key(AGREED_POSTPONEMENTS[LawVersion.LAW_2025]) == "46.1.c@106/2025/QH15"
    assert ground_key("điểm a khoản 1 Điều 46", LawVersion.LAW_2025) == "46.1.a@106/2025/QH15"
    assert ground_key("46.1.c@106/2025/QH15") == "46.1.c@106/2025/QH15"
    chosen = regime_by_code("tt05_2024").with_options(
        enforceable_grounds=["48.1.c", "46.1.a@106/2025/QH15"]
    )
    assert chosen.enforceable_grounds == frozenset({"48.1.c", "46.1.a@106/2025/QH15"})
    with pytest.raises(InvalidGroundError):
        ground_key("48.1.c@106/2025/QH15")  # no such ground in the new law
    with pytest.raises(InvalidGroundError, match="unknown law"):
        ground_key("48.1.c@99/2030/QH16")


def test_the_law_of_a_day() -> None:
    assert ground_law(date(2026, 6, 30)) is LawVersion.LAW_2008
    assert ground_law(date(2026, 7, 1)) is LawVersion.LAW_2025
    # before Law 26/2008 (01/07/2009): read under it, as thads always has
    assert ground_law(date(2005, 1, 1)) is LawVersion.LAW_2008
    assert read_ground("47.2", date(2026, 7, 1), EventKind.SUSPENDED) == "47.2"
    assert read_ground("Điều 49 khoản 1", date(2026, 6, 30), EventKind.SUSPENDED) == "49.1"


def test_a_bad_ground_is_an_invalid_record() -> None:
    with pytest.raises(InvalidRecordError) as raised:
        Event(date(2026, 7, 15), "suspended", 0, "49.1")  # 2008's suspension number
    assert raised.value.code == "ground.invalid"


@settings(max_examples=60, deadline=None)
@given(
    testing.events(["postponed", "suspended"], on=(date(2026, 5, 1), date(2026, 9, 30))),
    testing.cases(years=2027, event_mix={"postponed": 3, "suspended": 1, "resumed": 1}),
)
def test_the_strategies_draw_grounds_of_the_law_of_each_day(event: Event, k: object) -> None:
    # years=2027: accepted from 01/10/2026, every step under Law 106/2025
    steps = [event, *k.events]  # type: ignore[attr-defined]
    for step in steps:
        if step.ground is not None:
            new = step.on >= date(2026, 7, 1)
            article = step.ground.split(".")[0]
            if step.kind is EventKind.POSTPONED:
                assert article == ("46" if new else "48")
            else:
                assert article == ("47" if new else "49")
