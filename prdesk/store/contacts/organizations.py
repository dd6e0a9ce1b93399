"""Organizations: read, add, update, delete (and what a delete would take with it)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from prdesk.core.contacts import province_of_city, validate_organization
from prdesk.core.text import to_persian_digits
from prdesk.errors import NotFound
from prdesk.store.contacts.records import _add_tags, Change, _ensure_lookup, _index_inserted, _now, ORG_DB_FIELDS, organization_keys, _refresh_org_keys, _refresh_people_keys, _set_tags, _tags_of

if TYPE_CHECKING:
    from sqlite_utils import Database

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
