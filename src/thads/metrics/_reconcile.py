"""Reconciliation across years (đối chiếu số chuyển kỳ sau với số năm trước chuyển
sang)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

import attrs

from thads import validate
from thads.count import GroupKey, Report, TallyPair, parents, rollup
from thads.errors import InvalidRecordError
from thads.metrics._collector import Source, compiled_stream, placed_pair
from thads.records import (
    NATIONAL_CODE,
    SEPARATE_REGISTER,
    OfficeLevel,
    OfficeTree,
    Timeline,
)
from thads.values import StatisticalPeriod

# --- reconciliation across years ----------------------------------------------------------


@attrs.frozen
class Moved:
    """A case that explains part of a difference, with its money (đồng)."""

    case_id: str
    money: int


def _add2(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return (a[0] + b[0], a[1] + b[1])


@attrs.frozen
class _Figures:
    """Addable figures of one office for the reconciliation (``saved``: the carried
    forward of a saved report, as its own rows gave it)."""

    forward: tuple[int, int] = (0, 0)
    over: tuple[int, int] = (0, 0)
    moved: tuple[Moved, ...] = ()
    other: tuple[Moved, ...] = ()
    saved: tuple[int, int] = (0, 0)

    def __add__(self, other: _Figures) -> _Figures:
        return _Figures(
            _add2(self.forward, other.forward),
            _add2(self.over, other.over),
            self.moved + other.moved,
            self.other + other.other,
            _add2(self.saved, other.saved),
        )


@attrs.frozen
class OfficeReconciliation:
    """One office: the previous year's carried forward against this year's carried over.

    ``carried_forward`` (chuyển kỳ sau, year − 1) − ``carried_over`` (năm trước chuyển
    sang, year) should be the cases moved to the separate register (chuyển sổ theo dõi
    riêng) in year − 1, listed in ``separate_register``; any other case in one figure
    and not the other is named in ``other``; ``unexplained`` is the (cases, money) that
    neither accounts for (a saved report made from other data than the cases given).
    """

    code: str
    name: str
    level: OfficeLevel | None
    depth: int
    carried_forward: tuple[int, int]
    """(cases, money) carried forward at the end of the previous year."""
    carried_over: tuple[int, int]
    """(cases, money) carried over into the year."""
    separate_register: tuple[Moved, ...] = ()
    other: tuple[Moved, ...] = ()

    @property
    def difference(self) -> tuple[int, int]:
        """Carried forward − carried over, (cases, money)."""
        return (
            self.carried_forward[0] - self.carried_over[0],
            self.carried_forward[1] - self.carried_over[1],
        )

    @property
    def unexplained(self) -> tuple[int, int]:
        """The difference less the moves to the separate register and the named cases."""
        named = (*self.separate_register, *self.other)
        return (
            self.difference[0] - len(named),
            self.difference[1] - sum(m.money for m in named),
        )

    @property
    def explained(self) -> bool:
        """True when the moves to the separate register account for all the difference."""
        return not self.other and self.unexplained == (0, 0)


@attrs.frozen
class Reconciliation:
    """Carried-over figures of ``year`` against the carried-forward ones of ``year − 1``.

    ``rows`` follow the report's rollup, the first being the total; ``saved`` is True
    when the carried-forward figures come from a saved report (its rows mapped to their
    successors on the tree of ``drawn_on``).
    """

    year: int
    rows: tuple[OfficeReconciliation, ...]
    saved: bool = False
    drawn_on: date | None = None
    """The day of the office tree the rows are drawn on (None: no tree given)."""

    @property
    def differing(self) -> tuple[OfficeReconciliation, ...]:
        """The rows whose two figures differ."""
        return tuple(o for o in self.rows if o.difference != (0, 0))

    @property
    def unexplained(self) -> tuple[OfficeReconciliation, ...]:
        """The rows whose difference is not only moves to the separate register."""
        return tuple(o for o in self.rows if not o.explained)

    def row(self, code: str) -> OfficeReconciliation:
        """The row with this code; KeyError if absent."""
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)


def _pair_of(pair: TallyPair, row: str) -> tuple[int, int]:
    return getattr(pair.cases, row), getattr(pair.money, row)


def _figures(
    timeline: Timeline, case_id: str, previous: StatisticalPeriod, current: StatisticalPeriod
) -> _Figures | None:
    """The case's place in the carried forward of ``previous`` and the carried over of
    ``current``, both read from the engine's own placement (:func:`engine.place_case`);
    None if in neither.

    The rows read here are the same under every regime (a stay is in carried forward
    whichever row it takes).
    """
    before = placed_pair(timeline, case_id, previous.start, previous.end)
    after = placed_pair(timeline, case_id, current.start, current.start)
    forward = (0, 0) if before is None else _pair_of(before, "carried_forward")
    over = (0, 0) if after is None else _pair_of(after, "carried_over")
    if forward == over:
        return None if forward == (0, 0) else _Figures(forward, over)
    closing = timeline.closed
    moved_then = (
        closing is not None
        and closing.code == SEPARATE_REGISTER
        and previous.start.toordinal() <= closing.day <= previous.end.toordinal()
    )
    gap = Moved(case_id, forward[1] - over[1])
    if moved_then and over == (0, 0):  # stays "chưa có điều kiện" that year, then leaves
        return _Figures(forward, over, (gap,))
    return _Figures(forward, over, (), (gap,))


def reconcile(
    cases: Source,
    year: int,
    *,
    offices: OfficeTree | Iterable[object] | None = None,
    previous: Mapping[str, object] | str | Path | None = None,
    drawn_on: date | None = None,
) -> Reconciliation:
    """Per office, the carried-over figures of ``year`` against the carried-forward ones
    of ``year − 1`` (đối chiếu số chuyển kỳ sau với số năm trước chuyển sang).

    From the cases alone, the difference is the cases moved to the separate register in
    ``year − 1``: they stay in "chưa có điều kiện" that year and leave the books after
    it (docs/sources/statistics.md §2, identity 6, inferred). With ``previous`` (a saved
    JSON report of the 12 months of ``year − 1`` by office, as ``thads report --format
    json`` writes it: a path, its text or its parsed data) the carried-forward figures
    are the saved ones, and what the moves do not explain shows in ``unexplained``.

    Rows follow the report's rollup, drawn on ``drawn_on`` (default: the last day of
    ``year``) when an office tree is given. A saved report drawn on an older tree (2024
    before the 2025 redraw) is mapped first: each saved row's own figures (its figure
    less its children's) go to the office in force that day that succeeds it, and are
    rolled up again, so both figures stand on the same rows.
    """
    tree = (
        offices if isinstance(offices, OfficeTree) or offices is None else OfficeTree.of(offices)  # type: ignore[arg-type]
    )
    previous_period, current_period = StatisticalPeriod(year - 1), StatisticalPeriod(year)
    leaves: dict[GroupKey, _Figures] = {}
    for case in compiled_stream(cases):
        found = _figures(case.timeline, case.case_id, previous_period, current_period)
        if found is not None:
            leaves[case.office] = leaves[case.office] + found if case.office in leaves else found
    saved = None if previous is None else _saved_rows(previous, year - 1)
    saved_total = (0, 0)  # a saved report of its total row only: no office to map it to
    if saved is not None:
        by_office, saved_total = _own_figures(saved)
        for code, own in by_office.items():
            found = _Figures(saved=own)
            leaves[code] = leaves[code] + found if code in leaves else found
    day = None
    if tree is not None:
        day = (
            current_period.end
            if drawn_on is None
            else validate.day(drawn_on, "reconcile", "drawn_on")
        )
    rolled = rollup(leaves, "office", tree=tree, day=day, empty=_Figures())
    rows: list[OfficeReconciliation] = []
    for row in rolled:
        figures = row.value
        if saved is None:
            forward, other = figures.forward, figures.other
        else:
            forward, other = figures.saved, ()
            if row.parent is None:
                forward = _add2(forward, saved_total)
        rows.append(
            OfficeReconciliation(
                row.code,
                row.name,
                row.level,
                row.depth,
                forward,
                figures.over,
                tuple(sorted(figures.moved, key=lambda m: m.case_id)),
                other,
            )
        )
    return Reconciliation(year, tuple(rows), saved is not None, day)


@attrs.frozen
class _SavedRow:
    code: str
    parent: str | None
    forward: tuple[int, int]


def _own_figures(rows: list[_SavedRow]) -> tuple[dict[str, tuple[int, int]], tuple[int, int]]:
    """Each saved row's own carried forward, its figure less its children's (offices whose
    figures are all in their children's rows have none and are left out), and the total
    row's own figure: (0, 0) unless the saved report has no other row."""
    own = {row.code: row.forward for row in rows}
    for row in rows:
        if row.parent is not None and row.parent in own:
            parent = own[row.parent]
            own[row.parent] = (parent[0] - row.forward[0], parent[1] - row.forward[1])
    total = rows[0].code if rows else NATIONAL_CODE
    left = own.pop(total, (0, 0))
    if left != (0, 0) and len(rows) > 1:
        raise InvalidRecordError(
            "saved report",
            "rows",
            f"the total row {total} is not the sum of the rows below it "
            f"(off by {left[0]} cases, {left[1]} đồng)",
        )
    return {code: value for code, value in own.items() if value != (0, 0)}, left


def _saved_rows(previous: Mapping[str, object] | str | Path, year: int) -> list[_SavedRow]:
    """Carried forward (cases, money) and parent of every row of a saved JSON report of
    ``year`` by office, the total first."""
    where = "saved report"
    data: object
    if isinstance(previous, Mapping):
        data = previous
    else:
        text = str(previous)
        if isinstance(previous, Path) or not text.lstrip().startswith("{"):
            try:
                text = Path(previous).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise InvalidRecordError(
                    where, "previous", f"cannot read {str(previous)!r}: {error}"
                ) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InvalidRecordError(where, "json", str(error)) from None
    if not isinstance(data, Mapping) or data.get("format") != "thads-report":
        raise InvalidRecordError(where, "format", "not a thads JSON report (thads-report)")
    if data.get("version") == 2:
        saved = Report.from_dict(data)
        if saved.period != StatisticalPeriod(year, 12):
            raise InvalidRecordError(
                where, "period", f"must be the 12 months of statistical year {year}"
            )
        if saved.by != "office":
            raise InvalidRecordError(where, "by", f"must be grouped by office, got {saved.by!r}")
        return [
            _SavedRow(
                row.code,
                parent,
                (row.current.cases.carried_forward, row.current.money.carried_forward),
            )
            for row, parent in zip(saved.rows, parents(saved), strict=True)
        ]
    return _saved_rows_v1(data, year, where)


def _saved_rows_v1(data: Mapping[str, object], year: int, where: str) -> list[_SavedRow]:
    """Version 1 (rows with "cases" and "money" tallies, in tree order): a row's parent
    is read from its "depth" when every row has one, else each row hangs under the
    first (the total)."""
    period = data.get("period")
    if not isinstance(period, Mapping) or period.get("year") != year or period.get("months") != 12:
        raise InvalidRecordError(
            where, "period", f"must be the 12 months of statistical year {year}, got {period!r}"
        )
    if data.get("by") != "office":
        raise InvalidRecordError(where, "by", f"must be grouped by office, got {data.get('by')!r}")
    rows = data.get("rows")
    if not isinstance(rows, list):
        raise InvalidRecordError(where, "rows", "missing or not a list")
    out: list[_SavedRow] = []
    by_depth = all(isinstance(row, Mapping) and isinstance(row.get("depth"), int) for row in rows)
    stack: list[str] = []
    for i, row in enumerate(rows, 1):
        try:
            code = str(row["code"])
            cases_value = row["cases"]["carried_forward"]
            money_value = row["money"]["carried_forward"]
        except (KeyError, TypeError):
            raise InvalidRecordError(
                f"{where} row {i}", "carried_forward", "missing cases or money carried_forward"
            ) from None
        for field, value in (("cases", cases_value), ("money", money_value)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidRecordError(
                    f"{where} row {code}", f"{field}.carried_forward", f"not an int: {value!r}"
                )
        if by_depth:
            del stack[row["depth"] :]
            parent = stack[-1] if stack else None
            stack.append(code)
        else:
            parent = None if i == 1 else str(rows[0]["code"])
        out.append(_SavedRow(code, parent, (cases_value, money_value)))
    return out
