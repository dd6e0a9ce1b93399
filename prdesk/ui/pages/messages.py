"""The messages page: the archive of greeting and condolence messages, with batches, one message and templates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QWidget
from sqlite_utils import Database

from prdesk.core.templates import CHANNELS, KINDS, STATUSES
from prdesk.core.text import to_persian_digits
from prdesk.store.messages import archive
from prdesk.ui.models.paged import PagedTableModel
from prdesk.ui.pages.base import Page
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.record_table import record_table
from prdesk.ui.widgets.search_box import SearchBox

COLUMNS = ("date", "recipient", "occasion", "kind", "channel", "status", "letter_number")
_INDEX = QModelIndex | QPersistentModelIndex


class ArchiveModel(PagedTableModel):
    """The archive as a table, newest first; rows come from the store a page at a time."""

    reloaded = Signal()

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.text = ""
        self.filters: dict = {}
        self.capped = False

    def headers(self) -> dict[str, str]:
        return {
            "date": self.tr("Date"), "recipient": self.tr("Recipient"), "occasion": self.tr("Occasion"),
            "kind": self.tr("Kind"), "channel": self.tr("Channel"), "status": self.tr("Status"),
            "letter_number": self.tr("Letter number"),
        }

    def _fetch(self, offset: int, limit: int) -> list:
        if limit <= 0:
            return []
        rows = archive.search_messages(self.db, self.text, limit=limit, offset=offset, **self.filters)
        return [(row, archive.display_row(row)) for row in rows]

    def _count_matching(self) -> int:
        # Counting tens of thousands of matches costs more than finding them: past the cap the page says «more than».
        count = archive.count_messages(self.db, self.text, cap=archive.COUNT_CAP, **self.filters)
        self.capped = count > archive.COUNT_CAP
        return min(count, archive.COUNT_CAP)

    def set_filter(self, text: str, filters: dict) -> None:
        self.text, self.filters = text, {k: v for k, v in filters.items() if v not in (None, "")}
        self.reload(keep_loaded=False)

    #: Rows per trip: a screenful is about 15 messages; each archived row carries its whole text.
    PAGE = 100

    def reload(self, *, keep_loaded: bool = True) -> None:
        """Ask the store again; with ``keep_loaded`` as many rows as were loaded (the scroll position survives)."""
        wanted = max(self.PAGE, len(self._rows)) if keep_loaded else self.PAGE
        self.beginResetModel()
        self._total = self._count_matching()
        self._rows = self._fetch(0, min(wanted, self._total))
        if len(self._rows) < min(wanted, self._total):
            self._total = len(self._rows)  # a row went away between the count and the query
        self.endResetModel()
        self.reloaded.emit()

    def fetchMore(self, parent: _INDEX = QModelIndex()) -> None:
        if parent.isValid() or len(self._rows) >= self._total:
            return
        rows = self._fetch(len(self._rows), min(self.PAGE, self._total - len(self._rows)))
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        stored, shown = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown[key]
        if role == Qt.ItemDataRole.ToolTipRole and key == "recipient":
            return stored["recipient"].replace(" - ", "\n") + "\n\n" + stored["text"]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[COLUMNS[section]]
        return None

    def stored(self, row: int) -> dict:
        return self._rows[row][0]


class MessagesPage(Page):
    """The archive with normalized search and filters; batches, one message and templates from its buttons."""

    key = "messages"
    areas = ("messages",)

    def title(self) -> str:
        return self.tr("Messages")

    def build(self) -> None:
        db = self.context.db
        actions = QHBoxLayout()
        for name, text, slot in (
            ("batchButton", self.tr("New batch for an occasion…"), self.open_batch),
            ("messageButton", self.tr("One message…"), self.open_message),
            ("templatesButton", self.tr("Templates…"), self.open_templates),
            ("plansButton", self.tr("Occasion plans…"), self.open_plans),
            ("bereavementButton", self.tr("Record a bereavement…"), self.open_bereavement),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)

        top = QHBoxLayout()
        self.search = SearchBox()
        self.search.setObjectName("messageSearch")
        self.search.setPlaceholderText(self.tr("Search recipient, occasion, letter number…"))
        self.search.search_changed.connect(self.apply_filter)
        top.addWidget(self.search, 3)
        self.kind = self._combo("kindFilter", self.tr("Every kind"), KINDS)
        self.channel = self._combo("channelFilter", self.tr("Every channel"), CHANNELS)
        self.status = self._combo("statusFilter", self.tr("Drafts and sent"), STATUSES)
        for combo in (self.kind, self.channel, self.status):
            top.addWidget(combo, 1)
        self.layout_.addLayout(top)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("From")))
        self.date_from = JalaliDateEdit(optional=True, orientation=Qt.Orientation.Horizontal)
        self.date_from.setObjectName("dateFrom")
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("To")))
        self.date_to = JalaliDateEdit(optional=True, orientation=Qt.Orientation.Horizontal)
        self.date_to.setObjectName("dateTo")
        dates.addWidget(self.date_to)
        for edit in (self.date_from, self.date_to):
            edit.date_changed.connect(self.apply_filter)
        dates.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("messageCount")
        dates.addWidget(self.count_label)
        self.layout_.addLayout(dates)

        self.model = ArchiveModel(db, self)
        self.model.reloaded.connect(self._show_count)
        self.view = record_table(self.model, "messageArchive")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        char = self.view.fontMetrics().averageCharWidth()
        for column, width in enumerate((11, 40, 22, 8, 9, 10, 12)):
            self.view.setColumnWidth(column, width * char + 16)
        header.setSectionResizeMode(COLUMNS.index("recipient"), QHeaderView.ResizeMode.Stretch)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda index: self.reprint_row(index.row()))
        self.layout_.addWidget(self.view, 1)

        row_actions = QHBoxLayout()
        for name, text, slot in (
            ("reprintButton", self.tr("Print again"), lambda: self._on_selected(self.reprint_row)),
            ("duplicateButton", self.tr("Duplicate"), lambda: self._on_selected(self.duplicate_row)),
            ("markSentButton", self.tr("Mark sent"), lambda: self._on_selected(self.mark_sent_row)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row_actions.addWidget(button)
        row_actions.addStretch(1)
        self.layout_.addLayout(row_actions)
        self.apply_filter()

    def _combo(self, name: str, everything: str, items: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, "")
        for key, label in items.items():
            combo.addItem(label, key)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    # --- the archive ---------------------------------------------------------------------

    def filters(self) -> dict:
        return {
            "kind": self.kind.currentData(), "channel": self.channel.currentData(), "status": self.status.currentData(),
            "date_from": self.date_from.date(), "date_to": self.date_to.date(),
        }

    def apply_filter(self, *_args) -> None:
        """Show the messages matching the search box and the filters."""
        self.model.set_filter(self.search.text(), self.filters())

    def reload(self) -> None:
        if not self.defer_until_shown():
            self.model.reload()

    def _show_count(self) -> None:
        n = to_persian_digits(f"{self.model.total:,}".replace(",", "٬"))
        text = self.tr("more than {n} messages") if self.model.capped else self.tr("{n} messages")
        self.count_label.setText(text.format(n=n))

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_selected(self, action) -> None:
        row = self.selected_row()
        if row is None:
            from prdesk.ui.dialogs import messages

            messages.show_message(self, self.tr("Select a message in the list first."))
            return
        action(row)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        for text, slot in ((self.tr("Print again"), self.reprint_row), (self.tr("Duplicate"), self.duplicate_row),
                           (self.tr("Mark sent"), self.mark_sent_row)):
            action = QAction(text, menu)
            action.triggered.connect(lambda _=False, s=slot, r=index.row(): s(r))
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def reprint_row(self, row: int):
        """Show the message again as the letter it was (its number and date), to print or save."""
        from prdesk.printing.letter import render_letter
        from prdesk.store import letters as register
        from prdesk.store.settings import get_settings
        from prdesk.ui.dialogs.pdf_preview import show_pdf

        stored = self.model.stored(row)
        settings = get_settings(self.context.db)
        if stored["letter_id"]:
            letter_row = register.get_letter(self.context.db, stored["letter_id"])
            letter = register.letter_from_row(letter_row)
            data = render_letter(letter, settings, **register.print_options(letter_row))
        else:
            from prdesk.core.letter_number import Letter

            letter = Letter(body=stored["text"], subject=stored["subject"], recipient="\n".join(stored["recipient"].split(" - ")),
                            date=dt.date.fromisoformat(stored["date"]))
            data = render_letter(letter, settings)
        return show_pdf(self, data, title=stored["subject"] or stored["occasion"], file_name="message.pdf")

    def duplicate_row(self, row: int) -> None:
        """A new draft with the same recipient and text."""
        stored = self.model.stored(row)
        outcome = self.context.runner.run(lambda: archive.duplicate_message(self.context.db, stored["id"]), area="messages")
        if outcome.ok:
            self.context.show_status(self.tr("A draft copy of the message was added."))

    def mark_sent_row(self, row: int) -> None:
        stored = self.model.stored(row)
        outcome = self.context.runner.run(lambda: archive.mark_sent(self.context.db, [stored["id"]]), area="messages")
        if outcome.ok:
            self.context.show_status(self.tr("The message is marked as sent."))

    # --- dialogs -------------------------------------------------------------------------

    def open_batch(self) -> QWidget:
        from prdesk.ui.dialogs.message_batch import BatchDialog

        dialog = BatchDialog(self.context, self)
        dialog.open()
        return dialog

    def open_message(self, person_id: int | None = None) -> QWidget:
        from prdesk.ui.dialogs.message_dialog import MessageDialog

        dialog = MessageDialog(self.context, person_id, self)
        dialog.open()
        return dialog

    def open_bereavement(self) -> QWidget:
        from prdesk.ui.dialogs.message_bereavement import BereavementDialog

        dialog = BereavementDialog(self.context, self)
        dialog.open()
        return dialog

    def open_plans(self) -> QWidget:
        from prdesk.ui.dialogs.message_plans import PlansDialog

        # One list, opened again (it reads the plans again when shown), rather than a new one per click.
        if getattr(self, "plans_dialog", None) is None:
            self.plans_dialog = PlansDialog(self.context, self)
        self.plans_dialog.open()
        return self.plans_dialog

    def open_templates(self) -> QWidget:
        from prdesk.ui.dialogs.message_templates import TemplatesDialog

        dialog = TemplatesDialog(self.context, self)
        dialog.open()
        return dialog
