"""Printing the directory from the contacts page like a clerk: the filter on screen is what is printed."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt

from prdesk.core.contacts import ContactFilter
from prdesk.printing.directory import render_directory
from prdesk.store import contacts as store
from prdesk.ui.dialogs import pdf_preview
from prdesk.ui.pages.contacts import ContactsPage, DirectoryPrintDialog
from tests.printing.conftest import letters, pdf
from tests.ui.contacts_support import click, copy_database, show_page, small_template  # noqa: F401
from tests.ui.helpers import fail_on_error_box


@pytest.fixture
def db_path(tmp_path, small_template):
    path = tmp_path / "office.sqlite3"
    copy_database(small_template, path)
    return path


@pytest.fixture
def page(window, qtbot) -> ContactsPage:
    return show_page(window, qtbot)


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    fail_on_error_box(monkeypatch)


@pytest.fixture
def previews(monkeypatch) -> list[dict]:
    shown: list[dict] = []
    monkeypatch.setattr(
        pdf_preview, "show_pdf",
        lambda parent, data, *, title="", file_name="": shown.append({"data": data, "title": title, "file_name": file_name}),
    )
    return shown


def words(data: bytes) -> set[str]:
    found: set[str] = set()
    for sheet in pdf(data).pages:
        sheet.extract_text(visitor_text=lambda text, *_: found.update(letters(text).split()))
    return found


def name_words(*names: str) -> set[str]:
    return {w for name in names for w in letters(name or "").split()}


def tick(qtbot, button) -> None:
    """Click a radio button or check box on its indicator (the right end in a right-to-left window)."""
    x = button.width() - 8 if button.isRightToLeft() else 8
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(x, button.height() // 2))


def open_dialog(qtbot, page) -> DirectoryPrintDialog:
    click(qtbot, page.print_button)
    dialog = page.dialog
    assert isinstance(dialog, DirectoryPrintDialog)
    qtbot.waitExposed(dialog)
    return dialog


def small_city(db) -> str:
    """A city with a few of the demo's organizations, not most of them."""
    counts = Counter(org["city"] for org in store.iter_organizations(db) if org["city"])
    return next(city for city, n in sorted(counts.items(), key=lambda item: (item[1], item[0])) if n >= 2)


def boilerplate(db) -> set[str]:
    """The words every directory has (title, office, headings), found on one that lists nobody."""
    return words(render_directory(db, group_by="city", f=ContactFilter(text="هیچ‌کس‌با‌این‌نام"), people=True))


def test_the_organizations_matching_the_filter_and_no_others_are_printed(page, qtbot, previews, db):
    city = small_city(db)
    page.city_filter.setCurrentIndex(page.city_filter.findData(city))
    qtbot.waitUntil(lambda: page.organizations.filter.city == city)
    matching = list(store.iter_organizations(db, ContactFilter(city=city)))
    others = [org for org in store.iter_organizations(db) if org["city"] != city]
    assert 2 <= len(matching) < len(others)

    dialog = open_dialog(qtbot, page)
    assert f"{len(matching)}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in dialog.what.text()
    tick(qtbot, dialog.by_city)
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)

    printed = words(previews[0]["data"])
    assert len(pdf(previews[0]["data"]).pages) == 1
    for org in matching:
        assert name_words(org["name"]) <= printed, org["name"]
    allowed = name_words(*(f"{o['name']} {o['kind']} {o['activity']} {o['city']}" for o in matching)) | boilerplate(db)
    strangers = name_words(*(o["name"] for o in others)) - allowed
    assert strangers, "the other organizations' names share every word with the printed ones"
    assert not strangers & printed
    assert previews[0]["title"] == "فهرست سازمان‌ها"


def test_ctrl_p_with_people_prints_the_people_of_the_filter(page, qtbot, previews, db):
    kind = store.lookup_values(db, "kind")[0]
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(kind))
    qtbot.waitUntil(lambda: page.people.filter.kind == kind)
    page.people_view.setFocus()
    qtbot.keyClick(page.people_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, DirectoryPrintDialog)
    tick(qtbot, dialog.by_city)
    tick(qtbot, dialog.people)
    assert dialog.people.isChecked()
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)

    data = previews[0]["data"]
    printed = words(data)
    people = list(store.iter_people(db, ContactFilter(kind=kind)))
    assert people and name_words(*(p["last_name"] for p in people)) <= printed
    everyone_else = [p for p in store.iter_people(db) if p.get("kind") != kind]
    allowed = name_words(*(f"{p['full_name']} {p.get('position') or ''} {p.get('organization') or ''}" for p in people))
    allowed |= name_words(*(f"{o['name']} {o['activity']} {o['city']}" for o in store.iter_organizations(db, ContactFilter(kind=kind))))
    strangers = name_words(*(p["last_name"] for p in everyone_else)) - allowed - boilerplate(db)
    assert strangers and not strangers & printed
    assert previews[0]["title"] == "فهرست مخاطبان"
    assert len(pdf(data).pages) >= 2


def test_people_wait_for_a_grouping_the_store_can_sort_them_by(page, qtbot):
    dialog = open_dialog(qtbot, page)
    tick(qtbot, dialog.by_city)
    tick(qtbot, dialog.people)
    assert dialog.with_people()
    tick(qtbot, dialog.by_kind)
    assert dialog.with_people()
    dialog.reject()


def test_people_grouped_by_kind_can_be_printed(db):
    data = render_directory(db, group_by="kind", f=ContactFilter(), people=True)
    assert len(pdf(data).pages) > 1


def test_cancel_prints_nothing(page, qtbot, previews):
    dialog = open_dialog(qtbot, page)
    dialog.reject()
    qtbot.wait(50)
    assert previews == []


def test_the_choice_is_remembered(page, qtbot, previews):
    dialog = open_dialog(qtbot, page)
    tick(qtbot, dialog.by_city)
    tick(qtbot, dialog.people)
    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    again = open_dialog(qtbot, page)
    assert again.by_city.isChecked() and again.people.isChecked()
    again.reject()


def test_without_people_the_staff_filter_of_the_people_tab_does_not_narrow_the_organizations(page):
    page.staff_filter.setCurrentIndex(page.staff_filter.findData("staff"))
    assert page.current_filter().staff is True
    assert page._filter_for(page.organizations) == replace(page.current_filter(), staff=None, organization_id=None)
