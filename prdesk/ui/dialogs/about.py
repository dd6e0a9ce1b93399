"""The About box: version, the database file, the data folder and the log file, and the licenses of the bundled parts."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from prdesk import __version__
from prdesk.core.text import to_persian_digits
from prdesk.paths import resource, user_log_dir

#: (part, license) of what ships with prdesk; the full texts are in the installation's licenses folder.
BUNDLED = (
    ("Python", "Python Software Foundation License"),
    ("Qt 6, PySide6, Shiboken6", "GNU LGPL v3"),
    ("Vazirmatn", "SIL Open Font License 1.1"),
    ("ReportLab", "BSD"),
    ("python-bidi", "GNU LGPL v3"),
    ("arabic-reshaper", "MIT"),
    ("jdatetime", "Python Software Foundation License"),
    ("hijridate", "MIT"),
    ("sqlite-utils", "Apache 2.0"),
    ("SQLite", "Public domain"),
    ("click", "BSD-3-Clause"),
    ("openpyxl", "MIT"),
    ("cryptography", "Apache 2.0 / BSD"),
    ("Pillow", "MIT-CMU"),
    ("platformdirs", "MIT"),
    ("icalendar", "BSD-2-Clause"),
    ("vobject", "Apache 2.0"),
)


def log_file() -> Path:
    """The log file the window writes (prdesk.ui.crash names it)."""
    from prdesk.ui.crash import LOG_NAME

    return user_log_dir() / LOG_NAME


def licenses_folder() -> Path | None:
    """The folder with the licenses' full texts: beside prdesk.exe when installed on Windows."""
    installed = Path(sys.executable).resolve().parent / "licenses"
    return installed if installed.is_dir() else None


class AboutDialog(QDialog):
    """Version with Persian digits; paths whole, left to right and selectable, each with «open folder»."""

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About PRDesk"))
        self.opened: list[Path] = []  # what «open folder» asked the system to show (read by tests)
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

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        db_path = Path(db_path)
        self.path = self._path_row(grid, 0, self.tr("Database file:"), db_path, db_path.parent)
        self.data_folder = db_path.parent
        self.log = self._path_row(grid, 1, self.tr("Log file:"), log_file(), log_file().parent)
        layout.addLayout(grid)

        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Bundled parts and their licenses:")))
        self.licenses = QTextBrowser()
        self.licenses.setObjectName("licenses")
        self.licenses.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        rows = "".join(f"<tr><td>{part}</td><td>{license}</td></tr>" for part, license in BUNDLED)
        self.licenses.setHtml(f"<table cellpadding='2'>{rows}</table>")
        self.licenses.setMinimumHeight(150)
        layout.addWidget(self.licenses, 1)
        folder = licenses_folder()
        if folder is not None:
            texts = QPushButton(self.tr("Full license texts…"))
            texts.setObjectName("openLicenses")
            texts.clicked.connect(lambda: self.open_folder(folder))
            layout.addWidget(texts, 0, Qt.AlignmentFlag.AlignLeading)
        else:
            layout.addWidget(QLabel(self.tr("The full texts are in the licenses folder of the installation; "
                                             "the font's is in {file}.").format(file=resource("fonts", "OFL.txt").name)))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def _path_row(self, grid: QGridLayout, row: int, caption: str, path: Path, folder: Path) -> QLabel:
        grid.addWidget(QLabel(caption), row, 0)
        # A path is not a sentence: one left-to-right line the user can select and copy.
        label = QLabel(str(path))
        label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(label, row, 1)
        button = QPushButton(QCoreApplication.translate("AboutDialog", "Open folder"))
        button.setObjectName(f"openFolder{row}")
        button.clicked.connect(lambda: self.open_folder(folder))
        grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        return label

    def open_folder(self, folder: Path) -> bool:
        """Show ``folder`` in the system's file manager (Explorer on Windows)."""
        self.opened.append(folder)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
