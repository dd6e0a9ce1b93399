"""The main window: right to left, every page reachable, Persian digits, menus, geometry."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from prdesk import __version__
from prdesk.core.text import to_persian_digits
from prdesk.ui.app import create_main_window, prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs.about import AboutDialog
from prdesk.ui.main_window import PAGES, MainWindow

PAGE_TITLES_FA = {
    "dashboard": "پیشخوان",
    "contacts": "مخاطبین",
    "calendar": "تقویم و مراسم",
    "meetings": "ملاقات‌ها",
    "messages": "پیام‌ها",
    "letters": "نامه و چاپ",
    "settings": "پشتیبان‌گیری و تنظیمات",
}
ASCII_DIGIT = re.compile(r"[0-9]")


def test_window_is_right_to_left_and_persian(window):
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.windowTitle().startswith("پی‌آر‌دسک")
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == list(PAGE_TITLES_FA.values())


def test_navigation_sits_on_the_right(window):
    nav_left = window.nav.mapTo(window, QPoint(0, 0)).x()
    stack_left = window.stack.mapTo(window, QPoint(0, 0)).x()
    assert nav_left > stack_left


def test_every_page_through_the_navigation(window, qtbot):
    for row, key in enumerate(PAGE_TITLES_FA):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page().key == key
        assert window.current_page().heading.text() == PAGE_TITLES_FA[key]
        assert window.page_actions[row].isChecked()


def test_every_page_through_the_shortcuts(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    for row in reversed(range(len(PAGES))):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{row + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == row
        assert window.nav.currentRow() == row


def test_pages_a_later_version_fills_say_so_in_one_sentence(window):
    for key in ("meetings", "messages"):
        page = window.pages[key]
        assert "نسخهٔ بعدی" in page.sentence.text()
        assert page.findChildren(QLabel) == [page.heading, page.sentence]


def test_dashboard_shows_today_in_three_calendars_with_persian_digits(window):
    page = window.pages["dashboard"]
    labels = [page.jalali.text(), page.hijri.text(), page.gregorian.text(), window.date_label.text()]
    assert all(labels)
    for text in labels:
        assert not ASCII_DIGIT.search(text), text
    assert re.search("[۰-۹]{4}$", page.jalali.text())
    assert window.date_label.text() == page.jalali.text()


@pytest.fixture
def pinned_window(qtbot, db, db_path):
    """A window whose clock reads a day the test chooses."""
    day = {"today": dt.date(2026, 11, 20)}  # a Friday
    prepare_application(QApplication.instance(), "fa")
    main = MainWindow(db, db_path, Bus(), language="fa", today=lambda: day["today"])
    qtbot.addWidget(main)
    return main, day


def test_dashboard_marks_friday_and_turns_at_midnight(pinned_window, qtbot):
    main, day = pinned_window
    page = main.pages["dashboard"]
    assert page.jalali.text() == "جمعه ۲۹ آبان ۱۴۰۵"
    assert not page.holiday.isHidden()
    day["today"] = dt.date(2026, 11, 21)
    with qtbot.wait_signal(main.bus.changed) as changed:
        main.clock.timeout.emit()
    assert changed.args == ["today"]
    assert page.jalali.text() == "شنبه ۳۰ آبان ۱۴۰۵"
    assert page.hijri.text() == "۱۱ جمادی‌الثانی ۱۴۴۸"
    assert page.gregorian.text() == "۲۱ نوامبر ۲۰۲۶"
    assert page.holiday.isHidden()
    assert main.date_label.text() == "شنبه ۳۰ آبان ۱۴۰۵"


def test_about_names_version_and_database_in_persian_digits(window, db_path, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.about_action.trigger()
    (dialog,) = shown
    assert dialog.version.text() == "نسخهٔ " + to_persian_digits(__version__)
    assert not ASCII_DIGIT.search(dialog.version.text())
    assert dialog.path.text() == str(db_path)
    assert dialog.path.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert str(db_path) in window.db_label.text()


def test_exit_closes_the_window(window, qtbot):
    window.exit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.exit_action.shortcut().toString() == "Ctrl+Q"


def test_geometry_is_remembered(qtbot, db, db_path):
    first = create_main_window(db, db_path)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(1000, 680)
    qtbot.waitUntil(lambda: first.size().width() == 1000)
    first.close()

    second = create_main_window(db, db_path)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (1000, 680)
