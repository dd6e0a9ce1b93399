"""Organizations and people: saving, editing, deleting, positions, the query API and the schema upgrade."""

import sqlite3

import pytest

from prdesk.core.contacts import DEFAULT_ACTIVITIES, DEFAULT_KINDS, ContactFilter
from prdesk.errors import NotFound, ValidationError
from prdesk.store import contacts as store
from prdesk.store.db import open_database
from prdesk.store.migrations import migrations


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.sqlite3")
    yield database
    store.check_search_index(database)
    database.close()


def _org(db, **fields):
    data = {"name": "اتحادیه صنف نانوایان کاشان", "kind": "اتحادیه", "city": "کاشان", **fields}
    return store.add_organization(db, data).id


def _person(db, **fields):
    data = {"honorific": "آقای", "first_name": "علی", "last_name": "احمدی", **fields}
    return store.add_person(db, data).id


def test_schema_upgrade_from_the_settings_only_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before="m002_contacts")
    old["settings"].insert({"key": "org_address", "value": "اصفهان"})
    old.close()
    db = open_database(path)
    assert db.execute("SELECT value FROM settings").fetchone()[0] == "اصفهان"
    assert store.lookup_values(db, "kind") == list(DEFAULT_KINDS)
    assert store.lookup_values(db, "activity") == list(DEFAULT_ACTIVITIES)
    assert _org(db) == 1
    db.close()


def test_add_and_get_organization_with_phones_and_tags(db):
    change = store.add_organization(db, {
        "name": "شرکت تعاونی مسکن فرهنگیان", "kind": "شرکت تعاونی", "activity": "مسکن", "city": "یزد",
        "phones": [{"label": "دفتر", "number": "035-3622 1100"}, "03536221101"], "tags": "ویژه، خبرنامه",
    })
    assert change.action == "added"
    assert {"name", "phones", "tags"} <= change.fields
    org = store.get_organization(db, change.id)
    assert org["province"] == "یزد"
    assert org["phones"] == [{"label": "دفتر", "number": "03536221100"}, {"label": "", "number": "03536221101"}]
    assert org["tags"] == ["خبرنامه", "ویژه"]


def test_unknown_kind_joins_the_editable_list(db):
    _org(db, kind="کانون")
    assert store.lookup_values(db, "kind")[-1] == "کانون"


def test_update_organization_reports_only_what_changed(db):
    org_id = _org(db)
    change = store.update_organization(db, org_id, {"name": "اتحادیه صنف نانوایان کاشان", "address": "خیابان امام"})
    assert change.action == "updated"
    assert change.fields == {"address"}
    assert store.update_organization(db, org_id, {"address": "خیابان امام"}).action == "unchanged"


def test_renaming_an_organization_updates_the_search_of_its_people(db):
    org_id = _org(db)
    _person(db, organization_id=org_id)
    store.update_organization(db, org_id, {"name": "اتحادیه صنف قنادان"})
    assert store.count_people(db, ContactFilter(text="قنادان")) == 1
    assert store.count_people(db, ContactFilter(text="نانوایان")) == 0


def test_delete_organization_keeps_its_people_unlinked(db):
    org_id = _org(db)
    person_id = _person(db, organization_id=org_id, position="رئیس")
    impact = store.organization_delete_impact(db, org_id)
    assert impact["people"] == 1
    assert "۱ نفر" in impact["message"]
    change = store.delete_organization(db, org_id)
    assert change.details["people_unlinked"] == [person_id]
    person = store.get_person(db, person_id)
    assert person["organization_id"] is None
    assert person["position"] == "رئیس"
    assert store.count_people(db, ContactFilter(text="نانوایان")) == 0
    with pytest.raises(NotFound):
        store.get_organization(db, org_id)


def test_delete_person_removes_tags_and_dates(db):
    person_id = _person(db, tags=["ویژه"], dates=[{"label": "سالگرد درگذشت پدر", "date": "1390/02/03"}])
    store.delete_person(db, person_id)
    assert db.execute("SELECT count(*) FROM person_tags").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM person_dates").fetchone()[0] == 0
    with pytest.raises(NotFound):
        store.get_person(db, person_id)


