"""The base every printed report stands on: page header and footer, headings, tables, bar charts."""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, landscape as landscape_of
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate, Table

from prdesk.core.jalali import format_jalali, today
from prdesk.core.text import clean, to_persian_digits
from prdesk.printing.fonts import BOLD, REGULAR, register_fonts
from prdesk.printing.pages import paged_canvas
from prdesk.printing.rtl import RtlParagraph, Span, TextStyle, break_lines, draw_text, prepare, rtl_table, text_width

PAPERS = {"A4": A4, "A5": A5}
HEADER_FILL = colors.HexColor("#dfe6ef")
ZEBRA_FILL = colors.HexColor("#f5f7fa")
GRID = colors.HexColor("#9aa5b1")
INK = colors.HexColor("#1f2933")
BAR = colors.HexColor("#2f6f9f")


@dataclass(frozen=True)
class ReportMargins:
    """Page margins in millimetres and the bands the header and footer take."""

    right: float = 15.0
    left: float = 15.0
    top: float = 24.0  # to the first line of the story; the header sits above it
    bottom: float = 18.0


def organization_name(settings: Mapping[str, str]) -> str:
    """The most specific name of the office (the last name line that is filled in)."""
    lines = [clean(settings.get(f"org_name_line{i}", "")) for i in (1, 2, 3)]
    lines = [line for line in lines if line]
    return lines[-1] if lines else ""


class _ReportPages:
    """Header (office, title, print date) and footer («صفحه ۲ از ۹») of every report page."""

    HEADER = "prdeskReportHeader"

    def __init__(self, title: str, settings: Mapping[str, str], printed: dt.date, pagesize, margins: ReportMargins):
        self.title, self.org = clean(title), organization_name(settings)
        self.printed = printed
        self.width, self.height = pagesize
        self.margins = margins

    def __call__(self, canv, page: int, pages: int) -> None:
        m = self.margins
        right, left = self.width - m.right * mm, m.left * mm
        y = self.height - 12 * mm
        canv.saveState()
        small = TextStyle(size=8.5, color=INK)
        # The header is the same on every page: drawn once as a form that each page shows
        # (a year's list of meetings has hundreds of pages).
        if not canv.hasForm(self.HEADER):
            canv.beginForm(self.HEADER)
            if self.org:
                draw_text(canv, self.org, right, y, style=small.but(bold=True), align="right")
            draw_text(canv, self.title, self.width / 2, y, style=TextStyle(font=BOLD, size=12, color=INK), align="center")
            draw_text(canv, f"تاریخ چاپ: {format_jalali(self.printed)}", left + text_width(f"تاریخ چاپ: {format_jalali(self.printed)}", small), y, style=small, align="right")
            canv.setStrokeColor(GRID)
            canv.setLineWidth(0.5)
            canv.line(left, y - 3 * mm, right, y - 3 * mm)
            canv.endForm()
        canv.doForm(self.HEADER)
        draw_text(canv, f"صفحه {page} از {pages}", self.width / 2, 9 * mm, style=small, align="center")
        canv.restoreState()


def build_report(
    story: Sequence[Flowable],
    *,
    title: str,
    settings: Mapping[str, str],
    paper: str = "A4",
    landscape: bool = False,
    printed: dt.date | None = None,
    margins: ReportMargins | None = None,
    decorate: Callable | None = None,
) -> bytes:
    """Lay ``story`` out on report pages and return the PDF (title in the metadata).

    ``decorate(canvas, page, pages)`` replaces the standard header and footer when given.
    """
    register_fonts()
    margins = margins or ReportMargins()
    pagesize = PAPERS[paper.upper()]
    if landscape:
        pagesize = landscape_of(pagesize)
    width, height = pagesize
    frame = Frame(
        margins.left * mm, margins.bottom * mm, width - (margins.left + margins.right) * mm,
        height - (margins.top + margins.bottom) * mm, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, title=clean(title), author=organization_name(settings), creator="prdesk",
        subject=clean(title), initialFontName=REGULAR,
    )
    doc.addPageTemplates([PageTemplate(id="report", frames=[frame])])
    pages = decorate or _ReportPages(title, settings, printed or today(), pagesize, margins)
    doc.build(list(story), canvasmaker=paged_canvas(pages))
    return buffer.getvalue()


def heading(text: str, *, size: float = 13.0, space_before: float = 4.0, space_after: float = 2.0) -> RtlParagraph:
    """A bold heading kept with what follows it."""
    return RtlParagraph(text, TextStyle(font=BOLD, size=size, align="right", line_spacing=1.5,
                                        space_before=space_before * mm, space_after=space_after * mm, keep_with_next=True))


def section_heading(text: str, *, size: float = 11.5, space_before: float = 5.0, room_mm: float = 35.0) -> list[Flowable]:
    """A group's heading that starts a new page only when fewer than ``room_mm`` remain.

    Unlike :func:`heading`, the table that follows may split across pages (its header row repeats),
    so a long group does not leave most of a page blank.
    """
    return [
        CondPageBreak(room_mm * mm),
        RtlParagraph(text, TextStyle(font=BOLD, size=size, align="right", line_spacing=1.5,
                                     space_before=space_before * mm, space_after=2.0 * mm)),
    ]


