"""The window's guard of its data: automatic backups, the health check, restore into the open window, log-off."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from prdesk.core.text import left_to_right
from prdesk.errors import PrdeskError
from prdesk.store import health
from prdesk.store.db import open_database
from prdesk.store.rotation import (
    AUTOMATIC_INTERVAL_SECONDS,
    AutomaticBackupResult,
    ChangeState,
    automatic_backup,
    backup_folder,
    change_state,
    needs_backup,
)
from prdesk.store.settings import get_settings
from prdesk.ui.bus import Bus
from prdesk.ui.data_safety import GuardedRunner, open_read_only, restore_flow
from prdesk.ui.dialogs import messages

if TYPE_CHECKING:
    from sqlite_utils import Database
    from prdesk.store.backup import RestoreResult
    from prdesk.ui.workers import Worker

log = logging.getLogger(__name__)


class DataSafety(QObject):
    """Automatic backups of the window's database, its health check, restore and log-off.

    Automatic backups (on close and every 30 minutes, only when something changed) are off unless
    ``automatic`` is true: the app turns them on, tests only when they test them.
    """

    #: An automatic backup was written (AutomaticBackupResult).
    automatic_backup_done = Signal(object)
    #: The text of the last automatic-backup failure, or "" once one succeeded again.
    failure_changed = Signal(str)
    #: A backup was restored and the database opened again: every page must show it.
    restored = Signal()
    #: The database, checked at start-up, is open for writing now.
    opened_for_writing = Signal()

    def __init__(
        self,
        window: QWidget,
        db: Database,
        db_path: Path,
        bus: Bus,
        runner: GuardedRunner,
        show_status: Callable[[str], None],
        *,
        automatic: bool = False,
    ):
        super().__init__(window)
        self.window = window
        self.db = db
        self.db_path = Path(db_path)
        self.bus = bus
        self.runner = runner
        runner.watch(self.db_path)
        self.show_status = show_status
        self.automatic = automatic
        self.last_failure = ""
        self.retired = False
        self._baseline: ChangeState | None = self._state_now()
        self._background: Worker | None = None
        self._background_state: ChangeState | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOMATIC_INTERVAL_SECONDS * 1000)
        self.timer.timeout.connect(self.take_automatic_backup)
        if automatic:
            self.timer.start()
        app = QGuiApplication.instance()
        if app is not None:
            app.commitDataRequest.connect(self.commit_data)

    @property
    def read_only(self) -> bool:
        return bool(self.runner.refusal)

    def _state_now(self) -> ChangeState | None:
        try:
            return change_state(self.db)
        except sqlite3.Error:
            return None

    def open_for_writing(self) -> None:
        """The start-up check found the database sound: swap the connection that cannot write for the app's own.

        Raises the PrdeskError of open_database; the read-only connection stays then.
        """
        fresh = open_database(self.db_path)
        checked, self.db.conn = self.db.conn, fresh.conn  # the same Database object everywhere
        checked.close()
        self.runner.refusal = ""
        self.runner.watch(self.db_path)
        self._baseline = self._state_now()
        self.opened_for_writing.emit()

    def backup_folder(self) -> Path:
        """The folder automatic backups go to, from the settings."""
        return backup_folder(get_settings(self.db))

    def set_automatic(self, on: bool) -> None:
        """Turn automatic backups on or off (the app turns them on; tests when they test them)."""
        self.automatic = on
        if on and not self.retired:
            self.timer.start()
        else:
            self.timer.stop()

    def backup_due(self) -> bool:
        """Whether something changed since the last automatic backup (or since the window opened)."""
        if self.read_only:
            return False
        try:
            return needs_backup(self.db, self._baseline)
        except sqlite3.Error:
            return False

    def busy(self) -> bool:
        """An automatic backup is being written in the background."""
        return self._background is not None

    # --- automatic backups ---------------------------------------------------------------------

    def take_automatic_backup(self) -> Worker | None:
        """Start an automatic backup in the background when one is due; the worker, or None."""
        if not self.automatic or self.retired or self.busy() or not self.backup_due():
            return None
        from PySide6.QtCore import QThread

        from prdesk.ui.workers import Worker

        state = self._state_now()
        folder = self.backup_folder()
        path = self.db_path
        worker = Worker(lambda progress: automatic_backup(path, folder, progress=progress), self)
        worker.finished.connect(self._settle_background)
        self._background = worker
        self._background_state = state
        self.show_status(QCoreApplication.translate("DataSafety", "Taking an automatic backup…"))
        worker.start(QThread.Priority.LowPriority)
        return worker

    def wait_for_background(self) -> None:
        """Let a running automatic backup finish (the window keeps painting meanwhile)."""
        worker = self._background
        if worker is not None:
            from prdesk.ui.workers import wait_for

            wait_for(worker)
            self._settle_background()

    def _settle_background(self) -> None:
        # Called by the worker's finished signal and directly after waiting; whichever comes first.
        worker, self._background = self._background, None
        if worker is None:
            return
        worker.wait()
        worker.deleteLater()
        if worker.error is None:
            self._succeeded(self._background_state, worker.result)
        else:
            self._failed(worker.error)

    def _succeeded(self, state: ChangeState | None, result: AutomaticBackupResult) -> None:
        self._baseline = state
        saved = QCoreApplication.translate("DataSafety", "Automatic backup saved: {name}")
        self.show_status(saved.format(name=left_to_right(result.backup.path.name)))
        if self.last_failure:
            self.last_failure = ""
            self.failure_changed.emit("")
        self.automatic_backup_done.emit(result)
        self.bus.announce("backups")

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, PrdeskError):
            raise error  # a bug: to the crash dialog
        text = str(error)
        log.warning("automatic backup failed: %s", text)
        self.show_status(
            QCoreApplication.translate("DataSafety", "The automatic backup failed. The previous backups are kept.")
        )
        repeated = text == self.last_failure
        self.last_failure = text
        self.failure_changed.emit(text)
        if not repeated:  # the status bar keeps saying it; one box per new problem is enough
            title = QCoreApplication.translate("DataSafety", "The automatic backup was not taken")
            messages.show_error(self.window, text, title=title)

    def backup_before_close(self) -> None:
        """On close: finish a running backup, then take one when something changed since the last."""
        self.timer.stop()
        self.wait_for_background()
        if not self.automatic or self.retired or not self.backup_due():
            return
        from prdesk.store.backup import BackupCancelled
        from prdesk.ui.workers import run_with_progress

        state = self._state_now()
        folder = self.backup_folder()
        path = self.db_path
        outcome = run_with_progress(
            self.window,
            lambda progress: automatic_backup(path, folder, progress=progress),
            label=QCoreApplication.translate("DataSafety", "Taking an automatic backup before closing…"),
            cancelled_error=BackupCancelled,
        )
        if outcome.ok:
            self._succeeded(state, outcome.value)
        elif outcome.error is not None:
            self.last_failure = ""  # closing: always say it
            self._failed(outcome.error)

    def retire(self) -> ChangeState | None:
        """This window is being replaced by another on the same database: stop, hand over the baseline."""
        self.timer.stop()
        self.wait_for_background()
        self.retired = True
        return self._baseline

    def take_over(self, baseline: ChangeState | None, last_failure: str = "") -> None:
        """Continue from the window this one replaces."""
        self._baseline = baseline
        self.last_failure = last_failure
        if last_failure:
            self.failure_changed.emit(last_failure)

    # --- log-off, health -----------------------------------------------------------------------

    def commit_data(self, _manager: object = None) -> None:
        """Windows log-off or shutdown: commit what is pending and fold the WAL into the file."""
        try:
            if self.db.conn.in_transaction:
                self.db.conn.commit()
            if not self.read_only and not health.checkpoint(self.db):
                log.info("the WAL checkpoint at log-off was partial; SQLite finishes it later")
        except sqlite3.Error as exc:
            log.warning("committing at log-off failed: %s", exc)

    def check_health(self) -> bool:
        """Run the full check on a worker and show the report; True when the clerk asked to restore."""
        from prdesk.ui.workers import run_with_progress

        path = self.db_path
        outcome = run_with_progress(
            self.window,
            lambda _progress: health.full_check(path),
            label=QCoreApplication.translate(
                "DataSafety", "Checking the database; this may take a minute on a large database…"
            ),
            cancellable=False,
            busy=True,
        )
        if outcome.error is not None:
            title = QCoreApplication.translate("DataSafety", "The check did not run")
            messages.show_error(self.window, str(outcome.error), title=title)
            return False
        from prdesk.ui.dialogs import backup_dialogs

        return backup_dialogs.show_health_report(self.window, outcome.value)

    # --- restore -------------------------------------------------------------------------------

    def restore_file(self, backup_path: Path) -> RestoreResult | None:
        """Verify, compare, ask, then restore ``backup_path`` into the window's database."""
        return restore_flow(
            self.window,
            self.db_path,
            Path(backup_path),
            before_switch=self._close_connection,
            after_switch=self._reopen,
        )

    def _close_connection(self) -> None:
        # A restore refuses while any other connection is open, the automatic backup's included.
        self.timer.stop()
        self.wait_for_background()
        self.commit_data()
        self.runner.stop_watching()
        self.db.conn.close()

    def _reopen(self, restored: bool) -> None:
        try:
            fresh = open_read_only(self.db_path) if self.read_only and not restored else open_database(self.db_path)
        except PrdeskError as exc:
            messages.show_error(
                self.window,
                str(exc) + "\n\n" + QCoreApplication.translate(
                    "DataSafety", "The window closes now; open PRDesk again."
                ),
                title=QCoreApplication.translate("DataSafety", "The database was not opened again"),
            )
            self.retired = True
            QTimer.singleShot(0, self.window.close)
            return
        # The same Database object everywhere (pages, models) gets the new connection.
        self.db.conn = fresh.conn
        self.runner.watch(self.db_path)
        if restored:
            self.runner.refusal = ""
        self._baseline = self._state_now()
        if self.automatic and not self.retired:
            self.timer.start()
        if restored:
            self.restored.emit()
