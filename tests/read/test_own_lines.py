"""The lines a hash part of a plain CSV file keeps (jobs=N without byte ranges): taken
in blocks, they are the lines the part's rule gives line by line, with their numbers:
each line's case id (the bytes before its first comma) read by line_owner."""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from thads.read import _sources
from thads.read._shard import line_owner

IDS = st.sampled_from(
    ["C1", "C2", "C00000017", "c-9", " C1", "C1 ", "C 1", "", "Đ1", "C1\t", "\x7fX", "x"]
)
ROWS = st.lists(
    st.tuples(
        IDS,
        st.sampled_from([",2024-01-02,enforceable,,", "", ",a,b"]),
        st.sampled_from(["\n", "\r\n"]),
    ),
    min_size=1,
    max_size=30,
)


def _by_line(data: bytes, index: int, count: int) -> list[tuple[int, str]]:
    """The specification: each line after the header, as iterating the file gives it."""
    out = []
    for number, blob in enumerate(data.splitlines(keepends=True)[1:], 2):
        comma = blob.find(b",")
        key = blob[:comma] if comma >= 0 else blob.rstrip(b"\r\n")
        if line_owner(key, count) == index:
            out.append((number, blob.decode("utf-8")))
    return out


@settings(max_examples=150, deadline=None)
@given(ROWS, st.booleans(), st.integers(2, 3), st.sampled_from([1, 7, 64, 1 << 20]))
def test_a_part_keeps_the_lines_its_rule_gives_line_by_line(
    rows: list[tuple[str, str, str]], last_end: bool, count: int, block: int
) -> None:
    text = "case_id,date,kind,amount,ground\n" + "".join(i + r + e for i, r, e in rows)
    data = (text if last_end else text.rstrip("\r\n")).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "events.csv")
        path.write_bytes(data)
        for index in range(count):
            with mock.patch.object(_sources, "_OWN_BLOCK", block):
                own = _sources._OwnLines(path, (index, count))
                got = [(own.number, line) for line in own]
            assert got == _by_line(data, index, count)


def test_an_id_cleaned_otherwise_goes_where_its_case_goes(tmp_path: Path) -> None:
    """By hand: " C1" is C1 once cleaned, so its line goes to C1's part, though its
    bytes differ (its block is taken line by line); every line goes to one part."""
    path = tmp_path / "events.csv"
    path.write_bytes(b"case_id,date\nC1,2024-01-02\n C1,2024-01-03\nC2,2024-01-04\n")
    parts = []
    for index in range(2):
        own = _sources._OwnLines(path, (index, 2))
        parts.append([(own.number, line.split(",")[0]) for line in own])
    mine = next(k for k, part in enumerate(parts) if (2, "C1") in part)
    assert (3, " C1") in parts[mine]
    assert sorted(n for part in parts for n, _ in part) == [2, 3, 4]
