"""Jalali (solar Hijri) dates: names, parsing what a clerk types, formatting, month grids.

Every conversion goes through jdatetime's converter, jalali_core (jdatetime's own dates call it),
which follows the astronomical calendar; Qt's own QCalendar Jalali system uses an arithmetic rule
that is wrong for some years (1436, 1437, 1469, 1470), so every Jalali date the app shows comes
from here. jalali_core is called directly: the window paints today's date without importing
jdatetime and the platform module it pulls in, and a month of birthdays converts without making
a jdatetime date (which looks up the locale) for each.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from jalali_core import GregorianToJalali, JalaliToGregorian, j_days_in_month

from prdesk.core.text import clean, compact_key, search_key, to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError

jalali_month_names: tuple[str, ...] = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)
# Saturday first: index 0 is Saturday, 6 is Friday (the weekly holiday).
weekday_names: tuple[str, ...] = (
    "شنبه", "یکشنبه", "دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنج\u200cشنبه", "جمعه",
)
FRIDAY = 6
# Years a clerk can mean; anything else is a typo (a two-digit year, a Gregorian year).
MIN_YEAR = 1000
MAX_YEAR = 1699

EXAMPLE = "۱۴۰۵/۰۸/۳۰"
_HOW = f"تاریخ را به شکل {EXAMPLE} یا ۳۰ آبان ۱۴۰۵ بنویسید."

# Other spellings clerks write: the old name «امرداد», «اردی بهشت» in two words (ZWNJ and space
# variants and Arabic ي/ك fold in compact_key), and the names typed without the madda.
_MONTH_ALIASES = {"امرداد": 5, "ابان": 8, "اذر": 9, "اسفندار": 12, "اسفندارمذ": 12}
_MONTH_BY_KEY = {
    **{compact_key(name): number for name, number in _MONTH_ALIASES.items()},
    **{compact_key(name): number for number, name in enumerate(jalali_month_names, start=1)},
}
# The lunar months, in the spellings people write, to say so when one is typed for a Jalali date.
_LUNAR_ALIASES = {
    "محرم": 1, "محرم الحرام": 1, "صفر": 2, "ربیع الاول": 3, "ربیع الثانی": 4, "ربیع الآخر": 4,
    "جمادی الاول": 5, "جمادی الاولی": 5, "جمادی الثانی": 6, "جمادی الثانیه": 6, "جمادی الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذی القعده": 11, "ذیقعده": 11, "ذی الحجه": 12, "ذیحجه": 12,
}
_LUNAR_BY_KEY = {compact_key(name): number for name, number in _LUNAR_ALIASES.items()}
# A date marked lunar: «۱۴۴۷/۰۹/۱۵ ق»، «… ه.ق»، «… قمری».
_LUNAR_MARK = re.compile(r"\s*(?:ه\s*\.?\s*ق|ق|قمری)\s*\.?$")
_WEEKDAY_BY_KEY = {compact_key(name): index for index, name in enumerate(weekday_names)}
_SEPARATORS = "/\\-.\u066b\u060c\u2044\u2215\uff0f"  # also Arabic decimal point, Arabic comma, fraction slashes
_NUMERIC = re.compile(rf"^(\d+)\s*[{re.escape(_SEPARATORS)}]\s*(\d+)\s*[{re.escape(_SEPARATORS)}]\s*(\d+)$")
# search_key turns ZWNJ into a space, so «سه‌شنبه» may arrive as «سه شنبه» or written together.
_WEEKDAY_PATTERN = "|".join(
    re.escape(search_key(name)).replace(r"\ ", " ?")
    for name in sorted(weekday_names, key=len, reverse=True)
)
# The month's name may be two words («اردی بهشت»), and may be followed by «ماه».
_NAMED = re.compile(rf"^(?:({_WEEKDAY_PATTERN}) )?(\d+) ([^\d]+?) (\d+)$")


@lru_cache(maxsize=1 << 16)
def jalali_parts(date: dt.date) -> tuple[int, int, int]:
    """The Jalali (year, month, day) of a Gregorian date."""
    # Cached: a month of the calendar converts thousands of birthdays.
    return GregorianToJalali(date.year, date.month, date.day).getJalaliList()


def is_leap(jalali_year: int) -> bool:
    """Whether the Jalali year has 366 days (Esfand has 30 days)."""
    return (_to_gregorian(jalali_year + 1, 1, 1) - _to_gregorian(jalali_year, 1, 1)).days == 366


def days_in_month(year: int, month: int) -> int:
    """Number of days of a Jalali month."""
    if not 1 <= month <= 12:
        raise ValidationError(_month_message(month))
    if month == 12:
        return 30 if is_leap(year) else 29
    return j_days_in_month[month - 1]


def week_index(date: dt.date) -> int:
    """Position of the day in a Saturday-first week: 0 = Saturday … 6 = Friday."""
    return (date.weekday() + 2) % 7


def is_friday(date: dt.date) -> bool:
    """Whether the day is a Friday, the weekly holiday."""
    return date.weekday() == 4


def weekday_name(date: dt.date) -> str:
    """The Persian name of the day of the week («شنبه» … «جمعه»)."""
    return weekday_names[week_index(date)]


def today() -> dt.date:
    """Today's (Gregorian) date on this computer."""
    return dt.date.today()


