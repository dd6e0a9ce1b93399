"""The year model: every day with its occasions, events, meetings and people's dates, as every view reads it.

The month view, the dashboard, the printed calendar and the command line all read :func:`range_model`.
Each source of day items is read once per range and kept until a table it reads changes (the stamps
in prdesk.store.calendar.stamps): a new event does not read 30,000 birthdays or a year of meetings again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import occasions as occ
from prdesk.core import recurrence as rec
from prdesk.core.occasions import DayEntry, DayItem
from prdesk.core.text import search_key
from prdesk.errors import ValidationError
from prdesk.store.calendar.fields import lunar_correction
from prdesk.store.calendar.occasions import CUSTOM_PREFIX, hidden_occasion_keys, list_custom_occasions
from prdesk.store.calendar.stamps import meetings_month_key, source_stamps
from prdesk.store.calendar_people import _person_items, change_token
from prdesk.store.messages.bereavements import calendar_items as bereavement_days

# Where a day's items come from besides the catalog: each returns {day: [DayItem, ...]} for the
# days from start to end. Another area adds its own with add_day_source.
DaySource = Callable[[Database, dt.date, dt.date, int], Mapping[dt.date, Iterable[DayItem]]]


def _custom_items(db: Database, start: dt.date, end: dt.date, correction: int) -> dict[dt.date, list[DayItem]]:
    by_day: dict[dt.date, list[DayItem]] = {}
    for item in list_custom_occasions(db):
        o = item.as_occasion()
        for day in o.dates_in(start, end, correction):
            by_day.setdefault(day, []).append(
                DayItem(o.title, o.category, o.holiday, occ.SOURCE_CATALOG, o.message, o.key, lunar=o.calendar == "hijri")
            )
    return by_day


def _event_items(db: Database, start: dt.date, end: dt.date, correction: int) -> dict[dt.date, list[DayItem]]:
    """The office's events on their days, by time (as event_occurrences orders them), read column by column.

    A one-off event is found through the index on its date; only recurring series are read whole.
    """
    rows = db.execute(
        f"SELECT {_EVENT_COLUMNS} FROM events WHERE recurrence = 'none' AND date BETWEEN ? AND ?"
        f" UNION ALL SELECT {_EVENT_COLUMNS} FROM events"
        " WHERE recurrence <> 'none' AND date <= ? AND (recurrence_until IS NULL OR recurrence_until >= ?)",
        [start.isoformat(), end.isoformat(), end.isoformat(), start.isoformat()],
    ).fetchall()
    found = []
    for event_id, title, kind, date, start_time, end_time, status, location, reminder, recurrence, until in rows:
        anchor = dt.date.fromisoformat(date)
        if recurrence == rec.NONE:
            days = [anchor]
        else:
            days = rec.occurrences(
                anchor, recurrence, start, end, until=dt.date.fromisoformat(until) if until else None, correction=correction,
            )
        if not days:
            continue
        item = DayItem(
            title, kind, False, occ.SOURCE_EVENT, "none", event_id, start_time or "", end_time or "", status, location,
            reminder, lunar=recurrence == rec.YEARLY_LUNAR,
        )
        found.extend((day, start_time or "", event_id, item) for day in days)
    found.sort(key=lambda o: o[:3])
    by_day: dict[dt.date, list[DayItem]] = {}
    for day, _, _, item in found:
        by_day.setdefault(day, []).append(item)
    return by_day


_EVENT_COLUMNS = "id, title, type, date, start_time, end_time, status, location, reminder_days, recurrence, recurrence_until"


def _people_source(db: Database, start: dt.date, end: dt.date, correction: int) -> dict[dt.date, list[DayItem]]:
    return _person_items(db, start, end)


def _people_without_contacts_birthdays(db: Database, start: dt.date, end: dt.date, correction: int) -> dict[dt.date, list[DayItem]]:
    """People's dates without the contacts' birthday counts: the printed wall calendar does not show them."""
    return _person_items(db, start, end, contacts=False)


# meeting_days is imported at the end of this module, not inside the function: an import on the
# dashboard's worker thread could wait on the import lock held by the window's thread.
def _meeting_items(db: Database, start: dt.date, end: dt.date, correction: int) -> Mapping[dt.date, Iterable[DayItem]]:
    return meeting_days(db, start, end)


def _bereavement_items(db: Database, start: dt.date, end: dt.date, correction: int) -> Mapping[dt.date, Iterable[DayItem]]:
    return bereavement_days(db, start, end)


DAY_SOURCES: list[DaySource] = [_custom_items, _event_items, _meeting_items, _people_source, _bereavement_items]

# The tables each source reads: its days are read again only when one of them changed. A source
# not named here (one another area adds) is read again after any write.
SOURCE_TABLES: dict[DaySource, tuple[str, ...]] = {
    _custom_items: ("custom_occasions",),
    _event_items: ("events",),
    _meeting_items: ("meetings", "meeting_visitors", "meeting_hosts", "meeting_rooms"),
    _people_source: ("people", "person_dates"),
    _people_without_contacts_birthdays: ("people", "person_dates"),
    _bereavement_items: ("bereavements", "people"),
}


def add_day_source(source: DaySource, tables: Iterable[str] = ()) -> DaySource:
    """Add a source of day items to the year model (usable as a decorator); return it.

    ``tables`` are the tables it reads, when they carry change stamps (prdesk.store.calendar.stamps).
    """
    if source not in DAY_SOURCES:
        DAY_SOURCES.append(source)
    if tables:
        SOURCE_TABLES[source] = tuple(tables)
    return source


def item_rank(item: DayItem) -> int:
    """Where an item stands within its day: holidays, the office's own, other occasions, contacts.

    Holidays keep the catalog's official order; the office's own items (its occasions, events,
    staff birthdays and whatever another source adds that is not about a contact) come next, then
    the catalog's occasions related to the office, then the rest, then contacts' dates.
    """
    if item.holiday:
        return 0
    if item.category == "contact":
        return 4
    if item.source != occ.SOURCE_CATALOG or str(item.ref).startswith(CUSTOM_PREFIX):
        return 1
    return 2 if item.category == "office" else 3


def range_model(
    db: Database, start: dt.date, end: dt.date, *, include_hidden: bool = False, contacts_birthdays: bool = True,
    meetings: bool = True,
) -> list[DayEntry]:
    """Every day from ``start`` to ``end`` (inclusive) with its occasions, events, birthdays and person dates.

    A day is a holiday on Fridays and on official holidays (a hidden official holiday still is one).
    Within a day items are ordered by :func:`item_rank`; contacts' birthdays are one item per day
    with their count (the names: :func:`contact_birthdays_on`), left out without ``contacts_birthdays``;
    visitor meetings are left out without ``meetings`` (the printed wall calendar).
    """
    if end < start:
        raise ValidationError("تاریخ پایان بازه باید بعد از تاریخ شروع باشد.", "end")
    sources = tuple(
        _people_without_contacts_birthdays if source is _people_source and not contacts_birthdays else source
        for source in DAY_SOURCES if meetings or source is not _meeting_items
    )
    # The same range again, with nothing written since, is the model already built: the month
    # view, the dashboard and the printed calendar read the same months over and over.
    key = (start, end, include_hidden, sources)
    models: dict = db.__dict__.setdefault(_MODELS_ATTRIBUTE, {})
    token = change_token(db)
    built = models.get(key)
    if built is None or built[0] != token:
        if len(models) >= _MODELS_KEPT:
            models.clear()
        built = models[key] = (token, _build_range(db, start, end, include_hidden, sources))
    return [DayEntry(e.info, e.holiday, list(e.occasions)) for e in built[1]]


_MODELS_ATTRIBUTE = "_prdesk_day_models"
_SOURCES_ATTRIBUTE = "_prdesk_day_sources"
_MODELS_KEPT = 8
# Ranges kept per source: the twelve months a printed year reads, the year, the dashboard's days.
_SOURCES_KEPT = 32


def _source_days(db: Database, source: DaySource, start: dt.date, end: dt.date, correction: int, stamps) -> Mapping:
    """The source's days from ``start`` to ``end``: read again only when a table it reads changed."""
    if source is _meeting_items and stamps is not None:
        return _meeting_months(db, start, end, stamps)
    tables = SOURCE_TABLES.get(source)
    if stamps is None or tables is None:
        return source(db, start, end, correction)
    key = (source, start, end, correction)
    stamp = tuple(stamps.get(t) for t in tables)
    if None in stamp:  # a table without its triggers: read again, as after any write
        return source(db, start, end, correction)
    kept: dict = db.__dict__.setdefault(_SOURCES_ATTRIBUTE, {})
    found = kept.get(key)
    if found is None or found[0] != stamp:
        if len(kept) >= _SOURCES_KEPT:
            kept.clear()
        found = kept[key] = (stamp, source(db, start, end, correction))
    return found[1]


