"""Starting the app: one window per database file, refused files, the crash dialog, the start-up check."""

from __future__ import annotations

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


# --- the start-up check, run while the window is built -------------------------------------------


def test_a_sound_database_is_checked_while_its_window_is_built(qapp, db_path, errors, monkeypatch):
    open_database(db_path).close()
    built = threading.Event()
    checks = []
    check = data_safety.damage_at_start

    def slow_check(path):
        # The window must be built while the check still runs, not after it.
        checks.append((threading.current_thread(), built.wait(10)))
        return check(path)

    open_desk = app_module.open_desk

    def building(*args, **kwargs):
        desk = open_desk(*args, **kwargs)
        checks.append(("built", desk.window.safety.read_only))
        built.set()
        return desk

    monkeypatch.setattr(data_safety, "damage_at_start", slow_check)
    monkeypatch.setattr(app_module, "open_desk", building)
    seen = []

    def fake_exec(self):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                query_only = w.db.execute("PRAGMA query_only").fetchone()[0]
                seen.append((w.safety.read_only, query_only, w.safety_label.isHidden(), w.windowTitle()))
                w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run(db_path) == 0
    assert checks[0] == ("built", True)  # built unseen, refusing writes until the check is done
    thread, waited = checks[1]
    assert thread is not threading.main_thread() and waited
    assert seen == [(False, 0, True, "پی‌آر‌دسک — office.sqlite3")]
    assert errors == []


def test_a_new_file_is_not_checked_on_a_thread(tmp_path):
    assert data_safety.StartCheck.start(tmp_path / "new.sqlite3") is None


def test_a_failing_check_is_never_taken_for_a_sound_database(db_path, monkeypatch):
    open_database(db_path).close()

    def broken(path):
        raise RuntimeError("a bug in the check")

    monkeypatch.setattr(data_safety, "damage_at_start", broken)
    check = data_safety.StartCheck.start(db_path)
    with pytest.raises(RuntimeError, match="a bug in the check"):
        check.problem()


def test_the_start_check_of_a_sound_database_finds_no_problem(db_path):
    open_database(db_path).close()
    assert data_safety.StartCheck.start(db_path).problem() is None
