"""Thông tư 05/2026/TT-BTP (15/05/2026), in force from 01/07/2026; replaces TT 05/2024.

Its existence, date and entry into force are known from a secondary source; its forms,
rows and counting rules were not read (docs/regimes.md). So its content is unknown:
:func:`thads.rules.regime_for` refuses a period ending from 01/07/2026 unless the caller
accepts the last known rules (``allow_last_known=True``, on the command line
``--allow-last-known``). Then the period is counted with the choices of TT 05/2024
(:data:`LAST_KNOWN`), and the regime's title and citation, which every output prints,
say so. The form numbers and report deadlines of TT 05/2026 are not known: none is
printed (no number rather than one invented).

Its periods hold steps taken under Law 106/2025/QH15, whose grounds are numbered anew
(postponement Art. 46). TT 05/2024 counts the agreed postponement of Law 26/2008
(Art. 48(1)(c)) with conditions; its successor, postponement by the parties' written
agreement or at the creditor's written request (Law 106/2025 Art. 46(1)(c)), is counted
the same way here. That is inferred (:data:`NEW_LAW_AGREED_INFERRED`): turn it off with
``REGIME.with_options(new_law_agreed_postponement=False)``. Every other postponement
under the new law, and every suspension, is ``stayed``.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from thads.law import AGREED_POSTPONEMENTS, LawVersion
from thads.rules import _tt05_2024 as tt05_2024
from thads.rules._base import ground_key

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

NEW_LAW_AGREED: Final = ground_key(AGREED_POSTPONEMENTS[LawVersion.LAW_2025])
"""``"46.1.c@106/2025/QH15"``: the agreed postponement under Law 106/2025 Art. 46(1)(c)."""
NEW_LAW_AGREED_INFERRED: Final = True
"""Counting :data:`NEW_LAW_AGREED` with conditions is inferred (the circular was not read):
an explicit option, ``with_options(new_law_agreed_postponement=...)``."""

REGIME: Final = attrs.evolve(
    LAST_KNOWN,
    code=CODE,
    title="Thông tư 05/2026/TT-BTP — đếm theo TT 05/2024/TT-BTP (quy định biết gần nhất; "
    "nội dung TT 05/2026 chưa biết)",
    citation="TT 05/2026/TT-BTP (15/5/2026, in force 1/7/2026): content not known to thads; "
    "counted with the last known rules of TT 05/2024/TT-BTP because the caller allowed it",
    effective_from=EFFECTIVE_FROM,
    effective_to=None,
    enforceable_grounds=LAST_KNOWN.enforceable_grounds | {NEW_LAW_AGREED},
    forms=(),
    report_due=tuple((level, None) for level, _ in LAST_KNOWN.report_due),
    report_due_citation="",
    stands_in_for=LAST_KNOWN.code,
)
"""TT 05/2026/TT-BTP counted as TT 05/2024 (the last known rules), marked as such; the
agreed postponement of either law (48.1.c of 2008, 46.1.c of 2025) with conditions."""

__all__ = [
    "CODE",
    "CONTENT_KNOWN",
    "EFFECTIVE_FROM",
    "LAST_KNOWN",
    "NEW_LAW_AGREED",
    "NEW_LAW_AGREED_INFERRED",
    "REGIME",
    "UNKNOWN_MESSAGE",
]
