"""`prdesk print …`: letters on the office's letterhead and printed reports, as PDF files."""

from __future__ import annotations

from pathlib import Path

import click

from prdesk.cli.common import open_db
from prdesk.errors import StorageError, ValidationError

_PDF = click.Path(dir_okay=False, writable=True, path_type=Path)


@click.group(name="print")
def print_group() -> None:
    """Print letters and reports as PDF files."""


def _read_body(path: Path) -> str:
    """The body file's text: UTF-8 (with or without BOM), else Windows-1256 as Persian Notepad saves it."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")


@print_group.command("letter")
@click.option("--body-file", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Text file with the letter's body (one paragraph per line).")
@click.option("--subject", default="", help="The subject line (موضوع).")
@click.option("--recipient", default="", help="Recipient heading; separate lines with a newline or \\n.")
@click.option("--number", default=None, help="Print with this number instead of taking the next one from the register.")
@click.option("--date", "date_text", default=None, help="Jalali date of the letter, e.g. 1405/08/30 (default: today).")
@click.option("--paper", type=click.Choice(["A4", "A5"], case_sensitive=False), default=None, help="Paper size (default: the setting).")
@click.option("--attachments", default="ندارد", show_default=True, help="The پیوست line: دارد، ندارد or a count.")
@click.option("--preprinted", is_flag=True, help="Print only the text, for paper with the letterhead already printed on it.")
@click.option("--out", required=True, type=_PDF, help="The PDF file to write.")
@click.pass_context
def print_letter(ctx, body_file, subject, recipient, number, date_text, paper, attachments, preprinted, out) -> None:
    """Print an ad-hoc letter on the office's letterhead; without --number it is entered in the register."""
    from prdesk.core.jalali import format_jalali, jalali_parts, parse_jalali, today
    from prdesk.core.letter_number import Letter, format_number
    from prdesk.core.text import to_persian_digits
    from prdesk.printing.letter import render_letter
    from prdesk.store.letters import next_serial, register_letter
    from prdesk.store.settings import get_settings

    db = open_db(ctx)
    settings = get_settings(db)
    body = _read_body(body_file)
    if not body.strip():
        raise ValidationError(f"فایل متن نامه «{body_file}» خالی است؛ متن نامه را در آن بنویسید.")
    date = parse_jalali(date_text, "date") if date_text else today()
    letter = Letter(
        body=body, subject=subject, date=date, attachments=attachments,
        recipient=recipient.replace("\\n", "\n"), number=number or "",
    )
    options = {"paper": paper.upper() if paper else None, "preprinted": preprinted}
    if not number:
        # Lay the letter out once with the number it is about to get, so a letter that cannot be
        # printed never takes a number from the register.
        year = jalali_parts(date)[0]
        letter.number = format_number(
            settings["letter_number_pattern"], seq=next_serial(db, year), year=year,
            type_code=settings["letter_type_code"], unit=settings["letter_unit_code"],
        )
        render_letter(letter, settings, **options)
    try:
        handle = out.open("wb")
    except OSError as exc:
        raise StorageError(f"فایل «{out}» نوشته نشد ({exc.strerror}). مسیر یا دسترسی پوشه را بررسی کنید.") from exc
    try:
        with handle:
            if not number:
                _, letter.number = register_letter(
                    db, letter, paper=options["paper"] or settings["paper_size"], preprinted=preprinted
                )
            handle.write(render_letter(letter, settings, **options))
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    shown = to_persian_digits(letter.number) if letter.number else "بدون شماره"
    registered = "در دفتر اندیکاتور ثبت و " if not number else ""
    click.echo(f"نامهٔ شمارهٔ {shown} مورخ {format_jalali(date)} {registered}در «{out}» ذخیره شد.")


@print_group.group("report")
def report_group() -> None:
    """Printed reports (the contacts directory; meetings, messages and activity come with their pages)."""


