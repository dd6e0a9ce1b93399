"""Backup benchmark: create, verify and restore on the large demo beside plain file copies.

Run: ``python tests/benchmarks/bench_backup.py [--runs N] [--db FILE]``. Without --db the large
demo database is built once in a temporary folder (``prdesk.store.demo.fill_demo(db, "large")``;
a comparable database of ~100k rows when that module is missing). Baselines in the same run: a
bare ``sqlite3`` backup-API copy and ``shutil.copyfile`` of the same file. Target (issue 6): create,
verify and restore ≤ 3 s each on the large demo; the figures are medians of --runs runs.
"""

from __future__ import annotations

import argparse
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
PASSWORD = "رمز بنچمارک ۱۴۰۵"


def build_large(path: Path) -> None:
    """The large demo, or ~100k comparable rows when the demo module is not there yet."""
    db = open_database(path)
    try:
        from prdesk.store.demo import fill_demo
    except ImportError:
        fill_demo = None
    if fill_demo is not None:
        fill_demo(db, "large")
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
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="prdesk-bench-") as work:
        work = Path(work)
        db_path = args.db or work / "large.sqlite3"
        if args.db is None:
            print("building the large demo database…", flush=True)
            print(f"  built in {timed(lambda: build_large(db_path)):.1f} s")
        size = db_path.stat().st_size
        print(f"database: {db_path} ({size / 1e6:.1f} MB)")

        results: dict[str, list[float]] = {}

        def measure(name: str, work_fn) -> None:
            results.setdefault(name, []).append(timed(work_fn))

        for run in range(args.runs):
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
            shutil.copyfile(db_path, target)  # restore over a database of the same size
            measure("restore", lambda: backup.restore(target, plain, safety_folder=work / "safety"))
            measure("restore (password)", lambda: backup.restore(target, sealed, PASSWORD, safety_folder=work / "safety"))
            for p in (plain, sealed, *(work / "safety").iterdir()):
                p.unlink()

        base = statistics.median(results["sqlite3 backup API"])
        copy_base = statistics.median(results["shutil.copyfile"])
        print(f"\n{'operation':<22}{'median s':>10}{'× backup API':>14}{'× copyfile':>12}  target")
        failed = False
        for name, times in results.items():
            median = statistics.median(times)
            ours = not name.startswith(("shutil", "sqlite3"))
            verdict = ""
            if ours:
                ok = median <= TARGET_SECONDS
                failed |= not ok
                verdict = f"≤ {TARGET_SECONDS:.0f} s {'ok' if ok else 'MISSED'}"
            print(f"{name:<22}{median:>10.3f}{median / base:>14.1f}{median / copy_base:>12.1f}  {verdict}")
        print("\n(create = snapshot + integrity/foreign-key check + checksum + write + fsync + read-back;"
              " restore = verify + unpack + safety copy of the current database + replace + open)")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
