"""What every printed calendar page shares: paper, colours, boxes, lines, the office's name and the title band."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from prdesk.core import occasions as occ
from prdesk.core.occasions import DayItem
from prdesk.core.text import clean
from prdesk.printing.calendar_text import fit
from prdesk.printing.fonts import BOLD, MEDIUM
from prdesk.printing.rtl import TextStyle, draw_text

PAPERS = {"A4": landscape(A4), "A3": landscape(A3)}

# The screen's colours (prdesk.ui.widgets.month_view), so the page and the window look alike.
HOLIDAY_RED = colors.HexColor("#c62828")
TEXT = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
HOLIDAY_BACKGROUND = colors.HexColor("#fff4f3")
EMPTY_BACKGROUND = colors.HexColor("#f3f5f8")
HEADER_FILL = colors.HexColor("#dfe6ef")
GRID = colors.HexColor("#9aa5b1")
LIGHT_RULE = colors.HexColor("#d9e0e8")
PANEL_FILL = colors.HexColor("#f8fafc")
LIST_PAD = 2.0  # mm inside a side panel
BULLETS = {
    "holiday": HOLIDAY_RED,
    occ.SOURCE_CATALOG: colors.HexColor("#2f6690"),
    "office": colors.HexColor("#00897b"),
    occ.SOURCE_EVENT: colors.HexColor("#e07a10"),
    occ.SOURCE_BIRTHDAY: colors.HexColor("#8e44ad"),
    occ.SOURCE_PERSON: colors.HexColor("#7b8794"),
}
LEGEND = (
    ("holiday", "تعطیل رسمی"),
    (occ.SOURCE_CATALOG, "مناسبت"),
    ("office", "مناسبت مرتبط با اداره"),
    (occ.SOURCE_EVENT, "مراسم و برنامهٔ اداره"),
    (occ.SOURCE_BIRTHDAY, "تولد"),
    (occ.SOURCE_PERSON, "سالگرد و یادبود"),
)


# --- geometry ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Box:
    """A rectangle on the page in points, from its bottom-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h

    def contains(self, x: float, y: float) -> bool:
        """Whether the point lies inside (edges included)."""
        return self.x - 0.01 <= x <= self.right + 0.01 and self.y - 0.01 <= y <= self.top + 0.01


@dataclass
class CellLine:
    """One line drawn in a cell or the side list: logical text, colour, the bullet before it."""

    text: str
    color: object = TEXT
    bullet: object = None
    strike: bool = False
    bold: bool = False
    label: str = ""  # the day, in a list's first column
    label_color: object = TEXT


def bullet_color(item: DayItem):
    """The colour of an item's bullet: red holidays, office occasions, events, people."""
    if item.holiday:
        return BULLETS["holiday"]
    if item.source == occ.SOURCE_CATALOG and item.category == "office":
        return BULLETS["office"]
    return BULLETS.get(item.source, MUTED)


def _item_color(item: DayItem):
    if item.holiday:
        return HOLIDAY_RED
    if item.source == occ.SOURCE_EVENT and item.status == "cancelled":
        return MUTED
    return TEXT


def _cancelled(item: DayItem) -> bool:
    return item.source == occ.SOURCE_EVENT and item.status == "cancelled"


class _Page:
    """What every calendar page shares: scale for the paper, the office's name and logo, the title band."""

    def __init__(self, settings: Mapping[str, str], pagesize):
        self.settings = settings
        self.width, self.height = pagesize
        self.s = self.width / PAPERS["A4"][0]  # A3 is A4 scaled up
        self.margin = 10 * mm * self.s
        self.band_top = self.height - 7 * mm * self.s
        self.band_bottom = self.height - 27 * mm * self.s

    def _style(self, size: float, **kw) -> TextStyle:
        return TextStyle(size=size * self.s, **kw)

    def draw_office(self, canv) -> float:
        """Logo (when its file exists) and the office's name lines at the top right; returns their width."""
        s = self.s
        right = self.width - self.margin
        logo = clean(self.settings.get("logo_path", ""))
        size = 17 * mm * s
        x = right
        if logo and Path(logo).is_file():
            try:
                canv.drawImage(
                    ImageReader(logo), right - size, self.band_top - size, width=size, height=size,
                    preserveAspectRatio=True, anchor="c", mask="auto",
                )
                x = right - size - 3 * mm * s
            except OSError:
                pass  # a broken logo file must not stop the calendar
        names = [clean(self.settings.get(f"org_name_line{i}", "")) for i in (1, 2, 3)]
        names = [n for n in names if n]
        widest = 0.0
        y = self.band_top - 4 * mm * s
        for index, name in enumerate(names):
            last = index == len(names) - 1
            style = self._style(9.5 if last else 8, font=BOLD if last else MEDIUM, color=TEXT)
            widest = max(widest, draw_text(canv, fit(name, 75 * mm * s, style), x, y, style=style, align="right"))
            y -= (5 if last else 4.3) * mm * s
        return right - x + widest

    def draw_line(self, canv, line: CellLine, right: float, baseline: float, style: TextStyle, bullet_room: float) -> None:
        """One line of a cell or a list: bullet at ``right``, text right-aligned after it, struck through if cancelled."""
        if line.bullet is not None:
            radius = style.size * 0.2
            canv.setFillColor(line.bullet)
            canv.circle(right - radius, baseline + style.size * 0.3, radius, stroke=0, fill=1)
        text_right = right - bullet_room
        width = draw_text(canv, line.text, text_right, baseline, style=style.but(color=line.color, bold=line.bold), align="right")
        if line.strike:
            canv.setStrokeColor(line.color)
            canv.setLineWidth(0.5)
            middle = baseline + style.size * 0.3
            canv.line(text_right - width, middle, text_right, middle)

    def draw_list(self, canv, box: Box, heading: str, lines: Sequence[CellLine], style: TextStyle, line_height: float,
                  *, label_width: float, bullet_room: float, empty: str) -> None:
        """A panel beside the grid: a heading, then the lines, a thin rule between days."""
        s = self.s
        canv.setFillColor(PANEL_FILL)
        canv.setStrokeColor(LIGHT_RULE)
        canv.setLineWidth(0.5)
        canv.rect(box.x, box.y, box.w, box.h, stroke=1, fill=1)
        pad = LIST_PAD * mm * s
        head = TextStyle(size=9.5 * s, bold=True, color=TEXT)
        y = box.top - pad - head.size * 0.85
        draw_text(canv, heading, box.right - pad, y, style=head, align="right")
        y -= 2 * mm * s
        canv.setStrokeColor(GRID)
        canv.line(box.x + pad, y, box.right - pad, y)
        y -= 1 * mm * s
        first = True
        for line in lines:
            if line.label and not first:
                canv.setStrokeColor(LIGHT_RULE)
                canv.line(box.x + pad, y, box.right - pad, y)
            first = False
            y -= line_height
            baseline = y + line_height * 0.28
            if line.label:
                draw_text(canv, line.label, box.right - pad, baseline, style=style.but(bold=True, color=line.label_color), align="right")
            self.draw_line(canv, line, box.right - pad - label_width, baseline, style, bullet_room)
        if not lines:
            draw_text(canv, empty, box.right - pad, y - line_height, style=style.but(color=MUTED), align="right")

    def draw_title(self, canv, title: str, subtitle: str) -> None:
        centre = self.width / 2
        draw_text(canv, title, centre, self.band_top - 8 * mm * self.s, style=self._style(20, bold=True, color=TEXT), align="center")
        if subtitle:
            draw_text(canv, subtitle, centre, self.band_top - 15 * mm * self.s, style=self._style(10.5, color=MUTED), align="center")
