"""A dashboard box whose lines are read on a worker: today's meetings, the messages to send."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QWidget

from prdesk.errors import PrdeskError
from prdesk.ui.pages.base import PageContext, after_first_paint

Read = Callable[[Path, dt.date], Any]


class ReadBox(QGroupBox):
    """Reads its lines through ``reader()`` on a worker once the window is painted, and again after a
    change in one of ``areas``; a change while a read runs starts another when it ends.

    ``loaded`` tells that the box shows a read made after the last change. Subclasses give
    ``reader`` (importing what it needs here, on the window's thread: a first import on a worker
    can deadlock the import lock), ``show_read`` and ``show_failure``.
    """

    loaded = Signal()
    #: Bus areas whose change makes the box read again.
    areas: tuple[str, ...] = ()
    #: How long after the window's first paint the first read starts.
    delay_ms = 0

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._stale = True
        self._reading = None
        context.bus.changed.connect(self._changed)

    def reader(self) -> Read:
        raise NotImplementedError

    def show_read(self, result: Any) -> None:
        raise NotImplementedError

    def show_failure(self, text: str) -> None:
        raise NotImplementedError

    def _changed(self, area: str) -> None:
        if area in self.areas:
            self._stale = True
            if self.isVisible():
                QTimer.singleShot(0, self, self._read_if_shown)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            # Only while it is still shown: a window closed meanwhile may have closed its database too.
            after_first_paint(self, lambda: QTimer.singleShot(self.delay_ms, self, self._read_if_shown))

    def _read_if_shown(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the lines again, on a worker; the box follows."""
        if self._reading is not None:
            self._stale = True  # read again when the running read ends
            return
        read = self.reader()
        from prdesk.ui.pages.dashboard import BOX_LOADER_NAME, _loader

        self._stale = False
        path, today = self.context.db_path, self.context.today()
        self._reading = _loader(lambda progress: read(path, today), BOX_LOADER_NAME)
        self._reading.succeeded.connect(self._read)
        self._reading.failed.connect(self._failed)
        self._reading.start()

    def reading(self) -> bool:
        return self._reading is not None

    def _ended(self) -> bool:
        self._reading = None
        if self._stale and self.isVisible():
            self.reload()  # something changed while it was read
            return False
        return True

    def _read(self, result: Any) -> None:
        if self._ended():
            self.show_read(result)
            self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not self._ended():
            return
        if not isinstance(error, PrdeskError):
            raise error
        self.show_failure(str(error))
        self.loaded.emit()
