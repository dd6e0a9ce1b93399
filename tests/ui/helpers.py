"""Driving widgets as a person does, including typing Persian (which qtbot.keyClicks cannot)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character, as a Persian keyboard sends it.

    qtbot.keyClicks maps characters through QTest's ASCII table and aborts the whole process on a
    Persian letter, so each character travels as the text of a Key_unknown event instead.
    """
    widget.setFocus()
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def retype(edit: QLineEdit, text: str) -> None:
    """Select everything in ``edit`` and type ``text`` over it."""
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    type_text(edit, text)
