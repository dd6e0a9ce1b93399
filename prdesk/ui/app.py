"""Starting the window: application set-up, fonts, the one-window-per-database lock, run()."""

from __future__ import annotations

import gc
import logging
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Not Qt: its namespace's 93 enums (~25 ms) are made on first use, after the first paint.
from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from prdesk.errors import DatabaseLocked, PrdeskError, StorageError
from prdesk.paths import APP_NAME, resource
from prdesk.store import first_run
from prdesk.store.db import lock_path as store_lock_path
from prdesk.store.settings import get_setting
from prdesk.ui import data_safety, first_paint, i18n
from prdesk.core.text import left_to_right
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import messages

if TYPE_CHECKING:
    from sqlite_utils import Database
    from prdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FONT_FAMILY = "Vazirmatn"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Medium.ttf", "Vazirmatn-Bold.ttf")
FONT_POINT_SIZE = 10

_fonts_registered = False


def register_fonts() -> bool:
    """Register the bundled Vazirmatn fonts once; False when none could be loaded."""
    global _fonts_registered
    if not _fonts_registered:
        loaded = [QFontDatabase.addApplicationFont(str(resource("fonts", name))) for name in FONT_FILES]
        _fonts_registered = any(font_id >= 0 for font_id in loaded)
        if not _fonts_registered:
            log.warning("the Vazirmatn fonts could not be loaded; the system font is used")
    return _fonts_registered


def prepare_application(app: QApplication, language: str, *, field_behaviour: bool = True) -> None:
    """Names, font, translators, locale and layout direction: what every window needs first.

    ``field_behaviour=False`` leaves the application-wide field behaviour to install_field_behaviour()
    (run() installs it once the window is painted: every event of every object passing through a
    Python filter makes PySide wrap Qt's internal objects, ~60 ms before the first paint).
    """
    if field_behaviour:
        install_field_behaviour(app)
    if getattr(app, "_prdesk_prepared", False):
        # Started Persian before the database said which language; only a different one costs anything.
        if language != i18n.current_language():
            i18n.apply_language(app, language)
        return
    app._prdesk_prepared = True
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource("icons", "prdesk.svg"))))  # the taskbar's and every window's
    if register_fonts():
        app.setFont(QFont(FONT_FAMILY, FONT_POINT_SIZE))
    i18n.apply_language(app, language)


def install_field_behaviour(app: QApplication) -> None:
    """How fields behave in every window and dialog (prdesk.ui.field_behaviour); once."""
    from prdesk.ui.field_behaviour import install_field_behaviour as install

    install(app)


def lock_path(db_path: Path) -> Path:
    """The lock file that marks ``db_path`` as open in a window: ``<db>.lock`` beside the real file.

    The store reads the same file (symlinks resolved) to refuse a restore while a window is open.
    """
    return store_lock_path(db_path)


def acquire_lock(db_path: Path) -> QLockFile:
    """Take the one-window lock of ``db_path``; raise DatabaseLocked when another window holds it.

    A lock left behind by a crashed prdesk is stale (its process is gone) and is taken over.
    """
    path = lock_path(db_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"پوشهٔ «{left_to_right(path.parent)}» ساخته نشد ({exc.strerror}). مسیر دیگری برای پایگاه داده بدهید."
        ) from exc
    lock = QLockFile(str(path))
    # Zero: never stale by age, only when its process is gone; a window may stay open for weeks.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        raise DatabaseLocked(
            f"پایگاه دادهٔ «{left_to_right(db_path)}» همین حالا در پنجرهٔ دیگری از پی‌آر‌دسک باز است. "
            "همان پنجره را به کار ببرید، یا آن را ببندید و دوباره برنامه را باز کنید."
        )
    raise StorageError(
        f"فایل قفل «{left_to_right(path)}» ساخته نشد. دسترسی نوشتن در پوشهٔ پایگاه داده را بررسی کنید "
        "یا پایگاه داده را در پوشهٔ دیگری بگذارید."
    )


