"""The contacts page: the directory of unions, cooperatives, organizations and their people."""

from __future__ import annotations

from prdesk.ui.pages.base import ComingLaterPage


class ContactsPage(ComingLaterPage):
    """Contacts; the directory itself arrives with the contacts issue."""

    key = "contacts"
    areas = ("contacts",)

    def title(self) -> str:
        return self.tr("Contacts")

    def coming_later(self) -> str:
        return self.tr(
            "The directory of unions, cooperatives, organizations and their people "
            "will be added to this page in a later version of PRDesk."
        )
