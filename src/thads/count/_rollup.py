"""Rollup (tổng hợp theo cây cơ quan): groups of cases named as report rows and summed up
the dated office tree, parents from children, never averaged.

The one rollup of thads: reports, explanations, metrics, flows and reconciliation all
roll their values up here.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Generic, Literal, Protocol, TypeVar

import attrs

from thads.count._engine import GroupKey
from thads.errors import InvalidRecordError, ThadsWarning
from thads.records import (
    CREDITOR_ALIASES,
    JUDGMENT_KIND_ALIASES,
    MODE_ALIASES,
    NATIONAL_CODE,
    CompiledCase,
    Office,
    OfficeLevel,
    OfficeTree,
    ancestor_chain,
    redraw,
)


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


def executor_code_map(table: Iterable[GroupKey]) -> dict[GroupKey, str]:
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
        codes = executor_code_map(table) if by == "executor" else {}
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


def warn_at_caller(message: str, category: type[ThadsWarning] = ThadsWarning) -> None:
    """Warn at the first frame outside thads (the user's call), however deep inside."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep  # .../thads/
    frame, level = sys._getframe(1), 2  # stacklevel 2 is the caller of this function
    while frame is not None and frame.f_code.co_filename.startswith(here):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    warnings.warn(message, category, stacklevel=level)


def _warn_not_in_tree(leaves: Iterable[str], parents: _Parents, tree: OfficeTree) -> None:
    """Offices of the cases that the office tree does not know hang under the total only."""
    offices = {parents.implied.get(code, code) for code in leaves}
    missing = sorted(code for code in offices if code not in tree and code != NATIONAL_CODE)
    if missing:
        shown = ", ".join(missing[:10]) + (
            f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        )
        warn_at_caller(
            f"offices not in the office tree: {shown}; their cases count in the total but "
            "under no province (add them to the offices file)"
        )


__all__ = [
    "FLAT_GROUPINGS",
    "GROUPINGS",
    "GroupBy",
    "GroupFunction",
    "Node",
    "group_key",
    "rollup",
]
