"""The pop-up month a Jalali date field opens: pick a day with the mouse or the keyboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prdesk.core import jalali
from prdesk.core import occasions as occ
from prdesk.core.calendars import day_info
from prdesk.core.occasions import DayEntry, DayItem
from prdesk.core.text import to_persian_digits
from prdesk.errors import ValidationError
from prdesk.ui.widgets.month_view import (
    DAY_BACKGROUND,
    HOLIDAY_RED,
    SELECTED_BACKGROUND,
    TEXT,
    TODAY_BORDER,
    MonthModel,
    MonthView,
    shift_months,
    weekday_names,
)

HOVER_BACKGROUND = SELECTED_BACKGROUND.lighter(107)


def picker_days(year: int, month: int, correction: int = 0) -> list[DayEntry]:
    """The days of a Jalali month with their official holidays (Fridays and the catalog's), no database needed.

    The pop-up only says whether the office is closed; events, birthdays and the office's own
    occasions stay on the calendar page.
    """
    first = jalali.to_gregorian(year, month, 1)
    last = first + dt.timedelta(days=jalali.days_in_month(year, month) - 1)
    try:
        catalog = occ.catalog_between(first, last, correction)
        infos = occ.days_between(first, last, correction)
    except ValidationError:
        # The year models stop before 1699 (they reach into the next year); its days still get their Fridays.
        catalog = {}
        infos = [day_info(first + dt.timedelta(days=i), correction) for i in range((last - first).days + 1)]
    entries = []
    for info in infos:
        holidays = [o for o in catalog.get(info.gregorian, ()) if o.holiday]
        items = [DayItem(o.title, o.category, True, occ.SOURCE_CATALOG, o.message, o.key) for o in holidays]
        entries.append(DayEntry(info, info.is_friday or bool(holidays), items))
    return entries


def short_weekday_names() -> list[str]:
    """One letter per weekday, Saturday first («ش ی د س چ پ ج»), for the narrow columns."""
    return [
        QCoreApplication.translate("JalaliPicker", "Sa"),
        QCoreApplication.translate("JalaliPicker", "Su"),
        QCoreApplication.translate("JalaliPicker", "Mo"),
        QCoreApplication.translate("JalaliPicker", "Tu"),
        QCoreApplication.translate("JalaliPicker", "We"),
        QCoreApplication.translate("JalaliPicker", "Th"),
        QCoreApplication.translate("JalaliPicker", "Fr"),
    ]


class PickerModel(MonthModel):
    """The month model with one-letter weekday headers; the full name is the header's tooltip."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            if role == Qt.ItemDataRole.DisplayRole:
                return short_weekday_names()[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return weekday_names()[section]
        return super().headerData(section, orientation, role)


class PickerDayDelegate(QStyledItemDelegate):
    """A day as one number: red on holidays, ringed today, filled when selected."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height()
        return QSize(int(height * 1.8), int(height * 1.5))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        try:
            self._paint(painter, option, index)
        finally:
            painter.restore()

    def _paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = option.rect
        painter.fillRect(rect, DAY_BACKGROUND)
        # From the model directly, as DayDelegate does: no empty QVariants travelling to Python.
        model: MonthModel = index.model()
        day = model.date_at(index)
        if day is None:
            return
        entry = model.entry(day)
        holiday = entry.holiday if entry is not None else jalali.is_friday(day)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = rect.adjusted(2, 2, -2, -2)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SELECTED_BACKGROUND)
            painter.drawRoundedRect(cell, 4, 4)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(HOVER_BACKGROUND)
            painter.drawRoundedRect(cell, 4, 4)
        if model.is_today(day):
            painter.setPen(QPen(TODAY_BORDER, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell, 4, 4)
        font = QFont(option.font)
        font.setBold(model.is_today(day))
        painter.setFont(font)
        painter.setPen(HOLIDAY_RED if holiday else TEXT)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, to_persian_digits(jalali.jalali_parts(day)[2]))


class PickerGrid(MonthView):
    """The month view's keyboard (right-to-left arrows, Page Up/Down, Home/End, Enter) on small cells."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pickerGrid")
        old_model, old_selection = self.month_model, self.selectionModel()
        self.month_model = PickerModel(self)
        self.setModel(self.month_model)
        old_selection.deleteLater()
        old_model.deleteLater()
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.setItemDelegate(PickerDayDelegate(self))
        self.setShowGrid(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            "QTableView#pickerGrid { background: #ffffff; }"
            " QHeaderView::section { background: #ffffff; border: none; border-bottom: 1px solid #d9e0e8;"
            " padding: 2px; }"
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setMinimumSectionSize(1)

    def cell_size(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(int(height * 1.9), int(height * 1.45))

    def sizeHint(self) -> QSize:
        # Room for six weeks whatever the month, so the pop-up keeps its size while paging.
        cell = self.cell_size()
        return QSize(cell.width() * 7, cell.height() * 6 + self.horizontalHeader().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class JalaliPicker(QFrame):
    """A Jalali month in a pop-up: Saturday first, right to left, holidays red, today ringed.

    A click, or Enter on the selected day, emits ``picked`` and closes; Esc closes without a
    pick. Arrows move by day and week (the next day is on the left in right-to-left), Page Up and
    Page Down by month, with Ctrl by year.
    """

    # A day was chosen (a datetime.date).
    picked = Signal(object)
    # «پاک کردن» was chosen (only offered when the field may stay empty).
    cleared = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        today: Callable[[], dt.date] = jalali.today,
    ):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("jalaliPicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#jalaliPicker { background: #ffffff; border: 1px solid #9aa5b1; border-radius: 4px; }"
            " QLabel#pickerTitle { font-weight: bold; }"
        )
        self.today = today
        self.year = self.month = 0

        self.previous_year = self._nav_button("«", self.tr("Previous year (Ctrl+Page Up)"), -12)
        self.previous_month = self._nav_button("‹", self.tr("Previous month (Page Up)"), -1)
        self.next_month = self._nav_button("›", self.tr("Next month (Page Down)"), 1)
        self.next_year = self._nav_button("»", self.tr("Next year (Ctrl+Page Down)"), 12)
        self.title = QLabel()
        self.title.setObjectName("pickerTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.setSpacing(2)
        # In a right-to-left window the first widget sits on the right: the past is on the right.
        for widget in (self.previous_year, self.previous_month):
            top.addWidget(widget)
        top.addWidget(self.title, 1)
        for widget in (self.next_month, self.next_year):
            top.addWidget(widget)

        self.grid = PickerGrid()
        self.grid.date_activated.connect(self._pick)
        self.grid.date_requested.connect(self.show_date)
        self.grid.clicked.connect(self._clicked)

        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Pick today's date"))
        self.today_button.clicked.connect(lambda: self._pick(self.today()))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Leave the date empty"))
        self.clear_button.clicked.connect(self._clear)
        self.clear_button.setVisible(optional)
        for button in (self.today_button, self.clear_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.today_button)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)

        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.setSpacing(4)
        box.addLayout(top)
        box.addWidget(self.grid)
        box.addLayout(bottom)
        self.setFocusProxy(self.grid)
        self._point_arrows()

    def _nav_button(self, arrow: str, tip: str, months: int) -> QToolButton:
        button = QToolButton()
        button.setProperty("arrow", arrow)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Drawn as given: the bidi algorithm would mirror a guillemet in a right-to-left button.
        button.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        button.clicked.connect(lambda: self.move_months(months))
        return button

    def _point_arrows(self) -> None:
        """The arrows point where their months lie: the past is on the right in right-to-left."""
        mirrored = {"«": "»", "‹": "›", "›": "‹", "»": "«"}
        for button in (self.previous_year, self.previous_month, self.next_month, self.next_year):
            arrow = button.property("arrow")
            button.setText(mirrored[arrow] if self.isRightToLeft() else arrow)

    # --- what is shown ------------------------------------------------------------------------

    def show_date(self, date: dt.date) -> None:
        """Show the month of ``date`` with ``date`` selected."""
        year, month, _ = jalali.jalali_parts(date)
        self.show_month(year, month, selected=date)

    def show_month(self, year: int, month: int, *, selected: dt.date | None = None) -> None:
        """Show a Jalali month; select ``selected`` (or today, or the first day)."""
        self.year, self.month = year, month
        today = self.today()
        self.grid.set_month(
            year, month, picker_days(year, month), selected=selected if selected is not None else today, today=today
        )
        name = jalali.jalali_month_names[month - 1]
        self.title.setText(f"{name} {to_persian_digits(year)}")
        self.previous_year.setEnabled(year > jalali.MIN_YEAR)
        self.previous_month.setEnabled((year, month) > (jalali.MIN_YEAR, 1))
        self.next_month.setEnabled((year, month) < (jalali.MAX_YEAR, 12))
        self.next_year.setEnabled(year < jalali.MAX_YEAR)

    def move_months(self, months: int) -> None:
        """Page ``months`` months on (back when negative), keeping the day of the month."""
        current = self.selected_date() or jalali.to_gregorian(self.year, self.month, 1)
        self.show_date(shift_months(current, months))

    def selected_date(self) -> dt.date | None:
        """The day selected in the grid."""
        return self.grid.selected_date()

    def cell_of(self, date: dt.date) -> QModelIndex:
        """The grid cell of ``date`` (invalid when its month is not shown)."""
        return self.grid.month_model.index_of(date)

    # --- showing and closing ------------------------------------------------------------------

    def popup_under(self, anchor: QWidget, date: dt.date | None) -> None:
        """Open under ``anchor`` (above when the screen has no room), on ``date``'s month or today's."""
        # A pop-up is a window of its own and does not inherit the field's direction by itself.
        self.setLayoutDirection(anchor.layoutDirection())
        self._point_arrows()
        self.show_date(date or self.today())
        self.adjustSize()
        size = self.sizeHint()
        right_to_left = anchor.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # The pop-up lines up with the field's start: its right edge in right-to-left.
        corner = anchor.mapToGlobal(QPoint(anchor.width() - size.width() if right_to_left else 0, anchor.height()))
        screen = anchor.screen().availableGeometry()
        area = QRect(corner, size)
        if area.bottom() > screen.bottom():
            area.moveBottom(anchor.mapToGlobal(QPoint(0, 0)).y() - 1)
        area.moveLeft(max(screen.left(), min(area.left(), screen.right() - size.width() + 1)))
        area.moveTop(max(screen.top(), area.top()))
        self.setGeometry(area)
        self.show()
        self.grid.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.close()
            return
        super().keyPressEvent(event)

    def _clicked(self, index: QModelIndex) -> None:
        day = self.grid.month_model.date_at(index)
        if day is not None:
            self._pick(day)

    def _pick(self, day: dt.date) -> None:
        self.close()
        self.picked.emit(day)

    def _clear(self) -> None:
        self.close()
        self.cleared.emit()
