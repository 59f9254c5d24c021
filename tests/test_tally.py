"""Tally rows, identities and algebra."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given

from strategies import tallies
from thads import InconsistentTallyError, InvalidRecordError, MoneyTypeError, Tally
from thads.money import to_dong


def test_derived_rows_by_hand() -> None:
    t = Tally(
        carried_over=40,
        new=60,
        entrusted=3,
        withdrawn=2,
        completed=30,
        terminated=5,
        in_progress=20,
        postponed=4,
        stayed=6,
        without_conditions=30,
    ).check()
    assert t.accepted == 100
    assert t.to_enforce == 95
    assert t.enforceable == 30 + 5 + 20 + 4 == 59
    assert t.resolved == 35
    assert t.carried_forward == 60
    assert t.enforceable_carried_forward == 24


def test_identity_failure_names_the_identity() -> None:
    t = Tally(carried_over=10, completed=3, without_conditions=5)
    with pytest.raises(InconsistentTallyError, match="to_enforce = enforceable \\+ stayed"):
        t.check()


def test_more_out_than_in() -> None:
    with pytest.raises(InconsistentTallyError, match=">= 0"):
        Tally(new=1, entrusted=2).check()


def test_negative_rows_and_floats_rejected() -> None:
    with pytest.raises(InvalidRecordError, match=r"'new'.*>= 0"):
        Tally(new=-1)
    with pytest.raises(InvalidRecordError, match="must be an int"):
        Tally(new=1.5)  # type: ignore[arg-type]


def test_float_money_rejected() -> None:
    with pytest.raises(MoneyTypeError, match="float"):
        to_dong(1.5)
    with pytest.raises(MoneyTypeError):
        to_dong(True)
    assert to_dong(10) == 10


def test_rate_of_sum_is_not_the_mean_of_rates() -> None:
    a = Tally(new=10, completed=9, in_progress=1)  # 90%
    b = Tally(new=100, completed=50, in_progress=50)  # 50%
    total = (a + b).resolution_rate()
    assert total is not None
    assert total.exact == Fraction(59, 110)  # 53,64%, not (90 + 50) / 2 = 70%
    ra, rb = a.resolution_rate(), b.resolution_rate()
    assert ra is not None and rb is not None
    assert total.exact != (ra.exact + rb.exact) / 2


def test_sum_starts_from_zero() -> None:
    assert sum([Tally(new=1, in_progress=1), Tally(new=2, in_progress=2)]) == Tally(
        new=3, in_progress=3
    )
    assert Tally.total([]) == Tally.zero()


@given(tallies())
def test_check_passes_for_valid_rows(t: Tally) -> None:
    assert t.check() is t
    assert t.resolved <= t.enforceable <= t.to_enforce


@given(tallies(), tallies(), tallies())
def test_addition_is_a_commutative_monoid(a: Tally, b: Tally, c: Tally) -> None:
    assert a + b == b + a
    assert (a + b) + c == a + (b + c)
    assert a + Tally.zero() == a
    (a + b).check()


@given(tallies(), tallies())
def test_rate_of_sum_equals_rate_of_summed_rows(a: Tally, b: Tally) -> None:
    total = a + b
    rate = total.resolution_rate()
    if rate is None:
        assert a.enforceable + b.enforceable == 0
        return
    assert rate.exact == Fraction(a.resolved + b.resolved, a.enforceable + b.enforceable)
