"""The table of deadline steps of ``thads.law.deadlines``, keyed by LawVersion.

The legal facts of each step (name, title, rule and basis under each law, trackable)
are one table of data (thads.law._deadline_table) and ``deadlines()`` keeps only the
triggers. Checked here: steps worked BY HAND from docs/law/deadlines.md (Law 26/2008,
Decree 62/2015; Law 106/2025, Decree 152/2026), the arithmetic in comments; that
hand-written histories reach every step of the table; the gap lists of docs/law/gaps.md.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

import attrs
import pytest

from helpers import M, ev
from helpers import case as make_case
from thads import Case, Debt, Judgment
from thads.errors import InvalidRecordError
from thads.law import (
    UNKNOWN_UNDER_NEW_LAW,
    UNKNOWN_UNDER_OLD_LAW,
    Calendar,
    Deadline,
    DelegatedScope,
    LawVersion,
    deadlines,
)
from thads.law._deadline_table import STEPS, sides
from thads.records import EventKind

# Expected gap lists (docs/law/gaps.md)

EXPECTED_GAPS_NEW_LAW: Final[dict[str, str]] = {}
"""Deadlines whose value under Law 106/2025 is unknown: none since its text was read
(law-106-2025.md gives each; docs/law/gaps.md keeps only the limitation carry-over)."""
EXPECTED_GAPS_OLD_LAW: Final = {
    "delegated_verification_account": "delegated verification of account information "
    "under Decree 62/2015 (no time stated)",
}
"""Deadlines the old law states no value for."""


# ======================================================================================
# The checks
# ======================================================================================

NO_HOLIDAYS = Calendar()
"""Saturday and Sunday off, no holiday."""

EVERY_STEP: Final = frozenset(
    {
        "limitation",
        "refusal",
        "decision",
        "missing_documents",
        "case_file",
        "send_to_procuracy",
        "notify_parties",
        "voluntary",
        "first_verification",
        "no_conditions_decision",
        "publication",
        "separate_register",
        "return_request",
        "re_verification",
        "creditor_information",
        "new_information",
        "third_party_answer",
        "delegated_verification",
        "delegated_verification_account",
        "postponed_decision",
        "suspended_decision",
        "terminated_decision",
        "resumed_decision",
        "protest_postponement_end",
        "protest_resumption",
        "pay_out",
        "pay_out_extended",
        "foreign_currency",
        "deposit_sale_proceeds",
        "deposit_stayed",
        "pay_out_after_ground",
        "posting",
        "certificate",
        "prisoner_payment_unclaimed",
        "unclaimed_notice",
        "unclaimed_deposit",
        "unclaimed_to_budget",
    }
)
"""Every step name deadlines() can give (37), written out by hand."""

_NEW_CODES: Final = {"48.2": "46.2", "49.1": "47.2", "49.2": "47.1", "48.1.a": "46.1.a"}
"""A 2008 ground and its 2025 counterpart (docs/grounds.md), for moved histories."""


def shifted(c: Case, days: int) -> Case:
    """``c`` with its judgment, acceptance, debts and events moved by ``days``."""
    move = timedelta(days=days)
    judgment = c.judgment
    if judgment.effective_on is not None:
        judgment = attrs.evolve(judgment, effective_on=judgment.effective_on + move)
    return attrs.evolve(
        c,
        judgment=judgment,
        accepted_on=c.accepted_on + move,
        debts=tuple(attrs.evolve(d, due_on=d.due_on + move if d.due_on else None) for d in c.debts),
        events=tuple(
            attrs.evolve(
                e,
                on=e.on + move,
                ground=_NEW_CODES.get(e.ground or "", e.ground)
                if e.on + move >= date(2026, 7, 1)
                else e.ground,
            )
            for e in c.events
        ),
    )


def shifted_options(options: dict[str, Any], days: int) -> dict[str, Any]:
    """Every date in ``options`` (alone, in lists, in pairs) moved by ``days``."""
    move = timedelta(days=days)

    def one(value: Any) -> Any:
        if isinstance(value, date):
            return value + move
        if isinstance(value, tuple):
            return tuple(one(v) for v in value)
        if isinstance(value, list):
            return [one(v) for v in value]
        return value

    return {key: one(value) for key, value in options.items()}


# A case on request: judgment effective 15/01/2020, request received 25/02/2021, accepted
# 01/03/2021; money collected, a protest postponement (Art. 48(2)) then resumption, more
# money, a suspension while money is held, then no conditions (twice, so no periodic
# re-verification) ... and every keyword date the function takes.
ON_REQUEST_CASE = Case(
    "R1",
    "A",
    "A-1",
    "on_request",
    Judgment("R1/J", "civil", date(2020, 1, 15)),
    date(2021, 3, 1),
    debts=(Debt(300 * M),),
    events=(
        ev(date(2021, 3, 20), "enforceable"),
        ev(date(2021, 4, 5), "collected", 50 * M),
        ev(date(2021, 5, 10), "postponed", ground="48.2"),
        ev(date(2021, 7, 1), "resumed"),
        ev(date(2021, 7, 20), "collected", 30 * M),
        ev(date(2021, 8, 2), "suspended", ground="49.1"),
        ev(date(2021, 9, 6), "resumed"),
        ev(date(2021, 10, 4), "unenforceable"),
        ev(date(2021, 10, 25), "collected", 5 * M),
        ev(date(2022, 4, 4), "unenforceable"),
    ),
)
ON_REQUEST_OPTIONS: dict[str, Any] = {
    "request_received_on": date(2021, 2, 25),
    "notified_on": date(2021, 3, 3),
    "no_means_found_on": date(2021, 9, 28),
    "grounds": [
        ("postponed", date(2021, 5, 6)),
        ("resumed", date(2021, 6, 28)),
        (EventKind.SUSPENDED, date(2021, 7, 29)),
        ("terminated", date(2022, 5, 2)),
    ],
    "creditor_information_on": [date(2021, 11, 8)],
    "new_information_on": [date(2021, 12, 6)],
    "information_requested_on": [date(2021, 4, 12)],
    "delegated_verifications": [
        (date(2021, 4, 1), "registered_property"),
        (date(2021, 4, 2), DelegatedScope.REGISTERED_PROPERTY_COMPLEX),
        (date(2021, 4, 3), "other"),
        (date(2021, 4, 6), "account"),
    ],
    "certificate_requested_on": [date(2021, 4, 20)],
    "assigned_on": date(2021, 3, 2),
    "posted_on": [date(2021, 3, 22)],
    "pay_out_grounds_ended_on": [date(2021, 8, 16)],
    "pay_out_extended": True,
    "foreign_currency": True,
    "asset_not_delivered": True,
    "prisoner_payment_notified_on": date(2021, 6, 14),
    "force_majeure": [(date(2020, 6, 1), date(2020, 6, 30))],
    "unclaimed": [(date(2021, 8, 9), date(2021, 8, 11)), (date(2025, 2, 3), date(2025, 2, 5))],
}

# An active (chủ động) bankruptcy case: decided on the judgment's receipt, the debtor in
# prison (the longer cycles), one "no conditions" decision so re-verification runs.
ACTIVE_CASE = Case(
    "C1",
    "A",
    "A-2",
    "active",
    Judgment("C1/J", "bankruptcy", date(2021, 1, 4)),
    date(2021, 1, 20),
    debts=(Debt(80 * M, "state", date(2021, 2, 1)),),
    events=(
        ev(date(2021, 2, 15), "collected", 10 * M),
        ev(date(2021, 3, 1), "postponed", ground="48.1.a"),
        ev(date(2021, 4, 1), "unenforceable"),
    ),
)
ACTIVE_OPTIONS: dict[str, Any] = {
    "judgment_received_on": date(2021, 1, 14),
    "notified_on": date(2021, 1, 25),
    "prisoner_or_address_unknown": True,
    "new_information_on": [date(2021, 9, 1)],
    "foreign_currency": True,
}
REFUSED_OPTIONS: dict[str, Any] = {
    "request_received_on": date(2021, 2, 25),
    "refused_on": date(2021, 3, 3),
    "returned_request_on": date(2021, 1, 4),
}
SCENARIOS: Final = (
    ("on_request", ON_REQUEST_CASE, date(2022, 6, 1), ON_REQUEST_OPTIONS),
    ("on_request_early", ON_REQUEST_CASE, date(2021, 7, 10), ON_REQUEST_OPTIONS),
    ("active", ACTIVE_CASE, date(2021, 12, 1), ACTIVE_OPTIONS),
    ("refused", ON_REQUEST_CASE, date(2021, 4, 1), REFUSED_OPTIONS),
)
"""(label, case, as of, keyword dates), written for the old law; shifted below so that
the new law's steps are reached too."""


