"""Deadlines of a case (thời hạn trong thi hành án), per step and per law.

The legal facts of every step (rule, article, gap) are the table of
:mod:`thads.law._deadline_table`, keyed by :class:`~thads.law.LawVersion`; values and
articles: docs/law/deadlines.md. Here each event or date of a case is met with the step
it starts, and each step is put under the law that governs it (:func:`step_law`,
docs/law/index.md). A value unknown under that law comes back with ``known=False``, no
date and the gap named (docs/law/gaps.md); ``strict=True`` raises instead;
``allow_last_known=True`` dates it with the last known value, still ``known=False``.

The limitation period (thời hiệu, docs/law/deadlines.md): 5 years under both laws; under
Law 26/2008 Art. 30(2) a postponement or suspension (not one the creditor agreed to)
is excluded whenever it happens, under Law 106/2025 Art. 34(2) only a state of emergency,
an objective obstacle or force majeure is; how old-law excluded time carries into a
limitation governed by the new law is unknown (:data:`CARRY_OVER_GAP`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Final

import attrs

from thads import validate
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.law._calendar import (
    Interval,
    WorkingCalendar,
    add_working_days,
    check_day,
    period_end,
    resolve_calendar,
    union,
)
from thads.law._deadline_table import (
    AFTER_FIVE_YEARS,
    BANKRUPTCY,
    EMERGENCY,
    FROM_EFFECT,
    LIMITATION_YEARS,
    LONG_CYCLE,
    ORDINARY,
    RULES,
    DelegatedScope,
    Rule,
    Side,
    Span,
    StepLaw,
)
from thads.law._grounds import (
    AGREED_POSTPONEMENTS,
    PROTEST_POSTPONEMENTS,
    ground_code,
    parse_ground,
)
from thads.law._versions import (
    FIRST_DAY,
    NEW_LAW_FROM,
    LawVersion,
    Transition,
    Unknown,
    earlier,
    law_for,
    step_law,
)
from thads.records import (
    CLOSING,
    POSTPONED,
    SUSPENDED,
    Case,
    EnforcementMode,
    Event,
    EventKind,
    JudgmentKind,
    Step,
)

_OLD: Final = LawVersion.LAW_2008
_NEW: Final = LawVersion.LAW_2025
ENDS_CASE: Final = CLOSING
"""Events after which a case has no further step: the closing events, the returned
request included (Decree 152/2026 Art. 32(1)(d))."""
_DECISIONS: Final = (
    EventKind.POSTPONED,
    EventKind.SUSPENDED,
    EventKind.TERMINATED,
    EventKind.RESUMED,
)
"""Events that are decisions (quyết định), each with a step ``<kind>_decision``."""
CARRY_OVER_GAP: Final = (
    "limitation governed by Law 106/2025 Art. 34(2) with postponement or suspension "
    "time excluded before 01/07/2026 under Law 26/2008 Art. 30(2): how that time carries "
    "over is not stated"
)
"""The one limitation question the texts leave open (docs/law/gaps.md)."""
BEFORE_LAW_2008_GAP: Final = (
    "step triggered before 01/07/2009: the 2004 Ordinance on civil judgment enforcement "
    "is not known to thads"
)
"""Steps before Law 26/2008/QH12 (docs/law/gaps.md)."""

Tolled = Mapping[LawVersion, Sequence[Interval] | Unknown]
"""Excluded intervals of a limitation under each law, or Unknown (the carry-over)."""


@attrs.frozen
class Deadline:
    """One deadline (thời hạn): what, from when, until when, on what basis, under which law.

    ``due`` is None when the value is unknown under ``law`` (``known`` False, ``gap``
    names what is missing). ``known`` is False too when the date uses the last known
    value of an earlier law (``allow_last_known``) or derives from an unknown deadline.
    ``done_on`` is the date the step was taken, when the records show it; ``trackable``
    is False for steps the interchange format cannot show (e.g. paying out). ``law`` is
    None only for a step triggered before 01/07/2009 (no law known to thads).
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
    law: LawVersion | None = LawVersion.LAW_2008
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


