"""The main window: right to left, every page reachable and built on its first visit, menus, geometry."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from prdesk import __version__
from prdesk.core.text import to_persian_digits
from prdesk.store.settings import update_settings
from prdesk.ui.app import create_main_window, prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs.about import AboutDialog
from prdesk.ui.main_window import PAGES, MainWindow

PAGE_TITLES_FA = {
    "dashboard": "پیشخوان",
    "contacts": "مخاطبان",
    "calendar": "تقویم و مراسم",
    "meetings": "ملاقات‌ها",
    "messages": "پیام‌ها",
    "letters": "نامه و چاپ",
    "reports": "گزارش‌ها",
    "settings": "پشتیبان‌گیری و تنظیمات",
}
PAGES_BY_KEY = {entry.key: entry for entry in PAGES}
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


# --- pages built on their first visit ----------------------------------------------------------


def test_only_the_dashboard_is_built_at_start(window):
    assert [key for key in PAGES_BY_KEY if window.pages.built(key)] == ["dashboard"]
    assert window.stack.count() == len(PAGES)
    window.show_page("letters")
    assert window.pages.built("letters") is window.current_page()
    assert window.stack.indexOf(window.current_page()) == list(PAGES_BY_KEY).index("letters")


@pytest.mark.parametrize("language", ["fa", "en"])
def test_the_navigation_names_each_page_as_its_heading_does(qtbot, db, db_path, language):
    prepare_application(QApplication.instance(), language)
    try:
        main = MainWindow(db, db_path, Bus(), language=language)
        qtbot.addWidget(main)
        for row, entry in enumerate(PAGES):
            page = main.pages[entry.key]
            assert page.key == entry.key
            assert main.nav.item(row).text() == page.title() == page.heading.text()
    finally:
        prepare_application(QApplication.instance(), "fa")


def test_a_page_built_later_shows_what_changed_before(window, db):
    update_settings(db, {"signatory_name": "مریم احمدی"})
    window.bus.announce("settings")  # nobody listens on the settings page yet
    assert window.pages.built("settings") is None
    window.show_page("settings")
    assert window.pages["settings"].fields["signatory_name"].get() == "مریم احمدی"


def test_start_up_leaves_the_heavy_libraries_unread(tmp_path):
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from prdesk.store.db import open_database\n"
        "from prdesk.ui.app import open_desk\n"
        "app = QApplication([])\n"
        "path = Path(sys.argv[1])\n"
        "desk = open_desk(open_database(path), path)\n"
        "desk.window.show()\n"
        "app.processEvents()\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "office.sqlite3")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    loaded = set(done.stdout.split())
    assert "prdesk.ui.pages.dashboard" in loaded
    heavy = {"reportlab", "openpyxl", "vobject", "icalendar", "cryptography", "pypdf", "PySide6.QtPdf",
             "PySide6.QtPrintSupport", "prdesk.store.backup.service", "prdesk.store.backup.restoring", "prdesk.store.backup.container", "prdesk.ui.pages.contacts", "prdesk.ui.pages.letters"}
    assert heavy.isdisjoint(loaded), sorted(heavy & loaded)


def test_the_started_window_fills_its_menus_right_after_its_first_paint(qtbot, db, db_path):
    """run() builds the window with menus_after_paint: the menu bar's titles are painted at once,
    the actions and their shortcuts follow the first paint and then work as in any window."""
    from prdesk.ui.app import open_desk

    main = open_desk(db, db_path, menus_after_paint=True).window
    qtbot.addWidget(main)
    titles = [action.text().replace("&", "") for action in main.menuBar().actions()]
    assert titles == ["فایل", "رفتن به", "راهنما"]
    assert main.page_actions == [] and main.file_menu.actions() == []  # not before the paint
    main.show()
    qtbot.waitUntil(lambda: main.painted and bool(main.page_actions))
    assert [a.text() for a in main.go_menu.actions()] == list(PAGE_TITLES_FA.values())
    assert main.page_actions[0].isChecked()  # the dashboard, shown before the menus were filled
    assert main.exit_action.shortcut().toString() == "Ctrl+Q"
    assert len(main.file_menu.actions()) == 7 and len(main.help_menu.actions()) == 4
    main.activateWindow()
    qtbot.waitActive(main)
    qtbot.keyClick(main, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main.current_page().key == "calendar" and main.page_actions[2].isChecked()
    main.page_actions[1].trigger()
    assert main.current_page().key == "contacts"


def test_a_started_window_not_painted_gets_its_menus_all_the_same(qtbot, db, db_path):
    """Shown minimized, the window is not painted: its menus are filled a second later anyway."""
    from prdesk.ui.app import open_desk
    from prdesk.ui.main_window import UNPAINTED_MENUS_MS

    main = open_desk(db, db_path, menus_after_paint=True).window
    qtbot.addWidget(main)
    assert not main.painted
    qtbot.wait(UNPAINTED_MENUS_MS + 200)
    assert not main.painted and len(main.page_actions) == len(PAGES)
    assert main.backup_action.shortcut().toString() == "Ctrl+B"
