"""The organization, person, duplicate and merge dialogs, driven the way a clerk types and clicks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from prdesk.core.contacts import ContactFilter
from prdesk.store import contacts as store
from prdesk.ui.dialogs import duplicates_dialog
from prdesk.ui.dialogs.duplicates_dialog import DuplicatesDialog
from prdesk.ui.dialogs.person_dialog import PersonDialog
from prdesk.ui.pages.contacts import ORGANIZATIONS_TAB, PEOPLE_TAB
from tests.ui.contacts_support import (  # noqa: F401
    click,
    copy_database,
    search,
    show_page,
    shown_texts,
    small_template,
    wait_dialog,
)
from tests.ui.helpers import retype, type_text


@pytest.fixture
def db_path(tmp_path, small_template):
    path = tmp_path / "office.sqlite3"
    copy_database(small_template, path)
    return path


@pytest.fixture
def page(window, qtbot):
    yield show_page(window, qtbot)
    # A form left open by a failed step must not outlive the test's database.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture
def kashan(db):
    """An organization in Kashan the person dialogs link to."""
    return store.add_organization(db, {
        "name": "اتحادیه تعاونی‌های فرش دستباف کاشان", "city": "کاشان", "kind": "اتحادیه",
        "phones": [{"label": "دفتر", "number": "03155440011"}],
    }).id


def counts(db):
    return store.count_organizations(db), store.count_people(db)


def choose_organization(qtbot, picker, typed: str) -> None:
    """Type part of an organization's name and click the first choice of the popup."""
    type_text(picker, typed)
    popup = picker.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: picker.organization_id is not None)


# --- adding ------------------------------------------------------------------------------------


def test_add_an_organization_by_typing(page, qtbot, db):
    click(qtbot, page.new_organization_button)
    dialog = wait_dialog(qtbot, page.dialog)
    type_text(dialog.name, "اتحادیه تعاونی‌های مرغداران نطنز")
    type_text(dialog.kind.lineEdit(), "اتحادیه")
    type_text(dialog.activity.lineEdit(), "کشاورزی")
    dialog.province.setCurrentIndex(dialog.province.findText("اصفهان"))
    type_text(dialog.city.lineEdit(), "نطنز")
    type_text(dialog.address, "نطنز، بلوار امام، پلاک ۱۲")
    type_text(dialog.postal_code, "۸۷۷۱۳-۱۲۳۴۵")
    type_text(dialog.phones.label_boxes()[0].lineEdit(), "دفتر")
    type_text(dialog.phones.number_edits()[0], "۰۳۱ ۵۴۲۲ ۱۱۲۲")
    click(qtbot, dialog.phones.add_button)
    type_text(dialog.phones.label_boxes()[1].lineEdit(), "مدیرعامل")
    type_text(dialog.phones.number_edits()[1], "031-54223344")
    type_text(dialog.email, "info@Morghdaran.IR")
    type_text(dialog.tags, "خبرنامه، تعاونی برتر")
    click(qtbot, dialog.save_button)

    assert not dialog.isVisible()
    found = store.query_organizations(db, ContactFilter(text="مرغداران نطنز"))
    assert len(found) == 1
    org = store.get_organization(db, found[0]["id"])
    assert (org["kind"], org["activity"], org["province"], org["city"]) == ("اتحادیه", "کشاورزی", "اصفهان", "نطنز")
    assert org["postal_code"] == "8771312345"
    assert org["phones"] == [{"label": "دفتر", "number": "03154221122"}, {"label": "مدیرعامل", "number": "03154223344"}]
    assert org["email"] == "info@morghdaran.ir"
    assert org["tags"] == ["تعاونی برتر", "خبرنامه"]
    assert page.organizations.total == 51
    assert page.current_id(page.organizations_view) == org["id"]  # the new record is selected
    row = page.organizations.row_of(org["id"])
    shown = page.organizations.index(row, page.organizations.column_of("phones")).data()
    assert shown == "۰۳۱۵۴۲۲۱۱۲۲، ۰۳۱۵۴۲۲۳۳۴۴"


