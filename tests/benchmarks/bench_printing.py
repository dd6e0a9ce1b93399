"""Printing benchmark: prdesk's letter, directory and calendar PDFs beside the same documents from Qt.

Run: ``python tests/benchmarks/bench_printing.py [--runs N] [--rows N]``. In one process it
times (after a warm-up) one official letter, a directory of ``--rows`` organizations and the
12-month calendar of 1405 (with its year overview) laid out by prdesk's RTL engine on ReportLab,
and the same text laid out by Qt's own QTextDocument printed through QPdfWriter. Targets
(issue 4): one letter ≤ 80 ms, a 1,000-row directory ≤ 3 s, a 12-month calendar ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from prdesk.core.letter_number import CopyRecipient, Letter  # noqa: E402
from prdesk.paths import resource  # noqa: E402
from prdesk.core.calendars import gregorian_month_names  # noqa: E402
from prdesk.core.jalali import jalali_month_names, month_grid, weekday_names  # noqa: E402
from prdesk.core.text import to_persian_digits  # noqa: E402
from prdesk.printing.calendar import render_calendar  # noqa: E402
from prdesk.printing.directory import render_directory  # noqa: E402
from prdesk.printing.letter import render_letter  # noqa: E402
from prdesk.store.calendar import add_event, year_model  # noqa: E402
from prdesk.store.contacts import add_organization, iter_organizations  # noqa: E402
from prdesk.store.db import open_database  # noqa: E402
from prdesk.store.settings import SETTINGS  # noqa: E402

PARAGRAPH = (
    "احتراماً، عطف به نامه شماره ۴۵۶۷/د/۱۴۰۵ مورخ ۱۴۰۵/۰۸/۱۲ درخصوص برگزاری همایش تعاونی‌های برتر استان، "
    "به استحضار می‌رساند این اداره کل آمادگی دارد جلسهٔ هماهنگی را روز سه‌شنبه ۲۰ آذر ۱۴۰۵ ساعت 10:30 در سالن "
    "اجتماعات برگزار کند. خواهشمند است دستور فرمایید نمایندهٔ آن اتحادیه در جلسه حضور یابد و فهرست شرکت‌های عضو "
    "را تا پایان هفته به نشانی info@coop-isfahan.ir ارسال نماید."
)
KINDS = ["اتحادیه", "شرکت تعاونی", "بانک", "وزارتخانه", "مؤسسه مالی و اعتباری", "اداره دولتی", "رسانه"]
CITIES = ["اصفهان", "کاشان", "نجف‌آباد", "خمینی‌شهر", "شاهین‌شهر", "گلپایگان", "اردستان", "نطنز"]
ACTIVITIES = ["مصرف", "مسکن", "کشاورزی", "تولیدی", "خدماتی", "اعتبار"]


def settings() -> dict[str, str]:
    values = {s.key: s.default for s in SETTINGS}
    values.update(org_address="اصفهان، خیابان چهارباغ بالا، پلاک ۱۲", org_phone="03132224455",
                  org_website="www.coop-isfahan.ir", signatory_name="علیرضا کریمی")
    return values


def the_letter() -> Letter:
    return Letter(
        body="\n".join([PARAGRAPH] * 3), subject="برگزاری جلسهٔ هماهنگی همایش", number="1234/ص/1405",
        date=dt.date(2026, 11, 21), attachments="ندارد", salutation="جناب آقای", recipient_title="دکتر",
        recipient_name="محمدحسین رضایی", recipient_position="مدیرعامل",
        recipient_organization="اتحادیه تعاونی‌های مصرف استان اصفهان",
        copies=[CopyRecipient("معاونت توسعه کارآفرینی", "جهت استحضار")],
    )


def directory_db(path: Path, rows: int):
    db = open_database(path)
    rnd = random.Random(7)
    with db.atomic():
        for i in range(rows):
            city = rnd.choice(CITIES)
            add_organization(db, {
                "name": f"{rnd.choice(KINDS)} {rnd.choice(ACTIVITIES)} شماره {i + 1} {city}",
                "kind": rnd.choice(KINDS), "activity": rnd.choice(ACTIVITIES), "city": city,
                "phones": [f"031{rnd.randint(30000000, 39999999)}"] + ([f"0913{rnd.randint(1000000, 9999999)}"] if i % 3 == 0 else []),
            })
    return db


# --- the same documents through Qt ------------------------------------------------------------

def qt_setup():
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(resource("fonts", name)))
    return app


def qt_pdf(body_html: str, out: Path, *, landscape: bool = False) -> None:
    from PySide6.QtCore import QMarginsF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextOption

    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.A4))
    if landscape:
        writer.setPageOrientation(QPageLayout.Landscape)
        writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Millimeter)
    else:
        writer.setPageMargins(QMarginsF(15, 40, 25, 25), QPageLayout.Millimeter)
    writer.setResolution(300)
    doc = QTextDocument()
    doc.setDefaultFont(QFont("Vazirmatn", 13))
    option = QTextOption()
    option.setTextDirection(Qt.RightToLeft)
    doc.setDefaultTextOption(option)
    doc.setHtml(body_html)
    doc.print_(writer)


def letter_html(letter: Letter) -> str:
    body = "".join(f'<p align="justify">{html.escape(p)}</p>' for p in letter.body.splitlines())
    heading = "".join(f"<p><b>{html.escape(line)}</b></p>" for line in letter.heading_lines())
    return (
        '<html><body dir="rtl" style="font-family: Vazirmatn; font-size: 13pt; line-height: 160%">'
        f'<p align="center"><b>بسمه تعالی</b></p><p align="left">تاریخ: ۱۴۰۵/۰۸/۳۰<br>شماره: ۱۲۳۴/ص/۱۴۰۵<br>پیوست: ندارد</p>'
        f"<hr>{heading}<p><b>موضوع: {html.escape(letter.subject)}</b></p><p>با سلام و احترام</p>{body}"
        f'<p align="left"><b>علیرضا کریمی</b><br>مدیرکل</p></body></html>'
    )


def directory_html(db) -> str:
    rows = []
    for index, org in enumerate(iter_organizations(db, order_by="kind"), start=1):
        phones = "<br>".join(html.escape(p) for p in (org["phones"] or "").split("، ") if p)
        rows.append(f"<tr><td>{index}</td><td>{html.escape(org['name'])}</td><td>{html.escape(org['activity'])}</td>"
                    f"<td>{html.escape(org['city'])}</td><td>{phones}</td></tr>")
    return (
        '<html><body dir="rtl" style="font-family: Vazirmatn; font-size: 9pt">'
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"><thead><tr><th>ردیف</th><th>نام سازمان</th>'
        '<th>نوع فعالیت</th><th>شهر</th><th>تلفن‌ها</th></tr></thead>' + "".join(rows) + "</table></body></html>"
    )


def calendar_db(path: Path):
    """An office database with a few of the year's own events, as a clerk plans them."""
    db = open_database(path)
    for title, date in (("همایش تعاونی‌های برتر استان", "1405/01/15"), ("تکریم بازنشستگان", "1405/03/10"),
                        ("نمایشگاه دستاوردهای تعاون", "1405/06/13"), ("جلسهٔ شورای اداری", "1405/01/20")):
        add_event(db, {"title": title, "date": date})
    return db


