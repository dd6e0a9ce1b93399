"""Issue 9 items 9, 11, 12, 13, 14: crafted costs, a flipped version, BOM passwords, private work folders, modes, FIFOs."""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.paths import user_data_dir
from prdesk.store import backup
from prdesk.store.backup import BackupError, verify
from prdesk.store.backup.service import private_work_folder, remove_leftover_work
from prdesk.store.db import open_database
from tests.store.test_backup import fast_scrypt, make_office_db  # noqa: F401
from tests.store.test_backup_refusals import flip

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and FIFOs")


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3", rows=5)


def test_a_flipped_bit_in_the_version_field_is_damage_not_a_newer_version(office, tmp_path):
    good = backup.create(office, tmp_path / "b.prdesk-backup").path
    data = good.read_bytes()
    version_at = len(backup.MAGIC)  # u16 big-endian: flip a bit of its high byte
    bad = tmp_path / "flipped.prdesk-backup"
    bad.write_bytes(flip(data, version_at))
    with pytest.raises(BackupError) as refused:
        verify(bad)
    assert "آسیب دیده" in str(refused.value) and "جدیدتر" not in str(refused.value)


def _with_cost(data: bytes, log2_n: int, r: int, p: int) -> bytes:
    """The encrypted header with another scrypt cost and its checksum made right again (a crafted file)."""
    at = len(backup.MAGIC) + 8 + 1
    body = bytearray(data[: backup.ENCRYPTED_HEADER_SIZE - 32])
    body[at:at + 3] = bytes([log2_n, r, p])
    return bytes(body) + hashlib.sha256(bytes(body)).digest() + data[backup.ENCRYPTED_HEADER_SIZE:]


@pytest.mark.parametrize("cost", [(24, 1, 1), (19, 8, 1), (17, 8, 8), (17, 8, 3)])
def test_a_crafted_scrypt_cost_is_refused_before_any_work(office, tmp_path, fast_scrypt, cost):
    sealed = backup.create(office, tmp_path / "s.prdesk-backup", "رمز").path
    crafted = tmp_path / "crafted.prdesk-backup"
    crafted.write_bytes(_with_cost(sealed.read_bytes(), *cost))
    with pytest.raises(BackupError, match="پذیرفتنی نیست"):
        verify(crafted, "رمز")


def test_a_password_file_saved_by_notepad_opens_the_backup(office, tmp_path, fast_scrypt):
    out = tmp_path / "b.prdesk-backup"
    backup.create(office, out, "رمز اداره")
    notepad = tmp_path / "pw.txt"
    notepad.write_bytes("\ufeffرمز اداره\r\n".encode("utf-8"))
    result = CliRunner().invoke(cli, ["backup", "verify", str(out), "--password-file", str(notepad)])
    assert result.exit_code == 0, result.output


def test_verify_unpacks_into_a_private_folder_and_a_killed_verify_is_cleaned_up(office, tmp_path):
    out = backup.create(office, tmp_path / "b.prdesk-backup").path
    work = private_work_folder()
    assert work.parent == user_data_dir()
    if os.name == "posix":
        assert stat.S_IMODE(work.stat().st_mode) == 0o700
    seen = []
    real = backup.service._extract

    def look(path, password, dest, report=None):
        seen.append(dest.parent.parent)
        return real(path, password, dest, report)

    backup.service._extract = look
    try:
        verify(out)
    finally:
        backup.service._extract = real
    assert seen == [work] and list(work.iterdir()) == []
    # A verify killed mid-way left its folder behind: the next one removes it.
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = work / f"{backup.TEMP_PREFIX}verify-{gone.stdout.strip()}-abcd"
    leftover.mkdir()
    (leftover / "snapshot.sqlite3").write_bytes(b"decrypted data")
    mine = work / f"{backup.TEMP_PREFIX}verify-{os.getpid()}-efgh"
    mine.mkdir()
    assert remove_leftover_work(work) == [leftover]
    assert not leftover.exists() and mine.exists()


@posix_only
def test_a_new_database_and_its_folder_are_private(tmp_path):
    path = tmp_path / "data" / "office.sqlite3"
    open_database(path).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@posix_only
def test_verify_of_a_fifo_refuses_instead_of_hanging(tmp_path):
    fifo = tmp_path / "pipe.prdesk-backup"
    os.mkfifo(fifo)
    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(CliRunner().invoke(cli, ["backup", "verify", str(fifo)])))
    thread.daemon = True
    thread.start()
    thread.join(10)
    if thread.is_alive():  # unblock the reader so the test process can end
        with open(fifo, "wb"):
            pass
        pytest.fail("verify waited on the FIFO")
    (result,) = outcome
    assert result.exit_code == 1 and "فایل معمولی نیست" in result.output
