"""Likely duplicates are found before saving; merging two records loses no field, tag, history or link."""

import pytest

from prdesk.core.contacts import ContactFilter
from prdesk.errors import NotFound, ValidationError
from prdesk.store import contacts as store
from prdesk.store.db import open_database


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.sqlite3")
    yield database
    store.check_search_index(database)
    database.close()


def test_same_name_in_the_same_city_is_a_duplicate(db):
    org = store.add_organization(db, {"name": "اتحادیه صنف نانوایان کاشان", "city": "کاشان"}).id
    found = store.find_duplicates(db, {"name": "اتحاديه صنف‌نانوایان كاشان", "city": "كاشان"})
    assert [(d["id"], d["reasons"]) for d in found] == [(org, ["همین نام در همین شهر"])]
    assert store.find_duplicates(db, {"name": "اتحادیه صنف نانوایان کاشان", "city": "یزد"}) == []
    assert store.find_duplicates(db, {"name": "اتحادیه صنف نانوایان کاشان", "city": "کاشان", "id": org}) == []


def test_shared_phone_is_a_duplicate(db):
    org = store.add_organization(db, {"name": "بانک ملی شعبه مرکزی", "phones": ["03155443322"], "fax": "03155443399"}).id
    found = store.find_duplicates(db, {"name": "بانک ملی ایران", "phones": "۰۳۱-۵۵۴۴ ۳۳۲۲"})
    assert found[0]["id"] == org
    assert "۰۳۱۵۵۴۴۳۳۲۲" in found[0]["reasons"][0]
    assert store.find_duplicates(db, {"name": "دیگر", "phones": [{"label": "", "number": "03155443399"}]})[0]["id"] == org
    # What the clerk is still typing is not an error here.
    assert store.find_duplicates(db, {"name": "دیگر", "phones": "0315"}) == []


def test_person_duplicates_by_name_in_city_or_mobile(db):
    kashan = store.add_organization(db, {"name": "اتحادیه", "city": "کاشان"}).id
    yazd = store.add_organization(db, {"name": "بانک", "city": "یزد"}).id
    ali = store.add_person(db, {"first_name": "علی‌رضا", "last_name": "احمدی", "organization_id": kashan,
                                "mobile": "09121234567"}).id
    assert [d["id"] for d in store.find_duplicates(db, {"first_name": "علیرضا", "last_name": "احمدي",
                                                         "organization_id": kashan})] == [ali]
    assert store.find_duplicates(db, {"first_name": "علیرضا", "last_name": "احمدی", "organization_id": yazd}) == []
    by_mobile = store.find_duplicates(db, {"first_name": "حسن", "last_name": "کریمی", "mobile": "+989121234567"})
    assert by_mobile[0]["id"] == ali and "همراه" in by_mobile[0]["reasons"][0]
    # Colleagues share the office line; that alone does not make a duplicate.
    store.update_person(db, ali, {"phone": "03155443322"})
    assert store.find_duplicates(db, {"first_name": "حسن", "last_name": "کریمی", "phone": "03155443322"}) == []


def test_merge_organizations_keeps_everything(db):
    keep = store.add_organization(db, {
        "name": "اتحادیه صنف نانوایان کاشان", "kind": "اتحادیه", "city": "کاشان", "address": "خیابان امام",
        "phones": [{"label": "", "number": "03155443322"}], "tags": ["ویژه"], "notes": "یادداشت اول",
    }).id
    drop = store.add_organization(db, {
        "name": "اتحادیه نانوایان کاشان", "kind": "اتحادیه", "city": "کاشان", "address": "خیابان فردوسی",
        "postal_code": "8731713145", "email": "info@nan.ir",
        "phones": [{"label": "دفتر", "number": "03155443322"}, {"label": "فکس", "number": "03155443399"}],
        "tags": ["ویژه", "خبرنامه"], "notes": "یادداشت دوم",
    }).id
    person = store.add_person(db, {"last_name": "احمدی", "organization_id": drop, "position": "رئیس"}).id
    other = store.add_person(db, {"last_name": "کریمی", "position": "دبیر"}).id
    store.change_position(db, other, "بازرس", drop, date="1403/01/01")
    store.change_position(db, other, "دبیر", None, date="1403/06/01")
    change = store.merge_organizations(db, keep, drop)
    assert change.action == "merged"
    assert change.details["moved"]["people"] == 1
    with pytest.raises(NotFound):
        store.get_organization(db, drop)
    org = store.get_organization(db, keep)
    assert org["address"] == "خیابان امام"
    assert org["postal_code"] == "8731713145"
    assert org["email"] == "info@nan.ir"
    assert "خیابان فردوسی" in org["notes"] and "اتحادیه نانوایان کاشان" in org["notes"]
    assert "یادداشت اول" in org["notes"] and "یادداشت دوم" in org["notes"]
    assert org["phones"] == [{"label": "دفتر", "number": "03155443322"}, {"label": "فکس", "number": "03155443399"}]
    assert org["tags"] == ["خبرنامه", "ویژه"]
    assert store.get_person(db, person)["organization_id"] == keep
    assert store.position_history(db, other)[0]["organization_id"] == keep
    assert store.count_people(db, ContactFilter(text="۵۵۴۴۳۳۹۹")) == 0
    assert store.count_organizations(db, ContactFilter(text="۵۵۴۴۳۳۹۹")) == 1


