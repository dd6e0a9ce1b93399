"""Duplicates found before a save, and merging two organizations or two people into one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from prdesk.core.contacts import full_name
from prdesk.core.text import compact_key, search_key, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store.contacts.records import Change, _FIELD_NAMES, _now, ORG_DB_FIELDS, PERSON_DB_FIELDS, _refresh_org_keys, _refresh_people_keys
from prdesk.store.contacts.organizations import _org_row
from prdesk.store.contacts.people import _org_name_city, _person_row, _refresh_person_all_keys

if TYPE_CHECKING:
    from sqlite_utils import Database

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
