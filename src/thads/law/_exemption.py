"""Exemption and reduction of debts owed to the State (miễn, giảm nghĩa vụ THA).

docs/law/exemption.md. Scope: fines, recovery of illicit gains, court fees, confiscation
and other state-budget items with their late interest; the debtor has no seizable
assets and no income beyond a minimum living ("no conditions", point a); time runs
from the first enforcement decision; at most one decision a year per judgment. The
rule is keyed by the law in force on the day of review:

- Law 26/2008 Art. 61 with TTLT 12/2015 Art. 4 ("partly paid" = at least 1/50 paid):
  nothing paid, ≥ 5 years and item < 2.000.000, or ≥ 10 years and < 5.000.000 →
  exemption; partly paid, ≥ 5 years and remainder < 5.000.000, or ≥ 10 years and
  < 10.000.000 → exemption of the remainder; partly paid, ≥ 5 years and 10.000.000 to
  100.000.000 → reduction ≤ 1/4; ≥ 10 years and > 100.000.000 → ≤ 1/5, at most
  50.000.000; a court fee or fine partly paid with special hardship → exemption.
- Law 106/2025 Art. 42–45, whatever was paid: ≥ 5 years and remainder < 5.000.000, or
  ≥ 10 years and 5.000.000 to 10.000.000 → exemption; ≥ 5 years and 5.000.000 to
  100.000.000 → reduction ≤ 1/4; ≥ 10 years and > 100.000.000 → ≤ 1/5, at most
  50.000.000; partly paid with lasting special hardship or great merit → exemption.
  Whether exactly 10.000.000 is inside the 10-year exemption band, and what "partly
  paid" means now (TTLT 12/2015's 1/50 may or may not survive), are unknown
  (docs/law/gaps.md): such a case raises unless ``allow_last_known``.

The largest reduction is rounded down to whole đồng (it may not exceed its limit).
:func:`exemption_candidates` runs the same test over case records (rà soát); its
choices where the records are silent are in its docstring and docs/worklists.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final, Literal

import attrs
from dateutil.relativedelta import relativedelta

from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.law._amounts import dong
from thads.law._calendar import check_day, period_end
from thads.law._versions import LawVersion, law_for
from thads.records import CLOSING, Case, CreditorKind, EventKind, Judgment

Outcome = Literal["exemption", "reduction"]

_OLD: Final = LawVersion.LAW_2008
_NEW: Final = LawVersion.LAW_2025


@attrs.frozen
class ExemptionResult:
    """Whether the item qualifies, for what, up to how much, under which rule and law."""

    eligible: bool
    outcome: Outcome | None
    max_amount: int
    rule: str
    reason: str
    law: LawVersion = _OLD
    known: bool = True
    """False when an unknown point was settled with the last known rule."""


def _years_since(first: date, as_of: date, years: int) -> bool:
    return as_of >= period_end(first, years=years, roll=False)


def _no(rule: str, reason: str, law: LawVersion) -> ExemptionResult:
    return ExemptionResult(False, None, 0, rule, reason, law)


def _old_rule(
    item: int, paid: int, five: bool, ten: bool, hardship: bool, fee_or_fine: bool
) -> ExemptionResult:
    """Law 26/2008 Art. 61(1)-(4); TTLT 12/2015 Art. 4."""
    remainder = item - paid
    partly_paid = paid * 50 >= item
    yes = functools.partial(ExemptionResult, True, law=_OLD)
    if fee_or_fine and partly_paid and hardship and remainder > 0:
        return yes("exemption", remainder, "Art. 61(4)", "special hardship")
    if not partly_paid:
        if five and item < 2_000_000:
            return yes("exemption", item, "Art. 61(1)", "5 years, < 2.000.000")
        if ten and 2_000_000 <= item < 5_000_000:
            return yes("exemption", item, "Art. 61(1)", "10 years, < 5.000.000")
        return _no("Art. 61(1)", "not paid: amount or time short", _OLD)
    if five and remainder < 5_000_000:
        return yes("exemption", remainder, "Art. 61(2)", "5 years, < 5.000.000")
    if ten and 5_000_000 <= remainder < 10_000_000:
        return yes("exemption", remainder, "Art. 61(2)", "10 years, < 10.000.000")
    if five and 10_000_000 <= remainder <= 100_000_000:
        return yes("reduction", remainder // 4, "Art. 61(3)", "5 years, ≤ 1/4")
    if ten and remainder > 100_000_000:
        return yes("reduction", min(remainder // 5, 50_000_000), "Art. 61(3)", "10 years, ≤ 1/5")
    return _no("Art. 61(2)-(3)", "partly paid: amount or time short", _OLD)


BOUNDARY_GAP: Final = (
    "Law 106/2025 Art. 44: whether a remainder of exactly 10.000.000 is inside the "
    "10-year exemption band"
)
PARTLY_PAID_GAP: Final = (
    "Law 106/2025 Art. 44: what 'partly paid' means (TTLT 12/2015's 1/50 may not survive)"
)


def _new_rule(
    item: int, paid: int, five: bool, ten: bool, hardship: bool, last_known: bool
) -> ExemptionResult:
    """Law 106/2025 Art. 42–45 (docs/law/exemption.md)."""
    remainder = item - paid
    yes = functools.partial(ExemptionResult, True, law=_NEW)
    if hardship and paid > 0 and remainder > 0:
        if paid * 50 >= item:  # partly paid under any reading
            return yes("exemption", remainder, "Art. 44", "partly paid, special hardship or merit")
        if not last_known:
            raise RuleNotAvailableError(
                f"exemption: {PARTLY_PAID_GAP} (paid {paid} of {item}); pass "
                "allow_last_known=True to apply the 1/50 of TTLT 12/2015"
            )
    if five and remainder < 5_000_000:
        return yes("exemption", remainder, "Art. 44", "5 years, < 5.000.000")
    if ten and remainder == 10_000_000:
        if not last_known:
            raise RuleNotAvailableError(
                f"exemption: {BOUNDARY_GAP}; pass allow_last_known=True to apply Law "
                "26/2008's band (below 10.000.000)"
            )
        return attrs.evolve(
            yes("reduction", remainder // 4, "Art. 44", "5 years, ≤ 1/4 (last known band)"),
            known=False,
        )
    if ten and 5_000_000 <= remainder <= 10_000_000:
        return yes("exemption", remainder, "Art. 44", "10 years, 5.000.000 to 10.000.000")
    if five and 5_000_000 <= remainder <= 100_000_000:
        return yes("reduction", remainder // 4, "Art. 44", "5 years, ≤ 1/4")
    if ten and remainder > 100_000_000:
        return yes("reduction", min(remainder // 5, 50_000_000), "Art. 44", "10 years, ≤ 1/5")
    return _no("Art. 44", "amount or time short", _NEW)


RULES: Final[Mapping[LawVersion, str]] = MappingProxyType(
    {_OLD: "Luật THADS 2008 Điều 61; TTLT 12/2015", _NEW: "Luật THADS 106/2025 Điều 42–45"}
)
"""The rule of each law (both known; the open points are raised per case)."""


def exemption(
    item: int,
    paid: int,
    first_decision_on: date,
    as_of: date,
    *,
    special_hardship: bool = False,
    court_fee_or_fine: bool = False,
    last_decision_on: date | None = None,
    allow_last_known: bool = False,
) -> ExemptionResult:
    """Eligibility for exemption or reduction of one state-budget item as of ``as_of``.

    ``item`` is the amount owed under the judgment, ``paid`` what has been paid. The
    debtor is assumed to have no means (the required "no conditions" decision). The law
    in force on ``as_of`` decides (:data:`RULES`); ``court_fee_or_fine`` matters under
    Law 26/2008 only (Art. 61(4)); ``special_hardship`` includes great merit.
    """
    record = "exemption"
    item = dong(item, record, "item")
    paid = dong(paid, record, "paid")
    first_decision_on = check_day(first_decision_on, record, "first_decision_on")
    as_of = check_day(as_of, record, "as_of")
    if item <= 0 or paid > item:
        raise InvalidRecordError(record, "paid", f"need 0 <= paid ({paid}) <= item ({item})")
    law = law_for(as_of)
    if last_decision_on is not None:
        last = check_day(last_decision_on, record, "last_decision_on")
        if as_of < period_end(last, years=1, roll=False):
            article = "Art. 61(5)" if law is _OLD else "Art. 42–45"
            return _no(article, "one decision per year per judgment", law)
    five = _years_since(first_decision_on, as_of, 5)
    ten = _years_since(first_decision_on, as_of, 10)
    if law is _OLD:
        return _old_rule(item, paid, five, ten, special_hardship, court_fee_or_fine)
    return _new_rule(item, paid, five, ten, special_hardship, allow_last_known)


@attrs.frozen
class ExemptionCandidate:
    """A case put forward for review for exemption or reduction (đề nghị xét miễn, giảm).

    ``eligible_from`` is ``as_of`` for a case eligible now, else the first day within the
    horizon on which it becomes eligible (no further events assumed). ``item`` is the
    state-budget amount still subject to the judgment (less earlier reductions),
    ``paid`` what was collected, ``outstanding`` = item − paid. ``assumed_no_means`` is
    True when the "no conditions" decision carries no ground, so Art. 44a(1)(a) is
    assumed and the reviewer must check it.
    """

    case_id: str
    office: str
    executor: str
    judgment: Judgment
    first_decision_on: date
    item: int
    paid: int
    outstanding: int
    eligible_from: date
    outcome: Outcome
    max_amount: int
    rule: str
    reason: str
    assumed_no_means: bool
    eligible_now: bool
    """True if eligible on the day asked (not only within the horizon)."""


_NO_MEANS: Final = MappingProxyType(
    {
        _OLD: (
            re.compile(
                r"(?:đ|d|điều|dieu)?\s*44\s*a\W*(?:k|khoản|khoan)?\s*1\W*(?:điểm|diem)?"
                r"\s*([abc])\W*$"
            ),
            "44a.1.a, 44a(1)(a), Điều 44a khoản 1 điểm a (points a, b, c; Law 26/2008)",
        ),
        _NEW: (
            re.compile(
                r"(?:đ|d|điều|dieu)?\s*38\W*(?:k|khoản|khoan)?\s*1\W*(?:điểm|diem)?"
                r"\s*([abcdeghđ])\W*$"
            ),
            "38.1.a, 38(1)(a), Điều 38 khoản 1 điểm a (points a–h; Law 106/2025)",
        ),
    }
)
"""The "no conditions" grounds, by law: 2008 Art. 44a(1), 2025 Art. 38(1)."""


def _no_means_point(ground: str | None, on: date, record: str) -> str | None:
    if ground is None or not ground.strip():
        return None
    pattern, forms = _NO_MEANS[law_for(on)]
    text = " ".join(unicodedata.normalize("NFC", ground).strip().lower().split())
    match = pattern.match(text)
    if match is None:
        raise InvalidRecordError(
            record,
            "ground",
            f"cannot read the 'no conditions' ground {ground!r} of {on}; accepted forms: {forms}",
        )
    return match.group(1)


def _state_case(case: Case) -> bool:
    creditors = {debt.creditor for debt in case.debts}
    if CreditorKind.STATE not in creditors:
        return False
    if len(creditors) > 1:
        raise InvalidRecordError(
            f"case {case.case_id}",
            "debts",
            "owes the state budget and other creditors: the money paid cannot be split "
            "by item, so the case cannot be reviewed for exemption",
        )
    return True


def _review_days(first: date, last: date | None, as_of: date, horizon: int) -> list[date]:
    """Days in (as_of, as_of + horizon] on which the answer of :func:`exemption` can change."""
    try:
        end = as_of + timedelta(days=horizon)
    except OverflowError:
        raise InvalidRecordError(
            "exemption_candidates", "horizon", f"{horizon} days runs past 31/12/9999"
        ) from None
    days = {first + relativedelta(years=5), first + relativedelta(years=10)}
    if last is not None:
        days.add(last + relativedelta(years=1))
    return sorted(day for day in days if as_of < day <= end)


def exemption_candidates(
    cases: Iterable[Case],
    as_of: date,
    horizon: int | None = None,
    *,
    special_hardship: Collection[str] = (),
    court_fee_or_fine: Collection[str] = (),
    allow_last_known: bool = False,
) -> list[ExemptionCandidate]:
    """Cases owing the state budget that may be exempted or reduced on ``as_of`` (Art. 61).

    With ``horizon`` (days), also the cases that become eligible within it. A case is
    reviewed if every debt is owed to the state (creditor ``state``), it is not closed on
    ``as_of`` and its last classification is "no conditions" (``unenforceable``). Where
    the records are silent (docs/worklists.md): the day accepted is taken as the first
    enforcement decision; each ``reduced`` event as an earlier exemption or reduction
    decision (its amount lowers the item; the one-a-year rule runs from the last);
    ``special_hardship`` and ``court_fee_or_fine`` name the cases for which Art. 61(4)'s
    facts are established. Sorted most urgent first: eligible now (largest amount
    first), then by the day eligibility begins.
    """
    as_of = check_day(as_of, "exemption_candidates", "as_of")
    if horizon is not None and (type(horizon) is not int or horizon < 0):
        raise InvalidRecordError("exemption_candidates", "horizon", "must be days >= 0")
    day = as_of.toordinal()
    out: list[ExemptionCandidate] = []
    for case in cases:
        if not _state_case(case):
            continue
        timeline = case.timeline
        if timeline.accepted > day:
            continue
        status: str | None = None
        ground: str | None = None
        ground_on = as_of
        paid = reduced = 0
        last_decision: date | None = None
        closed = False
        for on, kind, amount, step_ground in timeline.events():
            if on > as_of:
                break
            if kind in CLOSING:
                closed = True
            elif kind is EventKind.COLLECTED:
                paid += amount
            elif kind is EventKind.REDUCED:
                reduced += amount
                last_decision = on
            else:  # a classification (resumed: enforceable again)
                status = "enforceable" if kind is EventKind.RESUMED else str(kind)
                ground, ground_on = step_ground, on
        if closed or status != "unenforceable":
            continue
        record = f"case {case.case_id}"
        point = _no_means_point(ground, ground_on, record)
        if point not in (None, "a"):
            continue
        item = case.amount - reduced
        if item <= 0:
            continue
        first = case.accepted_on
        hardship = case.case_id in special_hardship
        fee_or_fine = case.case_id in court_fee_or_fine

        test = functools.partial(
            exemption,
            item,
            paid,
            first,
            special_hardship=hardship,
            court_fee_or_fine=fee_or_fine,
            last_decision_on=last_decision,
            allow_last_known=allow_last_known,
        )
        result = test(as_of)
        when = as_of
        if not result.eligible and horizon:
            for later in _review_days(first, last_decision, as_of, horizon):
                result = test(later)
                if result.eligible:
                    when = later
                    break
        if not result.eligible or result.outcome is None:
            continue
        out.append(
            ExemptionCandidate(
                case_id=case.case_id,
                office=case.office,
                executor=case.executor,
                judgment=case.judgment,
                first_decision_on=first,
                item=item,
                paid=paid,
                outstanding=item - paid,
                eligible_from=when,
                outcome=result.outcome,
                max_amount=result.max_amount,
                rule=result.rule,
                reason=result.reason,
                assumed_no_means=point is None,
                eligible_now=when == as_of,
            )
        )
    out.sort(key=lambda c: (c.eligible_from, -c.max_amount, c.case_id))
    return out


__all__ = ["ExemptionCandidate", "ExemptionResult", "Outcome", "exemption", "exemption_candidates"]
