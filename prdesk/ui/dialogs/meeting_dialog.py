"""The dialog that books or edits a meeting: visitors from the contacts or walk-ins, the conflict and closed-day overrides, history."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.text import clean, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store import meetings as ms
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.event_dialog import PersonPicker
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.form_row import add_field_row, error_line
from prdesk.ui.pages.meetings.names import followup_state_names, priority_names, status_names, type_names  # noqa: F401
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit

VISITOR_ROLE = Qt.ItemDataRole.UserRole + 1


def visitor_label(v: ms.Visitor) -> str:
    parts = [v.name]
    if v.organization:
        parts.append(f"— {v.organization}")
    if v.phone:
        parts.append(f"({to_persian_digits(v.phone)})")
    return " ".join(parts)


def history_html(db, meeting) -> str:
    """The visitors' earlier meetings, their open follow-ups and (for a stored meeting) its own history, as HTML."""
    statuses = status_names()
    earlier_title = QCoreApplication.translate("Meetings", "Earlier meetings")
    no_earlier = QCoreApplication.translate("Meetings", "No earlier meeting.")
    followups_title = QCoreApplication.translate("Meetings", "Open follow-ups")
    no_followups = QCoreApplication.translate("Meetings", "No open follow-up.")
    due = QCoreApplication.translate("Meetings", "due")
    history_title = QCoreApplication.translate("Meetings", "History")
    parts = []
    earlier = ms.earlier_meetings(db, meeting, limit=8)
    parts.append(f"<h4>{earlier_title}</h4>")
    if not earlier:
        parts.append(f"<p>{no_earlier}</p>")
    for name, found in earlier.items():
        parts.append(f"<p><b>{name}</b></p><ul>")
        for m in found:
            what = m.outcome or m.subject
            parts.append(f"<li>{jalali.format_jalali(m.date)} — {statuses[m.status]}{(' — ' + what) if what else ''}</li>")
        parts.append("</ul>")
    followups = ms.open_followups_of_visitors(db, meeting)
    parts.append(f"<h4>{followups_title}</h4>")
    if not followups:
        parts.append(f"<p>{no_followups}</p>")
    else:
        today = dt.date.today()
        parts.append("<ul>")
        for f in followups:
            colour = ' style="color:#b3261e"' if f.overdue(today) else ""
            parts.append(f"<li{colour}>{f.action} — {due} {jalali.format_jalali(f.due_date)}</li>")
        parts.append("</ul>")
    if getattr(meeting, "id", None):
        parts.append(f"<h4>{history_title}</h4><ul>")
        for h in ms.history(db, meeting.id):
            stamp = dt.datetime.fromisoformat(h["at"])
            when = f"{jalali.format_jalali(stamp.date())} {to_persian_digits(stamp.strftime('%H:%M'))}"
            parts.append(f"<li>{when} — {statuses.get(h['status'], h['status'])}{(' — ' + h['note']) if h['note'] else ''}</li>")
        parts.append("</ul>")
    return "".join(parts)


