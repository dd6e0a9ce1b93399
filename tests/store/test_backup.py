"""Creating and verifying .prdesk-backup files: contents, manifest, password, progress, failures."""

import datetime as dt
import errno
import hashlib
import json
import sqlite3
import struct
import threading
import tracemalloc
from pathlib import Path

import pytest

import prdesk
from prdesk.store import backup
from prdesk.store.backup import container, fileops
from prdesk.store.backup import (
    BackupCancelled,
    BackupError,
    DamagedDatabase,
    PasswordRequired,
    WrongPassword,
    create,
    default_backup_name,
    read_manifest,
    verify,
)
from prdesk.store.db import latest_schema_version, open_database
from prdesk.store.settings import update_settings

ORG = "اداره کل تعاون، کار و رفاه اجتماعی استان اصفهان"
MARKER = "پرونده‌ای-با-نشانی-یکتا-۷۳۱۹"


# -- helpers shared with the other backup test files ------------------------------------------------


def make_office_db(path: Path, rows: int = 50, body: str = "یادداشت") -> Path:
    """A prdesk database with settings and ``rows`` office events (a table with a foreign key); closed.

    Only the schema the migrations make: a backup or a check refuses anything else as foreign.
    """
    db = open_database(path)
    update_settings(db, {"org_name_line3": ORG})
    with db.atomic():
        db["events"].insert_all(note(f"{body} {MARKER} {i}") | {"id": i} for i in range(1, rows + 1))
    db.close()
    return path


def note(body: str) -> dict:
    """An office event row whose title is ``body``: the tests' stand-in for a clerk's note."""
    return {"title": body, "date": "2026-11-21", "created_at": "", "updated_at": ""}


def add_note(path: Path, body: str) -> None:
    db = open_database(path)
    db["events"].insert(note(body))
    db.close()


def notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM events ORDER BY id")]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def temp_files(*folders: Path) -> list[Path]:
    return [p for f in folders if f.exists() for p in f.iterdir() if p.name.startswith(backup.TEMP_PREFIX)]


@pytest.fixture
def fast_scrypt(monkeypatch):
    """Cheap scrypt for tests; the reader honours whatever cost the header states."""
    monkeypatch.setattr(container, "SCRYPT_LOG2_N", 12)


@pytest.fixture
def office(tmp_path) -> Path:
    return make_office_db(tmp_path / "office.sqlite3")


# -- names -------------------------------------------------------------------------------------------


def test_default_name_is_jalali_date_and_time():
    assert default_backup_name(dt.datetime(2026, 11, 21, 15, 30)) == "prdesk-1405-08-30-1530.prdesk-backup"
    assert backup.safety_copy_name(dt.datetime(2026, 3, 21, 8, 5)) == "prdesk-safety-1405-01-01-0805.prdesk-backup"


def test_unique_path_adds_a_number_within_the_same_minute(tmp_path):
    name = default_backup_name(dt.datetime(2026, 11, 21, 15, 30))
    (tmp_path / name).touch()
    second = backup.unique_path(tmp_path, name)
    assert second.name == "prdesk-1405-08-30-1530-2.prdesk-backup"
    second.touch()
    assert backup.unique_path(tmp_path, name).name == "prdesk-1405-08-30-1530-3.prdesk-backup"


# -- create and verify --------------------------------------------------------------------------------


def test_create_writes_a_file_that_verifies(office, tmp_path):
    out = tmp_path / "out" / default_backup_name()
    out.parent.mkdir()
    info = create(office, out)
    assert out.is_file() and info.size == out.stat().st_size
    assert verify(out).manifest == info.manifest
    assert temp_files(tmp_path, out.parent) == []


def test_manifest_records_versions_org_counts_and_checksum(office, tmp_path):
    when = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.timezone.utc)
    info = create(office, tmp_path / "b.prdesk-backup", now=when)
    m = info.manifest
    assert m.app_version == prdesk.__version__
    assert m.schema_version == latest_schema_version()
    assert m.created_utc == "2026-11-21T12:00:00+00:00"
    assert m.created_jalali.startswith("1405/08/30") or m.created_jalali.startswith("1405/09/01")
    assert m.organization == ORG
    assert m.tables["events"] == 50 and m.tables["settings"] == 1
    assert not any(t.startswith(("_", "sqlite_"))  for t in m.tables)
    assert m.encrypted is False

    raw = (tmp_path / "b.prdesk-backup").read_bytes()
    (length,) = struct.unpack(">I", raw[backup.PLAIN_HEADER_SIZE: backup.PLAIN_HEADER_SIZE + 4])
    start = backup.PLAIN_HEADER_SIZE + 4 + length
    snapshot = raw[start: start + m.snapshot_size]
    assert hashlib.sha256(snapshot).hexdigest() == m.snapshot_sha256
    assert json.loads(raw[backup.PLAIN_HEADER_SIZE + 4: start])["snapshot"]["sha256"] == m.snapshot_sha256
    assert snapshot.startswith(b"SQLite format 3\x00")


