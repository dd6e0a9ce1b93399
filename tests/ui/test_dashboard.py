"""The dashboard's next 14 days and reminders, against a pinned today; the lists are read on a worker."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QPushButton, QTreeWidgetItem

from prdesk.core import jalali
from prdesk.store import calendar as cal
from prdesk.store.contacts import add_person
from prdesk.ui.app import prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.main_window import MainWindow
from prdesk.ui.pages import dashboard
from tests.ui.helpers import hold_reads

J = jalali.to_gregorian
TODAY = J(1405, 2, 20)  # 10 May 2026; Public Relations Day (27 Ordibehesht) is a week away


@pytest.fixture
def clock():
    return {"today": TODAY}


@pytest.fixture
def window(qtbot, db, db_path, clock):
    prepare_application(QApplication.instance(), "fa")
    main = MainWindow(db, db_path, Bus(), language="fa", today=lambda: clock["today"])
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def page(window, qtbot):
    page = window.pages["dashboard"]
    qtbot.waitUntil(page.lists_ready)
    return page


def announce(qtbot, window, page, area: str) -> None:
    """Announce a change of ``area`` and wait until the lists read after it are shown."""
    with qtbot.wait_signal(page.lists_shown):
        window.bus.announce(area)


def day_rows(page) -> dict[str, object]:
    tree = page.upcoming
    return {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}


def test_today_stays_in_three_calendars(page):
    assert page.jalali.text() == "یکشنبه ۲۰ اردیبهشت ۱۴۰۵"
    assert page.gregorian.text() == "۱۰ مه ۲۰۲۶"
    assert page.hijri.text()


def test_an_occasion_of_the_next_14_days_is_listed_under_its_day(page):
    assert "روز ارتباطات و روابط عمومی" in page.upcoming_titles()
    row = day_rows(page)["یکشنبه ۲۷ اردیبهشت ۱۴۰۵"]
    assert row.text(1) == "۷ روز دیگر"
    titles = [row.child(i).text(0) for i in range(row.childCount())]
    assert "روز ارتباطات و روابط عمومی" in titles
    line = row.child(titles.index("روز ارتباطات و روابط عمومی"))
    assert "مرتبط با اداره" in line.text(1) and "تبریک" in line.text(1)


def test_the_list_holds_today_and_the_13_days_after(page):
    titles = page.upcoming_titles()
    assert list(day_rows(page))[0] == "یکشنبه ۲۰ اردیبهشت ۱۴۰۵"
    assert day_rows(page)["یکشنبه ۲۰ اردیبهشت ۱۴۰۵"].text(1) == "امروز"
    assert "روز گل محمدی و گلاب" in titles  # today, 20 Ordibehesht
    assert "شهادت مظلومانهٔ زائران خانهٔ خدا به دست مأموران آل سعود (۱۳۶۶ ه\u200d.ش برابر با ۶ ذی\u200cالحجه ۱۴۰۷ ه\u200d.ق)" in titles  # 2 Khordad, the 14th day
    assert not any(title.startswith("فتح خرمشهر") for title in titles)  # 3 Khordad, the 15th day


def test_events_birthdays_and_reminders_appear_and_follow_changes(page, window, db, qtbot):
    assert page.reminders.count() == 0 and page.reminders_empty.isVisible()
    event = cal.add_event(db, {"title": "همایش روز ارتباطات", "type": "seminar", "date": "1405/02/27",
                               "all_day": False, "start_time": "9:00", "reminder_days": 10})
    cal.add_event(db, {"title": "نمایشگاه پاییزه", "date": "1405/07/01", "reminder_days": 10})
    add_person(db, {"first_name": "مریم", "last_name": "احمدی", "is_staff": True, "birthday": "1990-05-12"})
    announce(qtbot, window, page, "calendar")
    titles = page.upcoming_titles()
    assert "همایش روز ارتباطات" in titles and "تولد مریم احمدی" in titles
    assert "نمایشگاه پاییزه" not in titles
    assert page.reminders.count() == 1
    assert page.reminders.item(0).text().startswith("۰۹:۰۰ همایش روز ارتباطات")
    assert "۷ روز دیگر" in page.reminders.item(0).text()
    assert page.reminders_empty.isHidden()

    cal.delete_event(db, event.id)
    announce(qtbot, window, page, "calendar")
    assert "همایش روز ارتباطات" not in page.upcoming_titles()
    assert page.reminders.count() == 0


def test_many_birthdays_on_a_day_are_gathered_under_one_line(page, window, db, qtbot):
    for n in range(5):
        add_person(db, {"first_name": f"نفر{n}", "last_name": "کارمند", "birthday": "1990-05-11"})
    announce(qtbot, window, page, "contacts")
    row = day_rows(page)["دوشنبه ۲۱ اردیبهشت ۱۴۰۵"]
    shows_more = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
    groups = [row.child(i) for i in range(row.childCount()) if row.child(i).childIndicatorPolicy() == shows_more]
    assert len(groups) == 1
    assert groups[0].text(0) == "تولدها و تاریخ‌های اشخاص: ۵"
    assert not groups[0].isExpanded()
    assert sum(1 for t in page.upcoming_titles() if t.startswith("تولد نفر")) == 5
    assert groups[0].childCount() == 0  # made when the line is opened, not before

    groups[0].setExpanded(True)
    names = [groups[0].child(i).text(0) for i in range(groups[0].childCount())]
    assert sorted(names) == [f"تولد نفر{n} کارمند".translate(str.maketrans("01234", "۰۱۲۳۴")) for n in range(5)]
    assert sum(1 for t in page.upcoming_titles() if t.startswith("تولد نفر")) == 5
    groups[0].setExpanded(False)
    groups[0].setExpanded(True)
    assert groups[0].childCount() == 5


def test_the_list_turns_at_midnight(page, window, clock, qtbot):
    assert "روز گل محمدی و گلاب" in page.upcoming_titles()
    clock["today"] = TODAY + dt.timedelta(days=1)
    with qtbot.wait_signal(page.lists_shown):
        window.clock.timeout.emit()
    assert "روز گل محمدی و گلاب" not in page.upcoming_titles()
    first = page.upcoming.topLevelItem(0)  # nothing on 21 Ordibehesht
    assert (first.text(0), first.text(1)) == ("سه‌شنبه ۲۲ اردیبهشت ۱۴۰۵", "فردا")
    assert any(title.startswith("فتح خرمشهر") for title in page.upcoming_titles())


def test_double_clicking_an_event_opens_it(page, window, db, qtbot):
    event = cal.add_event(db, {"title": "بازدید از تعاونی فرش", "type": "visit", "date": "1405/02/22"})
    announce(qtbot, window, page, "calendar")
    row = day_rows(page)["سه‌شنبه ۲۲ اردیبهشت ۱۴۰۵"]
    line = next(row.child(i) for i in range(row.childCount()) if row.child(i).text(0) == "بازدید از تعاونی فرش")
    page.upcoming.itemActivated.emit(line, 0)
    dialog = page.event_dialog
    assert dialog is not None and dialog.original.id == event.id
    dialog.reject()


def test_no_greeting_button_yet(page):
    # The greeting batch arrives with the messages part; until then the dashboard offers none.
    assert [b.text() for b in page.findChildren(QPushButton)] == []


def test_no_ascii_digits(page):
    tree = page.upcoming
    texts = []
    for i in range(tree.topLevelItemCount()):
        day = tree.topLevelItem(i)
        texts += [day.text(0), day.text(1)] + [day.child(j).text(1) for j in range(day.childCount())]
    for text in texts:
        assert not any(ch.isascii() and ch.isdigit() for ch in text), text
    assert tree.isRightToLeft()


def test_a_dashboard_behind_another_page_reads_its_lists_when_shown(page, window, db, qtbot):
    window.show_page("calendar")
    cal.add_event(db, {"title": "جلسهٔ تازه", "date": TODAY})
    window.bus.announce("calendar")
    assert "جلسهٔ تازه" not in page.upcoming_titles()
    assert not page.lists_ready()
    with qtbot.wait_signal(page.lists_shown):
        window.show_page("dashboard")
    assert "جلسهٔ تازه" in page.upcoming_titles()


# --- reading the lists off the window's thread ------------------------------------------------


@pytest.fixture
def held_read(monkeypatch):
    """Lists reads that wait for ``release`` before reading, recording the thread they ran on."""
    release, threads = hold_reads(monkeypatch, dashboard, "read_lists")
    yield release, threads
    release.set()


def test_today_shows_at_once_and_the_lists_follow_from_a_worker(db, db_path, clock, qtbot, held_read):
    release, threads = held_read
    prepare_application(QApplication.instance(), "fa")
    main = MainWindow(db, db_path, Bus(), language="fa", today=lambda: clock["today"])
    qtbot.addWidget(main)
    page = main.pages["dashboard"]
    main.show()
    qtbot.waitUntil(lambda: bool(threads))
    assert page.jalali.text() == "یکشنبه ۲۰ اردیبهشت ۱۴۰۵"
    assert page.loading.isVisible() and page.loading.text() == "در حال بارگذاری…"
    assert page.upcoming.topLevelItemCount() == 0
    assert page.upcoming_empty.isHidden() and page.reminders_empty.isHidden()
    assert threads[0] is not threading.main_thread()
    with qtbot.wait_signal(page.lists_shown):
        release.set()
    assert page.loading.isHidden()
    assert "روز ارتباطات و روابط عمومی" in page.upcoming_titles()


def test_a_change_while_the_lists_are_read_is_not_lost(page, window, db, qtbot, held_read):
    release, threads = held_read
    window.bus.announce("calendar")
    qtbot.waitUntil(lambda: len(threads) == 1)
    cal.add_event(db, {"title": "جلسهٔ فوری", "date": TODAY})
    window.bus.announce("calendar")  # while the first read waits
    with qtbot.wait_signal(page.lists_shown):
        release.set()
    assert len(threads) == 2  # the first read was out of date and was not shown
    assert "جلسهٔ فوری" in page.upcoming_titles()


def _running_loader():
    """The list reader now running (an earlier test's finished reader may not be deleted yet)."""
    running = [t for t in QApplication.instance().findChildren(QThread, dashboard.LOADER_NAME) if t.isRunning()]
    assert len(running) == 1
    return running[0]


def test_a_window_closed_while_its_lists_are_read_goes_quietly(db, db_path, clock, qtbot, held_read):
    release, threads = held_read
    prepare_application(QApplication.instance(), "fa")
    main = MainWindow(db, db_path, Bus(), language="fa", today=lambda: clock["today"])
    main.show()
    qtbot.waitUntil(lambda: bool(threads), timeout=20_000)
    loader = _running_loader()
    ended = []
    loader.finished.connect(lambda: ended.append(True))
    main.close()
    main.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(main), timeout=20_000)
    release.set()
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    # Finished and gone, owned by the application rather than by the deleted page.
    qtbot.waitUntil(lambda: not shiboken6.isValid(loader), timeout=20_000)


