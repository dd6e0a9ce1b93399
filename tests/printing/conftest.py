"""Helpers for reading what the RTL engine drew: glyphs back to letters, PDFs back to text."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from prdesk.store.settings import SETTINGS


def letters(glyphs: str) -> str:
    """Presentation-form glyphs back to the letters they show (ﻻ → لا), invisible marks dropped."""
    return unicodedata.normalize("NFKC", glyphs).replace("\u200c", "")


def reading(glyphs: str) -> str:
    """A visual line of Persian only (no Latin runs) read right to left, as letters."""
    return letters(glyphs[::-1])


def pdf(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


@pytest.fixture
def settings():
    values = {s.key: s.default for s in SETTINGS}
    values.update(
        org_address="اصفهان، خیابان چهارباغ بالا، پلاک ۱۲",
        org_postal_code="8134813746",
        org_phone="03132224455",
        org_website="www.coop-isfahan.ir",
        signatory_name="علیرضا کریمی",
    )
    return values


class Recorder:
    """A stand-in canvas that keeps every string drawn (and ignores the rest)."""

    def __init__(self):
        self.calls = []
        self.font = None
        self.images = 0

    def setFont(self, name, size):
        self.font = (name, size)

    def drawString(self, x, y, text):
        self.calls.append((x, y, text, self.font))

    def drawImage(self, *args, **kwargs):
        self.images += 1

    def __getattr__(self, name):  # saveState, line, setStrokeColor …
        return lambda *args, **kwargs: None

    def rows(self) -> list[list[str]]:
        """The drawn strings, top row first, each row right to left, glyphs as letters."""
        rows: dict[float, list] = {}
        for x, y, text, _ in self.calls:
            rows.setdefault(round(y, 1), []).append((x, letters(text)))
        return [[t for _, t in sorted(rows[y], key=lambda p: -p[0])] for y in sorted(rows, reverse=True)]


def visual_words(text: str) -> list[str]:
    """What :meth:`Recorder.rows` shows for a Persian ``text`` drawn as one line: words mirrored."""
    return [w[::-1] for w in text.split()]
