"""What a backup's manifest vouches for: the checks create() saw pass on exactly its snapshot bytes.

Verify and restore prove the snapshot unchanged by its SHA-256 and then do not run those checks
again; a file that names none (made before the manifest said so, or crafted) gets them. What a
restore relies on (application id, migrations, schema, counts) is always read again.
"""

import dataclasses
import errno
import json
import os
import sqlite3
import struct
from pathlib import Path

import pytest

from prdesk.store import backup, health
from prdesk.store.backup import BackupError, container, create, fileops, restore, verify
from prdesk.store.backup.container import Manifest
from prdesk.store.backup.snapshot import _inspect_snapshot
from tests.store.test_backup import digest, make_office_db, notes, temp_files  # noqa: F401
from tests.store.test_backup_refusals import craft

DAMAGED = "سالم نیست|آسیب"


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3", rows=30)


@pytest.fixture
def counted(monkeypatch):
    """How often each SQLite check runs, wherever it is called from."""
    calls = {"quick_check": 0, "integrity_check": 0, "foreign_key_check": 0}
    for name in calls:
        real = getattr(health, name)

        def counting(conn, _real=real, _name=name):
            calls[_name] += 1
            return _real(conn)

        monkeypatch.setattr(health, name, counting)
    return calls


def _snapshot_of(path, tmp_path):
    snap = tmp_path / "snap.sqlite3"
    backup._snapshot(path, snap)
    return snap


def test_create_names_the_checks_it_saw_pass(office, tmp_path, counted):
    info = create(office, tmp_path / "b.prdesk-backup")
    assert info.manifest.checked == ("quick_check", "foreign_key_check")
    assert counted == {"quick_check": 1, "integrity_check": 0, "foreign_key_check": 1}
    raw = (tmp_path / "b.prdesk-backup").read_bytes()
    (length,) = struct.unpack(">I", raw[backup.PLAIN_HEADER_SIZE: backup.PLAIN_HEADER_SIZE + 4])
    manifest = json.loads(raw[backup.PLAIN_HEADER_SIZE + 4: backup.PLAIN_HEADER_SIZE + 4 + length])
    assert manifest["checked"] == ["quick_check", "foreign_key_check"]
    assert "بررسی‌شده هنگام ساخت: بررسی سریع، بررسی پیوند ردیف‌ها" in info.summary_lines()


def test_verify_does_not_run_again_what_the_checksum_vouches_for(office, tmp_path, counted):
    out = create(office, tmp_path / "b.prdesk-backup").path
    for name in counted:
        counted[name] = 0
    info = verify(out)
    assert counted == {"quick_check": 0, "integrity_check": 0, "foreign_key_check": 0}
    assert info.manifest.tables["events"] == 30  # the counts are read again and match


def test_a_file_that_vouches_for_nothing_gets_every_check(office, tmp_path, counted):
    crafted = craft(tmp_path / "old.prdesk-backup", _snapshot_of(office, tmp_path))
    assert read_checked(crafted) == ()
    for name in counted:
        counted[name] = 0
    verify(crafted)
    assert counted["quick_check"] == 1 and counted["foreign_key_check"] == 1


def read_checked(path):
    return backup.read_manifest(path).manifest.checked


def test_a_broken_link_in_a_file_that_does_not_vouch_for_it_is_still_refused(office, tmp_path):
    snap = _snapshot_of(office, tmp_path)
    conn = sqlite3.connect(snap)  # foreign keys off: the orphan gets in
    conn.execute("INSERT INTO events (responsible_person_id, title, date, created_at, updated_at)"
                 " VALUES (99999, 'یتیم', '2026-11-21', '', '')")
    conn.commit()
    conn.close()
    only_pages = craft(tmp_path / "pages.prdesk-backup", snap, checked=("quick_check",))
    with pytest.raises(BackupError, match=DAMAGED):
        verify(only_pages)
    before = digest(office)
    with pytest.raises(BackupError, match=DAMAGED):
        restore(office, only_pages, safety_folder=tmp_path / "backups")
    assert digest(office) == before and not (tmp_path / "backups").exists()
    assert temp_files(tmp_path) == []


