"""The RTL engine does each piece of work once: a line reordered without python-bidi's records gives its order,
a string drawn or measured again is not shaped again, a word is shaped once wherever it stands."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from prdesk.printing.rtl import TextStyle, draw_text, text_width
from prdesk.printing.rtl import bidi as rtl_bidi
from prdesk.printing.rtl import lines as rtl_lines
from prdesk.printing.rtl import words as rtl_words
from tests.printing.conftest import Recorder

# Persian letters and their presentation forms (AL), Latin letters (L), Persian, Arabic and ASCII
# digits (EN, AN), separators and terminators (CS, ES, ET), neutrals, marks (NSM) and spaces.
ALPHABET = (
    "ابپتسجچحدرزژشعفکگلمنوهی" "\ufe8d\ufe91\ufef3\ufeeb" "abcXYZ" "۰۱۲۳۴۵۶۷۸۹" "٠١٢" "0123"
    ":,./" "+-" "%#$" "()[]«»<>—…!؟،" "\u064b\u064e\u0650\u0652" "   "
)


def full_order(text: str, base_ltr: bool) -> list[tuple[str, int]]:
    """python-bidi's own steps, as the engine used them for every line before."""
    storage = rtl_lines._bidi.get_empty_storage()
    storage["base_level"] = 0 if base_ltr else 1
    storage["base_dir"] = "L" if base_ltr else "R"
    rtl_lines._bidi.get_embedding_levels(text, storage)
    for index, record in enumerate(storage["chars"]):
        record["i"] = index
    rtl_lines._bidi.explicit_embed_and_overrides(storage)
    rtl_lines._bidi.resolve_weak_types(storage, False)
    rtl_lines._bidi.resolve_neutral_types(storage, False)
    rtl_lines._bidi.resolve_implicit_levels(storage, False)
    rtl_lines._bidi.reorder_resolved_levels(storage, False)
    rtl_lines._bidi.apply_mirroring(storage, False)
    return [(record["ch"], record["i"]) for record in storage["chars"]]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40), st.booleans())
def test_a_line_at_one_level_is_ordered_as_python_bidi_orders_it(text, base_ltr):
    assert rtl_bidi.simple_order(text, base_ltr) == full_order(text, base_ltr)


def test_the_calendar_lines_take_the_short_path_and_embeddings_the_full_one():
    assert rtl_bidi.simple_order("۰۹:۳۰ ملاقات مدیرکل با علی رضایی — وام (مسکن)", False) is not None
    assert rtl_bidi.simple_order("\u202aabc\u202c دفتر", False) is None  # a Latin run in its embedding
    assert rtl_bidi.simple_order("دفتر\u200cها", False) is None  # BN: python-bidi drops it


def test_a_string_drawn_many_times_is_shaped_once(monkeypatch):
    shaped = []
    real = rtl_words.prepare
    monkeypatch.setattr(rtl_words, "prepare", lambda *a, **k: shaped.append(1) or real(*a, **k))
    monkeypatch.setattr("prdesk.printing.rtl.flowables.prepare", rtl_words.prepare)
    rtl_lines_bidi = []
    real_bidi = rtl_lines._bidi_order
    monkeypatch.setattr(rtl_lines, "_bidi_order", lambda *a: rtl_lines_bidi.append(1) or real_bidi(*a))
    style = TextStyle(size=9.5, bold=True)
    text = "جمعهٔ ۱۲ فروردین ۱۴۹۹ (تکرار)"
    canvas = Recorder()
    widths = {draw_text(canvas, text, 300, 100 - i, style=style, align="right") for i in range(200)}
    assert len(widths) == 1
    assert {text_width(text, style) for _ in range(200)} == widths
    assert len(shaped) <= 2 and len(rtl_lines_bidi) == 1  # once to draw, once to measure; reordered once
    rows = {tuple(row) for row in canvas.rows()}
    assert len(rows) == 1  # every copy drawn the same


def test_a_word_is_shaped_once_wherever_it_stands(monkeypatch):
    reshaped = []
    real = rtl_words._make_word
    monkeypatch.setattr(rtl_words, "_make_word", lambda *a, **k: reshaped.append(a[0][a[3]:a[4]]) or real(*a, **k))
    rtl_words._WORDS.clear()
    names = ["علی", "رضا", "حسن", "مریم"]
    for i in range(100):
        draw_text(Recorder(), f"ملاقات مدیرکل با {names[i % 4]} {names[(i // 4) % 4]} شمارهٔ {i}", 500, 100)
    assert reshaped.count("ملاقات") == 1 and reshaped.count("علی") == 1




def test_a_word_drawn_again_writes_the_operators_drawstring_writes(monkeypatch):
    """The PDF is the same, operator for operator, as drawString would make it, on every draw of a word."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from prdesk.printing.fonts import register_fonts

    register_fonts()
    lines = ["برنامهٔ شمارهٔ ۱۲ (تکرار)", "تولد خانم مریم احمدی", "برنامهٔ شمارهٔ ۱۳", "ISO 9001 گواهی", "برنامهٔ شمارهٔ ۱۲ (تکرار)"]

    def page() -> list[str]:
        canvas = Canvas(io.BytesIO())
        for i in range(3):
            for k, text in enumerate(lines):
                draw_text(canvas, text, 500 - i, 700 - 20 * k, style=TextStyle(size=9 + i % 2, bold=k == 1))
        return canvas._code

    cached = page()
    monkeypatch.setattr(rtl_lines, "_draw_string", lambda canv, x, y, text: canv.drawString(x, y, text))
    assert page() == cached
