"""The time grid of the day and week views: days right to left from Saturday, holidays shaded, overlaps side by side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.text import to_persian_digits
from prdesk.store.meetings import Meeting

AXIS = 58
HEADER = 44
PER_MINUTE = 1.15
STATUS_COLOURS = {
    "requested": "#e8eef7",
    "scheduled": "#d6e6f5",
    "arrived": "#fde8c8",
    "held": "#d9f0dd",
    "cancelled": "#eceff1",
    "no-show": "#eceff1",
    "postponed": "#eceff1",
}
HOLIDAY_FILL = "#fdecea"
RED = "#b3261e"


@dataclass(frozen=True)
class Placed:
    """A meeting's box on the grid and its lane among the meetings it overlaps."""

    rect: QRectF
    meeting: Meeting
    lane: int
    lanes: int


def lanes(meetings: list[Meeting]) -> list[tuple[Meeting, int, int]]:
    """(meeting, lane, lanes in its group): meetings that overlap go side by side, the others take the full width."""
    ordered = sorted(meetings, key=lambda m: (m.start, m.end, m.id))
    result: list[tuple[Meeting, int, int]] = []
    group: list[tuple[Meeting, int]] = []
    group_end = ""
    ends: list[str] = []

    def close() -> None:
        count = max((lane for _, lane in group), default=-1) + 1
        result.extend((m, lane, count) for m, lane in group)

    for m in ordered:
        if group and m.start >= group_end:
            close()
            group, ends = [], []
        lane = next((i for i, end in enumerate(ends) if end <= m.start), len(ends))
        if lane == len(ends):
            ends.append(m.end)
        else:
            ends[lane] = m.end
        group.append((m, lane))
        group_end = max(group_end, m.end)
    if group:
        close()
    return result


