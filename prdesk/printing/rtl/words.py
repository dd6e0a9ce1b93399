"""A paragraph prepared in logical order: words shaped and measured, directions, Persian number marks, cutting a long word."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from prdesk.printing.fonts import register_fonts
from prdesk.printing.rtl.text import (
    NBSP, ZWNJ, Span, _DECIMAL, _HAS_DIGIT, _HAS_LATIN_LETTER, _HAS_PERSIAN_DIGIT, _HYPHENATED_NUMBER,
    _LATIN_RUN, _PERCENT, _SOFT_BREAK_AFTER, _SPACED_PHONE, _THOUSANDS, _TO_PERSIAN_DIGITS, _glyphs, _joins_forward,
    measure, shape,
)


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
    # Most of what is drawn is Persian without a Latin letter, and much of it without a digit.
    if not _HAS_LATIN_LETTER.search(text):
        if _ANY_DIGIT.search(text):
            _number_runs(text, ltr, latin)
        return ltr, latin
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
    _number_runs(text, ltr, latin)
    return ltr, latin


_ANY_DIGIT = re.compile(r"[0-9۰-۹٠-٩]")


def _number_runs(text: str, ltr: list[bool], latin: list[bool]) -> None:
    """Hyphenated numbers and grouped phone numbers outside Latin runs are set left to right."""
    for pattern in (_HYPHENATED_NUMBER, _SPACED_PHONE):
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(latin[start:end]):
                ltr[start:end] = [True] * (end - start)


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
    uniform = all(style is parts[0][1] for _, style in parts[1:]) if parts else True
    if persian_digits and _HAS_DIGIT.search(text):
        if any(latin):
            text = "".join(c if latin[i] else c.translate(_TO_PERSIAN_DIGITS) for i, c in enumerate(text))
        else:
            text = text.translate(_TO_PERSIAN_DIGITS)
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
        words.append(_word(text, styles, ltr, i, j, uniform))
        if j < n and text[j] == " ":
            words[-1].space_style = styles[j]
            words[-1].space = measure(" ", styles[j].font, styles[j].size)
            words[-1].space_ltr = ltr[j] and j + 1 < n and ltr[j + 1]
        i = j
    return words


# The same word in the same style reads the same wherever it stands (names, «ملاقات», «تولد», day
# numbers): it is shaped and measured once. Key: the word, its style and which letters run left to right.
_WORDS: dict[tuple, tuple[list[Piece], float]] = {}
_WORDS_KEPT = 65536


def _word(text: str, styles: list[RunStyle], ltr: list[bool], start: int, end: int, uniform: bool) -> Word:
    """The word ``text[start:end]`` as :func:`_make_word` makes it, from the cache when the paragraph has one style."""
    if not uniform:
        return _make_word(text, styles, ltr, start, end)
    key = (text[start:end], styles[start], tuple(ltr[start:end]))
    found = _WORDS.get(key)
    if found is None:
        if len(_WORDS) >= _WORDS_KEPT:
            _WORDS.clear()
        word = _make_word(text, styles, ltr, start, end)
        _WORDS[key] = (word.pieces, word.width)
        return word
    # A new Word each time: prepare() sets the space after it; its pieces are never changed.
    return Word(list(found[0]), found[1])


def _make_word(text: str, styles: list[RunStyle], ltr: list[bool], start: int, end: int, whole: tuple[int, int] | None = None) -> Word:
    """The word ``text[start:end]``; ``whole`` is the span of the uncut word its letters join within."""
    lo, hi = whole or (start, end)
    pieces = []
    k = start
    while k < end:
        m = k + 1
        while m < end and (styles[m] is styles[k] or styles[m] == styles[k]) and ltr[m] == ltr[k]:
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

