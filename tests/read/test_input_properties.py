"""Properties of the reader (issue 9): any valid data set reads to the same cases however
it is written (Vietnamese labels and headings, UTF-16, a data frame, a workbook), and no
input, however broken, raises anything but the documented errors."""

from __future__ import annotations

import csv
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thads import InvalidRecordError, read_cases, read_excel, read_frame
from thads.records import (
    CREDITOR_ALIASES,
    EVENT_KIND_ALIASES,
    HEADING_ALIASES,
    JUDGMENT_KIND_ALIASES,
    MODE_ALIASES,
)
from thads.testing import Dataset, datasets

CASE_FIELDS = (
    "case_id", "office", "executor", "mode", "judgment_kind", "judgment_ref",
    "judgment_effective", "accepted_on", "amount", "creditor", "due_on",
)  # fmt: skip
EVENT_FIELDS = ("case_id", "date", "kind", "amount", "ground")
VALUE_ALIASES = {
    "mode": MODE_ALIASES,
    "judgment_kind": JUDGMENT_KIND_ALIASES,
    "creditor": CREDITOR_ALIASES,
    "kind": EVENT_KIND_ALIASES,
}
COMMON = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _vietnamese(draw: st.DrawFn, rows: tuple[dict[str, str], ...]) -> list[dict[str, str]]:
    """Each enumerated value replaced by a drawn Vietnamese alias, in a drawn case."""
    out = []
    for row in rows:
        new = dict(row)
        for field, aliases in VALUE_ALIASES.items():
            if new.get(field):
                name = draw(st.sampled_from(aliases[new[field]]))
                new[field] = draw(st.sampled_from([name, name.upper(), name.capitalize()]))
        out.append(new)
    return out


def _write_csv(path: Path, headings: list[str], fields: tuple[str, ...], rows: list[dict[str, str]],
               encoding: str) -> None:  # fmt: skip
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(headings)
        for row in rows:
            writer.writerow([row.get(f, "") for f in fields])


def _canonical(data: Dataset, folder: Path) -> list[object]:
    cp, ep = data.write(folder)
    return list(read_cases(cp, ep, strict=True))


@COMMON
@given(data=datasets(max_size=6), choices=st.data(), encoding=st.sampled_from(["utf-8", "utf-16"]))
def test_vietnamese_labels_and_headings_read_the_same(
    data: Dataset, choices: st.DataObject, encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        expected = _canonical(data, folder)
        assert expected == list(data.cases)
        heads = {f: choices.draw(st.sampled_from(HEADING_ALIASES[f])) for f in HEADING_ALIASES}
        cases = _vietnamese(choices.draw, data.case_rows)
        events = _vietnamese(choices.draw, data.event_rows)
        cp, ep = folder / "vi-cases.csv", folder / "vi-events.csv"
        _write_csv(cp, [heads[f] for f in CASE_FIELDS], CASE_FIELDS, cases, encoding)
        _write_csv(ep, [heads[f] for f in EVENT_FIELDS], EVENT_FIELDS, events, encoding)
        assert list(read_cases(cp, ep, strict=True)) == expected


def _frame_rows(
    rows: tuple[dict[str, str], ...], dates: tuple[str, ...]
) -> list[dict[str, object]]:
    """Rows as a spreadsheet program types them: dates as dates, amounts as numbers."""
    out: list[dict[str, object]] = []
    for row in rows:
        new: dict[str, object] = {}
        for key, value in row.items():
            if key in dates and value:
                new[key] = date.fromisoformat(value)
            elif key == "amount" and value:
                new[key] = float(value) if int(value) < 2**53 else int(value)
            else:
                new[key] = value or None
        out.append(new)
    return out


@COMMON
@given(data=datasets(max_size=6))
def test_a_pandas_frame_reads_the_same(data: Dataset) -> None:
    import pandas as pd

    cases = pd.DataFrame(
        _frame_rows(data.case_rows, ("judgment_effective", "accepted_on", "due_on")),
        columns=list(CASE_FIELDS),
    )
    for column in ("judgment_effective", "accepted_on", "due_on"):
        cases[column] = pd.to_datetime(cases[column])  # Timestamps and NaT
    events = pd.DataFrame(_frame_rows(data.event_rows, ("date",)), columns=list(EVENT_FIELDS))
    events["date"] = pd.to_datetime(events["date"])
    assert list(read_frame(cases, events, strict=True)) == list(data.cases)


@COMMON
@given(data=datasets(max_size=6))
def test_a_polars_frame_reads_the_same(data: Dataset) -> None:
    import polars as pl

    schema = dict.fromkeys(CASE_FIELDS, pl.String) | {
        "judgment_effective": pl.Date, "accepted_on": pl.Date, "due_on": pl.Date,
        "amount": pl.Int64,
    }  # fmt: skip
    rows = _frame_rows(data.case_rows, ("judgment_effective", "accepted_on", "due_on"))
    for row in rows:
        row["amount"] = int(row["amount"])  # type: ignore[call-overload]
    cases = pl.DataFrame(rows, schema=schema)
    event_schema = dict.fromkeys(EVENT_FIELDS, pl.String) | {"date": pl.Date, "amount": pl.Float64}
    events = pl.DataFrame(_frame_rows(data.event_rows, ("date",)), schema=event_schema)
    assert list(read_frame(cases, events, strict=True)) == list(data.cases)


@COMMON
@given(data=datasets(max_size=5))
def test_a_workbook_reads_the_same(data: Dataset) -> None:
    import openpyxl

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.xlsx"
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Việc"
        sheet.append(list(CASE_FIELDS))
        for row in _frame_rows(data.case_rows, ("judgment_effective", "accepted_on", "due_on")):
            sheet.append([row.get(f) for f in CASE_FIELDS])
        events = book.create_sheet("Diễn biến")
        events.append(list(EVENT_FIELDS))
        for row in _frame_rows(data.event_rows, ("date",)):
            events.append([row.get(f) for f in EVENT_FIELDS])
        book.save(path)
        reader = read_excel(path, cases_sheet="Việc", events_sheet="Diễn biến", strict=True)
        assert list(reader) == list(data.cases)


# --- fuzz: nothing but the documented errors ------------------------------------------

HEADERS = (
    ",".join(CASE_FIELDS[:10]),
    ",".join(EVENT_FIELDS),
)
FIELD_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "2023-01-05", "2023-02-30", "100", "-5", "²", "1.5", "c1",
                     "active", "Chủ động", "collected", "hoãn", "48.1.c", "điểm z", '"',
                     '"a', "\u200b", "\ufeff", "\r", "\n", "9" * 20, "1" + "0" * 40]),
    st.integers(min_value=0, max_value=10**30).map(str),  # long digit runs
)  # fmt: skip


