"""Sample entries of the record of media and public work for ``prdesk demo``: five years of news, interviews and coverage."""

from __future__ import annotations

import datetime as dt
import random

from sqlite_utils import Database

from prdesk.core.text import search_key

#: Entries per size over the five years before today.
COUNTS = {"small": 60, "office": 600, "large": 6_000}

OUTLETS = {
    "national": ["خبرگزاری ایرنا", "خبرگزاری ایسنا", "خبرگزاری مهر", "خبرگزاری فارس", "روزنامه ایران", "شبکه خبر", "رادیو گفت‌وگو"],
    "provincial": ["صداوسیمای مرکز اصفهان", "روزنامه اصفهان امروز", "روزنامه زاینده‌رود", "رادیو اصفهان", "خبرگزاری ایمنا"],
    "local": ["هفته‌نامه نقش جهان", "پایگاه خبری کاشان‌نیوز", "هفته‌نامه نجف‌آباد", "صفحهٔ رسمی اداره کل"],
}
TOPICS = [
    "هفتهٔ تعاون", "اشتغال روستایی", "تسهیلات قرض‌الحسنه", "تعاونی‌های زنان سرپرست خانوار", "بیمهٔ کارگران ساختمانی",
    "ایمنی کار در معادن", "تعاونی‌های مسکن", "صادرات فرش دستباف", "مهارت‌آموزی جوانان", "حمایت از کالای ایرانی",
    "روز جهانی کار و کارگر", "بازارچه‌های محلی", "شرکت‌های دانش‌بنیان تعاونی", "طرح‌های اشتغال‌زا",
]
TITLES = {
    "news": ["افتتاح {n} طرح اشتغال‌زا با محوریت {t}", "برگزاری نشست هم‌اندیشی دربارهٔ {t}", "پرداخت تسهیلات به {n} تعاونی در حوزهٔ {t}"],
    "interview": ["گفت‌وگوی مدیرکل دربارهٔ {t}", "مصاحبهٔ معاون اشتغال دربارهٔ {t}"],
    "feature": ["روایتی از {t} در شهرستان‌های استان", "گزارش میدانی از {t}"],
    "press-conference": ["نشست خبری مدیرکل به مناسبت {t}"],
    "coverage": ["پوشش خبری همایش {t}", "بازتاب برنامه‌های {t} در رسانه‌ها"],
    "clipping": ["یادداشتی دربارهٔ {t}", "انتقاد از روند {t}", "گزارش روزنامه از {t}"],
    "social": ["گزارش تصویری {t}", "ویدئوی کوتاه دربارهٔ {t}"],
    "exhibition": ["نمایشگاه دستاوردهای {t}"],
    "visit": ["بازدید مدیرکل از طرح‌های {t}"],
    "survey": ["نظرسنجی از مراجعان دربارهٔ {t}"],
    "other": ["برنامهٔ ویژهٔ {t}"],
}
KIND_WEIGHTS = {"news": 30, "interview": 10, "feature": 6, "press-conference": 3, "coverage": 14, "clipping": 14,
                "social": 16, "exhibition": 2, "visit": 3, "survey": 1, "other": 1}
TONE_KINDS = ("coverage", "clipping", "feature")


def fill_activity(db: Database, rnd: random.Random, size: str, today: dt.date | None = None) -> int:
    """Add the size's entries, spread over the five years before ``today``; returns how many."""
    count = COUNTS.get(size, 0)
    today = today or dt.date.today()
    first = today - dt.timedelta(days=5 * 365)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    rows = []
    for _ in range(count):
        kind = rnd.choices(kinds, weights)[0]
        level = rnd.choices(("national", "provincial", "local"), (2, 5, 3))[0]
        title = rnd.choice(TITLES[kind]).format(n=rnd.randint(2, 40), t=rnd.choice(TOPICS))
        outlet = rnd.choice(OUTLETS[level]) if kind not in ("exhibition", "visit", "survey") else ""
        tone = rnd.choices(("positive", "neutral", "negative"), (6, 3, 1))[0] if kind in TONE_KINDS else ""
        date = first + dt.timedelta(days=rnd.randrange((today - first).days + 1))
        rows.append((date.isoformat(), kind, title, outlet, level, tone, search_key(f"{title} {outlet}"), stamp, stamp))
    db.conn.executemany(
        "INSERT INTO activities (date, kind, title, outlet, level, tone, search_key, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return count
