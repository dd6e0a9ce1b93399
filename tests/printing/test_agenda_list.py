"""The fast printed list of the meetings report: every row on the pages, in order, each distinct text shaped and encoded once."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.ttfonts import TTFont

from prdesk.core.text import to_persian_digits
from prdesk.printing import agenda_list
from prdesk.printing.agenda_list import FastList, lay_cell, shape_words
from prdesk.printing.fonts import REGULAR, register_fonts
from prdesk.printing.report import build_report
from prdesk.printing.rtl import shape
from tests.printing.conftest import letters, pdf

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
LEADING_NUMBER = re.compile("^[۰-۹]+")
HEADERS = ("ردیف", "میزبان", "سازمان", "موضوع", "وضعیت")
WIDTHS = [12 * mm, 40 * mm, 60 * mm, 80 * mm, 30 * mm]
ALIGNS = ["center", "right", "right", "right", "right"]
HOSTS = ("مدیرکل", "معاون توسعهٔ مدیریت و منابع", "معاون امور تعاون")
ORGANIZATIONS = ("اتحادیهٔ صنف فرش‌فروشان اصفهان", "شرکت تعاونی مسکن کارکنان جهاد کشاورزی", "")
STATUSES = ("برگزار شد", "لغو شد", "غایب")


def rows(count: int) -> list[list[str]]:
    return [[str(i), HOSTS[i % 3], ORGANIZATIONS[i % 3], f"درخواست وام شمارهٔ {i % 7}", STATUSES[i % 3]]
            for i in range(1, count + 1)]


def render(table: FastList) -> bytes:
    return build_report([table], title="فهرست", settings={}, landscape=True, decorate=lambda canv, page, pages: None)


@pytest.fixture(autouse=True)
def fresh_words():
    register_fonts()
    agenda_list._WORDS.clear()
    yield
    agenda_list._WORDS.clear()


def test_each_distinct_word_is_shaped_once(monkeypatch):
    shaped = Counter()

    def counting(text, font=REGULAR, **kwargs):
        shaped.update(text.split("\n"))
        return shape(text, font, **kwargs)

    monkeypatch.setattr(agenda_list, "shape", counting)
    table_rows = rows(300)
    render(FastList(HEADERS, table_rows, WIDTHS, ALIGNS))
    words = {w for row in table_rows for text in row for w in to_persian_digits(text).split()}
    assert set(shaped) == words | {w for h in HEADERS for w in h.split()}
    assert max(shaped.values()) == 1  # 300 rows, yet «مدیرکل» went through the reshaper once
    calls_before = sum(shaped.values())
    render(FastList(HEADERS, table_rows, WIDTHS, ALIGNS))
    assert sum(shaped.values()) == calls_before  # a second report of the same words shapes nothing


def test_each_distinct_line_is_encoded_once_per_document(monkeypatch):
    encoded = Counter()
    split = TTFont.splitString

    def counting(self, text, doc, encoding="utf-8"):
        encoded[text] += 1
        return split(self, text, doc, encoding)

    monkeypatch.setattr(TTFont, "splitString", counting)
    render(FastList(HEADERS, rows(300), WIDTHS, ALIGNS))
    assert encoded[lay_cell("مدیرکل", 100, REGULAR, 7.5)[0][0]] == 1
    assert max(encoded.values()) == 1


def test_every_row_is_on_the_pages_in_order():
    data = render(FastList(HEADERS, rows(120), WIDTHS, ALIGNS))
    reader = pdf(data)
    assert len(reader.pages) > 2
    numbers = []
    for page in reader.pages:
        # pypdf reads each row right to left glyph by glyph, its cells run together: the row number
        # leads, its digits (drawn left to right) reversed.
        lines = (page.extract_text() or "").splitlines()
        assert letters(lines[0]).startswith("ردیف")  # the header repeats on every page
        numbers += [int(m.group()[::-1].translate(DIGITS)) for m in map(LEADING_NUMBER.match, lines[1:]) if m]
    assert numbers == list(range(1, 121))


def test_a_long_cell_wraps_instead_of_being_cut():
    long = "شکایت از تأخیر در پرداخت سود سهام اعضای شرکت تعاونی مصرف کارکنان آموزش و پرورش ناحیهٔ سه"
    lines = lay_cell(long, 30 * mm, REGULAR, 7.5)
    assert len(lines) > 2
    assert all(width <= 30 * mm for _, width in lines)
    # Read back top to bottom, each line right to left: the whole subject, in order.
    read = " ".join(" ".join(word[::-1] for word in reversed(letters(glyphs).split())) for glyphs, _ in lines)
    assert read == long.replace("\u200c", "")


def test_a_latin_run_keeps_its_order():
    (line,) = lay_cell("شرکت ABC Trading تهران", 300, REGULAR, 7.5)
    glyphs = line[0]
    assert "ABC Trading" in glyphs
    assert glyphs.index("ABC") > glyphs.index(shape("تهران", REGULAR)[::-1])  # تهران is read last: leftmost


def test_words_shaped_in_one_batch_match_words_shaped_alone():
    words = ["ملاقات‌ها", "لا", "الله", "عبدالله", "۱۴۰۴/۰۱/۰۵", "سؤال", "مؤسسهٔ", "ی", "ABC", "۱۲:۳۰", "«فرش»", "۱۰،"]
    shape_words(words, REGULAR, 7.5)
    batch = {w: agenda_list._WORDS[(w, REGULAR, 7.5)] for w in words}
    for w in words:
        agenda_list._WORDS.clear()
        assert agenda_list.word(w, REGULAR, 7.5) == batch[w]
