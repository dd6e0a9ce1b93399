"""The first-run wizard: how to start (empty, sample data, a contacts file, a backup), the office, where backups go.

Offered by itself on a new, empty database; File → Set up the office… runs it again at any time.
The pages only collect choices; ``apply_choices`` carries them out through the window's runner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jdatetime
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlite_utils import Database

from prdesk.core.letter_number import format_number
from prdesk.core.text import clean, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.paths import user_data_dir
from prdesk.store import first_run
from prdesk.store.settings import SETTINGS, get_settings, validate_settings
from prdesk.ui.dialogs import pickers

START_EMPTY, START_SAMPLE, START_IMPORT, START_RESTORE = "empty", "sample", "import", "restore"
#: The office fields the wizard asks for, in the order it asks.
OFFICE_KEYS = (
    "org_name_line1", "org_name_line2", "org_name_line3", "org_province", "org_city", "logo_path",
    "signatory_name", "signatory_position", "letter_unit_code", "letter_number_pattern",
)
#: Letter-number patterns offered by name; the one already saved is offered too.
PATTERNS = ("{seq}/ص/{yyyy}", "{seq}/{type}/{yy}", "{unit}/{seq}/{yyyy}", "{yy}/{unit}/{seq:4}", "{type}/{yyyy}/{seq:5}")
_WARNED_KEY = "first_run/letterhead_warned"
_DEFAULTS = {s.key: s.default for s in SETTINGS}


def token_names() -> dict[str, str]:
    """The Persian name of each letter-number token, as the wizard shows it instead of ``{seq}``."""
    return {
        "seq": QCoreApplication.translate("FirstRun", "serial number"),
        "type": QCoreApplication.translate("FirstRun", "letter type"),
        "unit": QCoreApplication.translate("FirstRun", "unit code"),
        "yy": QCoreApplication.translate("FirstRun", "two-digit year"),
        "yyyy": QCoreApplication.translate("FirstRun", "year"),
    }


def describe_pattern(pattern: str) -> str:
    """``{seq}/ص/{yyyy}`` in words: «شمارهٔ ترتیبی / ص / سال»; a padded serial says how many digits."""
    import re

    names = token_names()

    def word(match: re.Match) -> str:
        name = names.get(match.group(1), match.group(0))
        if match.group(2):
            name = QCoreApplication.translate("FirstRun", "{name}, {digits} digits").format(
                name=name, digits=to_persian_digits(match.group(2)))
        return f"«{name}»"

    return re.sub(r"\{(\w+)(?::(\d+))?\}", word, pattern).replace("/", " / ")


def example_number(pattern: str, unit: str, type_code: str = "ص", today: dt.date | None = None) -> str:
    """The 1,234th letter of this Jalali year under ``pattern``, with Persian digits."""
    year = jdatetime.date.fromgregorian(date=today or dt.date.today()).year
    return to_persian_digits(format_number(pattern, seq=1234, year=year, type_code=type_code, unit=unit or "۱۲۰"))


def letterhead_unfinished(settings: dict[str, str]) -> bool:
    """True while the letterhead still reads as shipped: no signatory, or the office's name left generic."""
    return not clean(settings.get("signatory_name", "")) or (
        clean(settings.get("org_name_line3", "")) == _DEFAULTS["org_name_line3"]
    )


