"""The shape of the package: layers, private modules, sizes, the public faces.

The import contracts themselves are import-linter's (``[tool.importlinter]`` in
pyproject.toml, run by ``lint-imports`` in CI); these tests hold the rest of what the
layout promises, and the layers once more with annotation-only imports counted.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import shutil
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pytest

import thads

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(thads.__file__).resolve().parent
LIMIT_LINES = 900
LIMIT_PUBLIC_MODULES = 20
LIMIT_TOP_LEVEL = 40


def _modules() -> dict[str, Path]:
    """Dotted name of every module of the source tree → its file."""
    found: dict[str, Path] = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_private(dotted: str) -> bool:
    return any(part.startswith("_") for part in dotted.split(".")[1:])


def _layers() -> list[set[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [{name.strip() for name in layer.split("|")} for layer in contract["layers"]]


def _imports(path: Path, dotted: str) -> list[tuple[int, str]]:
    """(line, imported module) of every import in a file, inside functions too."""
    package = dotted if path.name == "__init__.py" else dotted.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "thads"]


def test_the_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter is not installed (it is in the dev extra)")
    done = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_layers_hold_with_annotation_only_imports_too() -> None:
    layers = _layers()
    rank = {name: i for i, layer in enumerate(layers) for name in layer}
    wrong = []
    for dotted, path in _modules().items():
        parts = dotted.split(".")
        if len(parts) < 2 or parts[1] not in rank:
            continue
        for line, imported in _imports(path, dotted):
            target = imported.split(".")
            if len(target) < 2 or target[1] not in rank or target[1] == parts[1]:
                continue
            if rank[target[1]] <= rank[parts[1]]:  # same or higher layer: upward or sideways
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {dotted} imports {imported}")
    assert wrong == []


def test_no_private_name_crosses_a_package() -> None:
    wrong = []
    for dotted, path in _modules().items():
        own = dotted if path.name == "__init__.py" else dotted.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("thads"):
                continue
            source = node.module or ""
            names = [source] + [f"{source}.{alias.name}" for alias in node.names]
            for name in names:
                parts = name.split(".")
                private = [i for i, part in enumerate(parts) if part.startswith("_")]
                if not private or parts[-1] == "__version__":
                    continue
                owner = ".".join(parts[: private[0]])
                if owner != own:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert wrong == []


def test_no_private_name_is_borrowed_from_another_module() -> None:
    # a private module may be imported inside its package; a private name of a module
    # (function, constant) is that module's alone, even for its siblings
    modules = _modules()
    wrong = []
    for path in modules.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("thads"):
                continue
            for alias in node.names:
                name = alias.name
                if not name.startswith("_") or name.startswith("__"):
                    continue
                if f"{node.module}.{name}" in modules:  # a private module of the package
                    continue
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.module}.{name}")
    assert wrong == []


def test_no_module_is_over_the_line_limit() -> None:
    sizes = {
        dotted: len(path.read_text(encoding="utf-8").splitlines())
        for dotted, path in _modules().items()
    }
    assert {d: n for d, n in sizes.items() if n > LIMIT_LINES} == {}


def test_few_public_modules() -> None:
    public = sorted(d for d in _modules() if not _is_private(d))
    assert len(public) <= LIMIT_PUBLIC_MODULES, public


def test_a_small_top_level() -> None:
    assert len(thads.__all__) <= LIMIT_TOP_LEVEL
    for name in thads.__all__:
        assert hasattr(thads, name), name


def test_no_public_name_hides_a_module() -> None:
    for dotted in _modules():
        if _is_private(dotted) or dotted == "thads":
            continue
        package, _, name = dotted.rpartition(".")
        parent = importlib.import_module(package)
        module = importlib.import_module(dotted)
        assert getattr(parent, name) is module, f"{package}.{name} is not the module {dotted}"


def test_every_public_package_has_an_explicit_face() -> None:
    for info in pkgutil.walk_packages(thads.__path__, "thads."):
        if _is_private(info.name) or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        assert isinstance(getattr(module, "__all__", None), list), info.name
        for name in module.__all__:
            assert hasattr(module, name), f"{info.name}.{name}"


@pytest.mark.parametrize(
    ("old", "name", "new"),
    [
        ("thads.io", "read_cases", "thads.read"),
        ("thads.export", "to_table", "thads.write"),
        ("thads.engine", "place_case", "thads.count"),
        ("thads.timeline", "TimelineBuilder", "thads.records"),
        ("thads.money", "split", "thads.values"),
        ("thads.law.payment_order", "allocate", "thads.law"),
        ("thads.report_json", "from_dict", "thads.count"),
    ],
)
def test_old_module_paths_warn_and_name_the_new_one(old: str, name: str, new: str) -> None:
    module = importlib.import_module(old)
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        value = getattr(module, name)
    assert callable(value)


def test_old_top_level_names_warn_and_name_the_new_package() -> None:
    count = importlib.import_module("thads.count")
    with pytest.warns(DeprecationWarning, match=r"thads\.count\.tally_periods"):
        tally_periods = thads.tally_periods  # type: ignore[attr-defined]
    assert tally_periods is count.tally_periods
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert thads.report is count.report  # current names do not warn


def test_old_private_helpers_are_not_served() -> None:
    module = importlib.import_module("thads.io")
    with pytest.raises(AttributeError, match="public names"):
        module._columns  # noqa: B018


def test_python_version_is_the_supported_one() -> None:
    assert sys.version_info >= (3, 11)
