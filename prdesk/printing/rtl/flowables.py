"""ReportLab flowables and helpers on top of the engine: RTL paragraphs, single lines, right-to-left tables."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from reportlab.platypus import Flowable, Table, TableStyle

from prdesk.printing.rtl.lines import Line, break_lines
from prdesk.printing.rtl.text import Span, TextStyle, parse_markup
from prdesk.printing.rtl.words import prepare


# --- flowables --------------------------------------------------------------------------------

class RtlParagraph(Flowable):
    """A right-to-left paragraph: Persian with Latin runs, justified or aligned, split across pages."""

    def __init__(self, text: str | Sequence[Span] = "", style: TextStyle | None = None, *, markup: bool = False):
        super().__init__()
        self.style = style or TextStyle()
        if isinstance(text, str):
            spans = parse_markup(text, self.style) if markup else [
                Span(text, self.style.bold_font if self.style.bold else self.style.font, self.style.size, self.style.color)
            ]
        else:
            spans = list(text)
        self.words = prepare(spans, persian_digits=self.style.persian_digits)
        self.ends_paragraph = True
        self.keepWithNext = self.style.keep_with_next
        self._layout: tuple[float, list[Line]] | None = None

    @classmethod
    def _part(cls, source: RtlParagraph, lines: list[Line], ends: bool, first: bool) -> RtlParagraph:
        part = cls.__new__(cls)
        Flowable.__init__(part)
        part.style = source.style if first else source.style.but(space_before=0.0)
        if not ends:
            part.style = part.style.but(space_after=0.0)
        part.words = [w for line in lines for w in line.words]
        part.ends_paragraph = ends
        part.keepWithNext = source.keepWithNext if ends else False
        part._layout = (source._layout[0], lines)
        return part

    def lines(self, width: float) -> list[Line]:
        """The lines at ``width`` (cached for the last width asked)."""
        if self._layout is None or abs(self._layout[0] - width) > 1e-6:
            self._layout = (width, break_lines(self.words, width, self.style.line_spacing, self.style.size, ends_paragraph=self.ends_paragraph))
        return self._layout[1]

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = sum(line.height for line in self.lines(availWidth))
        return availWidth, self.height

    def getSpaceBefore(self):
        return self.style.space_before

    def getSpaceAfter(self):
        return self.style.space_after

    def split(self, availWidth, availHeight):
        lines = self.lines(availWidth)
        fit, used = 0, 0.0
        for line in lines:
            if used + line.height > availHeight + 1e-6:
                break
            used += line.height
            fit += 1
        if fit >= len(lines):
            return [self]
        orphans, widows = max(1, self.style.orphans), max(1, self.style.widows)
        if len(lines) - fit < widows:
            fit = len(lines) - widows
        if fit < orphans or fit <= 0:
            return []
        return [self._part(self, lines[:fit], False, True), self._part(self, lines[fit:], self.ends_paragraph, False)]

    def draw(self):
        y = self.height
        for line in self.lines(self.width):
            y -= line.height
            line.draw(self.canv, 0, y + baseline_offset(line.height, line.size), self.width, self.style.align)


def baseline_offset(height: float, size: float) -> float:
    """Height of the baseline above the bottom of a line box of ``height`` for text of ``size``.

    Vazirmatn's Persian letters hang well below the baseline (ی ر و ع), so the baseline sits a
    little below the middle of the box plus a third of the size.
    """
    return (height - size) / 2 + size * 0.32


def draw_text(canv, text: str, x: float, y: float, *, style: TextStyle | None = None, align: str = "right") -> float:
    """Draw one line of RTL text with its baseline at ``y``; ``x`` is the right edge for ``right``,
    the centre for ``center``, the left edge for ``left``. Returns the drawn width."""
    style = style or TextStyle()
    font = style.bold_font if style.bold else style.font
    line = _single_line(text, font, style.size, style.color, style.line_spacing, style.persian_digits)
    natural = line.width
    if align == "right":
        left = x - natural
    elif align == "center":
        left = x - natural / 2
    else:
        left = x
    line.draw(canv, left, y, natural, "left")
    return natural


def text_width(text: str, style: TextStyle | None = None) -> float:
    """Width of ``text`` set on one line in ``style``."""
    style = style or TextStyle()
    return _single_width(text, style.bold_font if style.bold else style.font, style.size, style.persian_digits)


# A printed calendar draws the same day numbers, weekday and month names, occasion titles and
# labels hundreds of times: each is shaped, reordered and measured once, then drawn from here.
@lru_cache(maxsize=8192)
def _single_line(text: str, font: str, size: float, color, line_spacing: float, persian_digits: bool) -> Line:
    """One line of ``text`` shaped, measured and (when first drawn) reordered; shared by every draw of it."""
    words = prepare([Span(text, font, size, color)], persian_digits=persian_digits)
    return Line([w for w in words if w.pieces], sum(w.width for w in words) + sum(w.space for w in words[:-1]), size, line_spacing, True)


@lru_cache(maxsize=32768)
def _single_width(text: str, font: str, size: float, persian_digits: bool) -> float:
    words = prepare([Span(text, font, size)], persian_digits=persian_digits)
    return sum(w.width for w in words) + sum(w.space for w in words[:-1])


def _visual_col(col: int, count: int) -> int:
    return count - 1 - (col if col >= 0 else count + col)


def mirror_style_commands(commands: Iterable[tuple], columns: int) -> list[tuple]:
    """TableStyle commands written with logical columns (0 = rightmost) mapped to ReportLab's."""
    result = []
    for command in commands:
        name, (c0, r0), (c1, r1), *rest = command
        v0, v1 = _visual_col(c0, columns), _visual_col(c1, columns)
        result.append((name, (min(v0, v1), r0), (max(v0, v1), r1), *rest))
    return result


def rtl_table(
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    cell_style: TextStyle | None = None,
    header_style: TextStyle | None = None,
    commands: Iterable[tuple] = (),
    col_styles: Sequence[TextStyle | None] | None = None,
    padding: float = 3.0,
) -> Table:
    """A platypus Table whose first logical column is on the right; text cells are RTL paragraphs.

    ``rows`` are given in reading order (cell 0 is the rightmost); a cell is text, a Flowable or
    None. ``commands`` are TableStyle commands with logical columns. Header rows repeat on every
    page; a row never splits across pages.
    """
    cell_style = cell_style or TextStyle(size=10, line_spacing=1.45, align="right")
    header_style = header_style or cell_style.but(bold=True)
    count = len(col_widths)
    data = []
    for r, row in enumerate(rows):
        cells: list[object] = []
        for c in range(count):
            value = row[c] if c < len(row) else ""
            if isinstance(value, Flowable):
                cells.append(value)
            elif value is None or value == "":
                cells.append("")
            else:
                style = header_style if r < header_rows else (col_styles[c] if col_styles and c < len(col_styles) and col_styles[c] else cell_style)
                cells.append(RtlParagraph(str(value), style))
        data.append(list(reversed(cells)))
    base = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding / 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding / 2),
    ]
    table = Table(data, colWidths=list(reversed(col_widths)), repeatRows=header_rows, splitByRow=1, splitInRow=0)
    table.setStyle(TableStyle(base + mirror_style_commands(commands, count)))
    return table