_MEETING_MONTHS_ATTRIBUTE = "_prdesk_meeting_months"


def _meeting_months(db: Database, start: dt.date, end: dt.date, stamps: Mapping[str, int]) -> dict[dt.date, list[DayItem]]:
    """The meetings from ``start`` to ``end``, read a Gregorian month at a time and kept until that month's stamp
    (or a host's or a room's name) changes: booking one meeting reads its month again, not the year."""
    if not {"meetings", "meeting_visitors", "meeting_hosts", "meeting_rooms"} <= stamps.keys():
        return _meeting_items(db, start, end, 0)  # a table without its triggers: read again, as after any write
    kept: dict = db.__dict__.setdefault(_MEETING_MONTHS_ATTRIBUTE, {})
    found: dict[dt.date, list[DayItem]] = {}
    first = start.replace(day=1)
    while first <= end:
        following = (first + dt.timedelta(days=32)).replace(day=1)
        stamp = (stamps["meeting_hosts"], stamps["meeting_rooms"], stamps.get(meetings_month_key(first), 0))
        month = kept.get(first)
        if month is None or month[0] != stamp:
            if len(kept) >= 240:
                kept.clear()
            month = kept[first] = (stamp, meeting_days(db, first, following - dt.timedelta(days=1)))
        found.update((day, items) for day, items in month[1].items() if start <= day <= end)
        first = following
    return found


