"""A long printed list drawn fast: table rows whose cells are shaped once per distinct text and drawn as prebuilt PDF text.

The meetings report of a year lists about ten thousand rows on hundreds of pages. The general RTL
paragraph costs about half a millisecond a cell, and even one ``canvas.drawString`` per cell line
costs ReportLab tens of microseconds (a text object, subset splitting, number formatting), which is
seconds for a year. Organizations, hosts, statuses, types, dates and subjects repeat, so this list:

- shapes each distinct word once (``word``) and lays each distinct cell text out once per column
  (``FastList.cell``): lines right to left, wrapped onto more lines rather than cut;
- encodes each distinct drawn line once per document into the font subset's PDF string
  (``_Encoder``), and writes a page of text as one PDF text object of ``Tm … Tj`` operators;
- keeps the row heights in running sums, so a page break is a binary search, not a re-measure.

A word that mixes scripts or holds brackets goes through the full RTL engine.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont
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

# One laid-out cell: its lines top to bottom, each (glyphs as drawn left to right, width in points).
Cell = tuple[tuple[str, float], ...]


_WORDS: dict[tuple[str, str, float], tuple[str, float, bool]] = {}
_WORDS_KEPT = 200_000
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_BRACKETS = set("()[]{}<>«»")


def _simple(token: str) -> bool:
    """Whether the reshaper alone draws ``token`` right (no bidi inside it)."""
    if _NUMBER.match(token):
        return True
    if _ARABIC.search(token):
        return bool(_SIMPLE_RTL.match(token))
    return not any(c in _BRACKETS for c in token)


def _store(token: str, glyphs: str, font: str, size: float) -> None:
    if len(_WORDS) >= _WORDS_KEPT:
        _WORDS.clear()
    if _ARABIC.search(token) and _SIMPLE_RTL.match(token):
        glyphs = glyphs[::-1]  # a Persian word is drawn from its last letter on the left
    ltr = bool(_LATIN.search(token)) and not _ARABIC.search(token)
    _WORDS[(token, font, size)] = (glyphs, measure(glyphs, font, size), ltr)


def shape_words(tokens, font: str, size: float) -> None:
    """Shape every word of ``tokens`` not shaped before: the simple ones in one pass of the reshaper.

    Words never join across a line break, so the reshaper gives each word of a newline-joined batch
    the forms it would give it alone, and its per-call cost is paid once instead of once a word.
    """
    new = [t for t in dict.fromkeys(tokens) if (t, font, size) not in _WORDS]
    simple = [t for t in new if _simple(t)]
    if simple:
        shaped = shape("\n".join(simple), font).split("\n")
        if len(shaped) != len(simple):  # never seen; shape them one by one rather than misalign
            shaped = [shape(t, font) for t in simple]
        for token, glyphs in zip(simple, shaped):
            _store(token, glyphs, font, size)
    for token in new:
        if not _simple(token):
            lines = break_lines(prepare([Span(token, font, size)]), float("inf"), 1.0, size)
            _store(token, "".join(text for line in lines for text, _, _ in line.visual_runs), font, size)


def word(token: str, font: str, size: float) -> tuple[str, float, bool]:
    """The glyphs of one word as drawn left to right, its width, and whether it reads left to right (Latin)."""
    found = _WORDS.get((token, font, size))
    if found is None:
        shape_words([token], font, size)
        found = _WORDS[(token, font, size)]
    return found


def _visual(line: list[tuple[str, float, bool]]) -> str:
    """The words of one line as drawn left to right: right to left, but a run of Latin words keeps its order."""
    parts: list[str] = []
    run: list[str] = []
    for glyphs, _, ltr in line:
        if ltr or (run and _NUMBER.match(glyphs)):
            run.append(glyphs)
            continue
        if run:
            parts.append(" ".join(run))
            run = []
        parts.append(glyphs)
    if run:
        parts.append(" ".join(run))
    return " ".join(reversed(parts))


def lay_cell(text: str, width: float, font: str, size: float) -> Cell:
    """``text`` broken into lines no wider than ``width`` (a word wider than that gets a line of its own)."""
    space = measure(" ", font, size)
    lines: list[list[tuple[str, float, bool]]] = [[]]
    used = 0.0
    for token in to_persian_digits(text).split():
        shaped = word(token, font, size)
        w = shaped[1]
        if lines[-1] and used + space + w > width:
            lines.append([])
            used = 0.0
        used += (space if lines[-1] else 0.0) + w
        lines[-1].append(shaped)
    # One string per line, joined by spaces of the font's own width.
    return tuple((_visual(line), sum(w for _, w, _ in line) + space * (len(line) - 1)) for line in lines if line)


class _Encoder:
    """Each distinct line of one font encoded once into PDF string operators of the document's font subsets."""

    def __init__(self, doc):
        self.doc = doc
        self.cache: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}

    def encode(self, font: str, glyphs: str) -> tuple[tuple[str, str], ...]:
        """(subset font name, escaped string) pieces of ``glyphs``, in drawing order."""
        key = (font, glyphs)
        found = self.cache.get(key)
        if found is None:
            face = getFont(font)
            found = self.cache[key] = tuple((face.getSubsetInternalName(subset, self.doc), escapePDF(chunk))
                                            for subset, chunk in face.splitString(glyphs, self.doc))
        return found


