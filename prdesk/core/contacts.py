"""Contacts as the office sees them: provinces, lookup lists, validation rules, column definitions."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from prdesk.core.jalali import format_jalali, format_jalali_iso, parse_jalali
from prdesk.core.text import clean, compact_key, search_key, to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError

# The 31 provinces with their centre first and the other main cities after it.
PROVINCES: dict[str, tuple[str, ...]] = {
    "آذربایجان شرقی": ("تبریز", "مراغه", "مرند", "میانه", "اهر", "بناب", "سراب", "شبستر", "عجب‌شیر", "آذرشهر", "هشترود", "جلفا"),
    "آذربایجان غربی": ("ارومیه", "خوی", "مهاباد", "میاندوآب", "بوکان", "سلماس", "نقده", "پیرانشهر", "سردشت", "ماکو", "تکاب", "اشنویه"),
    "اردبیل": ("اردبیل", "پارس‌آباد", "مشگین‌شهر", "خلخال", "گرمی", "بیله‌سوار", "نمین", "نیر"),
    "اصفهان": (
        "اصفهان", "کاشان", "خمینی‌شهر", "نجف‌آباد", "شاهین‌شهر", "شهرضا", "فولادشهر", "مبارکه", "آران و بیدگل",
        "گلپایگان", "زرین‌شهر", "نطنز", "اردستان", "نائین", "خوانسار", "داران", "سمیرم", "فلاورجان", "دولت‌آباد",
    ),
    "البرز": ("کرج", "فردیس", "نظرآباد", "هشتگرد", "محمدشهر", "اشتهارد", "طالقان", "کمال‌شهر"),
    "ایلام": ("ایلام", "دهلران", "ایوان", "آبدانان", "دره‌شهر", "مهران", "سرابله"),
    "بوشهر": ("بوشهر", "برازجان", "گناوه", "خورموج", "کنگان", "دیلم", "جم", "عسلویه"),
    "تهران": ("تهران", "اسلامشهر", "شهریار", "قدس", "ملارد", "پاکدشت", "ورامین", "قرچک", "رباط‌کریم", "پردیس", "دماوند", "فیروزکوه"),
    "چهارمحال و بختیاری": ("شهرکرد", "بروجن", "فارسان", "لردگان", "فرخ‌شهر", "هفشجان", "سامان"),
    "خراسان جنوبی": ("بیرجند", "قائن", "طبس", "فردوس", "نهبندان", "سربیشه", "بشرویه"),
    "خراسان رضوی": ("مشهد", "نیشابور", "سبزوار", "تربت حیدریه", "قوچان", "کاشمر", "تربت جام", "گناباد", "چناران", "فریمان", "سرخس", "تایباد"),
    "خراسان شمالی": ("بجنورد", "شیروان", "اسفراین", "آشخانه", "جاجرم", "فاروج"),
    "خوزستان": (
        "اهواز", "دزفول", "آبادان", "بندر ماهشهر", "اندیمشک", "خرمشهر", "بهبهان", "ایذه", "شوشتر", "مسجدسلیمان",
        "شوش", "رامهرمز", "بندر امام خمینی",
    ),
    "زنجان": ("زنجان", "ابهر", "خرمدره", "قیدار", "ماهنشان", "آب‌بر", "سلطانیه"),
    "سمنان": ("سمنان", "شاهرود", "دامغان", "گرمسار", "مهدی‌شهر", "ایوانکی"),
    "سیستان و بلوچستان": ("زاهدان", "زابل", "چابهار", "ایرانشهر", "خاش", "سراوان", "نیک‌شهر", "کنارک"),
    "فارس": ("شیراز", "مرودشت", "جهرم", "فسا", "کازرون", "داراب", "لار", "آباده", "فیروزآباد", "نی‌ریز", "اقلید", "استهبان", "لامرد"),
    "قزوین": ("قزوین", "تاکستان", "آبیک", "بوئین‌زهرا", "محمدیه", "الوند", "اقبالیه"),
    "قم": ("قم", "جعفریه", "کهک", "قنوات"),
    "کردستان": ("سنندج", "سقز", "مریوان", "بانه", "بیجار", "قروه", "کامیاران", "دیواندره"),
    "کرمان": ("کرمان", "سیرجان", "رفسنجان", "جیرفت", "بم", "زرند", "کهنوج", "شهربابک", "بافت", "راور"),
    "کرمانشاه": ("کرمانشاه", "اسلام‌آباد غرب", "کنگاور", "هرسین", "صحنه", "سنقر", "جوانرود", "پاوه", "قصر شیرین", "سرپل ذهاب"),
    "کهگیلویه و بویراحمد": ("یاسوج", "دوگنبدان", "دهدشت", "سی‌سخت", "لیکک"),
    "گلستان": ("گرگان", "گنبد کاووس", "علی‌آباد کتول", "بندر ترکمن", "آزادشهر", "کردکوی", "مینودشت", "آق‌قلا"),
    "گیلان": ("رشت", "بندر انزلی", "لاهیجان", "لنگرود", "هشتپر", "آستارا", "رودسر", "صومعه‌سرا", "فومن", "آستانه اشرفیه"),
    "لرستان": ("خرم‌آباد", "بروجرد", "دورود", "الیگودرز", "کوهدشت", "ازنا", "نورآباد", "پلدختر"),
    "مازندران": ("ساری", "بابل", "آمل", "قائم‌شهر", "بهشهر", "چالوس", "تنکابن", "نوشهر", "بابلسر", "رامسر", "نکا", "محمودآباد"),
    "مرکزی": ("اراک", "ساوه", "خمین", "محلات", "دلیجان", "تفرش", "شازند", "آشتیان"),
    "هرمزگان": ("بندرعباس", "میناب", "قشم", "کیش", "بندر لنگه", "جاسک", "حاجی‌آباد", "دهبارز"),
    "همدان": ("همدان", "ملایر", "نهاوند", "تویسرکان", "اسدآباد", "کبودرآهنگ", "بهار", "رزن"),
    "یزد": ("یزد", "میبد", "اردکان", "بافق", "مهریز", "ابرکوه", "تفت", "اشکذر", "زارچ"),
}
# The lookup tables below are keyed by compact_key and built on first use: normalizing a thousand
# names and header words at import would cost every start of the program milliseconds.


@functools.cache
def _province_by_key() -> dict[str, str]:
    found = {compact_key(name): name for name in PROVINCES}
    # Short forms people write in sheets («آذربایجان‌شرقی» is caught by compact_key already).
    found.update({
        compact_key("خراسان"): "خراسان رضوی",
        compact_key("چهارمحال"): "چهارمحال و بختیاری",
        compact_key("کهگیلویه"): "کهگیلویه و بویراحمد",
        compact_key("سیستان"): "سیستان و بلوچستان",
        compact_key("آذربایجان شرق"): "آذربایجان شرقی",
        compact_key("آذربایجان غرب"): "آذربایجان غربی",
    })
    return found


@functools.cache
def _province_of_city() -> dict[str, str]:
    return {compact_key(city): province for province, cities in PROVINCES.items() for city in cities}


DEFAULT_KINDS: tuple[str, ...] = (
    "اتحادیه", "شرکت تعاونی", "بانک", "وزارتخانه", "مؤسسه مالی و اعتباری", "اداره دولتی", "رسانه", "سایر",
)
DEFAULT_ACTIVITIES: tuple[str, ...] = (
    "مصرف", "مسکن", "کشاورزی", "تولیدی", "خدماتی", "اعتبار", "حمل و نقل", "توزیعی", "صنایع دستی", "فرش دستباف",
    "معدنی", "عشایری", "آب‌بران", "تأمین نیاز تولیدکنندگان", "تأمین نیاز مصرف‌کنندگان", "بهره‌برداری", "صنفی",
)
HONORIFICS: dict[str, str] = {"آقای": "male", "خانم": "female"}
_HONORIFIC_FORMS = {
    compact_key(form): honorific
    for honorific, forms in {
        "آقای": ("آقای", "آقا", "جناب آقای", "جناب", "mr", "mr."),
        "خانم": ("خانم", "سرکار خانم", "سرکار", "بانو", "mrs", "ms", "mrs.", "ms."),
    }.items()
    for form in forms
}
TITLES: tuple[str, ...] = (
    "دکتر", "مهندس", "حجت‌الاسلام والمسلمین", "حجت‌الاسلام", "آیت‌الله", "استاد", "سردار", "امیر", "سرهنگ", "حاج", "حاجیه",
)
GENDERS: dict[str, str] = {"male": "مرد", "female": "زن", "": ""}
_GENDER_FORMS = {
    **{compact_key(k): "male" for k in ("male", "m", "مرد", "مذکر", "آقا", "آقای")},
    **{compact_key(k): "female" for k in ("female", "f", "زن", "مونث", "مؤنث", "خانم")},
}
POSITIONS: tuple[str, ...] = (
    "مدیرعامل", "رئیس هیئت مدیره", "نایب رئیس هیئت مدیره", "عضو هیئت مدیره", "منشی هیئت مدیره", "بازرس", "رئیس",
    "نایب رئیس", "دبیر", "خزانه‌دار", "مدیرکل", "معاون", "مدیر", "رئیس اداره", "مسئول روابط عمومی", "کارشناس",
    "سردبیر", "خبرنگار", "رئیس شعبه", "مدیر شعب استان",
)
PHONE_LABELS: tuple[str, ...] = ("دفتر", "مدیرعامل", "روابط عمومی", "دبیرخانه", "تلفن گویا", "همراه")
DATE_KINDS: dict[str, str] = {"yearly": "هر سال", "once": "یک بار"}
DATE_LABELS: tuple[str, ...] = ("سالگرد درگذشت", "سالروز ازدواج", "سالروز انتصاب")

_TRUE_WORDS = {compact_key(w) for w in ("بله", "بلی", "آری", "هست", "همکار", "از کارکنان", "دارد", "yes", "y", "true", "1", "x", "✓", "✔", "*")}  # glossary-ok: words a clerk's file may hold
_FALSE_WORDS = {compact_key(w) for w in ("", "خیر", "نه", "نیست", "ندارد", "no", "n", "false", "0", "-")}
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-']+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$")
# What Excel does to numbers: «9123456789.0», «9.123456789E+09».
_EXCEL_FLOAT = re.compile(r"^(\d+)\.0+$")
_EXCEL_EXP = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")


# ---------------------------------------------------------------- small normalizers


def sort_key(text: str | None) -> str:
    """A key whose plain (binary) order is Persian alphabetical order.

    Unicode puts پ چ ژ ک گ ی after ن and ه before و; each such letter becomes the letter it
    follows plus a high code point, so SQLite's default collation and an index sort correctly.
    """
    # آ opens the alphabet before ا, but search_key folds it into ا; keep it apart first.
    return search_key(clean(text).replace("آ", "ا\x01")).translate(_SORT_TABLE)


_HIGH = "\U0010ffff"
_SORT_TABLE = str.maketrans({
    "پ": "ب" + _HIGH, "چ": "ج" + _HIGH, "ژ": "ز" + _HIGH, "ک": "ق" + _HIGH, "گ": "ق" + _HIGH * 2,
    "ه": "و" + _HIGH, "ی": "و" + _HIGH * 2,
})
# The same mapping for text that has no stored sort key, applied inside SQL with replace().
SORT_REPLACEMENTS: tuple[tuple[str, str], ...] = (("آ", "ا\x01"),) + tuple((chr(k), v) for k, v in _SORT_TABLE.items())


def plain_number(value: object) -> str:
    """Digits as typed or as Excel stored them: Persian digits, «9123456789.0», 9123456789 (a float)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = to_ascii_digits(clean(value if value.__class__ is str else str(value)))
    if text.isdigit():
        return text
    excel_float = _EXCEL_FLOAT.match(text)
    if excel_float:
        return excel_float.group(1)
    if _EXCEL_EXP.match(text):
        number = float(text)
        # Only an exponent that kept every digit is trustworthy; «9.12346E+09» lost four.
        if number.is_integer() and len(text.split("e")[0].split("E")[0].replace(".", "")) >= len(str(int(number))):
            return str(int(number))
    return text


