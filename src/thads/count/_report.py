"""Reports (báo cáo kết quả thi hành án): tallies, rates, quota, same period, rollup.

A parent's rows are the sums of its children's; its rates are recomputed from the
summed rows, never averaged (docs/sources/statistics.md §8).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Generic, Literal, Protocol, TypeVar

import attrs

from thads.count import _report_json
from thads.count._engine import GroupKey, Sweep, TallyPair, compiled, sweep
from thads.count._ranking import Ranking, rank_report
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.read import CaseReader, FileCount, RejectedRow
from thads.records import (
    CREDITOR_ALIASES,
    JUDGMENT_KIND_ALIASES,
    MODE_ALIASES,
    NATIONAL_CODE,
    Case,
    CompiledCase,
    Office,
    OfficeLevel,
    OfficeTree,
    Timeline,
    ancestor_chain,
    not_in_force,
    redraw,
)
from thads.rules import Regime, Unit, regime_for
from thads.values import Attainment, Change, Points, Quota, Rate, StatisticalPeriod, Tally


class _Addable(Protocol):
    def __add__(self: _V, other: _V, /) -> _V: ...


_V = TypeVar("_V", bound=_Addable)
_T = TypeVar("_T")

GroupBy = Literal["office", "executor", "province", "national", "mode", "judgment_kind", "creditor"]
GROUPINGS: tuple[str, ...] = (
    "office",
    "executor",
    "province",
    "national",
    "mode",
    "judgment_kind",
    "creditor",
)


@attrs.frozen
class ReportRow:
    """One line of a report: an office, an executor or another group, with its figures."""

    code: str
    name: str
    level: OfficeLevel | None
    depth: int
    current: TallyPair
    previous: TallyPair | None
    regime: Regime
    previous_regime: Regime | None
    quota: Quota | None = None

    def tally(self, unit: Unit) -> Tally:
        """The tally of this period by cases (việc) or money (tiền)."""
        return self.current.cases if unit == "cases" else self.current.money

    def figures(self, unit: Unit) -> dict[str, int]:
        """The rows of the result form (:data:`~thads.rules.FORM_ROWS`) under the regime.

        ``enforceable`` and ``resolved`` are the regime's, so :meth:`rate` is always
        ``resolved / enforceable`` of these figures.
        """
        return self.regime.form_rows(self.tally(unit), unit)

    def enforceable(self, unit: Unit) -> int:
        """With conditions (có điều kiện thi hành) under the regime: the rate's denominator."""
        return self.regime.enforceable(self.tally(unit), unit)

    def resolved(self, unit: Unit) -> int:
        """Resolved (giải quyết xong) under the regime: the rate's numerator."""
        return self.regime.resolved(self.tally(unit), unit)

    def rate(self, unit: Unit) -> Rate | None:
        """Resolution rate (tỷ lệ thi hành xong) by cases or money under the regime."""
        return self.regime.rate(self.tally(unit), unit)

    def previous_rate(self, unit: Unit) -> Rate | None:
        """The rate of the same period last year (cùng kỳ), None if not counted."""
        if self.previous is None or self.previous_regime is None:
            return None
        tally = self.previous.cases if unit == "cases" else self.previous.money
        return self.previous_regime.rate(tally, unit)

    def rate_change(self, unit: Unit) -> Points | None:
        """Points of the rate over the same period last year (± cùng kỳ)."""
        now, before = self.rate(unit), self.previous_rate(unit)
        return None if now is None or before is None else now - before

    def quota_target(self, unit: Unit) -> Decimal | None:
        """The quota's target percent (chỉ tiêu) for ``unit``, None without a quota."""
        if self.quota is None:
            return None
        return self.quota.cases if unit == "cases" else self.quota.money

    def quota_points(self, unit: Unit) -> Points | None:
        """Points over (+) or under (−) the quota (vượt / thiếu chỉ tiêu)."""
        target, rate = self.quota_target(unit), self.rate(unit)
        return None if target is None or rate is None else rate.points_over(target)

    def progress(self, unit: Unit, months: int) -> Points | None:
        """Tiến độ: the rate against the pro-rata quota of ``months`` (rate − target × n/12)."""
        rate = self.rate(unit)
        if self.quota is None or rate is None:
            return None
        return self.quota.progress(rate, months, by=unit)

    def needed(self, unit: Unit) -> int | None:
        """Cases or đồng still to resolve by the year's end to reach the quota.

        ``max(0, ⌈target × enforceable⌉ − resolved)`` with the regime's figures, if the
        enforceable figure stays as it is (cần giải quyết thêm để đạt chỉ tiêu); None
        without a quota.
        """
        if self.quota is None:
            return None
        return self.quota.needed(unit, self.enforceable(unit), self.resolved(unit))

    def change(self, row: str, *, unit: Unit = "cases") -> Change | None:
        """Change of a row (e.g. ``"new"``) against the same period last year, if counted."""
        if self.previous is None:
            return None
        now = getattr(getattr(self.current, unit), row)
        before = getattr(getattr(self.previous, unit), row)
        return Change(now, before)

    @property
    def attainment(self) -> Attainment | None:
        """Points over or under the quota (None when no quota applies)."""
        if self.quota is None:
            return None
        return Attainment(cases=self.quota_points("cases"), money=self.quota_points("money"))


