"""Deadlines of a case (thời hạn trong thi hành án), per step and per law.

Legal basis (legal-rules.md §2), Law 26/2008/QH12 as amended with Decree 62/2015/NĐ-CP:
limitation Art. 30 and Decree 62 Art. 4, 7; deciding on or refusing a request Art. 31,
36 (court bankruptcy decisions: 3 working days, Art. 36(2)); sending decisions to the
procuracy Art. 38; notifying the parties Art. 39(2); voluntary period Art. 45(1);
verification Art. 44 and Decree 62 Art. 9; postponement, suspension, termination and
resumption Art. 48–50; "no conditions" and the separate register Decree 62 Art. 9,
11; paying out Art. 47(5); certificate of result Art. 53.

From 01/07/2026, Law 106/2025/QH15 with Decree 152/2026/NĐ-CP. Known from the decree
(read in its text): missing documents Art. 9(6); a returned request cannot be refused
when renewed Art. 9(7)(đ); prisoner's voluntary payment Art. 10(3); case file Art.
12(2); posting Art. 17(3); delegated verification Art. 21(5); returning the request or
the separate register after 2 years Art. 22; publication Art. 23; pay-out extensions,
foreign currency and deposits Art. 30(3)-(8); certificate Art. 32(3). Every other
new-law value is unknown: such a deadline comes back with ``known=False``, no date and
the gap named (``strict=True`` raises instead; ``allow_last_known=True`` dates it with
the old value, still ``known=False``).

Each step is put under the law that governs it (:func:`thads.law.versions.step_law`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

import attrs

from thads import grounds
from thads.case import CLOSING, Case, EnforcementMode, Event, EventKind
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.grounds import ground_code
from thads.judgment import JudgmentKind
from thads.law.calendar import WorkingCalendar, add_working_days, period_end, resolve_calendar
from thads.law.versions import (
    NEW_LAW_FROM,
    LawVersion,
    Transition,
    require_known,
    step_law,
)
from thads.timeline import POSTPONED, SUSPENDED, Step

Interval = tuple[date, date]

LIMITATION_YEARS = 5
"""Limitation period to request enforcement: 5 years (old law Art. 30(1))."""
PROTEST_POSTPONEMENT: Final = grounds.PROTEST_POSTPONEMENT.code
"""Code ``"48.2"`` of :data:`thads.grounds.PROTEST_POSTPONEMENT` (kept for compatibility)."""
ENDS_CASE: Final = CLOSING
"""Events after which a case has no further step: the closing events, the returned
request included (Decree 152/2026 Art. 32(1)(d)); kept as a name of thads.law."""
_DECISIONS: Final = (
    EventKind.POSTPONED,
    EventKind.SUSPENDED,
    EventKind.RESUMED,
    EventKind.TERMINATED,
)

UNKNOWN_UNDER_NEW_LAW: Final = {
    "limitation": "limitation period length (Law 106/2025 Art. 34)",
    "decision": "deadline for the decision on enforcement (Law 106/2025)",
    "refusal": "deadline to refuse a request (Law 106/2025)",
    "send_to_procuracy": "deadline to send decisions to the procuracy (Law 106/2025)",
    "notify_parties": "deadline to notify the parties (Law 106/2025 Art. 35)",
    "voluntary": "voluntary compliance period (Law 106/2025 Art. 36)",
    "first_verification": "first verification deadline (Law 106/2025 Art. 38)",
    "no_conditions_decision": "deadline for the 'no conditions' decision (Law 106/2025 Art. 38)",
    "re_verification": "re-verification rhythm (Law 106/2025 Art. 38(3))",
    "creditor_information": "re-verification on the creditor's information (Law 106/2025 Art. 38)",
    "new_information": "verification on new information (Law 106/2025 Art. 38(2))",
    "third_party_answer": "third parties' answer deadline (Law 106/2025)",
    "postponed_decision": "postponement decision deadline (Law 106/2025)",
    "suspended_decision": "suspension decision deadline (Law 106/2025)",
    "terminated_decision": "termination decision deadline (Law 106/2025 Art. 48)",
    "resumed_decision": "resumption decision deadline (Law 106/2025)",
    "protest_postponement_end": "longest protest postponement (Law 106/2025)",
    "protest_resumption": "resumption after a protest postponement (Law 106/2025)",
    "pay_out": "deadline to pay out collected money (Law 106/2025 Art. 54(6))",
    "pay_out_extended": "extended pay-out (Decree 152/2026 Art. 30(3)(a): up to 45 days "
    "beyond the Law 106/2025 Art. 54(6) deadline, itself unknown)",
}
"""Deadlines whose value under Law 106/2025 is unknown (docs/law/gaps.md lists each)."""
UNKNOWN_UNDER_OLD_LAW: Final = {
    "delegated_verification_account": "delegated verification of account information "
    "under Decree 62/2015 (no time stated)",
}
"""Deadlines the old law states no value for."""


class DelegatedScope(StrEnum):
    """What a delegated verification (ủy quyền xác minh) is about, for its answer time."""

    REGISTERED_PROPERTY = "registered_property"
    """Registered real or movable property: at most 30 days."""
    REGISTERED_PROPERTY_COMPLEX = "registered_property_complex"
    """The same, difficult or complex: at most 45 days."""
    OTHER = "other"
    """Other assets and information: at most 15 days."""
    ACCOUNT = "account"
    """Account information or a provisional emergency measure: at once (new decree)."""


@attrs.frozen
class Deadline:
    """One deadline (thời hạn): what, from when, until when, on what basis, under which law.

    ``due`` is None when the value is unknown under ``law`` (``known`` False, ``gap``
    names what is missing). ``known`` is False too when the date uses the last known
    value of the old law (``allow_last_known``) or derives from an unknown deadline.
    ``done_on`` is the date the step was taken, when the records show it; ``trackable``
    is False for steps the interchange format cannot show (e.g. paying out).
    """

    name: str
    title: str
    start: date
    due: date | None
    basis: str
    as_of: date
    done_on: date | None = None
    known: bool = True
    gap: str | None = None
    law: LawVersion = LawVersion.LAW_2008
    trackable: bool = True

    @property
    def overdue(self) -> bool | None:
        """Late (True), in time or not yet due (False), or cannot tell (None)."""
        if self.due is None:
            return None
        if self.done_on is not None:
            return self.done_on > self.due
        if self.as_of <= self.due:
            return False
        return True if self.trackable else None


def _excluded_days(start: date, end: date, excluded: Sequence[Interval]) -> int:
    total = 0
    for low, high in excluded:
        if high < low:
            raise InvalidRecordError("interval", "end", f"{high} is before {low}")
        a, b = max(low, start + timedelta(days=1)), min(high, end)
        if a <= b:
            total += (b - a).days + 1
    return total


def _limitation_old(start: date, excluded: Sequence[Interval]) -> date:
    """5 years from ``start`` plus the excluded days within, before the Art. 148(5) roll."""
    base = period_end(start, years=LIMITATION_YEARS, roll=False)
    end = base
    while True:  # excluded time can push the end into further excluded time
        longer = base + timedelta(days=_excluded_days(start, end, excluded))
        if longer == end:
            return end
        end = longer


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
    under Law 106/2025 Art. 34 is unknown: a period that starts on or after 01/07/2026,
    or that is still running on that day, raises unless ``allow_last_known``.
    """
    end = _limitation_old(start, excluded)
    if end >= NEW_LAW_FROM:
        require_known("limitation period (Art. 34)", end, allow_last_known=allow_last_known)
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
    An interval ends the day before the next classification or the event ending the case.
    """

    def tolls(step: Step) -> bool:
        return step.code == SUSPENDED or (
            step.code == POSTPONED and ground_code(step.ground) != grounds.AGREED_POSTPONEMENT.code
        )

    return case.timeline.intervals(until, tolls)


Rule = Callable[[date], date]


@attrs.frozen
class _Ctx:
    as_of: date
    cal: WorkingCalendar
    strict: bool
    allow_last_known: bool
    transition: Transition


def _step(
    ctx: _Ctx,
    name: str,
    title: str,
    trigger: date,
    *,
    old: Rule | None,
    old_basis: str,
    new: Rule | None,
    new_basis: str,
    done_on: date | None = None,
    trackable: bool = True,
    new_name: str | None = None,
    new_title: str | None = None,
) -> Deadline:
    """One deadline, under the law that governs its step (``None`` rule: value unknown)."""
    old_due = old(trigger) if old is not None else None
    law, count_from = step_law(trigger, done_on, old_due, ctx.transition)
    if law is LawVersion.LAW_2025:
        name, title = new_name or name, new_title or title
        rule, basis = new, new_basis
        gap = UNKNOWN_UNDER_NEW_LAW.get(name, f"{name} under Law 106/2025")
    else:
        rule, basis = old, old_basis
        gap = UNKNOWN_UNDER_OLD_LAW.get(name, f"{name} under Law 26/2008")
    if rule is not None:
        return Deadline(
            name,
            title,
            trigger,
            rule(count_from),
            basis,
            ctx.as_of,
            done_on,
            True,
            None,
            law,
            trackable,
        )
    if ctx.strict:
        raise RuleNotAvailableError(
            f"{title} ({name}), step triggered on {trigger}: value unknown under {law.value} "
            f"({gap}); see docs/law/gaps.md"
        )
    due = None
    basis = f"{basis} — value unknown: {gap}"
    if ctx.allow_last_known and law is LawVersion.LAW_2025 and old is not None:
        due = old(count_from)
        basis += "; dated with the last known value of Law 26/2008"
    return Deadline(
        name, title, trigger, due, basis, ctx.as_of, done_on, False, gap, law, trackable
    )


def _derived(
    ctx: _Ctx,
    parent: Deadline,
    name: str,
    title: str,
    *,
    old: Rule | None,
    old_basis: str,
    new: Rule | None,
    new_basis: str,
    done_on: date | None = None,
    trackable: bool = True,
) -> Deadline:
    """A deadline that runs from the end of ``parent``: unknown when the parent is."""
    if parent.due is None:
        if ctx.strict:  # pragma: no cover - the parent raised already
            raise RuleNotAvailableError(f"{title} ({name}): derived from unknown {parent.name}")
        gap = f"derived from {parent.name}: {parent.gap}"
        return Deadline(
            name,
            title,
            parent.start,
            None,
            f"{old_basis} — value unknown: {gap}",
            ctx.as_of,
            done_on,
            False,
            gap,
            parent.law,
            trackable,
        )
    # the derived step is governed like its parent, counted from the parent's end
    rule, basis = (new, new_basis) if parent.law is LawVersion.LAW_2025 else (old, old_basis)
    if rule is None:
        gap = (UNKNOWN_UNDER_NEW_LAW if parent.law is LawVersion.LAW_2025 else {}).get(
            name, f"{name} under {parent.law.value}"
        )
        if ctx.strict:
            raise RuleNotAvailableError(f"{title} ({name}): value unknown ({gap})")
        due = old(parent.due) if ctx.allow_last_known and old is not None else None
        return Deadline(
            name,
            title,
            parent.start,
            due,
            f"{basis} — value unknown: {gap}",
            ctx.as_of,
            done_on,
            False,
            gap,
            parent.law,
            trackable,
        )
    due = rule(parent.due)
    return Deadline(
        name,
        title,
        parent.start,
        due,
        basis,
        ctx.as_of,
        done_on,
        parent.known,
        parent.gap,
        parent.law,
        trackable,
    )


def _first(events: Sequence[Event], kinds: Iterable[EventKind], after: date) -> date | None:
    wanted = frozenset(kinds)
    return next((e.on for e in events if e.kind in wanted and e.on >= after), None)


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
    refused_on: date | None = None,
    grounds: Sequence[tuple[EventKind | str, date]] = (),
    creditor_information_on: Sequence[date] = (),
    new_information_on: Sequence[date] = (),
    information_requested_on: Sequence[date] = (),
    delegated_verifications: Sequence[tuple[date, DelegatedScope | str]] = (),
    certificate_requested_on: Sequence[date] = (),
    assigned_on: date | None = None,
    posted_on: Sequence[date] = (),
    pay_out_grounds_ended_on: Sequence[date] = (),
    pay_out_extended: bool = False,
    foreign_currency: bool = False,
    asset_not_delivered: bool = False,
    prisoner_payment_notified_on: date | None = None,
    returned_request_on: date | None = None,
    transition: Transition | str = Transition.FROM_TRIGGER,
    strict: bool = False,
    allow_last_known: bool = False,
) -> list[Deadline]:
    """Every deadline of ``case`` that its records and the given dates allow, by due date.

    Dates the interchange format does not hold are keyword arguments (see
    docs/law/deadlines.md); without them, the deadlines they start are left out. A
    deadline whose value is unknown under the law of its step is returned with
    ``known=False`` and no date; ``strict=True`` raises RuleNotAvailableError instead.
    ``transition`` says how a period running on 01/07/2026 is counted.
    """
    ctx = _Ctx(
        as_of,
        resolve_calendar(calendar),
        strict,
        allow_last_known,
        _transition(transition),
    )
    cal = ctx.cal

    def wd(n: int) -> Rule:
        return lambda d: add_working_days(d, n, cal)

    def days(n: int) -> Rule:
        return lambda d: period_end(d, days=n, calendar=cal)

    def months(n: int) -> Rule:
        return lambda d: period_end(d, months=n, calendar=cal)

    def years(n: int) -> Rule:
        return lambda d: period_end(d, years=n, calendar=cal)

    def at_once(d: date) -> date:
        return d

    events: list[Event] = []
    for e in case.events:
        if e.on > as_of:
            break
        events.append(e)
        if e.kind in ENDS_CASE:
            break
    out: list[Deadline] = []
    on_request = case.mode is EnforcementMode.ON_REQUEST

    # Limitation period (thời hiệu yêu cầu thi hành án), cases on request only.
    renewed = returned_request_on is not None and returned_request_on >= NEW_LAW_FROM
    if on_request and not renewed:
        due_on = next((d.due_on for d in case.debts if d.due_on), None)
        start = due_on or case.judgment.effective_on
        if start is not None:
            requested_on = request_received_on or case.accepted_on
            # time after the request no longer matters to it
            excluded = [
                (low, min(high, requested_on))
                for low, high in stay_intervals(case, as_of)
                if low <= requested_on
            ] + list(force_majeure)
            out.append(
                _step(
                    ctx,
                    "limitation",
                    "Thời hiệu yêu cầu thi hành án",
                    start,
                    old=lambda d: period_end(_limitation_old(d, excluded), calendar=cal),
                    old_basis="Luật THADS 2008 Điều 30; Nghị định 62/2015 Điều 4, 7: 5 năm",
                    new=None,
                    new_basis="Luật THADS 106/2025 Điều 34; Nghị định 152/2026 Điều 10",
                    done_on=requested_on,
                )
            )
    # Decision on enforcement, or refusal of the request.
    trigger = request_received_on if on_request else judgment_received_on
    if trigger is not None and refused_on is not None:
        out.append(
            _step(
                ctx,
                "refusal",
                "Từ chối yêu cầu thi hành án",
                trigger,
                old=wd(5),
                old_basis="Luật THADS 2008 Điều 31: 5 ngày làm việc từ ngày nhận đơn",
                new=None,
                new_basis="Luật THADS 106/2025",
                done_on=refused_on,
            )
        )
    elif trigger is not None:
        bankruptcy = not on_request and case.judgment.kind is JudgmentKind.BANKRUPTCY
        out.append(
            _step(
                ctx,
                "decision",
                "Ra quyết định thi hành án",
                trigger,
                old=wd(3 if bankruptcy else 5),
                old_basis=(
                    "Luật THADS 2008 Điều 36(2): quyết định của Tòa án về phá sản, 3 ngày làm việc"
                    if bankruptcy
                    else "Luật THADS 2008 Điều 36(1)-(2): 5 ngày làm việc"
                ),
                new=None,
                new_basis="Luật THADS 106/2025 Điều 33",
                done_on=case.accepted_on,
            )
        )
    # Missing documents (Decree 152/2026 Art. 9(6)): 1 working day, new law only.
    if on_request and request_received_on is not None and request_received_on >= NEW_LAW_FROM:
        out.append(
            _step(
                ctx,
                "missing_documents",
                "Thông báo sửa đổi, bổ sung yêu cầu thi hành án",
                request_received_on,
                old=None,
                old_basis="",
                new=wd(1),
                new_basis="Nghị định 152/2026 Điều 9(6): 1 ngày làm việc (nếu yêu cầu thiếu)",
                trackable=False,
            )
        )
    # Case file (Decree 152/2026 Art. 12(2)): 2 working days from assignment.
    if assigned_on is not None and assigned_on >= NEW_LAW_FROM:
        out.append(
            _step(
                ctx,
                "case_file",
                "Lập hồ sơ thi hành án",
                assigned_on,
                old=None,
                old_basis="",
                new=wd(2),
                new_basis="Nghị định 152/2026 Điều 12(2): 2 ngày làm việc từ ngày được phân công",
                trackable=False,
            )
        )
    # Sending decisions to the procuracy and notifying the parties: 3 working days.
    issued = [case.accepted_on]
    spell_open = False
    for e in events:
        if e.kind is EventKind.UNENFORCEABLE and not spell_open:
            issued.append(e.on)
        spell_open = e.kind is EventKind.UNENFORCEABLE or (
            spell_open and e.kind in (EventKind.COLLECTED, EventKind.REDUCED)
        )
        if e.kind in _DECISIONS:
            issued.append(e.on)
    for on in issued:
        out.append(
            _step(
                ctx,
                "send_to_procuracy",
                "Gửi quyết định cho Viện kiểm sát",
                on,
                old=wd(3),
                old_basis="Luật THADS 2008 Điều 38: 3 ngày làm việc từ ngày ra quyết định",
                new=None,
                new_basis="Luật THADS 106/2025",
                trackable=False,
            )
        )
        out.append(
            _step(
                ctx,
                "notify_parties",
                "Thông báo cho đương sự",
                on,
                old=wd(3),
                old_basis="Luật THADS 2008 Điều 39(2): 3 ngày làm việc từ ngày ra văn bản",
                new=None,
                new_basis="Luật THADS 106/2025 Điều 35",
                trackable=False,
            )
        )
    # Voluntary period (thời hạn tự nguyện) and first verification (xác minh lần đầu).
    if notified_on is not None:
        completed = _first(events, (EventKind.COMPLETED,), notified_on)
        voluntary = _step(
            ctx,
            "voluntary",
            "Thời hạn tự nguyện thi hành án",
            notified_on,
            old=days(10),
            old_basis="Luật THADS 2008 Điều 45(1): 10 ngày từ ngày nhận hoặc được thông báo hợp lệ",
            new=None,
            new_basis="Luật THADS 106/2025 Điều 36",
            trackable=False,
        )
        if completed is not None and voluntary.due is not None and completed <= voluntary.due:
            voluntary = attrs.evolve(voluntary, done_on=completed)
        out.append(voluntary)
        first = (
            _first(events, (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE), voluntary.due)
            if voluntary.due is not None
            else None
        )
        out.append(
            _derived(
                ctx,
                voluntary,
                "first_verification",
                "Xác minh điều kiện thi hành án lần đầu",
                old=days(10),
                old_basis="Luật THADS 2008 Điều 44(1): 10 ngày từ khi hết thời hạn tự nguyện",
                new=None,
                new_basis="Luật THADS 106/2025 Điều 38",
                done_on=first,
            )
        )
    # "No conditions" decision: 5 working days from finding no means.
    if no_means_found_on is not None:
        out.append(
            _step(
                ctx,
                "no_conditions_decision",
                "Quyết định về việc chưa có điều kiện thi hành án",
                no_means_found_on,
                old=wd(5),
                old_basis="Nghị định 62/2015 Điều 9(4): 5 ngày làm việc",
                new=None,
                new_basis="Luật THADS 106/2025 Điều 38",
                done_on=_first(events, (EventKind.UNENFORCEABLE,), no_means_found_on),
            )
        )
    out.extend(_no_conditions(ctx, case, events, prisoner_or_address_unknown))
    # Verification on the creditor's differing information or on new information.
    for on in creditor_information_on:
        out.append(
            _step(
                ctx,
                "creditor_information",
                "Xác minh lại theo thông tin của người được thi hành án",
                on,
                old=wd(5),
                old_basis="Luật THADS 2008 Điều 44(3): 5 ngày làm việc",
                new=None,
                new_basis="Luật THADS 106/2025 Điều 38",
                done_on=_first(events, (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE), on),
            )
        )
    for on in new_information_on:
        out.append(
            _step(
                ctx,
                "new_information",
                "Xác minh khi có thông tin mới",
                on,
                old=days(10),
                old_basis="Nghị định 62/2015 Điều 9(4): 10 ngày từ khi có thông tin mới",
                new=None,
                new_basis="Luật THADS 106/2025 Điều 38(2); Nghị định 152/2026 Điều 22(1)",
                done_on=_first(events, (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE), on),
            )
        )
    for on in information_requested_on:
        out.append(
            _step(
                ctx,
                "third_party_answer",
                "Cung cấp thông tin theo yêu cầu của Chấp hành viên",
                on,
                old=wd(3),
                old_basis="Luật THADS 2008 Điều 44(6)(b): 3 ngày làm việc (tài khoản: ngay)",
                new=None,
                new_basis="Luật THADS 106/2025",
                trackable=False,
            )
        )
    for on, scope_value in delegated_verifications:
        out.append(_delegated(ctx, on, _scope(scope_value), days))
    # Postponement, suspension, termination, resumption decisions: 5 working days.
    for kind_value, on in grounds:
        kind = _ground_kind(kind_value)
        out.append(
            _step(
                ctx,
                f"{kind.value}_decision",
                _DECISION_TITLES[kind],
                on,
                old=wd(5),
                old_basis=f"Luật THADS 2008 {_DECISION_ARTICLES[kind]}: 5 ngày làm việc từ khi "
                "có căn cứ",
                new=None,
                new_basis="Luật THADS 106/2025",
                done_on=_first(events, (kind,), on),
            )
        )
    # Protest postponement: at most 3 months, then resumption within 5 working days.
    for i, e in enumerate(events):
        if e.kind is EventKind.POSTPONED and ground_code(e.ground) == PROTEST_POSTPONEMENT:
            ended = next(
                (x.on for x in events[i + 1 :] if x.kind in (*_DECISIONS, *ENDS_CASE)), None
            )
            limit = _step(
                ctx,
                "protest_postponement_end",
                "Hết thời hạn hoãn theo yêu cầu của người có thẩm quyền kháng nghị",
                e.on,
                old=months(3),
                old_basis="Luật THADS 2008 Điều 48(2): hoãn không quá 3 tháng",
                new=None,
                new_basis="Luật THADS 106/2025",
                done_on=ended,
            )
            out.append(limit)
            resumed = _first(events, (EventKind.RESUMED, *ENDS_CASE), e.on + timedelta(days=1))
            out.append(
                _derived(
                    ctx,
                    limit,
                    "protest_resumption",
                    "Ra quyết định tiếp tục thi hành án",
                    old=wd(5),
                    old_basis="Luật THADS 2008 Điều 48(4): 5 ngày làm việc sau khi hết hạn hoãn",
                    new=None,
                    new_basis="Luật THADS 106/2025",
                    done_on=resumed,
                )
            )
    # Money: paying out, extensions, foreign currency, deposits.
    collected = 0
    for e in events:
        if e.kind is EventKind.COLLECTED:
            collected += e.amount
            pay = _step(
                ctx,
                "pay_out",
                "Chi trả tiền thi hành án",
                e.on,
                old=days(10),
                old_basis="Luật THADS 2008 Điều 47(5): 10 ngày từ ngày thu được tiền",
                new=None,
                new_basis="Luật THADS 106/2025 Điều 54(6)",
                trackable=False,
            )
            out.append(pay)
            if pay_out_extended and pay.law is LawVersion.LAW_2025:
                out.append(
                    _derived(
                        ctx,
                        pay,
                        "pay_out_extended",
                        "Chi trả tiền thi hành án (kéo dài)",
                        old=days(45),
                        old_basis="",
                        new=days(45),
                        new_basis="Nghị định 152/2026 Điều 30(3)(a): kéo dài không quá 45 ngày",
                        trackable=False,
                    )
                )
            if foreign_currency and e.on >= NEW_LAW_FROM:
                out.append(
                    _step(
                        ctx,
                        "foreign_currency",
                        "Đổi tiền thu được sang ngoại tệ",
                        e.on,
                        old=None,
                        old_basis="",
                        new=wd(2),
                        new_basis="Nghị định 152/2026 Điều 30(6)(b): 2 ngày làm việc",
                        trackable=False,
                    )
                )
            if asset_not_delivered and e.on >= NEW_LAW_FROM:
                out.append(
                    _step(
                        ctx,
                        "deposit_sale_proceeds",
                        "Gửi tiết kiệm tiền bán tài sản chưa giao",
                        e.on,
                        old=None,
                        old_basis="",
                        new=days(10),
                        new_basis="Nghị định 152/2026 Điều 30(7): sau 10 ngày, kỳ hạn 1 tháng",
                        trackable=False,
                    )
                )
        elif (
            e.kind in (EventKind.POSTPONED, EventKind.SUSPENDED)
            and collected
            and e.on >= NEW_LAW_FROM
        ):
            out.append(
                _step(
                    ctx,
                    "deposit_stayed",
                    "Gửi tiết kiệm tiền đã thu khi hoãn, tạm đình chỉ",
                    e.on,
                    old=None,
                    old_basis="",
                    new=wd(5),
                    new_basis="Nghị định 152/2026 Điều 30(8): 5 ngày làm việc",
                    trackable=False,
                )
            )
    for on in pay_out_grounds_ended_on:
        if on >= NEW_LAW_FROM:
            out.append(
                _step(
                    ctx,
                    "pay_out_after_ground",
                    "Chi trả tiền sau khi hết căn cứ kéo dài",
                    on,
                    old=None,
                    old_basis="",
                    new=days(10),
                    new_basis="Nghị định 152/2026 Điều 30(3)(b)-(d), (4): 10 ngày",
                    trackable=False,
                )
            )
    # Posting (niêm yết): 10 days (old Art. 42(3)), 7 days (Decree 152 Art. 17(3)).
    for on in posted_on:
        out.append(
            _step(
                ctx,
                "posting",
                "Thời hạn niêm yết công khai",
                on,
                old=days(10),
                old_basis="Luật THADS 2008 Điều 42(3): niêm yết 10 ngày",
                new=days(7),
                new_basis="Nghị định 152/2026 Điều 17(3): niêm yết 7 ngày",
                trackable=False,
            )
        )
    # Certificate of the result (xác nhận kết quả thi hành án).
    for on in certificate_requested_on:
        out.append(
            _step(
                ctx,
                "certificate",
                "Xác nhận kết quả thi hành án",
                on,
                old=wd(5),
                old_basis="Luật THADS 2008 Điều 53: 5 ngày làm việc",
                new=wd(3),
                new_basis="Nghị định 152/2026 Điều 32(3): 3 ngày làm việc",
                trackable=False,
            )
        )
    # Prisoner's voluntary payment after the limitation: unclaimed 1 year → state fund.
    if prisoner_payment_notified_on is not None:
        out.append(
            _step(
                ctx,
                "prisoner_payment_unclaimed",
                "Sung quỹ tiền phạm nhân tự nguyện nộp không có người nhận",
                prisoner_payment_notified_on,
                old=years(1),
                old_basis="Nghị định 62/2015 Điều 4(6): 1 năm từ ngày thông báo hợp lệ",
                new=years(1),
                new_basis="Nghị định 152/2026 Điều 10(3): 1 năm từ ngày thông báo hợp lệ",
                trackable=False,
            )
        )
    return sorted(out, key=lambda d: (d.due or date.max, d.start, d.name))


_DECISION_TITLES: Final = {
    EventKind.POSTPONED: "Ra quyết định hoãn thi hành án",
    EventKind.SUSPENDED: "Ra quyết định tạm đình chỉ thi hành án",
    EventKind.TERMINATED: "Ra quyết định đình chỉ thi hành án",
    EventKind.RESUMED: "Ra quyết định tiếp tục thi hành án",
}
_DECISION_ARTICLES: Final = {
    EventKind.POSTPONED: "Điều 48(3)",
    EventKind.SUSPENDED: "Điều 49(2)-(3)",
    EventKind.TERMINATED: "Điều 50(2)",
    EventKind.RESUMED: "Điều 48(4), 49(3)",
}


def _ground_kind(value: EventKind | str) -> EventKind:
    kind: EventKind | None
    try:
        kind = EventKind(value)
    except ValueError:
        kind = None
    if kind is None or kind not in _DECISION_TITLES:
        accepted = ", ".join(k.value for k in _DECISION_TITLES)
        raise InvalidRecordError("deadlines", "grounds", f"{value!r}: use one of {accepted}")
    return kind


def _scope(value: DelegatedScope | str) -> DelegatedScope:
    try:
        return DelegatedScope(value)
    except ValueError:
        accepted = ", ".join(s.value for s in DelegatedScope)
        raise InvalidRecordError(
            "deadlines", "delegated_verifications", f"{value!r}: use one of {accepted}"
        ) from None


def _transition(value: Transition | str) -> Transition:
    try:
        return Transition(value)
    except ValueError:
        accepted = ", ".join(t.value for t in Transition)
        raise InvalidRecordError(
            "deadlines", "transition", f"{value!r}: use one of {accepted}"
        ) from None


def _delegated(ctx: _Ctx, on: date, scope: DelegatedScope, days: Callable[[int], Rule]) -> Deadline:
    """Answer to a delegated verification (Decree 62 Art. 9(2); Decree 152 Art. 21(5))."""
    if scope is DelegatedScope.ACCOUNT:
        return _step(
            ctx,
            "delegated_verification_account",
            "Trả lời kết quả xác minh theo ủy quyền (tài khoản, biện pháp khẩn cấp tạm thời)",
            on,
            old=None,
            old_basis="Nghị định 62/2015 Điều 9(2)",
            new=lambda d: d,
            new_basis="Nghị định 152/2026 Điều 21(5)(c): ngay",
            trackable=False,
        )
    n = {
        DelegatedScope.REGISTERED_PROPERTY: 30,
        DelegatedScope.REGISTERED_PROPERTY_COMPLEX: 45,
        DelegatedScope.OTHER: 15,
    }[scope]
    return _step(
        ctx,
        "delegated_verification",
        "Trả lời kết quả xác minh theo ủy quyền",
        on,
        old=days(n),
        old_basis=f"Nghị định 62/2015 Điều 9(2): không quá {n} ngày",
        new=days(n),
        new_basis=f"Nghị định 152/2026 Điều 21(5): không quá {n} ngày",
        trackable=False,
    )


def _no_conditions(ctx: _Ctx, case: Case, events: list[Event], long_cycle: bool) -> list[Deadline]:
    """Publication, re-verification and the separate register / returned request."""
    classes = [
        e
        for e in events
        if e.kind
        in (
            EventKind.ENFORCEABLE,
            EventKind.UNENFORCEABLE,
            EventKind.POSTPONED,
            EventKind.SUSPENDED,
        )
    ]
    if not classes or classes[-1].kind is not EventKind.UNENFORCEABLE:
        return []
    spell: list[Event] = []
    for e in reversed(classes):
        if e.kind is not EventKind.UNENFORCEABLE:
            break
        spell.insert(0, e)
    decided = spell[0].on
    cal = ctx.cal
    out = [
        _step(
            ctx,
            "publication",
            "Công khai thông tin người phải thi hành án chưa có điều kiện",
            decided,
            old=lambda d: add_working_days(d, 5, cal),
            old_basis="Nghị định 62/2015 Điều 11(1): 5 ngày làm việc",
            new=lambda d: add_working_days(d, 5, cal),
            new_basis="Nghị định 152/2026 Điều 23(1): 5 ngày làm việc",
            trackable=False,
        )
    ]
    if events and events[-1].kind in ENDS_CASE:
        return out
    on_request = case.mode is EnforcementMode.ON_REQUEST
    n_years = 2 if long_cycle else 1
    out.append(
        _step(
            ctx,
            "separate_register",
            "Chuyển sổ theo dõi riêng",
            decided,
            old=lambda d: add_working_days(period_end(d, years=n_years, roll=False), 3, cal),
            old_basis=f"Nghị định 62/2015 Điều 9(5): sau {n_years} năm, ít nhất hai lần xác "
            "minh, không có thông tin mới; trong 3 ngày làm việc",
            new=lambda d: period_end(d, years=2, calendar=cal),
            new_basis="Nghị định 152/2026 Điều 22"
            + ("(2): gửi lại yêu cầu" if on_request else "(1): chuyển sổ theo dõi riêng")
            + " sau 2 năm, đã xác minh, không có thông tin mới",
            new_name="return_request" if on_request else None,
            new_title="Gửi lại yêu cầu thi hành án" if on_request else None,
        )
    )
    # Art. 44(2): after two verifications still without means, further verification
    # only on new information (new_information_on), not on the periodic rhythm.
    if len(spell) < 2:
        n_months = 12 if long_cycle else 6
        out.append(
            _step(
                ctx,
                "re_verification",
                "Xác minh lại điều kiện thi hành án",
                spell[-1].on,
                old=lambda d: period_end(d, months=n_months, calendar=cal),
                old_basis="Luật THADS 2008 Điều 44(2): ít nhất "
                + ("một năm một lần" if long_cycle else "6 tháng một lần")
                + "; sau hai lần xác minh chỉ xác minh lại khi có thông tin mới",
                new=None,
                new_basis="Luật THADS 106/2025 Điều 38(3)",
            )
        )
    return out


__all__ = [
    "ENDS_CASE",
    "LIMITATION_YEARS",
    "PROTEST_POSTPONEMENT",
    "UNKNOWN_UNDER_NEW_LAW",
    "UNKNOWN_UNDER_OLD_LAW",
    "Deadline",
    "DelegatedScope",
    "Interval",
    "deadlines",
    "instalment_limitations",
    "limitation_end",
    "stay_intervals",
]
