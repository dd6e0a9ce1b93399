"""Whether a database is new and empty (the first-run wizard is offered then), and the mark that it ran."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

#: A row of the settings table outside the settings list: it only says the wizard ran on this file.
MARK = "first_run_done"


def is_new_and_empty(db: Database) -> bool:
    """True for a file nobody has set up yet: no setting saved, no wizard run, no contact."""
    if db.execute("SELECT 1 FROM settings LIMIT 1").fetchone():
        return False
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in ("organizations", "people"):
        if table in tables and db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return False
    return True


def mark_done(db: Database) -> None:
    """Remember that the wizard ran (finished or closed), so it is not offered by itself again."""
    with db.atomic():
        db["settings"].upsert({"key": MARK, "value": "1"}, pk="key")
