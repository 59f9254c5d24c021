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


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "", "é", None]), max_size=6), max_size=4),
    st.booleans(),
)
def test_encoded_lists_each_value_once(chunks: list[list[str | None]], as_words: bool) -> None:
    """A column as strings, or as Arrow's per-chunk dictionaries: each distinct value is
    listed once, and each row's index finds its own value (a null: the fill)."""
    from thads.read._arrays import encoded

    arrays = [pa.array(c, type=pa.string()) for c in chunks]
    if as_words:
        arrays = [a.dictionary_encode() for a in arrays]
    kind = pa.dictionary(pa.int32(), pa.string()) if as_words else pa.string()
    column = pa.chunked_array(arrays, type=kind)
    distinct, index = encoded(np, column, -7)
    values = distinct.to_pylist()
    assert len(set(values)) == len(values)
    rows = [v for c in chunks for v in c]
    assert [None if i == -7 else values[i] for i in index.tolist()] == rows
