"""Restore: the current database kept as a safety copy, the backup unpacked and checked beside it, one rename."""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from prdesk.core.text import to_persian_digits
from prdesk.errors import BackupError
from prdesk.paths import user_data_dir
from prdesk.store import health
from prdesk.store.backup import fileops
from prdesk.store.backup.errors import SUFFIX, DamagedDatabase, _in_use_error, _os_error
from prdesk.store.backup.fileops import TEMP_PREFIX
from prdesk.store.backup.names import backup_folder, format_count, is_network_path, safety_copy_name, unique_path
from prdesk.store.backup.register import LaterLetter, carry_over, later_letters_sentence, letters_after
from prdesk.store.backup.service import (
    BackupInfo, Progress, _check_progress, _check_progress_final, _create, _current_state, _extract, _stage, _unpack,
    private_work_folder,
)
from prdesk.store.backup.snapshot import _inspect_snapshot, _refuse_snapshot
from prdesk.store.db import open_database, refuse_while_open_elsewhere, table_counts
from prdesk.store.migrations import migrations


@dataclass(frozen=True)
class RestorePreview:
    """What a restore would bring back beside what is there now, for the clerk to confirm."""

    backup: BackupInfo
    current: dict[str, int] | None  # None: no database yet, or it cannot be read
    current_problem: str = ""
    later_letters: tuple[LaterLetter, ...] = ()  # numbered after the backup: carried over, never reissued

    def comparison_lines(self) -> list[str]:
        """Table by table: rows in the backup and rows now."""
        lines = [f"زمان پشتیبان: {to_persian_digits(self.backup.manifest.created_jalali)}"]
        if self.current is None:
            lines.append(self.current_problem or "اکنون پایگاه داده‌ای وجود ندارد.")
        names = list(self.backup.manifest.tables)
        names += [t for t in (self.current or {}) if t not in self.backup.manifest.tables]
        for table in names:
            theirs = self.backup.manifest.tables.get(table)
            ours = (self.current or {}).get(table)
            lines.append(
                f"  {table}: در پشتیبان {format_count(theirs) if theirs is not None else '—'}"
                f" — اکنون {format_count(ours) if ours is not None else '—'}"
            )
        if self.later_letters:
            lines.append(later_letters_sentence(list(self.later_letters)))
        return lines


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: what came back, where the previous database was kept."""

    backup: BackupInfo
    safety_copy: Path | None
    tables: dict[str, int] = field(default_factory=dict)
    schema_version: int = 0
    carried_letters: tuple[LaterLetter, ...] = ()





# -- restore ---------------------------------------------------------------------------------------


def _current_counts(db_path: Path) -> tuple[dict[str, int] | None, str]:
    state = _current_state(db_path)
    if state == "missing":
        return None, "اکنون پایگاه داده‌ای وجود ندارد."
    if state == "damaged":
        return None, "پایگاه دادهٔ کنونی آسیب دیده است و شمار ردیف‌هایش خوانده نشد."
    conn = health.open_for_checking(db_path)
    try:
        return table_counts(Database(conn, execute_plugins=False)), ""
    finally:
        conn.close()


def preview_restore(db_path: Path | str, backup_path: Path | str, password: str | None = None,
                    progress: Progress | None = None) -> RestorePreview:
    """Verify the backup completely and read the current row counts, for the clerk to compare."""
    refuse_while_open_elsewhere(db_path, "بازگردانی")
    db_path = Path(db_path)
    _check_progress(progress, 0)
    with tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}verify-{os.getpid()}-", dir=private_work_folder()) as work:
        snapshot = Path(work) / "snapshot.sqlite3"
        info = _extract(Path(backup_path), password, snapshot, _stage(progress, 0, 80))
        current, problem = _current_counts(db_path)
        later = letters_after(db_path, snapshot) if current is not None else []
    _check_progress_final(progress)
    return RestorePreview(info, current, problem, tuple(later))


def default_safety_folder(db_path: Path) -> Path:
    """Where a restore keeps the current database: the backup folder from its settings."""
    try:
        conn = health.open_for_checking(db_path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = 'backup_folder'").fetchone()
        finally:
            conn.close()
        configured = backup_folder({"backup_folder": row[0] if row else ""})
    except sqlite3.Error:
        configured = backup_folder({})
    # A USB stick that is not plugged in must not stop a restore after a disk failure.
    if not is_network_path(str(configured)) and (configured.is_dir() or configured.parent.is_dir()):
        return configured
    return user_data_dir() / "backups"



def _unpacked_beside_safety_copy(backup_path: Path, password: str | None, staged: Path, db_path: Path,
                                 folder: Path, now: dt.datetime | None,
                                 progress: Progress | None) -> tuple[BackupInfo, Path | None, str]:
    """Unpack and check the backup while the current database is kept as a safety copy; return both.

    The two read and write different files, and hashing and SQLite work outside the GIL, so they
    overlap on a second core. Whatever refuses the restore (the backup, a cancel, the current
    file) takes the safety copy made meanwhile, and a folder made for it, away again: nothing is
    left behind. When both go wrong, the backup's own refusal is the message that matters.
    """
    folder_existed = folder.exists()
    stop = threading.Event()
    held: BaseException | None = None
    try:
        state = _current_state(db_path, check_health=False)
    except BaseException as exc:
        state, held = "missing", exc
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="prdesk-safety") as pool:
        keeping = None
        if state != "missing":
            keeping = pool.submit(_keep_safety_copy, db_path, state, folder, now, stop)
        safety: Path | None = None
        try:
            info = _unpack(backup_path, password, staged, _stage(progress, 0, 45))
            _check_progress(progress, 50)
            _refuse_snapshot(_inspect_snapshot(staged, vouched=info.manifest.checked), backup_path, info.manifest)
            if held is not None:
                raise held
            if keeping is not None:
                safety, state = keeping.result()
            _check_progress(progress, 80)
        except BaseException:
            stop.set()
            if keeping is not None and safety is None:
                with contextlib.suppress(BaseException):
                    safety = keeping.result()[0]
            fileops._discard(safety)
            if not folder_existed:
                with contextlib.suppress(OSError):
                    folder.rmdir()
            raise
    return info, safety, state


def _keep_safety_copy(db_path: Path, state: str, folder: Path, now: dt.datetime | None,
                      stop: threading.Event | None = None) -> tuple[Path, str]:
    """Keep the current database in ``folder`` under a name rotation never deletes; return it and the state.

    A database that reads as healthy goes through create(), whose quick_check is the health
    check; one that fails it is kept as raw bytes instead and its state becomes "damaged".
    ``stop`` set: the restore was refused meanwhile, and the copy is cancelled.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, folder, "نگه‌داشتن نسخهٔ ایمنی پایگاه دادهٔ کنونی") from exc
    if state == "healthy":
        target = unique_path(folder, safety_copy_name(now, db_path))
        going_on = None if stop is None else (lambda _done, _total: not stop.is_set())
        try:
            _create(db_path, target, progress=going_on, now=now, check_keys=False)
            return target, state
        except DamagedDatabase:
            state = "damaged"
        except BackupError as exc:
            raise BackupError(f"{exc} بازگردانی انجام نشد و پایگاه دادهٔ کنونی دست‌نخورده ماند.") from exc
    # A damaged database cannot go through the backup API reliably: keep its raw bytes for an expert.
    target = unique_path(folder, safety_copy_name(now, db_path)[: -len(SUFFIX)] + "-damaged.sqlite3")
    try:
        fileops._copy_file(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            fileops._copy_file(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        raise _os_error(exc, folder, "نگه‌داشتن نسخهٔ ایمنی پایگاه دادهٔ کنونی") from exc
    return target, state


def _take_over(db_path: Path, state: str) -> None:
    """Fold the WAL into the file and leave WAL mode, which SQLite allows only to the sole user.

    Afterwards the file is self-contained and no -wal belongs to it, so replacing it cannot let
    an old WAL be replayed into the restored database.
    """
    if state == "missing":
        return
    try:
        conn = sqlite3.connect(str(db_path), timeout=2.0, isolation_level=None)
    except sqlite3.Error as exc:
        if state == "damaged":
            return
        raise BackupError(f"پایگاه دادهٔ کنونی باز نشد ({exc}). چیزی تغییر نکرد.") from exc
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise _in_use_error()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use_error() from exc
        if state != "damaged":
            raise BackupError(f"پایگاه دادهٔ کنونی آماده نشد ({exc}). چیزی تغییر نکرد.") from exc
    except sqlite3.DatabaseError:
        if state != "damaged":
            raise
    finally:
        conn.close()


def _back_to_wal(db_path: Path) -> None:
    try:
        conn = sqlite3.connect(str(db_path), timeout=2.0, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # open_database switches to WAL on the next start anyway


def _remove_side_files(db_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        try:
            db_path.with_name(db_path.name + suffix).unlink()
        except FileNotFoundError:
            pass


def restore(
    db_path: Path | str,
    backup_path: Path | str,
    password: str | None = None,
    *,
    safety_folder: Path | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` with the snapshot in ``backup_path``.

    Every connection to the database must be closed first (the window closes its own and opens
    the file again afterwards); another one still open is refused. Order: unpack the backup beside
    the database (fsynced) and check it as verify() does, while the current database is kept as a
    safety copy in ``safety_folder`` (default: the backup folder from its settings); fold its WAL
    in and leave WAL mode; one os.replace. A crash at any moment leaves the whole old or the whole
    new database. Any refusal leaves the current database as it was. Migrations run when the
    backup is older. Never starts a rotation.
    """
    db_path = Path(db_path)
    backup_path = Path(backup_path)
    if db_path.is_dir():
        raise BackupError(f"«{db_path}» یک پوشه است، نه فایل پایگاه داده. مسیر درست را بدهید.")
    if not db_path.parent.is_dir():
        try:
            db_path.parent.mkdir(parents=True)
        except OSError as exc:
            raise _os_error(exc, db_path.parent, "بازگردانی") from exc
    # A window in another process would go on writing into the file this replaces, and lose it.
    refuse_while_open_elsewhere(db_path, "بازگردانی")
    _check_progress(progress, 0)
    staged: Path | None = None
    safety: Path | None = None
    try:
        try:
            staged, fh = fileops._temp_file(db_path.parent, f"{db_path.name}.restore")
            fh.close()
        except OSError as exc:
            raise _os_error(exc, db_path.parent, "بازگردانی") from exc
        folder = safety_folder or default_safety_folder(db_path)
        info, safety, state = _unpacked_beside_safety_copy(
            backup_path, password, staged, db_path, folder, now, progress
        )
        # Letters numbered after the backup stay in the register: their numbers went out on paper.
        carried = carry_over(db_path, staged, now) if state != "missing" else []
        _check_progress(progress, 90)
        if state != "missing":
            shutil.copymode(db_path, staged)  # the restored file keeps the old one's permissions
        try:
            _take_over(db_path, state)
        except BackupError:
            # Refused (another connection is open): the database is as it was, so its copy is not needed.
            if safety is not None:
                fileops._discard(safety)
                safety = None
            raise
        try:
            _remove_side_files(staged)  # a -shm a read-only check may have left must not outlive the rename
            _remove_side_files(db_path)
            fileops._replace(staged, db_path)
            staged = None
            fileops._fsync_dir(db_path.parent)
        except OSError as exc:
            if state != "missing":
                _back_to_wal(db_path)
            raise _os_error(exc, db_path.parent, "بازگردانی") from exc
    finally:
        fileops._discard(staged)
    db = open_database(db_path)
    try:
        tables = table_counts(db)
        version = len(migrations.applied(db))
    finally:
        db.close()
    _check_progress_final(progress)
    return RestoreResult(info, safety, tables, version, tuple(carried))
