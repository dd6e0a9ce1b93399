"""Opening the one SQLite file: refusal of foreign or newer files, pragmas, migrations, check."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prdesk.core.text import left_to_right
from prdesk.errors import DatabaseLocked, RefusedDatabase, StorageError
from prdesk.store.migrations import APPLICATION_ID, MIGRATION_SET, migrations
from prdesk.store.writing import storage_message

if TYPE_CHECKING:
    from sqlite_utils import Database

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
        if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            # SQLite cannot make the -shm of a WAL file in a read-only folder: that is not damage.
            raise StorageError(
                f"فایل «{left_to_right(path)}» خوانده نشد، چون فایل یا پوشهٔ آن فقط‌خواندنی است ({exc}). فایل آسیب ندیده است؛"
                " ویژگی «فقط‌خواندنی» را از فایل و پوشه بردارید (یا اجازهٔ نوشتن بدهید)، یا فایل را در پوشه‌ای کپی کنید"
                " که در آن اجازهٔ نوشتن دارید."
            ) from exc
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


def connect_plain(path: Path | str) -> sqlite3.Connection:
    """A plain sqlite3 connection on ``path`` with prdesk's pragmas (no migration, no checks)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def connect(path: Path | str) -> Database:
    """A sqlite-utils Database on ``path`` with prdesk's pragmas (no migration, no checks)."""
    from sqlite_utils import Database

    # No sqlite-utils plugins: prdesk's connection is its own, and scanning for them costs start-up time.
    return Database(connect_plain(path), execute_plugins=False)


class DeferredDatabase:
    """A plain sqlite3 connection standing in for a sqlite-utils Database until one is needed.

    The window opens on it so that sqlite-utils (with click, pluggy and dateutil) is not imported
    before its first paint: the start-up path only runs plain statements. :func:`as_database`
    turns it into a real sqlite-utils Database in place, so every holder of the object sees one;
    the first attribute it lacks does the same. Used on the thread that opened it only, as every
    sqlite3 connection is.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "conn":
            raise AttributeError(name)
        return getattr(as_database(self), name)

    # Special methods are looked up on the class, not through __getattr__.
    def __getitem__(self, table: str) -> Any:
        return as_database(self)[table]

    def __enter__(self) -> Database:
        return as_database(self).__enter__()

    def __exit__(self, *exc) -> None:
        as_database(self).__exit__(*exc)


def as_database(db: Any) -> Database:
    """``db`` as a sqlite-utils Database: a DeferredDatabase becomes one in place; anything else is returned."""
    if type(db) is DeferredDatabase:
        from sqlite_utils import Database

        conn = db.conn
        db.__class__ = Database
        Database.__init__(db, conn, execute_plugins=False)
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
            # The clerk's contacts are nobody else's business: on POSIX the folder prdesk creates
            # is 0700 and the database 0600 (SQLite gives its -wal and -shm the same mode).
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
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
    shadow = _fts_shadow_tables(db)
    for table in db.table_names():
        if table.startswith(("_", "sqlite_")) or table in shadow:
            continue
        counts[table] = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
    return counts


def _fts_shadow_tables(db: Database) -> set[str]:
    shadow = set()
    for name in db.table_names(fts4=True) + db.table_names(fts5=True):
        shadow.update({name, *(f"{name}_{s}" for s in ("data", "idx", "docsize", "config", "content", "segments", "segdir", "stat", "docsize"))})
    return shadow


# -- who has the file open -------------------------------------------------------------------------
# The window marks its database with Qt's QLockFile ``<db>.lock`` (ui/app.py): the first lines are
# the pid, the application and the host name, and on POSIX the file is held with flock() while the
# window is open. The command line reads it here, without Qt.


def lock_path(db_path: Path | str) -> Path:
    """The window's lock file for ``db_path``, beside the real file (symlinks resolved)."""
    real = Path(db_path).expanduser().resolve()
    return real.with_name(real.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    """The prdesk process whose window has the database open, as its lock file says."""

    pid: int
    host: str


def _flock_held(path: Path) -> bool | None:
    """Whether another open file holds an flock on ``path``; None where flock does not exist."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        SYNCHRONIZE, WAIT_TIMEOUT = 0x00100000, 0x102
        handle = ctypes.windll.kernel32.OpenProcess(SYNCHRONIZE, False, pid)
        if not handle:
            return False
        try:
            return ctypes.windll.kernel32.WaitForSingleObject(handle, 0) == WAIT_TIMEOUT
        finally:
            ctypes.windll.kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def window_holding(db_path: Path | str) -> LockHolder | None:
    """The other prdesk process whose window has ``db_path`` open; None when there is none.

    This process's own lock (a restore started from the window) does not count, nor does a lock
    left by a process that is gone. A lock from another computer (a shared folder) counts: whether
    its window is still open cannot be told from here.
    """
    path = lock_path(db_path)
    try:
        with path.open("rb") as fh:
            lines = fh.read(4096).decode("utf-8", "replace").splitlines()
    except FileNotFoundError:
        return None
    except OSError:
        lines = []
    import socket  # here, not at start-up

    pid = int(lines[0]) if lines and lines[0].strip().isdigit() else 0
    host = lines[2].strip() if len(lines) > 2 else ""
    here = socket.gethostname()
    if pid == os.getpid() and host in ("", here):
        return None
    if host and host != here:
        return LockHolder(pid, host)
    held = _flock_held(path)
    if held is not None:
        return LockHolder(pid, host) if held else None
    return LockHolder(pid, host) if process_alive(pid) else None


def refuse_while_open_elsewhere(db_path: Path | str, action: str) -> None:
    """Raise DatabaseLocked when a prdesk window in another process has ``db_path`` open."""
    holder = window_holding(db_path)
    if holder is None:
        return
    import socket

    where = f" (روی رایانهٔ «{holder.host}»)" if holder.host and holder.host != socket.gethostname() else ""
    raise DatabaseLocked(
        f"{action} انجام نشد: پایگاه دادهٔ «{left_to_right(Path(db_path))}» همین حالا در پنجرهٔ پی‌آر‌دسک{where} باز است"
        " و آنچه آن پنجره پس از این ذخیره کند از دست می‌رفت. این کار را از همان پنجره انجام دهید"
        " (صفحهٔ پشتیبان‌گیری)، یا آن پنجره را ببندید و دوباره امتحان کنید. چیزی تغییر نکرد."
    )


# -- the file under an open connection -------------------------------------------------------------


@dataclass(frozen=True)
class FileIdentity:
    """Which file a path names (device and inode, or Windows' volume and file index) and its size class."""

    device: int
    inode: int


def file_identity(db_path: Path | str) -> FileIdentity | None:
    """The identity of the file at ``db_path`` now; None when there is none."""
    try:
        st = os.stat(db_path)
    except OSError:
        return None
    return FileIdentity(st.st_dev, st.st_ino)


def replaced_refusal(db_path: Path | str) -> str:
    """What a write is told when the file was replaced under the window's connection."""
    return (
        f"فایل پایگاه دادهٔ «{left_to_right(Path(db_path))}» از بیرون این پنجره جایگزین شد (مثلاً با بازگردانی"
        " پشتیبان از خط فرمان)، پس چیزی ذخیره نشد تا در فایل کنارگذاشته‌شده نوشته نشود."
        " این پنجره را ببندید و برنامه را دوباره باز کنید تا با فایل کنونی کار کنید."
    )
