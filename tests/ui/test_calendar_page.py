"""The calendar page, driven like a clerk: months, the selected day, events added, occasions hidden, the agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from prdesk.core import hijri, jalali
from prdesk.core.text import to_persian_digits
from prdesk.store import calendar as cal
from prdesk.store.contacts import add_person
from prdesk.ui.dialogs import messages
from prdesk.ui.widgets.month_view import DAY_ROLE, ITEMS_ROLE, TODAY_ROLE, MonthModel, cut_items
from tests.ui.helpers import fail_on_error_box, persian_window, type_text

J = jalali.to_gregorian
TODAY = J(1405, 1, 14)  # a Friday
NOWRUZ = J(1405, 1, 1)


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


def cell(page, day: dt.date):
    index = page.month_view.month_model.index_of(day)
    assert index.isValid(), f"{day} is not in the month shown"
    return index


def cell_titles(page, day: dt.date) -> list[str]:
    return [item.title for item in cell(page, day).data(ITEMS_ROLE)]


def double_click(qtbot, viewport, pos: QPoint) -> None:
    """Press, release, then the double-click, as a mouse sends them (an item view wants the press first)."""
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)


def click(qtbot, page, day: dt.date, double: bool = False) -> None:
    view = page.month_view
    center = view.visualRect(cell(page, day)).center()
    if double:
        double_click(qtbot, view.viewport(), center)
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)


def key(qtbot, page, which, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    page.month_view.setFocus()
    qtbot.keyClick(page.month_view, which, modifier)


def test_the_month_model_passes_the_model_tester(qtmodeltester, db):
    model = MonthModel()
    model.set_month(1405, 1, cal.month_model(db, 1405, 1), today=TODAY)
    qtmodeltester.check(model)


def test_opens_on_todays_month_saturday_first_right_to_left(page):
    assert page.month_title.text() == "فروردین ۱۴۰۵"
    assert "شوال" in page.month_subtitle.text() and "مارس – آوریل ۲۰۲۶" in page.month_subtitle.text()
    model = page.month_view.month_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 6)] == ["شنبه", "جمعه"]
    assert page.month_view.isRightToLeft()
    first = cell(page, NOWRUZ)  # 1 Farvardin 1405 is a Saturday: the first column, on the right
    assert (first.row(), first.column()) == (0, 0)
    saturday = page.month_view.visualRect(first)
    sunday = page.month_view.visualRect(cell(page, NOWRUZ + dt.timedelta(days=1)))
    assert saturday.x() > sunday.x()
    assert page.month_view.selected_date() == TODAY
    assert cell(page, TODAY).data(TODAY_ROLE)


def test_nowruz_is_red_and_listed_with_persian_digits(page):
    nowruz = cell(page, NOWRUZ)
    assert nowruz.data(Qt.ItemDataRole.DisplayRole) == "۱"
    entry = nowruz.data(DAY_ROLE)
    assert entry.holiday
    assert nowruz.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert "آغاز نوروز" in cell_titles(page, NOWRUZ)
    assert all(item.holiday for item in nowruz.data(ITEMS_ROLE)[:2])
    tip = nowruz.data(Qt.ItemDataRole.ToolTipRole)
    assert "شنبه ۱ فروردین ۱۴۰۵" in tip and "۲۱ مارس ۲۰۲۶" in tip
    ordinary = cell(page, J(1405, 1, 8))  # a Saturday without a holiday
    assert not ordinary.data(DAY_ROLE).holiday
    assert ordinary.data(Qt.ItemDataRole.ForegroundRole) is None


def test_buttons_and_page_keys_move_by_month_and_year(page, qtbot):
    qtbot.mouseClick(page.next_month_button, Qt.MouseButton.LeftButton)
    assert page.month_title.text() == "اردیبهشت ۱۴۰۵"
    key(qtbot, page, Qt.Key.Key_PageDown)
    assert page.month_title.text() == "خرداد ۱۴۰۵"
    key(qtbot, page, Qt.Key.Key_PageUp)
    key(qtbot, page, Qt.Key.Key_PageUp)
    key(qtbot, page, Qt.Key.Key_PageUp)
    assert page.month_title.text() == "اسفند ۱۴۰۴"
    key(qtbot, page, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.month_title.text() == "اسفند ۱۴۰۵"
    assert len(page.month_view.month_model.days()) == 29  # 1405 is not a leap year
    qtbot.mouseClick(page.previous_year_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.previous_month_button, Qt.MouseButton.LeftButton)
    assert page.month_title.text() == "بهمن ۱۴۰۴"
    qtbot.mouseClick(page.next_year_button, Qt.MouseButton.LeftButton)
    assert page.month_title.text() == "بهمن ۱۴۰۵"
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.month_title.text() == "فروردین ۱۴۰۵"
    assert page.month_view.selected_date() == TODAY


def test_arrows_follow_the_right_to_left_grid_and_leave_the_month(page, qtbot):
    page.show_date(J(1405, 1, 30))
    key(qtbot, page, Qt.Key.Key_Left)  # to the left is the next day
    assert page.month_view.selected_date() == J(1405, 1, 31)
    key(qtbot, page, Qt.Key.Key_Left)
    assert page.month_title.text() == "اردیبهشت ۱۴۰۵"
    assert page.month_view.selected_date() == J(1405, 2, 1)
    key(qtbot, page, Qt.Key.Key_Right)
    assert page.month_view.selected_date() == J(1405, 1, 31)
    key(qtbot, page, Qt.Key.Key_Up)
    assert page.month_view.selected_date() == J(1405, 1, 24)


def test_selecting_a_day_shows_everything_on_it_in_the_side_panel(page, qtbot, db):
    cal.add_event(db, {"title": "دیدار نوروزی کارکنان", "type": "ceremony", "date": NOWRUZ + dt.timedelta(days=1),
                       "all_day": False, "start_time": "10:00", "location": "سالن اجتماعات"})
    page.context.bus.announce("calendar")
    click(qtbot, page, NOWRUZ + dt.timedelta(days=1))
    assert page.day_title.text() == "یکشنبه ۲ فروردین ۱۴۰۵"
    assert "۲ شوال ۱۴۴۷" in page.day_others.text() and "۲۲ مارس ۲۰۲۶" in page.day_others.text()
    assert page.day_holiday.isVisible() and page.day_holiday.text() == "تعطیل رسمی"
    titles = [item.title for item in page.day_items()]
    assert titles == cell_titles(page, NOWRUZ + dt.timedelta(days=1))  # all of them, none cut
    assert "عید نوروز" in titles and "دیدار نوروزی کارکنان" in titles
    line = page.day_list.item(titles.index("دیدار نوروزی کارکنان")).text()
    assert "۱۰:۰۰" in line and "سالن اجتماعات" in line and "مراسم" in line

    click(qtbot, page, J(1405, 1, 9))  # an ordinary Sunday
    assert page.day_holiday.isHidden()
    click(qtbot, page, J(1405, 1, 7))  # a Friday without an official holiday
    assert page.day_holiday.isVisible() and page.day_holiday.text() == "جمعه، تعطیل هفتگی"


def test_double_click_a_day_type_a_title_and_save(page, qtbot, db):
    day = J(1405, 1, 20)
    click(qtbot, page, day, double=True)
    dialog = page.event_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.date.date() == day
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(dialog.title, "تکریم بازنشستگان فصل زمستان")
    qtbot.keyClick(dialog.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    (event,) = cal.list_events(db)
    assert (event.title, event.date) == ("تکریم بازنشستگان فصل زمستان", day)
    assert "تکریم بازنشستگان فصل زمستان" in cell_titles(page, day)
    assert page.month_view.selected_date() == day
    assert "تکریم بازنشستگان فصل زمستان" in [item.title for item in page.day_items()]


def test_bad_input_in_the_dialog_writes_nothing(page, qtbot, db):
    page.new_event(J(1405, 1, 20))
    dialog = page.event_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # no title
    assert dialog.errors["title"].isVisible()
    type_text(dialog.title, "جلسه")
    dialog.date.edit.setText("1405/01/32")
    qtbot.keyClick(dialog.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "فروردین ۳۱ روز است" in dialog.date.hint.text()
    assert dialog.isVisible() and cal.list_events(db) == []
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert page.event_dialog is None
    assert cal.list_events(db) == []


def test_an_event_is_edited_and_deleted_from_the_side_panel(page, qtbot, db, monkeypatch):
    day = J(1405, 1, 22)
    event = cal.add_event(db, {"title": "نمایشگاه تعاونی‌ها", "type": "exhibition", "date": day})
    page.context.bus.announce("calendar")
    click(qtbot, page, day)
    row = next(r for r in range(page.day_list.count()) if page.day_items()[r].title == "نمایشگاه تعاونی‌ها")
    rect = page.day_list.visualItemRect(page.day_list.item(row))
    double_click(qtbot, page.day_list.viewport(), rect.center())
    dialog = page.event_dialog
    assert dialog.original.id == event.id
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.title.selectAll()
    type_text(dialog.title, "نمایشگاه تعاونی‌های برتر")
    dialog.date.edit.setText("1405/01/25")
    qtbot.keyClick(dialog.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert cal.get_event(db, event.id).title == "نمایشگاه تعاونی‌های برتر"
    assert "نمایشگاه تعاونی‌های برتر" not in cell_titles(page, day)
    assert "نمایشگاه تعاونی‌های برتر" in cell_titles(page, J(1405, 1, 25))
    assert page.month_view.selected_date() == J(1405, 1, 25)

    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: "نمایشگاه" in text)
    row = [item.title for item in page.day_items()].index("نمایشگاه تعاونی‌های برتر")
    page.day_list.setCurrentRow(row)
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    page.day_list.setFocus()
    qtbot.keyClick(page.day_list, Qt.Key.Key_Delete)
    assert cal.list_events(db) == []
    assert "نمایشگاه تعاونی‌های برتر" not in cell_titles(page, J(1405, 1, 25))


def test_status_from_the_context_menu(page, qtbot, db):
    event = cal.add_event(db, {"title": "بازدید از تعاونی فرش", "type": "visit", "date": J(1405, 1, 21)})
    page.show_date(J(1405, 1, 21))
    page.context.bus.announce("calendar")
    row = page.day_list.item([i.title for i in page.day_items()].index("بازدید از تعاونی فرش"))
    menu = page.day_menu(row)
    texts = [a.text() for a in menu.actions()]
    assert "ثبت «لغو شد»" in texts and "ثبت «برنامه‌ریزی‌شده»" not in texts
    next(a for a in menu.actions() if a.text() == "ثبت «لغو شد»").trigger()
    assert cal.get_event(db, event.id).status == "cancelled"
    item = next(i for i in cell(page, J(1405, 1, 21)).data(ITEMS_ROLE) if i.title == "بازدید از تعاونی فرش")
    assert item.status == "cancelled"


def test_an_occasion_is_hidden_and_shown_again_from_the_side_panel(page, qtbot, db):
    day = J(1405, 1, 13)
    page.show_date(day)
    row = page.day_list.item([i.title for i in page.day_items()].index("روز طبیعت"))
    menu = page.day_menu(row)
    hide = next(a for a in menu.actions() if a.text() == "پنهان کردن این مناسبت")
    with qtbot.wait_signal(page.context.bus.changed):
        hide.trigger()
    assert cal.hidden_occasion_keys(db)
    assert "روز طبیعت" not in cell_titles(page, day)
    assert "روز طبیعت" not in [i.title for i in page.day_items()]
    assert cell(page, day).data(DAY_ROLE).holiday  # the office is still closed
    assert page.day_holiday.text() == "تعطیل رسمی"

    page.show_hidden.setChecked(True)
    titles = [i.title for i in page.day_items()]
    assert "روز طبیعت" in titles
    row = page.day_list.item(titles.index("روز طبیعت"))
    assert "پنهان" in row.text()
    show = next(a for a in page.day_menu(row).actions() if a.text() == "آشکار کردن دوبارهٔ این مناسبت")
    show.trigger()
    assert cal.hidden_occasion_keys(db) == set()
    page.show_hidden.setChecked(False)
    assert "روز طبیعت" in cell_titles(page, day)


def test_filters_narrow_the_cells_but_keep_the_holidays(page, qtbot, db):
    cal.add_event(db, {"title": "جلسهٔ هماهنگی", "type": "meeting", "date": NOWRUZ})
    add_person(db, {"first_name": "مریم", "last_name": "احمدی", "is_staff": True, "birthday": "1985-03-21"})
    page.context.bus.announce("calendar")
    titles = cell_titles(page, NOWRUZ)
    assert {"آغاز نوروز", "جلسهٔ هماهنگی", "تولد مریم احمدی"} <= set(titles)
    qtbot.mouseClick(page.source_boxes["occasions"], Qt.MouseButton.LeftButton)
    assert cell_titles(page, NOWRUZ) == ["جلسهٔ هماهنگی", "تولد مریم احمدی"]
    assert cell(page, NOWRUZ).data(DAY_ROLE).holiday
    page.source_boxes["people"].setChecked(False)
    assert cell_titles(page, NOWRUZ) == ["جلسهٔ هماهنگی"]
    page.source_boxes["occasions"].setChecked(True)
    page.source_boxes["people"].setChecked(True)
    page.category.setCurrentIndex(page.category.findData("religious"))
    assert cell_titles(page, NOWRUZ) == ["عید سعید فطر"]
    page.category.setCurrentIndex(page.category.findData("staff"))
    assert cell_titles(page, NOWRUZ) == ["تولد مریم احمدی"]


def test_jump_to_a_typed_date(page, qtbot):
    type_text(page.jump_date.edit, "۳۰ آبان ۱۴۰۵")
    assert page.jump_date.hint.text() == "شنبه ۳۰ آبان ۱۴۰۵"
    qtbot.keyClick(page.jump_date.edit, Qt.Key.Key_Return)
    assert page.month_title.text() == "آبان ۱۴۰۵"
    assert page.month_view.selected_date() == dt.date(2026, 11, 21)
    assert page.month_view.hasFocus()

    page.jump_date.edit.setText("1405/12/30")
    qtbot.mouseClick(page.jump_button, Qt.MouseButton.LeftButton)
    assert page.month_title.text() == "آبان ۱۴۰۵"  # stays; the reason is under the field
    assert "کبیسه نیست" in page.jump_date.hint.text()


def test_the_page_reloads_when_contacts_change(page, db):
    person = add_person(db, {"first_name": "حسین", "last_name": "کریمی", "birthday": "1979-04-02"}).id
    assert "۱ تولد" not in cell_titles(page, J(1405, 1, 13))
    page.context.bus.announce("contacts")
    assert "۱ تولد" in cell_titles(page, J(1405, 1, 13))  # contacts' birthdays: a count per day
    assert person


def test_a_hidden_page_reloads_only_when_shown(window, db):
    page = window.pages["calendar"]
    window.show_page("dashboard")
    cal.add_event(db, {"title": "جلسهٔ پنهان", "date": TODAY})
    window.bus.announce("calendar")
    assert page._stale
    window.show_page("calendar")
    assert "جلسهٔ پنهان" in cell_titles(page, TODAY)


def test_month_cells_cut_long_lists_with_a_count(page, db):
    for n in range(9):
        cal.add_event(db, {"title": f"جلسهٔ {n}", "date": J(1405, 1, 8)})
    page.context.bus.announce("calendar")
    items = cell(page, J(1405, 1, 8)).data(ITEMS_ROLE)
    assert len(items) == 9
    shown, more = cut_items(items, 3)
    assert [i.title for i in shown] == ["جلسهٔ 0", "جلسهٔ 1"] and more == 7
    assert cut_items(items[:3], 3) == (items[:3], 0)
    assert cut_items(items, 1) == ([], 9)
    page.month_view.viewport().grab()  # paints every cell, "+N" lines included


def test_the_month_paints_at_the_smallest_window_size(page):
    # Cells then show the short "+N"; an error while painting fails the test (pytest-qt catches it).
    page.window().resize(page.window().minimumSizeHint())
    page.month_view.viewport().grab()
    assert page.month_view.visualRect(cell(page, NOWRUZ)).width() > 0


def test_agenda_lists_a_range_a_month_at_a_time(page, qtbot, db):
    cal.add_event(db, {"title": "همایش روز ارتباطات", "type": "seminar", "date": "1405/02/27"})
    page.agenda_from.edit.setText("1405/01/01")
    page.agenda_to.edit.setText("1405/03/31")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.agenda_reading)
    rows = page.agenda_model.rows
    titles = [row.item.title for row in rows]
    assert "آغاز نوروز" in titles and "همایش روز ارتباطات" in titles and "روز ارتباطات و روابط عمومی" in titles
    assert [row.day.date for row in rows] == sorted(row.day.date for row in rows)
    assert rows[0].day.date == NOWRUZ and rows[-1].day.date <= J(1405, 3, 31)
    first = page.agenda_model.index(0, 0)
    assert first.data() == "۱۴۰۵/۰۱/۰۱"
    assert "مورد از ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۰۳/۳۱" in page.agenda_status.text()

    page.source_boxes["occasions"].setChecked(False)
    qtbot.waitUntil(lambda: not page.agenda_reading)
    assert [row.item.title for row in page.agenda_model.rows] == ["همایش روز ارتباطات"]
    page.source_boxes["occasions"].setChecked(True)
    type_text(page.agenda_text, "ارتباطات")
    qtbot.keyClick(page.agenda_text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.agenda_reading)
    assert {row.item.title for row in page.agenda_model.rows} == {"همایش روز ارتباطات", "روز ارتباطات و روابط عمومی"}


def test_agenda_double_click_goes_to_the_day(page, qtbot):
    page.agenda_from.edit.setText("1405/02/27")
    page.agenda_to.edit.setText("1405/02/27")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.agenda_reading)
    rect = page.agenda_view.visualRect(page.agenda_model.index(0, 2))
    double_click(qtbot, page.agenda_view.viewport(), rect.center())
    assert page.tabs.currentIndex() == 0
    assert page.month_view.selected_date() == J(1405, 2, 27)


def test_agenda_model_passes_the_model_tester(page, qtbot, qtmodeltester):
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.agenda_reading)
    assert page.agenda_model.rowCount() > 0
    qtmodeltester.check(page.agenda_model)


def test_agenda_refuses_a_reversed_range(page, qtbot):
    page.agenda_from.edit.setText("1405/02/01")
    page.agenda_to.edit.setText("1405/01/01")
    page.tabs.setCurrentIndex(1)
    assert page.agenda_model.rowCount() == 0
    assert "جای آن دو را عوض کنید" in page.agenda_status.text()


def test_no_ascii_digits_on_the_page(page):
    texts = [page.month_title.text(), page.month_subtitle.text(), page.day_title.text(), page.day_others.text()]
    model = page.month_view.month_model
    texts += [model.index(r, c).data() or "" for r in range(model.rowCount()) for c in range(7)]
    texts += [page.day_list.item(r).text() for r in range(page.day_list.count())]
    for text in texts:
        assert not any(ch.isascii() and ch.isdigit() for ch in text), text


# -- issue 13 §2 and issue 12 §4: order within a day, the clerk's own items, the list, birthdays ---------


def test_the_clerks_event_never_hides_behind_catalog_occasions(page, qtbot, db):
    """On 8 Shahrivar 1405 (17 Rabi al-Awwal) four catalog occasions and the office's meeting."""
    cal.add_event(db, {"title": "جلسهٔ شورای اداری", "date": "1405/06/08"})
    page.show_date(J(1405, 6, 8))
    items = cell(page, J(1405, 6, 8)).data(ITEMS_ROLE)
    assert items[0].title.startswith("ولادت حضرت رسول اکرم (ص)")  # the Prophet first, as officially listed
    for lines in (2, 3, 4):
        shown, more = cut_items(items, lines)
        assert "جلسهٔ شورای اداری" in [i.title for i in shown] and more == len(items) - len(shown)
    shown, _ = cut_items(items, 3)
    assert [i.title for i in shown][0].startswith("ولادت حضرت رسول اکرم")  # the order of the day is kept


