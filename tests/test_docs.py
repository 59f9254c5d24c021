"""The tutorial's figures (docs/tutorial.md), counted by hand there, from its files."""

from __future__ import annotations

import io
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from decimal import Decimal
from pathlib import Path

import pytest

import thads
from thads.cli import main
from thads.read import read_offices, read_quotas

EXAMPLES = Path(__file__).parent.parent / "docs" / "examples"


def test_tutorial_figures() -> None:
    cases = thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")
    report = thads.report(
        cases,
        thads.StatisticalPeriod(2023),
        by="office",
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    ).check()
    p = report.row("P")
    assert p.current.cases == thads.Tally(
        carried_over=1,
        new=5,
        completed=2,
        in_progress=1,
        postponed=1,
        stayed=1,
        without_conditions=1,
    )
    m = 1_000_000
    assert p.current.money.carried_over == 200 * m
    assert p.current.money.new == 1_030 * m
    assert p.current.money.resolved == 515 * m
    assert p.current.money.enforceable == 1_165 * m
    assert p.rate("cases") is not None and p.rate("cases").percent == Decimal("50.00")
    assert p.rate("money") is not None and p.rate("money").percent == Decimal("44.21")
    a = report.row("A")
    assert a.rate("cases") is not None and a.rate("cases").percent == Decimal("66.67")
    assert p.attainment is not None and p.attainment.money is not None
    assert p.attainment.money.value == Decimal("-1.59")
    assert all(c.rejected == 0 for c in cases.counts.values())


def test_tutorial_bad_row(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "events.csv", tmp_path / "events.csv")
    text = (EXAMPLES / "cases.csv").read_text(encoding="utf-8")
    (tmp_path / "cases.csv").write_text(
        text + "T7,A,A-1,sometimes,civil,,,2023-01-01,1,private\n", encoding="utf-8"
    )
    err = io.StringIO()
    code = main(
        [
            "report",
            "--cases",
            str(tmp_path / "cases.csv"),
            "--events",
            str(tmp_path / "events.csv"),
            "--year",
            "2023",
        ],
        out=io.StringIO(),
        err=err,
    )
    assert code == 3
    assert "cases.csv: 7 read, 6 accepted, 1 rejected" in err.getvalue()
    assert "cases.csv:8: case T7: field 'mode': unknown value 'sometimes'" in err.getvalue()


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copytree(EXAMPLES, tmp_path / "docs" / "examples")  # run from a clone's root
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    rate = namespace["r"]
    assert isinstance(rate, thads.Rate)
    assert rate.percent == Decimal("82.90")
    report = namespace["report"]
    assert isinstance(report, thads.Report)
    assert report.total.current.cases.accepted == 6
    assert namespace["cases"].rejected == []  # type: ignore[attr-defined]


# --- every code block of the README and the docs is run (issue 13) -----------------------

ROOT = Path(__file__).parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
BLOCK = re.compile(r"^```([\w-]*)\n(.*?)^```\s*$", re.S | re.M)
RUN = {"python", "sh"}
"""Fences that are code and are run; ``text``, ``csv``, ``json`` and bare fences are
shown output, data or synopses, and are not."""
SET_UP = {
    "python3 -m pip install .",
    'python3 -m pip install -e ".[dev]"',
    "python3 -m pytest",
}
"""Shell steps that install or test thads itself: CI runs them (checked below), the
test does not run them again."""


def _blocks(page: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(page.read_text(encoding="utf-8"))]


def _page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _commands(script: str) -> list[str]:
    joined = script.replace("\\\n", " ")
    return [
        " ".join(part.split())
        for line in joined.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
        for part in line.split("&&")
    ]


def _workdir(tmp_path: Path) -> Path:
    """A directory with the example files as docs/examples/ and at its top (README)."""
    shutil.copytree(EXAMPLES, tmp_path / "docs" / "examples")
    for name in ("cases.csv", "events.csv", "offices.csv", "quota.csv"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def _run_python(code: str, where: str, namespace: dict[str, object]) -> None:
    """Run a block; a raise is accepted only on its last line, named in its comment."""
    lines = code.rstrip("\n").splitlines()
    try:
        exec(compile(code, where, "exec"), namespace)
    except Exception as error:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == where]
        if frames[-1].lineno != len(lines) or f"# {type(error).__name__}" not in lines[-1]:
            raise
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()  # a page that shows tests (docs/testing.md): they must pass


