"""Case records: construction-time checks with clear errors."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import M, case, ev
from thads import Case, Debt, EventKind, InvalidRecordError, Judgment
from thads.errors import MoneyTypeError
from thads.values import to_dong


def test_events_kept_in_date_order_same_day_in_given_order() -> None:
    c = case(
        "c1",
        date(2022, 11, 1),
        events=(
            ev(date(2023, 1, 5), "collected", 10 * M),
            ev(date(2022, 12, 1), "enforceable"),
            ev(date(2023, 1, 5), "completed"),
        ),
    )
    assert [e.kind for e in c.events] == [
        EventKind.ENFORCEABLE,
        EventKind.COLLECTED,
        EventKind.COMPLETED,
    ]


def test_event_before_acceptance() -> None:
    with pytest.raises(InvalidRecordError, match="before acceptance"):
        case("c1", date(2022, 11, 1), events=(ev(date(2022, 10, 1), "enforceable"),))


def test_event_after_closing() -> None:
    with pytest.raises(InvalidRecordError, match="follows the closing event completed"):
        case(
            "c1",
            date(2022, 11, 1),
            events=(ev(date(2023, 1, 1), "completed"), ev(date(2023, 2, 1), "enforceable")),
        )


def test_collected_more_than_owed() -> None:
    with pytest.raises(InvalidRecordError, match="more than owed"):
        case(
            "c1",
            date(2022, 11, 1),
            amount=10 * M,
            events=(
                ev(date(2023, 1, 1), "collected", 6 * M),
                ev(date(2023, 2, 1), "reduced", 5 * M),
            ),
        )


def test_unknown_values_list_the_choices() -> None:
    with pytest.raises(InvalidRecordError, match="expected one of: active, on_request"):
        case("c1", date(2022, 11, 1), mode="ex_officio")
    with pytest.raises(InvalidRecordError, match="'kind'"):
        Judgment("1", "tax", None)  # type: ignore[arg-type]


def test_money_is_int_dong() -> None:
    with pytest.raises(InvalidRecordError, match="float"):
        Debt(1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match="negative"):
        Debt(-1)
    with pytest.raises(MoneyTypeError):
        to_dong("100")


def test_empty_case_id() -> None:
    with pytest.raises(InvalidRecordError, match="case_id"):
        Case(" ", "A", "A-1", "active", Judgment("1", "civil"), date(2023, 1, 1))


def test_amount_and_creditor() -> None:
    c = Case(
        "c1",
        "A",
        "A-1",
        "active",
        Judgment("1", "criminal"),
        date(2023, 1, 1),
        debts=(Debt(5 * M, "state"), Debt(2 * M, "state")),
    )
    assert c.amount == 7 * M
    assert str(c.creditor) == "state"
