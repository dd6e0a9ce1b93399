"""The printed calendars: a Jalali month as a landscape grid like the screen's, and the year on one page.

The page furniture (paper, colours, boxes, the title band) is in calendar_page, the text that fits its
place in calendar_text; both are read through this module.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Mapping, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from sqlite_utils import Database

from prdesk.core import hijri, jalali
from prdesk.core import occasions as occ
from prdesk.core.calendars import gregorian_month_names
from prdesk.core.jalali import format_jalali, jalali_month_names, today
from prdesk.core.occasions import DayEntry
from prdesk.core.text import clean, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.printing.fonts import REGULAR, register_fonts
from prdesk.printing.pages import paged_canvas
from prdesk.printing.report import organization_name
from prdesk.printing.rtl import TextStyle, draw_text, text_width
from prdesk.store.calendar import month_model, year_model
from prdesk.store.settings import get_settings
from prdesk.printing.calendar_page import (  # noqa: F401 (the printed calendar's names, read from here)
    BULLETS, EMPTY_BACKGROUND, GRID, HEADER_FILL, HOLIDAY_BACKGROUND, HOLIDAY_RED, LEGEND, LIGHT_RULE, LIST_PAD,
    MUTED, PANEL_FILL, PAPERS, TEXT, Box, CellLine, _cancelled, _item_color, _Page, bullet_color,
)
from prdesk.printing.calendar_text import (  # noqa: F401
    ELLIPSIS, LUNAR_MARKS, fit, item_label, lunar_mark, month_title, other_months, other_years, short_title, wrap,
    _unique,
)

WEEKDAY_INITIALS = ("ش", "ی", "د", "س", "چ", "پ", "ج")
# A cell gives an item at most this many lines when it has room to spare.
MAX_CELL_LINES = 3
MAX_SIDE_LINES = 3
_LUNAR_NOTES = {
    hijri.PREDICTED: "تاریخ‌های قمری این ماه پیش‌بینی مرکز تقویم است و ممکن است یک روز جابه‌جا شود.",
    hijri.ESTIMATED: "تاریخ‌های قمری این ماه برآورد برنامه از رؤیت هلال است و ممکن است یک روز جابه‌جا شود.",
}
# The smallest size the year overview's holiday list shrinks to before it takes a second column.
MIN_LIST_SIZE = 5.6


def without_contacts(entries: Sequence[DayEntry]) -> list[DayEntry]:
    """The days without contacts' birthdays and dates: the office's wall calendar by default."""
    kept = []
    for entry in entries:
        copy = DayEntry(entry.info, entry.holiday, [i for i in entry.occasions if i.category != "contact"])
        kept.append(copy)
    return kept


class MonthPage(Flowable):
    """One Jalali month on a landscape page: the grid (Saturday on the right), and the month's list beside it."""

    def __init__(self, year: int, month: int, entries: Sequence[DayEntry], settings: Mapping[str, str], pagesize=PAPERS["A4"]):
        super().__init__()
        self.year, self.month = year, month
        self.entries = {e.date: e for e in entries}
        self.page = _Page(settings, pagesize)
        self.title = f"{jalali_month_names[month - 1]} {to_persian_digits(year)}"
        self.subtitle = other_months(entries)
        self.weeks = jalali.month_grid(year, month)
        s = self.page.s
        self.item_style = TextStyle(size=6.9 * s, color=TEXT)
        self.item_line = 6.9 * s * 1.32
        self.day_style = TextStyle(size=17 * s, bold=True)
        self.small_style = TextStyle(size=6.6 * s, color=MUTED)
        self.side_style = TextStyle(size=7.4 * s, color=TEXT)
        self.side_line = 7.4 * s * 1.36
        self._layout()
        self.cells = {day: self._cell_lines(day, entry) for day, entry in self.entries.items()}
        self.side = self._side_lines()

    # -- geometry
    def _layout(self) -> None:
        p, s = self.page, self.page.s
        self.side_box = Box(p.margin, 17 * mm * s, 66 * mm * s, p.band_bottom - 3 * mm * s - 17 * mm * s)
        grid_x = self.side_box.right + 5 * mm * s
        self.header_box = Box(grid_x, p.band_bottom - 3 * mm * s - 7 * mm * s, p.width - p.margin - grid_x, 7 * mm * s)
        bottom = 17 * mm * s
        self.grid_box = Box(grid_x, bottom, self.header_box.w, self.header_box.y - bottom)
        self.cell_w = self.grid_box.w / 7
        self.cell_h = self.grid_box.h / len(self.weeks)
        self.pad = 1.4 * mm * s

    def cell_box(self, row: int, col: int) -> Box:
        """The cell of week ``row`` and weekday ``col`` (0 = Saturday, the rightmost column)."""
        g = self.grid_box
        return Box(g.right - (col + 1) * self.cell_w, g.top - (row + 1) * self.cell_h, self.cell_w, self.cell_h)

    def box_of(self, day: dt.date) -> Box:
        """The cell of ``day``."""
        for row, week in enumerate(self.weeks):
            if day in week:
                return self.cell_box(row, week.index(day))
        raise ValueError(f"{day} is not in {self.year}/{self.month}")

    @property
    def items_top(self) -> float:
        """Distance from the top of a cell to the top of its first item line."""
        return self.pad + max(17 * self.page.s * 0.95, 2 * self.small_style.size * 1.25)

    @property
    def cell_capacity(self) -> int:
        return max(0, int((self.cell_h - self.items_top - self.pad * 0.6) // self.item_line))

    # -- content
    def _cell_lines(self, day: dt.date, entry: DayEntry) -> list[CellLine]:
        """The lines a day's cell lists: each item shortened to fit, «+N مورد دیگر» when there are too many."""
        items = entry.occasions
        capacity = self.cell_capacity
        if capacity == 0 or not items:
            return []
        width = self.cell_w - 2 * self.pad - self.bullet_room
        shown = items if len(items) <= capacity else items[: capacity - 1]
        spare = capacity - len(shown) - (1 if len(shown) < len(items) else 0)
        lines: list[CellLine] = []
        for item in shown:
            label = short_title(item_label(item))
            parts = wrap(label, width, self.item_style, min(MAX_CELL_LINES, 1 + spare))
            spare -= len(parts) - 1
            color = _item_color(item)
            lines.append(CellLine(parts[0], color, bullet_color(item), _cancelled(item)))
            lines.extend(CellLine(part, color, None, _cancelled(item)) for part in parts[1:])
        rest = len(items) - len(shown)
        if rest:
            lines.append(CellLine(f"+{to_persian_digits(rest)} مورد دیگر", MUTED))
        return lines

    @property
    def bullet_room(self) -> float:
        return 2.4 * mm * self.page.s

    @property
    def side_text_width(self) -> float:
        return self.side_box.w - 2 * LIST_PAD * mm * self.page.s - self.side_label_width - self.bullet_room

    @property
    def side_label_width(self) -> float:
        return 6 * mm * self.page.s

    def _side_lines(self) -> list[CellLine]:
        """The lines of the month's list: everything when it fits, else what matters most.

        Holidays, the office's occasions and events and people's dates come first; the other
        occasions fill what room is left, and a last line says how many were left out.
        """
        box = self.side_box
        capacity = int((box.h - 2 * LIST_PAD * mm * self.page.s - 14 * self.page.s) // self.side_line)
        rows = []
        for entry in sorted(self.entries.values(), key=lambda e: e.date):
            for item in entry.occasions:
                label = item_label(item)
                if item.source == occ.SOURCE_EVENT and item.location:
                    label = f"{label} — {item.location}"
                if _cancelled(item):
                    label = f"{label} (لغو شد)"
                mark = lunar_mark(entry, item)
                if mark:
                    label = f"{label} {mark}"
                important = item.holiday or item.source != occ.SOURCE_CATALOG or item.category == "office"
                rows.append((entry, item, label, important))
        # Wrapping is the costly part: a month of a large office holds hundreds of items, and only
        # as many as the panel shows are wrapped.
        wrapped: dict[int, list[str]] = {}

        def parts_of(index: int) -> list[str]:
            if index not in wrapped:
                wrapped[index] = wrap(rows[index][2], self.side_text_width, self.side_style, MAX_SIDE_LINES)
            return wrapped[index]

        if len(rows) <= capacity and sum(len(parts_of(i)) for i in range(len(rows))) <= capacity:
            keep = set(range(len(rows)))
        else:
            room = capacity - 1
            keep = set()
            for wanted in (True, False):
                for index, row in enumerate(rows):
                    if room <= 0:
                        break
                    if row[3] == wanted and len(parts_of(index)) <= room:
                        keep.add(index)
                        room -= len(parts_of(index))
        chosen = [(rows[i][0], rows[i][1], parts_of(i), rows[i][3]) for i in sorted(keep)]
        lines: list[CellLine] = []
        previous = None
        for entry, item, parts, _ in chosen:
            color = _item_color(item)
            day = to_persian_digits(entry.jalali[2]) if entry.date != previous else ""
            previous = entry.date
            lines.append(CellLine(parts[0], color, bullet_color(item), _cancelled(item), label=day,
                                  label_color=HOLIDAY_RED if entry.holiday else TEXT))
            lines.extend(CellLine(part, color, None, _cancelled(item)) for part in parts[1:])
        left_out = len(rows) - len(chosen)
        if left_out:
            lines.append(CellLine(f"و {to_persian_digits(left_out)} مناسبت دیگر که در خانه‌های جدول آمده است.", MUTED))
        return lines

    def lunar_note(self) -> str:
        """Why the lunar dates of this month may still move, or "" when they are Iran's official ones."""
        sources = {e.info.hijri_source for e in self.entries.values() if e.info.hijri}
        for source in (hijri.ESTIMATED, hijri.PREDICTED):
            if source in sources:
                return _LUNAR_NOTES[source]
        return ""

    # -- platypus
    def wrap(self, availWidth, availHeight):
        return availWidth, availHeight

    def draw(self):
        canv = self.canv
        canv.saveState()
        self.page.draw_office(canv)
        self.page.draw_title(canv, self.title, self.subtitle)
        self._draw_header(canv)
        for row, week in enumerate(self.weeks):
            for col, day in enumerate(week):
                self._draw_cell(canv, self.cell_box(row, col), day)
        g = self.grid_box
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.8)
        canv.rect(g.x, g.y, g.w, g.top - g.y + self.header_box.h, stroke=1, fill=0)
        self._draw_side(canv)
        self._draw_legend(canv)
        canv.restoreState()

    def _draw_header(self, canv) -> None:
        style = TextStyle(size=9.5 * self.page.s, bold=True, color=TEXT)
        h = self.header_box
        canv.setFillColor(HEADER_FILL)
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.5)
        canv.rect(h.x, h.y, h.w, h.h, stroke=1, fill=1)
        for col, name in enumerate(jalali.weekday_names):
            right = h.right - col * self.cell_w
            color = HOLIDAY_RED if col == jalali.FRIDAY else TEXT
            draw_text(canv, name, right - self.cell_w / 2, h.y + h.h * 0.3, style=style.but(color=color), align="center")

    def _draw_cell(self, canv, box: Box, day: dt.date | None) -> None:
        entry = self.entries.get(day) if day else None
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.4)
        if entry is None:
            canv.setFillColor(EMPTY_BACKGROUND)
            canv.rect(box.x, box.y, box.w, box.h, stroke=1, fill=1)
            return
        canv.setFillColor(HOLIDAY_BACKGROUND if entry.holiday else colors.white)
        canv.rect(box.x, box.y, box.w, box.h, stroke=1, fill=1)
        pad, s = self.pad, self.page.s
        number = to_persian_digits(entry.jalali[2])
        big = self.day_style.but(color=HOLIDAY_RED if entry.holiday else TEXT)
        number_width = draw_text(canv, number, box.right - pad, box.top - pad - big.size * 0.78, style=big, align="right")
        # The lunar and the Gregorian day, each with its month's name on the month's first day.
        room = box.w - 2 * pad - number_width - 1.5 * mm * s
        y = box.top - pad - self.small_style.size * 0.9
        for text in self._other_days(entry, room):
            draw_text(canv, text, box.x + pad, y, style=self.small_style, align="left")
            y -= self.small_style.size * 1.25
        y = box.top - self.items_top
        for line in self.cells.get(day, []):
            y -= self.item_line
            self.page.draw_line(canv, line, box.right - pad, y + self.item_line * 0.28, self.item_style, self.bullet_room)

    def _other_days(self, entry: DayEntry, room: float) -> list[str]:
        """Lunar first, then Gregorian, as the title line lists them."""
        first_cell = entry.jalali[2] == 1
        found = []
        lunar = entry.info.hijri
        if lunar is not None:
            text = to_persian_digits(lunar.day)
            named = f"{text} {lunar.month_name}" if lunar.day == 1 or first_cell else text
            found.append(named if text_width(named, self.small_style) <= room else text)
        text = to_persian_digits(entry.date.day)
        named = f"{text} {gregorian_month_names[entry.date.month - 1]}" if entry.date.day == 1 or first_cell else text
        found.append(named if text_width(named, self.small_style) <= room else text)
        return found

    def _draw_side(self, canv) -> None:
        self.page.draw_list(
            canv, self.side_box, "مناسبت‌ها و برنامه‌های ماه", self.side, self.side_style, self.side_line,
            label_width=self.side_label_width, bullet_room=self.bullet_room, empty="در این ماه مناسبتی ثبت نشده است.",
        )

    def _draw_legend(self, canv) -> None:
        s = self.page.s
        style = TextStyle(size=7.2 * s, color=TEXT)
        x = self.grid_box.right
        y = self.grid_box.y - 5 * mm * s
        radius = style.size * 0.22
        for key, label in LEGEND:
            canv.setFillColor(BULLETS[key])
            canv.circle(x - radius, y + style.size * 0.3, radius, stroke=0, fill=1)
            x -= 2 * radius + 1.2 * mm * s
            x -= draw_text(canv, label, x, y, style=style, align="right") + 4 * mm * s
        note = self.lunar_note()
        if note:
            draw_text(canv, fit(note, x - self.page.margin - 2 * mm * s, style.but(color=MUTED)), self.page.margin, y, style=style.but(color=MUTED), align="left")


