"""Hypothesis, the one dependency of :mod:`thads.testing` (extra ``testing``)."""

from __future__ import annotations

from thads.errors import MissingExtraError

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise MissingExtraError("hypothesis", "testing", "thads.testing") from error

__all__ = ["st"]
