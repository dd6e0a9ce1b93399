"""Events, hidden and custom occasions, people's dates, the year model and its JSON, CSV and iCalendar forms."""

import csv
import datetime as dt
import io
import json

import icalendar
import pytest

from prdesk.core import jalali
from prdesk.core.occasions import load_catalog
from prdesk.errors import NotFound, ValidationError
from prdesk.store import calendar as cal
from prdesk.store.calendar import model as cal_model
from prdesk.store import contacts
from prdesk.store.calendar_export import check_year, export_year, to_csv, to_ics, to_json
from prdesk.store.db import open_database
from prdesk.store.settings import update_settings
from tests.core.test_occasions import HOLIDAYS_1405

J = jalali.to_gregorian


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "c.sqlite3")
    yield database
    database.close()


def person(db, first, last, **more):
    return contacts.add_person(db, {"first_name": first, "last_name": last, **more}).id


def day_of(model, when: dt.date):
    return next(entry for entry in model if entry.date == when)


def titles(entry, source=None):
    return [item.title for item in entry.occasions if source is None or item.source == source]


# -- events: add, read, change, delete ------------------------------------------------------------


def test_add_event_with_a_typed_jalali_date_and_times(db):
    event = cal.add_event(
        db,
        {
            "title": "  همایش روز تعاون ", "type": "seminar", "date": "۱۴۰۵/۰۶/۱۳", "all_day": False,
            "start_time": "۹:۳۰", "end_time": "12", "location": "سالن اجتماعات", "reminder_days": "۷",
        },
    )
    assert event.title == "همایش روز تعاون"
    assert event.date == J(1405, 6, 13)
    assert (event.start_time, event.end_time) == ("09:30", "12:00")
    assert event.reminder_days == 7
    assert event.status == "planned" and event.recurrence == "none"
    stored = db.execute("SELECT date, start_time FROM events WHERE id = ?", [event.id]).fetchone()
    assert stored == ("2026-09-04", "09:30")  # ISO Gregorian in the file


def test_update_and_delete_event(db):
    event = cal.add_event(db, {"title": "نمایشگاه تعاونی‌ها", "type": "exhibition", "date": "1405/08/01"})
    changed = cal.update_event(db, event.id, {"status": "held", "location": "نمایشگاه بین‌المللی"})
    assert (changed.status, changed.location, changed.title) == ("held", "نمایشگاه بین‌المللی", "نمایشگاه تعاونی‌ها")
    assert cal.set_event_status(db, event.id, "cancelled").status_name == "لغو شد"
    deleted = cal.delete_event(db, event.id)
    assert deleted.id == event.id
    with pytest.raises(NotFound, match="پیدا نشد"):
        cal.get_event(db, event.id)


def test_all_day_event_keeps_no_times(db):
    event = cal.add_event(db, {"title": "بازدید", "date": "1405/02/01", "all_day": True, "start_time": "10:00"})
    assert (event.all_day, event.start_time) == (True, "")