class YearPage(Flowable):
    """The whole Jalali year on one page: twelve small month grids and the list of official holidays."""

    def __init__(self, year: int, entries: Sequence[DayEntry], settings: Mapping[str, str], pagesize=PAPERS["A4"]):
        super().__init__()
        self.year = year
        self.entries = {e.date: e for e in entries}
        self.page = _Page(settings, pagesize)
        s = self.page.s
        self.title = f"تقویم سال {to_persian_digits(year)}"
        self.subtitle = other_years(entries)
        self.side_box = Box(self.page.margin, 12 * mm * s, 62 * mm * s, self.page.band_bottom - 3 * mm * s - 12 * mm * s)
        grid_x = self.side_box.right + 6 * mm * s
        self.months_box = Box(grid_x, self.side_box.y, self.page.width - self.page.margin - grid_x, self.side_box.h)
        self.side_style = TextStyle(size=7.4 * s, color=TEXT)
        self.side_line = 7.4 * s * 1.36
        self.holidays = self._holiday_lines()

    def month_box(self, month: int) -> Box:
        """The box of a month: four to a row, Farvardin at the top right."""
        b = self.months_box
        gap_x, gap_y = 5 * mm * self.page.s, 3 * mm * self.page.s
        w = (b.w - 3 * gap_x) / 4
        h = (b.h - 2 * gap_y) / 3
        row, col = divmod(month - 1, 4)
        return Box(b.right - (col + 1) * w - col * gap_x, b.top - (row + 1) * h - row * gap_y, w, h)

    def _holiday_rows(self) -> list[tuple[str, str]]:
        """(day, what it is) for each official holiday that is not a plain Friday, in full."""
        rows = []
        for entry in sorted(self.entries.values(), key=lambda e: e.date):
            holidays = [item for item in entry.occasions if item.holiday]
            titles = _unique(short_title(item.title) for item in holidays)
            if not entry.holiday or (entry.info.is_friday and not titles):
                continue
            _, m, d = entry.jalali
            text = "، ".join(titles) or "تعطیل رسمی"
            mark = next((lunar_mark(entry, item) for item in holidays if lunar_mark(entry, item)), "")
            rows.append((f"{to_persian_digits(d)} {jalali_month_names[m - 1]}", f"{text} {mark}" if mark else text))
        return rows

    def _holiday_lines(self) -> list[CellLine]:
        """The official holidays, every one in full: the day in the first column, then what it is.

        The list wraps each entry as far as it needs; when the panel is too short it is set smaller,
        down to MIN_LIST_SIZE points, rather than cutting a holiday off.
        """
        s = self.page.s
        rows = self._holiday_rows()
        marked = any(mark in text for _, text in rows for mark in LUNAR_MARKS.values())
        size = 7.4
        while True:
            self.side_style = TextStyle(size=size * s, color=TEXT)
            self.side_line = size * s * 1.36
            label_style = self.side_style.but(bold=True)
            self.label_width = max([text_width(day, label_style) for day, _ in rows] + [0.0]) + 2 * mm * s
            width = self.side_box.w - 2 * LIST_PAD * mm * s - self.label_width
            capacity = int((self.side_box.h - 2 * LIST_PAD * mm * s - 14 * s) // self.side_line)
            lines: list[CellLine] = []
            for day, text in rows:
                parts = wrap(text, width, self.side_style, 99)
                lines.append(CellLine(parts[0], label=day, label_color=HOLIDAY_RED))
                lines.extend(CellLine(part) for part in parts[1:])
            if marked:
                note = "(پیش‌بینی) و (برآورد): روز قمری هنوز رسمی نشده و ممکن است یک روز جابه‌جا شود."
                parts = wrap(note, width, self.side_style, 99)
                # A label of a space draws the rule that sets the note apart from the last holiday.
                lines.append(CellLine(parts[0], MUTED, label=" "))
                lines.extend(CellLine(part, MUTED) for part in parts[1:])
            if len(lines) <= capacity or size <= MIN_LIST_SIZE:
                return lines
            size = max(MIN_LIST_SIZE, size - 0.3)

    def wrap(self, availWidth, availHeight):
        return availWidth, availHeight

    def draw(self):
        canv = self.canv
        canv.saveState()
        self.page.draw_office(canv)
        self.page.draw_title(canv, self.title, self.subtitle)
        for month in range(1, 13):
            self._draw_month(canv, month)
        self._draw_side(canv)
        canv.restoreState()

    def _draw_month(self, canv, month: int) -> None:
        s = self.page.s
        box = self.month_box(month)
        weeks = jalali.month_grid(self.year, month)
        days = [e for e in self.entries.values() if e.jalali[1] == month]
        title_h, head_h = 8.8 * mm * s, 4.4 * mm * s
        title = TextStyle(size=10.5 * s, bold=True, color=TEXT)
        draw_text(canv, jalali_month_names[month - 1], box.right - 1 * mm * s, box.top - 4 * mm * s, style=title, align="right")
        sub = TextStyle(size=6.3 * s, color=MUTED)
        draw_text(canv, fit(other_months(days), box.w - 2 * mm * s, sub), box.right - 1 * mm * s, box.top - 7.6 * mm * s, style=sub, align="right")
        cw = box.w / 7
        header = Box(box.x, box.top - title_h - head_h, box.w, head_h)
        canv.setFillColor(HEADER_FILL)
        canv.rect(header.x, header.y, header.w, header.h, stroke=0, fill=1)
        head_style = TextStyle(size=7 * s, bold=True, color=TEXT)
        for col, initial in enumerate(WEEKDAY_INITIALS):
            color = HOLIDAY_RED if col == jalali.FRIDAY else TEXT
            draw_text(canv, initial, header.right - (col + 0.5) * cw, header.y + head_h * 0.3, style=head_style.but(color=color), align="center")
        rows_top = header.y
        rh = min((rows_top - box.y) / 6, cw * 0.95)
        number = TextStyle(size=8 * s, color=TEXT)
        for row, week in enumerate(weeks):
            for col, day in enumerate(week):
                if day is None:
                    continue
                entry = self.entries.get(day)
                holiday = entry is not None and entry.holiday
                x = header.right - (col + 1) * cw
                y = rows_top - (row + 1) * rh
                if holiday:
                    canv.setFillColor(HOLIDAY_BACKGROUND)
                    canv.rect(x + 0.3, y + 0.3, cw - 0.6, rh - 0.6, stroke=0, fill=1)
                style = number.but(color=HOLIDAY_RED, bold=True) if holiday else number
                draw_text(canv, to_persian_digits(jalali.jalali_parts(day)[2]), x + cw / 2, y + rh * 0.3, style=style, align="center")
        canv.setStrokeColor(LIGHT_RULE)
        canv.setLineWidth(0.5)
        canv.rect(box.x, rows_top - len(weeks) * rh, box.w, len(weeks) * rh + head_h, stroke=1, fill=0)

    def _draw_side(self, canv) -> None:
        self.page.draw_list(
            canv, self.side_box, f"تعطیلات رسمی سال {to_persian_digits(self.year)}", self.holidays, self.side_style,
            self.side_line, label_width=self.label_width, bullet_room=0.0, empty="در این سال تعطیل رسمی ثبت نشده است.",
        )


# --- the document -----------------------------------------------------------------------------

class _CalendarFooter:
    """The print date and «صفحه ۲ از ۱۳» at the foot of every page."""

    def __init__(self, printed: dt.date, pagesize):
        self.printed = printed
        self.width, self.height = pagesize
        self.s = self.width / PAPERS["A4"][0]

    def __call__(self, canv, page: int, pages: int) -> None:
        s = self.s
        style = TextStyle(size=7.5 * s, color=MUTED)
        y = 6 * mm * s
        canv.saveState()
        draw_text(canv, f"تاریخ چاپ: {format_jalali(self.printed)}", self.width - 10 * mm * s, y, style=style, align="right")
        if pages > 1:
            draw_text(canv, f"صفحهٔ {page} از {pages}", self.width / 2, y, style=style, align="center")
        canv.restoreState()


def _check(year: int, month: int | None, paper: str) -> str:
    if not jalali.MIN_YEAR <= year <= jalali.MAX_YEAR:
        raise ValidationError(f"سال {to_persian_digits(year)} درست نیست؛ سال خورشیدی را چهاررقمی بنویسید (مثلاً ۱۴۰۵).", "year")
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(f"ماه {to_persian_digits(month)} وجود ندارد: ماه را از ۱ تا ۱۲ انتخاب کنید.", "month")
    paper = (paper or "A4").upper()
    if paper not in PAPERS:
        raise ValidationError("کاغذ تقویم را A4 یا A3 انتخاب کنید.", "paper")
    return paper


def calendar_story(
    db: Database, year: int, month: int | None = None, *, settings: Mapping[str, str] | None = None, paper: str = "A4",
    contacts: bool = False,
) -> list[Flowable]:
    """The pages of a printed calendar: one month, or the twelve months and the year overview.

    The days come from the same year model the month view and the CLI read. The office's wall
    calendar shows its own items and staff birthdays; contacts' birthdays and dates (a count per
    day) only with ``contacts``. The director's visitor meetings (names of visitors, dozens a day)
    are the agenda's, not the wall calendar's: they are left out.
    """
    paper = _check(year, month, paper)
    settings = settings if settings is not None else get_settings(db)
    pagesize = PAPERS[paper]
    keep = (lambda days: days) if contacts else without_contacts
    if month is not None:
        return [MonthPage(year, month, keep(month_model(db, year, month, contacts_birthdays=contacts, meetings=False)), settings, pagesize)]
    days = keep(year_model(db, year, contacts_birthdays=contacts, meetings=False))
    story: list[Flowable] = [
        MonthPage(year, m, [e for e in days if e.jalali[1] == m], settings, pagesize) for m in range(1, 13)
    ]
    story.append(YearPage(year, days, settings, pagesize))
    return story


def render_calendar(
    db: Database,
    year: int,
    month: int | None = None,
    *,
    paper: str = "A4",
    settings: Mapping[str, str] | None = None,
    printed: dt.date | None = None,
    contacts: bool = False,
) -> bytes:
    """The printed calendar as PDF bytes: a month page, or twelve month pages and the year overview."""
    paper = _check(year, month, paper)
    settings = settings if settings is not None else get_settings(db)
    story = calendar_story(db, year, month, settings=settings, paper=paper, contacts=contacts)
    if month is None:
        title = f"تقویم سال {to_persian_digits(year)}"
    else:
        title = f"تقویم {jalali_month_names[month - 1]} {to_persian_digits(year)}"
    return build_pages(story, title=title, settings=settings, pagesize=PAPERS[paper], printed=printed)


def build_pages(story: Sequence[Flowable], *, title: str, settings: Mapping[str, str], pagesize, printed: dt.date | None = None) -> bytes:
    """Lay whole-page flowables out one to a page of ``pagesize`` with the calendar footer.

    report.build_report knows A4 and A5 only; a wall calendar is also printed on A3.
    """
    register_fonts()
    width, height = pagesize
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, title=clean(title), author=organization_name(settings), creator="prdesk",
        subject=clean(title), initialFontName=REGULAR,
    )
    frame = Frame(0, 0, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="calendar", frames=[frame])])
    doc.build(list(story), canvasmaker=paged_canvas(_CalendarFooter(printed or today(), pagesize)))
    return buffer.getvalue()
