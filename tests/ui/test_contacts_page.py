"""The contacts page: lists, search as you type, filters, counts, delete, shortcuts, remembered columns."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from prdesk.core.contacts import ContactFilter
from prdesk.core.text import to_persian_digits
from prdesk.store import contacts as store
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.organization_dialog import OrganizationDialog
from prdesk.ui.dialogs.person_dialog import PersonDialog
from prdesk.ui.pages.contacts import ORGANIZATIONS_TAB, PEOPLE_TAB, ContactsPage
from tests.ui.contacts_support import (  # noqa: F401
    copy_database,
    office_template,
    search,
    show_page,
    shown_texts,
    small_template,
)

ASCII_DIGIT = re.compile(r"[0-9]")


@pytest.fixture
def db_path(tmp_path, small_template):
    """The window's database starts as a copy of the small demo."""
    path = tmp_path / "office.sqlite3"
    copy_database(small_template, path)
    return path


@pytest.fixture
def page(window, qtbot) -> ContactsPage:
    return show_page(window, qtbot)


def org_id(db, name):
    return db.execute("SELECT id FROM organizations WHERE name = ?", [name]).fetchone()[0]


def test_page_opens_with_both_lists_and_persian_counts(page, db):
    assert page.organizations.total == 50 and page.people.total == 300
    assert page.tabs.tabText(ORGANIZATIONS_TAB).endswith("(۵۰)")
    assert page.tabs.tabText(PEOPLE_TAB).endswith("(۳۰۰)")
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    assert "۳۰۰" in page.count_label.text()
    assert not ASCII_DIGIT.search(page.count_label.text())
    for text in shown_texts(page.people_view, "mobile"):
        assert not ASCII_DIGIT.search(text)


def test_the_page_loads_only_when_first_shown(window, qtbot, db):
    page = window.pages["contacts"]
    assert not page._loaded and page.people.rowCount() == 0
    show_page(window, qtbot)
    assert page.people.rowCount() > 0


def test_search_with_arabic_letters_finds_persian_spelling(page, qtbot, db):
    store.add_organization(db, {"name": "اتحادیه تعاونی‌های فرش دستباف کاشان", "city": "کاشان"})
    page.context.bus.announce("contacts")
    search(qtbot, page, "كاشان")  # Arabic kaf
    expected = store.count_organizations(db, ContactFilter(text="کاشان"))
    assert page.organizations.total == expected > 0
    assert "اتحادیه تعاونی‌های فرش دستباف کاشان" in shown_texts(page.organizations_view, "name")
    assert page.tabs.tabText(ORGANIZATIONS_TAB).endswith(f"({to_persian_digits(expected)})")


def test_search_with_persian_digits_finds_a_mobile_number(page, qtbot, db):
    store.add_person(db, {"first_name": "زهره", "last_name": "کیانی", "mobile": "09127770011"})
    page.context.bus.announce("contacts")
    search(qtbot, page, "۰۹۱۲۷۷۷")
    assert shown_texts(page.people_view, "full_name") == ["زهره کیانی"]
    assert shown_texts(page.people_view, "mobile") == ["۰۹۱۲۷۷۷۰۰۱۱"]


def test_search_with_a_space_finds_a_name_written_together(page, qtbot, db):
    store.add_person(db, {"first_name": "علیرضا", "last_name": "یزدان‌پناه"})
    store.add_person(db, {"first_name": "علی‌رضا", "last_name": "یزدان‌پناه"})
    page.context.bus.announce("contacts")
    search(qtbot, page, "علی رضا یزدان")
    assert sorted(shown_texts(page.people_view, "full_name")) == sorted(["علی‌رضا یزدان‌پناه", "علیرضا یزدان‌پناه"])


def test_typing_fast_searches_once(page, qtbot):
    calls = []
    page.search.search_changed.connect(calls.append)
    search(qtbot, page, "مدیرعامل")
    assert calls == ["مدیرعامل"]


def test_filters_narrow_both_lists(page, qtbot, db):
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("اتحادیه"))
    assert page.organizations.total == store.count_organizations(db, ContactFilter(kind="اتحادیه")) > 0
    assert page.people.total == store.count_people(db, ContactFilter(kind="اتحادیه"))
    page.province_filter.setCurrentIndex(page.province_filter.findData("اصفهان"))
    assert page.city_filter.findData("کاشان") > 0  # the cities follow the province
    expected = ContactFilter(kind="اتحادیه", province="اصفهان")
    assert page.organizations.total == store.count_organizations(db, expected)

    page.clear_filters()
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    assert page.staff_filter.isEnabled()
    page.staff_filter.setCurrentIndex(page.staff_filter.findData("staff"))
    assert page.people.total == store.count_people(db, ContactFilter(staff=True)) == 20
    assert set(shown_texts(page.people_view, "is_staff")) == {"✓"}
    assert "۲۰" in page.count_label.text() and "۳۰۰" in page.count_label.text()
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    assert not page.staff_filter.isEnabled()
    assert page.organizations.total == 50  # staff means nothing for organizations

    tag = store.list_tags(db)[0]["name"]
    page.tag_filter.setCurrentIndex(page.tag_filter.findData(tag))
    assert page.people.total == store.count_people(db, ContactFilter(tag=tag, staff=True))


def test_people_of_one_organization(page, qtbot, db):
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.organizations_view.setCurrentIndex(page.organizations.index(0, 0))
    actions = {a.text(): a for a in page.row_actions(page.organizations_view) if a is not None}
    actions[page.tr("Show its people")].trigger()
    first = page.organizations.row_id(0)
    assert page.tabs.currentIndex() == PEOPLE_TAB
    assert page.people.total == store.count_people(db, ContactFilter(organization_id=first))
    assert not page.organization_row.isHidden()
    page.show_people_of(None)
    assert page.people.total == 300


