"""Legal grounds of postponement, suspension and termination (căn cứ hoãn, tạm đình chỉ,
đình chỉ thi hành án), for each :class:`~thads.law.LawVersion`.

Law 26/2008/QH12 as amended, until 30/06/2026: Art. 48 postponement (hoãn: clause 1
points a–h, clause 2), Art. 49 suspension (tạm đình chỉ: clauses 1 and 2), Art. 50
termination (đình chỉ: clause 1 points a–h). Law 106/2025/QH15, from 01/07/2026: Art. 46
postponement (clause 1 points a–l, clause 2), Art. 47 suspension (clauses 1 and 2),
Art. 48 termination (clauses 1–8). Each ground with its source: docs/grounds.md.

The same code means different grounds under the two laws ("48.2" is the protest
postponement of 2008 and a termination ground of 2025): a ground is read under a law,
given as ``law=`` or as the day of the decision (``on=``, the law in force that day).

:func:`parse_ground` reads the usual ways of writing a ground ("điểm c khoản 1 Điều 48",
"48.1.c", "48(1)(c)", "Đ48.1.c", ... with or without the law's name, in any case, with or
without diacritics, NFC or NFD) into one :class:`Ground`; anything else is rejected with
the accepted forms listed, never mapped to a default.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Final

import attrs

from thads.errors import InvalidGroundError, InvalidRecordError
from thads.law._versions import VERSIONS, LawVersion, law_for

_OLD: Final = LawVersion.LAW_2008
_NEW: Final = LawVersion.LAW_2025

POINTS: Final = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p")
"""Point letters (điểm) in the order of Vietnamese legal texts (no f, j; đ after d)."""


class GroundKind(StrEnum):
    """What a ground allows: postponement, suspension or termination of enforcement."""

    POSTPONEMENT = "postponement"
    """Hoãn thi hành án."""
    SUSPENSION = "suspension"
    """Tạm đình chỉ thi hành án."""
    TERMINATION = "termination"
    """Đình chỉ thi hành án."""

    @property
    def vietnamese(self) -> str:
        """The Vietnamese term."""
        return _KIND_VI[self]


_KIND_VI: Final = {
    GroundKind.POSTPONEMENT: "hoãn thi hành án",
    GroundKind.SUSPENSION: "tạm đình chỉ thi hành án",
    GroundKind.TERMINATION: "đình chỉ thi hành án",
}


def _law(value: object, record: str = "Ground") -> LawVersion:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return LawVersion(value)
    except ValueError:
        accepted = ", ".join(v.value for v in VERSIONS)
        raise InvalidRecordError(
            record, "law", f"must be one of {accepted}; got {value!r}"
        ) from None


def _check_positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise InvalidRecordError("Ground", attribute.name, f"must be an int ≥ 1; got {value!r}")


def _check_point(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and value not in POINTS:
        raise InvalidRecordError("Ground", "point", f"must be one of {POINTS}; got {value!r}")


@attrs.frozen
class Ground:
    """A legal ground (căn cứ) of postponement, suspension or termination of enforcement.

    Identified by its law, article (điều), clause (khoản) and point (điểm); ``code`` is
    the short form ``"48.1.c"``. ``description`` is a Vietnamese paraphrase of the
    ground, ``summary`` an English one (neither is the text of the law).
    """

    law: LawVersion = attrs.field(converter=_law)
    article: int = attrs.field(validator=_check_positive)
    clause: int = attrs.field(validator=_check_positive)
    point: str | None = attrs.field(validator=_check_point)
    kind: GroundKind = attrs.field(validator=attrs.validators.instance_of(GroundKind))
    description: str = attrs.field(eq=False, repr=False)
    summary: str = attrs.field(eq=False, repr=False)

    @property
    def code(self) -> str:
        """Short code: article.clause[.point], e.g. ``"48.1.c"``, ``"49.2"``."""
        parts = [str(self.article), str(self.clause)]
        if self.point is not None:
            parts.append(self.point)
        return ".".join(parts)

    @property
    def citation(self) -> str:
        """Vietnamese citation, e.g. ``"điểm c khoản 1 Điều 48 Luật số 26/2008/QH12"``."""
        point = f"điểm {self.point} " if self.point is not None else ""
        return f"{point}khoản {self.clause} Điều {self.article} Luật số {self.law.value}"

    def __str__(self) -> str:
        return self.code


def _g(article: int, clause: int, point: str | None, kind: GroundKind, vi: str, en: str) -> Ground:
    return Ground(_OLD, article, clause, point, kind, vi, en)


def _n(article: int, clause: int, point: str | None, kind: GroundKind, vi: str, en: str) -> Ground:
    return Ground(_NEW, article, clause, point, kind, vi, en)


_P, _S, _T = GroundKind.POSTPONEMENT, GroundKind.SUSPENSION, GroundKind.TERMINATION

KNOWN_GROUNDS: Final[tuple[Ground, ...]] = (
    _g(48, 1, "a", _P,
       "Người phải thi hành án ốm nặng, hoặc bị Tòa án tuyên mất hay hạn chế năng lực "
       "hành vi dân sự",
       "debtor seriously ill, or declared by a court to lack or have limited legal capacity"),
    _g(48, 1, "b", _P,
       "Không rõ địa chỉ của người phải thi hành án hoặc có lý do chính đáng khác, khi "
       "người đó phải tự mình thực hiện nghĩa vụ",
       "debtor's address unknown or another good reason, where the debtor must act in person"),
    _g(48, 1, "c", _P,
       "Các đương sự đồng ý hoãn, bằng văn bản có ghi thời hạn hoãn",
       "the parties agree in writing to postpone, for a stated period"),
    _g(48, 1, "d", _P,
       "Tài sản thi hành án đang được Tòa án giải quyết (Điều 74, 75), hoặc tài sản kê "
       "biên sau khi giảm giá không vượt quá chi phí và nghĩa vụ có bảo đảm",
       "the asset is before a court (Art. 74-75), or a seized asset after price cuts is "
       "worth no more than the costs and the secured debt"),
    _g(48, 1, "đ", _P,
       "Đang chờ cơ quan có thẩm quyền giải thích bản án, quyết định hoặc trả lời kiến "
       "nghị của cơ quan thi hành án",
       "awaiting the court's explanation of the judgment or its answer to the agency"),
    _g(48, 1, "e", _P,
       "Người được nhận tài sản hoặc người được giao nuôi dưỡng không đến nhận sau hai "
       "lần thông báo hợp lệ",
       "the person to receive an asset or a child fails to come after two valid notices"),
    _g(48, 1, "g", _P,
       "Chưa chuyển giao được quyền, nghĩa vụ thi hành án (Điều 54) vì bất khả kháng "
       "hoặc trở ngại khách quan",
       "transfer of enforcement rights or duties (Art. 54) blocked by force majeure"),
    _g(48, 1, "h", _P,
       "Tài sản kê biên không bán được mà người được thi hành án không nhận để trừ nợ",
       "an unsold seized asset that the creditor refuses to take in payment"),
    _g(48, 2, None, _P,
       "Người có thẩm quyền kháng nghị giám đốc thẩm, tái thẩm yêu cầu hoãn (không quá "
       "03 tháng)",
       "request of an authority that may protest by cassation or reopening (≤ 3 months)"),
    _g(49, 1, None, _S,
       "Người có thẩm quyền kháng nghị giám đốc thẩm, tái thẩm tạm đình chỉ thi hành án",
       "an authority that may protest by cassation or reopening suspends enforcement"),
    _g(49, 2, None, _S,
       "Tòa án đã thụ lý đơn yêu cầu mở thủ tục phá sản đối với người phải thi hành án",
       "a court has accepted a petition to open bankruptcy against the debtor"),
    _g(50, 1, "a", _T,
       "Người phải thi hành án chết mà không để lại di sản, hoặc nghĩa vụ không được "
       "chuyển cho người thừa kế",
       "debtor died leaving no estate, or the duty is not inheritable"),
    _g(50, 1, "b", _T,
       "Người được thi hành án chết mà quyền không được chuyển cho người thừa kế hoặc "
       "không có người thừa kế",
       "creditor died and the right is not inheritable or there is no heir"),
    _g(50, 1, "c", _T,
       "Đương sự thỏa thuận bằng văn bản, hoặc người được thi hành án yêu cầu bằng văn "
       "bản đình chỉ một phần hay toàn bộ (trừ khi ảnh hưởng đến người thứ ba)",
       "written agreement of the parties, or the creditor's written waiver of part or all "
       "(unless it harms third parties)"),
    _g(50, 1, "d", _T,
       "Bản án, quyết định bị hủy một phần hoặc toàn bộ (trừ trường hợp khoản 2 Điều 103)",
       "the judgment is annulled in part or in whole (save Art. 103(2))"),
    _g(50, 1, "đ", _T,
       "Người phải thi hành án là tổ chức đã giải thể, không còn tài sản và nghĩa vụ "
       "không được chuyển cho tổ chức khác",
       "debtor organisation dissolved with no assets and the duty not transferable"),
    _g(50, 1, "e", _T,
       "Có quyết định miễn nghĩa vụ thi hành án",
       "a decision exempting the debtor (miễn, Art. 61)"),
    _g(50, 1, "g", _T,
       "Tòa án ra quyết định mở thủ tục phá sản đối với người phải thi hành án",
       "a court opens bankruptcy proceedings against the debtor"),
    _g(50, 1, "h", _T,
       "Người chưa thành niên được giao nuôi dưỡng đã chết hoặc đã thành niên",
       "the minor to be raised has died or come of age"),
    # Law 106/2025/QH15: Art. 46 postponement, 47 suspension, 48 termination [P].
    _n(46, 1, "a", _P,
       "Người phải tự mình thực hiện nghĩa vụ bị ốm nặng hoặc mất, hạn chế năng lực hành vi",
       "debtor who must act in person is gravely ill or lacks legal capacity"),
    _n(46, 1, "b", _P,
       "Người phải tự mình thực hiện nghĩa vụ không rõ địa chỉ",
       "debtor who must act in person has no known address"),
    _n(46, 1, "c", _P,
       "Đương sự thỏa thuận bằng văn bản hoặc người được thi hành án yêu cầu bằng văn bản",
       "written agreement of the parties, or the creditor's written request"),
    _n(46, 1, "d", _P,
       "Tòa án đã thụ lý tranh chấp quyền sở hữu, sử dụng tài sản thi hành án",
       "a court has accepted a dispute over ownership of the asset"),
    _n(46, 1, "đ", _P,
       "Tòa án đã thụ lý yêu cầu hủy kết quả bán đấu giá",
       "a court has accepted a suit to annul the auction result"),
    _n(46, 1, "e", _P,
       "Tài sản bị cơ quan tiến hành tố tụng kê biên, áp dụng biện pháp",
       "the asset is seized or under measures of a procedural body"),
    _n(46, 1, "g", _P,
       "Đang chờ Tòa án sửa chữa, giải thích bản án hoặc tương trợ tư pháp",
       "awaiting the court's correction or explanation, or judicial assistance"),
    _n(46, 1, "h", _P,
       "Đang chờ trả lời kiến nghị giám đốc thẩm, tái thẩm",
       "awaiting the answer to a proposal for cassation or reopening"),
    _n(46, 1, "i", _P,
       "Người được nhận tài sản, người được giao nuôi dưỡng không đến nhận sau hai lần "
       "thông báo hợp lệ",
       "the person to receive an asset or a child fails to come after two valid notices"),
    _n(46, 1, "k", _P,
       "Chưa chuyển giao được quyền, nghĩa vụ vì tình trạng khẩn cấp, trở ngại khách quan, "
       "bất khả kháng",
       "transfer of rights or duties blocked by emergency, obstacle or force majeure"),
    _n(46, 1, "l", _P,
       "Đang xem xét quyết định công nhận hòa giải thành hoặc yêu cầu hủy phán quyết trọng tài",
       "review of a mediation-recognition decision or of a suit to annul an award"),
    _n(46, 2, None, _P,
       "Người có thẩm quyền kháng nghị yêu cầu hoãn (một lần, không quá 03 tháng)",
       "request of a protest authority (once, at most 3 months)"),
    _n(47, 1, None, _S,
       "Tòa án thụ lý đơn mở thủ tục phục hồi, phá sản hoặc đề nghị tạm đình chỉ công nhận "
       "phán quyết nước ngoài",
       "a court accepts a rehabilitation or bankruptcy petition, or asks to suspend the "
       "recognition of a foreign award"),
    _n(47, 2, None, _S,
       "Người có thẩm quyền kháng nghị hoặc cơ quan cạnh tranh tạm đình chỉ thi hành án",
       "a protest authority or the competition authority suspends enforcement"),
    _n(48, 1, None, _T,
       "Người được thi hành án chết hoặc tổ chức chấm dứt mà quyền không được chuyển giao",
       "creditor died or the organisation ended and the right is not transferable"),
    _n(48, 2, None, _T,
       "Người phải thi hành án chết không để lại tài sản hoặc nghĩa vụ không được chuyển "
       "giao; tổ chức chấm dứt không còn tài sản",
       "debtor died without assets or the duty is not transferable; organisation ended "
       "without assets"),
    _n(48, 3, None, _T,
       "Người được nuôi dưỡng đã chết, đã thành niên hoặc thay đổi người nuôi dưỡng",
       "the person to be raised died, came of age or the custodian changed"),
    _n(48, 4, None, _T,
       "Đương sự thỏa thuận hoặc người được thi hành án yêu cầu đình chỉ (không yêu cầu "
       "lại nội dung đã đình chỉ)",
       "parties' agreement or the creditor's request (the content cannot be requested "
       "again)"),
    _n(48, 5, None, _T,
       "Có quyết định miễn, giảm nghĩa vụ thi hành án",
       "a decision exempting or reducing the obligation"),
    _n(48, 6, None, _T,
       "Bản án, quyết định bị hủy",
       "the judgment is annulled"),
    _n(48, 7, None, _T,
       "Kết thúc thủ tục phục hồi, nghĩa vụ đã được thanh toán",
       "rehabilitation ended with the obligation paid"),
    _n(48, 8, None, _T,
       "Tòa án mở thủ tục phá sản đối với người phải thi hành án",
       "a court opens bankruptcy proceedings against the debtor"),
)  # fmt: skip
"""Every ground thads knows: Law 26/2008/QH12 Art. 48–50, Law 106/2025/QH15 Art. 46–48."""

_Address = tuple[LawVersion, int, int, str | None]
_BY_ADDRESS: Final[Mapping[_Address, Ground]] = MappingProxyType(
    {(g.law, g.article, g.clause, g.point): g for g in KNOWN_GROUNDS}
)

AGREED_POSTPONEMENT: Final = _BY_ADDRESS[(_OLD, 48, 1, "c")]
"""Postponement agreed by the parties in writing (2008 Art. 48(1)(c)): ``"48.1.c"``."""
PROTEST_POSTPONEMENT: Final = _BY_ADDRESS[(_OLD, 48, 2, None)]
"""Postponement at the request of a protest authority, at most 3 months (2008 Art. 48(2))."""
PROTEST_SUSPENSION: Final = _BY_ADDRESS[(_OLD, 49, 1, None)]
"""Suspension by a cassation or reopening protest authority (2008 Art. 49(1))."""

AGREED_POSTPONEMENTS: Final[Mapping[LawVersion, Ground]] = MappingProxyType(
    {_OLD: AGREED_POSTPONEMENT, _NEW: _BY_ADDRESS[(_NEW, 46, 1, "c")]}
)
"""Postponement by agreement (2025: or at the creditor's written request), per law."""
PROTEST_POSTPONEMENTS: Final[Mapping[LawVersion, Ground]] = MappingProxyType(
    {_OLD: PROTEST_POSTPONEMENT, _NEW: _BY_ADDRESS[(_NEW, 46, 2, None)]}
)
"""Postponement at a protest authority's request (≤ 3 months), per law."""
PROTEST_SUSPENSIONS: Final[Mapping[LawVersion, Ground]] = MappingProxyType(
    {_OLD: PROTEST_SUSPENSION, _NEW: _BY_ADDRESS[(_NEW, 47, 2, None)]}
)
"""Suspension by a protest (2025: or competition) authority, per law."""

REFUSAL_GROUNDS: Final[Mapping[LawVersion, tuple[str, ...]]] = MappingProxyType(
    {
        _OLD: (
            "no right to request, or the request is not about the judgment",
            "no jurisdiction",
            "limitation period expired",
        ),
        _NEW: (
            "no right to request, or the content is unrelated to the judgment",
            "the judgment creates no rights or duties to enforce",
            "no jurisdiction",
            "limitation period expired",
            "the content is already covered by an enforcement decision",
        ),
    }
)
"""Grounds to refuse a request (từ chối yêu cầu): 2008 Art. 31; 2025 Art. 34(4), whose
last ground is new (docs/grounds.md)."""

ACCEPTED_FORMS: Final = (
    "điểm c khoản 1 Điều 48",
    "Điều 48 khoản 1 điểm c",
    "khoản 1 Điều 48 điểm c",
    "48.1.c",
    "48(1)(c)",
    "Đ48.1.c",
    "Điều 48(1)(c)",
    "Art. 48(1)(c)",
    "khoản 1 Điều 49",
    "49.1",
)
"""Examples of each accepted way of writing a ground (any case, spacing, diacritics)."""

_FORMS_TEXT: Final = (
    "accepted forms: "
    + ", ".join(repr(f) for f in ACCEPTED_FORMS)
    + " (a clause without points, such as 49.1 or 48.2, has no point); each may be "
    "followed or preceded by the law's name ('Luật THADS', 'Luật Thi hành án dân sự năm "
    "2008', 'Luật số 26/2008/QH12'), in any case, with or without diacritics"
)


def _known_text(law: LawVersion) -> str:
    codes = ", ".join(g.code for g in KNOWN_GROUNDS if g.law == law)
    return f"known grounds of Law {law}: {codes}"


# --- reading -----------------------------------------------------------------------------

_STROKES: Final = re.compile("([dD])[\u0335\u0336]")
_LOOKALIKE_D: Final = str.maketrans({"ð": "đ", "ɖ": "đ"})  # Ð from Windows-1258 read as Latin-1


def _fold(text: str) -> str:
    """Lower case, no diacritics except đ, no invisible characters, single spaces."""
    decomposed = _STROKES.sub(
        lambda m: "đ" if m[1] == "d" else "Đ", unicodedata.normalize("NFD", text)
    )
    out: list[str] = []
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category in ("Mn", "Cf"):
            continue
        out.append(" " if ch.isspace() else ch)
    folded = "".join(out).lower().translate(_LOOKALIKE_D)
    return re.sub(" +", " ", folded).strip()


_ART: Final = r"(?:dieu|article|art\.?|d\.?)"
_CLS: Final = r"(?:khoan|clause|cl\.?|k\.?)"
_PNT: Final = r"(?:diem|point|pt\.?)"
_LETTER: Final = r"(?:dd|[a-z])(?![a-z])"

_COMPACT: Final = re.compile(
    rf"""
    (?:{_ART}\s*)?(?P<article>[0-9]+)
    (?:\s*[.\-/]\s*(?P<clause>[0-9]+)|\s*\(\s*(?P<clause_p>[0-9]+)\s*\))
    (?:\s*[.\-/]?\s*(?P<point>{_LETTER})|\s*\(\s*(?P<point_p>{_LETTER})\s*\))?
    \s*\.?
    """,
    re.VERBOSE,
)
_TOKENS: Final = (
    ("point", re.compile(rf"{_PNT}\s*(?P<v>{_LETTER})\s*\)?")),
    ("clause", re.compile(rf"{_CLS}\s*(?P<v>[0-9]+)")),
    ("article", re.compile(rf"{_ART}\s*(?P<v>[0-9]+)")),
)
_SEP: Final = re.compile(r"[\s,;:.]*(?:(?:cua|tai|theo|thuoc|of)(?![a-z])[\s,;:.]*)?")

_LAW_WORD: Final = re.compile(r"(?<![a-z])(?:luat|law|lthads)(?![a-z])")
_LAW_NAME: Final = re.compile(
    r"""
    [(\[]?\s*
    (?:
        luat\s*(?:thads|tha\s*ds|thi\s*hanh\s*an\s*dan\s*su)
      | lthads
      | law\s+on\s+(?:thads|civil\s+judgment\s+enforcement)
      | luat(?=\s*(?:so\s*)?[0-9]+/)
    )
    (?:\s*(?:so\s*)?(?P<number>[0-9]+/[0-9]{4}/qh[0-9]+)|\s*(?:nam\s*)?(?P<year>[0-9]{4}))?
    (?:\s*,?\s*\(?\s*(?:da\s+)?(?:duoc\s+)?sua\s+doi(?:\s*,?\s*bo\s+sung)?
       (?:\s+nam)?\s+(?P<amended>[0-9]{4})\s*\)?)?
    \s*[)\]]?\s*\.?
    """,
    re.VERBOSE,
)
_LAW_NUMBERS: Final = {"26/2008/qh12": _OLD, "106/2025/qh15": _NEW}
_LAW_YEARS: Final = {"2008": _OLD, "2014": _OLD, "2025": _NEW}
_AMENDED_YEARS: Final = frozenset({"2014", "2018", "2020", "2022"})


_MAX_LENGTH: Final = 200
"""Longer text is not a ground (the longest accepted spelling is about 120 characters)."""


_LIKELY: Final[dict[LawVersion, tuple[tuple[tuple[str, ...], str], ...]]] = {
    _OLD: (
        (("thoa thuan", "dong y", "thuan tinh"), "48.1.c"),
        (("khang nghi",), "48.2"),
        (("om nang", "nang luc hanh vi"), "48.1.a"),
        (("khong ro dia chi",), "48.1.b"),
    ),
    _NEW: (
        (("thoa thuan", "dong y", "thuan tinh", "yeu cau hoan"), "46.1.c"),
        (("khang nghi",), "46.2"),
        (("om nang", "nang luc hanh vi"), "46.1.a"),
        (("khong ro dia chi",), "46.1.b"),
    ),
}
"""Words of a ground written in free text → the ground they most likely mean, per law.

Only a hint in the error message ("likely 48.1.c"): such a text is still refused, never
read as that ground (docs/grounds.md).
"""


def _likely(text: str, law: LawVersion) -> str:
    """``"; likely 48.1.c (...)"`` when free text names a known ground's words, else ``""``."""
    folded = _fold(text)
    for words, code in _LIKELY.get(law, ()):
        if any(word in folded for word in words):
            article, clause, *point = code.split(".")
            ground = _BY_ADDRESS.get((law, int(article), int(clause), point[0] if point else None))
            if ground is not None:
                return f"; likely {ground.code} ({ground.description}): write it as {ground.code}"
    return ""


class _UnreadableError(Exception):
    """Internal: the text is not in any accepted form (the detail says why)."""


def _named_law(m: re.Match[str]) -> LawVersion | None:
    """The law a law-name match names, None when it names no number or year."""
    named: LawVersion | None = None
    if m["number"] is not None:
        if m["number"] not in _LAW_NUMBERS:
            raise _UnreadableError(f"it names law {m['number'].upper()}, not a law on THADS")
        named = _LAW_NUMBERS[m["number"]]
    elif m["year"] is not None:
        if m["year"] not in _LAW_YEARS:
            raise _UnreadableError(f"it names a law on THADS of {m['year']}, which does not exist")
        named = _LAW_YEARS[m["year"]]
    if m["amended"] is not None:
        if m["amended"] not in _AMENDED_YEARS or named is _NEW:
            raise _UnreadableError(
                f"it names an amendment of {m['amended']} that thads does not know"
            )
        named = _OLD
    return named


def _split_law(key: str) -> tuple[int, int, LawVersion | None]:
    """The span of the ground within ``key`` and the law its name names, if any."""
    m = _LAW_WORD.search(key)
    if m is None:
        return 0, len(key), None
    start = m.start()
    if start > 0 and key[start - 1] in "([":
        start -= 1
    if re.fullmatch(r"[\s,;:.(\[]*(?:(?:theo|tai)[\s,;:.]*)?", key[:start]):
        # The law's name comes first: "Luật THADS, Điều 48 khoản 1 điểm c".
        name = _LAW_NAME.match(key, start)
        if name is None:
            raise _UnreadableError("the law's name is not one thads knows")
        return name.end(), len(key), _named_law(name)
    # The law's name comes last: "... Điều 48 (của) Luật THADS".
    name = _LAW_NAME.fullmatch(key, start)
    if name is None:
        raise _UnreadableError("the text after the ground is not the name of the law on THADS")
    end = start
    tail = re.search(r"[\s,;:(]*(?:(?:cua|theo|thuoc|of)(?:\s+the)?[\s,;:(]*)?$", key[:start])
    if tail is not None:
        end = tail.start()
    return 0, end, _named_law(name)


def _letter(key: str, folded: str, m: re.Match[str], group: str) -> str | None:
    """The point letter of a match; đ when written đ (folded keeps it) or dd."""
    if m[group] is None:
        return None
    if m[group] == "dd" or folded[m.start(group)] == "đ":
        return "đ"
    return m[group]


def _token(key: str, pos: int, end: int) -> tuple[str, re.Match[str] | None]:
    """The point, clause or article written at ``pos``, if any."""
    for name, pattern in _TOKENS:
        m = pattern.match(key, pos, end)
        if m is not None:
            return name, m
    return "", None


def _read(text: str) -> tuple[int, int | None, str | None, LawVersion | None]:
    """Article, clause, point and the law named in ``text``; raise _UnreadableError."""
    if len(text) > _MAX_LENGTH:
        raise _UnreadableError(f"it is longer than {_MAX_LENGTH} characters")
    folded = _fold(text)
    key = folded.replace("đ", "d")  # same length: indexes agree between the two
    start, end, law = _split_law(key)
    head = _SEP.match(key, start)
    if head is not None:
        start = head.end()
    while end > start and key[end - 1] in " ,;:":
        end -= 1
    if end - start >= 2 and key[start] + key[end - 1] in ("()", "[]"):
        start, end = start + 1, end - 1  # one pair of brackets around the whole ground
    if start >= end:
        raise _UnreadableError("no article is given")
    compact = _COMPACT.fullmatch(key, start, end)
    if compact is not None:
        clause = compact["clause"] or compact["clause_p"]
        point = _letter(key, folded, compact, "point") or _letter(key, folded, compact, "point_p")
        return int(compact["article"]), int(clause), point, law
    found: dict[str, str] = {}
    pos = start
    while pos < end:
        name, m = _token(key, pos, end)
        if m is None:
            raise _UnreadableError(f"{folded[pos:end]!r} is not a point, clause or article")
        if name in found:
            raise _UnreadableError(f"the {name} is given twice")
        found[name] = (_letter(key, folded, m, "v") or "") if name == "point" else m["v"]
        sep = _SEP.match(key, m.end(), end)
        pos = sep.end() if sep is not None else m.end()
    if "article" not in found:
        raise _UnreadableError("no article (Điều) is given")
    if "point" in found and "clause" not in found:
        raise _UnreadableError("a point (điểm) is given without its clause (khoản)")
    clause_text = found.get("clause")
    return (
        int(found["article"]),
        int(clause_text) if clause_text is not None else None,
        found.get("point"),
        law,
    )


def _reading_law(law: LawVersion | str | None, on: date | None, record: str) -> LawVersion:
    """The law a ground is read under: ``law``, else the law in force ``on``, else 2008."""
    if law is not None:
        return _law(law, record)
    if on is not None:
        return law_for(on)
    return _OLD


def parse_ground(
    text: str,
    *,
    law: LawVersion | str | None = None,
    on: date | None = None,
    kind: GroundKind | None = None,
    record: str = "legal ground",
) -> Ground:
    """Read a legal ground (căn cứ) written in any usual way into its :class:`Ground`.

    Read under ``law`` (a :class:`~thads.law.LawVersion` or its value), else under the
    law in force on ``on`` (the day of the decision), else under Law 26/2008/QH12.
    ``kind``, when given, requires a ground of that kind. Raises
    :class:`~thads.errors.InvalidGroundError` naming ``record`` when the text is in no
    accepted form, names another law, or is not a ground of that law.
    """
    version = _reading_law(law, on, record)
    if not isinstance(text, str):
        raise InvalidGroundError(
            record, "ground", f"must be text; got {type(text).__name__}; {_FORMS_TEXT}"
        )
    try:
        article, clause, point, named = _read(text)
    except _UnreadableError as exc:
        raise InvalidGroundError(
            record,
            "ground",
            f"cannot read {text!r} as a legal ground ({exc}){_likely(text, version)}; "
            f"{_FORMS_TEXT}; {_known_text(version)}",
        ) from None
    if named is not None and named is not version:
        raise InvalidGroundError(
            record,
            "ground",
            f"{text!r} names Law {named.value}, but it is read under Law {version.value}",
        )
    address = (
        f"{article}"
        + (f".{clause}" if clause is not None else "")
        + (f".{point}" if point is not None else "")
    )
    ground = _BY_ADDRESS.get((version, article, clause or 0, point))
    if ground is None:
        raise InvalidGroundError(
            record,
            "ground",
            f"{text!r} reads as {address}, which is not a ground of postponement, suspension "
            f"or termination in Law {version.value}; {_known_text(version)}; {_FORMS_TEXT}",
        )
    if kind is not None and ground.kind is not kind:
        raise InvalidGroundError(
            record,
            "ground",
            f"{ground.code} is a ground of {ground.kind.vietnamese} ({ground.kind.value}), "
            f"not of {kind.vietnamese} ({kind.value})",
        )
    return ground


@functools.lru_cache(maxsize=4096)
def _code(text: str, law: LawVersion) -> str:
    return parse_ground(text, law=law).code


def ground_code(
    ground: str | Ground | None, *, law: LawVersion | str | None = None, on: date | None = None
) -> str | None:
    """Code of a legal ground (căn cứ): ``"điểm c khoản 1 Điều 48"`` → ``"48.1.c"``.

    None for None or blank text; otherwise read with :func:`parse_ground` under ``law``
    (else the law in force ``on``, else Law 26/2008/QH12); a ground that cannot be read
    raises :class:`InvalidGroundError`.
    """
    if ground is None:
        return None
    if isinstance(ground, Ground):
        return ground.code
    if not ground.strip():
        return None
    return _code(ground, _reading_law(law, on, "legal ground"))


__all__ = [
    "ACCEPTED_FORMS",
    "AGREED_POSTPONEMENT",
    "AGREED_POSTPONEMENTS",
    "KNOWN_GROUNDS",
    "POINTS",
    "PROTEST_POSTPONEMENT",
    "PROTEST_POSTPONEMENTS",
    "PROTEST_SUSPENSION",
    "PROTEST_SUSPENSIONS",
    "REFUSAL_GROUNDS",
    "Ground",
    "GroundKind",
    "ground_code",
    "parse_ground",
]