class TimeGrid(QWidget):
    """Days as columns (the first day on the right), hours down the right edge, meetings as boxes."""

    meeting_activated = Signal(int)
    slot_activated = Signal(object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.days: list[dt.date] = []
        self.meetings: dict[dt.date, list[Meeting]] = {}
        self.holidays: dict[dt.date, str] = {}
        self.day_hours: dict[dt.date, tuple[int, int] | None] = {}
        self.first, self.last = 7 * 60, 15 * 60
        self.items: list[Placed] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def show_days(self, days: list[dt.date], meetings: dict[dt.date, list[Meeting]], holidays: dict[dt.date, str],
                  hours: tuple[int, int], day_hours: dict[dt.date, tuple[int, int] | None] | None = None) -> None:
        self.days, self.meetings, self.holidays = days, meetings, holidays
        self.day_hours = day_hours or {}
        starts = [rules.parse_time(m.start) for ms_ in meetings.values() for m in ms_]
        ends = [rules.parse_time(m.end) for ms_ in meetings.values() for m in ms_]
        self.first = min([hours[0], *starts]) // 60 * 60
        self.last = -(-max([hours[1], *ends]) // 60) * 60
        self.setFixedHeight(self.sizeHint().height())
        self._place()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, int(HEADER + (self.last - self.first) * PER_MINUTE + 8))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    # --- geometry ---------------------------------------------------------------------------

    def column_width(self) -> float:
        return (self.width() - AXIS) / max(1, len(self.days))

    def column_rect(self, index: int) -> QRectF:
        width = self.column_width()
        right = self.width() - AXIS - index * width
        return QRectF(right - width, 0, width, self.height())

    def y_of(self, minutes: int) -> float:
        return HEADER + (minutes - self.first) * PER_MINUTE

    def _place(self) -> None:
        self.items = []
        for index, day in enumerate(self.days):
            column = self.column_rect(index).adjusted(3, 0, -3, 0)
            for m, lane, count in lanes(self.meetings.get(day, [])):
                width = column.width() / count
                # Lane 0 on the right: the first meeting is read first.
                right = column.right() - lane * width
                top, bottom = self.y_of(rules.parse_time(m.start)), self.y_of(rules.parse_time(m.end))
                # A ten-minute public-day slot still gets a line of text.
                tall = max(bottom - top - 2, self.fontMetrics().height() + 2)
                self.items.append(Placed(QRectF(right - width + 1, top + 1, width - 2, tall), m, lane, count))

    def meeting_at(self, point: QPointF) -> Meeting | None:
        for placed in reversed(self.items):
            if placed.rect.contains(point):
                return placed.meeting
        return None

    def slot_at(self, point: QPointF) -> tuple[dt.date, str] | None:
        if point.y() < HEADER:
            return None
        for index, day in enumerate(self.days):
            if self.column_rect(index).contains(point):
                minutes = self.first + int((point.y() - HEADER) / PER_MINUTE)
                return day, rules.format_time(minutes - minutes % 15)
        return None

    # --- events -----------------------------------------------------------------------------

    def mouseDoubleClickEvent(self, event) -> None:
        point = event.position()
        meeting = self.meeting_at(point)
        if meeting is not None:
            self.meeting_activated.emit(meeting.id)
            return
        slot = self.slot_at(point)
        if slot is not None:
            self.slot_activated.emit(*slot)

    def mouseMoveEvent(self, event) -> None:
        meeting = self.meeting_at(event.position())
        if meeting is None:
            self.setToolTip("")
            return
        lines = [f"{to_persian_digits(meeting.start)}–{to_persian_digits(meeting.end)} {meeting.visitor_names}"]
        if meeting.organization:
            lines.append(meeting.organization)
        if meeting.subject:
            lines.append(meeting.subject)
        lines.append(self.tr("Status: %1").replace("%1", _status(meeting.status)))
        if meeting.conflict_allowed:
            lines.append(self.tr("Saved despite a conflict"))
        self.setToolTip("\n".join(lines))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        right_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
        grid_pen = QPen(QColor("#d5dbe1"))
        base = QFont(self.font())
        # Columns: holiday shading and the day headers.
        for index, day in enumerate(self.days):
            column = self.column_rect(index)
            closed = jalali.is_friday(day) or day in self.holidays
            if closed:
                painter.fillRect(column.adjusted(0, HEADER, 0, 0), QColor(HOLIDAY_FILL))
            elif day in self.day_hours:
                # Outside the host's hours: greyed, still bookable with the explicit override.
                span = self.day_hours[day]
                off = QColor("#e9ecef")
                if span is None:
                    painter.fillRect(column.adjusted(0, HEADER, 0, 0), off)
                else:
                    painter.fillRect(QRectF(column.left(), HEADER, column.width(), self.y_of(span[0]) - HEADER), off)
                    painter.fillRect(QRectF(column.left(), self.y_of(span[1]), column.width(), self.height()), off)
            header = QRectF(column.left(), 2, column.width(), HEADER - 4)
            painter.setPen(QColor(RED) if closed else QColor("#1f2933"))
            bold = QFont(base)
            bold.setBold(True)
            painter.setFont(bold)
            y, m, d = jalali.jalali_parts(day)
            title = f"{jalali.weekday_name(day)} {to_persian_digits(d)} {jalali.jalali_month_names[m - 1]}"
            painter.drawText(header.adjusted(4, 0, -4, -HEADER / 2), Qt.AlignmentFlag.AlignCenter, title)
            painter.setFont(base)
            if day in self.holidays:
                painter.drawText(header.adjusted(4, HEADER / 2 - 4, -4, 0), Qt.AlignmentFlag.AlignCenter,
                                 painter.fontMetrics().elidedText(self.holidays[day], Qt.TextElideMode.ElideRight, int(column.width() - 8)))
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(column.left(), HEADER), QPointF(column.left(), self.height()))
        # Hours down the right edge.
        painter.setPen(grid_pen)
        painter.drawLine(QPointF(0, HEADER), QPointF(self.width(), HEADER))
        for minutes in range(self.first, self.last + 1, 30):
            y = self.y_of(minutes)
            painter.setPen(grid_pen if minutes % 60 == 0 else QPen(QColor("#eef1f4")))
            painter.drawLine(QPointF(0, y), QPointF(self.width() - AXIS, y))
            if minutes % 60 == 0 and minutes < self.last:
                painter.setPen(QColor("#616e7c"))
                painter.drawText(QRectF(self.width() - AXIS + 4, y, AXIS - 10, 20), right_align | Qt.AlignmentFlag.AlignTop,
                                 to_persian_digits(rules.format_time(minutes)))
        # The meetings.
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
        painter.setFont(small)
        for placed in self.items:
            m = placed.meeting
            fill = QColor(STATUS_COLOURS[m.status])
            painter.setBrush(fill)
            border = QPen(QColor(RED), 2) if m.conflict_allowed else QPen(QColor("#8aa4bf"))
            painter.setPen(border)
            painter.drawRoundedRect(placed.rect, 4, 4)
            painter.setPen(QColor("#7b8794") if not m.blocks else QColor("#1f2933"))
            text = f"{to_persian_digits(m.start)} {m.visitor_names}"
            if m.subject:
                text += f" — {m.subject}"
            if not m.blocks:
                text += f" ({_status(m.status)})"
            inner = placed.rect.adjusted(4, 1, -4, -1)
            flags = right_align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            if painter.fontMetrics().boundingRect(inner.toRect(), int(flags.value), text).height() > inner.height():
                # Too long for the box: one line (the whole meeting is in its tooltip and dialog).
                flags = right_align | Qt.AlignmentFlag.AlignTop
                text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(inner, flags, text)
        painter.end()


def _status(key: str) -> str:
    from prdesk.ui.dialogs.meeting_dialog import status_names

    return status_names()[key]

