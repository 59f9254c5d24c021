"""Tally rows, identities and algebra."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given

from strategies import tallies
from thads import InvalidRecordError, Tally
from thads.errors import InconsistentTallyError, MoneyTypeError
from thads.values import to_dong


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


def _by_the_rules(t: Tally) -> dict[str, int]:
    """The derived rows written from design.md's formulas on the primitive rows only."""
    accepted = t.carried_over + t.new
    to_enforce = accepted - t.entrusted - t.withdrawn
    resolved = t.completed + t.terminated + t.reduced
    enforceable = resolved + t.in_progress + t.postponed
    return {
        "accepted": accepted,
        "to_enforce": to_enforce,
        "enforceable": enforceable,
        "resolved": resolved,
        "carried_forward": to_enforce - resolved,
        "enforceable_carried_forward": enforceable - resolved,
    }


@given(tallies())
def test_derived_rows_follow_the_formulas(t: Tally) -> None:
    expected = _by_the_rules(t)
    assert {name: getattr(t, name) for name in Tally.DERIVED} == expected
    assert t.as_dict()["carried_forward"] == expected["carried_forward"]


@given(tallies(), tallies())
def test_rate_of_sum_equals_rate_of_summed_rows(a: Tally, b: Tally) -> None:
    # numerator and denominator summed from the primitive rows of both tallies, by hand
    resolved = sum(t.completed + t.terminated + t.reduced for t in (a, b))
    enforceable = resolved + sum(t.in_progress + t.postponed for t in (a, b))
    rate = (a + b).resolution_rate()
    if enforceable == 0:
        assert rate is None
        return
    assert rate is not None
    assert rate.exact == Fraction(resolved, enforceable)


def test_resolution_rate_and_share_by_hand() -> None:
    t = Tally(
        new=20,
        entrusted=1,
        completed=6,
        terminated=1,
        in_progress=5,
        postponed=2,
        stayed=1,
        without_conditions=4,
    ).check()
    # resolved 6 + 1 = 7; enforceable 7 + 5 + 2 = 14 → 1/2; to_enforce 20 − 1 = 19
    rate = t.resolution_rate()
    assert rate is not None and rate.exact == Fraction(1, 2) and rate.percent == 50
    enforceable_share = t.enforceable_share()
    assert enforceable_share is not None and enforceable_share.exact == Fraction(14, 19)
    assert Tally(new=3, without_conditions=3).resolution_rate() is None  # nothing enforceable
    assert Tally().enforceable_share() is None
