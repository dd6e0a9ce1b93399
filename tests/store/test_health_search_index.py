"""The search-index part of the health report: a row whose index entry no longer matches fails the check."""

import hashlib
import sqlite3

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.store import contacts as store
from prdesk.store.db import open_database
from prdesk.store.health import full_check, search_index_check


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.sqlite3"
    db = open_database(path)
    org = store.add_organization(db, {"name": "تعاونی مرغداران آران", "city": "آران و بیدگل"})
    store.add_person(db, {"first_name": "علی", "last_name": "رستمی", "organization_id": org.id})
    store.add_person(db, {"first_name": "مریم", "last_name": "کاشانی"})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def break_index_row(path):
    """Drop one person's index entry behind the table's back, as a tool editing the file by hand could."""
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO people_fts (people_fts, rowid, search_key)"
        " SELECT 'delete', id, search_key FROM people ORDER BY id LIMIT 1"
    )
    conn.commit()
    conn.close()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sound_index_passes(office):
    report = full_check(office)
    assert report.ok
    assert report.as_dict()["checks"]["search_index"] == {"ok": True, "problems": []}
    assert "بررسی نمایهٔ جست‌وجوی مخاطبان: سالم" in report.lines()


def test_a_broken_index_row_fails_the_report_and_says_what_to_do(office):
    break_index_row(office)
    before = digest(office)
    report = full_check(office)
    assert not report.ok
    result = report.as_dict()["checks"]["search_index"]
    assert not result["ok"] and "بازگردانید" in result["problems"][0]
    assert report.as_dict()["checks"]["integrity_check"]["ok"]  # SQLite's own check does not see it
    assert any(line.startswith("بررسی نمایهٔ جست‌وجوی مخاطبان: مشکل دارد") for line in report.lines())
    assert digest(office) == before
    assert [p.name for p in office.parent.iterdir()] == ["office.sqlite3"]


def test_checking_an_open_database_leaves_it_writable_and_outside_a_transaction(office):
    db = open_database(office)
    assert search_index_check(db).ok
    assert not db.conn.in_transaction
    assert db.execute("PRAGMA query_only").fetchone()[0] == 0
    store.add_person(db, {"first_name": "سارا", "last_name": "امینی"})
    assert store.count_people(db) == 3
    db.close()


def test_prdesk_check_exits_with_failure_on_a_broken_index_row(office):
    break_index_row(office)
    result = CliRunner().invoke(cli, ["--db", str(office), "check"])
    assert result.exit_code == 1, result.output
    assert "نمایهٔ جست‌وجوی مخاطبان: مشکل دارد" in result.output