@attrs.frozen
class Report:
    """A report for one period: rows in tree order, the first being the total."""

    period: StatisticalPeriod
    by: str
    rows: tuple[ReportRow, ...]
    drawn_on: date | None = None
    """The day of the office tree the rows are drawn on (None: no tree given)."""

    @property
    def total(self) -> ReportRow:
        """The row of the whole (toàn quốc / the root of the rows)."""
        return self.rows[0]

    def row(self, code: str) -> ReportRow:
        """The row with this code; KeyError if absent."""
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)

    def rank(
        self,
        by: str = "case_rate",
        *,
        level: OfficeLevel = OfficeLevel.PROVINCE,
        unit: Literal["cases", "money"] = "cases",
    ) -> Ranking:
        """Rank the rows of one level (xếp hạng), best first, ties sharing a rank."""
        return rank_report(self, by=by, level=level, unit=unit)

    def check(self) -> Report:
        """Check the identities of every row."""
        for row in self.rows:
            row.current.check()
            if row.previous is not None:
                row.previous.check()
        return self

    # The JSON layout lives in _report_json (one writer, one reader).
    def to_dict(self) -> dict[str, object]:
        """Plain data in the ``thads-report`` v2 layout (see ``docs/output.md``)."""
        return _report_json.to_dict(self)

    def to_json(self) -> str:
        """JSON text that :meth:`from_json` reads back to an equal report."""
        return _report_json.to_json(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Report:
        """Read :meth:`to_dict` data back, checking its figures."""
        return _report_json.from_dict(data, report_type=cls, row_type=ReportRow)

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        """Read :meth:`to_json` text back, checking its figures."""
        return _report_json.from_json(text, report_type=cls, row_type=ReportRow)


def _quota_lookup(quotas: list[Quota], year: int) -> Callable[[list[str]], Quota | None]:
    by_office: dict[str | None, Quota] = {}
    for quota in quotas:
        if quota.year != year:
            continue
        if quota.office in by_office and by_office[quota.office] != quota:
            raise InvalidRecordError(
                f"quota {year}",
                "office",
                f"two different quotas of year {year} for {quota.office or 'all offices'}: "
                f"{by_office[quota.office]} and {quota}",
            )
        by_office[quota.office] = quota

    def find(chain: list[str]) -> Quota | None:
        for code in chain:
            if code in by_office:
                return by_office[code]
        return by_office.get(None)

    return find


GroupFunction = Callable[[CompiledCase], GroupKey]


def group_key(by: str, tree: OfficeTree | None) -> GroupFunction:
    """The group of a case under ``by``; executors are grouped with their office."""
    if by == "office":
        return lambda case: case.office
    if by == "executor":
        return lambda case: (case.office, case.executor)
    if by == "national":
        return lambda case: NATIONAL_CODE
    if by == "mode":
        return lambda case: case.mode
    if by == "judgment_kind":
        return lambda case: case.judgment_kind
    if by == "creditor":
        return lambda case: case.creditor
    if by == "province":
        if tree is None:
            raise InvalidRecordError(
                "report", "by", "grouping by province needs the office tree (offices=...)"
            )
        provinces: dict[str, str | None] = {}

        def province(case: CompiledCase) -> str:
            code = provinces.get(case.office, "")
            if code == "":
                code = provinces[case.office] = tree.at_level(case.office, OfficeLevel.PROVINCE)
            if code is None:
                raise InvalidRecordError(
                    f"case {case.case_id}", "office", f"office {case.office!r} has no province"
                )
            return code

        return province
    raise InvalidRecordError(
        "report", "by", f"unknown grouping {by!r}; use one of {', '.join(GROUPINGS)}"
    )


_GROUP_NAMES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "mode": MODE_ALIASES,
    "judgment_kind": JUDGMENT_KIND_ALIASES,
    "creditor": CREDITOR_ALIASES,
}
"""Vietnamese names of the rows of the groupings that are not offices (the first alias)."""


