"""The record of media and public work and the figures of the periodic report."""

import datetime as dt

import pytest

from prdesk.core.activity import month_period, season_period, year_period
from prdesk.core.jalali import to_gregorian
from prdesk.errors import ValidationError
from prdesk.store import activity as store
from prdesk.store import contacts
from prdesk.store.db import open_database
from prdesk.store.letters import register_letter, void_letter
from prdesk.store.report import summary


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "a.sqlite3")
    yield database
    database.close()


def _add(db, date, kind="news", **values):
    return store.add_activity(db, {"date": date, "kind": kind, "title": values.pop("title", f"خبر {date}"), **values})


def test_add_accepts_keys_persian_names_and_digits(db):
    entry = _add(db, "۱۴۰۵/۰۷/۱۰", kind="مصاحبه", level="ملی", tone="positive", outlet="ايرنا")
    assert entry.kind == "interview" and entry.level == "national" and entry.tone == "positive"
    assert entry.date == to_gregorian(1405, 7, 10) and entry.outlet == "ایرنا"
    assert [e.id for e in store.list_activities(db, text="ایرنا")] == [entry.id]
    assert [e.id for e in store.list_activities(db, text="ايرنا")] == [entry.id]


@pytest.mark.parametrize("values, field, words", [
    ({"date": "1405/07/10", "kind": "news", "title": "  "}, "title", "عنوان"),
    ({"date": "1405/13/10", "kind": "news", "title": "x"}, "date", "ماه"),
    ({"date": "1405/07/10", "kind": "podcast", "title": "x"}, "kind", "شناخته نشد"),
    ({"date": "1405/07/10", "kind": "news", "title": "x", "level": "جهانی"}, "level", "سطح"),
    ({"date": "1405/07/10", "kind": "news", "title": "x", "link": "javascript:alert(1)"}, "link", "http"),
])
def test_bad_entries_are_refused_and_nothing_is_written(db, values, field, words):
    with pytest.raises(ValidationError, match=words) as raised:
        store.add_activity(db, values)
    assert raised.value.field == field
    assert store.count_activities(db) == 0


def test_kinds_are_an_editable_list(db):
    key = store.add_kind(db, "مستند تلویزیونی")
    assert store.kinds(db)[key] == "مستند تلویزیونی"
    assert _add(db, "1405/07/01", kind="مستند تلویزیونی").kind == key
    with pytest.raises(ValidationError, match="هست"):
        store.add_kind(db, "مستند  تلويزيوني")


def test_outlet_from_contacts_and_people(db):
    outlet = contacts.add_organization(db, {"name": "خبرگزاری ایرنا", "kind": "رسانه"}).id
    person = contacts.add_person(db, {"first_name": "مریم", "last_name": "احمدی"}).id
    entry = _add(db, "1405/07/01", outlet_org_id=outlet, people=[person])
    assert entry.outlet == "خبرگزاری ایرنا" and entry.people == (person,)
    changed = store.update_activity(db, entry.id, {"title": "خبر اصلاح‌شده", "people": []})
    assert changed.title == "خبر اصلاح‌شده" and changed.people == () and changed.outlet_org_id == outlet
    store.delete_activity(db, entry.id)
    assert store.count_activities(db) == 0


def test_import_of_clippings_is_all_or_nothing(db, tmp_path):
    good = tmp_path / "clips.csv"
    good.write_text("تاریخ,عنوان,رسانه,سطح\n1405/07/01,خبر یک,همشهری,ملی\n1405/07/02,خبر دو,اصفهان امروز,استانی\n", encoding="utf-8")
    assert store.import_activities(db, good).added == 2
    assert {e.kind for e in store.list_activities(db)} == {"clipping"}
    bad = tmp_path / "bad.csv"
    bad.write_text("تاریخ,عنوان\n1405/07/03,خبر سه\n1405/02/40,خبر چهار\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="سطر ۳"):
        store.import_activities(db, bad)
    assert store.count_activities(db) == 2


def test_report_counts_the_period_its_edges_and_the_comparisons(db):
    autumn = season_period(1405, 3)
    _add(db, "1405/07/01", level="national")  # first day of the season
    _add(db, "1405/09/30", kind="interview", level="provincial", tone="positive")  # last day
    _add(db, "1405/10/01")  # the day after: winter
    _add(db, "1405/06/31")  # the day before: summer, the previous period
    _add(db, "1404/07/15", level="national")  # the same season last year
    result = summary(db, autumn)
    media = result.area("media")
    assert (media.current.total, media.previous.total, media.last_year.total) == (2, 1, 1)
    assert media.current.breakdowns["by_kind"].counts == {"interview": 1, "news": 1}
    assert media.current.figures["national"][1] == 1
    assert [item["title"] for item in media.current.items] == ["خبر 1405/07/01"]
    data = result.as_json()
    assert data["media"]["total"] == 2 and data["media"]["previous"] == 1 and data["media"]["last_year"] == 1
    assert data["media"]["by_level"] == {"national": 1, "provincial": 1}
    assert data["period"] == {"from": "1405/07/01", "to": "1405/09/30", "kind": "season"}


def test_report_counts_letters_and_leap_esfand(db):
    from prdesk.core.letter_number import Letter

    last_day = to_gregorian(1403, 12, 30)  # a leap Esfand's last day
    for day in (to_gregorian(1403, 12, 29), last_day, to_gregorian(1404, 1, 1)):
        register_letter(db, Letter(body="متن", subject="موضوع", date=day))
    row_id = register_letter(db, Letter(body="متن", subject="باطل", date=last_day))[0]
    void_letter(db, row_id, "اشتباه")
    letters = summary(db, month_period(1403, 12)).area("letters")
    assert letters.current.total == 3
    assert letters.current.figures["void"][1] == 1 and letters.current.figures["issued"][1] == 2
    assert summary(db, year_period(1404)).area("letters").current.total == 1


def test_areas_without_data_are_marked_empty(db):
    result = summary(db, season_period(1405, 3))
    assert all(area.empty for area in result.areas if area.key != "contacts")
    assert {"letters", "events", "contacts", "media"} <= set(result.as_json())


def test_a_new_database_starts_with_the_catalog_of_kinds(db):
    from prdesk.core.activity import KINDS

    assert store.kinds(db) == KINDS
