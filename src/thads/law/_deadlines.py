"""Deadlines of a case (thời hạn trong thi hành án), per step and per law.

Legal basis (legal-rules.md §2), Law 26/2008/QH12 as amended with Decree 62/2015/NĐ-CP:
limitation Art. 30 and Decree 62 Art. 4, 7; deciding on or refusing a request Art. 31,
36 (court bankruptcy decisions: 3 working days, Art. 36(2)); sending decisions to the
procuracy Art. 38; notifying the parties Art. 39(2); voluntary period Art. 45(1);
verification Art. 44 and Decree 62 Art. 9; postponement, suspension, termination and
resumption Art. 48–50; "no conditions" and the separate register Decree 62 Art. 9,
11; paying out Art. 47(5); certificate of result Art. 53.

From 01/07/2026, Law 106/2025/QH15 with Decree 152/2026/NĐ-CP. Known from the decree
(read in its text): missing documents Art. 9(6); a returned request cannot be refused
when renewed Art. 9(7)(đ); prisoner's voluntary payment Art. 10(3); case file Art.
12(2); posting Art. 17(3); delegated verification Art. 21(5); returning the request or
the separate register after 2 years Art. 22; publication Art. 23; pay-out extensions,
foreign currency and deposits Art. 30(3)-(8); certificate Art. 32(3). Every other
new-law value is unknown: such a deadline comes back with ``known=False``, no date and
the gap named (``strict=True`` raises instead; ``allow_last_known=True`` dates it with
the old value, still ``known=False``).

The legal facts of every step (title, rule and basis under each law, the gap where a
value is unknown) are one table, ``_STEPS``; rules are data such as
``("working_days", 5)``, met with the calendar in one place (``_due``). The code of
:func:`deadlines` says only which event or date starts which step. Each step is put under
the law that governs it (:func:`thads.law.versions.step_law`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Literal

import attrs

from thads import validate
from thads.law import _grounds as grounds
from thads.records import CLOSING, Case, EnforcementMode, Event, EventKind
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.law._grounds import ground_code
from thads.records import JudgmentKind
from thads.law._calendar import WorkingCalendar, add_working_days, period_end, resolve_calendar
from thads.law._versions import (
    NEW_LAW_FROM,
    LawVersion,
    Transition,
    require_known,
    step_law,
)
from thads.records import POSTPONED, SUSPENDED, Step

Interval = tuple[date, date]

LIMITATION_YEARS = 5
"""Limitation period to request enforcement: 5 years (old law Art. 30(1))."""
PROTEST_POSTPONEMENT: Final = grounds.PROTEST_POSTPONEMENT.code
"""Code ``"48.2"`` of :data:`thads.grounds.PROTEST_POSTPONEMENT` (kept for compatibility)."""
ENDS_CASE: Final = CLOSING
"""Events after which a case has no further step: the closing events, the returned
request included (Decree 152/2026 Art. 32(1)(d)); kept as a name of thads.law."""
_DECISIONS: Final = (
    EventKind.POSTPONED,
    EventKind.SUSPENDED,
    EventKind.TERMINATED,
    EventKind.RESUMED,
)
"""Events that are decisions (quyết định), each with a step ``<kind>_decision``."""


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
class Deadline:
    """One deadline (thời hạn): what, from when, until when, on what basis, under which law.

    ``due`` is None when the value is unknown under ``law`` (``known`` False, ``gap``
    names what is missing). ``known`` is False too when the date uses the last known
    value of the old law (``allow_last_known``) or derives from an unknown deadline.
    ``done_on`` is the date the step was taken, when the records show it; ``trackable``
    is False for steps the interchange format cannot show (e.g. paying out).
    """

    name: str
    title: str
    start: date
    due: date | None
    basis: str
    as_of: date
    done_on: date | None = None
    known: bool = True
    gap: str | None = None
    law: LawVersion = LawVersion.LAW_2008
    trackable: bool = True

    @property
    def overdue(self) -> bool | None:
        """Late (True), in time or not yet due (False), or cannot tell (None)."""
        if self.due is None:
            return None
        if self.done_on is not None:
            return self.done_on > self.due
        if self.as_of <= self.due:
            return False
        return True if self.trackable else None


# --- rules as data ----------------------------------------------------------------------

Unit = Literal["working_days", "days", "months", "years", "tolled_years"]
"""``working_days``: counted on the working calendar (0: the same day, "ngay");
``days``/``months``/``years``: a calendar period (Civil Code Art. 147-148);
``tolled_years``: years lengthened by the excluded intervals (limitation, Art. 30)."""
Span = tuple[Unit, int]
Rule = Span | tuple[Span, ...]
"""One span such as ``("working_days", 5)``, or spans counted one after the other."""


@attrs.frozen
class _Law:
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


Side = _Law | Mapping[str, _Law]
"""A step under one law, or its variants by key (chosen by the trigger code)."""


def _frozen(side: Side) -> Side:
    return side if isinstance(side, _Law) else MappingProxyType(dict(side))


def _frozen_or_none(side: Side | None) -> Side | None:
    return None if side is None else _frozen(side)


@attrs.frozen
class _StepRule:
    """The legal facts of one step (bước): name, Vietnamese title, each law's side.

    ``old`` None: the step does not exist before Law 106/2025, so it is only produced
    for triggers on or after 01/07/2026.
    """

    name: str
    title: str
    old: Side | None = attrs.field(converter=_frozen_or_none)
    new: Side = attrs.field(converter=_frozen)
    trackable: bool = True


_ORDINARY: Final = "ordinary"
"""Variant key: the general case."""
_LONG_CYCLE: Final = "prisoner_or_address_unknown"
"""Variant key: debtor in prison or address unknown (Decree 62/2015 Art. 9(5), Art. 44(2))."""
_BANKRUPTCY: Final = "bankruptcy"
"""Variant key: the court's decision in a bankruptcy (Art. 36(2))."""

