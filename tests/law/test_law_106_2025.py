"""Law 106/2025/QH15 and Decree 152/2026/NĐ-CP, one hand-worked test per article.

Every expected date is counted by hand in the comments from the article (docs/law/
deadlines.md) on Vietnamese working days: Monday–Friday, less the days off of the
calendar below (Quốc khánh 2026: Monday 31/08 off in exchange for Saturday 22/08, a
working day; 01–02/09; Tết 2027: 04–10/02/2027), never from the function under test.
"""

from __future__ import annotations

from datetime import date

import pytest

from helpers import M, case, ev
from thads import Case, Debt, Judgment
from thads.errors import RuleNotAvailableError
from thads.law import Calendar, Deadline, LawVersion, deadlines

NEW = LawVersion.LAW_2025
VN = Calendar(
    holidays={
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
        *(date(2027, 2, d) for d in range(4, 11)),
    },
    workdays={date(2026, 8, 22)},
)
"""Days off of 2026–2027 as the holidays package gives them (docs/law/time.md)."""
AS_OF = date(2026, 12, 1)


def one(items: list[Deadline], name: str) -> Deadline:
    found = [d for d in items if d.name == name]
    assert len(found) == 1, found
    return found[0]


def on_request(case_id: str, accepted: date, events: tuple = (), **kw: object) -> Case:  # type: ignore[type-arg]
    return Case(
        case_id,
        "A",
        "A-1",
        kw.get("mode", "on_request"),  # type: ignore[arg-type]
        Judgment(f"{case_id}/J", kw.get("kind", "civil"), kw.get("effective", date(2026, 8, 3))),  # type: ignore[arg-type]
        accepted,
        debts=(Debt(100 * M),),
        events=events,
    )


def test_art_34_3_decision_on_requests_made_tuesday_to_friday() -> None:
    # Art. 34(3): 5 working days from receiving the request and the judgment.
    # Tue 04/08: Wed 5, Thu 6, Fri 7, Mon 10, Tue 11/08.
    # Wed 05/08: Thu 6, Fri 7, Mon 10, Tue 11, Wed 12/08.
    # Thu 06/08: Fri 7, Mon 10, Tue 11, Wed 12, Thu 13/08.
    # Fri 07/08: Mon 10, Tue 11, Wed 12, Thu 13, Fri 14/08.
    # Fri 21/08: Sat 22 (a make-up working day), Mon 24, Tue 25, Wed 26, Thu 27/08.
    expected = {
        date(2026, 8, 4): date(2026, 8, 11),
        date(2026, 8, 5): date(2026, 8, 12),
        date(2026, 8, 6): date(2026, 8, 13),
        date(2026, 8, 7): date(2026, 8, 14),
        date(2026, 8, 21): date(2026, 8, 27),
    }
    for received, due in expected.items():
        c = on_request("D", date(2026, 8, 28))
        got = one(deadlines(c, AS_OF, calendar=VN, request_received_on=received), "decision")
        assert (got.due, got.law, got.known) == (due, NEW, True), received
        assert "Điều 33(3), 34(3)" in got.basis


def test_art_34_3_decision_across_the_national_day_and_the_step_before_it() -> None:
    # Request Tuesday 25/08/2026. Before the holiday, Decree 152 Art. 9(6): missing
    # documents within 1 working day → Wed 26/08. Art. 34(3): Wed 26 (1), Thu 27 (2),
    # Fri 28 (3); Mon 31/08, Tue 01/09, Wed 02/09 off; Thu 03/09 (4), Fri 04/09 (5).
    c = on_request("D2", date(2026, 9, 3))
    got = deadlines(c, AS_OF, calendar=VN, request_received_on=date(2026, 8, 25))
    assert one(got, "missing_documents").due == date(2026, 8, 26)
    decision = one(got, "decision")
    assert (decision.due, decision.overdue) == (date(2026, 9, 4), False)  # decided 03/09
    # Art. 35(1)-(2): the decision of Thu 03/09 to the parties and the procuracy within
    # 3 working days: Fri 04 (1), Mon 07 (2), Tue 08/09 (3).
    assert one(got, "notify_parties").due == date(2026, 9, 8)
    assert one(got, "send_to_procuracy").due == date(2026, 9, 8)
    assert one(got, "send_to_procuracy").law is NEW


