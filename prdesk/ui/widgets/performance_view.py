"""The performance report on screen: each area's figures beside last year's and the previous period's, with bar charts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.activity import format_change
from prdesk.core.text import to_persian_digits
from prdesk.store.report import AreaReport, Breakdown, Summary

BAR = QColor("#2f6f9f")
GRID = QColor("#d5dbe1")
INK = QColor("#1f2933")
MAX_BARS = 8


def count(value: int) -> str:
    return to_persian_digits(f"{value:,}".replace(",", "٬"))


class BarChart(QWidget):
    """Horizontal bars read right to left: the label on the right, the bar growing leftwards, its count at its end."""

    def __init__(self, items: list[tuple[str, int]], parent: QWidget | None = None):
        super().__init__(parent)
        self.items = items[:MAX_BARS]
        self.setObjectName("barChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(480, len(self.items) * (self.fontMetrics().height() + 8) + 8)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height() + 8
        label_width = min(max((metrics.horizontalAdvance(label) for label, _ in self.items), default=0) + 12, self.width() // 3)
        value_width = metrics.horizontalAdvance("۰۰۰٬۰۰۰") + 8
        largest = max((value for _, value in self.items), default=0) or 1
        room = max(self.width() - label_width - value_width - 8, 10)
        right = self.width() - label_width
        for row, (label, value) in enumerate(self.items):
            top = 4 + row * line
            painter.setPen(INK)
            text = metrics.elidedText(label, Qt.TextElideMode.ElideLeft, label_width - 8)
            painter.drawText(QRectF(right + 4, top, label_width - 8, line), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            length = room * value / largest
            painter.fillRect(QRectF(right - length, top + 4, length, line - 8), BAR)
            painter.drawText(
                QRectF(right - length - value_width, top, value_width - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count(value),
            )
        painter.setPen(QPen(GRID))
        painter.drawLine(int(right), 2, int(right), 4 + len(self.items) * line)
        painter.end()


class PerformanceView(QWidget):
    """Every area with data: a table of its figures in the three periods and a chart of its main breakdown."""

    #: A breakdown row was double-clicked: (area key, breakdown key, item key), to list what is behind it.
    figure_activated = Signal(str, str, str)

    #: The breakdowns whose rows open the list behind them (the page that lists each area filters by these).
    LINKED = {("media", "by_kind"), ("meetings", "by_type"), ("meetings", "by_status"), ("messages", "by_kind"), ("messages", "by_channel")}

    def headers(self) -> list[str]:
        return [
            self.tr("Figure"), self.tr("This period"), self.tr("Same period last year"), self.tr("Change"),
            self.tr("Previous period"), self.tr("Change"),
        ]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("performanceView")
        self.box = QVBoxLayout(self)
        self.box.setSpacing(12)
        self.notice = QLabel(self.tr("Choose a period and press Show figures."))
        self.notice.setObjectName("reportNotice")
        self.notice.setWordWrap(True)
        self.box.addWidget(self.notice)
        self.box.addStretch(1)
        self.tables: dict[str, QTableWidget] = {}

    def _clear(self) -> None:
        while self.box.count() > 2:
            item = self.box.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.tables = {}

    def mark_stale(self, stale: bool) -> None:
        """Say the figures shown were counted before the last change."""
        if stale:
            self.notice.setText(self.tr("The data changed after these figures were counted; press Show figures to count them again."))

    def show_summary(self, result: Summary) -> None:
        self._clear()
        filled = [area for area in result.areas if not area.empty]
        if filled:
            self.notice.setText(to_persian_digits(self.tr(
                "{period}, compared with {last_year} (same period last year) and {previous} (previous period)."
            ).format(period=result.period.title, last_year=result.last_year.title, previous=result.previous.title)))
        else:
            self.notice.setText(self.tr("Nothing was recorded in {period} or in the periods it is compared with.").format(period=result.period.title))
        for position, area in enumerate(filled, start=1):
            self.box.insertWidget(position, self._area_box(area))

    def _table(self, name: str, rows: list[list[str]], keys: list[str] | None = None, area: str = "", breakdown: str = "") -> QTableWidget:
        headers = self.headers()
        table = QTableWidget(len(rows), len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if keys:
                    item.setData(Qt.ItemDataRole.UserRole, keys[r])
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        height = table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4
        table.setFixedHeight(height)
        if keys and area:
            table.setToolTip(self.tr("Double-click a row to see the list behind it."))
            table.itemDoubleClicked.connect(
                lambda item: self.figure_activated.emit(area, breakdown, item.data(Qt.ItemDataRole.UserRole) or ""))
        self.tables[name] = table
        return table

    @staticmethod
    def _row(label: str, current: int, last_year: int, before: int) -> list[str]:
        return [label, count(current), count(last_year), format_change(current, last_year), count(before), format_change(current, before)]

    def _area_box(self, area: AreaReport) -> QGroupBox:
        group = QGroupBox(area.title)
        group.setObjectName(f"area_{area.key}")
        box = QVBoxLayout(group)
        rows = [self._row(self.tr("Total"), area.current.total, area.last_year.total, area.previous.total)]
        rows += [
            self._row(label, value, area.last_year.figures[key][1], area.previous.figures[key][1])
            for key, (label, value) in area.current.figures.items()
        ]
        box.addWidget(self._table(f"{area.key}_figures", rows))
        for key, breakdown in area.current.breakdowns.items():
            last_year, before = area.last_year.breakdowns[key].counts, area.previous.breakdowns[key].counts
            keys = list(breakdown.counts) + [k for k in last_year if k not in breakdown.counts]
            if not keys:
                continue
            caption = QLabel(breakdown.title)
            caption.setObjectName("breakdownTitle")
            box.addWidget(caption)
            items = breakdown_items(breakdown)
            if breakdown.chart and len(items) >= 2:
                box.addWidget(BarChart(items))
            rows = [self._row(breakdown.label(k), breakdown.counts.get(k, 0), last_year.get(k, 0), before.get(k, 0)) for k in keys]
            linked = (area.key, key) in self.LINKED
            box.addWidget(self._table(f"{area.key}_{key}", rows, keys if linked else None, area.key if linked else "", key))
        if area.current.items:
            caption = QLabel(area.current.items_title)
            box.addWidget(caption)
            listing = QLabel("\n".join(f"{to_persian_digits(i['date'])} — {i['title']}" + (f" ({i['outlet']})" if i.get("outlet") else "")
                                       for i in area.current.items))
            listing.setObjectName(f"{area.key}_items")
            listing.setWordWrap(True)
            listing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.addWidget(listing)
        return group


def breakdown_items(breakdown: Breakdown) -> list[tuple[str, int]]:
    """The bars of a breakdown's chart, largest first."""
    return [(breakdown.label(k), v) for k, v in breakdown.counts.items() if v]
