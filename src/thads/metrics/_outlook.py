"""The year-end outlook (dự báo cuối năm): the year's resolution rates if the months left
go at the pace of the months so far. A projection, never a counted figure.

For each row and unit (cases, money), with m months counted and r = 12 − m left:

- counted (the report of the first m months, under its regime): resolved R, enforceable
  (có điều kiện) E and to enforce (phải thi hành) T;
- the pace of the months left, by one of two methods:
  ``"average"``: each month left resolves and takes in the monthly average of the m
  months so far (ΔR = r × resolved so far / m, ΔN = r × new so far / m);
  ``"last_year"``: the months left resolve and take in what the same months of last
  year did (ΔR, ΔN = the sums of months m + 1..12 of year − 1, drawn on the same tree);
- the intake joins the enforceable load in the share it has so far: ΔE = ΔN × E / T;
- year-end: enforceable E + ΔE, resolved min(R + ΔR, E + ΔE) (no more can be resolved
  than has conditions); the projected rate is their quotient.

Resolved months are the regime's rows (cases: completed + terminated; money: the
regime's ``money_resolved_rows``). Every figure here is exact (Fractions); the percent
shown is rounded half-up to 2 places. Worked example: docs/metrics.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar, Final, Literal

import attrs

from thads.count import Report, ReportRow, report
from thads.errors import InvalidRecordError
from thads.metrics._collector import Source
from thads.metrics._compute import FlowsTable, compute
from thads.metrics._flows import Flow, MonthFlows
from thads.records import OfficeLevel, OfficeTree
from thads.rules import Regime, Unit
from thads.values import Quota, StatisticalPeriod, round_half_up

OutlookMethod = Literal["average", "last_year"]
METHODS: Final[tuple[OutlookMethod, OutlookMethod]] = ("average", "last_year")
"""The two paces of the months left: the average month so far, or the same months of
last year."""


@attrs.frozen
class Projection:
    """One unit's year-end projection for one row (dự báo, not a counted figure).

    ``resolved`` and ``enforceable`` are projected year-end figures (exact Fractions,
    None when the share of the intake with conditions is unknown: nothing to enforce so
    far but intake projected); ``counted_*`` are the report's figures so far, ``quota``
    the target percent and ``needed`` the planner's figure (still to resolve by the
    year's end if the enforceable figure stays as it is), both None without a quota.
    """

    unit: Unit
    counted_resolved: int
    counted_enforceable: int
    resolved: Fraction | None
    enforceable: Fraction | None
    months_left: int
    quota: Decimal | None = None
    needed: int | None = None

    @property
    def exact_percent(self) -> Fraction | None:
        """The projected year-end rate × 100, exact; None when nothing has conditions."""
        if self.resolved is None or self.enforceable is None or self.enforceable == 0:
            return None
        return self.resolved * 100 / self.enforceable

    @property
    def percent(self) -> Decimal | None:
        """The projected year-end rate in percent, rounded half-up to 2 places."""
        exact = self.exact_percent
        return None if exact is None else round_half_up(exact, 2)

    @property
    def points(self) -> Decimal | None:
        """Projected percent − the quota, in points (from the rounded percent)."""
        percent = self.percent
        return None if percent is None or self.quota is None else percent - self.quota

    @property
    def reaches_quota(self) -> bool | None:
        """Whether the projected exact rate reaches the quota; None without either."""
        exact = self.exact_percent
        return None if exact is None or self.quota is None else exact >= Fraction(self.quota)

    @property
    def needed_per_month(self) -> Fraction | None:
        """The planner's ``needed`` spread over the months left (None without a quota)."""
        if self.needed is None or self.months_left == 0:
            return None
        return Fraction(self.needed, self.months_left)


@attrs.frozen
class OutlookRow:
    """The outlook of one row of the report: code, name, level, depth, cases and money."""

    code: str
    name: str
    level: OfficeLevel | None
    depth: int
    cases: Projection
    money: Projection

    def projection(self, unit: Unit) -> Projection:
        """The projection of ``unit`` ("cases" or "money")."""
        return self.cases if unit == "cases" else self.money


@attrs.frozen
class Outlook:
    """The year-end outlook of statistical year ``year`` from its first ``months``
    months, by ``method``: a projection (dự báo), kept apart from the counted report."""

    year: int
    months: int
    method: OutlookMethod
    by: str
    rows: tuple[OutlookRow, ...]
    drawn_on: date | None = None

    projection: ClassVar[bool] = True
    """Always True: every figure here is projected, not counted."""

    @property
    def total(self) -> OutlookRow:
        """The row of the whole."""
        return self.rows[0]

    def row(self, code: str) -> OutlookRow:
        """The row with this code; KeyError if absent."""
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)


def _resolved(flow: Flow, unit: Unit, regime: Regime) -> int:
    """The month's resolved figure under the regime (the rate's numerator rows)."""
    if unit == "cases":
        return flow.resolved
    return sum(int(getattr(flow, row)) for row in regime.money_resolved_rows)


