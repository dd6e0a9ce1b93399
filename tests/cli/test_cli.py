"""The command line: help on every command, check, refusals with exit status, --db and PRDESK_DB."""

import hashlib

import click
from click.testing import CliRunner

from prdesk.cli import cli


def _all_commands(group, prefix=()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, prefix + (name,))


def test_every_command_has_help_text():
    missing = [" ".join(path) for path, cmd in _all_commands(cli) if not (cmd.help or "").strip()]
    assert missing == []


def test_every_area_has_its_command():
    names = {path for path, _ in _all_commands(cli)}
    for expected in ("backup", "calendar", "contacts", "demo", "print", "check", "date"):
        assert (expected,) in names


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert "prdesk, version" in result.output


def test_check_on_a_new_file(tmp_path):
    path = tmp_path / "n.sqlite3"
    result = CliRunner().invoke(cli, ["--db", str(path), "check"])
    assert result.exit_code == 0, result.output
    assert "settings" in result.output
    assert "سالم" in result.output


def test_check_json_reads_prdesk_db_env(tmp_path):
    path = tmp_path / "env.sqlite3"
    result = CliRunner().invoke(cli, ["check", "--json"], env={"PRDESK_DB": str(path)})
    assert result.exit_code == 0, result.output
    assert '"schema_version"' in result.output
    assert path.exists()


def test_check_refuses_a_text_file_with_exit_status(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("نامه", encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).digest()
    result = CliRunner().invoke(cli, ["--db", str(path), "check"])
    assert result.exit_code == 1
    assert "SQLite نیست" in result.output
    assert hashlib.sha256(path.read_bytes()).digest() == before


def test_date_convert_shows_three_calendars():
    result = CliRunner().invoke(cli, ["date", "convert", "1405/08/30"])
    assert result.exit_code == 0, result.output
    for expected in ("شنبه ۳۰ آبان ۱۴۰۵", "۱۱ جمادی‌الثانی ۱۴۴۸", "2026-11-21"):
        assert expected in result.output


def test_date_convert_refuses_an_impossible_date():
    result = CliRunner().invoke(cli, ["date", "convert", "1404/12/30"])
    assert result.exit_code == 1
    assert "کبیسه نیست" in result.output
