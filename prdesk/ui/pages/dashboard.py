"""The dashboard: today in the Jalali, Iranian lunar and Gregorian calendars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from prdesk.core import hijri
from prdesk.core.calendars import day_info
from prdesk.store.settings import get_setting
from prdesk.ui.pages.base import Page


def _scaled(label: QLabel, factor: float, bold: bool = False) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setWeight(QFont.Weight.Bold)
    label.setFont(font)


class DashboardPage(Page):
    """Today, big and clean; later issues add occasions, today's meetings and birthdays."""

    key = "dashboard"
    # "today" is announced by the main window's clock when the date turns at midnight.
    areas = ("settings", "today")

    def title(self) -> str:
        return self.tr("Dashboard")

    def build(self) -> None:
        card = QFrame()
        card.setObjectName("todayCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(card)
        box.setContentsMargins(28, 22, 28, 24)
        box.setSpacing(6)

        caption = QLabel(self.tr("Today"))
        caption.setObjectName("caption")
        box.addWidget(caption)
        self.jalali = QLabel()
        self.jalali.setObjectName("jalaliDate")
        _scaled(self.jalali, 2.4, bold=True)
        # The dates are Persian text even in the English window; keep them on the window's
        # leading side instead of letting their script pick the side.
        self.jalali.setAlignment(
            Qt.AlignmentFlag.AlignAbsolute
            | (Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft)
        )
        box.addWidget(self.jalali)
        self.holiday = QLabel(self.tr("Friday, the weekly holiday"))
        self.holiday.setObjectName("holiday")
        box.addWidget(self.holiday)
        box.addSpacing(14)

        others = QHBoxLayout()
        others.setSpacing(48)
        self.hijri, self.hijri_note = self._other_calendar(others, self.tr("Lunar (Hijri)"))
        self.gregorian, _ = self._other_calendar(others, self.tr("Gregorian"))
        others.addStretch(1)
        box.addLayout(others)
        self.layout_.addWidget(card)

        self.add_sentence(
            self.tr(
                "Upcoming occasions, today's meetings and birthdays will be added to the dashboard "
                "in later versions of PRDesk."
            )
        )
        self.layout_.addStretch(1)
        self.reload()

    def _other_calendar(self, row: QHBoxLayout, name: str) -> tuple[QLabel, QLabel]:
        """A caption, the date and a note line under it; returns the date and the note labels."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        caption = QLabel(name)
        caption.setObjectName("caption")
        column.addWidget(caption)
        value = QLabel()
        _scaled(value, 1.45)
        column.addWidget(value)
        note = QLabel()
        note.setObjectName("hint")
        note.hide()
        column.addWidget(note)
        row.addWidget(holder, 0, Qt.AlignmentFlag.AlignTop)
        return value, note

    def reload(self) -> None:
        correction = int(get_setting(self.context.db, "lunar_correction"))
        info = day_info(self.context.today(), correction)
        self.jalali.setText(info.jalali_long)
        self.hijri.setText(info.hijri_long or self.tr("not known for this year"))
        note = {
            hijri.PREDICTED: self.tr("as predicted by the Calendar Center; not yet official"),
            hijri.ESTIMATED: self.tr("estimated from the Umm al-Qura calendar and your correction"),
        }.get(info.hijri_source, "")
        self.hijri_note.setText(note)
        self.hijri_note.setVisible(bool(note))
        self.gregorian.setText(info.gregorian_long_fa)
        self.holiday.setVisible(info.is_friday)
