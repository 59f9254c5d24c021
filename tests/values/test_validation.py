"""The one validation layer (thads.validate) as the public types use it.

Each test names the input of issue 8 that was accepted, or failed late with a bare
error, before the layer existed: money is int đồng (a float is MoneyTypeError
everywhere), dates are dates and not datetimes, enumerations list what they accept,
and frozen records hold no mutable mapping.
"""

from __future__ import annotations

import pickle
import textwrap
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from helpers import M, case, ev
from thads import (
    Case,
    Change,
    Debt,
    Event,
    InvalidRecordError,
    Judgment,
    JudgmentKind,
    Quota,
    Rate,
    StatisticalPeriod,
    Tally,
    validate,
)
from thads.count import placement
from thads.errors import MoneyTypeError
from thads.law import Claim, PaymentTier, allocate
from thads.records import Office, OfficeLevel, province_tree

D = date(2022, 11, 1)


# --- money: int đồng, a float is MoneyTypeError everywhere ----------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Debt(1.5), "amount"),  # type: ignore[arg-type]
        (lambda: Event(D, "collected", 1.5), "amount"),  # type: ignore[arg-type]
        (lambda: Tally(new=1.5), "new"),  # type: ignore[arg-type]
        (lambda: Rate(1.5, 2), "numerator"),  # type: ignore[arg-type]
        (lambda: Change(1.5, 0.5), "current"),  # type: ignore[arg-type]
        (lambda: Claim("a", PaymentTier.OTHER, -1.5), "principal"),  # type: ignore[arg-type]
        (lambda: allocate(100, [], costs=1.5), "costs"),  # type: ignore[arg-type]
        (lambda: allocate(100, [], housing_reserve=0.5), "housing_reserve"),  # type: ignore[arg-type]
        (lambda: allocate(1.0, []), "amount"),  # type: ignore[arg-type]
    ],
)
def test_float_money_is_a_money_type_error_naming_the_field(build: object, field: str) -> None:
    with pytest.raises(MoneyTypeError, match="float") as caught:
        build()  # type: ignore[operator]
    # the one error type is also the record error the reader rejects rows with
    assert isinstance(caught.value, InvalidRecordError)
    assert isinstance(caught.value, TypeError)
    assert caught.value.field == field


def test_bool_and_text_are_not_money() -> None:
    with pytest.raises(MoneyTypeError, match="bool"):
        Debt(True)
    with pytest.raises(MoneyTypeError, match="str"):
        Claim("a", PaymentTier.OTHER, "100")  # type: ignore[arg-type]
    with pytest.raises(MoneyTypeError, match="whole number"):
        validate.money(Decimal("1.5"), "X", "amount")
    assert validate.money(Decimal("1500"), "X", "amount") == 1500


def test_negative_principal_and_costs_refused() -> None:
    with pytest.raises(InvalidRecordError, match=r"Claim: field 'principal'.*negative"):
        Claim("a", PaymentTier.OTHER, -1)
    with pytest.raises(InvalidRecordError, match=r"'interest'.*negative"):
        Claim("a", PaymentTier.OTHER, 1, interest=-1)
    with pytest.raises(InvalidRecordError, match=r"'costs'.*negative"):
        allocate(100, [], costs=-1)
    # before, a negative reserve was reported against the field 'amount'
    with pytest.raises(InvalidRecordError, match=r"'housing_reserve'.*negative"):
        allocate(100, [], housing_reserve=-1)


def test_change_refuses_floats_at_construction() -> None:
    # before: Change(1.5, 0.5) was built, and .percent failed with a bare TypeError
    with pytest.raises(MoneyTypeError, match=r"Change: field 'current'"):
        Change(1.5, 0.5)  # type: ignore[arg-type]
    assert Change(150, 100).percent == Decimal("50.00")  # (150 − 100) / 100 = 50 %


# --- dates are dates, never datetimes -------------------------------------------------


def test_case_accepted_on_a_datetime_is_refused_at_construction() -> None:
    with pytest.raises(InvalidRecordError, match=r"'accepted_on'.*datetime.*\.date\(\)"):
        case("c1", datetime(2022, 11, 1, 8, 30))  # type: ignore[arg-type]


def test_other_dates_refuse_datetimes() -> None:
    noon = datetime(2023, 1, 1, 12)
    with pytest.raises(InvalidRecordError, match=r"Event: field 'date'"):
        Event(noon, "collected", 1)
    with pytest.raises(InvalidRecordError, match=r"Judgment: field 'effective_on'"):
        Judgment("1", JudgmentKind.CIVIL, noon)
    with pytest.raises(InvalidRecordError, match=r"Debt: field 'due_on'"):
        Debt(1, due_on=noon)
    with pytest.raises(InvalidRecordError, match=r"Office: field 'start/end'"):
        Office("P", "Tỉnh P", OfficeLevel.PROVINCE, start=noon)
    with pytest.raises(InvalidRecordError, match="datetime"):
        StatisticalPeriod.containing(noon)
    # before: `datetime in period` raised a bare TypeError comparing date and datetime
    with pytest.raises(InvalidRecordError, match="datetime"):
        _ = noon in StatisticalPeriod(2023)
    assert date(2023, 1, 1) in StatisticalPeriod(2023)


def test_pandas_timestamp_is_refused_with_a_clear_message() -> None:
    pandas = pytest.importorskip("pandas")
    stamp = pandas.Timestamp("2022-11-01")
    with pytest.raises(InvalidRecordError, match=r"'accepted_on'.*pandas Timestamp"):
        case("c1", stamp)
    # and the advice works: the date of the stamp is accepted
    assert case("c1", stamp.date()).accepted_on == date(2022, 11, 1)


