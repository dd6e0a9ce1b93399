"""Meetings as stored: booking with the conflict and closed-day rules, status with history, postponing, lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.calendars import parse_any_date
from prdesk.core.contacts import full_name
from prdesk.core.text import clean, phone_digits, search_key, to_persian_digits
from prdesk.errors import NotFound, ValidationError
from prdesk.store.meetings.hosts import Host, find_host, find_room, get_host, holidays


def now_stamp() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Visitor:
    """Who comes: a person of the contacts (``person_id``) or a walk-in typed in."""

    name: str
    person_id: int | None = None
    phone: str = ""
    national_code: str = ""
    organization: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Meeting:
    """One meeting as stored, with its visitors and the names of its host and room."""

    id: int
    date: dt.date
    start: str
    end: str
    duration: int
    host_id: int
    host: str
    room_id: int | None
    room: str
    subject: str
    type: str
    priority: str
    notes: str
    outcome: str
    status: str
    arrived_at: str | None
    cancel_reason: str
    postponed_to: int | None
    postponed_from: int | None
    conflict_allowed: bool
    closed_day_allowed: bool
    override_note: str
    series_id: int | None
    public_day: bool
    queue_number: int | None
    visitors: tuple[Visitor, ...] = ()

    @property
    def visitor_names(self) -> str:
        return "، ".join(v.name for v in self.visitors)

    @property
    def organization(self) -> str:
        seen: list[str] = []
        for v in self.visitors:
            if v.organization and v.organization not in seen:
                seen.append(v.organization)
        return "، ".join(seen)

    @property
    def status_name(self) -> str:
        return rules.STATUSES[self.status]

    @property
    def type_name(self) -> str:
        return rules.REQUEST_TYPES[self.type]

    @property
    def blocks(self) -> bool:
        return self.status not in rules.NON_BLOCKING

    def booking(self) -> rules.Booking:
        return rules.Booking(
            self.date, rules.parse_time(self.start), rules.parse_time(self.end), self.host_id, self.room_id,
            frozenset(v.person_id for v in self.visitors if v.person_id), self.status, self.id, self.subject,
        )

    def to_dict(self) -> dict:
        """The object of ``prdesk meetings list --json`` (ASCII digits, English keys)."""
        return {
            "id": self.id,
            "date": jalali.format_jalali_iso(self.date),
            "gregorian": self.date.isoformat(),
            "start": self.start,
            "end": self.end,
            "duration": self.duration,
            "host": self.host,
            "room": self.room,
            "visitors": [v.name for v in self.visitors],
            "organization": self.organization,
            "subject": self.subject,
            "type": self.type,
            "priority": self.priority,
            "status": self.status,
            "outcome": self.outcome,
            "cancel_reason": self.cancel_reason,
            "arrived_at": self.arrived_at,
            "conflict_allowed": self.conflict_allowed,
            "closed_day_allowed": self.closed_day_allowed,
            "postponed_to": self.postponed_to,
            "postponed_from": self.postponed_from,
            "public_day": self.public_day,
            "queue_number": self.queue_number,
            "series_id": self.series_id,
        }


_COLUMNS = (
    "m.id, m.date, m.start_time, m.end_time, m.duration, m.host_id, h.name, m.room_id, coalesce(r.name, ''), "
    "m.subject, m.type, m.priority, m.notes, m.outcome, m.status, m.arrived_at, m.cancel_reason, m.postponed_to, "
    "m.postponed_from, m.conflict_allowed, m.closed_day_allowed, m.override_note, m.series_id, m.public_day, m.queue_number"
)
_FROM = "meetings m JOIN meeting_hosts h ON h.id = m.host_id LEFT JOIN meeting_rooms r ON r.id = m.room_id"


def _visitors_of(db: Database, ids: Sequence[int]) -> dict[int, list[Visitor]]:
    found: dict[int, list[Visitor]] = {}
    for chunk in range(0, len(ids), 900):
        part = ids[chunk:chunk + 900]
        marks = ",".join("?" * len(part))
        for row in db.execute(
            f"SELECT meeting_id, name, person_id, phone, national_code, organization, id FROM meeting_visitors "
            f"WHERE meeting_id IN ({marks}) ORDER BY meeting_id, position, id", list(part)
        ):
            found.setdefault(row[0], []).append(Visitor(row[1], row[2], row[3], row[4], row[5], row[6]))
    return found


def _meetings(db: Database, where: str, params: Sequence | Mapping, order: str = "m.date, m.start_time, m.id", limit: int | None = None) -> list[Meeting]:
    sql = f"SELECT {_COLUMNS} FROM {_FROM} WHERE {where} ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = db.execute(sql, params).fetchall()
    visitors = _visitors_of(db, [r[0] for r in rows])
    return [
        Meeting(
            r[0], dt.date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
            r[14], r[15], r[16], r[17], r[18], bool(r[19]), bool(r[20]), r[21], r[22], bool(r[23]), r[24],
            tuple(visitors.get(r[0], ())),
        )
        for r in rows
    ]


def get_meeting(db: Database, meeting_id: int) -> Meeting:
    found = _meetings(db, "m.id = ?", [meeting_id])
    if not found:
        raise NotFound(f"ملاقات شمارهٔ {to_persian_digits(meeting_id)} پیدا نشد؛ شمارهٔ ملاقات را از فهرست ملاقات‌ها بردارید.")
    return found[0]


# ---------------------------------------------------------------- reading values


def read_date(value, field: str = "date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or not clean(str(value)):
        raise ValidationError("تاریخ ملاقات را بنویسید (مثلاً ۱۴۰۵/۰۹/۱۲).", field)
    return parse_any_date(str(value), field)


def _visitor(db: Database, value) -> Visitor:
    if isinstance(value, Visitor):
        data = {"person_id": value.person_id, "name": value.name, "phone": value.phone,
                "national_code": value.national_code, "organization": value.organization}
    else:
        data = dict(value)
    person_id = data.get("person_id")
    if person_id not in (None, "", 0):
        try:
            person_id = int(person_id)
        except (TypeError, ValueError):
            raise ValidationError("شمارهٔ شخص باید عدد باشد؛ شخص را از مخاطبان انتخاب کنید.", "visitors") from None
        row = db.execute(
            "SELECT p.honorific, p.title, p.first_name, p.last_name, p.mobile, p.phone, coalesce(o.name, '') "
            "FROM people p LEFT JOIN organizations o ON o.id = p.organization_id WHERE p.id = ?", [person_id]
        ).fetchone()
        if row is None:
            raise ValidationError(
                f"شخص شمارهٔ {to_persian_digits(person_id)} در مخاطبان نیست؛ شخص را از مخاطبان انتخاب کنید.", "visitors"
            )
        name = full_name({"honorific": row[0], "title": row[1], "first_name": row[2], "last_name": row[3]}, with_honorific=False)
        return Visitor(name, person_id, row[4] or row[5], "", clean(data.get("organization")) or row[6])
    name = clean(data.get("name"))
    if not name:
        raise ValidationError("نام مراجعه‌کننده را بنویسید یا او را از مخاطبان انتخاب کنید.", "visitors")
    phone = phone_digits(data.get("phone") or "")
    if clean(data.get("phone")) and not phone:
        raise ValidationError(f"تلفن «{clean(data.get('phone'))}» درست نیست؛ فقط رقم بنویسید.", "phone")
    code = phone_digits(data.get("national_code") or "")
    if code and len(code) != 10:
        raise ValidationError("کد ملی باید ده رقم باشد.", "national_code")
    return Visitor(name, None, phone, code, clean(data.get("organization")))


@dataclass
class Draft:
    """A meeting checked and ready to book (not yet written)."""

    date: dt.date
    start: int
    duration: int
    host: Host
    room_id: int | None
    visitors: list[Visitor]
    subject: str
    type: str
    priority: str
    notes: str
    status: str
    public_day: bool = False
    queue_number: int | None = None
    series_id: int | None = None
    arrived_at: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def end(self) -> int:
        return self.start + self.duration

    def booking(self, meeting_id: int | None = None) -> rules.Booking:
        return rules.Booking(
            self.date, self.start, self.end, self.host.id, self.room_id,
            frozenset(v.person_id for v in self.visitors if v.person_id), self.status, meeting_id,
        )


def check_meeting(db: Database, values: Mapping) -> Draft:
    """The meeting from typed values, checked; ValidationError names the first bad field."""
    host = find_host(db, values.get("host") if values.get("host") is not None else values.get("host_id"))
    date = read_date(values.get("date"))
    start = rules.parse_time(values.get("start"), "start", "ساعت شروع")
    duration = rules.parse_duration(values.get("duration"), host.slot_minutes)
    if start + duration > 24 * 60:
        raise ValidationError("ملاقات باید پیش از نیمه‌شب تمام شود؛ ساعت یا مدت را کم کنید.", "duration")
    room = find_room(db, values.get("room") if values.get("room") is not None else values.get("room_id"))
    raw_visitors = list(values.get("visitors") or [])
    if not raw_visitors:
        raise ValidationError("دست‌کم یک مراجعه‌کننده را بنویسید یا از مخاطبان انتخاب کنید.", "visitors")
    visitors = [_visitor(db, v) for v in raw_visitors]
    first = {key: rules.STATUSES[key] for key in ("scheduled", "requested")}
    status = rules.choice(values.get("status"), first, "status", "وضعیت", "scheduled")
    return Draft(
        date=date, start=start, duration=duration, host=host, room_id=room.id if room else None, visitors=visitors,
        subject=clean(values.get("subject")),
        type=rules.choice(values.get("type"), rules.REQUEST_TYPES, "type", "نوع درخواست", "request"),
        priority=rules.choice(values.get("priority"), rules.PRIORITIES, "priority", "اولویت", "normal"),
        notes=clean(values.get("notes")), status=status, public_day=bool(values.get("public_day")),
    )


# ---------------------------------------------------------------- the rules against the database


def bookings_on(db: Database, date: dt.date, *, host_id: int | None = None, room_id: int | None = None,
                person_ids: Iterable[int] = ()) -> list[rules.Booking]:
    """The blocking meetings of ``date`` that share the host, the room or a contact."""
    people = sorted(set(person_ids))
    conditions = ["m.host_id = ?"]
    params: list = [date.isoformat(), host_id if host_id is not None else -1]
    if room_id is not None:
        conditions.append("m.room_id = ?")
        params.append(room_id)
    if people:
        conditions.append(f"m.id IN (SELECT meeting_id FROM meeting_visitors WHERE person_id IN ({','.join('?' * len(people))}))")
        params += people
    rows = db.execute(
        f"SELECT m.id, m.start_time, m.end_time, m.host_id, m.room_id, m.status, m.subject FROM meetings m "
        f"WHERE m.date = ? AND m.status NOT IN ('cancelled', 'no-show', 'postponed') AND ({' OR '.join(conditions)})",
        params,
    ).fetchall()
    visitors: dict[int, set[int]] = {}
    if people and rows:
        ids = [r[0] for r in rows]
        for mid, pid in db.execute(
            f"SELECT meeting_id, person_id FROM meeting_visitors WHERE person_id IS NOT NULL AND meeting_id IN ({','.join('?' * len(ids))})", ids
        ):
            visitors.setdefault(mid, set()).add(pid)
    return [
        rules.Booking(date, rules.parse_time(r[1]), rules.parse_time(r[2]), r[3], r[4],
                      frozenset(visitors.get(r[0], ())), r[5], r[0], r[6])
        for r in rows
    ]


def conflicts(db: Database, candidate: rules.Booking) -> list[rules.Clash]:
    """The meetings that conflict with ``candidate`` (same host, room or contact, overlapping time)."""
    others = bookings_on(db, candidate.date, host_id=candidate.host_id, room_id=candidate.room_id, person_ids=candidate.person_ids)
    return rules.find_clashes(candidate, others)


def next_free_slots(db: Database, host: Host, date: dt.date, duration: int, *, after: int = 0,
                    room_id: int | None = None, person_ids: Iterable[int] = (), count: int = 3,
                    exclude_id: int | None = None) -> list[tuple[dt.date, int]]:
    """The next ``count`` times from ``date``/``after`` when the host (and room, and visitors) are free."""
    closed = holidays(db, date, date + dt.timedelta(days=61))
    people = frozenset(person_ids)

    def busy(day: dt.date) -> list[tuple[int, int]]:
        return [(b.start, b.end) for b in bookings_on(db, day, host_id=host.id, room_id=room_id, person_ids=people)
                if b.id != exclude_id]

    return rules.free_slots(
        date, duration, host.hours, busy, lambda d: jalali.is_friday(d) or d in closed,
        after=after, count=count, step=host.slot_minutes,
    )


def check_rules(db: Database, draft: Draft, *, allow_conflict: bool, allow_closed_day: bool,
                exclude_id: int | None = None) -> tuple[list[rules.Clash], str]:
    """Raise ClosedTime or MeetingConflict unless allowed; return the clashes and closed reason that were allowed."""
    closed = holidays(db, draft.date, draft.date)
    reason = rules.closed_reason(draft.date, draft.host.hours, closed) or rules.outside_hours_reason(
        draft.date, draft.start, draft.end, draft.host.hours
    )
    persons = [v.person_id for v in draft.visitors if v.person_id]
    if reason and not allow_closed_day:
        raise rules.ClosedTime(reason, next_free_slots(db, draft.host, draft.date, draft.duration, after=draft.start,
                                                       room_id=draft.room_id, person_ids=persons, exclude_id=exclude_id))
    clashes = conflicts(db, draft.booking(exclude_id))
    if clashes and not allow_conflict:
        raise rules.MeetingConflict(clashes, next_free_slots(
            db, draft.host, draft.date, draft.duration, after=draft.start, room_id=draft.room_id,
            person_ids=persons, exclude_id=exclude_id,
        ))
    return clashes, reason or ""


def _override_note(clashes: list[rules.Clash], reason: str) -> str:
    parts = []
    if clashes:
        parts.append("ثبت با وجود تداخل با " + "، ".join(rules.describe_clash(c) for c in clashes))
    if reason:
        parts.append(f"ثبت در روز یا ساعت تعطیل: {reason}")
    return "؛ ".join(parts)


def _key(draft: Draft, outcome: str = "") -> str:
    words = [draft.subject, draft.notes, outcome, *(v.name for v in draft.visitors), *(v.organization for v in draft.visitors),
             *(v.phone for v in draft.visitors)]
    return search_key(" ".join(w for w in words if w))


def record_history(db: Database, meeting_id: int, status: str, note: str = "", at: str | None = None) -> None:
    db.execute("INSERT INTO meeting_history (meeting_id, at, status, note) VALUES (?, ?, ?, ?)",
               [meeting_id, at or now_stamp(), status, note])


def insert_draft(db: Database, draft: Draft, *, clashes: list[rules.Clash] = (), reason: str = "",
                 postponed_from: int | None = None, note: str = "ثبت شد") -> int:
    """Write a checked meeting, its visitors and its first history line (inside the caller's transaction)."""
    stamp = now_stamp()
    cursor = db.execute(
        "INSERT INTO meetings (date, start_time, end_time, duration, host_id, room_id, subject, type, priority, notes, "
        "status, arrived_at, postponed_from, conflict_allowed, closed_day_allowed, override_note, series_id, public_day, "
        "queue_number, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            draft.date.isoformat(), rules.format_time(draft.start), rules.format_time(draft.end), draft.duration,
            draft.host.id, draft.room_id, draft.subject, draft.type, draft.priority, draft.notes, draft.status,
            draft.arrived_at, postponed_from, int(bool(clashes)), int(bool(reason)), _override_note(list(clashes), reason),
            draft.series_id, int(draft.public_day), draft.queue_number, _key(draft), stamp, stamp,
        ],
    )
    meeting_id = cursor.lastrowid
    db.conn.executemany(
        "INSERT INTO meeting_visitors (meeting_id, person_id, name, phone, national_code, organization, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(meeting_id, v.person_id, v.name, v.phone, v.national_code, v.organization, i) for i, v in enumerate(draft.visitors)],
    )
    record_history(db, meeting_id, draft.status, note, stamp)
    return meeting_id


