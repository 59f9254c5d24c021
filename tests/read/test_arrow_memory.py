"""Where the pyarrow engine puts its memory: the files in Arrow's jemalloc pool unless
the user chose a pool, and no huge-page advice for NumPy's arrays while it plans (the
setting given back as it was)."""

from __future__ import annotations

import pytest

from thads.read._arrays import small_pages

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")


def test_small_pages_turns_the_advice_off_and_gives_it_back() -> None:
    setter = np._core.multiarray._set_madvise_hugepage
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


def test_the_files_go_to_jemalloc_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    from thads.read._arrow_files import reading_pool

    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    try:
        expected = pa.jemalloc_memory_pool().backend_name
    except NotImplementedError:  # a build without jemalloc: the default pool
        expected = pa.default_memory_pool().backend_name
    assert reading_pool(pa).backend_name == expected
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
    assert reading_pool(pa).backend_name == pa.default_memory_pool().backend_name