_NUMBER_SEPARATORS = re.compile(r"[\s\-–.()/\u200c\u200e\u200f]")
_MOBILE = re.compile(r"09\d{9}")
_LANDLINE = re.compile(r"0\d{10}")
_NO_AREA_CODE = re.compile(r"\d{8}")
_ABROAD = re.compile(r"\d{7,15}")
_POSTAL_CODE = re.compile(r"\d{10}")


def _digits_of(value: object) -> str:
    if value is None or value == "":
        return ""
    text = plain_number(value)
    return text if text.isdigit() else _NUMBER_SEPARATORS.sub("", text)


def _quoted(value: object) -> str:
    """A refused value as the message quotes it back: cleaned, in Persian digits."""
    return to_persian_digits(clean(str(value)))


def _without_iran_code(text: str) -> str | None:
    """``text`` with Iran's country code (+98, 0098, 98) made the leading zero; None when it has no such code."""
    if text.startswith("+98"):
        return "0" + text[3:]
    if text.startswith("0098"):
        return "0" + text[4:]
    if text.startswith("98") and len(text) == 12:
        return "0" + text[2:]
    return None


def normalize_mobile(value: object, field: str = "mobile") -> str:
    """A mobile number as stored, ``09xxxxxxxxx``; accepts +98, 0098, 98 and a dropped leading zero."""
    text = _digits_of(value)
    if not text:
        return ""
    if _EXCEL_EXP.match(text) or "e+" in text or "E+" in text:
        raise ValidationError(
            "شمارهٔ همراه در فایل به شکل عدد علمی (مثل 9.12E+09) ذخیره شده و رقم‌هایش از دست رفته است؛ "
            "ستون را در اکسل «متن» کنید و دوباره ذخیره کنید.",
            field,
        )
    national = _without_iran_code(text)
    if national is not None:
        text = national
    elif text.startswith("9") and len(text) == 10:
        text = "0" + text
    if not _MOBILE.fullmatch(text):
        raise ValidationError(
            f"شمارهٔ همراه «{_quoted(value)}» درست نیست؛ "
            "شمارهٔ همراه یازده رقم است و با ۰۹ شروع می‌شود، مثلاً ۰۹۱۲۳۴۵۶۷۸۹.",
            field,
        )
    return text


