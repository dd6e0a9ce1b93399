"""`prdesk backup create|verify|restore`: the backup file from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from prdesk.cli.common import db_path, open_db
from prdesk.core.text import printable, to_persian_digits
from prdesk.errors import BackupError

_PASSWORD_HELP = "Read the backup password from this UTF-8 file (first line; '-' reads stdin)."


def _password(file: click.utils.LazyFile | None) -> str | None:
    """The first line of the password file, without its line ending."""
    if file is None:
        return None
    # Notepad saves UTF-8 with a BOM; the BOM and the line ending are not part of the password.
    text = file.read().removeprefix("\ufeff")
    line = text.splitlines()[0] if text else ""
    if not line:
        raise BackupError("فایل رمز عبور خالی است. رمز را در سطر اول آن بنویسید.")
    return line


def _run_with_progress(label: str, work):
    """Run ``work(report)`` with a progress bar on a terminal, quietly when stderr is piped."""
    stream = sys.stderr
    if not stream.isatty():
        return work(None)
    with click.progressbar(length=100, label=label, file=stream) as bar:
        last = [0]

        def report(done: int, total: int) -> None:
            bar.update(done - last[0])
            last[0] = done

        return work(report)


@click.group()
def backup() -> None:
    """Backup files (.prdesk-backup): create, verify, restore."""


@backup.command("create")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The backup file to write, e.g. prdesk-1405-08-30-1530.prdesk-backup.")
@click.option("--password-file", type=click.File("r", encoding="utf-8"), help=_PASSWORD_HELP)
@click.pass_context
def create_command(ctx: click.Context, out: Path, password_file) -> None:
    """Write a checked backup of the database to --out (with a password: AES-256 encrypted)."""
    from prdesk.store.backup import create

    password = _password(password_file)
    db = open_db(ctx)
    info = _run_with_progress("پشتیبان‌گیری", lambda report: create(db, out, password, report))
    click.echo("پشتیبان ساخته و بررسی شد.")
    for line in info.summary_lines():
        click.echo(line)


@backup.command("verify")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--password-file", type=click.File("r", encoding="utf-8"), help=_PASSWORD_HELP)
def verify_command(file: Path, password_file) -> None:
    """Check FILE completely and print what it holds; exit status 1 when it is not sound."""
    from prdesk.store.backup import verify

    info = _run_with_progress("بررسی", lambda report: verify(file, _password(password_file), report))
    for line in info.summary_lines():
        click.echo(printable(line))  # the organization's name comes from the file: no terminal escapes
    click.echo("نتیجه: فایل پشتیبان سالم است.")


@backup.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--password-file", type=click.File("r", encoding="utf-8"), help=_PASSWORD_HELP)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def restore_command(ctx: click.Context, file: Path, password_file, yes: bool) -> None:
    """Replace the database with the one in FILE, keeping the current one as a safety copy."""
    from prdesk.store.backup import preview_restore, restore

    password = _password(password_file)
    target = db_path(ctx)
    if not yes:
        preview = preview_restore(target, file, password)
        click.echo(f"بازگردانی «{file}» روی «{target}»:")
        for line in preview.comparison_lines():
            click.echo(line)
        if not click.confirm("دادهٔ کنونی با دادهٔ این پشتیبان جایگزین شود؟", default=False):
            click.echo("بازگردانی انجام نشد؛ چیزی تغییر نکرد.")
            ctx.exit(1)
    result = _run_with_progress("بازگردانی", lambda report: restore(target, file, password, progress=report))
    click.echo(f"بازگردانی انجام شد: داده‌های {to_persian_digits(result.backup.manifest.created_jalali)} برگشت.")
    if result.safety_copy:
        click.echo(f"پایگاه دادهٔ پیشین نگه داشته شد: {result.safety_copy}")
    if result.carried_letters:
        from prdesk.store.backup.register import later_letters_sentence

        click.echo(later_letters_sentence(list(result.carried_letters)))
