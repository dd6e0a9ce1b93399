"""The log file names the clerk's files and contacts: it is readable by the clerk alone."""

import stat
import sys

import pytest

from prdesk.ui.crash import open_log


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_log_and_its_folder_are_private(tmp_path):
    handler, path = open_log(tmp_path / "log")
    handler.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "log").stat().st_mode) == 0o700
