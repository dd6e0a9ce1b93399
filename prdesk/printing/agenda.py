"""The meetings' printed pages: the host's daily agenda (A4/A5), the public-day queue sheet, the visitor's request form."""

from __future__ import annotations

import datetime as dt
from typing import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from sqlite_utils import Database

from prdesk.core import meetings as rules
from prdesk.core.jalali import format_jalali, format_jalali_long
from prdesk.core.letter_number import Letter
from prdesk.core.text import to_persian_digits
from prdesk.printing.fonts import BOLD
from prdesk.printing.report import INK, GRID, ReportMargins, build_report, data_table, paragraph
from prdesk.printing.rtl import RtlParagraph, TextStyle, draw_text
from prdesk.store import meetings as ms
from prdesk.store.settings import get_settings

# Width inside the margins: A4 portrait (15 mm each side) and A5 portrait (10 mm each side).
WIDTH_MM = {"A4": 180.0, "A5": 128.0}
MARGINS = {"A4": ReportMargins(), "A5": ReportMargins(right=10.0, left=10.0, top=22.0, bottom=15.0)}
AGENDA_WIDTHS = {"A4": [10.0, 18.0, 31.0, 30.0, 0.0, 47.0], "A5": [8.0, 16.0, 22.0, 21.0, 0.0, 31.0]}
AGENDA_HEADERS = ("ردیف", "ساعت", "مراجعه‌کننده", "سازمان", "موضوع", "ملاقات‌های پیشین")


def _count(value: int) -> str:
    return to_persian_digits(f"{value:,}".replace(",", "٬"))


def stacked(lines: Sequence[str], width_mm: float, style: TextStyle) -> Flowable | str:
    """Several short lines in one table cell, one under the other."""
    lines = [line for line in lines if line]
    if not lines:
        return ""
    if len(lines) == 1:
        return lines[0]
    inner = Table([[RtlParagraph(line, style)] for line in lines], colWidths=[(width_mm - 2) * mm])
    inner.setStyle(TableStyle([(k, (0, 0), (-1, -1), 0) for k in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]))
    return inner


def _earlier_lines(earlier: Mapping[str, list[ms.Meeting]], several: bool) -> list[str]:
    lines = []
    for name, found in earlier.items():
        for m in found[:3]:
            what = m.outcome or m.subject
            text = f"{format_jalali(m.date)}: {m.status_name}" + (f" — {what}" if what else "")
            lines.append(f"{name}: {text}" if several else text)
    return lines


def agenda_rows(db: Database, date: dt.date, host_id: int, paper: str = "A4") -> list[list]:
    """The agenda's table rows: time, visitors, organization, subject (with notes), earlier meetings."""
    widths = _widths(paper)
    size = 8.5 if paper == "A4" else 7.5
    style = TextStyle(size=size - 0.5, line_spacing=1.3, align="right", color=INK)
    rows = []
    for index, m in enumerate(ms.day_meetings(db, date, host_id), start=1):
        subject = m.subject or "—"
        extra = [m.type_name]
        if m.room:
            extra.append(m.room)
        if m.status in rules.NON_BLOCKING or m.status == "held":
            extra.append(m.status_name)
        if m.priority == "high":
            extra.append("فوری")
        earlier = _earlier_lines(ms.earlier_meetings(db, m, limit=3), len(m.visitors) > 1)
        rows.append([
            _count(index), f"{m.start}–{m.end}", m.visitor_names, m.organization or "—",
            stacked([subject, f"({'، '.join(extra)})", m.notes], widths[4], style),
            stacked(earlier or ["نخستین ملاقات"], widths[5], style),
        ])
    return rows


def _widths(paper: str) -> list[float]:
    widths = list(AGENDA_WIDTHS[paper])
    widths[4] = WIDTH_MM[paper] - sum(widths)
    return widths


def agenda_story(db: Database, date: dt.date, host_id: int, paper: str = "A4") -> list[Flowable]:
    host = ms.get_host(db, host_id)
    rows = agenda_rows(db, date, host_id, paper)
    size = 11.0 if paper == "A4" else 9.5
    story: list[Flowable] = [
        RtlParagraph(f"برنامهٔ ملاقات‌های {host.name}", TextStyle(font=BOLD, size=size + 3, align="center", space_after=1 * mm)),
        RtlParagraph(format_jalali_long(date), TextStyle(size=size + 1, align="center", space_after=3 * mm)),
    ]
    if not rows:
        story.append(paragraph(f"برای {host.name} در این روز ملاقاتی ثبت نشده است.", align="right", size=size))
        return story
    blocking = sum(1 for m in ms.day_meetings(db, date, host_id) if m.blocks)
    story.append(paragraph(f"{_count(blocking)} ملاقات؛ ساعت کار میزبان: {host.hours.describe(date)}.", align="right", size=size - 1))
    story.append(data_table(AGENDA_HEADERS, rows, _widths(paper), size=8.5 if paper == "A4" else 7.5,
                            aligns=["center", "center", "right", "right", "right", "right"]))
    return story


