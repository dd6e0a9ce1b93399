"""Hosts (whose time is booked, with working hours) and rooms of the meetings: editable lists, never deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from sqlite_utils import Database

from prdesk.core import meetings as rules
from prdesk.core.text import clean, to_ascii_digits, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.calendar import list_custom_occasions, lunar_correction


@dataclass(frozen=True)
class Host:
    """A person whose time is booked: the director, a deputy, a board member."""

    id: int
    name: str
    hours: rules.WorkingHours
    slot_minutes: int
    active: bool = True
    position: int = 0


@dataclass(frozen=True)
class Room:
    """Where a meeting is held."""

    id: int
    name: str
    capacity: int | None = None
    active: bool = True


def _host(row) -> Host:
    return Host(row[0], row[1], rules.WorkingHours.from_json(row[2]), row[3], bool(row[4]), row[5])


_HOST_COLUMNS = "id, name, hours, slot_minutes, active, position"


def list_hosts(db: Database, *, active_only: bool = True) -> list[Host]:
    """The hosts in the settings' order (the first is meant when none is named)."""
    where = "WHERE active = 1" if active_only else ""
    return [_host(r) for r in db.execute(f"SELECT {_HOST_COLUMNS} FROM meeting_hosts {where} ORDER BY position, id")]


def get_host(db: Database, host_id: int) -> Host:
    row = db.execute(f"SELECT {_HOST_COLUMNS} FROM meeting_hosts WHERE id = ?", [host_id]).fetchone()
    if row is None:
        raise NotFound("این میزبان پیدا نشد؛ فهرست میزبان‌ها را در تنظیمات ملاقات‌ها ببینید.")
    return _host(row)


def find_host(db: Database, value: object = None) -> Host:
    """The host named (or numbered) ``value``; the first of the list when ``value`` is empty."""
    text = clean("" if value is None else str(value))
    hosts = list_hosts(db)
    if not text:
        if not hosts:
            raise ValidationError("هیچ میزبانی تعریف نشده است؛ در تنظیمات ملاقات‌ها میزبانی اضافه کنید.", "host")
        return hosts[0]
    if isinstance(value, int) or to_ascii_digits(text).isdigit():
        row = db.execute(f"SELECT {_HOST_COLUMNS} FROM meeting_hosts WHERE id = ?", [int(to_ascii_digits(text))]).fetchone()
        if row:
            return _host(row)
    for host in list_hosts(db, active_only=False):
        if clean(host.name) == text:
            return host
    names = "، ".join(f"«{h.name}»" for h in hosts)
    raise ValidationError(f"میزبانی به نام «{text}» تعریف نشده است؛ یکی از این‌ها را بنویسید: {names}.", "host")


def _hours(value) -> rules.WorkingHours:
    if isinstance(value, rules.WorkingHours):
        return value
    if isinstance(value, Mapping):
        return rules.WorkingHours.from_texts(value)
    return rules.WorkingHours.default()


def _slot(value) -> int:
    text = to_ascii_digits(clean("" if value is None else str(value))) or str(rules.DEFAULT_SLOT_MINUTES)
    if not text.isdigit() or not 5 <= int(text) <= 240:
        raise ValidationError("طول هر نوبت ملاقات باید عددی از ۵ تا ۲۴۰ دقیقه باشد.", "slot_minutes")
    return int(text)


def _unique_name(db: Database, table: str, name: str, what: str, own_id: int | None) -> str:
    name = clean(name)
    if not name:
        raise ValidationError(f"نام {what} را بنویسید.", "name")
    row = db.execute(f"SELECT id FROM {table} WHERE name = ?", [name]).fetchone()
    if row and row[0] != own_id:
        raise ValidationError(f"{what} «{name}» پیش‌تر تعریف شده است؛ نام دیگری بنویسید.", "name")
    return name


def add_host(db: Database, name: str, hours=None, slot_minutes=None) -> Host:
    """A new host at the end of the list (default hours: Saturday–Wednesday 8–14, Thursday 8–12)."""
    with db.atomic():
        name = _unique_name(db, "meeting_hosts", name, "میزبان", None)
        position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM meeting_hosts").fetchone()[0]
        cursor = db.execute(
            "INSERT INTO meeting_hosts (name, position, hours, slot_minutes) VALUES (?, ?, ?, ?)",
            [name, position, _hours(hours).to_json(), _slot(slot_minutes)],
        )
    return get_host(db, cursor.lastrowid)


def update_host(db: Database, host_id: int, *, name=None, hours=None, slot_minutes=None, active=None, position=None) -> Host:
    """Change a host's name, hours, slot length, place in the list or whether it is offered (never deleted)."""
    host = get_host(db, host_id)
    with db.atomic():
        db.execute(
            "UPDATE meeting_hosts SET name = ?, hours = ?, slot_minutes = ?, active = ?, position = ? WHERE id = ?",
            [
                _unique_name(db, "meeting_hosts", name, "میزبان", host_id) if name is not None else host.name,
                _hours(hours).to_json() if hours is not None else host.hours.to_json(),
                _slot(slot_minutes) if slot_minutes is not None else host.slot_minutes,
                int(bool(active)) if active is not None else int(host.active),
                int(position) if position is not None else host.position,
                host_id,
            ],
        )
    return get_host(db, host_id)


def list_rooms(db: Database, *, active_only: bool = True) -> list[Room]:
    where = "WHERE active = 1" if active_only else ""
    return [
        Room(r[0], r[1], r[2], bool(r[3]))
        for r in db.execute(f"SELECT id, name, capacity, active FROM meeting_rooms {where} ORDER BY position, id")
    ]


def find_room(db: Database, value: object) -> Room | None:
    """The room named (or numbered) ``value``; None for an empty value."""
    if value is None or value == "":
        return None
    text = clean(str(value))
    if not text:
        return None
    for room in list_rooms(db, active_only=False):
        if clean(room.name) == text or str(room.id) == to_ascii_digits(text):
            return room
    names = "، ".join(f"«{r.name}»" for r in list_rooms(db))
    raise ValidationError(f"اتاقی به نام «{text}» تعریف نشده است؛ یکی از این‌ها را بنویسید: {names}.", "room")


def add_room(db: Database, name: str, capacity=None) -> Room:
    with db.atomic():
        name = _unique_name(db, "meeting_rooms", name, "اتاق", None)
        cap = to_ascii_digits(clean("" if capacity is None else str(capacity)))
        if cap and (not cap.isdigit() or int(cap) <= 0):
            raise ValidationError(f"ظرفیت «{to_persian_digits(cap)}» درست نیست؛ عددی بزرگ‌تر از صفر بنویسید.", "capacity")
        position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM meeting_rooms").fetchone()[0]
        cursor = db.execute(
            "INSERT INTO meeting_rooms (name, capacity, position) VALUES (?, ?, ?)", [name, int(cap) if cap else None, position]
        )
    return find_room(db, cursor.lastrowid)


def set_room_active(db: Database, room_id: int, active: bool) -> None:
    with db.atomic():
        db.execute("UPDATE meeting_rooms SET active = ? WHERE id = ?", [int(active), room_id])


# ---------------------------------------------------------------- the office's closed days


def holidays(db: Database, start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Official holidays from the calendar (catalog, lunar ones included, and the office's own) by day."""
    correction = lunar_correction(db)
    extra: dict[dt.date, str] = {}
    for item in list_custom_occasions(db):
        if item.holiday:
            occasion = item.as_occasion()
            for day in occasion.dates_in(start, end, correction):
                extra[day] = occasion.title
    return rules.official_holidays(start, end, correction, extra)
