"""The calendar page: the month grid, the selected day's side panel and an agenda for any range."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QActionGroup, QBrush, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import hijri, jalali
from prdesk.core import occasions as occ
from prdesk.core.calendars import gregorian_month_names
from prdesk.core.occasions import DayEntry, DayItem
from prdesk.core.text import search_key, to_persian_digits
from prdesk.errors import PrdeskError
from prdesk.store import calendar as cal
from prdesk.store.calendar import AgendaRow
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.event_dialog import EventDialog
from prdesk.ui.dialogs.occasion_dialog import OccasionDialog, OccasionsDialog
from prdesk.ui.pages.base import Page
from prdesk.ui.print_job import print_preview
from prdesk.ui.printing import safe_file_name
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.month_view import (
    HOLIDAY_RED,
    MUTED,
    MonthView,
    category_names,
    item_details,
    item_label,
    separator,
    shift_months,
    source_names,
)

PRINT_PAPER_KEY = "calendar/print_paper"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 2
# Which source check box lets an item through.
SOURCE_GROUPS = {
    occ.SOURCE_CATALOG: "occasions",
    occ.SOURCE_EVENT: "events",
    occ.SOURCE_BIRTHDAY: "people",
    occ.SOURCE_PERSON: "people",
    "meeting": "events",  # visitor meetings (prdesk.store.meetings.calendar_items)
}


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a Jalali month."""
    first = jalali.to_gregorian(year, month, 1)
    return first, first + dt.timedelta(days=jalali.days_in_month(year, month) - 1)


def _span_name(names: list[str], year_first: int, year_last: int) -> str:
    """«شوال – ذی‌القعده ۱۴۴۷», or «اسفند ۱۴۰۴ – فروردین ۱۴۰۵» across a new year."""
    if len(names) == 1:
        return f"{names[0]} {to_persian_digits(year_first)}"
    if year_first == year_last:
        return f"{names[0]} – {names[-1]} {to_persian_digits(year_last)}"
    return f"{names[0]} {to_persian_digits(year_first)} – {names[-1]} {to_persian_digits(year_last)}"


def other_calendars(first: DayEntry, last: DayEntry) -> str:
    """The lunar and Gregorian months a Jalali month spans, for the line under its name."""
    parts = []
    if first.info.hijri and last.info.hijri:
        names = [first.info.hijri.month_name]
        if (last.info.hijri.year, last.info.hijri.month) != (first.info.hijri.year, first.info.hijri.month):
            names.append(last.info.hijri.month_name)
        parts.append(_span_name(names, first.info.hijri.year, last.info.hijri.year))
    names = [gregorian_month_names[first.date.month - 1]]
    if last.date.month != first.date.month:
        names.append(gregorian_month_names[last.date.month - 1])
    parts.append(_span_name(names, first.date.year, last.date.year))
    return QCoreApplication.translate("CalendarPage", "; ").join(parts)