def _encoder(canv) -> _Encoder:
    # Subset codes belong to one document: the cache lives on its canvas.
    encoder = getattr(canv, "_prdesk_list_encoder", None)
    if encoder is None or encoder.doc is not canv._doc:
        encoder = _Encoder(canv._doc)
        canv._prdesk_list_encoder = encoder
    return encoder


class _Laid:
    """The whole list laid out once: header cells, body rows, their heights and running sums."""

    def __init__(self, header: list[Cell], head: float, body: list[list[Cell]], heights: list[float]):
        self.header, self.head, self.body, self.heights = header, head, body, heights
        self.ends = list(accumulate(heights))  # bottom of row i, measured from below the header

    def height(self, start: int, stop: int) -> float:
        return self.ends[stop - 1] - (self.ends[start - 1] if start else 0.0) if stop > start else 0.0


class FastList(Flowable):
    """Rows of plain text in columns read right to left, header repeated on every page, rows never split."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                 aligns: Sequence[str], *, size: float = 7.5, padding: float = 2.5):
        super().__init__()
        self.headers, self.rows, self.widths, self.aligns = list(headers), rows, list(widths), list(aligns)
        self.size, self.padding = size, padding
        self.line = size * 1.35
        self._laid: _Laid | None = None
        self._span = (0, len(rows))
        self._cells: dict[tuple[str, int, str], Cell] = {}

    def cell(self, text: str, column: int, font: str = REGULAR) -> Cell:
        """``text`` laid out in ``column`` (once per distinct text and column)."""
        key = (text, column, font)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = lay_cell(text or "", self.widths[column] - 2 * self.padding, font, self.size)
        return found

    def _row_height(self, cells: list[Cell]) -> float:
        return max(1, max(len(c) for c in cells)) * self.line + 2 * self.padding

    def _layout(self) -> _Laid:
        if self._laid is None:
            columns = range(len(self.widths))
            texts = {text for row in self.rows for text in row if text}
            shape_words((t for text in texts for t in to_persian_digits(text).split()), REGULAR, self.size)
            shape_words((t for text in self.headers for t in to_persian_digits(text).split()), BOLD, self.size)
            header = [self.cell(text, i, BOLD) for text, i in zip(self.headers, columns)]
            body = [[self.cell(text, i) for text, i in zip(row, columns)] for row in self.rows]
            self._laid = _Laid(header, self._row_height(header), body, [self._row_height(r) for r in body])
            self._cells.clear()  # every row holds its cells now
        return self._laid

    def _part(self, start: int, stop: int) -> FastList:
        part = FastList(self.headers, (), self.widths, self.aligns, size=self.size, padding=self.padding)
        part._laid, part._span = self._laid, (start, stop)
        return part

    def wrap(self, availWidth, availHeight):
        laid = self._layout()
        self.width = sum(self.widths)
        self.height = laid.head + laid.height(*self._span)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        laid = self._layout()
        start, stop = self._span
        before = laid.ends[start - 1] if start else 0.0
        # The rows whose bottom is still on this page under the repeated header.
        fit = min(bisect_right(laid.ends, before + availHeight - laid.head + 1e-6, start, stop), stop) - start
        if fit <= 0:
            return []
        if start + fit >= stop:
            return [self]
        return [self._part(start, start + fit), self._part(start + fit, stop)]

    def _text(self, encoder: _Encoder, ops: list[str], cells: Sequence[Cell], top: float, font: str) -> None:
        right = self.width
        size = self.size
        for lines, w, align in zip(cells, self.widths, self.aligns):
            y = top - self.padding - size
            for glyphs, natural in lines:
                x = right - (w + natural) / 2 if align == "center" else right - self.padding - natural
                ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
                ops += [f"{subset} {size:g} Tf ({escaped}) Tj" for subset, escaped in encoder.encode(font, glyphs)]
                y -= self.line
            right -= w

    def draw(self):
        laid = self._layout()
        start, stop = self._span
        canv = self.canv
        width, top = self.width, self.height
        rows = range(start, stop)
        # Fills: the header band and every other row.
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, top - laid.head, width, laid.head, stroke=0, fill=1)
        canv.setFillColor(ZEBRA_FILL)
        y = top - laid.head
        zebra = []
        for index in rows:
            h = laid.heights[index]
            if index % 2:
                zebra.append(f"0 {y - h:.2f} {width:.2f} {h:.2f} re")
            y -= h
        if zebra:
            canv.addLiteral("\n".join(zebra) + "\nf")
        # Text: one text object for the page.
        encoder = _encoder(canv)
        canv.setFillColor(INK)
        ops = ["BT"]
        self._text(encoder, ops, laid.header, top, BOLD)
        y = top - laid.head
        for index in rows:
            self._text(encoder, ops, laid.body[index], y, REGULAR)
            y -= laid.heights[index]
        ops.append("ET")
        canv.addLiteral("\n".join(ops))
        # The grid: a line under every row and between columns, stroked as one path.
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.3)
        path = [f"0 {top:.2f} m {width:.2f} {top:.2f} l"]
        y = top - laid.head
        path.append(f"0 {y:.2f} m {width:.2f} {y:.2f} l")
        for index in rows:
            y -= laid.heights[index]
            path.append(f"0 {y:.2f} m {width:.2f} {y:.2f} l")
        x = width
        path.append(f"{x:.2f} 0 m {x:.2f} {top:.2f} l")
        for w in self.widths:
            x -= w
            path.append(f"{x:.2f} 0 m {x:.2f} {top:.2f} l")
        canv.addLiteral("\n".join(path) + "\nS")
