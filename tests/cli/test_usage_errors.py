"""Every usage error the clerk can meet is Persian with exit status 2; file and data errors exit 1."""

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from prdesk.cli import cli
from prdesk.cli.click_fa import CATALOG

# Words of click's English messages; none may reach the clerk.
ENGLISH = re.compile(r"\b(Usage|Error|Try|Invalid|Missing|No such|is not|does not|Got unexpected|Did you mean|requires)\b")
PERSIAN = re.compile(r"[\u0600-\u06FF]")


def _run(args):
    return CliRunner().invoke(cli, args)


def _assert_persian_usage_error(result):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not ENGLISH.search(result.output), result.output
    error_line = [line for line in result.output.splitlines() if line.startswith("خطا:")]
    assert error_line and PERSIAN.search(error_line[0][4:]), result.output


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--size", "huge"],
        ["contacts", "search", "علی", "--limit", "0"],
        ["print", "calendar", "--year", "1405", "--month", "13", "--out", "x.pdf"],
        ["print", "letter", "--out", "x.pdf"],  # missing --body-file
        ["contacts", "import", "no-such-file.csv"],
        ["date", "convert"],
        ["date", "convert", "1405/01/01", "extra"],
        ["demo", "--sise", "small"],
        ["no-such-command"],
        ["contacts", "search"],
        ["contacts", "export", "--format", "pdf", "--out", "x.csv"],
        ["print", "letter", "--body-file"],
    ],
)
def test_usage_errors_are_persian_with_exit_status_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _assert_persian_usage_error(_run(["--db", str(tmp_path / "d.sqlite3"), *args]))


def test_a_directory_given_as_db_out_or_file_is_a_persian_usage_error(tmp_path):
    db = str(tmp_path / "d.sqlite3")
    folder = tmp_path / "folder"
    folder.mkdir()
    for args in (
        ["--db", str(folder), "check"],
        ["--db", db, "contacts", "export", "--format", "csv", "--out", str(folder)],
        ["--db", db, "print", "letter", "--body-file", str(folder), "--out", str(tmp_path / "l.pdf")],
        ["--db", db, "contacts", "import", str(folder)],
        ["--db", db, "calendar", "year", "1405", "--out", str(folder)],
    ):
        result = _run(args)
        _assert_persian_usage_error(result)
        assert "پوشه" in result.output


def test_a_negative_looking_date_is_explained():
    result = _run(["date", "convert", "-1405/01/01"])
    _assert_persian_usage_error(result)
    assert "--" in result.output and "تاریخ" in result.output


def test_a_range_is_said_in_persian_words():
    result = _run(["print", "calendar", "--year", "1405", "--month", "13", "--out", "x.pdf"])
    assert "عددی از ۱ تا ۱۲" in result.output
    assert "<=x<=" not in result.output


def test_a_300_character_db_name_is_a_persian_message_not_a_traceback(tmp_path):
    result = _run(["--db", str(tmp_path / ("ب" * 300 + ".sqlite3")), "check"])
    _assert_persian_usage_error(result)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not list(tmp_path.iterdir())


def test_data_errors_keep_exit_status_1():
    result = _run(["date", "convert", "1405/13/40"])
    assert result.exit_code == 1
    assert result.output.startswith("خطا:")


def test_a_file_error_that_escapes_a_service_is_one_persian_line_with_exit_1(monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/mnt/usb/office.sqlite3")

    monkeypatch.setattr("prdesk.core.calendars.describe_day", refuse)
    result = _run(["date", "convert", "1405/01/01"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("خطا:") and "/mnt/usb/office.sqlite3" in result.output


def _click_message_ids() -> set[str]:
    """Every message click passes to gettext, read from its source."""
    ids = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                ids.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return ids


def test_every_catalog_entry_is_still_a_click_message():
    stale = sorted(set(CATALOG) - _click_message_ids())
    assert stale == [], f"click no longer says these; update prdesk/cli/click_fa.py: {stale}"


def test_the_persian_uses_only_placeholders_click_fills():
    for english, persian in CATALOG.items():
        assert set(re.findall(r"\{(\w+)", persian)) <= set(re.findall(r"\{(\w+)", english)), english