def test_delete_asks_first_and_nothing_goes_on_no(page, qtbot, db, monkeypatch):
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or False)
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    view = page.people_view
    view.setFocus()
    view.setCurrentIndex(page.people.index(0, 0))
    person = page.people.row_id(0)
    name = page.people.value(0, "full_name")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and name in asked[0]
    assert store.count_people(db) == 300

    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: True)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert store.count_people(db) == 299
    assert page.people.row_of(person) == -1
    assert page.tabs.tabText(PEOPLE_TAB).endswith("(۲۹۹)")


def test_deleting_an_organization_says_what_happens_to_its_people(page, qtbot, db, monkeypatch):
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    row = next(r for r in range(page.organizations.rowCount()) if page.organizations.value(r, "people_count") > 1)
    org, people = page.organizations.row_id(row), page.organizations.value(row, "people_count")
    page.select_record("organizations", org)
    page.delete_selected()
    assert to_persian_digits(people) in asked[0]
    assert "سازمانی وصل نیستند" in asked[0]
    assert store.count_organizations(db) == 49
    assert store.count_people(db) == 300  # the people stay
    assert store.count_people(db, ContactFilter(organization_id=org)) == 0


def test_the_delete_key_in_the_search_box_deletes_nothing(page, qtbot, db, monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: pytest.fail("asked to delete"))
    page.people_view.setCurrentIndex(page.people.index(0, 0))
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    assert store.count_people(db) == 300


def test_shortcuts_new_and_find(page, qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    page.people_view.setFocus()
    qtbot.keyClick(page.people_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.dialog, PersonDialog) and page.dialog.record_id is None
    page.dialog.reject()
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.organizations_view.setFocus()
    qtbot.keyClick(page.organizations_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.dialog, OrganizationDialog)
    page.dialog.reject()


def test_down_from_the_search_box_goes_to_the_list_and_enter_opens(page, qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    search(qtbot, page, "آرانی")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.people_view.hasFocus()
    page.people_view.setCurrentIndex(page.people.index(0, 0))
    qtbot.keyClick(page.people_view, Qt.Key.Key_Return)
    assert isinstance(page.dialog, PersonDialog)
    assert page.dialog.record_id == page.people.row_id(0)
    page.dialog.reject()


def test_double_click_opens_the_edit_dialog(page, qtbot):
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    view = page.organizations_view
    rect = view.visualRect(page.organizations.index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(page.dialog, OrganizationDialog)
    assert page.dialog.record_id == page.organizations.row_id(2)
    assert page.dialog.name.text() == page.organizations.value(2, "name")
    page.dialog.reject()


def test_copy_phone_copies_the_digits(page, qtbot):
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    row = next(r for r in range(page.people.rowCount()) if page.people.value(r, "mobile"))
    page.people_view.setCurrentIndex(page.people.index(row, 0))
    actions = {a.text(): a for a in page.row_actions(page.people_view) if a is not None}
    actions[page.tr("Copy phone number")].trigger()
    assert QApplication.clipboard().text() == page.people.value(row, "mobile")


def test_the_list_follows_changes_and_keeps_the_selection(page, qtbot, db):
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    page.people_view.setCurrentIndex(page.people.index(5, 0))
    chosen = page.people.row_id(5)
    store.add_person(db, {"first_name": "آ", "last_name": "آآآ"})  # sorts first
    page.context.bus.announce("contacts")
    assert page.people.total == 301
    assert page.current_id(page.people_view) == chosen


def test_sorting_by_a_column_header(page, qtbot, db):
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    header = page.organizations_view.horizontalHeader()
    column = page.organizations.column_of("people_count")
    header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    counts = [page.organizations.value(r, "people_count") for r in range(page.organizations.rowCount())]
    assert counts == sorted(counts, reverse=True)
    phones = page.organizations.column_of("phones")
    header.setSortIndicator(phones, Qt.SortOrder.AscendingOrder)  # no order in the store
    assert header.sortIndicatorSection() == column


def test_column_widths_and_hidden_columns_are_remembered(page, qtbot, window):
    header = page.people_view.horizontalHeader()
    header.resizeSection(0, 333)
    header.setSectionHidden(page.people.column_of("city"), True)
    page.people_view.save_header_timer.start()
    qtbot.waitUntil(lambda: QSettings().value("contacts/people_header") is not None)
    page.people_view.save_header_timer.timeout.emit()
    again = ContactsPage(page.context)
    qtbot.addWidget(again)
    header = again.people_view.horizontalHeader()
    assert header.sectionSize(0) == 333
    assert header.isSectionHidden(again.people.column_of("city"))


def test_a_long_list_is_fetched_as_it_is_scrolled(qtbot, tmp_path, office_template):
    from prdesk.store.db import open_database
    from prdesk.ui.app import create_main_window

    path = tmp_path / "office-size.sqlite3"
    copy_database(office_template, path)
    db = open_database(path)
    main = create_main_window(db, path)
    try:
        main.show()
        qtbot.waitExposed(main)
        page = show_page(main, qtbot)
        page.tabs.setCurrentIndex(PEOPLE_TAB)
        assert page.people.total == 10_000
        assert page.people.rowCount() == 200
        assert "۱۰٬۰۰۰" in page.count_label.text() or "۱۰۰۰۰" in page.count_label.text()
        bar = page.people_view.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: page.people.rowCount() > 200)
        assert page.people.rowCount() < 10_000
    finally:
        main.close()
        db.close()
