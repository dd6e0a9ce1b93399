"""Build resources/data/iran_lunar_predicted.json: lunar month starts beyond Iran's table, from the crescent.

Usage: python tools/build_crescent_table.py [--through YEAR] [--out PATH]

Starting from the last month start of ``resources/data/iran_lunar_months.json``, each following
month begins on the day after the first evening the crescent is seen from Iran by Odeh's criterion
(zone B, any of prdesk.core.crescent.IRAN_SITES), held to 29 or 30 days. The app reads the result
(prdesk.core.hijri) and never runs the astronomy per day. ``tests/benchmarks/bench_crescent.py``
back-tests the criterion on the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prdesk.core import crescent  # noqa: E402

FORMAT = 1
TABLE = ROOT / "resources" / "data" / "iran_lunar_months.json"
DEFAULT_OUT = ROOT / "resources" / "data" / "iran_lunar_predicted.json"
# hijridate's Umm al-Qura data, and so the app's lunar range, ends with 1500.
LAST_YEAR = 1500
ZONE = crescent.ZONE_B
CRITERION = (
    "Odeh (2004) zone B or better (V >= 2.0) at the best time (sunset + 4/9 lag), seen from any of "
    + ", ".join(site.name for site in crescent.IRAN_SITES)
    + "; months held to 29-30 days; computed with astronomy-engine"
)


def table_end(path: Path = TABLE) -> tuple[int, int, dt.date]:
    """The last (year, month, first day) of Iran's table: where the prediction starts from."""
    data = json.loads(path.read_text(encoding="utf-8"))
    year = max(data["months"], key=int)
    months = data["months"][year]
    return int(year), len(months), dt.date.fromisoformat(months[-1])


def build(through: int = LAST_YEAR, table: Path = TABLE) -> dict:
    """The JSON document: predicted month starts after the table, through month 1 of ``through + 1``."""
    year, month, start = table_end(table)
    count = (through + 1 - year) * 12 + 1 - month
    starts = crescent.chain(start, count, ZONE)
    years: dict[str, list[str]] = {}
    index = year * 12 + month - 1
    for day in starts:
        index += 1
        years.setdefault(str(index // 12), []).append(day.isoformat())
    return {
        "format": FORMAT,
        "calendar": "Iran lunar Hijri (qamari) calendar, predicted from the first visibility of the crescent",
        "criterion": CRITERION,
        "after": f"{year}/{month:02d}",
        "note": (
            "months[YEAR][i] is the predicted Gregorian date of day 1 of a month; the first entry is the month "
            "after 'after' (the last month start of iran_lunar_months.json)."
        ),
        "months": years,
    }


def render(document: dict) -> str:
    """The JSON text, one lunar year per line."""
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return re.sub(r'\[\n\s+("[^\]]*)\n\s+\]', lambda m: "[" + re.sub(r",\n\s+", ", ", m.group(1)) + "]", text) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Compute and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--through", type=int, default=LAST_YEAR, help="last lunar year to predict")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    document = build(args.through)
    args.out.write_text(render(document), encoding="utf-8")
    count = sum(len(v) for v in document["months"].values())
    print(f"{args.out}: {count} predicted month starts after {document['after']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
