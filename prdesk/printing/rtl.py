"""The right-to-left text engine: Persian paragraphs and tables as ReportLab platypus Flowables.

ReportLab lays text out left to right. Reshaping and reordering a whole paragraph before it wraps
puts the lines in reverse order, so the work is split in the order a Persian word processor does it:

1. the paragraph is prepared once in *logical* order: markup runs, Latin runs found, digits made
   Persian outside them, each word shaped (arabic-reshaper) and measured with the glyphs it will use;
2. lines are broken on the logical words, top to bottom, by those widths;
3. each line on its own is reordered with the Unicode bidi algorithm (base direction right to left,
   brackets mirrored) and drawn left to right in that visual order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Sequence

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.letters import LETTERS_ARABIC, connects_with_letter_after, connects_with_letter_before
from bidi import algorithm as _bidi
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from prdesk.printing.fonts import BOLD, REGULAR, fallback_char, register_fonts

ZWNJ = "\u200c"
ZWJ = "\u200d"
LRE = "\u202a"
PDF = "\u202c"
# Characters that steer shaping or bidi but must leave no mark (and no gap) on the page.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"))
_TO_PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹" * 2)
_HAS_DIGIT = re.compile(r"[0-9٠-٩]")
_HAS_PERSIAN_DIGIT = re.compile(r"[۰-۹]")

_LATIN = r"A-Za-z\u00c0-\u024f"
# A Latin run: from a Latin letter or digit to a Latin letter or digit, through the punctuation
# e-mail addresses, URLs, file names and "17 Mordad" use; it must hold at least one Latin letter.
_LATIN_RUN = re.compile(rf"[{_LATIN}0-9](?:[{_LATIN}0-9 .,:;/\\@?=&%#+\-_~'\"!*()\[\]|$^]*[{_LATIN}0-9])?")
_HAS_LATIN_LETTER = re.compile(rf"[{_LATIN}]")
_HYPHENATED_NUMBER = re.compile(r"(?<![\w/])[0-9۰-۹٠-٩]+(?:-[0-9۰-۹٠-٩]+)+(?![\w/])")
# A phone number written in groups: +98 21 8877 6655, 0912 345 6789, 021 8877 6655. Its groups read
# left to right like the digits inside them, and it is kept on one line.
_SPACED_PHONE = re.compile(r"(?<![\w+])(?:\+[0-9۰-۹]{1,3}|00[0-9۰-۹]{1,3}|[0۰][0-9۰-۹]{1,4})(?: [0-9۰-۹]{2,5}){2,}(?![\w])")
NBSP = "\u00a0"
# Inside a number (after Persian digits are made): the Persian decimal point, thousands separator
# and percent sign. One character for one, so the per-character styles stay aligned.
_DECIMAL = re.compile(r"(?<![۰-۹.])([۰-۹]+)\.(?=[۰-۹]+(?![۰-۹.]))")
_THOUSANDS = re.compile(r"(?<![۰-۹,])[۰-۹]{1,3}(?:,[۰-۹]{3})+(?![۰-۹,])")
_PERCENT = re.compile(r"(?<=[۰-۹])%")
# Letters of right-to-left scripts: a paragraph without any is set with a left-to-right base.
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Where a word too long for the line is best cut (after these), before cutting anywhere.
_SOFT_BREAK_AFTER = set("/.-_@?&=,;:\\")

ALIGNMENTS = ("justify", "right", "center", "left")
# A justified line whose spaces would grow by more than this many ems is set flush right instead:
# a line of two words stretched across the page reads as two separate columns.
MAX_STRETCH = 2.5

_RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "shift_harakat_position": False,
        "support_ligatures": True,
        # Only the lam-alef ligatures are obligatory; «الله» in a name such as «عبدالله» stays letters.
        "ARABIC LIGATURE ALLAH": False,
    }
)


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph looks: fonts, size, line spacing (a multiple of the size), alignment, spacing."""

    font: str = REGULAR
    bold_font: str = BOLD
    size: float = 12.0
    line_spacing: float = 1.6
    align: str = "justify"
    color: object = colors.black
    persian_digits: bool = True
    space_before: float = 0.0
    space_after: float = 0.0
    orphans: int = 2
    widows: int = 2
    keep_with_next: bool = False
    bold: bool = False

    def but(self, **changes) -> TextStyle:
        """A copy with ``changes``."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Span:
    """A run of logical text in one font, size and colour."""

    text: str
    font: str = REGULAR
    size: float = 12.0
    color: object = colors.black


# --- markup -------------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)(b|font)((?:\s+\w+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))*)\s*>", re.IGNORECASE)
_ATTR = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&"))


def escape(text: str) -> str:
    """``text`` made safe to embed in markup (``<``, ``>`` and ``&`` written as entities)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _unescape(text: str) -> str:
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text


