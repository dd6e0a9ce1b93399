"""Contacts in the database: organizations and people, search, duplicates, merge, positions, queries."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from prdesk.core.contacts import (
    SORT_REPLACEMENTS,
    ContactFilter,
    full_name,
    normalize_date,
    province_of_city,
    sort_key,
    validate_organization,
    validate_person,
)
from prdesk.core.text import clean, compact_key, phone_digits, search_key, to_persian_digits
from prdesk.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = [
    "Change", "ContactFilter", "add_organization", "update_organization", "delete_organization",
    "organization_delete_impact", "get_organization", "add_person", "update_person", "delete_person",
    "get_person", "change_position", "position_history", "position_holder", "find_duplicates",
    "merge_organizations", "merge_people", "query_people", "people_in_order", "organizations_in_order", "iter_people", "count_people", "people_query",
    "query_organizations", "iter_organizations", "count_organizations", "organizations_query", "search_contacts",
    "list_tags", "lookup_values", "add_lookup_value", "rename_lookup_value", "remove_lookup_value",
    "list_cities", "has_contacts", "deferred_search_index", "check_search_index",
]

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


# ---------------------------------------------------------------- organizations


def _org_row(db: Database, org_id: int) -> dict:
    cursor = db.execute(f"SELECT id, {', '.join(ORG_DB_FIELDS)}, created_at, updated_at FROM organizations WHERE id = ?", [org_id])
    row = cursor.fetchone()
    if row is None:
        raise NotFound("این سازمان پیدا نشد؛ شاید پاک یا با سازمان دیگری ادغام شده است. فهرست را به‌روز کنید.")
    return dict(zip([d[0] for d in cursor.description], row))


def get_organization(db: Database, org_id: int) -> dict:
    """One organization with its phones (label, number), tags and number of people."""
    org = _org_row(db, org_id)
    org["phones"] = [
        {"label": r[0], "number": r[1]}
        for r in db.execute("SELECT label, number FROM org_phones WHERE org_id = ? ORDER BY position, id", [org_id])
    ]
    org["tags"] = _tags_of(db, "org_tags", "org_id", org_id)
    org["people_count"] = db.execute("SELECT count(*) FROM people WHERE organization_id = ?", [org_id]).fetchone()[0]
    return org


def organization_row(org: Mapping, stamp: str) -> dict:
    """The columns of a validated organization as stored, keys included."""
    values = {k: org.get(k) or "" for k in ORG_DB_FIELDS}
    values.update(organization_keys(values, [p["number"] for p in org.get("phones") or []]))
    values["created_at"] = values["updated_at"] = stamp
    return values


def _insert_organization(db: Database, org: Mapping, stamp: str | None = None) -> int:
    """Insert a validated organization with its phones and tags (the caller holds the transaction)."""
    stamp = stamp or _now()
    phones = org.get("phones") or []
    values = organization_row(org, stamp)
    _ensure_lookup(db, "kind", values["kind"])
    _ensure_lookup(db, "activity", values["activity"])
    columns = list(values)
    org_id = db.execute(
        f"INSERT INTO organizations ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns],
    ).lastrowid
    _index_inserted(db, "organizations", org_id, values["search_key"])
    if phones:
        db.conn.executemany(
            "INSERT OR IGNORE INTO org_phones (org_id, label, number, position) VALUES (?, ?, ?, ?)",
            [(org_id, p["label"], p["number"], i) for i, p in enumerate(phones)],
        )
    if org.get("tags"):
        _add_tags(db, "org_tags", "org_id", org_id, org["tags"])
    return org_id


def add_organization(db: Database, data: Mapping) -> Change:
    """Validate and save a new organization in one transaction."""
    org = validate_organization(data)
    with db.atomic():
        org_id = _insert_organization(db, org)
    return Change("organizations", org_id, "added", frozenset(k for k, v in org.items() if v))


def update_organization(db: Database, org_id: int, changes: Mapping) -> Change:
    """Validate and save the given fields of an organization; people's search keys follow its name and city."""
    current = get_organization(db, org_id)
    checked = validate_organization(changes, partial=True)
    if "city" in checked and checked["city"] and not checked.get("province") and not current["province"]:
        checked["province"] = province_of_city(checked["city"])
    changed = frozenset(k for k, v in checked.items() if current.get(k) != v)
    if not changed:
        return Change("organizations", org_id, "unchanged")
    with db.atomic():
        scalar = [k for k in changed if k in ORG_DB_FIELDS]
        if scalar:
            db.execute(
                f"UPDATE organizations SET {', '.join(f'{k} = ?' for k in scalar)}, updated_at = ? WHERE id = ?",
                [checked[k] for k in scalar] + [_now(), org_id],
            )
        else:
            db.execute("UPDATE organizations SET updated_at = ? WHERE id = ?", [_now(), org_id])
        _ensure_lookup(db, "kind", checked.get("kind", ""))
        _ensure_lookup(db, "activity", checked.get("activity", ""))
        if "phones" in changed:
            db.execute("DELETE FROM org_phones WHERE org_id = ?", [org_id])
            db.conn.executemany(
                "INSERT INTO org_phones (org_id, label, number, position) VALUES (?, ?, ?, ?)",
                [(org_id, p["label"], p["number"], i) for i, p in enumerate(checked["phones"])],
            )
        if "tags" in changed:
            _set_tags(db, "org_tags", "org_id", org_id, checked["tags"])
        _refresh_org_keys(db, org_id)
        if changed & {"name", "city"}:
            _refresh_people_keys(db, "p.organization_id = ?", [org_id])
    return Change("organizations", org_id, "updated", changed)


