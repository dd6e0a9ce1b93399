"""The office's events (مراسم): checked, saved with their invitees, and the days each one is held on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from sqlite_utils import Database

from prdesk.core import occasions as occ
from prdesk.core import recurrence as rec
from prdesk.core.text import clean, search_key, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.calendar.fields import (
    _check_people, _choice, _date, _flag, _invitee_ids, _now, _person_id, _reminder, _rows, _time, lunar_correction,
)

EVENT_TYPES: dict[str, str] = {
    "ceremony": "مراسم",
    "meeting": "جلسه",
    "exhibition": "نمایشگاه",
    "seminar": "همایش و آموزش",
    "visit": "بازدید",
    "retiree_honoring": "تکریم بازنشستگان",
    "anniversary": "سالگرد",
    "other": "سایر",
}
EVENT_STATUSES: dict[str, str] = {"planned": "برنامه‌ریزی‌شده", "held": "برگزار شد", "cancelled": "لغو شد"}
_EVENT_FIELDS = (
    "title", "type", "date", "all_day", "start_time", "end_time", "location", "responsible_person_id",
    "description", "status", "recurrence", "recurrence_until", "reminder_days",
)


@dataclass(frozen=True)
class Event:
    """One of the office's events (مراسم) as stored; a recurring one is a series."""

    id: int
    title: str
    type: str
    date: dt.date
    all_day: bool
    start_time: str
    end_time: str
    location: str
    responsible_person_id: int | None
    description: str
    status: str
    recurrence: str
    recurrence_until: dt.date | None
    reminder_days: int | None
    invitees: tuple[int, ...] = ()

    @property
    def type_name(self) -> str:
        """The Persian name of the event's type."""
        return EVENT_TYPES[self.type]

    @property
    def status_name(self) -> str:
        """The Persian name of the event's status."""
        return EVENT_STATUSES[self.status]

    def dates_in(self, start: dt.date, end: dt.date, correction: int = 0) -> list[dt.date]:
        """The days from ``start`` to ``end`` (inclusive) this event falls on."""
        return rec.occurrences(self.date, self.recurrence, start, end, until=self.recurrence_until, correction=correction)


@dataclass(frozen=True)
class EventOccurrence:
    """One day an event is held on (the event itself, or one day of a recurring series)."""

    event: Event
    date: dt.date

    @property
    def remind_on(self) -> dt.date | None:
        """The day the reminder becomes due, or None when the event has no reminder."""
        if self.event.reminder_days is None:
            return None
        return self.date - dt.timedelta(days=self.event.reminder_days)



def check_event(values: Mapping) -> dict:
    """The event's row from typed values, checked and normalized; ValidationError names the first bad field."""
    title = clean(values.get("title"))
    if not title:
        raise ValidationError("عنوان مراسم را بنویسید.", "title")
    date = _date(values.get("date"), "date", "تاریخ مراسم")
    all_day = _flag(values.get("all_day", True))
    start_time = _time(values.get("start_time"), "start_time", "ساعت شروع")
    end_time = _time(values.get("end_time"), "end_time", "ساعت پایان")
    if all_day:
        start_time = end_time = ""
    else:
        if not start_time:
            raise ValidationError("ساعت شروع را بنویسید، یا «تمام روز» را بزنید.", "start_time")
        if end_time and end_time <= start_time:
            raise ValidationError(
                f"ساعت پایان ({to_persian_digits(end_time)}) باید بعد از ساعت شروع ({to_persian_digits(start_time)}) باشد.",
                "end_time",
            )
    kind = _choice(values.get("recurrence"), rec.RECURRENCES, "recurrence", "نوع تکرار", rec.NONE)
    until_value = values.get("recurrence_until")
    until = None
    if kind != rec.NONE and until_value not in (None, ""):
        until = _date(until_value, "recurrence_until", "تاریخ پایان تکرار")
        if until < date:
            raise ValidationError("تاریخ پایان تکرار باید بعد از تاریخ مراسم باشد.", "recurrence_until")
    return {
        "title": title,
        "type": _choice(values.get("type"), EVENT_TYPES, "type", "نوع مراسم", "ceremony"),
        "date": date.isoformat(),
        "all_day": int(all_day),
        "start_time": start_time or None,
        "end_time": end_time or None,
        "location": clean(values.get("location")),
        "responsible_person_id": _person_id(values.get("responsible_person_id")),
        "description": clean(values.get("description")),
        "status": _choice(values.get("status"), EVENT_STATUSES, "status", "وضعیت مراسم", "planned"),
        "recurrence": kind,
        "recurrence_until": until.isoformat() if until else None,
        "reminder_days": _reminder(values.get("reminder_days")),
        "search_key": search_key(" ".join((title, clean(values.get("location")), clean(values.get("description"))))),
    }



def _event_from_row(row: Mapping, invitees: tuple[int, ...] = ()) -> Event:
    return Event(
        id=row["id"],
        title=row["title"],
        type=row["type"],
        date=dt.date.fromisoformat(row["date"]),
        all_day=bool(row["all_day"]),
        start_time=row["start_time"] or "",
        end_time=row["end_time"] or "",
        location=row["location"],
        responsible_person_id=row["responsible_person_id"],
        description=row["description"],
        status=row["status"],
        recurrence=row["recurrence"],
        recurrence_until=dt.date.fromisoformat(row["recurrence_until"]) if row["recurrence_until"] else None,
        reminder_days=row["reminder_days"],
        invitees=invitees,
    )


