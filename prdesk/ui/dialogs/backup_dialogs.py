"""The dialogs of backups: where to save, passwords, the restore confirmation, the health report.

Pages call the module functions (``backup_dialogs.ask_password(...)``), never the classes
directly, so tests replace one function instead of driving a modal dialog.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.jalali import format_jalali
from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.store.backup import SUFFIX, RestorePreview, format_count
from prdesk.store.health import CheckResult, HealthReport
from prdesk.store.rotation import BackupFile
from prdesk.ui.dialogs import pickers

MIN_PASSWORD_LENGTH = 4

#: The tables a clerk recognizes, in the order the restore confirmation lists them.
MAIN_TABLES = ("people", "organizations", "events", "meetings", "messages", "letters", "tags")


def table_title(table: str) -> str:
    """The clerk's name of a table («اشخاص» for ``people``); unknown tables keep their own name."""
    titles = {
        "people": QCoreApplication.translate("BackupTables", "People"),
        "organizations": QCoreApplication.translate("BackupTables", "Organizations"),
        "events": QCoreApplication.translate("BackupTables", "Events and ceremonies"),
        "meetings": QCoreApplication.translate("BackupTables", "Meetings"),
        "messages": QCoreApplication.translate("BackupTables", "Messages"),
        "letters": QCoreApplication.translate("BackupTables", "Letters"),
        "tags": QCoreApplication.translate("BackupTables", "Tags"),
    }
    return titles.get(table, table)


def backup_time(when: dt.datetime) -> str:
    """A backup's local time as the list shows it: «۱۴۰۵/۰۸/۳۰ ۱۵:۳۰»."""
    return f"{format_jalali(when.date())} {to_persian_digits(f'{when:%H:%M}')}"


def holdings(tables: dict[str, int]) -> list[tuple[str, int]]:
    """(title, rows) of the main tables present, then every other row together."""
    rows = [(table_title(t), tables[t]) for t in MAIN_TABLES if t in tables]
    others = sum(count for table, count in tables.items() if table not in MAIN_TABLES)
    rows.append((QCoreApplication.translate("BackupTables", "Other records (settings, lists, links)"), others))
    return rows


def holdings_text(tables: dict[str, int]) -> str:
    """One line per table: «اشخاص: ۱٬۲۰۰»."""
    return "\n".join(f"{title}: {format_count(count)}" for title, count in holdings(tables))


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setWeight(QFont.Weight.Bold)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    # A password is typed left to right whatever its letters; the dots stay where the cursor is.
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setMinimumWidth(260)
    return edit


# --- files --------------------------------------------------------------------------------------


def choose_backup_target(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to write a new backup file; None when the clerk cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BackupDialogs", "Save the backup file"),
        str(suggested),
        QCoreApplication.translate("BackupDialogs", "PRDesk backup files (*{suffix})").format(suffix=SUFFIX),
    )
    if not path:
        return None
    if not path.endswith(SUFFIX):
        path += SUFFIX
    return Path(path)