def _pick(side: Side, variants: Sequence[str]) -> StepLaw:
    """The side itself, or its variant named in ``variants``."""
    if isinstance(side, StepLaw):
        return side
    for key in variants:
        if key in side:
            return side[key]
    raise InvalidRecordError("deadline table", "variant", f"none of {variants} in {sorted(side)}")


def _spans(rule: Rule) -> tuple[Span, ...]:
    if isinstance(rule[0], str):
        return (rule,)
    return rule


def _due(
    rule: Rule, start: date, calendar: WorkingCalendar, tolled: Sequence[Interval] = ()
) -> date:
    """The last day of ``rule`` counted from ``start``: where the rules meet the calendar.

    The start day is not counted; spans follow one another; only the last calendar span
    moves off a day that is not a working day (Civil Code Art. 148(5)). ``tolled``: the
    intervals (a union) that lengthen ``tolled_years``.
    """
    spans = _spans(rule)
    day = start
    for i, (unit, n) in enumerate(spans):
        roll = i == len(spans) - 1
        if unit == "working_days":
            day = add_working_days(day, n, calendar)
        elif unit == "tolled_years":
            day = period_end(_tolled_end(day, tolled, n), calendar=calendar, roll=roll)
        else:
            day = period_end(
                day,
                days=n if unit == "days" else 0,
                months=n if unit == "months" else 0,
                years=n if unit == "years" else 0,
                calendar=calendar,
                roll=roll,
            )
    return day


def _excluded_days(start: date, end: date, excluded: Sequence[Interval]) -> int:
    """Days of ``excluded`` (a union: no day twice) after ``start`` and up to ``end``."""
    total = 0
    for low, high in excluded:
        a, b = max(low, start + timedelta(days=1)), min(high, end)
        if a <= b:
            total += (b - a).days + 1
    return total


def _tolled_end(start: date, excluded: Sequence[Interval], years: int) -> date:
    """``years`` from ``start`` plus the excluded days within, before the Art. 148(5) roll."""
    base = period_end(start, years=years, roll=False)
    end = base
    while True:  # excluded time can push the end into further excluded time
        try:
            longer = base + timedelta(days=_excluded_days(start, end, excluded))
        except OverflowError:
            raise InvalidRecordError(
                "limitation", "end", f"{start} plus the period runs past 31/12/9999"
            ) from None
        if longer == end:
            return end
        end = longer


def request_date(case: Case, given: date | None) -> date:
    """The request date (ngày yêu cầu thi hành án): ``given``, else the day accepted.

    The one default of :mod:`thads.law` for a date the interchange format does not hold
    (docs/law/deadlines.md): used by the limitation, late interest and the fee alike.
    """
    if given is None:
        return case.accepted_on
    return check_day(given, f"case {case.case_id}", "request_received_on")


def stay_intervals(case: Case, until: date) -> list[Interval]:
    """Intervals of postponement or suspension of ``case`` excluded from a limitation.

    Law 26/2008 Art. 30(2): every postponement (not one the parties agreed, 48(1)(c)) or
    suspension decided under it, before or after the request was accepted, up to
    30/06/2026. Law 106/2025 excludes none (Art. 34(2)). An interval ends the day before
    the next classification or the event ending the case.
    """
    until = check_day(until, f"case {case.case_id}", "until")
    last_old = NEW_LAW_FROM - timedelta(days=1)
    agreed = AGREED_POSTPONEMENTS[_OLD].code

    def tolls(step: Step) -> bool:
        on = date.fromordinal(step.day)
        if not FIRST_DAY <= on <= last_old:
            return False
        return step.code == SUSPENDED or (
            step.code == POSTPONED and ground_code(step.ground, law=_OLD) != agreed
        )

    return [(low, min(high, last_old)) for low, high in case.timeline.intervals(until, tolls)]


