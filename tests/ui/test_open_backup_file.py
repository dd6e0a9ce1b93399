"""A backup file double-clicked in Windows: the window shows the Backup tab and offers to restore that file."""

from __future__ import annotations

import pytest

from prdesk.store import backup as backups
from prdesk.store.settings import get_setting, update_settings
from prdesk.ui.dialogs import backup_dialogs, messages


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch):
    monkeypatch.setattr(backups, "SCRYPT_LOG2_N", 12)


def test_the_double_clicked_file_is_offered_and_restored(window, db, db_path, tmp_path, monkeypatch):
    update_settings(db, {"org_name_line3": "اداره کل تعاون استان یزد", "backup_folder": str(tmp_path / "b")})
    target = tmp_path / "usb" / "office.prdesk-backup"
    target.parent.mkdir()
    backups.create(db_path, target, None)
    update_settings(db, {"org_name_line3": "نامی که پس از پشتیبان نوشته شد"})
    offered = []
    monkeypatch.setattr(backup_dialogs, "confirm_restore",
                        lambda parent, preview, safety: offered.append(preview.backup.path) or True)
    monkeypatch.setattr(messages, "show_message", lambda *args, **kwargs: None)
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: pytest.fail(text))

    assert window.restore_backup_file(target) is True

    assert offered == [target]
    assert window.current_page().key == "settings"
    assert get_setting(db, "org_name_line3") == "اداره کل تعاون استان یزد"


def test_a_missing_file_says_so_and_changes_nothing(window, db, tmp_path, monkeypatch):
    update_settings(db, {"org_name_line3": "اداره کل تعاون استان یزد", "backup_folder": str(tmp_path / "b")})
    errors = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: errors.append(text))
    monkeypatch.setattr(backup_dialogs, "confirm_restore", lambda *args: pytest.fail("a missing file was offered"))

    assert window.restore_backup_file(tmp_path / "gone.prdesk-backup") is False

    assert len(errors) == 1 and "gone.prdesk-backup" in errors[0]
    assert get_setting(db, "org_name_line3") == "اداره کل تعاون استان یزد"
