"""The printed periodic performance report (گزارش عملکرد): a cover, then each area with comparisons and charts."""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer
from sqlite_utils import Database

from prdesk.core.activity import format_change
from prdesk.core.jalali import format_jalali, format_jalali_long, today
from prdesk.core.text import clean, to_persian_digits
from prdesk.printing.fonts import BOLD
from prdesk.printing.report import bar_chart, build_report, data_table, heading, paragraph, section_heading
from prdesk.printing.rtl import RtlParagraph, TextStyle
from prdesk.store.report import AreaReport, Breakdown, Summary, summary
from prdesk.store.settings import get_settings

WIDTH_MM = 180.0  # A4 portrait inside the report margins
MAX_BARS = 8
COMPARE_HEADERS = ("شاخص", "این دوره", "مدت مشابه سال پیش", "تغییر", "دورهٔ پیش", "تغییر")
COMPARE_WIDTHS = [52.0, 22.0, 30.0, 24.0, 22.0, 30.0]
COMPARE_ALIGNS = ["right", "center", "center", "center", "center", "center"]


def count(value: int) -> str:
    """A count in Persian digits with the Persian thousands separator."""
    return to_persian_digits(f"{value:,}".replace(",", "٬"))


def _compare_row(label: str, current: int, last_year: int, before: int) -> list[str]:
    return [label, count(current), count(last_year), format_change(current, last_year), count(before), format_change(current, before)]


def headline_rows(area: AreaReport) -> list[list[str]]:
    """The area's total and named figures in the three periods."""
    rows = [_compare_row("جمع", area.current.total, area.last_year.total, area.previous.total)]
    for key, (label, value) in area.current.figures.items():
        rows.append(_compare_row(label, value, area.last_year.figures[key][1], area.previous.figures[key][1]))
    return rows


def breakdown_rows(area: AreaReport, key: str) -> list[list[str]]:
    """One breakdown's rows in the three periods, the largest in this period first."""
    current: Breakdown = area.current.breakdowns[key]
    before = area.previous.breakdowns[key].counts
    last_year = area.last_year.breakdowns[key].counts
    keys = list(current.counts) + [k for k in last_year if k not in current.counts]
    return [_compare_row(current.label(k), current.counts.get(k, 0), last_year.get(k, 0), before.get(k, 0)) for k in keys]


def _chart(breakdown: Breakdown) -> Flowable | None:
    """A bar chart of the breakdown when a picture reads faster than the table (two kinds or more)."""
    items = [(breakdown.label(k), v) for k, v in breakdown.counts.items() if v][:MAX_BARS]
    if not breakdown.chart or len(items) < 2:
        return None
    return bar_chart([label for label, _ in items], [v for _, v in items], width_mm=WIDTH_MM, height_mm=58)


def area_story(area: AreaReport) -> list[Flowable]:
    """One area: the headline comparison, each breakdown with its chart, then its list."""
    story: list[Flowable] = [*section_heading(area.title, size=13, room_mm=60)]
    story.append(data_table(COMPARE_HEADERS, headline_rows(area), COMPARE_WIDTHS, aligns=COMPARE_ALIGNS, size=9))
    for key, breakdown in area.current.breakdowns.items():
        if not (breakdown.counts or area.last_year.breakdowns[key].counts):
            continue
        part: list[Flowable] = [heading(breakdown.title, size=10.5, space_before=4)]
        chart = _chart(breakdown)
        if chart is not None:
            part.append(chart)
        part.append(data_table(COMPARE_HEADERS, breakdown_rows(area, key), COMPARE_WIDTHS, aligns=COMPARE_ALIGNS, size=8.5))
        story.append(KeepTogether(part) if len(breakdown.counts) <= 12 else part[0])
        if len(breakdown.counts) > 12:
            story.extend(part[1:])
    if area.current.items:
        story.append(heading(area.current.items_title, size=10.5, space_before=4))
        rows = [
            [count(i), to_persian_digits(item["date"]), item["title"], item.get("outlet", "")]
            for i, item in enumerate(area.current.items, start=1)
        ]
        story.append(data_table(("ردیف", "تاریخ", "عنوان", "رسانه"), rows, [12.0, 22.0, WIDTH_MM - 74.0, 40.0], aligns=["center", "center", "right", "right"], size=8.5))
    return story


