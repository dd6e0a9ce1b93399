"""Change stamps of the tables the year model reads: each write to one of them sets its stamp to a new random number.

A stamp is set by a trigger (migration m051_calendar_change_stamps) in the same transaction as the
write, so it is in the file for every connection, goes back with a rollback, and comes back with a
restored copy of the data it stamps. The year model keeps each source's days until a stamp of a table
the source reads changes.
"""

from __future__ import annotations

from sqlite_utils import Database

# The tables whose writes are stamped (the migration names the same ones, as literals).
WATCHED = (
    "custom_occasions", "events", "meetings", "meeting_visitors", "meeting_hosts", "meeting_rooms",
    "people", "person_dates", "bereavements",
)
_CHECKED_ATTRIBUTE = "_prdesk_calendar_stamped"


def trigger_names(table: str) -> tuple[str, str, str]:
    """The three triggers that stamp ``table``."""
    return tuple(f"calendar_stamp_{table}_{op}" for op in ("insert", "update", "delete"))  # type: ignore[return-value]


def stamped_tables(db: Database) -> frozenset[str]:
    """The tables whose three triggers are in place (looked up again only after a schema change).

    A migration that rebuilds a table drops its triggers: that table is then read again after any
    write, as before the stamps, instead of being kept stale.
    """
    schema = db.execute("PRAGMA schema_version").fetchone()[0]
    checked = db.__dict__.get(_CHECKED_ATTRIBUTE)
    if checked is None or checked[0] != schema:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'calendar_stamp_%'")}
        has_table = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'calendar_stamps'").fetchone()
        tables = frozenset(t for t in WATCHED if has_table and set(trigger_names(t)) <= names)
        checked = db.__dict__[_CHECKED_ATTRIBUTE] = (schema, tables)
    return checked[1]


def source_stamps(db: Database) -> dict[str, int] | None:
    """The stamp of each stamped table (one read of a small table), or None when none is stamped.

    Meetings are also stamped per Gregorian month of their day, as ``"meetings 2026-04"`` (a month
    not written since the stamps began has none).
    """
    tables = stamped_tables(db)
    if not tables:
        return None
    months = {"meetings", "meeting_visitors"} <= tables
    return {
        key: stamp for key, stamp in db.execute("SELECT tbl, stamp FROM calendar_stamps")
        if key in tables or (months and key.startswith(MEETINGS_MONTH))
    }


MEETINGS_MONTH = "meetings "


def meetings_month_key(day) -> str:
    """The stamp key of the month of ``day`` (a date) for the meetings held in it."""
    return f"{MEETINGS_MONTH}{day:%Y-%m}"
