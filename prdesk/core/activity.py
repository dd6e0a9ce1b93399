"""The office's record of media and public work (کارنامه) and the Jalali periods of its report, without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from prdesk.core.jalali import days_in_month, jalali_month_names, jalali_parts, to_gregorian
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError

#: The kinds of media and public work a new database starts with (English key → Persian name).
KINDS: dict[str, str] = {
    "news": "خبر منتشرشده",
    "interview": "مصاحبه",
    "feature": "گزارش/روایت",
    "press-conference": "نشست خبری",
    "coverage": "پوشش خبری",
    "clipping": "بریده جراید",
    "social": "پست شبکه‌های اجتماعی",
    "exhibition": "نمایشگاه",
    "visit": "بازدید",
    "survey": "نظرسنجی",
    "other": "سایر",
}
LEVELS: dict[str, str] = {"national": "ملی", "provincial": "استانی", "local": "محلی"}
TONES: dict[str, str] = {"positive": "مثبت", "neutral": "خنثی", "negative": "منفی"}

SEASONS = ("بهار", "تابستان", "پاییز", "زمستان")
HALVES = ("نیمهٔ نخست", "نیمهٔ دوم")
PERIOD_KINDS = ("month", "season", "half", "year", "range")


@dataclass(frozen=True)
class Period:
    """A span of whole days (both ends included) and how the report names it."""

    start: dt.date
    end: dt.date
    kind: str = "range"  # month, season, half, year or range
    title: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def _span(year: int, first_month: int, last_month: int) -> tuple[dt.date, dt.date]:
    return to_gregorian(year, first_month, 1), to_gregorian(year, last_month, days_in_month(year, last_month))


def month_period(year: int, month: int) -> Period:
    """A Jalali month, e.g. «مهر ۱۴۰۵»."""
    start, end = _span(year, month, month)
    return Period(start, end, "month", f"{jalali_month_names[month - 1]} {to_persian_digits(year)}")


def season_period(year: int, season: int) -> Period:
    """A Jalali season (1 = spring: Farvardin–Khordad … 4 = winter: Dey–Esfand)."""
    if not 1 <= season <= 4:
        raise ValidationError(f"فصل {to_persian_digits(season)} وجود ندارد؛ فصل‌ها از ۱ (بهار) تا ۴ (زمستان) است.", "season")
    start, end = _span(year, 3 * season - 2, 3 * season)
    return Period(start, end, "season", f"{SEASONS[season - 1]} {to_persian_digits(year)}")


def half_period(year: int, half: int) -> Period:
    """The first (Farvardin–Shahrivar) or second (Mehr–Esfand) half of a Jalali year."""
    if half not in (1, 2):
        raise ValidationError("نیمهٔ سال ۱ (فروردین تا شهریور) یا ۲ (مهر تا اسفند) است.", "half")
    start, end = _span(year, 6 * half - 5, 6 * half)
    return Period(start, end, "half", f"{HALVES[half - 1]} سال {to_persian_digits(year)}")


def year_period(year: int) -> Period:
    """A whole Jalali year, Farvardin 1 to the last day of Esfand."""
    start, end = _span(year, 1, 12)
    return Period(start, end, "year", f"سال {to_persian_digits(year)}")


def range_period(start: dt.date, end: dt.date) -> Period:
    """Any span of days; a span that ends before it starts is refused."""
    from prdesk.core.jalali import format_jalali

    if end < start:
        raise ValidationError(
            f"پایان دوره ({format_jalali(end)}) پیش از آغاز آن ({format_jalali(start)}) است؛ تاریخ‌ها را جابه‌جا وارد کنید.", "to"
        )
    return Period(start, end, "range", f"{format_jalali(start)} تا {format_jalali(end)}")


def period_of(start: dt.date, end: dt.date) -> Period:
    """The named period (month, season, half, year) that ``start``–``end`` is exactly, else a range."""
    y, m, d = jalali_parts(start)
    if d == 1:
        candidates = [month_period(y, m)]
        if m % 3 == 1:
            candidates.append(season_period(y, (m + 2) // 3))
        if m in (1, 7):
            candidates.append(half_period(y, 1 if m == 1 else 2))
        if m == 1:
            candidates.append(year_period(y))
        for candidate in candidates:
            if candidate.end == end:
                return candidate
    return range_period(start, end)


def _shift_years(day: dt.date, years: int) -> dt.date:
    """The same Jalali day ``years`` later (30 Esfand of a leap year becomes 29 Esfand)."""
    y, m, d = jalali_parts(day)
    return to_gregorian(y + years, m, min(d, days_in_month(y + years, m)))


def _end_of_shift(day: dt.date, years: int) -> dt.date:
    """Like :func:`_shift_years`, but the last day of a month stays the last day of its month."""
    y, m, d = jalali_parts(day)
    if d == days_in_month(y, m):
        return to_gregorian(y + years, m, days_in_month(y + years, m))
    return _shift_years(day, years)


def same_period_last_year(period: Period) -> Period:
    """The same Jalali months (or days) one year earlier."""
    start, end = _shift_years(period.start, -1), _end_of_shift(period.end, -1)
    if period.kind == "range":
        return range_period(start, end)
    return period_of(start, end)


def previous_period(period: Period) -> Period:
    """The period just before: the month, season, half or year before, or as many days before a range."""
    y, m, _ = jalali_parts(period.start)
    if period.kind == "month":
        return month_period(y - 1, 12) if m == 1 else month_period(y, m - 1)
    if period.kind == "season":
        season = (m + 2) // 3
        return season_period(y - 1, 4) if season == 1 else season_period(y, season - 1)
    if period.kind == "half":
        return half_period(y - 1, 2) if m == 1 else half_period(y, 1)
    if period.kind == "year":
        return year_period(y - 1)
    end = period.start - dt.timedelta(days=1)
    return range_period(end - dt.timedelta(days=period.days - 1), end)


def change(current: int, before: int) -> float | None:
    """The change from ``before`` to ``current`` as a fraction (0.25 = 25% more); None when before is 0."""
    if before == 0:
        return None
    return (current - before) / before


def format_change(current: int, before: int) -> str:
    """«۲۵٪ افزایش», «۱۰٪ کاهش», «بدون تغییر» or «—» (nothing the period before), in Persian digits."""
    if current == before:
        return "بدون تغییر"
    fraction = change(current, before)
    if fraction is None:
        return "—"
    percent = round(abs(fraction) * 100)
    return f"{to_persian_digits(percent)}٪ {'افزایش' if fraction > 0 else 'کاهش'}"