def test_art_34_4_refusal() -> None:
    # Art. 34(4): notice of refusal within 5 working days of Wednesday 26/08/2026:
    # Thu 27 (1), Fri 28 (2), three days off, Thu 03 (3), Fri 04 (4), Mon 07/09 (5).
    c = on_request("R", date(2026, 9, 10))
    got = deadlines(
        c, AS_OF, calendar=VN, request_received_on=date(2026, 8, 26), refused_on=date(2026, 9, 8)
    )
    refusal = one(got, "refusal")
    assert (refusal.due, refusal.overdue, refusal.law) == (date(2026, 9, 7), True, NEW)


def test_art_33_3_active_decisions_bankruptcy_and_emergency() -> None:
    # Judgment received Thursday 27/08/2026. Art. 33(3): 5 working days: Fri 28 (1),
    # Thu 03 (2), Fri 04 (3), Mon 07 (4), Tue 08/09 (5); a bankruptcy declaration 3
    # working days: Fri 28, Thu 03, Fri 04/09; an emergency measure at once: 27/08.
    received = date(2026, 8, 27)
    civil = on_request("A1", date(2026, 9, 8), mode="active")
    bankrupt = on_request("A2", date(2026, 9, 4), mode="active", kind="bankruptcy")
    got = one(deadlines(civil, AS_OF, calendar=VN, judgment_received_on=received), "decision")
    assert got.due == date(2026, 9, 8)
    got = one(deadlines(bankrupt, AS_OF, calendar=VN, judgment_received_on=received), "decision")
    assert got.due == date(2026, 9, 4)
    got = one(
        deadlines(civil, AS_OF, calendar=VN, judgment_received_on=received, emergency_measure=True),
        "decision",
    )
    assert (got.due, got.overdue) == (received, True)  # decided 08/09: late


def test_art_36_1_voluntary_and_art_37_1_first_verification() -> None:
    # Valid notice Friday 21/08/2026. Art. 36(1): 10 days → Monday 31/08, a day off,
    # then 01 and 02/09 off → Thursday 03/09/2026 (Civil Code Art. 148(5)).
    # Art. 37(1): within 9 days after it → Saturday 12/09 → Monday 14/09/2026.
    c = on_request("V", date(2026, 8, 14))
    got = deadlines(c, AS_OF, calendar=VN, notified_on=date(2026, 8, 21))
    assert (one(got, "voluntary").due, one(got, "voluntary").law) == (date(2026, 9, 3), NEW)
    first = one(got, "first_verification")
    assert (first.due, first.known, first.law) == (date(2026, 9, 14), True, NEW)


def test_art_37_5_and_37_6_re_verification_and_third_parties() -> None:
    # Art. 37(5): the creditor's differing result on Friday 28/08 → 5 working days:
    # Thu 03, Fri 04, Mon 07, Tue 08, Wed 09/09. Art. 37(6)(b): a third party asked on
    # Thursday 27/08 answers within 3 working days: Fri 28, Thu 03, Fri 04/09.
    c = on_request("I", date(2026, 8, 10), (ev(date(2026, 9, 8), "enforceable"),))
    got = deadlines(
        c,
        AS_OF,
        calendar=VN,
        creditor_information_on=[date(2026, 8, 28)],
        information_requested_on=[date(2026, 8, 27)],
    )
    again = one(got, "creditor_information")
    assert (again.due, again.done_on, again.overdue) == (date(2026, 9, 9), date(2026, 9, 8), False)
    assert one(got, "third_party_answer").due == date(2026, 9, 4)


