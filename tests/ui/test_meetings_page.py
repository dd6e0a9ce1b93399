"""The meetings page the way the clerk works: book with the picker, conflicts and overrides, the public day, outcomes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QApplication

from prdesk.core import jalali
from prdesk.core import meetings as rules
from prdesk.store import meetings as ms
from prdesk.store.contacts import add_organization, add_person
from prdesk.ui.app import prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.dialogs import meeting_actions as acts
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.meeting_actions import HeldDialog, PostponeDialog
from prdesk.ui.dialogs.meeting_dialog import MeetingDialog
from prdesk.ui.operations import OperationRunner
from prdesk.ui.pages.base import PageContext
from prdesk.ui.pages.meetings.grid import lanes
from prdesk.ui.pages.meetings.page import DAY, FOLLOWUPS, PUBLIC, WEEK, MeetingsPage
from tests.ui.helpers import type_text
from tests.ui.test_event_dialog import choose_from_popup

TODAY = jalali.to_gregorian(1405, 9, 10)  # a Tuesday
FRIDAY = jalali.to_gregorian(1405, 9, 13)


@pytest.fixture
def context(qapp, db, db_path):
    prepare_application(QApplication.instance(), "fa")
    bus = Bus()
    return PageContext(db, db_path, bus, OperationRunner(bus), lambda text: None, lambda: TODAY)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, title=None: shown.append(text))
    return shown


@pytest.fixture
def rezaei(db):
    org = add_organization(db, {"name": "اتحادیه تعاونی‌های مسکن"}).id
    return add_person(db, {"first_name": "علی", "last_name": "رضایی", "organization_id": org}).id


def open_dialog(qtbot, context, **kwargs) -> MeetingDialog:
    dialog = MeetingDialog(context, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def walk_in(qtbot, dialog, name="حسن کریمی"):
    type_text(dialog.walk_in_name, name)
    qtbot.mouseClick(dialog.add_walk_in_button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog):
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def all_meetings(db):
    return ms.list_meetings(db)


def test_book_a_contact_with_the_picker(qtbot, context, db, rezaei):
    dialog = open_dialog(qtbot, context, date=TODAY)
    choose_from_popup(qtbot, dialog.picker, "رضای")
    assert dialog.visitors.count() == 1
    type_text(dialog.start, "۱۰:۳۰")
    type_text(dialog.subject, "وام مسکن")
    save(qtbot, dialog)
    (m,) = all_meetings(db)
    assert (m.date, m.start, m.end, m.subject) == (TODAY, "10:30", "11:00", "وام مسکن")
    assert m.visitors[0].person_id == rezaei and m.organization == "اتحادیه تعاونی‌های مسکن"
    assert not dialog.isVisible()


def test_no_visitor_is_refused_beside_the_field(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=TODAY, start="10:00")
    save(qtbot, dialog)
    assert dialog.isVisible() and "مراجعه‌کننده" in dialog.errors["visitors"].text()
    assert all_meetings(db) == []


def test_conflict_message_then_override(qtbot, context, db):
    first = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا"}], "subject": "بیمه"})
    dialog = open_dialog(qtbot, context, date=TODAY, start="10:15")
    walk_in(qtbot, dialog)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "تداخل" in dialog.refusal.text() and "بیمه" in dialog.refusal.text()
    assert dialog.override_button.isVisible() and dialog.slot_buttons[0].isVisible()
    assert [m.id for m in all_meetings(db)] == [first.id]
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    forced = [m for m in all_meetings(db) if m.id != first.id]
    assert len(forced) == 1 and forced[0].conflict_allowed and forced[0].start == "10:15"


def test_conflict_offers_the_next_free_time(qtbot, context, db):
    ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا"}]})
    dialog = open_dialog(qtbot, context, date=TODAY, start="10:00")
    walk_in(qtbot, dialog)
    save(qtbot, dialog)
    qtbot.mouseClick(dialog.slot_buttons[0], Qt.MouseButton.LeftButton)
    assert sorted(m.start for m in all_meetings(db)) == ["10:00", "10:30"]
    assert not any(m.conflict_allowed for m in all_meetings(db))


def test_friday_refused_then_saved_with_the_override(qtbot, context, db):
    dialog = open_dialog(qtbot, context, date=FRIDAY, start="10:00")
    walk_in(qtbot, dialog)
    save(qtbot, dialog)
    assert "جمعه" in dialog.refusal.text() and dialog.closed_button.isVisible() and not dialog.override_button.isVisible()
    assert all_meetings(db) == []
    qtbot.mouseClick(dialog.closed_button, Qt.MouseButton.LeftButton)
    (m,) = all_meetings(db)
    assert m.closed_day_allowed and m.date == FRIDAY


def test_mark_held_with_outcome_and_follow_up(qtbot, context, db):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا"}]})
    dialog = HeldDialog(context, m.id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.outcome, "قرار شد نامه به بانک ارسال شود")
    qtbot.mouseClick(dialog.needs_followup, Qt.MouseButton.LeftButton)
    type_text(dialog.action, "ارسال نامه به بانک")
    type_text(dialog.referred_to, "معاونت توسعه")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    held = ms.get_meeting(db, m.id)
    assert held.status == "held" and held.outcome.startswith("قرار شد")
    (f,) = ms.list_followups(db)
    assert (f.action, f.referred_to, f.due_date) == ("ارسال نامه به بانک", "معاونت توسعه", ms.default_due(db, TODAY))


def test_held_with_an_empty_follow_up_changes_nothing(qtbot, context, db):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا"}]})
    dialog = HeldDialog(context, m.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.needs_followup, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "پیگیری" in dialog.message.text()
    assert ms.get_meeting(db, m.id).status == "scheduled" and ms.list_followups(db) == []


def test_postpone_dialog_conflict_and_override(qtbot, context, db):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا"}]})
    ms.add_meeting(db, {"date": TODAY + dt.timedelta(days=1), "start": "09:00", "visitors": [{"name": "رضا"}]})
    dialog = PostponeDialog(context, m.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.set_date(TODAY + dt.timedelta(days=1))
    dialog.start.setText("09:10")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "تداخل" in dialog.message.text() and dialog.override_button.isVisible()
    assert ms.get_meeting(db, m.id).status == "scheduled"
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    old = ms.get_meeting(db, m.id)
    new = ms.get_meeting(db, old.postponed_to)
    assert old.status == "postponed" and new.postponed_from == m.id and new.conflict_allowed


def test_opening_a_meeting_shows_earlier_meetings_and_open_follow_ups(qtbot, context, db, rezaei):
    old = ms.add_meeting(db, {"date": TODAY - dt.timedelta(days=7), "start": "10:00", "visitors": [{"person_id": rezaei}]})
    ms.hold_meeting(db, old.id, "قول بررسی", followup={"action": "بررسی پروندهٔ وام"}, today=TODAY)
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"person_id": rezaei}]})
    dialog = open_dialog(qtbot, context, meeting=m)
    text = dialog.history.toPlainText()
    assert "قول بررسی" in text and "بررسی پروندهٔ وام" in text and jalali.format_jalali(old.date) in text


def click_row(qtbot, view, row: int) -> None:
    """Click a row of a table, as the clerk does."""
    rect = view.visualRect(view.model().index(row, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def page(qtbot, context) -> MeetingsPage:
    shown = MeetingsPage(context)
    qtbot.addWidget(shown)
    shown.resize(1300, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_day_view_draws_conflicts_side_by_side(qtbot, context, db):
    ms.add_meeting(db, {"date": TODAY, "start": "11:00", "duration": 60, "visitors": [{"name": "الف"}]})
    ms.add_meeting(db, {"date": TODAY, "start": "11:30", "visitors": [{"name": "ب"}]}, allow_conflict=True)
    ms.add_meeting(db, {"date": TODAY, "start": "12:00", "visitors": [{"name": "ج"}]})
    shown = page(qtbot, context)
    shown.tabs.setCurrentIndex(DAY)
    placed = {p.meeting.visitor_names: p for p in shown.day_grid.items}
    assert (placed["الف"].lanes, placed["ب"].lanes, placed["ج"].lanes) == (2, 2, 1)
    # Right to left: the first meeting is on the right.
    assert placed["الف"].rect.right() > placed["ب"].rect.right()
    assert placed["ج"].rect.top() >= placed["الف"].rect.bottom() - 2


def test_week_view_starts_on_saturday_and_shades_holidays(qtbot, context, db):
    shown = page(qtbot, context)
    shown.tabs.setCurrentIndex(WEEK)
    grid = shown.week_grid
    assert [jalali.week_index(d) for d in grid.days] == list(range(7))
    assert grid.column_rect(0).right() > grid.column_rect(6).right()  # Saturday on the right
    image = grid.grab().toImage()
    friday = grid.column_rect(6)
    assert QColor(image.pixel(int(friday.center().x()), int(friday.bottom() - 5))).name() == "#fdecea"


def test_double_click_on_an_empty_slot_books_there(qtbot, context, db):
    shown = page(qtbot, context)
    shown.tabs.setCurrentIndex(DAY)
    grid = shown.day_grid
    point = QPointF(grid.column_rect(0).center().x(), grid.y_of(9 * 60 + 35))
    assert grid.slot_at(point) == (TODAY, "09:30")


def test_ctrl_n_opens_the_new_meeting_dialog(qtbot, context, db):
    shown = page(qtbot, context)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.tabs.setFocus()
    qtbot.keyClick(shown.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(shown, "dialog", None) is not None and shown.dialog.isVisible())
    assert shown.dialog.date.date() == TODAY
    shown.dialog.reject()


def test_public_day_queue_clicks_and_end_of_day(qtbot, context, db, monkeypatch, errors):
    monkeypatch.setattr(acts, "confirm_end_of_day", lambda parent, text: True)
    booking = open_dialog(qtbot, context, date=TODAY, start="11:00")
    walk_in(qtbot, booking, "نیامده")
    qtbot.mouseClick(booking.public_day, Qt.MouseButton.LeftButton)
    save(qtbot, booking)
    (expected,) = all_meetings(db)
    assert expected.public_day and expected.queue_number is None
    shown = page(qtbot, context)
    shown.tabs.setCurrentIndex(PUBLIC)
    tab = shown.public_tab
    for name, subject in (("مریم احمدی", "شکایت از تعاونی"), ("رضا نوری", "درخواست وام")):
        type_text(tab.name, name)
        type_text(tab.subject, subject)
        qtbot.mouseClick(tab.check_in_button, Qt.MouseButton.LeftButton)
    assert errors == []
    view = tab.view
    assert [view.item(r, 0).text() for r in range(view.rowCount())] == ["۱", "۲", "—"]
    assert view.item(0, 2).text() == "مریم احمدی"
    click_row(qtbot, view, 0)
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert view.item(0, 6).text() == "برگزار شد"
    click_row(qtbot, view, 2)
    qtbot.mouseClick(tab.arrived_button, Qt.MouseButton.LeftButton)
    assert ms.get_meeting(db, expected.id).queue_number == 3
    qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)
    assert len(ms.list_followups(db)) == 3
    shown.tabs.setCurrentIndex(FOLLOWUPS)
    assert shown.followups_tab.view.rowCount() == 3


def test_public_day_repeat_warning(qtbot, context, db, errors):
    ms.check_in(db, {"date": TODAY - dt.timedelta(days=7), "visitors": [{"name": "حسن", "phone": "09131111111"}]},
                now=dt.datetime(2026, 11, 24, 9))
    shown = page(qtbot, context)
    shown.tabs.setCurrentIndex(PUBLIC)
    tab = shown.public_tab
    tab.limit.setValue(1)
    type_text(tab.name, "حسن")
    type_text(tab.phone, "09131111111")
    qtbot.mouseClick(tab.check_in_button, Qt.MouseButton.LeftButton)
    assert tab.warning.isVisible() and "ملاقات عمومی داشته" in tab.warning.text()


def test_followups_tab_shows_overdue_in_red(qtbot, context, db):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "زهرا"}]})
    ms.add_followup(db, m.id, "دیرکرد", due=TODAY - dt.timedelta(days=2))
    ms.add_followup(db, m.id, "به‌موقع", due=TODAY + dt.timedelta(days=2))
    shown = page(qtbot, context)
    shown.tabs.setCurrentIndex(FOLLOWUPS)
    view = shown.followups_tab.view
    colours = {view.item(r, 1).text(): view.item(r, 1).foreground().color().name() for r in range(view.rowCount())}
    assert colours["دیرکرد"] == "#b3261e" and colours["به‌موقع"] != "#b3261e"


def test_list_search_is_normalized(qtbot, context, db):
    ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "کاظم"}], "subject": "شکایت کارگران"})
    ms.add_meeting(db, {"date": TODAY, "start": "11:00", "visitors": [{"name": "زهرا"}], "subject": "وام"})
    shown = page(qtbot, context)
    shown.tabs.setCurrentIndex(2)
    type_text(shown.list_tab.search, "كاظم")  # Arabic kaf
    qtbot.waitUntil(lambda: shown.list_tab.view.rowCount() == 1)
    assert shown.list_tab.view.item(0, 3).text() == "کاظم"


def test_lanes_put_only_overlaps_side_by_side():
    def m(i, start, end):
        return ms.Meeting(i, TODAY, start, end, 30, 1, "", None, "", "", "request", "normal", "", "", "scheduled", None, "",
                          None, None, False, False, "", None, False, None)
    placed = {x.id: (lane, count) for x, lane, count in lanes([m(1, "10:00", "10:30"), m(2, "10:30", "11:00"),
                                                              m(3, "10:45", "11:15"), m(4, "12:00", "12:30")])}
    assert placed == {1: (0, 1), 2: (0, 2), 3: (1, 2), 4: (0, 1)}


def test_dashboard_panel_lists_today_and_overdue(qtbot, context, db, monkeypatch):
    from prdesk.ui.pages.meetings.today import TodayMeetings

    m = ms.add_meeting(db, {"date": TODAY, "start": "09:00", "visitors": [{"name": "زهرا"}], "subject": "بیمه"})
    ms.add_followup(db, m.id, "نامه به بانک", due=TODAY - dt.timedelta(days=1))
    panel = TodayMeetings(context)
    qtbot.addWidget(panel)
    assert panel.meetings.count() == 0  # nothing read before it is shown
    panel.show()
    qtbot.waitUntil(lambda: panel.meetings.count() > 0)
    assert "زهرا" in panel.meetings.item(0).text() and "۰۹:۰۰" in panel.meetings.item(0).text()
    assert "۱" in panel.overdue_title.text() and panel.overdue.item(0).foreground().color().name() == "#b3261e"
    import threading

    from prdesk.ui.pages.meetings import today as today_panel

    qtbot.waitUntil(lambda: not panel.reading())
    threads, real = [], today_panel.read_today
    monkeypatch.setattr(today_panel, "read_today", lambda *a: threads.append(threading.current_thread()) or real(*a))
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        context.runner.run(lambda: ms.set_status(db, m.id, "held"), area="meetings")
    assert "برگزار شد" in panel.meetings.item(0).text()
    assert threads and threads[0] is not threading.main_thread()  # read on a worker, not the window's thread


def test_a_walk_in_becomes_a_contact_with_one_click(qtbot, context, db, errors):
    m = ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "مریم احمدی", "phone": "09121112233"}]})
    dialog = open_dialog(qtbot, context, meeting=m)
    dialog.visitors.setCurrentRow(0)
    qtbot.mouseClick(dialog.to_contact_button, Qt.MouseButton.LeftButton)
    person = ms.get_meeting(db, m.id).visitors[0].person_id
    assert person is not None
    row = db.execute("SELECT first_name, last_name, mobile FROM people WHERE id = ?", [person]).fetchone()
    assert tuple(row) == ("مریم", "احمدی", "09121112233")
    qtbot.mouseClick(dialog.to_contact_button, Qt.MouseButton.LeftButton)
    assert "مخاطبان هست" in errors[-1]


def test_hosts_and_rooms_are_edited_in_their_dialog(qtbot, context, db):
    from prdesk.ui.dialogs.meeting_hosts import HostsDialog

    dialog = HostsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    start, end = dialog.hours[5]  # Thursday
    start.setText("۰۹:۰۰")
    end.setText("۱۱")
    dialog.hours[0][1].setText("")
    dialog.hours[0][0].setText("")  # no meetings on Saturdays
    qtbot.mouseClick(dialog.save_host_button, Qt.MouseButton.LeftButton)
    host = ms.list_hosts(db)[0]
    assert host.hours.days[5] == (540, 660) and host.hours.days[0] is None
    dialog.hours[1][1].setText("07:00")  # ends before it starts
    qtbot.mouseClick(dialog.save_host_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible() and "بعد از ساعت شروع" in dialog.message.text()
    assert ms.list_hosts(db)[0].hours.days[1] == (480, 840)
    type_text(dialog.new_host, "معاون توسعه")
    qtbot.mouseClick(dialog.add_host_button, Qt.MouseButton.LeftButton)
    assert [h.name for h in ms.list_hosts(db)] == ["مدیرکل", "معاون توسعه"]
    type_text(dialog.new_room, "اتاق معاون")
    qtbot.mouseClick(dialog.add_room_button, Qt.MouseButton.LeftButton)
    assert "اتاق معاون" in [r.name for r in ms.list_rooms(db)]


def test_a_weekly_meeting_skips_holidays_and_lists_them(qtbot, context, db, monkeypatch):
    from tests.core.test_meetings_rules import lunar_holiday

    told = []
    monkeypatch.setattr(messages, "show_message", lambda parent, text, title=None: told.append(text))
    holiday, title = lunar_holiday()
    first = holiday - dt.timedelta(days=14)
    dialog = open_dialog(qtbot, context, date=first, start="09:00")
    walk_in(qtbot, dialog, "اعضای هیئت‌مدیره")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("weekly"))
    dialog.until.set_date(holiday + dt.timedelta(days=14))
    save(qtbot, dialog)
    dates = [m.date for m in all_meetings(db)]
    assert holiday not in dates and len(dates) == 4 and len({m.series_id for m in all_meetings(db)}) == 1
    assert jalali.format_jalali(holiday) in told[0] and title in told[0]


def test_report_of_the_month_season_or_year_of_the_day_shown(qtbot, context, db, monkeypatch):
    import io

    from pypdf import PdfReader

    ms.add_meeting(db, {"date": jalali.to_gregorian(1405, 2, 3), "start": "10:00", "visitors": [{"name": "زهرا"}]})
    ms.add_meeting(db, {"date": TODAY, "start": "10:00", "visitors": [{"name": "رضا"}]})
    shown = page(qtbot, context)
    printed = []
    monkeypatch.setattr(shown, "_print", lambda render, **kwargs: printed.append((render, kwargs)))
    shown.report_menu.aboutToShow.emit()
    labels = [a.text() for a in shown.report_menu.actions()]
    assert labels == ["گزارش ماه آذر ۱۴۰۵", "گزارش فصل مهر–آذر ۱۴۰۵", "گزارش سال ۱۴۰۵"]
    for period in ("month", "year"):
        shown.report_menu.findChild(QAction, f"meetingsReport-{period}").trigger()
    (month, month_args), (year, year_args) = printed
    assert (month_args["file_name"], year_args["file_name"]) == ("meetings-1405-09", "meetings-1405")
    title = PdfReader(io.BytesIO(year(db))).metadata.title
    assert title == "گزارش ملاقات‌ها از ۱۴۰۵/۰۱/۰۱ تا ۱۴۰۵/۱۲/" + jalali.to_persian_digits(jalali.days_in_month(1405, 12))
    assert PdfReader(io.BytesIO(month(db))).metadata.title == "گزارش ملاقات‌ها از ۱۴۰۵/۰۹/۰۱ تا ۱۴۰۵/۰۹/۳۰"
