"""Import benchmark: the 100,000-row CSV import against a bare csv→SQLite load of the same rows, same run.

Run: ``python tests/benchmarks/bench_import.py [--runs N] [--db FILE]``. Without --db the large demo
(10,000 organizations, 100,000 people) is built in a temporary folder. Its directory is exported to
CSV, then, alternately and each in a fresh process as the clerk starts it:

- ``prdesk --db NEW contacts import directory.csv`` (the console script's code path),
- the baseline, a plain load: a script with only the csv and sqlite3 modules that puts the same rows
  into the same tables of an empty prdesk database (made by ``prdesk check``, so with the same
  indexes, triggers and pragmas): each row's cells as they are into ``people``, one ``organizations``
  row (and its phone cell into ``org_phones``) per distinct organization name and city, keys made by
  joining the raw cells the real keys are made of, with ``executemany`` in batches in one
  transaction, and both search indexes (FTS5) filled at the end. No validation, no normalization,
  no matching: the least an import into this schema can do;
- for reference, the old bare load: the same file into one table without indexes.

Reported: the median wall time and CPU time (user + system) of each, the ratios and each process's
peak memory (max RSS). On a shared machine the CPU-time ratio is the steadier figure. The demo and
the export run in their own processes too, so no child inherits the parent's memory at fork.
Targets (issue 12): import ≤ 2.5× the plain load by CPU, peak ≤ 200 MiB.
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

PLAIN_LOAD = """
import csv, datetime, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
for pragma in ("busy_timeout = 10000", "foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL"):
    conn.execute(f"PRAGMA {pragma}")
stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
PEOPLE = {"honorific": "عنوان", "title": "لقب", "first_name": "نام", "last_name": "نام خانوادگی",
          "position": "سمت", "mobile": "همراه", "phone": "تلفن مستقیم", "email": "ایمیل",
          "birthday": "تاریخ تولد", "notes": "یادداشت"}
ORGS = {"name": "نام سازمان", "kind": "نوع", "activity": "نوع فعالیت", "registration_no": "شماره ثبت",
        "province": "استان", "city": "شهر", "address": "نشانی", "postal_code": "کد پستی", "fax": "نمابر",
        "email": "ایمیل سازمان", "website": "وبگاه", "notes": "یادداشت سازمان"}
