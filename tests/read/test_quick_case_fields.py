"""The quick reading of a case row (the decoder's caches alone) gives what reading it
field by field gives, or steps aside (None): never another value, never a row accepted
that the field-by-field reading rejects."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thads.errors import InvalidRecordError
from thads.read._decode import Decoder, case_fields_by_field, quick_case_fields
from thads.read._headings import CASE_COLUMNS, CASE_OPTIONAL
from thads.testing import Dataset, datasets, invalid_datasets

FIELDS = CASE_COLUMNS + CASE_OPTIONAL


def _rows(data: Dataset) -> list[list[object]]:
    return [[row.get(f, "") for f in FIELDS] for row in data.case_rows]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(datasets(max_size=6), invalid_datasets()), min_size=1, max_size=4))
def test_the_quick_reading_is_the_field_by_field_reading(sets: list[Dataset]) -> None:
    decode = Decoder()
    rows = [row for data in sets for row in _rows(data)]
    for turn, row in enumerate(rows + rows):  # the second time round, the caches know every text
        try:
            expected = case_fields_by_field(decode, row)
        except InvalidRecordError:
            expected = None
        quick = quick_case_fields(decode, row)
        if quick is not None:
            assert quick == expected, row
        elif turn >= len(rows) and expected is not None and _plain(row):
            raise AssertionError(f"a plain valid row read field by field: {row}")


def _plain(row: list[object]) -> bool:
    """Every value a text of printable ASCII with no space at either end, the amount
    digits only: the rows the quick reading must take once their texts are known."""
    texts = [v for v in row if v != ""]
    amount = row[FIELDS.index("amount")]
    return (
        all(type(v) is str and v.isascii() and v.isprintable() and v == v.strip() for v in texts)
        and type(amount) is str
        and amount.isdigit()
        and len(amount) <= 18
    )


def test_a_common_row_is_read_quickly_once_its_texts_are_known() -> None:
    """By hand: the first reading fills the caches (office, executor, dates); the same
    row then reads quickly, with the amount and the reference as written."""
    row: list[object] = ["c1", "P01", "E1", "active", "civil", " 12/2024/DS-ST ", "2024-01-02",
                         "2024-02-01", "1500000", "state", ""]  # fmt: skip
    decode = Decoder()
    assert quick_case_fields(decode, row) is None  # nothing known yet
    slow = case_fields_by_field(decode, row)
    fast = quick_case_fields(decode, row)
    assert fast == slow
    assert fast is not None and fast[5] == "12/2024/DS-ST" and fast[9] == 1_500_000
    assert quick_case_fields(decode, [*row[:8], "1.500.000", *row[9:]]) is None  # not digits
    assert quick_case_fields(decode, [" c1", *row[1:]]) is None  # a space: cleaned slowly
    assert quick_case_fields(decode, ["c1 ", *row[1:]]) in (None, slow)  # read as "c1"


def test_values_of_other_types_step_aside() -> None:
    """Once the caches know every text of the row: a value of another type (a number, a
    date, an enumeration member, a list) or a date the decoder found bad makes the quick
    reading step aside, never read it as the text it resembles."""
    from datetime import date

    from thads.records import EnforcementMode

    row: list[object] = ["c1", "P01", "E1", "active", "civil", "", "2024-01-02",
                         "2024-02-01", "100", "state", "2024-03-01"]  # fmt: skip
    decode = Decoder()
    case_fields_by_field(decode, row)
    assert quick_case_fields(decode, row) is not None
    others: list[tuple[int, object]] = [
        (1, 1), (2, None), (3, EnforcementMode.ACTIVE), (4, ["civil"]), (6, date(2024, 1, 2)),
        (7, date(2024, 2, 1)), (8, 100), (9, b"state"), (10, 20240301), (0, 1),
    ]  # fmt: skip
    for at, value in others:
        assert quick_case_fields(decode, [*row[:at], value, *row[at + 1 :]]) is None, (at, value)
    bad = [*row[:7], "2024-02-30", *row[8:]]
    with pytest.raises(InvalidRecordError):  # the decoder then knows the text as bad
        case_fields_by_field(decode, bad)
    assert decode.dates["2024-02-30"] is None
    assert quick_case_fields(decode, bad) is None
    assert quick_case_fields(decode, [*row[:6], "2024-02-30", *row[7:]]) is None
