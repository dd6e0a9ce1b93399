"""Persian text: the one normalizer behind every search key, digit conversion, phone numbers."""

from __future__ import annotations

import functools
import re
import unicodedata

ZWNJ = "\u200c"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)
_TO_PERSIAN = str.maketrans(ASCII_DIGITS + ARABIC_INDIC_DIGITS, PERSIAN_DIGITS * 2)

# Letters an Arabic keyboard or an old file produces where Persian uses another code point.
_LETTERS = {
    "\u064a": "ی",  # ARABIC YEH
    "\u0649": "ی",  # ALEF MAKSURA
    "\u06cc": "ی",
    "\u0643": "ک",  # ARABIC KAF
    "\u06a9": "ک",
    "\u06c0": "ه",  # HEH WITH YEH ABOVE (ۀ) -> ه for search
    "\u0629": "ه",  # TEH MARBUTA (ة)
    "\u06d5": "ه",  # AE
    "\u0623": "ا",  # ALEF WITH HAMZA ABOVE
    "\u0625": "ا",  # ALEF WITH HAMZA BELOW
    "\u0671": "ا",  # ALEF WASLA
    "\u0622": "ا",  # ALEF WITH MADDA (آ) -> ا for search
    "\u0624": "و",  # WAW WITH HAMZA
    "\u0626": "ی",  # YEH WITH HAMZA
    "\u06be": "ه",  # HEH DOACHASHMEE (ھ), what some keyboards type for ه
    "\u06c1": "ه",  # HEH GOAL (Urdu keyboards)
    "\u0621": None,  # HAMZA: «علاءالدینی» and «علاالدینی» are one name
    "\u0674": None,  # HIGH HAMZA
}
_SEARCH_TABLE = str.maketrans({**_LETTERS, **{c: d for c, d in zip(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)}})

# Only the letter forms that are plain mistakes are fixed in stored text (آ, ۀ, أ are kept as typed).
_STORE_TABLE = str.maketrans({"\u064a": "ی", "\u0649": "ی", "\u0643": "ک"})

# What the cleaner removes from every stored text: control characters (NUL, ESC and the rest, but
# not tab and newline) and invisible format characters: directional embeddings, overrides and
# isolates (U+202A–202E, U+2066–2069), LRM/RLM/ALM, zero-width space, word joiner, BOM, soft hyphen,
# interlinear and tag characters. ZWNJ (U+200C) and ZWJ (U+200D) are Persian spelling and stay.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
_EDGES = " \t\n\u200c\u200d"

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, superscript alef, Quranic marks, tatweel
# ZWNJ, ZWJ, soft hyphen, bidi marks and every kind of space become one ordinary space in keys.
_JOINERS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits become ASCII digits; everything else is kept."""
    return text.translate(_TO_ASCII)


def to_persian_digits(value: object) -> str:
    """The text of ``value`` with every digit shown as a Persian digit (for display)."""
    return str(value).translate(_TO_PERSIAN)


def clean(text: str | None) -> str:
    """The one cleaner for stored text: Arabic ي ك → ی ک, NFC, no control or bidi-override characters, trimmed.

    ZWNJ and ZWJ are kept inside words as typed; text made only of invisible characters becomes "".
    """
    if text is None:
        return ""
    text = text if text.__class__ is str else str(text)
    if text.isascii() and text.isalnum():
        return text  # a phone number, a code, a plain word: nothing to clean (and never cached)
    # Names, cities, positions and organizations repeat across thousands of imported rows.
    return _clean_short(text) if len(text) <= 120 else _clean(text)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_STORE_TABLE)
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(lambda m: " " if "\n" not in m.group() else m.group(), text)
    return text.strip(_EDGES).strip()


_clean_short = functools.lru_cache(maxsize=1 << 15)(_clean)


def printable(value: object) -> str:
    """``value`` as text safe to print on a terminal: control and bidi-override characters from data removed.

    Newlines and tabs are kept; everything else :func:`clean` would drop (terminal escape sequences
    start with one) is removed, so a crafted name cannot move the cursor or reverse the text.
    """
    text = str(value)
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return _INVISIBLE.sub("", text)


def search_key(text: str | None) -> str:
    """The normalized form every stored search key and every search goes through.

    Arabic letter variants become Persian, diacritics and tatweel are dropped, digits become
    ASCII, ZWNJ and space variants unify, case folds, and whitespace collapses. Words joined
    with ZWNJ or a space, or written together, must all find each other: the key keeps single
    spaces, and :func:`compact_key` drops them for the "written together" comparison.
    """
    if not text:
        return ""
    text = text if text.__class__ is str else str(text)
    if text.isascii():
        # Phone numbers, e-mails, registration numbers: nothing to fold but spaces and case.
        return _SPACES.sub(" ", text).strip().casefold()
    return _search_key_short(text) if len(text) <= 120 else _search_key(text)


def _search_key(text: str) -> str:
    # NFKD then dropping every combining mark: Persian harakat, madda and hamza above, and Latin
    # accents all go, so the key is stable under repeated normalization.
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DIACRITICS.sub("", text)
    text = text.translate(_SEARCH_TABLE)
    text = _JOINERS.sub(" ", text)
    text = _SPACES.sub(" ", text)
    return text.strip().casefold()


# Names, cities and positions repeat across thousands of rows (imports, re-indexing).
_search_key_short = functools.lru_cache(maxsize=1 << 15)(_search_key)


def compact_key(text: str | None) -> str:
    """:func:`search_key` without any spaces: «علی رضا», «علی‌رضا» and «علیرضا» are equal."""
    return search_key(text).replace(" ", "")


def left_to_right(text: object) -> str:
    """``text`` (a path, web address, e-mail) wrapped so it reads whole, left to right, inside Persian text."""
    # Embedding marks rather than isolates: Qt's text layout keeps a path's slashes in place only with these.
    return f"\u202a{text}\u202c"


def phone_digits(text: str | None) -> str:
    """A phone number as stored: ASCII digits only (a leading + kept), separators dropped."""
    if not text:
        return ""
    text = to_ascii_digits(unicodedata.normalize("NFKC", str(text))).strip()
    plus = text.startswith("+") or text.startswith("00")
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        digits = digits[2:]
    return ("+" + digits) if plus and digits else digits
