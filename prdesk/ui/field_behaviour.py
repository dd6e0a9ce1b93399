"""How fields behave everywhere in the window: the wheel scrolls the page past unfocused fields; multi-line boxes align right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QPlainTextEdit, QTextEdit, QWidget,
)

#: Fields whose value the wheel would change (date and time edits are spin boxes too).
_VALUE_FIELDS = (QComboBox, QAbstractSpinBox)


#: Multi-line boxes: notes, descriptions, import results.
_TEXT_BOXES = (QPlainTextEdit, QTextEdit)


class FieldBehaviour(QObject):
    """Application-wide, installed once: what every field of every page and dialog does.

    A wheel over an unfocused value field goes on to the page that holds it.

    The event goes to the viewport of the nearest scroll area around the field (Qt passes a wheel
    event on to parents only when it came from the system, so forwarding it ourselves behaves the
    same for a real wheel and in a test). Fields lose Qt's "wheel gives focus" policy when they are
    polished, or the wheel would focus them first and then change them.

    A multi-line box in a right-to-left window aligns its lines right: Qt's plain-text layout
    keeps each line's own direction (an English line still ends with its period) but left-aligns
    every line unless the document is told otherwise.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, _VALUE_FIELDS) and not watched.hasFocus():
                _scroll_page(watched, event)
                event.accept()  # handled: not offered to the parents a second time
                return True
        elif kind == QEvent.Type.Polish:
            if isinstance(watched, _VALUE_FIELDS) and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            elif isinstance(watched, _TEXT_BOXES):
                _align_lines(watched)
        elif kind == QEvent.Type.LayoutDirectionChange and isinstance(watched, _TEXT_BOXES):
            _align_lines(watched)
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


def _align_lines(box: QPlainTextEdit | QTextEdit) -> None:
    option = box.document().defaultTextOption()
    if box.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    else:
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    box.document().setDefaultTextOption(option)


def install_field_behaviour(app: QApplication) -> None:
    """Install the behaviour once on ``app`` (a second call does nothing)."""
    # An attribute, not findChild(): Qt's first findChild with a Python type costs ~10 ms at start-up.
    if getattr(app, "_prdesk_field_behaviour", None) is None:
        app._prdesk_field_behaviour = FieldBehaviour(app)
        app.installEventFilter(app._prdesk_field_behaviour)
