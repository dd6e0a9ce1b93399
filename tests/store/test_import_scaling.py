"""The import's cost per row is constant: SQL statements per chunk of rows, not per row; matching without a query per row."""

import pytest

from prdesk.store import contacts as store
from prdesk.store.contacts_io import import_contacts, importing
from prdesk.store.db import open_database


class CountingConnection:
    """A sqlite3 connection that records every statement handed to execute/executemany (one per call)."""

    def __init__(self, conn):
        self._conn = conn
        self.statements: list[str] = []

    def execute(self, sql, *args):
        self.statements.append(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql, *args):
        self.statements.append(sql)
        return self._conn.executemany(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.sqlite3")
    yield database
    store.check_search_index(database)
    database.close()


def _csv(tmp_path, rows, name="sheet.csv"):
    lines = ["نام,نام خانوادگی,سمت,سازمان,شهر,همراه,برچسب‌ها,تاریخ تولد"]
    lines += [",".join(row) for row in rows]
    path = tmp_path / name
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def _rows(n, start=0):
    # Ten organizations, a tag on every third row, a birthday on every fifth: every table the import writes.
    return [[f"نفر{i}", "احمدی", "کارشناس", f"تعاونی {i % 10}", "یزد", f"0912{i:07d}",
             "خبرنامه" if i % 3 == 0 else "", "1360/05/12" if i % 5 == 0 else ""] for i in range(start, start + n)]


def _counted_import(db, path):
    counting = CountingConnection(db.conn)
    db.conn = counting
    try:
        summary = import_contacts(db, path)
    finally:
        db.conn = counting._conn
    return summary, counting.statements


@pytest.mark.parametrize("existing", [False, True], ids=["empty database", "database with people"])
def test_statements_grow_with_chunks_not_with_rows(db, tmp_path, monkeypatch, existing):
    monkeypatch.setattr(importing, "CHUNK", 100)
    if existing:
        store.add_person(db, {"first_name": "پیشین", "last_name": "رضایی", "mobile": "09350000000"})
    small, small_sql = _counted_import(db, _csv(tmp_path, _rows(200), "small.csv"))
    large, large_sql = _counted_import(db, _csv(tmp_path, _rows(800, start=1000), "large.csv"))
    assert (small.imported_people, large.imported_people) == (200, 800)
    # Four times the rows, four times the chunks: the statements per chunk stay the same (a few lookups,
    # one executemany per table), so 600 more rows cost at most 6 chunks' worth, never one per row.
    per_chunk = (len(small_sql) + 1) / 2
    assert len(large_sql) <= len(small_sql) + 6 * per_chunk
    assert len(large_sql) < 150
    inserts = [s for s in large_sql if s.lstrip().upper().startswith("INSERT INTO PEOPLE ")]
    assert len(inserts) == 8


def test_people_are_matched_with_one_query_per_chunk(db, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "CHUNK", 100)
    # Already in the office: a person the sheet updates, and a mobile a new person in the sheet shares.
    kept = store.add_person(db, {"first_name": "نفر3", "last_name": "احمدی", "mobile": "09120000003"}).id
    store.add_person(db, {"first_name": "مینا", "last_name": "کاظمی", "mobile": "09120000250"})
    rows = _rows(300)
    rows.append(["نفر7", "احمدی", "کارشناس", "تعاونی 7", "یزد", "09120000007", "", ""])  # row 7 again, same organization
    summary, sql = _counted_import(db, _csv(tmp_path, rows))
    assert summary.imported_people == 299
    assert summary.updated_people == 1  # «نفر3» by its mobile (its position is new)
    assert summary.unchanged == 1  # «نفر7» again: the same person in the same organization, nothing new
    assert store.get_person(db, kept)["position"] == "کارشناس"
    assert [(row, text) for row, text in summary.duplicates] == [
        (252, "شمارهٔ همراه ۰۹۱۲۰۰۰۰۲۵۰ را «مینا کاظمی» هم دارد.")
    ]
    by_name = [s for s in sql if "name_key" in s and "FROM people" in s and "json_each" in s]
    by_mobile = [s for s in sql if "mobile IN" in s]
    assert len(by_name) == len(by_mobile) == 4  # 301 rows in chunks of 100
    assert not [s for s in sql if "WHERE name_key = ?" in s or "WHERE mobile = ?" in s]


def test_a_row_matches_a_person_added_earlier_in_the_same_chunk(db, tmp_path):
    rows = [["علی", "رضایی", "دبیر", "اتحادیه نانوایان", "کاشان", "09121111111", "", ""],
            ["علی", "رضایی", "مدیرعامل", "اتحادیه نانوایان", "کاشان", "", "ویژه", ""],
            ["زهرا", "رضایی", "", "", "", "09121111111", "", ""]]
    summary = import_contacts(db, _csv(tmp_path, rows))
    assert (summary.imported_people, summary.updated_people) == (2, 1)
    assert summary.duplicates == [(4, "شمارهٔ همراه ۰۹۱۲۱۱۱۱۱۱۱ را «علی رضایی» هم دارد.")]
    people = db.execute("SELECT first_name, position FROM people ORDER BY id").fetchall()
    assert people == [("علی", "مدیرعامل"), ("زهرا", "")]
    history = db.execute("SELECT position FROM position_history").fetchall()
    assert history == [("دبیر",)]