with open(sys.argv[2], encoding="utf-8-sig", newline="") as fh:
    rows = csv.reader(fh)
    at = {name: i for i, name in enumerate(next(rows))}
    p_at = [at[h] for h in PEOPLE.values()]
    o_at = [at[h] for h in ORGS.values()]
    name_at, city_at, phones_at = at["نام سازمان"], at["شهر"], at["تلفن‌های سازمان"]
    first_at, last_at = at["نام"], at["نام خانوادگی"]
    # The cells a person's search key is made of besides the name (title, position, organization …).
    key_at = [at[h] for h in ("لقب", "سمت", "نام سازمان", "شهر", "همراه", "تلفن مستقیم", "ایمیل")]
    p_sql = (f"INSERT INTO people ({', '.join(PEOPLE)}, organization_id, created_at, updated_at, name_key, "
             f"sort_name, search_key) VALUES ({', '.join('?' * (len(PEOPLE) + 6))})")
    o_sql = (f"INSERT INTO organizations (id, {', '.join(ORGS)}, created_at, updated_at, name_key, sort_name, "
             f"search_key) VALUES ({', '.join('?' * (len(ORGS) + 6))})")
    ph_sql = "INSERT INTO org_phones (org_id, label, number, position) VALUES (?, ?, ?, ?)"
    conn.execute("BEGIN IMMEDIATE")
    orgs, people, organizations, phones = {}, [], [], []

    def flush():
        conn.executemany(o_sql, organizations)
        conn.executemany(ph_sql, phones)
        conn.executemany(p_sql, people)
        del people[:], organizations[:], phones[:]

    for row in rows:
        org_id = None
        if row[name_at]:
            key = (row[name_at], row[city_at])
            org_id = orgs.get(key)
            if org_id is None:
                org_id = orgs[key] = len(orgs) + 1
                organizations.append((org_id, *[row[i] for i in o_at], stamp, stamp, row[name_at], row[name_at],
                                      row[name_at] + " " + row[city_at]))
                if row[phones_at]:
                    phones.append((org_id, "", row[phones_at], 0))
        first, last = row[first_at], row[last_at]
        people.append((*[row[i] for i in p_at], org_id, stamp, stamp, first + last, last + " " + first,
                       " ".join(filter(None, (first + last, *[row[i] for i in key_at])))))
        if len(people) >= 1000:
            flush()
    flush()
    for table in ("people", "organizations"):
        conn.execute(f"INSERT INTO {table}_fts (rowid, search_key) SELECT id, search_key FROM {table}")
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
    parser.add_argument("--csv", type=Path, help="a directory CSV exported before (skips the export)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="prdesk-bench-import-") as work:
        work = Path(work)
        source = args.db or work / "large.sqlite3"
        if args.db is None and args.csv is None:
            prdesk("--db", str(source), "demo", "--size", "large")
        csv_path = args.csv or work / "directory.csv"
        if args.csv is None:
            prdesk("--db", str(source), "contacts", "export", "--format", "csv", "--out", str(csv_path))
        with csv_path.open(encoding="utf-8-sig", newline="") as fh:
            rows = sum(1 for _ in csv.reader(fh)) - 1
        print(f"CSV: {rows:,} rows, {csv_path.stat().st_size / 1e6:.1f} MB (the large demo's directory)")

        imports, plains, bares = [], [], []
        for run in range(args.runs):
            target, plain = work / f"import-{run}.sqlite3", work / f"plain-{run}.sqlite3"
            for empty in (target, plain):
                prdesk("--db", str(empty), "check")  # an empty, migrated database, as after the first start
            imports.append(timed([sys.executable, "-c", IMPORT, str(target), str(csv_path)]))
            plains.append(timed([sys.executable, "-c", PLAIN_LOAD, str(plain), str(csv_path)]))
            bares.append(timed([sys.executable, "-c", BARE_LOAD, str(work / f"bare-{run}.sqlite3"), str(csv_path)]))
            print(f"  run {run + 1}: import {imports[-1][0]:.1f} s wall, {imports[-1][1]:.1f} s CPU, "
                  f"{imports[-1][2]:.0f} MiB; plain load {plains[-1][0]:.1f} s wall, {plains[-1][1]:.1f} s CPU, "
                  f"{plains[-1][2]:.0f} MiB; bare load {bares[-1][0]:.1f} s wall, {bares[-1][1]:.1f} s CPU", flush=True)

        def median(results: list, i: int) -> float:
            return statistics.median(t[i] for t in results)

        import_s, plain_s, bare_s = median(imports, 0), median(plains, 0), median(bares, 0)
        import_cpu, plain_cpu, bare_cpu = median(imports, 1), median(plains, 1), median(bares, 1)
        peak = max(t[2] for t in imports)
        ratio = import_cpu / plain_cpu
        print(f"\nimport of {rows:,} rows: median {import_s:.1f} s wall, {import_cpu:.1f} s CPU, peak {peak:.0f} MiB")
        print(f"plain load of the same rows into the same tables and indexes: median {plain_s:.1f} s wall, "
              f"{plain_cpu:.1f} s CPU, peak {max(t[2] for t in plains):.0f} MiB")
        print(f"bare load into one table (reference): median {bare_s:.1f} s wall, {bare_cpu:.1f} s CPU "
              f"(import {import_cpu / bare_cpu:.1f}× by CPU)")
        print(f"ratio to the plain load {ratio:.2f} by CPU time, {import_s / plain_s:.2f} by wall time "
              f"(target ≤ {RATIO_TARGET}); peak {peak:.0f} MiB (target ≤ {PEAK_TARGET_MIB} MiB); load average "
              f"{os.getloadavg()[0]:.1f}")
        failures = [name for name, bad in (("ratio", ratio > RATIO_TARGET), ("peak", peak > PEAK_TARGET_MIB)) if bad]
        if failures:
            print("MISSED: " + ", ".join(failures))
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
