"""Data safety shared by the window and the start-up: refusals, passwords, the restore flow, damage at start.

The window's own guard (automatic backups, the health check, restore into the open window, log-off)
is DataSafety in prdesk.ui.data_guard.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import PrdeskError, RefusedDatabase, StorageError, ValidationError
from prdesk.store import health
from prdesk.store.db import (
    SQLITE_MAGIC,
    DeferredDatabase,
    FileIdentity,
    file_identity,
    inspect_file,
    latest_schema_version,
    open_database,
    replaced_refusal,
)
from prdesk.store.migrations import APPLICATION_ID
from prdesk.store.rotation import BackupFile, backup_folder, last_good_backup, list_backups
from prdesk.store.settings import get_settings
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import messages
from prdesk.ui.operations import OperationRunner, Outcome

if TYPE_CHECKING:
    from sqlite_utils import Database
    from prdesk.store.backup import RestoreResult
    from prdesk.ui.workers import Progress

# The workers (QThread, QProgressDialog and their enums, ~3 ms) are imported where one is started:
# none is before the window's first paint.

# The backup format (its cryptography) and the backup dialogs are imported where a backup is
# restored or a problem shown, not at start-up.

log = logging.getLogger(__name__)


def read_only_refusal() -> str:
    """What a write attempt is told while the database is open read only."""
    return QCoreApplication.translate("DataSafety", 
        "The database is damaged and open read only, so nothing was saved. "
        "Restore a good backup on the «Backup and settings» page to go on working."
    )


def checking_refusal() -> str:
    """What a write attempt is told while the start-up check of the database is still running."""
    return QCoreApplication.translate(
        "DataSafety", "The database is still being checked, so nothing was saved. Try again in a moment."
    )


class GuardedRunner(OperationRunner):
    """The operation runner, refusing every write while ``refusal`` says why.

    Why: a damaged database, the start-up check still running, or the file replaced under the
    window's connection (a restore from the command line): writes would then go into a file that
    is no longer the database, and be lost.
    """

    def __init__(self, bus: Bus, parent: QWidget | None = None):
        super().__init__(bus, parent)
        self._refusal = ""
        self._replaced = False
        self._watched: tuple[Path, FileIdentity | None] | None = None

    @property
    def refusal(self) -> str:
        if self._refusal:
            return self._refusal
        if self._watched is not None:
            path, identity = self._watched
            if identity is not None and file_identity(path) != identity:
                log.warning("%s was replaced under the window's connection; writes refused", path)
                self._refusal = replaced_refusal(path)
                self._replaced = True
        return self._refusal

    @refusal.setter
    def refusal(self, text: str) -> None:
        self._refusal = text

    def watch(self, db_path: Path) -> None:
        """Remember which file ``db_path`` is now (just opened); a write after it was replaced is refused."""
        self._watched = (Path(db_path), file_identity(db_path))
        if self._replaced:
            self._refusal, self._replaced = "", False

    def stop_watching(self) -> None:
        """The window itself is about to replace its file (a restore): that is no reason to refuse."""
        self._watched = None

    def run(self, call: Callable[[], Any], *, area: str,
            on_invalid: Callable[[ValidationError], None] | None = None) -> Outcome:
        if self.refusal:
            title = QCoreApplication.translate("DataSafety", "Nothing was saved")
            messages.show_error(self.parent, self.refusal, title=title)
            return Outcome(error=StorageError(self.refusal))
        return super().run(call, area=area, on_invalid=on_invalid)


# --- passwords and restore, shared by the window and the start-up -------------------------------


def unlock(
    parent: QWidget | None,
    backup_path: Path,
    attempt: Callable[[str | None, Progress], Any],
    *,
    label: str,
    failure_title: str,
) -> tuple[Any, str | None] | None:
    """Run ``attempt(password, progress)`` on a worker, asking for the password as long as needed.

    Returns (its value, the password that worked) or None when the clerk cancelled or the file was
    refused (the refusal has been shown).
    """
    from prdesk.store.backup import BackupCancelled, PasswordRequired, WrongPassword
    from prdesk.ui.dialogs import backup_dialogs
    from prdesk.ui.workers import run_with_progress

    password: str | None = None
    while True:
        outcome = run_with_progress(
            parent, lambda progress, pw=password: attempt(pw, progress), label=label, cancelled_error=BackupCancelled
        )
        if outcome.cancelled:
            return None
        error = outcome.error
        if error is None:
            return outcome.value, password
        if isinstance(error, WrongPassword):
            messages.show_error(parent, str(error), title=QCoreApplication.translate("DataSafety", "Wrong password"))
        elif not isinstance(error, PasswordRequired):
            messages.show_error(parent, str(error), title=failure_title)
            return None
        password = backup_dialogs.ask_password(parent, backup_path.name)
        if password is None:
            return None


def restore_flow(
    parent: QWidget | None,
    db_path: Path,
    backup_path: Path,
    *,
    before_switch: Callable[[], None] | None = None,
    after_switch: Callable[[bool], None] | None = None,
) -> RestoreResult | None:
    """Verify ``backup_path``, show it beside the current data, ask, then restore it.

    ``before_switch`` runs just before the database file is replaced (the window closes its
    connection there) and ``after_switch(restored)`` right after, whatever happened (the window
    opens the file again there). Returns the result, or None when nothing was restored.
    """
    from prdesk.store.backup import BackupCancelled, default_safety_folder, preview_restore, restore
    from prdesk.ui.dialogs import backup_dialogs
    from prdesk.ui.workers import run_with_progress

    opened = unlock(
        parent,
        backup_path,
        lambda password, progress: preview_restore(db_path, backup_path, password, progress),
        label=QCoreApplication.translate("DataSafety", "Checking the backup file…"),
        failure_title=QCoreApplication.translate("DataSafety", "The backup was not restored"),
    )
    if opened is None:
        return None
    preview, password = opened
    folder = default_safety_folder(db_path)
    if not backup_dialogs.confirm_restore(parent, preview, folder):
        return None
    if before_switch is not None:
        before_switch()
    outcome = None
    try:
        outcome = run_with_progress(
            parent,
            lambda progress: restore(db_path, backup_path, password, safety_folder=folder, progress=progress),
            label=QCoreApplication.translate("DataSafety", "Restoring the backup…"),
            cancelled_error=BackupCancelled,
        )
    finally:
        if after_switch is not None:
            after_switch(outcome is not None and outcome.ok)
    if outcome.cancelled:
        return None
    if outcome.error is not None:
        title = QCoreApplication.translate("DataSafety", "The backup was not restored")
        messages.show_error(parent, str(outcome.error), title=title)
        return None
    result: RestoreResult = outcome.value
    text = QCoreApplication.translate("DataSafety", "The data of the backup taken on {date} is back.").format(
        date=to_persian_digits(result.backup.manifest.created_jalali)
    )
    if result.safety_copy is not None:
        text += "\n\n" + QCoreApplication.translate(
            "DataSafety", "The data from before the restore was kept as a safety copy in this file:"
        )
        text += "\n" + left_to_right(result.safety_copy)
    if result.carried_letters:
        text += "\n\n" + QCoreApplication.translate(
            "DataSafety", "{count} letters numbered after the backup were kept in the letter register."
        ).format(count=to_persian_digits(len(result.carried_letters)))
    messages.show_message(parent, text, title=QCoreApplication.translate("DataSafety", "Backup restored"))
    return result


# --- start-up -----------------------------------------------------------------------------------


def _carries_our_id(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError:
        return False
    return head.startswith(SQLITE_MAGIC) and len(head) == 100 and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def damage_at_start(db_path: Path, *, thorough: bool = False) -> health.CheckResult | None:
    """The failed quick_check of an existing prdesk database, or None when it is sound, new or not ours.

    Reads through a connection that cannot write; a file prdesk refuses for another reason (not
    ours, from a newer version) is left for open_database to explain. ``thorough`` (after a
    crash) runs the full integrity_check instead.
    """
    path = Path(db_path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        if inspect_file(path).kind != "prdesk":
            return None
    except RefusedDatabase:
        if not _carries_our_id(path):
            return None
    except StorageError:
        return None
    try:
        conn = health.open_for_checking(path)
        try:
            result = health.integrity_check(conn) if thorough else health.quick_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        result = health.CheckResult("quick_check", False, (f"SQLite: {exc}",))
    return None if result.ok else result


def opens_before_its_check(db_path: Path) -> bool:
    """Whether the window may open on ``db_path`` (read only) before its check: a prdesk file needing no migration.

    Only what is cheap is looked at (header, application id, schema version); a new file, one to
    migrate and one prdesk refuses are checked first the plain way (open_checked).
    """
    try:
        found = inspect_file(Path(db_path))
    except PrdeskError:
        return False
    return found.kind == "prdesk" and len(found.applied) == latest_schema_version()


def configured_backup_folder(db_path: Path) -> Path:
    """The backup folder the database's settings name, read without writing; the default when unreadable."""
    try:
        conn = health.open_for_checking(db_path)
        try:
            settings = get_settings(DeferredDatabase(conn))
        finally:
            conn.close()
    except sqlite3.Error:
        settings = {}
    return backup_folder(settings)


