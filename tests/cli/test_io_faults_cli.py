"""Writers that wait for the lock, full disks, read-only files and every output file: messages, never tracebacks."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.store import db as db_module
from prdesk.store import outputs
from prdesk.store.db import open_database
from prdesk.store.letters import search_register

ROOT = Path(__file__).resolve().parents[2]
BODY = "احتراماً، جلسه در تاریخ ۱۴۰۵/۰۹/۰۲ برگزار می‌شود.\n"


def _run(path, *args):
    return CliRunner().invoke(cli, ["--db", str(path), *args])


def _csv(tmp_path: Path, rows: int = 30) -> Path:
    lines = ["نام,نام خانوادگی,سازمان,شهر"] + [f"علی,رضایی {i},شرکت تعاونی {i // 3},اصفهان" for i in range(rows)]
    path = tmp_path / "people.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _people(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


def _new_db(path: Path) -> Path:
    open_database(path).close()
    return path


def _hold_write_lock(path: Path, seconds: float | None) -> tuple[sqlite3.Connection, threading.Thread | None]:
    """Another writer: takes the write lock, writes, and commits after ``seconds`` (never, when None)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
    if seconds is None:
        return conn, None

    def release():
        time.sleep(seconds)
        conn.execute("COMMIT")

    thread = threading.Thread(target=release)
    thread.start()
    return conn, thread


# ---------------------------------------------------------------- writers wait for the lock


def test_import_waits_for_another_writer_then_imports(tmp_path):
    path = _new_db(tmp_path / "office.sqlite3")
    source = _csv(tmp_path)
    conn, thread = _hold_write_lock(path, 0.8)
    try:
        result = _run(path, "contacts", "import", str(source))
    finally:
        thread.join()
        conn.close()
    assert result.exit_code == 0, result.output
    assert _people(path) == 30


def test_import_against_a_lock_that_is_never_released_says_so_in_persian(tmp_path, monkeypatch):
    path = _new_db(tmp_path / "office.sqlite3")
    source = _csv(tmp_path)
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    conn, _ = _hold_write_lock(path, None)
    try:
        result = _run(path, "contacts", "import", str(source))
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    assert result.exit_code == 1
    assert "برای نوشتن در دست دارد" in result.output and "Traceback" not in result.output
    assert not isinstance(result.exception, sqlite3.Error)
    assert _people(path) == 0


def test_demo_waits_for_another_writer(tmp_path):
    path = _new_db(tmp_path / "office.sqlite3")
    conn, thread = _hold_write_lock(path, 0.8)
    try:
        result = _run(path, "demo")
    finally:
        thread.join()
        conn.close()
    assert result.exit_code == 0, result.output
    assert _people(path) == 300


def test_demo_against_a_held_lock_says_so_in_persian(tmp_path, monkeypatch):
    path = _new_db(tmp_path / "office.sqlite3")
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    conn, _ = _hold_write_lock(path, None)
    try:
        result = _run(path, "demo")
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    assert result.exit_code == 1 and "برای نوشتن در دست دارد" in result.output
    assert not isinstance(result.exception, sqlite3.Error)


IMPORT_CHILD = """
import sys
from prdesk.cli import main
sys.argv = ["prdesk", "--db", sys.argv[1], "contacts", "import", sys.argv[2]]
main()
"""


def test_two_imports_at_once_both_finish(tmp_path):
    path = _new_db(tmp_path / "office.sqlite3")
    first = _csv(tmp_path, 1500)
    second = tmp_path / "others.csv"
    second.write_text(first.read_text(encoding="utf-8").replace("رضایی", "کریمی"), encoding="utf-8")
    children = [
        subprocess.Popen([sys.executable, "-c", IMPORT_CHILD, str(path), str(source)], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for source in (first, second)
    ]
    outputs_ = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], outputs_
    assert _people(path) == 3000


# ---------------------------------------------------------------- full disk and read-only file


