"""Deterministic synthetic data sets (dữ liệu mẫu tổng hợp).

:func:`province_2023` builds the case records of one invented province, statistical
years 2022 and 2023, calibrated so that the engine reproduces the published 2023 result
of Sóc Trăng province. :func:`merger_2026` merges that synthetic province and two others
on 01/07/2025 (statistical years 2024–2026). The records are synthetic: no real case is
in them.
"""

from __future__ import annotations

from thads.samples._merger import NEW_PROVINCE, comparison_note, merger_2026
from thads.samples._province import Sample, province_2023

__all__ = [
    "NEW_PROVINCE",
    "Sample",
    "comparison_note",
    "merger_2026",
    "province_2023",
]
