"""The letters page: Persian letters, reports and printed calendars."""

from __future__ import annotations

from prdesk.ui.pages.base import ComingLaterPage


class LettersPage(ComingLaterPage):
    """Letters and printing; the letter editor arrives with the printing issue."""

    key = "letters"
    areas = ("letters",)

    def title(self) -> str:
        return self.tr("Letters and printing")

    def coming_later(self) -> str:
        return self.tr(
            "Writing and printing letters, reports and calendars will be added to this page "
            "in a later version of PRDesk. The letterhead and letter numbering can already be set "
            "on the Backup and settings page."
        )
