"""Restoring a backup: the safety copy, migrations, stale WAL files, other windows, refusals."""

import dataclasses
import os
import shutil
import sqlite3
import stat

import pytest

from prdesk.paths import user_data_dir
from prdesk.store import backup
from prdesk.store.backup import BackupCancelled, BackupError, create, preview_restore, restore, verify
from prdesk.store.db import connect, latest_schema_version, open_database, schema_version
from prdesk.store.health import integrity_check
from prdesk.store.migrations import migrations
from prdesk.store.settings import update_settings
from tests.store.test_backup import (  # noqa: F401
    add_note,
    corrupt_index,
    digest,
    fast_scrypt,
    make_office_db,
    note,
    notes,
    temp_files,
)


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3", rows=5)


@pytest.fixture
def saved(office, tmp_path):
    """A backup of the office with five notes; afterwards the clerk adds a sixth."""
    info = create(office, tmp_path / "saved.prdesk-backup")
    add_note(office, "یادداشت پس از پشتیبان")
    return info.path


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(office, saved, tmp_path):
    assert len(notes(office)) == 6
    result = restore(office, saved, safety_folder=tmp_path / "backups")
    assert len(notes(office)) == 5
    assert result.tables["events"] == 5
    assert result.safety_copy.name.startswith("office-safety-") and result.safety_copy.name.endswith(".prdesk-backup")
    assert verify(result.safety_copy).manifest.tables["events"] == 6
    # The safety copy undoes the restore through the same path.
    restore(office, result.safety_copy, safety_folder=tmp_path / "backups")
    assert notes(office)[-1] == "یادداشت پس از پشتیبان"
    assert temp_files(tmp_path, tmp_path / "backups") == []


def test_restored_database_opens_as_usual(office, saved, tmp_path):
    restore(office, saved, safety_folder=tmp_path / "backups")
    assert sorted(p.name for p in office.parent.iterdir() if p.name.startswith("office")) == ["office.sqlite3"]
    db = open_database(office)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert integrity_check(db).ok
    db["events"].insert(note("پس از بازگردانی"))
    db.close()


def test_restore_with_password(office, tmp_path, fast_scrypt):
    sealed = create(office, tmp_path / "sealed.prdesk-backup", password="کلید").path
    add_note(office, "تازه")
    restore(office, sealed, "کلید", safety_folder=tmp_path / "backups")
    assert len(notes(office)) == 5


def test_an_old_wal_is_never_replayed_into_the_restored_database(office, saved, tmp_path):
    """The current database has committed work still in its -wal (the window crashed)."""
    live = tmp_path / "live" / "office.sqlite3"
    live.parent.mkdir()
    window = connect(office)
    window.execute("PRAGMA wal_autocheckpoint = 0")
    window["events"].insert(note("فقط در WAL"))
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{office}{suffix}", f"{live}{suffix}")  # what the disk held at the crash
    window.close()
    assert os.path.getsize(f"{live}-wal") > 0

    result = restore(live, saved, safety_folder=tmp_path / "backups")
    assert "فقط در WAL" not in notes(live)
    assert len(notes(live)) == 5
    conn = sqlite3.connect(live)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert "فقط در WAL" in [r for r in _snapshot_notes(result.safety_copy, tmp_path)]


def _snapshot_notes(path, tmp_path):
    dest = tmp_path / "peek.sqlite3"
    backup._extract(path, None, dest)
    return notes(dest)


def test_restore_is_refused_while_another_window_has_the_database_open(office, saved, tmp_path):
    window = open_database(office)
    with pytest.raises(BackupError, match="در دست برنامهٔ دیگری"):
        restore(office, saved, safety_folder=tmp_path / "backups")
    assert window["events"].count == 6
    # Issue 9 item 14: a restore refused as in use leaves no safety copy behind.
    assert not (tmp_path / "backups").exists() or list((tmp_path / "backups").iterdir()) == []
    window["events"].insert(note("پنجره هنوز کار می‌کند"))
    window.close()
    assert len(notes(office)) == 7
    assert temp_files(tmp_path) == []
    restore(office, saved, safety_folder=tmp_path / "backups")
    assert len(notes(office)) == 5


@pytest.mark.skipif(len(migrations._migrations) < 2, reason="needs at least two migrations")
def test_older_backup_is_migrated_after_restore(tmp_path):
    old = tmp_path / "old.sqlite3"
    db = connect(old)
    last = migrations._migrations[-1].name
    migrations.apply(db, stop_before=last)
    db["settings"].insert({"key": "signatory_name", "value": "رضا احمدی"})
    db.close()
    info = create(old, tmp_path / "old.prdesk-backup")
    assert info.manifest.schema_version == latest_schema_version() - 1

    current = make_office_db(tmp_path / "office.sqlite3")
    result = restore(current, info.path, safety_folder=tmp_path / "backups")
    assert result.schema_version == latest_schema_version()
    db = open_database(current)
    assert schema_version(db) == (latest_schema_version(), last)
    assert db["settings"].get("signatory_name")["value"] == "رضا احمدی"
    db.close()


