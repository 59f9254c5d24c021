"""The deadline table (bảng thời hạn): the legal facts of every step, keyed by law.

Data only; :mod:`thads.law._deadlines` meets it with the calendar and the case. Each row
is one step (bước) with its Vietnamese title and, for each :class:`LawVersion` that has
the step, its rule, the article it rests on and, where the value is not known to thads,
the gap (docs/law/gaps.md). Values and articles: docs/law/deadlines.md. A rule is data
such as ``("working_days", 5)``; ``("working_days", 0)`` is "at once" (ngay).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Literal

import attrs

from thads.errors import InvalidRecordError
from thads.law._versions import LawVersion
from thads.records import EnforcementMode

Unit = Literal["working_days", "days", "months", "years", "tolled_years"]
"""``working_days``: counted on the working calendar (0: the same day, "ngay");
``days``/``months``/``years``: a calendar period (Civil Code Art. 147-148);
``tolled_years``: years lengthened by the excluded intervals (limitation)."""
Span = tuple[Unit, int]
Rule = Span | tuple[Span, ...]
"""One span such as ``("working_days", 5)``, or spans counted one after the other."""

OLD: Final = LawVersion.LAW_2008
NEW: Final = LawVersion.LAW_2025


class DelegatedScope(StrEnum):
    """What a delegated verification (ủy quyền xác minh) is about, for its answer time."""

    REGISTERED_PROPERTY = "registered_property"
    """Registered real or movable property: at most 30 days."""
    REGISTERED_PROPERTY_COMPLEX = "registered_property_complex"
    """The same, difficult or complex: at most 45 days."""
    OTHER = "other"
    """Other assets and information: at most 15 days."""
    ACCOUNT = "account"
    """Account information or a provisional emergency measure: at once (new decree)."""


@attrs.frozen
class StepLaw:
    """One step under one law: its rule (None: value unknown), basis and gap."""

    rule: Rule | None
    basis: str
    gap: str | None = None
    """What is not known of the step under this law (docs/law/gaps.md lists each)."""
    name: str | None = None
    """The step's name under this law, where it differs (e.g. ``return_request``)."""
    title: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.rule is None and self.gap is None:
            raise InvalidRecordError("deadline table", "gap", f"{self.basis}: unknown, unnamed")


Side = StepLaw | Mapping[str, StepLaw]
"""A step under one law, or its variants by key (chosen by the trigger)."""


def _frozen_side(side: Side) -> Side:
    return side if isinstance(side, StepLaw) else MappingProxyType(dict(side))


def _frozen_laws(laws: Mapping[LawVersion, Side]) -> Mapping[LawVersion, Side]:
    return MappingProxyType({law: _frozen_side(side) for law, side in laws.items()})


@attrs.frozen
class StepRule:
    """The legal facts of one step: name, Vietnamese title, its side under each law.

    A law missing from ``laws`` does not have the step (e.g. the Decree 152/2026 steps
    before 01/07/2026): it is only produced for triggers under a law that has it.
    """

    name: str
    title: str
    laws: Mapping[LawVersion, Side] = attrs.field(converter=_frozen_laws)
    trackable: bool = True


ORDINARY: Final = "ordinary"
"""Variant key: the general case."""
LONG_CYCLE: Final = "prisoner_or_address_unknown"
"""Variant key: debtor in prison with 2 years or more left, or new address unknown."""
BANKRUPTCY: Final = "bankruptcy"
"""Variant key: the court's decision in a bankruptcy."""
EMERGENCY: Final = "emergency"
"""Variant key: a provisional emergency measure (biện pháp khẩn cấp tạm thời)."""
FROM_EFFECT: Final = "from_effect"
"""Variant key: unclaimed money collected within 5 years of the judgment's effect."""
AFTER_FIVE_YEARS: Final = "after_five_years"
"""Variant key: unclaimed money collected after that point."""

