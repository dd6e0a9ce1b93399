"""The change bus: one signal that tells every page which area of the data changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    """Fans out "this area changed" (``"settings"``, ``"contacts"``, ``"today"``…) to the pages.

    Pages never refresh each other by hand; they listen here and reload their own area.
    """

    changed = Signal(str)

    def announce(self, *areas: str) -> None:
        """Emit ``changed`` once per area."""
        for area in areas:
            self.changed.emit(area)
