"""Meetings in the database: booking under the rules, history, postpone links, follow-ups, public days, nothing deleted."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.errors import NotFound, ValidationError
from prdesk.store import meetings as ms
from prdesk.store.contacts import add_organization, add_person, delete_person
from prdesk.store.db import open_database
from tests.core.test_meetings_rules import lunar_holiday

SATURDAY = dt.date(2026, 11, 21)  # 30 Aban 1405
FRIDAY = SATURDAY + dt.timedelta(days=6)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "office.sqlite3")
    yield database
    database.close()


@pytest.fixture
def rezaei(db):
    org = add_organization(db, {"name": "اتحادیهٔ تعاونی‌های مسکن"}).id
    return add_person(db, {"first_name": "علی", "last_name": "رضایی", "organization_id": org, "mobile": "09121234567"}).id


def book(db, start="10:00", date=SATURDAY, **values):
    values.setdefault("visitors", [{"name": "حسن کریمی", "phone": "09130000000"}])
    return ms.add_meeting(db, {"date": date, "start": start, **values})


def count(db, table="meetings"):
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_new_database_has_the_default_host_and_rooms(db):
    (host,) = ms.list_hosts(db)
    assert host.name == "مدیرکل" and host.slot_minutes == 30
    assert host.hours == rules.WorkingHours.default()
    assert [r.name for r in ms.list_rooms(db)] == ["دفتر مدیرکل", "سالن جلسات", "سالن اجتماعات"]


def test_add_with_a_contact_snapshots_name_and_organization(db, rezaei):
    m = ms.add_meeting(db, {"date": "۱۴۰۵/۰۸/۳۰", "start": "۱۰:۰۰", "visitors": [{"person_id": rezaei}],
                            "subject": "وام مسکن", "type": "شکایت", "room": "سالن جلسات"})
    assert (m.date, m.start, m.end, m.host, m.room, m.type) == (SATURDAY, "10:00", "10:30", "مدیرکل", "سالن جلسات", "complaint")
    assert m.visitors[0].name == "علی رضایی" and m.organization == "اتحادیهٔ تعاونی‌های مسکن"
    assert ms.history(db, m.id)[0]["status"] == "scheduled"
    assert m.to_dict()["date"] == "1405/08/30"


def test_conflict_refused_writes_nothing_and_offers_three_slots(db):
    first = book(db)
    before = count(db), count(db, "meeting_visitors"), count(db, "meeting_history")
    with pytest.raises(rules.MeetingConflict) as caught:
        book(db, "10:15")
    assert (count(db), count(db, "meeting_visitors"), count(db, "meeting_history")) == before
    assert caught.value.clashes[0].other.id == first.id
    assert len(caught.value.slots) == 3 and caught.value.slots[0] == (SATURDAY, 630)
    assert "تداخل" in str(caught.value) and "۱۰:۳۰" in str(caught.value)


def test_touching_meetings_book_and_override_is_recorded(db):
    book(db)
    assert not book(db, "10:30").conflict_allowed
    forced = ms.add_meeting(db, {"date": SATURDAY, "start": "10:10", "visitors": [{"name": "زهرا"}]}, allow_conflict=True)
    assert forced.conflict_allowed and "تداخل" in forced.override_note


def test_visitor_and_room_conflicts_across_hosts(db, rezaei):
    deputy = ms.add_host(db, "معاون توسعه")
    ms.add_meeting(db, {"date": SATURDAY, "start": "10:00", "visitors": [{"person_id": rezaei}], "room": "سالن جلسات"})
    with pytest.raises(rules.MeetingConflict, match="همان مراجعه‌کننده"):
        ms.add_meeting(db, {"date": SATURDAY, "start": "10:00", "host": deputy.name, "visitors": [{"person_id": rezaei}]})
    with pytest.raises(rules.MeetingConflict, match="همان اتاق"):
        ms.add_meeting(db, {"date": SATURDAY, "start": "10:20", "host": deputy.name, "room": "سالن جلسات", "visitors": [{"name": "x"}]})
    ms.add_meeting(db, {"date": SATURDAY, "start": "10:00", "host": deputy.name, "room": "سالن اجتماعات", "visitors": [{"name": "x"}]})


def test_closed_days_refused_unless_allowed(db):
    with pytest.raises(rules.ClosedTime, match="جمعه"):
        book(db, date=FRIDAY)
    day, title = lunar_holiday()
    with pytest.raises(rules.ClosedTime, match="تعطیل رسمی"):
        book(db, date=day)
    with pytest.raises(rules.ClosedTime, match="بیرون از ساعت"):
        book(db, "13:45")
    assert count(db) == 0
    m = ms.add_meeting(db, {"date": FRIDAY, "start": "10:00", "visitors": [{"name": "x"}]}, allow_closed_day=True)
    assert m.closed_day_allowed and "جمعه" in m.override_note


def test_custom_office_holiday_closes_the_day(db):
    from prdesk.store.calendar import add_custom_occasion

    add_custom_occasion(db, {"title": "سالروز تأسیس اداره", "calendar": "jalali", "rule": {"type": "fixed", "month": 8, "day": 30},
                             "holiday": True})
    with pytest.raises(rules.ClosedTime, match="سالروز تأسیس"):
        book(db)


def test_status_history_and_cancelled_frees_the_slot(db):
    m = book(db)
    with pytest.raises(ValidationError, match="دلیل لغو"):
        ms.set_status(db, m.id, "cancelled")
    ms.set_status(db, m.id, "cancelled", reason="سفر مدیرکل")
    assert [h["status"] for h in ms.history(db, m.id)] == ["scheduled", "cancelled"]
    assert book(db).status == "scheduled"  # the cancelled one no longer blocks
    assert len(ms.day_meetings(db, SATURDAY)) == 2


def test_arrived_then_held_with_outcome(db):
    m = book(db)
    ms.set_status(db, m.id, "arrived", at=dt.datetime(2026, 11, 21, 9, 55))
    held = ms.set_status(db, m.id, "held", outcome="مقرر شد کارشناس بررسی کند")
    assert held.arrived_at == "09:55" and held.outcome.startswith("مقرر")
    assert [h["status"] for h in ms.history(db, m.id)] == ["scheduled", "arrived", "held"]
    with pytest.raises(ValidationError, match="نمی‌شود"):
        ms.set_status(db, m.id, "no-show")
    assert ms.list_meetings(db, text="كارشناس")[0].id == m.id  # Arabic ک finds the outcome


def test_postpone_links_both_ways(db):
    m = book(db)
    new = ms.postpone(db, m.id, "1405/09/01", "09:00")
    old = ms.get_meeting(db, m.id)
    assert (old.status, old.postponed_to, new.postponed_from) == ("postponed", new.id, m.id)
    assert new.visitors[0].name == "حسن کریمی" and new.status == "scheduled"
    assert "موکول" in ms.history(db, m.id)[-1]["note"]
    with pytest.raises(ValidationError, match="موکول نمی‌شود"):
        ms.postpone(db, m.id, "1405/09/02", "09:00")


def test_postpone_into_a_conflict_is_refused_and_changes_nothing(db):
    m = book(db)
    book(db, "11:00")
    with pytest.raises(rules.MeetingConflict):
        ms.postpone(db, m.id, SATURDAY, "11:15")
    assert ms.get_meeting(db, m.id).status == "scheduled" and count(db) == 2


def test_nothing_is_ever_deleted(db, rezaei):
    m = ms.add_meeting(db, {"date": SATURDAY, "start": "10:00", "visitors": [{"person_id": rezaei}]})
    f = ms.add_followup(db, m.id, "ارسال نامه", today=SATURDAY)
    for table, row in (("meetings", m.id), ("meeting_history", 1), ("meeting_followups", f.id)):
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            db.execute(f"DELETE FROM {table} WHERE id = ?", [row])
    delete_person(db, rezaei)  # the contact goes; the meeting keeps the visitor's name
    kept = ms.get_meeting(db, m.id)
    assert kept.visitors[0].name == "علی رضایی" and kept.visitors[0].person_id is None


def test_followups_due_in_thirty_working_days_and_overdue(db):
    m = book(db)
    f = ms.add_followup(db, m.id, "بررسی پرونده", referred_to="معاونت توسعه", today=SATURDAY)
    closed = ms.holidays(db, SATURDAY, SATURDAY + dt.timedelta(days=80))
    assert f.due_date == rules.followup_due(SATURDAY, closed)
    assert ms.list_followups(db, overdue_only=True, today=f.due_date) == []
    (late,) = ms.list_followups(db, overdue_only=True, today=f.due_date + dt.timedelta(days=1))
    assert late.overdue(f.due_date + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="یادداشت پایانی"):
        ms.update_followup(db, f.id, state="done")
    done = ms.update_followup(db, f.id, state="done", closing_note="پاسخ داده شد")
    assert done.closed_at and ms.list_followups(db, overdue_only=True, today=f.due_date + dt.timedelta(days=9)) == []
    with pytest.raises(ValidationError, match="اقدام"):
        ms.add_followup(db, m.id, "  ")


def test_walk_ins_just_before_midnight_end_at_midnight_and_read_back(db):
    """A walk-in at 23:55 ends at 24:00; the next one, and every list, reads that end (it once failed on «۲۴:۰۰»)."""
    late = dt.datetime(2026, 11, 21, 23, 55)
    first = ms.check_in(db, {"date": SATURDAY, "visitors": [{"name": "مریم"}]}, now=late)
    second = ms.check_in(db, {"date": SATURDAY, "visitors": [{"name": "رضا"}]}, now=late)
    assert (first.start, first.end) == ("23:50", "24:00") and second.end == "24:00"
    assert [m.queue_number for m in ms.queue(db, 1, SATURDAY)] == [1, 2]
    assert rules.parse_time("24:00") == 24 * 60
    with pytest.raises(ValidationError, match="نیمه‌شب"):
        ms.add_meeting(db, {"date": SATURDAY, "start": "24:00", "visitors": [{"name": "دیروقت"}]})
    with pytest.raises(ValidationError, match="درست نیست"):
        rules.parse_time("24:30")


def test_public_day_queue_in_arrival_order_and_day_end(db, rezaei):
    booked = ms.add_meeting(db, {"date": SATURDAY, "start": "09:00", "visitors": [{"person_id": rezaei}], "subject": "بیمه"})
    db.execute("UPDATE meetings SET public_day = 1 WHERE id = ?", [booked.id])
    walk_in = ms.check_in(db, {"date": SATURDAY, "visitors": [{"name": "مریم احمدی"}], "subject": "شکایت از تعاونی", "type": "complaint"},
                          now=dt.datetime(2026, 11, 21, 8, 40))
    assert walk_in.queue_number == 1 and walk_in.status == "arrived"
    arrived = ms.set_status(db, booked.id, "arrived", at=dt.datetime(2026, 11, 21, 8, 50))
    assert arrived.queue_number == 2
    absent = ms.check_in(db, {"date": SATURDAY, "visitors": [{"name": "رضا"}]}, now=dt.datetime(2026, 11, 21, 9, 0))
    ms.set_status(db, absent.id, "held", outcome="راهنمایی شد")
    expected = ms.add_meeting(db, {"date": SATURDAY, "start": "11:00", "visitors": [{"name": "نیامده"}]})
    db.execute("UPDATE meetings SET public_day = 1 WHERE id = ?", [expected.id])
    assert [m.queue_number for m in ms.queue(db, 1, SATURDAY)] == [1, 2, 3, None]
    ms.set_status(db, walk_in.id, "held", outcome="به ادارهٔ تعاون ارجاع شد")
    end = ms.end_public_day(db, 1, SATURDAY)
    assert ms.get_meeting(db, expected.id).status == "no-show" and end.no_show == [expected.id]
    assert len(end.followups) == 3
    assert {f.meeting_id for f in ms.list_followups(db)} == {walk_in.id, booked.id, absent.id}
    assert ms.end_public_day(db, 1, SATURDAY).followups == []  # a second close adds nothing


def test_repeat_visit_warning(db):
    first = ms.check_in(db, {"date": SATURDAY, "visitors": [{"name": "حسن", "phone": "09131111111"}]}, now=dt.datetime(2026, 11, 21, 9))
    again = ms.check_in(db, {"date": SATURDAY + dt.timedelta(days=7), "visitors": [{"name": "حسن", "phone": "۰۹۱۳۱۱۱۱۱۱۱"}]},
                        now=dt.datetime(2026, 11, 28, 9))
    assert ms.repeat_warning(db, again, 0, 30) == ""  # off by default
    assert "۱ بار" in ms.repeat_warning(db, again, 1, 30)
    assert ms.repeat_warning(db, again, 2, 30) == "" and first.id != again.id


def test_weekly_series_skips_holidays_all_or_nothing(db):
    day, title = lunar_holiday()
    first = day - dt.timedelta(days=14)
    while jalali.is_friday(first):
        first += dt.timedelta(days=1)
    result = ms.add_series(db, {"date": first, "start": "09:00", "visitors": [{"name": "اعضای هیئت‌مدیره"}],
                                "subject": "جلسهٔ هفتگی"}, "weekly", first + dt.timedelta(days=35))
    dates = [ms.get_meeting(db, i).date for i in result.meetings]
    assert all(not jalali.is_friday(d) for d in dates)
    if (day - first).days % 7 == 0:
        assert any(d == day for d, _ in result.skipped)
    before = count(db)
    with pytest.raises(rules.MeetingConflict):
        ms.add_series(db, {"date": first, "start": "09:15", "visitors": [{"name": "x"}]}, "weekly", first + dt.timedelta(days=21))
    assert count(db) == before


def test_earlier_meetings_of_a_visitor(db, rezaei):
    old = ms.add_meeting(db, {"date": SATURDAY - dt.timedelta(days=7), "start": "10:00", "visitors": [{"person_id": rezaei}]})
    ms.set_status(db, old.id, "held", outcome="قول پیگیری")
    ms.add_followup(db, old.id, "نامه به بانک", today=SATURDAY)
    new = ms.add_meeting(db, {"date": SATURDAY, "start": "10:00", "visitors": [{"person_id": rezaei}]})
    (name, earlier), = ms.earlier_meetings(db, new).items()
    assert name == "علی رضایی" and earlier[0].outcome == "قول پیگیری"
    assert [f.action for f in ms.open_followups_of_visitors(db, new)] == ["نامه به بانک"]


def test_bad_inputs_are_refused_in_persian(db):
    for values, match in (
        ({"date": SATURDAY, "start": "10:00", "visitors": []}, "مراجعه‌کننده"),
        ({"date": "1405/13/01", "start": "10:00", "visitors": [{"name": "x"}]}, "ماه"),
        ({"date": SATURDAY, "start": "ده", "visitors": [{"name": "x"}]}, "ساعت"),
        ({"date": SATURDAY, "start": "10:00", "host": "رئیس", "visitors": [{"name": "x"}]}, "میزبانی"),
        ({"date": SATURDAY, "start": "10:00", "room": "انبار", "visitors": [{"name": "x"}]}, "اتاقی"),
        ({"date": SATURDAY, "start": "10:00", "type": "party", "visitors": [{"name": "x"}]}, "نوع درخواست"),
        ({"date": SATURDAY, "start": "10:00", "visitors": [{"person_id": 999}]}, "مخاطبان"),
    ):
        with pytest.raises(ValidationError, match=match):
            ms.add_meeting(db, values)
    assert count(db) == 0
    with pytest.raises(NotFound):
        ms.set_status(db, 42, "held")


def test_reschedule_in_place_keeps_history(db):
    m = book(db)
    moved = ms.reschedule(db, m.id, {"start": "11:00", "subject": "موضوع جدید"})
    assert (moved.start, moved.subject) == ("11:00", "موضوع جدید")
    assert "تغییر کرد" in ms.history(db, m.id)[-1]["note"]


def test_merging_two_contacts_keeps_their_meetings(db, rezaei):
    from prdesk.store.contacts import merge_people

    twin = add_person(db, {"first_name": "علی", "last_name": "رضایی"}).id
    a = ms.add_meeting(db, {"date": SATURDAY, "start": "10:00", "visitors": [{"person_id": rezaei}]})
    b = ms.add_meeting(db, {"date": SATURDAY, "start": "11:00", "visitors": [{"person_id": twin}, {"person_id": rezaei}]})
    merge_people(db, rezaei, twin)
    assert [v.person_id for v in ms.get_meeting(db, b.id).visitors] == [rezaei, rezaei]
    assert ms.get_meeting(db, a.id).visitors[0].person_id == rezaei


def test_calendar_days_list_meetings_that_take_place(db):
    from prdesk.store.calendar import range_model

    kept = book(db, subject="وام")
    gone = book(db, "11:00")
    ms.set_status(db, gone.id, "cancelled", reason="سفر")
    (day,) = range_model(db, SATURDAY, SATURDAY)
    items = [i for i in day.occasions if i.source == "meeting"]
    assert [(i.ref, i.start_time, i.category) for i in items] == [(kept.id, "10:00", "meeting")]
    assert "حسن کریمی" in items[0].title and "وام" in items[0].title
    assert items[0].to_dict()["source"] == "meeting"


def test_demo_meetings_are_realistic(db, rezaei):
    from prdesk.store.meetings.demo import fill_meetings

    today = dt.date(2026, 12, 1)
    with db.atomic():
        made = fill_meetings(db, "small", today=today)
    assert made == count(db) > 300
    statuses = dict(db.execute("SELECT status, count(*) FROM meetings GROUP BY status").fetchall())
    assert {"held", "cancelled", "no-show", "postponed", "scheduled"} <= set(statuses)
    assert len(ms.list_hosts(db)) == 4
    assert ms.list_followups(db, overdue_only=True, today=today)
    public = db.execute("SELECT count(*) FROM meetings WHERE public_day = 1 AND queue_number IS NOT NULL").fetchone()[0]
    assert public > 0
    for old, new in db.execute("SELECT id, postponed_to FROM meetings WHERE status = 'postponed'"):
        assert ms.get_meeting(db, new).postponed_from == old
    # No host is double-booked by the demo (only rule-abiding meetings).
    clashes = db.execute(
        "SELECT count(*) FROM meetings a JOIN meetings b ON a.host_id = b.host_id AND a.date = b.date AND a.id < b.id "
        "AND a.start_time < b.end_time AND b.start_time < a.end_time "
        "WHERE a.status NOT IN ('cancelled', 'no-show', 'postponed') AND b.status NOT IN ('cancelled', 'no-show', 'postponed')"
    ).fetchone()[0]
    assert clashes == 0