def parse_markup(text: str, style: TextStyle) -> list[Span]:
    """Spans of a tiny markup: ``<b>…</b>`` and ``<font size="14" color="#a00">…</font>``, nestable."""
    stack: list[tuple[str, str, float, object]] = [("", style.bold_font if style.bold else style.font, style.size, style.color)]
    spans: list[Span] = []
    pos = 0
    for match in _TAG.finditer(text):
        if match.start() > pos:
            _, font, size, color = stack[-1]
            spans.append(Span(_unescape(text[pos : match.start()]), font, size, color))
        pos = match.end()
        closing, tag = match.group(1) == "/", match.group(2).lower()
        if closing:
            if len(stack) > 1 and stack[-1][0] == tag:
                stack.pop()
            continue
        _, font, size, color = stack[-1]
        if tag == "b":
            font = style.bold_font
        else:
            for name, *values in _ATTR.findall(match.group(3)):
                value = next(v for v in values if v) if any(values) else ""
                try:
                    if name.lower() == "size":
                        size = float(value)
                    elif name.lower() == "color":
                        color = colors.toColor(value)
                    elif name.lower() == "face":
                        font = value
                except ValueError:
                    pass  # a bad attribute leaves the text as it was around it
        stack.append((tag, font, size, color))
    if pos < len(text):
        _, font, size, color = stack[-1]
        spans.append(Span(_unescape(text[pos:]), font, size, color))
    return spans


# --- shaping and measuring ----------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _reshape(text: str) -> str:
    return _RESHAPER.reshape(text)


def _joins_forward(char: str) -> bool:
    return char in LETTERS_ARABIC and bool(connects_with_letter_after(char, LETTERS_ARABIC))


def _joins_back(char: str) -> bool:
    return char in LETTERS_ARABIC and bool(connects_with_letter_before(char, LETTERS_ARABIC))


@lru_cache(maxsize=65536)
def _glyphs(font: str, shaped: str) -> str:
    """``shaped`` with invisible controls dropped and glyphs the font lacks replaced."""
    text = shaped.translate(_INVISIBLE)
    return "".join(fallback_char(font, c) for c in text)


@lru_cache(maxsize=131072)
def measure(text: str, font: str, size: float) -> float:
    """Width in points of glyph text as drawn."""
    return stringWidth(text, font, size)


def shape(text: str, font: str = REGULAR, *, before: str = "", after: str = "") -> str:
    """Glyphs for logical ``text`` (still in logical order), joined to the letters around it.

    ``before`` and ``after`` are the neighbouring logical characters in the same word, when the
    word changes font in the middle or is cut: a zero-width joiner keeps the letter forms joined.
    """
    if before and text and _joins_forward(before[-1]) and _joins_back(text[0]):
        text = ZWJ + text
    if after and text and _joins_back(after[0]) and _joins_forward(text.rstrip(ZWJ)[-1:] or " "):
        text = text + ZWJ
    return _glyphs(font, _reshape(text))


# --- prepared paragraph: words in logical order ----------------------------------------------

@dataclass(frozen=True)
class RunStyle:
    """The font, size and colour of a piece of a word."""

    font: str
    size: float
    color: object


@dataclass
class Piece:
    """Part of a word in one style: its shaped glyphs (logical order) and width."""

    style: RunStyle
    ltr: bool
    logical: str
    glyphs: str
    width: float


