"""Jalali dates: conversion, leap years against the astronomical calendar, parser, formatters, grids."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prdesk.core import jalali
from prdesk.core.jalali import (
    days_in_month, format_jalali, format_jalali_iso, format_jalali_long, is_friday, is_leap,
    jalali_month_names, jalali_parts, month_grid, parse_jalali, to_gregorian, week_index, weekday_names,
)
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError

FIRST_DAY_1300 = dt.date(1921, 3, 21)
LAST_DAY_1500 = dt.date(2122, 3, 20)  # 1500/12/29 (1500 is not a leap year)


def astronomical_is_leap(year: int) -> bool:
    """Borkowski's leap rule (the astronomical calendar, years -61..3177): an oracle independent of jdatetime."""
    breaks = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
              2324, 2394, 2456, 3178]

    def trunc_mod(a, b):
        return a - int(a / b) * b

    jp, jump = breaks[0], 0
    for jm in breaks[1:]:
        jump = jm - jp
        if year < jm:
            break
        jp = jm
    n = year - jp
    if jump - n < 6:
        n = n - jump + int((jump + 4) / 33) * 33
    leap = trunc_mod(trunc_mod(n + 1, 33) - 1, 4)
    return leap == 0


def arithmetic_is_leap(year: int) -> bool:
    """The 2820-year arithmetic rule (33-year sub-cycles) that Qt's QCalendar Jalali system uses."""
    return ((year + 2346) * 683) % 2820 < 683


def test_known_day_converts_both_ways():
    assert jalali_parts(dt.date(2026, 11, 21)) == (1405, 8, 30)
    assert to_gregorian(1405, 8, 30) == dt.date(2026, 11, 21)
    assert to_gregorian(1403, 12, 30) == dt.date(2025, 3, 20)
    assert jalali_parts(FIRST_DAY_1300) == (1300, 1, 1)
    assert jalali_parts(LAST_DAY_1500) == (1500, 12, 29)


@given(st.dates(min_value=FIRST_DAY_1300, max_value=LAST_DAY_1500))
def test_gregorian_jalali_gregorian_round_trip(day):
    year, month, d = jalali_parts(day)
    assert 1300 <= year <= 1500
    assert 1 <= d <= days_in_month(year, month)
    assert to_gregorian(year, month, d) == day


@given(st.dates(min_value=FIRST_DAY_1300, max_value=LAST_DAY_1500))
def test_conversions_are_what_jdatetime_says(day):
    """The module calls jdatetime's own converter (jalali_core) directly, to start without jdatetime."""
    import jdatetime

    j = jdatetime.date.fromgregorian(date=day)
    assert jalali_parts(day) == (j.year, j.month, j.day)
    assert to_gregorian(j.year, j.month, j.day) == j.togregorian() == day


def test_leap_years_are_what_jdatetime_says_for_every_year_a_clerk_can_type():
    import jdatetime

    assert [y for y in range(jalali.MIN_YEAR, jalali.MAX_YEAR + 1) if is_leap(y)] == [
        y for y in range(jalali.MIN_YEAR, jalali.MAX_YEAR + 1) if jdatetime.date(y, 1, 1).isleap()
    ]


@given(st.integers(1300, 1500), st.integers(1, 12), st.data())
def test_jalali_gregorian_jalali_round_trip(year, month, data):
    day = data.draw(st.integers(1, days_in_month(year, month)))
    assert jalali_parts(to_gregorian(year, month, day)) == (year, month, day)


def test_leap_years_are_the_astronomical_ones():
    assert [y for y in range(1300, 1501) if is_leap(y)] == [
        y for y in range(1300, 1501) if astronomical_is_leap(y)
    ]
    assert is_leap(1403) and not is_leap(1404) and is_leap(1408)


def test_a_leap_year_is_a_year_of_366_days():
    for year in range(1300, 1501):
        length = (to_gregorian(year + 1, 1, 1) - to_gregorian(year, 1, 1)).days
        assert length == (366 if is_leap(year) else 365), year
        assert days_in_month(year, 12) == (30 if is_leap(year) else 29)


