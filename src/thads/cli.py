"""The ``thads`` command: ``thads demo`` and ``thads report``.

Exit codes: 0 report written, every row accepted; 3 report written, some rows rejected
(listed on stderr); 1 the input could not be read (missing file or column, a bad row in
``--strict`` mode, an unknown regime...); 2 wrong command-line usage.
"""

from __future__ import annotations

import argparse
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
        epilog=HELP_TERMS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser(
        "demo", help="report on the built-in synthetic province (dữ liệu mẫu), 2023"
    )
    demo.add_argument("--merger", action="store_true", help="synthetic merger of 1/7/2025, 2026")
    _output_options(demo)
    _chart_option(demo)
    rep = sub.add_parser(
        "report",
        help="report (báo cáo kết quả THADS) from case and event files (CSV or JSON Lines)",
        description="Report (báo cáo kết quả thi hành án dân sự) of one period from case and "
        "event files: rows, resolution rates, quota and the same period last year.",
        epilog=HELP_TERMS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rep.add_argument("--cases", required=True, type=Path, help="cases file (cases.csv / .jsonl)")
    rep.add_argument("--events", type=Path, help="events file (events.csv / .jsonl)")
    rep.add_argument("--year", required=True, type=int, help="statistical year, e.g. 2023")
    rep.add_argument("--months", type=int, default=12, help="cumulative months 1..12 (default 12)")
    rep.add_argument("--by", choices=GROUPINGS, default="office", help="grouping (default office)")
    rep.add_argument(
        "--quota", type=Path, help="quota (chỉ tiêu) file: year, cases, money[, office]"
    )
    rep.add_argument("--offices", type=Path, help="office tree file: code, name, level[, parent]")
    rep.add_argument("--regime", help="force a regime: tt01_2013, tt06_2019, tt05_2024")
    rep.add_argument("--strict", action="store_true", help="stop at the first bad row")
    rep.add_argument(
        "--sorted",
        action="store_true",
        help="both files are sorted by case_id (as thads writes them): stream them",
    )
    rep.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    rep.add_argument("--rejected", type=Path, help="write rejected rows to this CSV file")
    rep.add_argument("--quiet", action="store_true", help="no progress on stderr")
    _output_options(rep)
    _chart_option(rep)
    return parser


# --- charts and Vietnamese help terms (issue 13) -------------------------------------
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


def _chart_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--chart",
        type=Path,
        metavar="FILE.png",
        help="also draw each office's resolution rate (tỷ lệ thi hành xong) against its "
        "quota (chỉ tiêu) as a PNG (needs thads[chart])",
    )


def _draw_chart(result: Report, path: Path | None) -> None:
    if path is not None:
        from thads import chart

        chart.office_rates(result, path)


# --- end of the charts block ------------------------------------------------------------


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
    _draw_chart(result, args.chart)
    if args.merger and args.format == "table":
        out.write(comparison_note(result) + "\n")
    return EXIT_OK


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    period = StatisticalPeriod(args.year, args.months)
    regime = regime_by_code(args.regime) if args.regime else None
    quotas = read_quotas(args.quota) if args.quota else None
    offices = read_offices(args.offices) if args.offices else None
    if args.jobs < 1:
        raise ThadsError(f"--jobs must be 1 or more, got {args.jobs}")
    reader: CaseReader = read_cases(
        args.cases, args.events, strict=args.strict, sorted_input=args.sorted
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
    _draw_chart(result, args.chart)
    err.write(reader.summary() + "\n")
    if reader.rejected:
        for row in reader.rejected[:20]:
            err.write(f"rejected {row}\n")
        if len(reader.rejected) > 20:
            err.write(f"... and {len(reader.rejected) - 20} more rejected rows\n")
        if args.rejected:
            with open(args.rejected, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["file", "line", "record", "field", "reason"])
                for row in reader.rejected:
                    writer.writerow([row.file, row.line, row.record, row.field, row.reason])
        return EXIT_REJECTED
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args, out)
        return _report(args, out, err)
    except (ThadsError, OSError) as error:
        err.write(f"thads: error: {error}\n")
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
