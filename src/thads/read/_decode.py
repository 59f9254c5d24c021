"""Field decoding (đọc giá trị): text, ISO dates, amounts in đồng, enumerations, grounds."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Final, Literal, TypeVar

import attrs

from thads import validate
from thads.errors import InvalidRecordError
from thads.read._headings import EVENT_COLUMNS, EVENT_OPTIONAL
from thads.read._rows import RawRow, RejectedRow, UnreadableRow
from thads.records import (
    CODE,
    CODE_BY_NAME,
    CREDITOR_ALIASES,
    CREDITORS,
    EVENT_KIND_ALIASES,
    EVENT_KINDS,
    JUDGMENT_KIND_ALIASES,
    JUDGMENT_KINDS,
    KINDS,
    MODE_ALIASES,
    MODES,
    CreditorKind,
    EnforcementMode,
    Event,
    EventKind,
    JudgmentKind,
    LabelTable,
    accepted_text,
    clean,
    month_serial,
)
from thads.rules import read_ground

MISSING: Final = "is missing"
MAX_AMOUNT: Final = 2**63 - 1
"""The largest amount the reader takes (9.223.372.036.854.775.807 đồng), a 64-bit integer."""


_LARGEST: Final = f"{MAX_AMOUNT:,}".replace(",", ".")


def _whole(digits: str, record: str, field: str) -> int:
    """The int of ASCII ``digits``; more digits than the largest amount is too large
    (checked before converting: Python refuses to convert very long digit strings)."""
    if len(digits) > _DIGITS and len(digits.lstrip("0")) > _DIGITS:
        raise InvalidRecordError(
            record,
            field,
            f"is more than the largest amount thads reads ({_LARGEST} đồng)",
            code="amount.too_large",
        )
    return int(digits)


_DIGITS: Final = len(str(MAX_AMOUNT))
_FLOAT_EXACT: Final = 2**53
"""Above this, a float cannot hold every whole number of đồng."""


def _float_amount(value: float, record: str, field: str) -> InvalidRecordError:
    """The error for money given as a float (e.g. a data frame column of floats)."""
    if value == value and abs(value) > _FLOAT_EXACT:  # not NaN
        why = (
            f"{value!r} is a float above 2**53, where floats skip whole numbers of đồng: "
            "it may not be the amount written; store amounts as integers (int64)"
        )
    else:
        why = f"{value!r} is a float, not an integer number of đồng"
    return InvalidRecordError(record, field, why, code="amount.not_integer")


def _bounded(amount: int, record: str, field: str) -> int:
    if amount > MAX_AMOUNT:
        raise InvalidRecordError(
            record,
            field,
            f"is more than the largest amount thads reads ({_LARGEST} đồng)",
            code="amount.too_large",
        )
    return amount


_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAY_MONTH_YEAR: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def not_iso(text: str, locale: str = "iso") -> str:
    """Why ``text`` is not a date; a Vietnamese dd/mm/yyyy date gets its ISO spelling and
    the option that reads it."""
    reason = f"{short(text)} is not an ISO date (YYYY-MM-DD)"
    found = _DAY_MONTH_YEAR.fullmatch(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        try:
            date(year, month, day)
        except ValueError:
            return reason  # not a day/month/year date either: no spelling to suggest
        reason += f"; write dd/mm/yyyy as yyyy-mm-dd, e.g. {year:04d}-{month:02d}-{day:02d}"
        if locale != "vi":
            reason += ", or read dd/mm/yyyy dates with locale='vi' (--locale vi)"
    return reason


def field_text(value: object, record: str, field: str, required: bool = True) -> str:
    """The cleaned text of a field (NFC, trimmed, no invisible characters); required: not
    blank. Text, or a whole number (not a bool); anything else is rejected."""
    if type(value) is str:
        text = value.strip() if value.isascii() else clean(value)
    elif isinstance(value, str):
        text = clean(value)
    elif value is None:
        text = ""
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    else:
        raise InvalidRecordError(
            record,
            field,
            f"must be text, not {type(value).__name__} {short(value)}",
            code="text.not_text",
        )
    if required and not text:
        raise InvalidRecordError(record, field, MISSING, code="text.empty")
    return text


def short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def checked(values: RawRow, parse: Callable[[Decoder, list[object]], _T], decode: Decoder) -> _T:
    """The fields of one row, or InvalidRecordError (also for a row that could not be split)."""
    if isinstance(values, UnreadableRow):
        raise InvalidRecordError("row", values.field, values.reason, code=values.code)
    assert values is not None
    return parse(decode, values)


Locale = Literal["iso", "vi"]
LOCALES: Final = ("iso", "vi")


def check_options(locale: object, zero_fraction: object) -> None:
    """Refuse an unknown ``locale`` or a ``zero_fraction`` that is not a bool."""
    if locale not in LOCALES:
        raise InvalidRecordError(
            "CaseReader",
            "locale",
            f"unknown value {locale!r}; expected one of: {', '.join(LOCALES)}",
            code="value.unknown",
        )
    if not isinstance(zero_fraction, bool):
        raise InvalidRecordError(
            "CaseReader",
            "zero_fraction",
            f"must be True or False, not {zero_fraction!r}",
            code="value.unknown",
        )


_VI_THOUSANDS: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_ZERO_FRACTION: Final = re.compile(r"([0-9]+)\.0+")


class Decoder:
    """Field decoders with caches: each distinct text is parsed once per reading.

    ``locale="vi"`` also reads dates written dd/mm/yyyy and amounts written with dots
    between thousands (``1.200.000``); ``zero_fraction`` amounts with a zero fraction
    (``147540494.0``, as data frames write whole floats). Neither is ever guessed.
    """

    def __init__(self, locale: Locale = "iso", zero_fraction: bool = False) -> None:
        self.locale = locale
        self.zero_fraction = zero_fraction
        self.dates: dict[str, tuple[date, int, int] | None] = {}
        self.modes: dict[str, EnforcementMode] = {m.value: m for m in EnforcementMode}
        self.kinds: dict[str, JudgmentKind] = {k.value: k for k in JudgmentKind}
        self.creditors: dict[str, CreditorKind] = {c.value: c for c in CreditorKind}
        self.events = dict(CODE_BY_NAME)
        self.names: dict[str, str] = {}
        self.grounds: dict[tuple[int, str, int], str | None] = {}
        """Code of each (event code, ground as written, day ordinal) already read."""
        self.forms_listed: set[str] = set()

    text = staticmethod(field_text)

    def name(self, value: object, record: str, field: str) -> str:
        """A code or name (office, executor), normalised once per distinct text."""
        if type(value) is str:
            hit = self.names.get(value)
            if hit is not None:
                return hit
            text = self.names[value] = field_text(value, record, field)
            return text
        return field_text(value, record, field)

    def day(
        self, value: object, record: str, field: str, required: bool = True
    ) -> tuple[date, int, int] | None:
        """(date, ordinal, month serial) of an ISO date, None if blank and optional."""
        if isinstance(value, str):
            if value in self.dates:
                hit = self.dates[value]
                if hit is None:
                    raise InvalidRecordError(
                        record, field, not_iso(value.strip(), self.locale), code="date.not_iso"
                    )
                return hit
            text = clean(value)
            if not text:
                if required:
                    raise InvalidRecordError(record, field, MISSING, code="date.blank")
                return None
            parsed: date | None
            try:
                if len(text) != 10 or not _ISO_DAY.fullmatch(text):
                    raise ValueError  # also ISO week and ordinal dates: YYYY-MM-DD only
                parsed = date.fromisoformat(text)
            except ValueError:
                parsed = self._local_day(text)
            if parsed is None:
                self.dates[value] = None
                raise InvalidRecordError(
                    record, field, not_iso(text, self.locale), code="date.not_iso"
                )
            found = self.dates[value] = (parsed, parsed.toordinal(), month_serial(parsed))
            return found
        if value is None:
            if required:
                raise InvalidRecordError(record, field, MISSING, code="date.blank")
            return None
        day = validate.day(value, record, field)  # the types' check: no datetime
        return day, day.toordinal(), month_serial(day)

    def _local_day(self, text: str) -> date | None:
        """A dd/mm/yyyy date, read only under ``locale="vi"``."""
        found = _DAY_MONTH_YEAR.fullmatch(text) if self.locale == "vi" else None
        if found is None:
            return None
        day, month, year = (int(part) for part in found.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def _local_amount(self, text: str, record: str, field: str) -> int | None:
        """An amount written ``1.200.000`` (``locale="vi"``) or ``147540494.0``
        (``zero_fraction``); both readings possible (``1.000``) is refused."""
        grouped = self.locale == "vi" and _VI_THOUSANDS.fullmatch(text) is not None
        whole = _ZERO_FRACTION.fullmatch(text) if self.zero_fraction else None
        if grouped and whole is not None:
            raise InvalidRecordError(
                record,
                field,
                f"{short(text)} reads as {text.replace('.', '')} with locale='vi' and as "
                f"{whole.group(1)} with zero_fraction=True: not guessed; write the digits only",
                code="amount.not_integer",
            )
        if grouped:
            return _bounded(_whole(text.replace(".", ""), record, field), record, field)
        if whole is not None:
            return _bounded(_whole(whole.group(1), record, field), record, field)
        return None

    def amount(self, value: object, record: str, field: str, required: bool) -> int:
        """An amount of money: only ASCII digits (an optional sign), or an int."""
        if isinstance(value, str):
            text = value.strip()
            if not text:
                if required:
                    raise InvalidRecordError(record, field, MISSING, code="amount.blank")
                return 0
            if text.isascii() and text.isdigit():
                return _bounded(_whole(text, record, field), record, field)
            if text.isascii() and text[0] == "-" and text[1:].isdigit():
                amount = -_whole(text[1:], record, field)
                if amount < 0:
                    raise InvalidRecordError(
                        record, field, f"must not be negative, got {amount}", code="amount.negative"
                    )
                return 0
            local = self._local_amount(text, record, field)
            if local is not None:
                return local
            raise InvalidRecordError(
                record,
                field,
                f"{short(text)} is not an integer number of đồng (only the digits 0-9, "
                f"no sign, separators or decimals){self._amount_hint(text)}",
                code="amount.not_integer",
            )
        if value is None:
            if required:
                raise InvalidRecordError(record, field, MISSING, code="amount.blank")
            return 0
        if isinstance(value, float):
            raise _float_amount(value, record, field)
        return _bounded(validate.money(value, record, field), record, field)  # types' check

    def _amount_hint(self, text: str) -> str:
        """The option that would read ``text``, if one would."""
        if self.locale != "vi" and _VI_THOUSANDS.fullmatch(text):
            return "; amounts with dots between thousands are read with locale='vi' (--locale vi)"
        if not self.zero_fraction and _ZERO_FRACTION.fullmatch(text):
            return (
                "; amounts with a zero fraction (as data frames write whole floats) are read "
                "with zero_fraction=True (--zero-fraction)"
            )
        return ""

    def choice(
        self,
        table: dict[str, E],
        kind: type[E],
        aliases: Mapping[str, tuple[str, ...]],
        value: object,
        record: str,
        field: str,
    ) -> E:
        """A member of ``kind`` by its name or a Vietnamese alias (remembered per text)."""
        if type(value) is str:
            member = table.get(value)
            if member is not None:
                return member
        text = self.text(value, record, field)
        canonical = _ALIAS_TABLES[id(aliases)].match(text)
        if canonical is None:
            raise InvalidRecordError(
                record,
                field,
                f"unknown value {short(text)}; expected one of: {accepted_text(aliases)}",
                code="value.unknown",
            )
        member = kind(canonical)
        if type(value) is str:
            table[value] = member
        return member

    def event_code(self, value: object, record: str) -> int:
        if type(value) is str:
            code = self.events.get(value)
            if code is not None:
                return code
        member = self.choice({}, EventKind, EVENT_KIND_ALIASES, value, record, "kind")
        code = CODE[member]
        if type(value) is str:
            self.events[value] = code
        return code

    def ground(self, code: int, value: object, record: str, day: int) -> str | None:
        """The code (``"48.1.c"``) of a legal ground written in any accepted form, or None.

        Read under the law in force on ``day`` (an ordinal), the day of the decision:
        ``"46.1.c"`` from 01/07/2026, ``"48.1.c"`` before (thads.rules.read_ground).
        """
        if value is None or value == "":
            return None
        if type(value) is not str:
            raise InvalidRecordError(
                record,
                "ground",
                f"must be text, not {type(value).__name__} {short(value)}",
                code="text.not_text",
            )
        key = (code, value, day)
        if key in self.grounds:
            return self.grounds[key]
        text = clean(value)
        if not text:
            found = None
        else:
            try:
                found = read_ground(text, date.fromordinal(day), KINDS[code], record)
            except InvalidRecordError as error:
                raise self._once(error) from None
        self.grounds[key] = found
        return found

    def _once(self, error: InvalidRecordError) -> InvalidRecordError:
        """A ground's rejection: the accepted forms and known grounds of a law are listed
        with the first one of a reading under that law, and referred to after."""
        at = error.reason.find(_FORMS)
        if at < 0:
            return error
        law = _LAW_NAMED.search(error.reason)
        which = law[1] if law is not None else ""
        if which not in self.forms_listed:
            self.forms_listed.add(which)
            return error
        return InvalidRecordError(
            error.record, error.field, _listed_before(error.reason[:at], which), code=error.code
        )


def listed_once(rows: list[RejectedRow]) -> list[RejectedRow]:
    """Rejected rows in file order as one reading words them: the accepted forms of a
    law listed with its first rejected ground only (as :meth:`Decoder._once` does), also
    where parts of the files were read apart, each listing them with its own first; a
    held row quoting a shortened reason quotes it shortened."""
    listed: set[str] = set()
    short: dict[tuple[str, int], tuple[str, str]] = {}  # (file, line): full, shortened
    out: list[RejectedRow] = []
    for row in rows:
        at = row.reason.find(_FORMS) if row.field == "ground" else -1
        law = _LAW_NAMED.search(row.reason) if at >= 0 else None
        if law is not None and law[1] in listed:
            shortened = _listed_before(row.reason[:at], law[1])
            short[row.file, row.line] = (row.reason, shortened)
            row = attrs.evolve(row, reason=shortened)
        elif law is not None:
            listed.add(law[1])
        out.append(row)
    files = {file for file, _ in short}
    for k, row in enumerate(out):  # a held row quotes the reason of its case's event
        if not short or row.code not in ("case.held", "event.held"):
            continue
        start = row.reason.find(HELD_AT) + len(HELD_AT)
        for file in files:
            if row.reason.startswith(file + ":", start):
                digits = row.reason[start + len(file) + 1 :].split(" ", 1)[0]
                found = short.get((file, int(digits))) if digits.isdigit() else None
                if found is not None:
                    full, shortened = found
                    out[k] = attrs.evolve(row, reason=row.reason.replace(full, shortened, 1))
    return out


def _listed_before(reason: str, law: str) -> str:
    """A ground's rejection ``reason`` referring to the forms listed with the first."""
    return (
        reason + "; accepted forms and known grounds: as listed with the first ground "
        f"rejected in this reading under Law {law}"
    )


