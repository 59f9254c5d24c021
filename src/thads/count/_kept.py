"""The cases kept behind a report (``keep_cases=True``) and the explanation of a figure.

Cases are placed by :func:`~thads.count.place_case` and rolled up by the report's own
:func:`~thads.count.rollup` (tree, day, row codes), so an explanation lists exactly the
cases the report counted in a row. Cases of an office the office tree does not know are
held out here (:class:`Gate`), for the report and its explanations alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from thads.count._engine import GroupKey, compiled, place_case
from thads.count._explain import Explanation, Which, case_figures, explained
from thads.count._rollup import GroupFunction, executor_code_map, group_key, rollup
from thads.errors import InvalidRecordError
from thads.read import CaseReader
from thads.records import NATIONAL_CODE, Case, CompiledCase, Office, OfficeTree, Timeline
from thads.rules import Regime, Unit
from thads.values import StatisticalPeriod

if TYPE_CHECKING:  # annotations only: _report imports this module
    from thads.count._report import Report


@attrs.frozen
class KeptCases:
    """The cases a report was counted from, kept for :meth:`Report.explain`.

    With the office tree, the grouping and the executor row codes of the report, so an
    explanation places and rolls up the cases exactly as the report did.
    """

    cases: tuple[CompiledCase, ...]
    tree: OfficeTree | None
    key: GroupFunction
    executor_codes: Mapping[GroupKey, str]
    memo: dict[object, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    """Placements, row members and case figures already worked out, by period and regime."""


class Gate:
    """Holds out the cases of offices that the office tree does not know (rejected rows).

    Such a case cannot be placed under a province, so it is not counted. Read by a
    reader (:meth:`through`), its case row and its events are rejected rows of the
    reader's files, each at its line (code ``office.not_in_tree``; a strict reader raises
    :class:`~thads.read.RowError`); given as Python objects (:meth:`filter`), the case is
    counted in :attr:`held` only. :attr:`held` counts the cases held out, by office.
    """

    def __init__(self, tree: OfficeTree) -> None:
        self.tree = tree
        self.held: dict[str, int] = {}

    def __contains__(self, office: object) -> bool:
        return office in self.tree or office == NATIONAL_CODE

    def filter(self, stream: Iterable[CompiledCase]) -> Iterator[CompiledCase]:
        for case in stream:
            if case.office in self:
                yield case
                continue
            self.held[case.office] = self.held.get(case.office, 0) + 1

    def through(self, reader: CaseReader) -> Iterator[CompiledCase]:
        """The cases of ``reader`` in offices of the tree; the others rejected by it."""
        try:
            yield from reader.compiled(offices=self)
        finally:
            for office, count in reader.held_offices.items():
                self.held[office] = self.held.get(office, 0) + count


# --- explaining a figure by its cases (the placement and rollup of the report) ----------


@attrs.frozen
class _Members:
    """Positions of cases in a rollup: adds by joining (chunks, so parents stay cheap)."""

    chunks: tuple[tuple[int, ...], ...] = ()

    def __add__(self, other: _Members) -> _Members:
        return _Members(self.chunks + other.chunks)


def explain_kept(
    report: Report, kept: KeptCases, code: str, row: str, unit: Unit, which: Which
) -> Explanation:
    """Each kept case placed in the period (``place_case``), rolled up to the report's rows
    by :func:`rollup` with the report's tree, day and row codes: the cases of row ``code``."""
    try:
        line = report.row(code)
    except KeyError:
        raise InvalidRecordError(
            "explain", "code", f"no row {code!r} in the report ({report.period.label})"
        ) from None
    if which not in ("current", "previous"):
        raise InvalidRecordError("explain", "which", f"{which!r}; use 'current' or 'previous'")
    regime = line.regime if which == "current" else line.previous_regime
    if regime is None:
        raise InvalidRecordError(
            "explain", "which", "the report has no same period last year (no regime known for it)"
        )
    period = report.period if which == "current" else report.period.same_period_last_year()
    slot = (period, id(regime), report.by, report.drawn_on)
    if slot not in kept.memo:
        kept.memo[slot] = _placed_members(report, kept, period, regime)
    placed, members, figures = kept.memo[slot]
    if unit not in figures:
        figures[unit] = {i: case_figures(where, unit, regime) for i, where in placed.items()}
    of_unit = figures[unit]
    return explained(
        line,
        row,
        unit,
        which,
        period,
        regime,
        ((kept.cases[i], placed[i], of_unit[i]) for i in members.get(code, ())),
        _timelines(kept),
    )


