"""What a clerk does to a booked meeting: arrived, held (outcome and follow-up), no-show, cancel, postpone; follow-up state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store import meetings as ms
from prdesk.ui.dialogs import messages
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.form_row import add_field_row, error_line
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit


class _ActionDialog(QDialog):
    """A small form with Save/Cancel whose refusals appear under it; closes only after the store accepted."""

    def __init__(self, context: PageContext, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.result_value = None
        self.setWindowTitle(title)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.outer.addLayout(self.form)
        self.message = error_line()
        self.message.setObjectName("actionError")
        self.outer.addWidget(self.message)
        self.extra = QVBoxLayout()
        self.outer.addLayout(self.extra)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.outer.addWidget(buttons)
        self.setMinimumWidth(480)

    def row(self, key: str, label: str, editor: QWidget) -> QWidget:
        editor.setObjectName(key)
        add_field_row(self.form, key, label, editor, error=False)
        return editor

    def call(self):
        raise NotImplementedError

    def show_refusal(self, exc: ValidationError) -> None:
        self.message.setText(str(exc))
        self.message.show()

    def save(self) -> None:
        self.message.hide()
        outcome = self.context.runner.run(self.call, area="meetings", on_invalid=self.show_refusal)
        if outcome.ok:
            self.result_value = outcome.value
            self.accept()


class HeldDialog(_ActionDialog):
    """The meeting was held: what came of it and, optionally, the follow-up it needs (due in 30 working days)."""

    def __init__(self, context: PageContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(context, "", parent)
        self.setWindowTitle(self.tr("Meeting held"))
        self.meeting_id = meeting_id
        self.outcome = self.row("outcome", self.tr("Outcome"), QPlainTextEdit())
        self.outcome.setMaximumHeight(90)
        self.needs_followup = self.row("needs_followup", "", QCheckBox(self.tr("Needs a follow-up")))
        self.action = self.row("action", self.tr("Action to follow up"), QLineEdit())
        self.referred_to = self.row("referred_to", self.tr("Referred to"), QLineEdit())
        self.due = self.row("due", self.tr("Due date"), JalaliDateEdit())
        self.due.set_date(ms.default_due(context.db, context.today()))
        self.needs_followup.toggled.connect(self._toggle)
        self._toggle(False)

    def _toggle(self, on: bool) -> None:
        for editor in (self.action, self.referred_to, self.due):
            editor.setEnabled(on)

    def call(self):
        followup = None
        if self.needs_followup.isChecked():
            followup = {"action": self.action.text(), "referred_to": self.referred_to.text(),
                        "due": self.due.date() if self.due.is_valid() else self.due.text()}
            if not followup["action"].strip():
                raise ValidationError(self.tr("Write the action to follow up, or untick «Needs a follow-up»."), "action")
        return ms.hold_meeting(self.context.db, self.meeting_id, self.outcome.toPlainText(), followup=followup,
                               today=self.context.today())


class CancelDialog(_ActionDialog):
    """The meeting is cancelled, with the reason."""

    def __init__(self, context: PageContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(context, "", parent)
        self.setWindowTitle(self.tr("Cancel meeting"))
        self.meeting_id = meeting_id
        self.reason = self.row("reason", self.tr("Reason"), QLineEdit())

    def call(self):
        return ms.set_status(self.context.db, self.meeting_id, "cancelled", reason=self.reason.text())


class PostponeDialog(_ActionDialog):
    """The meeting moves to a new day and time: a new meeting, linked both ways; conflicts refused unless overridden."""

    def __init__(self, context: PageContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(context, "", parent)
        self.setWindowTitle(self.tr("Postpone meeting"))
        self.meeting_id = meeting_id
        meeting = ms.get_meeting(context.db, meeting_id)
        self.date = self.row("date", self.tr("New date"), JalaliDateEdit())
        self.date.set_date(meeting.date + dt.timedelta(days=7))
        self.start = self.row("start", self.tr("New time"), QLineEdit(to_persian_digits(meeting.start)))
        self.start.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.allow_conflict = False
        self.allow_closed = False
        self.override_button = QPushButton(self.tr("Save despite the conflict"))
        self.override_button.setObjectName("overrideConflict")
        self.override_button.clicked.connect(lambda: self._override("conflict"))
        self.closed_button = QPushButton(self.tr("Save on a closed day or time"))
        self.closed_button.setObjectName("overrideClosed")
        self.closed_button.clicked.connect(lambda: self._override("closed"))
        for button in (self.override_button, self.closed_button):
            button.hide()
            self.extra.addWidget(button)

    def _override(self, which: str) -> None:
        if which == "conflict":
            self.allow_conflict = True
        else:
            self.allow_closed = True
        self.save()

    def show_refusal(self, exc: ValidationError) -> None:
        super().show_refusal(exc)
        self.override_button.setVisible(isinstance(exc, rules.MeetingConflict))
        self.closed_button.setVisible(isinstance(exc, rules.ClosedTime))

    def call(self):
        allow_conflict, allow_closed = self.allow_conflict, self.allow_closed
        self.allow_conflict = self.allow_closed = False
        return ms.postpone(self.context.db, self.meeting_id, self.date.date() if self.date.is_valid() else self.date.text(),
                           self.start.text(), allow_conflict=allow_conflict, allow_closed_day=allow_closed)


class FollowUpDialog(_ActionDialog):
    """Change a follow-up's state, with the closing note when it is closed."""

    def __init__(self, context: PageContext, followup: ms.FollowUp, parent: QWidget | None = None):
        super().__init__(context, "", parent)
        from prdesk.ui.dialogs.meeting_dialog import followup_state_names

        self.setWindowTitle(self.tr("Follow-up"))
        self.followup = followup
        label = QLabel(followup.action)
        label.setWordWrap(True)
        self.form.addRow(self.tr("Action"), label)
        self.state = self.row("state", self.tr("State"), QComboBox())
        for key, name in followup_state_names().items():
            self.state.addItem(name, key)
        self.state.setCurrentIndex(max(0, self.state.findData(followup.state)))
        self.referred_to = self.row("referred_to", self.tr("Referred to"), QLineEdit(followup.referred_to))
        self.due = self.row("due", self.tr("Due date"), JalaliDateEdit())
        self.due.set_date(followup.due_date)
        self.note = self.row("closing_note", self.tr("Closing note"), QLineEdit(followup.closing_note))

    def call(self):
        return ms.update_followup(self.context.db, self.followup.id, state=self.state.currentData(),
                                  closing_note=self.note.text(), referred_to=self.referred_to.text(),
                                  due=self.due.date() if self.due.is_valid() else self.due.text())