_STEPS: Final = (
    _StepRule(
        "limitation",
        "Thời hiệu yêu cầu thi hành án",
        old=_Law(
            ("tolled_years", LIMITATION_YEARS),
            "Luật THADS 2008 Điều 30; Nghị định 62/2015 Điều 4, 7: 5 năm",
        ),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 34; Nghị định 152/2026 Điều 10",
            gap="limitation period length (Law 106/2025 Art. 34)",
        ),
    ),
    _StepRule(
        "decision",
        "Ra quyết định thi hành án",
        old={
            _ORDINARY: _Law(("working_days", 5), "Luật THADS 2008 Điều 36(1)-(2): 5 ngày làm việc"),
            _BANKRUPTCY: _Law(
                ("working_days", 3),
                "Luật THADS 2008 Điều 36(2): quyết định của Tòa án về phá sản, 3 ngày làm việc",
            ),
        },
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 33",
            gap="deadline for the decision on enforcement (Law 106/2025)",
        ),
    ),
    _StepRule(
        "refusal",
        "Từ chối yêu cầu thi hành án",
        old=_Law(("working_days", 5), "Luật THADS 2008 Điều 31: 5 ngày làm việc từ ngày nhận đơn"),
        new=_Law(None, "Luật THADS 106/2025", gap="deadline to refuse a request (Law 106/2025)"),
    ),
    _StepRule(
        "missing_documents",
        "Thông báo sửa đổi, bổ sung yêu cầu thi hành án",
        old=None,
        new=_Law(
            ("working_days", 1),
            "Nghị định 152/2026 Điều 9(6): 1 ngày làm việc (nếu yêu cầu thiếu)",
        ),
        trackable=False,
    ),
    _StepRule(
        "case_file",
        "Lập hồ sơ thi hành án",
        old=None,
        new=_Law(
            ("working_days", 2),
            "Nghị định 152/2026 Điều 12(2): 2 ngày làm việc từ ngày được phân công",
        ),
        trackable=False,
    ),
    _StepRule(
        "send_to_procuracy",
        "Gửi quyết định cho Viện kiểm sát",
        old=_Law(
            ("working_days", 3), "Luật THADS 2008 Điều 38: 3 ngày làm việc từ ngày ra quyết định"
        ),
        new=_Law(
            None,
            "Luật THADS 106/2025",
            gap="deadline to send decisions to the procuracy (Law 106/2025)",
        ),
        trackable=False,
    ),
    _StepRule(
        "notify_parties",
        "Thông báo cho đương sự",
        old=_Law(
            ("working_days", 3), "Luật THADS 2008 Điều 39(2): 3 ngày làm việc từ ngày ra văn bản"
        ),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 35",
            gap="deadline to notify the parties (Law 106/2025 Art. 35)",
        ),
        trackable=False,
    ),
    _StepRule(
        "voluntary",
        "Thời hạn tự nguyện thi hành án",
        old=_Law(
            ("days", 10),
            "Luật THADS 2008 Điều 45(1): 10 ngày từ ngày nhận hoặc được thông báo hợp lệ",
        ),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 36",
            gap="voluntary compliance period (Law 106/2025 Art. 36)",
        ),
        trackable=False,
    ),
    _StepRule(
        "first_verification",
        "Xác minh điều kiện thi hành án lần đầu",
        old=_Law(("days", 10), "Luật THADS 2008 Điều 44(1): 10 ngày từ khi hết thời hạn tự nguyện"),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 38",
            gap="first verification deadline (Law 106/2025 Art. 38)",
        ),
    ),
    _StepRule(
        "no_conditions_decision",
        "Quyết định về việc chưa có điều kiện thi hành án",
        old=_Law(("working_days", 5), "Nghị định 62/2015 Điều 9(4): 5 ngày làm việc"),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 38",
            gap="deadline for the 'no conditions' decision (Law 106/2025 Art. 38)",
        ),
    ),
    _StepRule(
        "publication",
        "Công khai thông tin người phải thi hành án chưa có điều kiện",
        old=_Law(("working_days", 5), "Nghị định 62/2015 Điều 11(1): 5 ngày làm việc"),
        new=_Law(("working_days", 5), "Nghị định 152/2026 Điều 23(1): 5 ngày làm việc"),
        trackable=False,
    ),
    _StepRule(
        "separate_register",
        "Chuyển sổ theo dõi riêng",
        old={
            _ORDINARY: _Law(
                (("years", 1), ("working_days", 3)),
                "Nghị định 62/2015 Điều 9(5): sau 1 năm, ít nhất hai lần xác minh, không có "
                "thông tin mới; trong 3 ngày làm việc",
            ),
            _LONG_CYCLE: _Law(
                (("years", 2), ("working_days", 3)),
                "Nghị định 62/2015 Điều 9(5): sau 2 năm, ít nhất hai lần xác minh, không có "
                "thông tin mới; trong 3 ngày làm việc",
            ),
        },
        new={
            EnforcementMode.ACTIVE: _Law(
                ("years", 2),
                "Nghị định 152/2026 Điều 22(1): chuyển sổ theo dõi riêng sau 2 năm, đã xác "
                "minh, không có thông tin mới",
            ),
            EnforcementMode.ON_REQUEST: _Law(
                ("years", 2),
                "Nghị định 152/2026 Điều 22(2): gửi lại yêu cầu sau 2 năm, đã xác minh, không "
                "có thông tin mới",
                name="return_request",
                title="Gửi lại yêu cầu thi hành án",
            ),
        },
    ),
    _StepRule(
        "re_verification",
        "Xác minh lại điều kiện thi hành án",
        old={
            _ORDINARY: _Law(
                ("months", 6),
                "Luật THADS 2008 Điều 44(2): ít nhất 6 tháng một lần; sau hai lần xác minh "
                "chỉ xác minh lại khi có thông tin mới",
            ),
            _LONG_CYCLE: _Law(
                ("months", 12),
                "Luật THADS 2008 Điều 44(2): ít nhất một năm một lần; sau hai lần xác minh "
                "chỉ xác minh lại khi có thông tin mới",
            ),
        },
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 38(3)",
            gap="re-verification rhythm (Law 106/2025 Art. 38(3))",
        ),
    ),
    _StepRule(
        "creditor_information",
        "Xác minh lại theo thông tin của người được thi hành án",
        old=_Law(("working_days", 5), "Luật THADS 2008 Điều 44(3): 5 ngày làm việc"),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 38",
            gap="re-verification on the creditor's information (Law 106/2025 Art. 38)",
        ),
    ),
    _StepRule(
        "new_information",
        "Xác minh khi có thông tin mới",
        old=_Law(("days", 10), "Nghị định 62/2015 Điều 9(4): 10 ngày từ khi có thông tin mới"),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 38(2); Nghị định 152/2026 Điều 22(1)",
            gap="verification on new information (Law 106/2025 Art. 38(2))",
        ),
    ),
    _StepRule(
        "third_party_answer",
        "Cung cấp thông tin theo yêu cầu của Chấp hành viên",
        old=_Law(
            ("working_days", 3),
            "Luật THADS 2008 Điều 44(6)(b): 3 ngày làm việc (tài khoản: ngay)",
        ),
        new=_Law(None, "Luật THADS 106/2025", gap="third parties' answer deadline (Law 106/2025)"),
        trackable=False,
    ),
    _StepRule(
        "delegated_verification",
        "Trả lời kết quả xác minh theo ủy quyền",
        old={
            DelegatedScope.REGISTERED_PROPERTY: _Law(
                ("days", 30), "Nghị định 62/2015 Điều 9(2): không quá 30 ngày"
            ),
            DelegatedScope.REGISTERED_PROPERTY_COMPLEX: _Law(
                ("days", 45), "Nghị định 62/2015 Điều 9(2): không quá 45 ngày"
            ),
            DelegatedScope.OTHER: _Law(
                ("days", 15), "Nghị định 62/2015 Điều 9(2): không quá 15 ngày"
            ),
        },
        new={
            DelegatedScope.REGISTERED_PROPERTY: _Law(
                ("days", 30), "Nghị định 152/2026 Điều 21(5): không quá 30 ngày"
            ),
            DelegatedScope.REGISTERED_PROPERTY_COMPLEX: _Law(
                ("days", 45), "Nghị định 152/2026 Điều 21(5): không quá 45 ngày"
            ),
            DelegatedScope.OTHER: _Law(
                ("days", 15), "Nghị định 152/2026 Điều 21(5): không quá 15 ngày"
            ),
        },
        trackable=False,
    ),
    _StepRule(
        "delegated_verification_account",
        "Trả lời kết quả xác minh theo ủy quyền (tài khoản, biện pháp khẩn cấp tạm thời)",
        old=_Law(
            None,
            "Nghị định 62/2015 Điều 9(2)",
            gap="delegated verification of account information under Decree 62/2015 "
            "(no time stated)",
        ),
        new=_Law(("working_days", 0), "Nghị định 152/2026 Điều 21(5)(c): ngay"),
        trackable=False,
    ),
    _StepRule(
        "postponed_decision",
        "Ra quyết định hoãn thi hành án",
        old=_Law(
            ("working_days", 5), "Luật THADS 2008 Điều 48(3): 5 ngày làm việc từ khi có căn cứ"
        ),
        new=_Law(None, "Luật THADS 106/2025", gap="postponement decision deadline (Law 106/2025)"),
    ),
    _StepRule(
        "suspended_decision",
        "Ra quyết định tạm đình chỉ thi hành án",
        old=_Law(
            ("working_days", 5),
            "Luật THADS 2008 Điều 49(2)-(3): 5 ngày làm việc từ khi có căn cứ",
        ),
        new=_Law(None, "Luật THADS 106/2025", gap="suspension decision deadline (Law 106/2025)"),
    ),
    _StepRule(
        "terminated_decision",
        "Ra quyết định đình chỉ thi hành án",
        old=_Law(
            ("working_days", 5), "Luật THADS 2008 Điều 50(2): 5 ngày làm việc từ khi có căn cứ"
        ),
        new=_Law(
            None,
            "Luật THADS 106/2025",
            gap="termination decision deadline (Law 106/2025 Art. 48)",
        ),
    ),
    _StepRule(
        "resumed_decision",
        "Ra quyết định tiếp tục thi hành án",
        old=_Law(
            ("working_days", 5),
            "Luật THADS 2008 Điều 48(4), 49(3): 5 ngày làm việc từ khi có căn cứ",
        ),
        new=_Law(None, "Luật THADS 106/2025", gap="resumption decision deadline (Law 106/2025)"),
    ),
    _StepRule(
        "protest_postponement_end",
        "Hết thời hạn hoãn theo yêu cầu của người có thẩm quyền kháng nghị",
        old=_Law(("months", 3), "Luật THADS 2008 Điều 48(2): hoãn không quá 3 tháng"),
        new=_Law(None, "Luật THADS 106/2025", gap="longest protest postponement (Law 106/2025)"),
    ),
    _StepRule(
        "protest_resumption",
        "Ra quyết định tiếp tục thi hành án",
        old=_Law(
            ("working_days", 5),
            "Luật THADS 2008 Điều 48(4): 5 ngày làm việc sau khi hết hạn hoãn",
        ),
        new=_Law(
            None,
            "Luật THADS 106/2025",
            gap="resumption after a protest postponement (Law 106/2025)",
        ),
    ),
    _StepRule(
        "pay_out",
        "Chi trả tiền thi hành án",
        old=_Law(("days", 10), "Luật THADS 2008 Điều 47(5): 10 ngày từ ngày thu được tiền"),
        new=_Law(
            None,
            "Luật THADS 106/2025 Điều 54(6)",
            gap="deadline to pay out collected money (Law 106/2025 Art. 54(6))",
        ),
        trackable=False,
    ),
    _StepRule(
        "pay_out_extended",
        "Chi trả tiền thi hành án (kéo dài)",
        old=None,
        new=_Law(
            ("days", 45),
            "Nghị định 152/2026 Điều 30(3)(a): kéo dài không quá 45 ngày",
            gap="extended pay-out (Decree 152/2026 Art. 30(3)(a): up to 45 days beyond the "
            "Law 106/2025 Art. 54(6) deadline, itself unknown)",
        ),
        trackable=False,
    ),
    _StepRule(
        "foreign_currency",
        "Đổi tiền thu được sang ngoại tệ",
        old=None,
        new=_Law(("working_days", 2), "Nghị định 152/2026 Điều 30(6)(b): 2 ngày làm việc"),
        trackable=False,
    ),
    _StepRule(
        "deposit_sale_proceeds",
        "Gửi tiết kiệm tiền bán tài sản chưa giao",
        old=None,
        new=_Law(("days", 10), "Nghị định 152/2026 Điều 30(7): sau 10 ngày, kỳ hạn 1 tháng"),
        trackable=False,
    ),
    _StepRule(
        "deposit_stayed",
        "Gửi tiết kiệm tiền đã thu khi hoãn, tạm đình chỉ",
        old=None,
        new=_Law(("working_days", 5), "Nghị định 152/2026 Điều 30(8): 5 ngày làm việc"),
        trackable=False,
    ),
    _StepRule(
        "pay_out_after_ground",
        "Chi trả tiền sau khi hết căn cứ kéo dài",
        old=None,
        new=_Law(("days", 10), "Nghị định 152/2026 Điều 30(3)(b)-(d), (4): 10 ngày"),
        trackable=False,
    ),
    _StepRule(
        "posting",
        "Thời hạn niêm yết công khai",
        old=_Law(("days", 10), "Luật THADS 2008 Điều 42(3): niêm yết 10 ngày"),
        new=_Law(("days", 7), "Nghị định 152/2026 Điều 17(3): niêm yết 7 ngày"),
        trackable=False,
    ),
    _StepRule(
        "certificate",
        "Xác nhận kết quả thi hành án",
        old=_Law(("working_days", 5), "Luật THADS 2008 Điều 53: 5 ngày làm việc"),
        new=_Law(("working_days", 3), "Nghị định 152/2026 Điều 32(3): 3 ngày làm việc"),
        trackable=False,
    ),
    _StepRule(
        "prisoner_payment_unclaimed",
        "Sung quỹ tiền phạm nhân tự nguyện nộp không có người nhận",
        old=_Law(("years", 1), "Nghị định 62/2015 Điều 4(6): 1 năm từ ngày thông báo hợp lệ"),
        new=_Law(("years", 1), "Nghị định 152/2026 Điều 10(3): 1 năm từ ngày thông báo hợp lệ"),
        trackable=False,
    ),
)
"""The legal facts of every step, one row each (legal-rules.md §2; docs/law/deadlines.md)."""
_RULES: Final = MappingProxyType({row.name: row for row in _STEPS})