class _Parents:
    """Parent links for rollup: from the tree if given, else implied by the groups."""

    def __init__(
        self,
        tree: OfficeTree | None,
        executors: Iterable[tuple[str, str]] = (),
        day: date | None = None,
    ) -> None:
        self.tree = tree
        self.day = day  # parents are the offices in force that day (dated tree)
        self.implied: dict[str, str] = {}
        self.offices: set[str] = set()
        for office, executor in sorted(executors):
            if tree is None or executor not in tree:
                self.implied.setdefault(executor, office)
                self.offices.add(office)

    def parent(self, code: str) -> str | None:
        if code == NATIONAL_CODE:
            return None
        if self.tree is not None and code in self.tree:
            return self.tree.parent(code, on=self.day) or NATIONAL_CODE
        if code in self.implied and code in self.offices:
            raise InvalidRecordError(
                f"executor {code}",
                "executor",
                "the same code is also an office code; pass an office tree to roll up",
            )
        implied = self.implied.get(code, NATIONAL_CODE)
        if self.tree is not None and self.day is not None and implied in self.tree:
            return self.tree.successor(implied, on=self.day)
        return implied

    def chain(self, code: str, *, flat: bool = False) -> list[str]:
        """``code`` and its ancestors up to the total row (toàn bộ), nearest first.

        ``flat``: groups that are not offices hang straight under the total.
        """
        if code == NATIONAL_CODE:
            return [code]
        if flat:
            return [code, NATIONAL_CODE]
        return [code, *ancestor_chain(code, self.parent)]

    def describe(self, code: str, by: str) -> tuple[str, OfficeLevel | None]:
        if code == NATIONAL_CODE:
            return "Toàn bộ", OfficeLevel.NATIONAL
        office: Office | None = self.tree.get(code) if self.tree is not None else None
        if office is not None:
            return office.name, office.level
        if by == "executor" and code in self.implied:
            return code, OfficeLevel.EXECUTOR
        if by == "province":
            return code, OfficeLevel.PROVINCE
        names = _GROUP_NAMES.get(by)
        if names is not None and code in names:
            return names[code][0].capitalize(), None  # e.g. "Chủ động", "Dân sự"
        return code, None


Source = Iterable[Case] | CaseReader


class Collector(Protocol):
    """What :func:`report` feeds in its own pass (``thads.metrics.MetricsCollector`` is one).

    ``entries`` sees each compiled case on its way to the sweep; a fresh collector of the
    same ranges gathers each shard, and ``merge`` adds a shard's gatherings back.
    """

    ranges: Any

    def entries(
        self, stream: Iterable[CompiledCase], key: GroupFunction
    ) -> Iterator[tuple[GroupKey, Timeline]]: ...

    def merge(self, other: Any) -> None: ...


def _entries(
    cases: Source, key: GroupFunction, collector: Collector | None = None
) -> Iterator[tuple[GroupKey, Timeline]]:
    stream: Iterable[CompiledCase] = (
        cases.compiled() if isinstance(cases, CaseReader) else (compiled(c) for c in cases)
    )
    if collector is not None:  # the metrics see each case as it passes to the sweep
        yield from collector.entries(stream, key)
        return
    for entry in stream:
        yield key(entry), entry.timeline


