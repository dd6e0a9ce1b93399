"""One day in the three calendars (Jalali, Iran's lunar Hijri, Gregorian), and reading any of them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from prdesk.core import hijri, jalali
from prdesk.core.text import clean, compact_key, search_key, to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError

gregorian_month_names: tuple[str, ...] = (
    "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
    "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
)
gregorian_month_names_en: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_WEEKDAYS_EN = ("Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
# Other spellings people use for the Gregorian months in Persian text.
_GREGORIAN_ALIASES = {
    "می": 5, "مئ": 5, "جون": 6, "ژوین": 6, "جولای": 7, "ژوییه": 7, "ژولای": 7, "آگوست": 8, "اگوست": 8,
    "اگست": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
}
_GREGORIAN_BY_KEY = {
    **{compact_key(name): number for name, number in _GREGORIAN_ALIASES.items()},
    **{compact_key(name): number for number, name in enumerate(gregorian_month_names, start=1)},
    **{compact_key(name): number for number, name in enumerate(gregorian_month_names_en, start=1)},
    **{compact_key(name[:3]): number for number, name in enumerate(gregorian_month_names_en, start=1)},
}
_GREGORIAN_YEAR_FROM = 1700
_SEP = r"\s*[/\-.\\]\s*"
_YEAR_FIRST = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})$")
_YEAR_LAST = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})$")
_NAMED = re.compile(r"^(?:\D+ )?(\d{1,2}) ([^\d\s]+) (\d{4})$")
_HOW = "تاریخ را به شکل ۱۴۰۵/۰۸/۳۰ (خورشیدی) یا 2026-11-21 (میلادی، سال-ماه-روز) بنویسید."


@dataclass(frozen=True)
class DayInfo:
    """One day seen in the three calendars, with the strings the app shows for it."""

    gregorian: dt.date
    jalali: tuple[int, int, int]
    hijri: hijri.HijriDate | None  # None outside the lunar converter's years (1343–1500 AH)
    hijri_source: str  # hijri.OFFICIAL, PREDICTED or ESTIMATED ("" when hijri is None)
    weekday_index: int  # 0 = Saturday … 6 = Friday
    weekday_name: str
    is_friday: bool
    jalali_short: str  # ۱۴۰۵/۰۸/۳۰
    jalali_long: str  # شنبه ۳۰ آبان ۱۴۰۵
    jalali_iso: str  # 1405/08/30
    hijri_long: str  # ۱۱ جمادی‌الثانی ۱۴۴۸ ("" when hijri is None)
    hijri_iso: str  # 1448/06/11 ("" when hijri is None)
    gregorian_long: str  # 21 November 2026
    gregorian_long_fa: str  # ۲۱ نوامبر ۲۰۲۶
    gregorian_iso: str  # 2026-11-21


def format_gregorian_long(date: dt.date) -> str:
    """«21 November 2026»."""
    return f"{date.day} {gregorian_month_names_en[date.month - 1]} {date.year}"


def format_gregorian_long_fa(date: dt.date) -> str:
    """«۲۱ نوامبر ۲۰۲۶»."""
    return f"{to_persian_digits(date.day)} {gregorian_month_names[date.month - 1]} {to_persian_digits(date.year)}"


def day_info(date: dt.date, lunar_correction: int = 0) -> DayInfo:
    """The day in the three calendars; ``lunar_correction`` is the setting of the same name."""
    date = dt.date(date.year, date.month, date.day)
    try:
        lunar: hijri.HijriDate | None = hijri.to_hijri(date, lunar_correction)
    except ValidationError:
        if not -hijri.MAX_CORRECTION <= int(lunar_correction) <= hijri.MAX_CORRECTION:
            raise
        lunar = None
    return DayInfo(
        gregorian=date,
        jalali=jalali.jalali_parts(date),
        hijri=lunar,
        hijri_source=hijri.lunar_source(date) if lunar else "",
        weekday_index=jalali.week_index(date),
        weekday_name=jalali.weekday_name(date),
        is_friday=jalali.is_friday(date),
        jalali_short=jalali.format_jalali(date),
        jalali_long=jalali.format_jalali_long(date),
        jalali_iso=jalali.format_jalali_iso(date),
        hijri_long=hijri.format_hijri(lunar) if lunar else "",
        hijri_iso=hijri.format_hijri_iso(lunar) if lunar else "",
        gregorian_long=format_gregorian_long(date),
        gregorian_long_fa=format_gregorian_long_fa(date),
        gregorian_iso=date.isoformat(),
    )


def import_deferred() -> None:
    """Import what dates need beyond today's (jdatetime, hijridate, calendar), on the calling thread.

    The window paints without them (today's dates come from jalali_core and Iran's lunar table);
    it calls this on its own thread right after the first paint, before any worker starts: a first
    import made on a worker thread while the window's thread imports too can deadlock.
    """
    import calendar  # noqa: F401
    import hijridate  # noqa: F401
    import jdatetime  # noqa: F401


def parse_any_date(text: str | None, field: str | None = None) -> dt.date:
    """A day typed as a Jalali date (any form parse_jalali reads) or a Gregorian one.

    Gregorian dates are written year first (``2026-11-21``, ``2026/11/21``) or with the month's
    name (``21 November 2026``, ``۲۱ نوامبر ۲۰۲۶``); a year from 1700 on means Gregorian.
    """
    raw = clean(text)
    if not raw:
        raise ValidationError(f"تاریخ خالی است؛ {_HOW}", field)
    plain = re.sub(r"\s+", " ", to_ascii_digits(raw))
    year_first = _YEAR_FIRST.match(plain)
    if year_first and int(year_first.group(1)) >= _GREGORIAN_YEAR_FROM:
        year, month, day = (int(part) for part in year_first.groups())
        return _gregorian(year, month, day, field)
    year_last = _YEAR_LAST.match(plain)
    if year_last and int(year_last.group(3)) >= _GREGORIAN_YEAR_FROM:
        # 11/12/2026 is 11 December in Iran and November 12 in American files: refuse to guess.
        raise ValidationError(f"در تاریخ میلادی سال را اول بنویسید (سال-ماه-روز)؛ {_HOW}", field)
    named = _NAMED.match(search_key(raw.replace("،", " ").replace(",", " ")))
    if named and compact_key(named.group(2)) in _GREGORIAN_BY_KEY:
        day, month, year = int(named.group(1)), _GREGORIAN_BY_KEY[compact_key(named.group(2))], int(named.group(3))
        return _gregorian(year, month, day, field)
    return jalali.parse_jalali(raw, field)


def _gregorian(year: int, month: int, day: int, field: str | None) -> dt.date:
    """The Gregorian date, or ValidationError saying why it does not exist."""
    if not 1 <= month <= 12:
        raise ValidationError(f"ماه {to_persian_digits(month)} وجود ندارد: ماه‌های میلادی از ۱ تا ۱۲ است.", field)
    if year < _GREGORIAN_YEAR_FROM:
        raise ValidationError(f"سال میلادی {to_persian_digits(year)} پذیرفته نیست؛ {_HOW}", field)
    import calendar  # only for a Gregorian date typed: not at start-up

    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        shown = to_persian_digits(f"{year:04d}-{month:02d}-{day:02d}")
        raise ValidationError(
            f"{shown} وجود ندارد: {gregorian_month_names[month - 1]} {to_persian_digits(year)} "
            f"{to_persian_digits(length)} روز است.",
            field,
        )
    return dt.date(year, month, day)


def describe_day(text: str, lunar_correction: int = 0) -> str:
    """The lines ``prdesk date convert`` prints: the day in the three calendars with its weekday."""
    info = day_info(parse_any_date(text), lunar_correction)
    lines = [
        f"خورشیدی: {info.jalali_long} ({info.jalali_short})",
    ]
    if info.hijri is None:
        lines.append("قمری: برای این سال در دسترس نیست")
    else:
        note = {
            hijri.OFFICIAL: "",
            hijri.PREDICTED: " — پیش‌بینی مرکز تقویم، هنوز رسمی نشده",
            hijri.ESTIMATED: (
                " — برآورد از رؤیت هلال در ایران"
                if hijri.estimate_basis(info.gregorian) == hijri.CRESCENT
                else " — برآورد از تقویم ام‌القری"
            )
            + (f" با اصلاح {_signed(int(lunar_correction))} روز" if int(lunar_correction) else ""),
        }[info.hijri_source]
        lines.append(f"قمری: {info.hijri_long} ({info.hijri_iso}){note}")
    lines.append(f"میلادی: {info.gregorian_long_fa} ({info.gregorian_iso}, "
                 f"{_WEEKDAYS_EN[info.weekday_index]} {info.gregorian_long})")
    if info.is_friday:
        lines.append("جمعه: تعطیل هفتگی")
    return "\n".join(lines)


def _signed(days: int) -> str:
    """«۱-» / «۲+»: a signed number as the settings page writes it (sign after the digits in RTL)."""
    return to_persian_digits(abs(days)) + ("+" if days > 0 else "-")
