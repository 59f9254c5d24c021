"""The ``thads`` command: ``thads demo``, ``thads report``, ``thads list``.

Exit codes: 0 output written, every row accepted; 3 output written, some rows rejected
(listed on stderr); 1 the input could not be read (a missing file, named with its option;
a missing column, a bad row in ``--strict`` mode, an unknown regime...); 2 wrong
command-line usage, found before any input is read (a wrong option value, an extra that
an option needs and is not installed, a workbook's events sheet not named).

One module per command (``_demo``, ``_report``, ``_list``); the options they share are
in ``_parser``. This module builds the parser and runs the command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from thads import __version__
from thads.cli import _explain
from thads.cli._demo import add_demo_parser, demo_usage_error, run_demo
from thads.cli._list import add_list_parser, list_usage_error, run_list
from thads.cli._parser import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    HELP_TERMS,
    LateUsageError,
    cli_words,
    extra_usage_error,
    file_error,
    missing_file_error,
)
from thads.cli._report import add_report_parser, report_usage_error, run_report
from thads.errors import ThadsError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thads",
        description="Vietnam civil judgment enforcement statistics (thống kê thi hành án dân sự).",
        epilog=HELP_TERMS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"thads {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    add_demo_parser(sub)
    add_report_parser(sub)
    add_list_parser(sub)
    _explain.add_parser(sub)
    return parser


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the command line, before any input is read (exit 2)."""
    if args.command == "report":
        problem = report_usage_error(args)
    elif args.command == "list":
        problem = list_usage_error(args)
    elif args.command == "demo":
        problem = demo_usage_error(args)
    elif args.command == "explain":
        problem = _explain.usage_error(args)
    else:
        problem = None
    chart = getattr(args, "chart", None)
    if problem is None and chart is not None and chart.suffix.lower() != ".png":
        problem = f"--chart writes a PNG image: give a file name ending in .png, not {chart.name}"
    return problem or extra_usage_error(args)


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    problem = _usage_error(args)
    if problem is not None:
        err.write(f"thads: usage error: {problem}\n")
        return EXIT_USAGE
    missing = missing_file_error(args)
    if missing is not None:
        err.write(f"thads: error: {missing}\n")
        return EXIT_ERROR
    try:
        if args.command == "demo":
            return run_demo(args, out)
        if args.command == "list":
            return run_list(args, out, err)
        if args.command == "explain":
            return _explain.run(args, out, err)
        return run_report(args, out, err)
    except LateUsageError as error:
        err.write(f"thads: usage error: {error}\n")
        return EXIT_USAGE
    except ThadsError as error:
        err.write(f"thads: error: {_cli_words(str(error))}\n")
        return EXIT_ERROR
    except OSError as error:
        err.write(f"thads: error: {_cli_words(file_error(error, args))}\n")
        return EXIT_ERROR


def _cli_words(message: str) -> str:
    """A library message in the command line's words: its flags, not Python keywords."""
    return cli_words(message)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_REJECTED", "EXIT_USAGE", "main"]
