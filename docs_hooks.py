"""MkDocs hooks: a page in the navigation that is not written yet gets a short placeholder.

The build creates it in memory (never on disk) so the navigation stays valid and
``mkdocs build --strict`` passes; a real file always wins.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

PLACEHOLDERS = {
    "errors.md": "# Error codes\n\nThe codes are `thads.errors.ERROR_CODES`.\n",
    "explain.md": "# Explaining a figure\n\nNot written yet.\n",
    "distributed.md": "# Running on a cluster\n\nSee [performance](performance.md).\n",
}


def on_files(files: Files, config: Any, **kwargs: Any) -> Files:
    for name, text in PLACEHOLDERS.items():
        if files.get_file_from_path(name) is None:
            files.append(File.generated(config, name, content=text))
    return files
