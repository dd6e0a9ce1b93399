"""`prdesk backup create|verify|restore` through click's test runner."""

import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.store import backup
from tests.store.test_backup import add_note, digest, fast_scrypt, make_office_db, notes  # noqa: F401


@pytest.fixture
def office(tmp_path):
    return make_office_db(tmp_path / "office.sqlite3", rows=5)


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def test_every_backup_command_has_help():
    for command in ("create", "verify", "restore"):
        result = run("backup", command, "--help")
        assert result.exit_code == 0 and f"backup {command} [OPTIONS]" in result.output
    assert "create" in run("backup", "--help").output


def test_create_then_verify(office, tmp_path):
    out = tmp_path / "b.prdesk-backup"
    result = run("--db", office, "backup", "create", "--out", out)
    assert result.exit_code == 0, result.output
    assert "پشتیبان ساخته و بررسی شد" in result.output and "events: ۵" in result.output
    result = run("backup", "verify", out)
    assert result.exit_code == 0, result.output
    assert "سالم است" in result.output and "رمزدار: خیر" in result.output


def test_verify_of_a_damaged_file_exits_1(office, tmp_path):
    out = tmp_path / "b.prdesk-backup"
    run("--db", office, "backup", "create", "--out", out)
    out.write_bytes(out.read_bytes()[:-10])
    result = run("backup", "verify", out)
    assert result.exit_code == 1
    assert "آسیب دیده" in result.output


def test_password_file(office, tmp_path, fast_scrypt):
    out = tmp_path / "b.prdesk-backup"
    secret = tmp_path / "secret.txt"
    secret.write_text("رمز اداره ۱۴۰۵\n", encoding="utf-8")
    assert run("--db", office, "backup", "create", "--out", out, "--password-file", secret).exit_code == 0
    assert backup.is_encrypted(out)
    assert run("backup", "verify", out, "--password-file", secret).exit_code == 0
    missing = run("backup", "verify", out)
    assert missing.exit_code == 1 and "رمز دارد" in missing.output
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("رمز دیگر", encoding="utf-8")
    result = run("backup", "verify", out, "--password-file", wrong)
    assert result.exit_code == 1 and "رمز عبور نادرست است" in result.output


def test_empty_password_file_is_refused(office, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    result = run("--db", office, "backup", "create", "--out", tmp_path / "b.prdesk-backup", "--password-file", empty)
    assert result.exit_code == 1 and "خالی" in result.output
    assert not (tmp_path / "b.prdesk-backup").exists()


def test_restore_asks_and_no_keeps_the_database(office, tmp_path):
    out = tmp_path / "b.prdesk-backup"
    run("--db", office, "backup", "create", "--out", out)
    add_note(office, "تازه")
    before = digest(office)
    result = run("--db", office, "backup", "restore", out, input="n\n")
    assert result.exit_code == 1
    assert "events: در پشتیبان ۵ — اکنون ۶" in result.output
    assert digest(office) == before


def test_restore_asks_and_yes_restores(office, tmp_path):
    out = tmp_path / "b.prdesk-backup"
    run("--db", office, "backup", "create", "--out", out)
    add_note(office, "تازه")
    result = run("--db", office, "backup", "restore", out, input="y\n")
    assert result.exit_code == 0, result.output
    assert len(notes(office)) == 5 and "نگه داشته شد" in result.output


def test_restore_with_yes_does_not_ask(office, tmp_path):
    out = tmp_path / "b.prdesk-backup"
    run("--db", office, "backup", "create", "--out", out)
    add_note(office, "تازه")
    result = run("--db", office, "backup", "restore", out, "--yes")
    assert result.exit_code == 0, result.output
    assert "جایگزین شود" not in result.output
    assert len(notes(office)) == 5


def test_restore_of_a_foreign_file_exits_1_and_keeps_the_database(office, tmp_path):
    zipped = tmp_path / "photos.zip"
    zipped.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    before = digest(office)
    result = run("--db", office, "backup", "restore", zipped, "--yes")
    assert result.exit_code == 1 and "zip" in result.output
    assert digest(office) == before