def _pace(
    months: MonthFlows | None,
    last: MonthFlows | None,
    unit: Unit,
    regime: Regime,
    counted: int,
    method: OutlookMethod,
) -> tuple[Fraction, Fraction]:
    """(ΔR, ΔN): resolved and new of the months left, at the method's pace."""
    left = 12 - counted
    if method == "average":
        flows = () if months is None else (months.cases if unit == "cases" else months.money)
        so_far = flows[:counted]
        resolved = sum((_resolved(f, unit, regime) for f in so_far), 0)
        new = sum((f.new for f in so_far), 0)
        return Fraction(resolved * left, counted), Fraction(new * left, counted)
    flows = () if last is None else (last.cases if unit == "cases" else last.money)
    later = flows[counted:]
    return (
        Fraction(sum((_resolved(f, unit, regime) for f in later), 0)),
        Fraction(sum((f.new for f in later), 0)),
    )


def _project(
    row: ReportRow,
    unit: Unit,
    months: MonthFlows | None,
    last: MonthFlows | None,
    counted: int,
    method: OutlookMethod,
) -> Projection:
    resolved, enforceable = row.resolved(unit), row.enforceable(unit)
    to_enforce = row.tally(unit).to_enforce
    more_resolved, more_new = _pace(months, last, unit, row.regime, counted, method)
    if more_new == 0:
        more_enforceable = Fraction(0)
    elif to_enforce > 0:
        more_enforceable = more_new * enforceable / to_enforce
    else:  # intake projected, but no share with conditions is known yet
        more_enforceable = None
    end_enforceable = None if more_enforceable is None else enforceable + more_enforceable
    end_resolved = (
        None if end_enforceable is None else min(resolved + more_resolved, end_enforceable)
    )
    return Projection(
        unit,
        resolved,
        enforceable,
        end_resolved,
        end_enforceable,
        12 - counted,
        row.quota_target(unit),
        row.needed(unit),
    )


def outlook(
    counted: Report,
    flows: FlowsTable,
    *,
    method: OutlookMethod = "average",
    last_year: FlowsTable | None = None,
) -> Outlook:
    """The year-end outlook from a report of the first months of a statistical year and
    the monthly flows of that year (and, for ``method="last_year"``, of the year before,
    drawn on the same tree: ``monthly_flows(..., drawn_on=report.drawn_on)``).

    Rows are the report's; each row's flows are matched by code.
    """
    if method not in METHODS:
        raise InvalidRecordError("outlook", "method", f"{method!r}; use one of {METHODS}")
    period = counted.period
    if period.months == 12:
        raise InvalidRecordError(
            "outlook", "report", f"{period.label} is the whole year: nothing is left to project"
        )
    _same_rows(flows, counted, period.year, "flows")
    if method == "last_year":
        if last_year is None:
            raise InvalidRecordError(
                "outlook", "last_year", "method 'last_year' needs the flows of the year before"
            )
        _same_rows(last_year, counted, period.year - 1, "last_year")
    now = {row.code: row.value for row in flows.rows}
    before = {} if last_year is None else {row.code: row.value for row in last_year.rows}
    rows = tuple(
        OutlookRow(
            row.code,
            row.name,
            row.level,
            row.depth,
            *(
                _project(row, unit, now.get(row.code), before.get(row.code), period.months, method)
                for unit in ("cases", "money")
            ),
        )
        for row in counted.rows
    )
    return Outlook(period.year, period.months, method, counted.by, rows, counted.drawn_on)


def _same_rows(flows: FlowsTable, counted: Report, year: int, field: str) -> None:
    if not isinstance(flows, FlowsTable):
        raise InvalidRecordError("outlook", field, f"give a FlowsTable, not {flows!r}")
    if flows.year != year:
        raise InvalidRecordError(
            "outlook", field, f"flows of statistical year {flows.year}; {year} is needed"
        )
    if flows.by != counted.by or flows.drawn_on != counted.drawn_on:
        raise InvalidRecordError(
            "outlook",
            field,
            f"flows by {flows.by!r} drawn on {flows.drawn_on} do not stand on the report's "
            f"rows (by {counted.by!r} drawn on {counted.drawn_on}); pass "
            "drawn_on=report.drawn_on",
        )


def year_end_outlook(
    cases: Source,
    period: StatisticalPeriod,
    *,
    by: str = "office",
    offices: OfficeTree | Iterable[object] | None = None,
    quotas: Quota | Iterable[Quota] | None = None,
    regime: Regime | None = None,
    method: OutlookMethod = "average",
) -> Outlook:
    """The report of ``period`` (its first months) and its monthly flows, then
    :func:`outlook` (two passes over ``cases``: give a list or a reader, not a
    one-shot iterator)."""
    counted = report(cases, period, by=by, quotas=quotas, offices=offices, regime=regime)  # type: ignore[arg-type]
    years = [period.year - 1, period.year] if method == "last_year" else [period.year]
    analytics = compute(
        cases, [period], by=by, offices=offices, years=years, drawn_on=counted.drawn_on
    )
    return outlook(
        counted,
        analytics.flows[period.year],
        method=method,
        last_year=analytics.flows.get(period.year - 1),
    )
