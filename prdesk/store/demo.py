"""Realistic Persian sample data for a new database: the office's contacts (later issues add their areas)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlite_utils import Database

from prdesk.core.contacts import PROVINCES
from prdesk.errors import ValidationError
from prdesk.store.contacts import (
    PERSON_DB_FIELDS,
    _now,
    deferred_search_index,
    has_contacts,
    organization_keys,
    person_keys,
)
from prdesk.store.settings import update_settings

SIZES: dict[str, dict[str, int]] = {
    "small": {"organizations": 50, "people": 300, "staff": 20},
    "office": {"organizations": 1_000, "people": 10_000, "staff": 60},
    "large": {"organizations": 10_000, "people": 100_000, "staff": 150},
}
HOME_PROVINCE = "اصفهان"
HOME_OFFICE = "اداره کل تعاون، کار و رفاه اجتماعی استان اصفهان"

AREA_CODES = {
    "آذربایجان شرقی": "041", "آذربایجان غربی": "044", "اردبیل": "045", "اصفهان": "031", "البرز": "026",
    "ایلام": "084", "بوشهر": "077", "تهران": "021", "چهارمحال و بختیاری": "038", "خراسان جنوبی": "056",
    "خراسان رضوی": "051", "خراسان شمالی": "058", "خوزستان": "061", "زنجان": "024", "سمنان": "023",
    "سیستان و بلوچستان": "054", "فارس": "071", "قزوین": "028", "قم": "025", "کردستان": "087", "کرمان": "034",
    "کرمانشاه": "083", "کهگیلویه و بویراحمد": "074", "گلستان": "017", "گیلان": "013", "لرستان": "066",
    "مازندران": "011", "مرکزی": "086", "هرمزگان": "076", "همدان": "081", "یزد": "035",
}
PROVINCE_SLUGS = {
    "آذربایجان شرقی": "azsh", "آذربایجان غربی": "azgh", "اردبیل": "ardabil", "اصفهان": "isfahan", "البرز": "alborz",
    "ایلام": "ilam", "بوشهر": "bushehr", "تهران": "tehran", "چهارمحال و بختیاری": "chb", "خراسان جنوبی": "khj",
    "خراسان رضوی": "khr", "خراسان شمالی": "nkh", "خوزستان": "khz", "زنجان": "zanjan", "سمنان": "semnan",
    "سیستان و بلوچستان": "sb", "فارس": "fars", "قزوین": "qazvin", "قم": "qom", "کردستان": "kurdistan",
    "کرمان": "kerman", "کرمانشاه": "ksh", "کهگیلویه و بویراحمد": "kb", "گلستان": "golestan", "گیلان": "gilan",
    "لرستان": "lorestan", "مازندران": "mazandaran", "مرکزی": "markazi", "هرمزگان": "hormozgan", "همدان": "hamedan",
    "یزد": "yazd",
}
MOBILE_PREFIXES = ("0912", "0913", "0914", "0915", "0916", "0917", "0918", "0919", "0935", "0936", "0937",
                   "0938", "0939", "0901", "0902", "0903", "0990", "0991", "0910", "0911")

MALE_NAMES = (
    "محمد", "علی", "حسین", "حسن", "رضا", "مهدی", "احمد", "محمود", "عباس", "مصطفی", "مجتبی", "سعید", "حمید",
    "مجید", "جواد", "ابراهیم", "اکبر", "اصغر", "غلامرضا", "محمدرضا", "علیرضا", "حمیدرضا", "امیرحسین", "محسن",
    "مرتضی", "هادی", "یوسف", "یعقوب", "داوود", "ناصر", "منصور", "بهروز", "بهزاد", "فرهاد", "فریدون", "کاظم",
    "قاسم", "جعفر", "صادق", "باقر", "اسماعیل", "عبدالله", "عبدالرضا", "نادر", "پرویز", "کامران", "کیوان",
    "سیاوش", "بیژن", "داریوش", "کوروش", "آرش", "بابک", "امید", "وحید", "سجاد", "میثم", "مسعود", "ایمان",
    "پیمان", "رامین", "شهرام", "سهراب", "رسول", "روح‌الله", "نعمت‌الله", "حبیب‌الله", "سید محمد", "سید علی",
    "سید حسین", "سید مهدی", "سید رضا", "سید احمد", "محمدحسین", "محمدعلی", "محمدجواد", "محمدمهدی", "امیر",
    "حامد", "یاسر", "هومن", "نیما", "پوریا", "مهرداد", "فرشید", "جمشید", "منوچهر", "همایون", "خسرو", "شاهین",
    "تقی", "نقی", "هاشم", "ولی‌الله", "عزیز", "کریم", "رحیم", "ابوالفضل", "حجت", "روزبه",
)
FEMALE_NAMES = (
    "فاطمه", "زهرا", "مریم", "معصومه", "زینب", "سکینه", "طاهره", "اعظم", "اشرف", "پروین", "مهین", "منیژه",
    "شهلا", "ژیلا", "لیلا", "مینا", "نرگس", "نسرین", "سیمین", "فرزانه", "فریبا", "فرشته", "مهناز", "مهسا",
    "مهتاب", "الهام", "الهه", "سمیه", "راضیه", "مرضیه", "منصوره", "ناهید", "نازنین", "نیلوفر", "شیرین",
    "شبنم", "سارا", "سمانه", "آزاده", "آمنه", "کبری", "صغری", "هاجر", "رقیه", "طیبه", "عاطفه", "فرناز",
    "گلناز", "پریسا", "پروانه", "ساناز", "سحر", "هانیه", "حمیده", "سهیلا", "ثریا", "ملیحه", "رویا", "عذرا",
    "زهره", "نفیسه", "نجمه", "حدیث", "فائزه", "کوثر", "ریحانه", "محدثه", "بهاره", "یاسمن", "ترانه", "سیده فاطمه",
    "سیده زهرا", "سیده مریم", "مهری", "گیتی", "آذر", "هما", "پوران", "ماندانا", "شیوا",
)
LAST_NAMES = (
    "احمدی", "محمدی", "حسینی", "رضایی", "موسوی", "کریمی", "جعفری", "صادقی", "رحیمی", "هاشمی", "مرادی",
    "کاظمی", "قاسمی", "ابراهیمی", "حیدری", "نوری", "عباسی", "اکبری", "سلطانی", "طاهری", "رستمی", "نجفی",
    "حسنی", "کرمانی", "اصفهانی", "شیرازی", "تهرانی", "کاشانی", "یزدی", "تبریزی", "قمی", "خراسانی", "زمانی",
    "فرهادی", "بهرامی", "شریفی", "امینی", "میرزایی", "یوسفی", "سلیمانی", "عزیزی", "مختاری", "باقری", "قربانی",
    "ملکی", "نظری", "فتحی", "زارعی", "شجاعی", "منصوری", "خلیلی", "افشار", "صفوی", "پاکزاد", "نیک‌نام",
    "روشن", "آزادی", "آقایی", "بیگی", "خانی", "دهقان", "کشاورز", "نجار", "آهنگر", "زرگر", "عطار", "صراف",
    "بزاز", "حداد", "خیاط", "کفاش", "بنایی", "معماری", "نقاش", "طالبی", "ربانی", "شفیعی", "توکلی", "ایزدی",
    "انصاری", "مشهدی", "غفاری", "فراهانی", "اراکی", "ساوجی", "گلپایگانی", "خوانساری", "نطنزی", "اردستانی",
    "نائینی", "جهرمی", "لاری", "بوشهری", "رشتی", "لاهیجی", "گیلانی", "مازندرانی", "ساروی", "آملی", "بابلی",
    "گرگانی", "کرد", "لر", "بختیاری", "قشقایی", "افشاری", "شاملو", "قاجار", "زند", "سپهری", "مشیری",
    "شهریاری", "پورمحمدی", "حسین‌زاده", "علیزاده", "رضازاده", "تقی‌زاده", "قلی‌زاده", "ولی‌زاده", "حسن‌پور",
    "علی‌پور", "رحمانی‌پور", "نوروزی", "بهاری", "تابان", "صالحی", "صالحیان", "مهدوی", "مهدویان", "فاضلی",
    "دانشور", "دانشمند", "فرزانه", "کامرانی", "شکوهی", "جلالی", "کمالی", "جمالی", "فلاحی", "فلاح", "بابایی",
    "داوودی", "یعقوبی", "اسماعیلی", "اسدی", "شیخی", "میرحسینی", "سادات", "طباطبایی", "میرباقری", "میرجلیلی",
    "نصیری", "نصر", "وکیلی", "قاضی", "منشی", "دبیری", "رنجبر", "کارگر", "پیشه‌ور", "صنعتی", "تجار",
    "بازرگان", "مستوفی", "آشتیانی", "تفرشی", "محلاتی", "خمینی", "دلیجانی", "کاشی", "آرانی", "بیدگلی",
    "نراقی", "قهرودی", "جوشقانی", "میمه‌ای", "برزکی", "کامو", "ابیانه‌ای", "زواره‌ای", "سجادی", "مطهری",
)
TRADES = (
    "نانوایان", "قنادان", "خیاطان", "آرایشگران مردانه", "آرایشگران زنانه", "فروشندگان لوازم خانگی",
    "مشاوران املاک", "درودگران و مبل‌سازان", "تعمیرکاران خودرو", "فروشندگان پوشاک", "طلا و جواهرفروشان",
    "کفاشان", "عکاسان", "چاپخانه‌داران", "فروشندگان لوازم‌التحریر", "رستوران‌داران", "میوه و تره‌بارفروشان",
    "آهن‌فروشان", "فروشندگان مصالح ساختمانی", "لوله و اتصالات", "فرش‌فروشان", "قالی‌بافان", "مسگران",
    "نقره‌سازان", "سراجان", "لبنیات‌فروشان", "قصابان", "بارفروشان", "کبابی‌ها", "هتلداران", "رانندگان تاکسی",
    "تعمیرکاران لوازم خانگی", "فروشندگان موبایل", "کتاب‌فروشان", "داروخانه‌داران", "شیشه‌بران", "کاشی‌فروشان",
)
COOP_GROUPS = (
    "فرهنگیان", "کارکنان شهرداری", "کارکنان دانشگاه", "کارکنان بیمارستان", "کارگران ذوب‌آهن", "کارکنان فولاد",
    "کارکنان آموزش و پرورش", "کارکنان دادگستری", "کارکنان بانک", "کارکنان راه‌آهن", "کارکنان پالایشگاه",
    "کارکنان مخابرات", "کارکنان صدا و سیما", "بازنشستگان", "ایثارگران", "بانوان سرپرست خانوار", "دانش‌آموختگان",
    "کشاورزان", "دامداران", "باغداران", "زنبورداران", "ماهیگیران", "قالی‌بافان", "صنعتگران", "رانندگان",
    "پزشکان", "پرستاران", "مهندسان", "کارکنان نیروی انتظامی", "کارکنان جهاد کشاورزی", "جوانان",
)
COOP_NAMES = (
    "نگین", "سپاهان", "آفتاب", "امید", "پیشگامان", "همگام", "نوین", "بهاران", "گلستان", "زاینده‌رود",
    "چهل‌ستون", "نقش جهان", "پارس", "ایرانیان", "مهر", "آرمان", "فجر", "الوند", "دماوند", "سبلان", "کوثر",
    "طلوع", "پویا", "ستاره", "آسمان", "رویش", "ثمین", "یکتا", "هامون", "کارون",
)
COOP_ACTIVITIES = {
    "مصرف": "مصرف", "مسکن": "مسکن", "کشاورزی": "کشاورزی", "تولیدی": "تولیدی", "خدماتی": "خدماتی",
    "اعتبار": "اعتبار", "حمل و نقل": "حمل و نقل", "توزیعی": "توزیعی", "صنایع دستی": "صنایع دستی",
    "فرش دستباف": "فرش دستباف", "معدنی": "معدنی", "عشایری": "عشایری", "آب‌بران": "آب‌بران",
    "تأمین نیاز تولیدکنندگان": "تأمین نیاز تولیدکنندگان",
}
BANKS = (
    "ملی ایران", "ملت", "صادرات ایران", "تجارت", "سپه", "کشاورزی", "مسکن", "رفاه کارگران", "توسعه تعاون",
    "پست بانک ایران", "قرض‌الحسنه مهر ایران", "اقتصاد نوین", "پاسارگاد", "پارسیان", "سامان", "شهر", "دی",
    "سینا", "کارآفرین", "توسعه صادرات ایران", "صنعت و معدن",
)
BRANCHES = ("مرکزی", "میدان امام", "خیابان امام خمینی", "میدان آزادی", "خیابان انقلاب", "بازار", "فلکه اول",
            "خیابان طالقانی", "بلوار کشاورز", "میدان شهدا", "خیابان فردوسی", "شهرک صنعتی")
MINISTRIES = (
    "وزارت تعاون، کار و رفاه اجتماعی", "وزارت کشور", "وزارت امور اقتصادی و دارایی", "وزارت جهاد کشاورزی",
    "وزارت صنعت، معدن و تجارت", "وزارت راه و شهرسازی", "وزارت آموزش و پرورش", "وزارت بهداشت، درمان و آموزش پزشکی",
    "وزارت فرهنگ و ارشاد اسلامی", "وزارت نیرو", "وزارت ارتباطات و فناوری اطلاعات", "وزارت علوم، تحقیقات و فناوری",
    "وزارت میراث فرهنگی، گردشگری و صنایع دستی", "وزارت نفت", "وزارت ورزش و جوانان", "وزارت دادگستری",
    "وزارت امور خارجه", "وزارت دفاع و پشتیبانی نیروهای مسلح", "وزارت اطلاعات",
)
GOV_DEPARTMENTS = (
    "تعاون، کار و رفاه اجتماعی", "صنعت، معدن و تجارت", "جهاد کشاورزی", "میراث فرهنگی، گردشگری و صنایع دستی",
    "امور اقتصادی و دارایی", "فرهنگ و ارشاد اسلامی", "منابع طبیعی و آبخیزداری", "بهزیستی", "تأمین اجتماعی",
    "راه و شهرسازی", "آموزش فنی و حرفه‌ای", "امور مالیاتی", "ثبت اسناد و املاک", "دامپزشکی",
)
FINANCIAL = ("صندوق کارآفرینی امید", "صندوق ضمانت سرمایه‌گذاری تعاون", "مؤسسه اعتباری ملل", "مؤسسه اعتباری نور",
             "مؤسسه اعتباری کوثر", "صندوق حمایت از توسعه بخش کشاورزی", "صندوق قرض‌الحسنه")
MEDIA = ("روزنامه {p}", "خبرگزاری ایرنا دفتر استان {p}", "خبرگزاری ایسنا دفتر {p}", "صدا و سیمای مرکز {p}",
         "هفته‌نامه تعاون {p}", "خبرگزاری فارس دفتر {p}", "روزنامه نسل فردا {p}", "پایگاه خبری تعاون {p}")
OTHERS = ("اتاق تعاون استان {p}", "خانه کارگر {c}", "مجمع خیرین {c}", "انجمن صنفی کارفرمایان {c}",
          "کانون بازنشستگان {c}", "هلال احمر {c}", "کمیته امداد امام خمینی {c}")
STREETS = ("امام خمینی", "انقلاب", "آزادی", "طالقانی", "شهید بهشتی", "حافظ", "سعدی", "فردوسی", "کاشانی",
           "شریعتی", "مطهری", "چمران", "باهنر", "رجایی", "جمهوری اسلامی", "بسیج", "پاسداران", "ولیعصر",
           "کشاورز", "سپهسالار", "شهدا", "نبوت", "بهار", "گلستان")
POSITIONS_BY_KIND = {
    "اتحادیه": ("رئیس", "نایب رئیس", "دبیر", "خزانه‌دار", "بازرس", "عضو هیئت مدیره", "مسئول روابط عمومی"),
    "شرکت تعاونی": ("مدیرعامل", "رئیس هیئت مدیره", "نایب رئیس هیئت مدیره", "منشی هیئت مدیره", "عضو هیئت مدیره",
                    "عضو هیئت مدیره", "بازرس", "حسابدار"),
    "بانک": ("رئیس شعبه", "معاون شعبه", "کارشناس اعتبارات", "مسئول روابط عمومی", "مدیر شعب استان"),
    "وزارتخانه": ("وزیر", "معاون وزیر", "مدیرکل روابط عمومی", "مشاور وزیر", "رئیس دفتر وزیر"),
    "مؤسسه مالی و اعتباری": ("مدیرعامل", "رئیس شعبه", "معاون", "مسئول روابط عمومی"),
    "اداره دولتی": ("مدیرکل", "معاون", "رئیس اداره", "مسئول روابط عمومی", "کارشناس", "رئیس حراست"),
    "رسانه": ("مدیرمسئول", "سردبیر", "خبرنگار", "عکاس خبری", "دبیر سرویس اقتصادی"),
    "سایر": ("رئیس", "دبیر", "مدیر", "عضو هیئت امنا"),
}
STAFF_POSITIONS = ("مدیرکل", "معاون توسعه تعاون", "معاون روابط کار", "مسئول روابط عمومی", "کارشناس روابط عمومی",
                   "رئیس اداره تشکل‌ها", "کارشناس امور تعاونی‌ها", "مسئول دبیرخانه", "کارشناس حقوقی", "بازرس",
                   "کارشناس آمار", "راننده", "کارشناس فناوری اطلاعات", "رئیس حسابداری")
TAGS_PEOPLE = ("دعوت همایش روز ملی تعاون", "پیامک تبریک نوروز", "کارت تبریک عید", "خیرین", "ویژه", "هیئت مدیره اتحادیه")
TAGS_ORGS = ("تعاونی برتر استان", "دعوت همایش روز ملی تعاون", "خبرنامه", "تعاونی نوپا")

KIND_SHARES = (("شرکت تعاونی", 0.50), ("اتحادیه", 0.18), ("بانک", 0.10), ("اداره دولتی", 0.12),
               ("مؤسسه مالی و اعتباری", 0.03), ("رسانه", 0.04), ("سایر", 0.03))


class _Demo:
    """One run of the generator: a seeded random source and the names already used."""

    def __init__(self, size: str):
        self.rnd = random.Random(f"prdesk-demo-{size}")
        self.size = size
        self.used_names: set[str] = set()
        self.used_mobiles: set[str] = set()

    def place(self) -> tuple[str, str]:
        if self.rnd.random() < (0.3 if self.size == "large" else 0.75):
            province = HOME_PROVINCE
        else:
            province = self.rnd.choice(tuple(PROVINCES))
        cities = PROVINCES[province]
        # The provincial centre is where most organizations are.
        city = cities[0] if self.rnd.random() < 0.45 else self.rnd.choice(cities)
        return province, city

    def unique(self, name: str) -> str:
        if name not in self.used_names:
            self.used_names.add(name)
            return name
        for n in range(2, 10_000):
            numbered = f"{name} شماره {n}"
            if numbered not in self.used_names:
                self.used_names.add(numbered)
                return numbered
        raise RuntimeError("ran out of names")  # pragma: no cover

    def landline(self, province: str) -> str:
        return AREA_CODES[province] + str(self.rnd.choice((3, 3, 3, 5, 4, 6))) + f"{self.rnd.randrange(10**7):07d}"

    def mobile(self) -> str:
        while True:
            number = self.rnd.choice(MOBILE_PREFIXES) + f"{self.rnd.randrange(10**7):07d}"
            if number not in self.used_mobiles:
                self.used_mobiles.add(number)
                return number

    def postal_code(self) -> str:
        # Iranian postal codes use neither 0 nor 2 in the first five digits.
        head = "".join(self.rnd.choice("13456789") for _ in range(5))
        return head + f"{self.rnd.randrange(10**5):05d}"

    def address(self, city: str) -> str:
        r = self.rnd
        return f"{city}، خیابان {r.choice(STREETS)}، کوچه {r.choice(STREETS)}، پلاک {r.randint(1, 250)}"

    def birthday(self, first: int = 1955, last: int = 2000) -> str:
        start = dt.date(first, 1, 1).toordinal()
        return dt.date.fromordinal(self.rnd.randint(start, dt.date(last, 12, 31).toordinal())).isoformat()

    def organization(self, kind: str, index: int) -> dict:
        r = self.rnd
        province, city = self.place()
        activity = ""
        if kind == "شرکت تعاونی":
            activity = r.choice(tuple(COOP_ACTIVITIES))
            middle = r.choice(COOP_GROUPS) if r.random() < 0.6 else r.choice(COOP_NAMES)
            name = f"شرکت تعاونی {COOP_ACTIVITIES[activity]} {middle} {city}"
        elif kind == "اتحادیه":
            if r.random() < 0.75:
                name = f"اتحادیه صنف {r.choice(TRADES)} {city}"
                activity = "صنفی"
            else:
                activity = r.choice(tuple(COOP_ACTIVITIES))
                name = f"اتحادیه شرکت‌های تعاونی {activity} استان {province}"
        elif kind == "بانک":
            name = f"بانک {r.choice(BANKS)} شعبه {r.choice(BRANCHES)} {city}"
            activity = "اعتبار"
        elif kind == "وزارتخانه":
            name, province, city = MINISTRIES[index % len(MINISTRIES)], "تهران", "تهران"
        elif kind == "مؤسسه مالی و اعتباری":
            name = f"{r.choice(FINANCIAL)} شعبه {city}"
            activity = "اعتبار"
        elif kind == "اداره دولتی":
            choice = r.random()
            if choice < 0.5:
                name = f"اداره کل {r.choice(GOV_DEPARTMENTS)} استان {province}"
                city = PROVINCES[province][0]
            elif choice < 0.8:
                name = f"اداره {r.choice(GOV_DEPARTMENTS)} شهرستان {city}"
            else:
                name = f"{r.choice(('فرمانداری', 'شهرداری', 'بخشداری مرکزی'))} {city}"
        elif kind == "رسانه":
            name = r.choice(MEDIA).format(p=province)
            city = PROVINCES[province][0]
        else:
            name = r.choice(OTHERS).format(p=province, c=city)
        name = self.unique(name)
        phones = [{"label": "دفتر", "number": self.landline(province)}]
        if r.random() < 0.4:
            phones.append({"label": r.choice(("روابط عمومی", "مدیرعامل", "دبیرخانه")), "number": self.landline(province)})
        slug = PROVINCE_SLUGS[province]
        return {
            "name": name, "kind": kind, "activity": activity,
            "registration_no": str(r.randint(100, 99_999)) if kind in ("شرکت تعاونی", "اتحادیه") else "",
            "province": province, "city": city, "address": self.address(city),
            "postal_code": self.postal_code() if r.random() < 0.8 else "",
            "fax": self.landline(province) if r.random() < 0.3 else "",
            "email": f"info{index}@{slug}-coop.ir" if r.random() < 0.4 else "",
            "website": f"www.{slug}{index}.ir" if r.random() < 0.15 else "",
            "notes": "", "phones": phones,
            "tags": [r.choice(TAGS_ORGS)] if r.random() < 0.1 else [],
        }

    def person(self, kind: str, position: str, province: str) -> dict:
        r = self.rnd
        female = r.random() < (0.3 if kind != "رسانه" else 0.45)
        first = r.choice(FEMALE_NAMES if female else MALE_NAMES)
        title = ""
        roll = r.random()
        if roll < 0.12:
            title = "دکتر"
        elif roll < 0.22:
            title = "مهندس"
        elif roll < 0.235 and not female:
            title = "حجت‌الاسلام والمسلمین"
        return {
            "honorific": "خانم" if female else "آقای", "title": title, "first_name": first,
            "last_name": r.choice(LAST_NAMES), "gender": "female" if female else "male", "position": position,
            "mobile": self.mobile() if r.random() < 0.85 else "",
            "phone": self.landline(province) if r.random() < 0.3 else "",
            "email": "", "birthday": self.birthday() if r.random() < 0.3 else None,
            "is_staff": 0, "notes": "",
        }


def _kind_counts(total: int) -> list[tuple[str, int]]:
    ministries = min(len(MINISTRIES), max(3, total // 50))
    rest = total - ministries
    counts = [(kind, int(rest * share)) for kind, share in KIND_SHARES]
    counts[0] = (counts[0][0], counts[0][1] + rest - sum(n for _, n in counts))
    return [("وزارتخانه", ministries)] + counts


def fill_demo(db: Database, size: str = "small", progress: Callable[[int, int], bool] | None = None) -> dict:
    """Fill a new database with realistic sample contacts and office settings, in one transaction.

    Refuses (ValidationError) when the database already holds contacts. ``progress(done,
    total)`` is called along the way; returning False cancels and nothing is written.
    Returns the number of rows added per table and whether it was cancelled.
    """
    if size not in SIZES:
        raise ValidationError(f"اندازهٔ «{size}» شناخته نشد؛ یکی از small، office یا large را بدهید.", "size")
    if has_contacts(db):
        raise ValidationError(
            "این پایگاه داده از قبل مخاطب دارد؛ دادهٔ نمونه فقط در پایگاه دادهٔ تازه ریخته می‌شود. "
            "با --db یک فایل تازه بدهید."
        )
    plan = SIZES[size]
    demo = _Demo(size)
    total = plan["organizations"] + plan["people"]
    done = 0

    class _Cancelled(Exception):
        pass

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None and progress(done, total) is False:
            raise _Cancelled

    stamp = _now()
    try:
        with db.atomic(), deferred_search_index(db):
            update_settings(db, {
                "org_name_line3": HOME_OFFICE,
                "org_address": "اصفهان، خیابان استانداری، نبش کوچه نظامی، ساختمان شماره ۲",
                "org_postal_code": "8145735911",
                "org_phone": "03132211771",
                "org_fax": "03132211779",
                "org_website": "www.isfahan-tavon.ir",
                "signatory_name": "دکتر محمدرضا فرهادی",
                "signatory_position": "مدیرکل",
                "letter_unit_code": "روابط عمومی",
            })
            orgs = [demo.organization("اداره دولتی", 0) | {
                "name": HOME_OFFICE, "province": HOME_PROVINCE, "city": "اصفهان", "activity": "",
                "tags": ["همکاران"], "phones": [{"label": "دفتر", "number": "03132211771"}],
            }]
            demo.used_names.add(HOME_OFFICE)
            index = 1
            for kind, count in _kind_counts(plan["organizations"] - 1):
                for _ in range(count):
                    orgs.append(demo.organization(kind, index))
                    index += 1
            org_ids = _insert_organizations(db, orgs, stamp)
            step(len(orgs))
            people, tags, dates, history = _people_for(demo, orgs, org_ids, plan)
            batch = 5_000
            for start in range(0, len(people), batch):
                _insert_people(db, people[start:start + batch], stamp)
                step(len(people[start:start + batch]))
            _insert_links(db, tags, dates, history, orgs, org_ids)
            from prdesk.store.activity_demo import fill_activity

            fill_activity(db, demo.rnd, size)
            from prdesk.store.messages.demo import fill_messages

            fill_messages(db, size, demo.rnd, stamp)
    except _Cancelled:
        return {"cancelled": True, "organizations": 0, "people": 0}
    return {"cancelled": False, "organizations": len(orgs), "people": len(people)}


def _insert_organizations(db: Database, orgs: list[dict], stamp: str) -> list[int]:
    first_id = (db.execute("SELECT coalesce(max(id), 0) FROM organizations").fetchone()[0]) + 1
    columns = ("id", "name", "kind", "activity", "registration_no", "province", "city", "address", "postal_code",
               "fax", "email", "website", "notes", "created_at", "updated_at", "name_key", "sort_name", "search_key")
    rows, phones = [], []
    for offset, org in enumerate(orgs):
        org_id = first_id + offset
        keys = organization_keys(org, [p["number"] for p in org["phones"]])
        rows.append((org_id, *(org[c] for c in columns[1:13]), stamp, stamp, keys["name_key"], keys["sort_name"],
                     keys["search_key"]))
        phones += [(org_id, p["label"], p["number"], i) for i, p in enumerate(org["phones"])]
    db.conn.executemany(f"INSERT INTO organizations ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
    db.conn.executemany("INSERT INTO org_phones (org_id, label, number, position) VALUES (?, ?, ?, ?)", phones)
    for which, table in (("kind", "contact_kinds"), ("activity", "activity_types")):
        for value in sorted({o[which] for o in orgs if o[which]}):
            db.execute(
                f"INSERT OR IGNORE INTO {table} (name, position) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM {table}))",
                [value],
            )
    return [first_id + i for i in range(len(orgs))]


def _people_for(demo: _Demo, orgs: list[dict], org_ids: list[int], plan: dict) -> tuple[list[dict], list, list, list]:
    """People for each organization (positions fitting its kind), the office's staff, tags, dates, history."""
    r = demo.rnd
    people: list[dict] = []
    staff_names: set[tuple[str, str]] = set()
    for _ in range(plan["staff"]):
        person = demo.person("اداره دولتی", r.choice(STAFF_POSITIONS), HOME_PROVINCE)
        while (person["first_name"], person["last_name"]) in staff_names:
            person["last_name"] = r.choice(LAST_NAMES)
        staff_names.add((person["first_name"], person["last_name"]))
        person.update(is_staff=1, organization_id=org_ids[0], birthday=demo.birthday(1960, 2000),
                      mobile=person["mobile"] or demo.mobile())
        people.append(person)
    remaining = plan["people"] - plan["staff"]
    mean = remaining / max(1, len(orgs) - 1)
    others = list(range(1, len(orgs)))
    counts = {i: 0 for i in others}
    for i in others:
        counts[i] = max(1, round(r.triangular(1, mean * 2 - 1, mean))) if mean >= 2 else 1
    # Trim or pad to the exact size so every run of a size has the same numbers.
    surplus = sum(counts.values()) - remaining
    while surplus != 0:
        i = r.choice(others)
        if surplus > 0 and counts[i] > 1:
            counts[i] -= 1
            surplus -= 1
        elif surplus < 0:
            counts[i] += 1
            surplus += 1
    for i in others:
        org = orgs[i]
        positions = POSITIONS_BY_KIND[org["kind"]]
        names: set[tuple[str, str]] = set()
        for n in range(counts[i]):
            position = positions[n] if n < len(positions) else r.choice(positions[1:] or positions)
            person = demo.person(org["kind"], position, org["province"])
            # Two people of one organization with the same name would read as one duplicate.
            while (person["first_name"], person["last_name"]) in names:
                person["last_name"] = r.choice(LAST_NAMES)
            names.add((person["first_name"], person["last_name"]))
            person["organization_id"] = org_ids[i]
            people.append(person)
    tags, dates, history = [], [], []
    for n, person in enumerate(people):
        if r.random() < 0.08:
            tags.append((n, r.choice(TAGS_PEOPLE)))
        if person["is_staff"]:
            tags.append((n, "همکاران"))
        if r.random() < 0.01:
            relative = r.choice(("پدر", "مادر", "همسر"))
            dates.append((n, f"سالگرد درگذشت {relative}", demo.birthday(2005, 2024), "yearly"))
        if r.random() < 0.04:
            history.append((n, r.choice(POSITIONS_BY_KIND["شرکت تعاونی"]), r.choice(org_ids[1:] or org_ids),
                            demo.birthday(2008, 2015), demo.birthday(2016, 2023)))
    return people, tags, dates, history


