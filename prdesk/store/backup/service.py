"""Create, verify and restore: the services the window and the command line call."""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import errno
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

import prdesk
from prdesk.core.jalali import format_jalali_iso
from prdesk.core.text import to_persian_digits
from prdesk.errors import BackupError, PrdeskError
from prdesk.store import health
from prdesk.store.backup import fileops
from prdesk.store.backup.container import (
    _SPACE_MARGIN, Manifest, _Container, _password_bytes, _read_header, refuse_special_file, _sha256_file, _write_container,
)
from prdesk.store.backup.errors import (
    APP_FA, SUFFIX, BackupCancelled, DamagedDatabase, _damaged, _in_use_error, _os_error, _sqlite_full,
)
from prdesk.store.backup.fileops import TEMP_PREFIX
from prdesk.paths import user_data_dir
from prdesk.store.backup.names import (
    backup_folder, format_count, format_size, is_network_path, safety_copy_name, unique_path,
)
from prdesk.store.backup.register import LaterLetter, carry_over, later_letters_sentence, letters_after
from prdesk.store.backup.snapshot import _database_file, _inspect_snapshot, _refuse_snapshot
from prdesk.store.db import SQLITE_MAGIC, open_database, process_alive, refuse_while_open_elsewhere, table_counts
from prdesk.store.migrations import APPLICATION_ID, MIGRATION_SET, migrations

Progress = Callable[[int, int], object]
"""progress(done, total) with total 100; returning False asks to stop (before anything is replaced)."""



@dataclass(frozen=True)
class BackupInfo:
    """A backup file on disk and its manifest."""

    path: Path
    size: int
    manifest: Manifest

    def summary_lines(self) -> list[str]:
        """The manifest summary the command line prints and the page shows."""
        m = self.manifest
        lines = [
            f"فایل: {self.path}",
            f"اندازه: {format_size(self.size)}",
            f"زمان پشتیبان‌گیری: {to_persian_digits(m.created_jalali)} (UTC {m.created_utc})",
            f"سازمان: {m.organization or '—'}",
            f"نسخهٔ برنامه: {m.app_version} — نسخهٔ ساختار: {to_persian_digits(m.schema_version)}",
            f"رمزدار: {'بله' if m.encrypted else 'خیر'}",
            f"ردیف‌ها: {format_count(m.total_rows)} در {to_persian_digits(len(m.tables))} جدول",
        ]
        lines += [f"  {table}: {format_count(count)}" for table, count in m.tables.items()]
        return lines


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



def _check_progress(progress: Progress | None, done: int) -> None:
    if progress is not None and progress(min(done, 100), 100) is False:
        raise BackupCancelled("کار لغو شد؛ چیزی تغییر نکرد.")