@pytest.mark.parametrize(
    "values, field, words",
    [
        ({"title": "  ", "date": "1405/01/20"}, "title", "عنوان مراسم را بنویسید"),
        ({"title": "جلسه", "date": ""}, "date", "تاریخ مراسم را بنویسید"),
        ({"title": "جلسه", "date": "1405/12/30"}, "date", "وجود ندارد"),
        ({"title": "جلسه", "date": "1405/07/31"}, "date", "وجود ندارد"),
        ({"title": "جلسه", "date": "فردا"}, "date", "تاریخ نیست"),
        ({"title": "جلسه", "date": "1405/01/20", "all_day": False, "start_time": "11:00", "end_time": "10:30"},
         "end_time", "باید بعد از ساعت شروع"),
        ({"title": "جلسه", "date": "1405/01/20", "all_day": False, "start_time": "10:00", "end_time": "10:00"},
         "end_time", "باید بعد از ساعت شروع"),
        ({"title": "جلسه", "date": "1405/01/20", "all_day": False}, "start_time", "ساعت شروع را بنویسید"),
        ({"title": "جلسه", "date": "1405/01/20", "all_day": False, "start_time": "25:00"}, "start_time", "درست نیست"),
        ({"title": "جلسه", "date": "1405/01/20", "reminder_days": "سه"}, "reminder_days", "یادآوری"),
        ({"title": "جلسه", "date": "1405/01/20", "type": "party"}, "type", "نوع مراسم"),
        ({"title": "جلسه", "date": "1405/01/20", "status": "done"}, "status", "وضعیت مراسم"),
        ({"title": "جلسه", "date": "1405/01/20", "recurrence": "weekly", "recurrence_until": "1405/01/10"},
         "recurrence_until", "پایان تکرار"),
    ],
)
def test_event_validation_messages_are_persian_and_name_the_field(db, values, field, words):
    with pytest.raises(ValidationError, match=words) as info:
        cal.add_event(db, values)
    assert info.value.field == field
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_persian_choice_names_are_accepted(db):
    event = cal.add_event(db, {"title": "تکریم", "date": "1405/01/20", "type": "تکریم بازنشستگان", "recurrence": "هر سه ماه (فصلی) در همین روز"})
    assert (event.type, event.recurrence) == ("retiree_honoring", "quarterly")


def test_responsible_person_and_invitees(db):
    boss = person(db, "رضا", "احمدی", is_staff=True)
    guest = person(db, "مریم", "کریمی")
    event = cal.add_event(db, {"title": "جلسهٔ هم‌اندیشی", "date": "1405/03/01", "responsible_person_id": boss, "invitees": [guest, boss]})
    assert event.responsible_person_id == boss
    assert event.invitees == tuple(sorted((boss, guest)))
    cal.update_event(db, event.id, {"invitees": [guest]})
    assert cal.get_event(db, event.id).invitees == (guest,)
    contacts.delete_person(db, guest)
    contacts.delete_person(db, boss)
    after = cal.get_event(db, event.id)
    assert (after.invitees, after.responsible_person_id) == ((), None)


def test_unknown_people_are_refused(db):
    with pytest.raises(ValidationError, match="پیدا نشد") as info:
        cal.add_event(db, {"title": "جلسه", "date": "1405/03/01", "responsible_person_id": 999})
    assert info.value.field == "responsible_person_id"
    with pytest.raises(ValidationError) as info:
        cal.add_event(db, {"title": "جلسه", "date": "1405/03/01", "invitees": [998]})
    assert info.value.field == "invitees"


def test_list_events_filters(db):
    cal.add_event(db, {"title": "نمایشگاه صنایع دستی", "type": "exhibition", "date": "1405/03/20"})
    cal.add_event(db, {"title": "جلسهٔ شورا", "type": "meeting", "date": "1405/03/21", "status": "held"})
    assert [e.title for e in cal.list_events(db, text="نمايشگاه")] == ["نمایشگاه صنایع دستی"]  # Arabic ي finds ی
    assert [e.title for e in cal.list_events(db, status="held")] == ["جلسهٔ شورا"]
    assert len(cal.list_events(db)) == 2


# -- the year model ------------------------------------------------------------------------------


def test_year_model_has_every_day_of_the_year(db):
    assert len(cal.year_model(db, 1405)) == 365
    model = cal.year_model(db, 1403)  # a leap year
    assert len(model) == 366 and model[-1].jalali == (1403, 12, 30)


def test_fridays_and_official_holidays_are_holidays(db):
    model = cal.year_model(db, 1405)
    official = {jalali.parse_jalali(day) for day, _ in HOLIDAYS_1405}
    for entry in model:
        assert entry.holiday == (entry.info.is_friday or entry.date in official), entry.info.jalali_iso
    for day, title in HOLIDAYS_1405:
        entry = day_of(model, jalali.parse_jalali(day))
        assert any(i.title.startswith(title) and i.holiday for i in entry.occasions)


