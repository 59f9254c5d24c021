"""A seeded fuzz of the readers: mutated input files never escape as a foreign exception.

Each round takes the tutorial's cases and events files (docs/examples/), applies a few
random mutations (bytes and characters deleted, inserted or replaced with the kinds of
characters that break parsers, lines duplicated, swapped or cut, the encoding changed),
and reads them with every reader option a user may pick. Whatever happens, the reader
either raises a thads error (a ``ThadsError``: an unreadable file is a clear error) or
reads every row and accounts for it: read = accepted + rejected in every file, the cases
it yields are the accepted ones, and a report of them adds up.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import thads
from thads.errors import ThadsError

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
ROUNDS = 150
NASTY = [
    '"',
    ",",
    "\n",
    "\r",
    "\x00",
    "\ufeff",
    "\u200b",
    "；",
    "＝",
    "=",
    "-",
    "9" * 30,
    "2023-02-30",
    "2023-W05-1",
    "+5",
    "1.200.000",
    "147540494.0",
    "NaN",
    "é",
    "Đ",
    "\udcff",
    " ",
    "\t",
    "postponed",
    "completed",
    "48.1.c",
    "T1",
]


def _mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        lines = text.split("\n")
        choice = rng.randrange(7)
        if choice == 0 and text:  # delete a span
            i = rng.randrange(len(text))
            text = text[:i] + text[i + rng.randint(1, 5) :]
        elif choice == 1:  # insert something nasty
            i = rng.randrange(len(text) + 1)
            text = text[:i] + rng.choice(NASTY) + text[i:]
        elif choice == 2 and text:  # replace one character
            i = rng.randrange(len(text))
            text = text[:i] + rng.choice(NASTY) + text[i + 1 :]
        elif choice == 3 and len(lines) > 1:  # duplicate a line
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif choice == 4 and len(lines) > 2:  # swap two lines (the heading too)
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif choice == 5:  # cut the file short
            text = text[: rng.randrange(len(text) + 1)]
        else:  # a field blanked in a random line
            i = rng.randrange(len(lines))
            fields = lines[i].split(",")
            fields[rng.randrange(len(fields))] = ""
            lines[i] = ",".join(fields)
            text = "\n".join(lines)
    return text


def _write(path: Path, text: str, rng: random.Random) -> None:
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1258"])
    data = text.encode(encoding, errors="surrogateescape" if encoding == "utf-8" else "replace")
    path.write_bytes(data)


def _read_all(cases: Path, events: Path, rng: random.Random) -> None:
    options: dict[str, object] = {}
    if rng.random() < 0.3:
        options["on_bad_event"] = "drop_event"
    try:
        reader = thads.read_cases(cases, events, **options)  # type: ignore[arg-type]
        accepted = list(reader)
    except ThadsError:
        return  # a clear error of the library: allowed
    counts = reader.counts
    assert counts, "the reader counted no file"
    for name, count in counts.items():
        assert count.read == count.accepted + count.rejected, (name, count)
    case_file = [c for n, c in counts.items() if Path(n).name == cases.name]
    if case_file:
        assert len(accepted) == case_file[0].accepted
    assert len(reader.rejected) == sum(c.rejected for c in counts.values())
    result = thads.report(accepted, thads.StatisticalPeriod(2023))
    result.check()


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_mutated_files_are_read_or_refused_clearly(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    cases_text = (EXAMPLES / "cases.csv").read_text(encoding="utf-8")
    events_text = (EXAMPLES / "events.csv").read_text(encoding="utf-8")
    if rng.random() < 0.5:
        cases_text = _mutate(cases_text, rng)
    if rng.random() < 0.7:
        events_text = _mutate(events_text, rng)
    cases, events = tmp_path / "cases.csv", tmp_path / "events.csv"
    _write(cases, cases_text, rng)
    _write(events, events_text, rng)
    _read_all(cases, events, rng)
