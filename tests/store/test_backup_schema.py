"""A backup or database whose schema is not what its migrations make is refused (issue 9, item 2)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.store import backup
from prdesk.store.backup import BackupError, restore, verify
from prdesk.store.db import open_database
from prdesk.store.health import full_check
from prdesk.store.migrations import migrations
from prdesk.store.schema import reference_schema, schema_differences
from tests.store.test_backup import digest, make_office_db
from tests.store.test_backup_refusals import craft

HOSTILE_TRIGGER = "CREATE TRIGGER people_keep_one AFTER INSERT ON people BEGIN DELETE FROM people WHERE id <> NEW.id; END"
TAMPERING = {
    "hostile trigger": [HOSTILE_TRIGGER],
    "a view in place of a table": ["DROP TABLE events", "CREATE VIEW events AS SELECT 1 AS id, 'x' AS title"],
    "dropped search index": ["DROP TABLE people_fts"],
    "a trigger of the same name with another body": [
        "DROP TRIGGER people_fts_delete",
        "CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN DELETE FROM organizations; END",
    ],
    "an extra column": ["ALTER TABLE people ADD COLUMN secret TEXT"],
    "a dropped index": ["DROP INDEX people_sort_name"],
}


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3", rows=5)


def tamper(path: Path, statements: list[str]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def tampered_backup(office: Path, tmp_path: Path, statements: list[str]) -> Path:
    snapshot = tmp_path / "snap.sqlite3"
    backup._snapshot(office, snapshot)
    tamper(snapshot, statements)
    return craft(tmp_path / "crafted.prdesk-backup", snapshot)


def test_a_fresh_database_has_exactly_the_schema_its_migrations_make(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    applied = [m.name for m in migrations.applied(db)]
    assert schema_differences(db.conn, applied) == []
    assert reference_schema(tuple(applied)) is reference_schema(tuple(applied))  # built once
    db.close()


@pytest.mark.parametrize("case", list(TAMPERING))
def test_verify_and_restore_refuse_a_foreign_schema(office, tmp_path, case):
    crafted = tampered_backup(office, tmp_path, TAMPERING[case])
    with pytest.raises(BackupError, match="ساختارش را") as refused:
        verify(crafted)
    assert "چیزی تغییر نکرد" in str(refused.value)
    before = digest(office)
    with pytest.raises(BackupError, match="ساختارش را"):
        restore(office, crafted, safety_folder=tmp_path / "safety")
    assert digest(office) == before
    assert not (tmp_path / "safety").exists()


def test_the_cli_refuses_the_hostile_trigger_backup(office, tmp_path):
    crafted = tampered_backup(office, tmp_path, [HOSTILE_TRIGGER])
    before = digest(office)
    for args in (["backup", "verify", crafted], ["--db", office, "backup", "restore", crafted, "--yes"]):
        result = CliRunner().invoke(cli, [str(a) for a in args])
        assert result.exit_code == 1 and "people_keep_one" in result.output, result.output
    assert digest(office) == before


@pytest.mark.parametrize("case", list(TAMPERING))
def test_check_reports_a_foreign_schema(office, case):
    tamper(office, TAMPERING[case])
    before = digest(office)
    report = full_check(office)
    assert not report.ok
    schema = next(c for c in report.checks if c.name == "schema")
    assert not schema.ok and "ساختار پایگاه داده" in schema.problems[0]
    assert digest(office) == before


def test_prdesk_check_no_longer_says_healthy_with_a_hostile_trigger(office):
    tamper(office, [HOSTILE_TRIGGER])
    result = CliRunner().invoke(cli, ["--db", str(office), "check"])
    assert result.exit_code == 1
    assert "بررسی ساختار: مشکل دارد" in result.output and "people_keep_one" in result.output
    assert "نتیجه: سالم" not in result.output


def test_a_database_with_a_foreign_schema_is_not_backed_up(office, tmp_path):
    tamper(office, [HOSTILE_TRIGGER])
    with pytest.raises(BackupError, match="ساختار پایگاه داده"):
        backup.create(office, tmp_path / "b.prdesk-backup")
    assert not (tmp_path / "b.prdesk-backup").exists()
