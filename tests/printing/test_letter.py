"""The official letter: pages, fonts, metadata, letterhead parts, fixed-order numbers, continuation pages."""

import datetime as dt
import time

import pytest
from reportlab.lib.pagesizes import A4, A5

from prdesk.core.letter_number import CopyRecipient, Letter
from prdesk.errors import ValidationError
from prdesk.printing.fonts import BOLD
from prdesk.printing.letter import (
    LetterLayout,
    SignatureBlock,
    _LetterPages,
    draw_number,
    format_phone,
    layout_from_settings,
    letter_story,
    render_letter,
    write_letter,
)
from prdesk.printing.rtl import RtlParagraph, TextStyle
from tests.printing.conftest import Recorder, letters, pdf, visual_words

PARAGRAPH = (
    "احتراماً، عطف به نامه شماره ۴۵۶۷/د/۱۴۰۵ مورخ ۱۴۰۵/۰۸/۱۲ درخصوص برگزاری همایش تعاونی‌های برتر استان، "
    "به استحضار می‌رساند این اداره کل آمادگی دارد جلسهٔ هماهنگی را روز سه‌شنبه ساعت 10:30 برگزار کند و "
    "فهرست شرکت‌های عضو را به نشانی info@coop-isfahan.ir دریافت نماید."
)


def make_letter(body: str = PARAGRAPH, **changes) -> Letter:
    values = dict(
        body=body, subject="برگزاری جلسهٔ هماهنگی", number="1234/ص/1405", date=dt.date(2026, 11, 21),
        attachments="ندارد", salutation="جناب آقای", recipient_title="دکتر", recipient_name="محمد رضایی",
        recipient_position="مدیرعامل", recipient_organization="اتحادیه تعاونی‌های مصرف",
        copies=[CopyRecipient("معاونت توسعه", "جهت استحضار")],
    )
    values.update(changes)
    return Letter(**values)


def three_pages() -> str:
    return "\n".join([PARAGRAPH] * 13)


def test_short_letter_is_one_page_with_title_and_embedded_subset_fonts(settings):
    reader = pdf(render_letter(make_letter(), settings))
    assert len(reader.pages) == 1
    assert reader.metadata.title == "برگزاری جلسهٔ هماهنگی"
    fonts = [f.get_object() for page in reader.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert name[1:7].isalpha() and name[1:7].isupper() and name[7] == "+", name  # subset tag
        assert "/FontFile2" in font["/FontDescriptor"]  # embedded TrueType
        assert "Vazirmatn" in name


def test_three_page_body_has_continuation_pages(settings):
    reader = pdf(render_letter(make_letter(three_pages()), settings))
    assert len(reader.pages) == 3


def test_fifty_page_body(settings):
    start = time.perf_counter()
    reader = pdf(render_letter(make_letter("\n".join([PARAGRAPH] * 400)), settings))
    assert len(reader.pages) >= 50
    assert time.perf_counter() - start < 20


def test_one_word_body(settings):
    assert len(pdf(render_letter(make_letter("سلام", copies=[]), settings)).pages) == 1


def test_a5_paper(settings):
    reader = pdf(render_letter(make_letter(), settings, paper="A5"))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A5, abs=0.5)
    assert float(pdf(render_letter(make_letter(), settings)).pages[0].mediabox.width) == pytest.approx(A4[0], abs=0.5)


def test_unknown_paper_is_refused(settings):
    with pytest.raises(ValidationError, match="A4 یا A5"):
        render_letter(make_letter(), settings, paper="Letter")


def test_letter_number_parts_are_drawn_right_to_left_in_pattern_order():
    canvas = Recorder()
    draw_number(canvas, "1234/ص/1405", 300, 100, TextStyle(size=10))
    assert canvas.rows() == [["۱۲۳۴", "/", "ص", "/", "۱۴۰۵"]]
    canvas = Recorder()
    draw_number(canvas, "120/5678", 300, 100, TextStyle(size=10))
    assert canvas.rows() == [["۱۲۰", "/", "۵۶۷۸"]]  # bidi would have put 120 on the left


def _page(settings, letter, page=1, pages=1, paper="A4", preprinted=False):
    canvas = Recorder()
    size = A4 if paper == "A4" else A5
    _LetterPages(letter, settings, LetterLayout.for_paper(paper), size, preprinted)(canvas, page, pages)
    return canvas


def test_letterhead_has_invocation_header_block_and_footer(settings):
    rows = _page(settings, make_letter(security="محرمانه", urgency="فوری")).rows()
    flat = [word for row in rows for word in row]
    assert visual_words("بسمه تعالی") == [w for w in flat if w in visual_words("بسمه تعالی")]
    for label in ("تاریخ:", "شماره:", "پیوست:", "طبقه‌بندی:", "فوریت:", "تلفن:", "نشانی:"):
        assert letters(label[::-1]) in flat, label
    assert "۱۴۰۵/۰۸/۳۰" in flat  # the Jalali date of 2026-11-21
    assert "۰۳۱-۳۲۲۲۴۴۵۵" in flat
    assert "www.coop-isfahan.ir" in flat
    assert visual_words("اداره کل تعاون، کار و رفاه اجتماعی استان")[0] in flat