# --- worked by hand ----------------------------------------------------------------------


def facts(d: Deadline) -> tuple[str, date | None, str, bool, LawVersion | None]:
    return (d.name, d.due, d.basis, d.known, d.law)


def named(items: list[Deadline], name: str) -> list[Deadline]:
    return [d for d in items if d.name == name]


def test_certificate_under_each_law_by_hand() -> None:
    c = make_case("H1", date(2026, 2, 2))
    got = deadlines(
        c,
        date(2026, 7, 20),
        calendar=NO_HOLIDAYS,
        certificate_requested_on=[date(2026, 3, 2), date(2026, 7, 3)],
    )
    # Old law Art. 53, 5 working days from Monday 02/03/2026: Tue 3, Wed 4, Thu 5, Fri 6,
    # (weekend), Mon 09/03/2026.
    # Decree 152 Art. 32(3), 3 working days from Friday 03/07/2026: (weekend) Mon 6,
    # Tue 7, Wed 08/07/2026.
    assert [facts(d) for d in named(got, "certificate")] == [
        (
            "certificate",
            date(2026, 3, 9),
            "Luật THADS 2008 Điều 53: 5 ngày làm việc",
            True,
            LawVersion.LAW_2008,
        ),
        (
            "certificate",
            date(2026, 7, 8),
            "Nghị định 152/2026 Điều 32(3): 3 ngày làm việc",
            True,
            LawVersion.LAW_2025,
        ),
    ]


