"""The year model at scale (issue 12 §4): statements that do not grow with the data, each source read again only
after a write to a table it reads, the stamps that say so in every connection, the wall calendar without contacts."""

from __future__ import annotations

import datetime as dt

import pytest

from prdesk.core import jalali
from prdesk.store import calendar as cal
from prdesk.store import contacts
from prdesk.store.calendar import model as cal_model
from prdesk.store.calendar import stamps
from prdesk.store.db import open_database

J = jalali.to_gregorian
NOW = "2026-01-01T00:00:00+03:30"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "c.sqlite3")
    yield database
    database.close()


def birthdays(db, count: int, *, staff: int = 0) -> None:
    """``count`` contacts and ``staff`` staff members with birthdays spread over the year, written in one go."""
    rows = [
        {"first_name": f"نام{i}", "last_name": "امینی", "birthday": (dt.date(1970, 1, 1) + dt.timedelta(days=i * 7)).isoformat(),
         "is_staff": int(i < staff), "created_at": NOW, "updated_at": NOW}
        for i in range(count + staff)
    ]
    db["people"].insert_all(rows)


def statements_of(db, call) -> list[str]:
    found: list[str] = []
    db.conn.set_trace_callback(found.append)
    try:
        call()
    finally:
        db.conn.set_trace_callback(None)
    return found


def forget_models(db) -> None:
    """As a new process would start: nothing built or read before."""
    for name in list(db.__dict__):
        if name.startswith("_prdesk_"):
            del db.__dict__[name]


def reads(statements: list[str], table: str) -> bool:
    return any(f"FROM {table} " in s or s.rstrip().endswith(f"FROM {table}") for s in statements)


def test_the_year_model_runs_as_many_statements_for_400_birthdays_as_for_10(tmp_path):
    counts = []
    for size in (10, 400):
        db = open_database(tmp_path / f"{size}.sqlite3")
        birthdays(db, size, staff=3)
        cal.add_event(db, {"title": "جلسهٔ شورا", "date": "1405/06/01", "recurrence": "monthly_jalali"})
        model = []
        counts.append(len(statements_of(db, lambda: model.extend(cal.year_model(db, 1405)))))
        assert sum(i.count for e in model for i in e.occasions if i.source == "birthday") == size
        db.close()
    assert counts[0] == counts[1]


def test_a_new_event_reads_the_events_again_and_not_the_birthdays_or_the_meetings(db):
    birthdays(db, 50, staff=2)
    cal.year_model(db, 1405)
    cal.add_event(db, {"title": "همایش روز تعاون", "date": "1405/06/13"})
    done = statements_of(db, lambda: cal.year_model(db, 1405))
    assert reads(done, "events")
    assert not reads(done, "people") and not reads(done, "meetings m") and not any("GROUP BY birthday" in s for s in done)
    assert "همایش روز تعاون" in [i.title for e in cal.year_model(db, 1405) for i in e.occasions]


def test_a_new_contact_is_counted_and_the_events_are_not_read_again(db):
    birthdays(db, 5)
    cal.add_event(db, {"title": "بازدید", "date": "1405/02/01"})
    first = cal.month_model(db, 1405, 6)
    before = sum(i.count for e in first for i in e.occasions)
    contacts.add_person(db, {"first_name": "نرگس", "last_name": "امینی", "birthday": "1370/06/08"})
    done = statements_of(db, lambda: cal.month_model(db, 1405, 6))
    assert any("GROUP BY birthday" in s for s in done) and not reads(done, "events")
    assert sum(i.count for e in cal.month_model(db, 1405, 6) for i in e.occasions) == before + 1


def test_a_write_from_another_connection_is_seen_through_the_stamps(db):
    cal.year_model(db, 1405)
    other = open_database(db.conn.execute("PRAGMA database_list").fetchone()[2])
    contacts.add_person(other, {"first_name": "حسن", "last_name": "کریمی", "birthday": "1360/03/10"})
    cal.add_event(other, {"title": "نمایشگاه", "date": "1405/08/01"})
    other.close()
    items = [i for e in cal.year_model(db, 1405) for i in e.occasions]
    assert "نمایشگاه" in [i.title for i in items]
    assert sum(i.count for i in items if i.source == "birthday") == 1


def test_every_table_a_day_source_reads_is_stamped_by_its_triggers(db):
    assert stamps.stamped_tables(db) == set(stamps.WATCHED)
    for source, tables in cal.SOURCE_TABLES.items():
        assert set(tables) <= set(stamps.WATCHED), source
    before = stamps.source_stamps(db)
    cal.add_event(db, {"title": "جلسه", "date": "1405/01/05"})
    after = stamps.source_stamps(db)
    assert after["events"] != before["events"]
    assert {t: s for t, s in after.items() if t != "events"} == {t: s for t, s in before.items() if t != "events"}


