"""One crafted file per refusal rule: verify says why, restore leaves the database byte-identical."""

import dataclasses
import hashlib
import io
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest

from prdesk.store import backup
from prdesk.store.backup import container
from prdesk.store.backup import BackupError, Manifest, restore, verify
from prdesk.store.db import open_database
from prdesk.store.migrations import APPLICATION_ID
from tests.store.test_backup import corrupt_index, digest, fast_scrypt, make_office_db, temp_files  # noqa: F401

PASSWORD = "رمز درست"
NOT_OURS = "فایل پشتیبان پی\u200cآر\u200cدسک نیست"
DAMAGED = "آسیب دیده یا ناقص"
NEWER = "نسخهٔ جدیدتری"


def craft(path: Path, snapshot: Path, password: str | None = None, **changes) -> Path:
    """A container around any SQLite file, with valid checksums and any manifest changes."""
    facts = backup._inspect_snapshot(snapshot)
    sha, size = backup._sha256_file(snapshot)
    manifest = Manifest(
        app_version="0.1.0",
        schema_version=len(facts.applied),
        last_migration=facts.applied[-1] if facts.applied else "",
        created_utc="2026-11-21T12:00:00+00:00",
        created_jalali="1405/08/30 15:30",
        organization="",
        tables=facts.tables,
        snapshot_size=size,
        snapshot_sha256=sha,
        encrypted=password is not None,
    )
    manifest = dataclasses.replace(manifest, **changes)
    with path.open("wb") as out:
        backup._write_container(out, manifest, snapshot, password)
    return path


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def plain_header(version: int = backup.FORMAT_VERSION, flags: int = 0) -> bytes:
    body = backup.MAGIC + struct.pack(">HHI", version, flags, backup.PLAIN_HEADER_SIZE)
    return body + hashlib.sha256(body).digest()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo("x")
            info.filename = name  # ZipInfo would clean up '..' and absolute paths; an attacker's tool does not
            archive.writestr(info, data)
    return buffer.getvalue()


class Case:
    """What a crafted file needs: a good backup (plain and encrypted) and a spare snapshot to edit."""

    def __init__(self, tmp: Path, good: Path, sealed: Path, office: Path):
        self.tmp, self.good, self.sealed, self.office = tmp, good, sealed, office

    def out(self, data: bytes) -> Path:
        path = self.tmp / "crafted.prdesk-backup"
        path.write_bytes(data)
        return path

    def snapshot(self, name: str = "snap.sqlite3") -> Path:
        """A copy of the office database as a self-contained file to tamper with."""
        path = self.tmp / name
        backup._snapshot(self.office, path)
        return path