def test_art_38_1_and_38_2_no_conditions_decision_and_new_information() -> None:
    # Art. 38(1): a ground found Monday 24/08 → 5 working days: Tue 25, Wed 26, Thu 27,
    # Fri 28, Thu 03/09. Art. 38(2): new information Wednesday 26/08 → 10 days →
    # Saturday 05/09 → Monday 07/09/2026.
    c = on_request("N", date(2026, 8, 10), (ev(date(2026, 9, 3), "unenforceable"),))
    got = deadlines(
        c,
        AS_OF,
        calendar=VN,
        no_means_found_on=date(2026, 8, 24),
        new_information_on=[date(2026, 8, 26)],
    )
    decision = one(got, "no_conditions_decision")
    assert (decision.due, decision.overdue) == (date(2026, 9, 3), False)
    assert one(got, "new_information").due == date(2026, 9, 7)


def test_art_38_3_rhythm_without_the_old_exception_and_38_4_return() -> None:
    # "No conditions" decided Wednesday 05/08/2026, verified again Friday 05/02/2027... a
    # day of Tết 2027; here on Thursday 11/02/2027, the first working day after it.
    # Art. 38(3): at least every 6 months, also after two verifications (Law 2008 Art.
    # 44(2) stopped the rhythm; Law 106/2025 has no such exception): 11/08/2027 (Wed).
    c = on_request(
        "Q",
        date(2026, 7, 20),
        (ev(date(2026, 8, 5), "unenforceable"), ev(date(2027, 2, 11), "unenforceable")),
    )
    got = deadlines(c, date(2027, 3, 1), calendar=VN)
    rhythm = one(got, "re_verification")
    assert (rhythm.due, rhythm.law, rhythm.known) == (date(2027, 8, 11), NEW, True)
    # After the first decision only: 6 months → Friday 05/02/2027, Tết → Thursday 11/02.
    first = deadlines(attrs_evolve_events(c, 1), date(2026, 9, 1), calendar=VN)
    assert one(first, "re_verification").due == date(2027, 2, 11)
    # Yearly for a prisoner with 2 years or more left: 05/08/2027 (Thursday).
    prisoner = deadlines(
        attrs_evolve_events(c, 1), date(2026, 9, 1), calendar=VN, prisoner_or_address_unknown=True
    )
    assert one(prisoner, "re_verification").due == date(2027, 8, 5)
    # Art. 38(4), Decree 152 Art. 22(2): the request returned after 2 years: Saturday
    # 05/08/2028 → Monday 07/08/2028.
    assert one(got, "return_request").due == date(2028, 8, 7)


def attrs_evolve_events(c: Case, keep: int) -> Case:
    import attrs

    return attrs.evolve(c, events=c.events[:keep])


def test_art_46_to_48_decisions_and_resumption() -> None:
    # 5 working days from the ground: postponement (46(1)) Thu 27/08 → Fri 28, Thu 03,
    # Fri 04, Mon 07, Tue 08/09; suspension (47) Fri 28/08 → Thu 03 ... Wed 09/09;
    # termination (48) Mon 24/08 → Tue 25 ... Fri 28, Thu 03/09; resumption (46(3))
    # Tue 25/08 → Wed 26, Thu 27, Fri 28, Thu 03, Fri 04/09.
    c = on_request("G", date(2026, 8, 3))
    got = deadlines(
        c,
        AS_OF,
        calendar=VN,
        grounds=[
            ("postponed", date(2026, 8, 27)),
            ("suspended", date(2026, 8, 28)),
            ("terminated", date(2026, 8, 24)),
            ("resumed", date(2026, 8, 25)),
        ],
    )
    assert one(got, "postponed_decision").due == date(2026, 9, 8)
    assert one(got, "suspended_decision").due == date(2026, 9, 9)
    assert one(got, "terminated_decision").due == date(2026, 9, 3)
    assert one(got, "resumed_decision").due == date(2026, 9, 4)
    assert all(d.law is NEW for d in got if d.name.endswith("_decision"))


