"""The PDF preview: pages and zoom in Persian digits, Print to a PDF printer, Save as PDF, the system viewer."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from prdesk.core.letter_number import Letter
from prdesk.printing.letter import render_letter
from prdesk.store.settings import SETTINGS
from prdesk.ui import printing
from prdesk.ui.app import prepare_application
from prdesk.ui.dialogs import messages, pickers
from prdesk.ui.dialogs.pdf_preview import PdfPreviewDialog

ASCII_DIGIT = re.compile(r"[0-9]")
PARAGRAPH = (
    "با احترام، به استحضار می‌رساند نشست هم‌اندیشی مدیران تعاونی‌های استان روز ۳۰ آبان ۱۴۰۵ "
    "ساعت ۱۰ در سالن اجتماعات اداره کل برگزار می‌شود و حضور نمایندهٔ آن اتحادیه ضروری است."
)


def pages_of(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    settings = {s.key: s.default for s in SETTINGS}
    letter = Letter(
        body="\n".join([PARAGRAPH] * 34), subject="دعوت به نشست", recipient_name="علی رضایی",
        salutation="جناب آقای", number="12/ص/1405", date=dt.date(2026, 11, 21),
    )
    data = render_letter(letter, settings)
    assert pages_of(data) == 3
    return data


@pytest.fixture
def preview(qtbot, three_pages):
    prepare_application(QApplication.instance(), "fa")
    dialog = PdfPreviewDialog(three_pages, title="نامهٔ آزمایشی", file_name="نامه ۱۲/ص/۱۴۰۵")
    qtbot.addWidget(dialog)
    dialog.resize(820, 900)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def shown_errors(monkeypatch):
    texts: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: texts.append(text))
    return texts


def pdf_printer(tmp_path, name="printed.pdf", *, first=0, last=0, copies=1, collate=True, current=False):
    """A stand-in for the print dialog: the clerk picks a PDF printer writing to ``tmp_path``."""
    output = tmp_path / name
    asked = []

    def ask(parent, printer: QPrinter, page_count: int, current_page: int = 0) -> bool:
        asked.append((page_count, current_page, printer.pageLayout().pageSize().name()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setResolution(72)  # the test needs the pages, not the sharpness
        if current:
            printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
        elif first:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(first, last)
        printer.setCopyCount(copies)
        printer.setCollateCopies(collate)
        return True

    return ask, output, asked


def test_the_pages_are_counted_in_persian_digits(preview):
    assert preview.page_count() == 3
    assert preview.page_label.text() == "صفحهٔ ۱ از ۳"
    assert not ASCII_DIGIT.search(preview.zoom_label.text())
    assert preview.zoom_label.text().endswith("٪")
    assert "نامهٔ آزمایشی" in preview.windowTitle()


def test_next_and_previous_move_between_pages(preview):
    assert not preview.previous_action.isEnabled()
    preview.next_action.trigger()
    assert preview.current_page() == 1
    assert preview.page_label.text() == "صفحهٔ ۲ از ۳"
    preview.next_action.trigger()
    assert preview.page_label.text() == "صفحهٔ ۳ از ۳"
    assert not preview.next_action.isEnabled()
    preview.previous_action.trigger()
    assert preview.current_page() == 1


def test_zoom_in_out_and_fit_width(preview):
    fitted = preview.effective_zoom()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() > fitted
    bigger = preview.view.zoomFactor()
    preview.zoom_out_action.trigger()
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() < bigger
    assert preview.zoom_label.text() == f"{round(preview.view.zoomFactor() * 100)}٪".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    preview.fit_width_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.fit_width_action.isChecked()
    preview.fit_page_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert not preview.fit_width_action.isChecked()


def test_print_sends_every_page_to_the_printer_on_the_letters_paper(preview, tmp_path, monkeypatch):
    ask, output, asked = pdf_printer(tmp_path)
    monkeypatch.setattr(printing, "ask_printer", ask)
    assert preview.print_document() == 3
    assert asked == [(3, 0, "A4")]
    reader = PdfReader(str(output))
    assert len(reader.pages) == 3
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    assert "۳" in preview.status.text()


def test_print_respects_the_page_range_and_copies(preview, tmp_path, monkeypatch):
    ask, output, _ = pdf_printer(tmp_path, first=2, last=3, copies=2)
    monkeypatch.setattr(printing, "ask_printer", ask)
    assert preview.print_document() == 4
    assert len(PdfReader(str(output)).pages) == 4


def test_print_of_the_current_page_only(preview, tmp_path, monkeypatch):
    ask, output, asked = pdf_printer(tmp_path, current=True)
    monkeypatch.setattr(printing, "ask_printer", ask)
    preview.go_to(2)
    assert preview.print_document() == 1
    assert asked[0][1] == 2
    assert len(PdfReader(str(output)).pages) == 1


def test_ctrl_p_prints(preview, qtbot, tmp_path, monkeypatch):
    ask, output, _ = pdf_printer(tmp_path)
    monkeypatch.setattr(printing, "ask_printer", ask)
    preview.activateWindow()
    qtbot.waitActive(preview)
    qtbot.keyClick(preview.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert output.exists() and len(PdfReader(str(output)).pages) == 3


def test_a_cancelled_print_dialog_prints_nothing(preview, monkeypatch, tmp_path):
    monkeypatch.setattr(printing, "ask_printer", lambda *args, **kwargs: False)
    assert preview.print_document() == 0
    assert preview.last_printed == 0


def test_a_printer_that_cannot_be_opened_is_explained(preview, monkeypatch, tmp_path, shown_errors):
    def ask(parent, printer, page_count, current_page=0):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no-such-folder" / "x.pdf"))
        return True

    monkeypatch.setattr(printing, "ask_printer", ask)
    assert preview.print_document() == 0
    assert shown_errors and "چاپگر" in shown_errors[0]


def test_save_as_pdf_writes_the_exact_bytes(preview, three_pages, tmp_path, monkeypatch):
    offered = []
    target = tmp_path / "saved"

    def ask(parent, title, start, name_filter):
        offered.append(start)
        return str(target)

    monkeypatch.setattr(pickers, "choose_save_path", ask)
    saved = preview.save_as()
    assert saved == tmp_path / "saved.pdf"
    assert saved.read_bytes() == three_pages
    assert offered[0].endswith("نامه ۱۲-ص-۱۴۰۵.pdf")


def test_save_as_cancelled_writes_nothing(preview, tmp_path, monkeypatch):
    monkeypatch.setattr(pickers, "choose_save_path", lambda *args: None)
    assert preview.save_as() is None
    assert list(tmp_path.iterdir()) == []


def test_open_in_viewer_hands_over_a_copy_of_the_pdf(preview, three_pages, monkeypatch):
    opened = []
    monkeypatch.setattr(printing, "open_externally", lambda path: opened.append(path) or True)
    path = preview.open_in_viewer()
    assert opened == [path]
    assert path.read_bytes() == three_pages
    assert path.suffix == ".pdf"


def test_no_viewer_on_the_computer_is_explained(preview, monkeypatch, shown_errors):
    monkeypatch.setattr(printing, "open_externally", lambda path: False)
    assert preview.open_in_viewer() is None
    assert shown_errors and "PDF" in shown_errors[0]


def test_a_pdf_file_opens_too(qtbot, three_pages, tmp_path):
    path = tmp_path / "calendar.pdf"
    path.write_bytes(three_pages)
    dialog = PdfPreviewDialog(path=path)
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 3
    assert dialog.data() == three_pages
    assert "calendar.pdf" in dialog.windowTitle()


def test_a_damaged_pdf_says_so(qtbot, shown_errors):
    dialog = PdfPreviewDialog(b"%PDF-1.4 this is not a pdf")
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 0
    assert shown_errors
    assert not dialog.print_action.isEnabled() and not dialog.save_action.isEnabled()


def test_escape_closes(preview, qtbot):
    preview.activateWindow()
    qtbot.waitActive(preview)
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()


def test_pages_to_print_follows_range_order_and_copies(qapp):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert printing.pages_to_print(printer, 3) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 9)
    assert printing.pages_to_print(printer, 3) == [1, 2]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert printing.pages_to_print(printer, 3) == [2, 1]
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    assert printing.sheets_to_print(printer, [0, 1]) == [0, 0, 1, 1]
    printer.setCollateCopies(True)
    assert printing.sheets_to_print(printer, [0, 1]) == [0, 1, 0, 1]


def test_safe_file_name_keeps_persian_and_drops_slashes():
    assert printing.safe_file_name("نامه ۱۲/ص/۱۴۰۵") == "نامه ۱۲-ص-۱۴۰۵.pdf"
    assert printing.safe_file_name("دفتر", ".xlsx") == "دفتر.xlsx"
    assert printing.safe_file_name("///") == "document.pdf"


def test_an_a5_letter_goes_to_the_printer_on_a5_paper(qtbot, tmp_path, monkeypatch):
    settings = {s.key: s.default for s in SETTINGS}
    data = render_letter(Letter(body=PARAGRAPH, recipient_name="علی رضایی"), settings, paper="A5")
    dialog = PdfPreviewDialog(data)
    qtbot.addWidget(dialog)
    ask, output, asked = pdf_printer(tmp_path)
    monkeypatch.setattr(printing, "ask_printer", ask)
    assert dialog.print_document() == 1
    assert asked[0][2] == "A5"
    box = PdfReader(str(output)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)


def test_a_page_larger_than_the_paper_is_shrunk_to_fit(qtbot, three_pages, tmp_path):
    from PySide6.QtGui import QPageSize

    dialog = PdfPreviewDialog(three_pages)
    qtbot.addWidget(dialog)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "a5.pdf"))
    printer.setResolution(72)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    assert printing.print_pdf(dialog.document, printer) == 3
    box = PdfReader(str(tmp_path / "a5.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)