def normalize_phone(value: object, field: str = "phone") -> str:
    """A landline as stored: 11 ASCII digits with the area code (``03132224455``); +98 and a dropped zero accepted."""
    text = _digits_of(value)
    if not text:
        return ""
    national = _without_iran_code(text)
    if national is not None:
        text = national
    elif text.startswith("+") or text.startswith("00"):
        # A number abroad: kept with its country code.
        digits = text.lstrip("+0")
        if _ABROAD.fullmatch(digits):
            return "+" + digits
    elif len(text) == 10 and text[0] != "0":
        # Excel drops the leading zero of a number column.
        text = "0" + text
    if _NO_AREA_CODE.fullmatch(text):
        raise ValidationError(
            f"شمارهٔ تلفن «{_quoted(value)}» پیش‌شماره ندارد؛ "
            "آن را با پیش‌شمارهٔ شهر بنویسید، مثلاً ۰۳۱۳۲۲۲۴۴۵۵.",
            field,
        )
    if not _LANDLINE.fullmatch(text):
        raise ValidationError(
            f"شمارهٔ تلفن «{_quoted(value)}» درست نیست؛ "
            "تلفن ثابت با پیش‌شماره یازده رقم است، مثلاً ۰۳۱۳۲۲۲۴۴۵۵.",
            field,
        )
    return text


def normalize_postal_code(value: object, field: str = "postal_code") -> str:
    """A postal code as stored: exactly ten ASCII digits (dashes and spaces dropped)."""
    text = _digits_of(value)
    if not text:
        return ""
    if not _POSTAL_CODE.fullmatch(text):
        raise ValidationError(
            f"کد پستی «{_quoted(value)}» درست نیست؛ کد پستی ده رقم است، مثلاً ۸۱۳۴۸۱۳۷۴۶.",
            field,
        )
    return text


def normalize_email(value: object, field: str = "email") -> str:
    """An email address, trimmed; a wrong shape raises ValidationError."""
    text = clean(None if value is None else str(value)).replace("\u200c", "")
    if not text:
        return ""
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not _EMAIL.match(text):
        raise ValidationError(
            f"نشانی ایمیل «{text}» درست نیست؛ ایمیل را به شکل name@example.ir و با حروف انگلیسی بنویسید.",
            field,
        )
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def normalize_date(value: object, field: str | None = None, *, not_after_today: bool = False) -> str | None:
    """An ISO Gregorian date from a Jalali text («۱۳۶۰/۰۵/۱۲»), an ISO text or a date; empty → None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    else:
        text = to_ascii_digits(clean(value if value.__class__ is str else str(value)))
        if not text:
            return None
        date = _date_of_text(text, field)
    if not_after_today and date > dt.date.today():
        raise ValidationError(f"تاریخ {format_jalali(date)} هنوز نرسیده است؛ تاریخ تولد را درست بنویسید.", field)
    return date.isoformat()


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")


# Birthdays and dates repeat across the rows of an imported sheet; a refused text is not cached.
@functools.lru_cache(maxsize=1 << 14)
def _date_of_text(text: str, field: str | None) -> dt.date:
    iso = _ISO_DATE.fullmatch(text)
    if iso and int(iso.group(1)) >= 1700:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            raise ValidationError(f"تاریخ «{text}» وجود ندارد.", field) from None
    return parse_jalali(text, field)


@functools.lru_cache(maxsize=1024)
def normalize_province(value: object, field: str = "province") -> str:
    """One of the 31 provinces in its standard spelling; anything else raises ValidationError."""
    text = clean(None if value is None else str(value))
    if not text:
        return ""
    key = compact_key(text)
    for prefix in ("استان", "استاناستان"):
        if key.startswith(compact_key(prefix)) and key != compact_key(prefix):
            key = key[len(compact_key(prefix)):]
    found = _province_by_key().get(key)
    if found is None:
        raise ValidationError(f"استان «{text}» شناخته نشد؛ یکی از ۳۱ استان کشور را انتخاب کنید.", field)
    return found


def province_of_city(city: str | None) -> str:
    """The province of a main city from the built-in list, or ''."""
    return _province_of_city().get(compact_key(city), "")


@functools.lru_cache(maxsize=1024)
def normalize_honorific(value: object) -> str:
    """«آقای» or «خانم» (from «آقا», «جناب آقای», «سرکار خانم», Mr, Mrs …), or ''."""
    text = clean(None if value is None else str(value))
    if not text:
        return ""
    found = _HONORIFIC_FORMS.get(compact_key(text))
    if found is None:
        raise ValidationError(f"عنوان «{text}» شناخته نشد؛ «آقای» یا «خانم» را انتخاب کنید.", "honorific")
    return found


@functools.lru_cache(maxsize=1024)
def normalize_gender(value: object) -> str:
    """'male', 'female' or '' from «مرد»، «زن»، male, f, …"""
    text = clean(None if value is None else str(value))
    if not text:
        return ""
    found = _GENDER_FORMS.get(compact_key(text))
    if found is None:
        raise ValidationError(f"جنسیت «{text}» شناخته نشد؛ «مرد» یا «زن» را انتخاب کنید.", "gender")
    return found


def normalize_flag(value: object, field: str) -> bool:
    """A yes/no cell: «بله», «همکار», 1, True, x … or empty/«خیر»/0."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    key = compact_key(plain_number(value))
    if key in _TRUE_WORDS:
        return True
    if key in _FALSE_WORDS:
        return False
    raise ValidationError(f"مقدار «{clean(str(value))}» بله یا خیر نیست.", field)