HELD_AT: Final = "its event at "
"""Where a held row's reason quotes the rejected event of its case (Joiner._hold)."""
_LAW_NAMED: Final = re.compile(r"known grounds of Law ([0-9]+/[0-9]{4}/QH[0-9]+)")
"""The law whose grounds a rejection lists (thads.law's wording)."""
_FORMS: Final = "; accepted forms"
"""Where a ground's rejection starts listing the accepted forms (thads.law's wording)."""

_ALIAS_TABLES: Final[dict[int, LabelTable]] = {
    id(MODE_ALIASES): MODES,
    id(JUDGMENT_KIND_ALIASES): JUDGMENT_KINDS,
    id(CREDITOR_ALIASES): CREDITORS,
    id(EVENT_KIND_ALIASES): EVENT_KINDS,
}

E = TypeVar("E", bound=StrEnum)
_T = TypeVar("_T")

CaseFields = tuple[
    str, str, str, EnforcementMode, JudgmentKind, str, "date | None", date, int, int,
    CreditorKind, "date | None",
]  # fmt: skip


def quick_case_fields(decode: Decoder, values: list[object]) -> CaseFields | None:
    """:func:`case_fields` of a common row, from the decoder's caches alone, or None (then
    the row is read field by field). Every text must be one the decoder has already read
    (an office, a date, a mode...) or plain ASCII (the case id, the reference, the
    amount's digits); a property test holds it to :func:`case_fields`."""
    case_id, office, executor, mode, kind, ref, effective, accepted, amount, creditor, due = values
    if not (
        type(case_id) is str
        and type(office) is str
        and type(executor) is str
        and type(mode) is str
        and type(kind) is str
        and type(ref) is str
        and type(accepted) is str
        and type(amount) is str
        and type(creditor) is str
        and case_id
        and case_id[0] > " "
        and case_id[-1] > " "
        and case_id.isascii()
        and ref.isascii()
        and amount.isdigit()
        and amount.isascii()
        and len(amount) <= 18  # longer: checked against MAX_AMOUNT
    ):
        return None
    names, dates = decode.names, decode.dates
    try:  # a text not read yet (KeyError), a bad date (None) or another type: None
        on = dates[accepted]
        return (
            case_id, names[office], names[executor], decode.modes[mode], decode.kinds[kind],
            ref.strip(),
            None if effective is None or effective == "" else dates[effective][0],  # type: ignore[index]
            on[0], on[1], int(amount), decode.creditors[creditor],  # type: ignore[index]
            None if due is None or due == "" else dates[due][0],  # type: ignore[index]
        )  # fmt: skip
    except (KeyError, TypeError):
        return None


