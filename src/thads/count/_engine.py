"""From case timelines to tallies (docs/counting-rules.md).

Two implementations of the same rules live here:

- :func:`place_case` replays one case over one period, the straightforward way. It is
  the executable specification, used by :func:`placement` for inspection, and the
  property tests hold the sweep to it.
- :func:`sweep` walks each case's :class:`~thads.timeline.Timeline` once for every
  statistical year asked for. Cumulative periods of one year share their first day
  (1 October), so a case's contribution to the n-month period is the sum of its
  changes in months 1..n: the sweep writes each change at the month where it happens,
  and running sums give every month. Which postponements count "with conditions" is a
  choice of the regime, so the sweep keeps each kind of stay (suspension, postponement
  on each ground) in a column of its own and the regime of each period sorts them out
  when the tallies are read (:meth:`Sweep.tallies`). The 24 periods of two years cost
  about as much as one.

The engine does not choose regimes: the report resolves the regime of each period and
hands it over.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any, Final

import attrs

from thads.errors import RuleNotAvailableError
from thads.law import LawVersion
from thads.read import CaseColumns
from thads.records import (
    CLOSING_CODES,
    COLLECTED,
    STATUS,
    Case,
    CompiledCase,
    Timeline,
    month_serial,
)
from thads.records import COMPLETED as C_COMPLETED
from thads.records import ENTRUSTED as C_ENTRUSTED
from thads.records import REDUCED as C_REDUCED
from thads.records import REQUEST_RETURNED as C_REQUEST_RETURNED
from thads.records import RESUMED as C_RESUMED
from thads.records import SEPARATE_REGISTER as C_SEPARATE_REGISTER
from thads.records import TERMINATED as C_TERMINATED
from thads.records import WITHDRAWN as C_WITHDRAWN
from thads.rules import Regime, ground_law, regime_for
from thads.values import StatisticalPeriod, Tally

_ROWS: Final = Tally.PRIMITIVE
_INDEX: Final = {name: i for i, name in enumerate(_ROWS)}
CARRIED_OVER: Final = _INDEX["carried_over"]
NEW: Final = _INDEX["new"]
ENTRUSTED: Final = _INDEX["entrusted"]
WITHDRAWN: Final = _INDEX["withdrawn"]
COMPLETED: Final = _INDEX["completed"]
TERMINATED: Final = _INDEX["terminated"]
REDUCED: Final = _INDEX["reduced"]
IN_PROGRESS: Final = _INDEX["in_progress"]
POSTPONED: Final = _INDEX["postponed"]
STAYED: Final = _INDEX["stayed"]
WITHOUT_CONDITIONS: Final = _INDEX["without_conditions"]


@attrs.frozen
class TallyPair:
    """The case tally (việc) and the money tally (tiền) of one group in one period.

    A value type beside :class:`Tally`: pairs add row by row, :meth:`zero` is neutral,
    so ``sum(pairs, TallyPair.zero())`` (or plain ``sum(pairs)``) works.
    """

    cases: Tally = attrs.field(factory=Tally)
    money: Tally = attrs.field(factory=Tally)

    @classmethod
    def zero(cls) -> TallyPair:
        """The empty pair, neutral for ``+``."""
        return cls()

    def __add__(self, other: object) -> TallyPair:
        if not isinstance(other, TallyPair):
            return NotImplemented
        return TallyPair(self.cases + other.cases, self.money + other.money)

    def __radd__(self, other: object) -> TallyPair:
        if other == 0:  # lets sum() start from 0
            return self
        return self.__add__(other)

    def check(self) -> TallyPair:
        """Check the identities of both tallies."""
        self.cases.check()
        self.money.check()
        return self


def _frozen_mapping(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Placement:
    """Where one case falls in one period: its case row and its money by row."""

    row: str
    carried_over: bool
    money: Mapping[str, int] = attrs.field(converter=_frozen_mapping)


# --- the specification: one case, one period -------------------------------------------


@functools.cache
def _law_of(day: int) -> LawVersion:
    """The law in force on day ordinal ``day`` (the law a decision's ground is read under)."""
    return ground_law(date.fromordinal(day))


def _status_row(code: int | None, ground: str | None, day: int, regime: Regime) -> int:
    status = "enforceable" if code is None else STATUS[code]
    if status == "enforceable":
        return IN_PROGRESS
    if status == "without_conditions":
        return WITHOUT_CONDITIONS
    return _INDEX[regime.stay_row(suspended=status == "suspended", ground=ground, law=_law_of(day))]


def place_case(
    case: Case | Timeline, start: date, end: date, regime: Regime
) -> tuple[int, int, list[int]] | None:
    """Replay one case over the period [start, end] (the specification of the counting).

    Returns ``(intake_row, case_row, money_rows)`` with row indices into
    :attr:`Tally.PRIMITIVE`, or None if the case is not on the books in the period.
    """
    timeline = case.timeline if isinstance(case, Case) else case
    first, last_day = start.toordinal(), end.toordinal()
    if timeline.accepted > last_day:
        return None
    steps = timeline.steps
    outstanding = timeline.amount
    status: int | None = None
    ground: str | None = None
    decided = 0  # day of the last classifying decision
    i = 0
    while i < len(steps) and steps[i].day < first:
        step = steps[i]
        if step.code in CLOSING_CODES:
            return None  # closed, or moved to the separate register, before the period
        if step.code in (COLLECTED, C_REDUCED):
            outstanding -= step.amount
        elif step.code <= C_RESUMED:
            status, ground, decided = step.code, step.ground, step.day
        i += 1
    money = [0] * len(_ROWS)
    intake = CARRIED_OVER if timeline.accepted < first else NEW
    money[intake] = outstanding
    moved = False  # money collected or reduced in the period
    while i < len(steps) and steps[i].day <= last_day:
        step = steps[i]
        code = step.code
        if code == COLLECTED:
            money[COMPLETED] += step.amount
            outstanding -= step.amount
            moved = True
        elif code == C_REDUCED:
            money[REDUCED] += step.amount
            outstanding -= step.amount
            moved = True
        elif code <= C_RESUMED:
            status, ground, decided = code, step.ground, step.day
        elif code == C_COMPLETED:
            money[COMPLETED] += outstanding
            return intake, COMPLETED, money
        elif code == C_TERMINATED:
            money[TERMINATED] += outstanding
            return intake, TERMINATED, money
        elif code == C_ENTRUSTED:
            money[ENTRUSTED] += outstanding
            return intake, COMPLETED if moved else ENTRUSTED, money
        elif code == C_WITHDRAWN:
            money[WITHDRAWN] += outstanding
            return intake, WITHDRAWN, money
        elif code == C_SEPARATE_REGISTER:
            money[WITHOUT_CONDITIONS] += outstanding
            return intake, WITHOUT_CONDITIONS, money
        elif code == C_REQUEST_RETURNED:
            raise _returned_request_unknown()
        i += 1
    row = _status_row(status, ground, decided, regime)
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


# --- the sweep: every case once, every month of every year asked for -------------------

# Columns of the sweep: the primitive rows but postponed and stayed, then one column per
# kind of stay (suspension; postponement on each ground of each law, None included).
_SUSPENDED_COL: Final = 9
_FIRST_GROUND_COL: Final = 10
_WIDTH: Final = 24  # grows when more grounds appear
_IN_PROGRESS_COL: Final = 7
_WITHOUT_COL: Final = 8
_STATUS_COL: Final = {
    "enforceable": _IN_PROGRESS_COL,
    "without_conditions": _WITHOUT_COL,
    "suspended": _SUSPENDED_COL,
}
"""Sweep column of each status but postponement (which has a column per ground)."""
_CLOSING_ROW: Final = {
    C_COMPLETED: (COMPLETED, COMPLETED),
    C_TERMINATED: (TERMINATED, TERMINATED),
    C_WITHDRAWN: (WITHDRAWN, WITHDRAWN),
    C_SEPARATE_REGISTER: (_WITHOUT_COL, _WITHOUT_COL),
}
"""Closing code → (case column, money column); entrusting is decided in the loop."""
# Sweep columns 0..6 and 7, 8 are the primitive rows 0..6, in_progress, without_conditions.
_COL_TO_ROW: Final = (0, 1, 2, 3, 4, 5, 6, IN_PROGRESS, WITHOUT_CONDITIONS)
_FLOW_COLS: Final = 7
"""Sweep columns 0..6: the rows that only grow within a year (flows)."""

GroupKey = Hashable
KeyFunction = Callable[[Case], GroupKey]
GroundColumn = tuple["str | None", LawVersion]


def statistical_year_months(year: int) -> tuple[int, int]:
    """First and last month serial of statistical year ``year`` (October to September)."""
    first = month_serial(StatisticalPeriod(year, 1).start)
    return first, first + 11


@attrs.define
class Sweep:
    """Monthly changes per (group, statistical year), by sweep column.

    ``cases[(group, year)]`` and ``money[...]`` are flat lists of 12 × ``width``
    integers: the change in each column during each month of the year. Sweeps of
    disjoint shards of cases add exactly (:meth:`merge`).
    """

    years: tuple[int, ...]
    grounds: list[GroundColumn] = attrs.field(factory=list)
    """The postponement column keys: (ground as written on the step, law it is read under)."""
    width: int = _WIDTH
    cases: dict[tuple[GroupKey, int], list[int]] = attrs.field(factory=dict)
    money: dict[tuple[GroupKey, int], list[int]] = attrs.field(factory=dict)

    def _grow(self, width: int) -> None:
        old = self.width
        for table in (self.cases, self.money):
            for slot, values in table.items():
                wide = [0] * (12 * width)
                for m in range(12):
                    wide[m * width : m * width + old] = values[m * old : (m + 1) * old]
                table[slot] = wide
        self.width = width

    def merge(self, other: Sweep) -> Sweep:
        """Add another shard's sweep into this one (columns matched by ground)."""
        index = {ground: _FIRST_GROUND_COL + i for i, ground in enumerate(self.grounds)}
        for ground in other.grounds:
            if ground not in index:
                index[ground] = _FIRST_GROUND_COL + len(self.grounds)
                self.grounds.append(ground)
        needed = _FIRST_GROUND_COL + len(self.grounds)
        if needed > self.width:
            self._grow(needed)
        width, theirs = self.width, other.width
        remap = list(range(_FIRST_GROUND_COL)) + [index[g] for g in other.grounds]
        for mine_table, their_table in ((self.cases, other.cases), (self.money, other.money)):
            for slot, values in their_table.items():
                target = mine_table.get(slot)
                if target is None:
                    target = mine_table[slot] = [0] * (12 * width)
                for m in range(12):
                    for col, new_col in enumerate(remap):
                        value = values[m * theirs + col]
                        if value:
                            target[m * width + new_col] += value
        return self

    def month_changes(self, year: int) -> dict[GroupKey, list[tuple[list[int], list[int]]]]:
        """The flows of each month of statistical year ``year`` alone, per group.

        For each group, 12 pairs (cases, money) of the first seven rows of
        :attr:`Tally.PRIMITIVE` (carried_over, new, entrusted, withdrawn, completed,
        terminated, reduced) as changed within that month: these rows only ever grow,
        so a month's change is what flowed in that month (carried_over in month 1 only),
        and the 12 months add up to the 12-month tally's rows exactly.
        """
        if year not in self.years:
            raise RuleNotAvailableError(
                f"statistical year {year} was not swept (swept: {list(self.years)})"
            )
        width = self.width
        out: dict[GroupKey, list[tuple[list[int], list[int]]]] = {}
        for (group, swept_year), case_changes in self.cases.items():
            if swept_year != year:
                continue
            money_changes = self.money[(group, year)]
            out[group] = [
                (
                    case_changes[m * width : m * width + _FLOW_COLS],
                    money_changes[m * width : m * width + _FLOW_COLS],
                )
                for m in range(12)
            ]
        return out

    def tallies(
        self, periods: Mapping[StatisticalPeriod, Regime]
    ) -> dict[StatisticalPeriod, dict[GroupKey, TallyPair]]:
        """The tallies of each period, under its regime, for every group."""
        width = self.width
        stay_cols = [
            _SUSPENDED_COL,
            *range(_FIRST_GROUND_COL, _FIRST_GROUND_COL + len(self.grounds)),
        ]
        out: dict[StatisticalPeriod, dict[GroupKey, TallyPair]] = {p: {} for p in periods}
        by_year: dict[int, list[tuple[StatisticalPeriod, _StayColumns]]] = {}
        for period, regime in periods.items():
            counted = [
                regime.stay_row(suspended=True, ground=None) == "postponed",
                *(
                    regime.stay_row(suspended=False, ground=ground, law=law) == "postponed"
                    for ground, law in self.grounds
                ),
            ]
            split = (
                [col for col, yes in zip(stay_cols, counted, strict=True) if yes],
                [col for col, yes in zip(stay_cols, counted, strict=True) if not yes],
            )
            by_year.setdefault(period.year, []).append((period, split))
        for (group, year), case_changes in self.cases.items():
            wanted = by_year.get(year)
            if not wanted:
                continue
            money_changes = self.money[(group, year)]
            case_sums = _running(case_changes, width)
            money_sums = _running(money_changes, width)
            for period, split in wanted:
                m = period.months - 1
                pair = TallyPair(_tally(case_sums[m], split), _tally(money_sums[m], split))
                if pair.cases.accepted:
                    out[period][group] = pair
        return out


def _running(changes: list[int], width: int) -> list[list[int]]:
    sums: list[list[int]] = []
    row = [0] * width
    for m in range(12):
        row = [a + b for a, b in zip(row, changes[m * width : (m + 1) * width], strict=True)]
        sums.append(row)
    return sums


_StayColumns = tuple[list[int], list[int]]
"""The stay columns a period counts as postponed (with conditions), and the others."""


def _tally(columns: list[int], split: _StayColumns) -> Tally:
    """The tally of one month's running columns; the stay columns as ``split`` says."""
    rows = [0] * len(_ROWS)
    for col, row in enumerate(_COL_TO_ROW):
        rows[row] += columns[col]
    at = columns.__getitem__
    rows[POSTPONED] += sum(map(at, split[0]))
    rows[STAYED] += sum(map(at, split[1]))
    return Tally._from_valid(rows)


def sweep(
    entries: Iterable[tuple[GroupKey, Timeline]],
    years: Iterable[int],
    *,
    progress: Callable[[int], None] | None = None,
    progress_every: int = 100_000,
) -> Sweep:
    """Walk each timeline once and record its monthly changes in every year asked.

    ``entries`` are (group, timeline) pairs, one per case.
    """
    lanes = [(year, *statistical_year_months(year)) for year in sorted(set(years))]
    result = Sweep(tuple(year for year, *_ in lanes))
    ground_col: dict[GroundColumn, int] = {}
    law_of = _law_of

    def column(code: int, ground: str | None, day: int) -> int:
        """The sweep column of the status a classifying event gives (a postponement: one
        column per ground and law it is read under, the law of the day it was decided)."""
        status = STATUS[code]
        if status != "postponed":
            return _STATUS_COL[status]
        key = (ground, law_of(day))
        col = ground_col.get(key)
        return _register(result, ground_col, key) if col is None else col

    width = result.width
    case_table, money_table = result.cases, result.money
    seen = 0
    for group, timeline in entries:
        seen += 1
        if progress is not None and seen % progress_every == 0:
            progress(seen)
        accepted = timeline.accepted_month
        steps = timeline.steps
        count = len(steps)
        owed = timeline.amount
        status = _IN_PROGRESS_COL
        i = 0
        for year, first, last in lanes:
            if accepted > last:
                continue
            closed = False
            while i < count:  # what happened before the year
                step = steps[i]
                if step[1] >= first:
                    break
                code = step[2]
                if code <= C_RESUMED:
                    status = column(code, step[4], step[0])
                elif code <= C_REDUCED:
                    owed -= step[3]
                else:
                    closed = True  # closed before the year: off the books from now on
                    break
                i += 1
            if closed:
                break
            width = result.width  # a new ground may have widened the tables
            slot = (group, year)
            cases_row = case_table.get(slot)
            if cases_row is None:
                cases_row = case_table[slot] = [0] * (12 * width)
                money_row = money_table[slot] = [0] * (12 * width)
            else:
                money_row = money_table[slot]
            if accepted < first:
                base, intake = 0, CARRIED_OVER
            else:
                base, intake = (accepted - first) * width, NEW
            cases_row[base + intake] += 1
            cases_row[base + status] += 1
            money_row[base + intake] += owed
            money_row[base + status] += owed
            moved = False
            while i < count:  # the year itself
                step = steps[i]
                month = step[1]
                if month > last:
                    break
                i += 1
                code = step[2]
                base = (month - first) * width
                if code in (COLLECTED, C_REDUCED):
                    amount = step[3]
                    money_row[base + status] -= amount
                    money_row[base + (COMPLETED if code == COLLECTED else REDUCED)] += amount
                    owed -= amount
                    moved = True
                    continue
                if code <= C_RESUMED:
                    col = column(code, step[4], step[0])
                    if result.width != width:  # a new ground widened the tables
                        width = result.width
                        base = (month - first) * width
                        cases_row, money_row = case_table[slot], money_table[slot]
                    if col != status:
                        cases_row[base + status] -= 1
                        cases_row[base + col] += 1
                        money_row[base + status] -= owed
                        money_row[base + col] += owed
                        status = col
                    continue
                if code == C_ENTRUSTED:
                    row, money_col = (COMPLETED if moved else ENTRUSTED), ENTRUSTED
                elif code == C_REQUEST_RETURNED:
                    raise _returned_request_unknown()
                else:
                    row, money_col = _CLOSING_ROW[code]
                cases_row[base + status] -= 1
                cases_row[base + row] += 1
                money_row[base + status] -= owed
                money_row[base + money_col] += owed
                closed = True
                break
            if closed:
                break
    if progress is not None and seen % progress_every:
        progress(seen)
    return result


def sweep_columns(columns: CaseColumns, years: Iterable[int]) -> Sweep | None:
    """What :func:`sweep` gives for the cases of ``columns``, computed over columns (numpy)
    instead of case by case; held to :func:`sweep` by a property test. None when the
    amounts are too large for exact 64-bit sums (then sweep the cases one by one).

    For each event: the status and the amount owed just before it (running values within
    its case); for each year: each case's status and amount owed on 1 October, then each
    change written at the month it happens, as the sweep writes it. The cases are taken
    in blocks of about :data:`_BLOCK_EVENTS` events (see there).
    """
    import numpy as np

    owed_all = columns.owed.astype(np.int64)
    values = columns.value
    if (
        float(np.abs(owed_all).sum(dtype=np.float64)) + float(np.abs(values).sum(dtype=np.float64))
        >= 2.0**62
    ):
        return None
    lanes = [(year, *statistical_year_months(year)) for year in sorted(set(years))]
    result = Sweep(tuple(year for year, *_ in lanes))
    groups, offsets = len(columns.labels), columns.offsets
    last_day = lanes[-1][2] if lanes else 0
    status_col = np.array([_STATUS_COL.get(STATUS.get(c, ""), -1) for c in range(16)])
    # by event code: the column it gives the case (in progress for all but the
    # classifying events; -1: a postponement, whose column its ground gives), and where
    # a closing event puts the case and its money (-1: not closing; entrusted's money)
    col_of = np.where(np.arange(16) <= C_RESUMED, status_col, _IN_PROGRESS_COL)
    row_of = np.full(16, -1, dtype=np.int64)
    money_col_of = np.full(16, -1, dtype=np.int64)
    for closing_code, (case_col, its_money_col) in _CLOSING_ROW.items():
        row_of[closing_code], money_col_of[closing_code] = case_col, its_money_col
    money_col_of[C_ENTRUSTED] = ENTRUSTED
    blocks = _case_blocks(np, offsets, _BLOCK_EVENTS)

    def basics(c0: int, c1: int) -> tuple[Any, ...]:
        """The block's events: code, month, case (in the block), first row of its case,
        reached (none after a closing event or after the last year), and the cases'
        accepted months."""
        e0, e1 = int(offsets[c0]), int(offsets[c1])
        code = columns.code[e0:e1].astype(np.int64)
        month = columns.month[e0:e1].astype(np.int64)
        starts = offsets[c0 : c1 + 1] - e0
        case = np.repeat(np.arange(c1 - c0, dtype=np.int64), np.diff(starts))
        first_row = starts[:-1][case]
        acc = columns.accepted_month[c0:c1].astype(np.int64)
        closing = (code > C_RESUMED) & (code != COLLECTED) & (code != C_REDUCED)
        reached = _within(np, closing.astype(np.int64), first_row) == 0
        reached &= (month <= last_day) & (acc[case] <= last_day)
        return e0, e1, code, month, case, first_row, acc, reached

    # the postponement columns (by ground and law), registered in the order of their
    # keys (ground, day) before any sum, so that the tables keep one width
    wanted = []
    for c0, c1 in blocks:
        e0, e1, code, _, _, _, _, reached = basics(c0, c1)
        postponed = (col_of[code] < 0) & reached
        rows = np.flatnonzero(postponed) + e0
        wanted.append(columns.ground[rows].astype(np.int64) * _DAYS + columns.day[rows])
    keys = np.unique(np.concatenate(wanted)) if wanted else np.zeros(0, dtype=np.int64)
    ground_col: dict[GroundColumn, int] = {}
    key_col = np.zeros(len(keys), dtype=np.int64)
    for u, key in enumerate(keys.tolist()):
        g, day = divmod(key, _DAYS)
        ground = (columns.grounds[g], _law_of(day))
        known = ground_col.get(ground)
        key_col[u] = _register(result, ground_col, ground) if known is None else known
    width = result.width
    tables = {year: [np.zeros(groups * 12 * width, dtype=np.int64) for _ in range(2)]
              for year, _, _ in lanes}  # fmt: skip
    present = {year: np.zeros(groups, dtype=bool) for year, _, _ in lanes}
    for c0, c1 in blocks:
        e0, e1, code, month, case, first_row, acc, reached = basics(c0, c1)
        count, owed = e1 - e0, owed_all[c0:c1]
        value = values[e0:e1].astype(np.int64)
        group = columns.group[c0:c1].astype(np.int64)
        rows = np.arange(count, dtype=np.int64)
        classifying = code <= C_RESUMED
        paying = (code == COLLECTED) | (code == C_REDUCED)
        closing = ~classifying & ~paying
        pay = np.where(paying, value, 0)
        col = col_of[code]
        postponed = np.flatnonzero(col < 0)
        if len(postponed):  # a key never reached has no column: in progress, as before
            key = columns.ground[postponed + e0].astype(np.int64) * _DAYS
            key += columns.day[postponed + e0]
            at = np.minimum(np.searchsorted(keys, key), max(len(keys) - 1, 0))
            found = (keys[at] == key) if len(keys) else np.zeros(len(key), dtype=bool)
            col[postponed] = np.where(found, key_col[at] if len(keys) else 0, _IN_PROGRESS_COL)
        # the status and the amount owed just before each event, and just after it
        upto = np.maximum.accumulate(np.where(classifying, rows, -1)) if count else rows
        before = np.concatenate(([-1], upto[:-1])) if count else rows
        status_before = np.where(before >= first_row, col[np.maximum(before, 0)], _IN_PROGRESS_COL)
        status_after = np.where(upto >= first_row, col[np.maximum(upto, 0)], _IN_PROGRESS_COL)
        paid_before = _within(np, pay, first_row)
        paid_after = paid_before + pay
        owed_before = owed[case] - paid_before
        row, money_col = row_of[code], money_col_of[code]  # where a closing event puts
        entrusted = code == C_ENTRUSTED  # the case and its money
        to = np.where(code == COLLECTED, COMPLETED, REDUCED)
        case_acc = acc[case]
        returned = code == C_REQUEST_RETURNED
        changed = (classifying & (col != status_before)) | closing  # a new status, or off
        case_into = np.where(closing, row, col)  # where the change puts the case
        money_into = np.where(closing, money_col, col)  # (entrusted: by year) and its money
        group_slot = group[case] * 12
        case_start = offsets[c0:c1] - e0  # each case's first event (in the block)
        if entrusted.any():  # by case, then month (events are in date order in a case)
            case_month = case * _MONTHS + month
            paid_count = paying.astype(np.int64)
            payments_before = np.cumsum(paid_count) - paid_count  # compared within a case
        for year, first, last in lanes:
            cases_t, money_t = tables[year]
            inside = reached & (month >= first) & (month <= last)
            if (inside & returned & (case_acc <= last)).any():
                raise _returned_request_unknown()
            earlier = month < first
            off = np.zeros(c1 - c0, dtype=bool)
            off[case[closing & earlier]] = True
            books = (acc <= last) & ~off
            k = np.bincount(case[earlier], minlength=c1 - c0)  # events before the year
            last_before = np.minimum(case_start + k - 1, max(count - 1, 0))
            has = k > 0
            start_status = np.where(
                has, status_after[last_before] if count else 0, _IN_PROGRESS_COL
            )
            start_owed = owed - np.where(has, paid_after[last_before] if count else 0, 0)
            on_books = np.flatnonzero(books)
            base = (group[on_books] * 12 + np.maximum(acc[on_books] - first, 0)) * width
            intake = base + np.where(acc[on_books] < first, CARRIED_OVER, NEW)
            status = base + start_status[on_books]
            np.add.at(cases_t, intake, 1)
            np.add.at(cases_t, status, 1)
            start = start_owed[on_books]
            np.add.at(money_t, intake, start)
            np.add.at(money_t, status, start)
            present[year][group[on_books]] = True
            inside &= books[case]
            at = np.flatnonzero(inside & paying)  # money: out of the status's row, into
            slot = (group_slot[at] + (month[at] - first)) * width  # completed or reduced
            np.add.at(money_t, slot + status_before[at], -value[at])
            np.add.at(money_t, slot + to[at], value[at])
            at = np.flatnonzero(inside & changed)  # a new status, or off the books
            slot = (group_slot[at] + (month[at] - first)) * width
            into = case_into[at]
            sent = at[entrusted[at]]  # entrusted: completed if money moved in the year
            if len(sent):  # before it: payments from the case's first event of the year
                year_from = np.searchsorted(case_month, case[sent] * _MONTHS + first)
                moved = payments_before[sent] - payments_before[year_from] > 0
                into[entrusted[at]] = np.where(moved, COMPLETED, ENTRUSTED)
            leaving, owed_then = slot + status_before[at], owed_before[at]
            np.add.at(cases_t, leaving, -1)
            np.add.at(cases_t, slot + into, 1)
            np.add.at(money_t, leaving, -owed_then)
            np.add.at(money_t, slot + money_into[at], owed_then)
    for year, _, _ in lanes:
        cases_rows = tables[year][0].reshape(groups, 12 * width)
        money_rows = tables[year][1].reshape(groups, 12 * width)
        for index in np.flatnonzero(present[year]).tolist():
            slot = (columns.labels[index], year)
            for table, sums in ((result.cases, cases_rows), (result.money, money_rows)):
                mine = sums[index].tolist()
                earlier = table.get(slot)  # labels are distinct; were two equal, both count
                table[slot] = (
                    mine if earlier is None else [a + b for a, b in zip(earlier, mine, strict=True)]
                )
    return result


def _within(np: Any, flags: Any, first_row: Any) -> Any:
    """How many of the events before each one, in its case, have ``flags`` (summed)."""
    before = np.cumsum(flags) - flags
    return before - before[first_row]


_BLOCK_EVENTS: Final = 1 << 17
"""Events :func:`sweep_columns` takes at a time (whole cases). Arrays of a block's size are
reused by the allocator; arrays of all the events would each be mapped afresh, and on a
large file the page faults cost more than the arithmetic."""


def _case_blocks(np: Any, offsets: Any, size: int) -> list[tuple[int, int]]:
    """Ranges of cases [c0, c1) of about ``size`` events each (a case is never cut; a
    case with more events is a block of its own)."""
    n = len(offsets) - 1
    blocks: list[tuple[int, int]] = []
    c0 = 0
    while c0 < n:
        c1 = int(np.searchsorted(offsets, offsets[c0] + size, side="right")) - 1
        c1 = min(max(c1, c0 + 1), n)
        blocks.append((c0, c1))
        c0 = c1
    return blocks


_MONTHS: Final = 1 << 20
"""More than any month serial: keys (case, month) as case * _MONTHS + month."""
_DAYS: Final = 4_000_000
"""More than any day ordinal: keys (ground, day) as ground * _DAYS + day."""


def _returned_request_unknown() -> RuleNotAvailableError:
    return RuleNotAvailableError(
        "a request returned to the creditor (Decree 152/2026 Art. 22(2)) falls in a period "
        "being counted, and how the statistics count it is not known to thads "
        "(docs/sources/statistics.md gives no row); report periods before it, or after it (the "
        "case is then off the books)"
    )


def _register(
    result: Sweep,
    ground_col: dict[GroundColumn, int],
    key: GroundColumn,
) -> int:
    """A new column for postponements on a ground under a law; widens the tables when full."""
    col = _FIRST_GROUND_COL + len(result.grounds)
    result.grounds.append(key)
    ground_col[key] = col
    if col >= result.width:
        result._grow(result.width * 2)
    return col


def compiled(case: Case) -> CompiledCase:
    """The engine's view of a :class:`Case`."""
    return CompiledCase(
        case.case_id,
        case.office,
        case.executor,
        str(case.mode),
        str(case.judgment.kind),
        str(case.creditor),
        case.timeline,
    )


def tally_periods(
    cases: Iterable[Case],
    periods: Sequence[StatisticalPeriod],
    key: Callable[[Case], GroupKey],
    *,
    regime: Regime | None = None,
    progress: Callable[[int], None] | None = None,
    progress_every: int = 10_000,
) -> dict[StatisticalPeriod, dict[GroupKey, TallyPair]]:
    """Tally every period in ``periods`` per group ``key(case)``, in one sweep over ``cases``.

    ``regime`` overrides the regime chosen by date for every period.
    """
    chosen = {p: regime or regime_for(p) for p in dict.fromkeys(periods)}
    swept = sweep(
        ((key(case), case.timeline) for case in cases),
        [p.year for p in chosen],
        progress=progress,
        progress_every=progress_every,
    )
    return swept.tallies(chosen)


__all__ = [
    "GroupKey",
    "KeyFunction",
    "Placement",
    "Sweep",
    "TallyPair",
    "compiled",
    "place_case",
    "placement",
    "statistical_year_months",
    "sweep",
    "sweep_columns",
    "tally_periods",
]
