"""The schema, only as named, ordered sqlite-utils migrations. A shipped migration is never edited."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "prdesk"
APPLICATION_ID = 0x50524453  # "PRDS": marks a prdesk database file


@dataclass
class _Migration:
    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


class SchemaMigrations:
    """The named migrations, listed without sqlite-utils; applied through sqlite-utils' ``Migrations``.

    The window reads the names at start-up (is this file ours, and up to date?) before its first
    paint; sqlite-utils, with click, pluggy and dateutil, is imported only to look at or apply them.
    """

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[Any] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def inner(fn):
            migration_name = name or fn.__name__
            if any(m.name == migration_name for m in self._migrations):
                raise ValueError(f"Migration '{migration_name}' is already registered in set '{self.name}'")
            self._migrations.append(_Migration(migration_name, fn, transactional))
            return fn

        return inner

    def _library(self) -> Migrations:
        from sqlite_utils import Migrations

        done = Migrations(self.name)
        done._migrations = [Migrations._Migration(m.name, m.fn, m.transactional) for m in self._migrations]
        return done

    def pending(self, db: Database) -> list:
        return self._library().pending(db)

    def applied(self, db: Database) -> list:
        return self._library().applied(db)

    def apply(self, db: Database, **options) -> None:
        self._library().apply(db, **options)

    def __getattr__(self, name: str) -> Any:
        # The rest of sqlite-utils' Migrations (ensure_migrations_table, migrations_table, …).
        if name.startswith("__") or name in ("name", "_migrations"):
            raise AttributeError(name)
        return getattr(self._library(), name)


migrations = SchemaMigrations(MIGRATION_SET)


@migrations(name="m001_settings")
def m001_settings(db: Database) -> None:
    """The key/value settings table; defaults live in prdesk.store.settings."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db["settings"].create({"key": str, "value": str}, pk="key")