def test_quitting_waits_for_a_read_in_progress(db, db_path, clock, qtbot, held_read):
    release, threads = held_read
    prepare_application(QApplication.instance(), "fa")
    main = MainWindow(db, db_path, Bus(), language="fa", today=lambda: clock["today"])
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: bool(threads), timeout=20_000)
    loader = _running_loader()
    threading.Timer(0.2, release.set).start()
    QApplication.instance().aboutToQuit.emit()
    assert loader.isFinished()


def test_lunar_occasions_not_yet_official_say_so(db, db_path):
    """Issue 13 §1: in the 14-day list a lunar holiday of 1406 is marked «(پیش‌بینی)», of 1408 «(برآورد)»."""
    from prdesk.core.jalali import to_gregorian

    predicted, estimated = dashboard.lunar_marks()
    for today, mark in ((to_gregorian(1406, 4, 20), predicted), (to_gregorian(1408, 3, 10), estimated)):
        lists = dashboard.read_lists(db_path, today, lambda *args: True)
        labels = [line.label for day in lists.days for line in day.lines if line.item.lunar]
        assert labels and all(label.endswith(mark) for label in labels), labels
    lists = dashboard.read_lists(db_path, to_gregorian(1405, 4, 1), lambda *args: True)
    assert not any(line.label.endswith((predicted, estimated)) for day in lists.days for line in day.lines)


def test_todays_date_keeps_to_the_windows_leading_side(page):
    """Qt.AlignmentFlag.AlignAbsolute | AlignRight in the right-to-left window; the item roles are
    UserRole + 1 and + 2 (guards for setting them as integers, which keeps the Qt namespace's enums
    until after the first paint)."""
    from PySide6.QtCore import Qt

    assert page.isRightToLeft()
    assert page.jalali.alignment() == Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight
    assert (dashboard.ITEM_ROLE, dashboard.GROUP_ROLE) == (Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2)
