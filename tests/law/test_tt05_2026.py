"""TT 05/2026/TT-BTP: registered as the regime of periods from 01/07/2026, its content
unknown; counted as TT 05/2024 only when the caller accepts the last known rules, and
then marked in what every output prints (title, citation, code)."""

from __future__ import annotations

from datetime import date

import pytest

from thads.errors import RuleNotAvailableError
from thads.rules import REGIMES, regime_by_code, regime_for
from thads.values import StatisticalPeriod


def test_periods_from_july_2026_need_the_last_known_option() -> None:
    # The statistical year 2026 ends 30/09/2026, under TT 05/2026; 9 months end 30/06.
    assert regime_for(StatisticalPeriod(2026, 9)).code == "tt05_2024"
    with pytest.raises(RuleNotAvailableError, match="allow_last_known"):
        regime_for(StatisticalPeriod(2026))
    with pytest.raises(RuleNotAvailableError, match="05/2026"):
        regime_for(date(2026, 7, 1))
    regime = regime_for(StatisticalPeriod(2026), allow_last_known=True)
    last = regime_by_code("tt05_2024")
    assert regime.code == "tt05_2026" and regime is regime_by_code("tt05_2026")
    assert "05/2026" in regime.title and "05/2024" in regime.title
    assert "not known" in regime.citation and "last known" in regime.citation
    # counted as TT 05/2024, plus the new law's agreed postponement (Law 106/2025
    # Art. 46(1)(c), the successor of Law 2008 Art. 48(1)(c): an inferred choice) ...
    assert regime.enforceable_grounds == last.enforceable_grounds | {"46.1.c@106/2025/QH15"}
    assert regime.money_resolved_rows == last.money_resolved_rows
    # ... but no form number or report deadline of TT 05/2026 is invented
    assert regime.forms == () and all(rule is None for _, rule in regime.report_due)
    assert regime.form("cases").number is None
    assert REGIMES[-1] is regime and regime.effective_from == date(2026, 7, 1)