@migrations(name="m002_contacts")
def m002_contacts(db: Database) -> None:
    """Organizations, their phones, people, position history, other dates, tags, lookup lists, FTS."""
    # Plain SQL: ON DELETE actions, CHECKs and defaults are clearer here than through create().
    _execute_script(
        db,
        """
        CREATE TABLE contact_kinds (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE activity_types (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE organizations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (name <> ''),
            kind TEXT NOT NULL DEFAULT '',
            activity TEXT NOT NULL DEFAULT '',
            registration_no TEXT NOT NULL DEFAULT '',
            province TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            fax TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            name_key TEXT NOT NULL DEFAULT '',
            sort_name TEXT NOT NULL DEFAULT '',
            search_key TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX organizations_name_key ON organizations (name_key);
        CREATE INDEX organizations_sort_name ON organizations (sort_name);
        CREATE INDEX organizations_kind ON organizations (kind);
        CREATE INDEX organizations_activity ON organizations (activity);
        CREATE INDEX organizations_province_city ON organizations (province, city);
        CREATE INDEX organizations_city ON organizations (city);

        CREATE TABLE org_phones (
            id INTEGER PRIMARY KEY,
            org_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
            label TEXT NOT NULL DEFAULT '',
            number TEXT NOT NULL CHECK (number <> ''),
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (org_id, number)
        );
        CREATE INDEX org_phones_number ON org_phones (number);

        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            honorific TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '',
            gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'male', 'female')),
            position TEXT NOT NULL DEFAULT '',
            position_since TEXT,
            organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
            mobile TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            birthday TEXT,
            is_staff INTEGER NOT NULL DEFAULT 0 CHECK (is_staff IN (0, 1)),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            name_key TEXT NOT NULL DEFAULT '',
            sort_name TEXT NOT NULL DEFAULT '',
            search_key TEXT NOT NULL DEFAULT '',
            CHECK (first_name <> '' OR last_name <> '')
        );
        CREATE INDEX people_organization_id ON people (organization_id);
        CREATE INDEX people_sort_name ON people (sort_name);
        CREATE INDEX people_name_key ON people (name_key);
        CREATE INDEX people_mobile ON people (mobile);
        CREATE INDEX people_phone ON people (phone);
        CREATE INDEX people_staff ON people (is_staff) WHERE is_staff = 1;
        CREATE INDEX people_birthday ON people (substr(birthday, 6)) WHERE birthday IS NOT NULL;

        CREATE TABLE person_dates (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            date TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'yearly' CHECK (kind IN ('yearly', 'once'))
        );
        CREATE INDEX person_dates_person_id ON person_dates (person_id);

        CREATE TABLE position_history (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            position TEXT NOT NULL DEFAULT '',
            organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
            organization_name TEXT NOT NULL DEFAULT '',
            from_date TEXT,
            to_date TEXT
        );
        CREATE INDEX position_history_person_id ON position_history (person_id);
        CREATE INDEX position_history_organization_id ON position_history (organization_id);

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE org_tags (
            org_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
            PRIMARY KEY (org_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX org_tags_tag_id ON org_tags (tag_id);
        CREATE TABLE person_tags (
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
            PRIMARY KEY (person_id, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX person_tags_tag_id ON person_tags (tag_id);

        -- Substring search over the stored keys: the trigram tokenizer matches any 3+ letters.
        -- Triggers keep the index in step with every write, except for rows a bulk write (import,
        -- demo) has marked in search_index_deferred: those are indexed at once before it commits,
        -- because FTS5 flushes its buffer on every trigger-made insert and that is ~5x slower.
        CREATE TABLE search_index_deferred (
            tbl TEXT PRIMARY KEY,
            from_id INTEGER NOT NULL
        );
        CREATE VIRTUAL TABLE people_fts USING fts5 (
            search_key, content='people', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER people_fts_insert AFTER INSERT ON people
        WHEN new.id < coalesce((SELECT from_id FROM search_index_deferred WHERE tbl = 'people'), 9223372036854775807) BEGIN
            INSERT INTO people_fts (rowid, search_key) VALUES (new.id, new.search_key);
        END;
        CREATE TRIGGER people_fts_delete AFTER DELETE ON people
        WHEN old.id < coalesce((SELECT from_id FROM search_index_deferred WHERE tbl = 'people'), 9223372036854775807) BEGIN
            INSERT INTO people_fts (people_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
        END;
        CREATE TRIGGER people_fts_update AFTER UPDATE OF search_key ON people
        WHEN old.id < coalesce((SELECT from_id FROM search_index_deferred WHERE tbl = 'people'), 9223372036854775807) BEGIN
            INSERT INTO people_fts (people_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
            INSERT INTO people_fts (rowid, search_key) VALUES (new.id, new.search_key);
        END;
        CREATE VIRTUAL TABLE organizations_fts USING fts5 (
            search_key, content='organizations', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations
        WHEN new.id < coalesce((SELECT from_id FROM search_index_deferred WHERE tbl = 'organizations'), 9223372036854775807) BEGIN
            INSERT INTO organizations_fts (rowid, search_key) VALUES (new.id, new.search_key);
        END;
        CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations
        WHEN old.id < coalesce((SELECT from_id FROM search_index_deferred WHERE tbl = 'organizations'), 9223372036854775807) BEGIN
            INSERT INTO organizations_fts (organizations_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
        END;
        CREATE TRIGGER organizations_fts_update AFTER UPDATE OF search_key ON organizations
        WHEN old.id < coalesce((SELECT from_id FROM search_index_deferred WHERE tbl = 'organizations'), 9223372036854775807) BEGIN
            INSERT INTO organizations_fts (organizations_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
            INSERT INTO organizations_fts (rowid, search_key) VALUES (new.id, new.search_key);
        END;
        """
    )
    # The lists as they were when this migration shipped (core may suggest more later).
    kinds = ("اتحادیه", "شرکت تعاونی", "بانک", "وزارتخانه", "مؤسسه مالی و اعتباری", "اداره دولتی", "رسانه", "سایر")
    activities = (
        "مصرف", "مسکن", "کشاورزی", "تولیدی", "خدماتی", "اعتبار", "حمل و نقل", "توزیعی", "صنایع دستی", "فرش دستباف",
        "معدنی", "عشایری", "آب‌بران", "تأمین نیاز تولیدکنندگان", "تأمین نیاز مصرف‌کنندگان", "بهره‌برداری", "صنفی",
    )
    db.conn.executemany("INSERT INTO contact_kinds (name, position) VALUES (?, ?)", [(k, i) for i, k in enumerate(kinds)])
    db.conn.executemany("INSERT INTO activity_types (name, position) VALUES (?, ?)", [(a, i) for i, a in enumerate(activities)])