def test_bankruptcy_decision_under_each_law_by_hand() -> None:
    c = make_case("H2", date(2025, 3, 5), mode="active", kind="bankruptcy")
    old = deadlines(
        c, date(2025, 4, 1), calendar=NO_HOLIDAYS, judgment_received_on=date(2025, 3, 3)
    )
    # Art. 36(2): the court's bankruptcy decision, 3 working days from Monday 03/03/2025:
    # Tue 4, Wed 5, Thu 06/03/2025.
    assert [facts(d) for d in named(old, "decision")] == [
        (
            "decision",
            date(2025, 3, 6),
            "Luật THADS 2008 Điều 36(2): quyết định của Tòa án về phá sản, 3 ngày làm việc",
            True,
            LawVersion.LAW_2008,
        )
    ]
    new = deadlines(
        attrs.evolve(c, accepted_on=date(2026, 7, 8)),
        date(2026, 8, 1),
        calendar=NO_HOLIDAYS,
        judgment_received_on=date(2026, 7, 6),
    )
    # Law 106/2025 Art. 33(3): a bankruptcy declaration, 3 working days from Monday
    # 06/07/2026: Tue 7, Wed 8, Thu 09/07/2026.
    assert [facts(d) for d in named(new, "decision")] == [
        (
            "decision",
            date(2026, 7, 9),
            "Luật THADS 106/2025 Điều 33(3): quyết định tuyên bố phá sản, 3 ngày làm việc",
            True,
            LawVersion.LAW_2025,
        )
    ]


def test_separate_register_and_returned_request_by_hand() -> None:
    # Active case, no conditions on Wednesday 10/01/2024 (old law): Decree 62 Art. 9(5)
    # after 1 year, 10/01/2025 (a Friday, not moved), then 3 working days: Mon 13,
    # Tue 14, Wed 15/01/2025.
    active = make_case(
        "H3", date(2023, 12, 1), events=(ev(date(2024, 1, 10), "unenforceable"),), mode="active"
    )
    got = deadlines(active, date(2024, 3, 1), calendar=NO_HOLIDAYS)
    assert [facts(d) for d in named(got, "separate_register")] == [
        (
            "separate_register",
            date(2025, 1, 15),
            "Nghị định 62/2015 Điều 9(5): sau 1 năm, ít nhất hai lần xác minh, không có thông "
            "tin mới; trong 3 ngày làm việc",
            True,
            LawVersion.LAW_2008,
        )
    ]
    # The debtor in prison: periodic re-verification once a year (Art. 44(2)) from
    # Saturday 15/02/2024... the decision on Thursday 15/02/2024: 15/02/2025 is a
    # Saturday → Monday 17/02/2025.
    prisoner = make_case(
        "H4", date(2024, 2, 1), events=(ev(date(2024, 2, 15), "unenforceable"),), mode="active"
    )
    got = deadlines(
        prisoner, date(2024, 3, 1), calendar=NO_HOLIDAYS, prisoner_or_address_unknown=True
    )
    assert [(d.due, d.law) for d in named(got, "re_verification")] == [
        (date(2025, 2, 17), LawVersion.LAW_2008)
    ]
    # On request, no conditions on Thursday 09/07/2026 (new law): Decree 152 Art. 22(2),
    # the request is returned after 2 years: Sunday 09/07/2028 → Monday 10/07/2028.
    on_request = make_case("H5", date(2026, 7, 1), events=(ev(date(2026, 7, 9), "unenforceable"),))
    got = deadlines(on_request, date(2026, 8, 1), calendar=NO_HOLIDAYS)
    (returned,) = named(got, "return_request")
    assert facts(returned) == (
        "return_request",
        date(2028, 7, 10),
        "Luật THADS 106/2025 Điều 38(4); Nghị định 152/2026 Điều 22(2): gửi lại yêu cầu "
        "sau 2 năm, đã xác minh, không có thông tin mới",
        True,
        LawVersion.LAW_2025,
    )
    assert returned.title == "Gửi lại yêu cầu thi hành án"
    assert not named(got, "separate_register")


