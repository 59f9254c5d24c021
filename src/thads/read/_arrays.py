"""Arrow arrays as numpy arrays, read from their buffers (the pyarrow engine's helpers)."""

from __future__ import annotations

from typing import Any


def is_string(pa: Any, column: Any) -> bool:
    return column is not None and column.type == pa.string()


def mask(np: Any, array: Any) -> Any:
    return bools(np, array)


def dictionary_codes(np: Any, column: Any) -> tuple[Any, Any]:
    encoded = column.dictionary_encode()
    codes = ints(np, encoded.indices, 0, np.int32)
    return codes, np.bincount(codes, minlength=len(encoded.dictionary))


def joined_codes(pa: Any, np: Any, ids: Any, others: Any) -> tuple[Any, Any]:
    """(codes of ``ids``, codes of ``others``) from one hash of both string columns:
    equal texts get equal codes, whichever column they are in; a null's code is -1."""
    encoded = pa.chunked_array([ids, others]).dictionary_encode()
    parts = [ints(np, chunk.indices, -1, np.int32) for chunk in encoded.chunks]
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    return codes[: len(ids)], codes[len(ids) :]


def _bits(np: Any, buffer: Any, offset: int, n: int) -> Any:
    packed = np.frombuffer(buffer, dtype=np.uint8)
    return np.unpackbits(packed, bitorder="little")[offset : offset + n].astype(bool)


def bools(np: Any, array: Any) -> Any:
    """A boolean Arrow array as numpy (null as False), read from its buffers.

    Arrow's own conversion to numpy imports pandas when it is installed (a second's
    start-up): the buffers are read directly instead."""
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
    from its buffers."""
    dtype = np.int64 if dtype is None else dtype
    n = len(array)
    if n == 0:
        return np.zeros(0, dtype=dtype)
    validity, data = array.buffers()[:2]
    width = array.type.bit_width // 8
    kind = np.dtype(f"<{'u' if str(array.type).startswith('uint') else 'i'}{width}")
    out = np.frombuffer(data, dtype=kind)[array.offset : array.offset + n].astype(dtype)
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