def add_meeting(db: Database, values: Mapping, *, allow_conflict: bool = False, allow_closed_day: bool = False) -> Meeting:
    """Book a meeting; a conflict or a closed day/time refuses it (nothing written) unless allowed."""
    with db.atomic():
        draft = check_meeting(db, values)
        clashes, reason = check_rules(db, draft, allow_conflict=allow_conflict, allow_closed_day=allow_closed_day)
        meeting_id = insert_draft(db, draft, clashes=clashes, reason=reason)
    return get_meeting(db, meeting_id)


def _open(meeting: Meeting, what: str) -> None:
    if meeting.status in rules.FINAL:
        raise ValidationError(f"ملاقاتی که «{meeting.status_name}» است دیگر {what} نمی‌شود.", "status")


def reschedule(db: Database, meeting_id: int, values: Mapping, *, allow_conflict: bool = False,
               allow_closed_day: bool = False) -> Meeting:
    """Change an open meeting's day, time, host, room, visitors or details in place (the change is in its history)."""
    meeting = get_meeting(db, meeting_id)
    _open(meeting, "ویرایش")
    merged = {
        "date": meeting.date, "start": meeting.start, "duration": meeting.duration, "host": meeting.host_id,
        "room": meeting.room_id or "", "visitors": list(meeting.visitors), "subject": meeting.subject,
        "type": meeting.type, "priority": meeting.priority, "notes": meeting.notes,
        "status": meeting.status if meeting.status in ("requested", "scheduled") else "scheduled",
    }
    merged.update(values)
    with db.atomic():
        draft = check_meeting(db, merged)
        draft.status = meeting.status
        clashes, reason = check_rules(db, draft, allow_conflict=allow_conflict, allow_closed_day=allow_closed_day, exclude_id=meeting_id)
        db.execute(
            "UPDATE meetings SET date = ?, start_time = ?, end_time = ?, duration = ?, host_id = ?, room_id = ?, subject = ?, "
            "type = ?, priority = ?, notes = ?, conflict_allowed = ?, closed_day_allowed = ?, override_note = ?, search_key = ?, "
            "updated_at = ? WHERE id = ?",
            [
                draft.date.isoformat(), rules.format_time(draft.start), rules.format_time(draft.end), draft.duration,
                draft.host.id, draft.room_id, draft.subject, draft.type, draft.priority, draft.notes, int(bool(clashes)),
                int(bool(reason)), _override_note(clashes, reason), _key(draft, meeting.outcome), now_stamp(), meeting_id,
            ],
        )
        if "visitors" in values:
            # Visitor rows of a meeting are its guest list, not a record: an edited list replaces them.
            db.execute("DELETE FROM meeting_visitors WHERE meeting_id = ?", [meeting_id])
            db.conn.executemany(
                "INSERT INTO meeting_visitors (meeting_id, person_id, name, phone, national_code, organization, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(meeting_id, v.person_id, v.name, v.phone, v.national_code, v.organization, i) for i, v in enumerate(draft.visitors)],
            )
        if (draft.date, rules.format_time(draft.start)) != (meeting.date, meeting.start):
            record_history(db, meeting_id, meeting.status, (
                f"زمان از {jalali.format_jalali(meeting.date)} {to_persian_digits(meeting.start)} به "
                f"{jalali.format_jalali(draft.date)} {to_persian_digits(rules.format_time(draft.start))} تغییر کرد"
            ))
    return get_meeting(db, meeting_id)


