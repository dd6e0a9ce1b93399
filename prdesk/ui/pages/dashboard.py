"""The dashboard: today in the three calendars, the next two weeks and the reminders due."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtCore  # QtCore.Qt in slots: its 93 enums cost ~25 ms, after the paint
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import hijri
from prdesk.core.calendars import DayInfo, day_info
from prdesk.core.jalali import format_jalali_long
from prdesk.core.text import to_persian_digits
from prdesk.errors import PrdeskError
from prdesk.store.settings import get_setting
from prdesk.ui.data_safety import open_read_only
from prdesk.ui.dialogs import messages
from prdesk.ui.pages.base import Page, after_first_paint

if TYPE_CHECKING:
    from prdesk.ui.workers import Progress, Worker
    from prdesk.core.occasions import DayItem
    from prdesk.ui.dialogs.event_dialog import EventDialog

# The calendar store, the occasions and the month view's texts are imported by the worker that
# reads the lists (and by the rows made from them), so the window shows without them.

UPCOMING_DAYS = 14
# More people's dates than this on one day are gathered under one collapsed line.
PEOPLE_SHOWN = 3
ITEM_ROLE = 256 + 1  # Qt.ItemDataRole.UserRole + 1, without the Qt namespace before the paint
#: On a collapsed line of people's dates: the key of its rows, made when it is first opened.
GROUP_ROLE = 256 + 2  # Qt.ItemDataRole.UserRole + 2
#: Qt.AlignmentFlag.AlignAbsolute, AlignRight and AlignLeft as integers (for the today card, before the paint).
ALIGN_ABSOLUTE, ALIGN_RIGHT, ALIGN_LEFT = 0x10, 0x2, 0x1
#: The object name of the workers that read the dashboard's boxes beside the lists (messages to send).
BOX_LOADER_NAME = "dashboardBoxes"
#: The object name of the workers that read the lists; the application waits for them before quitting.
LOADER_NAME = "dashboardLists"
#: After the page is shown, the lists are read when it has been painted, or after this long.
READ_AT_THE_LATEST_MS = 250


# --- the lists, read off the window's thread ------------------------------------------------


class ItemLine(NamedTuple):
    """One thing on a day as its row shows it."""

    item: DayItem
    label: str
    details: str


class DayLines(NamedTuple):
    """One day of the next two weeks and its rows."""

    info: DayInfo
    holiday: bool
    #: Rows right under the day, in the day's order.
    lines: tuple[ItemLine, ...]
    #: People's dates gathered under one collapsed line (empty when there are few).
    people: tuple[ItemLine, ...]


class ReminderLine(NamedTuple):
    """An event whose reminder is due, as its row shows it (the days to go are added when shown)."""

    item: DayItem
    date: dt.date
    label: str
    #: The event's day and a separator, for «in N days» to follow.
    day: str
    tooltip: str


class DashboardLists(NamedTuple):
    """What the two lists show: plain data, built on a worker; the rows are made on the window's thread."""

    days: tuple[DayLines, ...]
    reminders: tuple[ReminderLine, ...]


class _Stopped(Exception):
    """The application is quitting: the lists are not needed any more."""


def lunar_marks() -> tuple[str, str]:
    """What follows a lunar occasion whose day is predicted, or estimated: «(پیش‌بینی)», «(برآورد)»."""
    return (
        QCoreApplication.translate("Dashboard", "(predicted)"),
        QCoreApplication.translate("Dashboard", "(estimated)"),
    )


