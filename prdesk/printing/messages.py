"""A batch of messages as one PDF: one official letter per recipient, on the letter engine, optionally duplex-safe."""

from __future__ import annotations

import bisect
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

from prdesk.core.letter_number import Letter
from prdesk.errors import ValidationError
from prdesk.printing.fonts import REGULAR, register_fonts
from prdesk.printing.letter import PAPERS, _LetterPages, layout_from_settings, letter_story


class BatchCancelled(Exception):
    """The progress callback answered False: stop, write nothing."""


class _Marker(Flowable):
    """A flowable of no size that notes the page it lands on (the start or end of one letter)."""

    def __init__(self, pages: list[int], on_draw: Callable[[], None] | None = None):
        super().__init__()
        self.pages, self.on_draw = pages, on_draw

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.pages.append(self.canv.getPageNumber())
        if self.on_draw is not None:
            self.on_draw()


class _BlankIfOdd(ActionFlowable):
    """Between two letters: when the letter just ended has an odd number of pages, add an empty page."""

    def __init__(self, starts: list[int], ends: list[int]):
        super().__init__(("pageBreak",))
        self.starts, self.ends = starts, ends

    def apply(self, doc):
        if (self.ends[-1] - self.starts[-1] + 1) % 2 == 1:
            doc.handle_nextPageTemplate("blank")
            doc.handle_pageBreak()


class _BatchCanvas(Canvas):
    """Holds each page only until its letter is complete, then decorates and writes it.

    A letter's header says «صفحه ۱ از ۲», so its pages wait for its last one; holding the pages of
    a thousand letters until the end (as a single document's canvas does) would keep them all in memory.
    """

    decoration: _BatchDecoration | None = None  # set on a subclass

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._written = 0

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()
        self._write_complete(final=False)

    def _write_complete(self, final: bool) -> None:
        decoration, held = self.decoration, self._held
        if not held:
            return
        current = dict(self.__dict__)
        written = self._written  # a held page's state carries the counter of its own time: keep ours
        while held:
            number = written + 1
            open_letter = len(decoration.ends) < len(decoration.starts)
            if not final and open_letter and number >= decoration.starts[-1]:
                break  # this letter's last page is not laid out yet
            self.__dict__.update(held.pop(0))
            decoration(self, number, 0)
            Canvas.showPage(self)
            written += 1
        if not final:
            self.__dict__.update(current)  # back to the page being laid out now
        self._held, self._written = held, written

    def save(self):
        self._write_complete(final=True)
        Canvas.save(self)


class _BatchDecoration:
    """Draws each page's letterhead and footer as the letter it belongs to; a duplex blank page stays empty."""

    def __init__(self, letters: Sequence[Letter], settings, layout, pagesize, preprinted):
        self.letters, self.settings, self.layout, self.pagesize, self.preprinted = letters, settings, layout, pagesize, preprinted
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __call__(self, canv, page: int, pages: int) -> None:
        index = bisect.bisect_right(self.starts, page) - 1
        if index < 0 or index >= len(self.ends) or page > self.ends[index]:
            return  # a blank page for duplex printing
        start, end = self.starts[index], self.ends[index]
        _LetterPages(self.letters[index], self.settings, self.layout, self.pagesize, self.preprinted)(canv, page - start + 1, end - start + 1)


