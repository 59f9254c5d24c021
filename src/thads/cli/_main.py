"""The ``thads`` command: ``thads demo`` and ``thads report``.

Exit codes: 0 report written, every row accepted; 3 report written, some rows rejected
(listed on stderr); 1 the input could not be read (missing file or column, a bad row in
``--strict`` mode, an unknown regime...); 2 wrong command-line usage.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from thads import __version__
from thads import write as export
from thads.count import GROUPINGS, Report, report
from thads.errors import ThadsError
from thads.read import CaseReader, read_cases, read_offices, read_quotas
from thads.rules import regime_by_code
from thads.samples import comparison_note, merger_2026, province_2023
from thads.values import StatisticalPeriod

if TYPE_CHECKING:
    from thads.metrics import MetricsCollector
    from thads.records import OfficeTree

SUCCESSOR_REPORTED_FROM = date(2026, 7, 1)
"""A successor of TT 05/2024 from this day is reported by one unverified source."""

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
    parser.add_argument("--version", action="version", version=f"thads {__version__}")
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
    rep.add_argument(
        "--rejected",
        type=Path,
        help="write rejected rows to this CSV file (always written; empty if none)",
    )
    _input_options(rep)
    rep.add_argument("--quiet", action="store_true", help="no progress on stderr")
    _metrics_options(rep)
    _output_options(rep)
    _chart_option(rep)
    _list_parser(sub)
    return parser


def _input_options(parser: argparse.ArgumentParser) -> None:
    """How the input files are read: encoding, headings, bad events (report and list)."""
    parser.add_argument(
        "--encoding",
        help="encoding of the input files (cases, events, offices, quota) that have no "
        "byte-order mark, e.g. cp1258 (default utf-8)",
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
        "--on-bad-event",
        choices=("hold_case", "drop_event"),
        default="hold_case",
        help="a case with a rejected event: hold it out (default) or drop the event",
    )


def _read(args: argparse.Namespace) -> CaseReader:
    return read_cases(
        args.cases,
        args.events,
        strict=args.strict,
        sorted_input=getattr(args, "sorted", False),
        encoding=args.encoding,
        on_bad_event=args.on_bad_event,
        columns=_column_map(args.column),
    )


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
        _emit(result, "table", None, buffer)
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
        from thads.write import office_rates

        office_rates(result, path)


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
    if getattr(args, "metrics", False) and args.format not in ("table", "json", "csv"):
        return f"--metrics is written with --format table, json or csv, not {args.format}"
    if args.jobs < 1:
        return f"--jobs must be 1 or more, got {args.jobs}"
    return _input_usage_error(args)


def _column_map(pairs: list[str]) -> dict[str, str | None] | None:
    """--column HEADING=FIELD options as the reader's ``columns=`` (empty FIELD: ignore)."""
    out: dict[str, str | None] = {}
    for pair in pairs:
        heading, field = (part.strip() for part in pair.split("=", 1))
        out[heading] = field or None
    return out or None


