"""The schema, only as named, ordered sqlite-utils migrations. A shipped migration is never edited."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

MIGRATION_SET = "prdesk"
APPLICATION_ID = 0x50524453  # "PRDS": marks a prdesk database file

migrations = Migrations(MIGRATION_SET)


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
