"""The provinces before and after 01/07/2025 (sắp xếp đơn vị hành chính cấp tỉnh).

Resolution 202/2025/QH15 of 12/06/2025 (docs/sources/organisation.md, certain): 63 provinces and
centrally-run cities became 34 from 01/07/2025; 11 were unchanged and 23 new units were
formed from two or three old ones. Names are as listed in the reference, new name first.

The codes are thads's own (``cuc-<name>`` for the 63 Cục THADS until 30/06/2025,
``thads-<name>`` for the 34 THADS tỉnh, thành phố from 01/07/2025), not official
administrative codes, which the reference does not give.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Final

CHANGE_DAY: Final = date(2025, 7, 1)
"""First day of the 34 provincial THADS offices (01/07/2025)."""
LAST_OLD_DAY: Final = date(2025, 6, 30)
"""Last day of the 63 Cục THADS (30/06/2025)."""

UNCHANGED: Final = (
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
)
"""The 11 provinces whose territory did not change (their office is renamed)."""

MERGED: Final = (
    ("Tuyên Quang", ("Tuyên Quang", "Hà Giang")),
    ("Lào Cai", ("Lào Cai", "Yên Bái")),
    ("Thái Nguyên", ("Thái Nguyên", "Bắc Kạn")),
    ("Phú Thọ", ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình")),
    ("Bắc Ninh", ("Bắc Ninh", "Bắc Giang")),
    ("Hưng Yên", ("Hưng Yên", "Thái Bình")),
    ("Hải Phòng", ("Hải Phòng", "Hải Dương")),
    ("Ninh Bình", ("Ninh Bình", "Hà Nam", "Nam Định")),
    ("Quảng Trị", ("Quảng Trị", "Quảng Bình")),
    ("Đà Nẵng", ("Đà Nẵng", "Quảng Nam")),
    ("Quảng Ngãi", ("Quảng Ngãi", "Kon Tum")),
    ("Gia Lai", ("Gia Lai", "Bình Định")),
    ("Khánh Hòa", ("Khánh Hòa", "Ninh Thuận")),
    ("Lâm Đồng", ("Lâm Đồng", "Đắk Nông", "Bình Thuận")),
    ("Đắk Lắk", ("Đắk Lắk", "Phú Yên")),
    ("Hồ Chí Minh", ("Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu")),
    ("Đồng Nai", ("Đồng Nai", "Bình Phước")),
    ("Tây Ninh", ("Tây Ninh", "Long An")),
    ("Cần Thơ", ("Cần Thơ", "Sóc Trăng", "Hậu Giang")),
    ("Vĩnh Long", ("Vĩnh Long", "Bến Tre", "Trà Vinh")),
    ("Đồng Tháp", ("Đồng Tháp", "Tiền Giang")),
    ("Cà Mau", ("Cà Mau", "Bạc Liêu")),
    ("An Giang", ("An Giang", "Kiên Giang")),
)
"""The 23 new units and their predecessors, new name first (Resolution 202/2025/QH15)."""


def slug(name: str) -> str:
    """ASCII code part of a province name: ``"Bà Rịa – Vũng Tàu"`` → ``"ba-ria-vung-tau"``."""
    text = name.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return "-".join(words)


def old_code(name: str) -> str:
    """Code of the Cục THADS of an old province (until 30/06/2025)."""
    return f"cuc-{slug(name)}"


def new_code(name: str) -> str:
    """Code of the THADS tỉnh, thành phố of a new province (from 01/07/2025)."""
    return f"thads-{slug(name)}"


def succession() -> tuple[tuple[str, str], ...]:
    """(old province name, new province name) for each of the 63 old provinces."""
    pairs = [(name, name) for name in UNCHANGED]
    pairs += [(old, new) for new, olds in MERGED for old in olds]
    return tuple(pairs)


__all__ = [
    "CHANGE_DAY",
    "LAST_OLD_DAY",
    "MERGED",
    "UNCHANGED",
    "new_code",
    "old_code",
    "slug",
    "succession",
]
