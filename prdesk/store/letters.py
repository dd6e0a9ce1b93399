"""The outgoing register (دفتر اندیکاتور): gapless yearly serials, voiding, search, XLSX export."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from sqlite_utils import Database

from prdesk.core.jalali import format_jalali, jalali_parts, parse_jalali, today
from prdesk.core.letter_number import CopyRecipient, Letter, format_number
from prdesk.core.text import clean, compact_key, search_key, to_persian_digits
from prdesk.errors import NotFound, StorageError, ValidationError
from prdesk.store.outputs import write_replacing
from prdesk.store.settings import get_settings

STATUS_LABELS = {"issued": "صادره", "void": "باطل‌شده"}
PAPERS = ("A4", "A5")
_TEXT_FIELDS = (
    "recipient", "subject", "body", "reference_number", "attachments", "sent_via",
    "security", "urgency", "file_ref", "signer",
)
# The columns of the register as the clerk sees them: key, Persian header, XLSX width.
REGISTER_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("number", "شماره", 18),
    ("date", "تاریخ", 12),
    ("recipient", "گیرنده", 40),
    ("subject", "موضوع", 45),
    ("reference", "عطف", 22),
    ("attachments", "پیوست", 10),
    ("sent_via", "نحوهٔ ارسال", 12),
    ("security", "طبقه‌بندی", 12),
    ("urgency", "فوریت", 10),
    ("file_ref", "پرونده", 14),  # glossary-ok: the paper dossier of the letter
    ("signer", "امضاکننده", 22),
    ("copies", "رونوشت", 40),
    ("status", "وضعیت", 14),
)


@contextmanager
def _immediate(db: Database) -> Iterator[Database]:
    """One write transaction that takes the write lock at once (BEGIN IMMEDIATE).

    Reading the last serial and inserting the next one must not interleave with another writer:
    with a deferred BEGIN two windows could both read 41 and one of them fail on the unique index.
    Inside a caller's transaction this becomes a savepoint of it.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def as_date(value: object, field: str = "date") -> dt.date:
    """A date from a date, ISO text or Jalali text (Persian or ASCII digits); today when empty."""
    if value is None or value == "":
        return today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"(19|20|21)\d\d-\d\d-\d\d", text):
        return dt.date.fromisoformat(text)
    return parse_jalali(text, field)


def _copies_json(copies: object) -> str:
    items = []
    for copy in copies or ():
        if isinstance(copy, CopyRecipient):
            to, purpose = copy.to, copy.purpose
        elif isinstance(copy, Mapping):
            to, purpose = copy.get("to", ""), copy.get("purpose", "")
        else:
            to, purpose = str(copy), ""
        if clean(to):
            items.append({"to": clean(to), "purpose": clean(purpose)})
    return json.dumps(items, ensure_ascii=False)


def _copies_text(copies_json: str) -> str:
    return "\n".join(f"{c['to']} {c['purpose']}".strip() for c in json.loads(copies_json or "[]"))


def _keys(row: Mapping) -> tuple[str, str]:
    text = " ".join(
        str(row.get(k) or "")
        for k in ("number", "recipient", "subject", "reference_number", "file_ref", "signer", "sent_via")
    ) + " " + _copies_text(row.get("copies") or "[]")
    return search_key(text), compact_key(text)


def next_serial(db: Database, year: int) -> int:
    """The serial the next letter of Jalali ``year`` will get (a preview; nothing is reserved)."""
    row = db.execute("SELECT COALESCE(MAX(seq), 0) FROM letters WHERE year = ?", [year]).fetchone()
    return row[0] + 1