LIMITATION_YEARS: Final = 5
"""Limitation period to request enforcement: 5 years (2008 Art. 30(1); 2025 Art. 34(2))."""

_L08 = "Luật THADS 2008"
_L25 = "Luật THADS 106/2025"
_D62 = "Nghị định 62/2015"
_D152 = "Nghị định 152/2026"
_WD5: Final[Span] = ("working_days", 5)
_WD3: Final[Span] = ("working_days", 3)
_AT_ONCE: Final[Span] = ("working_days", 0)


def _l(rule: Rule | None, basis: str, gap: str | None = None, **names: str) -> StepLaw:
    return StepLaw(rule, basis, gap, names.get("name"), names.get("title"))


STEPS: Final = (
    StepRule(
        "limitation",
        "Thời hiệu yêu cầu thi hành án",
        {
            OLD: _l(
                ("tolled_years", LIMITATION_YEARS),
                f"{_L08} Điều 30; {_D62} Điều 4, 7: 5 năm, không tính thời gian hoãn, tạm "
                "đình chỉ (trừ hoãn do người được thi hành án đồng ý), bất khả kháng, trở "
                "ngại khách quan",
            ),
            NEW: _l(
                ("tolled_years", LIMITATION_YEARS),
                f"{_L25} Điều 34(2); {_D152} Điều 10: 5 năm, chỉ không tính tình trạng khẩn "
                "cấp, trở ngại khách quan, sự kiện bất khả kháng",
            ),
        },
    ),
    StepRule(
        "decision",
        "Ra quyết định thi hành án",
        {
            OLD: {
                ORDINARY: _l(_WD5, f"{_L08} Điều 36(1)-(2): 5 ngày làm việc"),
                BANKRUPTCY: _l(
                    _WD3, f"{_L08} Điều 36(2): quyết định của Tòa án về phá sản, 3 ngày làm việc"
                ),
                EMERGENCY: _l(_AT_ONCE, f"{_L08} Điều 36(2): biện pháp khẩn cấp tạm thời, ngay"),
            },
            NEW: {
                ORDINARY: _l(
                    _WD5,
                    f"{_L25} Điều 33(3), 34(3): 5 ngày làm việc từ ngày nhận yêu cầu và bản án "
                    "(chủ động: từ ngày nhận bản án)",
                ),
                BANKRUPTCY: _l(
                    _WD3, f"{_L25} Điều 33(3): quyết định tuyên bố phá sản, 3 ngày làm việc"
                ),
                EMERGENCY: _l(_AT_ONCE, f"{_L25} Điều 33(3): biện pháp khẩn cấp tạm thời, ngay"),
            },
        },
    ),
    StepRule(
        "refusal",
        "Từ chối yêu cầu thi hành án",
        {
            OLD: _l(_WD5, f"{_L08} Điều 31: 5 ngày làm việc từ ngày nhận đơn"),
            NEW: _l(_WD5, f"{_L25} Điều 34(4): 5 ngày làm việc từ ngày nhận yêu cầu"),
        },
    ),
    StepRule(
        "missing_documents",
        "Thông báo sửa đổi, bổ sung yêu cầu thi hành án",
        {NEW: _l(("working_days", 1), f"{_D152} Điều 9(6): 1 ngày làm việc (nếu yêu cầu thiếu)")},
        trackable=False,
    ),
    StepRule(
        "case_file",
        "Lập hồ sơ thi hành án",
        {
            NEW: _l(
                ("working_days", 2), f"{_D152} Điều 12(2): 2 ngày làm việc từ ngày được phân công"
            )
        },
        trackable=False,
    ),
    StepRule(
        "send_to_procuracy",
        "Gửi quyết định cho Viện kiểm sát",
        {
            OLD: _l(_WD3, f"{_L08} Điều 38: 3 ngày làm việc từ ngày ra quyết định"),
            NEW: _l(_WD3, f"{_L25} Điều 35(2): 3 ngày làm việc từ ngày ra quyết định"),
        },
        trackable=False,
    ),
    StepRule(
        "notify_parties",
        "Thông báo cho đương sự",
        {
            OLD: _l(_WD3, f"{_L08} Điều 39(2): 3 ngày làm việc từ ngày ra văn bản"),
            NEW: _l(_WD3, f"{_L25} Điều 35(1): 3 ngày làm việc từ ngày ra văn bản"),
        },
        trackable=False,
    ),
    StepRule(
        "voluntary",
        "Thời hạn tự nguyện thi hành án",
        {
            OLD: _l(
                ("days", 10), f"{_L08} Điều 45(1): 10 ngày từ ngày nhận hoặc được thông báo hợp lệ"
            ),
            NEW: _l(("days", 10), f"{_L25} Điều 36(1): 10 ngày từ ngày được thông báo hợp lệ"),
        },
        trackable=False,
    ),
    StepRule(
        "first_verification",
        "Xác minh điều kiện thi hành án lần đầu",
        {
            OLD: _l(("days", 10), f"{_L08} Điều 44(1): 10 ngày từ khi hết thời hạn tự nguyện"),
            NEW: _l(("days", 9), f"{_L25} Điều 37(1): 09 ngày từ khi hết thời hạn tự nguyện"),
        },
    ),
    StepRule(
        "no_conditions_decision",
        "Quyết định về việc chưa có điều kiện thi hành án",
        {
            OLD: _l(_WD5, f"{_D62} Điều 9(4): 5 ngày làm việc"),
            NEW: _l(_WD5, f"{_L25} Điều 38(1): 5 ngày làm việc từ khi có căn cứ"),
        },
    ),
    StepRule(
        "publication",
        "Công khai thông tin người phải thi hành án chưa có điều kiện",
        {
            OLD: _l(_WD5, f"{_D62} Điều 11(1): 5 ngày làm việc"),
            NEW: _l(_WD5, f"{_D152} Điều 23(1): 5 ngày làm việc"),
        },
        trackable=False,
    ),
    StepRule(
        "separate_register",
        "Chuyển sổ theo dõi riêng",
        {
            OLD: {
                ORDINARY: _l(
                    (("years", 1), _WD3),
                    f"{_D62} Điều 9(5): sau 1 năm, ít nhất hai lần xác minh, không có thông "
                    "tin mới; trong 3 ngày làm việc",
                ),
                LONG_CYCLE: _l(
                    (("years", 2), _WD3),
                    f"{_D62} Điều 9(5): sau 2 năm, ít nhất hai lần xác minh, không có thông "
                    "tin mới; trong 3 ngày làm việc",
                ),
            },
            NEW: {
                EnforcementMode.ACTIVE: _l(
                    ("years", 2),
                    f"{_L25} Điều 38(4); {_D152} Điều 22(1): chuyển sổ theo dõi riêng sau 2 "
                    "năm, đã xác minh, không có thông tin mới",
                ),
                EnforcementMode.ON_REQUEST: _l(
                    ("years", 2),
                    f"{_L25} Điều 38(4); {_D152} Điều 22(2): gửi lại yêu cầu sau 2 năm, đã "
                    "xác minh, không có thông tin mới",
                    name="return_request",
                    title="Gửi lại yêu cầu thi hành án",
                ),
            },
        },
    ),
    StepRule(
        "re_verification",
        "Xác minh lại điều kiện thi hành án",
        {
            OLD: {
                ORDINARY: _l(
                    ("months", 6),
                    f"{_L08} Điều 44(2): ít nhất 6 tháng một lần; sau hai lần xác minh chỉ "
                    "xác minh lại khi có thông tin mới",
                ),
                LONG_CYCLE: _l(
                    ("months", 12),
                    f"{_L08} Điều 44(2): ít nhất một năm một lần; sau hai lần xác minh chỉ "
                    "xác minh lại khi có thông tin mới",
                ),
            },
            NEW: {
                ORDINARY: _l(("months", 6), f"{_L25} Điều 38(3): ít nhất 6 tháng một lần"),
                LONG_CYCLE: _l(
                    ("months", 12),
                    f"{_L25} Điều 38(3): ít nhất một năm một lần (phạm nhân còn từ 2 năm, "
                    "không rõ địa chỉ mới)",
                ),
            },
        },
    ),
    StepRule(
        "creditor_information",
        "Xác minh lại theo kết quả của người được thi hành án hoặc kháng nghị",
        {
            OLD: _l(_WD5, f"{_L08} Điều 44(3): 5 ngày làm việc"),
            NEW: _l(_WD5, f"{_L25} Điều 37(5): 5 ngày làm việc"),
        },
    ),
    StepRule(
        "new_information",
        "Xác minh khi có thông tin mới",
        {
            OLD: _l(("days", 10), f"{_D62} Điều 9(4): 10 ngày từ khi có thông tin mới"),
            NEW: _l(("days", 10), f"{_L25} Điều 38(2): 10 ngày từ khi nhận thông tin mới"),
        },
    ),
    StepRule(
        "third_party_answer",
        "Cung cấp thông tin theo yêu cầu của Chấp hành viên",
        {
            OLD: _l(_WD3, f"{_L08} Điều 44(6)(b): 3 ngày làm việc (tài khoản: ngay)"),
            NEW: _l(_WD3, f"{_L25} Điều 37(6)(b)-(c): 3 ngày làm việc (tài khoản: ngay)"),
        },
        trackable=False,
    ),
    StepRule(
        "delegated_verification",
        "Trả lời kết quả xác minh theo ủy quyền",
        {
            OLD: {
                DelegatedScope.REGISTERED_PROPERTY: _l(
                    ("days", 30), f"{_D62} Điều 9(2): không quá 30 ngày"
                ),
                DelegatedScope.REGISTERED_PROPERTY_COMPLEX: _l(
                    ("days", 45), f"{_D62} Điều 9(2): không quá 45 ngày"
                ),
                DelegatedScope.OTHER: _l(("days", 15), f"{_D62} Điều 9(2): không quá 15 ngày"),
            },
            NEW: {
                DelegatedScope.REGISTERED_PROPERTY: _l(
                    ("days", 30), f"{_D152} Điều 21(5): không quá 30 ngày"
                ),
                DelegatedScope.REGISTERED_PROPERTY_COMPLEX: _l(
                    ("days", 45), f"{_D152} Điều 21(5): không quá 45 ngày"
                ),
                DelegatedScope.OTHER: _l(("days", 15), f"{_D152} Điều 21(5): không quá 15 ngày"),
            },
        },
        trackable=False,
    ),
    StepRule(
        "delegated_verification_account",
        "Trả lời kết quả xác minh theo ủy quyền (tài khoản, biện pháp khẩn cấp tạm thời)",
        {
            OLD: _l(
                None,
                f"{_D62} Điều 9(2)",
                "delegated verification of account information under Decree 62/2015 "
                "(no time stated)",
            ),
            NEW: _l(_AT_ONCE, f"{_D152} Điều 21(5)(c): ngay"),
        },
        trackable=False,
    ),
    StepRule(
        "postponed_decision",
        "Ra quyết định hoãn thi hành án",
        {
            OLD: _l(_WD5, f"{_L08} Điều 48(3): 5 ngày làm việc từ khi có căn cứ"),
            NEW: _l(_WD5, f"{_L25} Điều 46(1): 5 ngày làm việc từ khi có căn cứ"),
        },
    ),
    StepRule(
        "suspended_decision",
        "Ra quyết định tạm đình chỉ thi hành án",
        {
            OLD: _l(_WD5, f"{_L08} Điều 49(2)-(3): 5 ngày làm việc từ khi có căn cứ"),
            NEW: _l(_WD5, f"{_L25} Điều 47: 5 ngày làm việc từ khi có căn cứ"),
        },
    ),
    StepRule(
        "terminated_decision",
        "Ra quyết định đình chỉ thi hành án",
        {
            OLD: _l(_WD5, f"{_L08} Điều 50(2): 5 ngày làm việc từ khi có căn cứ"),
            NEW: _l(_WD5, f"{_L25} Điều 48: 5 ngày làm việc từ khi có căn cứ"),
        },
    ),
    StepRule(
        "resumed_decision",
        "Ra quyết định tiếp tục thi hành án",
        {
            OLD: _l(_WD5, f"{_L08} Điều 48(4), 49(3): 5 ngày làm việc từ khi có căn cứ"),
            NEW: _l(_WD5, f"{_L25} Điều 46(3), 47: 5 ngày làm việc từ khi hết căn cứ"),
        },
    ),
    StepRule(
        "protest_postponement_end",
        "Hết thời hạn hoãn theo yêu cầu của người có thẩm quyền kháng nghị",
        {
            OLD: _l(("months", 3), f"{_L08} Điều 48(2): hoãn không quá 3 tháng"),
            NEW: _l(("months", 3), f"{_L25} Điều 46(2): hoãn không quá 3 tháng, một lần"),
        },
    ),
    StepRule(
        "protest_resumption",
        "Ra quyết định tiếp tục thi hành án",
        {
            OLD: _l(_WD5, f"{_L08} Điều 48(4): 5 ngày làm việc sau khi hết hạn hoãn"),
            NEW: _l(_WD5, f"{_L25} Điều 46(3): 5 ngày làm việc sau khi hết hạn hoãn"),
        },
    ),
    StepRule(
        "pay_out",
        "Chi trả tiền thi hành án",
        {
            OLD: _l(("days", 10), f"{_L08} Điều 47(5): 10 ngày từ ngày thu được tiền"),
            NEW: _l(
                ("days", 10),
                f"{_L25} Điều 54(6): 10 ngày từ ngày thu được tiền hoặc giao tài sản",
            ),
        },
        trackable=False,
    ),
    StepRule(
        "pay_out_extended",
        "Chi trả tiền thi hành án (kéo dài)",
        {NEW: _l(("days", 45), f"{_D152} Điều 30(3)(a): kéo dài không quá 45 ngày")},
        trackable=False,
    ),
    StepRule(
        "foreign_currency",
        "Đổi tiền thu được sang ngoại tệ",
        {NEW: _l(("working_days", 2), f"{_D152} Điều 30(6)(b): 2 ngày làm việc")},
        trackable=False,
    ),
    StepRule(
        "deposit_sale_proceeds",
        "Gửi tiết kiệm tiền bán tài sản chưa giao",
        {NEW: _l(("days", 10), f"{_D152} Điều 30(7): sau 10 ngày, kỳ hạn 1 tháng")},
        trackable=False,
    ),
    StepRule(
        "deposit_stayed",
        "Gửi tiết kiệm tiền đã thu khi hoãn, tạm đình chỉ",
        {NEW: _l(_WD5, f"{_D152} Điều 30(8): 5 ngày làm việc")},
        trackable=False,
    ),
    StepRule(
        "pay_out_after_ground",
        "Chi trả tiền sau khi hết căn cứ kéo dài",
        {NEW: _l(("days", 10), f"{_D152} Điều 30(3)(b)-(d), (4): 10 ngày")},
        trackable=False,
    ),
    StepRule(
        "unclaimed_notice",
        "Thông báo nhận tiền, tài sản",
        {NEW: _l(_WD3, f"{_L25} Điều 59(1): 3 ngày làm việc")},
        trackable=False,
    ),
    StepRule(
        "unclaimed_deposit",
        "Gửi tiết kiệm tiền không có người nhận",
        {NEW: _l(("days", 15), f"{_L25} Điều 59(1): sau 15 ngày từ ngày thông báo")},
        trackable=False,
    ),
    StepRule(
        "unclaimed_to_budget",
        "Sung ngân sách tiền, tài sản không có người nhận",
        {
            OLD: {
                FROM_EFFECT: _l(
                    ("years", 5), f"{_D62} Điều 49(5): 5 năm từ ngày bản án có hiệu lực"
                ),
                AFTER_FIVE_YEARS: _l(
                    ("years", 1), f"{_D62} Điều 49(5): 1 năm từ ngày thông báo (thu sau 5 năm)"
                ),
            },
            NEW: {
                FROM_EFFECT: _l(
                    ("years", 5), f"{_L25} Điều 59(2): 5 năm từ ngày bản án có hiệu lực"
                ),
                AFTER_FIVE_YEARS: _l(
                    ("years", 1), f"{_L25} Điều 59(2): 1 năm từ ngày thông báo (thu sau 5 năm)"
                ),
            },
        },
        trackable=False,
    ),
    StepRule(
        "posting",
        "Thời hạn niêm yết công khai",
        {
            OLD: _l(("days", 10), f"{_L08} Điều 42(3): niêm yết 10 ngày"),
            NEW: _l(("days", 7), f"{_D152} Điều 17(3): niêm yết 7 ngày"),
        },
        trackable=False,
    ),
    StepRule(
        "certificate",
        "Xác nhận kết quả thi hành án",
        {
            OLD: _l(_WD5, f"{_L08} Điều 53: 5 ngày làm việc"),
            NEW: _l(_WD3, f"{_D152} Điều 32(3): 3 ngày làm việc"),
        },
        trackable=False,
    ),
    StepRule(
        "prisoner_payment_unclaimed",
        "Sung quỹ tiền phạm nhân tự nguyện nộp không có người nhận",
        {
            OLD: _l(("years", 1), f"{_D62} Điều 4(6): 1 năm từ ngày thông báo hợp lệ"),
            NEW: _l(("years", 1), f"{_D152} Điều 10(3): 1 năm từ ngày thông báo hợp lệ"),
        },
        trackable=False,
    ),
)
"""The legal facts of every step, one row each (docs/law/deadlines.md)."""
RULES: Final = MappingProxyType({row.name: row for row in STEPS})


