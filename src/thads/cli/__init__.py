"""The ``thads`` command (dòng lệnh): ``thads demo``, ``thads report``, ``thads list``.

Exit codes: 0 every row accepted; 3 output written but some rows rejected; 1 input
unreadable (or a bad row with ``--strict``); 2 usage error.
"""

from __future__ import annotations

from thads.cli._main import main

__all__ = [
    "main",
]
