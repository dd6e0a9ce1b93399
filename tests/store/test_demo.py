"""The demo data: refuses a database with contacts, is deterministic, realistic and whole."""

import pytest

from prdesk.core.contacts import PROVINCES, ContactFilter, normalize_mobile, normalize_phone
from prdesk.errors import ValidationError
from prdesk.store import contacts as store
from prdesk.store.db import open_database
from prdesk.store.demo import describe, fill_demo
from prdesk.store.settings import get_settings


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "demo.sqlite3")
    yield database
    database.close()


def test_small_demo_is_realistic_and_indexed(db):
    counts = fill_demo(db, "small")
    assert counts == {"cancelled": False, "organizations": 50, "people": 300}
    assert store.count_organizations(db) == 50
    assert store.count_people(db) == 300
    store.check_search_index(db)
    people = store.query_people(db, limit=None)
    assert all(p["organization_id"] for p in people)
    assert {normalize_mobile(p["mobile"]) for p in people if p["mobile"]} == {p["mobile"] for p in people if p["mobile"]}
    staff = store.query_people(db, ContactFilter(staff=True), limit=None)
    assert len(staff) == 20 and all(p["birthday"] for p in staff)
    orgs = store.query_organizations(db, limit=None)
    assert all(o["province"] in PROVINCES and o["city"] in PROVINCES[o["province"]] for o in orgs)
    assert all(normalize_phone(n) == n for o in orgs for n in o["phones"].split("، "))
    assert {o["kind"] for o in orgs} >= {"اتحادیه", "شرکت تعاونی", "بانک", "وزارتخانه", "اداره دولتی"}
    assert len({o["name"] for o in orgs}) == 50
    assert store.list_tags(db)
    assert store.count_people(db, ContactFilter(text="مدیرعامل")) > 0
    assert get_settings(db)["org_name_line3"].startswith("اداره کل تعاون")


def test_demo_is_deterministic(tmp_path):
    rows = []
    for name in ("a", "b"):
        database = open_database(tmp_path / f"{name}.sqlite3")
        fill_demo(database, "small")
        rows.append(database.execute("SELECT first_name, last_name, mobile, birthday FROM people ORDER BY id").fetchall())
        database.close()
    assert rows[0] == rows[1]


def test_demo_refuses_a_database_with_contacts(db):
    store.add_organization(db, {"name": "اتحادیه صنف نانوایان"})
    with pytest.raises(ValidationError) as caught:
        fill_demo(db, "small")
    assert "از قبل مخاطب دارد" in str(caught.value)
    assert store.count_organizations(db) == 1


def test_unknown_size_is_refused(db):
    with pytest.raises(ValidationError):
        fill_demo(db, "huge")


def test_cancelled_demo_writes_nothing(db):
    before = "\n".join(db.conn.iterdump())
    counts = fill_demo(db, "small", progress=lambda done, total: False)
    assert counts["cancelled"]
    assert "\n".join(db.conn.iterdump()) == before
    assert "لغو" in describe(counts)
