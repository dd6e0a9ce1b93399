"""The window's first connection: plain sqlite3 until a sqlite-utils Database is needed, then one in place."""

import sqlite3

from sqlite_utils import Database

from prdesk.store.db import DeferredDatabase, as_database, open_database
from prdesk.store.migrations import migrations


def test_it_reads_with_plain_statements_and_becomes_a_database_in_place(tmp_path):
    path = tmp_path / "d.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    db = DeferredDatabase(conn)
    holders = [db, {"db": db}]  # the window, its pages and its guard hold the same object
    assert db.execute("SELECT count(*) FROM settings").fetchone() == (0,)
    assert not isinstance(db, Database)
    assert as_database(db) is db
    assert isinstance(holders[0], Database) and holders[1]["db"].conn is conn
    assert "settings" in db.table_names()
    db.close()


def test_anything_it_lacks_makes_it_a_database_first(tmp_path):
    path = tmp_path / "d.sqlite3"
    open_database(path).close()
    db = DeferredDatabase(sqlite3.connect(path))
    assert db["settings"].count == 0  # sqlite-utils' API, through the object the window already holds
    assert isinstance(db, Database)
    db.close()


def test_the_migrations_are_listed_without_sqlite_utils_and_applied_through_it(tmp_path):
    names = [m.name for m in migrations._migrations]
    assert names[0] == "m001_settings" and len(set(names)) == len(names)
    db = open_database(tmp_path / "m.sqlite3")
    assert [m.name for m in migrations.applied(db)] == names and migrations.pending(db) == []
    db.close()
