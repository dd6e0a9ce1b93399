"""A long printed list drawn fast: single-font table rows whose words are shaped once and reused.

The meetings report of a year lists thousands of rows; the general RTL paragraph (bidi per cell)
costs about half a millisecond a cell. Names, subjects and dates repeat word by word, so this
table shapes each distinct word once, lays cells right to left word by word, and wraps a cell
onto more lines rather than cutting it. A word that mixes scripts or holds brackets goes through
the full RTL engine.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable

from prdesk.core.text import to_persian_digits
from prdesk.printing.fonts import BOLD, REGULAR
from prdesk.printing.rtl import Span, break_lines, measure, prepare, shape

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_SIMPLE_RTL = re.compile("^[\u0600-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u200c\u00ab\u00bb،؛:.!؟-]+$")
_NUMBER = re.compile("^[\u06f0-\u06f90-9/:٬٫.,\u2013-]+$")
GRID = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#dfe6ef")
ZEBRA_FILL = colors.HexColor("#f5f7fa")
INK = colors.HexColor("#1f2933")


@lru_cache(maxsize=200_000)
def word(token: str, font: str, size: float) -> tuple[str, float]:
    """The glyphs of one word as drawn left to right, and its width."""
    if _NUMBER.match(token):
        # Dates, times and row numbers: digits run left to right.
        glyphs = shape(token, font)
    elif _SIMPLE_RTL.match(token) and _ARABIC.search(token):
        glyphs = shape(token, font)[::-1]
    elif not _ARABIC.search(token) and not any(c in token for c in "()[]{}<>«»"):
        glyphs = shape(token, font)
    else:
        lines = break_lines(prepare([Span(token, font, size)]), float("inf"), 1.0, size)
        glyphs = "".join(text for line in lines for text, _, _ in line.visual_runs)
    return glyphs, measure(glyphs, font, size)


def _lines(text: str, width: float, font: str, size: float) -> list[list[tuple[str, float]]]:
    space = measure(" ", font, size)
    lines: list[list[tuple[str, float]]] = [[]]
    used = 0.0
    for token in text.split():
        glyphs, w = word(token, font, size)
        if lines[-1] and used + space + w > width:
            lines.append([])
            used = 0.0
        used += (space if lines[-1] else 0.0) + w
        lines[-1].append((glyphs, w))
    return lines


class FastList(Flowable):
    """Rows of plain text in columns read right to left, header repeated on every page, rows never split."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                 aligns: Sequence[str], *, size: float = 7.5, padding: float = 2.5, _laid=None):
        super().__init__()
        self.headers, self.rows, self.widths, self.aligns = list(headers), rows, list(widths), list(aligns)
        self.size, self.padding = size, padding
        self.line = size * 1.35
        self._laid = _laid  # (header cells, [(row cells, height)])

    def _layout(self):
        if self._laid is None:
            header = self._cells(self.headers, BOLD)
            body = []
            for row in self.rows:
                cells = self._cells(row, REGULAR)
                body.append((cells, max(len(c) for c in cells) * self.line + 2 * self.padding))
            self._laid = (header, max(len(c) for c in header) * self.line + 2 * self.padding, body)
        return self._laid

    def _cells(self, row: Sequence[str], font: str):
        return [_lines(to_persian_digits(text), w - 2 * self.padding, font, self.size) for text, w in zip(row, self.widths)]

    def wrap(self, availWidth, availHeight):
        _, head, body = self._layout()
        self.width = sum(self.widths)
        self.height = head + sum(h for _, h in body)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        header, head, body = self._layout()
        used, count = head, 0
        for _, h in body:
            if used + h > availHeight:
                break
            used += h
            count += 1
        if count == 0 or count == len(body):
            return [] if count == 0 else [self]
        first = FastList(self.headers, (), self.widths, self.aligns, size=self.size, padding=self.padding,
                         _laid=(header, head, body[:count]))
        rest = FastList(self.headers, (), self.widths, self.aligns, size=self.size, padding=self.padding,
                        _laid=(header, head, body[count:]))
        return [first, rest]

    def _draw_row(self, cells, top: float, height: float, font: str) -> None:
        canv = self.canv
        canv.setFont(font, self.size)
        canv.setFillColor(INK)
        right = self.width
        space = measure(" ", font, self.size)
        for lines, w, align in zip(cells, self.widths, self.aligns):
            y = top - self.padding - self.size
            for line in lines:
                if not line:
                    continue
                natural = sum(wd for _, wd in line) + space * (len(line) - 1)
                x = right - (w + natural) / 2 if align == "center" else right - self.padding - natural
                # One string per line: the words right to left, joined by spaces of the same width.
                canv.drawString(x, y, " ".join(glyphs for glyphs, _ in reversed(line)))
                y -= self.line
            right -= w

    def draw(self):
        header, head, body = self._layout()
        canv = self.canv
        top = self.height
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, top - head, self.width, head, stroke=0, fill=1)
        self._draw_row(header, top, head, BOLD)
        y = top - head
        for index, (cells, h) in enumerate(body):
            if index % 2:
                canv.setFillColor(ZEBRA_FILL)
                canv.rect(0, y - h, self.width, h, stroke=0, fill=1)
            self._draw_row(cells, y, h, REGULAR)
            y -= h
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.3)
        y = top
        canv.line(0, y, self.width, y)
        for h in [head] + [h for _, h in body]:
            y -= h
            canv.line(0, y, self.width, y)
        x = self.width
        canv.line(x, 0, x, top)
        for w in self.widths:
            x -= w
            canv.line(x, 0, x, top)
