"""Options and checks shared by the commands (tùy chọn dòng lệnh): input, output, chart.

The exit codes, the Vietnamese help terms, the input options (``--cases``, ``--events``,
``--encoding``, ``--column``...) and how they are read into a :class:`thads.read.CaseReader`.
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import re
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO, TypeVar

from thads.errors import InvalidRecordError, ThadsError, ThadsWarning
from thads.read import (
    CASE_COLUMNS,
    CASE_OPTIONAL,
    EVENT_COLUMNS,
    EVENT_OPTIONAL,
    CaseReader,
    read_cases,
    read_excel,
)
from thads.records import HEADINGS, fold
from thads.rules import REGIMES

if TYPE_CHECKING:
    from thads.count import Report

T = TypeVar("T")

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3

FIELDS: Final = tuple(
    dict.fromkeys((*CASE_COLUMNS, *CASE_OPTIONAL, *EVENT_COLUMNS, *EVENT_OPTIONAL))
)
"""The fields ``--column HEADING=FIELD`` takes: those of the cases and events files."""


class LateUsageError(ThadsError):
    """A wrong or missing option found once the input was opened (exit 2, nothing read)."""


FIRST_YEAR, LAST_YEAR = 1901, 2200
"""The statistical years the command line takes (``--year``); periods need a regime too."""
ENCODINGS = "utf-8, utf-8-sig, utf-16, utf-32, cp1258, latin-1"
"""The encodings named in the help and in a usage error (any Python text codec works)."""

HELP_TERMS = """\
terms (thuật ngữ):
  case / việc, money / tiền (đồng), accepted / thụ lý, carried over / năm trước chuyển
  sang, new / thụ lý mới, entrusted / ủy thác, withdrawn / thu hồi, hủy quyết định,
  to enforce / phải thi hành, enforceable / có điều kiện thi hành, without conditions /
  chưa có điều kiện, completed / thi hành xong, terminated / đình chỉ, reduced / giảm,
  postponed / hoãn, suspended / tạm đình chỉ, resolved / giải quyết xong, carried
  forward / chuyển kỳ sau, resolution rate / tỷ lệ thi hành xong, quota / chỉ tiêu,
  progress / tiến độ, same period last year / cùng kỳ năm trước, office / cơ quan THADS,
  executor / chấp hành viên, statistical year / năm thống kê (1/10 – 30/9), regime /
  chế độ báo cáo thống kê.
"""


def add_regime_options(parser: argparse.ArgumentParser) -> None:
    """Which statistics regime counts the period (report and explain)."""
    codes = ", ".join(regime.code for regime in REGIMES)
    parser.add_argument("--regime", help=f"force a regime: {codes}")
    parser.add_argument(
        "--allow-last-known",
        action="store_true",
        help="a period ending from 01/07/2026: count it as TT 05/2024, marked (TT 05/2026's "
        "content is not known)",
    )


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """How the input files are read: encoding, headings, bad events (report and list)."""
    parser.add_argument(
        "--encoding",
        help="encoding of the input files (cases, events, offices, quota) that have no "
        f"byte-order mark: {ENCODINGS}... (default utf-8)",
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help="read the column HEADING as FIELD (e.g. 'Số tiền=amount'); 'HEADING=' ignores "
        "it (a heading thads does not know is otherwise an error); repeatable",
    )
    parser.add_argument(
        "--cases-sheet",
        metavar="NAME",
        help="--cases BOOK.xlsx: the sheet of the cases (default: the first sheet)",
    )
    parser.add_argument(
        "--events-sheet",
        metavar="NAME",
        help="--cases BOOK.xlsx: the sheet of the events in the same workbook (without it, "
        "a workbook with a sheet headed as the events is refused: see --no-events)",
    )
    parser.add_argument(
        "--no-events",
        action="store_true",
        help="count without events on purpose (every case accepted and in progress), even "
        "when --cases BOOK.xlsx has a sheet that looks like the events",
    )
    parser.add_argument(
        "--locale",
        choices=("iso", "vi"),
        default="iso",
        help="vi: also read dates written dd/mm/yyyy and amounts with dots between "
        "thousands (1.200.000), as spreadsheets under Vietnamese settings write them "
        "(default iso: YYYY-MM-DD and digits only)",
    )
    parser.add_argument(
        "--zero-fraction",
        action="store_true",
        help="also read amounts with a zero fraction (147540494.0)",
    )
    parser.add_argument(
        "--on-bad-event",
        choices=("hold_case", "drop_event"),
        default="hold_case",
        help="a case with a rejected event: hold it out (default) or drop the event",
    )


def add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=formats, default="table", help="output format")
    parser.add_argument("--output", type=Path, help="write to this file instead of stdout")


def add_chart_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--chart",
        type=Path,
        metavar="FILE.png",
        help="also draw each office's resolution rate (tỷ lệ thi hành xong) against its "
        "quota (chỉ tiêu) as a PNG (needs thads[chart])",
    )


def draw_chart(result: Report, path: Path | None) -> None:
    if path is not None:
        from thads.write import office_rates

        office_rates(result, path)


def column_map(pairs: list[str]) -> dict[str, str | None] | None:
    """--column HEADING=FIELD options as the reader's ``columns=`` (empty FIELD: ignore)."""
    out: dict[str, str | None] = {}
    for pair in pairs:
        heading, field = (part.strip() for part in pair.split("=", 1))
        out[heading] = field or None
    return out or None


