"""Rough edges of the window a new clerk trips over: key names in menus, the password dialog, paths after a backup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit

from prdesk.ui.app import prepare_application


def test_the_enter_key_is_named_as_its_key_cap_in_menus(qapp):
    prepare_application(QApplication.instance(), "fa")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        name = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        assert name == "Enter", name
    # The rest of Qt's own Persian key names stay: Ctrl is still کنترل.
    assert "Enter" in QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)


def _bottom(widget, dialog) -> int:
    return widget.mapTo(dialog, widget.rect().bottomLeft()).y()


def _top(widget, dialog) -> int:
    return widget.mapTo(dialog, widget.rect().topLeft()).y()


def test_the_password_dialog_grows_instead_of_overlapping_when_the_passwords_differ(qtbot, qapp):
    from prdesk.ui.dialogs.backup_dialogs import NewPasswordDialog

    prepare_application(QApplication.instance(), "fa")
    dialog = NewPasswordDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.use_password, Qt.MouseButton.LeftButton)
    dialog.password.setText("1234567890")
    dialog.repeat.setText("1234567899")
    dialog.accept()
    qtbot.waitUntil(dialog.error.isVisible)
    QApplication.processEvents()

    assert dialog.isVisible()
    # Every wrapped text has the height its lines need, and nothing overlaps the next widget down.
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    hint = dialog.findChild(QLabel, "hint")
    assert _bottom(hint, dialog) < _top(dialog.password, dialog)
    assert _bottom(dialog.repeat, dialog) < _top(dialog.error, dialog)
    assert _bottom(dialog.error, dialog) < _top(dialog.findChild(QDialogButtonBox), dialog)


def test_the_path_after_a_backup_stands_on_a_line_of_its_own(window, tmp_path, monkeypatch):
    from prdesk.core.text import left_to_right
    from prdesk.ui.dialogs import backup_dialogs, messages

    target = tmp_path / "usb" / "office-1405-09-11.prdesk-backup"
    target.parent.mkdir()
    shown = []
    monkeypatch.setattr(backup_dialogs, "choose_backup_target", lambda *args: target)
    monkeypatch.setattr(backup_dialogs, "ask_new_password", lambda *args: (True, None))
    monkeypatch.setattr(messages, "show_message", lambda parent, text, title=None: shown.append(text))
    window.backup_panel.create_backup()

    assert target.exists()
    # Wrapped inside a Persian line, the path's slashes would be drawn at the wrong end.
    assert left_to_right(target) in shown[0].splitlines()


def test_every_contacts_column_fits_at_the_default_window_size(window, qtbot, db):
    from prdesk.store.contacts import add_person

    add_person(db, {"first_name": "محمدعلی", "last_name": "ابراهیمی‌نژاد", "mobile": "09123456789",
                    "position": "مدیرکل روابط عمومی"})
    window.resize(1100, 720)
    window.show_page("contacts")
    page = window.pages["contacts"]
    view = page.people_view
    qtbot.waitUntil(lambda: view.viewport().width() > 300)
    qtbot.wait(50)
    header = view.horizontalHeader()
    shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    assert sum(header.sectionSize(i) for i in shown) <= view.viewport().width() + 1
    assert not view.horizontalScrollBar().isVisible()
    mobile = next(i for i, c in enumerate(view.model().columns) if c.key == "mobile")
    assert header.sectionSize(mobile) > view.fontMetrics().horizontalAdvance("۰۹۱۲۳۴۵۶۷۸۹")
    for i in shown:  # no header is cut
        assert header.sectionSize(i) >= header.sectionSizeFromContents(i).width(), view.model().headerData(i, Qt.Orientation.Horizontal)


def test_the_import_dialog_gives_the_field_column_room(window, qtbot):
    from prdesk.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(window.context, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.mapping_table
    assert table.horizontalHeader().sectionSize(2) >= table.viewport().width() // 4
