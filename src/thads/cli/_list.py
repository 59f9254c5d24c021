"""``thads list``: work lists (danh sách công việc) from thads.worklists and thads.law."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from thads.cli._parser import (
    EXIT_OK,
    EXIT_REJECTED,
    FIRST_YEAR,
    LAST_YEAR,
    add_input_options,
    cli_words,
    input_usage_error,
    iso_day,
    read_input,
    read_side_file,
    rejected_notes,
    year_usage_error,
)
from thads.errors import ThadsError
from thads.read import read_offices
from thads.values import StatisticalPeriod

if TYPE_CHECKING:
    from thads import worklists

LIST_KINDS = (
    "separate-register",
    "being-enforced",
    "state-compensation",
    "credit-institution",
    "carried-over",
    "large",
    "long-running",
    "deadlines",
    "exemption",
    "calendar",
)
LIST_FORMATS = ("table", "csv", "xlsx", "json")
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
"""The days ``--as-of`` and ``--until`` take: the years of ``--year``."""
MAX_MONTHS = 1200
"""The largest ``--min-months`` (100 years)."""
MAX_DAYS = 36_600
"""The largest ``--horizon`` in days (about 100 years)."""


def add_list_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lst = sub.add_parser("list", help="work lists: period-end lists, deadlines, exemption...")
    lst.add_argument("kind", choices=LIST_KINDS, help="which list")
    lst.add_argument(
        "--cases",
        type=Path,
        help="cases file: .csv, .jsonl or a workbook BOOK.xlsx (needed except for calendar)",
    )
    lst.add_argument("--events", type=Path, help="events file")
    lst.add_argument("--as-of", required=True, type=iso_day, help="day, YYYY-MM-DD")
    lst.add_argument(
        "--office",
        help="only this office (or executor) code; with --offices, the offices below it too "
        "(a province: its area offices and their executors)",
    )
    lst.add_argument("--offices", type=Path, help="office tree file: code, name, level[, parent]")
    lst.add_argument("--year", type=int, help="period-end lists: statistical year")
    lst.add_argument("--months", type=int, help="period-end lists: cumulative months 1..12")
    lst.add_argument("--until", type=iso_day, help="deadlines: window end")
    lst.add_argument("--horizon", type=int, help="exemption: also eligible within N days")
    lst.add_argument("--min-amount", type=int, help="large: threshold in đồng")
    lst.add_argument("--min-months", type=int, help="long-running: age in months")
    lst.add_argument(
        "--allow-last-known",
        action="store_true",
        help="apply the last known values where they are unknown: the old law's where Law "
        "106/2025's are, TT 05/2024's report rules for periods under TT 05/2026",
    )
    lst.add_argument("--strict", action="store_true", help="stop at the first bad row")
    add_input_options(lst)
    lst.add_argument("--format", choices=LIST_FORMATS, default="table", help="output format")
    lst.add_argument("--output", type=Path, help="write to this file instead of stdout")


def list_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``thads list`` command line, before any input is read."""
    if args.kind != "calendar" and args.cases is None:
        return f"thads list {args.kind} needs --cases FILE"
    if args.months is not None and not 1 <= args.months <= 12:
        return f"--months must be 1..12, got {args.months}"
    if args.kind == "carried-over" and args.months not in (None, 12):
        return "carried-over is the list of the 12 months of a year: leave out --months"
    problem = year_usage_error(args.year)
    if problem is not None:
        return problem
    for option in ("as_of", "until"):
        day = getattr(args, option)
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            return (
                f"--{option.replace('_', '-')} must be a day from {FIRST_DAY.isoformat()} to "
                f"{LAST_DAY.isoformat()}, got {day.isoformat()}"
            )
    for option, most in (("min_amount", None), ("min_months", MAX_MONTHS), ("horizon", MAX_DAYS)):
        value = getattr(args, option)
        if value is not None and value < 0:
            return f"--{option.replace('_', '-')} must not be negative, got {value}"
        if value is not None and most is not None and value > most:
            return f"--{option.replace('_', '-')} must be at most {most}, got {value}"
    if args.format == "xlsx" and args.output is None:
        return "--format xlsx needs --output FILE.xlsx"
    return input_usage_error(args)