class AgendaModel(QAbstractTableModel):
    """The agenda's rows: one line per thing on a day, filled a month at a time."""

    COLUMNS = ("date", "weekday", "title", "source", "details")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AgendaRow] = []

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Weekday"), self.tr("Title"), self.tr("Kind"), self.tr("Details")]

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def append(self, rows: list[AgendaRow]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "date":
                return row.day.info.jalali_short
            if column == "weekday":
                return row.day.info.weekday_name
            if column == "title":
                return item_label(row.item)
            if column == "source":
                return source_names().get(row.item.source, row.item.source)
            return item_details(row.item)
        if role == Qt.ItemDataRole.ForegroundRole and (row.item.holiday or (column in ("date", "weekday") and row.day.holiday)):
            return QBrush(HOLIDAY_RED)
        if role == ITEM_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None


class CalendarPage(Page):
    """The month of occasions, events and birthdays; a day's details beside it; an agenda of any range."""

    key = "calendar"
    areas = ("calendar", "contacts", "settings", "today")

    def title(self) -> str:
        return self.tr("Calendar and ceremonies")

    # --- building ---------------------------------------------------------------------------

    def build(self) -> None:
        today = self.context.today()
        self.year, self.month, _ = jalali.jalali_parts(today)
        self.selected = today
        self.hidden_keys: set[str] = set()
        self.event_dialog: EventDialog | None = None
        #: The office's occasions window and the occasion dialog opened from the day panel (for the tests).
        self.occasions_dialog: OccasionsDialog | None = None
        self.occasion_dialog: OccasionDialog | None = None
        #: The print preview opened last.
        self.preview_dialog = None
        self._stale = True
        # What the day panel shows: (day, month shown); the month view selecting its day again after
        # a month is loaded does not fill the panel a second time.
        self._months_shown = 0
        self._day_shown: tuple | None = None
        self._agenda_stale = True
        self._agenda_job = 0
        # True while the agenda is still being read, a month at a time.
        self.agenda_reading = False

        self._build_navigation()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # The filters sit beside the tabs they apply to: the month, its side panel and the agenda.
        self.tabs.setCornerWidget(self._build_filters(), Qt.Corner.TopRightCorner)
        self._read_filter()
        self.tabs.addTab(self._build_month_tab(), self.tr("Month"))
        self.tabs.addTab(self._build_agenda_tab(), self.tr("Agenda"))
        self.tabs.currentChanged.connect(self._tab_changed)
        # Room for the tabs and the filters side by side; QTabWidget leaves its corner out of its minimum.
        corner = self.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        self.tabs.setMinimumWidth(self.tabs.tabBar().sizeHint().width() + corner.sizeHint().width() + 16)
        self.layout_.addWidget(self.tabs, 1)
        self._build_shortcuts()

    def _build_navigation(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.today_button = self._button(self.tr("Today"), self.tr("Show today (Ctrl+T)"), self.go_today)
        # Time runs right to left in a Persian calendar: "previous" points right, towards the past.
        back, back_year, forth, forth_year = ("›", "»", "‹", "«") if self.isRightToLeft() else ("‹", "«", "›", "»")
        self.previous_year_button = self._arrow(back_year, self.tr("Previous year (Ctrl+PageUp)"), lambda: self.move_months(-12))
        self.previous_month_button = self._arrow(back, self.tr("Previous month (PageUp)"), lambda: self.move_months(-1))
        self.next_month_button = self._arrow(forth, self.tr("Next month (PageDown)"), lambda: self.move_months(1))
        self.next_year_button = self._arrow(forth_year, self.tr("Next year (Ctrl+PageDown)"), lambda: self.move_months(12))
        row.addWidget(self.today_button)
        row.addSpacing(8)
        for button in (self.previous_year_button, self.previous_month_button, self.next_month_button, self.next_year_button):
            row.addWidget(button)
        row.addSpacing(14)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.month_title = QLabel()
        self.month_title.setObjectName("monthTitle")
        font = QFont(self.month_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.Bold)
        self.month_title.setFont(font)
        self.month_subtitle = QLabel()
        self.month_subtitle.setObjectName("caption")
        # The subtitle may be cut in a narrow window rather than widen it.
        self.month_subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        titles.addWidget(self.month_title)
        titles.addWidget(self.month_subtitle)
        row.addLayout(titles, 1)

        # The day read (or why it is no date) shows under the field, as tall as the month's two lines;
        # a long message wraps there instead of widening the window.
        self.jump_date = JalaliDateEdit()
        self.jump_date.setObjectName("jumpDate")
        self.jump_date.edit.setPlaceholderText(self.tr("Go to date…"))
        self.jump_date.setFixedWidth(self.jump_date.edit.minimumWidth() + self.fontMetrics().horizontalAdvance("م") * 4)
        self.jump_date.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.jump_date.return_pressed.connect(self.go_to_typed_date)
        self.jump_button = self._button(self.tr("Go"), self.tr("Show the day typed"), self.go_to_typed_date)
        row.addWidget(self.jump_date, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.jump_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(14)
        self.occasions_button = self._button(
            self.tr("Office occasions…"),
            self.tr("The office's own recurring occasions, and the occasions you hid"),
            self.open_occasions,
        )
        row.addWidget(self.occasions_button, 0, Qt.AlignmentFlag.AlignTop)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(self.tr("Print the month, the year or the annual plan of ceremonies (Ctrl+P)"))
        self.print_button.setAutoDefault(False)
        self.print_button.setMenu(self._build_print_menu())
        row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row)
        # Under the header, across the page: when the month's lunar days (marked *) are not official.
        self.lunar_caption = QLabel()
        self.lunar_caption.setObjectName("hint")
        self.lunar_caption.setWordWrap(True)
        self.lunar_caption.hide()
        self.layout_.addWidget(self.lunar_caption)

    def _build_print_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("printMenu")
        self.print_month_action = menu.addAction(self.tr("Print this month"), self.print_month)
        self.print_year_action = menu.addAction(
            self.tr("Print the year (12 months and the year view)"), self.print_year
        )
        self.print_plan_action = menu.addAction(self.tr("Annual plan of ceremonies"), self.print_plan)
        menu.addSeparator()
        papers = menu.addMenu(self.tr("Calendar paper"))
        self.paper_group = QActionGroup(self)
        self.paper_actions: dict[str, QAction] = {}
        chosen = QSettings().value(PRINT_PAPER_KEY, "A4")
        for paper, text in (("A4", self.tr("A4 (desk)")), ("A3", self.tr("A3 (wall)"))):
            action = papers.addAction(text)
            action.setCheckable(True)
            action.setChecked(paper == chosen)
            action.setData(paper)
            action.toggled.connect(lambda on, p=paper: on and QSettings().setValue(PRINT_PAPER_KEY, p))
            self.paper_group.addAction(action)
            self.paper_actions[paper] = action
        if self.paper_group.checkedAction() is None:
            self.paper_actions["A4"].setChecked(True)
        # The wall calendar shows the office's own items and staff birthdays; contacts' birthdays
        # (thousands in a large directory) only when the clerk asks for them.
        self.contacts_action = menu.addAction(self.tr("Include contacts' birthdays"))
        self.contacts_action.setObjectName("printContactsBirthdays")
        self.contacts_action.setCheckable(True)
        self.contacts_action.setChecked(False)
        return menu

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _arrow(self, text: str, tip: str, slot) -> QPushButton:
        button = self._button(text, tip, slot)
        button.setAccessibleName(tip)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        button.setFont(font)
        button.setFixedWidth(button.fontMetrics().horizontalAdvance("»") + 26)
        return button

    def _build_filters(self) -> QWidget:
        holder = QWidget()
        holder.setObjectName("filters")
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 4)
        row.setSpacing(8)
        self.source_boxes = {
            "occasions": QCheckBox(self.tr("Occasions")),
            "events": QCheckBox(self.tr("Events")),
            "people": QCheckBox(self.tr("Birthdays")),
        }
        self.source_boxes["people"].setToolTip(self.tr("Birthdays and other dates kept on people in the contacts"))
        for name, box in self.source_boxes.items():
            box.setObjectName(f"show_{name}")
            box.setChecked(True)
            box.toggled.connect(self._filter_changed)
            row.addWidget(box)
        row.addSpacing(6)
        caption = QLabel(self.tr("Category:"))
        self.category = QComboBox()
        self.category.setObjectName("category")
        caption.setBuddy(self.category)
        # "" rather than None: PySide6 6.12 drops a reference to None each time Qt hands one back.
        self.category.addItem(self.tr("All categories"), "")
        for key, name in category_names().items():
            self.category.addItem(name, key)
        self.category.currentIndexChanged.connect(self._filter_changed)
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category.setMinimumContentsLength(8)
        row.addWidget(caption)
        row.addWidget(self.category)
        row.addSpacing(6)
        self.show_hidden = QCheckBox(self.tr("Hidden occasions"))
        self.show_hidden.setObjectName("show_hidden")
        self.show_hidden.setToolTip(self.tr("List the catalog occasions you hid, greyed, so you can show them again"))
        self.show_hidden.toggled.connect(self._hidden_toggled)
        row.addWidget(self.show_hidden)
        return holder

    def _build_month_tab(self) -> QWidget:
        self.month_view = MonthView()
        self.month_view.date_selected.connect(self._day_selected)
        self.month_view.date_activated.connect(self.new_event)
        self.month_view.date_requested.connect(self.show_date)

        panel = QWidget()
        panel.setObjectName("dayPanel")
        column = QVBoxLayout(panel)
        column.setContentsMargins(12, 4, 4, 0)
        column.setSpacing(4)
        self.day_title = QLabel()
        self.day_title.setObjectName("dayTitle")
        font = QFont(self.day_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.Bold)
        self.day_title.setFont(font)
        self.day_title.setWordWrap(True)
        self.day_others = QLabel()
        self.day_others.setObjectName("caption")
        self.day_others.setWordWrap(True)
        self.day_holiday = QLabel()
        self.day_holiday.setObjectName("holiday")
        self.day_holiday.setStyleSheet("color: #c62828;")
        self.day_list = QListWidget()
        self.day_list.setObjectName("dayItems")
        self.day_list.setWordWrap(True)
        self.day_list.setSpacing(2)
        self.day_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.day_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.day_list.customContextMenuRequested.connect(self._day_menu)
        self.day_list.itemActivated.connect(self._item_activated)
        delete = QAction(self.day_list)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_selected)
        self.day_list.addAction(delete)
        self.day_empty = QLabel(self.tr("Nothing on this day."))
        self.day_empty.setObjectName("hint")
        hint = QLabel(self.tr("Double-click an event to edit it; right-click an occasion to hide it."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.add_day_button = self._button(self.tr("New event on this day…"), self.tr("Add an event on this day (Ctrl+N)"), self.new_event)
        column.addWidget(self.day_title)
        column.addWidget(self.day_others)
        column.addWidget(self.day_holiday)
        column.addSpacing(4)
        column.addWidget(self.day_empty)
        column.addWidget(self.day_list, 1)
        column.addWidget(hint)
        column.addWidget(self.add_day_button, 0, Qt.AlignmentFlag.AlignLeading)

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.month_view)  # first: on the right, where reading starts
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("م") * 16)
        self.splitter.setSizes([1000, 260])
        return self.splitter

    def _build_agenda_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.agenda_from = JalaliDateEdit(orientation=Qt.Orientation.Horizontal)
        self.agenda_from.setObjectName("agendaFrom")
        self.agenda_to = JalaliDateEdit(orientation=Qt.Orientation.Horizontal)
        self.agenda_to.setObjectName("agendaTo")
        for edit in (self.agenda_from, self.agenda_to):
            edit.return_pressed.connect(self.run_agenda)
        self.agenda_text = QLineEdit()
        self.agenda_text.setObjectName("agendaText")
        self.agenda_text.setPlaceholderText(self.tr("Words in the title"))
        self.agenda_text.setClearButtonEnabled(True)
        self.agenda_text.returnPressed.connect(self.run_agenda)
        self.agenda_button = self._button(self.tr("Show"), self.tr("List everything in this range"), self.run_agenda)
        for text, widget in ((self.tr("From"), self.agenda_from), (self.tr("to"), self.agenda_to), (self.tr("Search"), self.agenda_text)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addWidget(self.agenda_button)
        row.addStretch(1)
        column.addLayout(row)
        self.agenda_model = AgendaModel(self)
        self.agenda_view = QTableView()
        self.agenda_view.setObjectName("agenda")
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_view.setAlternatingRowColors(True)
        self.agenda_view.setWordWrap(False)
        self.agenda_view.verticalHeader().hide()
        self.agenda_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.agenda_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        width = self.fontMetrics().horizontalAdvance("م")
        for section, chars in enumerate((9, 8, 30, 8)):
            header.resizeSection(section, width * chars)
        self.agenda_view.activated.connect(self._agenda_activated)
        self.agenda_status = QLabel()
        self.agenda_status.setObjectName("caption")
        column.addWidget(self.agenda_view, 1)
        column.addWidget(self.agenda_status)
        first, last = month_span(self.year, self.month)
        self.agenda_from.set_date(first)
        self.agenda_to.set_date(last)
        return tab

    def _build_shortcuts(self) -> None:
        self.month_actions = []
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.move_months(-1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.move_months(1)),
            (QKeySequence("Ctrl+PgUp"), lambda: self.move_months(-12)),
            (QKeySequence("Ctrl+PgDown"), lambda: self.move_months(12)),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.tabs.widget(0).addAction(action)
            self.month_actions.append(action)
        for keys, slot in (
            (QKeySequence("Ctrl+T"), self.go_today),
            (QKeySequence.StandardKey.New, self.new_event),
            (QKeySequence.StandardKey.Print, self.open_print_menu),
        ):
            action = QAction(self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # --- what is shown ----------------------------------------------------------------------

    def keep(self, item: DayItem) -> bool:
        """Whether the filters let ``item`` through (the month, the side panel and the agenda alike)."""
        groups, category = self._filter
        return SOURCE_GROUPS.get(item.source, "") in groups and (not category or item.category == category)

    def _read_filter(self) -> None:
        # Read once per change, not once per item: a month of a big office holds thousands.
        groups = {name for name, box in self.source_boxes.items() if box.isChecked()}
        self._filter = (groups, self.category.currentData() or "")

    def reload(self) -> None:
        """Show the month again (its data changed); a hidden page waits until it is shown."""
        self._stale = True
        self._agenda_stale = True
        if self.isVisible():
            self._load_month()
            if self.tabs.currentIndex() == 1:
                self.run_agenda()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._load_month()
        if self.tabs.currentIndex() == 1 and self._agenda_stale:
            self.run_agenda()

    def _load_month(self) -> None:
        self._stale = False
        self._months_shown += 1
        db = self.context.db
        first, last = month_span(self.year, self.month)
        include_hidden = self.show_hidden.isChecked()
        entries = cal.range_model(db, first, last, include_hidden=include_hidden)
        self.hidden_keys = cal.hidden_occasion_keys(db) if include_hidden else set()
        if not first <= self.selected <= last:
            self.selected = first
        self.month_view.set_month(
            self.year, self.month, entries, selected=self.selected, today=self.context.today(), keep=self.keep
        )
        self.month_title.setText(f"{jalali.jalali_month_names[self.month - 1]} {to_persian_digits(self.year)}")
        subtitle = other_calendars(entries[0], entries[-1])
        self.month_subtitle.setText(subtitle)
        self.month_subtitle.setToolTip(subtitle)
        note = self.lunar_note({e.info.hijri_source for e in entries})
        self.lunar_caption.setText(note)
        self.lunar_caption.setVisible(bool(note))
        self._follow_month_in_agenda(first, last)
        self._show_day(self.selected)

    def lunar_note(self, sources: set[str]) -> str:
        """What the header says when lunar days of the month are not yet official ("" when all are)."""
        if hijri.ESTIMATED in sources:
            return self.tr("lunar days marked * are estimated from the crescent; they may move by a day")
        if hijri.PREDICTED in sources:
            return self.tr("lunar days marked * are the Calendar Center's prediction, not yet official")
        return ""

    def _follow_month_in_agenda(self, first: dt.date, last: dt.date) -> None:
        """The list (فهرست) shows the month in view, unless the clerk typed a range of their own."""
        shown = (self.agenda_from.date(), self.agenda_to.date())
        if shown == getattr(self, "_agenda_month", shown) and shown != (first, last):
            self.agenda_from.set_date(first)
            self.agenda_to.set_date(last)
            self._agenda_stale = True
            if self.tabs.currentIndex() == 1:
                self.run_agenda()
        self._agenda_month = (first, last)

    def show_date(self, date: dt.date) -> None:
        """Show the month of ``date`` with ``date`` selected."""
        year, month, _ = jalali.jalali_parts(date)
        if not jalali.MIN_YEAR <= year <= jalali.MAX_YEAR:
            return
        self.selected = date
        if (year, month) != (self.year, self.month) or self._stale:
            self.year, self.month = year, month
            self._load_month()
        else:
            self.month_view.select_date(date)
            self._show_day(date)
        self.tabs.setCurrentIndex(0)

    def move_months(self, months: int) -> None:
        """Show the month ``months`` away (negative: earlier), on the same day of the month."""
        self.show_date(shift_months(self.selected, months))
        self.month_view.setFocus()

    def go_today(self) -> None:
        self.show_date(self.context.today())
        self.month_view.setFocus()

    def go_to_typed_date(self) -> None:
        """Show the day typed in «go to date»; a wrong date keeps its message under the field."""
        date = self.jump_date.date()
        if date is None:
            self.jump_date.setFocus()
            if not self.jump_date.error():
                self.jump_date.show_error(self.tr("Type the date to show, e.g. 1405/01/01."))
            # In a narrow window the line beside the field is short; the status bar has room.
            self.context.show_status(self.jump_date.error() or self.jump_date.hint.text())
            return
        self.show_date(date)
        self.month_view.setFocus()

    def _filter_changed(self) -> None:
        self._read_filter()
        self._months_shown += 1
        self.month_view.month_model.set_filter(self.keep)
        self._show_day(self.selected)
        self._agenda_stale = True
        if self.tabs.currentIndex() == 1:
            self.run_agenda()

    def _hidden_toggled(self) -> None:
        self.reload()

    def _tab_changed(self, index: int) -> None:
        for action in self.month_actions:
            action.setEnabled(index == 0)
        if index == 1 and self._agenda_stale:
            self.run_agenda()

    # --- the selected day -------------------------------------------------------------------

    def _day_selected(self, date: dt.date) -> None:
        self.selected = date
        self._show_day(date)

    def _show_day(self, date: dt.date) -> None:
        if self._day_shown == (date, self._months_shown):
            return
        entry = self.month_view.month_model.entry(date)
        if entry is None:
            return
        self._day_shown = (date, self._months_shown)
        info = entry.info
        self.day_title.setText(info.jalali_long)
        self.day_others.setText(self.tr("; ").join(part for part in (info.hijri_long, info.gregorian_long_fa) if part))
        # A hidden official holiday still closes the office, so a non-Friday holiday is official.
        official = not info.is_friday or any(item.holiday for item in entry.occasions)
        self.day_holiday.setText(self.tr("Official holiday") if official else self.tr("Friday, the weekly holiday"))
        self.day_holiday.setVisible(entry.holiday)
        note = {
            hijri.PREDICTED: self.tr("lunar date as predicted; not yet official"),
            hijri.ESTIMATED: self.tr("lunar date estimated"),
        }.get(info.hijri_source)
        if note:
            self.day_others.setText(self.day_others.text() + f" ({note})")
        self.day_list.clear()
        for item in self._with_birthday_names(date, self.month_view.month_model.shown_items(date)):
            hidden = item.source == occ.SOURCE_CATALOG and item.ref in self.hidden_keys
            details = item_details(item)
            if hidden:
                details = self.tr("hidden") + separator() + details
            row = QListWidgetItem(f"{item_label(item)}\n{details}")
            row.setData(ITEM_ROLE, item)
            row.setData(HIDDEN_ROLE, hidden)
            row.setToolTip(f"{to_persian_digits(item.title)}\n{details}")
            if hidden:
                row.setForeground(QBrush(MUTED))
                font = QFont(self.day_list.font())
                font.setItalic(True)
                row.setFont(font)
            elif item.holiday:
                row.setForeground(QBrush(HOLIDAY_RED))
            elif item.source == occ.SOURCE_EVENT and item.status == "cancelled":
                font = QFont(self.day_list.font())
                font.setStrikeOut(True)
                row.setFont(font)
                row.setForeground(QBrush(MUTED))
            self.day_list.addItem(row)
        self.day_empty.setVisible(self.day_list.count() == 0)

    def _with_birthday_names(self, date: dt.date, items: list[DayItem]) -> list[DayItem]:
        """The day's items, with the contacts whose birthday it is named after their count («۱۲ تولد»)."""
        listed: list[DayItem] = []
        for item in items:
            listed.append(item)
            if item.source == occ.SOURCE_BIRTHDAY and item.count:
                listed.extend(
                    DayItem(f"تولد {person.name}", "contact", False, occ.SOURCE_BIRTHDAY, "greeting", person.person_id)
                    for person in cal.contact_birthdays_on(self.context.db, date)
                )
        return listed

    def day_items(self) -> list[DayItem]:
        """The items the side panel lists now."""
        return [self.day_list.item(row).data(ITEM_ROLE) for row in range(self.day_list.count())]

    def _day_menu(self, position: QPoint) -> None:
        menu = self.day_menu(self.day_list.itemAt(position))
        menu.exec(self.day_list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def day_menu(self, row: QListWidgetItem | None) -> QMenu:
        """The context menu of a line of the side panel (or of its empty space, for None)."""
        menu = QMenu(self)
        if row is not None:
            self._fill_item_menu(menu, row.data(ITEM_ROLE), row.data(HIDDEN_ROLE))
            menu.addSeparator()
        menu.addAction(self.tr("New event on this day…"), self.new_event)
        return menu

    def _fill_item_menu(self, menu: QMenu, item: DayItem, hidden: bool) -> None:
        db = self.context.db
        run = self.context.runner.run
        if item.source == occ.SOURCE_EVENT:
            event_id = int(item.ref)
            menu.addAction(self.tr("Edit event…"), lambda: self.edit_event(event_id))
            statuses = (
                ("held", self.tr("Mark as held")),
                ("cancelled", self.tr("Mark as cancelled")),
                ("planned", self.tr("Mark as planned")),
            )
            for status, text in statuses:
                if item.status != status:
                    menu.addAction(text, lambda s=status: run(lambda: cal.set_event_status(db, event_id, s), area="calendar"))
            menu.addAction(self.tr("Delete event…"), lambda: self.delete_event(event_id, item.title))
        elif item.source == occ.SOURCE_CATALOG and isinstance(item.ref, str) and item.ref.startswith(cal.CUSTOM_PREFIX):
            occasion_id = int(item.ref[len(cal.CUSTOM_PREFIX):])
            menu.addAction(self.tr("Edit the office's occasion…"), lambda: self.edit_custom_occasion(occasion_id))
            menu.addAction(self.tr("The office's occasions…"), self.open_occasions)
        elif item.source == occ.SOURCE_CATALOG and isinstance(item.ref, str):
            key = item.ref
            if hidden:
                menu.addAction(self.tr("Show this occasion again"), lambda: self.show_occasion(key))
            else:
                menu.addAction(self.tr("Hide this occasion"), lambda: self.hide_occasion(key))
        from prdesk.ui.dialogs.message_occasion import add_message_actions  # the messages area's own entry

        add_message_actions(menu, self.context, self, item)

    def hide_occasion(self, key: str) -> None:
        """Hide a catalog occasion from every view."""
        outcome = self.context.runner.run(lambda: cal.hide_occasion(self.context.db, key), area="calendar")
        if outcome.ok:
            self.context.show_status(
                self.tr("The occasion is hidden; tick «Show hidden occasions» to see it and show it again.")
            )

    def show_occasion(self, key: str) -> None:
        """Show a hidden catalog occasion again."""
        outcome = self.context.runner.run(lambda: cal.show_occasion(self.context.db, key), area="calendar")
        if outcome.ok:
            self.context.show_status(self.tr("The occasion is shown again."))

    def _item_activated(self, row: QListWidgetItem) -> None:
        item: DayItem = row.data(ITEM_ROLE)
        if item.source == occ.SOURCE_EVENT:
            self.edit_event(int(item.ref))
        elif isinstance(item.ref, str) and item.ref.startswith(cal.CUSTOM_PREFIX):
            self.edit_custom_occasion(int(item.ref[len(cal.CUSTOM_PREFIX):]))

    def _delete_selected(self) -> None:
        row = self.day_list.currentItem()
        item = row.data(ITEM_ROLE) if row is not None else None
        if item is not None and item.source == occ.SOURCE_EVENT:
            self.delete_event(int(item.ref), item.title)

    # --- events -----------------------------------------------------------------------------

    def new_event(self, date: dt.date | None = None) -> None:
        """Open the event dialog for a new event on ``date`` (the selected day by default)."""
        if not isinstance(date, dt.date):
            date = self.selected
        self._open_dialog(EventDialog(self.context, date=date, parent=self))

    def edit_event(self, event_id: int) -> None:
        """Open the event dialog on a saved event."""
        try:
            event = cal.get_event(self.context.db, event_id)
        except PrdeskError as exc:
            messages.show_error(self, str(exc))
            self.reload()
            return
        self._open_dialog(EventDialog(self.context, event=event, parent=self))

    def delete_event(self, event_id: int, title: str) -> None:
        """Delete an event after asking."""
        if not messages.confirm(self, self.tr("Delete the event «{title}»?").format(title=title)):
            return
        outcome = self.context.runner.run(lambda: cal.delete_event(self.context.db, event_id), area="calendar")
        if outcome.ok:
            self.context.show_status(self.tr("The event was deleted."))

    def _open_dialog(self, dialog: EventDialog) -> None:
        # open(), not exec(): the window stays responsive and tests can drive the dialog.
        self.event_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        dialog.open()

    def _dialog_closed(self, dialog: EventDialog) -> None:
        if self.event_dialog is dialog:
            self.event_dialog = None
        if dialog.saved is not None:
            self.show_date(dialog.saved.date)
        self.month_view.setFocus()

    # --- the office's occasions --------------------------------------------------------------

    def open_occasions(self) -> OccasionsDialog:
        """The window of the office's own occasions and of the hidden ones (one at a time)."""
        if self.occasions_dialog is None:
            dialog = OccasionsDialog(self.context, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "occasions_dialog", None))
            self.occasions_dialog = dialog
            dialog.open()
        self.occasions_dialog.raise_()
        self.occasions_dialog.activateWindow()
        return self.occasions_dialog

    def edit_custom_occasion(self, occasion_id: int) -> OccasionDialog | None:
        """Open one of the office's occasions from the day panel."""
        try:
            occasion = cal.get_custom_occasion(self.context.db, occasion_id)
        except PrdeskError as exc:
            messages.show_error(self, str(exc))
            self.reload()
            return None
        dialog = OccasionDialog(self.context, occasion=occasion, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._occasion_closed(d))
        self.occasion_dialog = dialog
        dialog.open()
        return dialog

    def _occasion_closed(self, dialog: OccasionDialog) -> None:
        if self.occasion_dialog is dialog:
            self.occasion_dialog = None
        self.month_view.setFocus()

    # --- printing -----------------------------------------------------------------------------

    def open_print_menu(self) -> None:
        """Ctrl+P: the print menu under its button, where the mouse would open it."""
        self.print_button.showMenu()

    def print_paper(self) -> str:
        """The paper the calendars are printed on: A4 or A3."""
        action = self.paper_group.checkedAction()
        return action.data() if action is not None else "A4"

    def _print(self, render, *, label: str, title: str, file_name: str):
        self.preview_dialog = print_preview(
            self, self.context.db_path, render, label=label, title=title, file_name=safe_file_name(file_name)
        )
        return self.preview_dialog

    def print_month(self):
        """The month shown, as a printed page (a grid like the screen, three calendars per day)."""
        from prdesk.printing.calendar import render_calendar

        year, month, paper, printed = self.year, self.month, self.print_paper(), self.context.today()
        contacts = self.contacts_action.isChecked()
        name = f"{jalali.jalali_month_names[month - 1]} {to_persian_digits(year)}"
        return self._print(
            lambda db: render_calendar(db, year, month, paper=paper, printed=printed, contacts=contacts),
            label=self.tr("Laying out the calendar of {month}…").format(month=name),
            title=self.tr("Calendar of {month}").format(month=name),
            file_name=self.tr("calendar {month}").format(month=name),
        )

    def print_year(self):
        """The year shown: its twelve month pages and the year on one page."""
        from prdesk.printing.calendar import render_calendar

        year, paper, printed = self.year, self.print_paper(), self.context.today()
        contacts = self.contacts_action.isChecked()
        shown = to_persian_digits(year)
        return self._print(
            lambda db: render_calendar(db, year, None, paper=paper, printed=printed, contacts=contacts),
            label=self.tr("Laying out the twelve months of {year}…").format(year=shown),
            title=self.tr("Calendar of the year {year}").format(year=shown),
            file_name=self.tr("calendar {year}").format(year=shown),
        )

    def print_plan(self):
        """The office's events of the year shown, as the annual plan of ceremonies (a table)."""
        from prdesk.printing.plan import render_plan

        year, printed = self.year, self.context.today()
        shown = to_persian_digits(year)
        return self._print(
            lambda db: render_plan(db, year, printed=printed),
            label=self.tr("Laying out the annual plan of {year}…").format(year=shown),
            title=self.tr("Annual plan of ceremonies {year}").format(year=shown),
            file_name=self.tr("annual plan {year}").format(year=shown),
        )

    # --- the agenda -------------------------------------------------------------------------

    def run_agenda(self) -> None:
        """List everything from «from» to «to» that the filters let through, a month at a time.

        Each month is one short query; the next one waits for the event loop, so a long range
        never freezes the window and a new request cancels the one under way.
        """
        self._agenda_stale = False
        self._agenda_job += 1
        self.agenda_reading = False
        self.agenda_model.clear()
        start, end = self.agenda_from.date(), self.agenda_to.date()
        if start is None or end is None:
            self.agenda_status.setText(self.tr("Type the first and the last day of the range."))
            return
        if end < start:
            self.agenda_status.setText(self.tr("The last day comes before the first; swap them."))
            return
        self._agenda_range = (start, end)
        self._agenda_needle = search_key(self.agenda_text.text())
        self._agenda_hidden = self.show_hidden.isChecked()
        self.agenda_reading = True
        self._agenda_step(self._agenda_job, start)

    def _agenda_step(self, job: int, start: dt.date) -> None:
        if job != self._agenda_job:
            return  # a newer request replaced this one
        first, last = self._agenda_range
        year, month, _ = jalali.jalali_parts(start)
        chunk_end = min(month_span(year, month)[1], last)
        rows = []
        for entry in cal.range_model(self.context.db, start, chunk_end, include_hidden=self._agenda_hidden):
            for item in entry.occasions:
                if self.keep(item) and (not self._agenda_needle or self._agenda_needle in search_key(item.title)):
                    rows.append(AgendaRow(entry, item))
        self.agenda_model.append(rows)
        count = to_persian_digits(self.agenda_model.rowCount())
        if chunk_end < last:
            self.agenda_status.setText(self.tr("Reading… {count} so far").format(count=count))
            QTimer.singleShot(0, lambda: self._agenda_step(job, chunk_end + dt.timedelta(days=1)))
        else:
            self.agenda_reading = False
            self.agenda_status.setText(
                self.tr("{count} items from {first} to {last}").format(
                    count=count, first=jalali.format_jalali(first), last=jalali.format_jalali(last)
                )
            )

    def _agenda_activated(self, index: QModelIndex) -> None:
        row: AgendaRow | None = index.data(ITEM_ROLE)
        if row is None:
            return
        if row.item.source == occ.SOURCE_EVENT:
            self.edit_event(int(row.item.ref))
        else:
            self.show_date(row.day.date)
            self.month_view.setFocus()
