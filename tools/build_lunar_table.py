"""Build resources/data/iran_lunar_months.json from a TSV of Iran's official lunar month starts.

Usage: python tools/build_lunar_table.py REFERENCE.tsv [--out PATH] [--last-official YYYY/MM]

The TSV holds one row per lunar month, ``YYYY/MM<TAB>YYYY-MM-DD`` (the Gregorian date of day 1),
with ``#`` comment lines; a comment saying "Rows after YYYY/MM are ... predictions" marks where the
published calendar ends. The JSON written is the app's own format, read by prdesk.core.hijri.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

FORMAT = 1
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "data" / "iran_lunar_months.json"
SOURCE = (
    "Official calendar of the Calendar Center, Institute of Geophysics, University of Tehran "
    "(first day of each lunar Hijri month as observed in Iran; public-domain facts)"
)
_ROW = re.compile(r"^(\d{4})/(\d{2})\t(\d{4}-\d{2}-\d{2})\s*$")
_PREDICTIONS = re.compile(r"rows after (\d{4}/\d{2}) are", re.IGNORECASE)


def read_reference(path: Path) -> tuple[list[tuple[int, int, dt.date]], str | None]:
    """The (year, month, first day) rows of the TSV and the last published month, if it says."""
    rows: list[tuple[int, int, dt.date]] = []
    last_official = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("#"):
            found = _PREDICTIONS.search(line)
            if found:
                last_official = found.group(1)
            continue
        if not line.strip() or line.startswith("hijri_month"):
            continue
        match = _ROW.match(line)
        if not match:
            raise SystemExit(f"{path}:{number}: not a 'YYYY/MM<TAB>YYYY-MM-DD' row: {line!r}")
        year, month = int(match.group(1)), int(match.group(2))
        rows.append((year, month, dt.date.fromisoformat(match.group(3))))
    return rows, last_official


def check_rows(rows: list[tuple[int, int, dt.date]]) -> None:
    """Refuse a table with a missing month, a month out of order, or a month not 29 or 30 days."""
    if len(rows) < 2:
        raise SystemExit("the reference holds fewer than two months")
    for (y1, m1, d1), (y2, m2, d2) in zip(rows, rows[1:]):
        expected = (y1, m1 + 1) if m1 < 12 else (y1 + 1, 1)
        if (y2, m2) != expected:
            raise SystemExit(f"{y2}/{m2:02d} follows {y1}/{m1:02d}; expected {expected[0]}/{expected[1]:02d}")
        length = (d2 - d1).days
        if length not in (29, 30):
            raise SystemExit(f"{y1}/{m1:02d} would last {length} days (from {d1} to {d2})")


def build(rows: list[tuple[int, int, dt.date]], last_official: str) -> dict:
    """The JSON document: month starts grouped by lunar year, in month order."""
    if rows[0][1] != 1:
        raise SystemExit("the reference must start with a Muharram (month 01)")
    years: dict[str, list[str]] = {}
    for year, _month, first in rows:
        years.setdefault(str(year), []).append(first.isoformat())
    known = {f"{y}/{m:02d}" for y, m, _ in rows[:-1]}
    if last_official not in known:
        raise SystemExit(f"last official month {last_official} is not followed by another month in the table")
    return {
        "format": FORMAT,
        "calendar": "Iran official lunar Hijri (qamari) calendar",
        "source": SOURCE,
        "note": (
            "months[YEAR][i] is the Gregorian date of day 1 of month i+1; a month lasts until the "
            "next month's first day, so the last entry only closes the month before it. Months "
            "after last_official are the Calendar Center's predictions, not yet published."
        ),
        "last_official": last_official,
        "months": years,
    }


def main(argv: list[str] | None = None) -> int:
    """Read the reference, check it, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="the TSV of month starts")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument("--last-official", help="last published month YYYY/MM, if the TSV does not say")
    args = parser.parse_args(argv)
    rows, said = read_reference(args.reference)
    last_official = args.last_official or said
    if not last_official:
        raise SystemExit("the reference does not say which months are predictions; pass --last-official")
    check_rows(rows)
    document = build(rows, last_official)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    # One lunar year per line keeps the file readable and its diffs small.
    text = re.sub(r'\[\n\s+("[^\]]*)\n\s+\]', lambda m: "[" + re.sub(r",\n\s+", ", ", m.group(1)) + "]", text)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} month starts, {rows[0][0]}/01 to {rows[-1][0]}/{rows[-1][1]:02d}, "
          f"official through {last_official}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