def test_the_arithmetic_rule_is_wrong_exactly_in_1436_1437_1469_1470():
    disagree = {y for y in range(1300, 1501) if arithmetic_is_leap(y) != is_leap(y)}
    assert disagree == {1436, 1437, 1469, 1470}
    # The core gives the astronomical answer where the arithmetic rule does not.
    assert is_leap(1436) and not is_leap(1437)
    assert is_leap(1469) and not is_leap(1470)
    assert to_gregorian(1436, 12, 30) == dt.date(2058, 3, 20)
    with pytest.raises(ValidationError):
        to_gregorian(1437, 12, 30)


def test_qt_jalali_calendar_uses_the_arithmetic_rule():
    """The one core test that touches Qt: it proves the rule above is what QCalendar does."""
    qtcore = pytest.importorskip("PySide6.QtCore")
    calendar = qtcore.QCalendar(qtcore.QCalendar.System.Jalali)
    assert all(calendar.isLeapYear(y) == arithmetic_is_leap(y) for y in range(1300, 1501))
    assert {y for y in range(1300, 1501) if calendar.isLeapYear(y) != is_leap(y)} == {1436, 1437, 1469, 1470}


def test_days_in_month():
    assert [days_in_month(1405, m) for m in range(1, 13)] == [31] * 6 + [30] * 5 + [29]
    assert days_in_month(1403, 12) == 30
    with pytest.raises(ValidationError):
        days_in_month(1405, 13)


def test_names():
    assert len(jalali_month_names) == 12
    assert jalali_month_names[0] == "فروردین" and jalali_month_names[7] == "آبان"
    assert jalali_month_names[11] == "اسفند"
    assert weekday_names[0] == "شنبه" and weekday_names[6] == "جمعه"
    assert weekday_names[3] == "سه\u200cشنبه"
    assert len(set(weekday_names)) == 7


def test_week_starts_on_saturday_and_friday_is_the_holiday():
    saturday = dt.date(2026, 11, 21)
    assert [week_index(saturday + dt.timedelta(days=i)) for i in range(7)] == list(range(7))
    assert [is_friday(saturday + dt.timedelta(days=i)) for i in range(7)] == [False] * 6 + [True]
    assert jalali.weekday_name(dt.date(2026, 11, 27)) == "جمعه"


def test_formatters():
    day = dt.date(2026, 11, 21)
    assert format_jalali(day) == "۱۴۰۵/۰۸/۳۰"
    assert format_jalali_iso(day) == "1405/08/30"
    assert format_jalali_long(day) == "شنبه ۳۰ آبان ۱۴۰۵"
    assert format_jalali_long(dt.date(2026, 3, 24)) == "سه\u200cشنبه ۴ فروردین ۱۴۰۵"
    assert format_jalali(dt.datetime(2026, 3, 21, 23, 59)) == "۱۴۰۵/۰۱/۰۱"


def test_month_grid_of_aban_1405():
    grid = month_grid(1405, 8)
    assert all(len(week) == 7 for week in grid)
    days = [d for week in grid for d in week if d is not None]
    assert days == [dt.date(2026, 10, 23) + dt.timedelta(days=i) for i in range(30)]
    # 1 Aban 1405 is a Friday: six empty cells before it.
    assert grid[0] == [None] * 6 + [dt.date(2026, 10, 23)]
    assert all(week_index(d) == i for week in grid for i, d in enumerate(week) if d is not None)


@pytest.mark.parametrize("year, month, count", [(1403, 12, 30), (1404, 12, 29), (1405, 1, 31), (1405, 7, 30)])
def test_month_grid_holds_every_day(year, month, count):
    grid = month_grid(year, month)
    assert sum(d is not None for week in grid for d in week) == count
    first = to_gregorian(year, month, 1)
    assert grid[0][week_index(first)] == first


def test_today_is_the_computer_date():
    assert jalali.today() == dt.date.today()


