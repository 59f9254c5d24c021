"""Reports (báo cáo kết quả thi hành án): tallies, rates, quota, same period, rollup.

A parent's rows are the sums of its children's; its rates are recomputed from the
summed rows, never averaged (statistics-rules.md §8).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Literal

import attrs

from thads.case import Case
from thads.engine import TallyPair, tally_periods
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.offices import NATIONAL_CODE, Office, OfficeLevel, OfficeTree, not_in_force, redraw
from thads.periods import StatisticalPeriod
from thads.quota import Attainment, Quota
from thads.ranking import Ranking, rank_report
from thads.rates import Change, Points, Rate
from thads.rules import Regime, regime_for

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

    @property
    def case_rate(self) -> Rate | None:
        """Resolution rate by cases (tỷ lệ về việc)."""
        return self.regime.case_rate(self.current.cases)

    @property
    def money_rate(self) -> Rate | None:
        """Resolution rate by money (tỷ lệ về tiền) under the regime's money rule."""
        return self.regime.money_rate(self.current.money)

    @property
    def previous_case_rate(self) -> Rate | None:
        """Case rate of the same period last year (cùng kỳ); None if not counted."""
        if self.previous is None or self.previous_regime is None:
            return None
        return self.previous_regime.case_rate(self.previous.cases)

    @property
    def previous_money_rate(self) -> Rate | None:
        """Money rate of the same period last year; None if not counted."""
        if self.previous is None or self.previous_regime is None:
            return None
        return self.previous_regime.money_rate(self.previous.money)

    @property
    def case_rate_change(self) -> Points | None:
        """Points of the case rate over the same period last year."""
        now, before = self.case_rate, self.previous_case_rate
        return None if now is None or before is None else now - before

    @property
    def money_rate_change(self) -> Points | None:
        """Points of the money rate over the same period last year."""
        now, before = self.money_rate, self.previous_money_rate
        return None if now is None or before is None else now - before

    def change(self, row: str, *, unit: Literal["cases", "money"] = "cases") -> Change | None:
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
        return self.quota.attainment(cases=self.case_rate, money=self.money_rate)


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


def _quota_lookup(quotas: list[Quota], year: int) -> Callable[[list[str]], Quota | None]:
    by_office = {q.office: q for q in quotas if q.year == year}

    def find(chain: list[str]) -> Quota | None:
        for code in chain:
            if code in by_office:
                return by_office[code]
        return by_office.get(None)

    return find


def _key_function(by: str, tree: OfficeTree | None) -> Callable[[Case], str]:
    if by == "office":
        return lambda case: case.office
    if by == "executor":
        return lambda case: case.executor
    if by == "national":
        return lambda case: NATIONAL_CODE
    if by == "mode":
        return lambda case: str(case.mode)
    if by == "judgment_kind":
        return lambda case: str(case.judgment.kind)
    if by == "creditor":
        return lambda case: str(case.creditor)
    if by == "province":
        if tree is None:
            raise InvalidRecordError(
                "report", "by", "grouping by province needs the office tree (offices=...)"
            )

        def province(case: Case) -> str:
            code = tree.at_level(case.office, OfficeLevel.PROVINCE)
            if code is None:
                raise InvalidRecordError(
                    f"case {case.case_id}", "office", f"office {case.office!r} has no province"
                )
            return code

        return province
    raise InvalidRecordError(
        "report", "by", f"unknown grouping {by!r}; use one of {', '.join(GROUPINGS)}"
    )


class _Parents:
    """Parent links for rollup: from the tree if given, else implied by the case records."""

    def __init__(self, tree: OfficeTree | None, day: date | None = None) -> None:
        self.tree = tree
        self.day = day  # parents are the offices in force that day (dated tree)
        self.implied: dict[str, str] = {}
        self.offices: set[str] = set()

    def drawn_on(self, day: date | None) -> _Parents:
        """The same links, with parents taken in force on ``day``."""
        view = _Parents(self.tree, day)
        view.implied, view.offices = self.implied, self.offices
        return view

    def observe(self, by: str, case: Case) -> None:
        if by == "executor" and (self.tree is None or case.executor not in self.tree):
            self.implied.setdefault(case.executor, case.office)
            self.offices.add(case.office)

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
        return code, None