_FORKED: tuple[Source, GroupFunction, list[int], int, Collector | None] | None = None
"""What the worker processes of a sharded sweep read (inherited when they fork)."""


def _shard(
    index: int,
) -> tuple[Sweep, dict[str, FileCount], list[RejectedRow], Collector | None]:
    assert _FORKED is not None
    cases, key, years, jobs, metrics = _FORKED
    collector = None if metrics is None else type(metrics)(metrics.ranges)
    if isinstance(cases, CaseReader):
        reader = cases.shard(index, jobs)
        swept = sweep(_entries(reader, key, collector), years)
        return swept, reader.counts, reader.rejected, collector
    part = list(cases)[index::jobs]
    return sweep(_entries(part, key, collector), years), {}, [], collector


def _sharded_sweep(
    cases: Source,
    key: GroupFunction,
    years: list[int],
    jobs: int,
    metrics: Collector | None = None,
) -> Sweep:
    """Sweep ``cases`` in ``jobs`` processes (standard library) and add the shards up."""
    global _FORKED
    if not isinstance(cases, CaseReader) and not isinstance(cases, Sequence):
        cases = list(cases)  # a one-shot iterable is read once, here
    _FORKED = (cases, key, years, jobs, metrics)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_shard, range(jobs))
    finally:
        _FORKED = None
    total = Sweep(tuple(sorted(set(years))))
    if isinstance(cases, CaseReader):
        cases.counts, cases.rejected = {}, []
    for swept, counts, rejected, collected in parts:
        total.merge(swept)
        if metrics is not None and collected is not None:
            metrics.merge(collected)
        if isinstance(cases, CaseReader):
            shard = cases.shard(0, 1)
            shard.counts, shard.rejected = counts, rejected
            cases.absorb(shard)
    return total


def reports(
    cases: Iterable[Case] | CaseReader,
    periods: Iterable[StatisticalPeriod],
    *,
    by: GroupBy = "office",
    quotas: Quota | Iterable[Quota] | None = None,
    offices: OfficeTree | Iterable[Office] | None = None,
    regime: Regime | None = None,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    metrics: Collector | None = None,
) -> dict[StatisticalPeriod, Report]:
    """Reports for several periods (and their same periods last year) in one sweep.

    The regime of each period (and of its same period last year) is resolved here,
    once; ``regime`` forces one for all. ``jobs=N`` shards the cases over N processes
    (tallies add exactly, so the result is the same as with one); it needs the ``fork``
    start method (Linux), and a one-shot iterable of cases is first read into a list.
    ``metrics``: a :class:`thads.metrics.Collector` that gathers its date ranges'
    metrics in the same pass over the cases (read them with
    :func:`thads.metrics.collected`).
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InvalidRecordError("report", "jobs", f"must be a whole number >= 1, got {jobs!r}")
    wanted = list(dict.fromkeys(periods))
    for period in wanted:
        if not isinstance(period, StatisticalPeriod):
            raise InvalidRecordError(
                "report",
                "period",
                f"give a StatisticalPeriod (e.g. StatisticalPeriod(2023) or "
                f"StatisticalPeriod(2023, 9)), not {type(period).__name__} {period!r}",
            )
    tree = offices if isinstance(offices, OfficeTree) or offices is None else OfficeTree.of(offices)
    key = group_key(by, tree)
    regimes = {p: regime or regime_for(p) for p in wanted}  # raises if unknown
    previous = {p: _previous_regime(p, regime) for p in wanted}
    spans: dict[StatisticalPeriod, Regime] = dict(regimes)
    for p in wanted:
        earlier = previous[p]
        if earlier is not None:
            spans.setdefault(p.same_period_last_year(), earlier)
    years = sorted({p.year for p in spans})
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        swept = _sharded_sweep(cases, key, years, jobs, metrics)
    else:
        swept = sweep(
            _entries(cases, key, metrics), years, progress=progress, progress_every=10_000
        )
    tallies = swept.tallies(spans)
    codes = _executor_codes({g for t in tallies.values() for g in t}) if by == "executor" else {}
    quota_list = [quotas] if isinstance(quotas, Quota) else list(quotas or [])
    empty = TallyPair()
    out: dict[StatisticalPeriod, Report] = {}
    for period in wanted:
        before_regime = previous[period]
        now = tallies[period]
        then = {} if before_regime is None else tallies[period.same_period_last_year()]
        table = {g: _Both(now.get(g, empty), then.get(g, empty)) for g in {*now, *then}}
        day = None if tree is None else period.end  # both years drawn on this day's tree
        if tree is not None and by in ("office", "executor", "province"):
            _warn_quotas_not_in_force(quota_list, tree, period.end, period.year)
        nodes = rollup(
            table, by, tree=tree, day=day, empty=_Both(empty, empty), executor_codes=codes
        )
        rows = _rows(nodes, by, period, quota_list, regimes[period], before_regime)
        out[period] = Report(period=period, by=by, rows=rows, drawn_on=day)
    return out


def _leaves(
    table: Mapping[GroupKey, _V], by: str, executor_codes: Mapping[GroupKey, str]
) -> dict[str, _V]:
    """Values by the code of the report row; no group may take the total row's code."""
    out: dict[str, _V] = {}
    for group, value in table.items():
        if by == "national":
            code = NATIONAL_CODE
        else:
            code = executor_codes[group] if by == "executor" else str(group)
            if code == NATIONAL_CODE:
                raise InvalidRecordError(
                    f"{by} {code}",
                    by,
                    f"{NATIONAL_CODE!r} is the code of the total row (toàn bộ); "
                    f"give this {by} another code",
                )
        out[code] = out[code] + value if code in out else value
    return out


