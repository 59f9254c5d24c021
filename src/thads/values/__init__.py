"""TODO docstring."""

from __future__ import annotations

from thads.values._periods import (
    StatisticalPeriod,
)
from thads.values._rates import (
    Change,
    Points,
    Rate,
    change,
    resolution_rate,
    round_half_up,
    share,
)
from thads.values._money import (
    NGHIN,
    TRIEU,
    TY,
    split,
    to_dong,
)
from thads.values._tally import (
    Flows,
    Tally,
)
from thads.values._quota import (
    Attainment,
    Quota,
    needed,
)

__all__ = [
    "Attainment",
    "Change",
    "Flows",
    "NGHIN",
    "Points",
    "Quota",
    "Rate",
    "StatisticalPeriod",
    "TRIEU",
    "TY",
    "Tally",
    "change",
    "needed",
    "resolution_rate",
    "round_half_up",
    "share",
    "split",
    "to_dong",
]
