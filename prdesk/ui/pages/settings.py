"""The backup-and-settings page: a Backup tab and a Settings tab (letterhead, numbering, paper, language)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store.settings import get_settings, update_settings
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.pages.backup import BackupPanel
from prdesk.ui.pages.base import Page
from prdesk.ui.widgets.form_row import add_field_row

HEADER_LINES = ("date", "number", "attachment")


@dataclass
class _Field:
    """One edited setting: how to read and show its value, what to focus, where its error goes."""

    get: Callable[[], str]
    set: Callable[[str], None]
    editor: QWidget
    error: QLabel


class SettingsPage(Page):
    """Backups in one tab; in the other, prdesk.store.settings, saved all at once in one transaction."""

    key = "settings"
    areas = ("settings",)
    #: The tabs, in order.
    TABS = ("backup", "settings")

    def title(self) -> str:
        return self.tr("Backup and settings")

    def build(self) -> None:
        self.fields: dict[str, _Field] = {}
        self._captions: list[QLabel] = []
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.backup = BackupPanel(self.context)
        self.settings_tab = QWidget()
        self.settings_tab.setObjectName("settingsTab")
        tab_layout = QVBoxLayout(self.settings_tab)
        tab_layout.setContentsMargins(4, 10, 8, 8)
        self.tabs.addTab(self.backup, self.tr("Backup"))
        self.tabs.addTab(self.settings_tab, self.tr("Settings"))
        self.layout_.addWidget(self.tabs, 1)

        form_holder = QWidget()
        form_holder.setObjectName("settingsForm")
        column = QVBoxLayout(form_holder)
        column.setContentsMargins(10, 0, 10, 0)
        column.setSpacing(14)

        form = self._group(column, self.tr("Letterhead"))
        self._line(form, "org_name_line1", self.tr("Organization name, line 1"))
        self._line(form, "org_name_line2", self.tr("Organization name, line 2"))
        self._line(form, "org_name_line3", self.tr("Organization name, line 3"))
        self._line(form, "org_province", self.tr("Province"))
        self._line(form, "org_city", self.tr("City"))
        self._line(form, "org_address", self.tr("Address"))
        self._line(form, "org_postal_code", self.tr("Postal code"), digits=True, placeholder=self.tr("10 digits"))
        self._line(form, "org_phone", self.tr("Phone"), digits=True, placeholder=self.tr("with area code"))
        self._line(form, "org_fax", self.tr("Fax"), digits=True, placeholder=self.tr("with area code"))
        self._line(form, "org_website", self.tr("Website"), left_to_right=True, placeholder="www.example.ir")
        self._path(form, "logo_path", self.tr("Logo"), self._choose_logo)

        form = self._group(column, self.tr("Signatory"))
        self._line(form, "signatory_name", self.tr("Name"))
        self._line(form, "signatory_position", self.tr("Position"))

        form = self._group(column, self.tr("Letter numbering"))
        self._line(
            form,
            "letter_number_pattern",
            self.tr("Number pattern"),
            hint=self.tr(
                "{seq} sequence number, {type} letter type code, {unit} unit code, "
                "{yyyy} four-digit year, {yy} two-digit year"
            ),
        )
        self._line(form, "letter_type_code", self.tr("Letter type code"))
        self._line(form, "letter_unit_code", self.tr("Unit code"))
        names = {"date": self.tr("Date"), "number": self.tr("Number"), "attachment": self.tr("Attachment")}
        self._combo(
            form,
            "letter_header_order",
            self.tr("Order of the header lines"),
            [
                (",".join(order), self.tr("{0}, {1}, {2}").format(*(names[line] for line in order)))
                for order in itertools.permutations(HEADER_LINES)
            ],
        )

        form = self._group(column, self.tr("Paper and backups"))
        self._combo(
            form,
            "paper_size",
            self.tr("Paper size"),
            [("A4", self.tr("A4 (210 × 297 mm)")), ("A5", self.tr("A5 (148 × 210 mm)"))],
        )
        self._path(form, "backup_folder", self.tr("Backup folder"), self._choose_backup_folder)

        form = self._group(column, self.tr("Calendar and language"))
        self._lunar_correction(form)
        self._combo(
            form,
            "ui_language",
            self.tr("Language of the window"),
            # Each language is named in itself, so these two are not translated.
            [("fa", "فارسی"), ("en", "English")],
            hint=self.tr("When you save, the window is rebuilt at once in the chosen language."),
        )
        column.addStretch(1)
        # One label column across all groups, so the fields of every group line up.
        width = max(caption.sizeHint().width() for caption in self._captions)
        for caption in self._captions:
            caption.setMinimumWidth(width)

        self.scroll = QScrollArea()
        self.scroll.setWidget(form_holder)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        tab_layout.addWidget(self.scroll, 1)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the settings (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.setToolTip(self.tr("Show the saved settings again"))
        self.revert_button.clicked.connect(self.reload)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        tab_layout.addLayout(buttons)

        self.save_action = QAction(self.tr("Save"), self.settings_tab)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.settings_tab.addAction(self.save_action)

        self.reload()

    def show_tab(self, key: str) -> None:
        """Show the "backup" or the "settings" tab."""
        self.tabs.setCurrentIndex(self.TABS.index(key))

    def current_tab(self) -> str:
        """The key of the tab shown now."""
        return self.TABS[self.tabs.currentIndex()]

    # --- building the form ---------------------------------------------------------------

    def _group(self, column: QVBoxLayout, title: str) -> QFormLayout:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setContentsMargins(16, 14, 16, 14)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        column.addWidget(group)
        return form

    def _row(self, form: QFormLayout, key: str, label: str, editor: QWidget, *extra: QWidget, hint: str = "") -> QLabel:
        """Add one row: the editor (with any buttons), a hint, and an error line hidden until needed."""
        # Captions as tall as the editor: the label stays beside the editor, not beside the middle of
        # editor, hint and error together.
        row = add_field_row(
            form, key, label, editor, *extra, hint=hint, spacing=3, caption_height=editor.sizeHint().height()
        )
        self._captions.append(row.caption)
        return row.error

    def _line(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        *,
        digits: bool = False,
        left_to_right: bool = False,
        placeholder: str = "",
        hint: str = "",
    ) -> QLineEdit:
        edit = QLineEdit()
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if digits or left_to_right:
            # Numbers, addresses and paths read left to right even inside the Persian form;
            # aligned to the right so they sit next to their label.
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif self.isRightToLeft():
            # A value of digits only (a unit code «۱۲») has no direction of its own; without an
            # absolute alignment it would jump to the far side of the Persian form.
            edit.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        show = to_persian_digits if digits else str
        error = self._row(form, key, label, edit, hint=hint)
        edit.textEdited.connect(error.hide)
        self.fields[key] = _Field(edit.text, lambda value: edit.setText(show(value)), edit, error)
        return edit

    def _path(self, form: QFormLayout, key: str, label: str, choose: Callable[[], None]) -> None:
        edit = QLineEdit()
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        button = QPushButton(self.tr("Choose…"))
        button.setObjectName(f"{key}_choose")
        button.clicked.connect(choose)
        error = self._row(form, key, label, edit, button)
        edit.textEdited.connect(error.hide)
        self.fields[key] = _Field(edit.text, edit.setText, edit, error)

    def _combo(self, form: QFormLayout, key: str, label: str, items: list[tuple[str, str]], hint: str = "") -> None:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value)
        error = self._row(form, key, label, combo, hint=hint)
        combo.currentIndexChanged.connect(error.hide)
        self.fields[key] = _Field(lambda: combo.currentData() or "", lambda value: combo.setCurrentIndex(combo.findData(value)), combo, error)

    def _lunar_correction(self, form: QFormLayout) -> None:
        spin = QSpinBox()
        spin.setRange(-2, 2)
        spin.setSuffix(self.tr(" day(s)"))
        spin.setMinimumWidth(110)
        holder = QWidget()  # keeps the small spin box from stretching across the form
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(spin)
        row.addStretch(1)
        error = self._row(
            form,
            "lunar_correction",
            self.tr("Lunar date correction"),
            holder,
            hint=self.tr(
                "Lunar dates beyond Iran's official table are estimated from the first visibility of the crescent "
                "and may be a day off. When the announced first day of a lunar month differs, set the difference "
                "here: +1 if the month began a day earlier than shown, -1 if a day later."
            ),
        )
        holder.setObjectName("lunar_correction_row")
        spin.setObjectName("lunar_correction")
        spin.valueChanged.connect(error.hide)
        self.fields["lunar_correction"] = _Field(lambda: str(spin.value()), lambda value: spin.setValue(int(value)), spin, error)

    # --- pickers ---------------------------------------------------------------------------

    def _choose_logo(self) -> None:
        field = self.fields["logo_path"]
        path = pickers.choose_file(
            self, self.tr("Choose the logo"), field.get(), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            field.set(path)

    def _choose_backup_folder(self) -> None:
        field = self.fields["backup_folder"]
        path = pickers.choose_folder(self, self.tr("Choose the backup folder"), field.get())
        if path:
            field.set(path)

    # --- loading and saving ------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """What the form holds now, one value per setting."""
        return {key: field.get() for key, field in self.fields.items()}

    def reload(self) -> None:
        self.clear_errors()
        for key, value in get_settings(self.context.db).items():
            if key in self.fields:
                self.fields[key].set(value)

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.error.clear()
            field.error.hide()

    def show_field_error(self, exc: ValidationError) -> None:
        """Show a refused value's message under its field and put the cursor there."""
        field = self.fields.get(exc.field or "")
        if field is None:
            messages.show_error(self, str(exc), title=self.tr("Please check the value"))
        else:
            field.error.setText(str(exc))
            field.error.show()
            self.show_tab("settings")
            field.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(field.editor)
        self.context.show_status(self.tr("Nothing was saved; correct the marked value and save again."))

    def save(self) -> None:
        """Validate and save every setting in one transaction; nothing is saved if one is refused."""
        self.clear_errors()
        changes = self.values()
        db = self.context.db
        outcome = self.context.runner.run(
            lambda: update_settings(db, changes), area="settings", on_invalid=self.show_field_error
        )
        if outcome.ok:
            self.context.show_status(
                self.tr("Settings saved.") if outcome.value else self.tr("Nothing to save: the settings were already like this.")
            )
