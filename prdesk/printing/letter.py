"""The official letter (نامه اداری) on A4 or A5, laid out as an Iranian office lays it out."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Mapping

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from prdesk.core.jalali import format_jalali
from prdesk.core.letter_number import Letter, number_parts
from prdesk.core.text import clean, search_key, to_ascii_digits, to_persian_digits
from prdesk.errors import ValidationError
from prdesk.printing.fonts import BOLD, MEDIUM, REGULAR, register_fonts
from prdesk.printing.pages import paged_canvas, write_pdf
from prdesk.printing.rtl import RtlParagraph, TextStyle, baseline_offset, draw_text, text_width

PAPERS = {"A4": A4, "A5": A5}
HEADER_LABELS = {"date": "تاریخ:", "number": "شماره:", "attachment": "پیوست:"}
RULE_COLOR = colors.HexColor("#444444")
MUTED = colors.HexColor("#333333")
# An opening greeting at the start of the body (on its search key: Arabic letters, diacritics,
# ZWNJ and spacing already folded): سلام، با سلام، با سلام و احترام، با عرض سلام، با درود، با تحیت …
_OPENING_GREETING = re.compile(r"^(?:با ?)?(?:عرض ?)?(?:سلام|درود|تحیت|تحیات)(?![^\W\d_])")


@dataclass(frozen=True)
class LetterLayout:
    """Every position and size of the letter, in millimetres and points; each one can be set."""

    margin_right: float = 25.0  # mm, the binding side
    margin_left: float = 15.0
    margin_bottom: float = 25.0
    band: float = 40.0  # letterhead band height, mm from the top edge to the rule
    body_gap: float = 7.0  # mm between the rule and the first heading line
    footer: float = 15.0  # footer band, mm from the bottom edge to its rule
    continuation_top: float = 24.0  # mm from the top edge to the text on page two onwards
    logo_top: float = 7.0
    logo_size: float = 17.0
    bismillah_top: float = 14.0  # mm from the top edge to the baseline of «بسمه تعالی»
    invocation: str = "بسمه تعالی"
    header_top: float = 21.0  # mm from the top edge to the first labelled line
    header_gap: float = 6.5  # mm between labelled lines
    header_width: float = 52.0  # mm, the labelled block at the top left
    org_size: float = 9.0
    invocation_size: float = 12.0
    header_size: float = 10.5
    heading_size: float = 13.0
    body_size: float = 13.0
    line_spacing: float = 1.6
    copies_size: float = 10.5
    small_size: float = 8.5
    signature_width: float = 65.0  # mm
    signature_space: float = 20.0  # mm for the signature and seal

    @classmethod
    def for_paper(cls, paper: str, overrides: Mapping[str, object] | None = None) -> LetterLayout:
        """The customary layout for ``paper`` ("A4" or "A5") with ``overrides`` applied.

        An override that is not a number (a mistyped setting) is ignored rather than stopping
        the letter.
        """
        layout = cls() if paper == "A4" else cls(
            margin_right=18.0, margin_left=12.0, margin_bottom=20.0, band=32.0, body_gap=5.0,
            footer=12.0, continuation_top=20.0, logo_top=5.0, logo_size=13.0, bismillah_top=11.0,
            header_top=15.5, header_gap=5.2, header_width=44.0, org_size=7.0, invocation_size=10.5,
            header_size=9.0, heading_size=11.0, body_size=11.0, line_spacing=1.55, copies_size=9.0,
            small_size=7.5, signature_width=50.0, signature_space=16.0,
        )
        changes: dict[str, object] = {}
        known = {f.name for f in fields(cls)}
        for key, value in (overrides or {}).items():
            if key not in known or value in (None, ""):
                continue
            if key == "invocation":
                changes[key] = clean(str(value))
                continue
            try:
                number = float(to_ascii_digits(str(value)))
            except ValueError:
                continue
            if number >= 0:
                changes[key] = number
        return replace(layout, **changes)


def layout_from_settings(settings: Mapping[str, str], paper: str) -> LetterLayout:
    """The layout for ``paper`` with settings ``letter_<field>`` (every paper) and
    ``letter_a4_<field>`` / ``letter_a5_<field>`` (one paper, which win) applied."""
    general, specific = {}, {}
    paper_prefix = f"letter_{paper.lower()}_"
    for key, value in settings.items():
        if key.startswith(paper_prefix):
            specific[key[len(paper_prefix):]] = value
        elif key.startswith("letter_"):
            general[key[len("letter_"):]] = value
    return LetterLayout.for_paper(paper, {**general, **specific})


def format_phone(value: str) -> str:
    """A stored phone number as printed: a landline as «۰۳۱-۳۲۲۲۴۴۵۵», anything else as it is."""
    digits = clean(value)
    if len(digits) == 11 and digits.startswith("0") and not digits.startswith("09"):
        return f"{digits[:3]}-{digits[3:]}"
    return digits


def balanced_lines(paragraph: RtlParagraph, width: float) -> list:
    """The paragraph's lines at the narrowest width that needs no more lines than ``width`` does.

    A heading that must wrap is cut into lines of similar length instead of a full line and a
    lone last word.
    """
    lines = paragraph.lines(width)
    if len(lines) < 2:
        return lines
    low, high = max(line.width for line in lines) / len(lines), width
    for _ in range(12):
        middle = (low + high) / 2
        if len(paragraph.lines(middle)) > len(lines):
            low = middle
        else:
            high = middle
    return paragraph.lines(high)


def draw_number(canv, number: str, x_right: float, y: float, style: TextStyle) -> float:
    """Draw a letter number's parts one by one from ``x_right`` leftwards; return the width.

    The first part of the number is always the rightmost: bidi never gets a chance to reorder
    «۱۲۳۴/ص/۱۴۰۵» into another order when digits, letters and slashes sit side by side.
    """
    x = x_right
    for part in number_parts(number):
        x -= draw_text(canv, part, x, y, style=style, align="right")
    return x_right - x


def number_width(number: str, style: TextStyle) -> float:
    """The width :func:`draw_number` will take."""
    return sum(text_width(part, style) for part in number_parts(number))


class SignatureBlock(Flowable):
    """The signature column at the bottom left: closing, space (or the signature image), name, position."""

    def __init__(self, name: str, position: str, *, closing: str = "", image: str | None = None, width: float, space: float, size: float):
        super().__init__()
        self.name, self.position, self.closing, self.image = clean(name), clean(position), clean(closing), image
        self.column, self.space, self.size = width, space, size
        self.line = size * 1.6

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        lines = (1 if self.closing else 0) + (1 if self.name else 0) + (1 if self.position else 0)
        self.height = self.space + lines * self.line
        return availWidth, self.height

    def draw(self):
        canv = self.canv
        centre = self.column / 2
        y = self.height
        regular = TextStyle(size=self.size)
        if self.closing:
            y -= self.line
            draw_text(canv, self.closing, centre, y + self.line * 0.3, style=regular, align="center")
        if self.image and Path(self.image).is_file():
            try:
                canv.drawImage(
                    ImageReader(self.image), centre - self.column * 0.35, y - self.space + 1 * mm,
                    width=self.column * 0.7, height=self.space - 2 * mm, preserveAspectRatio=True, anchor="c", mask="auto",
                )
            except OSError:
                pass  # an unreadable image leaves the space for a hand signature
        y -= self.space
        if self.name:
            y -= self.line
            draw_text(canv, self.name, centre, y + self.line * 0.3, style=regular.but(bold=True), align="center")
        if self.position:
            y -= self.line
            draw_text(canv, self.position, centre, y + self.line * 0.3, style=regular, align="center")


class _LetterPages:
    """Draws what sits around the text: the letterhead, the footer and the continuation header."""

    def __init__(self, letter: Letter, settings: Mapping[str, str], layout: LetterLayout, pagesize, preprinted: bool):
        self.letter, self.settings, self.layout = letter, settings, layout
        self.width, self.height = pagesize
        self.preprinted = preprinted

    def __call__(self, canv, page: int, pages: int) -> None:
        canv.saveState()
        if page == 1:
            if not self.preprinted:
                self._letterhead(canv)
                self._footer(canv)
            self._header_values(canv, labels=not self.preprinted)
            if pages > 1:
                self._page_number(canv, page, pages, y=(self.layout.footer + 4) * mm, centre=True)
        else:
            self._continuation(canv, page, pages)
        canv.restoreState()

    # -- page one
    def _letterhead(self, canv) -> None:
        lay, s = self.layout, self.settings
        right = self.width - lay.margin_right * mm
        org_style = TextStyle(font=MEDIUM, size=lay.org_size, align="center", line_spacing=1.45)
        invocation_style = TextStyle(font=BOLD, size=lay.invocation_size)
        # The name column may not reach «بسمه تعالی» at the centre: a longer line wraps.
        widest = right - (self.width + text_width(lay.invocation, invocation_style)) / 2 - 4 * mm
        names = [clean(s.get(f"org_name_line{i}", "")) for i in (1, 2, 3)]
        lines = [line for name in names if name for line in balanced_lines(RtlParagraph(name, org_style), widest)]
        logo = clean(s.get("logo_path", ""))
        has_logo = bool(logo) and Path(logo).is_file()
        # The logo gives way to the name lines when both do not fit above the rule.
        room = (lay.band - lay.logo_top - 2) * mm - sum(line.height for line in lines) - 1.5 * mm
        logo_size = max(8 * mm, min(lay.logo_size * mm, room))
        column = max([logo_size if has_logo else 0.0] + [line.width for line in lines])
        centre = right - column / 2
        y = self.height - lay.logo_top * mm
        if has_logo:
            try:
                canv.drawImage(
                    ImageReader(logo), centre - logo_size / 2, y - logo_size,
                    width=logo_size, height=logo_size, preserveAspectRatio=True, anchor="c", mask="auto",
                )
                y -= logo_size + 1.5 * mm
            except OSError:
                pass  # a missing or broken logo file must not stop the letter
        for line in lines:
            y -= line.height
            line.draw(canv, centre - line.width / 2, y + baseline_offset(line.height, line.size), line.width, "center")
        draw_text(
            canv, lay.invocation, self.width / 2, self.height - lay.bismillah_top * mm,
            style=invocation_style, align="center",
        )
        canv.setStrokeColor(RULE_COLOR)
        canv.setLineWidth(0.6)
        rule_y = self.height - lay.band * mm
        canv.line(lay.margin_left * mm, rule_y, self.width - lay.margin_right * mm, rule_y)

    def _header_values(self, canv, *, labels: bool) -> None:
        lay, letter = self.layout, self.letter
        label_style = TextStyle(font=BOLD, size=lay.header_size)
        value_style = TextStyle(size=lay.header_size)
        block_right = (lay.margin_left + lay.header_width) * mm
        label_column = max(text_width(t, label_style) for t in HEADER_LABELS.values()) + 2 * mm
        value_right = block_right - label_column
        order = [k.strip() for k in self.settings.get("letter_header_order", "date,number,attachment").split(",")]
        y = self.height - lay.header_top * mm
        marks = [(label, value) for label, value in (("طبقه‌بندی:", letter.security), ("فوریت:", letter.urgency)) if clean(value)]
        if marks:
            x = block_right
            mark_y = y + lay.header_gap * mm
            for label, value in marks:
                x -= draw_text(canv, label, x, mark_y, style=label_style, align="right") + 1.2 * mm
                x -= draw_text(canv, value, x, mark_y, style=label_style.but(color=colors.HexColor("#9b1c1c")), align="right") + 4 * mm
        for key in order:
            if labels:
                draw_text(canv, HEADER_LABELS[key], block_right, y, style=label_style, align="right")
            if key == "date" and letter.date:
                draw_text(canv, format_jalali(letter.date), value_right, y, style=value_style, align="right")
            elif key == "number" and clean(letter.number):
                draw_number(canv, letter.number, value_right, y, value_style)
            elif key == "attachment":
                draw_text(canv, to_persian_digits(clean(letter.attachments) or "ندارد"), value_right, y, style=value_style, align="right")
            y -= lay.header_gap * mm

    def _footer(self, canv) -> None:
        lay, s = self.layout, self.settings
        # Each item is drawn on its own: a phone number next to a web address would otherwise
        # read as one Latin run and keep Latin digits.
        first = []
        if clean(s.get("org_address", "")):
            first.append(("نشانی:", clean(s["org_address"])))
        if clean(s.get("org_postal_code", "")):
            first.append(("کد پستی:", clean(s["org_postal_code"])))
        second = []
        for key, label in (("org_phone", "تلفن:"), ("org_fax", "نمابر:")):
            if clean(s.get(key, "")):
                second.append((label, format_phone(s[key])))
        if clean(s.get("org_website", "")):
            second.append(("", clean(s["org_website"])))
        rows = [row for row in (first, second) if row]
        if not rows:
            return
        rule_y = lay.footer * mm
        canv.setStrokeColor(RULE_COLOR)
        canv.setLineWidth(0.4)
        canv.line(lay.margin_left * mm, rule_y, self.width - lay.margin_right * mm, rule_y)
        style = TextStyle(size=lay.small_size, color=MUTED)
        label_style = style.but(bold=True)
        gap, inner = 5 * mm, 1 * mm
        y = rule_y - lay.small_size * 1.5
        centre = (lay.margin_left * mm + self.width - lay.margin_right * mm) / 2
        for row in rows:
            widths = [(text_width(label, label_style) + inner if label else 0.0) + text_width(value, style) for label, value in row]
            x = centre + (sum(widths) + gap * (len(row) - 1)) / 2
            for label, value in row:
                if label:
                    x -= draw_text(canv, label, x, y, style=label_style, align="right") + inner
                x -= draw_text(canv, value, x, y, style=style, align="right") + gap
            y -= lay.small_size * 1.5

    # -- page two onwards
    def _continuation(self, canv, page: int, pages: int) -> None:
        lay, letter = self.layout, self.letter
        style = TextStyle(size=lay.small_size + 0.5, color=MUTED)
        bold = style.but(bold=True)
        y = self.height - (lay.continuation_top - 9) * mm
        self._page_number(canv, page, pages, y=y, centre=False)
        x = lay.margin_left * mm
        # Left side, read right to left: «شماره: … تاریخ: …».
        items = []
        if clean(letter.number):
            items.append(("شماره:", letter.number, True))
        if letter.date:
            items.append(("تاریخ:", format_jalali(letter.date), False))
        widths = [text_width(label, bold) + 1.2 * mm + (number_width(value, style) if is_number else text_width(value, style)) for label, value, is_number in items]
        right = x + sum(widths) + 6 * mm * max(0, len(items) - 1)
        for (label, value, is_number), width in zip(items, widths):
            right -= draw_text(canv, label, right, y, style=bold, align="right") + 1.2 * mm
            if is_number:
                right -= draw_number(canv, value, right, y, style)
            else:
                right -= draw_text(canv, value, right, y, style=style, align="right")
            right -= 6 * mm
        canv.setStrokeColor(RULE_COLOR)
        canv.setLineWidth(0.4)
        rule_y = y - 2.5 * mm
        canv.line(lay.margin_left * mm, rule_y, self.width - lay.margin_right * mm, rule_y)

    def _page_number(self, canv, page: int, pages: int, *, y: float, centre: bool) -> None:
        lay = self.layout
        text = f"صفحه {page} از {pages}"
        style = TextStyle(size=lay.small_size + 0.5, color=MUTED)
        if centre:
            draw_text(canv, text, self.width / 2, y, style=style, align="center")
        else:
            draw_text(canv, text, self.width - lay.margin_right * mm, y, style=style, align="right")


def starts_with_greeting(body: str) -> bool:
    """True when the body already opens with a greeting, so the letter does not print a second one."""
    return bool(_OPENING_GREETING.match(search_key(body)))


def letter_story(letter: Letter, settings: Mapping[str, str], layout: LetterLayout) -> list[Flowable]:
    """The flowing part of the letter: heading, subject, greeting, body, signature, copies."""
    heading = TextStyle(font=BOLD, size=layout.heading_size, align="right", line_spacing=1.5)
    body = TextStyle(size=layout.body_size, line_spacing=layout.line_spacing, align="justify")
    story: list[Flowable] = []
    for line in letter.heading_lines():
        story.append(RtlParagraph(line, heading.but(keep_with_next=True)))
    if clean(letter.subject):
        story.append(RtlParagraph(f"موضوع: {clean(letter.subject)}", heading.but(space_before=2 * mm, keep_with_next=True)))
    greeted = starts_with_greeting(letter.body)
    if clean(letter.greeting) and not greeted:
        story.append(RtlParagraph(clean(letter.greeting), body.but(align="right", space_before=3 * mm, keep_with_next=True)))
    paragraphs = _body_paragraphs(letter.body)
    for index, text in enumerate(paragraphs):
        if text is None:
            story.append(Spacer(0, layout.body_size * 0.6))
            continue
        last = index == len(paragraphs) - 1
        style = body.but(space_after=layout.body_size * 0.25, keep_with_next=last)
        if index == 0 and greeted:  # the body's own greeting stands where the printed one would
            style = style.but(align="right", space_before=3 * mm, keep_with_next=True)
        story.append(RtlParagraph(text, style))
    name = letter.signer_name if letter.signer_name is not None else settings.get("signatory_name", "")
    position = letter.signer_position if letter.signer_position is not None else settings.get("signatory_position", "")
    gap = Spacer(0, 4 * mm)
    gap.keepWithNext = True  # the last paragraph, this gap and the signature stay on one page
    story.append(gap)
    story.append(
        SignatureBlock(
            name, position, closing=letter.closing, image=letter.signature_image,
            width=layout.signature_width * mm, space=layout.signature_space * mm, size=layout.body_size,
        )
    )
    if letter.copies:
        copies = TextStyle(size=layout.copies_size, align="right", line_spacing=1.45)
        story.append(RtlParagraph("رونوشت:", copies.but(bold=True, space_before=6 * mm, keep_with_next=True)))
        for copy in letter.copies:
            story.append(RtlParagraph(f"- {clean(copy.to)} {clean(copy.purpose)}".rstrip(), copies))
    return story


def _body_paragraphs(body: str) -> list[str | None]:
    """One paragraph per line of the body; a run of blank lines becomes one small gap (None)."""
    result: list[str | None] = []
    for raw in (body or "").replace("\r\n", "\n").split("\n"):
        line = clean(raw)
        if line:
            result.append(line)
        elif result and result[-1] is not None:
            result.append(None)
    while result and result[-1] is None:
        result.pop()
    return result


def render_letter(
    letter: Letter,
    settings: Mapping[str, str],
    *,
    paper: str | None = None,
    preprinted: bool = False,
    layout: LetterLayout | None = None,
) -> bytes:
    """The letter as PDF bytes (fonts embedded as subsets, the subject as the document title)."""
    register_fonts()
    paper = (paper or settings.get("paper_size") or "A4").upper()
    if paper not in PAPERS:
        raise ValidationError(f"اندازهٔ کاغذ «{paper}» پشتیبانی نمی‌شود؛ A4 یا A5 را انتخاب کنید.", field="paper")
    layout = layout or layout_from_settings(settings, paper)
    pagesize = PAPERS[paper]
    width, height = pagesize
    frame_width = width - (layout.margin_left + layout.margin_right) * mm
    first = Frame(
        layout.margin_left * mm, layout.margin_bottom * mm, frame_width,
        height - (layout.band + layout.body_gap + layout.margin_bottom) * mm,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="first",
    )
    later = Frame(
        layout.margin_left * mm, layout.margin_bottom * mm, frame_width,
        height - (layout.continuation_top + layout.margin_bottom) * mm,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="later",
    )
    title = clean(letter.subject) or (f"نامه {to_persian_digits(clean(letter.number))}" if clean(letter.number) else "نامه")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, title=title, author=clean(settings.get("org_name_line3") or settings.get("org_name_line1", "")),
        subject=title, creator="prdesk", leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[first], autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[later]),
    ])
    doc.build(letter_story(letter, settings, layout), canvasmaker=paged_canvas(_LetterPages(letter, settings, layout, pagesize, preprinted)))
    return buffer.getvalue()


def write_letter(letter: Letter, settings: Mapping[str, str], path: Path | str, **options) -> Path:
    """Render the letter and write it to ``path``."""
    write_pdf(render_letter(letter, settings, **options), path)
    return Path(path)
