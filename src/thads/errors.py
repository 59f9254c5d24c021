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
        "date.blank": "a required date field is blank",
        "amount.blank": "a required amount is blank",
        "amount.too_large": "money above the largest amount thads reads (2**63 - 1 đồng)",
        "amount.not_positive": "collected or reduced with no amount (blank or 0)",
        "amount.above_owed": "collected or reduced more than is still owed",
        "amount.not_allowed": "an amount on an event kind that carries none",
        "event.before_acceptance": "an event dated before the case was accepted (thụ lý)",
        "event.order": "an event dated before the event that precedes it",
        "event.after_closing": "an event after the case's closing event",
        "event.held": "an event held out with its case (its case has a rejected event)",
        "case.held": "a case held out because one of its events was rejected",
        "case.duplicate": "a second case row with the same case_id",
        "case.unknown": "an event whose case_id has no case row",
        "case.rejected": "an event whose case row was rejected",
        "heading.unknown": "a column (or JSON key) thads does not recognise; it is not ignored",
        "heading.blank": "a column with values under a blank heading",
        "heading.duplicate": "two headings (or a key and its alias) that give the same field",
        "heading.missing": "a required column is missing",
        "heading.not_a_field": "columns= maps a heading to a field the file does not have",
        "heading.not_ignorable": "columns= ignores a column that holds a field of the file",
        "row.unreadable": "a row that cannot be split into fields",
        "row.width": "a row with more or fewer fields than the header",
        "quote.unclosed": "a quote opened in a field and not closed on its line",
        "json.invalid": "a JSON Lines line that is not valid JSON",
        "json.not_object": "a JSON Lines line that is not one JSON object (e.g. an array)",
        "record.not_mapping": "a Python record that is not a mapping (keys and item access)",
        "formula.no_value": "a spreadsheet formula cell saved without its computed value",
        "file.empty": "a file or sheet without a header line",
        "file.type": "a file or object of a kind this reader does not read",
        "file.not_sorted": "a file read as sorted by case_id that is not sorted",
        "file.unreadable": "a workbook that is not a valid xlsx file (not a zip, bad XML)",
        "file.too_large": "a workbook that expands beyond the size thads reads",
        "sheet.unknown": "a sheet the workbook does not have",
        "sheet.same": "cases and events asked from the same sheet",
        "encoding.unknown": "an encoding name that Python does not know",
        "encoding.undecodable": "a file whose bytes cannot be decoded in its encoding",
        "quota.year": "a quota year not written as digits",
        "quota.target": "a quota target that is not a percent (NaN, infinity...)",
        "quota.duplicate": "a second quota for the same year and office",
        "office.not_in_tree": (
            "a case's office is not in the office tree (offices file) given: its case row and "
            "each of its events"
        ),
        "report.tampered": "a report document whose figures do not hold together",
        "report.jobs": "a number of worker processes outside 1..thads.count.MAX_JOBS",
    }
)
"""Stable error codes (mã lỗi) of :class:`InvalidRecordError`, with what each means.

A code never changes meaning; new codes may be added (here, and in ``docs/errors.md``,
which a test holds to this table). Programs and :mod:`thads.testing` match on the code,
never on the message text.
"""


def _rebuild(
    cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]
) -> BaseException:
    """Unpickle a thads error without calling its ``__init__`` (see ThadsError.__reduce__)."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ThadsError(Exception):
    """Root of every error raised by thads.

    Every thads error pickles with its message and attributes (``record``, ``field``,
    ``reason``, ``code``, ``row``...) intact, whatever its constructor takes, so an error
    raised in a worker process (``jobs=N``) reaches the caller as it was raised.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return _rebuild, (type(self), self.args, dict(self.__dict__))


class ThadsWarning(UserWarning):
    """Root of every warning thads gives (a :class:`UserWarning`, so filters on it still work).

    Programs (and the command line) can turn them into errors or messages of their own
    with ``warnings.simplefilter("error", ThadsWarning)``.
    """


class RejectedRowsWarning(ThadsWarning):
    """A report counted without some input rows (dòng bị loại): the report is smaller than
    the input, and ``Report.rejected_rows`` says by how many rows."""


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
    "RejectedRowsWarning",
    "RuleNotAvailableError",
    "ThadsError",
    "ThadsWarning",
    "UndefinedRateError",
]
