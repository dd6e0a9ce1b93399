"""Shared steps of the contacts page tests: the page on a database, typing into forms, waiting for searches."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from prdesk.store.db import open_database
from prdesk.store.demo import fill_demo
from tests.ui.helpers import type_text


@pytest.fixture(scope="session")
def office_template(tmp_path_factory):
    """A database with the "office" demo (1,000 organizations, 10,000 people), built once per run."""
    path = tmp_path_factory.mktemp("office") / "office.sqlite3"
    db = open_database(path)
    fill_demo(db, "office")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture(scope="session")
def small_template(tmp_path_factory):
    """A database with the small demo (50 organizations, 300 people), built once per run."""
    path = tmp_path_factory.mktemp("small") / "small.sqlite3"
    db = open_database(path)
    fill_demo(db, "small")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def copy_database(template, db_path) -> None:
    """Put a copy of ``template`` where the test's database will be opened."""
    shutil.copy(template, db_path)


def show_page(window, qtbot):
    """The contacts page, shown and loaded."""
    window.show_page("contacts")
    page = window.pages["contacts"]
    qtbot.waitUntil(lambda: page._loaded)
    return page


def wait_dialog(qtbot, dialog: QDialog) -> QDialog:
    """Wait until ``dialog`` is on screen and active, as after a click."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    # Waiting for "active" once is not enough: the main window's own activation may still arrive.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def search(qtbot, page, text: str) -> None:
    """Type ``text`` into the page's search box and wait for the search to run."""
    page.search.clear()
    with qtbot.wait_signal(page.search.search_changed, timeout=2000):
        type_text(page.search, text)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown_texts(view, column_key: str) -> list[str]:
    """The texts a column of a contacts table shows for every loaded row."""
    model = view.model()
    column = model.column_of(column_key)
    return [model.index(row, column).data() for row in range(model.rowCount())]