@dataclass
class Word:
    """A word between spaces, with the space after it (none at a line end or a hard break)."""

    pieces: list[Piece]
    width: float
    space: float = 0.0
    space_style: RunStyle | None = None
    space_ltr: bool = False
    hard_break: bool = False

    @property
    def logical(self) -> str:
        return "".join(p.logical for p in self.pieces)

    @property
    def size(self) -> float:
        return max(p.style.size for p in self.pieces)


def _direction_masks(text: str) -> tuple[list[bool], list[bool]]:
    """Which characters are set left to right, and which keep Latin digits.

    Latin runs do both. A number joined by hyphens (a phone number such as 031-32224455) is set
    left to right as one number, like a date, but its digits are still made Persian.
    """
    ltr = [False] * len(text)
    latin = [False] * len(text)
    for match in _LATIN_RUN.finditer(text):
        run = match.group()
        if not _HAS_LATIN_LETTER.search(run):
            continue
        start, end = match.span()
        # A closing bracket belongs to the run only when the run opened it: "(17 Mordad)" keeps its
        # brackets in the Persian text around it, "f(x)" keeps both inside.
        while end < len(text) and text[end] in ")]" and run.count("(") + run.count("[") > run.count(")") + run.count("]"):
            end += 1
            run = text[start:end]
        ltr[start:end] = latin[start:end] = [True] * (end - start)
    for pattern in (_HYPHENATED_NUMBER, _SPACED_PHONE):
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(latin[start:end]):
                ltr[start:end] = [True] * (end - start)
    return ltr, latin


def _persian_number_marks(text: str, latin: list[bool]) -> str:
    """۳.۱۴ → ۳٫۱۴, ۱۲۳,۴۵۶ → ۱۲۳٬۴۵۶, ۴۰% → ۴۰٪ in the Persian text (Latin runs keep theirs)."""
    chars = list(text)

    def mark(match: re.Match, old: str, new: str) -> None:
        for k in range(match.start(), match.end()):
            if chars[k] == old and not latin[k]:
                chars[k] = new

    for match in _DECIMAL.finditer(text):
        mark(match, ".", "\u066b")
    for match in _THOUSANDS.finditer(text):
        mark(match, ",", "\u066c")
    for match in _PERCENT.finditer(text):
        mark(match, "%", "\u066a")
    return "".join(chars)


def _keep_together(text: str, ltr: list[bool]) -> str:
    """The spaces inside a grouped phone number become no-break spaces: the number is one word."""
    if not _SPACED_PHONE.search(text):
        return text
    chars = list(text)
    for match in _SPACED_PHONE.finditer(text):
        for k in range(match.start(), match.end()):
            if chars[k] == " " and ltr[k]:
                chars[k] = NBSP
    return "".join(chars)


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def prepare(spans: Sequence[Span], *, persian_digits: bool = True) -> list[Word]:
    """The words of a paragraph in logical order, shaped and measured."""
    register_fonts()
    parts = [(_normal(s.text), RunStyle(s.font, float(s.size), s.color)) for s in spans]
    text = "".join(t for t, _ in parts)
    styles: list[RunStyle] = []
    for part, style in parts:
        styles.extend([style] * len(part))
    ltr, latin = _direction_masks(text)
    if persian_digits and _HAS_DIGIT.search(text):
        text = "".join(c if latin[i] else c.translate(_TO_PERSIAN_DIGITS) for i, c in enumerate(text))
    if persian_digits and _HAS_PERSIAN_DIGIT.search(text):
        text = _persian_number_marks(text, latin)
    text = _keep_together(text, ltr)

    words: list[Word] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in " \n":
            if text[i] == "\n" and words and words[-1].pieces and not words[-1].hard_break:
                words[-1].hard_break = True
            elif text[i] == "\n":
                words.append(Word([], 0.0, hard_break=True))
            i += 1
            continue
        j = i
        while j < n and text[j] not in " \n":
            j += 1
        words.append(_make_word(text, styles, ltr, i, j))
        if j < n and text[j] == " ":
            words[-1].space_style = styles[j]
            words[-1].space = measure(" ", styles[j].font, styles[j].size)
            words[-1].space_ltr = ltr[j] and j + 1 < n and ltr[j + 1]
        i = j
    return words


