"""The Jalali date input: every form a clerk types, the weekday it read, a clear message when wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from prdesk.errors import ValidationError
from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit
from tests.ui.helpers import retype, type_text

ABAN_30 = dt.date(2026, 11, 21)


@pytest.fixture
def edit(qtbot):
    widget = JalaliDateEdit()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize("typed", ["1405/08/30", "۱۴۰۵/۰۸/۳۰", "1405-8-30", "۱۴۰۵-۰۸-۳۰", "۳۰ آبان ۱۴۰۵", "30/08/1405"])
def test_every_usual_form_reads_the_same_day(edit, typed):
    type_text(edit.edit, typed)
    assert edit.date() == ABAN_30
    assert edit.is_valid() and edit.error() == ""
    assert edit.hint.text() == "شنبه ۳۰ آبان ۱۴۰۵"
    assert edit.hint.isVisible() and edit.hint.objectName() == "hint"


def test_ascii_keys_typed_as_on_a_keyboard(edit, qtbot):
    edit.setFocus()
    qtbot.keyClicks(edit.edit, "1405/1/1")
    assert edit.date() == dt.date(2026, 3, 21)
    assert edit.hint.text() == "شنبه ۱ فروردین ۱۴۰۵"


def test_an_impossible_day_says_why_and_gives_no_date(edit):
    type_text(edit.edit, "۱۴۰۵/۱۲/۳۰")
    assert edit.date() is None
    assert not edit.is_valid()
    assert "کبیسه نیست" in edit.error()
    assert edit.hint.text() == edit.error()
    assert edit.hint.objectName() == "fieldError"
    with pytest.raises(ValidationError, match="کبیسه نیست") as refused:
        edit.check("date")
    assert refused.value.field == "date"


def test_text_that_is_no_date_says_how_to_write_one(edit):
    type_text(edit.edit, "فردا")
    assert edit.date() is None
    assert "۱۴۰۵/۰۸/۳۰" in edit.error()


def test_fixing_the_text_clears_the_message(edit):
    type_text(edit.edit, "1405/13/01")
    assert "ماه ۱۳" in edit.error()
    retype(edit.edit, "1405/12/29")
    assert edit.error() == "" and edit.hint.objectName() == "hint"
    assert edit.date() == dt.date(2027, 3, 20)


def test_empty_is_an_error_only_when_the_date_is_required(qtbot):
    required, optional = JalaliDateEdit(), JalaliDateEdit(optional=True)
    for widget in (required, optional):
        qtbot.addWidget(widget)
    assert not required.is_valid() and optional.is_valid()
    assert optional.check() is None
    with pytest.raises(ValidationError, match="خالی"):
        required.check("date")
    assert required.hint.isHidden()  # no scolding before anything was typed


def test_set_date_shows_persian_digits_and_signals_once(edit, qtbot):
    with qtbot.wait_signal(edit.date_changed) as changed:
        edit.set_date(ABAN_30)
    assert changed.args == [ABAN_30]
    assert edit.text() == "۱۴۰۵/۰۸/۳۰"
    with qtbot.assert_not_emitted(edit.date_changed):
        edit.set_date(ABAN_30)
    edit.set_date(None)
    assert edit.text() == "" and edit.date() is None


def test_up_and_down_move_the_day(edit, qtbot):
    edit.set_date(dt.date(2027, 3, 20))  # 29 Esfand 1405, the last day of the year
    qtbot.keyClick(edit.edit, Qt.Key.Key_Up)
    assert edit.text() == "۱۴۰۶/۰۱/۰۱"
    qtbot.keyClick(edit.edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit.edit, Qt.Key.Key_Down)
    assert edit.date() == dt.date(2027, 3, 19)


def test_enter_is_passed_on(edit, qtbot):
    edit.set_date(ABAN_30)
    with qtbot.wait_signal(edit.return_pressed):
        qtbot.keyClick(edit.edit, Qt.Key.Key_Return)


def test_an_empty_field_shows_the_order_of_the_parts_not_a_date(qtbot):
    from PySide6.QtWidgets import QApplication

    from prdesk.ui.app import prepare_application
    from prdesk.ui.widgets.jalali_date_edit import JalaliDateEdit

    prepare_application(QApplication.instance(), "fa")
    edit = JalaliDateEdit(optional=True)
    qtbot.addWidget(edit)
    assert edit.edit.placeholderText() == "سال/ماه/روز"
    assert not any(ch.isdigit() for ch in edit.edit.placeholderText())
