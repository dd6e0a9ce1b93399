"""Visitor meetings in the database: hosts and rooms, booking under the rules, status history, follow-ups, public days."""

from prdesk.store.meetings.booking import (
    Draft, Meeting, Visitor, add_meeting, bookings_on, check_meeting, check_rules, conflicts, day_meetings, earlier_meetings,
    get_meeting, history, list_meetings, next_free_slots, postpone, read_date, reschedule, set_outcome, set_status,
    visitor_to_contact,
)
from prdesk.store.meetings.followups import (
    FollowUp, add_followup, count_overdue, default_due, get_followup, hold_meeting, list_followups, open_followups_of_visitors,
    update_followup,
)
from prdesk.store.meetings.hosts import (
    Host, Room, add_host, add_room, find_host, find_room, get_host, holidays, list_hosts, list_rooms, set_room_active,
    update_host,
)
from prdesk.store.meetings.public_day import (
    DayEnd, SeriesResult, add_series, check_in, end_public_day, queue, recent_public_visits, repeat_warning,
)

__all__ = [name for name in dir() if not name.startswith("_")]
