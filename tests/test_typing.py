"""The public constructors and functions are typed so that mypy catches misuse.

Each snippet is checked with mypy's API (mypy is a test tool of the dev extra).
"""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")


def _mypy(tmp_path: Path, source: str) -> str:
    target = tmp_path / "snippet.py"
    target.write_text(source)
    out, err, _ = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / ".cache"), str(target)]
    )
    return out + err


def test_mypy_catches_a_misspelt_grouping(tmp_path: Path) -> None:
    out = _mypy(
        tmp_path,
        "from thads import StatisticalPeriod, report\n"
        "report([], StatisticalPeriod(2023), by='exeutor')\n"
        "report([], StatisticalPeriod(2023), by='executor')\n",
    )
    assert "snippet.py:2: error" in out and 'Argument "by" to "report"' in out
    assert "snippet.py:3" not in out