def test_day_json_follows_the_design_contract(db):
    first = cal.year_model(db, 1405)[0].to_dict()
    assert {k: first[k] for k in ("gregorian", "jalali", "hijri", "weekday", "holiday")} == {
        "gregorian": "2026-03-21", "jalali": "1405/01/01", "hijri": "1447/10/01", "weekday": "شنبه", "holiday": True,
    }
    assert {"title": "آغاز نوروز", "category": "national", "holiday": True, "source": "catalog"}.items() <= first["occasions"][0].items()


def test_holidays_are_listed_first(db):
    entry = day_of(cal.year_model(db, 1405), J(1405, 3, 14))
    flags = [i.holiday for i in entry.occasions]
    assert flags == sorted(flags, reverse=True) and flags[0]


def test_events_and_recurring_events_appear_on_their_days(db):
    cal.add_event(db, {"title": "تکریم بازنشستگان", "type": "retiree_honoring", "date": "1405/01/15", "recurrence": "quarterly"})
    cal.add_event(db, {"title": "سالگرد تأسیس", "type": "anniversary", "date": "1400/09/05", "recurrence": "yearly_jalali"})
    cal.add_event(db, {"title": "جلسهٔ هفتگی", "type": "meeting", "date": "1405/01/03", "recurrence": "weekly",
                       "recurrence_until": "1405/02/01", "all_day": False, "start_time": "08:00"})
    model = cal.year_model(db, 1405)
    honoring = [e.info.jalali_iso for e in model if "تکریم بازنشستگان" in titles(e, "event")]
    assert honoring == ["1405/01/15", "1405/04/15", "1405/07/15", "1405/10/15"]
    assert "سالگرد تأسیس" in titles(day_of(model, J(1405, 9, 5)), "event")
    weekly = [e for e in model if "جلسهٔ هفتگی" in titles(e)]
    assert len(weekly) == 5 and all((b.date - a.date).days == 7 for a, b in zip(weekly, weekly[1:]))
    item = next(i for i in weekly[0].occasions if i.source == "event")
    assert (item.category, item.start_time, item.holiday) == ("meeting", "08:00", False)
    assert not any("سالگرد تأسیس" in titles(e) for e in cal.year_model(db, 1399))  # nothing before the first day


def test_annual_plan_lists_the_years_events_in_order(db):
    cal.add_event(db, {"title": "نمایشگاه", "date": "1405/08/01"})
    cal.add_event(db, {"title": "همایش", "date": "1405/02/27", "all_day": False, "start_time": "10:00"})
    cal.add_event(db, {"title": "سال بعد", "date": "1406/02/27"})
    plan = cal.annual_plan(db, 1405)
    assert [o.event.title for o in plan] == ["همایش", "نمایشگاه"]


def test_birthdays_appear_every_year_on_their_jalali_day(db):
    pid = person(db, "علی", "رضایی", birthday="1360/05/12", is_staff=True, honorific="آقای")
    for year in (1404, 1405, 1406):
        entry = day_of(cal.year_model(db, year), J(year, 5, 12))
        birthday = next(i for i in entry.occasions if i.source == "birthday")
        assert birthday.title == "تولد آقای علی رضایی"
        assert (birthday.ref, birthday.category, birthday.message) == (pid, "staff", "greeting")


def test_birthday_on_30_esfand_is_kept_on_29_esfand_in_a_common_year(db):
    person(db, "سارا", "محمدی", birthday="1399/12/30")  # 1399 is a leap year
    assert not jalali.is_leap(1405) and jalali.is_leap(1403)
    model_1405 = cal.year_model(db, 1405)
    assert [e.info.jalali_iso for e in model_1405 if titles(e, "birthday")] == ["1405/12/29"]
    model_1403 = cal.year_model(db, 1403)
    assert [e.info.jalali_iso for e in model_1403 if titles(e, "birthday")] == ["1403/12/30"]