def _run_sh(script: str, where: str) -> None:
    for command in _commands(script):
        if command in SET_UP:
            continue
        args = shlex.split(command)
        assert args[0] == "thads", f"{where}: cannot run {command!r} (use a text fence)"
        out, err = io.StringIO(), io.StringIO()
        code = main(args[1:], out=out, err=err)
        assert code == 0, f"{where}: {command!r} exited {code}: {err.getvalue()}"
        assert out.getvalue() or "--output" in args or "--chart" in args


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_code_blocks_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_workdir(tmp_path))
    namespace: dict[str, object] = {"__name__": f"docs:{_page_id(page)}"}
    for index, (kind, code) in enumerate(_blocks(page)):
        where = f"{_page_id(page)} block {index + 1}"
        if kind == "python":
            _run_python(code, where, namespace)
        elif kind == "sh":
            _run_sh(code, where)
        else:
            assert kind in {"", "text", "csv", "json"}, f"{where}: unknown fence {kind!r}"


def test_pages_have_code() -> None:
    kinds = {kind for page in PAGES for kind, _ in _blocks(page)}
    assert kinds >= RUN  # the runner above is not vacuous
    assert (ROOT / "docs" / "vi" / "index.md") in PAGES


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = 'python3 -m pip install -e ".[dev]" && python3 -m pytest'
    assert command in readme
    assert command.replace("python3", "python") in ci


def test_tutorial_files_are_the_examples() -> None:
    blocks = [code for kind, code in _blocks(ROOT / "docs" / "tutorial.md") if kind == "csv"]
    assert blocks == [
        (EXAMPLES / "cases.csv").read_text(encoding="utf-8"),
        (EXAMPLES / "events.csv").read_text(encoding="utf-8"),
    ]


def test_help_names_the_vietnamese_terms(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["report", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        text = capsys.readouterr().out
        for term in ("thi hành án dân sự", "có điều kiện thi hành", "chỉ tiêu", "thụ lý"):
            assert term in " ".join(text.split()), (argv, term)


def test_docs_build_strict(tmp_path: Path) -> None:
    """The site builds with no warning (mkdocs --strict), as .ci/run does."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "vi" / "index.html").exists()
    assert "thads.read" in (tmp_path / "reference" / "io" / "index.html").read_text()


# --- docs/api.md and the public names ------------------------------------------------------

PUBLIC_PACKAGES = (
    "thads",
    "thads.errors",
    "thads.validate",
    "thads.fmt",
    "thads.values",
    "thads.records",
    "thads.law",
    "thads.rules",
    "thads.read",
    "thads.count",
    "thads.write",
    "thads.metrics",
    "thads.worklists",
    "thads.samples",
    "thads.cli",
)
"""Packages whose ``__all__`` docs/api.md names in full (thads.testing: docs/testing.md)."""
CODE_SPAN = re.compile(r"`([^`]+)`")


def _api_section(text: str, package: str) -> str:
    heading = "## `thads` (top level)" if package == "thads" else f"## `{package}`"
    sections = re.split(r"^## ", text, flags=re.M)
    found = [s for s in sections if f"## {s}".startswith(heading)]
    joined = " ".join(found)
    if package in ("thads.validate", "thads.fmt"):
        joined = " ".join(s for s in sections if s.startswith("`thads.validate` and"))
    return joined


@pytest.mark.parametrize("package", PUBLIC_PACKAGES)
def test_api_page_names_every_public_name(package: str) -> None:
    import importlib

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    section = _api_section(text, package)
    assert section, f"docs/api.md has no section for {package}"
    spans = " ".join(CODE_SPAN.findall(section))
    named = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", spans))
    module = importlib.import_module(package)
    missing = sorted(set(module.__all__) - named)
    assert missing == [], f"docs/api.md does not name {package}: {missing}"


def test_api_page_paths_resolve() -> None:
    import importlib

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    moved = text.split("## Moved since", 1)[0]
    for span in CODE_SPAN.findall(moved):
        path = re.match(r"thads(\.[a-z_]+)+", span)
        if path is None:
            continue
        parts = path.group(0).split(".")
        value: object = importlib.import_module("thads")
        for part in parts[1:]:
            value = getattr(value, part)