def _insert_people(db: Database, people: list[dict], stamp: str) -> None:
    org_names = {}
    for person in people:
        org_id = person.get("organization_id")
        if org_id not in org_names:
            row = db.execute("SELECT name, city FROM organizations WHERE id = ?", [org_id]).fetchone()
            org_names[org_id] = row or ("", "")
    columns = [c for c in PERSON_DB_FIELDS] + ["created_at", "updated_at", "name_key", "sort_name", "search_key"]
    rows = []
    for person in people:
        person.setdefault("position_since", None)
        person.setdefault("deceased", 0)  # NOT NULL columns of the messages area
        person.setdefault("salutation", "")
        keys = person_keys(person, *org_names[person.get("organization_id")])
        rows.append([person.get(c) for c in PERSON_DB_FIELDS] + [stamp, stamp, keys["name_key"], keys["sort_name"],
                                                                 keys["search_key"]])
    db.conn.executemany(f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)


def _insert_links(db: Database, tags: list, dates: list, history: list, orgs: list[dict], org_ids: list[int]) -> None:
    from prdesk.store.contacts import _tag_id

    tag_ids: dict[str, int] = {}

    def tag(name: str) -> int:
        if name not in tag_ids:
            tag_ids[name] = _tag_id(db, name)
        return tag_ids[name]

    # The table was empty and people went in in list order, so position n has id first + n.
    people_ids = db.execute("SELECT min(id) FROM people").fetchone()[0]
    db.conn.executemany("INSERT OR IGNORE INTO person_tags (person_id, tag_id) VALUES (?, ?)",
                        [(people_ids + n, tag(name)) for n, name in tags])
    db.conn.executemany("INSERT OR IGNORE INTO org_tags (org_id, tag_id) VALUES (?, ?)",
                        [(org_ids[i], tag(name)) for i, org in enumerate(orgs) for name in org["tags"]])
    db.conn.executemany("INSERT INTO person_dates (person_id, label, date, kind) VALUES (?, ?, ?, ?)",
                        [(people_ids + n, label, date, kind) for n, label, date, kind in dates])
    names = dict(zip(org_ids, (o["name"] for o in orgs)))
    db.conn.executemany(
        """INSERT INTO position_history (person_id, position, organization_id, organization_name, from_date, to_date)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [(people_ids + n, pos, org_id, names[org_id], start, end) for n, pos, org_id, start, end in history],
    )


def describe(counts: dict) -> str:
    """One line for the CLI and the status bar: what the demo added."""
    from prdesk.core.text import to_persian_digits

    if counts.get("cancelled"):
        return "ساخت دادهٔ نمونه لغو شد؛ چیزی نوشته نشد."
    return (
        f"دادهٔ نمونه ساخته شد: {to_persian_digits(counts['organizations'])} سازمان و "
        f"{to_persian_digits(counts['people'])} شخص."
    )