def set_status(db: Database, meeting_id: int, status: str, *, outcome: str = "", reason: str = "",
               at: dt.datetime | None = None) -> Meeting:
    """Move a meeting to ``status`` (arrived, held, cancelled, no-show, scheduled) and keep the change in its history."""
    meeting = get_meeting(db, meeting_id)
    status = rules.choice(status, rules.STATUSES, "status", "وضعیت", "")
    if status == "postponed":
        raise ValidationError("برای موکول کردن، تاریخ و ساعت ملاقات جدید را بدهید (prdesk meetings postpone).", "status")
    rules.check_transition(meeting.status, status)
    outcome, reason = clean(outcome), clean(reason)
    if status == "cancelled" and not reason:
        raise ValidationError("دلیل لغو ملاقات را بنویسید.", "reason")
    when = (at or dt.datetime.now()).astimezone()
    with db.atomic():
        sets = ["status = ?", "updated_at = ?"]
        params: list = [status, now_stamp()]
        if status == "arrived":
            sets.append("arrived_at = ?")
            params.append(when.strftime("%H:%M"))
            if meeting.public_day and meeting.queue_number is None:
                sets.append("queue_number = ?")
                params.append(next_queue_number(db, meeting.host_id, meeting.date))
        if status == "held" and outcome:
            sets.append("outcome = ?")
            params.append(outcome)
        if status == "cancelled":
            sets.append("cancel_reason = ?")
            params.append(reason)
        db.execute(f"UPDATE meetings SET {', '.join(sets)} WHERE id = ?", [*params, meeting_id])
        if outcome:
            db.execute("UPDATE meetings SET search_key = search_key || ' ' || ? WHERE id = ?", [search_key(outcome), meeting_id])
        record_history(db, meeting_id, status, outcome or reason, when.isoformat(timespec="seconds"))
    return get_meeting(db, meeting_id)