def register_letter(
    db: Database, letter_fields: Mapping | Letter, *, paper: str | None = None, preprinted: bool | None = None
) -> tuple[int, str]:
    """Enter a letter in the register and give it the next number of its Jalali year.

    ``letter_fields`` is a Letter or a mapping with ``date`` (a date, ISO text or Jalali text;
    today when absent) and any of recipient, subject, body, reference_number, reference_date,
    attachments, sent_via, security, urgency, file_ref, signer, signer_position, copies,
    organization_id, person_id, and how it was printed: paper ("A4" or "A5"; A4 when absent)
    and preprinted (letterhead paper). ``paper`` and ``preprinted`` given here win over the
    mapping's. The serial is read and the row written in one IMMEDIATE transaction, so numbers
    are unique and leave no gaps. Returns (id, number).
    """
    settings = get_settings(db)
    fields = _fields_of(letter_fields, settings)
    if paper is not None:
        fields["paper"] = paper
    if preprinted is not None:
        fields["preprinted"] = preprinted
    date = as_date(fields.get("date"))
    year = jalali_parts(date)[0]
    pattern = fields.get("pattern") or settings["letter_number_pattern"]
    row = {k: clean(fields.get(k)) for k in _TEXT_FIELDS}
    ref_date = fields.get("reference_date")
    signer_position = fields.get("signer_position")
    row.update(
        year=year,
        date=date.isoformat(),
        reference_date=as_date(ref_date, "reference_date").isoformat() if ref_date else None,
        copies=_copies_json(fields.get("copies")),
        organization_id=fields.get("organization_id"),
        person_id=fields.get("person_id"),
        status="issued",
        paper=_paper(fields.get("paper")),
        preprinted=1 if fields.get("preprinted") else 0,
        # None: not known (the reprint takes the settings' position); "" is a letter signed without one.
        signer_position=None if signer_position is None else clean(signer_position),
        created_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    )
    if not row["attachments"]:
        row["attachments"] = "ندارد"
    try:
        with _immediate(db):
            seq = next_serial(db, year)
            number = format_number(
                pattern,
                seq=seq,
                year=year,
                type_code=fields.get("type_code") or settings["letter_type_code"],
                unit=fields.get("unit") or settings["letter_unit_code"],
            )
            row.update(seq=seq, number=number)
            row["search_key"], row["compact_key"] = _keys(row)
            cursor = db.execute(
                f"INSERT INTO letters ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                list(row.values()),
            )
            return cursor.lastrowid, number
    except sqlite3.Error as exc:  # locked, disk full, read-only: the rollback gave nothing away
        raise StorageError(f"نامه در دفتر ثبت نشد ({exc}). دوباره امتحان کنید؛ شماره‌ای مصرف نشد.") from exc


def _paper(value: object) -> str:
    paper = clean(value).upper() if value else "A4"
    if paper not in PAPERS:
        raise ValidationError(f"اندازهٔ کاغذ «{paper}» پشتیبانی نمی‌شود؛ A4 یا A5 را انتخاب کنید.", field="paper")
    return paper


def _fields_of(value: Mapping | Letter, settings: Mapping[str, str]) -> dict:
    if not isinstance(value, Letter):
        return dict(value)
    # A Letter without a signer is printed with the settings' signatory: keep who that was today.
    return {
        "date": value.date,
        "recipient": value.recipient_summary(),
        "subject": value.subject,
        "body": value.body,
        "attachments": value.attachments,
        "security": value.security,
        "urgency": value.urgency,
        "signer": value.signer_name if value.signer_name is not None else settings.get("signatory_name", ""),
        "signer_position": value.signer_position if value.signer_position is not None
        else settings.get("signatory_position", ""),
        "copies": value.copies,
    }


def get_letter(db: Database, letter_id: int) -> dict:
    """One register row (copies as a list of {"to", "purpose"})."""
    row = db.execute("SELECT * FROM letters WHERE id = ?", [letter_id]).fetchone()
    if row is None:
        raise NotFound("این نامه در دفتر اندیکاتور نیست؛ شاید پایگاه داده عوض شده است. فهرست را به‌روز کنید.")
    names = [d[0] for d in db.execute("SELECT * FROM letters LIMIT 0").description]
    result = dict(zip(names, row))
    result["copies"] = json.loads(result["copies"] or "[]")
    return result


def void_letter(db: Database, letter_id: int, reason: str) -> dict:
    """Mark a letter void, keeping its row and number (a voided number is never given again)."""
    reason = clean(reason)
    if not reason:
        raise ValidationError("دلیل ابطال نامه را بنویسید؛ شمارهٔ باطل‌شده با همین دلیل در دفتر می‌ماند.", field="reason")
    with _immediate(db):
        letter = get_letter(db, letter_id)
        if letter["status"] == "void":
            raise ValidationError(f"نامهٔ شمارهٔ {to_persian_digits(letter['number'])} پیش‌تر باطل شده است.")
        db.execute(
            "UPDATE letters SET status = 'void', void_reason = ?, voided_at = ? WHERE id = ?",
            [reason, dt.datetime.now().astimezone().isoformat(timespec="seconds"), letter_id],
        )
    return get_letter(db, letter_id)


