"""What the organization and person dialogs share: rows with an error line, Ctrl+S, the duplicate check."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from prdesk.errors import ValidationError
from prdesk.store.contacts import Change, find_duplicates
from prdesk.ui.dialogs import duplicates_dialog
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.form_row import add_field_row, error_line


class ContactDialog(QDialog):
    """An add/edit form for one contact; nothing is written until every field is right.

    Subclasses build the form with :meth:`add_row`, and give ``values``, ``check`` and ``write``.
    After a save ``saved_id`` holds the record's id; after the clerk chose to open a likely
    duplicate instead, ``open_instead`` holds that record's id (and nothing was saved).
    """

    table = ""

    def __init__(self, context: PageContext, record_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.record_id = record_id
        self.saved_id: int | None = None
        self.open_instead: int | None = None
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._captions: list[QLabel] = []
        self._show_error: dict[str, Callable[[str], None]] = {}

        self.layout_ = QVBoxLayout(self)
        self.layout_.setSpacing(10)
        self.general_error = error_line()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)

    # --- building ------------------------------------------------------------------------

    def new_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        return form

    def add_column(self, columns: QHBoxLayout, form: QFormLayout) -> None:
        """A form as one column of the dialog, its rows packed at the top."""
        column = QVBoxLayout()
        column.addLayout(form)
        column.addStretch(1)
        columns.addLayout(column, 1)

    def finish(self) -> None:
        """Put the general error line and the buttons at the bottom; line the captions up."""
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)
        if self._captions:
            width = max(caption.sizeHint().width() for caption in self._captions)
            for caption in self._captions:
                caption.setMinimumWidth(width)

    def add_row(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        editor: QWidget,
        *extra: QWidget,
        hint: str = "",
        show_error: Callable[[str], None] | None = None,
    ) -> QWidget:
        """One row: the editor (with any buttons beside it), a hint and an error line hidden until needed."""
        # Captions as tall as one line edit: beside the first line of a taller editor.
        row = add_field_row(form, key, label, editor, *extra, hint=hint, caption_height=QLineEdit().sizeHint().height())
        self._captions.append(row.caption)
        self.editors[key] = editor
        self.errors[key] = row.error
        if show_error is not None:
            self._show_error[key] = show_error
        return row.holder

    def line(self, *, ltr: bool = False, placeholder: str = "") -> QLineEdit:
        """A line edit; ``ltr`` for numbers, e-mail and web addresses inside the Persian form."""
        edit = QLineEdit()
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if ltr:
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            # Absolute right, so value and (Persian) placeholder sit next to the label in the right-to-left form.
            edit.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return edit

    def combo(self, items: list[str], *, editable: bool = True) -> QComboBox:
        """A combo of ``items`` (the first an empty choice); editable ones accept a value not listed."""
        combo = QComboBox()
        combo.setEditable(editable)
        combo.addItem("")
        combo.addItems(items)
        if editable:
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(15)
        return combo

    # --- errors --------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()
        self.general_error.hide()

    def show_field_error(self, exc: ValidationError) -> None:
        """Show a refused value's message next to its field and put the cursor there."""
        key = exc.field or ""
        if key in self._show_error:
            # The editor has its own message line (the Jalali date edit).
            self._show_error[key](str(exc))
            self.editors[key].setFocus(Qt.FocusReason.OtherFocusReason)
        elif key in self.errors:
            self.errors[key].setText(str(exc))
            self.errors[key].show()
            self.editors[key].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.general_error.setText(str(exc))
            self.general_error.show()

    # --- saving --------------------------------------------------------------------------

    def values(self) -> dict:
        """What the form holds now, as the store's fields."""
        raise NotImplementedError

    def check(self, data: dict) -> None:
        """Raise ValidationError for the first wrong field of ``data`` (nothing is written)."""
        raise NotImplementedError

    def write(self, data: dict) -> Change | None:
        """Save ``data`` in one transaction; None when nothing changed."""
        raise NotImplementedError

    def save(self) -> bool:
        """Check, warn about likely duplicates of a new record, save; True when the dialog closed saved."""
        self.clear_errors()
        data = self.values()
        try:
            self.check(data)
        except ValidationError as exc:
            self.show_field_error(exc)
            return False
        if self.record_id is None:
            duplicates = find_duplicates(self.db, data, table=self.table)
            if duplicates:
                decision, chosen = duplicates_dialog.ask(self, duplicates)
                if decision == duplicates_dialog.OPEN and chosen is not None:
                    self.open_instead = chosen
                    self.reject()
                    return False
                if decision != duplicates_dialog.SAVE:
                    return False
        outcome = self.context.runner.run(lambda: self.write(data), area="contacts", on_invalid=self.show_field_error)
        if not outcome.ok:
            return False
        self.saved_id = outcome.value.id if outcome.value is not None else self.record_id
        self.accept()
        return True
