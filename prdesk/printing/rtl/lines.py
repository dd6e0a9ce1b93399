"""Lines: breaking a prepared paragraph on its logical words, and each line reordered by the bidi algorithm and drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from bidi import algorithm as _bidi
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from prdesk.printing.rtl.bidi import simple_order
from prdesk.printing.rtl.text import _HAS_LATIN_LETTER, _RTL_LETTER, LRE, MAX_STRETCH, PDF, measure
from prdesk.printing.rtl.words import RunStyle, Word, _cut_word


# --- lines ------------------------------------------------------------------------------------

@dataclass
class Line:
    """One line of a paragraph: its words in logical order and how to draw them in visual order."""

    words: list[Word]
    width: float
    size: float
    line_spacing: float
    last: bool = False
    #: Set the line with a left-to-right base (a paragraph without Persian letters); None: decide from its words.
    base_ltr: bool | None = None
    _visual: list[tuple[str, RunStyle, bool]] | None = field(default=None, repr=False)

    @property
    def height(self) -> float:
        return self.size * self.line_spacing

    @property
    def logical_text(self) -> str:
        """The line's text in logical (reading) order, after digit conversion."""
        return " ".join(w.logical for w in self.words)

    @property
    def visual_runs(self) -> list[tuple[str, RunStyle, bool]]:
        """(glyphs, style, is_space) runs from left to right as they are drawn."""
        if self._visual is None:
            base_ltr = self.base_ltr if self.base_ltr is not None else is_ltr_paragraph(self.words)
            self._visual = _visual_runs(self.words, base_ltr)
        return self._visual

    @property
    def visual_text(self) -> str:
        """The drawn glyphs of the line from left to right."""
        return "".join(text for text, _, _ in self.visual_runs)

    def draw(self, canv, x: float, baseline: float, width: float, align: str) -> None:
        """Draw the line between ``x`` and ``x + width`` on ``baseline``."""
        runs = self.visual_runs
        spaces = sum(len(t) for t, _, is_space in runs if is_space)
        natural = sum(_run_width(t, s, sp) for t, s, sp in runs)
        extra = 0.0
        if align == "justify" and not self.last and spaces and natural < width and (width - natural) / spaces <= self.size * MAX_STRETCH:
            extra = (width - natural) / spaces
            start = x
        elif align == "center":
            start = x + (width - natural) / 2
        elif align == "left":
            start = x
        else:  # right, and the last line of a justified paragraph
            start = x + width - natural
        pos = start
        current = None
        for text, style, is_space in runs:
            w = _run_width(text, style, is_space)
            if is_space:
                pos += w + extra * len(text)
                continue
            if current != (style.font, style.size, style.color):
                canv.setFont(style.font, style.size)
                # The canvas remembers its fill colour (and saveState/restoreState keep it right): a
                # page of cells in the same colour sets it once, not once per line.
                if getattr(canv, "_fillColorObj", None) != style.color:
                    canv.setFillColor(style.color)
                current = (style.font, style.size, style.color)
            # One string per word: PDF readers find the words by the strings (in one text object
            # pypdf reads a line as one word).
            _draw_string(canv, pos, baseline, text)
            pos += w


def _draw_string(canv, x: float, y: float, text: str) -> None:
    """``canv.drawString(x, y, text)``, writing the same PDF operators; a word drawn again on the same canvas
    in the same font reuses the operators ReportLab wrote for it the first time, with its new position.

    A calendar draws the same few thousand words tens of thousands of times, and drawString spends
    most of its time building a text object and encoding the glyphs into the font's subsets, which
    for a word already drawn come out the same (its glyphs keep the codes they were given).
    """
    if not isinstance(canv, Canvas) or not canv.bottomup:
        canv.drawString(x, y, text)
        return
    words = canv.__dict__.setdefault("_prdesk_drawn_words", {})
    key = (canv._fontname, canv._fontsize, canv._leading, text)
    rest = words.get(key)
    if rest is None:
        canv.drawString(x, y, text)
        head, tm, rest = canv._code[-1].partition(" Tm ")
        if tm and head == f"BT 1 0 0 1 {fp_str(x, y)}":
            words[key] = rest
        return
    canv._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {rest}")


def _run_width(text: str, style: RunStyle, is_space: bool) -> float:
    if is_space:
        return measure(" ", style.font, style.size) * len(text)
    return measure(text, style.font, style.size)


