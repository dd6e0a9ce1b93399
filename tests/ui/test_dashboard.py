"""The dashboard's next 14 days and reminders, against a pinned today."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from prdesk.core import jalali
from prdesk.store import calendar as cal
from prdesk.store.contacts import add_person
from prdesk.ui.app import prepare_application
from prdesk.ui.bus import Bus
from prdesk.ui.main_window import MainWindow

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
def page(window):
    return window.pages["dashboard"]


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


def test_events_birthdays_and_reminders_appear_and_follow_changes(page, window, db):
    assert page.reminders.count() == 0 and page.reminders_empty.isVisible()
    event = cal.add_event(db, {"title": "همایش روز ارتباطات", "type": "seminar", "date": "1405/02/27",
                               "all_day": False, "start_time": "9:00", "reminder_days": 10})
    cal.add_event(db, {"title": "نمایشگاه پاییزه", "date": "1405/07/01", "reminder_days": 10})
    add_person(db, {"first_name": "مریم", "last_name": "احمدی", "is_staff": True, "birthday": "1990-05-12"})
    window.bus.announce("calendar")
    titles = page.upcoming_titles()
    assert "همایش روز ارتباطات" in titles and "تولد مریم احمدی" in titles
    assert "نمایشگاه پاییزه" not in titles
    assert page.reminders.count() == 1
    assert page.reminders.item(0).text().startswith("۰۹:۰۰ همایش روز ارتباطات")
    assert "۷ روز دیگر" in page.reminders.item(0).text()
    assert page.reminders_empty.isHidden()

    cal.delete_event(db, event.id)
    window.bus.announce("calendar")
    assert "همایش روز ارتباطات" not in page.upcoming_titles()
    assert page.reminders.count() == 0


def test_many_birthdays_on_a_day_are_gathered_under_one_line(page, window, db):
    for n in range(5):
        add_person(db, {"first_name": f"نفر{n}", "last_name": "کارمند", "birthday": "1990-05-11"})
    window.bus.announce("contacts")
    row = day_rows(page)["دوشنبه ۲۱ اردیبهشت ۱۴۰۵"]
    groups = [row.child(i) for i in range(row.childCount()) if row.child(i).childCount()]
    assert len(groups) == 1
    assert groups[0].text(0) == "تولدها و تاریخ‌های اشخاص: ۵"
    assert not groups[0].isExpanded()
    assert sum(1 for t in page.upcoming_titles() if t.startswith("تولد نفر")) == 5


def test_the_list_turns_at_midnight(page, window, clock):
    assert "روز گل محمدی و گلاب" in page.upcoming_titles()
    clock["today"] = TODAY + dt.timedelta(days=1)
    window.clock.timeout.emit()
    assert "روز گل محمدی و گلاب" not in page.upcoming_titles()
    first = page.upcoming.topLevelItem(0)  # nothing on 21 Ordibehesht
    assert (first.text(0), first.text(1)) == ("سه‌شنبه ۲۲ اردیبهشت ۱۴۰۵", "فردا")
    assert any(title.startswith("فتح خرمشهر") for title in page.upcoming_titles())


def test_double_clicking_an_event_opens_it(page, window, db, qtbot):
    event = cal.add_event(db, {"title": "بازدید از تعاونی فرش", "type": "visit", "date": "1405/02/22"})
    window.bus.announce("calendar")
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


def test_a_dashboard_behind_another_page_reads_its_lists_when_shown(page, window, db):
    window.show_page("calendar")
    cal.add_event(db, {"title": "جلسهٔ تازه", "date": TODAY})
    window.bus.announce("calendar")
    assert "جلسهٔ تازه" not in page.upcoming_titles()
    window.show_page("dashboard")
    assert "جلسهٔ تازه" in page.upcoming_titles()