def _sides(side: Side | None) -> tuple[_Law, ...]:
    if side is None:
        return ()
    return (side,) if isinstance(side, _Law) else tuple(side.values())


UNKNOWN_UNDER_NEW_LAW: Final = {
    law.name or row.name: law.gap for row in _STEPS for law in _sides(row.new) if law.gap
}
"""Deadlines whose value under Law 106/2025 is unknown (docs/law/gaps.md lists each)."""
UNKNOWN_UNDER_OLD_LAW: Final = {
    row.name: law.gap for row in _STEPS for law in _sides(row.old) if law.gap
}
"""Deadlines the old law states no value for."""


def _pick(side: Side, variants: Sequence[str]) -> _Law:
    """The side itself, or its variant named in ``variants``."""
    if isinstance(side, _Law):
        return side
    for key in variants:
        if key in side:
            return side[key]
    raise InvalidRecordError("deadline table", "variant", f"none of {variants} in {sorted(side)}")


def _spans(rule: Rule) -> tuple[Span, ...]:
    return (rule,) if isinstance(rule[0], str) else rule


def _due(
    rule: Rule, start: date, calendar: WorkingCalendar, tolled: Sequence[Interval] = ()
) -> date:
    """The last day of ``rule`` counted from ``start``: where the rules meet the calendar.

    The start day is not counted; spans follow one another; only the last calendar span
    moves off a day that is not a working day (Civil Code Art. 148(5)). ``tolled``: the
    intervals that lengthen ``tolled_years``.
    """
    spans = _spans(rule)
    day = start
    for i, (unit, n) in enumerate(spans):
        roll = i == len(spans) - 1
        if unit == "working_days":
            day = add_working_days(day, n, calendar)
        elif unit == "tolled_years":
            day = period_end(_limitation_old(day, tolled, n), calendar=calendar, roll=roll)
        else:
            day = period_end(
                day,
                days=n if unit == "days" else 0,
                months=n if unit == "months" else 0,
                years=n if unit == "years" else 0,
                calendar=calendar,
                roll=roll,
            )
    return day


