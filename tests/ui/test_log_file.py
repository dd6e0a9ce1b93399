"""The log file names the clerk's files and contacts: it is readable by the clerk alone."""

import logging
import stat
import sys
from logging.handlers import RotatingFileHandler

import pytest

from prdesk.ui import crash
from prdesk.ui.crash import crash_reporting, open_log, rotate_log


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_log_and_its_folder_are_private(tmp_path):
    handler, path = open_log(tmp_path / "log")
    handler.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "log").stat().st_mode) == 0o700


def test_before_the_paint_a_plain_handler_logs_to_the_same_file_then_rotation_takes_over(tmp_path):
    root = logging.getLogger()
    with crash_reporting(tmp_path / "log", rotating=False) as path:
        ours = [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]
        assert [type(h) for h in ours] == [logging.FileHandler]  # no logging.handlers before the paint
        logging.getLogger("prdesk.test").warning("before the paint")
        rotate_log()
        ours = [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]
        assert [type(h) for h in ours] == [RotatingFileHandler]
        assert ours[0].maxBytes == crash.LOG_MAX_BYTES and ours[0].backupCount == crash.LOG_BACKUPS
        logging.getLogger("prdesk.test").warning("after the paint")
        rotate_log()  # once: a second call changes nothing
        assert [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)] == ours
    assert not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["before the paint", "after the paint"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 or sys.platform == "win32"
