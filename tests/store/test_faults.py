"""Faults: SIGKILL in the middle of backups and restores, a full disk at each step of both."""

import errno
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from prdesk.store import backup
from prdesk.store.backup import fileops
from prdesk.store.backup import BackupError, create, restore, verify
from prdesk.store.db import open_database
from tests.store.test_backup import digest, make_office_db, note, notes

ROOT = Path(__file__).resolve().parents[2]
FULL = "فضای دیسک"
posix_only = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

BACKUP_CHILD = """
import sys
from pathlib import Path
import sqlite_utils  # noqa: F401 - imported by the store on first use; "ready" means loaded, as before
from prdesk.store.db import open_database
from prdesk.store.rotation import automatic_backup

db_path, folder = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    # The window's work and the automatic backup, as in the running app.
    db = open_database(db_path)
    with db.atomic():
        db["events"].insert_all(
            {"title": f"کار {n}-{i}", "date": "2026-11-21", "created_at": "", "updated_at": ""} for i in range(20)
        )
    db.close()
    automatic_backup(db_path, folder)
    n += 1
"""

RESTORE_CHILD = """
import sys
from pathlib import Path
from prdesk.store.backup import restore

db_path, first, second, safety = (Path(a) for a in sys.argv[1:5])
print("ready", flush=True)
n = 0
while True:
    restore(db_path, first if n % 2 == 0 else second, safety_folder=safety)
    n += 1
"""


def _kill_at_random(script: str, args: list, rng: random.Random, longest: float) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        line = child.stdout.readline()
        assert line.strip() == b"ready", child.stderr.read().decode()
        time.sleep(rng.uniform(0, longest))
        assert child.poll() is None, child.stderr.read().decode()  # still working, not crashed
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _temps(*folders: Path) -> list[Path]:
    return [p for f in folders if f.exists() for p in f.iterdir() if p.name.startswith(backup.TEMP_PREFIX)]


@posix_only
def test_sigkill_during_automatic_backups_30_times(tmp_path):
    db_path = make_office_db(tmp_path / "office.sqlite3", rows=3000, body="x" * 800)
    folder = tmp_path / "backups"
    rng = random.Random(6)
    checked: set[str] = set()
    caught_mid_write = 0
    for _ in range(30):
        _kill_at_random(BACKUP_CHILD, [db_path, folder], rng, longest=0.25)
        assert _integrity(db_path) == "ok"
        leftovers = _temps(folder, tmp_path)
        caught_mid_write += bool(leftovers)
        for path in leftovers:
            assert not path.name.endswith(backup.SUFFIX)
        # Every file carrying a final name is whole and sound (files never change once named).
        for path in sorted(folder.glob(f"*{backup.SUFFIX}")) if folder.exists() else []:
            if path.name not in checked:
                verify(path)
                checked.add(path.name)
        backup.remove_stale_temp_files(folder, older_than=0)
        backup.remove_stale_temp_files(tmp_path, older_than=0)
    assert checked, "no backup finished in any run"
    assert caught_mid_write >= 5, f"only {caught_mid_write} kills landed in the middle of a backup"
    assert _temps(folder, tmp_path) == []
    db = open_database(db_path)  # the app still opens it, and all work is whole transactions of 20 rows
    assert (db["events"].count - 3000) % 20 == 0
    db.close()


@posix_only
def test_sigkill_during_restores_leaves_the_whole_old_or_the_whole_new_database(tmp_path):
    db_path = make_office_db(tmp_path / "live" / "office.sqlite3", rows=400, body="y" * 500)
    first = create(make_office_db(tmp_path / "a.sqlite3", rows=300, body="a" * 500), tmp_path / "a.prdesk-backup").path
    second = create(make_office_db(tmp_path / "b.sqlite3", rows=500, body="b" * 500), tmp_path / "b.prdesk-backup").path
    rng = random.Random(7)
    seen = set()
    for _ in range(15):
        _kill_at_random(RESTORE_CHILD, [db_path, first, second, tmp_path / "safety"], rng, longest=0.35)
        assert _integrity(db_path) == "ok"
        count = len(notes(db_path))
        assert count in (300, 400, 500)
        seen.add(count)
        db = open_database(db_path)
        db.close()
    assert len(seen) >= 2, "the restores never completed between kills"
    for path in (tmp_path / "safety").glob(f"*{backup.SUFFIX}"):
        verify(path)


# -- a full disk at each step ------------------------------------------------------------------------


def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _sqlite_full(*_args, **_kwargs):
    raise sqlite3.OperationalError("database or disk is full")