def _excluded_days(start: date, end: date, excluded: Sequence[Interval]) -> int:
    total = 0
    for low, high in excluded:
        if high < low:
            raise InvalidRecordError("interval", "end", f"{high} is before {low}")
        a, b = max(low, start + timedelta(days=1)), min(high, end)
        if a <= b:
            total += (b - a).days + 1
    return total


def _limitation_old(
    start: date, excluded: Sequence[Interval], years: int = LIMITATION_YEARS
) -> date:
    """``years`` from ``start`` plus the excluded days within, before the Art. 148(5) roll."""
    base = period_end(start, years=years, roll=False)
    end = base
    while True:  # excluded time can push the end into further excluded time
        longer = base + timedelta(days=_excluded_days(start, end, excluded))
        if longer == end:
            return end
        end = longer


def limitation_end(
    start: date,
    *,
    excluded: Sequence[Interval] = (),
    calendar: WorkingCalendar | None = None,
    allow_last_known: bool = False,
) -> date:
    """Last day to request enforcement: 5 years from ``start``, plus excluded time.

    ``start`` is the date the judgment took effect, or the obligation's due date (each
    instalment of a periodic obligation has its own). ``excluded``: intervals (inclusive)
    of postponement, suspension (not a postponement the creditor agreed to), force
    majeure or objective obstacle, added to the period (Art. 30(2)-(3)). The length
    under Law 106/2025 Art. 34 is unknown: a period that starts on or after 01/07/2026,
    or that is still running on that day, raises unless ``allow_last_known``.
    """
    end = _limitation_old(start, excluded)
    if end >= NEW_LAW_FROM:
        require_known("limitation period (Art. 34)", end, allow_last_known=allow_last_known)
    return period_end(end, calendar=calendar)


