"""Contacts benchmark on the large demo: fill time, search, first page, count, CSV export and import.

Run: ``python tests/benchmarks/bench_contacts.py [--runs N] [--db FILE] [--skip-import]``. Without
--db the large demo (10,000 organizations, 100,000 people) is built in a temporary folder and its
fill time is reported. Every store-level figure is shown beside the same SQL statement run bare
on the same connection (``people_query`` gives the exact statement), and beside a plain
``SELECT … LIMIT 100`` on the people table. Targets (issue 3): search median ≤ 15 ms per query at
the store level with ratio ≤ 1.5 against the raw statement; import of a 100,000-row CSV ≤ 15 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from prdesk.core.contacts import ContactFilter  # noqa: E402
from prdesk.store import contacts as store  # noqa: E402
from prdesk.store import contacts_io  # noqa: E402
from prdesk.store.db import open_database  # noqa: E402
from prdesk.store.demo import fill_demo  # noqa: E402

SEARCH_TARGET_MS = 15.0
RATIO_TARGET = 1.5
IMPORT_TARGET_S = 15.0
# What a clerk types: names (with the other spelling and with a space), a city in Arabic letters,
# a mobile prefix in Persian digits, a position, an organization's words.
QUERIES = ("احمدی", "علی رضا", "كاشان", "۰۹۱۲۳", "مدیرعامل", "حسین‌زاده", "تعاونی مسکن", "رضایی یزد")
SHORT_QUERIES = ("ع", "مح")


def median_ms(work, runs: int) -> float:
    work()  # warm the page cache and the statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def paired_ms(store_work, raw_work, runs: int) -> tuple[float, float]:
    """Medians of the store call and its bare statement, run alternately so both see the same load."""
    store_work()
    raw_work()
    store_times, raw_times = [], []
    for _ in range(runs):
        for work, times in ((store_work, store_times), (raw_work, raw_times)):
            started = time.perf_counter()
            work()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(store_times), statistics.median(raw_times)


def raw(db, sql_and_params):
    sql, params = sql_and_params
    return lambda: db.conn.execute(sql, params).fetchall()


def row(label: str, store_ms: float, raw_ms: float, note: str = "") -> str:
    ratio = store_ms / raw_ms if raw_ms else float("inf")
    return f"  {label:<26} store {store_ms:8.2f} ms   raw SQL {raw_ms:8.2f} ms   ratio {ratio:5.2f}  {note}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, help="an existing large prdesk database to measure on")
    parser.add_argument("--skip-import", action="store_true", help="leave out the 100,000-row CSV export/import")
    args = parser.parse_args()
    failures = []

    with tempfile.TemporaryDirectory(prefix="prdesk-bench-") as work:
        work = Path(work)
        db_path = args.db or work / "large.sqlite3"
        if args.db is None:
            db = open_database(db_path)
            started = time.perf_counter()
            fill_demo(db, "large")
            print(f"demo fill (large: 10,000 organizations, 100,000 people): {time.perf_counter() - started:.1f} s")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.close()
        db = open_database(db_path)
        print(f"database: {db_path} ({db_path.stat().st_size / 1e6:.1f} MB), "
              f"{store.count_people(db):,} people, {store.count_organizations(db):,} organizations")

        bare = median_ms(lambda: db.conn.execute("SELECT * FROM people LIMIT 100").fetchall(), args.runs)
        print(f"\nbaseline: bare SELECT * FROM people LIMIT 100: {bare:.2f} ms")

        print(f"\nsearch (query_people, best match first, first 100 rows; median of {args.runs}):")
        medians = []
        for text in QUERIES + SHORT_QUERIES:
            f = ContactFilter(text=text)
            store_ms, raw_ms = paired_ms(lambda: store.query_people(db, f, None, 100),
                                         raw(db, store.people_query(f, None, False, 100, 0)), args.runs)
            matches = store.count_people(db, f)
            short = text in SHORT_QUERIES
            if not short:
                medians.append(store_ms)
                if store_ms / raw_ms > RATIO_TARGET:
                    failures.append(f"ratio for «{text}»")
            print(row(f"«{text}»", store_ms, raw_ms, f"{matches:>6,} matches" + ("  (1–2 letters: key scan)" if short else "")))
        overall = statistics.median(medians)
        print(f"  median over the typed queries: {overall:.2f} ms (target ≤ {SEARCH_TARGET_MS:.0f} ms)")
        if overall > SEARCH_TARGET_MS:
            failures.append("search median")

        print("\nsearch_contacts (people and organizations, best first, 20 rows):")
        for text in QUERIES[:4]:
            print(f"  «{text}»: {median_ms(lambda: store.search_contacts(db, text, 20), args.runs):.2f} ms")

        print("\nfirst page and count (what the contacts page asks when it opens or a filter changes):")
        for label, f, order in (
            ("all, by name", ContactFilter(), "name"),
            ("all, by organization", ContactFilter(), "organization"),
            ("all, by position", ContactFilter(), "position"),
            ("province اصفهان", ContactFilter(province="اصفهان"), "name"),
            ("kind بانک", ContactFilter(kind="بانک"), "name"),
            ("staff", ContactFilter(staff=True), "name"),
        ):
            store_ms, raw_ms = paired_ms(lambda: store.query_people(db, f, order, 100),
                                         raw(db, store.people_query(f, order, False, 100, 0)), args.runs)
            count_ms = median_ms(lambda: store.count_people(db, f), args.runs)
            print(row(label, store_ms, raw_ms, f"count {count_ms:6.2f} ms"))
        page_at = median_ms(lambda: store.query_people(db, ContactFilter(), "name", 100, 50_000), args.runs)
        print(f"  page at row 50,000 by name: {page_at:.2f} ms")
        orgs_ms = median_ms(lambda: store.query_organizations(db, ContactFilter(), "name", 100), args.runs)
        print(f"  organizations, first page by name: {orgs_ms:.2f} ms; "
              f"count {median_ms(lambda: store.count_organizations(db), args.runs):.2f} ms")

        if not args.skip_import:
            csv_path = work / "directory.csv"
            started = time.perf_counter()
            rows = contacts_io.export_csv(db, csv_path)
            print(f"\nCSV export of the directory: {rows:,} rows in {time.perf_counter() - started:.1f} s "
                  f"({csv_path.stat().st_size / 1e6:.1f} MB)")
            fresh = open_database(work / "imported.sqlite3")
            started = time.perf_counter()
            summary = contacts_io.import_contacts(fresh, csv_path)
            took = time.perf_counter() - started
            print(f"CSV import into a new database: {took:.1f} s (target ≤ {IMPORT_TARGET_S:.0f} s): "
                  f"{summary.imported_people:,} people, {summary.imported_organizations:,} organizations, "
                  f"{len(summary.skipped)} skipped")
            if took > IMPORT_TARGET_S:
                failures.append("import time")
            fresh.close()
        db.close()

    print("\nresult: " + ("all targets met" if not failures else "missed: " + ", ".join(failures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
