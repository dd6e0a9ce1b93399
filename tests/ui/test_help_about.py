"""F1 opens the guide at the page in view; the guide's pages and links; About's folders and licenses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QPushButton

from prdesk.paths import resource
from prdesk.ui.dialogs import about as about_module
from prdesk.ui.dialogs.about import AboutDialog
from prdesk.ui.dialogs.help import PAGES, HelpDialog, page_for_area
from prdesk.ui.main_window import PAGES as AREAS


def test_every_area_has_a_page_and_every_page_is_persian_and_whole():
    names = {name for name, _title in PAGES}
    for area in AREAS:
        assert page_for_area(area.key) in names
    assert {"contacts", "calendar", "meetings", "messages", "letters", "backups", "shortcuts"} <= names
    for name in names:
        text = resource("help", f"{name}.html").read_text(encoding="utf-8")
        assert 'dir="rtl"' in text
        for image in re.findall(r'src="([^"]+)"', text):
            assert resource("help", image).is_file(), f"{name}: {image} missing"
        for link in re.findall(r'href="([^"]+\.html)"', text):
            assert link.removesuffix(".html") in names


@pytest.mark.parametrize(("area", "page"), [("contacts", "contacts"), ("calendar", "calendar"), ("settings", "backups"), ("dashboard", "index")])
def test_f1_opens_the_page_of_the_area_in_view(window, qtbot, area, page):
    window.show_page(area)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.current_page() == page
    assert dialog.pages.currentItem().text() == dialog.pages.item([n for n, _t in PAGES].index(page)).text()
    assert dialog.browser.toPlainText().strip()


def test_a_link_in_the_contents_moves_the_list_too(window, qtbot):
    window.show_help("index")
    dialog = window.help_dialog
    dialog.browser.setSource(dialog.browser.source().resolved(QUrl("letters.html")))
    assert dialog.current_page() == "letters"
    assert dialog.pages.currentRow() == [n for n, _t in PAGES].index("letters")


def test_the_shortcut_list_is_in_the_help_menu(window):
    window.shortcuts_action.trigger()
    assert window.help_dialog.current_page() == "shortcuts"
    assert "F1" in window.help_dialog.browser.toPlainText()


def test_about_shows_the_folders_and_opens_them(window, db_path, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(about_module.QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    dialog = AboutDialog(db_path, window)
    qtbot.addWidget(dialog)
    assert dialog.path.text() == str(db_path)
    assert dialog.log.text().endswith("prdesk.log")
    qtbot.mouseClick(dialog.findChild(QPushButton, "openFolder0"), Qt.MouseButton.LeftButton)
    assert opened == [db_path.parent]
    text = dialog.licenses.toPlainText()
    for part in ("Qt", "LGPL", "Vazirmatn", "Open Font License", "Python Software Foundation"):
        assert part in text


def test_the_window_carries_the_app_icon(window):
    icon = window.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).toImage().isNull()
