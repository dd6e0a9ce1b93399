"""Text styles, spans of the little markup, and shaping and measuring Persian glyphs (constants of the engine)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.letters import LETTERS_ARABIC, connects_with_letter_after, connects_with_letter_before
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from prdesk.printing.fonts import BOLD, REGULAR, fallback_char


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




class _FixedConfiguration(dict):
    """The reshaper's settings read once: ArabicReshaper.reshape asks its configparser section for
    six flags on every call, which cost as much as the shaping of a short word."""

    def __init__(self, section):
        super().__init__((key, section.get(key)) for key in section)
        self._flags = {}
        for key in section:
            try:
                self._flags[key] = section.getboolean(key)
            except ValueError:
                pass  # not a flag (the language)

    def get(self, key, fallback=None):
        return super().get(key.lower(), fallback)

    def getboolean(self, key, fallback=None):
        # configparser reads option names case-blind («ARABIC LIGATURE ALLAH»).
        return self._flags.get(key.lower(), fallback)


_RESHAPER.configuration = _FixedConfiguration(_RESHAPER.configuration)


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
        """A copy with ``changes`` (the same copy each time: a page asks for the same few thousands of times)."""
        return _style_but(self, tuple(changes.items()))


@lru_cache(maxsize=4096)
def _style_but(style: TextStyle, changes: tuple) -> TextStyle:
    return replace(style, **dict(changes))


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