def _read_all(cp: Path, ep: Path, **options: object) -> None:
    """Read; a documented error (InvalidRecordError, a warning) may stop it, nothing else."""
    try:
        reader = read_cases(cp, ep, **options)  # type: ignore[arg-type]
        list(reader)
    except InvalidRecordError:
        return
    for count in reader.counts.values():
        assert count.read == count.accepted + count.rejected


@settings(max_examples=200, deadline=None)
@given(
    cases=st.binary(max_size=300),
    events=st.binary(max_size=300),
    header=st.booleans(),
    sorted_input=st.booleans(),
)
def test_random_bytes_raise_only_documented_errors(
    cases: bytes, events: bytes, header: bool, sorted_input: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cp, ep = Path(tmp) / "cases.csv", Path(tmp) / "events.csv"
        prefix = (HEADERS[0] + "\n").encode() if header else b""
        cp.write_bytes(prefix + cases)
        ep.write_bytes(((HEADERS[1] + "\n").encode() if header else b"") + events)
        _read_all(cp, ep, sorted_input=sorted_input)
        jp, kp = Path(tmp) / "cases.jsonl", Path(tmp) / "events.jsonl"
        jp.write_bytes(cases)
        kp.write_bytes(events)
        _read_all(jp, kp)


@settings(max_examples=150, deadline=None)
@given(
    cases=st.lists(st.lists(FIELD_TEXT, min_size=0, max_size=12), max_size=6),
    events=st.lists(st.lists(FIELD_TEXT, min_size=0, max_size=7), max_size=8),
    on_bad_event=st.sampled_from(["hold_case", "drop_event"]),
)
def test_random_rows_raise_only_documented_errors(
    cases: list[list[str]], events: list[list[str]], on_bad_event: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cp, ep = Path(tmp) / "cases.csv", Path(tmp) / "events.csv"
        for path, head, rows in ((cp, HEADERS[0], cases), (ep, HEADERS[1], events)):
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(head + "\n")
                csv.writer(handle, lineterminator="\n").writerows(rows)
        _read_all(cp, ep, on_bad_event=on_bad_event)
        _read_all(cp, ep, on_bad_event=on_bad_event, sorted_input=True)
