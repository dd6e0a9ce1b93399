"""The calendar: the office's events, hidden and custom occasions, and the one year model every view reads.

People's dates (birthdays, the contacts' birthdays counted per day) live in prdesk.store.calendar_people.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import occasions as occ
from prdesk.core import recurrence as rec
from prdesk.core.calendars import parse_any_date
from prdesk.core.occasions import DayEntry, DayItem, Occasion, Rule
from prdesk.core.text import clean, search_key, to_ascii_digits, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.calendar_people import (  # noqa: F401 (the calendar's API: callers read them from here)
    PersonDate,
    _person_items,
    change_token,
    contact_birthday_counts,
    contact_birthdays_on,
    person_dates,
)
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
        raise ValidationError("مسئول مراسم را از مخاطبان انتخاب کنید.", "responsible_person_id") from None


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
        raise ValidationError(f"{what} در مخاطبان پیدا نشد (شاید حذف شده است)؛ دوباره انتخاب کنید.", field)


def _invitee_ids(value) -> list[int]:
    try:
        return sorted({int(v) for v in (value or ())})
    except (TypeError, ValueError):
        raise ValidationError("مدعوین را از مخاطبان انتخاب کنید.", "invitees") from None


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
# The year model: what the month view, the dashboard, the printed calendar and the CLI all read

# Where a day's items come from besides the catalog: each returns {day: [DayItem, ...]} for the
# days from start to end. Another area adds its own (meetings, bereavements) with add_day_source.
DaySource = Callable[[Database, dt.date, dt.date, int], Mapping[dt.date, Iterable[DayItem]]]


def _custom_items(db: Database, start: dt.date, end: dt.date, correction: int) -> dict[dt.date, list[DayItem]]:
    by_day: dict[dt.date, list[DayItem]] = {}
    for item in list_custom_occasions(db):
        o = item.as_occasion()
        for day in o.dates_in(start, end, correction):
            by_day.setdefault(day, []).append(
                DayItem(o.title, o.category, o.holiday, occ.SOURCE_CATALOG, o.message, o.key, lunar=o.calendar == "hijri")
            )
    return by_day


def _event_items(db: Database, start: dt.date, end: dt.date, correction: int) -> dict[dt.date, list[DayItem]]:
    by_day: dict[dt.date, list[DayItem]] = {}
    for o in event_occurrences(db, start, end, correction=correction):
        e = o.event
        by_day.setdefault(o.date, []).append(
            DayItem(
                e.title, e.type, False, occ.SOURCE_EVENT, "none", e.id,
                e.start_time, e.end_time, e.status, e.location, e.reminder_days, lunar=e.recurrence == rec.YEARLY_LUNAR,
            )
        )
    return by_day


def _people_source(db: Database, start: dt.date, end: dt.date, correction: int) -> dict[dt.date, list[DayItem]]:
    return _person_items(db, start, end)


# Imported with this module, not inside these functions: an import on the dashboard's worker thread
# could wait on the import lock held by the window's thread.
def _meeting_items(db: Database, start: dt.date, end: dt.date, correction: int) -> Mapping[dt.date, Iterable[DayItem]]:
    return meeting_days(db, start, end)


def _bereavement_items(db: Database, start: dt.date, end: dt.date, correction: int) -> Mapping[dt.date, Iterable[DayItem]]:
    return bereavement_days(db, start, end)


DAY_SOURCES: list[DaySource] = [_custom_items, _event_items, _meeting_items, _people_source, _bereavement_items]


def add_day_source(source: DaySource) -> DaySource:
    """Add a source of day items to the year model (usable as a decorator); return it."""
    if source not in DAY_SOURCES:
        DAY_SOURCES.append(source)
    return source


def item_rank(item: DayItem) -> int:
    """Where an item stands within its day: holidays, the office's own, other occasions, contacts.

    Holidays keep the catalog's official order; the office's own items (its occasions, events,
    staff birthdays and whatever another source adds that is not about a contact) come next, then
    the catalog's occasions related to the office, then the rest, then contacts' dates.
    """
    if item.holiday:
        return 0
    if item.category == "contact":
        return 4
    if item.source != occ.SOURCE_CATALOG or str(item.ref).startswith(CUSTOM_PREFIX):
        return 1
    return 2 if item.category == "office" else 3


def range_model(db: Database, start: dt.date, end: dt.date, *, include_hidden: bool = False) -> list[DayEntry]:
    """Every day from ``start`` to ``end`` (inclusive) with its occasions, events, birthdays and person dates.

    A day is a holiday on Fridays and on official holidays (a hidden official holiday still is one).
    Within a day items are ordered by :func:`item_rank`; contacts' birthdays are one item per day
    with their count (the names: :func:`contact_birthdays_on`).
    """
    if end < start:
        raise ValidationError("تاریخ پایان بازه باید بعد از تاریخ شروع باشد.", "end")
    # The same range again, with nothing written since, is the model already built: the month
    # view, the dashboard and the printed calendar read the same months over and over.
    key = (start, end, include_hidden, tuple(DAY_SOURCES))
    models: dict = db.__dict__.setdefault(_MODELS_ATTRIBUTE, {})
    token = change_token(db)
    built = models.get(key)
    if built is None or built[0] != token:
        if len(models) >= _MODELS_KEPT:
            models.clear()
        built = models[key] = (token, _build_range(db, start, end, include_hidden))
    return [DayEntry(e.info, e.holiday, list(e.occasions)) for e in built[1]]


_MODELS_ATTRIBUTE = "_prdesk_day_models"
_MODELS_KEPT = 8


def _build_range(db: Database, start: dt.date, end: dt.date, include_hidden: bool) -> list[DayEntry]:
    correction = lunar_correction(db)
    hidden = set() if include_hidden else hidden_occasion_keys(db)
    catalog = occ.catalog_between(start, end, correction)
    extra = [source(db, start, end, correction) for source in DAY_SOURCES]
    model = []
    for info in occ.days_between(start, end, correction):
        day = info.gregorian
        listed = catalog.get(day, ())
        items = [
            DayItem(o.title, o.category, o.holiday, occ.SOURCE_CATALOG, o.message, o.key, lunar=o.calendar == "hijri")
            for o in listed if o.key not in hidden
        ]
        for found in extra:
            items.extend(found.get(day, ()))
        holiday = info.is_friday or any(o.holiday for o in listed) or any(i.holiday for i in items)
        entry = DayEntry(info, holiday)
        entry.occasions.extend(sorted(items, key=item_rank))
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


# At the end, not the top: the meetings area reads this module's holidays, so it is imported once
# everything it needs here is defined; still with this module, never first on a worker thread.
from prdesk.store.meetings.calendar_items import day_items as meeting_days  # noqa: E402
