"""Arrow arrays as numpy arrays, read from their buffers (the pyarrow engine's helpers)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final


def is_string(pa: Any, column: Any) -> bool:
    return column is not None and column.type == pa.string()


def is_text(pa: Any, column: Any) -> bool:
    """A string column, or one Arrow read as a dictionary of strings."""
    return is_string(pa, column) or (
        column is not None and column.type == pa.dictionary(pa.int32(), pa.string())
    )


def encoded(np: Any, column: Any, fill: int) -> tuple[Any, Any]:
    """(distinct values as an Arrow array, each row's index into them: numpy int32, a
    null's ``fill``) of an Arrow array or chunked array, from one hash. A column read as
    a dictionary is not hashed again: only its chunks' dictionaries are."""
    if hasattr(column.type, "value_type"):
        return _dictionaries(np, column, fill)
    encoded = column.dictionary_encode()
    if not hasattr(encoded, "chunks"):
        return encoded.dictionary, ints(np, encoded.indices, fill, np.int32)
    chunks = encoded.chunks
    if not chunks:
        return column.combine_chunks().dictionary_encode().dictionary, np.zeros(0, np.int32)
    values = chunks[-1].dictionary  # one memo for all chunks: the last has every value
    if any(len(c.dictionary) > len(values) for c in chunks):  # pragma: no cover
        return _encoded_whole(np, column.combine_chunks(), fill)
    return values, np.concatenate([ints(np, c.indices, fill, np.int32) for c in chunks])


def _dictionaries(np: Any, column: Any, fill: int) -> tuple[Any, Any]:
    import pyarrow as pa

    chunks = _chunks(column)
    if not chunks:
        return strings(pa, np, []), np.zeros(0, np.int32)
    # the chunks' dictionaries share most values: each listed once, as one hash gives
    distinct, where = _encoded_whole(np, pa.concat_arrays([c.dictionary for c in chunks]), -1)
    out = np.empty(sum(len(c) for c in chunks), dtype=np.int32)
    at = start = 0
    for chunk in chunks:  # each row's value, through its chunk's dictionary
        size = len(chunk.dictionary)
        mine = np.append(where[start : start + size], np.int32(fill))  # [size]: a null's
        np.take(mine, ints(np, chunk.indices, size, np.int32), out=out[at : at + len(chunk)])
        at, start = at + len(chunk), start + size
    return distinct, out


def _encoded_whole(np: Any, column: Any, fill: int) -> tuple[Any, Any]:
    found = column.dictionary_encode()
    return found.dictionary, ints(np, found.indices, fill, np.int32)


def dictionary_codes(np: Any, column: Any) -> tuple[Any, Any]:
    values, codes = encoded(np, column, 0)
    return codes, np.bincount(codes, minlength=len(values))


def joined_codes(pa: Any, np: Any, ids: Any, others: Any) -> tuple[Any, Any]:
    """(codes of ``ids``, codes of ``others``) from one hash of both string columns:
    equal texts get equal codes, whichever column they are in; a null's code is -1."""
    both = pa.chunked_array([*_chunks(ids), *_chunks(others)], type=ids.type)
    codes = encoded(np, both, -1)[1]
    return codes[: len(ids)], codes[len(ids) :]


def _chunks(column: Any) -> list[Any]:
    return list(column.chunks) if hasattr(column, "chunks") else [column]


def _bits(np: Any, buffer: Any, offset: int, n: int) -> Any:
    packed = np.frombuffer(buffer, dtype=np.uint8)
    return np.unpackbits(packed, bitorder="little")[offset : offset + n].astype(bool)


def bools(np: Any, array: Any) -> Any:
    """A boolean Arrow array as numpy (null as False), read from its buffers.

    Arrow's own conversion to numpy imports pandas when it is installed (a second's
    start-up): the buffers are read directly instead."""
    if hasattr(array, "chunks"):
        return _joined(np, [bools(np, c) for c in array.chunks], bool)
    n = len(array)
    if n == 0:
        return np.zeros(0, dtype=bool)
    validity, data = array.buffers()[:2]
    out = _bits(np, data, array.offset, n)
    if array.null_count:
        out &= _bits(np, validity, array.offset, n)
    return out


def ints(np: Any, array: Any, fill: int, dtype: Any = None) -> Any:
    """An integer Arrow array as numpy (int64 unless ``dtype``; null as ``fill``), read
    from its buffers: a read-only view of them when no conversion is needed."""
    dtype = np.int64 if dtype is None else dtype
    if hasattr(array, "chunks"):
        return _joined(np, [ints(np, c, fill, dtype) for c in array.chunks], dtype)
    n = len(array)
    if n == 0:
        return np.zeros(0, dtype=dtype)
    validity, data = array.buffers()[:2]
    width = array.type.bit_width // 8
    kind = np.dtype(f"<{'u' if str(array.type).startswith('uint') else 'i'}{width}")
    out = np.frombuffer(data, dtype=kind)[array.offset : array.offset + n]
    out = out.astype(dtype, copy=False)
    if array.null_count:
        out = np.where(_bits(np, validity, array.offset, n), out, fill)
    return out


def arrow_ints(values: Any) -> Any:
    """Row indices (numpy) as an Arrow array, without Arrow's pandas-aware conversion."""
    import numpy as np
    import pyarrow as pa

    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


def strings(pa: Any, np: Any, texts: list[str]) -> Any:
    """Python strings as an Arrow string array (built from buffers, as above)."""
    encoded = [t.encode("utf-8") for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    data = pa.py_buffer(b"".join(encoded))
    return pa.StringArray.from_buffers(len(encoded), pa.py_buffer(offsets), data)


def _joined(np: Any, parts: list[Any], dtype: Any) -> Any:
    if len(parts) == 1:
        return parts[0]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def plain_ascii(np: Any, column: Any, *, empty_ok: bool) -> Any:
    """Each row of a string column: printable ASCII with no space at either end (or
    empty, if ``empty_ok``); a null is not. Read from the buffers, without a regex."""
    if hasattr(column, "chunks"):
        return _joined(np, [plain_ascii(np, c, empty_ok=empty_ok) for c in column.chunks], bool)
    n = len(column)
    if n == 0:
        return np.zeros(0, dtype=bool)
    validity, offsets_buffer, data_buffer = column.buffers()[:3]
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[column.offset : column.offset + n + 1]
    start, end = offsets[:-1].astype(np.int64), offsets[1:].astype(np.int64)
    data = np.zeros(0, np.uint8) if data_buffer is None else np.frombuffer(data_buffer, np.uint8)
    low = int(offsets[0])
    text = data[low : int(offsets[-1])]
    outside = np.flatnonzero((text - np.uint8(0x20)) > np.uint8(0x7E - 0x20)) + low
    ok = np.ones(n, dtype=bool)  # bytes outside " " to "~" (few, if any): their rows
    ok[np.searchsorted(offsets, outside, side="right") - 1] = False
    given = np.flatnonzero(end > start)
    ok[given] &= (data[start[given]] != 0x20) & (data[end[given] - 1] != 0x20)
    if not empty_ok:
        ok &= end > start
    if column.null_count:
        ok &= _bits(np, validity, column.offset, n)
    return ok


@contextmanager
def small_pages(np: Any) -> Iterator[None]:
    """NumPy's advice to the kernel to back large arrays with huge pages, turned off for
    the block (and restored after it). Where the kernel compacts memory on demand to
    find a huge page (transparent huge pages with defrag "madvise", a common setting),
    the many short-lived arrays of the planning paid for it: 0,2 to 0,3 s more at
    1.000.000 cases, and most of the run-to-run spread (docs/performance.md).

    The setting is the process's: blocks in several threads at once share one change,
    the first turning the advice off and the last giving back what was there before."""
    core = getattr(np, "_core", None)
    if core is None:  # NumPy 1
        core = getattr(np, "core", None)
    setter = getattr(getattr(core, "multiarray", None), "_set_madvise_hugepage", None)
    if setter is None:
        yield
        return
    with _PAGES.lock:
        if not _PAGES.depth:
            _PAGES.before = setter(False)
        _PAGES.depth += 1
    try:
        yield
    finally:
        with _PAGES.lock:
            _PAGES.depth -= 1
            if not _PAGES.depth:
                setter(_PAGES.before)


class _Pages:
    """The blocks of :func:`small_pages` running now, and the setting found before the
    first of them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.before = True


_PAGES: Final = _Pages()
