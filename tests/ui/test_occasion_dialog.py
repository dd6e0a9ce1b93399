"""The office's own occasions and the hidden ones, driven like a clerk from the calendar page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from prdesk.core import jalali
from prdesk.store import calendar as cal
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.occasion_dialog import OccasionDialog, OccasionsDialog
from prdesk.ui.widgets.month_view import ITEMS_ROLE
from tests.ui.helpers import persian_window, retype, type_text

J = jalali.to_gregorian
TODAY = J(1405, 1, 14)
PR_DAY = "j02-cd986678"  # روز ارتباطات و روابط عمومی, 27 Ordibehesht


@pytest.fixture
def window(qtbot, db, db_path):
    return persian_window(qtbot, db, db_path, TODAY)


@pytest.fixture
def page(window):
    window.show_page("calendar")
    return window.pages["calendar"]


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: said.append(text))
    return said


@pytest.fixture
def occasions(page, qtbot) -> OccasionsDialog:
    qtbot.mouseClick(page.occasions_button, Qt.MouseButton.LeftButton)
    dialog = page.occasions_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def pick(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def new_dialog(qtbot, occasions: OccasionsDialog) -> OccasionDialog:
    click(qtbot, occasions.new_button)
    dialog = occasions.occasion_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def type_day(qtbot, dialog: OccasionDialog, day: int) -> None:
    dialog.day.setFocus()
    dialog.day.selectAll()
    qtbot.keyClicks(dialog.day, str(day))


def click_row(qtbot, occasions: OccasionsDialog, row: int = 0) -> None:
    view = occasions.own
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(row, 0)).center())


def own_titles(occasions: OccasionsDialog) -> list[str]:
    return [occasions.own.item(row, 0).text() for row in range(occasions.own.rowCount())]


def titles_on(page, day) -> list[str]:
    page.show_date(day)
    index = page.month_view.month_model.index_of(day)
    return [item.title for item in index.data(ITEMS_ROLE)]


def test_add_the_founding_day_and_see_it_in_the_calendar(page, occasions, qtbot, db):
    dialog = new_dialog(qtbot, occasions)
    type_text(dialog.title, "سالروز تأسیس صندوق")
    pick(dialog.month, 7)  # مهر
    type_day(qtbot, dialog, 20)
    click(qtbot, dialog.holiday)
    pick(dialog.message, "greeting")
    assert "۲۰ مهر" in dialog.summary.text() and "۱۴۰۵" in dialog.summary.text()
    with qtbot.waitSignal(page.context.bus.changed, check_params_cb=lambda area: area == "calendar"):
        click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    saved = cal.list_custom_occasions(db)
    assert [(o.title, o.calendar, o.rule.to_dict(), o.holiday, o.message) for o in saved] == [
        ("سالروز تأسیس صندوق", "jalali", {"type": "fixed", "month": 7, "day": 20}, True, "greeting")
    ]
    assert own_titles(occasions) == ["سالروز تأسیس صندوق"]
    assert "۲۰ مهر" in occasions.own.item(0, 1).text()
    assert "سالروز تأسیس صندوق" in titles_on(page, J(1405, 7, 20))


def test_a_weekday_rule_on_the_lunar_calendar(occasions, qtbot, db):
    dialog = new_dialog(qtbot, occasions)
    type_text(dialog.title, "جلسهٔ سالانهٔ هیئت‌مدیره")
    pick(dialog.calendar, "hijri")
    assert dialog.month.itemText(0) == "محرم"
    pick(dialog.rule_type, "nth_weekday")
    assert dialog.weekday_row.isVisible() and not dialog.day_row.isVisible()
    pick(dialog.nth, -1)
    pick(dialog.weekday, 5)  # Thursday
    pick(dialog.month, 3)  # ربیع‌الاول
    pick(dialog.message, "none")
    click(qtbot, dialog.save_button)
    (saved,) = cal.list_custom_occasions(db)
    assert (saved.calendar, saved.rule.to_dict(), saved.holiday, saved.message) == (
        "hijri", {"type": "nth_weekday", "month": 3, "weekday": 5, "nth": -1}, False, "none"
    )


def test_edit_changes_the_occasion_and_delete_removes_it(occasions, qtbot, db, monkeypatch):
    first = cal.add_custom_occasion(db, {"title": "روز تأسیس", "rule": {"type": "fixed", "month": 7, "day": 20}})
    occasions.reload()
    click_row(qtbot, occasions)
    click(qtbot, occasions.edit_button)
    dialog = occasions.occasion_dialog
    assert dialog.title.text() == "روز تأسیس" and dialog.month.currentData() == 7 and dialog.day.value() == 20
    retype(dialog.title, "سالروز تأسیس صندوق")
    pick(dialog.rule_type, "month_end")
    pick(dialog.month, 12)
    click(qtbot, dialog.save_button)
    again = cal.get_custom_occasion(db, first.id)
    assert (again.title, again.rule.to_dict()) == ("سالروز تأسیس صندوق", {"type": "month_end", "month": 12})
    assert own_titles(occasions) == ["سالروز تأسیس صندوق"]
    assert "آخرین روز اسفند" in occasions.own.item(0, 1).text()

    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    click_row(qtbot, occasions)
    click(qtbot, occasions.delete_button)
    assert asked and "سالروز تأسیس صندوق" in asked[0]
    assert cal.list_custom_occasions(db) == []
    assert own_titles(occasions) == []
    assert not occasions.delete_button.isEnabled()


def test_delete_cancelled_keeps_it(occasions, qtbot, db, monkeypatch):
    cal.add_custom_occasion(db, {"title": "روز تأسیس", "rule": {"type": "fixed", "month": 7, "day": 20}})
    occasions.reload()
    click_row(qtbot, occasions)
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: False)
    click(qtbot, occasions.delete_button)
    assert len(cal.list_custom_occasions(db)) == 1


def test_no_title_is_refused_in_persian_and_nothing_is_written(occasions, qtbot, db, errors):
    dialog = new_dialog(qtbot, occasions)
    announced = []
    occasions.context.bus.changed.connect(announced.append)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.errors["title"].isVisible() and dialog.errors["title"].text() == "عنوان مناسبت را بنویسید."
    assert dialog.focusWidget() is dialog.title
    assert cal.list_custom_occasions(db) == [] and announced == [] and errors == []


def test_a_day_the_month_never_has_is_refused(occasions, qtbot, db, errors):
    dialog = new_dialog(qtbot, occasions)
    type_text(dialog.title, "روز تأسیس")
    pick(dialog.month, 7)  # مهر has 30 days
    type_day(qtbot, dialog, 31)
    assert dialog.day.value() == 31
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.errors["day"].text() == "روز ۳۱ در این ماه نیست؛ روز را از ۱ تا ۳۰ انتخاب کنید."
    assert cal.list_custom_occasions(db) == []
    type_day(qtbot, dialog, 30)
    click(qtbot, dialog.save_button)  # put right, it is saved and the error goes
    assert not dialog.isVisible() and len(cal.list_custom_occasions(db)) == 1


def test_a_refused_edit_leaves_the_stored_occasion_as_it_was(occasions, qtbot, db, errors):
    first = cal.add_custom_occasion(db, {"title": "روز تأسیس", "rule": {"type": "fixed", "month": 7, "day": 20}})
    occasions.reload()
    click_row(qtbot, occasions)
    dialog = occasions.edit_current()
    retype(dialog.title, "")
    pick(dialog.month, 2)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.errors["title"].isVisible()
    assert cal.get_custom_occasion(db, first.id) == first


def test_a_hidden_occasion_is_listed_and_shown_again(page, qtbot, db):
    page.hide_occasion(PR_DAY)
    pr_day = J(1405, 2, 27)
    assert "روز ارتباطات و روابط عمومی" not in titles_on(page, pr_day)
    qtbot.mouseClick(page.occasions_button, Qt.MouseButton.LeftButton)
    occasions = page.occasions_dialog
    occasions.tabs.setCurrentIndex(OccasionsDialog.HIDDEN_TAB)
    assert occasions.tabs.tabText(OccasionsDialog.HIDDEN_TAB).endswith("(۱)")
    assert occasions.hidden.count() == 1
    assert occasions.hidden.item(0).text().startswith("روز ارتباطات و روابط عمومی")
    assert not occasions.show_again_button.isEnabled()
    occasions.hidden.item(0).setSelected(True)
    with qtbot.waitSignal(page.context.bus.changed, check_params_cb=lambda area: area == "calendar"):
        click(qtbot, occasions.show_again_button)
    assert cal.hidden_occasion_keys(db) == set()
    assert occasions.hidden.count() == 0 and occasions.hidden_empty.isVisible()
    assert "روز ارتباطات و روابط عمومی" in titles_on(page, pr_day)


def test_the_office_occasion_in_the_day_panel_opens_its_dialog(page, qtbot, db):
    cal.add_custom_occasion(db, {"title": "روز تأسیس", "rule": {"type": "fixed", "month": 1, "day": 20}})
    page.context.bus.announce("calendar")
    page.show_date(J(1405, 1, 20))
    rows = [page.day_list.item(i) for i in range(page.day_list.count())]
    (row,) = [r for r in rows if r.text().startswith("روز تأسیس")]
    menu = page.day_menu(row)
    assert "ویرایش مناسبت اداره…" in [a.text() for a in menu.actions()]
    page.day_list.itemActivated.emit(row)
    dialog = page.occasion_dialog
    assert dialog is not None and dialog.title.text() == "روز تأسیس" and dialog.delete_button is not None


def test_the_window_opens_once(page, qtbot):
    qtbot.mouseClick(page.occasions_button, Qt.MouseButton.LeftButton)
    first = page.occasions_dialog
    qtbot.mouseClick(page.occasions_button, Qt.MouseButton.LeftButton)
    assert page.occasions_dialog is first
    first.reject()
    assert page.occasions_dialog is None