def test_month_view_finds_birthdays_near_the_month_edges(db):
    # Born on 20 March 1996 and 19 March 1997: days outside the Gregorian days of Farvardin and
    # Esfand 1405 (21 March … 20 April 2026, 19 February … 20 March 2027) but on their Jalali edges.
    person(db, "نرگس", "امینی", birthday="1375/01/01")
    person(db, "حسن", "نادری", birthday="1375/12/29")
    assert J(1375, 1, 1) == dt.date(1996, 3, 20) and J(1375, 12, 29) == dt.date(1997, 3, 19)
    farvardin = cal.month_model(db, 1405, 1)
    esfand = cal.month_model(db, 1405, 12)
    assert titles(farvardin[0], "birthday") == ["۱ تولد"]
    assert titles(esfand[-1], "birthday") == ["۱ تولد"]
    assert [p.name for p in cal.contact_birthdays_on(db, farvardin[0].date)] == ["نرگس امینی"]
    assert [p.name for p in cal.contact_birthdays_on(db, esfand[-1].date)] == ["حسن نادری"]
    assert len(esfand) == 29
    assert sum(len(titles(e, "birthday")) for e in farvardin + esfand) == 2


def test_contacts_birthdays_are_a_count_per_day_after_the_offices_own_items(db):
    """Issue 12 §4: a day lists its holidays, the office's own items and staff, then occasions, then «۳ تولد»."""
    for first in ("نرگس", "حسن", "مریم"):
        person(db, first, "امینی", birthday="1370/06/08")
    person(db, "رضا", "کریمی", birthday="1370/06/08", is_staff=True)
    cal.add_event(db, {"title": "جلسهٔ شورا", "date": "1405/06/08"})
    entry = day_of(cal.year_model(db, 1405), J(1405, 6, 8))
    got = [(i.title, i.source) for i in entry.occasions]
    assert got[0][0].startswith("ولادت حضرت رسول اکرم (ص)")  # official order: the Prophet first
    assert got[1][0].startswith("ولادت حضرت امام جعفر صادق (ع)")
    assert got[2:4] == [("جلسهٔ شورا", "event"), ("تولد رضا کریمی", "birthday")]
    assert got[-1] == ("۳ تولد", "birthday")
    counted = entry.occasions[-1]
    assert (counted.count, counted.category) == (3, "contact")
    assert [p.name for p in cal.contact_birthdays_on(db, J(1405, 6, 8))] == ["حسن امینی", "مریم امینی", "نرگس امینی"]


def test_the_birthday_count_follows_a_new_contact(db):
    person(db, "نرگس", "امینی", birthday="1370/06/08")
    assert titles(day_of(cal.month_model(db, 1405, 6), J(1405, 6, 8)), "birthday") == ["۱ تولد"]
    person(db, "حسن", "امینی", birthday="1370/06/08")
    assert titles(day_of(cal.month_model(db, 1405, 6), J(1405, 6, 8)), "birthday") == ["۲ تولد"]


def test_another_area_adds_a_source_of_day_items(db, monkeypatch):
    from prdesk.core.occasions import DayItem

    def meetings(db, start, end, correction):
        return {J(1405, 6, 8): [DayItem("ملاقات با مدیرکل", "meeting", False, "meeting")]}

    monkeypatch.setattr(cal_model, "DAY_SOURCES", list(cal.DAY_SOURCES))
    cal.add_day_source(meetings)
    entry = day_of(cal.month_model(db, 1405, 6), J(1405, 6, 8))
    assert [i.title for i in entry.occasions][2] == "ملاقات با مدیرکل"  # after the two holidays, before the rest


def test_other_person_dates_appear_yearly_or_once(db):
    person(db, "محمود", "صادقی", dates=[
        {"label": "سالگرد درگذشت پدر", "date": "1402/07/10", "kind": "yearly"},
        {"label": "مراسم ختم", "date": "1405/07/12", "kind": "once"},
    ])
    model = cal.year_model(db, 1405)
    anniversary = next(i for i in day_of(model, J(1405, 7, 10)).occasions if i.source == "person")
    assert anniversary.title == "سالگرد درگذشت پدر محمود صادقی"
    assert anniversary.message == "condolence"
    assert "مراسم ختم محمود صادقی" in titles(day_of(model, J(1405, 7, 12)), "person")
    assert not any(titles(e, "person") and e.jalali[1:] == (7, 12) for e in cal.year_model(db, 1406))
    assert not any(titles(e, "person") for e in cal.year_model(db, 1401))  # before the death


