"""Driving widgets as a person does, including typing Persian (which qtbot.keyClicks cannot)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from prdesk.ui.app import prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import messages
from prdesk.ui.main_window import MainWindow


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


def persian_window(qtbot, db, db_path, today: dt.date, *, active: bool = False) -> MainWindow:
    """The main window in Persian on ``db``, with ``today`` as the date, shown (and made the active window)."""
    prepare_application(QApplication.instance(), "fa")
    main = MainWindow(db, db_path, Bus(), language="fa", today=lambda: today)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    if active:
        main.activateWindow()
        qtbot.waitUntil(main.isActiveWindow)
    return main


def fail_on_error_box(monkeypatch) -> None:
    """Fail on any error message box instead of waiting for a click that never comes."""
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: pytest.fail(f"error shown: {text}"))


def hold_reads(monkeypatch, module, name: str) -> tuple[threading.Event, list[threading.Thread]]:
    """Make ``module.name`` (a read run on a worker) wait for the returned event, recording the threads it ran on."""
    release, threads = threading.Event(), []
    real = getattr(module, name)

    def held(*args):
        threads.append(threading.current_thread())
        assert release.wait(10)
        return real(*args)

    monkeypatch.setattr(module, name, held)
    return release, threads
