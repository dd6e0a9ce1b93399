"""Starting the app: one window per database file, refused files, the crash dialog, the start-up check."""

from __future__ import annotations

import gc
import logging
from logging.handlers import RotatingFileHandler
import subprocess
import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication

from prdesk.errors import DatabaseLocked
from prdesk.store.db import open_database
from prdesk.ui import app as app_module
from prdesk.ui import data_safety
from prdesk.ui.app import acquire_lock, lock_path, run
from prdesk.ui.crash import CrashReporter, crash_reporting
from prdesk.ui.dialogs import messages
from prdesk.ui.main_window import MainWindow


@pytest.fixture
def errors(monkeypatch):
    """Messages shown by run() and the crash reporter, instead of message boxes."""
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: shown.append(text))
    monkeypatch.setattr(messages, "show_crash", lambda parent, log_file: shown.append(("crash", log_file)))
    return shown


def test_a_second_lock_on_the_same_database_is_refused(db_path):
    first = acquire_lock(db_path)
    try:
        assert lock_path(db_path).exists()
        with pytest.raises(DatabaseLocked) as refused:
            acquire_lock(db_path)
        assert "پنجرهٔ دیگری" in str(refused.value)
    finally:
        first.unlock()
    acquire_lock(db_path).unlock()


def test_a_lock_left_by_a_crashed_window_is_taken_over(db_path):
    script = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(lock_path(db_path))], check=True)
    assert lock_path(db_path).exists()
    acquire_lock(db_path).unlock()


def test_run_refuses_a_database_open_in_another_window(qapp, db_path, errors, monkeypatch):
    monkeypatch.setattr(QApplication, "exec", lambda self: pytest.fail("a second window was opened"))
    lock = acquire_lock(db_path)
    try:
        assert run(db_path) != 0
    finally:
        lock.unlock()
    assert len(errors) == 1 and "پنجرهٔ دیگری از پی‌آر‌دسک باز است" in errors[0]
    assert not db_path.exists()  # the file was not even created


def test_run_refuses_a_foreign_file_and_leaves_it_untouched(qapp, tmp_path, errors, monkeypatch):
    monkeypatch.setattr(QApplication, "exec", lambda self: pytest.fail("the window was opened"))
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_text("not a database", encoding="utf-8")
    assert run(foreign) != 0
    assert foreign.read_text(encoding="utf-8") == "not a database"
    assert len(errors) == 1 and "SQLite" in errors[0]
    acquire_lock(foreign).unlock()  # the lock was released on the way out


def test_run_opens_the_window_then_releases_database_and_lock(qapp, db_path, errors, monkeypatch):
    seen = []

    def fake_exec(self):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.db_path for w in windows)
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run(db_path) == 0
    assert seen == [db_path]
    assert errors == []
    acquire_lock(db_path).unlock()


def test_crash_reporter_logs_the_bug_and_names_the_log(qapp, tmp_path, errors):
    with crash_reporting(tmp_path / "logs") as log_file:
        assert isinstance(sys.excepthook, CrashReporter)
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    assert not isinstance(sys.excepthook, CrashReporter)
    assert errors == [("crash", log_file)]
    text = log_file.read_text(encoding="utf-8")
    assert "boom in a slot" in text and "Traceback" in text
    assert not any(isinstance(h, RotatingFileHandler) for h in logging.getLogger().handlers)


def test_fonts_are_registered_and_used(qapp):
    app_module.prepare_application(qapp, "fa")
    assert app_module.register_fonts()
    assert qapp.font().family() == "Vazirmatn"


# --- the start-up check, run after the window is shown -------------------------------------------


def shown_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_a_sound_database_is_shown_first_then_checked_then_opened_for_writing(qapp, db_path, errors, monkeypatch):
    open_database(db_path).close()
    checks = []
    check = data_safety.damage_at_start

    def watched_check(path, *, thorough=False):
        windows = shown_windows()
        checks.append((threading.current_thread(), thorough, [(w.safety.read_only, w.isVisible()) for w in windows]))
        return check(path, thorough=thorough)

    monkeypatch.setattr(data_safety, "damage_at_start", watched_check)
    seen = []

    def fake_exec(self):
        for w in shown_windows():
            seen.append(("shown", w.safety.read_only, w.windowTitle(), w.safety_label.isHidden()))
            w.desk.start_check.wait()
            query_only = w.db.execute("PRAGMA query_only").fetchone()[0]
            seen.append(("checked", w.safety.read_only, query_only, w.safety_label.isHidden(), w.windowTitle()))
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run(db_path) == 0
    title = "پی‌آر‌دسک — office.sqlite3"
    # Shown before the check, refusing writes until it is done, without saying anything is wrong.
    assert seen[0] == ("shown", True, title, True)
    assert seen[1] == ("checked", False, 0, True, title)
    ((thread, thorough, windows),) = checks
    assert thread is not threading.main_thread() and not thorough
    assert windows == [(True, True)]  # the window was on screen, read only, while the check ran
    assert errors == []


def test_no_garbage_collection_until_the_window_is_painted(qapp, qtbot, db_path, errors, monkeypatch):
    """run() keeps the collector off through the start-up (~6 ms of passes over long-lived objects)
    and turns it on at the first paint; it is on again once run() has returned."""
    open_database(db_path).close()
    seen = []

    def fake_exec(self):
        (w,) = shown_windows()
        seen.append(("shown", w.painted, gc.isenabled()))
        qtbot.waitUntil(lambda: w.painted)
        qtbot.wait(50)  # the first_painted signal is queued after the paint; the fallback waits a second
        seen.append(("painted", w.painted, gc.isenabled()))
        w.desk.start_check.wait()
        w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run(db_path) == 0
    assert seen == [("shown", False, False), ("painted", True, True)]
    assert gc.isenabled() and errors == []


def test_after_a_crash_the_check_is_the_full_integrity_check(qapp, db_path, errors, monkeypatch):
    open_database(db_path).close()
    script = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(lock_path(db_path))], check=True)
    kinds = []
    check = data_safety.damage_at_start
    monkeypatch.setattr(data_safety, "damage_at_start",
                        lambda path, *, thorough=False: kinds.append(thorough) or check(path, thorough=thorough))

    def fake_exec(self):
        for w in shown_windows():
            w.desk.start_check.wait()
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run(db_path) == 0
    assert kinds == [True]
    assert run(db_path) == 0  # closed cleanly this time: the quick check again
    assert kinds == [True, False]


def test_a_new_file_is_checked_and_made_before_its_window(tmp_path):
    assert not data_safety.opens_before_its_check(tmp_path / "new.sqlite3")


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_the_check_reaches_the_crash_dialog_and_never_opens_for_writing(qapp, db_path, errors, monkeypatch):
    open_database(db_path).close()

    def broken(path, *, thorough=False):
        raise RuntimeError("a bug in the check")

    monkeypatch.setattr(data_safety, "damage_at_start", broken)
    seen = []

    def fake_exec(self):
        for w in shown_windows():
            w.desk.start_check.wait()
            seen.append(w.safety.read_only)
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    run(db_path)
    assert seen == [True]
    ((kind, log_file),) = errors
    assert kind == "crash" and "a bug in the check" in log_file.read_text(encoding="utf-8")


def test_the_start_check_of_a_sound_database_finds_no_problem(db_path):
    open_database(db_path).close()
    assert data_safety.opens_before_its_check(db_path)
    assert data_safety.damage_at_start(db_path) is None
    assert data_safety.damage_at_start(db_path, thorough=True) is None
