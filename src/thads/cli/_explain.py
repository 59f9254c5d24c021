"""``thads explain``: the cases behind one figure of a report (giải trình số liệu).

The list of the cases of one row of one office's report, each with its contribution
(1 case, or its đồng), and a total line equal to the report's figure.
"""

from __future__ import annotations

import argparse
import csv
import io
import warnings
from pathlib import Path
from typing import TextIO

from thads.cli._parser import (
    EXIT_OK,
    EXIT_REJECTED,
    add_input_options,
    add_regime_options,
    cli_words,
    input_usage_error,
    read_input,
    read_side_file,
    say_warnings,
    year_usage_error,
)
from thads.count import EXPLAINED_ROWS, GROUPINGS, Explanation, report
from thads.errors import MissingExtraError, ThadsError
from thads.fmt import format_count
from thads.read import read_offices
from thads.rules import regime_by_code
from thads.values import StatisticalPeriod
from thads.write import safe_text, xlsx_text

FORMATS = ("table", "csv", "xlsx")
_HEADINGS = ("Mã việc", "Cơ quan", "Chấp hành viên", "Dòng của việc")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``thads explain`` command's options."""
    cmd = sub.add_parser(
        "explain",
        help="the cases behind one figure of a report (giải trình số liệu theo việc)",
        description="The cases behind one figure of one office's report: each case with its "
        "contribution (1 case, or its đồng) and a total line equal to the report's figure.",
    )
    cmd.add_argument("--cases", required=True, type=Path, help="cases file (cases.csv / .jsonl)")
    cmd.add_argument("--events", type=Path, help="events file (events.csv / .jsonl)")
    cmd.add_argument("--year", required=True, type=int, help="statistical year, e.g. 2023")
    cmd.add_argument("--months", type=int, default=12, help="cumulative months 1..12 (default 12)")
    cmd.add_argument("--office", required=True, help="the code of the report row to explain")
    cmd.add_argument(
        "--row", required=True, choices=EXPLAINED_ROWS, help="the row (e.g. enforceable)"
    )
    cmd.add_argument(
        "--unit", choices=("cases", "money"), default="cases", help="cases (việc) or money (tiền)"
    )
    cmd.add_argument(
        "--previous", action="store_true", help="the figure of the same period last year"
    )
    cmd.add_argument("--by", choices=GROUPINGS, default="office", help="grouping (default office)")
    cmd.add_argument("--offices", type=Path, help="office tree file: code, name, level[, parent]")
    add_regime_options(cmd)
    cmd.add_argument("--strict", action="store_true", help="stop at the first bad row")
    add_input_options(cmd)
    cmd.add_argument("--format", choices=FORMATS, default="table", help="output format")
    cmd.add_argument("--output", type=Path, help="write to this file instead of stdout")


def usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``thads explain`` command line (exit 2)."""
    if not 1 <= args.months <= 12:
        return f"--months must be 1..12, got {args.months}"
    problem = year_usage_error(args.year)
    if problem is not None:
        return problem
    if args.by == "province" and args.offices is None:
        return "--by province needs --offices FILE (the office tree gives each office's province)"
    if args.format == "xlsx" and args.output is None:
        return "--format xlsx needs --output FILE.xlsx"
    return input_usage_error(args)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``thads explain``: the list and its total; the exit code (3 if rows were rejected)."""
    problem = usage_error(args)
    if problem is not None:
        raise ThadsError(f"usage: {problem}")
    period = StatisticalPeriod(args.year, args.months)
    offices = read_side_file(read_offices, "--offices", args.offices, args.encoding)
    regime = regime_by_code(args.regime) if args.regime else None
    reader = read_input(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = report(
            reader,
            period,
            by=args.by,
            offices=offices,
            regime=regime,
            keep_cases=True,
            allow_last_known=args.allow_last_known,
        )
    say_warnings(caught, err)
    explained = result.explain(
        args.office, args.row, unit=args.unit, which="previous" if args.previous else "current"
    )
    if args.format == "xlsx":
        _write_xlsx(explained, args.output)
    else:
        text = _csv(explained) if args.format == "csv" else _table(explained)
        if args.output is None:
            out.write(text)
        else:
            args.output.write_text(text, encoding="utf-8")
    err.write(reader.summary() + "\n")
    if reader.rejected:
        for row in reader.rejected[:20]:
            err.write(f"rejected {cli_words(str(row))}\n")
        if len(reader.rejected) > 20:
            err.write(f"... and {len(reader.rejected) - 20} more rejected rows\n")
        return EXIT_REJECTED
    return EXIT_OK


def _title(explained: Explanation) -> str:
    which = "cùng kỳ năm trước" if explained.which == "previous" else "kỳ này"
    return (
        f"{explained.name} ({explained.code}) — {explained.regime.heading(explained.row)} "
        f"[{explained.row}], {'tiền (đồng)' if explained.unit == 'money' else 'việc'}, "
        f"{explained.period.label}, {which}"
    )


def _unit_heading(explained: Explanation) -> str:
    return "Số tiền (đồng)" if explained.unit == "money" else "Số việc"


def _lines(explained: Explanation) -> list[list[str]]:
    lines = [[*_HEADINGS, _unit_heading(explained)]]
    for item in explained.items:
        lines.append([item.case_id, item.office, item.executor, item.case_row, str(item.amount)])
    lines.append([f"Tổng cộng ({len(explained.items)} việc)", "", "", "", str(explained.total)])
    return lines


def _clean(text: str) -> str:
    """No control characters (terminal escapes) in a table cell."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _table(explained: Explanation) -> str:
    lines = [[_clean(cell) for cell in line] for line in _lines(explained)]
    for line in lines[1:]:
        line[-1] = format_count(int(line[-1]))
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    rendered = [_title(explained), ""]
    for index, line in enumerate(lines):
        if index == len(lines) - 1:
            rendered.append("  ".join("-" * w for w in widths))
        cells = [cell.ljust(w) for cell, w in zip(line[:-1], widths, strict=False)]
        rendered.append("  ".join([*cells, line[-1].rjust(widths[-1])]).rstrip())
    return "\n".join(rendered) + "\n"


def _csv(explained: Explanation) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for index, line in enumerate(_lines(explained)):
        if index == 0:
            writer.writerow(line)
        else:
            writer.writerow([*(safe_text(cell) for cell in line[:-1]), line[-1]])
    return buffer.getvalue()


def _write_xlsx(explained: Explanation, path: Path) -> None:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise MissingExtraError("openpyxl", "excel", "--format xlsx") from None
    book = Workbook()
    sheet = book.active
    sheet.title = "explain"
    xlsx_text(sheet.cell(row=1, column=1), _title(explained))
    for index, line in enumerate(_lines(explained), start=3):
        last = len(line)
        for column, value in enumerate(line, start=1):
            if column == last and index > 3:
                sheet.cell(row=index, column=column, value=int(value))
            else:
                xlsx_text(sheet.cell(row=index, column=column), value)
    book.save(path)


__all__ = ["FORMATS", "add_parser", "run", "usage_error"]
