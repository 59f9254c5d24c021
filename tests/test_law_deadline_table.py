"""The table-driven deadlines() gives the same Deadline lists as before (issue 8).

``thads.law.deadlines`` was rewritten so that the legal facts of each step (name, title,
rule and basis under each law, trackable) are one table of data and ``deadlines()`` keeps
only the triggers. Two kinds of check that the public behaviour did not move:

- a few steps worked BY HAND from the rules (legal-rules.md §2, Decree 152/2026), with the
  arithmetic in comments;
- for every step name, hand-written case histories and keyword dates run through the new
  function and through ``_reference_deadlines``: a FROZEN COPY of ``deadlines()`` and its
  private helpers as they stood on main before the rewrite (commit 119d037), kept ONLY in
  this test module as a private reference implementation. Do not edit it to make a test
  pass: a difference is a change of behaviour. It imports only what the rewrite left
  alone (Deadline, DelegatedScope, stay_intervals, the calendar and the law versions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any, Final

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import M, ev
from helpers import case as make_case
from strategies import case_histories
from thads import Case, Debt, Judgment
from thads.case import EnforcementMode, Event, EventKind
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.grounds import ground_code
from thads.judgment import JudgmentKind
from thads.law import Calendar, deadlines
from thads.law.calendar import WorkingCalendar, add_working_days, period_end, resolve_calendar
from thads.law.deadlines import (
    _STEPS,
    ENDS_CASE,
    LIMITATION_YEARS,
    PROTEST_POSTPONEMENT,
    UNKNOWN_UNDER_NEW_LAW,
    UNKNOWN_UNDER_OLD_LAW,
    Deadline,
    DelegatedScope,
    Interval,
    _sides,
    stay_intervals,
)
from thads.law.versions import NEW_LAW_FROM, LawVersion, Transition, step_law

# ======================================================================================
# Frozen reference: deadlines() of main at 119d037, copied verbatim (entry point renamed).
# ======================================================================================

_DECISIONS: Final = (
    EventKind.POSTPONED,
    EventKind.SUSPENDED,
    EventKind.RESUMED,
    EventKind.TERMINATED,
)

_REF_UNKNOWN_UNDER_NEW_LAW: Final = {
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
_REF_UNKNOWN_UNDER_OLD_LAW: Final = {
    "delegated_verification_account": "delegated verification of account information "
    "under Decree 62/2015 (no time stated)",
}
"""Deadlines the old law states no value for."""


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
        gap = _REF_UNKNOWN_UNDER_NEW_LAW.get(name, f"{name} under Law 106/2025")
    else:
        rule, basis = old, old_basis
        gap = _REF_UNKNOWN_UNDER_OLD_LAW.get(name, f"{name} under Law 26/2008")
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
        gap = (_REF_UNKNOWN_UNDER_NEW_LAW if parent.law is LawVersion.LAW_2025 else {}).get(
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


def _reference_deadlines(
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


# ======================================================================================
# The checks
# ======================================================================================

NO_HOLIDAYS = Calendar()
"""Saturday and Sunday off, no holiday."""
HOLIDAYS = Calendar(
    holidays={
        date(2021, 9, 2),
        date(2021, 9, 3),
        date(2025, 9, 1),
        date(2025, 9, 2),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
    },
    workdays={date(2026, 8, 22)},
)
"""Some days off and a make-up Saturday, so that working days and the roll differ."""

EVERY_STEP: Final = frozenset(
    {
        "limitation",
        "refusal",
        "decision",
        "missing_documents",
        "case_file",
        "send_to_procuracy",
        "notify_parties",
        "voluntary",
        "first_verification",
        "no_conditions_decision",
        "publication",
        "separate_register",
        "return_request",
        "re_verification",
        "creditor_information",
        "new_information",
        "third_party_answer",
        "delegated_verification",
        "delegated_verification_account",
        "postponed_decision",
        "suspended_decision",
        "terminated_decision",
        "resumed_decision",
        "protest_postponement_end",
        "protest_resumption",
        "pay_out",
        "pay_out_extended",
        "foreign_currency",
        "deposit_sale_proceeds",
        "deposit_stayed",
        "pay_out_after_ground",
        "posting",
        "certificate",
        "prisoner_payment_unclaimed",
    }
)
"""Every step name deadlines() can give, read off the old code (34)."""


def run_both(c: Case, as_of: date, **options: Any) -> tuple[object, object]:
    """(new, reference) results; an error stands for itself as (type, message)."""
    results: list[object] = []
    for function in (deadlines, _reference_deadlines):
        try:
            results.append(function(c, as_of, **options))
        except (RuleNotAvailableError, InvalidRecordError) as error:
            results.append((type(error), str(error)))
    return results[0], results[1]


def shifted(c: Case, days: int) -> Case:
    """``c`` with its judgment, acceptance, debts and events moved by ``days``."""
    move = timedelta(days=days)
    judgment = c.judgment
    if judgment.effective_on is not None:
        judgment = attrs.evolve(judgment, effective_on=judgment.effective_on + move)
    return attrs.evolve(
        c,
        judgment=judgment,
        accepted_on=c.accepted_on + move,
        debts=tuple(attrs.evolve(d, due_on=d.due_on + move if d.due_on else None) for d in c.debts),
        events=tuple(attrs.evolve(e, on=e.on + move) for e in c.events),
    )


def shifted_options(options: dict[str, Any], days: int) -> dict[str, Any]:
    """Every date in ``options`` (alone, in lists, in pairs) moved by ``days``."""
    move = timedelta(days=days)

    def one(value: Any) -> Any:
        if isinstance(value, date):
            return value + move
        if isinstance(value, tuple):
            return tuple(one(v) for v in value)
        if isinstance(value, list):
            return [one(v) for v in value]
        return value

    return {key: one(value) for key, value in options.items()}


# A case on request: judgment effective 15/01/2020, request received 25/02/2021, accepted
# 01/03/2021; money collected, a protest postponement (Art. 48(2)) then resumption, more
# money, a suspension while money is held, then no conditions (twice, so no periodic
# re-verification) ... and every keyword date the function takes.
ON_REQUEST_CASE = Case(
    "R1",
    "A",
    "A-1",
    "on_request",
    Judgment("R1/J", "civil", date(2020, 1, 15)),
    date(2021, 3, 1),
    debts=(Debt(300 * M),),
    events=(
        ev(date(2021, 3, 20), "enforceable"),
        ev(date(2021, 4, 5), "collected", 50 * M),
        ev(date(2021, 5, 10), "postponed", ground="48.2"),
        ev(date(2021, 7, 1), "resumed"),
        ev(date(2021, 7, 20), "collected", 30 * M),
        ev(date(2021, 8, 2), "suspended", ground="49.1"),
        ev(date(2021, 9, 6), "resumed"),
        ev(date(2021, 10, 4), "unenforceable"),
        ev(date(2021, 10, 25), "collected", 5 * M),
        ev(date(2022, 4, 4), "unenforceable"),
    ),
)
ON_REQUEST_OPTIONS: dict[str, Any] = {
    "request_received_on": date(2021, 2, 25),
    "notified_on": date(2021, 3, 3),
    "no_means_found_on": date(2021, 9, 28),
    "grounds": [
        ("postponed", date(2021, 5, 6)),
        ("resumed", date(2021, 6, 28)),
        (EventKind.SUSPENDED, date(2021, 7, 29)),
        ("terminated", date(2022, 5, 2)),
    ],
    "creditor_information_on": [date(2021, 11, 8)],
    "new_information_on": [date(2021, 12, 6)],
    "information_requested_on": [date(2021, 4, 12)],
    "delegated_verifications": [
        (date(2021, 4, 1), "registered_property"),
        (date(2021, 4, 2), DelegatedScope.REGISTERED_PROPERTY_COMPLEX),
        (date(2021, 4, 3), "other"),
        (date(2021, 4, 6), "account"),
    ],
    "certificate_requested_on": [date(2021, 4, 20)],
    "assigned_on": date(2021, 3, 2),
    "posted_on": [date(2021, 3, 22)],
    "pay_out_grounds_ended_on": [date(2021, 8, 16)],
    "pay_out_extended": True,
    "foreign_currency": True,
    "asset_not_delivered": True,
    "prisoner_payment_notified_on": date(2021, 6, 14),
    "force_majeure": [(date(2020, 6, 1), date(2020, 6, 30))],
}

# An active (chủ động) bankruptcy case: decided on the judgment's receipt, the debtor in
# prison (the longer cycles), one "no conditions" decision so re-verification runs.
ACTIVE_CASE = Case(
    "C1",
    "A",
    "A-2",
    "active",
    Judgment("C1/J", "bankruptcy", date(2021, 1, 4)),
    date(2021, 1, 20),
    debts=(Debt(80 * M, "state", date(2021, 2, 1)),),
    events=(
        ev(date(2021, 2, 15), "collected", 10 * M),
        ev(date(2021, 3, 1), "postponed", ground="48.1.a"),
        ev(date(2021, 4, 1), "unenforceable"),
    ),
)
ACTIVE_OPTIONS: dict[str, Any] = {
    "judgment_received_on": date(2021, 1, 14),
    "notified_on": date(2021, 1, 25),
    "prisoner_or_address_unknown": True,
    "new_information_on": [date(2021, 9, 1)],
    "foreign_currency": True,
}
REFUSED_OPTIONS: dict[str, Any] = {
    "request_received_on": date(2021, 2, 25),
    "refused_on": date(2021, 3, 3),
    "returned_request_on": date(2021, 1, 4),
}
SCENARIOS: Final = (
    ("on_request", ON_REQUEST_CASE, date(2022, 6, 1), ON_REQUEST_OPTIONS),
    ("on_request_early", ON_REQUEST_CASE, date(2021, 7, 10), ON_REQUEST_OPTIONS),
    ("active", ACTIVE_CASE, date(2021, 12, 1), ACTIVE_OPTIONS),
    ("refused", ON_REQUEST_CASE, date(2021, 4, 1), REFUSED_OPTIONS),
)
"""(label, case, as of, keyword dates), written for the old law; shifted below so that
every step falls before, across and after 01/07/2026."""
SHIFTS: Final = (0, *range(5 * 365 - 120, 5 * 365 + 420, 23))
"""0, then moves that put the histories from March 2026 to autumn 2027 (23-day steps, so
that the weekday of every date changes too)."""
VARIANTS: Final = tuple(
    {"transition": t, "allow_last_known": last_known, "strict": strict}
    for t in (*Transition, "from_new_law")
    for last_known in (False, True)
    for strict in (False, True)
)


# --- worked by hand ----------------------------------------------------------------------


def facts(d: Deadline) -> tuple[str, date | None, str, bool, LawVersion]:
    return (d.name, d.due, d.basis, d.known, d.law)


def named(items: list[Deadline], name: str) -> list[Deadline]:
    return [d for d in items if d.name == name]


def test_certificate_under_each_law_by_hand() -> None:
    c = make_case("H1", date(2026, 2, 2))
    got = deadlines(
        c,
        date(2026, 7, 20),
        calendar=NO_HOLIDAYS,
        certificate_requested_on=[date(2026, 3, 2), date(2026, 7, 3)],
    )
    # Old law Art. 53, 5 working days from Monday 02/03/2026: Tue 3, Wed 4, Thu 5, Fri 6,
    # (weekend), Mon 09/03/2026.
    # Decree 152 Art. 32(3), 3 working days from Friday 03/07/2026: (weekend) Mon 6,
    # Tue 7, Wed 08/07/2026.
    assert [facts(d) for d in named(got, "certificate")] == [
        (
            "certificate",
            date(2026, 3, 9),
            "Luật THADS 2008 Điều 53: 5 ngày làm việc",
            True,
            LawVersion.LAW_2008,
        ),
        (
            "certificate",
            date(2026, 7, 8),
            "Nghị định 152/2026 Điều 32(3): 3 ngày làm việc",
            True,
            LawVersion.LAW_2025,
        ),
    ]


def test_bankruptcy_decision_under_each_law_by_hand() -> None:
    c = make_case("H2", date(2025, 3, 5), mode="active", kind="bankruptcy")
    old = deadlines(
        c, date(2025, 4, 1), calendar=NO_HOLIDAYS, judgment_received_on=date(2025, 3, 3)
    )
    # Art. 36(2): the court's bankruptcy decision, 3 working days from Monday 03/03/2025:
    # Tue 4, Wed 5, Thu 06/03/2025.
    assert [facts(d) for d in named(old, "decision")] == [
        (
            "decision",
            date(2025, 3, 6),
            "Luật THADS 2008 Điều 36(2): quyết định của Tòa án về phá sản, 3 ngày làm việc",
            True,
            LawVersion.LAW_2008,
        )
    ]
    new = deadlines(
        attrs.evolve(c, accepted_on=date(2026, 7, 8)),
        date(2026, 8, 1),
        calendar=NO_HOLIDAYS,
        judgment_received_on=date(2026, 7, 6),
    )
    # Law 106/2025 states a deadline (Art. 33) whose value thads does not know.
    gap = "deadline for the decision on enforcement (Law 106/2025)"
    assert [facts(d) for d in named(new, "decision")] == [
        (
            "decision",
            None,
            f"Luật THADS 106/2025 Điều 33 — value unknown: {gap}",
            False,
            LawVersion.LAW_2025,
        )
    ]


def test_separate_register_and_returned_request_by_hand() -> None:
    # Active case, no conditions on Wednesday 10/01/2024 (old law): Decree 62 Art. 9(5)
    # after 1 year, 10/01/2025 (a Friday, not moved), then 3 working days: Mon 13,
    # Tue 14, Wed 15/01/2025.
    active = make_case(
        "H3", date(2023, 12, 1), events=(ev(date(2024, 1, 10), "unenforceable"),), mode="active"
    )
    got = deadlines(active, date(2024, 3, 1), calendar=NO_HOLIDAYS)
    assert [facts(d) for d in named(got, "separate_register")] == [
        (
            "separate_register",
            date(2025, 1, 15),
            "Nghị định 62/2015 Điều 9(5): sau 1 năm, ít nhất hai lần xác minh, không có thông "
            "tin mới; trong 3 ngày làm việc",
            True,
            LawVersion.LAW_2008,
        )
    ]
    # The debtor in prison: periodic re-verification once a year (Art. 44(2)) from
    # Saturday 15/02/2024... the decision on Thursday 15/02/2024: 15/02/2025 is a
    # Saturday → Monday 17/02/2025.
    prisoner = make_case(
        "H4", date(2024, 2, 1), events=(ev(date(2024, 2, 15), "unenforceable"),), mode="active"
    )
    got = deadlines(
        prisoner, date(2024, 3, 1), calendar=NO_HOLIDAYS, prisoner_or_address_unknown=True
    )
    assert [(d.due, d.law) for d in named(got, "re_verification")] == [
        (date(2025, 2, 17), LawVersion.LAW_2008)
    ]
    # On request, no conditions on Thursday 09/07/2026 (new law): Decree 152 Art. 22(2),
    # the request is returned after 2 years: Sunday 09/07/2028 → Monday 10/07/2028.
    on_request = make_case("H5", date(2026, 7, 1), events=(ev(date(2026, 7, 9), "unenforceable"),))
    got = deadlines(on_request, date(2026, 8, 1), calendar=NO_HOLIDAYS)
    (returned,) = named(got, "return_request")
    assert facts(returned) == (
        "return_request",
        date(2028, 7, 10),
        "Nghị định 152/2026 Điều 22(2): gửi lại yêu cầu sau 2 năm, đã xác minh, không có "
        "thông tin mới",
        True,
        LawVersion.LAW_2025,
    )
    assert returned.title == "Gửi lại yêu cầu thi hành án"
    assert not named(got, "separate_register")


def test_money_steps_of_the_new_decree_by_hand() -> None:
    c = make_case(
        "H6",
        date(2026, 5, 4),
        events=(
            ev(date(2026, 6, 10), "collected", 10 * M),
            ev(date(2026, 7, 10), "collected", 20 * M),
            ev(date(2026, 7, 13), "postponed", ground="48.1.a"),
        ),
    )
    got = deadlines(
        c,
        date(2026, 8, 1),
        calendar=NO_HOLIDAYS,
        foreign_currency=True,
        delegated_verifications=[(date(2026, 7, 15), "account")],
    )
    # Money collected on 10/06/2026 falls under the old law, which has no such step;
    # Decree 152 Art. 30(6)(b): 2 working days from Friday 10/07/2026 → Tue 14/07/2026.
    assert [(d.start, d.due) for d in named(got, "foreign_currency")] == [
        (date(2026, 7, 10), date(2026, 7, 14))
    ]
    # Art. 30(8): money held when the case is postponed on Monday 13/07/2026 is deposited
    # within 5 working days: Tue 14 ... Mon 20/07/2026.
    assert [facts(d) for d in named(got, "deposit_stayed")] == [
        (
            "deposit_stayed",
            date(2026, 7, 20),
            "Nghị định 152/2026 Điều 30(8): 5 ngày làm việc",
            True,
            LawVersion.LAW_2025,
        )
    ]
    # Art. 21(5)(c): account information at once, the same day.
    assert [d.due for d in named(got, "delegated_verification_account")] == [date(2026, 7, 15)]


# --- the same as before ------------------------------------------------------------------


def test_every_step_of_the_table_is_a_step_of_the_old_code() -> None:
    names = {row.name for row in _STEPS} | {
        law.name for row in _STEPS for law in _sides(row.new) if law.name
    }
    assert names == EVERY_STEP


def test_gap_lists_are_unchanged() -> None:
    # derived from the table now; same keys, texts and order as the hand-written dicts
    assert list(UNKNOWN_UNDER_NEW_LAW.items()) == list(_REF_UNKNOWN_UNDER_NEW_LAW.items())
    assert list(UNKNOWN_UNDER_OLD_LAW.items()) == list(_REF_UNKNOWN_UNDER_OLD_LAW.items())


@pytest.mark.parametrize("calendar", [NO_HOLIDAYS, HOLIDAYS], ids=["weekends", "holidays"])
@pytest.mark.parametrize(("label", "c", "as_of", "options"), SCENARIOS, ids=lambda x: "")
def test_same_deadlines_as_before_for_every_step(
    label: str, c: Case, as_of: date, options: dict[str, Any], calendar: Calendar
) -> None:
    for days in SHIFTS:
        moved, moved_options = shifted(c, days), shifted_options(options, days)
        for variant in VARIANTS:
            new, old = run_both(
                moved, as_of + timedelta(days=days), calendar=calendar, **moved_options, **variant
            )
            assert new == old, (label, days, variant)


def test_the_scenarios_reach_every_step() -> None:
    seen: set[str] = set()
    for _, c, as_of, options in SCENARIOS:
        for days in (0, 5 * 365 + 200):
            got = deadlines(
                shifted(c, days),
                as_of + timedelta(days=days),
                calendar=NO_HOLIDAYS,
                **shifted_options(options, days),
            )
            seen.update(d.name for d in got)
    assert seen == EVERY_STEP


def test_bad_values_are_rejected_as_before() -> None:
    c, as_of = ON_REQUEST_CASE, date(2022, 6, 1)
    for bad in (
        {"grounds": [("collected", date(2021, 5, 6))]},
        {"grounds": [("hoãn", date(2021, 5, 6))]},
        {"delegated_verifications": [(date(2021, 4, 1), "bank")]},
    ):
        new, old = run_both(c, as_of, calendar=NO_HOLIDAYS, **bad)
        assert isinstance(new, tuple) and new == old, bad
    # the transition is now checked by thads.validate.choice, the one enumeration check:
    # the same error type naming the field, the value and the accepted values
    new, old = run_both(c, as_of, calendar=NO_HOLIDAYS, transition="sometimes")
    assert isinstance(new, tuple) and isinstance(old, tuple) and new[0] is old[0]
    for message in (new[1], old[1]):
        assert "'transition'" in message and "'sometimes'" in message
        assert "from_trigger, from_new_law, old_law" in message


@st.composite
def histories(draw: st.DrawFn) -> tuple[Case, date, dict[str, Any]]:
    """A random case history moved across 01/07/2026, with keyword dates from its own."""
    c = draw(case_histories())
    c = shifted(c, draw(st.integers(0, 6 * 365)))
    days = sorted({c.accepted_on, *(e.on for e in c.events)})
    on = st.sampled_from(days)
    as_of = c.accepted_on + timedelta(days=draw(st.integers(0, 900)))
    options: dict[str, Any] = {
        "request_received_on": draw(st.none() | on),
        "judgment_received_on": draw(st.none() | on),
        "notified_on": draw(st.none() | on),
        "no_means_found_on": draw(st.none() | on),
        "refused_on": draw(st.none() | on),
        "assigned_on": draw(st.none() | on),
        "returned_request_on": draw(st.none() | on),
        "prisoner_payment_notified_on": draw(st.none() | on),
        "grounds": draw(st.lists(st.tuples(st.sampled_from(_DECISION_KINDS), on), max_size=2)),
        "creditor_information_on": draw(st.lists(on, max_size=2)),
        "new_information_on": draw(st.lists(on, max_size=2)),
        "information_requested_on": draw(st.lists(on, max_size=1)),
        "delegated_verifications": draw(
            st.lists(st.tuples(on, st.sampled_from(list(DelegatedScope))), max_size=2)
        ),
        "certificate_requested_on": draw(st.lists(on, max_size=1)),
        "posted_on": draw(st.lists(on, max_size=1)),
        "pay_out_grounds_ended_on": draw(st.lists(on, max_size=1)),
        "prisoner_or_address_unknown": draw(st.booleans()),
        "pay_out_extended": draw(st.booleans()),
        "foreign_currency": draw(st.booleans()),
        "asset_not_delivered": draw(st.booleans()),
    }
    options.update(draw(st.sampled_from(VARIANTS)))
    return c, as_of, options


_DECISION_KINDS: Final = ("postponed", "suspended", "terminated", "resumed")


@settings(max_examples=300)
@given(histories())
def test_same_deadlines_as_before_for_random_histories(
    drawn: tuple[Case, date, dict[str, Any]],
) -> None:
    c, as_of, options = drawn
    new, old = run_both(c, as_of, calendar=HOLIDAYS, **options)
    assert new == old
