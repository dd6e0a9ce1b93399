"""Migrations of organizations and people: the directory, its search index and keys. Registered, in the order they run, by the package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prdesk.store.migrations.script import execute_script

if TYPE_CHECKING:
    from sqlite_utils import Database


def m002_contacts(db: Database) -> None:
    """Organizations, their phones, people, position history, other dates, tags, lookup lists, FTS."""
    # Plain SQL: ON DELETE actions, CHECKs and defaults are clearer here than through create().
    execute_script(
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


def m012_contacts_index_rows_on_insert(db: Database) -> None:
    """prdesk.store.contacts indexes each row it inserts; the AFTER INSERT search-index triggers go.

    Any AFTER INSERT trigger made inserting people about twice as slow (a 100,000-row import
    missed its 15 s target), so the store puts each new row into people_fts/organizations_fts
    itself, and bulk writes index theirs in one pass. Update and delete triggers stay.
    """
    db.execute("DROP TRIGGER IF EXISTS people_fts_insert")
    db.execute("DROP TRIGGER IF EXISTS organizations_fts_insert")


def m014_search_keys_fold_hamza_and_heh(db: Database) -> None:
    """The normalizer folds «ء» and «ھ»: every stored search key is recomputed (the FTS follows by trigger)."""
    from prdesk.store.search_keys import rebuild_search_keys

    rebuild_search_keys(db)