@report_group.command("contacts")
@click.option("--group-by", type=click.Choice(["kind", "city"]), default="kind", show_default=True, help="Group organizations by kind or by city.")
@click.option("--kind", default="", help="Only organizations of this kind.")
@click.option("--city", default="", help="Only organizations in this city.")
@click.option("--tag", default="", help="Only organizations with this tag.")
@click.option("--people", is_flag=True, help="Add the people, grouped the same way.")
@click.option("--out", required=True, type=_PDF, help="The PDF file to write.")
@click.pass_context
def report_contacts(ctx, group_by, kind, city, tag, people, out) -> None:
    """Print the contacts directory (organizations with their phones, grouped by kind or city)."""
    from prdesk.core.contacts import ContactFilter
    from prdesk.printing.directory import render_directory
    from prdesk.printing.pages import write_pdf

    db = open_db(ctx)
    data = render_directory(db, group_by=group_by, f=ContactFilter(kind=kind, city=city, tag=tag), people=people)
    write_pdf(data, out)
    click.echo(f"فهرست مخاطبین در «{out}» ذخیره شد.")


@print_group.command("calendar")
@click.option("--year", required=True, type=int, help="Jalali year, e.g. 1405.")
@click.option("--month", type=click.IntRange(1, 12), default=None, help="Jalali month (1-12); without it the whole year: 12 month pages and a year overview.")
@click.option("--paper", type=click.Choice(["A4", "A3"], case_sensitive=False), default="A4", show_default=True, help="Paper size, A4 or A3 (landscape).")
@click.option("--out", required=True, type=_PDF, help="The PDF file to write.")
@click.pass_context
def print_calendar(ctx, year, month, paper, out) -> None:
    """Print a month of the calendar, or the whole year, with occasions, events and birthdays."""
    from prdesk.core.jalali import jalali_month_names
    from prdesk.core.text import to_persian_digits
    from prdesk.printing.calendar import render_calendar
    from prdesk.printing.pages import write_pdf

    db = open_db(ctx)
    write_pdf(render_calendar(db, year, month, paper=paper.upper()), out)
    what = f"{jalali_month_names[month - 1]} {to_persian_digits(year)}" if month else f"سال {to_persian_digits(year)}"
    click.echo(f"تقویم {what} در «{out}» ذخیره شد.")


@report_group.command("plan")
@click.option("--year", required=True, type=int, help="Jalali year, e.g. 1405.")
@click.option("--out", required=True, type=_PDF, help="The PDF file to write.")
@click.pass_context
def report_plan(ctx, year, out) -> None:
    """Print the annual plan of ceremonies: the office's events of a Jalali year, with a summary."""
    from prdesk.core.text import to_persian_digits
    from prdesk.printing.pages import write_pdf
    from prdesk.printing.plan import render_plan

    db = open_db(ctx)
    write_pdf(render_plan(db, year), out)
    click.echo(f"برنامهٔ سالانهٔ مراسم {to_persian_digits(year)} در «{out}» ذخیره شد.")


@report_group.command("activity")
@click.option("--from", "start_text", required=True, help="First Jalali day of the period, e.g. 1405/07/01.")
@click.option("--to", "end_text", required=True, help="Last Jalali day of the period, e.g. 1405/09/30.")
@click.option("--intro-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None, help="Text file with the introduction.")
@click.option("--conclusion-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None, help="Text file with the conclusion.")
@click.option("--out", required=True, type=_PDF, help="The file to write: FILE.pdf or FILE.xlsx.")
@click.pass_context
def report_activity(ctx, start_text, end_text, intro_file, conclusion_file, out) -> None:
    """Print the periodic performance report (گزارش عملکرد) of a period as PDF or XLSX."""
    from prdesk.core.activity import period_of
    from prdesk.core.jalali import parse_jalali
    from prdesk.printing.pages import write_pdf
    from prdesk.store.report import summary, summary_xlsx

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(f"پسوند فایل «{out.name}» باید ‎.pdf‎ یا ‎.xlsx‎ باشد.", "out")
    period = period_of(parse_jalali(start_text, "from"), parse_jalali(end_text, "to"))
    intro = _read_body(intro_file) if intro_file else ""
    conclusion = _read_body(conclusion_file) if conclusion_file else ""
    db = open_db(ctx)
    result = summary(db, period)
    if suffix == ".xlsx":
        data = summary_xlsx(result, intro=intro, conclusion=conclusion)
    else:
        from prdesk.printing.performance import render_performance

        data = render_performance(db, period, intro=intro, conclusion=conclusion, result=result)
    write_pdf(data, out)
    click.echo(f"گزارش عملکرد {result.period.title} در «{out}» ذخیره شد.")
