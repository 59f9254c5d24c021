"""Every figure explained by its cases (giải trình số liệu theo từng việc).

An :class:`Explanation` lists the cases behind one figure of one report row, each with its
contribution (1 case, or its đồng), and the contributions add up exactly to the printed
figure. The cases are placed by the engine's :func:`~thads.count.place_case` (the
specification the sweep is held to) under the report's regime, and grouped by the
report's own rollup: no second counting. A figure's contribution of one case is the
regime's form row of that case's own one-case tally (``Regime.form_rows``), so derived
rows (accepted, to enforce, with conditions, resolved, carried forward) and the regime's
options (which postponements count with conditions, which money rows are resolved) are
the regime's, as in the report.

:func:`difference` compares two explanations of the same figure (this month against last
month, this year against last): the cases that entered it, left it or changed their
contribution, each with the events that moved them between the two period ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

import attrs

from thads.count._engine import place_case
from thads.errors import InvalidRecordError, ThadsError
from thads.records import KINDS, CompiledCase, Timeline
from thads.rules import FORM_ROWS, Regime, Unit
from thads.values import StatisticalPeriod, Tally

if TYPE_CHECKING:  # annotations only: _report imports this module
    from thads.count._report import ReportRow

Which = Literal["current", "previous"]
"""The period of a report row: its own (kỳ này) or the same period last year (cùng kỳ)."""

EXPLAINED_ROWS: Final[tuple[str, ...]] = FORM_ROWS
"""Rows that can be explained: every row of the result form, primitive and derived."""

_PRIMITIVE: Final = Tally.PRIMITIVE
_CARRIED_OVER: Final = _PRIMITIVE.index("carried_over")


class Contribution(NamedTuple):
    """One case's part in a figure: 1 (a case) or its đồng, with the row its case is in."""

    case_id: str
    office: str
    executor: str
    amount: int
    """What the case adds to the figure: 1 case, or money in đồng."""
    case_row: str
    """The row the case itself is counted in (e.g. ``in_progress``, ``completed``)."""
    carried_over: bool
    """Carried over from the year before (năm trước chuyển sang), else new (thụ lý mới)."""


@attrs.frozen
class Explanation:
    """The cases behind one figure of one report row, adding up to the figure."""

    code: str
    name: str
    row: str
    unit: Unit
    which: Which
    period: StatisticalPeriod
    regime: Regime
    figure: int
    """The figure as the report prints it; :attr:`total` of the contributions equals it."""
    items: tuple[Contribution, ...]
    timelines: Mapping[str, Timeline] = attrs.field(
        factory=lambda: MappingProxyType({}), eq=False, repr=False
    )
    """The timeline of each listed case (and maybe of others), for :func:`difference`."""

    @property
    def total(self) -> int:
        """The sum of the contributions (equal to :attr:`figure`)."""
        return sum(item.amount for item in self.items)

    def rows(self) -> list[list[object]]:
        """A heading line, one line per case, and the total line (the figure)."""
        heading: list[object] = ["case_id", "office", "executor", "case_row", self.unit]
        lines: list[list[object]] = [heading]
        for item in self.items:
            lines.append([item.case_id, item.office, item.executor, item.case_row, item.amount])
        lines.append([f"total ({len(self.items)} cases)", "", "", "", self.total])
        return lines


@attrs.frozen
class EventNote:
    """An event of a case between two period ends (what moved it)."""

    day: date
    kind: str
    amount: int
    ground: str | None


@attrs.frozen
class Moved:
    """A case whose contribution to a figure changed between two explanations."""

    case_id: str
    office: str
    executor: str
    before: int
    after: int
    row_before: str | None
    """The case's row in the earlier period (None: not on the books then)."""
    row_after: str | None
    """The case's row in the later period (None: not on the books then)."""
    events: tuple[EventNote, ...]
    """Its events after the earlier period's end, up to the later one's (``accepted``
    stands for its acceptance when that falls between them)."""

    @property
    def change(self) -> int:
        """after − before."""
        return self.after - self.before


@attrs.frozen
class Difference:
    """How a figure went from ``earlier`` to ``later``: the cases that moved it.

    ``later.figure − earlier.figure`` equals the sum of the changes of :attr:`moved`.
    """

    earlier: Explanation
    later: Explanation
    moved: tuple[Moved, ...]

    @property
    def entered(self) -> tuple[Moved, ...]:
        """Cases in the later figure that were not in the earlier one."""
        return tuple(m for m in self.moved if m.before == 0)

    @property
    def left(self) -> tuple[Moved, ...]:
        """Cases of the earlier figure that are not in the later one."""
        return tuple(m for m in self.moved if m.after == 0)

    @property
    def changed(self) -> tuple[Moved, ...]:
        """Cases in both figures whose contribution changed (money)."""
        return tuple(m for m in self.moved if m.before and m.after)


def _one_case_tally(placed: tuple[int, int, list[int]], unit: Unit) -> Tally:
    intake, row, money = placed
    if unit == "money":
        return Tally(**dict(zip(_PRIMITIVE, money, strict=True)))
    counts = [0] * len(_PRIMITIVE)
    counts[intake] += 1
    counts[row] += 1
    return Tally(**dict(zip(_PRIMITIVE, counts, strict=True)))


