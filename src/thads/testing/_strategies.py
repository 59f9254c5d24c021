"""Hypothesis strategies for property tests of code that embeds thads (kiểm thử).

Valid and varied domain data (bản án, khoản phải thi hành, việc thi hành án with
consistent histories, cơ quan THADS, kỳ thống kê, chỉ tiêu, bảng số liệu) and whole data
sets in the interchange format, plus data sets holding bad rows, each paired with the
reason the reader gives for it. Needs the extra ``testing`` (``pip install
'thads[testing]'``); ``import thads`` never imports hypothesis.

Generation is deterministic under a fixed hypothesis seed: every choice is drawn from a
sorted or ordered sequence, never from a set whose order depends on the hash seed.
See docs/testing.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError, MissingExtraError
from thads.law import ground_code
from thads.read import CASE_COLUMNS, CASE_OPTIONAL, EVENT_COLUMNS, EVENT_OPTIONAL, RejectedRow
from thads.records import (
    CLOSING,
    MONEY_EVENTS,
    Case,
    CreditorKind,
    Debt,
    EnforcementMode,
    Event,
    EventKind,
    Judgment,
    JudgmentKind,
    Office,
    OfficeLevel,
    OfficeTree,
)
from thads.values import TY, Quota, StatisticalPeriod, Tally

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise MissingExtraError("hypothesis", "testing", "thads.testing") from error

# --- defaults ---------------------------------------------------------------------------

DEFAULT_YEARS: Final = (2021, 2024)
"""Statistical years covered by default: 1/10/2020 to 30/9/2024."""
DEFAULT_OFFICES: Final = ("A", "B", "C")
"""Office codes used when no office tree is given; executors are ``A-1`` .. ``A-3``."""
DEFAULT_MAX_AMOUNT: Final = 5 * TY
"""Largest money amount of a generated case by default (5 tỷ đồng)."""
DEFAULT_MONEY_SHARE: Final = Fraction(9, 10)
"""Share of generated cases that carry money (the others are obligations to act)."""
DEFAULT_EVENT_MIX: Final[Mapping[str, int]] = {
    "enforceable": 3,
    "unenforceable": 2,
    "postponed": 2,
    "suspended": 1,
    "resumed": 1,
    "collected": 3,
    "reduced": 1,
    "completed": 1,
    "terminated": 1,
    "entrusted": 1,
    "withdrawn": 1,
    "separate_register": 1,
}
"""Relative weights of the event kinds drawn for a case history."""

POSTPONEMENT_GROUNDS: Final = (
    None,
    "48.1.a",
    "48.1.b",
    "48.1.c",
    "48.1.d",
    "48.1.đ",
    "48.1.e",
    "48.1.g",
    "48.1.h",
    "48.2",
    "Điều 48(1)(c)",
)
"""Grounds of hoãn (Law on THADS 2008 Art. 48(1)(a)-(h), 48(2)) put on ``postponed``."""
SUSPENSION_GROUNDS: Final = (None, "49.1", "49.2")
"""Grounds of tạm đình chỉ (Law on THADS 2008 Art. 49(1), (2)) put on ``suspended``."""

_CLOSING_KINDS: Final = tuple(sorted(CLOSING))
_MONEY_KINDS: Final = tuple(sorted(MONEY_EVENTS))
_PLAIN_KINDS: Final = tuple(k for k in EventKind if k not in MONEY_EVENTS)
_REF_ALPHABET: Final = "0123456789/ABCĐDSTHNKLQ-"

Years = int | tuple[int, int]
"""One statistical year, or the first and last of several."""
Offices = OfficeTree | Sequence[str] | None
"""An office tree, or office codes (executors ``CODE-1`` .. ``CODE-3``), or the defaults."""


def _span(years: Years) -> tuple[date, date]:
    first, last = (years, years) if isinstance(years, int) else years
    if first > last:
        raise InvalidRecordError("thads.testing", "years", f"first {first} is after last {last}")
    return StatisticalPeriod(first).start, StatisticalPeriod(last).end


def _mix(event_mix: Mapping[str, int] | None) -> tuple[EventKind, ...]:
    """Event kinds repeated by weight, in EventKind order (so deterministic)."""
    weights = DEFAULT_EVENT_MIX if event_mix is None else event_mix
    accepted = ", ".join(k.value for k in EventKind)
    kinds: list[EventKind] = []
    for name in sorted(weights):
        try:
            kind = EventKind(name)
        except ValueError:
            raise InvalidRecordError(
                "thads.testing", "event_mix", f"unknown event kind {name!r}; expected: {accepted}"
            ) from None
        weight = weights[name]
        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 0:
            raise InvalidRecordError(
                "thads.testing", "event_mix", f"weight of {name} must be an int >= 0"
            )
    for kind in EventKind:
        kinds.extend([kind] * weights.get(kind.value, 0))
    return tuple(kinds)


def _placements(offices: Offices) -> tuple[tuple[str, str], ...]:
    """(office, executor) pairs a case may have, sorted."""
    if offices is None:
        offices = DEFAULT_OFFICES
    if isinstance(offices, OfficeTree):
        pairs = sorted(
            (o.parent, o.code)
            for o in offices
            if o.level is OfficeLevel.EXECUTOR and o.parent is not None
        )
        if not pairs:
            raise InvalidRecordError(
                "thads.testing", "offices", "the office tree has no executor under an office"
            )
        return tuple(pairs)
    codes = sorted(offices)
    if not codes:
        raise InvalidRecordError("thads.testing", "offices", "give at least one office code")
    return tuple((code, f"{code}-{n}") for code in codes for n in (1, 2, 3))


def _check_share(share: Fraction | int) -> Fraction:
    if not isinstance(share, Fraction | int) or isinstance(share, bool) or not 0 <= share <= 1:
        raise InvalidRecordError(
            "thads.testing", "money_share", f"must be a Fraction from 0 to 1, got {share!r}"
        )
    return Fraction(share)


# --- small values -----------------------------------------------------------------------


def amounts(max_value: int = DEFAULT_MAX_AMOUNT, *, min_value: int = 0) -> st.SearchStrategy[int]:
    """Money (tiền) as an int number of đồng, from ``min_value`` to ``max_value``."""
    return st.integers(min_value=min_value, max_value=max_value)


def periods(
    years: Years = DEFAULT_YEARS, *, months: int | None = None
) -> st.SearchStrategy[StatisticalPeriod]:
    """Statistical periods (kỳ thống kê) of the given years; any of 1..12 months if None."""
    first, last = (years, years) if isinstance(years, int) else years
    month_values = st.just(months) if months is not None else st.integers(1, 12)
    return st.builds(StatisticalPeriod, st.integers(first, last), month_values)


def judgments(
    kinds: Sequence[JudgmentKind | str] | None = None,
    *,
    effective: tuple[date, date] = (date(2015, 1, 1), date(2024, 9, 30)),
    undated: bool = True,
) -> st.SearchStrategy[Judgment]:
    """Judgments (bản án, quyết định): a ref, a kind, and an effective date in ``effective``."""
    kind_list = list(JudgmentKind) if kinds is None else [JudgmentKind(k) for k in kinds]
    dates: st.SearchStrategy[date | None] = st.dates(*effective)
    if undated:
        dates = st.none() | dates
    return st.builds(
        Judgment, st.text(alphabet=_REF_ALPHABET, max_size=12), st.sampled_from(kind_list), dates
    )


def debts(
    max_amount: int = DEFAULT_MAX_AMOUNT,
    *,
    creditors: Sequence[CreditorKind | str] | None = None,
) -> st.SearchStrategy[Debt]:
    """Debts (khoản phải thi hành) of 0..``max_amount`` đồng, with or without a due date."""
    kinds = list(CreditorKind) if creditors is None else [CreditorKind(c) for c in creditors]
    due = st.none() | st.dates(date(2015, 1, 1), date(2026, 12, 31))
    return st.builds(Debt, amounts(max_amount), st.sampled_from(kinds), due)


def events(
    kinds: Sequence[EventKind | str] | None = None,
    *,
    on: tuple[date, date] = (date(2020, 10, 1), date(2024, 9, 30)),
    max_amount: int = DEFAULT_MAX_AMOUNT,
) -> st.SearchStrategy[Event]:
    """Single well-formed events (sự kiện): an amount only on collected/reduced, a ground
    only on postponed/suspended. For whole histories use :func:`cases`."""
    kind_list = list(EventKind) if kinds is None else [EventKind(k) for k in kinds]

    @st.composite
    def one(draw: st.DrawFn) -> Event:
        kind = draw(st.sampled_from(kind_list))
        day = draw(st.dates(*on))
        amount = draw(amounts(max_amount, min_value=1)) if kind in MONEY_EVENTS else 0
        return Event(day, kind, amount, draw(_ground(kind)))

    return one()


def _ground(kind: EventKind) -> st.SearchStrategy[str | None]:
    if kind is EventKind.POSTPONED:
        return st.sampled_from(POSTPONEMENT_GROUNDS)
    if kind is EventKind.SUSPENDED:
        return st.sampled_from(SUSPENSION_GROUNDS)
    return st.none()


def quotas(
    years: Years = DEFAULT_YEARS, *, offices: Sequence[str | None] | None = None
) -> st.SearchStrategy[Quota]:
    """Quotas (chỉ tiêu): targets 0.00..100.00 percent; office None is the general quota."""
    first, last = (years, years) if isinstance(years, int) else years
    percent = st.integers(0, 10_000).map(lambda n: Decimal(n).scaleb(-2))
    office_list: list[str | None] = [None] if offices is None else list(offices)
    return st.builds(
        Quota,
        st.integers(first, last),
        percent,
        percent,
        st.sampled_from(sorted(office_list, key=lambda o: "" if o is None else o)),
    )


COUNTS: Final = st.integers(min_value=0, max_value=10**6)
"""Default row values of :func:`tallies` (numbers of cases)."""


def tallies(
    values: st.SearchStrategy[int] = COUNTS, *, unit: Literal["cases", "money"] = "money"
) -> st.SearchStrategy[Tally]:
    """Tallies (bảng số liệu) that satisfy the report identities, built from their
    classified rows. ``unit="cases"`` keeps ``reduced`` at 0 (giảm is a money row)."""

    @st.composite
    def one(draw: st.DrawFn) -> Tally:
        # accepted = to_enforce + entrusted + withdrawn, and
        # to_enforce = enforceable + stayed + without_conditions
        rows = {
            name: draw(values) if unit == "money" or name != "reduced" else 0
            for name in _DRAWN_ROWS
        }
        accepted = sum(rows.values())
        carried_over = draw(st.integers(min_value=0, max_value=accepted))
        return Tally(carried_over=carried_over, new=accepted - carried_over, **rows)

    return one()


_BOOKS: Final = ("carried_over", "new", "entrusted", "withdrawn")
_DRAWN_ROWS: Final = (*(r for r in Tally.PRIMITIVE if r not in _BOOKS), "entrusted", "withdrawn")
"""Rows :func:`tallies` draws, in this order (the rows of to_enforce, then those taken
out of accepted); ``carried_over`` and ``new`` follow from their sum."""


# --- office trees -----------------------------------------------------------------------

# TODO(dated-office-tree): the dated office tree (offices merged and renamed on a date,
# e.g. 63 → 34 provinces on 1/7/2025) is being built elsewhere. When it lands, add
# ``dated_office_trees()`` here and let ``cases(offices=...)`` accept it, choosing each
# case's office among those open on its acceptance date. See docs/testing.md.


def office_trees(
    *, max_provinces: int = 3, max_areas: int = 3, max_executors: int = 3
) -> st.SearchStrategy[OfficeTree]:
    """Office trees (cơ quan THADS) as organised from 1/7/2025: THADS tỉnh → Phòng THADS
    khu vực → Chấp hành viên; some executors sit directly under the province.

    Codes: province ``P1``, area ``P1-K1``, executor ``P1-K1-CHV1`` or ``P1-CHV1``.
    """

    @st.composite
    def one(draw: st.DrawFn) -> OfficeTree:
        offices: list[Office] = []
        for p in range(1, draw(st.integers(1, max_provinces)) + 1):
            province = f"P{p}"
            offices.append(Office(province, f"THADS tỉnh {province}", OfficeLevel.PROVINCE))
            for e in range(1, draw(st.integers(0, max_executors)) + 1):
                code = f"{province}-CHV{e}"
                offices.append(
                    Office(code, f"Chấp hành viên {code}", OfficeLevel.EXECUTOR, province)
                )
            for a in range(1, draw(st.integers(1, max_areas)) + 1):
                area = f"{province}-K{a}"
                offices.append(
                    Office(
                        area,
                        f"Phòng THADS khu vực {a} ({province})",
                        OfficeLevel.DISTRICT,
                        province,
                    )
                )
                for e in range(1, draw(st.integers(1, max_executors)) + 1):
                    code = f"{area}-CHV{e}"
                    offices.append(
                        Office(code, f"Chấp hành viên {code}", OfficeLevel.EXECUTOR, area)
                    )
        return OfficeTree.of(offices)

    return one()


# --- cases ------------------------------------------------------------------------------


@attrs.frozen
class _CaseConfig:
    first: date
    last: date
    places: tuple[tuple[str, str], ...]
    money_share: Fraction
    mix: tuple[EventKind, ...]
    max_events: int
    max_amount: int


def _config(
    years: Years,
    offices: Offices,
    money_share: Fraction | int,
    event_mix: Mapping[str, int] | None,
    max_events: int,
    max_amount: int,
) -> _CaseConfig:
    first, last = _span(years)
    return _CaseConfig(
        first,
        last,
        _placements(offices),
        _check_share(money_share),
        _mix(event_mix),
        max_events,
        max_amount,
    )


def _case(draw: st.DrawFn, config: _CaseConfig, case_id: str, *, open_only: bool = False) -> Case:
    """One case: events after acceptance, in date order, within what is owed.

    ``open_only`` leaves out closing events, so the case stays open.
    """
    span = (config.last - config.first).days
    accepted = config.first + timedelta(days=draw(st.integers(0, span)))
    share = config.money_share
    is_money = draw(st.integers(0, share.denominator - 1)) < share.numerator
    amount = draw(amounts(config.max_amount, min_value=1)) if is_money else 0
    outstanding = amount
    mix = tuple(k for k in config.mix if not (open_only and k in CLOSING))
    day = accepted
    history: list[Event] = []
    for _ in range(draw(st.integers(0, config.max_events)) if mix else 0):
        day = day + timedelta(days=draw(st.integers(0, 200)))
        if day > config.last:
            break
        kind = draw(st.sampled_from(mix))
        if kind in MONEY_EVENTS:
            if outstanding == 0:
                continue
            value = draw(st.integers(1, outstanding))
            history.append(Event(day, kind, value))
            outstanding -= value
            continue
        history.append(Event(day, kind, 0, draw(_ground(kind))))
        if kind in CLOSING:
            break
    office, executor = draw(st.sampled_from(config.places))
    effective = draw(st.none() | st.dates(accepted - timedelta(days=5 * 365), accepted))
    due_on = draw(st.none() | st.dates(accepted - timedelta(days=365), accepted))
    return Case(
        case_id=case_id,
        office=office,
        executor=executor,
        mode=draw(st.sampled_from(list(EnforcementMode))),
        judgment=Judgment(
            draw(st.text(alphabet=_REF_ALPHABET, max_size=12)),
            draw(st.sampled_from(list(JudgmentKind))),
            effective,
        ),
        accepted_on=accepted,
        debts=(Debt(amount, draw(st.sampled_from(list(CreditorKind))), due_on),),
        events=tuple(history),
    )


def cases(
    *,
    case_id: str | None = None,
    years: Years = DEFAULT_YEARS,
    offices: Offices = None,
    money_share: Fraction | int = DEFAULT_MONEY_SHARE,
    event_mix: Mapping[str, int] | None = None,
    max_events: int = 6,
    max_amount: int = DEFAULT_MAX_AMOUNT,
) -> st.SearchStrategy[Case]:
    """Cases (việc thi hành án) with consistent histories.

    Accepted within ``years``; events dated on or after acceptance, in date order, not
    after the last day of ``years``; nothing after a closing event; collections and
    reductions never above what is still owed; postponements and suspensions carry
    grounds (or none). ``money_share``: chance that a case carries money (else its
    amount is 0). ``event_mix``: relative weights of event kinds (kinds left out are
    never drawn). ``offices``: an office tree (cases go to an executor and the office
    above it) or office codes.
    """
    config = _config(years, offices, money_share, event_mix, max_events, max_amount)

    @st.composite
    def one(draw: st.DrawFn) -> Case:
        return _case(draw, config, case_id or f"c{draw(st.integers(0, 10**9))}")

    return one()


def case_sets(
    *,
    min_size: int = 0,
    max_size: int = 25,
    years: Years = DEFAULT_YEARS,
    offices: Offices = None,
    money_share: Fraction | int = DEFAULT_MONEY_SHARE,
    event_mix: Mapping[str, int] | None = None,
    max_events: int = 6,
) -> st.SearchStrategy[list[Case]]:
    """Lists of cases with distinct ids ``c0``, ``c1``, ... (see :func:`cases`)."""
    config = _config(years, offices, money_share, event_mix, max_events, DEFAULT_MAX_AMOUNT)
    return _case_lists(config, min_size, max_size)


def _case_lists(config: _CaseConfig, min_size: int, max_size: int) -> st.SearchStrategy[list[Case]]:
    @st.composite
    def many(draw: st.DrawFn) -> list[Case]:
        size = draw(st.integers(min_size, max_size))
        return [_case(draw, config, f"c{i}") for i in range(size)]

    return many()


# --- data sets in the interchange format ------------------------------------------------

Row = dict[str, str]
"""One row of cases.csv or events.csv, every value a string as in a CSV file."""


def case_row(case: Case) -> Row:
    """The cases.csv row of a case with one debt (interchange format v1)."""
    (debt,) = case.debts
    effective = case.judgment.effective_on
    return {
        "case_id": case.case_id,
        "office": case.office,
        "executor": case.executor,
        "mode": case.mode.value,
        "judgment_kind": case.judgment.kind.value,
        "judgment_ref": case.judgment.ref,
        "judgment_effective": effective.isoformat() if effective else "",
        "accepted_on": case.accepted_on.isoformat(),
        "amount": str(debt.amount),
        "creditor": debt.creditor.value,
        "due_on": debt.due_on.isoformat() if debt.due_on else "",
    }


def event_row(case_id: str, event: Event) -> Row:
    """The events.csv row of one event; amount blank when the event carries none."""
    return {
        "case_id": case_id,
        "date": event.on.isoformat(),
        "kind": event.kind.value,
        "amount": str(event.amount) if event.amount else "",
        "ground": event.ground or "",
    }


@attrs.frozen
class Rejection:
    """A row the reader must reject: which file, its position, the field and a stable
    part of the reason (as in :class:`thads.RejectedRow`)."""

    file: Literal["cases", "events"]
    index: int
    """Position of the row in :attr:`Dataset.case_rows` or ``event_rows``, from 0."""
    field: str
    reason: str

    def matches(self, row: RejectedRow, *, header: bool = False) -> bool:
        """True if ``row`` is this rejection; ``header``: the file had a header line
        (CSV), so lines are shifted by one. Files must be named cases.* and events.*."""
        line = self.index + (2 if header else 1)
        return (
            Path(row.file).stem == self.file
            and row.line == line
            and row.field == self.field
            and self.reason in row.reason
        )


@attrs.frozen
class Dataset:
    """Rows of cases.csv and events.csv, the cases the reader must build from them (in
    case-row order), and the rows it must reject (none for :func:`datasets`)."""

    case_rows: tuple[Row, ...]
    event_rows: tuple[Row, ...]
    cases: tuple[Case, ...]
    rejections: tuple[Rejection, ...] = ()
    rule: str | None = None
    """For :func:`invalid_datasets`: the name of the reader's rule that is broken."""

    def write(self, directory: str | Path, *, suffix: str = "csv") -> tuple[Path, Path]:
        """Write ``cases.<suffix>`` and ``events.<suffix>`` (csv or jsonl) in ``directory``."""
        if suffix not in ("csv", "jsonl", "ndjson"):
            raise InvalidRecordError("Dataset.write", "suffix", f"use csv or jsonl, not {suffix!r}")
        folder = Path(directory)
        paths = folder / f"cases.{suffix}", folder / f"events.{suffix}"
        tables = (
            (self.case_rows, CASE_COLUMNS + CASE_OPTIONAL),
            (self.event_rows, EVENT_COLUMNS + EVENT_OPTIONAL),
        )
        for path, (rows, columns) in zip(paths, tables, strict=True):
            with open(path, "w", encoding="utf-8", newline="") as handle:
                if suffix == "csv":
                    writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
                    writer.writeheader()
                    writer.writerows(rows)
                else:
                    for row in rows:
                        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return paths