def _tolled(stays: Sequence[Interval], excluded: Sequence[Interval], start: date) -> Tolled:
    """What each law excludes from a limitation running from ``start`` (docs/law/
    deadlines.md): the old law's stays up to 30/06/2026 make the new law's unknown."""
    last_old = NEW_LAW_FROM - timedelta(days=1)
    old_stays = [(low, min(high, last_old)) for low, high in stays if low <= last_old]
    old = union([*old_stays, *excluded], "limitation", "excluded")
    new: Sequence[Interval] | Unknown = union(excluded, "limitation", "excluded")
    if any(high > start for _, high in old_stays):
        new = Unknown(CARRY_OVER_GAP)
    return {_OLD: old, _NEW: new}


def limitation_end(
    start: date,
    *,
    excluded: Sequence[Interval] = (),
    stays: Sequence[Interval] = (),
    requested_on: date | None = None,
    calendar: WorkingCalendar | None = None,
    transition: Transition | str = Transition.FROM_TRIGGER,
    allow_last_known: bool = False,
) -> date:
    """Last day to request enforcement (thời hiệu yêu cầu thi hành án).

    ``start``: the day the judgment took effect, or the obligation's due date (each
    instalment has its own). ``excluded``: state of emergency, objective obstacle, force
    majeure (both laws); ``stays``: postponements and suspensions (not one the creditor
    agreed to), excluded under Law 26/2008 Art. 30(2) only. ``requested_on``: when the
    request was made (None: not yet), which decides the governing law with the old
    deadline (docs/law/index.md). Under Law 106/2025 with old-law stays before 01/07/2026
    the end is unknown (:data:`CARRY_OVER_GAP`): RuleNotAvailableError unless
    ``allow_last_known`` (then the old law's end).
    """
    start = check_day(start, "limitation", "start")
    if requested_on is not None:
        requested_on = check_day(requested_on, "limitation", "requested_on")
    tolled = _tolled(
        union(stays, "limitation", "stays"), union(excluded, "limitation", "excluded"), start
    )
    cal = resolve_calendar(calendar)
    row = RULES["limitation"]
    old = _pick(row.laws[_OLD], ())
    old_tolled = tolled[_OLD]
    assert old.rule is not None
    assert not isinstance(old_tolled, Unknown)
    old_due = _due(old.rule, start, cal, old_tolled)
    law, count_from = step_law(start, requested_on, old_due, _transition(transition))
    if law is _OLD:
        return old_due
    new_tolled = tolled[law]
    if isinstance(new_tolled, Unknown):
        if allow_last_known:
            return old_due
        raise RuleNotAvailableError(
            f"limitation from {start}: {new_tolled.gap} (docs/law/gaps.md); pass "
            "allow_last_known=True to count it as Law 26/2008 Art. 30(2) does"
        )
    side = _pick(row.laws[law], ())
    assert side.rule is not None
    return _due(side.rule, count_from, cal, new_tolled)


def instalment_limitations(
    due_dates: Iterable[date],
    *,
    excluded: Sequence[Interval] = (),
    stays: Sequence[Interval] = (),
    calendar: WorkingCalendar | None = None,
    allow_last_known: bool = False,
) -> list[tuple[date, date]]:
    """(due date, last day to request) for each instalment not yet requested."""
    return [
        (
            due,
            limitation_end(
                due,
                excluded=excluded,
                stays=stays,
                calendar=calendar,
                allow_last_known=allow_last_known,
            ),
        )
        for due in sorted(check_day(d, "limitation", "due_dates") for d in due_dates)
    ]


@attrs.frozen
class _Ctx:
    as_of: date
    cal: WorkingCalendar
    strict: bool
    allow_last_known: bool
    transition: Transition


