"""TODO docstring."""

from __future__ import annotations

from thads.values._money import (
    NGHIN,
    TRIEU,
    TY,
    split,
    to_dong,
)
from thads.values._periods import (
    StatisticalPeriod,
)
from thads.values._quota import (
    Attainment,
    Quota,
    needed,
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
from thads.values._tally import (
    Flows,
    Tally,
)

__all__ = [
    "NGHIN",
    "TRIEU",
    "TY",
    "Attainment",
    "Change",
    "Flows",
    "Points",
    "Quota",
    "Rate",
    "StatisticalPeriod",
    "Tally",
    "change",
    "needed",
    "resolution_rate",
    "round_half_up",
    "share",
    "split",
    "to_dong",
]
