"""The pyarrow engine's buffer readers, held to the clear versions they replace."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")
pc = pytest.importorskip("pyarrow.compute")

from thads.read._arrays import plain_ascii  # noqa: E402

PLAIN = r"^[!-~]([ -~]*[!-~])?$"
"""The clear version: printable ASCII, no space at either end (and not empty)."""
PLAIN_OR_EMPTY = r"^([!-~]([ -~]*[!-~])?)?$"

texts = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from([" ", "a", "~", "\t", "\x7f", "é", "\x00", "1"])),
    st.text(max_size=6),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(texts, max_size=6), max_size=4), st.integers(0, 3))
def test_plain_ascii_is_the_regex(chunks: list[list[str | None]], cut: int) -> None:
    """Chunks, nulls, slices (an array's offset) and empty texts: the buffer reading
    gives what Arrow's regex gives (a null: not plain)."""
    arrays = [pa.array(c, type=pa.string()) for c in chunks]
    arrays = [a.slice(min(cut, len(a))) for a in arrays]  # offsets not starting at 0
    column = pa.chunked_array(arrays, type=pa.string())
    for pattern, empty_ok in ((PLAIN, False), (PLAIN_OR_EMPTY, True)):
        expected = [bool(v) for v in pc.match_substring_regex(column, pattern).to_pylist()]
        assert plain_ascii(np, column, empty_ok=empty_ok).tolist() == expected
        for array in arrays:  # and each array alone
            alone = pc.match_substring_regex(array, pattern).to_pylist()
            assert plain_ascii(np, array, empty_ok=empty_ok).tolist() == [bool(v) for v in alone]
