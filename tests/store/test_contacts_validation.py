"""Every bad input a clerk can type is refused in plain Persian, names its field, and writes nothing."""

import datetime as dt

import pytest

from prdesk.core import contacts as core
from prdesk.errors import ValidationError
from prdesk.store import contacts as store
from prdesk.store.db import open_database


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "t.sqlite3")
    yield database
    database.close()


def _nothing_written(db):
    return store.count_people(db) == 0 and store.count_organizations(db) == 0 and not store.list_tags(db)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"name": "  "}, "name", "نام سازمان"),
        ({"name": "اتحادیه", "postal_code": "81348"}, "postal_code", "ده رقم"),
        ({"name": "اتحادیه", "postal_code": "۸۱۳۴۸۱۳۷۴۶۱"}, "postal_code", "ده رقم"),
        ({"name": "اتحادیه", "postal_code": "8134A13746"}, "postal_code", "ده رقم"),
        ({"name": "اتحادیه", "phones": ["32224455"]}, "phones", "پیش‌شماره"),
        ({"name": "اتحادیه", "phones": "031-322"}, "phones", "یازده رقم"),
        ({"name": "اتحادیه", "fax": "3222445"}, "fax", "یازده رقم"),
        ({"name": "اتحادیه", "email": "info@tavon"}, "email", "ایمیل"),
        ({"name": "اتحادیه", "email": "اطلاعات@تعاون.ir"}, "email", "ایمیل"),
        ({"name": "اتحادیه", "province": "کالیفرنیا"}, "province", "۳۱ استان"),
        ({"name": "اتحادیه", "tags": ["ویژه"], "email": "bad"}, "email", "ایمیل"),
    ],
)
def test_bad_organization_is_refused_and_nothing_written(db, data, field, words):
    with pytest.raises(ValidationError) as caught:
        store.add_organization(db, data)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert _nothing_written(db)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"first_name": "", "last_name": " "}, "last_name", "نام یا نام خانوادگی"),
        ({"last_name": "احمدی", "mobile": "0912123456"}, "mobile", "۰۹"),
        ({"last_name": "احمدی", "mobile": "09121234567890"}, "mobile", "یازده رقم"),
        ({"last_name": "احمدی", "mobile": "03132224455"}, "mobile", "با ۰۹ شروع"),
        ({"last_name": "احمدی", "mobile": "9.12346E+09"}, "mobile", "عدد علمی"),
        ({"last_name": "احمدی", "phone": "32224455"}, "phone", "پیش‌شماره"),
        ({"last_name": "احمدی", "phone": "۰۳۱۳۲۲۲"}, "phone", "یازده رقم"),
        ({"last_name": "احمدی", "email": "ali.ahmadi@"}, "email", "ایمیل"),
        ({"last_name": "احمدی", "email": "ali ahmadi@mail.ir"}, "email", "ایمیل"),
        ({"last_name": "احمدی", "birthday": "1404/12/30"}, "birthday", "کبیسه نیست"),
        ({"last_name": "احمدی", "birthday": "1360/13/01"}, "birthday", "ماه"),
        ({"last_name": "احمدی", "birthday": "1360/07/31"}, "birthday", "۳۰ روز"),
        ({"last_name": "احمدی", "birthday": "دیروز"}, "birthday", "تاریخ نیست"),
        ({"last_name": "احمدی", "birthday": "1980/05/12"}, "birthday", "میلادی"),
        ({"last_name": "احمدی", "honorific": "قربان"}, "honorific", "آقای"),
        ({"last_name": "احمدی", "gender": "نامعلوم"}, "gender", "مرد"),
        ({"last_name": "احمدی", "dates": [{"label": "", "date": "1390/01/01"}]}, "dates", "عنوان"),
        ({"last_name": "احمدی", "dates": [{"label": "سالگرد", "date": "1390/01/32"}]}, "dates", "روز"),
    ],
)
def test_bad_person_is_refused_and_nothing_written(db, data, field, words):
    with pytest.raises(ValidationError) as caught:
        store.add_person(db, data)
    assert caught.value.field == field
    assert words in str(caught.value)
    assert _nothing_written(db)


