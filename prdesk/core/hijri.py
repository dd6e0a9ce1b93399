"""Iran's lunar (Hijri qamari) calendar: the official table of month starts, the crescent beyond it.

Iran's lunar months begin on the days published by the Calendar Center (University of Tehran),
which differ by a day from the Umm al-Qura tabular calendar in most months. Inside the app's table
(``resources/data/iran_lunar_months.json``) those days are used as they are. After it, the month
starts predicted from the first visibility of the crescent from Iran
(``resources/data/iran_lunar_predicted.json``, built by tools/build_crescent_table.py with
prdesk.core.crescent) are used; before it, Umm al-Qura (hijridate). Both estimates are shifted by
the clerk's correction of −2..+2 days, for when the announced month start differs. (hijridate is
imported where a date falls outside the table: today's date needs only the table, so the window
paints without it.)

The correction is the number of days added to the estimated lunar date: +1 shows the lunar date
one day ahead (the month began a day earlier than estimated), −1 one day behind.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache

from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.paths import resource

hijri_month_names: tuple[str, ...] = (
    "محرم", "صفر", "ربیع\u200cالاول", "ربیع\u200cالثانی", "جمادی\u200cالاول", "جمادی\u200cالثانی",
    "رجب", "شعبان", "رمضان", "شوال", "ذی\u200cالقعده", "ذی\u200cالحجه",
)
TABLE_FILE = ("data", "iran_lunar_months.json")
TABLE_FORMAT = 1
PREDICTED_FILE = ("data", "iran_lunar_predicted.json")
MAX_CORRECTION = 2
# Where a lunar date comes from (day_info, every view, the exports' ``lunar_source``): published by
# the Calendar Center, predicted by it (the table's last months), or estimated by the app.
OFFICIAL, PREDICTED, ESTIMATED = "official", "predicted", "estimated"
# What an estimated date is computed from.
CRESCENT, UMM_AL_QURA = "crescent", "umm_al_qura"
# hijridate's Umm al-Qura data covers 1343/01/01 – 1500/12/30.
_UQ_FIRST_YEAR, _UQ_LAST_YEAR = 1343, 1500
_RANGE_MESSAGE = "تاریخ قمری فقط برای سال‌های ۱۳۴۳ تا ۱۵۰۰ قمری (۱۳۰۳ تا ۱۴۵۶ خورشیدی) حساب می‌شود."


@dataclass(frozen=True, order=True)
class HijriDate:
    """A day of the lunar Hijri calendar as Iran counts it."""

    year: int
    month: int
    day: int

    @property
    def month_name(self) -> str:
        """The Persian name of the month («جمادی‌الثانی»)."""
        return hijri_month_names[self.month - 1]

    def __str__(self) -> str:
        return format_hijri_iso(self)


@dataclass(frozen=True)
class _Table:
    """Month starts by month index (year * 12 + month - 1); the last one only closes the month before."""

    first_index: int
    starts: tuple[dt.date, ...]
    last_official_index: int

    @property
    def last_index(self) -> int:
        """Index of the last month the table gives a whole length for."""
        return self.first_index + len(self.starts) - 2

    @property
    def end(self) -> dt.date:
        """The first day after the table."""
        return self.starts[-1]


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


@lru_cache(maxsize=1)
def _table() -> _Table:
    """Load the table of official month starts once."""
    data = json.loads(resource(*TABLE_FILE).read_text(encoding="utf-8"))
    if data.get("format") != TABLE_FORMAT:
        raise RuntimeError(f"{resource(*TABLE_FILE)} has format {data.get('format')!r}, expected {TABLE_FORMAT}")
    years = sorted(data["months"], key=int)
    starts = tuple(dt.date.fromisoformat(day) for year in years for day in data["months"][year])
    last_year, last_month = (int(part) for part in data["last_official"].split("/"))
    table = _Table(_index(int(years[0]), 1), starts, _index(last_year, last_month))
    if any(not 29 <= (b - a).days <= 30 for a, b in zip(starts, starts[1:])):
        raise RuntimeError(f"{resource(*TABLE_FILE)} holds a month that is not 29 or 30 days long")
    return table


@lru_cache(maxsize=1)
def _crescent_table() -> tuple[int, tuple[dt.date, ...]]:
    """The first month index and the month starts predicted from the crescent after the table."""
    path = resource(*PREDICTED_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != TABLE_FORMAT:
        raise RuntimeError(f"{path} has format {data.get('format')!r}, expected {TABLE_FORMAT}")
    after_year, after_month = (int(part) for part in data["after"].split("/"))
    starts = tuple(dt.date.fromisoformat(day) for year in sorted(data["months"], key=int) for day in data["months"][year])
    return _index(after_year, after_month) + 1, starts


def _check_correction(correction: int) -> int:
    correction = int(correction)
    if not -MAX_CORRECTION <= correction <= MAX_CORRECTION:
        raise ValidationError("اصلاح تاریخ قمری باید عددی از ۲- تا ۲+ روز باشد.")
    return correction


def _umm_al_qura_start(index: int) -> dt.date:
    """Umm al-Qura's first day of a month; the month after 1500/12 is reached through its length."""
    year, month = _year_month(index)
    if not _UQ_FIRST_YEAR <= year <= _UQ_LAST_YEAR + 1 or (year == _UQ_LAST_YEAR + 1 and month > 1):
        raise ValidationError(_RANGE_MESSAGE)
    from hijridate import Hijri

    if year > _UQ_LAST_YEAR:
        last = Hijri(_UQ_LAST_YEAR, 12, 1)
        return _as_date(last.to_gregorian()) + dt.timedelta(days=last.month_length())
    return _as_date(Hijri(year, month, 1).to_gregorian())


