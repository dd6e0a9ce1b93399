"""A year of the calendar as day-by-day JSON, CSV for spreadsheets, or iCalendar for Outlook and Google Calendar."""

from __future__ import annotations

import csv
import hashlib
import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import icalendar
from sqlite_utils import Database

from prdesk import __version__
from prdesk.core.jalali import MAX_YEAR, MIN_YEAR
from prdesk.core.occasions import CATEGORIES, SOURCE_BIRTHDAY, SOURCE_CATALOG, SOURCE_EVENT, SOURCE_PERSON, DayEntry, DayItem
from prdesk.core.text import to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store.calendar import EVENT_TYPES, year_model

FORMATS = ("json", "ics", "csv")
TIMEZONE = "Asia/Tehran"
CSV_COLUMNS = (
    "gregorian", "jalali", "hijri", "lunar_source", "weekday", "day_holiday", "title", "category", "holiday", "source", "message",
    "start_time", "end_time",
)
_SOURCE_NAMES = {SOURCE_CATALOG: "مناسبت", SOURCE_EVENT: "مراسم", SOURCE_BIRTHDAY: "تولد", SOURCE_PERSON: "یادبود"}
# What an ICS entry on a lunar date says when the date is not yet official.
_LUNAR_NOTES = {
    "predicted": "تاریخ قمری پیش‌بینی مرکز تقویم است و هنوز رسمی نشده",
    "estimated": "تاریخ قمری برآورد است و ممکن است یک روز جابه‌جا شود",
}
_ICS_STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def check_year(year) -> int:
    """A Jalali year typed by the clerk (Persian or ASCII digits); ValidationError otherwise."""
    text = to_ascii_digits(str(year)).strip()
    if not text.isdigit() or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise ValidationError(f"سال «{to_persian_digits(text)}» درست نیست؛ سال خورشیدی را چهاررقمی بنویسید، مثلاً ۱۴۰۵.", "year")
    return int(text)


def to_json(model: list[DayEntry]) -> str:
    """The day-by-day JSON of DESIGN.md: one object per day, UTF-8, ASCII digits in the dates."""
    return json.dumps([day.to_dict() for day in model], ensure_ascii=False, indent=2) + "\n"


def to_csv(model: list[DayEntry]) -> str:
    """One row per item of each day (a day with nothing on it is one row with an empty title)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for day in model:
        base = [
            day.info.gregorian_iso, day.info.jalali_iso, day.info.hijri_iso, day.info.hijri_source,
            day.info.weekday_name, int(day.holiday),
        ]
        if not day.occasions:
            writer.writerow(base + [""] * (len(CSV_COLUMNS) - len(base)))
        for item in day.occasions:
            writer.writerow(
                base + [item.title, item.category, int(item.holiday), item.source, item.message, item.start_time, item.end_time]
            )
    return out.getvalue()


def _category_name(item: DayItem) -> str:
    if item.source == SOURCE_CATALOG:
        return CATEGORIES.get(item.category, item.category)
    if item.source == SOURCE_EVENT:
        return EVENT_TYPES.get(item.category, item.category)
    return _SOURCE_NAMES[item.source]


def _uid(day: DayEntry, item: DayItem) -> str:
    # Stable across exports, so importing the file again updates the same entries instead of doubling them.
    ref = str(item.ref).replace(":", "-")
    if item.source == SOURCE_PERSON or item.ref is None:
        # A person may have several dates on one day; the label tells them apart.
        ref += "-" + hashlib.sha1(item.title.encode("utf-8")).hexdigest()[:8]
    return f"{item.source}-{ref}-{day.date:%Y%m%d}@prdesk"


def to_ics(model: list[DayEntry], *, name: str = "", stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file of the model's items that Outlook and Google Calendar import.

    Occasions, birthdays and all-day events are all-day entries (DTSTART as a DATE, DTEND the next
    day) that do not block time; timed events carry Asia/Tehran times with its VTIMEZONE. Each entry
    has a stable UID, so importing a newer export updates entries instead of doubling them.
    """
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    tehran = ZoneInfo(TIMEZONE)
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//prdesk//prdesk {__version__}//FA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)
    for day in model:
        for item in day.occasions:
            event = icalendar.Event()
            event.add("uid", _uid(day, item))
            event.add("dtstamp", stamp)
            event.add("summary", item.title)
            if item.source == SOURCE_EVENT and item.start_time:
                start = dt.datetime.combine(day.date, dt.time.fromisoformat(item.start_time), tehran)
                end = (
                    dt.datetime.combine(day.date, dt.time.fromisoformat(item.end_time), tehran)
                    if item.end_time
                    else start + dt.timedelta(hours=1)
                )
                event.add("dtstart", start)
                event.add("dtend", end)
                event.add("transp", "OPAQUE")
            else:
                event.add("dtstart", day.date)
                event.add("dtend", day.date + dt.timedelta(days=1))
                event.add("transp", "TRANSPARENT")
            lines = [day.info.jalali_long]
            if day.info.hijri_long:
                lines.append(day.info.hijri_long)
            if item.holiday:
                lines.append("تعطیل رسمی")
            if item.lunar and day.info.hijri_source in _LUNAR_NOTES:
                lines.append(_LUNAR_NOTES[day.info.hijri_source])
            if day.info.hijri_source:
                event.add("x-prdesk-lunar-source", day.info.hijri_source)
            event.add("description", "\n".join(lines))
            event.add("categories", [_category_name(item)])
            if item.location:
                event.add("location", item.location)
            if item.source == SOURCE_EVENT and item.status in _ICS_STATUS:
                event.add("status", _ICS_STATUS[item.status])
            if item.reminder_days is not None and item.status != "cancelled":
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", item.title)
                alarm.add("trigger", -dt.timedelta(days=item.reminder_days))
                event.add_component(alarm)
            cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def export_year(db: Database, jalali_year, fmt: str = "json") -> str | bytes:
    """A Jalali year of the year model in ``fmt`` (json, csv: text; ics: bytes)."""
    year = check_year(jalali_year)
    if fmt not in FORMATS:
        raise ValidationError(f"قالب «{fmt}» شناخته نیست؛ یکی از json، ics یا csv را انتخاب کنید.", "format")
    model = year_model(db, year)
    if fmt == "json":
        return to_json(model)
    if fmt == "csv":
        return to_csv(model)
    return to_ics(model, name=f"تقویم {to_persian_digits(year)}")
