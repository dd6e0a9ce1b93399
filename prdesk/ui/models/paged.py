"""A table model that holds only the rows a view has scrolled to, fetched from the store a page at a time."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

#: Rows fetched per trip to the database; a screenful is about 30, so one page fills several.
PAGE_SIZE = 200

_INDEX = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows come a page at a time as the view scrolls (``canFetchMore``/``fetchMore``).

    A subclass says how many rows match (``_count_matching``) and fetches a slice of them
    (``_fetch``); it adds ``columnCount``, ``data`` and ``headerData``.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._total = 0

    def _count_matching(self) -> int:
        raise NotImplementedError

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def _fetch_next(self, limit: int) -> list[Any]:
        """The ``limit`` rows after those loaded; a subclass that can seek by key does that instead."""
        return self._fetch(len(self._rows), limit)

    def reload(self, *, keep_loaded: bool = True) -> None:
        """Ask the store again; with ``keep_loaded`` as many rows as were loaded (the scroll position survives)."""
        wanted = PAGE_SIZE
        if keep_loaded and self._rows:
            wanted = max(PAGE_SIZE, math.ceil(len(self._rows) / PAGE_SIZE) * PAGE_SIZE)
        self.beginResetModel()
        self._total = self._count_matching()
        self._rows = self._fetch(0, min(wanted, self._total))
        if len(self._rows) < min(wanted, self._total):
            self._total = len(self._rows)  # a row went away between the count and the query
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many rows match the filter (loaded or not)."""
        return self._total

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: _INDEX = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _INDEX = QModelIndex()) -> None:
        if parent.isValid() or len(self._rows) >= self._total:
            return
        rows = self._fetch_next(min(PAGE_SIZE, self._total - len(self._rows)))
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
