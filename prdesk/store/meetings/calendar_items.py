"""Meetings as lines of the calendar's days (source "meeting"): what the month view and its day panel list."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from prdesk.core.occasions import DayItem
from prdesk.core.text import to_persian_digits

SOURCE_MEETING = "meeting"


def day_items(db: Database, start: dt.date, end: dt.date) -> dict[dt.date, list[DayItem]]:
    """The meetings from ``start`` to ``end`` that still take place (not cancelled, missed or postponed), by day and time."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meetings'").fetchone():
        return {}
    rows = db.execute(
        "SELECT m.id, m.date, m.start_time, m.end_time, m.subject, m.status, coalesce(r.name, ''), h.name, "
        "(SELECT group_concat(v.name, '، ') FROM meeting_visitors v WHERE v.meeting_id = m.id) "
        "FROM meetings m JOIN meeting_hosts h ON h.id = m.host_id LEFT JOIN meeting_rooms r ON r.id = m.room_id "
        "WHERE m.date BETWEEN ? AND ? AND m.status NOT IN ('cancelled', 'no-show', 'postponed') "
        "ORDER BY m.date, m.start_time, m.id",
        [start.isoformat(), end.isoformat()],
    ).fetchall()
    found: dict[dt.date, list[DayItem]] = {}
    for mid, day, begin, finish, subject, status, room, host, visitors in rows:
        title = f"{to_persian_digits(begin)} ملاقات {host} با {visitors or '—'}" + (f" — {subject}" if subject else "")
        found.setdefault(dt.date.fromisoformat(day), []).append(
            DayItem(title, "meeting", False, SOURCE_MEETING, "none", mid, begin, finish, status, room)
        )
    return found
