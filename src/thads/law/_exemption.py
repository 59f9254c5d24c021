"""Exemption and reduction of debts owed to the state budget (miễn, giảm nghĩa vụ THA).

Legal basis (legal-rules.md §7.5): Law 26/2008/QH12 Art. 61 as amended; TTLT
12/2015/TTLT-BTP-BTC-TANDTC-VKSNDTC Art. 2, 4. Scope: fines, recovery of illicit gains,
court fees, confiscation and other state-budget items, with their late interest; the
debtor must be without means (a "no conditions" decision under Art. 44a(1)(a)). Time
runs from the first enforcement decision (Art. 61(5)); at most one exemption or
reduction per year per judgment.

- nothing paid (less than 1/50): ≥ 5 years and item < 2.000.000, or ≥ 10 years and
  2.000.000 ≤ item < 5.000.000 → full exemption (Art. 61(1));
- partly paid (≥ 1/50): ≥ 5 years and remainder < 5.000.000, or ≥ 10 years and
  5.000.000 ≤ remainder < 10.000.000 → exemption of the remainder (Art. 61(2));
- partly paid: ≥ 5 years and 10.000.000 ≤ remainder ≤ 100.000.000 → reduction of at most
  1/4; ≥ 10 years and remainder > 100.000.000 → at most 1/5 and 50.000.000 (Art. 61(3));
- a court fee or fine partly paid, with special hardship or great merit → exemption of
  the remainder (Art. 61(4)).

Under Law 106/2025 the amounts and periods are unknown: ``as_of`` from 01/07/2026 raises
unless ``allow_last_known``. The largest reduction is rounded down to whole đồng (a
reduction may not exceed its limit).

:func:`exemption_candidates` runs the same test over case records (rà soát, lập hồ sơ
đề nghị xét miễn, giảm); the choices it makes where the records are silent are listed
in its docstring and in docs/worklists.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable
from datetime import date, timedelta
from typing import Literal

import attrs
from dateutil.relativedelta import relativedelta

from thads.records import CLOSING, Case, CreditorKind, EventKind
from thads.errors import InvalidRecordError
from thads.records import Judgment
from thads.law._calendar import period_end
from thads.law._versions import require_known
from thads.values import to_dong

Outcome = Literal["exemption", "reduction"]


@attrs.frozen
class ExemptionResult:
    """Whether the item qualifies, for what, up to how much, under which rule."""

    eligible: bool
    outcome: Outcome | None
    max_amount: int
    rule: str
    reason: str


def _years_since(first: date, as_of: date, years: int) -> bool:
    return as_of >= period_end(first, years=years, roll=False)


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
    debtor is assumed to have no means (the required "no conditions" decision).
    """
    item = to_dong(item, what="exemption: item")
    paid = to_dong(paid, what="exemption: paid")
    if item <= 0 or paid < 0 or paid > item:
        raise InvalidRecordError("exemption", "paid", f"need 0 <= paid ({paid}) <= item ({item})")
    require_known("exemption thresholds (Art. 61)", as_of, allow_last_known=allow_last_known)
    if last_decision_on is not None and as_of < period_end(last_decision_on, years=1, roll=False):
        return ExemptionResult(False, None, 0, "Art. 61(5)", "one decision per year per judgment")
    remainder = item - paid
    partly_paid = paid * 50 >= item
    five = _years_since(first_decision_on, as_of, 5)
    ten = _years_since(first_decision_on, as_of, 10)
    if court_fee_or_fine and partly_paid and special_hardship and remainder > 0:
        return ExemptionResult(True, "exemption", remainder, "Art. 61(4)", "special hardship")
    if not partly_paid:
        if five and item < 2_000_000:
            return ExemptionResult(True, "exemption", item, "Art. 61(1)", "5 years, < 2.000.000")
        if ten and 2_000_000 <= item < 5_000_000:
            return ExemptionResult(True, "exemption", item, "Art. 61(1)", "10 years, < 5.000.000")
        return ExemptionResult(False, None, 0, "Art. 61(1)", "not paid: amount or time short")
    if five and remainder < 5_000_000:
        return ExemptionResult(True, "exemption", remainder, "Art. 61(2)", "5 years, < 5.000.000")
    if ten and 5_000_000 <= remainder < 10_000_000:
        return ExemptionResult(True, "exemption", remainder, "Art. 61(2)", "10 years, < 10.000.000")
    if five and 10_000_000 <= remainder <= 100_000_000:
        return ExemptionResult(True, "reduction", remainder // 4, "Art. 61(3)", "5 years, ≤ 1/4")
    if ten and remainder > 100_000_000:
        return ExemptionResult(
            True, "reduction", min(remainder // 5, 50_000_000), "Art. 61(3)", "10 years, ≤ 1/5"
        )
    return ExemptionResult(False, None, 0, "Art. 61(2)-(3)", "partly paid: amount or time short")


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


_NO_MEANS = re.compile(
    r"(?:đ|d|điều|dieu)?\s*44\s*a\W*(?:k|khoản|khoan)?\s*1\W*(?:điểm|diem)?\s*([abc])\W*$"
)
"""Art. 44a(1) point: "44a.1.a", "44a(1)(a)", "Điều 44a khoản 1 điểm a"."""


def _no_means_point(ground: str | None, record: str) -> str | None:
    if ground is None or not ground.strip():
        return None
    text = " ".join(unicodedata.normalize("NFC", ground).strip().lower().split())
    match = _NO_MEANS.match(text)
    if match is None:
        raise InvalidRecordError(
            record,
            "ground",
            f"cannot read the 'no conditions' ground {ground!r}; accepted forms: "
            "44a.1.a, 44a(1)(a), Điều 44a khoản 1 điểm a (points a, b, c)",
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
    end = as_of + timedelta(days=horizon)
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
    if horizon is not None and (isinstance(horizon, bool) or horizon < 0):
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
                ground = step_ground
        if closed or status != "unenforceable":
            continue
        record = f"case {case.case_id}"
        point = _no_means_point(ground, record)
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