def test_header_order_follows_the_setting(settings):
    def label_rows(order):
        settings["letter_header_order"] = order
        rows = _page(settings, make_letter()).rows()
        wanted = {":خیرات": "date", ":هرامش": "number", ":تسویپ": "attachment"}
        return [wanted[w] for row in rows for w in row if w in wanted]

    assert label_rows("date,number,attachment") == ["date", "number", "attachment"]
    assert label_rows("number,date,attachment") == ["number", "date", "attachment"]


def test_logo_is_drawn_when_the_file_exists(settings, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "navy").save(logo)
    settings["logo_path"] = str(logo)
    assert _page(settings, make_letter()).images == 1
    settings["logo_path"] = str(tmp_path / "missing.png")
    assert _page(settings, make_letter()).images == 0
    assert pdf(render_letter(make_letter(), settings)).pages  # a missing logo never stops the letter


def test_preprinted_paper_gets_only_the_values(settings):
    flat = [w for row in _page(settings, make_letter(), preprinted=True).rows() for w in row]
    assert "۱۴۰۵/۰۸/۳۰" in flat and "۱۲۳۴" in flat
    for gone in ("یلاعت", ":خیرات", ":نفلت", ":هرامش"):
        assert gone not in flat


def test_continuation_page_has_small_header_and_page_count(settings):
    rows = _page(settings, make_letter(), page=2, pages=3).rows()
    flat = [w for row in rows for w in row]
    assert "یلاعت" not in flat  # no letterhead
    assert visual_words("صفحه ۲ از ۳") == [w for w in flat if w in visual_words("صفحه ۲ از ۳")]
    assert "۱۴۰۵/۰۸/۳۰" in flat and "۱۲۳۴" in flat
    first = [w for row in _page(settings, make_letter(), page=1, pages=3).rows() for w in row]
    assert visual_words("صفحه ۱ از ۳") == [w for w in first if w in visual_words("صفحه ۱ از ۳")]


def test_story_order_heading_subject_greeting_body_signature_copies(settings):
    story = letter_story(make_letter(closing="با تشکر"), settings, LetterLayout())
    texts = [" ".join(w.logical for w in f.words) for f in story if isinstance(f, RtlParagraph)]
    assert texts[:4] == ["جناب آقای دکتر محمد رضایی", "مدیرعامل محترم اتحادیه تعاونی‌های مصرف", "موضوع: برگزاری جلسهٔ هماهنگی", "با سلام و احترام"]
    assert texts[-2:] == ["رونوشت:", "- معاونت توسعه جهت استحضار"]
    signature = next(f for f in story if isinstance(f, SignatureBlock))
    assert (signature.name, signature.position, signature.closing) == ("علیرضا کریمی", "مدیرکل", "با تشکر")
    assert story.index(signature) > texts.index("با سلام و احترام")
    subject = next(f for f in story if isinstance(f, RtlParagraph) and f.words[0].logical == "موضوع:")
    assert subject.words[0].pieces[0].style.font == BOLD


def test_signature_column_is_at_the_left(settings):
    block = SignatureBlock("علیرضا کریمی", "مدیرکل", width=180, space=50, size=12)
    block.wrap(480, 500)
    canvas = Recorder()
    block.canv = canvas
    block.draw()
    assert all(x < 180 for x, *_ in canvas.calls)
    assert visual_words("علیرضا کریمی") in canvas.rows()
    assert {call[3][0] for call in canvas.calls if letters(call[2]) in visual_words("علیرضا کریمی")} == {BOLD}
    assert visual_words("مدیرکل") in canvas.rows()


def test_body_lines_become_paragraphs_and_blank_lines_gaps(settings):
    story = letter_story(make_letter("یک\n\n\nدو\nسه\n\n", copies=[], greeting="", subject=""), settings, LetterLayout())
    body = [" ".join(w.logical for w in f.words) for f in story if isinstance(f, RtlParagraph)][2:]
    assert body == ["یک", "دو", "سه"]


def test_layout_settings_override_defaults():
    layout = layout_from_settings({
        "letter_margin_right": "۳۰", "letter_body_size": "12", "letter_a5_body_size": "10",
        "letter_a4_body_size": "14", "letter_band": "پهن", "letter_number_pattern": "{seq}",
    }, "A5")
    assert layout.margin_right == 30 and layout.body_size == 10
    assert layout.band == LetterLayout.for_paper("A5").band  # a mistyped value is ignored
    assert LetterLayout.for_paper("A4").margin_right == 25 and LetterLayout.for_paper("A5").margin_right == 18


def test_format_phone():
    assert format_phone("03132224455") == "031-32224455"
    assert format_phone("09131234567") == "09131234567"


def test_write_letter(settings, tmp_path):
    out = write_letter(make_letter(), settings, tmp_path / "letter.pdf")
    assert out.read_bytes().startswith(b"%PDF")


def test_the_signature_never_stands_alone_on_a_page(settings):
    story = letter_story(make_letter(three_pages()), settings, LetterLayout())
    signature = next(i for i, f in enumerate(story) if isinstance(f, SignatureBlock))
    assert all(getattr(f, "keepWithNext", False) for f in story[signature - 2:signature])
