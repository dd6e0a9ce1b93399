"""People's dates for the calendar: birthdays and other dates kept on people, and the contacts' birthdays counted per day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import occasions as occ
from prdesk.core import recurrence as rec
from prdesk.core.occasions import DayItem
from prdesk.core.text import to_persian_digits

# Words in a person date's label that make it a day for a condolence or for a greeting.
_CONDOLENCE_WORDS = ("درگذشت", "وفات", "فوت", "رحلت", "شهادت", "ترحیم")
_GREETING_WORDS = ("ازدواج", "تولد", "استخدام", "بازنشستگی")


@dataclass
class PersonDate:
    """A date kept on a person, as the year model reads it."""

    person_id: int
    name: str
    is_staff: bool
    date: dt.date
    label: str = ""  # "" for the birthday
    yearly: bool = True


def _month_days(start: dt.date, end: dt.date) -> list[str] | None:
    """The Gregorian "MM-DD"s a birthday can have to fall in the range, or None for a year or more.

    A Jalali anniversary moves a day or two against the Gregorian calendar from year to year
    (and 30 Esfand moves to 29), so the window is widened by three days each side.
    """
    if (end - start).days > 300:
        return None
    first, last = start - dt.timedelta(days=3), end + dt.timedelta(days=3)
    return sorted({(first + dt.timedelta(days=i)).strftime("%m-%d") for i in range((last - first).days + 1)})


def _has_table(db: Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def person_dates(db: Database, start: dt.date, end: dt.date, *, contacts_birthdays: bool = True) -> list[PersonDate]:
    """Birthdays and other dates kept on people that may fall from ``start`` to ``end``.

    prdesk.store.contacts has no query for dates in a range, so this reads its tables
    (``people.birthday``, ``person_dates``) directly, one query each, using the index on the
    birthday's month and day; names are written as prdesk.core.contacts.full_name writes them.
    A database without the contacts tables has no people's dates.
    """
    if not _has_table(db, "people"):
        return []
    window = _month_days(start, end)
    columns = "p.id, p.honorific, p.title, p.first_name, p.last_name, p.is_staff"
    found: list[PersonDate] = []
    # The deceased get no birthday greeting.
    sql = f"SELECT {columns}, p.birthday FROM people p WHERE p.birthday IS NOT NULL AND p.birthday <> '' AND NOT p.deceased"
    if not contacts_birthdays:
        sql += " AND p.is_staff = 1"
    params: list = []
    if window is not None:
        sql += f" AND substr(p.birthday, 6) IN ({','.join('?' * len(window))})"
        params = window
    for person_id, honorific, title, first, last, is_staff, birthday in db.execute(sql, params):
        day = _iso(birthday)
        if day:
            found.append(PersonDate(person_id, _name(honorific, title, first, last), bool(is_staff), day))
    if _has_table(db, "person_dates"):
        sql = (
            f"SELECT {columns}, d.date, d.label, d.kind FROM person_dates d JOIN people p ON p.id = d.person_id"
            " WHERE (d.kind = 'once' AND d.date BETWEEN ? AND ?)"
        )
        params = [start.isoformat(), end.isoformat()]
        if window is None:
            sql += " OR d.kind = 'yearly'"
        else:
            sql += f" OR (d.kind = 'yearly' AND substr(d.date, 6) IN ({','.join('?' * len(window))}))"
            params += window
        for person_id, honorific, title, first, last, is_staff, date, label, kind in db.execute(sql, params):
            day = _iso(date)
            if day:
                name = _name(honorific, title, first, last)
                # Labels are stored cleaned (prdesk.store.contacts); a year holds thousands of them.
                found.append(PersonDate(person_id, name, bool(is_staff), day, label or "سالگرد", kind == "yearly"))
    return found


def _name(*parts: str) -> str:
    """The name as prdesk.core.contacts.full_name writes it; stored parts are already clean, and a
    year of birthdays is tens of thousands of names."""
    return " ".join(part for part in parts if part)


def _iso(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None  # a partial date typed into an imported file: not a day to show


def _person_items(db: Database, start: dt.date, end: dt.date, *, contacts: bool = True) -> dict[dt.date, list[DayItem]]:
    """Staff birthdays by name, contacts' birthdays as a count per day (unless not ``contacts``), and other dates of people."""
    by_day: dict[dt.date, list[DayItem]] = {}
    years = range(jalali.jalali_parts(start)[0], jalali.jalali_parts(end)[0] + 1)
    for pd in person_dates(db, start, end, contacts_birthdays=False):
        if pd.yearly:
            # rec.jalali_anniversary's day, by date arithmetic: a year holds a thousand such dates.
            doy = _day_of_year_of(pd.date)
            days = [d for d in (rec.jalali_year_days(y)[doy] for y in years) if start <= d <= end and d >= pd.date]
        else:
            days = [pd.date] if start <= pd.date <= end else []
        for day in days:
            by_day.setdefault(day, []).append(_person_item(pd))
    for day, count in (contact_birthday_counts(db, start, end) if contacts else {}).items():
        by_day.setdefault(day, []).append(
            DayItem(f"{to_persian_digits(count)} تولد", "contact", False, occ.SOURCE_BIRTHDAY, "greeting", None, count=count)
        )
    return by_day


