"""Importing the office's sheet (CSV or XLSX): guessed columns the clerk can change, preview, progress, summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.contacts import IMPORT_FIELD_BY_KEY, IMPORT_FIELDS, guess_mapping
from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import PrdeskError, ValidationError
from prdesk.store.contacts_io import ImportSummary, Sheet, import_contacts, preview
from prdesk.store.db import connect
from prdesk.ui import i18n
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.pages.base import PageContext
from prdesk.ui.workers import WorkerDialog

PREVIEW_ROWS = 10


class ImportDialog(WorkerDialog):
    """Choose a file, check which column goes where, import in one transaction, read the summary."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import contacts from a file"))
        self.context = context
        self.path: Path | None = None
        self.sheet: Sheet | None = None
        self.summary: ImportSummary | None = None
        self.combos: list[QComboBox] = []

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(self.tr(
            "Choose an Excel workbook (xlsx) or a CSV file. The first row should hold the column names; "
            "check below where each column goes, then import. The whole file is imported in one go: "
            "if you cancel, nothing is changed."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        file_row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("file")
        self.file_edit.setReadOnly(True)
        self.file_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.file_edit.setPlaceholderText(self.tr("No file chosen yet"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.clicked.connect(self.choose_file)
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        layout.addLayout(file_row)

        encoding_row = QHBoxLayout()
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("encoding")
        self.encoding_combo.addItem(self.tr("Decide from the file"), None)
        self.encoding_combo.addItem(self.tr("Unicode text (UTF-8)"), "utf-8")
        self.encoding_combo.addItem(self.tr("Windows Arabic/Persian text (Windows-1256)"), "windows-1256")
        self.encoding_combo.setToolTip(self.tr(
            "How the characters of a CSV file are stored. If the names in the preview look garbled, choose the other one."
        ))
        self.encoding_combo.currentIndexChanged.connect(self._encoding_changed)
        encoding_row.addWidget(QLabel(self.tr("Characters of a CSV file:")))
        encoding_row.addWidget(self.encoding_combo)
        encoding_row.addStretch(1)
        layout.addLayout(encoding_row)

        self.info = QLabel()
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        mapping_caption = QLabel(self.tr("Where each column goes"))
        mapping_caption.setObjectName("caption")
        layout.addWidget(mapping_caption)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setObjectName("mapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First value"), self.tr("Goes into")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # holds the field combos: never squeezed
        layout.addWidget(self.mapping_table, 2)

        preview_caption = QLabel(self.tr("The first rows of the file"))
        preview_caption.setObjectName("caption")
        layout.addWidget(preview_caption)
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setObjectName("preview")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        layout.addWidget(self.preview_table, 2)

        self.summary_view = QPlainTextEdit()
        self.summary_view.setObjectName("summary")
        self.summary_view.setReadOnly(True)
        self.summary_view.hide()
        layout.addWidget(self.summary_view, 2)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("closeButton")
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 680)

    # --- choosing and reading the file ------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        path = pickers.choose_file(
            self, self.tr("Choose the file to import"), start,
            self.tr("Sheets (*.xlsx *.csv *.txt);;All files (*)"),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        """Read the header and first rows of ``path`` and guess the columns; False when it cannot be read."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.summary_view.hide()
        self.error.hide()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.sheet = preview(self.path, PREVIEW_ROWS, self.encoding())
        except PrdeskError as exc:
            self.sheet = None
            self._show_error(str(exc))
            self.mapping_table.setRowCount(0)
            self.preview_table.setRowCount(0)
            self.preview_table.setColumnCount(0)
            self.info.clear()
            self.import_button.setEnabled(False)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self._fill_mapping(self.sheet)
        self._fill_preview(self.sheet)
        info = self.tr("{rows} rows under the header (row {header} of the file); read as {encoding}.").format(
            rows=to_persian_digits(self.sheet.total),
            header=to_persian_digits(self.sheet.header_row),
            encoding=self._encoding_name(self.sheet.encoding),
        )
        if self.sheet.unreadable:
            info += " " + self.tr(
                "{count} rows hold bytes that are not characters in this encoding; they will be skipped and listed."
            ).format(count=to_persian_digits(self.sheet.unreadable))
        self.info.setText(info)
        self.import_button.setEnabled(True)
        return True

    def encoding(self) -> str | None:
        """The encoding the clerk chose for a CSV file, or None to decide from the file."""
        return self.encoding_combo.currentData()

    def _encoding_changed(self) -> None:
        if self.path is not None and self.task is None:
            self.load_file(self.path)

    def _encoding_name(self, encoding: str) -> str:
        return {
            "xlsx": self.tr("an Excel workbook"),
            "cp1256": self.tr("Windows Arabic/Persian text (Windows-1256)"),
            "utf-16": self.tr("Unicode text (UTF-16)"),
        }.get(encoding, self.tr("Unicode text (UTF-8)"))

    def _field_name(self, key: str) -> str:
        field = IMPORT_FIELD_BY_KEY[key]
        return field.header if i18n.current_language() == "en" else field.persian

    def _fill_mapping(self, sheet: Sheet) -> None:
        guessed = guess_mapping(sheet.headers)
        self.combos = []
        self.mapping_table.setRowCount(len(sheet.headers))
        for index, header in enumerate(sheet.headers):
            first = next((row[index] for row in sheet.rows if index < len(row) and row[index]), "")
            self.mapping_table.setItem(index, 0, QTableWidgetItem(header or self.tr("(no name)")))
            self.mapping_table.setItem(index, 1, QTableWidgetItem(to_persian_digits(first)))
            combo = QComboBox()
            combo.setObjectName(f"mapping_{index}")
            combo.addItem(self.tr("(do not import)"), "")
            for field in IMPORT_FIELDS:
                combo.addItem(self._field_name(field.key), field.key)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(index, ""))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.mapping_table.resizeRowsToContents()

    def _fill_preview(self, sheet: Sheet) -> None:
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(sheet.headers))
        self.preview_table.setRowCount(len(sheet.rows))
        self._preview_headers()
        for r, row in enumerate(sheet.rows):
            for c in range(len(sheet.headers)):
                self.preview_table.setItem(r, c, QTableWidgetItem(to_persian_digits(row[c]) if c < len(row) else ""))
        self.preview_table.setVerticalHeaderLabels([to_persian_digits(n + 1) for n in range(len(sheet.rows))])
        self.preview_table.resizeColumnsToContents()
        for c in range(self.preview_table.columnCount()):
            self.preview_table.setColumnWidth(c, min(self.preview_table.columnWidth(c), 260))

    def _preview_headers(self) -> None:
        if self.sheet is None:
            return
        labels = []
        for index, header in enumerate(self.sheet.headers):
            key = self.combos[index].currentData() if index < len(self.combos) else ""
            if key:
                labels.append(header + "\n" + self.tr("into: {field}").format(field=self._field_name(key)))
            else:
                labels.append(header + "\n" + self.tr("(not imported)"))
        self.preview_table.setHorizontalHeaderLabels(labels)

    def _mapping_changed(self) -> None:
        self.error.hide()
        self._preview_headers()

    def mapping(self) -> dict[int, str]:
        """Column index → import field, as the combos say now."""
        return {index: combo.currentData() for index, combo in enumerate(self.combos) if combo.currentData()}

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # --- importing ----------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import the file on a worker thread behind a progress dialog with Cancel."""
        if self.path is None or self.sheet is None or self.task is not None:
            return
        # The worker writes through its own connection, past the window's runner: ask the runner first.
        refusal = getattr(self.context.runner, "refusal", "")
        if refusal:
            self._show_error(refusal)
            messages.show_error(self, refusal, title=self.tr("The file was not imported"))
            return
        self.error.hide()
        path, mapping, encoding = self.path, self.mapping(), self.encoding()
        db_path = self.context.db_path

        def work(progress):
            # A sqlite3 connection belongs to the thread that opened it: the worker opens its own.
            db = connect(db_path)
            try:
                return import_contacts(db, path, mapping, progress, encoding)
            finally:
                db.close()

        self.start_task(
            work,
            label=self.tr("Importing the contacts of «{name}»…").format(name=left_to_right(path.name)),
            title=self.tr("Importing"),
            name="importProgress",
            maximum=max(1, self.sheet.total),
            minimum_duration=0,
        )
        self.progress.show()

    def cancel_task(self) -> None:
        """Stop the import; its one transaction rolls back and the database stays as it was."""
        super().cancel_task()
        if self.task is not None and self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling; nothing will be changed…"))

    def _set_running(self, running: bool) -> None:
        self.choose_button.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.import_button.setEnabled(not running and self.sheet is not None)

    def _finished(self, summary: ImportSummary) -> None:
        self._end_task()
        self.summary = summary
        self.summary_view.setPlainText(summary.describe())
        self.summary_view.show()
        if summary.cancelled:
            self.context.show_status(self.tr("The import was cancelled; nothing was changed."))
            return
        if summary.imported or summary.updated:
            self.context.bus.announce("contacts")
        self.context.show_status(self.tr("Import finished: {added} new, {updated} updated, {skipped} rows skipped.").format(
            added=to_persian_digits(summary.imported),
            updated=to_persian_digits(summary.updated),
            skipped=to_persian_digits(len(summary.skipped)),
        ))

    def _failed(self, exc: Exception) -> None:
        self._end_task()
        if isinstance(exc, ValidationError):
            self._show_error(str(exc))  # beside the mapping, where it is corrected
            return
        if isinstance(exc, PrdeskError):
            self._show_error(str(exc))
            messages.show_error(self, str(exc), title=self.tr("The file was not imported"))
            return
        raise exc
