"""Jalali periods of the performance report: months, seasons, halves, years, previous and last year's."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from prdesk.core.activity import (
    format_change, half_period, month_period, period_of, previous_period, range_period, same_period_last_year,
    season_period, year_period,
)
from prdesk.core.jalali import days_in_month, jalali_parts, to_gregorian
from prdesk.errors import ValidationError


def test_named_periods_cover_whole_months():
    autumn = season_period(1405, 3)
    assert (autumn.start, autumn.end) == (to_gregorian(1405, 7, 1), to_gregorian(1405, 9, 30))
    assert autumn.title == "پاییز ۱۴۰۵" and autumn.days == 90
    spring = season_period(1405, 1)
    assert spring.days == 93
    assert half_period(1405, 1).end == to_gregorian(1405, 6, 31)
    assert half_period(1405, 2).start == to_gregorian(1405, 7, 1)
    assert month_period(1405, 12).end == to_gregorian(1405, 12, 29)


def test_leap_esfand_is_the_end_of_its_year_and_season():
    # 1403 is a leap year: Esfand has 30 days.
    assert days_in_month(1403, 12) == 30
    assert year_period(1403).end == to_gregorian(1403, 12, 30)
    assert season_period(1403, 4).end == to_gregorian(1403, 12, 30)
    # Winter 1404 compared with winter 1403 ends on the leap day, and the other way round.
    assert same_period_last_year(season_period(1404, 4)).end == to_gregorian(1403, 12, 30)
    assert same_period_last_year(season_period(1404, 4)).kind == "season"
    assert same_period_last_year(month_period(1404, 12)) == month_period(1403, 12)


def test_previous_periods():
    assert previous_period(month_period(1405, 1)) == month_period(1404, 12)
    assert previous_period(season_period(1405, 1)) == season_period(1404, 4)
    assert previous_period(season_period(1405, 3)) == season_period(1405, 2)
    assert previous_period(half_period(1405, 1)) == half_period(1404, 2)
    assert previous_period(half_period(1405, 2)) == half_period(1405, 1)
    assert previous_period(year_period(1405)) == year_period(1404)
    ten = range_period(dt.date(2026, 11, 1), dt.date(2026, 11, 10))
    assert previous_period(ten) == range_period(dt.date(2026, 10, 22), dt.date(2026, 10, 31))


def test_period_of_recognizes_named_spans():
    assert period_of(to_gregorian(1405, 7, 1), to_gregorian(1405, 9, 30)).kind == "season"
    assert period_of(to_gregorian(1405, 1, 1), to_gregorian(1405, 12, 29)).kind == "year"
    assert period_of(to_gregorian(1405, 7, 1), to_gregorian(1405, 12, 29)).kind == "half"
    assert period_of(to_gregorian(1405, 8, 1), to_gregorian(1405, 8, 30)).kind == "month"
    assert period_of(to_gregorian(1405, 8, 2), to_gregorian(1405, 8, 30)).kind == "range"


def test_an_end_before_the_start_is_refused_in_persian():
    with pytest.raises(ValidationError, match="پیش از آغاز"):
        period_of(to_gregorian(1405, 9, 1), to_gregorian(1405, 8, 1))


def test_change_is_said_in_words():
    assert format_change(5, 4) == "۲۵٪ افزایش"
    assert format_change(3, 4) == "۲۵٪ کاهش"
    assert format_change(4, 4) == "بدون تغییر"
    assert format_change(4, 0) == "—"


@given(st.integers(1300, 1500), st.integers(1, 12))
def test_consecutive_months_tile_the_calendar(year, month):
    period = month_period(year, month)
    before = previous_period(period)
    assert before.end + dt.timedelta(days=1) == period.start
    assert jalali_parts(period.start)[2] == 1
    last_year = same_period_last_year(period)
    assert jalali_parts(last_year.start)[:2] == (year - 1, month)
    assert last_year.kind == "month"


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)), st.integers(0, 400))
def test_a_range_and_its_previous_have_the_same_length(start, length):
    period = range_period(start, start + dt.timedelta(days=length))
    before = previous_period(period)
    assert before.days == period.days and before.end + dt.timedelta(days=1) == period.start
