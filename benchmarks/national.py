"""A deterministic generator of national-scale synthetic data (interchange format v1).

34 provinces, 355 area offices (Phòng THADS khu vực) with about 10 executors each, cases
accepted over the five statistical years 2022-2026, and a mix of histories: partial
collections, postponements on each ground of Art. 48(1), suspensions, resumptions,
reductions, entrusted, withdrawn, terminated, moves to the separate register. The
figures are synthetic (not calibrated to any published report); the same size and seed
always give the same files, sorted by case_id as :func:`thads.write_cases` writes them.

    python benchmarks/national.py --cases 1000000 --out /tmp/national
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

PROVINCES = 34
AREAS = 355
EXECUTORS_PER_AREA = 10
FIRST_DAY = date(2021, 10, 1)
LAST_DAY = date(2026, 9, 30)
GROUNDS = ("48.1.a", "48.1.b", "48.1.c", "48.1.d", "48.1.đ", "48.1.e", "48.1.g", "48.1.h")
NEW_LAW = date(2026, 7, 1)
"""From this day the reader reads grounds under Law 106/2025/QH15 (thads.rules.read_ground)."""
KINDS = ("civil", "criminal", "administrative", "marriage_family", "business_commercial", "labour")


def offices() -> list[tuple[str, str]]:
    """(area office code, province code) for every area office."""
    out = []
    for area in range(AREAS):
        province = area * PROVINCES // AREAS
        out.append((f"P{province:02d}A{area:03d}", f"P{province:02d}"))
    return out


def generate(size: int, out_dir: Path, seed: int = 2026) -> tuple[Path, Path]:
    """Write ``cases.csv`` and ``events.csv`` with ``size`` cases into ``out_dir``."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    areas = offices()
    span = (LAST_DAY - FIRST_DAY).days
    cases_path, events_path = out_dir / "cases.csv", out_dir / "events.csv"
    with (
        open(cases_path, "w", encoding="utf-8", newline="") as case_file,
        open(events_path, "w", encoding="utf-8", newline="") as event_file,
    ):
        cases = csv.writer(case_file, lineterminator="\n")
        events = csv.writer(event_file, lineterminator="\n")
        cases.writerow(
            ["case_id", "office", "executor", "mode", "judgment_kind", "judgment_ref",
             "judgment_effective", "accepted_on", "amount", "creditor", "due_on"]
        )  # fmt: skip
        events.writerow(["case_id", "date", "kind", "amount", "ground"])
        for n in range(size):
            case_id = f"C{n:08d}"
            office, _province = areas[rng.randrange(AREAS)]
            executor = f"{office}E{rng.randrange(EXECUTORS_PER_AREA)}"
            accepted = FIRST_DAY + timedelta(days=rng.randrange(span))
            money = rng.random() < 0.7
            amount = rng.randrange(1, 2000) * 500_000 if money else 0
            creditor = rng.choice(("state", "state", "private", "credit_institution"))
            mode = "active" if creditor == "state" else "on_request"
            cases.writerow(
                [case_id, office, executor, mode, rng.choice(KINDS), f"{n}/BA",
                 (accepted - timedelta(days=30)).isoformat(), accepted.isoformat(),
                 amount, creditor, ""]
            )  # fmt: skip
            for day, kind, value, ground in _history(rng, accepted, amount):
                events.writerow([case_id, day.isoformat(), kind, value or "", ground])
    return cases_path, events_path


def _history(rng: random.Random, accepted: date, amount: int) -> list[tuple[date, str, int, str]]:
    """A plausible history: classification, stays, collections, then maybe a closing."""
    out: list[tuple[date, str, int, str]] = []
    day = accepted
    owed = amount

    def later(most: int) -> date:
        nonlocal day
        day = day + timedelta(days=rng.randrange(0, most))
        return day

    if rng.random() < 0.08:  # entrusted or withdrawn early
        out.append((later(60), rng.choice(("entrusted", "withdrawn")), 0, ""))
        return out
    if rng.random() < 0.25:
        out.append((later(90), "unenforceable", 0, ""))
        if rng.random() < 0.3:
            out.append((later(700), "separate_register", 0, ""))
            return out
        if rng.random() < 0.5:
            out.append((later(400), "enforceable", 0, ""))
    else:
        out.append((later(45), "enforceable", 0, ""))
    if rng.random() < 0.15:
        if rng.random() < 0.7:
            on = later(200)
            ground = rng.choice(GROUNDS)
            if on >= NEW_LAW:  # Law 106/2025/QH15 numbers the grounds of Art. 48(1) 46.1
                ground = "46" + ground[2:]
            out.append((on, "postponed", 0, ground))
        else:
            out.append((later(200), "suspended", 0, ""))
        if rng.random() < 0.5:
            out.append((later(200), "resumed", 0, ""))
    for _ in range(rng.choice((0, 1, 1, 2))):
        if owed <= 1:
            break
        part = rng.randrange(1, owed)
        kind = "reduced" if rng.random() < 0.1 else "collected"
        out.append((later(300), kind, part, ""))
        owed -= part
    roll = rng.random()
    if roll < 0.55:
        if owed and rng.random() < 0.8:
            out.append((later(200), "collected", owed, ""))
        out.append((later(30), "completed", 0, ""))
    elif roll < 0.62:
        out.append((later(300), "terminated", 0, ""))
    elif roll < 0.65:
        out.append((later(300), "entrusted", 0, ""))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    generate(args.cases, args.out, args.seed)


if __name__ == "__main__":
    main()
