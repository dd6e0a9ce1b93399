"""The calendar: the office's events, hidden and custom occasions, and the one year model every view reads.

Where to look: ``events`` (the office's events and the days they are held on), ``occasions`` (catalog
occasions hidden, the office's own occasions), ``model`` (the year model every view reads, built from
its day sources), ``stamps`` (which tables changed since a source was read), ``fields`` (reading what
the clerk typed). People's dates (birthdays, the contacts' birthdays counted per day) live in
prdesk.store.calendar_people. Callers import every name from here.
"""

from __future__ import annotations

from prdesk.store.calendar.fields import MAX_REMINDER_DAYS, lunar_correction
from prdesk.store.calendar.events import (
    EVENT_STATUSES, EVENT_TYPES, Event, EventOccurrence, add_event, annual_plan, check_event, delete_event,
    event_occurrences, get_event, list_events, reminders_due, set_event_status, update_event,
)
from prdesk.store.calendar.occasions import (
    CUSTOM_PREFIX, CatalogRow, CustomOccasion, add_custom_occasion, catalog_occasions, check_custom_occasion,
    delete_custom_occasion, get_custom_occasion, hidden_occasion_keys, hide_occasion, list_custom_occasions,
    show_occasion, update_custom_occasion,
)
from prdesk.store.calendar_people import (  # noqa: F401 (the calendar's API: callers read them from here)
    PersonDate,
    change_token,
    contact_birthday_counts,
    contact_birthdays_on,
    person_dates,
)
# Last: the model imports the meetings area at its end, and the meetings area reads the names
# above (list_custom_occasions, lunar_correction) from this package while it is being imported.
from prdesk.store.calendar.model import (  # noqa: E402
    DAY_SOURCES, SOURCE_TABLES, AgendaRow, DaySource, add_day_source, agenda, item_rank, month_model, range_model,
    upcoming, year_model,
)

__all__ = [
    "CUSTOM_PREFIX", "DAY_SOURCES", "EVENT_STATUSES", "EVENT_TYPES", "MAX_REMINDER_DAYS", "SOURCE_TABLES", "AgendaRow",
    "CatalogRow", "CustomOccasion", "DaySource", "Event", "EventOccurrence", "PersonDate", "add_custom_occasion",
    "add_day_source", "add_event", "agenda", "annual_plan", "catalog_occasions", "change_token", "check_custom_occasion",
    "check_event", "contact_birthday_counts", "contact_birthdays_on", "delete_custom_occasion", "delete_event",
    "event_occurrences", "get_custom_occasion", "get_event", "hidden_occasion_keys", "hide_occasion", "item_rank",
    "list_custom_occasions", "list_events", "lunar_correction", "month_model", "person_dates", "range_model",
    "reminders_due", "set_event_status", "show_occasion", "update_custom_occasion", "update_event", "upcoming",
    "year_model",
]
