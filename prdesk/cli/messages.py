"""The ``messages`` commands: templates, occasion batches (dry run or printed), the archive, SMS export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prdesk.cli.common import echo_json, open_db

CHANNEL_CHOICES = ("letter", "card", "sms", "phone", "in-person")


def _filters(function):
    """The recipient filters shared by ``batch`` and ``sms-export``."""
    for option in reversed((
        click.option("--kind", default="", help="Kind of organization (اتحادیه، شرکت تعاونی، بانک …)."),
        click.option("--activity", default="", help="Activity of the organization."),
        click.option("--province", default="", help="Province of the organization."),
        click.option("--tag", default="", help="A tag of the person or of the organization."),
        click.option("--staff", is_flag=True, help="Only the office's own staff."),
        click.option("--position-kind", default="", help="Holders of a position in organizations of this kind."),
        click.option("--date", "date_text", default="", help="Date of the messages (Jalali; today when absent)."),
        click.option("--include-repeats", is_flag=True, help="Include people already sent a message for this occasion this year."),
    )):
        function = option(function)
    return function


def _prepare(db, template_title, occasion, channel, kind, activity, province, tag, staff, position_kind, date_text, include_repeats):
    from prdesk.store.messages.archive import as_date
    from prdesk.store.messages.recipients import RecipientFilter, prepare
    from prdesk.store.messages.templates import find_template

    template = find_template(db, template_title)
    date = as_date(date_text, "date")
    f = RecipientFilter(kind=kind, activity=activity, province=province, tag=tag, staff=staff, position_kind=position_kind)
    found = prepare(db, template, occasion, f, date=date, channel=channel, include_repeats=include_repeats)
    return template, date, found


def _progress(hidden: bool):
    bar = click.progressbar(length=100, label="ساخت پیام‌ها", file=sys.stderr, hidden=hidden or not sys.stderr.isatty())
    shown = [0]

    def progress(done: int, total: int) -> bool:
        bar.length = max(total, 1)
        bar.update(done - shown[0])
        shown[0] = done
        return True

    return bar, progress


@click.group()
def messages() -> None:
    """Greeting and condolence messages: templates, batches, the archive."""


@messages.command("templates")
@click.option("--json", "as_json", is_flag=True, help="Print the templates as JSON.")
@click.pass_context
def templates_command(ctx: click.Context, as_json: bool) -> None:
    """List the message templates with their kind, channel and version."""
    from prdesk.core.templates import CHANNELS, KINDS
    from prdesk.store.messages.templates import list_templates

    found = list_templates(open_db(ctx))
    if as_json:
        echo_json([t.to_dict() for t in found])
        return
    for t in found:
        click.echo(f"{t.title} — {KINDS[t.kind]}، {CHANNELS[t.channel]}، نسخهٔ {t.version}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))


@messages.command("batch")
@click.option("--template", "template_title", required=True, help="Title of the template.")
@click.option("--occasion", required=True, help="The occasion (for example «عید نوروز»).")
@_filters
@click.option("--channel", type=click.Choice(CHANNEL_CHOICES), default="letter", show_default=True, help="How the messages go out.")
@click.option("--duplex", is_flag=True, help="Add a blank page after each letter with an odd number of pages.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="The PDF with one letter per recipient.")
@click.option("--dry-run", is_flag=True, help="Only show the recipients, their salutation and who is left out and why.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def batch_command(ctx, template_title, occasion, kind, activity, province, tag, staff, position_kind, date_text,
                  include_repeats, channel, duplex, out, dry_run, as_json) -> None:
    """Messages for an occasion to every recipient the filters reach: archived, numbered and printed in one PDF."""
    from prdesk.store.messages.batch import generate_batch

    if bool(out) == bool(dry_run):
        raise click.UsageError("یکی از --out FILE.pdf یا --dry-run را بدهید (نه هر دو).")
    db = open_db(ctx)
    template, date, found = _prepare(db, template_title, occasion, channel, kind, activity, province, tag, staff,
                                     position_kind, date_text, include_repeats)
    included = [r for r in found if r.included]
    if dry_run:
        if as_json:
            echo_json({"template": template.title, "template_version": template.version, "occasion": occasion,
                       "channel": channel, "included": len(included), "excluded": len(found) - len(included),
                       "recipients": [r.to_json() for r in found]})
            return
        for r in found:
            mark = "✓" if r.included else "✗"
            line = f"{mark} {r.salutation} {r.name}".replace("  ", " ")
            if r.organization:
                line += f" — {r.organization}"
            if not r.included:
                line += f" — {r.reason_text()}"
            click.echo(line)
        click.echo(f"{len(included)} گیرنده، {len(found) - len(included)} کنار گذاشته".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))
        return
    bar, progress = _progress(as_json)
    with bar:
        result = generate_batch(db, template, occasion, found, date=date, channel=channel, out=out, duplex=duplex,
                                progress=progress)
    if as_json:
        echo_json({"archived": result.count, "letter_numbers": result.letter_numbers, "out": str(out),
                   "excluded": len(found) - len(included)})
        return
    click.echo(f"{result.count} پیام بایگانی شد و در «{out}» چاپ شد.".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))


@messages.command("list")
@click.option("--person", "person_id", type=int, help="Only the messages of this person (id).")
@click.option("--occasion", default="", help="Only the messages of this occasion (words of it).")
@click.option("--from", "date_from", default="", help="From this date (Jalali).")
@click.option("--to", "date_to", default="", help="Up to this date (Jalali).")
@click.option("--limit", type=click.IntRange(1, 100000), default=200, show_default=True, help="At most this many, newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print the messages as JSON.")
@click.pass_context
def list_command(ctx, person_id, occasion, date_from, date_to, limit, as_json) -> None:
    """The archive of messages, newest first."""
    from prdesk.store.messages.archive import display_row, json_row, search_messages

    rows = search_messages(open_db(ctx), "", limit=limit, person_id=person_id, occasion=occasion,
                           date_from=date_from, date_to=date_to)
    if as_json:
        echo_json([json_row(r) for r in rows])
        return
    for row in rows:
        shown = display_row(row)
        click.echo(" — ".join(p for p in (shown["date"], shown["recipient"], shown["occasion"], shown["channel"],
                                          shown["status"], shown["letter_number"]) if p))


@messages.command("sms-export")
@click.option("--template", "template_title", required=True, help="Title of the template.")
@click.option("--occasion", required=True, help="The occasion.")
@_filters
@click.option("--parts", type=click.IntRange(1, 10), default=2, show_default=True, help="Flag texts longer than this many SMS parts.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The CSV file.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def sms_export_command(ctx, template_title, occasion, kind, activity, province, tag, staff, position_kind, date_text,
                       include_repeats, parts, out, as_json) -> None:
    """A CSV of personalized SMS texts with mobile numbers and the number of parts of each."""
    from prdesk.store.messages.batch import export_sms

    db = open_db(ctx)
    _template, _date, found = _prepare(db, template_title, occasion, "sms", kind, activity, province, tag, staff,
                                       position_kind, date_text, include_repeats)
    done = export_sms(found, out, max_parts=parts)
    if as_json:
        echo_json({"written": done.written, "over_limit": done.over_limit, "skipped": len(done.skipped), "out": str(out)})
        return
    fa = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    click.echo(f"{done.written} پیامک در «{out}» نوشته شد؛ {done.over_limit} متن بیش از {parts} بخش است.".translate(fa))