def test_the_list_follows_the_month_in_view(page, qtbot):
    page.show_date(J(1405, 5, 10))
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.agenda_reading)
    assert (page.agenda_from.date(), page.agenda_to.date()) == (J(1405, 5, 1), J(1405, 5, 31))
    assert all(J(1405, 5, 1) <= row.day.date <= J(1405, 5, 31) for row in page.agenda_model.rows)
    page.tabs.setCurrentIndex(0)
    page.move_months(4)  # Azar
    assert (page.agenda_from.date(), page.agenda_to.date()) == (J(1405, 9, 1), J(1405, 9, 30))
    # A range the clerk typed is theirs: it stays when the month changes.
    page.agenda_from.edit.setText("1405/01/01")
    page.agenda_to.edit.setText("1405/12/29")
    page.move_months(1)
    assert (page.agenda_from.date(), page.agenda_to.date()) == (J(1405, 1, 1), J(1405, 12, 29))


def test_contacts_birthdays_are_a_count_in_the_cell_and_names_in_the_day_panel(page, qtbot, db):
    for first in ("نرگس", "حسن"):
        add_person(db, {"first_name": first, "last_name": "امینی", "birthday": "1979-04-02"})
    add_person(db, {"first_name": "رضا", "last_name": "کریمی", "birthday": "1979-04-02", "is_staff": True})
    page.context.bus.announce("contacts")
    day = J(1405, 1, 13)
    assert cell_titles(page, day) == [*cell_titles(page, day)[:-2], "تولد رضا کریمی", "۲ تولد"]
    click(qtbot, page, day)
    titles = [item.title for item in page.day_items()]
    assert titles[-3:] == ["۲ تولد", "تولد حسن امینی", "تولد نرگس امینی"]