def render_agenda(db: Database, date: dt.date, host_id: int, *, paper: str = "A4", settings: Mapping[str, str] | None = None,
                  printed: dt.date | None = None) -> bytes:
    """The host's agenda of ``date`` as PDF bytes (A4 or A5 portrait)."""
    paper = paper.upper()
    settings = settings if settings is not None else get_settings(db)
    host = ms.get_host(db, host_id)
    # The page header keeps a short title: the office's name shares its line.
    return build_report(agenda_story(db, date, host_id, paper), title="برنامهٔ ملاقات‌ها",
                        settings=settings, paper=paper, printed=printed, margins=MARGINS[paper])


# ---------------------------------------------------------------- the public day's queue sheet

QUEUE_HEADERS = ("نوبت", "ورود", "مراجعه‌کننده", "تلفن", "سازمان", "موضوع", "نوع", "وضعیت")
QUEUE_WIDTHS = [11.0, 13.0, 30.0, 24.0, 28.0, 0.0, 18.0, 18.0]


def render_queue_sheet(db: Database, date: dt.date, host_id: int, *, settings: Mapping[str, str] | None = None,
                       printed: dt.date | None = None) -> bytes:
    """The public day's visitors in arrival order, with an empty row for each walk-in still to come."""
    settings = settings if settings is not None else get_settings(db)
    host = ms.get_host(db, host_id)
    rows = []
    for m in ms.queue(db, host_id, date):
        phones = "، ".join(v.phone for v in m.visitors if v.phone)
        rows.append([
            _count(m.queue_number) if m.queue_number else "—", m.arrived_at or "", m.visitor_names, phones,
            m.organization, m.subject, m.type_name, m.status_name,
        ])
    # Numbered empty rows for the walk-ins still to come, written in by hand at the door.
    numbered = max([m.queue_number or 0 for m in ms.queue(db, host_id, date)] or [0])
    rows += [[_count(numbered + i + 1)] + [""] * (len(QUEUE_HEADERS) - 1) for i in range(max(0, 15 - len(rows)))]
    widths = list(QUEUE_WIDTHS)
    widths[5] = WIDTH_MM["A4"] - sum(widths)
    story: list[Flowable] = [
        RtlParagraph(f"ملاقات عمومی {host.name}", TextStyle(font=BOLD, size=14, align="center", space_after=1 * mm)),
        RtlParagraph(format_jalali_long(date), TextStyle(size=12, align="center", space_after=3 * mm)),
        data_table(QUEUE_HEADERS, rows, widths, size=8.5, aligns=["center", "center", "right", "center", "right", "right", "right", "center"]),
    ]
    return build_report(story, title="نوبت ملاقات عمومی", settings=settings, printed=printed)


# ---------------------------------------------------------------- the visitor's request form (فرم ۱)


class _FormLines(Flowable):
    """Labelled lines to write on by hand: «نام و نام خانوادگی: ……»."""

    def __init__(self, fields: Sequence[tuple[str, float]], width: float, gap: float = 9 * mm):
        super().__init__()
        self.fields, self.width_, self.gap = fields, width, gap

    def wrap(self, availWidth, availHeight):
        rows = 0
        used = 0.0
        for _, share in self.fields:
            if used + share > 1.0001:
                rows += 1
                used = 0.0
            used += share
        self.height_ = (rows + 1) * self.gap
        return self.width_, self.height_

    def draw(self):
        canv = self.canv
        style = TextStyle(size=10.5, color=INK)
        right, y, used = self.width_, self.height_ - self.gap + 2.5 * mm, 0.0
        canv.setStrokeColor(GRID)
        canv.setDash(1, 2)
        for label, share in self.fields:
            if used + share > 1.0001:
                y -= self.gap
                used = 0.0
            x = right - used * self.width_
            end = draw_text(canv, f"{label}:", x, y, style=style.but(bold=True), align="right")
            canv.line(x - end - 2 * mm, y - 1, x - share * self.width_ + 4 * mm, y - 1)
            used += share
        canv.setDash()


