"""Errors raised by thads (lỗi).

Every error derives from :class:`ThadsError`; each concrete error also derives from the
built-in exception that fits, so callers may catch either.
"""

from __future__ import annotations


class ThadsError(Exception):
    """Root of every error raised by thads."""


class InvalidRecordError(ThadsError, ValueError):
    """A record (case, event, tally, quota...) has a field that breaks a rule.

    The message names the record, the field and the reason; the three are also kept as
    attributes for programs.
    """

    def __init__(self, record: str, field: str, reason: str) -> None:
        self.record = record
        self.field = field
        self.reason = reason
        super().__init__(f"{record}: field {field!r}: {reason}")


class InvalidGroundError(InvalidRecordError):
    """A legal ground (căn cứ) that cannot be read, or that the law does not have.

    The reason lists the accepted forms of writing a ground and the known grounds.
    """


class MoneyTypeError(InvalidRecordError, TypeError):
    """Money (tiền) given as something other than an integer number of đồng.

    Raised for float, bool, text or fractional money wherever money is taken. It is also
    an :class:`InvalidRecordError` (``.record``, ``.field``, ``.reason``) and a
    ``TypeError``, so callers may catch any of the three. ``MoneyTypeError(message)``
    with one argument is still accepted (record ``"money"``, field ``"amount"``).
    """

    def __init__(self, record: str, field: str | None = None, reason: str | None = None) -> None:
        if field is None and reason is None:
            ThadsError.__init__(self, record)
            self.record, self.field, self.reason = "money", "amount", record
            return
        super().__init__(record, field or "amount", reason or "is not an int number of đồng")


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
