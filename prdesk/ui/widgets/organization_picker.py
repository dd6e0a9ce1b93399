"""Choosing an organization by typing part of its name, city or phone: the store answers, never a full list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget
from sqlite_utils import Database

from prdesk.core.text import compact_key
from prdesk.ui.models.contacts import OrganizationChoices


class OrganizationPicker(QLineEdit):
    """A line edit with a popup of the organizations matching what was typed.

    The choices are asked from the store when the typing pauses (20 at most), so it works the
    same with ten organizations or ten thousand. ``organization_id`` is the chosen one, None
    while the text names none.
    """

    organization_changed = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, *, delay_ms: int = 150):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.choices = OrganizationChoices(db, self)
        self.completer_ = QCompleter(self.choices, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCompletionRole(Qt.ItemDataRole.EditRole)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._chosen)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.show_choices)
        self.textEdited.connect(self._edited)
        self._id: int | None = None
        self._name = ""

    @property
    def organization_id(self) -> int | None:
        return self._id

    def set_organization(self, org_id: int | None, name: str = "") -> None:
        """Show ``org_id`` (named ``name``) as chosen; None clears the choice."""
        self._id = org_id or None
        self._name = name if self._id else ""
        self.setText(self._name)
        self.organization_changed.emit(self._id)

    def _edited(self, text: str) -> None:
        if self._id is not None and text != self._name:
            self._id = None
            self._name = ""
            self.organization_changed.emit(None)
        if text.strip():
            self.timer.start()
        else:
            self.timer.stop()
            self.completer_.popup().hide()

    def show_choices(self) -> None:
        """Ask the store for the matches of the text now and open the popup."""
        self.timer.stop()
        if not self.isVisible():
            return  # the form was closed while the typing paused
        self.choices.search(self.text())
        if self.choices.rowCount() and self.hasFocus():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _chosen(self, index: QModelIndex) -> None:
        org_id = index.data(Qt.ItemDataRole.UserRole)
        name = index.data(Qt.ItemDataRole.EditRole)
        if org_id is not None:
            self.set_organization(int(org_id), name)

    def choose_row(self, row: int) -> None:
        """Take choice ``row`` of the popup, as a click on it does."""
        choice = self.choices.choice(row)
        if choice is not None:
            self.set_organization(choice[0], choice[1])
            self.completer_.popup().hide()

    def resolve(self) -> bool:
        """Make sure the text names an organization: a chosen one, or the one whose name it is exactly.

        Returns False when text is there but names no single organization.
        """
        text = self.text().strip()
        if not text:
            if self._id is not None:
                self.set_organization(None)
            return True
        if self._id is not None:
            return True
        self.choices.search(text)
        exact = [
            self.choices.choice(row)
            for row in range(self.choices.rowCount())
            if compact_key(self.choices.choice(row)[1]) == compact_key(text)
        ]
        if len(exact) == 1:
            self.set_organization(exact[0][0], exact[0][1])
            return True
        return False