def instalment_limitations(
    due_dates: Iterable[date],
    *,
    excluded: Sequence[Interval] = (),
    calendar: WorkingCalendar | None = None,
    allow_last_known: bool = False,
) -> list[tuple[date, date]]:
    """(due date, last day to request) for each instalment of a periodic obligation."""
    return [
        (
            due,
            limitation_end(
                due, excluded=excluded, calendar=calendar, allow_last_known=allow_last_known
            ),
        )
        for due in sorted(due_dates)
    ]


def stay_intervals(case: Case, until: date) -> list[Interval]:
    """Intervals of postponement or suspension of ``case`` that toll the limitation.

    A postponement agreed by the parties (Art. 48(1)(c)) still counts, so it is left out.
    An interval ends the day before the next classification or the event ending the case.
    """

    def tolls(step: Step) -> bool:
        return step.code == SUSPENDED or (
            step.code == POSTPONED and ground_code(step.ground) != grounds.AGREED_POSTPONEMENT.code
        )

    return case.timeline.intervals(until, tolls)


@attrs.frozen
class _Ctx:
    as_of: date
    cal: WorkingCalendar
    strict: bool
    allow_last_known: bool
    transition: Transition


def _deadline(
    ctx: _Ctx,
    step: str,
    trigger: date,
    *,
    done_on: date | None = None,
    variants: Sequence[str] = (),
    tolled: Sequence[Interval] = (),
) -> Deadline:
    """The deadline of ``step`` triggered on ``trigger``, under the law that governs it."""
    row = _RULES[step]
    old = None if row.old is None else _pick(row.old, variants)
    if old is None:  # a step of the new law only (see _step)
        law, count_from = LawVersion.LAW_2025, trigger
    else:
        old_due = _due(old.rule, trigger, ctx.cal, tolled) if old.rule is not None else None
        law, count_from = step_law(trigger, done_on, old_due, ctx.transition)
    side = old if law is LawVersion.LAW_2008 and old is not None else _pick(row.new, variants)
    name, title = side.name or row.name, side.title or row.title
    due: date | None = None
    gap: str | None = None
    basis = side.basis
    if side.rule is not None:
        due = _due(side.rule, count_from, ctx.cal, tolled)
    else:
        gap = side.gap or name
        if ctx.strict:
            raise RuleNotAvailableError(
                f"{title} ({name}), step triggered on {trigger}: value unknown under "
                f"{law.value} ({gap}); see docs/law/gaps.md"
            )
        basis = f"{basis} — value unknown: {gap}"
        if ctx.allow_last_known and law is LawVersion.LAW_2025 and old and old.rule is not None:
            due = _due(old.rule, count_from, ctx.cal, tolled)
            basis += "; dated with the last known value of Law 26/2008"
    return Deadline(
        name, title, trigger, due, basis, ctx.as_of, done_on, gap is None, gap, law, row.trackable
    )


