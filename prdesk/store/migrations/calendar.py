"""Migrations of the office's events and occasions, the lunar correction, the year model's change stamps. Registered, in the order they run, by the package."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m020_calendar(db: Database) -> None:
    """The office's events and invitees, hidden catalog occasions, the office's own recurring occasions."""
    statements = (
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (title <> ''),
            type TEXT NOT NULL DEFAULT 'ceremony' CHECK (type IN (
                'ceremony', 'meeting', 'exhibition', 'seminar', 'visit', 'retiree_honoring', 'anniversary', 'other')),
            date TEXT NOT NULL,
            all_day INTEGER NOT NULL DEFAULT 1 CHECK (all_day IN (0, 1)),
            start_time TEXT,
            end_time TEXT,
            location TEXT NOT NULL DEFAULT '',
            responsible_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            description TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
            recurrence TEXT NOT NULL DEFAULT 'none' CHECK (recurrence IN (
                'none', 'yearly_jalali', 'yearly_lunar', 'monthly_jalali', 'quarterly', 'weekly')),
            recurrence_until TEXT,
            reminder_days INTEGER CHECK (reminder_days IS NULL OR reminder_days BETWEEN 0 AND 365),
            search_key TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX events_date ON events (date)",
        "CREATE INDEX events_recurrence ON events (recurrence) WHERE recurrence <> 'none'",
        "CREATE INDEX events_responsible ON events (responsible_person_id)",
        """
        CREATE TABLE event_invitees (
            event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, person_id)
        )
        """,
        "CREATE INDEX event_invitees_person ON event_invitees (person_id)",
        """
        CREATE TABLE hidden_occasions (
            occasion_key TEXT PRIMARY KEY,
            hidden_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE custom_occasions (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (title <> ''),
            calendar TEXT NOT NULL DEFAULT 'jalali' CHECK (calendar IN ('jalali', 'hijri', 'gregorian')),
            rule TEXT NOT NULL,
            holiday INTEGER NOT NULL DEFAULT 0 CHECK (holiday IN (0, 1)),
            message TEXT NOT NULL DEFAULT 'greeting' CHECK (message IN ('greeting', 'condolence', 'none')),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
    )
    for statement in statements:
        db.execute(statement)


def m050_occasion_keys_and_lunar_correction(db: Database) -> None:
    """Carry hidden catalog occasions to their new keys; restart the lunar correction from the crescent.

    A catalog key is a hash of the title, so the three titles fixed in the catalog (a wrong era and
    two rule notes) got new keys: a clerk's hidden occasion moves with its title. The lunar
    correction used to shift Umm al-Qura (where −1 was Iran's usual day); it now shifts the
    crescent prediction, which already is Iran's day, so an old value would move dates a day wrong.
    """
    # Literal values (prdesk.core.occasions.RENAMED_KEYS holds the same): a shipped migration does the same forever.
    renamed = {"j03-8d197957": "j03-95b2bdce", "h02-0f4cffef": "h02-10ca743a", "h11-268d4a20": "h11-8173565e"}
    for old, new in renamed.items():
        db.execute(
            "UPDATE OR IGNORE hidden_occasions SET occasion_key = ? WHERE occasion_key = ?", [new, old]
        )
        db.execute("DELETE FROM hidden_occasions WHERE occasion_key = ?", [old])
    if "settings" in db.table_names():
        db.execute("DELETE FROM settings WHERE key = 'lunar_correction'")
    # The calendar counts contacts' birthdays per day from this index alone (prdesk.store.calendar).
    db.execute(
        "CREATE INDEX IF NOT EXISTS people_birthday_staff ON people (birthday, is_staff)"
        " WHERE birthday IS NOT NULL AND birthday <> ''"
    )


def m051_calendar_change_stamps(db: Database) -> None:
    """Stamp each write to a table the year model reads, so a new event does not read every birthday again.

    A trigger per write sets the table's stamp to a random number (prdesk.store.calendar.stamps);
    contacts' birthdays are counted from an index that holds every column the count reads.
    """
    db.execute("CREATE TABLE calendar_stamps (tbl TEXT PRIMARY KEY, stamp INTEGER NOT NULL) WITHOUT ROWID")
    tables = set(db.table_names())
    for table in (
        "custom_occasions", "events", "meetings", "meeting_visitors", "meeting_hosts", "meeting_rooms",
        "people", "person_dates", "bereavements",
    ):
        if table not in tables:
            continue
        db.execute("INSERT INTO calendar_stamps (tbl, stamp) VALUES (?, random())", [table])
        for op in ("insert", "update", "delete"):
            event = f"{op.upper()} ON {table}"
            if table == "people" and op == "insert":
                # A person without a birthday shows on no day: an import of 100,000 rows stamps only
                # those with one (a stamp costs about 3 µs a row).
                event += " WHEN NEW.birthday IS NOT NULL AND NEW.birthday <> ''"
            elif table == "people" and op == "update":
                # Only the columns a day shows (names, birthday, staff, deceased, gender).
                event = ("UPDATE OF honorific, title, first_name, last_name, gender, birthday, is_staff, deceased"
                         " ON people")
            body = f"UPDATE calendar_stamps SET stamp = random() WHERE tbl = '{table}';"
            # Meetings are also stamped by the Gregorian month of their day ("meetings 2026-04"): a
            # meeting booked reads its month again, not the year's thousands.
            rows = {"insert": ("NEW",), "update": ("NEW", "OLD"), "delete": ("OLD",)}[op]
            for row in rows if table in ("meetings", "meeting_visitors") else ():
                day = f"{row}.date" if table == "meetings" else f"(SELECT date FROM meetings WHERE id = {row}.meeting_id)"
                body += (
                    f" INSERT INTO calendar_stamps (tbl, stamp) VALUES ('meetings ' || coalesce(substr({day}, 1, 7), ''),"
                    " random()) ON CONFLICT (tbl) DO UPDATE SET stamp = excluded.stamp;"
                )
            db.execute(f"CREATE TRIGGER calendar_stamp_{table}_{op} AFTER {event} BEGIN {body} END")
    db.execute("DROP INDEX IF EXISTS people_birthday_staff")
    db.execute(
        "CREATE INDEX people_birthday_counts ON people (birthday, is_staff, deceased)"
        " WHERE birthday IS NOT NULL AND birthday <> ''"
    )
