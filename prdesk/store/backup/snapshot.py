"""The SQLite snapshot inside a backup: taking it, and checking what it holds before it is trusted."""

from __future__ import annotations

import concurrent.futures
import sqlite3
import threading
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


def _inspect_snapshot(path: Path, full: bool = False, *, vouched: tuple[str, ...] = ()) -> _SnapshotFacts:
    """Open a snapshot read-only, schema code distrusted, and report what it holds and what is wrong.

    ``full`` runs SQLite's integrity_check (every index against its table too) in place of
    quick_check; see _Inspection for what runs where. ``vouched``: the checks already seen to pass
    on exactly these bytes (a manifest's ``checked``, once the snapshot's SHA-256 matched it),
    which are not run again; what a restore needs (application id, migrations, schema, counts) is
    always read.
    """
    pages = full or "quick_check" not in vouched
    with _Inspection(path, full, pages=pages, keys="foreign_key_check" not in vouched) as inspection:
        return inspection.facts()


class _Inspection:
    """The checks of one snapshot, started at once and collected when the caller needs them.

    The page check (quick_check, or integrity_check when ``full``; unless ``pages`` is off) and then
    the foreign-key check (unless ``keys`` is off)
    each run on a connection of their own on a worker, while the caller reads what a manifest
    needs (``contents``: migrations, schema, counts, organization) and may go on writing: SQLite
    works outside the GIL, so they overlap on a second core. The facts are those of the checks run
    one after the other: damage first, then a foreign schema, then foreign keys. Leaving the
    ``with`` block early (an error, a cancel) interrupts the checks still running.
    """

    def __init__(self, path: Path, full: bool, *, pages: bool = True, keys: bool = True) -> None:
        self.path = path
        self.full = full
        self.keys = keys
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="prdesk-check")
        self._open: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._stopped = False
        self._contents: _SnapshotFacts | BaseException | None = None
        self._keys: concurrent.futures.Future | None = None
        self._early: _SnapshotFacts | None = None
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                self._early = _SnapshotFacts(0, [], {}, "", ["not an SQLite file"], is_sqlite=False)
                return
        self._pages = self._pool.submit(self._checked, self._page_check) if pages else None

    def __enter__(self) -> _Inspection:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is not None:
            with self._lock:
                self._stopped = True
                for conn in self._open:
                    conn.interrupt()
        self._pool.shutdown(wait=True)

    def _checked(self, check):
        """Run ``check(conn)`` on a read-only connection of its own; an error is returned, not raised."""
        try:
            conn = health.open_read_only(self.path)
        except sqlite3.Error as exc:
            return exc
        with self._lock:
            if self._stopped:
                conn.close()
                return sqlite3.OperationalError("interrupted")
            self._open.append(conn)
        try:
            return check(conn)
        except sqlite3.Error as exc:
            return exc
        finally:
            with self._lock:
                self._open.remove(conn)
            conn.close()

    def _page_check(self, conn: sqlite3.Connection) -> tuple[int, health.CheckResult]:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        return app_id, health.integrity_check(conn) if self.full else health.quick_check(conn)

    def contents(self) -> _SnapshotFacts | BaseException:
        """What the manifest needs, read on the caller's thread; starts the foreign-key check."""
        if self._early is not None:
            return self._early
        if self._contents is None:
            self._contents = self._checked(_contents)
            if self.keys and isinstance(self._contents, _SnapshotFacts) and not self._contents.foreign:
                self._keys = self._pool.submit(self._checked, health.foreign_key_check)
        return self._contents

    def facts(self) -> _SnapshotFacts:
        """Everything found, once every check has finished."""
        if self._early is not None:
            return self._early
        contents = self.contents()
        if self._pages is not None:
            pages = self._pages.result()
            if isinstance(pages, BaseException):
                return _SnapshotFacts(0, [], {}, "", [str(pages)])
            app_id, check = pages
            if check.problems:
                return _SnapshotFacts(app_id, [], {}, "", list(check.problems))
        if isinstance(contents, BaseException):
            return _SnapshotFacts(0, [], {}, "", [str(contents)])
        if self._keys is None:
            return contents  # not asked for, or a foreign schema (its tables may be views or carry triggers)
        keys = self._keys.result()
        if isinstance(keys, BaseException):
            return _SnapshotFacts(0, [], {}, "", [str(keys)])
        if keys.problems:
            return _SnapshotFacts(contents.app_id, contents.applied, {}, "", list(keys.problems))
        return contents


def _contents(conn: sqlite3.Connection) -> _SnapshotFacts:
    """Migrations, schema, counts and organization of a snapshot (its foreign keys are checked apart)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
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
    tables = table_counts(Database(conn, execute_plugins=False))
    return _SnapshotFacts(app_id, applied, tables, _organization(conn), [])


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
