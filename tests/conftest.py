"""Test-wide setup: Qt offscreen, data folders in tmp, tests under tests/ui marked gui."""

import os
from pathlib import Path

import pytest

# Offscreen, on a screen the size of an office monitor (Qt's offscreen default is 800×600, smaller
# than the main window's minimum, so restored geometry would be clamped).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}"


def pytest_collection_modifyitems(config, items):
    ui_dir = Path(__file__).parent / "ui"
    for item in items:
        if ui_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory):
    """One cache folder for the run, so compiled translations are built once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch, _shared_cache):
    """Keep every test away from the real user data, cache and log folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(_shared_cache))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("APPDATA", str(home / "appdata"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "localappdata"))
    monkeypatch.delenv("PRDESK_DB", raising=False)
    # A test that starts the app on a new file is not about the first-run wizard (its own tests turn it on).
    monkeypatch.setenv("PRDESK_FIRST_RUN", "0")
