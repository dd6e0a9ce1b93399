"""The app's own month grid: Saturday-first, right to left, three calendars and what each day holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from prdesk.core import hijri, jalali
from prdesk.core import occasions as occ
from prdesk.core.calendars import gregorian_month_names
from prdesk.core.occasions import DayEntry, DayItem
from prdesk.core.text import to_persian_digits

# The day of a cell (a prdesk.core.occasions.DayEntry; None for a cell outside the month).
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
# The Gregorian date of a cell (datetime.date).
DATE_ROLE = Qt.ItemDataRole.UserRole + 2
# The items the cell lists, after the filter (list of DayItem).
ITEMS_ROLE = Qt.ItemDataRole.UserRole + 3
# Whether the cell is today.
TODAY_ROLE = Qt.ItemDataRole.UserRole + 4

HOLIDAY_RED = QColor("#c62828")
TEXT = QColor("#1f2933")
MUTED = QColor("#616e7c")
DAY_BACKGROUND = QColor("#ffffff")
HOLIDAY_BACKGROUND = QColor("#fff4f3")
EMPTY_BACKGROUND = QColor("#f3f5f8")
SELECTED_BACKGROUND = QColor("#dcebf7")
TODAY_BORDER = QColor("#2f6690")
# The bullet before each item says where it comes from.
BULLETS = {
    "holiday": HOLIDAY_RED,
    occ.SOURCE_CATALOG: QColor("#2f6690"),
    "office": QColor("#00897b"),
    occ.SOURCE_EVENT: QColor("#e07a10"),
    occ.SOURCE_BIRTHDAY: QColor("#8e44ad"),
    occ.SOURCE_PERSON: QColor("#7b8794"),
}


def separator() -> str:
    """Between the parts of one line («ملی، پیام تبریک مرسوم است»); a dot would read as the Persian zero."""
    return QCoreApplication.translate("MonthView", ", ")


def weekday_names() -> list[str]:
    """The seven weekday names, Saturday first, in the window's language."""
    return [
        QCoreApplication.translate("MonthView", "Saturday"),
        QCoreApplication.translate("MonthView", "Sunday"),
        QCoreApplication.translate("MonthView", "Monday"),
        QCoreApplication.translate("MonthView", "Tuesday"),
        QCoreApplication.translate("MonthView", "Wednesday"),
        QCoreApplication.translate("MonthView", "Thursday"),
        QCoreApplication.translate("MonthView", "Friday"),
    ]


def source_names() -> dict[str, str]:
    """Where a day's item comes from, as the filters and the agenda name it."""
    return {
        occ.SOURCE_CATALOG: QCoreApplication.translate("MonthView", "Occasion"),
        occ.SOURCE_EVENT: QCoreApplication.translate("MonthView", "Event"),
        occ.SOURCE_BIRTHDAY: QCoreApplication.translate("MonthView", "Birthday"),
        occ.SOURCE_PERSON: QCoreApplication.translate("MonthView", "Person's date"),
        "meeting": QCoreApplication.translate("MonthView", "Visitor meeting"),
    }


def category_names() -> dict[str, str]:
    """Every category a day's item can have: occasion categories, event types, staff or contact."""
    return {
        "national": QCoreApplication.translate("MonthView", "National"),
        "religious": QCoreApplication.translate("MonthView", "Religious"),
        "international": QCoreApplication.translate("MonthView", "International"),
        "office": QCoreApplication.translate("MonthView", "Office-related"),
        "ceremony": QCoreApplication.translate("MonthView", "Ceremony"),
        "meeting": QCoreApplication.translate("MonthView", "Meeting"),
        "exhibition": QCoreApplication.translate("MonthView", "Exhibition"),
        "seminar": QCoreApplication.translate("MonthView", "Seminar or training"),
        "visit": QCoreApplication.translate("MonthView", "Visit"),
        "retiree_honoring": QCoreApplication.translate("MonthView", "Retiree honoring"),
        "anniversary": QCoreApplication.translate("MonthView", "Anniversary"),
        "other": QCoreApplication.translate("MonthView", "Other"),
        "staff": QCoreApplication.translate("MonthView", "Staff"),
        "contact": QCoreApplication.translate("MonthView", "Contact"),
    }


def event_status_names() -> dict[str, str]:
    """The statuses of an event."""
    return {
        "planned": QCoreApplication.translate("MonthView", "Planned"),
        "held": QCoreApplication.translate("MonthView", "Held"),
        "cancelled": QCoreApplication.translate("MonthView", "Cancelled"),
    }


