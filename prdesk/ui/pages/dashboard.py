"""The dashboard: today in the three calendars, the next two weeks and the reminders due."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
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

from prdesk.core import hijri, jalali
from prdesk.core import occasions as occ
from prdesk.core.calendars import day_info
from prdesk.core.occasions import DayEntry, DayItem
from prdesk.core.text import to_persian_digits
from prdesk.errors import PrdeskError
from prdesk.store import calendar as cal
from prdesk.store.settings import get_setting
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.event_dialog import EventDialog
from prdesk.ui.pages.base import Page
from prdesk.ui.widgets.month_view import HOLIDAY_RED, MUTED, item_details, item_label, separator, source_names

UPCOMING_DAYS = 14
# More people's dates than this on one day are gathered under one collapsed line.
PEOPLE_SHOWN = 3
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.jalali.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft)
        )
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
        column.addWidget(self.upcoming)
        self.upcoming_empty = QLabel(self.tr("Nothing in the next two weeks."))
        self.upcoming_empty.setObjectName("hint")
        column.addWidget(self.upcoming_empty)
        lists.addWidget(upcoming_box, 3)

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
        column.addWidget(self.reminders_empty)
        lists.addWidget(reminders_box, 2)
        self.layout_.addLayout(lists, 1)
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
        row.addWidget(holder, 0, Qt.AlignmentFlag.AlignTop)
        return value, note

    def reload(self) -> None:
        correction = int(get_setting(self.context.db, "lunar_correction"))
        info = day_info(self.context.today(), correction)
        self.jalali.setText(info.jalali_long)
        self.hijri.setText(info.hijri_long or self.tr("not known for this year"))
        note = {
            hijri.PREDICTED: self.tr("as predicted by the Calendar Center; not yet official"),
            hijri.ESTIMATED: self.tr("estimated from the Umm al-Qura calendar and your correction"),
        }.get(info.hijri_source, "")
        self.hijri_note.setText(note)
        self.hijri_note.setVisible(bool(note))
        self.gregorian.setText(info.gregorian_long_fa)
        self.holiday.setVisible(info.is_friday)
        # The lists read two weeks of birthdays; a page behind another waits until it is shown.
        self._lists_stale = True
        if self.isVisible():
            self._show_lists()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._lists_stale:
            self._show_lists()

    def _show_lists(self) -> None:
        self._lists_stale = False
        today = self.context.today()
        self.upcoming.setUpdatesEnabled(False)
        try:
            self._show_upcoming(today, cal.upcoming(self.context.db, today, UPCOMING_DAYS))
        finally:
            self.upcoming.setUpdatesEnabled(True)
        self._show_reminders(today, cal.reminders_due(self.context.db, today))

    # --- the next two weeks -----------------------------------------------------------------

    def days_away(self, today: dt.date, day: dt.date) -> str:
        """«Today», «Tomorrow» or «in 5 days»."""
        days = (day - today).days
        if days == 0:
            return self.tr("Today")
        if days == 1:
            return self.tr("Tomorrow")
        return self.tr("in {count} days").format(count=to_persian_digits(days))

    def _show_upcoming(self, today: dt.date, days: list[DayEntry]) -> None:
        self.upcoming.clear()
        bold = QFont(self.upcoming.font())
        bold.setWeight(QFont.Weight.Bold)
        for entry in days:
            if not entry.occasions:
                continue
            info = entry.info
            day_row = QTreeWidgetItem(self.upcoming, [info.jalali_long, self.days_away(today, entry.date)])
            day_row.setFont(0, bold)
            day_row.setFlags(Qt.ItemFlag.ItemIsEnabled)
            # Every row carries the role: an unset one reads back as a None whose reference
            # PySide6 6.12 drops.
            day_row.setData(0, ITEM_ROLE, False)
            if entry.holiday:
                day_row.setForeground(0, QBrush(HOLIDAY_RED))
            people = [item for item in entry.occasions if item.source in (occ.SOURCE_BIRTHDAY, occ.SOURCE_PERSON)]
            for item in entry.occasions:
                if item not in people or len(people) <= PEOPLE_SHOWN:
                    self._item_row(day_row, item)
            if len(people) > PEOPLE_SHOWN:
                group = QTreeWidgetItem(
                    day_row,
                    [self.tr("Birthdays and people's dates: {count}").format(count=to_persian_digits(len(people))), ""],
                )
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setData(0, ITEM_ROLE, False)
                for item in people:
                    self._item_row(group, item)
            day_row.setExpanded(True)
        self.upcoming_empty.setVisible(self.upcoming.topLevelItemCount() == 0)

    def _item_row(self, parent: QTreeWidgetItem, item: DayItem) -> QTreeWidgetItem:
        row = QTreeWidgetItem(parent, [item_label(item), item_details(item)])
        row.setData(0, ITEM_ROLE, item)
        row.setToolTip(0, item.title)
        row.setToolTip(1, item_details(item))
        row.setForeground(1, QBrush(MUTED))
        if item.holiday:
            row.setForeground(0, QBrush(HOLIDAY_RED))
        return row

    def upcoming_titles(self) -> list[str]:
        """Every title the next-14-days list holds (days and groups left out)."""
        found = []

        def walk(node: QTreeWidgetItem) -> None:
            for i in range(node.childCount()):
                child = node.child(i)
                item = child.data(0, ITEM_ROLE)
                if isinstance(item, DayItem):
                    found.append(item.title)
                walk(child)

        walk(self.upcoming.invisibleRootItem())
        return found

    # --- reminders --------------------------------------------------------------------------

    def _show_reminders(self, today: dt.date, due: list[cal.EventOccurrence]) -> None:
        self.reminders.clear()
        names = source_names()
        for occurrence in due:
            event = occurrence.event
            item = DayItem(
                event.title, event.type, False, occ.SOURCE_EVENT, "none", event.id,
                event.start_time, event.end_time, event.status, event.location, event.reminder_days,
            )
            when = jalali.format_jalali_long(occurrence.date) + separator() + self.days_away(today, occurrence.date)
            row = QListWidgetItem(f"{item_label(item)}\n{when}")
            row.setData(ITEM_ROLE, item)
            row.setToolTip(f"{names[occ.SOURCE_EVENT]}: {item_details(item)}")
            self.reminders.addItem(row)
        self.reminders_empty.setVisible(not due)

    # --- opening an event -------------------------------------------------------------------

    def _activated(self, row, _column: int = 0) -> None:
        item = row.data(0, ITEM_ROLE) if isinstance(row, QTreeWidgetItem) else row.data(ITEM_ROLE)
        if not isinstance(item, DayItem) or item.source != occ.SOURCE_EVENT:
            return
        try:
            event = cal.get_event(self.context.db, int(item.ref))
        except PrdeskError as exc:
            messages.show_error(self, str(exc))
            self.reload()
            return
        dialog = EventDialog(self.context, event=event, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.event_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "event_dialog", None))
        dialog.open()
