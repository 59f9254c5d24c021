"""Hypothesis strategies of the project's tests: a thin re-export of :mod:`thads.testing`.

Generation must not depend on the hash seed (CI runs with ``derandomize=True``): every
strategy here draws from sequences in a fixed order (sorted tuples, enum order), never
from a set or a frozenset. ``test_strategies.py`` checks it under two hash seeds.
"""

from __future__ import annotations

from thads.testing import case_sets, cases, datasets, invalid_datasets, tallies

case_histories = cases
"""The name the older tests use for :func:`thads.testing.cases`."""

__all__ = ["case_histories", "case_sets", "cases", "datasets", "invalid_datasets", "tallies"]