def set_outcome(db: Database, meeting_id: int, outcome: str) -> Meeting:
    """Write or correct the outcome of a held meeting."""
    meeting = get_meeting(db, meeting_id)
    if meeting.status != "held":
        raise ValidationError("نتیجه را برای ملاقاتی بنویسید که برگزار شده است.", "outcome")
    with db.atomic():
        db.execute("UPDATE meetings SET outcome = ?, updated_at = ? WHERE id = ?", [clean(outcome), now_stamp(), meeting_id])
        record_history(db, meeting_id, "held", f"نتیجه: {clean(outcome)}")
    return get_meeting(db, meeting_id)


def next_queue_number(db: Database, host_id: int, date: dt.date) -> int:
    return db.execute(
        "SELECT coalesce(max(queue_number), 0) + 1 FROM meetings WHERE host_id = ? AND date = ? AND public_day = 1",
        [host_id, date.isoformat()],
    ).fetchone()[0]


def postpone(db: Database, meeting_id: int, date, start, *, duration=None, allow_conflict: bool = False,
             allow_closed_day: bool = False) -> Meeting:
    """Book the meeting again at ``date``/``start`` and mark this one postponed; both point at each other."""
    meeting = get_meeting(db, meeting_id)
    if meeting.status in rules.FINAL:
        raise ValidationError(f"ملاقاتی که «{meeting.status_name}» است موکول نمی‌شود.", "status")
    values = {
        "date": date, "start": start, "duration": duration if duration not in (None, "") else meeting.duration,
        "host": meeting.host_id, "room": meeting.room_id or "", "visitors": list(meeting.visitors),
        "subject": meeting.subject, "type": meeting.type, "priority": meeting.priority, "notes": meeting.notes,
        "status": "scheduled",
    }
    with db.atomic():
        draft = check_meeting(db, values)
        draft.public_day = meeting.public_day
        clashes, reason = check_rules(db, draft, allow_conflict=allow_conflict, allow_closed_day=allow_closed_day, exclude_id=meeting_id)
        new_id = insert_draft(db, draft, clashes=clashes, reason=reason, postponed_from=meeting_id,
                              note=f"موکول‌شدهٔ ملاقات شمارهٔ {to_persian_digits(meeting_id)}")
        db.execute("UPDATE meetings SET status = 'postponed', postponed_to = ?, updated_at = ? WHERE id = ?",
                   [new_id, now_stamp(), meeting_id])
        record_history(db, meeting_id, "postponed", (
            f"موکول شد به {jalali.format_jalali(draft.date)} ساعت {to_persian_digits(rules.format_time(draft.start))} "
            f"(ملاقات شمارهٔ {to_persian_digits(new_id)})"
        ))
    return get_meeting(db, new_id)


