"""The embedded Vazirmatn fonts: registration with ReportLab and the glyphs they lack."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from prdesk.paths import resource

REGULAR = "Vazirmatn"
MEDIUM = "Vazirmatn-Medium"
BOLD = "Vazirmatn-Bold"
_FILES = {REGULAR: "Vazirmatn-Regular.ttf", MEDIUM: "Vazirmatn-Medium.ttf", BOLD: "Vazirmatn-Bold.ttf"}


@lru_cache(maxsize=None)
def register_fonts() -> tuple[str, str]:
    """Register Vazirmatn (regular, medium, bold) once; return the (regular, bold) font names.

    ReportLab embeds TrueType fonts as subsets by default. Shaping is switched off: the engine
    hands ReportLab text that is already shaped and in visual order, and a second shaper (ReportLab
    uses uharfbuzz whenever it is importable) would reverse it again.
    """
    for name, filename in _FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename)), shapable=False))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, BOLD


def bold_of(font_name: str) -> str:
    """The bold face that goes with ``font_name`` (itself for a face that has none)."""
    return BOLD if font_name in (REGULAR, MEDIUM) else font_name


@lru_cache(maxsize=None)
def _cmap(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    return frozenset(face.charToGlyph) if face is not None else frozenset(range(32, 256))


@lru_cache(maxsize=4096)
def fallback_char(font_name: str, char: str) -> str:
    """``char`` if the font has it, else the nearest character it has.

    arabic-reshaper may pick a presentation form the font does not carry (Vazirmatn lacks the
    isolated form of «ۀ», for one); its compatibility decomposition is the base letter, whose
    default glyph is the isolated form, so nothing is lost on the page.
    """
    cmap = _cmap(font_name)
    if ord(char) in cmap:
        return char
    base = unicodedata.normalize("NFKC", char)
    if base and all(ord(c) in cmap for c in base):
        return base
    return char
