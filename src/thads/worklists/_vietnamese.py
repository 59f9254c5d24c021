"""Vietnamese headings and outcomes of the work lists (tiêu đề cột, kết quả bằng tiếng Việt).

The table, CSV and Excel outputs of a list are read by office staff: their column
headings and the values that say what happened to a case (its report row, its status,
the state of a deadline) are written in Vietnamese. Codes, names, references and the
JSON output keep the field names and codes (:func:`thads.worklists.to_records`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

HEADINGS_VI: Final[Mapping[str, str]] = MappingProxyType(
    {
        "case_id": "Mã việc",
        "office": "Cơ quan THADS",
        "executor": "Chấp hành viên",
        "judgment_kind": "Loại bản án",
        "judgment_ref": "Số bản án",
        "judgment": "Bản án",
        "accepted_on": "Ngày thụ lý",
        "amount": "Số tiền phải thi hành (đồng)",
        "outstanding": "Số tiền còn phải thi hành (đồng)",
        "row": "Dòng báo cáo",
        "status": "Tình trạng",
        "closed_on": "Ngày kết thúc",
        "age_days": "Số ngày thụ lý",
        "age_months": "Số tháng thụ lý",
        "name": "Mã công việc",
        "title": "Công việc",
        "start": "Ngày bắt đầu tính",
        "due": "Hạn",
        "basis": "Căn cứ",
        "law": "Luật áp dụng",
        "state": "Trạng thái",
        "known": "Đã biết thời hạn",
        "gap": "Thiếu căn cứ",
        "period": "Kỳ báo cáo",
        "level": "Cấp",
        "regime": "Chế độ báo cáo",
        "inferred": "Suy luận",
        "first_decision_on": "Ngày ra quyết định đầu tiên",
        "item": "Khoản thi hành",
        "paid": "Đã thi hành (đồng)",
        "eligible_from": "Đủ điều kiện từ ngày",
        "outcome": "Đề nghị",
        "max_amount": "Số tiền tối đa (đồng)",
        "rule": "Điều luật",
        "reason": "Lý do",
        "assumed_no_means": "Giả định không có tài sản",
        "eligible_now": "Đủ điều kiện ngay",
    }
)
"""The Vietnamese column heading of each field of a listed row."""

_ROWS: Final = {
    "carried_over": "năm trước chuyển sang",
    "new": "thụ lý mới",
    "entrusted": "ủy thác",
    "withdrawn": "thu hồi, hủy quyết định",
    "completed": "thi hành xong",
    "terminated": "đình chỉ",
    "reduced": "giảm",
    "in_progress": "đang thi hành",
    "postponed": "hoãn",
    "stayed": "tạm đình chỉ",
    "without_conditions": "chưa có điều kiện",
}
_STATUS: Final = {
    "enforceable": "có điều kiện thi hành",
    "without_conditions": "chưa có điều kiện thi hành",
    "postponed": "hoãn thi hành án",
    "suspended": "tạm đình chỉ thi hành án",
    "completed": "thi hành xong",
    "terminated": "đình chỉ thi hành án",
    "entrusted": "ủy thác thi hành án",
    "withdrawn": "thu hồi, hủy quyết định",
    "separate_register": "chuyển sổ theo dõi riêng",
    "request_returned": "trả lại đơn yêu cầu",
    "reduced": "miễn, giảm",
}
_JUDGMENT_KINDS: Final = {
    "civil": "dân sự",
    "criminal": "hình sự",
    "administrative": "hành chính",
    "marriage_family": "hôn nhân và gia đình",
    "business_commercial": "kinh doanh, thương mại",
    "labour": "lao động",
    "bankruptcy": "phá sản",
    "arbitration": "trọng tài",
    "other": "khác",
    "state_compensation": "bồi thường nhà nước",
}

VALUES_VI: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "row": MappingProxyType(_ROWS),
        "status": MappingProxyType(_STATUS),
        "judgment_kind": MappingProxyType(_JUDGMENT_KINDS),
        "state": MappingProxyType(
            {"overdue": "quá hạn", "due": "đến hạn", "unknown": "chưa rõ thời hạn"}
        ),
        "level": MappingProxyType(
            {
                "executor": "chấp hành viên",
                "district": "cấp huyện",
                "area": "cấp khu vực",
                "province": "cấp tỉnh",
                "national": "toàn quốc",
                "military": "quân đội",
            }
        ),
        "outcome": MappingProxyType({"exemption": "miễn", "reduction": "giảm"}),
    }
)
"""The Vietnamese words of the outcome fields' codes, by field."""

YES_NO_VI: Final = {True: "có", False: "không"}
"""A yes/no field in the Vietnamese outputs."""


def heading_vi(field: str) -> str:
    """The Vietnamese heading of ``field`` (the field name itself if it has none)."""
    return HEADINGS_VI.get(field, field)


def value_vi(field: str, value: str | int | None) -> str | int | None:
    """``value`` of ``field`` in Vietnamese: an outcome code's words, yes/no as có/không."""
    if isinstance(value, bool):
        return YES_NO_VI[value]
    words = VALUES_VI.get(field)
    if words is not None and isinstance(value, str):
        return words.get(value, value)
    return value


__all__ = ["HEADINGS_VI", "VALUES_VI", "YES_NO_VI", "heading_vi", "value_vi"]