def is_ltr_paragraph(words: Sequence[Word]) -> bool:
    """True for a paragraph of Latin text only: its base direction is left to right, so an English
    sentence ends with its period on the right, as it does in English."""
    text = "".join(w.logical for w in words)
    return bool(_HAS_LATIN_LETTER.search(text)) and not _RTL_LETTER.search(text)


def _visual_runs(words: list[Word], base_ltr: bool = False) -> list[tuple[str, RunStyle, bool]]:
    """Reorder one line with the bidi algorithm (base direction RTL unless ``base_ltr``); group glyphs into runs."""
    chars: list[str] = []
    meta: list[tuple[RunStyle, bool] | None] = []
    in_ltr = False
    for index, word in enumerate(words):
        for piece in word.pieces:
            if piece.ltr != in_ltr:
                chars.append(LRE if piece.ltr else PDF)
                meta.append(None)
                in_ltr = piece.ltr
            chars.extend(piece.glyphs)
            meta.extend([(piece.style, False)] * len(piece.glyphs))
        if index < len(words) - 1:
            if in_ltr and not word.space_ltr:
                chars.append(PDF)
                meta.append(None)
                in_ltr = False
            if word.space_style is not None:
                chars.append(" ")
                meta.append((word.space_style, True))
    order = _bidi_order("".join(chars), base_ltr)
    groups: list[tuple[list[str], RunStyle, bool]] = []
    last = None
    for ch, idx in order:
        info = meta[idx]
        if info is None or info[0] is None:
            continue
        if info is not last:
            style, is_space = info
            if groups and (groups[-1][1] is style or groups[-1][1] == style) and groups[-1][2] == is_space:
                last = info
            else:
                groups.append(([], style, is_space))
                last = info
        groups[-1][0].append(ch)
    return [("".join(text), style, is_space) for text, style, is_space in groups]


def _bidi_order(text: str, base_ltr: bool = False) -> list[tuple[str, int]]:
    """The characters of one line in visual order (mirrored where the algorithm says) with their logical index.

    python-bidi's pure-Python implementation is used step by step because it keeps per-character
    records through reordering (its Rust ``get_display`` returns only a string and does not mirror).
    """
    if not text:
        return []
    simple = simple_order(text, base_ltr)
    if simple is not None:
        return simple
    storage = _bidi.get_empty_storage()
    storage["base_level"] = 0 if base_ltr else 1
    storage["base_dir"] = "L" if base_ltr else "R"
    _bidi.get_embedding_levels(text, storage)
    for index, record in enumerate(storage["chars"]):
        record["i"] = index
    _bidi.explicit_embed_and_overrides(storage)
    _bidi.resolve_weak_types(storage, False)
    _bidi.resolve_neutral_types(storage, False)
    _bidi.resolve_implicit_levels(storage, False)
    _bidi.reorder_resolved_levels(storage, False)
    _bidi.apply_mirroring(storage, False)
    return [(record["ch"], record["i"]) for record in storage["chars"]]


def break_lines(words: Sequence[Word], width: float, line_spacing: float, base_size: float, *, ends_paragraph: bool = True) -> list[Line]:
    """Greedy line breaking on the logical words; a word wider than the line is cut."""
    lines: list[Line] = []
    current: list[Word] = []
    used = 0.0
    base_ltr = is_ltr_paragraph(words)

    def close(last: bool) -> None:
        nonlocal current, used
        size = max([base_size] + [w.size for w in current if w.pieces])
        lines.append(Line([w for w in current if w.pieces], used, size, line_spacing, last, base_ltr))
        current, used = [], 0.0

    queue = list(words)
    queue.reverse()
    while queue:
        word = queue.pop()
        if not word.pieces:  # an empty line made by a hard break
            close(True)
            continue
        if word.width > width and width > 0:
            if current:
                close(False)
            parts = _cut_word(word, width)
            queue.extend(reversed(parts))
            word = queue.pop()
        gap = current[-1].space if current else 0.0
        if current and used + gap + word.width > width:
            close(False)
            gap = 0.0
        current.append(word)
        used += gap + word.width
        if word.hard_break:
            close(True)
    if current or not lines:
        close(ends_paragraph)
    elif lines:
        lines[-1].last = lines[-1].last or ends_paragraph
    return lines

