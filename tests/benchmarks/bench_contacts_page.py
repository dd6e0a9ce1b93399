"""Contacts page on the large demo: scrolling to the end of 100,000 people, and saving with 10,000 selected.

Run: ``python tests/benchmarks/bench_contacts_page.py [--db FILE]`` (a copy of the database is used;
without --db the large demo is built, about 15 s). The page is the real one, in the real window.

- Scrolling: every batch the view asks for (``fetchMore``) on the way to row 100,000 is timed; the
  worst is printed beside the first one and beside one batch near the end read by ``LIMIT/OFFSET``
  as the page did before (the same statement otherwise). Target (issue 12 §5): the worst batch
  costs about what the first costs, wherever it is.
- Saving: 10,000 rows are selected, one person is saved through the window's operation runner (as
  the person dialog does), and the time until the page has reloaded and selected them again is
  printed beside the bare SQL read of the same rows. Target: ≤ 150 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from prdesk.core.contacts import ContactFilter  # noqa: E402
from prdesk.store import contacts as store  # noqa: E402
from prdesk.store.db import open_database  # noqa: E402
from prdesk.ui.app import create_main_window  # noqa: E402
from prdesk.ui.pages.contacts import PEOPLE_TAB  # noqa: E402

SAVE_TARGET_MS = 150
SELECTED = 10_000


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large demo database (copied, not changed)")
    parser.add_argument("--saves", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="prdesk-bench-contacts-page-"))
    db_path = tmp / "large.sqlite3"
    if args.db:
        shutil.copy(args.db, db_path)
    else:
        from prdesk.store.demo import fill_demo

        db = open_database(db_path)
        fill_demo(db, "large")
        db.close()
    app = QApplication.instance() or QApplication([])
    db = open_database(db_path)
    window = create_main_window(db, db_path)
    window.show()
    window.show_page("contacts")
    page = window.pages["contacts"]
    while not page._loaded:
        app.processEvents()
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    view, model = page.people_view, page.people
    app.processEvents()

    # --- scrolling to the end ---------------------------------------------------------------
    batches = []
    started = time.perf_counter()
    while model.canFetchMore(QModelIndex()):
        t = time.perf_counter()
        model.fetchMore(QModelIndex())
        view.scrollToBottom()
        app.processEvents()
        batches.append(time.perf_counter() - t)
    total = time.perf_counter() - started
    f = ContactFilter()
    t = time.perf_counter()
    store.query_people(db, f, None, 200, offset=model.total - 200)
    offset_batch = time.perf_counter() - t
    print(f"people loaded: {model.rowCount():,} in {len(batches)} batches, {total:.1f} s in all")
    print(f"first batch            : {ms(batches[0])}")
    print(f"median batch           : {ms(statistics.median(batches))}")
    print(f"worst batch            : {ms(max(batches))}   (at row {batches.index(max(batches)) * 200 + 200:,})")
    print(f"last batch             : {ms(batches[-1])}")
    print(f"baseline: the last batch by LIMIT/OFFSET (the old way): {ms(offset_batch)}")
    print(f"ratio worst/first      : {max(batches) / batches[0]:.2f}x")

    # --- saving with 10,000 selected --------------------------------------------------------
    window.close()
    db.close()
    db = open_database(db_path)
    window = create_main_window(db, db_path)
    window.show()
    window.show_page("contacts")
    page = window.pages["contacts"]
    while not page._loaded:
        app.processEvents()
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    view, model = page.people_view, page.people
    while model.rowCount() < SELECTED + 200:
        model.fetchMore(QModelIndex())
    app.processEvents()
    selection = QItemSelection()
    selection.select(model.index(0, 0), model.index(SELECTED - 1, model.columnCount() - 1))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    person = model.row_id(5)
    saves = []
    for i in range(args.saves):
        t = time.perf_counter()
        window.runner.run(lambda i=i: store.update_person(db, person, {"notes": f"یادداشت {i}"}), area="contacts")
        app.processEvents()
        saves.append(time.perf_counter() - t)
        assert len(page.selected_ids(view)) == SELECTED, "the selection did not survive the reload"
    sql, named = store.people_query(f, None, False, model.rowCount(), 0)
    t = time.perf_counter()
    db.conn.execute(sql, named).fetchall()
    bare = time.perf_counter() - t
    print(f"save with {SELECTED:,} selected ({model.rowCount():,} rows loaded), median of {args.saves}: "
          f"{ms(statistics.median(saves))}, worst {ms(max(saves))}   (target <= {SAVE_TARGET_MS} ms)")
    print(f"baseline: the bare SQL read of those {model.rowCount():,} rows: {ms(bare)}")
    window.close()
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