def _unknown(
    ctx: _Ctx,
    row_name: str,
    title: str,
    trigger: date,
    basis: str,
    gap: str,
    law: LawVersion | None,
    done_on: date | None,
    trackable: bool,
) -> Deadline:
    if ctx.strict:
        where = law.value if law is not None else "no law known to thads"
        raise RuleNotAvailableError(
            f"{title} ({row_name}), step triggered on {trigger}: value unknown under "
            f"{where} ({gap}); see docs/law/gaps.md"
        )
    return Deadline(
        row_name,
        title,
        trigger,
        None,
        f"{basis} — value unknown: {gap}",
        ctx.as_of,
        done_on,
        False,
        gap,
        law,
        trackable,
    )


def _deadline(
    ctx: _Ctx,
    step: str,
    trigger: date,
    *,
    done_on: date | None = None,
    variants: Sequence[str] = (),
    tolled: Tolled | None = None,
) -> Deadline | None:
    """The deadline of ``step`` triggered on ``trigger``, under the law that governs it.

    None for a step the governing law does not have (e.g. a Decree 152/2026 step
    triggered before 01/07/2026).
    """
    row = RULES[step]
    if trigger < FIRST_DAY:
        return _unknown(
            ctx, step, row.title, trigger, "", BEFORE_LAW_2008_GAP, None, done_on, row.trackable
        )
    first = law_for(trigger)
    if first not in row.laws:
        return None
    spans: Mapping[LawVersion, Sequence[Interval] | Unknown] = tolled or {}
    old_due: date | None = None
    old = _pick(row.laws[_OLD], variants) if _OLD in row.laws else None
    old_tolled = spans.get(_OLD, ())
    if first is _OLD and old is not None and old.rule is not None:
        assert not isinstance(old_tolled, Unknown)
        old_due = _due(old.rule, trigger, ctx.cal, old_tolled)
    if first is not _OLD or old is None or old.rule is None:
        law, count_from = first, trigger  # no old deadline to run out: the trigger's law
    else:
        law, count_from = step_law(trigger, done_on, old_due, ctx.transition)
    if law not in row.laws:
        return None
    side = _pick(row.laws[law], variants)
    name, title = side.name or row.name, side.title or row.title
    law_tolled = spans.get(law, ())
    gap = side.gap if side.rule is None else None
    if gap is None and isinstance(law_tolled, Unknown):
        gap = law_tolled.gap
    if gap is None:
        assert side.rule is not None
        assert not isinstance(law_tolled, Unknown)
        due = _due(side.rule, count_from, ctx.cal, law_tolled)
        return Deadline(
            name, title, trigger, due, side.basis, ctx.as_of, done_on, True, None, law,
            row.trackable,
        )  # fmt: skip
    found = _unknown(ctx, name, title, trigger, side.basis, gap, law, done_on, row.trackable)
    if ctx.allow_last_known:
        fallback = _last_known(ctx, step, law, variants, trigger, spans)
        if fallback is not None:
            return attrs.evolve(
                found, due=fallback, basis=f"{found.basis}; dated with the last known value"
            )
    return found


def _last_known(
    ctx: _Ctx,
    step: str,
    law: LawVersion,
    variants: Sequence[str],
    trigger: date,
    tolled: Mapping[LawVersion, Sequence[Interval] | Unknown],
) -> date | None:
    """The due date under the latest earlier law that has a value, if any."""
    row = RULES[step]
    version = earlier(law)
    while version is not None:
        side = row.laws.get(version)
        spans = tolled.get(version, ())
        if side is not None and not isinstance(spans, Unknown):
            rule = _pick(side, variants).rule
            if rule is not None:
                return _due(rule, trigger, ctx.cal, spans)
        version = earlier(version)
    return None


