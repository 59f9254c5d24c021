"""Deadlines of a case (thời hạn trong thi hành án).

Legal basis, Law 26/2008/QH12 as amended and Decree 62/2015/NĐ-CP (legal-rules.md §2):
limitation period Art. 30 and Decree 62 Art. 4, 7; deciding on enforcement Art. 36;
voluntary period Art. 45(1); verification Art. 44 and Decree 62 Art. 9; "no conditions"
decision and separate register Decree 62 Art. 9(4)-(5); paying out collected money
Art. 47(5). From 01/07/2026 Law 106/2025/QH15 and Decree 152/2026/NĐ-CP: the separate
register / returned-request rule of Decree 152 Art. 22 is known; the other values are
not, and raise RuleNotAvailableError unless ``allow_last_known=True``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import attrs

from thads.case import Case, EnforcementMode, EventKind
from thads.errors import InvalidRecordError
from thads.law.calendar import WorkingCalendar, add_working_days, period_end, resolve_calendar
from thads.law.versions import LawVersion, law_for, require_known
from thads.rules.base import AGREED_POSTPONEMENT, normalize_ground

Interval = tuple[date, date]

LIMITATION_YEARS = 5
"""Limitation period to request enforcement: 5 years (old law Art. 30(1))."""


@attrs.frozen
class Deadline:
    """One deadline (thời hạn): what, from when, until when, on what basis.

    ``done_on`` is the date the step was taken, when the records show it; ``overdue`` is
    True when the step is late or still missing after ``due``, False when in time or not
    yet due, None when the records cannot tell.
    """

    name: str
    title: str
    start: date
    due: date
    basis: str
    as_of: date
    done_on: date | None = None
    known: bool = True

    @property
    def overdue(self) -> bool | None:
        """Late (True), in time or not yet due (False), or unknown (None)."""
        if self.done_on is not None:
            return self.done_on > self.due
        if self.as_of <= self.due:
            return False
        return True if self.known else None


def _excluded_days(start: date, end: date, excluded: Sequence[Interval]) -> int:
    total = 0
    for low, high in excluded:
        if high < low:
            raise InvalidRecordError("interval", "end", f"{high} is before {low}")
        a, b = max(low, start + timedelta(days=1)), min(high, end)
        if a <= b:
            total += (b - a).days + 1
    return total


def limitation_end(
    start: date,
    *,
    excluded: Sequence[Interval] = (),
    calendar: WorkingCalendar | None = None,
    allow_last_known: bool = False,
) -> date:
    """Last day to request enforcement: 5 years from ``start``, plus excluded time.

    ``start`` is the date the judgment took effect, or the obligation's due date (each
    instalment of a periodic obligation has its own). ``excluded``: intervals (inclusive)
    of postponement, suspension (not a postponement the creditor agreed to), force
    majeure or objective obstacle, added to the period (Art. 30(2)-(3)). The length
    under Law 106/2025 Art. 34 is unknown: a start from 01/07/2026 raises unless
    ``allow_last_known``.
    """
    require_known("limitation period (Art. 34)", start, allow_last_known=allow_last_known)
    end = period_end(start, years=LIMITATION_YEARS, roll=False)
    while True:  # excluded time can push the end into further excluded time
        longer = period_end(start, years=LIMITATION_YEARS, roll=False) + timedelta(
            days=_excluded_days(start, end, excluded)
        )
        if longer == end:
            break
        end = longer
    return period_end(end, calendar=calendar)


def instalment_limitations(
    due_dates: Iterable[date],
    *,
    excluded: Sequence[Interval] = (),
    calendar: WorkingCalendar | None = None,
    allow_last_known: bool = False,
) -> list[tuple[date, date]]:
    """(due date, last day to request) for each instalment of a periodic obligation."""
    return [
        (
            due,
            limitation_end(
                due, excluded=excluded, calendar=calendar, allow_last_known=allow_last_known
            ),
        )
        for due in sorted(due_dates)
    ]


def stay_intervals(case: Case, until: date) -> list[Interval]:
    """Intervals of postponement or suspension of ``case`` that toll the limitation.

    A postponement agreed by the parties (Art. 48(1)(c)) still counts, so it is left out.
    """
    out: list[Interval] = []
    opened: date | None = None
    for event in case.events:
        if event.on > until:
            break
        stay = event.kind is EventKind.SUSPENDED or (
            event.kind is EventKind.POSTPONED
            and normalize_ground(event.ground) != AGREED_POSTPONEMENT
        )
        if stay and opened is None:
            opened = event.on
        elif (
            not stay
            and opened is not None
            and event.kind
            in (
                EventKind.RESUMED,
                EventKind.ENFORCEABLE,
                EventKind.UNENFORCEABLE,
                EventKind.POSTPONED,
            )
        ):
            out.append((opened, event.on - timedelta(days=1)))
            opened = None
    if opened is not None:
        out.append((opened, until))
    return out


def _classifications(case: Case, until: date) -> list[tuple[date, EventKind]]:
    return [
        (e.on, e.kind)
        for e in case.events
        if e.on <= until and e.kind in (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE)
    ]


def deadlines(
    case: Case,
    as_of: date,
    *,
    calendar: WorkingCalendar | None = None,
    request_received_on: date | None = None,
    judgment_received_on: date | None = None,
    notified_on: date | None = None,
    no_means_found_on: date | None = None,
    prisoner_or_address_unknown: bool = False,
    force_majeure: Sequence[Interval] = (),
    allow_last_known: bool = False,
) -> list[Deadline]:
    """Every deadline of ``case`` that its records and the given dates allow to compute.

    Dates the interchange format does not hold are keyword arguments:
    ``request_received_on`` (ngày nhận đơn yêu cầu), ``judgment_received_on`` (active
    cases), ``notified_on`` (ngày thông báo hợp lệ of the enforcement decision),
    ``no_means_found_on`` (verification found no means). Without them, the deadlines
    they start are left out.
    """
    cal = resolve_calendar(calendar)
    out: list[Deadline] = []
    events = [e for e in case.events if e.on <= as_of]

    # Limitation period (thời hiệu yêu cầu thi hành án), cases on request only.
    if case.mode is EnforcementMode.ON_REQUEST:
        due_on = next((d.due_on for d in case.debts if d.due_on), None)
        start = due_on or case.judgment.effective_on
        if start is not None:
            excluded = [*stay_intervals(case, as_of), *force_majeure]
            out.append(
                Deadline(
                    "limitation",
                    "Thời hiệu yêu cầu thi hành án",
                    start,
                    limitation_end(
                        start, excluded=excluded, calendar=cal, allow_last_known=allow_last_known
                    ),
                    "Luật THADS 2008 Điều 30; Nghị định 62/2015 Điều 4, 7",
                    as_of,
                    done_on=request_received_on or case.accepted_on,
                )
            )
    # Decision on enforcement (ra quyết định thi hành án): 5 working days.
    trigger = (
        request_received_on if case.mode is EnforcementMode.ON_REQUEST else judgment_received_on
    )
    if trigger is not None:
        require_known("decision deadline (new law)", trigger, allow_last_known=allow_last_known)
        out.append(
            Deadline(
                "decision",
                "Ra quyết định thi hành án",
                trigger,
                add_working_days(trigger, 5, cal),
                "Luật THADS 2008 Điều 36(1)-(2): 5 ngày làm việc",
                as_of,
                done_on=case.accepted_on,
            )
        )
    # Voluntary period (thời hạn tự nguyện) and first verification (xác minh lần đầu).
    if notified_on is not None:
        require_known(
            "voluntary period (Art. 36 new law)", notified_on, allow_last_known=allow_last_known
        )
        voluntary = period_end(notified_on, days=10, calendar=cal)
        completed = next((e.on for e in events if e.kind is EventKind.COMPLETED), None)
        out.append(
            Deadline(
                "voluntary",
                "Thời hạn tự nguyện thi hành án",
                notified_on,
                voluntary,
                "Luật THADS 2008 Điều 45(1): 10 ngày từ ngày nhận hoặc được thông báo hợp lệ",
                as_of,
                done_on=completed if completed is not None and completed <= voluntary else None,
                known=False,
            )
        )
        first = next((d for d, _ in _classifications(case, as_of) if d > voluntary), None)
        out.append(
            Deadline(
                "first_verification",
                "Xác minh điều kiện thi hành án lần đầu",
                voluntary,
                period_end(voluntary, days=10, calendar=cal),
                "Luật THADS 2008 Điều 44(1): 10 ngày từ khi hết thời hạn tự nguyện",
                as_of,
                done_on=first,
            )
        )
    # "No conditions" decision: 5 working days from finding no means.
    if no_means_found_on is not None:
        require_known(
            "'no conditions' decision", no_means_found_on, allow_last_known=allow_last_known
        )
        decided = next(
            (
                e.on
                for e in events
                if e.kind is EventKind.UNENFORCEABLE and e.on >= no_means_found_on
            ),
            None,
        )
        out.append(
            Deadline(
                "no_conditions_decision",
                "Quyết định về việc chưa có điều kiện thi hành án",
                no_means_found_on,
                add_working_days(no_means_found_on, 5, cal),
                "Nghị định 62/2015 Điều 9(4): 5 ngày làm việc",
                as_of,
                done_on=decided,
            )
        )
    out.extend(
        _no_conditions_deadlines(
            case, events, as_of, cal, prisoner_or_address_unknown, allow_last_known
        )
    )
    # Paying out collected money (chi trả tiền thi hành án): 10 days from collection.
    for event in events:
        if event.kind is EventKind.COLLECTED:
            require_known(
                "paying out collected money (Art. 54(6))",
                event.on,
                allow_last_known=allow_last_known,
            )
            out.append(
                Deadline(
                    "pay_out",
                    "Chi trả tiền thi hành án",
                    event.on,
                    period_end(event.on, days=10, calendar=cal),
                    "Luật THADS 2008 Điều 47(5): 10 ngày từ ngày thu được tiền",
                    as_of,
                    known=False,
                )
            )
    return sorted(out, key=lambda d: (d.due, d.name))


def _no_conditions_deadlines(
    case: Case,
    events: list,  # type: ignore[type-arg]
    as_of: date,
    cal: WorkingCalendar,
    long_cycle: bool,
    allow_last_known: bool,
) -> list[Deadline]:
    """Re-verification and the move to the separate register after "no conditions"."""
    classes = _classifications(case, as_of)
    if not classes or classes[-1][1] is not EventKind.UNENFORCEABLE:
        return []
    if any(e.kind is EventKind.SEPARATE_REGISTER for e in events):
        return []
    # The decision that started the current "no conditions" spell.
    decided = classes[-1][0]
    for on, kind in reversed(classes):
        if kind is not EventKind.UNENFORCEABLE:
            break
        decided = on
    out: list[Deadline] = []
    version = law_for(decided)
    if version is LawVersion.LAW_2025:
        # Decree 152/2026 Art. 22: after 2 years, active cases to the separate register,
        # cases on request: the request is returned.
        returned = case.mode is EnforcementMode.ON_REQUEST
        out.append(
            Deadline(
                "return_request" if returned else "separate_register",
                "Gửi lại yêu cầu thi hành án" if returned else "Chuyển sổ theo dõi riêng",
                decided,
                period_end(decided, years=2, calendar=cal),
                "Nghị định 152/2026 Điều 22: sau 2 năm, đã xác minh, không có thông tin mới",
                as_of,
                known=False,
            )
        )
        require_known(
            "re-verification cycle (Art. 38(3))", decided, allow_last_known=allow_last_known
        )
    else:
        years = 2 if long_cycle else 1
        out.append(
            Deadline(
                "separate_register",
                "Chuyển sổ theo dõi riêng",
                decided,
                add_working_days(period_end(decided, years=years, roll=False), 3, cal),
                f"Nghị định 62/2015 Điều 9(5): sau {years} năm, ít nhất hai lần xác minh, "
                "không có thông tin mới; trong 3 ngày làm việc",
                as_of,
                known=False,
            )
        )
    months = 12 if long_cycle else 6
    last = classes[-1][0]
    out.append(
        Deadline(
            "re_verification",
            "Xác minh lại điều kiện thi hành án",
            last,
            period_end(last, months=months, calendar=cal),
            "Luật THADS 2008 Điều 44(2): ít nhất "
            + ("một năm một lần" if long_cycle else "6 tháng một lần"),
            as_of,
            known=False,
        )
    )
    return out


__all__ = [
    "LIMITATION_YEARS",
    "Deadline",
    "Interval",
    "deadlines",
    "instalment_limitations",
    "limitation_end",
    "stay_intervals",
]