def sides(side: Side | None) -> tuple[StepLaw, ...]:
    """Every variant of one side of a step."""
    if side is None:
        return ()
    return (side,) if isinstance(side, StepLaw) else tuple(side.values())


def unknown_under(law: LawVersion) -> Mapping[str, str]:
    """Step name → gap, for the steps whose value under ``law`` is unknown."""
    return MappingProxyType(
        {
            entry.name or row.name: entry.gap
            for row in STEPS
            for entry in sides(row.laws.get(law))
            if entry.gap is not None
        }
    )


UNKNOWN_UNDER_NEW_LAW: Final = unknown_under(NEW)
"""Deadlines whose value under Law 106/2025 is unknown (docs/law/gaps.md lists each)."""
UNKNOWN_UNDER_OLD_LAW: Final = unknown_under(OLD)
"""Deadlines the old law states no value for (docs/law/gaps.md)."""

__all__ = [
    "AFTER_FIVE_YEARS",
    "BANKRUPTCY",
    "EMERGENCY",
    "FROM_EFFECT",
    "LIMITATION_YEARS",
    "LONG_CYCLE",
    "ORDINARY",
    "RULES",
    "STEPS",
    "UNKNOWN_UNDER_NEW_LAW",
    "UNKNOWN_UNDER_OLD_LAW",
    "DelegatedScope",
    "Rule",
    "Side",
    "Span",
    "StepLaw",
    "StepRule",
    "Unit",
    "sides",
    "unknown_under",
]