def split_full_name(text: str) -> tuple[str, str, str, str]:
    """(honorific, title, first name, last name) from one cell such as «جناب آقای دکتر علی رضایی»."""
    words = clean(text).split()
    honorific = title = ""
    title_keys = {compact_key(t): t for t in TITLES}
    while words:
        two = compact_key(" ".join(words[:2])) if len(words) > 1 else None
        one = compact_key(words[0])
        if two and two in _HONORIFIC_FORMS and not honorific:
            honorific = _HONORIFIC_FORMS[two]
            words = words[2:]
        elif one in _HONORIFIC_FORMS and not honorific and len(words) > 1:
            honorific = _HONORIFIC_FORMS[one]
            words = words[1:]
        elif one in title_keys and len(words) > 1:
            title = f"{title} {title_keys[one]}".strip()
            words = words[1:]
        else:
            break
    if len(words) <= 1:
        return honorific, title, "", " ".join(words)
    return honorific, title, " ".join(words[:-1]), words[-1]


def full_name(person: Mapping, *, with_honorific: bool = True) -> str:
    """«آقای دکتر علی رضایی»: honorific, title, first and last name as written in a letter."""
    parts = [person.get("honorific") if with_honorific else "", person.get("title"), person.get("first_name"), person.get("last_name")]
    return " ".join(p for p in (clean(x) for x in parts) if p)


# ---------------------------------------------------------------- record validation

ORGANIZATION_FIELDS: tuple[str, ...] = (
    "name", "kind", "activity", "registration_no", "province", "city", "address", "postal_code",
    "fax", "email", "website", "notes", "phones", "tags",
)
PERSON_FIELDS: tuple[str, ...] = (
    "honorific", "title", "first_name", "last_name", "gender", "position", "organization_id", "mobile",
    "phone", "email", "birthday", "is_staff", "notes", "tags", "dates", "deceased", "deceased_on", "salutation",
)
_PERSON_FIELD_SET = frozenset(PERSON_FIELDS) | {"id"}


