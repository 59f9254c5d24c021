"""The command line's usage errors and --rejected, --encoding (issue 9)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from thads.cli import main
from thads.cli._main import EXIT_OK, EXIT_REJECTED, EXIT_USAGE

HEADER = (
    "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
    "accepted_on,amount,creditor\n"
)


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, err.getvalue()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--months", "13"], "--months must be 1..12"),
        (["--months", "0"], "--months must be 1..12"),
        (["--year", "23"], "--year must be a statistical year"),
        (["--by", "province"], "--by province needs --offices"),
        (["--format", "xlsx"], "--format xlsx needs --output"),
        (["--encoding", "klingon"], "is not a text encoding"),
    ],
)
def test_usage_errors_exit_2_before_any_input_is_read(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    missing = tmp_path / "does-not-exist.csv"  # never opened: the usage is checked first
    code, err = _run("report", "--cases", str(missing), "--year", "2023", *extra)
    assert code == EXIT_USAGE
    assert message in err


def test_rejected_file_is_always_written(tmp_path: Path) -> None:
    cp, rejected = tmp_path / "cases.csv", tmp_path / "rejected.csv"
    cp.write_text(HEADER + "c1,A,A-1,active,civil,,,2022-11-01,100,state\n", encoding="utf-8")
    rejected.write_text("stale content from an earlier run\n", encoding="utf-8")
    code, _ = _run("report", "--cases", str(cp), "--year", "2023", "--rejected", str(rejected))
    assert code == EXIT_OK
    assert rejected.read_text(encoding="utf-8") == "file,line,record,field,reason\n"
    cp.write_text(HEADER + "c1,A,A-1,active,civil,,,2022-11-01,²,state\n", encoding="utf-8")
    code, _ = _run("report", "--cases", str(cp), "--year", "2023", "--rejected", str(rejected))
    assert code == EXIT_REJECTED
    lines = rejected.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith(f"{cp},2,case c1,amount,")


def test_encoding_option(tmp_path: Path) -> None:
    cp = tmp_path / "cases.csv"
    office = "C\u00e2\u0300n Th\u01a1"  # "Cần Thơ" as Windows-1258 writes it
    cp.write_bytes(
        (HEADER + f"c1,{office},x,active,civil,,,2022-11-01,100,state\n").encode("cp1258")
    )
    code, err = _run("report", "--cases", str(cp), "--year", "2023")
    assert code == 1 and "--encoding" in err and f"{cp}:2" in err
    code, _ = _run("report", "--cases", str(cp), "--year", "2023", "--encoding", "cp1258")
    assert code == EXIT_OK
