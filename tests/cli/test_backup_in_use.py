"""A restore while a prdesk window in another process has the database open is refused (issue 9, item 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.store import backup
from prdesk.store.db import lock_path, window_holding
from tests.store.test_backup import add_note, digest, make_office_db, notes

# A stand-in for the window: Qt's own QLockFile, taken as ui/app.py takes it, and a connection
# that wrote a row and stays open; it waits until the test closes its stdin.
WINDOW = """
import sqlite3, sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(0)
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("INSERT INTO events (title, date, created_at, updated_at) VALUES ('نوشته‌شده در پنجره', '2026-11-21', '', '')")
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3", rows=5)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def open_window(db_path: Path, lock_for: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", WINDOW, str(lock_path(lock_for)), str(db_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    return child


def close(child: subprocess.Popen) -> None:
    child.stdin.close()
    child.wait(timeout=30)


def test_cli_restore_is_refused_while_a_window_has_the_file_open(office, tmp_path):
    target = tmp_path / "b.prdesk-backup"
    backup.create(office, target)
    add_note(office, "پس از پشتیبان")
    safety = tmp_path / "backups"
    child = open_window(office, office)
    try:
        before = digest(office)
        result = run("--db", office, "backup", "restore", target, "--yes")
        assert result.exit_code == 1, result.output
        assert "در پنجرهٔ پی‌آر‌دسک" in result.output and "باز است" in result.output
        assert "چیزی تغییر نکرد" in result.output
        assert digest(office) == before
        assert not safety.exists()  # no safety copy for a refused restore (item 14)
        preview = run("--db", office, "backup", "restore", target)  # asking first is refused too
        assert preview.exit_code == 1 and "باز است" in preview.output
    finally:
        close(child)
    # The window's row is still there once it closed: nothing was lost.
    assert "نوشته‌شده در پنجره" in notes(office) and "پس از پشتیبان" in notes(office)


def test_the_lock_is_found_through_a_symlink(office, tmp_path):
    target = tmp_path / "b.prdesk-backup"
    backup.create(office, target)
    link = tmp_path / "link.sqlite3"
    link.symlink_to(office)
    child = open_window(office, office)
    try:
        assert window_holding(link) is not None
        result = run("--db", link, "backup", "restore", target, "--yes")
        assert result.exit_code == 1 and "باز است" in result.output
    finally:
        close(child)


def test_a_lock_left_by_a_window_that_is_gone_does_not_block(office, tmp_path):
    target = tmp_path / "b.prdesk-backup"
    backup.create(office, target)
    add_note(office, "پس از پشتیبان")
    crashed = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", crashed, str(lock_path(office))], check=True)
    assert lock_path(office).exists() and window_holding(office) is None
    result = run("--db", office, "backup", "restore", target, "--yes")
    assert result.exit_code == 0, result.output
    assert "پس از پشتیبان" not in notes(office)


def test_a_restore_started_from_the_window_itself_is_not_refused(office, tmp_path):
    from PySide6.QtCore import QLockFile

    target = tmp_path / "b.prdesk-backup"
    backup.create(office, target)
    lock = QLockFile(str(lock_path(office)))
    assert lock.tryLock(0)
    try:
        assert window_holding(office) is None  # this process's own lock
        backup.restore(office, target, safety_folder=tmp_path / "safety")
    finally:
        lock.unlock()