def test_restore_on_a_new_machine_creates_the_database(saved, tmp_path):
    target = tmp_path / "new-pc" / "data" / "prdesk.sqlite3"
    result = restore(target, saved)
    assert result.safety_copy is None
    assert len(notes(target)) == 5


def test_restore_over_a_damaged_database_keeps_its_raw_bytes(office, saved, tmp_path):
    corrupt_index(office)
    damaged = office.read_bytes()
    result = restore(office, saved, safety_folder=tmp_path / "backups")
    assert result.safety_copy.name.endswith("-damaged.sqlite3")
    assert result.safety_copy.read_bytes() == damaged
    db = open_database(office)
    assert integrity_check(db).ok and db["events"].count == 5
    db.close()


def test_restore_over_another_apps_file_is_refused(saved, tmp_path):
    other = tmp_path / "accounts.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(BackupError, match="دست زده نشد"):
        restore(other, saved, safety_folder=tmp_path / "backups")
    assert digest(other) == before
    assert temp_files(tmp_path) == []


def test_preview_shows_backup_and_current_counts(office, saved):
    preview = preview_restore(office, saved)
    assert preview.backup.manifest.tables["events"] == 5
    assert preview.current["events"] == 6
    text = "\n".join(preview.comparison_lines())
    assert "events: در پشتیبان ۵ — اکنون ۶" in text


def test_preview_on_a_new_machine_says_there_is_no_database(saved, tmp_path):
    preview = preview_restore(tmp_path / "none.sqlite3", saved)
    assert preview.current is None and "وجود ندارد" in preview.current_problem


def test_cancel_before_the_switch_changes_nothing(office, saved, tmp_path):
    before = digest(office)
    with pytest.raises(BackupCancelled):
        restore(office, saved, safety_folder=tmp_path / "backups", progress=lambda done, total: done < 60)
    assert digest(office) == before
    assert temp_files(tmp_path) == [] and not (tmp_path / "backups").exists()


def test_restore_never_rotates_old_backups(office, saved, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 31):
        shutil.copyfile(saved, folder / f"office-1405-07-{day:02d}-1000.prdesk-backup")
    restore(office, saved, safety_folder=folder)
    assert len([p for p in folder.iterdir() if p.name.startswith("office-1405-07-")]) == 30


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_restored_file_keeps_the_permissions_of_the_old_one(office, saved, tmp_path):
    office.chmod(0o640)
    restore(office, saved, safety_folder=tmp_path / "backups")
    assert stat.S_IMODE(office.stat().st_mode) == 0o640


def test_safety_copy_goes_to_the_backup_folder_from_settings(office, saved, tmp_path):
    chosen = tmp_path / "chosen"
    db = open_database(office)
    update_settings(db, {"backup_folder": str(chosen)})
    db.close()
    result = restore(office, saved)
    assert result.safety_copy.parent == chosen


def test_safety_copy_falls_back_when_the_usb_stick_is_missing(office, saved, tmp_path):
    db = open_database(office)
    update_settings(db, {"backup_folder": str(tmp_path / "E-drive" / "missing" / "backups")})
    db.close()
    result = restore(office, saved)
    assert result.safety_copy.parent == user_data_dir() / "backups"


def test_the_backup_is_checked_while_the_safety_copy_is_made(office, saved, tmp_path, monkeypatch):
    """The integrity check of the unpacked backup and the safety copy of the current file overlap, not queue."""
    import threading

    from prdesk.store.backup import restoring as service

    copying = threading.Event()
    overlapped = []
    real_inspect, real_keep = service._inspect_snapshot, service._keep_safety_copy

    def inspect(path, full=False, **kw):
        overlapped.append(copying.wait(timeout=5))  # one after the other, this would wait in vain
        return real_inspect(path, full, **kw)

    def keep(*args):
        copying.set()
        return real_keep(*args)

    monkeypatch.setattr(service, "_inspect_snapshot", inspect)
    monkeypatch.setattr(service, "_keep_safety_copy", keep)
    result = restore(office, saved, safety_folder=tmp_path / "backups")
    assert overlapped and all(overlapped)
    assert result.safety_copy is not None and result.safety_copy.exists()
    assert len(notes(office)) == 5


def test_a_refused_backup_takes_the_safety_copy_made_meanwhile_away(office, saved, tmp_path, monkeypatch):
    from prdesk.store.backup import restoring as service

    real_inspect = service._inspect_snapshot

    def damaged(path, full=False, **kw):
        facts = real_inspect(path, full, **kw)
        return dataclasses.replace(facts, problems=["*** in database main ***\nPage 7: btreeInitPage() returns error code 11"])

    monkeypatch.setattr(service, "_inspect_snapshot", damaged)
    before = digest(office)
    with pytest.raises(BackupError, match="سالم نیست"):
        restore(office, saved, safety_folder=tmp_path / "backups")
    assert digest(office) == before
    assert not (tmp_path / "backups").exists()
    assert temp_files(tmp_path) == []
