"""The reports page, driven like a clerk: record work in a few keystrokes, preview a season's figures, print, save."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from prdesk.core.jalali import to_gregorian
from prdesk.store import activity as store
from prdesk.ui.dialogs import messages
from prdesk.ui.pages.reports import RECORD_TAB, REPORT_TAB, ReportsPage
from tests.ui.helpers import persian_window, retype, type_text

TODAY = to_gregorian(1405, 9, 11)


@pytest.fixture
def page(qtbot, db, db_path) -> ReportsPage:
    window = persian_window(qtbot, db, db_path, TODAY)
    window.show_page("reports")
    page = window.pages["reports"]
    qtbot.waitUntil(lambda: page.record.kind_combo.count() > 0)
    return page


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_record_an_interview_with_the_keyboard(page, qtbot, db):
    record = page.record
    record.kind_combo.setCurrentIndex(record.kind_combo.findData("interview"))
    type_text(record.outlet_edit, "صداوسیمای مرکز اصفهان")
    type_text(record.title_edit, "گفت‌وگوی زنده دربارهٔ هفتهٔ تعاون")
    QTest.keyClick(record.title_edit, Qt.Key.Key_Return)
    entries = store.list_activities(db)
    assert [(e.title, e.kind, e.outlet, e.date) for e in entries] == [
        ("گفت‌وگوی زنده دربارهٔ هفتهٔ تعاون", "interview", "صداوسیمای مرکز اصفهان", TODAY)
    ]
    qtbot.waitUntil(lambda: record.model.rowCount() == 1)
    assert record.model.data(record.model.index(0, 0)) == "۱۴۰۵/۰۹/۱۱"
    assert record.title_edit.text() == "" and record.outlet_edit.text() == "صداوسیمای مرکز اصفهان"
    assert record.count_label.text() == "۱ مورد"


def test_a_bad_entry_says_why_and_writes_nothing(page, qtbot, db):
    record = page.record
    retype(record.date_edit.edit, "1405/12/31")
    type_text(record.title_edit, "خبر")
    click(qtbot, record.save_button)
    assert record.error.isVisible() and "۲۹ روز" in record.error.text()
    assert store.count_activities(db) == 0
    retype(record.date_edit.edit, "1405/09/01")
    retype(record.title_edit, "خبر")
    type_text(record.link_edit, "www.example.com")
    click(qtbot, record.save_button)
    assert "http" in record.error.text() and store.count_activities(db) == 0


def test_edit_and_remove_from_the_list(page, qtbot, db, monkeypatch):
    store.add_activity(db, {"date": "1405/09/01", "kind": "news", "title": "خبر نخست"})
    page.reload()
    record = page.record
    qtbot.waitUntil(lambda: record.model.rowCount() == 1)
    record.edit_row(0)
    assert record.save_button.text() == "ذخیرهٔ تغییرات"
    retype(record.title_edit, "خبر اصلاح‌شده")
    click(qtbot, record.save_button)
    assert [e.title for e in store.list_activities(db)] == ["خبر اصلاح‌شده"]
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: True)
    assert record.delete_row(0)
    assert store.count_activities(db) == 0


def test_season_figures_preview_link_print_and_save(page, qtbot, db, tmp_path):
    for date, kind in (("1405/07/01", "news"), ("1405/08/15", "news"), ("1405/09/30", "interview"), ("1404/08/01", "news")):
        store.add_activity(db, {"date": date, "kind": kind, "title": f"کار {date}", "level": "national"})
    page.tabs.setCurrentIndex(REPORT_TAB)
    report = page.report
    assert report.kind.currentData() == "season" and report.part.currentIndex() == 2  # autumn, as today is in Azar
    assert report.year.value() == 1405
    click(qtbot, report.show_button)
    qtbot.waitUntil(lambda: "media_figures" in report.view.tables)
    figures = report.view.tables["media_figures"]
    assert [figures.item(0, c).text() for c in range(6)] == ["جمع", "۳", "۱", "۲۰۰٪ افزایش", "۰", "—"]
    assert "letters_figures" not in report.view.tables  # no letters anywhere: the area is left out
    kinds = report.view.tables["media_by_kind"]
    kinds.itemDoubleClicked.emit(kinds.item(1, 0))  # «مصاحبه»
    assert page.tabs.currentIndex() == RECORD_TAB
    qtbot.waitUntil(lambda: page.record.model.rowCount() == 1)
    assert page.record.model.entry(0).kind == "interview"
    page.tabs.setCurrentIndex(REPORT_TAB)
    type_text(report.intro, "مقدمهٔ گزارش پاییز")
    dialog = report.preview_pdf()
    qtbot.waitUntil(lambda: dialog.page_count() >= 2)
    dialog.close()
    path = report.save_xlsx(str(tmp_path / "پاییز"))
    book = load_workbook(path)
    assert book["کارنامهٔ رسانه‌ای و عمومی"]["B2"].value == 3


def test_a_range_ending_before_it_starts_is_refused(page, qtbot):
    report = page.report
    page.tabs.setCurrentIndex(REPORT_TAB)
    report.kind.setCurrentIndex(report.kind.findData("range"))
    retype(report.start_edit.edit, "1405/09/10")
    retype(report.end_edit.edit, "1405/09/01")
    click(qtbot, report.show_button)
    assert "پیش از آغاز" in report.error.text() and report.result is None


def test_a_meetings_or_messages_figure_opens_the_list_behind_it(page, qtbot, db):
    from prdesk.store import meetings as ms
    from prdesk.store.messages.archive import add_message

    ms.add_meeting(db, {"date": "1405/08/03", "start": "10:00", "type": "complaint", "visitors": [{"name": "حسن کریمی"}]})
    ms.add_meeting(db, {"date": "1405/08/04", "start": "10:00", "type": "request", "visitors": [{"name": "رضا امینی"}]})
    add_message(db, {"recipient": "علی رضایی", "occasion": "روز تعاون", "date": "1405/07/07", "channel": "sms"})
    add_message(db, {"recipient": "مریم احمدی", "occasion": "روز تعاون", "date": "1405/07/07", "channel": "letter"})
    page.tabs.setCurrentIndex(REPORT_TAB)
    report = page.report
    click(qtbot, report.show_button)
    qtbot.waitUntil(lambda: "meetings_by_type" in report.view.tables)
    window = page.window()
    types = report.view.tables["meetings_by_type"]
    row = next(r for r in range(types.rowCount()) if types.item(r, 0).data(Qt.ItemDataRole.UserRole) == "complaint")
    types.itemDoubleClicked.emit(types.item(row, 0))
    meetings = window.pages["meetings"]
    assert window.stack.currentWidget() is meetings and meetings.tabs.currentWidget() is meetings.list_tab
    assert meetings.list_tab.view.rowCount() == 1 and meetings.list_tab.type.currentData() == "complaint"
    window.show_page("reports")
    channels = report.view.tables["messages_by_channel"]
    row = next(r for r in range(channels.rowCount()) if channels.item(r, 0).data(Qt.ItemDataRole.UserRole) == "sms")
    channels.itemDoubleClicked.emit(channels.item(row, 0))
    messages_page = window.pages["messages"]
    assert window.stack.currentWidget() is messages_page and messages_page.channel.currentData() == "sms"
    qtbot.waitUntil(lambda: messages_page.model.rowCount() == 1)
