"""Public meeting days (ملاقات عمومی): the queue in arrival order, the repeat-visit warning, the end of the day; recurring meetings."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Mapping

from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.text import to_persian_digits
from prdesk.store.meetings.booking import (
    Meeting, check_meeting, check_rules, get_meeting, insert_draft, list_meetings, next_queue_number, now_stamp, read_date,
    record_history,
)
from prdesk.store.meetings.followups import add_followup
from prdesk.store.meetings.hosts import find_host, holidays

PUBLIC_SLOT_MINUTES = 10
# Request types that leave something to answer after the visitor has been heard.
OPEN_REQUEST_TYPES = ("request", "complaint", "suggestion", "criticism", "report", "other")


def queue(db: Database, host_id: int, date: dt.date) -> list[Meeting]:
    """The public day's visitors: those with a queue number in arrival order, then those still expected."""
    found = list_meetings(db, start=date, end=date, host_id=host_id, public_day=True)
    return sorted(found, key=lambda m: (m.queue_number is None, m.queue_number or 0, m.start, m.id))


def check_in(db: Database, values: Mapping, *, now: dt.datetime | None = None) -> Meeting:
    """A walk-in at the public day: booked for the host's day, marked present and given the next queue number."""
    now = now or dt.datetime.now()
    with db.atomic():
        values = dict(values)
        values.setdefault("duration", PUBLIC_SLOT_MINUTES)
        values.setdefault("date", now.date())
        host = find_host(db, values.get("host"))
        date = read_date(values.get("date"))
        last = db.execute(
            "SELECT max(end_time) FROM meetings WHERE host_id = ? AND date = ? AND public_day = 1 "
            "AND status NOT IN ('cancelled', 'no-show', 'postponed')", [host.id, date.isoformat()],
        ).fetchone()[0]
        hours = host.hours.on(date) or (480, 840)
        start = max(hours[0], rules.parse_time(last) if last else 0, now.hour * 60 + now.minute - now.minute % 5
                    if date == now.date() else 0)
        values["start"] = rules.format_time(min(start, 24 * 60 - int(values["duration"])))
        values["host"] = host.id
        draft = check_meeting(db, values)
        draft.public_day = True
        draft.status = "arrived"
        draft.arrived_at = now.strftime("%H:%M")
        draft.queue_number = next_queue_number(db, host.id, date)
        # The public day is the host's time given to whoever comes: a walk-in never waits on the conflict rule.
        meeting_id = insert_draft(db, draft, note=f"حاضر شد؛ نوبت {to_persian_digits(draft.queue_number)}")
    return get_meeting(db, meeting_id)


def recent_public_visits(db: Database, meeting: Meeting, days: int) -> list[Meeting]:
    """The same visitor's public-day meetings in the ``days`` days before this one (for the repeat-visit warning)."""
    people = [v.person_id for v in meeting.visitors if v.person_id]
    phones = [v.phone for v in meeting.visitors if not v.person_id and v.phone]
    found: dict[int, Meeting] = {}
    since = meeting.date - dt.timedelta(days=days)
    for column, values in (("person_id", people), ("phone", phones)):
        for value in values:
            ids = [r[0] for r in db.execute(f"SELECT meeting_id FROM meeting_visitors WHERE {column} = ? AND {column} <> ''", [value])]
            for m in list_meetings(db, start=since, end=meeting.date, public_day=True, status=("arrived", "held")):
                if m.id in ids and m.id != meeting.id:
                    found[m.id] = m
    return sorted(found.values(), key=lambda m: (m.date, m.start))


def repeat_warning(db: Database, meeting: Meeting, limit: int, days: int) -> str:
    """A warning when the visitor already had ``limit`` public meetings in ``days`` days; "" otherwise (0 = rule off)."""
    if limit <= 0 or days <= 0:
        return ""
    earlier = recent_public_visits(db, meeting, days)
    if len(earlier) < limit:
        return ""
    dates = "، ".join(jalali.format_jalali(m.date) for m in earlier[-3:])
    return (
        f"{meeting.visitor_names} در {to_persian_digits(days)} روز گذشته {to_persian_digits(len(earlier))} بار "
        f"ملاقات عمومی داشته است ({dates})."
    )


@dataclass
class DayEnd:
    """What closing a public day did."""

    followups: list[int] = field(default_factory=list)
    no_show: list[int] = field(default_factory=list)


def end_public_day(db: Database, host_id: int, date: dt.date, *, today: dt.date | None = None) -> DayEnd:
    """Close a public day: each heard request without a follow-up gets one, those who never came are marked absent."""
    result = DayEnd()
    with db.atomic():
        for m in queue(db, host_id, date):
            if m.status in ("requested", "scheduled"):
                db.execute("UPDATE meetings SET status = 'no-show', updated_at = ? WHERE id = ?", [now_stamp(), m.id])
                record_history(db, m.id, "no-show", "پایان روز ملاقات عمومی")
                result.no_show.append(m.id)
                continue
            if m.status not in ("arrived", "held") or m.type not in OPEN_REQUEST_TYPES:
                continue
            has = db.execute("SELECT 1 FROM meeting_followups WHERE meeting_id = ?", [m.id]).fetchone()
            if has:
                continue
            action = f"پاسخ به {rules.REQUEST_TYPES[m.type]} {m.visitor_names}" + (f": {m.subject}" if m.subject else "")
            result.followups.append(add_followup(db, m.id, action, referred_to="", today=today or date).id)
    return result


# ---------------------------------------------------------------- recurring meetings


@dataclass
class SeriesResult:
    """A recurring meeting as booked: its occurrences and the days skipped (holidays, days off)."""

    series_id: int
    meetings: list[int]
    skipped: list[tuple[dt.date, str]]


def add_series(db: Database, values: Mapping, kind: str, until, *, allow_conflict: bool = False,
               public_day: bool = False) -> SeriesResult:
    """Book a weekly or monthly meeting until ``until``; occurrences on holidays are skipped and listed; all or nothing."""
    with db.atomic():
        first = check_meeting(db, values)
        last = read_date(until, "until")
        closed = holidays(db, first.date, last)
        plan = rules.series_dates(first.date, kind, last, lambda d: rules.closed_reason(d, first.host.hours, closed))
        cursor = db.execute(
            "INSERT INTO meeting_series (kind, first_date, until_date, skipped, created_at) VALUES (?, ?, ?, ?, ?)",
            [kind, first.date.isoformat(), last.isoformat(),
             json.dumps([[d.isoformat(), why] for d, why in plan.skipped], ensure_ascii=False), now_stamp()],
        )
        series_id = cursor.lastrowid
        ids = []
        for day in plan.dates:
            draft = check_meeting(db, {**values, "date": day})
            draft.series_id = series_id
            draft.public_day = public_day
            clashes, reason = check_rules(db, draft, allow_conflict=allow_conflict, allow_closed_day=False)
            ids.append(insert_draft(db, draft, clashes=clashes, reason=reason))
    return SeriesResult(series_id, ids, plan.skipped)
