"""The schema, only as named, ordered sqlite-utils migrations. A shipped migration is never edited.

The steps live in one module per area (office, contacts, calendar, letters, meetings, messages);
_ORDER below registers them in the order they run, which is the order they were added.
"""

from __future__ import annotations

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


# Every migration, in the order it runs (new ones are appended here, with new names):
from prdesk.store.migrations import calendar, contacts, letters, meetings, messages, office  # noqa: E402

_ORDER = (
    office.m001_settings,
    contacts.m002_contacts,
    calendar.m020_calendar,
    letters.m010_letters,
    letters.m011_letter_print_options,
    contacts.m012_contacts_index_rows_on_insert,
    office.m090_activity,
    letters.m013_letters_carried_over,
    contacts.m014_search_keys_fold_hamza_and_heh,
    meetings.m030_meetings,
    messages.m040_messages,
    calendar.m050_occasion_keys_and_lunar_correction,
    office.m091_report_indexes,
    calendar.m051_calendar_change_stamps,
)
for _step in _ORDER:
    migrations(name=_step.__name__)(_step)
