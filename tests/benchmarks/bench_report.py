"""Performance-report benchmark: a year's figures and its PDF on the large demo, beside the bare SQL.

Run: ``python tests/benchmarks/bench_report.py [--db FILE] [--runs N]``. Without ``--db`` it builds
the large demo (``prdesk demo --size large``) in a temporary folder first. In one process it times
the figures of the current Jalali year (with the previous year and the year before compared), the
PDF and the XLSX of that report, and as the baseline the same periods counted by bare GROUP BY
statements on the same tables. Targets (issue 15): figures ≤ 3 s, PDF ≤ 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from prdesk.core.activity import previous_period, same_period_last_year, year_period  # noqa: E402
from prdesk.core.jalali import jalali_parts, today  # noqa: E402
from prdesk.printing.performance import render_performance  # noqa: E402
from prdesk.store.db import open_database  # noqa: E402
from prdesk.store.report import summary, summary_xlsx  # noqa: E402


def timed(call, runs: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def bare(db, periods) -> None:
    """The same counts as plain statements: the baseline."""
    for p in periods:
        bounds = [p.start.isoformat(), p.end.isoformat()]
        high = [p.start.isoformat(), p.end.isoformat() + "T99"]
        db.execute("SELECT status, count(*) FROM letters WHERE date BETWEEN ? AND ? GROUP BY status", bounds).fetchall()
        db.execute("SELECT type, status, count(*) FROM events WHERE date BETWEEN ? AND ? GROUP BY type, status", bounds).fetchall()
        for table in ("organizations", "people"):
            db.execute(f"SELECT count(*) FROM {table} WHERE created_at BETWEEN ? AND ?", high).fetchall()
            db.execute(f"SELECT count(*) FROM {table} WHERE updated_at BETWEEN ? AND ?", high).fetchall()
        for column in ("kind", "level", "tone", "outlet"):
            db.execute(f"SELECT {column}, count(*) FROM activities WHERE date BETWEEN ? AND ? GROUP BY {column}", bounds).fetchall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database made by `prdesk demo --size large` (built when not given)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db
        if path is None:
            path = Path(folder) / "large.sqlite3"
            print("building the large demo …", flush=True)
            subprocess.run([sys.executable, "-m", "prdesk", "--db", str(path), "demo", "--size", "large"], check=True)
        db = open_database(path)
        period = year_period(jalali_parts(today())[0])
        periods = [period, previous_period(period), same_period_last_year(period)]
        entries = db.execute("SELECT count(*) FROM activities").fetchone()[0]
        people = db.execute("SELECT count(*) FROM people").fetchone()[0]
        print(f"database: {path} ({people:,} people, {entries:,} media entries); period: {period.title}")
        base, _ = timed(lambda: bare(db, periods), args.runs)
        figures, result = timed(lambda: summary(db, period), args.runs)
        pdf, data = timed(lambda: render_performance(db, period, result=result), max(1, args.runs // 2))
        xlsx, _ = timed(lambda: summary_xlsx(result), max(1, args.runs // 2))
        print(f"bare SQL of the same counts: {base * 1000:8.1f} ms")
        print(f"figures (three periods):     {figures * 1000:8.1f} ms  ({figures / base:.1f}× bare; target ≤ 3 s)")
        print(f"PDF ({len(data) // 1024} KB):               {pdf * 1000:8.1f} ms  (target ≤ 5 s)")
        print(f"XLSX:                        {xlsx * 1000:8.1f} ms")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