def test_art_46_2_protest_postponement_and_46_3_resumption() -> None:
    # Postponed at a protest authority's request on Tuesday 04/08/2026 (ground 46.2):
    # at most 3 months → Wednesday 04/11/2026; then 5 working days: Thu 05, Fri 06,
    # Mon 09, Tue 10, Wed 11/11/2026.
    c = on_request("P", date(2026, 7, 20), (ev(date(2026, 8, 4), "postponed", ground="46.2"),))
    got = deadlines(c, AS_OF, calendar=VN)
    assert one(got, "protest_postponement_end").due == date(2026, 11, 4)
    assert one(got, "protest_resumption").due == date(2026, 11, 11)
    # Under Law 106/2025, 48.2 is a termination ground, not a protest postponement.
    other = on_request(
        "P2", date(2026, 7, 20), (ev(date(2026, 8, 4), "postponed", ground="46.1.a"),)
    )
    assert not [d for d in deadlines(other, AS_OF, calendar=VN) if d.name.startswith("protest")]


def test_art_54_6_pay_out_and_its_extension() -> None:
    # Collected Friday 21/08/2026. Art. 54(6): 10 days → Monday 31/08, off; 01–02/09
    # off → Thursday 03/09. Decree 152 Art. 30(3)(a): up to 45 days more → 18/10/2026,
    # a Sunday → Monday 19/10/2026.
    c = case("M", date(2026, 8, 3), 50 * M, (ev(date(2026, 8, 21), "collected", 10 * M),))
    got = deadlines(c, AS_OF, calendar=VN, pay_out_extended=True)
    pay = one(got, "pay_out")
    assert (pay.due, pay.known, pay.law) == (date(2026, 9, 3), True, NEW)
    assert one(got, "pay_out_extended").due == date(2026, 10, 19)


def test_art_59_unclaimed_money() -> None:
    # Judgment effective Monday 03/08/2026; money payable Thursday 27/08, the payee
    # notified Friday 04/09. Art. 59(1): notice within 3 working days: Fri 28, Thu 03,
    # Fri 04/09 (in time); deposit after 15 days: Saturday 19/09 → Monday 21/09.
    # Art. 59(2): collected within 5 years of the judgment's effect → to the budget 5
    # years after it: Sunday 03/08/2031 → Monday 04/08/2031.
    c = on_request("U", date(2026, 8, 10))
    got = deadlines(c, AS_OF, calendar=VN, unclaimed=[(date(2026, 8, 27), date(2026, 9, 4))])
    notice = one(got, "unclaimed_notice")
    assert (notice.due, notice.overdue) == (date(2026, 9, 4), False)
    assert one(got, "unclaimed_deposit").due == date(2026, 9, 21)
    assert one(got, "unclaimed_to_budget").due == date(2031, 8, 4)
    # A judgment effective 01/03/2021 and money payable 10/08/2026, after the 5 years:
    # 1 year from the notice of Wednesday 12/08/2026 → Thursday 12/08/2027.
    old = on_request("U2", date(2021, 4, 1), effective=date(2021, 3, 1))
    got = deadlines(old, AS_OF, calendar=VN, unclaimed=[(date(2026, 8, 10), date(2026, 8, 12))])
    assert one(got, "unclaimed_to_budget").due == date(2027, 8, 12)