def _as_read(case: Case) -> Case:
    """``case`` as the reader gives it back: each legal ground as its code (``"48.1.c"``)."""
    if not any(e.ground for e in case.events):
        return case
    events = tuple(attrs.evolve(e, ground=ground_code(e.ground)) for e in case.events)
    return attrs.evolve(case, events=events)


def _interleave(draw: st.DrawFn, per_case: Sequence[Sequence[Row]]) -> list[Row]:
    """All event rows, cases mixed in a drawn order, each case's rows in their order."""
    owners = [i for i, rows in enumerate(per_case) for _ in rows]
    order = draw(st.permutations(owners))
    cursor = [0] * len(per_case)
    out: list[Row] = []
    for owner in order:
        out.append(per_case[owner][cursor[owner]])
        cursor[owner] += 1
    return out


def datasets(
    *,
    min_size: int = 0,
    max_size: int = 25,
    years: Years = DEFAULT_YEARS,
    offices: Offices = None,
    money_share: Fraction | int = DEFAULT_MONEY_SHARE,
    event_mix: Mapping[str, int] | None = None,
    max_events: int = 6,
) -> st.SearchStrategy[Dataset]:
    """Valid data sets in the interchange format: every row is accepted by the reader.

    Event rows of different cases are interleaved; each case's rows stay in date order
    (same-day events in their order). Parameters as in :func:`cases`.
    """
    config = _config(years, offices, money_share, event_mix, max_events, DEFAULT_MAX_AMOUNT)
    many = _case_lists(config, min_size, max_size)

    @st.composite
    def one(draw: st.DrawFn) -> Dataset:
        drawn = draw(many)
        per_case = [[event_row(c.case_id, e) for e in c.events] for c in drawn]
        return Dataset(
            tuple(case_row(c) for c in drawn),
            tuple(_interleave(draw, per_case)),
            tuple(_as_read(c) for c in drawn),
        )

    return one()


