"""Recurrence of the office's events on the calendar that matters: yearly (Jalali or lunar), monthly, quarterly, weekly."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from prdesk.core import hijri, jalali
from prdesk.errors import ValidationError

NONE = "none"
YEARLY_JALALI = "yearly_jalali"
YEARLY_LUNAR = "yearly_lunar"
MONTHLY_JALALI = "monthly_jalali"
QUARTERLY = "quarterly"
WEEKLY = "weekly"

# Each kind with the Persian words the event dialog shows.
RECURRENCES: dict[str, str] = {
    NONE: "بدون تکرار",
    YEARLY_JALALI: "هر سال در همین تاریخ خورشیدی",
    YEARLY_LUNAR: "هر سال در همین تاریخ قمری",
    MONTHLY_JALALI: "هر ماه در همین روز ماه خورشیدی",
    QUARTERLY: "هر سه ماه (فصلی) در همین روز",
    WEEKLY: "هر هفته در همین روز هفته",
}


def check_kind(kind: str) -> str:
    """``kind`` if it is a recurrence the app knows; ValidationError otherwise."""
    if kind not in RECURRENCES:
        raise ValidationError(f"نوع تکرار «{kind}» شناخته نیست؛ یکی از گزینه‌های تکرار را انتخاب کنید.", "recurrence")
    return kind


@lru_cache(maxsize=65536)
def jalali_month_day(date: dt.date) -> tuple[int, int]:
    """The Jalali (month, day) of a date, cached: birthdays repeat the same few thousand days."""
    return jalali.jalali_parts(date)[1:]


def _clamped(year: int, month: int, day: int) -> dt.date:
    """Day ``day`` of a Jalali month, or its last day when the month is shorter (31 → 30, 30 Esfand → 29)."""
    return jalali.to_gregorian(year, month, min(day, jalali.days_in_month(year, month)))


def jalali_anniversary(date: dt.date, jalali_year: int) -> dt.date:
    """The day of ``jalali_year`` with the Jalali month and day of ``date``.

    30 Esfand in a common year falls on 29 Esfand, the last day of that Esfand: a birthday or an
    event on 30 Esfand is still kept every year, on the last day of the year.
    """
    return _anniversaries(jalali_year)[jalali_month_day(date)]


@lru_cache(maxsize=8)
def _anniversaries(jalali_year: int) -> dict[tuple[int, int], dt.date]:
    """Every (month, day) a date can have, to its day in ``jalali_year`` (thousands of birthdays a year)."""
    return {(m, d): _clamped(jalali_year, m, d) for m in range(1, 13) for d in range(1, 32 if m <= 6 else 31)}


@lru_cache(maxsize=8)
def jalali_year_days(jalali_year: int) -> tuple[dt.date, ...]:
    """The day of ``jalali_year`` for each day-of-year 0…365 of any year (day 365, a leap year's
    30 Esfand, falls on the last day of a common year, as :func:`jalali_anniversary` does)."""
    first = jalali.to_gregorian(jalali_year, 1, 1)
    length = 366 if jalali.is_leap(jalali_year) else 365
    days = [first + dt.timedelta(days=i) for i in range(length)]
    return tuple(days + [days[-1]] * (366 - length))


def lunar_anniversary(date: dt.date, hijri_year: int, correction: int = 0) -> dt.date:
    """The day of ``hijri_year`` with the lunar month and day of ``date`` (30 → 29 in a 29-day month)."""
    h = hijri.to_hijri(date, correction)
    length = hijri.month_length(hijri_year, h.month, correction)
    return hijri.from_hijri(hijri_year, h.month, min(h.day, length), correction)


def occurrences(
    anchor: dt.date,
    kind: str,
    start: dt.date,
    end: dt.date,
    *,
    until: dt.date | None = None,
    correction: int = 0,
) -> list[dt.date]:
    """The days from ``start`` to ``end`` (inclusive) an event first held on ``anchor`` recurs on.

    No occurrence comes before ``anchor`` or after ``until``. Monthly and quarterly events keep the
    anchor's day of the Jalali month, moved to the last day of a shorter month (day 31 → 30 in
    Mehr; 30 → 29 in a common Esfand); the next month goes back to the anchor's day.
    """
    check_kind(kind)
    low = max(start, anchor)
    high = min(end, until) if until else end
    if low > high:
        return []
    if kind == NONE:
        return [anchor] if low <= anchor <= high else []
    if kind == WEEKLY:
        first = anchor + dt.timedelta(days=-(-(low - anchor).days // 7) * 7)
        return [first + dt.timedelta(days=7 * i) for i in range((high - first).days // 7 + 1)] if first <= high else []
    if kind == YEARLY_LUNAR:
        return _lunar(anchor, low, high, correction)
    ay, am, ad = jalali.jalali_parts(anchor)
    if kind == YEARLY_JALALI:
        years = range(jalali.jalali_parts(low)[0], jalali.jalali_parts(high)[0] + 1)
        days = (_clamped(year, am, ad) for year in years)
    else:
        step = 1 if kind == MONTHLY_JALALI else 3
        ly, lm, _ = jalali.jalali_parts(low)
        hy, hm, _ = jalali.jalali_parts(high)
        anchor_index = ay * 12 + am - 1
        # The first month of the series at or after low's month, then every ``step`` months.
        first_index = anchor_index + max(0, -(-((ly * 12 + lm - 1) - anchor_index) // step)) * step
        days = (
            _clamped(index // 12, index % 12 + 1, ad)
            for index in range(first_index, hy * 12 + hm, step)
        )
    return [day for day in days if low <= day <= high]


def _lunar(anchor: dt.date, low: dt.date, high: dt.date, correction: int) -> list[dt.date]:
    """Yearly on the anchor's lunar month and day, within [low, high]."""
    try:
        first_year = hijri.to_hijri(low, correction).year
        last_year = hijri.to_hijri(high, correction).year
    except ValidationError:
        return []  # beyond the years the lunar converter knows
    days = []
    for year in range(first_year, last_year + 1):
        try:
            day = lunar_anniversary(anchor, year, correction)
        except ValidationError:
            continue
        if low <= day <= high:
            days.append(day)
    return days


def next_occurrence(anchor: dt.date, kind: str, after: dt.date, *, until: dt.date | None = None, correction: int = 0) -> dt.date | None:
    """The first occurrence on or after ``after`` (looking up to two years ahead), or None."""
    found = occurrences(anchor, kind, after, after + dt.timedelta(days=800), until=until, correction=correction)
    return found[0] if found else None