def case_figures(placed: tuple[int, int, list[int]], unit: Unit, regime: Regime) -> dict[str, int]:
    """One placed case's figures on the form (its one-case tally, as the regime prints it)."""
    return regime.form_rows(_one_case_tally(placed, unit), unit)


def _check_row(row: str, unit: str) -> None:
    if row not in EXPLAINED_ROWS:
        raise InvalidRecordError(
            "explain", "row", f"unknown row {row!r}; rows: {', '.join(EXPLAINED_ROWS)}"
        )
    if unit not in ("cases", "money"):
        raise InvalidRecordError("explain", "unit", f"{unit!r}; use 'cases' or 'money'")


def explained(
    line: ReportRow,
    row: str,
    unit: Unit,
    which: Which,
    period: StatisticalPeriod,
    regime: Regime,
    cases: Iterable[tuple[CompiledCase, tuple[int, int, list[int]], Mapping[str, int]]],
    timelines: Mapping[str, Timeline] | None = None,
) -> Explanation:
    """The explanation of ``row`` of report row ``line`` from its placed cases.

    Raises :class:`ThadsError` if the contributions do not add up to the report's figure
    (the cases are not the ones the report was counted from). Each case comes with its
    placement and its figures (:func:`case_figures`); ``timelines``: the cases' timelines
    by case_id if already at hand (read-only, shared), else gathered here.
    """
    _check_row(row, unit)
    pair = line.current if which == "current" else line.previous
    assert pair is not None
    figure = regime.form_rows(pair.cases if unit == "cases" else pair.money, unit)[row]
    items: list[Contribution] = []
    gathered: dict[str, Timeline] = {}
    for case, placed, figures in cases:
        amount = figures[row]
        if amount:
            items.append(
                Contribution(
                    case.case_id,
                    case.office,
                    case.executor,
                    amount,
                    _PRIMITIVE[placed[1]],
                    placed[0] == _CARRIED_OVER,
                )
            )
            if timelines is None:
                gathered[case.case_id] = case.timeline
    items.sort(key=lambda item: item.case_id)
    result = Explanation(
        line.code,
        line.name,
        row,
        unit,
        which,
        period,
        regime,
        figure,
        tuple(items),
        MappingProxyType(gathered) if timelines is None else timelines,
    )
    if result.total != figure:
        raise ThadsError(
            f"the cases give {result.total} for {row} ({unit}) of {line.code} but the report "
            f"says {figure}: explain with the cases and offices the report was counted from"
        )
    return result


def _case_row(timeline: Timeline, period: StatisticalPeriod, regime: Regime) -> str | None:
    placed = place_case(timeline, period.start, period.end, regime)
    return None if placed is None else _PRIMITIVE[placed[1]]


def _events_between(timeline: Timeline, after: date, until: date) -> tuple[EventNote, ...]:
    first, last = after.toordinal(), until.toordinal()
    notes: list[EventNote] = []
    if first < timeline.accepted <= last:
        notes.append(EventNote(timeline.accepted_on, "accepted", timeline.amount, None))
    for step in timeline.steps:
        if first < step.day <= last:
            notes.append(
                EventNote(
                    date.fromordinal(step.day), str(KINDS[step.code]), step.amount, step.ground
                )
            )
    return tuple(notes)


def difference(earlier: Explanation, later: Explanation) -> Difference:
    """Which cases entered, left or changed a figure between two explanations, and why.

    Both explain the same row and unit of the same report row code (e.g. an office's
    ``completed`` in the report of month 2 and of month 3, or ``which="previous"`` and
    ``"current"`` of one report); ``later`` ends after ``earlier``. Each moved case lists
    its events after the end of the earlier period, up to the end of the later one.
    """
    for field in ("code", "row", "unit"):
        if getattr(earlier, field) != getattr(later, field):
            raise InvalidRecordError(
                "difference",
                field,
                f"the two explanations differ in {field}: {getattr(earlier, field)!r} and "
                f"{getattr(later, field)!r}; compare one figure at two dates",
            )
    if later.period.end <= earlier.period.end:
        raise InvalidRecordError(
            "difference",
            "later",
            f"the later explanation ({later.period.label}) must end after the earlier one "
            f"({earlier.period.label})",
        )
    before = {item.case_id: item for item in earlier.items}
    after = {item.case_id: item for item in later.items}
    moved: list[Moved] = []
    for case_id in sorted(before.keys() | after.keys()):
        old, new = before.get(case_id), after.get(case_id)
        then = 0 if old is None else old.amount
        now = 0 if new is None else new.amount
        if then == now:
            continue
        timeline = (later.timelines if new is not None else earlier.timelines)[case_id]
        some = new if new is not None else old
        assert some is not None
        moved.append(
            Moved(
                case_id,
                some.office,
                some.executor,
                then,
                now,
                old.case_row
                if old is not None
                else _case_row(timeline, earlier.period, earlier.regime),
                new.case_row
                if new is not None
                else _case_row(timeline, later.period, later.regime),
                _events_between(timeline, earlier.period.end, later.period.end),
            )
        )
    return Difference(earlier, later, tuple(moved))


__all__ = [
    "EXPLAINED_ROWS",
    "Contribution",
    "Difference",
    "EventNote",
    "Explanation",
    "Moved",
    "Which",
    "case_figures",
    "difference",
    "explained",
]