def time_range(start: str, end: str) -> str:
    """«۰۹:۳۰–۱۲:۰۰», or the start alone; "" for an all-day event."""
    if not start:
        return ""
    return to_persian_digits(f"{start}–{end}" if end else start)


def item_details(item: DayItem) -> str:
    """The second line of an item in a list: what kind of thing it is, when and where."""
    categories = category_names()
    parts: list[str] = []
    if item.source == occ.SOURCE_EVENT:
        parts.append(categories.get(item.category, item.category))
        parts.append(time_range(item.start_time, item.end_time) or QCoreApplication.translate("MonthView", "all day"))
        parts.append(item.location)
        if item.status and item.status != "planned":
            parts.append(event_status_names().get(item.status, item.status))
    else:
        if item.holiday:
            parts.append(QCoreApplication.translate("MonthView", "Official holiday"))
        if item.source == occ.SOURCE_CATALOG:
            parts.append(categories.get(item.category, item.category))
        else:
            parts.append(source_names()[item.source])
            parts.append(categories.get(item.category, item.category))
        if item.message == "greeting":
            parts.append(QCoreApplication.translate("MonthView", "a greeting is customary"))
        elif item.message == "condolence":
            parts.append(QCoreApplication.translate("MonthView", "a condolence is customary"))
    return separator().join(part for part in parts if part)


def item_label(item: DayItem) -> str:
    """One line for an item in a cell: an event's start time before its title, in Persian digits."""
    if item.source == occ.SOURCE_EVENT and item.start_time:
        return to_persian_digits(f"{item.start_time} {item.title}")
    return to_persian_digits(item.title)


def bullet_color(item: DayItem) -> QColor:
    """The colour of an item's bullet: red holidays, office occasions, events, people."""
    if item.holiday:
        return BULLETS["holiday"]
    if item.source == occ.SOURCE_CATALOG and item.category == "office":
        return BULLETS["office"]
    return BULLETS.get(item.source, MUTED)


def _cell_priority(item: DayItem) -> int:
    """Which items a full cell keeps: the office's own, then holidays, contacts' birthdays, the rest."""
    if item.source != occ.SOURCE_CATALOG and item.category not in ("contact",):
        return 0  # an event, a staff birthday, a meeting: the clerk's own never hides behind occasions
    if str(item.ref).startswith("custom:"):
        return 0
    if item.holiday:
        return 1
    if item.source == occ.SOURCE_BIRTHDAY and item.count:
        return 3  # a cut count is named on the "+N" line instead
    return 2


def cut_items(items: list[DayItem], lines: int) -> tuple[list[DayItem], int]:
    """The items a cell of ``lines`` lines lists (in their order), and how many its "+N" line counts.

    When they do not all fit, the office's own items are kept first, then holidays, then the
    catalog's occasions, then the contacts' birthday count (which the "+N" line then names).
    """
    if len(items) <= lines:
        return items, 0
    room = max(lines - 1, 0)
    chosen = sorted(range(len(items)), key=lambda i: (_cell_priority(items[i]), i))[:room]
    shown = [items[i] for i in sorted(chosen)]
    return shown, len(items) - len(shown)


def more_line(items: list[DayItem], shown: list[DayItem], rest: int, *, short: bool = False) -> str:
    """The last line of a full cell: «+۷ مورد دیگر», or «۹۶ تولد، +۶ مورد دیگر» when the birthday count is cut.

    ``short`` for a narrow cell: «+۷», or «۹۶ تولد، +۶».
    """
    counted = next((item for item in items if item.count and item not in shown), None)
    if counted is None:
        if short:
            return f"+{to_persian_digits(rest)}"
        return QCoreApplication.translate("MonthView", "+{count} more").format(count=to_persian_digits(rest))
    if rest == 1:
        return counted.title
    if short:
        text = QCoreApplication.translate("MonthView", "{birthdays}, +{count}")
    else:
        text = QCoreApplication.translate("MonthView", "{birthdays}, +{count} more")
    return text.format(birthdays=counted.title, count=to_persian_digits(rest - 1))


