"""Message templates (الگو): the Persian placeholders, filling them, and what is missing before printing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from prdesk.core.text import clean, to_persian_digits

# Placeholder → what it stands for (shown in the templates dialog).
PLACEHOLDERS: dict[str, str] = {
    "عنوان": "عنوان خطاب گیرنده (جناب آقای دکتر، سرکار خانم، حجت‌الاسلام والمسلمین …)",
    "نام": "نام گیرنده",
    "نام_خانوادگی": "نام خانوادگی گیرنده",
    "نام_کامل": "نام و نام خانوادگی گیرنده",
    "سمت": "سمت گیرنده",
    "سازمان": "سازمان گیرنده",
    "مناسبت": "عنوان مناسبت",
    "تاریخ": "تاریخ پیام (خورشیدی)",
    "متوفی": "نام درگذشته",
    "مرحوم": "مرحوم یا مرحومه، بنا بر جنسیت درگذشته",
    "نسبت": "نسبت درگذشته با گیرنده (پدر، مادر، همسر …)",
    "امضاکننده": "نام امضاکنندهٔ نامه",
    "سمت_امضاکننده": "سمت امضاکنندهٔ نامه",
}
KINDS: dict[str, str] = {
    "greeting": "تبریک", "condolence": "تسلیت", "appreciation": "تقدیر",
    "invitation": "دعوت", "thanks": "تشکر", "introduction": "معارفه",
}
CHANNELS: dict[str, str] = {
    "letter": "نامه", "card": "کارت", "sms": "پیامک", "phone": "تلفن", "in-person": "حضوری", "messenger": "پیام‌رسان",
}
STATUSES: dict[str, str] = {"draft": "پیش‌نویس", "sent": "ارسال‌شده"}
RELATIONS: tuple[str, ...] = (
    "پدر", "مادر", "همسر", "فرزند", "برادر", "خواهر", "پدربزرگ", "مادربزرگ", "پدرهمسر", "مادرهمسر", "عمو", "دایی", "عمه", "خاله",
)
# {نام}, {نام_خانوادگی}, { سمت } — a placeholder is a run of letters, ZWNJ and underscores in braces.
_PLACEHOLDER = re.compile(r"\{\s*([^{}\s]+(?:[ \u200c][^{}\s]+)*)\s*\}")
SMS_SINGLE, SMS_PART = 70, 67  # UCS-2: one message holds 70 characters, each part of a longer one 67


def placeholders_in(text: str) -> list[str]:
    """The placeholders of ``text`` in order of first appearance (spaces inside a name read as «_»)."""
    seen: list[str] = []
    for match in _PLACEHOLDER.finditer(text or ""):
        name = _name(match.group(1))
        if name not in seen:
            seen.append(name)
    return seen


def _name(raw: str) -> str:
    return clean(raw).replace(" ", "_").replace("\u200c", "_") if clean(raw) not in PLACEHOLDERS else clean(raw)


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders of ``text`` that the engine does not know (a typo such as {نام‌خانوادگی})."""
    return [name for name in placeholders_in(text) if name not in PLACEHOLDERS]


@dataclass
class Rendered:
    """A filled template: the text, and what could not be filled (nothing may be printed while either is set)."""

    text: str
    unknown: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unknown and not self.missing

    def problem(self) -> str:
        """One Persian sentence naming what is wrong, '' when nothing is."""
        parts = []
        if self.unknown:
            parts.append("جای‌نگهدار ناشناخته: " + "، ".join("{" + n + "}" for n in self.unknown))
        if self.missing:
            parts.append("بدون مقدار برای این گیرنده: " + "، ".join("{" + n + "}" for n in self.missing))
        return "؛ ".join(parts)


def render(text: str, values: Mapping[str, object]) -> Rendered:
    """Fill the placeholders of ``text`` from ``values`` (keyed by placeholder name; digits shown Persian).

    An unknown placeholder, or a known one with no value, is left as typed and reported.
    """
    unknown: list[str] = []
    missing: list[str] = []

    def fill(match: re.Match) -> str:
        name = _name(match.group(1))
        if name not in PLACEHOLDERS:
            if name not in unknown:
                unknown.append(name)
            return match.group(0)
        value = clean(str(values.get(name) or ""))
        if not value:
            if name not in missing:
                missing.append(name)
            return match.group(0)
        return to_persian_digits(value)

    filled = _PLACEHOLDER.sub(fill, text or "")
    # Two spaces left where an optional word sat, and a space before Persian punctuation, read badly.
    filled = re.sub(r"[ \t]{2,}", " ", filled)
    filled = re.sub(r" ([،؛.:!؟])", r"\1", filled)
    return Rendered(filled.strip(), unknown, missing)


def sms_parts(text: str) -> int:
    """How many SMS parts a Persian text takes: 70 characters in one, 67 per part when longer."""
    length = len((text or "").encode("utf-16-le")) // 2
    if length <= SMS_SINGLE:
        return 1 if length else 0
    return -(-length // SMS_PART)


def check_template_text(title: str, body: str) -> tuple[str, str]:
    """(title, body) cleaned; raises ValidationError when either is empty or the body has an unknown placeholder."""
    from prdesk.errors import ValidationError

    title, body = clean(title), (body or "").replace("\r\n", "\n").strip()
    if not title:
        raise ValidationError("عنوان الگو را بنویسید.", "title")
    if not body:
        raise ValidationError("متن الگو را بنویسید.", "body")
    unknown = unknown_placeholders(body)
    if unknown:
        raise ValidationError(
            "این جای‌نگهدارها شناخته نشد: " + "، ".join("{" + n + "}" for n in unknown)
            + ". جای‌نگهدارهای مجاز: " + " ".join("{" + n + "}" for n in PLACEHOLDERS) + ".",
            "body",
        )
    return title, body
