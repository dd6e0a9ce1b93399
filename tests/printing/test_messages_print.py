"""The batch PDF: one letter per recipient, page numbers within each letter, duplex blanks, memory that stays flat."""

import datetime as dt
import io
import unicodedata

from pypdf import PdfReader

from prdesk.core.letter_number import Letter
from prdesk.core.text import to_persian_digits
from prdesk.printing.messages import render_batch


def letters(long_ones=()):
    found = []
    for i in range(5):
        paragraph = "متن پیام تبریک اداره کل به مناسبت روز ملی تعاون. " * 6
        body = "\n".join([paragraph] * (16 if i in long_ones else 1))
        found.append(Letter(body=body, subject="تبریک روز تعاون", number=f"{i + 1}/ص/1405", date=dt.date(2026, 7, 1),
                            salutation="جناب آقای", recipient_name=f"گیرنده {i + 1}", recipient_position="مدیرعامل",
                            recipient_organization="شرکت تعاونی"))
    return found


def text(page) -> str:
    return unicodedata.normalize("NFKC", page.extract_text())


def test_each_letter_numbers_its_own_pages():
    reader = PdfReader(io.BytesIO(render_batch(letters(long_ones=(1,)), {})))
    pages = [text(p) for p in reader.pages]
    length = len(pages) - 4  # the second letter runs over several pages, the others take one
    assert length >= 2
    for n in range(1, length + 1):  # «صفحه n از length», as pypdf reads the glyphs (right to left)
        assert f"{to_persian_digits(length)}از{to_persian_digits(n)}صفحه" in pages[n].replace("\n", "")
    assert not any("صفحه" in p for i, p in enumerate(pages) if not 1 <= i <= length)
    for k, i in ((1, 0), (2, 1), (3, length + 1)):  # each letter starts on its own page, in order
        assert f"{to_persian_digits(k)}\nگیرنده" in pages[i]


def test_duplex_puts_every_letter_on_a_front_side():
    plain = len(PdfReader(io.BytesIO(render_batch(letters(long_ones=(1,)), {}))).pages)
    length = plain - 4
    reader = PdfReader(io.BytesIO(render_batch(letters(long_ones=(1,)), {}, duplex=True)))
    pages = [text(p).strip() for p in reader.pages]
    blanks = [i for i, p in enumerate(pages) if not p]
    # A blank after letters 1, 3 and 4 (one page each), and after letter 2 when its length is odd.
    assert len(pages) == plain + 3 + (length % 2)
    assert blanks[0] == 1 and all(i % 2 == 1 for i in blanks)


def test_letters_made_in_parts_join_into_one_pdf_with_duplex_blanks():
    from prdesk.printing.messages import write_batch

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        whole, parts = Path(folder) / "whole.pdf", Path(folder) / "parts.pdf"
        write_batch(letters(long_ones=(1,)), {}, whole, duplex=True)
        write_batch(letters(long_ones=(1,)), {}, parts, duplex=True, chunk=2)
        one, joined = PdfReader(whole), PdfReader(parts)
        assert len(joined.pages) == len(one.pages)
        assert [bool(text(p).strip()) for p in joined.pages] == [bool(text(p).strip()) for p in one.pages]