def test_create_accepts_an_open_database(office, tmp_path):
    db = open_database(office)
    info = create(db, tmp_path / "b.prdesk-backup")
    db.close()
    assert info.manifest.tables["events"] == 50


def test_snapshot_is_consistent_while_another_connection_writes(office, tmp_path):
    """The window keeps writing while the backup runs; the snapshot holds whole transactions only."""
    stop = threading.Event()

    def writer():
        conn = sqlite3.connect(office, isolation_level=None, timeout=10)
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO events (title, date, created_at, updated_at) VALUES ('a', '2026-11-21', '', '')")
            conn.execute("INSERT INTO events (title, date, created_at, updated_at) VALUES ('b', '2026-11-21', '', '')")
            conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        infos = [create(office, tmp_path / f"b{i}.prdesk-backup") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for info in infos:
        assert verify(info.path).manifest.tables["events"] % 2 == 0  # pairs: never half a transaction


def test_uncommitted_work_of_another_connection_is_not_in_the_backup(office, tmp_path):
    window = open_database(office)
    window.execute("BEGIN IMMEDIATE")
    window.execute("INSERT INTO events (title, date, created_at, updated_at) VALUES ('هنوز ذخیره نشده', '2026-11-21', '', '')")
    info = create(office, tmp_path / "b.prdesk-backup")
    window.execute("ROLLBACK")
    window.close()
    assert info.manifest.tables["events"] == 50


def test_snapshot_is_self_contained_rollback_journal_file(office, tmp_path):
    info = create(office, tmp_path / "b.prdesk-backup")
    dest = tmp_path / "x.sqlite3"
    backup._extract(info.path, None, dest)
    assert dest.read_bytes()[18:20] == b"\x01\x01"  # legacy (rollback journal) file format, not WAL


def test_progress_reaches_100_in_order(office, tmp_path):
    seen = []
    create(office, tmp_path / "b.prdesk-backup", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (100, 100)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    seen.clear()
    verify(tmp_path / "b.prdesk-backup", progress=lambda done, total: seen.append(done))
    assert seen[-1] == 100


def test_cancel_leaves_nothing(office, tmp_path):
    out = tmp_path / "b.prdesk-backup"
    with pytest.raises(BackupCancelled):
        create(office, out, progress=lambda done, total: done < 50)
    assert not out.exists()
    assert temp_files(tmp_path) == []


def test_missing_folder_is_named(office, tmp_path):
    with pytest.raises(BackupError, match="پیدا نشد"):
        create(office, tmp_path / "USB" / "b.prdesk-backup")


def test_missing_database_is_refused(tmp_path):
    with pytest.raises(BackupError, match="پایگاه داده‌ای"):
        create(tmp_path / "nothing.sqlite3", tmp_path / "b.prdesk-backup")
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_backup_onto_the_database_itself_is_refused(office):
    before = digest(office)
    with pytest.raises(BackupError, match="خودِ پایگاه داده"):
        create(office, office)
    assert digest(office) == before


def test_unwritable_folder_names_the_cause(office, tmp_path, monkeypatch):
    def denied(folder, tag):
        if tag == "backup":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(folder, tag)

    real = backup._temp_file
    monkeypatch.setattr(fileops, "_temp_file", denied)
    with pytest.raises(BackupError, match="اجازهٔ نوشتن"):
        create(office, tmp_path / "b.prdesk-backup")
    assert temp_files(tmp_path) == []


def test_rename_is_retried_while_another_program_holds_the_target(office, tmp_path, monkeypatch):
    calls = []
    real = backup._rename

    def held(src, dst):
        calls.append(dst)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "held by antivirus")
        real(src, dst)

    monkeypatch.setattr(fileops, "_REPLACE_DELAYS", (0.0, 0.0, 0.0))
    monkeypatch.setattr(fileops, "_rename", held)
    info = create(office, tmp_path / "b.prdesk-backup")
    assert len(calls) == 3 and verify(info.path)


def test_rename_gives_up_with_a_clear_message(office, tmp_path, monkeypatch):
    def held(src, dst):
        raise PermissionError(errno.EACCES, "held by antivirus")

    monkeypatch.setattr(fileops, "_REPLACE_DELAYS", (0.0,))
    monkeypatch.setattr(fileops, "_rename", held)
    with pytest.raises(BackupError, match="برنامهٔ دیگری"):
        create(office, tmp_path / "b.prdesk-backup")
    assert not (tmp_path / "b.prdesk-backup").exists()
    assert temp_files(tmp_path) == []


def corrupt_index(path: Path) -> None:
    """Overwrite the root page of an index: the file opens, but quick_check fails."""
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


def test_damaged_database_is_not_backed_up(office, tmp_path):
    corrupt_index(office)
    out = tmp_path / "b.prdesk-backup"
    with pytest.raises(DamagedDatabase, match="آسیب دیده"):
        create(office, out)
    assert not out.exists() and temp_files(tmp_path) == []


def test_memory_stays_bounded_on_a_large_database(tmp_path, fast_scrypt):
    path = make_office_db(tmp_path / "big.sqlite3", rows=12_000, body="x" * 1500)
    assert path.stat().st_size > 16 * 1024 * 1024
    tracemalloc.start()
    try:
        create(path, tmp_path / "b.prdesk-backup", password="رمز")
        verify(tmp_path / "b.prdesk-backup", password="رمز")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024


# -- the password ---------------------------------------------------------------------------------------


def test_encrypted_backup_hides_the_data_and_needs_its_password(office, tmp_path, fast_scrypt):
    out = tmp_path / "b.prdesk-backup"
    info = create(office, out, password="گل‌سرخ-1405")
    raw = out.read_bytes()
    assert MARKER.encode() not in raw and ORG.encode() not in raw and b"SQLite format 3" not in raw
    assert backup.is_encrypted(out) and info.manifest.encrypted
    assert verify(out, "گل‌سرخ-1405").manifest == info.manifest
    with pytest.raises(PasswordRequired, match="رمز دارد"):
        verify(out)


def test_plain_backup_really_contains_the_data(office, tmp_path):
    """The counterpart of the test above, so it cannot pass for a wrong reason."""
    out = tmp_path / "b.prdesk-backup"
    create(office, out)
    assert MARKER.encode() in out.read_bytes() and not backup.is_encrypted(out)


def test_wrong_password_says_so(office, tmp_path, fast_scrypt):
    out = tmp_path / "b.prdesk-backup"
    create(office, out, password="correct horse")
    with pytest.raises(WrongPassword, match="رمز عبور نادرست است"):
        verify(out, "Correct horse")


def test_password_typed_on_an_arabic_layout_or_with_persian_digits_still_opens(office, tmp_path, fast_scrypt):
    out = tmp_path / "b.prdesk-backup"
    create(office, out, password="یک کلید ۱۲۳")
    assert verify(out, "يك كليد 123")


def test_empty_password_is_refused(office, tmp_path):
    with pytest.raises(BackupError, match="خالی"):
        create(office, tmp_path / "b.prdesk-backup", password="")
    assert not (tmp_path / "b.prdesk-backup").exists()


def test_default_scrypt_cost_round_trips(office, tmp_path):
    out = tmp_path / "b.prdesk-backup"
    create(office, out, password="رمز")
    assert out.read_bytes()[len(backup.MAGIC) + 8 + 1] == 17  # log2 N in the header
    assert verify(out, "رمز")


def test_encrypted_file_is_sealed_in_chunks(office, tmp_path, fast_scrypt, monkeypatch):
    monkeypatch.setattr(container, "CHUNK_SIZE", 4096)
    out = tmp_path / "b.prdesk-backup"
    info = create(office, out, password="رمز")
    stream = 4 + len(info.manifest.to_json()) + info.manifest.snapshot_size
    chunks = -(-stream // 4096)
    assert chunks > 10
    assert out.stat().st_size == backup.ENCRYPTED_HEADER_SIZE + stream + 16 * chunks
    assert verify(out, "رمز")


# -- reading without a full check -------------------------------------------------------------------


def test_read_manifest_and_looks_intact(office, tmp_path):
    info = create(office, tmp_path / "b.prdesk-backup")
    assert read_manifest(info.path).manifest == info.manifest
    assert backup.looks_intact(info.path)
    cut = tmp_path / "cut.prdesk-backup"
    cut.write_bytes(info.path.read_bytes()[:-100])
    assert not backup.looks_intact(cut)


def test_summary_lines_show_what_the_backup_holds(office, tmp_path):
    lines = create(office, tmp_path / "b.prdesk-backup").summary_lines()
    text = "\n".join(lines)
    assert ORG in text and "events: ۵۰" in text and "رمزدار: خیر" in text


def test_stale_temp_files_are_removed_but_nothing_else(tmp_path):
    import os
    import time

    stale = tmp_path / ".prdesk-backup-abc.tmp"
    fresh = tmp_path / ".prdesk-backup-def.tmp"
    mine = tmp_path / "prdesk-1405-08-30-1530.prdesk-backup"
    other = tmp_path / "notes.tmp"
    for p in (stale, fresh, mine, other):
        p.write_bytes(b"x")
    old = time.time() - 7200
    for p in (stale, mine, other):
        os.utime(p, (old, old))
    assert backup.remove_stale_temp_files(tmp_path) == [stale]
    assert fresh.exists() and mine.exists() and other.exists()


def test_folders_with_persian_names_spaces_and_uri_characters(tmp_path):
    folder = tmp_path / "اسناد روابط عمومی #۱ ?%"
    folder.mkdir()
    path = make_office_db(folder / "دفتر.sqlite3")
    info = create(path, folder / default_backup_name())
    assert verify(info.path).manifest.tables["events"] == 50
    add_note(path, "تازه")
    backup.restore(path, info.path, safety_folder=folder / "پشتیبان‌ها")
    assert len(notes(path)) == 50
