"""Database health: SQLite's quick_check, integrity_check, foreign_key_check and the search index, as plain results."""

from __future__ import annotations

from typing import TYPE_CHECKING
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from prdesk.core.text import to_persian_digits
from prdesk.errors import StorageError
from prdesk.store.db import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from sqlite_utils import Database

# Enough to tell the clerk and a technician what is wrong; a badly damaged file can list millions.
MAX_PROBLEMS = 20

TITLES = {
    "quick_check": "بررسی سریع",
    "integrity_check": "بررسی کامل سلامت",
    "foreign_key_check": "بررسی پیوند ردیف‌ها",
    "search_index": "بررسی نمایهٔ جست‌وجوی مخاطبان",
    "schema": "بررسی ساختار",
}


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one SQLite check: ok, or the first problems it found."""

    name: str
    ok: bool
    problems: tuple[str, ...] = ()
    skipped: str = ""  # why the check could not run (not a finding about the data)

    @property
    def title(self) -> str:
        return TITLES[self.name]

    def line(self) -> str:
        """One line for the check report: «بررسی سریع: سالم»."""
        if self.skipped:
            return f"{self.title}: {self.skipped}"
        if self.ok:
            return f"{self.title}: سالم"
        return f"{self.title}: مشکل دارد — {self.problems[0]}"


@dataclass(frozen=True)
class HealthReport:
    """What ``full_check`` found: each check's result, the schema version and the row counts."""

    path: str
    checks: tuple[CheckResult, ...]
    schema_version: int = 0
    latest_schema_version: int = 0
    tables: dict[str, int] = field(default_factory=dict)
    read_only: bool = False  # the file or its folder cannot be written: true of the disk, not damage

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def lines(self) -> list[str]:
        """The report as the command line and the check dialog print it."""
        out = [f"پایگاه داده: {self.path}"]
        out.append(
            f"نسخهٔ ساختار: {to_persian_digits(self.schema_version)} از {to_persian_digits(self.latest_schema_version)}"
        )
        for check in self.checks:
            out.append(check.line())
            out.extend(f"    {p}" for p in check.problems[1:])
        for table, count in self.tables.items():
            out.append(f"  {table}: {to_persian_digits(f'{count:,}').replace(',', '٬')}")
        if self.read_only:
            out.append(READ_ONLY_NOTE)
        if self.ok:
            out.append("نتیجه: سالم")
        else:
            out.append(
                "نتیجه: پایگاه داده آسیب دیده است. چیزی در آن ننویسید و آخرین فایل پشتیبان سالم را بازگردانید."
            )
        return out

    def as_dict(self) -> dict:
        """The report as JSON-ready data (``prdesk check --json``)."""
        return {
            "path": self.path,
            "ok": self.ok,
            "schema_version": self.schema_version,
            "latest_schema_version": self.latest_schema_version,
            "checks": {c.name: {"ok": c.ok, "problems": list(c.problems)} for c in self.checks},
            "tables": dict(self.tables),
            "read_only": self.read_only,
        }


READ_ONLY_NOTE = (
    "فایل پایگاه داده یا پوشهٔ آن فقط‌خواندنی است: برنامه آن را می‌خواند ولی چیزی در آن ذخیره نمی‌شود."
    " این آسیب نیست؛ برای کار با برنامه ویژگی «فقط‌خواندنی» را از فایل و پوشه بردارید (یا اجازهٔ نوشتن بدهید)،"
    " یا فایل را در پوشه‌ای کپی کنید که در آن اجازهٔ نوشتن دارید."
)


def _is_read_only_error(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF == sqlite3.SQLITE_READONLY) or "readonly database" in str(exc)


def _connection(db: Database | sqlite3.Connection) -> sqlite3.Connection:
    return getattr(db, "conn", db)  # a Database (or its stand-in) or a bare connection


def open_read_only(path: Path | str) -> sqlite3.Connection:
    """A read-only connection that cannot run code stored in the file's schema."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    return conn


def open_for_checking(path: Path | str) -> sqlite3.Connection:
    """A connection that only reads a live database and leaves no side files behind.

    A ``mode=ro`` connection cannot remove the -wal and -shm files it creates; this one can, as
    the last connection to close, so looking at the clerk's database leaves its folder as it was.
    """
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _pragma_check(db: Database | sqlite3.Connection, name: str, pragma: str) -> CheckResult:
    try:
        rows = _connection(db).execute(pragma).fetchall()
    except sqlite3.DatabaseError as exc:
        return CheckResult(name, False, (f"SQLite: {exc}",))
    # SQLite may pack several findings into one row, under a "*** in database main ***" line.
    messages = tuple(
        line.strip() for r in rows for line in str(r[0]).splitlines() if line.strip() and not line.startswith("***")
    )
    if messages == ("ok",):
        return CheckResult(name, True)
    return CheckResult(name, False, messages[:MAX_PROBLEMS] or ("SQLite پاسخی نداد.",))


def quick_check(db: Database | sqlite3.Connection) -> CheckResult:
    """SQLite's ``quick_check``: the file's structure, fast enough for start-up and every backup."""
    return _pragma_check(db, "quick_check", f"PRAGMA quick_check({MAX_PROBLEMS})")


def integrity_check(db: Database | sqlite3.Connection) -> CheckResult:
    """SQLite's ``integrity_check``: structure plus every index against its table."""
    return _pragma_check(db, "integrity_check", f"PRAGMA integrity_check({MAX_PROBLEMS})")