def test_add_a_person_choosing_the_organization_by_typing(page, qtbot, db, kashan):
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    click(qtbot, page.new_person_button)
    dialog = wait_dialog(qtbot, page.dialog)
    dialog.honorific.setCurrentIndex(dialog.honorific.findData("خانم"))
    type_text(dialog.title_box.lineEdit(), "دکتر")
    type_text(dialog.first_name, "مهسا")
    type_text(dialog.last_name, "نیک‌نام")
    type_text(dialog.position.lineEdit(), "مدیرعامل")
    choose_organization(qtbot, dialog.organization, "فرش كاشان")  # Arabic kaf
    assert dialog.organization.organization_id == kashan
    type_text(dialog.mobile, "۰۹۱۳ ۱۲۳ ۴۵۶۷")
    type_text(dialog.birthday.edit, "۱۳۶۲/۰۵/۱۲")
    dialog.is_staff.setChecked(True)
    type_text(dialog.tags, "پیامک تبریک نوروز")
    click(qtbot, dialog.save_button)

    assert not dialog.isVisible()
    (found,) = store.query_people(db, ContactFilter(text="مهسا نیک‌نام"))
    person = store.get_person(db, found["id"])
    assert person["full_name"] == "خانم دکتر مهسا نیک‌نام"
    assert person["gender"] == "female"  # from the honorific
    assert person["organization_id"] == kashan and person["position"] == "مدیرعامل"
    assert person["mobile"] == "09131234567"
    assert person["birthday"] == "1983-08-03"
    assert person["is_staff"] and person["tags"] == ["پیامک تبریک نوروز"]
    search(qtbot, page, "مهسا نیک نام")
    assert shown_texts(page.people_view, "mobile") == ["۰۹۱۳۱۲۳۴۵۶۷"]
    assert shown_texts(page.people_view, "organization") == ["اتحادیه تعاونی‌های فرش دستباف کاشان"]


def test_a_new_person_from_an_organizations_menu_starts_linked_to_it(kashan, page, qtbot, db):
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.select_record("organizations", kashan)
    actions = {a.text(): a for a in page.row_actions(page.organizations_view) if a is not None}
    actions[page.tr("Add a person here…")].trigger()
    dialog = wait_dialog(qtbot, page.dialog)
    assert isinstance(dialog, PersonDialog)
    assert dialog.organization.organization_id == kashan
    assert dialog.organization.text() == "اتحادیه تعاونی‌های فرش دستباف کاشان"
    dialog.reject()


# --- refusing bad input ----------------------------------------------------------------------

ORGANIZATION_MISTAKES = [
    ("name", "", "نام سازمان"),
    ("postal_code", "۱۲۳۴۵", "ده رقم"),
    ("phones", "۳۲۲۲۴۴۵۵", "پیش‌شماره"),
    ("fax", "۱۲۳", "تلفن ثابت"),
    ("email", "info@", "ایمیل"),
]


@pytest.mark.parametrize(("field", "typed", "message"), ORGANIZATION_MISTAKES, ids=[m[0] for m in ORGANIZATION_MISTAKES])
def test_a_bad_organization_field_is_named_and_nothing_is_saved(page, qtbot, db, field, typed, message):
    before = counts(db)
    dialog = wait_dialog(qtbot, page.new_organization())
    if field != "name":
        type_text(dialog.name, "شرکت تعاونی آزمایشی یک")
    editor = dialog.phones.number_edits()[0] if field == "phones" else dialog.editors[field]
    type_text(editor, typed)
    click(qtbot, dialog.save_button)

    error = dialog.errors[field]
    assert not error.isHidden() and message in error.text()
    assert dialog.isVisible()
    assert counts(db) == before
    assert dialog.name.text() == ("" if field == "name" else "شرکت تعاونی آزمایشی یک")  # kept to be fixed


PERSON_MISTAKES = [
    ("last_name", "", "نام یا نام خانوادگی"),
    ("mobile", "۰۹۱۲۳۴", "شمارهٔ همراه"),
    ("mobile", "۰۲۱۸۸۷۷۶۶۵۵", "۰۹"),
    ("phone", "۳۲۲۲۴۴۵۵", "پیش‌شماره"),
    ("email", "ali.example.ir", "ایمیل"),
]


