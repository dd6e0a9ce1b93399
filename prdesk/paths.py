"""Where things live: bundled resources and translations, and the default database file."""

from __future__ import annotations

import os
from pathlib import Path

# platformdirs is imported by the functions that ask it: `prdesk --db FILE` and the bundled
# resources need none of it.

APP_NAME = "PRDesk"
DB_FILENAME = "prdesk.sqlite3"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """Return the folder ``name`` inside an installed wheel, or at the top of the checkout."""
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"prdesk is installed without its {name} folder")


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (fonts, data files, icons)."""
    return _bundled("resources")


def resource(*parts: str) -> Path:
    """Path of one bundled resource file, e.g. ``resource("fonts", "Vazirmatn-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path:
    """The bundled ``translations/`` folder (Qt Linguist .ts files)."""
    return _bundled("translations")


def user_data_dir() -> Path:
    """The per-user data folder (``%APPDATA%\\PRDesk`` on Windows)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def user_cache_dir() -> Path:
    """The per-user cache folder (compiled translations and the like)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    """The per-user log folder."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The database file used when neither ``--db`` nor ``PRDESK_DB`` names one."""
    env = os.environ.get("PRDESK_DB")
    if env:
        return Path(env).expanduser()
    return user_data_dir() / DB_FILENAME