@pytest.mark.parametrize("text", [
    "1405/8/30",
    "1405/08/30",
    "۱۴۰۵/۰۸/۳۰",
    "١٤٠٥/٠٨/٣٠",
    "1405-08-30",
    "1405.08.30",
    " 1405 / 8 / 30 ",
    "30/08/1405",
    "٣٠/٠٨/١٤٠٥",
    "۳۰ آبان ۱۴۰۵",
    "30 آبان 1405",
    "۳۰  آبان   ۱۴۰۵",
    "۳۰ آبان ماه ۱۴۰۵",
    "شنبه ۳۰ آبان ۱۴۰۵",
    "شنبه، ۳۰ آبان ۱۴۰۵",
])
def test_parser_accepts(text):
    assert parse_jalali(text) == dt.date(2026, 11, 21)


@pytest.mark.parametrize("text, expected", [
    ("۱۰ دي ۱۴۰۵", dt.date(2026, 12, 31)),  # Arabic yeh
    ("۱ فروردين ۱۴۰۵", dt.date(2026, 3, 21)),
    ("۵ شهريور ۱۴۰۵", dt.date(2026, 8, 27)),
    ("يكشنبه ۱ آذر ۱۴۰۵", dt.date(2026, 11, 22)),  # Arabic yeh and kaf in the weekday
    ("۱ آذر ۱۴۰۵", dt.date(2026, 11, 22)),
    ("سه‌شنبه ۴ فروردین ۱۴۰۵", dt.date(2026, 3, 24)),
    ("سه شنبه ۴ فروردین ۱۴۰۵", dt.date(2026, 3, 24)),
    ("سهشنبه ۴ فروردین ۱۴۰۵", dt.date(2026, 3, 24)),
    ("1403/12/30", dt.date(2025, 3, 20)),
    ("1436/12/30", dt.date(2058, 3, 20)),
])
def test_parser_accepts_other_days(text, expected):
    assert parse_jalali(text) == expected


@pytest.mark.parametrize("text, message", [
    ("1404/12/30", "۱۴۰۴/۱۲/۳۰ وجود ندارد: سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز است."),
    ("۱۴۰۴/۱۲/۳۰", "۱۴۰۴/۱۲/۳۰ وجود ندارد: سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز است."),
    ("1437/12/30", "۱۴۳۷/۱۲/۳۰ وجود ندارد: سال ۱۴۳۷ کبیسه نیست و اسفند آن ۲۹ روز است."),
    ("1403/12/31", "۱۴۰۳/۱۲/۳۱ وجود ندارد: سال ۱۴۰۳ کبیسه است و اسفند آن ۳۰ روز است."),
    ("1405/13/01", "ماه ۱۳ وجود ندارد: ماه‌های سال از ۱ (فروردین) تا ۱۲ (اسفند) است."),
    ("1405/00/10", "ماه ۰ وجود ندارد"),
    ("1405/01/32", "۱۴۰۵/۰۱/۳۲ وجود ندارد: فروردین ۳۱ روز است."),
    ("1405/07/31", "۱۴۰۵/۰۷/۳۱ وجود ندارد: مهر ۳۰ روز است."),
    ("1405/01/00", "روز ۰ وجود ندارد"),
    ("", "تاریخ خالی است"),
    ("   ", "تاریخ خالی است"),
    (None, "تاریخ خالی است"),
    ("abc", "«abc» تاریخ نیست"),
    ("1405/08", "تاریخ نیست"),
    ("1405//08/30", "تاریخ نیست"),
    ("۳۰ آبانن ۱۴۰۵", "ماه «ابانن» شناخته نشد"),
    ("یکشنبه ۳۰ آبان ۱۴۰۵", "۳۰ آبان ۱۴۰۵ شنبه است، نه یکشنبه."),
    ("05/08/30", "سال را چهاررقمی بنویسید"),
    ("999/01/01", "سال ۹۹۹ درست نیست"),
    ("2026/11/21", "سال ۲۰۲۶ سال خورشیدی نیست"),
])
def test_parser_refuses_with_a_reason(text, message):
    with pytest.raises(ValidationError) as caught:
        parse_jalali(text)
    assert message in str(caught.value)


