"""The likely-duplicates warning shown before a new contact is saved: open the existing one, save anyway, or go back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from prdesk.core.text import to_persian_digits

OPEN = "open"
SAVE = "save"
CANCEL = "cancel"


class DuplicatesDialog(QDialog):
    """Lists the records that look like the one being saved, with why each looks the same."""

    def __init__(self, duplicates: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.duplicates = duplicates
        self.decision = CANCEL
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Possible duplicate"))
        layout = QVBoxLayout(self)
        if duplicates and duplicates[0].get("table") == "organizations":
            text = self.tr("An organization that looks the same is already in the contacts:")
        else:
            text = self.tr("A person who looks the same is already in the contacts:")
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("duplicates")
        for duplicate in duplicates:
            line = duplicate["name"]
            if duplicate.get("city"):
                line += " — " + duplicate["city"]
            line += "\n" + "، ".join(to_persian_digits(reason) for reason in duplicate.get("reasons", []))
            item = QListWidgetItem(line, self.list)
            item.setData(Qt.ItemDataRole.UserRole, duplicate["id"])
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_existing())
        layout.addWidget(self.list)
        question = QLabel(
            self.tr("Open the existing record to correct it, or save this one as a new record anyway.")
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open the existing record"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_existing)
        self.save_button = QPushButton(self.tr("Save as new anyway"))
        self.save_button.clicked.connect(self.save_anyway)
        self.cancel_button = QPushButton(self.tr("Back to the form"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.resize(520, 300)

    def open_existing(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.decision = OPEN
        self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
        self.accept()

    def save_anyway(self) -> None:
        self.decision = SAVE
        self.accept()


def ask(parent: QWidget | None, duplicates: list[dict]) -> tuple[str, int | None]:
    """Ask what to do about ``duplicates``: (OPEN, id), (SAVE, None) or (CANCEL, None).

    Tests replace this function; callers use ``duplicates_dialog.ask(...)``.
    """
    dialog = DuplicatesDialog(duplicates, parent)
    dialog.exec()
    return dialog.decision, dialog.chosen
