"""Occasions: the catalog's rules (fixed day, nth or last weekday, end of month) in the three calendars, and what a day holds."""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from prdesk.core import hijri, jalali
from prdesk.core.calendars import DayInfo, day_info
from prdesk.core.text import clean, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.paths import resource

CATALOG_FILE = ("data", "occasions.json")
CATALOG_FORMAT = 1

# The calendar an occasion follows, with the Persian name the app shows.
CALENDARS: dict[str, str] = {"jalali": "خورشیدی", "hijri": "قمری", "gregorian": "میلادی"}
CATEGORIES: dict[str, str] = {
    "national": "ملی",
    "religious": "مذهبی",
    "international": "جهانی",
    "office": "مرتبط با اداره",
}
MESSAGES: dict[str, str] = {"greeting": "تبریک", "condolence": "تسلیت", "none": "بدون پیام"}
RULE_TYPES: dict[str, str] = {
    "fixed": "روز ثابت ماه",
    "nth_weekday": "چندمین (یا آخرین) روز هفته در ماه",
    "month_end": "آخرین روز ماه",
}
# Catalog keys that changed with a corrected title (old key -> new key); migration m050_ and
# anything else keyed by a catalog occasion carry the old key over.
RENAMED_KEYS: dict[str, str] = {
    "j03-8d197957": "j03-95b2bdce",  # Imam Khomeini's death: «۱۳۶۸ ه‍.ق» was a wrong era (ه‍.ش)
    "h02-0f4cffef": "h02-10ca743a",  # Imam Reza: the rule note «(۳۰ صَفَر یا انتهای ماه)» left the title
    "h11-268d4a20": "h11-8173565e",  # Imam Javad: the rule note «(۳۰ ذی‌القعده یا انتهای ماه)» left the title
}
LAST = -1  # nth for "the last such weekday of the month"
ORDINALS = {1: "اولین", 2: "دومین", 3: "سومین", 4: "چهارمین", 5: "پنجمین", LAST: "آخرین"}

# Where an item of a day comes from (the "source" of the JSON contract in DESIGN.md).
SOURCE_CATALOG = "catalog"  # the shipped catalog and the office's own recurring occasions
SOURCE_EVENT = "event"  # the office's own events (مراسم)
SOURCE_BIRTHDAY = "birthday"  # birthdays of people in the directory
SOURCE_PERSON = "person"  # other dates kept on a person (a death anniversary)


@dataclass(frozen=True)
class Rule:
    """When in a month of its calendar an occasion falls each year.

    ``fixed``: day ``day`` of ``month`` (no occurrence in a year where the month is shorter);
    ``nth_weekday``: the ``nth`` (1…5, or -1 for the last) ``weekday`` (0 = Saturday … 6 = Friday)
    of ``month``, moved by ``offset`` days (the eve of the last Wednesday is offset -1);
    ``month_end``: the last day of ``month`` (30 Safar, or the 29th when Safar has 29 days).
    """

    type: str
    month: int
    day: int = 0
    weekday: int = 0
    nth: int = 0
    offset: int = 0

    @classmethod
    def from_dict(cls, data: Mapping) -> Rule:
        """A rule from its JSON form; raises ValidationError when it cannot be evaluated."""
        try:
            rule = cls(
                type=str(data["type"]),
                month=int(data["month"]),
                day=int(data.get("day", 0)),
                weekday=int(data.get("weekday", 0)),
                nth=int(data.get("nth", 0)),
                offset=int(data.get("offset", 0)),
            )
        except (KeyError, TypeError, ValueError):
            raise ValidationError("قاعدهٔ مناسبت ناقص است: نوع قاعده و ماه را تعیین کنید.") from None
        rule.check()
        return rule

    def to_dict(self) -> dict:
        """The JSON form, with only the fields the rule type uses."""
        data: dict = {"type": self.type, "month": self.month}
        if self.type == "fixed":
            data["day"] = self.day
        elif self.type == "nth_weekday":
            data.update(weekday=self.weekday, nth=self.nth)
            if self.offset:
                data["offset"] = self.offset
        return data

    def check(self) -> None:
        """Raise ValidationError, in plain Persian, when the rule cannot be evaluated."""
        if self.type not in RULE_TYPES:
            raise ValidationError(f"نوع قاعدهٔ «{self.type}» شناخته نیست.", "rule")
        if not 1 <= self.month <= 12:
            raise ValidationError(f"ماه {to_persian_digits(self.month)} وجود ندارد: ماه را از ۱ تا ۱۲ انتخاب کنید.", "month")
        if self.type == "fixed" and not 1 <= self.day <= 31:
            raise ValidationError(f"روز {to_persian_digits(self.day)} وجود ندارد: روز را از ۱ تا ۳۱ انتخاب کنید.", "day")
        if self.type == "nth_weekday":
            if not 0 <= self.weekday <= 6:
                raise ValidationError("روز هفته را از شنبه تا جمعه انتخاب کنید.", "weekday")
            if self.nth not in ORDINALS:
                raise ValidationError("یکی از «اولین» تا «پنجمین» یا «آخرین» را انتخاب کنید.", "nth")
            if abs(self.offset) > 7:
                raise ValidationError("جابه‌جایی قاعده بیش از یک هفته نمی‌تواند باشد.", "offset")


