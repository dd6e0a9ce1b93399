"""The letters page: write a quick letter and print it, and the outgoing register (دفتر اندیکاتور)."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from prdesk.core.jalali import jalali_parts
from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import PrdeskError
from prdesk.printing.letter import render_letter
from prdesk.store import letters as register
from prdesk.store.settings import get_settings
from prdesk.ui import printing
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.dialogs.letter_dialog import LetterComposer
from prdesk.ui.dialogs.pdf_preview import PdfPreviewDialog, show_pdf
from prdesk.ui.models.paged import PagedTableModel
from prdesk.ui.pages.base import Page
from prdesk.ui.widgets.record_table import record_table
from prdesk.ui.widgets.search_box import SearchBox

COMPOSER_TAB, REGISTER_TAB = 0, 1
HEADER_KEY = "letters/register_header"
TAB_KEY = "letters/tab"
#: The register columns shown on the page, in reading order (the XLSX export has them all).
COLUMNS = ("number", "date", "recipient", "subject", "attachments", "signer", "status")
VOID_COLOR = QColor("#8a939c")
VOID_STATUS_COLOR = QColor("#b3261e")
_INDEX = QModelIndex | QPersistentModelIndex


def ask_void_reason(parent: QWidget | None, number: str) -> str | None:
    """Ask why letter ``number`` is voided; None when the clerk cancelled.

    Tests replace this function; callers use ``letters.ask_void_reason(...)``.
    """
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("LettersPage", "Void letter"),
        QCoreApplication.translate(
            "LettersPage",
            "Why is letter {number} voided? The number stays in the register, marked void, with this reason.",
        ).format(number=to_persian_digits(number)),
        QLineEdit.EchoMode.Normal,
        "",
    )
    return text if ok else None


class RegisterModel(PagedTableModel):
    """The register as a table, newest first; rows come from the store a page at a time."""

    #: The rows were loaded again (filter or data changed): the counts are new.
    reloaded = Signal()

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.text = ""
        self.year: int | None = None
        self.status: str | None = None
        self._rows: list[tuple[dict, dict[str, str]]] = []

    def headers(self) -> dict[str, str]:
        return {
            "number": self.tr("Number"),
            "date": self.tr("Date"),
            "recipient": self.tr("Recipient"),
            "subject": self.tr("Subject"),
            "attachments": self.tr("Attachments"),
            "signer": self.tr("Signed by"),
            "status": self.tr("Status"),
        }

    # --- loading -------------------------------------------------------------------------

    def filters(self) -> dict:
        """The filter as the store takes it (for search, count and export)."""
        return {"year": self.year, "status": self.status}

    def _fetch(self, offset: int, limit: int) -> list[tuple[dict, dict[str, str]]]:
        if limit <= 0:
            return []
        rows = register.search_register(self.db, self.text, limit=limit, offset=offset, **self.filters())
        return [(row, register.display_row(row)) for row in rows]

    def set_filter(self, text: str, year: int | None, status: str | None) -> None:
        """Show the letters matching ``text`` in ``year`` with ``status`` (None: any), from the top."""
        self.text, self.year, self.status = text, year, status
        self.reload(keep_loaded=False)

    def _count_matching(self) -> int:
        return register.count_register(self.db, self.text, **self.filters())

    def reload(self, *, keep_loaded: bool = True) -> None:
        super().reload(keep_loaded=keep_loaded)
        self.reloaded.emit()

    def total_without_filter(self) -> int:
        return register.count_register(self.db)

    # --- Qt model interface ---------------------------------------------------------------

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        stored, shown = self._rows[index.row()]
        key = COLUMNS[index.column()]
        void = stored.get("status") == "void"
        if role == Qt.ItemDataRole.DisplayRole:
            return shown[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in ("recipient", "subject", "status") and len(shown[key]) > 20:
                return shown[key]
            if key == "recipient" and shown["copies"]:
                return shown["recipient"] + "\n" + self.tr("Copies:") + "\n" + shown["copies"]
            return None
        if role == Qt.ItemDataRole.ForegroundRole and void:
            return QBrush(VOID_STATUS_COLOR if key == "status" else VOID_COLOR)
        if role == Qt.ItemDataRole.FontRole and void and key == "number":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("number", "date", "attachments"):
                return Qt.AlignmentFlag.AlignCenter
            return Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.UserRole:
            return stored["id"]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[COLUMNS[section]]
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return to_persian_digits(section + 1)
        return None

    # --- rows for the page ----------------------------------------------------------------

    def row_id(self, row: int) -> int | None:
        return self._rows[row][0]["id"] if 0 <= row < len(self._rows) else None

    def stored(self, row: int) -> dict:
        """The register row as stored (ASCII digits, ISO dates)."""
        return self._rows[row][0]

    def shown(self, row: int) -> dict[str, str]:
        """The register row as the clerk reads it."""
        return self._rows[row][1]

    def row_of(self, letter_id: int) -> int:
        for row, (stored, _) in enumerate(self._rows):
            if stored["id"] == letter_id:
                return row
        return -1

    def column_of(self, key: str) -> int:
        return COLUMNS.index(key)


class LettersPage(Page):
    """A quick letter on the office's letterhead, and the register of every letter sent."""

    key = "letters"
    areas = ("letters",)

    def title(self) -> str:
        return self.tr("Letters and printing")

    # --- building ---------------------------------------------------------------------------

    def build(self) -> None:
        self._reload_on_show = True
        self._loaded = False
        #: The preview opened from the register last (for focus and the tests).
        self.preview_dialog: PdfPreviewDialog | None = None
        self.composer = LetterComposer(self.context)
        self.composer.registered.connect(self._registered)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lettersTabs")
        self.tabs.addTab(self.composer, self.tr("New letter"))
        self.tabs.addTab(self._build_register(), self.tr("Outgoing register"))
        self.tabs.setCurrentIndex(int(QSettings().value(TAB_KEY, COMPOSER_TAB) or 0) % 2)
        self.tabs.currentChanged.connect(lambda index: QSettings().setValue(TAB_KEY, index))
        self.layout_.addWidget(self.tabs, 1)

    def _build_register(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.setContentsMargins(8, 10, 8, 8)
        box.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.search = SearchBox()
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Search number, recipient, subject, signer or copies (Ctrl+F)"))
        self.search.search_changed.connect(self.apply_filter)
        self.search.down_pressed.connect(lambda: self.view.setFocus())
        top.addWidget(self.search, 1)
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setToolTip(self.tr("Only the letters of this year"))
        self.year_filter.addItem(self.tr("All years"), 0)
        self.year_filter.currentIndexChanged.connect(self.apply_filter)
        top.addWidget(self.year_filter)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Issued and void"), "")
        self.status_filter.addItem(self.tr("Issued only"), "issued")
        self.status_filter.addItem(self.tr("Void only"), "void")
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        top.addWidget(self.status_filter)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Write the letters listed now to an Excel file"))
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        top.addWidget(self.export_button)
        box.addLayout(top)

        self.model = RegisterModel(self.context.db, self)
        self.model.reloaded.connect(self._show_counts)
        self.model.rowsInserted.connect(lambda *_: self._show_counts())
        self.view = view = record_table(self.model, "registerTable")
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        char = max(6, view.fontMetrics().averageCharWidth())
        widths = {"number": 12, "date": 11, "recipient": 30, "subject": 30, "attachments": 8, "signer": 16, "status": 13}
        for key, width in widths.items():
            # Never narrower than the heading, in whichever language the window speaks.
            heading = view.fontMetrics().horizontalAdvance(self.model.headers()[key]) + 24
            header.resizeSection(COLUMNS.index(key), max(width * char, heading))
        header.setSectionResizeMode(COLUMNS.index("subject"), QHeaderView.ResizeMode.Stretch)
        saved = QSettings().value(HEADER_KEY)
        if saved is not None:
            header.restoreState(saved)
        header.sectionResized.connect(lambda *_: QSettings().setValue(HEADER_KEY, header.saveState()))
        view.doubleClicked.connect(lambda index: self.preview_row(index.row()))
        view.activated.connect(lambda index: self.preview_row(index.row()))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        box.addWidget(view, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("registerCount")
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        hint = QLabel(self.tr("Double-click a letter to see it again; right-click to void or export."))
        hint.setObjectName("hint")
        bottom.addWidget(hint)
        box.addLayout(bottom)

        find = QAction(self.tr("Search"), tab)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        tab.addAction(find)
        return tab

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the store again (after a change or when first shown); the selected letter stays selected."""
        if self.defer_until_shown():
            return
        self._loaded = True
        current = self.selected_id()
        self._fill_years()
        self.model.reload()
        if current is not None:
            self.select_letter(current)

    def _fill_years(self) -> None:
        chosen = self.year_filter.currentData()
        present = list(register.years(self.context.db))
        this_year = jalali_parts(self.context.today())[0]
        if this_year not in present:
            present.insert(0, this_year)
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), 0)
        for year in sorted(set(present), reverse=True):
            self.year_filter.addItem(to_persian_digits(year), year)
        index = self.year_filter.findData(chosen) if chosen else 0
        self.year_filter.setCurrentIndex(max(index, 0))
        self.year_filter.blockSignals(False)
        self.model.year = self.year_filter.currentData() or None

    def apply_filter(self, *_args) -> None:
        """Show the letters matching the search box and the year and status chosen."""
        self.model.set_filter(
            self.search.text(),
            self.year_filter.currentData() or None,
            self.status_filter.currentData() or None,
        )

    def _show_counts(self) -> None:
        total = self.model.total
        everything = self.model.total_without_filter()
        if total == everything:
            text = self.tr("{count} letter(s) in the register").format(count=total)
        else:
            text = self.tr("{count} of {all} letters").format(count=total, all=everything)
        self.count_label.setText(to_persian_digits(text))
        self.tabs.setTabText(REGISTER_TAB, to_persian_digits(self.tr("Outgoing register ({count})").format(count=everything)))

    # --- rows -------------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def select_letter(self, letter_id: int) -> None:
        row = self.model.row_of(letter_id)
        if row >= 0:
            self.view.selectRow(row)

    def _registered(self, letter_id: int, _number: str) -> None:
        # The composer announced "letters"; the list below shows the new letter first.
        if self._loaded and not self._reload_on_show:
            self.select_letter(letter_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            self.view.selectRow(index.row())
            row = index.row()
            menu.addAction(self.tr("Preview and print"), lambda: self.preview_row(row))
            void = menu.addAction(self.tr("Void…"), lambda: self.void_row(row))
            void.setEnabled(self.model.stored(row).get("status") != "void")
            menu.addSeparator()
        menu.addAction(self.tr("Export the list to Excel…"), lambda: self.export_xlsx())
        menu.popup(self.view.viewport().mapToGlobal(pos))
        self.context_menu = menu  # kept for the tests

    def preview_row(self, row: int) -> PdfPreviewDialog | None:
        """Show a registered letter again, rendered from its register row, to print it once more."""
        if not 0 <= row < self.model.rowCount():
            return None
        try:
            stored = register.get_letter(self.context.db, self.model.row_id(row))
            # On the paper and letterhead it went out on, signed as it was then.
            data = render_letter(
                register.letter_from_row(stored), get_settings(self.context.db), **register.print_options(stored)
            )
        except PrdeskError as exc:  # gone meanwhile, or a setting the letter cannot be drawn with
            messages.show_error(self, str(exc))
            return None
        number = to_persian_digits(stored["number"])
        title = self.tr("Letter {number}").format(number=number)
        if stored["status"] == "void":
            title = self.tr("Letter {number} (void)").format(number=number)
        self.preview_dialog = show_pdf(
            self, data, title=title,
            file_name=printing.safe_file_name(self.tr("letter {number}").format(number=stored["number"])),
        )
        return self.preview_dialog

    def void_row(self, row: int) -> bool:
        """Void the letter on ``row`` after asking why; it stays in the register, marked void."""
        if not 0 <= row < self.model.rowCount():
            return False
        stored = self.model.stored(row)
        reason = ask_void_reason(self, stored["number"])
        if reason is None:
            return False
        letter_id = stored["id"]
        outcome = self.context.runner.run(
            lambda: register.void_letter(self.context.db, letter_id, reason), area="letters"
        )
        if outcome.ok:
            self.context.show_status(
                self.tr("Letter {number} was voided.").format(number=to_persian_digits(stored["number"]))
            )
        return outcome.ok

    def export_xlsx(self) -> int | None:
        """Write the letters listed now (search and filters) to an XLSX file the clerk chooses."""
        name = self.tr("outgoing register")
        if self.model.year:
            name += f" {self.model.year}"
        path = pickers.choose_save_path(
            self, self.tr("Export the register"), printing.safe_file_name(name, ".xlsx"), self.tr("Excel files (*.xlsx)")
        )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        written: list[int] = []
        text, filters = self.model.text, self.model.filters()

        def export() -> None:
            written.append(register.export_register_xlsx(self.context.db, path, text, **filters))

        # Nothing in the database changes: the call returns None so no area is announced.
        outcome = self.context.runner.run(export, area="letters")
        if not outcome.ok:
            return None
        self.context.show_status(
            to_persian_digits(self.tr("{count} letter(s) written to {path}").format(count=written[0], path=left_to_right(path)))
        )
        return written[0]
