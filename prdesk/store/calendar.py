"""The calendar: the office's events, hidden and custom occasions, and the one year model every view reads."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import occasions as occ
from prdesk.core import recurrence as rec
from prdesk.core.calendars import parse_any_date
from prdesk.core.occasions import DayEntry, DayItem, Occasion, Rule
from prdesk.core.text import clean, search_key, to_ascii_digits, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.messages.bereavements import calendar_items as bereavement_days
from prdesk.store.settings import get_setting

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
MAX_REMINDER_DAYS = 365
CUSTOM_PREFIX = "custom:"

_TIME = re.compile(r"^(\d{1,2})(?:[:.\u066b](\d{1,2}))?$")
_EVENT_FIELDS = (
    "title", "type", "date", "all_day", "start_time", "end_time", "location", "responsible_person_id",
    "description", "status", "recurrence", "recurrence_until", "reminder_days",
)
# Words in a person date's label that make it a day for a condolence or for a greeting.
_CONDOLENCE_WORDS = ("درگذشت", "وفات", "فوت", "رحلت", "شهادت", "ترحیم")
_GREETING_WORDS = ("ازدواج", "تولد", "استخدام", "بازنشستگی")


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


@dataclass(frozen=True)
class CustomOccasion:
    """One of the office's own recurring occasions (its founding day, …)."""

    id: int
    title: str
    calendar: str
    rule: Rule
    holiday: bool
    message: str
    notes: str = ""

    @property
    def key(self) -> str:
        """The key its day items carry as ``ref``."""
        return f"{CUSTOM_PREFIX}{self.id}"

    def as_occasion(self) -> Occasion:
        """The occasion the year model evaluates (category office)."""
        return Occasion(self.key, self.title, self.calendar, self.rule, self.holiday, "office", self.message)


@dataclass(frozen=True)
class CatalogRow:
    """A catalog occasion and whether the clerk hid it."""

    occasion: Occasion
    hidden: bool


@dataclass
class PersonDate:
    """A date kept on a person, as the year model reads it."""

    person_id: int
    name: str
    is_staff: bool
    date: dt.date
    label: str = ""  # "" for the birthday
    yearly: bool = True


# ---------------------------------------------------------------------------------------------
# Reading and checking what the clerk typed


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def lunar_correction(db: Database) -> int:
    """The lunar-date correction setting, in days."""
    return int(get_setting(db, "lunar_correction"))


