"""Records (hồ sơ): cases, judgments, events, their timelines, and the dated office tree.

A :class:`Case` (việc thi hành án) is one enforcement decision; its events compile once
into a :class:`Timeline`, the one place that decides which event may follow which. The
office tree (:class:`OfficeTree`) is dated: 63 provinces became 34 on 01/07/2025
(docs/sources/organisation.md)."""

from __future__ import annotations

from thads.records._case import (  # plumbing for other thads packages, not promised
    CLOSING as CLOSING,
)
from thads.records._case import (
    MONEY_EVENTS as MONEY_EVENTS,
)
from thads.records._case import (
    Case,
    CreditorKind,
    Debt,
    EnforcementMode,
    Event,
    EventKind,
)
from thads.records._judgment import (
    Judgment,
    JudgmentKind,
)
from thads.records._judgment import (  # plumbing for other thads packages, not promised
    enum_value as enum_value,
)
from thads.records._labels import (
    CREDITOR_ALIASES as CREDITOR_ALIASES,
)
from thads.records._labels import (  # plumbing for other thads packages, not promised
    CREDITORS as CREDITORS,
)
from thads.records._labels import (
    EVENT_KIND_ALIASES as EVENT_KIND_ALIASES,
)
from thads.records._labels import (
    EVENT_KINDS as EVENT_KINDS,
)
from thads.records._labels import (
    HEADING_ALIASES as HEADING_ALIASES,
)
from thads.records._labels import (
    HEADINGS as HEADINGS,
)
from thads.records._labels import (
    JUDGMENT_KIND_ALIASES as JUDGMENT_KIND_ALIASES,
)
from thads.records._labels import (
    JUDGMENT_KINDS as JUDGMENT_KINDS,
)
from thads.records._labels import (
    LEVEL_ALIASES as LEVEL_ALIASES,
)
from thads.records._labels import (
    MODE_ALIASES as MODE_ALIASES,
)
from thads.records._labels import (
    MODES as MODES,
)
from thads.records._labels import (
    LabelTable as LabelTable,
)
from thads.records._labels import (
    accepted_text as accepted_text,
)
from thads.records._labels import (
    clean as clean,
)
from thads.records._labels import (
    fold as fold,
)
from thads.records._offices import (
    NATIONAL_CODE,
    Office,
    OfficeLevel,
    OfficeTree,
    ancestor_chain,
    level_name,
    not_in_force,
    province_tree,
    provinces,
    redraw,
)
from thads.records._offices import (  # plumbing for other thads packages, not promised
    OFFICE_COLUMNS as OFFICE_COLUMNS,
)
from thads.records._offices import (
    OFFICE_OPTIONAL as OFFICE_OPTIONAL,
)
from thads.records._offices import (
    WithoutSuccessor as WithoutSuccessor,
)
from thads.records._offices import (
    read_office_rows as read_office_rows,
)
from thads.records._offices_data import (
    CHANGE_DAY,
    LAST_OLD_DAY,
    succession,
)
from thads.records._offices_data import (  # plumbing for other thads packages, not promised
    MERGED as MERGED,
)
from thads.records._offices_data import (
    UNCHANGED as UNCHANGED,
)
from thads.records._offices_data import (
    new_code as new_code,
)
from thads.records._offices_data import (
    old_code as old_code,
)
from thads.records._offices_data import (
    slug as slug,
)
from thads.records._timeline import (  # plumbing for other thads packages, not promised
    CLASSIFYING_CODES as CLASSIFYING_CODES,
)
from thads.records._timeline import (
    CLOSING_CODES as CLOSING_CODES,
)
from thads.records._timeline import (
    CODE as CODE,
)
from thads.records._timeline import (
    CODE_BY_NAME as CODE_BY_NAME,
)
from thads.records._timeline import (
    COLLECTED as COLLECTED,
)
from thads.records._timeline import (
    COMPLETED as COMPLETED,
)
from thads.records._timeline import (
    ENFORCEABLE as ENFORCEABLE,
)
from thads.records._timeline import (
    ENTRUSTED as ENTRUSTED,
)
from thads.records._timeline import (
    KINDS as KINDS,
)
from thads.records._timeline import (
    MONEY_CODES as MONEY_CODES,
)
from thads.records._timeline import (
    POSTPONED as POSTPONED,
)
from thads.records._timeline import (
    REDUCED as REDUCED,
)
from thads.records._timeline import (
    REQUEST_RETURNED as REQUEST_RETURNED,
)
from thads.records._timeline import (
    RESUMED as RESUMED,
)
from thads.records._timeline import (
    SEPARATE_REGISTER as SEPARATE_REGISTER,
)
from thads.records._timeline import (
    STATUS as STATUS,
)
from thads.records._timeline import (
    SUSPENDED as SUSPENDED,
)
from thads.records._timeline import (
    TERMINATED as TERMINATED,
)
from thads.records._timeline import (
    UNENFORCEABLE as UNENFORCEABLE,
)
from thads.records._timeline import (
    WITHDRAWN as WITHDRAWN,
)
from thads.records._timeline import (
    CompiledCase,
    Step,
    Timeline,
    TimelineBuilder,
)
from thads.records._timeline import (
    month_serial as month_serial,
)

__all__ = [
    "CHANGE_DAY",
    "LAST_OLD_DAY",
    "NATIONAL_CODE",
    "Case",
    "CompiledCase",
    "CreditorKind",
    "Debt",
    "EnforcementMode",
    "Event",
    "EventKind",
    "Judgment",
    "JudgmentKind",
    "Office",
    "OfficeLevel",
    "OfficeTree",
    "Step",
    "Timeline",
    "TimelineBuilder",
    "ancestor_chain",
    "level_name",
    "not_in_force",
    "province_tree",
    "provinces",
    "redraw",
    "succession",
]
