"""Writers and readers of saved reports refuse the wrong input with a thads error."""

from __future__ import annotations

from pathlib import Path

import pytest

from thads.errors import InvalidRecordError, ThadsError
from thads.metrics import reconcile
from thads.write import to_table


def test_to_table_refuses_what_is_not_a_report() -> None:
    # before: AttributeError: 'list' object has no attribute 'rows'
    with pytest.raises(InvalidRecordError, match=r"give a thads\.Report, not list"):
        to_table([])  # type: ignore[arg-type]


def test_reconcile_names_a_saved_report_it_cannot_read(tmp_path: Path) -> None:
    # before: FileNotFoundError from deep inside
    with pytest.raises(ThadsError, match="cannot read"):
        reconcile([], 2023, previous=str(tmp_path / "nope.json"))
