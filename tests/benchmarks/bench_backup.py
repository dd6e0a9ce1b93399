"""Backup benchmark: create, verify and restore on the large demo beside plain file copies.

Run: ``python tests/benchmarks/bench_backup.py [--runs N] [--db FILE] [--sizes small,office]``.
Without --db the large demo database is built once in a temporary folder (as ``prdesk demo --size
large`` builds it); --sizes also builds those demo sizes and measures each. Baselines in the same
run: a bare ``sqlite3`` backup-API copy and ``shutil.copyfile`` of the same file. Targets (issue 12
§6): create, verify and restore ≤ 3 s each on the large demo, with and without a password, and
create ≤ 4× the backup API at every demo size; the figures are medians of --runs runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from prdesk.store import backup  # noqa: E402
from prdesk.store.db import open_database  # noqa: E402

TARGET_SECONDS = 3.0
TARGET_RATIO = 4.0  # create against the bare backup API, at every size
PASSWORD = "رمز بنچمارک ۱۴۰۵"


def build_large(path: Path, size: str = "large") -> None:
    """A demo database of ``size``, or ~100k comparable rows when the demo module is not there yet."""
    db = open_database(path)
    try:
        from prdesk.store.demo import fill_demo
    except ImportError:
        fill_demo = None
    if fill_demo is not None:
        fill_demo(db, size)
    else:
        db.execute("CREATE TABLE bench_people (id INTEGER PRIMARY KEY, name TEXT, phone TEXT, notes TEXT)")
        with db.atomic():
            db["bench_people"].insert_all(
                ({"name": f"نام {i}", "phone": f"0912{i:07d}", "notes": "یادداشت " * 40} for i in range(100_000)),
                batch_size=5000,
            )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def bare_backup_api(source: Path, dest: Path) -> None:
    src = sqlite3.connect(source)
    out = sqlite3.connect(dest)
    src.backup(out)
    out.close()
    src.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing prdesk database to measure on")
    parser.add_argument("--sizes", default="", help="also build and measure these demo sizes, e.g. small,office")
    args = parser.parse_args()

    failed = False
    with tempfile.TemporaryDirectory(prefix="prdesk-bench-") as work:
        work = Path(work)
        databases = []
        for size in [s for s in args.sizes.split(",") if s]:
            path = work / f"{size}.sqlite3"
            print(f"building the {size} demo…", flush=True)
            build_large(path, size)
            databases.append((size, path))
        if args.db is None:
            path = work / "large.sqlite3"
            print("building the large demo database…", flush=True)
            print(f"  built in {timed(lambda: build_large(path)):.1f} s")
            databases.append(("large", path))
        else:
            databases.append(("given", args.db))
        for label, db_path in databases:
            failed |= measure_database(label, db_path, work, args.runs, time_target=label in ("large", "given"))
    return 1 if failed else 0


def measure_database(label: str, db_path: Path, work: Path, runs: int, time_target: bool) -> bool:
    """Measure one database; True when a target was missed."""
    size = db_path.stat().st_size
    print(f"\n== {label}: {db_path} ({size / 1e6:.1f} MB)")
    results: dict[str, list[float]] = {}

    def measure(name: str, work_fn) -> None:
        results.setdefault(name, []).append(timed(work_fn))

    for run in range(runs):
        copy = work / f"copy-{run}.sqlite3"
        measure("shutil.copyfile", lambda: shutil.copyfile(db_path, copy))
        copy.unlink()
        measure("sqlite3 backup API", lambda: bare_backup_api(db_path, copy))
        copy.unlink()
        plain = work / f"plain-{run}.prdesk-backup"
        sealed = work / f"sealed-{run}.prdesk-backup"
        measure("create", lambda: backup.create(db_path, plain))
        measure("create (password)", lambda: backup.create(db_path, sealed, PASSWORD))
        measure("verify", lambda: backup.verify(plain))
        measure("verify (password)", lambda: backup.verify(sealed, PASSWORD))
        target = work / "restored" / "prdesk.sqlite3"
        target.parent.mkdir(exist_ok=True)
        # Restore over a database of the same size, on the disk as SQLite leaves a file it works on
        # (its checkpoints fsync it): the copy's 500 MB of pages not yet written are not the restore's.
        shutil.copyfile(db_path, target)
        with target.open("rb+") as fh:
            os.fsync(fh.fileno())
        measure("restore", lambda: backup.restore(target, plain, safety_folder=work / "safety"))
        measure("restore (password)", lambda: backup.restore(target, sealed, PASSWORD, safety_folder=work / "safety"))
        for p in (plain, sealed, *(work / "safety").iterdir()):
            p.unlink()

    base = statistics.median(results["sqlite3 backup API"])
    copy_base = statistics.median(results["shutil.copyfile"])
    print(f"{'operation':<22}{'median s':>10}{'× backup API':>14}{'× copyfile':>12}  target")
    failed = False
    for name, times in results.items():
        median = statistics.median(times)
        ours = not name.startswith(("shutil", "sqlite3"))
        verdict = []
        if ours and time_target:
            ok = median <= TARGET_SECONDS
            failed |= not ok
            verdict.append(f"≤ {TARGET_SECONDS:.0f} s {'ok' if ok else 'MISSED'}")
        if name == "create":
            ok = median / base <= TARGET_RATIO
            failed |= not ok
            verdict.append(f"≤ {TARGET_RATIO:.0f}× backup API {'ok' if ok else 'MISSED'}")
        print(f"{name:<22}{median:>10.3f}{median / base:>14.1f}{median / copy_base:>12.1f}  {', '.join(verdict)}")
    print("(create = snapshot + checksum + write with the quick and foreign-key checks beside it + fsync beside"
          " the read-back; verify = unpack + checksums + the schema and count reads (the checks the manifest"
          " vouches for are not run again); restore = the same check and an fsynced unpack beside a safety copy"
          " of the current database + replace + open)")
    return failed

if __name__ == "__main__":
    sys.exit(main())
