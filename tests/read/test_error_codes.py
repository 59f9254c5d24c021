"""Every rejection carries a stable code, and docs/errors.md lists exactly ERROR_CODES."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thads.errors import ERROR_CODES, InvalidRecordError
from thads.read import RowError, read_records

DOCS = Path(__file__).parents[2] / "docs" / "errors.md"


def test_the_errors_page_names_every_code_and_nothing_else() -> None:
    text = DOCS.read_text("utf-8")
    listed = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \| (.+) \|$", text, flags=re.MULTILINE)
    codes = [code for code, _ in listed]
    assert len(codes) == len(set(codes)), "a code is listed twice"
    assert set(codes) == set(ERROR_CODES)
    for code, meaning in listed:
        assert meaning.strip() == ERROR_CODES[code], code


def test_every_code_is_topic_dot_problem() -> None:
    for code in ERROR_CODES:
        assert re.fullmatch(r"[a-z]+\.[a-z_]+", code), code


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown error code"):
        InvalidRecordError("r", "f", "why", code="no.such_code")


CASE = {
    "case_id": "K1",
    "office": "A",
    "executor": "A-1",
    "mode": "active",
    "judgment_kind": "civil",
    "judgment_ref": "",
    "judgment_effective": "",
    "accepted_on": "2024-01-10",
    "amount": "100",
    "creditor": "private",
}


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"accepted_on": "10/01/2024"}, "accepted_on", "date.not_iso"),
        ({"accepted_on": ""}, "accepted_on", "date.blank"),
        ({"amount": "-5"}, "amount", "amount.negative"),
        ({"amount": ""}, "amount", "amount.blank"),
        ({"amount": "1.000"}, "amount", "amount.not_integer"),
        ({"amount": "9" * 30}, "amount", "amount.too_large"),
        ({"mode": "sometimes"}, "mode", "value.unknown"),
        ({"office": " "}, "office", "text.empty"),
    ],
)
def test_a_bad_case_row_carries_its_code(change: dict[str, str], field: str, code: str) -> None:
    reader = read_records([{**CASE, **change}])
    assert list(reader) == []
    (row,) = reader.rejected
    assert (row.field, row.code) == (field, code)


@pytest.mark.parametrize(
    ("event", "code"),
    [
        ({"date": "2024-01-01", "kind": "enforceable", "amount": ""}, "event.before_acceptance"),
        ({"date": "2024-02-01", "kind": "collected", "amount": "101"}, "amount.above_owed"),
        ({"date": "2024-02-01", "kind": "collected", "amount": ""}, "amount.not_positive"),
        ({"date": "2024-02-01", "kind": "postponed", "amount": "3"}, "amount.not_allowed"),
        ({"date": "2024-02-01", "kind": "nothing", "amount": ""}, "value.unknown"),
    ],
)
def test_a_bad_event_and_its_held_case_carry_codes(event: dict[str, str], code: str) -> None:
    good = {"case_id": "K1", "date": "2024-01-20", "kind": "enforceable", "amount": ""}
    reader = read_records([CASE], [good, {"case_id": "K1", **event}])
    assert list(reader) == []
    got = sorted((r.file, r.line, r.code) for r in reader.rejected)
    assert got == [("cases", 1, "case.held"), ("events", 1, "event.held"), ("events", 2, code)]


def test_orphans_duplicates_and_the_strict_error_carry_codes() -> None:
    stranger = {"case_id": "X", "date": "2024-02-01", "kind": "enforceable", "amount": ""}
    reader = read_records([CASE, CASE], [stranger])
    assert len(list(reader)) == 1
    assert sorted(r.code for r in reader.rejected) == ["case.duplicate", "case.unknown"]
    with pytest.raises(RowError) as raised:
        list(read_records([{**CASE, "amount": "-1"}], strict=True))
    assert raised.value.code == "amount.negative"