def last_period(
    as_of: object, year: int | None, months: int | None, kind: str
) -> StatisticalPeriod:
    """The period asked for, else the last one ended on or before ``as_of``."""
    assert isinstance(as_of, date)
    if year is not None:
        return StatisticalPeriod(year, months if months is not None else 12)
    if kind == "carried-over" or months == 12:
        # the last statistical year ended on or before as_of (a year ends on 30/9)
        return StatisticalPeriod(
            as_of.year if (as_of.month, as_of.day) >= (9, 30) else as_of.year - 1, 12
        )
    ended = as_of if (as_of + timedelta(days=1)).day == 1 else as_of.replace(day=1) - timedelta(1)
    period = StatisticalPeriod.containing(ended)
    return StatisticalPeriod(period.year, months) if months is not None else period


def run_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``thads list KIND``: the list; the exit code."""
    from thads import worklists
    from thads.law import exemption_candidates

    kind: str = args.kind
    rows: list[worklists.Listed]
    if kind == "calendar":
        period = last_period(args.as_of, args.year, args.months, kind)
        rows = list(worklists.reporting_calendar([period], allow_last_known=args.allow_last_known))
        reader = None
    else:
        tree = read_side_file(read_offices, "--offices", args.offices, args.encoding)
        reader = read_input(args)
        cases = list(reader)
        if args.office is not None:
            cases = worklists.of_office(cases, args.office, offices=tree, on=args.as_of)
            if not cases:
                below = (
                    " (for the offices below it, a province's say, give --offices FILE)"
                    if tree is None
                    else " or of an office below it in --offices"
                )
                err.write(f"thads: note: no case of office or executor {args.office!r}{below}\n")
        if kind == "large":
            extra = {} if args.min_amount is None else {"min_amount": args.min_amount}
            rows = list(worklists.large_cases(cases, args.as_of, **extra))
        elif kind == "long-running":
            extra = {} if args.min_months is None else {"min_months": args.min_months}
            rows = list(worklists.long_running_cases(cases, args.as_of, **extra))
        elif kind == "deadlines":
            rows = list(
                worklists.work_list(
                    cases,
                    args.as_of,
                    args.until,
                    allow_last_known=args.allow_last_known,
                )
            )
        elif kind == "exemption":
            rows = list(
                exemption_candidates(
                    cases, args.as_of, args.horizon, allow_last_known=args.allow_last_known
                )
            )
        else:
            period = last_period(args.as_of, args.year, args.months, kind)
            rows = list(
                worklists.period_list(
                    cases,
                    kind,
                    period,
                    allow_last_known=args.allow_last_known,
                )
            )
    notes = [] if reader is None else rejected_notes(reader)
    if args.format == "xlsx":
        if args.output is None:
            raise ThadsError("--format xlsx needs --output FILE.xlsx")
        worklists.write_xlsx(rows, args.output, title=kind, notes=notes)
    else:
        if args.format == "table":
            text = worklists.to_table(rows, notes=notes)
        elif args.format == "csv":
            text = worklists.to_csv(rows)
        else:
            text = worklists.to_json(rows)
        text = text.rstrip("\n") + "\n"
        if args.output is None:
            out.write(text)
        else:
            args.output.write_text(text, encoding="utf-8")
    if reader is not None:
        err.write(reader.summary() + "\n")
        if reader.rejected:
            for row in reader.rejected[:20]:
                err.write(f"rejected {cli_words(str(row))}\n")
            return EXIT_REJECTED
    return EXIT_OK


__all__ = [
    "LIST_FORMATS",
    "LIST_KINDS",
    "add_list_parser",
    "last_period",
    "list_usage_error",
    "run_list",
]
