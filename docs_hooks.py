"""MkDocs hooks: pages that other branches add are given a placeholder until they arrive.

docs/metrics.md and docs/worklists.md are written on other branches; until they are
merged, the build creates a short page in their place (in memory, not on disk) so the
navigation stays valid and ``mkdocs build --strict`` passes. A real file always wins.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

PLACEHOLDERS = {
    "metrics.md": "# Metrics\n\nThe CourTools / CEPEJ indicators (`thads.metrics`) are "
    "documented here once that module is merged.\n",
    "worklists.md": "# Worklists\n\nThe case worklists (`thads.worklists`) are documented "
    "here once that module is merged.\n",
}


def on_files(files: Files, config: Any, **kwargs: Any) -> Files:
    for name, text in PLACEHOLDERS.items():
        if files.get_file_from_path(name) is None:
            files.append(File.generated(config, name, content=text))
    return files