#: Set to "0" to keep automatic backups off in a real run (benchmarks, screenshots).
AUTOMATIC_BACKUPS_ENV = "PRDESK_AUTOMATIC_BACKUPS"
#: "0" keeps the first-run wizard from offering itself (tests that start the app on a new file).
FIRST_RUN_ENV = "PRDESK_FIRST_RUN"


class Desk(QObject):
    """The open database, its change bus and its main window; rebuilds the window for a new language.

    Automatic backups are off unless ``automatic_backups`` (run() turns them on), so a test never
    writes backups it did not ask for. ``read_only`` is the refusal every write gets while the
    database is damaged.
    """

    def __init__(self, db: Database, db_path: Path, language: str | None = None, *,
                 automatic_backups: bool = False, read_only: str = "", menus_after_paint: bool = False):
        super().__init__()
        #: run(): each window's menus are filled right after its first paint (MainWindow).
        self.menus_after_paint = menus_after_paint
        self.db = db
        self.db_path = Path(db_path)
        self.bus = Bus(self)
        self.automatic_backups = automatic_backups
        self.language = language or get_setting(db, "ui_language")
        #: The check of a database opened before it (run() sets it); None when checked first.
        self.start_check: StartCheck | None = None
        #: Non-zero when the clerk quit at the question about a damaged database.
        self.exit_status = 0
        self.window = self._build_window(read_only)

    def _build_window(self, read_only: str = "") -> MainWindow:
        # Imported here, not with this module: run() builds the window while the start-up check runs.
        from prdesk.ui.main_window import MainWindow

        window = MainWindow(
            self.db,
            self.db_path,
            self.bus,
            language=self.language,
            automatic_backups=self.automatic_backups,
            read_only=read_only,
            menus_after_paint=self.menus_after_paint,
        )
        window.desk = self
        window.language_changed.connect(self._switch_language_soon)
        return window

    def _switch_language_soon(self, language: str) -> None:
        # Queued: the window that announced the change is still inside its own slot.
        QTimer.singleShot(0, self, lambda: self.switch_language(language))

    def switch_language(self, language: str) -> None:
        """Install ``language`` and replace the window by one built in it, on the same page."""
        if language == self.language:
            return
        old = self.window
        page = old.current_page().key
        settings = old.pages.built("settings")
        tab = settings.current_tab() if settings is not None else None
        old.save_geometry()
        # The new window continues the old one's automatic backups; closing the old takes none.
        baseline = old.safety.retire()
        i18n.apply_language(QApplication.instance(), language)
        self.language = language
        self.window = self._build_window(old.runner.refusal)
        self.window.safety.take_over(baseline, old.safety.last_failure)
        self.window.show_page(page)
        if tab is not None:
            self.window.pages["settings"].show_tab(tab)
        if old.isVisible():
            self.window.show()
        old.language_changed.disconnect(self._switch_language_soon)
        old.close()
        old.deleteLater()
        self.window.show_status(QCoreApplication.translate("App", "The window now uses the language you chose."))


def open_desk(db: Database, db_path: Path, *, automatic_backups: bool = False, read_only: str = "",
              field_behaviour: bool = True, menus_after_paint: bool = False) -> Desk:
    """Set up the running QApplication for the database's saved language and build its Desk."""
    language = get_setting(db, "ui_language")
    prepare_application(QApplication.instance(), language, field_behaviour=field_behaviour)
    return Desk(db, db_path, language, automatic_backups=automatic_backups, read_only=read_only,
                menus_after_paint=menus_after_paint)


def create_main_window(db: Database, db_path: Path, *, automatic_backups: bool = False) -> MainWindow:
    """A main window on an open database, in its saved language (no lock, no new QApplication).

    The window's ``desk`` attribute holds the Desk, which replaces ``desk.window`` on a language switch.
    Automatic backups stay off unless asked for.
    """
    return open_desk(db, db_path, automatic_backups=automatic_backups).window