def test_money_steps_of_the_new_decree_by_hand() -> None:
    c = make_case(
        "H6",
        date(2026, 5, 4),
        events=(
            ev(date(2026, 6, 10), "collected", 10 * M),
            ev(date(2026, 7, 10), "collected", 20 * M),
            ev(date(2026, 7, 13), "postponed", ground="46.1.a"),
        ),
    )
    got = deadlines(
        c,
        date(2026, 8, 1),
        calendar=NO_HOLIDAYS,
        foreign_currency=True,
        delegated_verifications=[(date(2026, 7, 15), "account")],
    )
    # Money collected on 10/06/2026 falls under the old law, which has no such step;
    # Decree 152 Art. 30(6)(b): 2 working days from Friday 10/07/2026 → Tue 14/07/2026.
    assert [(d.start, d.due) for d in named(got, "foreign_currency")] == [
        (date(2026, 7, 10), date(2026, 7, 14))
    ]
    # Art. 30(8): money held when the case is postponed on Monday 13/07/2026 is deposited
    # within 5 working days: Tue 14 ... Mon 20/07/2026.
    assert [facts(d) for d in named(got, "deposit_stayed")] == [
        (
            "deposit_stayed",
            date(2026, 7, 20),
            "Nghị định 152/2026 Điều 30(8): 5 ngày làm việc",
            True,
            LawVersion.LAW_2025,
        )
    ]
    # Art. 21(5)(c): account information at once, the same day.
    assert [d.due for d in named(got, "delegated_verification_account")] == [date(2026, 7, 15)]


# --- the same as before ------------------------------------------------------------------


def test_the_table_names_exactly_the_known_steps() -> None:
    names = {row.name for row in STEPS} | {
        entry.name
        for row in STEPS
        for side in row.laws.values()
        for entry in sides(side)
        if entry.name
    }
    assert names == EVERY_STEP


def test_gap_lists_are_those_of_the_docs() -> None:
    # derived from the table now; same keys, texts and order as the hand-written dicts
    assert list(UNKNOWN_UNDER_NEW_LAW.items()) == list(EXPECTED_GAPS_NEW_LAW.items())
    assert list(UNKNOWN_UNDER_OLD_LAW.items()) == list(EXPECTED_GAPS_OLD_LAW.items())


def test_the_scenarios_reach_every_step() -> None:
    seen: set[str] = set()
    for _, c, as_of, options in SCENARIOS:
        for days in (0, 5 * 365 + 200):
            got = deadlines(
                shifted(c, days),
                as_of + timedelta(days=days),
                calendar=NO_HOLIDAYS,
                **shifted_options(options, days),
            )
            seen.update(d.name for d in got)
    assert seen == EVERY_STEP


def test_bad_values_are_rejected_listing_the_accepted_ones() -> None:
    c, as_of = ON_REQUEST_CASE, date(2022, 6, 1)
    with pytest.raises(InvalidRecordError, match="grounds"):
        deadlines(c, as_of, calendar=NO_HOLIDAYS, grounds=[("collected", date(2021, 5, 6))])
    with pytest.raises(InvalidRecordError, match="bank"):
        deadlines(
            c, as_of, calendar=NO_HOLIDAYS, delegated_verifications=[(date(2021, 4, 1), "bank")]
        )
    with pytest.raises(InvalidRecordError, match="from_trigger, from_new_law, old_law"):
        deadlines(c, as_of, calendar=NO_HOLIDAYS, transition="sometimes")


def test_the_gaps_page_names_every_gap_and_only_open_items() -> None:
    from pathlib import Path

    from thads.law import BEFORE_LAW_2008_GAP, CARRY_OVER_GAP, UNKNOWN_UNDER_OLD_LAW
    from thads.law._fees import SCHEDULES
    from thads.law._versions import Unknown

    page = (Path(__file__).parents[2] / "docs" / "law" / "gaps.md").read_text(encoding="utf-8")
    for name in (*UNKNOWN_UNDER_NEW_LAW, *UNKNOWN_UNDER_OLD_LAW):
        assert f"`{name}`" in page
    for constant in ("CARRY_OVER_GAP", "BEFORE_LAW_2008_GAP", "SCHEDULES"):
        assert f"`{constant}`" in page
    assert CARRY_OVER_GAP and BEFORE_LAW_2008_GAP
    assert any(isinstance(v, Unknown) for v in SCHEDULES.values())
    # values now known from Law 106/2025 are not listed as gaps any more
    for known in ("voluntary compliance period", "re-verification rhythm", "Art. 54(6)"):
        assert known not in page


def test_law_code_cites_only_what_a_clone_contains() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).parents[2]
    for path in (root / "src" / "thads" / "law").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in ("legal-rules.md", "law-106-2025.md", "../shared/"):
            assert name not in text, (path, name)
        for cited in set(re.findall(r"docs/[\w/.-]*\w", text)):
            assert (root / cited.split("#")[0]).exists(), (path, cited)
