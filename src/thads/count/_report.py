"""Reports (báo cáo kết quả thi hành án): tallies, rates, quota, same period, rollup.

A parent's rows are the sums of its children's; its rates are recomputed from the
summed rows, never averaged (docs/sources/statistics.md §8).
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, Literal, Protocol

import attrs

from thads.count import _report_json
from thads.count._engine import GroupKey, Sweep, TallyPair, compiled, sweep, sweep_columns
from thads.count._explain import Explanation, Which
from thads.count._kept import Gate, KeptCases, explain, explain_kept
from thads.count._ranking import Ranking, rank_report
from thads.count._rollup import (
    FLAT_GROUPINGS,
    GROUPINGS,
    GroupBy,
    GroupFunction,
    Node,
    executor_code_map,
    group_key,
    rollup,
    warn_at_caller,
)
from thads.errors import (
    InvalidRecordError,
    RejectedRowsWarning,
    RuleNotAvailableError,
    ThadsError,
)
from thads.read import CaseReader, FileCount, RejectedRow
from thads.records import (
    NATIONAL_CODE,
    Case,
    CompiledCase,
    Office,
    OfficeLevel,
    OfficeTree,
    Timeline,
    ancestor_chain,
    not_in_force,
)
from thads.rules import Regime, Unit, check_unit, regime_for
from thads.values import Attainment, Change, Points, Quota, Rate, StatisticalPeriod, Tally

MAX_JOBS = 64
"""The most worker processes a report may use (``jobs=``); more is refused with an error."""


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
        return self.current.cases if check_unit(unit, self.code) == "cases" else self.current.money

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
        tally = (
            self.previous.cases if check_unit(unit, self.code) == "cases" else self.previous.money
        )
        return self.previous_regime.rate(tally, unit)

    def rate_change(self, unit: Unit) -> Points | None:
        """Points of the rate over the same period last year (± cùng kỳ)."""
        now, before = self.rate(unit), self.previous_rate(unit)
        return None if now is None or before is None else now - before

    def quota_target(self, unit: Unit) -> Decimal | None:
        """The quota's target percent (chỉ tiêu) for ``unit``, None without a quota."""
        if self.quota is None:
            return None
        return self.quota.cases if check_unit(unit, self.code) == "cases" else self.quota.money

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
    read_rows: int | None = None
    """Input rows read (số dòng đã đọc: cases and events files together), None when the
    cases were not read by a :class:`~thads.read.CaseReader`."""
    rejected_rows: int = 0
    """Input rows not counted (dòng bị loại): rejected by the reader, and cases of an office
    that is not in the office tree. A report with rejected rows is smaller than its input."""
    kept: KeptCases | None = attrs.field(default=None, eq=False, repr=False)
    """The cases behind the figures (``report(..., keep_cases=True)``), for :meth:`explain`."""

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

    def explain(
        self, code: str, row: str, *, unit: Unit = "cases", which: Which = "current"
    ) -> Explanation:
        """The cases behind one figure (giải trình số liệu): each case's contribution to
        ``row`` of the report row ``code``; they add up to the printed figure.

        Needs a report made with ``keep_cases=True`` (else see :func:`explain`).
        ``which="previous"``: the figure of the same period last year.
        """
        if self.kept is None:
            raise ThadsError(
                "this report does not keep its cases: make it with report(..., keep_cases=True), "
                "or call thads.count.explain(cases, report, ...) with the same cases and offices"
            )
        return explain_kept(self, self.kept, code, row, unit, which)

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


def _pairs(
    cases: Source,
    key: GroupFunction,
    fields: tuple[str, ...] | None,
    collector: Collector | None = None,
    gate: Gate | None = None,
    keep: list[CompiledCase] | None = None,
) -> Iterable[tuple[GroupKey, Timeline]]:
    """The (group, timeline) pairs the sweep takes: straight from a reader when nothing
    needs the cases one by one and the grouping is by fields (no compiled case built)."""
    alone = collector is None and gate is None and keep is None
    if isinstance(cases, CaseReader) and fields is not None and alone:
        return cases.timelines(fields, NATIONAL_CODE)
    return _entries(cases, key, collector, gate, keep)