def _timelines(kept: KeptCases) -> Mapping[str, Timeline]:
    """Every kept case's timeline by case_id (built once, shared by the explanations)."""
    found: Mapping[str, Timeline] | None = kept.memo.get("timelines")
    if found is None:
        found = kept.memo["timelines"] = MappingProxyType(
            {case.case_id: case.timeline for case in kept.cases}
        )
    return found


def _placed_members(
    report: Report, kept: KeptCases, period: StatisticalPeriod, regime: Regime
) -> tuple[dict[int, tuple[int, int, list[int]]], dict[str, list[int]], dict[str, Any]]:
    """Each kept case placed in ``period`` and the cases under each report row."""
    placed: dict[int, tuple[int, int, list[int]]] = {}
    table: dict[GroupKey, _Members] = {}
    for index, case in enumerate(kept.cases):
        where = place_case(case.timeline, period.start, period.end, regime)
        if where is None:
            continue
        placed[index] = where
        group = kept.key(case)
        table[group] = table.get(group, _Members()) + _Members(((index,),))
    nodes = rollup(
        table,
        report.by,
        tree=kept.tree,
        day=report.drawn_on,
        empty=_Members(),
        executor_codes=kept.executor_codes,
    )
    members = {node.code: sorted(i for c in node.value.chunks for i in c) for node in nodes}
    return placed, members, {}


def explain(
    cases: Iterable[Case] | CaseReader,
    report: Report,
    code: str,
    row: str,
    *,
    unit: Unit = "cases",
    which: Which = "current",
    offices: OfficeTree | Iterable[Office] | None = None,
) -> Explanation:
    """The cases behind one figure of ``report``, from the cases it was counted from.

    For a report made without ``keep_cases=True``: give the same cases and the same
    ``offices`` as the report had. The contributions must add up to the report's figure;
    if they do not (other cases, another tree), a :class:`~thads.errors.ThadsError` says so.
    """
    tree = offices if isinstance(offices, OfficeTree) or offices is None else OfficeTree.of(offices)
    key = group_key(report.by, tree)
    stream: Iterable[CompiledCase] = (
        cases.compiled() if isinstance(cases, CaseReader) else (compiled(c) for c in cases)
    )
    if tree is not None and report.by in ("office", "executor", "province"):
        stream = Gate(tree).filter(stream)
    kept_cases = tuple(stream)
    codes: Mapping[GroupKey, str] = {}
    if report.by == "executor":
        groups = set()
        for period, regime in _spans(report):
            for case in kept_cases:
                if place_case(case.timeline, period.start, period.end, regime) is not None:
                    groups.add(key(case))
        codes = executor_code_map(groups)
    kept = KeptCases(kept_cases, tree, key, MappingProxyType(dict(codes)))
    return explain_kept(report, kept, code, row, unit, which)


def _spans(report: Report) -> list[tuple[StatisticalPeriod, Regime]]:
    """The periods a report counts (its own, and its same period last year if any)."""
    total = report.total
    spans = [(report.period, total.regime)]
    if total.previous_regime is not None:
        spans.append((report.period.same_period_last_year(), total.previous_regime))
    return spans


__all__ = ["Gate", "KeptCases", "explain", "explain_kept"]
