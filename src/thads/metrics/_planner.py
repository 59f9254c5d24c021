"""The quota planner (cần giải quyết thêm để đạt chỉ tiêu)."""

from __future__ import annotations

import attrs

from thads.count import (
    TallyPair,
)
from thads.rules import Regime
from thads.values import Quota

# --- the quota planner -----------------------------------------------------------------


@attrs.frozen
class Needed:
    """Cases and money (đồng) still to resolve to reach the quota by the year's end."""

    cases: int
    money: int


def plan(quota: Quota, pair: TallyPair, regime: Regime) -> Needed:
    """:func:`needed` for a row's tallies under its regime (the resolution rates' terms)."""
    return Needed(
        cases=quota.needed(
            "cases", regime.enforceable(pair.cases, "cases"), regime.resolved(pair.cases, "cases")
        ),
        money=quota.needed(
            "money", regime.enforceable(pair.money, "money"), regime.resolved(pair.money, "money")
        ),
    )
