"""The batch dialog: an occasion, a template and filters; each recipient's salutation and text; exclude; generate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.contacts import PROVINCES
from prdesk.core.templates import CHANNELS
from prdesk.core.text import to_persian_digits
from prdesk.errors import PrdeskError
from prdesk.store.contacts import lookup_values
from prdesk.store.messages.recipients import RecipientFilter, prepare
from prdesk.store.messages.templates import list_templates, template_for_occasion
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.workers import WorkerDialog

CHECK, SALUTATION, NAME, POSITION, ORGANIZATION, NOTE = range(6)
#: Reasons the clerk cannot undo with a tick: a deceased, a second record of the same person, a missing value.
_FIXED_REASONS = ("deceased", "duplicate", "missing")


def ask_exclusion_reason(parent: QWidget | None, name: str) -> str | None:
    """Ask why ``name`` is left out; None when the clerk cancelled (tests replace this function)."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("BatchDialog", "Leave out"),
        QCoreApplication.translate("BatchDialog", "Why is {name} left out of this batch?").format(name=name),
    )
    return text if ok else None


class BatchDialog(WorkerDialog):
    """Messages for one occasion to every recipient the filters reach, seen one by one before anything is printed."""

    def __init__(self, context: PageContext, parent: QWidget | None = None, *, occasion: str = "", target: dict | None = None,
                 template_id: int | None = None):
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.recipients = []
        self.result = None
        self.setObjectName("batchDialog")
        self.setWindowTitle(self.tr("Messages for an occasion"))
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        form, filters = QFormLayout(), QFormLayout()
        top.addLayout(form, 1)
        top.addLayout(filters, 1)
        layout.addLayout(top)
        self.occasion = QLineEdit(occasion)
        self.occasion.setObjectName("occasion")
        self.occasion.setPlaceholderText(self.tr("For example: Nowruz"))
        form.addRow(self.tr("Occasion"), self.occasion)
        self.template = QComboBox()
        self.template.setObjectName("template")
        for t in list_templates(self.db):
            self.template.addItem(t.title, t.id)
        form.addRow(self.tr("Template"), self.template)
        self.date = JalaliDateEdit(orientation=Qt.Orientation.Horizontal)
        self.date.set_date(context.today())
        form.addRow(self.tr("Date"), self.date)
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key, label in CHANNELS.items():
            if key != "messenger":
                self.channel.addItem(label, key)
        form.addRow(self.tr("Send as"), self.channel)
        self.duplex = QCheckBox(self.tr("Blank back after each odd-length letter (duplex printing)"))
        form.addRow("", self.duplex)

        self.kind = self._lookup_combo("kindFilter", lookup_values(self.db, "kind"))
        filters.addRow(self.tr("Kind of organization"), self.kind)
        self.province = self._lookup_combo("provinceFilter", list(PROVINCES))
        filters.addRow(self.tr("Province"), self.province)
        self.tag = QLineEdit()
        self.tag.setObjectName("tagFilter")
        filters.addRow(self.tr("Tag"), self.tag)
        self.position_kind = self._lookup_combo("positionKindFilter", lookup_values(self.db, "kind"))
        filters.addRow(self.tr("Position holders in"), self.position_kind)
        self.staff = QCheckBox(self.tr("Only our staff"))
        self.staff.setObjectName("staffFilter")
        filters.addRow("", self.staff)
        self.repeats = QCheckBox(self.tr("Include people already sent a message for this occasion this year"))
        self.repeats.setObjectName("includeRepeats")
        filters.addRow("", self.repeats)
        self.find_button = QPushButton(self.tr("Show recipients"))
        self.find_button.setObjectName("findRecipients")
        self.find_button.clicked.connect(self.find_recipients)
        filters.addRow("", self.find_button)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("recipients")
        self.table.setHorizontalHeaderLabels(["", self.tr("Salutation"), self.tr("Name"), self.tr("Position"),
                                              self.tr("Organization"), self.tr("Left out because")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.ResizeToContents)
        char = self.fontMetrics().averageCharWidth()
        # Wide enough to read, narrow enough that the reason column stays in view at 1100 pixels.
        for column, width in ((SALUTATION, 17), (NAME, 14), (POSITION, 17), (ORGANIZATION, 22)):
            header.resizeSection(column, width * char + 12)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._ticked)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_preview(row))
        split.addWidget(self.table)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("preview")
        self.preview.setReadOnly(True)
        split.addWidget(self.preview)
        split.setSizes([740, 300])
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        bottom.addWidget(self.summary, 1)
        self.exclude_button = QPushButton(self.tr("Leave out…"))
        self.exclude_button.setObjectName("excludeButton")
        self.exclude_button.clicked.connect(self.exclude_current)
        bottom.addWidget(self.exclude_button)
        self.sms_button = QPushButton(self.tr("Export SMS file…"))
        self.sms_button.setObjectName("smsButton")
        self.sms_button.clicked.connect(self.export_sms)
        bottom.addWidget(self.sms_button)
        self.generate_button = QPushButton(self.tr("Archive and print…"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        bottom.addWidget(self.generate_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self.occasion.textEdited.connect(self._occasion_typed)
        if target:
            self._apply_target(target)
        if template_id is not None:
            self.template.setCurrentIndex(max(0, self.template.findData(template_id)))
        elif occasion:
            self._occasion_typed(occasion)
        self.resize(1100, 680)
        self._show_summary()

    def _lookup_combo(self, name: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Any"), "")
        for value in values:
            combo.addItem(value, value)
        return combo

    def _apply_target(self, target: dict) -> None:
        for key, combo in (("kind", self.kind), ("province", self.province), ("position_kind", self.position_kind)):
            if target.get(key):
                combo.setCurrentIndex(max(0, combo.findData(target[key])))
        self.tag.setText(target.get("tag", ""))
        self.staff.setChecked(bool(target.get("staff")))

    def _occasion_typed(self, text: str) -> None:
        found = template_for_occasion(self.db, text)
        if found is not None:
            self.template.setCurrentIndex(self.template.findData(found.id))

    # --- recipients ------------------------------------------------------------------------

    def current_template(self):
        from prdesk.store.messages.templates import get_template

        return get_template(self.db, self.template.currentData())

    def recipient_filter(self) -> RecipientFilter:
        return RecipientFilter(kind=self.kind.currentData() or "", province=self.province.currentData() or "",
                               tag=self.tag.text().strip(), staff=self.staff.isChecked(),
                               position_kind=self.position_kind.currentData() or "")

    def find_recipients(self) -> bool:
        """Fill the list from the filters; every recipient ticked unless left out with a reason."""
        if not self.occasion.text().strip():
            messages.show_error(self, self.tr("Write the occasion first, for example «عید نوروز»."))
            return False
        date = self.date.date()
        if date is None:
            messages.show_error(self, self.date.error() or self.tr("Enter the date of the messages."))
            return False
        try:
            self.recipients = prepare(self.db, self.current_template(), self.occasion.text().strip(), self.recipient_filter(),
                                      date=date, channel=self.channel.currentData(),
                                      include_repeats=self.repeats.isChecked())
        except PrdeskError as exc:
            messages.show_error(self, str(exc))
            return False
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.recipients))
        for row, r in enumerate(self.recipients):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, CHECK, check)
            for column, text in ((SALUTATION, r.salutation), (NAME, r.name), (POSITION, r.position), (ORGANIZATION, r.organization)):
                text = to_persian_digits(text)  # «شرکت تعاونی شمارهٔ ۱۰», as the letter prints it
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long organization name is shortened in its cell
                self.table.setItem(row, column, item)
            self.table.setItem(row, NOTE, QTableWidgetItem())
            self._show_row(row)
        self.table.blockSignals(False)
        # «حجت‌الاسلام والمسلمین» or «سرکار خانم دکتر» whole: the salutation is what the clerk checks here.
        self.table.resizeColumnToContents(SALUTATION)
        if self.recipients:
            self.table.setCurrentCell(0, NAME)
            self.show_preview(0)
        self._show_summary()
        return True

    def _show_row(self, row: int) -> None:
        r = self.recipients[row]
        self.table.item(row, CHECK).setCheckState(Qt.CheckState.Checked if r.included else Qt.CheckState.Unchecked)
        self.table.item(row, NOTE).setText(r.reason_text())
        self.table.item(row, NOTE).setToolTip(r.reason_text())

    def show_preview(self, row: int) -> None:
        if not 0 <= row < len(self.recipients):
            self.preview.clear()
            return
        r = self.recipients[row]
        lines = [line for line in r.letter().heading_lines()]
        self.preview.setPlainText(to_persian_digits("\n".join([*lines, "", r.text])))

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != CHECK:
            return
        row = item.row()
        r = self.recipients[row]
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked and r.reason in _FIXED_REASONS:
            self.table.blockSignals(True)
            self._show_row(row)
            self.table.blockSignals(False)
            messages.show_error(self, self.tr("{name} cannot get this message: {reason}.").format(name=r.name, reason=r.reason_text()))
            return
        r.reason, r.note = ("", "") if ticked else ("clerk", "")
        self.table.blockSignals(True)
        self._show_row(row)
        self.table.blockSignals(False)
        self._show_summary()

    def exclude_current(self) -> None:
        """Leave the selected recipient out, with the reason the clerk gives."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.recipients) or not self.recipients[row].included:
            messages.show_error(self, self.tr("Select a ticked recipient in the list first."))
            return
        reason = ask_exclusion_reason(self, self.recipients[row].name)
        if reason is None:
            return
        self.recipients[row].reason, self.recipients[row].note = "clerk", reason.strip()
        self.table.blockSignals(True)
        self._show_row(row)
        self.table.blockSignals(False)
        self._show_summary()

    def _show_summary(self) -> None:
        included = sum(1 for r in self.recipients if r.included)
        self.summary.setText(self.tr("{n} recipients, {m} left out").format(
            n=to_persian_digits(included), m=to_persian_digits(len(self.recipients) - included)))
        self.generate_button.setEnabled(included > 0 and not self.is_running())

    # --- generating ----------------------------------------------------------------------

    def export_sms(self) -> bool:
        """Write the ticked recipients' texts with their mobile numbers and SMS parts to a CSV file."""
        from prdesk.store.messages.batch import export_sms

        if not any(r.included for r in self.recipients):
            messages.show_error(self, self.tr("Show the recipients and tick at least one."))
            return False
        chosen = pickers.choose_save_path(self, self.tr("Save the SMS file"), self.occasion.text().strip() + ".csv", "CSV (*.csv)")
        if chosen is None:
            return False
        try:
            done = export_sms(self.recipients, chosen, max_parts=2)
        except PrdeskError as exc:
            messages.show_error(self, str(exc))
            return False
        text = self.tr("{n} texts were written; {m} are longer than two SMS parts.").format(
            n=to_persian_digits(done.written), m=to_persian_digits(done.over_limit))
        messages.show_message(self, text)
        return True

    def generate(self) -> bool:
        """Archive one message per ticked recipient and print them in one PDF (on a worker, with Cancel)."""
        from prdesk.store.db import connect
        from prdesk.store.messages.batch import generate_batch

        if not any(r.included for r in self.recipients):
            messages.show_error(self, self.tr("Show the recipients and tick at least one."))
            return False
        out = None
        if self.channel.currentData() == "letter":
            chosen = pickers.choose_save_path(self, self.tr("Save the letters as PDF"), self.occasion.text().strip() + ".pdf",
                                              "PDF (*.pdf)")
            if chosen is None:
                return False
            out = Path(chosen)
        template, occasion, date = self.current_template(), self.occasion.text().strip(), self.date.date()
        recipients, channel, duplex, db_path = list(self.recipients), self.channel.currentData(), self.duplex.isChecked(), self.context.db_path

        def work(progress):
            db = connect(db_path)
            try:
                return generate_batch(db, template, occasion, recipients, date=date, channel=channel, out=out,
                                      duplex=duplex, progress=progress)
            finally:
                db.close()

        self.start_task(work, label=self.tr("Archiving and printing the messages…"), title=self.tr("Messages"),
                        name="batchProgress", minimum_duration=0)
        return True

    def _set_running(self, running: bool) -> None:
        for widget in (self.find_button, self.exclude_button, self.generate_button, self.sms_button, self.table):
            widget.setEnabled(not running)

    def _finished(self, result) -> None:
        self._end_task()
        self.result = result
        if result.cancelled:
            self.context.show_status(self.tr("The batch was cancelled; nothing was archived or printed."))
            return
        self.context.bus.announce("messages", "letters")
        text = self.tr("{n} messages were archived.").format(n=to_persian_digits(result.count))
        if result.path is not None:
            text += " " + self.tr("The letters are in {path}.").format(path=str(result.path))
        self.context.show_status(text)
        messages.show_message(self, text)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._end_task()
        if isinstance(exc, PrdeskError):
            messages.show_error(self, str(exc))
            return
        raise exc
