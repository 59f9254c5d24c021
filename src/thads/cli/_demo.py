"""``thads demo``: the report of a built-in synthetic sample (dữ liệu mẫu)."""

from __future__ import annotations

import argparse
from typing import TextIO

from thads.cli._parser import EXIT_OK, add_chart_option, add_output_options, draw_chart
from thads.cli._report import FORMATS, emit
from thads.count import report
from thads.rules import regime_for
from thads.samples import comparison_note, merger_2026, province_2023
from thads.values import StatisticalPeriod


def add_demo_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser(
        "demo", help="report on the built-in synthetic province (dữ liệu mẫu), 2023"
    )
    demo.add_argument("--merger", action="store_true", help="synthetic merger of 1/7/2025, 2026")
    add_output_options(demo, FORMATS)
    add_chart_option(demo)


def demo_usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``thads demo`` command line (exit 2)."""
    if args.format == "xlsx" and args.output is None:
        return "--format xlsx needs --output FILE.xlsx"
    return None


def run_demo(args: argparse.Namespace, out: TextIO) -> int:
    """``thads demo``: the sample's report; the exit code."""
    sample = merger_2026() if args.merger else province_2023()
    period = StatisticalPeriod(sample.year, 12)
    result = report(
        sample.cases,
        period,
        by="office",
        offices=sample.offices,
        quotas=sample.quotas,
        # a synthetic sample: from 01/07/2026 counted as TT 05/2024, marked TT 05/2026
        regime=regime_for(period, allow_last_known=True),
    )
    if args.format == "table":
        out.write(f"thads demo — {sample.description}\n\n")  # the table names the regime
    emit(result, args.format, args.output, out)
    draw_chart(result, args.chart)
    if args.merger and args.format == "table":
        out.write(comparison_note(result) + "\n")
    return EXIT_OK


__all__ = ["add_demo_parser", "demo_usage_error", "run_demo"]
