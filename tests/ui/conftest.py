"""Fixtures of the window tests: a temporary database, QSettings in tmp_path, the main window."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QSettings

from prdesk.store.db import open_database
from prdesk.ui.app import create_main_window


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path):
    """QSettings (window geometry) written under tmp_path, never to the real user's config."""
    folder = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "office.sqlite3"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def window(qtbot, db, db_path):
    """The main window on a fresh database, shown; closed again with whatever replaced it."""
    main = create_main_window(db, db_path)
    desk = main.desk
    main.show()
    qtbot.waitExposed(main)
    yield main
    # Not qtbot.addWidget: a language switch deletes this window and builds another.
    for shown in (main, desk.window):
        if shiboken6.isValid(shown):
            shown.close()