def _stage(progress: Progress | None, start: int, end: int) -> Callable[[int, int], None]:
    """A callback for part of the work, mapped onto start..end of the whole."""

    def report(done: int, total: int) -> None:
        _check_progress(progress, start + (end - start) * done // max(total, 1))

    return report



def _now_fields(now: dt.datetime | None) -> tuple[str, str]:
    utc = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    local = utc.astimezone()
    return utc.isoformat(), f"{format_jalali_iso(local.date())} {local:%H:%M}"



# -- create ----------------------------------------------------------------------------------------


def create(
    db_or_path: Database | Path | str,
    out_path: Path | str,
    password: str | None = None,
    progress: Progress | None = None,
    *,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Write a checked backup of the database to ``out_path``; return what it holds.

    The snapshot is taken through a connection of its own, so this may run on a worker thread
    given the database *path* while the window keeps its connection. The file is written under a
    temporary name beside ``out_path``, fsynced, read back and checked, then renamed: a final
    name never holds a partial file. Raises BackupError naming the cause (full disk, no
    permission, damaged database, cancelled).
    """
    source = _database_file(db_or_path)
    out_path = Path(out_path)
    if password is not None:
        _password_bytes(password)
    if out_path.is_dir():
        raise BackupError(f"«{out_path}» یک پوشه است؛ نام فایل پشتیبان را هم بدهید.")
    if not out_path.parent.is_dir():
        raise BackupError(f"پوشهٔ «{out_path.parent}» پیدا نشد. اگر حافظهٔ جانبی است، آن را وصل کنید.")
    if out_path.exists() and out_path.resolve() == source.resolve():
        raise BackupError("فایل پشتیبان نمی‌تواند روی خودِ پایگاه داده نوشته شود. نام دیگری بدهید.")
    # A foreign or newer file is refused before anything is written; damage shows in the snapshot check.
    if isinstance(db_or_path, (str, Path)) and _current_state(source, check_health=False) == "missing":
        raise BackupError(f"پایگاه دادهٔ «{source}» خالی است؛ پشتیبانی گرفته نشد.")
    snapshot: Path | None = None
    packed: Path | None = None
    folder = source.parent
    _check_progress(progress, 0)
    try:
        snapshot, fh = fileops._temp_file(source.parent, f"{source.name}.snapshot")
        fh.close()
        fileops._snapshot(source, snapshot)
        _check_progress(progress, 15)
        # The check runs in SQLite and the checksum in hashlib, both without the GIL: side by side.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            checking = pool.submit(_inspect_snapshot, snapshot, False)
            sha, size = _sha256_file(snapshot)
            facts = checking.result()
        if facts.problems:
            raise DamagedDatabase(
                f"پایگاه داده آسیب دیده است ({facts.problems[0]})؛ پشتیبان گرفته نشد تا پشتیبان‌های سالم قبلی"
                " جای خود را به نسخهٔ خراب ندهند. «بررسی سلامت» را اجرا کنید و آخرین پشتیبان سالم را بازگردانید."
            )
        if facts.foreign:
            raise BackupError(
                f"ساختار پایگاه داده با آنچه {APP_FA} می‌سازد نمی‌خواند ({'؛ '.join(facts.foreign[:3])})؛"
                " پشتیبان گرفته نشد، چون بازگرداندنش پذیرفته نمی‌شد. «بررسی سلامت» را اجرا کنید و"
                " آخرین پشتیبان سالم را بازگردانید."
            )
        _check_progress(progress, 35)
        created_utc, created_jalali = _now_fields(now)
        manifest = Manifest(
            app_version=prdesk.__version__,
            schema_version=len(facts.applied),
            last_migration=facts.applied[-1] if facts.applied else "",
            created_utc=created_utc,
            created_jalali=created_jalali,
            organization=facts.organization,
            tables=facts.tables,
            snapshot_size=size,
            snapshot_sha256=sha,
            encrypted=password is not None,
        )
        folder = out_path.parent
        packed, out = fileops._temp_file(out_path.parent, "backup")
        with out:
            key = _write_container(out, manifest, snapshot, password, _stage(progress, 40, 75))
        fileops._discard(snapshot)
        snapshot = None
        with _Container(packed, password, key=key) as container:
            if container.manifest != manifest:
                raise _damaged(packed, "فایل نوشته‌شده با آنچه نوشته شد نمی‌خواند")
            container.copy_snapshot(None, _stage(progress, 75, 98))
        fileops._replace(packed, out_path)
        packed = None
        fileops._fsync_dir(out_path.parent)
        _check_progress_final(progress)
        return BackupInfo(out_path, out_path.stat().st_size, manifest)
    except OSError as exc:
        raise _os_error(exc, folder, "پشتیبان‌گیری") from exc
    except sqlite3.Error as exc:
        if _sqlite_full(exc):
            raise _os_error(OSError(errno.ENOSPC, "disk full"), folder, "پشتیبان‌گیری") from exc
        raise BackupError(f"پایگاه داده برای پشتیبان‌گیری خوانده نشد ({exc}). دوباره امتحان کنید.") from exc
    finally:
        fileops._discard(snapshot)
        fileops._discard(packed)


def _check_progress_final(progress: Progress | None) -> None:
    if progress is not None:
        progress(100, 100)  # done: a Cancel pressed now comes too late to matter


# -- verify ----------------------------------------------------------------------------------------


def is_encrypted(path: Path | str) -> bool:
    """Whether the backup file needs a password (reads only its header)."""
    path = Path(path)
    refuse_special_file(path)
    try:
        with path.open("rb") as fh:
            return _read_header(fh, path).encrypted
    except OSError as exc:
        raise _os_error(exc, path.parent, "خواندن فایل پشتیبان") from exc


def read_manifest(path: Path | str, password: str | None = None) -> BackupInfo:
    """The header and manifest only, for listing backups; the snapshot is not checked."""
    with _Container(Path(path), password) as container:
        return BackupInfo(container.path, container.file_size, container.manifest)


def looks_intact(path: Path | str) -> bool:
    """A cheap look: the header and (when not encrypted) the manifest read and the length adds up."""
    try:
        if is_encrypted(path):
            return True
        read_manifest(path)
        return True
    except (PrdeskError, OSError):
        return False


def _extract(path: Path, password: str | None, dest: Path,
             report: Callable[[int, int], None] | None = None) -> BackupInfo:
    """Unpack the snapshot to ``dest`` (fsynced) and check it completely; return the backup's info."""
    info = _unpack(path, password, dest, report)
    _refuse_snapshot(_inspect_snapshot(dest, full=True), path, info.manifest)
    return info


def _unpack(path: Path, password: str | None, dest: Path,
            report: Callable[[int, int], None] | None = None) -> BackupInfo:
    """Unpack the snapshot to ``dest`` (fsynced), its checksum verified; the database in it is not checked yet."""
    with _Container(path, password) as container:
        free = shutil.disk_usage(dest.parent).free
        if free < container.manifest.snapshot_size + _SPACE_MARGIN:
            raise _os_error(OSError(errno.ENOSPC, "disk full"), dest.parent, "باز کردن فایل پشتیبان")
        try:
            with dest.open("wb") as out:
                container.copy_snapshot(out, report)
                fileops._fsync(out)
        except OSError as exc:
            raise _os_error(exc, dest.parent, "باز کردن فایل پشتیبان") from exc
        return BackupInfo(container.path, container.file_size, container.manifest)


def private_work_folder() -> Path:
    """``work`` in the user data folder (0700): where verify unpacks a snapshot, decrypted.

    Not the system's temporary folder, which other users can list and which a killed verify
    would leave a decrypted database in. What a killed verify left is removed here, next time.
    """
    folder = user_data_dir() / "work"
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
    except OSError as exc:
        raise _os_error(exc, folder, "بررسی فایل پشتیبان") from exc
    remove_leftover_work(folder)
    return folder


def remove_leftover_work(folder: Path | None = None) -> list[Path]:
    """Remove the folders a verify in a process that is gone left in ``folder``; return them."""
    folder = folder or user_data_dir() / "work"
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        parts = entry.name.split("-")
        if not entry.name.startswith(f"{TEMP_PREFIX}verify-") or len(parts) < 4 or not parts[2].isdigit():
            continue
        pid = int(parts[2])
        if pid == os.getpid() or process_alive(pid):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def verify(path: Path | str, password: str | None = None, progress: Progress | None = None,
           *, workdir: Path | None = None) -> BackupInfo:
    """Check a backup file completely; return its info or raise BackupError saying what is wrong.

    Checks the container, the manifest, every checksum, then opens the snapshot read-only with
    ``trusted_schema=OFF``: application_id, schema not newer than this app's, integrity_check,
    foreign_key_check and the row counts against the manifest. The snapshot is unpacked into
    ``workdir`` (default: private_work_folder()) and removed afterwards.
    """
    path = Path(path)
    _check_progress(progress, 0)
    if workdir is None:
        workdir = private_work_folder()
    with tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}verify-{os.getpid()}-", dir=workdir) as work:
        info = _extract(path, password, Path(work) / "snapshot.sqlite3", _stage(progress, 0, 80))
    _check_progress_final(progress)
    return info


# -- restore ---------------------------------------------------------------------------------------


def _current_state(db_path: Path, check_health: bool = True) -> str:
    """'missing', 'healthy' or 'damaged'; BackupError when the file there is not prdesk's.

    Without ``check_health`` the quick_check is skipped and a readable file counts as healthy.
    """
    if not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0):
        return "missing"
    if db_path.is_dir():
        raise BackupError(f"«{db_path}» یک پوشه است، نه فایل پایگاه داده. مسیر درست را بدهید.")
    not_ours = BackupError(
        f"فایل «{db_path}» پایگاه دادهٔ {APP_FA} نیست و به آن دست زده نشد."
        " مسیر پایگاه داده را بررسی کنید یا آن فایل را جای دیگری ببرید."
    )
    with db_path.open("rb") as fh:
        head = fh.read(100)
    if not head.startswith(SQLITE_MAGIC):
        raise not_ours
    ours = len(head) == 100 and int.from_bytes(head[68:72], "big") == APPLICATION_ID
    try:
        conn = health.open_for_checking(db_path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            applied = []
            if "_sqlite_migrations" in tables:
                applied = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                    )
                ]
            healthy = health.quick_check(conn).ok if check_health else True
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        if ours:
            return "damaged"
        raise not_ours from None
    if not tables and (ours or head[68:72] == b"\0\0\0\0"):
        return "missing"
    if not ours and not applied:
        raise not_ours
    known = {m.name for m in migrations._migrations}
    if any(name not in known for name in applied):
        raise BackupError(
            f"پایگاه دادهٔ «{db_path}» را نسخهٔ جدیدتری از {APP_FA} ساخته است. برنامه را به‌روز کنید؛ به آن دست زده نشد."
        )
    return "healthy" if healthy else "damaged"


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



