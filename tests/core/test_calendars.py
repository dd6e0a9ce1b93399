"""One day in the three calendars: reading any date, DayInfo, the text of `prdesk date convert`."""

import dataclasses
import datetime as dt

import pytest

from prdesk.core import hijri
from prdesk.core.calendars import (
    day_info, describe_day, format_gregorian_long, format_gregorian_long_fa, gregorian_month_names,
    gregorian_month_names_en, parse_any_date,
)
from prdesk.core.hijri import HijriDate
from prdesk.errors import ValidationError

SATURDAY = dt.date(2026, 11, 21)  # 30 Aban 1405, 11 Jumada al-Thani 1448


@pytest.mark.parametrize("text", [
    "1405/08/30",
    "۱۴۰۵/۰۸/۳۰",
    "۳۰ آبان ۱۴۰۵",
    "2026-11-21",
    "2026/11/21",
    "2026/11/21 ",
    "۲۰۲۶-۱۱-۲۱",
    "٢٠٢٦/١١/٢١",
    "21 November 2026",
    "21 nov 2026",
    "Saturday 21 November 2026",
    "۲۱ نوامبر ۲۰۲۶",
])
def test_parse_any_date_accepts(text):
    assert parse_any_date(text) == SATURDAY


@pytest.mark.parametrize("text, message", [
    ("", "تاریخ خالی است"),
    ("hello", "تاریخ نیست"),
    ("2026-02-30", "۲۰۲۶-۰۲-۳۰ وجود ندارد: فوریه ۲۰۲۶ ۲۸ روز است."),
    ("2026-13-01", "ماه ۱۳ وجود ندارد"),
    ("21/11/2026", "سال را اول بنویسید"),
    ("1404/12/30", "سال ۱۴۰۴ کبیسه نیست"),
    ("31 آوریل 2026", "وجود ندارد: آوریل ۲۰۲۶ ۳۰ روز است."),
])
def test_parse_any_date_refuses_with_a_reason(text, message):
    with pytest.raises(ValidationError) as caught:
        parse_any_date(text, field="date")
    assert message in str(caught.value)
    assert caught.value.field == "date"


def test_leap_day_gregorian():
    assert parse_any_date("2028-02-29") == dt.date(2028, 2, 29)
    with pytest.raises(ValidationError, match="۲۸ روز"):
        parse_any_date("2027-02-29")


def test_day_info_of_30_aban_1405():
    info = day_info(SATURDAY)
    assert info.gregorian == SATURDAY
    assert info.jalali == (1405, 8, 30)
    assert info.hijri == HijriDate(1448, 6, 11)
    assert info.hijri_source == hijri.OFFICIAL
    assert info.weekday_index == 0 and info.weekday_name == "شنبه" and not info.is_friday
    assert info.jalali_short == "۱۴۰۵/۰۸/۳۰"
    assert info.jalali_long == "شنبه ۳۰ آبان ۱۴۰۵"
    assert info.jalali_iso == "1405/08/30"
    assert info.hijri_long == "۱۱ جمادی‌الثانی ۱۴۴۸"
    assert info.hijri_iso == "1448/06/11"
    assert info.gregorian_long == "21 November 2026"
    assert info.gregorian_long_fa == "۲۱ نوامبر ۲۰۲۶"
    assert info.gregorian_iso == "2026-11-21"


def test_day_info_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        day_info(SATURDAY).is_friday = True


def test_day_info_of_a_friday_and_the_first_day_of_the_year():
    friday = day_info(dt.date(2026, 11, 27))
    assert friday.is_friday and friday.weekday_index == 6 and friday.weekday_name == "جمعه"
    nowruz = day_info(dt.date(2026, 3, 21))
    assert nowruz.jalali_iso == "1405/01/01" and nowruz.hijri_iso == "1447/10/01"


def test_day_info_applies_the_correction_outside_the_table():
    day = dt.date(2035, 9, 9)
    assert day_info(day, -1).hijri == hijri.to_hijri(day, -1) != day_info(day, 0).hijri
    assert day_info(day, -1).hijri_source == hijri.ESTIMATED


def test_day_info_without_a_lunar_date():
    info = day_info(dt.date(1800, 1, 1))
    assert info.hijri is None and info.hijri_long == "" and info.hijri_source == ""
    assert info.jalali_iso == "1178/10/11"


def test_day_info_refuses_a_bad_correction():
    with pytest.raises(ValidationError):
        day_info(dt.date(1800, 1, 1), 5)


def test_gregorian_names_and_formats():
    assert gregorian_month_names[0] == "ژانویه" and gregorian_month_names[11] == "دسامبر"
    assert gregorian_month_names_en[4] == "May"
    assert format_gregorian_long(dt.date(2026, 5, 1)) == "1 May 2026"
    assert format_gregorian_long_fa(dt.date(2026, 5, 1)) == "۱ مه ۲۰۲۶"


@pytest.mark.parametrize("text", ["1405/08/30", "2026-11-21", "۳۰ آبان ۱۴۰۵"])
def test_describe_day_shows_the_three_calendars(text):
    lines = describe_day(text)
    assert "شنبه ۳۰ آبان ۱۴۰۵" in lines
    assert "۱۱ جمادی‌الثانی ۱۴۴۸" in lines
    assert "2026-11-21" in lines
    assert "جمعه" not in lines


def test_describe_day_says_when_a_lunar_date_is_a_prediction_or_an_estimate():
    assert "پیش‌بینی" in describe_day("2027-05-20")
    estimate = describe_day("2035-09-09", lunar_correction=-1)
    assert "رؤیت هلال" in estimate and "۱-" in estimate
    assert "ام‌القری" in describe_day("1995-01-01")  # before the table: Umm al-Qura
    assert "در دسترس نیست" in describe_day("1800-01-01")


def test_describe_day_of_a_friday():
    assert "تعطیل" in describe_day("1405/09/06")


def test_describe_day_refuses_garbage():
    with pytest.raises(ValidationError):
        describe_day("tomorrow")