@dataclass(frozen=True)
class Occasion:
    """An occasion of the catalog (or one of the office's own): what it is and when it falls."""

    key: str
    title: str
    calendar: str
    rule: Rule
    holiday: bool = False
    category: str = "national"
    message: str = "none"

    def dates_in(self, start: dt.date, end: dt.date, correction: int = 0) -> list[dt.date]:
        """The days from ``start`` to ``end`` (inclusive) this occasion falls on."""
        return rule_dates(self.calendar, self.rule, start, end, correction)

    def describe_rule(self) -> str:
        """The rule in Persian words, e.g. «۳۰ صفر یا آخرین روز ماه», «اولین شنبهٔ ژوئیه»."""
        return describe_rule(self.calendar, self.rule)


@dataclass
class DayItem:
    """One thing listed on a day: an occasion, an event, a birthday or another date of a person.

    ``category`` is national/religious/international/office for occasions, the event type
    (ceremony, meeting, …) for events, staff/contact for birthdays and the kind of date for the
    other person dates. ``ref`` points back to the record: the occasion key, the event id, the
    person id.
    """

    title: str
    category: str
    holiday: bool
    source: str
    message: str = "none"
    ref: str | int | None = None
    start_time: str = ""
    end_time: str = ""
    status: str = ""
    location: str = ""
    reminder_days: int | None = None
    lunar: bool = False  # falls on a lunar date: as sure as the day's lunar_source
    count: int = 0  # for a day's contacts' birthdays folded into one item: how many

    def to_dict(self) -> dict:
        """The object of the day-by-day JSON (DESIGN.md), with the optional fields that apply."""
        data: dict = {"title": self.title, "category": self.category, "holiday": self.holiday, "source": self.source}
        if self.lunar:
            data["lunar"] = True
        if self.count:
            data["count"] = self.count  # contacts' birthdays of the day, folded into one item
        if self.message != "none":
            data["message"] = self.message
        if self.ref is not None:
            data["ref"] = self.ref
        for name in ("start_time", "end_time", "status", "location", "reminder_days"):
            value = getattr(self, name)
            if value or (name == "reminder_days" and value == 0):
                data[name] = value
        return data


@dataclass
class DayEntry:
    """One day of the year model: the day in three calendars, whether the office is closed, what it holds."""

    info: DayInfo
    holiday: bool
    occasions: list[DayItem] = field(default_factory=list)

    @property
    def date(self) -> dt.date:
        """The Gregorian date."""
        return self.info.gregorian

    @property
    def jalali(self) -> tuple[int, int, int]:
        """The Jalali (year, month, day)."""
        return self.info.jalali

    @property
    def weekday(self) -> int:
        """0 = Saturday … 6 = Friday."""
        return self.info.weekday_index

    def to_dict(self) -> dict:
        """The day as the ``prdesk calendar year --format json`` object (ASCII digits in dates)."""
        return {
            "gregorian": self.info.gregorian_iso,
            "jalali": self.info.jalali_iso,
            "hijri": self.info.hijri_iso,
            "lunar_source": self.info.hijri_source,
            "weekday": self.info.weekday_name,
            "holiday": self.holiday,
            "occasions": [item.to_dict() for item in self.occasions],
        }


