"""The console script: opens the window straight away, or hands the command line to click."""

from __future__ import annotations

import sys
from pathlib import Path


def _window_database(args: list[str]) -> Path | None:
    """The database to open a window on, when ``args`` ask for nothing but the window; else None."""
    if not args:
        from prdesk.paths import default_db_path  # platformdirs: not for --version or --db FILE

        return default_db_path()
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return Path(args[1])
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return Path(args[0][len("--db="):])
    return None


#: The Qt-free modules the window imports before its first paint, imported before PySide6 is: once
#: PySide6 is loaded, its import hook reads the source of every module imported after it, to see
#: whether it uses PySide (~10 ms CPU for these and what they import). Test: test_startup_imports.
QT_FREE_WINDOW_MODULES = (
    "platformdirs",  # the crash log's folder
    "prdesk.errors", "prdesk.paths", "prdesk.core.text", "prdesk.core.calendars",
    "prdesk.store.db", "prdesk.store.settings", "prdesk.store.first_run", "prdesk.store.health",
    "prdesk.store.rotation",
)


def _import_qt_free_modules() -> None:
    from importlib import import_module

    for name in QT_FREE_WINDOW_MODULES:
        import_module(name)


#: A backup file's ending (prdesk.store.backup.SUFFIX, not imported: it would load cryptography).
BACKUP_SUFFIX = ".prdesk-backup"


def _window_request(args: list[str]) -> tuple[Path, Path | None] | None:
    """(database, backup file to offer for restoring) when ``args`` ask for the window; else None.

    ``prdesk [--db PATH] FILE.prdesk-backup`` is how Windows opens a double-clicked backup file.
    """
    backup = None
    if args and args[-1].lower().endswith(BACKUP_SUFFIX) and not args[-1].startswith("-"):
        backup, args = Path(args[-1]), args[:-1]
    path = _window_database(args)
    return None if path is None else (path, backup)


def main() -> None:
    """``prdesk``: the window for ``prdesk [--db PATH] [BACKUP]``, the click command line for anything else."""
    request = _window_request(sys.argv[1:])
    if request is not None:
        # The window needs none of the command line's machinery; skipping click shortens start-up.
        import gc

        gc.disable()  # until the window's first paint: run() turns it on again
        _import_qt_free_modules()
        from prdesk.ui.app import run

        path, backup = request
        sys.exit(run(path.expanduser(), restore=backup))
    # The common search is answered without click and sqlite-utils; anything else goes to click.
    if "search" in sys.argv[1:5]:
        from prdesk.quick_commands import parse_search, run_search

        search = parse_search(sys.argv[1:])
        if search is not None:
            status = run_search(search)
            if status is not None:
                sys.exit(status)
    from prdesk.cli import main as command_line

    command_line()