def _where(text: str, year: int | None, status: str | None, date_from: object, date_to: object) -> tuple[str, list]:
    clauses, params = [], []
    key = search_key(text)
    if key:
        words = key.split(" ")
        word_clause = " AND ".join("search_key LIKE ?" for _ in words)
        clauses.append(f"(({word_clause}) OR compact_key LIKE ?)")
        params += [f"%{w}%" for w in words] + [f"%{compact_key(text)}%"]
    if year is not None:
        clauses.append("year = ?")
        params.append(int(year))
    if status:
        clauses.append("status = ?")
        params.append(status)
    if date_from:
        clauses.append("date >= ?")
        params.append(as_date(date_from, "date_from").isoformat())
    if date_to:
        clauses.append("date <= ?")
        params.append(as_date(date_to, "date_to").isoformat())
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def search_register(
    db: Database,
    text: str = "",
    *,
    year: int | None = None,
    status: str | None = None,
    date_from: object = None,
    date_to: object = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict]:
    """Register rows matching ``text`` (number, recipient, subject, signer, copies…), newest first.

    Every word of ``text`` must occur, through the one search normalizer: «۱۲۳۴» finds 1234,
    «كاشان» finds «کاشان», «علی رضا» finds «علیرضا».
    """
    where, params = _where(text, year, status, date_from, date_to)
    sql = f"SELECT * FROM letters{where} ORDER BY year DESC, seq DESC"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        row["copies"] = json.loads(row["copies"] or "[]")
        rows.append(row)
    return rows


def count_register(db: Database, text: str = "", **filters) -> int:
    """How many register rows :func:`search_register` would return without a limit."""
    where, params = _where(text, filters.get("year"), filters.get("status"), filters.get("date_from"), filters.get("date_to"))
    return db.execute(f"SELECT count(*) FROM letters{where}", params).fetchone()[0]


def display_row(row: Mapping) -> dict[str, str]:
    """A register row as the clerk reads it: Jalali dates, Persian digits, Persian status."""
    reference = row.get("reference_number") or ""
    if row.get("reference_date"):
        reference = f"{reference} مورخ {format_jalali(dt.date.fromisoformat(row['reference_date']))}".strip()
    copies = row.get("copies") or []
    if isinstance(copies, str):
        copies = json.loads(copies)
    status = STATUS_LABELS.get(row.get("status", ""), row.get("status", ""))
    if row.get("status") == "void" and row.get("void_reason"):
        status = f"{status} ({row['void_reason']})"
    return {
        "number": to_persian_digits(row["number"]),
        "date": format_jalali(dt.date.fromisoformat(row["date"])),
        "recipient": row.get("recipient") or "",
        "subject": row.get("subject") or "",
        "reference": to_persian_digits(reference),
        "attachments": to_persian_digits(row.get("attachments") or ""),
        "sent_via": row.get("sent_via") or "",
        "security": row.get("security") or "",
        "urgency": row.get("urgency") or "",
        "file_ref": to_persian_digits(row.get("file_ref") or ""),
        "signer": row.get("signer") or "",
        "copies": "\n".join(f"{c['to']} {c.get('purpose', '')}".strip() for c in copies),
        "status": status,
    }


def export_register_xlsx(db: Database, path: Path | str, text: str = "", **filters) -> int:
    """Write the matching register rows to an XLSX file with a right-to-left sheet; return the row count."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = search_register(db, text, **filters)
    rows.reverse()  # oldest first, as the paper register reads
    book = Workbook()
    sheet = book.active
    sheet.title = "دفتر اندیکاتور"
    sheet.sheet_view.rightToLeft = True
    sheet.append([header for _, header, _ in REGISTER_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    wrap = Alignment(wrap_text=True, vertical="top", horizontal="right")
    for row in rows:
        shown = display_row(row)
        sheet.append([shown[key] for key, _, _ in REGISTER_COLUMNS])
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    for index, (_, _, width) in enumerate(REGISTER_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    write_replacing(path, lambda target: book.save(str(target)))
    return len(rows)


def letter_from_row(row: Mapping, body: str | None = None) -> Letter:
    """A Letter to reprint a register row (the recipient as typed lines, the signer as registered).

    Print it with :func:`print_options` of the same row, so it comes out on the paper it went on.
    """
    copies = row.get("copies") or []
    if isinstance(copies, str):
        copies = json.loads(copies)
    return Letter(
        body=row.get("body", "") if body is None else body,
        subject=row.get("subject", ""),
        number=row["number"],
        date=dt.date.fromisoformat(row["date"]),
        attachments=row.get("attachments") or "ندارد",
        security=row.get("security", ""),
        urgency=row.get("urgency", ""),
        recipient="\n".join((row.get("recipient") or "").split(" - ")),
        signer_name=row.get("signer") or None,
        signer_position=row.get("signer_position"),
        copies=[CopyRecipient(c["to"], c.get("purpose", "")) for c in copies],
    )


def print_options(row: Mapping) -> dict:
    """How a register row was printed, as render_letter takes it: ``{"paper": "A5", "preprinted": False}``."""
    paper = row.get("paper") or "A4"
    return {"paper": paper if paper in PAPERS else "A4", "preprinted": bool(row.get("preprinted"))}


def years(db: Database) -> Sequence[int]:
    """The Jalali years the register has letters in, newest first."""
    return [r[0] for r in db.execute("SELECT DISTINCT year FROM letters ORDER BY year DESC").fetchall()]