def test_birthday_in_the_future_is_refused(db):
    from prdesk.core.jalali import format_jalali_iso

    tomorrow = format_jalali_iso(dt.date.today() + dt.timedelta(days=2))
    with pytest.raises(ValidationError) as caught:
        store.add_person(db, {"last_name": "احمدی", "birthday": tomorrow})
    assert caught.value.field == "birthday"
    assert _nothing_written(db)


def test_person_in_a_missing_organization_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        store.add_person(db, {"last_name": "احمدی", "organization_id": 999})
    assert caught.value.field == "organization_id"
    assert _nothing_written(db)


def test_failed_update_changes_nothing(db):
    org = store.add_organization(db, {"name": "اتحادیه صنف نانوایان", "postal_code": "8134813746"})
    before = store.get_organization(db, org.id)
    with pytest.raises(ValidationError):
        store.update_organization(db, org.id, {"name": "اتحادیه تازه", "postal_code": "123"})
    assert store.get_organization(db, org.id) == before


def test_clearing_both_names_on_update_is_refused(db):
    person = store.add_person(db, {"first_name": "علی", "last_name": ""})
    with pytest.raises(ValidationError) as caught:
        store.update_person(db, person.id, {"first_name": ""})
    assert caught.value.field == "last_name"
    assert store.get_person(db, person.id)["first_name"] == "علی"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("09121234567", "09121234567"),
        ("۰۹۱۲ ۱۲۳ ۴۵۶۷", "09121234567"),
        ("٠٩١٢١٢٣٤٥٦٧", "09121234567"),
        ("+98 912 123 4567", "09121234567"),
        ("0098-912-123-4567", "09121234567"),
        ("9121234567", "09121234567"),
        ("9121234567.0", "09121234567"),
        (9121234567.0, "09121234567"),
        (9121234567, "09121234567"),
        ("989121234567", "09121234567"),
        ("9.121234567E+09", "09121234567"),
    ],
)
def test_mobile_forms_are_normalized(typed, stored):
    assert core.normalize_mobile(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("031-32224455", "03132224455"),
        ("(۰۳۱) ۳۲۲۲ ۴۴۵۵", "03132224455"),
        ("+98 31 3222 4455", "03132224455"),
        ("3132224455", "03132224455"),
        ("3132224455.0", "03132224455"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_landline_forms_are_normalized(typed, stored):
    assert core.normalize_phone(typed) == stored


def test_other_fields_are_normalized(db):
    change = store.add_organization(db, {
        "name": "  اتحاديه   صنف كفاشان ", "province": "استان آذربایجان‌شرقی", "city": "تبریز",
        "postal_code": "۵۱۳۶۸-۱۴۷۹۱", "email": "Info@Tavon.IR", "registration_no": "۱۲۳۴",
    })
    org = store.get_organization(db, change.id)
    assert org["name"] == "اتحادیه صنف کفاشان"
    assert org["province"] == "آذربایجان شرقی"
    assert org["postal_code"] == "5136814791"
    assert org["email"] == "Info@tavon.ir"
    assert org["registration_no"] == "1234"


def test_province_is_taken_from_a_known_city(db):
    change = store.add_organization(db, {"name": "اتحادیه", "city": "كاشان"})
    assert store.get_organization(db, change.id)["province"] == "اصفهان"


def test_honorific_sets_gender_and_birthday_is_stored_gregorian(db):
    change = store.add_person(db, {"honorific": "سرکار خانم", "first_name": "زهرا", "last_name": "کریمی",
                                   "birthday": "۱۲ مرداد ۱۳۶۰"})
    person = store.get_person(db, change.id)
    assert person["honorific"] == "خانم"
    assert person["gender"] == "female"
    assert person["birthday"] == "1981-08-03"


def test_thirty_one_provinces_with_cities():
    assert len(core.PROVINCES) == 31
    assert all(cities for cities in core.PROVINCES.values())
    assert core.province_of_city("بندرعباس") == "هرمزگان"


def test_split_full_name():
    assert core.split_full_name("جناب آقای دکتر علی رضا احمدی") == ("آقای", "دکتر", "علی رضا", "احمدی")
    assert core.split_full_name("خانم مهندس کریمی") == ("خانم", "مهندس", "", "کریمی")
