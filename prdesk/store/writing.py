"""Write transactions that wait for the lock like every writer, and SQLite's refusals in plain Persian."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from prdesk.errors import StorageError

if TYPE_CHECKING:
    from sqlite_utils import Database

LOCKED = (
    "پایگاه داده را برنامهٔ دیگری (پنجرهٔ پی‌آر‌دسک یا فرمان دیگری) برای نوشتن در دست دارد و پس از "
    "انتظار آزاد نشد. صبر کنید تا کار آن تمام شود و دوباره امتحان کنید؛ چیزی تغییر نکرد."
)
FULL = "جای خالی دیسک تمام شده است. جا باز کنید و دوباره امتحان کنید؛ چیزی تغییر نکرد."
READ_ONLY = (
    "فایل پایگاه داده یا پوشهٔ آن فقط‌خواندنی است و نمی‌شود در آن نوشت. اجازهٔ نوشتن را به فایل و "
    "پوشه‌اش بدهید یا فایل را به پوشهٔ دیگری کپی کنید؛ چیزی تغییر نکرد."
)


def storage_message(exc: sqlite3.Error) -> str | None:
    """The Persian message for a refusal the clerk can fix (locked, disk full, read-only), else None."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    if "locked" in text or "busy" in text or code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return LOCKED
    if "full" in text or code == sqlite3.SQLITE_FULL:
        return FULL
    if "readonly" in text or "read-only" in text or code == sqlite3.SQLITE_READONLY:
        return READ_ONLY
    if "disk i/o" in text or code == sqlite3.SQLITE_IOERR:
        return f"خواندن یا نوشتن فایل پایگاه داده ناموفق بود ({exc}). دیسک و جای خالی آن را بررسی کنید؛ چیزی تغییر نکرد."
    return None


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLite's locked / full / read-only refusals raised inside the block into StorageError."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = storage_message(exc)
        if message is None:
            raise
        raise StorageError(message) from exc


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock at once (BEGIN IMMEDIATE) under the busy timeout.

    A deferred BEGIN that reads first and writes later fails at once with «database is locked»
    when another process wrote in between; BEGIN IMMEDIATE waits for the lock instead, as long
    as the connection's busy timeout. Inside a caller's transaction this is a savepoint of it.
    Locked, full and read-only refusals become StorageError; the rollback leaves nothing behind.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    with storage_errors():
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
        try:
            db.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
