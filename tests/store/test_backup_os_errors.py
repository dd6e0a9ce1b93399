"""What a failed backup says when the system refuses a file: a plain Persian cause and what to do."""

import errno
import re
from pathlib import Path

import pytest

from prdesk.errors import BackupError
from prdesk.store import backup
from prdesk.store.backup import fileops
from prdesk.store.backup import create
from tests.store.test_backup import make_office_db

PERSIAN = re.compile(r"[\u0600-\u06FF]")
FOLDER = Path("/media/flash")
KNOWN = ["ENOTDIR", "EISDIR", "ENAMETOOLONG", "EROFS", "ENOENT", "EACCES", "EPERM", "ENOSPC", "EEXIST", "EBUSY",
         "EINVAL", "EIO", "EMFILE", "EXDEV", "ETIMEDOUT"]


@pytest.mark.parametrize("name", [n for n in KNOWN if hasattr(errno, n)])
def test_every_known_cause_is_told_in_persian_without_the_system_text(name):
    code = getattr(errno, name)
    english = f"English text of {name}"
    message = str(backup._os_error(OSError(code, english), FOLDER, "پشتیبان‌گیری"))
    assert english not in message
    assert message.startswith("پشتیبان‌گیری انجام نشد: ")
    assert len(PERSIAN.findall(message)) > 30  # a cause and what to do, not a bare heading


def test_an_unknown_cause_keeps_the_system_text_inside_a_persian_sentence():
    message = str(backup._os_error(OSError(9999, "Strange device error"), FOLDER, "بازگردانی"))
    assert "«Strange device error»" in message
    assert message.startswith("بازگردانی انجام نشد: ") and "دوباره امتحان کنید" in message


def test_a_folder_that_is_a_file_is_explained(tmp_path, monkeypatch):
    office = make_office_db(tmp_path / "office.sqlite3")

    def not_a_folder(folder, tag):
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory")

    monkeypatch.setattr(fileops, "_temp_file", not_a_folder)
    with pytest.raises(BackupError) as info:
        create(office, tmp_path / "b.prdesk-backup")
    message = str(info.value)
    assert "Not a directory" not in message
    assert "پوشه نیست" in message and str(tmp_path) in message
