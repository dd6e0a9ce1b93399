"""Create and verify: the services the window and the command line call (restore: ``restoring``)."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import errno
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
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
    _SPACE_MARGIN, Manifest, _build_header, _Container, _password_bytes, _read_header, refuse_special_file, _sha256_file, _write_container,
)
from prdesk.store.backup.errors import (
    APP_FA, BackupCancelled, DamagedDatabase, _damaged, _os_error, _sqlite_full,
)
from prdesk.store.backup.fileops import TEMP_PREFIX
from prdesk.paths import user_data_dir
from prdesk.store.backup.names import format_count, format_size
from prdesk.store.backup.snapshot import _database_file, _inspect_snapshot, _Inspection, _refuse_snapshot, _SnapshotFacts
from prdesk.store.db import SQLITE_MAGIC, process_alive
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
            f"بررسی‌شده هنگام ساخت: {'، '.join(health.TITLES[c] for c in m.checked) if m.checked else '—'}",
            f"ردیف‌ها: {format_count(m.total_rows)} در {to_persian_digits(len(m.tables))} جدول",
        ]
        lines += [f"  {table}: {format_count(count)}" for table, count in m.tables.items()]
        return lines


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
    return _create(db_or_path, out_path, password, progress, now=now)


def _create(db_or_path: Database | Path | str, out_path: Path | str, password: str | None = None,
            progress: Progress | None = None, *, now: dt.datetime | None = None,
            check_keys: bool = True) -> BackupInfo:
    """create(); a restore's safety copy skips the foreign-key check (``check_keys``).

    Its health is quick_check's to tell, as at start-up: a database with broken links between
    rows is still the clerk's data to keep, and its copy is still checked in full on restore.
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
        # One worker beside this thread: the key (scrypt) while the snapshot is taken, then the
        # snapshot's checksum while the manifest facts are read, then the fsync while the file is
        # read back. The checks run on workers of their own (_Inspection) beside the writing.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="prdesk-backup") as beside:
            sealing = beside.submit(_build_header, password) if password is not None else None
            snapshot, fh = fileops._temp_file(source.parent, f"{source.name}.snapshot")
            fh.close()
            fileops._snapshot(source, snapshot)
            _check_progress(progress, 15)
            with _Inspection(snapshot, full=False, keys=check_keys) as inspection:
                hashing = beside.submit(_sha256_file, snapshot)
                contents = inspection.contents()
                sha, size = hashing.result()
                if not isinstance(contents, _SnapshotFacts) or contents.foreign:
                    _refuse_to_back_up(inspection.facts())
                _check_progress(progress, 35)
                created_utc, created_jalali = _now_fields(now)
                manifest = Manifest(
                    app_version=prdesk.__version__,
                    schema_version=len(contents.applied),
                    last_migration=contents.applied[-1] if contents.applied else "",
                    created_utc=created_utc,
                    created_jalali=created_jalali,
                    organization=contents.organization,
                    tables=contents.tables,
                    snapshot_size=size,
                    snapshot_sha256=sha,
                    encrypted=password is not None,
                    # Still running beside the writing; a file whose checks fail never gets its name.
                    checked=("quick_check", "foreign_key_check") if check_keys else ("quick_check",),
                )
                folder = out_path.parent
                packed, out = fileops._temp_file(out_path.parent, "backup")
                with out:
                    key = _write_container(out, manifest, snapshot, password, _stage(progress, 40, 75),
                                           sealing=sealing.result() if sealing is not None else None)
                    # The checks ran beside the writing: a damaged database goes no further.
                    _refuse_to_back_up(inspection.facts())
                    # Made durable while it is read back: the two overlap, and both must succeed.
                    syncing = beside.submit(fileops._fsync, out)
                    try:
                        with _Container(packed, password, key=key) as container:
                            if container.manifest != manifest:
                                raise _damaged(packed, "فایل نوشته‌شده با آنچه نوشته شد نمی‌خواند")
                            container.copy_snapshot(None, _stage(progress, 75, 98), snapshot_digest=False)
                    finally:
                        syncing.result()
        fileops._discard(snapshot)
        snapshot = None
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


def _refuse_to_back_up(facts: _SnapshotFacts) -> None:
    """Raise when the snapshot is damaged or its schema is not prdesk's: such a backup would not restore."""
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


def _check_progress_final(progress: Progress | None) -> None:
    if progress is not None:
        progress(100, 100)  # done: a Cancel pressed now comes too late to matter


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
    """Unpack the snapshot to ``dest`` (a file to look at and remove: not fsynced) and check it; return the backup's info.

    Its SHA-256 proves the snapshot byte for byte the one create() checked: the checks its
    manifest names as passed then (quick_check, foreign_key_check) are not run again; a file that
    names none (made before the manifest said so, or crafted) gets them now. What a restore relies
    on is always read again: application id, migrations, schema, row counts against the manifest.
    SQLite's full integrity_check, which grows faster than the file, is the health check's (and the
    start-up's after a crash), as for the database the window works on.
    """
    info = _unpack(path, password, dest, report, durable=False)
    _refuse_snapshot(_inspect_snapshot(dest, vouched=info.manifest.checked), path, info.manifest)
    return info


def _unpack(path: Path, password: str | None, dest: Path,
            report: Callable[[int, int], None] | None = None, *, durable: bool = True) -> BackupInfo:
    """Unpack the snapshot to ``dest`` (fsynced when ``durable``), its checksum verified; the database in it is not checked yet."""
    with _Container(path, password) as container:
        free = shutil.disk_usage(dest.parent).free
        if free < container.manifest.snapshot_size + _SPACE_MARGIN:
            raise _os_error(OSError(errno.ENOSPC, "disk full"), dest.parent, "باز کردن فایل پشتیبان")
        try:
            with dest.open("wb") as out:
                container.copy_snapshot(out, report, sync_behind=durable)
                if durable:
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
    ``trusted_schema=OFF``: application_id, schema not newer than this app's, the row counts
    against the manifest, and quick_check and foreign_key_check unless the manifest vouches for
    them (see _extract). The snapshot is unpacked into ``workdir`` (default:
    private_work_folder()) and removed afterwards.
    """
    path = Path(path)
    _check_progress(progress, 0)
    if workdir is None:
        workdir = private_work_folder()
    with tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}verify-{os.getpid()}-", dir=workdir) as work:
        info = _extract(path, password, Path(work) / "snapshot.sqlite3", _stage(progress, 0, 80))
    _check_progress_final(progress)
    return info
