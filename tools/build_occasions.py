"""Build resources/data/occasions.json, the app's occasion catalog, from a public-domain occasions list.

Usage: python tools/build_occasions.py [REFERENCE.json] [--out PATH]

REFERENCE.json is a CC0 collection of official occasions (``{"data": [{"type", "title", "calendar",
"rule", "month", "day", "holiday", ...}]}``; weekdays there count 1 = Sunday … 7 = Saturday). From it
this keeps Iran's official occasions and the international days that matter to a PR office of the
Ministry of Cooperatives, Labour and Social Welfare, and writes them in the app's own schema (read
by prdesk.core.occasions):

    {"key", "title", "calendar": "jalali"|"hijri"|"gregorian",
     "rule": {"type": "fixed", "month", "day"}
           | {"type": "nth_weekday", "month", "weekday" (0 = Saturday … 6 = Friday),
              "nth" (1…5, or -1 for the last), "offset" (days, optional)}
           | {"type": "month_end", "month"},
     "holiday": bool, "category": "national"|"religious"|"international"|"office",
     "message": "greeting"|"condolence"|"none"}

The choice of what to keep, the office-related occasions and whether a greeting or a condolence is
customary are the app's own editorial decisions and live here, in one place.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

FORMAT = 1
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference" / "iran-occasions-cc0.json"
DEFAULT_OUT = ROOT / "resources" / "data" / "occasions.json"
SOURCE = (
    "Iran's official occasions and holidays as published by the Calendar Center of the Institute of "
    "Geophysics, University of Tehran, and the United Nations' international days (public-domain facts)"
)
CALENDARS = {"Persian": "jalali", "Hijri": "hijri", "Gregorian": "gregorian"}

# Occasions a PR office of the Ministry of Cooperatives, Labour and Social Welfare marks itself.
OFFICE_TITLES = {
    "روز ارتباطات و روابط عمومی",
    "روز خبرنگار",
    "روز تعاون",
    "روز کارمند",
    "روز جهانی کار و کارگر",
    "روز جهانی تعاون",
    "روز خانواده و تکریم بازنشستگان",
    "روز بهزیستی و تأمین اجتماعی",
    "روز کارآفرینی و آموزش‌های فنی‌و‌حرفه‌ای",
    "آغاز هفتهٔ دولت",
    "روز تشکل‌ها و مشارکت‌های اجتماعی",
    "روز اقتصاد مقاومتی و کارآفرینی",
    "روز ترویج فرهنگ قرض‌الحسنه",
    "روز جهانی ایمنی و بهداشت حرفه‌ای",
    "روز جهانی منع کار کودکان",
    "روز جهانی عدالت اجتماعی",
    "روز جهانی سالمندان",
    "روز جهانی معلولان",
}

# International days (the reference's "International" list) worth showing in this office.
INTERNATIONAL_KEPT = {
    "روز جهانی آموزش",
    "روز جهانی رادیو",
    "روز جهانی عدالت اجتماعی",
    "روز جهانی زبان مادری",
    "روز جهانی زن",
    "روز جهانی سلامت",
    "روز جهانی کتاب و حق مؤلف",
    "روز جهانی گرافیک",
    "روز جهانی ایمنی و بهداشت حرفه‌ای",
    "روز جهانی آزادی مطبوعات",
    "روز جهانی خانواده",
    "روز جهانی منع کار کودکان",
    "روز جهانی جمعیت",
    "روز جهانی جوانان",
    "روز جهانی عکاسی",
    "روز جهانی باسوادی",
    "روز جهانی صلح",
    "روز جهانی معلم",
    "روز جهانی بهداشت روان",
    "روز جهانی دختران",
    "روز ملل متحد و روز جهانی توسعه اطلاعات",
    "روز جهانی تلویزیون",
    "روز جهانی داوطلبان پیشرفت اجتماعی",
    "روز جهانی مبارزه با فساد",
    "روز جهانی حقوق بشر",
}

# Facts the reference lacks: the UN's International Day of Cooperatives, first Saturday of July.
EXTRA = [
    {
        "title": "روز جهانی تعاون",
        "calendar": "gregorian",
        "rule": {"type": "nth_weekday", "month": 7, "weekday": 0, "nth": 1},
        "holiday": False,
    },
]

# Lunar-calendar occasions that are civic rather than religious.
HIJRI_NATIONAL = {"روز سیستان و بلوچستان", "روز فرهنگ پهلوانی و ورزش زورخانه‌ای", "روز جهانی قدس (آخرین جمعهٔ رمضان)"}

_MOURNING = ("شهادت", "وفات", "رحلت", "ارتحال", "تاسوعا", "عاشورا", "اربعین", "ضربت خوردن")
_FEAST = ("ولادت", "عید", "مبعث", "روز پدر", "روز ازدواج", "میلاد")
# Words that make a national "روز …" a day of remembrance or awareness, not one people are congratulated on.
_NOT_A_GREETING = (
    "مبارزه", "شهدا", "شهید", "بیمار", "افشای", "نسل‌کشی", "ایمنی", "بزرگداشت", "تجلیل", "حمایت",
    "اهدای", "مقاومت", "پدافند", "سلاح", "عاری", "حماسه", "آزادسازی", "جمعیت", "بصیرت", "تاریخ‌نگاری",
    "فوریت", "سیستان", "راهیان", "اسرا", "امر به معروف", "عفاف", "تکریم مادران", "جهانی", "ملی فناوری",
)


# Diacritics the catalog keeps on purpose, to tell a word from its homograph (کُشتی, wrestling, not
# کشتی, a ship) or to give a name's reading. Any other one is a stray mark from the source's notes.
DIACRITIC_WORDS = {"کُشتی", "اِشغال", "بهوَرز", "اُرمَوی", "محمّدحسین", "آیت\u200cاللّه", "اُزن"}
_HARAKAT = re.compile("[\u064b-\u0652\u0670]")
_MONTHS = (
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند "
    "محرم صفر ربیع‌الاول ربیع‌الثانی جمادی‌الاول جمادی‌الثانی رجب شعبان رمضان شوال ذی‌القعده ذی‌الحجه"
).split()
# A note on the rule inside a title: «(۳۰ صفر یا انتهای ماه)», «(آخر ماه)», «(۲۸ صفر)».
_RULE_NOTE = re.compile(
    r"\([^()]*(?:انتهای ماه|آخر ماه|پایان ماه)[^()]*\)"
    r"|\(\s*[۰-۹0-9]+\s+(?:" + "|".join(_MONTHS) + r")(?:\s[^()]*)?\)"
)


def check_title(title: str) -> None:
    """Refuse a title that carries a rule note or a stray diacritic: it would be printed as it is."""
    for word in title.split():
        if _HARAKAT.search(word) and word.strip("()،.") not in DIACRITIC_WORDS:
            raise SystemExit(f"stray diacritic in «{word}» of the title «{title}»: remove it or add the word to DIACRITIC_WORDS")
    plain = _HARAKAT.sub("", unicodedata.normalize("NFC", title))
    note = _RULE_NOTE.search(plain)
    if note:
        raise SystemExit(f"the title «{title}» carries a rule note {note.group(0)}: the rule belongs in 'rule', not the title")


def category_of(title: str, calendar: str, kind: str) -> str:
    """national, religious, international or office."""
    if title in OFFICE_TITLES:
        return "office"
    if calendar == "hijri":
        return "national" if title in HIJRI_NATIONAL else "religious"
    if calendar == "gregorian":
        return "religious" if title.startswith("ولادت") else "international"
    return "national"


def message_of(title: str, category: str) -> str:
    """Whether a greeting (تبریک), a condolence (تسلیت) or neither is customary."""
    if category == "office":
        return "greeting"
    if category == "religious":
        if any(word in title for word in _MOURNING):
            # A political killing "at the hands of" someone is commemorated, not condoled.
            return "none" if "به دست" in title else "condolence"
        if any(word in title for word in _FEAST):
            return "greeting"
        return "none"
    if category == "national":
        if title.startswith("رحلت حضرت امام خمینی"):
            return "condolence"
        if "نوروز" in title or title.startswith(("پیروزی انقلاب", "روز جمهوری اسلامی")):
            return "greeting"
        if title.startswith("روز ") and not any(word in title for word in _NOT_A_GREETING):
            return "greeting"
    return "none"


def rule_of(entry: dict) -> dict | None:
    """The app's rule for a reference entry, or None for rules the app does not keep."""
    kind = entry["rule"]
    month = entry["month"]
    if kind == "simple":
        return {"type": "fixed", "month": month, "day": entry["day"]}
    if kind == "end of month":
        return {"type": "month_end", "month": month}
    if kind in ("nth weekday of month", "last weekday of month"):
        rule = {
            "type": "nth_weekday",
            "month": month,
            "weekday": entry["weekday"] % 7,  # 1 = Sunday … 7 = Saturday  ->  0 = Saturday … 6 = Friday
            "nth": entry["nth"] if kind == "nth weekday of month" else -1,
        }
        if entry.get("offset"):
            rule["offset"] = entry["offset"]
        return rule
    return None  # "single event" (one eclipse) and "nth day from" are not yearly occasions


