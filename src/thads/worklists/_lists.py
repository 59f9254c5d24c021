"""The lists and calendars an office works from (danh sách, lịch báo cáo).

Built on the same case records and timelines as the reports (docs/worklists.md):

- period-end lists of TT 05/2024/TT-BTP Art. 8 (docs/sources/statistics.md §4.1): cases moved to
  the separate register (chuyển sổ theo dõi riêng), cases being enforced (đang thi hành),
  state-compensation cases (bồi thường nhà nước), credit-institution cases (án tín dụng,
  ngân hàng) and, at 12 months, the unfinished cases carried into the next year
  (chuyển kỳ sau) — :func:`period_list`;
- large and long-running cases (án lớn, án kéo dài) — :func:`large_cases`,
  :func:`long_running_cases`;
- an executor's work list of deadlines due or overdue (thời hạn đến hạn, quá hạn) —
  :func:`work_list`;
- the day each report is due (thời hạn gửi báo cáo, TT 01/2013 Art. 10(2), TT 06/2019
  Art. 9(2), TT 05/2024 Art. 10) — :func:`report_due`, :func:`reporting_calendar`;
- exemption and reduction review — :func:`thads.law.exemption_candidates`.

Every list is sorted most urgent first; :func:`to_records`, :func:`to_csv`,
:func:`to_json`, :func:`to_table` and :func:`write_xlsx` print any of them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs
from dateutil.relativedelta import relativedelta

from thads import validate
from thads.count import place_case
from thads.errors import InvalidRecordError, MissingExtraError, PeriodError, RuleNotAvailableError
from thads.law import (
    ExemptionCandidate,
    Transition,
    WorkingCalendar,
    add_working_days,
    deadlines,
    resolve_calendar,
)
from thads.records import Case, CreditorKind, JudgmentKind
from thads.rules import REGIMES, DueRule, Regime, regime_for
from thads.values import StatisticalPeriod, Tally
from thads.write import csv_value, xlsx_text

# --- period-end lists (TT 05/2024 Art. 8) ---------------------------------------------


class ListKind(StrEnum):
    """The period-end lists of TT 05/2024 Art. 8 (danh sách khóa sổ cuối kỳ)."""

    SEPARATE_REGISTER = "separate_register"
    """Cases moved to the separate register in the period (chuyển sổ theo dõi riêng)."""
    BEING_ENFORCED = "being_enforced"
    """Cases being enforced at the period end (đang thi hành): report row in_progress."""
    STATE_COMPENSATION = "state_compensation"
    """State-compensation cases (bồi thường nhà nước): judgment kind state_compensation."""
    CREDIT_INSTITUTION = "credit_institution"
    """Cases for credit institutions (tổ chức tín dụng): creditor credit_institution."""
    CARRIED_OVER = "carried_over"
    """At 12 months: the unfinished cases carried into the next year (chuyển năm sau)."""


Scope = Literal["to_enforce", "unfinished"]
"""Which cases the state-compensation and credit-institution lists hold (inferred)."""
SCOPES: Final = ("to_enforce", "unfinished")

_ROWS: Final = Tally.PRIMITIVE
_OFF_TO_ENFORCE: Final = frozenset({"entrusted", "withdrawn"})


@attrs.frozen
class PeriodListRow:
    """One case on a period-end list.

    ``outstanding``: money still owed on the books at the period end — for a case moved
    to the separate register, what was owed at the move; 0 for a case completed,
    terminated, entrusted or withdrawn (its remainder left this office's books);
    ``row``: the case's report row in the period (docs/counting-rules.md);
    ``status``: its state at the period end — a classification (``enforceable``,
    ``without_conditions``, ``postponed``, ``suspended``) or the closing event;
    ``closed_on``: the day of the closing event, if any by the period end.
    """

    case_id: str
    office: str
    executor: str
    judgment_kind: str
    judgment_ref: str
    accepted_on: date
    amount: int
    outstanding: int
    row: str
    status: str
    closed_on: date | None


def _case_columns(case: Case) -> dict[str, Any]:
    """The columns every list gives of a case: id, office, executor, judgment, accepted."""
    return {
        "case_id": case.case_id,
        "office": case.office,
        "executor": case.executor,
        "judgment_kind": str(case.judgment.kind),
        "judgment_ref": case.judgment.ref,
        "accepted_on": case.accepted_on,
        "amount": case.amount,
    }


def _state_at(case: Case, day: int) -> tuple[str, int, date | None]:
    """(status, outstanding, closed_on) of ``case`` at the end of day ordinal ``day``."""
    status, owed, closing = case.timeline.state_on(day)
    return status, owed, None if closing is None else date.fromordinal(closing.day)


def _office_filter(office: str | None) -> Callable[[Case], bool]:
    if office is None:
        return lambda case: True
    return lambda case: office in (case.office, case.executor)


def _list_kind(value: ListKind | str) -> ListKind:
    return validate.choice(ListKind, value, "period_list", "kind")


def period_list(
    cases: Iterable[Case],
    kind: ListKind | str,
    period: StatisticalPeriod,
    *,
    office: str | None = None,
    regime: Regime | None = None,
    scope: Scope = "to_enforce",
) -> list[PeriodListRow]:
    """The list ``kind`` of TT 05/2024 Art. 8 at the end of ``period`` (optionally one office).

    Which cases each list holds (and the report rows it agrees with) is in
    docs/worklists.md. ``scope`` (state-compensation and credit-institution lists only,
    an inferred reading of Art. 8): ``to_enforce`` — every such case to enforce in the
    period (accepted, less entrusted and withdrawn), ``unfinished`` — only those not
    finished at the period end. ``carried_over`` needs a 12-month period. Sorted most
    urgent first: largest outstanding money, then the oldest case.
    """
    chosen = _list_kind(kind)
    if scope not in SCOPES:
        raise InvalidRecordError(
            "period_list", "scope", f"unknown scope {scope!r}; expected one of: {SCOPES}"
        )
    if chosen is ListKind.CARRIED_OVER and period.months != 12:
        raise PeriodError(
            f"the list of cases carried into the next year is closed at 12 months "
            f"(TT 05/2024 Art. 8), not for {period.label}"
        )
    rules = regime or regime_for(period)
    first, last = period.start.toordinal(), period.end.toordinal()
    keep_office = _office_filter(office)
    out: list[PeriodListRow] = []
    for case in cases:
        if not keep_office(case):
            continue
        placed = place_case(case, period.start, period.end, rules)
        if placed is None:
            continue
        row = _ROWS[placed[1]]
        status, owed, closed_on = _state_at(case, last)
        finished = closed_on is not None
        if finished and status != "separate_register":
            owed = 0
        if chosen is ListKind.SEPARATE_REGISTER:
            moved = closed_on.toordinal() if closed_on is not None else 0
            keep = status == "separate_register" and first <= moved <= last
        elif chosen is ListKind.BEING_ENFORCED:
            keep = row == "in_progress"
        elif chosen is ListKind.CARRIED_OVER:
            keep = not finished
        else:
            if chosen is ListKind.STATE_COMPENSATION:
                keep = case.judgment.kind is JudgmentKind.STATE_COMPENSATION
            else:
                keep = case.creditor is CreditorKind.CREDIT_INSTITUTION
            keep = keep and row not in _OFF_TO_ENFORCE
            if scope == "unfinished":
                keep = keep and not finished
        if keep:
            out.append(
                PeriodListRow(
                    **_case_columns(case),
                    outstanding=owed,
                    row=row,
                    status=status,
                    closed_on=closed_on,
                )
            )
    out.sort(key=lambda r: (-r.outstanding, r.accepted_on, r.case_id))
    return out


def carried_into_next_year(
    cases: Iterable[Case], period: StatisticalPeriod, *, office: str | None = None
) -> list[PeriodListRow]:
    """The unfinished cases at the end of a 12-month period (danh sách chuyển năm sau)."""
    return period_list(cases, ListKind.CARRIED_OVER, period, office=office)


# --- large and long-running cases ------------------------------------------------------

LARGE_AMOUNT: Final = 1_000_000_000
"""Default threshold of a large case (án lớn): 1.000.000.000 đồng (1 tỷ) outstanding.

No legal or published definition was found (docs/worklists.md): this is a round working
figure that picks out the cases that dominate the money rate; pass ``min_amount``."""
LONG_RUNNING_MONTHS: Final = 12
"""Default age of a long-running case (án kéo dài): more than 12 months on the books.

No legal definition was found; a case accepted more than 12 months ago has crossed at
least one 1 October, i.e. it was carried over into a new statistical year at least once
(the ``carried_over`` row); pass ``min_months``."""


@attrs.frozen
class OpenCaseRow:
    """An unfinished case on ``as_of``: its age (days and whole months) and money owed."""

    case_id: str
    office: str
    executor: str
    judgment_kind: str
    judgment_ref: str
    accepted_on: date
    amount: int
    outstanding: int
    status: str
    age_days: int
    age_months: int


def open_cases(
    cases: Iterable[Case], as_of: date, *, office: str | None = None
) -> list[OpenCaseRow]:
    """Cases accepted on or before ``as_of`` and not closed by then (any order)."""
    keep_office = _office_filter(office)
    day = as_of.toordinal()
    out: list[OpenCaseRow] = []
    for case in cases:
        if case.timeline.accepted > day or not keep_office(case):
            continue
        status, owed, closed_on = _state_at(case, day)
        if closed_on is not None:
            continue
        age = relativedelta(as_of, case.accepted_on)
        out.append(
            OpenCaseRow(
                **_case_columns(case),
                outstanding=owed,
                status=status,
                age_days=day - case.timeline.accepted,
                age_months=age.years * 12 + age.months,
            )
        )
    return out


def _non_negative(value: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidRecordError("worklists", field, f"must be a whole number >= 0, got {value!r}")
    return value


def large_cases(
    cases: Iterable[Case],
    as_of: date,
    *,
    min_amount: int = LARGE_AMOUNT,
    office: str | None = None,
) -> list[OpenCaseRow]:
    """Unfinished cases owing at least ``min_amount`` đồng on ``as_of``, largest first."""
    floor = _non_negative(min_amount, "min_amount")
    rows = [r for r in open_cases(cases, as_of, office=office) if r.outstanding >= floor]
    rows.sort(key=lambda r: (-r.outstanding, r.accepted_on, r.case_id))
    return rows


def long_running_cases(
    cases: Iterable[Case],
    as_of: date,
    *,
    min_months: int = LONG_RUNNING_MONTHS,
    office: str | None = None,
) -> list[OpenCaseRow]:
    """Unfinished cases on the books more than ``min_months`` months on ``as_of``, oldest first.

    "More than N months": accepted before the day N months before ``as_of``.
    """
    months = _non_negative(min_months, "min_months")
    limit = as_of - relativedelta(months=months)
    rows = [r for r in open_cases(cases, as_of, office=office) if r.accepted_on < limit]
    rows.sort(key=lambda r: (r.accepted_on, -r.outstanding, r.case_id))
    return rows


# --- an executor's work list -------------------------------------------------------------

WORK_WINDOW_DAYS: Final = 30
"""Default window of :func:`work_list`: deadlines due within 30 days from ``as_of``."""

WorkState = Literal["overdue", "due", "unknown"]


@attrs.frozen
class WorkItem:
    """One deadline on an executor's work list (việc phải làm, thời hạn).

    ``state``: ``overdue`` (due before ``as_of``, the step not shown done), ``due`` (due
    in the window, not done yet), ``unknown`` (the deadline's value is not known under
    the law of its step; ``gap`` says what is missing).
    """

    case_id: str
    office: str
    executor: str
    name: str
    title: str
    start: date
    due: date | None
    basis: str
    law: str
    state: WorkState
    known: bool
    gap: str | None


_STATE_ORDER: Final = {"overdue": 0, "due": 1, "unknown": 2}


def work_list(
    cases: Iterable[Case],
    as_of: date,
    until: date | None = None,
    *,
    office: str | None = None,
    calendar: WorkingCalendar | None = None,
    transition: Transition | str = Transition.FROM_TRIGGER,
    allow_last_known: bool = False,
) -> list[WorkItem]:
    """Every deadline of every case (:func:`thads.law.deadlines`) overdue or due by ``until``.

    ``until`` defaults to ``as_of`` + :data:`WORK_WINDOW_DAYS`. Listed: deadlines not
    done that are overdue on ``as_of`` or due in [as_of, until]; a step the records
    cannot show done (``trackable`` False, e.g. paying out) only while due in the window;
    deadlines whose value is unknown, as ``unknown``, when their trigger is on or before
    ``until``. Sorted overdue (oldest first), then due (soonest first), then unknown;
    :func:`by_executor` groups the list by office and executor in that order.
    """
    end = until if until is not None else as_of + timedelta(days=WORK_WINDOW_DAYS)
    if end < as_of:
        raise InvalidRecordError("work_list", "until", f"{end} is before as_of {as_of}")
    cal = resolve_calendar(calendar)
    keep_office = _office_filter(office)
    out: list[WorkItem] = []
    for case in cases:
        if not keep_office(case) or case.accepted_on > as_of:
            continue
        for item in deadlines(
            case,
            as_of,
            calendar=cal,
            transition=transition,
            allow_last_known=allow_last_known,
        ):
            if item.done_on is not None and item.done_on <= as_of:
                continue
            state: WorkState
            if item.due is None:
                if item.start > end:
                    continue
                state = "unknown"
            elif as_of <= item.due <= end:
                state = "due"
            elif item.due < as_of and item.overdue is True:
                state = "overdue"
            else:
                continue
            out.append(
                WorkItem(
                    case_id=case.case_id,
                    office=case.office,
                    executor=case.executor,
                    name=item.name,
                    title=item.title,
                    start=item.start,
                    due=item.due,
                    basis=item.basis,
                    law=str(item.law),
                    state=state,
                    known=item.known,
                    gap=item.gap,
                )
            )
    out.sort(key=lambda w: (_STATE_ORDER[w.state], w.due or date.max, w.case_id, w.name))
    return out


def by_executor(items: Sequence[WorkItem]) -> dict[tuple[str, str], list[WorkItem]]:
    """The work list grouped by (office, executor), each group in the list's order."""
    groups: dict[tuple[str, str], list[WorkItem]] = {}
    for item in items:
        groups.setdefault((item.office, item.executor), []).append(item)
    return dict(sorted(groups.items()))


# --- reporting calendar ---------------------------------------------------------------

Level = Literal["executor", "district", "area", "province", "national", "military"]
LEVELS: Final[tuple[str, ...]] = ("executor", "area", "province", "national")
"""The levels of the civil enforcement system since 1/7/2025, lowest first."""
_ALL_LEVELS: Final = ("executor", "district", "area", "province", "national", "military")

REPORT_DUE: Final[Mapping[str, Mapping[str, DueRule | None]]] = MappingProxyType(
    {regime.code: MappingProxyType(dict(regime.report_due)) for regime in REGIMES}
)
"""When each level's report is due, per regime: a read-only view of each regime's own
``report_due`` (``thads.rules``, docs/sources/statistics.md §4.2), kept for compatibility.

``("working_days", n)``: within n working days after the period end; ``("before_day",
n)``: before day n of the next month (due on day n − 1); None: not known to thads."""


@attrs.frozen
class ReportDue:
    """The day a level's report of a period is due (hạn gửi báo cáo thống kê)."""

    period: StatisticalPeriod
    level: str
    due: date | None
    """None when the regime's deadline for this level is not known (see ``basis``)."""
    regime: str
    basis: str
    inferred: bool
    """True when the level's row was read by analogy (an area office as a district)."""
    known: bool = True
    """False when the deadline is not known: listed as such, never invented."""


def _level(value: object) -> str:
    text = str(getattr(value, "name", value)).strip().lower()
    if text not in _ALL_LEVELS:
        raise InvalidRecordError(
            "report_due", "level", f"unknown level {value!r}; expected one of: {_ALL_LEVELS}"
        )
    return text


def report_due(
    period: StatisticalPeriod,
    level: str,
    *,
    calendar: WorkingCalendar | None = None,
    regime: Regime | None = None,
    area_as_district: bool = True,
) -> ReportDue:
    """The day the ``level`` report of ``period`` is due under the regime in force.

    The regime is that of the period (its last day). Working days are Vietnamese working
    days (``calendar``, else the ``holidays`` package, extra ``thads[holidays]``). An
    area office (Phòng THADS khu vực, from 1/7/2025) takes the district office's row: how
    the forms were mapped to the new levels is not known (docs/sources/statistics.md §5.1), so
    that reading is an option, ``area_as_district=False`` refuses it. A "before day n"
    date (TT 01/2013) is not moved off a day off: the text names a date, not a period.
    """
    name = _level(level)
    rules = regime or regime_for(period)
    if not rules.report_due:
        raise RuleNotAvailableError(f"report deadlines of regime {rules.code} are not known")
    inferred = name == "area"
    if inferred and not area_as_district:
        raise RuleNotAvailableError(
            "report deadline of an area office (Phòng THADS khu vực): how TT 05/2024 "
            "maps to the 2025 levels is not known; pass area_as_district=True to use the "
            "district office's deadline"
        )
    rule = rules.due_rule("district" if inferred else name)
    if rule is None:
        raise RuleNotAvailableError(
            f"the {name} report deadline under {rules.title} is not known to thads "
            "(docs/sources/statistics.md §4.2)"
        )
    how, count = rule
    end = period.end
    if how == "working_days":
        due = add_working_days(end, count, resolve_calendar(calendar))
        text = f"{count} ngày làm việc sau ngày kết thúc kỳ"
    else:
        due = end + timedelta(days=count - 1)
        text = f"trước ngày {count:02d} của tháng tiếp theo"
    return ReportDue(
        period, name, due, rules.code, f"{rules.report_due_citation}: {text}", inferred
    )


def reporting_calendar(
    periods: Iterable[StatisticalPeriod],
    levels: Sequence[str] = LEVELS,
    *,
    calendar: WorkingCalendar | None = None,
    area_as_district: bool = True,
) -> list[ReportDue]:
    """The due days of every period and level, soonest first.

    A level whose deadline the regime's known text does not give is listed with no day
    (``known=False``, the gap in ``basis``), after the known ones.
    """
    cal = resolve_calendar(calendar)
    out: list[ReportDue] = []
    for period in periods:
        for level in levels:
            try:
                out.append(
                    report_due(period, level, calendar=cal, area_as_district=area_as_district)
                )
            except RuleNotAvailableError as gap:
                code = regime_for(period).code
                out.append(ReportDue(period, _level(level), None, code, str(gap), False, False))
    out.sort(key=lambda r: (r.due is None, r.due or date.max, _ALL_LEVELS.index(r.level), r.period))
    return out


# --- output -----------------------------------------------------------------------------

Listed = PeriodListRow | OpenCaseRow | WorkItem | ReportDue | ExemptionCandidate
Cell = str | int | bool | None


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StatisticalPeriod):
        return value.label
    if attrs.has(type(value)) and hasattr(value, "ref"):  # a Judgment
        kind = getattr(value, "kind", "")
        return f"{value.ref} ({kind})" if value.ref else str(kind)
    return str(value)