def foreign_key_check(db: Database | sqlite3.Connection) -> CheckResult:
    """Rows that point at a row of another table that no longer exists."""
    try:
        cursor = _connection(db).execute("PRAGMA foreign_key_check")
        rows = cursor.fetchmany(MAX_PROBLEMS)
    except sqlite3.DatabaseError as exc:
        return CheckResult("foreign_key_check", False, (f"SQLite: {exc}",))
    problems = tuple(
        f"ردیف {to_persian_digits(rowid)} جدول {table} به ردیفی از جدول {parent} اشاره می‌کند که وجود ندارد."
        for table, rowid, parent, _fk in rows
    )
    return CheckResult("foreign_key_check", not problems, problems)


def search_index_check(db: Database | sqlite3.Connection) -> CheckResult:
    """The contacts' full-text search indexes against their tables (SQLite's integrity_check skips them)."""
    from prdesk.store.contacts import check_search_index

    conn = _connection(db)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'people_fts'").fetchone() is None:
        return CheckResult("search_index", True)  # a file made before the contacts had a search index
    query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    was_in_transaction = conn.in_transaction
    try:
        # FTS5 takes its check only as an INSERT command; the command reads and changes nothing,
        # and whatever transaction it opened is rolled back below.
        if query_only:
            conn.execute("PRAGMA query_only = OFF")
        from sqlite_utils import Database

        check_search_index(Database(conn, execute_plugins=False))
    except sqlite3.DatabaseError as exc:
        if _is_read_only_error(exc):
            # FTS5 takes its check only as a write command, which a read-only file refuses.
            return CheckResult("search_index", True, skipped="انجام نشد، چون فایل فقط‌خواندنی است")
        return CheckResult("search_index", False, (
            f"نمایهٔ جست‌وجو با جدول‌های مخاطبان نمی‌خواند (SQLite: {exc}). جست‌وجو ممکن است کسی را پیدا نکند؛"
            " آخرین فایل پشتیبان سالم را بازگردانید یا با پشتیبان فنی تماس بگیرید.",
        ))
    finally:
        if conn.in_transaction and not was_in_transaction:
            conn.rollback()
        if query_only:
            conn.execute("PRAGMA query_only = ON")
    return CheckResult("search_index", True)


def schema_check(db: Database | sqlite3.Connection) -> CheckResult:
    """The file's tables, columns, indexes, triggers and views against what its migrations make."""
    from prdesk.store.migrations import MIGRATION_SET
    from prdesk.store.schema import schema_differences

    conn = _connection(db)
    has_log = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    applied = [
        r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
        )
    ] if has_log else []
    differences = schema_differences(conn, applied, limit=MAX_PROBLEMS)
    if not differences:
        return CheckResult("schema", True)
    return CheckResult("schema", False, (
        f"ساختار پایگاه داده با آنچه برنامه می‌سازد نمی‌خواند: {differences[0]}. چیزی در آن ننویسید؛"
        " آخرین فایل پشتیبان سالم را بازگردانید یا با پشتیبان فنی تماس بگیرید.",
        *differences[1:],
    ))


def full_check(db: Database | sqlite3.Connection | Path | str) -> HealthReport:
    """integrity_check, foreign_key_check and the search index, plus schema version and row counts (``prdesk check``).

    Given a path, the file is opened for reading only (``query_only``), so a damaged database is
    never written to.
    """
    from prdesk.store.db import latest_schema_version, schema_version, table_counts

    own = isinstance(db, (str, Path))
    if own and not Path(db).is_file():
        raise StorageError(f"فایل پایگاه دادهٔ «{db}» پیدا نشد. مسیر را بررسی کنید.")
    conn = open_for_checking(db) if own else _connection(db)
    try:
        path = conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:"
        checks = (integrity_check(conn), foreign_key_check(conn))
        version, tables = 0, {}
        try:
            from sqlite_utils import Database

            wrapped = Database(conn, execute_plugins=False)
            version = schema_version(wrapped)[0]
            tables = table_counts(wrapped)
        except sqlite3.DatabaseError as exc:
            if checks[0].ok:
                checks = (CheckResult("integrity_check", False, (f"SQLite: {exc}",)), checks[1])
        try:
            checks = (*checks, schema_check(conn))
        except sqlite3.DatabaseError as exc:
            checks = (*checks, CheckResult("schema", False, (f"SQLite: {exc}",)))
        if not checks[-1].ok:
            # The search index check writes an FTS command: never into a file with foreign triggers.
            return HealthReport(path, checks, version, latest_schema_version(), tables,
                                path != ":memory:" and not _writable(Path(path)))
        try:
            checks = (*checks, search_index_check(conn))
        except sqlite3.DatabaseError as exc:  # sqlite_master itself unreadable: the integrity check says why
            checks = (*checks, CheckResult("search_index", False, (f"SQLite: {exc}",)))
        read_only = any(c.skipped for c in checks) or (path != ":memory:" and not _writable(Path(path)))
        return HealthReport(path, checks, version, latest_schema_version(), tables, read_only)
    finally:
        if own:
            conn.close()


def _writable(path: Path) -> bool:
    """Whether the file and its folder (where SQLite puts its -wal and -shm) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def checkpoint(db: Database | sqlite3.Connection) -> bool:
    """Fold the WAL into the database file (log-off, shutdown); True when it was folded in whole.

    Readers in other connections can hold part of the WAL back; SQLite then finishes the
    checkpoint later on its own, so False is a reason to log, not to alarm the clerk.
    """
    try:
        busy, _log, _done = _connection(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.DatabaseError:
        return False
    return busy == 0
