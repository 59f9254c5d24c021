"""Guards on text leaving thads: formulas in spreadsheets, control characters in terminals.

- :func:`safe_text` (chống chèn công thức): a cell whose text a spreadsheet would run as
  a formula gets a leading apostrophe. The first character that is not a space is
  checked after compatibility folding (NFKC), so the fullwidth ``＝ ＋ － ＠``, the small
  forms and the superscript/subscript signs count as ``= + - @``; the minus sign and the
  dashes count as ``-``; a tab, a carriage return or a line feed start a formula too.
- :func:`clean_text`: text for a terminal, with ANSI escape sequences, other control
  characters and the bidirectional overrides removed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

_FORMULA_SIGNS: Final = frozenset("=+-@")
_FORMULA_EXTRA: Final = frozenset(
    "\t\r\n"
    "\u2212"  # minus sign
    "\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphen, non-breaking hyphen, dashes
    "\u02d6\u02d7"  # modifier plus, modifier minus
    "\u2795\u2796"  # heavy plus, heavy minus
    "\ufe58"  # small em dash
)
_SPACES: Final = (
    " \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\ufeff\u200b"
)


def starts_formula(text: str) -> bool:
    """True when a spreadsheet could take ``text`` for a formula (công thức).

    Leading spaces (also the no-break, ideographic and zero-width ones) are skipped;
    the first other character is a formula sign when it is one of ``= + - @`` after
    NFKC folding (``＝``, ``﹢``, ``⁻``...), a minus sign or dash, a tab, CR or LF.
    """
    rest = text.lstrip(_SPACES)
    if not rest:
        return False
    first = rest[0]
    if first in _FORMULA_EXTRA or first in _FORMULA_SIGNS:
        return True
    folded = unicodedata.normalize("NFKC", first)
    return bool(folded) and (folded[0] in _FORMULA_SIGNS or folded[0] in _FORMULA_EXTRA)


def safe_text(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula.

    A text that :func:`starts_formula` (``=``, ``+``, ``-``, ``@``, their fullwidth and
    other lookalikes, a minus sign, a tab, CR or LF, also after leading spaces) gets a
    leading apostrophe, the usual guard against formula injection in CSV files.

    >>> safe_text("=1+1"), safe_text("＝1+1"), safe_text("Cục THADS")
    ("'=1+1", "'＝1+1", 'Cục THADS')
    """
    return "'" + text if starts_formula(text) else text


def csv_value(value: object) -> object:
    """A value for a CSV cell: text through :func:`safe_text`, None blank, others as is."""
    if value is None:
        return ""
    return safe_text(value) if isinstance(value, str) else value


def xlsx_text(cell: Any, text: str) -> None:
    """Put ``text`` in an openpyxl cell as text: never a formula, leading zeros kept."""
    cell.value = text
    cell.data_type = "s"
    cell.number_format = "@"
    if starts_formula(text):
        cell.quotePrefix = True


_ESCAPES: Final = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves (ESC [ ... final byte)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, links (ESC ] ... BEL/ST)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other escapes (ESC and up to a final byte)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_BIDI: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(text: str) -> str:
    """``text`` without terminal control: ANSI escape sequences, control characters
    (C0, DEL, C1) and bidirectional overrides are removed; a tab or a line break becomes
    a space, so a name stays on its line of a table.

    >>> clean_text("\\x1b[31mCục\\x1b[0m THADS\\tHà Nội")
    'Cục THADS Hà Nội'
    """
    text = _ESCAPES.sub("", text)
    out = []
    for char in text:
        if char in "\t\n\r\v\f":
            out.append(" ")
        elif char in _BIDI or unicodedata.category(char) == "Cc":
            continue
        else:
            out.append(char)
    return "".join(out)


__all__ = ["clean_text", "csv_value", "safe_text", "starts_formula", "xlsx_text"]