def _fail_on_call(number: int, real):
    calls = [0]

    def injected(*args, **kwargs):
        calls[0] += 1
        if calls[0] == number:
            _enospc()
        return real(*args, **kwargs)

    return injected


def _count_writes(monkeypatch, office: Path, tmp_path: Path) -> int:
    """How many writes a whole create makes (header, manifest, the snapshot in pieces, checksum)."""
    real = backup._write
    calls = []
    monkeypatch.setattr(fileops, "_write", lambda fh, data: calls.append(1) or real(fh, data))
    create(office, tmp_path / "count.prdesk-backup").path.unlink()
    monkeypatch.setattr(fileops, "_write", real)
    return len(calls)


# point: (function in prdesk.store.backup.fileops, which call fails: a number, "last" or "every")
CREATE_POINTS = {
    "snapshot": ("_snapshot", "every"),
    "header write": ("_write", 1),
    "manifest write": ("_write", 2),
    "snapshot write": ("_write", 4),
    "checksum write": ("_write", "last"),
    "fsync": ("_fsync", "every"),
    "rename": ("_rename", "every"),
}


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3", rows=2000, body="z" * 1000)


@pytest.mark.parametrize("point", list(CREATE_POINTS))
def test_full_disk_during_create(office, tmp_path, monkeypatch, point):
    folder = tmp_path / "backups"
    folder.mkdir()
    older = create(office, folder / "prdesk-1405-08-29-1000.prdesk-backup").path
    target = folder / "prdesk-1405-08-30-1530.prdesk-backup"
    target.write_bytes(b"an older file of the same name")
    kept = {p: digest(p) for p in (older, target, office)}
    name, which = CREATE_POINTS[point]
    if which == "last":
        which = _count_writes(monkeypatch, office, tmp_path)
    real = getattr(fileops, name)
    failing = _sqlite_full if name == "_snapshot" else _enospc
    monkeypatch.setattr(fileops, name, failing if which == "every" else _fail_on_call(which, real))
    with pytest.raises(BackupError, match=FULL):
        create(office, target)
    assert {p: digest(p) for p in kept} == kept
    assert _temps(folder, tmp_path) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted([older.name, target.name])


def _restore_points(db_path: Path, safety: Path):
    """Where restore writes, keyed by what a full disk there would interrupt."""

    def writes_to(predicate, real):
        def injected(fh, *args):
            if predicate(Path(fh.name)):
                _enospc()
            return real(fh, *args)

        return injected

    return {
        "unpack write": ("_write", lambda real: writes_to(lambda p: "restore" in p.name, real)),
        "unpack fsync": ("_fsync", lambda real: writes_to(lambda p: "restore" in p.name, real)),
        "safety copy write": ("_write", lambda real: writes_to(lambda p: p.parent == safety, real)),
        "safety copy fsync": ("_fsync", lambda real: writes_to(lambda p: p.parent == safety, real)),
        "safety copy snapshot": ("_snapshot", lambda real: _sqlite_full),
        "replace": ("_rename", lambda real: lambda src, dst: _enospc() if Path(dst) == db_path else real(src, dst)),
    }


RESTORE_POINTS = list(_restore_points(Path(), Path()))


@pytest.mark.parametrize("point", RESTORE_POINTS)
def test_full_disk_during_restore(office, tmp_path, monkeypatch, point):
    saved = create(office, tmp_path / "saved.prdesk-backup").path
    db = open_database(office)
    db["events"].insert(note("پس از پشتیبان"))
    db.close()
    safety = tmp_path / "backups"
    safety.mkdir()
    earlier = create(office, safety / "prdesk-1405-08-29-1000.prdesk-backup").path
    kept = {p: digest(p) for p in (saved, earlier)}
    before_bytes, before_notes = digest(office), notes(office)
    name, make = _restore_points(office, safety)[point]
    monkeypatch.setattr(fileops, name, make(getattr(fileops, name)))
    with pytest.raises(BackupError, match=FULL):
        restore(office, saved, safety_folder=safety)
    assert {p: digest(p) for p in kept} == kept
    assert _temps(tmp_path, safety) == []
    assert notes(office) == before_notes and _integrity(office) == "ok"
    if point != "replace":
        assert digest(office) == before_bytes
    # At the last step WAL mode was already left and is entered again: the data is the same, but
    # SQLite's change counter in the file header moved, so the bytes are not compared there.
    monkeypatch.undo()
    restore(office, saved, safety_folder=safety)  # with space again, the same restore works
    assert len(notes(office)) == 2000