def shift_months(date: dt.date, months: int) -> dt.date:
    """The same Jalali day ``months`` months later (earlier when negative), kept inside the month."""
    year, month, day = jalali.jalali_parts(date)
    index = year * 12 + (month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    year = min(max(year, jalali.MIN_YEAR), jalali.MAX_YEAR)
    return jalali.to_gregorian(year, month, min(day, jalali.days_in_month(year, month)))


class MonthModel(QAbstractTableModel):
    """The cells of one Jalali month: seven columns from Saturday, one row per week."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = self.month = 0
        self._grid: list[list[dt.date | None]] = []
        self._entries: dict[dt.date, DayEntry] = {}
        self._shown: dict[dt.date, list[DayItem]] = {}
        self._today: dt.date | None = None
        self._keep: Callable[[DayItem], bool] = lambda item: True

    # --- filling ------------------------------------------------------------------------------

    def set_month(
        self,
        year: int,
        month: int,
        entries: list[DayEntry],
        *,
        today: dt.date | None = None,
        keep: Callable[[DayItem], bool] | None = None,
    ) -> None:
        """Show ``entries`` (the days of the Jalali month, as month_model builds them)."""
        self.beginResetModel()
        self.year, self.month = year, month
        self._grid = jalali.month_grid(year, month)
        self._entries = {entry.date: entry for entry in entries}
        self._today = today
        if keep is not None:
            self._keep = keep
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, keep: Callable[[DayItem], bool]) -> None:
        """List only the items ``keep`` accepts (the days, holidays included, stay)."""
        self._keep = keep
        self._apply_filter()
        self._changed_all()

    def set_today(self, today: dt.date | None) -> None:
        self._today = today
        self._changed_all()

    def _apply_filter(self) -> None:
        self._shown = {day: [i for i in entry.occasions if self._keep(i)] for day, entry in self._entries.items()}

    def _changed_all(self) -> None:
        if self._grid:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._grid) - 1, 6))

    # --- reading ------------------------------------------------------------------------------

    def entry(self, date: dt.date) -> DayEntry | None:
        """The day ``date`` of the month shown, or None when it is not in it."""
        return self._entries.get(date)

    def is_today(self, date: dt.date) -> bool:
        return date == self._today

    def shown_items(self, date: dt.date) -> list[DayItem]:
        """The items of ``date`` the filter keeps."""
        return self._shown.get(date, [])

    def days(self) -> list[dt.date]:
        """The days of the month shown, in order."""
        return [day for week in self._grid for day in week if day is not None]

    def index_of(self, date: dt.date) -> QModelIndex:
        """The cell of ``date``; invalid when it is not in the month shown."""
        for row, week in enumerate(self._grid):
            if date in week:
                return self.index(row, week.index(date))
        return QModelIndex()

    def date_at(self, index: QModelIndex) -> dt.date | None:
        if not index.isValid() or index.row() >= len(self._grid):
            return None
        return self._grid[index.row()][index.column()]

    # --- the Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._grid)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self.date_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        day = self.date_at(index)
        if day is None:
            return None
        entry = self._entries.get(day)
        if role == Qt.ItemDataRole.DisplayRole:
            return to_persian_digits(jalali.jalali_parts(day)[2])
        if role == DATE_ROLE:
            return day
        if role == DAY_ROLE:
            return entry
        if role == ITEMS_ROLE:
            return self._shown.get(day, [])
        if role == TODAY_ROLE:
            return day == self._today
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(day, entry)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(HOLIDAY_RED) if entry is not None and entry.holiday else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 7:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return weekday_names()[section]
        if role == Qt.ItemDataRole.ForegroundRole and section == jalali.FRIDAY:
            return QBrush(HOLIDAY_RED)
        return None

    def _describe(self, day: dt.date, entry: DayEntry | None) -> str:
        if entry is None:
            return jalali.format_jalali_long(day)
        info = entry.info
        lines = [" — ".join(part for part in (info.jalali_long, info.hijri_long, info.gregorian_long_fa) if part)]
        if entry.holiday:
            lines.append(QCoreApplication.translate("MonthView", "Holiday"))
        lines += ["• " + item_label(item) for item in self._shown.get(day, [])]
        return "\n".join(lines)


class DayDelegate(QStyledItemDelegate):
    """Paints a day: the Jalali day large, the lunar and Gregorian days small, then its items."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # The fonts of a cell and their metrics, made once per view font (a month paints ~40
        # cells, each with its items, on every switch); and each item's shortened label.
        self._fonts: dict[str, tuple] = {}
        self._elided: dict[tuple[str, int, str], str] = {}

    def _fonts_for(self, font: QFont) -> tuple:
        """(big, its metrics, small, its metrics, item font, its metrics, struck-out item font) for ``font``."""
        key = font.key()
        found = self._fonts.get(key)
        if found is None:
            base = font.pointSizeF()
            big = QFont(font)
            big.setPointSizeF(base * 1.45)
            big.setWeight(QFont.Weight.Bold)
            small = QFont(font)
            small.setPointSizeF(base * 0.78)
            item = QFont(font)
            item.setPointSizeF(base * 0.84)
            struck = QFont(item)
            struck.setStrikeOut(True)
            found = self._fonts[key] = (big, QFontMetrics(big), small, QFontMetrics(small), item, QFontMetrics(item), struck)
        return found

    def _elide(self, metrics: QFontMetrics, key: str, text: str, width: int) -> str:
        found = self._elided.get((text, width, key))
        if found is None:
            if len(self._elided) > 20000:
                self._elided.clear()
            found = self._elided[(text, width, key)] = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return found

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(height * 6, height * 5)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        try:
            self._paint(painter, option, index)
        finally:
            painter.restore()

    def _paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Straight from the model, not through index.data(): PySide6 6.12 loses a reference to
        # None each time an empty QVariant comes back to Python, and a paint asks for thousands.
        model: MonthModel = index.model()
        day = model.date_at(index)
        if day is None:
            painter.fillRect(rect, EMPTY_BACKGROUND)
            return
        entry = model.entry(day)
        holiday = entry is not None and entry.holiday
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, SELECTED_BACKGROUND if selected else HOLIDAY_BACKGROUND if holiday else DAY_BACKGROUND)
        if model.is_today(day):
            painter.setPen(QPen(TODAY_BORDER, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        elif selected and option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(TODAY_BORDER.lighter(150), 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))

        right_to_left = option.direction == Qt.LayoutDirection.RightToLeft
        absolute = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        leading = absolute | (Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft)
        trailing = absolute | (Qt.AlignmentFlag.AlignLeft if right_to_left else Qt.AlignmentFlag.AlignRight)
        inner = rect.adjusted(6, 3, -6, -3)
        big, big_metrics, small, small_metrics, font, metrics, struck = self._fonts_for(option.font)
        number = to_persian_digits(jalali.jalali_parts(day)[2])
        painter.setFont(big)
        painter.setPen(HOLIDAY_RED if holiday else TEXT)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), big_metrics.height()), leading, number)

        room = inner.width() - big_metrics.horizontalAdvance(number) - 6
        painter.setFont(small)
        painter.setPen(MUTED)
        line = QRect(inner.left(), inner.top() + 2, inner.width(), small_metrics.height())
        first_cell = jalali.jalali_parts(day)[2] == 1
        for text, with_month in self._other_days(entry, day, first_cell):
            shown = with_month if small_metrics.horizontalAdvance(with_month) <= room else text
            painter.drawText(line, trailing, shown)
            line.translate(0, small_metrics.height())

        top = inner.top() + max(big_metrics.height(), 2 * small_metrics.height() + 2) + 1
        items = model.shown_items(day)
        if not items:
            return
        font_key = option.font.key()
        height = metrics.height()
        fits = max(0, (inner.bottom() - top + 1) // height)
        if fits == 0:
            return
        shown_items, rest = cut_items(items, fits)
        painter.setFont(font)
        bullet = max(5, height // 3)
        for item in shown_items:
            row = QRect(inner.left(), top, inner.width(), height)
            dot_x = row.right() - bullet if right_to_left else row.left()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bullet_color(item))
            painter.drawEllipse(dot_x, row.center().y() - bullet // 2, bullet, bullet)
            text_rect = row.adjusted(0, 0, -(bullet + 4), 0) if right_to_left else row.adjusted(bullet + 4, 0, 0, 0)
            cancelled = item.source == occ.SOURCE_EVENT and item.status == "cancelled"
            painter.setFont(struck if cancelled else font)
            painter.setPen(HOLIDAY_RED if item.holiday else MUTED if cancelled else TEXT)
            label = self._elide(metrics, font_key, item_label(item), text_rect.width())
            painter.drawText(text_rect, leading, label)
            top += height
        if rest:
            painter.setFont(font)
            painter.setPen(MUTED)
            more = more_line(items, shown_items, rest)
            if metrics.horizontalAdvance(more) > inner.width():
                more = more_line(items, shown_items, rest, short=True)
            if metrics.horizontalAdvance(more) > inner.width():
                more = f"+{to_persian_digits(rest)}"
            painter.drawText(QRect(inner.left(), top, inner.width(), height), leading, more)

    @staticmethod
    def _other_days(entry: DayEntry | None, day: dt.date, first_cell: bool) -> list[tuple[str, str]]:
        """The lunar and the Gregorian day, each plain and with its month's name (on a month's first day).

        Lunar first, as the line under the month's name lists them.
        """
        found = []
        lunar = entry.info.hijri if entry is not None else None
        if lunar is not None:
            # «*»: a lunar day not yet official (the month's header says what it means).
            text = to_persian_digits(lunar.day) + ("*" if entry.info.hijri_source != hijri.OFFICIAL else "")
            named = lunar.day == 1 or first_cell
            found.append((text, f"{text} {lunar.month_name}" if named else text))
        gregorian = to_persian_digits(day.day)
        named = day.day == 1 or first_cell
        found.append((gregorian, f"{gregorian} {gregorian_month_names[day.month - 1]}" if named else gregorian))
        return found


class MonthView(QTableView):
    """The month grid; arrows move by day and week, PageUp/PageDown by month, Enter or double-click opens a day.

    The view shows the month it is given; when the keyboard leaves that month it asks for the
    new day with ``date_requested`` and the owner loads that month.
    """

    # The selected day changed (a datetime.date).
    date_selected = Signal(object)
    # A day was double-clicked or Enter was pressed on it.
    date_activated = Signal(object)
    # The keyboard moved to a day of another month; show that month and select the day.
    date_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("monthView")
        self.month_model = MonthModel(self)
        self.setModel(self.month_model)
        self.setItemDelegate(DayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setMouseTracking(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionsClickable(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setStyleSheet("QTableView#monthView { gridline-color: #d9e0e8; background: #f3f5f8; }")
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.doubleClicked.connect(self._double_clicked)

    def minimumSizeHint(self) -> QSize:
        # Small enough for a laptop screen beside the navigation; a cell then shows its day numbers
        # and the first item or the "+N" line.
        height = self.fontMetrics().height()
        return QSize(height * 3 * 7, int(height * 1.6 * 6) + self.horizontalHeader().sizeHint().height())

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(height * 7 * 7, height * 5 * 6)

    # --- the month and the selected day -------------------------------------------------------

    def set_month(
        self,
        year: int,
        month: int,
        entries: list[DayEntry],
        *,
        selected: dt.date | None = None,
        today: dt.date | None = None,
        keep: Callable[[DayItem], bool] | None = None,
    ) -> None:
        """Show a Jalali month and select ``selected`` (or its first day)."""
        self.month_model.set_month(year, month, entries, today=today, keep=keep)
        days = self.month_model.days()
        self.select_date(selected if selected in days else days[0])

    def select_date(self, date: dt.date) -> bool:
        """Select ``date`` when it is in the month shown; False otherwise."""
        index = self.month_model.index_of(date)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        return True

    def selected_date(self) -> dt.date | None:
        """The day selected, or None."""
        return self.month_model.date_at(self.currentIndex())

    # --- keyboard and mouse -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.selected_date()
        key, modifiers = event.key(), event.modifiers()
        if current is None or modifiers & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ControlModifier):
            super().keyPressEvent(event)
            return
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        # In a right-to-left grid the next day is on the left.
        forward = Qt.Key.Key_Left if self.isRightToLeft() else Qt.Key.Key_Right
        backward = Qt.Key.Key_Right if self.isRightToLeft() else Qt.Key.Key_Left
        target = None
        if key == forward and not control:
            target = current + dt.timedelta(days=1)
        elif key == backward and not control:
            target = current - dt.timedelta(days=1)
        elif key == Qt.Key.Key_Down and not control:
            target = current + dt.timedelta(days=7)
        elif key == Qt.Key.Key_Up and not control:
            target = current - dt.timedelta(days=7)
        elif key == Qt.Key.Key_PageDown:
            target = shift_months(current, 12 if control else 1)
        elif key == Qt.Key.Key_PageUp:
            target = shift_months(current, -12 if control else -1)
        elif key == Qt.Key.Key_Home and not control:
            target = self.month_model.days()[0]
        elif key == Qt.Key.Key_End and not control:
            target = self.month_model.days()[-1]
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not control:
            self.date_activated.emit(current)
            return
        if target is None:
            super().keyPressEvent(event)
        elif not self.select_date(target):
            self.date_requested.emit(target)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = self.month_model.date_at(current)
        if day is not None:
            self.date_selected.emit(day)

    def _double_clicked(self, index: QModelIndex) -> None:
        day = self.month_model.date_at(index)
        if day is not None:
            self.date_activated.emit(day)