def read_lists(db_path: Path, today: dt.date, progress: Progress) -> DashboardLists:
    """The next 14 days and the reminders due, through a connection of this thread that cannot write.

    A connection belongs to the thread that opened it; reading only keeps the rule that a
    damaged database open read only is never written to.
    """
    from prdesk.core import occasions as occ
    from prdesk.core.occasions import DayItem
    from prdesk.store import calendar as cal
    from prdesk.ui.widgets.month_view import item_details, item_label, separator, source_names

    db = open_read_only(db_path)
    try:
        entries = cal.upcoming(db, today, UPCOMING_DAYS)
        # The contacts whose birthday it is, by name, in place of their count.
        named = {
            entry.date: [
                DayItem(f"تولد {p.name}", "contact", False, occ.SOURCE_BIRTHDAY, "greeting", p.person_id)
                for p in cal.contact_birthdays_on(db, entry.date)
            ]
            for entry in entries
            if any(item.count for item in entry.occasions)
        }
        if not progress(1, 3):
            raise _Stopped
        due = cal.reminders_due(db, today)
    finally:
        db.close()
    if not progress(2, 3):
        raise _Stopped

    marks = {hijri.PREDICTED: lunar_marks()[0], hijri.ESTIMATED: lunar_marks()[1]}

    def line(item: DayItem, source: str = "") -> ItemLine:
        label = item_label(item)
        if item.lunar and source in marks:
            label = f"{label} {marks[source]}"  # a lunar date not yet official says so
        return ItemLine(item, label, item_details(item))

    days = []
    for entry in entries:
        if not entry.occasions:
            continue
        items: list[DayItem] = []
        for item in entry.occasions:
            items.extend(named.get(entry.date, ()) if item.count else (item,))
        people = [item for item in items if item.source in (occ.SOURCE_BIRTHDAY, occ.SOURCE_PERSON)]
        gathered = len(people) > PEOPLE_SHOWN
        shown = tuple(line(item, entry.info.hijri_source) for item in items if not gathered or item not in people)
        days.append(DayLines(entry.info, entry.holiday, shown, tuple(map(line, people)) if gathered else ()))
    event_source = source_names()[occ.SOURCE_EVENT]
    reminders = []
    for occurrence in due:
        event = occurrence.event
        item = DayItem(
            event.title, event.type, False, occ.SOURCE_EVENT, "none", event.id,
            event.start_time, event.end_time, event.status, event.location, event.reminder_days,
        )
        reminders.append(ReminderLine(
            item, occurrence.date, item_label(item), format_jalali_long(occurrence.date) + separator(),
            f"{event_source}: {item_details(item)}",
        ))
    return DashboardLists(tuple(days), tuple(reminders))


def _brushes() -> tuple[QBrush, QBrush]:
    """The month view's holiday red and muted grey (imported with the lists, not at start-up)."""
    from prdesk.ui.widgets.month_view import HOLIDAY_RED, MUTED

    return QBrush(HOLIDAY_RED), QBrush(MUTED)


def _finish_loaders() -> None:
    # A QThread still running when the application object goes aborts the process.
    app = QCoreApplication.instance()
    if app is None:
        return
    for name in (LOADER_NAME, BOX_LOADER_NAME):
        for worker in app.findChildren(QtCore.QThread, name):
            worker.cancel()
            worker.wait()


def _loader(work, name: str = LOADER_NAME) -> Worker:
    """A worker owned by the application, not by the page: a page may close while its lists are read."""
    from prdesk.ui.workers import Worker  # after the first paint, like every worker

    app = QCoreApplication.instance()
    if not app.property(LOADER_NAME):
        app.setProperty(LOADER_NAME, True)
        app.aboutToQuit.connect(_finish_loaders)
    worker = Worker(work, app)
    worker.setObjectName(name)
    worker.finished.connect(worker.deleteLater)
    return worker


def _scaled(label: QLabel, factor: float, bold: bool = False) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setWeight(QFont.Weight.Bold)
    label.setFont(font)


