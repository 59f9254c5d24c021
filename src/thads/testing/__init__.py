"""Hypothesis strategies for property tests of code that embeds thads (kiểm thử).

Valid and varied domain data (bản án, khoản phải thi hành, việc thi hành án with
consistent histories, cơ quan THADS, kỳ thống kê, chỉ tiêu, bảng số liệu) and whole data
sets in the interchange format, plus data sets holding bad rows, each paired with the
stable code (:data:`thads.errors.ERROR_CODES`) of the reader's rejection. Needs the extra
``testing`` (``pip install 'thads[testing]'``); ``import thads`` never imports hypothesis.

Generation is deterministic under a fixed hypothesis seed: every choice is drawn from a
sorted or ordered sequence, never from a set whose order depends on the hash seed.
See docs/testing.md.
"""

from __future__ import annotations

from thads.testing._cases import case_sets, cases
from thads.testing._datasets import Dataset, Rejection, Row, case_row, datasets, event_row
from thads.testing._invalid import CASE_RULES, CODES, EVENT_RULES, RULES, invalid_datasets
from thads.testing._values import (
    COUNTS,
    DEFAULT_EVENT_MIX,
    DEFAULT_MONEY_SHARE,
    DEFAULT_OFFICES,
    DEFAULT_YEARS,
    NEW_LAW_POSTPONEMENT_GROUNDS,
    NEW_LAW_SUSPENSION_GROUNDS,
    POSTPONEMENT_GROUNDS,
    SUSPENSION_GROUNDS,
    amounts,
    debts,
    events,
    judgments,
    office_trees,
    periods,
    quotas,
    tallies,
)

__all__ = [
    "CASE_RULES",
    "CODES",
    "COUNTS",
    "DEFAULT_EVENT_MIX",
    "DEFAULT_MONEY_SHARE",
    "DEFAULT_OFFICES",
    "DEFAULT_YEARS",
    "EVENT_RULES",
    "NEW_LAW_POSTPONEMENT_GROUNDS",
    "NEW_LAW_SUSPENSION_GROUNDS",
    "POSTPONEMENT_GROUNDS",
    "RULES",
    "SUSPENSION_GROUNDS",
    "Dataset",
    "Rejection",
    "Row",
    "amounts",
    "case_row",
    "case_sets",
    "cases",
    "datasets",
    "debts",
    "event_row",
    "events",
    "invalid_datasets",
    "judgments",
    "office_trees",
    "periods",
    "quotas",
    "tallies",
]