# ---------------------------------------------------------------- lists


def list_meetings(
    db: Database,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    host_id: int | None = None,
    status: str | Iterable[str] | None = None,
    type: str | None = None,
    organization: str = "",
    text: str = "",
    public_day: bool | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[Meeting]:
    """Meetings in a date range (inclusive) filtered by host, status, type, organization and normalized text."""
    where, params = ["1"], []
    if start is not None:
        where.append("m.date >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("m.date <= ?")
        params.append(end.isoformat())
    if host_id is not None:
        where.append("m.host_id = ?")
        params.append(host_id)
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        statuses = [rules.choice(s, rules.STATUSES, "status", "وضعیت", "") for s in statuses]
        where.append(f"m.status IN ({','.join('?' * len(statuses))})")
        params += statuses
    if type:
        where.append("m.type = ?")
        params.append(rules.choice(type, rules.REQUEST_TYPES, "type", "نوع درخواست", ""))
    if public_day is not None:
        where.append("m.public_day = ?")
        params.append(int(public_day))
    if clean(organization):
        where.append("m.id IN (SELECT meeting_id FROM meeting_visitors WHERE organization LIKE ?)")
        params.append(f"%{clean(organization)}%")
    for word in search_key(text).split():
        where.append("instr(m.search_key, ?) > 0")
        params.append(word)
    order = "m.date DESC, m.start_time DESC, m.id DESC" if newest_first else "m.date, m.start_time, m.id"
    return _meetings(db, " AND ".join(where), params, order, limit)


def day_meetings(db: Database, date: dt.date, host_id: int | None = None) -> list[Meeting]:
    """One day's meetings (of one host), by time: the day view and the agenda."""
    return list_meetings(db, start=date, end=date, host_id=host_id)


def history(db: Database, meeting_id: int) -> list[dict]:
    """Every status change of a meeting with its time, oldest first."""
    return [
        {"at": r[0], "status": r[1], "note": r[2]}
        for r in db.execute("SELECT at, status, note FROM meeting_history WHERE meeting_id = ? ORDER BY id", [meeting_id])
    ]


def earlier_meetings(db: Database, meeting: Meeting, limit: int = 5) -> dict[str, list[Meeting]]:
    """Each visitor's earlier meetings (by contact, else by phone), newest first: what the agenda and dialog show."""
    found: dict[str, list[Meeting]] = {}
    for v in meeting.visitors:
        if v.person_id:
            column, value = "person_id", v.person_id
        elif v.phone:
            column, value = "phone", v.phone
        else:
            continue
        # The visitor's meetings first (an index lookup), then those rows by id: a subquery here let
        # SQLite walk the whole date index instead.
        ids = [r[0] for r in db.execute(f"SELECT meeting_id FROM meeting_visitors WHERE {column} = ? AND {column} <> ''", [value])
               if r[0] != meeting.id]
        if not ids:
            continue
        where = (f"m.id IN ({','.join('?' * len(ids))}) AND (m.date < ? OR (m.date = ? AND m.start_time < ?))")
        params = [*ids, meeting.date.isoformat(), meeting.date.isoformat(), meeting.start]
        earlier = _meetings(db, where, params, "m.date DESC, m.start_time DESC", limit)
        if earlier:
            found[v.name] = earlier
    return found


def visitor_to_contact(db: Database, visitor: Visitor) -> Visitor:
    """Turn a walk-in into a person of the contacts (one click); a stored visitor row is linked to the new person."""
    from prdesk.store.contacts import add_person

    if visitor.person_id:
        raise ValidationError(f"«{visitor.name}» از قبل در مخاطبان هست.", "visitors")
    words = visitor.name.split()
    first, last = (" ".join(words[:-1]), words[-1]) if len(words) > 1 else ("", visitor.name)
    mobile = visitor.phone if visitor.phone.startswith("09") else ""
    data = {"first_name": first, "last_name": last, "mobile": mobile, "phone": "" if mobile else visitor.phone,
            "notes": f"سازمان (از ملاقات): {visitor.organization}" if visitor.organization else ""}
    org = db.execute("SELECT id FROM organizations WHERE name = ?", [visitor.organization]).fetchone() if visitor.organization else None
    if org:
        data["organization_id"], data["notes"] = org[0], ""
    with db.atomic():
        person_id = add_person(db, data).id
        if visitor.id is not None:
            db.execute("UPDATE meeting_visitors SET person_id = ? WHERE id = ?", [person_id, visitor.id])
    return Visitor(visitor.name, person_id, visitor.phone, visitor.national_code, visitor.organization, visitor.id)