def jalali_year_span(year: int) -> tuple[dt.date, dt.date]:
    """The first and the last Gregorian day of a Jalali year."""
    first = jalali.to_gregorian(year, 1, 1)
    # The last day of Esfand, not "1 Farvardin of the next year minus a day": the next year may
    # lie outside the years a clerk can type (1699 is the last).
    return first, jalali.to_gregorian(year, 12, jalali.days_in_month(year, 12))


def month_span(calendar: str, year: int, month: int, correction: int = 0) -> tuple[dt.date, int]:
    """First Gregorian day and length in days of a month of ``calendar``."""
    if calendar == "jalali":
        return jalali.to_gregorian(year, month, 1), jalali.days_in_month(year, month)
    if calendar == "hijri":
        return hijri.from_hijri(year, month, 1, correction), hijri.month_length(year, month, correction)
    if calendar == "gregorian":
        return dt.date(year, month, 1), gregorian_calendar.monthrange(year, month)[1]
    raise ValidationError(f"تقویم «{calendar}» شناخته نیست؛ خورشیدی، قمری یا میلادی را انتخاب کنید.", "calendar")


def _years_of(calendar: str, start: dt.date, end: dt.date, correction: int) -> range:
    """The years of ``calendar`` that overlap the days from ``start`` to ``end``."""
    if calendar == "jalali":
        return range(jalali.jalali_parts(start)[0], jalali.jalali_parts(end)[0] + 1)
    if calendar == "hijri":
        first = _hijri_or_none(start, correction)
        last = _hijri_or_none(end, correction)
        if first is None and last is None:
            return range(0)
        # At the edge of the lunar converter's years, try the neighbouring years; rule_date skips those it cannot convert.
        return range(first.year if first else last.year - 2, (last.year if last else first.year + 2) + 1)
    if calendar == "gregorian":
        return range(start.year, end.year + 1)
    raise ValidationError(f"تقویم «{calendar}» شناخته نیست؛ خورشیدی، قمری یا میلادی را انتخاب کنید.", "calendar")


def _hijri_or_none(date: dt.date, correction: int) -> hijri.HijriDate | None:
    try:
        return hijri.to_hijri(date, correction)
    except ValidationError:
        return None


def rule_date(calendar: str, rule: Rule, year: int, correction: int = 0) -> dt.date | None:
    """The day ``rule`` gives in ``year`` of ``calendar``, or None (day 30 of a 29-day month)."""
    try:
        first, length = month_span(calendar, year, rule.month, correction)
    except ValidationError:
        if calendar == "hijri":
            return None  # a lunar year beyond the converter's range
        raise
    if rule.type == "fixed":
        return first + dt.timedelta(days=rule.day - 1) if rule.day <= length else None
    if rule.type == "month_end":
        return first + dt.timedelta(days=length - 1)
    if rule.type == "nth_weekday":
        if rule.nth == LAST:
            last = first + dt.timedelta(days=length - 1)
            day = last - dt.timedelta(days=(jalali.week_index(last) - rule.weekday) % 7)
        else:
            day = first + dt.timedelta(days=(rule.weekday - jalali.week_index(first)) % 7 + 7 * (rule.nth - 1))
            if day > first + dt.timedelta(days=length - 1):
                return None  # no fifth such weekday this month
        return day + dt.timedelta(days=rule.offset)
    raise ValidationError(f"نوع قاعدهٔ «{rule.type}» شناخته نیست.", "rule")


def rule_dates(calendar: str, rule: Rule, start: dt.date, end: dt.date, correction: int = 0) -> list[dt.date]:
    """Every day from ``start`` to ``end`` (inclusive) the rule falls on, in order.

    A lunar occasion can fall twice in one Jalali year, since the lunar year is 10–11 days shorter.
    """
    days = []
    for year in _years_of(calendar, start, end, correction):
        day = rule_date(calendar, rule, year, correction)
        if day is not None and start <= day <= end:
            days.append(day)
    return days


def occasion_dates(occasion: Occasion, jalali_year: int, correction: int = 0) -> list[dt.date]:
    """The days of a Jalali year an occasion falls on (none, one, or two for a lunar one)."""
    return occasion.dates_in(*jalali_year_span(jalali_year), correction)