def _execute_script(db: Database, script: str) -> None:
    """Run SQL statements one by one: executescript() would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")


@migrations(name="m020_calendar")
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


@migrations(name="m010_letters")
def m010_letters(db: Database) -> None:
    """The outgoing register (دفتر اندیکاتور): one row per numbered letter; a voided number stays."""
    for statement in (
        """
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            year INTEGER NOT NULL,
            seq INTEGER NOT NULL CHECK (seq > 0),
            number TEXT NOT NULL CHECK (number <> ''),
            date TEXT NOT NULL,
            recipient TEXT NOT NULL DEFAULT '',
            organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
            person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            reference_number TEXT NOT NULL DEFAULT '',
            reference_date TEXT,
            attachments TEXT NOT NULL DEFAULT '',
            sent_via TEXT NOT NULL DEFAULT '',
            security TEXT NOT NULL DEFAULT '',
            urgency TEXT NOT NULL DEFAULT '',
            file_ref TEXT NOT NULL DEFAULT '',
            signer TEXT NOT NULL DEFAULT '',
            copies TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),
            void_reason TEXT NOT NULL DEFAULT '',
            voided_at TEXT,
            created_at TEXT NOT NULL,
            search_key TEXT NOT NULL DEFAULT '',
            compact_key TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE UNIQUE INDEX letters_year_seq ON letters (year, seq)",
        "CREATE INDEX letters_date ON letters (date)",
        "CREATE INDEX letters_organization ON letters (organization_id)",
        "CREATE INDEX letters_person ON letters (person_id)",
    ):
        db.execute(statement)


@migrations(name="m011_letter_print_options")
def m011_letter_print_options(db: Database) -> None:
    """What the register needs to reprint a letter as it went out: paper, pre-printed mode, the signer's position."""
    # The register kept none of these before: its letters reprint on A4 letterhead, the office's
    # usual paper, and a NULL signer's position takes the one in the settings, as reprints did.
    for statement in (
        "ALTER TABLE letters ADD COLUMN paper TEXT NOT NULL DEFAULT 'A4' CHECK (paper IN ('A4', 'A5'))",
        "ALTER TABLE letters ADD COLUMN preprinted INTEGER NOT NULL DEFAULT 0 CHECK (preprinted IN (0, 1))",
        "ALTER TABLE letters ADD COLUMN signer_position TEXT",
    ):
        db.execute(statement)


@migrations(name="m012_contacts_index_rows_on_insert")
def m012_contacts_index_rows_on_insert(db: Database) -> None:
    """prdesk.store.contacts indexes each row it inserts; the AFTER INSERT search-index triggers go.

    Any AFTER INSERT trigger made inserting people about twice as slow (a 100,000-row import
    missed its 15 s target), so the store puts each new row into people_fts/organizations_fts
    itself, and bulk writes index theirs in one pass. Update and delete triggers stay.
    """
    db.execute("DROP TRIGGER IF EXISTS people_fts_insert")
    db.execute("DROP TRIGGER IF EXISTS organizations_fts_insert")