def key_of(calendar: str, rule: dict, title: str) -> str:
    """A stable key (hidden occasions are stored by it): calendar, month and a hash of rule and title."""
    digest = hashlib.sha1(f"{calendar}|{json.dumps(rule, sort_keys=True)}|{title}".encode("utf-8")).hexdigest()[:8]
    return f"{calendar[0]}{rule['month']:02d}-{digest}"


def select(reference: dict) -> list[dict]:
    """The occasions the app ships, sorted by calendar, month, day and title."""
    chosen = []
    for entry in reference["data"]:
        kind = entry.get("type")
        if kind == "Iran" or (kind == "International" and entry["title"] in INTERNATIONAL_KEPT):
            calendar = CALENDARS[entry["calendar"]]
            rule = rule_of(entry)
            if rule is None:
                continue
            chosen.append({"title": entry["title"].strip(), "calendar": calendar, "rule": rule, "holiday": bool(entry["holiday"])})
    chosen.extend(dict(extra) for extra in EXTRA)
    seen: set[tuple[str, str, str]] = set()
    occasions = []
    for item in chosen:
        # The reference lists a few international days both under Iran and International.
        same = (item["calendar"], json.dumps(item["rule"], sort_keys=True), item["title"])
        if same in seen:
            continue
        seen.add(same)
        check_title(item["title"])
        category = category_of(item["title"], item["calendar"], item["rule"]["type"])
        occasions.append(
            {
                "key": key_of(item["calendar"], item["rule"], item["title"]),
                "title": item["title"],
                "calendar": item["calendar"],
                "rule": item["rule"],
                "holiday": item["holiday"],
                "category": category,
                "message": message_of(item["title"], category),
            }
        )
    # Within a day, the order of the official calendar, which the reference keeps (the Prophet's
    # birthday before Imam Sadiq's on 17 Rabi al-Awwal); the views list a day's holidays in it.
    order = {"jalali": 0, "hijri": 1, "gregorian": 2}
    position = {id(o): i for i, o in enumerate(occasions)}
    occasions.sort(key=lambda o: (order[o["calendar"]], o["rule"]["month"], o["rule"].get("day", 99), position[id(o)]))
    keys = [o["key"] for o in occasions]
    if len(keys) != len(set(keys)):
        raise SystemExit("two occasions share a key")
    missing = OFFICE_TITLES - {o["title"] for o in occasions}
    if missing:
        raise SystemExit(f"office occasions missing from the reference: {sorted(missing)}")
    return occasions


def render(occasions: list[dict]) -> str:
    """The JSON text: one occasion per line, so a change to the catalog reads well in a diff."""
    lines = [
        "{",
        f' "format": {FORMAT},',
        f' "source": {json.dumps(SOURCE)},',
        ' "weekdays": "0 = Saturday ... 6 = Friday; nth -1 = the last one in the month",',
        ' "occasions": [',
    ]
    body = [json.dumps(o, ensure_ascii=False) for o in occasions]
    lines.append(",\n".join("  " + line for line in body))
    lines += [" ]", "}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    reference = json.loads(args.reference.read_text(encoding="utf-8"))
    occasions = select(reference)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(occasions), encoding="utf-8")
    counts: dict[str, int] = {}
    for o in occasions:
        counts[o["category"]] = counts.get(o["category"], 0) + 1
    holidays = sum(o["holiday"] for o in occasions)
    print(f"{args.out}: {len(occasions)} occasions, {holidays} official holidays, {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