def _build_range(db: Database, start: dt.date, end: dt.date, include_hidden: bool, sources: tuple) -> list[DayEntry]:
    correction = lunar_correction(db)
    hidden = set() if include_hidden else hidden_occasion_keys(db)
    catalog = _catalog_items(start, end, correction)
    stamps = source_stamps(db)
    extra = [_source_days(db, source, start, end, correction, stamps) for source in sources]
    model = []
    for info in occ.days_between(start, end, correction):
        day = info.gregorian
        listed = catalog.get(day, ())
        items = [item for item in listed if item.ref not in hidden] if hidden else list(listed)
        for found in extra:
            items.extend(found.get(day, ()))
        holiday = info.is_friday or any(o.holiday for o in listed) or any(i.holiday for i in items)
        items.sort(key=item_rank)
        model.append(DayEntry(info, holiday, items))
    return model


_CATALOG_ITEMS: dict[tuple, dict[dt.date, tuple[DayItem, ...]]] = {}


def _catalog_items(start: dt.date, end: dt.date, correction: int) -> dict[dt.date, tuple[DayItem, ...]]:
    """The catalog's occasions from ``start`` to ``end`` as day items, made once per range (they depend on no data)."""
    key = (start, end, correction)
    found = _CATALOG_ITEMS.get(key)
    if found is None:
        if len(_CATALOG_ITEMS) >= _SOURCES_KEPT:
            _CATALOG_ITEMS.clear()
        found = _CATALOG_ITEMS[key] = {
            day: tuple(
                DayItem(o.title, o.category, o.holiday, occ.SOURCE_CATALOG, o.message, o.key, lunar=o.calendar == "hijri")
                for o in listed
            )
            for day, listed in occ.catalog_between(start, end, correction).items()
        }
    return found


def year_model(
    db: Database, jalali_year: int, *, include_hidden: bool = False, contacts_birthdays: bool = True, meetings: bool = True,
) -> list[DayEntry]:
    """Every day of a Jalali year (365 or 366 entries), as :func:`range_model` builds them."""
    return range_model(
        db, *occ.jalali_year_span(jalali_year), include_hidden=include_hidden, contacts_birthdays=contacts_birthdays,
        meetings=meetings,
    )


def month_model(
    db: Database, jalali_year: int, month: int, *, contacts_birthdays: bool = True, meetings: bool = True,
) -> list[DayEntry]:
    """Every day of one Jalali month (the month view's cells)."""
    first = jalali.to_gregorian(jalali_year, month, 1)
    last = first + dt.timedelta(days=jalali.days_in_month(jalali_year, month) - 1)
    return range_model(db, first, last, contacts_birthdays=contacts_birthdays, meetings=meetings)


def upcoming(db: Database, today: dt.date | None = None, days: int = 14) -> list[DayEntry]:
    """The next ``days`` days from ``today`` (the dashboard's two weeks)."""
    today = today or dt.date.today()
    return range_model(db, today, today + dt.timedelta(days=days - 1))


@dataclass(frozen=True)
class AgendaRow:
    """One line of an agenda: a day and one thing on it."""

    day: DayEntry
    item: DayItem


def agenda(
    db: Database,
    start: dt.date,
    end: dt.date,
    *,
    sources: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    text: str = "",
) -> list[AgendaRow]:
    """The items from ``start`` to ``end`` as a flat list, filtered by source, category and text."""
    sources = set(sources) if sources else None
    categories = set(categories) if categories else None
    needle = search_key(text)
    rows = []
    for day in range_model(db, start, end):
        for item in day.occasions:
            if sources and item.source not in sources:
                continue
            if categories and item.category not in categories:
                continue
            if needle and needle not in search_key(item.title):
                continue
            rows.append(AgendaRow(day, item))
    return rows


# At the end, not the top: the meetings area reads this package's names, so it is imported once
# everything it needs here is defined; still with this module, never first on a worker thread.
from prdesk.store.meetings.calendar_items import day_items as meeting_days  # noqa: E402