# --- invalid rows, each with the reason the reader gives ------------------------------

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

REASONS: Final[Mapping[str, str]] = {
    "missing": "is missing",
    "unknown_value": "unknown value",
    "unknown_kind": "unknown value",
    "bad_date": "is not an ISO date (YYYY-MM-DD)",
    "bad_amount": "is not an integer number of đồng",
    "negative_amount": "must not be negative",
    "duplicate_id": "duplicate case_id",
    "before_acceptance": "is dated before acceptance",
    "after_closing": "follows the closing event",
    "no_amount": "needs an amount > 0",
    "more_than_owed": "is more than owed",
    "amount_not_allowed": "carries no amount",
    "unknown_case": "no case with this case_id",
    "case_rejected": "its case row was rejected",
}
"""Stable part of the reader's reason for each kind of bad row (the rule's suffix)."""

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


def _reason(rule: str) -> str:
    return REASONS[rule.split(":", 1)[1]]


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
        self.events: list[Row] = _interleave(draw, per_case)
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
                self.bad.append(("cases", row, "events", "held out"))
                for event in self.events:
                    if event["case_id"] == case_id and all(event is not b for b in bad_events):
                        self.bad.append(("events", event, "case_id", "held out with its case"))

    def ids(self) -> list[str]:
        return [row["case_id"] for row, _ in self.cases]

    def add_case(self, case: Case, *, after: Row | None = None) -> Row:
        """Add a valid case (its row at a drawn place, its events at the end)."""
        row = case_row(case)
        self._insert_case(row, case, after)
        self.events.extend(event_row(case.case_id, e) for e in case.events)
        return row

    def bad_case(self, row: Row, field: str, reason: str, *, after: Row | None = None) -> None:
        self._insert_case(row, None, after)
        self.bad.append(("cases", row, field, reason))

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

    def bad_event(
        self, row: Row, field: str, reason: str, *, after_case: str | None = None
    ) -> None:
        self.event(row, after_case=after_case)
        self.bad.append(("events", row, field, reason))

    def dataset(self, rule: str) -> Dataset:
        self._hold_cases()
        case_rows = [row for row, _ in self.cases]
        rejections = []
        for file, bad, field, reason in self.bad:
            rows = case_rows if file == "cases" else self.events
            index = next(i for i, r in enumerate(rows) if r is bad)
            rejections.append(Rejection(file, index, field, reason))
        rejections.sort(key=lambda r: (r.file, r.index))
        return Dataset(
            tuple(case_rows),
            tuple(self.events),
            tuple(_as_read(case) for _, case in self.cases if case is not None),
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
    closing = Event(on, draw(st.sampled_from(_CLOSING_KINDS)))
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
    config: _CaseConfig,
    *,
    open_only: bool = False,
    closed: bool = False,
) -> Case:
    """A valid case added to the data set, to carry a bad event row."""
    host = _case(draw, config, _fresh_id(build.ids(), "h"), open_only=open_only)
    if closed:
        host = _closed(draw, host, config.last)
    build.add_case(host)
    return host


