"""Errors raised by thads (lỗi).

Every error derives from :class:`ThadsError`; each concrete error also derives from the
built-in exception that fits, so callers may catch either.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

ERROR_CODES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "record.invalid": "a field breaks a rule not given a code of its own",
        "text.not_text": "a text field holds something else",
        "text.empty": "a required text field is empty",
        "date.not_date": "a day that is not a datetime.date",
        "date.datetime": "a datetime (time of day) where a day is expected",
        "date.not_iso": "a day not written YYYY-MM-DD",
        "amount.not_integer": "money that is not an int number of đồng (float, text, fraction)",
        "amount.negative": "money or a count below zero",
        "count.not_integer": "a count (cases or đồng of a row) that is not an int",
        "value.unknown": "a value outside its enumeration; the accepted ones are listed",
        "ground.invalid": "a legal ground that cannot be read or does not exist",
        "ground.not_available": "a ground that the law in force does not have",
    }
)
"""Stable error codes (mã lỗi) of :class:`InvalidRecordError`, with what each means.

A code never changes meaning; new codes may be added (here, and in ``docs/errors.md``,
which a test holds to this table). Programs and :mod:`thads.testing` match on the code,
never on the message text.
"""


class ThadsError(Exception):
    """Root of every error raised by thads."""


class InvalidRecordError(ThadsError, ValueError):
    """A record (case, event, tally, quota...) has a field that breaks a rule.

    The message names the record, the field and the reason; the three are also kept as
    attributes for programs.
    """

    def __init__(
        self, record: str, field: str, reason: str, *, code: str = "record.invalid"
    ) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}; add it to thads.errors.ERROR_CODES")
        self.record = record
        self.field = field
        self.reason = reason
        self.code = code
        """Stable code of the rule that failed (:data:`ERROR_CODES`), e.g. ``date.not_iso``."""
        super().__init__(f"{record}: field {field!r}: {reason}")


class InvalidGroundError(InvalidRecordError):
    """A legal ground (căn cứ) that cannot be read, or that the law does not have.

    The reason lists the accepted forms of writing a ground and the known grounds.
    """

    def __init__(
        self, record: str, field: str, reason: str, *, code: str = "ground.invalid"
    ) -> None:
        super().__init__(record, field, reason, code=code)


class MoneyTypeError(InvalidRecordError, TypeError):
    """Money (tiền) given as something other than an integer number of đồng.

    Raised for float, bool, text or fractional money wherever money is taken. It is also
    an :class:`InvalidRecordError` (``.record``, ``.field``, ``.reason``) and a
    ``TypeError``, so callers may catch any of the three. ``MoneyTypeError(message)``
    with one argument is still accepted (record ``"money"``, field ``"amount"``).
    """

    def __init__(
        self,
        record: str,
        field: str | None = None,
        reason: str | None = None,
        *,
        code: str = "amount.not_integer",
    ) -> None:
        if field is None and reason is None:
            ThadsError.__init__(self, record)
            self.record, self.field, self.reason = "money", "amount", record
            self.code = code
            return
        super().__init__(
            record, field or "amount", reason or "is not an int number of đồng", code=code
        )


class PeriodError(ThadsError, ValueError):
    """A statistical period (kỳ thống kê) that does not exist or cannot be parsed."""


class FormatParseError(ThadsError, ValueError):
    """A published Vietnamese number, percent or money text that cannot be parsed."""


class UndefinedRateError(ThadsError, ValueError):
    """A rate (tỷ lệ) whose denominator is zero."""


class InconsistentTallyError(ThadsError, ValueError):
    """A tally (bảng số liệu) whose rows break one of the report identities."""

    def __init__(self, identity: str, detail: str) -> None:
        self.identity = identity
        super().__init__(f"identity {identity} fails: {detail}")


class RuleNotAvailableError(ThadsError, ValueError):
    """A rule whose content is not known for the date asked (not invented by thads)."""


class GroundNotAvailableError(InvalidGroundError, RuleNotAvailableError):
    """A legal ground under a law whose list of grounds is not known to thads."""


class MissingExtraError(ThadsError, ImportError):
    """An optional dependency is needed; the message says which extra to install."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the optional package {package!r}; "
            f"install it with: pip install 'thads[{extra}]'"
        )


__all__ = [
    "ERROR_CODES",
    "FormatParseError",
    "GroundNotAvailableError",
    "InconsistentTallyError",
    "InvalidGroundError",
    "InvalidRecordError",
    "MissingExtraError",
    "MoneyTypeError",
    "PeriodError",
    "RuleNotAvailableError",
    "ThadsError",
    "UndefinedRateError",
]
