"""Automatic backups on close and on the timer, off the UI thread; damage at start-up; log-off."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from prdesk.paths import user_data_dir
from prdesk.store import backup as backups
from prdesk.store import rotation
from prdesk.store.db import open_database
from prdesk.store.settings import get_settings, update_settings
from prdesk.ui import data_guard
from prdesk.ui.app import create_main_window, run
from prdesk.ui.dialogs import backup_dialogs, messages
from prdesk.ui.main_window import MainWindow
from tests.ui.helpers import retype

OLD_NAME = "اداره کل تعاون، کار و رفاه اجتماعی استان کرمان"
NEW_NAME = "نامی که پس از آخرین پشتیبان نوشته شد"


@pytest.fixture
def shown(monkeypatch):
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_message", lambda parent, text, title=None: boxes.append(("info", text)))
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: boxes.append(("error", text)))
    return boxes


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "backups"


@pytest.fixture
def auto_window(qtbot, db, db_path, folder):
    """A window with automatic backups turned on, into ``folder``."""
    update_settings(db, {"backup_folder": str(folder), "org_name_line3": OLD_NAME})
    main = create_main_window(db, db_path, automatic_backups=True)
    desk = main.desk
    main.show()
    qtbot.waitExposed(main)
    yield main
    for shown_window in (main, desk.window):
        if shiboken6.isValid(shown_window):
            shown_window.close()


def save_a_setting(qtbot, window, key: str = "org_name_line3", value: str = NEW_NAME) -> None:
    """Change one setting as the clerk does: type it on the Settings tab and press Save."""
    page = window.pages["settings"]
    window.show_page("settings")
    page.show_tab("settings")
    retype(page.fields[key].editor, value)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert get_settings(window.db)[key] == value


def backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("office-*.prdesk-backup")) if folder.exists() else []


def corrupt_index(path: Path) -> None:
    """Overwrite the root page of a new index: the file opens, but quick_check fails."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE test_wide (a, b)")
    conn.execute("CREATE INDEX test_wide_a ON test_wide (a)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO test_wide VALUES (?, ?)", [(i, "x" * 100) for i in range(2000)])
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'test_wide_a'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek(page * (root - 1) + 8)
        fh.write(b"\xff" * 200)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- on close ---------------------------------------------------------------------------------------


def test_closing_after_a_change_takes_a_backup(auto_window, qtbot, folder, shown):
    save_a_setting(qtbot, auto_window)
    auto_window.close()
    (taken,) = backups_in(folder)
    assert backups.verify(taken).manifest.organization == NEW_NAME
    assert shown == []


def test_closing_without_a_change_takes_no_backup(auto_window, folder, shown):
    auto_window.close()
    assert backups_in(folder) == [] and shown == []


def test_a_window_without_automatic_backups_takes_none(window, qtbot, db, folder):
    update_settings(db, {"backup_folder": str(folder)})
    save_a_setting(qtbot, window)
    window.close()
    assert backups_in(folder) == []
    assert backups_in(user_data_dir() / "backups") == []
    assert not window.safety.timer.isActive()


def test_a_failed_backup_on_close_is_told(auto_window, qtbot, db, tmp_path, shown):
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    update_settings(db, {"backup_folder": str(blocker / "backups")})
    auto_window.bus.announce("settings")
    save_a_setting(qtbot, auto_window, "signatory_name", "مریم احمدی")
    auto_window.close()
    (kind, text), = shown
    assert kind == "error" and "پشتیبان" in text


# --- on the timer -----------------------------------------------------------------------------------


def test_the_timer_backs_up_off_the_ui_thread_only_when_something_changed(auto_window, qtbot, folder, monkeypatch):
    assert auto_window.safety.timer.isActive()
    assert auto_window.safety.timer.interval() == rotation.AUTOMATIC_INTERVAL_SECONDS * 1000
    threads = []
    original = data_guard.automatic_backup

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(data_guard, "automatic_backup", recording)
    assert auto_window.safety.take_automatic_backup() is None  # nothing changed yet

    save_a_setting(qtbot, auto_window)
    with qtbot.wait_signal(auto_window.safety.automatic_backup_done, timeout=10_000):
        auto_window.safety.timer.timeout.emit()
        assert auto_window.safety.busy()  # the window went on while the backup was written
    assert threads and threads[0] is not threading.main_thread()
    (taken,) = backups_in(folder)
    assert "پشتیبان خودکار" in auto_window.statusBar().currentMessage()
    assert auto_window.backup_panel.model.rowCount() == 1  # the page heard about it

    assert auto_window.safety.take_automatic_backup() is None  # nothing changed since
    auto_window.close()
    assert backups_in(folder) == [taken]


def test_a_failed_timer_backup_shows_in_the_status_bar_and_a_message(auto_window, qtbot, db, tmp_path, shown):
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    update_settings(db, {"backup_folder": str(blocker / "backups")})
    auto_window.bus.announce("settings")
    save_a_setting(qtbot, auto_window, "signatory_name", "مریم احمدی")
    worker = auto_window.safety.take_automatic_backup()
    qtbot.waitUntil(lambda: not auto_window.safety.busy(), timeout=10_000)
    assert worker is not None
    assert [kind for kind, _ in shown] == ["error"]
    assert not auto_window.safety_label.isHidden()
    assert auto_window.safety_label.text() == "آخرین پشتیبان خودکار گرفته نشد"
    assert "گرفته نشد" in auto_window.statusBar().currentMessage()

    update_settings(db, {"backup_folder": str(tmp_path / "good")})
    auto_window.bus.announce("settings")
    save_a_setting(qtbot, auto_window, "signatory_name", "علی رضایی")
    with qtbot.wait_signal(auto_window.safety.automatic_backup_done, timeout=10_000):
        auto_window.safety.take_automatic_backup()
    assert auto_window.safety_label.isHidden()