def _text_field(data: Mapping, key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if value.__class__ is str:
        return clean(value)
    return clean(plain_number(value) if isinstance(value, (int, float)) else str(value))


def normalize_phones(value: object, field: str = "phones") -> list[dict]:
    """Labelled phone numbers from a list of dicts/strings or one cell («دفتر: 031-3222 4455 ; 03132224466»)."""
    if value is None or value == "":
        return []
    if isinstance(value, (str, int, float)):
        items: Iterable = split_phone_cell(plain_number(value))
    else:
        items = value
    phones: list[dict] = []
    seen = set()
    for item in items:
        if isinstance(item, Mapping):
            label, number = clean(item.get("label") or ""), item.get("number")
        else:
            label, number = "", item
        number = normalize_phone(number, field)
        if number and number not in seen:
            seen.add(number)
            phones.append({"label": label, "number": number})
    return phones


def split_phone_cell(text: str) -> list[dict]:
    """Phone numbers written in one cell, each with its label if one was written beside it."""
    text = to_ascii_digits(clean(text))
    parts = re.split(r"\s*[;؛,،\n|]\s*|\s+[-–]\s+|\s+و\s+|\s*/\s*(?=0)", text)
    result = []
    for part in parts:
        if not part or not re.search(r"\d", part):
            continue
        match = re.search(r"\+?[\d][\d\s\-().]*\d|\d", part)
        number = match.group(0) if match else ""
        label = clean(re.sub(r"[:：()\[\]]", " ", part.replace(number, " ")))
        result.append({"label": label, "number": number})
    return result


def normalize_tags(value: object) -> list[str]:
    """Tag names from a list or one cell separated by commas; blanks and repeats dropped."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return list(_tags_of_cell(value))
    return _tags_of(list(value))


@functools.lru_cache(maxsize=4096)
def _tags_of_cell(text: str) -> tuple[str, ...]:
    # A sheet repeats a handful of tag cells over thousands of rows.
    return tuple(_tags_of(_TAG_SEPARATORS.split(text)))


_TAG_SEPARATORS = re.compile(r"\s*[,،;؛\n]\s*")


def _tags_of(items: list) -> list[str]:
    tags, seen = [], set()
    for item in items:
        name = clean(str(item))
        if name and compact_key(name) not in seen:
            seen.add(compact_key(name))
            tags.append(name)
    return tags


def normalize_person_dates(value: object) -> list[dict]:
    """Other yearly or one-time dates of a person, e.g. a death anniversary («سالگرد درگذشت پدر: 1390/02/03»)."""
    if value is None or value == "":
        return []
    items: Iterable
    if isinstance(value, str):
        items = []
        for part in re.split(r"\s*[;؛\n]\s*", value):
            if not part.strip():
                continue
            label, _, rest = part.rpartition(":")
            kind = "yearly"
            if re.search(r"\((?:یک ?بار|یکبار|once)\)", rest):
                kind = "once"
                rest = re.sub(r"\(.*?\)", "", rest)
            items.append({"label": label, "date": rest, "kind": kind})
    else:
        items = value
    dates = []
    for item in items:
        label = clean(item.get("label") or "")
        kind = item.get("kind") or "yearly"
        if kind not in DATE_KINDS:
            raise ValidationError("نوع تاریخ باید «هر سال» یا «یک بار» باشد.", "dates")
        date = normalize_date(item.get("date"), "dates")
        if date is None:
            raise ValidationError(f"برای «{label or 'تاریخ دیگر'}» تاریخ ننوشته‌اید.", "dates")
        if not label:
            raise ValidationError("برای هر تاریخ دیگر یک عنوان بنویسید، مثلاً «سالگرد درگذشت پدر».", "dates")
        dates.append({"label": label, "date": date, "kind": kind})
    return dates


def validate_organization(data: Mapping, *, partial: bool = False) -> dict:
    """Checked, normalized organization fields; raises ValidationError naming the bad field.

    With ``partial`` only the keys present are checked (an edit of a few fields).
    """
    unknown = set(data) - set(ORGANIZATION_FIELDS) - {"id"}
    if unknown:
        raise ValidationError(f"فیلد ناشناخته برای سازمان: {'، '.join(sorted(unknown))}", sorted(unknown)[0])
    result: dict = {}

    def present(key: str) -> bool:
        return not partial or key in data

    if present("name"):
        result["name"] = _text_field(data, "name")
        if not result["name"]:
            raise ValidationError("نام سازمان را بنویسید.", "name")
    for key in ("kind", "activity", "registration_no", "city", "address", "website", "notes"):
        if present(key):
            result[key] = _text_field(data, key)
    if present("registration_no"):
        result["registration_no"] = to_ascii_digits(result["registration_no"])
    if present("province"):
        result["province"] = normalize_province(data.get("province"))
    if present("city") and present("province") and result["city"] and not result["province"]:
        result["province"] = province_of_city(result["city"])
    if present("postal_code"):
        result["postal_code"] = normalize_postal_code(data.get("postal_code"))
    if present("fax"):
        result["fax"] = normalize_phone(data.get("fax"), "fax")
    if present("email"):
        result["email"] = normalize_email(data.get("email"))
    if present("phones"):
        result["phones"] = normalize_phones(data.get("phones"))
    if present("tags"):
        result["tags"] = normalize_tags(data.get("tags"))
    return result


def validate_person(data: Mapping, *, partial: bool = False) -> dict:
    """Checked, normalized person fields; raises ValidationError naming the bad field."""
    if not _PERSON_FIELD_SET.issuperset(data):
        unknown = set(data) - _PERSON_FIELD_SET
        raise ValidationError(f"فیلد ناشناخته برای شخص: {'، '.join(sorted(unknown))}", sorted(unknown)[0])
    result: dict = {}
    # Without ``partial`` every field is checked (an import checks 100,000 rows: no helper call per field).
    every = not partial
    get = data.get
    for key in ("title", "first_name", "last_name", "position", "notes"):
        if every or key in data:
            value = get(key)
            result[key] = "" if value is None else clean(value) if value.__class__ is str else _text_field(data, key)
    if every or "first_name" in data or "last_name" in data:
        first = result.get("first_name", "") if every or "first_name" in data else "?"
        last = result.get("last_name", "") if every or "last_name" in data else "?"
        if not first and not last:
            raise ValidationError("نام یا نام خانوادگی را بنویسید.", "last_name")
    if every or "honorific" in data:
        result["honorific"] = normalize_honorific(get("honorific"))
    gender = normalize_gender(get("gender")) if every or "gender" in data else None
    if not gender and result.get("honorific"):
        # Salutations need a gender; the honorific already says it.
        gender = HONORIFICS[result["honorific"]]
    if gender is not None:
        result["gender"] = gender
    if every or "organization_id" in data:
        value = get("organization_id")
        result["organization_id"] = int(value) if value not in (None, "", 0) else None
    if every or "mobile" in data:
        result["mobile"] = normalize_mobile(get("mobile"))
    if every or "phone" in data:
        result["phone"] = normalize_phone(get("phone"))
    if every or "email" in data:
        result["email"] = normalize_email(get("email"))
    if every or "birthday" in data:
        result["birthday"] = normalize_date(get("birthday"), "birthday", not_after_today=True)
    if every or "is_staff" in data:
        result["is_staff"] = normalize_flag(get("is_staff"), "is_staff")
    if every or "tags" in data:
        result["tags"] = normalize_tags(get("tags"))
    if every or "dates" in data:
        result["dates"] = normalize_person_dates(get("dates"))
    # The messages area: the deceased get no greeting and are named مرحوم/مرحومه; a date says deceased.
    if every or "salutation" in data:
        result["salutation"] = _text_field(data, "salutation")
    if every or "deceased_on" in data:
        result["deceased_on"] = normalize_date(get("deceased_on"), "deceased_on", not_after_today=True)
    if every or "deceased" in data or result.get("deceased_on"):
        result["deceased"] = bool(result.get("deceased_on")) or normalize_flag(get("deceased"), "deceased")
    return result


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class ContactFilter:
    """What the clerk narrowed the list to; every field empty means everything.

    ``tag`` matches a person's own tags for people and an organization's tags for
    organizations; ``kind``, ``activity``, ``province`` and ``city`` of a person are those of
    the person's organization. ``staff`` applies to people only.
    """

    text: str = ""
    kind: str = ""
    activity: str = ""
    province: str = ""
    city: str = ""
    tag: str = ""
    staff: bool | None = None
    organization_id: int | None = None
    ids: tuple[int, ...] | None = None


# ---------------------------------------------------------------- columns, defined once


def _shown(value: object) -> str:
    return "" if value is None else to_persian_digits(value)


def _shown_text(value: object) -> str:
    return "" if value is None else str(value)


def _shown_date(value: object) -> str:
    return format_jalali(dt.date.fromisoformat(value)) if value else ""


def _file_date(value: object) -> str:
    return format_jalali_iso(dt.date.fromisoformat(value)) if value else ""


def _shown_flag(value: object) -> str:
    return "✓" if value else ""


def _file_flag(value: object) -> str:
    return "بله" if value else ""


def _shown_gender(value: object) -> str:
    return GENDERS.get(value or "", "")


def _shown_phones(value: object) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return to_persian_digits(value)
    return to_persian_digits("، ".join(p["number"] for p in value))


def _file_phones(value: object) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return value
    return " ; ".join(f"{p['label']}: {p['number']}" if p.get("label") else p["number"] for p in value)


def _file_tags(value: object) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else "، ".join(value)


def _file_dates(value: object) -> str:
    if not value:
        return ""
    return " ; ".join(
        f"{d['label']}: {_file_date(d['date'])}" + (" (یک بار)" if d.get("kind") == "once" else "") for d in value
    )


def _shown_dates(value: object) -> str:
    return to_persian_digits(_file_dates(value))


def _file_history(value: object) -> str:
    if not value:
        return ""
    entries = []
    for h in value:
        text = h.get("position") or ""
        if h.get("organization"):
            text += f" — {h['organization']}"
        if h.get("from_date") or h.get("to_date"):
            text += f" ({_file_date(h.get('from_date'))} تا {_file_date(h.get('to_date'))})"
        entries.append(text)
    return " ; ".join(entries)


def _shown_history(value: object) -> str:
    return to_persian_digits(_file_history(value))


_HISTORY_ENTRY = re.compile(r"^(.*?)(?:\s+[—–]\s+(.*?))?(?:\s*\(\s*([\d/]*)\s*تا\s*([\d/]*)\s*\))?$")


def parse_history(value: object) -> list[dict]:
    """Previous positions written in one cell as the export writes them:
    «مدیرعامل — شرکت تعاونی … (1390/01/01 تا 1395/01/01) ; …»."""
    if not value:
        return []
    if not isinstance(value, str):
        return list(value)
    entries = []
    for part in re.split(r"\s*[;؛\n]\s*", to_ascii_digits(clean(value))):
        if not part:
            continue
        match = _HISTORY_ENTRY.match(part)
        position, organization, start, end = match.groups()
        entries.append({
            "position": clean(position), "organization": clean(organization or ""),
            "from_date": normalize_date(start, "history") if start else None,
            "to_date": normalize_date(end, "history") if end else None,
        })
    return entries


@dataclass(frozen=True)
class Column:
    """One column of a contacts table: shown in the Qt model, printed reports and exports alike.

    ``header`` is English source text for ``tr()``; ``persian`` is the same header for outputs
    made without Qt (CSV/XLSX headers, PDF reports). ``display`` gives the text on screen and on
    paper (Persian digits, Jalali dates); ``export`` gives the text written to files (ASCII
    digits, so Excel and phones read numbers; Jalali dates as 1360/05/12). ``sort`` names the
    sort order the store knows for this column ('' = not sortable). ``ltr`` marks numbers and
    addresses that read left to right inside the right-to-left table.
    """

    key: str
    header: str
    persian: str
    align: str = "start"  # "start" | "end" | "center" in reading direction
    ltr: bool = False
    width: int = 16  # characters, for XLSX and printed tables
    visible: bool = True
    sort: str = ""
    display: Callable[[object], str] = _shown
    export: Callable[[object], str] = _shown_text


PERSON_COLUMNS: tuple[Column, ...] = (
    Column("full_name", "Name", "نام کامل", width=26, sort="name", display=_shown_text),
    Column("honorific", "Honorific", "عنوان", width=8, visible=False, display=_shown_text),
    Column("title", "Title", "لقب", width=10, visible=False, display=_shown_text),
    Column("first_name", "First name", "نام", width=14, visible=False, sort="first_name", display=_shown_text),
    Column("last_name", "Last name", "نام خانوادگی", width=16, visible=False, sort="name", display=_shown_text),
    Column("gender", "Gender", "جنسیت", width=6, visible=False, display=_shown_gender, export=_shown_gender),
    Column("position", "Position", "سمت", width=20, sort="position"),
    Column("organization", "Organization", "سازمان", width=34, sort="organization"),
    Column("mobile", "Mobile", "همراه", ltr=True, align="center", width=14, sort="mobile"),
    Column("phone", "Phone", "تلفن", ltr=True, align="center", width=14, sort="phone"),
    Column("email", "Email", "ایمیل", ltr=True, width=24, visible=False, sort="email", display=_shown_text),
    Column("birthday", "Birthday", "تاریخ تولد", align="center", width=12, visible=False, sort="birthday",
           display=_shown_date, export=_file_date),
    Column("is_staff", "Staff", "از کارکنان", align="center", width=7, sort="staff", display=_shown_flag, export=_file_flag),
    Column("city", "City", "شهر", width=14, sort="city"),
    Column("province", "Province", "استان", width=16, visible=False, sort="province"),
    Column("tags", "Tags", "برچسب‌ها", width=20, visible=False, export=_file_tags),
    Column("notes", "Notes", "یادداشت", width=30, visible=False),
)

ORGANIZATION_COLUMNS: tuple[Column, ...] = (
    Column("name", "Organization", "نام سازمان", width=36, sort="name", display=_shown_text),
    Column("kind", "Kind", "نوع", width=16, sort="kind"),
    Column("activity", "Activity", "نوع فعالیت", width=16, sort="activity"),
    Column("province", "Province", "استان", width=16, sort="province"),
    Column("city", "City", "شهر", width=14, sort="city"),
    Column("phones", "Phones", "تلفن‌ها", ltr=True, width=28, display=_shown_phones, export=_file_phones),
    Column("fax", "Fax", "نمابر", ltr=True, align="center", width=14, visible=False),
    Column("email", "Email", "ایمیل سازمان", ltr=True, width=24, visible=False, display=_shown_text),
    Column("website", "Website", "وبگاه", ltr=True, width=22, visible=False, display=_shown_text),
    Column("address", "Address", "نشانی", width=40, visible=False),
    Column("postal_code", "Postal code", "کد پستی", ltr=True, align="center", width=12, visible=False),
    Column("registration_no", "Registration no.", "شماره ثبت", ltr=True, align="center", width=12, visible=False,
           sort="registration_no"),
    Column("people_count", "People", "تعداد افراد", align="center", width=8, sort="people_count"),
    Column("tags", "Tags", "برچسب‌های سازمان", width=20, visible=False, export=_file_tags),
    Column("notes", "Notes", "یادداشت سازمان", width=30, visible=False),
)

# The flat sheet written by exports and read back by imports: a person's fields, then the
# organization's. Keys are the import field keys (see IMPORT_FIELDS).
DIRECTORY_COLUMNS: tuple[Column, ...] = (
    Column("honorific", "Honorific", "عنوان", width=8),
    Column("title", "Title", "لقب", width=10),
    Column("first_name", "First name", "نام", width=14),
    Column("last_name", "Last name", "نام خانوادگی", width=16),
    Column("gender", "Gender", "جنسیت", width=6, display=_shown_gender, export=_shown_gender),
    Column("position", "Position", "سمت", width=20),
    Column("position_since", "Position since", "شروع سمت", width=12, display=_shown_date, export=_file_date),
    Column("history", "Previous positions", "سوابق سمت", width=30, display=_shown_history, export=_file_history),
    Column("mobile", "Mobile", "همراه", ltr=True, width=14),
    Column("phone", "Direct phone", "تلفن مستقیم", ltr=True, width=14),
    Column("email", "Email", "ایمیل", ltr=True, width=24),
    Column("birthday", "Birthday", "تاریخ تولد", width=12, display=_shown_date, export=_file_date),
    Column("deceased_on", "Date of death", "تاریخ درگذشت", width=12, display=_shown_date, export=_file_date),
    Column("is_staff", "Staff", "از کارکنان", width=7, display=_shown_flag, export=_file_flag),
    Column("tags", "Tags", "برچسب‌ها", width=20, export=_file_tags),
    Column("dates", "Other dates", "تاریخ‌های دیگر", width=26, display=_shown_dates, export=_file_dates),
    Column("notes", "Notes", "یادداشت", width=30),
    Column("org_name", "Organization", "نام سازمان", width=36),
    Column("kind", "Kind", "نوع", width=16),
    Column("activity", "Activity", "نوع فعالیت", width=16),
    Column("registration_no", "Registration no.", "شماره ثبت", ltr=True, width=12),
    Column("province", "Province", "استان", width=16),
    Column("city", "City", "شهر", width=14),
    Column("address", "Address", "نشانی", width=40),
    Column("postal_code", "Postal code", "کد پستی", ltr=True, width=12),
    Column("org_phones", "Phones", "تلفن‌های سازمان", ltr=True, width=28, display=_shown_phones, export=_file_phones),
    Column("fax", "Fax", "نمابر", ltr=True, width=14),
    Column("org_email", "Organization email", "ایمیل سازمان", ltr=True, width=24),
    Column("website", "Website", "وبگاه", ltr=True, width=22),
    Column("org_tags", "Organization tags", "برچسب‌های سازمان", width=20, export=_file_tags),
    Column("org_notes", "Organization notes", "یادداشت سازمان", width=30),
)


# ---------------------------------------------------------------- import fields


@dataclass(frozen=True)
class ImportField:
    """A field a column of an imported sheet can fill, with the header words that point to it."""

    key: str
    header: str  # English, for tr()
    persian: str
    target: str  # "person" | "organization"
    synonyms: tuple[str, ...] = ()


IMPORT_FIELDS: tuple[ImportField, ...] = (
    ImportField("full_name", "Full name", "نام و نام خانوادگی", "person",
                ("نام و نام خانوادگی", "نام ونام خانوادگی", "نام کامل", "نام شخص", "نام فرد", "مخاطب", "نام مخاطب",
                 "نام مدیرعامل", "نام مدیر عامل", "مدیرعامل", "مدیر عامل", "نام رئیس", "full name", "name", "contact", "contact name")),
    ImportField("honorific", "Honorific", "عنوان", "person", ("عنوان", "پیشوند", "جناب", "honorific", "salutation", "prefix")),
    ImportField("title", "Title", "لقب", "person", ("لقب", "عنوان علمی", "مدرک", "title", "academic title")),
    ImportField("first_name", "First name", "نام", "person", ("نام", "اسم", "نام کوچک", "first name", "firstname", "given name", "first")),
    ImportField("last_name", "Last name", "نام خانوادگی", "person",
                ("نام خانوادگی", "نام فامیل", "فامیلی", "فامیل", "last name", "lastname", "surname", "family name", "family")),
    ImportField("gender", "Gender", "جنسیت", "person", ("جنسیت", "جنس", "gender", "sex")),
    ImportField("position", "Position", "سمت", "person", ("سمت", "پست", "سمت سازمانی", "مسئولیت", "position", "job title", "role", "post")),
    ImportField("position_since", "Position since", "شروع سمت", "person", ("شروع سمت", "تاریخ شروع سمت", "از تاریخ", "position since")),
    ImportField("history", "Previous positions", "سوابق سمت", "person", ("سوابق سمت", "سوابق", "سمت‌های قبلی", "سمت های قبلی", "previous positions")),
    ImportField("mobile", "Mobile", "همراه", "person",
                ("همراه", "تلفن همراه", "شماره همراه", "موبایل", "شماره موبایل", "تلفن همراه مدیرعامل", "mobile", "cell", "cellphone", "mobile phone")),
    ImportField("phone", "Direct phone", "تلفن مستقیم", "person", ("تلفن شخص", "تلفن مستقیم", "personal phone", "direct phone", "home phone")),
    ImportField("email", "Email", "ایمیل", "person", ("ایمیل", "پست الکترونیک", "پست الکترونیکی", "رایانامه", "email", "e-mail", "mail")),
    ImportField("birthday", "Birthday", "تاریخ تولد", "person", ("تاریخ تولد", "تولد", "birthday", "birth date", "date of birth", "dob")),
    ImportField("deceased_on", "Date of death", "تاریخ درگذشت", "person", ("تاریخ درگذشت", "درگذشت", "تاریخ فوت", "date of death")),
    ImportField("is_staff", "Staff", "از کارکنان", "person", ("از کارکنان", "کارکنان", "همکار", "کارمند", "پرسنل", "staff", "employee")),  # glossary-ok: headers of older files
    ImportField("tags", "Tags", "برچسب‌ها", "person", ("برچسب", "برچسب‌ها", "برچسب ها", "گروه", "دسته", "tags", "tag", "group", "categories")),
    ImportField("dates", "Other dates", "تاریخ‌های دیگر", "person", ("تاریخ‌های دیگر", "تاریخ های دیگر", "مناسبت", "other dates")),
    ImportField("notes", "Notes", "یادداشت", "person", ("یادداشت", "توضیحات", "توضیح", "ملاحظات", "notes", "note", "comments", "remarks")),
    ImportField("org_name", "Organization", "نام سازمان", "organization",
                ("نام سازمان", "سازمان", "نام اتحادیه", "اتحادیه", "نام تعاونی", "تعاونی", "نام شرکت", "شرکت", "نام شرکت تعاونی",
                 "نام موسسه", "موسسه", "مؤسسه", "نام بانک", "بانک", "نام اداره", "اداره", "محل کار", "نهاد", "عنوان سازمان",
                 "عنوان تشکل", "تشکل", "نام تشکل", "organization", "organisation", "company", "org", "employer")),
    ImportField("kind", "Kind", "نوع", "organization", ("نوع", "نوع سازمان", "نوع تشکل", "نوع نهاد", "kind", "type", "organization type")),
    ImportField("activity", "Activity", "نوع فعالیت", "organization",
                ("نوع فعالیت", "فعالیت", "زمینه فعالیت", "حوزه فعالیت", "گرایش", "activity", "activity type", "sector", "industry")),
    ImportField("registration_no", "Registration no.", "شماره ثبت", "organization",
                ("شماره ثبت", "ش ثبت", "شماره‌ثبت", "registration", "registration no", "registration number", "reg no")),
    ImportField("province", "Province", "استان", "organization", ("استان", "province", "state", "region")),
    ImportField("city", "City", "شهر", "organization", ("شهر", "شهرستان", "city", "town")),
    ImportField("address", "Address", "نشانی", "organization", ("نشانی", "آدرس", "نشانی پستی", "محل", "address", "street")),
    ImportField("postal_code", "Postal code", "کد پستی", "organization", ("کد پستی", "کدپستی", "postal code", "postcode", "zip", "zip code")),
    ImportField("org_phones", "Phones", "تلفن‌های سازمان", "organization",
                ("تلفن‌های سازمان", "تلفن های سازمان", "تلفن سازمان", "تلفن", "تلفن ثابت", "شماره تلفن", "تلفن تماس", "تلفن‌ها", "تلفن ها",
                 "tel", "telephone", "phone", "phones", "office phone", "work phone")),
    ImportField("fax", "Fax", "نمابر", "organization", ("نمابر", "فکس", "دورنگار", "fax")),  # glossary-ok: headers a file may use
    ImportField("org_email", "Organization email", "ایمیل سازمان", "organization", ("ایمیل سازمان", "organization email")),
    ImportField("website", "Website", "وبگاه", "organization", ("وبگاه", "وب سایت", "وب‌سایت", "سایت", "تارنما", "website", "web", "site", "url")),
    ImportField("org_tags", "Organization tags", "برچسب‌های سازمان", "organization", ("برچسب‌های سازمان", "برچسب های سازمان", "organization tags")),
    ImportField("org_notes", "Organization notes", "یادداشت سازمان", "organization", ("یادداشت سازمان", "توضیحات سازمان", "organization notes")),
)
IMPORT_FIELD_BY_KEY = {f.key: f for f in IMPORT_FIELDS}


@functools.cache
def _ignored_headers() -> frozenset[str]:
    """Header words that number rows or mean nothing; never mapped."""
    return frozenset(compact_key(h) for h in ("ردیف", "شماره ردیف", "ر", "row", "#", "no", "id", "کد", "شناسه"))


def _header_key(header: object) -> str:
    text = search_key("" if header is None else str(header))
    text = re.sub(r"[\s_:.*()\-/]+", " ", text).strip()
    return text.replace(" ", "")


@functools.cache
def _synonyms() -> dict[str, str]:
    """Header word → import field key."""
    found = {compact_key(s): f.key for f in IMPORT_FIELDS for s in f.synonyms}
    # The headers our own export writes always mean their own field.
    found.update({compact_key(s): f.key for f in IMPORT_FIELDS for s in (f.persian, f.header)})
    return found


@functools.cache
def _contained_words() -> tuple[tuple[str, str], ...]:
    """(word, field key) for headers that merely contain a known word («تلفن دفتر مرکزی»), longest first."""
    return tuple(sorted(((compact_key(s), f.key) for f in IMPORT_FIELDS for s in f.synonyms if len(compact_key(s)) >= 3),
                        key=lambda pair: -len(pair[0])))


# Fields several columns of one sheet may fill; their cells are joined.
REPEATABLE_FIELDS = frozenset({"org_phones", "tags", "org_tags", "notes", "org_notes"})
# Fields only a person has: a sheet with one of them lists people, not organizations.
_PERSON_ONLY = {"mobile", "position", "birthday", "honorific", "title", "gender", "is_staff"}


def guess_mapping(headers: Iterable[object]) -> dict[int, str]:
    """Column index → import field key, guessed from Persian or English header words.

    A field is given to one column only (the first that names it), except phones, tags and
    notes, which several columns may fill («تلفن ۱»، «تلفن ۲»). «نام» means the first name
    when a last-name column exists, the full name when the sheet has an organization column,
    and otherwise the organization's name (a plain list of cooperatives).
    """
    headers = list(headers)
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    keys = [_header_key(h) for h in headers]
    synonyms, ignored = _synonyms(), _ignored_headers()
    # Whole-word matches first; then headers that merely contain a known word.
    for index, key in enumerate(keys):
        field_key = synonyms.get(key)
        if field_key and key not in ignored and (field_key not in taken or field_key in REPEATABLE_FIELDS):
            mapping[index] = field_key
            taken.add(field_key)
    for index, key in enumerate(keys):
        if index in mapping or not key or key in ignored:
            continue
        for word, field_key in _contained_words():
            if word in key and (field_key not in taken or field_key in REPEATABLE_FIELDS):
                mapping[index] = field_key
                taken.add(field_key)
                break
    # «نام» alone (or «name») is the most ambiguous header a sheet has.
    plain_name = {compact_key("نام"), compact_key("اسم"), "name"}
    for index, key in enumerate(keys):
        if key in plain_name and mapping.get(index) in ("first_name", "full_name"):
            if "last_name" in taken:
                mapping[index] = "first_name"
            elif "org_name" in taken or taken & _PERSON_ONLY:
                mapping[index] = "full_name"
            else:
                mapping[index] = "org_name"
    # With no organization at all, a plain «تلفن» belongs to the person.
    values = set(mapping.values())
    if "org_name" not in values:
        for index, value in list(mapping.items()):
            if value == "org_phones" and "phone" not in values:
                mapping[index] = "phone"
    # A sheet of organizations only: the email is the organization's.
    if not values & {"first_name", "last_name", "full_name"}:
        for index, value in list(mapping.items()):
            if value == "email" and "org_email" not in values:
                mapping[index] = "org_email"
            if value == "notes" and "org_notes" not in values:
                mapping[index] = "org_notes"
            if value == "tags" and "org_tags" not in values:
                mapping[index] = "org_tags"
    return mapping