def test_person_with_dates_tags_and_staff_flag(db):
    person_id = _person(db, is_staff="بله", tags=["همکاران"], birthday="1365/01/15",
                        dates="سالگرد درگذشت پدر: 1390/02/03 ; سالروز ازدواج: 1385/06/20 (یک بار)")
    person = store.get_person(db, person_id)
    assert person["is_staff"] is True
    assert person["birthday"] == "1986-04-04"
    assert person["dates"] == [
        {"label": "سالروز ازدواج", "date": "2006-09-11", "kind": "once"},
        {"label": "سالگرد درگذشت پدر", "date": "2011-04-23", "kind": "yearly"},
    ]
    assert person["full_name"] == "آقای علی احمدی"


def test_change_position_keeps_the_history(db):
    first = _org(db)
    second = _org(db, name="شرکت تعاونی مصرف فرهنگیان", city="اصفهان")
    person_id = _person(db, organization_id=first, position="رئیس")
    store.change_position(db, person_id, "مدیرعامل", second, date="1402/01/15")
    store.change_position(db, person_id, "رئیس هیئت مدیره", date="1403/07/01")
    person = store.get_person(db, person_id)
    assert (person["position"], person["organization_id"], person["position_since"]) == ("رئیس هیئت مدیره", second, "2024-09-22")
    history = [(h["position"], h["organization"], h["from_date"], h["to_date"]) for h in person["history"]]
    assert history == [
        ("مدیرعامل", "شرکت تعاونی مصرف فرهنگیان", "2023-04-04", "2024-09-22"),
        ("رئیس", "اتحادیه صنف نانوایان کاشان", None, "2023-04-04"),
    ]
    assert store.position_holder(db, second, "رئیس هیئت‌مدیره")["id"] == person_id


def test_history_survives_deleting_the_old_organization(db):
    org_id = _org(db)
    person_id = _person(db, organization_id=org_id, position="رئیس")
    store.change_position(db, person_id, "بازنشسته", None, date="1403/01/01")
    store.delete_organization(db, org_id)
    assert store.position_history(db, person_id)[0]["organization"] == "اتحادیه صنف نانوایان کاشان"


def test_edit_with_keep_history_records_the_old_position(db):
    person_id = _person(db, position="دبیر")
    store.update_person(db, person_id, {"position": "رئیس"}, keep_history=True)
    store.update_person(db, person_id, {"position": "رییس اتحادیه"})
    assert [h["position"] for h in store.position_history(db, person_id)] == ["دبیر"]


def test_change_position_before_the_current_one_is_refused(db):
    person_id = _person(db, position="دبیر")
    store.change_position(db, person_id, "رئیس", date="1403/01/01")
    with pytest.raises(ValidationError):
        store.change_position(db, person_id, "بازرس", date="1402/01/01")


@pytest.mark.parametrize(
    ("typed", "stored_name"),
    [
        ("كاشان", "کاشان"),
        ("کاشان", "كاشان"),
        ("۰۹۱۲", None),
        ("٠٩١٢", None),
        ("علی رضا", None),
        ("علیرضا", None),
        ("علي‌رضا", None),
        ("0912 123 4567", None),
        ("+98 912 123 4567", None),
        ("نانوایان كاشان", None),
        ("احمدی علیرضا", None),
    ],
)
def test_search_normalizes_spelling_and_digits(db, typed, stored_name):
    org_id = _org(db, name="اتحادیه صنف نانوایان " + (stored_name or "کاشان"))
    for first in ("علیرضا", "علی‌رضا", "علی رضا"):
        _person(db, first_name=first, organization_id=org_id, mobile="09121234567" if first == "علیرضا" else "")
    _person(db, first_name="حسن", last_name="کریمی")
    expected = 1 if typed[0] in "0۰٠+" else 3
    found = store.query_people(db, ContactFilter(text=typed))
    assert len(found) == expected, [p["full_name"] for p in found]
    assert store.count_people(db, ContactFilter(text=typed)) == expected


