"""The schema the migrations make, and where a file's schema differs from it (objects prdesk never made)."""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Sequence

from sqlite_utils import Database

from prdesk.store.migrations import migrations

# Statistics SQLite itself may keep (ANALYZE, PRAGMA optimize) and AUTOINCREMENT's counters: data, not code.
_SQLITE_OWN = re.compile(r"^sqlite_(stat\d|sequence)$")
_QUOTES = str.maketrans({'"': None, "[": None, "]": None, "`": None})
_WHAT = {"table": "جدول", "index": "نمایه", "trigger": "تریگر", "view": "نمای (view)"}


def _normal_sql(sql: str | None) -> str:
    """SQL text as the comparison sees it: no quoting style, case or spacing differences."""
    if sql is None:
        return ""
    return re.sub(r"\s+", " ", sql.translate(_QUOTES)).strip().casefold()


def _texts(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Every schema object's normalized SQL text: the cheap first comparison."""
    return {
        (kind, name): _normal_sql(sql)
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM main.sqlite_master")
        if not _SQLITE_OWN.match(name)
    }


def _describe(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple]:
    """Every schema object of ``conn``'s main database, keyed by (type, name), as a comparable value.

    Ordinary tables are compared by their columns and foreign keys (how sqlite-utils words its
    CREATE TABLE may change between versions); virtual tables, indexes, triggers and views by
    their SQL text.
    """
    objects = {}
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if _SQLITE_OWN.match(name):
            continue
        normal = _normal_sql(sql)
        if kind == "table" and not normal.startswith("create virtual table"):
            columns = tuple(
                (r[1], (r[2] or "").casefold(), r[3], _normal_sql(r[4]), r[5], r[6])
                for r in conn.execute(f"PRAGMA main.table_xinfo([{name.replace(']', ']]')}])")
            )
            keys = tuple(sorted(
                tuple(str(v).casefold() for v in r[2:])
                for r in conn.execute(f"PRAGMA main.foreign_key_list([{name.replace(']', ']]')}])")
            ))
            checks = tuple(sorted(re.findall(r"check ?\((?:[^()]|\([^()]*\))*\)", normal)))
            objects[(kind, name)] = (table, columns, keys, checks, "without rowid" in normal)
        else:
            objects[(kind, name)] = (table, normal)
    return objects


@functools.lru_cache(maxsize=8)
def _reference(applied: tuple[str, ...]) -> tuple[dict, dict] | None:
    """(normalized SQL texts, structural description) of what the named migrations make."""
    known = {m.name: m for m in migrations._migrations}
    if any(name not in known for name in applied):
        return None
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db = Database(conn, execute_plugins=False)
        migrations.ensure_migrations_table(db)
        for name in applied:
            with db.atomic():
                known[name].fn(db)
        return _texts(conn), _describe(conn)
    finally:
        conn.close()


def reference_schema(applied: tuple[str, ...]) -> dict[tuple[str, str], tuple] | None:
    """The schema the named migrations make, run in this order on an empty database; None for an unknown name.

    Built from the migrations themselves (never written down twice), once per list of names.
    """
    reference = _reference(applied)
    return None if reference is None else reference[1]


def schema_differences(conn: sqlite3.Connection, applied: Sequence[str], limit: int = 5) -> list[str]:
    """What in ``conn``'s schema the migrations in ``applied`` did not make, or made otherwise (Persian lines).

    An empty list: the schema is exactly what prdesk makes. The connection only reads sqlite_master
    and table pragmas, so it may be a read-only one with ``trusted_schema`` off.
    """
    reference = _reference(tuple(applied))
    if reference is None:
        return ["نام تغییری در ساختار هست که این نسخهٔ برنامه نمی‌شناسد."]
    texts, expected = reference
    if _texts(conn) == texts:
        return []  # word for word what the migrations make: no need to look closer
    found = _describe(conn)
    problems = []
    for key in sorted(found.keys() - expected.keys()):
        problems.append(f"{_WHAT.get(key[0], key[0])} «{key[1]}» را برنامه نساخته است")
    for key in sorted(expected.keys() - found.keys()):
        problems.append(f"{_WHAT.get(key[0], key[0])} «{key[1]}» که برنامه می‌سازد نیست")
    for key in sorted(found.keys() & expected.keys()):
        if found[key] != expected[key]:
            problems.append(f"{_WHAT.get(key[0], key[0])} «{key[1]}» با آنچه برنامه می‌سازد فرق دارد")
    return problems[:limit]