def _run(parent, context: PageContext, call, done: str) -> bool:
    outcome = context.runner.run(call, area="meetings")
    if outcome.ok:
        context.show_status(done)
    return outcome.ok


def mark_arrived(parent, context: PageContext, meeting_id: int) -> bool:
    return _run(parent, context, lambda: ms.set_status(context.db, meeting_id, "arrived"),
                QCoreApplication.translate("MeetingActions", "The visitor is here."))


def mark_done(parent, context: PageContext, meeting_id: int) -> bool:
    """One click on the public day: heard (held) without a written outcome."""
    return _run(parent, context, lambda: ms.set_status(context.db, meeting_id, "held"), QCoreApplication.translate("MeetingActions", "Marked held."))


def mark_no_show(parent, context: PageContext, meeting_id: int) -> bool:
    return _run(parent, context, lambda: ms.set_status(context.db, meeting_id, "no-show"), QCoreApplication.translate("MeetingActions", "Marked as no-show."))


def _exec(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def mark_held(parent, context: PageContext, meeting_id: int) -> bool:
    return _exec(HeldDialog(context, meeting_id, parent))


def cancel_meeting(parent, context: PageContext, meeting_id: int) -> bool:
    return _exec(CancelDialog(context, meeting_id, parent))


def postpone_meeting(parent, context: PageContext, meeting_id: int) -> bool:
    dialog = PostponeDialog(context, meeting_id, parent)
    if _exec(dialog):
        m = dialog.result_value
        context.show_status(QCoreApplication.translate("MeetingActions", "Postponed to %1 at %2").replace("%1", jalali.format_jalali(m.date))
                            .replace("%2", to_persian_digits(m.start)))
        return True
    return False


def edit_followup(parent, context: PageContext, followup: ms.FollowUp) -> bool:
    return _exec(FollowUpDialog(context, followup, parent))


def confirm_end_of_day(parent, text: str) -> bool:
    return messages.confirm(parent, text)
