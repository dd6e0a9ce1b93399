"""The command line: a thin click layer over the same service functions the window uses."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from prdesk import __version__
from prdesk.cli.common import db_path, echo_json, open_db
from prdesk.errors import PrdeskError


# One module per area, imported only when its command runs: starting the window imports none of them.
_AREA_COMMANDS = {
    "activity": ("prdesk.cli.activity", "activity"),
    "backup": ("prdesk.cli.backup", "backup"),
    "calendar": ("prdesk.cli.calendar", "calendar"),
    "contacts": ("prdesk.cli.contacts", "contacts"),
    "demo": ("prdesk.cli.demo", "demo"),
    "messages": ("prdesk.cli.messages", "messages"),
    "print": ("prdesk.cli.printing", "print_group"),
    "report": ("prdesk.cli.activity", "report"),
}


class PrdeskGroup(click.Group):
    """Loads area commands on demand; turns a PrdeskError into one plain line on stderr and exit status 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_AREA_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in _AREA_COMMANDS:
            module, attribute = _AREA_COMMANDS[name]
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, name)
        return command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PrdeskError as exc:
            click.echo(f"خطا: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=PrdeskGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="PRDESK_DB",
    help="Database file (default: prdesk.sqlite3 in the user data folder; env PRDESK_DB).",
)
@click.version_option(__version__, prog_name="prdesk")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """prdesk: the PR desk of an Iranian office. With no command, opens the window."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        from prdesk.ui.app import run

        ctx.exit(run(db_path(ctx)))


@cli.group()
def date() -> None:
    """Dates in the Jalali, Iranian lunar and Gregorian calendars."""


@date.command("convert")
@click.argument("text")
@click.option("--correction", type=click.IntRange(-2, 2), default=0, help="Lunar-date correction in days outside Iran's official table.")
def date_convert(text: str, correction: int) -> None:
    """Show DATE (Jalali 1405/08/30, ۳۰ آبان ۱۴۰۵, or Gregorian 2026-11-21) in the three calendars."""
    from prdesk.core.calendars import describe_day

    click.echo(describe_day(text, lunar_correction=correction))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Open the database as the app would; check integrity, foreign keys and the search index; print counts."""
    from prdesk.store.health import full_check

    report = full_check(open_db(ctx))
    if as_json:
        echo_json(report.as_dict())
    else:
        for line in report.lines():
            click.echo(line)
    if not report.ok:
        ctx.exit(1)


def main() -> None:
    """Console-script entry point."""
    if hasattr(sys.stdout, "reconfigure"):
        # Windows consoles default to a legacy code page; Persian output needs UTF-8.
        sys.stdout.reconfigure(encoding="utf-8")
        sys.stderr.reconfigure(encoding="utf-8")
    cli(prog_name="prdesk")
