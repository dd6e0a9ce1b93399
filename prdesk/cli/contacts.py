"""The ``contacts`` commands: import a sheet, export the directory, search by any spelling."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from prdesk.cli.common import echo_json, open_db
from prdesk.core.text import printable


@contextlib.contextmanager
def _progress_bar(total: int, label: str, hidden: bool = False):
    """A progress bar on stderr (only on a terminal) and the callback that moves it."""
    with click.progressbar(length=max(total, 1), label=label, file=sys.stderr,
                           hidden=hidden or not sys.stderr.isatty()) as bar:
        shown = [0]

        def progress(done: int, _total: int) -> bool:
            bar.update(done - shown[0])
            shown[0] = done
            return True

        yield progress


@click.group()
def contacts() -> None:
    """The directory of organizations and people."""


@contacts.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--encoding", type=click.Choice(["utf-8", "windows-1256"], case_sensitive=False), default=None,
              help="How the CSV's characters are stored (default: decided from the file; it is refused rather than garbled).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def import_command(ctx: click.Context, file: Path, encoding: str | None, as_json: bool) -> None:
    """Import FILE (CSV in UTF-8 or Windows-1256, or XLSX); columns are matched from the header."""
    from prdesk.core.contacts import IMPORT_FIELD_BY_KEY, guess_mapping
    from prdesk.store.contacts_io import import_contacts, preview

    encoding = encoding.lower() if encoding else None
    # A file that cannot be read is refused before the database is opened.
    sheet = preview(file, 0, encoding, exact=False)
    db = open_db(ctx)
    mapping = guess_mapping(sheet.headers)
    if not as_json:
        for index, key in sorted(mapping.items()):
            click.echo(printable(f"ستون «{sheet.headers[index]}» ← {IMPORT_FIELD_BY_KEY[key].persian}"), err=True)
    with _progress_bar(sheet.total, "ورود اطلاعات", hidden=as_json) as progress:
        summary = import_contacts(db, file, mapping, progress, encoding)
    if as_json:
        echo_json({
            "total": summary.total,
            "imported_people": summary.imported_people,
            "imported_organizations": summary.imported_organizations,
            "updated_people": summary.updated_people,
            "updated_organizations": summary.updated_organizations,
            "unchanged": summary.unchanged,
            "empty_rows": summary.empty_rows,
            "skipped": [{"row": row, "reason": reason} for row, reason in summary.skipped],
            "duplicates": [{"row": row, "message": text} for row, text in summary.duplicates],
            "encoding": summary.encoding,
        })
    else:
        click.echo(printable(summary.describe()))


@contacts.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "vcf"]), required=True,
              help="csv: UTF-8 with BOM for Excel; xlsx: right-to-left sheet; vcf: vCard 3.0 for phones and mail programs.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The file to write.")
@click.option("--kind", default="", help="Only organizations of this kind (and their people), e.g. «اتحادیه».")
@click.option("--tag", default="", help="Only people and organizations with this tag.")
@click.pass_context
def export_command(ctx: click.Context, fmt: str, out: Path, kind: str, tag: str) -> None:
    """Export the directory (or the part chosen with --kind/--tag) as CSV, XLSX or vCard."""
    from prdesk.core.contacts import ContactFilter  # here, not at the top: ``prdesk --help`` lists this module
    from prdesk.core.text import clean, to_persian_digits
    from prdesk.store.contacts_io import export_contacts, export_total

    db = open_db(ctx)
    f = ContactFilter(kind=clean(kind), tag=clean(tag))
    with _progress_bar(export_total(db, f), "خروجی") as progress:
        count = export_contacts(db, out, fmt, f, progress=progress)
    click.echo(f"{to_persian_digits(count)} ردیف در «{out}» نوشته شد.")


@contacts.command("search")
@click.argument("text")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="At most this many matches.")
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON.")
@click.pass_context
def search_command(ctx: click.Context, text: str, limit: int, as_json: bool) -> None:
    """Find people and organizations by name, organization, position, city or phone; best match first."""
    from prdesk.store.contacts import search_contacts

    from prdesk.quick_commands import search_lines  # the lines the quick path prints too

    results = search_contacts(open_db(ctx), text, limit)
    if as_json:
        echo_json(results)
        return
    for line in search_lines(results):
        click.echo(line)