def warn_unfinished_letterhead(parent: QWidget, db: Database) -> bool:
    """Say once (per user) that letters print with a generic letterhead until the office is filled in.

    Not modal: the letter goes on being shown. True when the warning was shown now.
    """
    settings = QSettings()
    if settings.value(_WARNED_KEY, False, type=bool) or not letterhead_unfinished(get_settings(db)):
        return False
    settings.setValue(_WARNED_KEY, True)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("FirstRun", "The letterhead is not filled in yet"),
        QCoreApplication.translate(
            "FirstRun",
            "This letter prints with the general letterhead: the name of your office or the signatory is "
            "still missing. Fill them in under File → Set up the office… or on the Settings tab; letters "
            "printed afterwards carry them.",
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("letterheadWarning")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return True


@dataclass
class Choices:
    """What the clerk chose in the wizard."""

    start: str = START_EMPTY
    file: Path | None = None
    settings: dict[str, str] = field(default_factory=dict)


# --- pages ------------------------------------------------------------------------------------


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #b3261e;")
    label.setWordWrap(True)
    label.hide()
    return label


class StartPage(QWizardPage):
    """How to begin: empty, sample data, a contacts file, or a backup."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to PRDesk"))
        self.setSubTitle(self.tr("How would you like to begin? You can change everything later."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key, text in (
            (START_EMPTY, self.tr("Start with an empty desk")),
            (START_SAMPLE, self.tr("Load sample data to try the program (a small made-up office)")),
            (START_IMPORT, self.tr("Import my contacts from an Excel or CSV file")),
            (START_RESTORE, self.tr("Restore a backup made with PRDesk (e.g. from the old computer)")),
        ):
            button = QRadioButton(text)
            button.setObjectName(f"start_{key}")
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons[START_EMPTY].setChecked(True)
        row = QHBoxLayout()
        self.file = QLineEdit()
        self.file.setObjectName("startFile")
        self.file.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setObjectName("chooseStartFile")
        self.browse.clicked.connect(self.choose_file)
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        layout.addSpacing(8)
        self.file_caption = QLabel()
        layout.addWidget(self.file_caption)
        layout.addLayout(row)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._update)
        self.file.textChanged.connect(lambda _text: self.completeChanged.emit())
        self._update()

    def start(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def needs_file(self) -> bool:
        return self.start() in (START_IMPORT, START_RESTORE)

    def chosen_file(self) -> Path | None:
        text = clean(self.file.text())
        return Path(text) if text and self.needs_file() else None

    def _update(self, *_args) -> None:
        needs = self.needs_file()
        for widget in (self.file, self.browse, self.file_caption):
            widget.setVisible(needs)
        self.file_caption.setText(
            self.tr("The backup file (.prdesk-backup):") if self.start() == START_RESTORE
            else self.tr("The contacts file (Excel .xlsx or .csv):")
        )
        self.error.hide()
        self.completeChanged.emit()

    def choose_file(self) -> None:
        if self.start() == START_RESTORE:
            title, name_filter = self.tr("Choose the backup file"), self.tr("PRDesk backups (*.prdesk-backup)")
        else:
            title, name_filter = self.tr("Choose the contacts file"), self.tr("Excel or CSV (*.xlsx *.csv)")
        path = pickers.choose_file(self, title, self.file.text(), name_filter)
        if path:
            self.file.setText(path)

    def isComplete(self) -> bool:
        return not self.needs_file() or bool(clean(self.file.text()))

    def validatePage(self) -> bool:
        path = self.chosen_file()
        if path is not None and not path.is_file():
            self.error.setText(self.tr("The file «{name}» was not found. Choose it again with «Choose…».")
                               .format(name=path.name))
            self.error.show()
            return False
        return True

    def nextId(self) -> int:
        # A backup brings its own office and settings: nothing more to ask.
        return -1 if self.start() == START_RESTORE else FirstRunWizard.OFFICE


class OfficePage(QWizardPage):
    """The office on the letterhead, the signatory, and how letters are numbered."""

    def __init__(self, settings: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("These lines head every letter. Fill in what you know; the Settings tab changes them later."))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        labels = {
            "org_name_line1": self.tr("Letterhead, line 1"),
            "org_name_line2": self.tr("Letterhead, line 2"),
            "org_name_line3": self.tr("Letterhead, line 3 (your office)"),
            "org_province": self.tr("Province"),
            "org_city": self.tr("City"),
            "logo_path": self.tr("Logo (image file)"),
            "signatory_name": self.tr("Signatory"),
            "signatory_position": self.tr("Signatory's position"),
            "letter_unit_code": self.tr("Unit code (in the number)"),
        }
        for key in OFFICE_KEYS:
            if key == "letter_number_pattern":
                self._pattern_rows(form, settings)
                continue
            edit = QLineEdit(settings.get(key, ""))
            edit.setObjectName(key)
            self.edits[key] = edit
            widget: QWidget = edit
            if key == "logo_path":
                edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                holder = QWidget()
                row = QHBoxLayout(holder)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(edit, 1)
                browse = QPushButton(self.tr("Choose…"))
                browse.setObjectName("chooseLogo")
                browse.clicked.connect(self.choose_logo)
                row.addWidget(browse)
                widget = holder
            if key == "letter_unit_code":
                edit.textChanged.connect(self._show_example)
            form.addRow(labels[key], widget)
            self.errors[key] = _error_label()
            form.addRow("", self.errors[key])
        if not clean(settings.get("org_name_line3", "")) or settings.get("org_name_line3") == _DEFAULTS["org_name_line3"]:
            self.edits["org_name_line3"].setPlaceholderText(self.tr("e.g. General Directorate of Cooperatives of Yazd Province"))
        self._show_example()

    def _pattern_rows(self, form: QFormLayout, settings: dict[str, str]) -> None:
        self.pattern = QComboBox()
        self.pattern.setObjectName("letter_number_pattern")
        saved = settings.get("letter_number_pattern") or PATTERNS[0]
        for pattern in (saved, *[p for p in PATTERNS if p != saved]):
            self.pattern.addItem(describe_pattern(pattern), pattern)
        self.pattern.currentIndexChanged.connect(self._show_example)
        form.addRow(self.tr("Letter number"), self.pattern)
        self.example = QLabel()
        self.example.setObjectName("numberExample")
        form.addRow("", self.example)
        legend = QLabel(self.tr(
            "«serial number» counts the letters of the year from one; «letter type» is ص for outgoing "
            "letters; «unit code» is the code of your unit given above; «year» is the Jalali year."
        ))
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        form.addRow("", legend)
        self.errors["letter_number_pattern"] = _error_label()

    def _show_example(self, *_args) -> None:
        unit = self.edits["letter_unit_code"].text() if "letter_unit_code" in self.edits else ""
        try:
            number = example_number(self.pattern.currentData(), unit)
        except ValidationError as exc:
            self.example.setText(str(exc))
            return
        self.example.setText(self.tr("For example, the 1234th letter of this year gets: {number}").format(number=number))

    def choose_logo(self) -> None:
        path = pickers.choose_file(self, self.tr("Choose the logo"), self.edits["logo_path"].text(),
                                   self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.edits["logo_path"].setText(path)

    def values(self) -> dict[str, str]:
        values = {key: edit.text() for key, edit in self.edits.items()}
        values["letter_number_pattern"] = self.pattern.currentData()
        return values

    def validatePage(self) -> bool:
        for label in self.errors.values():
            label.hide()
        logo = clean(self.edits["logo_path"].text())
        if logo and not Path(logo).is_file():
            return self._refuse("logo_path", self.tr("The logo file was not found. Choose it again or leave the field empty."))
        try:
            validate_settings(self.values())
        except ValidationError as exc:
            return self._refuse(exc.field or "org_name_line1", str(exc))
        return True

    def _refuse(self, key: str, text: str) -> bool:
        label = self.errors.get(key) or self.errors["org_name_line1"]
        label.setText(text)
        label.show()
        if key in self.edits:
            self.edits[key].setFocus(Qt.FocusReason.OtherFocusReason)
        return False


class BackupPage(QWizardPage):
    """Where the automatic backups go."""

    def __init__(self, settings: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Automatic backups"))
        self.setSubTitle(self.tr("PRDesk backs up your data when you close it and every half hour while something changes."))
        layout = QVBoxLayout(self)
        self.default = user_data_dir() / "backups"
        layout.addWidget(QLabel(self.tr("Folder for the backups:")))
        row = QHBoxLayout()
        self.folder = QLineEdit(settings.get("backup_folder", ""))
        self.folder.setObjectName("backup_folder")
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.folder.setPlaceholderText(str(self.default))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("chooseBackupFolder")
        browse.clicked.connect(self.choose_folder)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        hint = QLabel(self.tr(
            "Left empty, the backups stay in the program's data folder on this computer. A folder on "
            "another disk, a USB stick or the office's file server keeps them safe when this computer fails."
        ))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def choose_folder(self) -> None:
        path = pickers.choose_folder(self, self.tr("Choose the backup folder"), self.folder.text() or str(self.default))
        if path:
            self.folder.setText(path)

    def validatePage(self) -> bool:
        text = clean(self.folder.text())
        if not text:
            return True
        try:
            Path(text).mkdir(parents=True, exist_ok=True)
        except OSError:
            self.error.setText(self.tr("The folder «{folder}» cannot be made here. Choose another folder.").format(folder=text))
            self.error.show()
            return False
        return True


class FirstRunWizard(QWizard):
    """Three short pages; the answers are read with ``choices()`` after ``exec()``."""

    START, OFFICE, BACKUP = range(3)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Set up PRDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Finish on every page: a restore ends on the first page, and anything left is for later.
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        settings = get_settings(db)
        self.start_page = StartPage()
        self.office_page = OfficePage(settings)
        self.backup_page = BackupPage(settings)
        self.setPage(self.START, self.start_page)
        self.setPage(self.OFFICE, self.office_page)
        self.setPage(self.BACKUP, self.backup_page)
        self.resize(680, 620)

    def choices(self) -> Choices:
        start = self.start_page.start()
        if start == START_RESTORE:
            return Choices(start, self.start_page.chosen_file())
        values = self.office_page.values()
        values["backup_folder"] = clean(self.backup_page.folder.text())
        return Choices(start, self.start_page.chosen_file(), values)


# --- carrying the choices out -------------------------------------------------------------------


def run_wizard(window) -> Choices | None:
    """Show the wizard over ``window`` and carry out what was chosen; None when it was closed."""
    wizard = FirstRunWizard(window.db, window)
    accepted = wizard.exec() == QWizard.DialogCode.Accepted
    db = window.db
    window.runner.run(lambda: first_run.mark_done(db), area="settings")
    if not accepted:
        return None
    choices = wizard.choices()
    apply_choices(window, choices)
    return choices


def apply_choices(window, choices: Choices) -> bool:
    """Save the office, then begin as chosen (sample data, the import dialog, or a restore)."""
    db = window.db
    if choices.settings:
        outcome = window.runner.run(lambda: _save(db, choices.settings), area="settings")
        if not outcome.ok:
            return False
    if choices.start == START_SAMPLE:
        from prdesk.store.demo import fill_demo

        outcome = window.runner.run(lambda: fill_demo(db, "small"), area="contacts")
        if outcome.ok:
            window.bus.announce("calendar", "meetings", "messages", "letters", "today")
        return outcome.ok
    if choices.start == START_IMPORT and choices.file is not None:
        window.show_page("contacts")
        dialog = window.pages["contacts"].open_import()
        dialog.load_file(choices.file)
        return True
    if choices.start == START_RESTORE and choices.file is not None:
        return window.restore_backup_file(choices.file)
    return True


def _save(db: Database, values: dict[str, str]) -> set[str]:
    from prdesk.store.settings import update_settings

    return update_settings(db, values)
