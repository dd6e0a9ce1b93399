"""The template engine: Persian placeholders, unknown and missing ones, SMS parts, bereavement days."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prdesk.core.messages import bereavement_dates, recipient_values
from prdesk.core.templates import PLACEHOLDERS, check_template_text, placeholders_in, render, sms_parts, unknown_placeholders
from prdesk.errors import ValidationError


def test_every_placeholder_of_the_issue_is_known():
    expected = {"عنوان", "نام", "نام_خانوادگی", "نام_کامل", "سمت", "سازمان", "مناسبت", "تاریخ", "متوفی", "مرحوم",
                "نسبت", "امضاکننده", "سمت_امضاکننده"}
    assert set(PLACEHOLDERS) == expected


def test_render_fills_and_shows_digits_in_persian():
    result = render("{عنوان} {نام_کامل}، {مناسبت} {تاریخ}", {"عنوان": "سرکار خانم دکتر", "نام_کامل": "مریم احمدی",
                                                           "مناسبت": "عید نوروز", "تاریخ": "1405/01/01"})
    assert result.ok
    assert result.text == "سرکار خانم دکتر مریم احمدی، عید نوروز ۱۴۰۵/۰۱/۰۱"


def test_unknown_and_missing_placeholders_are_flagged_and_left_as_typed():
    result = render("{عنوان} {نام} {سمت} {نام‌خانوادگی} {امضا}", {"عنوان": "جناب آقای", "نام": "علی"})
    assert result.unknown == ["امضا"]
    assert result.missing == ["سمت", "نام_خانوادگی"]
    assert not result.ok
    assert "{امضا}" in result.text and "{سمت}" in result.text
    assert "{امضا}" in result.problem() and "{سمت}" in result.problem()


def test_a_space_or_zwnj_inside_a_name_reads_as_underscore():
    assert placeholders_in("{نام خانوادگی} {نام‌خانوادگی} { سمت }") == ["نام_خانوادگی", "سمت"]
    assert unknown_placeholders("{نام خانوادگی}") == []


def test_check_template_text_refuses_an_unknown_placeholder():
    with pytest.raises(ValidationError, match="شناخته نشد"):
        check_template_text("نوروز", "{عنوان} {مقام}")
    with pytest.raises(ValidationError, match="عنوان الگو"):
        check_template_text(" ", "متن")


@pytest.mark.parametrize(("length", "parts"), [(0, 0), (1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)])
def test_sms_parts(length, parts):
    assert sms_parts("س" * length) == parts


@given(st.text(alphabet="سلام علیکم ۱۲۳", min_size=1, max_size=400))
def test_sms_parts_hold_the_text(text):
    parts = sms_parts(text)
    assert len(text) <= (70 if parts == 1 else parts * 67)
    assert parts == 1 or len(text) > 70


def test_bereavement_days_count_the_day_of_death_as_the_first():
    died = dt.date(2026, 5, 10)
    days = {key: day for key, _, day in bereavement_dates(died)}
    assert days["third"] == dt.date(2026, 5, 12)
    assert days["seventh"] == dt.date(2026, 5, 16)
    assert days["fortieth"] == dt.date(2026, 6, 18)
    assert days["anniversary"] == dt.date(2027, 5, 10)  # 20 Ordibehesht 1405 → 1406


def test_a_lunar_anniversary_is_about_eleven_days_earlier():
    died = dt.date(2026, 5, 10)
    lunar = dict((k, d) for k, _, d in bereavement_dates(died, "lunar"))["anniversary"]
    assert 353 <= (lunar - died).days <= 356


def test_recipient_values_resolve_the_salutation_and_the_deceased():
    values = recipient_values(
        {"gender": "female", "first_name": "زهرا", "last_name": "کریمی", "organization": "اتحادیه"},
        occasion="تسلیت", bereavement={"deceased_name": "حسن کریمی", "deceased_gender": "male", "relation": "پدر"},
    )
    assert values["عنوان"] == "سرکار خانم"
    assert values["نام_کامل"] == "زهرا کریمی"
    assert (values["مرحوم"], values["متوفی"], values["نسبت"]) == ("مرحوم", "حسن کریمی", "پدر")
