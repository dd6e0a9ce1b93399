"""What backup files are called and where they go: names with the Jalali time, the backup folder."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path, PureWindowsPath

from prdesk.core.jalali import jalali_parts
from prdesk.core.text import to_persian_digits
from prdesk.paths import user_data_dir
from prdesk.store.backup.errors import SUFFIX

DEFAULT_LABEL = "prdesk"
NAME_PREFIX = "prdesk-"  # the default database's backups
SAFETY_PREFIX = "prdesk-safety-"


def format_size(size: int) -> str:
    """A file size for people: «۱۲٫۴ مگابایت»."""
    value = float(size)
    for unit in ("بایت", "کیلوبایت", "مگابایت", "گیگابایت"):
        if value < 1024 or unit == "گیگابایت":
            text = f"{value:.0f}" if unit == "بایت" else f"{value:.1f}"
            return f"{to_persian_digits(text).replace('.', '٫')} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def format_count(count: int) -> str:
    """A row count with Persian digits and thousands separators."""
    return to_persian_digits(f"{count:,}").replace(",", "٬")



def _local(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now().astimezone()
    return now.astimezone() if now.tzinfo else now


def _stamp(now: dt.datetime | None) -> str:
    local = _local(now)
    y, m, d = jalali_parts(local.date())
    return f"{y:04d}-{m:02d}-{d:02d}-{local:%H%M}"


def database_label(database: Path | str | None) -> str:
    """The name a database's backups start with: its file name without extension, one word.

    ``prdesk.sqlite3`` (the default) gives ``prdesk``, the names backups always had; hyphens and
    other separators become ``_`` so the label can be read back out of a backup's name.
    """
    if database is None:
        return DEFAULT_LABEL
    stem = Path(database).name.split(".")[0] or DEFAULT_LABEL
    label = re.sub(r"[^\w]", "_", stem, flags=re.UNICODE)[:40]
    return label or DEFAULT_LABEL


def default_backup_name(now: dt.datetime | None = None, database: Path | str | None = None) -> str:
    """``prdesk-1405-08-30-1530.prdesk-backup``: the database's label, the Jalali date and local time of ``now``.

    The label keeps backups of different database files in one folder apart (``office-…``,
    ``archive_1404-…``); rotation only ever weighs the backups of one database against each other.
    """
    return f"{database_label(database)}-{_stamp(now)}{SUFFIX}"


def safety_copy_name(now: dt.datetime | None = None, database: Path | str | None = None) -> str:
    """``prdesk-safety-1405-08-30-1530.prdesk-backup``: a pattern rotation never deletes."""
    return f"{database_label(database)}-safety-{_stamp(now)}{SUFFIX}"


def unique_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``…-2``, ``…-3`` before the suffix when a file of that name exists."""
    path = folder / name
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else Path(name).stem
    suffix = name[len(stem):]
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


# -- the folder ------------------------------------------------------------------------------------


def backup_folder(settings: dict) -> Path:
    """The folder for automatic backups: the setting, or ``backups`` in the user data folder."""
    chosen = str(settings.get("backup_folder") or "").strip()
    if not chosen:
        return user_data_dir() / "backups"
    return Path(chosen).expanduser()


def is_network_path(path: str | Path) -> bool:
    """A UNC path (``\\\\server\\share``, ``\\\\?\\UNC\\…``) or, on Windows, a mapped network drive."""
    text = str(path).replace("/", "\\")
    if text.startswith("\\\\?\\") or text.startswith("\\\\.\\"):
        return text[4:].upper().startswith("UNC\\")
    if text.startswith("\\\\"):
        return True
    if sys.platform == "win32":
        drive = PureWindowsPath(text).drive
        if drive:
            import ctypes

            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
    return False