@migrations(name="m090_activity")
def m090_activity(db: Database) -> None:
    """The record of media and public work (کارنامه): its editable kinds, entries and the people in them."""
    for statement in (
        """
        CREATE TABLE media_kinds (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            position INTEGER NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            kind TEXT NOT NULL REFERENCES media_kinds (key),
            title TEXT NOT NULL CHECK (title <> ''),
            outlet TEXT NOT NULL DEFAULT '',
            outlet_org_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
            level TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'national', 'provincial', 'local')),
            tone TEXT NOT NULL DEFAULT '' CHECK (tone IN ('', 'positive', 'neutral', 'negative')),
            link TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            search_key TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX activities_date ON activities (date)",
        "CREATE INDEX activities_kind_date ON activities (kind, date)",
        "CREATE INDEX activities_outlet_org ON activities (outlet_org_id)",
        """
        CREATE TABLE activity_people (
            activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            PRIMARY KEY (activity_id, person_id)
        )
        """,
        "CREATE INDEX activity_people_person ON activity_people (person_id)",
    ):
        db.execute(statement)
    # Literal values, not core's constants: a shipped migration must make the same rows forever.
    kinds = (
        ("news", "خبر منتشرشده"), ("interview", "مصاحبه"), ("feature", "گزارش/روایت"), ("press-conference", "نشست خبری"),
        ("coverage", "پوشش خبری"), ("clipping", "بریده جراید"), ("social", "پست شبکه‌های اجتماعی"),
        ("exhibition", "نمایشگاه"), ("visit", "بازدید"), ("survey", "نظرسنجی"), ("other", "سایر"),
    )
    db.conn.executemany(
        "INSERT INTO media_kinds (key, name, position) VALUES (?, ?, ?)",
        [(key, name, position) for position, (key, name) in enumerate(kinds, start=1)],
    )


@migrations(name="m013_letters_carried_over")
def m013_letters_carried_over(db: Database) -> None:
    """Register entries a restore carried over from the database it replaced, so no number is issued twice."""
    # NULL: the letter was registered in this file. A timestamp: it was registered after the
    # backup that was restored and copied in by that restore (issue 13 §3).
    db.execute("ALTER TABLE letters ADD COLUMN carried_over_at TEXT")


@migrations(name="m014_search_keys_fold_hamza_and_heh")
def m014_search_keys_fold_hamza_and_heh(db: Database) -> None:
    """The normalizer folds «ء» and «ھ»: every stored search key is recomputed (the FTS follows by trigger)."""
    from prdesk.store.search_keys import rebuild_search_keys

    rebuild_search_keys(db)


@migrations(name="m030_meetings")
def m030_meetings(db: Database) -> None:
    """Visitor meetings: hosts, rooms, meetings with visitors, status history, follow-ups, recurring series.

    Nothing here is ever deleted: meetings, their history and follow-ups only change status, and
    triggers refuse a DELETE so no later code can lose them either.
    """
    _execute_script(
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


@migrations(name="m040_messages")
def m040_messages(db: Database) -> None:
    """Messages: versioned templates (seeded with the starter set), the archive, bereavements, occasion plans, the deceased."""
    for statement in (
        """
        CREATE TABLE message_templates (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (title <> ''),
            title_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'greeting' CHECK (kind IN (
                'greeting', 'condolence', 'appreciation', 'invitation', 'thanks', 'introduction')),
            channel TEXT NOT NULL DEFAULT 'letter' CHECK (channel IN (
                'letter', 'card', 'sms', 'phone', 'in-person', 'messenger')),
            occasions TEXT NOT NULL DEFAULT '[]',
            version INTEGER NOT NULL DEFAULT 1,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE message_template_versions (
            id INTEGER PRIMARY KEY,
            template_id INTEGER NOT NULL REFERENCES message_templates (id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (template_id, version)
        )
        """,
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
            recipient TEXT NOT NULL DEFAULT '',
            salutation TEXT NOT NULL DEFAULT '',
            occasion TEXT NOT NULL DEFAULT '',
            occasion_key TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'greeting',
            template_id INTEGER REFERENCES message_templates (id) ON DELETE SET NULL,
            template_version INTEGER,
            subject TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL,
            year INTEGER NOT NULL,
            channel TEXT NOT NULL DEFAULT 'letter' CHECK (channel IN (
                'letter', 'card', 'sms', 'phone', 'in-person', 'messenger')),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
            letter_id INTEGER REFERENCES letters (id) ON DELETE SET NULL,
            letter_number TEXT NOT NULL DEFAULT '',
            batch TEXT NOT NULL DEFAULT '',
            search_key TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX messages_person ON messages (person_id, occasion_key, year)",
        "CREATE INDEX messages_organization ON messages (organization_id)",
        "CREATE INDEX messages_date ON messages (date)",
        "CREATE INDEX messages_occasion ON messages (occasion_key, year)",
        # The archive's filters: an equality on one of these walks its index in id order, newest first.
        "CREATE INDEX messages_channel ON messages (channel)",
        "CREATE INDEX messages_status ON messages (status)",
        "CREATE INDEX messages_kind ON messages (kind)",
        # Substring search over the archive (recipient, occasion, text, letter number), as for contacts;
        # the store indexes each row it inserts, the triggers keep deletes and edits in step.
        """
        CREATE VIRTUAL TABLE messages_fts USING fts5 (
            search_key, content='messages', content_rowid='id', tokenize='trigram'
        )
        """,
        """
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
        END
        """,
        """
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF search_key ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key);
            INSERT INTO messages_fts (rowid, search_key) VALUES (new.id, new.search_key);
        END
        """,
        """
        CREATE TABLE bereavements (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
            deceased_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
            deceased_name TEXT NOT NULL CHECK (deceased_name <> ''),
            deceased_gender TEXT NOT NULL DEFAULT '' CHECK (deceased_gender IN ('', 'male', 'female')),
            relation TEXT NOT NULL DEFAULT '',
            died_on TEXT NOT NULL,
            anniversary_calendar TEXT NOT NULL DEFAULT 'jalali' CHECK (anniversary_calendar IN ('jalali', 'lunar')),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX bereavements_person ON bereavements (person_id)",
        "CREATE INDEX bereavements_died_on ON bereavements (died_on)",
        """
        CREATE TABLE occasion_plans (
            id INTEGER PRIMARY KEY,
            occasion TEXT NOT NULL CHECK (occasion <> ''),
            occasion_key TEXT NOT NULL UNIQUE,
            lead_days INTEGER NOT NULL DEFAULT 3 CHECK (lead_days BETWEEN 0 AND 60),
            target TEXT NOT NULL DEFAULT '{}',
            template_id INTEGER REFERENCES message_templates (id) ON DELETE SET NULL
        )
        """,
        "ALTER TABLE people ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0 CHECK (deceased IN (0, 1))",
        "ALTER TABLE people ADD COLUMN deceased_on TEXT",
        "ALTER TABLE people ADD COLUMN salutation TEXT NOT NULL DEFAULT ''",
    ):
        db.execute(statement)
    _seed_message_templates(db)


def _seed_message_templates(db: Database) -> None:
    """The starter templates of resources/data/message_templates.json, version 1 each, with their occasion plans."""
    import datetime as dt
    import json

    from prdesk.core.text import compact_key
    from prdesk.paths import resource

    data = json.loads(resource("data", "message_templates.json").read_text(encoding="utf-8"))
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    for item in data["templates"]:
        template_id = db.execute(
            "INSERT INTO message_templates (title, title_key, kind, channel, occasions, version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            [item["title"], compact_key(item["title"]), item["kind"], item["channel"],
             json.dumps(item["occasions"], ensure_ascii=False), stamp, stamp],
        ).lastrowid
        db.execute(
            "INSERT INTO message_template_versions (template_id, version, subject, body, created_at) VALUES (?, 1, ?, ?, ?)",
            [template_id, item["subject"], item["body"], stamp],
        )
        if "lead_days" in item and item["occasions"]:
            occasion = item["occasions"][0]
            db.execute(
                "INSERT OR IGNORE INTO occasion_plans (occasion, occasion_key, lead_days, target, template_id) VALUES (?, ?, ?, ?, ?)",
                [occasion, compact_key(occasion), item["lead_days"], json.dumps(item.get("target") or {}, ensure_ascii=False), template_id],
            )


@migrations(name="m050_occasion_keys_and_lunar_correction")
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


@migrations(name="m091_report_indexes")
def m091_report_indexes(db: Database) -> None:
    """Indexes for the performance report: the directory's rows added or updated in a period, without a scan."""
    for statement in (
        "CREATE INDEX people_created_at ON people (created_at)",
        "CREATE INDEX people_updated_created ON people (updated_at, created_at)",
        "CREATE INDEX organizations_created_kind ON organizations (created_at, kind)",
        "CREATE INDEX organizations_updated_created ON organizations (updated_at, created_at)",
        "CREATE INDEX meeting_followups_created ON meeting_followups (created_at)",
    ):
        db.execute(statement)


@migrations(name="m051_calendar_change_stamps")
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