def _step(
    ctx: _Ctx,
    step: str,
    trigger: date,
    *,
    done_on: date | None = None,
    variants: Sequence[str] = (),
    tolled: Sequence[Interval] = (),
) -> Deadline | None:
    """As :func:`_deadline`; None for a step the old law does not have, triggered before
    01/07/2026."""
    if _RULES[step].old is None and trigger < NEW_LAW_FROM:
        return None
    return _deadline(ctx, step, trigger, done_on=done_on, variants=variants, tolled=tolled)


def _derived(
    ctx: _Ctx, parent: Deadline, step: str, *, done_on: date | None = None
) -> Deadline | None:
    """A deadline that runs from the end of ``parent``, governed like it: unknown when the
    parent is; None for a step the parent's law does not have."""
    row = _RULES[step]
    old = None if row.old is None else _pick(row.old, ())
    if old is None and parent.law is LawVersion.LAW_2008:
        return None
    due: date | None = None
    gap: str | None
    if parent.due is None:
        if ctx.strict:  # pragma: no cover - the parent raised already
            raise RuleNotAvailableError(f"{row.title} ({step}): derived from unknown {parent.name}")
        gap = f"derived from {parent.name}: {parent.gap}"
        basis, known = f"{old.basis if old else ''} — value unknown: {gap}", False
    else:
        side = old if parent.law is LawVersion.LAW_2008 and old is not None else _pick(row.new, ())
        if side.rule is not None:
            due, basis = _due(side.rule, parent.due, ctx.cal), side.basis
            gap, known = parent.gap, parent.known
        else:
            gap = side.gap or step
            if ctx.strict:
                raise RuleNotAvailableError(f"{row.title} ({step}): value unknown ({gap})")
            if ctx.allow_last_known and old and old.rule is not None:
                due = _due(old.rule, parent.due, ctx.cal)
            basis, known = f"{side.basis} — value unknown: {gap}", False
    return Deadline(
        step,
        row.title,
        parent.start,
        due,
        basis,
        ctx.as_of,
        done_on,
        known,
        gap,
        parent.law,
        row.trackable,
    )


def _first(events: Sequence[Event], kinds: Iterable[EventKind], after: date) -> date | None:
    wanted = frozenset(kinds)
    return next((e.on for e in events if e.kind in wanted and e.on >= after), None)


