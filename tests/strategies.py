"""Hypothesis strategies of the project's tests: a thin re-export of :mod:`thads.testing`."""

from __future__ import annotations

from thads.testing import case_sets, cases, datasets, invalid_datasets, tallies

case_histories = cases
"""The name the older tests use for :func:`thads.testing.cases`."""

__all__ = ["case_histories", "case_sets", "cases", "datasets", "invalid_datasets", "tallies"]