def test_hidden_occasion_leaves_the_lists_but_not_the_holiday(db):
    nowruz = next(o for o in load_catalog() if o.title == "آغاز نوروز")
    cal.hide_occasion(db, nowruz.key)
    first = cal.year_model(db, 1405)[0]
    assert "آغاز نوروز" not in titles(first)
    assert first.holiday
    assert "آغاز نوروز" in titles(cal.year_model(db, 1405, include_hidden=True)[0])
    assert next(r for r in cal.catalog_occasions(db) if r.occasion.key == nowruz.key).hidden
    cal.show_occasion(db, nowruz.key)
    assert "آغاز نوروز" in titles(cal.year_model(db, 1405)[0])
    with pytest.raises(NotFound):
        cal.hide_occasion(db, "no-such-key")


def test_office_founding_day_recurs_every_year(db):
    founding = cal.add_custom_occasion(db, {"title": "سالروز تأسیس صندوق", "calendar": "jalali", "month": 9, "day": 5})
    for year in (1405, 1406):
        entry = day_of(cal.year_model(db, year), J(year, 9, 5))
        item = next(i for i in entry.occasions if i.ref == founding.key)
        assert (item.source, item.category, item.message) == ("catalog", "office", "greeting")
    lunar = cal.add_custom_occasion(db, {"title": "جشن غدیر اداره", "calendar": "hijri", "rule": {"type": "fixed", "month": 12, "day": 18}, "holiday": False})
    assert sum("جشن غدیر اداره" in titles(e) for e in cal.year_model(db, 1405)) == 1
    changed = cal.update_custom_occasion(db, founding.id, {"day": 6})
    assert changed.rule.day == 6
    cal.delete_custom_occasion(db, lunar.id)
    assert [c.title for c in cal.list_custom_occasions(db)] == ["سالروز تأسیس صندوق"]


@pytest.mark.parametrize(
    "values, field",
    [
        ({"title": "", "month": 1, "day": 1}, "title"),
        ({"title": "سالروز", "month": 7, "day": 31}, "day"),
        ({"title": "سالروز", "month": 13, "day": 1}, "month"),
        ({"title": "سالروز", "calendar": "hijri", "month": 2, "day": 31}, "day"),
        ({"title": "سالروز", "calendar": "chinese", "month": 2, "day": 3}, "calendar"),
    ],
)
def test_custom_occasion_validation(db, values, field):
    with pytest.raises(ValidationError) as info:
        cal.add_custom_occasion(db, values)
    assert info.value.field == field


def test_range_model_across_the_new_year(db):
    model = cal.range_model(db, J(1404, 12, 28), J(1405, 1, 2))
    assert [e.info.jalali_iso for e in model] == ["1404/12/28", "1404/12/29", "1405/01/01", "1405/01/02"]
    with pytest.raises(ValidationError):
        cal.range_model(db, J(1405, 1, 2), J(1405, 1, 1))


def test_lunar_correction_moves_lunar_occasions_outside_the_table(db):
    ashura = lambda: [e.date for e in cal.year_model(db, 1415) if "عاشورای حسینی" in titles(e)]  # noqa: E731
    inside = lambda: [e.date for e in cal.year_model(db, 1405) if "عاشورای حسینی" in titles(e)]  # noqa: E731
    before, before_inside = ashura(), inside()
    update_settings(db, {"lunar_correction": "1"})
    assert [d + dt.timedelta(days=1) for d in ashura()] == before
    assert inside() == before_inside  # Iran's table wins inside its years


def test_reminders_due(db):
    soon = cal.add_event(db, {"title": "همایش", "date": "1405/02/27", "reminder_days": 3})
    cal.add_event(db, {"title": "بی‌یادآوری", "date": "1405/02/27"})
    cancelled = cal.add_event(db, {"title": "لغو", "date": "1405/02/27", "reminder_days": 5, "status": "cancelled"})
    assert cal.reminders_due(db, J(1405, 2, 23)) == []
    due = cal.reminders_due(db, J(1405, 2, 24))
    assert [o.event.id for o in due] == [soon.id] and due[0].remind_on == J(1405, 2, 24)
    assert cal.reminders_due(db, J(1405, 2, 28)) == []
    assert cancelled.id not in [o.event.id for o in cal.reminders_due(db, J(1405, 2, 26))]