def organization_delete_impact(db: Database, org_id: int) -> dict:
    """What deleting an organization would do: its people stay (unlinked), phones and tags go."""
    org = _org_row(db, org_id)
    count = lambda sql: db.execute(sql, [org_id]).fetchone()[0]  # noqa: E731
    people = count("SELECT count(*) FROM people WHERE organization_id = ?")
    return {
        "name": org["name"],
        "people": people,
        "phones": count("SELECT count(*) FROM org_phones WHERE org_id = ?"),
        "history": count("SELECT count(*) FROM position_history WHERE organization_id = ?"),
        "message": (
            f"سازمان «{org['name']}» پاک می‌شود. "
            + (
                f"{to_persian_digits(people)} نفر از افراد آن در مخاطبان می‌مانند ولی دیگر به سازمانی وصل نیستند."
                if people
                else "هیچ شخصی به این سازمان وصل نیست."
            )
        ),
    }


def delete_organization(db: Database, org_id: int) -> Change:
    """Delete an organization; its people are kept with no organization (their history keeps its name)."""
    with db.atomic():
        org = _org_row(db, org_id)
        people = [r[0] for r in db.execute("SELECT id FROM people WHERE organization_id = ?", [org_id])]
        db.execute("DELETE FROM organizations WHERE id = ?", [org_id])
        if people:
            _refresh_people_keys(db, "p.id IN (SELECT value FROM json_each(?))", [json.dumps(people)])
    return Change("organizations", org_id, "deleted", details={"name": org["name"], "people_unlinked": people})


# ---------------------------------------------------------------- people


def _person_row(db: Database, person_id: int) -> dict:
    cursor = db.execute(
        f"SELECT id, {', '.join(PERSON_DB_FIELDS)}, created_at, updated_at FROM people WHERE id = ?", [person_id]
    )
    row = cursor.fetchone()
    if row is None:
        raise NotFound("این شخص پیدا نشد؛ شاید پاک یا با شخص دیگری ادغام شده است. فهرست را به‌روز کنید.")
    person = dict(zip([d[0] for d in cursor.description], row))
    person["is_staff"] = bool(person["is_staff"])
    person["deceased"] = bool(person.get("deceased"))
    return person


def get_person(db: Database, person_id: int) -> dict:
    """One person with organization name, tags, other dates and position history."""
    person = _person_row(db, person_id)
    org = None
    if person["organization_id"]:
        org = db.execute("SELECT name, city, province FROM organizations WHERE id = ?", [person["organization_id"]]).fetchone()
    person["organization"], person["city"], person["province"] = org if org else ("", "", "")
    person["full_name"] = full_name(person)
    person["tags"] = _tags_of(db, "person_tags", "person_id", person_id)
    person["dates"] = [
        {"label": r[0], "date": r[1], "kind": r[2]}
        for r in db.execute("SELECT label, date, kind FROM person_dates WHERE person_id = ? ORDER BY date, id", [person_id])
    ]
    person["history"] = position_history(db, person_id)
    return person


def _org_name_city(db: Database, org_id: int | None) -> tuple[str, str]:
    if not org_id:
        return "", ""
    row = db.execute("SELECT name, city FROM organizations WHERE id = ?", [org_id]).fetchone()
    if row is None:
        raise ValidationError("سازمان انتخاب‌شده دیگر وجود ندارد؛ سازمان دیگری انتخاب کنید.", "organization_id")
    return row[0], row[1]


def person_row(person: Mapping, stamp: str, org: tuple[str, str]) -> dict:
    """The columns of a validated person as stored, keys included (``org`` is its organization's name and city)."""
    values = {k: person.get(k) for k in PERSON_DB_FIELDS}
    for k in ("honorific", "title", "first_name", "last_name", "gender", "position", "mobile", "phone", "email", "notes"):
        values[k] = values[k] or ""
    values["is_staff"] = 1 if values["is_staff"] else 0
    values["deceased"], values["salutation"] = 1 if values["deceased"] else 0, values["salutation"] or ""
    values["organization_id"] = values["organization_id"] or None
    values.update(person_keys(values, org[0], org[1]))
    values["created_at"] = values["updated_at"] = stamp
    return values


def _insert_person(db: Database, person: Mapping, stamp: str | None = None, org: tuple[str, str] | None = None) -> int:
    """Insert a validated person with tags and dates (the caller holds the transaction)."""
    stamp = stamp or _now()
    if org is None:
        org = _org_name_city(db, person.get("organization_id") or None)
    values = person_row(person, stamp, org)
    columns = list(values)
    person_id = db.execute(
        f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns],
    ).lastrowid
    _index_inserted(db, "people", person_id, values["search_key"])
    if person.get("tags"):
        _add_tags(db, "person_tags", "person_id", person_id, person["tags"])
    if person.get("dates"):
        db.conn.executemany(
            "INSERT INTO person_dates (person_id, label, date, kind) VALUES (?, ?, ?, ?)",
            [(person_id, d["label"], d["date"], d["kind"]) for d in person["dates"]],
        )
    return person_id


def add_person(db: Database, data: Mapping) -> Change:
    """Validate and save a new person in one transaction."""
    person = validate_person(data)
    with db.atomic():
        person_id = _insert_person(db, person)
    return Change("people", person_id, "added", frozenset(k for k, v in person.items() if v))


