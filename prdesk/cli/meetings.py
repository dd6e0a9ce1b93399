"""`prdesk meetings …` and `prdesk print agenda` / `print report meetings`: the meeting desk from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from prdesk.cli.common import echo_json, open_db
from prdesk.errors import ValidationError

# Kept here as plain tuples so `prdesk --help` and usage errors need not import the store.
TYPES = ("request", "complaint", "suggestion", "criticism", "report", "courtesy", "invitation", "other")
STATUSES = ("requested", "scheduled", "arrived", "held", "cancelled", "no-show", "postponed")
_PDF = click.Path(dir_okay=False, writable=True, path_type=Path)


@click.group()
def meetings() -> None:
    """The director's visitor meetings: book, list, record outcomes, postpone, follow up."""


def _date(text: str, field: str = "date") -> dt.date:
    from prdesk.store.meetings import read_date

    return read_date(text, field)


def _refusal(exc: ValidationError) -> ValidationError:
    """The store's refusal with the option that overrides it, as the command line names it."""
    from prdesk.core.meetings import ClosedTime, MeetingConflict

    if isinstance(exc, MeetingConflict):
        return ValidationError(f"{exc} (در خط فرمان: --allow-conflict)", exc.field)
    if isinstance(exc, ClosedTime):
        return ValidationError(f"{exc} (در خط فرمان: --allow-closed-day)", exc.field)
    return exc


def _line(m) -> str:
    from prdesk.core.jalali import format_jalali
    from prdesk.core.text import to_persian_digits

    parts = [
        f"[{to_persian_digits(m.id)}]", format_jalali(m.date), f"{to_persian_digits(m.start)}–{to_persian_digits(m.end)}",
        m.host, m.visitor_names,
    ]
    if m.organization:
        parts.append(f"({m.organization})")
    if m.subject:
        parts.append(f"«{m.subject}»")
    parts.append(m.status_name)
    if m.conflict_allowed:
        parts.append("⚠ ثبت با وجود تداخل")
    return " ".join(parts)


@meetings.command("add")
@click.option("--date", "date_text", required=True, help="Jalali date, e.g. 1405/09/12.")
@click.option("--start", required=True, help="Start time HH:MM (any digits).")
@click.option("--duration", default=None, help="Minutes (default: the host's slot length).")
@click.option("--host", default=None, help="Host name (default: the first host of the list).")
@click.option("--room", default=None, help="Room name.")
@click.option("--person", "people", multiple=True, type=int, help="A visitor from the contacts, by person id (repeatable).")
@click.option("--visitor", default=None, help="A walk-in visitor's name.")
@click.option("--phone", default="", help="The walk-in visitor's phone.")
@click.option("--organization", default="", help="The walk-in visitor's organization, as text.")
@click.option("--subject", default="", help="Subject of the meeting.")
@click.option("--type", "type_", type=click.Choice(TYPES), default="request", show_default=True, help="Request type.")
@click.option("--allow-conflict", is_flag=True, help="Book even if the host, room or visitor is already booked then.")
@click.option("--allow-closed-day", is_flag=True, help="Book even on a Friday, a holiday or outside the host's hours.")
@click.option("--json", "as_json", is_flag=True, help="Print the new meeting as JSON.")
@click.pass_context
def add(ctx, date_text, start, duration, host, room, people, visitor, phone, organization, subject, type_,
        allow_conflict, allow_closed_day, as_json) -> None:
    """Book a meeting; a conflict, a closed day or a time outside the host's hours is refused (exit 1) and nothing is written."""
    from prdesk.store import meetings as ms

    if not people and not visitor:
        raise ValidationError("مراجعه‌کننده را بدهید: --person شمارهٔ شخص در مخاطبان، یا --visitor نام مراجعه‌کننده.", "visitors")
    visitors = [{"person_id": p} for p in people]
    if visitor:
        visitors.append({"name": visitor, "phone": phone, "organization": organization})
    db = open_db(ctx)
    values = {"date": _date(date_text), "start": start, "duration": duration, "host": host, "room": room,
              "visitors": visitors, "subject": subject, "type": type_}
    try:
        meeting = ms.add_meeting(db, values, allow_conflict=allow_conflict, allow_closed_day=allow_closed_day)
    except ValidationError as exc:
        raise _refusal(exc) from None
    if as_json:
        echo_json(meeting.to_dict())
    else:
        click.echo(f"ملاقات ثبت شد: {_line(meeting)}")


@meetings.command("list")
@click.option("--date", "date_text", default=None, help="One day (default: today).")
@click.option("--from", "from_text", default=None, help="First day of a range.")
@click.option("--to", "to_text", default=None, help="Last day of a range.")
@click.option("--host", default=None, help="Only this host's meetings.")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only meetings in this status.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_context
def list_command(ctx, date_text, from_text, to_text, host, status, as_json) -> None:
    """List meetings of a day or a range, by time (cancelled and postponed ones too)."""
    from prdesk.core.jalali import today
    from prdesk.store import meetings as ms

    if date_text and (from_text or to_text):
        raise ValidationError("یا --date را بدهید یا --from و --to را، نه هر دو.", "date")
    if date_text or not (from_text or to_text):
        start = end = _date(date_text) if date_text else today()
    else:
        start = _date(from_text, "from") if from_text else None
        end = _date(to_text, "to") if to_text else None
        if start and end and end < start:
            raise ValidationError("تاریخ --to باید بعد از تاریخ --from باشد.", "to")
    db = open_db(ctx)
    host_id = ms.find_host(db, host).id if host else None
    found = ms.list_meetings(db, start=start, end=end, host_id=host_id, status=status)
    if as_json:
        echo_json([m.to_dict() for m in found])
        return
    if not found:
        click.echo("ملاقاتی پیدا نشد.")
    for m in found:
        click.echo(_line(m))