def _full_after_open(monkeypatch):
    """Open the database as usual, then let it grow by not one page: SQLite's own «database or disk is full»."""
    import prdesk.store.db as common  # cli.common imports open_database when a command runs

    real = common.open_database

    def opened(path, *args, **kwargs):
        db = real(path, *args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(common, "open_database", opened)


def _read_only_after_open(monkeypatch):
    import prdesk.store.db as common  # cli.common imports open_database when a command runs

    real = common.open_database

    def opened(path, *args, **kwargs):
        db = real(path, *args, **kwargs)
        db.execute("PRAGMA query_only = ON")
        return db

    monkeypatch.setattr(common, "open_database", opened)


def test_import_on_a_full_disk_is_a_persian_message(tmp_path, monkeypatch):
    path = _new_db(tmp_path / "office.sqlite3")
    source = _csv(tmp_path, 2000)
    _full_after_open(monkeypatch)
    result = _run(path, "contacts", "import", str(source))
    assert result.exit_code == 1 and "جای خالی دیسک تمام شده است" in result.output
    assert not isinstance(result.exception, sqlite3.Error)
    assert _people(path) == 0


def test_demo_on_a_full_disk_is_a_persian_message(tmp_path, monkeypatch):
    path = _new_db(tmp_path / "office.sqlite3")
    _full_after_open(monkeypatch)
    result = _run(path, "demo")
    assert result.exit_code == 1 and "جای خالی دیسک تمام شده است" in result.output
    assert "ساختار" not in result.output


def test_import_into_a_read_only_file_is_a_persian_message(tmp_path, monkeypatch):
    path = _new_db(tmp_path / "office.sqlite3")
    source = _csv(tmp_path)
    _read_only_after_open(monkeypatch)
    result = _run(path, "contacts", "import", str(source))
    assert result.exit_code == 1 and "فقط‌خواندنی" in result.output
    assert not isinstance(result.exception, sqlite3.Error)


def _limited(limit: int):
    def start():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return start


def _prdesk_limited(limit: int, *args) -> subprocess.CompletedProcess:
    """prdesk in a process that cannot write past ``limit`` bytes of any file: a disk that fills up."""
    return subprocess.run([sys.executable, "-m", "prdesk", *args], preexec_fn=_limited(limit), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX resource limits")
def test_a_new_database_on_a_full_disk_is_not_blamed_on_a_schema_update(tmp_path):
    result = _prdesk_limited(40_000, "--db", str(tmp_path / "new.sqlite3"), "demo")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "ساختار" not in result.stderr
    assert "دیسک" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX resource limits")
@pytest.mark.parametrize("command", [
    ["print", "calendar", "--year", "1405", "--month", "1"],
    ["print", "report", "contacts"],
    ["contacts", "export", "--format", "xlsx"],
    ["calendar", "year", "1405", "--format", "json"],
])
def test_a_full_disk_keeps_the_file_that_was_there(tmp_path, command, small_office):
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(small_office, path)
    out = tmp_path / "existing.out"
    out.write_bytes(b"the clerk's earlier file")
    result = _prdesk_limited(40_000, "--db", str(path), *command, "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "جای خالی دیسک" in result.stderr
    assert out.read_bytes() == b"the clerk's earlier file"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.fixture(scope="module")
def small_office(tmp_path_factory) -> Path:
    """The small demo, made once for the tests that only read it."""
    path = tmp_path_factory.mktemp("office") / "office.sqlite3"
    assert _run(path, "demo").exit_code == 0
    db = open_database(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


# ---------------------------------------------------------------- letters: the register and the PDF together


def _body(tmp_path: Path) -> str:
    path = tmp_path / "body.txt"
    path.write_text(BODY, encoding="utf-8")
    return str(path)


def _register(path: Path) -> list:
    db = open_database(path)
    try:
        return search_register(db)
    finally:
        db.close()


def test_a_letter_whose_pdf_cannot_be_put_in_place_takes_no_number_and_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "office.sqlite3"
    out = tmp_path / "letter.pdf"
    out.write_bytes(b"yesterday's letter")

    def full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs, "_replace", full)
    result = _run(path, "print", "letter", "--body-file", _body(tmp_path), "--out", str(out))
    assert result.exit_code == 1 and "جای خالی دیسک" in result.output
    assert out.read_bytes() == b"yesterday's letter"
    assert _register(path) == []


def test_a_registered_letter_has_its_pdf_in_place(tmp_path):
    path = tmp_path / "office.sqlite3"
    out = tmp_path / "letter.pdf"
    result = _run(path, "print", "letter", "--body-file", _body(tmp_path), "--date", "1405/08/30", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and [r["number"] for r in _register(path)] == ["1/ص/1405"]


@pytest.mark.parametrize("date", ["", "   "])
def test_an_empty_letter_date_is_refused_not_taken_as_today(tmp_path, date):
    path = tmp_path / "office.sqlite3"
    out = tmp_path / "letter.pdf"
    result = _run(path, "print", "letter", "--body-file", _body(tmp_path), "--date", date, "--out", str(out))
    assert result.exit_code == 1 and "تاریخ نامه خالی است" in result.output
    assert not out.exists()
    assert not path.exists() or _register(path) == []


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_calendar_year_to_dev_null_leaves_the_device_alone(tmp_path):
    before = os.stat("/dev/null")
    result = _run(tmp_path / "office.sqlite3", "calendar", "year", "1405", "--format", "ics", "--out", "/dev/null")
    assert result.exit_code == 0, result.output
    after = os.stat("/dev/null")
    assert after.st_ino == before.st_ino and after.st_rdev == before.st_rdev