def _checked_with_safety_copy(backup_path: Path, info: BackupInfo, staged: Path, db_path: Path,
                              safety_folder: Path | None, now: dt.datetime | None,
                              progress: Progress | None) -> tuple[Path | None, str]:
    """Check the unpacked snapshot completely while the current database is kept as a safety copy.

    The two read different files and SQLite works outside the GIL, so the integrity check of the
    backup and the copy of the current database overlap. A backup the check refuses takes its
    safety copy (and a folder made for it) away again, as does a cancel: nothing is left behind.
    The current database's health is told by the safety copy's own check: one pass, not two.
    """
    folder = safety_folder or default_safety_folder(db_path)
    folder_existed = folder.exists()
    safety: Path | None = None
    failure: BaseException | None = None
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        checking = pool.submit(_inspect_snapshot, staged, True)
        try:
            state = _current_state(db_path, check_health=False)
            if state != "missing":
                safety, state = _keep_safety_copy(db_path, state, folder, now)
        except BaseException as exc:  # the backup's own refusal, if any, is the message that matters
            failure = exc
        facts = checking.result()
    try:
        _refuse_snapshot(facts, backup_path, info.manifest)
        if failure is not None:
            raise failure
        _check_progress(progress, 80)
    except BaseException:
        fileops._discard(safety)
        if not folder_existed:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return safety, state


def _keep_safety_copy(db_path: Path, state: str, folder: Path, now: dt.datetime | None) -> tuple[Path, str]:
    """Keep the current database in ``folder`` under a name rotation never deletes; return it and the state.

    A database that reads as healthy goes through create(), whose quick_check is the health
    check; one that fails it is kept as raw bytes instead and its state becomes "damaged".
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, folder, "نگه‌داشتن نسخهٔ ایمنی پایگاه دادهٔ کنونی") from exc
    if state == "healthy":
        target = unique_path(folder, safety_copy_name(now, db_path))
        try:
            create(db_path, target, now=now)
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
    the file again afterwards); another one still open is refused. Order: verify the backup
    completely while unpacking it beside the database (fsynced); keep the current database as a
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
        info = _unpack(backup_path, password, staged, _stage(progress, 0, 45))
        _check_progress(progress, 50)
        safety, state = _checked_with_safety_copy(backup_path, info, staged, db_path, safety_folder, now, progress)
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
