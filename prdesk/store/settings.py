"""The settings table: the office's letterhead, signatory, numbering, paper, backups, lunar correction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from prdesk.core.text import clean, phone_digits, to_ascii_digits
from prdesk.errors import ValidationError

if TYPE_CHECKING:
    from sqlite_utils import Database


def _text(value: str) -> str:
    return clean(value)


def _letter_number_pattern(value: str) -> str:
    from prdesk.core.letter_number import check_pattern  # the window reads settings before its first paint

    return check_pattern(value)


def _choice(*allowed: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = clean(value)
        if value not in allowed:
            raise ValidationError(f"مقدار «{value}» مجاز نیست؛ یکی از این‌ها را انتخاب کنید: {'، '.join(allowed)}.")
        return value

    return check


def _lunar_correction(value: str) -> str:
    text = to_ascii_digits(clean(str(value))).replace("+", "")
    if not re.fullmatch(r"-?\d+", text) or not -2 <= int(text) <= 2:
        raise ValidationError("اصلاح تاریخ قمری باید عددی از ۲- تا ۲+ روز باشد.")
    return str(int(text))


def _postal_code(value: str) -> str:
    text = re.sub(r"[\s-]", "", to_ascii_digits(clean(value)))
    if text and not re.fullmatch(r"\d{10}", text):
        raise ValidationError("کد پستی باید ده رقم باشد (مثلاً ۸۱۳۴۸۱۳۷۴۶).")
    return text


def _phone(value: str) -> str:
    digits = phone_digits(value)
    if digits and not 8 <= len(digits.lstrip("+")) <= 13:
        raise ValidationError("شمارهٔ تلفن باید با پیش‌شماره باشد (مثلاً ۰۳۱۳۲۲۲۴۴۵۵).")
    return digits


def _header_order(value: str) -> str:
    parts = [p.strip() for p in clean(value).split(",")]
    if sorted(parts) != ["attachment", "date", "number"]:
        raise ValidationError("ترتیب سربرگ باید هر سه سطر تاریخ، شماره و پیوست را یک بار داشته باشد.")
    return ",".join(parts)


@dataclass(frozen=True)
class Setting:
    """One setting: its key, default and the rule that checks and normalizes a typed value."""

    key: str
    default: str
    check: Callable[[str], str] = _text


SETTINGS: tuple[Setting, ...] = (
    Setting("org_name_line1", "جمهوری اسلامی ایران"),
    Setting("org_name_line2", "وزارت تعاون، کار و رفاه اجتماعی"),
    Setting("org_name_line3", "اداره کل تعاون، کار و رفاه اجتماعی استان"),
    Setting("org_province", ""),
    Setting("org_city", ""),
    Setting("org_address", ""),
    Setting("org_postal_code", "", _postal_code),
    Setting("org_phone", "", _phone),
    Setting("org_fax", "", _phone),
    Setting("org_website", ""),
    Setting("logo_path", ""),
    Setting("signatory_name", ""),
    Setting("signatory_position", "مدیرکل"),
    Setting("letter_number_pattern", "{seq}/ص/{yyyy}", _letter_number_pattern),
    Setting("letter_type_code", "ص"),
    Setting("letter_unit_code", ""),
    Setting("letter_header_order", "date,number,attachment", _header_order),
    Setting("paper_size", "A4", _choice("A4", "A5")),
    Setting("backup_folder", ""),
    Setting("lunar_correction", "0", _lunar_correction),
    Setting("ui_language", "fa", _choice("fa", "en")),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def get_settings(db: Database) -> dict[str, str]:
    """Every setting, stored value over default."""
    values = {s.key: s.default for s in SETTINGS}
    for row in db.execute("SELECT key, value FROM settings").fetchall():
        if row[0] in values:
            values[row[0]] = row[1]
    return values


def get_setting(db: Database, key: str) -> str:
    """One setting's value (the default when never saved)."""
    if key not in _BY_KEY:
        raise KeyError(key)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else _BY_KEY[key].default


def validate_settings(changes: dict[str, str]) -> dict[str, str]:
    """Checked and normalized values; raises ValidationError naming the first bad field."""
    result = {}
    for key, value in changes.items():
        if key not in _BY_KEY:
            raise ValidationError(f"تنظیم ناشناخته: {key}", field=key)
        try:
            result[key] = _BY_KEY[key].check("" if value is None else str(value))
        except ValidationError as exc:
            raise ValidationError(str(exc), field=key) from None
    return result


def update_settings(db: Database, changes: dict[str, str]) -> set[str]:
    """Validate all of ``changes`` and save them in one transaction; return the keys that changed."""
    checked = validate_settings(changes)
    current = get_settings(db)
    changed = {k for k, v in checked.items() if current[k] != v}
    if changed:
        with db.atomic():
            db["settings"].upsert_all(({"key": k, "value": checked[k]} for k in changed), pk="key")
    return changed
