"""The ``calendar`` commands: a Jalali year of occasions, events and birthdays as JSON, iCalendar or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from prdesk.cli.common import open_db
from prdesk.store.outputs import write_output


@click.group()
def calendar() -> None:
    """The calendar of occasions, the office's events and birthdays."""


@calendar.command("year")
@click.argument("year")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "ics", "csv"]), default="json", show_default=True,
    help="json: one object per day (DESIGN.md); ics: iCalendar for Outlook and Google Calendar; csv: one row per item.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
@click.pass_context
def year(ctx: click.Context, year: str, fmt: str, out: Path | None) -> None:
    """Every day of the Jalali YEAR (e.g. 1405) with its occasions, events and birthdays."""
    from prdesk.store.calendar_export import check_year, export_year

    check_year(year)  # a typo in the year is reported before the database is opened
    data = export_year(open_db(ctx), year, fmt)
    if out is None:
        click.echo(data.decode("utf-8") if isinstance(data, bytes) else data, nl=False)
        return
    if not isinstance(data, bytes):
        # Excel on Windows reads a CSV as UTF-8 only with the byte-order mark.
        data = data.encode("utf-8-sig" if fmt == "csv" else "utf-8")
    write_output(out, data)
    click.echo(f"نوشته شد: {out}", err=True)