def test_merge_people_keeps_everything(db):
    org_a = store.add_organization(db, {"name": "اتحادیه", "city": "کاشان"}).id
    org_b = store.add_organization(db, {"name": "بانک ملت", "city": "کاشان"}).id
    keep = store.add_person(db, {
        "honorific": "آقای", "first_name": "علیرضا", "last_name": "احمدی", "organization_id": org_a,
        "position": "رئیس", "mobile": "09121234567", "tags": ["ویژه"], "birthday": "1360/05/12",
        "dates": [{"label": "سالگرد درگذشت پدر", "date": "1390/02/03"}],
    }).id
    drop = store.add_person(db, {
        "title": "دکتر", "first_name": "علی‌رضا", "last_name": "احمدی", "organization_id": org_b,
        "position": "مشاور", "mobile": "09351234567", "phone": "03155443322", "email": "a@b.ir",
        "tags": ["ویژه", "خیرین"], "birthday": "1360/05/13", "is_staff": True, "notes": "از فایل قدیمی",
        "dates": [{"label": "سالگرد درگذشت پدر", "date": "1390/02/03"}, {"label": "سالروز ازدواج", "date": "1385/01/01"}],
    }).id
    store.change_position(db, drop, "مشاور ارشد", date="1403/01/01")
    change = store.merge_people(db, keep, drop)
    assert change.action == "merged"
    person = store.get_person(db, keep)
    assert person["title"] == "دکتر"
    assert person["mobile"] == "09121234567"
    assert person["phone"] == "03155443322" and person["email"] == "a@b.ir"
    assert person["is_staff"] is True
    assert person["birthday"] == "1981-08-03"
    assert "09351234567" in person["notes"] and "1360/05/13" in person["notes"] and "از فایل قدیمی" in person["notes"]
    assert person["tags"] == ["خیرین", "ویژه"]
    assert [d["label"] for d in person["dates"]] == ["سالروز ازدواج", "سالگرد درگذشت پدر"]
    history = {(h["position"], h["organization_id"]) for h in person["history"]}
    assert history == {("مشاور ارشد", org_b), ("مشاور", org_b)}
    assert person["position"] == "رئیس" and person["organization_id"] == org_a
    with pytest.raises(NotFound):
        store.get_person(db, drop)
    assert store.count_people(db, ContactFilter(text="09351234567")) == 0


def test_merging_later_tables_links_is_generic(db):
    db.execute("CREATE TABLE later_area_links (id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people (id))")
    keep = store.add_person(db, {"last_name": "احمدی"}).id
    drop = store.add_person(db, {"last_name": "احمدی"}).id
    db.execute("INSERT INTO later_area_links (person_id) VALUES (?)", [drop])
    store.merge_people(db, keep, drop)
    assert db.execute("SELECT person_id FROM later_area_links").fetchone()[0] == keep


def test_merge_with_itself_is_refused(db):
    person = store.add_person(db, {"last_name": "احمدی"}).id
    with pytest.raises(ValidationError):
        store.merge_people(db, person, person)
    org = store.add_organization(db, {"name": "اتحادیه"}).id
    with pytest.raises(ValidationError):
        store.merge_organizations(db, org, org)
