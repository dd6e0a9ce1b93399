"""A change of the one normalizer reaches rows stored before it: m014 recomputes every search key."""

from __future__ import annotations

import sqlite3

from prdesk.core.text import compact_key
from prdesk.store import contacts as store
from prdesk.store.db import open_database
from prdesk.store.letters import register_letter, search_register
from prdesk.store.migrations import migrations



def _as_before_m014(path):
    """Put back the keys the normalizer before m014 stored, and forget that m014 ran."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE people SET name_key = 'حسینعلاءالدینی', search_key = 'حسینعلاءالدینی' WHERE last_name = 'علاءالدینی'")
        conn.execute("UPDATE organizations SET name_key = 'ھمایونشهر', search_key = 'ھمایونشهر' WHERE name = 'ھمایون‌شهر'")
        conn.execute("UPDATE letters SET search_key = '1/ص/1405 جناب آقای علاءالدینی', compact_key = '1/ص/1405جنابآقایعلاءالدینی'")
        conn.execute("UPDATE tags SET key = 'اعضاء' WHERE name = 'اعضاء'")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_search_keys_fold_hamza_and_heh'")
    finally:
        conn.close()


def test_m014_recomputes_the_keys_of_rows_stored_before_it(tmp_path):
    path = tmp_path / "office.sqlite3"
    db = open_database(path)
    store.add_person(db, {"first_name": "حسین", "last_name": "علاءالدینی", "tags": ["اعضاء"]})
    store.add_organization(db, {"name": "ھمایون‌شهر"})
    register_letter(db, {"recipient": "جناب آقای علاءالدینی", "date": "1405/01/15"})
    db.close()
    _as_before_m014(path)

    db = open_database(path)
    try:
        assert "m014_search_keys_fold_hamza_and_heh" in {m.name for m in migrations.applied(db)}
        people = store.search_contacts(db, "علاالدینی")
        assert [p["name"] for p in people] == ["حسین علاءالدینی"]
        assert [o["name"] for o in store.search_contacts(db, "همایون")] == ["ھمایون‌شهر"]
        assert [r["recipient"] for r in search_register(db, "علاالدینی")] == ["جناب آقای علاءالدینی"]
        assert db.execute("SELECT key FROM tags").fetchone()[0] == compact_key("اعضا")
        store.check_search_index(db)
    finally:
        db.close()