def to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a Jalali date; an impossible date raises ValidationError saying why."""
    _check(year, month, day)
    return _to_gregorian(year, month, day)


@lru_cache(maxsize=1 << 16)
def _to_gregorian(year: int, month: int, day: int) -> dt.date:
    return dt.date(*JalaliToGregorian(year, month, day).getGregorianList())


def format_jalali(date: dt.date) -> str:
    """«۱۴۰۵/۰۸/۳۰»: the short form shown everywhere."""
    return to_persian_digits(format_jalali_iso(date))


def format_jalali_iso(date: dt.date) -> str:
    """«1405/08/30» with ASCII digits, for JSON and files."""
    y, m, d = jalali_parts(date)
    return f"{y:04d}/{m:02d}/{d:02d}"


def format_jalali_long(date: dt.date) -> str:
    """«شنبه ۳۰ آبان ۱۴۰۵»: weekday, day, month name, year."""
    y, m, d = jalali_parts(date)
    return f"{weekday_name(date)} {to_persian_digits(d)} {jalali_month_names[m - 1]} {to_persian_digits(y)}"


def month_grid(year: int, month: int) -> list[list[dt.date | None]]:
    """The Saturday-first weeks of a Jalali month; days of other months are None."""
    first = to_gregorian(year, month, 1)
    cells: list[dt.date | None] = [None] * week_index(first)
    cells += [first + dt.timedelta(days=i) for i in range(days_in_month(year, month))]
    cells += [None] * (-len(cells) % 7)
    return [cells[i:i + 7] for i in range(0, len(cells), 7)]


def parse_jalali(text: str | None, field: str | None = None) -> dt.date:
    """The day a clerk typed as a Jalali date, in any of the forms people write.

    Accepts ``1405/8/30``, ``۱۴۰۵/۰۸/۳۰``, ``1405-08-30``, day first ``۳۰/۰۸/۱۴۰۵``, Persian,
    Arabic-Indic or ASCII digits, ``۳۰ آبان ۱۴۰۵`` (Arabic ي/ك too) and the long form with the
    weekday. Anything else, or a day that does not exist, raises ValidationError saying why.
    """
    year, month, day, weekday = _read(text, field)
    try:
        date = to_gregorian(year, month, day)
    except ValidationError as error:
        raise ValidationError(str(error), field) from None
    if weekday is not None and weekday != week_index(date):
        raise ValidationError(
            f"{format_jalali_long(date).split(' ', 1)[1]} {weekday_name(date)} است، نه {weekday_names[weekday]}.",
            field,
        )
    return date


def _read(text: str | None, field: str | None) -> tuple[int, int, int, int | None]:
    """Split typed text into Jalali (year, month, day) and the weekday named in it, if any."""
    raw = clean(text)
    if not raw:
        raise ValidationError(f"تاریخ خالی است؛ {_HOW}", field)
    plain = to_ascii_digits(raw)
    plain = re.sub(r"\s+", " ", plain).strip()
    numeric = _NUMERIC.match(plain)
    if numeric:
        a, b, c = numeric.groups()
        if len(a) >= 3 or int(a) > 31:
            year, month, day = int(a), int(b), int(c)
        elif len(c) >= 3 or int(c) > 31:
            day, month, year = int(a), int(b), int(c)
        else:
            raise ValidationError(f"سال را چهاررقمی بنویسید؛ {_HOW}", field)
        _check_year(year, field)
        return year, month, day, None
    lunar = _LUNAR_MARK.search(plain)
    if lunar and _NUMERIC.match(plain[: lunar.start()].strip()):
        a, b, c = _NUMERIC.match(plain[: lunar.start()].strip()).groups()
        year, month, day = (int(a), int(b), int(c)) if len(a) >= 3 else (int(c), int(b), int(a))
        raise ValidationError(_lunar_message(raw, year, month, day), field)
    named = _NAMED.match(search_key(raw.replace("،", " ").replace(",", " ")))
    if named:
        weekday_text, day_text, month_text, year_text = named.groups()
        month_key = compact_key(month_text)
        if month_key not in _MONTH_BY_KEY and month_key.endswith("ماه"):
            month_key = month_key[: -len("ماه")]
        month = _MONTH_BY_KEY.get(month_key)
        if month is None and month_key in _LUNAR_BY_KEY:
            raise ValidationError(_lunar_message(raw, int(year_text), _LUNAR_BY_KEY[month_key], int(day_text)), field)
        if month is None:
            names = "، ".join(jalali_month_names)
            raise ValidationError(f"ماه «{month_text}» شناخته نشد؛ نام ماه یکی از این‌هاست: {names}.", field)
        year = int(year_text)
        _check_year(year, field)
        weekday = _WEEKDAY_BY_KEY[compact_key(weekday_text)] if weekday_text else None
        return year, month, int(day_text), weekday
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    raise ValidationError(f"«{shown}» تاریخ نیست؛ {_HOW}", field)


def _lunar_message(raw: str, year: int, month: int, day: int) -> str:
    """Why a lunar date is refused where a Jalali one is expected, with its Jalali day when known."""
    from prdesk.core import hijri

    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    text = f"«{shown}» تاریخ قمری است؛ اینجا تاریخ خورشیدی لازم است"
    try:
        same = hijri.from_hijri(year, month, day)
    except ValidationError:
        return f"{text}. {_HOW}"
    return f"{text}: این روز برابر {format_jalali_long(same)} ({format_jalali(same)}) است."


def _check_year(year: int, field: str | None) -> None:
    if year >= 1700:
        raise ValidationError(
            f"سال {to_persian_digits(year)} سال خورشیدی نیست (سال میلادی است)؛ {_HOW}", field
        )
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(f"سال {to_persian_digits(year)} درست نیست؛ سال را چهاررقمی بنویسید، مثلاً ۱۴۰۵.", field)


def _month_message(month: int) -> str:
    return f"ماه {to_persian_digits(month)} وجود ندارد: ماه‌های سال از ۱ (فروردین) تا ۱۲ (اسفند) است."


def _check(year: int, month: int, day: int) -> None:
    """Raise ValidationError, in plain Persian, when the Jalali date does not exist."""
    _check_year(year, None)
    if not 1 <= month <= 12:
        raise ValidationError(_month_message(month))
    if day < 1:
        raise ValidationError(f"روز {to_persian_digits(day)} وجود ندارد: روزهای ماه از ۱ شروع می‌شوند.")
    length = days_in_month(year, month)
    if day <= length:
        return
    shown = to_persian_digits(f"{year:04d}/{month:02d}/{day:02d}")
    name = jalali_month_names[month - 1]
    if month == 12 and day == 30:
        reason = f"سال {to_persian_digits(year)} کبیسه نیست و اسفند آن ۲۹ روز است."
    elif month == 12:
        kind = "کبیسه است" if length == 30 else "کبیسه نیست"
        reason = f"سال {to_persian_digits(year)} {kind} و اسفند آن {to_persian_digits(length)} روز است."
    else:
        reason = f"{name} {to_persian_digits(length)} روز است."
    raise ValidationError(f"{shown} وجود ندارد: {reason}")