def _derived(
    ctx: _Ctx,
    parent: Deadline | None,
    step: str,
    *,
    done_on: date | None = None,
    variants: Sequence[str] = (),
) -> Deadline | None:
    """A deadline that runs from the end of ``parent``: unknown when the parent is, or
    not known when the parent is dated with a last known value."""
    if parent is None:
        return None
    if parent.due is None:
        row = RULES[step]
        side = row.laws.get(parent.law) if parent.law is not None else None
        basis = _pick(side, variants).basis if side is not None else ""
        gap = f"derived from {parent.name}: {parent.gap}"
        if side is None and parent.law is not None:
            return None
        return _unknown(ctx, step, row.title, parent.start, basis, gap, parent.law, done_on,
                        row.trackable)  # fmt: skip
    found = _deadline(ctx, step, parent.due, done_on=done_on, variants=variants)
    if found is None or parent.known:
        return found
    return attrs.evolve(found, known=False, gap=found.gap or parent.gap)


def _first(events: Sequence[Event], kinds: Iterable[EventKind], after: date) -> date | None:
    wanted = frozenset(kinds)
    return next((e.on for e in events if e.kind in wanted and e.on >= after), None)


def _dates(values: Iterable[object], field: str) -> list[date]:
    return [check_day(v, "deadlines", field) for v in values]


