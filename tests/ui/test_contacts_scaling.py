"""The contacts page at scale: a batch near the end costs what the first one does; a reload keeps a large selection in one call."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex

from prdesk.core.contacts import ContactFilter
from prdesk.store import contacts as store
from prdesk.ui.models.contacts import PAGE_SIZE, OrganizationsModel, PeopleModel
from prdesk.ui.pages.contacts import PEOPLE_TAB
from prdesk.store.db import open_database
from tests.ui.contacts_support import copy_database, office_template, show_page, small_template  # noqa: F401


@pytest.fixture
def db_path(tmp_path, office_template):
    """The window's database: a copy of the office demo (10,000 people)."""
    path = tmp_path / "office.sqlite3"
    copy_database(office_template, path)
    return path


class SQLiteWork:
    """What one call costs SQLite: statements run and virtual-machine steps (rows read, compared, skipped)."""

    STEP = 100

    def __init__(self, db):
        self.conn = db.conn
        self.statements = 0
        self.steps = 0

    def _trace(self, _sql: str) -> None:
        self.statements += 1

    def _progress(self) -> int:
        self.steps += 1
        return 0

    def measure(self, call) -> tuple[int, int]:
        self.statements = self.steps = 0
        self.conn.set_trace_callback(self._trace)
        self.conn.set_progress_handler(self._progress, self.STEP)
        try:
            call()
        finally:
            self.conn.set_trace_callback(None)
            self.conn.set_progress_handler(None, self.STEP)
        return self.statements, self.steps


def fetch_until(model, rows: int) -> None:
    while model.rowCount() < rows and model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


@pytest.mark.parametrize(("order", "descending"), [(None, False), ("name", True), ("created", False)])
def test_a_batch_near_the_end_costs_sqlite_what_the_first_costs(db, qapp, order, descending):
    model = PeopleModel(db)
    model.order_by, model.descending = order, descending
    model.reload()
    work = SQLiteWork(db)
    first = work.measure(lambda: model.fetchMore(QModelIndex()))
    fetch_until(model, model.total - 2 * PAGE_SIZE)
    near_end = work.measure(lambda: model.fetchMore(QModelIndex()))
    assert model.rowCount() == model.total - PAGE_SIZE
    assert near_end[0] == first[0]  # statements
    # Skipping 9,600 rows by OFFSET costs about 50 times the first batch; by key the same.
    assert near_end[1] <= first[1] * 1.3 + 5, (first, near_end)


def test_organizations_by_people_count_seek_by_key_too(db, qapp):
    model = OrganizationsModel(db)
    model.order_by, model.descending = "people_count", True
    model.reload()
    fetch_until(model, model.total)
    ids = [model.row_id(row) for row in range(model.rowCount())]
    expected = [r["id"] for r in store.query_organizations(db, ContactFilter(), "people_count", None, descending=True)]
    assert ids == expected