def _estimated_start(index: int) -> dt.date:
    """The app's own estimate of a month's first day: the crescent after the table, Umm al-Qura elsewhere."""
    first, starts = _crescent_table()
    if 0 <= index - first < len(starts):
        return starts[index - first]
    return _umm_al_qura_start(index)


def _as_date(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, day.day)


@lru_cache(maxsize=2 * MAX_CORRECTION + 1)
def _seams(correction: int) -> dict[int, dt.date]:
    """Month starts next to the table, moved so no month there is shorter than 29 or longer than 30 days.

    The estimate shifted by the correction need not meet the table's first or last month start
    exactly; left alone, the month at the seam could last 27 to 32 days. Each month beside the
    table is kept to 29–30 days, which absorbs the difference within a few months.
    """
    table = _table()
    moved: dict[int, dt.date] = {}
    shift = dt.timedelta(days=correction)
    before, index = table.end, table.last_index + 2
    while True:
        try:
            raw = _estimated_start(index) - shift
        except ValidationError:
            break
        start = min(max(raw, before + dt.timedelta(days=29)), before + dt.timedelta(days=30))
        if start == raw:
            break
        moved[index] = before = start
        index += 1
    after, index = table.starts[0], table.first_index - 1
    while True:
        try:
            raw = _estimated_start(index) - shift
        except ValidationError:
            break
        start = max(min(raw, after - dt.timedelta(days=29)), after - dt.timedelta(days=30))
        if start == raw:
            break
        moved[index] = after = start
        index -= 1
    return moved


def _month_start(index: int, correction: int) -> dt.date:
    """First day of the month with this index, from the table or from the shifted estimate."""
    table = _table()
    offset = index - table.first_index
    if 0 <= offset < len(table.starts):
        return table.starts[offset]
    moved = _seams(correction).get(index)
    if moved is not None:
        return moved
    return _estimated_start(index) - dt.timedelta(days=correction)


def is_in_table(date: dt.date) -> bool:
    """Whether the day's lunar date comes from Iran's table (published or predicted) rather than an estimate."""
    table = _table()
    return table.starts[0] <= date < table.end


def table_span() -> tuple[dt.date, dt.date]:
    """The first and the last day the table covers."""
    table = _table()
    return table.starts[0], table.end - dt.timedelta(days=1)


def lunar_source(date: dt.date) -> str:
    """Where the day's lunar date comes from: OFFICIAL, PREDICTED (Calendar Center) or ESTIMATED (by the app)."""
    table = _table()
    if not is_in_table(date):
        return ESTIMATED
    offset = bisect.bisect_right(table.starts, date) - 1
    return OFFICIAL if table.first_index + offset <= table.last_official_index else PREDICTED


def estimate_basis(date: dt.date) -> str:
    """What an estimated lunar date is computed from: CRESCENT after the table, UMM_AL_QURA before it."""
    return CRESCENT if date >= _table().end else UMM_AL_QURA


def to_hijri(date: dt.date, correction: int = 0) -> HijriDate:
    """Iran's lunar date of a Gregorian day; ``correction`` applies only outside the table."""
    correction = _check_correction(correction)
    table = _table()
    if table.starts[0] <= date < table.end:
        offset = bisect.bisect_right(table.starts, date) - 1
        year, month = _year_month(table.first_index + offset)
        return HijriDate(year, month, (date - table.starts[offset]).days + 1)
    from hijridate import Gregorian

    try:
        guess = Gregorian(date.year, date.month, date.day).to_hijri()
    except (OverflowError, ValueError):
        raise ValidationError(_RANGE_MESSAGE) from None
    index = _index(guess.year, guess.month)
    # The correction and the seams move a month start by a few days at most: step to the right month.
    while _month_start(index, correction) > date:
        index -= 1
    while _month_start(index + 1, correction) <= date:
        index += 1
    year, month = _year_month(index)
    return HijriDate(year, month, (date - _month_start(index, correction)).days + 1)


def month_length(year: int, month: int, correction: int = 0) -> int:
    """Number of days (29 or 30) of a lunar month in Iran's calendar."""
    _check_month(month)
    correction = _check_correction(correction)
    index = _index(year, month)
    return (_month_start(index + 1, correction) - _month_start(index, correction)).days


def from_hijri(year: int, month: int, day: int, correction: int = 0) -> dt.date:
    """The Gregorian day of a lunar date; an impossible date raises ValidationError."""
    length = month_length(year, month, correction)
    if not 1 <= day <= length:
        raise ValidationError(
            f"روز {to_persian_digits(day)} در {hijri_month_names[month - 1]} {to_persian_digits(year)} "
            f"وجود ندارد: این ماه {to_persian_digits(length)} روز است."
        )
    return _month_start(_index(year, month), _check_correction(correction)) + dt.timedelta(days=day - 1)


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ValidationError(
            f"ماه قمری {to_persian_digits(month)} وجود ندارد: ماه‌ها از ۱ (محرم) تا ۱۲ (ذی‌الحجه) است."
        )


def format_hijri(h: HijriDate) -> str:
    """«۱۱ جمادی‌الثانی ۱۴۴۸»."""
    return f"{to_persian_digits(h.day)} {h.month_name} {to_persian_digits(h.year)}"


def format_hijri_iso(h: HijriDate) -> str:
    """«1448/06/11» with ASCII digits, for JSON and files."""
    return f"{h.year:04d}/{h.month:02d}/{h.day:02d}"
