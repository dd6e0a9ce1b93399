"""What the event and occasion dialogs share: rows with an error line, Save/Delete, Ctrl+S, saving and deleting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from prdesk.errors import ValidationError
from prdesk.ui.dialogs import messages
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.form_row import add_field_row
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit


class CalendarDialog(QDialog):
    """An add/edit form for one record of the calendar; Ctrl+S saves, Esc closes, nothing saved on an error.

    Subclasses build the form with :meth:`start_form`, :meth:`add_row` and :meth:`add_buttons`, and
    give ``values``, ``write``, ``remove`` and the messages. After a save ``saved`` holds the record
    as stored; after a delete ``deleted`` is True.
    """

    def __init__(self, context: PageContext, original: object | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.original = original
        self.saved: object | None = None
        self.deleted = False
        self.errors: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {}
        self.delete_button: QPushButton | None = None

    # --- building ---------------------------------------------------------------------------

    def start_form(self) -> QVBoxLayout:
        """The dialog's layout, with the form (``self.form``) at its top."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        outer.setSpacing(10)
        self.form = form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        outer.addLayout(form)
        return outer

    def add_row(self, key: str, label: str, editor: QWidget, *, error: bool = True) -> QWidget:
        """A form row: the editor and, under it, an error line hidden until the store refuses the value."""
        self.editors[key] = editor
        row = add_field_row(self.form, key, label, editor, error=error)
        if row.error is not None:
            self.errors[key] = row.error
        return row.holder

    def add_buttons(self, outer: QVBoxLayout, save_tip: str, delete_text: str) -> None:
        """Save, Cancel and (when editing) Delete at the bottom; Ctrl+S saves from anywhere in the dialog."""
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(save_tip)
        self.save_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        # Save and Cancel stay where they are in the new form; Delete sits apart at the other end,
        # so a clerk used to the new form never clicks Delete where Save was.
        row = QHBoxLayout()
        if self.original is not None:
            self.delete_button = QPushButton(delete_text)
            self.delete_button.setAutoDefault(False)
            self.delete_button.clicked.connect(self.delete)
            row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(buttons)
        # Not the box's accepted signal: it would close the dialog even when the store refused.
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        outer.addLayout(row)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    # --- what the subclass gives ------------------------------------------------------------

    def values(self) -> dict:
        """What the form holds, as the store takes it."""
        raise NotImplementedError

    def write(self, record_id: int | None, values: dict) -> object:
        """Add the record (``record_id`` None) or update it; return it as stored."""
        raise NotImplementedError

    def remove(self, record_id: int) -> None:
        """Delete the record from the store."""
        raise NotImplementedError

    def saved_message(self, saved: object) -> str:
        """The status-bar line after a save."""
        raise NotImplementedError

    def delete_question(self, original: object) -> str:
        """What to ask before deleting."""
        raise NotImplementedError

    def deleted_message(self) -> str:
        """The status-bar line after a delete."""
        raise NotImplementedError

    # --- saving -----------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_field_error(self, exc: ValidationError) -> None:
        """Show the store's refusal next to its field and put the cursor there."""
        field = exc.field or ""
        editor = self.editors.get(field)
        if isinstance(editor, JalaliDateEdit):
            # The date edit has its own message line.
            editor.show_error(str(exc))
        elif field in self.errors:
            self.errors[field].setText(str(exc))
            self.errors[field].show()
        else:
            messages.show_error(self, str(exc), title=self.tr("Please check the value"))
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        """Check and save; the dialog closes only when the record was saved."""
        self.clear_errors()
        values = self.values()
        record_id = None if self.original is None else self.original.id
        outcome = self.context.runner.run(
            lambda: self.write(record_id, values), area="calendar", on_invalid=self.show_field_error
        )
        if outcome.ok:
            self.saved = outcome.value
            self.context.show_status(self.saved_message(self.saved))
            self.accept()

    def delete(self) -> None:
        """Delete the record being edited, after asking."""
        if self.original is None:
            return
        if not messages.confirm(self, self.delete_question(self.original)):
            return
        record_id = self.original.id
        outcome = self.context.runner.run(lambda: self.remove(record_id), area="calendar")
        if outcome.ok:
            self.deleted = True
            self.context.show_status(self.deleted_message())
            self.accept()
