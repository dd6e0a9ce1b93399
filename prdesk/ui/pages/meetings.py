"""The meetings page: the schedule of visitors' meetings."""

from __future__ import annotations

from prdesk.ui.pages.base import ComingLaterPage


class MeetingsPage(ComingLaterPage):
    """Meetings; the schedule arrives with the meetings issue."""

    key = "meetings"
    areas = ("meetings",)

    def title(self) -> str:
        return self.tr("Meetings")

    def coming_later(self) -> str:
        return self.tr("The schedule of visitors' meetings will be added to this page in a later version of PRDesk.")