def deadlines(
    case: Case,
    as_of: date,
    *,
    calendar: WorkingCalendar | None = None,
    request_received_on: date | None = None,
    judgment_received_on: date | None = None,
    emergency_measure: bool = False,
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
    unclaimed: Sequence[tuple[date, date]] = (),
    prisoner_payment_notified_on: date | None = None,
    returned_request_on: date | None = None,
    transition: Transition | str = Transition.FROM_TRIGGER,
    strict: bool = False,
    allow_last_known: bool = False,
) -> list[Deadline]:
    """Every deadline of ``case`` that its records and the given dates allow, by due date.

    Dates the interchange format does not hold are keyword arguments (see
    docs/law/deadlines.md); without them, the deadlines they start are left out, except
    the request date, which defaults to the day accepted (:func:`request_date`) where a
    rule depends on it. A deadline whose value is unknown under the law of its step is
    returned with ``known=False`` and no date; ``strict=True`` raises
    RuleNotAvailableError instead. ``transition`` says how a period running on
    01/07/2026 is counted.
    """
    record = f"case {case.case_id}"
    as_of = check_day(as_of, record, "as_of")
    ctx = _Ctx(
        as_of,
        resolve_calendar(calendar),
        strict,
        allow_last_known,
        _transition(transition),
    )
    events: list[Event] = []
    for e in case.events:
        if e.on > as_of:
            break
        events.append(e)
        if e.kind in ENDS_CASE:
            break
    out: list[Deadline | None] = []
    on_request = case.mode is EnforcementMode.ON_REQUEST
    requested_on = request_date(case, request_received_on)
    excluded = union(force_majeure, record, "force_majeure")

    # Limitation period (thời hiệu), cases on request only; a request returned and renewed
    # under the new law is not subject to it (Law 106/2025 Art. 34(2)).
    renewed = returned_request_on is not None and returned_request_on >= NEW_LAW_FROM
    if on_request and not renewed:
        due_on = next((d.due_on for d in case.debts if d.due_on), None)
        start = due_on or case.judgment.effective_on
        if start is not None:
            tolled = _tolled(stay_intervals(case, as_of), excluded, start)
            out.append(_deadline(ctx, "limitation", start, done_on=requested_on, tolled=tolled))
    # Decision on enforcement, or refusal of the request; missing documents; case file.
    trigger = request_received_on if on_request else judgment_received_on
    if trigger is not None:
        trigger = check_day(trigger, record, "request_received_on")
    if trigger is not None and refused_on is not None:
        out.append(_deadline(ctx, "refusal", trigger, done_on=refused_on))
    elif trigger is not None:
        variant = ORDINARY
        if emergency_measure:
            variant = EMERGENCY
        elif not on_request and case.judgment.kind is JudgmentKind.BANKRUPTCY:
            variant = BANKRUPTCY
        out.append(
            _deadline(ctx, "decision", trigger, done_on=case.accepted_on, variants=[variant])
        )
    if on_request and request_received_on is not None:
        out.append(_deadline(ctx, "missing_documents", requested_on))
    if assigned_on is not None:
        out.append(_deadline(ctx, "case_file", assigned_on))
    # Each decision is sent to the procuracy and notified to the parties.
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
        out.append(_deadline(ctx, "send_to_procuracy", on))
        out.append(_deadline(ctx, "notify_parties", on))
    # Voluntary period (thời hạn tự nguyện), then first verification (xác minh lần đầu).
    if notified_on is not None:
        notified_on = check_day(notified_on, record, "notified_on")
        completed = _first(events, (EventKind.COMPLETED,), notified_on)
        voluntary = _deadline(ctx, "voluntary", notified_on)
        if voluntary is not None:
            if completed is not None and voluntary.due is not None and completed <= voluntary.due:
                voluntary = attrs.evolve(voluntary, done_on=completed)
            first = (
                _first(events, (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE), voluntary.due)
                if voluntary.due is not None
                else None
            )
            out.append(voluntary)
            out.append(_derived(ctx, voluntary, "first_verification", done_on=first))
    # "No conditions": the decision, publication, the register, re-verification.
    if no_means_found_on is not None:
        decided = _first(events, (EventKind.UNENFORCEABLE,), no_means_found_on)
        out.append(_deadline(ctx, "no_conditions_decision", no_means_found_on, done_on=decided))
    out.extend(_no_conditions(ctx, case, events, prisoner_or_address_unknown))
    # Verification on the creditor's differing information or on new information.
    classified = (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE)
    for on in _dates(creditor_information_on, "creditor_information_on"):
        done = _first(events, classified, on)
        out.append(_deadline(ctx, "creditor_information", on, done_on=done))
    for on in _dates(new_information_on, "new_information_on"):
        out.append(_deadline(ctx, "new_information", on, done_on=_first(events, classified, on)))
    for on in _dates(information_requested_on, "information_requested_on"):
        out.append(_deadline(ctx, "third_party_answer", on))
    for on, scope_value in delegated_verifications:
        scope = _scope(scope_value)
        step = "delegated_verification"
        if scope is DelegatedScope.ACCOUNT:
            step = "delegated_verification_account"
        on = check_day(on, record, "delegated_verifications")
        out.append(_deadline(ctx, step, on, variants=[scope]))
    # Postponement, suspension, termination, resumption decisions.
    for kind_value, on in grounds:
        kind = _ground_kind(kind_value)
        on = check_day(on, record, "grounds")
        out.append(
            _deadline(ctx, f"{kind.value}_decision", on, done_on=_first(events, (kind,), on))
        )
    # Protest postponement: its longest time, then the resumption decision.
    for i, e in enumerate(events):
        if e.kind is EventKind.POSTPONED and _is_protest_postponement(e, record):
            ended = next(
                (x.on for x in events[i + 1 :] if x.kind in (*_DECISIONS, *ENDS_CASE)), None
            )
            limit = _deadline(ctx, "protest_postponement_end", e.on, done_on=ended)
            out.append(limit)
            resumed = _first(events, (EventKind.RESUMED, *ENDS_CASE), e.on + timedelta(days=1))
            out.append(_derived(ctx, limit, "protest_resumption", done_on=resumed))
    # Money: paying out, extensions, foreign currency, deposits.
    collected = 0
    for e in events:
        if e.kind is EventKind.COLLECTED:
            collected += e.amount
            pay = _deadline(ctx, "pay_out", e.on)
            out.append(pay)
            if pay_out_extended:
                out.append(_derived(ctx, pay, "pay_out_extended"))
            if foreign_currency:
                out.append(_deadline(ctx, "foreign_currency", e.on))
            if asset_not_delivered:
                out.append(_deadline(ctx, "deposit_sale_proceeds", e.on))
        elif e.kind in (EventKind.POSTPONED, EventKind.SUSPENDED) and collected:
            out.append(_deadline(ctx, "deposit_stayed", e.on))
    for on in _dates(pay_out_grounds_ended_on, "pay_out_grounds_ended_on"):
        out.append(_deadline(ctx, "pay_out_after_ground", on))
    out.extend(_unclaimed(ctx, case, unclaimed))
    for on in _dates(posted_on, "posted_on"):
        out.append(_deadline(ctx, "posting", on))
    for on in _dates(certificate_requested_on, "certificate_requested_on"):
        out.append(_deadline(ctx, "certificate", on))
    # Prisoner's voluntary payment after the limitation: unclaimed 1 year → state fund.
    if prisoner_payment_notified_on is not None:
        on = check_day(prisoner_payment_notified_on, record, "prisoner_payment_notified_on")
        out.append(_deadline(ctx, "prisoner_payment_unclaimed", on))
    found = [d for d in out if d is not None]
    return sorted(found, key=lambda d: (d.due or date.max, d.start, d.name))


