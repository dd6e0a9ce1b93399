"""Pages that know their count: a canvas that decorates every page once the last one is known."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from prdesk.store.outputs import write_output


class _PagedCanvas(Canvas):
    """A canvas that holds its pages until the end, so each page can say «صفحه ۲ از ۳»."""

    decorate = None  # set on a subclass: decorate(canvas, page_number, page_count)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []

    def showPage(self):
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        count = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            type(self).decorate(self, number, count)
            Canvas.showPage(self)
        Canvas.save(self)


def paged_canvas(decorate) -> type[Canvas]:
    """A canvas class that calls ``decorate(canvas, page_number, page_count)`` on every page at the end."""
    return type("PagedCanvas", (_PagedCanvas,), {"decorate": staticmethod(decorate)})


def write_pdf(data: bytes, path: Path | str) -> Path:
    """Write PDF bytes to ``path`` through a temporary file beside it; a refusal of the disk becomes Persian."""
    return write_output(path, data)