BREAK = ' style="page-break-before: always"'


def calendar_html(db, year: int) -> str:
    """The same calendar for QTextDocument: each month a right-to-left table of days, then the year."""
    days = {e.date: e for e in year_model(db, year)}
    pages = []
    for month in range(1, 13):
        rows = []
        for week in month_grid(year, month):
            cells = []
            for day in week:
                entry = days.get(day) if day else None
                if entry is None:
                    cells.append('<td bgcolor="#f3f5f8"></td>')
                    continue
                colour = "#c62828" if entry.holiday else "#1f2933"
                lunar = to_persian_digits(entry.info.hijri.day) if entry.info.hijri else ""
                items = "".join(f"<br>• {html.escape(item.title)}" for item in entry.occasions[:2])
                cells.append(
                    f'<td valign="top" width="14%"><span style="font-size: 13pt; color: {colour}"><b>'
                    f"{to_persian_digits(entry.jalali[2])}</b></span> <small>{lunar} {to_persian_digits(day.day)}</small>"
                    f'<span style="font-size: 6.5pt">{items}</span></td>'
                )
            rows.append("<tr>" + "".join(cells) + "</tr>")
        first = next(e for e in days.values() if e.jalali[1] == month)
        title = f"{jalali_month_names[month - 1]} {to_persian_digits(year)} — {gregorian_month_names[first.date.month - 1]}"
        header = "".join(f"<th>{name}</th>" for name in weekday_names)
        pages.append(
            f'<h3 align="center"{BREAK if month > 1 else ""}>{title}</h3>'
            f'<table border="1" cellspacing="0" cellpadding="2" width="100%">'
            f"<tr>{header}</tr>{''.join(rows)}</table>"
        )
    overview = []
    for month in range(1, 13):
        cells = "".join(
            "<tr>" + "".join(
                f'<td align="center">{to_persian_digits(d.day) if d else ""}</td>' for d in week
            ) + "</tr>" for week in month_grid(year, month)
        )
        overview.append(f"<td><b>{jalali_month_names[month - 1]}</b><table>{cells}</table></td>")
    year_table = "".join("<tr>" + "".join(overview[i:i + 4]) + "</tr>" for i in range(0, 12, 4))
    pages.append(f'<h2 align="center"{BREAK}>تقویم سال {to_persian_digits(year)}</h2><table width="100%">{year_table}</table>')
    return f'<html><body dir="rtl" style="font-family: Vazirmatn; font-size: 7.5pt">{"".join(pages)}</body></html>'


def timed(fn, runs: int) -> float:
    """Median seconds of ``runs`` calls after one warm-up call."""
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    values = settings()
    letter = the_letter()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = directory_db(folder / "bench.sqlite3", args.rows)
        calendar = calendar_db(folder / "calendar.sqlite3")
        qt_setup()
        letter_markup = letter_html(letter)
        results = [
            ("letter (A4, 1 page)", 0.080,
             timed(lambda: render_letter(letter, values), args.runs),
             timed(lambda: qt_pdf(letter_markup, folder / "qt-letter.pdf"), args.runs)),
            (f"directory ({args.rows:,} rows)", 3.0,
             timed(lambda: render_directory(db, settings=values), max(1, args.runs // 2)),
             timed(lambda: qt_pdf(directory_html(db), folder / "qt-directory.pdf"), max(1, args.runs // 2))),
            # Both sides read the year model inside the timing, as `prdesk print calendar` does.
            ("calendar (12 months + year)", 1.5,
             timed(lambda: render_calendar(calendar, 1405, settings=values), max(1, args.runs // 2)),
             timed(lambda: qt_pdf(calendar_html(calendar, 1405), folder / "qt-calendar.pdf", landscape=True), max(1, args.runs // 2))),
        ]
        db.close()
        calendar.close()
    print(f"{'document':28} {'prdesk':>10} {'Qt':>10} {'ratio':>7} {'target':>9}  ok")
    for name, target, ours, qt in results:
        print(f"{name:28} {ours * 1000:8.1f}ms {qt * 1000:8.1f}ms {ours / qt:7.2f} {target * 1000:7.0f}ms  {'yes' if ours <= target else 'NO'}")


if __name__ == "__main__":
    main()
