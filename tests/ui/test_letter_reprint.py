"""A registered letter reprints from the register as it went out: its paper, letterhead mode and signer."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt

from prdesk.store import letters as register
from prdesk.store.settings import update_settings
from prdesk.ui.pages.letters import COMPOSER_TAB, REGISTER_TAB, LettersPage
from tests.printing.conftest import letters
from tests.ui.helpers import retype, type_text

A4_WIDTH, A5_WIDTH = 595, 420


@pytest.fixture
def page(window, qtbot, db) -> LettersPage:
    update_settings(db, {"signatory_name": "علیرضا کریمی", "signatory_position": "مدیرکل"})
    window.show_page("letters")
    page = window.pages["letters"]
    qtbot.waitUntil(lambda: page._loaded)
    page.tabs.setCurrentIndex(COMPOSER_TAB)
    return page


def width(data: bytes) -> int:
    return round(float(PdfReader(io.BytesIO(data)).pages[0].mediabox.width))


def text(data: bytes) -> str:
    return letters("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def test_an_a5_letter_on_letterhead_paper_reprints_on_a5_with_its_signer(page, qtbot, db):
    composer = page.composer
    type_text(composer.recipient_organization, "اتحادیه تعاونی‌های فرش دستباف کاشان")
    type_text(composer.subject, "دعوت به نشست")
    type_text(composer.body, "نشست هم‌اندیشی مدیران روز ۳۰ آبان برگزار می‌شود.")
    retype(composer.date.edit, "1405/08/30")
    composer.paper.setCurrentIndex(composer.paper.findData("A5"))
    box = composer.preprinted  # clicked on its indicator, at the right end in a right-to-left window
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 8, box.height() // 2))
    assert composer.preprinted.isChecked()
    qtbot.mouseClick(composer.register_button, Qt.MouseButton.LeftButton)
    first = composer.preview_dialog
    assert first is not None and width(first.data()) == A5_WIDTH
    first.close()

    (row,) = register.search_register(db)
    assert (row["paper"], row["preprinted"], row["signer_position"]) == ("A5", 1, "مدیرکل")
    # The office changes its defaults and its signatory afterwards; the register keeps the letter as sent.
    update_settings(db, {"paper_size": "A4", "signatory_position": "سرپرست"})

    page.tabs.setCurrentIndex(REGISTER_TAB)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    view = page.view
    center = view.visualRect(page.model.index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    again = page.preview_dialog
    assert again is not None
    assert width(again.data()) == A5_WIDTH
    assert "مدیرکل" in text(again.data()) and "سرپرست" not in text(again.data())
    # Pre-printed paper: the letterhead (the organization's name, «بسمه تعالی») is not drawn again.
    assert text(again.data()).count("بسمه") == text(first.data()).count("بسمه") == 0
    again.close()


def test_a_letter_registered_without_print_options_reprints_on_a4(page, qtbot, db):
    update_settings(db, {"paper_size": "A5"})
    register.register_letter(db, {"date": "1405/08/30", "recipient": "بانک توسعه تعاون", "subject": "گزارش", "body": "متن"})
    page.context.bus.announce("letters")
    page.tabs.setCurrentIndex(REGISTER_TAB)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    dialog = page.preview_row(0)
    assert dialog is not None and width(dialog.data()) == A4_WIDTH
    dialog.close()
