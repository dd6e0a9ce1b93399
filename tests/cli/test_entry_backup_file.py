"""A double-clicked .prdesk-backup file: Windows starts ``prdesk.exe FILE``, the window offers to restore it."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdesk import entry
from prdesk.store import backup


def test_the_suffix_is_the_backup_files_own():
    assert entry.BACKUP_SUFFIX == backup.SUFFIX


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([r"C:\Users\clerk\Desktop\office.prdesk-backup"], Path(r"C:\Users\clerk\Desktop\office.prdesk-backup")),
        (["/media/usb/OFFICE.PRDESK-BACKUP"], Path("/media/usb/OFFICE.PRDESK-BACKUP")),
        (["--db", "o.sqlite3", "b.prdesk-backup"], Path("b.prdesk-backup")),
    ],
)
def test_a_backup_file_opens_the_window_with_that_file(args, expected, monkeypatch, tmp_path):
    monkeypatch.setenv("PRDESK_DB", str(tmp_path / "env.sqlite3"))
    request = entry._window_request(args)
    assert request is not None and request[1] == expected


def test_a_backup_file_after_a_command_still_goes_to_the_command_line():
    assert entry._window_request(["backup", "verify", "b.prdesk-backup"]) is None


def test_no_backup_file_asks_for_the_window_only(tmp_path):
    assert entry._window_request(["--db", str(tmp_path / "o.sqlite3")]) == (tmp_path / "o.sqlite3", None)


def test_main_hands_the_backup_file_to_the_window(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr("prdesk.ui.app.run", lambda path, restore=None: opened.append((path, restore)) or 0)
    monkeypatch.setattr("sys.argv", ["prdesk", "--db", str(tmp_path / "o.sqlite3"), str(tmp_path / "x.prdesk-backup")])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0
    assert opened == [(tmp_path / "o.sqlite3", tmp_path / "x.prdesk-backup")]