def case_fields(decode: Decoder, values: list[object]) -> CaseFields:
    """Checked fields of one cases.csv row, in column order (the first bad one raises)."""
    quick = quick_case_fields(decode, values)
    return case_fields_by_field(decode, values) if quick is None else quick


def case_fields_by_field(decode: Decoder, values: list[object]) -> CaseFields:
    """:func:`case_fields` read field by field (the specification of the quick path)."""
    case_id = decode.text(values[0], "case", "case_id")
    record = f"case {case_id}"
    office = decode.name(values[1], record, "office")
    executor = decode.name(values[2], record, "executor")
    mode = decode.choice(decode.modes, EnforcementMode, MODE_ALIASES, values[3], record, "mode")
    kind = decode.choice(
        decode.kinds, JudgmentKind, JUDGMENT_KIND_ALIASES, values[4], record,
        "judgment_kind",
    )  # fmt: skip
    ref = decode.text(values[5], record, "judgment_ref", required=False)
    effective = decode.day(values[6], record, "judgment_effective", required=False)
    accepted = decode.day(values[7], record, "accepted_on")
    assert accepted is not None
    amount = decode.amount(values[8], record, "amount", required=True)
    creditor = decode.choice(
        decode.creditors, CreditorKind, CREDITOR_ALIASES, values[9], record, "creditor"
    )
    due = decode.day(values[10], record, "due_on", required=False)
    return (
        case_id,
        office,
        executor,
        mode,
        kind,
        ref,
        None if effective is None else effective[0],
        accepted[0],
        accepted[1],
        amount,
        creditor,
        None if due is None else due[0],
    )