def test_the_header_says_when_lunar_days_are_not_official(page):
    page.show_date(J(1405, 1, 14))
    assert page.lunar_caption.isHidden()
    page.show_date(J(1406, 6, 1))
    assert page.lunar_caption.isVisible() and page.lunar_caption.text() == page.lunar_note({hijri.PREDICTED})
    assert "پیش‌بینی مرکز تقویم" in page.lunar_caption.text()
    page.show_date(J(1408, 6, 1))
    assert page.lunar_caption.text() == page.lunar_note({hijri.ESTIMATED}) and "هلال" in page.lunar_caption.text()
    entry = page.month_view.month_model.entry(J(1408, 6, 1))
    assert entry.info.hijri_source == hijri.ESTIMATED


def test_a_full_cell_names_the_birthday_count_on_its_last_line(page, db):
    from prdesk.ui.widgets.month_view import more_line

    for first in ("نرگس", "حسن"):
        add_person(db, {"first_name": first, "last_name": "امینی", "birthday": "1979-04-02"})
    page.context.bus.announce("contacts")
    cal.add_event(db, {"title": "جلسهٔ شورا", "date": "1405/01/13"})
    page.context.bus.announce("calendar")
    items = cell(page, J(1405, 1, 13)).data(ITEMS_ROLE)
    shown, rest = cut_items(items, 2)
    assert items[-1].title == "۲ تولد" and items[-1] not in shown
    assert more_line(items, shown, rest) == f"۲ تولد، +{to_persian_digits(rest - 1)} مورد دیگر"
    assert more_line(items, shown, rest, short=True) == f"۲ تولد، +{to_persian_digits(rest - 1)}"
    page.month_view.viewport().grab()