def cover_story(result: Summary, settings: Mapping[str, str], intro: str = "") -> list[Flowable]:
    """The cover: the office's name lines, the report's title and period, then the clerk's introduction."""
    lines = [clean(settings.get(f"org_name_line{i}", "")) for i in (1, 2, 3)]
    story: list[Flowable] = [Spacer(1, 30 * mm)]
    for line in (line for line in lines if line):
        story.append(RtlParagraph(line, TextStyle(font=BOLD, size=14, align="center", line_spacing=1.6)))
    unit = clean(settings.get("pr_unit_name", "")) or "روابط عمومی"
    story += [
        Spacer(1, 18 * mm),
        RtlParagraph(f"گزارش عملکرد {unit}", TextStyle(font=BOLD, size=22, align="center", line_spacing=1.6)),
        Spacer(1, 6 * mm),
        RtlParagraph(result.period.title, TextStyle(font=BOLD, size=16, align="center", line_spacing=1.6)),
        RtlParagraph(
            f"از {format_jalali_long(result.period.start)} تا {format_jalali_long(result.period.end)}",
            TextStyle(size=12, align="center", line_spacing=1.6),
        ),
        Spacer(1, 4 * mm),
        RtlParagraph(
            f"در سنجش با {result.last_year.title} (مدت مشابه سال پیش) و {result.previous.title} (دورهٔ پیش)",
            TextStyle(size=10.5, align="center", line_spacing=1.6),
        ),
    ]
    filled = [a for a in result.areas if not a.empty]
    if filled:
        story += [Spacer(1, 14 * mm), heading("خلاصه", size=12)]
        story.append(data_table(
            COMPARE_HEADERS, [_compare_row(a.title, a.current.total, a.last_year.total, a.previous.total) for a in filled],
            COMPARE_WIDTHS, aligns=COMPARE_ALIGNS, size=9.5,
        ))
    story.append(PageBreak())
    if clean(intro):
        story += [heading("مقدمه", size=13)] + [paragraph(p) for p in clean(intro).split("\n") if p.strip()]
    return story


def performance_story(result: Summary, settings: Mapping[str, str], *, intro: str = "", conclusion: str = "") -> list[Flowable]:
    """The whole document; areas without data in any of the three periods are left out."""
    story = cover_story(result, settings, intro)
    filled = [a for a in result.areas if not a.empty]
    if not filled:
        story.append(paragraph(f"در {result.period.title} و دوره‌های سنجش آن هیچ فعالیتی ثبت نشده است.", align="right"))
    for area in filled:
        story += area_story(area)
    if clean(conclusion):
        story += [*section_heading("جمع‌بندی", size=13)] + [paragraph(p) for p in clean(conclusion).split("\n") if p.strip()]
    return story


def render_performance(
    db: Database, period, *, intro: str = "", conclusion: str = "", settings: Mapping[str, str] | None = None,
    printed: dt.date | None = None, result: Summary | None = None,
) -> bytes:
    """The performance report of ``period`` as PDF bytes (A4 portrait)."""
    settings = settings if settings is not None else get_settings(db)
    result = result or summary(db, period)
    story = performance_story(result, settings, intro=intro, conclusion=conclusion)
    return build_report(story, title=f"گزارش عملکرد {result.period.title}", settings=settings, printed=printed or today())


def describe_period(result: Summary) -> str:
    """«پاییز ۱۴۰۵ (۱۴۰۵/۰۷/۰۱ تا ۱۴۰۵/۰۹/۳۰)»."""
    return f"{result.period.title} ({format_jalali(result.period.start)} تا {format_jalali(result.period.end)})"