def _entries(
    cases: Source,
    key: GroupFunction,
    collector: Collector | None = None,
    gate: Gate | None = None,
    keep: list[CompiledCase] | None = None,
) -> Iterator[tuple[GroupKey, Timeline]]:
    stream: Iterable[CompiledCase]
    if isinstance(cases, CaseReader):  # the reader rejects out-of-tree cases at their lines
        stream = cases.compiled() if gate is None else gate.through(cases)
    else:
        stream = (compiled(c) for c in cases)
        if gate is not None:
            stream = gate.filter(stream)
    if keep is not None:
        stream = _keeping(stream, keep)
    if collector is not None:  # the metrics see each case as it passes to the sweep
        yield from collector.entries(stream, key)
        return
    for entry in stream:
        yield key(entry), entry.timeline


_COLUMN_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "office": ("office",),
    "executor": ("office", "executor"),
    "national": (),
    "mode": ("mode",),
    "judgment_kind": ("judgment_kind",),
    "creditor": ("creditor",),
}
"""The groupings a reader by columns can give the engine as columns (the fields of the key)."""


def _swept(
    cases: Source,
    key: GroupFunction,
    fields: tuple[str, ...] | None,
    years: list[int],
    collector: Collector | None = None,
    gate: Gate | None = None,
    keep: list[CompiledCase] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Sweep:
    """The sweep of ``cases``: over whole columns when the reader reads by columns and
    nothing needs the cases one by one (metrics, an office tree, kept cases), else case
    by case; files that look sorted by case_id (:meth:`CaseReader.as_sorted`) through
    the streaming merge, and through the event index after all if they are not."""
    swept = _columnar_swept(cases, key, fields, years, collector, gate, keep, progress)
    if swept is not None:
        return swept
    view = None
    if isinstance(cases, CaseReader) and collector is None and gate is None and keep is None:
        view = cases.as_sorted()  # files that look sorted: the streaming merge, if it holds
    if view is not None:
        assert isinstance(cases, CaseReader)
        if progress is not None:  # counted again after a failed merge: never backwards
            progress = _onward(progress)
        try:
            pairs = _pairs(view, key, fields)
            swept = sweep(pairs, years, progress=progress, progress_every=10_000)
        except InvalidRecordError as error:
            if error.code != "file.not_sorted":
                raise
            cases.not_sorted()  # the next reports read through the index at once
        else:
            cases.counts, cases.rejected = view.counts, view.rejected
            return swept
    return sweep(
        _pairs(cases, key, fields, collector, gate, keep),
        years,
        progress=progress,
        progress_every=10_000,
    )


def _onward(progress: Callable[[int], None]) -> Callable[[int], None]:
    """``progress`` told only counts above those it was told before."""
    told = 0

    def onward(count: int) -> None:
        nonlocal told
        if count > told:
            told = count
            progress(count)

    return onward


def _columnar_swept(
    cases: Source,
    key: GroupFunction,
    fields: tuple[str, ...] | None,
    years: list[int],
    collector: Collector | None = None,
    gate: Gate | None = None,
    keep: list[CompiledCase] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Sweep | None:
    """The sweep over whole columns, or None where it does not apply (a reader by rows,
    metrics, an office tree, kept cases, amounts too large for 64-bit sums)."""
    if not isinstance(cases, CaseReader) or fields is None:
        return None
    if collector is not None or gate is not None or keep is not None:
        return None
    columns = cases.case_columns(fields)
    if columns is None:
        return None
    if not fields:
        columns = attrs.evolve(columns, labels=[NATIONAL_CODE])
    swept = sweep_columns(columns, years)
    if swept is None:
        return None
    if columns.dirty:
        swept.merge(sweep(((key(c), c.timeline) for c in columns.dirty), years))
    if progress is not None:
        progress(len(columns.owed) + len(columns.dirty))
    return swept


def _keeping(stream: Iterable[CompiledCase], keep: list[CompiledCase]) -> Iterator[CompiledCase]:
    for case in stream:
        keep.append(case)
        yield case


_FORKED: (
    tuple[
        Source,
        GroupFunction,
        tuple[str, ...] | None,
        list[int],
        int,
        Collector | None,
        OfficeTree | None,
        bool,
        bool | None,
    ]
    | None
) = None
"""What the worker processes of a sharded sweep read (inherited when they fork)."""

_ShardResult = tuple[
    Sweep,
    dict[str, FileCount],
    list[RejectedRow],
    Collector | None,
    dict[str, int],
    list[CompiledCase] | None,
]


def _shard(index: int) -> _ShardResult:
    """One worker's part; any error leaves the process in a form the parent can read."""
    try:
        return _shard_part(index)
    except BaseException as error:
        raise _portable(error) from None


def _portable(error: BaseException) -> BaseException:
    """``error`` if it survives pickling (to cross to the parent process), else a ThadsError
    with its type and message (an error the parent cannot unpickle would hang the pool)."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return ThadsError(f"a worker process failed: {type(error).__name__}: {error}")
    return error


def _shard_part(index: int) -> _ShardResult:
    assert _FORKED is not None
    cases, key, fields, years, jobs, metrics, tree, keep_cases, by_range = _FORKED
    collector = None if metrics is None else type(metrics)(metrics.ranges)  # type: ignore[call-arg]
    keep: list[CompiledCase] | None = [] if keep_cases else None
    if isinstance(cases, CaseReader):
        reader = cases.shard(index, jobs, by_range=by_range)
        gate = None if tree is None else Gate(tree)
        swept = _swept(reader, key, fields, years, collector, gate, keep)
        held = {} if gate is None else gate.held
        return swept, reader.counts, reader.rejected, collector, held, keep
    part = list(cases)[index::jobs]
    gate = None if tree is None else Gate(tree)
    swept = sweep(_entries(part, key, collector, gate, keep), years)
    return swept, {}, [], collector, {} if gate is None else gate.held, keep


def _sharded_sweep(
    cases: Source,
    key: GroupFunction,
    fields: tuple[str, ...] | None,
    years: list[int],
    jobs: int,
    metrics: Collector | None = None,
    gate: Gate | None = None,
    keep: list[CompiledCase] | None = None,
    by_range: bool | None = None,
) -> Sweep:
    """Sweep ``cases`` in ``jobs`` processes (standard library) and add the shards up
    (a reader's parts as :meth:`CaseReader.shard` gives them with ``by_range``).

    An error in a worker reaches the caller as it was raised (thads errors pickle
    intact); a worker that dies ends the report with a :class:`ThadsError`, never a hang.
    """
    global _FORKED
    if not isinstance(cases, CaseReader) and not isinstance(cases, Sequence):
        cases = list(cases)  # a one-shot iterable is read once, here
    tree = None if gate is None else gate.tree
    if isinstance(cases, CaseReader):
        cases.shard(0, jobs, by_range=by_range)  # plans the parts once, before the fork
        cases.as_sorted()  # and guesses the files' order once for all of them
    _FORKED = (cases, key, fields, years, jobs, metrics, tree, keep is not None, by_range)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            parts = list(pool.map(_shard, range(jobs)))
    except BrokenProcessPool as error:
        raise ThadsError(f"a worker process of the report died ({error}); try jobs=1") from None
    finally:
        _FORKED = None
    total = Sweep(tuple(sorted(set(years))))
    if isinstance(cases, CaseReader):
        cases.counts, cases.rejected, cases.held_offices = {}, [], {}
    for swept, counts, rejected, collected, held, kept in parts:
        total.merge(swept)
        if metrics is not None and collected is not None:
            metrics.merge(collected)
        if gate is not None:
            for office, count in held.items():
                gate.held[office] = gate.held.get(office, 0) + count
        if keep is not None and kept is not None:
            keep.extend(kept)
        if isinstance(cases, CaseReader):
            shard = cases.shard(0, 1)
            shard.counts, shard.rejected, shard.held_offices = counts, rejected, held
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
    keep_cases: bool = False,
    allow_last_known: bool = False,
) -> dict[StatisticalPeriod, Report]:
    """Reports for several periods (and their same periods last year) in one sweep.

    The regime of each period (and of its same period last year) is resolved here,
    once; ``regime`` forces one for all. ``jobs=N`` shards the cases over N processes
    (tallies add exactly, so the result is the same as with one); it needs the ``fork``
    start method (Linux), and a one-shot iterable of cases is first read into a list. A
    reader by columns (``engine="pyarrow"``) counts in one process whenever it counts by
    columns: Arrow already reads with every core, and N processes would each read it all.
    ``metrics``: a :class:`thads.metrics.Collector` that gathers its date ranges'
    metrics in the same pass over the cases (read them with
    :func:`thads.metrics.collected`). ``keep_cases=True`` keeps the cases in each report
    (memory: every case's timeline) so that :meth:`Report.explain` can list the cases
    behind any figure. ``allow_last_known=True`` counts a period whose regime is known
    only by name (TT 05/2026/TT-BTP, from 01/07/2026) with the last known rules, and the
    regime's title says so in every output (docs/regimes.md); without it such a period
    raises :class:`~thads.errors.RuleNotAvailableError`.

    With an office tree, a case whose office the tree does not know is not counted: it
    is a rejected row (:attr:`Report.rejected_rows`; a strict reader raises). Whenever
    rows were rejected, a :class:`~thads.errors.RejectedRowsWarning` says how many. A quota
    of an office that has no row in the report is applied to nothing: a
    :class:`~thads.errors.ThadsWarning` names it (never ignored silently).
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= MAX_JOBS:
        raise InvalidRecordError(
            "report",
            "jobs",
            f"must be a whole number from 1 to {MAX_JOBS}, got {jobs!r}",
            code="report.jobs",
        )
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
    fields = _COLUMN_FIELDS.get(by)
    regimes = {  # raises if unknown
        p: regime or regime_for(p, allow_last_known=allow_last_known) for p in wanted
    }
    previous = {p: _previous_regime(p, regime, allow_last_known) for p in wanted}
    spans: dict[StatisticalPeriod, Regime] = dict(regimes)
    for p in wanted:
        earlier = previous[p]
        if earlier is not None:
            spans.setdefault(p.same_period_last_year(), earlier)
    years = sorted({p.year for p in spans})
    reader = cases if isinstance(cases, CaseReader) else None
    gate = Gate(tree) if tree is not None and by in ("office", "executor", "province") else None
    keep: list[CompiledCase] | None = [] if keep_cases else None
    swept = None
    if jobs > 1:  # by columns, one process counts as fast (Arrow reads with every core)
        swept = _columnar_swept(cases, key, fields, years, metrics, gate, keep, progress)
    if swept is None and jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        try:
            swept = _sharded_sweep(cases, key, fields, years, jobs, metrics, gate, keep, True)
        except InvalidRecordError as error:
            if not isinstance(cases, CaseReader):
                raise
            if not cases.sorted_input and error.code == "file.not_sorted":
                # files that looked sorted and are not (only a byte-range part of a
                # reader without sorted_input says so): the parts by hash
                with suppress(InvalidRecordError):
                    swept = _sharded_sweep(
                        cases, key, fields, years, jobs, metrics, gate, keep, False
                    )
            # else a part met a row it could not read (a strict reader), or files out
            # of order: which row one pass meets first is one pass's to say (nothing of
            # the parts was added up yet)
    if swept is None:
        swept = _swept(cases, key, fields, years, metrics, gate, keep, progress)
    read_rows, rejected_rows = _row_counts(reader, gate)
    _warn_rejected(read_rows, rejected_rows, gate)
    tallies = swept.tallies(spans)
    codes = executor_code_map({g for t in tallies.values() for g in t}) if by == "executor" else {}
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
        _warn_quotas_not_in_report(quota_list, rows, period, tree)
        kept = (
            None
            if keep is None
            else KeptCases(tuple(keep), tree, key, MappingProxyType(dict(codes)))
        )
        out[period] = Report(
            period=period,
            by=by,
            rows=rows,
            drawn_on=day,
            read_rows=read_rows,
            rejected_rows=rejected_rows,
            kept=kept,
        )
    return out


def _row_counts(reader: CaseReader | None, gate: Gate | None) -> tuple[int | None, int]:
    """(rows read, rows rejected) of the input: the reader's files, else the cases held out."""
    if reader is not None:
        counts = reader.counts.values()
        return sum(c.read for c in counts), sum(c.rejected for c in counts)
    return None, 0 if gate is None else sum(gate.held.values())


def _warn_rejected(read_rows: int | None, rejected_rows: int, gate: Gate | None) -> None:
    """A report counted without some rows says so (RejectedRowsWarning), once."""
    if not rejected_rows:
        return
    of = "" if read_rows is None else f" of {read_rows}"
    message = f"{rejected_rows}{of} input rows rejected: the report does not count them"
    if gate is not None and gate.held:
        missing = sorted(gate.held)
        shown = ", ".join(missing[:10]) + (
            f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        )
        message += (
            f"; offices not in the office tree: {shown}; their "
            f"{sum(gate.held.values())} cases are not counted (add them to the offices file)"
        )
    warn_at_caller(message, RejectedRowsWarning)


def _warn_quotas_not_in_report(
    quotas: list[Quota],
    rows: tuple[ReportRow, ...],
    period: StatisticalPeriod,
    tree: OfficeTree | None,
) -> None:
    """A quota of an office that has no row in the report is applied to nothing: say so."""
    codes = {row.code for row in rows}
    warned = set(not_in_force((q.office for q in quotas), tree, period.end)) if tree else set()
    for quota in quotas:
        if quota.year != period.year or quota.office is None:
            continue
        if quota.office not in codes and quota.office not in warned:
            warned.add(quota.office)
            warn_at_caller(
                f"quota {period.year} of office {quota.office} not applied: the report "
                f"({period.label}) has no row {quota.office} (no case of it was counted)"
            )


@attrs.frozen
class _Both:
    """The tallies of a period and of its same period last year, added together."""

    now: TallyPair
    then: TallyPair

    def __add__(self, other: _Both) -> _Both:
        return _Both(self.now + other.now, self.then + other.then)


def _warn_quotas_not_in_force(quotas: list[Quota], tree: OfficeTree, day: date, year: int) -> None:
    """A quota of an office not in force on ``day`` is not applied to its successor."""
    for code in not_in_force((q.office for q in quotas if q.year == year), tree, day):
        warn_at_caller(
            f"quota {year} of office {code} not applied: {code} is not in force on {day}; "
            "set a quota for the office that succeeds it"
        )


def _previous_regime(
    period: StatisticalPeriod, forced: Regime | None, allow_last_known: bool
) -> Regime | None:
    """Regime of the same period last year, None when no regime is known for it."""
    if forced is not None:
        return forced
    try:
        return regime_for(period.same_period_last_year(), allow_last_known=allow_last_known)
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
    keep_cases: bool = False,
    allow_last_known: bool = False,
) -> Report:
    """The report of ``period`` grouped ``by`` office, executor, province or nationally.

    Includes the same period last year, quota attainment (the quota of the row's office,
    else of its nearest parent, else the general one) and a rollup up the office tree.
    ``keep_cases=True``: the report keeps its cases for :meth:`Report.explain`;
    ``allow_last_known``: see :func:`reports`.
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
        keep_cases=keep_cases,
        allow_last_known=allow_last_known,
    )[period]


__all__ = [
    "GROUPINGS",
    "MAX_JOBS",
    "Collector",
    "GroupBy",
    "KeptCases",
    "Node",
    "Report",
    "ReportRow",
    "explain",
    "group_key",
    "report",
    "reports",
    "rollup",
]
