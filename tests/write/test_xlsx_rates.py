"""The rate columns of the Excel forms (thads.write.write_xlsx), read back cell by cell.

Each column is found by its heading and holds the figure worked by hand below, so two
columns exchanged (e.g. "Chỉ tiêu (%)" and "Tỷ lệ cùng kỳ (%)") fail. Rules:
docs/counting-rules.md (rows, rates), statistics-rules.md §7.3 (quota, progress).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from helpers import M, case, ev
from thads import Quota, StatisticalPeriod, report
from thads.write import write_xlsx

openpyxl = pytest.importorskip("openpyxl")

HEADING_ROW = 6  # title block (5 rows: title, form name, period, office/unit, blank)

# 3 months of 2023: 01/10/2022-31/12/2022; the same period last year 01/10/2021-31/12/2021.
PERIOD = StatisticalPeriod(2023, 3)
DONE_2021 = (ev(date(2021, 11, 1), "completed"),)
DONE_2022 = (ev(date(2022, 12, 1), "completed"),)
LATER = (ev(date(2022, 5, 1), "completed"),)  # closed between the two periods


def _cases() -> list:  # type: ignore[type-arg]
    return [
        # last year: 4 cases on the books, p1 completed in the period.
        #   cases 1/4 = 25,00 %; money 30 / (30 + 50 + 50 + 50) = 30/180 = 16,666..% → 16,67
        case("p1", date(2021, 10, 5), 30 * M, DONE_2021),
        *[case(f"p{k}", date(2021, 10, 5), 50 * M, LATER) for k in (2, 3, 4)],
        # this year: 5 new cases (p1..p4 are closed before 01/10/2022), c1 and c2 completed.
        #   cases 2/5 = 40,00 %; money (100 + 60) / (100 + 60 + 40 + 200 + 100) = 160/500 = 32,00 %
        case("c1", date(2022, 10, 5), 100 * M, DONE_2022),
        case("c2", date(2022, 10, 5), 60 * M, DONE_2022),
        case("c3", date(2022, 10, 5), 40 * M),
        case("c4", date(2022, 10, 5), 200 * M),
        case("c5", date(2022, 10, 5), 100 * M),
    ]


# Quota 82,82 % by cases, 41,41 % by money (one general quota of 2023).
EXPECTED: dict[str, dict[str, Any]] = {
    "cases": {
        "Tỷ lệ thi hành xong (%)": Decimal("40.00"),
        "Chỉ tiêu (%)": Decimal("82.82"),
        "So với chỉ tiêu (điểm)": Decimal("-42.82"),  # 40,00 − 82,82
        "Tỷ lệ cùng kỳ (%)": Decimal("25.00"),
        "So với cùng kỳ (điểm)": Decimal("15.00"),  # 40,00 − 25,00
        # 82,82 × 3 / 12 = 20,705 → 20,71 (half-up); 40,00 − 20,71
        "Tiến độ so với chỉ tiêu (điểm)": Decimal("19.29"),
        "Cần giải quyết thêm để đạt chỉ tiêu": 3,  # ⌈0,8282 × 5⌉ − 2 = 5 − 2
    },
    "money": {
        "Tỷ lệ thi hành xong (%)": Decimal("32.00"),
        "Chỉ tiêu (%)": Decimal("41.41"),
        "So với chỉ tiêu (điểm)": Decimal("-9.41"),  # 32,00 − 41,41
        "Tỷ lệ cùng kỳ (%)": Decimal("16.67"),
        "So với cùng kỳ (điểm)": Decimal("15.33"),  # 32,00 − 16,67
        # 41,41 × 3 / 12 = 10,3525 → 10,35; 32,00 − 10,35
        "Tiến độ so với chỉ tiêu (điểm)": Decimal("21.65"),
        # ⌈0,4141 × 500.000.000⌉ − 160.000.000 = 207.050.000 − 160.000.000 đồng
        "Cần giải quyết thêm để đạt chỉ tiêu": 47_050_000,
    },
}


def _row_of(sheet: Any, code: str) -> int:
    for r in range(HEADING_ROW + 2, sheet.max_row + 1):
        if sheet.cell(row=r, column=2).value == code:
            return r
    raise AssertionError(f"no row {code}")


def _read_back(path: Path, sheet_index: int, code: str) -> dict[str, Any]:
    sheet = openpyxl.load_workbook(path).worksheets[sheet_index]
    headings = {
        sheet.cell(row=HEADING_ROW, column=c).value: c for c in range(1, sheet.max_column + 1)
    }
    row = _row_of(sheet, code)
    return {title: sheet.cell(row=row, column=headings[title]).value for title in EXPECTED["cases"]}


def _as_decimal(value: Any) -> Any:
    # openpyxl reads a stored number back as int or float; compare it at two places
    return value if isinstance(value, int) else Decimal(str(value)).quantize(Decimal("0.01"))


@pytest.mark.parametrize(("index", "unit"), [(0, "cases"), (1, "money")])
def test_rate_quota_and_same_period_columns_read_back(
    tmp_path: Path, index: int, unit: str
) -> None:
    rep = report(_cases(), PERIOD, quotas=Quota(2023, "82.82", "41.41"))
    path = tmp_path / "forms.xlsx"
    write_xlsx(rep, path)  # a sheet for cases, then one for money, in đồng
    for code in ("A", rep.total.code):  # the office and the total hold the same figures
        got = {title: _as_decimal(v) for title, v in _read_back(path, index, code).items()}
        assert got == EXPECTED[unit], code


def test_same_period_is_blank_without_last_year(tmp_path: Path) -> None:
    # no case on the books last year: the same-period columns are empty, the quota is not
    rep = report(_cases()[4:], PERIOD, quotas=Quota(2023, "82.82", "41.41"))
    path = tmp_path / "forms.xlsx"
    write_xlsx(rep, path)
    got = _read_back(path, 0, "A")
    assert got["Tỷ lệ cùng kỳ (%)"] is None and got["So với cùng kỳ (điểm)"] is None
    assert _as_decimal(got["Chỉ tiêu (%)"]) == Decimal("82.82")
