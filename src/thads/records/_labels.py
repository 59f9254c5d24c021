"""Vietnamese labels (nhãn tiếng Việt) of the interchange format: values and column headings.

Users write "Chủ động", "Theo đơn", "Dân sự", "Hoãn" and head their columns "Mã việc",
"Số tiền"; the reader accepts these documented aliases besides the canonical English
names. Matching folds case, spacing, ``_`` and ``-``, after NFC. Diacritics are folded
only for a label written without any (``chu dong``, ``hoan``): a label written with
diacritics must carry the alias's own, so "Hoàn" (to return) is not read as "Hoãn" (to
postpone). An unknown value is rejected listing the accepted forms, never mapped to a
default.

:func:`clean` is the normalisation of codes and names: NFC, invisible characters
(zero-width spaces, joiners, byte-order marks, soft hyphens: Unicode category Cf)
removed, trimmed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

_SPACES: Final = re.compile(r"[\s_\-]+")


def clean(text: str) -> str:
    """``text`` in NFC, without invisible (format, Cf) characters, trimmed."""
    if text.isascii():
        return text.strip()
    kept = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFC", kept).strip()


def fold(text: str) -> str:
    """The matching key of a label: no case, no diacritics (đ → d), single spaces."""
    text = clean(text).casefold().replace("đ", "d")
    text = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    )
    return _SPACES.sub(" ", text).strip()


_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")
"""The five tone marks (huyền, sắc, ngã, hỏi, nặng), as combining characters."""


def _marked(text: str) -> str:
    """The key of a label written with diacritics: no case, single spaces, marks kept.

    Each word's tone mark is moved to the end of the word, so that the older and newer
    placements ("uỷ" / "ủy", "hoà" / "hòa") give one key, while different tones or
    vowels ("Hoàn" / "Hoãn") stay apart.
    """
    words = _SPACES.sub(" ", clean(text).casefold()).strip().split(" ")
    out = []
    for word in words:
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(sorted(ch for ch in decomposed if ch in _TONES))
        bare = "".join(ch for ch in decomposed if ch not in _TONES)
        out.append(unicodedata.normalize("NFC", bare) + tones)
    return " ".join(out)


class LabelTable(Mapping[str, str]):
    """Aliases of a field, looked up by :meth:`match` (and, as a mapping, by folded key)."""

    def __init__(self, aliases: Mapping[str, tuple[str, ...]]) -> None:
        folded: dict[str, str] = {}
        marked: dict[str, str] = {}
        for canonical, names in aliases.items():
            for name in (canonical, *names):
                key = fold(name)
                if folded.setdefault(key, canonical) != canonical:
                    raise AssertionError(f"alias {name!r} is ambiguous")  # pragma: no cover
                marked[_marked(name)] = canonical
        self._folded = folded
        self._marked = marked

    def match(self, text: str) -> str | None:
        """The canonical name of ``text``, or None.

        Text without diacritics is matched folded; text with diacritics must match an
        alias with the same diacritics (case and spacing aside).
        """
        plain = clean(text)
        if plain.isascii():
            return self._folded.get(fold(plain))
        return self._marked.get(_marked(plain))

    def __getitem__(self, key: str) -> str:
        return self._folded[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._folded)

    def __len__(self) -> int:
        return len(self._folded)


def _table(aliases: Mapping[str, tuple[str, ...]]) -> LabelTable:
    return LabelTable(aliases)


MODE_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "active": ("chủ động", "thi hành án chủ động"),
        "on_request": (
            "theo đơn",
            "theo yêu cầu",
            "thi hành án theo đơn",
            "theo yêu cầu thi hành án",
        ),
    }
)
"""Vietnamese names of the enforcement modes (EnforcementMode)."""

JUDGMENT_KIND_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "civil": ("dân sự",),
        "criminal": ("hình sự",),
        "administrative": ("hành chính",),
        "marriage_family": ("hôn nhân và gia đình", "hôn nhân gia đình", "hôn nhân, gia đình"),
        "business_commercial": (
            "kinh doanh, thương mại",
            "kinh doanh thương mại",
            "kinh doanh - thương mại",
        ),
        "labour": ("lao động", "labor"),
        "bankruptcy": ("phá sản",),
        "arbitration": ("trọng tài", "phán quyết trọng tài", "trọng tài thương mại"),
        "other": ("khác",),
        "state_compensation": ("bồi thường nhà nước", "bồi thường của nhà nước"),
    }
)
"""Vietnamese names of the judgment kinds (JudgmentKind)."""

CREDITOR_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "state": ("nhà nước", "ngân sách nhà nước", "ngân sách", "khoản thu nộp ngân sách"),
        "credit_institution": ("tổ chức tín dụng", "tín dụng", "ngân hàng", "tín dụng, ngân hàng"),
        "private": ("cá nhân", "cá nhân, tổ chức", "cá nhân tổ chức", "tư nhân"),
    }
)
"""Vietnamese names of the creditor kinds (CreditorKind)."""

EVENT_KIND_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "enforceable": ("có điều kiện", "có điều kiện thi hành", "xác định có điều kiện"),
        "unenforceable": ("chưa có điều kiện", "chưa có điều kiện thi hành", "không có điều kiện"),
        "postponed": ("hoãn", "hoãn thi hành án"),
        "suspended": ("tạm đình chỉ", "tạm đình chỉ thi hành án"),
        "resumed": ("tiếp tục", "tiếp tục thi hành", "tiếp tục thi hành án"),
        "collected": ("thu", "thu được", "đã thu", "thu tiền"),
        "reduced": ("giảm", "miễn, giảm", "giảm nghĩa vụ", "miễn giảm"),
        "completed": ("xong", "thi hành xong", "đã thi hành xong"),
        "terminated": ("đình chỉ", "đình chỉ thi hành án"),
        "entrusted": ("ủy thác", "ủy thác thi hành án"),
        "withdrawn": ("thu hồi", "hủy", "rút", "thu hồi, hủy quyết định", "rút lên"),
        "separate_register": ("sổ theo dõi riêng", "chuyển sổ theo dõi riêng", "sổ riêng"),
        "request_returned": ("trả lại yêu cầu", "trả đơn", "trả lại đơn yêu cầu"),
    }
)
"""Vietnamese names of the event kinds (EventKind)."""

HEADING_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "case_id": ("mã việc", "mã vụ việc", "số việc", "mã hồ sơ", "mã việc thi hành án"),
        "office": ("cơ quan", "cơ quan thi hành án", "đơn vị", "mã đơn vị", "mã cơ quan"),
        "executor": ("chấp hành viên", "mã chấp hành viên", "chv"),
        "mode": ("hình thức", "chủ động/theo đơn", "loại việc"),
        "judgment_kind": ("loại bản án", "loại án", "lĩnh vực"),
        "judgment_ref": ("số bản án", "bản án", "số bản án, quyết định"),
        "judgment_effective": ("ngày hiệu lực", "ngày có hiệu lực", "ngày bản án có hiệu lực"),
        "accepted_on": ("ngày thụ lý", "thụ lý"),
        "amount": ("số tiền", "số tiền phải thi hành", "tiền"),
        "creditor": ("người được thi hành án", "loại người được thi hành án", "bên được thi hành"),
        "due_on": ("hạn thi hành", "ngày đến hạn"),
        "date": ("ngày", "ngày sự kiện", "ngày quyết định"),
        "kind": ("loại sự kiện", "sự kiện", "diễn biến"),
        "ground": ("căn cứ", "căn cứ pháp lý", "lý do"),
        # offices.csv (the office tree)
        "code": ("mã", "mã số"),
        "name": ("tên", "tên đơn vị"),
        "level": ("cấp",),
        "parent": ("cấp trên", "đơn vị cấp trên", "mã cấp trên"),
        "start": ("từ ngày", "ngày bắt đầu"),
        "end": ("đến ngày", "ngày kết thúc"),
        "successor": ("kế thừa", "đơn vị kế thừa"),
        # quota.csv (its office column is headed like the cases file's)
        "year": ("năm", "năm thống kê"),
        "cases": ("chỉ tiêu việc", "chỉ tiêu về việc"),
        "money": ("chỉ tiêu tiền", "chỉ tiêu về tiền"),
    }
)
"""Vietnamese column headings of cases.csv, events.csv, offices.csv and quota.csv (the
English names also work).