@pytest.mark.parametrize(("field", "typed", "message"), PERSON_MISTAKES, ids=[f"{m[0]}-{i}" for i, m in enumerate(PERSON_MISTAKES)])
def test_a_bad_person_field_is_named_and_nothing_is_saved(page, qtbot, db, field, typed, message):
    before = counts(db)
    dialog = wait_dialog(qtbot, page.new_person())
    if field != "last_name":
        type_text(dialog.last_name, "زرین‌کلک")
    type_text(dialog.editors[field], typed)
    click(qtbot, dialog.save_button)

    error = dialog.errors[field]
    assert not error.isHidden() and message in error.text()
    assert dialog.isVisible() and counts(db) == before
    assert dialog.focusWidget() is dialog.editors[field]
    if typed:
        type_text(dialog.editors[field], "۱")
        assert error.isHidden()  # the message goes once the clerk corrects the field


@pytest.mark.parametrize("typed", ["۱۴۰۰/۱۳/۰۱", "۱۳۹۹/۱۲/۳۱", "فردا"])
def test_a_birthday_that_is_no_real_jalali_day_is_refused(page, qtbot, db, typed):
    before = counts(db)
    dialog = wait_dialog(qtbot, page.new_person())
    type_text(dialog.last_name, "زرین‌کلک")
    type_text(dialog.birthday.edit, typed)  # 1399 was not a leap year: no 30 Esfand… no 31 either
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and counts(db) == before
    assert dialog.birthday.hint.objectName() == "fieldError" and dialog.birthday.hint.text()


def test_a_birthday_in_the_future_is_refused(page, qtbot, db):
    before = counts(db)
    dialog = wait_dialog(qtbot, page.new_person())
    type_text(dialog.last_name, "زرین‌کلک")
    dialog.birthday.set_date(dt.date.today() + dt.timedelta(days=3))
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and "هنوز نرسیده" in dialog.birthday.hint.text()
    assert counts(db) == before


def test_an_organization_typed_but_not_chosen_is_refused(page, qtbot, db):
    before = counts(db)
    dialog = wait_dialog(qtbot, page.new_person())
    type_text(dialog.last_name, "زرین‌کلک")
    type_text(dialog.organization, "سازمانی که نیست")
    click(qtbot, dialog.save_button)
    assert "سازمانی که نیست" in dialog.errors["organization_id"].text()
    assert counts(db) == before


def test_an_organization_typed_in_full_is_taken_without_the_popup(page, qtbot, db, kashan):
    dialog = wait_dialog(qtbot, page.new_person())
    type_text(dialog.last_name, "زرین‌کلک")
    type_text(dialog.organization, "اتحادیه تعاونی‌های فرش دستباف کاشان")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    (person,) = store.query_people(db, ContactFilter(text="زرین‌کلک"))
    assert person["organization_id"] == kashan


# --- keys ------------------------------------------------------------------------------------


def test_ctrl_s_saves_and_escape_closes_without_saving(page, qtbot, db):
    dialog = wait_dialog(qtbot, page.new_organization())
    type_text(dialog.name, "تعاونی مصرف فرهنگیان نائین")
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert store.count_organizations(db, ContactFilter(text="فرهنگیان نائین")) == 1

    dialog = wait_dialog(qtbot, page.new_organization())
    type_text(dialog.name, "تعاونی مسکن کارکنان بانک")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert store.count_organizations(db, ContactFilter(text="مسکن کارکنان بانک")) == 0


# --- duplicates ------------------------------------------------------------------------------


def test_a_likely_duplicate_is_shown_before_saving(page, qtbot, db, kashan, monkeypatch):
    answers = [(duplicates_dialog.CANCEL, None), (duplicates_dialog.SAVE, None)]
    shown = []

    def ask(parent, duplicates):
        shown.append(duplicates)
        return answers.pop(0)

    monkeypatch.setattr(duplicates_dialog, "ask", ask)
    before = counts(db)
    dialog = wait_dialog(qtbot, page.new_organization())
    type_text(dialog.name, "اتحادیه تعاونيهای فرش دستباف کاشان")  # Arabic yeh, no ZWNJ
    type_text(dialog.city.lineEdit(), "کاشان")
    click(qtbot, dialog.save_button)
    assert [d["id"] for d in shown[0]] == [kashan]
    assert "همین نام در همین شهر" in shown[0][0]["reasons"]
    assert dialog.isVisible() and counts(db) == before  # cancelled: back to the form

    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert counts(db) == (before[0] + 1, before[1])  # saved anyway


