"""Law 26/2008 (as amended) deadlines on requests made Tuesday to Friday and around a holiday.

The older hand-worked examples all started on a Monday, where 5 working days and 5
calendar days rolled to a working day give the same date; these do not (issue 23).
Expected dates are counted by hand in the comments, on the calendar written here:
Monday–Friday, less 30/04, 01/05 and 02/05/2025, plus Saturday 26/04/2025 worked in
exchange for Friday 02/05 (the 2025 Reunification Day and Labour Day days off).
"""

from __future__ import annotations

from datetime import date

from helpers import M
from thads import Case, Debt, Judgment
from thads.law import Calendar, Deadline, LawVersion, deadlines

OLD = LawVersion.LAW_2008
VN_2025 = Calendar(
    holidays={date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2)},
    workdays={date(2025, 4, 26)},
)
AS_OF = date(2025, 6, 30)


def _decision(received: date) -> Deadline:
    case = Case(
        f"R{received:%m%d}",
        "A",
        "A-1",
        "on_request",
        Judgment("J/2025", "civil", date(2025, 2, 3)),
        date(2025, 5, 30),
        debts=(Debt(100 * M),),
    )
    found = [
        d
        for d in deadlines(case, AS_OF, calendar=VN_2025, request_received_on=received)
        if d.name == "decision"
    ]
    assert len(found) == 1
    return found[0]


def test_decision_on_requests_made_tuesday_to_friday() -> None:
    # Law 26/2008 Art. 36(1)-(2): 5 working days from receiving the request.
    # Tue 04/03/2025: Wed 5, Thu 6, Fri 7, Mon 10, Tue 11/03 (calendar days: Sun 9 → Mon 10).
    # Wed 05/03: Thu 6, Fri 7, Mon 10, Tue 11, Wed 12/03 (calendar days: Mon 10).
    # Thu 06/03: Fri 7, Mon 10, Tue 11, Wed 12, Thu 13/03 (calendar days: Tue 11).
    # Fri 07/03: Mon 10, Tue 11, Wed 12, Thu 13, Fri 14/03 (calendar days: Wed 12).
    expected = {
        date(2025, 3, 4): date(2025, 3, 11),
        date(2025, 3, 5): date(2025, 3, 12),
        date(2025, 3, 6): date(2025, 3, 13),
        date(2025, 3, 7): date(2025, 3, 14),
    }
    for received, due in expected.items():
        got = _decision(received)
        assert (got.due, got.law, got.known) == (due, OLD, True), received


def test_decision_around_the_reunification_day_holidays() -> None:
    # Fri 25/04/2025: Sat 26 (a worked Saturday, 1), Mon 28 (2), Tue 29 (3); 30/04, 01/05
    # and 02/05 off; Mon 05/05 (4), Tue 06/05 (5). Calendar days would give Wed 30/04.
    assert _decision(date(2025, 4, 25)).due == date(2025, 5, 6)
    # Tue 29/04, the day before the holidays: Mon 05 (1), Tue 06 (2), Wed 07 (3),
    # Thu 08 (4), Fri 09/05 (5). Calendar days would give Sun 04/05.
    assert _decision(date(2025, 4, 29)).due == date(2025, 5, 9)
