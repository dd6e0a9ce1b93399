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


def main() -> None:
    """``prdesk``: the window for ``prdesk [--db PATH]``, the click command line for anything else."""
    path = _window_database(sys.argv[1:])
    if path is not None:
        # The window needs none of the command line's machinery; skipping click shortens start-up.
        from prdesk.ui.app import run

        sys.exit(run(path.expanduser()))
    from prdesk.cli import main as command_line

    command_line()
