"""Period-end lists of TT 05/2024/TT-BTP Art. 8 (danh sách khóa sổ cuối kỳ).

Cases moved to the separate register (chuyển sổ theo dõi riêng), being enforced (đang
thi hành), state-compensation (bồi thường nhà nước), credit-institution (tổ chức tín
dụng) cases and, at 12 months, the unfinished cases carried into the next year
(docs/worklists.md, docs/sources/statistics.md §4.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Final, Literal

import attrs

from thads import validate
from thads.count import place_case
from thads.errors import InvalidRecordError, PeriodError
from thads.records import Case, CreditorKind, JudgmentKind, OfficeTree
from thads.rules import Regime, regime_for
from thads.values import StatisticalPeriod, Tally
from thads.worklists._common import case_columns, office_filter, state_at


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


def _list_kind(value: ListKind | str) -> ListKind:
    """A list kind, written as its value (``carried_over``) or as the command line writes
    it (``carried-over``)."""
    if isinstance(value, str) and not isinstance(value, ListKind):
        spelt = value.strip().replace("-", "_")
        if spelt in ListKind._value2member_map_:
            return ListKind(spelt)
    return validate.choice(ListKind, value, "period_list", "kind")


def period_list(
    cases: Iterable[Case],
    kind: ListKind | str,
    period: StatisticalPeriod,
    *,
    office: str | None = None,
    offices: OfficeTree | None = None,
    regime: Regime | None = None,
    scope: Scope = "to_enforce",
    allow_last_known: bool = False,
) -> list[PeriodListRow]:
    """The list ``kind`` of TT 05/2024 Art. 8 at the end of ``period`` (optionally one office).

    ``kind``: a :class:`ListKind` or its value, with underscores or with hyphens as on
    the command line (``"carried_over"`` or ``"carried-over"``); another value is refused,
    listing the accepted ones.

    Which cases each list holds (and the report rows it agrees with) is in
    docs/worklists.md. ``scope`` (state-compensation and credit-institution lists only,
    an inferred reading of Art. 8): ``to_enforce`` — every such case to enforce in the
    period (accepted, less entrusted and withdrawn), ``unfinished`` — only those not
    finished at the period end. ``carried_over`` needs a 12-month period. Sorted most
    urgent first: largest outstanding money, then the oldest case. A period ending from
    01/07/2026 needs ``allow_last_known`` (counted with TT 05/2024's rules, as reports).
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
    rules = regime or regime_for(period, allow_last_known=allow_last_known)
    first, last = period.start.toordinal(), period.end.toordinal()
    keep_office = office_filter(office, offices, period.end)
    out: list[PeriodListRow] = []
    for case in cases:
        if not keep_office(case):
            continue
        placed = place_case(case, period.start, period.end, rules)
        if placed is None:
            continue
        row = _ROWS[placed[1]]
        status, owed, closed_on = state_at(case, last)
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
                    **case_columns(case),
                    outstanding=owed,
                    row=row,
                    status=status,
                    closed_on=closed_on,
                )
            )
    out.sort(key=lambda r: (-r.outstanding, r.accepted_on, r.case_id))
    return out


def carried_into_next_year(
    cases: Iterable[Case],
    period: StatisticalPeriod,
    *,
    office: str | None = None,
    offices: OfficeTree | None = None,
) -> list[PeriodListRow]:
    """The unfinished cases at the end of a 12-month period (danh sách chuyển năm sau)."""
    return period_list(cases, ListKind.CARRIED_OVER, period, office=office, offices=offices)


__all__ = ["SCOPES", "ListKind", "PeriodListRow", "Scope", "carried_into_next_year", "period_list"]
