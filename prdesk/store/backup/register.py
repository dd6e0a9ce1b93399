"""The letter register across a restore: numbers issued after the backup are carried over, never issued again."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from prdesk.core.text import to_persian_digits
from prdesk.store import health
from prdesk.store.migrations import migrations


@dataclass(frozen=True)
class LaterLetter:
    """A register entry the current database has and the backup does not: numbered after the backup."""

    year: int
    seq: int
    number: str
    date: str
    subject: str


def _serials(conn: sqlite3.Connection) -> set[tuple[int, int]]:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'letters'").fetchone() is None:
        return set()
    return {(y, s) for y, s in conn.execute("SELECT year, seq FROM letters")}


def letters_after(current: Path, snapshot: Path) -> list[LaterLetter]:
    """The entries of ``current``'s register whose (year, serial) ``snapshot`` lacks, in register order."""
    try:
        theirs_conn = health.open_read_only(snapshot)
        try:
            theirs = _serials(theirs_conn)
        finally:
            theirs_conn.close()
        ours = health.open_for_checking(current)
        try:
            if not _serials(ours):
                return []
            rows = ours.execute("SELECT year, seq, number, date, subject FROM letters ORDER BY year, seq").fetchall()
        finally:
            ours.close()
    except sqlite3.DatabaseError:
        return []  # a damaged current database: its safety copy keeps whatever can be read
    return [LaterLetter(*row) for row in rows if (row[0], row[1]) not in theirs]


def carry_over(current: Path, staged: Path, now: dt.datetime | None = None) -> list[LaterLetter]:
    """Bring the staged (restored) file up to this version's schema and copy in the letters numbered after it.

    A carried-over entry keeps its number, date, text and status and is marked with
    ``carried_over_at``; a link to a person or organization the backup does not have becomes
    empty (the recipient's name stays in ``recipient``). One transaction on the staged file,
    before it replaces the database: a crash leaves the old database whole.
    """
    later = letters_after(current, staged)
    conn = sqlite3.connect(str(staged), isolation_level=None)
    try:
        db = Database(conn, execute_plugins=False)
        migrations.apply(db)  # the rows below are written in this version's shape
        if not later:
            return []
        wanted = {(entry.year, entry.seq) for entry in later}
        source = health.open_for_checking(current)
        try:
            source.row_factory = sqlite3.Row
            rows = [dict(r) for r in source.execute("SELECT * FROM letters ORDER BY year, seq")
                    if (r["year"], r["seq"]) in wanted]
        finally:
            source.close()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(letters)")} - {"id"}
        stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0).isoformat()
        people = {r[0] for r in conn.execute("SELECT id FROM people")}
        organizations = {r[0] for r in conn.execute("SELECT id FROM organizations")}
        with db.atomic():
            for row in rows:
                values = {k: v for k, v in row.items() if k in columns}
                if values.get("person_id") not in people:
                    values["person_id"] = None
                if values.get("organization_id") not in organizations:
                    values["organization_id"] = None
                values["carried_over_at"] = row.get("carried_over_at") or stamp
                names = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                conn.execute(f"INSERT INTO letters ({names}) VALUES ({marks})", list(values.values()))
        return later
    finally:
        conn.close()


def later_letters_sentence(later: list[LaterLetter], shown: int = 5) -> str:
    """«۲ نامه که پس از این پشتیبان شماره گرفته‌اند (…)…» for the restore dialog and the command line."""
    numbers = "، ".join(to_persian_digits(entry.number) for entry in later[:shown])
    more = "، …" if len(later) > shown else ""
    return (
        f"{to_persian_digits(len(later))} نامه که پس از این پشتیبان شماره گرفته‌اند ({numbers}{more}) در دفتر نامه‌ها"
        " می‌مانند و با نشانِ «آورده‌شده از پیش از بازگردانی» نگه داشته می‌شوند، تا هیچ شماره‌ای دوباره داده نشود."
    )
