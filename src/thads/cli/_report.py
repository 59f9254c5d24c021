"""``thads report``: the report (báo cáo kết quả thi hành án dân sự) of one period."""

from __future__ import annotations

import argparse
import csv
import io
import json
import warnings
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from thads import write as export
from thads.cli._parser import (
    EXIT_OK,
    EXIT_REJECTED,
    HELP_TERMS,
    add_chart_option,
    add_input_options,
    add_output_options,
    add_regime_options,
    cli_words,
    draw_chart,
    input_usage_error,
    read_input,
    read_side_file,
    say_warnings,
    year_usage_error,
)
from thads.count import GROUPINGS, MAX_JOBS, Report, report
from thads.errors import ThadsError, ThadsWarning
from thads.read import CaseReader, read_offices, read_quotas
from thads.rules import REGIMES, regime_by_code, regime_for
from thads.values import StatisticalPeriod

if TYPE_CHECKING:
    from thads.metrics import MetricsCollector
    from thads.records import OfficeTree

SUCCESSOR_REPORTED_FROM = date(2026, 7, 1)
"""A successor of TT 05/2024 from this day is reported by one unverified source."""

FORMATS = ("table", "json", "csv", "csv-money", "xlsx")
PROGRESS_FROM = 10_000  # progress lines on stderr only for inputs this large


def add_report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rep = sub.add_parser(
        "report",
        help="report (báo cáo kết quả THADS) from case and event files (CSV, JSON Lines, xlsx)",
        description="Report (báo cáo kết quả thi hành án dân sự) of one period from case and "
        "event files: rows, resolution rates, quota and the same period last year.",
        epilog=HELP_TERMS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rep.add_argument(
        "--cases",
        required=True,
        type=Path,
        help="cases file: cases.csv, cases.jsonl or a workbook BOOK.xlsx (see --cases-sheet)",
    )
    rep.add_argument("--events", type=Path, help="events file (events.csv / .jsonl)")
    rep.add_argument("--year", required=True, type=int, help="statistical year, e.g. 2023")
    rep.add_argument("--months", type=int, default=12, help="cumulative months 1..12 (default 12)")
    rep.add_argument("--by", choices=GROUPINGS, default="office", help="grouping (default office)")
    rep.add_argument(
        "--quota", type=Path, help="quota (chỉ tiêu) file: year, cases, money[, office]"
    )
    rep.add_argument("--offices", type=Path, help="office tree file: code, name, level[, parent]")
    add_regime_options(rep)
    rep.add_argument("--strict", action="store_true", help="stop at the first bad row")
    rep.add_argument(
        "--sorted",
        action="store_true",
        help="both files are sorted by case_id (as thads writes them): stream them",
    )
    rep.add_argument(
        "--jobs",
        type=int,
        default=1,
        help=f"worker processes, 1..{MAX_JOBS} (default 1); with --sorted each reads "
        "its own byte range of the files",
    )
    rep.add_argument(
        "--engine",
        choices=("python", "pyarrow"),
        default="python",
        help="how the files are read: python (default) or pyarrow, by columns (thads[arrow])",
    )
    rep.add_argument(
        "--rejected",
        type=Path,
        help="write rejected rows to this CSV file (always written; empty if none)",
    )
    add_input_options(rep)
    rep.add_argument("--quiet", action="store_true", help="no progress on stderr")
    _metrics_options(rep)
    add_output_options(rep, FORMATS)
    add_chart_option(rep)


def report_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``thads report`` command line, before any input is read."""
    if not 1 <= args.months <= 12:
        return f"--months must be 1..12, got {args.months}"
    problem = year_usage_error(args.year)
    if problem is not None:
        return problem
    first = min(regime.effective_from for regime in REGIMES)
    if args.regime is None and StatisticalPeriod(args.year, args.months).end < first:
        return (
            f"--year {args.year}: no statistics regime is modelled for a period ending before "
            f"{first.isoformat()} (TT 01/2013/TT-BTP); name one with --regime to count it"
        )
    if args.by == "province" and args.offices is None:
        return "--by province needs --offices FILE (the office tree gives each office's province)"
    if args.format == "xlsx" and args.output is None:
        return "--format xlsx needs --output FILE.xlsx"
    if getattr(args, "metrics", False) and args.format not in ("table", "json", "csv"):
        return f"--metrics is written with --format table, json or csv, not {args.format}"
    if not 1 <= args.jobs <= MAX_JOBS:
        return f"--jobs must be from 1 to {MAX_JOBS} worker processes, got {args.jobs}"
    return input_usage_error(args)


# --- thads report --metrics (thads.metrics) ---------------------------------------------


def _metrics_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--metrics",
        action="store_true",
        help="add the CourTools/CEPEJ metrics of the period (chỉ số), counted in the same "
        "pass: a second table, a 'metrics' member of the JSON, or metrics columns in CSV",
    )


def _metrics_collector(
    args: argparse.Namespace, period: StatisticalPeriod
) -> MetricsCollector | None:
    if not args.metrics:
        return None
    from thads.metrics import MetricsCollector

    return MetricsCollector([period])


def _emit_with_metrics(
    args: argparse.Namespace,
    result: Report,
    collector: MetricsCollector,
    offices: OfficeTree | None,
    out: TextIO,
) -> None:
    from thads import metrics

    table = metrics.collected(collector, result.period, by=args.by, offices=offices)
    if args.format == "json":
        data = export.to_dict(result)
        data["metrics"] = metrics.to_dict(table)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = _joined_csv(export.to_csv(result, "cases"), metrics.to_csv(table))
    else:
        buffer = io.StringIO()
        emit(result, "table", None, buffer)
        text = buffer.getvalue() + "\n" + metrics.to_table(table) + "\n"
    if args.output is None:
        out.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")


def _joined_csv(report_csv: str, metrics_csv: str) -> str:
    """The report's CSV with the metrics columns (prefixed ``metrics_``) joined by code."""
    rows = list(csv.reader(io.StringIO(report_csv)))
    extra = list(csv.reader(io.StringIO(metrics_csv)))
    head, body = extra[0], extra[1:]
    skip = {head.index("code"), head.index("name")}
    by_code = {line[head.index("code")]: line for line in body}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*rows[0], *(f"metrics_{h}" for i, h in enumerate(head) if i not in skip)])
    code_at = rows[0].index("code")
    for line in rows[1:]:
        found = by_code.get(line[code_at])  # both CSVs escape codes alike (safe_text)
        values = [] if found is None else [v for i, v in enumerate(found) if i not in skip]
        writer.writerow([*line, *(values or [""] * (len(head) - len(skip)))])
    return buffer.getvalue()


