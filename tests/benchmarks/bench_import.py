"""Import benchmark: the 100,000-row CSV import against a bare csv→SQLite load of the same rows, same run.

Run: ``python tests/benchmarks/bench_import.py [--runs N] [--db FILE]``. Without --db the large demo
(10,000 organizations, 100,000 people) is built in a temporary folder. Its directory is exported to
CSV, then, alternately and each in a fresh process as the clerk starts it:

- ``prdesk --db NEW contacts import directory.csv`` (the console script's code path), and
- a bare script that reads the same file with the csv module and inserts every row into one SQLite
  table in one transaction (the least any import can do).

Reported: the median wall time of each, their ratio and each process's peak memory (max RSS).
Targets (issue 12): ratio ≤ 2.5, peak ≤ 200 MiB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

RATIO_TARGET = 2.5
PEAK_TARGET_MIB = 200

BARE_LOAD = """
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = FULL")
with open(sys.argv[2], encoding="utf-8-sig", newline="") as fh:
    rows = csv.reader(fh)
    header = next(rows)
    columns = ", ".join(f"c{i} TEXT" for i in range(len(header)))
    conn.execute(f"CREATE TABLE sheet ({columns})")
    marks = ", ".join("?" for _ in header)
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO sheet VALUES ({marks})", rows)
    conn.execute("COMMIT")
conn.close()
"""

IMPORT = """
import sys
from prdesk.cli import main
sys.argv = ["prdesk", "--db", sys.argv[1], "contacts", "import", sys.argv[2], "--json"]
main()
"""


def timed(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of a fresh process running ``args``."""
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{args[:3]} failed: {child.stderr.read().decode(errors='replace')[-2000:]}")
    child.stderr.close()
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return took, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing large prdesk database whose directory is exported")
    args = parser.parse_args()

    from prdesk.store import contacts_io
    from prdesk.store.db import open_database
    from prdesk.store.demo import fill_demo

    with tempfile.TemporaryDirectory(prefix="prdesk-bench-import-") as work:
        work = Path(work)
        source = args.db or work / "large.sqlite3"
        db = open_database(source)
        if args.db is None:
            fill_demo(db, "large")
        csv_path = work / "directory.csv"
        rows = contacts_io.export_csv(db, csv_path)
        db.close()
        print(f"CSV: {rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB (the large demo's directory)")

        imports, bares = [], []
        for run in range(args.runs):
            target = work / f"import-{run}.sqlite3"
            from prdesk.store.db import open_database as fresh

            fresh(target).close()  # an empty, migrated database, as after the first start
            imports.append(timed([sys.executable, "-c", IMPORT, str(target), str(csv_path)]))
            bares.append(timed([sys.executable, "-c", BARE_LOAD, str(work / f"bare-{run}.sqlite3"), str(csv_path)]))
            print(f"  run {run + 1}: import {imports[-1][0]:.1f} s ({imports[-1][1]:.0f} MiB), "
                  f"bare load {bares[-1][0]:.1f} s ({bares[-1][1]:.0f} MiB)")

        import_s = statistics.median(t for t, _ in imports)
        bare_s = statistics.median(t for t, _ in bares)
        peak = max(m for _, m in imports)
        ratio = import_s / bare_s
        print(f"\nimport of {rows:,} rows: median {import_s:.1f} s, peak {peak:.0f} MiB")
        print(f"bare csv→SQLite load of the same rows: median {bare_s:.1f} s, peak {max(m for _, m in bares):.0f} MiB")
        print(f"ratio {ratio:.2f} (target ≤ {RATIO_TARGET}); peak {peak:.0f} MiB (target ≤ {PEAK_TARGET_MIB} MiB)")
        failures = [name for name, bad in (("ratio", ratio > RATIO_TARGET), ("peak", peak > PEAK_TARGET_MIB)) if bad]
        if failures:
            print("MISSED: " + ", ".join(failures))
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