def choose_backup_file(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """An existing backup file to verify or restore; None when the clerk cancelled."""
    path = pickers.choose_file(
        parent,
        title,
        str(start),
        QCoreApplication.translate("BackupDialogs", "PRDesk backup files (*{suffix});;All files (*)").format(
            suffix=SUFFIX
        ),
    )
    return Path(path) if path else None


# --- passwords ----------------------------------------------------------------------------------


class NewPasswordDialog(QDialog):
    """Optional password for a new backup file, typed twice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password for the backup file"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        self.use_password = QCheckBox(self.tr("Protect the file with a password"))
        self.use_password.setObjectName("use_password")
        layout.addWidget(self.use_password)
        note = _wrapped(
            self.tr(
                "Use a password when the file leaves this room (a USB stick, another computer). "
                "Without the password nobody can open the file, not even you: write it down and keep it safe."
            )
        )
        note.setObjectName("hint")
        layout.addWidget(note)
        form = QFormLayout()
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.repeat = _password_edit()
        self.repeat.setObjectName("repeat")
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat the password"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make the backup"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.use_password.toggled.connect(self._enable)
        self.password.textEdited.connect(self.error.hide)
        self.repeat.textEdited.connect(self.error.hide)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.password.setEnabled(on)
        self.repeat.setEnabled(on)
        if on:
            self.password.setFocus()

    def chosen_password(self) -> str | None:
        """The password typed, or None for a file without one."""
        return self.password.text() if self.use_password.isChecked() else None

    def problem(self) -> str:
        """Why the typed passwords cannot be used, or an empty string."""
        if not self.use_password.isChecked():
            return ""
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            return self.tr("The password must have at least {count} characters.").format(
                count=to_persian_digits(MIN_PASSWORD_LENGTH)
            )
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords are not the same. Type the password again in both fields.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            # Grow to fit the wrapped lines: a dialog's layout does not ask its labels for the
            # height their wrapped text needs, so the text would otherwise overlap the fields.
            self.layout().activate()
            self.resize(self.width(), max(self.height(), self.layout().totalHeightForWidth(self.width())))
            self.repeat.clear()
            self.password.setFocus()
            self.password.selectAll()
            return
        super().accept()


def ask_new_password(parent: QWidget | None) -> tuple[bool, str | None]:
    """(go on?, password or None for none) for a new backup file."""
    dialog = NewPasswordDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.chosen_password()


class PasswordDialog(QDialog):
    """The password of an encrypted backup file."""

    def __init__(self, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password of the backup file"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        self.text = _wrapped(
            self.tr("The backup file {name} is protected with a password. Type its password.").format(
                name=left_to_right(file_name)
            )
        )
        layout.addWidget(self.text)
        self.password = _password_edit()
        self.password.setObjectName("password")
        layout.addWidget(self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_password(parent: QWidget | None, file_name: str) -> str | None:
    """The password the clerk typed for ``file_name``; None when they cancelled."""
    dialog = PasswordDialog(file_name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password.text()


# --- restore -----------------------------------------------------------------------------------


def _path_label(path: object) -> QLabel:
    """A file or folder path: one left-to-right line, selectable, its start aligned with the text."""
    label = QLabel(str(path))
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName("path")
    return label


def _counts_table(headers: list[str], rows: list[list[str]], bold_rows: set[int] = frozenset()) -> QTableWidget:
    """A small read-only table of row counts, as tall as its rows (no scrolling for a handful)."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if r in bold_rows:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(90)
    for c in range(1, len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    height = header.sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height)
    return table


class RestoreConfirmDialog(QDialog):
    """The backup's date and counts beside the current ones; restoring needs a deliberate click."""

    def __init__(self, preview: RestorePreview, safety_folder: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreConfirm")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(560)
        manifest = preview.backup.manifest
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(8)
        layout.addWidget(_bold(QLabel(self.tr("Replace the current data with this backup?")), 1.2))
        self.when = QLabel(self.tr("Backup taken on {date}").format(date=to_persian_digits(manifest.created_jalali)))
        self.when.setObjectName("backupDate")
        layout.addWidget(self.when)
        layout.addWidget(_path_label(preview.backup.path.name))
        if manifest.organization:
            layout.addWidget(_wrapped(self.tr("Organization: {name}").format(name=manifest.organization)))

        theirs = holdings(manifest.tables)
        ours = dict(holdings(preview.current)) if preview.current is not None else {}
        rows, differ = [], set()
        for index, (title, count) in enumerate(theirs):
            now = ours.get(title)
            rows.append([title, format_count(count), format_count(now) if now is not None else "—"])
            if now is not None and now != count:
                differ.add(index)
        self.table = _counts_table([self.tr("Records"), self.tr("In the backup"), self.tr("Now")], rows, differ)
        self.table.setObjectName("restoreCounts")
        layout.addSpacing(4)
        layout.addWidget(self.table)
        if preview.current is None:
            layout.addWidget(_wrapped(preview.current_problem))

        self.consequence = _wrapped(
            self.tr(
                "Everything entered after the backup was taken will be replaced. The current data is first kept "
                "as a safety copy, which is never deleted automatically."
            )
        )
        self.consequence.setObjectName("pageSentence")
        layout.addSpacing(4)
        layout.addWidget(self.consequence)
        self.later_letters = None
        if preview.later_letters:
            # Their numbers went out on paper: the restore keeps them, so none is issued twice.
            shown = preview.later_letters[:5]
            numbers = "، ".join(f"\u202b{to_persian_digits(entry.number)}\u202c" for entry in shown)  # RLE…PDF: read whole, right to left
            if len(preview.later_letters) > len(shown):
                numbers += "، …"
            self.later_letters = _wrapped(
                self.tr(
                    "{count} letters were numbered after this backup ({numbers}). They stay in the letter register, "
                    "marked as carried over from before the restore, so no number is issued twice."
                ).format(count=to_persian_digits(len(preview.later_letters)), numbers=numbers)
            )
            self.later_letters.setObjectName("laterLetters")
            layout.addWidget(self.later_letters)
        self.safety_folder = None
        if safety_folder is not None:
            layout.addWidget(QLabel(self.tr("Folder of the safety copy:")))
            self.safety_folder = _path_label(safety_folder)
            layout.addWidget(self.safety_folder)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        self.restore_button.setAutoDefault(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter must not replace the data by accident
        cancel.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        # Tall enough for the wrapped sentences at this width: the sizeHint alone leaves them on
        # top of the table when the letters' sentence is there.
        width = max(self.minimumWidth(), self.sizeHint().width())
        self.resize(width, max(self.sizeHint().height(), layout.totalHeightForWidth(width)))


def confirm_restore(parent: QWidget | None, preview: RestorePreview, safety_folder: Path | None) -> bool:
    """Show what comes back beside what is there now; True when the clerk chose Restore."""
    return RestoreConfirmDialog(preview, safety_folder, parent).exec() == QDialog.DialogCode.Accepted


# --- health ------------------------------------------------------------------------------------


class HealthReportDialog(QDialog):
    """The result of the full health check, and the way to a restore when it found damage."""

    def __init__(self, report: HealthReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("healthReport")
        self.setWindowTitle(self.tr("Database health check"))
        self.setMinimumWidth(520)
        self.restore_asked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(8)
        if report.ok:
            verdict = self.tr("The database is sound. Nothing needs to be done.")
        else:
            verdict = self.tr(
                "The database is damaged. Do not enter new data; restore the newest good backup on the Backup page."
            )
        self.verdict = _bold(_wrapped(verdict), 1.15)
        self.verdict.setObjectName("verdict" if report.ok else "fieldError")
        layout.addWidget(self.verdict)
        layout.addWidget(QLabel(self.tr("Database file:")))
        layout.addWidget(_path_label(report.path))
        layout.addWidget(
            QLabel(
                self.tr("Structure version {version} of {latest}").format(
                    version=to_persian_digits(report.schema_version), latest=to_persian_digits(report.latest_schema_version)
                )
            )
        )
        self.checks = [QLabel(check.line()) for check in report.checks]
        for label in self.checks:
            label.setWordWrap(True)
            layout.addWidget(label)
        problems = [p for check in report.checks for p in check.problems]
        self.details = None
        if problems:
            # SQLite's own words, for a technician: left to right, selectable.
            self.details = QPlainTextEdit("\n".join(problems))
            self.details.setReadOnly(True)
            self.details.setObjectName("healthDetails")
            self.details.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.details.setMinimumHeight(120)
            layout.addWidget(self.details)
        if report.tables:
            rows = [[title, format_count(count)] for title, count in holdings(report.tables)]
            self.table = _counts_table([self.tr("Records"), self.tr("Count")], rows)
            layout.addSpacing(4)
            layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if not report.ok:
            restore = buttons.addButton(self.tr("Go to the backups…"), QDialogButtonBox.ButtonRole.ActionRole)
            restore.clicked.connect(self._ask_restore)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addWidget(buttons)

    def _ask_restore(self) -> None:
        self.restore_asked = True
        self.accept()


def show_health_report(parent: QWidget | None, report: HealthReport) -> bool:
    """Show the report; True when the clerk asked to go to the backups to restore one."""
    dialog = HealthReportDialog(report, parent)
    dialog.exec()
    return dialog.restore_asked


# --- damage at start-up ------------------------------------------------------------------------

RESTORE_NEWEST, CHOOSE_FILE, READ_ONLY, QUIT = "restore", "choose", "read_only", "quit"


def ask_about_damage(parent: QWidget | None, problem: CheckResult, newest: BackupFile | None) -> str:
    """What to do with a database that failed its start-up check: one of the four choices above."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("BackupDialogs", "The database is damaged"))
    box.setText(
        QCoreApplication.translate(
            "BackupDialogs",
            "The check at start-up found damage in the database file. To keep it from getting worse, "
            "nothing will be written to it. Restore a good backup to go on working.",
        )
    )
    details = problem.line()
    if newest is not None:
        details += "\n\n" + QCoreApplication.translate("BackupDialogs", "Newest good backup: {name} ({date})").format(
            name=left_to_right(newest.path.name),
            date=backup_time(newest.created),
        )
    else:
        details += "\n\n" + QCoreApplication.translate(
            "BackupDialogs", "No automatic backup was found in the backup folder; choose a backup file yourself."
        )
    box.setInformativeText(details)
    buttons: dict[QPushButton, str] = {}
    if newest is not None:
        newest_button = box.addButton(
            QCoreApplication.translate("BackupDialogs", "Restore the newest good backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        buttons[newest_button] = RESTORE_NEWEST
        box.setDefaultButton(newest_button)
    buttons[box.addButton(QCoreApplication.translate("BackupDialogs", "Choose a backup file…"), QMessageBox.ButtonRole.ActionRole)] = CHOOSE_FILE
    buttons[box.addButton(QCoreApplication.translate("BackupDialogs", "Open read only"), QMessageBox.ButtonRole.ActionRole)] = READ_ONLY
    quit_button = box.addButton(QCoreApplication.translate("BackupDialogs", "Quit"), QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = QUIT
    box.setEscapeButton(quit_button)
    box.exec()
    return buttons.get(box.clickedButton(), QUIT)
