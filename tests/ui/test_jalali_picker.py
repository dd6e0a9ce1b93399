"""The pop-up month of the Jalali date field: paging, picking with mouse and keys, red holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QToolButton

from prdesk.core import jalali
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from prdesk.ui.widgets.jalali_picker import JalaliPicker, picker_days
from prdesk.ui.widgets.month_view import HOLIDAY_RED, TODAY_ROLE

ABAN_30 = dt.date(2026, 11, 21)  # 1405/08/30, a Saturday
TODAY = dt.date(2026, 11, 10)  # 1405/08/19


@pytest.fixture
def field(qtbot):
    widget = JalaliDateEdit()
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_by_button(qtbot, field: JalaliDateEdit) -> JalaliPicker:
    """Click the calendar button at the line's end and wait for the month to show."""
    button = next(b for b in field.edit.findChildren(QToolButton) if b.defaultAction() is field.calendar_action)
    assert button.isVisible() and button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field.picker is not None and field.picker.isVisible())
    return field.picker


def click_day(qtbot, picker: JalaliPicker, day: dt.date) -> None:
    index = picker.cell_of(day)
    assert index.isValid()
    viewport = picker.grid.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=picker.grid.visualRect(index).center())


def test_open_page_to_the_next_month_and_click_a_day(field, qtbot):
    field.set_date(ABAN_30)
    picker = open_by_button(qtbot, field)
    assert (picker.year, picker.month) == (1405, 8)
    assert picker.title.text() == "آبان ۱۴۰۵"
    assert picker.selected_date() == ABAN_30  # the field's date is the one selected
    qtbot.mouseClick(picker.next_month, Qt.MouseButton.LeftButton)
    assert (picker.year, picker.month) == (1405, 9)
    assert picker.title.text() == "آذر ۱۴۰۵"
    azar_12 = jalali.to_gregorian(1405, 9, 12)
    with qtbot.wait_signal(field.date_changed) as changed:
        click_day(qtbot, picker, azar_12)
    assert changed.args == [azar_12]
    assert not picker.isVisible()
    assert field.text() == "۱۴۰۵/۰۹/۱۲"
    assert field.date() == azar_12 == dt.date(2026, 12, 3)
    assert field.hint.text() == "پنج\u200cشنبه ۱۲ آذر ۱۴۰۵"