def year_usage_error(year: int | None) -> str | None:
    """A ``--year`` outside the statistical years thads can name (exit 2)."""
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        return (
            f"--year must be a statistical year from {FIRST_YEAR} to {LAST_YEAR} "
            f"such as 2023, got {year}"
        )
    return None


def encoding_usage_error(name: str | None) -> str | None:
    """An ``--encoding`` that is not a text encoding Python can decode files with."""
    if name is None:
        return None
    try:
        "a".encode(name)  # a LookupError for unknown and for bytes-to-bytes codecs (hex)
        codecs.getincrementaldecoder(name)().decode(b"", final=True)  # 'undefined' fails
    except (LookupError, UnicodeError, ValueError, TypeError):
        return (
            f"--encoding: {name!r} is not a text encoding thads can read files with; "
            f"accepted: {ENCODINGS} or another text encoding of Python's codecs"
        )
    return None


def input_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the input options (exit 2)."""
    problem = encoding_usage_error(args.encoding)
    if problem is not None:
        return problem
    for mapping in args.column:
        heading, _, field = mapping.partition("=")
        if "=" not in mapping or (not heading.strip() and field.strip()):
            return (
                "--column takes HEADING=FIELD (or HEADING= to ignore it; '=' ignores the "
                f"columns without a heading), not {mapping!r}"
            )
        if field.strip() and field.strip() not in FIELDS:
            return (
                f"--column {mapping!r}: {field.strip()!r} is not a field of the cases or "
                f"events file; fields: {', '.join(FIELDS)}"
            )
    if args.no_events and (args.events is not None or args.events_sheet is not None):
        return "--no-events counts without events: leave out --events and --events-sheet"
    return workbook_usage_error(args)


_EXTRAS: Final = {"openpyxl": "excel", "matplotlib": "chart", "holidays": "holidays"}
"""The optional packages the command line may need, with the extra that installs each."""


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def extra_usage_error(args: argparse.Namespace) -> str | None:
    """An optional package the command line asks for but which is not installed (exit 2,
    before any input is read): Excel in or out, a chart, the working-day calendar."""
    needs: list[tuple[str, str]] = []
    if getattr(args, "format", None) == "xlsx":
        needs.append(("--format xlsx", "openpyxl"))
    if _workbook(getattr(args, "cases", None)):
        needs.append(("--cases BOOK.xlsx", "openpyxl"))
    if getattr(args, "chart", None) is not None:
        needs.append(("--chart", "matplotlib"))
    if getattr(args, "kind", None) == "deadlines":
        needs.append(("thads list deadlines (Vietnamese working days)", "holidays"))
    for what, module in needs:
        if not _importable(module):
            return (
                f"{what} needs the optional package {module!r}: install it with "
                f"pip install 'thads[{_EXTRAS[module]}]'"
            )
    return None


_FILE_OPTIONS: Final = (
    ("--cases", "cases"),
    ("--events", "events"),
    ("--quota", "quota"),
    ("--offices", "offices"),
)
_WRITTEN_OPTIONS: Final = (("--output", "output"), ("--rejected", "rejected"), ("--chart", "chart"))


def missing_file_error(args: argparse.Namespace) -> str | None:
    """An input file named on the command line that does not exist (exit 1), naming its
    option, before any input is read."""
    for option, name in _FILE_OPTIONS:
        path: Path | None = getattr(args, name, None)
        if path is not None and not path.exists():
            return f"{option} {path}: no such file"
    return None


def file_error(error: OSError, args: argparse.Namespace) -> str:
    """A file that could not be read or written, named with its option when known."""
    name = getattr(error, "filename", None)
    if name is not None:
        for option, attr in (*_FILE_OPTIONS, *_WRITTEN_OPTIONS):
            path: Path | None = getattr(args, attr, None)
            if path is not None and str(path) == str(name):
                return f"{option} {path}: {error.strerror or error}"
    return str(error)


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
"""A ``--cases`` file with one of these suffixes is read as a workbook (thads.read_excel)."""


def _workbook(path: Path | None) -> bool:
    return path is not None and path.suffix.lower() in WORKBOOK_SUFFIXES


def workbook_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with reading the cases from a workbook (``--cases BOOK.xlsx``)."""
    cases: Path | None = args.cases
    events: Path | None = args.events
    if not _workbook(cases):
        if _workbook(events):
            return (
                "--events is a workbook: give the workbook as --cases BOOK.xlsx and name the "
                "events sheet with --events-sheet NAME"
            )
        for option in ("cases_sheet", "events_sheet"):
            if getattr(args, option) is not None:
                return f"--{option.replace('_', '-')} reads a workbook: give --cases BOOK.xlsx"
        return None
    assert cases is not None
    if events is not None:
        if events.resolve() != cases.resolve():
            return (
                "the events of a workbook are a sheet of the same workbook: leave out --events "
                "(or give the same file) and name the sheet with --events-sheet NAME"
            )
        if args.events_sheet is None:
            return "--events BOOK.xlsx: name the sheet of the events with --events-sheet NAME"
    if getattr(args, "sorted", False):
        return "--sorted streams CSV or JSON Lines files, not a workbook"
    if args.encoding is not None:
        return "--encoding is for CSV or JSON Lines files: a workbook carries its own"
    return None