def render_batch(
    letters: Sequence[Letter],
    settings: Mapping[str, str],
    *,
    paper: str | None = None,
    preprinted: bool = False,
    duplex: bool = False,
    progress: Callable[[int, int], bool | None] | None = None,
    out: Path | str | None = None,
    info: dict | None = None,
) -> bytes | None:
    """One PDF holding every letter, each starting on a new page (and, with ``duplex``, on a front side).

    ``progress(done, total)`` is called as each letter is laid out; returning False raises
    BatchCancelled. With ``out`` the PDF is written there (the caller makes it atomic) and None returned.
    """
    if not letters:
        raise ValidationError("هیچ نامه‌ای برای چاپ نیست؛ دست‌کم یک گیرنده را انتخاب کنید.")
    register_fonts()
    paper = (paper or settings.get("paper_size") or "A4").upper()
    if paper not in PAPERS:
        raise ValidationError(f"اندازهٔ کاغذ «{paper}» پشتیبانی نمی‌شود؛ A4 یا A5 را انتخاب کنید.", field="paper")
    layout = layout_from_settings(settings, paper)
    pagesize = PAPERS[paper]
    width, height = pagesize
    frame_width = width - (layout.margin_left + layout.margin_right) * mm

    def frame(top: float, name: str) -> Frame:
        return Frame(layout.margin_left * mm, layout.margin_bottom * mm, frame_width, height - (top + layout.margin_bottom) * mm,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)

    decoration = _BatchDecoration(letters, settings, layout, pagesize, preprinted)
    total = len(letters)
    done = [0]

    def tick() -> None:
        done[0] += 1
        if progress is not None and progress(done[0], total) is False:
            raise BatchCancelled

    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        if index:
            if duplex:
                story.append(_BlankIfOdd(decoration.starts, decoration.ends))
            story += [NextPageTemplate("first"), PageBreak()]
        story.append(_Marker(decoration.starts))
        story += letter_story(letter, settings, layout)
        story.append(_Marker(decoration.ends, tick))
    target = io.BytesIO() if out is None else str(out)
    doc = BaseDocTemplate(
        target, pagesize=pagesize, title=letters[0].subject or "پیام‌ها", creator="prdesk",
        author=settings.get("org_name_line3") or settings.get("org_name_line1", ""),
        leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0, initialFontName=REGULAR,
    )
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[frame(layout.band + layout.body_gap, "first")], autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[frame(layout.continuation_top, "later")]),
        PageTemplate(id="blank", frames=[frame(layout.continuation_top, "blank")], autoNextPageTemplate="first"),
    ])
    doc.build(story, canvasmaker=type("BatchCanvas", (_BatchCanvas,), {"decoration": decoration}))
    if info is not None:
        info["last_pages"] = decoration.ends[-1] - decoration.starts[-1] + 1
    return target.getvalue() if out is None else None


#: Letters laid out per document before they are joined: ReportLab keeps every page of a document in
#: memory until it is saved, so a thousand letters are made a hundred at a time.
CHUNK = 100


def write_batch(
    letters: Sequence[Letter],
    settings: Mapping[str, str],
    out: Path | str,
    *,
    paper: str | None = None,
    preprinted: bool = False,
    duplex: bool = False,
    progress: Callable[[int, int], bool | None] | None = None,
    chunk: int = CHUNK,
) -> Path:
    """Write every letter into the PDF ``out``, laid out ``chunk`` letters at a time and joined (the caller makes it atomic)."""
    from pypdf import PdfReader, PdfWriter

    if len(letters) <= chunk:
        render_batch(letters, settings, paper=paper, preprinted=preprinted, duplex=duplex, progress=progress, out=out)
        return Path(out)
    total = len(letters)
    writer = PdfWriter()
    for start in range(0, total, chunk):
        info: dict = {}

        def step(done: int, _n: int, offset: int = start):
            return None if progress is None else progress(offset + done, total)

        data = render_batch(letters[start:start + chunk], settings, paper=paper, preprinted=preprinted, duplex=duplex,
                            progress=step, info=info)
        writer.append(PdfReader(io.BytesIO(data)))
        if duplex and start + chunk < total and info["last_pages"] % 2 == 1:
            writer.add_blank_page()  # the next letter starts on a front side, as within a part
    writer.add_metadata({"/Title": letters[0].subject or "پیام‌ها", "/Creator": "prdesk"})
    with open(out, "wb") as fh:
        writer.write(fh)
    return Path(out)