def update_person(db: Database, person_id: int, changes: Mapping, *, keep_history: bool = False) -> Change:
    """Validate and save the given fields of a person.

    An edit corrects a record, so a changed position is simply replaced; with ``keep_history``
    (the holder really moved) the previous position goes into the history as with
    :func:`change_position`.
    """
    current = get_person(db, person_id)
    checked = validate_person(changes, partial=True)
    merged_first = checked.get("first_name", current["first_name"])
    merged_last = checked.get("last_name", current["last_name"])
    if not merged_first and not merged_last:
        raise ValidationError("نام یا نام خانوادگی را بنویسید.", "last_name")
    changed = frozenset(k for k, v in checked.items() if current.get(k) != v)
    if not changed:
        return Change("people", person_id, "unchanged")
    with db.atomic():
        if keep_history and changed & {"position", "organization_id"}:
            _record_history(db, current, checked.get("position", current["position"]),
                            checked.get("organization_id", current["organization_id"]), dt.date.today().isoformat())
        scalar = [k for k in changed if k in PERSON_DB_FIELDS]
        values = {k: checked[k] for k in scalar}
        if "is_staff" in values:
            values["is_staff"] = 1 if values["is_staff"] else 0
        if "organization_id" in values:
            _org_name_city(db, values["organization_id"])
        values["updated_at"] = _now()
        db.execute(
            f"UPDATE people SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?", list(values.values()) + [person_id]
        )
        if "tags" in changed:
            _set_tags(db, "person_tags", "person_id", person_id, checked["tags"])
        if "dates" in changed:
            db.execute("DELETE FROM person_dates WHERE person_id = ?", [person_id])
            db.conn.executemany(
                "INSERT INTO person_dates (person_id, label, date, kind) VALUES (?, ?, ?, ?)",
                [(person_id, d["label"], d["date"], d["kind"]) for d in checked["dates"]],
            )
        _refresh_person_all_keys(db, person_id)
    return Change("people", person_id, "updated", changed)


def _refresh_person_all_keys(db: Database, person_id: int) -> None:
    person = _person_row(db, person_id)
    org_name, org_city = _org_name_city(db, person["organization_id"]) if person["organization_id"] else ("", "")
    keys = person_keys(person, org_name, org_city)
    db.execute(
        "UPDATE people SET name_key = ?, sort_name = ?, search_key = ? WHERE id = ?",
        [keys["name_key"], keys["sort_name"], keys["search_key"], person_id],
    )


def delete_person(db: Database, person_id: int) -> Change:
    """Delete a person with their tags, other dates and position history."""
    with db.atomic():
        person = _person_row(db, person_id)
        db.execute("DELETE FROM people WHERE id = ?", [person_id])
    return Change("people", person_id, "deleted", details={"name": full_name(person)})


# ---------------------------------------------------------------- positions


