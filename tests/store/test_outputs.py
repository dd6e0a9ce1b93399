"""The one way prdesk writes a file for the clerk: beside it, then renamed; devices and folders never renamed over."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from prdesk.errors import StorageError
from prdesk.store import outputs
from prdesk.store.outputs import write_output, write_replacing

ROOT = Path(__file__).resolve().parents[2]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(outputs.PART_SUFFIX))


def test_a_new_file_appears_complete(tmp_path):
    target = tmp_path / "report.pdf"
    write_output(target, b"%PDF-1.4 complete")
    assert target.read_bytes() == b"%PDF-1.4 complete"
    assert _leftovers(tmp_path) == []


def test_a_failure_while_writing_keeps_the_old_file_and_leaves_no_part(tmp_path):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the clerk's old report")

    def write(temp: Path) -> None:
        temp.write_bytes(b"half a rep")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(StorageError, match="جای خالی دیسک"):
        write_replacing(target, write)
    assert target.read_bytes() == b"the clerk's old report"
    assert _leftovers(tmp_path) == []


def test_a_cancel_is_passed_on_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "export.csv"
    target.write_text("old")

    class Cancel(Exception):
        pass

    def write(temp: Path) -> None:
        temp.write_text("new, half")
        raise Cancel

    with pytest.raises(Cancel):
        write_replacing(target, write)
    assert target.read_text() == "old" and _leftovers(tmp_path) == []


def test_replacing_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "shared.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_output(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symbolic_link_keeps_pointing_at_the_file_it_named(tmp_path):
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_output(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_dev_null_is_written_to_not_renamed_over(tmp_path):
    before = os.stat("/dev/null")
    write_output("/dev/null", b"x" * 1000)
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_written_to_directly(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"through the pipe")
    reader.join(10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(StorageError, match="پوشه"):
        write_output(folder, b"x")
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_read_only_folder_is_a_plain_message(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="اجازهٔ نوشتن"):
            write_output(folder / "x.pdf", b"x")
    finally:
        folder.chmod(0o700)


KILLED_WRITER = """
import sys, time
from pathlib import Path
from prdesk.store.outputs import write_replacing

def write(temp):
    with open(temp, "wb") as fh:
        fh.write(b"partial " * 1000)
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)

write_replacing(Path(sys.argv[1]), write)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_kill_while_writing_keeps_the_old_file(tmp_path):
    target = tmp_path / "calendar.pdf"
    target.write_bytes(b"last year's calendar")
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert child.stdout.readline().strip() == b"writing"
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
    assert target.read_bytes() == b"last year's calendar"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_new_output_is_private_to_the_clerk(tmp_path):
    out = write_output(tmp_path / "letter.pdf", b"%PDF-1.4")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