def test_a_rolled_back_write_leaves_the_stamp_as_it_was(db):
    before = stamps.source_stamps(db)["events"]
    with pytest.raises(RuntimeError):
        with db.atomic():
            db.execute("INSERT INTO events (title, type, date, created_at, updated_at) VALUES ('x', 'other', '2026-04-01', ?, ?)", [NOW, NOW])
            raise RuntimeError
    assert stamps.source_stamps(db)["events"] == before


def test_a_table_whose_triggers_were_dropped_is_read_again_after_any_write(db):
    """A later migration that rebuilds a table drops its triggers: its source must not go stale."""
    db.execute("DROP TRIGGER calendar_stamp_events_insert")
    assert "events" not in stamps.stamped_tables(db)
    cal.year_model(db, 1405)
    cal.add_event(db, {"title": "مراسم تکریم", "date": "1405/05/05"})
    assert "مراسم تکریم" in [i.title for e in cal.year_model(db, 1405) for i in e.occasions]


def test_the_wall_calendar_model_does_not_count_the_contacts_birthdays(db):
    birthdays(db, 30, staff=2)
    forget_models(db)
    done = statements_of(db, lambda: cal.year_model(db, 1405, contacts_birthdays=False))
    assert not any("GROUP BY birthday" in s for s in done)
    items = [i for e in cal.year_model(db, 1405, contacts_birthdays=False) for i in e.occasions if i.source == "birthday"]
    assert len(items) == 2 and all(i.category == "staff" for i in items)


def test_the_catalog_days_are_made_once_per_range(db, monkeypatch):
    made = []
    real = cal_model.occ.catalog_between
    monkeypatch.setattr(cal_model.occ, "catalog_between", lambda *a: made.append(a) or real(*a))
    cal_model._CATALOG_ITEMS.clear()
    cal.year_model(db, 1405)
    cal.add_event(db, {"title": "جلسه", "date": "1405/01/05"})
    cal.year_model(db, 1405)
    assert len(made) == 1


def test_the_birthday_count_reads_only_its_index(db):
    plan = " ".join(r[-1] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT birthday, count(*) FROM people WHERE birthday IS NOT NULL AND birthday <> ''"
        " AND is_staff = 0 AND deceased = 0 GROUP BY birthday"
    ))
    assert "COVERING INDEX people_birthday_counts" in plan


def test_the_names_of_a_days_contacts_match_its_count(db):
    birthdays(db, 300)
    for entry in cal.year_model(db, 1405)[::17]:
        counted = sum(i.count for i in entry.occasions if i.source == "birthday")
        assert len(cal.contact_birthdays_on(db, entry.date)) == counted


def test_people_are_stamped_only_by_what_a_day_shows(db):
    """A stamp costs a write per row: an import's people without birthdays and a new phone number skip it."""
    staff = contacts.add_person(db, {"first_name": "مریم", "last_name": "احمدی", "birthday": "1365/02/02", "is_staff": True}).id
    before = stamps.source_stamps(db)["people"]
    contacts.add_person(db, {"first_name": "بی", "last_name": "تاریخ"})
    db.execute("UPDATE people SET mobile = '09120000000' WHERE id = ?", [staff])
    assert stamps.source_stamps(db)["people"] == before
    cal.year_model(db, 1405)
    db.execute("UPDATE people SET last_name = 'احمدی‌نژاد' WHERE id = ?", [staff])
    assert stamps.source_stamps(db)["people"] != before
    assert "تولد مریم احمدی‌نژاد" in [i.title for e in cal.year_model(db, 1405) for i in e.occasions]


def meeting_reads(statements: list[str]) -> int:
    return sum("FROM meetings m JOIN meeting_hosts" in s for s in statements)


def test_a_meeting_booked_reads_its_month_again_not_the_year(db):
    from prdesk.store import meetings as ms

    ms.add_meeting(db, {"date": "1405/02/05", "start": "10:00", "visitors": [{"name": "حسن کریمی"}]})
    first = statements_of(db, lambda: cal.year_model(db, 1405))
    assert meeting_reads(first) == 13  # the year's Gregorian months, each read once
    ms.add_meeting(db, {"date": "1405/08/30", "start": "11:00", "visitors": [{"name": "مریم احمدی"}]})
    again = statements_of(db, lambda: cal.year_model(db, 1405))
    assert meeting_reads(again) == 1
    titles = [i.title for e in cal.year_model(db, 1405) for i in e.occasions if i.source == "meeting"]
    assert any("مریم احمدی" in t for t in titles) and any("حسن کریمی" in t for t in titles)
    # A visitor's name corrected is seen: its meeting's month is stamped through the meeting.
    db.execute("UPDATE meeting_visitors SET name = 'مریم احمدی‌پور' WHERE name = 'مریم احمدی'")
    assert meeting_reads(statements_of(db, lambda: cal.year_model(db, 1405))) == 1
    assert any("احمدی‌پور" in i.title for e in cal.year_model(db, 1405) for i in e.occasions)
    # A host renamed is in every month's lines: every month is read again.
    db.execute("UPDATE meeting_hosts SET name = name || ' '")
    assert meeting_reads(statements_of(db, lambda: cal.year_model(db, 1405))) == 13