def to_records(rows: Sequence[Listed]) -> list[dict[str, Cell]]:
    """Each row as a flat mapping (dates as ISO text, money as int đồng)."""
    return [{f.name: _cell(getattr(r, f.name)) for f in attrs.fields(type(r))} for r in rows]


def _header(rows: Sequence[Listed]) -> list[str]:
    return [f.name for f in attrs.fields(type(rows[0]))] if rows else []


def to_csv(rows: Sequence[Listed]) -> str:
    """The list as CSV text (a header line, then one line per row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    records = to_records(rows)
    if records:
        writer.writerow(list(records[0]))
        for record in records:
            writer.writerow([csv_value(v) for v in record.values()])
    return buffer.getvalue()


def to_json(rows: Sequence[Listed]) -> str:
    """The list as a JSON array of objects."""
    return json.dumps(to_records(rows), ensure_ascii=False, indent=1)


def to_table(rows: Sequence[Listed]) -> str:
    """The list as a plain-text table (money with Vietnamese thousands dots)."""
    records = to_records(rows)
    if not records:
        return "(no cases)"
    names = list(records[0])

    def show(value: Cell) -> str:
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return str(value)

    body = [[show(r[n]) for n in names] for r in records]
    widths = [max(len(n), *(len(line[i]) for line in body)) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in body]
    return "\n".join(line.rstrip() for line in lines)


def write_xlsx(rows: Sequence[Listed], path: str | Path, *, title: str = "danh sách") -> None:
    """Write the list to an Excel file (extra ``thads[excel]``); dates and money typed."""
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("openpyxl", "excel", "Excel output") from None
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    if rows:
        for column, heading in enumerate(_header(rows), start=1):
            xlsx_text(sheet.cell(row=1, column=column), heading)
        for number, row in enumerate(rows, start=2):
            for column, f in enumerate(attrs.fields(type(row)), start=1):
                value = getattr(row, f.name)
                value = value if isinstance(value, date) else _cell(value)
                cell = sheet.cell(row=number, column=column)
                if isinstance(value, str):
                    xlsx_text(cell, value)  # codes keep their zeros; never a formula
                else:
                    cell.value = value
    book.save(str(path))


__all__ = [
    "LARGE_AMOUNT",
    "LEVELS",
    "LONG_RUNNING_MONTHS",
    "REPORT_DUE",
    "WORK_WINDOW_DAYS",
    "ListKind",
    "OpenCaseRow",
    "PeriodListRow",
    "ReportDue",
    "WorkItem",
    "by_executor",
    "carried_into_next_year",
    "large_cases",
    "long_running_cases",
    "open_cases",
    "period_list",
    "report_due",
    "reporting_calendar",
    "to_csv",
    "to_json",
    "to_records",
    "to_table",
    "work_list",
    "write_xlsx",
]
