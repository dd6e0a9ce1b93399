"""The schema, only as named, ordered sqlite-utils migrations. A shipped migration is never edited."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "prdesk"
APPLICATION_ID = 0x50524453  # "PRDS": marks a prdesk database file

migrations = Migrations(MIGRATION_SET)


@migrations(name="m001_settings")
def m001_settings(db: Database) -> None:
    """The key/value settings table; defaults live in prdesk.store.settings."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db["settings"].create({"key": str, "value": str}, pk="key")