def test_iso_day_is_strict() -> None:
    assert validate.iso_day(" 2023-01-05 ", "r", "f") == date(2023, 1, 5)
    for bad in ("2023-1-5", "05/01/2023", "2023-02-30"):
        with pytest.raises(InvalidRecordError, match="ISO date"):
            validate.iso_day(bad, "r", "f")


# --- codes, enumerations and options ---------------------------------------------------


def test_office_with_a_number_code_and_no_name_is_refused() -> None:
    # before: Office(123, None, "province") was built with an int code and a str level
    with pytest.raises(InvalidRecordError, match=r"Office: field 'code': must be text"):
        Office(123, None, "province")  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match=r"'name': must be text"):
        Office("01", None, "province")  # type: ignore[arg-type]
    # a level given by name is read as the level, an unknown one lists the names
    assert Office("01", "Hà Nội", "province").level is OfficeLevel.PROVINCE
    with pytest.raises(InvalidRecordError, match=r"'level'.*province.*area"):
        Office("01", "Hà Nội", "provinse")
    with pytest.raises(InvalidRecordError, match=r"'level'"):
        Office("01", "Hà Nội", 1)  # type: ignore[arg-type]


def test_case_codes_are_text() -> None:
    with pytest.raises(InvalidRecordError, match=r"Case: field 'office'"):
        case("c1", D, office=1)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match=r"Case: field 'executor'"):
        case("c1", D, executor="")
    with pytest.raises(InvalidRecordError, match=r"Case: field 'judgment'"):
        Case("c1", "A", "A-1", "active", "1/2022", D)  # type: ignore[arg-type]
    with pytest.raises(InvalidRecordError, match=r"Case: field 'events'"):
        case("c1", D, events=("collected",))  # type: ignore[arg-type]


def test_enumerations_list_the_accepted_values() -> None:
    with pytest.raises(
        InvalidRecordError, match="expected one of: state, credit_institution, private"
    ):
        Debt(1, "bank")  # type: ignore[arg-type]
    # Law 106/2025 Art. 54(1) has five kinds of sums, (a) to (đ): 6 is none of them
    with pytest.raises(
        InvalidRecordError, match=r"'tier'.*1 \(alimony_wages_injury\).*5 \(other\)"
    ):
        Claim("a", 6, 1)
    assert Claim("a", 2, 1).tier is PaymentTier.COURT_FEES
    assert validate.choice(PaymentTier, "other", "r", "f") is PaymentTier.OTHER
    with pytest.raises(InvalidRecordError, match="expected one of"):
        validate.choice(PaymentTier, True, "r", "f")  # a bool is not the number 1


def test_progress_by_an_unknown_unit_is_refused() -> None:
    quota = Quota(2023, Decimal("80"), Decimal("40"))
    # before: any `by` other than "cases" silently meant money
    with pytest.raises(InvalidRecordError, match=r"'by'.*expected one of: cases, money"):
        quota.progress(Rate(1, 2), 6, by="exeutor")  # type: ignore[arg-type]
    # 50,00 − 40 × 6 / 12 = +30,00
    assert quota.progress(Rate(1, 2), 6, by="money").value == Decimal("30.00")


# --- frozen records hold no mutable mapping ---------------------------------------------


def test_allocation_paid_is_read_only() -> None:
    result = allocate(100, [Claim("a", PaymentTier.OTHER, 50)])
    with pytest.raises(TypeError):
        result.paid["b"] = (1, 2)  # type: ignore[index]
    assert dict(result.paid) == {"a": (50, 0)}  # 100 − 50 paid = 50 surplus
    assert result.surplus == 50


def test_read_only_records_still_pickle() -> None:
    result = allocate(100, [Claim("a", PaymentTier.OTHER, 50)])
    assert pickle.loads(pickle.dumps(result)) == result
    tree = province_tree()
    again = pickle.loads(pickle.dumps(tree))
    assert again == tree and len(again) == len(tree)


def test_placement_money_is_read_only() -> None:
    placed = placement(case("c1", D, 10 * M, (ev(date(2023, 1, 1), "completed"),)), _Y23)
    assert placed is not None
    with pytest.raises(TypeError):
        placed.money["completed"] = 0  # type: ignore[index]


_Y23 = StatisticalPeriod(2023)


# --- constructor types are visible to mypy -----------------------------------------------


def test_mypy_catches_wrong_constructor_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = pytest.importorskip("mypy.api")
    source = tmp_path / "user_code.py"
    source.write_text(
        textwrap.dedent(
            """
            from decimal import Decimal
            from thads import Change, Debt, Quota, Rate
            from thads.law import allocate
            from thads.records import Office

            Debt(1.5)
            Office(123, None, "province")
            Change(1.5, 0.5)
            allocate(100, [], costs=1.5)
            Quota(2023, Decimal(80), Decimal(40)).progress(Rate(1, 2), 6, by="exeutor")
            """
        )
    )
    # check against this checkout's sources, not an installed copy
    monkeypatch.setenv("MYPYPATH", str(Path(__file__).resolve().parents[2] / "src"))
    out, _err, status = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(source)])
    assert status == 1
    errors = {line.split(":")[1] for line in out.splitlines() if ": error:" in line}
    assert errors == {"7", "8", "9", "10", "11"}, out
