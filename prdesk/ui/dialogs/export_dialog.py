"""Exporting the directory, or what the list shows now, to Excel, CSV or a vCard file for phones."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.contacts import ContactFilter
from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import PrdeskError
from prdesk.store.contacts_io import export_contacts
from prdesk.store.db import connect
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.pages.base import PageContext
from prdesk.ui.workers import WorkerDialog

FORMATS = ("xlsx", "csv", "vcf")


class ExportDialog(WorkerDialog):
    """What to export (all or the current list), which records, which format; then where."""

    def __init__(
        self,
        context: PageContext,
        current: ContactFilter,
        current_count: int,
        *,
        organizations: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export contacts"))
        self.context = context
        self.current = current
        self.written: int | None = None
        self.path: Path | None = None
        layout = QVBoxLayout(self)

        which = QGroupBox(self.tr("Which contacts"))
        column = QVBoxLayout(which)
        self.everything = QRadioButton(self.tr("Everything in the contacts"))
        self.everything.setObjectName("everything")
        self.filtered = QRadioButton(
            self.tr("Only what the list shows now ({count})").format(count=to_persian_digits(current_count))
        )
        self.filtered.setObjectName("filtered")
        self._group(column, self.everything, self.filtered)
        filtered_now = current != ContactFilter()
        (self.filtered if filtered_now else self.everything).setChecked(True)
        self.filtered.setEnabled(filtered_now)
        layout.addWidget(which)

        what = QGroupBox(self.tr("What"))
        column = QVBoxLayout(what)
        self.scopes = {
            "directory": QRadioButton(self.tr("People with their organizations, every field (can be imported back)")),
            "people": QRadioButton(self.tr("People, the columns of the list")),
            "organizations": QRadioButton(self.tr("Organizations")),
        }
        for key, button in self.scopes.items():
            button.setObjectName(f"scope_{key}")
        self._group(column, *self.scopes.values())
        self.scopes["organizations" if organizations else "directory"].setChecked(True)
        layout.addWidget(what)

        kind = QGroupBox(self.tr("Format"))
        column = QVBoxLayout(kind)
        self.formats = {
            "xlsx": QRadioButton(self.tr("Excel workbook (xlsx)")),
            "csv": QRadioButton(self.tr("CSV text for Excel and other programs (csv)")),
            "vcf": QRadioButton(self.tr("vCard for phones, Outlook and Thunderbird (vcf)")),
        }
        for key, button in self.formats.items():
            button.setObjectName(f"format_{key}")
        self._group(column, *self.formats.values())
        self.formats["xlsx"].setChecked(True)
        layout.addWidget(kind)

        note = QLabel(self.tr("Cells that start with =, +, - or @ are written so that Excel never runs them as formulas."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)

        self.outcome = QLabel()
        self.outcome.setObjectName("fieldError")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        layout.addWidget(self.outcome)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _group(self, column: QVBoxLayout, *buttons: QRadioButton) -> None:
        group = QButtonGroup(self)
        for button in buttons:
            group.addButton(button)
            column.addWidget(button)

    # --- choices ------------------------------------------------------------------------------

    def chosen_format(self) -> str:
        return next(key for key, button in self.formats.items() if button.isChecked())

    def chosen_scope(self) -> str:
        return next(key for key, button in self.scopes.items() if button.isChecked())

    def chosen_filter(self) -> ContactFilter:
        return self.current if self.filtered.isChecked() else ContactFilter()

    # --- exporting ----------------------------------------------------------------------------

    def export(self) -> None:
        """Ask where, then write the file on a worker thread."""
        if self.task is not None:
            return
        fmt = self.chosen_format()
        filters = {
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "csv": self.tr("CSV file (*.csv)"),
            "vcf": self.tr("vCard file (*.vcf)"),
        }
        start = str(Path.home() / f"{self.tr('contacts')}.{fmt}")
        chosen = pickers.choose_save_path(self, self.tr("Save the export as"), start, filters[fmt])
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self.path = path
        self.outcome.hide()
        f, scope = self.chosen_filter(), self.chosen_scope()
        db_path = self.context.db_path

        def work(progress):
            db = connect(db_path)  # the worker's own connection, closed on its own thread
            try:
                return export_contacts(db, path, fmt, f, scope, progress)
            finally:
                db.close()

        self.start_task(
            work,
            label=self.tr("Writing «{name}»…").format(name=left_to_right(path.name)),
            title=self.tr("Exporting"),
            name="exportProgress",
            minimum_duration=400,  # a small export shows no dialog at all
        )

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.close_button.setEnabled(not running)

    def _finished(self, count: int | None) -> None:
        self._end_task()
        if count is None:  # cancelled: the store removed what it had written
            text = self.tr("The export was cancelled; no file was written.")
            self.outcome.setText(text)
            self.outcome.show()
            self.context.show_status(text)
            return
        self.written = count
        text = self.tr("{count} records were written to «{path}».").format(
            count=to_persian_digits(count), path=left_to_right(self.path)
        )
        self.context.show_status(text)
        messages.show_message(self, text, title=self.tr("Export finished"))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._end_task()
        if isinstance(exc, PrdeskError):
            messages.show_error(self, str(exc), title=self.tr("The file was not written"))
            return
        raise exc
