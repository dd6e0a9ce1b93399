"""Opening database files: new, ours, older, newer, foreign, text; pragmas and the pre-migration copy."""

import hashlib
import sqlite3

import pytest

from prdesk.errors import RefusedDatabase
from prdesk.store import db as store_db
from prdesk.store.db import latest_schema_version, open_database, schema_version, table_counts
from prdesk.store.migrations import APPLICATION_ID, migrations


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_and_migrated(tmp_path):
    path = tmp_path / "sub" / "office.sqlite3"
    db = open_database(path)
    assert path.exists()
    assert schema_version(db)[0] == latest_schema_version()
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()


def test_pragmas_are_set(tmp_path):
    db = open_database(tmp_path / "p.sqlite3")
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()


def test_reopening_own_file_keeps_data_and_makes_no_copy(tmp_path):
    path = tmp_path / "o.sqlite3"
    db = open_database(path)
    db["settings"].insert({"key": "org_address", "value": "اصفهان"})
    db.close()
    db = open_database(path)
    assert db["settings"].get("org_address")["value"] == "اصفهان"
    db.close()
    assert not list(tmp_path.glob("*.bak"))


def _file_of_previous_schema(path):
    """A database made by the previous schema: every migration but the last applied."""
    db = store_db.connect(path)
    last = migrations._migrations[-1].name
    migrations.apply(db, stop_before=last)
    db["settings"].insert({"key": "signatory_name", "value": "رضا احمدی"})
    db.close()
    return last


@pytest.mark.skipif(len(migrations._migrations) < 2, reason="needs at least two migrations")
def test_previous_schema_is_upgraded_after_a_backup_copy(tmp_path):
    path = tmp_path / "old.sqlite3"
    last = _file_of_previous_schema(path)
    db = open_database(path)
    assert schema_version(db)[1] == last
    assert db["settings"].get("signatory_name")["value"] == "رضا احمدی"
    db.close()
    copies = list(tmp_path.glob(f"old.sqlite3.before-{last}-*.bak"))
    assert len(copies) == 1
    copy = sqlite3.connect(copies[0])
    assert copy.execute("SELECT value FROM settings WHERE key='signatory_name'").fetchone()[0] == "رضا احمدی"
    applied = [r[0] for r in copy.execute("SELECT name FROM _sqlite_migrations")]
    assert last not in applied
    copy.close()


def test_file_from_newer_version_is_refused_byte_identical(tmp_path):
    path = tmp_path / "newer.sqlite3"
    db = open_database(path)
    db["_sqlite_migrations"].insert({"migration_set": "prdesk", "name": "m999_from_the_future", "applied_at": "2030"})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = digest(path)
    with pytest.raises(RefusedDatabase, match="نسخهٔ جدیدتری"):
        open_database(path)
    assert digest(path) == before


def test_foreign_sqlite_file_is_refused_byte_identical(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(RefusedDatabase, match="برنامهٔ دیگری"):
        open_database(path)
    assert digest(path) == before
    assert not list(tmp_path.glob("other.sqlite3-*"))


def test_text_file_is_refused_byte_identical(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("این یک فایل متنی است\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(RefusedDatabase, match="SQLite نیست"):
        open_database(path)
    assert digest(path) == before


def test_truncated_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "cut.sqlite3"
    db = open_database(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path.write_bytes(path.read_bytes()[:200])
    before = digest(path)
    with pytest.raises(RefusedDatabase):
        open_database(path)
    assert digest(path) == before


def test_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    db = open_database(path)
    assert schema_version(db)[0] == latest_schema_version()
    db.close()


def test_directory_is_refused(tmp_path):
    with pytest.raises(RefusedDatabase, match="پوشه"):
        open_database(tmp_path)


def test_check_report_counts_tables(tmp_path):
    path = tmp_path / "c.sqlite3"
    db = open_database(path)
    db["settings"].insert({"key": "paper_size", "value": "A5"})
    counts = table_counts(db)
    db.close()
    assert counts["settings"] == 1
    assert not any(t.startswith(("_", "sqlite_")) for t in counts)


def test_second_connection_waits_instead_of_failing(tmp_path):
    """A command-line run beside the open window relies on SQLite's busy timeout."""
    path = tmp_path / "busy.sqlite3"
    window = open_database(path)
    cli = open_database(path)
    window.execute("BEGIN IMMEDIATE")
    window.execute("INSERT INTO settings (key, value) VALUES ('org_fax', '03132224455')")
    window.execute("COMMIT")
    assert cli["settings"].get("org_fax")["value"] == "03132224455"
    window.close()
    cli.close()
