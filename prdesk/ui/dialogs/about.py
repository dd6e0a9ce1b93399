"""The About box: what PRDesk is, its version and the database file this window has open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from prdesk import __version__
from prdesk.core.text import to_persian_digits


class AboutDialog(QDialog):
    """Version with Persian digits; the database path whole, left to right and selectable."""

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About PRDesk"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)

        name = QLabel(self.tr("PRDesk"))
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.Bold)
        name.setFont(font)
        layout.addWidget(name)
        layout.addWidget(QLabel(self.tr("The public-relations desk of the office.")))
        self.version = QLabel(self.tr("Version {version}").format(version=to_persian_digits(__version__)))
        layout.addWidget(self.version)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Database file:")))
        # A path is not a sentence: one left-to-right line the user can select and copy.
        self.path = QLabel(str(db_path))
        self.path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.path)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(buttons)
