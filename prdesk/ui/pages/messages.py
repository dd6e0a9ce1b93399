"""The messages page: the archive of greeting and condolence messages."""

from __future__ import annotations

from prdesk.ui.pages.base import ComingLaterPage


class MessagesPage(ComingLaterPage):
    """Messages; the archive arrives with the messages issue."""

    key = "messages"
    areas = ("messages",)

    def title(self) -> str:
        return self.tr("Messages")

    def coming_later(self) -> str:
        return self.tr(
            "The archive of greeting and condolence messages will be added to this page in a later version of PRDesk."
        )
