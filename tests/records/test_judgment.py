"""Judgments (bản án, quyết định) and their kinds (thads.judgment)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from thads import InvalidRecordError, Judgment, JudgmentKind
from thads.records import enum_value

# statistics-rules.md §5.4 (TT 10/2017 breakdown "loại bản án, quyết định"): civil,
# criminal, administrative, marriage & family, business/commercial, labour, bankruptcy,
# arbitration, other — nine kinds.
PUBLISHED_KINDS = (
    "civil",
    "criminal",
    "administrative",
    "marriage_family",
    "business_commercial",
    "labour",
    "bankruptcy",
    "arbitration",
    "other",
)


def test_the_nine_kinds_of_the_breakdown() -> None:
    # thads adds one kind of its own: state compensation (bồi thường nhà nước), which
    # TT 05/2024 Art. 8 asks to list apart (thads.worklists); where the TT 10/2017
    # breakdown puts such judgments is not known, so they form their own group.
    own = {"state_compensation"}
    assert sorted(k.value for k in JudgmentKind if k.value not in own) == sorted(PUBLISHED_KINDS)
    assert len(JudgmentKind) == 9 + len(own)


def test_kind_given_as_text_is_converted() -> None:
    j = Judgment("12/2023/DS-PT", "civil", date(2023, 3, 15))
    assert j.kind is JudgmentKind.CIVIL
    assert j.effective_on == date(2023, 3, 15)
    assert Judgment("1", " criminal ").kind is JudgmentKind.CRIMINAL  # surrounding spaces
    assert Judgment("1", JudgmentKind.LABOUR).kind is JudgmentKind.LABOUR
    assert Judgment("1", "other").effective_on is None  # the date may be unknown


@pytest.mark.parametrize("bad", ["civl", "Civil", "dân sự", "", 3])
def test_unknown_kind_is_rejected_listing_the_accepted_ones(bad: object) -> None:
    with pytest.raises(InvalidRecordError) as error:
        Judgment("1", bad)  # type: ignore[arg-type]
    e = error.value
    assert (e.record, e.field) == ("Judgment", "kind")
    for kind in PUBLISHED_KINDS:  # never mapped to a default: every choice is listed
        assert kind in e.reason
    assert repr(bad) in e.reason


def test_judgment_is_a_frozen_value() -> None:
    a = Judgment("5/2022/HS-ST", "criminal", date(2022, 5, 1))
    assert a == Judgment("5/2022/HS-ST", JudgmentKind.CRIMINAL, date(2022, 5, 1))
    assert a != Judgment("5/2022/HS-ST", "criminal", date(2022, 5, 2))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.ref = "other"  # type: ignore[misc]
    assert attrs.evolve(a, kind="civil").kind is JudgmentKind.CIVIL  # evolve re-validates
    with pytest.raises(InvalidRecordError):
        attrs.evolve(a, kind="unknown")


def test_enum_value_names_record_and_field() -> None:
    assert enum_value(JudgmentKind, "bankruptcy", "Row 7", "judgment_kind") is (
        JudgmentKind.BANKRUPTCY
    )
    with pytest.raises(InvalidRecordError, match=r"Row 7: field 'judgment_kind'"):
        enum_value(JudgmentKind, "phá sản", "Row 7", "judgment_kind")
