"""The console script: the window for `prdesk [--db PATH]`, click for everything else."""

from pathlib import Path

import pytest

from prdesk import entry


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--db", "office.sqlite3"], Path("office.sqlite3")),
        (["--db=office.sqlite3"], Path("office.sqlite3")),
    ],
)
def test_window_arguments(args, expected):
    assert entry._window_database(args) == expected


def test_no_arguments_opens_the_default_database(monkeypatch, tmp_path):
    monkeypatch.setenv("PRDESK_DB", str(tmp_path / "env.sqlite3"))
    assert entry._window_database([]) == tmp_path / "env.sqlite3"


@pytest.mark.parametrize(
    "args",
    [["check"], ["--db", "x.sqlite3", "check"], ["--version"], ["--help"], ["--db"], ["--db", "--help"], ["--db="]],
)
def test_anything_else_goes_to_the_command_line(args):
    assert entry._window_database(args) is None


def test_main_hands_commands_to_click(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["prdesk", "--version"])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0
    assert "prdesk, version" in capsys.readouterr().out


def test_main_opens_the_window_without_click(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr("prdesk.ui.app.run", lambda path, restore=None: opened.append(path) or 0)
    monkeypatch.setattr("sys.argv", ["prdesk", "--db", str(tmp_path / "o.sqlite3")])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0
    assert opened == [tmp_path / "o.sqlite3"]