def deadlines(
    case: Case,
    as_of: date,
    *,
    calendar: WorkingCalendar | None = None,
    request_received_on: date | None = None,
    judgment_received_on: date | None = None,
    notified_on: date | None = None,
    no_means_found_on: date | None = None,
    prisoner_or_address_unknown: bool = False,
    force_majeure: Sequence[Interval] = (),
    refused_on: date | None = None,
    grounds: Sequence[tuple[EventKind | str, date]] = (),
    creditor_information_on: Sequence[date] = (),
    new_information_on: Sequence[date] = (),
    information_requested_on: Sequence[date] = (),
    delegated_verifications: Sequence[tuple[date, DelegatedScope | str]] = (),
    certificate_requested_on: Sequence[date] = (),
    assigned_on: date | None = None,
    posted_on: Sequence[date] = (),
    pay_out_grounds_ended_on: Sequence[date] = (),
    pay_out_extended: bool = False,
    foreign_currency: bool = False,
    asset_not_delivered: bool = False,
    prisoner_payment_notified_on: date | None = None,
    returned_request_on: date | None = None,
    transition: Transition | str = Transition.FROM_TRIGGER,
    strict: bool = False,
    allow_last_known: bool = False,
) -> list[Deadline]:
    """Every deadline of ``case`` that its records and the given dates allow, by due date.

    Dates the interchange format does not hold are keyword arguments (see
    docs/law/deadlines.md); without them, the deadlines they start are left out. A
    deadline whose value is unknown under the law of its step is returned with
    ``known=False`` and no date; ``strict=True`` raises RuleNotAvailableError instead.
    ``transition`` says how a period running on 01/07/2026 is counted.
    """
    ctx = _Ctx(
        as_of,
        resolve_calendar(calendar),
        strict,
        allow_last_known,
        _transition(transition),
    )
    events: list[Event] = []
    for e in case.events:
        if e.on > as_of:
            break
        events.append(e)
        if e.kind in ENDS_CASE:
            break
    out: list[Deadline | None] = []
    on_request = case.mode is EnforcementMode.ON_REQUEST

    # Limitation period (thời hiệu yêu cầu thi hành án), cases on request only; a request
    # returned and renewed under the new law cannot be refused (Decree 152 Art. 9(7)(đ)).
    renewed = returned_request_on is not None and returned_request_on >= NEW_LAW_FROM
    if on_request and not renewed:
        due_on = next((d.due_on for d in case.debts if d.due_on), None)
        start = due_on or case.judgment.effective_on
        if start is not None:
            requested_on = request_received_on or case.accepted_on
            # time after the request no longer matters to it
            tolled = [
                (low, min(high, requested_on))
                for low, high in stay_intervals(case, as_of)
                if low <= requested_on
            ] + list(force_majeure)
            out.append(_step(ctx, "limitation", start, done_on=requested_on, tolled=tolled))
    # Decision on enforcement, or refusal of the request; missing documents; case file.
    trigger = request_received_on if on_request else judgment_received_on
    if trigger is not None and refused_on is not None:
        out.append(_step(ctx, "refusal", trigger, done_on=refused_on))
    elif trigger is not None:
        bankruptcy = not on_request and case.judgment.kind is JudgmentKind.BANKRUPTCY
        variant = _BANKRUPTCY if bankruptcy else _ORDINARY
        out.append(_step(ctx, "decision", trigger, done_on=case.accepted_on, variants=[variant]))
    if on_request and request_received_on is not None:
        out.append(_step(ctx, "missing_documents", request_received_on))
    if assigned_on is not None:
        out.append(_step(ctx, "case_file", assigned_on))
    # Each decision is sent to the procuracy and notified to the parties.
    issued = [case.accepted_on]
    spell_open = False
    for e in events:
        if e.kind is EventKind.UNENFORCEABLE and not spell_open:
            issued.append(e.on)
        spell_open = e.kind is EventKind.UNENFORCEABLE or (
            spell_open and e.kind in (EventKind.COLLECTED, EventKind.REDUCED)
        )
        if e.kind in _DECISIONS:
            issued.append(e.on)
    for on in issued:
        out.append(_step(ctx, "send_to_procuracy", on))
        out.append(_step(ctx, "notify_parties", on))
    # Voluntary period (thời hạn tự nguyện), then first verification (xác minh lần đầu).
    if notified_on is not None:
        completed = _first(events, (EventKind.COMPLETED,), notified_on)
        voluntary = _deadline(ctx, "voluntary", notified_on)
        if completed is not None and voluntary.due is not None and completed <= voluntary.due:
            voluntary = attrs.evolve(voluntary, done_on=completed)
        out.append(voluntary)
        first = (
            _first(events, (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE), voluntary.due)
            if voluntary.due is not None
            else None
        )
        out.append(_derived(ctx, voluntary, "first_verification", done_on=first))
    # "No conditions": the decision, publication, the register, re-verification.
    if no_means_found_on is not None:
        decided = _first(events, (EventKind.UNENFORCEABLE,), no_means_found_on)
        out.append(_step(ctx, "no_conditions_decision", no_means_found_on, done_on=decided))
    out.extend(_no_conditions(ctx, case, events, prisoner_or_address_unknown))
    # Verification on the creditor's differing information or on new information.
    classified = (EventKind.ENFORCEABLE, EventKind.UNENFORCEABLE)
    for on in creditor_information_on:
        done = _first(events, classified, on)
        out.append(_step(ctx, "creditor_information", on, done_on=done))
    for on in new_information_on:
        out.append(_step(ctx, "new_information", on, done_on=_first(events, classified, on)))
    for on in information_requested_on:
        out.append(_step(ctx, "third_party_answer", on))
    for on, scope_value in delegated_verifications:
        scope = _scope(scope_value)
        step = "delegated_verification"
        if scope is DelegatedScope.ACCOUNT:
            step = "delegated_verification_account"
        out.append(_step(ctx, step, on, variants=[scope]))
    # Postponement, suspension, termination, resumption decisions.
    for kind_value, on in grounds:
        kind = _ground_kind(kind_value)
        out.append(_step(ctx, f"{kind.value}_decision", on, done_on=_first(events, (kind,), on)))
    # Protest postponement: its longest time, then the resumption decision.
    for i, e in enumerate(events):
        if e.kind is EventKind.POSTPONED and ground_code(e.ground) == PROTEST_POSTPONEMENT:
            ended = next(
                (x.on for x in events[i + 1 :] if x.kind in (*_DECISIONS, *ENDS_CASE)), None
            )
            limit = _deadline(ctx, "protest_postponement_end", e.on, done_on=ended)
            out.append(limit)
            resumed = _first(events, (EventKind.RESUMED, *ENDS_CASE), e.on + timedelta(days=1))
            out.append(_derived(ctx, limit, "protest_resumption", done_on=resumed))
    # Money: paying out, extensions, foreign currency, deposits.
    collected = 0
    for e in events:
        if e.kind is EventKind.COLLECTED:
            collected += e.amount
            pay = _deadline(ctx, "pay_out", e.on)
            out.append(pay)
            if pay_out_extended:
                out.append(_derived(ctx, pay, "pay_out_extended"))
            if foreign_currency:
                out.append(_step(ctx, "foreign_currency", e.on))
            if asset_not_delivered:
                out.append(_step(ctx, "deposit_sale_proceeds", e.on))
        elif e.kind in (EventKind.POSTPONED, EventKind.SUSPENDED) and collected:
            out.append(_step(ctx, "deposit_stayed", e.on))
    for on in pay_out_grounds_ended_on:
        out.append(_step(ctx, "pay_out_after_ground", on))
    for on in posted_on:
        out.append(_step(ctx, "posting", on))
    for on in certificate_requested_on:
        out.append(_step(ctx, "certificate", on))
    # Prisoner's voluntary payment after the limitation: unclaimed 1 year → state fund.
    if prisoner_payment_notified_on is not None:
        out.append(_step(ctx, "prisoner_payment_unclaimed", prisoner_payment_notified_on))
    found = [d for d in out if d is not None]
    return sorted(found, key=lambda d: (d.due or date.max, d.start, d.name))