def _is_protest_postponement(event: Event, record: str) -> bool:
    if event.on < FIRST_DAY or event.ground is None or not event.ground.strip():
        return False
    law = law_for(event.on)
    where = f"{record}, postponement of {event.on} (read under Law {law.value})"
    return parse_ground(event.ground, law=law, record=where) is PROTEST_POSTPONEMENTS[law]


def _unclaimed(
    ctx: _Ctx, case: Case, unclaimed: Sequence[tuple[date, date]]
) -> list[Deadline | None]:
    """Money or assets nobody came to receive (Law 106/2025 Art. 59): (due, notified)."""
    record = f"case {case.case_id}"
    out: list[Deadline | None] = []
    effective = case.judgment.effective_on
    for pair in unclaimed:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise InvalidRecordError(
                record, "unclaimed", f"give (payable_on, notified_on), not {pair!r}"
            )
        payable = check_day(pair[0], record, "unclaimed")
        notified = check_day(pair[1], record, "unclaimed")
        out.append(_deadline(ctx, "unclaimed_notice", payable, done_on=notified))
        out.append(_deadline(ctx, "unclaimed_deposit", notified))
        if effective is None:
            continue
        five_years = period_end(effective, years=5, roll=False)
        if payable <= five_years:
            out.append(_deadline(ctx, "unclaimed_to_budget", effective, variants=[FROM_EFFECT]))
        else:
            out.append(_deadline(ctx, "unclaimed_to_budget", notified, variants=[AFTER_FIVE_YEARS]))
    return out


def _ground_kind(value: EventKind | str) -> EventKind:
    kind: EventKind | None
    try:
        kind = EventKind(value)
    except ValueError:
        kind = None
    if kind is None or kind not in _DECISIONS:
        accepted = ", ".join(k.value for k in _DECISIONS)
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
    return validate.choice(Transition, value, "deadlines", "transition")


def _no_conditions(
    ctx: _Ctx, case: Case, events: list[Event], long_cycle: bool
) -> list[Deadline | None]:
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
    out = [_deadline(ctx, "publication", decided)]
    if events and events[-1].kind in ENDS_CASE:
        return out
    cycle = LONG_CYCLE if long_cycle else ORDINARY
    out.append(_deadline(ctx, "separate_register", decided, variants=[cycle, case.mode]))
    again = _deadline(ctx, "re_verification", spell[-1].on, variants=[cycle])
    # Law 2008 Art. 44(2) only: after two verifications still without means, verify
    # again only on new information; Law 106/2025 Art. 38(3) has no such exception.
    if not (len(spell) >= 2 and again is not None and again.law is _OLD):
        out.append(again)
    return out


__all__ = [
    "BEFORE_LAW_2008_GAP",
    "CARRY_OVER_GAP",
    "ENDS_CASE",
    "LIMITATION_YEARS",
    "Deadline",
    "Tolled",
    "deadlines",
    "instalment_limitations",
    "limitation_end",
    "request_date",
    "stay_intervals",
]