def _person_item(pd: PersonDate) -> DayItem:
    category = "staff" if pd.is_staff else "contact"
    if not pd.label:
        return DayItem(f"تولد {pd.name}", category, False, occ.SOURCE_BIRTHDAY, "greeting", pd.person_id)
    if any(word in pd.label for word in _CONDOLENCE_WORDS):
        message = "condolence"
    elif any(word in pd.label for word in _GREETING_WORDS):
        message = "greeting"
    else:
        message = "none"
    return DayItem(f"{pd.label} {pd.name}", category, False, occ.SOURCE_PERSON, message, pd.person_id)


# The Jalali day of the year of each birthday typed (a string's day never changes). The counts by
# day of the year live on the Database object with the change token they were read at.
_DAY_OF_YEAR: dict[str, int | None] = {}
_BIRTHDAYS_ATTRIBUTE = "_prdesk_contact_birthdays"


def _day_of_year(birthday: str) -> int | None:
    """0 for 1 Farvardin … 365 for 30 Esfand; None for a date that is not one."""
    try:
        day = dt.date.fromisoformat(birthday)
    except ValueError:
        return None
    nowruz = _nowruz(day.year)
    return (day - (nowruz if day >= nowruz else _nowruz(day.year - 1))).days


_NOWRUZ: dict[int, dt.date] = {}


def _nowruz(gregorian_year: int) -> dt.date:
    """1 Farvardin in a Gregorian year (jdatetime once per year; it is slow for thousands of days)."""
    day = _NOWRUZ.get(gregorian_year)
    if day is None:
        day = _NOWRUZ[gregorian_year] = jalali.to_gregorian(gregorian_year - 621, 1, 1)
    return day


def change_token(db: Database) -> tuple[int, int]:
    """Changes when anything is written to the file, by this connection or another one."""
    return db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes


def _contact_birthdays_by_day_of_year(db: Database) -> dict[int, int]:
    """How many contacts (not staff) were born on each Jalali day of the year, read once per change."""
    token = change_token(db)
    cached = getattr(db, _BIRTHDAYS_ATTRIBUTE, None)
    if cached is not None and cached[0] == token:
        return cached[1]
    counts: dict[int, int] = {}
    rows = db.execute(
        "SELECT birthday, count(*) FROM people WHERE birthday IS NOT NULL AND birthday <> '' AND is_staff = 0 AND deceased = 0"
        " GROUP BY birthday"
    )
    for birthday, count in rows:
        doy = _DAY_OF_YEAR.get(birthday, -1)
        if doy == -1:
            doy = _DAY_OF_YEAR[birthday] = _day_of_year(birthday)
        if doy is not None:
            counts[doy] = counts.get(doy, 0) + count
    setattr(db, _BIRTHDAYS_ATTRIBUTE, (token, counts))
    return counts


def contact_birthday_counts(db: Database, start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """How many contacts (not staff) have their Jalali birthday on each day from ``start`` to ``end``.

    Birthdays are counted by their Jalali day of the year once (again only after a write), so a
    year of 30,000 birthdays costs a lookup per day, not 30,000 conversions per view.
    """
    if not _has_table(db, "people"):
        return {}
    per_doy = _contact_birthdays_by_day_of_year(db)
    counts: dict[dt.date, int] = {}
    for year in range(jalali.jalali_parts(start)[0], jalali.jalali_parts(end)[0] + 1):
        days = rec.jalali_year_days(year)
        for doy, count in per_doy.items():
            day = days[doy]
            if start <= day <= end:
                counts[day] = counts.get(day, 0) + count
    return counts


def contact_birthdays_on(db: Database, day: dt.date) -> list[PersonDate]:
    """The contacts (not staff) whose Jalali birthday is ``day``, by name (the day panel's list).

    Kept until the next write: the day panel asks again for the same day as a month is shown.
    """
    token = change_token(db)
    kept = db.__dict__.get(_BIRTHDAYS_ON_ATTRIBUTE)
    if kept is None or kept[0] != token:
        kept = (token, {})
        setattr(db, _BIRTHDAYS_ON_ATTRIBUTE, kept)
    found = kept[1].get(day)
    if found is None:
        days = rec.jalali_year_days(jalali.jalali_parts(day)[0])
        # The day of the year by date arithmetic (as the counts are made), not a Jalali conversion
        # per birthday: the same day rec.jalali_anniversary gives.
        found = kept[1][day] = sorted(
            (pd for pd in person_dates(db, day, day)
             if not pd.label and not pd.is_staff and pd.date <= day and days[_day_of_year_of(pd.date)] == day),
            key=lambda pd: pd.name,
        )
    return list(found)


_BIRTHDAYS_ON_ATTRIBUTE = "_prdesk_contact_birthdays_on"


def _day_of_year_of(day: dt.date) -> int:
    """0 for 1 Farvardin … 365 for 30 Esfand."""
    nowruz = _nowruz(day.year)
    return (day - (nowruz if day >= nowruz else _nowruz(day.year - 1))).days