def test_escape_closes_and_keeps_the_date(field, qtbot):
    field.set_date(ABAN_30)
    picker = open_by_button(qtbot, field)
    qtbot.keyClick(picker.grid, Qt.Key.Key_Up)  # moves the selection, not the field
    assert picker.selected_date() == ABAN_30 - dt.timedelta(days=7)
    with qtbot.assert_not_emitted(field.date_changed):
        qtbot.keyClick(picker.grid, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert field.date() == ABAN_30 and field.text() == "۱۴۰۵/۰۸/۳۰"


def test_keyboard_moves_right_to_left_and_enter_picks(field, qtbot):
    field.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    field.set_date(ABAN_30)
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    picker = field.picker
    qtbot.waitUntil(picker.isVisible)
    assert picker.grid.isRightToLeft()
    qtbot.keyClick(picker.grid, Qt.Key.Key_Left)  # the next day is on the left
    qtbot.keyClick(picker.grid, Qt.Key.Key_Left)
    qtbot.keyClick(picker.grid, Qt.Key.Key_Right)
    qtbot.keyClick(picker.grid, Qt.Key.Key_Down)  # a week on: into Azar
    qtbot.keyClick(picker.grid, Qt.Key.Key_PageDown)  # a month on
    expected = jalali.to_gregorian(1405, 10, 8)
    assert picker.selected_date() == expected and (picker.year, picker.month) == (1405, 10)
    with qtbot.wait_signal(field.date_changed):
        qtbot.keyClick(picker.grid, Qt.Key.Key_Return)
    assert field.date() == expected and field.text() == "۱۴۰۵/۱۰/۰۸"
    assert not picker.isVisible()


def test_fridays_and_official_holidays_are_red_and_today_is_marked(field, qtbot):
    picker = open_by_button(qtbot, field)  # the field is empty: today's month
    assert (picker.year, picker.month) == (1405, 8) and picker.selected_date() == TODAY
    model = picker.grid.month_model
    assert model.data(picker.cell_of(TODAY), TODAY_ROLE) is True
    days = model.days()
    fridays = [day for day in days if jalali.is_friday(day)]
    assert len(fridays) == 5
    for day in days:
        brush = model.data(picker.cell_of(day), Qt.ItemDataRole.ForegroundRole)
        if day in fridays:
            assert isinstance(brush, QBrush) and brush.color() == HOLIDAY_RED
        else:
            assert brush is None, jalali.format_jalali(day)  # Aban 1405 has no official holiday
    assert model.headerData(6, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole).color() == HOLIDAY_RED


def test_official_holidays_of_the_catalog_are_red():
    farvardin = {entry.date: entry for entry in picker_days(1405, 1)}
    nowruz = [jalali.to_gregorian(1405, 1, day) for day in (1, 2, 3, 4, 12, 13)]
    assert all(farvardin[day].holiday for day in nowruz)
    assert farvardin[nowruz[0]].occasions and farvardin[nowruz[0]].occasions[0].holiday
    assert not farvardin[jalali.to_gregorian(1405, 1, 5)].holiday  # a Wednesday, no holiday


def test_the_last_month_a_clerk_can_type_still_opens():
    esfand = picker_days(jalali.MAX_YEAR, 12)
    assert len(esfand) == jalali.days_in_month(jalali.MAX_YEAR, 12)
    # Fridays, and 29 Esfand (نفت), the official holiday of the Jalali calendar in that month.
    expected = [e.date for e in esfand if jalali.is_friday(e.date) or jalali.jalali_parts(e.date)[2] == 29]
    assert [entry.date for entry in esfand if entry.holiday] == expected


def test_arrows_point_where_their_months_lie(field, qtbot):
    field.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    picker = open_by_button(qtbot, field)
    # The past is on the right in right-to-left: the previous month's arrow points right.
    assert picker.previous_month.text() == "›" and picker.next_month.text() == "‹"
    assert picker.previous_month.geometry().center().x() > picker.next_month.geometry().center().x()


def test_previous_and_next_year(field, qtbot):
    field.set_date(ABAN_30)
    picker = open_by_button(qtbot, field)
    qtbot.mouseClick(picker.next_year, Qt.MouseButton.LeftButton)
    assert (picker.year, picker.month) == (1406, 8)
    qtbot.mouseClick(picker.previous_year, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(picker.previous_month, Qt.MouseButton.LeftButton)
    assert (picker.year, picker.month) == (1405, 7) and picker.title.text() == "مهر ۱۴۰۵"
    qtbot.keyClick(picker.grid, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert (picker.year, picker.month) == (1404, 7)


def test_clear_is_offered_only_on_an_optional_field(qtbot):
    required, optional = JalaliDateEdit(), JalaliDateEdit(optional=True)
    for widget in (required, optional):
        qtbot.addWidget(widget)
        widget.show()
        widget.set_date(ABAN_30)
    required_picker = open_by_button(qtbot, required)
    assert required_picker.clear_button.isHidden()
    qtbot.keyClick(required_picker.grid, Qt.Key.Key_Escape)
    picker = open_by_button(qtbot, optional)
    assert picker.clear_button.isVisible()
    with qtbot.wait_signal(optional.date_changed) as changed:
        qtbot.mouseClick(picker.clear_button, Qt.MouseButton.LeftButton)
    assert changed.args == [None]
    assert optional.text() == "" and optional.date() is None and optional.is_valid()
    assert not picker.isVisible()


def test_today_button_picks_today(field, qtbot):
    picker = open_by_button(qtbot, field)
    qtbot.mouseClick(picker.today_button, Qt.MouseButton.LeftButton)
    assert field.date() == TODAY and field.text() == "۱۴۰۵/۰۸/۱۹"


def test_persian_digits_in_the_cells(field, qtbot):
    picker = open_by_button(qtbot, field)
    model = picker.grid.month_model
    assert model.data(picker.cell_of(ABAN_30), Qt.ItemDataRole.DisplayRole) == "۳۰"
    assert picker.title.text() == "آبان ۱۴۰۵"
