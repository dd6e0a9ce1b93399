"""Pages on the large demo: the contacts page's first rows and memory, the calendar's year model and month switch.

Run: ``python tests/benchmarks/bench_pages.py [--db FILE] [--runs N]``. Each figure is shown beside a
plain baseline measured in the same run: a QTableView over a QStandardItemModel of 100 rows read with a
bare ``SELECT … LIMIT 100`` (for the page), and the bare SQL read of the same events (for the model).
Targets: contacts page first rows ≤ 300 ms and peak memory ≤ 200 MB (issue 3); year model with 2,000
events ≤ 50 ms and a month switch ≤ 100 ms (issue 5).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from prdesk.core import jalali  # noqa: E402
from prdesk.store import calendar as cal  # noqa: E402
from prdesk.store.db import open_database  # noqa: E402
from prdesk.store.demo import fill_demo  # noqa: E402
from prdesk.ui.app import create_main_window, prepare_application  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def add_events(db, year: int, count: int = 2000) -> None:
    """2,000 office events in the year, a tenth of them recurring monthly (the issue's benchmark)."""
    if db.execute("SELECT count(*) FROM events").fetchone()[0] >= count:
        return
    first = jalali.to_gregorian(year, 1, 1)
    for i in range(count):
        cal.add_event(db, {
            "title": f"جلسهٔ هماهنگی {i}", "type": "meeting", "date": jalali.format_jalali_iso(first + dt.timedelta(days=i % 365)),
            "all_day": True, "recurrence": "monthly_jalali" if i % 10 == 0 else "none",
        })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database (copied, not changed)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="prdesk-bench-pages-"))
    db_path = tmp / "large.sqlite3"
    if args.db:
        shutil.copyfile(args.db, db_path)
    db = open_database(db_path)
    if not args.db:
        fill_demo(db, "large")
    year = 1405
    t = time.perf_counter()
    add_events(db, year)
    print(f"database: {db_path.stat().st_size / 2**20:.0f} MiB; 2,000 events added in {time.perf_counter() - t:.1f} s")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare_application(app, "fa")

    # Baseline: a plain table of 100 rows from a bare query.
    def bare_table() -> float:
        started = time.perf_counter()
        rows = db.execute("SELECT first_name, last_name, position, mobile FROM people LIMIT 100").fetchall()
        model = QStandardItemModel(len(rows), 4)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                model.setItem(r, c, QStandardItem(str(value or "")))
        view = QTableView()
        view.setModel(model)
        view.resize(1000, 700)
        view.show()
        app.processEvents()
        elapsed = time.perf_counter() - started
        view.close()
        return elapsed

    window = create_main_window(db, db_path)
    window.resize(1400, 860)
    window.show()
    app.processEvents()

    def open_contacts() -> float:
        window.show_page("dashboard")
        app.processEvents()
        started = time.perf_counter()
        window.show_page("contacts")
        page = window.pages["contacts"]
        app.processEvents()
        while page.people.rowCount() == 0:
            app.processEvents()
        return time.perf_counter() - started

    bare = statistics.median(bare_table() for _ in range(args.runs))
    first_open = open_contacts()
    again = statistics.median(open_contacts() for _ in range(args.runs))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"contacts page, first rows (first visit) {ms(first_open)}   bare 100-row table {ms(bare)}   ratio {first_open / bare:5.1f}x  (target <= 300 ms)")
    print(f"contacts page, first rows (again)       {ms(again)}")
    print(f"peak memory with the contacts page open {peak:8.0f} MiB  (target <= 200 MB)")

    # The year model with 2,000 events, beside a bare read of those events.
    start, end = jalali.to_gregorian(year, 1, 1), jalali.to_gregorian(year + 1, 1, 1) - dt.timedelta(days=1)

    def bare_events() -> float:
        started = time.perf_counter()
        db.execute("SELECT * FROM events WHERE date BETWEEN ? AND ? OR recurrence != 'none'", [start.isoformat(), end.isoformat()]).fetchall()
        return time.perf_counter() - started

    def model(fn) -> float:
        started = time.perf_counter()
        fn()
        return time.perf_counter() - started

    bare_ev = statistics.median(bare_events() for _ in range(args.runs))
    events_only = tmp / "events.sqlite3"
    edb = open_database(events_only)
    add_events(edb, year)
    cal.year_model(edb, year)
    ym_events = statistics.median(model(lambda: cal.year_model(edb, year)) for _ in range(args.runs))
    ym_large = statistics.median(model(lambda: cal.year_model(db, year)) for _ in range(3))
    print(f"year model, 2,000 events                {ms(ym_events)}   bare read of the events {ms(bare_ev)}  (target <= 50 ms)")
    print(f"year model, 2,000 events + 100,000 people's birthdays {ms(ym_large)}")

    # Switching the month view on the large demo (model + grid), each month of the year, cold then warm.
    window.show_page("calendar")
    page = window.pages["calendar"]
    app.processEvents()
    switches = []
    for month in list(range(1, 13)) * 2:
        started = time.perf_counter()
        page.show_date(jalali.to_gregorian(year, month, 1))
        app.processEvents()
        switches.append(time.perf_counter() - started)
    cold, warm = switches[:12], switches[12:]
    print(f"month switch, first visit: median {ms(statistics.median(cold))}, worst {ms(max(cold))}  (target <= 100 ms)")
    print(f"month switch, again:       median {ms(statistics.median(warm))}, worst {ms(max(warm))}")
    window.close()
    db.close()
    edb.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
