"""The time grid of the day and week views: days right to left from Saturday, holidays shaded, overlaps side by side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

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
GHOST_EDGE = "#1f5f99"


def snap_step(slot_minutes: int) -> int:
    """Minutes a dragged meeting snaps to: the host's slot when it divides the hour (10, 15, 20, 30), else 15."""
    return slot_minutes if 5 <= slot_minutes <= 60 and 60 % slot_minutes == 0 else 15


@dataclass(frozen=True)
class Placed:
    """A meeting's box on the grid and its lane among the meetings it overlaps."""

    rect: QRectF
    meeting: Meeting
    lane: int
    lanes: int


@dataclass
class Drag:
    """A meeting being dragged: where it was taken, and where it would go now."""

    placed: Placed
    grab_minutes: float  # from the meeting's start to the point it was taken at
    pressed: QPointF
    day: dt.date
    start: int
    active: bool = False

    @property
    def meeting(self) -> Meeting:
        return self.placed.meeting

    @property
    def moved(self) -> bool:
        return (self.day, self.start) != (self.meeting.date, rules.parse_time(self.meeting.start))


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
    # A meeting dragged to another time (and in the week, another day): id, day, start "HH:MM".
    meeting_dropped = Signal(int, object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.days: list[dt.date] = []
        self.meetings: dict[dt.date, list[Meeting]] = {}
        self.holidays: dict[dt.date, str] = {}
        self.day_hours: dict[dt.date, tuple[int, int] | None] = {}
        self.first, self.last = 7 * 60, 15 * 60
        self.items: list[Placed] = []
        self.step = 15
        self.drag: Drag | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        # Focus on a click, so Escape reaches a drag in progress.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def show_days(self, days: list[dt.date], meetings: dict[dt.date, list[Meeting]], holidays: dict[dt.date, str],
                  hours: tuple[int, int], day_hours: dict[dt.date, tuple[int, int] | None] | None = None) -> None:
        self.days, self.meetings, self.holidays = days, meetings, holidays
        self.drag = None
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

    def placed_at(self, point: QPointF) -> Placed | None:
        for placed in reversed(self.items):
            if placed.rect.contains(point):
                return placed
        return None

    def meeting_at(self, point: QPointF) -> Meeting | None:
        placed = self.placed_at(point)
        return placed.meeting if placed is not None else None

    @staticmethod
    def can_drag(meeting: Meeting) -> bool:
        """Held, cancelled, no-show and postponed meetings stay where they were."""
        return meeting.status not in rules.FINAL

    def ghost(self) -> tuple[dt.date, str, QRectF] | None:
        """Where the dragged meeting would go: its day, start and box; None when nothing is dragged."""
        drag = self.drag
        if drag is None or not drag.active:
            return None
        index = self.days.index(drag.day)
        column = self.column_rect(index).adjusted(3, 0, -3, 0)
        top, bottom = self.y_of(drag.start), self.y_of(drag.start + drag.meeting.duration)
        rect = QRectF(column.left() + 1, top + 1, column.width() - 2, max(bottom - top - 2, self.fontMetrics().height() + 2))
        return drag.day, rules.format_time(drag.start), rect

    def _aim(self, point: QPointF) -> None:
        """Move the drag's target under ``point``: the column's day, the time snapped to the step."""
        drag = self.drag
        for index, day in enumerate(self.days):
            column = self.column_rect(index)
            if column.left() <= point.x() < column.right():
                drag.day = day
                break
        duration = drag.meeting.duration
        minutes = self.first + (point.y() - HEADER) / PER_MINUTE - drag.grab_minutes
        start = round(minutes / self.step) * self.step
        earliest = self.first - self.first % self.step
        latest = min(self.last, 24 * 60) - duration
        drag.start = int(max(earliest, min(start, latest - latest % self.step)))

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

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = event.position()
            placed = self.placed_at(point)
            if placed is not None and self.can_drag(placed.meeting):
                m = placed.meeting
                start = rules.parse_time(m.start)
                self.drag = Drag(placed, (point.y() - self.y_of(start)) / PER_MINUTE, point, m.date, start)
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        drag, self.drag = self.drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self.unsetCursor()
        self.update()
        event.accept()
        if drag.active and drag.moved:
            # The block stays where it was until the page has saved the move and reloaded.
            self.meeting_dropped.emit(drag.meeting.id, drag.day, rules.format_time(drag.start))

    def cancel_drag(self) -> None:
        """Put the dragged meeting back where it was (Escape)."""
        if self.drag is not None:
            self.drag = None
            self.unsetCursor()
            self.update()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.drag is not None:
            self.cancel_drag()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        self.cancel_drag()
        super().focusOutEvent(event)

    def mouseMoveEvent(self, event) -> None:
        drag = self.drag
        if drag is not None:
            point = event.position()
            if not drag.active and (point - drag.pressed).manhattanLength() < QApplication.startDragDistance():
                return
            drag.active = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self._aim(point)
            self.update()
            return
        meeting = self.meeting_at(event.position())
        if meeting is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        if self.can_drag(meeting):
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()
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
        self._paint_ghost(painter, right_align)
        painter.end()

    def _paint_ghost(self, painter: QPainter, right_align) -> None:
        """While a meeting is dragged: its place faded, and a dashed box with the new time where it would go."""
        ghost = self.ghost()
        if ghost is None:
            return
        meeting = self.drag.meeting
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 150))
        painter.drawRoundedRect(self.drag.placed.rect, 4, 4)
        _, start, rect = ghost
        fill = QColor(STATUS_COLOURS[meeting.status])
        fill.setAlpha(215)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(GHOST_EDGE), 2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor(GHOST_EDGE))
        end = rules.format_time(rules.parse_time(start) + meeting.duration)
        text = f"{to_persian_digits(start)}–{to_persian_digits(end)} {meeting.visitor_names}"
        inner = rect.adjusted(4, 1, -4, -1)
        painter.drawText(inner, right_align | Qt.AlignmentFlag.AlignTop,
                         painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width())))


def _status(key: str) -> str:
    from prdesk.ui.dialogs.meeting_dialog import status_names

    return status_names()[key]