def test_case_straddling_july_2026_worked_by_hand() -> None:
    # On request; judgment effective Tuesday 10/03/2026; request Monday 15/06/2026;
    # accepted Friday 19/06; valid notice Thursday 25/06; 5 triệu collected Saturday
    # 20/06 and 3 triệu Sunday 28/06/2026; postponed Monday 03/08/2026 (46(1)(a)).
    c = on_request(
        "X1",
        date(2026, 6, 19),
        (
            ev(date(2026, 6, 20), "collected", 5 * M),
            ev(date(2026, 6, 28), "collected", 3 * M),
            ev(date(2026, 8, 3), "postponed", ground="46.1.a"),
        ),
        effective=date(2026, 3, 10),
    )
    got = deadlines(
        c, AS_OF, calendar=VN, request_received_on=date(2026, 6, 15), notified_on=date(2026, 6, 25)
    )
    old, new = LawVersion.LAW_2008, NEW
    # Taken before 01/07/2026: the request (limitation 5 years: Monday 10/03/2031) and the
    # decision (5 working days from Monday 15/06: Monday 22/06; done 19/06).
    assert (one(got, "limitation").due, one(got, "limitation").law) == (date(2031, 3, 10), old)
    assert (one(got, "decision").due, one(got, "decision").law) == (date(2026, 6, 22), old)
    pays = sorted((d for d in got if d.name == "pay_out"), key=lambda d: d.start)
    # Pay-out of 20/06: 10 days → Tuesday 30/06, ran out under the old law (Art. 47(5)).
    assert (pays[0].due, pays[0].law) == (date(2026, 6, 30), old)
    # Pay-out of 28/06: 10 days → Wednesday 08/07, running on 01/07: Art. 54(6), same
    # 10 days, now known.
    assert (pays[1].due, pays[1].law, pays[1].known) == (date(2026, 7, 8), new, True)
    # Voluntary: 25/06 + 10 days = Sunday 05/07 → Monday 06/07, running on 01/07:
    # Art. 36(1). First verification: Art. 37(1), 9 days after → Wednesday 15/07/2026
    # (the old 10 days would give Thursday 16/07).
    assert (one(got, "voluntary").due, one(got, "voluntary").law) == (date(2026, 7, 6), new)
    first = one(got, "first_verification")
    assert (first.due, first.law, first.known) == (date(2026, 7, 15), new, True)
    # The postponement of Monday 03/08 to the procuracy, Art. 35(2): Tue 04, Wed 05,
    # Thu 06/08; money held → deposit within 5 working days (Decree 152 Art. 30(8)):
    # Tue 04 ... Mon 10/08.
    procuracy = {d.start: d for d in got if d.name == "send_to_procuracy"}
    assert (procuracy[date(2026, 6, 19)].due, procuracy[date(2026, 6, 19)].law) == (
        date(2026, 6, 24),
        old,
    )
    assert (procuracy[date(2026, 8, 3)].due, procuracy[date(2026, 8, 3)].law) == (
        date(2026, 8, 6),
        new,
    )
    assert one(got, "deposit_stayed").due == date(2026, 8, 10)
    assert all(d.known for d in got)


def test_a_new_law_case_opened_in_august_2026_has_every_deadline_known() -> None:
    # Issue 20's user: a case accepted on Monday 03/08/2026 gets its deadlines, none
    # unknown and none raising under strict=True.
    c = on_request("N1", date(2026, 8, 3), (ev(date(2026, 8, 20), "collected", 2 * M),))
    got = deadlines(
        c,
        AS_OF,
        calendar=VN,
        request_received_on=date(2026, 7, 28),
        notified_on=date(2026, 8, 5),
        strict=True,
    )
    assert got and all(d.known and d.due is not None for d in got)


def test_a_step_before_01_07_2009_is_unknown_not_invented() -> None:
    # Before Law 26/2008 (the 2004 Ordinance): flagged, or raised with strict=True.
    c = on_request("O", date(2008, 5, 5), effective=date(2008, 3, 3))
    got = one(deadlines(c, date(2008, 6, 1), calendar=VN), "limitation")
    assert (got.due, got.known, got.law) == (None, False, None)
    with pytest.raises(RuleNotAvailableError, match="2004"):
        deadlines(c, date(2008, 6, 1), calendar=VN, strict=True)
