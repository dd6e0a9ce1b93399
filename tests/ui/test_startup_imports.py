"""What the window imports before its first paint, started the way a clerk starts it (a fresh process)."""

import json
import os
import subprocess
import sys

from prdesk.store import contacts as store
from prdesk.store.db import open_database

# Runs ``prdesk --db FILE`` through the console script's main(); at the first paint (the benchmark's
# hook, PRDESK_FIRST_PAINT=1) it prints REPORT as JSON and ends the process. SETUP runs before prdesk.
DRIVER_TEMPLATE = r"""
import json, os, sys
SETUP

class Out:
    def __getattr__(self, name):
        return getattr(sys.__stdout__, name)

    def write(self, text):
        if text.startswith("FIRST-PAINT"):
            sys.__stdout__.write(json.dumps(REPORT) + "\n")
            sys.__stdout__.flush()
            os._exit(0)
        return sys.__stdout__.write(text)

sys.stdout = Out()
sys.argv = ["prdesk", "--db", sys.argv[1]]
from prdesk.entry import main
main()
"""


def at_first_paint(db_path, report: str, setup: str = ""):
    """What ``report`` (a Python expression) is at the window's first paint, in a fresh process."""
    code = DRIVER_TEMPLATE.replace("SETUP", setup).replace("REPORT", report)
    env = dict(os.environ, PRDESK_FIRST_PAINT="1", PRDESK_AUTOMATIC_BACKUPS="0")
    done = subprocess.run([sys.executable, "-c", code, str(db_path)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


#: Not needed to paint the dashboard: the command line's machinery, sqlite-utils and what it pulls
#: in, printing, spreadsheets, encryption, the stores the dashboard's lists read after the paint,
#: and the crash log's rotation (logging.handlers: a plain file handler logs until the paint).
#: Nor jdatetime (with platform: today's Jalali date comes from jalali_core), hijridate (today's
#: lunar date comes from Iran's table), calendar (Gregorian dates typed), hashlib (OpenSSL; the
#: translation's file is named by a CRC), the letter-number rules (a setting being saved) and the
#: workers (QThread, QProgressDialog: every worker starts after the paint).
NOT_BEFORE_THE_PAINT = (
    "sqlite_utils", "click", "pluggy", "dateutil", "reportlab", "openpyxl", "cryptography", "logging.handlers",
    "prdesk.cli", "prdesk.store.calendar", "prdesk.store.contacts", "prdesk.store.meetings",
    "prdesk.store.messages", "prdesk.ui.widgets.month_view",
    "jdatetime", "platform", "hijridate", "calendar", "hashlib", "_hashlib", "prdesk.core.letter_number",
    "prdesk.ui.workers",
)


def test_the_window_is_painted_before_sqlite_utils_click_and_the_stores_are_imported(tmp_path):
    path = tmp_path / "office.sqlite3"
    db = open_database(path)
    org = store.add_organization(db, {"name": "اتحادیه صنف نانوایان کاشان", "city": "کاشان"}).id
    store.add_person(db, {"first_name": "علی", "last_name": "احمدی", "organization_id": org, "birthday": "1360/01/02"})
    db.close()
    loaded = set(at_first_paint(path, "sorted(sys.modules)"))
    assert "prdesk.ui.pages.dashboard" in loaded  # the window was built and painted
    assert sorted(m for m in loaded if m.split(".")[0] in NOT_BEFORE_THE_PAINT or m in NOT_BEFORE_THE_PAINT
                  or any(m.startswith(n + ".") for n in NOT_BEFORE_THE_PAINT)) == []


#: Qt classes PySide makes (with their enums) only when first asked for, and the window's first paint
#: does not need: message boxes, the menus' actions and shortcuts (filled right after the paint),
#: the workers' thread and progress dialog.
QT_CLASSES_NOT_BEFORE_THE_PAINT = {
    "QtWidgets": ["QMessageBox", "QProgressDialog", "QDialog"],
    "QtGui": ["QAction", "QActionGroup", "QKeySequence"],
    "QtCore": ["QThread", "QEventLoop"],
}


def test_message_boxes_menu_actions_and_workers_are_made_after_the_first_paint(tmp_path):
    path = tmp_path / "office.sqlite3"
    open_database(path).close()
    made = at_first_paint(path, "{m: [c for c in cs if c in vars(sys.modules['PySide6.' + m])] for m, cs in %r.items()}"
                          % QT_CLASSES_NOT_BEFORE_THE_PAINT)
    assert made == {module: [] for module in QT_CLASSES_NOT_BEFORE_THE_PAINT}


def test_the_qt_free_modules_imported_before_pyside6_need_no_qt():
    """entry imports these before PySide6 (its import hook reads every later module's source):
    each must stay free of Qt, or the order would load PySide6 early and the saving is gone."""
    from prdesk.entry import QT_FREE_WINDOW_MODULES

    code = ("import json, sys; from prdesk.entry import _import_qt_free_modules; _import_qt_free_modules(); "
            "print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout))
    assert set(QT_FREE_WINDOW_MODULES) <= loaded
    assert sorted(m for m in loaded if m.split(".")[0] in ("PySide6", "shiboken6", "sqlite_utils")) == []


# Watches PySide6 make the Qt namespace (its 93 enums, ~25 ms) and notes where it was first made.
WATCH_QT_NAMESPACE = r"""
import enum, traceback

first = []
create = enum.EnumType._create_

def watched(cls, class_name, *args, **kwargs):
    if class_name == "GlobalColor" and not first:  # the Qt namespace's first enum
        first.extend(f"{f.filename}:{f.lineno}" for f in traceback.extract_stack()[:-1] if "prdesk" in f.filename)
    return create(cls, class_name, *args, **kwargs)

enum.EnumType._create_ = watched
"""


def test_the_qt_namespace_is_made_after_the_first_paint(tmp_path):
    """Qt.<anything> (or PySide choosing among overloads that take a Qt enum, as setShortcut does)
    makes all 93 enums of the Qt namespace: ~25 ms CPU the bare window never pays."""
    path = tmp_path / "office.sqlite3"
    open_database(path).close()
    seen = at_first_paint(path, '{"made": "Qt" in vars(sys.modules["PySide6.QtCore"]), "first": first}',
                          WATCH_QT_NAMESPACE)
    assert seen == {"made": False, "first": []}
