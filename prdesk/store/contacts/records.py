"""Contacts in the database, what every part shares: field lists, the Change a write returns, the search index and keys, tags and lookup lists."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from prdesk.core.contacts import sort_key
from prdesk.core.text import clean, compact_key, to_persian_digits
from prdesk.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from sqlite_utils import Database

ORG_DB_FIELDS: tuple[str, ...] = (
    "name", "kind", "activity", "registration_no", "province", "city", "address", "postal_code",
    "fax", "email", "website", "notes",
)
PERSON_DB_FIELDS: tuple[str, ...] = (
    "honorific", "title", "first_name", "last_name", "gender", "position", "position_since",
    "organization_id", "mobile", "phone", "email", "birthday", "is_staff", "notes", "deceased", "deceased_on", "salutation",
)
_LOOKUPS = {"kind": ("contact_kinds", "kind"), "activity": ("activity_types", "activity")}
_FIELD_NAMES = {
    "name": "نام", "kind": "نوع", "activity": "نوع فعالیت", "registration_no": "شماره ثبت", "province": "استان",
    "city": "شهر", "address": "نشانی", "postal_code": "کد پستی", "fax": "نمابر", "email": "ایمیل",
    "website": "وبگاه", "honorific": "عنوان", "title": "لقب", "first_name": "نام", "last_name": "نام خانوادگی",
    "gender": "جنسیت", "position": "سمت", "mobile": "همراه", "phone": "تلفن", "birthday": "تاریخ تولد",
}


@dataclass(frozen=True)
class Change:
    """What one write did, so every screen showing that area can refresh itself.

    ``action`` is "added", "updated", "unchanged", "deleted" or "merged"; ``fields`` names the
    fields that changed; ``details`` carries side effects (people unlinked, records moved …).
    """

    table: str
    id: int
    action: str
    fields: frozenset[str] = frozenset()
    details: dict = field(default_factory=dict)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def has_contacts(db: Database) -> bool:
    """Whether the database holds any organization or person."""
    return bool(
        db.execute("SELECT EXISTS (SELECT 1 FROM organizations) OR EXISTS (SELECT 1 FROM people)").fetchone()[0]
    )


# ---------------------------------------------------------------- search index

_INDEXED = ("people", "organizations")


def _index_inserted(db: Database, table: str, row_id: int, key: str) -> None:
    """Put a newly inserted row into its search index, unless a bulk write will index it at the end."""
    deferred = db.execute("SELECT from_id FROM search_index_deferred WHERE tbl = ?", [table]).fetchone()
    if deferred is None or row_id < deferred[0]:
        db.execute(f"INSERT INTO {table}_fts (rowid, search_key) VALUES (?, ?)", [row_id, key])


@contextmanager
def deferred_search_index(db: Database) -> Iterator[None]:
    """A transaction (a savepoint inside an open one) whose new rows are indexed in one pass at the end.

    For bulk writes (import, demo): rows that existed before keep their index up to date as usual;
    rows added inside the block (even with plain INSERTs) are indexed with their final keys before
    it ends. An exception
    rolls the block back, its rows and the marker together, so the index always matches.
    """
    with db.atomic():
        starts = {}
        for table in _INDEXED:
            starts[table] = db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
            db.execute("INSERT INTO search_index_deferred (tbl, from_id) VALUES (?, ?)", [table, starts[table]])
        yield
        for table in _INDEXED:
            db.execute(
                f"INSERT INTO {table}_fts (rowid, search_key) SELECT id, search_key FROM {table} WHERE id >= ?",
                [starts[table]],
            )
        db.execute("DELETE FROM search_index_deferred")


def check_search_index(db: Database) -> None:
    """Raise sqlite3.DatabaseError if a search index does not match its table (used by checks and tests)."""
    for table in _INDEXED:
        db.execute(f"INSERT INTO {table}_fts ({table}_fts, rank) VALUES ('integrity-check', 1)")


# ---------------------------------------------------------------- keys


# Names, cities and positions repeat across thousands of rows (imports, demo); keys are pure.
_key = functools.lru_cache(maxsize=65_536)(compact_key)
_sort = functools.lru_cache(maxsize=65_536)(sort_key)


def organization_keys(org: Mapping, phones: Iterable[str]) -> dict[str, str]:
    """The stored name, sort and search keys of an organization."""
    parts = [org.get("name"), org.get("city"), org.get("registration_no"), org.get("email"), org.get("fax"), *phones]
    return {
        "name_key": _key(org.get("name") or ""),
        "sort_name": _sort(org.get("name") or ""),
        "search_key": " ".join(k for k in (_key(p) for p in parts if p) if k),
    }


def person_keys(person: Mapping, org_name: str | None, org_city: str | None) -> dict[str, str]:
    """The stored name, sort and search keys of a person (the organization's name and city included)."""
    first, last = person.get("first_name") or "", person.get("last_name") or ""
    name_key = _key(first) + _key(last)
    sort_name = _sort(last) + "\x01" + _sort(first) if last else _sort(first)
    words = [_key(p) for p in (person.get("title"), person.get("position"), org_name, org_city) if p]
    # Phone numbers are stored as ASCII digits already; only the words need the normalizer.
    numbers = [p for p in (person.get("mobile"), person.get("phone")) if p]
    email = [person["email"].casefold()] if person.get("email") else []
    return {
        "name_key": name_key,
        "sort_name": sort_name,
        "search_key": " ".join(k for k in [name_key, *words, *numbers, *email] if k),
    }


def _refresh_people_keys(db: Database, where: str, params: list) -> int:
    rows = db.execute(
        f"""SELECT p.id, p.first_name, p.last_name, p.title, p.position, p.mobile, p.phone, p.email,
                   o.name, o.city, p.search_key
            FROM people p LEFT JOIN organizations o ON o.id = p.organization_id WHERE {where}""",
        params,
    ).fetchall()
    updates = []
    for row in rows:
        person = dict(zip(("id", "first_name", "last_name", "title", "position", "mobile", "phone", "email"), row))
        keys = person_keys(person, row[8], row[9])
        if keys["search_key"] != row[10]:
            updates.append((keys["search_key"], row[0]))
    if updates:
        db.conn.executemany("UPDATE people SET search_key = ? WHERE id = ?", updates)
    return len(updates)


def _refresh_org_keys(db: Database, org_id: int) -> None:
    columns = ("name", "city", "registration_no", "email", "fax")
    org = dict(zip(columns, db.execute(f"SELECT {', '.join(columns)} FROM organizations WHERE id = ?", [org_id]).fetchone()))
    phones = [r[0] for r in db.execute("SELECT number FROM org_phones WHERE org_id = ? ORDER BY position, id", [org_id])]
    keys = organization_keys(org, phones)
    db.execute(
        "UPDATE organizations SET name_key = ?, sort_name = ?, search_key = ? WHERE id = ?",
        [keys["name_key"], keys["sort_name"], keys["search_key"], org_id],
    )


# ---------------------------------------------------------------- tags and lookup lists


def _tag_id(db: Database, name: str) -> int:
    key = compact_key(name)
    row = db.execute("SELECT id FROM tags WHERE key = ?", [key]).fetchone()
    if row:
        return row[0]
    return db.execute("INSERT INTO tags (name, key) VALUES (?, ?)", [clean(name), key]).lastrowid


def _set_tags(db: Database, table: str, owner: str, owner_id: int, names: Iterable[str]) -> None:
    db.execute(f"DELETE FROM {table} WHERE {owner} = ?", [owner_id])
    _add_tags(db, table, owner, owner_id, names)


def _add_tags(db: Database, table: str, owner: str, owner_id: int, names: Iterable[str]) -> None:
    ids = {_tag_id(db, n) for n in names}
    db.conn.executemany(f"INSERT OR IGNORE INTO {table} ({owner}, tag_id) VALUES (?, ?)", [(owner_id, t) for t in ids])


def _tags_of(db: Database, table: str, owner: str, owner_id: int) -> list[str]:
    rows = db.execute(
        f"SELECT t.name FROM {table} x JOIN tags t ON t.id = x.tag_id WHERE x.{owner} = ?", [owner_id]
    ).fetchall()
    return sorted((r[0] for r in rows), key=sort_key)


def list_tags(db: Database) -> list[dict]:
    """Every tag in Persian order with how many people and organizations carry it."""
    rows = db.execute(
        """SELECT t.name, (SELECT count(*) FROM person_tags WHERE tag_id = t.id),
                  (SELECT count(*) FROM org_tags WHERE tag_id = t.id)
           FROM tags t"""
    ).fetchall()
    tags = [{"name": r[0], "people": r[1], "organizations": r[2]} for r in rows]
    return sorted(tags, key=lambda t: sort_key(t["name"]))


def _lookup(which: str) -> tuple[str, str]:
    if which not in _LOOKUPS:
        raise ValueError(f"unknown lookup list {which!r}")
    return _LOOKUPS[which]


def lookup_values(db: Database, which: str) -> list[str]:
    """The editable list ``which`` ("kind" or "activity") in its own order."""
    table, _ = _lookup(which)
    return [r[0] for r in db.execute(f"SELECT name FROM {table} ORDER BY position, id")]


def _ensure_lookup(db: Database, which: str, value: str) -> None:
    if not value:
        return
    table, _ = _lookup(which)
    db.execute(
        f"INSERT OR IGNORE INTO {table} (name, position) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM {table}))",
        [value],
    )


def add_lookup_value(db: Database, which: str, name: str) -> bool:
    """Add a value at the end of a lookup list; False when it was already there."""
    value = clean(name)
    if not value:
        raise ValidationError("نام را بنویسید.", "name")
    table, _ = _lookup(which)
    with db.atomic():
        before = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        _ensure_lookup(db, which, value)
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > before


def rename_lookup_value(db: Database, which: str, old: str, new: str) -> int:
    """Rename a lookup value everywhere; returns how many organizations were updated."""
    table, column = _lookup(which)
    new = clean(new)
    if not new:
        raise ValidationError("نام جدید را بنویسید.", "name")
    with db.atomic():
        if db.execute(f"SELECT 1 FROM {table} WHERE name = ?", [old]).fetchone() is None:
            raise NotFound(f"«{old}» در فهرست نیست.")
        if new != old and db.execute(f"SELECT 1 FROM {table} WHERE name = ?", [new]).fetchone():
            raise ValidationError(f"«{new}» از قبل در فهرست هست.", "name")
        db.execute(f"UPDATE {table} SET name = ? WHERE name = ?", [new, old])
        return db.execute(
            f"UPDATE organizations SET {column} = ?, updated_at = ? WHERE {column} = ?", [new, _now(), old]
        ).rowcount


def remove_lookup_value(db: Database, which: str, name: str) -> None:
    """Remove a value no organization uses; a value in use is refused with the count."""
    table, column = _lookup(which)
    with db.atomic():
        used = db.execute(f"SELECT count(*) FROM organizations WHERE {column} = ?", [name]).fetchone()[0]
        if used:
            raise ValidationError(
                f"{to_persian_digits(used)} سازمان «{name}» را دارند؛ اول آن‌ها را به مقدار دیگری تغییر دهید.", "name"
            )
        db.execute(f"DELETE FROM {table} WHERE name = ?", [name])


def list_cities(db: Database, province: str = "") -> list[str]:
    """Cities in use (and the built-in main cities of ``province``), in Persian order."""
    from prdesk.core.contacts import PROVINCES

    if province:
        rows = db.execute("SELECT DISTINCT city FROM organizations WHERE province = ? AND city <> ''", [province])
        cities = {r[0] for r in rows} | set(PROVINCES.get(province, ()))
    else:
        cities = {r[0] for r in db.execute("SELECT DISTINCT city FROM organizations WHERE city <> ''")}
    return sorted(cities, key=sort_key)
