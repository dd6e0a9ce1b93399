"""`check` on a read-only file or folder says what is true: readable, not damaged (issue 9, item 7)."""

from __future__ import annotations

import sqlite3

import pytest

from prdesk.errors import RefusedDatabase, StorageError
from prdesk.store import db as store_db
from prdesk.store.db import inspect_file, open_database
from prdesk.store.health import full_check, open_read_only


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.sqlite3"
    open_database(path).close()
    return path


def test_check_of_a_healthy_read_only_file_says_it_is_sound_and_read_only(office):
    conn = open_read_only(office)  # what SQLite gives for a file the user may not write
    try:
        report = full_check(conn)
    finally:
        conn.close()
    assert report.ok
    lines = report.lines()
    assert lines[-1] == "نتیجه: سالم"
    assert any("فقط‌خواندنی است" in line and "آسیب نیست" in line for line in lines)
    assert not any("آسیب دیده است" in line for line in lines)
    assert report.as_dict()["read_only"] is True


def test_a_read_only_folder_is_not_called_a_damaged_file(office, monkeypatch):
    class Unopenable:
        def execute(self, *args):
            raise sqlite3.OperationalError("unable to open database file")  # no -shm in a read-only folder

        def close(self):
            pass

    monkeypatch.setattr(store_db.sqlite3, "connect", lambda *args, **kwargs: Unopenable())
    monkeypatch.setattr(store_db.os, "access", lambda path, mode: False)
    with pytest.raises(StorageError) as refused:
        inspect_file(office)
    assert not isinstance(refused.value, RefusedDatabase)
    assert "فقط‌خواندنی" in str(refused.value) and "خراب" not in str(refused.value)


def test_a_damaged_file_in_a_writable_folder_is_still_called_damaged(office, monkeypatch):
    class Unreadable:
        def execute(self, *args):
            raise sqlite3.DatabaseError("file is not a database")

        def close(self):
            pass

    monkeypatch.setattr(store_db.sqlite3, "connect", lambda *args, **kwargs: Unreadable())
    with pytest.raises(RefusedDatabase, match="خراب"):
        inspect_file(office)
