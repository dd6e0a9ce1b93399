"""Scheduling rules of meetings: overlap edges, working hours, closed days (lunar too), recurrence, working days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.occasions import jalali_year_span, load_catalog
from prdesk.errors import ValidationError

HOURS = rules.WorkingHours.default()
SATURDAY = dt.date(2026, 11, 21)  # 30 Aban 1405
minutes = st.integers(min_value=0, max_value=23 * 60)
lengths = st.integers(min_value=1, max_value=240)


def lunar_holiday(year: int = 1405) -> tuple[dt.date, str]:
    """A day of ``year`` that is an official holiday by the lunar calendar (and not a Friday)."""
    start, end = jalali_year_span(year)
    for occasion in load_catalog():
        if occasion.calendar == "hijri" and occasion.holiday:
            for day in occasion.dates_in(start, end):
                if not jalali.is_friday(day):
                    return day, occasion.title
    raise AssertionError("the catalog has no lunar holiday")


@given(minutes, lengths, minutes, lengths)
def test_overlap_is_symmetric_and_matches_shared_minutes(a, la, b, lb):
    shared = set(range(a, a + la)) & set(range(b, b + lb))
    assert rules.overlaps(a, a + la, b, b + lb) == rules.overlaps(b, b + lb, a, a + la) == bool(shared)


@given(minutes, lengths, lengths)
def test_touching_intervals_never_conflict(start, first, second):
    assert not rules.overlaps(start, start + first, start + first, start + first + second)


def test_touching_bookings_do_not_clash_but_one_minute_more_does():
    a = rules.Booking(SATURDAY, 600, 630, host_id=1, id=1)
    assert rules.find_clashes(rules.Booking(SATURDAY, 630, 660, host_id=1), [a]) == []
    (clash,) = rules.find_clashes(rules.Booking(SATURDAY, 629, 660, host_id=1), [a])
    assert clash.reasons == ("host",)


@pytest.mark.parametrize("status", sorted(rules.NON_BLOCKING))
def test_cancelled_no_show_and_postponed_never_block(status):
    other = rules.Booking(SATURDAY, 600, 630, host_id=1, status=status, id=1)
    assert rules.find_clashes(rules.Booking(SATURDAY, 600, 630, host_id=1), [other]) == []


def test_room_and_visitor_clash_across_hosts():
    other = rules.Booking(SATURDAY, 600, 660, host_id=2, room_id=5, person_ids=frozenset({9}), id=1)
    assert rules.find_clashes(rules.Booking(SATURDAY, 630, 700, host_id=1, room_id=5), [other])[0].reasons == ("room",)
    assert rules.find_clashes(rules.Booking(SATURDAY, 630, 700, host_id=1, person_ids=frozenset({9, 3})), [other])[0].reasons == ("visitor",)
    assert rules.find_clashes(rules.Booking(SATURDAY, 630, 700, host_id=1, room_id=6), [other]) == []
    assert rules.find_clashes(rules.Booking(SATURDAY + dt.timedelta(days=1), 630, 700, host_id=2), [other]) == []


def test_a_meeting_never_clashes_with_itself():
    me = rules.Booking(SATURDAY, 600, 630, host_id=1, id=7)
    assert rules.find_clashes(rules.Booking(SATURDAY, 610, 640, host_id=1, id=7), [me]) == []


def test_default_hours_and_closed_days():
    assert HOURS.on(SATURDAY) == (480, 840)
    thursday = SATURDAY + dt.timedelta(days=5)
    assert HOURS.on(thursday) == (480, 720)
    assert rules.outside_hours_reason(thursday, 690, 720, HOURS) is None
    assert "بیرون از ساعت کار" in rules.outside_hours_reason(thursday, 700, 730, HOURS)
    assert rules.outside_hours_reason(SATURDAY, 450, 480, HOURS) is not None
    assert rules.outside_hours_reason(SATURDAY, 810, 840, HOURS) is None
    friday = SATURDAY + dt.timedelta(days=6)
    assert "جمعه" in rules.closed_reason(friday, HOURS, {})
    assert rules.closed_reason(SATURDAY, HOURS, {}) is None


def test_lunar_holiday_is_a_closed_day():
    day, title = lunar_holiday()
    found = rules.official_holidays(day - dt.timedelta(days=3), day + dt.timedelta(days=3))
    assert title in found[day]
    assert "تعطیل رسمی" in rules.closed_reason(day, HOURS, found)


def test_solar_holiday_nowruz_is_closed():
    nowruz = jalali.to_gregorian(1405, 1, 1)
    assert nowruz in rules.official_holidays(nowruz, nowruz)


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2029, 1, 1)), st.integers(min_value=1, max_value=40))
def test_working_days_skip_fridays_and_holidays(start, count):
    closed = rules.official_holidays(start, start + dt.timedelta(days=count * 3 + 40))
    due = rules.followup_due(start, closed, count)
    assert not jalali.is_friday(due) and due not in closed
    days = [start + dt.timedelta(days=i) for i in range(1, (due - start).days + 1)]
    assert sum(1 for d in days if not jalali.is_friday(d) and d not in closed) == count


def test_thirty_working_days_known_case():
    # 1 Dey 1405 (Monday 22 Dec 2026): 30 working days, Fridays and the lunar holidays of Rajab skipped.
    start = jalali.to_gregorian(1405, 10, 1)
    closed = rules.official_holidays(start, start + dt.timedelta(days=90))
    due = rules.followup_due(start, closed)
    fridays = sum(1 for i in range(1, (due - start).days + 1) if jalali.is_friday(start + dt.timedelta(days=i)))
    holidays = sum(1 for d in closed if start < d <= due and not jalali.is_friday(d))
    assert (due - start).days == 30 + fridays + holidays
    assert holidays >= 1  # a lunar holiday falls in these weeks


def test_free_slots_skip_busy_times_and_closed_days():
    busy = {SATURDAY: [(480, 600), (630, 840)]}
    slots = rules.free_slots(SATURDAY, 30, HOURS, lambda d: busy.get(d, []), lambda d: jalali.is_friday(d), after=480)
    assert slots == [(SATURDAY, 600), (SATURDAY + dt.timedelta(days=1), 480), (SATURDAY + dt.timedelta(days=1), 510)]
    # Thursday afternoon is over at 12:00; the next slot is Saturday, past the Friday.
    thursday = SATURDAY + dt.timedelta(days=5)
    (first,) = rules.free_slots(thursday, 30, HOURS, lambda d: [], jalali.is_friday, after=720, count=1)
    assert first == (SATURDAY + dt.timedelta(days=7), 480)


@given(st.integers(min_value=480, max_value=830), st.integers(min_value=5, max_value=120))
def test_free_slots_never_overlap_and_stay_in_hours(after, duration):
    busy = [(540, 600), (660, 700)]
    for day, start in rules.free_slots(SATURDAY, duration, HOURS, lambda d: busy, jalali.is_friday, after=after):
        span = HOURS.on(day)
        assert span[0] <= start and start + duration <= span[1]
        assert not any(rules.overlaps(start, start + duration, s, e) for s, e in busy)


def test_weekly_series_skips_holidays_and_lists_them():
    day, title = lunar_holiday()
    first = day - dt.timedelta(days=14)
    closed = rules.official_holidays(first, day + dt.timedelta(days=14))
    plan = rules.series_dates(first, "weekly", day + dt.timedelta(days=14), lambda d: rules.closed_reason(d, HOURS, closed))
    assert day not in plan.dates
    assert any(d == day and title in why for d, why in plan.skipped)
    assert all((d - first).days % 7 == 0 for d in plan.dates)
    assert len(plan.dates) + len(plan.skipped) == 5


def test_monthly_series_keeps_the_jalali_day():
    first = jalali.to_gregorian(1405, 7, 5)
    plan = rules.series_dates(first, "monthly", jalali.to_gregorian(1406, 1, 30), lambda d: None)
    assert [jalali.jalali_parts(d)[2] for d in plan.dates] == [5] * 7


def test_times_in_any_digits_and_bad_ones_refused():
    assert rules.parse_time("۰۹:۳۰") == 570
    assert rules.parse_time("9") == 540
    with pytest.raises(ValidationError, match="درست نیست"):
        rules.parse_time("25:00")
    with pytest.raises(ValidationError, match="مدت"):
        rules.parse_duration("۰")


def test_transitions():
    rules.check_transition("scheduled", "held")
    with pytest.raises(ValidationError, match="نمی‌شود"):
        rules.check_transition("held", "cancelled")
    with pytest.raises(ValidationError):
        rules.check_transition("cancelled", "arrived")


def test_hours_round_trip_and_bad_hours():
    hours = rules.WorkingHours.from_texts({0: ("۸", "۱۲"), 5: ("8", "10")})
    assert rules.WorkingHours.from_json(hours.to_json()) == hours
    assert hours.on(SATURDAY + dt.timedelta(days=1)) is None
    with pytest.raises(ValidationError, match="بعد از ساعت شروع"):
        rules.WorkingHours.from_texts({0: ("14", "8")})