def _record_history(db: Database, person: Mapping, new_position: str, new_org: int | None, date: str) -> bool:
    """Put the person's current position into the history if it differs from the new one."""
    if (person["position"] or "") == (new_position or "") and person["organization_id"] == new_org:
        return False
    if not person["position"] and not person["organization_id"]:
        return False
    org_name = _org_name_city(db, person["organization_id"])[0] if person["organization_id"] else ""
    db.execute(
        """INSERT INTO position_history (person_id, position, organization_id, organization_name, from_date, to_date)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [person["id"], person["position"], person["organization_id"], org_name, person["position_since"], date],
    )
    return True


_UNCHANGED = object()


def change_position(
    db: Database,
    person_id: int,
    position: str,
    organization_id: int | None | object = _UNCHANGED,
    date: dt.date | str | None = None,
) -> Change:
    """The person moved to a new position (and organization) on ``date``; the old one goes into the history."""
    position = clean(position)
    day = normalize_date(date, "date") or dt.date.today().isoformat()
    with db.atomic():
        person = _person_row(db, person_id)
        new_org = person["organization_id"] if organization_id is _UNCHANGED else (organization_id or None)
        if new_org != person["organization_id"]:
            _org_name_city(db, new_org)
        if position == person["position"] and new_org == person["organization_id"]:
            return Change("people", person_id, "unchanged")
        if person["position_since"] and day < person["position_since"]:
            raise ValidationError("تاریخ تغییر سمت پیش از آغاز سمت فعلی است؛ تاریخ را بررسی کنید.", "date")
        _record_history(db, person, position, new_org, day)
        db.execute(
            "UPDATE people SET position = ?, organization_id = ?, position_since = ?, updated_at = ? WHERE id = ?",
            [position, new_org, day, _now(), person_id],
        )
        _refresh_person_all_keys(db, person_id)
    fields = {"position"} | ({"organization_id"} if new_org != person["organization_id"] else set())
    return Change("people", person_id, "updated", frozenset(fields))


def position_history(db: Database, person_id: int) -> list[dict]:
    """Previous positions of a person, the latest first."""
    rows = db.execute(
        """SELECT h.id, h.position, h.organization_id, coalesce(o.name, h.organization_name), h.from_date, h.to_date
           FROM position_history h LEFT JOIN organizations o ON o.id = h.organization_id
           WHERE h.person_id = ? ORDER BY coalesce(h.to_date, '9999') DESC, h.id DESC""",
        [person_id],
    ).fetchall()
    keys = ("id", "position", "organization_id", "organization", "from_date", "to_date")
    return [dict(zip(keys, r)) for r in rows]


def position_holder(db: Database, organization_id: int, position: str) -> dict | None:
    """The person who holds ``position`` at the organization now (letters go to a position), or None."""
    key = compact_key(position)
    for person_id, pos in db.execute("SELECT id, position FROM people WHERE organization_id = ? ORDER BY id", [organization_id]):
        if compact_key(pos) == key:
            return get_person(db, person_id)
    return None


# ---------------------------------------------------------------- duplicates


def find_duplicates(db: Database, data: Mapping, *, table: str | None = None) -> list[dict]:
    """Likely duplicates of a record about to be saved: same normalized name in the same city, or a shared phone.

    ``data`` is what the dialog holds (not yet validated); ``table`` is "organizations" or
    "people" (guessed from the keys when omitted); an ``id`` in ``data`` is left out of the
    answer. Each answer: table, id, name, city and the reasons in Persian.
    """
    if table is None:
        table = "organizations" if "name" in data and not ({"first_name", "last_name"} & set(data)) else "people"
    found: dict[int, dict] = {}
    own_id = data.get("id")

    def note(row_id: int, name: str, city: str, reason: str) -> None:
        if row_id == own_id:
            return
        entry = found.setdefault(row_id, {"table": table, "id": row_id, "name": name, "city": city or "", "reasons": []})
        if reason not in entry["reasons"]:
            entry["reasons"].append(reason)

    if table == "organizations":
        name_key = compact_key(data.get("name"))
        city_key = compact_key(data.get("city"))
        if name_key:
            for row_id, name, city in db.execute("SELECT id, name, city FROM organizations WHERE name_key = ?", [name_key]):
                if not city_key or not compact_key(city) or compact_key(city) == city_key:
                    note(row_id, name, city, "همین نام در همین شهر" if city_key and city else "همین نام")
        numbers = _loose_numbers([*_phone_values(data.get("phones")), data.get("fax")])
        for number in numbers:
            for row_id, name, city in db.execute(
                """SELECT o.id, o.name, o.city FROM org_phones ph JOIN organizations o ON o.id = ph.org_id WHERE ph.number = ?
                   UNION SELECT id, name, city FROM organizations WHERE fax = ?""",
                [number, number],
            ):
                note(row_id, name, city, f"شمارهٔ تلفن مشترک {to_persian_digits(number)}")
    else:
        name_key = compact_key(f"{data.get('first_name') or ''} {data.get('last_name') or ''}")
        org_id = data.get("organization_id") or None
        city = data.get("city") or ""
        if org_id and not city:
            row = db.execute("SELECT city FROM organizations WHERE id = ?", [org_id]).fetchone()
            city = row[0] if row else ""
        city_key = compact_key(city)
        if name_key:
            for row in db.execute(
                """SELECT p.id, p.honorific, p.title, p.first_name, p.last_name, o.city
                   FROM people p LEFT JOIN organizations o ON o.id = p.organization_id WHERE p.name_key = ?""",
                [name_key],
            ):
                other_city = compact_key(row[5])
                if not city_key or not other_city or other_city == city_key:
                    person = dict(zip(("honorific", "title", "first_name", "last_name"), row[1:5]))
                    note(row[0], full_name(person), row[5], "همین نام در همین شهر" if city_key and other_city else "همین نام")
        # Office landlines are shared by colleagues; only a mobile number says "same person".
        for number in _loose_numbers([data.get("mobile")]):
            for row in db.execute(
                """SELECT p.id, p.honorific, p.title, p.first_name, p.last_name, o.city
                   FROM people p LEFT JOIN organizations o ON o.id = p.organization_id WHERE p.mobile = ?""",
                [number],
            ):
                person = dict(zip(("honorific", "title", "first_name", "last_name"), row[1:5]))
                note(row[0], full_name(person), row[5], f"شمارهٔ همراه مشترک {to_persian_digits(number)}")
    return list(found.values())


def _phone_values(value: object) -> list:
    if not value:
        return []
    if isinstance(value, str):
        from prdesk.core.contacts import split_phone_cell

        return [p["number"] for p in split_phone_cell(value)]
    return [p["number"] if isinstance(p, Mapping) else p for p in value]


def _loose_numbers(values: Iterable[object]) -> list[str]:
    """Numbers as stored, from text that may not pass validation yet (a dialog still being typed)."""
    from prdesk.core.contacts import normalize_mobile, normalize_phone

    numbers = []
    for value in values:
        if not value:
            continue
        for normalize in (normalize_mobile, normalize_phone):
            try:
                number = normalize(value)
            except ValidationError:
                continue
            if number and number not in numbers:
                numbers.append(number)
            break
    return numbers


# ---------------------------------------------------------------- merge


def _foreign_keys_to(db: Database, target: str) -> list[tuple[str, str]]:
    """Every (table, column) that points at ``target``.id, later issues' tables included."""
    links = []
    for table in db.table_names():
        for fk in db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall():
            if fk[2] == target:
                links.append((table, fk[3]))
    return links


def _repoint(db: Database, target: str, keep_id: int, drop_id: int) -> dict[str, int]:
    moved = {}
    for table, column in _foreign_keys_to(db, target):
        # A link the kept record already has (same tag, same phone) stays single.
        count = db.execute(f"UPDATE OR IGNORE [{table}] SET [{column}] = ? WHERE [{column}] = ?", [keep_id, drop_id]).rowcount
        db.execute(f"DELETE FROM [{table}] WHERE [{column}] = ?", [drop_id])
        if count:
            moved[table] = moved.get(table, 0) + count
    return moved


def _merge_values(keep: Mapping, drop: Mapping, fields: Iterable[str]) -> tuple[dict, list[str]]:
    """Fill the kept record's empty fields from the dropped one; conflicting values become notes."""
    updates, notes = {}, []
    for key in fields:
        mine, theirs = keep.get(key), drop.get(key)
        if theirs in (None, "") or mine == theirs:
            continue
        if mine in (None, ""):
            updates[key] = theirs
        elif search_key(str(mine)) != search_key(str(theirs)):
            shown = theirs
            if key == "birthday":
                from prdesk.core.jalali import format_jalali_iso

                shown = format_jalali_iso(dt.date.fromisoformat(theirs))
            notes.append(f"{_FIELD_NAMES.get(key, key)}: {shown}")
    return updates, notes


def _merged_notes(keep_notes: str, drop_notes: str, drop_name: str, extra: list[str]) -> str:
    parts = [keep_notes] if keep_notes else []
    if drop_notes and drop_notes not in keep_notes:
        parts.append(drop_notes)
    if extra:
        parts.append(f"از ادغام با «{drop_name}»: " + "؛ ".join(extra))
    return "\n".join(parts)


def merge_organizations(db: Database, keep_id: int, drop_id: int) -> Change:
    """Combine two organizations into ``keep_id``: no field, phone, tag, person, history or link is lost."""
    if keep_id == drop_id:
        raise ValidationError("یک سازمان را نمی‌توان با خودش ادغام کرد.")
    with db.atomic():
        keep, drop = _org_row(db, keep_id), _org_row(db, drop_id)
        fields = [f for f in ORG_DB_FIELDS if f not in ("name", "notes")]
        updates, extra = _merge_values(keep, drop, fields)
        if compact_key(drop["name"]) != compact_key(keep["name"]):
            extra.insert(0, f"نام دیگر: {drop['name']}")
        updates["notes"] = _merged_notes(keep["notes"], drop["notes"], drop["name"], extra)
        # Labels of a shared number are kept when the kept copy has none.
        db.execute(
            """UPDATE org_phones SET label = (SELECT d.label FROM org_phones d WHERE d.org_id = ? AND d.number = org_phones.number)
               WHERE org_id = ? AND label = '' AND number IN (SELECT number FROM org_phones WHERE org_id = ? AND label <> '')""",
            [drop_id, keep_id, drop_id],
        )
        db.execute("UPDATE org_phones SET position = position + 1000 WHERE org_id = ?", [drop_id])
        moved = _repoint(db, "organizations", keep_id, drop_id)
        db.execute(
            f"UPDATE organizations SET {', '.join(f'{k} = ?' for k in updates)}, updated_at = ? WHERE id = ?",
            list(updates.values()) + [_now(), keep_id],
        )
        db.execute("DELETE FROM organizations WHERE id = ?", [drop_id])
        _refresh_org_keys(db, keep_id)
        _refresh_people_keys(db, "p.organization_id = ?", [keep_id])
    return Change(
        "organizations", keep_id, "merged", frozenset(updates),
        details={"dropped": drop_id, "dropped_name": drop["name"], "moved": moved},
    )


def merge_people(db: Database, keep_id: int, drop_id: int) -> Change:
    """Combine two people into ``keep_id``: no field, tag, date, history or link is lost.

    A different position or organization of the dropped record goes into the history.
    """
    if keep_id == drop_id:
        raise ValidationError("یک شخص را نمی‌توان با خودش ادغام کرد.")
    with db.atomic():
        keep, drop = _person_row(db, keep_id), _person_row(db, drop_id)
        fields = [f for f in PERSON_DB_FIELDS if f not in ("notes", "is_staff", "position", "organization_id", "position_since")]
        updates, extra = _merge_values(keep, drop, fields)
        if drop["is_staff"] and not keep["is_staff"]:
            updates["is_staff"] = 1
        if not keep["position"] and not keep["organization_id"]:
            updates.update(position=drop["position"], organization_id=drop["organization_id"],
                           position_since=drop["position_since"])
        elif (drop["position"] or drop["organization_id"]) and (
            compact_key(drop["position"]) != compact_key(keep["position"]) or drop["organization_id"] != keep["organization_id"]
        ):
            org_name = _org_name_city(db, drop["organization_id"])[0] if drop["organization_id"] else ""
            db.execute(
                """INSERT INTO position_history (person_id, position, organization_id, organization_name, from_date, to_date)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                [keep_id, drop["position"], drop["organization_id"], org_name, drop["position_since"], None],
            )
        drop_name = full_name(drop)
        if compact_key(f"{drop['first_name']} {drop['last_name']}") != compact_key(f"{keep['first_name']} {keep['last_name']}"):
            extra.insert(0, f"نام دیگر: {drop_name}")
        updates["notes"] = _merged_notes(keep["notes"], drop["notes"], drop_name, extra)
        moved = _repoint(db, "people", keep_id, drop_id)
        db.execute(
            """DELETE FROM person_dates WHERE person_id = ? AND id NOT IN
               (SELECT min(id) FROM person_dates WHERE person_id = ? GROUP BY label, date, kind)""",
            [keep_id, keep_id],
        )
        db.execute(
            f"UPDATE people SET {', '.join(f'{k} = ?' for k in updates)}, updated_at = ? WHERE id = ?",
            list(updates.values()) + [_now(), keep_id],
        )
        db.execute("DELETE FROM people WHERE id = ?", [drop_id])
        _refresh_person_all_keys(db, keep_id)
    return Change(
        "people", keep_id, "merged", frozenset(updates),
        details={"dropped": drop_id, "dropped_name": drop_name, "moved": moved},
    )


# ---------------------------------------------------------------- queries


def query_tokens(text: str | None) -> list[str]:
    """The words of a search as matched against stored keys.

    Phone-like words lose separators and +98 («۰۹۱۲-۱۲۳ ۴۵۶۷» → 09121234567); digit groups
    typed with spaces are joined, since people type numbers in groups.
    """
    tokens: list[str] = []
    for word in search_key(text).split():
        if re.fullmatch(r"[+\d()\-]+", word) and re.search(r"\d", word):
            digits = phone_digits(word)
            if digits.startswith("+98"):
                digits = "0" + digits[3:]
            word = digits.lstrip("+")
            if tokens and tokens[-1].isdigit():
                tokens[-1] += word
                continue
        tokens.append(word)
    return [t for t in tokens if t]


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _text_conditions(text: str, alias: str, fts: str) -> tuple[list[str], dict, str | None]:
    """WHERE parts (named parameters) for a search and the compact query used to rank the matches."""
    tokens = query_tokens(text)
    if not tokens:
        return [], {}, None
    where: list[str] = []
    params: dict = {"q": "".join(tokens)}
    # The trigram index answers words of three letters or more; shorter ones are checked on the key.
    long_tokens = [t for t in tokens if len(t) >= 3]
    if long_tokens:
        where.append(f"{alias}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :match)")
        params["match"] = " AND ".join(_fts_phrase(t) for t in long_tokens)
    for i, token in enumerate(t for t in tokens if len(t) < 3):
        where.append(f"instr({alias}.search_key, :short{i}) > 0")
        params[f"short{i}"] = token
    return where, params, params["q"]


def _rank_sql(alias: str) -> str:
    # 0 exact name, 1 name starts or ends with it, 2 the name contains it, 3 another field does.
    return (
        f"CASE WHEN {alias}.name_key = :q THEN 0"
        f" WHEN substr({alias}.name_key, 1, length(:q)) = :q OR substr({alias}.name_key, -length(:q)) = :q THEN 1"
        f" WHEN instr({alias}.name_key, :q) > 0 THEN 2 ELSE 3 END"
    )


def fa_order(expression: str) -> str:
    """An SQL expression that sorts ``expression`` in Persian alphabetical order (for unindexed columns)."""
    for letter, target in SORT_REPLACEMENTS:
        replacement = "'" + target.replace("\U0010ffff", "' || char(1114111) || '").replace("\x01", "' || char(1) || '") + "'"
        expression = f"replace({expression}, '{letter}', {replacement})"
    return expression


_PEOPLE_ORDER = {
    "name": ["p.sort_name", "p.id"],
    "first_name": [fa_order("p.first_name"), "p.sort_name", "p.id"],
    "position": [fa_order("p.position"), "p.sort_name", "p.id"],
    "organization": ["o.sort_name", "p.sort_name", "p.id"],
    "mobile": ["p.mobile", "p.sort_name", "p.id"],
    "phone": ["p.phone", "p.sort_name", "p.id"],
    "email": ["p.email", "p.sort_name", "p.id"],
    "birthday": ["p.birthday", "p.sort_name", "p.id"],
    "staff": ["p.is_staff DESC", "p.sort_name", "p.id"],
    "city": [fa_order("o.city"), "p.sort_name", "p.id"],
    "province": [fa_order("o.province"), "p.sort_name", "p.id"],
    "kind": [fa_order("o.kind"), "p.sort_name", "p.id"],
    "created": ["p.id"],
}
_ORG_ORDER = {
    "name": ["o.sort_name", "o.id"],
    "kind": [fa_order("o.kind"), "o.sort_name", "o.id"],
    "activity": [fa_order("o.activity"), "o.sort_name", "o.id"],
    "province": [fa_order("o.province"), "o.sort_name", "o.id"],
    "city": [fa_order("o.city"), "o.sort_name", "o.id"],
    "registration_no": ["o.registration_no", "o.sort_name", "o.id"],
    "people_count": ["people_count", "o.sort_name", "o.id"],
    "created": ["o.id"],
}
PEOPLE_ORDERS: tuple[str, ...] = tuple(_PEOPLE_ORDER) + ("relevance",)
ORGANIZATION_ORDERS: tuple[str, ...] = tuple(_ORG_ORDER) + ("relevance",)


def _order_terms(orders: dict, order_by: str | None, descending: bool, rank: str | None, alias: str) -> list[str]:
    if order_by in (None, "relevance"):
        terms = [rank, f"{alias}.sort_name", f"{alias}.id"] if rank else orders["name"]
    else:
        if order_by not in orders:
            raise ValueError(f"unknown order {order_by!r}")
        terms = orders[order_by]
    if descending:
        terms = [t[:-5] if t.endswith(" DESC") else f"{t} DESC" for t in terms]
    return list(terms)


def _order_sql(orders: dict, order_by: str | None, descending: bool, rank: str | None, alias: str) -> str:
    return ", ".join(_order_terms(orders, order_by, descending, rank, alias))


def _key_columns(terms: list[str]) -> str:
    """Each ORDER BY term as a result column ``_k0``, ``_k1`` …: the key the next page starts after."""
    # A bare name (people_count) is a result column already; SQLite cannot select an alias twice.
    plain = [t.removesuffix(" DESC") for t in terms]
    return "".join(f", {t} AS _k{i}" for i, t in enumerate(plain) if not t.isidentifier())


def _take_key(row: dict, terms: list[str]) -> dict:
    """Move the ``_k…`` columns of ``row`` into ``row["_key"]``: the ``after`` of the next page."""
    row["_key"] = tuple(
        row[t] if t.isidentifier() else row.pop(f"_k{i}") for i, t in enumerate(t.removesuffix(" DESC") for t in terms)
    )
    return row


#: Sort terms that are never NULL (o.sort_name is, for a person without an organization).
_NOT_NULL = frozenset({"p.sort_name", "p.id", "o.id"})


def _after_sql(terms: list[str], after: tuple, named: dict) -> list[str]:
    """WHERE parts keeping only the rows after the key ``after`` in the order of ``terms`` (keyset paging).

    Each page then costs the same wherever it is: SQLite seeks to the key instead of counting
    past every row before it as OFFSET does. NULL sorts first ascending and last descending.
    """
    condition = None
    for i in reversed(range(len(terms))):
        descending = terms[i].endswith(" DESC")
        expr = terms[i].removesuffix(" DESC")
        if after[i] is None:
            later = "0" if descending else f"{expr} IS NOT NULL"
            same = f"{expr} IS NULL"
        else:
            named[f"after{i}"] = after[i]
            later = f"({expr} < :after{i} OR {expr} IS NULL)" if descending else f"{expr} > :after{i}"
            same = f"{expr} = :after{i}"
        condition = later if condition is None else f"({later} OR ({same} AND {condition}))"
    where = [condition]
    # A plain bound on the first term lets SQLite start its index scan at the key; descending, only
    # where no NULL can come after it (a column that cannot be NULL).
    first = terms[0].removesuffix(" DESC")
    if after[0] is not None and not terms[0].endswith(" DESC"):
        where.insert(0, f"{first} >= :after0")
    elif after[0] is not None and first in _NOT_NULL:
        where.insert(0, f"{first} <= :after0")
    return where


def _listing_sql(
    select: str,
    where: list[str],
    named: dict,
    order: str,
    limit: int | None,
    offset: int,
) -> tuple[str, dict]:
    """``select`` with its conditions, its ORDER BY terms and the page asked for."""
    sql = select
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY " + order
    if limit is not None or offset:
        sql += " LIMIT :limit OFFSET :offset"
        named.update(limit=-1 if limit is None else int(limit), offset=int(offset))
    return sql, named


def _dict_rows(db: Database, sql: str, named: dict) -> Iterator[dict]:
    cursor = db.execute(sql, named)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))


def _people_filter(f: ContactFilter) -> tuple[list[str], dict, str | None, bool]:
    where, named, compact = _text_conditions(f.text, "p", "people_fts")
    needs_org = False
    for key in ("kind", "activity", "province", "city"):
        value = getattr(f, key)
        if value:
            where.append(f"o.{key} = :{key}")
            named[key] = value
            needs_org = True
    if f.tag:
        where.append("p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.key = :tag)")
        named["tag"] = compact_key(f.tag)
    if f.staff is not None:
        where.append("p.is_staff = :staff")
        named["staff"] = 1 if f.staff else 0
    if f.organization_id is not None:
        where.append("p.organization_id = :organization_id")
        named["organization_id"] = f.organization_id
    if f.ids is not None:
        where.append("p.id IN (SELECT value FROM json_each(:ids))")
        named["ids"] = json.dumps(list(f.ids))
    return where, named, compact, needs_org


_PEOPLE_SELECT = """
    p.id, p.honorific, p.title, p.first_name, p.last_name, p.gender, p.position, p.position_since,
    p.organization_id, p.mobile, p.phone, p.email, p.birthday, p.is_staff, p.notes, p.created_at, p.updated_at,
    coalesce(o.name, '') AS organization, coalesce(o.city, '') AS city, coalesce(o.province, '') AS province,
    coalesce(o.kind, '') AS kind, coalesce(o.activity, '') AS activity,
    coalesce((SELECT group_concat(t.name, '، ') FROM person_tags pt JOIN tags t ON t.id = pt.tag_id
              WHERE pt.person_id = p.id), '') AS tags
"""


def people_query(
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> tuple[str, dict]:
    """The SQL statement and parameters behind :func:`iter_people` (the benchmark runs it bare)."""
    where, named, compact, _ = _people_filter(f)
    rank = _rank_sql("p") if compact is not None else None
    terms = _order_terms(_PEOPLE_ORDER, order_by, descending, rank, "p")
    keys = _key_columns(terms) if keyed or after is not None else ""
    select = f"SELECT {_PEOPLE_SELECT}{', ' + rank + ' AS rank' if rank else ''}{keys} FROM people p LEFT JOIN organizations o ON o.id = p.organization_id"
    if after is not None:
        where += _after_sql(terms, after, named)
    return _listing_sql(select, where, named, ", ".join(terms), limit, offset)


def _people_terms(f: ContactFilter, order_by: str | None, descending: bool) -> list[str]:
    rank = _rank_sql("p") if query_tokens(f.text) else None
    return _order_terms(_PEOPLE_ORDER, order_by, descending, rank, "p")


def _organization_terms(f: ContactFilter, order_by: str | None, descending: bool) -> list[str]:
    rank = _rank_sql("o") if query_tokens(f.text) else None
    return _order_terms(_ORG_ORDER, order_by, descending, rank, "o")


def iter_people(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> Iterator[dict]:
    """People matching ``f`` as dicts (one row at a time; for exports of the whole directory).

    ``order_by`` is one of PEOPLE_ORDERS; None means best match first when searching, by name
    otherwise. Each row also has ``full_name``; with a search it has ``rank`` (0 best). With
    ``keyed`` each row carries its place in the order as ``row["_key"]``; ``after=`` that key
    starts the next page right after the row (keyset paging: every page costs the same).
    """
    sql, named = people_query(f, order_by, descending, limit, offset, after=after, keyed=keyed)
    terms = _people_terms(f, order_by, descending) if keyed else []
    for person in _dict_rows(db, sql, named):
        if keyed:
            _take_key(person, terms)
        person["is_staff"] = bool(person["is_staff"])
        person["full_name"] = full_name(person)
        yield person


def query_people(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    descending: bool = False,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> list[dict]:
    """One page of people matching ``f``, sorted in SQL (for lazy table models, reports, greeting batches)."""
    return list(iter_people(db, f, order_by, descending, limit, offset, after=after, keyed=keyed))


def people_in_order(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    *,
    descending: bool = False,
    after: tuple | None = None,
) -> tuple[list[int], tuple | None]:
    """The ids of one page of people in order, and the key of the last (``after`` for the next page).

    A long list re-read after a change needs only this; the rows themselves are read by id
    (``ContactFilter(ids=…)``) for the part of the list that is on screen.
    """
    where, named, _compact, needs_org = _people_filter(f)
    terms = _people_terms(f, order_by, descending)
    sql = f"SELECT p.id{_key_columns(terms)} FROM people p"
    if needs_org or any("o." in t for t in terms):  # without it SQLite reads the names' index alone
        sql += " LEFT JOIN organizations o ON o.id = p.organization_id"
    if after is not None:
        where += _after_sql(terms, after, named)
    sql, named = _listing_sql(sql, where, named, ", ".join(terms), limit, 0)
    rows = db.execute(sql, named).fetchall()
    return [row[0] for row in rows], (tuple(rows[-1][1:]) if rows else None)


def count_people(db: Database, f: ContactFilter = ContactFilter()) -> int:
    """How many people match ``f``."""
    where, named, _, needs_org = _people_filter(f)
    named.pop("q", None)
    sql = "SELECT count(*) FROM people p"
    if needs_org:
        sql += " JOIN organizations o ON o.id = p.organization_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return db.execute(sql, named).fetchone()[0]


def _org_filter(f: ContactFilter) -> tuple[list[str], dict, str | None]:
    where, named, compact = _text_conditions(f.text, "o", "organizations_fts")
    for key in ("kind", "activity", "province", "city"):
        value = getattr(f, key)
        if value:
            where.append(f"o.{key} = :{key}")
            named[key] = value
    if f.tag:
        where.append("o.id IN (SELECT ot.org_id FROM org_tags ot JOIN tags t ON t.id = ot.tag_id WHERE t.key = :tag)")
        named["tag"] = compact_key(f.tag)
    if f.organization_id is not None:
        where.append("o.id = :organization_id")
        named["organization_id"] = f.organization_id
    if f.ids is not None:
        where.append("o.id IN (SELECT value FROM json_each(:ids))")
        named["ids"] = json.dumps(list(f.ids))
    return where, named, compact


_PEOPLE_COUNT = "(SELECT count(*) FROM people WHERE organization_id = o.id)"
_ORG_SELECT = """
    o.id, o.name, o.kind, o.activity, o.registration_no, o.province, o.city, o.address, o.postal_code,
    o.fax, o.email, o.website, o.notes, o.created_at, o.updated_at,
    coalesce((SELECT group_concat(number, '، ') FROM (SELECT number FROM org_phones WHERE org_id = o.id
              ORDER BY position, id)), '') AS phones,
    {people_count} AS people_count,
    coalesce((SELECT group_concat(t.name, '، ') FROM org_tags ot JOIN tags t ON t.id = ot.tag_id
              WHERE ot.org_id = o.id), '') AS tags
""".format(people_count=_PEOPLE_COUNT)


def organizations_query(
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> tuple[str, dict]:
    """The SQL statement and parameters behind :func:`iter_organizations`."""
    where, named, compact = _org_filter(f)
    rank = _rank_sql("o") if compact is not None else None
    terms = _order_terms(_ORG_ORDER, order_by, descending, rank, "o")
    keys = _key_columns(terms) if keyed or after is not None else ""
    select = f"SELECT {_ORG_SELECT}{', ' + rank + ' AS rank' if rank else ''}{keys} FROM organizations o"
    if after is not None:
        where += _after_sql(terms, after, named)
    return _listing_sql(select, where, named, ", ".join(terms), limit, offset)


def iter_organizations(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> Iterator[dict]:
    """Organizations matching ``f`` as dicts; ``order_by`` is one of ORGANIZATION_ORDERS (``after``, ``keyed``: as iter_people)."""
    sql, named = organizations_query(f, order_by, descending, limit, offset, after=after, keyed=keyed)
    if not keyed:
        yield from _dict_rows(db, sql, named)
        return
    terms = _organization_terms(f, order_by, descending)
    for organization in _dict_rows(db, sql, named):
        yield _take_key(organization, terms)


def query_organizations(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
    descending: bool = False,
    *,
    after: tuple | None = None,
    keyed: bool = False,
) -> list[dict]:
    """One page of organizations matching ``f``, sorted in SQL."""
    return list(iter_organizations(db, f, order_by, descending, limit, offset, after=after, keyed=keyed))


def organizations_in_order(
    db: Database,
    f: ContactFilter = ContactFilter(),
    order_by: str | None = None,
    limit: int | None = 100,
    *,
    descending: bool = False,
    after: tuple | None = None,
) -> tuple[list[int], tuple | None]:
    """The ids of one page of organizations in order and the key of the last (see people_in_order)."""
    where, named, _compact = _org_filter(f)
    terms = _organization_terms(f, order_by, descending)
    keys = "".join(
        f", {_PEOPLE_COUNT} AS _k{i}" if t.removesuffix(" DESC") == "people_count" else f", {t.removesuffix(' DESC')} AS _k{i}"
        for i, t in enumerate(terms)
    )
    counted = any(t.removesuffix(" DESC") == "people_count" for t in terms)
    sql = f"SELECT o.id{keys}{', ' + _PEOPLE_COUNT + ' AS people_count' if counted else ''} FROM organizations o"
    if after is not None:
        where += _after_sql(terms, after, named)
    sql, named = _listing_sql(sql, where, named, ", ".join(terms), limit, 0)
    rows = db.execute(sql, named).fetchall()
    return [row[0] for row in rows], (tuple(rows[-1][1:1 + len(terms)]) if rows else None)


def count_organizations(db: Database, f: ContactFilter = ContactFilter(), *, without_people: bool = False) -> int:
    """How many organizations match ``f`` (only those nobody belongs to, with ``without_people``)."""
    where, named, _ = _org_filter(f)
    named.pop("q", None)
    if without_people:
        where.append("NOT EXISTS (SELECT 1 FROM people WHERE organization_id = o.id)")
    sql = "SELECT count(*) FROM organizations o"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return db.execute(sql, named).fetchone()[0]


def search_contacts(db: Database, text: str, limit: int = 20) -> list[dict]:
    """People and organizations matching ``text``, best first (the CLI's and the quick search's answer)."""
    f = ContactFilter(text=text)
    if not query_tokens(text):
        return []
    people = query_people(db, f, "relevance", limit)
    orgs = query_organizations(db, f, "relevance", limit)
    results = [
        {
            "type": "person", "id": p["id"], "name": p["full_name"], "position": p["position"],
            "organization": p["organization"], "city": p["city"], "mobile": p["mobile"], "phone": p["phone"],
            "email": p["email"], "rank": p["rank"], "_sort": sort_key(p["last_name"] or p["first_name"]),
        }
        for p in people
    ] + [
        {
            "type": "organization", "id": o["id"], "name": o["name"], "kind": o["kind"], "activity": o["activity"],
            "city": o["city"], "province": o["province"], "phones": [n for n in o["phones"].split("، ") if n],
            "email": o["email"], "rank": o["rank"], "_sort": sort_key(o["name"]),
        }
        for o in orgs
    ]
    results.sort(key=lambda r: (r["rank"], r["_sort"]))
    for r in results:
        del r["_sort"]
    return results[:limit]