def test_upcoming_and_agenda(db):
    cal.add_event(db, {"title": "جلسهٔ شورا", "type": "meeting", "date": "1405/02/25"})
    days = cal.upcoming(db, J(1405, 2, 20), 14)
    assert len(days) == 14 and days[0].date == J(1405, 2, 20)
    rows = cal.agenda(db, J(1405, 2, 20), J(1405, 3, 3), categories={"office", "meeting"})
    assert [r.item.title for r in rows] == ["جلسهٔ شورا", "روز ارتباطات و روابط عمومی"]
    assert [r.item.title for r in cal.agenda(db, J(1405, 2, 20), J(1405, 3, 3), sources={"event"})] == ["جلسهٔ شورا"]
    assert [r.item.title for r in cal.agenda(db, J(1405, 2, 20), J(1405, 3, 3), text="روابط عمومي")] == ["روز ارتباطات و روابط عمومی"]


def test_year_model_with_2000_events_puts_one_on_every_day(db):
    rows = [
        {"title": f"مراسم {i}", "type": "ceremony", "date": (J(1405, 1, 1) + dt.timedelta(days=i % 365)).isoformat(),
         "all_day": 1, "location": "", "description": "", "status": "planned",
         "recurrence": "none" if i % 10 else "monthly_jalali", "search_key": "", "created_at": "x", "updated_at": "x"}
        for i in range(2000)
    ]
    db["events"].insert_all(rows)
    model = cal.year_model(db, 1405)
    assert sum(titles(e, "event") != [] for e in model) == 365


# -- export ---------------------------------------------------------------------------------------


def test_json_export_is_the_whole_year(db):
    days = json.loads(export_year(db, "۱۴۰۵", "json"))
    assert len(days) == 365
    assert days[0]["gregorian"] == "2026-03-21" and days[-1]["jalali"] == "1405/12/29"


def test_csv_export_has_a_row_per_item_and_per_empty_day(db):
    model = cal.range_model(db, J(1405, 1, 1), J(1405, 1, 31))
    rows = list(csv.DictReader(io.StringIO(to_csv(model))))
    assert {r["jalali"] for r in rows} == {e.info.jalali_iso for e in model}
    assert len(rows) == sum(max(1, len(e.occasions)) for e in model)
    assert rows[0]["title"] == "آغاز نوروز" and rows[0]["holiday"] == "1"


def test_ics_parses_back_with_the_right_dates(db):
    pid = person(db, "علی", "رضایی", birthday="1360/05/12", is_staff=True)
    event = cal.add_event(db, {"title": "همایش روابط عمومی", "date": "1405/02/27", "all_day": False,
                               "start_time": "10:00", "end_time": "12:30", "location": "تالار", "reminder_days": 2})
    parsed = icalendar.Calendar.from_ical(export_year(db, 1405, "ics"))
    events = list(parsed.walk("VEVENT"))
    by_summary = {}
    for item in events:
        by_summary.setdefault(str(item["SUMMARY"]), []).append(item)
    nowruz = by_summary["آغاز نوروز"][0]
    assert nowruz["DTSTART"].dt == dt.date(2026, 3, 21)
    assert nowruz["DTEND"].dt == dt.date(2026, 3, 22)
    fitr = sorted(e["DTSTART"].dt for e in by_summary["عید سعید فطر"])
    assert fitr == [dt.date(2026, 3, 21), dt.date(2027, 3, 10)]
    seminar = by_summary["همایش روابط عمومی"][0]
    start = seminar["DTSTART"].dt
    assert (start.date(), start.hour, start.minute) == (J(1405, 2, 27), 10, 0)
    assert start.utcoffset() == dt.timedelta(hours=3, minutes=30)
    assert seminar["DTEND"].dt - start == dt.timedelta(hours=2, minutes=30)
    assert str(seminar["LOCATION"]) == "تالار"
    assert str(seminar["UID"]).startswith(f"event-{event.id}-")
    alarm = list(seminar.walk("VALARM"))[0]
    assert alarm["TRIGGER"].dt == -dt.timedelta(days=2)
    assert list(parsed.walk("VTIMEZONE"))[0]["TZID"] == "Asia/Tehran"
    birthday = by_summary["تولد علی رضایی"][0]
    assert birthday["DTSTART"].dt == J(1405, 5, 12) and f"birthday-{pid}-" in str(birthday["UID"])
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_export_functions_work_on_any_range(db):
    model = cal.range_model(db, J(1405, 2, 27), J(1405, 2, 27))
    assert json.loads(to_json(model))[0]["jalali"] == "1405/02/27"
    parsed = icalendar.Calendar.from_ical(to_ics(model, name="آزمایش"))
    assert {str(e["SUMMARY"]) for e in parsed.walk("VEVENT")} == {i.title for i in model[0].occasions}
    assert str(parsed["X-WR-CALNAME"]) == "آزمایش"


