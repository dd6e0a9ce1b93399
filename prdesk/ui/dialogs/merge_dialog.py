"""Merging two records of the same person or organization, shown side by side before anything is done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prdesk.core.contacts import ContactFilter
from prdesk.core.jalali import format_jalali
from prdesk.core.text import to_persian_digits
from prdesk.store.contacts import (
    get_organization,
    get_person,
    merge_organizations,
    merge_people,
    query_organizations,
    query_people,
)
from prdesk.ui.pages.base import PageContext
from prdesk.ui.widgets.search_box import SearchBox


class MergeDialog(QDialog):
    """Two records of one table side by side; the kept one takes every field, tag and link of the other.

    With only ``first_id`` given, the clerk first finds the other record by typing.
    """

    def __init__(
        self,
        context: PageContext,
        table: str,
        first_id: int,
        second_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.context = context
        self.db = context.db
        self.table = table
        self.first = self._load(first_id)
        self.second: dict | None = None
        self.merged = False
        self.kept_id: int | None = None
        self.setWindowTitle(self.tr("Merge two organizations") if table == "organizations" else self.tr("Merge two people"))
        layout = QVBoxLayout(self)

        self.finder = QWidget()
        finder = QVBoxLayout(self.finder)
        finder.setContentsMargins(0, 0, 0, 0)
        finder.addWidget(QLabel(self.tr("Find the other record of «{name}»:").format(name=self._name(self.first))))
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Name, city or phone number"))
        self.search.search_changed.connect(self._find)
        finder.addWidget(self.search)
        self.found = QListWidget()
        self.found.setObjectName("found")
        self.found.setMaximumHeight(150)
        self.found.currentItemChanged.connect(self._picked)
        finder.addWidget(self.found)
        layout.addWidget(self.finder)

        self.comparison = QTableWidget(0, 3)
        self.comparison.setObjectName("comparison")
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.verticalHeader().hide()
        self.comparison.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.comparison.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.comparison.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.comparison.setWordWrap(True)
        layout.addWidget(self.comparison, 1)

        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep:")))
        self.keep_first = QRadioButton()
        self.keep_second = QRadioButton()
        self.keep_first.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep_first)
        group.addButton(self.keep_second)
        keep_row.addWidget(self.keep_first)
        keep_row.addWidget(self.keep_second)
        keep_row.addStretch(1)
        layout.addLayout(keep_row)
        note = QLabel(self.tr(
            "The kept record takes the other's empty fields, tags, phone numbers, history and links; where both "
            "have a different value, the other's value is written into the notes. The other record is then "
            "removed. Nothing is lost."
        ))
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)

        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(self.tr("Merge the two records"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if second_id is not None:
            self.finder.hide()
            self._set_second(self._load(second_id))
        else:
            self._set_second(None)
            self.search.setFocus()
        self.resize(760, 560)

    # --- records -------------------------------------------------------------------------

    def _load(self, record_id: int) -> dict:
        return get_organization(self.db, record_id) if self.table == "organizations" else get_person(self.db, record_id)

    def _name(self, record: dict) -> str:
        return record["name"] if self.table == "organizations" else record["full_name"]

    def _rows(self, record: dict | None) -> list[tuple[str, str]]:
        if record is None:
            record = {}
        get = lambda key: record.get(key) or ""  # noqa: E731
        if self.table == "organizations":
            return [
                (self.tr("Name"), get("name")),
                (self.tr("Kind"), get("kind")),
                (self.tr("Activity"), get("activity")),
                (self.tr("Registration no."), to_persian_digits(get("registration_no"))),
                (self.tr("Province"), get("province")),
                (self.tr("City"), get("city")),
                (self.tr("Address"), get("address")),
                (self.tr("Postal code"), to_persian_digits(get("postal_code"))),
                (self.tr("Phones"), to_persian_digits("، ".join(p["number"] for p in record.get("phones", [])))),
                (self.tr("Fax"), to_persian_digits(get("fax"))),
                (self.tr("Email"), get("email")),
                (self.tr("Website"), get("website")),
                (self.tr("People"), to_persian_digits(record["people_count"]) if record else ""),
                (self.tr("Tags"), "، ".join(record.get("tags", []))),
                (self.tr("Notes"), get("notes")),
            ]
        return [
            (self.tr("Name"), get("full_name")),
            (self.tr("Position"), get("position")),
            (self.tr("Organization"), get("organization")),
            (self.tr("City"), get("city")),
            (self.tr("Mobile"), to_persian_digits(get("mobile"))),
            (self.tr("Phone"), to_persian_digits(get("phone"))),
            (self.tr("Email"), get("email")),
            (self.tr("Birthday"), format_jalali(dt.date.fromisoformat(record["birthday"])) if get("birthday") else ""),
            (self.tr("Staff"), self.tr("Yes") if record.get("is_staff") else ""),
            (self.tr("Previous positions"), to_persian_digits(len(record["history"])) if record.get("history") else ""),
            (self.tr("Tags"), "، ".join(record.get("tags", []))),
            (self.tr("Notes"), get("notes")),
        ]

    def _set_second(self, record: dict | None) -> None:
        self.second = record
        first_rows, second_rows = self._rows(self.first), self._rows(record)
        self.comparison.setRowCount(len(first_rows))
        self.comparison.setHorizontalHeaderLabels([
            self.tr("Field"),
            self.tr("Record {number}").format(number=to_persian_digits(self.first["id"])),
            self.tr("Record {number}").format(number=to_persian_digits(record["id"])) if record else self.tr("(not chosen yet)"),
        ])
        for row, ((label, mine), (_, theirs)) in enumerate(zip(first_rows, second_rows)):
            for column, text in enumerate((label, mine, theirs)):
                item = QTableWidgetItem(text)
                if column and mine != theirs and mine and theirs:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.comparison.setItem(row, column, item)
        self.comparison.resizeRowsToContents()
        self.keep_first.setText(self._name(self.first))
        self.keep_second.setText(self._name(record) if record else self.tr("the other record"))
        self.keep_second.setEnabled(record is not None)
        self.merge_button.setEnabled(record is not None)

    def _find(self, text: str) -> None:
        self.found.clear()
        if not text.strip():
            return
        f = ContactFilter(text=text)
        if self.table == "organizations":
            rows = [(r["id"], f"{r['name']} — {r['city']}" if r["city"] else r["name"])
                    for r in query_organizations(self.db, f, "relevance", 21)]
        else:
            rows = [(r["id"], " — ".join(x for x in (r["full_name"], r["position"], r["organization"]) if x))
                    for r in query_people(self.db, f, "relevance", 21)]
        for record_id, text_shown in rows:
            if record_id != self.first["id"]:
                item = QListWidgetItem(text_shown, self.found)
                item.setData(Qt.ItemDataRole.UserRole, record_id)

    def _picked(self, item: QListWidgetItem | None) -> None:
        self._set_second(self._load(int(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None)

    # --- merging -------------------------------------------------------------------------

    def keep_and_drop(self) -> tuple[int, int]:
        """(kept id, removed id) as chosen."""
        first, second = self.first["id"], self.second["id"]
        return (first, second) if self.keep_first.isChecked() else (second, first)

    def merge(self) -> None:
        if self.second is None:
            return
        keep, drop = self.keep_and_drop()
        merge = merge_organizations if self.table == "organizations" else merge_people
        outcome = self.context.runner.run(lambda: merge(self.db, keep, drop), area="contacts")
        if outcome.ok:
            self.merged = True
            self.kept_id = keep
            self.context.show_status(self.tr("The two records were merged into one."))
            self.accept()
