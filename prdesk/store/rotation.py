"""Automatic backups: where they go, when one is due, which old ones rotation removes."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Iterable

from prdesk.core.jalali import jalali_parts
from prdesk.errors import BackupError
from prdesk.store import health
from prdesk.store.backup.errors import SUFFIX, _os_error
from prdesk.store.backup.fileops import TEMP_PREFIX, TEMP_SUFFIX, remove_stale_temp_files
from prdesk.store.backup.names import (  # noqa: F401 - backup_folder: callers import it from here
    DEFAULT_LABEL,
    backup_folder,
    database_label,
    default_backup_name,
    is_network_path,
    unique_path,
)

if TYPE_CHECKING:
    from sqlite_utils import Database
    from prdesk.store.backup import service as backups

# The backup service (and its cryptography) is imported by the functions that use it: the window
# reads the change state at start-up and writes a backup only much later. The backup package
# never imports this module.

KEEP_LAST = 10
KEEP_DAILY = 7
KEEP_WEEKLY = 8
KEEP_MONTHLY = 12
AUTOMATIC_INTERVAL_SECONDS = 30 * 60  # the window's timer; a backup is taken only when something changed

_NAME = re.compile(
    r"^(?P<db>[^-./\\]+)-(?P<safety>safety-)?(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})-(?P<H>\d{2})(?P<M>\d{2})"
    r"(?:-(?P<n>[2-9]|[1-9]\d{1,3}))?(?P<tail>\.prdesk-backup|-damaged\.sqlite3)$"
)
_CLOUD_FOLDERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
)


@dataclass(frozen=True)
class BackupFile:
    """A file in the backup folder whose name prdesk gave it."""

    path: Path
    created: dt.datetime  # local wall-clock time, from the name
    kind: str  # "automatic" (default name; rotation may delete) or "safety" (kept before a restore; never deleted)
    good: bool = True  # header and manifest read and the length adds up
    sequence: int = 1  # -2, -3 … for several backups in the same minute
    database: str = DEFAULT_LABEL  # the label of the database it was taken from (database_label)


def parse_backup_name(name: str) -> tuple[str, dt.datetime, int] | None:
    """(kind, local time, sequence) for a name prdesk gives backups; None for any other name."""
    parsed = _parse(name)
    return parsed[:3] if parsed else None


def _parse(name: str) -> tuple[str, dt.datetime, int, str] | None:
    match = _NAME.match(name)
    if not match:
        return None
    safety = bool(match["safety"])
    if match["tail"] != SUFFIX and not safety:
        return None
    import jdatetime  # not at start-up: the window reads the change state before its first paint

    try:
        day = jdatetime.date(int(match["y"]), int(match["m"]), int(match["d"])).togregorian()
        created = dt.datetime.combine(day, dt.time(int(match["H"]), int(match["M"])))
    except ValueError:
        return None
    return ("safety" if safety else "automatic"), created, int(match["n"] or 1), match["db"]


def list_backups(folder: Path) -> list[BackupFile]:
    """prdesk's backups and safety copies in ``folder``, newest first; other files are ignored."""
    from prdesk.store.backup.service import looks_intact

    found = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = _parse(path.name)
        if parsed is None or not path.is_file():
            continue
        kind, created, sequence, database = parsed
        good = looks_intact(path) if path.name.endswith(SUFFIX) else False
        found.append(BackupFile(path, created, kind, good, sequence, database))
    return sorted(found, key=_order, reverse=True)


def _order(f: BackupFile) -> tuple:
    return f.created, f.sequence, f.path.name


def of_database(files: Iterable[BackupFile], database: Path | str | None) -> list[BackupFile]:
    """The backups taken from ``database`` (by the label in their names)."""
    label = database_label(database)
    return [f for f in files if f.database == label]


def last_good_backup(files: Iterable[BackupFile], database: Path | str | None = None) -> BackupFile | None:
    """The newest backup that looks intact (for «last good backup, N hours ago»), of ``database`` when given."""
    if database is not None:
        files = of_database(files, database)
    good = [f for f in files if f.good and f.kind == "automatic"]
    return max(good, key=_order) if good else None


def _week(day: dt.date) -> dt.date:
    """The Saturday that starts the Iranian week of ``day``."""
    return day - dt.timedelta(days=(day.weekday() - 5) % 7)


def _month(day: dt.date) -> tuple[int, int]:
    y, m, _ = jalali_parts(day)
    return y, m


def plan_rotation(files: Iterable[BackupFile], now: dt.datetime) -> list[Path]:
    """The automatic backups to delete: all but the last 10, one a day for 7 days, one a week for
    8 weeks and one a month for 12 months (days, Saturday-first weeks and Jalali months that have
    backups, newest in each).

    Never deletes: a safety copy or any file not named by prdesk; the newest good backup; a file
    that does not look intact (the clerk sees it flagged); a file dated after ``now`` (clock
    changed); any backup dated up to the newest safety copy, so a restore never leads rotation to
    remove the backups taken before it. Pure: reads no files.
    """
    files = list(files)
    if now.tzinfo is not None:
        now = now.astimezone().replace(tzinfo=None)
    candidates = [f for f in files if f.kind == "automatic" and parse_backup_name(f.path.name)]
    restores = [f.created for f in files if f.kind == "safety"]
    frozen_until = max(restores) if restores else None
    ranked = sorted((f for f in candidates if f.good and f.created <= now), key=_order, reverse=True)
    keep = set(id(f) for f in ranked[:KEEP_LAST])
    for bucket, count in ((lambda f: f.created.date(), KEEP_DAILY), (lambda f: _week(f.created.date()), KEEP_WEEKLY),
                          (lambda f: _month(f.created.date()), KEEP_MONTHLY)):
        seen = set()
        for f in ranked:
            key = bucket(f)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(id(f))
    doomed = [
        f for f in candidates
        if id(f) not in keep
        and f.good
        and f.created <= now
        and not (frozen_until is not None and f.created <= frozen_until)
    ]
    return sorted((f.path for f in doomed), key=lambda p: p.name)


