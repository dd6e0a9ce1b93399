"""Outgoing letters as data: the Letter record and letter numbers made from a pattern.

A pattern holds tokens ``{seq}`` (the register's serial), ``{type}`` (ص outgoing, و incoming,
د internal), ``{unit}``, ``{yy}`` and ``{yyyy}`` (the Jalali year); ``{seq:4}`` pads the serial
to four digits. Numbers are stored with ASCII digits and shown with Persian digits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from prdesk.core.text import clean, to_ascii_digits
from prdesk.errors import ValidationError

TOKENS = ("seq", "type", "unit", "yy", "yyyy")
DEFAULT_PATTERN = "{seq}/ص/{yyyy}"
_TOKEN = re.compile(r"\{(\w+)(?::(\d+))?\}")
# Where a number is cut into the parts drawn one by one: slashes, hyphens and backslashes.
_SEPARATOR = re.compile(r"\s*([/\\\-\u2044\u2215])\s*")

SALUTATIONS = ("جناب آقای", "سرکار خانم")
SECURITY_CLASSES = ("عادی", "محرمانه", "خیلی محرمانه")
URGENCIES = ("عادی", "فوری", "آنی")
COPY_PURPOSES = ("جهت استحضار", "جهت اطلاع", "جهت اقدام")


def check_pattern(pattern: str) -> str:
    """The pattern, trimmed; raises ValidationError when it lacks {seq} or has an unknown token."""
    text = clean(pattern)
    names = [m.group(1) for m in _TOKEN.finditer(text)]
    if "seq" not in names:
        raise ValidationError("الگوی شمارهٔ نامه باید {seq} (شمارهٔ ترتیبی) را داشته باشد؛ مثلاً {seq}/ص/{yyyy}.")
    unknown = sorted(set(names) - set(TOKENS))
    if unknown:
        raise ValidationError(
            "الگوی شمارهٔ نامه نشانهٔ ناشناخته دارد: "
            + "، ".join("{" + u + "}" for u in unknown)
            + ". نشانه‌های مجاز: {seq} {type} {unit} {yy} {yyyy}."
        )
    return text


def format_number(pattern: str, *, seq: int, year: int, type_code: str = "ص", unit: str = "") -> str:
    """The letter number for serial ``seq`` in Jalali ``year`` (ASCII digits, logical order).

    >>> format_number("{seq}/ص/{yyyy}", seq=1234, year=1405)
    '1234/ص/1405'
    >>> format_number("{unit}/{seq:5}", seq=678, year=1405, unit="120")
    '120/00678'
    """
    pattern = check_pattern(pattern)
    values = {
        "seq": str(seq),
        "type": clean(type_code),
        "unit": to_ascii_digits(clean(unit)),
        "yy": f"{year % 100:02d}",
        "yyyy": str(year),
    }

    def fill(match: re.Match) -> str:
        value = values[match.group(1)]
        width = match.group(2)
        return value.zfill(int(width)) if width and value.isdigit() else value

    return _TOKEN.sub(fill, pattern)


def number_parts(number: str) -> list[str]:
    """A letter number cut into its parts and separators, in reading order.

    ``"1234/ص/1405"`` gives ``["1234", "/", "ص", "/", "1405"]``. The letter draws these one by
    one from right to left, so the first part is always rightmost whatever the bidi algorithm would
    make of digits, letters and slashes side by side.
    """
    text = clean(number)
    if not text:
        return []
    return [p for p in _SEPARATOR.split(text) if p != ""]


@dataclass
class CopyRecipient:
    """One رونوشت line: who receives a copy and why."""

    to: str
    purpose: str = "جهت استحضار"


@dataclass
class Letter:
    """An outgoing letter as the printed page needs it (no Qt, no database)."""

    body: str
    subject: str = ""
    number: str = ""
    date: dt.date | None = None
    attachments: str = "ندارد"
    security: str = ""
    urgency: str = ""
    salutation: str = ""  # جناب آقای / سرکار خانم
    recipient_title: str = ""  # دکتر، مهندس …
    recipient_name: str = ""
    recipient_position: str = ""
    recipient_organization: str = ""
    recipient: str = ""  # typed heading lines, used when no structured recipient is given
    greeting: str = "با سلام و احترام"
    closing: str = ""
    signer_name: str | None = None  # None: the signatory from the settings
    signer_position: str | None = None
    signature_image: str | None = None
    copies: list[CopyRecipient] = field(default_factory=list)

    def heading_lines(self) -> list[str]:
        """The recipient lines: «جناب آقای دکتر …» then «مدیرعامل محترم …»."""
        lines = []
        person = " ".join(p for p in (clean(self.salutation), clean(self.recipient_title), clean(self.recipient_name)) if p)
        if clean(self.recipient_name) and person:
            lines.append(person)
        position, org = clean(self.recipient_position), clean(self.recipient_organization)
        if position:
            lines.append(f"{position} محترم {org}".strip())
        elif org:
            lines.append(org)
        if not lines and clean(self.recipient):
            lines = [clean(line) for line in self.recipient.splitlines() if clean(line)]
        return lines

    def recipient_summary(self) -> str:
        """The recipient on one line, for the register."""
        return " - ".join(self.heading_lines())
