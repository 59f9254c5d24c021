"""Office names in charts are printed as written: "$" is not read as mathtext (issue 22)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import M, case, ev
from thads import Quota, StatisticalPeriod, report
from thads.records import Office, OfficeLevel
from thads.write import chart_text, monthly_path, office_rates

NAME = r"Phòng $\nosuchsymbol$ khu vực 1"


def test_chart_text_escapes_dollars_and_control() -> None:
    assert chart_text("A $x$ B") == r"A \$x\$ B"
    assert chart_text("\x1b[1mA\x1b[0m") == "A"


def test_dollar_in_an_office_name_is_drawn_literally(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    offices = [
        Office("01", "Cục THADS", OfficeLevel.PROVINCE, None),
        Office("0101", NAME, OfficeLevel.AREA, "01"),
    ]
    cases = [case("a", date(2024, 11, 1), 5 * M, (ev(date(2025, 1, 2), "completed"),),
                  office="0101")]  # fmt: skip
    rep = report(cases, StatisticalPeriod(2025), offices=offices, quotas=Quota(2025, "80", "50"))
    # before: matplotlib parsed "$\nosuchsymbol$" as mathtext and raised ValueError
    out = office_rates(rep, tmp_path / "rates.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    path = monthly_path([rep], tmp_path / "path.png", code="0101")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