# -- the folder ------------------------------------------------------------------------------------


def cloud_sync_service(path: str | Path) -> str | None:
    """The sync client whose folder holds ``path`` (OneDrive, Dropbox, Google Drive…), or None."""
    text = str(path)
    parts = PureWindowsPath(text).parts if "\\" in text else PurePosixPath(text).parts
    for part in parts:
        folded = part.casefold().strip()
        for marker, service in _CLOUD_FOLDERS:
            if folded == marker or folded.startswith(marker + " "):  # "OneDrive - Ministry", "Dropbox (Personal)"
                return service
    return None


def folder_warnings(folder: Path) -> list[str]:
    """Refuse a network folder (BackupError); return warnings the clerk should see."""
    if is_network_path(folder):
        raise BackupError(
            f"پوشهٔ پشتیبان «{folder}» روی شبکه است. پشتیبان خودکار در پوشهٔ شبکه امن نیست"
            " (قطع شدن شبکه فایل را نیمه‌کاره می‌گذارد). در تنظیمات پوشه‌ای روی همین رایانه یا روی حافظهٔ جانبی انتخاب کنید."
        )
    service = cloud_sync_service(folder)
    if service:
        return [
            f"پوشهٔ پشتیبان «{folder}» در پوشهٔ همگام‌سازی {service} است. برنامهٔ همگام‌سازی ممکن است فایل را"
            " هنگام نوشتن قفل کند و رونوشتی از داده‌های اداره را به بیرون از این رایانه بفرستد؛"
            " بهتر است در تنظیمات پوشهٔ دیگری انتخاب کنید."
        ]
    return []


def ensure_backup_folder(folder: Path) -> list[str]:
    """Check ``folder`` (see folder_warnings), create it and make sure a file can be written there."""
    warnings = folder_warnings(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX):
            pass
    except OSError as exc:
        raise _os_error(exc, folder, "پشتیبان‌گیری خودکار") from exc
    return warnings


# -- when and how ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeState:
    """A connection's view of how far the database has changed (compare two of them)."""

    connection: int
    data_version: int  # changes committed by other connections (the command line, another window)
    total_changes: int  # rows this connection has inserted, updated or deleted


def change_state(db: Database | sqlite3.Connection) -> ChangeState:
    """The state to remember after a backup; cheap, so the window may call it on its own thread."""
    conn = getattr(db, "conn", db)  # a Database (or its stand-in) or a bare connection
    return ChangeState(id(conn), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)


def needs_backup(db: Database | sqlite3.Connection, last_backup_state: ChangeState | None) -> bool:
    """Whether anything changed since ``last_backup_state`` (None: no backup yet in this session)."""
    return last_backup_state is None or change_state(db) != last_backup_state


@dataclass(frozen=True)
class AutomaticBackupResult:
    """A finished automatic backup: the new file, what rotation removed, what to warn about."""

    backup: backups.BackupInfo
    deleted: tuple[Path, ...]
    warnings: tuple[str, ...]


def automatic_backup(
    db_or_path: Database | Path | str,
    folder: Path,
    *,
    now: dt.datetime | None = None,
    progress: backups.Progress | None = None,
) -> AutomaticBackupResult:
    """Take an automatic backup into ``folder``, then rotate the old ones.

    From a worker thread pass the database *path*: this opens connections of its own. Runs
    ``quick_check`` first and raises DamagedDatabase instead of backing up a damaged database,
    so a bad copy never pushes a good one out. Raises BackupError for a network folder or a
    failed write; rotation runs only after the new backup was written and checked.
    """
    from prdesk.store.backup import service as backups

    folder = Path(folder)
    source = backups._database_file(db_or_path)
    warnings = ensure_backup_folder(folder)
    remove_stale_temp_files(folder)
    remove_stale_temp_files(source.parent)
    try:
        conn = health.open_for_checking(source)
        try:
            result = health.quick_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        result = health.CheckResult("quick_check", False, (str(exc),))
    if not result.ok:
        raise backups.DamagedDatabase(
            f"بررسی سریع پایگاه داده مشکل پیدا کرد ({result.problems[0]}). پشتیبان خودکار گرفته نشد تا"
            " پشتیبان‌های سالم قبلی حفظ شوند. «بررسی سلامت» را اجرا کنید و آخرین پشتیبان سالم را بازگردانید."
        )
    local_now = now.astimezone().replace(tzinfo=None) if now and now.tzinfo else (now or dt.datetime.now())
    target = unique_path(folder, default_backup_name(local_now, source))
    info = backups.create(source, target, progress=progress, now=now)
    deleted = []
    # Only this database's backups: another database's in the same folder are not weighed against them.
    for path in plan_rotation(of_database(list_backups(folder), source), local_now):
        try:
            path.unlink()
            deleted.append(path)
        except OSError as exc:
            warnings.append(f"پشتیبان قدیمی «{path.name}» پاک نشد ({exc.strerror}).")
    return AutomaticBackupResult(info, tuple(deleted), tuple(warnings))
