"""Old import paths of the unreleased 0.1.0 layout, kept for one release.

Each old module (``thads.io``, ``thads.export``...) is served by a stand-in module whose
attributes are looked up in the package that now holds them, with a
:class:`DeprecationWarning` naming the new path. Private helpers are not kept.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
import warnings
from collections.abc import Sequence
from typing import Any, Final

MOVED_MODULES: Final[dict[str, str]] = {
    "thads.periods": "thads.values",
    "thads.rates": "thads.values",
    "thads.money": "thads.values",
    "thads.tally": "thads.values",
    "thads.quota": "thads.values",
    "thads.case": "thads.records",
    "thads.judgment": "thads.records",
    "thads.offices": "thads.records",
    "thads.offices_data": "thads.records",
    "thads.timeline": "thads.records",
    "thads.labels": "thads.records",
    "thads.grounds": "thads.law",
    "thads.law.calendar": "thads.law",
    "thads.law.fees": "thads.law",
    "thads.law.interest": "thads.law",
    "thads.law.payment_order": "thads.law",
    "thads.law.versions": "thads.law",
    "thads.rules.base": "thads.rules",
    "thads.io": "thads.read",
    "thads.tabular": "thads.read",
    "thads.engine": "thads.count",
    "thads.ranking": "thads.count",
    "thads.report_json": "thads.count",
    "thads.export": "thads.write",
    "thads.frames": "thads.write",
    "thads.chart": "thads.write",
    "thads.samples.province": "thads.samples",
    "thads.samples.merger": "thads.samples",
}
"""Old module → the public package that now holds its public names.

``thads.report``, ``thads.law.deadlines`` and ``thads.law.exemption`` are not served:
those names are functions (a module of the same name hid them and was never reachable).
"""

RENAMED: Final[dict[tuple[str, str], tuple[str, str]]] = {
    ("thads.report_json", "from_dict"): ("thads.count", "Report.from_dict"),
    ("thads.report_json", "from_json"): ("thads.count", "Report.from_json"),
    ("thads.export", "to_dict"): ("thads.count", "to_dict"),
    ("thads.export", "to_json"): ("thads.count", "to_json"),
}
"""(old module, name) → (package, dotted path of the name there)."""


def resolve(package: str, dotted: str) -> Any:
    """The object at ``dotted`` inside ``package`` (``"Report.from_dict"``)."""
    value: Any = importlib.import_module(package)
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


class MovedModule(types.ModuleType):
    """A stand-in for a module that moved: it forwards names and warns once per use."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        package = MOVED_MODULES[self.__name__]
        package, dotted = RENAMED.get((self.__name__, name), (package, name))
        try:
            value = resolve(package, dotted)
        except AttributeError:
            raise AttributeError(
                f"module {self.__name__!r} has no attribute {name!r}: the module moved to "
                f"{package} and only its public names are served from the old path"
            ) from None
        warnings.warn(
            f"{self.__name__}.{name} is deprecated and will be removed after 0.2; "
            f"use {package}.{dotted}",
            DeprecationWarning,
            stacklevel=2,
        )
        return value


class MovedFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the old module paths of :data:`MOVED_MODULES` (import machinery, PEP 451)."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED_MODULES:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return MovedModule(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__doc__ = f"Deprecated: moved to {MOVED_MODULES[module.__name__]}."


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(finder, MovedFinder) for finder in sys.meta_path):
        sys.meta_path.append(MovedFinder())


__all__ = ["MOVED_MODULES", "RENAMED", "MovedFinder", "MovedModule", "install", "resolve"]
