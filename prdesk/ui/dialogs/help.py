"""The Persian user guide: one page per area (resources/help/), shown beside a list of the pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QVBoxLayout, QWidget

from prdesk.paths import resource

#: The guide's pages in reading order: (file name without .html, title as the list shows it).
PAGES = (
    ("index", "Contents"),
    ("contacts", "Contacts"),
    ("calendar", "Calendar and ceremonies"),
    ("meetings", "Meetings"),
    ("messages", "Messages"),
    ("letters", "Letters and printing"),
    ("backups", "Backup and settings"),
    ("shortcuts", "Keyboard shortcuts"),
)
#: The guide's page for each area of the window (MainWindow's page keys); others open the contents.
AREA_PAGES = {"dashboard": "index", "settings": "backups"}


def page_for_area(area: str) -> str:
    """The guide's page that explains the window's area ``area``."""
    known = {name for name, _title in PAGES}
    name = AREA_PAGES.get(area, area)
    return name if name in known else "index"


def _title(source: str) -> str:
    titles = {
        "Contents": QCoreApplication.translate("HelpDialog", "Contents"),
        "Contacts": QCoreApplication.translate("HelpDialog", "Contacts"),
        "Calendar and ceremonies": QCoreApplication.translate("HelpDialog", "Calendar and ceremonies"),
        "Meetings": QCoreApplication.translate("HelpDialog", "Meetings"),
        "Messages": QCoreApplication.translate("HelpDialog", "Messages"),
        "Letters and printing": QCoreApplication.translate("HelpDialog", "Letters and printing"),
        "Backup and settings": QCoreApplication.translate("HelpDialog", "Backup and settings"),
        "Keyboard shortcuts": QCoreApplication.translate("HelpDialog", "Keyboard shortcuts"),
    }
    return titles[source]


class HelpDialog(QDialog):
    """The guide: the list of pages on the leading side, the page on the other; links move between pages."""

    def __init__(self, page: str = "index", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("PRDesk help"))
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the guide is Persian in either language
        self.pages = QListWidget()
        self.pages.setObjectName("helpPages")
        for name, title in PAGES:
            item = QListWidgetItem(_title(title))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.pages.addItem(item)
        self.pages.setFixedWidth(max(self.pages.sizeHintForColumn(0), 150) + 24)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(resource("help"))])
        self.browser.sourceChanged.connect(self._follow)
        row = QHBoxLayout()
        row.addWidget(self.pages)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pages.currentRowChanged.connect(lambda row: self.show_page(PAGES[row][0]) if row >= 0 else None)
        self.resize(900, 640)
        self.show_page(page)

    def show_page(self, name: str) -> None:
        """Show the guide's page ``name`` (e.g. "contacts")."""
        url = QUrl.fromLocalFile(str(resource("help", f"{name}.html")))
        if self.browser.source() != url:
            self.browser.setSource(url)
        self._follow(url)

    def current_page(self) -> str:
        return self.browser.source().fileName().removesuffix(".html")

    def _follow(self, url: QUrl) -> None:
        name = url.fileName().removesuffix(".html")
        for row, (page, _title) in enumerate(PAGES):
            if page == name and self.pages.currentRow() != row:
                self.pages.blockSignals(True)
                self.pages.setCurrentRow(row)
                self.pages.blockSignals(False)
