"""A careful Persian reader's hard cases in letters: English lines, number marks, grouped phones, long words, greetings."""

from __future__ import annotations

import pytest

from prdesk.printing.letter import LetterLayout, letter_story, starts_with_greeting
from prdesk.printing.rtl import NBSP, RtlParagraph, TextStyle
from prdesk.store.settings import SETTINGS
from tests.printing.test_letter import make_letter


def one_line(text: str) -> str:
    lines = RtlParagraph(text, TextStyle()).lines(10_000)
    assert len(lines) == 1
    return lines[0].visual_text


def logical_words(text: str) -> list[str]:
    return [w.logical for w in RtlParagraph(text, TextStyle()).words]


# --- an English-only line ------------------------------------------------------------------------

def test_an_english_line_ends_with_its_period_on_the_right():
    assert one_line("The meeting will be held in Tehran.") == "The meeting will be held in Tehran."
    assert one_line("Is it (really) done?") == "Is it (really) done?"


def test_a_persian_line_still_ends_on_the_left():
    assert one_line("جلسه برگزار شد.").startswith(".")


# --- Persian number marks ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("typed", "printed"),
    [("۳.۱۴", "۳٫۱۴"), ("3.14", "۳٫۱۴"), ("۱۲۳,۴۵۶", "۱۲۳٬۴۵۶"), ("1,234,567", "۱٬۲۳۴٬۵۶۷"), ("۴۰%", "۴۰٪"), ("40%", "۴۰٪")],
)
def test_numbers_print_with_persian_separators(typed, printed):
    assert printed in logical_words(f"سهم {typed} است")


@pytest.mark.parametrize("kept", ["v1.2.3", "info@coop.ir", "۱۴۰۵/۰۸/۳۰", "۱۰:۳۰", "۰۲۱-۳۲۲۲۴۴۵۵"])
def test_marks_change_only_inside_numbers(kept):
    words = logical_words(f"نشانی {kept} است، و متن.")
    assert kept in words or kept.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in words
    assert "،" in "".join(words) and "." in words[-1]


# --- a phone number written in groups ------------------------------------------------------------

@pytest.mark.parametrize(
    ("typed", "drawn"),
    [("+98 21 8877 6655", "+۹۸ ۲۱ ۸۸۷۷ ۶۶۵۵"), ("0912 345 6789", "۰۹۱۲ ۳۴۵ ۶۷۸۹"), ("۰۲۱ ۸۸۷۷ ۶۶۵۵", "۰۲۱ ۸۸۷۷ ۶۶۵۵")],
)
def test_a_grouped_phone_number_keeps_its_groups_in_order(typed, drawn):
    visual = one_line(f"شماره تماس دفتر: {typed} است.").replace(NBSP, " ")
    assert drawn in visual  # left to right as drawn: the country code on the left


def test_a_grouped_phone_number_is_never_split_across_lines():
    text = "برای هماهنگی بیشتر با شماره +98 21 8877 6655 تماس بگیرید"
    for width in range(120, 400, 7):  # wider than the number itself
        for line in RtlParagraph(text, TextStyle()).lines(width):
            words = [w.logical for w in line.words]
            assert not any(w in ("+۹۸", "۲۱", "۸۸۷۷", "۶۶۵۵") for w in words), (width, words)


# --- a very long word ------------------------------------------------------------------------------

def _line_widths(paragraph: RtlParagraph, width: float) -> list[tuple[str, float]]:
    return [(line.logical_text, line.width) for line in paragraph.lines(width)]


def test_a_long_word_breaks_at_a_zwnj_without_a_hyphen_and_stays_inside_the_margin():
    word = "تعاونی‌هایاستانیاصفهان" * 6
    paragraph = RtlParagraph(word, TextStyle(size=12))
    lines = paragraph.lines(300)
    assert len(lines) >= 2
    assert "".join(line.logical_text for line in lines) == word  # nothing lost, nothing added (no hyphen)
    for line in lines[:-1]:
        assert line.width <= 300 + 0.01
        assert line.logical_text.endswith("\u200c"), line.logical_text[-12:]


def test_a_long_word_without_zwnj_breaks_after_a_letter_that_does_not_join():
    word = "استانیاصفهانتعاونیبازرگانیکشاورزیمسکن" * 3
    lines = RtlParagraph(word, TextStyle(size=12)).lines(200)
    assert len(lines) >= 2
    for line in lines[:-1]:
        assert line.logical_text[-1] in "اآدذرزژو", line.logical_text[-8:]


# --- the greeting ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "body",
    [
        "با سلام و احترام،\nمتن نامه.",
        "سلام؛ متن نامه.",
        "با سلام\nمتن نامه.",
        "با عرض سلام و ادب و احترام\nمتن",
        "  باسلام و احترام\nمتن",  # written together
        "با سلام و احترام\nمتن",
        "با سَلام و احترام\nمتن",  # a diacritic
        "با درود\nمتن",
    ],
)
def test_a_body_that_greets_gets_no_second_greeting(body):
    assert starts_with_greeting(body)
    texts = _story_texts(body)
    assert sum(starts_with_greeting(t) for t in texts) == 1, texts


@pytest.mark.parametrize("body", ["احتراماً، به استحضار می‌رساند …", "سلامت کارکنان موضوع این نامه است.", "در پاسخ به سلام شما"])
def test_a_body_without_a_greeting_gets_the_printed_one(body):
    assert not starts_with_greeting(body)
    assert "با سلام و احترام" in _story_texts(body)


def _story_texts(body: str) -> list[str]:
    settings = {s.key: s.default for s in SETTINGS}
    story = letter_story(make_letter(body=body), settings, LetterLayout.for_paper("A4"))
    return [" ".join(w.logical for w in f.words) for f in story if isinstance(f, RtlParagraph)]


