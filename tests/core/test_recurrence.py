"""Recurring events: yearly on a Jalali or lunar date, monthly, quarterly, weekly; short months and ranges."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prdesk.core import hijri, jalali
from prdesk.core.recurrence import (
    MONTHLY_JALALI,
    NONE,
    QUARTERLY,
    RECURRENCES,
    WEEKLY,
    YEARLY_JALALI,
    YEARLY_LUNAR,
    jalali_anniversary,
    lunar_anniversary,
    next_occurrence,
    occurrences,
)
from prdesk.errors import ValidationError

J = jalali.to_gregorian
FAR = dt.date(2040, 1, 1)

anchors = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))


def _parts(day):
    return jalali.jalali_parts(day)


def test_one_time_event_occurs_once_inside_the_range():
    day = J(1405, 2, 27)
    assert occurrences(day, NONE, J(1405, 1, 1), J(1405, 12, 29)) == [day]
    assert occurrences(day, NONE, J(1405, 3, 1), J(1405, 12, 29)) == []


def test_nothing_before_the_first_day_or_after_until():
    anchor = J(1405, 1, 15)
    found = occurrences(anchor, MONTHLY_JALALI, J(1404, 1, 1), J(1406, 12, 29), until=J(1405, 6, 15))
    assert [_parts(d)[1] for d in found] == [1, 2, 3, 4, 5, 6]
    assert found[0] == anchor


def test_unknown_kind_is_refused_in_persian():
    with pytest.raises(ValidationError, match="نوع تکرار") as info:
        occurrences(J(1405, 1, 1), "daily", J(1405, 1, 1), J(1405, 2, 1))
    assert info.value.field == "recurrence"
    assert set(RECURRENCES) == {NONE, YEARLY_JALALI, YEARLY_LUNAR, MONTHLY_JALALI, QUARTERLY, WEEKLY}


# -- yearly on a Jalali date ---------------------------------------------------------------------


def test_yearly_jalali_keeps_the_jalali_day():
    anchor = J(1400, 6, 13)
    found = occurrences(anchor, YEARLY_JALALI, J(1403, 1, 1), J(1406, 12, 29))
    assert [_parts(d) for d in found] == [(1403, 6, 13), (1404, 6, 13), (1405, 6, 13), (1406, 6, 13)]


def test_yearly_on_30_esfand_falls_on_29_esfand_in_a_common_year():
    anchor = J(1403, 12, 30)  # 1403 is a leap year
    found = occurrences(anchor, YEARLY_JALALI, J(1403, 1, 1), J(1409, 1, 1))
    assert not jalali.is_leap(1404) and jalali.is_leap(1408)
    assert [_parts(d) for d in found] == [(y, 12, 30 if jalali.is_leap(y) else 29) for y in range(1403, 1409)]
    assert jalali_anniversary(anchor, 1405) == J(1405, 12, 29)


@settings(max_examples=60, deadline=None)
@given(anchor=anchors, years=st.integers(min_value=1, max_value=6))
def test_yearly_jalali_is_on_its_month_and_day_or_the_last_day_of_a_short_month(anchor, years):
    ay, am, ad = _parts(anchor)
    found = occurrences(anchor, YEARLY_JALALI, anchor, J(ay + years, 12, jalali.days_in_month(ay + years, 12)))
    assert len(found) == years + 1
    for day in found:
        y, m, d = _parts(day)
        assert m == am
        assert d == ad or (d == jalali.days_in_month(y, m) < ad)


# -- yearly on a lunar date ----------------------------------------------------------------------


def test_yearly_lunar_keeps_the_lunar_day_and_comes_about_11_days_earlier():
    anchor = hijri.from_hijri(1446, 12, 25)  # روز خانواده و تکریم بازنشستگان
    found = occurrences(anchor, YEARLY_LUNAR, anchor, anchor + dt.timedelta(days=3 * 366))
    assert [hijri.to_hijri(d) for d in found] == [hijri.HijriDate(y, 12, 25) for y in (1446, 1447, 1448, 1449)]
    assert all((a - b).days in (354, 355) for a, b in zip(found[1:], found))


def test_yearly_lunar_twice_in_one_jalali_year():
    anchor = hijri.from_hijri(1440, 10, 1)  # an event on 1 Shawwal
    found = occurrences(anchor, YEARLY_LUNAR, J(1405, 1, 1), J(1405, 12, 29))
    assert found == [J(1405, 1, 1), J(1405, 12, 19)]


def test_yearly_lunar_on_the_30th_falls_on_the_29th_of_a_short_month():
    long_year = next(y for y in range(1440, 1448) if hijri.month_length(y, 2) == 30)
    short_year = next(y for y in range(long_year + 1, 1449) if hijri.month_length(y, 2) == 29)
    anchor = hijri.from_hijri(long_year, 2, 30)
    assert hijri.to_hijri(lunar_anniversary(anchor, short_year)) == hijri.HijriDate(short_year, 2, 29)


def test_yearly_lunar_outside_the_table_follows_the_correction():
    anchor = hijri.from_hijri(1440, 1, 10)
    start, end = dt.date(2037, 1, 1), dt.date(2037, 12, 31)
    plain = occurrences(anchor, YEARLY_LUNAR, start, end)
    corrected = occurrences(anchor, YEARLY_LUNAR, start, end, correction=-1)
    assert plain and corrected and corrected[0] - plain[0] == dt.timedelta(days=1)


# -- monthly and quarterly -----------------------------------------------------------------------


def test_monthly_on_day_31_falls_on_the_30th_in_a_30_day_month():
    anchor = J(1405, 6, 31)
    found = occurrences(anchor, MONTHLY_JALALI, anchor, J(1406, 1, 31))
    assert [_parts(d)[1:] for d in found] == [
        (6, 31), (7, 30), (8, 30), (9, 30), (10, 30), (11, 30), (12, 29), (1, 31)
    ]


def test_monthly_on_day_30_in_esfand_of_a_common_year():
    found = occurrences(J(1405, 11, 30), MONTHLY_JALALI, J(1405, 12, 1), J(1405, 12, 29))
    assert found == [J(1405, 12, 29)]


def test_monthly_starting_mid_range():
    found = occurrences(J(1405, 3, 10), MONTHLY_JALALI, J(1405, 5, 11), J(1405, 7, 9))
    assert [_parts(d) for d in found] == [(1405, 6, 10)]


def test_quarterly_retiree_honoring():
    anchor = J(1405, 1, 15)
    found = occurrences(anchor, QUARTERLY, J(1405, 1, 1), J(1406, 1, 31))
    assert [_parts(d) for d in found] == [(1405, 1, 15), (1405, 4, 15), (1405, 7, 15), (1405, 10, 15), (1406, 1, 15)]


def test_quarterly_from_the_middle_of_a_later_year():
    found = occurrences(J(1403, 2, 31), QUARTERLY, J(1405, 3, 1), J(1405, 12, 29))
    assert [_parts(d) for d in found] == [(1405, 5, 31), (1405, 8, 30), (1405, 11, 30)]


@settings(max_examples=60, deadline=None)
@given(anchor=anchors, months=st.integers(min_value=1, max_value=30))
def test_monthly_is_on_its_day_or_the_last_day_of_a_short_month(anchor, months):
    _, _, ad = _parts(anchor)
    found = occurrences(anchor, MONTHLY_JALALI, anchor, anchor + dt.timedelta(days=31 * months))
    assert len({_parts(d)[:2] for d in found}) == len(found)  # at most once a month
    for day in found:
        y, m, d = _parts(day)
        assert d == min(ad, jalali.days_in_month(y, m))


# -- weekly ---------------------------------------------------------------------------------------


def test_weekly_from_a_range_that_starts_mid_week():
    anchor = J(1405, 1, 3)  # Monday
    found = occurrences(anchor, WEEKLY, J(1405, 1, 20), J(1405, 2, 10))
    assert all(jalali.week_index(d) == jalali.week_index(anchor) for d in found)
    assert found[0] - J(1405, 1, 20) < dt.timedelta(days=7)
    assert len(found) == 3


@settings(max_examples=80, deadline=None)
@given(anchor=anchors, offset=st.integers(min_value=-30, max_value=400), span=st.integers(min_value=0, max_value=200))
def test_weekly_occurrences_are_seven_days_apart(anchor, offset, span):
    start = anchor + dt.timedelta(days=offset)
    end = start + dt.timedelta(days=span)
    found = occurrences(anchor, WEEKLY, start, end)
    assert all((b - a).days == 7 for a, b in zip(found, found[1:]))
    assert all(max(start, anchor) <= d <= end and (d - anchor).days % 7 == 0 for d in found)
    # none missed at either end
    if found:
        assert found[0] - dt.timedelta(days=7) < max(start, anchor)
        assert found[-1] + dt.timedelta(days=7) > end
    else:
        assert end < anchor or (end - max(start, anchor)).days < 6


def test_next_occurrence():
    anchor = J(1400, 5, 17)
    assert next_occurrence(anchor, YEARLY_JALALI, J(1405, 5, 18)) == J(1406, 5, 17)
    assert next_occurrence(anchor, NONE, J(1405, 1, 1)) is None