class MeetingDialog(QDialog):
    """Books a meeting (on a given day and time) or edits one; Ctrl+S saves, Esc closes, nothing saved on an error.

    A conflict or a closed day does not close the dialog: the reason, the next free times and the
    override button («ثبت با وجود تداخل») appear under the form.
    """

    def __init__(self, context: PageContext, *, meeting: ms.Meeting | None = None, date: dt.date | None = None,
                 start: str | None = None, host_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.original = meeting
        self.saved: ms.Meeting | None = None
        self.setObjectName("meetingDialog")
        self.setWindowTitle(self.tr("Edit meeting") if meeting else self.tr("New meeting"))
        self.errors: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}
        self._allow_conflict = False
        self._allow_closed = False
        self._build()
        if meeting is not None:
            self._load(meeting)
        else:
            self.date.set_date(date or context.today())
            self.start.setText(to_persian_digits(start or ""))
            if host_id is not None:
                self.host.setCurrentIndex(max(0, self.host.findData(host_id)))
            self._host_changed()
        self.picker.setFocus()
        self.refresh_history()

    # --- building ---------------------------------------------------------------------------

    def _row(self, key: str, label: str, editor: QWidget, *extra: QWidget, error: bool = True) -> None:
        self.editors[key] = editor
        row = add_field_row(self.form, key, label, editor, *extra, error=error)
        if row.error is not None:
            self.errors[key] = row.error

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        left.addLayout(self.form)

        self.picker = PersonPicker(self.db)
        self.picker.picked.connect(self._picked)
        self._row("picker", self.tr("Visitor from the contacts"), self.picker, error=False)
        self.walk_in_name = QLineEdit()
        self.walk_in_name.setObjectName("walk_in_name")
        self.walk_in_name.setPlaceholderText(self.tr("Name of a walk-in visitor"))
        self.walk_in_phone = QLineEdit()
        self.walk_in_phone.setObjectName("walk_in_phone")
        self.walk_in_phone.setPlaceholderText(self.tr("Phone"))
        self.walk_in_phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.walk_in_org = QLineEdit()
        self.walk_in_org.setObjectName("walk_in_org")
        self.walk_in_org.setPlaceholderText(self.tr("Organization"))
        self.add_walk_in_button = QPushButton(self.tr("Add"))
        self.add_walk_in_button.clicked.connect(self.add_walk_in)
        self.walk_in_name.returnPressed.connect(self.add_walk_in)
        walk_in = QWidget()
        line = QHBoxLayout(walk_in)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.walk_in_name, 3)
        line.addWidget(self.walk_in_phone, 1)
        line.addWidget(self.walk_in_org, 2)
        line.addWidget(self.add_walk_in_button)
        self._row("walk_in", self.tr("Walk-in visitor"), walk_in, error=False)
        self.visitors = QListWidget()
        self.visitors.setObjectName("visitors")
        self.visitors.setMaximumHeight(78)
        self.remove_visitor_button = QPushButton(self.tr("Remove"))
        self.remove_visitor_button.clicked.connect(self.remove_visitor)
        self.to_contact_button = QPushButton(self.tr("Add to contacts"))
        self.to_contact_button.setObjectName("toContact")
        self.to_contact_button.setToolTip(self.tr("Keep the chosen walk-in visitor as a person of the contacts"))
        self.to_contact_button.clicked.connect(self.visitor_to_contact)
        buttons = QWidget()
        stack = QVBoxLayout(buttons)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.remove_visitor_button)
        stack.addWidget(self.to_contact_button)
        self._row("visitors", self.tr("Visitors"), self.visitors, buttons)

        self.date = JalaliDateEdit()
        self._row("date", self.tr("Date"), self.date, error=False)
        self.start = QLineEdit()
        self.start.setPlaceholderText(to_persian_digits("10:30"))
        self.start.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.start.setMaximumWidth(90)
        self.duration = QSpinBox()
        self.duration.setObjectName("duration")
        self.duration.setRange(rules.MIN_DURATION, rules.MAX_DURATION)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" " + self.tr("min"))
        times = QWidget()
        line = QHBoxLayout(times)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.start)
        line.addWidget(QLabel(self.tr("for")))
        line.addWidget(self.duration)
        line.addStretch(1)
        self._row("start", self.tr("Time"), times)
        self.errors["duration"] = self.errors["start"]

        self.host = QComboBox()
        for host in ms.list_hosts(self.db):
            self.host.addItem(host.name, host.id)
        self.host.currentIndexChanged.connect(self._host_changed)
        self._row("host", self.tr("Host"), self.host)
        self.room = QComboBox()
        self.room.addItem(self.tr("(no room)"), None)
        for room in ms.list_rooms(self.db):
            self.room.addItem(room.name, room.id)
        self._row("room", self.tr("Room"), self.room)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("e.g. Loan of the housing cooperative"))
        self._row("subject", self.tr("Subject"), self.subject)
        self.type = QComboBox()
        for key, name in type_names().items():
            self.type.addItem(name, key)
        self.priority = QComboBox()
        for key, name in priority_names().items():
            self.priority.addItem(name, key)
        kinds = QWidget()
        line = QHBoxLayout(kinds)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.type, 2)
        line.addWidget(QLabel(self.tr("Priority")))
        line.addWidget(self.priority, 1)
        self.public_day = QCheckBox(self.tr("Public meeting day (queue number on arrival)"))
        line.addWidget(self.public_day)
        self._row("type", self.tr("Request type"), kinds)
        self.repeat = QComboBox()
        self.repeat.setObjectName("repeat")
        self.repeat.addItem(self.tr("Does not repeat"), None)
        self.repeat.addItem(self.tr("Every week"), "weekly")
        self.repeat.addItem(self.tr("Every month on the same Jalali day"), "monthly")
        self.until = JalaliDateEdit()
        self.until.setObjectName("until")
        self.until_label = QLabel(self.tr("until"))
        repeat = QWidget()
        line = QHBoxLayout(repeat)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.repeat, 1)
        line.addWidget(self.until_label)
        line.addWidget(self.until, 1)
        self._row("repeat", self.tr("Repeat"), repeat)
        self.repeat.currentIndexChanged.connect(self._repeat_changed)
        self._repeat_changed()
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(60)
        self._row("notes", self.tr("Notes before the meeting"), self.notes)

        # Shown when the store refuses the time: why, the next free times, the explicit override.
        self.refusal = error_line()
        self.refusal.setObjectName("refusal")
        left.addWidget(self.refusal)
        slots = QHBoxLayout()
        self.slot_buttons = []
        for _ in range(3):
            button = QPushButton()
            button.hide()
            button.clicked.connect(lambda _checked=False, b=button: self.use_slot(b.property("slot")))
            slots.addWidget(button)
            self.slot_buttons.append(button)
        slots.addStretch(1)
        left.addLayout(slots)
        self.override_button = QPushButton(self.tr("Save despite the conflict"))
        self.override_button.setObjectName("overrideConflict")
        self.override_button.hide()
        self.override_button.clicked.connect(self.save_despite_conflict)
        self.closed_button = QPushButton(self.tr("Save on a closed day or time"))
        self.closed_button.setObjectName("overrideClosed")
        self.closed_button.hide()
        self.closed_button.clicked.connect(self.save_on_closed_day)
        overrides = QHBoxLayout()
        overrides.addWidget(self.override_button)
        overrides.addWidget(self.closed_button)
        overrides.addStretch(1)
        left.addLayout(overrides)

        self.actions_row = QHBoxLayout()
        left.addLayout(self.actions_row)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        left.addWidget(buttons)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        self.addAction(save)

        self.history = QTextBrowser()
        self.history.setObjectName("visitorHistory")
        self.history.setMinimumWidth(260)
        outer.addWidget(self.history, 2)
        self.resize(940, 660)

    def _repeat_changed(self) -> None:
        on = self.repeat.currentData() is not None and self.original is None
        self.until.setEnabled(on)
        self.until_label.setEnabled(on)
        if on and not self.until.is_valid():
            self.until.set_date((self.date.date() or self.context.today()) + dt.timedelta(days=90))

    def _host_changed(self) -> None:
        host_id = self.host.currentData()
        if host_id is not None and self.original is None:
            self.duration.setValue(ms.get_host(self.db, host_id).slot_minutes)

    def _load(self, m: ms.Meeting) -> None:
        # A stored meeting is one occurrence; repeating is chosen when booking.
        self.form.setRowVisible(self.editors["repeat"].parentWidget(), False)
        for v in m.visitors:
            self._add_visitor(v)
        self.date.set_date(m.date)
        self.start.setText(to_persian_digits(m.start))
        self.duration.setValue(m.duration)
        self.host.setCurrentIndex(max(0, self.host.findData(m.host_id)))
        self.room.setCurrentIndex(max(0, self.room.findData(m.room_id)))
        self.subject.setText(m.subject)
        self.type.setCurrentIndex(max(0, self.type.findData(m.type)))
        self.priority.setCurrentIndex(max(0, self.priority.findData(m.priority)))
        self.notes.setPlainText(m.notes)
        self.public_day.setChecked(m.public_day)
        self.public_day.setEnabled(False)
        status = QLabel(self.tr("Status: %1").replace("%1", status_names()[m.status])
                        + (f" — {m.outcome}" if m.outcome else "") + (f" — {m.cancel_reason}" if m.cancel_reason else ""))
        status.setObjectName("meetingStatus")
        status.setWordWrap(True)
        self.actions_row.addWidget(status, 1)
        if m.status in rules.FINAL:
            self.save_button.setEnabled(False)
            return
        from prdesk.ui.dialogs import meeting_actions as acts

        for text, name, slot in (
            (self.tr("Arrived"), "arrivedButton", lambda: acts.mark_arrived(self, self.context, m.id)),
            (self.tr("Held…"), "heldButton", lambda: acts.mark_held(self, self.context, m.id)),
            (self.tr("No-show"), "noShowButton", lambda: acts.mark_no_show(self, self.context, m.id)),
            (self.tr("Cancel meeting…"), "cancelMeetingButton", lambda: acts.cancel_meeting(self, self.context, m.id)),
            (self.tr("Postpone…"), "postponeButton", lambda: acts.postpone_meeting(self, self.context, m.id)),
        ):
            if name == "arrivedButton" and m.status == "arrived":
                continue
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, s=slot: s() and self.accept())
            self.actions_row.addWidget(button)

    # --- visitors ---------------------------------------------------------------------------

    def _add_visitor(self, visitor: ms.Visitor) -> None:
        item = QListWidgetItem(visitor_label(visitor))
        item.setData(VISITOR_ROLE, visitor)
        self.visitors.addItem(item)
        self.refresh_history()

    def _picked(self, person) -> None:
        existing = [self.visitors.item(i).data(VISITOR_ROLE) for i in range(self.visitors.count())]
        if any(v.person_id == person.id for v in existing):
            self.picker.clear()
            return
        name, _, organization = person.name.partition(" — ")
        self._add_visitor(ms.Visitor(name, person.id, organization=organization))
        self.picker.clear()

    def add_walk_in(self) -> None:
        name = clean(self.walk_in_name.text())
        if not name:
            self.errors["visitors"].setText(self.tr("Type the walk-in visitor's name first."))
            self.errors["visitors"].show()
            self.walk_in_name.setFocus()
            return
        self._add_visitor(ms.Visitor(name, None, clean(self.walk_in_phone.text()), "", clean(self.walk_in_org.text())))
        for edit in (self.walk_in_name, self.walk_in_phone, self.walk_in_org):
            edit.clear()

    def remove_visitor(self) -> None:
        row = self.visitors.currentRow()
        if row >= 0:
            self.visitors.takeItem(row)
            self.refresh_history()

    def visitor_to_contact(self) -> None:
        """One click: the chosen walk-in becomes a person of the contacts (linked at once in a stored meeting)."""
        item = self.visitors.currentItem()
        if item is None:
            return
        visitor = item.data(VISITOR_ROLE)
        outcome = self.context.runner.run(lambda: ms.visitor_to_contact(self.db, visitor), area="contacts")
        if outcome.ok:
            item.setData(VISITOR_ROLE, outcome.value)
            self.context.show_status(self.tr("%1 was added to the contacts.").replace("%1", visitor.name))
            self.refresh_history()

    def visitor_list(self) -> list[ms.Visitor]:
        return [self.visitors.item(i).data(VISITOR_ROLE) for i in range(self.visitors.count())]

    def refresh_history(self) -> None:
        """The earlier meetings and open follow-ups of the visitors chosen so far."""
        visitors = tuple(self.visitor_list())
        if self.original is not None:
            shown = SimpleNamespace(id=self.original.id, date=self.original.date, start=self.original.start, visitors=visitors)
        else:
            shown = SimpleNamespace(id=None, date=(self.date.date() or self.context.today()) + dt.timedelta(days=1),
                                    start="00:00", visitors=visitors)
        self.history.setHtml(history_html(self.db, shown))

    # --- saving -----------------------------------------------------------------------------

    def values(self) -> dict:
        return {
            "date": self.date.date() if self.date.is_valid() else self.date.text(),
            "start": self.start.text(),
            "duration": self.duration.value(),
            "host": self.host.currentData(),
            "room": self.room.currentData() or "",
            "visitors": self.visitor_list(),
            "subject": self.subject.text(),
            "type": self.type.currentData(),
            "priority": self.priority.currentData(),
            "notes": self.notes.toPlainText(),
            "public_day": self.public_day.isChecked(),
        }

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.refusal):
            label.clear()
            label.hide()
        for button in (*self.slot_buttons, self.override_button, self.closed_button):
            button.hide()

    def show_refusal(self, exc: ValidationError) -> None:
        """A conflict or closed time under the form with its way out; any other refusal beside its field."""
        if isinstance(exc, (rules.MeetingConflict, rules.ClosedTime)):
            self.refusal.setText(str(exc))
            self.refusal.show()
            for button, slot in zip(self.slot_buttons, exc.slots):
                button.setText(self.tr("Use %1").replace(
                    "%1", f"{jalali.format_jalali(slot[0])} {to_persian_digits(rules.format_time(slot[1]))}"))
                button.setProperty("slot", (slot[0], rules.format_time(slot[1])))
                button.show()
            if isinstance(exc, rules.MeetingConflict):
                self.override_button.show()
            else:
                self.closed_button.show()
            return
        field = exc.field or ""
        if field == "date":
            self.date.show_error(str(exc))
        elif field in self.errors:
            self.errors[field].setText(str(exc))
            self.errors[field].show()
        elif field in ("phone", "national_code"):
            self.errors["visitors"].setText(str(exc))
            self.errors["visitors"].show()
        else:
            messages.show_error(self, str(exc), title=self.tr("Please check the value"))
        editor = self.editors.get(field)
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def use_slot(self, slot) -> None:
        if not slot:
            return
        day, start = slot
        self.date.set_date(day)
        self.start.setText(to_persian_digits(start))
        self.save()

    def save_despite_conflict(self) -> None:
        self._allow_conflict = True
        self.save()

    def save_on_closed_day(self) -> None:
        self._allow_closed = True
        self.save()

    def series_saved(self, result) -> None:
        """A recurring meeting was booked: say how many, and which days were skipped as holidays."""
        self.saved = ms.get_meeting(self.db, result.meetings[0]) if result.meetings else None
        text = self.tr("%1 meetings were booked.").replace("%1", to_persian_digits(len(result.meetings)))
        if result.skipped:
            days = "\n".join(f"{jalali.format_jalali(day)}: {why}" for day, why in result.skipped)
            text += "\n" + self.tr("These days were skipped:") + "\n" + days
        self.series_message = text
        self.context.show_status(text.split("\n")[0])
        if result.skipped:
            messages.show_message(self, text, title=self.tr("Recurring meeting"))
        self.accept()

    def save(self) -> None:
        """Check and save; the dialog closes only when the meeting was saved."""
        if not self.save_button.isEnabled():
            return
        self.clear_errors()
        values = self.values()
        allow_conflict, allow_closed = self._allow_conflict, self._allow_closed
        self._allow_conflict = self._allow_closed = False
        repeat = self.repeat.currentData() if self.original is None else None
        if repeat:
            until = self.until.date() if self.until.is_valid() else self.until.text()
            outcome = self.context.runner.run(
                lambda: ms.add_series(self.db, values, repeat, until, allow_conflict=allow_conflict),
                area="meetings", on_invalid=self.show_refusal,
            )
            if outcome.ok:
                self.series_saved(outcome.value)
            return
        if self.original is None:
            call = lambda: ms.add_meeting(self.db, values, allow_conflict=allow_conflict, allow_closed_day=allow_closed)  # noqa: E731
        else:
            meeting_id = self.original.id
            call = lambda: ms.reschedule(self.db, meeting_id, values, allow_conflict=allow_conflict,  # noqa: E731
                                         allow_closed_day=allow_closed)
        outcome = self.context.runner.run(call, area="meetings", on_invalid=self.show_refusal)
        if outcome.ok:
            self.saved = outcome.value
            m = self.saved
            self.context.show_status(self.tr("Meeting saved: %1 at %2").replace("%1", jalali.format_jalali(m.date))
                                     .replace("%2", to_persian_digits(m.start)))
            self.accept()