def test_the_clerk_can_open_the_existing_record_instead(page, qtbot, db, monkeypatch):
    existing = store.add_person(db, {"first_name": "کاوه", "last_name": "صدری", "mobile": "09121110022"}).id
    page.context.bus.announce("contacts")
    monkeypatch.setattr(duplicates_dialog, "ask", lambda parent, d: (duplicates_dialog.OPEN, d[0]["id"]))
    before = counts(db)
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    dialog = wait_dialog(qtbot, page.new_person())
    type_text(dialog.last_name, "صدری‌نژاد")
    type_text(dialog.mobile, "۰۹۱۲۱۱۱۰۰۲۲")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible() and counts(db) == before
    assert isinstance(page.dialog, PersonDialog) and page.dialog.record_id == existing
    assert page.dialog.mobile.text() == "۰۹۱۲۱۱۱۰۰۲۲"
    page.dialog.reject()


def test_the_duplicates_dialog_offers_open_save_and_back(qtbot):
    duplicates = [
        {"table": "people", "id": 7, "name": "آقای کاوه صدری", "city": "اصفهان", "reasons": ["شمارهٔ همراه مشترک 09121110022"]},
        {"table": "people", "id": 9, "name": "آقای کاوه صدری", "city": "", "reasons": ["همین نام"]},
    ]
    dialog = DuplicatesDialog(duplicates)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "۰۹۱۲۱۱۱۰۰۲۲" in dialog.list.item(0).text()  # Persian digits
    dialog.list.setCurrentRow(1)
    click(qtbot, dialog.open_button)
    assert (dialog.decision, dialog.chosen) == (duplicates_dialog.OPEN, 9)

    dialog = DuplicatesDialog(duplicates)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.save_button)
    assert dialog.decision == duplicates_dialog.SAVE

    dialog = DuplicatesDialog(duplicates)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.cancel_button)
    assert dialog.decision == duplicates_dialog.CANCEL and dialog.result() == 0


# --- editing ---------------------------------------------------------------------------------


def test_edit_a_person_and_record_a_move_in_the_history(page, qtbot, db, kashan):
    person = store.add_person(db, {
        "first_name": "بهرام", "last_name": "فرزانه", "position": "معاون", "organization_id": kashan,
        "mobile": "09135550000",
    }).id
    page.context.bus.announce("contacts")
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    dialog = wait_dialog(qtbot, page.open_record("people", person))
    assert dialog.mobile.text() == "۰۹۱۳۵۵۵۰۰۰۰"
    assert not dialog.moved.isEnabled()
    retype(dialog.mobile, "۰۹۱۳۵۵۵۰۰۰۱")
    click(qtbot, dialog.save_button)
    assert store.get_person(db, person)["mobile"] == "09135550001"
    assert store.position_history(db, person) == []

    dialog = wait_dialog(qtbot, page.open_record("people", person))
    dialog.position.lineEdit().selectAll()
    type_text(dialog.position.lineEdit(), "مدیرعامل")
    assert dialog.moved.isEnabled()
    dialog.moved.setChecked(True)
    retype(dialog.moved_on.edit, "۱۴۰۴/۰۱/۱۵")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    saved = store.get_person(db, person)
    assert saved["position"] == "مدیرعامل" and saved["position_since"] == "2025-04-04"
    (previous,) = saved["history"]
    assert previous["position"] == "معاون" and previous["to_date"] == "2025-04-04"

    dialog = wait_dialog(qtbot, page.open_record("people", person))
    item = dialog.history.topLevelItem(0)
    assert (item.text(0), item.text(1), item.text(3)) == ("معاون", "اتحادیه تعاونی‌های فرش دستباف کاشان", "۱۴۰۴/۰۱/۱۵")
    dialog.reject()