def test_search_finds_position_title_and_organization_phone(db):
    org_id = _org(db, phones=["03155443322"])
    _person(db, title="دکتر", position="مدیرعامل", organization_id=org_id)
    assert store.count_people(db, ContactFilter(text="مدیر عامل")) == 1
    assert store.count_people(db, ContactFilter(text="دکتر")) == 1
    assert store.count_organizations(db, ContactFilter(text="۵۵۴۴۳")) == 1
    assert store.count_people(db, ContactFilter(text="ژ")) == 0


def test_one_and_two_letter_searches(db):
    _person(db, first_name="حسن", last_name="ربیعی")
    _person(db, last_name="عباسی")
    _person(db, first_name="زهرا", last_name="کریمی")
    assert [p["last_name"] for p in store.query_people(db, ContactFilter(text="ع"))] == ["عباسی", "ربیعی"]
    assert [p["last_name"] for p in store.query_people(db, ContactFilter(text="زه"))] == ["کریمی"]
    assert store.count_people(db, ContactFilter(text="ع")) == 2


def test_best_match_first(db):
    _person(db, first_name="محمد", last_name="رضایی", position="مسئول رضا")
    _person(db, first_name="حسن", last_name="رضا")
    _person(db, first_name="رضا", last_name="")
    names = [r["name"] for r in store.search_contacts(db, "رضا")]
    assert names[0] == "آقای رضا"
    assert names[-1] == "آقای محمد رضایی"


def test_filters_sorting_and_paging(db):
    tehran = _org(db, name="بانک ملت شعبه مرکزی", kind="بانک", activity="اعتبار", city="تهران")
    kashan = _org(db, tags=["دعوت"])
    names = ["یزدی", "آقایی", "پاکزاد", "بهرامی", "چمران", "احمدی", "کریمی", "گلپایگانی", "هاشمی", "وکیلی"]
    for i, last in enumerate(names):
        _person(db, first_name="علی", last_name=last, organization_id=tehran if i % 2 else kashan,
                is_staff=i == 3, tags=["ویژه"] if i < 4 else [])
    ordered = [p["last_name"] for p in store.query_people(db, ContactFilter(), "name", limit=None)]
    assert ordered == ["آقایی", "احمدی", "بهرامی", "پاکزاد", "چمران", "کریمی", "گلپایگانی", "وکیلی", "هاشمی", "یزدی"]
    assert [p["last_name"] for p in store.query_people(db, ContactFilter(), "name", limit=3, offset=8)] == ["هاشمی", "یزدی"]
    reverse = [p["last_name"] for p in store.query_people(db, ContactFilter(), "name", limit=None, descending=True)]
    assert reverse == ordered[::-1]
    assert store.count_people(db, ContactFilter(kind="بانک")) == 5
    assert store.count_people(db, ContactFilter(province="تهران")) == 5
    assert store.count_people(db, ContactFilter(city="کاشان", tag="ویژه")) == 2
    assert store.count_people(db, ContactFilter(staff=True)) == 1
    assert store.count_people(db, ContactFilter(organization_id=kashan)) == 5
    assert store.count_organizations(db, ContactFilter(tag="دعوت")) == 1
    assert store.count_organizations(db, ContactFilter(activity="اعتبار")) == 1
    rows = store.query_people(db, ContactFilter(kind="بانک"), "organization")
    assert {r["organization"] for r in rows} == {"بانک ملت شعبه مرکزی"}
    by_city = [r["city"] for r in store.query_people(db, ContactFilter(), "city", limit=None)]
    assert by_city == sorted(by_city, key=lambda c: c != "تهران")
    orgs = store.query_organizations(db, ContactFilter(), "people_count", descending=True)
    assert orgs[0]["people_count"] == 5


def test_every_advertised_order_runs(db):
    _person(db, organization_id=_org(db))
    for order in store.PEOPLE_ORDERS:
        assert len(store.query_people(db, ContactFilter(text="علی"), order)) == 1
    for order in store.ORGANIZATION_ORDERS:
        assert len(store.query_organizations(db, ContactFilter(text="نانوا"), order)) == 1


def test_ids_filter_keeps_a_selection(db):
    ids = [_person(db, last_name=name) for name in ("الف", "ب", "پ")]
    assert [p["id"] for p in store.query_people(db, ContactFilter(ids=(ids[2], ids[0])))] == [ids[0], ids[2]]


