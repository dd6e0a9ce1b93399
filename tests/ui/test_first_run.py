"""The first-run wizard as a new office goes through it; the one-time letterhead warning."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from prdesk.store import first_run
from prdesk.store.settings import get_setting, get_settings, update_settings
from prdesk.ui.app import prepare_application
from prdesk.ui.dialogs import first_run as wizard_module
from prdesk.ui.dialogs.first_run import (
    START_IMPORT,
    START_RESTORE,
    START_SAMPLE,
    Choices,
    FirstRunWizard,
    apply_choices,
    describe_pattern,
    example_number,
    warn_unfinished_letterhead,
)
from tests.ui.helpers import retype, type_text


@pytest.fixture
def wizard(qtbot, qapp, window, db):
    prepare_application(qapp, "fa")
    shown = FirstRunWizard(db, window)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def click(qtbot, wizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def choose(qtbot, radio) -> None:
    """Click a radio button on its circle (its text is short; the middle of the row is empty)."""
    x = radio.width() - 8 if radio.isRightToLeft() else 8
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(x, radio.height() // 2))
    assert radio.isChecked()


def test_a_new_database_is_new_and_empty_until_something_is_saved(db):
    assert first_run.is_new_and_empty(db)
    update_settings(db, {"org_city": "یزد"})
    assert not first_run.is_new_and_empty(db)


def test_the_mark_alone_stops_the_wizard_offering_itself(db):
    first_run.mark_done(db)
    assert not first_run.is_new_and_empty(db)
    assert first_run.MARK not in get_settings(db)  # not a setting the Settings tab shows


def test_an_office_set_up_from_start_to_finish(qtbot, wizard, db, tmp_path):
    assert wizard.currentId() == FirstRunWizard.START
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == FirstRunWizard.OFFICE
    office = wizard.office_page
    retype(office.edits["org_name_line3"], "اداره کل تعاون، کار و رفاه اجتماعی استان یزد")
    type_text(office.edits["org_province"], "یزد")
    type_text(office.edits["org_city"], "یزد")
    type_text(office.edits["signatory_name"], "دکتر رضا کریمی")
    type_text(office.edits["letter_unit_code"], "۱۲۰")
    office.pattern.setCurrentIndex(office.pattern.findData("{unit}/{seq}/{yyyy}"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == FirstRunWizard.BACKUP
    type_text(wizard.backup_page.folder, str(tmp_path / "usb" / "backups"))
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted

    assert apply_choices(wizard.parent(), wizard.choices())
    saved = get_settings(db)
    assert saved["org_name_line3"] == "اداره کل تعاون، کار و رفاه اجتماعی استان یزد"
    assert (saved["org_province"], saved["org_city"]) == ("یزد", "یزد")
    assert saved["signatory_name"] == "دکتر رضا کریمی"
    assert saved["letter_unit_code"] == "۱۲۰"  # as the Settings tab saves it; numbers turn it to ASCII
    assert saved["letter_number_pattern"] == "{unit}/{seq}/{yyyy}"
    assert saved["backup_folder"] == str(tmp_path / "usb" / "backups")


def test_the_number_pattern_is_shown_in_words_with_a_live_example(qtbot, wizard):
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    office = wizard.office_page
    for index in range(office.pattern.count()):
        assert "{" not in office.pattern.itemText(index)
    office.pattern.setCurrentIndex(office.pattern.findData("{seq}/ص/{yyyy}"))
    assert "۱۲۳۴/ص/" in office.example.text() and "{" not in office.example.text()
    office.pattern.setCurrentIndex(office.pattern.findData("{unit}/{seq}/{yyyy}"))
    type_text(office.edits["letter_unit_code"], "۷۷")
    assert office.example.text().count("۷۷/۱۲۳۴/") == 1


def test_pattern_words_and_example():
    words = describe_pattern("{seq}/ص/{yyyy}")
    assert words.startswith("«") and words.endswith("»") and " / ص / " in words and "{" not in words
    assert "۴" in describe_pattern("{yy}/{seq:4}")
    assert example_number("{yy}/{unit}/{seq:5}", "120", today=dt.date(2026, 11, 21)) == "۰۵/۱۲۰/۰۱۲۳۴"


def test_a_missing_logo_is_refused_in_persian_and_the_page_stays(qtbot, wizard, tmp_path):
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    office = wizard.office_page
    type_text(office.edits["logo_path"], str(tmp_path / "no-logo.png"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == FirstRunWizard.OFFICE
    assert office.errors["logo_path"].isVisibleTo(office)
    assert "لوگو" in office.errors["logo_path"].text()


def test_import_needs_a_file_and_a_missing_one_is_refused(qtbot, wizard, tmp_path, db):
    start = wizard.start_page
    choose(qtbot, start.buttons[START_IMPORT])
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_text(start.file, str(tmp_path / "contacts.xlsx"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == FirstRunWizard.START
    assert "contacts.xlsx" in start.error.text() and "یافت نشد" in start.error.text()
    assert first_run.is_new_and_empty(db)


def test_restore_skips_the_office_pages_and_restores_the_file(qtbot, wizard, window, tmp_path, monkeypatch):
    backup = tmp_path / "old-pc.prdesk-backup"
    backup.write_bytes(b"stand-in")
    start = wizard.start_page
    choose(qtbot, start.buttons[START_RESTORE])
    type_text(start.file, str(backup))
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    choices = wizard.choices()
    assert choices == Choices(START_RESTORE, backup)
    restored = []
    monkeypatch.setattr(window, "restore_backup_file", lambda path: restored.append(path) or True)
    assert apply_choices(window, choices)
    assert restored == [backup]


def test_sample_data_fills_the_contacts(window, db):
    assert apply_choices(window, Choices(START_SAMPLE, None, {}))
    assert db.execute("SELECT count(*) FROM organizations").fetchone()[0] > 0


def test_import_opens_the_import_dialog_on_the_file(window, tmp_path):
    csv = tmp_path / "contacts.csv"
    csv.write_text("نام,نام خانوادگی,تلفن همراه\nعلی,رضایی,09121234567\n", encoding="utf-8")
    assert apply_choices(window, Choices(START_IMPORT, csv, {}))
    assert window.current_page().key == "contacts"


def test_closing_the_wizard_keeps_it_from_coming_back_by_itself(window, db, monkeypatch):
    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: QWizard.DialogCode.Rejected)
    assert wizard_module.run_wizard(window) is None
    assert not first_run.is_new_and_empty(db)
    assert get_setting(db, "org_city") == ""


def test_the_menu_runs_the_wizard_again(window, monkeypatch):
    ran = []
    monkeypatch.setattr(wizard_module, "run_wizard", lambda win: ran.append(win))
    window.setup_action.trigger()
    assert ran == [window]


def test_a_letter_before_the_letterhead_is_filled_warns_once(qtbot, window, db):
    assert warn_unfinished_letterhead(window, db)
    box = window.findChild(QMessageBox, "letterheadWarning")
    assert box is not None and box.isVisible()
    box.close()
    assert not warn_unfinished_letterhead(window, db)


def test_a_filled_letterhead_never_warns(window, db):
    update_settings(db, {"org_name_line3": "اداره کل تعاون استان یزد", "signatory_name": "دکتر رضا کریمی"})
    assert not warn_unfinished_letterhead(window, db)


def test_the_first_start_on_an_empty_database_offers_the_wizard(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from prdesk.ui import app as app_module
    from prdesk.ui.main_window import MainWindow

    offered = []
    monkeypatch.setattr(MainWindow, "run_first_run", lambda self: offered.append(self.db_path))

    def fake_exec(self):
        QApplication.processEvents()  # the zero-time timer the window posted
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(app_module, "AUTOMATIC_BACKUPS_ENV", "PRDESK_TEST_NO_BACKUPS")
    monkeypatch.setenv("PRDESK_TEST_NO_BACKUPS", "0")
    monkeypatch.setenv(app_module.FIRST_RUN_ENV, "1")
    path = tmp_path / "new.sqlite3"
    assert app_module.run(path) == 0
    assert offered == [path]
    from prdesk.store.db import open_database

    db = open_database(path)
    update_settings(db, {"org_city": "یزد"})
    db.close()
    offered.clear()
    assert app_module.run(path) == 0
    assert offered == []
