"""What every command shares: the database path from the top-level --db option, output helpers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # sqlite-utils, the store and platformdirs: imported by the commands that open a database
    from sqlite_utils import Database


def db_path(ctx: click.Context) -> Path:
    """The database path chosen by --db, PRDESK_DB or the platform default."""
    root = ctx.find_root()
    chosen = (root.obj or {}).get("db") if root.obj else None
    if chosen:
        return Path(chosen)
    from prdesk.paths import default_db_path

    return default_db_path()


def open_db(ctx: click.Context) -> Database:
    """Open the chosen database as the app does (refusals raise PrdeskError); closed when the command ends."""
    from prdesk.store.db import open_database

    db = open_database(db_path(ctx))
    ctx.call_on_close(db.close)
    return db


def echo_json(value) -> None:
    """Print ``value`` as UTF-8 JSON on stdout."""
    from prdesk.quick_commands import json_text

    click.echo(json_text(value))
