"""The mouse wheel scrolls the page over a combo box or spin box that the clerk has not clicked into."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

#: Fields whose value the wheel would change (date and time edits are spin boxes too).
_VALUE_FIELDS = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Application-wide: a wheel over an unfocused value field goes on to the page that holds it.

    The event goes to the viewport of the nearest scroll area around the field (Qt passes a wheel
    event on to parents only when it came from the system, so forwarding it ourselves behaves the
    same for a real wheel and in a test). Fields lose Qt's "wheel gives focus" policy when they are
    polished, or the wheel would focus them first and then change them.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, _VALUE_FIELDS) and not watched.hasFocus():
                _scroll_page(watched, event)
                event.accept()  # handled: not offered to the parents a second time
                return True
        elif kind == QEvent.Type.Polish and isinstance(watched, _VALUE_FIELDS):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _scroll_page(field: QWidget, event: QWheelEvent) -> None:
    area = field.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return
    viewport = area.viewport()
    position = viewport.mapFromGlobal(event.globalPosition())
    QApplication.sendEvent(viewport, QWheelEvent(
        position, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
        event.modifiers(), event.phase(), event.inverted(), event.source(),
    ))


def install_wheel_guard(app: QApplication) -> None:
    """Install the guard once on ``app`` (a second call does nothing)."""
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))