def reports(
    cases: Iterable[Case],
    periods: Iterable[StatisticalPeriod],
    *,
    by: GroupBy | str = "office",
    quotas: Quota | Iterable[Quota] | None = None,
    offices: OfficeTree | Iterable[Office] | None = None,
    regime: Regime | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[StatisticalPeriod, Report]:
    """Reports for several periods (and their same periods last year) in one pass."""
    wanted = list(dict.fromkeys(periods))
    tree = offices if isinstance(offices, OfficeTree) or offices is None else OfficeTree.of(offices)
    key = _key_function(by, tree)
    parents = _Parents(tree)

    def observed(stream: Iterable[Case]) -> Iterable[Case]:
        for case in stream:
            parents.observe(by, case)
            yield case

    regimes = {p: regime or regime_for(p) for p in wanted}  # raises if unknown
    previous = {p: _previous_regime(p, regime) for p in wanted}
    every = wanted + [p.same_period_last_year() for p in wanted if previous[p] is not None]
    tallies = tally_periods(observed(cases), every, key, regime=regime, progress=progress)
    quota_list = [quotas] if isinstance(quotas, Quota) else list(quotas or [])
    out: dict[StatisticalPeriod, Report] = {}
    for period in wanted:
        current, before = tallies[period], tallies.get(period.same_period_last_year())
        day = None if tree is None else period.end  # both years drawn on this day's tree
        if tree is not None and day is not None and by in ("office", "executor", "province"):
            current = redraw(current, tree, day)
            before = None if before is None else redraw(before, tree, day)
            _warn_quotas_not_in_force(quota_list, tree, day, period.year)
        built = _build(
            period,
            by,
            current,
            before,
            parents.drawn_on(day),
            quota_list,
            regimes[period],
            previous[period],
        )
        out[period] = attrs.evolve(built, drawn_on=day)
    return out


def _warn_quotas_not_in_force(quotas: list[Quota], tree: OfficeTree, day: date, year: int) -> None:
    """A quota of an office not in force on ``day`` is not applied to its successor."""
    for code in not_in_force((q.office for q in quotas if q.year == year), tree, day):
        warnings.warn(
            f"quota {year} of office {code} not applied: {code} is not in force on {day}; "
            "set a quota for the office that succeeds it",
            stacklevel=3,
        )


def _previous_regime(period: StatisticalPeriod, forced: Regime | None) -> Regime | None:
    """Regime of the same period last year, None when no regime is known for it."""
    if forced is not None:
        return forced
    try:
        return regime_for(period.same_period_last_year())
    except RuleNotAvailableError:
        return None  # the comparison is left out rather than counted under invented rules


def _build(
    period: StatisticalPeriod,
    by: str,
    current: Mapping[str, TallyPair],
    previous: Mapping[str, TallyPair] | None,
    parents: _Parents,
    quotas: list[Quota],
    regime: Regime,
    previous_regime: Regime | None,
) -> Report:
    flat = by in ("mode", "judgment_kind", "creditor", "national")
    sums: dict[str, list[TallyPair]] = {}  # code -> [current, previous]
    children: dict[str, list[str]] = {}
    before: Mapping[str, TallyPair] = previous or {}
    leaves = sorted(set(current) | set(before))
    for leaf in leaves:
        pair = [current.get(leaf, TallyPair()), before.get(leaf, TallyPair())]
        chain = [leaf]
        node = leaf
        while node != NATIONAL_CODE:
            parent = NATIONAL_CODE if flat else parents.parent(node)
            if parent is None:
                break
            chain.append(parent)
            node = parent
        for depth_index, code in enumerate(chain):
            slot = sums.setdefault(code, [TallyPair(), TallyPair()])
            slot[0] = slot[0] + pair[0]
            slot[1] = slot[1] + pair[1]
            if depth_index > 0:
                kids = children.setdefault(code, [])
                if chain[depth_index - 1] not in kids:
                    kids.append(chain[depth_index - 1])
    sums.setdefault(NATIONAL_CODE, [TallyPair(), TallyPair()])
    find_quota = _quota_lookup(quotas, period.year)

    rows: list[ReportRow] = []

    def visit(code: str, depth: int) -> None:
        name, level = parents.describe(code, by)
        chain = [code] if flat else [code, *_ancestors(parents, code)]
        rows.append(
            ReportRow(
                code=code,
                name=name,
                level=level,
                depth=depth,
                current=sums[code][0],
                previous=None if previous is None else sums[code][1],
                regime=regime,
                previous_regime=previous_regime,
                quota=find_quota(chain),
            )
        )
        for kid in sorted(children.get(code, [])):
            visit(kid, depth + 1)

    visit(NATIONAL_CODE, 0)
    return Report(period=period, by=by, rows=tuple(rows))


def _ancestors(parents: _Parents, code: str) -> list[str]:
    out: list[str] = []
    node: str | None = parents.parent(code)
    while node is not None:
        out.append(node)
        node = parents.parent(node)
    return out


def report(
    cases: Iterable[Case],
    period: StatisticalPeriod,
    *,
    by: GroupBy | str = "office",
    quotas: Quota | Iterable[Quota] | None = None,
    offices: OfficeTree | Iterable[Office] | None = None,
    regime: Regime | None = None,
    progress: Callable[[int], None] | None = None,
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
    )[period]


__all__ = ["GROUPINGS", "GroupBy", "Report", "ReportRow", "report", "reports"]