def _date(value, field: str, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or not clean(str(value)):
        raise ValidationError(f"{what} را بنویسید (مثلاً ۱۴۰۵/۰۲/۲۷).", field)
    return parse_any_date(str(value), field)


def _time(value, field: str, what: str) -> str:
    """``HH:MM`` from 9, 9:30, ۰۹:۳۰ or 9.30; "" for an empty value."""
    text = to_ascii_digits(clean("" if value is None else str(value)))
    if not text:
        return ""
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour <= 23 and minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    raise ValidationError(f"{what} «{to_persian_digits(text)}» درست نیست؛ ساعت را به شکل ۱۰:۳۰ بنویسید.", field)


def _choice(value, allowed: Mapping[str, str], field: str, what: str, default: str) -> str:
    value = clean(value) if value is not None else default
    value = value or default
    if value in allowed:
        return value
    # The dialog may hand back the Persian name of the choice.
    for key, name in allowed.items():
        if name == value:
            return key
    raise ValidationError(f"{what} «{value}» شناخته نیست؛ یکی از این‌ها را انتخاب کنید: {'، '.join(allowed.values())}.", field)


def _flag(value) -> bool:
    """A yes/no value from a check box, a file or the command line ("0", "false", "خیر" are no)."""
    if isinstance(value, str):
        return clean(value).casefold() not in ("", "0", "false", "no", "خیر", "نه")
    return bool(value)


def _reminder(value) -> int | None:
    if value is None or (isinstance(value, str) and not clean(value)):
        return None
    text = to_ascii_digits(clean(str(value)))
    if not text.isdigit() or int(text) > MAX_REMINDER_DAYS:
        raise ValidationError(
            f"یادآوری باید عددی از ۰ تا {to_persian_digits(MAX_REMINDER_DAYS)} روز پیش از مراسم باشد.", "reminder_days"
        )
    return int(text)


def _person_id(value) -> int | None:
    if value in (None, "", 0):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError("مسئول مراسم را از دفتر تماس‌ها انتخاب کنید.", "responsible_person_id") from None


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


def _check_people(db: Database, person_ids: Iterable[int], field: str) -> None:
    ids = sorted(set(person_ids))
    if not ids:
        return
    found = {r[0] for r in db.execute(f"SELECT id FROM people WHERE id IN ({','.join('?' * len(ids))})", ids)}
    if set(ids) - found:
        what = "مسئول مراسم" if field == "responsible_person_id" else "یکی از مدعوین"
        raise ValidationError(f"{what} در دفتر تماس‌ها پیدا نشد (شاید حذف شده است)؛ دوباره انتخاب کنید.", field)


def _invitee_ids(value) -> list[int]:
    try:
        return sorted({int(v) for v in (value or ())})
    except (TypeError, ValueError):
        raise ValidationError("مدعوین را از دفتر تماس‌ها انتخاب کنید.", "invitees") from None


# ---------------------------------------------------------------------------------------------
# Events


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


def _rows(db: Database, sql: str, params: Iterable = ()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def get_event(db: Database, event_id: int) -> Event:
    """The event with its invitees; NotFound if it was deleted."""
    rows = _rows(db, "SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        raise NotFound("این مراسم پیدا نشد؛ شاید حذف شده است. فهرست را تازه کنید.")
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


# ---------------------------------------------------------------------------------------------
# Catalog occasions the clerk hides, and the office's own occasions


def hidden_occasion_keys(db: Database) -> set[str]:
    """Keys of the catalog occasions the clerk hid."""
    return {r[0] for r in db.execute("SELECT occasion_key FROM hidden_occasions")}


def hide_occasion(db: Database, key: str) -> str:
    """Hide a catalog occasion from every view (an official holiday still closes the office); return its key."""
    if key not in occ.catalog_by_key():
        raise NotFound("این مناسبت در فهرست مناسبت‌ها نیست.")
    with db.atomic():
        db.execute("INSERT OR IGNORE INTO hidden_occasions (occasion_key, hidden_at) VALUES (?, ?)", [key, _now()])
    return key


def show_occasion(db: Database, key: str) -> str:
    """Show a hidden catalog occasion again; return its key."""
    with db.atomic():
        db.execute("DELETE FROM hidden_occasions WHERE occasion_key = ?", [key])
    return key


def catalog_occasions(db: Database) -> list[CatalogRow]:
    """The whole catalog in its order, each with whether it is hidden (for the occasions list)."""
    hidden = hidden_occasion_keys(db)
    return [CatalogRow(o, o.key in hidden) for o in occ.load_catalog()]


def check_custom_occasion(values: Mapping) -> dict:
    """The custom occasion's row from typed values; ValidationError names the first bad field."""
    title = clean(values.get("title"))
    if not title:
        raise ValidationError("عنوان مناسبت را بنویسید.", "title")
    calendar = _choice(values.get("calendar"), occ.CALENDARS, "calendar", "تقویم", "jalali")
    message = _choice(values.get("message"), occ.MESSAGES, "message", "نوع پیام", "greeting")
    rule_value = values.get("rule")
    if isinstance(rule_value, Rule):
        rule = rule_value
        rule.check()
    elif isinstance(rule_value, Mapping):
        rule = Rule.from_dict(rule_value)
    else:
        rule = Rule.from_dict({"type": "fixed", "month": values.get("month"), "day": values.get("day")})
    if rule.type == "fixed":
        longest = {
            "jalali": 31 if rule.month <= 6 else 30,
            "hijri": 30,
            "gregorian": (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[rule.month - 1],
        }[calendar]
        if rule.day > longest:
            raise ValidationError(
                f"روز {to_persian_digits(rule.day)} در این ماه نیست؛ روز را از ۱ تا {to_persian_digits(longest)} انتخاب کنید.",
                "day",
            )
    return {
        "title": title,
        "calendar": calendar,
        "rule": json.dumps(rule.to_dict()),
        "holiday": int(_flag(values.get("holiday", False))),
        "message": message,
        "notes": clean(values.get("notes")),
    }


def _custom_from_row(row: Mapping) -> CustomOccasion:
    return CustomOccasion(
        id=row["id"],
        title=row["title"],
        calendar=row["calendar"],
        rule=Rule.from_dict(json.loads(row["rule"])),
        holiday=bool(row["holiday"]),
        message=row["message"],
        notes=row["notes"],
    )


def list_custom_occasions(db: Database) -> list[CustomOccasion]:
    """The office's own occasions, in the order they were added."""
    return [_custom_from_row(r) for r in _rows(db, "SELECT * FROM custom_occasions ORDER BY id")]


def get_custom_occasion(db: Database, occasion_id: int) -> CustomOccasion:
    """One of the office's own occasions; NotFound if it was deleted."""
    rows = _rows(db, "SELECT * FROM custom_occasions WHERE id = ?", [occasion_id])
    if not rows:
        raise NotFound("این مناسبت پیدا نشد؛ شاید حذف شده است.")
    return _custom_from_row(rows[0])


def add_custom_occasion(db: Database, values: Mapping) -> CustomOccasion:
    """Save one of the office's own recurring occasions (e.g. its founding day); return it."""
    row = check_custom_occasion(values)
    now = _now()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO custom_occasions (title, calendar, rule, holiday, message, notes, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [*row.values(), now, now],
        )
    return get_custom_occasion(db, cursor.lastrowid)


def update_custom_occasion(db: Database, occasion_id: int, changes: Mapping) -> CustomOccasion:
    """Apply ``changes`` to one of the office's own occasions; return it."""
    current = get_custom_occasion(db, occasion_id)
    merged = {
        "title": current.title, "calendar": current.calendar, "rule": current.rule,
        "holiday": current.holiday, "message": current.message, "notes": current.notes,
    }
    merged.update(changes)
    if ("month" in changes or "day" in changes) and "rule" not in changes:
        merged["rule"] = {"type": "fixed", "month": changes.get("month", current.rule.month), "day": changes.get("day", current.rule.day)}
    row = check_custom_occasion(merged)
    with db.atomic():
        db.execute(
            "UPDATE custom_occasions SET title = ?, calendar = ?, rule = ?, holiday = ?, message = ?, notes = ?,"
            " updated_at = ? WHERE id = ?",
            [*row.values(), _now(), occasion_id],
        )
    return get_custom_occasion(db, occasion_id)


def delete_custom_occasion(db: Database, occasion_id: int) -> CustomOccasion:
    """Delete one of the office's own occasions; return what was deleted."""
    current = get_custom_occasion(db, occasion_id)
    with db.atomic():
        db.execute("DELETE FROM custom_occasions WHERE id = ?", [occasion_id])
    return current


# ---------------------------------------------------------------------------------------------
# People's dates (the contacts tables)


def _month_days(start: dt.date, end: dt.date) -> list[str] | None:
    """The Gregorian "MM-DD"s a birthday can have to fall in the range, or None for a year or more.

    A Jalali anniversary moves a day or two against the Gregorian calendar from year to year
    (and 30 Esfand moves to 29), so the window is widened by three days each side.
    """
    if (end - start).days > 300:
        return None
    first, last = start - dt.timedelta(days=3), end + dt.timedelta(days=3)
    return sorted({(first + dt.timedelta(days=i)).strftime("%m-%d") for i in range((last - first).days + 1)})


def _has_table(db: Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def person_dates(db: Database, start: dt.date, end: dt.date) -> list[PersonDate]:
    """Birthdays and other dates kept on people that may fall from ``start`` to ``end``.

    prdesk.store.contacts has no query for dates in a range, so this reads its tables
    (``people.birthday``, ``person_dates``) directly, one query each, using the index on the
    birthday's month and day; names are written as prdesk.core.contacts.full_name writes them.
    A database without the contacts tables has no people's dates.
    """
    if not _has_table(db, "people"):
        return []
    window = _month_days(start, end)
    columns = "p.id, p.honorific, p.title, p.first_name, p.last_name, p.is_staff"
    found: list[PersonDate] = []
    # The deceased get no birthday greeting (people.deceased comes with the messages area).
    sql = f"SELECT {columns}, p.birthday FROM people p WHERE p.birthday IS NOT NULL AND p.birthday <> '' AND NOT p.deceased"
    params: list = []
    if window is not None:
        sql += f" AND substr(p.birthday, 6) IN ({','.join('?' * len(window))})"
        params = window
    for person_id, honorific, title, first, last, is_staff, birthday in db.execute(sql, params):
        day = _iso(birthday)
        if day:
            found.append(PersonDate(person_id, _name(honorific, title, first, last), bool(is_staff), day))
    if _has_table(db, "person_dates"):
        sql = (
            f"SELECT {columns}, d.date, d.label, d.kind FROM person_dates d JOIN people p ON p.id = d.person_id"
            " WHERE (d.kind = 'once' AND d.date BETWEEN ? AND ?)"
        )
        params = [start.isoformat(), end.isoformat()]
        if window is None:
            sql += " OR d.kind = 'yearly'"
        else:
            sql += f" OR (d.kind = 'yearly' AND substr(d.date, 6) IN ({','.join('?' * len(window))}))"
            params += window
        for person_id, honorific, title, first, last, is_staff, date, label, kind in db.execute(sql, params):
            day = _iso(date)
            if day:
                name = _name(honorific, title, first, last)
                found.append(PersonDate(person_id, name, bool(is_staff), day, clean(label) or "سالگرد", kind == "yearly"))
    return found


def _name(*parts: str) -> str:
    """The name as prdesk.core.contacts.full_name writes it; stored parts are already clean, and a
    year of birthdays is tens of thousands of names."""
    return " ".join(part for part in parts if part)


def _iso(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None  # a partial date typed into an imported file: not a day to show


def _person_items(db: Database, start: dt.date, end: dt.date) -> dict[dt.date, list[DayItem]]:
    by_day: dict[dt.date, list[DayItem]] = {}
    years = range(jalali.jalali_parts(start)[0], jalali.jalali_parts(end)[0] + 1)
    for pd in person_dates(db, start, end):
        if pd.yearly:
            days = [d for d in (rec.jalali_anniversary(pd.date, y) for y in years) if start <= d <= end and d >= pd.date]
        else:
            days = [pd.date] if start <= pd.date <= end else []
        for day in days:
            by_day.setdefault(day, []).append(_person_item(pd))
    return by_day


def _person_item(pd: PersonDate) -> DayItem:
    if not pd.label:
        return DayItem(
            f"تولد {pd.name}", "staff" if pd.is_staff else "contact", False, occ.SOURCE_BIRTHDAY, "greeting", pd.person_id
        )
    if any(word in pd.label for word in _CONDOLENCE_WORDS):
        message = "condolence"
    elif any(word in pd.label for word in _GREETING_WORDS):
        message = "greeting"
    else:
        message = "none"
    return DayItem(f"{pd.label} {pd.name}", "staff" if pd.is_staff else "contact", False, occ.SOURCE_PERSON, message, pd.person_id)


# ---------------------------------------------------------------------------------------------
# The year model: what the month view, the dashboard, the printed calendar and the CLI all read


# function(db, start, end) -> {date: [DayItem]} of other areas (imported with this module, not on a worker).
DAY_PROVIDERS = (bereavement_days,)


def range_model(db: Database, start: dt.date, end: dt.date, *, include_hidden: bool = False) -> list[DayEntry]:
    """Every day from ``start`` to ``end`` (inclusive) with its occasions, events, birthdays and person dates.

    A day is a holiday on Fridays and on official holidays (a hidden official holiday still is one).
    Each day lists catalog occasions first (official holidays, then office-related, then the rest),
    then the office's own occasions, events by time, birthdays and other dates of people.
    """
    if end < start:
        raise ValidationError("تاریخ پایان بازه باید بعد از تاریخ شروع باشد.", "end")
    correction = lunar_correction(db)
    hidden = set() if include_hidden else hidden_occasion_keys(db)
    catalog = occ.catalog_between(start, end, correction)
    custom: dict[dt.date, list[Occasion]] = {}
    for item in list_custom_occasions(db):
        o = item.as_occasion()
        for day in o.dates_in(start, end, correction):
            custom.setdefault(day, []).append(o)
    events: dict[dt.date, list[EventOccurrence]] = {}
    for o in event_occurrences(db, start, end, correction=correction):
        events.setdefault(o.date, []).append(o)
    people = _person_items(db, start, end)
    for provider in DAY_PROVIDERS:  # other areas' days (bereavement follow-ups), listed after people's dates
        for day, items in provider(db, start, end).items():
            people.setdefault(day, []).extend(items)
    rank = {"office": 1}
    model = []
    for info in occ.days_between(start, end, correction):
        day = info.gregorian
        listed = catalog.get(day, ())
        own = custom.get(day, ())
        entry = DayEntry(info, info.is_friday or any(o.holiday for o in listed) or any(o.holiday for o in own))
        shown = sorted(
            (o for o in listed if o.key not in hidden),
            key=lambda o: 0 if o.holiday else rank.get(o.category, 2),
        )
        entry.occasions.extend(
            DayItem(o.title, o.category, o.holiday, occ.SOURCE_CATALOG, o.message, o.key) for o in [*shown, *own]
        )
        for o in events.get(day, ()):
            e = o.event
            entry.occasions.append(
                DayItem(
                    e.title, e.type, False, occ.SOURCE_EVENT, "none", e.id,
                    e.start_time, e.end_time, e.status, e.location, e.reminder_days,
                )
            )
        entry.occasions.extend(people.get(day, ()))
        model.append(entry)
    return model


def year_model(db: Database, jalali_year: int, *, include_hidden: bool = False) -> list[DayEntry]:
    """Every day of a Jalali year (365 or 366 entries), as :func:`range_model` builds them."""
    return range_model(db, *occ.jalali_year_span(jalali_year), include_hidden=include_hidden)


def month_model(db: Database, jalali_year: int, month: int) -> list[DayEntry]:
    """Every day of one Jalali month (the month view's cells)."""
    first = jalali.to_gregorian(jalali_year, month, 1)
    return range_model(db, first, first + dt.timedelta(days=jalali.days_in_month(jalali_year, month) - 1))


def upcoming(db: Database, today: dt.date | None = None, days: int = 14) -> list[DayEntry]:
    """The next ``days`` days from ``today`` (the dashboard's two weeks)."""
    today = today or dt.date.today()
    return range_model(db, today, today + dt.timedelta(days=days - 1))


@dataclass(frozen=True)
class AgendaRow:
    """One line of an agenda: a day and one thing on it."""

    day: DayEntry
    item: DayItem


def agenda(
    db: Database,
    start: dt.date,
    end: dt.date,
    *,
    sources: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    text: str = "",
) -> list[AgendaRow]:
    """The items from ``start`` to ``end`` as a flat list, filtered by source, category and text."""
    sources = set(sources) if sources else None
    categories = set(categories) if categories else None
    needle = search_key(text)
    rows = []
    for day in range_model(db, start, end):
        for item in day.occasions:
            if sources and item.source not in sources:
                continue
            if categories and item.category not in categories:
                continue
            if needle and needle not in search_key(item.title):
                continue
            rows.append(AgendaRow(day, item))
    return rows

