"""The calendar page: occasions and the office's ceremonies in the three calendars."""

from __future__ import annotations

from prdesk.ui.pages.base import ComingLaterPage


class CalendarPage(ComingLaterPage):
    """Calendar and ceremonies; the month view arrives with the calendar issue."""

    key = "calendar"
    areas = ("events",)

    def title(self) -> str:
        return self.tr("Calendar and ceremonies")

    def coming_later(self) -> str:
        return self.tr(
            "The calendar of occasions and of the office's own ceremonies "
            "will be added to this page in a later version of PRDesk."
        )
