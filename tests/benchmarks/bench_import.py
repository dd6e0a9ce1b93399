"""Import benchmark: the 100,000-row CSV import against a bare csv→SQLite load of the same rows, same run.

Run: ``python tests/benchmarks/bench_import.py [--runs N] [--db FILE]``. Without --db the large demo
(10,000 organizations, 100,000 people) is built in a temporary folder. Its directory is exported to
CSV, then, alternately and each in a fresh process as the clerk starts it:

- ``prdesk --db NEW contacts import directory.csv`` (the console script's code path), and
- a bare script that reads the same file with the csv module and inserts every row into one SQLite
  table in one transaction (the least any import can do).

Reported: the median wall time and CPU time (user + system) of each, their ratios and each process's
peak memory (max RSS). On a shared machine the CPU-time ratio is the steadier figure. The demo and
the export run in their own processes too, so no child inherits the parent's memory at fork.
Targets (issue 12): ratio ≤ 2.5, peak ≤ 200 MiB.
"""

from __future__ import annotations

import argparse
import csv
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


def timed(args: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s) and peak memory (MiB) of a fresh process running ``args``."""
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{args[:3]} failed: {child.stderr.read().decode(errors='replace')[-2000:]}")
    child.stderr.close()
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return took, usage.ru_utime + usage.ru_stime, peak


def prdesk(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "prdesk", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing large prdesk database whose directory is exported")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="prdesk-bench-import-") as work:
        work = Path(work)
        source = args.db or work / "large.sqlite3"
        if args.db is None:
            prdesk("--db", str(source), "demo", "--size", "large")
        csv_path = work / "directory.csv"
        prdesk("--db", str(source), "contacts", "export", "--format", "csv", "--out", str(csv_path))
        with csv_path.open(encoding="utf-8-sig", newline="") as fh:
            rows = sum(1 for _ in csv.reader(fh)) - 1
        print(f"CSV: {rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB (the large demo's directory)")

        imports, bares = [], []
        for run in range(args.runs):
            target = work / f"import-{run}.sqlite3"
            prdesk("--db", str(target), "check")  # an empty, migrated database, as after the first start
            imports.append(timed([sys.executable, "-c", IMPORT, str(target), str(csv_path)]))
            bares.append(timed([sys.executable, "-c", BARE_LOAD, str(work / f"bare-{run}.sqlite3"), str(csv_path)]))
            print(f"  run {run + 1}: import {imports[-1][0]:.1f} s wall, {imports[-1][1]:.1f} s CPU, "
                  f"{imports[-1][2]:.0f} MiB; bare load {bares[-1][0]:.1f} s wall, {bares[-1][1]:.1f} s CPU, "
                  f"{bares[-1][2]:.0f} MiB")

        import_s, bare_s = statistics.median(t[0] for t in imports), statistics.median(t[0] for t in bares)
        import_cpu, bare_cpu = statistics.median(t[1] for t in imports), statistics.median(t[1] for t in bares)
        peak = max(t[2] for t in imports)
        ratio = import_cpu / bare_cpu
        print(f"\nimport of {rows:,} rows: median {import_s:.1f} s wall, {import_cpu:.1f} s CPU, peak {peak:.0f} MiB")
        print(f"bare csv→SQLite load of the same rows: median {bare_s:.1f} s wall, {bare_cpu:.1f} s CPU, "
              f"peak {max(t[2] for t in bares):.0f} MiB")
        print(f"ratio {ratio:.2f} by CPU time, {import_s / bare_s:.2f} by wall time (target ≤ {RATIO_TARGET}); "
              f"peak {peak:.0f} MiB (target ≤ {PEAK_TARGET_MIB} MiB)")
        failures = [name for name, bad in (("ratio", ratio > RATIO_TARGET), ("peak", peak > PEAK_TARGET_MIB)) if bad]
        if failures:
            print("MISSED: " + ", ".join(failures))
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
