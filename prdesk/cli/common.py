"""What every command shares: the database path from the top-level --db option, output helpers."""

from __future__ import annotations

import json
from pathlib import Path

import click
from sqlite_utils import Database

from prdesk.paths import default_db_path
from prdesk.store.db import open_database


def db_path(ctx: click.Context) -> Path:
    """The database path chosen by --db, PRDESK_DB or the platform default."""
    root = ctx.find_root()
    chosen = (root.obj or {}).get("db") if root.obj else None
    return Path(chosen) if chosen else default_db_path()


def open_db(ctx: click.Context) -> Database:
    """Open the chosen database as the app does (refusals raise PrdeskError); closed when the command ends."""
    db = open_database(db_path(ctx))
    ctx.call_on_close(db.close)
    return db


def echo_json(value) -> None:
    """Print ``value`` as UTF-8 JSON on stdout."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
