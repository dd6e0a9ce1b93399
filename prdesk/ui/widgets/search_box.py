"""The search box: search as you type, announced once the typing pauses."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

#: How long typing must pause before a search runs; short enough to feel instant.
DEFAULT_DELAY_MS = 200


class SearchBox(QLineEdit):
    """A line edit that emits ``search_changed`` with its text when the typing pauses.

    Every keystroke restarts the timer, so a fast typist starts one search, not one per letter.
    Enter searches at once; Esc clears the box; Down hands over to the list below.
    """

    search_changed = Signal(str)
    #: Down was pressed: the list under the box may take the focus.
    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = DEFAULT_DELAY_MS):
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        self.textChanged.connect(self._restart)
        self._announced = ""

    def _restart(self, _text: str) -> None:
        self.timer.start()

    def flush(self) -> None:
        """Search now for what the box holds (once per distinct text)."""
        self.timer.stop()
        text = self.text()
        if text != self._announced:
            self._announced = text
            self.search_changed.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.flush()
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
            return
        super().keyPressEvent(event)