def _bad_case(draw: st.DrawFn, build: _Builder, config: _CaseConfig, rules: Sequence[str]) -> Case:
    """A case whose row breaks one of ``rules``, added as a rejected row."""
    host = _case(draw, config, _fresh_id(build.ids(), "bad"))
    rule = _choose(draw, rules)
    row, field = _broken_case_row(draw, case_row(host), rule)
    build.bad_case(row, field, _reason(rule))
    return host


def _invalid(draw: st.DrawFn, rule: str, config: _CaseConfig, max_size: int) -> Dataset:
    valid = [_case(draw, config, f"c{i}") for i in range(draw(st.integers(0, max_size)))]
    build = _Builder(draw, valid)
    reason = _reason(rule)
    if rule in _CASE_PARSE_RULES:
        _bad_case(draw, build, config, [rule])
    elif rule == "case:duplicate_id":
        original = _case(draw, config, _fresh_id(build.ids(), "dup"))
        first = build.add_case(original)
        twin = _case(draw, config, original.case_id)  # its events would go to the original
        build.bad_case(case_row(twin), "case_id", reason, after=first)
    elif rule == "event:case_rejected":
        host = _bad_case(draw, build, config, _CASE_PARSE_RULES[1:])  # keeps the case_id
        orphans = [event_row(host.case_id, e) for e in host.events]
        for orphan in orphans or [_event_for(draw, host.case_id, host.accepted_on)]:
            build.bad_event(orphan, "case_id", reason)
    elif rule == "event:unknown_case":
        stranger = _fresh_id(build.ids(), "x")
        on = draw(st.dates(config.first, config.last))
        build.bad_event(_event_for(draw, stranger, on), "case_id", reason)
    elif rule in _EVENT_PARSE_RULES:
        host = _host(draw, build, config)
        on = draw(st.dates(host.accepted_on, config.last))
        row, field = _broken_event_row(draw, _event_for(draw, host.case_id, on), rule)
        build.bad_event(row, field, reason)
    elif rule == "event:before_acceptance":
        host = _host(draw, build, config)
        on = host.accepted_on - timedelta(days=draw(st.integers(1, 400)))
        build.bad_event(_event_for(draw, host.case_id, on), "date", reason)
    elif rule == "event:after_closing":
        host = _host(draw, build, config, closed=True)
        on = _last_day(host) + timedelta(days=draw(st.integers(0, 60)))
        row = _event_for(draw, host.case_id, on)
        build.bad_event(row, "kind", reason, after_case=host.case_id)
    else:  # the money rules, on a case still open
        host = _host(draw, build, config, open_only=True)
        on = _last_day(host) + timedelta(days=draw(st.integers(0, 60)))
        row = {"case_id": host.case_id, "date": on.isoformat()}
        if rule == "event:no_amount":
            row["kind"] = draw(st.sampled_from(_MONEY_KINDS)).value
            row["amount"] = draw(st.sampled_from(["", "0"]))
        elif rule == "event:more_than_owed":
            owed = host.amount - sum(e.amount for e in host.events)
            row["kind"] = draw(st.sampled_from(_MONEY_KINDS)).value
            row["amount"] = str(owed + draw(st.integers(1, 10**9)))
        else:  # event:amount_not_allowed
            row["kind"] = draw(st.sampled_from(_PLAIN_KINDS)).value
            row["amount"] = str(draw(st.integers(1, 10**9)))
        build.bad_event(row, "amount", reason, after_case=host.case_id)
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
    field and a stable part of the reason; every other row must be accepted and give
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
    config = _config(years, offices, money_share, event_mix, 4, DEFAULT_MAX_AMOUNT)

    @st.composite
    def one(draw: st.DrawFn) -> Dataset:
        return _invalid(draw, draw(st.sampled_from(chosen)), config, max_size)

    return one()


__all__ = [
    "CASE_RULES",
    "COUNTS",
    "DEFAULT_EVENT_MIX",
    "DEFAULT_MONEY_SHARE",
    "DEFAULT_OFFICES",
    "DEFAULT_YEARS",
    "EVENT_RULES",
    "POSTPONEMENT_GROUNDS",
    "REASONS",
    "RULES",
    "SUSPENSION_GROUNDS",
    "Dataset",
    "Rejection",
    "Row",
    "amounts",
    "case_row",
    "case_sets",
    "cases",
    "datasets",
    "debts",
    "event_row",
    "events",
    "invalid_datasets",
    "judgments",
    "office_trees",
    "periods",
    "quotas",
    "tallies",
]