def read_input(args: argparse.Namespace) -> CaseReader:
    """The cases (and events) named on the command line, as a reader: CSV or JSON Lines
    files (:func:`thads.read.read_cases`), or the sheets of a workbook
    (:func:`thads.read.read_excel`)."""
    if _workbook(args.cases):
        reader = read_excel(
            args.cases,
            cases_sheet=args.cases_sheet,
            events_sheet=args.events_sheet,
            columns=column_map(args.column),
            strict=args.strict,
            on_bad_event=args.on_bad_event,
            locale=args.locale,
            zero_fraction=args.zero_fraction,
        )
        if args.events_sheet is None and not args.no_events:
            _refuse_unnamed_events(args)
        return reader
    return read_cases(
        args.cases,
        args.events,
        strict=args.strict,
        sorted_input=getattr(args, "sorted", False),
        encoding=args.encoding,
        on_bad_event=args.on_bad_event,
        columns=column_map(args.column),
        engine=getattr(args, "engine", "python"),
        locale=args.locale,
        zero_fraction=args.zero_fraction,
    )


def _refuse_unnamed_events(args: argparse.Namespace) -> None:
    """Never guess: a workbook read without ``--events-sheet`` that has a sheet headed as
    the events file is a usage problem naming the sheet (read_excel has checked that the
    package is a plain workbook before this opens it)."""
    import openpyxl

    book = openpyxl.load_workbook(args.cases, read_only=True, data_only=True)
    try:
        sheets = [ws for ws in book.worksheets if hasattr(ws, "iter_rows")]
        visible = [ws.title for ws in sheets if ws.sheet_state == "visible"]
        cases_sheet = args.cases_sheet or (visible[0] if visible else None)
        found = []
        for ws in sheets:
            if ws.title == cases_sheet:
                continue
            ws.reset_dimensions()
            first = next(ws.iter_rows(values_only=True), None)
            if first is not None and _events_headings(first, column_map(args.column)):
                found.append(str(ws.title))
    finally:
        book.close()
    if found:
        raise LateUsageError(
            f"--cases {args.cases}: sheet {found[0]!r} is headed as the events "
            f"({', '.join(EVENT_COLUMNS)}) but no --events-sheet was given; pass "
            f"--events-sheet {found[0]!r} to count its events, or --no-events to count "
            "without events (every case in progress)"
        )


def _events_headings(headings: tuple[object, ...], columns: dict[str, str | None] | None) -> bool:
    """True if ``headings`` give every required column of the events file."""
    mapped = {fold(heading): field for heading, field in (columns or {}).items()}
    found = set()
    for heading in headings:
        text = "" if heading is None else str(heading)
        key = fold(text)
        if not key:
            continue
        field = mapped[key] if key in mapped else (key if key in FIELDS else HEADINGS.match(text))
        if field is not None:
            found.add(field)
    return set(EVENT_COLUMNS) <= found


_QUOTA_HEADINGS: Final = {
    "cases": "the target percent by cases, Chỉ tiêu việc",
    "money": "the target percent by money, Chỉ tiêu tiền",
}


