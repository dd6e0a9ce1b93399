"""Generating a batch: one archived message per recipient and one PDF, all or nothing; the SMS export."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from prdesk.core.templates import CHANNELS, sms_parts
from prdesk.core.text import clean
from prdesk.errors import StorageError, ValidationError
from prdesk.store.letters import register_letter
from prdesk.store.messages.archive import insert_rows, message_row
from prdesk.store.messages.recipients import REASONS, Recipient
from prdesk.store.messages.templates import Template
from prdesk.store.settings import get_settings

Progress = Callable[[int, int], "bool | None"]


@dataclass
class BatchResult:
    """What a batch left behind: the archived message ids, the letter numbers in order, the PDF."""

    message_ids: list[int] = field(default_factory=list)
    letter_numbers: list[str] = field(default_factory=list)
    path: Path | None = None
    cancelled: bool = False

    @property
    def count(self) -> int:
        return len(self.message_ids)


class _Cancelled(Exception):
    pass


def _check(recipients: Sequence[Recipient], channel: str) -> list[Recipient]:
    if channel not in CHANNELS:
        raise ValidationError("راه ارسال را از فهرست انتخاب کنید (نامه، کارت، پیامک، تلفن، حضوری، پیام‌رسان).", "channel")
    included = [r for r in recipients if r.included]
    if not included:
        raise ValidationError("هیچ گیرنده‌ای انتخاب نشده است؛ فیلترها را تغییر دهید یا گیرنده‌ای را دوباره انتخاب کنید.")
    broken = [r for r in included if r.missing]
    if broken:
        names = "، ".join(r.name for r in broken[:3])
        raise ValidationError(
            f"برای {len(broken)} گیرنده ({names}) مقدار {{{broken[0].missing[0]}}} خالی است؛ "
            "مقدار را در مخاطبان وارد کنید یا این گیرندگان را کنار بگذارید."
        )
    return included


def generate_batch(
    db: Database,
    template: Template,
    occasion: str,
    recipients: Sequence[Recipient],
    *,
    date: dt.date,
    channel: str = "letter",
    out: Path | str | None = None,
    duplex: bool = False,
    paper: str | None = None,
    progress: Progress | None = None,
    batch: str = "",
) -> BatchResult:
    """Archive one message per included recipient and, with ``out``, print one PDF with a letter each.

    Letters (channel ``letter``) are entered in the outgoing register, each with its own number,
    and archived as sent; other channels are archived as drafts to be marked sent. Everything
    happens in one transaction that is committed only once the PDF is in place: a cancel (the
    progress callback returns False), a failure or a killed process leaves no message, no letter
    number and no PDF. Returns the ids and numbers; ``cancelled`` is True when the clerk stopped it.
    """
    included = _check(recipients, channel)
    if channel == "letter" and out is None:
        raise ValidationError("نامه‌ها باید چاپ شوند: مسیر فایل PDF را انتخاب کنید.", "out")
    settings = get_settings(db)
    signer, signer_position = settings.get("signatory_name", ""), settings.get("signatory_position", "")
    total = len(included) * (2 if out is not None else 1)
    batch = batch or dt.datetime.now().strftime("%Y%m%d%H%M%S")
    result = BatchResult()
    letters = []
    owns_transaction = not db.conn.in_transaction
    if owns_transaction:
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StorageError(f"پایگاه داده در دسترس نیست ({exc}). کمی بعد دوباره امتحان کنید.") from exc
    else:
        db.execute("SAVEPOINT message_batch")
    try:
        for done, recipient in enumerate(included, start=1):
            letter_id, number = None, ""
            if channel == "letter":
                letter_id, number = register_letter(db, {
                    "date": date, "recipient": recipient.heading(), "subject": recipient.subject, "body": recipient.text,
                    "person_id": recipient.person_id, "organization_id": recipient.organization_id,
                    "signer": signer, "signer_position": signer_position,
                }, paper=paper)
                result.letter_numbers.append(number)
            if out is not None:
                letters.append(recipient.letter(number=number, date=date, signer_name=signer, signer_position=signer_position))
            row = message_row({
                "person_id": recipient.person_id, "organization_id": recipient.organization_id,
                "recipient": recipient.heading(), "salutation": recipient.salutation, "occasion": occasion,
                "kind": template.kind, "template_id": template.id, "template_version": template.version,
                "subject": recipient.subject, "text": recipient.text, "date": date, "channel": channel,
                "status": "sent" if channel == "letter" else "draft", "letter_id": letter_id, "letter_number": number,
                "batch": batch,
            })
            result.message_ids += insert_rows(db, [row])
            if progress is not None and progress(done, total) is False:
                raise _Cancelled
        if out is not None:
            result.path = _print(letters, settings, Path(out), duplex=duplex, paper=paper, progress=progress,
                                 offset=len(included), total=total)
        try:
            db.execute("COMMIT" if owns_transaction else "RELEASE message_batch")
        except sqlite3.Error as exc:
            if result.path is not None:
                result.path.unlink(missing_ok=True)
            raise StorageError(f"پیام‌ها ثبت نشدند ({exc}). دوباره امتحان کنید؛ شماره‌ای مصرف نشد.") from exc
        return result
    except BaseException as exc:
        if owns_transaction:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
        else:
            db.execute("ROLLBACK TO message_batch")
            db.execute("RELEASE message_batch")
        if isinstance(exc, _Cancelled):
            return BatchResult(cancelled=True)
        raise


def _print(letters, settings, out: Path, *, duplex: bool, paper: str | None, progress: Progress | None, offset: int, total: int) -> Path:
    from prdesk.printing.messages import BatchCancelled, write_batch
    from prdesk.store.contacts_io import _write  # the one temp-file-then-rename helper of the app

    def step(done: int, _count: int) -> bool | None:
        return None if progress is None else progress(offset + done, total)

    def writer(temp: Path) -> int:
        try:
            write_batch(letters, settings, temp, paper=paper, duplex=duplex, progress=step)
        except BatchCancelled:
            raise _Cancelled from None
        return len(letters)

    if out.exists() and not out.is_file():
        raise ValidationError(f"«{out}» فایل نیست؛ نام فایل دیگری انتخاب کنید.", "out")
    _write(out, writer)
    return out


@dataclass
class SmsExport:
    """What the SMS export wrote: rows written, texts over the allowed parts, recipients left out."""

    written: int
    over_limit: int
    skipped: list[Recipient]


def export_sms(recipients: Sequence[Recipient], path: Path | str, *, max_parts: int = 2) -> SmsExport:
    """A CSV (UTF-8 with BOM) of mobile, recipient, text, parts and whether the text is over ``max_parts``."""
    from prdesk.store.contacts_io import _write

    rows, skipped = [], []
    for recipient in recipients:
        if not recipient.included:
            skipped.append(recipient)
        elif not clean(recipient.mobile):
            skipped.append(recipient)  # no mobile: left out of the file, still in the batch
        else:
            rows.append(recipient)
    if not rows:
        raise ValidationError("هیچ گیرنده‌ای با شمارهٔ همراه در فهرست نیست؛ فیلترها را تغییر دهید.")
    over = 0

    def writer(temp: Path) -> int:
        nonlocal over
        with open(temp, "w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(["mobile", "recipient", "text", "parts", "over_limit"])
            for r in rows:
                text = r.text.replace("\n", " ")
                parts = sms_parts(text)
                over += parts > max_parts
                out.writerow([r.mobile, r.name, text, parts, "بله" if parts > max_parts else ""])
        return len(rows)

    _write(Path(path), writer)
    return SmsExport(len(rows), over, skipped)


__all__ = ["BatchResult", "SmsExport", "export_sms", "generate_batch", "REASONS"]
