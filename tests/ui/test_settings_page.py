"""The settings page: typing, saving, validation next to the field, language switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSpinBox

from prdesk.errors import ValidationError
from prdesk.store.settings import SETTINGS, get_settings
from prdesk.ui.dialogs import pickers
from prdesk.ui.pages import settings as settings_page
from tests.ui.helpers import retype, type_text


@pytest.fixture
def page(window):
    window.show_page("settings")
    window.pages["settings"].show_tab("settings")
    return window.pages["settings"]


def editor(page, key):
    """The editing widget of setting ``key``, found by its object name as a person finds it by label."""
    for kind in (QLineEdit, QComboBox, QSpinBox):
        found = page.findChild(kind, key)
        if found is not None:
            return found
    raise LookupError(key)


def save(qtbot, page):
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def test_every_setting_has_an_editor_and_an_error_line(page):
    assert set(page.fields) == {s.key for s in SETTINGS}
    for key, field in page.fields.items():
        assert field.editor is editor(page, key)
        assert field.error.isHidden()


def test_typed_values_are_saved_and_shown_normalized(page, qtbot, db, window):
    retype(editor(page, "org_name_line3"), "اداره كل تعاون، كار و رفاه اجتماعی استان اصفهان")
    retype(editor(page, "org_postal_code"), "۸۱۳۴۸-۱۳۷۴۶")
    retype(editor(page, "org_phone"), "۰۳۱ ۳۲۲۲ ۴۴۵۵")
    retype(editor(page, "signatory_name"), "علی رضایی")
    editor(page, "paper_size").setCurrentIndex(editor(page, "paper_size").findData("A5"))
    spin = editor(page, "lunar_correction")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    save(qtbot, page)

    stored = get_settings(db)
    assert stored["org_name_line3"] == "اداره کل تعاون، کار و رفاه اجتماعی استان اصفهان"  # Arabic kaf fixed
    assert stored["org_postal_code"] == "8134813746"
    assert stored["org_phone"] == "03132224455"
    assert stored["signatory_name"] == "علی رضایی"
    assert stored["paper_size"] == "A5"
    assert stored["lunar_correction"] == "1"
    assert editor(page, "org_postal_code").text() == "۸۱۳۴۸۱۳۷۴۶"
    assert editor(page, "org_phone").text() == "۰۳۱۳۲۲۲۴۴۵۵"
    assert spin.text().startswith("۱")
    assert window.statusBar().currentMessage() == "تنظیمات ذخیره شد."


def test_ctrl_s_saves(page, qtbot, db, window):
    window.activateWindow()
    qtbot.waitActive(window)
    retype(editor(page, "signatory_position"), "معاون توسعه")
    qtbot.keyClick(editor(page, "signatory_position"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_settings(db)["signatory_position"] == "معاون توسعه"


def test_saving_unchanged_settings_says_nothing_changed(page, qtbot, window):
    with qtbot.assert_not_emitted(window.bus.changed):
        save(qtbot, page)
    assert "چیزی برای ذخیره نبود" in window.statusBar().currentMessage()


def test_bad_postal_code_is_shown_under_its_field_and_nothing_is_saved(page, qtbot, db):
    before = get_settings(db)
    retype(editor(page, "signatory_name"), "مریم احمدی")
    retype(editor(page, "org_postal_code"), "۱۲۳")
    save(qtbot, page)

    error = page.fields["org_postal_code"].error
    assert not error.isHidden()
    assert "ده رقم" in error.text()
    assert get_settings(db) == before
    assert page.focusWidget() is editor(page, "org_postal_code")
    assert editor(page, "signatory_name").text() == "مریم احمدی"  # what was typed stays to be fixed

    type_text(editor(page, "org_postal_code"), "۴۵۶۷۸۹۰")
    assert error.isHidden()
    save(qtbot, page)
    assert get_settings(db)["org_postal_code"] == "1234567890"
    assert get_settings(db)["signatory_name"] == "مریم احمدی"


def test_lunar_correction_cannot_leave_two_days(page, qtbot, db):
    spin = editor(page, "lunar_correction")
    spin.setFocus()
    for _ in range(5):
        qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert spin.value() == -2
    spin.selectAll()
    type_text(spin, "۵")
    save(qtbot, page)
    assert get_settings(db)["lunar_correction"] == "-2"


def test_a_refused_lunar_correction_is_shown_under_its_field(page, qtbot, db, monkeypatch):
    def refuse(db, changes):
        raise ValidationError("اصلاح تاریخ قمری باید عددی از ۲- تا ۲+ روز باشد.", field="lunar_correction")

    monkeypatch.setattr(settings_page, "update_settings", refuse)
    before = get_settings(db)
    save(qtbot, page)
    error = page.fields["lunar_correction"].error
    assert not error.isHidden()
    assert "۲- تا ۲+" in error.text()
    assert get_settings(db) == before


def test_number_and_address_fields_read_left_to_right(page):
    for key in ("org_postal_code", "org_phone", "org_fax", "org_website", "logo_path", "backup_folder"):
        assert editor(page, key).layoutDirection() == Qt.LayoutDirection.LeftToRight, key
    assert editor(page, "org_name_line1").layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_pickers_fill_logo_and_backup_folder(page, qtbot, db, monkeypatch, tmp_path):
    monkeypatch.setattr(pickers, "choose_file", lambda *args: str(tmp_path / "logo.png"))
    monkeypatch.setattr(pickers, "choose_folder", lambda *args: str(tmp_path / "backups"))
    qtbot.mouseClick(page.findChild(QPushButton, "logo_path_choose"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.findChild(QPushButton, "backup_folder_choose"), Qt.MouseButton.LeftButton)
    save(qtbot, page)
    assert get_settings(db)["logo_path"] == str(tmp_path / "logo.png")
    assert get_settings(db)["backup_folder"] == str(tmp_path / "backups")


def test_undo_changes_shows_the_saved_values(page, qtbot):
    edit = editor(page, "org_name_line1")
    saved = edit.text()
    retype(edit, "چیز دیگری")
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert edit.text() == saved


def test_choosing_english_rebuilds_the_window_left_to_right(page, qtbot, window, db):
    language = editor(page, "ui_language")
    language.setCurrentIndex(language.findData("en"))
    save(qtbot, page)
    desk = window.desk
    qtbot.waitUntil(lambda: desk.window is not window)
    english = desk.window
    assert english.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english.isVisible()
    assert english.current_page().key == "settings"
    assert english.nav.item(0).text() == "Dashboard"
    assert get_settings(db)["ui_language"] == "en"

    persian = english.pages["settings"].fields["ui_language"]
    combo = persian.editor
    combo.setCurrentIndex(combo.findData("fa"))
    qtbot.mouseClick(english.pages["settings"].save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.window is not english)
    assert desk.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert desk.window.nav.item(0).text() == "پیشخوان"
    desk.window.close()


def test_the_lunar_correction_help_does_not_say_leave_it_at_zero(page):
    """Issue 13 §1: the help explains the crescent estimate and when to correct it."""
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in page.findChildren(QLabel)]
    help_text = next(text for text in texts if "هلال" in text)
    assert "صفر" not in help_text and "۱+" in help_text and "۱-" in help_text
