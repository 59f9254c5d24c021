"""Thông tư 05/2026/TT-BTP (15/05/2026), in force from 01/07/2026; replaces TT 05/2024.

Its existence, date and entry into force are known from a secondary source; its forms,
rows and counting rules were not read (docs/regimes.md). So its content is unknown:
:func:`thads.rules.regime_for` refuses a period ending from 01/07/2026 unless the caller
accepts the last known rules (``allow_last_known=True``, on the command line
``--allow-last-known``). Then the period is counted with the choices of TT 05/2024
(:data:`LAST_KNOWN`), and the regime's title and citation, which every output prints,
say so. The form numbers and report deadlines of TT 05/2026 are not known: none is
printed (no number rather than one invented).
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from thads.rules import _tt05_2024 as tt05_2024

CODE: Final = "tt05_2026"
EFFECTIVE_FROM: Final = date(2026, 7, 1)
CONTENT_KNOWN: Final = False
"""The circular's forms and counting rules were not read."""
LAST_KNOWN: Final = tt05_2024.REGIME
"""The regime whose choices stand in for it when the caller allows it."""
UNKNOWN_MESSAGE: Final = (
    "the statistics regime of periods ending from 01/07/2026 is Thông tư 05/2026/TT-BTP, "
    "whose forms and counting rules are not known to thads (docs/regimes.md); pass "
    "allow_last_known=True to count it with the last known rules of TT 05/2024/TT-BTP "
    "(every output then says so)"
)

REGIME: Final = attrs.evolve(
    LAST_KNOWN,
    code=CODE,
    title="Thông tư 05/2026/TT-BTP — đếm theo TT 05/2024/TT-BTP (quy định biết gần nhất; "
    "nội dung TT 05/2026 chưa biết)",
    citation="TT 05/2026/TT-BTP (15/5/2026, in force 1/7/2026): content not known to thads; "
    "counted with the last known rules of TT 05/2024/TT-BTP because the caller allowed it",
    effective_from=EFFECTIVE_FROM,
    effective_to=None,
    forms=(),
    report_due=tuple((level, None) for level, _ in LAST_KNOWN.report_due),
    report_due_citation="",
)
"""TT 05/2026/TT-BTP counted as TT 05/2024 (the last known rules), marked as such."""

__all__ = ["CODE", "CONTENT_KNOWN", "EFFECTIVE_FROM", "LAST_KNOWN", "REGIME", "UNKNOWN_MESSAGE"]