# --- end of thads report --metrics -----------------------------------------------------


def emit(result: Report, fmt: str, output: Path | None, out: TextIO) -> None:
    """Write a report in one of :data:`FORMATS` to ``output`` (a file) or ``out``."""
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


def _write_rejected(path: Path, reader: CaseReader) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "line", "record", "field", "reason"])
        for row in reader.rejected:
            writer.writerow([row.file, row.line, row.record, row.field, row.reason])


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``thads report``: read, count, write; the exit code."""
    period = StatisticalPeriod(args.year, args.months)
    regime = regime_by_code(args.regime) if args.regime else None
    quotas = read_side_file(read_quotas, "--quota", args.quota, args.encoding)
    offices = read_side_file(read_offices, "--offices", args.offices, args.encoding)
    reader = read_input(args)
    collector = _metrics_collector(args, period)
    if regime is None and period.end >= SUCCESSOR_REPORTED_FROM and args.allow_last_known:
        regime = regime_for(period, allow_last_known=True)
        err.write(
            f"thads: note: {period.label} falls under TT 05/2026/TT-BTP, whose content is not "
            "known: counted under TT 05/2024 as the last known rules (--allow-last-known), "
            "as the report says (docs/regimes.md)\n"
        )
    if args.events is None and args.events_sheet is None:
        err.write(
            "thads: note: no --events file: every case counts as accepted and in progress "
            "(nothing resolved)\n"
        )

    def progress(count: int) -> None:
        if not args.quiet and count >= PROGRESS_FROM:
            err.write(f"thads: {count:,} cases read\n".replace(",", "."))
            err.flush()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ThadsWarning)
        result = report(
            reader,
            period,
            by=args.by,
            quotas=quotas,
            offices=offices,
            regime=regime,
            progress=progress,
            jobs=args.jobs,
            metrics=collector,
        )
    say_warnings(caught, err)
    if collector is None:
        emit(result, args.format, args.output, out)
    else:
        _emit_with_metrics(args, result, collector, offices, out)
    draw_chart(result, args.chart)
    err.write(reader.summary() + "\n")
    if sum(count.accepted for count in reader.counts.values()) == 0:
        err.write("thads: note: no row was accepted: the report counts nothing\n")
    if args.rejected:
        _write_rejected(args.rejected, reader)
    if reader.rejected or result.rejected_rows:
        for row in reader.rejected[:20]:
            err.write(f"rejected {cli_words(str(row))}\n")
        if len(reader.rejected) > 20:
            err.write(f"... and {len(reader.rejected) - 20} more rejected rows\n")
        return EXIT_REJECTED
    return EXIT_OK


__all__ = [
    "FORMATS",
    "MAX_JOBS",
    "SUCCESSOR_REPORTED_FROM",
    "add_report_parser",
    "emit",
    "report_usage_error",
    "run_report",
]
