"""The reports page: the record of media and public work (کارنامه) and the periodic performance report."""

from __future__ import annotations

import datetime as dt

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
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from prdesk.core import activity as rules
from prdesk.core.jalali import format_jalali, jalali_month_names, jalali_parts
from prdesk.core.text import left_to_right, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store import activity as store
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.models.paged import PagedTableModel
from prdesk.ui.pages.base import Page
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.performance_view import PerformanceView
from prdesk.ui.widgets.record_table import record_table
from prdesk.ui.widgets.search_box import SearchBox

_INDEX = QModelIndex | QPersistentModelIndex
COLUMNS = ("date", "kind", "title", "outlet", "level", "tone")
RECORD_TAB, REPORT_TAB = 0, 1


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


class ReportPanel(QWidget):
    """Pick a Jalali period, see its figures beside last year's and the previous period's, print or save."""

    def __init__(self, page: "ReportsPage"):
        super().__init__()
        self.page = page
        self.context = page.context
        self.result = None
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 10, 8, 8)
        box.setSpacing(8)
        box.addLayout(self._build_period_row())
        self.view = PerformanceView()
        self.view.figure_activated.connect(self._open_list)
        scroll = QScrollArea()
        scroll.setObjectName("reportScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        box.addWidget(scroll, 1)
        texts = QHBoxLayout()
        self.intro = QPlainTextEdit()
        self.intro.setObjectName("reportIntro")
        self.intro.setPlaceholderText(self.tr("Introduction (optional): a few sentences printed before the figures"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("reportConclusion")
        self.conclusion.setPlaceholderText(self.tr("Conclusion (optional): a few sentences printed after the figures"))
        for edit in (self.intro, self.conclusion):
            edit.setFixedHeight(edit.fontMetrics().height() * 2 + 18)
            texts.addWidget(edit, 1)
        box.addLayout(texts)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.xlsx_button.setObjectName("reportXlsx")
        self.xlsx_button.clicked.connect(lambda: self.save_xlsx())
        self.pdf_button = QPushButton(self.tr("Preview and print…"))
        self.pdf_button.setObjectName("reportPdf")
        self.pdf_button.clicked.connect(lambda: self.preview_pdf())
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.pdf_button)
        box.addLayout(buttons)

    def _build_period_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period")))
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for key, label in (
            ("month", self.tr("Month")), ("season", self.tr("Season")), ("half", self.tr("Half year")),
            ("year", self.tr("Year")), ("range", self.tr("From … to …")),
        ):
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        row.addWidget(self.kind)
        self.part = QComboBox()
        self.part.setObjectName("periodPart")
        row.addWidget(self.part)
        self.year = QSpinBox()
        self.year.setObjectName("periodYear")
        self.year.setRange(1300, 1500)
        self.year.setGroupSeparatorShown(False)
        row.addWidget(self.year)
        self.start_edit, self.end_edit = JalaliDateEdit(), JalaliDateEdit()
        self.start_edit.setObjectName("periodFrom")
        self.end_edit.setObjectName("periodTo")
        self.to_label = QLabel(self.tr("to"))
        for widget in (self.start_edit, self.to_label, self.end_edit):
            row.addWidget(widget)
        self.show_button = QPushButton(self.tr("Show figures"))
        self.show_button.setObjectName("periodShow")
        self.show_button.clicked.connect(lambda: self.refresh())
        row.addWidget(self.show_button)
        row.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("periodError")
        self.error.setStyleSheet("color: #b3261e")
        row.addWidget(self.error)
        year, month, _ = jalali_parts(self.context.today())
        self.year.setValue(year)
        self.kind.setCurrentIndex(1)
        self._kind_changed(default_part=(month - 1) // 3)
        return row

    def _kind_changed(self, default_part: int | None = None) -> None:
        key = self.kind.currentData()
        self.part.clear()
        if key == "month":
            self.part.addItems(list(jalali_month_names))
        elif key == "season":
            self.part.addItems(list(rules.SEASONS))
        elif key == "half":
            self.part.addItems(list(rules.HALVES))
        if default_part is not None and self.part.count():
            self.part.setCurrentIndex(default_part)
        ranged = key == "range"
        self.part.setVisible(key in ("month", "season", "half"))
        self.year.setVisible(not ranged)
        for widget in (self.start_edit, self.to_label, self.end_edit):
            widget.setVisible(ranged)

    def period(self) -> rules.Period:
        """The period chosen; ValidationError when the dates typed are not a period."""
        key, year, part = self.kind.currentData(), self.year.value(), self.part.currentIndex() + 1
        if key == "month":
            return rules.month_period(year, part)
        if key == "season":
            return rules.season_period(year, part)
        if key == "half":
            return rules.half_period(year, part)
        if key == "year":
            return rules.year_period(year)
        start, end = self.start_edit.check("from"), self.end_edit.check("to")
        if start is None or end is None:
            raise ValidationError(self.tr("Type the first and the last day of the period."), "from")
        return rules.period_of(start, end)

    def refresh(self) -> bool:
        """Count the period's figures on a worker and show them."""
        from prdesk.store.db import connect
        from prdesk.store.report import summary
        from prdesk.ui.workers import run_with_progress

        try:
            period = self.period()
        except ValidationError as error:
            self.error.setText(str(error))
            return False
        self.error.clear()
        path = self.context.db_path

        def work(_progress):
            db = connect(path)
            try:
                return summary(db, period)
            finally:
                db.close()

        done = run_with_progress(self, work, label=self.tr("Counting the figures of {period}…").format(period=period.title),
                                 cancellable=False, busy=True)
        if not done.ok:
            if done.error is not None:
                messages.show_error(self, str(done.error))
            return False
        self.result = done.value
        self.view.show_summary(self.result)
        return True

    def _open_list(self, area: str, breakdown: str, key: str) -> None:
        if self.result is not None:
            self.page.show_list(area, breakdown, key, self.result.period.start, self.result.period.end)

    def _ensure_result(self) -> bool:
        return self.result is not None or self.refresh()

    def preview_pdf(self):
        """The report as a PDF in the preview, to print or save."""
        from prdesk.printing.performance import render_performance
        from prdesk.ui import printing
        from prdesk.ui.dialogs.pdf_preview import show_pdf

        if not self._ensure_result():
            return None
        data = render_performance(self.context.db, self.result.period, intro=self.intro.toPlainText(),
                                  conclusion=self.conclusion.toPlainText(), result=self.result)
        title = self.tr("Performance report, {period}").format(period=self.result.period.title)
        self.preview_dialog = show_pdf(self, data, title=title, file_name=printing.safe_file_name(title))
        return self.preview_dialog

    def save_xlsx(self, path: str | None = None) -> str | None:
        """The report as an Excel workbook, one right-to-left sheet per area."""
        from prdesk.printing.pages import write_pdf
        from prdesk.store.report import summary_xlsx
        from prdesk.ui import printing

        if not self._ensure_result():
            return None
        title = self.tr("Performance report, {period}").format(period=self.result.period.title)
        path = path or pickers.choose_save_path(
            self, self.tr("Save the report"), printing.safe_file_name(title, ".xlsx"), self.tr("Excel files (*.xlsx)")
        )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        data = summary_xlsx(self.result, intro=self.intro.toPlainText(), conclusion=self.conclusion.toPlainText())
        outcome = self.context.runner.run(lambda: write_pdf(data, path) and None, area="activity")
        if not outcome.ok:
            return None
        self.context.show_status(self.tr("The report was saved in {path}").format(path=left_to_right(path)))
        return path


class ReportsPage(Page):
    """The record of the office's media and public work, and its periodic performance report."""

    key = "reports"
    areas = ("activity", "letters", "contacts", "calendar", "meetings", "messages")

    def title(self) -> str:
        return self.tr("Reports")

    def build(self) -> None:
        self._reload_on_show = True
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportsTabs")
        self.record = RecordPanel(self)
        self.report = ReportPanel(self)
        self.tabs.addTab(self.record, self.tr("Record of work"))
        self.tabs.addTab(self.report, self.tr("Performance report"))
        self.layout_.addWidget(self.tabs, 1)

    def reload(self) -> None:
        if self.defer_until_shown():
            return
        self.record.reload()
        # Figures on screen are for the period the clerk asked for; they are counted again on request.
        self.report.view.mark_stale(self.report.result is not None)

    def show_list(self, area: str, breakdown: str, key: str, start: dt.date, end: dt.date) -> None:
        """The list behind a figure of the report: the period's media work, meetings or messages of that kind."""
        if area == "media":
            self.show_record(start, end, key)
            return
        window = self.window()
        if area not in ("meetings", "messages") or not hasattr(window, "show_page"):
            return
        window.show_page(area)
        page = window.pages[area]
        if area == "meetings":
            listing = page.list_tab
            page.tabs.setCurrentWidget(listing)
            combos = {"by_type": listing.type, "by_status": listing.status}
            for combo in (listing.type, listing.status, listing.host):
                combo.setCurrentIndex(0)
            listing.organization.clear()
            listing.start.set_date(start)
            listing.end.set_date(end)
            combos[breakdown].setCurrentIndex(max(0, combos[breakdown].findData(key)))
            listing.reload()
        else:
            combos = {"by_kind": page.kind, "by_channel": page.channel}
            for combo in (page.kind, page.channel, page.status):
                combo.setCurrentIndex(0)
            page.date_from.set_date(start)
            page.date_to.set_date(end)
            combos[breakdown].setCurrentIndex(max(0, combos[breakdown].findData(key)))
            page.apply_filter()

    def show_record(self, start: dt.date, end: dt.date, kind: str = "") -> None:
        """The record's list for a period and kind: where a figure of the report comes from."""
        self.tabs.setCurrentIndex(RECORD_TAB)
        self.record.show_period(start, end, kind)
