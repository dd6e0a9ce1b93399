"""The ``demo`` command: fill a new database with realistic sample data."""

from __future__ import annotations

import sys

import click

from prdesk.cli.common import open_db


@click.command()
@click.option("--size", type=click.Choice(["small", "office", "large"]), default="small", show_default=True,
              help="small: 50 organizations, 300 people; office: 1,000 and 10,000; large: 10,000 and 100,000 (benchmarks).")
@click.pass_context
def demo(ctx: click.Context, size: str) -> None:
    """Fill a new, empty database with realistic Persian sample data (refuses a database with data)."""
    from prdesk.store.demo import SIZES, describe, fill_demo

    db = open_db(ctx)
    plan = SIZES[size]
    with click.progressbar(length=plan["organizations"] + plan["people"], label="دادهٔ نمونه", file=sys.stderr,
                           hidden=not sys.stderr.isatty()) as bar:
        last = [0]

        def progress(done: int, total: int) -> bool:
            bar.update(done - last[0])
            last[0] = done
            return True

        counts = fill_demo(db, size, progress)
    click.echo(describe(counts))
