"""The settings table: defaults, validation in Persian, one transaction per save."""

import pytest

from prdesk.errors import ValidationError
from prdesk.store.db import open_database
from prdesk.store.settings import SETTINGS, get_setting, get_settings, update_settings


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "s.sqlite3")
    yield database
    database.close()


def test_defaults_cover_every_setting(db):
    values = get_settings(db)
    assert set(values) == {s.key for s in SETTINGS}
    assert values["letter_number_pattern"] == "{seq}/ص/{yyyy}"
    assert values["paper_size"] == "A4"
    assert values["lunar_correction"] == "0"


def test_update_normalizes_and_reports_changes(db):
    changed = update_settings(db, {"org_postal_code": "۸۱۳۴۸-۱۳۷۴۶", "signatory_name": "علي كريمي", "paper_size": "A4"})
    assert changed == {"org_postal_code", "signatory_name"}
    assert get_setting(db, "org_postal_code") == "8134813746"
    assert get_setting(db, "signatory_name") == "علی کریمی"


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("org_postal_code", "12345", "ده رقم"),
        ("lunar_correction", "3", "۲- تا ۲+"),
        ("lunar_correction", "یک", "۲- تا ۲+"),
        ("paper_size", "Letter", "مجاز نیست"),
        ("letter_number_pattern", "ص/{yyyy}", "{seq}"),
        ("letter_number_pattern", "{seq}/{foo}", "ناشناخته"),
        ("letter_header_order", "date,number", "هر سه"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(db, key, value, words):
    with pytest.raises(ValidationError, match=words) as err:
        update_settings(db, {"signatory_name": "مریم رضایی", key: value})
    assert err.value.field == key
    assert db["settings"].count == 0


def test_lunar_correction_accepts_persian_digits_and_sign(db):
    update_settings(db, {"lunar_correction": "۲-"[::-1]})
    assert get_setting(db, "lunar_correction") == "-2"
    update_settings(db, {"lunar_correction": "+۱"})
    assert get_setting(db, "lunar_correction") == "1"


def test_letter_pattern_accepts_padded_serial(db):
    update_settings(db, {"letter_number_pattern": "{unit}/{seq:5}"})
    assert get_setting(db, "letter_number_pattern") == "{unit}/{seq:5}"
