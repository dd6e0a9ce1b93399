"""The Backup tab: make, list, verify and restore backups as the clerk does; wrong passwords, damaged files."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from prdesk.store import backup as backups
from prdesk.store.backup import container, fileops
from prdesk.store.settings import get_settings, update_settings
from prdesk.ui.app import prepare_application
from prdesk.ui.dialogs import backup_dialogs, messages, pickers
from prdesk.ui.pages.backup import age_text
from tests.ui.helpers import retype, type_text

OLD_NAME = "اداره کل تعاون، کار و رفاه اجتماعی استان یزد"
NEW_NAME = "نام تازه‌ای که پس از پشتیبان نوشته شد"


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch):
    """Cheap scrypt: the reader honours whatever cost the file's header states."""
    monkeypatch.setattr(container, "SCRYPT_LOG2_N", 12)


@pytest.fixture
def persian(qapp):
    """Persian translations for a test that builds a dialog without a window."""
    prepare_application(qapp, "fa")


@pytest.fixture
def shown(monkeypatch):
    """Every message box of the test, as ("info"|"error", text) instead of a modal box."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_message", lambda parent, text, title=None: boxes.append(("info", text)))
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: boxes.append(("error", text)))
    return boxes


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "backups"


@pytest.fixture
def panel(window, folder, db):
    update_settings(db, {"backup_folder": str(folder), "org_name_line3": OLD_NAME})
    window.bus.announce("settings")
    window.show_backups()
    return window.backup_panel


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def button(panel, name: str) -> QPushButton:
    found = panel.findChild(QPushButton, name)
    assert found is not None, name
    return found


def db_files(db_path: Path) -> dict[str, str]:
    """The database file and its WAL, byte for byte."""
    found = {}
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if path.exists():
            found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def make_backup(db_path: Path, folder: Path, password: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backups.default_backup_name(dt.datetime(2026, 11, 20, 15, 30), db_path)
    backups.create(db_path, target, password)
    return target


# --- making a backup ------------------------------------------------------------------------------


def test_making_a_backup_with_a_password_through_the_page(panel, qtbot, folder, monkeypatch, shown):
    suggested = []

    def choose_target(parent, path):
        suggested.append(path)
        return path

    monkeypatch.setattr(backup_dialogs, "choose_backup_target", choose_target)
    monkeypatch.setattr(backup_dialogs, "ask_new_password", lambda parent: (True, "گذرواژه۱۲۳"))
    click(qtbot, button(panel, "createBackup"))

    (target,) = suggested
    assert target.parent == folder and target.name.startswith("office-") and target.name.endswith(".prdesk-backup")
    assert target.exists()
    info = backups.verify(target, "گذرواژه123")  # Persian or ASCII digits: the same password
    assert info.manifest.encrypted
    assert info.manifest.tables["settings"] >= 2
    (kind, text), = shown
    assert kind == "info"
    assert backups.format_size(info.size) in text
    assert "رمز" in text and "اشخاص" in text
    assert panel.model.rowCount() == 1
    assert panel.model.rows[0].file.path == target
    assert panel.model.data(panel.model.index(0, 3)) == "بله"
    assert "پیش" in panel.last_good.text() or "همین حالا" in panel.last_good.text()


def test_cancelling_the_save_dialog_writes_nothing(panel, qtbot, folder, monkeypatch, shown):
    monkeypatch.setattr(backup_dialogs, "choose_backup_target", lambda parent, path: None)
    monkeypatch.setattr(backup_dialogs, "ask_new_password", lambda parent: pytest.fail("asked for a password"))
    click(qtbot, button(panel, "createBackup"))
    assert not any(folder.glob("*.prdesk-backup")) and shown == []


def test_file_menu_backup_makes_a_plain_backup(window, panel, qtbot, tmp_path, monkeypatch, shown):
    target = tmp_path / "usb" / "office.prdesk-backup"
    target.parent.mkdir()
    monkeypatch.setattr(backup_dialogs, "choose_backup_target", lambda parent, path: target)
    monkeypatch.setattr(backup_dialogs, "ask_new_password", lambda parent: (True, None))
    window.show_page("dashboard")
    window.backup_action.trigger()
    assert window.current_page().key == "settings" and window.pages["settings"].current_tab() == "backup"
    assert not backups.verify(target).manifest.encrypted
    assert shown[0][0] == "info"


def test_a_full_disk_is_told_plainly_and_leaves_no_file(panel, qtbot, folder, monkeypatch, shown):
    import errno

    def full(fh, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileops, "_write", full)
    target = folder / "x.prdesk-backup"
    folder.mkdir()
    monkeypatch.setattr(backup_dialogs, "choose_backup_target", lambda parent, path: target)
    monkeypatch.setattr(backup_dialogs, "ask_new_password", lambda parent: (True, None))
    click(qtbot, button(panel, "createBackup"))
    assert list(folder.iterdir()) == []
    (kind, text), = shown
    assert kind == "error" and "فضای دیسک" in text


# --- the list ---------------------------------------------------------------------------------------


def test_the_list_shows_name_jalali_date_size_and_password(panel, db_path, folder, qtmodeltester):
    plain = make_backup(db_path, folder)
    sealed = folder / backups.default_backup_name(dt.datetime(2026, 11, 21, 9, 5), db_path)
    backups.create(db_path, sealed, "رمز خوب")
    (folder / "notes.txt").write_text("not a backup", encoding="utf-8")
    panel.reload()

    model = panel.model
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(2)]
    assert rows[0] == [sealed.stem, "۱۴۰۵/۰۸/۳۰ ۰۹:۰۵", backups.format_size(sealed.stat().st_size), "بله"]
    assert rows[1] == [plain.stem, "۱۴۰۵/۰۸/۲۹ ۱۵:۳۰", backups.format_size(plain.stat().st_size), "خیر"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == str(sealed)
    assert panel.folder_label.text() == str(folder)
    assert panel.empty.isHidden()
    assert button(panel, "verify_0").isEnabled() and button(panel, "restore_1").isEnabled()


def test_last_good_backup_and_its_age_in_persian(panel, db_path, folder):
    make_backup(db_path, folder)
    panel.now = lambda: dt.datetime(2026, 11, 20, 17, 45)
    panel.reload()
    assert panel.last_good.text() == "آخرین پشتیبان سالم: ۱۴۰۵/۰۸/۲۹ ۱۵:۳۰ (۲ ساعت پیش)"


def test_ages_in_the_clerks_words(persian):
    now = dt.datetime(2026, 11, 20, 12, 0)
    assert age_text(now - dt.timedelta(seconds=20), now) == "همین حالا"
    assert age_text(now - dt.timedelta(minutes=1), now) == "۱ دقیقه پیش"
    assert age_text(now - dt.timedelta(minutes=45), now) == "۴۵ دقیقه پیش"
    assert age_text(now - dt.timedelta(hours=2, minutes=15), now) == "۲ ساعت پیش"
    assert age_text(now - dt.timedelta(days=12), now) == "۱۲ روز پیش"


def test_an_empty_folder_says_so(panel, folder):
    assert panel.model.rowCount() == 0
    assert not panel.empty.isHidden()
    assert "هنوز" in panel.last_good.text()
    assert "ساخته می‌شود" in panel.folder_warning.text()  # the folder does not exist yet


def test_changing_the_folder_saves_the_setting(panel, qtbot, db, tmp_path, monkeypatch, shown):
    chosen = tmp_path / "elsewhere"
    monkeypatch.setattr(pickers, "choose_folder", lambda *args: str(chosen))
    click(qtbot, button(panel, "changeFolder"))
    assert get_settings(db)["backup_folder"] == str(chosen)
    assert panel.folder_label.text() == str(chosen)
    assert shown == []


def test_a_network_folder_is_refused(panel, qtbot, db, folder, monkeypatch, shown):
    monkeypatch.setattr(pickers, "choose_folder", lambda *args: "//fileserver/share/backups")
    click(qtbot, button(panel, "changeFolder"))
    assert get_settings(db)["backup_folder"] == str(folder)
    (kind, text), = shown
    assert kind == "error" and "شبکه" in text


def test_a_cloud_sync_folder_is_warned_about(panel, qtbot, tmp_path, monkeypatch, shown):
    chosen = tmp_path / "OneDrive - Ministry" / "backups"
    monkeypatch.setattr(pickers, "choose_folder", lambda *args: str(chosen))
    click(qtbot, button(panel, "changeFolder"))
    assert "OneDrive" in panel.folder_warning.text() and not panel.folder_warning.isHidden()
    assert shown and "OneDrive" in shown[0][1]


# --- verify -----------------------------------------------------------------------------------------


def test_verifying_a_good_file_says_what_it_holds(panel, qtbot, db_path, folder, shown):
    make_backup(db_path, folder)
    panel.reload()
    click(qtbot, button(panel, "verify_0"))
    (kind, text), = shown
    assert kind == "info" and "سالم" in text and "سازمان‌ها" in text


def test_a_damaged_file_is_refused(panel, qtbot, db_path, folder, monkeypatch, shown):
    target = make_backup(db_path, folder)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x40
    target.write_bytes(bytes(data))
    panel.reload()
    before = db_files(db_path)
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda *args: pytest.fail("a damaged file was offered"))

    click(qtbot, button(panel, "verify_0"))
    click(qtbot, button(panel, "restore_0"))
    assert [kind for kind, _ in shown] == ["error", "error"]
    assert all("آسیب دیده" in text for _, text in shown)
    assert db_files(db_path) == before


def test_verify_a_chosen_file_asks_for_its_password(panel, qtbot, db_path, tmp_path, monkeypatch, shown):
    sealed = tmp_path / "usb.prdesk-backup"
    backups.create(db_path, sealed, "رمز درست")
    answers = iter(["رمز غلط", "رمز درست"])
    asked = []
    monkeypatch.setattr(backup_dialogs, "choose_backup_file", lambda parent, title, start: sealed)
    monkeypatch.setattr(backup_dialogs, "ask_password", lambda parent, name: asked.append(name) or next(answers))
    click(qtbot, button(panel, "verifyFile"))
    assert asked == [sealed.name, sealed.name]
    assert [kind for kind, _ in shown] == ["error", "info"]
    assert "رمز عبور نادرست است" in shown[0][1]


# --- restore ----------------------------------------------------------------------------------------


def test_restore_after_changing_data_brings_the_old_data_back(window, panel, qtbot, db, db_path, folder, monkeypatch, shown):
    target = make_backup(db_path, folder)
    settings = window.pages["settings"]
    settings.show_tab("settings")
    retype(settings.fields["org_name_line3"].editor, NEW_NAME)
    click(qtbot, settings.save_button)
    assert get_settings(db)["org_name_line3"] == NEW_NAME
    settings.show_tab("backup")
    panel.reload()

    previews = []
    monkeypatch.setattr(
        backup_dialogs, "confirm_restore", lambda parent, preview, safety: previews.append((preview, safety)) or True
    )
    with qtbot.wait_signal(window.bus.changed):
        click(qtbot, button(panel, f"restore_{[r.file.path for r in panel.model.rows].index(target)}"))

    (preview, safety_folder), = previews
    assert preview.backup.path == target and preview.current is not None
    assert safety_folder == folder
    assert get_settings(db)["org_name_line3"] == OLD_NAME  # the same Database object, reconnected
    assert settings.fields["org_name_line3"].editor.text() == OLD_NAME  # the page shows it
    (kind, text), = shown
    assert kind == "info" and "نسخهٔ ایمنی" in text
    (safety,) = [r.file for r in panel.model.rows if r.file.kind == "safety"]
    assert str(safety.path) in text
    assert backups.read_manifest(safety.path).manifest.tables == preview.current
    # The window goes on writing to the restored database.
    retype(settings.fields["signatory_name"].editor, "مریم احمدی")
    settings.show_tab("settings")
    click(qtbot, settings.save_button)
    assert get_settings(db)["signatory_name"] == "مریم احمدی"


def test_declining_the_confirmation_changes_nothing(panel, qtbot, db, db_path, folder, monkeypatch, shown):
    make_backup(db_path, folder)
    update_settings(db, {"org_name_line3": NEW_NAME})
    panel.reload()
    before = db_files(db_path)
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda *args: False)
    click(qtbot, button(panel, "restore_0"))
    assert get_settings(db)["org_name_line3"] == NEW_NAME
    assert db_files(db_path) == before and shown == []


def test_a_wrong_password_is_told_and_the_database_stays_byte_identical(
    panel, qtbot, db, db_path, folder, monkeypatch, shown
):
    make_backup(db_path, folder, password="رمز درست")
    update_settings(db, {"org_name_line3": NEW_NAME})
    panel.reload()
    before = db_files(db_path)
    answers = iter(["رمز غلط", None])  # a wrong password, then Cancel
    monkeypatch.setattr(backup_dialogs, "ask_password", lambda parent, name: next(answers))
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda *args: pytest.fail("restored with a wrong password"))
    click(qtbot, button(panel, "restore_0"))
    (kind, text), = shown
    assert kind == "error" and "رمز عبور نادرست است" in text
    assert db_files(db_path) == before
    assert get_settings(db)["org_name_line3"] == NEW_NAME


def test_restore_from_a_chosen_encrypted_file(window, panel, qtbot, db, db_path, tmp_path, monkeypatch, shown):
    sealed = tmp_path / "usb.prdesk-backup"
    backups.create(db_path, sealed, "رمز درست")
    update_settings(db, {"org_name_line3": NEW_NAME})
    monkeypatch.setattr(backup_dialogs, "choose_backup_file", lambda parent, title, start: sealed)
    monkeypatch.setattr(backup_dialogs, "ask_password", lambda parent, name: "رمز درست")
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda *args: True)
    window.restore_action.trigger()
    assert get_settings(db)["org_name_line3"] == OLD_NAME
    assert shown[-1][0] == "info"


# --- dialogs ----------------------------------------------------------------------------------------


def test_new_password_must_be_typed_twice_alike(qtbot, persian):
    dialog = backup_dialogs.NewPasswordDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.password.isEnabled()
    dialog.use_password.setChecked(True)
    type_text(dialog.password, "رمز۱۲۳۴")
    type_text(dialog.repeat, "رمز۱۲۳")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert "یکسان" in dialog.error.text()
    retype(dialog.password, "رمز۱۲۳۴")
    type_text(dialog.repeat, "رمز۱۲۳۴")
    click(qtbot, ok)
    assert not dialog.isVisible()
    assert dialog.chosen_password() == "رمز۱۲۳۴"


def test_without_a_password_the_fields_are_ignored(qtbot, persian):
    dialog = backup_dialogs.NewPasswordDialog()
    qtbot.addWidget(dialog)
    assert dialog.problem() == "" and dialog.chosen_password() is None


def test_restore_confirmation_shows_the_backup_beside_now(qtbot, persian, db, db_path, folder):
    target = make_backup(db_path, folder)
    update_settings(db, {"org_name_line3": NEW_NAME, "signatory_name": "علی"})
    preview = backups.preview_restore(db_path, target)
    dialog = backup_dialogs.RestoreConfirmDialog(preview, folder)
    qtbot.addWidget(dialog)
    assert "۱۴۰۵" in dialog.when.text()
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["رکوردها", "در پشتیبان", "اکنون"]
    titles = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert titles[0] == "اشخاص" and "سازمان‌ها" in titles
    other = titles.index("رکوردهای دیگر (تنظیمات، فهرست‌ها، پیوندها)")
    assert table.item(other, 1).text() != table.item(other, 2).text()  # two more settings now
    assert dialog.safety_folder.text() == str(folder)
    assert dialog.safety_folder.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.restore_button.isDefault() is False


def test_health_check_from_the_menu_shows_the_report(window, monkeypatch):
    reports = []
    monkeypatch.setattr(backup_dialogs, "show_health_report", lambda parent, report: reports.append(report) or False)
    window.health_action.trigger()
    (report,) = reports
    assert report.ok
    assert window.health_action.text().replace("&", "") == "بررسی سلامت پایگاه داده"


# --- the file replaced under the window ---------------------------------------------------------------


def test_a_window_refuses_to_save_into_a_file_replaced_underneath_it(window, qtbot, db, db_path, tmp_path, shown):
    """Issue 9 item 1: after a restore from outside, a save must not go into the replaced file."""
    other = tmp_path / "other.sqlite3"
    replacement = backups.create(db_path, tmp_path / "r.prdesk-backup")
    backups.restore(other, replacement.path, safety_folder=tmp_path / "safety")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (other,)}
    import os

    os.replace(other, db_path)  # what a restore from another process does
    settings = window.pages["settings"]
    window.show_page("settings")
    settings.show_tab("settings")
    retype(settings.fields["org_name_line3"].editor, NEW_NAME)
    click(qtbot, settings.save_button)
    (kind, text), = shown
    assert kind == "error" and "جایگزین شد" in text and "دوباره باز کنید" in text
    assert before == {"other.sqlite3": hashlib.sha256(db_path.read_bytes()).hexdigest()}
    assert get_settings(db)["org_name_line3"] != NEW_NAME
    assert window.runner.refusal  # every later write is refused too


# --- letters numbered after the backup -----------------------------------------------------------------


def test_the_restore_dialog_names_the_letters_numbered_after_the_backup(window, panel, qtbot, db, db_path, folder,
                                                                        monkeypatch, shown):
    """Issue 13 §3: the dialog names them, the restore keeps them, the next number is new."""
    from prdesk.store import letters

    def letter(subject):
        return letters.register_letter(db, {"date": "1405/08/30", "recipient": "اتحادیه", "subject": subject, "body": "متن"})[1]

    letter("پیش از پشتیبان")
    target = make_backup(db_path, folder)
    later = [letter("پس از پشتیبان ۱"), letter("پس از پشتیبان ۲")]
    panel.reload()
    seen = []

    def confirm(parent, preview, safety):
        dialog = backup_dialogs.RestoreConfirmDialog(preview, safety, parent)
        seen.append(dialog.later_letters.text() if dialog.later_letters else "")
        dialog.resize(dialog.sizeHint())
        dialog.grab().save("/work/shots/backup-restore-dialog-letters.png") if Path("/work/shots").is_dir() else None
        return True

    monkeypatch.setattr(backup_dialogs, "confirm_restore", confirm)
    with qtbot.wait_signal(window.bus.changed):
        click(qtbot, button(panel, f"restore_{[r.file.path for r in panel.model.rows].index(target)}"))
    (text,) = seen
    assert text.startswith("۲ نامه") and "پس از این پشتیبان" in text and "دوباره" in text
    (kind, message), = shown
    assert kind == "info" and "۲ نامه" in message
    numbers = [r["number"] for r in db.query("SELECT number FROM letters ORDER BY seq")]
    assert numbers[1:] == later
    assert letter("پس از بازگردانی") not in numbers