@pytest.fixture
def small_db(small_template, tmp_path):
    path = tmp_path / "small.sqlite3"
    copy_database(small_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.mark.parametrize("order", store.PEOPLE_ORDERS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_by_key_are_the_whole_list_in_order_without_a_row_twice(small_db, order, descending):
    db = small_db
    f = ContactFilter(text="رضا") if order == "relevance" else ContactFilter()
    expected = [r["id"] for r in store.query_people(db, f, order, None, descending=descending)]
    assert len(expected) > 20
    got, after = [], None
    while len(got) < len(expected):
        rows = store.query_people(db, f, order, 7, descending=descending, after=after, keyed=True)
        assert rows
        got += [r["id"] for r in rows]
        after = rows[-1]["_key"]
    assert got == expected
    assert store.query_people(db, f, order, 7, descending=descending, after=after) == []


@pytest.mark.parametrize("order", store.ORGANIZATION_ORDERS)
def test_organization_pages_by_key_are_the_whole_list_in_order(small_db, order):
    f = ContactFilter(text="تعاونی") if order == "relevance" else ContactFilter()
    expected = [r["id"] for r in store.query_organizations(small_db, f, order, None, descending=True)]
    got, after = [], None
    while len(got) < len(expected):
        rows = store.query_organizations(small_db, f, order, 6, descending=True, after=after, keyed=True)
        assert rows
        got += [r["id"] for r in rows]
        after = rows[-1]["_key"]
    assert got == expected


def select_rows(view, runs: list[tuple[int, int]]) -> None:
    model = view.model()
    wanted = QItemSelection()
    for first, last in runs:
        wanted.select(model.index(first, 0), model.index(last, model.columnCount() - 1))
    view.selectionModel().select(wanted, QItemSelectionModel.SelectionFlag.ClearAndSelect)


@pytest.mark.parametrize("selected", [100, 3000])
def test_a_reload_keeps_the_selection_with_one_select_call_however_many_rows(window, qtbot, monkeypatch, selected):
    page = show_page(window, qtbot)
    page.tabs.setCurrentIndex(PEOPLE_TAB)
    view, model = page.people_view, page.people
    fetch_until(model, selected + 2 * PAGE_SIZE)
    runs = [(10, 10 + selected - 4), (selected + 50, selected + 50), (selected + 60, selected + 61)]
    select_rows(view, runs)
    view.selectionModel().setCurrentIndex(model.index(12, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    before = page.selected_ids(view)
    assert len(before) == selected

    calls = []
    original = QItemSelectionModel.select
    monkeypatch.setattr(QItemSelectionModel, "select", lambda self, *args: (calls.append(args), original(self, *args))[1])
    window.bus.announce("contacts")  # what saving a person does
    qtbot.waitUntil(lambda: page.selected_ids(view) == before)

    assert len(calls) <= 2  # the organizations tab's (empty) and this one's, not one per row
    assert page.current_id(view) == model.row_id(12)
    assert len(view.selectionModel().selection()) == len(runs)  # kept as ranges, not one per row


def test_a_reload_of_many_rows_reads_ids_and_then_the_values_of_the_rows_asked_for(db, qapp):
    model = PeopleModel(db)
    model.reload()
    fetch_until(model, 1000)
    person = model.row_id(950)
    store.update_person(db, person, {"position": "مدیر روابط عمومی"})
    work = SQLiteWork(db)
    work.measure(model.reload)
    assert model.rowCount() == 1000 and model.row_id(950) == person
    reload_statements = work.statements
    position = model.index(950, model.column_of("position"))
    assert model.data(position) == "مدیر روابط عمومی"  # read now, not kept from before the change
    assert work.measure(lambda: model.data(model.index(951, 0)))[0] == 0  # its block came with it
    assert reload_statements <= 3  # the count and the ids in order: no statement per page or row


@pytest.mark.parametrize("order", store.ORGANIZATION_ORDERS)
@pytest.mark.parametrize("descending", [False, True])
def test_organization_ids_in_order_are_the_list_by_key(small_db, order, descending):
    f = ContactFilter(text="تعاونی") if order == "relevance" else ContactFilter()
    expected = [r["id"] for r in store.query_organizations(small_db, f, order, None, descending=descending)]
    got, after = [], None
    while len(got) < len(expected):
        ids, after = store.organizations_in_order(small_db, f, order, 7, descending=descending, after=after)
        got += ids
    assert got == expected


@pytest.mark.parametrize("order", ["name", "organization", "birthday", "staff", "relevance"])
def test_people_ids_in_order_are_the_list_by_key(small_db, order):
    f = ContactFilter(text="رضا") if order == "relevance" else ContactFilter()
    expected = [r["id"] for r in store.query_people(small_db, f, order, None, descending=True)]
    got, after = [], None
    while len(got) < len(expected):
        ids, after = store.people_in_order(small_db, f, order, 7, descending=True, after=after)
        got += ids
    assert got == expected