The event file's ``amount`` is headed like the case file's (``số tiền``)."""

LEVEL_ALIASES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "national": ("toàn quốc", "trung ương"),
        "province": ("tỉnh", "cấp tỉnh", "tỉnh, thành phố"),
        "district": ("huyện", "cấp huyện", "chi cục"),
        "area": ("khu vực", "phòng thads khu vực", "phòng thi hành án dân sự khu vực"),
        "executor": ("chấp hành viên", "chv"),
        "military": ("quân đội", "quân khu", "thi hành án quân khu"),
        "private": ("thừa phát lại", "văn phòng thừa phát lại"),
    }
)
"""Vietnamese names of the levels of the office tree (OfficeLevel; cấp)."""

MODES: Final = _table(MODE_ALIASES)
JUDGMENT_KINDS: Final = _table(JUDGMENT_KIND_ALIASES)
CREDITORS: Final = _table(CREDITOR_ALIASES)
EVENT_KINDS: Final = _table(EVENT_KIND_ALIASES)
HEADINGS: Final = _table(HEADING_ALIASES)
LEVELS: Final = _table(LEVEL_ALIASES)


def accepted_text(aliases: Mapping[str, tuple[str, ...]]) -> str:
    """The accepted forms of one field, for a rejection reason."""
    return "; ".join(f"{name} ({', '.join(names)})" for name, names in aliases.items())


__all__ = [
    "CREDITORS",
    "CREDITOR_ALIASES",
    "EVENT_KINDS",
    "EVENT_KIND_ALIASES",
    "HEADINGS",
    "HEADING_ALIASES",
    "JUDGMENT_KINDS",
    "JUDGMENT_KIND_ALIASES",
    "LEVEL_ALIASES",
    "MODES",
    "MODE_ALIASES",
    "LabelTable",
    "accepted_text",
    "clean",
    "fold",
]
