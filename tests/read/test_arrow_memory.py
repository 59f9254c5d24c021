"""Where the pyarrow engine puts its memory: the files in Arrow's jemalloc pool unless
the user chose a pool, and no huge-page advice for NumPy's arrays while it plans (the
setting given back as it was)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thads.read._arrays import small_pages

pa = pytest.importorskip("pyarrow")
pytest.importorskip("pyarrow.csv")  # the submodules the engine loads with pyarrow
pytest.importorskip("pyarrow.json")
pytest.importorskip("pyarrow.compute")
np = pytest.importorskip("numpy")


def test_small_pages_turns_the_advice_off_and_gives_it_back() -> None:
    core = getattr(np, "_core", None) or np.core  # NumPy 2, NumPy 1
    setter = core.multiarray._set_madvise_hugepage
    before = setter(True)
    try:
        with small_pages(np):
            assert setter(False) is False  # off inside the block
        assert setter(True) is True  # on again after it
        with pytest.raises(ValueError, match="inside"), small_pages(np):
            raise ValueError("an error inside")
        assert setter(True) is True  # given back after an error too
    finally:
        setter(before)


def test_overlapping_blocks_give_back_the_setting_found_before_the_first() -> None:
    """Two blocks that overlap (as in two threads: A enters, B enters, A leaves, B
    leaves): the advice stays off until the last one leaves, then is what it was."""
    core = getattr(np, "_core", None) or np.core
    setter = core.multiarray._set_madvise_hugepage
    before = setter(True)
    try:
        first, second = small_pages(np), small_pages(np)
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        assert setter(False) is False  # still off: the second block runs
        second.__exit__(None, None, None)
        assert setter(True) is True  # given back as found
    finally:
        setter(before)


def test_the_files_go_to_jemalloc_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    from thads.read._arrow_files import reading_pool

    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    try:
        jemalloc = pa.jemalloc_memory_pool().backend_name
    except NotImplementedError:  # a build without jemalloc: the default pool
        jemalloc = None
    if pa.default_memory_pool().backend_name == "mimalloc":
        assert reading_pool(pa).backend_name == (jemalloc or "mimalloc")
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")  # chosen by name
    assert reading_pool(pa).backend_name == pa.default_memory_pool().backend_name
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL")
    chosen = pa.default_memory_pool()
    try:  # chosen in the program: kept
        pa.set_memory_pool(pa.system_memory_pool())
        assert reading_pool(pa).backend_name == "system"
    finally:
        pa.set_memory_pool(chosen)


def test_the_files_are_read_into_the_reading_pool(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Arrow's readers allocate the columns in the pool ``reading_pool`` gives (a proxy
    pool here, which counts what goes through it), CSV and JSON Lines alike."""
    from thads.read import _arrow_files
    from thads.read._headings import CASE_COLUMNS, CASE_OPTIONAL

    proxy = pa.proxy_memory_pool(pa.system_memory_pool())
    monkeypatch.setattr(_arrow_files, "reading_pool", lambda _pa: proxy)
    assert proxy.max_memory() == 0
    rows = [f"c{k},P01,E1,active,civil,,,2024-11-04,{k + 1},state" for k in range(200)]
    csv_file = tmp_path / "cases.csv"
    csv_file.write_text(",".join(CASE_COLUMNS) + "\n" + "\n".join(rows) + "\n")
    assert _arrow_files.load_file(pa, csv_file, CASE_COLUMNS, CASE_OPTIONAL, None) is not None
    assert proxy.max_memory() > 0  # the CSV reader allocated in it
    proxy = pa.proxy_memory_pool(pa.system_memory_pool())  # a fresh one for JSON Lines
    json_file = tmp_path / "cases.jsonl"
    fields = {"office": "P01", "executor": "E1", "mode": "active", "judgment_kind": "civil",
              "accepted_on": "2024-11-04", "creditor": "state"}  # fmt: skip
    records = ({"case_id": f"c{k}", "amount": str(k + 1), **fields} for k in range(200))
    json_file.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert _arrow_files.load_file(pa, json_file, CASE_COLUMNS, CASE_OPTIONAL, None) is not None
    assert proxy.max_memory() > 0  # the JSON reader allocated in it