def paragraph(text: str, *, size: float = 11.0, align: str = "justify") -> RtlParagraph:
    """A body paragraph of a report."""
    return RtlParagraph(text, TextStyle(size=size, align=align, space_after=1.5 * mm))


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_mm: Sequence[float],
    *,
    size: float = 9.5,
    aligns: Sequence[str] | None = None,
    zebra: bool = True,
    spans: Sequence[int] = (),
) -> Table:
    """A report table: a shaded header row repeated on every page, light grid, zebra rows.

    ``aligns`` gives each column's alignment ("right", "center", "left"); ``spans`` lists row
    indexes (counting from the first data row) whose first cell runs across every column, as a
    group title does.
    """
    count = len(widths_mm)
    cell = TextStyle(size=size, line_spacing=1.4, align="right", color=INK)
    col_styles = [cell.but(align=a) for a in (aligns or ["right"] * count)]
    header = cell.but(bold=True, align="center")
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, GRID),
        ("GRID", (0, 0), (-1, -1), 0.3, GRID),
    ]
    span_rows = {r + 1 for r in spans}
    if zebra:
        shade = False
        for index in range(1, len(rows) + 1):
            if index in span_rows:
                shade = False
                continue
            if shade:
                commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA_FILL))
            shade = not shade
    for index in sorted(span_rows):
        commands += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), HEADER_FILL),
        ]
    data = [list(headers)]
    for index, row in enumerate(rows, start=1):
        if index in span_rows:
            # ReportLab draws a span's content from its visually first (leftmost) cell, which is
            # the logically last one once rtl_table has put the columns right to left.
            data.append([""] * (count - 1) + [RtlParagraph(str(row[0]), cell.but(bold=True))])
        else:
            data.append(list(row))
    return rtl_table(
        data, [w * mm for w in widths_mm], header_rows=1, cell_style=cell, header_style=header,
        commands=commands, col_styles=col_styles,
    )


def visual(text: str, *, font: str = REGULAR, size: float = 9.0) -> str:
    """One line of ``text`` as the glyph string ReportLab draws left to right (for graphics labels)."""
    words = prepare([Span(text, font, size)])
    lines = break_lines(words, float("inf"), 1.0, size)
    return "".join(t for line in lines for t, _, _ in line.visual_runs)


def category_label(label: str, room: float, *, size: float = 8.0) -> str:
    """A chart's category label as drawn: on two lines (split at a space) when one line is wider than ``room`` points."""
    words = label.split()
    if len(words) < 2 or text_width(label, TextStyle(size=size)) <= room:
        return visual(label, size=size)
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return visual(" ".join(words[:best]), size=size) + "\n" + visual(" ".join(words[best:]), size=size)


def _nice_step(largest: float, ticks: int = 5) -> float:
    """A whole-number axis step (1, 2, 5 × 10ⁿ) giving about ``ticks`` gridlines up to ``largest``."""
    raw = max(largest / ticks, 1.0)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return float(10 * power)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    width_mm: float = 170.0,
    height_mm: float = 70.0,
    title: str = "",
    color=BAR,
) -> Drawing:
    """A vertical bar chart read right to left: the first label on the right, value axis on the right."""
    register_fonts()
    width, height = width_mm * mm, height_mm * mm
    drawing = Drawing(width, height)
    top = 8 * mm if title else 2 * mm
    chart = VerticalBarChart()
    chart.x, chart.y = 4 * mm, 14 * mm
    chart.width, chart.height = width - 16 * mm, height - 14 * mm - top
    chart.data = [list(reversed([float(v) for v in values]))]
    chart.bars[0].fillColor = color
    chart.bars[0].strokeColor = None
    chart.barSpacing = 2
    chart.groupSpacing = 6
    slot = chart.width / max(len(labels), 1) - 4
    chart.categoryAxis.categoryNames = [category_label(label, slot) for label in reversed(labels)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GRID
    step = _nice_step(max([float(v) for v in values] or [0.0]))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    # One step of headroom so the tallest bar's label stays clear of the title.
    chart.valueAxis.valueMax = (math.floor(max([float(v) for v in values] or [0.0]) / step) + 1) * step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = lambda v: to_persian_digits(f"{v:,.0f}".replace(",", "٬"))
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ee")
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.joinAxisMode = "right"
    chart.valueAxis.labels.boxAnchor = "w"
    chart.valueAxis.labels.dx = 4
    chart.valueAxis.joinAxis = chart.categoryAxis
    chart.barLabelFormat = lambda v: to_persian_digits(f"{v:,.0f}".replace(",", "٬"))
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if title:
        drawing.add(String(width / 2, height - 5 * mm, visual(title, font=BOLD, size=10), fontName=BOLD, fontSize=10, textAnchor="middle", fillColor=INK))
    return drawing
