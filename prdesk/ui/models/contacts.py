"""Qt models of the contacts page: organizations and people fetched page by page, sorted in SQL."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from sqlite_utils import Database

from prdesk.core.contacts import ORGANIZATION_COLUMNS, PERSON_COLUMNS, Column, ContactFilter
from prdesk.core.text import to_persian_digits
from prdesk.store import contacts as store
from prdesk.ui import i18n
from prdesk.ui.models.paged import PAGE_SIZE, PagedTableModel

_ALIGN = {
    "start": Qt.AlignmentFlag.AlignLeading,
    "end": Qt.AlignmentFlag.AlignTrailing,
    "center": Qt.AlignmentFlag.AlignHCenter,
}
# Long free text gets its whole value as a tooltip: the column is usually narrower than it.
_TOOLTIP_KEYS = frozenset({"name", "organization", "address", "notes", "tags", "position", "phones", "full_name"})
_INDEX = QModelIndex | QPersistentModelIndex


def column_header(column: Column) -> str:
    """A column's heading in the window's language (the core defines it once, in both)."""
    return column.header if i18n.current_language() == "en" else column.persian


class ContactTableModel(PagedTableModel):
    """One kind of contact as a table: rows come from the store a page at a time.

    Only the rows a view has scrolled to are in memory, so 100,000 people open at once. Sorting
    and filtering happen in SQL; the model keeps the ids in order and, by id, a tuple of each
    column's value. Pages are read after the key of the last row (never by OFFSET), so each
    costs the same wherever it is. A reload of more than a page re-reads only ids and keys; the
    values of a block of rows are read by id when the view first asks for one of them.
    """

    #: A heading without a sort order in the store was clicked.
    unsortable = Signal(int)

    columns: tuple[Column, ...] = ()
    table = ""

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.filter = ContactFilter()
        self.order_by: str | None = None
        self.descending = False
        self.sort_column = -1
        self._rows: list[int] = []  # the ids, in order
        self._values: dict[int, tuple] = {}  # id → the value of each column, for the rows read so far
        self._keys = [c.key for c in self.columns]
        self._missing = (None,) * len(self._keys)  # a row deleted since the ids were read
        self._started = False
        self._last_key: tuple | None = None
        # id → row of the rows loaded, extended as rows arrive, dropped on every reset.
        self._row_by_id: dict[int, int] = {}

    # --- what subclasses ask the store -------------------------------------------------

    def _query(self, limit: int, after: tuple | None) -> list[dict]:
        """``limit`` rows in the model's order after the row whose key is ``after`` (None: from the top), keyed."""
        raise NotImplementedError

    def _query_keys(self, limit: int, after: tuple | None) -> tuple[list[int], tuple | None]:
        """As ``_query``, only the ids, and the key of the last row."""
        raise NotImplementedError

    def _query_ids(self, ids: tuple[int, ...]) -> list[dict]:
        """The rows of ``ids``, in any order."""
        raise NotImplementedError

    def _count(self, f: ContactFilter) -> int:
        raise NotImplementedError

    # --- loading -------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int) -> list[int]:
        # Only a reload reads from a position, and it reads from the top (offset 0); what was
        # read before may have changed.
        self._last_key = None
        self._values = {}
        return self._fetch_next(limit)

    def _fetch_next(self, limit: int) -> list[int]:
        # By key, not OFFSET: the batch near row 99,800 costs what the first one does.
        if limit <= 0:
            return []
        if limit > PAGE_SIZE:  # a reload keeping many rows: their values are read when shown
            ids, last_key = self._query_keys(limit, self._last_key)
            if ids:
                self._last_key = last_key
            return ids
        found = self._query(limit, self._last_key)
        if found:
            self._last_key = found[-1]["_key"]
        self._remember(found)
        return [row["id"] for row in found]

    def _remember(self, found: list[dict]) -> None:
        keys = self._keys
        for row in found:
            self._values[row["id"]] = tuple([row.get(k) for k in keys])

    def _row_values(self, row: int) -> tuple:
        contact_id = self._rows[row]
        values = self._values.get(contact_id)
        if values is None:
            first = row - row % PAGE_SIZE
            block = tuple(i for i in self._rows[first:first + PAGE_SIZE] if i not in self._values)
            self._remember(self._query_ids(block))
            for missing in block:
                self._values.setdefault(missing, self._missing)
            values = self._values[contact_id]
        return values

    def _count_matching(self) -> int:
        return self._count(self.filter)

    def reload(self, *, keep_loaded: bool = True) -> None:
        self._started = True
        self._row_by_id = {}
        super().reload(keep_loaded=keep_loaded)

    def set_filter(self, f: ContactFilter) -> None:
        """Show only the contacts matching ``f``, from the top."""
        self.filter = f
        self.reload(keep_loaded=False)

    def set_text(self, text: str) -> None:
        """Search for ``text`` (names, organization, position, city, phone numbers)."""
        self.set_filter(replace(self.filter, text=text))

    def total_without_filter(self) -> int:
        """How many contacts of this kind there are in all."""
        return self._count(ContactFilter())

    # --- Qt model interface -------------------------------------------------------------

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self.columns)):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, self._row_values(index.row())[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(column.align, Qt.AlignmentFlag.AlignLeading) | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column.key in _TOOLTIP_KEYS:
            text = self._text(column, self._row_values(index.row())[index.column()])
            return text if len(text) > 24 else None
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()]
        return None

    @staticmethod
    def _text(column: Column, value) -> str:
        text = column.display(value)
        # Digits inside Persian text («… شماره 2») are shown Persian too; e-mail and web addresses keep theirs.
        return text if column.ltr else to_persian_digits(text)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column_header(column)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGN.get(column.align, Qt.AlignmentFlag.AlignLeading) | Qt.AlignmentFlag.AlignVCenter
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return to_persian_digits(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by ``column``; -1 means the natural order (best match first while searching)."""
        if column >= len(self.columns):
            return
        if column >= 0 and not self.columns[column].sort:
            self.unsortable.emit(column)
            return
        order_by = self.columns[column].sort if column >= 0 else None
        descending = order == Qt.SortOrder.DescendingOrder and column >= 0
        if (order_by, descending) == (self.order_by, self.descending) and self.sort_column == column:
            return
        self.order_by, self.descending, self.sort_column = order_by, descending, column
        if self._started:  # before the first load the order is only remembered
            self.reload(keep_loaded=False)

    # --- rows for the page ----------------------------------------------------------------

    def row_id(self, row: int) -> int | None:
        """The database id of the contact on ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def value(self, row: int, key: str):
        """The stored value of column ``key`` on ``row`` (ASCII digits, ISO dates)."""
        return self._row_values(row)[self._keys.index(key)]

    def row_of(self, contact_id: int) -> int:
        """The row showing ``contact_id`` among those loaded, or -1."""
        return self._rows_by_id().get(contact_id, -1)

    def rows_of(self, contact_ids: list[int]) -> list[int]:
        """The rows showing ``contact_ids`` among those loaded, in order; the ids not loaded left out."""
        index = self._rows_by_id()
        return [row for row in map(index.get, contact_ids) if row is not None]

    def ids_of(self, rows: list[int]) -> list[int]:
        """The ids on ``rows`` (rows that exist)."""
        ids, count = self._rows, len(self._rows)
        return [ids[row] for row in rows if 0 <= row < count]

    def _rows_by_id(self) -> dict[int, int]:
        index = self._row_by_id
        if len(index) < len(self._rows):  # rows only ever arrive at the end until the next reset
            index.update(zip(self._rows[len(index):], range(len(index), len(self._rows))))
        return index

    def column_of(self, key: str) -> int:
        """The column index of ``key``."""
        return self._keys.index(key)


class PeopleModel(ContactTableModel):
    """People, with their organization's name and city."""

    columns = PERSON_COLUMNS
    table = "people"

    def _query(self, limit: int, after: tuple | None) -> list[dict]:
        return store.query_people(self.db, self.filter, self.order_by, limit, descending=self.descending,
                                  after=after, keyed=True)

    def _query_keys(self, limit: int, after: tuple | None) -> tuple[list[int], tuple | None]:
        return store.people_in_order(self.db, self.filter, self.order_by, limit, descending=self.descending, after=after)

    def _query_ids(self, ids: tuple[int, ...]) -> list[dict]:
        return store.query_people(self.db, ContactFilter(ids=ids), None, None)

    def _count(self, f: ContactFilter) -> int:
        return store.count_people(self.db, f)


class OrganizationsModel(ContactTableModel):
    """Organizations, with their phone numbers and how many people work there."""

    columns = ORGANIZATION_COLUMNS
    table = "organizations"

    def _query(self, limit: int, after: tuple | None) -> list[dict]:
        return store.query_organizations(self.db, self.filter, self.order_by, limit, descending=self.descending,
                                         after=after, keyed=True)

    def _query_keys(self, limit: int, after: tuple | None) -> tuple[list[int], tuple | None]:
        return store.organizations_in_order(self.db, self.filter, self.order_by, limit, descending=self.descending,
                                       after=after)

    def _query_ids(self, ids: tuple[int, ...]) -> list[dict]:
        return store.query_organizations(self.db, ContactFilter(ids=ids), None, None)

    def _count(self, f: ContactFilter) -> int:
        # A person-only condition means nothing for organizations.
        return store.count_organizations(self.db, replace(f, staff=None))


class OrganizationChoices(QAbstractListModel):
    """The few organizations matching what was typed, for a completer: never the whole table."""

    LIMIT = 20

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self._rows: list[tuple[int, str, str]] = []

    def search(self, text: str) -> None:
        """Replace the choices by the best matches of ``text`` (the first by name when empty)."""
        f = ContactFilter(text=text)
        order = "relevance" if text.strip() else "name"
        rows = store.query_organizations(self.db, f, order, self.LIMIT)
        self.beginResetModel()
        self._rows = [(r["id"], r["name"], r["city"]) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        org_id, name, city = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name} — {city}" if city else name
        if role == Qt.ItemDataRole.EditRole:
            return name
        if role == Qt.ItemDataRole.UserRole:
            return org_id
        return None

    def choice(self, row: int) -> tuple[int, str, str] | None:
        """(id, name, city) of ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None
