"""The ``activity`` commands (the record of media and public work) and ``report summary`` (the periodic report's figures)."""

from __future__ import annotations

from pathlib import Path

import click

from prdesk.cli.common import echo_json, open_db
from prdesk.core.activity import KINDS, LEVELS, TONES


def _date(text: str | None, field: str):
    from prdesk.core.jalali import parse_jalali

    return parse_jalali(text, field) if text is not None else None


def _period(start_text: str, end_text: str):
    """The period --from … --to names: a Jalali month, season, half or year when it is exactly one."""
    from prdesk.core.activity import period_of

    return period_of(_date(start_text, "from"), _date(end_text, "to"))


@click.group()
def activity() -> None:
    """The record of media and public work (کارنامه): news, interviews, coverage, clippings …"""


@activity.command("add")
@click.option("--date", "date_text", required=True, help="Jalali date, e.g. 1405/08/30.")
@click.option("--kind", required=True, help=f"One of: {', '.join(KINDS)} (or a kind the clerk added, by its Persian name).")
@click.option("--title", required=True, help="The headline or title of the item.")
@click.option("--outlet", default="", help="The outlet (newspaper, agency, channel).")
@click.option("--level", type=click.Choice(list(LEVELS)), default=None, help="National, provincial or local.")
@click.option("--tone", type=click.Choice(list(TONES)), default=None, help="Tone of the coverage.")
@click.option("--link", default="", help="Web address of the item.")
@click.option("--notes", default="", help="Notes.")
@click.option("--json", "as_json", is_flag=True, help="Print the new entry as JSON.")
@click.pass_context
def add_command(ctx, date_text, kind, title, outlet, level, tone, link, notes, as_json) -> None:
    """Record one piece of media or public work."""
    from prdesk.core.jalali import format_jalali
    from prdesk.store.activity import add_activity, kinds

    db = open_db(ctx)
    entry = add_activity(db, {
        "date": _date(date_text, "date"), "kind": kind, "title": title, "outlet": outlet, "level": level or "",
        "tone": tone or "", "link": link, "notes": notes,
    })
    if as_json:
        echo_json(entry.as_json(kinds(db)))
    else:
        click.echo(f"«{entry.title}» ({kinds(db)[entry.kind]}، {format_jalali(entry.date)}) در کارنامه ثبت شد.")


@activity.command("list")
@click.option("--from", "start_text", default=None, help="First Jalali day, e.g. 1405/07/01.")
@click.option("--to", "end_text", default=None, help="Last Jalali day, e.g. 1405/09/30.")
@click.option("--kind", default=None, help="Only this kind (English key or Persian name).")
@click.option("--search", "text", default="", help="Only entries whose title, outlet or notes contain this text.")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.pass_context
def list_command(ctx, start_text, end_text, kind, text, as_json) -> None:
    """List entries, newest first."""
    from prdesk.core.jalali import format_jalali
    from prdesk.store.activity import _kind_key, kinds, list_activities

    db = open_db(ctx)
    start, end = _date(start_text, "from"), _date(end_text, "to")
    if start and end:
        _period(start_text, end_text)  # an end before the start is refused plainly
    entries = list_activities(db, start=start, end=end, kind=_kind_key(db, kind) if kind else None, text=text)
    names = kinds(db)
    if as_json:
        echo_json([e.as_json(names) for e in entries])
        return
    if not entries:
        click.echo("فعالیتی با این مشخصات در کارنامه نیست.")
        return
    for e in entries:
        parts = [format_jalali(e.date), names.get(e.kind, e.kind), e.title, e.outlet, LEVELS.get(e.level, ""), TONES.get(e.tone, "")]
        click.echo(f"[{e.id}] " + " | ".join(p for p in parts if p))


@activity.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def import_command(ctx, file: Path) -> None:
    """Import a list of clippings (CSV or XLSX with columns تاریخ، عنوان، نوع، رسانه، سطح، لحن، پیوند)."""
    from prdesk.core.text import to_persian_digits
    from prdesk.store.activity import import_activities

    result = import_activities(open_db(ctx), file)
    click.echo(f"{to_persian_digits(result.added)} مورد به کارنامه افزوده شد.")


@click.group()
def report() -> None:
    """The periodic performance report (گزارش عملکرد)."""


@report.command("summary")
@click.option("--from", "start_text", required=True, help="First Jalali day of the period, e.g. 1405/07/01.")
@click.option("--to", "end_text", required=True, help="Last Jalali day of the period, e.g. 1405/09/30.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def summary_command(ctx, start_text, end_text, as_json) -> None:
    """The report's figures for a period, with the previous period and the same period last year."""
    from prdesk.core.activity import format_change
    from prdesk.core.text import to_persian_digits
    from prdesk.store.report import summary

    result = summary(open_db(ctx), _period(start_text, end_text))
    if as_json:
        echo_json(result.as_json())
        return
    click.echo(f"گزارش عملکرد {result.period.title}")
    for area in result.areas:
        if area.empty:
            continue
        c, p, y = area.current.total, area.previous.total, area.last_year.total
        click.echo(
            f"{area.title}: {to_persian_digits(c)} (دورهٔ پیش {to_persian_digits(p)}، {format_change(c, p)}؛"
            f" مدت مشابه سال پیش {to_persian_digits(y)}، {format_change(c, y)})"
        )