def run(db_path: Path, restore: Path | None = None) -> int:
    """Open the window on ``db_path`` and return the exit status (non-zero when it could not open).

    ``restore``: a backup file to offer for restoring once the window shows (a double-clicked file).
    """
    # No garbage collection until the window is painted (entry.main turns it off before the imports):
    # the start-up makes long-lived objects only, and the collector's passes over them cost ~6 ms.
    gc.disable()
    try:
        return _run(db_path, restore)
    finally:
        gc.enable()


def _run(db_path: Path, restore: Path | None) -> int:
    from prdesk.ui.crash import crash_reporting, rotate_log  # its log handlers are needed by run() only

    db_path = Path(db_path).expanduser().absolute()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # A plain log file until the window is painted: logging.handlers is imported after it.
    with crash_reporting(rotating=False) as log_file:
        log.info("starting on %s (log %s)", db_path, log_file)
        # Persian until the database says otherwise: the refusals below are Persian already.
        prepare_application(app, "fa", field_behaviour=False)
        # The lock outlives only a window that did not close: the last run on this file crashed.
        unclean = lock_path(db_path).exists()
        try:
            lock = acquire_lock(db_path)
        except PrdeskError as exc:
            messages.show_error(None, str(exc), title=_not_opened())
            return 1
        try:
            automatic = os.environ.get(AUTOMATIC_BACKUPS_ENV, "1") != "0"
            try:
                desk = _opened_desk(db_path, automatic)
            except PrdeskError as exc:
                messages.show_error(None, str(exc), title=_not_opened())
                return 1
            if desk is None:
                return 1
            try:
                desk.window.first_painted.connect(lambda: install_field_behaviour(app))
                desk.window.first_painted.connect(rotate_log)
                desk.window.first_painted.connect(gc.enable)
                # A window shown minimized is not painted: collect all the same.
                QTimer.singleShot(UNPAINTED_CHECK_MS, desk.window, gc.enable)
                first_paint.watch(desk.window)  # benchmarks only
                desk.window.show()
                if desk.start_check is not None:
                    # After the first paint: the check reads the whole file, the window comes first.
                    desk.start_check.begin_after_paint(thorough=unclean)
                offer = os.environ.get(FIRST_RUN_ENV, "1") != "0" and first_run.is_new_and_empty(desk.db)
                if restore is not None or offer:
                    QTimer.singleShot(0, desk.window, lambda: _after_show(desk, restore))
                status = app.exec()
                return desk.exit_status or status
            finally:
                if desk.start_check is not None:
                    desk.start_check.finish()
                desk.db.close()
        finally:
            lock.unlock()


def _after_show(desk: Desk, restore: Path | None) -> None:
    """Once the window shows: the restore of a double-clicked backup file, or the first-run wizard."""
    if not desk.window.isVisible():  # closed before the event loop ran
        return
    install_field_behaviour(QApplication.instance())  # its dialogs may come before the first paint
    if restore is not None:
        desk.window.restore_backup_file(Path(restore).absolute())
    else:
        desk.window.run_first_run()


def _opened_desk(db_path: Path, automatic: bool) -> Desk | None:
    """The Desk on ``db_path``, or None when the clerk chose to quit.

    A prdesk file that needs no migration passes what is cheap to check (header, application id,
    schema version) and opens at once, on a connection that cannot write: nothing whose cost grows
    with the file runs before the window is painted. Its check follows on a worker (StartCheck)
    and opens it for writing. Any other file, and one that cannot even be read, goes the plain
    way: checked first, asked about damage, migrated, then its window built.
    """
    if data_safety.opens_before_its_check(db_path):
        # A plain connection: sqlite-utils is imported once the window has been painted.
        db = data_safety.open_read_only(db_path, deferred=True)
        try:
            desk = open_desk(db, db_path, automatic_backups=automatic, read_only=data_safety.checking_refusal(),
                             field_behaviour=False, menus_after_paint=True)
        except sqlite3.DatabaseError as exc:
            log.warning("reading %s for the window failed (%s); checking it first", db_path, exc)
            db.close()
        except BaseException:
            db.close()
            raise
        else:
            desk.start_check = StartCheck(desk)
            return desk
    install_field_behaviour(QApplication.instance())  # questions and restores may come before the window
    gc.enable()  # the plain way may ask the clerk and restore before the window: no reason to wait
    opened = data_safety.open_checked(db_path)
    if opened is None:
        return None
    db, read_only = opened
    try:
        return open_desk(db, db_path, automatic_backups=automatic and not read_only, read_only=read_only,
                         menus_after_paint=True)
    except BaseException:
        db.close()
        raise


