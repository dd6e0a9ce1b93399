"""The Jalali date input every form reuses: typed in any form a clerk writes, checked as typed."""

from __future__ import annotations

import datetime as dt

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QWidget

from prdesk.core import jalali
from prdesk.core.calendars import parse_any_date
from prdesk.core.text import clean
from prdesk.errors import ValidationError
from prdesk.ui.widgets.form_row import ERROR_COLOR
from prdesk.ui.widgets.jalali_picker import JalaliPicker

HINT_COLOR = "#616e7c"
ICON_COLOR = "#52606d"


def calendar_icon(size: int = 16) -> QIcon:
    """A small calendar page, drawn here so the field needs no icon file."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size, sharp on scaled screens too
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(ICON_COLOR)
    unit = size * 2 / 16
    page = QRectF(2 * unit, 3.5 * unit, 12 * unit, 10.5 * unit)
    painter.setPen(QPen(color, 1.4 * unit))
    painter.drawRoundedRect(page, 1.5 * unit, 1.5 * unit)
    painter.fillRect(QRectF(page.left(), page.top(), page.width(), 2.5 * unit), color)
    for x in (5, 11):  # the rings
        painter.drawLine(int(x * unit), int(2 * unit), int(x * unit), int(4.5 * unit))
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRectF((4 + column * 3) * unit, (8 + row * 3) * unit, 2 * unit, 1.6 * unit), color)
    painter.end()
    return QIcon(pixmap)


class _DateLine(QLineEdit):
    """The line itself: Up and Down step the typed day, as a date spin box does; Alt+Down or F4 opens the month."""

    step = Signal(int)
    open_calendar = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.AltModifier
        if alt_down or (event.key() == Qt.Key.Key_F4 and not event.modifiers()):
            self.open_calendar.emit()
        elif event.key() == Qt.Key.Key_Up and not event.modifiers():
            self.step.emit(1)
        elif event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.step.emit(-1)
        else:
            super().keyPressEvent(event)


class JalaliDateEdit(QWidget):
    """A Jalali date typed as ۱۴۰۵/۰۸/۳۰, 1405-8-30 or «۳۰ آبان ۱۴۰۵» (a Gregorian 2026-11-21 too).

    Under (or beside) the line it names the day it read — «شنبه ۳۰ آبان ۱۴۰۵» — or says in plain
    Persian why the text is not a date. ``date()`` is None while the text is empty or wrong;
    ``check()`` raises the ValidationError a form shows next to the field. The calendar button at
    the line's end (or Alt+Down, F4) opens a month to pick the day from.
    """

    # The day typed changed: a ``datetime.date``, or None when the text is empty or not a date.
    date_changed = Signal(object)
    # Enter was pressed in the line.
    return_pressed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        orientation: Qt.Orientation = Qt.Orientation.Vertical,
    ):
        super().__init__(parent)
        self.optional = optional
        self._date: dt.date | None = None
        self._error = ""
        self.edit = _DateLine()
        self.edit.setObjectName("dateText")
        # The order of the parts, not a sample date: a grey date reads like a value already there.
        self.edit.setPlaceholderText(self.tr("year/month/day"))
        # Digits and slashes alone have no direction; pinned right so the date sits by its label.
        self.edit.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The longest date, the margins and the calendar button.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("۳۰ اردیبهشت ۱۴۰۵") + 48)
        self.edit.setToolTip(
            self.tr("Type a date such as 1405/08/30, 1405-8-30 or 30 Aban 1405; Up and Down move it by a day.")
        )
        # What "today" is for the pop-up month; a window with its own clock replaces it.
        self.today: Callable[[], dt.date] = jalali.today
        self.picker: JalaliPicker | None = None  # the pop-up month, made the first time it opens
        self.calendar_action: QAction = self.edit.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setObjectName("openCalendar")
        self.calendar_action.setToolTip(self.tr("Choose the date from a calendar (Alt+Down)"))
        self.calendar_action.triggered.connect(self.open_picker)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        direction = (
            QBoxLayout.Direction.TopToBottom
            if orientation == Qt.Orientation.Vertical
            else QBoxLayout.Direction.LeftToRight
        )
        box = QBoxLayout(direction, self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3 if orientation == Qt.Orientation.Vertical else 8)
        box.addWidget(self.edit)
        box.addWidget(self.hint, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._read)
        self.edit.returnPressed.connect(self.return_pressed)
        self.edit.step.connect(self._step)
        self.edit.open_calendar.connect(self.open_picker)
        self._read("")

    # --- reading ----------------------------------------------------------------------------

    def text(self) -> str:
        """What is typed now."""
        return self.edit.text()

    def date(self) -> dt.date | None:
        """The day typed, or None while the text is empty or not a date."""
        return self._date

    def error(self) -> str:
        """Why the text is not a date ("" when it is one or, for an optional field, empty)."""
        return self._error

    def is_valid(self) -> bool:
        """True when a day is typed, or the field is optional and empty."""
        return not self._error and (self._date is not None or self.optional)

    def check(self, field: str | None = None) -> dt.date | None:
        """The day typed; ValidationError (for ``field``) when it is wrong or missing."""
        if self._date is None and not (self.optional and not clean(self.text())):
            parse_any_date(self.text(), field)  # raises with the reason
        return self._date

    # --- writing ----------------------------------------------------------------------------

    def set_date(self, date: dt.date | None) -> None:
        """Show ``date`` as ۱۴۰۵/۰۸/۳۰ (empty for None)."""
        self.edit.setText(jalali.format_jalali(date) if date is not None else "")

    def clear(self) -> None:
        self.edit.clear()

    def show_error(self, message: str) -> None:
        """Show a message about this field from outside (a form's check) in the hint line."""
        self._show(message, error=True)

    def open_picker(self) -> None:
        """Open the pop-up month under the line, on the day typed (or today)."""
        if self.picker is None:
            self.picker = JalaliPicker(self, optional=self.optional, today=lambda: self.today())
            self.picker.picked.connect(self._picked)
            self.picker.cleared.connect(self._cleared)
        self.picker.popup_under(self.edit, self._date)

    # --- behaviour --------------------------------------------------------------------------

    def _read(self, text: str) -> None:
        before = self._date
        self._date, self._error = None, ""
        if not clean(text):
            self._show("", error=False)
        else:
            try:
                self._date = parse_any_date(text)
            except ValidationError as exc:
                self._error = str(exc)
                self._show(self._error, error=True)
            else:
                self._show(jalali.format_jalali_long(self._date), error=False)
        if self._date != before:
            self.date_changed.emit(self._date)

    def _show(self, text: str, *, error: bool) -> None:
        name = "fieldError" if error else "hint"
        if self.hint.objectName() != name:
            self.hint.setObjectName(name)
            # The style sheet picks its colour by object name; make it look again.
            self.hint.style().unpolish(self.hint)
            self.hint.style().polish(self.hint)
            # Outside the main window's style sheet (a widget on its own) the palette says it.
            palette = self.hint.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOR if error else HINT_COLOR))
            self.hint.setPalette(palette)
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _picked(self, date: dt.date) -> None:
        self.set_date(date)
        self.edit.setFocus()

    def _cleared(self) -> None:
        self.clear()
        self.edit.setFocus()

    def _step(self, days: int) -> None:
        if self._date is not None:
            self.set_date(self._date + dt.timedelta(days=days))