def test_counts_are_read_again_even_when_the_checks_are_vouched_for(office, tmp_path):
    snap = _snapshot_of(office, tmp_path)
    facts = _inspect_snapshot(snap)
    wrong = craft(tmp_path / "wrong.prdesk-backup", snap, checked=("quick_check", "foreign_key_check"),
                  tables={**facts.tables, "events": 999})
    with pytest.raises(BackupError, match="شمار ردیف‌ها"):
        verify(wrong)


def test_unknown_check_names_are_left_out_and_a_wrong_type_is_refused(office, tmp_path):
    manifest = create(office, tmp_path / "b.prdesk-backup").manifest
    data = json.loads(manifest.to_json())
    data["checked"] = ["quick_check", "a_check_of_a_newer_prdesk"]
    assert Manifest.from_json(json.dumps(data).encode()).checked == ("quick_check",)
    for wrong in ("quick_check", [1], {"quick_check": True}):
        data["checked"] = wrong
        with pytest.raises(ValueError):
            Manifest.from_json(json.dumps(data).encode())
    del data["checked"]  # a file made before the field
    assert Manifest.from_json(json.dumps(data).encode()).checked == ()


def test_the_safety_copy_vouches_only_for_its_page_check(office, tmp_path, counted):
    saved = create(office, tmp_path / "saved.prdesk-backup").path
    for name in counted:
        counted[name] = 0
    result = restore(office, saved, safety_folder=tmp_path / "backups")
    assert result.safety_copy is not None
    assert read_checked(result.safety_copy) == ("quick_check",)
    # The restored backup vouched for both; the safety copy got its page check only.
    assert counted == {"quick_check": 1, "integrity_check": 0, "foreign_key_check": 0}
    # Restoring the safety copy later checks the links it did not vouch for.
    counted["foreign_key_check"] = 0
    restore(office, result.safety_copy, safety_folder=tmp_path / "backups")
    assert counted["foreign_key_check"] == 1
    assert len(notes(office)) == 30


def test_a_damaged_database_is_refused_though_its_checks_ran_beside_the_writing(office, tmp_path, monkeypatch):
    """The checks finish after the container is written: the file is removed and never named."""
    real = health.quick_check
    monkeypatch.setattr(health, "quick_check", lambda conn: dataclasses.replace(
        real(conn), ok=False, problems=("*** in database main ***\nPage 7: btreeInitPage() returns error code 11",)))
    out = tmp_path / "b.prdesk-backup"
    with pytest.raises(backup.DamagedDatabase, match="آسیب دیده"):
        create(office, out)
    assert not out.exists() and temp_files(tmp_path) == []
    assert container.CHECK_NAMES == {"quick_check", "foreign_key_check"}


# -- write-behind: the disk works while the file is still being written ------------------------------


@pytest.fixture
def synced(tmp_path, monkeypatch):
    """A 1 MB database, write-behind every 128 KiB, and the files each fsync was for (``fail``: the first raises ENOSPC)."""
    monkeypatch.setattr(fileops, "_BEHIND", 128 * 1024)
    names: list[str] = []
    real = fileops._fsync

    def recording(fh):
        names.append(Path(fh.name).name)
        if getattr(recording, "fail", False) and len(names) == 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fh)

    monkeypatch.setattr(fileops, "_fsync", recording)
    return make_office_db(tmp_path / "big.sqlite3", rows=600, body="x" * 1500), names, recording


def test_a_backup_is_handed_to_the_disk_while_it_is_written(tmp_path, synced):
    path, names, _ = synced
    create(path, tmp_path / "b.prdesk-backup")
    # Several while the container was written, then the last one that makes it durable.
    assert sum(1 for name in names if "backup" in name) >= 2
    names.clear()
    restore(path, tmp_path / "b.prdesk-backup", safety_folder=tmp_path / "backups")
    assert sum(1 for name in names if "restore" in name) >= 2


def test_a_full_disk_found_by_an_early_fsync_is_said_and_leaves_nothing(tmp_path, synced):
    path, names, recording = synced
    recording.fail = True
    before = digest(path)
    with pytest.raises(BackupError, match="فضای دیسک"):
        create(path, tmp_path / "b.prdesk-backup")
    assert not (tmp_path / "b.prdesk-backup").exists() and temp_files(tmp_path) == []
    assert digest(path) == before