@meetings.command("status")
@click.argument("meeting_id", type=int)
@click.argument("status", type=click.Choice(["held", "cancelled", "no-show", "arrived"]))
@click.option("--outcome", default="", help="What came of a held meeting.")
@click.option("--reason", default="", help="Why the meeting was cancelled (required for cancelled).")
@click.pass_context
def status_command(ctx, meeting_id, status, outcome, reason) -> None:
    """Record that a meeting was held (with its outcome), cancelled (with a reason), missed, or that the visitor arrived."""
    from prdesk.store import meetings as ms

    db = open_db(ctx)
    meeting = ms.set_status(db, meeting_id, status, outcome=outcome, reason=reason)
    click.echo(f"وضعیت ملاقات ثبت شد: {_line(meeting)}")


@meetings.command("postpone")
@click.argument("meeting_id", type=int)
@click.option("--date", "date_text", required=True, help="The new day.")
@click.option("--start", required=True, help="The new start time HH:MM.")
@click.option("--duration", default=None, help="Minutes (default: as before).")
@click.option("--allow-conflict", is_flag=True, help="Book even if the new time is taken.")
@click.option("--allow-closed-day", is_flag=True, help="Book even on a closed day or outside the host's hours.")
@click.option("--json", "as_json", is_flag=True, help="Print the new meeting as JSON.")
@click.pass_context
def postpone_command(ctx, meeting_id, date_text, start, duration, allow_conflict, allow_closed_day, as_json) -> None:
    """Move a meeting to a new time: a new meeting is booked and the old one is marked postponed, each pointing at the other."""
    from prdesk.core.text import to_persian_digits
    from prdesk.store import meetings as ms

    db = open_db(ctx)
    try:
        new = ms.postpone(db, meeting_id, _date(date_text), start, duration=duration,
                          allow_conflict=allow_conflict, allow_closed_day=allow_closed_day)
    except ValidationError as exc:
        raise _refusal(exc) from None
    if as_json:
        echo_json(new.to_dict())
    else:
        click.echo(f"ملاقات شمارهٔ {to_persian_digits(meeting_id)} موکول شد به: {_line(new)}")


@meetings.command("followups")
@click.option("--overdue", is_flag=True, help="Only open follow-ups past their due date.")
@click.option("--all", "show_all", is_flag=True, help="Closed follow-ups too.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.pass_context
def followups_command(ctx, overdue, show_all, as_json) -> None:
    """List the open follow-ups of meetings by due date (overdue ones marked)."""
    from prdesk.core.jalali import format_jalali, today
    from prdesk.core.text import to_persian_digits
    from prdesk.store import meetings as ms

    db = open_db(ctx)
    day = today()
    found = ms.list_followups(db, today=day, overdue_only=overdue, open_only=not show_all)
    if as_json:
        echo_json([f.to_dict(day) for f in found])
        return
    if not found:
        click.echo("پیگیری‌ای پیدا نشد.")
    for f in found:
        late = " ⚠ سررسید گذشته" if f.overdue(day) else ""
        referred = f" — ارجاع به {f.referred_to}" if f.referred_to else ""
        click.echo(f"[{to_persian_digits(f.id)}] سررسید {format_jalali(f.due_date)}{late} — {f.action}{referred} — {f.state_name}")


# ---------------------------------------------------------------- printing (registered under `prdesk print`)


@click.command("agenda")
@click.option("--date", "date_text", required=True, help="The day, e.g. 1405/09/12.")
@click.option("--host", default=None, help="Host (default: the first host of the list).")
@click.option("--paper", type=click.Choice(["A4", "A5"], case_sensitive=False), default="A4", show_default=True, help="Paper size.")
@click.option("--out", required=True, type=_PDF, help="The PDF file to write.")
@click.pass_context
def print_agenda(ctx, date_text, host, paper, out) -> None:
    """Print a host's agenda of the day: time, visitor, organization, subject and each visitor's earlier meetings."""
    from prdesk.core.jalali import format_jalali
    from prdesk.printing.agenda import render_agenda
    from prdesk.printing.pages import write_pdf
    from prdesk.store import meetings as ms

    db = open_db(ctx)
    day = _date(date_text)
    chosen = ms.find_host(db, host)
    write_pdf(render_agenda(db, day, chosen.id, paper=paper.upper()), out)
    click.echo(f"برنامهٔ ملاقات‌های {chosen.name} در {format_jalali(day)} در «{out}» ذخیره شد.")


@click.command("meetings")
@click.option("--from", "from_text", required=True, help="First day of the period.")
@click.option("--to", "to_text", required=True, help="Last day of the period.")
@click.option("--out", required=True, type=_PDF, help="The PDF file to write.")
@click.pass_context
def report_meetings(ctx, from_text, to_text, out) -> None:
    """Print the meetings report of a period: counts by status, request type, host and organization, a chart, the list."""
    from prdesk.printing.agenda_report import render_meetings_report
    from prdesk.printing.pages import write_pdf

    start, end = _date(from_text, "from"), _date(to_text, "to")
    if end < start:
        raise ValidationError("تاریخ --to باید بعد از تاریخ --from باشد.", "to")
    db = open_db(ctx)
    write_pdf(render_meetings_report(db, start, end), out)
    click.echo(f"گزارش ملاقات‌ها در «{out}» ذخیره شد.")