def _truncated(c):
    return c.out(c.good.read_bytes()[: c.good.stat().st_size // 2])


def _last_byte_cut(c):
    return c.out(c.good.read_bytes()[:-1])


def _header_only(c):
    return c.out(c.good.read_bytes()[: backup.PLAIN_HEADER_SIZE])


def _flipped_in_snapshot(c):
    return c.out(flip(c.good.read_bytes(), c.good.stat().st_size - 5000))


def _flipped_in_manifest(c):
    return c.out(flip(c.good.read_bytes(), backup.PLAIN_HEADER_SIZE + 40))


def _flipped_in_header(c):
    return c.out(flip(c.good.read_bytes(), len(backup.MAGIC) + 1))


def _flipped_in_checksum(c):
    return c.out(flip(c.good.read_bytes(), c.good.stat().st_size - 1))


def _flipped_in_sealed_chunk(c):
    return c.out(flip(c.sealed.read_bytes(), backup.ENCRYPTED_HEADER_SIZE + 100))


def _flipped_in_wrapped_key(c):
    return c.out(flip(c.sealed.read_bytes(), backup.ENCRYPTED_HEADER_SIZE - 40))


def _extra_bytes(c):
    return c.out(c.good.read_bytes() + b"\x00" * 10)


def _empty(c):
    return c.out(b"")


def _text_file(c):
    return c.out("این یک فایل متنی است\n".encode())


def _unrelated_zip(c):
    return c.out(zip_bytes({"report.txt": "گزارش".encode()}))


def _zip_with_dotdot(c):
    return c.out(zip_bytes({"../../evil.txt": b"owned", "snapshot.sqlite3": b"x"}))


def _zip_with_absolute_paths(c):
    return c.out(zip_bytes({"/tmp/evil.txt": b"owned", "C:\\Windows\\evil.txt": b"owned"}))


def _zip_with_absurd_sizes(c):
    data = bytearray(zip_bytes({"snapshot.sqlite3": b"small"}))
    # The central directory claims 4 GiB for the entry: a zip bomb's promise.
    at = data.rfind(b"PK\x01\x02")
    data[at + 20: at + 28] = struct.pack("<II", 0xFFFFFFFF, 0xFFFFFFFF)
    return c.out(bytes(data))


def _plain_sqlite_of_another_app(c):
    path = c.tmp / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    conn.commit()
    conn.close()
    return c.out(path.read_bytes())


def _our_database_file_itself(c):
    return c.out(c.snapshot().read_bytes())


def _container_around_another_apps_database(c):
    path = c.tmp / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    return craft(c.tmp / "crafted.prdesk-backup", path)


def _newer_format_version(c):
    data = c.good.read_bytes()
    return c.out(plain_header(version=backup.FORMAT_VERSION + 1) + data[backup.PLAIN_HEADER_SIZE:])


def _newer_schema_in_snapshot(c):
    snap = c.snapshot()
    conn = sqlite3.connect(snap)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('prdesk', 'm999_from_the_future', '2030')"
    )
    conn.commit()
    conn.close()
    return craft(c.tmp / "crafted.prdesk-backup", snap)


def _newer_schema_in_manifest(c):
    return craft(c.tmp / "crafted.prdesk-backup", c.snapshot(), schema_version=999)


def _unknown_flags(c):
    data = c.good.read_bytes()
    return c.out(plain_header(flags=0x0100) + data[backup.PLAIN_HEADER_SIZE:])


def _absurd_manifest_length(c):
    return c.out(plain_header() + struct.pack(">I", 0xFFFFFFF0) + b"{}")


def _absurd_snapshot_size(c):
    return craft(c.tmp / "crafted.prdesk-backup", c.snapshot(), snapshot_size=1 << 50)


def _absurd_scrypt_cost(c):
    kdf = struct.pack(">BBBB16sI7s12s", backup.KDF_SCRYPT, 40, 8, 1, b"s" * 16, backup.CHUNK_SIZE, b"n" * 7, b"w" * 12)
    body = backup.MAGIC + struct.pack(">HHI", 1, backup.FLAG_ENCRYPTED, backup.ENCRYPTED_HEADER_SIZE) + kdf + b"k" * 48
    return c.out(body + hashlib.sha256(body).digest() + b"\x00" * 64)


def _damaged_database_inside(c):
    snap = c.snapshot()
    corrupt_index(snap)
    return craft(c.tmp / "crafted.prdesk-backup", snap)


def _counts_differ_from_manifest(c):
    snap = c.snapshot()
    facts = backup._inspect_snapshot(snap)
    return craft(c.tmp / "crafted.prdesk-backup", snap, tables={**facts.tables, "events": 5000})


def _broken_foreign_key_inside(c):
    snap = c.snapshot()
    conn = sqlite3.connect(snap)  # foreign keys off: the orphan gets in
    conn.execute("INSERT INTO events (responsible_person_id, title, date, created_at, updated_at) VALUES (99999, 'یتیم', '2026-11-21', '', '')")
    conn.commit()
    conn.close()
    return craft(c.tmp / "crafted.prdesk-backup", snap)


def _wrong_application_id_inside(c):
    snap = c.snapshot()
    conn = sqlite3.connect(snap)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("DROP TABLE _sqlite_migrations")
    conn.commit()
    conn.close()
    return craft(c.tmp / "crafted.prdesk-backup", snap)


CASES = [
    (_truncated, DAMAGED),
    (_last_byte_cut, DAMAGED),
    (_header_only, DAMAGED),
    (_flipped_in_snapshot, DAMAGED),
    (_flipped_in_manifest, DAMAGED),
    (_flipped_in_header, DAMAGED),
    (_flipped_in_checksum, DAMAGED),
    (_flipped_in_sealed_chunk, DAMAGED),
    (_flipped_in_wrapped_key, DAMAGED),
    (_extra_bytes, DAMAGED),
    (_empty, NOT_OURS),
    (_text_file, NOT_OURS),
    (_unrelated_zip, NOT_OURS + " \\(یک فایل فشردهٔ zip"),
    (_zip_with_dotdot, NOT_OURS),
    (_zip_with_absolute_paths, NOT_OURS),
    (_zip_with_absurd_sizes, NOT_OURS),
    (_plain_sqlite_of_another_app, NOT_OURS + " \\(خودِ یک پایگاه داده"),
    (_our_database_file_itself, NOT_OURS),
    (_container_around_another_apps_database, "برنامهٔ دیگری"),
    (_wrong_application_id_inside, "برنامهٔ دیگری"),
    (_newer_format_version, NEWER),
    (_newer_schema_in_snapshot, NEWER),
    (_newer_schema_in_manifest, NEWER),
    (_unknown_flags, DAMAGED),
    (_absurd_manifest_length, NOT_OURS),
    (_absurd_snapshot_size, NOT_OURS),
    (_absurd_scrypt_cost, NOT_OURS),
    (_damaged_database_inside, DAMAGED),
    (_counts_differ_from_manifest, DAMAGED),
    (_broken_foreign_key_inside, DAMAGED),
]


@pytest.fixture
def case(tmp_path, fast_scrypt):
    office = make_office_db(tmp_path / "office.sqlite3")
    good = backup.create(office, tmp_path / "good.prdesk-backup").path
    sealed = backup.create(office, tmp_path / "sealed.prdesk-backup", password=PASSWORD).path
    return Case(tmp_path, good, sealed, office)


@pytest.fixture
def current(tmp_path):
    """The clerk's database that a bad file must not touch: newer data than the backups."""
    path = make_office_db(tmp_path / "live" / "office.sqlite3", rows=70)
    return path


@pytest.mark.parametrize("build, message", CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_crafted_file_is_refused_and_the_database_is_untouched(case, current, tmp_path, build, message):
    crafted = build(case)
    with pytest.raises(BackupError, match=message):
        verify(crafted, PASSWORD)
    before = digest(current)
    safety = tmp_path / "safety"
    with pytest.raises(BackupError, match=message):
        restore(current, crafted, PASSWORD, safety_folder=safety)
    assert digest(current) == before
    assert sorted(p.name for p in current.parent.iterdir()) == ["office.sqlite3"]
    assert not safety.exists()
    assert temp_files(tmp_path) == []
    assert not any(p.name == "evil.txt" for p in Path(tmp_path).rglob("*"))
    db = open_database(current)
    assert db["events"].count == 70
    db.close()


def test_wrong_password_is_refused_and_the_database_is_untouched(case, current):
    before = digest(current)
    with pytest.raises(backup.WrongPassword, match="رمز عبور نادرست است"):
        restore(current, case.sealed, "رمز نادرست")
    assert digest(current) == before


def test_missing_password_is_asked_for(case, current):
    before = digest(current)
    with pytest.raises(backup.PasswordRequired, match="رمز دارد"):
        restore(current, case.sealed)
    assert digest(current) == before


def test_damaged_encrypted_file_is_not_called_a_wrong_password(case):
    crafted = _flipped_in_sealed_chunk(case)
    with pytest.raises(BackupError) as caught:
        verify(crafted, PASSWORD)
    assert not isinstance(caught.value, backup.WrongPassword)


def test_cutting_off_whole_chunks_is_caught_by_the_last_chunk_flag(case, monkeypatch):
    """Even a reader that skipped the length check would refuse a file cut at a chunk boundary."""
    monkeypatch.setattr(container, "CHUNK_SIZE", 4096)
    sealed = backup.create(case.office, case.tmp / "small-chunks.prdesk-backup", password=PASSWORD).path
    whole = sealed.read_bytes()
    cut = whole[: backup.ENCRYPTED_HEADER_SIZE + 3 * (4096 + 16)]
    with io.BytesIO(cut) as fh:
        header = backup._read_header(fh, sealed)
        key = backup._unwrap(header, PASSWORD, sealed)
        reader = backup._SealedReader(fh, header, key, sealed)
        reader.read(2 * 4096)  # the first chunks open
        with pytest.raises(BackupError, match=DAMAGED):
            reader.read(4096)  # the third was sealed as "not last" but is the last one present


def test_reordered_chunks_are_refused(case, monkeypatch):
    monkeypatch.setattr(container, "CHUNK_SIZE", 4096)
    sealed = backup.create(case.office, case.tmp / "small-chunks.prdesk-backup", password=PASSWORD).path
    data = sealed.read_bytes()
    start, size = backup.ENCRYPTED_HEADER_SIZE, 4096 + 16
    first, second = data[start + size: start + 2 * size], data[start + 2 * size: start + 3 * size]
    swapped = data[: start + size] + second + first + data[start + 3 * size:]
    with pytest.raises(BackupError, match=DAMAGED):
        verify(case.out(swapped), PASSWORD)


def test_refusal_rules_are_not_vacuous(case):
    """The good files the crafted ones start from do verify."""
    assert verify(case.good).manifest.tables["events"] == 50
    assert verify(case.sealed, PASSWORD).manifest.encrypted
    assert craft(case.tmp / "recrafted.prdesk-backup", case.snapshot()).exists()
    assert verify(case.tmp / "recrafted.prdesk-backup")


def test_application_id_is_what_marks_a_prdesk_snapshot(case):
    conn = sqlite3.connect(case.snapshot())
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
