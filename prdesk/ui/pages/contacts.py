"""The contacts page: the directory of unions, cooperatives, organizations and their people."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.contacts import PROVINCES, ContactFilter
from prdesk.core.text import to_persian_digits
from prdesk.store.contacts import (
    delete_organization,
    delete_person,
    list_cities,
    list_tags,
    lookup_values,
    organization_delete_impact,
)
from prdesk.ui.dialogs import messages
from prdesk.ui.dialogs.export_dialog import ExportDialog
from prdesk.ui.dialogs.import_dialog import ImportDialog
from prdesk.ui.dialogs.merge_dialog import MergeDialog
from prdesk.ui.dialogs.organization_dialog import OrganizationDialog
from prdesk.ui.dialogs.person_dialog import PersonDialog
from prdesk.ui.models.contacts import ContactTableModel, OrganizationsModel, PeopleModel, column_header
from prdesk.ui.pages.base import Page
from prdesk.ui.print_job import print_preview
from prdesk.ui.printing import safe_file_name
from prdesk.ui.widgets.record_table import fit_columns_when_shown, record_table
from prdesk.ui.widgets.search_box import SearchBox

ORGANIZATIONS_TAB, PEOPLE_TAB = 0, 1
SETTINGS_PREFIX = "contacts"


class DirectoryPrintDialog(QDialog):
    """What the printed directory holds: organizations grouped by kind or by city, with their people or not."""

    def __init__(self, organizations: int, people: int, *, filtered: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("directoryPrintDialog")
        self.setWindowTitle(self.tr("Print the directory"))
        box = QVBoxLayout(self)
        box.setContentsMargins(18, 16, 18, 14)
        box.setSpacing(8)
        p = to_persian_digits
        if filtered:
            what = self.tr("The {organizations} organizations that match the search and filters now are printed.")
        else:
            what = self.tr("All {organizations} organizations are printed.")
        self.what = QLabel(what.format(organizations=p(organizations)))
        self.what.setWordWrap(True)
        box.addWidget(self.what)
        box.addSpacing(4)
        box.addWidget(QLabel(self.tr("Group the organizations by:")))
        self.by_kind = QRadioButton(self.tr("Kind (union, cooperative, …)"))
        self.by_kind.setObjectName("groupByKind")
        self.by_city = QRadioButton(self.tr("City"))
        self.by_city.setObjectName("groupByCity")
        self.group = QButtonGroup(self)
        for button in (self.by_kind, self.by_city):
            self.group.addButton(button)
            box.addWidget(button)
        chosen = QSettings().value(f"{SETTINGS_PREFIX}/print_group_by", "kind")
        (self.by_city if chosen == "city" else self.by_kind).setChecked(True)
        self.people = QCheckBox(self.tr("Also list their people ({count})").format(count=p(people)))
        self.people.setObjectName("withPeople")
        self.people.setChecked(QSettings().value(f"{SETTINGS_PREFIX}/print_people", "0") == "1")
        box.addSpacing(4)
        box.addWidget(self.people)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("Preview and print"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("م") * 34)

    def group_by(self) -> str:
        """The grouping chosen: "kind" or "city"."""
        return "city" if self.by_city.isChecked() else "kind"

    def with_people(self) -> bool:
        """Whether the people are listed after the organizations."""
        return self.people.isChecked()

    def accept(self) -> None:
        QSettings().setValue(f"{SETTINGS_PREFIX}/print_group_by", self.group_by())
        QSettings().setValue(f"{SETTINGS_PREFIX}/print_people", "1" if self.people.isChecked() else "0")
        super().accept()


class ContactsPage(Page):
    """Organizations and people in two lazily filled tables, with search, filters and the record dialogs."""

    key = "contacts"
    areas = ("contacts",)

    def title(self) -> str:
        return self.tr("Contacts")

    # --- building --------------------------------------------------------------------------

    def build(self) -> None:
        self._loaded = False
        self._reload_on_show = True
        self.dialog = None  # the record dialog open now, for tests and for focus

        top = QHBoxLayout()
        top.setSpacing(8)
        self.search = SearchBox()
        self.search.setObjectName("contactsSearch")
        self.search.setPlaceholderText(self.tr("Search names, organizations, positions, cities or phone numbers (Ctrl+F)"))
        self.search.search_changed.connect(self.apply_filter)
        self.search.down_pressed.connect(lambda: self.current_view().setFocus())
        top.addWidget(self.search, 1)
        self.new_organization_button = QPushButton(self.tr("New organization"))
        self.new_organization_button.clicked.connect(lambda: self.new_organization())
        self.new_person_button = QPushButton(self.tr("New person"))
        self.new_person_button.clicked.connect(lambda: self.new_person())
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import contacts from an Excel or CSV file"))
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the contacts to Excel, CSV or vCard"))
        self.export_button.clicked.connect(self.open_export)
        self.print_button = QPushButton(self.tr("Print list…"))
        self.print_button.setObjectName("printDirectory")
        self.print_button.setToolTip(self.tr("Print the directory of the contacts listed now (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.open_print())
        self.message_button = QPushButton(self.tr("Message to this contact…"))
        self.message_button.setObjectName("messageContact")
        self.message_button.setToolTip(self.tr("Write a greeting or condolence to the selected contact"))
        self.message_button.clicked.connect(lambda: self.message_current())
        for button in (self.new_organization_button, self.new_person_button, self.message_button, self.import_button,
                       self.export_button, self.print_button):
            top.addWidget(button)
        self.layout_.addLayout(top)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.kind_filter = self._filter_combo("kindFilter", self.tr("All kinds"))
        self.activity_filter = self._filter_combo("activityFilter", self.tr("All activities"))
        # The province also refills the cities, then filters (see _province_chosen).
        self.province_filter = self._filter_combo("provinceFilter", self.tr("All provinces"), connect=False)
        self.city_filter = self._filter_combo("cityFilter", self.tr("All cities"))
        self.tag_filter = self._filter_combo("tagFilter", self.tr("All tags"))
        self.staff_filter = self._filter_combo("staffFilter", "", connect=False)
        self.staff_filter.clear()
        # Text data, not True/False: a Python bool kept in a QVariant upsets PySide's reference counts.
        self.staff_filter.addItem(self.tr("Staff and others"), "")
        self.staff_filter.addItem(self.tr("Our staff only"), "staff")
        self.staff_filter.addItem(self.tr("Not our staff"), "others")
        self.staff_filter.currentIndexChanged.connect(self.apply_filter)
        for combo, tip in (
            (self.kind_filter, self.tr("Only organizations of this kind, and their people")),
            (self.activity_filter, self.tr("Only organizations with this activity, and their people")),
            (self.province_filter, self.tr("Only this province")),
            (self.city_filter, self.tr("Only this city")),
            (self.tag_filter, self.tr("Only contacts with this tag")),
            (self.staff_filter, self.tr("Our own staff or the others (people only)")),
        ):
            combo.setToolTip(tip)
        for combo in (self.kind_filter, self.activity_filter, self.province_filter, self.city_filter,
                      self.tag_filter, self.staff_filter):
            filters.addWidget(combo, 1)
        self.province_filter.currentIndexChanged.connect(self._province_chosen)
        self.layout_.addLayout(filters)

        # Shown while the people of one organization are listed.
        self.organization_only = None
        self.organization_row = QWidget()
        row = QHBoxLayout(self.organization_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.organization_label = QLabel()
        self.organization_label.setObjectName("organizationOnly")
        show_all = QToolButton()
        show_all.setText(self.tr("Show everyone"))
        show_all.clicked.connect(lambda: self.show_people_of(None))
        row.addWidget(self.organization_label)
        row.addWidget(show_all)
        row.addStretch(1)
        self.organization_row.hide()
        self.layout_.addWidget(self.organization_row)

        db = self.context.db
        self.organizations = OrganizationsModel(db, self)
        self.people = PeopleModel(db, self)
        self.organizations_view = self._table(self.organizations, "organizations")
        self.people_view = self._table(self.people, "people")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("contactsTabs")
        self.tabs.addTab(self.organizations_view, self.tr("Organizations"))
        self.tabs.addTab(self.people_view, self.tr("People"))
        self.tabs.setCurrentIndex(int(QSettings().value(f"{SETTINGS_PREFIX}/tab", PEOPLE_TAB) or 0) % 2)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.layout_.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("contactsCount")
        bottom.addWidget(self.count_label)
        # Beside the count, which says the list is narrowed.
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText(self.tr("Show all (clear search and filters)"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.hide()
        bottom.addWidget(self.clear_filters_button)
        bottom.addStretch(1)
        self.layout_.addLayout(bottom)

        self.new_action = self._page_action(self.tr("New"), QKeySequence.StandardKey.New, self.new_record)
        self.find_action = self._page_action(self.tr("Search"), QKeySequence.StandardKey.Find, self.focus_search)
        self.print_action = self._page_action(self.tr("Print list"), QKeySequence.StandardKey.Print, self.open_print)
        #: The print preview opened last.
        self.preview_dialog = None
        self._fill_filter_lists()
        self._tab_changed(self.tabs.currentIndex())

    def _filter_combo(self, name: str, everything: str, *, connect: bool = True) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(2)
        combo.setMaxVisibleItems(20)
        if connect:
            combo.currentIndexChanged.connect(self.apply_filter)
        return combo

    def _page_action(self, text: str, keys: QKeySequence.StandardKey, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _table(self, model: ContactTableModel, name: str) -> QTableView:
        view = record_table(model, f"{name}Table", QAbstractItemView.SelectionMode.ExtendedSelection)
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        char = max(6, view.fontMetrics().averageCharWidth())
        for index, column in enumerate(model.columns):
            header.resizeSection(index, max(60, min(420, column.width * char)))
            header.setSectionHidden(index, not column.visible)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        state = QSettings().value(f"{SETTINGS_PREFIX}/{name}_header")
        if state is not None:
            header.restoreState(state)
        else:  # at the window's default size every shown column fits; phone numbers keep their width
            fit_columns_when_shown(view, [i for i, c in enumerate(model.columns) if c.ltr or c.width <= 8])
        header.setSortIndicatorShown(True)
        view.setSortingEnabled(True)
        model.unsortable.connect(lambda _column, v=view, m=model: v.horizontalHeader().setSortIndicator(
            m.sort_column, Qt.SortOrder.DescendingOrder if m.descending else Qt.SortOrder.AscendingOrder))

        save_timer = QTimer(view)
        save_timer.setSingleShot(True)
        save_timer.setInterval(400)
        save_timer.timeout.connect(lambda: QSettings().setValue(f"{SETTINGS_PREFIX}/{name}_header", header.saveState()))
        header.sectionResized.connect(save_timer.start)
        header.sectionMoved.connect(save_timer.start)
        header.sortIndicatorChanged.connect(save_timer.start)
        view.save_header_timer = save_timer

        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos, v=view: self._column_menu(v, pos))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._row_menu(v, pos))
        view.doubleClicked.connect(lambda _index: self.edit_current())

        for text, keys, slot in (
            (self.tr("Edit"), QKeySequence(Qt.Key.Key_Return), self.edit_current),
            (self.tr("Edit"), QKeySequence(Qt.Key.Key_Enter), self.edit_current),
            (self.tr("Delete"), QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected),
        ):
            action = QAction(text, view)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            view.addAction(action)
        return view

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the store again (after a change or when first shown); selections and scroll survive."""
        if self.defer_until_shown():
            return
        self._fill_filter_lists()
        for view in (self.organizations_view, self.people_view):
            model = view.model()
            current = self.current_id(view)
            selected = self.selected_ids(view)
            model.filter = self._filter_for(model)
            model.reload()
            self._select(view, selected, current)
        self._loaded = True
        self._show_counts()

    def _filter_for(self, model: ContactTableModel) -> ContactFilter:
        f = self.current_filter()
        if model is self.organizations:
            return replace(f, staff=None, organization_id=None)
        return f

    def current_filter(self) -> ContactFilter:
        """What the search box and the filters ask for now."""
        return ContactFilter(
            text=self.search.text().strip(),
            kind=self.kind_filter.currentData() or "",
            activity=self.activity_filter.currentData() or "",
            province=self.province_filter.currentData() or "",
            city=self.city_filter.currentData() or "",
            tag=self.tag_filter.currentData() or "",
            staff={"staff": True, "others": False}.get(self.staff_filter.currentData() or ""),
            organization_id=self.organization_only[0] if self.organization_only else None,
        )

    def apply_filter(self, *_args) -> None:
        """Show the contacts matching the search and filters now (both tabs, from the top)."""
        if self._filling or not self._loaded:
            return
        for model in (self.organizations, self.people):
            f = self._filter_for(model)
            if f != model.filter:
                model.set_filter(f)
        self._show_counts()

    _filling = False

    def _fill_filter_lists(self) -> None:
        """The filter combos' choices as the database has them now; the chosen value is kept."""
        self._filling = True
        try:
            self._refill(self.kind_filter, lookup_values(self.context.db, "kind"))
            self._refill(self.activity_filter, lookup_values(self.context.db, "activity"))
            self._refill(self.province_filter, list(PROVINCES))
            self._refill(self.city_filter, list_cities(self.context.db, self.province_filter.currentData() or ""))
            self._refill(self.tag_filter, [tag["name"] for tag in list_tags(self.context.db)])
        finally:
            self._filling = False

    @staticmethod
    def _refill(combo: QComboBox, values: list[str]) -> None:
        chosen = combo.currentData() or ""
        if [combo.itemData(i) for i in range(1, combo.count())] == values:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(value, value)
        if chosen and chosen not in values:
            combo.addItem(chosen, chosen)  # still filtered by it; the clerk sees why
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def _province_chosen(self) -> None:
        self._filling = True
        try:
            self.city_filter.blockSignals(True)
            self.city_filter.setCurrentIndex(0)
            self.city_filter.blockSignals(False)
            self._refill(self.city_filter, list_cities(self.context.db, self.province_filter.currentData() or ""))
        finally:
            self._filling = False
        self.apply_filter()

    def clear_filters(self) -> None:
        """Everything again: no search, no filter."""
        self._filling = True
        try:
            for combo in (self.kind_filter, self.activity_filter, self.province_filter, self.city_filter,
                          self.tag_filter, self.staff_filter):
                combo.setCurrentIndex(0)
            self.search.clear()
            self.search.flush()
            self.organization_only = None
            self.organization_row.hide()
        finally:
            self._filling = False
        self.apply_filter()

    def show_people_of(self, organization: tuple[int, str] | None) -> None:
        """List only the people of ``organization`` (id, name) on the people tab; None lists everyone."""
        self.organization_only = organization
        if organization:
            self.organization_label.setText(self.tr("Only the people of «{name}»").format(name=organization[1]))
            self.tabs.setCurrentIndex(PEOPLE_TAB)
        self.organization_row.setVisible(bool(organization))
        self.apply_filter()

    def _tab_changed(self, index: int) -> None:
        QSettings().setValue(f"{SETTINGS_PREFIX}/tab", index)
        self.staff_filter.setEnabled(index == PEOPLE_TAB)
        self._show_counts()

    def _show_counts(self) -> None:
        if not self._loaded:
            self.count_label.clear()
            return
        p = to_persian_digits
        self.tabs.setTabText(ORGANIZATIONS_TAB, self.tr("Organizations ({count})").format(count=p(self.organizations.total)))
        self.tabs.setTabText(PEOPLE_TAB, self.tr("People ({count})").format(count=p(self.people.total)))
        model = self.current_model()
        shown, everyone = model.total, model.total_without_filter()
        if model is self.people:
            text = (self.tr("{count} people") if shown == everyone else self.tr("{count} of {all} people"))
        else:
            text = (self.tr("{count} organizations") if shown == everyone else self.tr("{count} of {all} organizations"))
        self.count_label.setText(text.format(count=p(shown), all=p(everyone)))
        self.clear_filters_button.setVisible(self.current_filter() != ContactFilter())

    # --- selection -------------------------------------------------------------------------

    def current_view(self) -> QTableView:
        return self.people_view if self.tabs.currentIndex() == PEOPLE_TAB else self.organizations_view

    def current_model(self) -> ContactTableModel:
        return self.current_view().model()

    @staticmethod
    def current_id(view: QTableView) -> int | None:
        index = view.currentIndex()
        return view.model().row_id(index.row()) if index.isValid() else None

    @staticmethod
    def selected_ids(view: QTableView) -> list[int]:
        # Read by range, not by index: 10,000 selected rows are one range, not 10,000 objects.
        rows: set[int] = set()
        for selected in view.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return view.model().ids_of(sorted(rows))

    def _select(self, view: QTableView, ids: list[int], current: int | None) -> None:
        """Select the rows of ``ids`` again after a reload: one range per run of rows, one select call."""
        model: ContactTableModel = view.model()
        rows = sorted(model.rows_of(ids))
        wanted = QItemSelection()
        last_column = model.columnCount() - 1
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i] != rows[i - 1] + 1:
                wanted.select(model.index(rows[start], 0), model.index(rows[i - 1], last_column))
                start = i
        selection = view.selectionModel()
        if not wanted.isEmpty():
            selection.select(wanted, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        row = model.row_of(current) if current is not None else -1
        if row >= 0:
            selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def select_record(self, table: str, record_id: int) -> bool:
        """Make ``record_id`` the current row of its table (when loaded) and show it."""
        view = self.organizations_view if table == "organizations" else self.people_view
        row = view.model().row_of(record_id)
        if row < 0:
            return False
        view.selectionModel().setCurrentIndex(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(view.model().index(row, 0))
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- records ---------------------------------------------------------------------------

    def new_record(self) -> None:
        if self.tabs.currentIndex() == PEOPLE_TAB:
            self.new_person()
        else:
            self.new_organization()

    def new_organization(self) -> OrganizationDialog:
        return self._open(OrganizationDialog(self.context, None, self))

    def new_person(self, organization: tuple[int, str] | None = None) -> PersonDialog:
        if organization is None and self.organization_only:
            organization = self.organization_only
        return self._open(PersonDialog(self.context, None, self, organization=organization))

    def open_record(self, table: str, record_id: int):
        """The edit dialog of one organization or person."""
        if table == "organizations":
            return self._open(OrganizationDialog(self.context, record_id, self))
        return self._open(PersonDialog(self.context, record_id, self))

    def edit_current(self) -> None:
        view = self.current_view()
        record_id = self.current_id(view)
        if record_id is not None:
            self.open_record(view.model().table, record_id)

    def _open(self, dialog):
        """Show ``dialog`` window-modal without blocking; ``self.dialog`` is the one open now."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if isinstance(dialog, MergeDialog):
            if dialog.merged:
                self.select_record(dialog.table, dialog.kept_id)
        elif not isinstance(dialog, (OrganizationDialog, PersonDialog)):
            return
        elif dialog.saved_id is not None:
            self.select_record(dialog.table, dialog.saved_id)
            self.context.show_status(self.tr("Saved."))
        elif dialog.open_instead is not None:
            self.select_record(dialog.table, dialog.open_instead)
            self.open_record(dialog.table, dialog.open_instead)

    def message_current(self):
        """The one-message dialog for the current contact (messages own it: prdesk.ui.dialogs.message_dialog)."""
        from prdesk.ui.dialogs.message_dialog import open_message_for

        view = self.current_view()
        record_id = self.current_id(view)
        if record_id is None:
            messages.show_message(self, self.tr("Select a contact in the list first."))
            return None
        self.message_dialog = open_message_for(self.context, self, view.model().table, record_id)
        return self.message_dialog

    def delete_selected(self) -> None:
        """Delete the selected records after asking; says what happens to an organization's people."""
        view = self.current_view()
        model: ContactTableModel = view.model()
        ids = self.selected_ids(view) or ([self.current_id(view)] if self.current_id(view) is not None else [])
        if not ids:
            return
        db = self.context.db
        if model is self.organizations:
            if len(ids) == 1:
                question = organization_delete_impact(db, ids[0])["message"]
            else:
                people = sum(organization_delete_impact(db, i)["people"] for i in ids)
                question = self.tr("The {count} selected organizations are deleted.").format(count=to_persian_digits(len(ids)))
                if people:
                    question += " " + self.tr(
                        "{people} people of theirs stay in the contacts, linked to no organization."
                    ).format(people=to_persian_digits(people))
            question += "\n\n" + self.tr("Delete?")
            delete = delete_organization
        else:
            if len(ids) == 1:
                name = model.value(model.row_of(ids[0]), "full_name")
                question = self.tr("Delete «{name}» from the contacts?").format(name=name)
            else:
                question = self.tr("Delete the {count} selected people from the contacts?").format(count=to_persian_digits(len(ids)))
            question += " " + self.tr("Their tags, other dates and position history are deleted too.")
            delete = delete_person
        if not messages.confirm(self, question, title=self.tr("Delete")):
            return

        def delete_all():
            with db.atomic():
                return [delete(db, record_id) for record_id in ids]

        outcome = self.context.runner.run(delete_all, area="contacts")
        if outcome.ok:
            self.context.show_status(self.tr("Deleted."))

    def merge_selected(self) -> MergeDialog | None:
        """Merge the two selected records, or the current one with one the clerk finds."""
        view = self.current_view()
        ids = self.selected_ids(view)
        if not ids and self.current_id(view) is not None:
            ids = [self.current_id(view)]
        if not ids:
            return None
        if len(ids) > 2:
            messages.show_message(self, self.tr("Select two records to merge, or one and then find the other."))
            return None
        return self._open(MergeDialog(self.context, view.model().table, ids[0], ids[1] if len(ids) == 2 else None, self))

    def copy_phone(self) -> str:
        """Copy the current record's phone number (a person's mobile first) for pasting elsewhere."""
        view = self.current_view()
        index = view.currentIndex()
        if not index.isValid():
            return ""
        model: ContactTableModel = view.model()
        if model is self.people:
            number = model.value(index.row(), "mobile") or model.value(index.row(), "phone")
        else:
            number = (model.value(index.row(), "phones") or "").split("،")[0].strip()
        if number:
            QGuiApplication.clipboard().setText(number)
            self.context.show_status(self.tr("{number} copied.").format(number=to_persian_digits(number)))
        else:
            self.context.show_status(self.tr("This record has no phone number."))
        return number

    def open_import(self) -> ImportDialog:
        return self._open(ImportDialog(self.context, self))

    def open_export(self) -> ExportDialog:
        model = self.current_model()
        return self._open(ExportDialog(
            self.context, self._filter_for(model), model.total,
            organizations=model is self.organizations, parent=self,
        ))

    # --- printing --------------------------------------------------------------------------

    def open_print(self) -> DirectoryPrintDialog:
        """Ask how to group the printed directory of the contacts listed now."""
        if not self._loaded:
            self.reload()
        dialog = DirectoryPrintDialog(
            self.organizations.total, self.people.total, filtered=self.current_filter() != ContactFilter(), parent=self
        )
        dialog.accepted.connect(lambda d=dialog: self.print_directory(d.group_by(), d.with_people()))
        return self._open(dialog)

    def print_directory(self, group_by: str = "kind", people: bool = False):
        """The directory of the search and filters now, laid out in a worker, in the print preview."""
        from prdesk.printing.directory import render_directory

        # With people, the filter is the people tab's (staff, one organization's people) and the
        # organizations are those it leads to; without, exactly the organizations tab.
        f = self.current_filter() if people else self._filter_for(self.organizations)
        printed = self.context.today()
        title = self.tr("Contacts directory") if people else self.tr("Organizations directory")
        self.preview_dialog = print_preview(
            self, self.context.db_path,
            lambda db: render_directory(db, group_by=group_by, f=f, people=people, printed=printed),
            label=self.tr("Laying out the directory…"), title=title, file_name=safe_file_name(title),
        )
        return self.preview_dialog

    # --- menus -----------------------------------------------------------------------------

    def row_actions(self, view: QTableView) -> list[QAction | None]:
        """The actions of the context menu for the rows selected in ``view`` (None: a separator)."""
        model: ContactTableModel = view.model()
        record_id = self.current_id(view)
        count = len(self.selected_ids(view))
        actions: list[QAction | None] = []

        def add(text: str, slot, enabled: bool = True) -> QAction:
            action = QAction(text, self)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False: slot())
            actions.append(action)
            return action

        add(self.tr("Edit…"), self.edit_current, record_id is not None).setShortcut(QKeySequence(Qt.Key.Key_Return))
        add(self.tr("Copy phone number"), self.copy_phone, record_id is not None)
        add(self.tr("Message to this contact…"), self.message_current, record_id is not None)
        if model is self.organizations and record_id is not None:
            row = view.currentIndex().row()
            organization = (record_id, model.value(row, "name"))
            actions.append(None)
            add(self.tr("Show its people"), lambda: self.show_people_of(organization))
            add(self.tr("Add a person here…"), lambda: self.new_person(organization))
        actions.append(None)
        add(self.tr("Merge the two selected…") if count == 2 else self.tr("Merge with…"), self.merge_selected,
            record_id is not None and count <= 2)
        add(self.tr("Delete"), self.delete_selected, record_id is not None).setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        return actions

    def _row_menu(self, view: QTableView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isRowSelected(index.row()):
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        menu = QMenu(self)
        for action in self.row_actions(view):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _column_menu(self, view: QTableView, pos: QPoint) -> None:
        header = view.horizontalHeader()
        menu = QMenu(self)
        model: ContactTableModel = view.model()
        for index, column in enumerate(model.columns):
            action = menu.addAction(column_header(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(index))
            action.toggled.connect(lambda shown, i=index: (header.setSectionHidden(i, not shown), view.save_header_timer.start()))
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()
