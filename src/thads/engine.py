"""From case histories to tallies (the counting rules of design.md, one place).

Each case's events are replayed as of each period's end; a case contributes one case to
exactly one row and spreads its money over the rows so that the money rows add up to the
money on the books. All periods asked for come out of one pass over the cases: each case
is read once, and only the tallies being built are kept in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Final

import attrs

from thads.case import CLOSING, Case, EventKind
from thads.periods import StatisticalPeriod
from thads.rules import Regime, regime_for
from thads.tally import Tally

_ROWS: Final = Tally.PRIMITIVE
_INDEX: Final = {name: i for i, name in enumerate(_ROWS)}
CARRIED_OVER: Final = _INDEX["carried_over"]
NEW: Final = _INDEX["new"]
COMPLETED: Final = _INDEX["completed"]
TERMINATED: Final = _INDEX["terminated"]
REDUCED: Final = _INDEX["reduced"]
ENTRUSTED: Final = _INDEX["entrusted"]
WITHDRAWN: Final = _INDEX["withdrawn"]
IN_PROGRESS: Final = _INDEX["in_progress"]
WITHOUT_CONDITIONS: Final = _INDEX["without_conditions"]

_CLASSIFYING: Final = frozenset(
    {
        EventKind.ENFORCEABLE,
        EventKind.UNENFORCEABLE,
        EventKind.POSTPONED,
        EventKind.SUSPENDED,
        EventKind.RESUMED,
    }
)


@attrs.frozen
class TallyPair:
    """The case tally (việc) and the money tally (tiền) of one group in one period."""

    cases: Tally = attrs.field(factory=Tally)
    money: Tally = attrs.field(factory=Tally)

    def __add__(self, other: TallyPair) -> TallyPair:
        return TallyPair(self.cases + other.cases, self.money + other.money)

    def check(self) -> TallyPair:
        """Check the identities of both tallies."""
        self.cases.check()
        self.money.check()
        return self


@attrs.frozen
class Placement:
    """Where one case falls in one period: its case row and its money by row."""

    row: str
    carried_over: bool
    money: dict[str, int]


def _status_row(last: EventKind | None, ground: str | None, regime: Regime) -> int:
    if last is None or last in (EventKind.ENFORCEABLE, EventKind.RESUMED):
        return IN_PROGRESS
    if last is EventKind.UNENFORCEABLE:
        return WITHOUT_CONDITIONS
    row = regime.stay_row(suspended=last is EventKind.SUSPENDED, ground=ground)
    return _INDEX[row]


def place_case(
    case: Case, start: date, end: date, regime: Regime
) -> tuple[int, int, list[int]] | None:
    """Replay ``case`` over the period [start, end].

    Returns ``(intake_row, case_row, money_rows)`` with row indices into
    :attr:`Tally.PRIMITIVE`, or None if the case is not on the books in the period.
    """
    if case.accepted_on > end:
        return None
    events = case.events
    count = len(events)
    outstanding = case.amount
    last: EventKind | None = None
    ground: str | None = None
    i = 0
    while i < count and events[i].on < start:
        event = events[i]
        kind = event.kind
        if kind in CLOSING:
            return None  # closed, or moved to the separate register, before the period
        if kind is EventKind.COLLECTED or kind is EventKind.REDUCED:
            outstanding -= event.amount
        elif kind in _CLASSIFYING:
            last, ground = kind, event.ground
        i += 1
    money = [0] * len(_ROWS)
    intake = CARRIED_OVER if case.accepted_on < start else NEW
    money[intake] = outstanding
    moved = False  # money collected or reduced in the period
    while i < count and events[i].on <= end:
        event = events[i]
        kind = event.kind
        if kind is EventKind.COLLECTED:
            money[COMPLETED] += event.amount
            outstanding -= event.amount
            moved = True
        elif kind is EventKind.REDUCED:
            money[REDUCED] += event.amount
            outstanding -= event.amount
            moved = True
        elif kind in _CLASSIFYING:
            last, ground = kind, event.ground
        elif kind is EventKind.COMPLETED:
            money[COMPLETED] += outstanding
            return intake, COMPLETED, money
        elif kind is EventKind.TERMINATED:
            money[TERMINATED] += outstanding
            return intake, TERMINATED, money
        elif kind is EventKind.ENTRUSTED:
            money[ENTRUSTED] += outstanding
            return intake, COMPLETED if moved else ENTRUSTED, money
        elif kind is EventKind.WITHDRAWN:
            money[WITHDRAWN] += outstanding
            return intake, WITHDRAWN, money
        elif kind is EventKind.SEPARATE_REGISTER:
            money[WITHOUT_CONDITIONS] += outstanding
            return intake, WITHOUT_CONDITIONS, money
        i += 1
    row = _status_row(last, ground, regime)
    money[row] += outstanding
    return intake, row, money


def placement(
    case: Case, period: StatisticalPeriod, regime: Regime | None = None
) -> Placement | None:
    """Where ``case`` falls in ``period`` (for inspection and tests), or None if off the books."""
    chosen = regime or regime_for(period)
    placed = place_case(case, period.start, period.end, chosen)
    if placed is None:
        return None
    intake, row, money = placed
    return Placement(
        row=_ROWS[row],
        carried_over=intake == CARRIED_OVER,
        money={name: value for name, value in zip(_ROWS, money, strict=True) if value},
    )


KeyFunction = Callable[[Case], str]


def tally_periods(
    cases: Iterable[Case],
    periods: Sequence[StatisticalPeriod],
    key: KeyFunction,
    *,
    regime: Regime | None = None,
    progress: Callable[[int], None] | None = None,
    progress_every: int = 10_000,
) -> dict[StatisticalPeriod, dict[str, TallyPair]]:
    """Tally every period in ``periods`` per group ``key(case)``, in one pass over ``cases``.

    ``regime`` overrides the regime chosen by date for every period.
    """
    spans = [(p, p.start, p.end, regime or regime_for(p)) for p in dict.fromkeys(periods)]
    width = len(_ROWS)
    acc: dict[tuple[StatisticalPeriod, str], tuple[list[int], list[int]]] = {}
    seen = 0
    for case in cases:
        group = key(case)
        for period, start, end, chosen in spans:
            placed = place_case(case, start, end, chosen)
            if placed is None:
                continue
            intake, row, money = placed
            slot = acc.get((period, group))
            if slot is None:
                slot = ([0] * width, [0] * width)
                acc[(period, group)] = slot
            case_rows, money_rows = slot
            case_rows[intake] += 1
            case_rows[row] += 1
            for j in range(width):
                money_rows[j] += money[j]
        seen += 1
        if progress is not None and seen % progress_every == 0:
            progress(seen)
    if progress is not None and seen % progress_every:
        progress(seen)
    out: dict[StatisticalPeriod, dict[str, TallyPair]] = {p: {} for p, *_ in spans}
    for (period, group), (case_rows, money_rows) in acc.items():
        out[period][group] = TallyPair(Tally(*case_rows), Tally(*money_rows))
    return out


__all__ = ["KeyFunction", "Placement", "TallyPair", "place_case", "placement", "tally_periods"]
