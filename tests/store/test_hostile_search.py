"""Search text that looks like SQL or FTS syntax: answered as text, the schema untouched."""

from __future__ import annotations

import datetime as dt

import pytest

from prdesk.core.contacts import ContactFilter
from prdesk.store import calendar, contacts, letters
from prdesk.store.db import open_database
from prdesk.store.demo import fill_demo

HOSTILE = [
    "'",
    '"',
    "''",
    "'); DROP TABLE people; --",
    '"); DROP TABLE organizations; --',
    "علی' OR '1'='1",
    "NEAR(علی رضا)",
    "علی AND رضا",
    "علی OR NOT رضا",
    "احمد*",
    "^احمدی",
    "col:احمدی",
    "first_name:علی",
    "(",
    ")",
    "%",
    "_",
    "\\",
    "{seq}",
    "\x00",
    "؟*؛",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("hostile") / "office.sqlite3")
    fill_demo(database, "small")
    letters.register_letter(database, {
        "date": dt.date(2026, 11, 21).isoformat(), "recipient": "اتحادیه صنف نانوایان", "subject": "دعوت", "body": "متن",
    })
    yield database
    database.close()


def _schema(db):
    return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_only_text(db, text):
    before = _schema(db)
    people = contacts.count_people(db)
    assert isinstance(contacts.query_people(db, ContactFilter(text=text), limit=20), list)
    assert contacts.count_people(db, ContactFilter(text=text)) >= 0
    assert isinstance(contacts.search_contacts(db, text), list)
    assert isinstance(contacts.query_organizations(db, ContactFilter(text=text), limit=20), list)
    assert isinstance(letters.search_register(db, text), list)
    assert isinstance(calendar.list_events(db, text=text), list)
    assert _schema(db) == before
    assert contacts.count_people(db) == people


def test_search_still_answers_after_hostile_text(db):
    for text in HOSTILE:
        contacts.query_people(db, ContactFilter(text=text), limit=5)
    found = contacts.query_people(db, ContactFilter(text="اصفهان"), limit=5)
    assert found