def _letterhead_pages(settings: Mapping[str, str], paper: str):
    from prdesk.printing.letter import _LetterPages, layout_from_settings
    from prdesk.printing.report import PAPERS

    layout = layout_from_settings(settings, paper)
    pages = _LetterPages(Letter(body=""), settings, layout, PAPERS[paper], False)

    def decorate(canv, page: int, pages_count: int) -> None:
        canv.saveState()
        pages._letterhead(canv)
        draw_text(canv, "فرم ۱", layout.margin_left * mm + 12 * mm, pages.height - 21 * mm, style=TextStyle(font=BOLD, size=10.5), align="right")
        canv.restoreState()

    return decorate, layout


class _Choices(Flowable):
    """Labels each with an empty box to tick, laid right to left and wrapped."""

    def __init__(self, labels: Sequence[str], width: float, size: float = 10.0):
        super().__init__()
        self.labels, self.width_, self.size = labels, width, size
        self.style = TextStyle(size=size, color=INK)

    def _placed(self) -> list[tuple[str, float, int]]:
        from prdesk.printing.rtl import text_width

        placed, x, row = [], 0.0, 0
        box = self.size * 0.8
        for label in self.labels:
            need = box + 1.5 * mm + text_width(label, self.style) + 6 * mm
            if x and x + need > self.width_:
                x, row = 0.0, row + 1
            placed.append((label, x, row))
            x += need
        return placed

    def wrap(self, availWidth, availHeight):
        rows = max(r for _, _, r in self._placed()) + 1
        self.height_ = rows * self.size * 1.9
        return self.width_, self.height_

    def draw(self):
        canv = self.canv
        box = self.size * 0.8
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.6)
        for label, x, row in self._placed():
            y = self.height_ - (row + 1) * self.size * 1.9 + self.size * 0.5
            right = self.width_ - x
            canv.rect(right - box, y, box, box, stroke=1, fill=0)
            draw_text(canv, label, right - box - 1.5 * mm, y + 0.5, style=self.style, align="right")


def render_request_form(settings: Mapping[str, str], *, paper: str = "A4") -> bytes:
    """The blank «فرم درخواست ملاقات» on the office's letterhead, for a visitor to fill in by hand."""
    from prdesk.printing.report import PAPERS

    paper = paper.upper()
    decorate, layout = _letterhead_pages(settings, paper)
    small = paper == "A5"
    margins = ReportMargins(right=layout.margin_right, left=layout.margin_left, top=layout.band + layout.body_gap,
                            bottom=12.0 if small else 15.0)
    width = PAPERS[paper][0] - (margins.right + margins.left) * mm
    gap = (8 if small else 9) * mm
    box_style = TextStyle(size=9.5 if small else 10.5, align="right", line_spacing=1.5)
    description = Table([[RtlParagraph("شرح درخواست، شکایت یا پیشنهاد:", box_style.but(bold=True))]],
                        colWidths=[width], rowHeights=[(40 if small else 70) * mm])
    description.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    office = Table([
        [RtlParagraph("ویژهٔ روابط عمومی", box_style.but(bold=True))],
        [_FormLines([("شمارهٔ ثبت", 0.5), ("تاریخ و ساعت ملاقات", 0.5), ("میزبان", 0.5), ("ارجاع به", 0.5)], width - 6 * mm, 8 * mm)],
    ], colWidths=[width])
    office.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("BACKGROUND", (0, 0), (-1, -1), "#f5f7fa")]))
    story: list[Flowable] = [
        RtlParagraph("فرم درخواست ملاقات", TextStyle(font=BOLD, size=12 if small else 14, align="center", space_after=4 * mm)),
        _FormLines([("نام و نام خانوادگی", 0.6), ("کد ملی", 0.4), ("تلفن همراه", 0.5), ("سمت", 0.5),
                    ("سازمان یا تعاونی", 1.0), ("نشانی", 1.0), ("موضوع", 1.0)], width, gap),
        Spacer(1, 2 * mm),
        RtlParagraph("نوع درخواست:", box_style.but(bold=True, space_after=1 * mm)),
        _Choices(list(rules.REQUEST_TYPES.values()), width, 9.0 if small else 10.0),
        Spacer(1, 3 * mm),
        description,
        Spacer(1, 3 * mm),
        _FormLines([("پیوست‌ها", 1.0), ("تاریخ", 0.5), ("امضای متقاضی", 0.5)], width, gap),
        Spacer(1, 4 * mm),
        office,
    ]
    return build_report(story, title="فرم درخواست ملاقات", settings=settings, paper=paper, margins=margins, decorate=decorate)