@pytest.mark.parametrize("year", ["14", "2026", "سال", ""])
def test_bad_year_is_refused(year):
    with pytest.raises(ValidationError, match="چهاررقمی"):
        check_year(year)


def test_bad_format_is_refused(db):
    with pytest.raises(ValidationError, match="قالب"):
        export_year(db, 1405, "pdf")


def test_contacts_birthdays_are_read_once_until_something_changes(db):
    """Issue 12 §4: a month switch does not read every birthday again; a new contact does."""
    person(db, "نرگس", "امینی", birthday="1370/06/08")
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        cal.year_model(db, 1405)
        cal.month_model(db, 1405, 6)
        cal.month_model(db, 1405, 7)
        reads = [s for s in statements if "GROUP BY birthday" in s]
        assert len(reads) == 1
        person(db, "حسن", "امینی", birthday="1370/06/08")
        statements.clear()
        cal.month_model(db, 1405, 6)
        assert len([s for s in statements if "GROUP BY birthday" in s]) == 1
    finally:
        db.conn.set_trace_callback(None)


def test_the_model_is_built_again_after_any_write_here_or_from_another_connection(db, tmp_path):
    first = cal.month_model(db, 1405, 6)
    again = cal.month_model(db, 1405, 6)
    assert [titles(e) for e in first] == [titles(e) for e in again]
    again[0].occasions.append("changed by a caller")
    assert "changed by a caller" not in cal.month_model(db, 1405, 6)[0].occasions  # each caller its own lists
    cal.add_event(db, {"title": "جلسهٔ شورا", "date": "1405/06/01"})
    assert "جلسهٔ شورا" in titles(cal.month_model(db, 1405, 6)[0])
    other = open_database(db.conn.execute("PRAGMA database_list").fetchone()[2])
    cal.add_event(other, {"title": "بازدید", "date": "1405/06/01"})
    other.close()
    assert "بازدید" in titles(cal.month_model(db, 1405, 6)[0])


def test_exports_say_where_a_lunar_date_is_not_official(db):
    rows = list(csv.DictReader(io.StringIO(export_year(db, 1407, "csv"))))
    assert {r["lunar_source"] for r in rows} == {"predicted", "estimated"}
    parsed = icalendar.Calendar.from_ical(export_year(db, 1407, "ics"))
    ashura = [e for e in parsed.walk("VEVENT") if str(e["SUMMARY"]) == "عاشورای حسینی"]
    assert ashura and all(str(e["X-PRDESK-LUNAR-SOURCE"]) == "estimated" for e in ashura)
    assert all("برآورد" in str(e["DESCRIPTION"]) for e in ashura)
    nowruz = next(e for e in parsed.walk("VEVENT") if str(e["SUMMARY"]) == "آغاز نوروز")
    assert "برآورد" not in str(nowruz["DESCRIPTION"])  # a Jalali occasion is as sure as the calendar
