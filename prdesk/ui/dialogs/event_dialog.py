"""The dialog that adds or edits one of the office's events (مراسم): when, where, who, how often."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import recurrence as rec
from prdesk.core.contacts import ContactFilter
from prdesk.core.text import clean, to_persian_digits
from prdesk.store import calendar as cal
from prdesk.store.contacts import query_people
from prdesk.ui.dialogs.calendar_form import CalendarDialog
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.month_view import category_names, event_status_names

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 15
NO_REMINDER = -1


def event_type_names() -> dict[str, str]:
    """The event types, in the order the dialog offers them."""
    names = category_names()
    return {key: names[key] for key in cal.EVENT_TYPES}


def recurrence_names() -> dict[str, str]:
    """How an event repeats, on the calendar that matters."""
    return {
        rec.NONE: QCoreApplication.translate("EventDialog", "Does not repeat"),
        rec.YEARLY_JALALI: QCoreApplication.translate("EventDialog", "Every year on the same Jalali date"),
        rec.YEARLY_LUNAR: QCoreApplication.translate("EventDialog", "Every year on the same lunar date"),
        rec.MONTHLY_JALALI: QCoreApplication.translate("EventDialog", "Every month on the same Jalali day"),
        rec.QUARTERLY: QCoreApplication.translate("EventDialog", "Every three months on the same day"),
        rec.WEEKLY: QCoreApplication.translate("EventDialog", "Every week on the same weekday"),
    }


@dataclass(frozen=True)
class Person:
    """A person chosen from the contacts: the id stored, the name shown."""

    id: int
    name: str


def _person_label(row: dict) -> str:
    name = row.get("full_name") or ""
    organization = row.get("organization") or ""
    return f"{name} — {organization}" if organization else name


def people_by_id(db, ids) -> dict[int, Person]:
    """The people with these ids (those still in the contacts)."""
    ids = tuple(sorted(set(ids)))
    if not ids:
        return {}
    rows = query_people(db, ContactFilter(ids=ids), limit=None)
    return {row["id"]: Person(row["id"], _person_label(row)) for row in rows}


class PersonPicker(QLineEdit):
    """A name typed and chosen from the contacts: the list of matches opens as the clerk types."""

    # A person was chosen from the list.
    picked = Signal(object)

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._person: Person | None = None
        self.setPlaceholderText(self.tr("Type a name from the contacts"))
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        # The store already searched (every word, any order); the completer must not filter again.
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._chosen)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search)
        self.textEdited.connect(self._edited)

    def person(self) -> Person | None:
        """The person chosen, or None (also when the name was typed over after choosing)."""
        return self._person

    def set_person(self, person: Person | None) -> None:
        self._person = person
        self.setText(person.name if person else "")

    def _edited(self, _text: str) -> None:
        self._person = None
        self.timer.start()

    def search(self) -> None:
        """Fill the list with the people whose name or details match what is typed."""
        self.timer.stop()
        text = clean(self.text())
        self.matches.clear()
        if len(text) < 2:
            self.completer_.popup().hide()
            return
        for row in query_people(self.db, ContactFilter(text=text), limit=SEARCH_LIMIT):
            item = QStandardItem(_person_label(row))
            item.setData(Person(row["id"], _person_label(row)), PERSON_ROLE)
            self.matches.appendRow(item)
        if self.matches.rowCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _chosen(self, index: QModelIndex) -> None:
        person = index.data(PERSON_ROLE)
        if person is None:
            return
        self._person = person
        self.setText(person.name)
        self.picked.emit(person)


class EventDialog(CalendarDialog):
    """Adds an event (on a given day) or edits one; Ctrl+S saves, Esc closes, nothing saved on an error."""

    def __init__(
        self,
        context: PageContext,
        *,
        date: dt.date | None = None,
        event: cal.Event | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(context, event, parent)
        self.setObjectName("eventDialog")
        self.setWindowTitle(self.tr("Edit event") if event else self.tr("New event"))
        self._build()
        if event is not None:
            self._load(event)
        else:
            self.date.set_date(date or context.today())
        self.title.setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = self.start_form()

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Honoring the retirees of the spring quarter"))
        self.add_row("title", self.tr("Title"), self.title)

        self.type = QComboBox()
        for key, name in event_type_names().items():
            self.type.addItem(name, key)
        self.add_row("type", self.tr("Type"), self.type)

        self.date = JalaliDateEdit()
        self.add_row("date", self.tr("Date"), self.date, error=False)

        self.all_day = QCheckBox(self.tr("All day"))
        self.all_day.setChecked(True)
        self.start_time = self._time_edit()
        self.end_time = self._time_edit()
        times = QWidget()
        line = QHBoxLayout(times)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(8)
        line.addWidget(self.all_day)
        line.addSpacing(12)
        self.start_label = QLabel(self.tr("from"))
        line.addWidget(self.start_label)
        line.addWidget(self.start_time)
        self.end_label = QLabel(self.tr("to"))
        line.addWidget(self.end_label)
        line.addWidget(self.end_time)
        line.addStretch(1)
        self.add_row("start_time", self.tr("Time"), times)
        self.errors["end_time"] = self.errors["start_time"]
        self.editors["start_time"], self.editors["end_time"] = self.start_time, self.end_time
        self.all_day.toggled.connect(self._all_day_toggled)
        self._all_day_toggled(True)

        self.location = QLineEdit()
        self.add_row("location", self.tr("Location"), self.location)

        self.responsible = PersonPicker(self.context.db)
        self.add_row("responsible_person_id", self.tr("Responsible"), self.responsible)

        self.invitee_picker = PersonPicker(self.context.db)
        self.invitee_picker.setPlaceholderText(self.tr("Type a name to add an invitee"))
        self.invitee_picker.picked.connect(self.add_invitee)
        self.invitees = QListWidget()
        self.invitees.setObjectName("invitees")
        self.invitees.setMaximumHeight(self.fontMetrics().height() * 5)
        self.remove_invitee_button = QPushButton(self.tr("Remove"))
        self.remove_invitee_button.setToolTip(self.tr("Remove the selected invitee (Delete)"))
        self.remove_invitee_button.clicked.connect(self.remove_invitee)
        self.remove_invitee_button.setEnabled(False)
        self.invitees.currentRowChanged.connect(lambda row: self.remove_invitee_button.setEnabled(row >= 0))
        remove = QAction(self.invitees)
        remove.setShortcut(QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_invitee)
        self.invitees.addAction(remove)
        people = QWidget()
        column = QVBoxLayout(people)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.invitee_picker)
        row = QHBoxLayout()
        row.addWidget(self.invitees, 1)
        row.addWidget(self.remove_invitee_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(row)
        self.add_row("invitees", self.tr("Invitees"), people)
        self.editors["invitees"] = self.invitee_picker

        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 4)
        self.add_row("description", self.tr("Description"), self.description)

        self.status = QComboBox()
        for key, name in event_status_names().items():
            self.status.addItem(name, key)
        self.add_row("status", self.tr("Status"), self.status)

        self.recurrence = QComboBox()
        for key, name in recurrence_names().items():
            self.recurrence.addItem(name, key)
        self.add_row("recurrence", self.tr("Repeats"), self.recurrence)
        self.until = JalaliDateEdit(optional=True)
        self.until.edit.setPlaceholderText(self.tr("no end"))
        self.add_row("recurrence_until", self.tr("Repeats until"), self.until, error=False)
        self.recurrence.currentIndexChanged.connect(self._recurrence_changed)
        self._recurrence_changed()

        self.reminder = QSpinBox()
        self.reminder.setRange(NO_REMINDER, cal.MAX_REMINDER_DAYS)
        self.reminder.setSpecialValueText(self.tr("No reminder"))
        self.reminder.setSuffix(self.tr(" days before"))
        self.reminder.setValue(NO_REMINDER)
        self.reminder.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.tr(" days before")) + 80)
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.reminder)
        line.addStretch(1)
        self.add_row("reminder_days", self.tr("Reminder"), holder)
        self.editors["reminder_days"] = self.reminder

        self.add_buttons(outer, self.tr("Save the event (Ctrl+S)"), self.tr("Delete event"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("م") * 60)

    def _time_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(to_persian_digits("10:30"))
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("۰۰:۰۰") + 28)
        return edit

    def _all_day_toggled(self, all_day: bool) -> None:
        for widget in (self.start_label, self.start_time, self.end_label, self.end_time):
            widget.setEnabled(not all_day)

    def _recurrence_changed(self) -> None:
        self.until.setEnabled(self.recurrence.currentData() != rec.NONE)

    # --- values -----------------------------------------------------------------------------

    def _load(self, event: cal.Event) -> None:
        self.title.setText(event.title)
        self.type.setCurrentIndex(self.type.findData(event.type))
        self.date.set_date(event.date)
        self.all_day.setChecked(event.all_day)
        self.start_time.setText(to_persian_digits(event.start_time))
        self.end_time.setText(to_persian_digits(event.end_time))
        self.location.setText(event.location)
        chosen = [*event.invitees, *([event.responsible_person_id] if event.responsible_person_id else [])]
        people = people_by_id(self.context.db, chosen)
        if event.responsible_person_id:
            self.responsible.set_person(people.get(event.responsible_person_id))
        for person_id in event.invitees:
            if person_id in people:
                self.add_invitee(people[person_id])
        self.description.setPlainText(event.description)
        self.status.setCurrentIndex(self.status.findData(event.status))
        self.recurrence.setCurrentIndex(self.recurrence.findData(event.recurrence))
        self.until.set_date(event.recurrence_until)
        self.reminder.setValue(NO_REMINDER if event.reminder_days is None else event.reminder_days)

    def invitee_ids(self) -> list[int]:
        """The ids of the invitees listed."""
        return [self.invitees.item(row).data(PERSON_ROLE).id for row in range(self.invitees.count())]

    def add_invitee(self, person: Person) -> None:
        """List ``person`` as invited (once)."""
        if person.id not in self.invitee_ids():
            item = QListWidgetItem(person.name)
            item.setData(PERSON_ROLE, person)
            self.invitees.addItem(item)
        self.invitee_picker.set_person(None)

    def remove_invitee(self) -> None:
        """Take the selected invitee off the list."""
        row = self.invitees.currentRow()
        if row >= 0:
            self.invitees.takeItem(row)

    def values(self) -> dict:
        """What the form holds, as the store's add_event and update_event take it."""
        responsible = self.responsible.person()
        if responsible is None and clean(self.responsible.text()):
            # A name typed but never chosen would be dropped silently; the store says why.
            responsible_id: object = clean(self.responsible.text())
        else:
            responsible_id = responsible.id if responsible else None
        reminder = self.reminder.value()
        return {
            "title": self.title.text(),
            "type": self.type.currentData(),
            "date": self.date.text(),
            "all_day": self.all_day.isChecked(),
            "start_time": self.start_time.text(),
            "end_time": self.end_time.text(),
            "location": self.location.text(),
            "responsible_person_id": responsible_id,
            "invitees": self.invitee_ids(),
            "description": self.description.toPlainText(),
            "status": self.status.currentData(),
            "recurrence": self.recurrence.currentData(),
            "recurrence_until": self.until.text() if self.recurrence.currentData() != rec.NONE else "",
            "reminder_days": None if reminder == NO_REMINDER else reminder,
        }

    # --- saving -----------------------------------------------------------------------------

    def write(self, record_id: int | None, values: dict) -> cal.Event:
        if record_id is None:
            return cal.add_event(self.context.db, values)
        return cal.update_event(self.context.db, record_id, values)

    def remove(self, record_id: int) -> None:
        cal.delete_event(self.context.db, record_id)

    def saved_message(self, saved: cal.Event) -> str:
        return self.tr("The event was saved.")

    def delete_question(self, original: cal.Event) -> str:
        return self.tr("Delete the event «{title}»?").format(title=original.title)

    def deleted_message(self) -> str:
        return self.tr("The event was deleted.")
