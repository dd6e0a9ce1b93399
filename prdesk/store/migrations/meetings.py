"""Migrations of visitor meetings. Registered, in the order they run, by the package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prdesk.store.migrations.script import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def m030_meetings(db: Database) -> None:
    """Visitor meetings: hosts, rooms, meetings with visitors, status history, follow-ups, recurring series.

    Nothing here is ever deleted: meetings, their history and follow-ups only change status, and
    triggers refuse a DELETE so no later code can lose them either.
    """
    execute_script(
        db,
        """
        CREATE TABLE meeting_hosts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            position INTEGER NOT NULL DEFAULT 0,
            hours TEXT NOT NULL,
            slot_minutes INTEGER NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        );
        CREATE TABLE meeting_rooms (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
            position INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        );
        CREATE TABLE meeting_series (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('weekly', 'monthly')),
            first_date TEXT NOT NULL,
            until_date TEXT NOT NULL,
            skipped TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            duration INTEGER NOT NULL CHECK (duration BETWEEN 5 AND 600),
            host_id INTEGER NOT NULL REFERENCES meeting_hosts (id),
            room_id INTEGER REFERENCES meeting_rooms (id),
            subject TEXT NOT NULL DEFAULT '',
            type TEXT NOT NULL DEFAULT 'request' CHECK (type IN (
                'request', 'complaint', 'suggestion', 'criticism', 'report', 'courtesy', 'invitation', 'other')),
            priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high')),
            notes TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN (
                'requested', 'scheduled', 'arrived', 'held', 'cancelled', 'no-show', 'postponed')),
            arrived_at TEXT,
            cancel_reason TEXT NOT NULL DEFAULT '',
            postponed_to INTEGER REFERENCES meetings (id),
            postponed_from INTEGER REFERENCES meetings (id),
            conflict_allowed INTEGER NOT NULL DEFAULT 0 CHECK (conflict_allowed IN (0, 1)),
            closed_day_allowed INTEGER NOT NULL DEFAULT 0 CHECK (closed_day_allowed IN (0, 1)),
            override_note TEXT NOT NULL DEFAULT '',
            series_id INTEGER REFERENCES meeting_series (id),
            public_day INTEGER NOT NULL DEFAULT 0 CHECK (public_day IN (0, 1)),
            queue_number INTEGER,
            search_key TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX meetings_date_host ON meetings (date, host_id, start_time);
        CREATE INDEX meetings_date_room ON meetings (date, room_id) WHERE room_id IS NOT NULL;
        CREATE INDEX meetings_status_date ON meetings (status, date);
        CREATE INDEX meetings_series ON meetings (series_id) WHERE series_id IS NOT NULL;
        CREATE TABLE meeting_visitors (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            phone TEXT NOT NULL DEFAULT '',
            national_code TEXT NOT NULL DEFAULT '',
            organization TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX meeting_visitors_meeting ON meeting_visitors (meeting_id);
        CREATE INDEX meeting_visitors_person ON meeting_visitors (person_id) WHERE person_id IS NOT NULL;
        CREATE INDEX meeting_visitors_phone ON meeting_visitors (phone) WHERE phone <> '';
        CREATE TABLE meeting_history (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id),
            at TEXT NOT NULL,
            status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX meeting_history_meeting ON meeting_history (meeting_id);
        CREATE TABLE meeting_followups (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER REFERENCES meetings (id),
            action TEXT NOT NULL CHECK (action <> ''),
            referred_to TEXT NOT NULL DEFAULT '',
            due_date TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in-progress', 'done', 'fruitless')),
            closing_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX meeting_followups_state_due ON meeting_followups (state, due_date);
        CREATE INDEX meeting_followups_meeting ON meeting_followups (meeting_id);
        CREATE TRIGGER meetings_never_deleted BEFORE DELETE ON meetings BEGIN
            SELECT RAISE(ABORT, 'meetings are never deleted; give them a status');
        END;
        CREATE TRIGGER meeting_history_never_deleted BEFORE DELETE ON meeting_history BEGIN
            SELECT RAISE(ABORT, 'meeting history is never deleted');
        END;
        CREATE TRIGGER meeting_followups_never_deleted BEFORE DELETE ON meeting_followups BEGIN
            SELECT RAISE(ABORT, 'follow-ups are never deleted; close them');
        END;
        """
    )
    # Literal values, not core's constants: a shipped migration must make the same rows forever.
    hours = (
        '{"0": ["08:00", "14:00"], "1": ["08:00", "14:00"], "2": ["08:00", "14:00"], "3": ["08:00", "14:00"], '
        '"4": ["08:00", "14:00"], "5": ["08:00", "12:00"], "6": null}'
    )
    db.execute("INSERT INTO meeting_hosts (name, position, hours, slot_minutes) VALUES ('مدیرکل', 0, ?, 30)", [hours])
    db.conn.executemany(
        "INSERT INTO meeting_rooms (name, position) VALUES (?, ?)",
        [(name, i) for i, name in enumerate(("دفتر مدیرکل", "سالن جلسات", "سالن اجتماعات"))],
    )
