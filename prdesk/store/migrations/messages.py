"""Migrations of greeting and condolence messages, with the starter templates. Registered, in the order they run, by the package."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


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
