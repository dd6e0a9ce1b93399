"""Back-test of the crescent prediction against Iran's table: how many month starts it gets right.

Usage: python tests/benchmarks/bench_crescent.py [REFERENCE.tsv]

For each month start of the reference (1420/01–1449/01 as published, and the Calendar Center's
1449 predictions), the month is predicted from the conjunction alone (Odeh 2004 at the best time,
from the points of prdesk.core.crescent.IRAN_SITES, or from Tehran alone) and compared with the
day in the table, beside Umm al-Qura and Umm al-Qura + 1 day. The app keeps the crescent beyond the
table only because it beats both (figures in the README).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from hijridate import Hijri

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from prdesk.core import crescent  # noqa: E402

REFERENCE = next(
    (folder / "iran-hijri-month-starts.tsv" for folder in (ROOT.parent / "shared" / "reference", Path("/work/shared/reference"))
     if (folder / "iran-hijri-month-starts.tsv").is_file()),
    ROOT.parent / "shared" / "reference" / "iran-hijri-month-starts.tsv",
)
ZONES = {"A (naked eye)": crescent.ZONE_A, "B (the app's)": crescent.ZONE_B, "C (optical aid)": crescent.ZONE_C}


def rows(path: Path) -> list[tuple[int, int, dt.date]]:
    """(year, month, first day) of every month start in the reference."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line[:1].isdigit():
            month, first = line.split("\t")
            year, number = month.split("/")
            found.append((int(year), int(number), dt.date.fromisoformat(first.strip())))
    return found


def first_visible(evenings: dict[dt.date, float], zone: float) -> dt.date:
    for day in sorted(evenings):
        if evenings[day] >= zone:
            return day + dt.timedelta(days=1)
    return max(evenings) + dt.timedelta(days=1)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else REFERENCE
    table = rows(path)
    started = time.perf_counter()
    results = []
    for year, month, first in table:
        uq = Hijri(year, month, 1).to_gregorian()
        uq = dt.date(uq.year, uq.month, uq.day)
        new_moon = crescent.conjunction(uq)
        day = (new_moon + dt.timedelta(hours=3.5)).date()
        iran: dict[dt.date, float] = {}
        tehran: dict[dt.date, float] = {}
        for k in range(4):
            evening = day + dt.timedelta(days=k)
            seen = [crescent.evening(evening, site) for site in crescent.IRAN_SITES]
            values = [e.v if e is not None and e.possible else -99.0 for e in seen]
            iran[evening], tehran[evening] = max(values), values[0]
        results.append((year, month, first, uq, iran, tehran))
    elapsed = time.perf_counter() - started
    parts = {
        "published and predicted 1420/01-1449/01": [r for r in results if (r[0], r[1]) <= (1449, 1)],
        "Calendar Center's predictions 1449/02-1450/01": [r for r in results if (r[0], r[1]) > (1449, 1)],
    }
    for name, chosen in parts.items():
        n = len(chosen)
        print(f"{name}: {n} month starts")
        print(f"  Umm al-Qura          {sum(r[3] == r[2] for r in chosen):4d}")
        print(f"  Umm al-Qura + 1 day  {sum(r[3] + dt.timedelta(days=1) == r[2] for r in chosen):4d}")
        for label, zone in ZONES.items():
            across = sum(first_visible(r[4], zone) == r[2] for r in chosen)
            alone = sum(first_visible(r[5], zone) == r[2] for r in chosen)
            print(f"  Odeh zone {label:16s} across Iran {across:4d}   Tehran alone {alone:4d}")
    print(f"computed in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
