"""What every page shares: its context (database, bus, runner), its heading, reload on change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from prdesk.ui.bus import Bus
from prdesk.ui.operations import OperationRunner

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass
class PageContext:
    """What a page may use: the open database, the change bus, the runner and the status bar."""

    db: Database
    db_path: Path
    bus: Bus
    runner: OperationRunner
    show_status: Callable[[str], None]
    #: Today's date; tests pin it to a known day.
    today: Callable[[], dt.date] = field(default=dt.date.today)


def after_first_paint(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` once the main window of ``widget`` has been painted; soon when it has been already.

    What a page shows beside the dashboard's card is read then, so the window is on screen first.
    """
    window = widget.window()
    if getattr(window, "painted", True):
        QTimer.singleShot(0, widget, slot)
    else:
        # Once, disconnected by hand: Qt.ConnectionType would make the Qt namespace's 93 enums (~25 ms)
        # before the paint. Not when ``widget`` is gone by then.
        def once() -> None:
            window.first_painted.disconnect(once)
            if shiboken6.isValid(widget):
                slot()

        window.first_painted.connect(once)


class Page(QWidget):
    """One area of the office's work. Subclasses set ``key`` and ``areas`` and fill ``build``."""

    key: str = ""
    #: Bus areas whose change makes this page reload.
    areas: tuple[str, ...] = ()

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"page_{self.key}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(28, 20, 28, 20)
        self.layout_.setSpacing(14)
        self.heading = QLabel(self.title())
        self.heading.setObjectName("pageHeading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.heading.setFont(font)
        self.layout_.addWidget(self.heading)
        self.build()
        context.bus.changed.connect(self._on_changed)

    def title(self) -> str:
        """The page's name in the navigation and its heading."""
        raise NotImplementedError

    def build(self) -> None:
        """Create the page's widgets below the heading."""

    def reload(self) -> None:
        """Show the data again after one of ``areas`` changed."""

    #: True while a reload waits for the page to be shown (see :meth:`defer_until_shown`).
    _reload_on_show = False

    def defer_until_shown(self) -> bool:
        """True, with a reload remembered for the next show, when nobody sees the page now.

        A hidden page then pays nothing for a change, and the window opens without waiting for it.
        """
        self._reload_on_show = not self.isVisible()
        return self._reload_on_show

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._reload_on_show:
            self.reload()

    def add_sentence(self, text: str) -> QLabel:
        """A plain paragraph, e.g. the one sentence of a page a later version fills."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setObjectName("pageSentence")
        from PySide6.QtCore import Qt  # not with this module: the Qt namespace's enums cost ~25 ms

        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setMaximumWidth(820)  # long lines are hard to read
        # In a row with a stretch, not with an alignment flag: an aligned word-wrapped label is
        # given its one-line height and its second line is cut off.
        row = QHBoxLayout()
        row.addWidget(label, 1)
        row.addStretch(0)
        self.layout_.addLayout(row)
        return label

    def _on_changed(self, area: str) -> None:
        if area in self.areas:
            self.reload()