def get_event(db: Database, event_id: int) -> Event:
    """The event with its invitees; NotFound if it was deleted."""
    rows = _rows(db, "SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        raise NotFound("این مراسم پیدا نشد؛ شاید حذف شده است. فهرست را به‌روز کنید.")
    invitees = tuple(r[0] for r in db.execute("SELECT person_id FROM event_invitees WHERE event_id = ? ORDER BY person_id", [event_id]))
    return _event_from_row(rows[0], invitees)


def add_event(db: Database, values: Mapping) -> Event:
    """Check and save a new event (with its invitees) in one transaction; return it."""
    row = check_event(values)
    invitees = _invitee_ids(values.get("invitees"))
    now = _now()
    with db.atomic():
        if row["responsible_person_id"] is not None:
            _check_people(db, [row["responsible_person_id"]], "responsible_person_id")
        _check_people(db, invitees, "invitees")
        columns = list(row) + ["created_at", "updated_at"]
        cursor = db.execute(
            f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [*row.values(), now, now],
        )
        event_id = cursor.lastrowid
        _save_invitees(db, event_id, invitees)
    return get_event(db, event_id)


def update_event(db: Database, event_id: int, changes: Mapping) -> Event:
    """Apply ``changes`` (any of the event's fields, and ``invitees``) in one transaction; return the event."""
    current = get_event(db, event_id)
    merged = {name: getattr(current, name) for name in _EVENT_FIELDS}
    merged.update({k: v for k, v in changes.items() if k in _EVENT_FIELDS})
    row = check_event(merged)
    invitees = _invitee_ids(changes["invitees"]) if "invitees" in changes else list(current.invitees)
    with db.atomic():
        if row["responsible_person_id"] is not None and row["responsible_person_id"] != current.responsible_person_id:
            _check_people(db, [row["responsible_person_id"]], "responsible_person_id")
        if "invitees" in changes:
            _check_people(db, invitees, "invitees")
        assignments = ", ".join(f"{name} = ?" for name in row)
        db.execute(f"UPDATE events SET {assignments}, updated_at = ? WHERE id = ?", [*row.values(), _now(), event_id])
        if "invitees" in changes:
            _save_invitees(db, event_id, invitees)
    return get_event(db, event_id)


def set_event_status(db: Database, event_id: int, status: str) -> Event:
    """Mark an event planned, held or cancelled."""
    return update_event(db, event_id, {"status": status})


def delete_event(db: Database, event_id: int) -> Event:
    """Delete an event and its invitee list; return what was deleted."""
    event = get_event(db, event_id)
    with db.atomic():
        db.execute("DELETE FROM events WHERE id = ?", [event_id])
    return event


def _save_invitees(db: Database, event_id: int, person_ids: list[int]) -> None:
    db.execute("DELETE FROM event_invitees WHERE event_id = ?", [event_id])
    db.conn.executemany("INSERT INTO event_invitees (event_id, person_id) VALUES (?, ?)", [(event_id, p) for p in person_ids])


def list_events(db: Database, *, text: str = "", type: str | None = None, status: str | None = None) -> list[Event]:
    """Every event (series counted once), newest first, optionally filtered."""
    where, params = [], []
    if text:
        where.append("search_key LIKE ?")
        params.append(f"%{search_key(text)}%")
    if type:
        where.append("type = ?")
        params.append(type)
    if status:
        where.append("status = ?")
        params.append(status)
    sql = "SELECT * FROM events" + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY date DESC, start_time, id"
    return [_event_from_row(row) for row in _rows(db, sql, params)]


def event_occurrences(db: Database, start: dt.date, end: dt.date, *, correction: int | None = None) -> list[EventOccurrence]:
    """Every day an event is held from ``start`` to ``end`` (inclusive), by date and time."""
    if correction is None:
        correction = lunar_correction(db)
    rows = _rows(
        db,
        "SELECT * FROM events WHERE (recurrence = 'none' AND date BETWEEN ? AND ?)"
        " OR (recurrence <> 'none' AND date <= ? AND (recurrence_until IS NULL OR recurrence_until >= ?))",
        [start.isoformat(), end.isoformat(), end.isoformat(), start.isoformat()],
    )
    found = []
    for row in rows:
        event = _event_from_row(row)
        found.extend(EventOccurrence(event, day) for day in event.dates_in(start, end, correction))
    found.sort(key=lambda o: (o.date, o.event.start_time or "", o.event.id))
    return found


def annual_plan(db: Database, jalali_year: int) -> list[EventOccurrence]:
    """The year's events in date order: the annual plan of ceremonies and exhibitions."""
    return event_occurrences(db, *occ.jalali_year_span(jalali_year))


def reminders_due(db: Database, today: dt.date | None = None) -> list[EventOccurrence]:
    """Coming events whose reminder is due: held today or later, at most ``reminder_days`` ahead."""
    today = today or dt.date.today()
    row = db.execute("SELECT max(reminder_days) FROM events WHERE reminder_days IS NOT NULL AND status <> 'cancelled'").fetchone()
    if row[0] is None:
        return []
    return [
        o for o in event_occurrences(db, today, today + dt.timedelta(days=row[0]))
        if o.event.reminder_days is not None and o.event.status != "cancelled" and o.remind_on <= today
    ]

