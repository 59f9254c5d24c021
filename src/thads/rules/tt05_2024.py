"""Thông tư 05/2024/TT-BTP (10/6/2024), in force from 26/07/2024; replaces TT 06/2019.

Counting choices (statistics-rules.md §1.3, §6.1):

- The body articles were read; the form explanations were not. thads keeps the TT 06/2019
  choices: only a postponement under Law Art. 48(1)(c) counts with conditions; other
  postponements and suspensions are ``stayed``. That continuity is inferred.
- Resolved money includes completed, terminated and reduced amounts — inferred (§3.2).
- A successor circular from 01/07/2026 is reported by one unverified source; until its
  content is known thads applies this regime to later periods and says so in the docs.
"""

from __future__ import annotations

from datetime import date

from thads.grounds import AGREED_POSTPONEMENT
from thads.rules.base import Regime

REGIME = Regime(
    code="tt05_2024",
    title="Thông tư 05/2024/TT-BTP",
    citation="TT 05/2024/TT-BTP (10/6/2024, in force 26/7/2024), Art. 2, 5, 7, 8",
    effective_from=date(2024, 7, 26),
    effective_to=None,
    enforceable_grounds=frozenset({AGREED_POSTPONEMENT.code}),
)