def _ground_kind(value: EventKind | str) -> EventKind:
    kind: EventKind | None
    try:
        kind = EventKind(value)
    except ValueError:
        kind = None
    if kind is None or kind not in _DECISIONS:
        accepted = ", ".join(k.value for k in _DECISIONS)
        raise InvalidRecordError("deadlines", "grounds", f"{value!r}: use one of {accepted}")
    return kind


def _scope(value: DelegatedScope | str) -> DelegatedScope:
    try:
        return DelegatedScope(value)
    except ValueError:
        accepted = ", ".join(s.value for s in DelegatedScope)
        raise InvalidRecordError(
            "deadlines", "delegated_verifications", f"{value!r}: use one of {accepted}"
        ) from None


def _transition(value: Transition | str) -> Transition:
    return validate.choice(Transition, value, "deadlines", "transition")


def _no_conditions(
    ctx: _Ctx, case: Case, events: list[Event], long_cycle: bool
) -> list[Deadline | None]:
    """Publication, re-verification and the separate register / returned request."""
    classes = [
        e
        for e in events
        if e.kind
        in (
            EventKind.ENFORCEABLE,
            EventKind.UNENFORCEABLE,
            EventKind.POSTPONED,
            EventKind.SUSPENDED,
        )
    ]
    if not classes or classes[-1].kind is not EventKind.UNENFORCEABLE:
        return []
    spell: list[Event] = []
    for e in reversed(classes):
        if e.kind is not EventKind.UNENFORCEABLE:
            break
        spell.insert(0, e)
    decided = spell[0].on
    out = [_step(ctx, "publication", decided)]
    if events and events[-1].kind in ENDS_CASE:
        return out
    cycle = _LONG_CYCLE if long_cycle else _ORDINARY
    out.append(_step(ctx, "separate_register", decided, variants=[cycle, case.mode]))
    # Art. 44(2): after two verifications still without means, further verification
    # only on new information (new_information_on), not on the periodic rhythm.
    if len(spell) < 2:
        out.append(_step(ctx, "re_verification", spell[-1].on, variants=[cycle]))
    return out


__all__ = [
    "ENDS_CASE",
    "LIMITATION_YEARS",
    "PROTEST_POSTPONEMENT",
    "UNKNOWN_UNDER_NEW_LAW",
    "UNKNOWN_UNDER_OLD_LAW",
    "Deadline",
    "DelegatedScope",
    "Interval",
    "deadlines",
    "instalment_limitations",
    "limitation_end",
    "stay_intervals",
]
