"""Reading and checking what the clerk typed into the calendar's forms (dates, times, choices, people)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Mapping

from sqlite_utils import Database

from prdesk.core.calendars import parse_any_date
from prdesk.core.text import clean, to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.store.settings import get_setting

MAX_REMINDER_DAYS = 365
_TIME = re.compile(r"^(\d{1,2})(?:[:.\u066b](\d{1,2}))?$")


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def lunar_correction(db: Database) -> int:
    """The lunar-date correction setting, in days."""
    return int(get_setting(db, "lunar_correction"))


def _date(value, field: str, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or not clean(str(value)):
        raise ValidationError(f"{what} را بنویسید (مثلاً ۱۴۰۵/۰۲/۲۷).", field)
    return parse_any_date(str(value), field)


def _time(value, field: str, what: str) -> str:
    """``HH:MM`` from 9, 9:30, ۰۹:۳۰ or 9.30; "" for an empty value."""
    text = to_ascii_digits(clean("" if value is None else str(value)))
    if not text:
        return ""
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour <= 23 and minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    raise ValidationError(f"{what} «{to_persian_digits(text)}» درست نیست؛ ساعت را به شکل ۱۰:۳۰ بنویسید.", field)


def _choice(value, allowed: Mapping[str, str], field: str, what: str, default: str) -> str:
    value = clean(value) if value is not None else default
    value = value or default
    if value in allowed:
        return value
    # The dialog may hand back the Persian name of the choice.
    for key, name in allowed.items():
        if name == value:
            return key
    raise ValidationError(f"{what} «{value}» شناخته نیست؛ یکی از این‌ها را انتخاب کنید: {'، '.join(allowed.values())}.", field)


def _flag(value) -> bool:
    """A yes/no value from a check box, a file or the command line ("0", "false", "خیر" are no)."""
    if isinstance(value, str):
        return clean(value).casefold() not in ("", "0", "false", "no", "خیر", "نه")
    return bool(value)


def _reminder(value) -> int | None:
    if value is None or (isinstance(value, str) and not clean(value)):
        return None
    text = to_ascii_digits(clean(str(value)))
    if not text.isdigit() or int(text) > MAX_REMINDER_DAYS:
        raise ValidationError(
            f"یادآوری باید عددی از ۰ تا {to_persian_digits(MAX_REMINDER_DAYS)} روز پیش از مراسم باشد.", "reminder_days"
        )
    return int(text)


def _person_id(value) -> int | None:
    if value in (None, "", 0):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError("مسئول مراسم را از مخاطبان انتخاب کنید.", "responsible_person_id") from None


def _check_people(db: Database, person_ids: Iterable[int], field: str) -> None:
    ids = sorted(set(person_ids))
    if not ids:
        return
    found = {r[0] for r in db.execute(f"SELECT id FROM people WHERE id IN ({','.join('?' * len(ids))})", ids)}
    if set(ids) - found:
        what = "مسئول مراسم" if field == "responsible_person_id" else "یکی از مدعوین"
        raise ValidationError(f"{what} در مخاطبان پیدا نشد (شاید حذف شده است)؛ دوباره انتخاب کنید.", field)


def _invitee_ids(value) -> list[int]:
    try:
        return sorted({int(v) for v in (value or ())})
    except (TypeError, ValueError):
        raise ValidationError("مدعوین را از مخاطبان انتخاب کنید.", "invitees") from None



def _rows(db: Database, sql: str, params: Iterable = ()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]

