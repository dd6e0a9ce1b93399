"""Database health checks (prdesk.store.health): quick, integrity and foreign-key checks, the report."""

import sqlite3

import pytest

from prdesk.errors import StorageError
from prdesk.store.db import latest_schema_version, open_database
from prdesk.store.health import foreign_key_check, full_check, integrity_check, quick_check
from tests.store.test_backup import corrupt_index, digest, make_office_db, note


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3")


def test_a_sound_database_passes_every_check(office):
    db = open_database(office)
    assert quick_check(db).ok and integrity_check(db).ok and foreign_key_check(db).ok
    assert quick_check(db).line() == "بررسی سریع: سالم"
    db.close()


def test_a_damaged_index_fails_quick_and_integrity_check(office):
    corrupt_index(office)
    conn = sqlite3.connect(office)
    quick, full = quick_check(conn), integrity_check(conn)
    conn.close()
    assert not quick.ok and quick.problems and not full.ok
    assert not any(p.startswith("***") for p in quick.problems)
    assert "مشکل دارد" in quick.line()


def test_an_orphan_row_is_reported_by_table(office):
    conn = sqlite3.connect(office)  # foreign keys off, as in a file edited by another tool
    conn.execute("INSERT INTO events (responsible_person_id, title, date, created_at, updated_at) VALUES (4242, 'یتیم', '2026-11-21', '', '')")
    conn.commit()
    result = foreign_key_check(conn)
    conn.close()
    assert not result.ok
    assert "events" in result.problems[0] and "وجود ندارد" in result.problems[0]


def test_full_check_report_of_a_sound_file(office):
    report = full_check(office)
    assert report.ok
    assert report.schema_version == latest_schema_version()
    assert report.tables["events"] == 50
    lines = report.lines()
    assert lines[-1] == "نتیجه: سالم" and any("events: ۵۰" in line for line in lines)
    data = report.as_dict()
    assert data["ok"] and data["checks"]["integrity_check"]["ok"] and data["tables"]["settings"] == 1


def test_full_check_of_a_damaged_file_says_what_to_do(office):
    corrupt_index(office)
    report = full_check(office)
    assert not report.ok
    assert "بازگردانید" in report.lines()[-1]
    assert report.as_dict()["checks"]["integrity_check"]["problems"]


def test_full_check_on_a_path_changes_nothing_on_disk(office):
    before = digest(office)
    full_check(office)
    assert digest(office) == before
    assert [p.name for p in office.parent.iterdir()] == ["office.sqlite3"]


def test_full_check_accepts_an_open_database(office):
    db = open_database(office)
    assert full_check(db).ok
    db.close()


def test_full_check_of_a_missing_file(tmp_path):
    with pytest.raises(StorageError, match="پیدا نشد"):
        full_check(tmp_path / "nothing.sqlite3")
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_checkpoint_empties_the_wal(office):
    from prdesk.store.health import checkpoint

    db = open_database(office)
    db["events"].insert(note("پیش از خاموش شدن"))
    wal = office.with_name(office.name + "-wal")
    assert wal.stat().st_size > 0
    assert checkpoint(db)
    assert wal.stat().st_size == 0
    db.close()