def test_the_print_menu_asks_before_printing_contacts_birthdays(page, db, monkeypatch):
    import io
    import unicodedata

    from pypdf import PdfReader

    add_person(db, {"first_name": "سعید", "last_name": "نوری", "birthday": "1985-03-28"})
    page.show_date(J(1405, 1, 8))
    renders = []
    monkeypatch.setattr(page, "_print", lambda render, **kw: renders.append(render))
    assert not page.contacts_action.isChecked()
    page.print_month()
    page.contacts_action.setChecked(True)
    page.print_month()
    plain, asked = (unicodedata.normalize("NFKC", PdfReader(io.BytesIO(r(db))).pages[0].extract_text()) for r in renders)
    assert asked.count("تولد") == plain.count("تولد") + 2  # «۱ تولد» in the cell and in the month's list


def test_a_month_switch_fills_the_day_panel_once_and_paints_with_fonts_made_once(page, monkeypatch):
    """Issue 12 §4: the day panel is not filled again when the view selects the day it already shows."""
    filled = []
    clear = page.day_list.clear
    monkeypatch.setattr(page.day_list, "clear", lambda: filled.append(1) or clear())
    page.show_date(J(1405, 3, 1))
    assert len(filled) == 1
    assert "۱ خرداد" in page.day_title.text()
    delegate = page.month_view.itemDelegate()
    page.month_view.viewport().repaint()
    fonts = dict(delegate._fonts)
    page.show_date(J(1405, 4, 1))
    page.month_view.viewport().repaint()
    assert len(filled) == 2
    assert len(fonts) == 1 and delegate._fonts == fonts  # the same QFont objects, not new ones per cell
    page.show_date(J(1405, 4, 2))  # another day of the month shown: the panel follows it
    assert len(filled) == 3 and "۲ تیر" in page.day_title.text()


def test_an_items_ascii_digits_are_shown_in_persian():
    """A title typed with ASCII digits shows Persian digits in the cell, the day panel and the dashboard."""
    from prdesk.core import occasions as occ_mod
    from prdesk.core.occasions import DayItem
    from prdesk.ui.widgets.month_view import item_label

    event = DayItem("جلسهٔ شمارهٔ 207", "meeting", False, occ_mod.SOURCE_EVENT, start_time="09:30")
    assert item_label(event) == "۰۹:۳۰ جلسهٔ شمارهٔ ۲۰۷"
    plain = DayItem("همایش 1405", "ceremony", False, occ_mod.SOURCE_EVENT)
    assert item_label(plain) == "همایش ۱۴۰۵"