def test_correcting_a_position_keeps_no_history(page, qtbot, db, kashan):
    person = store.add_person(db, {"first_name": "نادر", "last_name": "آذری", "position": "مدیرعامل",
                                   "organization_id": kashan}).id
    dialog = wait_dialog(qtbot, page.open_record("people", person))
    dialog.position.lineEdit().selectAll()
    type_text(dialog.position.lineEdit(), "مدیر عامل")
    click(qtbot, dialog.save_button)
    assert store.get_person(db, person)["position"] == "مدیر عامل"
    assert store.position_history(db, person) == []


def test_edit_an_organizations_phones(page, qtbot, db, kashan):
    dialog = wait_dialog(qtbot, page.open_record("organizations", kashan))
    assert [e.text() for e in dialog.phones.number_edits()] == ["۰۳۱۵۵۴۴۰۰۱۱"]
    click(qtbot, dialog.phones.add_button)
    type_text(dialog.phones.number_edits()[1], "۰۳۱۵۵۴۴۰۰۲۲")
    type_text(dialog.phones.label_boxes()[1].lineEdit(), "روابط عمومی")
    click(qtbot, dialog.save_button)
    assert store.get_organization(db, kashan)["phones"][1] == {"label": "روابط عمومی", "number": "03155440022"}
    assert dialog.saved_id == kashan


# --- merging ---------------------------------------------------------------------------------


def test_merge_two_selected_people(page, qtbot, db):
    first = store.add_person(db, {"first_name": "رضا", "last_name": "کاظمی", "mobile": "09120001111", "tags": ["خیرین"]}).id
    second = store.add_person(db, {"first_name": "رضا", "last_name": "كاظمی", "email": "kazemi@example.ir",
                                   "tags": ["خبرنامه"]}).id
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    search(qtbot, page, "رضا کاظمی")
    assert page.people.total == 2
    page.people_view.selectAll()
    dialog = wait_dialog(qtbot, page.merge_selected())
    assert dialog.finder.isHidden()
    cells = [dialog.comparison.item(0, c).text() for c in range(3)]
    assert cells[1] in ("رضا کاظمی",) and cells[2] == "رضا کاظمی"
    dialog.keep_first.setChecked(True)
    keep, drop = dialog.keep_and_drop()
    click(qtbot, dialog.merge_button)

    assert not dialog.isVisible()
    assert store.count_people(db, ContactFilter(text="رضا کاظمی")) == 1
    merged = store.get_person(db, keep)
    assert merged["mobile"] == "09120001111" and merged["email"] == "kazemi@example.ir"
    assert sorted(merged["tags"]) == sorted(["خیرین", "خبرنامه"])
    assert {keep, drop} == {first, second}
    assert page.people.total == 1
    assert page.current_id(page.people_view) == keep


def test_merge_an_organization_with_one_found_by_typing(page, qtbot, db, kashan):
    other = store.add_organization(db, {"name": "اتحادیه فرش دستباف کاشان (قدیمی)", "city": "کاشان",
                                        "postal_code": "8715678901"}).id
    moved = store.add_person(db, {"first_name": "لیلا", "last_name": "صالحی", "organization_id": other}).id
    page.context.bus.announce("contacts")
    page.tabs.setCurrentIndex(ORGANIZATIONS_TAB)
    page.select_record("organizations", kashan)
    dialog = wait_dialog(qtbot, page.merge_selected())
    assert not dialog.finder.isHidden() and not dialog.merge_button.isEnabled()
    with qtbot.wait_signal(dialog.search.search_changed):
        type_text(dialog.search, "قدیمی")
    dialog.found.setCurrentRow(0)
    assert dialog.second["id"] == other and dialog.merge_button.isEnabled()
    assert dialog.comparison.item(7, 2).text() == "۸۷۱۵۶۷۸۹۰۱"
    click(qtbot, dialog.merge_button)

    assert store.count_organizations(db, ContactFilter(ids=(other,))) == 0
    kept = store.get_organization(db, kashan)
    assert kept["postal_code"] == "8715678901"
    assert store.get_person(db, moved)["organization_id"] == kashan
