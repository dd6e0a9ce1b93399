"""Bereavements of contacts and staff: who died, the relation, and the سوم/هفتم/چهلم/سالگرد days to follow up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlite_utils import Database

from prdesk.core.contacts import full_name, normalize_gender
from prdesk.core.messages import ANNIVERSARY_CALENDARS, bereavement_dates
from prdesk.core.text import clean
from prdesk.errors import NotFound, ValidationError
from prdesk.store.messages.archive import as_date


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def add_bereavement(db: Database, values: Mapping) -> dict:
    """Record a death in the family of ``person_id`` (who died, gender, relation, date, anniversary calendar).

    When the deceased is a contact (``deceased_person_id``), that person is marked deceased with the
    date in the same transaction, so no greeting reaches them again.
    """
    person_id = values.get("person_id")
    if not person_id or db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone() is None:
        raise ValidationError("بازماندهٔ سوگوار را از مخاطبان انتخاب کنید.", "person_id")
    deceased_id = values.get("deceased_person_id") or None
    name = clean(values.get("deceased_name"))
    gender = normalize_gender(values.get("deceased_gender"))
    if deceased_id:
        row = db.execute("SELECT honorific, title, first_name, last_name, gender FROM people WHERE id = ?", [deceased_id]).fetchone()
        if row is None:
            raise ValidationError("درگذشته در مخاطبان پیدا نشد؛ نام او را بنویسید.", "deceased_person_id")
        name = name or full_name(dict(zip(("honorific", "title", "first_name", "last_name"), row[:4])), with_honorific=False)
        gender = gender or row[4]
    if not name:
        raise ValidationError("نام درگذشته را بنویسید.", "deceased_name")
    died_on = as_date(values.get("died_on"), "died_on")
    if died_on > dt.date.today():
        raise ValidationError("تاریخ درگذشت هنوز نرسیده است؛ تاریخ را درست وارد کنید.", "died_on")
    calendar = values.get("anniversary_calendar") or "jalali"
    if calendar not in ANNIVERSARY_CALENDARS:
        raise ValidationError("سالگرد را خورشیدی یا قمری انتخاب کنید.", "anniversary_calendar")
    with db.atomic():
        bereavement_id = db.execute(
            "INSERT INTO bereavements (person_id, deceased_person_id, deceased_name, deceased_gender, relation, died_on,"
            " anniversary_calendar, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [person_id, deceased_id, name, gender, clean(values.get("relation")), died_on.isoformat(), calendar,
             clean(values.get("notes")), _now()],
        ).lastrowid
        if deceased_id:
            db.execute("UPDATE people SET deceased = 1, deceased_on = coalesce(deceased_on, ?) WHERE id = ?",
                       [died_on.isoformat(), deceased_id])
    return get_bereavement(db, bereavement_id)


_SELECT = """
    SELECT b.*, p.honorific, p.title, p.first_name, p.last_name, p.gender, p.is_staff
    FROM bereavements b JOIN people p ON p.id = b.person_id
"""


def _row(cursor, values) -> dict:
    row = dict(zip([d[0] for d in cursor.description], values))
    row["mourner"] = full_name(row)
    died = dt.date.fromisoformat(row["died_on"])
    row["follow_ups"] = [
        {"key": key, "label": label, "date": day.isoformat()}
        for key, label, day in bereavement_dates(died, row["anniversary_calendar"])
    ]
    return row


def get_bereavement(db: Database, bereavement_id: int) -> dict:
    """One bereavement with the mourner's name and the follow-up days."""
    cursor = db.execute(_SELECT + " WHERE b.id = ?", [bereavement_id])
    values = cursor.fetchone()
    if values is None:
        raise NotFound("این سوگ ثبت‌شده پیدا نشد؛ فهرست را دوباره بارگیری کنید.")
    return _row(cursor, values)


def list_bereavements(db: Database, person_id: int | None = None) -> list[dict]:
    """Bereavements, newest death first (of one mourner when ``person_id`` is given)."""
    sql, params = _SELECT, []
    if person_id is not None:
        sql += " WHERE b.person_id = ?"
        params.append(person_id)
    cursor = db.execute(sql + " ORDER BY b.died_on DESC, b.id DESC", params)
    return [_row(cursor, values) for values in cursor.fetchall()]


def follow_ups(db: Database, start: dt.date, end: dt.date) -> list[dict]:
    """The سوم/هفتم/چهلم/سالگرد days from ``start`` to ``end``: one dict per day with the bereavement."""
    # A follow-up falls at most ~400 days after the death (a Jalali anniversary).
    cursor = db.execute(_SELECT + " WHERE b.died_on BETWEEN ? AND ?", [(start - dt.timedelta(days=400)).isoformat(), end.isoformat()])
    found = []
    for values in cursor.fetchall():
        row = _row(cursor, values)
        for item in row["follow_ups"]:
            day = dt.date.fromisoformat(item["date"])
            if start <= day <= end:
                found.append({**item, "day": day, "bereavement": row,
                              "title": f"{item['label']} {row['deceased_name']} ({row['relation'] or 'بستگان'} {row['mourner']})".replace("( ", "(")})
    found.sort(key=lambda f: f["day"])
    return found


def calendar_items(db: Database, start: dt.date, end: dt.date) -> dict[dt.date, list]:
    """The follow-up days as calendar items (the calendar store asks each provider for its days)."""
    from prdesk.core.occasions import DayItem

    by_day: dict[dt.date, list] = {}
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'bereavements'").fetchone():
        return by_day
    for item in follow_ups(db, start, end):
        category = "staff" if item["bereavement"]["is_staff"] else "contact"
        by_day.setdefault(item["day"], []).append(
            DayItem(item["title"], category, False, "person", "condolence", item["bereavement"]["person_id"])
        )
    return by_day
