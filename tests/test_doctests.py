"""The examples in the docstrings of the value types run, and are right."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = (
    "thads.values._rates",
    "thads.values._periods",
    "thads.values._tally",
    "thads.values._quota",
    "thads.values._money",
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True)
    assert result.attempted > 0, f"{name} has no example"
    assert result.failed == 0
