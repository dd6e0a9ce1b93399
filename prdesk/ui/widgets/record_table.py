"""The table every list of records (contacts, the letter register) is shown in."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def record_table(
    model: QAbstractItemModel,
    name: str,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
) -> QTableView:
    """A read-only view of ``model`` named ``name``: whole rows selected, alternating colours, rows of one height."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    view.verticalHeader().hide()
    # Every row the same height: the view never measures 100,000 rows.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    # The header gets a selection of its own, always empty: given the view's, it asks for every
    # selected row of each column it paints (10,000 selected rows cost a second), only to draw
    # the selected-section look it does not show. Sorting, not selecting, is what a click does.
    header.setSelectionModel(QItemSelectionModel(model, header))
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
    return view


def fit_columns(view: QTableView, widths: dict[int, int], fixed: Collection[int] = ()) -> None:
    """Give the columns their ``widths``, narrowing the wide text columns in proportion until every
    shown column fits the view's width.

    Columns in ``fixed`` (phone numbers, a tick) keep their width, so digits are never cut; no
    column becomes narrower than its header text; text that still does not fit is elided. The last
    shown column stretches over what is left.
    """
    header = view.horizontalHeader()
    available = view.viewport().width()
    shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    if available <= 0 or not shown:
        return
    last = shown[-1]
    floor = {i: header.sectionSizeFromContents(i).width() + 4 for i in shown}
    wanted = {i: max(widths.get(i, header.sectionSize(i)), floor[i]) for i in shown}
    for i in fixed:
        if i in wanted and i != last and header.sectionSize(i) != wanted[i]:
            header.resizeSection(i, wanted[i])
    excess = sum(wanted.values()) - available
    flexible = [i for i in shown if i not in fixed and i != last]
    room = {i: max(0, wanted[i] - floor[i]) for i in flexible}
    share = min(1.0, excess / sum(room.values())) if excess > 0 and sum(room.values()) else 0.0
    for i in flexible:
        header.resizeSection(i, wanted[i] - int(room[i] * share + 0.999))


class _ColumnFitter(QObject):
    """Fits the columns each time the view changes width, until the clerk drags a column border."""

    def __init__(self, view: QTableView, fixed: Collection[int]):
        super().__init__(view)
        header = view.horizontalHeader()
        self.view, self.fixed = view, tuple(fixed)
        self.widths = {i: header.sectionSize(i) for i in range(header.count())}
        self.fitting = False
        view.viewport().installEventFilter(self)
        header.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and watched is self.view.horizontalHeader().viewport():
            self.stop()  # the clerk sizes the columns from now on
        elif kind == QEvent.Type.Resize and watched is self.view.viewport():
            self.fitting = True
            try:
                fit_columns(self.view, self.widths, self.fixed)
            finally:
                self.fitting = False
        return False

    def _resized(self, *_args) -> None:
        # A width set by anything but this fitter (the clerk's keyboard, a restored layout) is kept.
        if not self.fitting:
            self.stop()

    def stop(self) -> None:
        self.view.viewport().removeEventFilter(self)
        self.view.horizontalHeader().viewport().removeEventFilter(self)
        try:
            self.view.horizontalHeader().sectionResized.disconnect(self._resized)
        except (RuntimeError, TypeError):
            pass  # already stopped


def fit_columns_when_shown(view: QTableView, fixed: Collection[int] = ()) -> None:
    """Fit the view's columns (as set now) to its width whenever it is resized, until the clerk sizes them."""
    _ColumnFitter(view, fixed)
