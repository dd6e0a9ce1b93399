"""Printing from the calendar page like a clerk: the Print menu, a worker, then the preview with the document."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from prdesk.core import jalali
from prdesk.errors import ValidationError
from prdesk.printing import calendar as printed_calendar
from prdesk.store import calendar as cal
from prdesk.ui import print_job
from prdesk.ui.dialogs import messages, pdf_preview
from tests.printing.conftest import letters, pdf
from tests.ui.helpers import fail_on_error_box, persian_window

J = jalali.to_gregorian
TODAY = J(1405, 1, 14)
A4_LANDSCAPE, A3_LANDSCAPE = (842, 595), (1191, 842)


@pytest.fixture
def window(qtbot, db, db_path):
    return persian_window(qtbot, db, db_path, TODAY, active=True)


@pytest.fixture
def page(window):
    window.show_page("calendar")
    return window.pages["calendar"]


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    fail_on_error_box(monkeypatch)


@pytest.fixture
def previews(monkeypatch) -> list[dict]:
    """What reached the print preview: the PDF bytes, its title and file name (the preview itself is not opened)."""
    shown: list[dict] = []

    def show_pdf(parent, data, *, title="", file_name=""):
        shown.append({"data": data, "title": title, "file_name": file_name, "parent": parent})

    monkeypatch.setattr(pdf_preview, "show_pdf", show_pdf)
    return shown


def choose(qtbot, page, action) -> None:
    """Open the Print menu with a click on its button, then pick ``action`` with the keyboard."""
    menu = page.print_button.menu()

    def pick():
        if not menu.isVisible():
            QTimer.singleShot(20, pick)
            return
        menu.setActiveAction(action)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)


def printed(qtbot, previews) -> dict:
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    return previews[0]


def words(data: bytes) -> set[str]:
    found: set[str] = set()
    for sheet in pdf(data).pages:
        sheet.extract_text(visitor_text=lambda text, *_: found.update(letters(text).split()))
    return found


def size(data: bytes, index: int = 0) -> tuple[int, int]:
    box = pdf(data).pages[index].mediabox
    return round(float(box.width)), round(float(box.height))


def test_print_this_month_prints_the_month_shown_on_one_page(page, qtbot, previews):
    qtbot.mouseClick(page.next_month_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.next_month_button, Qt.MouseButton.LeftButton)
    assert page.month_title.text() == "خرداد ۱۴۰۵"
    choose(qtbot, page, page.print_month_action)
    shown = printed(qtbot, previews)
    reader = pdf(shown["data"])
    assert len(reader.pages) == 1
    assert reader.metadata.title == "تقویم خرداد ۱۴۰۵"
    assert size(shown["data"]) == A4_LANDSCAPE
    assert "خرداد ۱۴۰۵" in shown["title"] and shown["file_name"].endswith(".pdf")
    assert shown["parent"] is page


def test_ctrl_p_opens_the_menu_and_the_year_prints_twelve_months_and_the_overview(page, qtbot, previews):
    menu = page.print_button.menu()
    opened = []

    def pick():
        if not menu.isVisible():
            QTimer.singleShot(20, pick)
            return
        opened.append(True)
        menu.setActiveAction(page.print_year_action)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    page.month_view.setFocus()
    qtbot.keyClick(page.month_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    shown = printed(qtbot, previews)
    assert opened
    reader = pdf(shown["data"])
    assert len(reader.pages) == 13
    assert reader.metadata.title == "تقویم سال ۱۴۰۵"


def test_the_annual_plan_lists_the_years_events(page, qtbot, previews, db):
    cal.add_event(db, {"title": "نمایشگاه دستاوردهای تعاون", "type": "exhibition", "date": J(1405, 6, 13)})
    cal.add_event(db, {"title": "تکریم بازنشستگان", "type": "retiree_honoring", "date": J(1405, 3, 10)})
    cal.add_event(db, {"title": "جلسهٔ سال پیش", "date": J(1404, 12, 20)})
    choose(qtbot, page, page.print_plan_action)
    shown = printed(qtbot, previews)
    reader = pdf(shown["data"])
    assert len(reader.pages) == 1
    assert reader.metadata.title == "برنامهٔ سالانهٔ مراسم ۱۴۰۵"
    found = words(shown["data"])
    assert {"دستاوردهای", "بازنشستگان"} <= found
    assert "پیش" not in found


def test_a3_is_remembered_and_prints_a_wall_calendar(page, qtbot, previews):
    page.paper_actions["A3"].trigger()
    assert page.print_paper() == "A3"
    choose(qtbot, page, page.print_month_action)
    assert size(printed(qtbot, previews)["data"]) == A3_LANDSCAPE
    page.paper_actions["A4"].trigger()
    assert page.print_paper() == "A4"


def test_the_calendar_is_laid_out_off_the_windows_thread_on_its_own_connection(page, qtbot, previews, monkeypatch):
    seen = {}
    real = printed_calendar.render_calendar

    def render(db, *args, **kwargs):
        seen["thread"] = threading.current_thread()
        seen["db"] = db
        return real(db, *args, **kwargs)

    monkeypatch.setattr(printed_calendar, "render_calendar", render)
    choose(qtbot, page, page.print_month_action)
    printed(qtbot, previews)
    assert seen["thread"] is not threading.main_thread()
    assert seen["db"] is not page.context.db
    with pytest.raises(Exception):  # the worker closed its connection
        seen["db"].execute("SELECT 1")


def test_a_document_that_cannot_be_made_says_why_and_opens_no_preview(page, qtbot, previews, monkeypatch):
    said = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: said.append(text))

    def refuse(db):
        raise ValidationError("سال ۱۲۰۰ در تقویم نیست؛ سالی از ۱۳۰۰ تا ۱۵۰۰ را انتخاب کنید.")

    assert print_job.print_preview(page, page.context.db_path, refuse, label="…", title="t", file_name="t.pdf") is None
    assert said == ["سال ۱۲۰۰ در تقویم نیست؛ سالی از ۱۳۰۰ تا ۱۵۰۰ را انتخاب کنید."]
    assert previews == []


def test_cancel_drops_the_document(page, qtbot, previews):
    started = threading.Event()
    release = threading.Event()

    def slow(db):
        started.set()
        release.wait(5)
        return b"%PDF-1.4"

    def cancel_when_started():
        if not started.is_set():
            QTimer.singleShot(20, cancel_when_started)
            return
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, cancel_when_started)
            return
        QTest.mouseClick(dialogs[0].findChild(QPushButton), Qt.MouseButton.LeftButton)
        release.set()

    QTimer.singleShot(0, cancel_when_started)
    assert print_job.print_preview(page, page.context.db_path, slow, label="…", title="t", file_name="t.pdf") is None
    assert previews == []


def test_the_print_button_says_its_shortcut(page):
    assert "Ctrl+P" in page.print_button.toolTip()
    assert [a.text() for a in (page.print_month_action, page.print_year_action, page.print_plan_action)] == [
        "چاپ این ماه", "چاپ سال (۱۲ ماه و نمای سال)", "برنامهٔ سالانهٔ مراسم",
    ]
