"""The dashboard's meetings panel: today's meetings and the overdue follow-ups (red)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from prdesk.core.text import to_persian_digits
from prdesk.ui.pages.base import PageContext
from prdesk.ui.pages.read_box import Read, ReadBox

ID_ROLE = 256 + 1  # Qt.ItemDataRole.UserRole + 1: the Qt namespace (~25 ms) is made after the first paint
OVERDUE_SHOWN = 6
READ_DELAY_MS = 400


class Today(NamedTuple):
    meetings: list
    late: list
    overdue: int


def read_today(db_path: Path, today: dt.date) -> Today:
    """Today's meetings and the overdue follow-ups, through a read-only connection of the worker's own.

    Its modules are imported on the window's thread before the worker starts (see ``reload``).
    """
    from prdesk.store import meetings as ms
    from prdesk.ui.data_safety import open_read_only

    db = open_read_only(db_path)
    try:
        return Today(
            ms.list_meetings(db, start=today, end=today),
            ms.list_followups(db, today=today, overdue_only=True, limit=OVERDUE_SHOWN),
            ms.count_overdue(db, today),
        )
    finally:
        db.close()


class TodayMeetings(ReadBox):
    """Today's meetings of every host by time, then the overdue follow-ups; double-click opens a meeting."""

    areas = ("meetings", "today")
    delay_ms = READ_DELAY_MS  # today's card and the dashboard's lists first

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setTitle(self.tr("Today's meetings"))
        self.setObjectName("todayMeetings")
        column = QVBoxLayout(self)
        self.meetings = QListWidget()
        self.meetings.setObjectName("todayMeetingList")
        self.meetings.setWordWrap(True)
        self.meetings.itemActivated.connect(self._open)
        column.addWidget(self.meetings, 2)
        self.overdue_title = QLabel()
        self.overdue_title.setObjectName("overdueTitle")
        self.overdue_title.setStyleSheet("color: #b3261e")
        column.addWidget(self.overdue_title)
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdueFollowups")
        self.overdue.setWordWrap(True)
        column.addWidget(self.overdue, 1)

    def reader(self) -> Read:
        import sqlite_utils  # noqa: F401

        from prdesk.store import meetings  # noqa: F401
        from prdesk.ui.data_safety import open_read_only  # noqa: F401

        return read_today

    def show_failure(self, text: str) -> None:
        self.meetings.clear()
        self.meetings.addItem(QListWidgetItem(text))

    def show_read(self, found: Today) -> None:
        from prdesk.core.jalali import format_jalali
        from prdesk.ui.pages.meetings.names import status_names

        self.meetings.clear()
        statuses = status_names()
        for m in found.meetings:
            text = f"{to_persian_digits(m.start)}  {m.visitor_names}"
            if m.subject:
                text += f" — {m.subject}"
            text += f" ({m.host}، {statuses[m.status]})"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, m.id)
            if not m.blocks:
                item.setForeground(QBrush(QColor("#7b8794")))
            self.meetings.addItem(item)
        if not self.meetings.count():
            self.meetings.addItem(QListWidgetItem(self.tr("No meetings today.")))
        late = found.late
        self.overdue_title.setText(self.tr("Overdue follow-ups: %1").replace("%1", to_persian_digits(found.overdue)))
        self.overdue.clear()
        for f in late[:OVERDUE_SHOWN]:
            item = QListWidgetItem(f"{format_jalali(f.due_date)} — {f.action}" + (f" ({f.visitors})" if f.visitors else ""))
            item.setForeground(QBrush(QColor("#b3261e")))
            self.overdue.addItem(item)
        self.overdue.setVisible(bool(late))

    def _open(self, item: QListWidgetItem) -> None:
        meeting_id = item.data(ID_ROLE)
        if meeting_id is None:
            return
        from prdesk.store import meetings as ms
        from prdesk.ui.dialogs.meeting_dialog import MeetingDialog

        self.dialog = MeetingDialog(self.context, meeting=ms.get_meeting(self.context.db, meeting_id), parent=self)
        self.dialog.open()
