"""The backup side of «Backup and settings»: folder, last good backup, the list; create, verify, restore."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import BackupError
from prdesk.store import backup as backups
from prdesk.store.rotation import (
    AUTOMATIC_INTERVAL_SECONDS,
    BackupFile,
    backup_folder,
    folder_warnings,
    last_good_backup,
    list_backups,
)
from prdesk.store.settings import get_settings, update_settings
from prdesk.ui.data_safety import unlock
from prdesk.ui.dialogs import backup_dialogs, messages, pickers
from prdesk.ui.pages.base import PageContext
from prdesk.ui.workers import run_with_progress

if TYPE_CHECKING:
    from prdesk.ui.data_guard import DataSafety


def age_text(created: dt.datetime, now: dt.datetime) -> str:
    """How long ago, in the clerk's words: «۲ ساعت پیش», «همین حالا»."""
    seconds = (now - created).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("BackupPanel", "just now")
    minutes = int(seconds // 60)
    if minutes < 60:
        if minutes == 1:
            return QCoreApplication.translate("BackupPanel", "1 minute ago")
        text = QCoreApplication.translate("BackupPanel", "{count} minutes ago")
        return text.format(count=to_persian_digits(minutes))
    hours = minutes // 60
    if hours < 24:
        if hours == 1:
            return QCoreApplication.translate("BackupPanel", "1 hour ago")
        text = QCoreApplication.translate("BackupPanel", "{count} hours ago")
        return text.format(count=to_persian_digits(hours))
    days = hours // 24
    if days == 1:
        return QCoreApplication.translate("BackupPanel", "1 day ago")
    text = QCoreApplication.translate("BackupPanel", "{count} days ago")
    return text.format(count=to_persian_digits(days))


@dataclass(frozen=True)
class BackupRow:
    """One file of the backup folder as the list shows it."""

    file: BackupFile
    size: int
    encrypted: bool | None  # None: the header could not be read
    ours: bool = True  # taken from the database this window has open

    @property
    def restorable(self) -> bool:
        """A .prdesk-backup file (not the raw copy of a damaged database kept for a technician)."""
        return self.file.path.name.endswith(backups.SUFFIX)


def load_rows(folder: Path, database: Path | None = None) -> list[BackupRow]:
    """The backups and safety copies in ``folder``, newest first (reads only their headers).

    ``ours`` tells the backups of ``database`` from those of other database files in the folder.
    """
    label = backups.database_label(database)
    rows = []
    for found in list_backups(folder):
        try:
            size = found.path.stat().st_size
        except OSError:
            continue
        encrypted = None
        if found.path.name.endswith(backups.SUFFIX):
            try:
                encrypted = backups.is_encrypted(found.path)
            except BackupError:
                encrypted = None
        rows.append(BackupRow(found, size, encrypted, found.database == label))
    return rows


def _shown_name(path: Path) -> str:
    # Every backup ends in .prdesk-backup; without it the list has room for the notes.
    return path.name[: -len(backups.SUFFIX)] if path.name.endswith(backups.SUFFIX) else path.name


def _note(row: BackupRow) -> str:
    if not row.ours:
        # Another database file's backups share the folder: its name starts theirs, and this says so.
        return QCoreApplication.translate("BackupPanel", "Another database")
    if not row.restorable:
        return QCoreApplication.translate("BackupPanel", "Damaged database (raw copy)")
    if not row.file.good:
        return QCoreApplication.translate("BackupPanel", "Looks damaged; verify it")
    if row.file.kind == "safety":
        return QCoreApplication.translate("BackupPanel", "Safety copy before a restore")
    return ""


def _note_tip(row: BackupRow) -> str:
    if not row.ours:
        return QCoreApplication.translate(
            "BackupPanel", "Taken from the database file {name}, not from the one open in this window."
        ).format(name=row.file.database)
    if not row.restorable:
        return QCoreApplication.translate(
            "BackupPanel", "The database as it was when a restore replaced it, damaged; kept for a technician."
        )
    if row.file.kind == "safety":
        return QCoreApplication.translate(
            "BackupPanel", "The data as it was just before a restore replaced it; never deleted automatically."
        )
    return ""


def _encrypted(row: BackupRow) -> str:
    if row.encrypted is None:
        return "—"
    if row.encrypted:
        return QCoreApplication.translate("BackupPanel", "Yes")
    return QCoreApplication.translate("BackupPanel", "No")


@dataclass(frozen=True)
class Column:
    """One column of the backup list: its header, how a row shows in it, its alignment."""

    key: str
    header: Callable[[], str]
    show: Callable[[BackupRow], str]
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter


CENTER = Qt.AlignmentFlag.AlignCenter
COLUMNS: tuple[Column, ...] = (
    Column("name", lambda: QCoreApplication.translate("BackupPanel", "File"), lambda r: _shown_name(r.file.path)),
    Column("date", lambda: QCoreApplication.translate("BackupPanel", "Taken"),
           lambda r: backup_dialogs.backup_time(r.file.created), CENTER),
    Column("size", lambda: QCoreApplication.translate("BackupPanel", "Size"), lambda r: backups.format_size(r.size), CENTER),
    Column("encrypted", lambda: QCoreApplication.translate("BackupPanel", "Password"), _encrypted, CENTER),
    Column("note", lambda: QCoreApplication.translate("BackupPanel", "Note"), _note),
    Column("actions", lambda: "", lambda r: ""),
)
ACTIONS_COLUMN = len(COLUMNS) - 1


class BackupListModel(QAbstractTableModel):
    """The files of the backup folder (a few dozen at most, so no lazy fetching)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[BackupRow] = []

    def set_rows(self, rows: list[BackupRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.key == "note" and _note_tip(row)) or str(row.file.path)
        if role == Qt.ItemDataRole.UserRole:
            return str(row.file.path)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section].header()
        return None


class BackupPanel(QWidget):
    """Where the clerk sees and handles backups; long work runs on workers behind progress dialogs."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupPanel")
        self.context = context
        self.safety: DataSafety | None = None
        #: The clock the ages are measured with; tests pin it.
        self.now: Callable[[], dt.datetime] = dt.datetime.now
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 12, 10, 6)
        layout.setSpacing(12)

        about = QLabel(
            self.tr(
                "An automatic backup is taken when the window closes and every {minutes} minutes while it is open, "
                "whenever something changed. Keep a copy outside this computer too: make a backup on a USB stick "
                "from time to time."
            ).format(minutes=to_persian_digits(AUTOMATIC_INTERVAL_SECONDS // 60))
        )
        about.setWordWrap(True)
        about.setObjectName("pageSentence")
        layout.addWidget(about)

        group = QGroupBox(self.tr("Folder of automatic backups"))
        lines = QVBoxLayout(group)
        lines.setContentsMargins(14, 12, 14, 12)
        row = QHBoxLayout()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolder")
        # A path reads left to right; aligned to the right so it sits under the group's title.
        self.folder_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.folder_label.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.folder_label, 1)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openFolder")
        self.open_button.setToolTip(self.tr("Show the folder in the file manager"))
        self.open_button.clicked.connect(self.open_folder)
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.setObjectName("changeFolder")
        self.change_button.clicked.connect(self.change_folder)
        row.addWidget(self.open_button)
        row.addWidget(self.change_button)
        lines.addLayout(row)
        self.folder_warning = QLabel()
        self.folder_warning.setObjectName("fieldError")
        self.folder_warning.setWordWrap(True)
        self.folder_warning.hide()
        lines.addWidget(self.folder_warning)
        self.last_good = QLabel()
        self.last_good.setObjectName("lastGoodBackup")
        self.last_good.setWordWrap(True)
        lines.addWidget(self.last_good)
        layout.addWidget(group)

        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(90)  # an empty list still shows readable column headings
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        note = next(index for index, c in enumerate(COLUMNS) if c.key == "note")
        header.setSectionResizeMode(note, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._verify_row)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("There is no backup in this folder yet."))
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)

        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Make a backup…"))
        self.create_button.setObjectName("createBackup")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_backup)
        self.verify_button = QPushButton(self.tr("Verify a file…"))
        self.verify_button.setObjectName("verifyFile")
        self.verify_button.clicked.connect(self.verify_chosen_file)
        self.restore_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_button.setObjectName("restoreFile")
        self.restore_button.clicked.connect(self.restore_chosen_file)
        for button in (self.create_button, self.verify_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        context.bus.changed.connect(self._on_changed)
        self.reload()

    def attach(self, safety: DataSafety) -> None:
        """The window's guard, which closes and reopens the database around a restore."""
        self.safety = safety

    def _on_changed(self, area: str) -> None:
        if area in ("backups", "settings"):
            self.reload()

    # --- showing ---------------------------------------------------------------------------------

    def folder(self) -> Path:
        """The backup folder from the settings."""
        return backup_folder(get_settings(self.context.db))

    def reload(self) -> None:
        """Show the folder, its warnings, the last good backup and the list again."""
        folder = self.folder()
        self.folder_label.setText(str(folder))
        self.folder_label.setToolTip(str(folder))
        try:
            warnings = folder_warnings(folder)
        except BackupError as exc:
            warnings = [str(exc)]
        if not warnings and not folder.exists():
            warnings = [self.tr("The folder does not exist yet; it is made with the first backup.")]
        self.folder_warning.setText("\n".join(warnings))
        self.folder_warning.setVisible(bool(warnings))

        rows = load_rows(folder, self.context.db_path)
        self.model.set_rows(rows)
        for index, row in enumerate(rows):
            self.table.setIndexWidget(self.model.index(index, ACTIONS_COLUMN), self._actions(index, row))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)

        newest = last_good_backup([r.file for r in rows], self.context.db_path)
        if newest is None:
            self.last_good.setText(self.tr("No automatic backup yet. Make one now with «Make a backup…»."))
        else:
            self.last_good.setText(
                self.tr("Last good backup: {date} ({age})").format(
                    date=backup_dialogs.backup_time(newest.created), age=age_text(newest.created, self.now())
                )
            )

    def _actions(self, index: int, row: BackupRow) -> QWidget:
        holder = QWidget()
        buttons = QHBoxLayout(holder)
        buttons.setContentsMargins(4, 2, 4, 2)
        buttons.setSpacing(4)
        verify = QPushButton(self.tr("Verify"))
        verify.setObjectName(f"verify_{index}")
        verify.clicked.connect(lambda: self.verify_file(row.file.path))
        restore = QPushButton(self.tr("Restore"))
        restore.setObjectName(f"restore_{index}")
        restore.clicked.connect(lambda: self.restore_file(row.file.path))
        for button in (verify, restore):
            button.setEnabled(row.restorable)
            buttons.addWidget(button)
        return holder

    def _verify_row(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        if row.restorable:
            self.verify_file(row.file.path)

    def open_folder(self) -> None:
        """Show the backup folder in the system's file manager (made first when missing)."""
        folder = self.folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            messages.show_error(
                self,
                self.tr("The folder {folder} could not be made ({reason}). Choose another folder with «Change…».").format(
                    folder=left_to_right(folder), reason=exc.strerror or exc
                ),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def change_folder(self) -> None:
        """Choose another folder for automatic backups; a network folder is refused."""
        chosen = pickers.choose_folder(self, self.tr("Choose the folder of automatic backups"), str(self.folder()))
        if not chosen:
            return
        try:
            warnings = folder_warnings(Path(chosen))
        except BackupError as exc:
            messages.show_error(self, str(exc), title=self.tr("This folder cannot be used"))
            return
        db = self.context.db
        outcome = self.context.runner.run(lambda: update_settings(db, {"backup_folder": chosen}), area="settings")
        if outcome.ok:
            self.context.show_status(self.tr("Automatic backups now go to the chosen folder."))
            if warnings:
                messages.show_error(self, "\n".join(warnings), title=self.tr("About this folder"))

    # --- actions ---------------------------------------------------------------------------------

    def create_backup(self) -> backups.BackupInfo | None:
        """Ask where and whether with a password, write the backup on a worker, say what it holds."""
        folder = self.folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)  # so the save dialog opens there
        except OSError:
            pass
        target = backup_dialogs.choose_backup_target(self, folder / backups.default_backup_name(database=self.context.db_path))
        if target is None:
            return None
        go_on, password = backup_dialogs.ask_new_password(self)
        if not go_on:
            return None
        db_path = self.context.db_path
        outcome = run_with_progress(
            self,
            lambda progress: backups.create(db_path, target, password, progress),
            label=self.tr("Writing and checking the backup file…"),
            cancelled_error=backups.BackupCancelled,
        )
        if outcome.cancelled:
            self.context.show_status(self.tr("Backup cancelled; no file was written."))
            return None
        if outcome.error is not None:
            messages.show_error(self, str(outcome.error), title=self.tr("The backup was not made"))
            return None
        info: backups.BackupInfo = outcome.value
        text = self.tr("The backup file was written and checked.") + "\n\n" + self._describe(info)
        if info.manifest.encrypted:
            text += "\n\n" + self.tr("Keep the password safe: without it the file cannot be opened.")
        messages.show_message(self, text, title=self.tr("Backup made"))
        self.context.show_status(self.tr("Backup made: {name}").format(name=left_to_right(info.path.name)))
        self.context.bus.announce("backups")
        return info

    def _describe(self, info: backups.BackupInfo) -> str:
        lines = [
            # The path on a line of its own: wrapped inside a Persian line, its slashes land at the wrong end.
            self.tr("File: {path}").format(path="\n" + left_to_right(info.path)),
            self.tr("Size: {size}").format(size=backups.format_size(info.size)),
            self.tr("Taken: {date}").format(date=to_persian_digits(info.manifest.created_jalali)),
            self.tr("Password: {answer}").format(answer=self.tr("Yes") if info.manifest.encrypted else self.tr("No")),
            self.tr("It holds:"),
        ]
        return "\n".join(lines) + "\n" + backup_dialogs.holdings_text(info.manifest.tables)

    def verify_chosen_file(self) -> None:
        """Choose a backup file (on a USB stick, say) and verify it."""
        path = backup_dialogs.choose_backup_file(self, self.tr("Choose the backup file to verify"), self.folder())
        if path is not None:
            self.verify_file(path)

    def verify_file(self, path: Path) -> backups.BackupInfo | None:
        """Check ``path`` completely on a worker and say what it holds, or what is wrong."""
        opened = unlock(
            self,
            Path(path),
            lambda password, progress: backups.verify(path, password, progress),
            label=self.tr("Verifying the backup file…"),
            failure_title=self.tr("The backup file is not sound"),
        )
        if opened is None:
            return None
        info: backups.BackupInfo = opened[0]
        text = self.tr("The backup file is sound: every check passed and it can be restored.")
        messages.show_message(self, text + "\n\n" + self._describe(info), title=self.tr("Backup file verified"))
        return info

    def restore_chosen_file(self) -> None:
        """Choose a backup file and restore it."""
        path = backup_dialogs.choose_backup_file(self, self.tr("Choose the backup file to restore"), self.folder())
        if path is not None:
            self.restore_file(path)

    def restore_file(self, path: Path) -> bool:
        """Verify, compare, ask, restore ``path`` (through the window's guard); True when restored."""
        if self.safety is None:
            raise RuntimeError("the backup panel was not attached to its window")
        return self.safety.restore_file(Path(path)) is not None
