"""People and their positions: read, add, update, delete, position history and holders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from prdesk.core.contacts import full_name, normalize_date, validate_person
from prdesk.core.text import clean, compact_key
from prdesk.errors import NotFound, ValidationError
from prdesk.store.contacts.records import _add_tags, Change, _index_inserted, _now, PERSON_DB_FIELDS, person_keys, _set_tags, _tags_of

if TYPE_CHECKING:
    from sqlite_utils import Database

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