def test_parser_passes_the_field_name_on():
    with pytest.raises(ValidationError) as caught:
        parse_jalali("1404/12/30", field="meeting_date")
    assert caught.value.field == "meeting_date"


def test_to_gregorian_refuses_an_impossible_date():
    with pytest.raises(ValidationError, match="سال ۱۴۰۴ کبیسه نیست"):
        to_gregorian(1404, 12, 30)
    with pytest.raises(ValidationError, match="ماه ۱۳ وجود ندارد"):
        to_gregorian(1405, 13, 1)


@given(st.dates(min_value=FIRST_DAY_1300, max_value=LAST_DAY_1500))
def test_every_formatted_date_parses_back(day):
    assert parse_jalali(format_jalali(day)) == day
    assert parse_jalali(format_jalali_iso(day)) == day
    assert parse_jalali(format_jalali_long(day)) == day


# -- issue 13 §4: every common spelling of the months, and a refusal that says why --------------------

_SPELLINGS = {
    1: ["فروردین", "فروردين", "فروردین‌ماه", "فروردین ماه"],
    2: ["اردیبهشت", "اردی‌بهشت", "اردی بهشت", "ارديبهشت", "اردی‌بهشت‌ماه"],
    3: ["خرداد", "خردادماه"],
    4: ["تیر", "تير", "تیرماه", "تیر ماه"],
    5: ["مرداد", "امرداد", "اَمرداد", "مردادماه"],
    6: ["شهریور", "شهريور"],
    7: ["مهر", "مهرماه", "مهر ماه"],
    8: ["آبان", "ابان", "آبان‌ماه"],
    9: ["آذر", "اذر", "آذرماه"],
    10: ["دی", "دي", "دی‌ماه", "دی ماه"],
    11: ["بهمن", "بهمن‌ماه"],
    12: ["اسفند", "اسفندماه", "اسفند ماه"],
}


@pytest.mark.parametrize("month, spelling", [(m, s) for m, names in _SPELLINGS.items() for s in names])
def test_every_common_spelling_of_a_month_is_read(month, spelling):
    assert parse_jalali(f"۱۲ {spelling} ۱۴۰۵") == to_gregorian(1405, month, 12)
    assert parse_jalali(f"12 {spelling} 1405") == to_gregorian(1405, month, 12)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31)), st.sampled_from(["\u200c", " ", ""]))
def test_a_named_date_reads_back_whatever_joins_the_words(day, joiner):
    y, m, d = jalali_parts(day)
    name = _SPELLINGS[m][0] if m != 2 else f"اردی{joiner}بهشت"
    assert parse_jalali(f"{to_persian_digits(d)} {name} {to_persian_digits(y)}") == day


@pytest.mark.parametrize(
    "typed, reason",
    [
        ("۱۰ فلان ۱۴۰۵", "ماه «فلان» شناخته نشد"),
        ("۳۱ مهر ۱۴۰۵", "مهر ۳۰ روز است"),
        ("۳۲ اردی‌بهشت ۱۴۰۵", "اردیبهشت ۳۱ روز است"),
        ("۱۵ رمضان ۱۴۴۷", "تاریخ قمری است؛ اینجا تاریخ خورشیدی لازم است: این روز برابر پنج‌شنبه ۱۴ اسفند ۱۴۰۴"),
        ("۱۷ ربیع‌الاول ۱۴۴۸", "برابر یکشنبه ۸ شهریور ۱۴۰۵"),
        ("1447/09/15 ق", "تاریخ قمری است"),
    ],
)
def test_a_refused_date_says_why(typed, reason):
    with pytest.raises(ValidationError) as refused:
        parse_jalali(typed, "date")
    assert reason in str(refused.value) and refused.value.field == "date"
