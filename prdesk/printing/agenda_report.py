"""The printed meetings report of a period: counts by status, request type, host, organization and month, a chart, the list."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle
from sqlite_utils import Database

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.core.jalali import format_jalali
from prdesk.core.text import to_persian_digits
from prdesk.printing.agenda_list import FastList
from prdesk.printing.report import bar_chart, build_report, data_table, heading, paragraph, section_heading
from prdesk.store import meetings as ms
from prdesk.store.settings import get_settings

PAGE_WIDTH_MM = 267.0  # A4 landscape inside the report margins
LIST_HEADERS = ("ردیف", "تاریخ", "ساعت", "میزبان", "مراجعه‌کننده", "سازمان", "موضوع", "نوع", "وضعیت", "نتیجه")
# From the demo year: a host always on one line; organization, subject and outcome on one line about half the time.
LIST_WIDTHS = [11.0, 17.0, 10.0, 36.0, 30.0, 44.0, 0.0, 19.0, 16.0, 40.0]
TOP_ORGANIZATIONS = 12


def _count(value: int) -> str:
    return to_persian_digits(f"{value:,}".replace(",", "٬"))


def _share(n: int, total: int) -> str:
    """``n`` of ``total`` as a whole percent; a share too small to round to one gets two decimals (۰٫۰۵٪), never «۰٪»."""
    if not total:
        return "—"
    share = 100 * n / total
    text = f"{share:.2f}".replace(".", "٫") if 0 < share < 0.5 else f"{share:.0f}"
    return to_persian_digits(text) + "٪"


def _counts_table(title: str, counts: list[tuple[str, int]], total: int, name_mm: float = 44.0) -> Table:
    rows = [[name, _count(n), _share(n, total)] for name, n in counts]
    return data_table([title, "تعداد", "سهم"], rows, [name_mm, 16.0, 12.0], size=8.5, aligns=["right", "center", "center"])


def _side_by_side(*parts, widths) -> Table:
    table = Table([list(reversed(parts))], colWidths=list(reversed([w * mm for w in widths])))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def report_story(db: Database, start: dt.date, end: dt.date) -> list[Flowable]:
    found = ms.list_meetings(db, start=start, end=end)
    period = f"از {format_jalali(start)} تا {format_jalali(end)}"
    if not found:
        return [paragraph(f"در بازهٔ {period} ملاقاتی ثبت نشده است.", align="right")]
    total = len(found)
    by_status = Counter(m.status for m in found)
    by_type = Counter(m.type for m in found)
    by_host = Counter(m.host for m in found)
    by_org = Counter(m.organization or "بدون سازمان (مراجعهٔ فردی)" for m in found)
    held = by_status.get("held", 0)
    followups = ms.list_followups(db, meeting_ids=[m.id for m in found]) if total <= 20000 else []
    open_followups = sum(1 for f in followups if f.is_open)
    story: list[Flowable] = [paragraph(
        f"{_count(total)} ملاقات در بازهٔ {period}؛ {_count(held)} برگزار شد، "
        f"{_count(by_status.get('cancelled', 0))} لغو شد، {_count(by_status.get('no-show', 0))} غایب، "
        f"{_count(by_status.get('postponed', 0))} موکول شد. {_count(len(followups))} پیگیری، {_count(open_followups)} باز.",
        align="right",
    )]
    status_rows = [(rules.STATUSES[k], by_status[k]) for k in rules.STATUSES if by_status[k]]
    type_rows = [(rules.REQUEST_TYPES[k], by_type[k]) for k in rules.REQUEST_TYPES if by_type[k]]
    chart = bar_chart([name for name, _ in type_rows], [n for _, n in type_rows], width_mm=105, height_mm=54,
                      title="ملاقات‌ها بر حسب نوع درخواست")
    story.append(heading("بر حسب وضعیت و نوع درخواست", size=12))
    story.append(_side_by_side(_counts_table("وضعیت", status_rows, total), _counts_table("نوع درخواست", type_rows, total),
                               chart, widths=[80.0, 80.0, 107.0]))
    host_rows = by_host.most_common()
    org_rows = by_org.most_common(TOP_ORGANIZATIONS)
    story.append(heading("بر حسب میزبان، سازمان و ماه", size=12, space_before=3))
    months = Counter(jalali.jalali_parts(m.date)[:2] for m in found)
    keys = sorted(months)[-12:]
    # The months as a table: twelve month names under a chart's bars run into each other.
    month_rows = [(f"{jalali.jalali_month_names[mo - 1]} {to_persian_digits(y)}", months[(y, mo)]) for y, mo in keys]
    month_title = "ماه" + (" (دوازده ماه آخر)" if len(months) > 12 else "")
    # Organization names are long: their column is the widest, so the counts stay on the first page.
    story.append(_side_by_side(_counts_table("میزبان", host_rows, total, name_mm=40.0),
                               _counts_table(f"سازمان ({_count(len(by_org))} سازمان؛ {_count(len(org_rows))} تای نخست)", org_rows, total,
                                             name_mm=84.0),
                               _counts_table(month_title, month_rows, total, name_mm=40.0), widths=[72.0, 116.0, 72.0]))
    # Every meeting of the period, however long: the list is drawn fast (agenda_list), never cut short.
    story += section_heading(f"فهرست ملاقات‌ها (همهٔ {_count(total)} ملاقات)", size=12)
    widths = list(LIST_WIDTHS)
    widths[6] = PAGE_WIDTH_MM - sum(widths)
    rows = [
        [_count(i), format_jalali(m.date), to_persian_digits(m.start), m.host, m.visitor_names, m.organization, m.subject,
         rules.REQUEST_TYPES[m.type], rules.STATUSES[m.status], m.outcome or m.cancel_reason]
        for i, m in enumerate(found, start=1)
    ]
    story.append(FastList(LIST_HEADERS, rows, [w * mm for w in widths],
                          ["center", "center", "center", "right", "right", "right", "right", "right", "right", "right"]))
    return story


def render_meetings_report(db: Database, start: dt.date, end: dt.date, *, settings: Mapping[str, str] | None = None,
                           printed: dt.date | None = None) -> bytes:
    """The meetings report from ``start`` to ``end`` as PDF bytes (A4 landscape)."""
    settings = settings if settings is not None else get_settings(db)
    return build_report(report_story(db, start, end),
                        title=f"گزارش ملاقات‌ها از {format_jalali(start)} تا {format_jalali(end)}",
                        settings=settings, landscape=True, printed=printed)