def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest automatic backup in the backup folder that looks intact."""
    return last_good_backup(list_backups(configured_backup_folder(db_path)), db_path)


def open_read_only(db_path: Path, *, deferred: bool = False) -> Database:
    """The database for looking only: every write is refused by SQLite itself.

    ``deferred``: a DeferredDatabase, which imports sqlite-utils when first used as one (the
    window's start-up, on the window's thread).
    """
    conn = health.open_for_checking(db_path)
    if deferred:
        return DeferredDatabase(conn)
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def open_checked(db_path: Path) -> tuple[Database, str] | None:
    """Open the database for the window after a quick_check: (database, read-only reason) or None to quit.

    A damaged database is never opened for writing (no WAL switch, no migration): the clerk
    restores the newest good backup or another file, opens it read only, or quits.
    Raises the PrdeskError of open_database when the file is refused.
    """
    problem = damage_at_start(db_path)
    while problem is not None:
        from prdesk.ui.dialogs import backup_dialogs

        newest = newest_good_backup(db_path)
        choice = backup_dialogs.ask_about_damage(None, problem, newest)
        if choice == backup_dialogs.QUIT:
            return None
        if choice == backup_dialogs.READ_ONLY:
            return open_read_only(db_path), read_only_refusal()
        if choice == backup_dialogs.RESTORE_NEWEST and newest is not None:
            chosen: Path | None = newest.path
        else:
            chosen = backup_dialogs.choose_backup_file(
                None,
                QCoreApplication.translate("DataSafety", "Choose the backup file to restore"),
                configured_backup_folder(db_path),
            )
        if chosen is not None and restore_flow(None, db_path, chosen) is not None:
            problem = damage_at_start(db_path)
    return open_database(db_path), ""
