"""The SQLite snapshot inside a backup: taking it, and checking what it holds before it is trusted."""

from __future__ import annotations

import concurrent.futures
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from prdesk.errors import BackupError
from prdesk.store import health
from prdesk.store.backup.container import Manifest
from prdesk.store.backup.errors import _damaged, _foreign, _foreign_schema_error, _newer
from prdesk.store.db import SQLITE_MAGIC, latest_schema_version, table_counts
from prdesk.store.migrations import APPLICATION_ID, MIGRATION_SET, migrations
from prdesk.store.schema import schema_differences


@dataclass(frozen=True)
class _SnapshotFacts:
    app_id: int
    applied: list[str]
    tables: dict[str, int]
    organization: str
    problems: list[str]
    is_sqlite: bool = True
    foreign: tuple[str, ...] = ()  # where its schema differs from what its migrations make


def _database_file(db_or_path: Database | Path | str) -> Path:
    if isinstance(db_or_path, Database):
        row = db_or_path.execute("PRAGMA database_list").fetchone()
        if not row or not row[2]:
            raise BackupError("این پایگاه داده فایلی روی دیسک ندارد و از آن پشتیبان گرفته نمی‌شود.")
        return Path(row[2])
    path = Path(db_or_path)
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupError(f"پایگاه داده‌ای در «{path}» نیست؛ پشتیبانی گرفته نشد. مسیر پایگاه داده را بررسی کنید.")
    return path


def _organization(conn: sqlite3.Connection) -> str:
    try:
        rows = dict(
            conn.execute("SELECT key, value FROM settings WHERE key IN ('org_name_line2', 'org_name_line3')").fetchall()
        )
    except sqlite3.DatabaseError:
        return ""
    from prdesk.store.settings import SETTINGS

    defaults = {s.key: s.default for s in SETTINGS}
    return rows.get("org_name_line3") or defaults["org_name_line3"] or rows.get("org_name_line2", "")


def _inspect_snapshot(path: Path, full: bool = True) -> _SnapshotFacts:
    """Open a snapshot read-only, schema code distrusted, and report what it holds and what is wrong.

    The integrity check (the long part: every page and, when ``full``, every index against its
    table) runs on a connection of its own while a second one reads the schema, the foreign keys
    and the counts: SQLite works outside the GIL, so the two overlap on a second core. What the
    second one finds counts only once the first found nothing, so the facts are those of the
    checks run one after the other: damage first, then a foreign schema, then foreign keys.
    """
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            return _SnapshotFacts(0, [], {}, "", ["not an SQLite file"], is_sqlite=False)
    try:
        conn = health.open_read_only(path)
    except sqlite3.Error as exc:
        return _SnapshotFacts(0, [], {}, "", [str(exc)])
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            rest = pool.submit(_contents, path, app_id)
            try:
                check = health.integrity_check(conn) if full else health.quick_check(conn)
            finally:
                contents = rest.result()
        if check.problems:
            return _SnapshotFacts(app_id, [], {}, "", list(check.problems))
        if isinstance(contents, BaseException):
            raise contents
        return contents
    except sqlite3.DatabaseError as exc:
        return _SnapshotFacts(0, [], {}, "", [str(exc)])
    finally:
        conn.close()


def _contents(path: Path, app_id: int) -> _SnapshotFacts | BaseException:
    """Migrations, schema, foreign keys and counts of a snapshot, read on a connection of its own.

    An error is returned, not raised: on a damaged file it is the integrity check's words that
    count, and the caller decides which one to tell.
    """
    try:
        conn = health.open_read_only(path)
    except sqlite3.Error as exc:
        return exc
    try:
        applied: list[str] = []
        has_migrations = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone()
        if has_migrations:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
                )
            ]
        foreign = _foreign_schema(conn, app_id, applied)
        if foreign:
            # Its tables may be views or carry triggers: nothing more is read from it.
            return _SnapshotFacts(app_id, applied, {}, "", [], foreign=foreign)
        problems = list(health.foreign_key_check(conn).problems)
        if problems:
            return _SnapshotFacts(app_id, applied, {}, "", problems)
        tables = table_counts(Database(conn, execute_plugins=False))
        return _SnapshotFacts(app_id, applied, tables, _organization(conn), [])
    except sqlite3.DatabaseError as exc:
        return exc
    finally:
        conn.close()


def _foreign_schema(conn: sqlite3.Connection, app_id: int, applied: list[str]) -> tuple[str, ...]:
    known = {m.name for m in migrations._migrations}
    if (app_id != APPLICATION_ID and not applied) or any(name not in known for name in applied):
        return ()  # another application's file, or a newer prdesk's: told apart by _refuse_snapshot
    return tuple(schema_differences(conn, applied))


def _refuse_snapshot(facts: _SnapshotFacts, path: Path, manifest: Manifest) -> None:
    """Raise the one message that fits what is wrong with an extracted snapshot."""
    if not facts.is_sqlite:
        raise _damaged(path, "پایگاه دادهٔ درون آن خوانا نیست")
    if facts.app_id != APPLICATION_ID and not facts.applied:
        if not facts.problems or facts.app_id != 0:
            raise _foreign(path)
    known = {m.name for m in migrations._migrations}
    if any(name not in known for name in facts.applied) or manifest.schema_version > latest_schema_version():
        raise _newer(path)
    if facts.problems:
        raise _damaged(path, f"پایگاه دادهٔ درون آن سالم نیست: {facts.problems[0]}")
    if facts.foreign:
        raise _foreign_schema_error(path, facts.foreign)
    if len(facts.applied) != manifest.schema_version:
        raise _damaged(path, "نسخهٔ ساختار با فهرست نمی‌خواند")
    if facts.tables != manifest.tables:
        raise _damaged(path, "شمار ردیف‌ها با فهرست نمی‌خواند")
