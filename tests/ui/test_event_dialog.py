"""The event dialog: typed like a clerk, Ctrl+S saves, errors beside the field and nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from prdesk.core import jalali
from prdesk.store import calendar as cal
from prdesk.store.contacts import add_person
from prdesk.ui.app import prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.event_dialog import EventDialog
from prdesk.ui.operations import OperationRunner
from prdesk.ui.pages.base import PageContext
from tests.ui.helpers import retype, type_text

TODAY = jalali.to_gregorian(1405, 2, 20)


@pytest.fixture
def context(qapp, db, db_path):
    prepare_application(QApplication.instance(), "fa")
    bus = Bus()
    statuses: list[str] = []
    return PageContext(db, db_path, bus, OperationRunner(bus), statuses.append, lambda: TODAY)


@pytest.fixture
def shown_errors(monkeypatch):
    texts = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: texts.append(text))
    return texts


def open_dialog(qtbot, context, **kwargs) -> EventDialog:
    dialog = EventDialog(context, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def ctrl_s(qtbot, dialog):
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def events(db):
    return cal.list_events(db)


def test_a_new_event_starts_on_the_given_day(qtbot, context):
    dialog = open_dialog(qtbot, context, date=jalali.to_gregorian(1405, 6, 13))
    assert dialog.windowTitle() == "مراسم جدید"
    assert dialog.date.text() == "۱۴۰۵/۰۶/۱۳"
    assert dialog.focusWidget() is dialog.title
    assert dialog.all_day.isChecked() and not dialog.start_time.isEnabled()


def test_typed_event_is_saved_with_ctrl_s(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=TODAY)
    type_text(dialog.title, "همایش روز تعاون")
    dialog.type.setCurrentIndex(dialog.type.findData("seminar"))
    retype(dialog.date.edit, "۱۳ شهریور ۱۴۰۵")
    qtbot.mouseClick(dialog.all_day, Qt.MouseButton.LeftButton, pos=dialog.all_day.rect().center())
    type_text(dialog.start_time, "۹:۳۰")
    type_text(dialog.end_time, "12")
    type_text(dialog.location, "سالن اجتماعات")
    dialog.recurrence.setCurrentIndex(dialog.recurrence.findData("yearly_jalali"))
    dialog.reminder.setValue(7)
    with qtbot.wait_signal(context.bus.changed) as changed:
        ctrl_s(qtbot, dialog)
    assert changed.args == ["calendar"]
    (event,) = events(db)
    assert event.title == "همایش روز تعاون" and event.type == "seminar"
    assert event.date == jalali.to_gregorian(1405, 6, 13)
    assert (event.all_day, event.start_time, event.end_time) == (False, "09:30", "12:00")
    assert event.location == "سالن اجتماعات"
    assert (event.recurrence, event.reminder_days) == ("yearly_jalali", 7)
    assert dialog.saved == cal.get_event(db, event.id)
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()


def test_empty_title_is_refused_beside_the_field(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=TODAY)
    with qtbot.assert_not_emitted(context.bus.changed):
        ctrl_s(qtbot, dialog)
    error = dialog.errors["title"]
    assert error.isVisible() and error.text() == "عنوان مراسم را بنویسید."
    assert events(db) == []
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.title

    type_text(dialog.title, "بازدید")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert [e.title for e in events(db)] == ["بازدید"]


def test_end_before_start_is_refused(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=TODAY)
    type_text(dialog.title, "جلسهٔ هماهنگی")
    dialog.all_day.setChecked(False)
    type_text(dialog.start_time, "10:00")
    type_text(dialog.end_time, "۰۹:۰۰")
    ctrl_s(qtbot, dialog)
    error = dialog.errors["end_time"]
    assert error.isVisible()
    assert "باید بعد از ساعت شروع" in error.text() and "۱۰:۰۰" in error.text()
    assert events(db) == []
    assert dialog.focusWidget() is dialog.end_time


def test_an_impossible_date_is_refused(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=TODAY)
    type_text(dialog.title, "مراسم پایان سال")
    retype(dialog.date.edit, "1405/12/30")
    assert "کبیسه نیست" in dialog.date.hint.text()  # said while typing
    ctrl_s(qtbot, dialog)
    assert events(db) == []
    assert dialog.date.hint.isVisible() and "کبیسه نیست" in dialog.date.hint.text()
    assert dialog.isVisible()


def test_a_name_typed_but_not_chosen_is_refused(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=TODAY)
    type_text(dialog.title, "نمایشگاه")
    type_text(dialog.responsible, "کسی که نیست")
    dialog.responsible.timer.stop()
    ctrl_s(qtbot, dialog)
    assert dialog.errors["responsible_person_id"].isVisible()
    assert "مخاطبان" in dialog.errors["responsible_person_id"].text()
    assert events(db) == []


def test_escape_closes_without_saving(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=TODAY)
    type_text(dialog.title, "نیمه‌کاره")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert events(db) == []


def choose_from_popup(qtbot, picker, typed: str) -> None:
    """Type part of a name, wait for the list of matches and take the first with Enter."""
    type_text(picker, typed)
    popup = picker.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_responsible_and_invitees_are_chosen_from_the_contacts(qtbot, context, db):
    rezaei = add_person(db, {"first_name": "علی", "last_name": "رضایی", "is_staff": True}).id
    ahmadi = add_person(db, {"first_name": "مریم", "last_name": "احمدی"}).id
    dialog = open_dialog(qtbot, context, date=TODAY)
    type_text(dialog.title, "تکریم بازنشستگان")
    choose_from_popup(qtbot, dialog.responsible, "رضای")
    assert dialog.responsible.person().id == rezaei
    choose_from_popup(qtbot, dialog.invitee_picker, "احمد")
    choose_from_popup(qtbot, dialog.invitee_picker, "رضایی")
    assert dialog.invitees.count() == 2
    dialog.invitees.setCurrentRow(1)
    qtbot.mouseClick(dialog.remove_invitee_button, Qt.MouseButton.LeftButton)
    ctrl_s(qtbot, dialog)
    (event,) = events(db)
    saved = cal.get_event(db, event.id)
    assert saved.responsible_person_id == rezaei
    assert saved.invitees == (ahmadi,)


def test_editing_shows_the_saved_event_and_saves_changes(qtbot, context, db):
    person = add_person(db, {"first_name": "علی", "last_name": "رضایی"}).id
    event = cal.add_event(
        db,
        {
            "title": "جلسهٔ هفتگی", "type": "meeting", "date": "1405/02/21", "all_day": False, "start_time": "8:30",
            "responsible_person_id": person, "invitees": [person], "recurrence": "weekly", "reminder_days": 1,
        },
    )
    dialog = open_dialog(qtbot, context, event=event)
    assert dialog.windowTitle() == "ویرایش مراسم"
    assert dialog.title.text() == "جلسهٔ هفتگی"
    assert dialog.date.text() == "۱۴۰۵/۰۲/۲۱"
    assert dialog.start_time.text() == "۰۸:۳۰" and not dialog.all_day.isChecked()
    assert dialog.responsible.text() == "علی رضایی" and dialog.invitees.item(0).text() == "علی رضایی"
    assert dialog.recurrence.currentData() == "weekly" and dialog.until.isEnabled()
    assert dialog.reminder.text().startswith("۱")  # Persian digits in the spin box
    retype(dialog.title, "جلسهٔ هفتگی روابط عمومی")
    dialog.status.setCurrentIndex(dialog.status.findData("held"))
    ctrl_s(qtbot, dialog)
    changed = cal.get_event(db, event.id)
    assert (changed.title, changed.status, changed.responsible_person_id) == ("جلسهٔ هفتگی روابط عمومی", "held", person)
    assert changed.invitees == (person,)


def test_delete_asks_first(qtbot, context, db, monkeypatch):
    event = cal.add_event(db, {"title": "بازدید", "date": "1405/02/21"})
    answers = [False, True]
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: answers.pop(0))
    dialog = open_dialog(qtbot, context, event=event)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and len(events(db)) == 1
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert events(db) == [] and not dialog.isVisible()


def test_a_new_event_has_no_delete_button(qtbot, context):
    assert open_dialog(qtbot, context).delete_button is None


def _from_right(dialog, button) -> int:
    """How far ``button`` sits from the dialog's right edge (where a right-to-left form starts)."""
    return dialog.width() - button.mapTo(dialog, button.rect().topRight()).x()


def test_save_stays_where_it_is_in_the_new_form_and_delete_sits_apart(qtbot, context, db):
    event = cal.add_event(db, {"title": "بازدید", "date": "1405/02/21"})
    new = open_dialog(qtbot, context)
    edit = open_dialog(qtbot, context, event=event)
    edit.resize(new.size())
    for dialog in (new, edit):
        dialog.show()
        qtbot.waitExposed(dialog)
    assert _from_right(edit, edit.save_button) == _from_right(new, new.save_button)
    assert _from_right(edit, edit.cancel_button) == _from_right(new, new.cancel_button)
    # Delete is at the other end of the row, with the width of a button or more between them.
    delete = edit.delete_button.mapTo(edit, edit.delete_button.rect().topLeft())
    save = edit.save_button.mapTo(edit, edit.save_button.rect().topLeft())
    assert abs(delete.x() - save.x()) > 2 * edit.save_button.width()
    if edit.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        assert delete.x() > save.x()  # Delete on the right (the start), Save and Cancel on the left
