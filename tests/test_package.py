"""``import thads`` is enough: submodules load lazily on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import thads

SRC = str(Path(thads.__file__).parent.parent)


def _run(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": SRC})


def test_packages_and_extras_load_on_first_use() -> None:
    _run(
        "import sys, thads\n"
        "lazy = ('metrics', 'worklists', 'write', 'samples', 'testing', 'cli')\n"
        "assert not [m for m in lazy if 'thads.' + m in sys.modules], sys.modules.keys()\n"
        "extras = ('pandas', 'polars', 'matplotlib', 'openpyxl', 'hypothesis', 'pyarrow')\n"
        "assert not [m for m in extras if m in sys.modules]\n"
        "assert callable(thads.law.deadlines) and callable(thads.write.to_table)\n"
        "assert callable(thads.samples.province_2023) and callable(thads.write.frame)\n"
        "assert 'thads.write' in sys.modules and 'thads.samples' in sys.modules\n"
        "assert 'pandas' not in sys.modules and 'matplotlib' not in sys.modules\n"
    )


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        thads.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
    assert {"law", "samples", "metrics", "worklists", "write", "testing"} <= set(dir(thads))


def test_metrics_names_without_a_separate_import() -> None:
    _run(
        "import sys, thads\n"
        "assert 'thads.metrics' not in sys.modules\n"
        "assert thads.metrics.reconcile is thads.metrics.reconcile\n"
        "assert thads.metrics.calendar_year(2024).start.isoformat() == '2024-01-01'\n"
        "assert thads.metrics.DateRange is thads.metrics.DateRange\n"
        "assert callable(thads.worklists.period_list)\n"
    )


def test_fmt_exports_only_its_own_names() -> None:
    for name in thads.fmt.__all__:
        value = getattr(thads.fmt, name)
        assert getattr(value, "__module__", "thads.fmt") == "thads.fmt", name
    star: dict[str, object] = {}
    exec("from thads.fmt import *", star)
    assert set(star) - {"__builtins__"} == set(thads.fmt.__all__)


def test_the_law_does_not_import_the_statistics_regimes() -> None:
    # legal grounds belong to the case/law side: no arrow from thads.law to thads.rules
    import ast

    law = Path(SRC, "thads", "law")
    for path in sorted(law.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("thads.rules"), (path.name, node.module)
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("thads.rules") for a in node.names), path.name