class DashboardPage(Page):
    """Today, big and clean; under it the next 14 days and the events whose reminder is due."""

    key = "dashboard"
    # "today" is announced by the main window's clock when the date turns at midnight.
    areas = ("settings", "today", "calendar", "contacts")

    #: The lists of a fresh read are on screen.
    lists_shown = Signal()

    def title(self) -> str:
        return self.tr("Dashboard")

    def build(self) -> None:
        card = QFrame()
        card.setObjectName("todayCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(card)
        box.setContentsMargins(28, 22, 28, 24)
        box.setSpacing(6)

        caption = QLabel(self.tr("Today"))
        caption.setObjectName("caption")
        box.addWidget(caption)
        self.jalali = QLabel()
        self.jalali.setObjectName("jalaliDate")
        _scaled(self.jalali, 2.4, bold=True)
        # The dates are Persian text even in the English window; keep them on the window's
        # leading side instead of letting their script pick the side.
        # Qt.AlignmentFlag.AlignAbsolute | AlignRight (or AlignLeft), as the property's integer: the Qt
        # namespace's enums are made after the first paint.
        self.jalali.setProperty("alignment", ALIGN_ABSOLUTE | (ALIGN_RIGHT if self.isRightToLeft() else ALIGN_LEFT))
        box.addWidget(self.jalali)
        self.holiday = QLabel(self.tr("Friday, the weekly holiday"))
        self.holiday.setObjectName("holiday")
        box.addWidget(self.holiday)
        box.addSpacing(14)

        others = QHBoxLayout()
        others.setSpacing(48)
        self.hijri, self.hijri_note = self._other_calendar(others, self.tr("Lunar (Hijri)"))
        self.gregorian, _ = self._other_calendar(others, self.tr("Gregorian"))
        others.addStretch(1)
        box.addLayout(others)
        self.layout_.addWidget(card)
        self.event_dialog: EventDialog | None = None

        lists = QHBoxLayout()
        lists.setSpacing(16)
        upcoming_box = QGroupBox(self.tr("The next 14 days"))
        column = QVBoxLayout(upcoming_box)
        self.upcoming = QTreeWidget()
        self.upcoming.setObjectName("upcoming")
        self.upcoming.setColumnCount(2)
        self.upcoming.setHeaderHidden(True)
        self.upcoming.setRootIsDecorated(True)
        self.upcoming.setUniformRowHeights(True)
        self.upcoming.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.upcoming.header().setStretchLastSection(True)
        self.upcoming.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.upcoming.header().resizeSection(0, self.fontMetrics().horizontalAdvance("م") * 34)
        self.upcoming.itemActivated.connect(self._activated)
        self.upcoming.itemExpanded.connect(self._fill_group)
        column.addWidget(self.upcoming)
        self.upcoming_empty = QLabel(self.tr("Nothing in the next two weeks."))
        self.upcoming_empty.setObjectName("hint")
        self.upcoming_empty.hide()
        column.addWidget(self.upcoming_empty)
        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setObjectName("hint")
        self.loading.hide()
        column.addWidget(self.loading)
        lists.addWidget(upcoming_box, 4)

        reminders_box = QGroupBox(self.tr("Reminders due"))
        column = QVBoxLayout(reminders_box)
        self.reminders = QListWidget()
        self.reminders.setObjectName("reminders")
        self.reminders.setWordWrap(True)
        self.reminders.itemActivated.connect(self._activated)
        column.addWidget(self.reminders)
        self.reminders_empty = QLabel(self.tr("No reminders are due."))
        self.reminders_empty.setObjectName("hint")
        self.reminders_empty.setWordWrap(True)
        self.reminders_empty.hide()
        column.addWidget(self.reminders_empty)
        # Reminders and the messages to send share a column: four side by side are too narrow at 1100 pixels.
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(reminders_box, 1)
        self._side, self._reminders_box = side, reminders_box
        from prdesk.ui.pages.meetings.today import TodayMeetings

        self.meetings_panel = TodayMeetings(self.context)
        lists.addWidget(self.meetings_panel, 2)
        from prdesk.ui.pages.messages_due import MessagesDueBox

        self.messages_due = MessagesDueBox(self.context)
        side.addWidget(self.messages_due, 2)
        lists.addLayout(side, 2)
        self.layout_.addLayout(lists, 1)
        self._loader: Worker | None = None
        #: The rows of collapsed people's lines not made yet, by the line's GROUP_ROLE key.
        self._groups: dict[int, tuple[ItemLine, ...]] = {}
        self._lists_today: dt.date | None = None
        self._read_when_painted = False
        self.reload()

    def _other_calendar(self, row: QHBoxLayout, name: str) -> tuple[QLabel, QLabel]:
        """A caption, the date and a note line under it; returns the date and the note labels."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        caption = QLabel(name)
        caption.setObjectName("caption")
        column.addWidget(caption)
        value = QLabel()
        _scaled(value, 1.45)
        column.addWidget(value)
        note = QLabel()
        note.setObjectName("hint")
        note.hide()
        column.addWidget(note)
        column.addStretch(1)  # at the top of the row, as Qt.AlignmentFlag.AlignTop would put it
        row.addWidget(holder)
        return value, note

    def reload(self) -> None:
        correction = int(get_setting(self.context.db, "lunar_correction"))
        info = day_info(self.context.today(), correction)
        self.jalali.setText(info.jalali_long)
        self.hijri.setText(info.hijri_long or self.tr("not known for this year"))
        note = {
            hijri.PREDICTED: self.tr("as predicted by the Calendar Center; not yet official"),
            hijri.ESTIMATED: self.tr("estimated from the first visibility of the crescent; may move by a day"),
        }.get(info.hijri_source, "")
        self.hijri_note.setText(note)
        self.hijri_note.setVisible(bool(note))
        self.gregorian.setText(info.gregorian_long_fa)
        self.holiday.setVisible(info.is_friday)
        # The lists read two weeks of birthdays on a worker; a page behind another waits until it is shown.
        self._lists_stale = True
        if self.isVisible():
            self._read_lists()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._lists_stale:
            # Read once the page has been painted: today's card first, with no worker in its way.
            self._read_when_painted = True
            # A window that is shown but not painted (minimized) reads them a little later all the same.
            QTimer.singleShot(READ_AT_THE_LATEST_MS, self._read_lists)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._read_when_painted:
            self._read_when_painted = False
            QTimer.singleShot(0, self._read_lists)

    def lists_ready(self) -> bool:
        """The lists show a read made after the last change (nothing is being read)."""
        return not self._lists_stale and self._loader is None

    def _read_lists(self) -> None:
        if self._loader is not None or not self._lists_stale or not self.isVisible():
            return  # a running read starts again when it ends if something changed meanwhile
        if not getattr(self.window(), "painted", True):
            after_first_paint(self, self._read_lists)  # today's card is on screen first
            return
        # What the worker uses is imported here, on the window's thread: an import first made on a
        # worker thread can deadlock on the import lock.
        import sqlite_utils  # noqa: F401
        from prdesk.store import calendar  # noqa: F401
        from prdesk.ui.widgets import month_view  # noqa: F401

        self._lists_stale = False
        self._lists_today = today = self.context.today()
        path = self.context.db_path
        self._loader = _loader(lambda progress: read_lists(path, today, progress))
        self._loader.succeeded.connect(self._lists_read)
        self._loader.failed.connect(self._lists_failed)
        self.loading.show()
        self.upcoming_empty.hide()
        self.reminders_empty.hide()
        self._loader.start()

    def _read_ended(self) -> bool:
        """Whether the read that just ended is the one to show (nothing changed while it ran)."""
        self._loader = None
        if self._lists_stale:
            self._read_lists()
            return False
        self.loading.hide()
        return True

    def _lists_read(self, lists: DashboardLists) -> None:
        if not self._read_ended():
            return
        today = self._lists_today
        self.upcoming.setUpdatesEnabled(False)
        try:
            self._show_upcoming(today, lists.days)
        finally:
            self.upcoming.setUpdatesEnabled(True)
        self._show_reminders(today, lists.reminders)
        self.lists_shown.emit()

    def _lists_failed(self, error: BaseException) -> None:
        if isinstance(error, _Stopped):
            self._loader = None  # the application is quitting
            return
        if not self._read_ended():
            return
        if not isinstance(error, PrdeskError):
            raise error  # a bug: to the crash dialog
        self.upcoming_empty.setText(str(error))
        self.upcoming_empty.show()

    # --- the next two weeks -----------------------------------------------------------------

    def days_away(self, today: dt.date, day: dt.date) -> str:
        """«Today», «Tomorrow» or «in 5 days»."""
        days = (day - today).days
        if days == 0:
            return self.tr("Today")
        if days == 1:
            return self.tr("Tomorrow")
        return self.tr("in {count} days").format(count=to_persian_digits(days))

    def _show_upcoming(self, today: dt.date, days: tuple[DayLines, ...]) -> None:
        self.upcoming.clear()
        self._groups.clear()
        red, _muted = _brushes()
        bold = QFont(self.upcoming.font())
        bold.setWeight(QFont.Weight.Bold)
        for day in days:
            day_row = QTreeWidgetItem(self.upcoming, [day.info.jalali_long, self.days_away(today, day.info.gregorian)])
            day_row.setFont(0, bold)
            day_row.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
            # Every row carries the role: an unset one reads back as a None whose reference
            # PySide6 6.12 drops.
            day_row.setData(0, ITEM_ROLE, False)
            if day.holiday:
                day_row.setForeground(0, red)
            for line in day.lines:
                self._item_row(day_row, line)
            if day.people:
                group = QTreeWidgetItem(
                    day_row,
                    [self.tr("Birthdays and people's dates: {count}").format(count=to_persian_digits(len(day.people))), ""],
                )
                group.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
                group.setData(0, ITEM_ROLE, False)
                # A busy day has hundreds of birthdays: their rows are made when the line is opened.
                key = len(self._groups)
                self._groups[key] = day.people
                group.setData(0, GROUP_ROLE, key)
                group.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            day_row.setExpanded(True)
        self.upcoming_empty.setText(self.tr("Nothing in the next two weeks."))
        self.upcoming_empty.setVisible(self.upcoming.topLevelItemCount() == 0)

    def _fill_group(self, group: QTreeWidgetItem) -> None:
        key = group.data(0, GROUP_ROLE)
        lines = self._groups.pop(key, None) if isinstance(key, int) else None
        if lines is None:
            return
        self.upcoming.setUpdatesEnabled(False)
        try:
            for line in lines:
                self._item_row(group, line)
        finally:
            self.upcoming.setUpdatesEnabled(True)
        group.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless)

    def _item_row(self, parent: QTreeWidgetItem, line: ItemLine) -> QTreeWidgetItem:
        red, muted = _brushes()
        item = line.item
        row = QTreeWidgetItem(parent, [line.label, line.details])
        row.setData(0, ITEM_ROLE, item)
        row.setToolTip(0, item.title)
        row.setToolTip(1, line.details)
        row.setForeground(1, muted)
        if item.holiday:
            row.setForeground(0, red)
        return row

    def upcoming_titles(self) -> list[str]:
        """Every title the next-14-days list holds (days and groups left out)."""
        from prdesk.core.occasions import DayItem

        found = []

        def walk(node: QTreeWidgetItem) -> None:
            for i in range(node.childCount()):
                child = node.child(i)
                item = child.data(0, ITEM_ROLE)
                if isinstance(item, DayItem):
                    found.append(item.title)
                key = child.data(0, GROUP_ROLE)
                if isinstance(key, int) and key in self._groups:
                    found.extend(line.item.title for line in self._groups[key])
                walk(child)

        walk(self.upcoming.invisibleRootItem())
        return found

    # --- reminders --------------------------------------------------------------------------

    def _show_reminders(self, today: dt.date, due: tuple[ReminderLine, ...]) -> None:
        self.reminders.clear()
        for reminder in due:
            row = QListWidgetItem(f"{reminder.label}\n{reminder.day}{self.days_away(today, reminder.date)}")
            row.setData(ITEM_ROLE, reminder.item)
            row.setToolTip(reminder.tooltip)
            self.reminders.addItem(row)
        self.reminders_empty.setVisible(not due)
        # An empty reminders box gives its room to the messages below it.
        self.reminders.setVisible(bool(due))
        self._side.setStretchFactor(self._reminders_box, 1 if due else 0)

    # --- opening an event -------------------------------------------------------------------

    def _activated(self, row, _column: int = 0) -> None:
        from prdesk.core import occasions as occ
        from prdesk.store import calendar as cal
        from prdesk.ui.dialogs.event_dialog import EventDialog

        item = row.data(0, ITEM_ROLE) if isinstance(row, QTreeWidgetItem) else row.data(ITEM_ROLE)
        if not isinstance(item, occ.DayItem) or item.source != occ.SOURCE_EVENT:
            return
        try:
            event = cal.get_event(self.context.db, int(item.ref))
        except PrdeskError as exc:
            messages.show_error(self, str(exc))
            self.reload()
            return
        dialog = EventDialog(self.context, event=event, parent=self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.event_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "event_dialog", None))
        dialog.open()