def _executor_codes(table: Iterable[GroupKey]) -> dict[GroupKey, str]:
    """The row code of each (office, executor) group.

    An executor (chấp hành viên) is identified within its office: its row code is its
    own code, or ``office/executor`` when the same code is found in two offices, so that
    neither is rolled up under the other.
    """
    offices_of: dict[str, set[str]] = {}
    for group in table:
        assert isinstance(group, tuple)
        offices_of.setdefault(group[1], set()).add(group[0])
    return {
        (office, executor): executor if len(offices) == 1 else f"{office}/{executor}"
        for executor, offices in offices_of.items()
        for office in offices
    }


@attrs.frozen
class Node(Generic[_T]):
    """One line of a rolled-up table: a group with its parent and its summed value."""

    code: str
    name: str
    level: OfficeLevel | None
    depth: int
    parent: str | None
    value: _T


FLAT_GROUPINGS: tuple[str, ...] = ("mode", "judgment_kind", "creditor", "national")
"""Groupings that are not offices: their rows hang straight under the total."""


def rollup(
    table: Mapping[GroupKey, _V],
    by: str,
    *,
    tree: OfficeTree | None,
    day: date | None,
    empty: _V,
    executor_codes: Mapping[GroupKey, str] | None = None,
) -> tuple[Node[_V], ...]:
    """Values of the groups of ``table`` rolled up into the report's rows, total first.

    The one rollup of thads (reports, metrics, flows, reconciliation): groups are named
    as report rows (an executor within its office), redrawn on the office tree in force
    on ``day``, and each parent's value is the sum of its children's (never an
    average). Rows come in tree order.
    """
    codes = executor_codes
    if codes is None:
        codes = _executor_codes(table) if by == "executor" else {}
    leaves = _leaves(table, by, codes)
    if tree is not None and day is not None and by in ("office", "executor", "province"):
        leaves = redraw(leaves, tree, day)
    executors = {(str(group[0]), code) for group, code in codes.items()}  # type: ignore[index]
    parents = _Parents(tree, executors, day)
    if tree is not None and by in ("office", "executor"):
        _warn_not_in_tree(leaves, parents, tree)
    flat = by in FLAT_GROUPINGS
    sums: dict[str, _V] = {}
    children: dict[str, list[str]] = {}
    for leaf in sorted(leaves):
        value = leaves[leaf]
        below: str | None = None
        for node in parents.chain(leaf, flat=flat):
            sums[node] = sums[node] + value if node in sums else value
            if below is not None:
                kids = children.setdefault(node, [])
                if below not in kids:
                    kids.append(below)
            below = node
    sums.setdefault(NATIONAL_CODE, empty)
    rows: list[Node[_V]] = []

    def visit(code: str, depth: int, parent: str | None) -> None:
        name, level = parents.describe(code, by)
        rows.append(Node(code, name, level, depth, parent, sums[code]))
        for kid in sorted(children.get(code, [])):
            visit(kid, depth + 1, code)

    visit(NATIONAL_CODE, 0, None)
    return tuple(rows)