def test_a_damaged_database_is_not_backed_up_and_the_clerk_is_told(auto_window, qtbot, db_path, folder, shown):
    save_a_setting(qtbot, auto_window)
    auto_window.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    corrupt_index(db_path)
    auto_window.safety.take_automatic_backup()
    qtbot.waitUntil(lambda: not auto_window.safety.busy(), timeout=10_000)
    assert backups_in(folder) == []
    (kind, text), = shown
    assert kind == "error" and "بررسی سریع" in text


def test_switching_language_takes_no_backup_and_the_new_window_goes_on(auto_window, qtbot, folder):
    desk = auto_window.desk
    save_a_setting(qtbot, auto_window, "signatory_name", "مریم احمدی")
    page = auto_window.pages["settings"]
    combo = page.fields["ui_language"].editor
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.window is not auto_window)
    assert desk.window.pages["settings"].current_tab() == "settings"
    assert backups_in(folder) == []
    assert desk.window.safety.automatic and desk.window.safety.timer.isActive()
    desk.window.close()
    assert len(backups_in(folder)) == 1  # the changes made before the switch are backed up


# --- log-off ----------------------------------------------------------------------------------------


def test_log_off_commits_and_checkpoints(window, db, db_path):
    wal = db_path.with_name(db_path.name + "-wal")
    db.conn.execute("BEGIN")
    db.conn.execute("INSERT INTO settings (key, value) VALUES ('signatory_name', 'مریم احمدی')")
    window.safety.commit_data()
    assert not db.conn.in_transaction
    assert not wal.exists() or wal.stat().st_size == 0
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("SELECT value FROM settings WHERE key = 'signatory_name'").fetchone() == ("مریم احمدی",)
    finally:
        other.close()


# --- damage at start-up -----------------------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path, folder):
    """A database whose backup folder holds a good automatic backup, then damaged (closed)."""
    path = tmp_path / "office.sqlite3"
    db = open_database(path)
    update_settings(db, {"backup_folder": str(folder), "org_name_line3": OLD_NAME})
    db.close()
    rotation.automatic_backup(path, folder)
    db = open_database(path)
    update_settings(db, {"org_name_line3": NEW_NAME})
    db.close()
    corrupt_index(path)
    return path


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def checked_exec(self=None, then=lambda window: None):
    """The event loop of run() until the start-up check, shown after the window, has been answered."""
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible():
            w.desk.start_check.wait()
            if w.isVisible():
                then(w.desk.window)
                w.desk.window.close()
    # As QApplication.exec does before it returns: what waits for its workers (the dashboard's reads) does so now.
    QApplication.instance().aboutToQuit.emit()
    return 0


def test_start_up_with_a_damaged_database_offers_restore_and_writes_nothing(qapp, damaged, monkeypatch, shown):
    before = digest(damaged)
    offers = []

    def ask(parent, problem, newest):
        offers.append((problem, newest))
        return backup_dialogs.QUIT

    monkeypatch.setattr(backup_dialogs, "ask_about_damage", ask)
    monkeypatch.setattr(QApplication, "exec", checked_exec)
    assert run(damaged) != 0
    (problem, newest), = offers
    assert not problem.ok
    assert newest is not None and newest.path.name.endswith(".prdesk-backup")
    assert digest(damaged) == before
    assert side_files(damaged) == []


def test_start_up_restores_the_newest_good_backup(qapp, damaged, folder, monkeypatch, shown):
    monkeypatch.setattr(backup_dialogs, "ask_about_damage", lambda parent, problem, newest: backup_dialogs.RESTORE_NEWEST)
    previews = []
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda parent, preview, safety: previews.append(preview) or True)
    opened = []

    def seen(w):
        opened.append((get_settings(w.db)["org_name_line3"], w.safety.read_only, w.windowTitle()))

    monkeypatch.setattr(QApplication, "exec", lambda self: checked_exec(then=seen))
    assert run(damaged) == 0
    assert opened == [(OLD_NAME, False, "پی‌آر‌دسک — office.sqlite3")]
    (preview,) = previews
    assert preview.current is None and "آسیب" in preview.current_problem
    assert any("damaged" in p.name for p in folder.iterdir())  # the damaged file's raw copy was kept
    assert shown[-1][0] == "info"


def test_start_up_read_only_refuses_writes_and_leaves_the_file_as_it_was(qapp, damaged, monkeypatch, shown):
    before = digest(damaged)
    monkeypatch.setattr(backup_dialogs, "ask_about_damage", lambda parent, problem, newest: backup_dialogs.READ_ONLY)
    seen = []

    def write(w):
        seen.append((w.safety.read_only, w.windowTitle(), w.safety_label.text(), w.safety.timer.isActive()))
        page = w.pages["settings"]
        page.fields["signatory_name"].set("کسی")
        page.save()

    monkeypatch.setattr(QApplication, "exec", lambda self: checked_exec(then=write))
    assert run(damaged) == 0
    ((read_only, title, label, timer),) = seen
    assert read_only and "فقط خواندنی" in title and "آسیب" in label and not timer
    assert [kind for kind, _ in shown] == ["error"] and "فقط برای خواندن" in shown[0][1]
    assert digest(damaged) == before
    assert side_files(damaged) == []


def test_a_sound_database_starts_without_a_question(qapp, db_path, monkeypatch):
    db = open_database(db_path)
    db.close()
    monkeypatch.setattr(backup_dialogs, "ask_about_damage", lambda *args: pytest.fail("asked about damage"))
    opened = []

    def fake_exec(self):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                opened.append(w.safety.automatic)
                w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run(db_path) == 0
    assert opened == [True]  # a real run backs up automatically
