"""Opening the one SQLite file: refusal of foreign or newer files, pragmas, migrations, check."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from prdesk.core.text import left_to_right
from prdesk.errors import RefusedDatabase, StorageError
from prdesk.store.migrations import APPLICATION_ID, MIGRATION_SET, migrations
from prdesk.store.writing import storage_message

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


@dataclass
class FileInspection:
    """What a read-only look at an existing file found."""

    kind: str  # "new" (missing or empty), "prdesk", or refused before this is built
    applied: list[str] = field(default_factory=list)


def _refuse(path: Path, reason: str) -> RefusedDatabase:
    return RefusedDatabase(f"فایل «{left_to_right(path)}» باز نشد: {reason} این فایل دست‌نخورده ماند.")


def inspect_file(path: Path) -> FileInspection:
    """Look at ``path`` without writing a byte; raise RefusedDatabase if prdesk may not open it."""
    if not path.exists() or path.stat().st_size == 0:
        return FileInspection("new")
    if path.is_dir():
        raise _refuse(path, "این مسیر یک پوشه است، نه فایل پایگاه داده. مسیر یک فایل را بدهید.")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"فایل «{left_to_right(path)}» خوانده نشد ({exc.strerror}). دسترسی به فایل را بررسی کنید.") from exc
    if head != SQLITE_MAGIC:
        raise _refuse(path, "این فایل پایگاه دادهٔ پی‌آر‌دسک نیست (اصلاً فایل SQLite نیست). فایل درست را انتخاب کنید.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _refuse(path, f"SQLite آن را نخواند ({exc}).") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            ]
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"فایل خراب است یا پایگاه داده نیست ({exc}).") from exc
    finally:
        conn.close()
    if not tables and app_id in (0, APPLICATION_ID):
        return FileInspection("new")
    if app_id != APPLICATION_ID and not applied:
        raise _refuse(
            path,
            "این فایل پایگاه دادهٔ برنامهٔ دیگری است، نه پی‌آر‌دسک. فایل پایگاه دادهٔ پی‌آر‌دسک را انتخاب کنید.",
        )
    known = {m.name for m in migrations._migrations}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise _refuse(
            path,
            "این فایل را نسخهٔ جدیدتری از پی‌آر‌دسک ساخته است. "
            "برنامه را به‌روز کنید و بعد فایل را باز کنید.",
        )
    return FileInspection("prdesk", applied)


def connect(path: Path | str) -> Database:
    """A sqlite-utils Database on ``path`` with prdesk's pragmas (no migration, no checks)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    # No sqlite-utils plugins: prdesk's connection is its own, and scanning for them costs start-up time.
    db = Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    return db


def copy_with_backup_api(db: Database, target: Path) -> Path:
    """Copy the open database to ``target`` with SQLite's online backup API."""
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """Open ``path`` as the app does: refuse what is not ours, copy before migrating, migrate.

    Raises RefusedDatabase (the file left byte-identical) or StorageError.
    """
    path = Path(path)
    found = inspect_file(path)
    if found.kind == "new":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"پوشهٔ «{left_to_right(path.parent)}» ساخته نشد ({exc.strerror}). مسیر دیگری برای پایگاه داده بدهید."
            ) from exc
    try:
        db = connect(path)
    except sqlite3.Error as exc:
        raise StorageError(f"فایل «{left_to_right(path)}» باز نشد ({exc}). دسترسی به فایل و پوشه را بررسی کنید.") from exc
    if migrate:
        pending = migrations.pending(db)
        if pending and found.kind == "prdesk":
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            copy_with_backup_api(db, path.with_name(f"{path.name}.before-{pending[0].name}-{stamp}.bak"))
        try:
            migrations.apply(db)
        except sqlite3.Error as exc:
            db.close()
            # A full disk, a held lock or a read-only file is said as such, not blamed on the update.
            raise StorageError(
                storage_message(exc) or f"به‌روزرسانی ساختار پایگاه داده انجام نشد ({exc}). فایل تغییری نکرد."
            ) from exc
    return db


def schema_version(db: Database) -> tuple[int, str]:
    """The number of applied migrations and the name of the last one."""
    applied = migrations.applied(db)
    return len(applied), (applied[-1].name if applied else "")


def latest_schema_version() -> int:
    """The schema version this build of prdesk writes."""
    return len(migrations._migrations)


def table_counts(db: Database) -> dict[str, int]:
    """Row count of each user table (FTS shadow tables and internal tables left out)."""
    counts = {}
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")) or table in _fts_shadow_tables(db):
            continue
        counts[table] = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    return counts


def _fts_shadow_tables(db: Database) -> set[str]:
    shadow = set()
    for name in db.table_names(fts4=True) + db.table_names(fts5=True):
        shadow.update({name, *(f"{name}_{s}" for s in ("data", "idx", "docsize", "config", "content", "segments", "segdir", "stat", "docsize"))})
    return shadow
