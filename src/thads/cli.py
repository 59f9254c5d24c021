"""The ``thads`` command: ``thads demo`` and ``thads report``.

Exit codes: 0 report written, every row accepted; 3 report written, some rows rejected
(listed on stderr); 1 the input could not be read (missing file or column, a bad row in
``--strict`` mode, an unknown regime...); 2 wrong command-line usage.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from thads import export
from thads.errors import ThadsError
from thads.io import CaseReader, read_cases, read_offices, read_quotas
from thads.periods import StatisticalPeriod
from thads.report import GROUPINGS, Report, report
from thads.rules import regime_by_code
from thads.samples import merger_2026, province_2023
from thads.samples.merger import comparison_note

FORMATS = ("table", "json", "csv", "csv-money", "xlsx")
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3
PROGRESS_FROM = 10_000  # progress lines on stderr only for inputs this large


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thads",
        description="Vietnam civil judgment enforcement statistics (thống kê thi hành án dân sự).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="report on the built-in synthetic province, 2023")
    demo.add_argument("--merger", action="store_true", help="synthetic merger of 1/7/2025, 2026")
    _output_options(demo)
    rep = sub.add_parser("report", help="report from case and event files (CSV or JSON Lines)")
    rep.add_argument("--cases", required=True, type=Path, help="cases file (cases.csv / .jsonl)")
    rep.add_argument("--events", type=Path, help="events file (events.csv / .jsonl)")
    rep.add_argument("--year", required=True, type=int, help="statistical year, e.g. 2023")
    rep.add_argument("--months", type=int, default=12, help="cumulative months 1..12 (default 12)")
    rep.add_argument("--by", choices=GROUPINGS, default="office", help="grouping (default office)")
    rep.add_argument("--quota", type=Path, help="quota file: year, cases, money[, office]")
    rep.add_argument("--offices", type=Path, help="office tree file: code, name, level[, parent]")
    rep.add_argument("--regime", help="force a regime: tt01_2013, tt06_2019, tt05_2024")
    rep.add_argument("--strict", action="store_true", help="stop at the first bad row")
    rep.add_argument(
        "--sorted",
        action="store_true",
        help="both files are sorted by case_id (as thads writes them): stream them",
    )
    rep.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    rep.add_argument(
        "--rejected",
        type=Path,
        help="write rejected rows to this CSV file (always written; empty if none)",
    )
    rep.add_argument(
        "--encoding",
        help="encoding of files without a byte-order mark, e.g. cp1258 (default utf-8)",
    )
    rep.add_argument(
        "--on-bad-event",
        choices=("hold_case", "drop_event"),
        default="hold_case",
        help="a case with a rejected event: hold it out (default) or drop the event",
    )
    rep.add_argument("--quiet", action="store_true", help="no progress on stderr")
    _output_options(rep)
    return parser


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.add_argument("--output", type=Path, help="write to this file instead of stdout")


def _emit(result: Report, fmt: str, output: Path | None, out: TextIO) -> None:
    if fmt == "xlsx":
        if output is None:
            raise ThadsError("--format xlsx needs --output FILE.xlsx")
        export.write_xlsx(result, output)
        return
    if fmt == "json":
        text = export.to_json(result) + "\n"
    elif fmt == "csv":
        text = export.to_csv(result, "cases")
    elif fmt == "csv-money":
        text = export.to_csv(result, "money")
    else:
        parts = [export.to_table(result), ""]
        parts += [
            export.summary(row, result)
            for row in result.rows
            if row.quota is not None and row.quota.office == row.code
        ]
        if len(parts) == 2:
            parts.append(export.summary(result.total, result))
        text = "\n".join(parts) + "\n"
    if output is None:
        out.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    sample = merger_2026() if args.merger else province_2023()
    result = report(
        sample.cases,
        StatisticalPeriod(sample.year, 12),
        by="office",
        offices=sample.offices,
        quotas=sample.quotas,
    )
    if args.format == "table":
        out.write(f"thads demo — {sample.description}\n\n")
    _emit(result, args.format, args.output, out)
    if args.merger and args.format == "table":
        out.write(comparison_note(result) + "\n")
    return EXIT_OK


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the command line, before any input is read (exit 2)."""
    if not 1 <= args.months <= 12:
        return f"--months must be 1..12, got {args.months}"
    if not 1900 <= args.year <= 2200:
        return f"--year must be a statistical year such as 2023, got {args.year}"
    if args.by == "province" and args.offices is None:
        return "--by province needs --offices FILE (the office tree gives each office's province)"
    if args.format == "xlsx" and args.output is None:
        return "--format xlsx needs --output FILE.xlsx"
    if args.jobs < 1:
        return f"--jobs must be 1 or more, got {args.jobs}"
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return f"--encoding: unknown encoding {args.encoding!r} (e.g. utf-8, utf-16, cp1258)"
    return None


def _write_rejected(path: Path, reader: CaseReader) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "line", "record", "field", "reason"])
        for row in reader.rejected:
            writer.writerow([row.file, row.line, row.record, row.field, row.reason])


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    period = StatisticalPeriod(args.year, args.months)
    regime = regime_by_code(args.regime) if args.regime else None
    quotas = read_quotas(args.quota) if args.quota else None
    offices = read_offices(args.offices) if args.offices else None
    if args.jobs < 1:
        raise ThadsError(f"--jobs must be 1 or more, got {args.jobs}")
    reader: CaseReader = read_cases(
        args.cases,
        args.events,
        strict=args.strict,
        sorted_input=args.sorted,
        encoding=args.encoding,
        on_bad_event=args.on_bad_event,
    )

    def progress(count: int) -> None:
        if not args.quiet and count >= PROGRESS_FROM:
            err.write(f"thads: {count:,} cases read\n".replace(",", "."))
            err.flush()

    result = report(
        reader,
        period,
        by=args.by,
        quotas=quotas,
        offices=offices,
        regime=regime,
        progress=progress,
        jobs=args.jobs,
    )
    _emit(result, args.format, args.output, out)
    err.write(reader.summary() + "\n")
    if args.rejected:
        _write_rejected(args.rejected, reader)
    if reader.rejected:
        for row in reader.rejected[:20]:
            err.write(f"rejected {row}\n")
        if len(reader.rejected) > 20:
            err.write(f"... and {len(reader.rejected) - 20} more rejected rows\n")
        return EXIT_REJECTED
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    problem = (
        _usage_error(args)
        if args.command == "report"
        else "--format xlsx needs --output FILE.xlsx"
        if args.format == "xlsx" and args.output is None
        else None
    )
    if problem is not None:
        err.write(f"thads: usage error: {problem}\n")
        return EXIT_USAGE
    try:
        if args.command == "demo":
            return _demo(args, out)
        return _report(args, out, err)
    except (ThadsError, OSError) as error:
        err.write(f"thads: error: {error}\n")
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