def test_lookup_lists_rename_and_guarded_remove(db):
    org_id = _org(db, kind="اتحادیه")
    assert store.rename_lookup_value(db, "kind", "اتحادیه", "اتحادیه صنفی") == 1
    assert store.get_organization(db, org_id)["kind"] == "اتحادیه صنفی"
    with pytest.raises(ValidationError):
        store.remove_lookup_value(db, "kind", "اتحادیه صنفی")
    store.remove_lookup_value(db, "kind", "رسانه")
    assert "رسانه" not in store.lookup_values(db, "kind")
    assert store.add_lookup_value(db, "activity", "فرش دستباف") is False
    assert store.add_lookup_value(db, "activity", "گردشگری") is True


def test_list_cities_and_tags(db):
    _org(db)
    _org(db, name="بانک", city="آران و بیدگل")
    assert store.list_cities(db) == ["آران و بیدگل", "کاشان"]
    assert "نطنز" in store.list_cities(db, "اصفهان")
    _person(db, tags=["ویژه"])
    assert store.list_tags(db) == [{"name": "ویژه", "people": 1, "organizations": 0}]


def test_search_index_follows_every_write(db):
    org_id = _org(db)
    person_id = _person(db, organization_id=org_id)
    store.update_person(db, person_id, {"last_name": "کاظمی"})
    assert store.count_people(db, ContactFilter(text="کاظمی")) == 1
    assert store.count_people(db, ContactFilter(text="احمدی")) == 0
    store.delete_person(db, person_id)
    store.check_search_index(db)
    assert store.count_people(db, ContactFilter(text="کاظمی")) == 0


def test_deferred_search_index_is_whole_at_commit_and_rolls_back(db):
    _person(db, last_name="پیشین")
    with pytest.raises(ZeroDivisionError):
        with db.atomic(), store.deferred_search_index(db):
            _person(db, last_name="موقت")
            1 / 0
    assert store.count_people(db) == 1
    # A caller that swallows the error still commits a whole index: the block undid its rows.
    with db.atomic():
        with pytest.raises(ZeroDivisionError), store.deferred_search_index(db):
            _person(db, last_name="موقت")
            1 / 0
        _person(db, last_name="بعدی")
    store.check_search_index(db)
    assert store.count_people(db) == 2 and store.count_people(db, ContactFilter(text="موقت")) == 0
    with store.deferred_search_index(db):
        _person(db, last_name="بی‌تراکنش")
    assert store.count_people(db, ContactFilter(text="بی‌تراکنش")) == 1
    with db.atomic(), store.deferred_search_index(db):
        new_id = _person(db, last_name="تازه")
        store.update_person(db, new_id, {"last_name": "تازه‌تر"})
        store.update_person(db, 1, {"last_name": "پیشین‌تر"})
    store.check_search_index(db)
    assert store.count_people(db, ContactFilter(text="تازه‌تر")) == 1
    assert store.count_people(db, ContactFilter(text="پیشین‌تر")) == 1
    assert db.execute("SELECT count(*) FROM search_index_deferred").fetchone()[0] == 0


def test_a_broken_index_is_detected(db):
    _person(db)
    db.execute("DROP TRIGGER people_fts_delete")
    db.execute("DELETE FROM people")
    with pytest.raises(sqlite3.DatabaseError):
        store.check_search_index(db)
    db.execute("INSERT INTO people_fts (people_fts) VALUES ('rebuild')")


def test_upgrade_drops_the_insert_triggers_and_keeps_the_index_whole(tmp_path):
    path = tmp_path / "before-m012.sqlite3"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before="m012_contacts_index_rows_on_insert")
    # What the previous schema's triggers indexed on their own.
    old.execute(
        "INSERT INTO people (last_name, created_at, updated_at, name_key, sort_name, search_key)"
        " VALUES ('پیشین', '', '', 'پیشین', 'پیشین', 'پیشین')"
    )
    old.close()
    db = open_database(path)
    assert not db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_insert'").fetchall()
    _person(db, last_name="پسین")
    store.check_search_index(db)
    assert store.count_people(db, ContactFilter(text="پیشین")) == 1
    assert store.count_people(db, ContactFilter(text="پسین")) == 1
    db.close()