@attrs.frozen
class _Both:
    """The tallies of a period and of its same period last year, added together."""

    now: TallyPair
    then: TallyPair

    def __add__(self, other: _Both) -> _Both:
        return _Both(self.now + other.now, self.then + other.then)


def _warn_caller(message: str) -> None:
    """Warn at the first frame outside thads (the user's call), however deep inside."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep  # .../thads/
    frame, level = sys._getframe(1), 2  # stacklevel 2 is the caller of this function
    while frame is not None and frame.f_code.co_filename.startswith(here):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    warnings.warn(message, UserWarning, stacklevel=level)


def _warn_not_in_tree(leaves: Iterable[str], parents: _Parents, tree: OfficeTree) -> None:
    """Offices of the cases that the office tree does not know hang under the total only."""
    offices = {parents.implied.get(code, code) for code in leaves}
    missing = sorted(code for code in offices if code not in tree and code != NATIONAL_CODE)
    if missing:
        shown = ", ".join(missing[:10]) + (
            f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        )
        _warn_caller(
            f"offices not in the office tree: {shown}; their cases count in the total but "
            "under no province (add them to the offices file)"
        )


def _warn_quotas_not_in_force(quotas: list[Quota], tree: OfficeTree, day: date, year: int) -> None:
    """A quota of an office not in force on ``day`` is not applied to its successor."""
    for code in not_in_force((q.office for q in quotas if q.year == year), tree, day):
        _warn_caller(
            f"quota {year} of office {code} not applied: {code} is not in force on {day}; "
            "set a quota for the office that succeeds it"
        )


def _previous_regime(period: StatisticalPeriod, forced: Regime | None) -> Regime | None:
    """Regime of the same period last year, None when no regime is known for it."""
    if forced is not None:
        return forced
    try:
        return regime_for(period.same_period_last_year())
    except RuleNotAvailableError:
        return None  # the comparison is left out rather than counted under invented rules


def _rows(
    nodes: tuple[Node[_Both], ...],
    by: str,
    period: StatisticalPeriod,
    quotas: list[Quota],
    regime: Regime,
    previous_regime: Regime | None,
) -> tuple[ReportRow, ...]:
    """Report rows from rolled-up nodes, each with the quota of its nearest office."""
    find_quota = _quota_lookup(quotas, period.year)
    parent_of = {node.code: node.parent for node in nodes}
    flat = by in FLAT_GROUPINGS
    return tuple(
        ReportRow(
            code=node.code,
            name=node.name,
            level=node.level,
            depth=node.depth,
            current=node.value.now,
            previous=None if previous_regime is None else node.value.then,
            regime=regime,
            previous_regime=previous_regime,
            quota=find_quota(
                [node.code] if flat else [node.code, *ancestor_chain(node.code, parent_of.get)]
            ),
        )
        for node in nodes
    )


def report(
    cases: Iterable[Case] | CaseReader,
    period: StatisticalPeriod,
    *,
    by: GroupBy = "office",
    quotas: Quota | Iterable[Quota] | None = None,
    offices: OfficeTree | Iterable[Office] | None = None,
    regime: Regime | None = None,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    metrics: Collector | None = None,
) -> Report:
    """The report of ``period`` grouped ``by`` office, executor, province or nationally.

    Includes the same period last year, quota attainment (the quota of the row's office,
    else of its nearest parent, else the general one) and a rollup up the office tree.
    """
    return reports(
        cases,
        [period],
        by=by,
        quotas=quotas,
        offices=offices,
        regime=regime,
        progress=progress,
        jobs=jobs,
        metrics=metrics,
    )[period]


__all__ = [
    "GROUPINGS",
    "Collector",
    "GroupBy",
    "Node",
    "Report",
    "ReportRow",
    "group_key",
    "report",
    "reports",
    "rollup",
]