def _list_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``thads list`` command line, before any input is read."""
    if args.kind != "calendar" and args.cases is None:
        return f"thads list {args.kind} needs --cases FILE"
    if args.months is not None and not 1 <= args.months <= 12:
        return f"--months must be 1..12, got {args.months}"
    if args.kind == "carried-over" and args.months not in (None, 12):
        return "carried-over is the list of the 12 months of a year: leave out --months"
    if args.year is not None and not 1900 <= args.year <= 2200:
        return f"--year must be a statistical year such as 2023, got {args.year}"
    for option in ("min_amount", "min_months", "horizon"):
        value = getattr(args, option)
        if value is not None and value < 0:
            return f"--{option.replace('_', '-')} must not be negative, got {value}"
    if args.format == "xlsx" and args.output is None:
        return "--format xlsx needs --output FILE.xlsx"
    return _input_usage_error(args)


def _input_usage_error(args: argparse.Namespace) -> str | None:
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return f"--encoding: unknown encoding {args.encoding!r} (e.g. utf-8, utf-16, cp1258)"
    for mapping in args.column:
        if "=" not in mapping or not mapping.split("=", 1)[0].strip():
            return f"--column takes HEADING=FIELD (or HEADING= to ignore), not {mapping!r}"
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
    quotas = read_quotas(args.quota, encoding=args.encoding) if args.quota else None
    offices = read_offices(args.offices, encoding=args.encoding) if args.offices else None
    if args.jobs < 1:
        raise ThadsError(f"--jobs must be 1 or more, got {args.jobs}")
    reader = _read(args)
    collector = _metrics_collector(args, period)
    if regime is None and period.end >= SUCCESSOR_REPORTED_FROM:
        err.write(
            f"thads: note: {period.label} is counted under TT 05/2024; a successor circular "
            "from 01/07/2026 is reported but its content is not known (docs/regimes.md)\n"
        )
    if args.events is None:
        err.write(
            "thads: note: no --events file: every case counts as accepted and in progress "
            "(nothing resolved)\n"
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
        metrics=collector,
    )
    if collector is None:
        _emit(result, args.format, args.output, out)
    else:
        _emit_with_metrics(args, result, collector, offices, out)
    _draw_chart(result, args.chart)
    err.write(reader.summary() + "\n")
    if sum(count.accepted for count in reader.counts.values()) == 0:
        err.write("thads: note: no row was accepted: the report counts nothing\n")
    if args.rejected:
        _write_rejected(args.rejected, reader)
    if reader.rejected:
        for row in reader.rejected[:20]:
            err.write(f"rejected {row}\n")
        if len(reader.rejected) > 20:
            err.write(f"... and {len(reader.rejected) - 20} more rejected rows\n")
        return EXIT_REJECTED
    return EXIT_OK


# --- thads list (thads.worklists, issue 15) --------------------------------------------

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


def _list_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lst = sub.add_parser("list", help="work lists: period-end lists, deadlines, exemption...")
    lst.add_argument("kind", choices=LIST_KINDS, help="which list")
    lst.add_argument("--cases", type=Path, help="cases file (needed except for calendar)")
    lst.add_argument("--events", type=Path, help="events file")
    lst.add_argument("--as-of", required=True, type=_iso_day, help="day, YYYY-MM-DD")
    lst.add_argument("--office", help="only this office (or executor) code")
    lst.add_argument("--year", type=int, help="period-end lists: statistical year")
    lst.add_argument("--months", type=int, help="period-end lists: cumulative months 1..12")
    lst.add_argument("--until", type=_iso_day, help="deadlines: window end")
    lst.add_argument("--horizon", type=int, help="exemption: also eligible within N days")
    lst.add_argument("--min-amount", type=int, help="large: threshold in đồng")
    lst.add_argument("--min-months", type=int, help="long-running: age in months")
    lst.add_argument(
        "--allow-last-known",
        action="store_true",
        help="apply the old law's values where Law 106/2025's are unknown",
    )
    lst.add_argument("--strict", action="store_true", help="stop at the first bad row")
    _input_options(lst)
    lst.add_argument("--format", choices=LIST_FORMATS, default="table", help="output format")
    lst.add_argument("--output", type=Path, help="write to this file instead of stdout")


def _iso_day(text: str) -> date:
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


def _last_period(
    as_of: object, year: int | None, months: int | None, kind: str
) -> StatisticalPeriod:
    """The period asked for, else the last one ended on or before ``as_of``."""
    from datetime import timedelta

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


def _list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from thads import worklists
    from thads.law import exemption_candidates

    kind: str = args.kind
    if kind == "calendar":
        period = _last_period(args.as_of, args.year, args.months, kind)
        rows: list[worklists.Listed] = list(worklists.reporting_calendar([period]))
        reader = None
    else:
        reader = _read(args)
        cases = list(reader)
        if kind == "large":
            extra = {} if args.min_amount is None else {"min_amount": args.min_amount}
            rows = list(worklists.large_cases(cases, args.as_of, office=args.office, **extra))
        elif kind == "long-running":
            extra = {} if args.min_months is None else {"min_months": args.min_months}
            rows = list(
                worklists.long_running_cases(cases, args.as_of, office=args.office, **extra)
            )
        elif kind == "deadlines":
            rows = list(
                worklists.work_list(
                    cases,
                    args.as_of,
                    args.until,
                    office=args.office,
                    allow_last_known=args.allow_last_known,
                )
            )
        elif kind == "exemption":
            chosen = [c for c in cases if args.office in (None, c.office, c.executor)]
            rows = list(
                exemption_candidates(
                    chosen, args.as_of, args.horizon, allow_last_known=args.allow_last_known
                )
            )
        else:
            period = _last_period(args.as_of, args.year, args.months, kind)
            rows = list(
                worklists.period_list(cases, kind.replace("-", "_"), period, office=args.office)
            )
        if args.office is not None and not any(
            args.office in (case.office, case.executor) for case in cases
        ):
            err.write(f"thads: note: no case of office or executor {args.office!r} was read\n")
    if args.format == "xlsx":
        if args.output is None:
            raise ThadsError("--format xlsx needs --output FILE.xlsx")
        worklists.write_xlsx(rows, args.output, title=kind)
    else:
        render = {
            "table": worklists.to_table,
            "csv": worklists.to_csv,
            "json": worklists.to_json,
        }[args.format]
        text = render(rows).rstrip("\n") + "\n"
        if args.output is None:
            out.write(text)
        else:
            args.output.write_text(text, encoding="utf-8")
    if reader is not None:
        err.write(reader.summary() + "\n")
        if reader.rejected:
            for row in reader.rejected[:20]:
                err.write(f"rejected {row}\n")
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
    if args.command == "report":
        problem = _usage_error(args)
    elif args.command == "list":
        problem = _list_usage_error(args)
    elif args.format == "xlsx" and args.output is None:
        problem = "--format xlsx needs --output FILE.xlsx"
    else:
        problem = None
    chart = getattr(args, "chart", None)
    if problem is None and chart is not None and chart.suffix.lower() != ".png":
        problem = f"--chart writes a PNG image: give a file name ending in .png, not {chart.name}"
    if problem is not None:
        err.write(f"thads: usage error: {problem}\n")
        return EXIT_USAGE
    try:
        if args.command == "demo":
            return _demo(args, out)
        if args.command == "list":
            return _list(args, out, err)
        return _report(args, out, err)
    except (ThadsError, OSError) as error:
        err.write(f"thads: error: {error}\n")
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["main"]