def describe_rule(calendar: str, rule: Rule) -> str:
    """The rule in Persian words, for lists and the occasion dialog."""
    months = {
        "jalali": jalali.jalali_month_names,
        "hijri": hijri.hijri_month_names,
        "gregorian": _gregorian_month_names(),
    }[calendar]
    month = months[rule.month - 1]
    if rule.type == "fixed":
        return f"{to_persian_digits(rule.day)} {month}"
    if rule.type == "month_end":
        return f"آخرین روز {month}"
    text = f"{ORDINALS[rule.nth]} {jalali.weekday_names[rule.weekday]}\u0654 {month}"
    if rule.offset:
        direction = "پیش از" if rule.offset < 0 else "پس از"
        text = f"{to_persian_digits(abs(rule.offset))} روز {direction} {text}"
    return text


def _gregorian_month_names() -> tuple[str, ...]:
    from prdesk.core.calendars import gregorian_month_names

    return gregorian_month_names


def occasion_from_dict(data: Mapping) -> Occasion:
    """An occasion from the catalog's JSON form; raises ValidationError for a bad entry."""
    calendar = str(data.get("calendar", ""))
    if calendar not in CALENDARS:
        raise ValidationError(f"تقویم «{calendar}» شناخته نیست؛ خورشیدی، قمری یا میلادی را انتخاب کنید.", "calendar")
    category = str(data.get("category", "national"))
    if category not in CATEGORIES:
        raise ValidationError(f"دستهٔ «{category}» شناخته نیست.", "category")
    message = str(data.get("message", "none"))
    if message not in MESSAGES:
        raise ValidationError(f"نوع پیام «{message}» شناخته نیست؛ تبریک، تسلیت یا بدون پیام.", "message")
    title = clean(data.get("title"))
    if not title:
        raise ValidationError("عنوان مناسبت را بنویسید.", "title")
    return Occasion(
        key=str(data["key"]),
        title=title,
        calendar=calendar,
        rule=Rule.from_dict(data["rule"]),
        holiday=bool(data.get("holiday", False)),
        category=category,
        message=message,
    )


@lru_cache(maxsize=4)
def load_catalog(path: Path | None = None) -> tuple[Occasion, ...]:
    """The shipped occasion catalog (resources/data/occasions.json), read once."""
    path = path or resource(*CATALOG_FILE)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("format") != CATALOG_FORMAT:
        raise RuntimeError(f"{path} has format {data.get('format')!r}, expected {CATALOG_FORMAT}")
    return tuple(occasion_from_dict(entry) for entry in data["occasions"])


def catalog_by_key() -> dict[str, Occasion]:
    """The catalog by occasion key."""
    return {occasion.key: occasion for occasion in load_catalog()}


@lru_cache(maxsize=16)
def catalog_year(jalali_year: int, correction: int = 0) -> dict[dt.date, tuple[Occasion, ...]]:
    """The catalog's occasions of one Jalali year, by day (computed once per year and correction)."""
    start, end = jalali_year_span(jalali_year)
    by_day: dict[dt.date, list[Occasion]] = {}
    for occasion in load_catalog():
        for day in occasion.dates_in(start, end, correction):
            by_day.setdefault(day, []).append(occasion)
    return {day: tuple(items) for day, items in by_day.items()}


def catalog_between(start: dt.date, end: dt.date, correction: int = 0) -> dict[dt.date, tuple[Occasion, ...]]:
    """The catalog's occasions from ``start`` to ``end`` (inclusive), by day."""
    result: dict[dt.date, tuple[Occasion, ...]] = {}
    for year in range(jalali.jalali_parts(start)[0], jalali.jalali_parts(end)[0] + 1):
        for day, items in catalog_year(year, correction).items():
            if start <= day <= end:
                result[day] = items
    return result


@lru_cache(maxsize=16)
def _year_days(jalali_year: int, correction: int) -> tuple[DayInfo, ...]:
    start, end = jalali_year_span(jalali_year)
    return tuple(day_info(start + dt.timedelta(days=i), correction) for i in range((end - start).days + 1))


def days_between(start: dt.date, end: dt.date, correction: int = 0) -> list[DayInfo]:
    """Each day from ``start`` to ``end`` (inclusive) in the three calendars (cached per Jalali year)."""
    days: list[DayInfo] = []
    for year in range(jalali.jalali_parts(start)[0], jalali.jalali_parts(end)[0] + 1):
        days.extend(info for info in _year_days(year, correction) if start <= info.gregorian <= end)
    return days