def read_side_file(
    read: Callable[..., T], option: str, path: Path | None, encoding: str | None
) -> T | None:
    """An offices or quota file (``--offices``, ``--quota``), None when not given.

    A value Python cannot turn into a number (a 5.000-digit year, "NaN") is a thads error
    naming the option and the file, not a traceback."""
    if path is None:
        return None
    try:
        return read(path, encoding=encoding)
    except InvalidRecordError as error:
        heading = _QUOTA_HEADINGS.get(error.field) if option == "--quota" else None
        if heading is not None:
            raise ThadsError(
                f"--quota {error.record}: column {error.field!r} ({heading}): {error.reason}"
            ) from None
        raise
    except (ThadsError, OSError):
        raise
    except (ValueError, ArithmeticError) as error:
        detail = str(error) if type(error) is ValueError else type(error).__name__
        raise ThadsError(
            f"{option} {path}: a value thads cannot read as a number ({detail})"
        ) from None


def say_warnings(caught: list[warnings.WarningMessage], err: TextIO) -> None:
    """thads warnings given while counting, as ``thads: warning:`` lines (no Python
    warning line with a file and line number)."""
    for item in caught:
        if isinstance(item.message, ThadsWarning):
            err.write(f"thads: warning: {cli_words(str(item.message))}\n")
        else:  # not thads's: as Python shows it
            warnings.showwarning(item.message, item.category, item.filename, item.lineno)


_CLI_WORDS: Final = (
    # a Python hint followed by the command line's own, in parentheses: keep the latter
    (re.compile(r"columns=\{[^{}]*\} \(thads (?:report|list) (--column [^)]*)\)"), r"\1"),
    (re.compile(r"columns=\{'([^']*)': FIELD\}"), r"--column '\1=FIELD'"),
    (re.compile(r"columns=\{([A-Z]+): FIELD\}"), r"--column \1=FIELD"),
    (re.compile(r"columns=\{([A-Z]+): None\}"), r"--column \1="),
    (re.compile(r"columns=\{'': None\}"), "--column ="),
    (re.compile(r"on_bad_event='drop_event'"), "--on-bad-event drop_event"),
    (re.compile(r"encoding=\.\.\. \(thads report --encoding \.\.\.\)"), "--encoding ..."),
    (
        re.compile(r"thads\.read_excel\(path, cases_sheet=\.\.\., events_sheet=\.\.\.\)"),
        "--cases BOOK.xlsx [--cases-sheet NAME] [--events-sheet NAME]",
    ),
    (re.compile(r"pass allow_last_known=True"), "use --allow-last-known"),
    (re.compile(r"allow_last_known=True"), "--allow-last-known"),
    (re.compile(r"locale='vi' \(--locale vi\)"), "--locale vi"),
    (re.compile(r"locale='vi'"), "--locale vi"),
    (re.compile(r"zero_fraction=True \(--zero-fraction\)"), "--zero-fraction"),
    (re.compile(r"zero_fraction=True"), "--zero-fraction"),
    (re.compile(r"read it without sorted_input"), "read it without --sorted"),
    (re.compile(r" \(or pass calendar=thads\.law\.Calendar\(\.\.\.\)\)"), ""),
)


def cli_words(message: str) -> str:
    """A library message in the command line's words: its flags (``--column``,
    ``--on-bad-event``, ``--allow-last-known``...), not Python keywords."""
    for pattern, words in _CLI_WORDS:
        message = pattern.sub(words, message)
    return message


def rejected_notes(reader: CaseReader) -> list[str]:
    """ "N of M rows rejected" when the reader rejected rows (for a list on stdout)."""
    counts = reader.counts.values()
    read, rejected = sum(c.read for c in counts), sum(c.rejected for c in counts)
    if not rejected:
        return []
    return [
        f"{rejected} of {read} rows rejected ({rejected}/{read} dòng dữ liệu bị loại; danh "
        "sách chỉ gồm các dòng hợp lệ)"
    ]


def iso_day(text: str) -> date:
    """A command-line date, YYYY-MM-DD; a dd/mm/yyyy date is told its ISO spelling."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        parts = text.replace(".", "/").replace("-", "/").split("/")
        hint = ""
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
            try:
                day = date(int(parts[2]), int(parts[1]), int(parts[0]))
                hint = f" (write {text} as {day.isoformat()})"
            except ValueError:
                hint = ""
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD{hint}") from None


__all__ = [
    "ENCODINGS",
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_USAGE",
    "FIELDS",
    "FIRST_YEAR",
    "HELP_TERMS",
    "LAST_YEAR",
    "LateUsageError",
    "add_chart_option",
    "add_input_options",
    "add_output_options",
    "cli_words",
    "column_map",
    "draw_chart",
    "encoding_usage_error",
    "extra_usage_error",
    "file_error",
    "input_usage_error",
    "iso_day",
    "missing_file_error",
    "read_input",
    "read_side_file",
    "rejected_notes",
    "say_warnings",
    "workbook_usage_error",
    "year_usage_error",
]