#: A window not painted this long after it was shown (started minimized) begins its check all the same.
UNPAINTED_CHECK_MS = 1000


class StartCheck(QObject):
    """The start-up check of the database, on a worker once the window is shown.

    Sound: the window is opened for writing. Damaged: it stays read only and the clerk gets the
    question a damaged file gets before any window (restore the newest backup, choose one, keep
    it read only, quit). ``thorough`` (after a crash) runs the full integrity check instead of
    SQLite's quick check.
    """

    def __init__(self, desk: Desk):
        super().__init__(desk)
        self.desk = desk
        self.worker = None
        self.done = False
        #: run() has ended: no check begins any more.
        self.finished = False

    def begin_after_paint(self, *, thorough: bool = False) -> None:
        """Begin once the window has been painted, or a second after it was shown (a minimized window)."""
        window = self.desk.window
        window.first_painted.connect(lambda: self.begin(thorough=thorough))
        QTimer.singleShot(UNPAINTED_CHECK_MS, self, lambda: self.begin(thorough=thorough))

    def begin(self, *, thorough: bool = False) -> None:
        """Start the check on its own thread (its own read-only connection); once, and never after finish()."""
        if self.worker is not None or self.finished:
            return
        from prdesk.ui.workers import Worker

        path = self.desk.db_path
        self.worker = Worker(lambda _progress: data_safety.damage_at_start(path, thorough=thorough), self)
        self.worker.succeeded.connect(self._checked)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def finish(self) -> None:
        """The window is gone: let a check still running end (a thread must not outlive its owner)."""
        self.finished = True
        if self.worker is not None:
            self.worker.wait()

    def wait(self) -> None:
        """Let the check finish and its result be handled (the window keeps painting meanwhile)."""
        while not self.done:
            QCoreApplication.processEvents()
            if self.worker is not None:
                self.worker.wait(10)

    def _failed(self, error: BaseException) -> None:
        self.done = True
        raise error  # a bug in the check: to the crash dialog, never taken for a sound file

    def _checked(self, problem) -> None:
        self.worker.wait()
        window = self.desk.window
        if problem is None:
            try:
                window.safety.open_for_writing()
            except PrdeskError as exc:
                window.runner.refusal = data_safety.read_only_refusal()
                window.refresh_read_only()
                messages.show_error(window, str(exc), title=_not_opened())
            self.done = True
            return
        log.warning("the start-up check found damage: %s", problem.line())
        window.runner.refusal = data_safety.read_only_refusal()
        window.safety.set_automatic(False)
        window.refresh_read_only()
        self.done = True
        self._ask(window, problem)

    def _ask(self, window: MainWindow, problem) -> None:
        from prdesk.ui.dialogs import backup_dialogs

        newest = data_safety.newest_good_backup(self.desk.db_path)
        choice = backup_dialogs.ask_about_damage(window, problem, newest)
        if choice == backup_dialogs.QUIT:
            self.desk.exit_status = 1
            window.close()
        elif choice == backup_dialogs.RESTORE_NEWEST and newest is not None:
            window.safety.restore_file(newest.path)
        elif choice == backup_dialogs.CHOOSE_FILE:
            window.restore_backup()


def _not_opened() -> str:
    return QCoreApplication.translate("App", "The database was not opened")
