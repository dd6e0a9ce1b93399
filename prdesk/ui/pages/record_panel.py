"""The record of media and public work (کارنامه) on the reports page: add in a few keystrokes, list, filter, import."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from prdesk.core import activity as rules
from prdesk.core.jalali import format_jalali
from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store import activity as store
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.models.paged import PagedTableModel
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.record_table import record_table
from prdesk.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    from prdesk.ui.pages.reports import ReportsPage

_INDEX = QModelIndex | QPersistentModelIndex
COLUMNS = ("date", "kind", "title", "outlet", "level", "tone")


class ActivityModel(PagedTableModel):
    """The record's entries, newest first, read from the store a page at a time."""

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.filters: dict = {}
        self.kind_names: dict[str, str] = {}
        self._rows: list[store.Activity] = []

    def headers(self) -> dict[str, str]:
        return {
            "date": self.tr("Date"), "kind": self.tr("Kind"), "title": self.tr("Title"),
            "outlet": self.tr("Outlet"), "level": self.tr("Level"), "tone": self.tr("Tone"),
        }

    def _count_matching(self) -> int:
        return store.count_activities(self.db, **self.filters)

    def _fetch(self, offset: int, limit: int) -> list[store.Activity]:
        if limit <= 0:
            return []
        return store.list_activities(self.db, limit=limit, offset=offset, **self.filters)

    def reload(self, *, keep_loaded: bool = True) -> None:
        self.kind_names = store.kinds(self.db)
        super().reload(keep_loaded=keep_loaded)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry, key = self._rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "date":
                return format_jalali(entry.date)
            if key == "kind":
                return self.kind_names.get(entry.kind, entry.kind)
            if key == "level":
                return rules.LEVELS.get(entry.level, "")
            if key == "tone":
                return rules.TONES.get(entry.tone, "")
            return getattr(entry, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "date":
                return Qt.AlignmentFlag.AlignCenter
            return Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.headers()[COLUMNS[section]]
        return None

    def entry(self, row: int) -> store.Activity | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


def _choice_combo(name: str, choices: dict[str, str], empty: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(empty, "")
    for key, label in choices.items():
        combo.addItem(label, key)
    return combo


class RecordPanel(QWidget):
    """Add an entry in a few keystrokes; list, filter and search the record; import clippings."""

    #: An entry was added, changed or removed (the report tab recounts).
    changed = Signal()

    def __init__(self, page: "ReportsPage"):
        super().__init__()
        self.page = page
        self.context = page.context
        self.editing: int | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 10, 8, 8)
        box.setSpacing(8)
        box.addWidget(self._build_form())
        box.addLayout(self._build_filters())
        self.model = ActivityModel(self.context.db, self)
        self.model.modelReset.connect(self._show_count)
        self.view = view = record_table(self.model, "activityTable")
        header = view.horizontalHeader()
        char = max(6, view.fontMetrics().averageCharWidth())
        for key, width in {"date": 12, "kind": 24, "title": 40, "outlet": 20, "level": 9, "tone": 9}.items():
            heading = view.fontMetrics().horizontalAdvance(self.model.headers()[key]) + 24
            header.resizeSection(COLUMNS.index(key), max(width * char, heading))
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        view.doubleClicked.connect(lambda index: self.edit_row(index.row()))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        box.addWidget(view, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("activityCount")
        box.addWidget(self.count_label)

    # --- the form -----------------------------------------------------------------------------

    def _build_form(self) -> QGroupBox:
        group = QGroupBox(self.tr("Record a piece of work"))
        grid = QGridLayout(group)
        grid.setHorizontalSpacing(10)
        self.date_edit = JalaliDateEdit()
        self.date_edit.setObjectName("activityDate")
        self.date_edit.today = self.context.today
        self.date_edit.set_date(self.context.today())
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("activityKind")
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("activityTitle")
        self.title_edit.setPlaceholderText(self.tr("Headline or title (Enter records it)"))
        self.title_edit.returnPressed.connect(self.save)
        self.outlet_edit = QLineEdit()
        self.outlet_edit.setObjectName("activityOutlet")
        self.outlet_edit.setPlaceholderText(self.tr("Newspaper, agency, channel or page"))
        self.level_combo = _choice_combo("activityLevel", rules.LEVELS, self.tr("Level: not set"))
        self.tone_combo = _choice_combo("activityTone", rules.TONES, self.tr("Tone: not set"))
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("activityLink")
        self.link_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.link_edit.setPlaceholderText("https://")
        self.save_button = QPushButton(self.tr("Record"))
        self.save_button.setObjectName("activitySave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel editing"))
        self.cancel_button.clicked.connect(self.reset_form)
        self.cancel_button.hide()
        self.error = QLabel()
        self.error.setObjectName("activityError")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.error.hide()
        captions = (
            (self.tr("Date"), self.date_edit), (self.tr("Kind"), self.kind_combo),
            (self.tr("Title"), self.title_edit), (self.tr("Outlet"), self.outlet_edit),
        )
        for column, (caption, editor) in enumerate(captions):
            label = QLabel(caption)
            label.setBuddy(editor)
            grid.addWidget(label, 0, column)
            grid.addWidget(editor, 1, column)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 2)
        row = QHBoxLayout()
        row.addWidget(self.level_combo)
        row.addWidget(self.tone_combo)
        row.addWidget(QLabel(self.tr("Link")))
        row.addWidget(self.link_edit, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        grid.addLayout(row, 2, 0, 1, 4)
        grid.addWidget(self.error, 3, 0, 1, 4)
        return group

    def _build_filters(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.search = SearchBox()
        self.search.setObjectName("activitySearch")
        self.search.setPlaceholderText(self.tr("Search title, outlet or notes (Ctrl+F)"))
        self.search.search_changed.connect(lambda *_: self.apply_filter())
        top.addWidget(self.search, 1)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("activityKindFilter")
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_filter.currentIndexChanged.connect(lambda *_: self.apply_filter())
        top.addWidget(self.kind_filter)
        self.period_label = QLabel()
        self.period_label.setObjectName("activityPeriod")
        top.addWidget(self.period_label)
        self.clear_period = QPushButton(self.tr("All dates"))
        self.clear_period.clicked.connect(lambda: self.show_period(None, None))
        self.clear_period.hide()
        top.addWidget(self.clear_period)
        self.import_button = QPushButton(self.tr("Import clippings…"))
        self.import_button.setToolTip(self.tr("Add a list of clippings from a CSV or Excel file with the columns Date, Title, Outlet, Level"))
        self.import_button.clicked.connect(lambda: self.import_file())
        top.addWidget(self.import_button)
        find = QAction(self.tr("Search"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)
        self.start: dt.date | None = None
        self.end: dt.date | None = None
        return top

    def fill_kinds(self) -> None:
        """The kinds of the editable list in the form and the filter, keeping what was chosen."""
        names = store.kinds(self.context.db)
        for combo, first in ((self.kind_combo, None), (self.kind_filter, self.tr("All kinds"))):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(first, "")
            for key, name in names.items():
                combo.addItem(name, key)
            index = combo.findData(chosen) if chosen else -1
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    # --- actions ------------------------------------------------------------------------------

    def values(self) -> dict:
        return {
            "date": self.date_edit.date() if self.date_edit.is_valid() else self.date_edit.text(),
            "kind": self.kind_combo.currentData(), "title": self.title_edit.text(), "outlet": self.outlet_edit.text(),
            "level": self.level_combo.currentData(), "tone": self.tone_combo.currentData(), "link": self.link_edit.text(),
        }

    def save(self) -> bool:
        """Record the entry in the form (or save the one being edited); the form empties for the next one."""
        values, editing = self.values(), self.editing
        db = self.context.db

        def write():
            return store.update_activity(db, editing, values) if editing else store.add_activity(db, values)

        outcome = self.context.runner.run(write, area="activity", on_invalid=self._show_error)
        if not outcome.ok:
            return False
        self.context.show_status(self.tr("«{title}» was recorded.").format(title=outcome.value.title))
        self.reset_form()
        self.changed.emit()
        return True

    def _show_error(self, error: ValidationError) -> None:
        self.error.setText(str(error))
        self.error.show()
        target = {"date": self.date_edit, "title": self.title_edit, "link": self.link_edit, "kind": self.kind_combo}.get(error.field or "")
        if target is not None:
            target.setFocus()

    def reset_form(self) -> None:
        """An empty form for the next entry, with the date and kind kept for a run of similar items."""
        self.editing = None
        self.title_edit.clear()
        self.link_edit.clear()
        self.tone_combo.setCurrentIndex(0)
        self.error.hide()
        self.save_button.setText(self.tr("Record"))
        self.cancel_button.hide()
        self.title_edit.setFocus()

    def edit_row(self, row: int) -> None:
        """Load an entry into the form to correct it."""
        entry = self.model.entry(row)
        if entry is None:
            return
        self.editing = entry.id
        self.date_edit.set_date(entry.date)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(entry.kind)))
        self.title_edit.setText(entry.title)
        self.outlet_edit.setText(entry.outlet)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(entry.level)))
        self.tone_combo.setCurrentIndex(max(0, self.tone_combo.findData(entry.tone)))
        self.link_edit.setText(entry.link)
        self.save_button.setText(self.tr("Save changes"))
        self.cancel_button.show()
        self.title_edit.setFocus()

    def delete_row(self, row: int) -> bool:
        entry = self.model.entry(row)
        if entry is None or not messages.confirm(self, self.tr("Remove «{title}» from the record?").format(title=entry.title)):
            return False
        outcome = self.context.runner.run(lambda: store.delete_activity(self.context.db, entry.id), area="activity")
        if outcome.ok:
            self.changed.emit()
        return outcome.ok

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        row = index.row()
        self.view.selectRow(row)
        menu = QMenu(self)
        menu.addAction(self.tr("Edit"), lambda: self.edit_row(row))
        menu.addAction(self.tr("Remove…"), lambda: self.delete_row(row))
        menu.popup(self.view.viewport().mapToGlobal(pos))
        self.context_menu = menu  # kept for the tests

    def import_file(self, path: str | None = None) -> int | None:
        """Add a CSV/XLSX list of clippings; all rows or none."""
        path = path or pickers.choose_file(
            self, self.tr("Import clippings"), "", self.tr("Spreadsheets (*.csv *.xlsx)")
        )
        if not path:
            return None
        outcome = self.context.runner.run(lambda: store.import_activities(self.context.db, path), area="activity")
        if not outcome.ok:
            return None
        self.context.show_status(
            to_persian_digits(self.tr("{count} item(s) added from {path}").format(count=outcome.value.added, path=left_to_right(path)))
        )
        self.changed.emit()
        return outcome.value.added

    # --- the list -----------------------------------------------------------------------------

    def show_period(self, start: dt.date | None, end: dt.date | None, kind: str = "") -> None:
        """List the entries of a period (and kind), as a figure of the report links here."""
        self.start, self.end = start, end
        if start and end:
            self.period_label.setText(self.tr("From {start} to {end}").format(start=format_jalali(start), end=format_jalali(end)))
            self.clear_period.show()
        else:
            self.period_label.clear()
            self.clear_period.hide()
        self.kind_filter.blockSignals(True)
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind)))
        self.kind_filter.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.filters = {
            "start": self.start, "end": self.end, "kind": self.kind_filter.currentData() or None, "text": self.search.text(),
        }
        self.model.reload(keep_loaded=False)

    def reload(self) -> None:
        self.fill_kinds()
        self.model.reload()

    def _show_count(self) -> None:
        self.count_label.setText(to_persian_digits(self.tr("{count} item(s)").format(count=self.model.total)))


