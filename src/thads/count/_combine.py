"""Partial reports that combine (gộp báo cáo từng phần) into the report of all cases.

Reports of disjoint parts of the cases (split by case_id, e.g. by a map-reduce engine,
one part per worker or per year of files) add row by row: tallies are a commutative
monoid and a parent's rows are the sums of its children's, so the combined rows, rates,
same-period figures and quota are those of one report over all the cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from thads.count._engine import TallyPair
from thads.count._report_json import parents
from thads.errors import InvalidRecordError
from thads.records import OfficeLevel

if TYPE_CHECKING:  # annotations only
    from thads.count._report import Report, ReportRow


def _raw_executor(row: ReportRow, parent: str | None) -> str:
    """The executor's own code of an executor row (``office/executor`` or ``executor``)."""
    if parent is not None and row.code.startswith(parent + "/"):
        return row.code[len(parent) + 1 :]
    return row.code


def _same(parts: list[Report], what: str) -> object:
    values = {repr(getattr(part, what)) for part in parts}
    if len(values) > 1:
        raise InvalidRecordError(
            "combine",
            what,
            f"the parts differ in {what}: {sorted(values)}; combine reports "
            "of one period, grouping and office tree",
        )
    return getattr(parts[0], what)


def _given_once(parts: list[Report]) -> None:
    """Refuse a report given twice (its cases would count twice). Copies of one report
    (through JSON or a queue) and parts that overlap cannot be told from disjoint parts
    with the same figures, which small parts often have: they are not refused."""
    first_at: dict[int, int] = {}
    for k, part in enumerate(parts):
        if id(part) in first_at:
            raise InvalidRecordError(
                "combine",
                "parts",
                f"part {k + 1} is part {first_at[id(part)] + 1} given again: its cases "
                "would count twice",
            )
        first_at[id(part)] = k


def combine(parts: Iterable[Report]) -> Report:
    """The report of all the cases of ``parts``, reports of disjoint sets of cases.

    The parts must share period, grouping (``by``), tree day (``drawn_on``) and regimes;
    each part's cases must be in no other part (split them by case_id), or they count
    twice (the same report object given twice is refused; a copy of one, or parts that
    overlap, cannot be told apart from disjoint parts with the same figures). Read and
    rejected rows add up (read rows stay None if any part has None). Executor rows are
    renamed ``office/executor`` when the combined report has the same executor code in
    two offices, as :func:`report` names them.
    """
    from_parts = list(parts)
    if not from_parts:
        raise InvalidRecordError("combine", "parts", "no report to combine")
    for what in ("period", "by", "drawn_on"):
        _same(from_parts, what)
    _given_once(from_parts)
    first = from_parts[0]
    rows: dict[str, ReportRow] = {}
    parent_of: dict[str, str | None] = {}
    executors: dict[str, tuple[str | None, str]] = {}
    for part in from_parts:
        for row, parent in zip(part.rows, parents(part), strict=True):
            code = row.code
            if row.level == OfficeLevel.EXECUTOR and part.by == "executor":
                raw = _raw_executor(row, parent)
                code = f"{parent}/{raw}"  # unique while combining; named back below
                executors[code] = (parent, raw)
                if row.name == row.code:  # an executor known by its code only
                    row = attrs.evolve(row, name=code)
            known = rows.get(code)
            if known is None:
                rows[code] = attrs.evolve(row, code=code)
                parent_of[code] = parent
                continue
            _agree(code, known, row, parent_of[code], parent)
            rows[code] = attrs.evolve(
                known,
                current=known.current + row.current,
                previous=_add(known.previous, row.previous),
            )
    names = _executor_names(executors)
    children: dict[str | None, list[str]] = {}
    for code, parent in parent_of.items():
        children.setdefault(parent, []).append(code)
    ordered: list[ReportRow] = []

    def visit(code: str, depth: int) -> None:
        line, final = rows[code], names.get(code, code)
        name = final if line.name == code else line.name
        ordered.append(attrs.evolve(line, code=final, name=name, depth=depth))
        for kid in sorted(children.get(code, []), key=lambda c: names.get(c, c)):
            visit(kid, depth + 1)

    roots = children.get(None, [])
    if len(roots) != 1:
        raise InvalidRecordError("combine", "rows", f"the parts have {len(roots)} total rows")
    visit(roots[0], 0)
    reads = [part.read_rows for part in from_parts]
    return attrs.evolve(
        first,
        rows=tuple(ordered),
        read_rows=None if any(r is None for r in reads) else sum(r for r in reads if r),
        rejected_rows=sum(part.rejected_rows for part in from_parts),
        kept=None,
    )


def _executor_names(executors: dict[str, tuple[str | None, str]]) -> dict[str, str]:
    """Row codes of executors as :func:`report` names them: the executor's own code, or
    ``office/executor`` when the same code is in two offices."""
    offices: dict[str, set[str | None]] = {}
    for parent, raw in executors.values():
        offices.setdefault(raw, set()).add(parent)
    return {
        key: raw if len(offices[raw]) == 1 else f"{parent}/{raw}"
        for key, (parent, raw) in executors.items()
    }


def _add(one: TallyPair | None, other: TallyPair | None) -> TallyPair | None:
    if one is None or other is None:
        if one is not None or other is not None:
            raise InvalidRecordError(
                "combine", "previous", "some parts have the same period last year, others not"
            )
        return None
    return one + other


def _agree(
    code: str, known: ReportRow, row: ReportRow, parent: str | None, theirs: str | None
) -> None:
    """Two parts' rows of one code must describe the same row."""
    for what, mine, other in (
        ("parent", parent, theirs),
        ("name", known.name, row.name),
        ("level", known.level, row.level),
        ("regime", known.regime, row.regime),
        ("previous_regime", known.previous_regime, row.previous_regime),
        ("quota", known.quota, row.quota),
    ):
        if mine != other:
            raise InvalidRecordError(
                f"combine row {code}", what, f"the parts differ: {mine!r} and {other!r}"
            )


__all__ = ["combine"]