def _make_word(text: str, styles: list[RunStyle], ltr: list[bool], start: int, end: int, whole: tuple[int, int] | None = None) -> Word:
    """The word ``text[start:end]``; ``whole`` is the span of the uncut word its letters join within."""
    lo, hi = whole or (start, end)
    pieces = []
    k = start
    while k < end:
        m = k + 1
        while m < end and styles[m] == styles[k] and ltr[m] == ltr[k]:
            m += 1
        style, logical = styles[k], text[k:m]
        if ltr[k]:
            glyphs = _glyphs(style.font, logical)
        else:
            before = text[k - 1] if k > lo else ""
            after = text[m] if m < hi else ""
            glyphs = shape(logical, style.font, before=before, after=after)
        pieces.append(Piece(style, ltr[k], logical, glyphs, measure(glyphs, style.font, style.size)))
        k = m
    return Word(pieces, sum(p.width for p in pieces))


def _cut_word(word: Word, width: float) -> list[Word]:
    """A word wider than ``width`` broken at the margin into words that fit, without a hyphen.

    The break goes where the word already looks apart: after / . - _ @ in an address, after a ZWNJ
    («تعاونی‌|ها») or after a letter that does not join the next one (ا د ذ ر ز ژ و); only a word
    with no such place is cut inside a joined group, and its letters keep their joined forms.
    A break never falls before a diacritic or before a ZWNJ.
    """
    text = "".join(p.logical for p in word.pieces)
    styles = [p.style for p in word.pieces for _ in p.logical]
    ltr = [p.ltr for p in word.pieces for _ in p.logical]
    whole = (0, len(text))
    parts: list[Word] = []
    start = 0
    while start < len(text):
        best = soft = zwnj = apart = None
        end = start + 1
        while end <= len(text):
            if end < len(text) and (_is_mark(text[end]) or text[end] == ZWNJ):
                end += 1
                continue
            if best is not None and _make_word(text, styles, ltr, start, end, whole).width > width:
                break
            best = end
            if text[end - 1] in _SOFT_BREAK_AFTER:
                soft = end
            elif end < len(text) and text[end - 1] == ZWNJ:
                zwnj = end
            elif end < len(text) and not ltr[end - 1] and not _joins_forward(text[end - 1]):
                apart = end
            end += 1
        half = (best - start) // 2
        if best == len(text):
            stop = best
        elif soft is not None and soft - start >= half:
            stop = soft
        elif zwnj is not None and zwnj - start >= half:
            stop = zwnj
        elif apart is not None and apart - start >= half:
            stop = apart
        else:
            stop = best
        parts.append(_make_word(text, styles, ltr, start, stop, whole))
        start = stop
    last = parts[-1]
    last.space, last.space_style, last.space_ltr, last.hard_break = word.space, word.space_style, word.space_ltr, word.hard_break
    return parts


def _is_mark(char: str) -> bool:
    return "\u064b" <= char <= "\u065f" or char == "\u0670" or "\u06d6" <= char <= "\u06ed"


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
                canv.setFillColor(style.color)
                current = (style.font, style.size, style.color)
            canv.drawString(pos, baseline, text)
            pos += w


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
    runs: list[tuple[str, RunStyle, bool]] = []
    for ch, idx in order:
        info = meta[idx]
        if info is None or info[0] is None:
            continue
        style, is_space = info
        if runs and runs[-1][1] == style and runs[-1][2] == is_space:
            runs[-1] = (runs[-1][0] + ch, style, is_space)
        else:
            runs.append((ch, style, is_space))
    return runs


def _bidi_order(text: str, base_ltr: bool = False) -> list[tuple[str, int]]:
    """The characters of one line in visual order (mirrored where the algorithm says) with their logical index.

    python-bidi's pure-Python implementation is used step by step because it keeps per-character
    records through reordering (its Rust ``get_display`` returns only a string and does not mirror).
    """
    if not text:
        return []
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
    words = prepare([Span(text, font, style.size, style.color)], persian_digits=style.persian_digits)
    line = Line([w for w in words if w.pieces], sum(w.width for w in words) + sum(w.space for w in words[:-1]), style.size, style.line_spacing, True)
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
    font = style.bold_font if style.bold else style.font
    words = prepare([Span(text, font, style.size, style.color)], persian_digits=style.persian_digits)
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
