"""Encodings of input files (bảng mã): byte-order marks, UTF-8, UTF-16, Windows-1258."""

from __future__ import annotations

import codecs

from thads.errors import InvalidRecordError
from thads.read._rows import PathLike


class InputEncodingError(InvalidRecordError):
    """A file that cannot be decoded in its encoding; names the file, line and option."""


def encoding_of(path: PathLike, encoding: str | None) -> str:
    """The encoding to read ``path`` in: a byte-order mark wins, then ``encoding``, UTF-8."""
    if encoding is not None:
        check_encoding(encoding, str(path))
    with open(path, "rb") as raw:
        head = raw.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig" if encoding is None else encoding


def check_encoding(encoding: str, name: str) -> None:
    """Refuse a name that is not a text encoding: unknown, a str-to-str transform
    (``rot13``), a bytes-to-bytes one (``hex``, ``zlib``) or ``undefined``."""
    reason = f"unknown encoding {encoding!r}"
    try:
        info = codecs.lookup(encoding)
    except (LookupError, TypeError, ValueError):
        info = None
    else:
        if not getattr(info, "_is_text_encoding", True):
            reason = f"{encoding!r} is not a text encoding (it transforms, it does not decode)"
            info = None
        else:
            try:
                b"a".decode(encoding)
            except (UnicodeError, LookupError, TypeError, ValueError):
                reason = f"{encoding!r} cannot decode text"
                info = None
    if info is None:
        raise InvalidRecordError(
            name,
            "encoding",
            f"{reason}; give a text encoding, e.g. utf-8, utf-16, cp1258",
            code="encoding.unknown",
        )


def undecodable(path: PathLike, encoding: str, error: UnicodeDecodeError) -> InputEncodingError:
    """The error for a file that does not decode, at the line of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    with open(path, "rb") as raw:
        while chunk := raw.read(1 << 16):
            try:
                line += decoder.decode(chunk).count("\n")
            except UnicodeDecodeError as bad:
                good = chunk[: max(bad.start - len(decoder.getstate()[0]), 0)]
                line += codecs.decode(good, encoding, "replace").count("\n")
                break
    name = "UTF-8" if encoding.startswith("utf-8") else encoding
    return InputEncodingError(
        f"{path}:{line}",
        "*",
        f"cannot be decoded as {name} ({error.reason}); give the file's encoding with "
        "encoding=... (thads report --encoding ...), e.g. 'cp1258' for Windows-1258 as Excel "
        "saves Vietnamese text, or save it as UTF-8",
        code="encoding.undecodable",
    )
