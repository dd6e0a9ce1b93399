"""The contacts table models: lazy pages, SQL sorting, Persian digits, Qt's model rules."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt

from prdesk.core.contacts import ContactFilter
from prdesk.store import contacts as store
from prdesk.store.db import open_database
from prdesk.ui import i18n
from prdesk.ui.models.contacts import PAGE_SIZE, OrganizationChoices, OrganizationsModel, PeopleModel
from tests.ui.contacts_support import copy_database, office_template, small_template  # noqa: F401

ASCII_DIGIT = re.compile(r"[0-9]")


@pytest.fixture
def office_db(office_template, tmp_path):
    path = tmp_path / "office.sqlite3"
    copy_database(office_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def small_db(small_template, tmp_path):
    path = tmp_path / "small.sqlite3"
    copy_database(small_template, path)
    database = open_database(path)
    yield database
    database.close()


def test_people_arrive_a_page_at_a_time(office_db, qapp):
    model = PeopleModel(office_db)
    model.reload()
    assert model.total == 10_000
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10_000
    ids = [model.row_id(row) for row in range(model.rowCount())]
    assert len(set(ids)) == 10_000  # no row twice across the pages


def test_rows_come_in_the_stores_order_and_sorting_happens_in_sql(office_db, qapp):
    model = PeopleModel(office_db)
    model.reload()
    first_page = [p["id"] for p in store.query_people(office_db, ContactFilter(), None, PAGE_SIZE)]
    assert [model.row_id(r) for r in range(PAGE_SIZE)] == first_page

    mobile = model.column_of("mobile")
    model.sort(mobile, Qt.SortOrder.DescendingOrder)
    expected = [p["id"] for p in store.query_people(office_db, ContactFilter(), "mobile", PAGE_SIZE, descending=True)]
    assert [model.row_id(r) for r in range(PAGE_SIZE)] == expected
    assert model.rowCount() == PAGE_SIZE  # sorted again from the top, not all loaded


def test_a_column_without_a_store_order_does_not_sort(small_db, qapp, qtbot):
    model = OrganizationsModel(small_db)
    model.reload()
    before = [model.row_id(r) for r in range(model.rowCount())]
    with qtbot.wait_signal(model.unsortable) as blocker:
        model.sort(model.column_of("phones"))
    assert blocker.args == [model.column_of("phones")]
    assert [model.row_id(r) for r in range(model.rowCount())] == before


def test_numbers_and_dates_are_shown_with_persian_digits(small_db, qapp):
    model = PeopleModel(small_db)
    model.set_filter(ContactFilter(staff=True))
    assert model.total > 0
    for row in range(model.rowCount()):
        for key in ("mobile", "phone", "birthday"):
            text = model.index(row, model.column_of(key)).data()
            assert not ASCII_DIGIT.search(text), text
    organizations = OrganizationsModel(small_db)
    organizations.reload()
    for row in range(organizations.rowCount()):
        for key in ("phones", "people_count", "registration_no"):
            assert not ASCII_DIGIT.search(organizations.index(row, organizations.column_of(key)).data())
    phones = organizations.index(0, organizations.column_of("phones"))
    assert phones.data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_headers_come_from_the_core_column_definitions_in_the_windows_language(small_db, qapp):
    model = PeopleModel(small_db)
    i18n.apply_language(qapp, "en")
    try:
        assert model.headerData(model.column_of("mobile"), Qt.Orientation.Horizontal) == "Mobile"
    finally:
        i18n.apply_language(qapp, "fa")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "نام کامل"
    assert model.headerData(model.column_of("mobile"), Qt.Orientation.Horizontal) == "همراه"


def test_filter_and_search_are_the_stores(small_db, qapp):
    model = PeopleModel(small_db)
    model.reload()
    model.set_text("اصفهان")
    assert model.total == store.count_people(small_db, ContactFilter(text="اصفهان")) > 0
    model.set_filter(ContactFilter(staff=True))
    assert model.total == store.count_people(small_db, ContactFilter(staff=True)) > 0
    assert model.total_without_filter() == 300


@pytest.mark.parametrize("model_class", [PeopleModel, OrganizationsModel])
def test_models_pass_qts_model_tests(small_db, qtmodeltester, model_class):
    model = model_class(small_db)
    model.reload()
    qtmodeltester.check(model, force_py=True)


def test_an_empty_database_passes_qts_model_tests(tmp_path, qtmodeltester):
    db = open_database(tmp_path / "empty.sqlite3")
    try:
        for model_class in (PeopleModel, OrganizationsModel):
            model = model_class(db)
            model.reload()
            assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
            qtmodeltester.check(model, force_py=True)
    finally:
        db.close()


def test_organization_choices_hold_a_handful_not_the_table(office_db, qtmodeltester):
    choices = OrganizationChoices(office_db)
    choices.search("")
    assert choices.rowCount() == OrganizationChoices.LIMIT
    choices.search("كاشان")  # Arabic kaf, as an Arabic keyboard types it
    assert 0 < choices.rowCount() <= OrganizationChoices.LIMIT
    for row in range(choices.rowCount()):
        org_id = choices.index(row).data(Qt.ItemDataRole.UserRole)
        assert "کاشان" in store.get_organization(office_db, org_id)["city"] + choices.index(row).data()
    qtmodeltester.check(choices, force_py=True)


def test_digits_inside_persian_text_are_shown_persian_but_addresses_keep_theirs(small_db, qapp):
    org = store.add_organization(small_db, {"name": "تعاونی مسکن شماره 12", "website": "www.maskan12.ir"}).id
    model = OrganizationsModel(small_db)
    model.set_filter(ContactFilter(ids=(org,)))
    assert model.index(0, model.column_of("name")).data() == "تعاونی مسکن شماره ۱۲"
    assert model.index(0, model.column_of("website")).data() == "www.maskan12.ir"
