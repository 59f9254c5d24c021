"""The test strategies (tests/strategies.py) give the same examples whatever the hash seed.

A strategy that samples from a set or a frozenset draws in an order that changes with
``PYTHONHASHSEED``, which defeats ``derandomize=True`` in CI. Each strategy of
tests/strategies.py, and the composite ones of the test modules, is run in two fresh
interpreters with different hash seeds and the same hypothesis seed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
SRC = TESTS.parent / "src"

_GENERATE = """
import hashlib
from hypothesis import given, seed, settings
from strategies import case_histories, case_sets, tallies
from test_grounds import spellings
from test_law_deadlines import shifted_cases

out = []

@seed(20261128)
@settings(max_examples=25, database=None, derandomize=False)
@given(case_histories(), case_sets(max_size=5), tallies(), shifted_cases(), spellings())
def run(one, many, tally, shifted, ground):
    out.append(repr((one, many, tally, shifted, ground)))

run()
print(hashlib.sha256("\\n".join(out).encode()).hexdigest(), len(out))
"""


def _generate(hash_seed: str) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join([str(SRC), str(TESTS), str(TESTS / "law")])
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": path}
    return subprocess.run(
        [sys.executable, "-c", _GENERATE],
        capture_output=True,
        text=True,
        env=env,
        cwd=TESTS,
        check=False,
    )


def test_generation_does_not_depend_on_the_hash_seed() -> None:
    first, second = _generate("1"), _generate("987654321")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    digest, examples = first.stdout.split()
    assert int(examples) == 25
    assert second.stdout.split() == [digest, examples]
