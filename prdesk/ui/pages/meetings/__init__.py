"""The meetings page (ملاقات‌ها): day and week grids per host, the list, follow-ups, the public day."""


def __getattr__(name: str):
    # The window imports this package to build the page; the dashboard imports only its panel.
    if name == "MeetingsPage":
        from prdesk.ui.pages.meetings.page import MeetingsPage

        return MeetingsPage
    raise AttributeError(name)
