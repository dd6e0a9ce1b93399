"""Migrations of settings, the record of media and public work, and the performance report's indexes. Registered, in the order they run, by the package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prdesk.store.migrations import APPLICATION_ID

if TYPE_CHECKING:
    from sqlite_utils import Database


def m001_settings(db: Database) -> None:
    """The key/value settings table; defaults live in prdesk.store.settings."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db["settings"].create({"key": str, "value": str}, pk="key")


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
