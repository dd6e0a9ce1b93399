"""Printing a PDF on a Qt printer, and the few questions printing asks the operating system.

The PDF made by ``prdesk.printing`` is the document; the printer only receives its pages drawn as
images at the printer's resolution, so what comes out of the printer is what the preview showed.
``ask_printer`` and ``open_externally`` are the narrow surface to the system's print dialog and
viewer; tests replace them (callers use ``printing.ask_printer(...)``). Where to save a file is
asked through ``prdesk.ui.dialogs.pickers``.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, QSizeF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from prdesk.errors import PrdeskError
from prdesk.paths import user_cache_dir

#: Above this the printer gets the image stretched: a 1200 dpi A4 page would be a 560 MB image
#: and no printed letter looks better for it.
MAX_DPI = 600
#: Pages are drawn in horizontal bands of this many rows, so memory stays small at 600 dpi.
BAND_ROWS = 1024
#: Copies for the system viewer are kept this long, then removed at the next preview.
VIEWER_COPY_DAYS = 2


class PrinterNotReady(PrdeskError):
    """The printer (or the file a PDF printer writes) could not be opened."""


# --- the surface to the operating system ----------------------------------------------------


def ask_printer(parent: QWidget | None, printer: QPrinter, page_count: int, current_page: int = 0) -> bool:
    """Show the system's print dialog for ``printer``; True when the user chose Print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    options = (
        QAbstractPrintDialog.PrintDialogOption.PrintPageRange
        | QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage
        | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
        | QAbstractPrintDialog.PrintDialogOption.PrintToFile
        | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
    )
    dialog.setOptions(options)
    dialog.setMinMax(1, max(1, page_count))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def open_externally(path: Path) -> bool:
    """Open ``path`` in the program the system uses for its type; False when none would."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# --- files --------------------------------------------------------------------------------


def safe_file_name(name: str, suffix: str = ".pdf") -> str:
    """``name`` made fit for a file name: «نامه ۱۲/ص/۱۴۰۵» → «نامه ۱۲-ص-۱۴۰۵.pdf»."""
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name).strip(" .-") or "document"
    return stem if stem.lower().endswith(suffix) else stem + suffix


def viewer_copy(data: bytes, name: str) -> Path:
    """Write ``data`` to a file the system viewer can open; old copies are removed on the way.

    The copy must outlive this call (the viewer reads it later), so it goes to the cache folder,
    not to a temporary file deleted on close.
    """
    folder = user_cache_dir() / "preview"
    folder.mkdir(parents=True, exist_ok=True)
    limit = time.time() - VIEWER_COPY_DAYS * 86400
    for old in folder.glob("*.pdf"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass  # still open in a viewer on Windows; the next preview tries again
    path = folder / safe_file_name(name)
    stem, number = path.stem, 1
    while True:
        try:
            path.write_bytes(data)
            return path
        except PermissionError:
            # The previous copy is still open (Windows locks it); write beside it.
            number += 1
            path = folder / f"{stem} ({number}).pdf"
            if number > 50:
                raise


# --- printing -----------------------------------------------------------------------------


def match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Set the printer's paper and orientation to those of the document's first page."""
    if document.pageCount() < 1:
        return
    size = document.pagePointSize(0)
    landscape = size.width() > size.height()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def pages_to_print(printer: QPrinter, page_count: int, current_page: int = 0) -> list[int]:
    """The 0-based pages the printer was asked for, in printing order (copies not repeated)."""
    print_range = printer.printRange()
    if print_range == QPrinter.PrintRange.CurrentPage:
        pages = [min(max(current_page, 0), page_count - 1)] if page_count else []
    elif print_range == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or page_count, page_count)
        pages = list(range(first - 1, last))
    else:
        pages = list(range(page_count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def sheets_to_print(printer: QPrinter, pages: list[int]) -> list[int]:
    """``pages`` repeated for the copies the printer itself will not make.

    A printer driver that makes copies (``supportsMultipleCopies``) gets each page once; a PDF
    printer or a plain driver gets every copy drawn, collated (1 2 3 1 2 3) or not (1 1 2 2 3 3).
    """
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return list(pages)
    if printer.collateCopies():
        return [page for _ in range(copies) for page in pages]
    return [page for page in pages for _ in range(copies)]


def print_pdf(
    document: QPdfDocument,
    printer: QPrinter,
    *,
    current_page: int = 0,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Draw the document's pages on ``printer``; return how many sheets were sent.

    Respects the page range, page order, copies and colour mode chosen in the print dialog.
    ``progress(done, total)`` is called before each sheet; returning False stops (the sheets
    already drawn are still sent). Raises PrinterNotReady when the printer cannot be opened.
    """
    sheets = sheets_to_print(printer, pages_to_print(printer, document.pageCount(), current_page))
    if not sheets:
        return 0
    printer.setFullPage(True)  # the PDF carries the letter's own margins
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterNotReady(
            QCoreApplication.translate(
                "Printing",
                "The printer could not be opened. Check that it is switched on and connected, "
                "or choose another printer, then print again.",
            )
        )
    sent = 0
    try:
        for index, page in enumerate(sheets):
            if progress is not None and not progress(index, len(sheets)):
                break
            if index:
                printer.newPage()
            _draw_page(painter, printer, document, page)
            sent += 1
    finally:
        painter.end()
    return sent


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    """One PDF page, at its size or shrunk to fit the paper, centred, drawn band by band."""
    resolution = printer.resolution()
    paper = QRectF(printer.pageLayout().fullRectPixels(resolution))
    points = document.pagePointSize(page)
    if points.isEmpty() or paper.isEmpty():
        return
    # Device pixels per PDF point: the page at its own size, shrunk (never enlarged) to fit a
    # smaller paper, as PDF readers print by default.
    scale = min(resolution / 72.0, paper.width() / points.width(), paper.height() / points.height())
    target_w, target_h = points.width() * scale, points.height() * scale
    left = paper.left() + (paper.width() - target_w) / 2
    top = paper.top() + (paper.height() - target_h) / 2
    dpi = min(resolution, MAX_DPI)
    image_size = QSize(max(1, round(target_w * dpi / resolution)), max(1, round(target_h * dpi / resolution)))
    device_per_image = target_w / image_size.width()
    grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
    for band_top in range(0, image_size.height(), BAND_ROWS):
        rows = min(BAND_ROWS, image_size.height() - band_top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(image_size)
        options.setScaledClipRect(QRect(0, band_top, image_size.width(), rows))
        band = document.render(page, QSize(image_size.width(), rows), options)
        if band.isNull():
            continue
        if grey:
            band = band.convertToFormat(QImage.Format.Format_Grayscale8)
        target = QRectF(
            left,
            top + band_top * device_per_image,
            image_size.width() * device_per_image,
            # Bands overlap by a hair so no white line shows where they meet.
            math.ceil(rows * device_per_image) + 1,
        )
        painter.drawImage(target, band, QRectF(0, 0, band.width(), rows))
