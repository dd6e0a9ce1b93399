"""Text of the printed calendars that fits its place: item labels, shortened and wrapped titles, month and year names."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Sequence

from prdesk.core import hijri
from prdesk.core import occasions as occ
from prdesk.core.calendars import gregorian_month_names
from prdesk.core.jalali import jalali_month_names
from prdesk.core.occasions import DayEntry, DayItem
from prdesk.core.text import to_persian_digits
from prdesk.printing.rtl import Span, TextStyle, break_lines, prepare, text_width

ELLIPSIS = "…"
# «(۱۳۵۸ ه‍.ش)», «(۱۴۸ ه‍.ق)»: the year an occasion remembers; a cell has no room for it.
_YEAR_NOTE = re.compile(r"\s*\([^()]*[0-9۰-۹][^()]*\)")
# After a lunar occasion whose day is not yet official.
LUNAR_MARKS = {hijri.PREDICTED: "(پیش‌بینی)", hijri.ESTIMATED: "(برآورد)"}


def lunar_mark(entry: DayEntry, item: DayItem) -> str:
    """«(پیش‌بینی)» or «(برآورد)» for a lunar item on a day whose lunar date is not official, else ""."""
    return LUNAR_MARKS.get(entry.info.hijri_source, "") if item.lunar else ""


# --- text that fits ---------------------------------------------------------------------------

def item_label(item: DayItem) -> str:
    """One line for an item, as the screen writes it: an event's start time before its title."""
    if item.source == occ.SOURCE_EVENT and item.start_time:
        return f"{to_persian_digits(item.start_time)} {item.title}"
    return item.title


def short_title(text: str) -> str:
    """``text`` without the remembered year in brackets, for a cell."""
    return _YEAR_NOTE.sub("", text).strip() or text


def fit(text: str, width: float, style: TextStyle) -> str:
    """``text`` if it fits in ``width``, else its first words (or letters) and «…»."""
    return _fit(text, float(width), style)


@lru_cache(maxsize=8192)
def _fit(text: str, width: float, style: TextStyle) -> str:
    if text_width(text, style) <= width:
        return text
    words = text.split()
    # Measuring every shorter head of a long title is quadratic: the heads whose words alone are
    # clearly wider than the room (by more than what trimming and «…» can change) are skipped
    # without measuring; the rest are measured whole, as before.
    space = text_width("\u0627 \u0627", style) - 2 * text_width("\u0627", style)
    ends = list(itertools.accumulate(text_width(w, style) + space for w in words))
    slack = 3 * style.size
    while len(words) > 1:
        words.pop()
        if ends[len(words) - 1] - space > width + slack:
            continue
        head = " ".join(words).rstrip("،,:؛-–—\u200c")
        # A cut inside brackets would leave one open.
        if head.count("(") > head.count(")") or head.count("«") > head.count("»"):
            continue
        if head and text_width(head + ELLIPSIS, style) <= width:
            return head + ELLIPSIS
    word = words[0] if words else ""
    for end in range(len(word) - 1, 0, -1):
        head = word[:end].rstrip("\u200c")
        if text_width(head + ELLIPSIS, style) <= width:
            return head + ELLIPSIS
    return ELLIPSIS


def wrap(text: str, width: float, style: TextStyle, max_lines: int) -> list[str]:
    """The lines of ``text`` broken at ``width``, at most ``max_lines``, the last shortened with «…»."""
    return list(_wrap(text, float(width), style, max_lines))


@lru_cache(maxsize=8192)
def _wrap(text: str, width: float, style: TextStyle, max_lines: int) -> tuple[str, ...]:
    font = style.bold_font if style.bold else style.font
    words = prepare([Span(text, font, style.size)], persian_digits=style.persian_digits)
    lines = [line.logical_text for line in break_lines(words, width, 1.0, style.size)]
    if len(lines) <= max_lines:
        return tuple(lines)
    return tuple(lines[: max_lines - 1] + [fit(" ".join(lines[max_lines - 1:]), width, style)])


# --- titles -------------------------------------------------------------------------------------

def _months_text(pairs: Sequence[tuple[int, int]], names: Sequence[str]) -> str:
    """«جمادی‌الثانی/رجب ۱۴۴۸», or «دسامبر ۲۰۲۶/ژانویه ۲۰۲۷» across a new year."""
    if not pairs:
        return ""
    if len({year for year, _ in pairs}) == 1:
        return f"{'/'.join(names[m - 1] for _, m in pairs)} {to_persian_digits(pairs[0][0])}"
    return "/".join(f"{names[m - 1]} {to_persian_digits(y)}" for y, m in pairs)


def _unique(values) -> list:
    seen: list = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def other_months(entries: Sequence[DayEntry]) -> str:
    """The lunar and Gregorian months the days span: «جمادی‌الثانی/رجب ۱۴۴۸ — نوامبر/دسامبر ۲۰۲۶»."""
    lunar = _unique((e.info.hijri.year, e.info.hijri.month) for e in entries if e.info.hijri)
    gregorian = _unique((e.date.year, e.date.month) for e in entries)
    parts = [_months_text(lunar, hijri.hijri_month_names), _months_text(gregorian, gregorian_month_names)]
    return " — ".join(part for part in parts if part)


def month_title(year: int, month: int, entries: Sequence[DayEntry]) -> str:
    """«آذر ۱۴۰۵ — جمادی‌الثانی/رجب ۱۴۴۸ — نوامبر/دسامبر ۲۰۲۶»."""
    head = f"{jalali_month_names[month - 1]} {to_persian_digits(year)}"
    rest = other_months(entries)
    return f"{head} — {rest}" if rest else head


def other_years(entries: Sequence[DayEntry]) -> str:
    """«شوال ۱۴۴۷ تا شوال ۱۴۴۸ — مارس ۲۰۲۶ تا مارس ۲۰۲۷»: where the year starts and ends in the other calendars."""
    days = sorted(entries, key=lambda e: e.date)
    if not days:
        return ""
    first, last = days[0], days[-1]
    parts = []
    if first.info.hijri and last.info.hijri:
        parts.append(f"{first.info.hijri.month_name} {to_persian_digits(first.info.hijri.year)} تا "
                     f"{last.info.hijri.month_name} {to_persian_digits(last.info.hijri.year)}")
    parts.append(f"{gregorian_month_names[first.date.month - 1]} {to_persian_digits(first.date.year)} تا "
                 f"{gregorian_month_names[last.date.month - 1]} {to_persian_digits(last.date.year)}")
    return " — ".join(parts)