EventFields = tuple[str, int, int, int, int, "str | None"]


def event_fields(decode: Decoder, values: list[object]) -> EventFields:
    """(case_id, day, month, code, amount, ground) of one events.csv row, or raise."""
    case_id = decode.text(values[0], "event", "case_id")
    record = f"event of case {case_id}"
    day = decode.day(values[1], record, "date")
    assert day is not None
    code = decode.event_code(values[2], record)
    amount = values[3]
    value = 0 if amount == "" or amount is None else decode.amount(amount, record, "amount", False)
    ground = decode.ground(code, values[4], record, day[1])
    return case_id, day[1], day[2], code, value, ground


def parse_event_row(row: Mapping[str, object]) -> tuple[str, Event]:
    """Read one row of events.csv (a mapping) as (case_id, Event); InvalidRecordError if bad."""
    values = [row.get(f) for f in (*EVENT_COLUMNS, *EVENT_OPTIONAL)]
    case_id, day, _month, code, amount, ground = event_fields(Decoder(), values)
    return case_id, Event(date.fromordinal(day), KINDS[code], amount, ground)


def raw_case_id(values: RawRow) -> str | None:
    """The case id of a row that may be broken (None if it has none that can be read)."""
    if values is None:
        return None
    if isinstance(values, UnreadableRow):
        return values.case_id
    raw = values[0]
    if isinstance(raw, str):
        return clean(raw) or None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return None
