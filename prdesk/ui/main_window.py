"""The main window: navigation on the leading side, one page per area, menus and status bar."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from prdesk.core.calendars import day_info, import_deferred
from prdesk.store.db import as_database
from prdesk.store.settings import get_setting
from prdesk.core.text import left_to_right
from prdesk.ui.bus import Bus
from prdesk.ui.data_guard import DataSafety
from prdesk.ui.data_safety import GuardedRunner, checking_refusal
from prdesk.ui.pages.base import Page, PageContext

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from sqlite_utils import Database
    from prdesk.ui.pages.backup import BackupPanel


class PageEntry(NamedTuple):
    """One area in the navigation: its key, its title, and the module and class of its page.

    The navigation lists every area from these alone; a page's module is imported and the page
    built when it is first shown, so start-up reads only what the dashboard needs.
    """

    key: str
    module: str
    class_name: str
    #: The English title the page's own ``title()`` translates, in the page class's context.
    title_source: str

    def title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.title_source)

    def page_class(self) -> type[Page]:
        return getattr(importlib.import_module(f"prdesk.ui.pages.{self.module}"), self.class_name)


#: The pages in navigation order; Ctrl+1 … Ctrl+8 follow this order.
PAGES: tuple[PageEntry, ...] = (
    PageEntry("dashboard", "dashboard", "DashboardPage", "Dashboard"),
    PageEntry("contacts", "contacts", "ContactsPage", "Contacts"),
    PageEntry("calendar", "calendar", "CalendarPage", "Calendar and ceremonies"),
    PageEntry("meetings", "meetings", "MeetingsPage", "Meetings"),
    PageEntry("messages", "messages", "MessagesPage", "Messages"),
    PageEntry("letters", "letters", "LettersPage", "Letters and printing"),
    PageEntry("reports", "reports", "ReportsPage", "Reports"),
    PageEntry("settings", "settings", "SettingsPage", "Backup and settings"),
)


class LazyPages(Mapping[str, Page]):
    """The window's pages by key, in navigation order; a page is built the first time it is asked for.

    Until then the stack holds an empty stand-in at its place. A page that does not exist yet
    misses no change on the bus: it reads the data fresh when it is built.
    """

    def __init__(self, entries: tuple[PageEntry, ...], stack: QStackedWidget,
                 build: Callable[[PageEntry], Page], built: Callable[[Page], None]):
        self.entries = entries
        self._stack = stack
        self._build = build
        self._after_build = built
        self._rows = {entry.key: row for row, entry in enumerate(entries)}
        self._pages: dict[str, Page] = {}
        for _entry in entries:
            stack.addWidget(QWidget())

    def __getitem__(self, key: str) -> Page:
        page = self._pages.get(key)
        if page is None:
            row = self._rows[key]
            page = self._build(self.entries[row])
            stand_in = self._stack.widget(row)
            self._stack.insertWidget(row, page)
            self._stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._pages[key] = page
            self._after_build(page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def row(self, key: str) -> int:
        """The place of area ``key`` in the navigation."""
        return self._rows[key]

    def built(self, key: str) -> Page | None:
        """The page of ``key`` if it has been built, without building it."""
        return self._pages.get(key)

    def built_pages(self) -> list[Page]:
        """The pages built so far, in navigation order."""
        return [self._pages[key] for key in self._rows if key in self._pages]


GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
CLOCK_INTERVAL_MS = 60_000
#: A window not painted this long after it was built (shown minimized) gets its menus filled all the same.
UNPAINTED_MENUS_MS = 1000

STYLE_SHEET = """
QListWidget#navigation { border: none; background: #eef1f5; padding-top: 10px; outline: 0; }
QListWidget#navigation::item { padding: 9px 14px; margin: 2px 8px; border-radius: 6px; color: #1f2933; }
QListWidget#navigation::item:hover { background: #dde4ec; }
QListWidget#navigation::item:selected { background: #2f6690; color: white; }
QLabel#pageHeading { color: #1f2933; }
QLabel#pageSentence { color: #3e4c59; }
QLabel#caption, QLabel#hint { color: #616e7c; }
QLabel#fieldError { color: #b3261e; }
QLabel#holiday { color: #c62828; }
QFrame#todayCard { background: white; border: 1px solid #d9e0e8; border-radius: 10px; }
"""


class MainWindow(QMainWindow):
    """The one window of the app on one open database."""

    #: The saved UI language differs from the one this window was built in.
    language_changed = Signal(str)
    #: Once, right after the window's first painting pass: what can wait for it starts then.
    first_painted = Signal()

    def __init__(
        self,
        db: Database,
        db_path: Path,
        bus: Bus,
        *,
        language: str,
        today: Callable[[], dt.date] = dt.date.today,
        automatic_backups: bool = False,
        read_only: str = "",
        menus_after_paint: bool = False,
    ):
        """``menus_after_paint`` (run() sets it): the menu bar's titles are there at the first paint,
        the actions in the menus (with their shortcuts) are added right after it."""
        super().__init__()
        #: Whether the window has been painted once (see first_painted).
        self.painted = False
        self.db = db
        self.db_path = Path(db_path)
        self.bus = bus
        self.language = language
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE_SHEET)
        self.runner = GuardedRunner(bus, self)
        self.runner.refusal = read_only
        self.context = PageContext(db, self.db_path, bus, self.runner, self.show_status, today)
        # Automatic backups are off unless asked for: the app turns them on, tests only to test them.
        self.safety = DataSafety(
            self, db, self.db_path, bus, self.runner, self.show_status, automatic=automatic_backups
        )
        self.safety.restored.connect(self._after_restore)
        self.safety.opened_for_writing.connect(self.refresh_read_only)
        self.safety.failure_changed.connect(self._show_backup_failure)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        font = QFont(self.nav.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.nav.setFont(font)
        self.stack = QStackedWidget()
        self.pages = LazyPages(PAGES, self.stack, lambda entry: entry.page_class()(self.context), self._page_built)
        for entry in PAGES:
            QListWidgetItem(entry.title(), self.nav)
        self.nav.setFixedWidth(max(self.nav.fontMetrics().horizontalAdvance(e.title()) for e in PAGES) + 72)
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)  # first in the row: on the right when right to left
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menu_bar()
        if not menus_after_paint:
            self._fill_menus()
        self._build_status_bar()
        self.refresh_read_only()

        self._today = today()
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_INTERVAL_MS)
        self.clock.timeout.connect(self._check_date)
        self.clock.start()
        bus.changed.connect(self._on_changed)

        self._restore_geometry()
        self.nav.setCurrentRow(0)
        if menus_after_paint:
            # QAction, QKeySequence and their enums, and 17 actions: ~4 ms the first paint does not show.
            self.first_painted.connect(self._fill_menus)
            # A window shown minimized is not painted: its menus are filled all the same.
            QTimer.singleShot(UNPAINTED_MENUS_MS, self, self._fill_menus)
        self.first_painted.connect(self._after_first_paint)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            # Queued: the rest of this painting pass (the pages, the status bar) finishes first.
            QTimer.singleShot(0, self, self.first_painted.emit)

    def _after_first_paint(self) -> None:
        # The window opens on a plain sqlite3 connection so that sqlite-utils (click, pluggy,
        # dateutil) is not imported before its first paint; the pages and the workers they start
        # need it from now on. Imported here, on the window's thread: a first import on a worker
        # thread can deadlock on the import lock. A window closed meanwhile needs none of it.
        import_deferred()  # jdatetime, hijridate: today's dates were painted without them
        if self.isVisible():
            as_database(self.db)

    # --- building --------------------------------------------------------------------------

    def _build_menu_bar(self) -> None:
        """The menu bar's three menus, empty until _fill_menus()."""
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        #: The Go menu's actions, one per page in navigation order (empty until the menus are filled).
        self.page_actions: list[QAction] = []

    def _fill_menus(self) -> None:
        """The menus' actions and their shortcuts; once."""
        if self.page_actions:
            return
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence

        # setShortcuts([…]), not setShortcut(…): choosing among setShortcut's overloads makes PySide
        # build the Qt namespace's 93 enums (~25 ms).
        file_menu = self.file_menu
        self.backup_action = QAction(self.tr("&Back up…"), self)
        self.backup_action.setShortcuts([QKeySequence("Ctrl+B")])
        self.backup_action.triggered.connect(self.make_backup)
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("&Restore a backup…"), self)
        self.restore_action.triggered.connect(self.restore_backup)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.setup_action = QAction(self.tr("Set &up the office…"), self)
        self.setup_action.triggered.connect(self.run_first_run)
        file_menu.addAction(self.setup_action)
        self.health_action = QAction(self.tr("Check the database &health"), self)
        self.health_action.triggered.connect(self.check_health)
        file_menu.addAction(self.health_action)
        file_menu.addSeparator()
        self.exit_action = QAction(self.tr("E&xit"), self)
        self.exit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.exit_action.triggered.connect(self.close)
        file_menu.addAction(self.exit_action)

        go_menu = self.go_menu
        group = QActionGroup(self)
        for index, entry in enumerate(PAGES):
            action = QAction(entry.title(), self)
            action.setCheckable(True)
            action.setShortcuts([QKeySequence(f"Ctrl+{index + 1}")])
            action.triggered.connect(lambda _checked=False, row=index: self.nav.setCurrentRow(row))
            group.addAction(action)
            go_menu.addAction(action)
            self.page_actions.append(action)

        help_menu = self.help_menu
        self.help_action = QAction(self.tr("&Guide for this page"), self)
        self.help_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents)])
        self.help_action.triggered.connect(lambda: self.show_help())
        help_menu.addAction(self.help_action)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.triggered.connect(lambda: self.show_help("shortcuts"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&About PRDesk"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        if self.nav.currentRow() >= 0:
            self.page_actions[self.nav.currentRow()].setChecked(True)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(self.tr("Database: {path}").format(path=left_to_right(self.db_path)))
        self.db_label.setObjectName("databasePath")
        self.db_label.setToolTip(str(self.db_path))
        self.date_label = QLabel()
        self.date_label.setObjectName("statusDate")
        self.db_label.setContentsMargins(0, 0, 16, 0)
        self.date_label.setContentsMargins(16, 0, 8, 0)
        # Stays until the problem is gone: a failed automatic backup or a read-only database.
        self.safety_label = QLabel()
        self.safety_label.setObjectName("fieldError")
        self.safety_label.setContentsMargins(8, 0, 8, 0)
        self.safety_label.hide()
        self.statusBar().addPermanentWidget(self.safety_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.date_label)
        self._show_today()

    # --- behaviour -------------------------------------------------------------------------

    def current_page(self) -> Page:
        """The page shown now."""
        return self.stack.currentWidget()

    def show_page(self, key: str) -> None:
        """Show the page of area ``key`` (e.g. "settings")."""
        self.nav.setCurrentRow(self.pages.row(key))

    @property
    def backup_panel(self) -> BackupPanel:
        """The Backup tab of «Backup and settings» (built with its page on first use)."""
        return self.pages["settings"].backup

    def _page_built(self, page: Page) -> None:
        if page.key == "settings":
            page.backup.attach(self.safety)

    def show_status(self, text: str) -> None:
        """A short message in the status bar (e.g. "Settings saved.")."""
        self.statusBar().showMessage(text, 8000)

    def show_help(self, page: str | None = None) -> None:
        """F1: the guide at the page of the area in view (or at ``page``), beside the window."""
        from prdesk.ui.dialogs.help import HelpDialog, page_for_area

        name = page or page_for_area(self.current_page().key)
        if getattr(self, "help_dialog", None) is None:
            self.help_dialog = HelpDialog(name, self)
        else:
            self.help_dialog.show_page(name)
        self.help_dialog.show()
        self.help_dialog.raise_()

    def show_about(self) -> None:
        """The About box: version and the database file."""
        from prdesk.ui.dialogs.about import AboutDialog

        AboutDialog(self.db_path, self).exec()

    def show_backups(self) -> None:
        """Show the Backup tab of «Backup and settings»."""
        self.show_page("settings")
        self.pages["settings"].show_tab("backup")

    def make_backup(self) -> None:
        """File → Back up…: on the Backup tab, so the new file shows in the list."""
        self.show_backups()
        self.backup_panel.create_backup()

    def restore_backup(self) -> None:
        """File → Restore a backup…"""
        self.show_backups()
        self.backup_panel.restore_chosen_file()

    def run_first_run(self) -> None:
        """File → Set up the office…: the first-run wizard (offered by itself on a new, empty database)."""
        from prdesk.ui.dialogs.first_run import run_wizard

        run_wizard(self)

    def restore_backup_file(self, path: Path) -> bool:
        """Offer to restore the backup file ``path`` (double-clicked in Windows); True when restored."""
        self.show_backups()
        return self.backup_panel.restore_file(path)

    def check_health(self) -> None:
        """File → Check the database health: the full check on a worker, then its report."""
        if self.safety.check_health():
            self.show_backups()

    def _after_restore(self) -> None:
        self.refresh_read_only()
        # Every area a built page shows: the whole database is another one now. A page not built
        # yet reads it fresh when first shown.
        areas = {"settings", "backups", "today"}
        for page in self.pages.built_pages():
            areas.update(page.areas)
        self.bus.announce(*sorted(areas))

    def refresh_read_only(self) -> None:
        """Title and status bar after the database became read only or writable again."""
        title = self.tr("PRDesk") + " — " + self.db_path.name
        # While the start-up check runs, writes wait for it; nothing is known to be wrong yet.
        if self.safety.read_only and self.runner.refusal != checking_refusal():
            title += " " + self.tr("(read only)")
            self.safety_label.setText(self.tr("Read only: the database is damaged"))
            self.safety_label.setToolTip(self.runner.refusal)
            self.safety_label.show()
        else:
            self._show_backup_failure(self.safety.last_failure)
        self.setWindowTitle(title)

    def _show_backup_failure(self, text: str) -> None:
        if self.safety.read_only:
            return
        self.safety_label.setText(self.tr("The last automatic backup failed") if text else "")
        self.safety_label.setToolTip(text)
        self.safety_label.setVisible(bool(text))

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.pages[PAGES[row].key]  # built on its first visit
        self.stack.setCurrentIndex(row)
        if self.page_actions:  # filled (see _fill_menus)
            self.page_actions[row].setChecked(True)

    def _show_today(self) -> None:
        correction = int(get_setting(self.db, "lunar_correction"))
        self.date_label.setText(day_info(self.context.today(), correction).jalali_long)

    def _check_date(self) -> None:
        # The office leaves the window open for days; the dates shown must turn at midnight.
        today = self.context.today()
        if today != self._today:
            self._today = today
            self.bus.announce("today")

    def _on_changed(self, area: str) -> None:
        if area == "today":
            self._show_today()
        elif area == "settings":
            language = get_setting(self.db, "ui_language")
            if language != self.language:
                self.language_changed.emit(language)

    # --- geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(1100, 720)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self.sizeHint())
        state = settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        """Remember size, position and toolbar state for the next start."""
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self.clock.stop()
        self.safety.backup_before_close()
        super().closeEvent(event)
