"""The one validation layer (kiểm tra dữ liệu) of thads's public types and readers.

Each check takes the value, the record and the field it belongs to, and returns the
value in its one accepted form or raises an error naming record, field and reason:

- money and counts are ``int`` (đồng, cases), never ``bool`` or ``float``: a float, bool
  or text given as money is a :class:`~thads.errors.MoneyTypeError` everywhere (it is
  also an :class:`~thads.errors.InvalidRecordError` and a ``TypeError``);
- dates are ``datetime.date`` and never ``datetime.datetime`` (a pandas ``Timestamp``
  is a datetime): a day of a case history has no time of day;
- enumerations and option strings are checked against the accepted values, which the
  error lists; nothing unrecognised is mapped to a default;
- codes and names are non-empty text.

The reader (:mod:`thads.io`) may call the same functions on decoded fields.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from decimal import Decimal
from enum import Enum, IntEnum, StrEnum
from typing import TypeVar

from thads.errors import InvalidRecordError, MoneyTypeError

E = TypeVar("E", bound=Enum)
S = TypeVar("S", bound=str)


def _kind_of(value: object) -> str:
    if isinstance(value, float):
        return f"the float {value!r}"
    if isinstance(value, bool):
        return f"the bool {value!r}"
    return f"{type(value).__name__} {value!r}"


def money(value: object, record: str, field: str = "amount", *, negative: bool = False) -> int:
    """``value`` as an int number of đồng (tiền).

    Accepts ``int`` and a whole ``Decimal``; a float, bool, text or fractional amount is a
    :class:`MoneyTypeError`; a negative amount an :class:`InvalidRecordError` unless
    ``negative`` is true.
    """
    if type(value) is int:  # the common case first
        amount = value
    elif isinstance(value, Decimal):
        if not value.is_finite() or value != value.to_integral_value():
            raise MoneyTypeError(record, field, f"{value} is not a whole number of đồng")
        amount = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = int(value)
    else:
        raise MoneyTypeError(
            record, field, f"money must be an int number of đồng, not {_kind_of(value)}"
        )
    if amount < 0 and not negative:
        raise InvalidRecordError(
            record, field, f"must not be negative, got {amount}", code="amount.negative"
        )
    return amount


def quantity(value: object, record: str, field: str, *, negative: bool = False) -> int:
    """``value`` as an int count of cases or amount of đồng (a report row, a rate's term).

    Only ``int`` is accepted (not bool, float or Decimal): anything else is a
    :class:`MoneyTypeError`, since the row may be money; a negative value is an
    :class:`InvalidRecordError` unless ``negative`` is true.
    """
    if type(value) is not int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise MoneyTypeError(
                record,
                field,
                f"must be an int (cases or đồng), not {_kind_of(value)}",
                code="count.not_integer",
            )
        value = int(value)
    if value < 0 and not negative:
        raise InvalidRecordError(
            record, field, f"must be >= 0, got {value}", code="amount.negative"
        )
    return value


def day(value: object, record: str, field: str) -> date:
    """``value`` as a ``datetime.date`` (ngày), refusing a datetime or anything else.

    A ``datetime`` (or a pandas ``Timestamp``, which is one) is refused with a message
    saying to pass ``.date()``: the counting compares days, and a time of day would make
    a date and a datetime of the same day compare as unequal or not at all.
    """
    if type(value) is date:
        return value
    if isinstance(value, datetime):
        raise InvalidRecordError(
            record,
            field,
            f"give a datetime.date, not the datetime {value!r}; pass value.date() "
            "(a pandas Timestamp is a datetime too)",
            code="date.datetime",
        )
    if isinstance(value, date):
        return value
    raise InvalidRecordError(
        record, field, f"must be a datetime.date, not {_kind_of(value)}", code="date.not_date"
    )


def optional_day(value: object, record: str, field: str) -> date | None:
    """:func:`day`, or None for None."""
    return None if value is None else day(value, record, field)


def iso_day(text: str, record: str, field: str) -> date:
    """A date written ``YYYY-MM-DD`` (ISO 8601, the interchange format), nothing else."""
    stripped = text.strip()
    try:
        if len(stripped) != 10:
            raise ValueError
        return date.fromisoformat(stripped)
    except ValueError:
        raise InvalidRecordError(
            record, field, f"{stripped!r} is not an ISO date (YYYY-MM-DD)", code="date.not_iso"
        ) from None


def text(value: object, record: str, field: str) -> str:
    """``value`` as non-empty text (a code, a name, an identifier)."""
    if not isinstance(value, str):
        raise InvalidRecordError(
            record, field, f"must be text, not {_kind_of(value)}", code="text.not_text"
        )
    if not value.strip():
        raise InvalidRecordError(record, field, "must not be empty", code="text.empty")
    return value


def optional_text(value: object, record: str, field: str) -> str | None:
    """:func:`text`, or None for None."""
    return None if value is None else text(value, record, field)


def _accepted(kind: type[Enum]) -> str:
    if issubclass(kind, IntEnum):
        return ", ".join(f"{member.value} ({member.name.lower()})" for member in kind)
    return ", ".join(str(member.value) for member in kind)


def choice(kind: type[E], value: object, record: str, field: str) -> E:
    """``value`` as a member of the enumeration ``kind``, listing the accepted values.

    A member is returned as is; a string is looked up by value (string enumerations) or
    by name, case-insensitively (integer enumerations); an int by value (integer
    enumerations; not a bool).
    """
    if isinstance(value, kind):
        return value
    found: E | None = None
    if isinstance(value, str):
        key = value.strip()
        if issubclass(kind, StrEnum):
            found = kind._value2member_map_.get(key)  # type: ignore[assignment]
        else:
            found = kind.__members__.get(key.upper())
    elif issubclass(kind, IntEnum) and isinstance(value, int) and not isinstance(value, bool):
        found = kind._value2member_map_.get(value)  # type: ignore[assignment]
    if found is None:
        raise InvalidRecordError(
            record,
            field,
            f"unknown value {value!r}; expected one of: {_accepted(kind)}",
            code="value.unknown",
        )
    return found


def literal(value: object, accepted: Collection[S], record: str, field: str) -> S:
    """``value`` if it is one of the ``accepted`` strings, else an error listing them."""
    if isinstance(value, str) and value in accepted:
        return value  # type: ignore[return-value]
    raise InvalidRecordError(
        record,
        field,
        f"unknown value {value!r}; expected one of: {', '.join(accepted)}",
        code="value.unknown",
    )


__all__ = [
    "choice",
    "day",
    "iso_day",
    "literal",
    "money",
    "optional_day",
    "optional_text",
    "quantity",
    "text",
]
