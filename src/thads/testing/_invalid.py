"""Data sets with bad rows (dữ liệu sai), each paired with the stable code
(:data:`thads.errors.ERROR_CODES`) the reader gives its rejection."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from fractions import Fraction
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError
from thads.records import (
    CLOSING,
    MONEY_EVENTS,
    Case,
    CreditorKind,
    EnforcementMode,
    Event,
    EventKind,
    JudgmentKind,
)
from thads.testing._cases import CaseConfig, config_of, draw_case
from thads.testing._datasets import (
    Dataset,
    Rejection,
    Row,
    as_read,
    case_row,
    event_row,
    interleave,
)
from thads.testing._hypothesis import st
from thads.testing._values import (
    CLOSING_KINDS,
    DEFAULT_MAX_AMOUNT,
    DEFAULT_MONEY_SHARE,
    DEFAULT_YEARS,
    MONEY_KINDS,
    PLAIN_KINDS,
    Offices,
    Years,
)

# --- invalid rows, each with the code of the reader's rejection -------------------------

CASE_RULES: Final = (
    "case:missing",
    "case:unknown_value",
    "case:bad_date",
    "case:bad_amount",
    "case:negative_amount",
    "case:duplicate_id",
)
"""Rules of the reader on cases.csv rows (see docs/interchange-format.md)."""
EVENT_RULES: Final = (
    "event:missing",
    "event:unknown_kind",
    "event:bad_date",
    "event:bad_amount",
    "event:negative_amount",
    "event:before_acceptance",
    "event:after_closing",
    "event:no_amount",
    "event:more_than_owed",
    "event:amount_not_allowed",
    "event:unknown_case",
    "event:case_rejected",
)
"""Rules of the reader on events.csv rows."""
RULES: Final = CASE_RULES + EVENT_RULES
"""Every row rule :func:`invalid_datasets` can break."""

CODES: Final[Mapping[str, str]] = {
    "missing": "text.empty",
    "unknown_value": "value.unknown",
    "unknown_kind": "value.unknown",
    "bad_date": "date.not_iso",
    "bad_amount": "amount.not_integer",
    "negative_amount": "amount.negative",
    "duplicate_id": "case.duplicate",
    "before_acceptance": "event.before_acceptance",
    "after_closing": "event.after_closing",
    "no_amount": "amount.not_positive",
    "more_than_owed": "amount.above_owed",
    "amount_not_allowed": "amount.not_allowed",
    "unknown_case": "case.unknown",
    "case_rejected": "case.rejected",
}
"""The error code (:data:`thads.errors.ERROR_CODES`) of each kind of bad row (the rule's
suffix). A missing date is ``date.blank`` and a missing amount ``amount.blank`` (other
missing fields ``text.empty``); a case held out for its bad event is ``case.held``, and
its other events ``event.held``."""
_BLANK: Final[Mapping[str, str]] = {
    "accepted_on": "date.blank",
    "date": "date.blank",
    "amount": "amount.blank",
}

_CASE_REQUIRED: Final = (
    "case_id",
    "office",
    "executor",
    "mode",
    "judgment_kind",
    "accepted_on",
    "amount",
    "creditor",
)
_CASE_ENUMS: Final[Mapping[str, tuple[str, ...]]] = {
    "mode": tuple(m.value for m in EnforcementMode),
    "judgment_kind": tuple(k.value for k in JudgmentKind),
    "creditor": tuple(c.value for c in CreditorKind),
}
_CASE_DATES: Final = ("judgment_effective", "accepted_on", "due_on")
_EVENT_REQUIRED: Final = ("case_id", "date", "kind")
_EVENT_ENUMS: Final[Mapping[str, tuple[str, ...]]] = {"kind": tuple(k.value for k in EventKind)}


def _code(rule: str, field: str = "") -> str:
    """The code of the rejection of a row breaking ``rule`` in ``field``."""
    kind = rule.split(":", 1)[1]
    if kind == "missing":
        return _BLANK.get(field, CODES[kind])
    return CODES[kind]


def _unknown(accepted: Sequence[str]) -> st.SearchStrategy[str]:
    """A word that is none of ``accepted`` (and not blank)."""
    return st.text(alphabet="abcdefghiklmnopqrstuvxyđ_", min_size=1, max_size=12).filter(
        lambda word: word not in accepted
    )


def _bad_date(draw: st.DrawFn) -> str:
    """A date written in a form other than ISO YYYY-MM-DD, or a day that does not exist."""
    day = draw(st.dates(date(2000, 1, 1), date(2030, 12, 31)))
    forms = [
        f"{day.day:02d}/{day.month:02d}/{day.year}",  # Vietnamese dd/mm/yyyy
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"ngày {day.day} tháng {day.month} năm {day.year}",
        f"{day.year}-02-{draw(st.integers(30, 31))}",  # no such day
        f"{day.year}-{draw(st.integers(13, 99))}-{day.day:02d}",  # no such month
        f"{day.year}{day.month:02d}{day.day:02d}",
    ]
    return draw(st.sampled_from(forms))


def _bad_amount(draw: st.DrawFn) -> str:
    """An amount that is not a plain integer: separators, decimals, units, words."""
    n = draw(st.integers(1_000, 10**12))
    forms = [
        f"{n:,}".replace(",", "."),  # 1.000.000 (Vietnamese thousands separator)
        f"{n:,}",
        f"{n},5",
        f"{n}.0",
        f"{n} đồng",
        f"{n // 1_000_000 or 1} triệu",
        "1e6",
        "một triệu",
    ]
    return draw(st.sampled_from(forms))


def _fresh_id(taken: Sequence[str], prefix: str) -> str:
    number = 0
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _event_for(draw: st.DrawFn, case_id: str, on: date) -> Row:
    """A well-formed event row for ``case_id`` (its kind drawn, amount per kind)."""
    kind = draw(st.sampled_from(list(EventKind)))
    amount = str(draw(st.integers(1, 10**9))) if kind in MONEY_EVENTS else ""
    return {"case_id": case_id, "date": on.isoformat(), "kind": kind.value, "amount": amount}


def _choose(draw: st.DrawFn, options: Sequence[str]) -> str:
    """One of ``options``, drawn only where there is a choice (a draw, even of a single
    value, changes what hypothesis generates for a given seed)."""
    return options[0] if len(options) == 1 else draw(st.sampled_from(options))


def _broken_row(
    draw: st.DrawFn,
    row: Row,
    rule: str,
    *,
    required: Sequence[str],
    enums: Mapping[str, Sequence[str]],
    dates: Sequence[str],
) -> tuple[Row, str]:
    """``row`` with one field broken the way ``rule`` (a parse rule) says; (row, field).

    ``required``, ``enums`` and ``dates``: the file's required, enumerated and date
    fields (cases.csv or events.csv)."""
    broken = dict(row)
    kind = rule.split(":", 1)[1]
    if kind == "missing":
        field = _choose(draw, required)
        broken[field] = draw(st.sampled_from(["", " "]))
    elif kind in ("unknown_value", "unknown_kind"):
        field = _choose(draw, sorted(enums))
        broken[field] = draw(_unknown(enums[field]))
    elif kind == "bad_date":
        field = _choose(draw, dates)
        broken[field] = _bad_date(draw)
    elif kind == "bad_amount":
        field = "amount"
        broken[field] = _bad_amount(draw)
    else:  # negative_amount
        field = "amount"
        broken[field] = f"-{draw(st.integers(1, 10**12))}"
    return broken, field


def _broken_case_row(draw: st.DrawFn, row: Row, rule: str) -> tuple[Row, str]:
    return _broken_row(
        draw, row, rule, required=_CASE_REQUIRED, enums=_CASE_ENUMS, dates=_CASE_DATES
    )


def _broken_event_row(draw: st.DrawFn, row: Row, rule: str) -> tuple[Row, str]:
    return _broken_row(
        draw, row, rule, required=_EVENT_REQUIRED, enums=_EVENT_ENUMS, dates=("date",)
    )


class _Builder:
    """Rows of a data set under construction; bad rows are found by identity at the end."""

    def __init__(self, draw: st.DrawFn, valid: Sequence[Case]) -> None:
        self.draw = draw
        self.cases: list[tuple[Row, Case | None]] = [(case_row(c), c) for c in valid]
        per_case = [[event_row(c.case_id, e) for e in c.events] for c in valid]
        self.events: list[Row] = interleave(draw, per_case)
        self.bad: list[tuple[Literal["cases", "events"], Row, str, str]] = []

    def _hold_cases(self) -> None:
        """The reader holds out a case with a bad event (on_bad_event="hold_case"): its
        case row and its other events are rejected too."""
        bad_events = [row for file, row, _, _ in self.bad if file == "events"]
        for bad in bad_events:
            case_id = bad.get("case_id", "").strip()
            for k, (row, case) in enumerate(self.cases):
                if case is None or row["case_id"] != case_id:
                    continue
                self.cases[k] = (row, None)
                self.bad.append(("cases", row, "events", "case.held"))
                for event in self.events:
                    if event["case_id"] == case_id and all(event is not b for b in bad_events):
                        self.bad.append(("events", event, "case_id", "event.held"))

    def ids(self) -> list[str]:
        return [row["case_id"] for row, _ in self.cases]

    def add_case(self, case: Case, *, after: Row | None = None) -> Row:
        """Add a valid case (its row at a drawn place, its events at the end)."""
        row = case_row(case)
        self._insert_case(row, case, after)
        self.events.extend(event_row(case.case_id, e) for e in case.events)
        return row

    def bad_case(self, row: Row, field: str, code: str, *, after: Row | None = None) -> None:
        self._insert_case(row, None, after)
        self.bad.append(("cases", row, field, code))

    def _insert_case(self, row: Row, case: Case | None, after: Row | None) -> None:
        start = 0
        if after is not None:
            start = 1 + next(i for i, (r, _) in enumerate(self.cases) if r is after)
        self.cases.insert(self.draw(st.integers(start, len(self.cases))), (row, case))

    def event(self, row: Row, *, after_case: str | None = None) -> None:
        """Insert an event row at a drawn place, after every row of ``after_case``."""
        start = 0
        if after_case is not None:
            owned = [i for i, r in enumerate(self.events) if r["case_id"] == after_case]
            start = owned[-1] + 1 if owned else 0
        self.events.insert(self.draw(st.integers(start, len(self.events))), row)

    def bad_event(self, row: Row, field: str, code: str, *, after_case: str | None = None) -> None:
        self.event(row, after_case=after_case)
        self.bad.append(("events", row, field, code))

    def dataset(self, rule: str) -> Dataset:
        self._hold_cases()
        case_rows = [row for row, _ in self.cases]
        rejections = []
        for file, bad, field, code in self.bad:
            rows = case_rows if file == "cases" else self.events
            index = next(i for i, r in enumerate(rows) if r is bad)
            rejections.append(Rejection(file, index, field, code))
        rejections.sort(key=lambda r: (r.file, r.index))
        return Dataset(
            tuple(case_rows),
            tuple(self.events),
            tuple(as_read(case) for _, case in self.cases if case is not None),
            tuple(rejections),
            rule,
        )


def _last_day(case: Case) -> date:
    return case.events[-1].on if case.events else case.accepted_on


def _closed(draw: st.DrawFn, case: Case, last: date) -> Case:
    """``case`` itself if it is closed, else with a closing event added at its end."""
    if case.events and case.events[-1].kind in CLOSING:
        return case
    on = min(_last_day(case) + timedelta(days=draw(st.integers(0, 60))), last)
    closing = Event(on, draw(st.sampled_from(CLOSING_KINDS)))
    return attrs.evolve(case, events=(*case.events, closing))


_CASE_PARSE_RULES: Final = (
    "case:missing",
    "case:unknown_value",
    "case:bad_date",
    "case:bad_amount",
    "case:negative_amount",
)
_EVENT_PARSE_RULES: Final = (
    "event:missing",
    "event:unknown_kind",
    "event:bad_date",
    "event:bad_amount",
    "event:negative_amount",
)


def _host(
    draw: st.DrawFn,
    build: _Builder,
    config: CaseConfig,
    *,
    open_only: bool = False,
    closed: bool = False,
) -> Case:
    """A valid case added to the data set, to carry a bad event row."""
    host = draw_case(draw, config, _fresh_id(build.ids(), "h"), open_only=open_only)
    if closed:
        host = _closed(draw, host, config.last)
    build.add_case(host)
    return host


def _bad_case(draw: st.DrawFn, build: _Builder, config: CaseConfig, rules: Sequence[str]) -> Case:
    """A case whose row breaks one of ``rules``, added as a rejected row."""
    host = draw_case(draw, config, _fresh_id(build.ids(), "bad"))
    rule = _choose(draw, rules)
    row, field = _broken_case_row(draw, case_row(host), rule)
    build.bad_case(row, field, _code(rule, field))
    return host


def _invalid(draw: st.DrawFn, rule: str, config: CaseConfig, max_size: int) -> Dataset:
    valid = [draw_case(draw, config, f"c{i}") for i in range(draw(st.integers(0, max_size)))]
    build = _Builder(draw, valid)
    code = _code(rule)
    if rule in _CASE_PARSE_RULES:
        _bad_case(draw, build, config, [rule])
    elif rule == "case:duplicate_id":
        original = draw_case(draw, config, _fresh_id(build.ids(), "dup"))
        first = build.add_case(original)
        twin = draw_case(draw, config, original.case_id)  # its events would go to the original
        build.bad_case(case_row(twin), "case_id", code, after=first)
    elif rule == "event:case_rejected":
        host = _bad_case(draw, build, config, _CASE_PARSE_RULES[1:])  # keeps the case_id
        orphans = [event_row(host.case_id, e) for e in host.events]
        for orphan in orphans or [_event_for(draw, host.case_id, host.accepted_on)]:
            build.bad_event(orphan, "case_id", code)
    elif rule == "event:unknown_case":
        stranger = _fresh_id(build.ids(), "x")
        on = draw(st.dates(config.first, config.last))
        build.bad_event(_event_for(draw, stranger, on), "case_id", code)
    elif rule in _EVENT_PARSE_RULES:
        host = _host(draw, build, config)
        on = draw(st.dates(host.accepted_on, config.last))
        row, field = _broken_event_row(draw, _event_for(draw, host.case_id, on), rule)
        build.bad_event(row, field, _code(rule, field))
    elif rule == "event:before_acceptance":
        host = _host(draw, build, config)
        on = host.accepted_on - timedelta(days=draw(st.integers(1, 400)))
        build.bad_event(_event_for(draw, host.case_id, on), "date", code)
    elif rule == "event:after_closing":
        host = _host(draw, build, config, closed=True)
        on = _last_day(host) + timedelta(days=draw(st.integers(0, 60)))
        row = _event_for(draw, host.case_id, on)
        build.bad_event(row, "kind", code, after_case=host.case_id)
    else:  # the money rules, on a case still open
        host = _host(draw, build, config, open_only=True)
        on = _last_day(host) + timedelta(days=draw(st.integers(0, 60)))
        row = {"case_id": host.case_id, "date": on.isoformat()}
        if rule == "event:no_amount":
            row["kind"] = draw(st.sampled_from(MONEY_KINDS)).value
            row["amount"] = draw(st.sampled_from(["", "0"]))
        elif rule == "event:more_than_owed":
            owed = host.amount - sum(e.amount for e in host.events)
            row["kind"] = draw(st.sampled_from(MONEY_KINDS)).value
            row["amount"] = str(owed + draw(st.integers(1, 10**9)))
        else:  # event:amount_not_allowed
            row["kind"] = draw(st.sampled_from(PLAIN_KINDS)).value
            row["amount"] = str(draw(st.integers(1, 10**9)))
        build.bad_event(row, "amount", code, after_case=host.case_id)
    return build.dataset(rule)


def invalid_datasets(
    rules: Sequence[str] | None = None,
    *,
    max_size: int = 4,
    years: Years = DEFAULT_YEARS,
    offices: Offices = None,
    money_share: Fraction | int = DEFAULT_MONEY_SHARE,
    event_mix: Mapping[str, int] | None = None,
) -> st.SearchStrategy[Dataset]:
    """Data sets with one bad row (one rule of the reader broken) among valid ones.

    :attr:`Dataset.rejections` lists the rows the reader must reject, each with its
    field and the code of the rule broken (:data:`CODES`); every other row must be accepted and give
    :attr:`Dataset.cases`. ``rules`` narrows the rules broken (names in :data:`RULES`).
    A case row rejected with events of its own also rejects those events
    (``event:case_rejected``), so that rule lists several rejections.
    """
    chosen = list(RULES) if rules is None else list(rules)
    unknown = [r for r in chosen if r not in RULES]
    if unknown or not chosen:
        raise InvalidRecordError(
            "thads.testing",
            "rules",
            f"unknown rules {unknown}; expected some of: {', '.join(RULES)}",
        )
    config = config_of(years, offices, money_share, event_mix, 4, DEFAULT_MAX_AMOUNT)

    @st.composite
    def one(draw: st.DrawFn) -> Dataset:
        return _invalid(draw, draw(st.sampled_from(chosen)), config, max_size)

    return one()
